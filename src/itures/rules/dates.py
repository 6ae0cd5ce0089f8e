"""Full dates in the history, against their entry's year.

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

import datetime
from collections.abc import Iterator

from itures.i18n import tr
from itures.rules import Context, Finding, rule


@rule("history-date", "error", "a history entry's date that does not exist or is not in its year")
def history_date(ctx: Context) -> Iterator[Finding]:
    """A history entry's ``date`` must be a day of the calendar, in the entry's
    ``year``.

    Failing (the date says 2016, the year 2017)::

        history:
          - {event: revised, place: Buenos Aires, year: 2017, date: 2016-10-20}

    Passing::

        history:
          - {event: revised, place: Buenos Aires, year: 2017, date: 2017-10-20}
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
