"""Numbering of every list at every depth: the smallest explanation.

Every list (preamble items, operative clauses, annex paragraphs, and the lists
nested in them) is read with :mod:`itures.rules.labels` and explained in one
pass, shared by the three rules below. One defect gives one finding, on the
label that is wrong, with the change that makes the whole list right (in
``help``, and as data: :class:`Fix`, which :func:`apply_fix` applies). The
advice never asks to change a label that is right.

* The **kind** expected: letters a), b), … for the items of a preambular
  section, numbers 1, 2, … for the clauses of an operative section; a nested
  list takes the kind most of its labels have (i), ii), … or 1.1, 1.2, … or
  a), …). Letters and roman numerals are told apart from the whole list
  (:func:`itures.rules.labels.read_list`): a lettered list a) … m) holds c),
  d), i), l) and m).
* The **sequence**: the first label is 1 (a), i), or ``P.1`` under clause
  ``P``); each next label is one of :func:`itures.rules.labels.successors`
  of the one before: the next ordinal, an insertion (``abis)`` after ``a)``,
  ``1bis``, ``3 bis``), or in a decimal list a step down or back up.

Where a label does not follow, the walk weighs the explanations of that one
defect and keeps the one that leaves the rest of the list in sequence, the
simplest on a tie, in this order:

1. **a nested list written at its parent's level** (``a) … for example:``
   then ``i)``, ``v)``, then ``b)``: as PP-18 publishes some sub-lists);
2. **one label changed** (``a), b), d), d), e)``: the first d) should be c));
3. **an item inserted** (``1, 2, 2, 3``: the second 2 becomes ``2bis``);
4. **two labels swapped** (``1, 3, 2, 4``: one finding, on 3, the 2 related);
5. **a list restarted** under a missing section heading (``a), b), a), b)``);
   in an annex, which has no section headings, a table converted as
   paragraphs or a sub-heading of the annex lost (all the restarts of one
   list are one finding);
6. **items missing** (``a), b), d), e), f)``: c) is missing, or d) to f)
   should be c) to e)), or an entry inserted with a label already used
   (``a), abis), abis), ater)``: the labels after it renumbered);
7. a label changed to an insertion or to another depth.

Two explanations come before the others, since the text shows them: labels
skipped because they are written inside the text before (``i) … ; ii) … ;
iii) …`` then ``v)``: the text of i) is to split; when they are the whole
gap and ``conversion-artefact`` reports them, as it does labels after a ";"
or ":", that is its finding alone: one defect), and a section of one
unlabelled entry followed by a list from 1 (a section heading missing, often
run into that entry's text). A list that no few edits explain (at least
:data:`GARBLED` defects, on a quarter of its labels: a table or nested lists
converted as paragraphs) is one finding, the places of the others related.

Each explanation is scored by how many labels after it still break the
sequence, looking at most :data:`WINDOW` labels ahead; the swap partner is
looked for in the same window. The walk is therefore linear in the length of
the list (a constant number of explanations, each checked over a bounded
window), and a list of any length costs no more per defect than a short one.

A label that cannot be read (``#3``), that is of the wrong kind (``b)`` among
numbers), or that holds a letter of another script (a Cyrillic ``с)`` among
Latin letters, which the look-alike check reports) stands for whatever label
the sequence expects there: it gives at most its own finding, never a
cascade on the labels after it. An unlabelled entry among labelled ones
(outside annexes, where unlabelled paragraphs are common) is a style finding;
it counts in the sequence only when the labels after it need it to. Two or
more in a row count for as many labels when the label after them comes
after those (``1``, -, -, ``4``: they are 2 and 3, and no gap is reported;
``1``, -, -, ``5``: ``5`` follows 3, expected 4).

An unlabelled entry whose text starts with a label (``text: a) that …``, as
conversions leave it) is read with that label. The ``conversion-artefact``
rule reports a label left so (``a) that``, ``1 to prepare …``); a number it
does not report (``1 RAG, TSAG and TDAG to continue …``, before a capital)
is ``numbering-style``'s finding, so that one rule says it: the numbering
asks that rule (:func:`_artefact_reports`), and :func:`expected_left` says
which numbers are the labels the list expects there, whatever follows them.

The labels after an operative part that a conversion merged into an entry
(``…, resolves to instruct … 2 to … for this purpose to:`` then ``i)``,
``v)``; ``d) … further resolves to strengthen … by:`` then ``i)``) are that
part's, which ``conversion-artefact`` reports: no finding here, neither to
nest them in the entry nor to relabel them (:func:`_merged_before`).

A top-level list of the operative part with an operative heading run into
a clause (``…, instructs the Director of the Telecommunication Development
Bureau`` then ``1``, ``2``) holds the clauses of that heading's section
after it. It is read as the lists it holds, each from 1 (cut after the
clause holding the heading, or before the 1 after it), and as one list
where no clause labelled 1 follows the heading (its numbering may go on);
the reading with fewest findings is kept (:func:`_analyse_merged`): two
clauses of the run-in section swapped are one finding, named by that
heading, as in a list of its own, and one deleted is told. A number
written in the text before a gap is that label run into it only after an
end mark, not in a citation ("described in resolves 1, 2 and 3 above":
:func:`_run_into`).

Labels an editor mending such a file may leave are read as the slips they
are. Points of a bulleted list split out of a text with their bullet kept as
a label (``'•'``, ``'-'``: :func:`itures.rules.labels.bullet`) are one
finding for the list, which deletes the labels (ITU prints bulleted points
unlabelled) and, when the points follow at its level an entry ending with
':', nests them under it; they are not numbered, and the list's numbering
is read without them. A nested list that continues its parent's own list
(``ii)``, ``iii)`` under ``i)``; ``10`` under ``9``) is one finding that
moves it a level up, not a relabelling nor a text cut off
(:func:`_too_deep`). Roman numerals i), ii), … that are a top-level list's
only labels, after an entry ending with ':', are the list nested in it
written at its level (not a section of the other part). A nested list
written at its parent's level whose own labels skip one (``v)`` for
``iv)``) is said so, with the label to write, in that one finding. The
clauses of an operative part merged into an entry, split out of its text
at the list's level (``i)``, ``v)``, ``3.``, ``4.`` after ``… resolves to
instruct … 2 to … for this purpose to:``) are that part's (:func:`_merged_part`):
not numbered here, their form alone reported when written unlike ITU's
('3.' for '3').

A label out of sequence at the top of an operative (or preambular) list is
compared with the ends of the other lists of the same part: when it continues
one of them (the seed's "5" after "1, 2" in *charge…*, while *décide* ends at
4), the message says so, since a clause moved from one section to the next is
the likely cause; after the first label of its list, only an earlier list
is named so (a word processor's numbering carries on from an earlier list;
a label continuing a later one is as likely a clause deleted before it); when
the entry before it ends with the mark that ends a section (','), the
message says that too.

Messages and help are in the editor's language (:mod:`itures.i18n`). The
entries' noun (item, clause, paragraph; French *point*, *alinéa*,
*paragraphe*; Spanish *apartado*, *punto*, *párrafo*, all masculine) is a
translated placeholder, singular and plural each its own message; the list is
named by its heading as written and, for a nested list, the label of its
entry (``clause 1 of 'décide'``, French ``'décide' (alinéa 1)``); counts that
change a verb (``c) is missing``, ``c) and d) are missing``) and the kinds of
label are messages of their own. Labels, headings and quoted text are shown
as written. ``scripts/translations/numbering.json`` holds the French and
Spanish of these messages.
"""

from __future__ import annotations

import bisect
import copy
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any, Literal

from itures import textscan
from itures.fragments import segment
from itures.i18n import listing, tr
from itures.model.vocabulary import shipped_verbs
from itures.rules import Context, Finding, Place, rule
from itures.rules import labels as lb
from itures.rules._walk import (
    COLON,
    COMMA,
    End,
    Entry,
    LabelledList,
    Path,
    all_of,
    document_end,
    end_mark,
    leftover_texts,
    lists,
    noun_tr,
    scans,
    short,
    texts,
)

_KIND_LIST = {"letter": "a), b), …", "roman": "i), ii), …", "number": "1, 2, …"}


def _kind_word(kind: lb.Kind) -> str:
    """'a letter', 'a roman numeral', 'a number', in the editor's language."""
    if kind == "letter":
        return tr("a letter")
    if kind == "roman":
        return tr("a roman numeral")
    return tr("a number")


def _nouns(noun: str) -> str:
    """The plural of :func:`itures.rules._walk.noun_tr` (never built by appending 's')."""
    if noun == "item":
        return tr("items")
    if noun == "clause":
        return tr("clauses")
    return tr("paragraphs")


def _where(lst: LabelledList) -> str:
    """The list named in a message: its heading as written, and the label of
    the entry it is nested in ("'décide'", "clause 1 of 'décide'")."""
    head = f"'{short(lst.heading)}'"
    if lst.parent is None:
        return head
    return tr(
        "{noun} {label} of {heading}",
        noun=noun_tr(lst.noun),
        label=lst.parent.label or tr("(unlabelled)"),
        heading=head,
    )


def _missing(labels: list[str]) -> str:
    """'c)', 'c) and d)' or 'c) to f)'."""
    if len(labels) == 1:
        return labels[0]
    if len(labels) == 2:
        return tr("{first} and {second}", first=labels[0], second=labels[1])
    return tr("{first} to {last}", first=labels[0], last=labels[-1])


def _some(labels: list[str], among: list[str]) -> str:
    """``labels``, some of the run ``among``, said as :func:`_missing` says a
    run when they are one run of it ('10 to 12'), else one by one ('10, 11
    and 13': a range would take in the 12 that is not among them)."""
    start = among.index(labels[0]) if labels and labels[0] in among else -1
    if start >= 0 and among[start : start + len(labels)] == labels:
        return _missing(labels)
    return all_of(labels)


WINDOW = 8
"""How many labels ahead an explanation is checked (and a swap looked for)."""

Ordinal = lb.Ordinal
_ONE: Ordinal = ((1,), 0)
# the marks that end a text as a colon does (a tuple: ``None in`` it is False)
_COLONS = tuple(COLON)
_COMMAS = tuple(COMMA)
RuleName = Literal["numbering-duplicate", "numbering-gap", "numbering-style"]


@dataclass(frozen=True, slots=True)
class Fix:
    """The change that makes a list right, as data (see :func:`apply_fix`).

    ``relabel``: entries (by path) and the label each should carry;
    ``split``: the entry where a new section should start (a missing
    heading); ``nest``: entries to move, in order, into the entry just before
    the first of them (a nested list written at its parent's level).
    """

    relabel: tuple[tuple[Path, str], ...] = ()
    split: Path | None = None
    nest: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class Defect:
    """One defect of a list: the rule it belongs to, its finding, its fix."""

    rule: RuleName
    finding: Finding
    fix: Fix | None = None
    # shown by the text itself (a restart, a nested list, labels run into a
    # text), not a guess: kept apart when a list is reported as garbled
    explained: bool = False


@dataclass
class Analysis:
    defects: list[Defect] = field(default_factory=list)
    # entries whose label is out of sequence or repeated (punctuation uses it)
    anomalies: set[Path] = field(default_factory=set)
    # the two entries of each swap reported, each to the other: punctuation
    # leaves the end mark of one that is the other's place's
    swapped: dict[Path, Path] = field(default_factory=dict)
    # entries whose text a conversion cut, its end in the label and text of the
    # entry after it ("recalling" | "b) above, …"): punctuation leaves their end
    cut: set[Path] = field(default_factory=set)
    # entries of the lists reported as garbled (a table converted as
    # paragraphs), each with the index of that finding's defect: it covers
    # what else is wrong with them and with the lists nested in them
    garbled: dict[Path, int] = field(default_factory=dict)

    def of(self, name: RuleName) -> list[Finding]:
        return [d.finding for d in self.defects if d.rule == name]

    @property
    def duplicate(self) -> list[Finding]:
        return self.of("numbering-duplicate")

    @property
    def gap(self) -> list[Finding]:
        return self.of("numbering-gap")

    @property
    def style(self) -> list[Finding]:
        return self.of("numbering-style")


_HEADING_LANGUAGES = ("en", "fr", "es")


def _merged_heading(text: str, scan: textscan.Scans | None = None, language: str = "") -> bool:
    """Whether an operative heading is run into ``text`` (``conversion-artefact``
    reports it; a list that starts again after it is its consequence).

    With the file's ``scan``, the headings are looked up in it, the file's
    ``language`` first: ``conversion-artefact`` has scanned the file's texts
    for that language's headings already, and the answer (a heading in any
    of the three languages) does not depend on the order they are tried in."""
    if scan is None:
        return any(textscan.headings(text, lang) for lang in _HEADING_LANGUAGES)
    if language in _HEADING_LANGUAGES and scan.headings(text, language):
        return True
    return any(scan.headings(text, lang) for lang in _HEADING_LANGUAGES if lang != language)


def _merged_before(
    lst: LabelledList,
    entry: Entry,
    kind: lb.Kind,
    scan: textscan.Scans | None,
    language: str,
) -> bool:
    """Whether an operative heading is run into the text of the entry of
    ``lst`` before ``entry`` (or into the last entry nested in it), or into
    one before that back to the last entry unlabelled or labelled as the
    list's ``kind`` is: ``d) … further resolves to strengthen … by:`` then
    ``i)``, ``ii)``; ``…, resolves to instruct … 2 to … for this purpose
    to:`` then ``i)``, ``v)`` in a preambular list; ``b) … resolves 1 to …``
    then ``2``, ``3``. Those labels are the operative part's, merged into
    the preamble with it: ``conversion-artefact`` reports that part, once,
    and this list's numbering has nothing to say about them (neither to
    nest them in the entry nor to relabel them)."""
    n = next((k for k, e in enumerate(lst.entries) if e is entry), 0)
    for before in reversed(lst.entries[:n]):
        last = before
        while True:
            if _merged_heading(last.text, scan, language):
                return True
            if not last.children:
                break
            last = last.children[-1]
        read = lb.read(before.label) if before.label else None
        if read is None or read.kind == kind:
            return False
    return False


class _Token:
    """One entry of a list as the walk sees it.

    (A plain class with slots: one is made for every entry of every list
    walked; where a finding on it points, :attr:`path`, is made for the few
    a finding is on.)"""

    __slots__ = ("blank", "entry", "in_text", "index", "ordinal", "raw", "written")

    def __init__(self, entry: Entry, index: int, raw: str | None, in_text: bool = False) -> None:
        self.entry = entry
        self.index = index  # position of the entry in its list
        self.raw = raw  # the label as written (or as left at the start of the text)
        # None: a wildcard (unreadable, wrong kind, other script) or blank
        self.ordinal: Ordinal | None = None
        self.blank = raw is None  # an unlabelled entry
        self.written: Ordinal | None = None  # the ordinal as written (a swap changes ``ordinal``)
        self.in_text = in_text  # the label is left at the start of the text

    @property
    def path(self) -> Path:
        """Where a finding on this label points: the label, the text that
        starts with it, or the entry (unlabelled)."""
        if self.raw is None:
            return self.entry.path
        return (*self.entry.path, "text" if self.in_text else "label")


def _render(kind: lb.Kind, o: Ordinal, like: lb.Label | None) -> str:
    return lb.render(kind, o[0], o[1], like=like)


class _Ends:
    """The ends of the top-level lists, indexed by the label that would continue each.

    Built once per resolution: asking, for every label out of sequence, which
    other list it continues is then a dictionary access and a binary search,
    not a read of every list (a file of thousands of sections with numbering
    slips was quadratic).
    """

    def __init__(self, all_lists: list[LabelledList]) -> None:
        # (part, kind, ordinal continuing) -> sections, and (list, its last label)
        self.sections: dict[tuple[str, str, Ordinal], list[int]] = {}
        self.lists: dict[tuple[str, str, Ordinal], list[tuple[LabelledList, str]]] = {}
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

    def continued(
        self, lst: LabelledList, cur: Ordinal, kind: lb.Kind
    ) -> tuple[LabelledList, str] | None:
        """The nearest list by section whose next label is ``cur``; of two as near, the first."""
        key = (lst.part, kind, cur)
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


# the index of the lists last asked about, with them (so that it is not mistaken
# for another resolution's)
_LAST_ENDS: list[tuple[list[LabelledList], _Ends]] = []


def _continues(
    lst: LabelledList, cur: Ordinal, kind: lb.Kind, all_lists: list[LabelledList]
) -> tuple[LabelledList, str] | None:
    """Another top-level list of the same part whose next label would be ``cur``."""
    if lst.parent is not None:
        return None
    if not _LAST_ENDS or _LAST_ENDS[0][0] is not all_lists:
        _LAST_ENDS[:] = [(all_lists, _Ends(all_lists))]
    return _LAST_ENDS[0][1].continued(lst, cur, kind)


