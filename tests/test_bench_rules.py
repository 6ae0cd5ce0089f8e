"""``bench/rules.py``: where a cold check's time goes, rule by rule."""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from generate import generate

import itures.rules
from itures import textscan
from itures.corpus import check_paths
from itures.rules import BUILTIN
from itures.rules.runner import RUNNER_RULES
from rules import Clock, measure


def test_each_rule_finds_what_the_check_reports_and_the_timing_is_undone(
    tmp_path: Path,
) -> None:
    """The timed run is the check's: every rule of the catalogue is timed and
    finds, file by file, what ``itures check`` reports of it; the memo and
    the scan it times are the package's own again afterwards."""
    made = generate(tmp_path, 40, seed=3, defect_rate=0.5)
    memo, found_in = itures.rules._memo, textscan.Scans.found_in
    clock, found, floor, n = measure([Path(p) for p in made.files])
    assert itures.rules._memo is memo and textscan.Scans.found_in is found_in
    assert n == 40 and floor > 0
    reported = Counter(
        d.rule for d in check_paths([made.root]).diagnostics if d.rule not in BUILTIN
    )
    timed = Counter({name.removesuffix(" (corpus)"): k for name, k in found.items() if k})
    assert reported, "the planted defects give findings"
    assert timed == reported
    names = {name.removesuffix(" (corpus)") for name in clock.spent}
    assert set(itures.rules.load_all()) - set(RUNNER_RULES) <= names
    assert any(name.startswith("shared: ") for name in clock.spent)


def test_a_part_inside_another_is_counted_once() -> None:
    clock = Clock()

    def inner() -> None:
        time.sleep(0.02)

    def outer() -> None:
        clock.time("inner", inner)
        time.sleep(0.01)

    started = time.perf_counter()
    clock.time("outer", outer)
    took = time.perf_counter() - started
    assert clock.spent["inner"] >= 0.02
    assert 0.01 <= clock.spent["outer"] < clock.spent["inner"]
    assert abs(sum(clock.spent.values()) - took) < 0.005
