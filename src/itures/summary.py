"""What the corpus index keeps of a resolution: a :class:`Summary`.

A check holds every resolution of the corpus in its index, for the rules that
look across files (``reference-unresolved``, ``reference-revision``,
``language-mismatch``). Keeping the validated models (about 35 KB each) would
make a check of 100,000 files need several gigabytes; the index keeps this
summary instead, a few kilobytes of tuples and strings:

* identity (body, number, language) and the file's path;
* the history as (event, place, year);
* the outline: section verbs (and operative headings), item, clause and annex
  labels with their nesting;
* footnote ids, and the ids of the footnote markers of each text;
* who each operative section and clause addresses and by when: its actors,
  partners and deadlines' data (see :data:`Addressed`), which the language
  versions share;
* the citations of every text: where (path into the document and offset),
  the words and the target;
* what a conversion ran into the texts of its items and clauses (see
  :data:`RunIn`): a citation of a clause or a section that is there, inside a
  text, is the conversion's defect, reported where it is
  (``conversion-artefact``), not the citation's;
* a fingerprint of each text of its title, items, clauses, footnotes and
  annex paragraphs (4 bytes each, see :func:`printed_paths`): a text pasted
  from another language version and not translated has that version's
  (``text-untranslated``).

That is everything corpus rules ask of another file, and of the checked file
itself, so they run on summaries alone: the full model of a file lives only
while that file is read, validated and checked by the rules that look at one
file. A summary is made of plain tuples, so that it crosses process
boundaries and is stored in the cache (:mod:`itures.cache`) with
:mod:`marshal` (fast, and unable to run code when read back). Labels, verbs,
document paths and whole label trees repeat from file to file: they are
shared (interned), which is most of a summary's size.

This module imports nothing heavy: a check whose files are all in the cache
never loads pydantic.
"""

from __future__ import annotations

import re
import sys
import zlib
from array import array
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from itures.diagnostics import shared_int

if TYPE_CHECKING:
    from itures.model.resolution import Clause, Item, Resolution

__all__ = ["Addressed", "Cite", "Marks", "RunIn", "Summary", "Tree", "summarise"]

DocPath = tuple[str | int, ...]
# A labelled list: (label, children) for each entry, children a Tree again.
Tree = tuple[tuple[str | None, "Tree"], ...]
# A citation in a text: (path of the text, offset in it, words, target).
Cite = tuple[DocPath, int, str, str]
# What a conversion ran into one text of an item or a clause
# (itures.rules.artefacts.run_in): (verb, heading, labels). The labels (as a
# citation writes them: "10", "ii", "1.2") of entries run into the text of an
# entry of the section of that verb, heading ""; or an operative heading
# merged into the text (its first words), verb "", with the labels after it
# (its clauses, as far as they are seen).
RunIn = tuple[str, str, tuple[str, ...]]
# The footnote markers of one text: (path of the text, the ids its markers name, in order)
Marks = tuple[DocPath, tuple[str, ...]]
# Who an operative section or clause addresses, as data: (its path, actors,
# partners, deadlines as (every, event, by, report_to)); only those that
# name any, in document order. The words of its deadlines are the language's.
Addressed = tuple[
    DocPath,
    tuple[str, ...],
    tuple[str, ...],
    tuple[tuple[str | None, str | None, int | None, str | None], ...],
]

_SHARED: dict[Any, Any] = {}


def _share(value: Any) -> Any:
    """One object for equal values (label trees, paths): they repeat across files."""
    found = _SHARED.get(value)
    if found is None:
        if len(_SHARED) > 200_000:  # a bound, should a corpus be very unusual
            return value
        _SHARED[value] = value
        return value
    return found


def _istr(value: str | None) -> str | None:
    return sys.intern(value) if value is not None else None


