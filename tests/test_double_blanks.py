"""Two blanks between words (``punctuation``): where the finding points.

The blank left at the end of a line of a folded text is written here in a
Python string (an editor or a hook may strip it from a YAML fixture): with
the line break folded into a blank, the value has two.
"""

from __future__ import annotations

from pathlib import Path

from itures.config import Config
from itures.corpus import check_paths

HEAD = """body: wtdc
number: '1'
language: en
title: The plan
history: [{event: adopted, place: Geneva, year: 2000}]
conference: The World Telecommunication Development Conference (Geneva, 2000),
preamble:
  - verb: recalling
    heading: recalling
    items:
      - label: a)
        text: >-
"""
TAIL = """operative:
  - verb: resolves
    heading: resolves
    clauses:
      - {label: '1', text: to act.}
"""


def _blanks(tmp_path: Path, lines: list[str]) -> list[tuple[int, int, int, int, str]]:
    path = tmp_path / "doc.yaml"
    path.write_text(HEAD + "".join(f"          {line}\n" for line in lines) + TAIL, "utf-8")
    result = check_paths([path], Config())
    return [
        (d.line, d.column, d.end_line, d.end_column, d.message)
        for d in result.diagnostics
        if "blanks between" in d.message
    ]


def test_a_blank_left_at_the_end_of_a_folded_line_is_pointed_at(tmp_path: Path) -> None:
    found = _blanks(tmp_path, ["the reports of the ", "study groups,"])
    assert found == [
        (  # the blank and the line break folded into the second
            13,
            29,
            13,
            30,
            "two blanks between 'the' and 'study': ITU texts write one blank between words",
        )
    ]


def test_the_span_of_blanks_inside_a_line_is_the_blanks(tmp_path: Path) -> None:
    # (before, the span's end was brought to the word after the blanks)
    found = _blanks(tmp_path, ["the reports of the   study", "groups,"])
    assert found == [
        (
            13,
            29,
            13,
            31,
            "3 blanks between 'the' and 'study': ITU texts write one blank between words",
        )
    ]


def test_single_blanks_and_folded_lines_pass(tmp_path: Path) -> None:
    assert _blanks(tmp_path, ["the reports of the", "study groups,"]) == []
