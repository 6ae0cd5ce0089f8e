"""``itures fmt``: rewrite resolution files in the canonical layout.

The layout is described in :mod:`itures.yamlio.write`. Formatting is
lossless and idempotent:

* the data read back is the data read before (values, not their spelling:
  ``year: 0x7E1`` becomes ``year: 2017``);
* every comment survives, attached to what it describes (see
  :func:`extract_comments`), suppressions such as
  ``# itures: ignore[numbering-gap] reason: as published`` included;
* formatting a formatted file changes nothing.

Both properties are verified on every file before it is written: output
whose data or comments differ from the input is refused
(:class:`FormatError`), and the file stays as it was. Writing is atomic.

A file that is not a resolution is left as it is, with a :class:`FormatError`
saying so: an empty file (or one of comments only), a document that is not a
mapping (a list, a text, ``~``), a mapping with none of a resolution's keys
(a note). So is a file with a line ended by CR alone (an old Mac file): the
canonical file ends its lines as the file does, LF or CR LF, which it could
not do for these; ``itures check --fix`` leaves such a file as it is too.
"""

from __future__ import annotations

import bisect
import heapq
import math
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from itures.align import unified_diff
from itures.diagnostics import Diagnostic
from itures.i18n import tr
from itures.model.markup import PROSE_KEYS
from itures.yamlio import not_a_resolution
from itures.yamlio import write as _write
from itures.yamlio.read import (
    YamlSyntaxError,
    decode,
    line_end,
    newlines,
    parse_text,
    with_line_end,
)
from itures.yamlio.write import Comments, Path, model_order, write_atomic

__all__ = ["FormatError", "Formatted", "extract_comments", "format_file", "format_text"]


class FormatError(Exception):
    """The text cannot be formatted; ``diagnostic`` says where and why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class Formatted:
    """The outcome of formatting one file."""

    path: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        """A unified diff from the file as it is to the canonical file.

        Lines are aligned by :func:`itures.align.unified_diff`: difflib's
        diff for files of usual size, anchored on unique lines for large
        ones, so that a 10 MB file with changes on every line is not
        quadratic.
        """
        return "".join(
            unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=tr("{path} (as is)", path=self.path),
                tofile=tr("{path} (formatted)", path=self.path),
            )
        )


@dataclass
class _Entry:
    path: Path
    start: int  # line (0-based) where the entry starts
    end: int  # line where its value ends
    depth: int


class _Text:
    """Offsets of a text's lines, to turn (line, column) marks into offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def offset(self, line: int, column: int) -> int:
        if line >= len(self.starts):
            return len(self.text)
        return self.starts[line] + column


def _walk(
    node: Node,
    path: Path,
    entries: list[_Entry],
    spans: list[tuple[int, int]],
    text: _Text,
    *,
    flow: bool = False,
) -> None:
    """Collect entries (mapping pairs, list items) and the character spans of scalars.

    A flow collection (``[a, b]``, ``{k: v}``) is one unit: its comments
    belong to the entry that holds it, so its parts are not entries.
    """
    if isinstance(node, ScalarNode):
        start = text.offset(node.start_mark.line, node.start_mark.column)
        end = text.offset(node.end_mark.line, node.end_mark.column)
        if node.style in ("|", ">"):
            # the header line (">-  # comment") may hold a comment
            newline = text.text.find("\n", start)
            start = newline if newline != -1 and newline < end else end
        spans.append((start, end))
        return
    inner = flow or bool(getattr(node, "flow_style", False))
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else str(key_node)
            here = (*path, key)
            if not inner:
                entries.append(
                    _Entry(here, key_node.start_mark.line, _end_line(value_node), len(here))
                )
            _walk(key_node, here, entries, spans, text, flow=inner)
            _walk(value_node, here, entries, spans, text, flow=inner)
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            here = (*path, i)
            if not inner:
                entries.append(_Entry(here, item.start_mark.line, _end_line(item), len(here)))
            _walk(item, here, entries, spans, text, flow=inner)


def _end_line(node: Node) -> int:
    mark = node.end_mark
    # an end mark at the start of a line belongs to the line before
    line: int = (
        mark.line - 1 if mark.column == 0 and mark.line > node.start_mark.line else mark.line
    )
    return line


