"""An abbreviation with one letter typed small ("EwCF", "eWCF", where the
file writes "EWCF") passed silently: a capital after a small letter was read
as a capital typed inside a word only when it was the word's one capital.
Now a warning with the abbreviation to write; names written so ("MoU",
"IoT", "eHealth") and abbreviations the file writes nowhere in capitals are
left alone."""

from __future__ import annotations

import pytest

from itures.rules.punctuation import punctuation
from tests.rules.build import told_in_first_item

OTHER = "that the EWCF, the ITU and the IoT report to the Council,"


def _told(text: str) -> list[tuple[str, str | None]]:
    found = told_in_first_item(punctuation, text, "en", (OTHER,), "to report.")
    return [(w, h) for w, m, h in found if "abbreviation" in m]


@pytest.mark.parametrize(("written"), ["EwCF", "eWCF", "EWcF", "ItU"])
def test_an_abbreviation_with_a_letter_typed_small(written: str) -> None:
    right = written.upper()
    assert _told(f"that the {written} reports;") == [(written, f"write {right!r}")]


@pytest.mark.parametrize(
    "text",
    [
        "that the MoU and the IoT report;",  # (names written so)
        "that the eHealth plans report;",
        "that the XyZW reports;",  # (no 'XYZW' in the file)
        "that the EWCF reports;",
    ],
)
def test_control_no_letter_typed_small(text: str) -> None:
    assert _told(text) == []
