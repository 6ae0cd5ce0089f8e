"""Structural diff of two versions of a resolution.

Changes are reported unit by unit (sections, preamble items, operative
clauses, footnotes, annexes and their paragraphs, title, conference formula,
history), not line by line. Units are matched by **content**, not position:

1. within a list (the items of one section, the clauses of one clause, ...)
   the texts are aligned with a longest-common-subsequence match; units with
   the same text are the same unit;
2. within a stretch where the alignment replaces units by others, the most
   similar pairs (at least half of their words in common) are the same unit
   whose text **changed** (with a word diff);
3. within such a stretch, a unit left over at the same label (relative to
   its parent's: ``4.2`` under ``4`` and ``4.3`` under ``4`` are both ``2``;
   an unlabelled unit: its position) is the same unit whose text changed,
   however short its text: an edit in place is a change, never a removal and
   an addition;
4. units left over are **added** or **removed**, unless the same text is
   found removed in one place and added in another: then the unit **moved**.
   An added or removed unit, section or annex comes with everything in it
   (each nested clause or item, the section's actors) so that every word
   added or removed is shown.

Texts are compared by their words: blanks between words (a doubled blank, a
blank at the end, a line break a text holds, a no-break blank for a blank)
are no change, as the layout ``fmt`` changes is none (``itures check``
reports such blanks). Other fields (actors, partners, deadlines, a history
entry's date) are reported with their old and new values.

The word diff of a changed text (:func:`word_diff`) compares **units**, not
what lies between blanks: a word (letters, with the combining marks and
zero-width joiners inside it: an Arabic word with its vowel signs is one
unit), a number with its separators (``2.5``, ``2,5``, ``4.2.1``: one unit
each), a footnote marker (``[^1]``), each punctuation mark or symbol (``;``,
``«``, ``(``, ``]``, ``@``: so ``to assist;`` -> ``to assist all;`` reads
``to assist {+all+};``), and a run of blanks. Chinese (and Japanese kana),
written without blanks between words, is compared **character by
character**: one character changed in a sentence shows as that character,
not as the sentence removed and added; words would need a dictionary, and a
character is what an editor changes. Changes that only blanks and
punctuation separate, or a stretch shorter than each change beside it, are
shown as one change (``to [-avoid duplication of work between-] {+prevent
overlap of effort among+} the Sectors``), not one change per word.

The pieces of a word diff (``("=", text)``, ``("-", text)``, ``("+",
text)``) hold the texts exactly: the ``=`` and ``-`` pieces, joined with
nothing between them, give the old text; the ``=`` and ``+`` pieces give the
new one. Other blanks between the same words are carried as a ``-`` and a
``+`` of blanks alone (or inside the change beside them); the text output
shows them as one blank, and every run of blanks as one blank.

A matched unit whose label differs is **renumbered**. So inserting a clause 2
gives one ``added`` and a ``renumbered`` for each later clause, never a change
of every clause.

Units are named by locators like citation fragments (``resolves/2``,
``recalling/a``, ``resolves/1/i``, ``annex/1/3``, ``footnote/1``): the verb
key, then labels without their punctuation; an unlabelled unit by its
position, ``#2``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from itures.align import align
from itures.diagnostics import pointer_from
from itures.i18n import current, tr
from itures.model.resolution import Annex, Clause, Footnote, HistoryEntry, Item, Resolution

__all__ = [
    "Change",
    "Changes",
    "Place",
    "diff_resolutions",
    "empty_like",
    "mismatch",
    "render_json",
    "render_text",
    "word_diff",
]

SIMILAR = 0.5  # share of words two texts need in common to be one changed unit
# Units replaced by others in one stretch are compared pair by pair up to this
# many pairs (50 x 50), and up to ALL_PAIRS pairs in one diff; beyond, each
# unit is compared with the units near its expected place only (_Differ.pairs).
PAIRS = 2_500
ALL_PAIRS = 50_000
NEAR = 5  # beyond PAIRS: how far from its expected place a unit's partner is looked for

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Place:
    """Where a unit is in one version: its locator and JSON Pointer."""

    at: str
    pointer: str

    def to_dict(self) -> dict[str, str]:
        return {"at": self.at, "pointer": self.pointer}


@dataclass(frozen=True)
class Change:
    """One change between two versions."""

    change: str  # added, removed, changed, moved, renumbered
    unit: str  # section, item, clause, footnote, annex, title, conference, heading, history
    old: Place | None
    new: Place | None
    text: str | None = None  # added, removed, moved: the unit's text
    words: tuple[tuple[str, str], ...] | None = None  # changed: ("=", "-" or "+", words)
    fields: tuple[str, ...] = ()  # changed: other fields that differ (actors, ...)
    # the unit's labels in each version, when they differ (renumbered, changed, moved)
    labels: tuple[str | None, str | None] | None = None
    # the fields' values: (field, old value, new value), None where a side has
    # none (an added or removed unit's actors, partners, deadlines); JSON-like
    # values (lists of strings, of deadline mappings), so not hashed
    values: tuple[tuple[str, Any, Any], ...] = field(default=(), hash=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "change": self.change,
            "unit": self.unit,
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
        }
        if self.text is not None:
            out["text"] = self.text
        if self.words is not None:
            out["words"] = [list(w) for w in self.words]
        if self.fields:
            out["fields"] = list(self.fields)
        if self.labels is not None:
            out["labels"] = list(self.labels)
        if self.values:
            out["values"] = {name: {"old": a, "new": b} for name, a, b in self.values}
        return out


def _norm(text: str) -> str:
    """A text's words, one blank between them: what is compared (blanks are no change)."""
    return " ".join(text.split())


