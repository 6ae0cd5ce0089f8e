"""Benchmark: how the memory of ``itures check`` grows with the corpus.

Generates corpora of increasing size (``bench/generate.py``) and runs
``itures check --no-cache DIR`` on each as a separate process, reading the
peak resident memory of that process (``ru_maxrss`` from ``wait4``): once
in one process (``--jobs 1``: everything in one place, the figure that grows
with the corpus), once with the default worker processes (the main process,
which holds the index; each worker holds one file at a time and stays
flat). Then fits a line through the one-process figures (least squares) and
extrapolates to ``--target`` files (100,000 by default), or measures it
when it is among the sizes.

    python bench/memory.py                          # 5,000, 10,000, 20,000 files
    python bench/memory.py --sizes 10000 20000 40000 100000
    python bench/memory.py --corpus realistic --sizes 5000 20000 100000

``--corpus realistic`` measures the realistic corpus (``bench/realistic.py``:
the PP-18 Final Acts as imported, copied; it needs ``../shared``) instead of
the generated one. The commands are spawned by a small helper process
(``bench/spawn.py``), so that the peak of a child does not count the memory
of this one.

Nothing is written into the repository; the corpora are removed at the end.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from realistic import build, shared_corpus  # noqa: E402
from spawn import Spawner  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 20000])
    ap.add_argument("--target", type=int, default=100_000, help="files to extrapolate to")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument(
        "--corpus",
        choices=("generated", "realistic"),
        default="generated",
        help="the generated corpus (default) or the realistic one (needs ../shared)",
    )
    args = ap.parse_args(argv)
    if args.corpus == "realistic" and shared_corpus() is None:
        print("../shared/corpora/pp18-final-acts.akn.xml is absent: no realistic corpus.")
        return 0
    python = sys.executable
    rows = []
    spawner = Spawner()
    for n in args.sizes:
        tmp = tempfile.mkdtemp(prefix="itures-memory-")
        try:
            made = build(tmp, n) if args.corpus == "realistic" else generate(tmp, n, args.seed)
            base = [python, "-m", "itures", "check", "--no-cache", made.root]
            one_wall, one, code = spawner.run([*base, "--jobs", "1"], tmp)
            par_wall, main_rss, _ = spawner.run(base, tmp)
            rows.append((n, made.bytes / 1e6, one, one_wall, main_rss, par_wall, code))
            print(
                f"{n:>7,} files: one process {one:6.0f} MB ({one_wall:.1f} s); "
                f"with workers, main process {main_rss:6.0f} MB ({par_wall:.1f} s)",
                flush=True,
            )
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    spawner.close()
    xs = [r[0] for r in rows]
    ys = [r[2] for r in rows]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mean_x) ** 2 for x in xs)
    slope = (
        sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var if var else 0
    )
    intercept = mean_y - slope * mean_x
    print()
    print(
        "| files | corpus MB | peak MB, one process | wall s | peak MB, main process with workers | wall s |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for n, mb, one, one_wall, main_rss, par_wall, _ in rows:
        print(
            f"| {n:,} | {mb:.0f} | {one:.0f} | {one_wall:.1f} | {main_rss:.0f} | {par_wall:.1f} |"
        )
    print()
    print(
        f"Fit: {intercept:.0f} MB + {slope * 1000:.2f} MB per 1,000 files; "
        f"{args.target:,} files: {intercept + slope * args.target:.0f} MB (one process)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
