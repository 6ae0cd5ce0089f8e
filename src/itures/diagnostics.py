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


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding about one place of one file.

    ``line`` and ``column`` are 1-based positions in the YAML file; ``pointer``
    is a JSON Pointer (RFC 6901) into the document ("" is the whole document).
    Equality compares every field, the message included.
    """

    rule: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    pointer: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as plain JSON-ready data (the ``--format json`` record)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "pointer": self.pointer,
        }

    def sort_key(self) -> tuple[str, int, int, str, str]:
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