CHOICE_TAIL = 256
"""The longest tail of a list (labels from a defect on) whose explanation
is memoised (:meth:`_Walk._choose`)."""

CHOICES_KEPT = 8192
"""How many explanations :data:`_CHOICES` keeps (emptied when full: the
lists of a corpus repeat a few shapes, kept again at once)."""

# the explanation chosen for a defect, by what it depends on (see _Walk._choose)
_CHOICES: dict[tuple[Any, ...], tuple[str, Any]] = {}
# the explanations whose argument is a token (kept relative to the defect's)
_AT_TOKEN = frozenset(("swap", "swap-back", "nest"))


# what a label run into a text by a conversion follows: the end mark of the
# text before it ("… as appropriate; ii) continue", "… continue, ii)
# cooperate"), not a word ("described in resolves 2 above", "clauses 2 and 3
# below": a citation), a label of a list cited ("resolves 1, 2 and 3") nor
# "No."
_RUN_INTO_AFTER = re.compile(r"[;:,.]\s*$")
_CITED_BEFORE = re.compile(r"(?:(?:\d|\))\s*,|\bNos?\.)\s*$")


def _run_into(text: str, label: str) -> bool:
    """Whether ``label`` is written in ``text`` (blanks around it) where a
    conversion runs a list's next label into the text before it: after an
    end mark, not in a citation (see :data:`_RUN_INTO_AFTER`)."""
    needle = f" {label} "
    at = text.find(needle)
    while at >= 0:
        before = text[max(0, at - 12) : at + 1]
        if _RUN_INTO_AFTER.search(before) and not _CITED_BEFORE.search(before):
            return True
        at = text.find(needle, at + 1)
    return False


