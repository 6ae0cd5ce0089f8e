"""The models' validators, built once per installation rather than at each start.

pydantic builds a model's validator from its fields when the class is made:
for the resolution and vocabulary models, about as long as Python takes to
start (40 to 50 ms of a commit hook's 400, measured by ``bench/run.py``).
The models are defined with ``defer_build``, so that making the classes
builds nothing; :func:`ready` then gives each its validator and serializer
(pydantic-core objects, which pickle as the schema they were built from),
read from a file written the first time they were built, or builds them.

Decisions:

* **Where the file is.** Beside the byte code of this package
  (``importlib.util.cache_from_source``: ``__pycache__``, or
  ``PYTHONPYCACHEPREFIX``), and only where Python writes byte code
  (not under ``PYTHONDONTWRITEBYTECODE``; an installation that cannot be
  written builds the validators at each start, as before). The file is
  trusted as the byte code beside it is: whoever can write one can write the
  other.
* **When it is stale.** Its name holds a digest of the models' sources, of
  the pydantic and pydantic-core versions and of Python's: any change makes
  another name, and the validators are built again.
* **What fails, builds.** A file that cannot be read, or unpickled, or that
  lacks a model, is ignored (and replaced); the models then build their
  validators as pydantic does when they are first used. Nothing here raises.
* A model used before :func:`ready` (or one not listed) builds its own
  validator on first use: pydantic's ``defer_build`` does that, so the file
  changes only how soon a check starts, never what it finds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from typing import Any

__all__ = ["ready"]

_MODULES = ("itures.model.resolution", "itures.model.vocabulary")
_done = False


def _models() -> list[type[Any]]:
    """Every pydantic model the modules define, in the order they are defined."""
    from pydantic import BaseModel

    out: list[type[Any]] = []
    for name in _MODULES:
        module = sys.modules.get(name) or __import__(name, fromlist=["_"])
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == name
                and not value.__name__.startswith("_")
            ):
                out.append(value)
    return out


def _file() -> str | None:
    """Where the validators are kept (None: not kept, see the module docstring)."""
    if sys.dont_write_bytecode:
        return None
    import importlib.util

    import pydantic
    import pydantic_core

    digest = hashlib.blake2b(digest_size=12)
    for part in (sys.version, pydantic.VERSION, pydantic_core.__version__):
        digest.update(part.encode() + b"\0")
    here = os.path.dirname(os.path.abspath(__file__))
    for name in _MODULES:
        source = os.path.join(here, name.rsplit(".", 1)[1] + ".py")
        try:
            with open(source, "rb") as fh:
                digest.update(fh.read())
        except OSError:
            return None
    try:
        beside = importlib.util.cache_from_source(os.path.join(here, "prebuilt.py"))
    except (NotImplementedError, ValueError):
        return None
    return os.path.join(os.path.dirname(beside), f"validators-{digest.hexdigest()}.pickle")


def ready() -> None:
    """Give every model its validator and serializer (see the module docstring).

    Called before the first validation; once per process."""
    global _done
    if _done:
        return
    _done = True
    models = _models()
    path = _file()
    if path is not None and _load(path, models):
        return
    for model in models:
        model.model_rebuild()
    if path is not None:
        _store(path, models)


def _load(path: str, models: list[type[Any]]) -> bool:
    try:
        with open(path, "rb") as fh:
            stored = pickle.load(fh)  # this installation's own file (see above)
        built = [stored[f"{m.__module__}.{m.__qualname__}"] for m in models]
    except Exception:  # any failure: the validators are built instead
        return False
    for model, (validator, serializer) in zip(models, built, strict=True):
        if not model.__pydantic_complete__:
            model.__pydantic_validator__ = validator
            model.__pydantic_serializer__ = serializer
    return True


def _store(path: str, models: list[type[Any]]) -> None:
    data = {
        f"{m.__module__}.{m.__qualname__}": (m.__pydantic_validator__, m.__pydantic_serializer__)
        for m in models
    }
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:  # not kept: built again next time
        with contextlib.suppress(OSError):
            os.remove(temporary)
        return
    # the files of sources or versions gone (one per change, in a working copy)
    folder, mine = os.path.split(path)
    with contextlib.suppress(OSError):
        for name in os.listdir(folder):
            if name.startswith("validators-") and name.endswith(".pickle") and name != mine:
                with contextlib.suppress(OSError):
                    os.remove(os.path.join(folder, name))
