"""Actors and deadlines, against the vocabulary (``schema/actors.yaml``)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from itures.model.vocabulary import vocabulary_of
from itures.rules import Context, Finding, rule
from itures.rules._walk import clauses_of

_WHEN = ("every", "event", "by")


def _suggest(value: str, known: frozenset[str]) -> str:
    close = difflib.get_close_matches(value, sorted(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


@rule("actor-unknown", "error", "an actor identifier not in the vocabulary")
def actor_unknown(ctx: Context) -> Iterator[Finding]:
    """An ``actors`` or ``partners`` entry (of a section or a clause), or a
    deadline's ``report_to``, that is not an actor id of the vocabulary
    (``schema/actors.yaml``).

    Failing::

        actors: [bdt-directr]

    Passing::

        actors: [bdt-director]
    """
    known = vocabulary_of(ctx.config).actor_ids()
    res = ctx.resolution

    def check(path: tuple[str | int, ...], ids: list[str]) -> Iterator[Finding]:
        for i, actor in enumerate(ids):
            if actor not in known:
                yield Finding(
                    (*path, i),
                    f"unknown actor '{actor}'{_suggest(actor, known)} "
                    "(actor ids are listed in schema/actors.yaml)",
                )

    for s, osec in enumerate(res.operative):
        yield from check(("operative", s, "actors"), osec.actors)
        yield from check(("operative", s, "partners"), osec.partners)
    for path, clause in clauses_of(ctx):
        yield from check((*path, "actors"), clause.actors)
        yield from check((*path, "partners"), clause.partners)
        for d, deadline in enumerate(clause.deadlines):
            if deadline.report_to is not None and deadline.report_to not in known:
                yield Finding(
                    (*path, "deadlines", d, "report_to"),
                    f"unknown actor '{deadline.report_to}' to report to"
                    f"{_suggest(deadline.report_to, known)} (actor ids are listed in "
                    "schema/actors.yaml)",
                )


@rule("deadline-malformed", "error", "a deadline without exactly one of every, event and by")
def deadline_malformed(ctx: Context) -> Iterator[Finding]:
    """A deadline says when with exactly one of ``every`` (recurring),
    ``event`` (by an event of the vocabulary) and ``by`` (by a year).

    Failing::

        deadlines:
          - every: year
            by: 2020
            report_to: council

    Passing::

        deadlines:
          - every: year
            report_to: council
    """
    for path, clause in clauses_of(ctx):
        for d, deadline in enumerate(clause.deadlines):
            given = [k for k in _WHEN if getattr(deadline, k) is not None]
            if len(given) == 1:
                continue
            where = (*path, "deadlines", d)
            if not given:
                yield Finding(
                    where,
                    "the deadline does not say when; give one of every (year, two-years, "
                    "session), event (next-pp, …) or by (a year)",
                )
            else:
                yield Finding(
                    (*where, given[1]),
                    f"the deadline gives both {' and '.join(given)}; keep one, and make "
                    "another deadline entry if the text sets two",
                    key=True,
                )


@rule("deadline-event-unknown", "error", "a deadline by an event not in the vocabulary")
def deadline_event_unknown(ctx: Context) -> Iterator[Finding]:
    """A deadline's ``event`` must be an event id of the vocabulary
    (``schema/actors.yaml``): next-pp, next-wtdc, next-wtsa, next-ra,
    next-wrc, next-council.

    Failing::

        deadlines:
          - event: next-plenipotentiary
            report_to: council

    Passing::

        deadlines:
          - event: next-pp
            report_to: council
    """
    known = vocabulary_of(ctx.config).event_ids()
    for path, clause in clauses_of(ctx):
        for d, deadline in enumerate(clause.deadlines):
            if deadline.event is not None and deadline.event not in known:
                yield Finding(
                    (*path, "deadlines", d, "event"),
                    f"unknown event '{deadline.event}'{_suggest(deadline.event, known)} "
                    f"(events: {', '.join(sorted(known))})",
                )