class _Walk:
    """The explanation of one list's sequence (see the module docstring)."""

    def __init__(
        self,
        lst: LabelledList,
        all_lists: list[LabelledList],
        tokens: list[_Token],
        kind: lb.Kind,
        start: Ordinal,
        like: lb.Label | None,
        out: Analysis,
        scan: textscan.Scans | None = None,
        language: str = "",
    ) -> None:
        self.scan, self.language = scan, language
        self.lst, self.all_lists, self.tokens = lst, all_lists, tokens
        self.kind, self.start, self.like, self.out = kind, start, like, out
        self.assigned: dict[int, Ordinal] = {}  # what a wildcard or blank stands for
        self.consumed: set[int] = set()  # tokens a reported defect covers
        self.mark = len(out.defects)  # the defects found before this list
        self.before: dict[int, Ordinal | None] = {}  # the label each token follows
        # the tokens where an annex's list starts again, each with the label
        # before it: one finding for them all (:meth:`report_annex_restarts`)
        self.restarts: list[tuple[int, str | None]] = []
        # the tokens' (ordinal, blank), made for the first defect (:meth:`_choose`)
        self._sig: list[tuple[Ordinal | None, bool]] | None = None

    # what the messages and labels are written with, made when a first one is
    # (many walks report nothing: a list started again after a heading run
    # into a text)

    @functools.cached_property
    def noun(self) -> str:
        return noun_tr(self.lst.noun)

    @functools.cached_property
    def nouns(self) -> str:
        return _nouns(self.lst.noun)

    @functools.cached_property
    def where(self) -> str:
        return _where(self.lst)

    @functools.cached_property
    def spaced(self) -> bool:
        """Whether the list spaces its insertions (``3 bis``): the labels as
        written, which no swap changes."""
        return any(
            t.raw and t.written and t.written[1] and " " in t.raw.strip() for t in self.tokens
        )

    # -- the sequence ------------------------------------------------------

    def succ(self, prev: Ordinal | None) -> tuple[Ordinal, ...]:
        return (self.start,) if prev is None else lb.successors(prev, self.kind)

    def label(self, o: Ordinal) -> str:
        """An ordinal written as the list writes its labels (``3 bis`` in a
        list that spaces its insertions, ``3bis`` otherwise)."""
        text = _render(self.kind, o, self.like)
        if o[1] and self.spaced:
            word = lb.INSERTIONS[o[1] - 1]
            text = text.replace(word, " " + word, 1)
        return text

    def score(
        self,
        j: int,
        prev: Ordinal | None,
        overlay: dict[int, Ordinal] | None = None,
        end: int | None = None,
    ) -> int:
        """Labels from token ``j`` up to token ``end`` (default: :data:`WINDOW`
        tokens on) that would still break the sequence after ``prev``.
        Explanations of one defect are scored up to one ``end``."""
        count = 0
        end = min(len(self.tokens), j + WINDOW if end is None else end)
        while j < end:
            tok = self.tokens[j]
            o = overlay.get(j, tok.ordinal) if overlay else tok.ordinal
            j += 1
            if tok.blank and o is None:
                continue
            expected = self.succ(prev)
            if o is None:
                prev = expected[0]
            elif o in expected:
                prev = o
            else:
                # another defect: go on from this label if the next one
                # follows it, else as if it had been the expected one
                count += 1
                nxt = self._next_ordinal(j, overlay)
                prev = o if nxt is None or nxt in self.succ(o) else expected[0]
        return count

    def _next_ordinal(self, j: int, overlay: dict[int, Ordinal] | None) -> Ordinal | None:
        while j < len(self.tokens):
            tok = self.tokens[j]
            o = overlay.get(j, tok.ordinal) if overlay else tok.ordinal
            if o is not None or not tok.blank:
                return o
            j += 1
        return None

    def run(self) -> None:
        prev: Ordinal | None = None
        i = 0
        tokens = self.tokens
        before = self.before
        kind = self.kind
        first = (self.start,)
        successors = lb.successors
        while i < len(tokens):
            tok = tokens[i]
            expected = first if prev is None else successors(prev, kind)
            before[i] = prev
            if tok.ordinal is None:
                nested = self.nested_run(i, prev)
                if nested is not None and not tok.blank:
                    i = self.report_nested(i, nested, prev)
                    continue
                filled = self.blanks_filling(i, prev) if tok.blank else None
                if filled is not None:
                    # blanks in a row that stand for the labels missing
                    # before the next one ('1', -, -, '4'): no gap
                    for j, o in enumerate(filled):
                        self.assigned[i + j] = o
                    prev, i = filled[-1], i + len(filled)
                    continue
                # a wildcard (or a blank the labels after it need) stands for
                # the expected label that fits best
                best = min(expected, key=lambda x: (self.score(i + 1, x), expected.index(x)))
                if tok.blank and self.score(i + 1, prev) <= self.score(i + 1, best):
                    i += 1
                    continue
                self.assigned[i] = best
                prev = best
                i += 1
                continue
            o = tok.ordinal
            if o in expected:
                prev = o
                i += 1
                continue
            if self.garbled(i):
                # past saving: no explanation, the list is reported as garbled
                self._add(
                    "numbering-gap",
                    tok,
                    tr(
                        "{noun} {label} follows {previous} in {where}",
                        noun=self.noun,
                        label=tok.raw,
                        previous=self._prev_raw(i),
                        where=self.where,
                    ),
                    None,
                    None,
                )
                prev, i = o, i + 1
                continue
            prev, i = self.explain(i, prev, expected)
        if self.restarts:
            self.report_annex_restarts()

    def blanks_filling(self, i: int, prev: Ordinal | None) -> list[Ordinal] | None:
        """The labels that two blanks or more in a row from token ``i`` stand
        for, when the label after them follows the last or comes later: 1, -,
        -, 4 gives [2, 3] (and 1, -, -, 5 too: then 5 follows 3, expected 4).
        None otherwise (one blank: :meth:`run` weighs it; 1, -, -, 2: the
        blanks are not 2 and 3)."""
        tokens = self.tokens
        end = i
        while end < len(tokens) and tokens[end].blank and tokens[end].ordinal is None:
            end += 1
        if end - i < 2 or end >= len(tokens) or tokens[end].ordinal is None:
            return None
        filled: list[Ordinal] = []
        for _ in range(end - i):
            prev = self.start if prev is None else lb.successors(prev, self.kind)[0]
            filled.append(prev)
        after = tokens[end].ordinal
        assert prev is not None and after is not None
        # (the label after them follows them, or comes later: a gap after them)
        return filled if after in lb.successors(prev, self.kind) or after > prev else None

    def garbled(self, i: int) -> bool:
        """Whether the list is garbled already at token ``i`` (many defects, on
        a quarter of the labels so far): explaining the rest would cost time
        for findings :func:`_garbled` folds into one."""
        found = len(self.out.defects) - self.mark
        return found >= 5 * GARBLED and 4 * found >= i

    # -- explanations of one defect at token i ------------------------------

    def explain(
        self, i: int, prev: Ordinal | None, expected: tuple[Ordinal, ...]
    ) -> tuple[Ordinal | None, int]:
        tok = self.tokens[i]
        o = tok.ordinal
        assert o is not None
        if self.cut(i, prev):
            self.out.anomalies.add(tok.entry.path)
            parent = self.lst.parent
            assert parent is not None
            self.out.cut.add(parent.path)
            self._add(
                "numbering-gap",
                tok,
                tr(
                    "{noun} {label} starts {where}, whose text does not end with ':': is "
                    "{label} part of that text (a reference such as 'recalling {label}') cut "
                    "off by a conversion?",
                    noun=self.noun,
                    label=tok.raw,
                    where=self.where,
                ),
                tr(
                    "join '{label} {text}' to the end of the text of {noun} {parent}",
                    label=tok.raw,
                    text=short(tok.entry.text, 4),
                    noun=self.noun,
                    parent=parent.label,
                ),
                None,
                explained=True,
            )
            return o, i + 1
        glued, missing = self._glued(i, prev)
        if glued:
            self.out.anomalies.add(tok.entry.path)
            rest = self._said_inside(i, glued, missing)
            if rest is None:
                self.report_glued(i, glued, missing)
            elif rest:
                self.report_glued_rest(i, glued, rest)
            return o, i + 1
        if o == self.start and prev is not None and self._heading_before(i):
            # the list's first label again after the next section's heading,
            # run into the text before it: a restart, however short the list
            self.out.anomalies.add(tok.entry.path)
            self.report_restart(i, prev)
            return o, i + 1
        nested = self.nested_run(i, prev)
        how, arg = self._choose(i, prev, expected, nested, self._back(i))
        self.out.anomalies.add(tok.entry.path)
        if how == "relabel":
            self.report_relabel(i, prev, arg)
            return self._frame(i + 1, o, arg), i + 1
        if how == "swap":
            self.report_swap(i, arg)
            # go on as if swapped: the partner's label here, this one there
            other = self.tokens[arg].ordinal
            assert other is not None
            self.tokens[i].ordinal, self.tokens[arg].ordinal = other, o
            self._sig = None
            self.consumed.add(arg)
            return other, i + 1
        if how == "relabel-back":
            self.report_between(i - 1, arg)
            return arg, i
        if how == "swap-back":
            self.report_swap(i - 1, arg)
            mine = self.tokens[i - 1].ordinal
            other = self.tokens[arg].ordinal
            assert mine is not None and other is not None
            self.tokens[i - 1].ordinal, self.tokens[arg].ordinal = other, mine
            self._sig = None
            self.consumed.add(arg)
            return other, i
        if how == "nest":
            return prev, self.report_nested(i, arg, prev)
        if how == "restart":
            self.report_restart(i, prev)
            return o, i + 1
        steps, k, last = self._steps(i, arg)
        self.report_renumber(i, prev, arg)
        written = self.tokens[steps[-1][0]].ordinal if steps else None
        return (last if written is None else self._frame(k, written, last)), k

    def _frame(self, k: int, written: Ordinal, new: Ordinal) -> Ordinal:
        """The label the token ``k`` is judged after, once the label before
        it, ``written``, is reported to be ``new``: ``new``, unless it is at
        another depth (1.1 for 1) and the next label follows the one as
        written at its depth (1.3 after 1.1): then the one the editor sees,
        so that the next finding says '1.2 is missing', not '1.1 is missing'
        beside that very 1.1."""
        if len(new[0]) == len(written[0]):
            return new
        nxt = self._next_ordinal(k, None)
        if nxt is not None and nxt[0][:-1] == written[0][:-1] and nxt not in self.succ(new):
            return written
        return new

    def _choose(
        self,
        i: int,
        prev: Ordinal | None,
        expected: tuple[Ordinal, ...],
        nested: int | None,
        back: tuple[Ordinal, Ordinal | None] | None,
    ) -> tuple[str, Any]:
        """The explanation :meth:`_options` keeps for the defect at token
        ``i``, memoised in :data:`_CHOICES`.

        The choice depends only on the list's kind and start, the label
        before (``prev``, ``back``), where a nested run ends and the labels
        from token ``i`` on (the labels before ``i`` are read through ``prev``
        and ``back``): the key holds these, positions taken from ``i``, so
        that a list of another resolution with the same labels from there on
        (``1 2 3 1 2 3 4`` after a heading run into a text, in hundreds of
        files), or a long garbled list repeated in the versions of one
        resolution, is told its explanation by a dictionary access. Only
        tails of at most :data:`CHOICE_TAIL` labels are so keyed: the key of
        a longer one would make a long list's walk quadratic."""
        tokens = self.tokens
        if len(tokens) - i > CHOICE_TAIL:
            return self._options(i, prev, expected, nested, back)
        sig = self._sig
        if sig is None:  # made once for the defects of a list (until a swap)
            sig = self._sig = [(t.ordinal, t.blank) for t in tokens]
        key = (
            self.kind,
            self.start,
            prev,
            back,
            i > 0,
            None if nested is None else nested - i,
            tuple(sig[i:]),
        )
        found = _CHOICES.get(key)
        if found is not None:
            how, arg = found
            return how, arg + i if how in _AT_TOKEN else arg
        how, arg = self._options(i, prev, expected, nested, back)
        if len(_CHOICES) >= CHOICES_KEPT:
            _CHOICES.clear()
        _CHOICES[key] = (how, arg - i if how in _AT_TOKEN else arg)
        return how, arg

    def _options(
        self,
        i: int,
        prev: Ordinal | None,
        expected: tuple[Ordinal, ...],
        nested: int | None,
        back: tuple[Ordinal, Ordinal | None] | None,
    ) -> tuple[str, Any]:
        """The explanations of the defect at token ``i`` weighed (see the
        module docstring), and the one kept: how (``relabel``, ``swap``, …)
        and its argument (a label, or a token for ``swap``, ``swap-back`` and
        ``nest``)."""
        options: list[tuple[int, int, str, Any]] = []
        o = self.tokens[i].ordinal
        assert o is not None
        end = i + 1 + WINDOW if nested is None else max(i + 1 + WINDOW, nested + 2)
        for x in expected:
            # the next label, an insertion, or a label at another depth (an
            # insertion after a swap where both explain what follows: "1, 3, 2"
            # is 2 and 3 swapped, not 3 written for 1bis)
            prio = 12 if len(x[0]) != len(o[0]) else 0 if x[1] == 0 else 4
            options.append((self.score(i + 1, x, end=end), prio, "relabel", x))
        for j in range(i + 1, min(len(self.tokens), i + 1 + WINDOW)):
            other = self.tokens[j].ordinal
            if other is None:
                break
            if other in expected and o != other:
                overlay = {j: o}
                options.append((self.score(i + 1, other, overlay, end), 3, "swap", j))
        if back is not None:
            # the label before was the wrong one: changed, or swapped with a later one
            p, before = back
            for y in self.succ(before):
                if o in lb.successors(y, self.kind) and y != p:
                    options.append((self.score(i + 1, o, end=end), 7, "relabel-back", y))
            for j in range(i, min(len(self.tokens), i + WINDOW)):
                other = self.tokens[j].ordinal
                if other is None:
                    break
                if other in self.succ(before) and other != p:
                    overlay = {j: p}
                    at_i = overlay.get(i, o)
                    if at_i in lb.successors(other, self.kind):
                        options.append((self.score(i, other, overlay, end), 3, "swap-back", j))
        if nested is not None:
            # after a ':' a nested list comes before a changed label
            options.append((self.score(nested, prev, end=end), -1, "nest", nested))
        if i > 0 and o == self.start:
            options.append((self.score(i + 1, o, end=end), 8, "restart", None))
        for x in expected:
            # (at another depth: a run written a level too deep, 1.1, 1.2, 1.3
            # for 1, 2, 3, is renumbered as one defect, not relabelled one label
            # at a time, the second then told that the first is missing)
            if x[1] == 0 or len(x[0]) == len(o[0]):
                relabelled, k, last = self._steps(i, x)
                if len(relabelled) > 1:  # one label renumbered is a relabel, above
                    prio = 10 if len(x[0]) == len(o[0]) else 11
                    options.append((self.score(k, last, end=max(end, k + 1)), prio, "renumber", x))
        _, _, how, arg = min(options, key=lambda t: (t[0], t[1]))
        return how, arg

    def cut(self, i: int, prev: Ordinal | None) -> bool:
        """A nested list of one entry that does not start the list, under an
        entry whose text does not end with ':' (``recalling c) iv) above``
        cut at ``c)``): the label is likely a piece of the text before."""
        parent = self.lst.parent
        return (
            prev is None
            and parent is not None
            and sum(1 for t in self.tokens if t.raw) == 1
            and end_mark(parent.text)[0] not in _COLONS
        )

    def _glued(self, i: int, prev: Ordinal | None) -> tuple[list[str], list[str]]:
        """The labels skipped before token ``i`` that are written inside the
        text of the entry before (``… as appropriate; ii) continue …; iii)
        …``, a list run together by a conversion), when the first of them is,
        and all the labels skipped (([], []) when none is there)."""
        o = self.tokens[i].ordinal
        if prev is None or o is None or o[1] or i == 0:
            return [], []
        x = self.succ(prev)[0]
        if len(x[0]) != len(o[0]) or x[0][:-1] != o[0][:-1] or not 0 < o[0][-1] - x[0][-1] <= 12:
            return [], []
        missing = [self.label(((*x[0][:-1], n), 0)) for n in range(x[0][-1], o[0][-1])]
        text = " " + self.tokens[i - 1].entry.text + " "
        found = [m for m in missing if f" {m} " in text and _run_into(text, m)]
        return (found, missing) if found and found[0] == missing[0] else ([], [])

    def _said_inside(self, i: int, glued: list[str], missing: list[str]) -> list[str] | None:
        """The labels of the gap before token ``i`` that are not in the text
        before it, when those :meth:`_glued` found there are what
        ``conversion-artefact`` reports in that text (the labels a scan finds
        after a ';' or ':'): that is one defect, reported there with its fix
        (split the text), not again at the label after it; what is left of
        the gap (``[]``: nothing) is this rule's. None when the scan does not
        take them for labels ("continue, ii) cooperate"): the gap and the
        labels inside are reported here, as is a gap with a hole among the
        labels inside (10, 11 and 13 inside, 12 nowhere)."""
        if self.scan is None or missing[: len(glued)] != glued:
            return None
        inside = {segment(a.found) for a in self.scan.labels_inside(self.tokens[i - 1].entry.text)}
        if not all(segment(label) in inside for label in glued):
            return None
        return missing[len(glued) :]

    def _back(self, i: int) -> tuple[Ordinal, Ordinal | None] | None:
        """The label before token ``i`` and the one before it, when that label
        was taken as written (no defect reported on it): it may be the wrong one."""
        if i == 0 or (i - 1) in self.consumed or (i - 1) not in self.before:
            return None
        p = self.tokens[i - 1].ordinal
        if p is None or p != self.tokens[i - 1].written:
            return None
        before = self.before[i - 1]
        if p not in self.succ(before):
            return None
        return p, before

    def nested_run(self, i: int, prev: Ordinal | None) -> int | None:
        """The end of a list nested in the entry before token ``i``, written
        at its level: the entry before ends with ':' and token ``i`` starts a
        list, either of roman numerals i), ii), … in a list that is not roman,
        or of the list's own kind (1, 2, 3 after "17 … :", up to 18; also
        without the ':' when the list goes on after the run, as 18 does).
        Not when the entry before has a nested list already. ``None`` if there
        is none."""
        if i == 0 or prev is None:
            return None
        tokens = self.tokens
        before = tokens[i - 1].entry
        if before.children:
            return None  # its nested list is there already
        kind = self.kind
        one = tokens[i].ordinal == _ONE
        if not one and kind == "roman":
            return None  # neither run can start here (the text's end not looked at)
        colon = end_mark(before.text)[0] in _COLONS
        if not one and not colon:
            return None
        outer = lb.successors(prev, kind)
        j = i
        if colon and kind != "roman":
            values: list[int] = []
            while j < len(tokens) and (j == i or tokens[j].ordinal not in outer):
                raw = tokens[j].raw
                read = lb.read(raw, roman=True) if raw else None
                if read is None or read.kind != "roman" or read.ins:
                    break
                value = read.parts[0]
                if (not values and value != 1) or (values and value <= values[-1]):
                    break
                values.append(value)
                j += 1
            if values:
                return j
        if not one:
            return None
        cur: Ordinal | None = None
        successors = lb.successors
        while j < len(tokens):
            o = tokens[j].ordinal
            if o is None or (cur is not None and (o not in successors(cur, kind) or o in outer)):
                break
            cur = o
            j += 1
        if colon:
            return j
        # without the ':', only a run of two or more that the list goes on
        # after, with a label that could not continue the run itself
        after = tokens[j].ordinal if j < len(tokens) else None
        if j - i >= 2 and cur and after in outer and after not in successors(cur, kind):
            return j
        return None

    # -- findings ----------------------------------------------------------

    def _add(
        self,
        name: RuleName,
        tok: _Token,
        message: str,
        help_: str | None,
        fix: Fix | None,
        related: tuple[Place, ...] = (),
        *,
        explained: bool = False,
    ) -> None:
        offset = 0 if tok.path[-1] == "text" else None
        length = len(tok.raw) if offset is not None and tok.raw else None
        self.out.defects.append(
            Defect(
                name,
                Finding(
                    tok.path, message, offset=offset, length=length, help=help_, related=related
                ),
                fix,
                explained,
            )
        )

    def _hints(self, i: int, o: Ordinal) -> str:
        tok = self.tokens[i]
        hints = []
        moved = _continues(self.lst, o, self.kind, self.all_lists)
        if moved is not None:
            other, last = moved
            if i == 0:
                hints.append(
                    tr(
                        "{label} continues the list of {other}, which ends at {last}: was the "
                        "list split, or a label changed?",
                        label=tok.raw,
                        other=_where(other),
                        last=last,
                    )
                )
            elif other.section < self.lst.section:
                # (a list after this one: a clause deleted before this label is
                # as likely, and the numbering of a word processor continues an
                # earlier list, not a later one)
                hints.append(
                    tr(
                        "{label} continues the list of {other}, which ends at {last}: was it "
                        "moved from there?",
                        label=tok.raw,
                        other=_where(other),
                        last=last,
                    )
                )
        if i > 0:
            before = self.tokens[i - 1]
            if end_mark(before.entry.text)[0] in _COMMAS and before.raw:
                hints.append(
                    tr(
                        "{label} ends with ',' as the last {noun} of a section does",
                        label=before.raw,
                        noun=self.noun,
                    )
                )
        return f" ({' '.join(hints)})" if hints else ""

    def _prev_raw(self, i: int) -> str | None:
        for j in range(i - 1, -1, -1):
            tok = self.tokens[j]
            if tok.raw:
                return tok.raw
            if j in self.assigned:
                return self.label(self.assigned[j])
        return None

    def _twice(self, tok: _Token, after: str | None, expected: str) -> str:
        """The message of a label that appears twice, this one the wrong one."""
        if after:
            return tr(
                "{noun} {label} appears twice in {where}; this one, after {previous}, "
                "should be {expected}",
                noun=self.noun,
                label=tok.raw,
                where=self.where,
                previous=after,
                expected=expected,
            )
        return tr(
            "{noun} {label} appears twice in {where}; this one, first, should be {expected}",
            noun=self.noun,
            label=tok.raw,
            where=self.where,
            expected=expected,
        )

    def _out_of_sequence(self, tok: _Token, prev: Ordinal | None, after: str | None, x: str) -> str:
        """'clause 5 follows 2 in …; expected 3' (or 'starts …' for the first)."""
        if prev is None:
            return tr(
                "{noun} {label} starts {where}; expected {expected}",
                noun=self.noun,
                label=tok.raw,
                where=self.where,
                expected=x,
            )
        return tr(
            "{noun} {label} follows {previous} in {where}; expected {expected}",
            noun=self.noun,
            label=tok.raw,
            previous=after,
            where=self.where,
            expected=x,
        )

    def _other(self, twin: _Token) -> Place:
        return Place(twin.path, tr("the other {noun} {label}", noun=self.noun, label=twin.raw))

    def report_relabel(self, i: int, prev: Ordinal | None, x: Ordinal) -> None:
        tok = self.tokens[i]
        o = tok.ordinal
        assert o is not None and tok.raw is not None
        new = self.label(x)
        fix = Fix(relabel=((tok.entry.path, new),))
        twin = next((t for t in self.tokens if t is not tok and t.written == tok.written), None)
        after = self._prev_raw(i)
        if twin is not None and i > 0 and o == ((1,), 0):
            # a list that starts again after a heading run into the text before:
            # conversion-artefact reports the heading, this follows from it
            last = self.tokens[i - 1].entry
            while last.children:
                last = last.children[-1]
            if _merged_heading(last.text, self.scan, self.language):
                return
        if twin is not None:
            self._add(
                "numbering-duplicate",
                tok,
                self._twice(tok, after, new),
                tr("relabel this {label} as {expected}", label=tok.raw, expected=new),
                fix,
                (self._other(twin),),
            )
            return
        self._add(
            "numbering-gap",
            tok,
            self._out_of_sequence(tok, prev, after, new) + self._hints(i, o),
            self._relabel_help(i, o, new),
            fix,
        )

    def _relabel_help(self, i: int, o: Ordinal, new: str) -> str:
        """The help of a label out of sequence: relabel it; and what the hints
        of :meth:`_hints` call for with it (the entry before it ending with ','
        as a section's last does ends with ';' once this one follows it; a
        label that continues an earlier list may be moved back there)."""
        tok = self.tokens[i]
        before = self.tokens[i - 1] if i > 0 else None
        comma = (
            before is not None and bool(before.raw) and end_mark(before.entry.text)[0] in _COMMAS
        )
        moved = _continues(self.lst, o, self.kind, self.all_lists) if i > 0 else None
        back = moved is not None and moved[0].section < self.lst.section
        if back and comma:
            assert moved is not None and before is not None
            return tr(
                "move {label} to the end of {other}, whose list it continues, or relabel it "
                "{expected} and end {previous} with ';'",
                label=tok.raw,
                other=_where(moved[0]),
                expected=new,
                previous=before.raw,
            )
        if comma:
            assert before is not None
            return tr(
                "relabel {label} as {expected}, and end {previous} with ';'",
                label=tok.raw,
                expected=new,
                previous=before.raw,
            )
        return tr("relabel {label} as {expected}", label=tok.raw, expected=new)

    def report_glued(self, i: int, glued: list[str], skipped: list[str]) -> None:
        """The labels ``glued`` of the gap ``skipped`` before token ``i`` are
        written inside the text before it; the rest of the gap (a hole among
        them, or labels after them) is said missing in the same finding."""
        tok = self.tokens[i]
        before = self._prev_raw(i)
        gone = _some(glued, skipped)
        absent = [label for label in skipped if label not in glued]
        values = {
            "noun": self.noun,
            "label": tok.raw,
            "previous": before,
            "where": self.where,
            "missing": gone,
        }
        if len(glued) == 1:
            message = tr(
                "{noun} {label} follows {previous} in {where}: {missing} is written inside the "
                "text of {previous}, run together as a conversion leaves them",
                **values,
            )
        else:
            message = tr(
                "{noun} {label} follows {previous} in {where}: {missing} are written inside the "
                "text of {previous}, run together as a conversion leaves them",
                **values,
            )
        fix = tr(
            "split the text of {previous} at {missing} into {nouns} of their own",
            previous=before,
            missing=gone,
            nouns=self.nouns,
        )
        if absent:
            lost = _some(absent, skipped)
            if len(absent) == 1:
                # TRANSLATORS: added to a message saying which labels are inside a text
                more = tr("; {missing} is missing", missing=lost)
            else:
                more = tr("; {missing} are missing", missing=lost)
            message += more
            # TRANSLATORS: added to "split the text of ... into ... of their own"
            fix += tr(", and restore {missing} from the published text", missing=lost)
        self._add("numbering-gap", tok, message, fix, None, explained=True)

    def report_glued_rest(self, i: int, glued: list[str], rest: list[str]) -> None:
        """The labels of a gap after those written inside the text before
        (which ``conversion-artefact`` reports there): missing."""
        tok = self.tokens[i]
        before = self._prev_raw(i)
        values = {
            "noun": self.noun,
            "label": tok.raw,
            "previous": glued[-1],
            "where": self.where,
            "missing": _missing(rest),
            "inside": before,
        }
        if len(rest) == 1:
            message = tr(
                "{noun} {label} follows {previous} (inside the text of {inside}, with the "
                "labels before it) in {where}: {missing} is missing",
                **values,
            )
        else:
            message = tr(
                "{noun} {label} follows {previous} (inside the text of {inside}, with the "
                "labels before it) in {where}: {missing} are missing",
                **values,
            )
        self._add(
            "numbering-gap",
            tok,
            message,
            tr(
                "restore {missing} from the published text, or relabel {label} as {expected}",
                missing=_missing(rest),
                label=tok.raw,
                expected=rest[0],
            ),
            None,
            explained=True,
        )

    def report_between(self, i: int, y: Ordinal) -> None:
        """Token ``i`` (taken as written) is the wrong one: the next does not follow it."""
        tok, nxt = self.tokens[i], self.tokens[i + 1]
        self.consumed.add(i)
        self.out.anomalies.add(tok.entry.path)
        new = self.label(y)
        before = self._prev_raw(i)
        if before:
            message = tr(
                "{noun} {label} comes between {previous} and {next} in {where}; "
                "expected {expected}",
                noun=self.noun,
                label=tok.raw,
                previous=before,
                next=nxt.raw,
                where=self.where,
                expected=new,
            )
        else:
            message = tr(
                "{noun} {label} comes before {next} in {where}; expected {expected}",
                noun=self.noun,
                label=tok.raw,
                next=nxt.raw,
                where=self.where,
                expected=new,
            )
        self._add(
            "numbering-gap",
            tok,
            message,
            tr("relabel {label} as {expected}", label=tok.raw, expected=new),
            Fix(relabel=((tok.entry.path, new),)),
        )

    def report_swap(self, i: int, j: int) -> None:
        a, b = self.tokens[i], self.tokens[j]
        assert a.raw is not None and b.raw is not None and a.ordinal and b.ordinal
        new_a, new_b = self.label(b.ordinal), self.label(a.ordinal)
        self.out.anomalies.add(b.entry.path)
        self.out.swapped[a.entry.path] = b.entry.path
        self.out.swapped[b.entry.path] = a.entry.path
        self._add(
            "numbering-gap",
            a,
            tr(
                "{nouns} {first} and {second} of {where} are in the wrong order",
                nouns=self.nouns,
                first=a.raw,
                second=b.raw,
                where=self.where,
            ),
            tr(
                "relabel {first} as {first_new} and {second} as {second_new} (or, if the "
                "labels are right, swap the two {nouns})",
                first=a.raw,
                first_new=new_a,
                second=b.raw,
                second_new=new_b,
                nouns=self.nouns,
            ),
            Fix(relabel=((a.entry.path, new_a), (b.entry.path, new_b))),
            (
                Place(
                    b.path,
                    tr(
                        "{noun} {label}, the other of the two",
                        noun=self.noun,
                        label=b.raw,
                    ),
                ),
            ),
        )

    def report_nested(self, i: int, end: int, prev: Ordinal | None) -> int:
        run = self.tokens[i:end]
        # (the entry the run belongs in ends with ':' as its place calls for:
        # punctuation leaves it; the run's own ends are a list's, nested or not)
        self.out.anomalies.add(run[0].entry.path)
        self.consumed.update(range(i, end))
        if _merged_before(self.lst, run[0].entry, self.kind, self.scan, self.language):
            # the sub-list of a clause of the operative part merged into the
            # entry before: conversion-artefact reports that part, which
            # these entries belong to (not to be nested in the entry)
            return end
        parent = self._prev_raw(i) or tr("the entry before")
        raws = _span([t.raw or "" for t in run])
        colon = end_mark(self.tokens[i - 1].entry.text)[0] in _COLONS
        values = {
            "noun": self.noun,
            "nouns": self.nouns,
            "labels": raws,
            "where": self.where,
            "parent": parent,
        }
        if len(run) > 1 and colon:
            message = tr(
                "{nouns} {labels} of {where} follow {parent}, which ends with ':': they look "
                "like the list nested in {parent}, written at its level",
                **values,
            )
        elif len(run) > 1:
            message = tr(
                "{nouns} {labels} of {where} follow {parent}: they look like the list nested "
                "in {parent}, written at its level",
                **values,
            )
        elif colon:
            message = tr(
                "{noun} {labels} of {where} follows {parent}, which ends with ':': it looks "
                "like the list nested in {parent}, written at its level",
                **values,
            )
        else:
            message = tr(
                "{noun} {labels} of {where} follows {parent}: it looks like the list nested "
                "in {parent}, written at its level",
                **values,
            )
        help_ = tr(
            "move {labels} under {parent} (as the {nouns} of {parent})",
            labels=raws,
            parent=parent,
            nouns=self.nouns,
        )
        relabel = self._nested_relabel(run)
        if relabel:
            # a label of the run out of its own sequence (v) for iv)): said in
            # this finding, which moves the run (one defect of the editor's split)
            wrong, right = relabel[0]
            message += tr(
                " ({label} follows {previous}: expected {expected})",
                label=wrong.raw,
                previous=run[run.index(wrong) - 1].raw,
                expected=right,
            )
            help_ += tr(
                ", and relabel {labels} as {expected}",
                labels=all_of([t.raw or "" for t, _ in relabel]),
                expected=all_of([new for _, new in relabel]),
            )
        self._add(
            "numbering-style",
            run[0],
            message,
            help_,
            Fix(nest=tuple(t.entry.path for t in run)),
            tuple(
                Place(t.path, tr("{noun} {label}", noun=self.noun, label=t.raw)) for t in run[1:]
            ),
        )
        return end

    def _nested_relabel(self, run: list[_Token]) -> list[tuple[_Token, str]]:
        """The labels of a run of roman numerals written at its parent's level
        (:meth:`nested_run`: increasing from i), not always by one) that are
        not the run's own next numeral, each with the numeral it should be
        (``v)`` after ``iii)``: ``iv)``); the first label is i). Numerals
        skipped because they are written inside the text before (``i) … ;
        ii) … ; iii) …`` then ``v)``: ``conversion-artefact`` reports them)
        are no slip of the label after them."""
        out: list[tuple[_Token, str]] = []
        expected = 1
        for n, t in enumerate(run):
            read = lb.read(t.raw, roman=True) if t.raw else None
            if read is None or read.kind != "roman":
                return []  # (a run of the list's own kind: in sequence, by its making)
            value = read.parts[0]
            if value != expected:
                text = f" {run[n - 1].entry.text} " if n else ""
                skipped = [lb.render("roman", (k,), 0, like=read) for k in range(expected, value)]
                if not skipped or not all(f" {m} " in text for m in skipped):
                    out.append((t, lb.render("roman", (expected,), 0, like=read)))
                    value = expected
            expected = value + 1
        return out

    def _heading_before(self, i: int) -> bool:
        """Whether the text before token ``i`` (the last entry nested in the
        one before) ends with a preambular heading run into it."""
        if i == 0 or self.lst.part != "preamble" or self.lst.parent is not None:
            return False
        last = self.tokens[i - 1].entry
        while last.children:
            last = last.children[-1]
        return _run_in_heading(self.lst, last.text, self.language) is not None

    def report_restart(self, i: int, prev: Ordinal | None) -> None:
        tok = self.tokens[i]
        assert tok.raw is not None and prev is not None
        after = self._prev_raw(i)
        if self.lst.parent is not None:
            # a nested list has no heading to miss: it goes on
            old, relabel, _, _ = self._renumber(i, self.succ(prev)[0])
            self._add(
                "numbering-duplicate",
                tok,
                tr(
                    "{noun} {label} starts {where} again after {previous}",
                    noun=self.noun,
                    label=tok.raw,
                    where=self.where,
                    previous=after,
                ),
                tr(
                    "relabel {labels} as {new_labels}",
                    labels=_span(old),
                    new_labels=_span([n for _, n in relabel]),
                ),
                Fix(relabel=tuple(relabel)),
            )
            return
        if self.lst.part == "annex":
            # an annex has no section headings: its list starts again under a
            # sub-heading of its own (an unlabelled paragraph, left out of the
            # walk), or as a table's cells converted as paragraphs
            if tok.index == 0 or self.lst.entries[tok.index - 1].label is not None:
                self.restarts.append((i, after))
            return
        last = self.tokens[i - 1].entry
        while last.children:
            last = last.children[-1]
        if _merged_heading(last.text, self.scan, self.language):
            return  # the heading is run into the text before: conversion-artefact reports it
        values = {"noun": self.noun, "label": tok.raw, "where": self.where, "previous": after}
        run_in = _run_in_heading(self.lst, last.text, self.language)
        if run_in is not None:
            start, heading, verb = run_in
            self._add(
                "numbering-duplicate",
                tok,
                tr(
                    "{noun} {label} starts the list of {where} again after {previous}: the "
                    "heading {heading} of the next section is run into the end of the text "
                    "before it",
                    heading=repr(heading),
                    **values,
                ),
                _take_heading(self.noun, tok.raw, heading, verb),
                Fix(split=tok.entry.path),
                (_heading_place(last, start, heading),),
                explained=True,
            )
            return
        if end_mark(last.text)[0] is None:
            message = tr(
                "{noun} {label} starts the list of {where} again after {previous}: is a "
                "section heading missing before it? (the text before ends with no mark: is "
                "the heading run into it?)",
                **values,
            )
        else:
            message = tr(
                "{noun} {label} starts the list of {where} again after {previous}: is a "
                "section heading missing before it?",
                **values,
            )
        self._add(
            "numbering-duplicate",
            tok,
            message,
            _add_section(self.noun, tok.raw),
            Fix(split=tok.entry.path),
            (
                Place(
                    self.tokens[0].path,
                    tr(
                        "{noun} {label}, where the list starts",
                        noun=self.noun,
                        label=self.tokens[0].raw,
                    ),
                ),
            )
            if self.tokens[0].raw
            else (),
            explained=True,
        )

    def report_annex_restarts(self) -> None:
        """The places where an annex's list starts again (:attr:`restarts`),
        one finding at the first, the others related: one defect, a table
        converted as paragraphs (the text before one of them names a table,
        "Table 1: SWOT analysis …": said so) or the annex's sub-headings lost."""
        (first, after), *more = self.restarts
        tok = self.tokens[first]
        table: tuple[Entry, re.Match[str]] | None = None
        for i, _ in self.restarts:
            last = self.tokens[i - 1].entry
            while last.children:
                last = last.children[-1]
            found = _table_caption(last.text)
            if found is not None:
                table = last, found
                break
        values = {
            "noun": self.noun,
            "nouns": self.nouns,
            "label": tok.raw,
            "where": self.where,
            "previous": after,
            "others": all_of([a or "" for _, a in more]) if more else "",
        }
        related = tuple(
            Place(
                self.tokens[i].path,
                tr(
                    "{noun} {label}, the list started again after {previous}",
                    noun=self.noun,
                    label=self.tokens[i].raw,
                    previous=a,
                ),
            )
            for i, a in more
        )
        if table is not None:
            entry, m = table
            values["table"] = repr(short(entry.text[m.start() :], 5))
            if more:
                message = tr(
                    "{noun} {label} starts the list of {where} again after {previous}, and "
                    "again after {others}: the text before names a table ({table}), whose "
                    "cells look converted as {nouns}",
                    **values,
                )
            else:
                message = tr(
                    "{noun} {label} starts the list of {where} again after {previous}: the text "
                    "before names a table ({table}), whose cells look converted as {nouns}",
                    **values,
                )
            help_ = tr(
                "put the table's rows in the text after {table}, as published, in place of "
                "the {nouns} its cells were converted to (from this {noun} {label} on)",
                **values,
            )
            related = (
                Place(
                    (*entry.path, "text"),
                    tr("the table named here"),
                    offset=m.start(),
                    length=m.end() - m.start(),
                ),
                *related,
            )
        else:
            if more:
                message = tr(
                    "{noun} {label} starts the list of {where} again after {previous}, and "
                    "again after {others}: in an annex, a table converted as {nouns}, or the "
                    "annex's sub-headings lost?",
                    **values,
                )
            else:
                message = tr(
                    "{noun} {label} starts the list of {where} again after {previous}: in an "
                    "annex, a table converted as {nouns}, or a sub-heading of the annex lost?",
                    **values,
                )
            help_ = tr(
                "compare with the published text: put a table's rows in the text; write a "
                "lost sub-heading as an unlabelled {noun} before the {noun} that starts the "
                "list again",
                **values,
            )
        self._add("numbering-duplicate", tok, message, help_, None, related, explained=True)

    def _renumber(
        self, i: int, x: Ordinal
    ) -> tuple[list[str], list[tuple[Path, str]], int, Ordinal]:
        """Token ``i`` relabelled ``x`` and the labels after it that follow it
        renumbered with the same steps (next, insertion, up or down a level),
        up to the first that the renumbering leaves as it is or that did not
        follow. Returns the labels as written, the changes, the token where the
        renumbering stops and the last label it gives (:meth:`_steps`, its
        labels written)."""
        steps, k, new = self._steps(i, x)
        tokens = self.tokens
        old = [tokens[n].raw or "" for n, _ in steps]
        relabel = [(tokens[n].entry.path, self.label(o)) for n, o in steps]
        return old, relabel, k, new

    def _steps(self, i: int, x: Ordinal) -> tuple[list[tuple[int, Ordinal]], int, Ordinal]:
        """The renumbering of :meth:`_renumber` as ordinals: the tokens
        renumbered with the label each gets, the token where it stops and
        the last label it gives. The explanations weigh a renumbering by
        these alone: writing the labels is left to the one reported."""
        out: list[tuple[int, Ordinal]] = []
        before: Ordinal | None = None
        new: Ordinal = x
        k = i
        tokens = self.tokens
        kind = self.kind
        while k < len(tokens):
            t = tokens[k]
            o = t.ordinal
            if o is None:
                if t.blank:
                    k += 1
                    continue
                break
            if before is not None:
                steps = lb.successors(before, kind)
                if o not in steps:
                    break
                ahead = lb.successors(new, kind)
                step = steps.index(o)
                if len(before[0]) != len(new[0]):
                    # a run written a level too deep or too shallow (1.1,
                    # 1.2 for 1, 2): the next label, an insertion and a step
                    # down keep their meaning at the other depth; a step up
                    # leaves the run (the label after it is read as written)
                    downs = len(steps) - 1 if kind == "number" else -1
                    if step == downs:
                        step = len(ahead) - 1
                    elif step > 1:
                        break
                if step >= len(ahead):
                    break
                if ahead[step] == o:
                    break  # from here on the labels are right as written
                new = ahead[step]
            before = o
            out.append((k, new))
            k += 1
        return out, k, new

    def report_renumber(self, i: int, prev: Ordinal | None, x: Ordinal) -> None:
        """Labels renumbered from token ``i`` on: items missing before it (a
        label jumping ahead), or an entry inserted with a label already used."""
        tok = self.tokens[i]
        o = tok.ordinal
        assert o is not None and tok.raw is not None
        old, relabel, _, _ = self._renumber(i, x)
        for path, _ in relabel[1:]:
            self.out.anomalies.add(path)
        news = [n for _, n in relabel]
        change = {"labels": _span(old), "new_labels": _span(news)}
        after = self._prev_raw(i)
        forward = o[1] == 0 and x[1] == 0 and x[0][:-1] == o[0][:-1] and x[0][-1] < o[0][-1]
        if forward:
            # (the first and last of a long gap only: "2 to 999999998" is
            # said without writing the labels between, nor counting them)
            lo, hi = x[0][-1], o[0][-1]
            numbers = range(lo, hi) if hi - lo <= 2 else (lo, lo + 1, hi - 1)
            missing = [self.label(((*x[0][:-1], n), 0)) for n in numbers]
            gone = _missing(missing)
            values = {
                "noun": self.noun,
                "label": tok.raw,
                "where": self.where,
                "previous": after,
                "missing": gone,
            }
            one = len(missing) == 1
            if prev is None and one:
                head = tr("{noun} {label} starts {where}: {missing} is missing", **values)
            elif prev is None:
                head = tr("{noun} {label} starts {where}: {missing} are missing", **values)
            elif one:
                head = tr(
                    "{noun} {label} follows {previous} in {where}: {missing} is missing", **values
                )
            else:
                head = tr(
                    "{noun} {label} follows {previous} in {where}: {missing} are missing",
                    **values,
                )
            if one:
                help_ = tr(
                    "relabel {labels} as {new_labels}, or restore the missing {noun} {missing}",
                    noun=self.noun,
                    missing=gone,
                    **change,
                )
            else:
                help_ = tr(
                    "relabel {labels} as {new_labels}, or restore the missing {nouns} {missing}",
                    nouns=self.nouns,
                    missing=gone,
                    **change,
                )
            self._add(
                "numbering-gap",
                tok,
                head + self._hints(i, o),
                help_,
                Fix(relabel=tuple(relabel)),
            )
            return
        twin = next((t for t in self.tokens if t is not tok and t.written == tok.written), None)
        if twin is not None:
            self._add(
                "numbering-duplicate",
                tok,
                self._twice(tok, after, self.label(x)),
                tr(
                    "relabel {labels} as {new_labels} (an entry inserted without renumbering "
                    "the ones after it)",
                    **change,
                ),
                Fix(relabel=tuple(relabel)),
                (self._other(twin),),
            )
            return
        self._add(
            "numbering-gap",
            tok,
            self._out_of_sequence(tok, prev, after, self.label(x)) + self._hints(i, o),
            tr("relabel {labels} as {new_labels}", **change),
            Fix(relabel=tuple(relabel)),
        )


