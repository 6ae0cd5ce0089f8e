"""Reporters: turn a :class:`~itures.result.CheckResult` into text.

Reporters are registered by name in :data:`REPORTERS`; the CLI's ``--format``
choices are generated from it. A reporter never checks anything. Each takes
the result and, optionally, :class:`ReportOptions` (colour, ``--statistics``,
output width): ``text`` (each finding with its source excerpt, see
:mod:`itures.report.terminal`), ``concise`` (one line per finding), ``json``,
``github`` and ``sarif``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from itures.report.terminal import ReportOptions, concise, full, full_chunks, statistics_rows

if TYPE_CHECKING:
    from itures.result import CheckResult

__all__ = ["REPORTERS", "ReportOptions", "Reporter", "chunks", "concise", "json_report", "text"]


class Reporter(Protocol):
    def __call__(self, result: CheckResult, options: ReportOptions | None = None) -> str: ...


def text(result: CheckResult, options: ReportOptions | None = None) -> str:
    """Each finding with its source line(s) and a caret under its span, then a summary.

    Suppressed findings are counted in the summary and, with
    ``show_suppressed``, listed with their reason.
    """
    return full(result, options)


def json_report(result: CheckResult, options: ReportOptions | None = None) -> str:
    """One JSON object: ``{"diagnostics": [...], "summary": {...}}``.

    With ``show_suppressed``, a ``"suppressed"`` list too: the silenced
    findings, each with ``"suppressed": true`` and the suppression's
    ``"reason"``. With ``--statistics``, the summary has a ``"statistics"``
    list: ``{"rule", "severity", "count"}`` per rule and severity, most
    frequent first.
    """
    summary = result.summary()
    if options is not None and options.statistics:
        summary["statistics"] = [
            {"rule": rule, "severity": severity, "count": n}
            for n, rule, severity in statistics_rows(result)
        ]
    payload: dict[str, object] = {
        "diagnostics": [d.to_dict() for d in result.diagnostics],
        "summary": summary,
    }
    if result.show_suppressed:
        payload["suppressed"] = [s.to_dict() for s in result.suppressed]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _json_chunks(result: CheckResult, options: ReportOptions | None = None) -> Iterator[str]:
    """:func:`json_report` in pieces, one per diagnostic (the same text)."""
    summary = result.summary()
    if options is not None and options.statistics:
        summary["statistics"] = [
            {"rule": rule, "severity": severity, "count": n}
            for n, rule, severity in statistics_rows(result)
        ]
    yield '{\n  "diagnostics": ['
    first = True
    for d in result.diagnostics:
        text = json.dumps(d.to_dict(), ensure_ascii=False, indent=2)
        yield ("\n    " if first else ",\n    ") + text.replace("\n", "\n    ")
        first = False
    yield "]" if first else "\n  ]"
    rest: dict[str, object] = {"summary": summary}
    if result.show_suppressed:
        rest["suppressed"] = [s.to_dict() for s in result.suppressed]
    for name, value in rest.items():
        text = json.dumps(value, ensure_ascii=False, indent=2)
        yield f',\n  "{name}": ' + text.replace("\n", "\n  ")
    yield "\n}\n"


def chunks(fmt: str, result: CheckResult, options: ReportOptions | None = None) -> Iterator[str]:
    """The report of format ``fmt`` in pieces: their concatenation is
    ``REPORTERS[fmt](result, options)``. ``text`` and ``json`` come one finding
    at a time, so that the command line writes a report of any size without
    holding it; the other formats come whole."""
    if fmt == "text":
        yield from full_chunks(result, options)
    elif fmt == "json":
        yield from _json_chunks(result, options)
    else:
        yield REPORTERS[fmt](result, options)


def _github(result: CheckResult, options: ReportOptions | None = None) -> str:
    from itures.report.github import github

    return github(result, options)


def _sarif(result: CheckResult, options: ReportOptions | None = None) -> str:
    from itures.report.sarif import sarif

    return sarif(result, rules_url=options.rules_url if options is not None else None)


REPORTERS: dict[str, Reporter] = {
    "text": text,
    "concise": concise,
    "json": json_report,
    "github": _github,
    "sarif": _sarif,
}
