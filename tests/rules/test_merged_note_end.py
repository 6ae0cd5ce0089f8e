"""A footnote merged into an entry's text with the entry's own words after
it: the finding's help says where the note ends and that the words after it
stay in the text (a note cut from its rule to the end of the entry takes
them with it: a heading and its clauses, the rest of a list); where its end
cannot be told, it says to keep any words of the entry after the note."""

from __future__ import annotations

import pytest

from itures.model.resolution import Resolution
from itures.rules import Context, Finding
from itures.rules.artefacts import conversion_artefact
from tests.rules.build import clauses, items, resolution

_RULE = "____________________"


def _doc(clause: str) -> Resolution:
    return resolution(
        preamble=[items(["the needs of developing countries1;"], verb="recalling")],
        operative=[
            clauses(
                ["to act;", clause], verb="instructs", heading="instructs the Secretary-General"
            )
        ],
    )


def _note(clause: str) -> Finding:
    res = _doc(clause)
    (found,) = [
        f
        for f in conversion_artefact(Context("r.yaml", res))
        if "footnote" in f.message and "merged" in f.message
    ]
    return found


@pytest.mark.parametrize(
    ("clause", "end", "after"),
    [
        # a word in small letters after the note's full stop: an operative heading
        (
            f"to report annually to the Council, {_RULE} 1 These include the least developed "
            "countries. instructs the Director of the Bureau to implement the plan.",
            "...the least developed countries.",
            "instructs the Director of the Bureau...",
        ),
        # the rest of a list of bullets
        (
            f"to support: • e-government • e-health {_RULE} 1 These include the least "
            "developed countries. • e-agriculture • e-science.",
            "...the least developed countries.",
            "• e-agriculture • e-science.",
        ),
        # a clause's number before a word in small letters
        (
            f"to study the networks; {_RULE} 1 See the work of the Focus Group on networks. "
            "3 to coordinate the studies.",
            "...of the Focus Group on networks.",
            "3 to coordinate the studies.",
        ),
        # after a closing parenthesis and the full stop
        (
            f"to act, {_RULE} 1 Source: Key issues (G20/OECD). innovation in products, in areas.",
            "Source: Key issues (G20/OECD).",
            "innovation in products, in areas.",
        ),
    ],
)
def test_the_help_says_where_the_note_ends(clause: str, end: str, after: str) -> None:
    found = _note(clause)
    assert found.help is not None
    assert found.help.endswith(f"; the note ends at {end!r}: keep {after!r} in the text")


@pytest.mark.parametrize(
    "clause",
    [
        # the note runs to the end of the text
        f"to report annually to the Council, {_RULE} 1 These include the least developed "
        "countries.",
        # a sentence of its own after the note's first: its end cannot be told
        f"to act, {_RULE} 1 The activities are defined below. Term Outputs are the results. "
        "instructs the Director to act.",
        # an abbreviation's full stop, then the note's words
        f"to act, {_RULE} 1 These include the countries, etc. and others of the region",
    ],
)
def test_the_help_says_to_keep_the_words_after_the_note(clause: str) -> None:
    found = _note(clause)
    assert found.help is not None
    assert found.help.endswith("; keep in the text any words of the entry that follow the note")