def _run_in_heading(lst: LabelledList, text: str, language: str) -> tuple[int, str, str] | None:
    """A preambular heading run into the end of ``text``, an entry of the
    preamble's list ``lst`` ("..., noting also": see
    :meth:`itures.model.vocabulary.Verbs.run_into_end`, the shipped
    vocabulary): where it starts, as written, and its verb."""
    if lst.part != "preamble" or lst.parent is not None:
        return None
    return shipped_verbs().run_into_end(text, "preamble", language)


def _take_heading(noun: str, label: str | None, heading: str, verb: str) -> str:
    """The help that moves a heading run into a text to a section of its own."""
    return tr(
        "delete {heading} from the end of the text before {noun} {label}, and start a "
        "section before {noun} {label} with it: 'verb: {verb}', 'heading: {heading_text}'",
        heading=repr(heading),
        noun=noun,
        label=label,
        verb=verb,
        heading_text=heading,
    )


def _heading_place(entry: Entry, start: int, heading: str) -> Place:
    return Place(
        (*entry.path, "text"),
        tr("the heading {heading}, run into the text", heading=repr(heading)),
        offset=start,
        length=len(heading),
    )


def _add_section(noun: str, label: str | None) -> str:
    """The help that asks for a missing section heading before an entry."""
    return tr(
        "add the missing section (its verb and heading) before {noun} {label}",
        noun=noun,
        label=label,
    )


# the caption of a table in a text ("Table 1: SWOT analysis", "TABLEAU 2",
# "Cuadro 3"): a list that starts again after it is the table's cells
_TABLE_CAPTION = re.compile(
    r"\b(?:Table|TABLE|Tableau|TABLEAU|Cuadro|CUADRO|Tabla|TABLA|Таблица|ТАБЛИЦА)"
    r"\s+[0-9]+[A-Za-z]?\b"
)


def _table_caption(text: str) -> re.Match[str] | None:
    """The last table caption in ``text`` (the one nearest the list after it)."""
    found = list(_TABLE_CAPTION.finditer(text))
    return found[-1] if found else None


def _unlabelled(noun: str) -> str:
    return tr("the unlabelled {noun}", noun=noun)


def _span(labels: list[str]) -> str:
    if len(labels) <= 3:
        return ", ".join(labels)
    return f"{labels[0]} … {labels[-1]}"


def _tokens(lst: LabelledList, out: Analysis) -> tuple[list[_Token], list[lb.Label | None]]:
    """The entries of a list as tokens, with their labels read (the label left
    at the start of an unlabelled entry's text included)."""
    tokens: list[_Token] = []
    annex = lst.part == "annex"
    for i, e in enumerate(lst.entries):
        if e.label is not None or annex:
            tokens.append(_Token(e, i, e.label))
            continue
        left = lb.leading_label(e.text)
        if left is None:
            tokens.append(_Token(e, i, None))
            continue
        raw, reported = left
        tokens.append(_Token(e, i, raw, True))
        if not reported and not _artefact_reports(lst, e):
            out.defects.append(
                Defect(
                    "numbering-style",
                    Finding(
                        (*e.path, "text"),
                        tr(
                            "{noun} {number} of {where} has no label, and its text starts "
                            "with '{label}'",
                            noun=noun_tr(lst.noun),
                            number=i + 1,
                            where=_where(lst),
                            label=raw,
                        ),
                        offset=len(e.text) - len(e.text.lstrip()),
                        length=len(raw),
                        help=tr("move '{label}' from the start of the text to 'label'", label=raw),
                    ),
                )
            )
    fixed: lb.Kind | None = None
    if lst.parent is None and not annex:
        fixed = "letter" if lst.part == "preamble" else "number"
    return tokens, lb.read_list([t.raw for t in tokens], fixed)


# a number at the start of a text, a blank and no digit after it ("1 RAG, TSAG
# and TDAG to continue": "1 000 participants" is text): what a label left there
# looks like, whatever its next word starts with
_LEFT_NUMBER = re.compile(r"\s*\(?([0-9]{1,2}(?:\.[0-9]{1,2})*)\)?\s+(?=[^\s0-9])")


