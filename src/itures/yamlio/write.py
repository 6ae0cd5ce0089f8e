"""Writing resolution files in the canonical layout.

Used by the commands that write resolution files (``fmt``, ``import``). The
canonical layout:

* keys in model order (the order of the fields of the pydantic models; keys
  the model does not know follow, in their order);
* two-space indentation, list dashes indented two spaces under their key;
* texts longer than :data:`FOLD_AT` characters as folded block scalars
  (``>-``), wrapped at the first space past column :data:`WIDTH`;
* other strings plain where YAML reads them back as the same string (under
  YAML 1.2 and 1.1 alike: ``'59'``, ``'no'`` and ``'2017-01-01'`` are quoted),
  else single-quoted, else double-quoted with escapes; never wrapped;
* short lists of short strings in flow style: ``actors: [bdt-director]``;
* comments kept with what they describe: a comment on lines of its own stays
  before the key or list entry that follows it, an end-of-line comment stays
  at the end of its entry's first line (see :class:`Comments`);
* no blank lines, no document markers, one newline at the end.

The emitter is ours rather than ruamel.yaml's: ruamel.yaml's round-trip model
attaches a comment to the node *before* it (the comment that introduces
``history:`` belongs to ``title``), so reordering keys moves comments away
from what they describe, and it writes the end-of-line comment of a folded
scalar inside the text. Here comments are attached to the entry they
precede, and the output is verified: :mod:`itures.fmt` reads it back and
refuses to write anything whose data or comments differ.

Files are written atomically (:func:`write_atomic`), and only over regular
files (see :func:`target_of`).
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from itures.model.resolution import Resolution

WIDTH = 88
FOLD_AT = 72  # texts longer than this become folded block scalars
FLOW_ITEM = 30  # lists of strings shorter than this are written [a, b]

SCHEMA_COMMENT = "# yaml-language-server: $schema={schema}\n"

Path = tuple[str | int, ...]


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


@dataclass
class Comments:
    """The comments of a document, attached to what they describe.

    Paths are paths into the data (keys and list indices), so they survive
    the reordering of keys.
    """

    header: list[str] = field(default_factory=list)  # before the first entry
    leading: dict[Path, list[str]] = field(default_factory=dict)  # lines before an entry
    # end of an entry's line; one written a blank after a plain text ("Question #3")
    # starts with that blank, and is written back after one blank: it may be the
    # text's own words, cut by YAML (text-comment), which a wider gap would change
    trailing: dict[Path, list[str]] = field(default_factory=dict)
    footer: list[str] = field(default_factory=list)  # after the last entry

    def all(self) -> list[str]:
        """Every comment, in no particular order (for comparisons)."""
        out = [*self.header, *self.footer]
        for lines in (*self.leading.values(), *self.trailing.values()):
            out.extend(line.lstrip(" ") for line in lines)
        return out


# -- scalars ------------------------------------------------------------------


def _reads_as_string(text: str) -> bool:
    """Whether ``text`` as a plain scalar is a string in YAML 1.2 and 1.1."""
    import yaml.resolver
    from yaml.nodes import ScalarNode

    from itures.yamlio.read import plain_scalar

    try:
        value = plain_scalar(text)
    except ValueError:
        # ('+_', '0x_': a number's pattern without its digits, or one of more
        # than 1,000 digits, which the reader refuses unquoted)
        return False
    if not isinstance(value, str) or text != text.strip():
        return False
    yaml11 = yaml.resolver.Resolver
    tag = yaml11.resolve(yaml11, ScalarNode, text, (True, False))  # type: ignore[arg-type,no-untyped-call]
    return bool(tag == "tag:yaml.org,2002:str")


@cache
def _analyzer() -> Any:
    import io

    import yaml.emitter

    return yaml.emitter.Emitter(io.StringIO(), allow_unicode=True)


def _plain_ok(text: str, *, flow: bool = False) -> bool:
    if not text or text != text.strip() or _SPECIAL.search(text):
        return False
    analysis = _analyzer().analyze_scalar(text)
    if analysis.multiline:
        return False
    if not (analysis.allow_flow_plain if flow else analysis.allow_block_plain):
        return False
    return _reads_as_string(text)


def _quoted(text: str) -> str:
    if _SPECIAL.search(text) is None:
        return "'" + text.replace("'", "''") + "'"
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _SPECIAL.match(ch):
            if code <= 0xFF:
                out.append(f"\\x{code:02X}")
            else:
                out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


_ESCAPES = {
    "\0": "\\0",
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def scalar(value: Any, *, flow: bool = False) -> str:
    """One-line YAML of a scalar that reads back as the same value."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        if not any(c in text for c in ".e"):
            text += ".0"
        return text
    if isinstance(value, str):
        return value if _plain_ok(value, flow=flow) else _quoted(value)
    raise TypeError(f"cannot write a {type(value).__name__} as YAML")


