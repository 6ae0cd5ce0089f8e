"""What a conversion merged after the resolution's words (the text that
follows the document in the printed Final Acts) is one finding,
conversion-artefact's: no other rule reports what it holds, and what comes
before it, or outside the preamble and the operative part, is still checked."""

from __future__ import annotations

from pathlib import Path

from itures.config import Config
from itures.corpus import check_paths
from itures.diagnostics import Diagnostic

HEAD = """\
body: pp
number: '1'
language: en
title: Test
history: [{event: adopted, place: Dubai, year: 2018}]
"""


def _check(tmp_path: Path, text: str) -> list[Diagnostic]:
    path = tmp_path / "doc.yaml"
    path.write_text(HEAD + text, encoding="utf-8")
    return check_paths([path], Config()).diagnostics


def test_an_entry_all_merged_says_delete_it_and_what_follows(tmp_path: Path) -> None:
    found = _check(
        tmp_path,
        """\
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to act.
      - label: '7'
        text: >-
          PART IV - LIST OF RESOLUTIONS ABROGATED BY THE PLENIPOTENTIARY CONFERENCE
          (DUBAI, 2018) RESOLUTION 36 (REV. GUADALAJARA, 2010) Telecommunications
""",
    )
    assert [d.rule for d in found] == ["conversion-artefact"]
    assert found[0].help is not None
    assert found[0].help.startswith("delete this clause and the entries after it")


def test_a_label_before_text_merged_later_in_its_entry_is_still_checked(tmp_path: Path) -> None:
    # clause 3 follows 1 (a real gap); its text is the resolution's until the
    # part heading: its label is the resolution's, and its gap is reported
    found = _check(
        tmp_path,
        """\
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to act;
      - label: '3'
        text: >-
          to report. 489 PART VI - SIGNATORIES The undersigned plenipotentiaries have
          signed the the Final Acts
      - label: '3'
        text: For the Republic of Ruritania
""",
    )
    rules = sorted(d.rule for d in found)
    assert rules == ["conversion-artefact", "numbering-gap"], [d.message for d in found]


def test_an_annex_after_merged_text_is_still_checked(tmp_path: Path) -> None:
    found = _check(
        tmp_path,
        """\
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: >-
          to act. 489 PART VI - SIGNATORIES The undersigned plenipotentiaries have
          signed the the Final Acts
annexes:
  - heading: ANNEX TO RESOLUTION 1
    items:
      - text: the the plan.
""",
    )
    by_rule = sorted((d.rule, d.line) for d in found)
    # the doubled word of the merged text is not reported; the annex's is
    assert by_rule == [("conversion-artefact", 12), ("word-duplicate", 17)], by_rule


def test_an_entry_that_is_a_page_header_says_delete_the_entry(tmp_path: Path) -> None:
    clauses = """\
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to act;
      - text: {page}
      - label: '2'
        text: to act again.
"""
    for page in ("'- 4 -'", "Res. 1 (Rev. Dubai, 2018) 4", "481 D - 12"):
        found = _check(tmp_path, clauses.format(page=page))
        assert [(d.rule, d.help) for d in found] == [
            ("conversion-artefact", "delete this clause: the page header or footer is all its text")
        ], page
    # in a text with words of its own, the header alone is to go
    found = _check(tmp_path, clauses.format(page="to act - 4 - again;"))
    assert [(d.rule, d.help) for d in found if d.rule == "conversion-artefact"] == [
        ("conversion-artefact", "delete '- 4 -'")
    ]
