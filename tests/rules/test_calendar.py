"""A place and a year that name no conference: the calendar's law, and what
the history and reference-text findings advise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures.cli import main
from itures.conferences import MEETINGS, fold_place, misdated

_MEETINGS = [
    (body, year, places) for body, years in MEETINGS.items() for year, places in years.items()
]


@given(st.sampled_from(_MEETINGS), st.data())
def test_every_meeting_of_the_calendar_in_any_spelling_is_a_conference(
    meeting: tuple[str, int, tuple[str, ...]], data: st.DataObject
) -> None:
    body, year, places = meeting
    place = data.draw(st.sampled_from(places))
    spelt = data.draw(st.sampled_from([place, place.upper(), place.lower()]))
    assert misdated(body, spelt, year) is None


@given(st.sampled_from(_MEETINGS), st.integers(-40, 40))
def test_a_meeting_place_in_another_year_names_the_nearest_year_it_met_there(
    meeting: tuple[str, int, tuple[str, ...]], shift: int
) -> None:
    body, year, places = meeting
    met = MEETINGS[body]
    other = year + shift
    folded = fold_place(places[0])
    there = [y for y, spelt in met.items() if folded in {fold_place(p) for p in spelt}]
    found = misdated(body, places[0], other)
    if not min(met) <= other <= max(met) or other in there:
        assert found is None
        return
    assert found is not None
    assert found.met_then in there
    assert all(abs(y - other) >= abs(found.met_then - other) for y in there)
    assert found.met_in == met.get(other)


def test_a_body_the_calendar_does_not_cover_and_an_unknown_place_are_let_pass() -> None:
    assert misdated("council", "Geneva", 2016) is None
    assert misdated("pp", "Lima", 2016) is None  # no PP in 2016, never in Lima
    assert misdated("wtsa", "Melbourne", 1988) is None  # before WTSA's first assembly
    wrong = misdated("pp", "Lima", 2018)  # PP met in Dubai in 2018
    assert wrong is not None and wrong.met_in is not None and wrong.met_in[0] == "Dubai"
    assert wrong.met_then is None


def _check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> list[dict[str, object]]:
    doc = tmp_path / "pp" / "1" / "en.yaml"
    doc.parent.mkdir(parents=True)
    doc.write_text(text, encoding="utf-8")
    main(["--daemon", "off", "check", "--no-cache", "--format", "json", str(doc)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert isinstance(found, list)
    return found


_DOC = """\
body: pp
number: '1'
language: en
title: Test
history: [{{event: revised, place: Dubai, year: 2018}}]
preamble:
  - verb: recalling
    heading: recalling
    items:
      - label: a)
        text: >-
          {text},
"""


@pytest.mark.parametrize(
    ("citation", "advice"),
    [
        # the year mistyped in the words, the target right: only the words change
        ("[Resolution 71 (Rev. Busan, 2016)](pp:71@2014)", "correct the year in the words to 2014"),
        # both say the year no conference made: both change, the target given
        (
            "[Resolution 71 (Rev. Busan, 2016)](pp:71@2016)",
            "correct the year to 2014 in the words and in the target (pp:71@2014)",
        ),
        # the place mistyped: the calendar's spelling
        ("[Resolution 71 (Rev. Dubay, 2018)](pp:71@2018)", "write the place Dubai in the words"),
        # a place and a year of two conferences: either, and the target with the year
        (
            "[Resolution 71 (Rev. Busan, 2018)](pp:71@2018#resolves/2)",
            "correct the place in the words to Dubai, or the year to 2014 in the words and in "
            "the target (pp:71@2014#resolves/2)",
        ),
    ],
)
def test_words_that_name_no_conference_are_one_finding_with_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], citation: str, advice: str
) -> None:
    found = _check(tmp_path, capsys, _DOC.format(text=citation))
    assert [(d["rule"], d["help"]) for d in found] == [("reference-text", advice)]


def test_a_history_year_without_a_conference_says_when_the_body_met_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _DOC.format(text="the plan").replace(
        "[{event: revised, place: Dubai, year: 2018}]",
        "[{event: adopted, place: Busan, year: 2016}, {event: revised, place: Busan, year: 2018}]",
    )
    found = _check(tmp_path, capsys, text)
    assert [(d["rule"], d["message"], d["help"]) for d in found] == [
        (
            "history",
            "PP met in Busan in 2014, not in 2016",
            "correct the year to 2014, or the place",
        ),
        (
            "history",
            "PP met in Dubai in 2018, not in Busan",
            "correct the place (Dubai, Dubaï, Dubái) or the year (2014: PP met in Busan then)",
        ),
    ]


@pytest.mark.parametrize(
    ("place", "year"),
    [("Kioto", 1994), ("Kyoto", 1994), ("Niza", 1989), ("Estambul", 2002), ("Busán", 2014)],
)
def test_the_spanish_and_french_spellings_of_a_place_are_the_conference(
    place: str, year: int, tmp_path: Path
) -> None:
    """A Spanish version writes 'Kioto, 1994': the conference of Kyoto, not
    a place where PP did not meet that year (a finding on a right history)."""
    body = "wtdc" if place == "Estambul" else "pp"
    path = tmp_path / body / "1" / "es.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(
        f"body: {body}\nnumber: '1'\nlanguage: es\ntitle: Prueba\n"
        f"history: [{{event: adopted, place: {place}, year: {year}}}]\n",
        "utf-8",
    )
    assert misdated(body, place, year) is None
    assert main(["check", "--no-cache", "--format", "json", "--select", "history", str(path)]) == 0


def test_a_history_year_in_the_future_is_told_the_year_of_the_conference_at_its_place(
    tmp_path: Path,
) -> None:
    """'Busan, 2041' for 2014: the history's finding gives the year PP met in
    Busan, and the citations of Resolution 58 as of 2014 are not a finding
    each (the cited history is what is wrong)."""
    from itures.corpus import check_paths
    from tests.conftest import resolution, write

    cited = resolution(language="en", number="58")
    cited["history"] = [
        {"event": "adopted", "place": "Antalya", "year": 2006},
        {"event": "revised", "place": "Busan", "year": 2041},
    ]
    cited.pop("conference", None)
    citing = resolution(language="en", number="170")
    citing["history"] = [{"event": "adopted", "place": "Dubai", "year": 2018}]
    citing.pop("conference", None)
    citing["operative"] = [
        {
            "verb": "resolves",
            "heading": "resolves",
            "clauses": [
                {"label": "1", "text": "to apply [Resolution 58 (Rev. Busan, 2014)](pp:58@2014)."}
            ],
        }
    ]
    paths = [
        write(tmp_path / "resolutions" / "pp" / "58" / "en.yaml", cited),
        write(tmp_path / "resolutions" / "pp" / "170" / "en.yaml", citing),
    ]
    found = [(d.rule, d.help) for d in check_paths(paths).diagnostics]
    assert found == [("history", "correct the year to 2014 (PP met in Busan in 2014)")], found
