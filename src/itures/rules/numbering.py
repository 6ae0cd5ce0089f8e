"""Numbering of every list at every depth.

Every list (preamble items, operative clauses, annex paragraphs, and the lists
nested in them) is read with :mod:`itures.rules.labels` and checked in one
pass, shared by the three rules below:

* the **kind** expected: letters a), b), … for the items of a preambular
  section, numbers 1, 2, … for the clauses of an operative section; a nested
  list takes the kind of its first label (i), ii), … or 1.1, 1.2, … or a), …);
* the **sequence**: the first label is 1 (a), i), or ``P.1`` under clause
  ``P``); each next label is the next ordinal (``2`` after ``1``, ``c)``
  after ``b)``), an insertion (``abis)`` after ``a)``, ``ater)`` after
  ``abis)``), or in a flat decimal list a step down (``1.1`` after ``1``) or
  back up (``2`` after ``1.2``). After a label out of sequence the check goes
  on from it, so "1, 2, 5, 6" gives one finding, not two.
* a list that starts again inside a section (a), b), a), b)) is reported once,
  at the restart, asking whether a section heading is missing;
* a single unlabelled entry is how ITU writes a section of one item; an
  unlabelled entry among labelled ones (outside annexes) is a style finding.

A number out of sequence at the top of an operative (or preambular) list is
compared with the ends of the other lists of the same part: when it continues
one of them (the seed's "5" after "1, 2" in *charge…*, while *décide* ends at
4), the message says so, since a clause moved from one section to the next is
the likely cause; when the entry before it ends with the mark that ends a
section (','), the message says that too.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from itures.rules import Context, Finding, rule
from itures.rules import labels as lb
from itures.rules._walk import COMMA, Entry, LabelledList, Path, end_mark, lists

_KIND_WORD = {"letter": "a letter", "roman": "a roman numeral", "number": "a number"}
_KIND_LIST = {"letter": "a), b), …", "roman": "i), ii), …", "number": "1, 2, …"}


@dataclass
class Analysis:
    duplicate: list[Finding] = field(default_factory=list)
    gap: list[Finding] = field(default_factory=list)
    style: list[Finding] = field(default_factory=list)
    # entries whose label is out of sequence or repeated (punctuation uses it)
    anomalies: set[Path] = field(default_factory=set)


def _successors(prev: lb.Label) -> list[tuple[tuple[int, ...], int]]:
    p = prev.parts
    out = [(p, prev.ins + 1)]
    out.extend(((*p[:j], p[j] + 1), 0) for j in range(len(p) - 1, -1, -1))
    if prev.kind == "number":
        out.append(((*p, 1), 0))
    return out


def _expected(prev: lb.Label, cur: lb.Label) -> tuple[tuple[int, ...], int]:
    """The successor of ``prev`` the editor most likely meant instead of ``cur``."""
    candidates = _successors(prev)
    same_depth = [c for c in candidates if len(c[0]) == len(cur.parts)]
    for parts, ins in same_depth:
        if ins == 0:
            return parts, ins
    if same_depth:
        return same_depth[0]
    return ((*prev.parts[:-1], prev.parts[-1] + 1), 0)


class _Ends:
    """The ends of the top-level lists, indexed by the label that would continue each.

    Built once per resolution: asking, for every label out of sequence, which
    other list it continues is then a dictionary access and a binary search,
    not a read of every list (a file of thousands of sections with numbering
    slips was quadratic).
    """

    def __init__(self, all_lists: list[LabelledList]) -> None:
        # (part, kind, (parts, ins) continuing) -> sections, and (list, its last label)
        self.sections: dict[tuple[str, str, tuple[tuple[int, ...], int]], list[int]] = {}
        self.lists: dict[
            tuple[str, str, tuple[tuple[int, ...], int]], list[tuple[LabelledList, str]]
        ] = {}
        for other in all_lists:  # in document order: by section within a part
            if other.parent is not None:
                continue
            labelled = [e for e in other.entries if e.label]
            if not labelled:
                continue
            last = lb.read_list([e.label for e in labelled])[-1]
            if last is None:
                continue
            nxt = ((*last.parts[:-1], last.parts[-1] + 1), 0)
            for after in (nxt, (last.parts, last.ins + 1)):
                key = (other.part, last.kind, after)
                self.sections.setdefault(key, []).append(other.section)
                self.lists.setdefault(key, []).append((other, last.raw))

    def continued(self, lst: LabelledList, cur: lb.Label) -> tuple[LabelledList, str] | None:
        """Another top-level list of the same part whose next label would be ``cur``.

        The nearest by section; of two as near, the earlier.
        """
        if lst.parent is not None:
            return None
        key = (lst.part, cur.kind, (cur.parts, cur.ins))
        sections = self.sections.get(key)
        if not sections:
            return None
        found = self.lists[key]
        at = bisect.bisect_left(sections, lst.section)
        after = at
        while after < len(sections) and sections[after] == lst.section:
            if found[after][0] is not lst:
                return found[after]
            after += 1
        if at == 0 and after == len(sections):
            return None
        if after == len(sections) or (
            at > 0 and lst.section - sections[at - 1] <= sections[after] - lst.section
        ):
            return found[at - 1]
        return found[after]


def _analyse_list(lst: LabelledList, ends: _Ends, out: Analysis) -> None:
    entries = lst.entries
    labelled = [e for e in entries if e.label is not None]
    if not labelled:
        return
    noun, where = lst.noun, lst.where()
    if lst.part != "annex":
        for i, e in enumerate(entries):
            if e.label is None:
                out.style.append(
                    Finding(
                        e.path,
                        f"{noun} {i + 1} of {where} has no label while the others have one; "
                        f"give it its label, or join it to the {noun} before if it continues it",
                    )
                )
    read = lb.read_list([e.label for e in labelled])
    readable: list[tuple[Entry, lb.Label]] = []
    for e, label in zip(labelled, read, strict=True):
        if label is None:
            out.style.append(
                Finding(
                    (*e.path, "label"),
                    f"label {e.label!r} of {where} is not a number, a letter or a roman "
                    "numeral; write it as published (a), abis), 1, 1.1, i))",
                )
            )
        else:
            readable.append((e, label))
    if not readable:
        return

    # the kind of the list
    fixed = (
        {"preamble": "letter", "operative": "number"}.get(lst.part) if lst.parent is None else None
    )
    kinds = [label.kind for _, label in readable]
    if fixed is not None and fixed not in kinds:
        e, label = readable[0]
        part = (
            "preambular sections are lettered"
            if fixed == "letter"
            else "operative sections are numbered"
        )
        out.style.append(
            Finding(
                (*e.path, "label"),
                f"the {noun}s of {where} are labelled {label.raw!r}, …; {part} "
                f"{_KIND_LIST[fixed]} (is a heading missing, or the section in the wrong part?)",
            )
        )
        main = max(set(kinds), key=kinds.count)
    else:
        main = fixed or kinds[0]
        for e, label in readable:
            if label.kind != main:
                out.style.append(
                    Finding(
                        (*e.path, "label"),
                        f"{noun} {label.raw} of {where} is {_KIND_WORD[label.kind]} in a list "
                        f"labelled {_KIND_LIST[main]}; write it as {_KIND_WORD[main]}",
                    )
                )

    # the sequence
    seq = [(e, label) for e, label in readable if label.kind == main]
    parent_label = lb.read(lst.parent.label) if lst.parent and lst.parent.label else None
    seen: dict[tuple[str, tuple[int, ...], int], Entry] = {}
    prev: lb.Label | None = None
    prev_entry: Entry | None = None
    for e, label in seq:
        path = (*e.path, "label")
        if label.key in seen:
            expected = lb.render(main, *_expected(prev, label), like=label) if prev else None
            tail = f"; expected {expected}" if expected and expected != label.raw else ""
            if label.parts == (1,) and not label.ins and lst.parent is None:
                tail += (
                    f" (a new list seems to start at {label.raw}: is a section heading "
                    "missing before it?)"
                )
                seen.clear()  # the restarted list is checked on its own: one finding
            out.duplicate.append(
                Finding(path, f"{noun} {label.raw} appears twice in {where}{tail}")
            )
            out.anomalies.add(e.path)
        elif prev is None:
            first: tuple[int, ...] = (1,)
            if (
                main == "number"
                and parent_label is not None
                and parent_label.kind == "number"
                and len(label.parts) > 1
            ):
                first = (*parent_label.parts, 1)
            if label.parts != first or label.ins:
                exp = lb.render(main, first, 0, like=label)
                message = f"{noun} {label.raw} starts {where}; expected {exp}"
                moved = ends.continued(lst, label)
                if moved is not None:
                    message += (
                        f" ({label.raw} continues the list of {moved[0].where()}, which ends "
                        f"at {moved[1]}: was the list split, or a label changed?)"
                    )
                out.gap.append(Finding(path, message))
                out.anomalies.add(e.path)
        elif (label.parts, label.ins) not in _successors(prev):
            exp = lb.render(main, *_expected(prev, label), like=label)
            message = f"{noun} {label.raw} follows {prev.raw} in {where}; expected {exp}"
            hints = []
            moved = ends.continued(lst, label)
            if moved is not None:
                other, last = moved
                hints.append(
                    f"{label.raw} continues the list of {other.where()}, which ends at "
                    f"{last}: was it moved from there?"
                )
            if prev_entry is not None and end_mark(prev_entry.text)[0] in tuple(COMMA):
                hints.append(f"{prev.raw} ends with ',' as the last {noun} of a section does")
            if hints:
                message += f" ({' '.join(hints)})"
            out.gap.append(Finding(path, message))
            out.anomalies.add(e.path)
        seen.setdefault(label.key, e)
        prev, prev_entry = label, e


def analyse(ctx: Context) -> Analysis:
    """The numbering findings of one resolution (computed once per run)."""

    def compute() -> Analysis:
        out = Analysis()
        all_lists = lists(ctx)
        ends = _Ends(all_lists)
        for lst in all_lists:
            _analyse_list(lst, ends, out)
        return out

    result: Analysis = ctx.memo("numbering", compute)
    return result


@rule("numbering-duplicate", "error", "two siblings carry the same number or letter")
def numbering_duplicate(ctx: Context) -> Iterator[Finding]:
    """Two entries of one list carry the same label.

    The finding points at the second one's label.

    Failing::

        clauses:
          - label: '1'
            text: to continue its work;
          - label: '1'
            text: to report to Council.

    Passing::

        clauses:
          - label: '1'
            text: to continue its work;
          - label: '2'
            text: to report to Council.
    """
    yield from analyse(ctx).duplicate


@rule(
    "numbering-gap",
    "error",
    "a number or letter out of sequence: the stray '5' after '1, 2'; 'a), b), d)'",
)
def numbering_gap(ctx: Context) -> Iterator[Finding]:
    """A label out of sequence: a number or letter skipped, or a list that does
    not start at 1 (a), i), or P.1 under clause P).

    ``abis)`` between ``a)`` and ``b)`` is in sequence, and so are ``ater)``
    after ``abis)``, and ``1.1`` after ``1`` or ``2`` after ``1.2`` in a flat
    decimal list. The message names the list, the label expected and, when
    the stray label continues another section's list, that section.

    Failing (``clause 5 follows 2 in 'charge le Directeur…'; expected 3``)::

        - verb: instructs
          heading: charge le Directeur du BDT
          clauses:
            - label: '1'
              text: de mener des travaux;
            - label: '2'
              text: de tenir informées les commissions d'études;
            - label: '5'
              text: de rendre compte chaque année au GCDT.

    Passing::

        items:
          - label: a)
            text: the first recital;
          - label: abis)
            text: a recital inserted at a revision;
          - label: b)
            text: the last recital,
    """
    yield from analyse(ctx).gap


@rule(
    "numbering-style",
    "warning",
    "mixed or wrong label styles in one list (numbers in the preamble, letters in the operative part)",
)
def numbering_style(ctx: Context) -> Iterator[Finding]:
    """Labels of the wrong kind for their list: preamble items are lettered
    a), b), …; operative clauses are numbered 1, 2, …; a nested list keeps the
    kind of its first label. Also: a label that is not a number, a letter or a
    roman numeral, and an unlabelled entry among labelled ones (outside
    annexes, where unlabelled paragraphs are common).

    Failing::

        - verb: considering
          heading: considering
          items:
            - label: '1'
              text: that ...;
            - label: '2'
              text: that ...,

    Passing::

        - verb: considering
          heading: considering
          items:
            - label: a)
              text: that ...;
            - label: b)
              text: that ...,
    """
    yield from analyse(ctx).style
