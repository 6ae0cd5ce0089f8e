"""Labels as written, read into ordinals.

A label is kept as written (``'a)'``, ``'abis)'``, ``'5'``, ``'1.1'``,
``'ii)'``); to check a sequence it is read as:

* a **kind**: ``letter`` (a), b), … in the Latin alphabet, а), б), … in
  Cyrillic, أ), ب), … in the Arabic abjad order), ``roman`` (i), ii), …) or
  ``number`` (1, 2, … and decimal 1.1, 1.2);
* **parts**: the ordinals (``c)`` -> (3,), ``1.2`` -> (1, 2));
* an **insertion** level: ``bis`` 1, ``ter`` 2, ``quater`` 3, … (``abis)``
  is inserted after ``a)``, ``ater)`` after ``abis)``).

Whether ``i)`` is the ninth letter or the first roman numeral depends on its
list: :func:`read_list` reads a list as roman when it starts with ``i`` or
holds a numeral of more than one character (``ii``, ``iv``), as letters
otherwise.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["letter", "roman", "number"]

INSERTIONS = (
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
)

_BY_LENGTH = sorted(INSERTIONS, key=len, reverse=True)

LATIN = "abcdefghijklmnopqrstuvwxyz"
# Cyrillic enumeration letters (ё, й, ъ, ы, ь are not used to enumerate)
CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"
# Arabic letters in abjad order, as Arabic texts enumerate
ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"

_SHAPE = re.compile(
    r"""
    ^\(?                                   # optional opening parenthesis: (a)
    (?P<core>[0-9]+(?:\.[0-9]+)*           # 1, 1.2, 1.2.3
      |[a-z]+                              # a, ii, abis
      |[а-я]                               # Cyrillic letter
      |[\u0621-\u064a])                    # Arabic letter
    (?:[\s-]?(?P<ins>"""
    + "|".join(INSERTIONS)
    + r"""))?
    [).]?$                                 # closing ) or .
    """,
    re.VERBOSE,
)

_ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


@dataclass(frozen=True, slots=True)
class Label:
    """A label read as an ordinal."""

    raw: str
    kind: Kind
    parts: tuple[int, ...]
    ins: int = 0
    alphabet: str = ""

    @property
    def key(self) -> tuple[str, tuple[int, ...], int]:
        """What two labels of one list compare by (a duplicate has the same key)."""
        return (self.kind, self.parts, self.ins)


def roman_value(text: str) -> int | None:
    if not text or not _ROMAN.match(text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def to_roman(n: int) -> str:
    out = []
    for value, numeral in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _split_insertion(core: str) -> tuple[str, int]:
    """'abis' -> ('a', 1); the shape regex leaves a glued suffix in the core."""
    for word in _BY_LENGTH:  # 'quater' before 'ter'
        if core.endswith(word) and len(core) > len(word):
            return core[: -len(word)], INSERTIONS.index(word) + 1
    return core, 0


@functools.lru_cache(maxsize=4096)
def read(raw: str, *, roman: bool = False) -> Label | None:
    """Read one label; ``roman`` resolves i), v), x) … as numerals (memoised:
    labels repeat across a corpus)."""
    m = _SHAPE.match(raw.strip().lower())
    if m is None:
        return None
    core = m.group("core")
    ins = INSERTIONS.index(m.group("ins")) + 1 if m.group("ins") else 0
    if core[0].isdigit():
        return Label(raw, "number", tuple(int(p) for p in core.split(".")), ins)
    if ins == 0 and core.isascii():
        core, ins = _split_insertion(core)
    if core.isascii():
        numeral = roman_value(core)
        if numeral is not None and (roman or len(core) > 1):
            return Label(raw, "roman", (numeral,), ins)
        if len(core) == 1:
            return Label(raw, "letter", (LATIN.index(core) + 1,), ins, "latin")
        return None
    if core in CYRILLIC:
        return Label(raw, "letter", (CYRILLIC.index(core) + 1,), ins, "cyrillic")
    if core in ABJAD:
        return Label(raw, "letter", (ABJAD.index(core) + 1,), ins, "abjad")
    return None


def read_list(raws: list[str | None]) -> list[Label | None]:
    """Read the labels of one list, deciding between letters and roman numerals."""
    return list(_read_list(tuple(raws)))


@functools.lru_cache(maxsize=8192)
def _read_list(raws: tuple[str | None, ...]) -> tuple[Label | None, ...]:
    """:func:`read_list`, memoised: lists of labels repeat across a corpus."""
    cores = [(r or "").strip().lower().strip("().") for r in raws]
    labelled = [c for c in cores if c]
    roman = bool(labelled) and (
        labelled[0] in ("i", "ibis")
        or any(
            len(_split_insertion(c)[0]) > 1 and roman_value(_split_insertion(c)[0])
            for c in labelled
        )
    )
    return tuple(read(r, roman=roman) if r is not None else None for r in raws)


def render(kind: Kind, parts: tuple[int, ...], ins: int, like: Label | None = None) -> str:
    """Write an ordinal back as a label, in the style of ``like``."""
    suffix = INSERTIONS[ins - 1] if ins else ""
    if kind == "number":
        return ".".join(str(p) for p in parts) + suffix
    if kind == "roman":
        core = to_roman(parts[0])
    else:
        alphabet = {"latin": LATIN, "cyrillic": CYRILLIC, "abjad": ABJAD}.get(
            like.alphabet if like else "latin", LATIN
        )
        n = parts[0]
        core = alphabet[n - 1] if 0 < n <= len(alphabet) else f"#{n}"
    closing = ")" if like is None or like.raw.rstrip().endswith(")") else ""
    opening = "(" if like is not None and like.raw.lstrip().startswith("(") else ""
    return f"{opening}{core}{suffix}{closing}"


def fragment_segment(raw: str) -> str:
    """The label as a citation fragment segment: 'a)' -> 'a', '1.1' -> '1.1'."""
    return raw.strip().strip("().").lower()
