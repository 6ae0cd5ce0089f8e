"""A Word export with the slips of a real one: each is read as the resolution
it was meant to be, and the import reports it once (a note, or the one
finding of ``check``), not as a cascade of findings on what follows."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures import importers
from itures.importers import ImportFailure, wordtext
from itures.importers.build import Imported

HEAD = """RESOLUTION 7 (REV. DUBAI, 2018)
A test of slips
The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
"""
BODY = """considering
a)\tthat the work goes on;
b)\tthat it goes well,
resolves
1\tto do something;
2\tto do something else;
3\tto report annually to the Council,
instructs the Secretary-General
1\tto act by 2020;
2\tto report on it.
"""


def _import(text: str) -> Imported:
    return wordtext.parse_text(text, source="t.txt", language="en")


def _found(imported: Imported, tmp_path: Path) -> list[tuple[str, str]]:
    """(rule, message) of what ``itures import`` reports for the document."""
    targets = importers.plan([imported], str(tmp_path / "out.yaml"))
    importers.write(targets, force=True)
    return [(d.rule, d.message) for d in importers.diagnostics(targets)]


def _shape(imported: Imported) -> list[tuple[str, str, list[str | None]]]:
    res = imported.resolution
    return [(s.verb, s.heading, [i.label for i in s.items]) for s in res.preamble] + [
        (s.verb, s.heading, [c.label for c in s.clauses]) for s in res.operative
    ]


def test_the_document_without_slips_is_clean(tmp_path: Path) -> None:
    imported = _import(HEAD + BODY)
    assert _found(imported, tmp_path) == []
    assert _shape(imported) == [
        ("considering", "considering", ["a)", "b)"]),
        ("resolves", "resolves", ["1", "2", "3"]),
        ("instructs", "instructs the Secretary-General", ["1", "2"]),
    ]


@pytest.mark.parametrize(
    ("written", "part", "verb"),
    [
        ("resolvs", "operative", "resolves"),  # a letter left out
        ("rseolves", "operative", "resolves"),  # two letters swapped
        ("considerinf", "preamble", "considering"),  # a letter replaced
    ],
)
def test_a_heading_with_a_slip_of_typing_is_read_as_the_heading_meant(
    written: str, part: str, verb: str, tmp_path: Path
) -> None:
    heading = "resolves" if part == "operative" else "considering"
    imported = _import((HEAD + BODY).replace(f"\n{heading}\n", f"\n{written}\n", 1))
    sections = _shape(imported)
    assert (verb, written) in [(v, h) for v, h, _ in sections]
    # the entries stay under their own heading, in their order
    assert [labels for *_, labels in sections] == [["a)", "b)"], ["1", "2", "3"], ["1", "2"]]
    found = _found(imported, tmp_path)
    assert [rule for rule, _ in found] == ["heading-mismatch"]
    assert f"'{written}'" in found[0][1]


def test_a_french_heading_without_its_accent_is_read_as_the_heading_meant(
    tmp_path: Path,
) -> None:
    text = """RÉSOLUTION 9 (RÉV. BUENOS AIRES, 2017)
