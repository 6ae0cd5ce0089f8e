"""punctuation: a section's heading has no end mark ("décide,", "considering;",
"instructs the Secretary-General."): a mark typed after it, or left by an edit.
Not an abbreviation's dot, and a doubled mark is that one finding."""

from __future__ import annotations

from itures.rules.punctuation import punctuation
from tests.rules.build import clauses, context, items


def _found(preamble_heading: str, operative_heading: str, language: str = "en") -> list[str]:
    ctx = context(
        language,
        preamble=[
            items(["that the plan is adopted,"], verb="considering", heading=preamble_heading)
        ],
        operative=[clauses(["to act;", "to report."], verb="instructs", heading=operative_heading)],
    )
    return [f"{f.path} {f.offset} {f.message}" for f in punctuation(ctx) if f.path[-1] == "heading"]


def test_a_heading_that_ends_with_a_mark_is_told_to_lose_it() -> None:
    assert _found("considering;", "instructs the Secretary-General.") == [
        "('preamble', 0, 'heading') 11 the heading ends with ';': a section's heading has no "
        "end mark",
        "('operative', 0, 'heading') 31 the heading ends with '.': a section's heading has no "
        "end mark",
    ]
    (found,) = _found("considérant", "charge le Secrétaire général,", "fr")
    assert "ends with ','" in found


def test_a_heading_without_a_mark_or_ending_an_abbreviation_is_left_alone() -> None:
    assert _found("considering", "instructs the Secretary-General") == []
    # (':' after a heading its clauses complete: written so in some texts)
    assert _found("considering", "invites Member States:") == []
    assert _found("considering", "instructs the Directors of the Bureaux, etc.") == []
