"""In English, the apostrophe of a possessive slipped: typed as another mark
("ITU.s report", which passed silently; "ITU,s", told as "no blank after
','", whose blank would keep the slip), or glued to the next word with its
"s" or its blank lost ("ITU'regional", "Members'rights", silent). Now one
finding each, with the words to write; contractions, names and web
addresses are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules.punctuation import punctuation
from tests.conftest import run_cli, write
from tests.rules.build import told_in_first_item


def _told(text: str, language: str = "en") -> list[tuple[str, str, str | None]]:
    return told_in_first_item(
        punctuation,
        text,
        language,
        ("that the regional offices and the Members of the Sectors act,",),
        "to report to the Council.",
    )


@pytest.mark.parametrize(
    ("text", "written", "right"),
    [
        ("the ITU.s regional presence;", "ITU.s", "ITU's"),
        ("the ITU,s regional presence;", "ITU,s", "ITU's"),
        (
            "the Secretary-General;s report to the Council;",
            "Secretary-General;s",
            "Secretary-General's",
        ),
        ("the Council:s decision, and its report;", "Council:s", "Council's"),
        ("the Union’s offices and the Council.s report;", "Council.s", "Council’s"),
    ],
)
def test_a_possessive_typed_with_another_mark_is_one_finding(
    text: str, written: str, right: str
) -> None:
    told = _told(text)
    assert [(w, h) for w, _, h in told] == [(written, f"write {right!r}")], told
    assert "the apostrophe of the possessive typed as" in told[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "the results, e.g.s and i.e. the reports;",  # (a letter alone before: initials)
        "the page www.itu.int/en/x.s and the reports;",  # (a web address)
        "the reports of 2018.s and the offices;",  # (a number)
        "the ITU's regional presence;",
        "the offices.so the reports;",  # (a word after the mark, not an "s" alone)
    ],
)
def test_control_no_possessive_typed(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "possessive" in m] == []


def test_french_and_spanish_have_no_possessive_s() -> None:
    assert [w for w, m, _ in _told("que la ITU.s présence;", "fr") if "possessive" in m] == []


@pytest.mark.parametrize(
    ("text", "written", "right"),
    [
        ("the ITU'regional presence and the offices;", "ITU'regional", "ITU's regional"),
        ("the Members'offices and the Council;", "Members'offices", "Members' offices"),
        ("the Council’report and the offices;", "Council’report", "Council’s report"),
    ],
)
def test_an_apostrophe_glued_to_the_next_word_is_told(text: str, written: str, right: str) -> None:
    told = _told(text)
    assert [(w, h) for w, _, h in told] == [
        (written, f"write {right!r}, or delete the apostrophe")
    ], told


@pytest.mark.parametrize(
    "text",
    [
        "the offices don't report and you're acting;",  # (contractions)
        "the offices of Côte d'Ivoire and O'Brien report;",  # (a letter alone before)
        "the ITU'xyzzy presence and the offices;",  # (no word the file writes after)
        "the 'regional offices' report;",  # (quotes: a blank before the first)
    ],
)
def test_control_apostrophes_that_are_no_slip(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "apostrophe" in m] == []


def test_a_glued_apostrophe_written_so_twice_is_a_spelling() -> None:
    text = "the ITU'offices report, and the ITU'offices act;"
    assert [w for w, m, _ in _told(text) if "apostrophe" in m] == []


ENGLISH = """\
body: pp
number: '9'
language: en
title: Regional presence
history: [{event: adopted, place: Busan, year: 2014}]
preamble:
  - verb: considering
    heading: considering
    items:
      - label: a)
        text: that the Council's report on the Union's regional presence is useful;
      - label: b)
        text: that the offices report to the Council,
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to report to the Council.
"""


def test_on_a_file_the_possessive_typed_is_fixed_and_the_comma_not_told(tmp_path: Path) -> None:
    target = write(
        tmp_path / "resolutions" / "pp" / "9" / "en.yaml",
        ENGLISH.replace("the Council's report", "the Council,s report").replace(
            "the Union's regional", "the Union.s regional"
        ),
    )
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.message.split(":")[0]) for d in found] == [
        ("punctuation", "'Council,s'"),
        ("punctuation", "'Union.s'"),
    ], found
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == ENGLISH
