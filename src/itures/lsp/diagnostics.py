"""Diagnostics in the editor: ``itures check``'s findings as LSP diagnostics.

A finding keeps everything ``check`` prints: its range (the span of the
finding, converted to the client's position encoding), severity, rule (the
diagnostic's ``code``, with ``source`` "itures"), message, its related places
(``relatedInformation``, in this file or another) and its fix in words,
``help``: appended to the message after a line break (what every editor
shows) and kept in ``data`` with the JSON Pointer, for the quick fixes.

When: on open and save at once; while typing, 300 ms after the last change
(a check started for an older text is not published); and for every open
document when files of the workspace change on disk
(``workspace/didChangeWatchedFiles``: a ``git pull``, a file saved
elsewhere), since a corpus rule's finding can depend on another file.
"""

from __future__ import annotations

import os
from typing import Any

from lsprotocol import types

from itures.diagnostics import Diagnostic, Related
from itures.lsp.positions import Lines

__all__ = ["DEBOUNCE", "spanned", "to_lsp", "to_range", "uri_of"]

DEBOUNCE = 0.3
"""Seconds without a change before a document is checked while typing."""


def uri_of(path: str) -> str:
    from pygls.uris import from_fs_path

    return from_fs_path(os.path.abspath(path)) or path


def to_range(
    lines: Lines, line: int, column: int, end_line: int, end_column: int, encoding: str
) -> types.Range:
    """The LSP range of a 1-based inclusive span in code points (counted, as
    ``itures check`` counts them, without a byte order mark at the start of
    the text: the editor's buffer may keep it, one character more on the
    first line)."""
    bom = 1 if lines.text.startswith("\ufeff") else 0
    if end_line < 1:
        end_line, end_column = line, column
    start = types.Position(
        line - 1, lines.units(line - 1, column - 1 + (bom if line == 1 else 0), encoding)
    )
    end = types.Position(
        end_line - 1,
        lines.units(end_line - 1, end_column + (bom if end_line == 1 else 0), encoding),
    )
    if (end.line, end.character) <= (start.line, start.character):
        end = types.Position(start.line, start.character + 1)
    return types.Range(start, end)


def to_lsp(
    d: Diagnostic,
    lines: Lines,
    encoding: str,
    lines_of: Any,
) -> types.Diagnostic:
    """``d`` in LSP terms; ``lines_of(path)`` gives the :class:`Lines` of another file."""
    related = [_related(r, d.path, lines, encoding, lines_of) for r in d.related]
    message = d.message if not d.help else f"{d.message}\n{d.help}"
    rng = to_range(lines, d.line, d.column, d.end_line, d.end_column, encoding)
    return types.Diagnostic(
        range=rng,
        message=message,
        severity=(
            types.DiagnosticSeverity.Error
            if d.severity == "error"
            else types.DiagnosticSeverity.Warning
        ),
        code=d.rule,
        source="itures",
        related_information=related or None,
        data={
            "rule": d.rule,
            "pointer": d.pointer,
            "help": d.help,
            "message": d.message,
            # (the text the range spans: a quick fix asked for with this diagnostic
            # after the text changed, its range now over other words, is not made)
            "written": spanned(lines, rng, encoding),
        },
    )


def spanned(lines: Lines, rng: types.Range, encoding: str) -> str:
    """The text ``rng`` spans in ``lines``."""
    start = lines.offset(
        rng.start.line, lines.column(rng.start.line, rng.start.character, encoding)
    )
    end = lines.offset(rng.end.line, lines.column(rng.end.line, rng.end.character, encoding))
    return lines.text[start:end]


def _related(r: Related, path: str, lines: Lines, encoding: str, lines_of: Any) -> Any:
    here = lines if r.path == path else lines_of(r.path)
    return types.DiagnosticRelatedInformation(
        location=types.Location(
            uri=uri_of(r.path),
            range=to_range(here, r.line, r.column, r.end_line, r.end_column, encoding),
        ),
        message=r.message,
    )
