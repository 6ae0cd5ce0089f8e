"""A conference's place typed as no language writes it in running text, with
its year in parentheses ("the Plenipotentiary Conference (BusAn, 2014)",
"(Bussan, 2014)"), passed silently: only a citation's words were read. Now
a warning with the place as the file's language writes it, where one
conference met that year at the place it is a slip of."""

from __future__ import annotations

import pytest

from itures.rules.punctuation import punctuation
from tests.rules.build import told_in_first_item


def _told(text: str, language: str = "en") -> list[tuple[str, str | None]]:
    found = told_in_first_item(punctuation, text, language)
    return [(w, h) for w, m, h in found if "place of the conference" in m]


@pytest.mark.parametrize(
    ("text", "language", "written", "right"),
    [
        ("that the Plenipotentiary Conference (BusAn, 2014) decided,", "en", "BusAn", "Busan"),
        ("that the Plenipotentiary Conference (Bussan, 2014) decided,", "en", "Bussan", "Busan"),
        ("that the conference (Rev. Guadalajara, 2010) decided,", "en", None, None),
        ("que la Conférence (Guadalajára, 2010) a décidé,", "fr", "Guadalajára", "Guadalajara"),
        ("que la Conférence (Dubai, 2018) a décidé,", "fr", None, None),  # (English's)
        ("que la Conférence (Dubaï, 2018) a décidé,", "fr", None, None),
        ("que la Conférence (Dubaî, 2018) a décidé,", "fr", "Dubaî", "Dubaï"),
    ],
)
def test_a_place_typed_as_no_language_writes_it(
    text: str, language: str, written: str | None, right: str | None
) -> None:
    expected = [] if written is None else [(written, f"write {right!r}")]
    assert _told(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "that [Resolution 71 (Rev. BusAn, 2014)](pp:71@2014) applies,",  # (reference-text's)
        "that ANNEX TO RESOLUTION 71 (REV. DUBAI, 2018) applies,",  # (capitals)
        "that the event (Paris, 2014) was held,",  # (no conference there, nor near)
        "that the plan (Busan, 2014) applies,",
    ],
)
def test_control_places_left_alone(text: str) -> None:
    assert _told(text) == []
