"""Dates: full dates in the history, against their entry's year; dates in texts.

A history entry may give the day of the conference's decision beside its
year (``date: 2017-10-20``, ``YYYY-MM-DD``): Akoma Ntoso output dates the
text with it (``FRBRdate``), and ``itures import`` keeps it when the source
states it. The schema checks the form (and the JSON Schema with it, so that
an editor shows a malformed date as it is typed); this rule checks what a
pattern cannot: that the day exists (no 30 February) and that it is in the
entry's year. Decision: the year stays the entry's key (headings, citations
``@2017`` and the calendar use it); the date adds to it and never replaces it.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from bisect import bisect_right
from collections.abc import Iterator

from itures.i18n import tr
from itures.model.resolution import HistoryEntry
from itures.rules import Context, Finding, Place, rule
from itures.rules._walk import Text, joined, texts
from itures.textscan import Joined


@rule("history-date", "error", "a history entry's date that does not exist or is not in its year")
def history_date(ctx: Context) -> Iterator[Finding]:
    """A history entry's ``date`` must be a day of the calendar, in the entry's
    ``year``, and, where the conference calendar has the days its
    conference met at its place (PP since 1994, WTDC since 1994, WTSA,
    RA since 2000), one of them: "2014-10-04" for WTDC in Dubai, which met
    from 30 March to 10 April 2014, is told, with the date to write when
    the month and the day were swapped (2014-04-10).

    Failing (the date says 2016, the year 2017)::

        history:
          - {event: revised, place: Buenos Aires, year: 2017, date: 2016-10-20}

    Passing::

        history:
          - {event: revised, place: Buenos Aires, year: 2017, date: 2017-10-20}

    A year mistyped beside a date that is right (``year: 2019, date:
    2018-11-15`` for PP in Dubai) is the ``history`` rule's finding, which
    names the year to write: the conference calendar has the conference at
    that place in the date's year.
    """
    for i, entry in enumerate(ctx.resolution.history):
        if entry.date is None:
            continue
        try:
            day = datetime.date.fromisoformat(entry.date)
        except ValueError:
            yield Finding(
                ("history", i, "date"),
                tr("{date} is not a day of the calendar", date=entry.date),
                help=tr("correct the date (YYYY-MM-DD), or remove it and keep the year"),
            )
            continue
        if day.year != entry.year:
            from itures.rules.history import formula_body, left_to_formula

            res = ctx.resolution
            events = [h.event for h in res.history]
            formula = formula_body(res)
            named = left_to_formula(events, i, formula, entry.place, entry.year)
            if _year_said(res.body, res.language, entry, day.year, named, formula):
                continue  # the history rule's finding, with the date's year to write
            yield Finding(
                ("history", i, "date"),
                tr(
                    "the date {date} is in {found}, but the entry's year is {year}",
                    date=entry.date,
                    found=day.year,
                    year=entry.year,
                ),
                help=tr("correct the date or the year: they name the same conference"),
            )
            continue
        outside = _outside_days(ctx.resolution.body, i, entry, day)
        if outside is not None:
            yield outside


def _outside_days(body: str, i: int, entry: HistoryEntry, day: datetime.date) -> Finding | None:
    """The finding on an entry's date, in its year, on which its conference
    did not meet at its place (:func:`itures.conferences.days_met`): the
    month and the day swapped ("2014-10-04" for 4 October, WTDC having met
    from 30 March to 10 April), a day mistyped. None when the calendar has
    no days for that meeting, or the date is one of them."""
    from itures.conferences import days_met
    from itures.rules.history import conference

    days = days_met(body, entry.place, entry.year)
    if days is None:
        return None
    first, last = days
    if first <= day.isoformat() <= last:
        return None
    try:
        swapped = datetime.date(day.year, day.day, day.month).isoformat()
    except ValueError:
        swapped = None
    values = {"date": entry.date, "first": first, "last": last}
    return Finding(
        ("history", i, "date"),
        tr(
            "{body} met in {place} from {first} to {last}: {date} is not one of its days",
            body=conference(body),
            place=entry.place,
            **values,
        ),
        help=tr("write {right}: the month and the day swapped", right=swapped)
        if swapped is not None and first <= swapped <= last
        else tr("correct the date to a day from {first} to {last}, or remove it", **values),
    )


def _year_said(
    body: str, language: str, entry: HistoryEntry, year: int, named: bool, formula: str | None
) -> bool:
    """Whether the ``history`` rule reports the entry's year as one in which
    its conference did not meet at its place, which met there in ``year``,
    the year of the entry's date: its fix, the year corrected to the
    date's, is this rule's too (one defect, one finding). ``named`` and
    ``formula``: as :func:`itures.rules.history.calendar_finding` takes them."""
    from itures.conferences import misdated
    from itures.rules.history import calendar_disagrees

    wrong = misdated(body, entry.place, entry.year)
    return (
        wrong is not None
        and wrong.met_then == year
        and calendar_disagrees(
            body, language, entry.place, entry.year, named=named, formula=formula
        )
    )


# The months as texts write them in a date, by language, January first (a
# tuple: the spellings of one month). Russian writes the genitive ("31 июня").
_MONTHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": tuple(
        (m,)
        for m in [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    ),
    "fr": tuple(
        (m,)
        for m in [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ]
    ),
    "es": (
        ("enero",),
        ("febrero",),
        ("marzo",),
        ("abril",),
        ("mayo",),
        ("junio",),
        ("julio",),
        ("agosto",),
        ("septiembre", "setiembre"),
        ("octubre",),
        ("noviembre",),
        ("diciembre",),
    ),
    "ru": tuple(
        (m,)
        for m in [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ]
    ),
    "ar": (
        ("يناير",),
        ("فبراير",),
        ("مارس",),
        ("أبريل", "إبريل", "ابريل"),
        ("مايو",),
        ("يونيو", "يونيه"),
        ("يوليو", "يوليه"),
        ("أغسطس",),
        ("سبتمبر",),
        ("أكتوبر",),
        ("نوفمبر",),
        ("ديسمبر",),
    ),
}
# The days a date may be wrong on: a day after the 28th is the only one some
# month lacks (a "32" is a number, not a date)
_LATE_DAYS = ("29", "30", "31")
# Their quick test, by language, in the form of a file's texts joined
# (textscan.Joined: a digit is "0", a blank " ", a character beyond ASCII
# "?"): two digits, not after a third, a blank (a no-break space is a "?"),
# then what starts a month's name (a letter a month starts with; "de" in
# Spanish; a letter beyond ASCII in Russian and Arabic); in Chinese the two
# digits before "日". Each starts with the literal "00", which a search looks
# for (" 00" would stop at every blank).
_MONTH_STARTS = rb"[adfjmnosADFJMNOS]"
_QUICK: dict[str, re.Pattern[bytes]] = {
    "en": re.compile(rb"00[ ?](?<!000[ ?])[ADFJMNOS]"),
    "fr": re.compile(rb"00[ ?](?<!000[ ?])" + _MONTH_STARTS),
    "es": re.compile(rb"00[ ?](?<!000[ ?])(?:de[ ?])?" + _MONTH_STARTS),
    "ru": re.compile(rb"00[ ?](?<!000[ ?])\?"),
    "ar": re.compile(rb"00[ ?](?<!000[ ?])\?"),
    "zh": re.compile(rb"00\?(?<!000\?)"),
}


@functools.lru_cache(maxsize=8)
def _date_pattern(language: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """A date as ``language`` writes it, matched at its day ("31 June 2020",
    "31 juin 2020", "31 de junio de 2020", "31 июня 2020 г.", "31 يونيو
    2020"), with the month of each spelling folded; in Chinese
    "2020年6月31日", matched at its year. None for a language without one."""
    if language == "zh":
        return re.compile(
            r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
        ), {}
    months = _MONTHS.get(language)
    if months is None:
        return None
    index = {s.casefold(): n for n, spellings in enumerate(months, 1) for s in spellings}
    names = "|".join(sorted(map(re.escape, index), key=len, reverse=True))
    of = r"(?:de\s+)?" if language == "es" else ""
    day_first = (
        rf"(?P<day>\d{{1,2}})\s+{of}(?P<month>{names})(?!\w)"
        rf"(?:,?\s+{of}(?P<year>\d{{4}})(?!\d))?"
    )
    return re.compile(day_first, re.IGNORECASE), index


@rule(
    "text-date",
    "error",
    "a date written in a text that is no day of the calendar: '31 June 2020', '29 February 2019'",
)
def text_date(ctx: Context) -> Iterator[Finding]:
    """A date written in a text (an item, a clause, a footnote, a deadline's
    words...) is a day of the calendar: no 31st of a month of 30 days ("31
    June 2020", "31 juin 2020", "31 de junio de 2020", "31 июня 2020 г.",
    "2020年6月31日"), no 30 February, no 29 February of a year that is not a
    leap year (without a year, the 29th passes). Dates are read as ITU
    texts write them in each language: the day, the month's name and the
    year (in Chinese the numbers of year, month and day), in ASCII digits;
    not "June 31, 2020", which they do not write. Dates in digits too, as an
    editor may type one in a deadline's words: day, month and year
    ("31/06/2016", "31.06.2016"; month first when the second number is no
    month: "04/31/2019"), or year, month and day ("2016-06-31"). A deadline's words that
    repeat the date of their clause are a related place of the clause's
    finding (one defect, one finding).

    Failing::

        - label: '2'
          text: to report to the Council by 31 June 2020;

    Passing::

        - label: '2'
          text: to report to the Council by 30 June 2020;
    """
    language = ctx.resolution.language
    found = _date_pattern(language)
    form = joined(ctx)
    quick = _QUICK.get(language)
    hits = [m.start() for m in quick.finditer(form.form)] if found and quick else []
    numeric = _NUMERIC_QUICK.search(form.form) is not None
    if not hits and not numeric:
        return  # (most files)
    all_texts = texts(ctx)
    starts = form.starts
    # text, start, end, date, then what _no_day says of it
    bad: list[Bad] = []
    if numeric:
        bad.extend(_numeric(form, all_texts, language))
    if hits and found is not None:
        bad.extend(_named(found, hits, starts, all_texts))
    # (the clause's text and date) -> its finding's parts, the related places last
    reported: dict[tuple[tuple[str | int, ...], str], tuple[Finding, list[Place]]] = {}
    for t, start, end, date, month, days, common_year in dict.fromkeys(bad):
        path = all_texts[t].path
        owner = _deadline_owner(path)
        if owner is not None and (owner, date) in reported:
            reported[owner, date][1].append(
                Place(
                    path,
                    tr("the same date in the deadline's words"),
                    offset=start,
                    length=end - start,
                )
            )
            continue
        shown = repr(" ".join(date.split()))  # (a no-break space shown as a blank)
        if common_year is not None:
            message = tr(
                "{date} is not a day of the calendar: {year} is not a leap year",
                date=shown,
                year=common_year,
            )
            fix = tr("correct the date: February {year} has 28 days", year=common_year)
        else:
            message = tr(
                "{date} is not a day of the calendar: {month} has {days} days",
                date=shown,
                month=month,
                days=days,
            )
            fix = tr(
                "correct the date: the last day of {month} is the {days}th", month=month, days=days
            )
        reported[path, date] = (
            Finding(path, message, offset=start, length=end - start, help=fix),
            [],
        )
    for finding, related in reported.values():
        if related:
            finding = dataclasses.replace(finding, related=tuple(related))
        yield finding


Bad = tuple[int, int, int, str, str, int, str | None]


def _named(
    found: tuple[re.Pattern[str], dict[str, int]],
    hits: list[int],
    starts: list[int],
    all_texts: list[Text],
) -> Iterator[Bad]:
    """The dates with a month's name (or, in Chinese, its number and 月) that
    are no day of the calendar, as :func:`text_date` lists them: at each of
    ``hits`` (where the quick test found two digits in the joined form whose
    texts start at ``starts``), read with ``found`` (:func:`_date_pattern`)."""
    pattern, months = found
    for i in hits:
        t = bisect_right(starts, i) - 1
        text = all_texts[t].text
        at = i - starts[t]
        if text[at : at + 2] not in _LATE_DAYS:
            continue
        # (in Chinese, the year and the month come before the day)
        m = pattern.search(text, max(0, at - 14), at + 3) if not months else pattern.match(text, at)
        if m is None:
            continue
        wrong = _no_day(m, months)
        if wrong is not None:
            yield (t, m.start(), m.end(), m.group(0), *wrong)


# A date in digits: day, month and year ("31/06/2016", "31.06.2016", as most
# countries write one) or year, month and day ("2016-06-31", ISO 8601); and
# its quick test in the joined form (a digit is "0" there, '.' is ',').
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?:(?P<day>\d{1,2})(?P<sep>[/.])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})"
    r"|(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2}))(?![\d/-])"
)
_NUMERIC_QUICK = re.compile(rb"00[/,]0?0[/,]0000|0000-00-00")


def _numeric(form: Joined, all_texts: list[Text], language: str) -> Iterator[Bad]:
    """The dates written in digits that are no day of the calendar, as
    :func:`text_date` lists them (the month named as ``language`` names it).
    Day first or year first; month first when the second number is no month
    ("06/30/2016" passes, "04/31/2019" is no day either way)."""
    months = _MONTHS.get(language)
    for t in form.holding(_NUMERIC_QUICK):
        text = all_texts[t].text
        for m in _NUMERIC.finditer(text):
            if m.group("iso_year") is not None:
                year, month, day = (int(m.group(g)) for g in ("iso_year", "iso_month", "iso_day"))
            else:
                day, month, year = (int(m.group(g)) for g in ("day", "month", "year"))
                if month > 12 and 1 <= day <= 12:
                    # no month but read month first ("06/30/2016"; "04/31/2019" is
                    # no day either way)
                    day, month = month, day
            if not 1 <= month <= 12 or day > 31 or day <= _days_in(year, month):
                continue
            name = (
                months[month - 1][0] if months else f"{month}月" if language == "zh" else str(month)
            )
            leap = str(year) if month == 2 and day == 29 else None
            yield t, m.start(), m.end(), m.group(0), name, _days_in(year, month), leap


def _no_day(m: re.Match[str], months: dict[str, int]) -> tuple[str, int, str | None] | None:
    """None when a date matched is a day of the calendar; else the month as
    written, its number of days, and the year when the date is a 29 February
    of a year that is not a leap year (None for a day a month never has)."""
    day, month, year = m.group("day", "month", "year")
    number = int(month) if not months else months[month.casefold()]
    if not 1 <= number <= 12:
        return None  # (not a month: a Chinese "13月")
    if not months:
        month += "月"  # (the month as Chinese names it: "6月")
    # (without a year, a leap year's days: the 29th of February passes)
    days = _days_in(int(year) if year is not None else 2000, number)
    d = int(day)
    if d <= days or d > 31:
        return None
    return month, days, year if number == 2 and d == 29 else None


# the days of each month of a common year (the module `calendar` would cost
# the command's start a millisecond: it imports `locale`)
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """The days of ``month`` (1-12) of ``year``, in the Gregorian calendar."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _MONTH_DAYS[month - 1]


def _deadline_owner(path: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    """The text of the clause whose deadline's words these are, or None."""
    if len(path) >= 4 and path[-3] == "deadlines":
        return (*path[:-3], "text")
    return None
