"""Benchmark: `itures check` against the floor and the alternative, same files, one process.

Generates a corpus (``bench/generate.py``) into a temporary directory, then
times, on exactly those files:

* **libyaml parse-only**: read each file and ``yaml.load`` it with PyYAML's
  ``CSafeLoader``. No positions, no validation: the floor for reading YAML in
  Python, what a check can at best approach.
* **check-jsonschema**: ``check-jsonschema --schemafile schema/resolution.schema.json FILES``,
  what a user would otherwise run (schema only, no rules), called through its
  command-line entry point.
* **itures check, cold**: ``itures check DIR`` through the command-line entry
  point (discovery, reading with positions, validation, every rule, report).
* **itures check, warm**: the same command run again with nothing changed. There
  is no cache of parsed documents yet, so warm equals cold; see
  :func:`itures_argv`, the one place to change when the cache lands.

Every command runs in this process, after an untimed pass that imports its
modules and fills the OS page cache, so the table compares the work on the
files, not interpreter start-up (``--subprocess`` adds end-to-end rows that
include it). Each row is the median of ``--repeat`` runs. Nothing is written
into the repository; the corpus is removed at the end unless ``--keep`` is given.

    python bench/run.py                 # 5,000 files, 3 runs each
    python bench/run.py -n 500 --repeat 1
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SCHEMA = REPO / "schema" / "resolution.schema.json"
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


@dataclass
class Row:
    name: str
    func: Callable[[], int | str]
    note: str = ""
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    result: int | str = ""


def _cpu() -> float:
    """CPU seconds of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure(rows: list[Row], repeat: int) -> None:
    """Run every command once untimed, then ``repeat`` rounds, interleaved.

    Interleaving spreads the noise of a shared machine evenly over the rows.
    """
    thresholds = gc.get_threshold()
    for row in rows:
        row.func()  # untimed: imports, page cache
        gc.set_threshold(*thresholds)
    for _ in range(repeat):
        for row in rows:
            gc.collect()
            wall, cpu = time.perf_counter(), _cpu()
            row.result = row.func()
            row.cpu.append(_cpu() - cpu)
            row.wall.append(time.perf_counter() - wall)
            # a command may tune the collector for its process (itures check
            # does): give the next one the interpreter's defaults again
            gc.set_threshold(*thresholds)


def libyaml_parse(files: list[str]) -> Callable[[], int | str]:
    import yaml

    loader = yaml.CSafeLoader

    def run() -> int | str:
        failed = 0
        for path in files:
            with open(path, "rb") as fh:
                data = fh.read()
            try:
                yaml.load(data, Loader=loader)
            except yaml.YAMLError:
                failed += 1
        return f"{failed} unparsable"

    return run


def check_jsonschema(files: list[str]) -> Callable[[], int | str]:
    from check_jsonschema import main

    argv = ["--schemafile", str(SCHEMA), *files]

    def run() -> int | str:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(argv, standalone_mode=False)
        return int(code or 0)

    return run


def _itures_has_cache() -> bool:
    """Whether ``itures check`` accepts ``--no-cache`` (the cache has landed)."""
    from itures.cli import build_parser

    _, unknown = build_parser().parse_known_args(["check", "--no-cache"])
    return "--no-cache" not in unknown


def itures_argv(root: str, *, warm: bool) -> list[str]:
    """The ``itures check`` command line for a cold or a warm run.

    Hook for the cache of parsed documents: once ``itures check`` has a
    ``--no-cache`` option, cold runs pass it (nothing read from or written to
    the cache) and warm runs leave it out (the untimed first run of
    :func:`measure` primes the cache, the timed runs find every file in
    it). Until then both are the same command, so warm equals cold. The cache
    directory is kept out of the repository by running from the corpus's
    temporary directory with ``XDG_CACHE_HOME`` pointing into it (see
    :func:`itures_check`).
    """
    argv = ["check", root]
    if not warm and _itures_has_cache():
        argv.append("--no-cache")
    return argv


