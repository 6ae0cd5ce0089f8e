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
list, read as a whole: :func:`read_list` reads the one-character labels that
could be either (c, d, i, l, m, v, x) both ways and keeps the reading under
which the list breaks its sequence least (a lettered list a) … m) holds c, d,
i, l and m; i), ii), iii) is roman); on a tie, roman when the list starts with
``i`` or holds a numeral that is no letter (``ii``, ``iv``), letters otherwise.

A bullet kept as a label (``'•'``, ``'-'``: :func:`bullet`) is no label: ITU
prints the points of a bulleted list unlabelled.

Two readings of what is not a plain label, shared with other rules:

* :func:`leading_label`: a label that a conversion left at the start of the
  text of an unlabelled entry (``text: a) that …``). The
  ``conversion-artefact`` rule reports the lettered and roman ones
  (:mod:`itures.rules.artefacts`, its ``_LEADING_LABEL``; keep the two
  patterns in step); the numbering rules read the label from the text, so
  that one defect gives one finding, not a cascade.
* :func:`foreign`: a label holding a letter of another script than its list's
  (a Cyrillic ``с`` among Latin letters). The numbering rules treat it as
  unreadable and let it stand for whatever label the sequence expects there
  (no cascade); when its letters look like the list's (:func:`looks_alike`)
  the ``lookalike`` rule names them and the numbering says nothing, otherwise
  (``б)`` among Latin letters) the numbering reports the label.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

# (imported here, not in leading_label: an import statement run at each call
# costs more than the rest of the call)
from itures.textscan import label_start

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

# full-width digits (a Chinese input mode's '１') read as the digits they are
FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_SHAPE = re.compile(
    r"""
    ^[‘“'"]?                               # quotes a mail or a word processor put around it
    [(（]?                                  # optional opening parenthesis: (a), full width too
    (?P<core>[0-9]{1,9}(?:\.[0-9]{1,9})*   # 1, 1.2, 1.2.3 (a number of more digits: no label)
      |[a-z]+                              # a, ii, abis
      |[а-я]                               # Cyrillic letter
      |[\u0621-\u064a])                    # Arabic letter
    (?:[\s-]?(?P<ins>"""
    + "|".join(INSERTIONS)
    + r"""))?
    [).）]?                                # closing ) or ., a full-width ） too
    [’”'"]?$
    """,
    re.VERBOSE,
)