class Summary:
    """One valid resolution as the corpus index keeps it (see the module docstring)."""

    __slots__ = (
        "accepted",
        "addressed",
        "annexes",
        "body",
        "cites",
        "dates",
        "flagged",
        "footnotes",
        "formula",
        "history",
        "language",
        "leaning",
        "marks",
        "number",
        "operative",
        "path",
        "preamble",
        "prints",
        "run_in",
        "shape",
        "unmarked",
    )

    def __init__(
        self,
        path: str,
        body: str,
        number: str,
        language: str,
        history: tuple[tuple[str, str, int], ...],
        preamble: tuple[tuple[str, Tree], ...],
        operative: tuple[tuple[str, str, Tree], ...],
        annexes: tuple[tuple[str | None, Tree], ...],
        footnotes: tuple[str, ...],
        cites: tuple[Cite, ...],
        run_in: tuple[RunIn, ...] = (),
        formula: str | None = None,
        addressed: tuple[Addressed, ...] = (),
        shape: bytes = b"",
        flagged: tuple[DocPath, ...] = (),
        marks: tuple[Marks, ...] = (),
        prints: bytes = b"",
        unmarked: tuple[Cite, ...] = (),
        dates: tuple[str | None, ...] = (),
        leaning: tuple[tuple[DocPath, str], ...] = (),
        accepted: tuple[DocPath, ...] = (),
    ) -> None:
        self.path = path
        self.body = body
        self.number = number
        self.language = language
        self.history = history  # (event, place, year)
        self.preamble = preamble  # (verb, items)
        self.operative = operative  # (verb, heading, clauses)
        self.annexes = annexes  # (label, items)
        self.footnotes = footnotes  # ids, in document order
        self.cites = cites  # in document order (the order of Resolution.texts, then headings)
        self.run_in = run_in  # what a conversion ran into texts, in document order
        # the body whose conference the formula names (itures.rules.history.formula_body):
        # the identity rules tell a misspelt body the history rule reports from a moved file
        self.formula = formula
        self.addressed = addressed  # who each section and clause addresses, by when
        # digest of the structure language versions share (itures.rules.languages.shape);
        # b"" until computed: the engine computes it with the summary, so the cache keeps it
        self.shape = shape
        # where a file rule of this version found what its language versions
        # may differ by (flagged_of): the version's own defect, said there
        self.flagged = flagged
        self.marks = marks  # the footnote markers of each text that has some, in document order
        # the fingerprint of each text of printed_paths (a text pasted from
        # another language version has that version's), 4 bytes each: see _prints
        self.prints = prints
        # the citations a text writes in plain words (reference-unmarked's
        # findings: path, offset, words, the target to write): a version that
        # lost a citation's markup cites nothing there, and says so once
        self.unmarked = unmarked
        # the date of each history entry, as written (None: none), when one has a
        # date ('2018-11-15'; () when none has): the language versions record one
        self.dates = dates
        # the texts too short for text-language that lean to another language
        # of Latin letters (path, that language): which of two versions a text
        # written word for word in both was pasted into (text-untranslated)
        self.leaning = leaning
        # the entries whose label a numbering rule reports and a suppression
        # accepts (the published '5' after '2'): not this version's slip, so a
        # language version labelled otherwise there differs from it
        # (itures.rules.languages)
        self.accepted = accepted

    def __repr__(self) -> str:
        return f"Summary({self.path!r}, {self.body}:{self.number}, {self.language})"

    def __eq__(self, other: object) -> bool:
        # the shape is derived (computed or not yet): not part of equality
        if not isinstance(other, Summary):
            return False
        mine, theirs = list(self.to_data()), list(other.to_data())
        del mine[_SHAPE_AT], theirs[_SHAPE_AT]
        return mine == theirs

    __hash__ = None  # type: ignore[assignment]

    @property
    def key(self) -> tuple[str, str]:
        return (self.body, self.number)

    def revision_years(self) -> list[int]:
        """Years of adoption and revisions (abrogation aside)."""
        return [year for event, _, year in self.history if event != "abrogated"]

    def at(self, path: str) -> Summary:
        """This summary for a file with the same content at another path."""
        if path == self.path:
            return self
        return Summary(path, *self.to_data()[1:])

    def to_data(self) -> tuple[Any, ...]:
        """Plain tuples (for :mod:`marshal`), the fields in the order of
        :data:`_FIELDS`; :meth:`from_data` reads them back."""
        return tuple([getattr(self, name) for name in _FIELDS])

    def to_entry(self) -> tuple[tuple[Any, ...], bytes]:
        """:meth:`to_data` as a cache entry keeps it: the fields read of every
        file, and the marshal bytes of those kept apart (see :data:`_APART`);
        :meth:`from_entry` reads them back."""
        import marshal

        data = self.to_data()
        return (
            tuple(data[i] for i in _HEAD_AT),
            marshal.dumps(tuple(data[i] for i in _APART_AT)),
        )

    @classmethod
    def from_entry(
        cls, head: tuple[Any, ...], apart: bytes, path: str | None = None, *, light: bool = False
    ) -> Summary:
        """A summary from :meth:`to_entry`. ``light``: as :meth:`from_data`
        with ``share=False``, the fields kept apart decoded only when read
        (a summary read for its citations, used and dropped)."""
        if light:
            lazy = object.__new__(_Lazy)
            for i, value in zip(_HEAD_AT, head, strict=True):
                object.__setattr__(lazy, _FIELDS[i], value)
            if path is not None:
                object.__setattr__(lazy, "path", path)
            object.__setattr__(lazy, "_apart", apart)
            return lazy
        import marshal

        data: list[Any] = [None] * len(_FIELDS)
        for i, value in zip(_HEAD_AT, head, strict=True):
            data[i] = value
        for i, value in zip(_APART_AT, marshal.loads(apart), strict=True):
            data[i] = value
        return cls.from_data(tuple(data), path)

    @classmethod
    def from_data(
        cls, data: tuple[Any, ...], path: str | None = None, *, share: bool = True
    ) -> Summary:
        """A summary from :meth:`to_data` (its shared parts shared again).

        ``share=False``: the tuples as given, nothing interned nor shared
        (equal, and quicker to make: for a summary read, used and dropped, such
        as those of the files citing a checked one)."""
        if not share:
            return cls(path if path is not None else data[0], *data[1:])
        (
            old,
            body,
            number,
            language,
            history,
            preamble,
            operative,
            annexes,
            notes,
            cites,
            run_in,
            formula,
            addressed,
            shape,
            flagged,
            marks,
            prints,
            unmarked,
            dates,
            leaning,
            accepted,
        ) = data
        return cls(
            path if path is not None else old,
            _istr(body) or "",
            _istr(number) or "",
            _istr(language) or "",
            _share(history),
            tuple((_istr(verb) or "", _tree(items)) for verb, items in preamble),
            tuple((_istr(v) or "", _istr(h) or "", _tree(c)) for v, h, c in operative),
            tuple((_istr(label), _tree(items)) for label, items in annexes),
            _share(notes),
            tuple(
                (_share(p), shared_int(start), sys.intern(words), sys.intern(target))
                for p, start, words, target in cites
            ),
            _share(run_in),
            _istr(formula),
            _share(addressed),
            shape,
            _share(flagged),
            tuple((_share(p), _share(ids)) for p, ids in marks),
            prints,
            tuple((_share(p), start, words, target) for p, start, words, target in unmarked),
            _share(dates),
            tuple((_share(p), sys.intern(lang)) for p, lang in leaning),
            _share(accepted),
        )