def _same(a: str | None, b: str | None) -> bool:
    return a == b or (a is not None and b is not None and _norm(a) == _norm(b))


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Pieces ``("=", text)``, ``("-", text)``, ``("+", text)`` from old to new.

    The pieces hold the texts exactly: the ``=`` and ``-`` pieces, joined
    without anything between them, give ``old``; the ``=`` and ``+`` pieces
    give ``new`` (see :func:`_word_diff` for the units compared).
    """
    return _word_diff(old, new)[0]


# The scripts written without blanks between words (Chinese; Japanese kana,
# which the corpus may quote): each character of theirs is one unit of the
# word diff, so that one character changed in a sentence shows as that
# character, not as the whole sentence removed and added.
_CJK = (
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3040-\u30ff"
    "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003ffff"
)
# The units of a text, in order (what _tokens returns; see _word_diff)
_TOKEN = re.compile(
    rf"""
    (?P<blank>\s+)                     # a run of blanks (line breaks, no-break blanks)
    | (?P<marker>\[\^[^\]\s\[]*\])        # a footnote marker [^1]: one unit
    | (?P<number>\d+(?:[.,]\d+)*)        # a number with its separators: 2.5, 2,5, 4.2.1
    | (?P<cjk>[{_CJK}])                 # one Chinese (or kana) character
    | (?P<word>[^\W\d{_CJK}]+)          # a word: letters
    | (?P<other>.)                      # a punctuation mark, a symbol: each on its own
    """,
    re.VERBOSE | re.DOTALL,
)
_JOINERS = frozenset("\u200c\u200d")  # zero-width (non-)joiner: inside a word


def _tokens(text: str) -> list[str]:
    """The units of ``text``: blank runs, words, numbers, footnote markers,
    Chinese characters, and each other character (punctuation) on its own.
    A combining mark (Arabic vowel signs, accents written apart) or a
    zero-width joiner stays with what it follows, and a word goes on after
    it. Joined, the units give ``text``."""
    out: list[str] = []
    glue = False  # the last unit is a word that a following word goes on
    for m in _TOKEN.finditer(text):
        unit, kind = m.group(), m.lastgroup
        if (
            kind == "other"
            and out
            and not out[-1][0].isspace()
            and (unit in _JOINERS or unicodedata.category(unit).startswith("M"))
        ):
            out[-1] += unit
            glue = out[-1][0].isalnum()
            continue
        if glue and kind == "word":
            out[-1] += unit
        else:
            out.append(unit)
        glue = False
    return out


def _content(units: Sequence[str]) -> tuple[int, bool]:
    """The characters of ``units`` other than blanks, and whether they hold a
    word (a word, a number, a footnote marker, a Chinese character)."""
    size, words = 0, False
    for unit in units:
        if not unit[0].isspace():
            size += len(unit)
            words = words or unit[0].isalnum() or unit.startswith("[^")
    return size, words


class _Stretch:
    """Units of both texts: equal (the same units, blanks alike or not) or changed."""

    __slots__ = ("equal", "new", "new_size", "old", "old_size", "words")

    def __init__(self, equal: bool, old: list[str], new: list[str]) -> None:
        self.equal, self.old, self.new = equal, old, new
        # the characters of each side, blanks left out; whether a word is in it
        self.old_size, old_words = _content(old)
        self.new_size, new_words = _content(new)
        self.words = old_words or new_words

    @property
    def size(self) -> int:
        """How much a change holds: its larger side."""
        return max(self.old_size, self.new_size)

    def absorb(self, same: _Stretch, then: _Stretch) -> None:
        """This change, ``same`` (equal) and ``then`` (changed) as one change."""
        for other in (same, then):
            self.old += other.old
            self.new += other.new
            self.old_size += other.old_size
            self.new_size += other.new_size
        self.words = self.words or same.words or then.words


def _absorbed(same: _Stretch, before: _Stretch, after: _Stretch) -> bool:
    """Whether an equal stretch between two changes reads better inside one
    change: when it holds blanks and punctuation only, or is shorter than
    each change beside it (a lone "of" in a rewritten phrase)."""
    return not same.words or same.old_size < min(before.size, after.size)


def _sides(stretch: _Stretch, added: bool) -> tuple[list[str], list[str]]:
    """A stretch's units on the side of an addition (or removal), and on the other."""
    return (stretch.new, stretch.old) if added else (stretch.old, stretch.new)


def _slide(stretches: list[_Stretch]) -> None:
    """Units added (or removed) alone, between blanks that differ, moved by
    one blank where that makes the blanks beside them alike.

    In "décide\u00a0:" -> "décide en outre\u00a0:" the alignment may pair the
    no-break blank with the first blank of the new text and add "en outre"
    and the no-break blank after it; with the blanks paired as written, the
    addition is " en outre" and no blank differs (a blank is as good as
    another to the alignment, so both are correct). Only blanks move: a unit
    of an equal stretch differs from its partner only when both are blanks.
    """
    k = 0
    while k < len(stretches):
        s = stretches[k]
        k += 1
        if s.equal or (s.old and s.new):
            continue
        added = bool(s.new)
        units = s.new if added else s.old
        before = stretches[k - 2] if k >= 2 and stretches[k - 2].equal else None
        after = stretches[k] if k < len(stretches) and stretches[k].equal else None
        if before is not None and before.old:
            mine, other = _sides(before, added)
            if mine[-1] != other[-1] and units[-1] == other[-1]:
                # the blank before the change goes in; its last blank goes out
                units.insert(0, mine.pop())
                pair = (units.pop(), other.pop())  # (this side, the other)
                if after is None:
                    after = _Stretch(True, [], [])
                    stretches.insert(k, after)
                mine, other = _sides(after, added)
                mine.insert(0, pair[0])
                other.insert(0, pair[1])
                continue
        if before is not None and after is not None and after.old:
            mine, other = _sides(after, added)
            if mine[0] != other[0] and units[0] == other[0]:
                units.append(mine.pop(0))
                pair = (units.pop(0), other.pop(0))
                mine, other = _sides(before, added)
                mine.append(pair[0])
                other.append(pair[1])


def _merged(stretches: list[_Stretch]) -> list[_Stretch]:
    """Adjacent changes merged across the equal stretches :func:`_absorbed`
    takes, until none is left (a stack: each stretch is merged once)."""
    out: list[_Stretch] = []
    for s in stretches:
        out.append(s)
        while (
            len(out) >= 3
            and not out[-1].equal
            and out[-2].equal
            and not out[-3].equal
            and _absorbed(out[-2], out[-3], out[-1])
        ):
            then, same = out.pop(), out.pop()
            out[-1].absorb(same, then)
    return out


