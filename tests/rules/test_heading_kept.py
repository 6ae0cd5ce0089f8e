"""An operative heading merged into the end of a section's last text, whose
section the editor made after it and left the words behind: the finding says
the section starts with it already, and the help deletes the words rather
than making the section again."""

from __future__ import annotations

from typing import Any

from itures.rules.artefacts import conversion_artefact
from tests.rules.build import clauses, context

HEADING = "instructs the Director of the Telecommunication Standardization Bureau"


def _found(last: str, sections: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    first = clauses(
        ["to act;", last],
        verb="instructs",
        heading="instructs the Secretary-General",
        actors=["secretary-general"],
    )
    ctx = context(operative=[first, *sections])
    return [(f.message, f.help) for f in conversion_artefact(ctx) if "heading" in f.message]


def _section(heading: str) -> dict[str, Any]:
    return clauses(["to report."], verb="instructs", heading=heading, actors=["tsb-director"])


def test_a_heading_left_behind_is_told_to_be_deleted() -> None:
    found = _found(f"to liaise with the regional organizations, {HEADING}", [_section(HEADING)])
    assert found == [
        (
            f"operative heading '{HEADING}' left at the end of the text of this clause, "
            "though the section after it starts with it already",
            "delete the heading's words from the end of this text",
        )
    ]


def test_without_that_section_it_is_a_heading_to_make_a_section_of() -> None:
    text = f"to liaise with the regional organizations, {HEADING}"
    for sections in ([], [_section("instructs the Director of the Radiocommunication Bureau")]):
        ((message, help_),) = _found(text, sections)
        assert "merged into the text of this clause" in message
        assert help_ is not None and "make the heading a section of its own" in help_
