"""A list of an annex that starts again (PP-18 Resolution 71, Annex 2: the
SWOT table converted as paragraphs 1-9, 1-4, 1-9, 1-6 after "Table 1: SWOT
analysis Strengths Weaknesses"): one finding for all its restarts, with a
help that fits an annex (its paragraphs have no verb or heading)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from itures.config import Config
from itures.corpus import check_paths
from itures.diagnostics import Diagnostic
from itures.yamlio.write import dump_data
from tests.rules import build


def _doc(paragraphs: list[dict[str, Any]]) -> dict[str, Any]:
    return build.data(
        number="71",
        preamble=[build.items(["that,"], labels=[None])],
        operative=[build.clauses(["to adopt."], labels=[None])],
        annexes=[{"heading": "ANNEX 2 TO RESOLUTION 71", "items": paragraphs}],
    )


def _rows(*counts: int) -> list[dict[str, Any]]:
    return [{"label": str(n), "text": f"cell {n}"} for count in counts for n in range(1, count + 1)]


def _numbering(tmp_path: Path, data: dict[str, Any]) -> list[Diagnostic]:
    path = tmp_path / "en.yaml"
    path.write_text(dump_data(data), encoding="utf-8")
    return [d for d in check_paths([path], Config()).diagnostics if d.rule.startswith("numbering")]


def test_a_table_converted_as_paragraphs_is_one_finding_that_names_it(tmp_path: Path) -> None:
    paragraphs = [
        {"label": "1", "text": "Background."},
        {
            "label": "2",
            "text": "The elements are introduced in the table below. Table 1: SWOT analysis "
            "Strengths Weaknesses",
        },
        *_rows(9, 4, 9, 6),
    ]
    found = _numbering(tmp_path, _doc(paragraphs))
    assert len(found) == 1
    d = found[0]
    assert d.rule == "numbering-duplicate" and d.severity == "error"
    assert d.pointer == "/annexes/0/items/2/label"
    assert d.message.startswith(
        "paragraph 1 starts the list of 'ANNEX 2 TO…' again after 2, and again after 9, 4 and 9"
    )
    assert "names a table ('Table 1: SWOT analysis Strengths…')" in d.message
    assert d.help is not None and "put the table's rows in the text" in d.help
    assert "verb" not in d.help and "heading" not in d.help
    # the caption, then the three other restarts
    assert [r.message for r in d.related] == [
        "the table named here",
        "paragraph 1, the list started again after 9",
        "paragraph 1, the list started again after 4",
        "paragraph 1, the list started again after 9",
    ]
    # the help applied: the rows in the text, the list is 1, 2
    paragraphs[1]["text"] += " " + " ".join(p["text"] for p in paragraphs[2:])
    del paragraphs[2:]
    assert _numbering(tmp_path, _doc(paragraphs)) == []


def test_a_restart_with_no_table_named_asks_for_a_table_or_a_lost_sub_heading(
    tmp_path: Path,
) -> None:
    found = _numbering(tmp_path, _doc(_rows(3, 2)))
    assert len(found) == 1
    d = found[0]
    assert d.rule == "numbering-duplicate"
    assert d.message == (
        "paragraph 1 starts the list of 'ANNEX 2 TO…' again after 3: in an annex, a table "
        "converted as paragraphs, or a sub-heading of the annex lost?"
    )
    assert d.help is not None and "sub-heading as an unlabelled paragraph" in d.help
    assert "verb" not in d.help
    # the help applied: the sub-heading, an unlabelled paragraph, before the new list
    rows = _rows(3, 2)
    rows.insert(3, {"text": "Part B: Procedures"})
    assert _numbering(tmp_path, _doc(rows)) == []


def test_a_nested_list_of_an_annex_that_starts_again_is_relabelled(tmp_path: Path) -> None:
    paragraphs = [{"label": "1", "text": "Scope:", "items": _rows(2, 2)}]
    found = _numbering(tmp_path, _doc(paragraphs))
    assert [d.message for d in found] == [
        "paragraph 1 starts paragraph 1 of 'ANNEX 2 TO…' again after 2"
    ]
