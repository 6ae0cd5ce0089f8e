"""A clause's label retyped while its nested clauses carry its number ("4"
retyped "5" over "4.1, 4.2"): numbering-duplicate tells "5 appears twice;
this one should be 4". The nested list's "4.1 starts clause 5; expected
5.1" followed from it, and its fix (relabel the children 5.1, 5.2) would
keep the slip. One finding now; the children's own slips are still told."""

from __future__ import annotations

from typing import Any

from itures.rules.numbering import analyse
from tests.rules.build import context


def _clauses(parent: str, children: list[str]) -> list[dict[str, Any]]:
    nested = [{"label": c, "text": f"to do {c};"} for c in children]
    return [
        {
            "verb": "resolves",
            "heading": "resolves",
            "clauses": [
                {"label": "1", "text": "to act;"},
                {"label": "2", "text": "to act;"},
                {"label": "3", "text": "to act;"},
                {"label": parent, "text": "to act as follows:", "clauses": nested},
                {"label": "5", "text": "to end."},
            ],
        }
    ]


def _found(parent: str, children: list[str]) -> list[tuple[str, str]]:
    ctx = context(operative=_clauses(parent, children))
    return [(d.rule, d.finding.message) for d in analyse(ctx).defects]


def test_the_children_follow_the_parent_s_label() -> None:
    assert _found("4", ["4.1", "4.2"]) == []
    found = _found("5", ["4.1", "4.2"])
    assert [rule for rule, _ in found] == ["numbering-duplicate"], found
    assert found[0][1].endswith("should be 4")


def test_control_a_child_s_own_slip_is_still_told() -> None:
    # the parent right, a child retyped: told at the child
    found = _found("4", ["4.1", "4.3"])
    assert [rule for rule, _ in found] == ["numbering-gap"], found
    # the parent retyped and the children numbered after it: the parent alone
    found = _found("6", ["6.1", "6.2"])
    assert [rule for rule, _ in found] == ["numbering-gap"], found