class _Pieces:
    """Pieces of a word diff as they are put: equal text, or a change
    (removed and added text, put together until the next equal text)."""

    def __init__(self) -> None:
        self.out: list[tuple[str, str]] = []
        self.same_parts: list[str] = []
        self.old_parts: list[str] = []
        self.new_parts: list[str] = []

    def same(self, text: str) -> None:
        if self.old_parts or self.new_parts:
            self._changes()
        self.same_parts.append(text)

    def change(self, old: str, new: str) -> None:
        if self.same_parts:
            self.out.append(("=", "".join(self.same_parts)))
            self.same_parts = []
        self.old_parts.append(old)
        self.new_parts.append(new)

    def blanks(self, old: str, new: str) -> None:
        """Blanks of the two texts at one place: the same, or other blanks
        (no change, but kept so that the pieces give both texts)."""
        if old == new:
            if old:
                self.same(old)
        else:
            self.change(old, new)

    def _changes(self) -> None:
        for op, parts in (("-", self.old_parts), ("+", self.new_parts)):
            if text := "".join(parts):
                self.out.append((op, text))
        self.old_parts, self.new_parts = [], []

    def done(self) -> tuple[tuple[str, str], ...]:
        self._changes()
        if self.same_parts:
            self.out.append(("=", "".join(self.same_parts)))
        return tuple(self.out)


def _edges(units: list[str]) -> tuple[str, list[str], str]:
    """The blanks a text starts with, its units between, the blanks it ends with."""
    lead = units[0] if units and units[0][0].isspace() else ""
    trail = units[-1] if len(units) > int(bool(lead)) and units[-1][0].isspace() else ""
    return lead, units[int(bool(lead)) : len(units) - int(bool(trail))], trail


def _word_diff(old: str, new: str) -> tuple[tuple[tuple[str, str], ...], bool]:
    """:func:`word_diff`, and whether the alignment of long texts was approximate.

    The texts are cut into units (:func:`_tokens`): words, numbers, footnote
    markers, punctuation marks, blank runs and, in Chinese, characters. The
    units are aligned, every blank run counting as one blank, and the blanks
    a text starts or ends with not at all (blanks between words are no
    change). Changes that only blanks and punctuation, or less than either
    of them, separate are merged (:func:`_absorbed`), so that a rewritten
    phrase reads as one change, not a change per word.

    Where the blanks of two equal stretches differ, or a text starts or ends
    with other blanks, the pieces carry both (a ``-`` and a ``+`` of blanks
    alone, or the blanks inside the change beside them): the pieces give
    both texts exactly. The text output shows such blanks as one blank.
    """
    lead_a, a, trail_a = _edges(_tokens(old))
    lead_b, b, trail_b = _edges(_tokens(new))
    key_a = [" " if u[0].isspace() else u for u in a]
    key_b = [" " if u[0].isspace() else u for u in b]
    alignment = align(key_a, key_b, autojunk=False)
    stretches: list[_Stretch] = []
    for tag, i1, i2, j1, j2 in alignment.opcodes():
        if tag == "equal":
            stretches.append(_Stretch(True, a[i1:i2], b[j1:j2]))
        elif stretches and not stretches[-1].equal:
            last = stretches[-1]
            stretches[-1] = _Stretch(False, last.old + a[i1:i2], last.new + b[j1:j2])
        else:
            stretches.append(_Stretch(False, a[i1:i2], b[j1:j2]))
    _slide(stretches)
    pieces = _Pieces()
    pieces.blanks(lead_a, lead_b)
    for s in _merged(stretches):
        if not s.equal:
            pieces.change("".join(s.old), "".join(s.new))
            continue
        for x, y in zip(s.old, s.new, strict=True):
            if x == y:
                pieces.same(x)
            else:
                pieces.blanks(x, y)
    pieces.blanks(trail_a, trail_b)
    return pieces.done(), alignment.approximate


class _Words:
    """The words of a unit's text, and how many times each, computed once."""

    __slots__ = ("bag", "words")

    def __init__(self, text: str) -> None:
        self.words = text.split()
        self.bag = Counter(self.words)


def _similarity(a: _Words, b: _Words) -> float:
    """The share of words two texts have in common, in order (difflib's ratio).

    Two upper bounds come first, cheap to compute: a ratio below
    :data:`SIMILAR` only matters as "not similar" (0.0 is returned), and most
    pairs of different texts are told apart without aligning them.
    """
    wa, wb = a.words, b.words
    if not wa and not wb:
        return 1.0
    total = len(wa) + len(wb)
    if 2 * min(len(wa), len(wb)) < SIMILAR * total:
        return 0.0  # lengths too different
    if 2 * sum((a.bag & b.bag).values()) < SIMILAR * total:
        return 0.0  # too few words in common, in any order
    return align(wa, wb, autojunk=False).ratio()


_PUNCT = re.compile(r"^[(\s]+|[).\s]+$")


def _segment(label: str | None, index: int) -> str:
    if label is None or not _PUNCT.sub("", label):
        return f"#{index + 1}"
    return _PUNCT.sub("", label)


@dataclass
class _Unit:
    """A unit of one version: an item, a clause, a footnote or an annex paragraph."""

    kind: str
    label: str | None
    text: str
    place: Place
    extra: dict[str, Any]  # other fields compared (actors, deadlines, ...)
    children: list[_Unit] = field(default_factory=list)
    # its label's segment, relative to its parent's ("4.2" under "4": "2"; no
    # label: "#2", its position): a unit left over at the same one is the same unit
    seg: str = ""
    key: str = ""  # its text's words (what is compared)

    def __post_init__(self) -> None:
        self.key = _norm(self.text)

    def walk(self) -> Iterator[_Unit]:
        """Its nested units, depth first, in document order (not itself)."""
        for child in self.children:
            yield child
            yield from child.walk()

    def values(self, *, added: bool) -> tuple[tuple[str, Any, Any], ...]:
        """The fields it has (actors, ...), as an added (or removed) unit's values."""
        return tuple(
            (name, None, value) if added else (name, value, None)
            for name, value in self.extra.items()
            if value
        )


def _relative(seg: str, parent: str | None) -> str:
    """A label's segment without its parent's ("4.2" under "4": "2")."""
    if parent and seg.startswith(parent + ".") and len(seg) > len(parent) + 1:
        return seg[len(parent) + 1 :]
    return seg


def _deadline(d: Any) -> dict[str, Any]:
    out: dict[str, Any] = d.model_dump(exclude_defaults=True)
    if isinstance(out.get("text"), str):
        out["text"] = _norm(out["text"])
    return out


