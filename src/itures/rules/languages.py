"""Language versions of one resolution share their structure; each text is
in its file's language.

The versions of a resolution (same body and number, one file per language)
are compared through the corpus index on six aspects, in this order:
sections (verb keys of the preamble and of the operative part), labels of
every list (read as ordinals, so ``a)``, Cyrillic ``а)`` and Arabic ``أ)``
are the same label), footnote ids, the citation targets of each text, the
texts that mark each footnote, the history's events and years (its places are written in each language), and
who each operative section and clause addresses: its actors, partners and
deadlines' data (their words are the language's).
Labels and citations are compared only when the sections agree, citations,
footnote markers and who is addressed only when the labels agree too
(markers when the footnote ids agree as well), so one structural
difference gives one finding, not a cascade. A history entry whose year or
place the conference calendar contradicts is the ``history`` rule's finding
in that version, not also a difference; a history that is the odd one
among versions that agree (an entry added or lost in one) is this rule's,
and what ``history`` says of that version's conference formula against it
follows from it. A footnote's id typed otherwise in one version, its
marker as the others have it, is one finding at the id, with the id the
others agree on (``footnote-undefined``, which pairs the marker and the
note and cannot tell which to correct, is covered); of two versions, the
one whose markers call its footnotes tells it. A marker typed otherwise
in one version ([^2] where the others mark footnote 1, and no footnote 2)
is one finding at its text, with the marker to write. A version that
opens with no conference formula, or one that names no conference, where
another version's names its conference (English, French and Spanish: the
formulas read), is told so (a formula deleted).

Which version is right? For each aspect the *reference* is the value most
versions share; on a tie, for the history, one whose years are all
conferences of the body; then the English version's value (ITU's working
language), then the first of ar, zh, fr, ru, es. Only a
version that differs from the reference is reported, once per aspect (per
section for labels), and the message names the reference version's file.
A difference where a file rule of either version reports that version's
own defect (``Summary.flagged``: a citation whose words disagree with its
target, ``reference-text``; actors or deadlines their clause's words do not
name, ``actor-mismatch``, ``deadline-mismatch``; a history the ``history``
rule reports) is left to that rule: one defect, one finding, in the version
that has it (of two versions, which one differs is not known otherwise).
The cost is a constant per file (at most six versions are compared, and each
version's signature is computed once per run).
"""

from __future__ import annotations

import functools
import marshal
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from itures.i18n import replacements, tr
from itures.model import markup as mk
from itures.rules import Context, CorpusContext, Finding, Place, rule
from itures.rules import _abbreviations as abbr
from itures.rules import labels as lb
from itures.rules._walk import blank_joined, blank_starts, short, texts
from itures.summary import Addressed, Cite, Marks, Summary, printed_paths, prints_of
from itures.summary import Tree as Labels

_PREFERENCE = ("en", "ar", "zh", "fr", "ru", "es")
Tree = tuple[tuple[Any, "Tree"], ...]


def _key(label: lb.Label | None, raw: str | None) -> Any:
    if raw is None:
        return None
    return label.key if label is not None else raw


@functools.lru_cache(maxsize=16384)
def _tree(entries: Labels) -> Tree:
    """The labels of a list as ordinals (memoised: summaries share their label trees)."""
    read = lb.read_list([label for label, _ in entries])
    return tuple(
        (_key(label, raw), _tree(children))
        for (raw, children), label in zip(entries, read, strict=True)
    )


def _citations(res: Summary) -> tuple[tuple[tuple[str | int, ...], tuple[str, ...]], ...]:
    """The citation targets of each text that has some, in document order."""
    by_text: dict[tuple[str | int, ...], list[str]] = {}
    for path, _, _, target in res.cites:
        targets = by_text.get(path)
        if targets is None:
            by_text[path] = [target]
        else:
            targets.append(target)
    return tuple([(path, tuple(sorted(targets))) for path, targets in by_text.items()])


def shape(res: Summary) -> bytes:
    """A digest of the structure the language versions share (:func:`_signature`):
    equal digests, equal structures. Computed once per summary and kept in it
    (the engine computes it with the summary, so that the cache keeps it and
    the usual case, versions that agree, costs one comparison).

    The signature is serialised with :mod:`marshal` at version 2, which
    writes a value's structure alone (no references to shared objects, no
    mark of interned strings: equal signatures give equal bytes, whatever
    objects they share), about ten times quicker than its ``repr`` (whose
    cost is per nested tuple: label trees are many small ones)."""
    if not res.shape:
        res.shape = _digest(_signature(res))
    return res.shape


def _digest(signature: dict[str, Any]) -> bytes:
    """The digest of a signature (see :func:`shape`)."""
    from itures.files import content_hash

    return content_hash(marshal.dumps(sorted(signature.items()), 2))


def _signature(res: Summary) -> dict[str, Any]:
    return {
        "sections": (
            tuple([verb for verb, _ in res.preamble]),
            tuple([verb for verb, _, _ in res.operative]),
            tuple([f"annex {label or i + 1}" for i, (label, _) in enumerate(res.annexes)]),
        ),
        "labels": tuple(
            [_tree(items) for _, items in res.preamble]
            + [_tree(clauses) for _, _, clauses in res.operative]
            + [_tree(items) for _, items in res.annexes]
        ),
        "footnotes": tuple(sorted(res.footnotes)),
        "marks": res.marks,
        "citations": _citations(res),
        # (each event and its year: the place is written in each language)
        "history": tuple([(event, year) for event, _, year in res.history]),
        # (the date of each entry, when any has one: the versions record one date)
        "dates": res.dates,
        "addressed": res.addressed,
        # (whether it opens with a conference formula that names its conference:
        # read in English, French and Spanish; taken as so in the others)
        "formula": res.formula is not None or res.language not in _FORMULA_READ,
    }


# the languages whose conference formulas are read (itures.rules.history.formula_body)
_FORMULA_READ = ("en", "fr", "es")


def _reference(
    values: dict[str, Any], trusted: Callable[[Any], bool] | None = None
) -> tuple[str, Any]:
    """(language, value) of the reference version for one aspect: the value
    most versions share; on a tie, one ``trusted`` holds (a history whose
    years are conferences of the body), then by :data:`_PREFERENCE`."""
    counts = Counter(values.values())
    top = max(counts.values())
    tied = [lang for lang in _PREFERENCE if lang in values and counts[values[lang]] == top]
    if trusted is not None and len({values[lang] for lang in tied}) > 1:
        tied = [lang for lang in tied if trusted(values[lang])] or tied
    if tied:
        return tied[0], values[tied[0]]
    lang = next(iter(values))  # pragma: no cover - every language is in _PREFERENCE
    return lang, values[lang]


def _count_differs(noun: str, mine: int, theirs: int, other: str) -> str:
    if noun == "item":
        return tr(
            "this version has {mine} items here; the {other} version has {theirs}",
            mine=mine,
            theirs=theirs,
            other=other,
        )
    if noun == "clause":
        return tr(
            "this version has {mine} clauses here; the {other} version has {theirs}",
            mine=mine,
            theirs=theirs,
            other=other,
        )
    return tr(
        "this version has {mine} paragraphs here; the {other} version has {theirs}",
        mine=mine,
        theirs=theirs,
        other=other,
    )


def _missing_after(noun: str, labels: list[str], other: str) -> str:
    """The message at the last entry of a list that the ``other`` version
    goes on after, with the entries ``labels`` (as :func:`_show` writes them)."""
    values: dict[str, Any]
    if len(labels) == 1:
        values = {"label": labels[0], "other": other}
        if noun == "item":
            return tr("the {other} version has one more item after this one ({label})", **values)
        if noun == "clause":
            return tr("the {other} version has one more clause after this one ({label})", **values)
        return tr("the {other} version has one more paragraph after this one ({label})", **values)
    values = {
        "n": len(labels),
        "first": labels[0],
        "last": labels[-1],
        "other": other,
    }
    if noun == "item":
        return tr(
            "the {other} version has {n} more items after this one ({first} to {last})", **values
        )
    if noun == "clause":
        return tr(
            "the {other} version has {n} more clauses after this one ({first} to {last})",
            **values,
        )
    return tr(
        "the {other} version has {n} more paragraphs after this one ({first} to {last})", **values
    )


# the rule whose finding on an unlabelled entry among labelled ones this one covers
_STYLE = ("numbering-style",)


def _unlabelled(noun: str, label: str, other: str) -> str:
    if noun == "item":
        return tr(
            "this item has no label; the {other} version's is {label}", label=label, other=other
        )
    if noun == "clause":
        return tr(
            "this clause has no label; the {other} version's is {label}", label=label, other=other
        )
    return tr(
        "this paragraph has no label; the {other} version's is {label}", label=label, other=other
    )


def _lost_before(noun: str, label: str, other: str) -> str:
    """The message at the entry before which the ``other`` version has one
    more, labelled ``label`` (as :func:`_show` writes it)."""
    values = {"label": label, "other": other}
    if noun == "item":
        return tr("the {other} version has one more item before this one ({label})", **values)
    if noun == "clause":
        return tr("the {other} version has one more clause before this one ({label})", **values)
    return tr("the {other} version has one more paragraph before this one ({label})", **values)


def _no_counterpart(noun: str, other: str) -> str:
    if noun == "item":
        return tr("this item has no counterpart in the {other} version", other=other)
    if noun == "clause":
        return tr("this clause has no counterpart in the {other} version", other=other)
    return tr("this paragraph has no counterpart in the {other} version", other=other)


def _label_differs(noun: str, label: str, other: str) -> str:
    if noun == "item":
        return tr(
            "this item's label differs from the {other} version's ({label})",
            label=label,
            other=other,
        )
    if noun == "clause":
        return tr(
            "this clause's label differs from the {other} version's ({label})",
            label=label,
            other=other,
        )
    return tr(
        "this paragraph's label differs from the {other} version's ({label})",
        label=label,
        other=other,
    )


def _move(
    res: Summary,
    bases: list[tuple[tuple[str | int, ...], str, str]],
    mine: Sequence[Tree],
    theirs: Sequence[Tree],
    other: str,
) -> tuple[Finding, tuple[str | int, ...], tuple[str | int, ...] | None] | None:
    """One finding for an entry moved to another section in this version
    (the last clause of *resolves* made the last of *instructs*, the first
    of *instructs* made the last of *resolves*, the others alike), or None:
    two lists of one part differ, one has lost its last or its first entry
    and the other has one more at its end or its start, as the other version
    has them. Its labels say nothing of which entry it is (it was renumbered
    there, or the others were); the counts say where it went. The finding
    is at the entry moved; with it, the path of the list this version
    gained the entry in, and the entry now last of the list it lost it from
    (None: that list is empty, or lost its first entry), whose end mark
    tells which version moved it (see :func:`_mismatches`)."""
    differ = [k for k in range(min(len(mine), len(theirs))) if mine[k] != theirs[k]]
    if len(differ) != 2 or bases[differ[0]][0][0] != bases[differ[1]][0][0]:
        return None
    for lost, gained in (differ, differ[::-1]):
        if len(mine[lost]) + 1 != len(theirs[lost]) or len(mine[gained]) != len(theirs[gained]) + 1:
            continue
        # (where it went from and to: the end of the list, or its start, its labels
        # kept: instructs 1 made the last of resolves, its label still 1)
        lost_last = mine[lost] == theirs[lost][:-1]
        gained_last = mine[gained][:-1] == theirs[gained]
        if (lost_last or mine[lost] == theirs[lost][1:]) and (
            gained_last or mine[gained][1:] == theirs[gained]
        ):
            base, _, noun = bases[gained]
            names = {
                "there": _list_name(res, bases[lost][0]),
                "here": _list_name(res, base),
                "other": other,
            }
            n = len(mine[gained])
            moved = (*base, n - 1 if gained_last else 0)
            # (the end marks of the entry moved, of the one now at the end it left
            # and of its neighbour where it is, and the labels it displaced, follow
            # from it)
            near = [(*base, n - 2 if gained_last else 1)] if n > 1 else []
            left: tuple[str | int, ...] | None = None
            if mine[lost]:
                near.append((*bases[lost][0], len(mine[lost]) - 1 if lost_last else 0))
                if lost_last:
                    left = (*bases[lost][0], len(mine[lost]) - 1)
            finding = Finding(
                moved,
                _moved_message(noun, names)
                if lost_last and gained_last
                else _moved_elsewhere(noun, names),
                key=True,
                covers=("punctuation", "numbering-duplicate", "numbering-gap"),
                covers_at=tuple(near),
                help=tr(
                    "the language versions of a resolution have the same entries in each "
                    "section: move it back, or move it in the other versions too"
                ),
            )
            return finding, base, left
    return None


