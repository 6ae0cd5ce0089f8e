"""The fast, positioned read path.

Parsing is where a corpus check spends its time, so documents are read with
libyaml (PyYAML's ``CSafeLoader`` parser and composer, written in C) and turned
into plain Python data by a small constructor of our own. Three properties
matter and are tested:

* **YAML 1.2 core schema**, the same implicit typing as ruamel.yaml (used for
  writing): ``no``/``on`` stay strings, ``010`` is the integer 10, and
  timestamps stay strings (a date in a text field is text).
* **Refusals** reported as ``yaml-syntax``, each at its position: duplicate
  keys, anchors and aliases, tab characters, NEL/LS/PS characters, tags
  other than the core ones (and core-tagged values not of their type),
  non-string keys, several documents in one file, bytes that are not UTF-8,
  NUL and control characters, integers of more than 1,000 digits, nesting
  deeper than :data:`MAX_DEPTH`. Never an exception other than
  :class:`YamlSyntaxError` (``tests/test_bad_input.py``, ``tests/test_fuzz.py``).
* **Positions**: any JSON Pointer into the data can be turned into the line
  and column of its key or value (:meth:`Document.locate`), from the node
  tree, kept by the documents read last and composed again from the text
  for the others when first needed.

Speed (measured by ``bench/run.py``): libyaml composes the node tree; our
resolver only marks plain scalars, and the YAML 1.2 typing, done while the
tree becomes data, skips scalars whose first character cannot start a number,
boolean or null; the event pass that finds anchors runs only on texts that
could hold one; only the documents read last keep their tree.
"""

from __future__ import annotations

import contextlib
import operator
import re
from collections import deque
from functools import cache
from itertools import accumulate
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from itures.diagnostics import Diagnostic, pointer_from
from itures.i18n import tr

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

__all__ = ["Document", "YamlSyntaxError", "parse_text", "read_document"]

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
# Tags whose scalars are read as strings: YAML 1.2 has no timestamps, and the
# merge key, value key and "yaml" tags are YAML 1.1 oddities.
_AS_STRING = {
    _STR,
    _TIMESTAMP,
    "tag:yaml.org,2002:merge",
    "tag:yaml.org,2002:value",
    "tag:yaml.org,2002:yaml",
}


# The tag our resolver gives every plain scalar: typing is done by
# :func:`_plain` while the tree is turned into data (one Python call less per
# scalar than PyYAML's resolver, which the C composer calls for each node).
_PLAIN = "itures:plain"


class _Loader(_BaseLoader):
    """libyaml parser + composer with the YAML 1.2 core implicit resolvers.

    ``resolve`` only tells plain scalars from the others; the YAML 1.2 core
    typing of plain scalars happens in :func:`_plain`. There are no path
    resolvers, so the composer's descend/ascend hooks do nothing.
    """

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012  (filled by _add below)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP

    # The C composer calls these two hooks around every node, for path
    # resolvers, which this loader has none of. C callables that ignore their
    # arguments save two Python calls per node (about 7% of a parse):
    # ``operator.is_(parent, index)`` and ``tuple()`` have no effect.
    descend_resolver = operator.is_  # type: ignore[assignment]
    ascend_resolver = tuple  # type: ignore[assignment]


# first character of a plain scalar -> the (tag, pattern) pairs to try, in order
_RESOLVERS: dict[str, list[tuple[str, re.Pattern[str]]]] = _Loader.yaml_implicit_resolvers


def _add(tag: str, pattern: str, first: str) -> None:
    rx = re.compile(pattern, re.X)
    for ch in first:
        _RESOLVERS.setdefault(ch, []).append((tag, rx))