def _units(
    kind: str,
    nodes: Sequence[Item | Clause | Footnote],
    base: Path,
    at: str,
    parent: str | None = None,
) -> list[_Unit]:
    out: list[_Unit] = []
    for i, node in enumerate(nodes):
        path = (*base, i)
        if isinstance(node, Footnote):
            seg = node.id
            place = Place(f"{at}/{seg}", pointer_from(path))
            unit = _Unit(kind, node.id, node.text, place, {}, seg=seg)
        elif isinstance(node, Clause):
            seg = _segment(node.label, i)
            place = Place(f"{at}/{seg}", pointer_from(path))
            extra = {
                "actors": list(node.actors),
                "partners": list(node.partners),
                "deadlines": [_deadline(d) for d in node.deadlines],
            }
            unit = _Unit(kind, node.label, node.text, place, extra, seg=_relative(seg, parent))
            unit.children = _units(kind, node.clauses, (*path, "clauses"), place.at, seg)
        else:
            seg = _segment(node.label, i)
            place = Place(f"{at}/{seg}", pointer_from(path))
            unit = _Unit(kind, node.label, node.text, place, {}, seg=_relative(seg, parent))
            unit.children = _units(kind, node.items, (*path, "items"), place.at, seg)
        out.append(unit)
    return out


# What the notes of a diff say (see Changes; :func:`_said_note`)
_LONG_TEXTS = "long"
_REPEATED = "repeated"
_NEAR = "near"


def _said_note(what: str) -> str:
    """A note of a diff in words, in the language of the messages."""
    if what == _LONG_TEXTS:
        return tr(
            "texts too long to compare word by word in full: their word diff is correct "
            "but may not be the shortest"
        )
    if what == _REPEATED:
        return tr(
            "too many repeated texts to align every unit: some unchanged units may show "
            "as removed and added"
        )
    return tr(
        "too many changed units to compare each with every other: each was compared with "
        "the units near its place (up to {near} before or after), so a unit moved further "
        "may show as removed and added",
        near=NEAR,
    )


