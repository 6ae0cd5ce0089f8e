"""The reader's construction of data, against the simpler one it replaced.

:func:`itures.yamlio.read._construct` reads the text scalars of mappings and
lists in their loops, and :func:`~itures.yamlio.read._plain` tries the
number patterns only on scalars that start like a number; the reader
composes from the file's bytes when they are the text's UTF-8. The
references below are the code before: the data, and every refusal (message,
position, help), must be the same.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from itures.diagnostics import Diagnostic
from itures.i18n import tr
from itures.yamlio import read as R
from tests.fuzzing import yaml_text

# -- the references: the code before ---------------------------------------------


def _old_plain(value: str) -> Any:
    if not value:
        return None
    resolvers = R._RESOLVERS.get(value[0])
    if resolvers is not None:
        for tag, rx in resolvers:
            if rx.match(value):
                return R._typed(tag, value)
    return value


def _old_scalar(node: ScalarNode) -> Any:
    tag = node.tag
    value: str = node.value
    if tag == R._PLAIN:
        return _old_plain(value)
    if tag in R._AS_STRING:
        return value
    rx = R._PATTERNS.get(tag)
    if rx is None:
        raise R._node_error(
            node,
            tr("tag '{tag}' is not allowed; write plain YAML without tags", tag=tag),
            R._no_tags(),
        )
    if not rx.match(value):
        raise R._node_error(
            node,
            tr("'{value}' is not a valid {type}", value=value, type=tag.rsplit(":", 1)[-1]),
            R._no_tags(),
        )
    return R._typed(tag, value)


def _old_construct(node: Node, depth: int = 0) -> Any:
    cls = node.__class__
    if cls is ScalarNode:
        tag = node.tag
        if tag == R._STR:
            return node.value
        value: str = node.value
        if tag == R._PLAIN and value and value[0] not in R._RESOLVERS:
            return value
        try:
            return _old_scalar(node)  # type: ignore[arg-type]
        except R._TooLarge:
            raise R._node_error(
                node,
                tr("integer too large (more than 1,000 digits)"),
                tr("a year or a count has a few digits; if this is text, put it in quotes"),
            ) from None
        except ValueError:
            raise R._node_error(
                node,
                tr(
                    "'{value}' looks like a number but is not one; quote it if it is text",
                    value=value,
                ),
                tr("write it in quotes: '{value}'", value=value),
            ) from None
    if depth >= R.MAX_DEPTH:
        raise R._node_error(
            node,
            tr("nested more than {depth} levels deep", depth=R.MAX_DEPTH),
            R._nesting_help(),
        )
    if cls is MappingNode:
        if node.tag != R._MAP:
            raise R._node_error(node, tr("tag '{tag}' is not allowed", tag=node.tag), R._no_tags())
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                raise R._node_error(
                    key_node,
                    tr("mapping keys must be plain strings"),
                    tr("write each key as a plain word followed by ': ' (title: ...)"),
                )
            k = key_node.value if key_node.tag == R._PLAIN else _old_construct(key_node)
            if not isinstance(k, str):
                k = key_node.value
            if k in result:
                raise R._duplicate(node, key_node, k)
            result[k] = _old_construct(value_node, depth + 1)
        return result
    if cls is SequenceNode:
        if node.tag != R._SEQ:
            raise R._node_error(node, tr("tag '{tag}' is not allowed", tag=node.tag), R._no_tags())
        return [_old_construct(child, depth + 1) for child in node.value]
    raise AssertionError("unexpected YAML node")


# -- comparing --------------------------------------------------------------------


def _same(a: Any, b: Any) -> bool:
    """Equal data of the same types (NaN equal to NaN, True not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _outcome(func: Any, *args: Any) -> tuple[str, Any]:
    try:
        return "value", func(*args)
    except R.YamlSyntaxError as exc:
        return "refused", (
            exc.message,
            exc.line,
            exc.column,
            exc.help,
            exc.end_line,
            exc.end_column,
        )
    except Exception as exc:  # the same exception type and text, if any
        return "raised", (type(exc), str(exc))


def _assert_same(new: tuple[str, Any], old: tuple[str, Any]) -> None:
    assert new[0] == old[0], (new, old)
    if new[0] == "value":
        assert _same(new[1], old[1]), (new, old)
    else:
        assert new[1] == old[1]


# -- plain scalars -------------------------------------------------------------------

_SPECIAL = [
    "", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "FALSE",
    "true\n", "null\n", "~\n", "no", "on", "nan", "n", "t", "f", "0", "010", "0o17", "0x1F",
    "0b101", "0x_", "+_", "._", "-", "+", ".", "1_000", "1e3", "1.5", "-.inf", ".NaN", ".nan",
    "2017", "2017-01-02", "2017-1-2 10:11:12", "١٢", "1²", "9" * 1001, "12\n", "\x00", "\n",
]  # fmt: skip


@pytest.mark.parametrize("value", _SPECIAL)
def test_plain_special(value: str) -> None:
    _assert_same(_outcome(R._plain, value), _outcome(_old_plain, value))


@settings(max_examples=2000)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet="-+0123456789._eExXoObBaAfFnNtTrRuUlLsS~\n ", max_size=8),
    )
)
def test_plain_as_before(value: str) -> None:
    _assert_same(_outcome(R._plain, value), _outcome(_old_plain, value))
    assert _same(_outcome(R.plain_scalar, value), _outcome(_old_plain, value))


