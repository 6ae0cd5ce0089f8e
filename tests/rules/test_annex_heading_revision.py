"""history: an annex's heading names the revision of the text it belongs to
("ANNEX TO RESOLUTION 25 (REV. DUBAI, 2018)"); one that names another than
the history's last entry that is not an abrogation was not revised with the
text, or was mistyped. Compared as the conference formula is: the year, then
the place, any spelling of the conference's place agreeing."""

from __future__ import annotations

from typing import Any

from itures.rules.history import check_history
from tests.rules.build import clauses, context

HISTORY = [
    {"event": "adopted", "place": "Kyoto", "year": 1994},
    {"event": "revised", "place": "Busan", "year": 2014},
    {"event": "revised", "place": "Dubai", "year": 2018},
]


def _found(*headings: str, language: str = "en", number: str = "25", **parts: Any) -> list[Any]:
    annexes = [
        {"heading": h, "label": str(i + 1), "items": [{"text": "The elements."}]}
        for i, h in enumerate(headings)
    ]
    ctx = context(
        language,
        number=number,
        history=parts.pop("history", HISTORY),
        operative=[clauses(["to act."], language=language)],
        annexes=annexes,
        **parts,
    )
    return [f for f in check_history(ctx) if f.path[0] == "annexes"]


def test_a_heading_left_at_an_earlier_revision_is_told_the_last_one() -> None:
    heading = "ANNEX 2 TO RESOLUTION 25 (REV. BUSAN, 2014)"
    (f,) = _found("ANNEX 1 TO RESOLUTION 25 (REV. DUBAI, 2018)", heading)
    assert f.path == ("annexes", 1, "heading")
    assert (f.offset, f.length) == (heading.index("2014"), 4)
    assert f.message == (
        "the heading of this annex says BUSAN, 2014, and the history's last entry is Dubai, "
        "2018: an annex's heading names the text's last revision"
    )
    assert f.help == (
        "write Dubai, 2018 in the heading, as the history's last entry says, or correct the history"
    )


def test_a_place_mistyped_in_the_heading_is_found_at_the_place() -> None:
    heading = "ANNEX TO RESOLUTION 25 (REV. DUBIA, 2018)"
    (f,) = _found(heading)
    assert (f.offset, f.length) == (heading.index("DUBIA"), len("DUBIA"))


def test_spellings_of_the_same_conference_and_other_languages_agree() -> None:
    assert _found("ANNEX TO RESOLUTION 25 (REV. DUBAI, 2018)") == []
    french = [
        {"event": "revised", "place": "Busan", "year": 2014},
        {"event": "revised", "place": "Dubaï", "year": 2018},
    ]
    assert (
        _found("ANNEXE À LA RÉSOLUTION 25 (RÉV. DUBAI, 2018)", language="fr", history=french) == []
    )
    (f,) = _found("ANNEXE À LA RÉSOLUTION 25 (RÉV. BUSAN, 2014)", language="fr", history=french)
    assert "Dubaï, 2018" in f.message


def test_an_abrogation_is_not_the_text_an_annex_belongs_to() -> None:
    abrogated = [*HISTORY, {"event": "abrogated", "place": "Bucharest", "year": 2022}]
    assert _found("ANNEX TO RESOLUTION 25 (REV. DUBAI, 2018)", history=abrogated) == []


def test_what_the_heading_does_not_say_of_this_text_is_left_alone() -> None:
    # another resolution's heading (reference-part's), a heading without a
    # revision, a decision's own heading
    assert _found("ANNEX TO RESOLUTION 52 (REV. BUSAN, 2014)") == []
    assert _found("ANNEX TO RESOLUTION 25", "ANNEX 2: ELEMENTS") == []
    (f,) = _found("ANNEX 1 TO DECISION 5 (REV. BUSAN, 2014)", number="D5")
    assert "BUSAN, 2014" in f.message
