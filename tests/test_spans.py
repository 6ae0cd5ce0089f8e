"""Spans of findings: where a finding ends as well as where it starts."""

from __future__ import annotations

from itures.rules.position import locate_span
from itures.yamlio.read import Document, read_document

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