# -- documents ------------------------------------------------------------------------

_SCALARS = [
    "a", "text", "t", "n", "null", "~", "true", "False", "no", "1", "010", "2017", "0x_", "1.5",
    ".inf", "2017-01-02", "'q'", '"d"', "'1'", "!!str 1", "!!int 12", "!!int x", "!!float 1",
    "!!bool true", "!!null ''", "!!timestamp 2001", "!x y", "! 12", "!!binary aGk=", "",
    "9" * 1001, "!!int 0x_", "é", "'t'",
]  # fmt: skip
_KEYS = ["a", "b", "text", "1", "'a'", '"b"', "!!int 1", "!!str a", "!!null ''", "!x k", "null"]


@st.composite
def _flow(draw: st.DrawFn, depth: int = 0) -> str:
    """A flow-style YAML value: scalars, mappings, lists, tags, odd keys."""
    kind = draw(st.integers(0, 4 if depth < 4 else 0))
    if kind <= 1:
        return draw(st.sampled_from(_SCALARS))
    if kind == 2:
        items = draw(st.lists(_flow(depth + 1), max_size=4))
        tag = draw(st.sampled_from(["", "", "", "!!seq ", "!!map ", "!x "]))
        return tag + "[" + ", ".join(items) + "]"
    pairs = draw(
        st.lists(
            st.tuples(st.one_of(st.sampled_from(_KEYS), _flow(depth + 1)), _flow(depth + 1)),
            max_size=4,
        )
    )
    tag = draw(st.sampled_from(["", "", "", "!!map ", "!!seq ", "!!omap "]))
    return tag + "{" + ", ".join(f"? {k} : {v}" for k, v in pairs) + "}"


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_flow(), yaml_text))
@example("a: 1\na: 2\n")
@example("{? [a] : 1}")
@example("- !!int 0x_\n- !!foo x\n")
@example("a: &x 1\nb: *x\n")
def test_documents_as_before(text: str) -> None:
    try:
        root = yaml.compose(text, Loader=R._Loader)
    except (yaml.YAMLError, UnicodeEncodeError, RecursionError):
        return
    if root is None:
        return
    _assert_same(_outcome(R._construct, root), _outcome(_old_construct, root))


