"""A full stop typed for a comma after a year ("after consultation in 2014.
and acknowledging") passed silently: a full stop after any number was left
alone (a label's, "1. the"). Now the warning a full stop before a word in
small letters gets elsewhere; a label's or a paragraph's number is still
left alone."""

from __future__ import annotations

import pytest

from itures.rules.punctuation import punctuation
from tests.rules.build import clauses, context, items


def _told(text: str) -> list[str]:
    ctx = context("en", preamble=[items([text])], operative=[clauses(["to act."], language="en")])
    return [f.message for f in punctuation(ctx) if "full stop before" in f.message]


@pytest.mark.parametrize(
    "text",
    [
        "that after consultation in 2014. and acknowledging the need, the Union acts,",
        "that the plan of 1998. as revised, applies,",
    ],
)
def test_a_full_stop_after_a_year(text: str) -> None:
    assert len(_told(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "that the plan applies as follows: 1. the Union acts; 2. the Sectors act,",
        "that paragraph 5.2. as revised applies,",
        "that the plan of 12345. as revised applies,",  # (no year: five digits)
    ],
)
def test_control_numbers_that_are_no_year(text: str) -> None:
    assert _told(text) == []
