"""Long fuzzing run: the test suite's fuzz targets at high example counts.

Runs every target of ``tests/fuzzing.py`` (arbitrary bytes, YAML-like text,
plain data through a YAML 1.2 writer, model-shaped documents through the
project's writer, the same spoiled, good files with a span replaced by other
bytes) with Hypothesis generating the inputs. Unlike a test, a failing input
does not stop the run: it is counted, grouped by where and why it failed, and
the run goes on. At the end it prints how many inputs ran and how many
failed, and exits 1 if any did.

    python bench/fuzz.py --jobs 2               # 120,000 inputs, shared by the targets
    python bench/fuzz.py -n 3000                # a quick look
    python bench/fuzz.py --target bytes -n 100000 --seed 7

Nothing is written into the repository: files are checked in a temporary
directory, and Hypothesis keeps no example database.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@dataclass
class Outcome:
    target: str
    inputs: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def _where(exc: BaseException) -> str:
    """The innermost frame of the project (or the last one) and the error, one line."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/itures/" in f.filename or "fuzzing.py" in f.filename]
    frame = (ours or frames)[-1]
    first = (str(exc).splitlines() or [""])[0][:100]
    return f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}: {first}"


def run_chunk(target_name: str, count: int, seed: int) -> Outcome:
    """Run one target on ``count`` generated inputs; failures are counted, not raised."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    from tests.fuzzing import TARGETS

    target, strategy = TARGETS[target_name]
    outcome = Outcome(target_name)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="itures-fuzz-") as directory:

        @hseed(seed)
        @settings(
            max_examples=count,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy)
        def run(value: Any) -> None:
            outcome.inputs += 1
            try:
                target(value, directory)
            except Exception as exc:  # a failure of a property, or a crash: count it, go on
                key = _where(exc)
                outcome.failures[key] += 1
                outcome.examples.setdefault(key, repr(value)[:300])

        run()
    outcome.seconds = time.perf_counter() - start
    return outcome


def main(argv: list[str] | None = None) -> int:
    from tests.fuzzing import TARGETS, WEIGHTS

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "-n", "--inputs", type=int, default=120_000, help="inputs in all, shared by weight (120000)"
    )
    ap.add_argument("--target", action="append", choices=sorted(TARGETS), help="only these targets")
    ap.add_argument("--seed", type=int, default=0, help="Hypothesis seed (0)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (1)")
    ap.add_argument("--chunk", type=int, default=5_000, help="inputs per worker task (5000)")
    args = ap.parse_args(argv)

    names = args.target or sorted(TARGETS)
    weight = sum(WEIGHTS[name] for name in names)
    tasks: list[tuple[str, int, int]] = []
    for name in names:
        left, part = -(-args.inputs * WEIGHTS[name] // weight), 0
        while left > 0:
            count = min(args.chunk, left)
            tasks.append((name, count, args.seed * 1_000_003 + part))
            left -= count
            part += 1

    start = time.perf_counter()
    totals: dict[str, Outcome] = {name: Outcome(name) for name in names}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_chunk, *task) for task in tasks]
        for future in futures:
            got = future.result()
            total = totals[got.target]
            total.inputs += got.inputs
            total.failures.update(got.failures)
            total.seconds += got.seconds
            for key, example in got.examples.items():
                total.examples.setdefault(key, example)
    wall = time.perf_counter() - start

    print("| target | inputs | failures | inputs/s (per process) |")
    print("|---|---:|---:|---:|")
    for outcome in totals.values():
        failed = sum(outcome.failures.values())
        rate = outcome.inputs / outcome.seconds if outcome.seconds else 0.0
        print(f"| {outcome.target} | {outcome.inputs:,} | {failed:,} | {rate:,.0f} |")
    inputs = sum(o.inputs for o in totals.values())
    failures = sum(sum(o.failures.values()) for o in totals.values())
    print(
        f"\n{inputs:,} inputs, {failures:,} failures, in {wall:,.0f} s "
        f"({args.jobs} process{'es' if args.jobs > 1 else ''}, seed {args.seed})."
    )
    for outcome in totals.values():
        for key, n in outcome.failures.most_common():
            print(f"\n[{outcome.target}] {n} × {key}\n  e.g. {outcome.examples[key]}")
    return 1 if failures else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
