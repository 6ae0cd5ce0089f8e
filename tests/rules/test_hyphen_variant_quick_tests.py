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


# -- many compounds: their joined forms looked for among the form's words ---------------

_HALVES = [b"high", b"level", b"cost", b"Sector", b"IMT", b"2020", b"up", b"date", b"e", b"mail"]
_WORDS = st.lists(
    st.tuples(st.sampled_from(_HALVES), st.sampled_from(_HALVES), st.sampled_from(["-", "", " "])),
    min_size=1,
    max_size=60,
).map(lambda ws: " ".join(f"{a.decode()}{how}{b.decode()}" for a, b, how in ws))
_TEXTS = st.lists(_WORDS, min_size=1, max_size=4)


def _variants(texts: list[str]) -> list[tuple[tuple[str | int, ...], str, int | None]]:
    from itures import textscan
    from tests.rules.build import clauses, context

    ctx = context(operative=[clauses(texts)])
    joined = textscan.Joined([t.text for t in ar.texts(ctx)])
    return [(f.path, f.message, f.offset) for f in ar._hyphen_variants(ctx, joined)]


@given(_TEXTS)
def test_many_compounds_are_found_joined_as_one_search_each_finds_them(texts: list[str]) -> None:
    saved = ar._MANY_COMPOUNDS
    try:
        ar._MANY_COMPOUNDS = 10**9
        each = _variants(texts)
        ar._MANY_COMPOUNDS = 0
        among_words = _variants(texts)
    finally:
        ar._MANY_COMPOUNDS = saved
    assert among_words == each


def test_a_joined_compound_among_many_is_found() -> None:
    pairs = [(f"alpha{i}", f"beta{i}") for i in range(ar._MANY_COMPOUNDS + 6)]
    hyphened = " ".join(f"{a}-{b}" for a, b in pairs)
    found = _variants([hyphened + ";", "the alpha3beta3 and alpha30beta30, not xalpha4beta4."])
    assert [m.split(",")[0] for _, m, _ in found] == ["'alpha3beta3'", "'alpha30beta30'"]
