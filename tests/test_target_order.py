"""A citation target with its revision after the fragment names the right order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from itures.model import markup as mk

BODY = st.sampled_from(["pp", "wtdc", "wtsa", "ra", "council"])
NUMBER = st.from_regex(r"[1-9][0-9]{0,2}(-[1-9])?", fullmatch=True)
YEAR = st.integers(1865, 2999)
SEGMENT = st.from_regex(r"[a-z]{1,10}|[1-9][0-9]?|[a-z]bis", fullmatch=True)
FRAGMENT = st.lists(SEGMENT, min_size=1, max_size=3).map("/".join)


@given(BODY, NUMBER, YEAR, FRAGMENT)
def test_the_revision_after_the_fragment_is_refused_with_the_right_order(
    body: str, number: str, year: int, fragment: str
) -> None:
    right = f"{body}:{number}@{year}#{fragment}"
    assert not isinstance(mk.parse_target(right), str)
    wrong = f"{body}:{number}#{fragment}@{year}"
    message = mk.parse_target(wrong)
    assert isinstance(message, str) and "puts the revision after the clause" in message
    spans, problems = mk.parse(f"see [the words]({wrong}) here")
    assert [p.start for p in problems] == [4]
    assert problems[0].help.startswith(f"write {right!r}: the order is")
    assert not any(isinstance(s, mk.Citation) for s in spans)


def test_an_at_sign_inside_a_fragment_with_a_year_already_is_refused() -> None:
    message = mk.parse_target("wtsa:57@2012#resolves/9@2012")
    assert isinstance(message, str) and "has '@' inside its clause" in message
    _, problems = mk.parse("see [the words](wtsa:57@2012#resolves/9@2012)")
    assert "comes once, before '#'" in problems[0].help
