"""What an import gives and what stops it: the records of the importers.

Light on purpose: the package :mod:`itures.importers` names them at import
time, and the check loads the package on its way to the citation grammars.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from itures.diagnostics import Severity
    from itures.model.resolution import Resolution

__all__ = [
    "ARTEFACT",
    "DOC_ADVICE",
    "OLE2",
    "UNRESOLVED",
    "ImportFailure",
    "Imported",
    "Note",
    "doc_advice",
]

ARTEFACT = "conversion-artefact"
# a citation left as text because the body it cites cannot be told
UNRESOLVED = "citation-unresolved-body"


@dataclass(frozen=True)
class Note:
    """Something the importer saw, and where it is in the produced document."""

    message: str
    path: tuple[str | int, ...] = ()
    rule: str = ARTEFACT
    severity: Severity = "warning"
    # a leftover that check finds again (:mod:`itures.textscan`); then the
    # import's report shows check's finding, with where the note saw it
    scanned: bool = False
    where: str = ""
    # the rules whose findings at the note's entry (its text, or the entry
    # itself) follow from what the note says: one defect, so the import's
    # report shows the note alone (a table read as an entry's text has no
    # label and no end mark of its own)
    covers: tuple[str, ...] = ()
    # more places where ``covers`` holds (the entry after a clause left out: its
    # gap in the numbering is the note's)
    covers_at: tuple[tuple[str | int, ...], ...] = ()


@dataclass
class Imported:
    """One imported document: the model, what was noted, where it came from."""

    resolution: Resolution
    notes: list[Note] = field(default_factory=list)
    source: str = ""

    @property
    def relative_path(self) -> str:
        """Where the file goes in a corpus: ``<body>/<number>/<language>.yaml`` (a ``/``
        in the number becomes ``_``: :func:`itures.paths.folder_name`)."""
        from itures.paths import identity_path

        r = self.resolution
        return identity_path(r.body, r.number, r.language, ".yaml")


class ImportFailure(Exception):
    """The source cannot be imported; ``str()`` says why and where."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message
        self.where = where


# the first bytes of a compound file (OLE2): Word 97-2003's .doc
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOC_ADVICE = (
    "a Word 97-2003 .doc file, which the importer does not read: save it as .docx "
    "(or as text) in Word and import that"
)


def doc_advice() -> str:
    """:data:`DOC_ADVICE` in the language of the messages."""
    from itures.i18n import tr

    return tr(
        "a Word 97-2003 .doc file, which the importer does not read: save it as .docx "
        "(or as text) in Word and import that"
    )