class _Kept:
    """Pairs kept, by left index: the partners of the nearest kept left indices
    before and after an index, in logarithmic time (a Fenwick tree of counts)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.tree = [0] * (size + 1)
        self.partner: dict[int, int] = {}
        self._top = 1 << size.bit_length()

    def add(self, i: int, j: int) -> None:
        self.partner[i] = j
        k = i + 1
        while k <= self.size:
            self.tree[k] += 1
            k += k & -k

    def _count_below(self, i: int) -> int:
        total, k = 0, i
        while k > 0:
            total += self.tree[k]
            k -= k & -k
        return total

    def _nth(self, n: int) -> int:
        """The left index of rank ``n`` (1-based) among those kept."""
        pos, step = 0, self._top
        while step:
            if pos + step <= self.size and self.tree[pos + step] < n:
                pos += step
                n -= self.tree[pos]
            step >>= 1
        return pos  # the index itself (tree positions are index + 1)

    def neighbours(self, i: int) -> tuple[int | None, int | None]:
        """Partners of the nearest kept left indices before and after ``i``."""
        below = self._count_below(i)
        before = self.partner[self._nth(below)] if below else None
        after = self.partner[self._nth(below + 1)] if below < len(self.partner) else None
        return before, after


class Changes(list[Change]):
    """The changes between two versions, in document order, and ``notes``.

    A note says where the comparison took a cheaper way on a very large input
    (see :func:`diff_resolutions`): the changes listed are real, but another
    comparison might have paired some units differently.
    """

    def __init__(
        self, changes: list[Change], notes: list[str], mismatch: dict[str, str] | None = None
    ) -> None:
        super().__init__(changes)
        self.notes = notes
        # the two versions are not two versions of one text: other language
        # versions, or other resolutions ({"kind", "old", "new", "note"})
        self.mismatch = mismatch


class _Differ:
    def __init__(self) -> None:
        self.changes: list[tuple[tuple[int, ...], Change]] = []
        self.removed: list[tuple[tuple[int, ...], _Unit]] = []
        self.added: list[tuple[tuple[int, ...], _Unit]] = []
        self._order = 0
        self.notes: dict[str, list[str]] = {}  # what was approximated -> where, in order
        self.pairs_left = ALL_PAIRS  # pairs that may still be compared one by one

    def note(self, what: str, where: str) -> None:
        """Say that the comparison took a cheaper way at ``where``."""
        self.notes.setdefault(what, []).append(where)

    def word_diff(self, old: str, new: str, where: Place) -> tuple[tuple[str, str], ...]:
        words, approximate = _word_diff(old, new)
        if approximate:
            self.note(_LONG_TEXTS, where.at)
        return words

    def _key(self) -> tuple[int, ...]:
        self._order += 1
        return (self._order,)

    def emit(self, change: Change) -> None:
        self.changes.append((self._key(), change))

    def whole(self, units: list[_Unit], *, added: bool) -> None:
        """The units of an added or removed section or annex: each added (or
        removed) with everything in it, unless it moved."""
        for u in units:
            (self.added if added else self.removed).append((self._key(), u))

    def text_change(self, unit: str, old: str | None, new: str | None, where: Place) -> None:
        if _same(old, new):
            return
        if old is None or new is None:
            kind = "added" if old is None else "removed"
            self.emit(
                Change(
                    kind,
                    unit,
                    None if old is None else where,
                    None if new is None else where,
                    text=new if old is None else old,
                )
            )
            return
        self.emit(Change("changed", unit, where, where, words=self.word_diff(old, new, where)))

    def lists(self, old: list[_Unit], new: list[_Unit]) -> None:
        """Match two lists of units by content, report and recurse."""
        alignment = align([u.key for u in old], [u.key for u in new], autojunk=False)
        if alignment.approximate:
            self.note(_REPEATED, (old or new)[0].place.at)
        for tag, i1, i2, j1, j2 in alignment.opcodes():
            if tag == "equal":
                for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                    self.pair(a, b)
                continue
            left, right = list(old[i1:i2]), list(new[j1:j2])
            matched = self.pairs(left, right)
            used_a = {ia for ia, _ in matched}
            used_b = {ib for _, ib in matched}
            for ia, ib in matched:
                self.pair(left[ia], right[ib])
            for ia, a in enumerate(left):
                if ia not in used_a:
                    self.removed.append((self._key(), a))
            for ib, b in enumerate(right):
                if ib not in used_b:
                    self.added.append((self._key(), b))

    def pairs(self, left: list[_Unit], right: list[_Unit]) -> list[tuple[int, int]]:
        """The pairs (left index, right index) of units whose text changed, in order.

        The most similar pairs first (at least :data:`SIMILAR`), each unit in
        one pair at most, and no pair crossing another (the order is kept).
        Up to :data:`PAIRS` pairs (and :data:`ALL_PAIRS` in the whole diff)
        every unit is compared with every other; beyond, with those near its
        expected place only (see :meth:`_near`), and a note says so.
        """
        lw = [_Words(u.text) for u in left]
        rw = [_Words(u.text) for u in right]
        if len(left) * len(right) <= min(PAIRS, self.pairs_left):
            self.pairs_left -= len(left) * len(right)
            scored = [
                (score, -ia, -ib)
                for ia, a in enumerate(lw)
                for ib, b in enumerate(rw)
                if (score := _similarity(a, b)) >= SIMILAR
            ]
        else:
            scored = self._near(left, lw, rw)
        scored.sort(reverse=True)
        kept = _Kept(len(left))
        used_b: set[int] = set()
        for _, ia, ib in scored:
            ia, ib = -ia, -ib
            if ia in kept.partner or ib in used_b:
                continue
            # keep order: a pair may not cross one kept before; the pairs kept
            # do not cross each other, so only the nearest on each side can
            before, after = kept.neighbours(ia)
            if (before is not None and before > ib) or (after is not None and after < ib):
                continue
            kept.add(ia, ib)
            used_b.add(ib)
        # a unit left over at the same label as one left over on the other
        # side, in the same place (no pair kept crosses them), is that unit
        # edited: however short its text ("to assist;" -> "to assist all;"
        # has too few words in common to be paired above)
        at_label: dict[str, list[int]] = {}
        for ib in reversed(range(len(right))):
            if ib not in used_b:
                at_label.setdefault(right[ib].seg, []).append(ib)
        for ia, a in enumerate(left):
            same = at_label.get(a.seg)
            if ia in kept.partner or not same:
                continue
            ib = same[-1]
            before, after = kept.neighbours(ia)
            if (before is not None and before > ib) or (after is not None and after < ib):
                continue
            same.pop()
            kept.add(ia, ib)
            used_b.add(ib)
        return sorted(kept.partner.items())

    def _near(
        self, units: list[_Unit], left: list[_Words], right: list[_Words]
    ) -> list[tuple[float, int, int]]:
        """Scored candidate pairs of a large stretch: each left unit against the
        right units near where it is expected, in linear time.

        A unit is expected right after the partner of the unit before it (the
        texts were edited in place): if that one is similar enough, it is the
        only candidate; otherwise the :data:`NEAR` units on each side of that
        place and of the same relative place in the stretch are compared.
        """
        self.note(_NEAR, units[0].place.at)
        scored: list[tuple[float, int, int]] = []
        expected = 0
        for ia, a in enumerate(left):
            if expected < len(right):
                score = _similarity(a, right[expected])
                if score >= SIMILAR:
                    scored.append((score, -ia, -expected))
                    expected += 1
                    continue
            places = {expected, ia * len(right) // len(left)}
            best = None
            for place in sorted(places):
                for ib in range(max(0, place - NEAR), min(len(right), place + NEAR + 1)):
                    score = _similarity(a, right[ib])
                    if score >= SIMILAR:
                        scored.append((score, -ia, -ib))
                        if best is None or score > best[0]:
                            best = (score, ib)
            expected = best[1] + 1 if best is not None else expected + 1
        return sorted(set(scored))

    def pair(self, a: _Unit, b: _Unit, *, moved: bool = False) -> None:
        fields = tuple(k for k in a.extra if a.extra[k] != b.extra.get(k))
        values = tuple((k, a.extra[k], b.extra.get(k)) for k in fields)
        labels = (a.label, b.label) if a.label != b.label else None
        if moved:
            self.emit(Change("moved", a.kind, a.place, b.place, text=b.text, labels=labels))
            if fields:
                self.emit(Change("changed", a.kind, a.place, b.place, fields=fields, values=values))
        elif a.key != b.key or fields:
            words = self.word_diff(a.text, b.text, b.place) if a.key != b.key else None
            self.emit(
                Change(
                    "changed",
                    a.kind,
                    a.place,
                    b.place,
                    words=words,
                    fields=fields,
                    labels=labels,
                    values=values,
                )
            )
        elif labels is not None:
            self.emit(Change("renumbered", a.kind, a.place, b.place, labels=labels))
        self.lists(a.children, b.children)

    def finish(self) -> Changes:
        """Pair removed and added units of the same text as moves; report the rest."""
        # the added units of each text, first first (a unit paired is taken out)
        added = list(self.added)  # as it is now: moves below may add to self.added
        by_text: dict[str, list[int]] = {}
        for n, (_, b) in reversed(list(enumerate(added))):
            by_text.setdefault(b.key, []).append(n)
        taken: set[int] = set()
        for key, a in self.removed:
            same = by_text.get(a.key)
            if not same:
                self.whole_unit(key, a, added=False)
                continue
            match = same.pop()
            taken.add(match)
            bkey, b = added[match]
            start = len(self.changes)
            self.pair(a, b, moved=True)
            moved = self.changes[start:]
            del self.changes[start:]
            self.changes.extend(((*bkey, n), c) for n, (_, c) in enumerate(moved))
        for n, (key, b) in enumerate(added):
            if n not in taken:
                self.whole_unit(key, b, added=True)
        self.changes.sort(key=lambda kc: kc[0])
        notes = []
        for what, places in self.notes.items():
            shown = ", ".join(places[:3])
            if len(places) > 3:
                more = format(len(places) - 3, ",")
                shown += tr(" and {count} more", count=more)
            notes.append(tr("{note} (from {places})", note=_said_note(what), places=shown))
        return Changes([c for _, c in self.changes], notes)

    def whole_unit(self, key: tuple[int, ...], unit: _Unit, *, added: bool) -> None:
        """An added (or removed) unit, then each unit nested in it, in order."""
        for n, u in enumerate((unit, *unit.walk())):
            change = Change(
                "added" if added else "removed",
                u.kind,
                None if added else u.place,
                u.place if added else None,
                text=u.text,
                values=u.values(added=added),
            )
            self.changes.append((key if n == 0 else (*key, n), change))


def _side_values(section: Any, *, added: bool) -> tuple[tuple[str, Any, Any], ...]:
    """An added (or removed) section's actors and partners, as values."""
    out = []
    for name in ("actors", "partners"):
        value = list(getattr(section, name, None) or [])
        if value:
            out.append((name, None, value) if added else (name, value, None))
    return tuple(out)


