"""punctuation: a word glued to the parenthesis before it ("the Advisory
Group (TSAG)in 2017"), the blank after ')' lost, passed silently; a word
glued to the one after it ("Society(WSIS)") was told. Now one finding,
with the words to write, which ``--fix`` writes. Not a parenthesis glued
to the word before it ("State(s)"), nor a citation's target."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules.punctuation import punctuation
from tests.conftest import run_cli, write
from tests.rules.build import told_in_first_item

OTHER = "that the offices report to the Council in 2017,"


def _told(text: str, language: str = "en") -> list[tuple[str, str | None]]:
    found = told_in_first_item(punctuation, text, language, (OTHER,), "to report.")
    return [(w, h) for w, m, h in found if "no blank after ')'" in m]


@pytest.mark.parametrize(
    ("text", "language", "written", "right"),
    [
        ("that the Group (TSAG)in 2017 met;", "en", "(TSAG)in", "(TSAG) in"),
        ("that the plan (2019-2023)and the budget act;", "en", "(2019-2023)and", "(2019-2023) and"),
        ("que le Groupe (GCDT)se réunit;", "fr", "(GCDT)se", "(GCDT) se"),
        ("que el Grupo (GADT)se reúne;", "es", "(GADT)se", "(GADT) se"),
    ],
)
def test_a_word_glued_after_a_parenthesis(
    text: str, language: str, written: str, right: str
) -> None:
    assert _told(text, language) == [(written, f"write {right!r}")]


@pytest.mark.parametrize(
    "text",
    [
        "that the Member State(s)concerned act;",  # (a parenthesis glued to the word before)
        "that f(x)is defined;",
        "that [Resolution 1](pp:1)applies;",  # (a citation's target: the glued citation's)
        "that the Group (TSAG) in 2017 met;",  # (written right)
        "that the Group (TSAG)'s report is read;",  # (a possessive)
    ],
)
def test_control_no_blank_lost_after_a_parenthesis(text: str) -> None:
    assert _told(text) == []


def test_on_a_file_the_blank_is_written_by_fix(tmp_path: Path) -> None:
    from tests.rules.test_english_apostrophes import ENGLISH

    assert "(TSAG)" not in ENGLISH
    slipped = ENGLISH.replace("the Council", "the Council (ITU)in effect", 1)
    right = ENGLISH.replace("the Council", "the Council (ITU) in effect", 1)
    target = write(tmp_path / "resolutions" / "pp" / "9" / "en.yaml", right)
    assert check_paths([target]).diagnostics == []
    target.write_text(slipped, encoding="utf-8")
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.help) for d in found] == [("punctuation", "write '(ITU) in'")], found
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == right
