"""Slips in an Akoma Ntoso document, read as the resolution meant, each
reported once: a section heading with a slip of typing, a file whose declared
language is not its text's."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures import importers
from itures.importers import akn
from itures.importers.build import Imported
from tests.importers.aknfixtures import statement

PREAMBLE = """<recitals eId="recs_1">
      <intro><p><i>{considering}</i></p></intro>
      <recital eId="rec_a"><num>a)</num><p>that the work goes on;</p></recital>
      <recital eId="rec_b"><num>b)</num><p>that it goes well,</p></recital>
    </recitals>"""
MAIN = """<hcontainer name="resolves" eId="hcont_1">
        <heading>{resolves}</heading>
        <paragraph eId="para_1"><num>1</num><content><p>to do something,</p></content></paragraph>
      </hcontainer>
      <hcontainer name="instructs" eId="hcont_2">
        <heading><i>{instructs}</i></heading>
        <paragraph eId="para_2"><num>1</num><content><p>to report on it.</p></content></paragraph>
      </hcontainer>"""
ENGLISH = {
    "considering": "considering",
    "resolves": "resolves",
    "instructs": "instructs the Secretary-General",
}


def _imported(language: str = "eng", **headings: str) -> Imported:
    words = {**ENGLISH, **headings}
    xml = statement(
        "9",
        "9 (REV. DUBAI, 2018)",
        "A test of slips",
        PREAMBLE.format(**words),
        MAIN.format(**words),
        language=language,
    )
    [imported], failures = akn.parse_bytes(xml.encode(), source="s.xml")
    assert failures == []
    return imported


def _found(imported: Imported, tmp_path: Path) -> list[tuple[str, str]]:
    targets = importers.plan([imported], str(tmp_path / "out.yaml"))
    importers.write(targets, force=True)
    return [(d.rule, d.message) for d in importers.diagnostics(targets)]


def test_the_document_without_slips_is_clean(tmp_path: Path) -> None:
    assert _found(_imported(), tmp_path) == []


@pytest.mark.parametrize(
    ("slip", "part", "verb"),
    [
        ({"instructs": "instrcts the Secretary-General"}, "operative", "instructs"),
        ({"resolves": "resolve"}, "operative", "resolves"),
        ({"considering": "considerng"}, "preamble", "considering"),
    ],
)
def test_a_heading_with_a_slip_is_read_as_meant_and_reported_once(
    slip: dict[str, str], part: str, verb: str, tmp_path: Path
) -> None:
    imported = _imported(**slip)
    [written] = slip.values()
    sections = imported.resolution.preamble if part == "preamble" else imported.resolution.operative
    [section] = [s for s in sections if s.heading == written]
    assert section.verb == verb
    if verb == "instructs":
        assert section.actors == ["secretary-general"]  # (the heading's actors kept)
    found = _found(imported, tmp_path)
    assert [rule for rule, _ in found] == ["heading-mismatch"], found


def test_a_heading_that_is_no_heading_is_still_noted() -> None:
    imported = _imported(resolves="whereas the sun")
    assert imported.resolution.operative[0].heading == "whereas the sun"
    assert any(
        "operative heading 'whereas the sun' not recognised" in n.message for n in imported.notes
    )


def test_a_file_that_says_french_and_is_english_is_one_finding(tmp_path: Path) -> None:
    imported = _imported(language="fra")
    res = imported.resolution
    assert res.language == "fr"  # as declared: the finding asks which is wrong
    assert [s.verb for s in res.preamble] + [s.verb for s in res.operative] == [
        "considering",
        "resolves",
        "instructs",
    ]
    assert res.operative[1].actors == ["secretary-general"]
    found = _found(imported, tmp_path)
    assert [rule for rule, _ in found] == ["heading-mismatch"], found
    assert "the section headings are in 'en'" in found[0][1]


def test_a_french_file_is_read_with_the_french_grammar() -> None:
    imported = _imported(
        language="fra",
        considering="considérant",
        resolves="décide",
        instructs="charge le Secrétaire général",
    )
    assert [s.verb for s in imported.resolution.operative] == ["resolves", "instructs"]
    assert imported.resolution.operative[1].actors == ["secretary-general"]


def _with_main(main: str, preamble: str = PREAMBLE.format(**ENGLISH)) -> Imported:
    xml = statement("9", "9 (REV. DUBAI, 2018)", "A test of slips", preamble, main)
    [imported], failures = akn.parse_bytes(xml.encode(), source="s.xml")
    assert failures == []
    return imported


def test_a_last_clause_without_text_is_one_finding_where_the_text_it_followed_ends(
    tmp_path: Path,
) -> None:
    imported = _with_main(
        """<hcontainer name="resolves" eId="hcont_1"><heading>resolves</heading>
        <paragraph eId="para_1"><num>1</num><content><p>to do something;</p></content></paragraph>
        <paragraph eId="para_2"><num>2</num><intro><p>to do this:</p></intro>
          <point eId="para_2__a"><num>a)</num><content><p>in one way;</p></content></point>
          <point eId="para_2__b"><num>b)</num><content><p>in another;</p></content></point>
        </paragraph>
        <paragraph eId="para_3"><num>3</num><content><p/></content></paragraph>
      </hcontainer>"""
    )
    clauses = imported.resolution.operative[0].clauses
    assert [c.label for c in clauses] == ["1", "2"]
    found = _found(imported, tmp_path)
    assert [(r, m.split(" [")[0]) for r, m in found] == [
        ("conversion-artefact", "paragraph '3' without text left out (it followed this text)")
    ]


def test_a_clause_without_text_keeps_its_own_clauses() -> None:
    imported = _with_main(
        """<hcontainer name="resolves" eId="hcont_1"><heading>resolves</heading>
        <paragraph eId="para_1"><num>1</num><content><p>to do something;</p></content></paragraph>
        <paragraph eId="para_2"><num>2</num>
          <point eId="para_2__a"><num>2.1</num><content><p>in one way;</p></content></point>
          <point eId="para_2__b"><num>2.2</num><content><p>in another.</p></content></point>
        </paragraph>
      </hcontainer>"""
    )
    texts = [c.text for c in imported.resolution.operative[0].clauses]
    assert texts == ["to do something;", "in one way;", "in another."]


def test_a_recital_without_text_is_noted_at_the_item_it_followed() -> None:
    preamble = """<recitals eId="recs_1"><intro><p><i>considering</i></p></intro>
      <recital eId="rec_a"><num>a)</num><p>that the work goes on;</p></recital>
      <recital eId="rec_b"><num>b)</num><p></p></recital>
      <recital eId="rec_c"><num>c)</num><p>that it goes well,</p></recital>
    </recitals>"""
    imported = _with_main(MAIN.format(**ENGLISH), preamble)
    [note] = [n for n in imported.notes if "without text" in n.message]
    assert note.message.startswith("recital 'b)' without text left out (it followed this text)")
    assert note.path == ("preamble", 0, "items", 0, "text")


def test_a_clause_without_text_among_others_is_one_finding_not_a_relabelling(
    tmp_path: Path,
) -> None:
    imported = _with_main(
        """<hcontainer name="resolves" eId="hcont_1"><heading>resolves</heading>
        <paragraph eId="para_1"><num>1</num><content><p>to do something;</p></content></paragraph>
        <paragraph eId="para_2"><num>2</num><content><p/></content></paragraph>
        <paragraph eId="para_3"><num>3</num><content><p>to do it again,</p></content></paragraph>
      </hcontainer>"""
        + MAIN.format(**ENGLISH).split("</hcontainer>", 1)[1]
    )
    assert [c.label for c in imported.resolution.operative[0].clauses] == ["1", "3"]
    found = _found(imported, tmp_path)
    # not also "clause 3 follows 1: relabel 3 as 2"
    assert [r for r, _ in found] == ["conversion-artefact"], found


def test_a_first_recital_without_text_is_one_finding_not_a_relabelling(tmp_path: Path) -> None:
    preamble = """<recitals eId="recs_1"><intro><p><i>considering</i></p></intro>
      <recital eId="rec_a"><num>a)</num><p></p></recital>
      <recital eId="rec_b"><num>b)</num><p>that the work goes on;</p></recital>
      <recital eId="rec_c"><num>c)</num><p>that it goes well,</p></recital>
    </recitals>"""
    imported = _with_main(MAIN.format(**ENGLISH), preamble)
    found = _found(imported, tmp_path)
    assert [r for r, _ in found] == ["conversion-artefact"], found
    assert "recital 'a)' without text left out" in found[0][1]


def test_an_actor_with_a_slip_in_a_heading_is_read_as_meant_and_said(tmp_path: Path) -> None:
    imported = _imported(instructs="instructs the Secretary-Genral")
    section = imported.resolution.operative[1]
    assert (section.heading, section.actors) == (
        "instructs the Secretary-Genral",
        ["secretary-general"],
    )
    found = _found(imported, tmp_path)
    assert [r for r, _ in found] == ["conversion-artefact"], found
    assert "one slip from the actor 'Secretary-General'" in found[0][1]


def test_a_document_with_nothing_but_a_title_is_noted(tmp_path: Path) -> None:
    """A statement whose body the import finds nothing in (no recitals, an
    empty mainBody) gives a file that checks clean: the import notes it, at
    the title; a statement with a body has no such note."""
    empty = tmp_path / "empty.xml"
    empty.write_text(statement("9", "9 (REV. DUBAI, 2018)", "Auditing", "", ""), encoding="utf-8")
    [done] = importers.import_file(str(empty)).imported
    assert [(n.path, n.rule, n.severity) for n in done.notes] == [
        (("title",), "conversion-artefact", "warning")
    ]
    assert done.notes[0].message.startswith("nothing but the title and the history was found")
    full = tmp_path / "full.xml"
    full.write_text(
        statement("9", "9 (REV. DUBAI, 2018)", "Auditing", "", MAIN.format(**ENGLISH)),
        encoding="utf-8",
    )
    [done] = importers.import_file(str(full)).imported
    assert not [n for n in done.notes if n.path == ("title",)]
