"""The text reports: findings with their source excerpt, or one line each.

The default (``--format text``) shows each finding as ruff's ``full`` output
and rustc do::

    resolutions/wtdc/59/fr.yaml:42:16: error[numbering-duplicate]: item d) appears twice
       |
    42 |       - label: d)
       |                ^^
       |
    resolutions/wtdc/59/fr.yaml:41:16: note: the first d)
       |
    41 |       - label: d)
       |                --
       |
    help: relabel the second d) as e)

The header keeps the ``path:line:column:`` form that editors and terminals
turn into links. A span over several lines is drawn with a connector in the
margin (``_^`` at its start, ``|_^`` at its end), and a span longer than
five lines shows its first two and last two lines around ``...``. A related
place in the same file gets an excerpt of its own, underlined with ``-``; one
in another file is a single ``path:line:column: note: message`` line. At most
:data:`MAX_RELATED` related places are listed; the rest are counted (the JSON
report lists them all).

``--format concise`` prints ``path:line:column: rule: message``, one line per
finding; ``--statistics`` replaces the findings of both with a count per rule.
Messages and help texts come in the language of the check (``--lang``); the
frame stays English whatever the language, as rule names do: the severity
and rule of the header, the ``note``/``help`` labels and the summary line,
which scripts and editors' problem matchers read.

Decisions:

* **Source, read safely.** The reporter reads each file with findings once
  (the findings come sorted by file), at most
  :data:`itures.pipeline.MAX_FILE_BYTES`, regular files only. When the file
  cannot be read, is not the content that was checked (its hash differs from
  :attr:`CheckResult.digests`), or a position lies outside it, the finding is
  shown without an excerpt. Text is decoded as the reader does (UTF-8, an
  initial BOM dropped, undecodable bytes as U+FFFD) and split at ``\\n`` as
  positions are counted, so columns are characters.
* **Nothing reaches the terminal raw.** C0 control characters and DEL are
  shown as their Unicode control pictures (ESC as ``␛``, BEL as ``␇``), C1
  controls, format characters (bidirectional overrides, zero-width spaces,
  soft hyphens, BOMs) and line or paragraph separators as ``<U+XXXX>``; the
  carriage return of a CRLF line end is dropped. Paths, messages and help
  texts are escaped the same way (a tab as ``␉``; a line break in a message
  or help text starts a new, indented line).
* **Carets where the characters are.** A tab is shown as four spaces;
  characters of East Asian width W or F (CJK) take two cells, combining marks
  none; an underline is at least one cell wide. A line wider than the
  terminal (or :data:`DEFAULT_WIDTH` cells when the output is not a terminal)
  is cut around the underline, with ``…`` where text was left out. Arabic
  and other right-to-left text is written in its logical order, as the file
  holds it; a terminal that reorders it for display moves the letters, not
  the caret (the column in the header stays exact).
* **Colour** only when asked (``--color always``) or, by default, when
  standard output is a terminal, ``NO_COLOR`` is unset or empty and ``TERM``
  is not ``dumb``; a non-empty ``FORCE_COLOR`` turns it on for a pipe too
  (``NO_COLOR`` wins over it; ``--color`` wins over both). See :func:`color_wanted`.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate, islice
from typing import IO, TYPE_CHECKING, TextIO

from itures import side
from itures.diagnostics import Diagnostic, Related

if TYPE_CHECKING:
    from itures.result import CheckResult

__all__ = [
    "DEFAULT_WIDTH",
    "MAX_RELATED",
    "ReportOptions",
    "color_wanted",
    "concise",
    "escape",
    "full",
    "statistics_lines",
    "statistics_rows",
    "summary_line",
]

# Width of the output when it is not a terminal (a CI log, a file).
DEFAULT_WIDTH = 120
# Related places listed under one finding (the others are counted).
MAX_RELATED = 10
# A span over more lines than this shows its first and last EDGE lines only.
MAX_SPAN_LINES = 5
EDGE = 2
TAB = "    "


@dataclass(frozen=True)
class ReportOptions:
    """How a report is shown: colour, counts per rule, output width."""

    color: bool = False
    statistics: bool = False
    width: int = DEFAULT_WIDTH
    # where the rule reference is published (``[tool.itures] rules-url``): SARIF's helpUri
    rules_url: str | None = None


def color_wanted(
    choice: str, stream: TextIO | None = None, environ: Mapping[str, str] | None = None
) -> bool:
    """Whether to colour: ``always``, ``never``, or ``auto`` (see the module docstring)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except (OSError, ValueError):  # a closed or detached stream
        return False