def _folded(text: str, indent: int) -> list[str]:
    """The content lines of a folded block scalar, wrapped past :data:`WIDTH`."""
    pad = " " * indent
    lines: list[str] = []
    words = text.split(" ")
    line = pad + words[0]
    for word in words[1:]:
        if len(line) > WIDTH:
            lines.append(line)
            line = pad + word
        else:
            line += " " + word
    lines.append(line)
    return lines


# -- key order ----------------------------------------------------------------

_MODEL_BY_LIST = {
    "history": "HistoryEntry",
    "preamble": "PreambleSection",
    "operative": "OperativeSection",
    "items": "Item",
    "clauses": "Clause",
    "deadlines": "Deadline",
    "footnotes": "Footnote",
    "annexes": "Annex",
}


@cache
def _fields(model: str) -> dict[str, int]:
    from itures.model import resolution

    cls = getattr(resolution, model)
    return {name: i for i, name in enumerate(cls.model_fields)}


def model_order(path: Path, keys: list[str]) -> list[str]:
    """Keys of the mapping at ``path`` of a resolution, in model order."""
    model: str | None = None
    if not path:
        model = "Resolution"
    elif len(path) >= 2 and isinstance(path[-1], int) and isinstance(path[-2], str):
        model = _MODEL_BY_LIST.get(path[-2])
    if model is None:
        return keys
    order = _fields(model)
    return sorted(keys, key=lambda k: (0, order[k], "") if k in order else (1, 0, ""))


# -- the emitter --------------------------------------------------------------


class _Emitter:
    def __init__(self, comments: Comments, order: Callable[[Path, list[str]], list[str]]) -> None:
        self.c = comments
        self.order = order
        self.lines: list[str] = []

    def comment_lines(self, comments: list[str], col: int) -> None:
        self.lines.extend(" " * col + c.lstrip(" ") for c in comments)

    def line(self, text: str, trailing: list[str]) -> None:
        if not trailing:
            self.lines.append(text)
        elif trailing[0].startswith(" "):
            self.lines.append(f"{text}{trailing[0]}")
        else:
            self.lines.append(f"{text}  {trailing[0]}")

    def _flow_list(self, value: list[Any], path: Path) -> str | None:
        if not value or not all(isinstance(v, str) and 0 < len(v) < FLOW_ITEM for v in value):
            return None
        for i in range(len(value)):
            if (*path, i) in self.c.leading or (*path, i) in self.c.trailing:
                return None
        return "[" + ", ".join(scalar(v, flow=True) for v in value) + "]"

    def value(self, head: str, value: Any, path: Path, col: int, trailing: list[str]) -> None:
        """Emit ``head`` (``key:`` or ``-``, already indented) and its value."""
        if isinstance(value, dict):
            if not value:
                self.line(f"{head} {{}}", trailing)
            elif head.endswith("-"):
                self.mapping(value, path, col + 2, first=head + " ", trailing=trailing)
            else:
                self.line(head, trailing)
                self.mapping(value, path, col + 2)
        elif isinstance(value, list):
            flow = "[]" if not value else self._flow_list(value, path)
            if flow is not None:
                self.line(f"{head} {flow}", trailing)
            else:
                self.line(head, trailing)
                self.sequence(value, path, col + 2)
        elif isinstance(value, str) and _foldable(value):
            self.line(f"{head} >-", trailing)
            self.lines.extend(_folded(value, col + 2))
        else:
            self.line(f"{head} {scalar(value)}", trailing)

    def mapping(
        self,
        value: dict[str, Any],
        path: Path,
        col: int,
        *,
        first: str | None = None,
        trailing: list[str] | None = None,
    ) -> None:
        keys = self.order(path, list(value))
        for n, key in enumerate(keys):
            here = (*path, key)
            if n == 0 and first is not None:
                # the first key of a list entry shares its "- " line: its
                # comments were emitted by sequence(), with the entry's own
                self.value(first + scalar(key) + ":", value[key], here, col, trailing or [])
                continue
            trail = self.c.trailing.get(here, [])
            self.comment_lines(self.c.leading.get(here, []), col)
            self.comment_lines(trail[1:], col)
            self.value(" " * col + scalar(key) + ":", value[key], here, col, trail[:1])

    def sequence(self, value: list[Any], path: Path, col: int) -> None:
        for i, item in enumerate(value):
            here = (*path, i)
            lead = list(self.c.leading.get(here, []))
            trail = list(self.c.trailing.get(here, []))
            if isinstance(item, dict) and item:
                key = self.order(here, list(item))[0]
                lead += self.c.leading.get((*here, key), [])
                trail += self.c.trailing.get((*here, key), [])
            self.comment_lines(lead, col)
            self.comment_lines(trail[1:], col)
            self.value(" " * col + "-", item, here, col, trail[:1])

    def document(self, data: Any) -> str:
        self.comment_lines(self.c.header, 0)
        if isinstance(data, dict) and data:
            self.mapping(data, (), 0)
        elif isinstance(data, list) and data and self._flow_list(data, ()) is None:
            self.sequence(data, (), 0)
        elif data is not None or not (self.c.header or self.c.footer):
            self.value("", data, (), -2, [])
            self.lines[-1] = self.lines[-1].lstrip(" ")
        self.comment_lines(self.c.footer, 0)
        return "\n".join(self.lines) + "\n" if self.lines else ""


