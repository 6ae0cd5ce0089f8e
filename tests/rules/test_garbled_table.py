"""A table converted as paragraphs (its cells' ticks read as labels, PP-18
Resolution 71, Annex 1, Table 3) is one numbering-gap finding: a label left
at the start of one of its rows' texts, and a list nested in one of its rows
(what followed the table, "2.1 Objectives ..." under its last row), are that
finding's, not findings of their own with advice that cannot hold (remove the
label, join 2.1 to the row's text, relabel 2.1 as 5.1). A list garbled in its
own right, nested in a row, stays a finding of its own."""

from __future__ import annotations

from typing import Any

from itures.model.resolution import Resolution
from itures.rules import Context, Finding
from itures.rules.artefacts import conversion_artefact
from itures.rules.numbering import numbering_duplicate, numbering_gap, numbering_style

_TICKS = ["5", "3", "5", "3", "3", "5", "3", "3", "3", "5", "3", "3"]


def _doc(rows: list[dict[str, Any]], after: list[dict[str, Any]] | None = None) -> Resolution:
    items: list[dict[str, Any]] = [
        {"label": "1", "text": "Introduction of the plan."},
        {"label": "2", "text": "Table 3: Linkage of objectives with the goals."},
        *rows,
        *(after or []),
    ]
    return Resolution.model_validate(
        {
            "body": "pp",
            "number": "71",
            "language": "en",
            "title": "Strategic plan",
            "history": [{"event": "adopted", "place": "Dubai", "year": 2018}],
            "operative": [
                {
                    "verb": "resolves",
                    "heading": "resolves",
                    "clauses": [{"label": "1", "text": "to adopt the plan."}],
                }
            ],
            "annexes": [{"heading": "ANNEX 1 TO RESOLUTION 71", "items": items}],
        }
    )


def _rows(last: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"label": tick, "text": f"R.{n} Objective {n}" if n % 2 else tick}
        for n, tick in enumerate(_TICKS)
    ]
    rows[4]["text"] = "3 I.3 Telecommunication/ICT accessibility"
    if last is not None:
        rows[-1] = {**rows[-1], **last}
    return rows


def _numbering(res: Resolution) -> list[Finding]:
    ctx = Context("r.yaml", res)
    return [*numbering_duplicate(ctx), *numbering_gap(ctx), *numbering_style(ctx)]


def test_a_label_in_a_row_s_text_is_the_table_s() -> None:
    res = _doc(_rows())
    (table,) = _numbering(res)
    assert "looks garbled" in table.message
    labels = [
        f
        for f in conversion_artefact(Context("r.yaml", res))
        if "starts with the label" in f.message
    ]
    assert labels == []


def test_a_label_left_in_a_text_outside_a_garbled_list_is_found() -> None:
    res = _doc(
        [{"label": "3", "text": "3 to continue the work."}, {"label": "4", "text": "The end."}]
    )
    labels = [
        f
        for f in conversion_artefact(Context("r.yaml", res))
        if "starts with the label" in f.message
    ]
    assert len(labels) == 1


def test_a_list_nested_in_a_row_is_the_table_s() -> None:
    nested = {"items": [{"label": "2.1", "text": "Objectives, outcomes and outputs Table 4"}]}
    res = _doc(_rows(nested))
    (table,) = _numbering(res)
    assert "looks garbled" in table.message
    assert any("2.1" in p.message for p in table.related)


def test_a_garbled_list_nested_in_a_row_stays_its_own() -> None:
    nested = {
        "items": [
            {"label": label, "text": f"target {label}"}
            for label in ("5.5", "9.4", "4.4", "5.5", "2.1", "7.7")
        ]
    }
    res = _doc(_rows(nested))
    found = _numbering(res)
    assert len(found) == 2
    assert all("looks garbled" in f.message for f in found)
