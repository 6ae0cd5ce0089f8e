"""GitHub Actions workflow commands: one annotation per diagnostic.

``::error file=PATH,line=L,col=C,title=RULE::MESSAGE`` puts the message on the
line of the file in the pull request's diff; the last line is the plain-text
summary, which shows in the job log. Chosen automatically by the command line
when ``GITHUB_ACTIONS`` is set (as it is on every GitHub Actions runner).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from itures.corpus import CheckResult


def _data(text: str) -> str:
    """Escape a command's message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a command property value (``file=...``, ``title=...``)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github(result: CheckResult) -> str:
    """Workflow commands for GitHub Actions, then a summary line."""
    from itures.report import text

    lines: list[str] = []
    for d in result.diagnostics:
        props = ",".join(
            [
                f"file={_property(d.path)}",
                f"line={d.line}",
                f"col={d.column}",
                f"title={_property('itures ' + d.rule)}",
            ]
        )
        lines.append(f"::{d.severity} {props}::{_data(f'{d.rule}: {d.message}')}")
    lines.extend(f"::error::{_data(f)}" for f in result.failures)
    summary = text(result).splitlines()[-1]
    lines.append(summary)
    return "\n".join(lines) + "\n"
