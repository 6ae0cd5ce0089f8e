"""bench/hostile.py: each field it claims to fill is filled, in a file the
schema takes, and a command that grows faster than its input is flagged."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import hostile

from itures.validate import validate
from itures.yamlio.read import read_document
from itures.yamlio.write import dump_data


def _strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize("field", hostile.TEXT_FIELDS + hostile.LIST_FIELDS)
def test_each_field_is_filled_and_the_file_is_read(field: str) -> None:
    small = hostile.build(field, "xy ", 30)
    large = hostile.build(field, "xy ", 120)
    grown = max(s.count("xy") for s in _strings(large))
    if field in hostile.LIST_FIELDS:
        assert sum(s.count("xy") for s in _strings(large)) >= 120  # one an entry
    else:
        assert grown == 40 and max(s.count("xy") for s in _strings(small)) == 10
    doc = read_document("t.yaml", dump_data(large).encode())
    resolution, problems = validate(doc)
    assert resolution is not None, problems


def test_a_command_quadratic_in_its_input_is_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hunt's judgement, on a stand-in command whose time is the square
    of the pattern's count in the file, then on one linear in it."""
    shown: list[str] = []

    def slow(*args: str) -> tuple[int, int]:
        n = Path(args[-1]).read_text("utf-8").count("ab")
        time.sleep((n / 1000) ** 2 * 0.2)
        return 0, 0

    monkeypatch.setattr(hostile, "_cli", slow)
    assert hostile.hunt(["clause"], ["check", "{path}"], 1000, 4000, ["ab "], shown.append) == 1
    assert "<<<" in shown[0]

    def linear(*args: str) -> tuple[int, int]:
        n = Path(args[-1]).read_text("utf-8").count("ab")
        time.sleep(n / 1333 * 0.05)
        return 0, 0

    monkeypatch.setattr(hostile, "_cli", linear)
    shown.clear()
    assert hostile.hunt(["clause"], ["check", "{path}"], 1000, 4000, ["ab "], shown.append) == 0
    assert shown == []