def _ordinal(label: str | None) -> Ordinal | None:
    read = lb.read(label) if label else None
    return None if read is None or read.kind != "number" else (read.parts, read.ins)


def expected_left(lst: LabelledList, entry: Entry) -> str | None:
    """The number the unlabelled ``entry`` of ``lst`` has left at the start of
    its text, when it is the label the list expects there, whatever follows
    it ("1 RAG, TSAG and TDAG to continue …", the first clause of 'invites'
    before clause 2): the labelled entry before it is followed by that
    number (or, first in its list, it is where the list starts) and the
    labelled entry after it, if any, follows it; at least one of the two is
    there to say so. None otherwise: no number there, a preambular list
    (lettered), or a number the list does not expect there ("3 Member
    States", a count, as the first clause).

    ``conversion-artefact`` reports such a label left in the text; the
    numbering reads the entry with that label and leaves the finding to it
    (:func:`_artefact_reports`)."""
    if entry.label or (lst.parent is None and lst.part == "preamble"):
        return None
    m = _LEFT_NUMBER.match(entry.text)
    if m is None:
        return None
    o = _ordinal(m.group(1))
    if o is None:
        return None
    entries = lst.entries
    n = next((k for k, e in enumerate(entries) if e is entry), -1)
    if n < 0:
        return None
    before = _ordinal(entries[n - 1].label) if n > 0 else None
    after = _ordinal(entries[n + 1].label) if n + 1 < len(entries) else None
    if n > 0 and (before is None or o not in lb.successors(before, "number")):
        return None
    if n == 0 and o != (_nested_start(lst, o) if len(o[0]) > 1 else _ONE):
        return None
    if n + 1 < len(entries) and after is not None and after not in lb.successors(o, "number"):
        return None
    if before is None and after is None:
        return None  # (nothing around it says which label the list expects)
    return m.group(1)


def _artefact_reports(lst: LabelledList, entry: Entry) -> bool:
    """Whether ``conversion-artefact`` reports the label left at the start of
    the text of the unlabelled ``entry`` (then that is the finding: one
    defect)."""
    # (as conversion-artefact's _label_finding reads it, from the module both use)
    return lb.text_label(entry.label, entry.text) is not None or (
        not entry.label and expected_left(lst, entry) is not None
    )


def _in_sequence(tokens: list[_Token], start: Ordinal, kind: lb.Kind) -> bool:
    """Whether every entry has a label of the list's kind and each follows
    the one before as :meth:`_Walk.run` expects it (the first is ``start``):
    then the walk would find nothing (most lists)."""
    prev: Ordinal | None = None
    for tok in tokens:
        o = tok.ordinal
        if o is None or tok.blank:
            return False
        if prev is None:
            if o != start:
                return False
        elif o not in lb.successors(prev, kind):
            return False
        prev = o
    return True


def _labelled_in_sequence(lst: LabelledList) -> bool:
    """Whether every entry of the list has a label (or, unlabelled, starts its
    text with one that ``conversion-artefact`` reports), all read as labels of
    one kind (the kind its place calls for, if any) in one script, each
    following the one before from where the list starts: what
    :func:`_analyse_list` passes over (:func:`_in_sequence`) without a finding,
    told without making the tokens (most lists).

    The answer depends only on the labels, on whether the list's place fixes
    its kind and on its parent's label: it is memoised on these
    (:func:`_labels_in_sequence`), since the same lists of labels (a) to e),
    1 to 4) recur in every resolution of a corpus."""
    return _raws_in_sequence(lst, [e.label for e in lst.entries])


# the lists of labels most lists are a beginning of (a), b), … and 1, 2, …)
_LETTERS = [f"{c})" for c in lb.LATIN]
_NUMBERS = [str(n) for n in range(1, 100)]


def _raws_in_sequence(lst: LabelledList, raws: list[str | None]) -> bool:
    """:func:`_labelled_in_sequence` of ``lst``, its entries' labels ``raws``
    (a list of its own: the labels left in the texts are put in it).

    A list that is a beginning of a), b), … or of 1, 2, … (most lists) is
    told at once: read as a whole it is a list of letters (of numbers) in
    sequence, in one script, from where any list of its kind starts (a
    number without a decimal part starts a list under any parent), so that
    it is in sequence unless its place calls for the other kind."""
    if None in raws:
        if lst.part == "annex":
            return False
        entries = lst.entries
        while None in raws:  # (the unlabelled entries found by C scans: often one)
            n = raws.index(None)
            left = lb.leading_label(entries[n].text)
            if left is None or not left[1]:
                return False  # a blank, or a label left in the text the numbering reports
            raws[n] = left[0]
    parent = lst.parent
    fixed: lb.Kind | None = None
    if parent is None and lst.part != "annex":
        fixed = "letter" if lst.part == "preamble" else "number"
    if raws:
        first = raws[0]
        if first == "a)" and raws == _LETTERS[: len(raws)]:
            return fixed != "number"
        if first == "1" and raws == _NUMBERS[: len(raws)]:
            return fixed != "letter"
    return _labels_in_sequence(
        tuple(raws),  # (no None left)
        fixed,
        None if parent is None else parent.label,
    )


@functools.lru_cache(maxsize=16384)
def _labels_in_sequence(
    raws: tuple[str, ...], fixed: lb.Kind | None, parent_label: str | None
) -> bool:
    """:func:`_labelled_in_sequence` of a list of labels ``raws`` (left in
    their texts included), ``fixed`` the kind its place calls for, the
    label of the entry it is nested in ``parent_label``."""
    read = lb.read_list(list(raws), fixed)
    head = read[0]
    if head is None or (fixed is not None and head.kind != fixed):
        return False
    kind = head.kind
    for r in read:
        if r is None or r.kind != kind:
            return False
    if lb.foreign(list(raws)):
        return False
    first: Ordinal = (head.parts, head.ins)
    start: Ordinal = ((1,), 0)
    if kind == "number" and len(first[0]) > 1 and parent_label:
        start = _start_under(lb.read(parent_label), first)
    if first != start:
        return False
    prev = first
    for r in read[1:]:
        assert r is not None
        o: Ordinal = (r.parts, r.ins)
        if o not in lb.successors(prev, kind):
            return False
        prev = o
    return True


def _start_under(parent: lb.Label | None, first: Ordinal) -> Ordinal:
    """Where a list of numbers with a decimal part ("1.1") nested in an entry
    labelled ``parent`` starts: under a number, at its first ("1.1" under
    "1"); under a label that is no number ("a)" where clauses are numbered,
    which numbering-style reports), at the first of the prefix its first
    label writes ("1.1": a list "1.1, 1.3" has 1.2 missing, and its start is
    not said wrong for its parent's label)."""
    if parent is not None and parent.kind == "number":
        return ((*parent.parts, 1), 0)
    return ((*first[0][:-1], 1), 0)


def _nested_start(lst: LabelledList, first: Ordinal) -> Ordinal:
    """:func:`_start_under` of ``lst``'s parent entry (a top-level list: from
    1; an entry without a label, which numbering-style reports: the prefix
    its list's first label writes, "2.1, 2.2" under the unlabelled entry
    between 1 and 3, not "relabel them 1, 2")."""
    parent = lst.parent
    if parent is None:
        return ((1,), 0)
    return _start_under(lb.read(parent.label) if parent.label else None, first)


def _analyse_list(
    lst: LabelledList,
    all_lists: list[LabelledList],
    out: Analysis,
    scan: textscan.Scans | None = None,
    language: str = "",
) -> None:
    """The defects of one list, added to ``out`` (``scan``, ``language``: the
    file's, for :func:`_merged_heading`)."""
    raws = [e.label for e in lst.entries]
    if raws.count(None) == len(raws):  # no label (or no entry)
        return
    if _raws_in_sequence(lst, raws):
        return  # every entry labelled, each label the next: nothing to explain or report
    tokens, read = _tokens(lst, out)
    bullets = [i for i, t in enumerate(tokens) if t.raw and not t.in_text and lb.bullet(t.raw)]
    if bullets:
        # points of a bulleted list, their bullet kept as a label: one finding
        # for them, and the list's numbering read without them
        _report_bullets(lst, tokens, bullets, out)
    fixed: lb.Kind | None = None
    if lst.parent is None and lst.part != "annex":
        fixed = "letter" if lst.part == "preamble" else "number"
    # the labels of an operative part merged into an entry, split out of its
    # text at this list's level: that part's, not this list's
    skip = set(bullets) | _merged_part(tokens, read, fixed, scan, language)
    if len(skip) > len(bullets):
        _merged_forms(
            lst, [t.entry for t in tokens if t.index in skip and t.index not in bullets], out
        )
    if len(skip) == sum(1 for t in tokens if t.raw):
        return
    other_script = lb.foreign([t.raw for t in tokens])
    abjad = bool(other_script) and any(
        t.raw and "ARABIC" in lb.scripts_of(t.raw)
        for i, t in enumerate(tokens)
        if i not in other_script
    )

    # the kind of the list
    if other_script:
        readable = [
            (t, r)
            for i, (t, r) in enumerate(zip(tokens, read, strict=True))
            if r and i not in other_script
        ]
    else:
        readable = [(t, r) for t, r in zip(tokens, read, strict=True) if r]
    if skip:
        readable = [(t, r) for t, r in readable if t.index not in skip]
    kinds = [r.kind for _, r in readable]
    report_kind = True
    main: lb.Kind
    if not kinds:
        main = fixed or "number"
    elif fixed is not None and fixed not in kinds:
        t, r = readable[0]
        if _roman_run_after_colon(tokens, t.index):
            # i), ii), … after an entry ending with ':', the list's only labels:
            # the list nested in that entry, written at its level (not a
            # section of the other part)
            walk = _Walk(lst, all_lists, tokens, fixed, _ONE, None, out, scan, language)
            walk.report_nested(t.index, len(tokens), None)
            return
        nouns = _nouns(lst.noun)
        values = {"nouns": nouns, "where": _where(lst), "label": r.raw, "style": _KIND_LIST[fixed]}
        if fixed == "letter":
            message = tr(
                "the {nouns} of {where} are labelled '{label}', …; preambular sections are "
                "lettered {style} (is a heading missing, or the section in the wrong part?)",
                **values,
            )
            help_ = tr(
                "relabel the {nouns} {style}, or move the section to the operative part",
                nouns=nouns,
                style=_KIND_LIST[fixed],
            )
        else:
            message = tr(
                "the {nouns} of {where} are labelled '{label}', …; operative sections are "
                "numbered {style} (is a heading missing, or the section in the wrong part?)",
                **values,
            )
            help_ = tr(
                "relabel the {nouns} {style}, or move the section to the preamble",
                nouns=nouns,
                style=_KIND_LIST[fixed],
            )
        if not _merged_before(lst, t.entry, fixed, scan, language):
            out.defects.append(Defect("numbering-style", Finding(t.path, message, help=help_)))
        main = _most(kinds)
        report_kind = False
    else:
        main = fixed or _most(kinds)

    like = next((r for _, r in readable if r.kind == main), None)
    wrong_kind: list[int] = []
    unreadable: list[int] = []
    other_letters: list[int] = []
    first: Ordinal | None = None
    for i, (tok, label) in enumerate(zip(tokens, read, strict=True)):
        if tok.raw is None or i in skip:
            continue
        if i in other_script:
            # (a look-alike letter is the lookalike rule's, in a list of a script
            # it looks alike in: a Latin 'a)' among Arabic letters looks like none)
            if not lb.looks_alike(tok.raw) or abjad:
                other_letters.append(i)  # the lookalike rule leaves it to numbering
            continue
        if label is None:
            unreadable.append(i)
        elif label.kind != main:
            wrong_kind.append(i)
        else:
            tok.ordinal = tok.written = (label.parts, label.ins)
            if first is None:
                first = tok.ordinal

    # where the list starts
    start: Ordinal = ((1,), 0)
    if main == "number" and first is not None and len(first[0]) > 1:
        start = _nested_start(lst, first)

    if not (wrong_kind or unreadable or other_letters or skip):
        if _in_sequence(tokens, start, main):
            return  # every entry labelled, each label the next: nothing to explain or report
        if _too_deep(lst, tokens, main, start, out):
            return

    # annex paragraphs without a label are prose between numbered ones
    walked = [t for t in tokens if not t.blank] if lst.part == "annex" else tokens
    if skip:
        walked = [t for t in walked if t.index not in skip]
    walk = _Walk(lst, all_lists, walked, main, start, like, out, scan, language)
    mark = len(out.defects)
    walk.run()
    _garbled(walk, mark)

    # findings on single labels: wrong kind, unreadable, unlabelled
    if walked is tokens:
        by_index: dict[int, int] | range = range(len(tokens))  # each token at its index
    else:
        by_index = {t.index: n for n, t in enumerate(walked)}

    def relabel(t: _Token, message: str, *, quoted: bool) -> None:
        """One numbering-style finding on a single label, with the label the
        whole list's reading gives it as the fix (when it gives one)."""
        n = by_index[t.index]  # (never a blank: in the walk)
        new = walk.label(walk.assigned[n]) if n in walk.assigned else None
        help_ = None
        if new and quoted:
            help_ = tr("relabel '{label}' as {expected}", label=t.raw, expected=new)
        elif new:
            help_ = tr("relabel {label} as {expected}", label=t.raw, expected=new)
        out.anomalies.add(t.entry.path)
        out.defects.append(
            Defect(
                "numbering-style",
                Finding(t.path, message, help=help_),
                Fix(relabel=((t.entry.path, new),)) if new else None,
            )
        )

    for i in wrong_kind:
        t, r2 = tokens[i], read[i]
        assert r2 is not None and t.raw is not None
        if not report_kind or by_index[i] in walk.consumed:
            continue
        if _merged_before(lst, t.entry, main, scan, language):
            continue  # a clause of the operative part merged into an entry before
        message = tr(
            "{noun} {label} of {where} is {kind} in a list labelled {style}; "
            "write it as {expected_kind}",
            noun=walk.noun,
            label=t.raw,
            where=walk.where,
            kind=_kind_word(r2.kind),
            style=_KIND_LIST[main],
            expected_kind=_kind_word(main),
        )
        relabel(t, message, quoted=False)
    for i in other_letters:
        t = tokens[i]
        message = tr(
            "label '{label}' of {where} is written in other letters than the "
            "other labels of the list",
            label=t.raw,
            where=walk.where,
        )
        relabel(t, message, quoted=True)
    for i in unreadable:
        t = tokens[i]
        if by_index[i] in walk.consumed:
            continue
        if any(c.isdigit() and not c.isascii() for c in t.raw or ""):
            # '٢', '２': a number, in digits of another script or width
            message = tr(
                "label '{label}' of {where} is written in other digits than ITU's (0 to 9)",
                label=t.raw,
                where=walk.where,
            )
        else:
            taken = _words_after_label(t.raw or "")
            n = by_index[t.index]
            new = walk.label(walk.assigned[n]) if n in walk.assigned else None
            if taken is not None and new == taken[0]:
                # "a) that": the label's line took the text's first words. The
                # fix would lose them: the help says where they go, no fix
                out.anomalies.add(t.entry.path)
                out.defects.append(
                    Defect(
                        "numbering-style",
                        Finding(
                            t.path,
                            tr(
                                "label '{label}' of {where} holds words after the label "
                                "{expected}: '{words}'",
                                label=t.raw,
                                where=walk.where,
                                expected=new,
                                words=taken[1],
                            ),
                            help=tr(
                                "relabel '{label}' as {expected} and write '{words}' at the "
                                "start of the text, where it was taken from (or delete it, if "
                                "it is not the text's)",
                                label=t.raw,
                                expected=new,
                                words=taken[1],
                            ),
                        ),
                    )
                )
                continue
            message = tr(
                "label '{label}' of {where} is not a number, a letter or a roman "
                "numeral; write it as published (a), abis), 1, 1.1, i))",
                label=t.raw,
                where=walk.where,
            )
        relabel(t, message, quoted=True)
    if lst.part != "annex":
        lead_in = False
        for t in walk.tokens:
            if not t.blank:
                continue
            n = by_index[t.index]
            new = walk.label(walk.assigned[n]) if n in walk.assigned else None
            nxt = walk.tokens[n + 1] if n + 1 < len(walk.tokens) else None
            if lead_in and n == 1 and new is None:
                new = walk.label(start)  # the first clause after the lead-in
            if (
                n == 0
                and lst.parent is None
                and nxt is not None
                and nxt.blank
                and new == walk.label(start)
                and end_mark(t.entry.text)[0] in _COLONS
            ):
                # the lead-in, then a clause whose label was lost: the walk
                # gave the lead-in the list's first label, which is the
                # clause's (below), and punctuation leaves the ':' alone
                lead_in = True
                out.anomalies.add(nxt.entry.path)
                continue
            if n == 0 and new is None and not report_kind:
                continue  # the finding on the list's kind asks for the heading
            if (
                n == 0
                and new is None
                and lst.parent is None
                and nxt is not None
                and not (nxt.raw and nxt.written == start)
                and end_mark(t.entry.text)[0] in _COLONS
            ):
                # the lead-in, the list after it out of order (its "1" moved,
                # or its label lost): the list's own finding says so, and
                # punctuation leaves the ':' alone, as below
                out.anomalies.add(nxt.entry.path)
                continue
            if (
                n == 0
                and new is None
                and lst.parent is None
                and nxt is not None
                and nxt.written == start
                and nxt.raw
            ):
                # a section of one unlabelled entry, then a list from 1 whose
                # heading is missing (often run into the entry's text); but an
                # entry ending with ':' is the section's lead-in, as ITU prints
                # it ("resolves that, pending …, the following shall apply:"
                # then 1, 2, 3; "instructs the Secretary-General, pursuant to
                # his initiative on this matter:" then 1, 2), the clauses at the
                # top level (cited so: "resolves 1"): nothing to report (the
                # entry after it kept among the anomalies, so that punctuation
                # leaves the lead-in's ':' alone)
                out.anomalies.add(nxt.entry.path)
                if end_mark(t.entry.text)[0] in _COLONS:
                    continue
                if _merged_heading(t.entry.text, scan, language):
                    continue  # the heading run into the entry: conversion-artefact reports it
                run_in = _run_in_heading(lst, t.entry.text, language)
                if run_in is not None:
                    at, heading, verb = run_in
                    out.defects.append(
                        Defect(
                            "numbering-style",
                            Finding(
                                nxt.path,
                                tr(
                                    "{noun} {label} of {where} follows an unlabelled {noun} "
                                    "whose text ends with the heading {heading} of the next "
                                    "section, run into it",
                                    noun=walk.noun,
                                    label=nxt.raw,
                                    where=walk.where,
                                    heading=repr(heading),
                                ),
                                # (an error, as the same heading run into a
                                # labelled entry is: numbering-duplicate's)
                                severity="error",
                                help=_take_heading(walk.noun, nxt.raw, heading, verb),
                                related=(
                                    Place(t.entry.path, _unlabelled(walk.noun)),
                                    _heading_place(t.entry, at, heading),
                                ),
                            ),
                            Fix(split=nxt.entry.path),
                        )
                    )
                    continue
                out.defects.append(
                    Defect(
                        "numbering-style",
                        Finding(
                            nxt.path,
                            tr(
                                "{noun} {label} of {where} follows an unlabelled {noun}: is a "
                                "section heading missing before {label} (or run into the text "
                                "before it)?",
                                noun=walk.noun,
                                label=nxt.raw,
                                where=walk.where,
                            ),
                            help=_add_section(walk.noun, nxt.raw),
                            related=(Place(t.entry.path, _unlabelled(walk.noun)),),
                        ),
                        Fix(split=nxt.entry.path),
                    )
                )
                continue
            out.defects.append(
                Defect(
                    "numbering-style",
                    Finding(
                        t.entry.path,
                        tr(
                            "{noun} {number} of {where} has no label while the others have one",
                            noun=walk.noun,
                            number=t.index + 1,
                            where=walk.where,
                        ),
                        help=tr("give it the label {expected}", expected=new)
                        if new
                        else tr(
                            "give it its label, or join it to the {noun} before if it continues it",
                            noun=walk.noun,
                        ),
                    ),
                    Fix(relabel=((t.entry.path, new),)) if new else None,
                )
            )


