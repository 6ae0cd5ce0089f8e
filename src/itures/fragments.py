"""Finding a citation's fragment (``resolves/3``, ``annex/1/2``) in a resolution.

One walk serves two shapes of a resolution: the corpus index's
:class:`~itures.summary.Summary` (label trees of plain tuples, what the rule
``reference-unresolved`` checks against) and the typed model
(:class:`~itures.model.resolution.Resolution`, what
:meth:`itures.Corpus.resolve` returns parts of). Each gives its sections and
annexes as :class:`Outline` entries; the walk finds the entry a fragment
names, or says why there is none, in the words ``reference-unresolved``
reports.

How a fragment is read (decisions):

* the first segment is a section's verb (``resolves``, ``considering``) or
  ``annex``; the next ones are labels as a citation writes them: ``a`` for
  ``a)``, ``3`` for ``3``, ``1.1`` or ``1/1`` for ``1.1`` under ``1``;
* several sections may share a verb ("instructs the Secretary-General",
  "instructs the Director of BDT"), each numbered from 1: the fragment names
  the first of them that has the clause;
* ``annex`` alone names the first annex; ``annex/1`` the annex labelled 1,
  or the only annex when it has no label.

Lookups cost the same whatever the resolution's size (decisions): a
resolution is indexed once per :class:`Outline` (its sections by verb, each
list's labels by the segments that name them, every path of segments), so
that a citation is found in a few dictionary look-ups, not by walking every
section of its verb: a file of thousands of sections of one verb citing
itself thousands of times is checked in linear time (``bench/growth.py
--case check-hard``). A reason names at most a dozen labels or section
verbs ("its clauses: 1, 2, ..., 12, … (4,000 in all)":
:func:`itures.i18n.listing`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar, cast

from itures.i18n import current, listing, tr
from itures.textscan import ascii_digits

__all__ = ["Outline", "find", "latin_letter", "segment"]

N = TypeVar("N")  # an entry of a labelled list (item, clause, or a label tree's node)
S = TypeVar("S")  # a section or an annex


def segment(label: str) -> str:
    """A label as a citation fragment writes it: ``'a)'`` -> ``'a'``, ``'1.1'`` -> ``'1.1'``
    (quotes a mail put around a label, ``‘2’``, left out: the label is still 2;
    digits of another width or script, ``'２'``, ``'٢'``, are the number they
    write: the label's writing is ``numbering-style``'s finding, not a
    missing part)."""
    if not label.isascii():
        label = ascii_digits(unicodedata.normalize("NFKC", label))
        return latin_letter(label.strip().strip("‘’“”'\"").strip("().").lower())
    return label.strip().strip("‘’“”'\"").strip("().").lower()


def latin_letter(seg: str) -> str:
    """A letter of a list in Cyrillic or Arabic letters (а, б, …; أ, ب, … in
    the abjad order) as the Latin letter of its place ('б' and 'ب' are 'b'):
    a citation's fragment names a part of every language version alike
    (decision: ``pp:58#recalling/b`` is item ب) of the Arabic version, and
    ``#recalling/ب`` names it too). Any other segment as it is."""
    if len(seg) != 1 or seg.isascii():
        return seg
    from itures.rules.labels import ABJAD, CYRILLIC, LATIN

    for alphabet in (CYRILLIC, ABJAD):
        k = alphabet.find(seg)
        if 0 <= k < len(LATIN):
            return LATIN[k]
    return seg


@dataclass(frozen=True)
class Outline(Generic[S, N]):
    """What a fragment is looked up in: the sections and annexes of one resolution.

    ``preamble`` holds (verb, section, entries), ``operative`` (verb, heading,
    section, entries), ``annexes`` (label, annex, entries); ``label`` and
    ``children`` read an entry's label and nested entries. An outline is
    indexed the first time a fragment is looked up in it (:attr:`lookup`):
    keep one outline per resolution for many look-ups.
    """

    preamble: Sequence[tuple[str, S, Sequence[N]]]
    operative: Sequence[tuple[str, str, S, Sequence[N]]]
    annexes: Sequence[tuple[str | None, S, Sequence[N]]]
    label: Callable[[N], str | None]
    children: Callable[[N], Sequence[N]]

    @cached_property
    def lookup(self) -> _Lookup[S, N]:
        """The outline's index, made on first use."""
        return _Lookup(self)


# Paths of segments the index keeps at most, per entry of the resolution (and
# a few more): a label that repeats its parent's ("1.1" under "1") is named
# two ways, so an entry nested deep under such labels has a path for each way
# of naming each of its parents. Past this, look-ups walk the sections.
_PATHS_PER_ENTRY = 8


class _Lookup(Generic[S, N]):
    """An outline's index (see the module's documentation)."""

    def __init__(self, outline: Outline[S, N]) -> None:
        self.outline = outline
        self.preamble: dict[str, list[int]] = {}
        for i, (verb, _, _) in enumerate(outline.preamble):
            self.preamble.setdefault(verb, []).append(i)
        self.operative: dict[str, list[int]] = {}
        for i, (verb, _, _, _) in enumerate(outline.operative):
            self.operative.setdefault(verb, []).append(i)
        self.annexes: dict[str, int] = {}
        if len(outline.annexes) == 1 and outline.annexes[0][0] is None:
            self.annexes["1"] = 0  # the only annex, unlabelled, is annex 1
        for i, (label, _, _) in enumerate(outline.annexes):
            if label is not None:
                self.annexes.setdefault(segment(label), i)
        # by (id of the list's owner, the owner's segment): the owner (kept, so
        # that its id is not reused) and the list's entries by the segments naming them
        self._named: dict[tuple[int, str | None], tuple[object, dict[str, N]]] = {}
        # by id of the list's owner and the language of the messages: the owner
        # and the list's labels as a reason shows them
        self._shown: dict[tuple[int, str], tuple[object, str]] = {}
        self._paths: dict[tuple[str, ...], N] | None = None
        self._indexed = False
        self._verbs: dict[str, str] = {}  # by the language of the messages

    def named(self, owner: object, entries: Sequence[N], parent: str | None) -> dict[str, N]:
        """The entries of a list (``owner``'s: its section, or the entry it is
        nested in, whose segment is ``parent``) by each segment that names
        them, the first entry a segment names winning (as a walk of the list
        finds it)."""
        key = (id(owner), parent)
        made = self._named.get(key)
        if made is not None:
            return made[1]
        named: dict[str, N] = {}
        label_of = self.outline.label
        for entry in entries:
            label = label_of(entry)
            if label is None:
                continue
            found = segment(label)
            named.setdefault(found, entry)
            if parent and found.startswith(parent + "."):
                named.setdefault(found[len(parent) + 1 :], entry)
        self._named[key] = (owner, named)
        return named

    def shown(self, owner: object, entries: Sequence[N]) -> str:
        """The labels of a list as a reason names them."""
        key = (id(owner), current())
        made = self._shown.get(key)
        if made is not None:
            return made[1]
        found = [label for label in map(self.outline.label, entries) if label]
        text = listing(found) if found else tr("none labelled")
        self._shown[key] = (owner, text)
        return text

    def verbs(self) -> str:
        """The verbs of the sections, each once, as a reason names them."""
        made = self._verbs.get(current())
        if made is None:
            outline = self.outline
            verbs = list(
                dict.fromkeys(
                    [verb for verb, _, _ in outline.preamble]
                    + [verb for verb, _, _, _ in outline.operative]
                )
            )
            made = self._verbs[current()] = listing(verbs) if verbs else tr("none")
        return made

    def paths(self) -> dict[tuple[str, ...], N] | None:
        """Every path of segments a fragment may take below a section's verb,
        ``(verb, segment, ...)``, to the entry the walk finds there (the
        sections in the order :func:`find` tries them); None when the
        resolution has too many (see :data:`_PATHS_PER_ENTRY`)."""
        if self._indexed:
            return self._paths
        self._indexed = True
        outline = self.outline
        tops: list[tuple[str, object, Sequence[N]]] = [
            (verb, section, entries) for verb, section, entries in outline.preamble
        ]
        tops.extend((verb, section, entries) for verb, _, section, entries in outline.operative)
        budget = 1024 + _PATHS_PER_ENTRY * self._count(entry for _, _, es in tops for entry in es)
        paths: dict[tuple[str, ...], N] = {}
        label_of, children = outline.label, outline.children
        stack: list[tuple[tuple[str, ...], object, Sequence[N], str | None]] = [
            ((verb,), section, entries, None) for verb, section, entries in reversed(tops)
        ]
        while stack:
            prefix, owner, entries, parent = stack.pop()
            later = []
            for seg, entry in self.named(owner, entries, parent).items():
                key = (*prefix, seg)
                paths.setdefault(key, entry)
                budget -= 1
                if budget < 0:
                    return None
                nested = children(entry)
                if nested:
                    later.append((key, entry, nested, segment(label_of(entry) or "")))
            stack.extend(reversed(later))
        self._paths = paths
        return paths

    def _count(self, entries: Any) -> int:
        """How many entries there are, nested ones included."""
        children = self.outline.children
        count = 0
        stack = [entries]
        while stack:
            for entry in stack.pop():
                count += 1
                nested = children(entry)
                if nested:
                    stack.append(nested)
        return count


def _missing(noun: str, seg: str, where: str, labels: str) -> str:
    """Why a labelled part is missing, one message per noun (their gender differs)."""
    if noun == "item":
        return tr(
            "has no item '{label}' in {where} (its items: {labels})",
            label=seg,
            where=where,
            labels=labels,
        )
    if noun == "clause":
        return tr(
            "has no clause '{label}' in {where} (its clauses: {labels})",
            label=seg,
            where=where,
            labels=labels,
        )
    return tr(
        "has no paragraph '{label}' in {where} (its paragraphs: {labels})",
        label=seg,
        where=where,
        labels=labels,
    )


def _inside(noun: str, label: str, where: str) -> str:
    """'clause 1 of 'resolves'', one message per noun."""
    if noun == "item":
        return tr("item {label} of {where}", label=label, where=where)
    if noun == "clause":
        return tr("clause {label} of {where}", label=label, where=where)
    return tr("paragraph {label} of {where}", label=label, where=where)


# what _walk gives for a missing entry when not asked why
_MISSING: Any = object()


def _walk(
    lookup: _Lookup[S, N],
    owner: object,
    entries: Sequence[N],
    segs: Sequence[str],
    where: str,
    noun: str,
    *,
    why: bool = True,
) -> N | str | None:
    """The entry ``segs`` names under ``entries`` (``owner``'s list; None for
    no segment), or why none (:data:`_MISSING` when ``why`` is false)."""
    outline = lookup.outline
    parent: str | None = None
    found: N | None = None
    for seg in segs:
        entry = lookup.named(owner, entries, parent).get(latin_letter(seg.lower()))
        if entry is None:
            if not why:
                return _MISSING  # type: ignore[no-any-return]
            return _missing(noun, seg, where, lookup.shown(owner, entries))
        label = outline.label(entry) or ""
        parent = segment(label)
        if why:
            where = _inside(noun, label, where)
        owner, entries = entry, outline.children(entry)
        found = entry
    return found


def find(outline: Outline[S, N], fragment: Sequence[str]) -> tuple[S | N | None, str | None]:
    """The section, annex or entry that ``fragment`` names, and why there is none.

    Returns ``(found, None)`` when the fragment exists (``found`` is None for
    an empty fragment: the whole resolution), ``(None, reason)`` otherwise;
    the reason completes a sentence whose subject is the resolution
    ("has no clause '7' in 'resolves' (its clauses: 1, 2, 3)").
    """
    if not fragment:
        return None, None
    lookup = outline.lookup
    head, rest = fragment[0], fragment[1:]
    if head == "annex":
        if not outline.annexes:
            return None, tr("has no annex")
        if not rest:
            return outline.annexes[0][1], None
        at = lookup.annexes.get(rest[0].lower())
        if at is not None:
            _, annex, items = outline.annexes[at]
            where = tr("Annex {label}", label=rest[0])
            got = _walk(lookup, annex, items, rest[1:], where, "paragraph")
            if isinstance(got, str):
                return None, got
            return (annex if got is None else got), None
        labels = listing([label or tr("(unlabelled)") for label, _, _ in outline.annexes])
        return None, tr(
            "has no annex '{label}' (its annexes: {labels})", label=rest[0], labels=labels
        )
    preamble = lookup.preamble.get(head, [])
    operative = lookup.operative.get(head, [])
    if not preamble and not operative:
        return None, tr(
            "has no section '{verb}' (its sections: {verbs})", verb=head, verbs=lookup.verbs()
        )
    if not rest:  # the section: the first of its verb
        if preamble:
            return outline.preamble[preamble[0]][1], None
        return outline.operative[operative[0]][2], None
    paths = lookup.paths()
    if paths is not None:
        entry = paths.get((head, *(seg.lower() for seg in rest)))
        if entry is not None:
            return entry, None
    # none has it (or, in a resolution of too many paths, walked section by
    # section): why not, for the first few sections of the verb
    shared = len(operative) > 1

    def walk(k: int, why: bool) -> N | str | None:
        """The walk of ``rest`` in the ``k``-th section of the verb."""
        if k < len(preamble):
            _, section, items = outline.preamble[preamble[k]]
            return _walk(lookup, section, items, rest, f"'{head}'", "item", why=why)
        _, heading, section, clauses = outline.operative[operative[k - len(preamble)]]
        where = f"'{heading}'" if shared else f"'{head}'"
        return _walk(lookup, section, clauses, rest, where, "clause", why=why)

    total = len(preamble) + len(operative)
    reasons: list[str] = []
    for k in range(total if paths is None else min(3, total)):
        got = walk(k, len(reasons) < 3)
        if got is not _MISSING and not isinstance(got, str):
            return got, None  # (only when walked: the paths have it otherwise)
        reasons.append(cast(str, got))
    # the sections not walked (the paths say none has it) and those past the first few
    others = total - len(reasons) + max(0, len(reasons) - 3)
    if others:  # (a hostile file may have thousands of sections of one verb)
        reasons = [
            *reasons[:3],
            tr("nor in the {count} other sections '{verb}'", count=format(others, ","), verb=head),
        ]
    # TRANSLATORS: between two reasons of one finding ("has no clause '3' in ...; has no ...").
    return None, tr("; ").join(reasons)
