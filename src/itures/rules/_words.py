"""The words of a language, as a dictionary knows them: the evidence that a
word a file writes once is no word at all ("techonology"), and that a word
typed with a capital inside it is one ("cOntinue" for "continue").

The dictionaries are pyspellchecker's word-frequency lists (English, French,
Spanish: :data:`LANGUAGES`), loaded the first time a rule asks for one in a
process, never at import: the command line starts without them, and a check
of files in other languages never loads them. pyspellchecker reads its
compressed JSON in about a quarter of a second; the words read are kept, as
Python's ``marshal`` writes them, in the user's cache directory
(``$XDG_CACHE_HOME/itures/words``, default ``~/.cache/itures/words``: not a
corpus's check cache, ``ITURES_CACHE_DIR`` or ``.itures_cache``), under a
name that changes with the installed pyspellchecker, and read from there in
a fifth of that time by the next process (a commit hook's, a worker's). That
file is the installed dictionary's, not a check's: ``--no-cache``, which
concerns what checks found, does not concern it. One that cannot be read, or
does not hold a dictionary, is read again from pyspellchecker and written
anew; one that cannot be written is not (a read-only home).

Their words are small letters; British spellings, which ITU's English texts
use ("programme", "centre"), are mostly not among them, which is why a word
is judged against the file's own words too (see :mod:`itures.rules.spelling`).
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import tempfile
from collections.abc import Mapping

__all__ = ["LANGUAGES", "known", "vocabulary"]

# the languages of ITU's six that a dictionary is read for
LANGUAGES = frozenset(("en", "fr", "es"))

# a kept dictionary larger than this is not read (pyspellchecker's English
# one, as marshal writes it, is 2.5 MB)
_LARGEST = 64 * 1024 * 1024


@functools.cache
def known(language: str) -> Mapping[str, int] | None:
    """The words of ``language``'s dictionary (small letters), with how
    often each is seen; None for a language without one."""
    if language not in LANGUAGES:
        return None
    try:
        import spellchecker
    except ImportError:  # pragma: no cover - a dependency of the package
        # (an environment that installed itures' modules without its
        # dependencies, such as a hook's run from a checkout: no dictionary,
        # as for a language without one)
        return None
    kept = _kept_path(language, spellchecker.__file__)
    words = _read_kept(kept) if kept is not None else None
    if words is None:
        from spellchecker import SpellChecker

        # (distance 1: the dictionary alone is used, never its own suggestions)
        words = dict(SpellChecker(language=language, distance=1).word_frequency.dictionary)
        if kept is not None:
            _write_kept(kept, words)
    return words


@functools.cache
def vocabulary(language: str) -> frozenset[str]:
    """The words of :func:`known` as a set (empty for a language without a
    dictionary): a file's words are told apart from them in one operation."""
    words = known(language)
    return frozenset(words) if words is not None else frozenset()


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
    name = f"{language}-{hashlib.sha256(stamp).hexdigest()[:16]}.marshal"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "itures", "words", name)


def _read_kept(path: str) -> dict[str, int] | None:
    """The dictionary kept at ``path``; None when there is none, or it is not one."""
    try:
        with open(path, "rb") as f:
            data = f.read(_LARGEST + 1)
        if len(data) > _LARGEST:
            return None
        words = marshal.loads(data)
    except Exception:  # (none, unreadable, or not marshal's: read anew)
        return None
    if not isinstance(words, dict) or not words:
        return None
    sample = next(iter(words.items()))
    if not (isinstance(sample[0], str) and isinstance(sample[1], int)):
        return None
    return words


def _write_kept(path: str, words: dict[str, int]) -> None:
    """Keep ``words`` at ``path``, written whole or not at all."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".part")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(marshal.dumps(words))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # (a read-only cache: the next process reads pyspellchecker again)
