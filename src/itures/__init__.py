"""itures: ITU resolutions as structured, versioned YAML.

Public API::

    import itures
    res = itures.load("resolutions/wtdc/59/fr.yaml")   # -> itures.Resolution
    corpus = itures.Corpus("resolutions")
    result = corpus.check()                             # -> CheckResult
    for diag in result.diagnostics:                      # -> itures.Diagnostic
        print(diag.to_dict())

Names are imported lazily so that the command line starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "CheckResult",
    "Corpus",
    "Diagnostic",
    "DuplicateIdentity",
    "LoadError",
    "Resolution",
    "__version__",
    "check_paths",
    "load",
]

if TYPE_CHECKING:
    from itures.corpus import CheckResult, Corpus, DuplicateIdentity, LoadError, check_paths, load
    from itures.diagnostics import Diagnostic
    from itures.model.resolution import Resolution

_WHERE = {
    "CheckResult": "itures.corpus",
    "Corpus": "itures.corpus",
    "DuplicateIdentity": "itures.corpus",
    "LoadError": "itures.corpus",
    "check_paths": "itures.corpus",
    "load": "itures.corpus",
    "Diagnostic": "itures.diagnostics",
    "Resolution": "itures.model.resolution",
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
