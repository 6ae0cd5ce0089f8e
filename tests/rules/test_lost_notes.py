"""A footnote's call left glued to a word ("countries1") in a file with no
footnote of that number, no marker of it and no note of it merged into a
text: the note was deleted with the text it was merged into, not moved
(footnote-leftover). One finding per number; a name with a number is not a
call."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from itures.rules.footnotes import footnote_leftover
from tests.rules.build import clauses, context, items


def _found(*texts: str, language: str = "en", **parts: Any) -> list[Any]:
    preamble = [items(list(texts), verb="recalling")]
    operative = [clauses(["to act;", "to report."], language=language)]
    return list(
        footnote_leftover(context(language, preamble=preamble, operative=operative, **parts))
    )


def test_a_call_whose_note_was_deleted_is_found_once_per_number() -> None:
    text = "the needs of developing countries1 and of the six2 regions,"
    other = "the work of the least developed countries1,"
    found = _found(text, other, "the plan of the Union.")
    assert [(f.path, f.offset, f.length) for f in found] == [
        (("preamble", 0, "items", 0, "text"), text.index("1"), 1),
        (("preamble", 0, "items", 0, "text"), text.index("2"), 1),
    ]
    first, second = found
    assert first.message == (
        "'countries1' ends with the number 1 glued to it, as the conversion left the call of "
        "footnote 1, and the file has no footnote 1: its note was deleted, not moved to "
        "'footnotes'"
    )
    assert first.help is not None and "'countries[^1]'" in first.help
    # the other call of the same note is attached, not a finding of its own
    assert [(r.path, r.offset) for r in first.related] == [
        (("preamble", 0, "items", 1, "text"), other.index("1"))
    ]
    assert "'six2'" in second.message and second.related == ()


def test_french_words_are_calls_too() -> None:
    found = _found("que les pays en développement1 ont des besoins,", "le plan.", language="fr")
    assert [f.offset for f in found] == [len("que les pays en développement")]


def test_names_with_a_number_are_not_calls() -> None:
    assert _found("the IPv6 and G20 work of ICT4D and IMT2020 systems,", "the plan.") == []
    # a number of its own, a year, a label: not glued to a word in small letters
    assert _found("the 2030 Agenda and item 1 of Annex 2 to Resolution 71,", "the plan.") == []


def test_a_call_whose_note_is_elsewhere_is_left_to_the_rules_that_say_where() -> None:
    # the note kept in 'footnotes' (footnote-unused says to mark it), a marker
    # of it (the number is a second call), the note merged into a text, first
    # or later in a block (conversion-artefact's): no note was lost
    call = "the needs of developing countries1 and of the six2 regions,"
    assert not [
        f
        for f in _found(
            call,
            "the plan.",
            footnotes=[{"id": "1", "text": "These."}, {"id": "2", "text": "Africa."}],
        )
        if "was deleted" in f.message
    ]
    assert not [
        f
        for f in _found(
            call,
            "the plan[^1][^2].",
            footnotes=[{"id": "1", "text": "These."}, {"id": "2", "text": "Africa."}],
        )
        if "was deleted" in f.message
    ]
    merged = (
        "the plan. ____________________ 1 These include the least developed countries. "
        "2 Africa, Americas, Arab States."
    )
    assert _found(call, merged) == []
    # with the block deleted from the text, both calls are found
    assert len(_found(call, "the plan.")) == 2


def test_a_text_that_ends_with_letters_before_one_that_starts_with_a_digit_is_no_call() -> None:
    # the file's texts joined with nothing between: 'management' and '5', two
    # texts, read as 'management5' by the quick test, are no call
    found = _found("the plan of the Union and its management", "5 and more of the plan,")
    assert found == []


def test_a_note_left_in_the_text_without_its_separator_is_told_to_be_moved() -> None:
    # only the '____' deleted: the note is still there, after the item's ';'
    note = "1 These include the least developed countries and small island developing states."
    item = f"the work of the Union in meetings that require attendance; {note}"
    found = _found("the needs of developing countries1 and others,", item)
    assert [(f.path, f.offset, f.length) for f in found] == [
        (("preamble", 0, "items", 1, "text"), item.index(note), len(note))
    ]
    (f,) = found
    assert f.message == (
        "the note of footnote 1 left in this text without the separator above it: "
        "'1 These include the least developed countries and…', called by 'countries1'"
    )
    assert f.help is not None and "'countries[^1]'" in f.help
    assert [(r.path, r.offset) for r in f.related] == [(("preamble", 0, "items", 0, "text"), 33)]
    # in French, its number after a ',' too
    texte = "des pays en développement, 1 Par pays en développement, on entend aussi les PMA."
    (g,) = _found("que les pays en développement1 ont des besoins,", texte, language="fr")
    assert g.offset == texte.index("1 Par")


def test_the_end_mark_of_the_note_left_in_an_item_is_not_also_said(tmp_path: Path) -> None:
    # the item ends with the note's '.', where a ';' would end it: a
    # consequence of the note left there, not a finding of its own
    from itures.config import Config
    from itures.corpus import check_paths
    from itures.yamlio.write import dump_data
    from tests.rules.build import data

    note = "1 These include the least developed countries."
    doc = data(
        preamble=[
            items(
                [
                    "the needs of developing countries1;",
                    f"the work of the Union in meetings; {note}",
                    "the plan of the Union,",
                ],
                verb="recalling",
            )
        ],
        operative=[clauses(["to act;", "to report."])],
    )
    path = tmp_path / "r.yaml"
    path.write_text(dump_data(doc), encoding="utf-8")
    found = check_paths([path], Config()).diagnostics
    assert [d.rule for d in found] == ["footnote-leftover"], [d.message for d in found]
