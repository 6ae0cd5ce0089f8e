"""Schema stage: plain data -> typed :class:`Resolution`, errors as diagnostics.

Validation uses the pydantic models (the JSON Schema is generated from them
and accepts the same documents); each error is turned into a ``schema``
diagnostic positioned at the offending key (unknown key), value (wrong type or
value) or enclosing mapping (missing key), with a message for editors.
"""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from itures.diagnostics import Diagnostic
from itures.model.resolution import Resolution
from itures.yamlio.read import Document

__all__ = ["validate"]

_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    list: "a list",
    dict: "a mapping",
    type(None): "empty (null)",
}


def _kind(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that the mapping at ``loc`` is validated against."""
    model: type[BaseModel] = Resolution
    for seg in loc:
        if isinstance(seg, int):
            continue
        field = model.model_fields.get(seg)
        if field is None:
            return None
        inner = _unwrap(field.annotation)
        if inner is None:
            return None
        model = inner
    return model


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    origin = get_origin(annotation)
    if origin in (list, Union, types.UnionType):
        for arg in get_args(annotation):
            found = _unwrap(arg)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _message(
    err: ErrorDetails, loc: tuple[str | int, ...]
) -> tuple[str, bool, tuple[str | int, ...]]:
    """(message, position-at-key?, path to position) for one pydantic error."""
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    names = [p for p in loc if isinstance(p, str)]
    name = names[-1] if names else "document"
    if loc and isinstance(loc[-1], int):
        name = f"{name} entry {loc[-1] + 1}"
    if kind == "missing":
        model = _model_at(loc[:-1])
        where = f" in {model.__name__.lower()}" if model else ""
        return f"missing required key '{loc[-1]}'{where}", False, loc[:-1]
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1])
        msg = f"unknown key '{loc[-1]}'"
        if model is not None:
            import difflib  # only for this message: not at start-up

            allowed = list(model.model_fields)
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            if close:
                msg += f"; did you mean '{close[0]}'?"
            msg += f" (allowed in {model.__name__.lower()}: {', '.join(allowed)})"
        return msg, True, loc
    if kind == "string_type":
        msg = f"'{name}' must be a string, not {_kind(value)}"
        if isinstance(value, int | float) and not isinstance(value, bool):
            msg += f'; quote it: "{value}"'
        return msg, False, loc
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return (
            f"'{name}' must be an integer such as 2017, not {_kind(value)} {_show(value)}",
            False,
            loc,
        )
    if kind == "list_type":
        return f"'{name}' must be a list (lines starting with '- '), not {_kind(value)}", False, loc
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{name}' must be a mapping (key: value lines), not {_kind(value)}", False, loc
    if kind == "literal_error":
        return f"'{name}' is {_show(value)}; expected one of {ctx.get('expected', '')}", False, loc
    if kind == "string_pattern_mismatch":
        return _pattern_message(name, value, str(ctx.get("pattern"))), False, loc
    if kind == "string_too_short":
        return f"'{name}' must not be empty", False, loc
    if kind == "too_short":
        return f"'{name}' must have at least {ctx.get('min_length', 1)} entry", False, loc
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"'{name}' is {_show(value)}: {err['msg'].lower()}", False, loc
    return f"'{name}': {err['msg']}", False, loc


def _pattern_message(name: str, value: Any, pattern: str) -> str:
    from itures.model.resolution import PATTERN_HELP

    if isinstance(value, str) and value.rstrip() != value and value.strip():
        return (
            f"'{name}' is {_show(value)}, which ends with a space or line break; write the "
            "value on the key's line (a block introduced by | or > keeps its line break)"
        )
    words = PATTERN_HELP.get(pattern)
    if words is None:
        return f"'{name}' is {_show(value)}, which does not match {pattern}"
    return f"'{name}' is {_show(value)}: {words}"


def validate(doc: Document) -> tuple[Resolution | None, list[Diagnostic]]:
    """Validate a parsed document; return the model or the schema diagnostics."""
    data = doc.data
    if data is None:
        what = "the file is empty" if doc.root is None else "the document is null (~)"
        return None, [
            doc.diagnostic(
                "schema",
                f"{what}; a resolution needs body, number, language, title and history",
            )
        ]
    if not isinstance(data, dict):
        return None, [
            doc.diagnostic(
                "schema", f"a resolution file must be a mapping of keys, not {_kind(data)}"
            )
        ]
    try:
        return Resolution.model_validate(data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    out: list[Diagnostic] = []
    seen: set[tuple[int, int, str | None]] = set()
    for err in errors:
        loc = _path(data, err["loc"])
        message, at_key, where = _message(err, loc)
        diag = doc.diagnostic("schema", message, where, key=at_key)
        # pydantic reports a union once per alternative: keep the first
        mark = (diag.line, diag.column, diag.pointer)
        if mark in seen:
            continue
        seen.add(mark)
        out.append(diag)
    return None, out


def _path(data: Any, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """The path into the document of a pydantic error location.

    pydantic may insert validator tags such as 'function-before[...]' into a
    location; a segment is dropped as a tag only if it is not a key of the
    data at that point (a key "b[ody" is a key).
    """
    out: list[str | int] = []
    node = data
    for seg in loc:
        in_dict = isinstance(node, dict) and isinstance(seg, str) and seg in node
        in_list = isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node)
        if in_dict or in_list:
            node = node[seg]
        elif isinstance(seg, str) and "[" in seg:
            continue
        else:
            node = None
        out.append(seg)
    return tuple(out)
