"""The words of a language, as a dictionary knows them: the evidence that a
word a file writes once is no word at all ("techonology"), and that a word
typed with a capital inside it is one ("cOntinue" for "continue").

The dictionaries are pyspellchecker's word-frequency lists (English, French,
Spanish: :data:`LANGUAGES`), loaded the first time a rule asks for one in a
process, never at import: the command line starts without them, and a check
of files in other languages never loads them.

**Held small** (decision): a commit hook that checks one file must fit in
a small memory (issue 12's target: under 60 MB for the whole process), and
a dictionary held as Python strings and numbers takes 25 MB of it (160,000
English words). A :class:`Dictionary` holds its words in a
`marisa-trie <https://pypi.org/project/marisa-trie/>`_ (about 0.4 MB for
English, in C++), how often each is seen in an array of 32-bit numbers
indexed by the trie's key ids (read in place from the kept bytes), and its
most frequent words
(:data:`_COMMON_KEPT`) as strings too: the words a file writes are
mostly those, which a dict answers as fast as a set of every word would,
and the trie is asked only for the rest (about a hundred words of a file
of the Final Acts, under a microsecond each). The whole takes about 5 MB
with the trie's library; a commit hook that checks one English file of
the realistic corpus (``bench/``) peaked at 75 MB with the dictionary held
as Python strings, and at 56 MB with it held so (58.7 MB where the file is
Resolution 71, which 1,307 files cite).

Only words of letters are held: a file's words are cut at every mark
(:mod:`itures.rules._misspelt`), so pyspellchecker's "aardvark's" or
"abat-jour" could never be asked for.

**Kept between processes.** pyspellchecker reads its compressed JSON in
about a quarter of a second and the trie is built in a tenth; what is built
is kept in the user's cache directory (``$XDG_CACHE_HOME/itures/words``,
default ``~/.cache/itures/words``: not a corpus's check cache,
``ITURES_CACHE_DIR`` or ``.itures_cache``), under a name that changes with
the installed pyspellchecker, and the next process (a commit hook's, a
worker's) reads it in a few milliseconds. That file is the installed
dictionary's, not a check's: ``--no-cache``, which concerns what checks
found, does not concern it. Its content is checked against the SHA-256 it
holds before the trie reads it: one that cannot be read, is cut short or
is not one is read again from pyspellchecker and written anew; one that
cannot be written is not (a read-only home). A kept dictionary no process
has read for :data:`_UNUSED_DAYS` days (an install removed, an older
pyspellchecker) is removed when another is written.

Their words are small letters; British spellings, which ITU's English texts
use ("programme", "centre"), are mostly not among them, which is why a word
is judged against the file's own words too (see :mod:`itures.rules.spelling`).
"""

from __future__ import annotations

import array
import contextlib
import functools
import hashlib
import importlib.util
import marshal
import os
import tempfile
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import marisa_trie

__all__ = ["LANGUAGES", "Dictionary", "known"]

# the languages of ITU's six that a dictionary is read for
LANGUAGES = frozenset(("en", "fr", "es"))

# the most frequent words of a dictionary held as a set of strings too
# (English: the 12,000th is seen about 2,200 times in pyspellchecker's
# counts; 0.4 MB for the dict and 0.7 MB for its strings. 20,000 made a
# file's check a few tens of microseconds faster and the hook 1.6 MB larger)
_COMMON_KEPT = 12_000
# a kept dictionary larger than this is not read (English's is about 1.3 MB)
_LARGEST = 64 * 1024 * 1024
# what a kept dictionary starts with: the name and version of its layout
_MAGIC = b"itures-words 4\n"
# the days after which a kept dictionary no process read is removed
_UNUSED_DAYS = 30
# how often (seconds) a kept dictionary's time is renewed when it is read
_RENEW = 24 * 3600


class Dictionary:
    """The words of one language's dictionary (small letters, letters
    only) and how often pyspellchecker's counts see each. ``word in d``
    tells whether it knows a word; :meth:`seen` how often it is seen
    (0 for a word it does not know); :meth:`lacks` the words of many it
    does not know, at once."""

    __slots__ = ("_common", "_seen", "_trie", "language")

    def __init__(
        self,
        language: str,
        trie: marisa_trie.Trie,
        seen: memoryview,
        common: dict[str, None],
    ) -> None:
        self.language = language
        self._trie = trie
        self._seen = seen
        self._common = common

    def __contains__(self, word: object) -> bool:
        return word in self._common or (isinstance(word, str) and word in self._trie)

    def __len__(self) -> int:
        return len(self._trie)

    def __repr__(self) -> str:
        return f"<Dictionary {self.language}: {len(self):,} words>"

    def seen(self, word: str) -> int:
        """How often pyspellchecker's counts see ``word`` (0 when unknown)."""
        at = self._trie.get(word)
        return 0 if at is None else self._seen[at]

    def uncommon(self, words: set[str]) -> set[str]:
        """Those of ``words`` that are not among the dictionary's most
        frequent (:data:`_COMMON_KEPT`): a superset of :meth:`lacks`,
        told at once (a set's difference with a dict is one pass in C)."""
        return words.difference(self._common)

    def lacks(self, words: Iterable[str]) -> set[str]:
        """Those of ``words`` the dictionary does not know."""
        common, trie = self._common, self._trie
        rest = (
            words.difference(common)
            if isinstance(words, (set, frozenset))
            else {w for w in words if w not in common}
        )
        return {w for w in rest if w not in trie}


