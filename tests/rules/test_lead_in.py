"""A section led in by an unlabelled text ending with ':' ("resolves that,
pending …, the following shall apply:" then 1, 2, 3), whose list a slip
puts out of order: one finding for one slip, the numbering's, not also one
on the lead-in (numbering-style's "has no label", punctuation's ':')."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from tests.conftest import write

LEAD_IN = """\
body: pp
number: '9'
language: en
title: Observers
history: [{{event: adopted, place: Busan, year: 2014}}]
preamble:
  - verb: considering
    heading: considering
    items:
      - label: a)
        text: that the Council has examined the matter,
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - text: >-
          that, pending any further change in the status of the observer, the following shall apply:
{clauses}
"""

CLAUSES = {
    "1": "the provisions of the Administrative Regulations shall be applied;",
    "2": "the observer may take part in the meetings;",
    "3": "the observer may submit proposals.",
}


def _clauses(order: list[tuple[str | None, str]]) -> str:
    return "\n".join(
        f"      - label: '{label}'\n        text: {CLAUSES[key]}"
        if label
        else f"      - text: {CLAUSES[key]}"
        for label, key in order
    )


def _told(tmp_path: Path, order: list[tuple[str | None, str]]) -> list[tuple[str, str, str]]:
    target = write(
        tmp_path / "resolutions" / "pp" / "9" / "en.yaml",
        LEAD_IN.format(clauses=_clauses(order)),
    )
    return [(d.rule, d.message, d.help or "") for d in check_paths([target]).diagnostics]


def test_control_the_lead_in_then_1_2_3(tmp_path: Path) -> None:
    assert _told(tmp_path, [("1", "1"), ("2", "2"), ("3", "3")]) == []


def test_clause_1_moved_after_2_is_one_swap(tmp_path: Path) -> None:
    told = _told(tmp_path, [("2", "2"), ("1", "1"), ("3", "3")])
    assert [r for r, _, _ in told] == ["numbering-gap"], told
    assert "wrong order" in told[0][1]


def test_clause_1_s_label_lost_is_one_finding_with_label_1(tmp_path: Path) -> None:
    told = _told(tmp_path, [(None, "1"), ("2", "2"), ("3", "3")])
    assert [r for r, _, _ in told] == ["numbering-style"], told
    assert "has no label" in told[0][1]
    assert told[0][2] == "give it the label 1"


def test_control_an_unlabelled_first_clause_without_colon_is_told(tmp_path: Path) -> None:
    # (no lead-in: a clause that lost its label, the first of the list)
    target = write(
        tmp_path / "resolutions" / "pp" / "9" / "en.yaml",
        LEAD_IN.format(clauses=_clauses([("2", "2"), ("3", "3")])).replace(
            "the following shall apply:", "the following shall apply;"
        ),
    )
    rules = [d.rule for d in check_paths([target]).diagnostics]
    assert "numbering-style" in rules, rules
