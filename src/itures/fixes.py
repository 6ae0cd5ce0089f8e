"""``itures check --fix``: the safe quick fixes of a check's findings, applied.

The fixes are the language server's (:mod:`itures.lsp.actions`), and only
those :data:`itures.lsp.actions.SAFE` names: edits that leave the words of
the text as they are, or change them only as the finding says, and need no
choice (a renumbering, a "did you mean", a footnote stub are left to the
editor). Each is an edit of the file's text, so comments, quoting and
folding stay as written.

A file is fixed in rounds: checked as ``itures check`` checks it (its
configuration, its corpus), the safe fixes of its findings that touch no
place another one touches applied, and checked again, until no safe fix is
left or :data:`ROUNDS` rounds were made. A round after which the file is no
longer valid YAML, or no longer matches the schema while it did, is undone
and the file left as the round before made it (a fix never breaks a file).
The file is written once, atomically, when it changed; a file that cannot
be read or written is left as it is, and said.

Library code: nothing is printed, the outcome of each file is returned.
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lsprotocol.types import CodeAction

    from itures.config import Config
    from itures.lsp.positions import Lines
    from itures.lsp.session import Session

__all__ = ["ROUNDS", "Fixed", "fix_files", "fix_text"]

# rounds of fixes a file gets at most (a fix may reveal another: a label moved
# out of a text, then the text's capital)
ROUNDS = 10
# what a fix must never bring into a file
_BROKEN = ("yaml-syntax", "schema")


@dataclass
class Fixed:
    """What ``--fix`` did to one file: the fixes applied (one a finding; 0:
    the file was left as it was), or why the file was not written."""

    path: str
    fixes: int = 0
    problem: str | None = None


def fix_text(session: Session, path: str, text: str) -> tuple[str, int]:
    """``text`` (the content of ``path``) with the safe fixes of its findings
    applied, round after round, and the number of fixes applied."""
    from itures.lsp.actions import actions, safe
    from itures.lsp.diagnostics import to_lsp, uri_of
    from itures.lsp.positions import Lines
    from itures.lsp.session import parse

    config = session.config(path)
    if isinstance(config, str):
        return text, 0
    uri = uri_of(path)
    fixed = 0
    before: tuple[str, int, set[str]] | None = None  # the last good text, its count, its breaks
    for round_ in range(ROUNDS + 1):
        found = session.check(path, text)
        broken = {d.rule for d in found if d.rule in _BROKEN}
        if before is not None and not broken <= before[2]:
            return before[0], before[1]  # the last round broke the file: undone
        if round_ == ROUNDS:
            break
        lines = Lines(text)
        diagnostics = [to_lsp(d, lines, "utf-16", lambda _: Lines("")) for d in found]
        offered = [
            a
            for a in actions(parse(path, text), config, uri, None, diagnostics, "utf-16")
            if safe(a)
        ]
        taken: list[tuple[int, int, str]] = []  # sorted: no two overlap
        count = 0
        for action in offered:
            spans = _spans(action, lines)
            if spans is None or _overlaps(spans, taken):
                continue  # (the next round, when its place is free)
            for span in spans:
                bisect.insort(taken, span)
            count += 1
        if not taken:
            break
        before = (text, fixed, broken)
        text = _applied(text, taken)
        fixed += count
    return text, fixed


def _spans(action: CodeAction, lines: Lines) -> list[tuple[int, int, str]] | None:
    """The edits of a quick fix as (start, end, new text) offsets in the text."""
    from lsprotocol import types

    edit = action.edit
    if edit is None or not edit.document_changes:
        return None
    out = []
    for change in edit.document_changes:
        if not isinstance(change, types.TextDocumentEdit):
            return None
        for e in change.edits:
            if not isinstance(e, types.TextEdit):
                return None
            r = e.range
            start = lines.index(r.start.line, r.start.character, "utf-16")
            end = lines.index(r.end.line, r.end.character, "utf-16")
            out.append((start, end, e.new_text))
    return out


def _overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Whether two edits touch the same place (two insertions at one offset do)."""
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0] or a[1] == b[1]


def _overlaps(spans: list[tuple[int, int, str]], taken: list[tuple[int, int, str]]) -> bool:
    """Whether any of an action's edits, or two of them, touch the place of
    an edit ``taken`` (sorted, no two of which overlap): only the edits
    beside where each would go are compared, not all of them (thousands of
    fixes in one file, each compared with every other, were quadratic; so
    were the edits of one action, thousands of letters of one text)."""
    ordered = sorted(spans)
    if any(_overlap(a, b) for a, b in pairwise(ordered)):
        return True
    for span in spans:
        at = bisect.bisect_left(taken, span)
        if any(_overlap(span, taken[k]) for k in (at - 1, at, at + 1) if 0 <= k < len(taken)):
            return True
    return False


def _applied(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with ``edits`` (sorted, no two overlapping) made, in one pass."""
    parts: list[str] = []
    at = 0
    for start, end, new in edits:
        parts += (text[at:start], new)
        at = end
    parts.append(text[at:])
    return "".join(parts)


def fix_files(paths: list[str], config: Config | None = None, *, cache: bool = True) -> list[Fixed]:
    """Apply the safe fixes to each file of ``paths`` (see the module's
    documentation); ``config`` is the check's (else each file's own);
    ``cache=False``: the checks neither read nor fill the cache."""
    from itures.lsp.session import Session

    session = Session(use_cache=cache)
    out: list[Fixed] = []
    try:
        _fix_each(session, paths, config, out)
    finally:
        session.close()
    return out


def _fix_each(session: Session, paths: list[str], config: Config | None, out: list[Fixed]) -> None:
    from itures.files import FileRefused
    from itures.files import read as read_file_bytes
    from itures.yamlio.read import line_end, with_line_end
    from itures.yamlio.write import write_atomic

    for path in paths:
        if config is not None:
            session.configs[os.path.dirname(os.path.abspath(path))] = config
        try:
            text = read_file_bytes(path).decode("utf-8")
        except FileRefused as exc:
            out.append(Fixed(path, problem=exc.message("not fixed")))
            continue
        except UnicodeDecodeError:
            out.append(Fixed(path, problem=f"{path}: not fixed: not UTF-8"))
            continue
        if "\r" in text.replace("\r\n", ""):
            # (a line ended by CR alone: the fixes' places are counted on lines
            # ended by "\n", with or without a CR before it)
            out.append(Fixed(path, problem=f"{path}: not fixed: some of its lines end in CR alone"))
            continue
        # a byte order mark is kept aside and written back, and in a file whose
        # lines all end in CR LF a fix's new line (none of the safe fixes
        # writes one) ends so too
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        new, count = fix_text(session, path, text[len(bom) :])
        new = bom + with_line_end(new, line_end(text))
        if new == text:
            out.append(Fixed(path))
            continue
        try:
            write_atomic(path, new)
        except OSError as exc:
            out.append(Fixed(path, problem=f"{path}: not written: {exc.strerror or exc}"))
            continue
        out.append(Fixed(path, count))
