"""Write the library's API reference (docs/api.md) from the docstrings.

    python scripts/api_docs.py > docs/api.md

Every public name of ``itures`` (its ``__all__``) with its signature and
docstring; for a class, its fields (with their schema descriptions, for the
resolution model) and its public methods and properties. tests/test_api_docs.py
keeps docs/api.md current, and tests/test_library.py fails when a public
name lacks a docstring.
"""

from __future__ import annotations

import dataclasses
import inspect
import sys
import types
import typing
from typing import Any

import itures

INTRO = """\
# Library API

`import itures` gives the names below (imported on first use, so that the
command line starts fast). This file is generated from the docstrings:
`python scripts/api_docs.py > docs/api.md`; a test keeps it current.

```python
import itures

corpus = itures.Corpus("resolutions")
res = corpus.get("wtdc", "59", "fr")                 # itures.Resolution
found = corpus.resolve("wtdc:59#resolves/1")        # itures.Resolved
found.target                                        # the clause (or None; found.reason says why)
corpus.cited_by("wtdc", "59", "resolves/1")         # [itures.Inbound]
for section in res.operative:
    for clause in section.clauses:
        res.actors_of(clause)                       # itures.Actors, inherited from the section
result = corpus.check()                             # itures.CheckResult
```
"""

ORDER = [
    "load",
    "Corpus",
    "Resolved",
    "Inbound",
    "check_paths",
    "CheckResult",
    "Diagnostic",
    "LoadError",
    "DuplicateIdentity",
    "Resolution",
    "HistoryEntry",
    "PreambleSection",
    "Item",
    "OperativeSection",
    "Clause",
    "Deadline",
    "Actors",
    "Footnote",
    "Annex",
    "Citation",
    "ResolutionRef",
]

_SPECIAL = ("__len__", "__iter__", "__contains__")


def _doc(obj: object) -> str:
    return inspect.cleandoc(inspect.getdoc(obj) or "")


def _signature(name: str, obj: Any) -> str:
    try:
        return f"{name}{inspect.signature(obj)}"
    except (TypeError, ValueError):
        return name


def _fields(cls: type) -> list[tuple[str, str, str]]:
    """(name, type, description) of a model's or a dataclass's fields."""
    model_fields = getattr(cls, "model_fields", None)
    if isinstance(model_fields, dict):
        return [
            (n, _type(f.annotation), (f.description or "").replace("\n", " "))
            for n, f in model_fields.items()
        ]
    if dataclasses.is_dataclass(cls):
        return [(f.name, str(f.type).replace("mk.", ""), "") for f in dataclasses.fields(cls)]
    if issubclass(cls, tuple) and hasattr(cls, "_fields"):
        hints = getattr(cls, "__annotations__", {})
        return [(n, str(hints.get(n, "")), "") for n in cls._fields]
    return []


def _type(annotation: Any) -> str:
    """A field's type as a reader writes it: ``int | None``, ``list[Item]``."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type(args[0])
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type(a) for a in args)
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in args)
    if origin is not None:
        return f"{getattr(origin, '__name__', str(origin))}[{', '.join(_type(a) for a in args)}]"
    if annotation is type(None):
        return "None"
    if isinstance(annotation, typing.ForwardRef):
        return annotation.__forward_arg__
    return getattr(annotation, "__name__", str(annotation))


def _cell(text: str) -> str:
    """Text in a Markdown table cell: its pipes escaped."""
    return text.replace("|", "\\|")


def _members(cls: type) -> list[tuple[str, str, str]]:
    """(title, kind, doc) of a class's own public methods and properties."""
    found: list[tuple[str, str, str]] = []
    for attr, value in vars(cls).items():
        if attr.startswith("_") and attr not in _SPECIAL:
            continue
        if isinstance(value, property):
            found.append((attr, "property", _doc(value.fget)))
        elif inspect.isfunction(value):
            found.append((_signature(attr, value), "method", _doc(value)))
        elif isinstance(value, staticmethod | classmethod):
            found.append((_signature(attr, value.__func__), "method", _doc(value.__func__)))
    return found


def markdown() -> str:
    """docs/api.md."""
    names = [n for n in ORDER if n in itures.__all__]
    names += sorted(n for n in itures.__all__ if n not in names and n != "__version__")
    out = [INTRO]
    for name in names:
        obj = getattr(itures, name)
        out.append(f"## {name}\n")
        if inspect.isclass(obj):
            bases = [
                b.__name__ for b in obj.__bases__ if b.__name__ in ("Exception", "LookupError")
            ]
            out.append(f"*class*{' (' + ', '.join(bases) + ')' if bases else ''}\n")
        else:
            out.append(f"```python\nitures.{_signature(name, obj)}\n```\n")
        out.append(_doc(obj) + "\n")
        if inspect.isclass(obj):
            fields = _fields(obj)
            if fields:
                out.append("| field | type | description |\n|---|---|---|")
                out.extend(f"| `{n}` | `{_cell(t)}` | {_cell(d)} |" for n, t, d in fields)
                out.append("")
            for title, kind, doc in _members(obj):
                out.append(f"### `{name}.{title}`{' (property)' if kind == 'property' else ''}\n")
                if doc:
                    out.append(doc + "\n")
    return "\n".join(out).rstrip("\n") + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown())
