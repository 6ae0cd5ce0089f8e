"""A footnote merged into an entry's text that 'footnotes' holds already (an
editor moved the note and left its text behind): the finding says so, and
its help deletes the note from the text rather than moving it again; it
asks for the marker only when no text marks the note."""

from __future__ import annotations

from typing import Any

from itures.rules.artefacts import conversion_artefact
from tests.rules.build import context, items

_NOTE = "These include the least developed countries and small island developing states."


def _found(item: str, footnotes: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    parts: dict[str, Any] = {"preamble": [items([item, "the plan,"], verb="recalling")]}
    if footnotes:
        parts["footnotes"] = footnotes
    return [
        (f.message, f.help)
        for f in conversion_artefact(context(**parts))
        if "footnote" in f.message
    ]


def test_a_note_moved_and_left_behind_is_told_to_be_deleted() -> None:
    item = f"the needs of developing countries[^1]; ____________________ 1 {_NOTE}"
    found = _found(item, [{"id": "1", "text": _NOTE}])
    assert found == [
        (
            "footnote 1 left in the text of this item, though 'footnotes' holds it "
            "already: '____ 1 These include the least developed countries and small...'",
            "delete the note from the text, from '____' to its end; keep in the text any words "
            "of the entry that follow the note",
        )
    ]


def test_its_marker_is_asked_for_when_no_text_marks_it() -> None:
    item = f"the needs of developing countries; ____________________ 1 {_NOTE}"
    ((message, help_),) = _found(item, [{"id": "1", "text": " ".join(_NOTE.split(" "))}])
    assert "though 'footnotes' holds it already" in message
    assert help_ is not None and "put the marker [^1] where the note is called" in help_


def test_a_note_of_the_same_id_and_another_text_is_moved_as_before() -> None:
    item = f"the needs of developing countries1; ____________________ 1 {_NOTE}"
    ((message, help_),) = _found(item, [{"id": "1", "text": "Another note altogether."}])
    assert message.startswith("footnote 1 merged into the text of this item")
    assert help_ is not None and help_.startswith("move the footnote's text to 'footnotes'")
    ((message, _),) = _found(item, [])
    assert message.startswith("footnote 1 merged into the text of this item")
