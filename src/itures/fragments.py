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
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from itures.i18n import tr

__all__ = ["Outline", "find", "segment"]

N = TypeVar("N")  # an entry of a labelled list (item, clause, or a label tree's node)
S = TypeVar("S")  # a section or an annex


def segment(label: str) -> str:
    """A label as a citation fragment writes it: ``'a)'`` -> ``'a'``, ``'1.1'`` -> ``'1.1'``."""
    return label.strip().strip("().").lower()


@dataclass(frozen=True)
class Outline(Generic[S, N]):
    """What a fragment is looked up in: the sections and annexes of one resolution.

    ``preamble`` holds (verb, section, entries), ``operative`` (verb, heading,
    section, entries), ``annexes`` (label, annex, entries); ``label`` and
    ``children`` read an entry's label and nested entries.
    """

    preamble: Sequence[tuple[str, S, Sequence[N]]]
    operative: Sequence[tuple[str, str, S, Sequence[N]]]
    annexes: Sequence[tuple[str | None, S, Sequence[N]]]
    label: Callable[[N], str | None]
    children: Callable[[N], Sequence[N]]


def _child(outline: Outline[S, N], entries: Sequence[N], seg: str, parent: str | None) -> N | None:
    seg = seg.lower()
    for entry in entries:
        label = outline.label(entry)
        if label is None:
            continue
        found = segment(label)
        if found == seg:
            return entry
        if parent and found.startswith(parent + ".") and found[len(parent) + 1 :] == seg:
            return entry
    return None


def _labels(outline: Outline[S, N], entries: Sequence[N]) -> str:
    found = [label for label in map(outline.label, entries) if label]
    return ", ".join(found) if found else tr("none labelled")


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


def _walk(
    outline: Outline[S, N], entries: Sequence[N], segs: Sequence[str], where: str, noun: str
) -> N | str | None:
    """The entry ``segs`` names under ``entries`` (None for no segment), or why none."""
    parent: str | None = None
    found: N | None = None
    for seg in segs:
        entry = _child(outline, entries, seg, parent)
        if entry is None:
            return _missing(noun, seg, where, _labels(outline, entries))
        label = outline.label(entry) or ""
        parent = segment(label)
        where = _inside(noun, label, where)
        entries = outline.children(entry)
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
    head, rest = fragment[0], fragment[1:]
    if head == "annex":
        if not outline.annexes:
            return None, tr("has no annex")
        if not rest:
            return outline.annexes[0][1], None
        seg = rest[0].lower()
        for label, annex, items in outline.annexes:
            if (label is None and seg == "1" and len(outline.annexes) == 1) or (
                label is not None and segment(label) == seg
            ):
                where = tr("Annex {label}", label=rest[0])
                got = _walk(outline, items, rest[1:], where, "paragraph")
                if isinstance(got, str):
                    return None, got
                return (annex if got is None else got), None
        labels = ", ".join(label or tr("(unlabelled)") for label, _, _ in outline.annexes)
        return None, tr(
            "has no annex '{label}' (its annexes: {labels})", label=rest[0], labels=labels
        )
    reasons: list[str] = []
    for verb, section, items in outline.preamble:
        if verb == head:
            got = _walk(outline, items, rest, f"'{verb}'", "item")
            if not isinstance(got, str):
                return (section if got is None else got), None
            reasons.append(got)
    shared = sum(1 for verb, _, _, _ in outline.operative if verb == head) > 1
    for verb, heading, section, clauses in outline.operative:
        if verb == head:
            where = f"'{heading}'" if shared else f"'{verb}'"
            got = _walk(outline, clauses, rest, where, "clause")
            if not isinstance(got, str):
                return (section if got is None else got), None
            reasons.append(got)
    if reasons:
        if len(reasons) > 3:  # why not, section by section: the first few (a hostile file
            # may have thousands of sections of one verb)
            reasons = [
                *reasons[:3],
                tr(
                    "nor in the {count} other sections '{verb}'",
                    count=format(len(reasons) - 3, ","),
                    verb=head,
                ),
            ]
        # TRANSLATORS: between two reasons of one finding ("has no clause '3' in ...; has no ...").
        return None, tr("; ").join(reasons)
    verbs = [verb for verb, _, _ in outline.preamble] + [v for v, _, _, _ in outline.operative]
    return None, tr(
        "has no section '{verb}' (its sections: {verbs})",
        verb=head,
        verbs=", ".join(verbs) or tr("none"),
    )
