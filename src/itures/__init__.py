"""itures: ITU resolutions as structured, versioned YAML.

Public API::

    import itures
    res = itures.load("resolutions/wtdc/59/fr.yaml")   # -> itures.Resolution
    corpus = itures.Corpus("resolutions")
    result = corpus.check()                             # -> CheckResult
    for diag in result.diagnostics:                      # -> itures.Diagnostic
        print(diag.to_dict())
    found = corpus.resolve("pp:191#resolves/3")         # -> itures.Resolved
    found.target                                         # the clause, or None (found.reason)
    corpus.cited_by("pp", "191")                         # -> [itures.Inbound]

The reference of every public name is docs/api.md (generated from the
docstrings: ``python scripts/api_docs.py > docs/api.md``).

Names are imported lazily so that the command line starts fast.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported: every command imports this package

__version__ = "0.1.0"

__all__ = [
    "Actors",
    "Annex",
    "CheckResult",
    "Citation",
    "Clause",
    "Corpus",
    "Deadline",
    "Diagnostic",
    "DuplicateIdentity",
    "Footnote",
    "HistoryEntry",
    "Inbound",
    "Item",
    "LoadError",
    "OperativeSection",
    "PreambleSection",
    "Resolution",
    "ResolutionRef",
    "Resolved",
    "__version__",
    "check_paths",
    "load",
]

if TYPE_CHECKING:
    from typing import Any

    from itures.corpus import CheckResult, Corpus, DuplicateIdentity, LoadError, check_paths, load
    from itures.diagnostics import Diagnostic
    from itures.lookup import Inbound, Resolved
    from itures.model.markup import Citation, ResolutionRef
    from itures.model.resolution import (
        Actors,
        Annex,
        Clause,
        Deadline,
        Footnote,
        HistoryEntry,
        Item,
        OperativeSection,
        PreambleSection,
        Resolution,
    )

_WHERE = {
    "CheckResult": "itures.corpus",
    "Corpus": "itures.corpus",
    "DuplicateIdentity": "itures.corpus",
    "LoadError": "itures.corpus",
    "check_paths": "itures.corpus",
    "load": "itures.corpus",
    "Diagnostic": "itures.diagnostics",
    "Resolution": "itures.model.resolution",
    "Actors": "itures.model.resolution",
    "Annex": "itures.model.resolution",
    "Clause": "itures.model.resolution",
    "Deadline": "itures.model.resolution",
    "Footnote": "itures.model.resolution",
    "HistoryEntry": "itures.model.resolution",
    "Item": "itures.model.resolution",
    "OperativeSection": "itures.model.resolution",
    "PreambleSection": "itures.model.resolution",
    "Citation": "itures.model.markup",
    "ResolutionRef": "itures.model.markup",
    "Inbound": "itures.lookup",
    "Resolved": "itures.lookup",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'itures' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
