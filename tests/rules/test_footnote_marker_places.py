"""A footnote marker out of its place (after an end mark or a comma, in
parentheses, before the word it is called from): one finding per marker,
whose help, written over the finding's span, gives a text of which nothing
more is said (not "delete the blank", which glued "developing [^1]countries"
to the word before)."""

from __future__ import annotations

import re

import pytest

from itures import textscan
from itures.rules._walk import Text
from itures.rules.punctuation import _spaced_markers


def _found(text: str, path: tuple[str | int, ...] = ("operative", 0, "clauses", 0, "text")):
    t = Text(path, text)
    return list(_spaced_markers([t], textscan.Joined([text])))


@pytest.mark.parametrize(
    ("written", "help_", "mended"),
    [
        ("developing [^1]countries, to", "write 'countries[^1]'", "developing countries[^1], to"),
        (
            "the Secretary-General;[^1] iii) to",
            "write 'Secretary-General[^1];'",
            "the Secretary-General[^1]; iii) to",
        ),
        ("the Union. [^2] The plan", "write 'Union[^2].'", "the Union[^2]. The plan"),
        ("les pays ;[^1] et", "write 'pays[^1] ;'", "les pays[^1] ; et"),
        ("Member States,[^1] and", "write 'States[^1],'", "Member States[^1], and"),
        ("developing countries ([^1]) in", "write 'countries[^1]'", "developing countries[^1] in"),
        ("los países([^1]) en", "write 'países[^1]'", "los países[^1] en"),
        # the blank after a marker lost: the next word glued to it
        ("développement[^1]et pays", "write '[^1] et'", "développement[^1] et pays"),
        ("developing[^a]countries and", "write '[^a] countries'", "developing[^a] countries and"),
    ],
)
def test_the_help_written_over_the_span_mends_the_text(
    written: str, help_: str, mended: str
) -> None:
    (finding,) = _found(written)
    assert finding.help == help_
    assert finding.offset is not None and finding.length is not None
    right = re.fullmatch(r"write '(.*)'", help_)
    assert right is not None
    fixed = written[: finding.offset] + right.group(1) + written[finding.offset + finding.length :]
    assert fixed == mended
    assert _found(fixed) == []


def test_one_finding_per_marker_and_the_blank_alone_once() -> None:
    found = _found("that the plan;[^1] works, as follows:[^2] and [^3]countries [^4] here [^5]")
    assert [f.message.partition(": ")[0] for f in found] == [
        "a footnote marker after ';'",
        "a footnote marker after ':'",
        "a footnote marker before the word it is called from",
        "a blank before the footnote marker",
    ]


@pytest.mark.parametrize(
    "written",
    [
        "developing countries[^1], to",
        "etc.[^1] and so on",
        "and so on...[^1] and",
        "[^1] que les pays",
        "les pays[^1] ; et",
    ],
)
def test_a_marker_in_its_place_is_not_said(written: str) -> None:
    assert _found(written) == []


def test_an_annex_may_call_a_note_after_a_full_stop() -> None:
    """Resolution 71 (Rev. Dubai, 2018), annex: "the progress achieved.4"."""
    annex = ("annexes", 0, "items", 0, "text")
    assert _found("the progress achieved.[^4] The plan", annex) == []
    assert len(_found("the progress achieved;[^4] the plan", annex)) == 1
    assert len(_found("the progress achieved.[^4] The plan")) == 1


@pytest.mark.parametrize(
    "written",
    [
        "développement[^1] et pays",  # a blank after it
        "développement[^1][^2] et",  # two markers in a row
        "développement[^1], et",  # a mark after it
        "the year[^1]'s end",  # an apostrophe: no word glued
        "the Council[^1]2 and",  # a digit: no word (a call converted as text is another rule's)
    ],
)
def test_control_nothing_glued_after_a_marker_is_said(written: str) -> None:
    assert _found(written) == []