def _first_places(names: list[str]) -> dict[str, int]:
    """Where each name is first in a list (a dictionary, not a scan per name)."""
    out: dict[str, int] = {}
    for i, name in enumerate(names):
        out.setdefault(name, i)
    return out


def _sections(
    differ: _Differ,
    part: str,
    old: Sequence[Any],
    new: Sequence[Any],
    kind: str,
) -> None:
    """Match the sections of one part (preamble or operative) by verb, then their units."""

    def names(sections: Sequence[Any]) -> list[str]:
        seen: dict[str, int] = {}
        out = []
        for s in sections:
            seen[s.verb] = seen.get(s.verb, 0) + 1
            out.append(s.verb if seen[s.verb] == 1 else f"{s.verb}~{seen[s.verb]}")
        return out

    old_names, new_names = names(old), names(new)
    old_at = _first_places(old_names)
    new_at = _first_places(new_names)
    children = "items" if part == "preamble" else "clauses"
    # the sections both versions have, in another order: those out of the
    # longest run kept in order moved ("considering" put before "recalling")
    kept_old = [n for n in old_names if n in new_at]
    kept_new = [n for n in new_names if n in old_at]
    moved: set[str] = set()
    if kept_old != kept_new:
        import difflib  # (only for a reordered part)

        matcher = difflib.SequenceMatcher(None, kept_old, kept_new, autojunk=False)
        stayed = {n for a, _, size in matcher.get_matching_blocks() for n in kept_old[a : a + size]}
        moved = set(kept_new) - stayed
    for name, (i, section) in zip(old_names, enumerate(old), strict=True):
        if name not in new_at:
            place = Place(name, pointer_from((part, i)))
            differ.emit(
                Change(
                    "removed",
                    "section",
                    place,
                    None,
                    text=section.heading,
                    values=_side_values(section, added=False),
                )
            )
            units = _units(kind, getattr(section, children), (part, i, children), name)
            differ.whole(units, added=False)
    for name, (j, section) in zip(new_names, enumerate(new), strict=True):
        new_place = Place(name, pointer_from((part, j)))
        if name not in old_at:
            differ.emit(
                Change(
                    "added",
                    "section",
                    None,
                    new_place,
                    text=section.heading,
                    values=_side_values(section, added=True),
                )
            )
            units = _units(kind, getattr(section, children), (part, j, children), name)
            differ.whole(units, added=True)
            continue
        i = old_at[name]
        before = old[i]
        old_place = Place(name, pointer_from((part, i)))
        if name in moved:
            differ.emit(Change("moved", "section", old_place, new_place, text=section.heading))
        if not _same(before.heading, section.heading):
            words = differ.word_diff(before.heading, section.heading, new_place)
            differ.emit(Change("changed", "heading", old_place, new_place, words=words))
        # who the section addresses: a change of the section, not of its heading
        # (whose words may stay the same)
        values = tuple(
            (f, list(getattr(before, f, None) or []), list(getattr(section, f, None) or []))
            for f in ("actors", "partners")
            if getattr(before, f, None) != getattr(section, f, None)
        )
        if values:
            differ.emit(
                Change(
                    "changed",
                    "section",
                    old_place,
                    new_place,
                    fields=tuple(f for f, _, _ in values),
                    values=values,
                )
            )
        differ.lists(
            _units(kind, getattr(before, children), (part, i, children), name),
            _units(kind, getattr(section, children), (part, j, children), name),
        )


def _history(differ: _Differ, old: list[HistoryEntry], new: list[HistoryEntry]) -> None:
    """History entries, matched by their text; an entry at the same place in
    a stretch replaced is that entry edited; a date is compared beside."""

    def text(h: HistoryEntry) -> str:
        return _norm(f"{h.event} {h.place}, {h.year}")

    def place(i: int) -> Place:
        return Place(f"history/{i + 1}", pointer_from(("history", i)))

    def dated(i: int, j: int) -> tuple[tuple[str, Any, Any], ...]:
        return () if old[i].date == new[j].date else (("date", old[i].date, new[j].date),)

    a, b = [text(h) for h in old], [text(h) for h in new]
    alignment = align(a, b, autojunk=False)
    if alignment.approximate:
        differ.note(_REPEATED, "history")
    for tag, i1, i2, j1, j2 in alignment.opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if values := dated(i, j):
                    differ.emit(
                        Change(
                            "changed",
                            "history",
                            place(i),
                            place(j),
                            fields=("date",),
                            values=values,
                        )
                    )
            continue
        for k in range(min(i1, j1), max(i2, j2)):
            if i1 <= k < i2 and j1 <= k < j2:  # the same place: that entry edited
                values = dated(k, k)
                differ.emit(
                    Change(
                        "changed",
                        "history",
                        place(k),
                        place(k),
                        words=differ.word_diff(a[k], b[k], place(k)),
                        fields=tuple(f for f, _, _ in values),
                        values=values,
                    )
                )
                continue
            if i1 <= k < i2:
                differ.emit(Change("removed", "history", place(k), None, text=a[k]))
            if j1 <= k < j2:
                differ.emit(Change("added", "history", None, place(k), text=b[k]))


def _annexes(differ: _Differ, old: list[Annex], new: list[Annex]) -> None:
    def name(annex: Annex, index: int, count: int) -> str:
        if annex.label:
            return f"annex/{_segment(annex.label, index)}"
        return "annex" if count == 1 else f"annex/#{index + 1}"

    old_names = [name(a, i, len(old)) for i, a in enumerate(old)]
    new_names = [name(a, i, len(new)) for i, a in enumerate(new)]
    old_at = _first_places(old_names)
    new_at = _first_places(new_names)
    for i, annex in enumerate(old):
        if old_names[i] not in new_at:
            place = Place(old_names[i], pointer_from(("annexes", i)))
            differ.emit(Change("removed", "annex", place, None, text=annex.heading))
            differ.text_change("title", annex.title, None, place)
            units = _units("paragraph", annex.items, ("annexes", i, "items"), old_names[i])
            differ.whole(units, added=False)
    for j, annex in enumerate(new):
        place = Place(new_names[j], pointer_from(("annexes", j)))
        if new_names[j] not in old_at:
            differ.emit(Change("added", "annex", None, place, text=annex.heading))
            differ.text_change("title", None, annex.title, place)
            units = _units("paragraph", annex.items, ("annexes", j, "items"), new_names[j])
            differ.whole(units, added=True)
            continue
        i = old_at[new_names[j]]
        before = old[i]
        old_place = Place(old_names[i], pointer_from(("annexes", i)))
        if not _same(before.heading, annex.heading):
            differ.emit(
                Change(
                    "changed",
                    "heading",
                    old_place,
                    place,
                    words=differ.word_diff(before.heading, annex.heading, place),
                )
            )
        if not _same(before.title, annex.title):
            differ.text_change("title", before.title, annex.title, place)
        differ.lists(
            _units("paragraph", before.items, ("annexes", i, "items"), old_names[i]),
            _units("paragraph", annex.items, ("annexes", j, "items"), new_names[j]),
        )


