"""Benchmark: `itures check` against the floor and the alternative, same files, one process.

Generates a corpus (``bench/generate.py``) into a temporary directory, then
times, on exactly those files:

* **libyaml parse-only**: read each file and ``yaml.load`` it with PyYAML's
  ``CSafeLoader``. No positions, no validation: the floor for reading YAML in
  Python, what a check can at best approach.
* **check-jsonschema**: ``check-jsonschema --schemafile schema/resolution.schema.json FILES``,
  what a user would otherwise run (schema only, no rules), called through its
  command-line entry point.
* **itures check, cold**: ``itures check --no-cache DIR`` through the
  command-line entry point (discovery, reading with positions, validation,
  every rule, report), with its default worker processes (one per CPU for
  that many files);
* **itures check, cold, one process**: the same with ``--jobs 1``;
* **itures check, warm**: ``itures check DIR`` again with nothing changed: the
  cache answers (the untimed first run fills it).

Every command runs in this process, after an untimed pass that imports its
modules and fills the OS page cache, so the table compares the work on the
files, not interpreter start-up (``--subprocess`` adds end-to-end rows that
include it). Each row is the median of ``--repeat`` runs. Ratios are of wall
time: worker processes do their work outside this process, so its CPU time
says nothing of a parallel run (the CPU column adds the workers' time, once
they have exited). Nothing is written into the repository; the corpus is
removed at the end unless ``--keep`` is given.

A second table, **the commit hook**, times ``itures check --corpus resolutions
FILE`` (what ``.pre-commit-hooks.yaml`` runs) as a process, cache warm,
against ``python -c pass``: the median of ``--hook-runs`` runs each,
interleaved. It runs with byte code written (``PYTHONPYCACHEPREFIX`` into the
corpus's directory), as an installed itures runs.

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


def itures_argv(root: str, *, warm: bool, jobs: int | None = None) -> list[str]:
    """The ``itures check`` command line for a cold or a warm run.

    Cold runs pass ``--no-cache`` (nothing read from or written to the
    cache), warm runs leave it out (the untimed first run of :func:`measure`
    primes the cache, the timed runs find every file in it). The cache
    directory is kept out of the repository by running from the corpus's
    temporary directory with ``XDG_CACHE_HOME`` (and ``ITURES_CACHE_DIR``)
    pointing into it (see :func:`main`).
    """
    argv = ["check", root]
    if not warm and _itures_has_cache():
        argv.append("--no-cache")
    if jobs is not None:
        argv += ["--jobs", str(jobs)]
    return argv


def itures_check(root: str, *, warm: bool, jobs: int | None = None) -> Callable[[], int | str]:
    from itures.cli import main

    argv = itures_argv(root, warm=warm, jobs=jobs)
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
    """The Markdown table; ratios are of wall time (see the module docstring)."""
    floor = statistics.median(rows[0].wall)
    other = next((statistics.median(r.wall) for r in rows if r.name.startswith("check-js")), None)
    cold = next((statistics.median(r.wall) for r in rows if r.name == COLD), None)
    lines = [
        "| run | files/s (wall) | wall s | CPU s | vs libyaml parse-only "
        "| vs check-jsonschema | vs itures cold | result |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        cpu, wall = statistics.median(row.cpu), statistics.median(row.wall)
        vs_other = f"{other / wall:.1f}×" if other else "n/a"
        vs_cold = f"{cold / wall:.1f}×" if cold else "n/a"
        note = f" {row.note}" if row.note else ""
        lines.append(
            f"| {row.name} | {files / wall:,.0f} | {wall:.2f} | {cpu:.2f} "
            f"| {floor / wall:.2f}× | {vs_other} | {vs_cold} | {row.result}{note} |"
        )
    return "\n".join(lines)


COLD = "itures check, cold"


def hook_table(root: str, repeat: int) -> str:
    """``itures check --corpus resolutions FILE`` as a process vs ``python -c pass``.

    Three cases: the cache warm (nothing changed since the last check), the
    checked file changed since (what a commit usually brings: the file is
    rewritten before each run with a new comment at its end, so that it is
    never in the cache; the rest of the corpus is), and no cache.
    """
    workdir = os.path.dirname(root)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # byte code written, as installed
    env["PYTHONPYCACHEPREFIX"] = os.path.join(workdir, "pycache")
    env.pop("GITHUB_ACTIONS", None)
    target = sorted(
        os.path.relpath(os.path.join(top, n), workdir)
        for top, _, names in os.walk(root)
        for n in names
        if n.endswith(".yaml")
    )[0]
    hook = [sys.executable, "-m", "itures", "check", "--corpus", "resolutions", target]
    warm = f"`{' '.join(hook[2:])}`, cache warm"
    changed = f"the same, {target} changed since the last check"
    cold = "the same with `--no-cache`"
    commands = {"`python -c pass`": [sys.executable, "-c", "pass"], warm: hook}
    commands[changed] = hook
    commands[cold] = [*hook, "--no-cache"]
    original = Path(workdir, target).read_bytes()
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # untimed: byte code, cache, page cache
        subprocess.run(argv, cwd=workdir, env=env, capture_output=True, check=False)
    cold_runs = max(1, repeat // 10)
    try:
        for i in range(repeat):
            for name, argv in commands.items():
                if name == cold and i >= cold_runs:
                    continue
                if name == changed:
                    Path(workdir, target).write_bytes(original + f"# edit {i}\n".encode())
                elif name == warm and i:
                    # back as it was when the cache was filled: a warm run again
                    Path(workdir, target).write_bytes(original)
                start = time.perf_counter()
                subprocess.run(argv, cwd=workdir, env=env, capture_output=True, check=False)
                times[name].append(time.perf_counter() - start)
    finally:
        Path(workdir, target).write_bytes(original)
    base = statistics.median(times["`python -c pass`"])
    lines = [
        "| command (a process) | median ms | min ms | runs | over `python -c pass` |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, values in times.items():
        med = statistics.median(values)
        lines.append(
            f"| {name} | {med * 1e3:.0f} | {min(values) * 1e3:.0f} | {len(values)} "
            f"| {(med - base) * 1e3:+.0f} ms |"
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
    ap.add_argument(
        "--hook-runs", type=int, default=30, help="runs of the commit-hook table (30; 0: none)"
    )
    args = ap.parse_args(argv)

    tmp = args.keep or tempfile.mkdtemp(prefix="itures-bench-")
    try:
        os.environ["XDG_CACHE_HOME"] = os.path.join(tmp, "xdg-cache")
        os.environ["ITURES_CACHE_DIR"] = os.path.join(tmp, "itures-cache")
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
        rows.append(Row(COLD, itures_check(made.root, warm=False)))
        rows.append(
            Row("itures check, cold, one process", itures_check(made.root, warm=False, jobs=1))
        )
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
        if args.hook_runs > 0:
            print(f"\nThe commit hook: one file checked in the {len(files):,}-file corpus.\n")
            print(hook_table(made.root, args.hook_runs))
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
