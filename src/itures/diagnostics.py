"""Diagnostics: frozen records, never exceptions.

A :class:`Diagnostic` is what every stage of itures produces when something is
wrong with a document: the YAML reader, the schema validation and the rules.
The CLI only formats them (see :mod:`itures.report`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1}


# One string for equal texts: the messages, helps, pointers and paths of
# diagnostics repeat from finding to finding and from file to file (50,000
# findings on the PP-18 corpus copied to 5,000 files have 228 messages, 62
# helps); a check of 100,000 files holds a million diagnostics. Bounded, should
# every text be new.
_TEXTS: dict[str, str] = {}
_TEXTS_MAX = 500_000


def _shared(text: str) -> str:
    found = _TEXTS.get(text)
    if found is not None:
        return found
    if len(_TEXTS) < _TEXTS_MAX:
        _TEXTS[text] = text
    return text


def _clamp_end(place: Related | Diagnostic) -> None:
    """An end before the start (or not given) becomes the start: a span of one place.
    Its texts are shared with equal ones (:func:`_shared`)."""
    if (place.end_line, place.end_column) < (place.line, place.column):
        object.__setattr__(place, "end_line", place.line)
        object.__setattr__(place, "end_column", place.column)
    object.__setattr__(place, "path", _shared(place.path))
    object.__setattr__(place, "message", _shared(place.message))


@dataclass(frozen=True, slots=True)
class Related:
    """Another place of the same defect (``related`` of a :class:`Diagnostic`).

    A duplicated label's first occurrence, the list a stray clause belongs
    to, the other file of a duplicated identity: shown under the finding,
    never counted as a finding of its own.
    """

    path: str
    line: int
    column: int
    message: str
    end_line: int = 0
    end_column: int = 0

    def __post_init__(self) -> None:
        _clamp_end(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
        }

    def to_tuple(self) -> tuple[str, int, int, str, int, int]:
        """Plain data in the order of the constructor's arguments."""
        return (self.path, self.line, self.column, self.message, self.end_line, self.end_column)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding about one place of one file.

    ``line`` and ``column`` are 1-based positions in the YAML file where the
    finding's span starts; ``end_line`` and ``end_column`` where it ends
    (inclusive of the last character; a span of one place when the finding
    has no extent, filled in from the start when not given). ``pointer`` is
    a JSON Pointer (RFC 6901) into the document ("" is the whole document,
    None a finding that has no place in the document, such as a YAML syntax
    error). ``help`` is the fix, when there is one; ``related`` the other
    places of the same defect. Equality compares every field, the message
    included.
    """

    rule: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    pointer: str | None = None
    end_line: int = 0
    end_column: int = 0
    help: str | None = None
    related: tuple[Related, ...] = ()

    def __post_init__(self) -> None:
        _clamp_end(self)
        if self.help is not None:
            object.__setattr__(self, "help", _shared(self.help))
        if self.pointer is not None:
            object.__setattr__(self, "pointer", _shared(self.pointer))

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as plain JSON-ready data (the ``--format json`` record)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "help": self.help,
            "pointer": self.pointer,
            "related": [r.to_dict() for r in self.related],
        }

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """The order of a report: by file, then position, rule and message."""
        return (self.path, self.line, self.column, self.rule, self.message)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.rule}: {self.message}"


def pointer_from(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """Build a JSON Pointer from path segments, escaping ``~`` and ``/``."""
    if not parts:
        return ""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def pointer_parts(pointer: str) -> list[str]:
    """Split a JSON Pointer into its unescaped segments."""
    if not pointer:
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]
