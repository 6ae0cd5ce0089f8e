"""An abbreviation of the file's own with two letters swapped ("the human
resources strategic plan (HSRP)" in a file that writes "HRSP" elsewhere)
passed silently: only the abbreviations of ITU's vocabulary were compared.
Now the file's own abbreviations of four letters or more, written three
times or more, are too, for two letters swapped (not a letter lost: two
abbreviations of a file may differ by one)."""

from __future__ import annotations

import pytest

from itures.rules.punctuation import punctuation
from tests.rules.build import told_in_first_item

OTHERS = (
    "that the HRSP is adopted and the HRSP applies,",
    "that the Council reviews the HRSP,",
)


def _told(text: str, others: tuple[str, ...] = OTHERS) -> list[tuple[str, str | None]]:
    found = told_in_first_item(punctuation, text, "en", others)
    return [(w, m) for w, m, _ in found if "abbreviation ITU's texts write" in m]


def test_an_own_abbreviation_with_two_letters_swapped() -> None:
    told = _told("that the human resources strategic plan (HSRP) is drawn up;")
    assert [w for w, _ in told] == ["HSRP"], told
    assert "'HRSP', which the file writes, with two letters swapped?" in told[0][1]


@pytest.mark.parametrize(
    ("text", "others"),
    [
        # written twice only: not yet the file's own
        ("that the plan (HSRP) is drawn up;", OTHERS[:1]),
        # a letter lost: another abbreviation may be
        ("that the plan (HRP) is drawn up;", OTHERS),
        ("that the plan (HRSP) is drawn up;", OTHERS),
        # three letters: too short to tell
        ("that the plan (TBA) and the ABT, ABT and ABT act;", ()),
    ],
)
def test_control_not_told(text: str, others: tuple[str, ...]) -> None:
    assert _told(text, others) == []
