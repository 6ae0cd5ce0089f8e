"""The dictionaries word-spelling reads: read from pyspellchecker once, held
in a trie with their counts and their common words, kept in the user's
cache directory and read from there by the next process; a kept file that
is not one (cut short, altered, of another layout) is read anew; kept files
no process reads are removed in time."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itures.rules import _words
from itures.rules._words import known

PROBE = (
    "from itures.rules._words import known;"
    "d = known('en');"
    "print(len(d), 'technology' in d, d.seen('technology') > 0, d.seen('techonology'),"
    " sorted(d.lacks(['techonology', 'the', 'aardvark'])), known('ru'))"
)
ANSWER_TAIL = "True True 0 ['techonology'] None"


def _probe(cache: Path, code: str = PROBE) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip()


def _kept(cache: Path) -> Path:
    (kept,) = (cache / "itures" / "words").iterdir()
    return kept


def test_a_dictionary_is_kept_and_read_back(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    assert first.endswith(ANSWER_TAIL)
    kept = _kept(tmp_path)
    assert kept.name.startswith("en-") and kept.suffix == ".words"
    written = kept.stat().st_mtime_ns
    assert 300_000 < kept.stat().st_size < 3_000_000
    assert _probe(tmp_path) == first
    assert kept.stat().st_mtime_ns == written  # (read, not written again)


def _altered(data: bytes) -> list[bytes]:
    """Kept files that are no dictionary, made from a good one (``data``)."""
    magic = _words._MAGIC
    head = len(magic) + 32
    payload = data[head:]

    def signed(p: bytes) -> bytes:
        import hashlib

        return magic + hashlib.sha256(p).digest() + p

    trie_bytes, seen_bytes, common = marshal.loads(payload)
    return [
        b"",
        b"not a dictionary",
        data[: len(data) // 2],  # cut short
        data[:head] + payload[:-1] + bytes([payload[-1] ^ 1]),  # a byte changed
        b"itures-words 1\n" + data[len(magic) :],  # another layout
        signed(b"not marshal"),
        signed(marshal.dumps({"technology": 1})),
        signed(marshal.dumps((trie_bytes, seen_bytes[:-4], common))),  # counts cut
        signed(marshal.dumps((b"\x00" * 64, seen_bytes, common))),  # no trie
        signed(marshal.dumps((trie_bytes[:-100], seen_bytes, common))),  # trie cut
        signed(marshal.dumps((trie_bytes, seen_bytes, (1, 2)))),
    ]


def test_a_kept_file_that_is_no_dictionary_is_read_anew(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    kept = _kept(tmp_path)
    good = kept.read_bytes()
    for bad in _altered(good):
        kept.write_bytes(bad)
        assert _probe(tmp_path) == first, bad[:40]
        assert kept.read_bytes() == good  # (written anew)


def test_kept_bytes_of_another_shape_hold_no_dictionary(tmp_path: Path) -> None:
    _probe(tmp_path)
    good = _kept(tmp_path).read_bytes()
    for bad in _altered(good):
        path = tmp_path / "x.words"
        path.write_bytes(bad)
        assert _words._read_kept(str(path), "en") is None
    path.write_bytes(good)
    assert _words._read_kept(str(path), "en") is not None


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_cache_that_cannot_be_written_is_passed_over(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        assert _probe(tmp_path).endswith(ANSWER_TAIL)
    finally:
        tmp_path.chmod(0o700)


def test_a_cache_path_that_is_a_file_is_passed_over(tmp_path: Path) -> None:
    # (the directory "words" cannot be made: a file stands there)
    (tmp_path / "itures").mkdir()
    (tmp_path / "itures" / "words").write_text("a file")
    assert _probe(tmp_path).endswith(ANSWER_TAIL)


def test_kept_files_no_process_reads_are_removed_when_another_is_written(
    tmp_path: Path,
) -> None:
    words = tmp_path / "itures" / "words"
    words.mkdir(parents=True)
    old = time.time() - 40 * 24 * 3600
    unused = [words / "en-0123456789abcdef.words", words / "en-00.marshal", words / "x.part"]
    recent = words / "fr-0123456789abcdef.words"
    other = words / "notes.txt"
    for path in [*unused, recent, other]:
        path.write_bytes(b"x")
        os.utime(path, (old, old))
    os.utime(recent, None)
    _probe(tmp_path)
    left = sorted(p.name for p in words.iterdir())
    assert [p.name for p in unused if p.name in left] == []
    assert recent.name in left and other.name in left
    assert any(n.startswith("en-") and n.endswith(".words") for n in left)


def test_a_kept_dictionary_read_is_not_taken_for_unused(tmp_path: Path) -> None:
    _probe(tmp_path)
    kept = _kept(tmp_path)
    old = time.time() - 40 * 24 * 3600
    os.utime(kept, (old, old))
    _probe(tmp_path)  # (read: its time renewed)
    assert time.time() - kept.stat().st_mtime < 3600
    # the French dictionary written now leaves the English one in place
    _probe(tmp_path, "from itures.rules._words import known; print(known('fr'))")
    assert kept.exists()


def _pyspellchecker(language: str) -> dict[str, int]:
    from spellchecker import SpellChecker

    return dict(SpellChecker(language=language, distance=1).word_frequency.dictionary)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_dictionary_holds_every_word_of_letters_with_its_count(language: str) -> None:
    counts = _pyspellchecker(language)
    found = known(language)
    assert found is not None
    letters = {w: n for w, n in counts.items() if w.isalpha()}
    assert len(found) == len(letters)
    # each word and its count, read through the trie's ids (a count read at
    # another word's id would differ: they are not all alike)
    assert all(found.seen(w) == n for w, n in letters.items())
    assert all(w in found for w in letters)
    others = [w for w in counts if not w.isalpha()]
    assert not [w for w in others if w in found]  # ("a's", "abat-jour": never asked for)
    assert found.lacks(letters) == set()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdeéilnorstu'-", min_size=1, max_size=12))
def test_asking_one_word_or_many_gives_one_answer(word: str) -> None:
    found = known("fr")
    assert found is not None
    inside = word in found
    assert (word in found.lacks([word, "de"])) is not inside
    assert (found.seen(word) > 0) is inside


def test_the_english_dictionary_takes_little_memory() -> None:
    """Issue 12: a commit hook that checks one file stays under 60 MB; the
    dictionary held as Python strings and numbers took 25 MB of it."""
    code = (
        "import resource, marisa_trie, hashlib, marshal, array;"
        "from itures.rules._words import known;"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        "known('en');"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)"
    )
    known("en")  # (kept in this user's cache: the probe reads it)
    grown_kb = int(_probe(Path(os.environ.get("XDG_CACHE_HOME", "~/.cache")).expanduser(), code))
    assert grown_kb < 12_000


@pytest.mark.parametrize("missing", ["marisa_trie", "spellchecker"])
def test_a_dependency_missing_is_no_dictionary_not_a_traceback(
    tmp_path: Path, missing: str
) -> None:
    # (itures' modules run without their dependencies, as a hook's from a
    # checkout may: no dictionary, as for a language without one)
    code = f"import sys; sys.modules[{missing!r}] = None;" + PROBE.replace(
        "d = known('en');", "d = known('en'); print(d); raise SystemExit(0);"
    )
    assert _probe(tmp_path, code) == "None"