# Roman numerals as lists in resolutions write them: i to xxxix. No list runs
# to xl) (40): a label of l, c, d or m ("cc)", "ci)", "li)", "mm)") is not read
# as 200, 101, 51 or 2000 (a doubled letter, a typo), nor a single one (l, c,
# d, m) as 50, 100, 500 or 1000 in a list of numerals: it is a letter there.
_ROMAN = re.compile(r"^x{0,3}(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


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
    if not core.endswith(("s", "r")):
        return core, 0  # every insertion word ends with s or r (most labels have none)
    for word in _BY_LENGTH:  # 'quater' before 'ter'
        if core.endswith(word) and len(core) > len(word):
            return core[: -len(word)], INSERTIONS.index(word) + 1
    return core, 0


@functools.lru_cache(maxsize=4096)
def read(raw: str, *, roman: bool = False) -> Label | None:
    """Read one label; ``roman`` resolves i), v), x) … as numerals (memoised:
    labels repeat across a corpus)."""
    m = _SHAPE.match(raw.strip().lower().translate(FULL_DIGITS))
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


Ordinal = tuple[tuple[int, ...], int]  # (parts, insertion level)


@functools.lru_cache(maxsize=4096)
def successors(prev: Ordinal, kind: Kind) -> tuple[Ordinal, ...]:
    """The ordinals that may follow ``prev`` in a list, most likely first.

    The next ordinal at the same depth (``2`` after ``1``), an insertion
    (``1bis`` after ``1``, ``1ter`` after ``1bis``), the next ordinal one level
    up (``2`` after ``1.2``), and in a decimal list a step down (``1.1`` after
    ``1``). A list in sequence is strictly increasing: no label comes twice.
    (Memoised: the same steps recur in every list.)
    """
    p, ins = prev
    out: list[Ordinal] = [((*p[:-1], p[-1] + 1), 0), (p, ins + 1)]
    out.extend(((*p[:j], p[j] + 1), 0) for j in range(len(p) - 2, -1, -1))
    if kind == "number":
        out.append(((*p, 1), 0))
    return tuple(out)


def breaks(ordinals: list[tuple[Kind, Ordinal] | None], start: Ordinal = ((1,), 0)) -> int:
    """How many labels of a list do not follow the one before (or, first, do
    not start it), and twice how many are not of the list's most common kind
    (a list mixing kinds is rarer than a slip). After a label
    that does not follow, the count goes on from it when the next label
    follows it, else as if it had been the label expected (one wrong label
    counts once). ``None`` entries (unreadable labels) are passed over."""
    kinds = [o[0] for o in ordinals if o is not None]
    if not kinds:
        return 0
    main = max(kinds, key=kinds.count)
    seq = [o[1] for o in ordinals if o is not None and o[0] == main]
    count = 2 * (len(kinds) - len(seq))  # a list mixing kinds is rarer than a slip
    prev: Ordinal | None = None
    for n, cur in enumerate(seq):
        expected = [start] if prev is None else successors(prev, main)
        if cur in expected:
            prev = cur
            continue
        count += 1
        nxt = seq[n + 1] if n + 1 < len(seq) else None
        prev = cur if nxt is None or nxt in successors(cur, main) else expected[0]
    return count


def read_list(raws: list[str | None], prefer: Kind | None = None) -> list[Label | None]:
    """Read the labels of one list, deciding between letters and roman
    numerals from the whole list (see the module docstring); on a tie,
    ``prefer`` (the kind the list should have) decides first."""
    return list(_read_list(tuple(raws), prefer))


_AMBIGUOUS = frozenset("cdilmvx")


@functools.lru_cache(maxsize=8192)
def _read_list(raws: tuple[str | None, ...], prefer: Kind | None) -> tuple[Label | None, ...]:
    """:func:`read_list`, memoised: lists of labels repeat across a corpus."""
    as_letters = tuple(read(r) if r is not None else None for r in raws)
    cores = [_split_insertion((r or "").strip().lower().strip("()."))[0] for r in raws]
    if not any(c in _AMBIGUOUS for c in cores):
        return as_letters
    as_roman = tuple(read(r, roman=True) if r is not None else None for r in raws)

    def score(read_as: tuple[Label | None, ...]) -> int:
        return breaks([(x.kind, (x.parts, x.ins)) if x else None for x in read_as])

    letters, roman = score(as_letters), score(as_roman)
    first = next((c for c in cores if c), "")
    numerals = any(x is not None and x.kind == "roman" for x in as_letters)
    if roman == letters and prefer in ("roman", "letter"):
        return as_roman if prefer == "roman" else as_letters
    if roman < letters or (roman == letters and (first == "i" or numerals)):
        return as_roman
    return as_letters


# The marks a bulleted list's points start with, as an editor may keep them as
# labels ('•', '-', '–'): no label in ITU texts, whose bulleted points are
# unlabelled (see :func:`bullet`)
BULLETS = frozenset("•·‧∙◦▪▫■□●○◆◇►▶‣⁃-‐‑‒–—―−*→➢✓")


def bullet(raw: str) -> bool:
    """Whether a label is a bullet ('•', '-', '– '), kept as the label of a
    point of a bulleted list: no label in ITU texts."""
    core = raw.strip()
    return bool(core) and len(core) <= 2 and all(ch in BULLETS for ch in core)


# A label left at the start of a text, as rules/artefacts.py reports it
# (lettered or roman, closed by ')': 'a) ', '(b) ', 'ii) ', 'abis) ').
_LEFT_LETTER = re.compile(r"^\(?(?:[a-z]|[ivx]+)(?:bis|ter|quater)?\)\s")
# A number left at the start of a text: '1 to prepare', '2. to', '1.1 the';
# not '1 000 participants' (a digit follows), nor a year ('2014 was').
_LEFT_NUMBER = re.compile(r"^\(?[0-9]{1,2}(?:\.[0-9]{1,2})*(?:bis|ter|quater)?[).]?\s+(?=[^\s0-9])")


def leading_label(text: str) -> tuple[str, bool] | None:
    """The label at the start of the text of an unlabelled entry, and whether
    the ``conversion-artefact`` rule reports it (a letter or roman numeral
    closed by ')'); ``None`` when the text does not start with a label."""
    head = text.lstrip()
    m = _LEFT_LETTER.match(head)
    if m and read(m.group(0).strip()) is not None:
        return m.group(0).strip(), True
    m = _LEFT_NUMBER.match(head)
    if m and read(m.group(0).strip()) is not None:
        raw = m.group(0).strip()
        found = label_start(text)  # a leftover number the conversion-artefact rule reports
        return raw, found is not None and found.found.strip() == raw
    return None


@functools.lru_cache(maxsize=4096)
def _scripts(raw: str) -> frozenset[str]:
    """The scripts of the letters of a label (LATIN, CYRILLIC, GREEK, ARABIC, …),
    its insertion word (bis, ter: Latin in every language) left out."""
    return frozenset(
        unicodedata.name(ch, "?").split(" ", 1)[0] for ch in _scriptless(raw) if ch.isalpha()
    )


# Letters of one script that look like letters of another (Cyrillic and Greek
# letters that look Latin, and the Latin letters they look like). The
# ``lookalike`` rule names a label holding one; a foreign letter that does not
# look like one of the list's (``б)`` among Latin letters) is a numbering
# finding. Keep in step with the look-alike table of that rule.
LOOKALIKES = frozenset(
    "асеіјорѕхуһԁԛԝӏАВСЕНІЈКМОРЅТХУ"  # Cyrillic
    "οναικρυχΑΒΕΗΙΚΜΝΟΡΤΥΧΖ"  # Greek
    "aceijopsxyhdqwlvkuABCEHIJKMNOPSTXYZ"  # Latin, in a Cyrillic or Greek list
)


def scripts_of(raw: str) -> frozenset[str]:
    """The scripts of the letters of a label (LATIN, CYRILLIC, ARABIC, …)."""
    return _scripts(raw)


def looks_alike(raw: str) -> bool:
    """Whether every letter of a label that is not in the list's script could be
    a look-alike (see :data:`LOOKALIKES`)."""
    letters = [ch for ch in _scriptless(raw) if ch.isalpha()]
    if all(ch.isascii() for ch in letters):  # Latin letters in a Cyrillic or Greek list
        return all(ch in LOOKALIKES for ch in letters)
    return all(ch in LOOKALIKES for ch in letters if not ch.isascii())


def _scriptless(raw: str) -> str:
    """A label without its insertion word (bis, ter: Latin in every language)."""
    core = raw.strip().lower()
    for word in _BY_LENGTH:
        at = core.rfind(word)
        if at > 0:
            return core[:at] + core[at + len(word) :]
    return core


def foreign(raws: list[str | None]) -> set[int]:
    """Indexes of the labels of a list holding a letter of another script than
    the list's (the script most of its labels are written in; on a tie, the
    one whose labels the others only look like: 'а)' in Cyrillic with 'b)'
    is a Latin list, the 'а' a look-alike, not a Cyrillic list with 'b' for
    'б')."""
    if "".join(filter(None, raws)).isascii():
        return set()  # Latin letters only (most lists): one script (told without a loop)
    scripts = [_scripts(r) if r else frozenset() for r in raws]
    counted = [s for s in scripts if len(s) == 1]
    if not counted:
        return {i for i, s in enumerate(scripts) if len(s) > 1}
    names = [next(iter(s)) for s in counted]
    most = max(map(names.count, set(names)))
    tied = list(dict.fromkeys(n for n in names if names.count(n) == most))  # (first seen first)
    main = tied[0]
    if len(tied) > 1:
        for name in tied:
            others = [r for r, s in zip(raws, scripts, strict=True) if r and s and s != {name}]
            if all(looks_alike(r) for r in others):
                main = name
                break
    return {i for i, s in enumerate(scripts) if s and s != {main}}


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


def text_label(label: str | None, text: str) -> str | None:
    """The label-like start of an entry's ``text``: its own ``label`` written
    again there ("1 de mener" in clause 1; not "1 000 participants"), or, for
    an unlabelled entry, whose label a conversion left in the text, any
    label (what conversion-artefact reports at the start of a text)."""
    head = text.lstrip()
    if label:
        own = label.strip()
        if head.startswith(own) and head[len(own) : len(own) + 1].isspace():
            rest = head[len(own) :].lstrip()
            if not rest[:1].isdigit():
                return own
        return None
    found = label_start(head)
    if found is None:
        return None
    if found.found[0].isdigit() or read(found.found) is not None:
        return found.found
    return None