# where :meth:`Summary.to_data` puts the shape (derived: not compared by ``==``)
_SHAPE_AT = 13

# The fields of :meth:`Summary.to_data`, and those a cache entry keeps apart,
# marshalled on their own (:meth:`Summary.to_entry`): the label trees and what
# else is large and made of many small tuples. A file around the checked ones
# that cites one of them is read for its citations (the inbound check, a
# thousand files for a much-cited resolution): its summary is made without
# them, and reads them only if asked (:class:`_Lazy`).
_FIELDS = (
    "path",
    "body",
    "number",
    "language",
    "history",
    "preamble",
    "operative",
    "annexes",
    "footnotes",
    "cites",
    "run_in",
    "formula",
    "addressed",
    "shape",
    "flagged",
    "marks",
    "prints",
    "unmarked",
    "dates",
    "leaning",
    "accepted",
)
_APART = frozenset(
    ("preamble", "operative", "annexes", "run_in", "addressed", "marks", "prints", "leaning")
)
assert _FIELDS[_SHAPE_AT] == "shape" and set(_FIELDS) == set(Summary.__slots__)
_HEAD_AT = tuple(i for i, name in enumerate(_FIELDS) if name not in _APART)
_APART_AT = tuple(i for i, name in enumerate(_FIELDS) if name in _APART)


