"""The blank lost between a word and the year after it ("strategy
for2020-2023", "en2014") and between a percentage and the next word ("by
30%compared") passed silently. Now one finding each, with the blank to
write; names written with their digits ("IMT2020", "Connect2030"), web
addresses and a year glued to the word after it (conversion-artefact's)
are left to others."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules.punctuation import punctuation
from tests.conftest import run_cli, write
from tests.rules.build import told_in_first_item
from tests.rules.test_english_apostrophes import ENGLISH

OTHER = "that the plan for the period and the strategy in the regions are agreed by all,"


def _told(text: str, language: str = "en") -> list[tuple[str, str, str | None]]:
    other = OTHER if language == "en" else "que le plan en cours est adopté,"
    return told_in_first_item(punctuation, text, language, (other,), "to report to the Council.")


@pytest.mark.parametrize(
    ("text", "language", "written", "right"),
    [
        ("that the strategy for2020-2023 is agreed;", "en", "for2020", "for 2020"),
        ("that the plan adopted in2018 is agreed;", "en", "in2018", "in 2018"),
        ("que le plan adopté en2014 est en cours;", "fr", "en2014", "en 2014"),
    ],
)
def test_a_word_glued_to_the_year_after_it(
    text: str, language: str, written: str, right: str
) -> None:
    told = _told(text, language)
    assert [(w, h) for w, _, h in told] == [(written, f"write {right!r}")], told


@pytest.mark.parametrize(
    "text",
    [
        "that IMT2020 and Connect2030 are agreed;",  # (names: a capital)
        "that the page www.itu.int/plan2020/ is agreed;",  # (a web address)
        "that the strategy for 2020-2023 is agreed;",
        "that the plan xyzq2020 is agreed;",  # (no word the file writes)
    ],
)
def test_control_no_year_glued(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "year after it" in m] == []


def test_a_percentage_glued_to_the_next_word() -> None:
    told = _told("that the rate increased by 30%compared to the plan;")
    assert [(w, h) for w, _, h in told] == [("%compared", "write '% compared'")], told
    assert "'%compared'" in told[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "that the rate increased by 30% compared to the plan;",
        "that the page www.itu.int/a%E2%80%99b is agreed;",  # (an address's escapes)
        "that the rate is 30%;",
    ],
)
def test_control_percentages(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "'%'" in m] == []


def test_on_a_file_fix_writes_the_blanks(tmp_path: Path) -> None:
    source = ENGLISH.replace(
        "that the offices report to the Council,",
        "that the offices report to the Council in 2014, by 30% in all,",
    )
    target = write(
        tmp_path / "resolutions" / "pp" / "9" / "en.yaml",
        source.replace("Council in 2014, by 30% in", "Council in2014, by 30%in"),
    )
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["punctuation", "punctuation"], found
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == source