def emit(
    data: Any,
    comments: Comments | None = None,
    *,
    order: Callable[[Path, list[str]], list[str]] = model_order,
) -> str:
    """YAML text of plain data in the canonical layout, with ``comments`` in place."""
    return _Emitter(comments or Comments(), order).document(data)


def dump_data(data: Any) -> str:
    """YAML text of plain data in the canonical layout."""
    return emit(data)


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


class WriteRefused(OSError):
    """A path that is not written to, and why (``reason``, for an editor)."""

    def __init__(self, path: str, reason: str) -> None:
        import errno

        super().__init__(errno.EPERM, reason, path)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def target_of(path: str | os.PathLike[str], *, overwrite: bool = True) -> str:
    """The file a write to ``path`` creates or replaces, or why there is none.

    Decisions (the same for ``fmt``, ``import`` and ``render``):

    * nothing there: ``path`` itself;
    * a regular file: ``path`` (with ``overwrite=False``: :class:`FileExistsError`);
    * a symbolic link to a regular file: the file it points to, so the link
      stays a link and its target gets the new content (``fmt`` formats the
      file a link shares); a link to nothing, or a loop, is refused rather
      than followed (writing would create a file wherever it points), and
      with ``overwrite=False`` any link is an existing file;
    * a FIFO, a device, a socket, a directory: refused (:class:`WriteRefused`);
      replacing ``/dev/null`` by a file breaks the system;
    * a file with several hard links: refused, since replacing it would
      separate it from its other names.
    """
    import stat

    name = os.fspath(path)
    try:
        st = os.lstat(name)
    except FileNotFoundError:
        return name
    if not overwrite:
        raise FileExistsError(name)
    target = name
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.path.realpath(name, strict=True)
            st = os.stat(target)
        except OSError:
            raise WriteRefused(
                name, "a symbolic link to nothing (or a loop of links); not written"
            ) from None
    if not stat.S_ISREG(st.st_mode):
        kinds = (
            (stat.S_ISFIFO, "a FIFO"),
            (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"),
            (stat.S_ISSOCK, "a socket"),
            (stat.S_ISDIR, "a directory"),
        )
        kind = next((what for test, what in kinds if test(st.st_mode)), "something")
        raise WriteRefused(name, f"{kind}, not a regular file; not written")
    if st.st_nlink > 1:
        raise WriteRefused(
            name,
            f"a file with {st.st_nlink} hard links, which replacing it would separate; "
            "not written (make it a file of its own first)",
        )
    return target


def write_atomic(path: str | os.PathLike[str], text: str, *, overwrite: bool = True) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename.

    A failure leaves any existing file untouched. With ``overwrite=False`` an
    existing file raises :class:`FileExistsError`. What is written to is
    decided by :func:`target_of` (a link's target; never a FIFO or a device:
    :class:`WriteRefused`). An existing file keeps its permissions, and its
    owner and group when the writer may set them (root).
    """
    target = target_of(path, overwrite=overwrite)
    directory = os.path.dirname(os.path.abspath(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".itures-", suffix=".tmp", dir=directory)
    except OSError as exc:
        # (said of the file to write, not of the temporary name it would have had)
        raise type(exc)(exc.errno, exc.strerror, os.fspath(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            st: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            st = None
        if st is not None:
            os.chmod(tmp, st.st_mode & 0o7777)
            if hasattr(os, "chown") and os.geteuid() == 0:
                os.chown(tmp, st.st_uid, st.st_gid)
                os.chmod(tmp, st.st_mode & 0o7777)  # chown clears set-user-ID bits
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        if not overwrite:
            os.link(tmp, target)  # fails if target appeared meanwhile
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.filename in (tmp, None) and exc.errno is not None:
            raise type(exc)(exc.errno, exc.strerror, os.fspath(path)) from None
        raise