class _Lazy(Summary):
    """A summary whose fields :data:`_APART` are decoded when first read."""

    __slots__ = ("_apart",)

    def __getattr__(self, name: str) -> Any:
        # (called only for a field not set yet: those kept apart)
        if name not in _APART:
            raise AttributeError(name)
        import marshal

        for i, value in zip(_APART_AT, marshal.loads(self._apart), strict=True):
            object.__setattr__(self, _FIELDS[i], value)
        return object.__getattribute__(self, name)


def _tree(tree: Any) -> Tree:
    """A label tree with shared strings and subtrees."""
    return _share(tuple((_istr(label), _tree(children)) for label, children in tree))  # type: ignore[no-any-return]


# (an entry without children has the empty tree, the one () there is, without
# a call; lists made by comprehension, quicker than a generator into a tuple)
def _items(items: list[Item]) -> Tree:
    return _shared_tree(
        tuple(
            [
                (it.label or _left_in_text(it.text), _items(it.items) if it.items else ())
                for it in items
            ]
        )
    )


def _clauses(clauses: list[Clause]) -> Tree:
    return _shared_tree(
        tuple(
            [
                (c.label or _left_in_text(c.text), _clauses(c.clauses) if c.clauses else ())
                for c in clauses
            ]
        )
    )


def _left_in_text(text: str) -> str | None:
    from itures.textscan import left_label

    return left_label(text)


def _shared_tree(tree: Tree) -> Tree:
    """The one tree equal to ``tree``, its labels interned. A tree seen
    before (most: label trees repeat from file to file) is found as it is
    made; the labels are interned only for a tree not seen yet (its subtrees
    are already shared)."""
    found: Tree | None = _SHARED.get(tree)
    if found is not None:
        return found
    return _share(tuple([(_istr(label), children) for label, children in tree]))  # type: ignore[no-any-return]


def _addressed(
    res: Resolution, clauses: list[tuple[DocPath, Clause]] | None
) -> tuple[Addressed, ...]:
    """:data:`Addressed` of the operative sections and clauses that name any,
    in document order (each section before its clauses)."""
    if clauses is None:
        from itures.rules._walk import clauses as walk

        clauses = walk(res)
    out = [
        _address(("operative", s), section.actors, section.partners, ())
        for s, section in enumerate(res.operative)
        if section.actors or section.partners
    ]
    out += [
        _address(path, c.actors, c.partners, c.deadlines)
        for path, c in clauses
        if c.actors or c.partners or c.deadlines
    ]
    out.sort(key=lambda a: a[0])
    return tuple(out)


def _address(path: DocPath, actors: list[str], partners: list[str], deadlines: Any) -> Addressed:
    return (
        _share(path),
        _share(tuple(actors)),
        _share(tuple(partners)),
        _share(tuple([(d.every, d.event, d.by, d.report_to) for d in deadlines])),
    )


def _formula(res: Resolution) -> str | None:
    if res.conference is None:
        return None
    from itures.rules.history import formula_body

    return formula_body(res)


# The file rules whose findings are a version's own defect in what its
# language versions are compared by (itures.rules.languages): a citation whose
# words disagree with its target, actors or deadlines their clause's words do
# not name, an id the vocabulary does not have, an actor in both lists, a
# verb key its heading or the vocabulary does not take, a section written
# twice, a history the calendar or the formula contradicts, a text in another
# language. language-mismatch leaves
# such a place to them (and text-untranslated a text text-language reports);
# identity-path leaves a file whose 'language' heading-mismatch says is wrong
# (its headings in the language its path says) to that rule.
FLAGGING = frozenset(
    (
        "heading-mismatch",
        "verb-unknown",
        "section-duplicate",
        "reference-text",
        "actor-mismatch",
        "actor-unknown",
        "actor-duplicate",
        "deadline-mismatch",
        "deadline-event-unknown",
        "deadline-malformed",
        "history",
        "history-date",
        "text-language",
    )
)


