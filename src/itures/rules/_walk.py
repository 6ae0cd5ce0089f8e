"""Shared walks over a resolution, computed once per check run.

Rules look at the same things in different ways: every text with its parsed
markup, and every labelled list (preamble items, operative clauses, annex
paragraphs, at every depth). These walks are memoised in the run's
:attr:`Context.cache`, so parsing inline markup happens once per text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from itures import textscan
from itures.i18n import tr
from itures.model import markup as mk
from itures.model.resolution import Clause, HistoryEntry, Item, Resolution
from itures.rules import Context, CorpusContext

Path = tuple[str | int, ...]
Part = Literal["preamble", "operative", "annex"]

NOUN: dict[Part, str] = {"preamble": "item", "operative": "clause", "annex": "paragraph"}


def noun_tr(noun: str) -> str:
    """An entry's noun ('item', 'clause', 'paragraph': :data:`NOUN`) in the
    editor's language (*alinéa*, *point*, *paragraphe*; *apartado*, *punto*,
    *párrafo*: all masculine, so that the messages around it agree whichever
    it is)."""
    if noun == "item":
        return tr("item")
    if noun == "clause":
        return tr("clause")
    return tr("paragraph")


# Entries, lists and texts are values, equal and hashed by their fields, and
# never changed once made; they are not declared frozen because a frozen
# dataclass's constructor sets each field through object.__setattr__, five
# times as slow as a plain one, and every entry and text of every file makes one.


@dataclass(slots=True, unsafe_hash=True)
class Entry:
    """One entry of a labelled list: an item, a clause or an annex paragraph."""

    path: Path  # path of the entry (a mapping)
    label: str | None
    text: str
    children: tuple[Entry, ...]


@dataclass(slots=True, unsafe_hash=True)
class LabelledList:
    """A list of entries at one place of the document."""

    part: Part
    section: int  # index of the section (or annex) in its part
    heading: str  # the section's heading as written
    parent: Entry | None  # the entry the list is nested in, if any
    entries: tuple[Entry, ...]
    last_section: bool  # the section is the last of its part

    @property
    def noun(self) -> str:
        """'item', 'clause' or 'paragraph' (English: a key, not a word to show)."""
        return NOUN[self.part]

    def noun_tr(self) -> str:
        """The noun of the entries in the editor's language (:func:`noun_tr`)."""
        return noun_tr(NOUN[self.part])

    def where(self) -> str:
        """The list named in a message, in the editor's language: its heading
        as written ("'charge le Directeur…'"), and the entry it is nested in
        ("clause 1 of 'décide'"; French "'décide' (point 1)"), as the
        numbering rules name it."""
        head = f"'{short(self.heading)}'"
        if self.parent is None:
            return head
        return tr(
            "{noun} {label} of {heading}",
            noun=self.noun_tr(),
            label=self.parent.label or tr("(unlabelled)"),
            heading=head,
        )


@functools.lru_cache(maxsize=4096)
def short(heading: str, words: int = 3) -> str:
    """The first words of a heading: 'charge le Directeur…' (memoised: headings repeat)."""
    parts = mk.plain(heading).split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + "…"


# (a word's letters and digits, and the hyphens between them: "up-to- date")
_WORD_END = re.compile(r"[^\W_](?:[^\W_]|-)*$|$")
_WORD_START = re.compile(r"(?:[^\W_]|-(?=[^\W_]))*")


