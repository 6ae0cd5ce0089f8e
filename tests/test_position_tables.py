"""The quick ways to a finding's place agree with the walks they replace.

:meth:`Document.along` (a path's nodes, remembered per path) against the walk
down the tree it replaced, and the lines of a scalar
(:class:`itures.rules.position._Folded`) and its first line
(:func:`itures.rules.position._on_first_line`) against the walk along its
value and source (:func:`itures.rules.position._span_by_walk`), on every
character of generated texts.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from itures.rules import position
from itures.yamlio.read import Document, read_document
from itures.yamlio.write import dump_data


def _read(text: str) -> Document:
    doc = read_document("t.yaml", text.encode())
    assert isinstance(doc, Document), doc
    return doc


def _walk_spans(doc: Document, node: ScalarNode, parts: tuple[str | int, ...]) -> None:
    """Every character of the scalar at ``parts``, spans of 1 to 3 characters and
    beyond its end, placed from its lines as by the walk from the value's start."""
    value = node.value
    for offset in range(len(value) + 1):
        for length in (None, 2, 3, len(value)):
            position._CHECKPOINTS.clear()
            walked = position._span_by_walk(doc, parts, offset, length)
            assert position.locate_span(doc, parts, offset, length) == walked, (offset, length)
            # and as the first span asked for in the scalar (whose lines are
            # not known yet: on its first line, it is not asked whether they fold)
            known = dict(doc.tables)
            doc.tables.clear()
            assert position.locate_span(doc, parts, offset, length) == walked, (offset, length)
            doc.tables.update(known)


# words written as is, and words and blanks with what the lines of a scalar
# leave to the walk: quotes, escapes, blanks other than one space
_CLEAN = st.lists(st.text(alphabet="abcdeé;.()-#:", min_size=1, max_size=12), min_size=1)
_MESSY = st.lists(
    st.one_of(
        st.text(alphabet="abcdeé;.()-#:", min_size=1, max_size=12),
        st.text(alphabet="abé;.()-'\"#:\u00a0\u2003\\ ", min_size=1, max_size=12),
    ),
    min_size=1,
)


@settings(deadline=None, max_examples=200)
@given(
    st.one_of(_CLEAN, _MESSY),
    st.sampled_from([None, "'", ">", '"', "|"]),
    st.integers(6, 50),
)
def test_the_folds_of_a_scalar_place_every_character_where_the_walk_does(
    words: list[str], style: str | None, width: int
) -> None:
    value = " ".join(words[:30])
    source = yaml.dump({"t": value}, default_style=style, width=width, allow_unicode=True)
    doc = _read(source)
    node = doc.along(("t",))[0]
    assert isinstance(node, ScalarNode)
    _walk_spans(doc, node, ("t",))


@settings(deadline=None, max_examples=150)
@given(
    st.one_of(
        st.lists(st.text(alphabet="ab é.", min_size=1, max_size=14), min_size=1, max_size=8),
        st.lists(st.text(alphabet="ab é.\u00a0'", min_size=1, max_size=14), min_size=1, max_size=8),
    ),
    st.lists(st.integers(0, 6), min_size=8, max_size=8),
    st.sampled_from(["plain", "single", "folded", "folded-strip", "folded-keep"]),
    st.integers(0, 3),
)
def test_hand_written_lines_are_placed_where_the_walk_places_them(
    lines: list[str], indents: list[int], style: str, trailing: int
) -> None:
    """Lines as a person writes them: uneven indentation, blanks at their ends,
    quotes, empty lines, line breaks after a folded text."""
    pad = [" " * (4 + n) for n in indents]
    if style.startswith("folded"):
        head = {"folded": ">", "folded-strip": ">-", "folded-keep": ">+"}[style]
        body = "".join(f"{pad[0] if line.strip() else ''}{line}\n" for line in lines)
        text = f"a:\n  t: {head}\n{body}" + "\n" * trailing + "  b: x\n"
    else:
        rest = "".join(f"\n{pad[k % 8]}{line}" for k, line in enumerate(lines[1:]))
        if style == "single":
            body = "'" + (lines[0] + rest).replace("'", "''") + "'"
        else:
            body = (lines[0] + rest).replace("'", "x").strip() or "x"
        text = f"a:\n  t: {body}\n  b: x\n"
    try:
        doc = _read(text)
    except AssertionError:
        return  # not YAML (a plain text that reads as something else)
    node = doc.along(("a", "t"))[0]
    if not isinstance(node, ScalarNode) or not isinstance(doc.data["a"]["t"], str):
        return
    _walk_spans(doc, node, ("a", "t"))


