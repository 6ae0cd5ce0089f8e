"""Round-trip writing with ruamel.yaml.

Used by the commands that write resolution files (import, fmt). The canonical
layout: keys in model order, two-space indentation with list dashes indented
under their key, long texts as folded block scalars (``>-``) wrapped at
:data:`WIDTH`, short texts plain where YAML allows it, labels always strings.
Files are written atomically (:func:`write_atomic`).
"""

from __future__ import annotations

import io
import os
import tempfile
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from itures.model.resolution import Resolution

import re

WIDTH = 88
FOLD_AT = 72  # texts longer than this become folded block scalars

SCHEMA_COMMENT = "# yaml-language-server: $schema={schema}\n"


# characters a block scalar cannot hold as they are (controls, line
# separators, BOM, surrogates): such texts are written double-quoted
_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def _foldable(text: str) -> bool:
    """Whether a folded block scalar gives back exactly this text."""
    return (
        len(text) > FOLD_AT
        and text == text.strip(" ")
        and "  " not in text
        and not text[0].isspace()
        and not text[-1].isspace()
        and _SPECIAL.search(text) is None
    )


def _styled(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = _styled(v)
        return m
    if isinstance(value, list):
        s = CommentedSeq(_styled(v) for v in value)
        if value and all(isinstance(v, str) and len(v) < 30 for v in value):
            s.fa.set_flow_style()
        return s
    if isinstance(value, str):
        if _foldable(value):
            return FoldedScalarString(value)
        if _SPECIAL.search(value):
            # ruamel.yaml would write NEL and the Unicode line separators raw
            # inside quotes, where a reader folds them: escape them instead
            return DoubleQuotedScalarString(value)
    return value


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    return yaml


def dump_data(data: Any) -> str:
    """YAML text of plain data in the canonical layout."""
    out = io.StringIO()
    _yaml().dump(_styled(data), out)
    return out.getvalue()


def resolution_data(resolution: Resolution) -> dict[str, Any]:
    """The plain data of a resolution, defaults left out, keys in model order."""
    data: dict[str, Any] = resolution.model_dump(mode="json", exclude_defaults=True)
    return data


def dump_resolution(resolution: Resolution, *, schema: str | None = None) -> str:
    """YAML text of a resolution; with ``schema``, a first line for editors."""
    text = dump_data(resolution_data(resolution))
    if schema:
        text = SCHEMA_COMMENT.format(schema=schema) + text
    return text


def write_atomic(path: str | os.PathLike[str], text: str, *, overwrite: bool = True) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename.

    A failure leaves any existing file untouched. With ``overwrite=False`` an
    existing file raises :class:`FileExistsError`.
    """
    target = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(target))
    if not overwrite and os.path.exists(target):
        raise FileExistsError(target)
    fd, tmp = tempfile.mkstemp(prefix=".itures-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if not overwrite:
            os.link(tmp, target)  # fails if target appeared meanwhile
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
