"""Stage 2 with half of the checked files in a side process gives what one
process gives: the same findings, positioned and suppressed alike, in the
same order; and when the side process does not answer, this one does its
half."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from itures import pipeline, side
from itures.corpus import check_paths
from itures.result import CheckResult
from itures.yamlio.write import dump_data as _dump
from tests.conftest import ROOT, resolution, write


def _corpus(tmp_path: Path) -> Path:
    """Files with corpus findings (citations of missing resolutions), file
    findings, suppression comments (used and unused), and clean files."""
    root = tmp_path / "c"
    for n in range(1, 13):
        data = resolution(number=str(n))
        if n % 2:
            data["operative"][0]["clauses"][2]["text"] = (
                f"to apply [it](pp:{n + 1}#resolves/30) « é »;"
            )
        if n % 3 == 0:
            data["operative"][0]["clauses"][1]["label"] = "5"
        text = _dump(data)
        if n % 4 == 0:
            text = "# itures: ignore[numbering-gap] reason: kept on purpose\n" + text
        if n == 5:
            text = "# itures: ignore[punctuation] reason: not here\n" + text
        write(root / "pp" / str(n) / "en.yaml", text)
        if n in (2, 11):
            # a French version that lost its last clause: language-mismatch's finding
            # covers punctuation's on the clause now last (one in each half)
            data["language"] = "fr"
            del data["operative"][0]["clauses"][-1]
            # (the second with a suppression comment: its file findings wait for the
            # corpus ones, pending)
            marker = "# itures: ignore[heading-mismatch] reason: kept\n" if n == 11 else ""
            write(root / "pp" / str(n) / "fr.yaml", marker + _dump(data))
    write(root / "pp" / "99" / "en.yaml", "body: [\n")
    return root


def _check(root: Path) -> CheckResult:
    return check_paths([root, ROOT / "resolutions"])


@pytest.fixture
def _beside(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """conclude gives half of any corpus to a side process; the ones started are listed."""
    started: list[Any] = []
    real = side.start

    def start(work: Any) -> Any:
        got = real(work)
        started.append(got)
        return got

    monkeypatch.setattr(pipeline, "CONCLUDE_BESIDE", 2)
    monkeypatch.setattr(side, "usable", lambda: True)  # threads other tests left
    monkeypatch.setattr(side, "start", start)
    return started


def _alone(root: Path) -> CheckResult:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "CONCLUDE_BESIDE", 10**9)
        return _check(root)


def test_half_of_the_files_beside_give_the_same_findings(
    tmp_path: Path, _beside: list[Any]
) -> None:
    root = _corpus(tmp_path)
    result = _check(root)
    assert _beside and all(s is not None for s in _beside)
    expected = _alone(root)
    assert result.diagnostics == expected.diagnostics
    assert result.suppressed == expected.suppressed
    assert result.failures == expected.failures
    rules = {d.rule for d in result.diagnostics}
    assert {"reference-unresolved", "numbering-gap", "suppression-unused"} <= rules
    french = [(d.rule, d.path) for d in result.diagnostics if d.path.endswith("fr.yaml")]
    assert "punctuation" not in {r for r, _ in french}
    assert len({p for r, p in french if r == "language-mismatch"}) == 2
    assert {s.diagnostic.rule for s in result.suppressed} >= {"numbering-gap"}


def test_a_side_process_that_does_not_answer_leaves_its_half_to_this_one(
    tmp_path: Path, _beside: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = side.answer
    monkeypatch.setattr(side, "answer", lambda started: (real(started), None)[1])
    root = _corpus(tmp_path)
    result = _check(root)
    assert _beside
    expected = _alone(root)
    assert result.diagnostics == expected.diagnostics
    assert result.suppressed == expected.suppressed


def test_a_first_run_with_a_cache_gives_half_beside_and_a_later_run_none(
    tmp_path: Path, _beside: list[Any], _own_cache: Path
) -> None:
    """A first run holds every outcome in memory: its index reads no database, and
    half of its files go beside. A later run's index may read the database, which a
    forked process must not use: no side process then."""
    from itures.cache import Cache

    root = _corpus(tmp_path)
    expected = _alone(root)
    _beside.clear()
    cache = Cache(str(_own_cache))
    first = check_paths([root, ROOT / "resolutions"], cache=cache)
    cache.close()
    assert len(_beside) == 1 and _beside[0] is not None
    assert first.diagnostics == expected.diagnostics
    assert first.suppressed == expected.suppressed
    # one file changed: its card is new, the others' are known (read from the database)
    target = root / "pp" / "2" / "en.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _beside.clear()
    cache = Cache(str(_own_cache))
    later = check_paths([root, ROOT / "resolutions"], cache=cache)
    cache.close()
    assert _beside == []
    assert later.diagnostics == _alone(root).diagnostics