def words_around(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with the rest of the words it touches on either
    side (at most 40 characters of each): 'l`UIT', 'capacity- building', as
    a message quotes a defect inside words."""
    before = _WORD_END.search(text, max(0, start - 40), start)
    after = _WORD_START.match(text, end, min(len(text), end + 40))
    lo = before.start() if before is not None else start
    hi = after.end() if after is not None else end
    return text[lo:hi]


# (an entry without children: no call for its empty tuple)
def _items(base: Path, items: list[Item]) -> tuple[Entry, ...]:
    return tuple(
        [
            Entry(
                (*base, i),
                it.label,
                it.text,
                _items((*base, i, "items"), it.items) if it.items else (),
            )
            for i, it in enumerate(items)
        ]
    )


def _clauses(base: Path, clauses: list[Clause]) -> tuple[Entry, ...]:
    return tuple(
        [
            Entry(
                (*base, i),
                c.label,
                c.text,
                _clauses((*base, i, "clauses"), c.clauses) if c.clauses else (),
            )
            for i, c in enumerate(clauses)
        ]
    )


def _add(
    out: list[LabelledList],
    part: Part,
    s: int,
    heading: str,
    parent: Entry | None,
    entries: tuple[Entry, ...],
    last: bool,
) -> None:
    """The list ``entries`` and the lists nested in it, outer lists first."""
    out.append(LabelledList(part, s, heading, parent, entries, last))
    for entry in entries:
        if entry.children:
            _add(out, part, s, heading, entry, entry.children, last)


# (a module function, not a function nested in _lists calling itself: such a
# function holds itself in its closure, a reference cycle that kept every
# file's lists, their entries and their texts alive until the garbage
# collector ran, some 130,000 objects after a check of 2,500 files)
def _lists(res: Resolution) -> list[LabelledList]:
    out: list[LabelledList] = []
    n = len(res.preamble)
    for s, psec in enumerate(res.preamble):
        _add(
            out,
            "preamble",
            s,
            psec.heading,
            None,
            _items(("preamble", s, "items"), psec.items),
            s == n - 1,
        )
    n = len(res.operative)
    for s, osec in enumerate(res.operative):
        entries = _clauses(("operative", s, "clauses"), osec.clauses)
        _add(out, "operative", s, osec.heading, None, entries, s == n - 1)
    n = len(res.annexes)
    for a, annex in enumerate(res.annexes):
        _add(
            out,
            "annex",
            a,
            annex.heading,
            None,
            _items(("annexes", a, "items"), annex.items),
            a == n - 1,
        )
    return out


def lists(ctx: Context) -> list[LabelledList]:
    """Every labelled list of the context's resolution, outer lists first."""
    result: list[LabelledList] = ctx.memo("lists", lambda: _lists(ctx.resolution))
    return result


class Text:
    """A text field with its parsed inline markup (and what could not be read).

    A value, as a dataclass of these four fields would be (equal and hashed
    by them, never changed once made), but written by hand so that its
    spans may be left out: a text without markup (most: no '[') is one
    literal span, which no rule reads (they read the marked texts' spans),
    made only when asked, rather than once for every text of every file.
    """

    __slots__ = ("_spans", "path", "problems", "text")

    def __init__(
        self,
        path: Path,
        text: str,
        spans: tuple[mk.Span, ...] | None = None,
        problems: tuple[mk.MarkupProblem, ...] = (),
    ) -> None:
        self.path = path
        self.text = text
        self._spans = spans  # None: the text's one literal span
        self.problems = problems

    @property
    def spans(self) -> tuple[mk.Span, ...]:
        spans = self._spans
        if spans is None:
            spans = self._spans = (mk.Text(self.text, 0, len(self.text)),)
        return spans

    def _fields(
        self,
    ) -> tuple[Path, str, tuple[mk.Span, ...], tuple[mk.MarkupProblem, ...]]:
        return self.path, self.text, self.spans, self.problems

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Text)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "Text(path={!r}, text={!r}, spans={!r}, problems={!r})".format(*self._fields())


def _item_fields(out: list[tuple[Path, str]], base: Path, items: list[Item]) -> None:
    for i, item in enumerate(items):
        out.append(((*base, i, "text"), item.text))
        if item.items:
            _item_fields(out, (*base, i, "items"), item.items)