def flagged_of(found: Iterable[tuple[Any, Any]]) -> tuple[DocPath, ...]:
    """The paths of the findings of :data:`FLAGGING` rules among ``found``
    (a rule run's (rule, finding) pairs), and of those marked ``flagging``
    (:class:`itures.rules.Finding`), each once, in order; with the places
    related to the findings of :data:`_FLAGGING_RELATED` rules (the texts
    of a file not translated, listed by one finding), and the places of
    every finding's ``flags``."""
    places = [
        path
        for r, f in found
        if r.name in FLAGGING or f.flagging
        for path in (
            (f.path, *(p.path for p in f.related)) if r.name in _FLAGGING_RELATED else (f.path,)
        )
    ]
    places.extend(path for _, f in found if f.flags for path in f.flags)
    return tuple(dict.fromkeys(_share(path) for path in places))


# the rules whose findings' related places are the same defect's, each its
# own text's (text-language's file not translated: every text it lists)
_FLAGGING_RELATED = frozenset(("text-language",))


def summary_of_run(
    path: str,
    res: Resolution,
    local: Mapping[str, Any],
    found: Iterable[tuple[Any, Any]],
    accepted: tuple[DocPath, ...] = (),
) -> Summary:
    """:func:`summarise` after a rule run: with what it made (``local``, the
    run's :attr:`itures.rules.Context.local`: the texts, what a conversion
    ran into them, the clauses), the places of its findings (``found``,
    :func:`flagged_of`) and the entries whose label's numbering finding a
    suppression accepts (``accepted``)."""
    return summarise(
        path,
        res,
        local.get("texts"),
        local.get("run-in"),
        local.get("clauses"),
        flagged_of(found),
        tuple(local.get("unmarked", ())),
        tuple(local.get("leaning", ())),
        accepted,
    )


# the parts whose texts are fingerprinted (Summary.prints), with the title:
# those of items, clauses, footnotes and annex paragraphs (not headings,
# places, deadline words)
_ENTRIES = frozenset(("preamble", "operative", "footnotes", "annexes"))
# four words in a row that start with two letters, looked for in the first
# _WORDS4_IN characters of a text (not a list of numbers or references,
# which language versions write alike; the whole text is not searched: a
# search of each text of every file would cost more than its fingerprint)
_WORDS4 = re.compile(r"[^\W\d_]{2}\S* +[^\W\d_]{2}\S* +[^\W\d_]{2}\S* +[^\W\d_]{2}")
_WORDS4_IN = 80


