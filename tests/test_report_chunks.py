"""Reports written a finding at a time are the reports made whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.report import REPORTERS, ReportOptions, chunks
from itures.result import CheckResult
from tests.conftest import resolution, write

ROOT = Path(__file__).resolve().parent.parent


def _results(tmp_path: Path) -> list[CheckResult]:
    bad = resolution()
    bad["operative"][0]["clauses"][1]["label"] = "5"
    bad["operative"][0]["clauses"][2]["text"] = "to apply [it](pp:999#resolves/3) « é »;"
    write(tmp_path / "c" / "pp" / "191" / "en.yaml", bad)
    (tmp_path / "c" / "pp" / "2").mkdir(parents=True)
    (tmp_path / "c" / "pp" / "2" / "en.yaml").write_text("body: [\n", encoding="utf-8")
    example = check_paths([ROOT / "resolutions"])
    broken = check_paths([tmp_path / "c"])
    missing = check_paths([tmp_path / "c", tmp_path / "nowhere"])
    empty = check_paths([tmp_path / "empty"])
    shown = check_paths([ROOT / "resolutions"])
    shown.show_suppressed = True
    return [example, broken, missing, empty, shown]


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_the_pieces_make_the_report(fmt: str, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    options = [
        None,
        ReportOptions(),
        ReportOptions(color=True),
        ReportOptions(statistics=True),
        ReportOptions(width=50, rules_url="https://example.org/rules"),
    ]
    for result in _results(tmp_path):
        for opts in options:
            assert "".join(chunks(fmt, result, opts)) == REPORTERS[fmt](result, opts)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_text_and_json_come_a_finding_at_a_time(fmt: str, tmp_path: Path) -> None:
    result = _results(tmp_path)[1]
    assert len(result.diagnostics) >= 3
    pieces = list(chunks(fmt, result))
    assert len(pieces) > len(result.diagnostics)
    if fmt == "json":
        assert json.loads("".join(pieces))["summary"]["errors"] == result.errors
