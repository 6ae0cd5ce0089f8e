"""Dates in texts: every day of the calendar passes, in every language's way
of writing it; a day a month lacks is found."""

from __future__ import annotations

import calendar
import datetime

from hypothesis import given
from hypothesis import strategies as st

from itures.rules import dates

_LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")


def _written(language: str, day: int, month: int, year: int | None) -> str:
    if language == "zh":
        return f"{year or 2020}年{month}月{day}日"
    name = dates._MONTHS[language][month - 1][0]
    if language == "es":
        return f"{day} de {name}" + (f" de {year}" if year else "")
    return f"{day} {name}" + (f" {year}" if year else "")


def _verdict(language: str, text: str) -> tuple[str, int, str | None] | None:
    found = dates._date_pattern(language)
    assert found is not None
    pattern, months = found
    m = pattern.search(text)
    assert m is not None, text
    return dates._no_day(m, months)


@given(st.sampled_from(_LANGUAGES), st.dates(datetime.date(1900, 1, 1)), st.booleans())
def test_every_day_of_the_calendar_passes(
    language: str, day: datetime.date, with_year: bool
) -> None:
    year = day.year if with_year or language == "zh" else None
    assert _verdict(language, _written(language, day.day, day.month, year)) is None


@given(
    st.sampled_from(_LANGUAGES),
    st.integers(1900, 2100),
    st.integers(1, 12),
    st.booleans(),
)
def test_a_day_after_the_last_of_its_month_is_found(
    language: str, year: int, month: int, with_year: bool
) -> None:
    last = calendar.monthrange(year, month)[1]
    if last == 31:
        return  # (no day after the 31st is a date)
    given_year = year if with_year or language == "zh" else None
    if given_year is None and month == 2 and last == 28:
        last = 29  # without a year, the 29th of February passes
    verdict = _verdict(language, _written(language, last + 1, month, given_year))
    assert verdict is not None
    if month == 2 and last == 28 and last + 1 == 29:
        assert verdict[1:] == (28, str(year))  # not a leap year
    else:
        assert verdict[1:] == (last, None)


_NUMERIC_FORMS = (
    "{d:02d}/{m:02d}/{y}",
    "{d}.{m}.{y}",
    "{y}-{m:02d}-{d:02d}",
    "{m:02d}/{d:02d}/{y}",
)


def _numeric_verdicts(language: str, text: str) -> list[str]:
    from itures.rules._walk import Text
    from itures.textscan import Joined

    form = Joined([text])
    return [found[3] for found in dates._numeric(form, [Text(("x",), text)], language)]


@given(
    st.sampled_from(_LANGUAGES),
    st.dates(datetime.date(1900, 1, 1)),
    st.sampled_from(_NUMERIC_FORMS),
)
def test_every_day_of_the_calendar_in_digits_passes(
    language: str, day: datetime.date, written: str
) -> None:
    text = "by " + written.format(d=day.day, m=day.month, y=day.year) + ";"
    assert _numeric_verdicts(language, text) == []


@given(
    st.sampled_from(_LANGUAGES),
    st.integers(1900, 2100),
    st.integers(1, 12),
    st.sampled_from(_NUMERIC_FORMS),
)
def test_a_day_after_the_last_in_digits_is_found(
    language: str, year: int, month: int, written: str
) -> None:
    last = calendar.monthrange(year, month)[1]
    if last == 31:
        return
    date = written.format(d=last + 1, m=month, y=year)
    assert _numeric_verdicts(language, f"avant le {date}.") == [date]
