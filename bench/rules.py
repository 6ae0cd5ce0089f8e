"""Where the time of a cold check goes: each stage, each shared analysis, each rule.

```sh
.venv/bin/python bench/rules.py                         # the realistic corpus, 2,000 files
.venv/bin/python bench/rules.py --corpus generated -n 5000
.venv/bin/python bench/rules.py --dir resolutions        # a corpus of your own
```

Runs what a worker of ``itures check --no-cache`` runs on each file (reading,
the schema, every file rule, what the runner leaves out of their findings as
another's consequence, the summary, positions and suppressions), then
every corpus rule on each file against the index of them all, in this one
process, timing each part; and, on the same files, libyaml's parse-only load
(``yaml.load`` with ``CSafeLoader``), the floor the cold check is measured
against. Prints a table in microseconds a file, the most costly first.

What several rules share is timed on its own (its rows start with "shared:"):
each analysis a rule asks of the file's memo (``Context.memo``: the texts, the
lists, the numbering analysis, the parsed citations...), by its key, and the
scan for conversion leftovers (``textscan.Scans.found_in``). A rule's row is
its own work, what it asked of these taken out, whichever rule asked first.
What the command line adds (discovery, the worker processes, the report) is
not here: ``bench/run.py`` times the whole command.

The time is the processor's, in one process, with the collector tuned as the
command line tunes it; on a busy machine, run it twice.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))


class Clock:
    """Exclusive time by name: a part's time without the parts timed inside it."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.calls: Counter[str] = Counter()
        self._inner: list[float] = []  # the time of the parts inside each open part

    def time(self, name: str, call: Callable[..., Any], *args: Any) -> Any:
        """``call(*args)``, its time counted under ``name``."""
        self._inner.append(0.0)
        start = time.perf_counter()
        try:
            return call(*args)
        finally:
            total = time.perf_counter() - start
            inner = self._inner.pop()
            self.spent[name] = self.spent.get(name, 0.0) + total - inner
            self.calls[name] += 1
            if self._inner:
                self._inner[-1] += total


def _instrument(clock: Clock) -> Callable[[], None]:
    """Time the shared analyses wherever a rule asks for them; what undoes it."""
    import itures.rules as rules_pkg
    from itures import textscan

    memo = rules_pkg._memo

    def timed_memo(store: dict[Any, Any], key: Any, compute: Callable[[], Any]) -> Any:
        if key in store:
            return store[key]
        name = key if isinstance(key, str) else type(key).__name__
        return memo(store, key, lambda: clock.time(f"shared: {name}", compute))

    rules_pkg._memo = timed_memo
    found_in = textscan.Scans.found_in

    def timed_found_in(self: textscan.Scans, joined: textscan.Joined, language: str) -> list[int]:
        return clock.time(  # type: ignore[no-any-return]
            "shared: conversion leftovers scan", found_in, self, joined, language
        )

    textscan.Scans.found_in = timed_found_in  # type: ignore[method-assign]

    def undo() -> None:
        rules_pkg._memo = memo
        textscan.Scans.found_in = found_in  # type: ignore[method-assign]

    return undo


def _files(args: argparse.Namespace, tmp: str) -> list[Path]:
    if args.dir:
        return sorted(Path(args.dir).rglob("*.yaml"))
    if args.corpus == "generated":
        from generate import generate

        return [Path(p) for p in generate(tmp, args.n).files]
    from realistic import build, shared_corpus

    if shared_corpus() is None:
        sys.exit("../shared is absent: no realistic corpus (use --corpus generated or --dir)")
    return [Path(p) for p in build(tmp, args.n).files]


