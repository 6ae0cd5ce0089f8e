"""The quick tests of the scan for a compound's hyphen lost, spaced or
doubled (conversion-artefact): what the search for the compounds tells of a
blank before a hyphen and of a doubled hyphen, in place of a search of its
own for each."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from itures.rules import artefacts as ar

FORMS = st.lists(
    st.sampled_from([b"-", b"--", b" ", b"a", b"ab", b"Cd", b"0", b"?", b",", b"(", b"high"]),
    max_size=16,
).map(b"".join)


@given(FORMS)
def test_the_compounds_tell_a_doubled_hyphen_and_a_blank_before_one(form: bytes) -> None:
    _, spaced, doubled = ar._compounds(form)
    assert doubled == (b"--" in form)
    if b" -" in form:
        assert spaced


def test_the_compounds_of_a_form() -> None:
    compounds, spaced, doubled = ar._compounds(b"the High-level forum, up-to-date, a -b and c--d")
    assert compounds == {(b"High", b"level")}
    assert spaced and doubled
