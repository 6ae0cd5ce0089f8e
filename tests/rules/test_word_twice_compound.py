"""A word written twice where the second starts a compound ("the model host
host-country agreement") and an abbreviation written twice in a citation's
words ("[Resolution 65 (Rev. Hammamet, 2016) of WTSA WTSA]") passed
silently. Now word-duplicate's finding, whose fix keeps one; an
abbreviation before its Sector's ("UIT UIT-T") and names in capitals
outside a citation ("EBOT EBOT", as signatures write them) are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules.repeats import word_duplicate
from tests.conftest import run_cli, write
from tests.rules.build import told_in_first_item
from tests.rules.test_english_apostrophes import ENGLISH


def _told(text: str) -> list[tuple[str, str, str | None]]:
    return told_in_first_item(word_duplicate, text)


@pytest.mark.parametrize(
    ("text", "written", "word", "found"),
    [
        (
            "that the model host host-country agreement applies,",
            "host host",
            "host",
            "host host-country",
        ),
        ("that non non-governmental bodies act,", "non non", "non", "non non-governmental"),
        (
            "that [Resolution 65 (Rev. Hammamet, 2016) of WTSA WTSA](wtsa:65@2016) applies,",
            "WTSA WTSA",
            "WTSA",
            "WTSA WTSA",
        ),
    ],
)
def test_a_word_twice_is_told(text: str, written: str, word: str, found: str) -> None:
    told = _told(text)
    assert [(w, m) for w, m, _ in told] == [
        (written, f"the word {word!r} twice in a row: {found!r}")
    ], told


@pytest.mark.parametrize(
    "text",
    [
        "that the ITU ITU-T and l'UIT UIT-D act,",  # (an abbreviation before its Sector's)
        "that EBOT EBOT signed,",  # (a name in capitals, outside a citation)
        "that the host-country agreement applies,",
        "that [Resolution 65 (Rev. Hammamet, 2016) of WTSA](wtsa:65@2016) WTSA applies,",
    ],
)
def test_control_not_a_word_twice(text: str) -> None:
    assert _told(text) == []


def test_fix_keeps_the_compound(tmp_path: Path) -> None:
    source = ENGLISH.replace("that the offices report", "that the host-country offices report")
    target = write(
        tmp_path / "resolutions" / "pp" / "9" / "en.yaml",
        source.replace("the host-country", "the host host-country"),
    )
    assert [d.rule for d in check_paths([target]).diagnostics] == ["word-duplicate"]
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == source
