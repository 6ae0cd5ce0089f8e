"""Reports written a finding at a time are the reports made whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


@pytest.fixture
def _drawn_beside(monkeypatch: pytest.MonkeyPatch) -> None:
    """A side process draws the second half of every text report of a few findings."""
    from itures import side
    from itures.report import terminal

    monkeypatch.setattr(terminal, "PARALLEL_FINDINGS", 2)
    monkeypatch.setattr(side, "usable", lambda: True)  # threads other tests left


def _serial(result: CheckResult, opts: ReportOptions | None) -> str:
    from itures.report import terminal

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(terminal, "PARALLEL_FINDINGS", 10**9)
        return "".join(chunks("text", result, opts))


@pytest.mark.usefixtures("_drawn_beside")
def test_a_report_drawn_in_two_processes_is_the_report(tmp_path: Path) -> None:
    """The second half of the findings drawn by a side process (into a file,
    read back in pieces): the same text, colours, widths, suppressed findings
    shown and characters a terminal must not get raw included."""
    from itures import side

    (tmp_path / "empty").mkdir()
    before = side.start
    started: list[object] = []

    def counting(work: object) -> object:
        got = before(work)  # type: ignore[arg-type]
        started.append(got)
        return got

    import os

    from itures.report import terminal

    drawn_here: list[int] = []  # where this process started drawing (not the side's)
    draw = terminal._draw

    def drawing(result: CheckResult, opts: Any, start: int, stop: int | None) -> Any:
        if os.getpid() == here:
            drawn_here.append(start)
        return draw(result, opts, start, stop)

    here = os.getpid()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(side, "start", counting)
        mp.setattr(terminal, "_draw", drawing)
        for result in _results(tmp_path):
            for opts in (None, ReportOptions(color=True), ReportOptions(width=50)):
                whole = "".join(chunks("text", result, opts))
                assert whole == _serial(result, opts)
    assert any(s is not None for s in started)  # the side processes ran
    assert set(drawn_here) == {0}  # and their halves were taken, not drawn again here


@pytest.mark.usefixtures("_drawn_beside")
@pytest.mark.parametrize("how", ["no answer", "left early"])
def test_a_side_process_that_did_not_draw_or_is_not_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Without the side process's half (it died), this process draws it; a
    report left before its end (a closed pipe) stops the side process."""
    import os

    from itures import side

    result = _results(tmp_path)[1]
    real_start, real_answer = side.start, side.answer
    pids: list[int] = []

    def start(work: Any) -> Any:
        got = real_start(work)
        pids.append(got.pid if got is not None else 0)
        return got

    monkeypatch.setattr(side, "start", start)
    if how == "no answer":
        monkeypatch.setattr(side, "answer", lambda started: (real_answer(started), None)[1])
        assert "".join(chunks("text", result)) == _serial(result, None)
    else:
        pieces = chunks("text", result)
        assert next(pieces)
        pieces.close()  # type: ignore[attr-defined]
    assert pids and all(pids)
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # stopped and waited for: none left behind
