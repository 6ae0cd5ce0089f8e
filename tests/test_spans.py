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