def _merged_part(
    tokens: list[_Token],
    read: list[lb.Label | None],
    fixed: lb.Kind | None,
    scan: textscan.Scans | None,
    language: str,
) -> set[int]:
    """The tokens of a top-level list that follow an entry whose text (or
    its last nested entry's) has an operative heading run into it, each
    labelled unlike the list's kind (``fixed``; a letter that is a roman
    numeral, ``v)``, read as one), up to the first entry unlabelled or
    labelled as the list is: the clauses of the operative part merged there
    (``…, resolves to instruct … 2 to … for this purpose to:`` then ``i)``,
    ``v)``, ``3.``, ``4.``), split out of that text at this list's level.
    ``conversion-artefact`` reports that part, once; they are not this
    list's to number (:func:`_merged_before`, for one entry)."""
    if fixed is None or all(r is None or r.kind == fixed for r in read):
        return set()  # (no label of another kind: most lists)
    found: set[int] = set()
    after = False
    for n, tok in enumerate(tokens):
        label = tok.entry.label
        if after:
            other = lb.read(label, roman=True) if label else None
            if other is not None and other.kind != fixed:
                found.add(n)
            else:
                after = False
        last = tok.entry
        while True:
            if _merged_heading(last.text, scan, language):
                after = True
                break
            if not last.children:
                break
            last = last.children[-1]
    return found


def _roman_run_after_colon(tokens: list[_Token], k: int) -> bool:
    """Whether the tokens from ``k`` on, the first labelled ones, are
    labelled i), ii), … in sequence, after an entry ending with ':' that has
    no nested list: the list nested in it, written at its level."""
    if k == 0 or any(t.raw for t in tokens[:k]):
        return False
    before = tokens[k - 1].entry
    if before.children or end_mark(before.text)[0] not in _COLONS:
        return False
    for n, t in enumerate(tokens[k:], 1):
        read = lb.read(t.raw, roman=True) if t.raw and not t.in_text else None
        if read is None or read.kind != "roman" or read.ins or read.parts != (n,):
            return False
    return True


def _too_deep(
    lst: LabelledList, tokens: list[_Token], kind: lb.Kind, start: Ordinal, out: Analysis
) -> bool:
    """Whether the nested ``lst``, every entry labelled, in sequence from a
    label that is not where a nested list starts but the next after its
    parent's (``ii)``, ``iii)`` under ``i)``; ``10`` under ``9``): its entries
    continue the list their parent is in, nested a level too deep, as an
    editor splitting them out of the parent's text may write them. One
    finding, which moves them out (not relabels them, nor joins them to the
    parent's text), added to ``out``."""
    parent = lst.parent
    first = tokens[0].ordinal if tokens else None
    if parent is None or not parent.label or first is None or first == start:
        return False
    read = lb.read(parent.label, roman=kind == "roman")
    if read is None or read.kind != kind or read.ins:
        return False
    if first not in lb.successors((read.parts, 0), kind)[:1] or not _in_sequence(
        tokens, first, kind
    ):
        return False
    labels = _span([t.raw or "" for t in tokens])
    values = {
        "noun": noun_tr(lst.noun),
        "nouns": _nouns(lst.noun),
        "labels": labels,
        "where": _where(lst),
        "parent": parent.label,
        "sequence": _span([parent.label, *(t.raw or "" for t in tokens)]),
    }
    if len(tokens) > 1:
        message = tr(
            "{nouns} {labels} of {where} continue the list {parent} is in ({sequence}): "
            "they are nested a level too deep, under {parent}",
            **values,
        )
    else:
        message = tr(
            "{noun} {labels} of {where} continues the list {parent} is in ({sequence}): "
            "it is nested a level too deep, under {parent}",
            **values,
        )
    out.anomalies.update(t.entry.path for t in tokens)
    out.cut.add(parent.path)  # (its end mark is the one its place calls for once they follow it)
    out.defects.append(
        Defect(
            "numbering-style",
            Finding(
                tokens[0].path,
                message,
                help=tr(
                    "move {labels} out of {parent}, to follow it at its level",
                    labels=labels,
                    parent=parent.label,
                ),
                related=tuple(
                    Place(t.path, tr("{noun} {label}", noun=values["noun"], label=t.raw))
                    for t in tokens[1:]
                ),
            ),
            explained=True,
        )
    )
    return True


def _merged_forms(lst: LabelledList, merged: list[Entry], out: Analysis) -> None:
    """One finding for the labels of a merged operative part's clauses
    (:func:`_merged_part`) written alike but not as ITU writes them ('3.',
    '4.' for '3', '4', as an editor splitting them out of the text may write
    them): the list's numbering leaves those labels to that part, but their
    form is a slip of their own, the same wherever they are moved."""
    by_kind: dict[str, list[Entry]] = {}
    for e in merged:
        read = lb.read(e.label or "", roman=True)
        if read is not None:
            by_kind.setdefault(read.kind, []).append(e)
    for entries in by_kind.values():
        fixed = _foreign_style(tuple(e.label or "" for e in entries))
        if fixed is not None:
            out.defects.append(Defect("numbering-style", _foreign_finding(lst, fixed, entries)))


def _report_bullets(
    lst: LabelledList, tokens: list[_Token], bullets: list[int], out: Analysis
) -> None:
    """One finding for the entries of ``lst`` labelled with a bullet ('•',
    '-': the points of a bulleted list, their bullet kept as a label when
    they were split out of a text). ITU texts print such points without a
    label: the labels are to be deleted, not numbered; and when the points
    follow, at its level, an entry whose text introduces them (ending with
    ':'), they are to be nested under it, as its unlabelled entries."""
    first = tokens[bullets[0]]
    mark = (first.raw or "").strip()
    noun, nouns = noun_tr(lst.noun), _nouns(lst.noun)
    where = _where(lst)
    before = tokens[bullets[0] - 1] if bullets[0] > 0 else None
    intro = (
        before is not None
        and bullets[0] - 1 not in bullets
        and end_mark(before.entry.text)[0] in _COLONS
    )
    parent = (before.raw if before is not None else None) or tr("the entry before")
    if intro:
        # (the entry they belong in ends with ':' as its place calls for)
        out.anomalies.add(first.entry.path)
    if len(bullets) == 1:
        message = tr(
            "{noun} {number} of {where} is labelled '{bullet}', a bullet: the points of a "
            "bulleted list have no label in ITU texts",
            noun=noun,
            number=first.index + 1,
            where=where,
            bullet=mark,
        )
        if intro:
            help_ = tr(
                "delete the label '{bullet}' and move the point under {parent}, whose text "
                "introduces it (as its unlabelled {noun})",
                bullet=mark,
                parent=parent,
                noun=noun,
            )
        else:
            help_ = tr("delete the label '{bullet}': the point is unlabelled", bullet=mark)
    else:
        message = tr(
            "{count} {nouns} of {where} are labelled '{bullet}', a bullet: the points of a "
            "bulleted list have no label in ITU texts",
            count=len(bullets),
            nouns=nouns,
            where=where,
            bullet=mark,
        )
        if intro:
            help_ = tr(
                "delete the labels '{bullet}' and move the points under {parent}, whose text "
                "introduces them (as its unlabelled {nouns})",
                bullet=mark,
                parent=parent,
                nouns=nouns,
            )
        else:
            help_ = tr("delete the labels '{bullet}': the points are unlabelled", bullet=mark)
    out.defects.append(
        Defect(
            "numbering-style",
            Finding(
                first.path,
                message,
                help=help_,
                related=tuple(
                    Place(tokens[i].path, tr("{noun} {label}", noun=noun, label=tokens[i].raw))
                    for i in bullets[1:]
                ),
            ),
        )
    )


GARBLED = 3
"""A list with at least this many sequence defects, on a quarter of its
labels or more, is reported once as garbled (see :func:`_garbled`)."""


def _garbled(walk: _Walk, mark: int) -> None:
    """One finding for a list whose labels mostly break the sequence (a
    table or nested lists converted as paragraphs): the defects the walk
    found from ``mark`` on become the related places of one finding, since
    no single relabelling explains them and their advice would mislead. So
    do the defects of a list nested in one of its entries (unless garbled
    itself: :func:`_fold_under_garbled`), and conversion-artefact leaves a
    label at the start of one of its entries' texts to it
    (:attr:`Analysis.garbled`)."""
    out = walk.out
    if len(out.defects) - mark < GARBLED:
        return  # too few defects (most lists walked): nothing to count
    found = out.defects[mark:]
    sequence = [d for d in found if d.rule != "numbering-style" and not d.explained]
    if len(sequence) < GARBLED:
        return
    labelled = sum(1 for t in walk.tokens if t.ordinal is not None)
    if 4 * len(sequence) < labelled:
        return
    first = sequence[0].finding
    raws = [t.raw for t in walk.tokens if t.raw]
    shown = ", ".join(raws[:12]) + (", …" if len(raws) > 12 else "")
    garbled = Finding(
        first.path,
        tr(
            "{count} labels of {where} are out of sequence ({labels}): the list looks "
            "garbled, as when a table or nested lists are converted as paragraphs",
            count=len(sequence),
            where=walk.where,
            labels=shown,
        ),
        offset=first.offset,
        length=first.length,
        help=tr(
            "compare the {nouns} with the published text: put a table's rows in the text, "
            "move nested {nouns} under the {noun} they belong to, and relabel the rest in order",
            nouns=walk.nouns,
            noun=walk.noun,
        ),
        related=tuple(Place(d.finding.path, d.finding.message) for d in sequence[1:]),
    )
    rest = [d for d in found if d.rule == "numbering-style" or d.explained]
    out.defects[mark:] = [Defect("numbering-gap", garbled), *rest]
    out.garbled.update((t.entry.path, mark) for t in walk.tokens)


def _fold_under_garbled(lst: LabelledList, out: Analysis, mark: int) -> None:
    """The defects found from ``mark`` on in ``lst``, a list nested in an entry
    of a list reported as garbled, made related places of that finding (a
    table's rows converted as paragraphs, one of them holding what followed
    the table: "2.1 Objectives, ..." under the table's last row, PP-18
    Resolution 71): no relabelling or join of them is to be trusted."""
    assert lst.parent is not None
    at = out.garbled[lst.parent.path]
    out.garbled.update((e.path, at) for e in lst.entries)
    found = out.defects[mark:]
    if not found:
        return
    del out.defects[mark:]
    table = out.defects[at]
    out.defects[at] = replace(
        table,
        finding=replace(
            table.finding,
            related=(
                *table.finding.related,
                *(Place(d.finding.path, d.finding.message) for d in found),
            ),
        ),
    )


def _most(kinds: list[lb.Kind]) -> lb.Kind:
    """The kind most labels have; on a tie, the first one's."""
    return max(kinds, key=lambda k: (kinds.count(k), -kinds.index(k)))


def _order(path: Path) -> tuple[tuple[int, str], ...]:
    return tuple((p, "") if isinstance(p, int) else (-1, p) for p in path)


def _before(all_lists: list[LabelledList], end: End) -> list[LabelledList]:
    """The lists as the resolution has them, without the entries that are text
    following the document (see :class:`End`); annexes as they are."""
    out = []
    for lst in all_lists:
        if lst.part == "annex":
            out.append(lst)
            continue
        kept = tuple(e for e in lst.entries if not end.covers((*e.path, "label")))
        if kept:
            out.append(lst if len(kept) == len(lst.entries) else replace(lst, entries=kept))
    return out


def _children_follow_parent(out: Analysis, all_lists: list[LabelledList]) -> None:
    """Leave out the defects of a nested list whose labels carry the number
    its parent is told to be relabelled to ("4.1, 4.2" under a clause '4'
    retyped '5', which numbering-duplicate tells "should be 4"): the
    children's "4.1 starts clause 5; expected 5.1" follows from the
    parent's label, and relabelling them would keep the slip."""
    relabelled = {
        path: new for d in out.defects if d.fix is not None for path, new in d.fix.relabel
    }
    if not relabelled:
        return
    follow: dict[Path, str] = {}  # (a child's path: its parent's label to write)
    for lst in all_lists:
        parent = lst.parent
        if parent is None or parent.path not in relabelled or not lst.entries:
            continue
        new = relabelled[parent.path]
        labels = [e.label for e in lst.entries]
        if new and all(
            label is not None and label.split(".")[0] == new and "." in label for label in labels
        ):
            for e in lst.entries:
                follow[e.path] = follow[(*e.path, "label")] = new

    def moves_away(d: Defect) -> bool:
        # (a fix that relabels the children after the parent's slip: "5.1";
        # a gap of their own, "4.3" after "4.1", is relabelled under "4")
        new = follow.get(d.finding.path)
        return (
            new is not None
            and d.fix is not None
            and bool(d.fix.relabel)
            and d.fix.split is None
            and all(label.split(".")[0] != new for _, label in d.fix.relabel)
        )

    if follow:
        out.defects = [d for d in out.defects if not moves_away(d)]


def _merged_in(entry: Entry, headed: dict[str, str]) -> str | None:
    """The operative heading run into the text of ``entry`` or of its last
    nested entry (the last one there, as written), or None; ``headed``: the
    file's texts with one, each with its last (:func:`_headed`)."""
    last = entry
    while True:
        heading = headed.get(last.text)
        if heading is not None:
            return heading
        if not last.children:
            return None
        last = last.children[-1]


