"""Spans of findings: where a finding ends as well as where it starts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from itures.rules.position import locate_span
from itures.yamlio.read import Document, read_document
from itures.yamlio.write import dump_data

TEXT = """\
title: Short
items:
  - label: 'b'
    text: >-
      first words of a folded text
      that goes on here
  - label: c
nested:
  key: value  # a comment
"""


def _doc() -> Document:
    doc = read_document("x.yaml", TEXT.encode())
    assert isinstance(doc, Document)
    return doc


def test_a_scalar_spans_its_whole_value_quotes_included() -> None:
    doc = _doc()
    assert locate_span(doc, ("title",), None) == (1, 8, 1, 12)
    assert locate_span(doc, ("items", 0, "label"), None) == (3, 12, 3, 14)


def test_a_key_spans_the_key() -> None:
    assert locate_span(_doc(), ("items", 0, "label"), None, key=True) == (3, 5, 3, 9)


def test_an_offset_spans_length_characters_across_folded_lines() -> None:
    doc = _doc()
    value = doc.data["items"][0]["text"]
    start = value.index("text")
    # "text that goes": from line 5 to line 6 in the source
    assert locate_span(doc, ("items", 0, "text"), start, len("text that goes")) == (5, 31, 6, 15)
    # one character by default
    assert locate_span(doc, ("items", 0, "text"), start) == (5, 31, 5, 31)


def test_a_folded_text_spans_to_its_last_visible_character() -> None:
    assert locate_span(_doc(), ("items", 0, "text"), None)[2:] == (6, 23)


def test_a_mapping_is_marked_on_its_first_line_without_the_comment() -> None:
    assert locate_span(_doc(), ("nested",), None) == (9, 3, 9, 12)


def test_a_path_that_leaves_the_tree_is_one_place() -> None:
    line, column, end_line, end_column = locate_span(_doc(), ("nested", "missing"), None)
    assert (line, column) == (end_line, end_column)


@settings(deadline=None)  # the first example imports the reader
@given(
    st.lists(st.text(alphabet="abc d'\"", min_size=1, max_size=12), min_size=3, max_size=20),
    st.lists(st.integers(0, 10**6), min_size=2, max_size=8),
    st.sampled_from(["folded", "plain", "single", "double"]),
)
def test_places_in_a_long_text_are_found_in_any_order(
    words: list[str], picks: list[int], style: str
) -> None:
    """The checkpoints of a long text's walk give the place a walk from its start gives."""
    from itures.rules import position

    value = " ".join(w.strip() or "x" for w in words)
    value = " ".join([value] * (6000 // len(value) + 1))  # longer than a few checkpoints
    data = {"title": value}
    if style == "folded":
        text = dump_data(data)
    else:
        quoted = {
            "plain": value.replace('"', "x").replace("'", "x"),
            "single": "'" + value.replace("'", "''") + "'",
            "double": '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"',
        }[style]
        text = f"title: {quoted}\n"
    doc = read_document("t.yaml", text.encode())
    assert isinstance(doc, Document)
    node = position.nodes_along(doc, ("title",))[-1]
    value = node.value
    offsets = [p % len(value) for p in picks]
    position._CHECKPOINTS.clear()
    fresh = []
    for o in offsets:
        position._CHECKPOINTS.clear()
        fresh.append(position._offset_in_source(doc.text, node, value, o))
    position._CHECKPOINTS.clear()
    resumed = [position._offset_in_source(doc.text, node, value, o) for o in offsets]
    assert resumed == fresh
    assert all(f is not None for f in fresh)


def _blank_escape(text: str, j: int) -> bool:
    """Whether a double-quoted scalar's escape at ``text[j]`` writes a blank,
    read with YAML itself."""
    import yaml

    if text[j : j + 1] != "\\":
        return False
    size = {"x": 4, "u": 6, "U": 10}.get(text[j + 1 : j + 2], 2)
    try:
        char = yaml.safe_load('"' + text[j : j + size] + '"')
    except yaml.YAMLError:
        return False
    return isinstance(char, str) and len(char) == 1 and char.isspace()


def _walk_one_by_one(
    text: str, value: str, style: str | None, offset: int, i: int, j: int, end: int
) -> tuple[int, int] | None:
    """The walk of :func:`itures.rules.position._walk`, one character at a time."""
    while i < offset:
        if j >= end:
            return None
        c = value[i]
        s = text[j]
        if c.isspace():
            if s == c and c != "\n":  # a blank as written: its own
                i += 1
                j += 1
                continue
            if style == '"':
                while text[j : j + 2] == "\\\n":  # a line continued
                    j += 2
                    while j < end and text[j] in " \t\r\n":
                        j += 1
                if _blank_escape(text, j):  # an escaped blank
                    j += {"x": 4, "u": 6, "U": 10}.get(text[j + 1 : j + 2], 2)
                    i += 1
                    continue
                if not text[j : j + 1].isspace():
                    i += 1
                    continue
                k = j
                while j < end and (text[j] in " \t\r\n" or text[j : j + 2] == "\\\n"):
                    j += 1
                if j == k:  # blanks of two kinds: one for the other
                    i, j = i + 1, j + 1
                elif c in " \n":  # a fold (a no-break space is the text's own)
                    i += 1
                    while i < offset and value[i] in " \n" and not _blank_escape(text, j):
                        i += 1
                continue
            if not s.isspace():
                i += 1
                continue
            k = j
            while j < end and text[j] in " \t\r\n":
                j += 1
            if j == k:  # blanks of two kinds: one for the other
                i, j = i + 1, j + 1
            elif c in " \n":
                i += 1
                while i < offset and value[i] in " \n":
                    i += 1
            continue
        if style == '"' and s == "\\":
            if text[j + 1 : j + 2] == "\n":  # a line continued
                j += 2
                while j < end and text[j] in " \t\r\n":  # (a no-break space is the text's)
                    j += 1
                continue
            j += {"x": 4, "u": 6, "U": 10}.get(text[j + 1 : j + 2], 2)
            i += 1
        elif s == c:
            j += 2 if style == "'" and c == "'" and text[j + 1 : j + 2] == "'" else 1
            i += 1
        elif s.isspace():
            j += 1
        else:
            return None
    return i, j


@settings(deadline=None)
@given(
    st.lists(
        st.text(alphabet="ab é\u00a0\\'\"\n#:-", min_size=1, max_size=15), min_size=1, max_size=30
    ),
    st.sampled_from([None, "'", '"', "|", ">"]),
    st.integers(8, 40),
    st.lists(st.integers(0, 10**6), min_size=1, max_size=6),
)
def test_the_walk_steps_over_runs_where_a_walk_by_character_lands(
    words: list[str], style: str | None, width: int, picks: list[int]
) -> None:
    """Stepping over the runs of the value written as is lands where walking
    character by character does, escapes, doubled quotes and folds included."""
    import yaml

    from itures.rules import position

    value = " ".join(words)
    source = yaml.dump({"t": value}, default_style=style, width=width, allow_unicode=False)
    doc = read_document("t.yaml", source.encode())
    assert isinstance(doc, Document)
    node = position.nodes_along(doc, ("t",))[-1]
    if node.value != value or (node.style or None) != style:
        return  # PyYAML chose another style (or a plain scalar): nothing to compare
    j = node.start_mark.index
    if style in (">", "|"):
        j = doc.text.index("\n", j) + 1
    elif style in ("'", '"'):
        j += 1
    end = node.end_mark.index
    for pick in picks:
        offset = pick % (len(value) + 1)
        assert position._walk(doc.text, value, node.style, offset, 0, j, end) == (
            _walk_one_by_one(doc.text, value, node.style, offset, 0, j, end)
        )


@given(st.text(alphabet="ab\n é", max_size=60), st.data())
def test_a_line_and_column_count_the_line_breaks_before(text: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(text)))
    doc = Document("t.yaml", text, None)
    before = text[:index]
    assert doc.line_column(index) == (before.count("\n") + 1, index - before.rfind("\n"))


@settings(deadline=None)
@given(
    st.lists(st.text(alphabet="abcé.;()\u00a0 ", min_size=1, max_size=12), min_size=8, max_size=60),
    st.integers(10, 60),
    st.data(),
)
def test_a_folded_text_stepped_line_by_line_lands_where_a_walk_by_character_does(
    words: list[str], width: int, data: st.DataObject
) -> None:
    """The lines of a folded paragraph stepped over at once (``_folded_lines``)
    bring the walk where walking character by character does, from the start
    of the text and from any place on the way (short lines, blanks at a line's
    end, two blanks in a row and non-breaking spaces included)."""
    import yaml

    from itures.rules import position

    value = " ".join(words)
    source = yaml.dump({"t": value}, default_style=">", width=width, allow_unicode=True)
    doc = read_document("t.yaml", source.encode())
    assert isinstance(doc, Document)
    node = position.nodes_along(doc, ("t",))[-1]
    if node.style != ">" or node.value != value:
        return  # PyYAML chose another style
    j = doc.text.index("\n", node.start_mark.index) + 1
    end = node.end_mark.index
    offsets = range(len(value) + 1)
    walked = [_walk_one_by_one(doc.text, value, ">", o, 0, j, end) for o in offsets]
    assert [position._walk(doc.text, value, ">", o, 0, j, end) for o in offsets] == walked
    # from a place the walk reached, as the checkpoints of a long text resume it
    start = data.draw(st.integers(0, len(value)))
    if walked[start] is not None:
        i0, j0 = walked[start]
        for o in offsets[start:]:
            assert position._walk(doc.text, value, ">", o, i0, j0, end) == (
                _walk_one_by_one(doc.text, value, ">", o, i0, j0, end)
            )


def _nodes(node: object) -> list[object]:
    from yaml.nodes import MappingNode, SequenceNode

    out = [node]
    if isinstance(node, MappingNode):
        for key, value in node.value:
            out += [key, *_nodes(value)]
    elif isinstance(node, SequenceNode):
        for value in node.value:
            out += _nodes(value)
    return out


@settings(deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["title", "text", "note", "items"]),
        st.one_of(
            st.text(alphabet="ab é\U0001f600\n.", max_size=200),
            st.lists(st.text(alphabet="ab é\n", max_size=40), max_size=4),
        ),
        min_size=1,
    ),
    st.data(),
)
def test_lines_counted_from_a_node_are_the_lines_of_the_table(
    data: dict[str, object], draw: st.DataObject
) -> None:
    """The line and column of a place counted from the start of the node it is
    in (its line and column from libyaml) are those of the table of the whole
    text's lines, near the node and far from it."""
    from itures.yamlio import read

    doc = read_document("t.yaml", dump_data(data).encode())
    assert isinstance(doc, Document)
    table = Document("t.yaml", doc.text, None)
    for node in _nodes(doc.root):
        start = node.start_mark.index  # type: ignore[attr-defined]
        for index in {start, *draw.draw(st.lists(st.integers(start, len(doc.text)), max_size=6))}:
            assert doc.line_column(index, node) == table.line_column(index)  # type: ignore[arg-type]
    far = read._NEAR + 1
    long_text = read_document("t.yaml", dump_data({"t": "a b\n" * far}).encode())
    assert isinstance(long_text, Document)
    node = long_text.root.value[0][1]  # type: ignore[union-attr]
    index = node.start_mark.index + far + 3
    assert long_text.line_column(index, node) == (
        Document("t.yaml", long_text.text, None).line_column(index)
    )


