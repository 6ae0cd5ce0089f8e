"""What a misspelt name most likely means: the "did you mean" of every message.

One slip of typing (two neighbouring letters swapped, one left out, added or
replaced: ``tsga`` for ``tsag``, ``lable`` for ``label``) is looked for
first; then :func:`difflib.get_close_matches`'s closest. difflib alone breaks
a tie of scores by taking the greater string: ``tsga`` was said to mean
``wtsa`` (three letters in common with each) rather than ``tsag``.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["closest", "one_slip"]


def one_slip(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` with one slip of typing: two neighbouring
    letters swapped, or one letter left out, added or replaced."""
    if typed == word or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        differ = [k for k in range(len(word)) if typed[k] != word[k]]
        if len(differ) == 1:
            return True
        return (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and typed[differ[0]] == word[differ[1]]
            and typed[differ[1]] == word[differ[0]]
        )
    short, long = (typed, word) if len(typed) < len(word) else (word, typed)
    k = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[k:] == long[k + 1 :]


def closest(typed: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The name of ``known`` that ``typed`` most likely means, or None: the
    first (in order) one slip away, else difflib's closest at ``cutoff``."""
    names = list(known)
    for name in names:
        if one_slip(typed, name):
            return name
    import difflib  # (only for a message: not at start-up)

    close = difflib.get_close_matches(typed, names, n=1, cutoff=cutoff)
    return close[0] if close else None