def _headed(ctx: Context) -> dict[str, str]:
    """The file's texts with an operative heading of its language run into
    them (the scan of ``conversion-artefact``, made once per file: most
    texts have none, and are not read again), each with the last one."""
    language = ctx.resolution.language
    if language not in _HEADING_LANGUAGES:
        return {}
    scan = scans(ctx)
    all_texts = texts(ctx)
    out: dict[str, str] = {}
    for i in leftover_texts(ctx):
        text = all_texts[i].text
        found = scan.leftovers(text, language)
        if found is not textscan.NOTHING and found[0]:
            out[text] = found[0][-1].found
    return out


def _merged_headings(lst: LabelledList, headed: dict[str, str]) -> list[tuple[int, str]]:
    """The entries of a top-level list of the operative part, before its
    last, with an operative heading run into their texts (or their last
    nested entries'), each with the heading (:func:`_merged_in`): none in
    most lists. The clauses after such a heading are the section's it
    starts, which the conversion did not recognise (``conversion-artefact``
    reports it)."""
    if not headed or lst.part != "operative" or lst.parent is not None or len(lst.entries) < 2:
        return []
    found: list[tuple[int, str]] = []
    for k, entry in enumerate(lst.entries[:-1]):
        heading = _merged_in(entry, headed)
        if heading is not None:
            found.append((k, heading))
    return found


