"""Structural slips an editor makes while mending a file, each one schema
finding that names the slip: a key written under another name where its
mapping misses one ('note:' for a footnote's 'text:': rename it), and a
section written at the column of the clauses of the section before it."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from tests.conftest import write

DOC = """\
body: pp
number: '30'
language: en
title: Test
history: [{{event: adopted, place: Dubai, year: 2018}}]
preamble:
  - verb: recalling
    heading: recalling
    items:
      - {{label: a), text: 'the plan of developing countries[^1],'}}
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to act.
{more}footnotes:
  - id: '1'
    {key}: These include the least developed countries.
"""


def _schema(tmp_path: Path, key: str = "text", more: str = "") -> list[tuple[int, str, str]]:
    write(tmp_path / "pp" / "30" / "en.yaml", DOC.format(key=key, more=more))
    return [
        (d.line, d.message, d.help or "")
        for d in check_paths([tmp_path]).diagnostics
        if d.rule == "schema"
    ]


def test_a_key_written_under_another_name_is_one_finding(tmp_path: Path) -> None:
    ((line, message, help_),) = _schema(tmp_path, key="note")
    assert line == 19
    assert message == "unknown key 'note' in a footnote, which has no 'text': is 'note' its 'text'?"
    assert help_ == "rename 'note' to 'text'"


def test_two_unknown_keys_are_not_taken_for_a_rename(tmp_path: Path) -> None:
    found = _schema(tmp_path, key="note: x\n    remark")
    assert len(found) == 3
    assert not any(h.startswith("rename") for _, _, h in found)


def test_a_section_written_among_the_clauses(tmp_path: Path) -> None:
    section = (
        "      - verb: instructs\n"
        "        heading: instructs the Secretary-General\n"
        "        clauses:\n"
        "          - label: '1'\n"
        "            text: to report.\n"
    )
    ((line, message, help_),) = _schema(tmp_path, more=section)
    assert line == 17
    assert message == (
        "clause 2 of section 1 of 'operative' has the keys of a section (verb, heading, "
        "clauses): a section written at the column of the clauses?"
    )
    assert help_.startswith("write it and its lines at the column of the sections")


def test_footnotes_indented_into_a_section(tmp_path: Path) -> None:
    write(
        tmp_path / "pp" / "30" / "en.yaml",
        DOC.format(key="text", more="").replace(
            "footnotes:\n  - id: '1'\n    text:", "    footnotes:\n      - id: '1'\n        text:"
        ),
    )
    found = [(d.message, d.help) for d in check_paths([tmp_path]).diagnostics if d.rule == "schema"]
    assert found == [
        (
            "unknown key 'footnotes' in an operative section: 'footnotes' is a key of the "
            "resolution itself, written at the left margin",
            "write 'footnotes:' at the left margin (no blank before it), its lines indented "
            "under it as they are",
        )
    ]


def test_a_section_without_clauses_after_a_list_that_starts_again(tmp_path: Path) -> None:
    more = (
        "      - label: '1'\n"
        "        text: to report;\n"
        "      - label: '2'\n"
        "        text: to act.\n"
        "  - verb: instructs\n"
        "    heading: instructs the Secretary-General\n"
        "    clauses: []\n"
    )
    ((_, message, help_),) = _schema(tmp_path, more=more)
    assert message == "'clauses' must have at least one entry"
    assert help_.startswith("move under it the clauses of section 1 from its second '1' on")


def test_a_section_without_clauses_otherwise(tmp_path: Path) -> None:
    more = "  - verb: instructs\n    heading: instructs the Secretary-General\n    clauses: []\n"
    ((_, _, help_),) = _schema(tmp_path, more=more)
    assert help_.startswith("add an entry under 'clauses:'")
