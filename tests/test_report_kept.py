"""Reports kept with their run: what is written again is what was written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures.report import kept

pieces = st.lists(
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=40), max_size=30
)


def _again(value: bytes, as_bytes: bool) -> str:
    out = [
        p if isinstance(p, str) else p.decode("utf-8")
        for p in kept.replay(value, as_bytes=as_bytes)
    ]
    return "".join(out)


@given(pieces, st.booleans())
def test_what_is_written_again_is_what_was_written(parts: list[str], as_bytes: bool) -> None:
    recorder = kept.Recorder(10_000_000)
    for part in parts:
        recorder.add(part)
    value = recorder.value()
    assert value is not None
    assert _again(value, as_bytes) == "".join(parts)
    surrogates = any(0xD800 <= ord(c) <= 0xDFFF for c in "".join(parts))
    assert value[:1] == (b"\x01" if surrogates else b"\x00")
    if surrogates:  # never written as bytes: the output's error handler escapes them
        assert all(isinstance(p, str) for p in kept.replay(value, as_bytes=True))


def test_a_large_report_is_kept_compressed_and_written_in_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(kept, "PLAIN_MAX", 1000)
    monkeypatch.setattr(kept, "STEP", 64)
    recorder = kept.Recorder(10_000_000)
    parts = [f"resolutions/pp/{n}/en.yaml:3:5: error[numbering-gap]: é ’ {n}\n" for n in range(500)]
    for part in parts:
        recorder.add(part)
    value = recorder.value()
    assert value is not None and value[:1] == b"\x02"
    assert len(value) < len("".join(parts).encode()) / 3
    pieces = list(kept.replay(value, as_bytes=False))
    assert len(pieces) > 2 and "".join(pieces) == "".join(parts)
    assert b"".join(kept.replay(value, as_bytes=True)) == "".join(parts).encode()  # type: ignore[arg-type]
    small = kept.Recorder(100)
    for part in parts:
        small.add(part)
    assert small.value() is None  # above the limit: not kept


@given(pieces, st.integers(min_value=1, max_value=200), st.integers(min_value=0, max_value=3000))
def test_a_spooled_report_is_written_again_as_it_was_written(
    parts: list[str], spool: int, plain_max: int
) -> None:
    """Whatever is spooled to the temporary file, plain or compressed, and
    when the report becomes compressed after some of it was spooled plain,
    the value is the one held in memory would be."""
    recorder = kept.Recorder(10_000_000, plain_max=plain_max, spool=spool, block=7)
    for part in parts * 3:
        recorder.add(part)
    value = recorder.value()
    assert value is not None
    assert _again(value, as_bytes=False) == "".join(parts * 3)


def test_a_large_report_is_not_held_in_memory_while_it_is_made() -> None:
    """Above SPOOL bytes, what the recorder holds goes to a temporary file:
    the memory it holds stays near SPOOL, however large the report."""
    import random
    import tracemalloc

    rng = random.Random(4)
    lines = [
        f"resolutions/pp/{rng.randrange(10**6)}/en.yaml:{rng.randrange(999)}:3: "
        f"error[numbering-gap]: {rng.getrandbits(64):x}\n"
        for _ in range(100_000)
    ]
    # (read back a block at a time)
    recorder = kept.Recorder(100_000_000, plain_max=1_000_000, spool=200_000, block=65_536)
    tracemalloc.start()
    try:
        for line in lines:
            recorder.add(line)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    parts = recorder.parts_of_value()
    assert parts is not None
    size = sum(len(p) for p in parts)
    assert size > 2_000_000  # (the compressed report: random digits compress little)
    assert peak < 1_000_000, (peak, size)
    value = b"".join(parts)
    assert _again(value, as_bytes=True) == "".join(lines)


def test_a_report_is_kept_in_memory_where_no_temporary_file_can_be_made(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The directory of temporary files is not one (a file stands there): the
    report is held in memory as before, whole and the same."""
    import tempfile

    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(blocker))
    parts = [f"resolutions/pp/{n}/en.yaml:3:5: error[numbering-gap]: {n}\n" for n in range(2000)]
    recorder = kept.Recorder(10_000_000, plain_max=20_000, spool=1_000, block=64)
    for part in parts:
        recorder.add(part)
    value = recorder.value()
    assert value is not None and value[:1] == b"\x02"
    assert _again(value, as_bytes=False) == "".join(parts)
