"""Positions: itures's 1-based code points and the client's 0-based code units.

A :class:`~itures.diagnostics.Diagnostic` gives 1-based lines and columns
counted in code points (characters), its end inclusive. The Language Server
Protocol counts 0-based lines and columns in the code units of the encoding
the server and client agreed on at initialisation (``positionEncoding``):
UTF-16 unless the client offers another one (pygls then picks the client's
first choice among UTF-8, UTF-16 and UTF-32), and its ranges end exclusive.
Only a character outside the Basic Multilingual Plane (an emoji, a rare
CJK ideograph) counts 2 in UTF-16; in UTF-8 anything beyond ASCII counts
more than 1. The conversions here need the line's text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

__all__ = ["Lines", "from_units", "to_units"]

# a character that counts more than one code unit, by encoding
_WIDE = {"utf-16": re.compile("[\U00010000-\U0010ffff]"), "utf-8": re.compile("[^\x00-\x7f]")}


def _width(char: str, encoding: str) -> int:
    code = ord(char)
    if encoding == "utf-32":
        return 1
    if encoding == "utf-8":
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    return 2 if code > 0xFFFF else 1


def to_units(line: str, column: int, encoding: str) -> int:
    """The code units before code point ``column`` (0-based) of ``line``."""
    if encoding == "utf-32":
        return column
    return sum(_width(c, encoding) for c in line[:column])


def from_units(line: str, units: int, encoding: str) -> int:
    """The code point (0-based) at ``units`` code units into ``line`` (a column
    inside a character, or past the end, gives the next one, at most the end)."""
    if encoding == "utf-32":
        return min(units, len(line))
    seen = 0
    for i, c in enumerate(line):
        if seen >= units:
            return i
        seen += _width(c, encoding)
    return len(line)


class Lines:
    """The lines of a text, to convert positions in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: Sequence[str] = text.split("\n")
        self._starts: list[int] | None = None
        # by (line, encoding): None when each character is one code unit, else
        # the code units before each character and after the last
        self._widths: dict[tuple[int, str], list[int] | None] = {}

    def line(self, n: int) -> str:
        """Line ``n`` (0-based) without its end ('' past the end)."""
        if 0 <= n < len(self.lines):
            return self.lines[n].removesuffix("\r")
        return ""

    def _length(self, n: int) -> int:
        """The length of :meth:`line` ``n`` (without copying it)."""
        if not 0 <= n < len(self.lines):
            return 0
        part = self.lines[n]
        return len(part) - 1 if part.endswith("\r") else len(part)

    def _units_before(self, line: int, encoding: str) -> list[int] | None:
        """The code units before each character of ``line`` and after its
        last (None when each character is one unit: most lines), found once
        a line: the positions of thousands of findings on one long line are
        not each counted from the line's start (:func:`to_units`)."""
        key = (line, encoding)
        if key in self._widths:
            return self._widths[key]
        text = self.line(line)
        wide = _WIDE.get(encoding)
        found = None
        if wide is not None and wide.search(text):
            found = [0, *accumulate(_width(c, encoding) for c in text)]
        self._widths[key] = found
        return found

    def units(self, line: int, column: int, encoding: str) -> int:
        """Code units of code point ``column`` (0-based) of ``line`` (0-based):
        :func:`to_units` of the line."""
        if encoding == "utf-32":
            return column
        before = self._units_before(line, encoding)
        n = self._length(line)
        if column > n:
            column = n
        if column <= 0:
            return 0
        return column if before is None else before[column]

    def column(self, line: int, units: int, encoding: str) -> int:
        """The code point (0-based) at ``units`` code units into ``line``:
        :func:`from_units` of the line."""
        before = self._units_before(line, encoding)
        n = self._length(line)
        if units <= 0:
            return 0
        if before is None:
            return min(units, n)
        return min(bisect_left(before, units), n)

    def index(self, line: int, units: int, encoding: str) -> int:
        """The index in :attr:`text` of an LSP position: ``units`` code units
        into ``line`` (both 0-based)."""
        return self.offset(line, self.column(line, units, encoding))

    def offset(self, line: int, column: int) -> int:
        """The index in :attr:`text` of code point ``column`` of ``line`` (both 0-based)."""
        if self._starts is None:
            starts = [0]
            for part in self.lines[:-1]:
                starts.append(starts[-1] + len(part) + 1)
            self._starts = starts
        if line >= len(self._starts):
            return len(self.text)
        return min(self._starts[line] + column, len(self.text))

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, code point column) of index ``offset`` of :attr:`text`."""
        import bisect

        self.offset(0, 0)
        assert self._starts is not None
        i = bisect.bisect_right(self._starts, offset) - 1
        return i, offset - self._starts[i]
