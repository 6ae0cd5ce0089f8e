"""The quicker drawing of the text report gives the text the plain one gave.

The plain form (a list of lines per finding, a span object per place, every
excerpt line made by its own call) is kept here as the reference; the
drawer (:class:`itures.report.terminal._Drawer`) writes a finding in one
piece, the common excerpt (a span on one line that fits in the width) in
one string. Both are run on generated files and findings: lines of ASCII,
accented, wide and zero-width characters, controls and tabs, lines longer
than the width, spans on one line or several, starting or ending outside
the file, related places in the same file and in others, messages with
line breaks and characters a terminal must not get raw, colour on and off.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itures.diagnostics import Diagnostic, Related
from itures.files import read_open
from itures.report import terminal as T
from itures.report.terminal import (
    EDGE,
    MAX_RELATED,
    MAX_SPAN_LINES,
    _Line,
    _Source,
    _Style,
    _window,
    escape,
)

# -- the plain form ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    line: int
    column: int
    end_line: int
    end_column: int
    primary: bool


def _holds(source: _Source, line: int, column: int) -> bool:
    if not 1 <= line <= len(source.lines) or column < 1:
        return False
    return column <= len(source.lines[line - 1]) + 1


def _span(place: Diagnostic | Related, source: _Source | None, primary: bool) -> _Span | None:
    if source is None or not _holds(source, place.line, place.column):
        return None
    end_line, end_column = place.end_line, place.end_column
    if not _holds(source, end_line, 1):
        end_line, end_column = place.line, place.column
    end_column = min(end_column, len(source.lines[end_line - 1]) + 1)
    if (end_line, end_column) < (place.line, place.column):
        end_line, end_column = place.line, place.column
    return _Span(place.line, place.column, end_line, end_column, primary)


class _Excerpt:
    def __init__(self, style: _Style, gutter: int, width: int, severity: str) -> None:
        self.s = style
        self.gutter = gutter
        self.room = max(width - gutter - 5, 20)
        self.severity = severity
        self.out: list[str] = []
        self.empty = f"{' ' * gutter} {style.gutter}|{style.reset}"

    def bar(self, rest: str = "") -> str:
        return self.empty + rest

    def numbered(self, number: int, rest: str) -> str:
        s = self.s
        return f"{s.gutter}{number:>{self.gutter}} |{s.reset}{rest}"

    def mark_style(self, primary: bool) -> tuple[str, str]:
        s = self.s
        return ("^", s.severity(self.severity)) if primary else ("-", s.secondary)

    def shown(self, line: _Line, focus: int) -> tuple[str, int, int]:
        if line.width <= self.room:
            return line.whole, 0, line.width
        lo, hi, left, right = _window(line, focus, self.room)
        text = ("…" if left else "") + line.text(lo, hi) + ("…" if right else "")
        first = line.cell(lo) - (1 if left else 0)
        return text, first, line.cell(hi) + (1 if right else 0) - first

    def single(self, source: _Source, span: _Span) -> None:
        line = source.line(span.line)
        start = line.cell(span.column - 1)
        end = max(line.cell(span.end_column), start + 1)
        text, shift, limit = self.shown(line, start)
        first, last = start - shift, end - shift
        last = max(min(last, limit + 1), first + 1)
        mark, colour = self.mark_style(span.primary)
        self.out.append(self.numbered(span.line, f" {text}" if text else ""))
        self.out.append(self.bar(f" {' ' * first}{colour}{mark * (last - first)}{self.s.reset}"))

    def multi(self, source: _Source, span: _Span) -> None:
        mark, colour = self.mark_style(span.primary)
        reset = self.s.reset
        numbers = list(range(span.line, span.end_line + 1))
        if len(numbers) > MAX_SPAN_LINES:
            numbers = [*numbers[:EDGE], 0, *numbers[-EDGE:]]
        first = source.line(span.line)
        start = first.cell(span.column - 1)
        for n in numbers:
            if n == 0:
                self.out.append("...")
                continue
            line = source.line(n)
            focus = start if n == span.line else 0
            if n == span.end_line:
                focus = line.cell(span.end_column - 1)
            text, shift, _ = self.shown(line, focus)
            margin = "  " if n == span.line else f"{colour}|{reset} "
            self.out.append(self.numbered(n, f" {margin}{text}".rstrip()))
            if n == span.line:
                at = start - shift
                self.out.append(self.bar(f"  {colour}{'_' * (at + 1)}{mark}{reset}"))
        last = source.line(span.end_line)
        end = last.cell(span.end_column - 1)
        _, shift, _ = self.shown(last, end)
        at = end - shift
        self.out.append(self.bar(f" {colour}|{'_' * (at + 1)}{mark}{reset}"))

    def block(self, source: _Source, span: _Span) -> list[str]:
        self.out = [self.bar()]
        if span.line == span.end_line:
            self.single(source, span)
        else:
            self.multi(source, span)
        self.out.append(self.bar())
        return self.out


def _indent(text: str, prefix: str = "  ") -> str:
    return text.replace("\n", "\n" + prefix) if "\n" in text else text


def _plain_finding(
    d: Diagnostic, source: _Source | None, style: _Style, width: int, reason: str | None
) -> str:
    s = style
    main = _span(d, source, True)
    related = d.related[:MAX_RELATED]
    spans = [_span(r, source, False) if r.path == d.path else None for r in related]
    last = max((sp.end_line for sp in (main, *spans) if sp is not None), default=1)
    ex = _Excerpt(style, len(str(last)), width, d.severity)
    suffix = f" [suppressed: {escape(reason)}]" if reason is not None else ""
    out = [
        f"{s.bold}{escape(d.path)}:{d.line}:{d.column}:{s.reset} "
        f"{s.severity(d.severity)}{d.severity}[{d.rule}]{s.reset}"
        f"{s.bold}: {_indent(escape(d.message))}{suffix}{s.reset}"
    ]
    if main is not None and source is not None:
        out.extend(ex.block(source, main))
    for r, sp in zip(related, spans, strict=True):
        out.append(
            f"{s.bold}{escape(r.path)}:{r.line}:{r.column}:{s.reset} "
            f"{s.note}note{s.reset}: {_indent(escape(r.message))}"
        )
        if sp is not None and source is not None:
            out.extend(ex.block(source, sp))
    more = len(d.related) - len(related)
    if more:
        out.append(
            f"{s.note}note{s.reset}: and {more} more related place{'s' if more != 1 else ''}"
            " (--format json lists them all)"
        )
    if d.help:
        out.append(f"{s.help}help{s.reset}: {_indent(escape(d.help), '      ')}")
    return "".join(line + "\n" for line in out) + "\n"


# -- generated files and findings ------------------------------------------------

PIECES = [
    "a",
    "abc",
    " ",
    "  ",
    "label: d)",
    "é",
    "Résolution",
    "波",
    "中文",
    "\u0301",
    "\t",
    "\x1b",
    "\x07",
    "\x7f",
    "\u200b",
    "\u202e",
    "\u00ad",
    "\u2028",
    "\ue000",
    "\r",
    "ف",
    "x" * 30,
    "word " * 12,
]

_lines = st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), max_size=14)
_texts = st.sampled_from(["m", "a message", "two\nlines", "bell \x07 and tab\t", "ü 波"])


@st.composite
def _places(draw: st.DrawFn, count: int) -> tuple[int, int, int, int]:
    line = draw(st.integers(1, max(count, 1)) | st.integers(-1, count + 2))
    column = draw(st.integers(1, 12) | st.integers(-1, 90))
    end_line = draw(st.sampled_from([0, line, line + 1, line + 3, line + 7, count + 3]))
    end_column = draw(st.integers(column, column + 3) | st.integers(-1, 95))
    return line, column, end_line, end_column


@st.composite
def _findings(draw: st.DrawFn, path: str, count: int) -> tuple[Diagnostic, str | None]:
    related = []
    for _ in range(draw(st.integers(0, 2) | st.just(MAX_RELATED + 1))):
        line, column, end_line, end_column = draw(_places(count))
        where = draw(st.sampled_from([path, path, "other.yaml", "bad\x1bname.yaml"]))
        related.append(Related(where, line, column, draw(_texts), end_line, end_column))
    line, column, end_line, end_column = draw(_places(count))
    d = Diagnostic(
        draw(st.sampled_from(["numbering-gap", "conversion-artefact"])),
        draw(st.sampled_from(["error", "warning"])),
        path,
        line,
        column,
        draw(_texts),
        None,
        end_line,
        end_column,
        draw(st.none() | _texts),
        tuple(related),
    )
    return d, draw(st.none() | st.sampled_from(["kept \x1b", "why"]))


class _Given:
    """Sources as :class:`_Sources` gives them, from texts given here."""

    def __init__(self, files: dict[str, _Source | None]) -> None:
        self.files = files

    def get(self, path: str) -> _Source | None:
        return self.files.get(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), lines=_lines, readable=st.booleans())
def test_the_drawer_draws_a_finding_as_the_plain_form(
    data: st.DataObject, lines: list[str], readable: bool
) -> None:
    path = data.draw(st.sampled_from(["r.yaml", "dir/é\x07.yaml"]))
    color = data.draw(st.booleans())
    width = data.draw(st.sampled_from([20, 40, 60, 120]))
    style = _Style(color)
    drawer = T._Drawer({}, style, width)
    source = _Source("\n".join(lines)) if readable else None
    reference = _Source("\n".join(lines)) if readable else None
    drawer.sources = _Given({path: source})  # type: ignore[assignment]
    # frames and lines shown are kept from one finding to the next
    for _ in range(data.draw(st.integers(1, 3))):
        d, reason = data.draw(_findings(path, len(lines)))
        assert drawer.finding(d, reason) == _plain_finding(d, reference, style, width, reason)


def test_a_file_is_read_whole_whatever_the_size_it_had(tmp_path: Path) -> None:
    """The size looked at before reading is a guess: a file that grew is read to
    its end, one that grew past the limit is refused, an empty one is empty."""
    path = tmp_path / "f"
    for content, size, limit, expected in [
        (b"abc", 3, 10, b"abc"),
        (b"abcdef" * 20_000, 3, 10**6, b"abcdef" * 20_000),  # grew, read past the first piece
        (b"abcdef", 6, 5, None),
        (b"abcdef" * 20_000, 3, 70_000, None),
        (b"", 0, 10, b""),
    ]:
        path.write_bytes(content)
        fd = os.open(path, os.O_RDONLY)
        try:
            assert read_open(fd, size, limit) == expected
        finally:
            os.close(fd)