def _clause_fields(
    out: list[tuple[Path, str]],
    base: Path,
    clauses: list[Clause],
    deadlines: list[tuple[Path, str]] | None = None,
) -> None:
    """The clauses' texts, appended to ``out``; their deadlines' words to
    ``deadlines``, when given (the same walk, for :func:`_all_texts`)."""
    for i, clause in enumerate(clauses):
        out.append(((*base, i, "text"), clause.text))
        if deadlines is not None and clause.deadlines:
            for d, deadline in enumerate(clause.deadlines):
                if deadline.text is not None:
                    deadlines.append(((*base, i, "deadlines", d, "text"), deadline.text))
        if clause.clauses:
            _clause_fields(out, (*base, i, "clauses"), clause.clauses, deadlines)


def text_fields(
    res: Resolution, deadlines: list[tuple[Path, str]] | None = None
) -> list[tuple[Path, str]]:
    """``list(res.texts())``, built by appending to one list (no generator
    resumed through every level of nesting for each text). With
    ``deadlines``, the words of the clauses' deadlines are appended to it,
    found in the same walk."""
    out: list[tuple[Path, str]] = [(("title",), res.title)]
    if res.conference is not None:
        out.append((("conference",), res.conference))
    for s, psec in enumerate(res.preamble):
        _item_fields(out, ("preamble", s, "items"), psec.items)
    for s, osec in enumerate(res.operative):
        out.append((("operative", s, "heading"), osec.heading))
        _clause_fields(out, ("operative", s, "clauses"), osec.clauses, deadlines)
    for f, note in enumerate(res.footnotes):
        out.append((("footnotes", f, "text"), note.text))
    for a, annex in enumerate(res.annexes):
        if annex.title is not None:
            out.append((("annexes", a, "title"), annex.title))
        _item_fields(out, ("annexes", a, "items"), annex.items)
    return out


class Texts(list[Text]):
    """The texts of a resolution, a list; :attr:`marked` holds those with a
    '[' (the only ones that may hold markup), found as the texts were made:
    a search for '[' in every text of a file costs as much as the rules that
    read the few marked ones."""

    __slots__ = ("marked",)

    def __init__(self, texts: list[Text], marked: list[Text]) -> None:
        super().__init__(texts)
        self.marked = marked


def _all_texts(res: Resolution) -> Texts:
    """Every text (see :func:`texts`), in this order: :func:`text_fields`,
    the preambular and annex headings, the history's places, the deadlines'
    words (the order of the findings, and of a summary's citations).

    Most texts have no markup (no '['): their one span is made when asked
    (see :class:`Text`), without the parser."""
    deadlines: list[tuple[Path, str]] = []
    fields = text_fields(res, deadlines)
    for s, psec in enumerate(res.preamble):
        fields.append((("preamble", s, "heading"), psec.heading))
    for a, annex in enumerate(res.annexes):
        fields.append((("annexes", a, "heading"), annex.heading))
    for h, entry in enumerate(res.history):
        fields.append((("history", h, "place"), entry.place))
    if deadlines:
        fields += deadlines
    marked: list[Text] = []
    made = [
        Text(path, text) if "[" not in text else _parsed(path, text, marked)
        for path, text in fields
    ]
    return Texts(made, marked)


# The spans of the marked texts read well, by text: a corpus writes the same
# citations in the same sentences again and again (a few hundred marked texts
# in thousands). A text with problems is not remembered: what is wrong is said
# in the current language, so it is parsed each time. Bounded: emptied when full.
_SPANS: dict[str, tuple[mk.Span, ...]] = {}


def _parsed(path: Path, text: str, marked: list[Text]) -> Text:
    """The text with its markup parsed, appended to ``marked`` too."""
    spans = _SPANS.get(text)
    if spans is not None:
        found = Text(path, text, spans)
    else:
        parsed, problems = mk.parse(text)
        found = Text(path, text, tuple(parsed), tuple(problems))
        if not problems:
            if len(_SPANS) >= 4096:
                _SPANS.clear()
            _SPANS[text] = found.spans
    marked.append(found)
    return found


