"""A label run into a text after an end mark that a footnote's marker
follows ("... Secretary-General;[^1] iii) to authorize ..."): found as any
other, by the scan and by each of its quick tests."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from itures import textscan


def test_a_label_after_an_end_mark_and_a_marker() -> None:
    text = (
        "to establish an advisory board to advise the Council and the Secretary-General;[^1] "
        "iii) to authorize a maximum budget; iv) to instruct the Secretary-General"
    )
    assert [a.found for a in textscan.labels_inside(text)] == ["iii)", "iv)"]
    joined = textscan.Joined([text])
    assert joined.holding(textscan._JOINED_MARKED_LABEL) == [0]


def test_no_label_after_a_marker_and_a_count() -> None:
    # a number after a marker, before a capital: a count, as after an end mark alone
    assert textscan.labels_inside("the Council;[^1] 3 Member States") == []


MARKED = st.lists(
    st.sampled_from(
        [
            ";",
            ":",
            " ",
            "\n",
            "[^1]",
            "[^12]",
            "[^a-1]",
            "[^",
            "]",
            "1",
            "1.2",
            "a)",
            "iv)",
            "a",
            "the",
            "A",
            '"',
            "\u00e9",
        ]
    ),
    max_size=16,
).map("".join)


@given(MARKED)
def test_the_quick_tests_hold_wherever_a_label_after_a_marker_is(text: str) -> None:
    expected = [
        (m.start("label"), m.end("label"), m.group("label"))
        for m in textscan._LABEL_INSIDE.finditer(text)
    ]
    assert [(a.start, a.end, a.found) for a in textscan.labels_inside(text)] == expected
    for flags in ((True, True), (";" in text, ":" in text)):
        found = textscan._labels_inside(text, *flags)
        assert [(a.start, a.end, a.found) for a in found] == expected
    if not expected:
        return
    if text.isascii():
        classes = text.encode().translate(textscan._LABEL_CLASSES)
        assert textscan._MAYBE_LABEL_CLASSES.search(classes)
    joined = textscan.Joined([text])
    if text.isascii() and "\x0b" not in text:
        held = {*joined.holding(textscan._JOINED_LABEL)}
        held.update(joined.holding(textscan._JOINED_MARKED_LABEL))
    else:
        held = joined.holding_among(textscan._WIDE_LABEL, {0})
    assert 0 in held
