"""What a check gives: the records the engine, the reports and the library share.

:class:`FileResult` is one file read and validated; :class:`CheckResult` the
diagnostics of a check with its counts. Plain data: this module imports
nothing of itures at run time, so every layer may use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from itures.diagnostics import Diagnostic
    from itures.model.resolution import Resolution
    from itures.rules.suppressions import Suppressed
    from itures.yamlio.read import Document

__all__ = ["CheckResult", "FileResult"]


@dataclass
class FileResult:
    """The outcome of reading and validating one file."""

    path: str
    resolution: Resolution | None
    diagnostics: list[Diagnostic]
    # the parsed document, when still at hand; rules that find something on a
    # file whose document was not kept parse it again
    document: Document | None = None
    # whether the raw text holds a suppression marker ("itures:"); None when
    # unknown (the document is then parsed again to look for suppressions)
    marked: bool | None = None


@dataclass
class CheckResult:
    """Diagnostics of a check, the number of files, and what could not be read."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    failures: list[str] = field(default_factory=list)
    # findings silenced by an in-file suppression (counted, never dropped)
    suppressed: list[Suppressed] = field(default_factory=list)
    # reporting option (``--show-suppressed``): list the suppressed findings too
    show_suppressed: bool = False
    # content hash of each file as it was checked (path -> digest, when known):
    # the text report shows source excerpts only of files that have not changed
    digests: dict[str, bytes] = field(default_factory=dict)
    # the key under which the cache remembers this run (None: not remembered): a
    # report of it is remembered under it too (the command line's output)
    key: bytes | None = None

    @property
    def errors(self) -> int:
        """The number of findings of severity error."""
        return sum(1 for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> int:
        """The number of findings of severity warning."""
        return sum(1 for d in self.diagnostics if d.severity == "warning")

    @property
    def exit_code(self) -> int:
        """0 no errors, 1 errors found, 2 something could not be checked."""
        if self.failures:
            return 2
        return 1 if self.errors else 0

    def summary(self) -> dict[str, Any]:
        """Counts of the findings: one per finding, its related places not counted."""
        return {
            "files": self.files,
            "errors": self.errors,
            "warnings": self.warnings,
            "suppressed": len(self.suppressed),
            "failures": list(self.failures),
        }