def itures_check(root: str, *, warm: bool) -> Callable[[], int | str]:
    from itures.cli import main

    argv = itures_argv(root, warm=warm)
    workdir = os.path.dirname(root)

    def run() -> int | str:
        old = os.getcwd()
        os.chdir(workdir)
        try:
            with contextlib.redirect_stdout(io.StringIO()) as out:
                code = main(argv)
        finally:
            os.chdir(old)
        summary = out.getvalue().rstrip("\n").rsplit("\n", 1)[-1]
        return f"{code}; {summary}"

    return run


def subprocess_run(argv: list[str], cwd: str) -> Callable[[], int | str]:
    def run() -> int | str:
        done = subprocess.run(argv, cwd=cwd, capture_output=True, check=False)
        return done.returncode

    return run


def _versions() -> str:
    from importlib.metadata import version

    names = ("PyYAML", "pydantic", "check-jsonschema", "jsonschema")
    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except Exception:  # a missing package is reported as such
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def table(rows: list[Row], files: int) -> str:
    """The Markdown table; ratios are of CPU time (steadier than wall time)."""
    floor = statistics.median(rows[0].cpu)
    other = next((statistics.median(r.cpu) for r in rows if r.name.startswith("check-js")), None)
    lines = [
        "| run | files/s (CPU) | files/s (wall) | CPU s | vs libyaml parse-only "
        "| vs check-jsonschema | result |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        cpu, wall = statistics.median(row.cpu), statistics.median(row.wall)
        vs_other = f"{other / cpu:.1f}×" if other else "n/a"
        note = f" {row.note}" if row.note else ""
        lines.append(
            f"| {row.name} | {files / cpu:,.0f} | {files / wall:,.0f} | {cpu:.2f} "
            f"| {floor / cpu:.2f}× | {vs_other} | {row.result}{note} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("-n", "--files", type=int, default=5000, help="number of files (5000)")
    ap.add_argument("--seed", type=int, default=6, help="generator seed (6)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per command (3)")
    ap.add_argument(
        "--subprocess", action="store_true", help="also time the commands as separate processes"
    )
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    args = ap.parse_args(argv)

    tmp = args.keep or tempfile.mkdtemp(prefix="itures-bench-")
    try:
        os.environ["XDG_CACHE_HOME"] = os.path.join(tmp, "xdg-cache")
        made = generate(tmp, args.files, args.seed)
        files = made.files
        sizes = sorted(os.path.getsize(f) for f in files)
        print(
            f"Corpus: {len(files):,} files, {made.bytes / 1e6:.1f} MB, median "
            f"{sizes[len(sizes) // 2] / 1000:.1f} KB (min {sizes[0] / 1000:.1f}, max "
            f"{sizes[-1] / 1000:.1f}), {len(made.defects)} with a planted defect; seed {args.seed}."
        )
        print(
            f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {_versions()}; "
            f"median of {args.repeat} interleaved runs, in this process unless said.\n"
        )
        rows = [Row("libyaml parse-only (PyYAML CSafeLoader)", libyaml_parse(files))]
        try:
            rows.append(
                Row("check-jsonschema --schemafile resolution.schema.json", check_jsonschema(files))
            )
        except ImportError:
            print("check-jsonschema is not installed: pip install -e '.[bench]'\n")
        rows.append(Row("itures check, cold", itures_check(made.root, warm=False)))
        note = "" if _itures_has_cache() else "(no cache yet: same as cold)"
        rows.append(Row("itures check, warm", itures_check(made.root, warm=True), note))
        if args.subprocess:
            bindir = os.path.dirname(sys.executable)
            cj = os.path.join(bindir, "check-jsonschema")
            if os.path.exists(cj):
                argv_cj = [cj, "--schemafile", str(SCHEMA), *files]
                rows.append(Row("`check-jsonschema` as a process", subprocess_run(argv_cj, tmp)))
            cmd = [sys.executable, "-m", "itures", *itures_argv(made.root, warm=False)]
            rows.append(Row("`itures check` as a process, cold", subprocess_run(cmd, tmp)))
        measure(rows, args.repeat)
        print(table(rows, len(files)))
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