def _list_end(res: Summary, base: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    """The path of the last entry of the list at ``base`` in ``res`` (a
    section's items or clauses, an annex's paragraphs), None when it has none."""
    part, s = base[0], base[1]
    assert isinstance(s, int)
    sections: Sequence[Any] = (
        res.preamble
        if part == "preamble"
        else res.operative
        if part == "operative"
        else res.annexes
    )
    if not 0 <= s < len(sections):
        return None
    entries = sections[s][-1]
    return (*base, len(entries) - 1) if entries else None


def _moved_elsewhere(noun: str, names: dict[str, Any]) -> str:
    if noun == "item":
        return tr(
            "in the {other} version this item is in {there}, not in {here}: was it moved "
            "from {there} to {here}?",
            **names,
        )
    if noun == "clause":
        return tr(
            "in the {other} version this clause is in {there}, not in {here}: was it moved "
            "from {there} to {here}?",
            **names,
        )
    return tr(
        "in the {other} version this paragraph is in {there}, not in {here}: was it moved "
        "from {there} to {here}?",
        **names,
    )


def _list_name(res: Summary, base: tuple[str | int, ...]) -> str:
    """The name of a list in a message: its section's verb (which every
    language version writes alike), or its annex's label."""
    part, s = base[0], base[1]
    assert isinstance(s, int)
    if part == "preamble":
        return res.preamble[s][0]
    if part == "operative":
        return res.operative[s][0]
    label = res.annexes[s][0]
    return tr("annex {label}", label=label) if label else tr("annex {n}", n=s + 1)


def _moved_message(noun: str, names: dict[str, Any]) -> str:
    if noun == "item":
        return tr(
            "in the {other} version this item is the last of {there}, not of {here}: was it "
            "moved from {there} to {here}?",
            **names,
        )
    if noun == "clause":
        return tr(
            "in the {other} version this clause is the last of {there}, not of {here}: was it "
            "moved from {there} to {here}?",
            **names,
        )
    return tr(
        "in the {other} version this paragraph is the last of {there}, not of {here}: was it "
        "moved from {there} to {here}?",
        **names,
    )


def _first_label_difference(
    mine: Tree,
    theirs: Tree,
    base: tuple[str | int, ...],
    child_key: str,
    noun: str,
    other: str,
    own: Callable[[tuple[str | int, ...]], bool],
    accepted: tuple[frozenset[tuple[str | int, ...]], frozenset[tuple[str | int, ...]]] = (
        frozenset(),
        frozenset(),
    ),
) -> tuple[tuple[str | int, ...], str, tuple[str, ...], tuple[tuple[str | int, ...], ...]] | None:
    """The first difference between two label trees, its message, the
    rules whose findings it covers (:attr:`Finding.covers`) and more entries
    where it covers them (:attr:`Finding.covers_at`); a difference in
    the sub-list of an entry whose text ``own`` says a file rule of either
    version reports (a ':' announcing a sub-list it lost) is that rule's
    finding, not also one here. Nor is a list of either version where two
    entries have one label (a label mistyped as its neighbour's, a clause
    inserted without renumbering the rest): ``numbering-duplicate``'s there,
    which names the label to write; the entries after it are not compared.
    A label a numbering rule reports in one version, where a suppression
    there accepts it (``accepted``: the entries of each version so, from
    :attr:`Summary.accepted`; the published '5' after '2'), is no slip of
    that version: a label that differs from it in the other is the
    difference."""
    if _duplicated(mine) or _duplicated(theirs):
        return None
    for i in range(max(len(mine), len(theirs))):
        if i >= len(mine):
            if mine and own((*base, len(mine) - 1, "text")):
                # (the entries after it indented into its text: text-break's
                # finding in this version, the entries it took are not missing)
                return None
            if not mine:
                return base, _count_differs(noun, 0, len(theirs), other), (), ()
            # (the entries after the last one lost: the end mark its text now
            # lacks, punctuation's in this version, is this finding's consequence;
            # so, when an entry before it was lost or merged and the rest moved up,
            # is the text now last naming itself, "resolves 2 above" in what is now
            # clause 2: reference-part's)
            extra = [_show(key) for key, _ in theirs[len(mine) :]]
            # (the end marks of the entries now last inside it, at each depth,
            # follow from it too: "ii)" of "2" ends as "2" ends)
            deeper: list[tuple[str | int, ...]] = []
            at, inside = (*base, len(mine) - 1), mine[-1][1]
            while inside:
                at = (*at, child_key, len(inside) - 1)
                deeper.append(at)
                inside = inside[-1][1]
            return (
                (*base, len(mine) - 1),
                _missing_after(noun, extra, other),
                ("punctuation", "reference-part"),
                tuple(deeper),
            )
        if i >= len(theirs):
            if theirs and own((*base, len(theirs) - 1, "text")):
                return None  # (as above, text-break's in the other version)
            if theirs and own((*base, len(theirs) - 1, "open")):
                # (the other version's last entry ends as one another follows,
                # "d) ...;": the entries after it were lost there, and its
                # language-mismatch says so, covering that end mark)
                return None
            return (*base, i), _no_counterpart(noun, other), (), ()
        if mine[i][0] != theirs[i][0]:
            if own((*base, i, "text")):
                # a label a file rule of either version reports at the text (a
                # label left at the start of it): that finding, not this one
                return None
            if mine[i][0] is None and not own((*base, i)):
                # (no label here, among labelled entries: numbering-style's finding
                # in this version says so too, this one names the label)
                return (*base, i), _unlabelled(noun, _show(theirs[i][0]), other), _STYLE, ()
            if (
                len(mine) < len(theirs)
                and mine[i][0] == theirs[i + 1][0]
                and _slip(theirs, i + 1, base)
            ):
                # an entry lost here before a label out of sequence in both versions
                # (the published '5' after '2', suppressed as such): not this
                # version's numbering slip, a difference between the versions
                lost = _show(theirs[i][0])
                return (*base, i, "label"), _lost_before(noun, lost, other), (), ()
            if (
                len(mine) > len(theirs)
                and mine[i + 1][0] == theirs[i][0]
                and _slip(mine, i + 1, base)
            ):
                # the same, lost in the other version: this entry has no
                # counterpart there
                return (*base, i), _no_counterpart(noun, other), (), ()
            at = (*base, i)
            if (_slip(mine, i, base) and at not in accepted[0]) or (
                _slip(theirs, i, base) and at not in accepted[1]
            ):
                # the numbering rules' finding in that version (a clause inserted as a
                # second '2'): the rest of this list is not compared, its labels
                # shifted by the slip; not a label a suppression accepts there (the
                # published '5' after '2', retyped '55' in the other version:
                # their difference, which the suppressions would hide)
                return None
            if at in accepted[0] and at not in accepted[1] and not _slip(theirs, i, base):
                # (this version's label is the published one a suppression accepts,
                # the other's one in sequence: relabelled there, and said there)
                return None
            if at in accepted[1] and at not in accepted[0] and i and not _slip(mine, i, base):
                # (the other's is the published one, this one's in sequence:
                # relabelled here; the entry before now reads as inside the list,
                # its end mark follows from it)
                return (
                    (*base, i, "label"),
                    _label_differs(noun, _show(theirs[i][0]), other),
                    ("punctuation",),
                    ((*base, i - 1),),
                )
            return (*base, i, "label"), _label_differs(noun, _show(theirs[i][0]), other), (), ()
        if mine[i][1] != theirs[i][1] and own((*base, i, "text")):
            continue
        found = _first_label_difference(
            mine[i][1], theirs[i][1], (*base, i, child_key), child_key, noun, other, own, accepted
        )
        if found is not None:
            return found
    return None


def _relabelled(
    res: Summary,
    other: Summary,
    mine: Sequence[Tree],
    theirs: Sequence[Tree],
    name: str,
) -> list[Finding]:
    """In the version the others are compared with (``res``), a label in
    sequence where the ``other`` version writes the one a suppression there
    accepts as published (the '5' after '2', relabelled '3' here): the
    difference, said here at the label, the end mark of the entry before it
    (read now as inside the list) covered. The lists' other labels alike."""
    out: list[Finding] = []
    here, there = frozenset(res.accepted), frozenset(other.accepted)
    for (base, _, noun), m, t in zip(_bases(res), mine, theirs, strict=False):
        if len(m) != len(t):
            continue
        differ = [i for i in range(len(m)) if m[i][0] != t[i][0]]
        if len(differ) != 1:
            continue
        i = differ[0]
        at = (*base, i)
        if at in there and at not in here and not _slip(m, i, base):
            out.append(
                Finding(
                    (*at, "label"),
                    _label_differs(noun, _show(t[i][0]), name),
                    covers=("punctuation",),
                    covers_at=((*base, i - 1),) if i else (),
                    help=_labels_help(),
                )
            )
    return out


def _lost_at_ends(
    mine: Tree,
    theirs: Tree,
    base: tuple[str | int, ...],
    child_key: str,
    flagged: tuple[tuple[str | int, ...], ...],
) -> Iterator[tuple[tuple[str | int, ...], list[str]]]:
    """The lists of ``mine`` that ``theirs`` goes on after, their labels
    otherwise alike, whose last entry here ends as one another follows (its
    path with ``"open"`` after it in ``flagged``: punctuation's "d) ...;"):
    that entry's path and the labels of the entries after it there, as
    :func:`_show` writes them. A list whose labels differ before its end is
    not looked into: another difference, said otherwise."""
    for i in range(min(len(mine), len(theirs))):
        if mine[i][0] != theirs[i][0]:
            return
        if mine[i][1] != theirs[i][1]:
            yield from _lost_at_ends(
                mine[i][1], theirs[i][1], (*base, i, child_key), child_key, flagged
            )
    if mine and len(theirs) > len(mine) and (*base, len(mine) - 1, "open") in flagged:
        yield (*base, len(mine) - 1), [_show(key) for key, _ in theirs[len(mine) :]]


def _orphaned_notes(res: Summary, other: Summary) -> tuple[tuple[str | int, ...], ...]:
    """The paths of the footnotes of ``res`` that no text of it marks and a
    text of ``other`` does."""
    mine = {note for _, ids in res.marks for note in ids}
    theirs = {note for _, ids in other.marks for note in ids}
    return tuple(
        ("footnotes", f)
        for f, note in enumerate(res.footnotes)
        if note not in mine and note in theirs
    )


def _pasted(version: Summary, part: str, mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Whether the verbs ``mine`` of a part of ``version`` are ``theirs`` with
    one section written a second time, which a file rule of ``version``
    reports (``section-duplicate``, at its heading)."""
    if len(mine) != len(theirs) + 1:
        return False
    return any(
        mine[k] in mine[:k]
        and mine[:k] + mine[k + 1 :] == theirs
        and _own(version, (part, k, "heading"))
        for k in range(len(mine))
    )


def _duplicated(tree: Tree) -> bool:
    """Whether two entries of a list have one label (unlabelled ones aside)."""
    keys = [key for key, _ in tree if key is not None]
    return len(set(keys)) != len(keys)


def _slip(tree: Tree, i: int, base: tuple[str | int, ...] = ()) -> bool:
    """Whether the label at ``i`` is one the numbering rules report in its
    own version: no label of a kind ('b）', 'ب )': numbering-style), of
    another kind than the one before it, or not one that may follow it
    ('c)' after 'a)': numbering-gap); the first label of a list that is not
    its first ('4': a list that continues the one before, as Word numbers
    it: numbering-gap), or, in a list of a section (``base``), of the kind
    the other part uses ('1' for 'a)' in the preamble: numbering-style). A
    label mistyped in one version is then that finding, not also a
    difference between the versions."""
    key = tree[i][0]
    if isinstance(key, str):
        return True
    if key is None:
        return False
    if i == 0:
        kind, parts, ins = key
        if (parts, ins) != ((1,), 0) and kind != "roman":
            return True
        top = len(base) == 3 and base[0] in ("preamble", "operative")
        return top and kind == ("number" if base[0] == "preamble" else "letter")
    prev = tree[i - 1][0]
    if not isinstance(prev, tuple):
        return False
    kind, parts, ins = key
    if kind != prev[0]:
        return True
    return (parts, ins) not in lb.successors((prev[1], prev[2]), kind)


def _show(key: Any) -> str:
    if key is None:
        return tr("unlabelled")
    if isinstance(key, tuple):
        kind, parts, ins = key
        return repr(lb.render(kind, parts, ins))
    return repr(key)


def _bases(res: Summary) -> list[tuple[tuple[str | int, ...], str, str]]:
    out: list[tuple[tuple[str | int, ...], str, str]] = []
    out += [(("preamble", s, "items"), "items", "item") for s in range(len(res.preamble))]
    out += [(("operative", s, "clauses"), "clauses", "clause") for s in range(len(res.operative))]
    out += [(("annexes", a, "items"), "items", "paragraph") for a in range(len(res.annexes))]
    return out


@rule(
    "language-mismatch",
    "error",
    "two language versions of one resolution differ in structure",
    corpus=True,
)
def language_mismatch(ctx: CorpusContext) -> Iterator[Finding]:
    """The language versions of one resolution in the corpus must have the same
    sections (verb keys), the same labels, the same footnote ids, each
    footnote marked in the same texts, the same citation targets in the
    same places, the same history (events and years, and the date of an
    entry where two versions record one) and the same actors,
    partners and deadlines (their data, in any order: each version lists
    them as its words name them). Only the version that differs from
    the one most versions share (on a tie: English first) is reported; when
    two versions or more agree with each other and not with it, its help
    says to correct it as they have it (with as many on each side, which to
    correct is left to the editor). A
    label that the numbering rules report in its own version (mistyped:
    'c)' after 'a)', 'b）' of full width) is their finding there, not also a
    difference between the versions; so is a sub-list lost in one version
    whose entry still ends with the ':' that announced it (``punctuation``
    reports that entry there, whichever version it is in); so is an entry
    whose label a conversion left at the start of its text in one version
    (``conversion-artefact``'s); so is a citation,
    in one version, of a part that the cited resolution lacks
    (``reference-unresolved`` reports it there); so is a verb key that
    ``verb-unknown`` or ``heading-mismatch`` reports in either version, an
    actor both addressed and named as a partner (``actor-duplicate``), a
    footnote this version marks and lacks (``footnote-undefined``) or has
    and marks nowhere (``footnote-unused``), unless the other version marks
    it: that is one finding, at the text the other version marks it in,
    which ``footnote-unused`` could not tell. A version that lost the last
    entries of a list is told which (``the en version has one more clause
    after this one ('3')``), at its last entry, and that entry's end mark is
    not also ``punctuation``'s, nor its words naming its own label
    (``reference-part``: an entry lost or merged before it, the rest
    renumbered, "resolves 2 above" now in clause 2). So is the version the
    others are compared with (two versions, one entry more at the end of a
    list in the other), when its last entry there ends as one another
    follows ("d) ...;"): the entries were lost in it, not added in the
    other, and the other's is not told "no counterpart". An entry without the label the others give
    it is told the label, and is not also ``numbering-style``'s. An entry moved in
    one version from the end or the start of a section to the end or the
    start of another of the same part (its label kept or not) is one
    finding, which asks whether it was moved, not a count that differs in
    one and an entry without a counterpart in the other, nor the labels and
    end marks the move displaced; it is said in the version that moved it
    when the entry now last of the list it left ends as one another follows
    ("2 ...;"), even the version the others are compared with. A section lost in one version is not also
    the end mark of the clause now last, nor a footnote whose only mark it
    held (``footnote-unused``). Two clauses of one list swapped in one
    version with their actors and deadlines, their labels kept, are one
    finding that asks whether they were swapped, not a difference in the
    data of each nor the end marks their places decide. A citation the
    other versions mark that this one writes in plain words (its markup
    lost) is one finding at its words, with the citation to write (the fix
    ``reference-unmarked`` would give, and which ``check --fix`` applies),
    not also that rule's warning; lost in the version the others are
    compared with, it is that rule's warning there alone, not the other's
    "cites nothing". Two footnote markers swapped in one
    version are one finding that asks whether they were, not also the order
    of its markers (``footnote-order``); a marker moved into its footnote's
    own text is one finding, with where the other version marks it, not
    also ``footnote-unused``'s "marked only in its own text". A history
    partly known in one version, the last entries of the others' (a text
    imported from its heading, which names the last revision only), is a
    warning that names the entries to add, not said of the complete
    versions. A part of the resolution itself ('resolves 2 above') marked as
    a citation in one version and written in plain words in another is no
    difference: the markup adds a link, not a word (the importer marks such
    words; the versions of a language it cannot read keep them plain). A
    list labelled in one version in the kind of the other part ('1', '2'
    for 'a)', 'b)' in the preamble: ``numbering-style``'s), or continuing
    the list before it as Word numbers it ('3', '4' for '1', '2':
    ``numbering-gap``'s), and a section heading lost in one version, its
    items run into the section before and its list starting again
    (``numbering-duplicate``'s), are those rules' findings there, not also
    labels or sections that differ; but a label a numbering rule reports
    in one version where a suppression accepts it (the published '5' after
    '2') is no slip of that version: the other version's label there that
    differs (retyped '55', or a clause lost before the '5') is their
    difference, which the suppressions would hide; relabelled in sequence
    ('3'), it is said in that version, even the one the others are
    compared with, the end mark of the entry before it covered (and the
    suppression left there not told unused: which label is right is this
    finding's). Of two versions, which the count cannot tell
    apart, a footnote id typed otherwise in the one the other is compared
    with, where the other's markers call its footnotes, is said at that id.

    Failing (``fr.yaml`` lacks the *noting* section that ``en.yaml`` has)::

        # en.yaml                       # fr.yaml
        preamble:                       preamble:
          - verb: considering             - verb: considering
            ...                             ...
          - verb: noting
            ...

    Passing: both files have the sections considering and noting, with the
    same labels, footnotes and citation targets.
    """
    agreed: dict[str, list[str]] = {}
    either: set[str] | None = None
    for finding in _mismatches(ctx, agreed):
        others = agreed.get("now", [])
        if len(others) >= 2 and finding.help:
            if either is None:
                either = _either_helps()
            if finding.help in either:
                # the versions that agree with each other, not with this one:
                # this version is the one to correct
                finding = replace(
                    finding,
                    help=tr(
                        "the {count} other versions ({languages}) agree with each other and "
                        "not with this one: correct this version as they have it",
                        count=len(others),
                        languages=", ".join(sorted(others)),
                    ),
                )
        yield finding


def _mismatches(ctx: CorpusContext, agreed: dict[str, list[str]]) -> Iterator[Finding]:
    """:func:`language_mismatch`'s findings; ``agreed["now"]`` is set, as
    each aspect is compared, to the languages of the versions that share the
    reference's value when more share it than share this version's (none
    when as many do: which one is right is the editor's to say)."""
    res = ctx.summary
    versions = ctx.index.versions(res.body, res.number)
    if len(versions) < 2 or res.language not in versions:
        return
    if versions[res.language].path != ctx.path:
        return

    if len({shape(version) for version in versions.values()}) == 1:
        return  # the versions agree (the usual case): nothing to compare
    signatures: dict[str, dict[str, Any]] = ctx.memo_run("language-signatures", dict)
    sigs: dict[str, dict[str, Any]] = {}
    for lang, version in versions.items():
        sig = signatures.get(version.path)
        if sig is None:
            sig = signatures[version.path] = _signature(version)
        sigs[lang] = sig
    mine = sigs[res.language]
    if all(sig == mine for sig in sigs.values()):
        return  # the versions agree (the usual case): nothing to compare

    def ref(aspect: str, trusted: Callable[[Any], bool] | None = None) -> tuple[str, Any, str]:
        values = {lang: s[aspect] for lang, s in sigs.items()}
        lang, value = _reference(values, trusted)
        refs[aspect] = versions[lang]
        sharing = [other for other, v in values.items() if v == value]
        own = sum(1 for v in values.values() if v == values[res.language])
        agreed["now"] = sharing if len(sharing) > own else []
        return lang, value, f"{lang} ({versions[lang].path})"

    # the reference version of each aspect compared
    refs: dict[str, Summary] = {}

    ref_lang, value, name = ref("sections")
    if mine["sections"] != value:
        parts = ("preamble", "operative", "annexes")
        for part, m, t in zip(parts, mine["sections"], value, strict=True):
            if m == t:
                continue
            i = next(
                (i for i, (a, b) in enumerate(zip(m, t, strict=False)) if a != b),
                min(len(m), len(t)),
            )
            if (
                part != "annexes"
                and len(m) == len(t)
                and any(
                    _own(version, (part, i, key))
                    for version in (res, refs["sections"])
                    for key in ("verb", "heading")
                )
            ):
                # a verb (the sections otherwise alike) that a file rule of either
                # version reports (verb-unknown: no verb of the vocabulary, or of the
                # other part; heading-mismatch: not the verb its heading reads as),
                # with the verb to write
                continue
            if part != "annexes" and (
                _pasted(res, part, m, t) or _pasted(refs["sections"], part, t, m)
            ):
                continue  # a section pasted twice in either version: section-duplicate's there
            if part != "annexes" and abs(len(m) - len(t)) == 1 and i > 0:
                # a heading lost in one version, its items run into the section
                # before, whose list starts again ('a), b), a)'):
                # numbering-duplicate's in that version, which names where to add
                # the section
                lost, fewer = (res, mine) if len(m) < len(t) else (refs["sections"], sigs[ref_lang])
                k = i - 1 + (len(lost.preamble) if part == "operative" else 0)
                if k < len(fewer["labels"]) and _duplicated(fewer["labels"][k]):
                    continue
            where: tuple[str | int, ...]
            covers_at: tuple[tuple[str | int, ...], ...] = ()
            if i < len(m):
                where = (part, i, "verb") if part != "annexes" else (part, i)
            else:
                where = (part,)
                if part == "operative" and res.operative and res.operative[-1][2]:
                    # (the sections after the last lost: the end mark of the clause
                    # now last of the resolution follows from it)
                    covers_at = (
                        ("operative", len(m) - 1, "clauses", len(res.operative[-1][2]) - 1),
                    )
            if part == "operative" and m != t and sorted(m) == sorted(t):
                # (the same sections in another order: the end marks of the last
                # clause of each, which its place decides, follow from it)
                covers_at = tuple(
                    ("operative", k, "clauses", len(clauses) - 1)
                    for k, (_, _, clauses) in enumerate(res.operative)
                    if clauses
                )
            names = {
                "mine": ", ".join(m) or tr("none"),
                "theirs": ", ".join(t) or tr("none"),
                "other": name,
            }
            if part == "preamble":
                message = tr(
                    "the preamble sections here are {mine}; the {other} version has {theirs}",
                    **names,
                )
            elif part == "operative":
                message = tr(
                    "the operative sections here are {mine}; the {other} version has {theirs}",
                    **names,
                )
            else:
                message = tr(
                    "the annexes here are {mine}; the {other} version has {theirs}", **names
                )
            covers: tuple[str, ...] = ("punctuation",) if covers_at else ()
            if len(m) < len(t):
                # (a section lost here with the only marks of footnotes it keeps: their
                # "marked nowhere" follows from it)
                orphans = _orphaned_notes(res, refs["sections"])
                if orphans:
                    covers += ("footnote-unused",)
                    covers_at += orphans
            yield Finding(
                where,
                message,
                key=where == (part,),
                covers=covers,
                covers_at=covers_at,
                help=tr(
                    "the language versions of a resolution have the same sections, in the "
                    "same order: add, remove or move sections so that they match"
                ),
            )
        return

    _, value, name = ref("labels")
    if mine["labels"] != value:
        labels_ref = refs["labels"]

        def own(path: tuple[str | int, ...]) -> bool:
            return path in res.flagged or path in labels_ref.flagged

        accepted_here, accepted_there = frozenset(res.accepted), frozenset(labels_ref.accepted)
        bases = _bases(res)
        move = _move(res, bases, mine["labels"], value, name)
        if move is not None:
            finding, gained, _ = move
            # (the list this version gained the entry in lost it in the other
            # version, whose entry now last there ends as one another follows,
            # "3 ...;": the other version moved it, and says so)
            ended = _list_end(labels_ref, gained)
            if ended is None or (*ended, "open") not in labels_ref.flagged:
                yield finding
            return
        for (base, child_key, noun), m, t in zip(bases, mine["labels"], value, strict=False):
            found = _first_label_difference(
                m, t, base, child_key, noun, name, own, (accepted_here, accepted_there)
            )
            if found is not None:
                path, message, covers, covers_at = found
                yield Finding(
                    path,
                    message,
                    covers=covers,
                    covers_at=covers_at,
                    help=_labels_help(),
                )
    else:
        # this version the reference of the labels: the entries another version
        # goes on with after the last of a list here, whose end mark calls for
        # one after it ("d) ...;"), were lost here (said here, covering that
        # end mark; the other version leaves them)
        told: set[tuple[str | int, ...]] = set()
        for lang in sorted(sigs, key=lambda k: (*_PREFERENCE, k).index(k)):
            if lang == res.language or sigs[lang]["labels"] == mine["labels"]:
                continue
            other_name = f"{lang} ({versions[lang].path})"
            relabelled = _relabelled(
                res, versions[lang], mine["labels"], sigs[lang]["labels"], other_name
            )
            if relabelled:
                yield from relabelled
                continue
            move = _move(res, _bases(res), mine["labels"], sigs[lang]["labels"], other_name)
            if move is not None:
                # an entry moved to another section here, the one now last of
                # the list it left ending as one another follows: said here
                finding, _, left = move
                if left is not None and (*left, "open") in res.flagged and not told:
                    told.add(finding.path)
                    yield finding
                continue
            for (base, child_key, noun), m, t in zip(
                _bases(res), mine["labels"], sigs[lang]["labels"], strict=False
            ):
                for path, extra in _lost_at_ends(m, t, base, child_key, res.flagged):
                    if path in told:
                        continue
                    told.add(path)
                    yield Finding(
                        path,
                        _missing_after(noun, extra, other_name),
                        covers=("punctuation",),
                        help=_labels_help(),
                    )
        _, value, name = ref("citations")
        if mine["citations"] != value:
            theirs = dict(value)
            first: dict[tuple[str | int, ...], int] = {}
            for path, start, _, _ in res.cites:
                first.setdefault(path, start)
            other_version = refs["citations"]
            for path, targets in mine["citations"]:
                their_targets = theirs.pop(path, ())
                if their_targets != targets:
                    one_way = {*targets} <= {*their_targets} or {*their_targets} <= {*targets}
                    if one_way and _parts_of_itself(res, {*targets} ^ {*their_targets}):
                        continue  # a part of this document, marked in one version only
                    if _own(res, path) or _own(other_version, path):
                        continue  # reference-text's, in the version whose words disagree
                    if _part_missing(ctx, {*targets} ^ {*their_targets}):
                        continue  # reference-unresolved's, in the version that cites it
                    plain = _unmarked_here(res, path, targets, their_targets)
                    if plain:
                        yield from (_unmarked_finding(cite, name) for cite in plain)
                        continue
                    if _unmarked_here(other_version, path, their_targets, targets):
                        continue  # (the other version lost the markup: its reference-unmarked)
                    other = ", ".join(dict(value).get(path, ())) or tr("nothing")
                    yield Finding(
                        path,
                        tr(
                            "this text cites {mine}; the same text in the {other} version "
                            "cites {theirs}",
                            mine=", ".join(targets),
                            other=name,
                            theirs=other,
                        ),
                        offset=first.get(path),
                        help=_cites_help(),
                    )
            for path, targets in theirs.items():
                if _own(res, path) or _own(other_version, path):
                    continue
                if _parts_of_itself(res, set(targets)):
                    continue
                if _part_missing(ctx, set(targets)):
                    continue
                plain = _unmarked_here(res, path, (), targets)
                if plain:
                    yield from (_unmarked_finding(cite, name) for cite in plain)
                    continue
                yield Finding(
                    path,
                    tr(
                        "this text cites nothing; the same text in the {other} version cites "
                        "{theirs}",
                        other=name,
                        theirs=", ".join(targets),
                    ),
                    help=_cites_help(),
                )
        _, value, name = ref("addressed")
        if mine["addressed"] != value:
            yield from _addressed_differ(
                mine["addressed"], value, name, ctx.config, (res, refs["addressed"])
            )
        lang, value, name = ref("marks")
        if mine["marks"] != value and mine["footnotes"] == sigs[lang]["footnotes"]:
            yield from _marks_differ(mine["marks"], value, name, res.footnotes)

    having = [
        lang
        for lang in _PREFERENCE
        if lang in sigs and lang in _FORMULA_READ and versions[lang].formula is not None
    ]
    if (
        not mine["formula"]
        and having
        and ("conference",) not in res.flagged
        and ("language",) not in res.flagged
    ):
        # (a formula deleted, or one that names no conference: "The Conference
        # (Dubai, 2018),"; one a rule reports there, pasted from another
        # language version, is that rule's; a version whose formula is not read,
        # in Russian, Arabic or Chinese, is not compared; nor one whose
        # headings are in another language than its 'language' says, which
        # heading-mismatch reports: a copy of another version, its formula in
        # that language too)
        name = f"{having[0]} ({versions[having[0]].path})"
        yield Finding(
            (),
            tr(
                "the {other} version opens with the formula of the conference that adopted or "
                "revised it; this version has none, or one that names no conference",
                other=name,
            ),
            help=tr(
                "write the conference formula of the published text in 'conference' (\"The "
                'World Telecommunication Development Conference (Buenos Aires, 2017),", in '
                "this version's language)"
            ),
        )

    _, value, name = ref("footnotes")
    retyped = _id_retyped(res, mine["footnotes"], value)
    if mine["footnotes"] != value and retyped is not None:
        # one footnote's id typed otherwise here, its marker as the others
        # have it: footnote-undefined pairs the two, and could not say which
        # to correct; with the other versions agreeing, it is the id
        # (two versions, one each way: the other's, whose markers call its
        # footnotes as they are numbered, tells it; this one's do not)
        if agreed.get("now") or _notes_called(refs["footnotes"]):
            yield _id_retyped_finding(retyped)
    elif mine["footnotes"] == value:
        # this version the reference (two versions, one each way): the other's
        # markers calling its footnotes as they are numbered tell that this
        # one's id was mistyped, said here, at the id (see below)
        retyped_here = _retyped_against(res, mine["footnotes"], sigs, versions)
        if retyped_here is not None:
            yield retyped_here
    elif (
        mine["footnotes"] != value
        and not _notes_said(res, mine["footnotes"], value)
        and not (
            _notes_called(res)
            and _id_retyped(refs["footnotes"], value, mine["footnotes"]) is not None
        )
    ):
        # (the reference version's id mistyped, its markers as this one's: said
        # there, at its id)
        yield Finding(
            ("footnotes",) if res.footnotes else (),
            tr(
                "the footnotes here are {mine}; the {other} version has {theirs}",
                mine=", ".join(mine["footnotes"]) or tr("none"),
                other=name,
                theirs=", ".join(value) or tr("none"),
            ),
            key=bool(res.footnotes),
            help=tr(
                "give each version the footnotes of the published text: add the missing one "
                "(and its marker) here or in the {other} version, or delete the extra one",
                other=name,
            ),
        )

    _, value, name = ref("history", lambda events: _conferences(res.body, events))
    if mine["history"] != value and not (_own_history(res) or _own_history(refs["history"])):
        differs = _history_differs(res, mine["history"], value, name, refs["history"])
        if differs is not None and len(agreed.get("now", [])) >= 2:
            # this version's history is the odd one (the others agree): what the
            # history rule says of its conference formula against it (an entry
            # added here: "the formula says 2014, the last entry 2018") follows
            differs = replace(differs, covers=("history",), covers_at=(("conference",),))
        if differs is not None:
            yield differs
        return
    if mine["history"] == value and mine["history"] and not _own_history(res):
        # this version the reference: a history it knows only the end of, where
        # another version records its start too, is said here (the other one
        # leaves it here: "partly known: said there")
        partial = _partly_known(res, mine["history"], sigs, versions)
        if partial is not None:
            yield partial
            return

    lang, value, name = ref("dates")
    if mine["dates"] != value and mine["history"] == sigs[lang]["history"]:
        for i, (written, theirs) in enumerate(zip(mine["dates"], value, strict=False)):
            if written and theirs and written != theirs:
                dated: tuple[str | int, ...] = ("history", i, "date")
                if _own(res, dated) or _own(refs["dates"], dated):
                    continue  # (history-date's, in the version whose date it reports)
                yield Finding(
                    ("history", i, "date"),
                    tr(
                        "the date of this entry is {mine}; the {other} version has {theirs}",
                        mine=written,
                        other=name,
                        theirs=theirs,
                    ),
                    help=_dates_help(),
                )


# The order in which a text pasted into two versions is told in the later
# one: English, the language ITU drafts in, first; then French and Spanish,
# the other two languages of the import grammars; then the others
_DRAFTING = ("en", "fr", "es", "ru", "ar", "zh")


def _unmarked_here(
    res: Summary, path: tuple[str | int, ...], mine: tuple[str, ...], theirs: tuple[str, ...]
) -> list[Cite]:
    """The citations the text at ``path`` writes in plain words
    (:attr:`Summary.unmarked`) that are all it lacks of the other version's
    citations there (``theirs``, against ``mine``), each of a resolution the
    other version cites: its markup lost here. Empty when it cites
    something else too, or lacks one that it does not write in plain words."""
    if Counter(mine) - Counter(theirs):
        return []  # it cites one the other does not: not only a markup lost
    lost = list((Counter(theirs) - Counter(mine)).elements())
    plain = [cite for cite in res.unmarked if cite[0] == path]
    found: list[Cite] = []
    for cite in plain:
        target = cite[3]
        match = next(
            (t for t in lost if t == target or t.split("@")[0] == target.split("@")[0]), None
        )
        if match is not None:
            lost.remove(match)
            found.append(cite)
    return found if found and not lost else []


def _unmarked_finding(cite: Cite, other: str) -> Finding:
    """One finding for a citation whose markup this version lost (the other
    version marks it): at its words, with reference-unmarked's fix, which it
    covers (one defect, one finding; the lost markup is this version's)."""
    path, start, words, target = cite
    return Finding(
        path,
        tr(
            "the citation '{words}' is written in plain words here; the {other} version marks "
            "it as a citation",
            words=short(words, 8),
            other=other,
        ),
        offset=start,
        length=len(words),
        covers=("reference-unmarked",),
        help=tr("write it as a citation: {written}", written=f"[{words}]({target})"),
    )


def _drafted(lang: str) -> int:
    return _DRAFTING.index(lang) if lang in _DRAFTING else len(_DRAFTING)


@rule(
    "text-untranslated",
    "warning",
    "a text word for word the same as in another language version: pasted, not translated",
    corpus=True,
)
def text_untranslated(ctx: CorpusContext) -> Iterator[Finding]:
    """A text (an item, a clause, an annex paragraph, a footnote, the title)
    of four words or more that is word for word a text of another language
    version of the same resolution: pasted from it and not translated. It
    finds what ``text-language`` cannot tell, a text too short to read as a
    language ("to assist the regional telecommunication organizations in
    their preparations;" in the French version), or in a language whose
    frequent words it lacks. The texts are compared by a fingerprint the
    index keeps (CRC-32 of the text), in any place of the other version.

    Which version has the paste is told by the words when the text leans
    to the language of one of the two (two of its frequent words, none of
    the other's: "d'aider les organisations régionales dans leurs
    préparatifs;" in the English version): it is reported in the other one,
    "reads as 'fr'". Otherwise it cannot be told from the words alone: it is
    reported in the later of the two in the order English, French, Spanish,
    Russian, Arabic, Chinese (a text is pasted from the version drafted
    first), and the help names the other. Not reported: a text that is the
    same in every version of three or more (a name, a title of a work,
    which versions write alike), nor one ``text-language`` reports. A place
    of the history of a Russian, Arabic or Chinese version written in Latin
    letters as an English, French or Spanish version writes the same entry's
    ("Busan" for "Пусан") was pasted too: the help gives the place as the
    file's own conference formula writes it, or as the corpus's other texts
    in that language write that conference's, when they agree on one.

    A version most of whose texts (more than half of those compared, three
    at least) are another's word for word was copied from it and not
    translated (``fr.yaml`` copied from ``en.yaml``, its 'language'
    changed): one finding, at its first text, the others attached. It says
    what ``heading-mismatch`` says of the copy's headings, in another
    language than its 'language' (not reported then), and the copy's
    conference formula, in that language too, is not compared by
    ``language-mismatch``.

    Failing (``fr.yaml``'s clause 2 is ``en.yaml``'s)::

        # en.yaml                                 # fr.yaml
        - label: '2'                              - label: '2'
          text: >-                                  text: >-
            to assist the regional organizations      to assist the regional organizations
            in their preparations;                    in their preparations;

    Passing: the French clause says "d'aider les organisations régionales
    dans leurs préparatifs;".
    """
    res = ctx.summary
    versions = ctx.index.versions(res.body, res.number)
    if len(versions) < 2 or versions.get(res.language) is None:
        return
    if versions[res.language].path != ctx.path:
        return
    if res.language in _OWN_LETTERS and res.history:
        yield from _places_pasted(res, versions, ctx)
    if not res.prints:
        return
    pasted: list[tuple[Finding, str]] = []
    if res.leaning:
        # a text of this version that leans to another's language and is that
        # version's word for word: pasted here from it (reported here, whichever
        # was drafted first; not in the version whose language it is)
        pasted = list(_pasted_here(res, versions))
    earlier = [
        (lang, v)
        for lang, v in versions.items()
        if lang != res.language and v.prints and _drafted(lang) < _drafted(res.language)
    ]
    if not earlier:
        yield from (f for f, _ in pasted)
        return
    held: dict[int, str] = {}  # fingerprint -> the first earlier version that has it
    for lang, version in sorted(earlier, key=lambda e: _drafted(e[0])):
        for crc in prints_of(version):
            held.setdefault(crc, lang)
    held.pop(0, None)  # (a text too short to tell)
    everywhere: set[int] = set()
    if len(versions) >= 3:
        everywhere = set.intersection(*(set(prints_of(v)) for v in versions.values()))
    flagged = {*res.flagged, *(f.path for f, _ in pasted)}
    found: list[Finding] = [f for f, _ in pasted]
    sources: list[str] = [lang for _, lang in pasted]
    leaning: dict[str, set[int]] = {}  # source language -> its texts leaning to this one
    paths, mine = printed_paths(res), prints_of(res)
    if len(paths) != len(mine):  # (not a summary's own prints)
        yield from found
        return
    told = 0  # (texts copied that a rule reports there: text-language, most)
    for path, crc in zip(paths, mine, strict=True):
        source = held.get(crc)
        if source is None or crc in everywhere or path in flagged:
            if source is not None and crc not in everywhere and path in res.flagged:
                told += 1
            continue
        if source not in leaning:
            leaning[source] = _leaning_prints(versions[source], res.language)
        if crc in leaning[source]:
            continue  # (the other version's text leans to this language: pasted there)
        other = f"{source} ({versions[source].path})"
        found.append(
            Finding(
                path,
                tr(
                    "this text is word for word a text of the {other} version: pasted from it "
                    "and not translated",
                    other=other,
                ),
                help=tr(
                    "translate it from the {other} version; if this text is the right one, the "
                    "{other} version's is the one to translate",
                    other=source,
                ),
            )
        )
        sources.append(source)
    compared = sum(1 for crc in mine if crc)
    if told > len(found) and 2 * (told + len(found)) > compared:
        # a copy most of whose texts text-language reports, in one finding
        # (the file not translated, its texts listed): the others with it
        return
    if len(found) >= _COPIED_AT_LEAST and 2 * len(found) > compared:
        order = {path: i for i, path in enumerate(paths)}
        pairs = sorted(zip(found, sources, strict=True), key=lambda fs: order.get(fs[0].path, 0))
        yield _copied([f for f, _ in pairs], [s for _, s in pairs], versions)
    else:
        yield from found


# the texts word for word another version's that make a copy of the whole
# file (more than half of its texts, and this many at least)
_COPIED_AT_LEAST = 3


def _copied(found: list[Finding], sources: list[str], versions: Mapping[str, Summary]) -> Finding:
    """One finding for a version most of whose texts are another version's
    word for word (``found``, their sources ``sources``): the file copied from it and not
    translated (``fr.yaml`` copied from ``en.yaml``, its 'language'
    changed). At the first text, the others attached; it says what
    heading-mismatch says of the same copy, headings in another language
    than 'language' (one defect, one finding)."""
    source = Counter(sources).most_common(1)[0][0]
    first, *rest = found
    return Finding(
        first.path,
        # (no count in the message: a text edited since in either version would
        # make it another finding for the gate, the same copy)
        tr(
            "most texts of this version are word for word texts of the {other} version (this "
            "one and those listed): the file was copied from it and not translated",
            other=f"{source} ({versions[source].path})",
        ),
        help=tr(
            "translate the texts from the {other} version (here and at the places listed); if "
            "this file is the {other} version, correct its 'language'",
            other=source,
        ),
        related=tuple(
            Place(f.path, tr("a text of the {other} version", other=s))
            for f, s in zip(rest[:_RELATED_SHOWN], sources[1:], strict=False)
        ),
        covers=("heading-mismatch",),
        covers_at=(("language",),),
    )


def _leaning_prints(version: Summary, language: str) -> set[int]:
    """The fingerprints of the texts of ``version`` that lean to ``language``
    (:attr:`Summary.leaning`)."""
    if not version.leaning:
        return set()
    paths = {p for p, lang in version.leaning if lang == language}
    return {
        c for p, c in zip(printed_paths(version), prints_of(version), strict=False) if p in paths
    }


def _pasted_here(res: Summary, versions: Mapping[str, Summary]) -> Iterator[tuple[Finding, str]]:
    """The texts of ``res`` that lean to the language of another version and
    are that version's word for word: pasted from it and not translated."""
    printed = dict(zip(printed_paths(res), prints_of(res), strict=False))
    for path, language in res.leaning:
        other = versions.get(language)
        crc = printed.get(path)
        if other is None or not crc or crc not in set(prints_of(other)):
            continue
        if path in res.flagged:
            continue
        yield (
            Finding(
                path,
                tr(
                    "this text is word for word a text of the {other} version, and reads as "
                    "'{language}': pasted from it and not translated",
                    other=f"{language} ({other.path})",
                    language=language,
                ),
                help=tr("translate the text into '{lang}'", lang=res.language),
            ),
            language,
        )


# the languages whose texts write a place in letters of their own, and those letters
_OWN_LETTERS = frozenset(("ru", "ar", "zh"))


def _letters(lang: str) -> str:
    """The letters a language of :data:`_OWN_LETTERS` writes a place in, as a
    message names them (in the language of the messages)."""
    if lang == "ru":
        return tr("Cyrillic letters")
    if lang == "ar":
        return tr("Arabic letters")
    return tr("Chinese characters")


def _places_pasted(
    res: Summary, versions: Mapping[str, Summary], ctx: CorpusContext
) -> Iterator[Finding]:
    """A history place of a Russian, Arabic or Chinese version written in
    Latin letters as an English, French or Spanish version writes the same
    entry's ("Busan" for "Пусан"): pasted from it, not written in this
    version's letters. The help gives the place as the corpus's other texts
    in this language write that conference's, when they agree on one."""
    if ("language",) in res.flagged:
        return  # ('language' or the headings wrong: heading-mismatch's, its places too)
    letters = _letters(res.language)
    for k, (_, place, year) in enumerate(res.history):
        if not _in_latin_letters(place):
            continue
        for lang in ("en", "fr", "es"):
            other = versions.get(lang)
            if other is None or k >= len(other.history):
                continue
            if other.history[k][1] != place or other.history[k][2] != year:
                continue
            yield Finding(
                ("history", k, "place"),
                tr(
                    "the place {place} is the {other} version's, in Latin letters: pasted, "
                    "not written in the {letters} of this version",
                    place=repr(place),
                    other=f"{lang} ({other.path})",
                    letters=letters,
                ),
                help=_place_help(ctx, res, k, letters),
            )
            break


def _place_help(ctx: CorpusContext, res: Summary, k: int, letters: str) -> str:
    """The help of a place pasted in Latin letters: the place as the file's
    own conference formula writes it, when the formula names that entry's
    year; else as the other texts of the corpus in the file's language write
    the conference of that entry (the body's, that year), when they agree on
    one spelling."""
    _, _, year = res.history[k]
    own = _formula_place(ctx, res, year)
    if own is not None:
        # (the file's own conference formula, which names that conference)
        return tr(
            "write the place in {letters}: {place}, as this file's conference formula writes it",
            letters=letters,
            place=repr(own),
        )
    spelt: dict[tuple[str, str, int], set[str]] = ctx.memo_run(
        ("places-by-language", id(ctx.index)), lambda: _places_by_language(ctx)
    )
    found = spelt.get((res.language, res.body, year), set())
    if len(found) == 1:
        return tr(
            "write the place in {letters}: {place}, as the other {language} texts of the "
            "corpus write it",
            letters=letters,
            place=repr(next(iter(found))),
            language=res.language,
        )
    return tr(
        "write the place as the published {language} text does, in {letters}",
        language=res.language,
        letters=letters,
    )


def _formula_place(ctx: CorpusContext, res: Summary, year: int) -> str | None:
    """The place the file's conference formula names, in the file's letters,
    when the formula's year is ``year`` (the file read again: the summary
    does not keep the formula, and this is asked only of a place pasted in
    Latin letters)."""
    from itures.files import FileRefused, read
    from itures.rules.history import formula_place_of
    from itures.yamlio.read import YamlSyntaxError, parse_text

    try:
        data, _ = parse_text(read(ctx.path).decode("utf-8-sig"))
    except (OSError, FileRefused, UnicodeDecodeError, YamlSyntaxError):
        return None
    formula = data.get("conference") if isinstance(data, dict) else None
    found = formula_place_of(formula, res.language) if isinstance(formula, str) else None
    if found is None or found[1] != year or _in_latin_letters(found[0]):
        return None
    return found[0]


def _places_by_language(ctx: CorpusContext) -> dict[tuple[str, str, int], set[str]]:
    """(language, body, year) -> the places the corpus's texts in Russian,
    Arabic or Chinese write for that conference, in their own letters (made
    once per run, and only when a place pasted in Latin letters is found)."""
    out: dict[tuple[str, str, int], set[str]] = {}
    for summary in ctx.index:
        if summary.language not in _OWN_LETTERS:
            continue
        for event, place, when in summary.history:
            if event != "abrogated" and place and not _in_latin_letters(place):
                out.setdefault((summary.language, summary.body, when), set()).add(place)
    return out


def _in_latin_letters(text: str) -> bool:
    """Whether the letters of ``text`` are all Latin ones (and it has some)."""
    import unicodedata

    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def _marks_differ(
    mine: tuple[Marks, ...], theirs: tuple[Marks, ...], other: str, ids: Sequence[str] = ()
) -> Iterator[Finding]:
    """The footnotes this version marks in other texts than the reference
    version (whose name is ``other``) does: one finding per footnote, at the
    first text that marks it here and not there, with the texts of this file
    where the reference version marks it. A footnote the reference version
    marks and this one (whose footnote ids are ``ids``, in order) marks
    nowhere is one finding, at the text the reference version marks it in:
    ``footnote-unused``'s "marked nowhere", which cannot tell where, is
    covered by it. One the reference version does not mark at all is
    ``footnote-unused``'s finding in that version."""
    here: dict[str, list[tuple[str | int, ...]]] = {}
    there: dict[str, list[tuple[str | int, ...]]] = {}
    for marks, where in ((mine, here), (theirs, there)):
        for path, marked in marks:  # (not 'ids': this version's footnotes, below)
            for id_ in marked:
                paths = where.setdefault(id_, [])
                if path not in paths:
                    paths.append(path)
    for id_, marked_there in there.items():
        if id_ in here or id_ not in ids:
            continue
        # a marker of that text here that names no footnote, nor one the other
        # version marks there: the id mistyped ([^2] for [^1])
        typed = next(
            (
                t
                for t, paths in here.items()
                if marked_there[0] in paths and t not in ids and t not in there
            ),
            None,
        )
        if typed is not None:
            yield Finding(
                marked_there[0],
                tr(
                    "the {other} version marks footnote {id} in this text; this version marks "
                    "[^{typed}] there, which no footnote has: its id mistyped",
                    other=other,
                    id=id_,
                    typed=typed,
                ),
                help=tr("write [^{id}] for [^{typed}]", id=id_, typed=typed),
                covers=("footnote-unused", "footnote-undefined"),
                covers_at=(("footnotes", list(ids).index(id_)),),
            )
            continue
        yield Finding(
            marked_there[0],
            tr(
                "the {other} version marks footnote {id} in this text; this version marks it "
                "nowhere",
                other=other,
                id=id_,
            ),
            help=tr("write [^{id}] in this text, where the other version marks it", id=id_),
            covers=("footnote-unused",),
            covers_at=(("footnotes", list(ids).index(id_)),),
        )
    swapped: set[str] = set()
    for a, b in _swapped_markers(here, there):
        swapped.update((a, b))
        first, second = here[a][0], here[b][0]
        yield Finding(
            first,
            tr(
                "footnote {a} is marked here where the {other} version marks {b}, and {b} "
                "where it marks {a}: were the markers swapped?",
                a=a,
                b=b,
                other=other,
            ),
            help=tr("write [^{b}] here and [^{a}] in the other text", a=a, b=b),
            related=(Place(second, tr("where this version marks footnote {id}", id=b)),),
            # (the order of the markers, which footnote-order says, follows from it)
            covers=("footnote-order",),
            covers_at=(second,),
        )
    for id_, paths in here.items():
        ref_paths = there.get(id_)
        if not ref_paths or paths == ref_paths or id_ in swapped:
            continue
        at = next((p for p in paths if p not in ref_paths), None)
        if at is None:  # (marked here in fewer texts than there: at the first text it lacks)
            missing = [p for p in ref_paths if p not in paths]
            yield Finding(
                missing[0],
                tr(
                    "the {other} version marks footnote {id} in this text too; this version "
                    "does not",
                    other=other,
                    id=id_,
                ),
                help=_marks_help(),
            )
            continue
        yield Finding(
            at,
            tr(
                "footnote {id} is marked in this text; the {other} version marks it in "
                "another text",
                id=id_,
                other=other,
            ),
            help=_marks_help(),
            # (a marker moved into the footnote's own text: its "marked only in its
            # own text", footnote-unused's, follows from it)
            covers=("footnote-unused",) if id_ in ids else (),
            covers_at=(("footnotes", list(ids).index(id_)),) if id_ in ids else (),
            related=tuple(
                Place(p, tr("where the {other} version marks footnote {id}", other=other, id=id_))
                for p in ref_paths
                if p not in paths
            ),
        )


def _swapped_markers(
    here: dict[str, list[tuple[str | int, ...]]], there: dict[str, list[tuple[str | int, ...]]]
) -> list[tuple[str, str]]:
    """The pairs of footnotes that each text marking one here marks the other
    in the reference version (each marked in one text, in both versions):
    their markers swapped here."""
    single = {i: p[0] for i, p in here.items() if len(p) == 1 and len(there.get(i, ())) == 1}
    out = []
    for a, at_a in single.items():
        for b, at_b in single.items():
            if a < b and at_a != at_b and there[a][0] == at_b and there[b][0] == at_a:
                out.append((a, b) if _order_of(at_a) <= _order_of(at_b) else (b, a))
    return out


def _order_of(path: tuple[str | int, ...]) -> tuple[Any, ...]:
    """A document path as a sort key: its indices in the order of the document
    (clause 2 before clause 10, which sorting the paths as text would swap)."""
    return tuple((0, p) if isinstance(p, int) else (1, str(p)) for p in path)


def _labels_help() -> str:
    return tr(
        "the language versions of a resolution have the same labels: correct "
        "this version or the other one, whichever differs from the published text"
    )


def _addressed_help() -> str:
    return tr(
        "the language versions of a resolution address the same actors and partners, "
        "with the same deadlines: correct this version or the other one, whichever "
        "differs from the published text"
    )


def _history_help() -> str:
    return tr(
        "the language versions of a resolution have the same history (each event and "
        "its year): correct this version or the other one, whichever differs from the "
        "published text"
    )


def _dates_help() -> str:
    return tr(
        "the language versions of a resolution record the same date for each entry of "
        "their history: correct this version or the other one, whichever differs from the "
        "published text"
    )


def _marks_help() -> str:
    return tr(
        "the language versions of a resolution mark each footnote in the same text: move the "
        "marker here or in the other version, whichever differs from the published text"
    )


def _cites_help() -> str:
    """The help of a citation that differs between the versions."""
    return tr(
        "the language versions of a resolution cite the same resolutions in the same texts: "
        "correct the target here or in the other version, whichever differs from the "
        "published text"
    )


def _either_helps() -> set[str]:
    """The helps (in the current language) that leave to the editor which
    version to correct."""
    return {
        _labels_help(),
        _addressed_help(),
        _history_help(),
        _dates_help(),
        _marks_help(),
        _cites_help(),
    }


def _part_missing(ctx: CorpusContext, targets: set[str]) -> bool:
    """Whether one of ``targets`` (citation targets that differ between two
    versions) names a part that the cited resolution, which the corpus
    holds, does not have ('#resolves/9' typed in one version): that is
    ``reference-unresolved``'s finding in the version that cites it, the
    one defect."""
    from itures.rules.references import resolve_fragment

    for target in targets:
        if "#" not in target:
            continue
        parsed = mk.parse_target(target)
        if isinstance(parsed, str):
            continue
        refs, _, fragment = parsed
        cited = ctx.index.version(refs[0].body, refs[0].number, ctx.summary.language)
        if cited is not None and resolve_fragment(cited, fragment) is not None:
            return True
    return False


def _own(version: Summary, path: tuple[str | int, ...]) -> bool:
    """Whether a file rule of ``version`` reports a defect at ``path`` or
    inside it (:attr:`Summary.flagged`): a difference there is that
    version's own defect, said there by that rule (one defect, one finding;
    with two versions, it also tells which of them differs)."""
    n = len(path)
    return any(p[:n] == path for p in version.flagged)


def _own_history(version: Summary) -> bool:
    """Whether a file rule reports a defect in the events or years of
    ``version``'s history, which the versions are compared by (:func:`_own`):
    not one at an entry's place alone (a place's spelling, a conference that
    met elsewhere), which leaves its events and years as they are."""
    return any(p[:1] == ("history",) and p[-1] != "place" for p in version.flagged)


def _retyped_against(
    res: Summary,
    mine: tuple[str, ...],
    sigs: Mapping[str, Mapping[str, Any]],
    versions: Mapping[str, Summary],
) -> Finding | None:
    """The finding on a footnote id of ``res`` typed otherwise than another
    version has it, where ``res`` is the reference its versions are compared
    with (two versions: which one is right, the count cannot tell): its own
    markers call the id the other has, and the other's call its footnotes
    as they are numbered. None otherwise."""
    for lang, sig in sigs.items():
        theirs = sig["footnotes"]
        if theirs == mine:
            continue
        retyped = _id_retyped(res, mine, theirs)
        if retyped is not None and _notes_called(versions[lang]):
            return _id_retyped_finding(retyped)
    return None


def _id_retyped_finding(
    retyped: tuple[str, str, int, tuple[tuple[str | int, ...], ...]],
) -> Finding:
    """The finding on a footnote id typed otherwise in one version
    (:func:`_id_retyped`'s answer): at the id, with the id to write; what
    footnote-undefined and footnote-unused say of it there follows."""
    written, meant, at, marked_in = retyped
    return Finding(
        ("footnotes", at, "id"),
        tr(
            "footnote '{written}' is '{meant}' in the other versions, and this "
            "version's marker [^{meant}] calls it so: its id mistyped",
            written=written,
            meant=meant,
        ),
        help=tr("write the id '{meant}'", meant=meant),
        covers=("footnote-undefined", "footnote-unused"),
        covers_at=marked_in,
    )


def _notes_called(res: Summary) -> bool:
    """Whether the markers of ``res`` call its footnotes and no other: each
    footnote marked, each marker a footnote's."""
    marked = {note for _, ids in res.marks for note in ids}
    return bool(res.footnotes) and marked == set(res.footnotes)


def _id_retyped(
    res: Summary, mine: tuple[str, ...], theirs: tuple[str, ...]
) -> tuple[str, str, int, tuple[tuple[str | int, ...], ...]] | None:
    """(the id written, the id meant, the footnote's index, the texts that
    mark the id meant) when one footnote's id differs from ``theirs`` and
    this version's texts mark the id meant and not the one written; None
    otherwise."""
    lacking = [note for note in theirs if note not in mine]
    extra = [note for note in mine if note not in theirs]
    if len(lacking) != 1 or len(extra) != 1 or len(mine) != len(theirs):
        return None
    marked_in = tuple(path for path, ids in res.marks if lacking[0] in ids)
    if not marked_in or any(extra[0] in ids for _, ids in res.marks):
        return None
    return extra[0], lacking[0], mine.index(extra[0]), marked_in


def _notes_said(res: Summary, mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Whether the footnotes of this version differ from ``theirs`` only as
    its own footnote rules report: footnotes its texts mark and it lacks
    (``footnote-undefined``), or footnotes it has and no text of it marks
    (``footnote-unused``). The defect is this version's, said there with its
    fix (one defect, one finding)."""
    marked = {note for _, ids in res.marks for note in ids}
    lacking = set(theirs) - set(mine)
    extra = set(mine) - set(theirs)
    if lacking and extra:
        return False  # (a footnote renumbered, or another one: compared)
    if lacking:
        return lacking <= marked
    return not (extra & marked)


def _conferences(body: str, events: tuple[tuple[str, int], ...]) -> bool:
    """Whether ``body`` held a conference in every year of a history."""
    from itures.conferences import places_of

    return all(places_of(body, year) is not None for _, year in events)


def _unordered(a: Addressed) -> tuple[Any, ...]:
    """What an :data:`Addressed` says whatever the order of its actors,
    partners and deadlines (a version lists them in the order its words
    name them): compared so."""
    return (
        a[0],
        frozenset(a[1]),
        frozenset(a[2]),
        tuple(sorted(a[3], key=repr)),
    )


def _addressed_differ(
    mine: tuple[Addressed, ...],
    theirs: tuple[Addressed, ...],
    other: str,
    config: object,
    versions: tuple[Summary, Summary] | None = None,
) -> Iterator[Finding]:
    """A finding on each operative section or clause whose actors, partners
    or deadlines (their data: the words are the language's) are not the
    other version's, whatever their order: on the first of the three that differs. Not when this
    version's differ by an id the vocabulary does not have: ``actor-unknown``
    or ``deadline-event-unknown`` reports it there, with its fix (one
    defect, one finding); nor where a rule of either of ``versions`` (this
    one, the other) reports the clause's actors or deadlines against its
    words (``actor-mismatch``, ``deadline-mismatch``): that version's own
    defect, said there."""
    from itures.model.vocabulary import vocabulary_of

    vocabulary = vocabulary_of(config)
    actors, events = vocabulary.actor_ids(), vocabulary.event_ids()
    here = {a[0]: a for a in mine}
    there = {a[0]: a for a in theirs}
    swapped = _swapped_clauses(here, there) if versions is not None else None
    if swapped is not None and versions is not None:
        yield _swap_finding(versions[0], *swapped, other)
    for path in dict.fromkeys([*here, *there]):
        if swapped is not None and path in swapped:
            continue
        empty: Addressed = (path, (), (), ())
        m, t = here.get(path, empty), there.get(path, empty)
        if m == t or _unordered(m) == _unordered(t):
            continue  # (the same ids in another order: the words' order is the language's)
        if versions is not None and (_own(versions[0], path) or _own(versions[1], path)):
            continue
        k = next(k for k in (1, 2, 3) if _unordered(m)[k] != _unordered(t)[k])
        if k < 3 and not actors.issuperset(m[k]):
            continue  # an unknown actor: actor-unknown's
        if k == 3 and any(
            (report_to is not None and report_to not in actors)
            or (event is not None and event not in events)
            for _, event, _, report_to in m[3]
        ):
            continue  # an unknown actor or event: actor-unknown's, deadline-event-unknown's
        key = ("actors", "partners", "deadlines")[k - 1]
        if k == 3:
            shown = (_show_deadlines(m[3]), _show_deadlines(t[3]))
        else:
            shown = (_show_ids(m[k]), _show_ids(t[k]))
        values = {
            "field": (tr("actors"), tr("partners"), tr("deadlines"))[k - 1],
            "mine": shown[0],
            "other": other,
            "theirs": shown[1],
        }
        written = bool(m[k])
        yield Finding(
            (*path, key) if written else path,
            tr("the {field} of this section are {mine}; the {other} version has {theirs}", **values)
            if len(path) == 2
            else tr(
                "the {field} of this clause are {mine}; the {other} version has {theirs}", **values
            ),
            help=_addressed_help(),
        )


def _swapped_clauses(
    here: dict[tuple[str | int, ...], Addressed], there: dict[tuple[str | int, ...], Addressed]
) -> tuple[tuple[str | int, ...], tuple[str | int, ...]] | None:
    """The two clauses of one list that have each other's actors, partners
    and deadlines in the other version (and nothing else differs), first
    first; or None. Their texts were swapped here with their data, their
    labels kept: the end marks their places decide follow from it."""
    differ = sorted(
        (path for path in {*here, *there} if here.get(path, ())[1:] != there.get(path, ())[1:]),
        key=_order_of,
    )
    if len(differ) != 2:
        return None
    p, q = differ
    if len(p) < 4 or p[:-1] != q[:-1]:
        return None
    if here.get(p, ())[1:] == there.get(q, ())[1:] and here.get(q, ())[1:] == there.get(p, ())[1:]:
        return p, q
    return None


def _raw_label(res: Summary, path: tuple[str | int, ...]) -> str:
    """The label of the clause at ``path``, as written ('' without one)."""
    s = path[1]
    assert isinstance(s, int)
    entries: Labels = res.operative[s][2]
    raw: str | None = None
    for i in path[3::2]:
        assert isinstance(i, int)
        raw, entries = entries[i]
    return raw or ""


def _swap_finding(
    res: Summary, first: tuple[str | int, ...], second: tuple[str | int, ...], other: str
) -> Finding:
    """One finding for two clauses whose data are each other's in the other
    version (:func:`_swapped_clauses`), at the first, the second related."""
    a, b = _raw_label(res, first), _raw_label(res, second)
    verb = _list_name(res, first)
    return Finding(
        first,
        tr(
            "clauses {a} and {b} of '{verb}' have each other's actors and deadlines in the "
            "{other} version: were the two clauses swapped?",
            a=a,
            b=b,
            verb=verb,
            other=other,
        ),
        key=True,
        related=(
            Place(second, tr("clause {b}, with the data of clause {a} there", a=a, b=b), key=True),
        ),
        covers=("punctuation",),
        covers_at=(second,),
        help=tr(
            "if the clauses were swapped, put each back in its place, its text with its data "
            "(the other versions say which is which); if not, give each clause the actors and "
            "deadlines of the other versions"
        ),
    )


def _show_ids(ids: Sequence[object]) -> str:
    """'[rag, tsag]', as the file writes them ('[]': none)."""
    return "[" + ", ".join(map(str, ids)) + "]"


def _show_deadlines(
    deadlines: tuple[tuple[str | None, str | None, int | None, str | None], ...],
) -> str:
    """'[{every: year, report_to: council}]' (each deadline's data, as a file
    writes it, its words left out; '[]': none)."""
    shown = [
        "{" + ", ".join(f"{name}: {value}" for name, value in fields if value is not None) + "}"
        for fields in (
            (("every", every), ("event", event), ("by", by), ("report_to", report_to))
            for every, event, by, report_to in deadlines
        )
    ]
    return "[" + ", ".join(shown) + "]"


def _parts_of_itself(res: Summary, targets: set[str]) -> bool:
    """Whether ``targets`` (the citations one version marks and the other
    does not) all cite a part of this resolution ('resolves 2 above',
    ``pp:58#resolves/2`` in pp/58): the same words in both versions, one of
    them marked as a citation (the importer marks them; a version of a
    language it cannot read leaves them in plain words). Not a difference
    between the versions: the markup adds a link, no word."""
    own = f"{res.body}:{res.number}"
    return bool(targets) and all(
        "#" in t and t.split("#", 1)[0].split("@", 1)[0] == own for t in targets
    )


def _partly_known(
    res: Summary,
    mine: tuple[tuple[str, int], ...],
    sigs: Mapping[str, Mapping[str, Any]],
    versions: Mapping[str, Summary],
) -> Finding | None:
    """The warning on the history of ``res``, the reference its versions
    are compared with, when another version records more entries before
    those it has (:func:`_history_differs`'s "starts at"); None otherwise."""
    for lang, sig in sigs.items():
        theirs = sig["history"]
        other = versions[lang]
        if len(mine) < len(theirs) and theirs[-len(mine) :] == mine and not _own_history(other):
            return _history_differs(res, mine, theirs, f"{lang} ({other.path})", other)
    return None


def _history_differs(
    res: Summary,
    mine: tuple[tuple[str, int], ...],
    theirs: tuple[tuple[str, int], ...],
    other: str,
    version: Summary | None = None,
) -> Finding | None:
    """The finding on a history whose events or years are not the other
    versions': at its first entry that differs (or the history, when this
    one has fewer entries). None when the ``history`` rule reports that
    entry against the conference calendar in this version, with its fix,
    or in the other ``version`` (its year mistyped there: "Antalya, 2010"
    for 2006, which this version writes as the calendar has it), or reports
    this version's formula, which names a revision its history lost at the
    end (one defect, one finding)."""
    from itures.rules.history import calendar_disagrees, left_to_formula

    if mine and len(mine) < len(theirs) and theirs[-len(mine) :] == mine:
        # a history partly known here (a text imported from its heading, which
        # names the last revision only): the other version knows its start
        earlier = theirs[: -len(mine)]
        return Finding(
            ("history",),
            tr(
                "the history here starts at {first}; the {other} version records the "
                "entries before it too: {earlier}",
                first=f"{mine[0][0]} {mine[0][1]}",
                other=other,
                earlier=", ".join(f"{event} {year}" for event, year in earlier),
            ),
            key=True,
            severity="warning",
            help=tr(
                "add the entries before {first} as the {other} version has them, each "
                "with its place in this version's language",
                first=f"{mine[0][0]} {mine[0][1]}",
                other=other,
            ),
        )
    if theirs and len(theirs) < len(mine) and mine[-len(theirs) :] == theirs:
        return None  # (the other version's is partly known: said there)
    i = next(
        (i for i, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b),
        min(len(mine), len(theirs)),
    )
    if i == len(mine) < len(theirs) and ("conference",) in res.flagged:
        # the last revisions lost from this version's history: the history rule
        # says so at its formula, which names the revision (one defect)
        return None
    if i < len(mine):
        _, place, year = res.history[i]
        named = left_to_formula([h[0] for h in res.history], i, res.formula, place, year)
        if calendar_disagrees(
            res.body, res.language, place, year, named=named, formula=res.formula
        ):
            return None
    if version is not None and i < len(version.history):
        _, place, year = version.history[i]
        named = left_to_formula([h[0] for h in version.history], i, version.formula, place, year)
        if calendar_disagrees(
            version.body, version.language, place, year, named=named, formula=version.formula
        ):
            return None  # (the other version's entry: the history rule's there)
    return Finding(
        ("history", i) if i < len(mine) else ("history",),
        tr(
            "the history here is {mine}; the {other} version has {theirs}",
            mine=", ".join(f"{event} {year}" for event, year in mine) or tr("none"),
            other=other,
            theirs=", ".join(f"{event} {year}" for event, year in theirs) or tr("none"),
        ),
        key=i >= len(mine),
        help=_history_help(),
    )


# -- the language of each text ---------------------------------------------------

# Words frequent in one of the languages written in Latin letters and written
# in neither of the two others ("de", "la", "que", "en", "a", "entre" and "on"
# are shared, and left out).
_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "for",
            "with",
            "that",
            "which",
            "this",
            "these",
            "by",
            "be",
            "are",
            "is",
            "its",
            "from",
            "as",
            "at",
        ]
    ),
    "fr": frozenset(
        [
            "les",
            "des",
            "et",
            "du",
            "pour",
            "aux",
            "dans",
            "sur",
            "qui",
            "est",
            "sont",
            "une",
            "au",
            "avec",
            "ces",
            "cette",
            "par",
            "ou",
            "leur",
        ]
    ),
    "es": frozenset(
        [
            "los",
            "las",
            "del",
            "y",
            "para",
            "con",
            "por",
            "una",
            "sobre",
            "al",
            "como",
            "sus",
            "o",
            "su",
            "este",
            "esta",
        ]
    ),
}
# The quick test of a language in the file's texts joined by blanks: two of its
# most frequent words, one of which a text of eight words or more in that
# language almost always has (each search of the joined texts costs about
# 10 µs a file: two a language, not all its words); found once, the texts
# that hold them are read.
_QUICK: dict[str, tuple[str, ...]] = {
    "en": (" the ", " to "),
    "fr": (" les ", " des "),
    "es": (" los ", " del "),
}
# the letters of the languages not written in Latin letters
_SCRIPT: dict[str, re.Pattern[str]] = {
    "ru": re.compile("[\u0400-\u04ff]"),
    "ar": re.compile("[\u0600-\u06ff]"),
    "zh": re.compile("[\u3400-\u9fff]"),
}
_LETTERS = re.compile(r"[^\W\d_]+")
# fewer words than this: too few to tell a language (a name, a short title)
_FEWEST_WORDS = 8
# the words of another language a text needs to read as it
_FEWEST_OTHERS = 4


def _headings_in(ctx: Context, lang: str) -> bool:
    """Whether most section headings of the file (two or more) are headings
    of their verbs in ``lang``."""
    from itures.model.vocabulary import FURTHER
    from itures.rules.verbs import verbs_of

    verbs = verbs_of(ctx)
    sections = [("preamble", s.verb, s.heading) for s in ctx.resolution.preamble]
    sections += [("operative", s.verb, s.heading) for s in ctx.resolution.operative]
    read = sum(
        verb.removeprefix(FURTHER) in verbs.read(heading, part, lang).verbs
        for part, verb, heading in sections
    )
    return len(sections) >= 2 and 2 * read > len(sections)


def _untranslated(
    found: list[tuple[tuple[str | int, ...], str, list[str]]],
    told: int,
    lang: str,
    formula: Finding | None = None,
) -> Finding:
    """The finding of a file whose headings are in its language and most of
    whose texts read as another (``found``, of ``told`` texts long enough to
    tell): at the first, the others attached, and its conference formula
    when it is another language's too (``formula``, that finding)."""
    other = Counter(o for _, o, _ in found).most_common(1)[0][0]
    (path, _, words), *rest = found
    return Finding(
        path,
        tr(
            "{count} of the {told} texts read as '{other}' ({words} here), not as '{lang}', "
            "the file's language, whose headings are in '{lang}': the texts were pasted from "
            "another language version and not translated",
            count=len(found),
            told=told,
            other=other,
            words=", ".join(repr(w) for w in words),
            lang=lang,
        ),
        help=tr("translate the texts into '{lang}' (here and at the places listed)", lang=lang),
        related=(
            *(() if formula is None else (Place(formula.path, formula.message),)),
            *(Place(p, tr("a text in '{other}'", other=o)) for p, o, _ in rest[:_RELATED_SHOWN]),
        ),
    )


# the further texts a finding of an untranslated file lists
_RELATED_SHOWN = 100


def _unscripted(ctx: Context, lang: str) -> Iterator[Finding]:
    """In a file in Russian, Arabic or Chinese: a text of eight words or more
    in Latin letters with none of the file's script, which the test of the
    English, French and Spanish words does not read as one of them (a Spanish
    sentence without 'los' or 'del'): not translated all the same."""
    script = _SCRIPT[lang]
    for t in texts(ctx):
        if t.path[-1] != "text" or t.text.count(" ") < _FEWEST_WORDS - 1:
            continue
        if script.search(t.text) is not None:
            continue  # (most texts: a letter of the script at once)
        words = _LETTERS.findall(t.text)
        latin = [w for w in words if all("a" <= c.lower() <= "z" or c in _ACCENTED for c in w)]
        if len(words) < _FEWEST_WORDS or 4 * len(latin) < 3 * len(words):
            continue
        if _reads_as(t.text, lang, [o for o in _QUICK if o != lang]) is not None:
            continue  # (the test below tells the language)
        yield Finding(
            t.path,
            tr(
                "this text has no letter of the file's language, '{lang}': it is written in "
                "Latin letters, left from another language version and not translated?",
                lang=lang,
            ),
            help=tr("translate the text into '{lang}'", lang=lang),
        )


# the accented Latin letters of the languages written in Latin letters
_ACCENTED = frozenset("àâäçéèêëîïôöùûüÿœæáíóúñ")


def in_another_language(text: str, lang: str) -> bool:
    """Whether ``text`` is plainly not in ``lang``: none of its script's
    letters (Arabic, Chinese, Russian), letters of one of those scripts in
    a language of Latin letters, or the words of another language (as
    ``text-language`` reads them: eight words or more)."""
    if lang in _SCRIPT:
        return _LETTERS.search(text) is not None and _SCRIPT[lang].search(text) is None
    if any(script.search(text) for script in _SCRIPT.values()):
        return True
    others = [other for other in _WORDS if other != lang]
    if _reads_as(text, lang, others) is not None:
        return True
    # (a text too short for that test, a citation's words: two of another
    # language's frequent words, and more than twice as many as of its own)
    words = _LETTERS.findall(text.lower())
    own = sum(1 for w in words if w in _WORDS.get(lang, ()))
    return any(
        (hits := sum(1 for w in words if w in _WORDS[other])) >= 2 and hits > 2 * own
        for other in others
    )


def leans_to(text: str, lang: str, other: str) -> bool:
    """Whether the words of ``text`` lean to ``other`` rather than ``lang``:
    more of ``other``'s frequent words than of its own, one at least (a
    French text in a file whose field says 'en', which its script does not
    tell: "la Résolution 150 de la Conférence")."""
    theirs = _WORDS.get(other)
    if not theirs:
        return False
    words = _LETTERS.findall(text.lower())
    hits = sum(1 for w in words if w in theirs)
    return hits > 0 and hits > sum(1 for w in words if w in _WORDS.get(lang, ()))


def _reads_as(text: str, lang: str, others: list[str]) -> tuple[str, list[str]] | None:
    """The other language a text reads as, and its words found there (most
    frequent first), or None: at least four words of that language and, for
    a language in Latin letters, three times as many as of the file's own
    (one more counted, so that a text with none of its own needs four); for
    one in another script, none of its letters."""
    words = _LETTERS.findall(text.lower())
    if len(words) < _FEWEST_WORDS:
        return None
    best: tuple[int, str, list[str]] | None = None
    for other in others:
        found = [w for w in words if w in _WORDS[other]]
        if len(found) >= _FEWEST_OTHERS and (best is None or len(found) > best[0]):
            best = (len(found), other, found)
    if best is None:
        return None
    count, other, found = best
    if lang in _WORDS:
        own = sum(1 for w in words if w in _WORDS[lang])
        if count < 3 * (own + 1):
            return None
    elif lang in _SCRIPT and _SCRIPT[lang].search(text):
        return None
    return other, [w for w, _ in Counter(found).most_common(3)]


# a word of Latin letters (a word of another script ends a part: see _part_in)
_LATIN_WORD = re.compile("[a-zà-öø-ÿā-ž]+")
# What a part of a text in another language is not read in: a quotation, a
# citation (its words in another language are reference-text's to say), a
# footnote's marker (blanked out, the offsets kept)
_NOT_READ = re.compile(r'"[^"\n]*"|«[^»]*»|“[^”]*”|\[[^\[\]]*\]\([^)\s]*\)|\[\^[^\]\s]*\]')


def _part_in(text: str, lang: str, others: list[str]) -> tuple[str, int, int, list[str]] | None:
    """The first part of a text that reads as another language of Latin
    letters while the whole does not (a clause half translated, a sentence
    pasted into it): eight words or more in a row with none of the file's
    frequent words and four of the other language's, one word in five at
    least, and no letter of another script; the language, where
    the part starts and ends (from the first word of that language to the
    last and the two after it: its other words may be either language's),
    and those words (most frequent first). Not in a quotation nor a citation."""
    masked = _NOT_READ.sub(lambda m: " " * len(m.group()), text).lower()
    if len(masked) != len(text):
        return None  # (a letter whose small form is longer: offsets would shift)
    own = _WORDS[lang]
    run: list[re.Match[str]] = []

    def read(run: list[re.Match[str]]) -> tuple[str, int, int, list[str]] | None:
        if len(run) < _FEWEST_WORDS:
            return None
        for other in others:
            theirs = _WORDS.get(other, frozenset())
            found = [m.group() for m in run if m.group() in theirs]
            # (one word in five or more, as a sentence has; not a few among the
            # many words of a glossary or table in six languages)
            if len(found) >= _FEWEST_OTHERS and 5 * len(found) >= len(run):
                at = [k for k, m in enumerate(run) if m.group() in theirs]
                end = run[min(at[-1] + 2, len(run) - 1)].end()
                return other, run[at[0]].start(), end, [w for w, _ in Counter(found).most_common(3)]
        return None

    for m in _LETTERS.finditer(masked):
        if m.group() in own or not _LATIN_WORD.fullmatch(m.group()):
            found = read(run)
            if found is not None:
                return found
            run = []
        else:
            run.append(m)
    return read(run)


def _leans(text: str, lang: str, others: list[str]) -> str | None:
    """The other language of Latin letters a text too short (or too plain)
    to read as it leans to: two of that language's frequent words, and none
    of the file's own ("d'aider les organisations régionales dans leurs
    préparatifs;" in an English file). Not a finding: it tells which of two
    versions that write a text word for word was pasted into."""
    words = _LETTERS.findall(text.lower())
    if any(w in _WORDS[lang] for w in words):
        return None
    leaning = [o for o in others if o in _WORDS and sum(w in _WORDS[o] for w in words) >= 2]
    return leaning[0] if len(leaning) == 1 else None


# A title of this many words or more is read on
# its own terms (_short_title); a shorter one is a name
_FEWEST_TITLE_WORDS = 4
# the words of another language a short title needs, with none of its own
_FEWEST_TITLE_OTHERS = 2


def _short_title(title: str, lang: str) -> tuple[str, list[str]] | None:
    """The other language a title of four words or more reads as, and its
    words found there: a title has few of a language's frequent words, too
    few for the test of the texts ("Strengthening coordination and
    cooperation among the three Sectors on matters of mutual interest" has
    three), and reads as another language with two of that language's
    frequent words and none of the file's own ("Telecommunication/ICTs for persons with disabilities" in
    a French file; "Accès des personnes handicapées aux télécommunications"
    in an English one); in a file in another script, none of its letters.
    A title pasted from another version is what a reader of the list of
    resolutions sees first."""
    words = _LETTERS.findall(title.lower())
    if len(words) < _FEWEST_TITLE_WORDS:
        return None
    if lang in _WORDS:
        if any(w in _WORDS[lang] for w in words):
            return None
    elif lang in _SCRIPT and _SCRIPT[lang].search(title):
        return None
    for other, frequent in _WORDS.items():
        if other == lang:
            continue
        found = [w for w in words if w in frequent]
        if len(found) >= _FEWEST_TITLE_OTHERS:
            return other, [w for w, _ in Counter(found).most_common(3)]
    return None


# The abbreviations of the ITU's Sectors written as another language writes
# them, in a file of a language that writes them otherwise ("l'ITU-D" in
# French, "the UIT-T" in English): the file's language -> (the quick test,
# the pattern, the form to write). Arabic, Chinese and Russian texts are
# left alone: they write the Latin form too, or their own.
# (the word first, the edge before it looked at after: see _conventions._TITLES)
_UIT = re.compile(r"UIT(?<![\w-]UIT)[-\u2010\u2011\u2013]([RTD])(?![\w-])")
_ITU = re.compile(r"ITU(?<![\w-]ITU)[-\u2010\u2011\u2013]([RTD])(?![\w-])")
# a Recommendation's number after a Sector's name: "ITU-T Q.1706", "ITU-R BT.500"
_DESIGNATION = re.compile(r"\s[A-Z]{1,2}\.\d")
# (the languages that write the other form, as the message names them)
_SECTOR_NAMES: dict[str, tuple[str, re.Pattern[str], str, str]] = {
    "en": ("UIT", _UIT, "ITU-{}", "fr, es"),
    "fr": ("ITU", _ITU, "UIT-{}", "en"),
    "es": ("ITU", _ITU, "UIT-{}", "en"),
}


# not "ITU Telecom", an event's name in every language
_UNION_NAMED = re.compile(r"ITU Telecom")
# (the hyphens a Sector's name or a conference's year is written with)
_HYPHENS = "[-\u2010\u2011\u2013]"


@functools.lru_cache(maxsize=16)
def _abbreviation_pattern(written: tuple[str, ...]) -> re.Pattern[str]:
    """The abbreviations ``written``, each whole, with a conference's year
    after it ("WRC-19")."""
    words = "|".join(sorted(written, key=len, reverse=True))
    return re.compile(rf"(?:{words})(?:{_HYPHENS}\d\d(?:\d\d)?)?(?![\w\u2010\u2011\u2013-])")


def _formula_of_another(formula: str, lang: str) -> Finding | None:
    """The conference formula written in another language than the file's,
    English, French or Spanish ("The World Telecommunication Development
    Conference (Buenos Aires, 2017)," in a French file): one that names no
    conference read in the file's language and one read in another, its
    name quoted; None otherwise. Too short a text for the test of the
    others, and a conference's name is what tells its language."""
    from itures.rules.history import formula_body_in

    if formula_body_in(formula, lang) is not None:
        return None  # (every file but one pasted)
    for other in _SECTOR_NAMES:
        named = formula_body_in(formula, other) if other != lang else None
        if named is not None:
            start, end, _ = named
            return Finding(
                ("conference",),
                tr(
                    "the conference formula names {name} as '{other}' writes it, not as "
                    "'{lang}', the file's language: pasted from another language version and "
                    "not translated",
                    name=repr(formula[start:end]),
                    other=other,
                    lang=lang,
                ),
                offset=start,
                length=end - start,
                help=tr("translate the formula into '{lang}'", lang=lang),
            )
    return None


def _itu_names(
    ctx: Context,
    lang: str,
    covered: set[tuple[str | int, ...]],
    parts: dict[tuple[str | int, ...], tuple[int, int]],
    abbreviations: dict[str, tuple[str, str]],
) -> Iterator[Finding]:
    """Each Sector's abbreviation written as another language writes it
    ("ITU-D" in a French text), and each of ``abbreviations`` (see
    :func:`itures.rules._abbreviations.found`: "TDAG", "WRC-19", "l'ITU" in French):
    one finding a text, the others of the text in its message; none in a
    text ``covered`` (one that reads as another language as a whole) or in
    its part that does (``parts``: text -> (start, end)): that finding's."""
    quick, pattern, form, other = _SECTOR_NAMES[lang]
    abbreviated = _abbreviation_pattern(tuple(abbreviations)) if abbreviations else None
    for t in texts(ctx):
        sectors = quick in t.text
        if t.path in covered or not (
            sectors or (abbreviated is not None and abbreviated.search(t.text))
        ):
            continue
        start, end = parts.get(t.path, (0, 0))
        # (not in a citation's words, reference-text's, nor in a quotation;
        # nor a Recommendation's designation, "ITU-T Q.1706", which a list of
        # them may write alike in every version)
        masked = _NOT_READ.sub(lambda m: " " * len(m.group()), t.text)
        found = [
            (m.start(), m.end(), m.group(), form.format(m.group()[-1]), other)
            for m in (pattern.finditer(masked) if sectors else ())
            if not start <= m.start() < end and _DESIGNATION.match(masked, m.end()) is None
        ]
        sectors_only = len(found)
        for m in abbreviated.finditer(masked) if abbreviated is not None else ():
            at = m.start()
            before = masked[at - 1] if at else " "
            if start <= at < end or before.isalnum() or before in "-_\u2010\u2011\u2013":
                continue
            word = m.group()
            name = word.rstrip("-\u2010\u2011\u20130123456789")
            if name == abbr.UNION[lang][0] and _UNION_NAMED.match(masked, at) is not None:
                continue
            langs, form_of = abbreviations[name]
            found.append((at, m.end(), word, form_of + word[len(name) :], langs))
        if not found:
            continue
        found.sort()
        written = list(dict.fromkeys(f[2] for f in found))
        meant = {f[2]: f[3] for f in found}
        shown = ", ".join(repr(w) for w in written)
        to_write = ", ".join(repr(meant[w]) for w in written)
        if sectors_only == len(found):
            message = tr(
                "{found}: the Sector's name in '{other}'; the file's language, '{lang}', writes "
                "{meant}",
                found=shown,
                other=other,
                lang=lang,
                meant=to_write,
            )
        else:
            message = tr(
                "{found}: written as '{others}' writes it; the file's language, '{lang}', "
                "writes {meant}",
                found=shown,
                others=", ".join(dict.fromkeys(o for f in found for o in f[4].split(", "))),
                lang=lang,
                meant=to_write,
            )
        yield Finding(
            t.path,
            message,
            # (from the first to the last: a quick fix writes each)
            offset=found[0][0],
            length=found[-1][1] - found[0][0],
            help=tr(
                "write {pairs}",
                pairs=replacements([(repr(w), repr(meant[w])) for w in written]),
            ),
        )


@rule(
    "text-language",
    "warning",
    "a text in another language than the file's: pasted from another version, not translated",
)
def text_language(ctx: Context) -> Iterator[Finding]:
    """A text (an item, a clause, an annex paragraph, a footnote, the title)
    of eight words or more that reads as English, French or Spanish in a
    file of another language: pasted from another language version and not
    translated (what the rules that read the file's language find in it,
    another language's title or spelling, its end mark, goes with its
    translation: this finding alone). A text reads as a language when it has at least four of its
    frequent words that the two others do not write ("the", "of", "and";
    "les", "des", "et"; "los", "del", "y"), one of them among its most
    frequent ("the", "to"; "les", "des"; "los", "del": the quick test of the
    file), and three times as many as of the
    file's own (in Russian, Arabic or Chinese: none of that script's
    letters). A title of four words or more reads as a language with two
    of its frequent words and none of the file's own. A quotation or a name
    in another language inside a text does not make it read so. In Russian,
    Arabic or Chinese, a text of eight words or more in Latin letters, with
    none of the file's script, is reported even when it reads as none of the
    three (a Spanish sentence without 'los' or 'del'). When most texts of a file (two or more) read as
    another language, or some do and its headings are in that language,
    the file's ``language`` is what is wrong (or the file is not
    translated): ``heading-mismatch`` says so of its headings, and the texts
    are not reported one by one; when its headings are in its language
    (translated, the texts not), one finding says so, at the first such
    text, the others attached, and its conference formula when it is
    another language's too; what the rules that read the file's language
    find anywhere in it ('Resolution' for 'Résolution' in a text too short
    to tell, 'Dubai' in its history) goes with its translation.

    A part of a text that as a whole reads as the file's language (a clause
    half translated, a sentence pasted into it) is a finding at that part:
    eight words or more in a row with none of the file's frequent words, and
    four of another language's, one word in five (not in a quotation; a
    glossary of six languages, in several scripts, is no such part).

    A Sector's abbreviation written as another language writes it, "ITU-D"
    in a French or Spanish text, "UIT-T" in an English one (copied from
    another version), is a finding for its text, with the form to write;
    so are the Union's own ("l'ITU" in French, "the UIT" in English; not
    "ITU Telecom", an event's name) and the abbreviations of its groups and
    conferences that the vocabulary gives each language ("le TDAG", "la
    WTSA-20" in French, "the GCDT" in English: three capitals or more, not
    a form the file's language writes too), and those of the Summit, ICT,
    the least developed countries and the small island developing States
    ("le WSIS", "les ICTs" in French, "the SMSI" in English), all of a text
    in one finding; and a conference formula that names its conference as
    another language does ("The World Telecommunication Development
    Conference (Buenos Aires, 2017)," in French: too short for the test of
    the texts, its conference's name tells its language);
    not in a text or a part that reads as another language, a citation's
    words, a quotation, nor a Recommendation's designation ("ITU-T Q.1706").

    Failing::

        language: fr
        ...
            - label: '1'
              text: >-
                to carry out periodic work to identify the technical standards adopted by
                the study groups of ITU-T;

    Passing::

        language: fr
        ...
            - label: '1'
              text: >-
                de mener périodiquement des travaux pour identifier les normes techniques
                adoptées par les commissions d'études de l'UIT-T;
    """
    lang = ctx.resolution.language
    formula: Finding | None = None  # the conference formula of another language
    if lang in _SCRIPT:
        yield from _unscripted(ctx, lang)
    elif ctx.resolution.conference is not None and lang in _SECTOR_NAMES:
        formula = _formula_of_another(ctx.resolution.conference, lang)
    found, parts, told, names = yield from _read_texts(ctx, lang)
    if len(found) >= 2 and 2 * len(found) > told and _headings_in(ctx, lang):
        # headings in the file's language over texts in another: the texts were
        # not translated (heading-mismatch has nothing to say): one finding, the
        # formula's with it
        yield _untranslated(found, told, lang, formula)
        return
    if formula is not None:
        yield formula
    if len(found) >= 2 and 2 * len(found) > told:
        return  # the file's language, not its texts (see _read_texts)
    yield from _told_texts(ctx, lang, found, parts, names)


def _read_texts(
    ctx: Context, lang: str
) -> Generator[
    Finding,
    None,
    tuple[
        list[tuple[tuple[str | int, ...], str, list[str]]],
        list[tuple[tuple[str | int, ...], str, tuple[str, int, int, list[str]]]],
        int,
        dict[str, tuple[str, str]] | None,
    ],
]:
    """For :func:`text_language`: the texts that read as another language
    (path, language, words), the texts a part of which does, how many texts
    were long enough to tell, and the abbreviations to check with the
    Sectors' names (None: none to check); yields what is found on the way
    (the Sectors' names of a file with no text to read). None found when the headings are in the language
    the texts read as: the file's 'language' is wrong (heading-mismatch)."""
    joined = blank_joined(ctx)
    sectors = _SECTOR_NAMES.get(lang)
    abbreviations = abbr.found(ctx, lang) if sectors is not None else {}
    told_sectors = sectors is not None and (sectors[0] in joined or bool(abbreviations))
    others = [
        other
        for other, quick in _QUICK.items()
        if other != lang and any(w in joined for w in quick)
    ]
    # a title, too poor in frequent words for the test of the texts: its own
    # test (see _short_title)
    title = _short_title(ctx.resolution.title, lang)
    if not others and title is None:
        if told_sectors:
            yield from _itu_names(ctx, lang, set(), {}, abbreviations)
        return [], [], 0, None  # (most files)
    all_texts = texts(ctx)
    # the texts that hold a quick test's word: the only ones that may read as another
    # language (most texts of a file that passes the quick test do not)
    starts = blank_starts(ctx)
    holding: set[int] = set()
    for other in others:
        for word in _QUICK[other]:
            at = joined.find(word)
            while at >= 0:
                holding.add(bisect_right(starts, at + 1) - 1)
                at = joined.find(word, at + 1)
    found: list[tuple[tuple[str | int, ...], str, list[str]]] = []
    # the texts of which a part reads as another language (_part_in)
    parts: list[tuple[tuple[str | int, ...], str, tuple[str, int, int, list[str]]]] = []
    told = 0  # the texts long enough to tell
    for i, t in enumerate(all_texts):
        if t.path == ("title",) and title is not None:
            told += 1
            found.append((t.path, *title))
            continue
        if t.path[-1] not in ("text", "title") or t.text.count(" ") < _FEWEST_TITLE_WORDS - 1:
            continue
        if t.text.count(" ") < _FEWEST_WORDS - 1:
            if i in holding and lang in _WORDS:
                leaning = _leans(t.text, lang, others)
                if leaning is not None:  # (for text-untranslated: see Summary.leaning)
                    ctx.local.setdefault("leaning", []).append((t.path, leaning))
            continue
        told += 1
        reading = _reads_as(t.text, lang, others) if i in holding else None
        if reading is not None:
            found.append((t.path, *reading))
        elif i in holding and lang in _WORDS:
            leaning = _leans(t.text, lang, others)
            if leaning is not None:
                ctx.local.setdefault("leaning", []).append((t.path, leaning))
            else:
                part = _part_in(t.text, lang, others)
                if part is not None:
                    parts.append((t.path, t.text, part))
    if found:
        other = Counter(o for _, o, _ in found).most_common(1)[0][0]
        if _headings_in(ctx, other) and not _headings_in(ctx, lang):
            # the headings in the language the texts read as: the file's
            # 'language' is wrong (heading-mismatch says so), not its texts,
            # however many of them the test reads
            return [], [], 0, None
    return found, parts, told, (abbreviations if told_sectors else None)


def _told_texts(
    ctx: Context,
    lang: str,
    found: list[tuple[tuple[str | int, ...], str, list[str]]],
    parts: list[tuple[tuple[str | int, ...], str, tuple[str, int, int, list[str]]]],
    abbreviations: dict[str, tuple[str, str]] | None,
) -> Iterator[Finding]:
    """For :func:`text_language`: a finding for each text, or part of one,
    that reads as another language, and the Sectors' names (with
    ``abbreviations``, unless None)."""
    for path, other, words in found:
        yield Finding(
            path,
            tr(
                "this text reads as '{other}' ({words}), not as '{lang}', the file's language: "
                "pasted from another language version and not translated",
                other=other,
                words=", ".join(repr(w) for w in words),
                lang=lang,
            ),
            help=tr("translate the text into '{lang}'", lang=lang),
        )
    for path, text, (other, start, end, words) in parts:
        yield Finding(
            path,
            tr(
                "part of this text reads as '{other}' ({words}): {part}, not as '{lang}', the "
                "file's language: left untranslated, or pasted from another language version",
                other=other,
                words=", ".join(repr(w) for w in words),
                part=repr(short(text[start:end], 12)),
                lang=lang,
            ),
            offset=start,
            length=end - start,
            help=tr("translate that part into '{lang}'", lang=lang),
        )
    if abbreviations is not None:
        # (a text or a part of one that reads as another language is that
        # finding's: its Sectors' names with it)
        yield from _itu_names(
            ctx,
            lang,
            {path for path, _, _ in found},
            {path: (start, end) for path, _, (_, start, end, _) in parts},
            abbreviations,
        )
