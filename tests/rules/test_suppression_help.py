"""suppression-unused: a comment written on its own line after the entry it
is about (it applies to the line after it) is told to move above the
finding's line, not only to be removed."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths

DOC = """\
body: wtdc
number: '1'
language: en
title: Test
history: [{event: adopted, place: Geneva, year: 2000}]
preamble:
  - verb: considering
    heading: considering
    items:
      - label: a)
        text: that one;
      - label: c)
        # itures: ignore[numbering-gap] reason: published as c)
        text: that two,
      - label: d)
        text: that three,
"""


def test_a_suppression_after_its_finding_is_told_where_to_go(tmp_path: Path) -> None:
    target = tmp_path / "r.yaml"
    target.write_text(DOC, encoding="utf-8")
    (unused,) = [d for d in check_paths([target]).diagnostics if d.rule == "suppression-unused"]
    assert unused.help == (
        "the finding of 'numbering-gap' is on line 12, above the comment: a comment on its own "
        "line applies to the line after it; move it above line 12"
    )
    # where the finding is below it (a suppression of what was fixed), the old help
    fixed = DOC.replace("label: c)", "label: b)")
    target.write_text(fixed, encoding="utf-8")
    (unused,) = [d for d in check_paths([target]).diagnostics if d.rule == "suppression-unused"]
    assert unused.help == "remove it, or move it next to what it is about"