def summarise(
    path: str,
    res: Resolution,
    texts: Iterable[Any] | None = None,
    run_in: tuple[RunIn, ...] | None = None,
    clauses: list[tuple[DocPath, Clause]] | None = None,
    flagged: tuple[DocPath, ...] = (),
    unmarked: tuple[Cite, ...] = (),
    leaning: tuple[tuple[DocPath, str], ...] = (),
    accepted: tuple[DocPath, ...] = (),
) -> Summary:
    """The summary of a validated resolution.

    ``texts`` are the parsed texts (:func:`itures.rules._walk.texts`),
    ``run_in`` what a conversion ran into them
    (:func:`itures.rules.artefacts.run_in`) and ``clauses`` the operative
    clauses with their paths (:func:`itures.rules._walk.clauses`) when a rule
    run already has them; otherwise they are made here. ``flagged`` are the
    places of the version's own defects (:func:`flagged_of` of the file
    rules' findings), ``unmarked`` the citations its texts write in plain
    words (``reference-unmarked``'s), ``leaning`` its texts too short to
    read as another language that lean to one (``text-language``'s),
    ``accepted`` the entries whose label's numbering finding a suppression
    accepts (:func:`itures.rules.runner.Runner.accepted`).
    """
    from itures.model import markup as mk

    if texts is None:
        from itures.rules._walk import _all_texts

        texts = _all_texts(res)
    if run_in is None:
        from itures.rules.artefacts import run_in_of

        run_in = run_in_of(res, texts)
    # (a text with no '[' has no citation; the walk's texts know which have one)
    marked = getattr(texts, "marked", None)
    if marked is None:
        marked = [t for t in texts if "[" in t.text]
    cites = tuple(
        [
            (_share(t.path), shared_int(span.start), sys.intern(span.text), sys.intern(span.target))
            for t in marked
            for span in t.spans
            if isinstance(span, mk.Citation)
        ]
    )
    marks: list[Marks] = []
    for t in marked:
        if "[^" in t.text:
            ids = tuple([span.id for span in t.spans if isinstance(span, mk.FootnoteRef)])
            if any(p.marks for p in t.problems):
                # ('[^ 1]': a marker of footnote 1, the markup rule's finding)
                ordered = [(s.start, s.id) for s in t.spans if isinstance(s, mk.FootnoteRef)]
                ordered += [(p.start, p.marks) for p in t.problems if p.marks]
                ids = tuple([i for _, i in sorted(ordered)])
            if ids:
                marks.append((_share(t.path), _share(ids)))
    summary = Summary(
        path,
        sys.intern(res.body),
        sys.intern(res.number),
        sys.intern(res.language),
        _share(tuple([(h.event, h.place, h.year) for h in res.history])),
        tuple((sys.intern(s.verb), _items(s.items)) for s in res.preamble),
        tuple(
            (sys.intern(s.verb), sys.intern(s.heading), _clauses(s.clauses)) for s in res.operative
        ),
        tuple((_istr(a.label), _items(a.items)) for a in res.annexes),
        _share(tuple(f.id for f in res.footnotes)),
        cites,
        run_in,
        _formula(res),
        _addressed(res, clauses),
        flagged=flagged,
        marks=tuple(marks),
        unmarked=unmarked,
        dates=_share(tuple([h.date for h in res.history]))
        if any(h.date for h in res.history)
        else (),
        leaning=leaning,
        accepted=accepted,
    )
    summary.prints = _prints(texts)
    return summary


def printed_paths(summary: Summary) -> list[DocPath]:
    """The paths of the texts whose fingerprints :attr:`Summary.prints`
    holds, in its order, which is theirs among a file's texts
    (:func:`itures.rules._walk.text_fields`): the title, the text of each
    preambular item and operative clause at every depth, each footnote's,
    then each annex paragraph's. The summary's label trees tell them."""
    out: list[DocPath] = [("title",)]

    def walk(base: DocPath, key: str, tree: Tree) -> None:
        for i, (_, children) in enumerate(tree):
            at = (*base, key, i)
            out.append((*at, "text"))
            if children:
                walk(at, key, children)

    for s, (_, items) in enumerate(summary.preamble):
        walk(("preamble", s), "items", items)
    for s, (_, _, clauses) in enumerate(summary.operative):
        walk(("operative", s), "clauses", clauses)
    out.extend(("footnotes", k, "text") for k in range(len(summary.footnotes)))
    for a, (_, items) in enumerate(summary.annexes):
        walk(("annexes", a), "items", items)
    return out


def prints_of(summary: Summary) -> list[int]:
    """The fingerprints of :attr:`Summary.prints`, one per path of
    :func:`printed_paths` (0: a text too short to tell); none when the
    summary has no text to tell."""
    found = array("I")
    found.frombytes(summary.prints)
    return found.tolist()


def _prints(texts: Iterable[Any]) -> bytes:
    """:attr:`Summary.prints` from a file's texts (:func:`itures.rules._walk.texts`,
    in their order): the CRC-32 of each text of :func:`printed_paths` with
    four words in a row near its start, else 0. Kept as 4 bytes each (a
    summary of every file of a corpus of 100,000 is held at once), b"" when
    no text has one."""
    crcs = array("I")
    told = False
    for t in texts:
        path = t.path
        if (path[-1] != "text" or path[0] not in _ENTRIES or path[-3] == "deadlines") and path != (
            "title",
        ):
            continue
        text = t.text
        if text.count(" ", 0, _WORDS4_IN) >= 3 and (
            # (a text that starts with a small letter starts with a word: most)
            text[0].islower() or _WORDS4.search(text, 0, _WORDS4_IN) is not None
        ):
            crcs.append(zlib.crc32(text.encode()) or 1)
            told = True
        else:
            crcs.append(0)
    return crcs.tobytes() if told else b""