@pytest.mark.parametrize("depth", [98, 99, 100, 101, 102])
@pytest.mark.parametrize("kind", ["seq", "map", "mixed"])
def test_nesting_as_before(depth: int, kind: str) -> None:
    inner = "x"
    for level in range(depth):
        if kind == "seq" or (kind == "mixed" and level % 2):
            inner = f"[1, {inner}, 'q']"
        else:
            inner = f"{{a: 1, b: {inner}, c: 'q'}}"
    root = yaml.compose(inner, Loader=R._Loader)
    _assert_same(_outcome(R._construct, root), _outcome(_old_construct, root))


# -- composing from the bytes --------------------------------------------------------


def _read_before(path: str, data: bytes) -> R.Document | Diagnostic:
    """read_document as it was: the tree composed from the decoded text."""
    try:
        text = R.decode(data)
        parsed, root = R.parse_text(text)
    except R.YamlSyntaxError as exc:
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
    return R.Document(path, text, parsed, root)


def _marks(node: Node | None) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        s, e = n.start_mark, n.end_mark
        out.append((type(n), n.tag, s.index, s.line, s.column, e.index, e.line, e.column))
        if isinstance(n, ScalarNode):
            out.append((n.value, n.style))
        elif isinstance(n, MappingNode):
            stack.extend(x for pair in n.value for x in pair)
        else:
            stack.extend(n.value)
    return out


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(_flow(), yaml_text).flatmap(
        lambda t: st.sampled_from(["", "\ufeff"]).map(lambda bom: (bom + t).encode("utf-8"))
    )
)
@example('a: é\nb: "x\U0001f600y"\nc: >\n  zé\n  w\n'.encode())
@example(b"a: 1\r\nb: [x,\r\n  y]\r\n")
@example(b"\xef\xbb\xbfa: 1\n")
@example(b"a: \x07\n")
@example("a: b\u2028c\n".encode())
def test_read_document_as_before(data: bytes) -> None:
    new = R.read_document("a.yaml", data)
    old = _read_before("a.yaml", data)
    if isinstance(old, Diagnostic):
        assert new == old
        return
    assert isinstance(new, R.Document)
    assert new.text == old.text
    assert _same(new.data, old.data)
    assert _marks(new.root) == _marks(old.root)


def test_words_are_typed_as_their_patterns_type_them() -> None:
    assert R._WORDS
    for text, value in R._WORDS.items():
        assert text[0] not in R._NUMERIC
        assert _same(value, _old_plain(text)), text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_flow(), yaml_text))
def test_parse_text_from_the_bytes_as_from_the_text(text: str) -> None:
    """parse_text given the text's UTF-8 reads what it reads from the text alone."""
    try:
        utf8 = text.encode("utf-8")
    except UnicodeEncodeError:
        return
    new = _outcome(R.parse_text, text, utf8)
    old = _outcome(R.parse_text, text)
    assert new[0] == old[0]
    if new[0] == "value":
        assert _same(new[1][0], old[1][0])
        assert _marks(new[1][1]) == _marks(old[1][1])
    else:
        assert new[1] == old[1]


# -- where an anchor could start -------------------------------------------------------

_OLD_ANCHOR_START = re.compile(r"[&*][0-9A-Za-z_-]")


def _old_maybe_anchor(text: str) -> bool:
    if "&" not in text and "*" not in text:
        return False
    for m in _OLD_ANCHOR_START.finditer(text):
        i = m.start()
        if i == 0 or not (text[i - 1].isascii() and text[i - 1].isalnum()):
            return True
    return False


@settings(max_examples=2000)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet="&*aZ9_- \n\u00e9\u0663.", max_size=12),
        st.lists(st.sampled_from(["&", "*", "&&", "**", "a", "R", "é", "٣", " ", "-", "x"])).map(
            "".join
        ),
    )
)
@example("&")
@example("*")
@example("&a")
@example("R&D")
@example("é&a")
@example("&&a")
@example("a&&b")
def test_maybe_anchor_as_before(text: str) -> None:
    assert R._maybe_anchor(text) == _old_maybe_anchor(text)