def _restarts(entries: tuple[Entry, ...], headings: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The clauses labelled 1 after an entry of ``headings`` (the first
    after each, with that heading): where the run-in sections' lists start."""
    out: list[tuple[int, str]] = []
    pending: str | None = None
    h = 0
    for k, entry in enumerate(entries):
        while h < len(headings) and headings[h][0] < k:
            pending = headings[h][1]
            h += 1
        if pending is not None and entry.label and _number(entry.label, first=True):
            out.append((k, pending))
            pending = None
    return out


def _cut(lst: LabelledList, cuts: list[tuple[int, str]]) -> list[LabelledList] | None:
    """``lst`` cut before each entry of ``cuts``, each part after the first
    named by its heading; None when a part after the first is labelled
    otherwise than with numbers (``i)``, ``v)`` after ``… resolves to
    instruct … for this purpose to:``: the clauses of a part merged there,
    which :func:`_merged_part` reads in the whole list)."""
    entries = lst.entries
    bounds = [0, *(k for k, _ in cuts), len(entries)]
    parts = [entries[a:b] for a, b in pairwise(bounds)]
    if not all(all(e.label is None or _number(e.label) for e in part) for part in parts[1:]):
        return None
    return [
        replace(lst, entries=parts[0]),
        *(
            replace(lst, entries=part, heading=heading or lst.heading)
            for part, (_, heading) in zip(parts[1:], cuts, strict=True)
        ),
    ]


def _analyse_merged(
    lst: LabelledList,
    headings: list[tuple[int, str]],
    all_lists: list[LabelledList],
    out: Analysis,
    scan: textscan.Scans,
    language: str,
) -> None:
    """The defects of a list with operative headings run into it (the
    entries ``headings``, :func:`_merged_headings`), added to ``out``: of
    the reading that has fewest, each part of a cut read as a list of its
    own, from 1, named by the heading run in.

    The readings: the list cut after each entry holding a heading, the
    first (and kept on a tie); cut before each clause labelled 1 after one
    (the heading's entry moved from its place, swapped with the clause
    after it: it is still the part's before the 1); and, where no clause
    labelled 1 follows a heading, the whole list (its numbering may go on
    after the heading: "3" holding it, then "4"). Where one does, the list
    does start again there, and a whole reading that takes a later label
    for the one before the heading's ("1, 2, 3" holding it, "1, 2, 4": 4
    after 3) would hide a clause deleted.

    Read as its parts, a slip inside one (two clauses swapped, one
    relabelled, one deleted) is one finding, as in a list of its own, not
    the duplicates of the whole list's reading ("2 appears twice; … 1
    appears twice")."""
    restarts = _restarts(lst.entries, headings)
    cuts = [[(k + 1, heading) for k, heading in headings]]
    if restarts and [k for k, _ in restarts] != [k + 1 for k, _ in headings]:
        cuts.append(restarts)
    chosen: Analysis | None = None
    for cut in cuts:
        parts = _cut(lst, cut)
        if parts is None:
            continue
        found = Analysis()
        for part in parts:
            _analyse_list(part, all_lists, found, scan, language)
        if chosen is None or len(found.defects) < len(chosen.defects):
            chosen = found
        if not chosen.defects:
            break
    if chosen is None or (chosen.defects and not restarts):
        whole = Analysis()
        _analyse_list(lst, all_lists, whole, scan, language)
        if chosen is None or len(whole.defects) < len(chosen.defects):
            chosen = whole
    at = len(out.defects)
    out.defects.extend(chosen.defects)
    out.anomalies |= chosen.anomalies
    out.swapped.update(chosen.swapped)
    out.cut |= chosen.cut
    out.garbled.update((path, k + at) for path, k in chosen.garbled.items())


def _number(label: str, first: bool = False) -> bool:
    """Whether ``label`` reads as a number (with ``first``, as 1)."""
    read = lb.read(label)
    return read is not None and read.kind == "number" and (not first or read.parts == (1,))


def analyse(ctx: Context) -> Analysis:
    """The numbering findings of one resolution (computed once per run)."""

    def compute() -> Analysis:
        out = Analysis()
        all_lists = lists(ctx)
        scan = scans(ctx)
        language = ctx.resolution.language
        end = document_end(ctx)
        if end is not None:
            # what follows the document (declarations, signatures merged into the last
            # clauses) is not the resolution's: conversion-artefact reports it, once,
            # and the resolution's lists are numbered without it
            all_lists = _before(all_lists, end)
        headed = _headed(ctx)
        for lst in all_lists:
            mark = len(out.defects)
            merged = _merged_headings(lst, headed)
            if merged:
                _analyse_merged(lst, merged, all_lists, out, scan, language)
                continue
            _analyse_list(lst, all_lists, out, scan, language)
            if (
                lst.parent is not None
                and lst.parent.path in out.garbled
                and not (lst.entries and out.garbled.get(lst.entries[0].path, -1) >= mark)
            ):
                # (a list garbled itself is a table of its own: its finding stays)
                _fold_under_garbled(lst, out, mark)
        if end is not None:
            out.defects = [d for d in out.defects if not end.covers(d.finding.path)]
        _children_follow_parent(out, all_lists)
        out.defects.sort(key=lambda d: _order(d.finding.path))
        return out

    result: Analysis = ctx.memo("numbering", compute)
    return result


def apply_fix(data: dict[str, Any], fix: Fix) -> dict[str, Any]:
    """A copy of a resolution's plain data (as read from YAML) with ``fix``
    applied: labels changed, a section split where its heading is missing
    (the new section takes the verb and heading of the one split), entries
    nested in the entry before them."""
    out = copy.deepcopy(data)

    def at(path: Path) -> Any:
        node: Any = out
        for p in path:
            node = node[p]
        return node

    for path, label in fix.relabel:
        at(path)["label"] = label
    if fix.split is not None:
        *where, index = fix.split
        assert isinstance(index, int)
        entries = at(tuple(where))
        key = where[-1]
        section_path = tuple(where[:-1])
        section = at(section_path)
        *part_path, s = section_path
        assert isinstance(s, int)
        sections = at(tuple(part_path))
        new = {**copy.deepcopy(section), key: entries[index:]}
        del entries[index:]
        sections.insert(s + 1, new)
    if fix.nest:
        *where, first = fix.nest[0]
        assert isinstance(first, int)
        entries = at(tuple(where))
        key = str(where[-1])
        moved = entries[first : first + len(fix.nest)]
        del entries[first : first + len(fix.nest)]
        entries[first - 1].setdefault(key, []).extend(moved)
    return out


@rule("numbering-duplicate", "error", "two siblings carry the same number or letter")
def numbering_duplicate(ctx: Context) -> Iterator[Finding]:
    """Two entries of one list carry the same label, or a list starts again
    inside a section (a), b), a), b): is a section heading missing?). When
    the text before the new start ends with a preambular heading after its
    comma, with no end mark ("..., noting also", "..., having noted": the
    heading a conversion ran into the item before), the finding says so and
    which words to move into a section of their own, the heading's words
    attached; so it does for a) after a) alone.

    In an annex, whose paragraphs have no verb or heading, a list that starts
    again is a table converted as paragraphs (its cells numbered 1, 2, … row
    by row or column by column) or a sub-heading of the annex lost: all the
    restarts of one list are one finding, at the first, the others related;
    when the text before one names a table ("Table 1: SWOT analysis …", PP-18
    Resolution 71, Annex 2), the finding says so and asks for the table's
    rows in the text. A list that starts again after an unlabelled paragraph
    (the annex's sub-heading, as a sub-heading is written) is no finding; a
    nested list that starts again is relabelled.

    The finding points at the label that is wrong, which is not always the
    second: in ``a), b), d), d), e)`` it is the first d), which should be c);
    the other d) is attached as a related place. Two labels that only differ
    by an insertion (``2``, ``2``, ``3``) make the second an insertion
    (``2bis``).

    A resolution's annexes, labelled '1', '2', … when there are several, are
    a list too: an annex labelled as another ('1', '1', '3') is reported at
    its label, unless its heading names another number ("ANNEX 2" labelled
    '1': ``reference-part``'s finding), and a citation of the annex it
    stands for is not also unresolved.

    Failing (``clause 1 appears twice in 'resolves'; this one, after 1, should be 2``)::

        clauses:
          - label: '1'
            text: to continue its work;
          - label: '1'
            text: to report to Council;
          - label: '3'
            text: to invite Member States.

    Passing::

        clauses:
          - label: '1'
            text: to continue its work;
          - label: '2'
            text: to report to Council;
          - label: '3'
            text: to invite Member States.
    """
    yield from analyse(ctx).duplicate
    yield from (a.finding for a in annex_relabels(ctx) if a.twice)


@rule(
    "numbering-gap",
    "error",
    "a number or letter out of sequence: the stray '5' after '1, 2'; 'a), b), d)'",
)
def numbering_gap(ctx: Context) -> Iterator[Finding]:
    """A label out of sequence: a label changed, two labels swapped, items
    missing, or a list that does not start at 1 (a), i), or P.1 under clause
    P). One finding per defect, on the label that is wrong; ``help`` says
    what to relabel so that the whole list is in sequence.

    ``abis)`` between ``a)`` and ``b)`` is in sequence, and so are ``ater)``
    after ``abis)``, and ``1.1`` after ``1`` or ``2`` after ``1.2`` in a flat
    decimal list. The message names the list, the label expected and, when
    the stray label continues another section's list, that section. Labels
    skipped because a conversion ran them into the text before (``i) … ;
    ii) … ; iii) …`` then ``v)``), a lone nested label cut from its parent's
    text (``recalling c) iv) above``), and a list garbled beyond a few edits
    (a table converted as paragraphs) are one finding each; so are two
    entries in the wrong order, each ending with the mark of the other's
    place (not also ``punctuation``'s end marks). So is an annex
    out of the annexes' sequence ('1', '5', '3'; '1', '3', '4': the first
    that breaks it, with the labels to write). An entry deleted with the
    only marker of a footnote ("a) is missing", footnote 1 then marked
    nowhere) is this finding alone, the footnote attached, where the lost
    entry stood between the markers of the footnotes before and after it
    (not also ``footnote-unused``'s). A clause's label retyped while its
    nested clauses carry its number ('4' retyped '5' over '4.1', '4.2') is
    the finding at that label alone, which says it should be 4: not also
    the nested list's "4.1 starts clause 5; expected 5.1", whose fix would
    keep the slip.

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

    Failing (``clauses 3 and 2 of 'décide' are in the wrong order``)::

        - verb: resolves
          heading: décide
          clauses:
            - {label: '1', text: un;}
            - {label: '3', text: deux;}
            - {label: '2', text: trois;}
            - {label: '4', text: quatre.}

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
    yield from (a.finding for a in annex_relabels(ctx) if not a.twice)


@rule(
    "numbering-style",
    "warning",
    "mixed or wrong label styles in one list (numbers in the preamble, letters in the operative part)",
)
def numbering_style(ctx: Context) -> Iterator[Finding]:
    """Labels of the wrong kind for their list: preamble items are lettered
    a), b), …; operative clauses are numbered 1, 2, …; a nested list keeps the
    kind most of its labels have. Also: a label that is not a number, a letter
    or a roman numeral (or a number in digits of another script, '٢': said
    so, with ITU's digits to write; a part named or cited by that number,
    "resolves 2", is then that label's, not missing), an unlabelled entry
    among labelled ones (outside
    annexes, where unlabelled paragraphs are common), a number left at the
    start of the text of an unlabelled entry, and roman numerals i), ii), …
    after an entry ending with ':' in a lettered or numbered list (a nested
    list written at its parent's level), and labels written unlike most of
    their list ('2.' among '1', '3'; 'B)' or '(c)' among 'a)', 'd)'; '02'
    or '2 ', a leading zero or a blank, among '1', '3': one
    finding per list, in a list of three labels or more whose numbering is
    otherwise in order, or in any list when no form is most and one is
    ITU's: 'a.' with 'b)'; '1.1' among '1', '2' is written alike), and the
    labels of a whole list written alike but not as ITU writes them ('1.',
    '2.'; 'A)', 'B)'; '(i)', '(ii)': ITU writes '1', 'a)', 'i)'; full-width
    digits '１', '２'; in an Arabic text, Latin letters 'a)', 'b)' for 'أ)',
    'ب)'), outside annexes. A preambular section of two items or more, none labelled, in a
    file whose other preambular sections are lettered (one finding). A label
    written unlike the others of its list is reported even when the list
    starts again after a heading run into a text, which is
    ``conversion-artefact``'s ('1)' among '2', '1', '2').

    Decision: bullets kept as labels (``'•'``, ``'-'``) are one finding for
    the list: ITU prints the points of a bulleted list unlabelled, nested
    under the entry that introduces them; the help deletes the labels (and
    nests the points when they follow that entry at its level), never
    numbers them. A nested list continuing its parent's own list (``ii)``,
    ``iii)`` under ``i)``; ``10`` under ``9``) is one finding whose help
    moves it a level up. Roman numerals i), ii), … after an operative
    clause ending with ':', the section's only labels, are that clause's
    sub-list written at its level: the help nests them, it does not move the
    section to the preamble. A sub-list written at its parent's level whose
    own labels skip one (``v)`` for ``iv)``) is said so in the nesting
    finding (one defect of one split), with the label to write.

    A number left at the start of the text of an unlabelled entry is
    reported here only when ``conversion-artefact`` does not report it (one
    defect, one finding). A list from 1 after an unlabelled first entry asks
    for the section heading missing before it; when the entry's text ends
    with a heading of the next section run into it ("…, noting with
    satisfaction and appreciation"), the finding is an error, as the same
    heading run into a labelled entry is (``numbering-duplicate``'s).

    Decision: an unlabelled first entry ending with ':' before a list from 1
    is no finding. It is the section's lead-in, as ITU prints it ("resolves
    that, pending any further change …, the following shall apply:" then 1
    to 4, PP-18 Resolution 99; "instructs the Secretary-General, pursuant to
    his initiative on this matter:" then 1, 2, Resolution 130), the clauses
    at the top level and cited so ("resolves 1"): nesting them under the
    lead-in would change every citation, and the lead-in is faithfully an
    unlabelled first entry. Nor are the labels after an operative part
    merged into an entry reported (see the module docstring).

    A label holding a letter of another script (a Cyrillic ``с`` among Latin
    letters) is not reported here: the look-alike check names the character.
    A label written with words after it (``a) that``: its line took the start
    of the text) is told where the words go; it has no quick fix, which
    would relabel it and lose them.

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
    analysis = analyse(ctx)
    yield from analysis.style
    yield from _odd_forms(ctx, analysis)
    yield from _unlettered_sections(ctx)


def _words_after_label(raw: str) -> tuple[str, str] | None:
    """(label, words) of a label written with words after it, a blank between
    ("a) that", "2 to"): the label's line took the start of the text; None
    for any other label."""
    head, _, words = raw.strip().partition(" ")
    words = words.strip()
    if not words or not any(c.isalpha() for c in words) or lb.read(head, roman=True) is None:
        return None
    return head, words


def _unlettered_sections(ctx: Context) -> Iterator[Finding]:
    """A preambular section of two items or more, none labelled, in a file
    whose other preambular sections are lettered: the labels were deleted
    (an editor who meant Word's automatic letters). One finding for the
    section; a section of one item, or a file whose sections all go
    unlabelled, is written so."""
    sections = ctx.resolution.preamble
    if len(sections) < 2:
        return
    lettered = [
        s for s in sections if s.items and all(i.label and i.label.endswith(")") for i in s.items)
    ]
    if not lettered:
        return
    for n, section in enumerate(sections):
        if len(section.items) >= 2 and not any(i.label for i in section.items):
            yield Finding(
                ("preamble", n, "items"),
                tr(
                    "the {count} items of '{heading}' have no labels; the file's other "
                    "preambular sections letter theirs a), b), …",
                    count=str(len(section.items)),
                    heading=section.heading,
                ),
                key=True,
                help=tr(
                    "label them a), b), … (or, if they are one item, join their texts)",
                ),
            )


# A label's number (its parts and an insertion such as "bis" with it: "1.2bis")
# and runs of letters
_RUN = re.compile(
    r"[0-9０-９]+(?:\.[0-9０-９]+)*(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)?"
    r"|[^\W\d_]+"
)
# the places of a label's number and letters in its form (see _form)
_HOLE = re.compile(r"[0aA]")


@functools.lru_cache(maxsize=4096)
def _form(label: str) -> str:
    """How a label is written, its number or letter aside: '1', '12' and
    '1.2' are '0' (an annex numbers its paragraphs 1, 1.1, 1.2, 2 in one
    list), '2.' is '0.', 'a)' and 'iv)' are 'a)', 'B)' is 'A)', '(c)' is '(a)',
    a number in full-width digits ('１') is '０'.
    A number written with a leading zero ('02') is 'Z', and a blank around a
    label is part of its form ('2 ' is '0 '): written unlike '2'.
    Remembered: a corpus writes a few dozen labels."""
    return _RUN.sub(
        lambda m: (
            "０"  # (full width: written unlike '1')
            if "０" <= m.group()[0] <= "９"
            else ("Z" if _LEADING_ZERO.match(m.group()) else "0")
            if m.group()[0].isdigit()
            else "A"
            if m.group().isupper()
            else "a"
        ),
        label,
    )


_LEADING_ZERO = re.compile(r"0+(?=[0-9])")
# an insertion written apart from its number or letter: "1 bis", "a ter)"
_SPACED_INSERTION = re.compile(
    r"(?<=[0-9A-Za-z])\s+(bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)\b"
)
# a letter label that is a roman numeral too ('i)', 'v)', 'x)')
_ROMAN_LETTER = re.compile(r"\(?[ivxlcdmIVXLCDM]\)?\.?")


def _rewritten(label: str, form: str) -> str | None:
    """``label``'s number or letters written in ``form`` (None when the two
    do not have the same runs): '2.' in '0' is '2', 'B)' in 'a)' is 'b)'."""
    # (an insertion written apart, '1 bis', is the number's: '1bis')
    runs = _RUN.findall(_SPACED_INSERTION.sub(r"\1", label.strip()))
    holes = _HOLE.findall(form)
    if len(runs) != len(holes):
        return None
    written = iter(
        run.upper()
        if hole == "A"
        else run.lower()
        if hole == "a"
        else _LEADING_ZERO.sub("", run.translate(lb.FULL_DIGITS), count=1)
        for run, hole in zip(runs, holes, strict=True)
    )
    return _HOLE.sub(lambda _: next(written), form)


@functools.lru_cache(maxsize=4096)
def _odd_labels(labels: tuple[str, ...]) -> tuple[str, tuple[int, ...]] | None:
    """The form most of ``labels`` have (more than half), and the indices of
    the others; None when all have one form, or no form most. Remembered:
    the lists of a corpus have a few hundred label sequences."""
    forms = list(map(_form, labels))
    if forms.count(forms[0]) == len(forms):
        return None
    usual = max(set(forms), key=forms.count)
    if forms.count(usual) * 2 <= len(forms):
        return None
    return usual, tuple(i for i, f in enumerate(forms) if f != usual)


def _reported(analysis: Analysis) -> set[Path]:
    """The entries whose labels the numbering analysis reports already."""
    return {f.path[:-1] if f.path[-1:] == ("label",) else f.path for f in analysis.style}


def _found_at(analysis: Analysis) -> set[Path]:
    """The entries a numbering finding is on or names among its places."""
    out: set[Path] = set()
    for d in analysis.defects:
        for path in (d.finding.path, *(p.path for p in d.finding.related)):
            out.add(path[:-1] if path[-1:] in (("label",), ("text",)) else path)
    return out


# How ITU writes the labels of each kind: numbers bare ('1', '1.1', '1bis'),
# letters and roman numerals in lower case before ')' ('a)', 'iv)')
_ITU_FORMS = {"number": "0", "letter": "a)", "roman": "a)"}


@functools.lru_cache(maxsize=1024)
def _foreign_style(labels: tuple[str, ...]) -> tuple[str, ...] | None:
    """The labels ITU would write for ``labels``, when all of them are
    written alike but not as ITU writes their kind ('1.', '2.'; 'A)', 'B)';
    '(a)', '(b)'; 'I)', 'II)'): a numbering of Word's or of another house
    style, which a reader of the list cannot tell from a slip. None when
    they are written as ITU writes them, or are not all of one kind and one
    form (:func:`_odd_labels` and the analysis speak of those).
    """
    if len(labels) < 2 or len({_form(label) for label in labels}) != 1:
        return None
    read = [lb.read(label) for label in labels]
    if any(r is None for r in read):
        return None
    kinds = {r.kind for r in read if r is not None}
    if kinds == {"letter", "roman"} and all(
        r is not None and (r.kind == "roman" or _ROMAN_LETTER.fullmatch(label.strip()))
        for label, r in zip(labels, read, strict=True)
    ):
        kinds = {"roman"}
    if len(kinds) != 1:
        return None
    usual = _ITU_FORMS.get(kinds.pop())
    if usual is None or _form(labels[0]) == usual:
        return None
    fixed = tuple(_rewritten(label, usual) for label in labels)
    if not all(fixed) or fixed == labels:
        return None
    return fixed  # type: ignore[return-value]


@functools.lru_cache(maxsize=1024)
def _unlike_itu(labels: tuple[str, ...]) -> tuple[str, tuple[int, ...]] | None:
    """For labels of one kind written in several forms, none of them most
    ('a.', 'b)'; 'a)', '(b)', 'C)', 'd)'), when one form is ITU's for that
    kind: it, and the indices of the labels written otherwise (as
    :func:`_odd_labels` gives them). None otherwise."""
    forms = [_form(label) for label in labels]
    if len(set(forms)) < 2:
        return None
    read = [lb.read(label) for label in labels]
    kinds = {r.kind for r in read if r is not None}
    if None in read or (len(kinds - {"roman"}) != 1 and kinds != {"roman"}):
        return None
    kind = "number" if kinds == {"number"} else "letter"
    usual = _ITU_FORMS[kind]
    if usual not in forms:
        return None
    return usual, tuple(i for i, f in enumerate(forms) if f != usual)


def _foreign_finding(
    lst: LabelledList, fixed: tuple[str, ...], labelled: list[Entry] | None = None
) -> Finding:
    """A list whose labels are all written unlike ITU's labels of their kind
    (or those of its entries ``labelled``, a run of one kind)."""
    entries = [e for e in lst.entries if e.label] if labelled is None else labelled
    shown = ", ".join(f"'{e.label}'" for e in entries[:4]) + (", …" if len(entries) > 4 else "")
    return Finding(
        (*entries[0].path, "label"),
        tr(
            "the labels of {where} are written {labels}; ITU writes them {itu}",
            where=lst.where(),
            labels=shown,
            itu=", ".join(f"'{f}'" for f in fixed[:4]) + (", …" if len(fixed) > 4 else ""),
        ),
        help=tr(
            "write {fixed}",
            fixed=", ".join(f"'{f}'" for f in fixed[:4]) + (", …" if len(fixed) > 4 else ""),
        ),
    )


def _in_arabic_letters(labels: list[str]) -> tuple[str, ...] | None:
    """``labels`` written with the Arabic letters in abjad order, as Arabic
    texts letter their lists ('a)', 'b)' are 'أ)', 'ب)'), when every one is a
    Latin letter; None otherwise (a list of numbers, a Latin letter among
    Arabic ones: the analysis says that one)."""
    out = []
    for label in labels:
        read = lb.read(label)
        if read is None or read.kind != "letter" or read.alphabet != "latin":
            return None
        if read.parts[0] > len(lb.ABJAD):
            return None
        core = re.search(r"[A-Za-z]+", label)
        if core is None:
            return None
        out.append(label[: core.start()] + lb.ABJAD[read.parts[0] - 1] + label[core.end() :])
    return tuple(out)


def _full_width_finding(lst: LabelledList, wide: list[Entry]) -> Finding:
    """The labels of a list written in full-width digits (``wide``), most of
    them, the others as ITU writes them: one finding, at the first."""
    fixed = [_rewritten(e.label or "", _form(e.label or "").replace("０", "0")) for e in wide]
    return Finding(
        (*wide[0].path, "label"),
        tr(
            "labels {labels} of {where} are written in full-width digits; ITU writes them {itu}",
            labels=", ".join(f"'{e.label}'" for e in wide[:6]) + (", …" if len(wide) > 6 else ""),
            where=lst.where(),
            itu=", ".join(f"'{f}'" for f in fixed[:6]) + (", …" if len(fixed) > 6 else ""),
        ),
        help=tr("write {fixed}", fixed=", ".join(f"'{f}'" for f in fixed)),
        related=tuple(
            Place((*e.path, "label"), tr("written '{label}'", label=e.label or ""))
            for e in wide[1:]
        ),
    )


def _odd_forms(ctx: Context, analysis: Analysis) -> Iterator[Finding]:
    """Labels written unlike the others of their list ("1", "2.", "3"; "a)",
    "B)", "c)"; a number with a leading zero, "02", or a label with a blank
    around it, "2 "): one finding per list, at the first of them. Only in a list
    of three labels or more of one kind, most of them (more than half)
    written alike, whose numbering is otherwise in order: a list the
    numbering reports is left to it (one defect, one finding). An Arabic
    list lettered in Latin letters ('a)', 'b)') is one finding, with the
    Arabic letters, in abjad order, that Arabic texts letter their lists with
    ('أ)', 'ب)'); full-width digits ('１', '２') one with ITU's digits.
    """
    reported: set[Path] | None = None
    found_at: set[Path] | None = None
    for lst in lists(ctx):
        labels = [e.label for e in lst.entries if e.label]
        n = len(labels)
        if n >= 2 and lst.part != "annex" and ctx.resolution.language == "ar":
            arabic = _in_arabic_letters(labels)
            if arabic is not None:
                # 'a)', 'b)' in an Arabic text, which letters its lists أ), ب)
                if reported is None:
                    reported = _reported(analysis)
                if not any(e.path in analysis.anomalies or e.path in reported for e in lst.entries):
                    yield _foreign_finding(lst, arabic)
                continue
        if n < 2 or labels == _LETTERS[:n] or labels == _NUMBERS[:n]:
            continue  # (a), b), c) or 1, 2, 3: most lists)
        found = _odd_labels(tuple(labels)) if n >= 3 else None
        if found is None:
            found = _unlike_itu(tuple(labels))
        if found is None:
            if lst.part != "annex" and (alike := _foreign_style(tuple(labels))) is not None:
                if reported is None:
                    reported = _reported(analysis)
                if not any(e.path in analysis.anomalies or e.path in reported for e in lst.entries):
                    yield _foreign_finding(lst, alike)
            continue
        usual, odd_at = found
        entries = [e for e in lst.entries if e.label]
        odd = [entries[i] for i in odd_at]
        if found_at is None:
            found_at = _found_at(analysis)
        if any(e.path in found_at for e in lst.entries) or any(
            e.path in analysis.anomalies for e in odd
        ):
            # (a list the numbering reports is left to it; an entry out of
            # sequence that it leaves to another rule, the list started again
            # after a heading run into a text, is no reason to be silent on
            # another label's form)
            continue
        if "０" in usual:
            # most written in full-width digits ('１', '２', '３', '4'): those are
            # the ones unlike ITU's, the others are as ITU writes them
            yield _full_width_finding(lst, [e for i, e in enumerate(entries) if i not in odd_at])
            continue
        read = [(e.label or "", lb.read(e.label or "")) for e in entries]
        kinds = {r.kind for _, r in read if r is not None}
        if kinds == {"letter", "roman"} and all(
            r is None or r.kind == "roman" or _ROMAN_LETTER.fullmatch(label.strip())
            for label, r in read
        ):
            kinds = {"roman"}  # ('i)' reads as a letter alone: among ii), iii), a numeral)
        if len(kinds) != 1:
            continue  # letters among numbers: the analysis above says so
        fixed = [_rewritten(e.label or "", usual) for e in odd]
        usual_labels = [f"'{e.label}'" for i, e in enumerate(entries) if i not in odd_at]
        values = {
            "labels": ", ".join(f"'{e.label}'" for e in odd),
            "where": lst.where(),
            "examples": ", ".join(usual_labels[:6]) + (", …" if len(usual_labels) > 6 else ""),
        }
        if len(odd) == 1:
            message = tr(
                "label {labels} of {where} is written unlike the others of its list ({examples})",
                **values,
            )
        else:
            message = tr(
                "labels {labels} of {where} are written unlike the others of their list "
                "({examples})",
                **values,
            )
        if all(fixed):
            help_ = tr(
                "write {fixed}, as the others are",
                fixed=", ".join(f"'{f}'" for f in fixed),
            )
        else:
            help_ = tr("write them as the others are")
        yield Finding(
            (*odd[0].path, "label"),
            message,
            help=help_,
            related=tuple(
                Place((*e.path, "label"), tr("written '{label}'", label=e.label or ""))
                for e in odd[1:]
            ),
        )


@dataclass(frozen=True)
class AnnexRelabel:
    """An annex whose label is out of the annexes' sequence: its place
    (``index``), the label it should have, and whether its label is another
    annex's (``twice``: ``numbering-duplicate``'s) or none's
    (``numbering-gap``'s)."""

    index: int
    expected: str
    twice: bool
    finding: Finding


def annex_relabels(ctx: Context) -> list[AnnexRelabel]:
    """The annexes of the resolution whose labels break their sequence (made
    once per file).

    A resolution's annexes are labelled '1', '2', … in their order when there
    are several ("ANNEX 2 TO RESOLUTION 71"). An annex labelled as another
    ('1', '3', '3': the second should be 2) or out of sequence ('1', '4',
    '3') is one finding, at its label, with the label to write. Not:

    * an annex whose heading names another number than its label ("ANNEX 2"
      labelled '3'): ``reference-part`` says so at the heading, which shows
      which of the two was mistyped (one defect, one finding);
    * annexes labelled otherwise than in digits ('A', 'B'), or some not at
      all: no sequence to hold them to;
    * a single annex.

    Where more than one label breaks the sequence ('1', '3', '4': annex 2
    deleted, or the others not renumbered), the first is the finding, with
    the labels to write for all. A citation of the annex a label mistyped
    stands for (``pp:71#annex/2`` where the annexes are '1', '3', '3') is not
    also reported as unresolved: see
    :func:`itures.rules.references.mistyped_label_for`."""

    def made() -> list[AnnexRelabel]:
        annexes = ctx.resolution.annexes
        if len(annexes) < 2:
            return []
        labels = [a.label.strip() if a.label is not None else "" for a in annexes]
        if not all(label.isascii() and label.isdigit() for label in labels):
            return []
        from itures.rules.history import ANNEX_HEADING

        wrong = [i for i, label in enumerate(labels) if int(label) != i + 1]
        for i in wrong:
            heading = annexes[i].heading
            named = ANNEX_HEADING.match(heading) if heading else None
            said = named.group("annex") if named is not None else None
            if said is not None and said != labels[i]:
                continue  # the heading and the label disagree: reference-part's, at the heading
            return [_annex_relabel(labels, i, wrong)]
        return []

    found: list[AnnexRelabel] = ctx.memo("annex-labels", made)
    return found


def _annex_relabel(labels: list[str], i: int, wrong: list[int]) -> AnnexRelabel:
    label, expected = labels[i], str(i + 1)
    twice = labels.count(label) > 1
    if twice and i:
        message = tr(
            "annex {label} appears twice; this one, after annex {previous}, should be "
            "annex {expected}",
            label=label,
            previous=labels[i - 1],
            expected=expected,
        )
    elif twice:
        message = tr(
            "annex {label} appears twice; this one, first, should be annex {expected}",
            label=label,
            expected=expected,
        )
    elif i:
        message = tr(
            "annex {label} follows annex {previous}; expected annex {expected}",
            label=label,
            previous=labels[i - 1],
            expected=expected,
        )
    else:
        message = tr(
            "the first annex is labelled {label}; expected annex 1",
            label=repr(label),
        )
    if len(wrong) == 1:
        help_ = tr(
            "write '{expected}' as its label, and in its heading if it names one",
            expected=expected,
        )
    else:
        help_ = tr(
            "relabel the annexes {labels} as {new_labels}, in their labels and headings, or "
            "restore the annexes missing",
            labels=listing([labels[j] for j in wrong]),
            new_labels=listing([str(j + 1) for j in wrong]),
        )
    return AnnexRelabel(i, expected, twice, Finding(("annexes", i, "label"), message, help=help_))
