"""The sub-list of a clause of an operative part that a conversion merged
into a preambular item (PP-18 Resolutions 151 and 157: "…, resolves to
instruct … 2 to … for this purpose to:" then i), v); "d) … further resolves
to strengthen … by:" then i)): conversion-artefact reports the operative
part, once; the numbering does not tell the editor to nest the sub-list in
the item or to relabel it a), b), which would keep operative text in the
preamble or damage its labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from itures.config import Config
from itures.corpus import check_paths
from itures.diagnostics import Diagnostic
from itures.yamlio.write import dump_data
from tests.rules import build

MERGED = (
    "that the purpose of RBM is to ensure results, resolves to instruct the "
    "Secretary-General 1 to continue to improve processes; 2 to develop a results "
    "framework, and for this purpose to:"
)


def _doc(items: list[dict[str, Any]]) -> dict[str, Any]:
    instructs = build.clauses(
        ["to review."], verb="instructs", heading="instructs the ITU Council", labels=[None]
    )
    return build.data(
        number="151",
        preamble=[{"verb": "emphasizing", "heading": "emphasizing", "items": items}],
        operative=[instructs],
    )


def _found(tmp_path: Path, data: dict[str, Any]) -> list[Diagnostic]:
    path = tmp_path / "en.yaml"
    path.write_text(dump_data(data), encoding="utf-8")
    return list(check_paths([path], Config()).diagnostics)


def _rules(found: list[Diagnostic]) -> list[tuple[str, str]]:
    return [(d.rule, d.pointer or "") for d in found]


def test_roman_items_after_an_unlabelled_item_holding_an_operative_part(tmp_path: Path) -> None:
    items = [
        {"text": MERGED},
        {"label": "i)", "text": "set out the activities;"},
        {"label": "ii)", "text": "monitor implementation,"},
    ]
    found = _found(tmp_path, _doc(items))
    assert not [d for d in found if d.rule.startswith("numbering")], _rules(found)
    assert ("conversion-artefact", "/preamble/0/items/0/text") in _rules(found)


def test_roman_items_after_a_lettered_item_holding_an_operative_part(tmp_path: Path) -> None:
    items = [
        {"label": "a)", "text": "that one;"},
        {"label": "b)", "text": MERGED.replace("and for this purpose to:", "by:")},
        {"label": "i)", "text": "collaborating with experts;"},
        {"label": "ii)", "text": "utilizing local experts,"},
    ]
    found = _found(tmp_path, _doc(items))
    assert not [d for d in found if d.rule.startswith("numbering")], _rules(found)
    assert ("conversion-artefact", "/preamble/0/items/1/text") in _rules(found)


def test_numbered_clauses_after_an_item_holding_an_operative_part(tmp_path: Path) -> None:
    items = [
        {"label": "a)", "text": "that one;"},
        {
            "label": "b)",
            "text": "that two, resolves to instruct the Secretary-General 1 to continue;",
        },
        {"label": "2", "text": "to report;"},
        {"label": "3", "text": "to inform,"},
    ]
    found = _found(tmp_path, _doc(items))
    assert not [d for d in found if d.rule.startswith("numbering")], _rules(found)


def test_the_same_lists_with_no_operative_part_are_still_reported(tmp_path: Path) -> None:
    plain = "that the purpose of RBM is to ensure results, and for this purpose to:"
    items = [
        {"label": "a)", "text": "that one;"},
        {"label": "b)", "text": plain},
        {"label": "i)", "text": "set out the activities;"},
        {"label": "ii)", "text": "monitor implementation,"},
    ]
    found = [d for d in _found(tmp_path, _doc(items)) if d.rule.startswith("numbering")]
    assert [d.message.split(": they")[0] for d in found] == [
        "items i), ii) of 'emphasizing' follow b), which ends with ':'"
    ]
    items = [{"text": plain}, *items[2:]]
    found = [d for d in _found(tmp_path, _doc(items)) if d.rule.startswith("numbering")]
    assert [d.rule for d in found] == ["numbering-style"]
    # (a sub-list after an unlabelled entry ending with ':': told to be nested in it)
    assert "follow the entry before, which ends with ':'" in found[0].message