# The YAML 1.2 core schema as ruamel.yaml resolves it (bool, int, float, null,
# timestamp); a test compares both on many scalars.
_add(_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_add(
    _FLOAT,
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    "-+0123456789.",
)
_add(
    _INT,
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""",
    "-+0123456789",
)
_add(_NULL, r"^(?:~|null|Null|NULL|)$", "~nN\x00")
_add(
    _TIMESTAMP,
    r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
    (?:[Tt]|[ \t]+)[0-9][0-9]?
    :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
    (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
    "0123456789",
)
# patterns by tag, to check the values of explicitly tagged scalars (!!int 12)
_PATTERNS: dict[str, re.Pattern[str]] = {
    tag: rx for resolvers in _RESOLVERS.values() for tag, rx in resolvers
}


class YamlSyntaxError(Exception):
    """Raised by :func:`parse_text`; carries a ready ``yaml-syntax`` message."""

    def __init__(
        self,
        message: str,
        line: int,
        column: int,
        help: str | None = None,
        end_line: int = 0,
        end_column: int = 0,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.help = help
        self.end_line = end_line
        self.end_column = end_column


# Integers are years and counts: one of more than 1,000 digits is refused
# (Python itself will not convert one of more than 4,300 decimal digits).
_MAX_DIGITS = 1000
_MAX_INT_BITS = 3322  # 1,000 decimal digits


class _TooLarge(ValueError):
    pass


def _int(text: str) -> int:
    """An integer of the core schema.

    Raises :class:`_TooLarge` beyond 1,000 digits, ValueError for a pattern
    match without digits (``0x_``, ``+_``).
    """
    s = text.replace("_", "")
    sign = -1 if s.startswith("-") else 1
    s = s.lstrip("+-")
    if s.startswith("0b"):
        n = int(s[2:], 2)
    elif s.startswith("0x"):
        n = int(s[2:], 16)
    elif s.startswith("0o"):
        n = int(s[2:], 8)
    elif len(s) > _MAX_DIGITS:
        raise _TooLarge(text)
    else:
        n = int(s, 10)
    if n.bit_length() > _MAX_INT_BITS:
        raise _TooLarge(text)
    return sign * n


def _float(text: str) -> float:
    s = text.replace("_", "").lower()
    if s.endswith((".inf", "inf")) and "inf" in s:
        return float("-inf") if s.startswith("-") else float("inf")
    if "nan" in s:
        return float("nan")
    return float(s)


def _typed(tag: str, value: str) -> Any:
    """The Python value of a core-schema scalar whose ``tag`` matched."""
    if tag == _INT:
        return _int(value)
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() == "true"
    if tag == _FLOAT:
        return _float(value)
    return value  # timestamps stay strings


# The plain scalars that cannot start a number but are not text: the booleans
# and nulls of the core schema, typed as their patterns type them (which end
# with ``$``, a match also before a final line break: "true\n" is False).
_WORDS: dict[str, Any] = {
    text: _typed(tag, text)
    for tag, words in ((_BOOL, "true True TRUE false False FALSE"), (_NULL, "~ null Null NULL"))
    for word in words.split()
    for text in (word, word + "\n")
}
# What a number (or a timestamp) of the core schema can start with: a plain
# scalar that starts otherwise is text or one of the _WORDS.
_NUMERIC = frozenset("-+0123456789.")


def _plain(value: str) -> Any:
    """A plain (unquoted) scalar typed by the YAML 1.2 core schema.

    The patterns are tried only on a scalar that starts like a number (and
    not on one of plain ASCII digits, always an integer); any other is text,
    or one of the few :data:`_WORDS`.
    """
    if not value:
        return None
    if value[0] not in _NUMERIC:
        return _WORDS.get(value, value)
    if value.isdigit() and value.isascii():
        return _int(value)
    for tag, rx in _RESOLVERS[value[0]]:
        if rx.match(value):
            return _typed(tag, value)
    return value


def plain_scalar(value: str) -> Any:
    """What a plain (unquoted) scalar reads as: the writer asks before it omits quotes."""
    return _plain(value)


def _scalar(node: ScalarNode) -> Any:
    """A scalar with an explicit tag (``!!int 12``), or a quoted one."""
    tag = node.tag
    value: str = node.value
    if tag == _PLAIN:
        return _plain(value)
    if tag in _AS_STRING:
        return value
    rx = _PATTERNS.get(tag)
    if rx is None:
        raise _node_error(
            node,
            tr("tag '{tag}' is not allowed; write plain YAML without tags", tag=tag),
            _no_tags(),
        )
    if not rx.match(value):
        raise _node_error(
            node,
            tr("'{value}' is not a valid {type}", value=value, type=tag.rsplit(":", 1)[-1]),
            _no_tags(),
        )
    return _typed(tag, value)


def _node_error(node: Node, message: str, help: str | None = None) -> YamlSyntaxError:
    mark = node.start_mark
    end = node.end_mark
    end_line, end_column = end.line + 1, end.column  # end_mark is past the last character
    if end_line != mark.line + 1:
        end_line, end_column = mark.line + 1, mark.column + 1
    return YamlSyntaxError(message, mark.line + 1, mark.column + 1, help, end_line, end_column)


def _no_tags() -> str:
    return tr(
        "remove the tag (the word that starts with '!'); a text that starts with '!' goes in quotes"
    )


# Resolutions nest a few levels deep (an item of an item of a section); a
# document nested deeper than this is refused where it gets too deep, before
# any recursive code (ours, the models', the rules') can overflow the stack.
MAX_DEPTH = 100


def _construct(node: Node, depth: int = 0) -> Any:
    """Plain data from a node tree, refusing duplicate and non-scalar keys.

    Anchors and aliases never reach here (:func:`_check_anchors`), so every
    node is visited once. ``depth`` is the node's nesting: a mapping or a
    list at :data:`MAX_DEPTH` is refused.

    The loops of :func:`_mapping` and :func:`_sequence` read the scalars in
    them without a call each when they are text (a quoted or block scalar,
    or a plain one that cannot start a number): most of a document's values,
    and all but a few of its keys.
    """
    cls = node.__class__
    if cls is ScalarNode:
        return _scalar_value(node)  # type: ignore[arg-type]
    if depth >= MAX_DEPTH:
        raise _node_error(
            node,
            tr("nested more than {depth} levels deep", depth=MAX_DEPTH),
            _nesting_help(),
        )
    if cls is MappingNode:
        return _mapping(node, depth + 1)  # type: ignore[arg-type]
    if cls is SequenceNode:
        return _sequence(node, depth + 1)  # type: ignore[arg-type]
    raise _node_error(node, "unexpected YAML node")  # pragma: no cover


def _scalar_value(node: ScalarNode) -> Any:
    """The value of a scalar node, any scalar (:func:`_scalar` for the typed ones)."""
    value: str = node.value
    if node.tag == _STR:
        return value
    try:
        return _scalar(node)
    except _TooLarge:
        raise _node_error(
            node,
            tr("integer too large (more than 1,000 digits)"),
            tr("a year or a count has a few digits; if this is text, put it in quotes"),
        ) from None
    except ValueError:  # "0x_", "._": the number patterns, but no digits
        raise _node_error(
            node,
            tr(
                "'{value}' looks like a number but is not one; quote it if it is text",
                value=value,
            ),
            tr("write it in quotes: '{value}'", value=value),
        ) from None


# the tags of keys read as they are written
_NAMES = frozenset((_PLAIN, _STR))


def _mapping(node: MappingNode, depth: int) -> dict[str, Any]:
    """A mapping node's data; ``depth`` is its values' nesting."""
    if node.tag != _MAP:
        raise _node_error(node, tr("tag '{tag}' is not allowed", tag=node.tag), _no_tags())
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is not ScalarNode:
            raise _node_error(
                key_node,
                tr("mapping keys must be plain strings"),
                tr("write each key as a plain word followed by ': ' (title: ...)"),
            )
        tag = key_node.tag
        if tag in _NAMES:
            k = key_node.value
        else:
            k = _scalar_value(key_node)
            if not isinstance(k, str):
                k = key_node.value  # keys are names: `!!int 1:` is the key "1"
        if k in result:
            raise _duplicate(node, key_node, k)
        if value_node.__class__ is ScalarNode:
            tag = value_node.tag
            value = value_node.value
            if tag == _STR:
                result[k] = value
            elif tag == _PLAIN and value and value[0] not in _NUMERIC:
                result[k] = _WORDS.get(value, value)
            else:
                result[k] = _scalar_value(value_node)
        else:
            result[k] = _construct(value_node, depth)
    return result


def _sequence(node: SequenceNode, depth: int) -> list[Any]:
    """A sequence node's data; ``depth`` is its entries' nesting."""
    if node.tag != _SEQ:
        raise _node_error(node, tr("tag '{tag}' is not allowed", tag=node.tag), _no_tags())
    result: list[Any] = []
    append = result.append
    for child in node.value:
        if child.__class__ is ScalarNode:
            tag = child.tag
            value = child.value
            if tag == _STR:
                append(value)
            elif tag == _PLAIN and value and value[0] not in _NUMERIC:
                append(_WORDS.get(value, value))
            else:
                append(_scalar_value(child))
        else:
            append(_construct(child, depth))
    return result


def _duplicate(mapping: Node, key_node: Node, key: str) -> YamlSyntaxError:
    """A key given twice in one mapping: where the first one is, and the likely fix."""
    first = next(
        k
        for k, _ in mapping.value
        if isinstance(k, ScalarNode) and k is not key_node and (k.value == key_node.value)
    )
    return _node_error(
        key_node,
        tr(
            "duplicate key '{key}' (already on line {line})",
            key=key,
            line=first.start_mark.line + 1,
        ),
        tr(
            "a new entry of the list whose '- ' was lost? write '- ' in place of the two "
            "blanks before '{key}' (at column {column}); else remove one of the two",
            key=key,
            column=key_node.start_mark.column - 1,
        )
        if first is mapping.value[0][0] and key_node.start_mark.column >= 2
        # (the entry's first key again: most likely the next entry, its '- ' lost)
        else tr(
            "remove one of the two; if this line starts a new entry of a list, begin it with '- '"
        ),
    )


def _check_anchors(text: str) -> None:
    """Refuse anchors (and aliases) even when nothing would be repeated."""
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            mark = event.start_mark
            assert mark is not None
            raise YamlSyntaxError(
                tr("aliases (*name) are not allowed; write the content out")
                if isinstance(event, yaml.AliasEvent)
                else tr("anchors (&name) are not allowed; write the content out"),
                mark.line + 1,
                mark.column + 1,
                tr(
                    "write the repeated content out in full; a text that starts with '&' or '*' "
                    "goes in quotes"
                ),
            )


# Where an anchor (&name) or alias (*name) could start: "&" or "*" not after
# an ASCII letter or digit, and followed by a name character. Every anchor
# token of libyaml matches (a token never starts right after a letter or
# digit; anchor names are [0-9A-Za-z_-]); "R&D", "A & B" and "[^*]" do not,
# so the event pass of _check_anchors runs only on the few texts that might
# hold one.
_NAME_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-")


def _maybe_anchor(text: str) -> bool:
    """Whether an anchor or alias could start in ``text`` (see above).

    Each "&" and "*" is found with :meth:`str.find`: a regular expression
    searching for them looks at every character (most texts have none, the
    others a few, but a regular expression scan of a long text costs about
    a hundred times more).
    """
    for mark in "&*":
        i = text.find(mark)
        while i >= 0:
            if text[i + 1 : i + 2] in _NAME_CHARS and (
                i == 0 or not (text[i - 1].isascii() and text[i - 1].isalnum())
            ):
                return True
            i = text.find(mark, i + 1)
    return False


# The characters libyaml's reader refuses (outside YAML 1.1's printable set).
# Compiled when a file holds one (its set costs ~10 ms to compile, at every
# start of a process, for a message most runs never give).
_UNPRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


@cache
def _unprintable() -> re.Pattern[str]:
    return re.compile(_UNPRINTABLE)


def _read_wrong_at(text: str, index: int) -> tuple[str, str] | None:
    """(the words, what they read), quoted, when the character at ``index``
    is part of words in UTF-8 read as Latin-1 on its line (see
    :func:`itures.textscan.glyphs`); None otherwise."""
    from itures import textscan

    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    line = text[start : end if end >= 0 else len(text)]
    found = [a for a in textscan.glyphs(line) if a.kind == "mojibake"]
    if not found or not found[0].start <= index - start < found[0].end:
        return None
    pairs = [(w, m) for w, m in textscan.read_wrong_words(found[0]) if w]
    return ", ".join(w for w, _ in pairs), ", ".join(m for _, m in pairs)


def _position_of(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


# Line breaks in YAML 1.1 (libyaml) but text in YAML 1.2 (ruamel.yaml, which
# writes the files): raw in a file, the two would read different data and the
# positions would disagree with editors. Written as escapes they are fine.
_ODD_BREAKS = {
    "\x85": ("next-line character (NEL, U+0085)", "\\N"),
    "\u2028": ("line separator (U+2028)", "\\L"),
    "\u2029": ("paragraph separator (U+2029)", "\\P"),
}


def _refuse_odd_breaks(text: str) -> None:
    found = [(i, ch) for ch in _ODD_BREAKS if (i := text.find(ch)) >= 0]
    if found:
        index, ch = min(found)
        name, escape = _ODD_BREAKS[ch]
        line, column = _position_of(text, index)
        raise YamlSyntaxError(
            f"{name}: YAML tools disagree on whether it breaks the line; remove it, "
            f'or write it as {escape} inside a double-quoted text ("...")',
            line,
            column,
        )


def _between_chinese(text: str, at: int) -> bool:
    """Whether the tab at ``at`` (and the tabs beside it) stands between two
    Chinese characters or marks ("之间\t的"): typed in a Chinese text, where
    one space would be a blank Chinese does not write either."""
    start, end = at, at
    while start > 0 and text[start - 1] == "\t":
        start -= 1
    while end < len(text) and text[end] == "\t":
        end += 1
    if start == 0 or end == len(text):
        return False
    return all(
        "\u3000" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uffef"
        for c in (text[start - 1], text[end])
    )


def _tab_indent_help(text: str, at: int) -> str | None:
    """For a tab in a line's indentation: the column to indent the line to
    with spaces, as the line above it that is indented (a text's lines are
    indented alike); None for a tab elsewhere, or no such line above."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    if text[start:at].strip(" \t") or not text[at : end if end >= 0 else None].strip():
        return None
    k = start - 1
    while k > 0:
        above = text.rfind("\n", 0, k) + 1
        line = text[above:k]
        if line.strip() and not line.lstrip().startswith("#") and "\t" not in line:
            indent = len(line) - len(line.lstrip(" "))
            value = line.rstrip()
            if value.endswith(":") or value.endswith((">-", ">", "|", "|-")):
                indent += 2  # (the key that this line is the value of)
            return tr(
                "indent the line with spaces, to column {column} (as line {line} says), not "
                "with a tab",
                column=indent + 1,
                line=text.count("\n", 0, above) + 1,
            )
        k = above - 1
    return None


def parse_text(text: str, utf8: bytes | None = None) -> tuple[Any, Node | None]:
    """Parse one YAML document; return ``(data, root node)``.

    Raises :class:`YamlSyntaxError` with a 1-based position for anything the
    reader refuses. ``utf8``, when the caller has it, is ``text`` encoded as
    UTF-8 (without a BOM): libyaml reads that, which saves encoding the text
    again (libyaml reads UTF-8; its marks count characters, so they are the
    same for both).
    """
    tab = text.find("\t")
    if tab >= 0:
        line, column = _position_of(text, tab)
        # a tab after what the line says, with nothing after it but blanks or
        # a comment ("language: en<TAB>"): neither indentation nor a separator
        start = text.rfind("\n", 0, tab) + 1
        end = text.find("\n", tab)
        rest = text[tab : end if end >= 0 else None].strip(" \t")
        line_text = text[start:tab].strip(" \t")
        if line_text and not line_text.startswith("#") and (not rest or rest.startswith("#")):
            raise YamlSyntaxError(
                tr(
                    "tab character after the value, at the end of the line: itures reads no "
                    "tabs in a resolution file"
                )
                if not rest
                else tr(
                    "tab character between the value and its comment: itures reads no tabs "
                    "in a resolution file"
                ),
                line,
                column,
                tr("delete the tab") if not rest else tr("replace the tab with a space"),
            )
        raise YamlSyntaxError(
            tr(
                "tab character: YAML does not allow tabs for indentation, and in a text a tab "
                "is usually a label separator left by Word"
            ),
            line,
            column,
            tr("delete the tab: Chinese writes no blank between its characters")
            if _between_chinese(text, tab)
            else _tab_indent_help(text, tab)
            or tr(
                "replace the tab with spaces: two per indentation level, or one space inside a text"
            ),
        )
    if not text.isascii():
        _refuse_odd_breaks(text)
    try:
        if _maybe_anchor(text):
            with contextlib.suppress(yaml.MarkedYAMLError):  # reported below by compose
                _check_anchors(text)
        root = _compose(text, utf8)
    except yaml.MarkedYAMLError as exc:
        from itures.yamlio.explain import Explained, explain

        try:
            said = explain(text, exc)
        except Exception:  # pragma: no cover - explain is total (tests/test_yaml_messages.py)
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            said = Explained(exc.problem or "invalid YAML", None, line, column)
        raise YamlSyntaxError(
            said.message, said.line, said.column, said.help, said.end_line, said.end_column
        ) from None
    except yaml.YAMLError as exc:  # reader errors (characters YAML refuses) have no mark
        found = _unprintable().search(text)
        if found is None:  # pragma: no cover - libyaml and the pattern agree
            raise YamlSyntaxError(str(exc).splitlines()[0], 1, 1) from None
        line, column = _position_of(text, found.start())
        code = "U+" + format(ord(found.group()), "04X")
        read_wrong = _read_wrong_at(text, found.start())
        if read_wrong is not None:
            # a C1 control of words in UTF-8 read as Windows-1252 ("Ñ‡Ñ‚Ð¾ Ñ‚ÐµÑ\x81")
            words, meant = read_wrong
            raise YamlSyntaxError(
                tr(
                    "control character {code} is not allowed in YAML: it is part of words in "
                    "UTF-8 read as Latin-1 or Windows-1252 ({words}: they read {meant})",
                    code=code,
                    words=words,
                    meant=meant,
                ),
                line,
                column,
                tr("write the words as they read ({meant})", meant=meant),
            ) from None
        raise YamlSyntaxError(
            tr("control character {code} is not allowed in YAML; remove it", code=code),
            line,
            column,
            tr("delete the character (it is invisible in most editors: retype the word around it)"),
        ) from None
    except UnicodeEncodeError as exc:  # a str holding lone surrogates: not from a file
        line, column = _position_of(text, exc.start)
        raise YamlSyntaxError(
            tr("lone surrogate character: this is not Unicode text"), line, column
        ) from None
    except RecursionError:  # pragma: no cover - libyaml stops at depth 1,000
        raise YamlSyntaxError(
            tr("the document is nested too deeply"), 1, 1, _nesting_help()
        ) from None
    if root is None:
        return None, None
    try:
        return _construct(root), root
    except RecursionError:
        raise YamlSyntaxError(
            tr("the document is nested too deeply"), 1, 1, _nesting_help()
        ) from None


def _compose(text: str, utf8: bytes | None) -> Node | None:
    """The node tree of ``text``, composed from its UTF-8 bytes ``utf8`` if given.

    A document libyaml refuses is composed again from ``text``: its errors
    are then exactly those of the text (the name of the stream in their
    marks differs between the two).
    """
    if utf8 is not None:
        try:
            return yaml.compose(utf8, Loader=_Loader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_Loader)


def newlines(text: str) -> str:
    """``text`` with its line breaks written ``\\n``: CRLF and a lone CR (old Mac
    files) are one line break each, as YAML reads them.

    One notion of lines everywhere: the reader, the positions of findings, the
    suppression comments and the excerpts of the text report all count lines
    on the text this returns. NEL, U+2028 and U+2029, which YAML 1.1 and 1.2
    read differently, are refused by the reader (``yaml-syntax``).
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def line_end(text: str) -> str:
    """How ``text`` ends its lines, for what is written back into it: CR LF
    when every line break is one (an editor on Windows), else LF."""
    return "\r\n" if "\r\n" in text and text.count("\n") == text.count("\r\n") else "\n"


def with_line_end(text: str, end: str) -> str:
    """``text`` (its lines ended by LF, or already by ``end``) with its lines
    ended by ``end`` (:func:`line_end`)."""
    if end == "\n":
        return text
    return text.replace("\r\n", "\n").replace("\n", end)


def decode(data: bytes) -> str:
    """Decode file bytes as UTF-8 (an initial BOM is allowed) or raise.

    The first offending byte is reported: an invalid UTF-8 sequence, or a NUL
    (UTF-16 without a BOM is mostly NULs and ASCII, and decodes "fine").
    Line breaks are normalised (:func:`newlines`).
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise YamlSyntaxError(tr("the file is UTF-32; save it as UTF-8"), 1, 1, _utf8_help())
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlSyntaxError(tr("the file is UTF-16; save it as UTF-8"), 1, 1, _utf8_help())
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    other = _other_kind(data)
    if other is not None:  # a document of another kind, given by mistake
        raise YamlSyntaxError(other[0], 1, 1, other[1])
    nul = data.find(b"\x00")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if 0 <= nul < exc.start:
            raise _nul_error(data, nul) from None
        line, column = _byte_position(data, exc.start)
        half = data[exc.start : exc.start + 3]
        if (
            len(half) == 3
            and half[0] == 0xED
            and 0xA0 <= half[1] <= 0xBF
            and 0x80 <= half[2] <= 0xBF
        ):
            # (a surrogate written as UTF-8: half of a character outside the
            # Basic Multilingual Plane, an emoji or a rare ideograph, cut by a
            # paste; an editor's buffer can hold one, a UTF-8 file cannot. Its
            # three bytes all as UTF-8 writes them: "\xed\xa1" before a byte
            # that continues nothing is invalid UTF-8, told as such)
            raise YamlSyntaxError(
                tr(
                    "half of a character ({code}, a surrogate without its other half): "
                    "a paste or a conversion cut a character in two",
                    code=f"U+{ord(half.decode('utf-8', 'surrogatepass')):04X}",
                ),
                line,
                column,
                tr("delete it, or paste the whole character again"),
            ) from None
        raise YamlSyntaxError(
            tr(
                "invalid UTF-8 (byte {byte}); save the file as UTF-8",
                byte="0x" + format(data[exc.start], "02x"),
            ),
            line,
            column,
            _utf8_help(),
        ) from None
    if nul >= 0:
        raise _nul_error(data, nul)
    return newlines(text)


def _other_kind(data: bytes) -> tuple[str, str] | None:
    """(what the file is, what to do) for a file of another kind that a
    resolution's source may be: a .docx, a .doc, a PDF."""
    if data.startswith(b"PK\x03\x04"):
        return (
            tr("a zip package such as a Word document (.docx), not a resolution file (YAML text)"),
            tr("import it into a resolution file: itures import FILE -o OUT.yaml"),
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            tr("an older Word document (.doc), not a resolution file (YAML text)"),
            tr("save it as .docx in Word, then import it: itures import FILE -o OUT.yaml"),
        )
    if data.startswith(b"%PDF-"):
        return (
            tr("a PDF document, not a resolution file (YAML text)"),
            tr("give the resolution's YAML file"),
        )
    return None


def _nul_error(data: bytes, nul: int) -> YamlSyntaxError:
    line, column = _byte_position(data, nul)
    return YamlSyntaxError(
        tr("NUL character: this is not UTF-8 text (a binary file, or UTF-16 without a BOM?)"),
        line,
        column,
        _utf8_help(),
    )


def _utf8_help() -> str:
    return tr(
        "in your editor, save the file with the encoding UTF-8 (without BOM); a resolution file "
        "is plain text"
    )


def _nesting_help() -> str:
    return tr("a resolution nests a few levels (section, item, sub-item); check the indentation")


def _byte_position(data: bytes, index: int) -> tuple[int, int]:
    """Line and column of the character that starts at byte ``index``."""
    prefix = newlines(data[:index].decode("utf-8", errors="replace"))
    return _position_of(prefix + "?", len(prefix))


_UNSET: Any = object()
# (node at a path or the deepest along it, key node of its last step, whether
# the path is all in the tree): see :meth:`Document.along`
Along = tuple[Node | None, Node | None, bool]
# Mappings of at most this many keys are searched in order by :meth:`Document.along`
_SCAN = 4
# How far after a node's start :meth:`Document.line_column` counts lines from it
_NEAR = 4096


class Document:
    """A parsed YAML file: its data and, for positions, its node tree.

    The node tree is not kept for long after reading: a corpus of thousands
    of files would hold millions of nodes for the few diagnostics that need a
    position, and the garbage collector would walk them all again and again.
    The documents read last keep theirs (:data:`RECENT_TREES`: a file's
    findings are positioned right after it is read and checked); the others
    compose it again from :attr:`text` the first time :meth:`locate` needs it
    (libyaml is deterministic: the same positions), then keep it.
    """

    __slots__ = ("_keys", "_root", "_starts", "data", "path", "tables", "text")

    def __init__(self, path: str, text: str, data: Any, root: Node | None = _UNSET) -> None:
        self.path = path
        self.text = text
        self.data = data
        self._root = root
        self._starts: list[int] | None = None
        self._keys: dict[int, dict[str, tuple[Node, Node]]] = {}
        # what :mod:`itures.rules.position` learnt of the scalars of the tree,
        # by the id of their node (forgotten with the tree)
        self.tables: dict[int, Any] = {}

    def line_column(self, index: int, near: Node | None = None) -> tuple[int, int]:
        """1-based (line, column) of character ``index`` of :attr:`text`.

        ``near`` is a node that starts at or before ``index`` (the one a
        finding is in): when it starts close before it, the line breaks between
        the two are counted from the node's start (whose line and column
        libyaml gives). Otherwise the line starts of the whole text are
        computed once, so that positioning many findings costs a binary search
        each, not a scan of the text (most files have a few findings, in
        paragraphs of a few lines: the table of their lines is never made).
        """
        if near is not None:
            mark = near.start_mark
            start = mark.index
            if 0 <= index - start <= _NEAR:
                text = self.text
                breaks = text.count("\n", start, index)
                if breaks:
                    return mark.line + breaks + 1, index - text.rfind("\n", start, index)
                return mark.line + 1, mark.column + 1 + index - start
        if self._starts is None:
            lines = self.text.split("\n")
            # 0, then one past each line break: the lengths of the lines before, plus one each
            self._starts = list(accumulate(map((1).__add__, map(len, lines[:-1])), initial=0))
        import bisect

        i = bisect.bisect_right(self._starts, index) - 1
        return i + 1, index - self._starts[i] + 1

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, data={self.data!r})"

    def _drop_tree(self) -> None:
        """Forget the node tree read with the text (composed again when needed)."""
        self._root = _UNSET
        self._keys = {}
        self.tables = {}

    @property
    def root(self) -> Node | None:
        """The root node (None for an empty document), composed on first use."""
        if self._root is _UNSET:
            try:
                self._root = yaml.compose(self.text, Loader=_Loader)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def locate(
        self, parts: tuple[str | int, ...] | list[str | int], *, key: bool = False
    ) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``parts``.

        With ``key=True`` the position of the mapping key itself is given
        (for an unknown key). A path that leaves the tree stops at the deepest
        node found, so every position is a real place in the file.
        """
        if self.root is None:
            return 1, 1
        node, key_node, _ = self.along(parts)
        if key and key_node is not None:  # (a key node only when the path is all in the tree)
            return key_node.start_mark.line + 1, key_node.start_mark.column + 1
        mark = node.start_mark  # type: ignore[union-attr]
        return mark.line + 1, mark.column + 1

    def along(self, parts: tuple[str | int, ...] | list[str | int]) -> Along:
        """Where the path ``parts`` leads in the tree: ``(node, key, whole)``.

        ``node`` is the node at ``parts`` or, when the path leaves the tree,
        the deepest one along it (``whole`` False); ``key`` the key node of
        the path's last step when that step is a mapping's (else None). The
        one walk down the tree that :meth:`locate`, :meth:`span_end` and the
        positions of findings (:mod:`itures.rules.position`) start from.

        The keys of a large mapping are looked up in its index
        (:meth:`keys_of`); those of a small one (an entry's label and text,
        most steps of most paths, each walked once or twice) are read in
        order, which costs less than indexing them: the first equal key
        wins either way.
        """
        node = self.root
        key: Node | None = None
        indexes = self._keys
        for part in parts:
            if isinstance(node, MappingNode):
                name = part if type(part) is str else str(part)
                pairs = node.value
                if len(pairs) <= _SCAN:
                    for k, v in pairs:
                        if k.value == name and isinstance(k, ScalarNode):
                            key, node = k, v
                            break
                    else:
                        return node, None, False
                    continue
                keys = indexes.get(id(node))
                pair = (self.keys_of(node) if keys is None else keys).get(name)
                if pair is None:
                    return node, None, False
                key, node = pair
            elif (
                isinstance(node, SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                node = node.value[part]
                key = None
            else:
                return node, None, False
        return node, key, True

    def keys_of(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        """The keys of a mapping node, indexed the first time it is searched.

        A file with thousands of findings in one mapping (unknown keys) is
        positioned in linear time: each lookup is a dictionary access, not a
        scan of the mapping from its start. The first of equal keys wins, as
        a scan would find it.
        """
        keys = self._keys.get(id(node))
        if keys is None:
            keys = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    keys.setdefault(key_node.value, (key_node, value_node))
            self._keys[id(node)] = keys
        return keys

    def diagnostic(
        self,
        rule: str,
        message: str,
        parts: tuple[str | int, ...] | list[str | int] = (),
        *,
        severity: str = "error",
        key: bool = False,
        help: str | None = None,
    ) -> Diagnostic:
        """A diagnostic positioned at ``parts`` of this document, with its span."""
        line, column = self.locate(parts, key=key)
        end_line, end_column = self.span_end(parts, key=key)
        return Diagnostic(
            rule=rule,
            severity="warning" if severity == "warning" else "error",
            path=self.path,
            line=line,
            column=column,
            message=message,
            pointer=pointer_from(tuple(parts)),
            end_line=end_line,
            end_column=end_column,
            help=help,
        )

    def span_end(
        self, parts: tuple[str | int, ...] | list[str | int], *, key: bool = False
    ) -> tuple[int, int]:
        """Line and column (1-based, inclusive) where the span at ``parts`` ends.

        A scalar (or a key, with ``key``) is spanned whole; a list or mapping
        on its first line only (up to a comment); a path that leaves the tree
        gives the start (a one-character span).
        """
        node, key_node, whole = self.along(parts)
        if not whole:
            return self.locate(parts, key=key)
        if key and key_node is not None:
            node = key_node
        if node is None:
            return 1, 1
        text = self.text
        start = node.start_mark.index
        if isinstance(node, ScalarNode):
            stop = node.end_mark.index
        else:
            nl = text.find("\n", start)
            stop = len(text) if nl < 0 else nl
            hash_at = text.find(" #", start, stop)
            if hash_at >= 0:
                stop = hash_at
        j = min(stop, len(text)) - 1
        while j > start and text[j].isspace():
            j -= 1
        return self.line_column(max(j, start), node)


def read_document(path: str, data: bytes) -> Document | Diagnostic:
    """Parse file bytes into a :class:`Document`, or a ``yaml-syntax`` diagnostic."""
    try:
        text = decode(data)
        # the bytes are the text's UTF-8 unless decode took a BOM off or changed line breaks
        utf8 = None if data.startswith(b"\xef\xbb\xbf") or b"\r" in data else data
        parsed, root = parse_text(text, utf8)
    except YamlSyntaxError as exc:
        return Diagnostic(
            "yaml-syntax",
            "error",
            path,
            exc.line,
            exc.column,
            exc.message,
            None,
            exc.end_line,
            exc.end_column,
            exc.help,
        )
    return _recent(Document(path, text, parsed, root))


# How many of the documents read last keep the node tree they were read with
# (see :class:`Document`): the one being checked, and the one before it.
RECENT_TREES = 2
_RECENT: deque[Document] = deque()


def _recent(doc: Document) -> Document:
    """``doc``, keeping its tree while it is among the last documents read."""
    _RECENT.append(doc)
    if len(_RECENT) > RECENT_TREES:
        _RECENT.popleft()._drop_tree()
    return doc