def empty_like(res: Resolution) -> Resolution:
    """A resolution with ``res``'s identity and nothing else: what a version
    that does not exist is compared with (every unit of ``res`` then reads as
    added, or removed)."""
    return res.model_copy(
        update={
            "title": "",
            "history": [],
            "conference": None,
            "preamble": [],
            "operative": [],
            "annexes": [],
            "footnotes": [],
        }
    )


def diff_resolutions(old: Resolution | None, new: Resolution | None) -> Changes:
    """The changes from ``old`` to ``new``, in document order.

    One of them may be None, a version that does not exist (what
    ``Corpus.get`` gives for a resolution a revision lacks): the other is
    compared with nothing, every unit added (or removed). Both None is a
    ``TypeError``.

    The comparison is bounded for files up to the size limit: lists of units
    are aligned by :func:`itures.align.align`; units replaced by others in one
    stretch are compared pair by pair up to :data:`PAIRS` pairs, and beyond
    that each with the units near its place. Where a cheaper way was taken,
    :attr:`Changes.notes` says so (the text and JSON outputs show the notes).
    """
    absent = (old is None, new is None)  # (its title is removed or added, not emptied)
    if old is None or new is None:
        if old is None and new is None:
            raise TypeError("diff_resolutions needs a resolution on one side at least")
        if old is None:
            assert new is not None
            old = empty_like(new)
        elif new is None:
            new = empty_like(old)
    differ = _Differ()
    for what in ("body", "kind", "number", "language"):
        a, b = getattr(old, what), getattr(new, what)
        if a != b:
            place = Place(what, pointer_from((what,)))
            differ.emit(Change("changed", what, place, place, words=(("-", a), ("+", b))))
    differ.text_change(
        "title",
        None if absent[0] else old.title,
        None if absent[1] else new.title,
        Place("title", "/title"),
    )
    _history(differ, old.history, new.history)
    differ.text_change(
        "conference", old.conference, new.conference, Place("conference", "/conference")
    )
    _sections(differ, "preamble", old.preamble, new.preamble, "item")
    _sections(differ, "operative", old.operative, new.operative, "clause")
    differ.lists(
        _units("footnote", old.footnotes, ("footnotes",), "footnote"),
        _units("footnote", new.footnotes, ("footnotes",), "footnote"),
    )
    _annexes(differ, old.annexes, new.annexes)
    changes = differ.finish()
    changes.mismatch = mismatch(old, new)
    return changes


def _identity(res: Resolution) -> str:
    """``pp/58``; ``pp/5 (decision)`` for a decision or a recommendation."""
    name = f"{res.body}/{res.number}"
    return name if res.kind == "resolution" else f"{name} ({res.kind})"


def mismatch(old: Resolution, new: Resolution) -> dict[str, str] | None:
    """What makes two files not two versions of one text, or None: other
    resolutions (``{"kind": "resolution", "old": "pp/58", "new": "pp/210"}``),
    or other language versions of one resolution (``"kind": "language"``,
    ``"old": "en"``, ``"new": "fr"``); ``"note"`` says so in a sentence."""
    a, b = _identity(old), _identity(new)
    if a != b:
        if old.language != new.language:
            shown = f"{a} {old.language}, {b} {new.language}"
        else:
            shown = f"{a}, {b}"
        return {
            "kind": "resolution",
            "old": a,
            "new": b,
            "note": tr("the two files are different resolutions ({shown})", shown=shown),
        }
    if old.language != new.language:
        return {
            "kind": "language",
            "old": old.language,
            "new": new.language,
            "note": tr(
                "the two files are different language versions ({old}, {new}) of {resolution}: "
                "compared as texts; `itures check` compares their structure (language-mismatch)",
                old=old.language,
                new=new.language,
                resolution=a,
            ),
        }
    return None


def _notes(changes: Sequence[Change]) -> list[str]:
    return list(changes.notes) if isinstance(changes, Changes) else []


def _mismatch(changes: Sequence[Change]) -> dict[str, str] | None:
    return changes.mismatch if isinstance(changes, Changes) else None


def render_json(changes: Sequence[Change], old: str, new: str) -> str:
    """``{"old": ..., "new": ..., "changes": [...]}`` as JSON text, with
    ``"mismatch"`` when the two are not versions of one text and ``"notes"``."""
    payload: dict[str, Any] = {"old": old, "new": new}
    mismatch = _mismatch(changes)
    if mismatch is not None:
        payload["mismatch"] = mismatch
    payload["changes"] = [c.to_dict() for c in changes]
    notes = _notes(changes)
    if notes:
        payload["notes"] = notes
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _words(words: Sequence[tuple[str, str]]) -> str:
    """A word diff on one line: ``to assist {+all+};``. Every blank run reads
    as one blank; blanks at a change's edges are shown outside its marks; a
    removal and the addition after it are one blank apart; blanks that are
    no change (other blanks between the same words, at a text's ends) read
    as a blank; blanks removed or added between other units read ``[- -]``,
    ``{+ +}``."""
    blank = [not text.strip() for _, text in words]
    first = blank.index(False) if False in blank else len(words)
    last = len(words) - 1 - blank[::-1].index(False) if False in blank else -1
    out = []
    for k, (op, text) in enumerate(words):
        if op == "=" or not text:
            out.append(text)
            continue
        if blank[k]:
            # its partner: the addition after a removal, the removal before an addition
            at = k + 1 if op == "-" else k - 1
            partner = words[at] if 0 <= at < len(words) else ("=", "")
            # blanks for other blanks: the partner's blanks, or those at its edge
            # (other blanks beside a change are put in the change)
            other = partner[0] == ("+" if op == "-" else "-") and (
                blank[at] or partner[1][0].isspace() or partner[1][-1].isspace()
            )
            if k < first or k > last or other:
                out.append(" ")  # no change: other blanks, or blanks at an end
                continue
        core = " ".join(text.split())
        after_removal = op == "+" and k > 0 and words[k - 1][0] == "-"
        lead = " " if (core and text[0].isspace()) or after_removal else ""
        trail = " " if core and text[-1].isspace() else ""
        core = core or " "
        out.append(lead + (f"[-{core}-]" if op == "-" else f"{{+{core}+}}") + trail)
    return " ".join("".join(out).split())