@settings(deadline=None)
@given(
    st.lists(
        st.text(alphabet='ab é\u00a0\u2028\t\\"#', min_size=1, max_size=12),
        min_size=1,
        max_size=12,
    ),
    st.integers(8, 40),
    st.booleans(),
)
def test_every_character_of_a_double_quoted_text_is_found_in_its_source(
    words: list[str], width: int, unicode: bool
) -> None:
    """In a double-quoted text, escaped blanks ("\\_", "\\u00a0", "\\t",
    "\\L") included, each character of the value is found in the source: at
    itself, or at the escape that writes it (a span across one ends where it
    ends, not at its start)."""
    import yaml

    from itures.rules import position

    value = " ".join(words)
    source = yaml.dump({"t": value}, default_style='"', width=width, allow_unicode=unicode)
    doc = read_document("t.yaml", source.encode())
    assert isinstance(doc, Document)
    node = position.nodes_along(doc, ("t",))[-1]
    if node.value != value:
        return  # (not the value dumped: nothing to compare)
    for offset, char in enumerate(value):
        position._CHECKPOINTS.clear()
        j = position._offset_in_source(doc.text, node, value, offset)
        assert j is not None, (offset, source)
        if not char.isspace():
            assert doc.text[j] in (char, "\\"), (offset, source)


