"""Two capitals typed at a word's start, the shift key held ("United
NAtions", "THe"), and a word run into the abbreviation after it ("a report
onWTPF", "ofICTs") passed silently. Now one warning each, with the word or
the words to write, where the file writes them; abbreviations and units
written so ("IDs", "MHz", "macOS", "iOS") are left alone."""

from __future__ import annotations

import pytest

from itures.rules.punctuation import punctuation
from tests.rules.build import told_in_first_item

OTHER = "that the United Nations and the Council report on WTPF and ICTs of the regions,"


def _told(text: str) -> list[tuple[str, str, str | None]]:
    return told_in_first_item(punctuation, text, "en", (OTHER,), "to report to The Council.")


@pytest.mark.parametrize(
    ("text", "written", "right"),
    [
        ("that the agencies of the United NAtions report;", "NAtions", "Nations"),
        ("that THe Council reports;", "THe", "The"),
        ("that the COuncil reports;", "COuncil", "Council"),
    ],
)
def test_two_capitals_at_a_words_start(text: str, written: str, right: str) -> None:
    told = _told(text)
    assert [(w, h) for w, _, h in told] == [(written, f"write {right!r}")], told
    assert "a capital typed inside the word" in told[0][1]


@pytest.mark.parametrize(
    ("text", "written", "right"),
    [
        ("that a report onWTPF is made;", "onWTPF", "on WTPF"),
        ("that the report on the use ofICTs is made;", "ofICTs", "of ICTs"),
    ],
)
def test_a_word_run_into_an_abbreviation(text: str, written: str, right: str) -> None:
    told = _told(text)
    assert [(w, h) for w, _, h in told] == [(written, f"write {right!r}")], told
    assert "two words run together" in told[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "that the IDs, the TVs and 900 MHz bands are used;",  # (no word 'Ids', 'Mhz')
        "that macOS and iOS are used;",  # (no word 'mac'; one small letter)
        "that the ITU and the UNGA report;",
        "that the NGOs and LDCs report;",
    ],
)
def test_control_abbreviations_and_units(text: str) -> None:
    assert _told(text) == []
