"""Diagnostics: frozen records, never exceptions.

A :class:`Diagnostic` is what every stage of itures produces when something is
wrong with a document: the YAML reader, the schema validation and the rules.
The CLI only formats them (see :mod:`itures.report`).
"""

from __future__ import annotations

from collections.abc import Callable
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


# One int for equal numbers up to :data:`_INTS_MAX` (the lines, columns and
# offsets of a million diagnostics and citations): Python shares those up to
# 256 alone, and a line number beyond is an object of 32 bytes each time it is
# made (about one a diagnostic: 38 MB at 100,000 files).
_INTS_MAX = 8192
_INTS = tuple(range(_INTS_MAX))


def shared_int(n: int) -> int:
    """One int object for equal numbers from 0 to :data:`_INTS_MAX` (the others as given)."""
    return _INTS[n] if 256 < n < _INTS_MAX else n


def shared(text: str) -> str:
    """One string for equal texts (the messages, helps, pointers and paths of diagnostics)."""
    found = _TEXTS.get(text)
    if found is not None:
        return found
    if len(_TEXTS) < _TEXTS_MAX:
        _TEXTS[text] = text
    return text


def _clamp_end(place: Related | Diagnostic) -> None:
    """An end before the start (or not given) becomes the start: a span of one place.
    Its texts are shared with equal ones (:func:`shared`)."""
    if (place.end_line, place.end_column) < (place.line, place.column):
        object.__setattr__(place, "end_line", place.line)
        object.__setattr__(place, "end_column", place.column)
    for name in ("line", "column", "end_line", "end_column"):
        n = getattr(place, name)
        if 256 < n < _INTS_MAX:
            object.__setattr__(place, name, _INTS[n])
    object.__setattr__(place, "path", shared(place.path))
    object.__setattr__(place, "message", shared(place.message))


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
            object.__setattr__(self, "help", shared(self.help))
        if self.pointer is not None:
            object.__setattr__(self, "pointer", shared(self.pointer))

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


# The pointers of the paths already seen (shared texts): most findings are
# about a path that others had, in this file (a finding and its related
# places) or in others ("/preamble/0/items/0/text"). Bounded, should every
# path be new. A path's parts are texts and integers: a tuple with a part
# that equals one of another type (True and 1) would find the other's
# pointer, but no path has such parts (they are keys and indexes).
_POINTERS: dict[tuple[str | int, ...], str] = {}
_POINTERS_MAX = 200_000


def pointer_from(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """Build a JSON Pointer from path segments, escaping ``~`` and ``/``."""
    if not parts:
        return ""
    if type(parts) is tuple:
        found = _POINTERS.get(parts)
        if found is not None:
            return found
    pointer = shared("".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts))
    if type(parts) is tuple and len(_POINTERS) < _POINTERS_MAX:
        _POINTERS[parts] = pointer
    return pointer


def _setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of the slots ``names`` of a frozen class (they bypass its refusal),
    by name: a field added or moved cannot give a setter to the wrong name."""
    return tuple(cls.__dict__[name].__set__ for name in names)


(
    _set_rule,
    _set_severity,
    _set_path,
    _set_line,
    _set_column,
    _set_message,
    _set_pointer,
    _set_end_line,
    _set_end_column,
    _set_help,
    _set_related,
) = _setters(
    Diagnostic,
    (
        "rule",
        "severity",
        "path",
        "line",
        "column",
        "message",
        "pointer",
        "end_line",
        "end_column",
        "help",
        "related",
    ),
)
(
    _set_r_path,
    _set_r_line,
    _set_r_column,
    _set_r_message,
    _set_r_end_line,
    _set_r_end_column,
) = _setters(Related, ("path", "line", "column", "message", "end_line", "end_column"))
_new = object.__new__


def positioned(
    rule: str,
    severity: Severity,
    path: str,
    line: int,
    column: int,
    message: str,
    pointer: str | None,
    end_line: int,
    end_column: int,
    help: str | None,
    related: tuple[Related, ...],
) -> Diagnostic:
    """``Diagnostic(...)`` from a caller that has done what its ``__post_init__``
    does: the end is not before the start, and ``path``, ``message``, ``help``
    and ``pointer`` are shared texts (:func:`shared`, :func:`pointer_from`).

    The runner makes one per finding (tens of thousands in a check): the
    dataclass's initialiser sets each field through ``object.__setattr__`` (a
    frozen class refuses plain assignment), then the checks run again; here
    the slots are set directly, which costs a third of it.
    """
    d = _new(Diagnostic)
    _set_rule(d, rule)
    _set_severity(d, severity)
    _set_path(d, path)
    _set_line(d, _INTS[line] if 256 < line < _INTS_MAX else line)
    _set_column(d, _INTS[column] if 256 < column < _INTS_MAX else column)
    _set_message(d, message)
    _set_pointer(d, pointer)
    _set_end_line(d, _INTS[end_line] if 256 < end_line < _INTS_MAX else end_line)
    _set_end_column(d, _INTS[end_column] if 256 < end_column < _INTS_MAX else end_column)
    _set_help(d, help)
    _set_related(d, related)
    return d


def related_at(
    path: str, line: int, column: int, message: str, end_line: int, end_column: int
) -> Related:
    """``Related(...)`` from a caller that has done what its ``__post_init__`` does
    (see :func:`positioned`)."""
    r = _new(Related)
    _set_r_path(r, path)
    _set_r_line(r, _INTS[line] if 256 < line < _INTS_MAX else line)
    _set_r_column(r, _INTS[column] if 256 < column < _INTS_MAX else column)
    _set_r_message(r, message)
    _set_r_end_line(r, _INTS[end_line] if 256 < end_line < _INTS_MAX else end_line)
    _set_r_end_column(r, _INTS[end_column] if 256 < end_column < _INTS_MAX else end_column)
    return r


def pointer_parts(pointer: str) -> list[str]:
    """Split a JSON Pointer into its unescaped segments."""
    if not pointer:
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]