def _walk_clauses(base: Path, clauses: list[Clause]) -> list[tuple[Path, Clause]]:
    out: list[tuple[Path, Clause]] = []
    for i, clause in enumerate(clauses):
        out.append(((*base, i), clause))
        if clause.clauses:
            out.extend(_walk_clauses((*base, i, "clauses"), clause.clauses))
    return out


def clauses_of(ctx: Context) -> list[tuple[Path, Clause]]:
    """:func:`clauses` of the context's resolution (computed once per file)."""
    result: list[tuple[Path, Clause]] = ctx.memo("clauses", lambda: clauses(ctx.resolution))
    return result


def clauses(res: Resolution) -> list[tuple[Path, Clause]]:
    """Every operative clause at every depth, with its path."""
    out: list[tuple[Path, Clause]] = []
    for s, osec in enumerate(res.operative):
        out.extend(_walk_clauses(("operative", s, "clauses"), osec.clauses))
    return out


def texts(ctx: Context) -> list[Text]:
    """Every text of the resolution (headings, places and deadline words included)."""
    return texts_of(ctx, ctx.path, ctx.resolution)


def marked(ctx: Context) -> list[Text]:
    """The texts that hold a '[', in the order of :func:`texts`: the only
    ones with a citation, a footnote marker or markup that cannot be read
    (a few of a file's texts: the rules about markup look at these alone)."""
    found = texts(ctx)
    if isinstance(found, Texts):
        return found.marked
    return [t for t in found if "[" in t.text]


def texts_of(ctx: Context, path: str, res: Resolution) -> list[Text]:
    """:func:`texts` of this or another resolution (another is not memoised)."""
    if path != ctx.path:
        return _all_texts(res)
    result: list[Text] = ctx.memo("texts", lambda: _all_texts(res))
    return result


def all_of(items: list[str]) -> str:
    """'17', '17 and 26', '17, 26 and 44' in the current language."""
    if len(items) == 1:
        return items[0]
    return tr("{first} and {last}", first=", ".join(items[:-1]), last=items[-1])


def last_revision(res: Resolution) -> HistoryEntry | None:
    """The entry of the conference that wrote the text: the latest of the
    history that is not an abrogation (None: no such entry). A text cites the
    revisions before it, and sets deadlines after it."""
    return max(
        (h for h in res.history if h.event != "abrogated"), key=lambda h: h.year, default=None
    )


# how far a citation's words are looked for around a place: a citation's
# words are a few dozen characters; a text of thousands of brackets or none
# is not read whole again at each of its places
_CITATION_REACH = 600


def in_citation_words(text: str, at: int) -> bool:
    """Whether ``at`` is inside the words of a citation, ``[words](target)``
    (its '[' and ']' within :data:`_CITATION_REACH` characters)."""
    opened = text.rfind("[", max(0, at - _CITATION_REACH), at)
    closed = text.find("](", at, at + _CITATION_REACH)
    return opened >= 0 and closed >= 0 and "]" not in text[opened:at] and "[" not in text[at:closed]


def blank_joined(ctx: Context) -> str:
    """The file's :func:`texts` joined by a blank, a blank first: where a
    search for a word (a blank before and after it) finds each word of each
    text, its first and last too; made once per file."""
    result: str = ctx.memo("blank-joined", lambda: " " + " ".join([t.text for t in texts(ctx)]))
    return result


def blank_starts(ctx: Context) -> list[int]:
    """Where each text of :func:`texts` starts in :func:`blank_joined` (after
    its blank), and one past the end: the text of a place found there is
    ``bisect_right(starts, place) - 1``. Made once per file, when first asked
    (a file whose quick tests find nothing never asks)."""
    result: list[int] = ctx.memo(
        "blank-starts", lambda: list(accumulate([len(t.text) + 1 for t in texts(ctx)], initial=1))
    )
    return result


