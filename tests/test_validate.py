"""Schema errors become `schema` diagnostics at the offending key or value."""

from __future__ import annotations

import pytest

from itures.diagnostics import Diagnostic
from itures.validate import validate
from itures.yamlio.read import Document, read_document
from tests.conftest import MINIMAL

OPERATIVE = """\
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to do this;
      - label: 2
        text: to do that.
        actors: [secretary-general]
"""


def _diagnostics(text: str) -> list[Diagnostic]:
    doc = read_document("r.yaml", text.encode("utf-8"))
    assert isinstance(doc, Document), doc
    resolution, diagnostics = validate(doc)
    assert resolution is None
    return diagnostics


def _where(diags: list[Diagnostic]) -> list[tuple[str, int, int, str]]:
    return [(d.rule, d.line, d.column, d.pointer) for d in diags]


def test_valid_minimal_document() -> None:
    doc = read_document("r.yaml", MINIMAL.encode())
    assert isinstance(doc, Document)
    resolution, diagnostics = validate(doc)
    assert diagnostics == []
    assert resolution is not None
    assert resolution.heading == "RESOLUTION 1 (Dubai, 2018)"


def test_unknown_key_at_the_key_with_a_suggestion() -> None:
    diags = _diagnostics(MINIMAL + "titel: Another\n")
    assert _where(diags) == [("schema", 9, 1, "/titel")]
    assert diags[0].message.startswith("unknown key 'titel'; did you mean 'title'?")


def test_unknown_key_nested() -> None:
    diags = _diagnostics(MINIMAL.replace("    year: 2018\n", "    year: 2018\n    month: 5\n"))
    assert _where(diags) == [("schema", 9, 5, "/history/0/month")]
    assert "allowed in a history entry: event, place, year" in diags[0].message


def test_missing_required_key_at_the_enclosing_mapping() -> None:
    diags = _diagnostics(MINIMAL.replace("title: A title\n", ""))
    assert _where(diags) == [("schema", 1, 1, "")]
    assert diags[0].message == "missing required key 'title' in a resolution"


def test_missing_required_key_in_a_list_entry() -> None:
    diags = _diagnostics(MINIMAL.replace("    place: Dubai\n", ""))
    assert _where(diags) == [("schema", 6, 5, "/history/0")]
    assert diags[0].message == "missing required key 'place' in a history entry"


def test_wrong_type_at_the_value() -> None:
    diags = _diagnostics(MINIMAL + OPERATIVE)
    assert _where(diags) == [("schema", 15, 16, "/operative/0/clauses/1/label")]
    assert diags[0].message == "'label' must be a string, not an integer; quote it: \"2\""


def test_year_as_string_and_bool_are_refused_integral_float_accepted() -> None:
    diags = _diagnostics(MINIMAL.replace("year: 2018", "year: '2018'"))
    assert _where(diags) == [("schema", 8, 11, "/history/0/year")]
    assert "must be an integer" in diags[0].message
    diags = _diagnostics(MINIMAL.replace("year: 2018", "year: true"))
    assert _where(diags) == [("schema", 8, 11, "/history/0/year")]
    doc = read_document("r.yaml", MINIMAL.replace("year: 2018", "year: 2018.0").encode())
    assert isinstance(doc, Document)
    resolution, diags = validate(doc)
    assert diags == [] and resolution is not None and resolution.history[0].year == 2018


def test_several_errors_each_positioned_in_order() -> None:
    text = MINIMAL.replace("language: en", "language: de").replace("body: pp", "body: PP")
    diags = _diagnostics(text)
    assert _where(diags) == [
        ("schema", 1, 7, "/body"),
        ("schema", 3, 11, "/language"),
    ]
    assert (
        diags[1].message
        == "'language' is 'de'; expected one of 'ar', 'zh', 'en', 'fr', 'ru' or 'es'"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("# only a comment\n", "the file is empty"),
        ("- a\n- b\n", "a resolution file must be a mapping of keys, not a list"),
        ("just text\n", "a resolution file must be a mapping of keys, not a string"),
    ],
)
def test_documents_that_are_not_mappings(text: str, message: str) -> None:
    diags = _diagnostics(text)
    assert _where(diags) == [("schema", 1, 1, "")]
    assert diags[0].message.startswith(message)
    if message == "the file is empty":  # (a failed save: the way back is said)
        assert diags[0].help is not None and "git restore" in diags[0].help


