"""The words of a language, as a dictionary knows them: the evidence that a
word a file writes once is no word at all ("techonology"), and that a word
typed with a capital inside it is one ("cOntinue" for "continue").

The dictionaries are pyspellchecker's word-frequency lists (English, French,
Spanish: :data:`LANGUAGES`), loaded the first time a rule asks for one in a
process (about a quarter of a second each), never at import: the command
line starts without them, and a check of files in other languages never
loads them. Their words are small letters; British spellings, which ITU's
English texts use ("programme", "centre"), are mostly not among them, which
is why a word is judged against the file's own words too (see
:mod:`itures.rules.spelling`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

__all__ = ["LANGUAGES", "known", "vocabulary"]

# the languages of ITU's six that a dictionary is read for
LANGUAGES = frozenset(("en", "fr", "es"))


@functools.cache
def known(language: str) -> Mapping[str, int] | None:
    """The words of ``language``'s dictionary (small letters), with how
    often each is seen; None for a language without one."""
    if language not in LANGUAGES:
        return None
    try:
        from spellchecker import SpellChecker
    except ImportError:  # pragma: no cover - a dependency of the package
        # (an environment that installed itures' modules without its
        # dependencies, such as a hook's run from a checkout: no dictionary,
        # as for a language without one)
        return None

    # (distance 1: the dictionary alone is used, never its own suggestions)
    words: Mapping[str, int] = SpellChecker(language=language, distance=1).word_frequency.dictionary
    return words


@functools.cache
def vocabulary(language: str) -> frozenset[str]:
    """The words of :func:`known` as a set (empty for a language without a
    dictionary): a file's words are told apart from them in one operation."""
    words = known(language)
    return frozenset(words) if words is not None else frozenset()
