"""A clause pasted twice with its nested clauses: text-duplicate told the
copy, and again each nested clause of it ("clause 4.1 of clause 4 has the
same text as clause 4.1 of clause 4", four findings for one paste). The
copy's finding alone now; a nested clause pasted on its own is still told."""

from __future__ import annotations

from typing import Any

from itures.rules.repeats import text_duplicate
from tests.rules.build import context

LONG = "to take the measures needed to carry out this resolution in every region"


def _parent(label: str, children: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "label": label,
        "text": f"{LONG} as follows:",
        "clauses": [{"label": c, "text": f"{t};"} for c, t in children],
    }


def _found(clauses: list[dict[str, Any]]) -> list[str]:
    ctx = context(operative=[{"verb": "resolves", "heading": "resolves", "clauses": clauses}])
    return [f.message for f in text_duplicate(ctx)]


KIDS = [("4.1", f"{LONG} first"), ("4.2", f"{LONG} second")]


def test_a_clause_pasted_with_its_nested_clauses_is_one_finding() -> None:
    found = _found([_parent("4", KIDS), _parent("4", KIDS)])
    assert len(found) == 1, found
    assert found[0].startswith("clause 4 of 'resolves' has the same text as clause 4")


def test_control_a_nested_clause_pasted_again_inside_the_copy_is_told() -> None:
    # the copy's nested list holds 4.2 twice: that second 4.2 is a paste of its own
    found = _found([_parent("4", KIDS), _parent("4", [*KIDS, KIDS[1]])])
    assert len(found) == 2, found
    assert found[1].startswith("clause 4.2 of clause 4 of 'resolves' has the same text"), found


def test_control_a_nested_clause_pasted_in_its_own_list_is_told() -> None:
    found = _found([_parent("4", [*KIDS, KIDS[1]])])
    assert len(found) == 1 and found[0].startswith("clause 4.2 of clause 4"), found
