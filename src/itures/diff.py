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
3. units left over are **added** or **removed**, unless the same text is
   found removed in one place and added in another: then the unit **moved**.

A matched unit whose label differs is **renumbered**. So inserting a clause 2
gives one ``added`` and a ``renumbered`` for each later clause, never a change
of every clause.

Units are named by locators like citation fragments (``resolves/2``,
``recalling/a``, ``resolves/1/i``, ``annex/1/3``, ``footnote/1``): the verb
key, then labels without their punctuation; an unlabelled unit by its
position, ``#2``.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from itures.diagnostics import pointer_from
from itures.model.resolution import Annex, Clause, Footnote, HistoryEntry, Item, Resolution

__all__ = ["Change", "Place", "diff_resolutions", "render_json", "render_text", "word_diff"]

SIMILAR = 0.5  # share of words two texts need in common to be one changed unit

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
        return out


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Segments ``("=", words)``, ``("-", words)``, ``("+", words)`` from old to new."""
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("=", " ".join(a[i1:i2])))
        if tag in ("delete", "replace"):
            out.append(("-", " ".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            out.append(("+", " ".join(b[j1:j2])))
    return tuple(out)


def _similarity(a: str, b: str) -> float:
    wa, wb = a.split(), b.split()
    if not wa and not wb:
        return 1.0
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


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
    quiet: bool = False  # part of an added or removed section: reported only if moved


def _units(
    kind: str, nodes: Sequence[Item | Clause | Footnote], base: Path, at: str
) -> list[_Unit]:
    out: list[_Unit] = []
    for i, node in enumerate(nodes):
        path = (*base, i)
        if isinstance(node, Footnote):
            seg = node.id
            unit = _Unit(kind, node.id, node.text, Place(f"{at}/{seg}", pointer_from(path)), {})
        elif isinstance(node, Clause):
            seg = _segment(node.label, i)
            place = Place(f"{at}/{seg}", pointer_from(path))
            extra = {
                "actors": node.actors,
                "partners": node.partners,
                "deadlines": [d.model_dump(exclude_defaults=True) for d in node.deadlines],
            }
            unit = _Unit(kind, node.label, node.text, place, extra)
            unit.children = _units(kind, node.clauses, (*path, "clauses"), place.at)
        else:
            seg = _segment(node.label, i)
            place = Place(f"{at}/{seg}", pointer_from(path))
            unit = _Unit(kind, node.label, node.text, place, {})
            unit.children = _units(kind, node.items, (*path, "items"), place.at)
        out.append(unit)
    return out


class _Differ:
    def __init__(self) -> None:
        self.changes: list[tuple[tuple[int, ...], Change]] = []
        self.removed: list[tuple[tuple[int, ...], _Unit]] = []
        self.added: list[tuple[tuple[int, ...], _Unit]] = []
        self._order = 0

    def _key(self) -> tuple[int, ...]:
        self._order += 1
        return (self._order,)

    def emit(self, change: Change) -> None:
        self.changes.append((self._key(), change))

    def whole(self, units: list[_Unit], *, added: bool) -> None:
        """The units of an added or removed section: candidates for moves only."""
        for u in units:
            u.quiet = True
            (self.added if added else self.removed).append((self._key(), u))

    def text_change(self, unit: str, old: str | None, new: str | None, where: Place) -> None:
        if old == new:
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
        self.emit(Change("changed", unit, where, where, words=word_diff(old, new)))

    def lists(self, old: list[_Unit], new: list[_Unit]) -> None:
        """Match two lists of units by content, report and recurse."""
        matcher = difflib.SequenceMatcher(
            None, [u.text for u in old], [u.text for u in new], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                    self.pair(a, b)
                continue
            left, right = list(old[i1:i2]), list(new[j1:j2])
            scored = sorted(
                (
                    (_similarity(a.text, b.text), -ia, -ib)
                    for ia, a in enumerate(left)
                    for ib, b in enumerate(right)
                ),
                reverse=True,
            )
            used_a: set[int] = set()
            used_b: set[int] = set()
            matched: list[tuple[int, int]] = []
            for score, ia, ib in scored:
                if score < SIMILAR:
                    break
                ia, ib = -ia, -ib
                if ia in used_a or ib in used_b:
                    continue
                # keep order: a pair may not cross an earlier one
                if any((ia < x) != (ib < y) for x, y in matched):
                    continue
                used_a.add(ia)
                used_b.add(ib)
                matched.append((ia, ib))
            for ia, ib in sorted(matched):
                self.pair(left[ia], right[ib])
            for ia, a in enumerate(left):
                if ia not in used_a:
                    self.removed.append((self._key(), a))
            for ib, b in enumerate(right):
                if ib not in used_b:
                    self.added.append((self._key(), b))

    def pair(self, a: _Unit, b: _Unit, *, moved: bool = False) -> None:
        fields = tuple(k for k in a.extra if a.extra[k] != b.extra.get(k))
        if moved:
            self.emit(Change("moved", a.kind, a.place, b.place, text=b.text))
            if fields:
                self.emit(Change("changed", a.kind, a.place, b.place, fields=fields))
        elif a.text != b.text or fields:
            words = word_diff(a.text, b.text) if a.text != b.text else None
            self.emit(Change("changed", a.kind, a.place, b.place, words=words, fields=fields))
        elif a.label != b.label:
            self.emit(Change("renumbered", a.kind, a.place, b.place))
        self.lists(a.children, b.children)

    def finish(self) -> list[Change]:
        """Pair removed and added units of the same text as moves; report the rest."""
        added = list(self.added)
        for key, a in self.removed:
            match = next((i for i, (_, b) in enumerate(added) if b.text == a.text), None)
            if match is None:
                if a.quiet:
                    continue
                self.changes.append((key, Change("removed", a.kind, a.place, None, text=a.text)))
                continue
            bkey, b = added.pop(match)
            start = len(self.changes)
            self.pair(a, b, moved=True)
            moved = self.changes[start:]
            del self.changes[start:]
            self.changes.extend(((*bkey, n), c) for n, (_, c) in enumerate(moved))
        for key, b in added:
            if b.quiet:
                continue
            self.changes.append((key, Change("added", b.kind, None, b.place, text=b.text)))
        self.changes.sort(key=lambda kc: kc[0])
        return [c for _, c in self.changes]


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
    children = "items" if part == "preamble" else "clauses"
    for name, (i, section) in zip(old_names, enumerate(old), strict=True):
        if name not in new_names:
            place = Place(name, pointer_from((part, i)))
            differ.emit(Change("removed", "section", place, None, text=section.heading))
            units = _units(kind, getattr(section, children), (part, i, children), name)
            differ.whole(units, added=False)
    for name, (j, section) in zip(new_names, enumerate(new), strict=True):
        new_place = Place(name, pointer_from((part, j)))
        if name not in old_names:
            differ.emit(Change("added", "section", None, new_place, text=section.heading))
            units = _units(kind, getattr(section, children), (part, j, children), name)
            differ.whole(units, added=True)
            continue
        i = old_names.index(name)
        before = old[i]
        old_place = Place(name, pointer_from((part, i)))
        fields = tuple(
            f
            for f in ("actors", "partners")
            if getattr(before, f, None) != getattr(section, f, None)
        )
        if before.heading != section.heading or fields:
            words = (
                word_diff(before.heading, section.heading)
                if before.heading != section.heading
                else None
            )
            differ.emit(
                Change("changed", "heading", old_place, new_place, words=words, fields=fields)
            )
        differ.lists(
            _units(kind, getattr(before, children), (part, i, children), name),
            _units(kind, getattr(section, children), (part, j, children), name),
        )


def _history(differ: _Differ, old: list[HistoryEntry], new: list[HistoryEntry]) -> None:
    def text(h: HistoryEntry) -> str:
        return f"{h.event} {h.place}, {h.year}"

    a, b = [text(h) for h in old], [text(h) for h in new]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            for i in range(i1, i2):
                place = Place(f"history/{i + 1}", pointer_from(("history", i)))
                differ.emit(Change("removed", "history", place, None, text=a[i]))
        if tag in ("insert", "replace"):
            for j in range(j1, j2):
                place = Place(f"history/{j + 1}", pointer_from(("history", j)))
                differ.emit(Change("added", "history", None, place, text=b[j]))


def _annexes(differ: _Differ, old: list[Annex], new: list[Annex]) -> None:
    def name(annex: Annex, index: int, count: int) -> str:
        if annex.label:
            return f"annex/{_segment(annex.label, index)}"
        return "annex" if count == 1 else f"annex/#{index + 1}"

    old_names = [name(a, i, len(old)) for i, a in enumerate(old)]
    new_names = [name(a, i, len(new)) for i, a in enumerate(new)]
    for i, annex in enumerate(old):
        if old_names[i] not in new_names:
            place = Place(old_names[i], pointer_from(("annexes", i)))
            differ.emit(Change("removed", "annex", place, None, text=annex.heading))
    for j, annex in enumerate(new):
        place = Place(new_names[j], pointer_from(("annexes", j)))
        if new_names[j] not in old_names:
            differ.emit(Change("added", "annex", None, place, text=annex.heading))
            continue
        i = old_names.index(new_names[j])
        before = old[i]
        old_place = Place(old_names[i], pointer_from(("annexes", i)))
        if before.heading != annex.heading:
            differ.emit(
                Change(
                    "changed",
                    "heading",
                    old_place,
                    place,
                    words=word_diff(before.heading, annex.heading),
                )
            )
        if before.title != annex.title:
            differ.text_change("title", before.title, annex.title, place)
        differ.lists(
            _units("paragraph", before.items, ("annexes", i, "items"), old_names[i]),
            _units("paragraph", annex.items, ("annexes", j, "items"), new_names[j]),
        )


def diff_resolutions(old: Resolution, new: Resolution) -> list[Change]:
    """The changes from ``old`` to ``new``, in document order."""
    differ = _Differ()
    for what in ("body", "number", "language"):
        a, b = getattr(old, what), getattr(new, what)
        if a != b:
            place = Place(what, pointer_from((what,)))
            differ.emit(Change("changed", what, place, place, words=(("-", a), ("+", b))))
    differ.text_change("title", old.title, new.title, Place("title", "/title"))
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
    return differ.finish()


def render_json(changes: Sequence[Change], old: str, new: str) -> str:
    """``{"old": ..., "new": ..., "changes": [...]}`` as JSON text."""
    payload = {"old": old, "new": new, "changes": [c.to_dict() for c in changes]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _words(words: Sequence[tuple[str, str]]) -> str:
    out = []
    for op, text in words:
        out.append(text if op == "=" else f"[-{text}-]" if op == "-" else f"{{+{text}+}}")
    return " ".join(out)


def render_lines(changes: Sequence[Change]) -> Iterator[str]:
    for c in changes:
        if c.old is None or c.new is None:
            place = c.old or c.new
            where = place.at if place else ""
        elif c.old.at == c.new.at:
            where = c.old.at
        else:
            where = f"{c.old.at} -> {c.new.at}"
        line = f"{c.change} {c.unit}" if where == c.unit else f"{c.change} {c.unit} {where}"
        if c.fields:
            line += f" ({', '.join(c.fields)})"
        if c.words is not None:
            line += f": {_words(c.words)}"
        elif c.text is not None and c.change in ("added", "removed"):
            line += f": {c.text}"
        yield line


def render_text(changes: Sequence[Change], old: str, new: str) -> str:
    """One line per change, git word-diff style ``[-old-]{+new+}``."""
    lines = [f"--- {old}", f"+++ {new}", *render_lines(changes)]
    if not changes:
        lines.append("no changes")
    return "\n".join(lines) + "\n"
