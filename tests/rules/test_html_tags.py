"""conversion-artefact: HTML tags and Markdown's strong emphasis left in a
text, one finding a text, with the help that fits what the tags are: a
footnote's call in superscript is written as its marker, unless the note is
marked nowhere (footnote-unused says that one), other tags are deleted."""

from __future__ import annotations

from typing import Any

from itures.rules.artefacts import conversion_artefact
from tests.rules.build import clauses, context, items


def _helps(*texts: str, notes: int = 2) -> list[tuple[str, str | None]]:
    preamble = [items(list(texts))]
    footnotes: list[dict[str, Any]] = [
        {"id": str(n), "text": f"Note {n}."} for n in range(1, notes + 1)
    ]
    ctx = context(preamble=preamble, operative=[clauses(["to act."])], footnotes=footnotes)
    return [(f.message.split(" left")[0], f.help) for f in conversion_artefact(ctx)]


def test_a_call_in_superscript_is_written_as_its_marker_and_other_tags_deleted() -> None:
    # note 1 is marked elsewhere: its call in superscript is this rule's
    found = _helps("that the countries[^1] grow,", "that the countries<sup>1</sup> <b>grow</b>;")
    assert found == [
        (
            "HTML tags '<sup>', '</sup>', '<b>', '</b>'",
            "write '[^1]' for '<sup>1</sup>', and delete the other tags",
        )
    ]


def test_the_call_of_a_note_marked_nowhere_is_left_to_footnote_unused() -> None:
    found = _helps("that the countries[^1] grow,", "that the regions<sup>2</sup> <b>grow</b>;")
    assert found == [("HTML tags '<b>', '</b>'", "delete the tags; the words between them stay")]


def test_one_tag_and_markdowns_emphasis() -> None:
    found = _helps("that the countries[^1][^2] grow<br>,", "that the **regions** grow;")
    assert found == [
        ("HTML tag '<br>'", "delete the tag"),
        ("Markdown's emphasis '**regions**'", "write 'regions' for '**regions**'"),
    ]


def test_angle_brackets_of_a_comparison_are_no_tags() -> None:
    assert _helps("that speeds < 2 Mbit/s and > 10 Mbit/s and a<b grow,", "that 4 ** 2 is;") == []
