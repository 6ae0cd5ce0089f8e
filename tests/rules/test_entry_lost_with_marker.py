"""An entry deleted with the only marker of a footnote: the list's gap
("a) is missing") and the footnote marked nowhere were two findings of one
slip. Now the footnote is attached to the gap's finding, where the lost
entry stood between the markers of the footnotes before and after it."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from tests.conftest import SEED_YAML

SECOND_NOTE = "  - id: '2'\n    text: >-\n      Y compris les pays les moins avancés.\n"


def _entry(text: str, label: str, start: str) -> tuple[int, int]:
    """Where the entry labelled ``label`` whose text starts with ``start`` is."""
    a = text.index(f"      - label: {label}\n        text: >-\n          {start}")
    b = text.index("      - ", a + 1)
    return a, b


def _check(tmp_path: Path, text: str) -> list[tuple[str, str, list[str]]]:
    target = tmp_path / "resolutions" / "wtdc" / "59" / "fr.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return [
        (d.rule, d.message, [r.message for r in d.related])
        for d in check_paths([target]).diagnostics
    ]


def test_the_first_item_deleted_with_the_footnote_s_marker(tmp_path: Path) -> None:
    text = SEED_YAML.read_text(encoding="utf-8")
    a, b = _entry(text, "a)", "[la R")
    assert "[^1]" in text[a:b]
    found = _check(tmp_path, text[:a] + text[b:])
    assert found == [
        (
            "numbering-gap",
            "item b) starts 'rappelant': a) is missing",
            ["footnote '1', marked nowhere: its marker was in what was lost?"],
        )
    ]


def test_control_a_gap_before_the_marker_of_the_footnote_before(tmp_path: Path) -> None:
    # footnote 1 marked in considering d), footnote 2 marked nowhere, recalling
    # b) deleted: the gap is before footnote 1's marker, where footnote 2's
    # cannot have been (two findings, as before)
    text = SEED_YAML.read_text(encoding="utf-8") + SECOND_NOTE
    text = text.replace("développement[^1] et", "développement et").replace(
        "ressources humaines;", "ressources humaines[^1];"
    )
    a, b = _entry(text, "b)", "[la R")
    text = text[:a] + text[b:]
    found = _check(tmp_path, text)
    assert sorted(rule for rule, _, _ in found) == ["footnote-unused", "numbering-gap"], found
    assert all(not related for _, _, related in found)


def test_control_the_published_gap_suppressed_is_not_the_lost_entry(tmp_path: Path) -> None:
    # the example's '5' after '2', suppressed, is a gap too: the one lost
    # entry is recalling a), told with the footnote (as above); with recalling
    # a) kept and its marker deleted, the footnote is told alone
    text = SEED_YAML.read_text(encoding="utf-8").replace("développement[^1] et", "développement et")
    found = _check(tmp_path, text)
    assert [(rule, related) for rule, _, related in found] == [("footnote-unused", [])]