@pytest.mark.parametrize(
    "source",
    [
        # what a value's start and its source have alike, without being it:
        # a doubled quote, an escaped backslash, blanks folded into one
        "t: 'a'''''\n",
        "t: 'a''''b''''c'\n",
        't: "a\\\\\\\\"\n',
        't: "a\\\\\\\\b\\\\c"\n',
        't: "a\\tb\\x41 "\n',
        "t: a  b   c\n",
        "t: 'a  b\n   c'\n",
        "t: >\n  a  b\n  c\n",
        "t: |\n  a\\ b\n",
        "t: |2\n    a b\n",
    ],
)
def test_what_only_looks_written_as_is_is_walked(source: str) -> None:
    doc = _read(source)
    node = doc.along(("t",))[0]
    assert isinstance(node, ScalarNode)
    _walk_spans(doc, node, ("t",))


def test_a_span_at_the_start_of_a_text_is_found_on_its_first_line() -> None:
    """The common case is the quick one: the scalar's lines are not looked at."""
    value = "a) the strategic plan of the Union " * 20
    doc = _read(dump_data({"t": value.strip()}))
    node = doc.along(("t",))[0]
    assert isinstance(node, ScalarNode)
    assert position.locate_span(doc, ("t",), 0, 2) == (2, 3, 2, 4)
    assert not doc.tables
    _walk_spans(doc, node, ("t",))


def test_a_folded_paragraph_written_by_the_writer_has_its_lines() -> None:
    """The common case is the quick one (else this module tests the walk against itself)."""
    value = "Considérant que la résolution " * 20
    doc = _read(dump_data({"t": value.strip()}))
    node = doc.along(("t",))[0]
    assert isinstance(node, ScalarNode)
    assert node.style == ">"
    assert position._folded(doc, node) is not None
    _walk_spans(doc, node, ("t",))


def _old_locate(doc: Document, parts: tuple[object, ...], key: bool) -> tuple[int, int]:
    """:meth:`Document.locate` as it walked the tree for each call."""
    node = doc.root
    if node is None:
        return 1, 1
    mark = node.start_mark
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if isinstance(node, MappingNode):
            found = doc.keys_of(node).get(str(part))
            if found is None:
                break
            key_node, node = found
            mark = key_node.start_mark if (last and key) else node.start_mark
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            if 0 <= part < len(node.value):
                node = node.value[part]
                mark = node.start_mark
            else:
                break
        else:
            break
    return mark.line + 1, mark.column + 1


def _old_node_at(doc: Document, parts: tuple[object, ...], key: bool) -> Node | None:
    node = doc.root
    last = len(parts) - 1
    for i, part in enumerate(parts):
        if isinstance(node, MappingNode):
            found = doc.keys_of(node).get(str(part))
            if found is None:
                return None
            if key and i == last:
                return found[0]
            node = found[1]
        elif (
            isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
        ):
            node = node.value[part]
        else:
            return None
    return node


_PART = st.one_of(
    st.sampled_from(["a", "b", "1", "True", "c", "x"]),
    st.integers(-1, 3),
    st.booleans(),
    st.sampled_from([1.0, 0.0]),
)
_DATA = st.recursive(
    st.one_of(st.text(alphabet="ab ", max_size=5), st.integers(0, 3)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        # (mappings small enough to be searched in order, and larger ones, indexed)
        st.dictionaries(
            st.sampled_from(["a", "b", "1", "True", "c", "d", "e", "f"]), inner, max_size=7
        ),
    ),
    max_leaves=16,
)


@settings(deadline=None)
@given(_DATA, st.lists(st.lists(_PART, max_size=4), min_size=1, max_size=12), st.booleans())
def test_remembered_paths_lead_where_walking_the_tree_does(
    data: object, paths: list[list[object]], key: bool
) -> None:
    """In any order, with prefixes of each other, lists as well as tuples, and
    parts that equal others without being them (``True`` and ``1``, ``1.0``)."""
    doc = _read(dump_data({"r": data}))
    for parts in paths:
        for p in (tuple(parts), list(parts), ("r", *parts)):
            t = tuple(p)
            assert doc.locate(p, key=key) == _old_locate(doc, t, key)  # type: ignore[arg-type]
            assert position.node_at(doc, p, key) is _old_node_at(doc, t, key)  # type: ignore[arg-type]


def test_every_blank_but_the_space_is_unprintable() -> None:
    """What lets _folded_of skip its search for an odd blank in a printable text."""
    import sys

    odd = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c != " "]
    assert odd and not any(c.isprintable() for c in odd)
    assert all(position._ODD_BLANK.fullmatch(c) for c in odd)