def _libyaml(datas: list[bytes]) -> float:
    import yaml

    start = time.perf_counter()
    for data in datas:
        yaml.load(data, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def measure(files: list[Path]) -> tuple[Clock, Counter[str], float, int]:
    """(the clock, the findings by rule, libyaml's seconds, the files read)."""
    from itures.config import Config
    from itures.rules.runner import Runner

    config = Config()
    runner = Runner(config)
    clock = Clock()
    found: Counter[str] = Counter()
    undo = _instrument(clock)
    try:
        return _measure(files, config, runner, clock, found)
    finally:
        undo()


def _measure(
    files: list[Path], config: Any, runner: Any, clock: Clock, found: Counter[str]
) -> tuple[Clock, Counter[str], float, int]:
    from itures.index import Index
    from itures.rules import Context, CorpusContext
    from itures.rules.languages import shape
    from itures.summary import summary_of_run
    from itures.validate import validate
    from itures.yamlio.read import read_document

    datas = [f.read_bytes() for f in files]
    summaries = []

    def checked(r: Any, ctx: Any) -> list[Any]:
        return list(r.check(ctx))

    def summary(path: str, resolution: Any, ctx: Any, found: Any) -> Any:
        s = summary_of_run(path, resolution, ctx.local, found)
        shape(s)
        return s

    for path, data in zip(map(str, files), datas, strict=True):
        doc = clock.time("read (positioned YAML)", read_document, path, data)
        if not hasattr(doc, "text"):
            continue  # a YAML error: a diagnostic, nothing more to run
        resolution, _ = clock.time("validate (schema, model)", validate, doc)
        if resolution is None:
            continue
        ctx = Context(path, resolution, config, runner.cache, document=doc)
        pending: list[tuple[Any, Any]] = []
        for r in runner.file_rules:
            made = clock.time(r.name, checked, r, ctx)
            pending.extend((r, f) for f in made)
        # (what is shown: what another finding says again, or what follows
        # from it, left out, as the check leaves it out; timed as the runner's)
        pending = clock.time("one slip, one finding (the runner)", runner.kept, ctx, pending, doc)
        for r, _ in pending:
            found[r.name] += 1
        summaries.append(
            clock.time("summary (for the corpus index)", summary, path, resolution, ctx, pending)
        )
        clock.time(
            "positions, suppressions (of the file rules' findings)",
            runner.finish,
            path,
            pending,
            (lambda doc=doc: doc),
            "itures:" in doc.text,
        )
    index = Index()
    for s in summaries:
        index.add_summary(s)
    runner.index = index
    for s in summaries:
        corpus_ctx = CorpusContext(s.path, s, index, config, runner.corpus_cache)
        for r in runner.corpus_rules:
            made = clock.time(f"{r.name} (corpus)", checked, r, corpus_ctx)
            found[f"{r.name} (corpus)"] += len(made)
    return clock, found, _libyaml(datas), len(files)


def _rows(clock: Clock, found: Counter[str], n: int) -> Iterator[str]:
    total = sum(clock.spent.values())
    yield "| part | µs a file | share | findings |"
    yield "|---|---:|---:|---:|"
    for name, spent in sorted(clock.spent.items(), key=lambda kv: -kv[1]):
        shown = found.get(name)
        yield (
            f"| {name} | {spent * 1e6 / n:,.1f} | {spent * 100 / total:.1f}% | "
            f"{'' if shown is None else f'{shown:,}'} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("realistic", "generated"), default="realistic")
    parser.add_argument("-n", type=int, default=2000, help="files to build (default 2,000)")
    parser.add_argument("--dir", help="time the YAML files under DIR instead")
    args = parser.parse_args(argv)
    gc.set_threshold(1_000_000, 100, 100)  # as the command line
    with tempfile.TemporaryDirectory(prefix="itures-rules-") as tmp:
        files = _files(args, tmp)
        size = sum(f.stat().st_size for f in files)
        clock, found, floor, n = measure(files)
    if not n:
        print("no file to time")
        return 1
    rules = sum(
        v for k, v in clock.spent.items() if not k.startswith(("read", "validate", "summary"))
    )
    total = sum(clock.spent.values())
    print(f"{n:,} files, {size / n / 1024:.1f} KB a file")
    print()
    print("\n".join(_rows(clock, found, n)))
    print()
    print(
        f"itures, everything above: {total * 1e6 / n:,.0f} µs a file; of which the rules, "
        f"their shared analyses and the positions of their findings: {rules * 1e6 / n:,.0f} µs "
        f"({rules * 100 / total:.0f}%)"
    )
    print(f"libyaml parse-only (CSafeLoader): {floor * 1e6 / n:,.0f} µs a file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