def joined(ctx: Context) -> textscan.Joined:
    """The file's :func:`texts` joined, in the form the quick tests of the
    whole file search (:class:`textscan.Joined`), made once per file."""
    result: textscan.Joined = ctx.memo(
        "joined", lambda: textscan.Joined([t.text for t in texts(ctx)])
    )
    return result


# The classes of the letters of a file's texts joined (textscan.Joined's
# form): "a" for a small letter or a character beyond ASCII (a "?" there:
# "développementDans"), "A" for a capital, a blank for anything else
_CASES = bytes(
    ord("a") if 97 <= code <= 122 or code == 63 else ord("A") if 65 <= code <= 90 else ord(" ")
    for code in range(256)
)


def letter_cases(ctx: Context) -> bytes:
    """The file's :func:`joined` form with each character its letter's case
    (see :data:`_CASES`): what the quick tests of a capital where a word's
    letters run on search ("particulierSur", "lUIT"), made once per file."""
    result: bytes = ctx.memo("letter-cases", lambda: joined(ctx).form.translate(_CASES))
    return result


def writes_word(ctx: Context) -> Callable[[str], bool]:
    """Whether the file's texts write a word, as given (case kept), whole: the
    evidence that a word with a capital inside it ("atelierS") is a word the
    file writes otherwise ("ateliers"). Each word is looked for once a file,
    in the texts joined (:func:`blank_joined`), when a rule asks."""
    found: dict[str, bool] = ctx.memo("words-written", dict)

    def writes(word: str) -> bool:
        known = found.get(word)
        if known is None:
            text = blank_joined(ctx)
            at = text.find(word)
            while at >= 0 and (
                text[at - 1 : at].isalpha() or text[at + len(word) : at + len(word) + 1].isalpha()
            ):
                at = text.find(word, at + 1)
            known = found[word] = at >= 0
        return known

    return writes


def scans(ctx: Context) -> textscan.Scans:
    """The scans for conversion leftovers of the file's texts, shared by its rules."""
    result: textscan.Scans = ctx.memo("textscan", textscan.Scans)
    return result


def leftover_texts(ctx: Context) -> list[int]:
    """The indices in :func:`texts` of the texts in which :func:`scans` finds
    a conversion's leftover (:meth:`textscan.Scans.found_in`, for the file's
    language: what each finds is then remembered), made once per file."""
    result: list[int] = ctx.memo(
        "leftover-texts", lambda: scans(ctx).found_in(joined(ctx), ctx.resolution.language)
    )
    return result


@dataclass(frozen=True, slots=True)
class End:
    """Where the resolution's own words end in a file into which a conversion
    merged the text that follows it in the printed Final Acts (a part heading,
    "PART VI - SIGNATORIES", then signatures or declarations): the first
    preambular or operative entry's text holding it (:func:`document_end`)."""

    path: Path  # the path of that entry's text
    start: int  # where the merged text starts in it
    whole: bool  # the whole text is merged (nothing of the resolution's before it)

    def covers(self, path: Path, offset: int | None = None) -> bool:
        """Whether a finding at ``path`` (``offset`` in its text) is about the
        merged text: that entry's text from :attr:`start` on (its label and
        what it holds too when the whole text is merged), the entries nested
        in it and every preambular or operative entry after it. Not a title,
        history, footnote or annex: the conversion made those of their own."""
        if path[:1] not in (("preamble",), ("operative",)):
            return False
        if path == self.path:
            return self.whole or (offset is not None and offset >= self.start)
        entry = self.path[:-1]
        if path[: len(entry)] == entry and path[len(entry) : len(entry) + 1] not in (
            ("items",),
            ("clauses",),
        ):
            return self.whole  # the entry itself, its label, actors, deadlines
        return textscan.document_order(path) > textscan.document_order(self.path)


