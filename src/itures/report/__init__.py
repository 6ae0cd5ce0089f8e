"""Reporters: turn a :class:`~itures.corpus.CheckResult` into text.

Reporters are registered by name in :data:`REPORTERS`; the CLI's ``--format``
choices are generated from it. A reporter never checks anything.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from itures.corpus import CheckResult

Reporter = Callable[["CheckResult"], str]


def text(result: CheckResult) -> str:
    """``path:line:column: rule: message`` lines, then a one-line summary.

    Suppressed findings are counted in the summary and, with
    ``show_suppressed``, listed with their reason.
    """
    shown: list[tuple[tuple[str, int, int, str, str], str]] = [
        (d.sort_key(), str(d)) for d in result.diagnostics
    ]
    if result.show_suppressed:
        shown.extend((s.diagnostic.sort_key(), str(s)) for s in result.suppressed)
        shown.sort(key=lambda pair: pair[0])
    lines = [line for _, line in shown]
    lines.extend(f"error: {f}" for f in result.failures)
    files = f"{result.files} file{'s' if result.files != 1 else ''} checked"
    hidden = f"{len(result.suppressed)} suppressed" if result.suppressed else ""
    if not result.diagnostics and not result.failures:
        lines.append(f"{files}: no problems" + (f" ({hidden})" if hidden else ""))
    else:
        parts = [f"{result.errors} error{'s' if result.errors != 1 else ''}"]
        parts.append(f"{result.warnings} warning{'s' if result.warnings != 1 else ''}")
        if hidden:
            parts.append(hidden)
        if result.failures:
            parts.append(f"{len(result.failures)} not checked")
        lines.append(f"{files}: {', '.join(parts)}")
    return "\n".join(lines) + "\n"


def json_report(result: CheckResult) -> str:
    """One JSON object: ``{"diagnostics": [...], "summary": {...}}``.

    With ``show_suppressed``, a ``"suppressed"`` list too: the silenced
    findings, each with ``"suppressed": true`` and the suppression's
    ``"reason"``.
    """
    payload: dict[str, object] = {
        "diagnostics": [d.to_dict() for d in result.diagnostics],
        "summary": result.summary(),
    }
    if result.show_suppressed:
        payload["suppressed"] = [s.to_dict() for s in result.suppressed]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _github(result: CheckResult) -> str:
    from itures.report.github import github

    return github(result)


def _sarif(result: CheckResult) -> str:
    from itures.report.sarif import sarif

    return sarif(result)


REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": json_report,
    "github": _github,
    "sarif": _sarif,
}