@settings(deadline=None, max_examples=300)
@given(
    st.lists(st.text(alphabet="abé.", min_size=1, max_size=8), min_size=2, max_size=30),
    st.lists(st.sampled_from([" ", " ", "  ", "   ", "\u00a0", " \u00a0"]), min_size=1),
    st.sampled_from([None, "'", '"', "|", ">"]),
    st.integers(8, 40),
)
def test_every_blank_of_a_run_inside_a_line_is_found_at_itself(
    words: list[str], blanks: list[str], style: str | None, width: int
) -> None:
    """A text with runs of blanks between its words ("de  la"; a no-break
    space beside a space): the walk brings each character of the value to
    itself in the source, or, for the blank a line was folded into, to that
    line's break. (A blank of a run was once brought to the word after the
    run: a span over two blanks took in the next word.)"""
    import yaml

    from itures.rules import position

    value = words[0]
    for n, word in enumerate(words[1:]):
        value += blanks[n % len(blanks)] + word
    source = yaml.dump({"t": value}, default_style=style, width=width, allow_unicode=True)
    doc = read_document("t.yaml", source.encode())
    assert isinstance(doc, Document)
    node = position.nodes_along(doc, ("t",))[-1]
    if node.value != value or (node.style or None) != style:
        return  # PyYAML chose another style
    text = doc.text
    j = node.start_mark.index
    if style in (">", "|"):
        j = text.index("\n", j) + 1
        j += len(text[j:]) - len(text[j:].lstrip(" "))  # (the block's indentation)
    elif style in ("'", '"'):
        j += 1
    end = node.end_mark.index
    for offset, c in enumerate(value):
        walked = position._walk(text, value, node.style, offset, 0, j, end)
        assert walked is not None
        at = walked[1]
        if style == '"' and text[at] == "\\":
            continue  # an escape (of a no-break space): found at its backslash
        assert text[at] == c or (c == " " and text[at] == "\n"), (offset, text[at - 5 : at + 5])


def test_a_no_break_space_that_starts_a_continued_line_is_found_at_itself() -> None:
    """A line continued (a backslash at its end, in a double-quoted text) or
    folded (plain, single-quoted): the next line's indentation is not the
    text's, a no-break space after it is (it was once stepped over with the
    indentation)."""
    from itures.rules import position

    for source in (
        't: "the plan of\\\n  \u00a0ITU"\n',
        "t: the plan of\n  \u00a0ITU\n",
        "t: 'the plan of\n  \u00a0ITU'\n",
    ):
        doc = read_document("t.yaml", source.encode())
        assert isinstance(doc, Document)
        node = position.nodes_along(doc, ("t",))[-1]
        value = node.value
        assert value == "the plan of \u00a0ITU" or value == "the plan of\u00a0ITU", repr(value)
        at = position._offset_in_source(doc.text, node, value, value.index("\u00a0"))
        assert at is not None
        assert doc.text[at] == "\u00a0", (source, at)