# -- styles -----------------------------------------------------------------------


class _Style:
    """ANSI SGR sequences, or nothing."""

    def __init__(self, on: bool) -> None:
        def sgr(code: str) -> str:
            return f"\x1b[{code}m" if on else ""

        self.reset = sgr("0")
        self.bold = sgr("1")
        self.error = sgr("1;31")
        self.warning = sgr("1;33")
        self.gutter = sgr("1;34")
        self.secondary = sgr("1;34")
        self.note = sgr("1;32")
        self.help = sgr("1;36")

    def severity(self, severity: str) -> str:
        return self.error if severity == "error" else self.warning


# -- characters on a terminal ------------------------------------------------------


_SHOWN: dict[str, tuple[str, int]] = {}


class _Widths(dict[str, int]):
    """Cells of a character, computed on first use."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = _display(ch)[1]
        return width


_WIDTH = _Widths()


def _display(ch: str) -> tuple[str, int]:
    """How one character is shown in an excerpt, and how many cells it takes."""
    found = _SHOWN.get(ch)
    if found is None:
        found = _SHOWN[ch] = _compute_display(ch)
    return found


def _compute_display(ch: str) -> tuple[str, int]:
    o = ord(ch)
    if o < 0x20:
        return (TAB, 4) if ch == "\t" else (chr(0x2400 + o), 1)
    if o == 0x7F:
        return "\u2421", 1
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf", "Zl", "Zp", "Cs"):
        shown = f"<U+{o:04X}>"
        return shown, len(shown)
    if category in ("Mn", "Me"):
        return ch, 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return ch, 2
    return ch, 1


# Kept in messages and paths: spaces, private and unassigned characters, and
# the lone surrogates of a file name that is not UTF-8 (the output stream
# writes them as backslash escapes, as for every printed path).
_KEPT = ("Zs", "Co", "Cn", "Cs")


def escape(text: str) -> str:
    """``text`` safe for a terminal: control and format characters made visible.

    Line breaks are kept (a caller indents the lines after the first); a tab
    is shown as ``␉``; everything :func:`_display` escapes in an excerpt is
    escaped here the same way.
    """
    if text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        if ch == "\n" or ch.isprintable() or unicodedata.category(ch) in _KEPT:
            out.append(ch)
        elif ch == "\t":
            out.append("\u2409")
        else:
            out.append(_display(ch)[0])
    return "".join(out)


class _Line:
    """A source line as shown: its pieces, and the cell where each character starts."""

    __slots__ = ("pieces", "starts", "whole", "width")

    def __init__(self, text: str) -> None:
        if text.endswith("\r"):
            text = text[:-1]
        self.pieces: list[str] | str
        self.starts: list[int] | None
        if text.isprintable():  # no character to escape: only widths to find
            self.pieces = self.whole = text
            if text.isascii():
                self.starts = None
                self.width = len(text)
            else:
                self.starts = list(accumulate(map(_WIDTH.__getitem__, text), initial=0))
                self.width = self.starts[-1]
            return
        shown = _SHOWN
        pieces: list[str] = []
        starts = [0]
        cell = 0
        for ch in text:
            found = shown.get(ch)
            if found is None:
                found = _display(ch)
            pieces.append(found[0])
            cell += found[1]
            starts.append(cell)
        self.pieces, self.starts = pieces, starts
        self.whole = "".join(pieces)
        self.width = cell

    def __len__(self) -> int:
        return len(self.pieces)

    def cell(self, index: int) -> int:
        """The cell where character ``index`` starts (``len`` gives the width)."""
        index = max(0, min(index, len(self.pieces)))
        return index if self.starts is None else self.starts[index]

    def text(self, lo: int, hi: int) -> str:
        return "".join(self.pieces[lo:hi])

    def index_at(self, cell: int) -> int:
        """The first character starting at or after ``cell``."""
        if self.starts is None:
            return max(0, min(cell, len(self.pieces)))
        import bisect

        return min(bisect.bisect_left(self.starts, cell), len(self.pieces))

    def last_index_within(self, cell: int) -> int:
        """One past the last character that ends at or before ``cell``."""
        if self.starts is None:
            return max(0, min(cell, len(self.pieces)))
        import bisect

        return max(0, min(bisect.bisect_right(self.starts, cell) - 1, len(self.pieces)))


# -- the source of each file -------------------------------------------------------


class _Source:
    """The lines of a file as checked, shown lazily."""

    __slots__ = ("lines", "shown")

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.shown: dict[int, _Line] = {}

    def line(self, number: int) -> _Line:
        found = self.shown.get(number)
        if found is None:
            found = self.shown[number] = _Line(self.lines[number - 1])
        return found


def _read_source(path: str, digest: bytes | None) -> _Source | None:
    """The text of ``path`` as it was checked, or None (see the module docstring)."""
    from itures.files import MAX_FILE_BYTES, read_open

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        data = read_open(fd, info.st_size, MAX_FILE_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)
    if data is None:
        return None
    if digest is not None:
        from itures.files import content_hash

        if content_hash(data) != digest:
            return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    from itures.yamlio.read import newlines

    return _Source(newlines(data.decode("utf-8", errors="replace")))


class _Sources:
    """Each file read once; the last few kept (findings come sorted by file)."""

    def __init__(self, digests: Mapping[str, bytes], keep: int = 4) -> None:
        self._digests = digests
        self._keep = keep
        self._files: dict[str, _Source | None] = {}

    def get(self, path: str) -> _Source | None:
        files = self._files
        if path in files:
            return files[path]
        if len(self._files) >= self._keep:
            del self._files[next(iter(self._files))]
        found = self._files[path] = _read_source(path, self._digests.get(path))
        return found


# -- excerpts ------------------------------------------------------------------------

Span = tuple[int, int, int, int]
"""(line, column, end line, end column) of a place clipped to its file (:func:`_clip`)."""


def _clip(place: Diagnostic | Related, source: _Source | None) -> Span | None:
    """The span of a finding or related place, clipped to the file; None if it
    starts outside it (a line end counts as in it). An end past the last line
    is the start; an end column past its line is the line end; an end before
    the start is the start."""
    if source is None:
        return None
    lines = source.lines
    line, column = place.line, place.column
    if not (0 < line <= len(lines) and 0 < column <= len(lines[line - 1]) + 1):
        return None
    end_line, end_column = place.end_line, place.end_column
    if not 0 < end_line <= len(lines):
        end_line, end_column = line, column
    size = len(lines[end_line - 1]) + 1
    if end_column > size:
        end_column = size
    if (end_line, end_column) < (line, column):
        return line, column, line, column
    return line, column, end_line, end_column


def _window(line: _Line, focus: int, room: int) -> tuple[int, int, bool, bool]:
    """Characters [lo, hi) of ``line`` to show in ``room`` cells, keeping cell ``focus``.

    Returns (lo, hi, cut on the left, cut on the right).
    """
    total = line.cell(len(line))
    if total <= room:
        return 0, len(line), False, False
    if focus < room - 1:
        hi = line.last_index_within(room - 1)
        return 0, hi, False, True
    start_cell = max(0, focus - room // 3)
    lo = line.index_at(start_cell)
    avail = room - 1  # the left ellipsis
    end_cell = line.cell(lo) + avail
    if end_cell >= total:
        hi = len(line)
        # use the room: move the start left while it fits
        lo = line.index_at(max(0, total - avail))
        return lo, hi, lo > 0, False
    hi = line.last_index_within(end_cell - 1)
    return lo, hi, True, True


class _Excerpt:
    """The excerpt blocks of one gutter width (the digits of the last line
    number a finding's excerpts show), each drawn as the text of its lines,
    every line ending with a line break.

    The common block, a span on one line that fits in the width, is made in
    one piece, its cells read from the line as shown; a span over several
    lines (:meth:`multi`) or a line cut around the span (:func:`_window`) goes
    the longer way.
    """

    __slots__ = ("empty", "gutter", "room", "s")

    def __init__(self, style: _Style, gutter: int, width: int) -> None:
        self.s = style
        self.gutter = gutter
        self.room = max(width - gutter - 5, 20)
        self.empty = f"{' ' * gutter} {style.gutter}|{style.reset}"

    def numbered(self, number: int, rest: str) -> str:
        s = self.s
        return f"{s.gutter}{number:>{self.gutter}} |{s.reset}{rest}"

    def shown(self, line: _Line, focus: int) -> tuple[str, int, int]:
        """The visible text of a line around cell ``focus``, its first cell, its width."""
        if line.width <= self.room:
            return line.whole, 0, line.width
        lo, hi, left, right = _window(line, focus, self.room)
        text = ("…" if left else "") + line.text(lo, hi) + ("…" if right else "")
        first = line.cell(lo) - (1 if left else 0)
        return text, first, line.cell(hi) + (1 if right else 0) - first

    def block(self, source: _Source, span: Span, mark: str, colour: str) -> str:
        """The block of a span (:func:`_clip`): a bar, the line(s) with the span
        underlined with ``mark`` in ``colour``, a bar."""
        line, column, end_line, end_column = span
        empty = self.empty
        s = self.s
        if line != end_line:
            inner = "\n".join(self.multi(source, span, mark, colour))
            return f"{empty}\n{inner}\n{empty}\n"
        text = source.lines[line - 1]
        if len(text) <= self.room and text.isascii() and text.isprintable():
            # shown as it is, a cell per character: the cells of the span are
            # its columns, at least one (the column is at most one past the
            # line end, the end column at least the column)
            lo = column - 1
            hi = end_column if end_column < len(text) else len(text)
            if hi <= lo:
                hi = lo + 1
        else:
            shown = source.line(line)
            size = len(shown.pieces)
            lo = column - 1 if column <= size else size
            hi = end_column if end_column < size else size
            starts = shown.starts
            if starts is not None:
                lo, hi = starts[lo], starts[hi]
            if hi <= lo:
                hi = lo + 1
            if shown.width <= self.room:
                text = shown.whole
            else:
                text, shift, limit = self.shown(shown, lo)
                lo -= shift
                hi = max(min(hi - shift, limit + 1), lo + 1)
        return (
            f"{empty}\n{s.gutter}{line:>{self.gutter}} |{s.reset}{' ' if text else ''}{text}\n"
            f"{empty} {' ' * lo}{colour}{mark * (hi - lo)}{s.reset}\n{empty}\n"
        )

    def multi(self, source: _Source, span: Span, mark: str, colour: str) -> list[str]:
        """The lines of a span over several lines, joined to its start and end
        by a connector in the margin; the middle of a long one left out. A
        line of printable ASCII that fits is shown as it is (its cells are its
        columns)."""
        line, column, end_line, end_column = span
        reset = self.s.reset
        room = self.room
        lines = source.lines
        out: list[str] = []
        numbers = list(range(line, end_line + 1))
        if len(numbers) > MAX_SPAN_LINES:
            numbers = [*numbers[:EDGE], 0, *numbers[-EDGE:]]
        raw = lines[line - 1]
        if len(raw) <= room and raw.isascii() and raw.isprintable():
            start = column - 1  # at most the line's length (_clip)
        else:
            start = source.line(line).cell(column - 1)
        for n in numbers:
            if n == 0:
                out.append("...")
                continue
            raw = lines[n - 1]
            if len(raw) <= room and raw.isascii() and raw.isprintable():
                text, shift = raw, 0
            else:
                shown = source.line(n)
                focus = start if n == line else 0
                if n == end_line:
                    focus = shown.cell(end_column - 1)
                text, shift, _ = self.shown(shown, focus)
            if n == line:
                out.append(self.numbered(n, f"   {text}".rstrip()))
                out.append(f"{self.empty}  {colour}{'_' * (start - shift + 1)}{mark}{reset}")
            else:
                out.append(self.numbered(n, f" {colour}|{reset} {text}".rstrip()))
        raw = lines[end_line - 1]
        if len(raw) <= room and raw.isascii() and raw.isprintable():
            end = max(0, min(end_column - 1, len(raw)))
            shift = 0
        else:
            last = source.line(end_line)
            end = last.cell(end_column - 1)
            _, shift, _ = self.shown(last, end)
        out.append(f"{self.empty} {colour}|{'_' * (end - shift + 1)}{mark}{reset}")
        return out


class _Drawer:
    """Draws findings one after the other as :func:`full` shows them.

    What findings share is kept: the source of the last files
    (:class:`_Sources`: the findings come sorted by file, each file is read
    once), and the excerpt frame of each gutter width.
    """

    def __init__(self, digests: Mapping[str, bytes], style: _Style, width: int) -> None:
        self.s = style
        self.width = width
        self.sources = _Sources(digests)
        self.frames: dict[int, _Excerpt] = {}

    def finding(self, d: Diagnostic, reason: str | None = None) -> str:
        """A finding's lines, each ending with a line break, and the blank line after it."""
        s = self.s
        path = d.path
        source = self.sources.get(path)
        main = _clip(d, source)
        top = main[2] if main is not None else 0
        related = d.related
        spans: list[Span | None] = []
        if related:
            related = related[:MAX_RELATED]
            spans = [_clip(r, source) if r.path == path else None for r in related]
            for sp in spans:
                if sp is not None and sp[2] > top:
                    top = sp[2]
        gutter = len(str(top)) if top else 1
        frame = self.frames.get(gutter)
        if frame is None:
            frame = self.frames[gutter] = _Excerpt(s, gutter, self.width)
        severity = d.severity
        colour = s.error if severity == "error" else s.warning
        suffix = f" [suppressed: {escape(reason)}]" if reason is not None else ""
        out = [
            f"{s.bold}{escape(path)}:{d.line}:{d.column}:{s.reset} "
            f"{colour}{severity}[{d.rule}]{s.reset}"
            f"{s.bold}: {_indent(escape(d.message))}{suffix}{s.reset}\n"
        ]
        if main is not None and source is not None:
            out.append(frame.block(source, main, "^", colour))
        for r, sp in zip(related, spans, strict=True):
            out.append(
                f"{s.bold}{escape(r.path)}:{r.line}:{r.column}:{s.reset} "
                f"{s.note}note{s.reset}: {_indent(escape(r.message))}\n"
            )
            if sp is not None and source is not None:
                out.append(frame.block(source, sp, "-", s.secondary))
        more = len(d.related) - len(related)
        if more:
            from itures.i18n import tr

            said = (
                tr("and {count} more related place (--format json lists them all)", count=more)
                if more == 1
                else tr(
                    "and {count} more related places (--format json lists them all)", count=more
                )
            )
            out.append(f"{s.note}note{s.reset}: {said}\n")
        if d.help:
            out.append(f"{s.help}help{s.reset}: {_indent(escape(d.help), '      ')}\n")
        out.append("\n")
        return "".join(out)


def _indent(text: str, prefix: str = "  ") -> str:
    """Continuation lines of a message or help text, indented under it."""
    return text.replace("\n", "\n" + prefix) if "\n" in text else text


# -- whole reports ---------------------------------------------------------------------


def summary_line(result: CheckResult) -> str:
    """``N files checked: E errors, W warnings`` (or ``no problems``), in the
    language of the messages."""
    from itures.i18n import tr

    n = result.files
    files = tr("{count} file checked", count=n) if n == 1 else tr("{count} files checked", count=n)
    hidden = tr("{count} suppressed", count=len(result.suppressed)) if result.suppressed else ""
    if not result.diagnostics and not result.failures:
        if hidden:
            return tr("{files}: no problems ({suppressed})", files=files, suppressed=hidden)
        return tr("{files}: no problems", files=files)
    e, w = result.errors, result.warnings
    parts = [
        tr("{count} error", count=e) if e == 1 else tr("{count} errors", count=e),
        tr("{count} warning", count=w) if w == 1 else tr("{count} warnings", count=w),
    ]
    if hidden:
        parts.append(hidden)
    if result.failures:
        parts.append(tr("{count} not checked", count=len(result.failures)))
    return tr("{files}: {counts}", files=files, counts=", ".join(parts))


def stopped_line(result: CheckResult) -> str | None:
    """What the summary leaves unsaid when a file's YAML or its schema has an
    error: the rules did not run on it, so its other findings are still to
    come (an editor mending one entry would otherwise see them all vanish).
    None when every file was read."""
    from itures.i18n import tr

    stopped = {
        d.path
        for d in result.diagnostics
        if d.rule in ("yaml-syntax", "schema") and d.severity == "error"
    }
    if not stopped:
        return None
    n = len(stopped)
    return (
        tr(
            "the rules did not run on {count} file, whose YAML or schema has an error: its other "
            "findings show once that is corrected",
            count=n,
        )
        if n == 1
        else tr(
            "the rules did not run on {count} files, whose YAML or schema has an error: their "
            "other findings show once that is corrected",
            count=n,
        )
    )


def statistics_rows(result: CheckResult) -> list[tuple[int, str, str]]:
    """(count, rule, severity) of the findings, most frequent first."""
    counts = Counter((d.rule, d.severity) for d in result.diagnostics)
    return sorted(
        ((n, rule, sev) for (rule, sev), n in counts.items()),
        key=lambda row: (-row[0], row[1], row[2]),
    )


def statistics_lines(result: CheckResult, color: bool = False) -> list[str]:
    """``count  rule  severity`` lines (``--statistics``), most frequent first."""
    return _statistics(result, _Style(color))


def _statistics(result: CheckResult, style: _Style) -> list[str]:
    rows = statistics_rows(result)
    if not rows:
        return []
    digits = len(str(rows[0][0]))
    name = max(len(rule) for _, rule, _ in rows)
    s = style
    return [
        f"{n:>{digits}}  {rule:<{name}}  {s.severity(sev)}{sev}{s.reset}".rstrip()
        for n, rule, sev in rows
    ]


def _shown(result: CheckResult) -> Iterator[tuple[Diagnostic, str | None]]:
    """The findings to list, with the suppression reason of the suppressed ones
    (one at a time: no list of a pair per finding unless suppressed ones are
    shown among them)."""
    if not (result.show_suppressed and result.suppressed):
        for d in result.diagnostics:
            yield d, None
        return
    shown: list[tuple[Diagnostic, str | None]] = [(d, None) for d in result.diagnostics]
    shown.extend((x.diagnostic, x.reason) for x in result.suppressed)
    shown.sort(key=lambda pair: pair[0].sort_key())
    yield from shown


def full(result: CheckResult, options: ReportOptions | None = None) -> str:
    """The default report: each finding with its excerpt, then a summary line."""
    return "".join(full_chunks(result, options))


PARALLEL_FINDINGS = 4000
"""Findings from which the second half of a report is drawn in a side process."""


def full_chunks(result: CheckResult, options: ReportOptions | None = None) -> Iterator[str]:
    """:func:`full` in pieces, one per finding: a report of 100,000 findings is
    written as it is made, never held whole.

    From :data:`PARALLEL_FINDINGS` findings on, a side process
    (:mod:`itures.side`) draws the second half into a temporary file while this
    one draws and yields the first; that half then follows, read back in
    pieces (a corpus full of findings: some 50,000 on 5,000 files, a second of
    drawing). Drawing a finding depends on nothing else, so the report is the
    same; without a side process, or when it did not finish, this process
    draws the rest itself."""
    opts = options or ReportOptions()
    style = _Style(opts.color)
    if opts.statistics:
        yield "".join(line + "\n" for line in _statistics(result, style))
    else:
        total = len(result.diagnostics) + (len(result.suppressed) if result.show_suppressed else 0)
        half = total // 2 if total >= PARALLEL_FINDINGS else total
        later = _draw_later(result, opts, half) if half < total else None
        if later is None:
            yield from _draw(result, opts, 0, None)
        else:
            try:
                yield from _draw(result, opts, 0, half)
                yield from _drawn_later(result, opts, half, total - half, later)
            finally:
                if not later[1].closed:  # left early (a closed pipe)
                    _stop(later)
    yield "".join(f"{style.error}error{style.reset}: {escape(f)}\n" for f in result.failures)
    yield summary_line(result) + "\n"
    stopped = stopped_line(result) if not opts.statistics else None
    if stopped is not None:
        yield f"{style.note}note{style.reset}: {stopped}\n"


def _draw(result: CheckResult, opts: ReportOptions, start: int, stop: int | None) -> Iterator[str]:
    """The findings shown from the ``start``-th to before the ``stop``-th, each as
    :func:`full` shows it with the blank line after it."""
    draw = _Drawer(result.digests, _Style(opts.color), opts.width).finding
    for d, reason in islice(_shown(result), start, stop):
        yield draw(d, reason)


def _draw_later(
    result: CheckResult, opts: ReportOptions, start: int
) -> tuple[side.Side, IO[bytes]] | None:
    """Start a side process drawing the findings from the ``start``-th on into a
    temporary file (UTF-8); None when none can start."""
    import tempfile

    if not side.usable():
        return None
    try:
        out = tempfile.TemporaryFile()  # noqa: SIM115 - closed by _drawn_later
    except OSError:
        return None

    def draw() -> int:
        import gc

        gc.freeze()  # collections leave the memory shared with this process alone
        pieces = 0
        with open(out.fileno(), "w", encoding="utf-8", errors="surrogatepass", closefd=False) as fh:
            for piece in _draw(result, opts, start, None):
                fh.write(piece)
                pieces += 1
        return pieces

    started = side.start(draw)
    if started is None:
        out.close()
        return None
    return started, out


def _stop(later: tuple[side.Side, IO[bytes]]) -> None:
    """A side process drawing findings no longer wanted: stopped, waited for."""
    import contextlib
    import signal

    started, out = later
    with out:
        with contextlib.suppress(OSError):
            os.kill(started.pid, signal.SIGKILL)
        side.answer(started)


def _drawn_later(
    result: CheckResult,
    opts: ReportOptions,
    start: int,
    count: int,
    later: tuple[side.Side, IO[bytes]],
) -> Iterator[str]:
    """The ``count`` findings from the ``start``-th on that a side process drew
    (:func:`_draw_later`), read back in pieces; drawn here when it did not
    finish."""
    import codecs

    started, out = later
    with out:
        if side.answer(started) != count:  # a piece per finding
            yield from _draw(result, opts, start, None)
            return
        out.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogatepass")
        while piece := out.read(1 << 20):
            yield decoder.decode(piece)
        yield decoder.decode(b"", final=True)


def concise(result: CheckResult, options: ReportOptions | None = None) -> str:
    """``path:line:column: rule: message`` lines, then a summary line."""
    opts = options or ReportOptions()
    s = _Style(opts.color)
    lines: list[str] = []
    if opts.statistics:
        lines.extend(_statistics(result, s))
    else:
        for d, reason in _shown(result):
            message = escape(d.message).replace("\n", " ")
            suffix = f" [suppressed: {escape(reason)}]" if reason is not None else ""
            lines.append(
                f"{s.bold}{escape(d.path)}:{d.line}:{d.column}:{s.reset} "
                f"{s.severity(d.severity)}{d.rule}{s.reset}: {message}{suffix}"
            )
    lines.extend(f"error: {escape(f)}" for f in result.failures)
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