def test_list_where_a_mapping_belongs() -> None:
    diags = _diagnostics(
        MINIMAL.replace(
            "  - event: adopted\n    place: Dubai\n    year: 2018\n", "  - [adopted, Dubai, 2018]\n"
        )
    )
    assert _where(diags) == [("schema", 6, 5, "/history/0")]
    assert diags[0].message == "'history entry 1' must be a mapping (key: value lines), not a list"


def test_year_out_of_range() -> None:
    diags = _diagnostics(MINIMAL.replace("year: 2018", "year: 18"))
    assert _where(diags) == [("schema", 8, 11, "/history/0/year")]
    assert diags[0].message == "'year' is 18, not a year between 1865 and 2999"


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("20/10/2018", "write '2018-10-20'"),  # day first, as ITU texts write a date
        ("5.1.2018", "write '2018-01-05'"),
        ("2018-1-5", "write '2018-01-05'"),
        ("2018-15-11", "write '2018-11-15'"),  # month and day swapped
        ("octobre 2018", "write the date as year-month-day"),
        ("32/10/2018", "write the date as year-month-day"),
    ],
)
def test_a_history_date_written_another_way_is_told_how_to_write_it(
    written: str, fixed: str
) -> None:
    text = MINIMAL.replace("    year: 2018\n", f"    year: 2018\n    date: '{written}'\n", 1)
    (diag,) = _diagnostics(text)
    assert diag.rule == "schema"
    assert diag.message.startswith(f"'{written}' is not a date as this field writes one")
    assert diag.help is not None and diag.help.startswith(fixed), diag.help


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("2018-11-51", "correct the day or the month ('2018-11-15' if two digits"),
        ("2018-10-32", "correct the day or the month ('2018-10-23' if two digits"),
        ("2018-11-60", "correct the day or the month ('2018-11-06' if two digits"),
        ("2018-19-15", "correct the day or the month"),
        ("2018-11-99", "correct the day or the month"),
        ("2018-13-45", "correct the day or the month"),
    ],
)
def test_a_history_date_with_no_such_day_or_month_says_so(written: str, fixed: str) -> None:
    """A date written as the field writes one whose day or month no calendar
    has was told to be written "as year-month-day", as it already was."""
    text = MINIMAL.replace("    year: 2018\n", f"    year: 2018\n    date: '{written}'\n", 1)
    (diag,) = _diagnostics(text)
    assert diag.message == (
        f"'{written}' is no day of the calendar: a month has 31 days at most, and a year 12 months"
    )
    assert diag.help is not None and diag.help.startswith(fixed), diag.help
    if "'" not in fixed:
        assert diag.help == "correct the day or the month"


@pytest.mark.parametrize(
    ("language", "place", "event", "heading"),
    [
        ("ar", "دبي", "revised", "القرار 71 (المراجَع في دبي، 2018)"),  # the Arabic comma
        ("ar", "دبي", "adopted", "القرار 71 (دبي، 2018)"),
        ("zh", "迪拜", "revised", "第71号决议（2018年，迪拜，修订版）"),  # the year first
        ("zh", "迪拜", "adopted", "第71号决议（2018年，迪拜）"),
        ("fr", "Dubaï", "revised", "RÉSOLUTION 71 (Rév. Dubaï, 2018)"),
    ],
)
def test_the_heading_is_written_as_the_language_writes_it(
    language: str, place: str, event: str, heading: str
) -> None:
    from itures.model.resolution import Resolution

    res = Resolution.model_validate(
        {
            "body": "pp",
            "number": "71",
            "language": language,
            "title": "T",
            "history": [{"event": event, "place": place, "year": 2018}],
        }
    )
    assert res.heading == heading


@pytest.mark.parametrize(
    ("written", "help_"),
    [
        ("yaer", "did you mean 'year'?"),  # two letters swapped
        ("sesion", "did you mean 'session'?"),  # a letter lost
        ("YEAR", "write 'year'"),  # other capitals: the value itself
        ("month", "write one of 'year', 'two-years' or 'session'"),  # none close
    ],
)
def test_a_value_of_a_closed_list_one_slip_away_is_told_the_value(written: str, help_: str) -> None:
    text = MINIMAL + (
        "operative:\n  - verb: instructs\n    heading: instructs the Council\n"
        "    actors: [council]\n    clauses:\n      - label: '1'\n"
        "        text: to report every year.\n"
        f"        deadlines:\n          - every: {written}\n"
    )
    diags = [d for d in _diagnostics(text) if d.rule == "schema"]
    assert len(diags) == 1, diags
    assert diags[0].help == help_
