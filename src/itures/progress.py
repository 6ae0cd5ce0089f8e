"""A progress bar on standard error, for the command line.

Shown only when it helps and cannot harm: standard error is a terminal, the
run is not under CI (``CI`` or ``GITHUB_ACTIONS`` set: logs are not
terminals, but some CI runners pretend), and there are many files to read
(:data:`MIN_FILES`). A few lines of our own rather than a library: the bar
must not slow the start of a check. It redraws at most ten times a second
and erases itself when done, so that only the report remains.
"""

from __future__ import annotations

import os
import time
from typing import TextIO

__all__ = ["MIN_FILES", "Bar", "wanted"]

# Fewer files than this are read in well under a second: no bar.
MIN_FILES = 200
WIDTH = 30


def wanted(stream: TextIO) -> bool:
    """Whether a bar may be drawn on ``stream``."""
    if os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Bar:
    """``bar(done, total)`` draws; :meth:`close` erases."""

    def __init__(self, stream: TextIO, label: str = "reading") -> None:
        self.stream = stream
        self.label = label
        self.shown = False
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if total < MIN_FILES:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        filled = WIDTH * done // total
        bar = "#" * filled + "-" * (WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done:,}/{total:,} files {100 * done // total}%")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