def _comments_in(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(line, column, comment)`` of every comment, outside scalars."""
    spans.sort()
    starts = [s for s, _ in spans]
    out: list[tuple[int, int, str]] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        if "#" in line:
            col = line.find("#")
            while col != -1:
                at = offset + col
                i = bisect.bisect_right(starts, at) - 1
                inside = i >= 0 and spans[i][0] <= at < spans[i][1]
                if not inside and (col == 0 or line[col - 1] in " \t"):
                    out.append((number, col, line[col:].rstrip()))
                    break
                col = line.find("#", col + 1)
        offset += len(line) + 1
    return out


def extract_comments(text: str, root: Node | None) -> Comments:
    """The comments of a parsed document, attached to the entries they describe.

    * A comment on lines of its own belongs to the entry (key or list item)
      that follows it, the outermost one starting there; before the first
      entry it is part of the header, after the last one of the footer.
    * An end-of-line comment belongs to the innermost entry starting on its
      line (``- label: a)  # ...`` is the label's), else to the innermost
      entry whose value spans the line.
    """
    comments = Comments()
    entries: list[_Entry] = []
    spans: list[tuple[int, int]] = []
    if root is not None:
        _walk(root, (), entries, spans, _Text(text))
    found = _comments_in(text, spans)
    if not found:
        return comments
    lines = text.split("\n")
    # entries in document order, outermost first among those starting together
    entries.sort(key=lambda e: (e.start, e.depth))
    starts = [e.start for e in entries]
    first_line = entries[0].start if entries else None
    spanning = _spanning(entries)
    for line, col, comment in found:
        full_line = not lines[line][:col].strip()
        if full_line:
            if first_line is None or line < first_line:
                comments.header.append(comment)
                continue
            i = bisect.bisect_right(starts, line)
            if i == len(entries):
                comments.footer.append(comment)
            else:
                comments.leading.setdefault(entries[i].path, []).append(comment)
            continue
        on_line = entries[bisect.bisect_left(starts, line) : bisect.bisect_right(starts, line)]
        deepest = max(on_line, key=lambda e: e.depth) if on_line else spanning(line)
        if deepest is None:
            if first_line is None or line < first_line:
                comments.header.append(comment)
            else:
                comments.footer.append(comment)
            continue
        before = lines[line][:col]
        if (
            before.endswith(" ")
            and not before.endswith(("  ", "\t "))
            and _PLAIN_END.search(before)
        ):
            # one blank after a plain value: perhaps the text's own ' #' (text-comment):
            # written back as it is (see Comments.trailing)
            comment = " " + comment
        comments.trailing.setdefault(deepest.path, []).append(comment)
    return comments


# the end of a line whose value is a plain scalar (not quoted, not a block
# marker, not a flow collection): "text: words "
_PLAIN_END = re.compile(r":[ \t]+[^'\"|>\[{\s](?:[^#]*[^\s'\"\]}])? $")


def _spanning(entries: list[_Entry]) -> Callable[[int], _Entry | None]:
    """The deepest entry whose lines hold a line, asked for lines in increasing order.

    Among entries of the same depth, the first in ``entries`` (sorted by start).
    One sweep for the whole document: entries are pushed on a heap as their
    start is reached and dropped once they have ended, so a file with
    thousands of end-of-line comments is not scanned once for each.
    """
    heap: list[tuple[int, int]] = []  # (-depth, index) of entries started
    next_entry = 0

    def at(line: int) -> _Entry | None:
        nonlocal next_entry
        while next_entry < len(entries) and entries[next_entry].start <= line:
            heapq.heappush(heap, (-entries[next_entry].depth, next_entry))
            next_entry += 1
        while heap and entries[heap[0][1]].end < line:
            heapq.heappop(heap)
        return entries[heap[0][1]] if heap else None

    return at


def _same_data(a: Any, b: Any) -> bool:
    """Equality of plain data, with NaN equal to NaN and 1 not equal to 1.0 or True."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return set(a) == set(b) and all(_same_data(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_data(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def _parse(text: str, path: str) -> tuple[Any, Node | None]:
    try:
        return parse_text(text)
    except YamlSyntaxError as exc:
        raise FormatError(
            Diagnostic(
                "yaml-syntax", "error", path, exc.line, exc.column, exc.message, help=exc.help
            )
        ) from None


def _broken_text(text: str) -> tuple[str, int, list[str], int] | None:
    """How a folded block scalar writes back exactly a text that holds line
    breaks (:class:`_Emitter`): ``(header, breaks before, lines, breaks
    after)``, or None when none does. The header is ``>-`` for a text that
    does not end with a break, ``>`` (which keeps the last one) for one that
    ends with one, ``>+`` (which keeps them all) for more. Each of the lines
    must be one that a fold gives back: no blank at its ends, no two blanks
    together, no character a block scalar cannot hold."""
    if "\n" not in text:
        return None
    body = text.strip("\n")
    before = len(text) - len(text.lstrip("\n"))
    after = len(text) - len(text.rstrip("\n"))
    lines = body.split("\n")
    if (
        not body
        or _write._SPECIAL.search(body.replace("\n", "")) is not None
        or not all(line == line.strip(" ") and "  " not in line for line in lines)
    ):
        return None
    return (">-", ">", ">+")[min(after, 2)], before, lines, after


class _Emitter(_write._Emitter):
    """The canonical layout, where a long text that holds a line break is folded.

    Such a text (a literal block ``|-`` of two lines, a ``\n`` in double
    quotes, a folded block ``>`` that keeps its last line break) is written as
    a folded block scalar, as a text longer than
    :data:`itures.yamlio.write.FOLD_AT` is, and so is a shorter one whose
    quoted line would pass :data:`itures.yamlio.write.WIDTH`: each of its
    lines wrapped at the first blank past that column, a line break inside it
    written as the empty line that YAML reads as one. It was one quoted line
    of any length. ``itures check`` reports the break (``text-break``)."""

    def value(self, head: str, value: Any, path: Path, col: int, trailing: list[str]) -> None:
        block = _broken_text(value) if isinstance(value, str) else None
        if block is None or (
            len(value) <= _write.FOLD_AT
            and len(head) + 1 + len(_write.scalar(value)) <= _write.WIDTH
        ):
            super().value(head, value, path, col, trailing)
            return
        header, before, lines, after = block
        self.line(f"{head} {header}", trailing)
        self.lines.extend([""] * before)
        for n, line in enumerate(lines):
            if n:
                self.lines.append("")
            if line:
                self.lines.extend(_write._folded(line, col + 2))
        self.lines.extend([""] * (after - 1))


def emit(data: Any, comments: Comments | None = None) -> str:
    """YAML text of plain data in the canonical layout, with ``comments`` in place."""
    return _Emitter(comments or Comments(), model_order).document(data)


def _not_a_resolution(path: str, why: str) -> FormatError:
    return FormatError(Diagnostic("fmt", "error", path, 1, 1, why))


def format_text(text: str, path: str = "<text>") -> str:
    """The canonical form of a resolution file's text.

    Raises :class:`FormatError` for text that is not YAML as itures reads it,
    for a text that is not a resolution (empty, comments only, a document that
    is not a mapping, a mapping with none of a resolution's keys), and (never
    expected) when the canonical form would lose data or comments.
    """
    data, root = _parse(text, path)
    if root is None:
        raise _not_a_resolution(
            path,
            tr(
                "not a resolution: the file is empty (a resolution needs body, number, "
                "language, title and history); file left as it is"
            )
            if not text.strip()
            else tr(
                "not a resolution: the file holds comments only (a resolution needs body, "
                "number, language, title and history); file left as it is"
            ),
        )
    if not isinstance(data, dict):
        raise _not_a_resolution(
            path,
            tr(
                "not a resolution: the document is {what}, not the keys of a resolution "
                "(body, number, language, title, history); file left as it is",
                what=tr("null (~)")
                if data is None
                else tr("a list")
                if isinstance(data, list)
                else tr("a single value"),
            ),
        )
    if not_a_resolution(data):
        raise _not_a_resolution(
            path,
            tr(
                "not a resolution (none of the keys body, number, language, title, "
                "history): file left as it is"
            ),
        )
    comments = extract_comments(text, root)
    for where, trailing in comments.trailing.items():
        cut = next((c for c in trailing if c.startswith(" ")), None)
        if where and where[-1] in PROSE_KEYS and cut is not None:
            lines = text.split("\n")
            row = next((i for i, line in enumerate(lines) if line.endswith(cut)), 0)
            # "text: ... Question #3 and ...": YAML cut the text at ' #'; the
            # layout would move what it cut further from the text (a long text
            # is folded, its comment then after '>-', where nothing says it)
            raise FormatError(
                Diagnostic(
                    "fmt",
                    "error",
                    path,
                    row + 1,
                    len(lines[row]) - len(cut) + 2,
                    tr(
                        "the text of '{key}' is followed by ' #', which YAML reads as a "
                        "comment: if the words after it are the text's, put the text in quotes "
                        "first (itures check says where: text-comment); file left as it is",
                        key=str(where[-1]),
                    ),
                )
            )
    out = emit(data, comments)
    again, again_root = _parse(out, path)
    if not _same_data(data, again) or Counter(comments.all()) != Counter(
        extract_comments(out, again_root).all()
    ):
        raise FormatError(
            Diagnostic(
                "fmt",
                "error",
                path,
                1,
                1,
                "the canonical layout would change the data or drop a comment; "
                "file left as it is (please report this)",
            )
        )
    return out


_MODELINE = "# yaml-language-server: $schema="


def with_schema_line(text: str, path: str) -> str:
    """``text`` whose first line names the JSON Schema for editors, resolved from
    where the file is (:func:`itures.paths.schema_reference`): added when
    missing, corrected when it names another path. Left as it is when no
    ``schema/`` folder is found above the file (a file outside a corpus
    repository), or when the line names a URL."""
    from itures.paths import schema_reference

    wanted = schema_reference(path)
    if wanted is None:
        return text
    line = f"{_MODELINE}{wanted}\n"
    first, _, rest = text.partition("\n")
    if first.startswith(_MODELINE):
        named = first[len(_MODELINE) :].strip()
        if "://" in named or named == wanted:
            return text
        return line + rest
    return line + text


def _lone_cr(text: str) -> tuple[int, int] | None:
    """(line, column), 1-based, of the first CR that is not followed by LF,
    lines counted as YAML counts them (:func:`itures.yamlio.read.newlines`)."""
    at = next((m.start() for m in re.finditer("\r(?!\n)", text)), None)
    if at is None:
        return None
    before = newlines(text[:at])
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def format_file(path: str | os.PathLike[str], *, check: bool = False) -> Formatted:
    """Format one file in place (unless ``check``); return what was and what is canonical.

    The canonical file keeps the file's line ends (CR LF when all its lines
    end so, else LF) and its byte order mark, if any. A file with a line
    ended by CR alone is not formatted (:class:`FormatError`).

    Raises :class:`OSError` when the file cannot be read or written (an
    :class:`itures.files.FileRefused` when it is not read at all: not a
    regular file, too large, a link leading out of the repository) and
    :class:`FormatError` when it cannot be formatted; either way the file is
    left as it was.
    """
    from itures.files import read

    name = os.fspath(path)
    raw = read(name)
    try:
        text = decode(raw)
    except YamlSyntaxError as exc:
        raise FormatError(
            Diagnostic(
                "yaml-syntax", "error", name, exc.line, exc.column, exc.message, help=exc.help
            )
        ) from None
    lone = _lone_cr(raw.decode("utf-8", "replace").removeprefix("\ufeff"))
    if lone is not None:
        # (the canonical file would end its lines with LF: every line of the
        # file would change; and check --fix leaves such a file as it is too)
        raise FormatError(
            Diagnostic(
                "fmt",
                "error",
                name,
                lone[0],
                lone[1],
                tr(
                    "this line ends in CR alone (an old Mac file): fmt keeps a file's line "
                    "ends, and writes LF or CR LF only; file left as it is"
                ),
                help=tr("save the file with LF (or CR LF) line ends, then format it"),
            )
        )
    after = with_schema_line(format_text(text, name), name)
    before = raw.decode("utf-8", "replace")
    # the file's line ends and byte order mark are kept (an editor on Windows
    # writes CR LF, and a commit hook that rewrote them would fail every time)
    after = with_line_end(after, line_end(before))
    if before.startswith("\ufeff"):
        after = "\ufeff" + after
    result = Formatted(name, before, after)
    if result.changed and not check:
        write_atomic(name, after)
    return result
