"""What a run holds: a run's findings once while its cache entry is written, its
kept report once, and the files citing a checked one one at a time.

Memory is counted, not timed: objects alive (``gc``), and the Python
allocations of a step (``tracemalloc``) against the size of what it stores.
"""

from __future__ import annotations

import gc
import marshal
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from itures import pipeline
from itures.cache import Cache
from itures.corpus import check_in_corpus
from itures.diagnostics import Diagnostic, Related
from itures.pipeline import Outcome, Remembered, _encode_run
from itures.report import kept
from itures.result import CheckResult
from itures.rules.suppressions import Suppressed
from tests.conftest import resolution, write


def _findings(n: int) -> list[Diagnostic]:
    """``n`` findings as a corpus full of them has: a few messages, many files and lines."""
    return [
        Diagnostic(
            ("numbering-gap", "reference-unresolved", "text-typography")[i % 3],
            "warning" if i % 5 == 0 else "error",
            f"resolutions/pp/{i // 11}/en.yaml",
            i % 400 + 1,
            i % 13 + 1,
            f"item {i % 7}) follows item {i % 7 + 2}): one is missing",
            f"/operative/0/clauses/{i % 9}/label",
            i % 400 + 1,
            i % 13 + 4,
            "number the items in order" if i % 2 else None,
            (Related(f"resolutions/pp/{i // 11}/en.yaml", 2, 3, "the first"),)
            if i % 4 == 0
            else (),
        )
        for i in range(n)
    ]


def _peak_of(step: Callable[[], Any]) -> tuple[int, Any]:
    """The Python allocations ``step`` makes at its peak, above what was held before."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        out = step()
        return tracemalloc.get_traced_memory()[1] - before, out
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("n", [0, 1, 5, 6, 23])
def test_a_run_entry_in_chunks_gives_back_the_run(
    n: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(pipeline, "RUN_CHUNK", 5)
    found = _findings(n)
    hidden = [Suppressed(d, f"reason {i}") for i, d in enumerate(_findings(n // 2))]
    result = CheckResult(found, 40, [], hidden)
    parts = _encode_run(result)
    cache = Cache(tmp_path / "cache")
    cache.put([], (b"k" * 32, parts))
    value = cache.get_run(b"k" * 32)
    assert value == b"".join(parts)
    back = Remembered(value)
    assert back.exit_code == result.exit_code  # known before the findings are decoded
    assert back.files == 40
    assert back.diagnostics == found
    assert [(s.diagnostic, s.reason) for s in back.suppressed] == [
        (s.diagnostic, s.reason) for s in hidden
    ]
    with pytest.raises(ValueError):
        Remembered(value[:-1])  # a value cut short is not a run


def test_a_run_entry_is_held_once_while_it_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Encoding the entry of a run with 40,000 findings and writing it: the
    encoded entry once (compressed), plus one chunk of plain tuples at a time;
    not a tuple per finding, nor a joined copy of the entry (encoded whole then
    stored as one value, the peak was over four times the entry)."""
    monkeypatch.setattr(pipeline, "RUN_CHUNK", 2000)
    result = CheckResult(_findings(40_000), 4000, [], [])
    cache = Cache(tmp_path / "cache")
    cache.put([])  # the database made beforehand
    cache._connect()

    def write_entry() -> int:
        parts = _encode_run(result)
        cache.put([], (b"k" * 32, parts))
        return sum(len(p) for p in parts)

    peak, size = _peak_of(write_entry)
    # (the chunks are compressed: the plain marshal bytes of the findings
    # are three times the entry and more)
    plain = len(marshal.dumps([(d.path, *pipeline._diag(d)) for d in result.diagnostics]))
    assert size < plain / 3, (size, plain)
    # the entry once, and one chunk of plain tuples at a time (its tuples are
    # some five times its marshal bytes): a joined copy of the entry, or the
    # tuples of every finding, would be more
    chunk = plain / 20
    assert peak < size + 6 * chunk, (peak, size, chunk)


def test_a_kept_report_is_written_without_joining_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(kept, "PLAIN_MAX", 100_000)
    recorder = kept.Recorder(100_000_000)
    text = []
    for i in range(60_000):
        line = (
            f"resolutions/pp/{i}/en.yaml:{i % 97}:3: error[numbering-gap]: {i * 7919 % 100_003}\n"
        )
        recorder.add(line)
        text.append(line)
    cache = Cache(tmp_path / "cache")
    cache.put([])
    cache._connect()

    def keep() -> int:
        parts = recorder.parts_of_value()
        assert parts is not None
        cache.put_report(b"r" * 32, parts)
        return sum(len(p) for p in parts)

    peak, size = _peak_of(keep)
    assert size > 500_000
    assert peak < 0.5 * size, (peak, size)
    value = cache.get_report(b"r" * 32)
    assert value is not None and value[:1] == b"\x02"
    assert "".join(str(p) for p in kept.replay(value, as_bytes=False)) == "".join(text)


def _citing(number: str, clause: int) -> dict[str, Any]:
    data = resolution(number=number)
    data["operative"][0]["clauses"][0]["text"] = (
        f"to apply [resolves {clause} of Resolution 191](pp:191#resolves/{clause});"
    )
    return data


def test_files_citing_a_checked_one_are_judged_one_at_a_time(
    tmp_path: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A resolution cited by 90 files changed: each citing file is decoded from the
    cache, judged and dropped; at most a few of them are alive at once."""
    root = tmp_path / "resolutions"
    cited = root / "pp" / "191" / "en.yaml"
    write(cited, resolution())
    for n in range(90):
        write(root / "pp" / str(400 + n) / "en.yaml", _citing(str(400 + n), 1 if n else 3))
    check_in_corpus([cited], [root], cache=Cache(_own_cache), jobs=1)  # fills the cache
    data = resolution()
    del data["operative"][0]["clauses"][2]
    data["operative"][0]["clauses"][1]["text"] = "to avoid duplication of work."
    write(cited, data)

    decode = Outcome.decode.__func__  # type: ignore[attr-defined]
    alive: list[int] = []

    def counted(cls: type[Outcome], *args: Any, **kwargs: Any) -> Outcome:
        if kwargs.get("light"):
            alive.append(sum(isinstance(o, Outcome) for o in gc.get_objects()))
        out: Outcome = decode(cls, *args, **kwargs)
        return out

    monkeypatch.setattr(Outcome, "decode", classmethod(counted))
    result = check_in_corpus([cited], [root], cache=Cache(_own_cache), jobs=1)
    assert len(alive) == 90  # every citing file judged
    assert max(alive) <= 5, max(alive)
    assert [(d.rule, d.path) for d in result.diagnostics] == [
        ("reference-unresolved", str(root / "pp" / "400" / "en.yaml"))
    ]