def _label(label: str | None) -> str:
    return tr("none") if label is None else repr(label)


def _when(deadline: dict[str, Any]) -> str:
    """A deadline in words: ``every year, report to council ("annually to the Council")``."""
    parts = []
    if deadline.get("every"):
        parts.append(tr("every {period}", period=deadline["every"]))
    if deadline.get("by") is not None:
        parts.append(tr("by {date}", date=deadline["by"]))
    if deadline.get("event"):
        parts.append(tr("by {event}", event=deadline["event"]))
    if deadline.get("report_to"):
        parts.append(tr("report to {body}", body=deadline["report_to"]))
    if deadline.get("text"):
        parts.append(f'"{deadline["text"]}"')
    return ", ".join(parts) or tr("none")


def _value(value: Any) -> str:
    """A field's value in words: ``none``, ``a, b``, deadlines, a date."""
    if value is None or value == []:
        return tr("none")
    if isinstance(value, list):
        if all(isinstance(v, dict) for v in value):
            return "; ".join(_when(v) for v in value)
        return ", ".join(str(v) for v in value)
    return str(value)


def _fields(c: Change) -> str:
    """`` (actors: a -> a, b; deadlines: ...)``: the fields and their values."""
    if not c.values:
        return f" ({', '.join(c.fields)})" if c.fields else ""
    shown = []
    for name, old, new in c.values:
        if c.change == "added":
            shown.append(f"{name}: {_value(new)}")
        elif c.change == "removed":
            shown.append(f"{name}: {_value(old)}")
        else:
            shown.append(f"{name}: {_value(old)} -> {_value(new)}")
    return f" ({'; '.join(shown)})"


# (change, unit) -> what a line of the text output says, per language (_kind)
_KINDS: dict[str, dict[tuple[str, str], str]] = {}


def _kind(change: str, unit: str) -> str:
    """``changed clause``: a change of a unit in words, in the language of the
    messages; one message per change and unit, since a unit's noun is never put
    into a sentence (its gender differs between languages)."""
    lang = current()
    table = _KINDS.get(lang)
    if table is None:
        table = _KINDS[lang] = _kind_table()
    return table.get((change, unit)) or f"{change} {unit}"


def _kind_table() -> dict[tuple[str, str], str]:
    return {
        ("changed", "body"): tr("changed body"),
        ("changed", "kind"): tr("changed kind"),
        ("changed", "number"): tr("changed number"),
        ("changed", "language"): tr("changed language"),
        ("added", "title"): tr("added title"),
        ("removed", "title"): tr("removed title"),
        ("changed", "title"): tr("changed title"),
        ("added", "conference"): tr("added conference"),
        ("removed", "conference"): tr("removed conference"),
        ("changed", "conference"): tr("changed conference"),
        ("added", "history"): tr("added history"),
        ("removed", "history"): tr("removed history"),
        ("changed", "history"): tr("changed history"),
        ("added", "section"): tr("added section"),
        ("removed", "section"): tr("removed section"),
        ("moved", "section"): tr("moved section"),
        ("changed", "section"): tr("changed section"),
        ("changed", "heading"): tr("changed heading"),
        ("added", "annex"): tr("added annex"),
        ("removed", "annex"): tr("removed annex"),
        ("added", "item"): tr("added item"),
        ("removed", "item"): tr("removed item"),
        ("changed", "item"): tr("changed item"),
        ("moved", "item"): tr("moved item"),
        ("renumbered", "item"): tr("renumbered item"),
        ("added", "clause"): tr("added clause"),
        ("removed", "clause"): tr("removed clause"),
        ("changed", "clause"): tr("changed clause"),
        ("moved", "clause"): tr("moved clause"),
        ("renumbered", "clause"): tr("renumbered clause"),
        ("added", "footnote"): tr("added footnote"),
        ("removed", "footnote"): tr("removed footnote"),
        ("changed", "footnote"): tr("changed footnote"),
        ("moved", "footnote"): tr("moved footnote"),
        ("renumbered", "footnote"): tr("renumbered footnote"),
        ("added", "paragraph"): tr("added paragraph"),
        ("removed", "paragraph"): tr("removed paragraph"),
        ("changed", "paragraph"): tr("changed paragraph"),
        ("moved", "paragraph"): tr("moved paragraph"),
        ("renumbered", "paragraph"): tr("renumbered paragraph"),
    }


def render_lines(changes: Sequence[Change]) -> Iterator[str]:
    for c in changes:
        if c.old is None or c.new is None:
            place = c.old or c.new
            where = place.at if place else ""
        elif c.old.at == c.new.at:
            where = c.old.at
        else:
            where = f"{c.old.at} -> {c.new.at}"
        what = _kind(c.change, c.unit)
        line = what if where == c.unit else f"{what} {where}"
        line += _fields(c)
        if c.labels is not None and c.old and c.new and c.old.at == c.new.at:
            # (a label restyled, "a)" -> "(a)": the places read alike, the labels do not)
            line += " " + tr(
                "(label {old} -> {new})", old=_label(c.labels[0]), new=_label(c.labels[1])
            )
        if c.change == "moved" and c.old and c.new and c.old.at == c.new.at:
            line += f" ({c.old.pointer} -> {c.new.pointer})"  # (a section: its place)
        if c.words is not None:
            line += f": {_words(c.words)}"
        elif c.text is not None and c.change in ("added", "removed"):
            line += f": {c.text}"
        yield line


def render_text(changes: Sequence[Change], old: str, new: str) -> str:
    """One line per change, git word-diff style ``[-old-]{+new+}``; first a
    ``note:`` when the two are not versions of one text (:func:`mismatch`)."""
    lines = [f"--- {old}", f"+++ {new}"]
    mismatch = _mismatch(changes)
    if mismatch is not None:
        lines.append(f"note: {mismatch['note']}")
    lines.extend(render_lines(changes))
    if not changes:
        lines.append(tr("no changes"))
    lines.extend(f"note: {note}" for note in _notes(changes))
    return "\n".join(lines) + "\n"
