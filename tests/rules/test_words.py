"""The dictionaries word-spelling reads: read from pyspellchecker once, kept
in the user's cache directory as marshal writes them, read from there by the
next process; a kept file that is not a dictionary is read anew."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from itures.rules import _words

PROBE = (
    "from itures.rules._words import known, vocabulary;"
    "k = known('en'); print(len(k), 'technology' in vocabulary('en'), known('ru'))"
)


def _probe(cache: Path) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip()


def test_a_dictionary_is_kept_and_read_back(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    (kept,) = (tmp_path / "itures" / "words").iterdir()
    assert kept.name.startswith("en-") and kept.suffix == ".marshal"
    size = kept.stat().st_size
    assert size > 1_000_000
    assert _probe(tmp_path) == first
    assert first.endswith("True None")


@pytest.mark.parametrize("garbage", [b"", b"not marshal", b"\xe9\x00\x00\x00\x00"])
def test_a_kept_file_that_is_no_dictionary_is_read_anew(tmp_path: Path, garbage: bytes) -> None:
    first = _probe(tmp_path)
    (kept,) = (tmp_path / "itures" / "words").iterdir()
    kept.write_bytes(garbage)
    assert _probe(tmp_path) == first
    assert kept.stat().st_size > 1_000_000  # (written anew)


def test_kept_data_of_another_shape_is_not_a_dictionary(tmp_path: Path) -> None:
    import marshal

    for value in ({1: "a"}, ["technology"], {}):
        path = tmp_path / "x.marshal"
        path.write_bytes(marshal.dumps(value))
        assert _words._read_kept(str(path)) is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_cache_that_cannot_be_written_is_passed_over(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        assert _probe(tmp_path).endswith("True None")
    finally:
        tmp_path.chmod(0o700)


def test_a_cache_path_that_is_a_file_is_passed_over(tmp_path: Path) -> None:
    # (the directory "words" cannot be made: a file stands there)
    (tmp_path / "itures").mkdir()
    (tmp_path / "itures" / "words").write_text("a file")
    assert _probe(tmp_path).endswith("True None")