def document_end(ctx: Context) -> End | None:
    """Where the text that follows the document starts, if a conversion merged
    it into an item or a clause (see :class:`End`); computed once per file.
    ``conversion-artefact`` reports that text, once; the other rules leave it
    (one defect, one finding: deleting it is the fix of everything in it)."""
    result: End | None = ctx.memo("document-end", lambda: find_end(lists(ctx), scans(ctx)))
    return result


def find_end(all_lists: list[LabelledList], scan: textscan.Scans) -> End | None:
    """:func:`document_end` of these lists: the first preambular or operative
    entry, in document order, whose text holds :func:`textscan.trailing`."""
    found: End | None = None
    key: tuple[tuple[int, int], ...] | None = None
    for lst in all_lists:
        if lst.part == "annex":
            continue
        for entry in lst.entries:
            text = entry.text
            if not textscan.may_trail(text):
                continue
            after = scan.trailing(text)
            if after is None:
                continue
            path = (*entry.path, "text")
            order = textscan.document_order(path)
            if key is None or order < key:
                found, key = End(path, after.start, not text[: after.start].strip()), order
    return found


def bodies(ctx: CorpusContext) -> frozenset[str]:
    """The bodies the corpus index holds (computed once per run)."""
    result: frozenset[str] = ctx.memo_run("bodies", ctx.index.bodies)
    return result


# Marks that end an item, in every script the six languages use.
COMMA = ",،，"
SEMICOLON = ";؛；\u037e"  # (U+037E GREEK QUESTION MARK, the shape of ';': punctuation says it)
PERIOD = ".。"
COLON = ":："
# and the marks that end a text without being an item's end mark (a question
# or an exclamation ending a clause: "ends with '?'", not "with no mark")
MARKS = COMMA + SEMICOLON + PERIOD + COLON + "?؟？!！"
# What may follow the end mark: closing quotes and footnote markers.
_CLOSERS = "\"'”’»›」』"


def end_mark(text: str) -> tuple[str | None, int]:
    """The punctuation mark that ends a text, and its offset in the text.

    Trailing spaces, footnote markers (``développés[^1];`` or ``…;[^1]``) and
    closing quotes (``développés";`` or ``…;"``) are looked through. ``None``
    (with the offset of the last character) when the text ends with no mark.
    """
    end = len(text)
    if end and text[-1] in MARKS:
        return text[-1], end - 1  # nothing to look through (most texts)
    while end > 0:
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end > 0 and text[end - 1] == "]":
            start = text.rfind("[^", 0, end)
            if start >= 0 and "]" not in text[start : end - 1]:
                end = start
                continue
        if end > 0 and text[end - 1] in _CLOSERS:
            end -= 1
            continue
        break
    if end == 0:
        return None, 0
    ch = text[end - 1]
    return (ch if ch in MARKS else None), end - 1


def mark_name(ch: str | None) -> str:
    if ch is None:
        return tr("no mark")
    return f"'{ch}'"


# What ends a text and is not compared when texts are compared for being the
# same: its end mark and blanks (a clause pasted last has its ';' made a
# '.'); and the fewest words a text repeated is reported for (``text-duplicate``)
TEXT_ENDS = " \n,;.:"
SHORTEST_PASTED = 5


def pasted_notes(res: Resolution) -> dict[int, int]:
    """The footnotes whose text repeats an earlier footnote's (of
    :data:`SHORTEST_PASTED` words or more), each with the index of that
    earlier one: ``text-duplicate`` reports them (a footnote written twice).
    Not a copy under the same id: ``footnote-duplicate`` reports that one."""
    out: dict[int, int] = {}
    first: dict[str, int] = {}
    for n, note in enumerate(res.footnotes):
        text = note.text.rstrip(TEXT_ENDS)
        k = first.setdefault(text, n)
        if k != n and len(text.split()) >= SHORTEST_PASTED and res.footnotes[k].id != note.id:
            out[n] = k  # (a copy under the same id: footnote-duplicate's)
    return out