Un titre
La Conférence mondiale de développement des télécommunications (Buenos Aires, 2017),
considerant
a)\tque le travail continue,
décide
1\tde faire quelque chose;
2\tde faire autre chose.
"""
    imported = wordtext.parse_text(text, source="t.txt")
    assert _shape(imported) == [
        ("considering", "considerant", ["a)"]),
        ("resolves", "décide", ["1", "2"]),
    ]
    assert [rule for rule, _ in _found(imported, tmp_path)] == ["heading-mismatch"]


def test_a_slip_heading_naming_its_actors_keeps_them() -> None:
    text = HEAD + BODY.replace("instructs the Secretary-General", "instruct the Secretary-General")
    section = _import(text).resolution.operative[1]
    assert (section.verb, section.actors) == ("instructs", ["secretary-general"])


@pytest.mark.parametrize(
    "paragraph",
    [
        "resolve the matter in the next study period;",  # ends as an entry does
        "urge",  # a short word: too often another word one letter away
        "encourage the work to continue",  # what follows names no actor
    ],
)
def test_a_paragraph_that_only_starts_like_a_heading_stays_an_entry(paragraph: str) -> None:
    text = HEAD + BODY.replace("3\tto report", f"{paragraph}\n3\tto report")
    sections = _shape(_import(text))
    assert [v for v, *_ in sections] == ["considering", "resolves", "instructs"]
    assert sections[1][2] == ["1", "2", None, "3"]


def test_a_line_broken_inside_an_entry_is_not_a_heading() -> None:
    text = HEAD + BODY.replace(
        "2\tto do something else;", "2\tto do something else and\nresolve it;"
    )
    res = _import(text).resolution
    assert [c.text for c in res.operative[0].clauses][1] == "to do something else and resolve it;"


@pytest.mark.parametrize(
    ("old", "new", "entry"),
    [
        ("considering\na)\t", "considering a)\t", "'a)'"),
        ("resolves\n1\t", "resolves 1\t", "'1'"),
        ("instructs the Secretary-General\n1\t", "instructs the Secretary-General 1\t", "'1'"),
    ],
)
def test_a_heading_run_into_its_first_entry_is_split_and_said_once(
    old: str, new: str, entry: str, tmp_path: Path
) -> None:
    imported = _import(HEAD + BODY.replace(old, new))
    assert _shape(imported) == _shape(_import(HEAD + BODY))
    found = _found(imported, tmp_path)
    assert len(found) == 1 and found[0][0] == "conversion-artefact"
    assert f"the entry {entry} were one paragraph" in found[0][1]


@pytest.mark.parametrize("page", ["- 2 -", "– 14 –", "Res. 7 (Rev. Dubai, 2018) 3", "562 D - 81"])
def test_a_page_header_or_footer_between_entries_is_left_out_and_said_once(
    page: str, tmp_path: Path
) -> None:
    imported = _import(
        HEAD + BODY.replace("2\tto do something else", f"{page}\n2\tto do something else")
    )
    assert _shape(imported) == _shape(_import(HEAD + BODY))
    found = _found(imported, tmp_path)
    assert len(found) == 1 and found[0][0] == "conversion-artefact"
    assert repr(page) in found[0][1] and "(line 9)" in found[0][1]


def test_what_follows_the_closing_rule_is_left_out_and_said_once(tmp_path: Path) -> None:
    text = HEAD + BODY + "\n______________\nDone at Dubai, 12 November 2018\nThe Chair\n"
    imported = _import(text)
    assert _shape(imported) == _shape(_import(HEAD + BODY))
    found = _found(imported, tmp_path)
    assert len(found) == 1 and found[0][0] == "conversion-artefact"
    assert "2 paragraph(s) after the closing rule left out (line 16)" in found[0][1]
    assert "'Done at Dubai, 12 November 2018'; 'The Chair'" in found[0][1]


def test_a_rule_followed_by_the_resolutions_own_text_is_not_its_end() -> None:
    # a rule between the operative part and an annex: the annex is kept
    text = HEAD + BODY + "______________\nANNEX TO RESOLUTION 7\nA plan\n1\tFirst step.\n"
    res = _import(text).resolution
    assert [a.heading for a in res.annexes] == ["ANNEX TO RESOLUTION 7"]
    # a rule under the heading, before any entry, closes nothing
    ruled = _import(HEAD.replace("A test of slips\n", "A test of slips\n__________\n") + BODY)
    assert _shape(ruled) == _shape(_import(HEAD + BODY))


def test_a_heading_without_its_revision_takes_the_formulas_conference(tmp_path: Path) -> None:
    imported = _import(HEAD.replace(" (REV. DUBAI, 2018)", "") + BODY)
    res = imported.resolution
    assert [(h.event, h.place, h.year) for h in res.history] == [("adopted", "Dubai", 2018)]
    found = _found(imported, tmp_path)
    assert len(found) == 1 and found[0][0] == "conversion-artefact"
    assert "'RESOLUTION 7' names no adoption or revision" in found[0][1]
    assert "Dubai 2018" in found[0][1]


def test_a_heading_without_a_revision_nor_a_formula_is_a_clear_failure() -> None:
    text = "RESOLUTION 7\nA title\nconsidering\na)\tthat it is so,\n"
    with pytest.raises(ImportFailure, match="'RESOLUTION 7' names no conference"):
        _import(text)


@pytest.mark.parametrize(
    ("old", "new", "kept"),
    [
        ("something;\n2", "something;.\n2", "to do something;"),  # middle: ';' wherever it stands
        ("something;\n2", "something.;\n2", "to do something;"),
        ("something;\n2", "something,;\n2", "to do something;"),
    ],
)
def test_a_tracked_change_of_a_middle_entrys_end_mark_keeps_its_semicolon(
    old: str, new: str, kept: str, tmp_path: Path
) -> None:
    imported = _import(HEAD + BODY.replace(old, new, 1))
    assert imported.resolution.operative[0].clauses[0].text == kept
    found = _found(imported, tmp_path)
    assert [rule for rule, _ in found] == ["conversion-artefact"]
    assert "kept ';'" in found[0][1]


def test_a_tracked_change_of_the_last_entrys_end_mark_keeps_the_inserted_one() -> None:
    imported = _import(HEAD + BODY.replace("to report on it.", "to report on it;."))
    assert imported.resolution.operative[1].clauses[1].text == "to report on it."
    assert any("the struck ';' before the inserted '.'" in n.message for n in imported.notes)


def test_text_after_a_footnote_body_stays_in_its_entry_with_one_blank(tmp_path: Path) -> None:
    text = HEAD + BODY.replace(
        "a)\tthat the work goes on;",
        "a)\tthat the work[footnoteRef:1]1 [1: 1\tA note\nover two lines.] goes on;",
    )
    imported = _import(text)
    item = imported.resolution.preamble[0].items[0]
    assert item.text == "that the work[^1] goes on;"
    assert imported.resolution.footnotes[0].text == "A note over two lines."
    # the lines after it keep their numbers: the note body's two lines count
    page = _import(text.replace("2\tto do something else", "- 2 -\n2\tto do something else"))
    assert any("'- 2 -' (line 10)" in n.message for n in page.notes)
    assert _found(imported, tmp_path) == []


def test_a_full_name_written_with_a_blank_for_its_hyphen_is_read() -> None:
    text = HEAD + BODY.replace("instructs the Secretary-General", "instructs the Secretary General")
    section = _import(text).resolution.operative[1]
    assert section.actors == ["secretary-general"]


@pytest.mark.parametrize("first", ["c", "l", "v", "x"])
def test_a_list_that_goes_on_from_the_section_before_stays_one_list(first: str) -> None:
    # letters that are also roman numbers ("c)", "d)") open a section whose
    # list goes on from the one before: the next letter is its sibling
    after = chr(ord(first) + 1)
    text = HEAD + BODY.replace(
        "resolves", f"noting\n{first})\tthat one more;\n{after})\tthat another,\nresolves"
    )
    noting = _import(text).resolution.preamble[1]
    assert [(i.label, len(i.items)) for i in noting.items] == [(f"{first})", 0), (f"{after})", 0)]


def test_a_list_of_roman_numbers_is_still_read_as_one() -> None:
    text = HEAD + BODY.replace(
        "a)\tthat the work goes on;\n",
        "a)\tthat the work goes on:\ni)\tin one way;\nii)\tin another;\n",
    )
    items = _import(text).resolution.preamble[0].items
    assert [(i.label, [c.label for c in i.items]) for i in items] == [
        ("a)", ["i)", "ii)"]),
        ("b)", []),
    ]


def test_an_actor_with_a_slip_in_a_heading_is_read_as_meant_and_said(tmp_path: Path) -> None:
    text = HEAD + BODY.replace("instructs the Secretary-General", "instructs the Secretary-Generl")
    imported = _import(text)
    assert imported.resolution.operative[1].actors == ["secretary-general"]
    [note] = [n for n in imported.notes if "one slip from the actor" in n.message]
    assert note.path == ("operative", 1, "heading")
    # the import's report: the note alone (the check's reading of the heading,
    # actor-mismatch's "'Secretary-Generl' in the name", says it again)
    found = _found(imported, tmp_path)
    assert [r for r, _ in found] == ["conversion-artefact"], found


def test_words_that_name_no_actor_are_not_taken_for_one() -> None:
    text = HEAD + BODY.replace("instructs the Secretary-General", "instructs the Sectors")
    imported = _import(text)
    assert imported.resolution.operative[1].actors == []
    assert not [n for n in imported.notes if "one slip from the actor" in n.message]