@functools.cache
def known(language: str) -> Dictionary | None:
    """The dictionary of ``language``; None for a language without one."""
    if language not in LANGUAGES:
        return None
    try:
        spec = importlib.util.find_spec("spellchecker")
        import marisa_trie  # noqa: F401  (the trie that holds the words)
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        # (an environment that installed itures' modules without its
        # dependencies, pyspellchecker or marisa-trie, such as a hook's run
        # from a checkout: no dictionary, as for a language without one)
        return None
    # (found, not imported: the package's import alone takes memory the
    # check does not need once the dictionary is kept)
    kept = _kept_path(language, spec.origin)
    found = _read_kept(kept, language) if kept is not None else None
    if found is None:
        words = _from_pyspellchecker(language)
        payload = _payload(words)
        found = _dictionary(language, payload)
        if kept is not None and found is not None:
            _write_kept(kept, payload)
    return found


def _from_pyspellchecker(language: str) -> dict[str, int]:
    """pyspellchecker's words of ``language`` (letters only), with their counts."""
    from spellchecker import SpellChecker

    # (distance 1: the dictionary alone is used, never its own suggestions)
    counts = SpellChecker(language=language, distance=1).word_frequency.dictionary
    return {w: n for w, n in counts.items() if w.isalpha() and w.islower()}


def _payload(words: dict[str, int]) -> bytes:
    """``words`` as a kept dictionary holds them: marshal's bytes of the
    trie's, the counts' (in the trie's key order) and the common words."""
    import marisa_trie

    trie = marisa_trie.Trie(words)
    seen = array.array("I", bytes(4 * len(trie)))
    for word, at in trie.iteritems():
        seen[at] = min(words[word], 0xFFFFFFFF)
    common = tuple(sorted(words, key=lambda w: (-words[w], w))[:_COMMON_KEPT])
    return marshal.dumps((trie.tobytes(), seen.tobytes(), common))


def _dictionary(language: str, payload: bytes | memoryview) -> Dictionary | None:
    """The dictionary ``payload`` (:func:`_payload`) holds; None when it
    holds none."""
    try:
        trie_bytes, seen_bytes, common = marshal.loads(payload)
    except Exception:  # (not marshal's, or not three things)
        return None
    if not (
        isinstance(trie_bytes, bytes)
        and isinstance(seen_bytes, bytes)
        and isinstance(common, tuple)
        and all(isinstance(w, str) for w in common)
    ):
        return None
    import marisa_trie

    try:
        trie = marisa_trie.Trie().frombytes(trie_bytes)
    except RuntimeError:
        return None
    if array.array("I").itemsize != 4 or len(seen_bytes) != 4 * len(trie) or not len(trie):
        return None
    # (read in place, as 32-bit numbers: no copy)
    seen = memoryview(seen_bytes).cast("I")
    # (a dict, not a frozenset: as fast to ask, and smaller: 0.4 MB for
    # 12,000 words against 0.5)
    return Dictionary(language, trie, seen, dict.fromkeys(common))


def _kept_path(language: str, package: str) -> str | None:
    """Where the dictionary of ``language`` is kept: a name made of the
    installed pyspellchecker's place, size and times (its resource file's),
    so that another install reads its own. None when it cannot be told."""
    resource = os.path.join(os.path.dirname(package), "resources", f"{language}.json.gz")
    try:
        st = os.stat(resource)
    except OSError:
        return None
    stamp = f"{resource}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}".encode()
    name = f"{language}-{hashlib.sha256(stamp).hexdigest()[:16]}.words"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "itures", "words", name)


def _read_kept(path: str, language: str) -> Dictionary | None:
    """The dictionary kept at ``path``; None when there is none, or it is
    not one (its layout, or its content's digest, is not as written)."""
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            if st.st_size > _LARGEST:
                return None
            data = f.read()
    except OSError:
        return None
    head = len(_MAGIC) + 32
    if len(data) <= head or not data.startswith(_MAGIC):
        return None
    payload = memoryview(data)[head:]
    if hashlib.sha256(payload).digest() != data[len(_MAGIC) : head]:
        return None
    found = _dictionary(language, payload)
    if found is not None and time.time() - st.st_mtime > _RENEW:
        with contextlib.suppress(OSError):
            os.utime(path)  # (read: not removed as unused)
    return found


def _write_kept(path: str, payload: bytes) -> None:
    """Keep ``payload`` at ``path``, written whole or not at all; remove
    the kept dictionaries beside it no process has read for
    :data:`_UNUSED_DAYS` days."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return  # (a read-only cache: the next process reads pyspellchecker again)
    _remove_unused(folder, keep=path)


def _remove_unused(folder: str, keep: str) -> None:
    """Remove the kept dictionaries (and the files of earlier layouts) in
    ``folder`` unread for :data:`_UNUSED_DAYS` days, but ``keep``."""
    oldest = time.time() - _UNUSED_DAYS * 24 * 3600
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.path == keep or not entry.name.endswith((".words", ".marshal", ".part")):
            continue
        with contextlib.suppress(OSError):
            if entry.stat().st_mtime < oldest:
                os.unlink(entry.path)
