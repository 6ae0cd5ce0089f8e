"""GitHub Actions workflow commands: one annotation per diagnostic.

``::error file=PATH,line=L,endLine=L2,col=C,endColumn=C2,title=RULE::MESSAGE``
puts the message on the lines of the file in the pull request's diff; the
last line is the plain-text summary, which shows in the job log. Chosen
automatically by the command line when ``GITHUB_ACTIONS`` is set (as it is on
every GitHub Actions runner).

The columns are given only for a span on one line (GitHub ignores them for a
span over several lines); ``endColumn`` is the span's last character. The
annotation's message is ``rule: message``, then, each on a line of its own,
the related places (``note: path:line:column: message``) and the fix
(``help: ...``). With ``--statistics``, the counts per rule are printed to the
log before the summary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from itures.report.terminal import ReportOptions
    from itures.result import CheckResult


def _data(text: str) -> str:
    """Escape a command's message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a command property value (``file=...``, ``title=...``)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _path(path: str, root: str) -> str:
    """The file as GitHub names it: relative to the repository root."""
    from itures.report.sarif import relative_to_root

    rel = relative_to_root(path, root)
    return path if rel is None else rel


def github(result: CheckResult, options: ReportOptions | None = None) -> str:
    """Workflow commands for GitHub Actions, then a summary line; files are
    named from the repository root, as GitHub names them."""
    from itures.report.sarif import repository_root
    from itures.report.terminal import MAX_RELATED, escape, statistics_lines, summary_line

    root = repository_root()
    lines: list[str] = []
    for d in result.diagnostics:
        props = [
            f"file={_property(_path(d.path, root))}",
            f"line={d.line}",
            f"endLine={d.end_line}",
        ]
        if d.end_line == d.line:
            props += [f"col={d.column}", f"endColumn={d.end_column}"]
        props.append(f"title={_property('itures ' + d.rule)}")
        message = [f"{d.rule}: {d.message}"]
        message.extend(
            f"note: {r.path}:{r.line}:{r.column}: {r.message}" for r in d.related[:MAX_RELATED]
        )
        if len(d.related) > MAX_RELATED:
            message.append(f"note: and {len(d.related) - MAX_RELATED} more related places")
        if d.help:
            message.append(f"help: {d.help}")
        lines.append(f"::{d.severity} {','.join(props)}::{_data(escape(chr(10).join(message)))}")
    lines.extend(f"::error::{_data(escape(f))}" for f in result.failures)
    if options is not None and options.statistics:
        lines.extend(statistics_lines(result))
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
