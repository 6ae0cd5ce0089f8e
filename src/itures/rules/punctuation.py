"""ITU end-of-item punctuation, doubled marks, marks with no partner, blanks
before marks.

The convention, as the PP-18 Final Acts follow it:

* ``;`` ends an entry inside a list (every entry but the last);
* ``,`` ends the last entry of a preambular section, and of an operative
  section that is not the last;
* ``.`` ends the resolution: the last entry of the last operative section;
* ``:`` ends an entry that introduces a sub-list; the sub-list's last entry
  then ends as its parent would have (``;``, ``,`` or ``.``). The parent may
  also end with that mark itself;
* the conference formula ends with ``,``.

The mark is found by looking through trailing spaces, footnote markers and
closing quotes (``développés";`` and ``développés;"`` both end with ``;``).
Marks are recognised in every script of the six languages (``，；。：`` in
Chinese, ``،؛`` in Arabic); an entry that ends with a question or an
exclamation mark (``?``, ``؟``, ``!``) is told the mark it ends with, not
"no mark". Annex paragraphs are prose and are not checked; a footnote
ends with a full stop (one that ends with no mark, or with ',', ';' or ':',
is a warning; not one that ends with a web address).

A wrong end mark is a warning (the published text may have it); a doubled
mark is an error: the trace of a tracked change, a struck mark left beside the
inserted one. Doubled in whatever spacing it comes: ``,;`` and ``;,`` as
well as ``, ;`` and ``; ,`` (French spacing puts a space before ``;`` and
``:``), ``: ;``, ``, .``, ``..``. A run of marks (``, ; ,``) is one defect,
one finding, whose span covers the marks. When the run ends an entry, the
finding says which mark the entry's place calls for, and the end mark is not
reported a second time.

Decisions, for sequences that are not doubled marks:

* an ellipsis (``...``, ``. . .``, ``…``) is not a mark: ``etc...;`` is
  one mark after an ellipsis;
* the dot of an abbreviation may be followed by a mark, in any spacing:
  ``etc.,``, ``etc. ;``, ``Rev.,``, ``No.:``, ``e.g.,``, ``p. ej.,``, an
  initial (``J.,``); the abbreviations known are those of ITU texts in the
  three languages (``etc``, ``Rev``/``Rév``, ``No``/``Nos``/``núm``,
  ``Res``/``Rés``, ``Doc``, ``Art``, ``para``, ``cf``, ``Inc``, ...) and any
  dotted one (``i.e``, ``U.S``). The dot of an abbreviation doubled by a
  full stop (``etc..``) is a doubled mark;
* marks with a quote, bracket or footnote marker between them are not a
  pair (``"…terms.";`` closes a quoted sentence, then the list);
* a dot after a number is a mark (``Resolution 71.,`` is doubled): section
  numbers are written without a final dot in ITU texts.
* a full stop before a word in small letters (``pour identifier. les
  sujets``) is a warning: a ',' or ';' typed as '.', or words lost. Not
  after those abbreviations, a letter alone, a number (but a year: ``in
  2014. and``) or an ellipsis, nor
  before a heading or inside a footnote a conversion merged into the text
  (conversion-artefact's).
* in English, a possessive's apostrophe typed as another mark (``ITU.s``,
  ``Council,s``) is a finding of its own (not "no blank after ','"); an
  apostrophe glued to the next word (``ITU'regional``, ``Members'rights``)
  is a warning, with the possessive to write or the apostrophe to delete;
  and so is the blank lost beside "the", "of" or "and" (``ofthe``,
  ``theimplementation``, ``Unionand``) where the file writes both words
  alone and not the two run together elsewhere.
* in English, French and Spanish, a word the dictionary lacks, written
  once, that is two words the file writes alone (``thisresolution``,
  ``cesgroupes``, ``Secteursde``), or, in small letters, one the file
  writes and a common word of the dictionary of five letters or more
  (``permisde``, ``approvalof``, ``constantreview``), is a warning with the
  two words to write apart; one a text. Not a compound the dictionary
  lacks whose parts the file does not write (``blockchain``), a name
  (``Busan``), a Spanish verb and its pronoun (``tenerse``), nor the two
  written with a hyphen elsewhere (conversion-artefact's hyphen lost).
* a conference's place in parentheses with its year, in running text,
  typed as no language writes it (``(BusAn, 2014)``, ``(Bussan, 2014)``) is
  a warning with the place to write (in a citation's words:
  reference-text's).
* the blank lost between a word in small letters and the year after it
  (``for2020``, where the file writes "for" alone), and after a percentage
  (``30%compared``), is a finding with the blank to write.

Decision: an entry followed by a label out of sequence (``numbering-gap``,
``numbering-duplicate``) is not checked for its end mark. The seed's clause 2
of *charge…* ends with ',' (as the last clause of a section does) because the
stray "5" after it is likely a clause of another section: one defect, one
finding, and the numbering message mentions the ','. Nor is an entry whose
text the numbering finds cut by a conversion, its end become the first
entry of its sub-list (PP-18 Resolution 177: clause 2 ends "..., recalling,"
and its sub-list starts "b) above"): joining them, the numbering's fix,
ends it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from itertools import accumulate

from itures import textscan
from itures.i18n import replacements, tr
from itures.model import markup as mk
from itures.model.resolution import Resolution
from itures.rules import Context, Finding, Place, rule
from itures.rules import _conventions as conventions
from itures.rules._misspelt import run_together
from itures.rules._walk import (
    COLON,
    COMMA,
    PERIOD,
    SEMICOLON,
    Entry,
    LabelledList,
    Text,
    blank_joined,
    blank_starts,
    document_end,
    end_mark,
    in_citation_words,
    letter_cases,
    lists,
    scans,
    texts,
    words_around,
    writes_word,
)
from itures.rules._walk import joined as joined_texts
from itures.rules._words import known as _dictionary
from itures.rules.numbering import analyse
from itures.rules.references import CITATION_NOUNS
from itures.textscan import ascii_digits

# A run of marks, spaces allowed between them (French: "d'éviter, ; que").
_RUN = re.compile(r"[,;:.،؛，；：。](?:\s*[,;:.،؛，；：。])+")
# the same in the classes of a text in ASCII (textscan.ascii_classes), from
# its literal start: two end marks, blanks between them
_MAYBE_RUN_CLASSES = re.compile(rb", *,")
# The word before an abbreviation's dot: "etc", "Rev", "e.g", "p. ej"
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]{1,3}\.\s?)*[^\W\d_]+$")
_ABBREVIATIONS = frozenset(
    " ".join(
        (
            "etc rev rév no nos nº núm núms num res rés doc docs art arts vol vols para paras",
            "paragr p pp ch chap cap cf inc ltd co corp approx ibid al vs viz mr mrs ms dr st",
            "sr sra sres mme mm mlle dec déc rec add corr suppl ann fig tab sect sec ed eds éd",
            "ej pág págs apdo av ss seq sqq resp min max tel fax dept gen ex env op cit incl",
            "réf ref ca",
        )
    ).split(" ")
)

_NAMES = {COMMA: "','", SEMICOLON: "';'", PERIOD: "'.'", COLON: "':'"}

# "; and" (a conjunction after the ';') ending the last but one entry of a
# list, as ITU writes it ("…; and" / "…; et" / "…; y"): its mark is the ';'
_AND_AFTER_SEMICOLON = re.compile(r"[;؛；]\s+(?:and|or|et|ou|y|e|o|u|и|или)\s*$")


def _final_mark(lst: LabelledList) -> str:
    if lst.part == "preamble":
        return COMMA
    return PERIOD if lst.last_section else COMMA


def _why(expected: str, last: bool, lst: LabelledList) -> str:
    """Why the place of an entry calls for its mark, in the editor's language
    (one message per noun: articles and agreement differ)."""
    noun = lst.noun
    if not last:
        if noun == "item":
            return tr("an item inside a list ends with ';'")
        if noun == "clause":
            return tr("a clause inside a list ends with ';'")
        return tr("a paragraph inside a list ends with ';'")
    if lst.parent is not None:
        if noun == "item":
            return tr("the last item of a sub-list ends as the item it belongs to would")
        if noun == "clause":
            return tr("the last clause of a sub-list ends as the clause it belongs to would")
        return tr("the last paragraph of a sub-list ends as the paragraph it belongs to would")
    if expected == PERIOD:
        return tr("the last clause of the resolution ends with '.'")
    if lst.part == "preamble":
        return tr("the last item of a preambular section ends with ','")
    return tr("the last clause of an operative section that is not the last ends with ','")


# an entry that starts with a bullet (see conversion-artefact): a point of a
# bulleted list a conversion left at its list's level
_BULLET_START = re.compile("\\s*[\u2022\uf0b7\u25aa\u25e6]")


def _no_sub_list(why: str, noun: str) -> str:
    """``why``, and that a ':' announces a sub-list this entry does not have."""
    if noun == "item":
        return tr("{why}; ':' introduces a sub-list, and this item has none", why=why)
    if noun == "clause":
        return tr("{why}; ':' introduces a sub-list, and this clause has none", why=why)
    return tr("{why}; ':' introduces a sub-list, and this paragraph has none", why=why)


def _the(noun: str) -> str:
    """'the item' (an entry without a label), in the editor's language."""
    if noun == "item":
        return tr("the item")
    if noun == "clause":
        return tr("the clause")
    return tr("the paragraph")


def _end_with(noun: str, want: str) -> str:
    """The help: 'end the clause with ';''."""
    if noun == "item":
        return tr("end the item with {marks}", marks=want)
    if noun == "clause":
        return tr("end the clause with {marks}", marks=want)
    return tr("end the paragraph with {marks}", marks=want)


def _allows(final: str) -> dict[tuple[bool, bool], str]:
    """The marks an entry may end with, by (it is the last, it has a sub-list),
    in a list whose last entry ends with ``final``."""
    return {
        (False, False): SEMICOLON,
        (False, True): SEMICOLON + COLON,
        (True, False): final,
        (True, True): final + COLON,
    }


_ALLOWS = {final: _allows(final) for final in (COMMA, SEMICOLON, PERIOD)}

Path = tuple[str | int, ...]
# (path of a text, offset of its end mark) -> the mark its place calls for, and
# why; the marks it allows
Wanted = dict[tuple[Path, int], tuple[str, str]]


# A Word footnote's text as Word's export writes it, ending an entry's text
# ("...développés"; [1: 1 Par pays ...]"): conversion-artefact reports it
# (found from its '[', a literal the search jumps to: a pattern starting with
# blanks was tried at each blank of a long run, and read the run each time)
_WORD_NOTE_AT_END = re.compile(textscan.WORD_NOTE_TEXT + r"\s*+$")


def own_ends(
    text: str, language: str = "en", scan: textscan.Scans | None = None
) -> tuple[list[str], bool, bool]:
    """The texts an entry's end mark may be judged on, without what a
    conversion appended to it, which the ``conversion-artefact`` rule reports:
    the text that follows the document, page headers and footers after the
    entry's last word, an operative heading and what follows it. A footnote
    merged after an end mark gives a second candidate, the text before it:
    the footnote may close the entry (its text appended at the end) or sit in
    the middle of it (a page break after a comma), and the entry's mark is
    right if either reading is. Also whether an operative heading was cut
    (then the entry's place in the structure, hence its mark, is not known
    until the heading is restored: not judged), and whether the text that
    follows the document was cut (the entry is then the resolution's last).
    ``scan`` holds the scans of the file's texts (see :class:`textscan.Scans`).
    """
    if scan is None:
        scan = textscan.Scans()
    end = len(text)
    after = scan.trailing(text)
    found_heads = scan.headings(text, language)
    found_pages = scan.pages(text)
    note = _WORD_NOTE_AT_END.search(text) if text.endswith("]") else None
    if (
        after is None
        and not found_heads
        and not found_pages
        and "____" not in text
        and note is None
    ):
        return [text], False, False  # nothing appended (most entries)
    if after is not None and after.start > 0:
        end = after.start
    ends_document = end < len(text)
    if note is not None and note.start() > 0 and note.start() < end:
        end = note.start()  # a Word footnote's text after the entry's (conversion-artefact's)
    starts = [a.start for a in found_heads if 0 < a.start < end]
    heading = bool(starts)
    if starts:
        end = min(starts)
    pages = [a for a in found_pages if a.start > 0]
    moved = bool(pages)  # (a pass over no page header moves nothing)
    while moved:
        moved = False
        last = len(text[:end].rstrip())
        for a in pages:
            if a.start < end and a.end >= last and text[: a.start].strip():
                end, moved = a.start, True
    own = text[:end]
    out = [own]
    for a in scan.footnotes(own):
        before = own[: a.start].rstrip()
        if before and before[-1] in ",;:.":
            out.append(before)
    return out, heading, ends_document


def _clause_after_heading(text: str, language: str, scan: textscan.Scans) -> bool:
    """Whether the last operative heading merged into ``text`` has words of
    its own after it ("…, invites Member States to inform their academia
    …"), not its words alone, at the text's end ("…, instructs the
    Secretary-General": its clauses lost, what conversion-artefact says)."""
    found = scan.headings(text, language)
    if not found:
        return False
    last = found[-1]
    return len(textscan.heading_words(last.found, language)) < len(last.found.rstrip(" ,;:."))


def _moved_sub_list(
    lst: LabelledList, i: int, path: Path, which: str, offset: int | None, mark: str
) -> Finding | None:
    """The finding of entry ``i`` of ``lst``, which ends with ':' and has no
    sub-list, when the next entry has one it does not announce: the sub-list
    was moved from this entry to the next by its indentation (told to end
    this one with ``mark``, the slip would stay). None otherwise."""
    entries = lst.entries
    after = entries[i + 1] if i + 1 < len(entries) else None
    if after is None or not after.children or after.text.rstrip()[-1:] in COLON:
        return None
    nxt = (
        tr("{noun} {label}", noun=lst.noun_tr(), label=after.label)
        if after.label
        else _the(lst.noun)
    )
    return Finding(
        path,
        tr(
            "{which} of {where} ends with ':', which announces a sub-list, and has "
            "none; the next, {next}, has one it does not announce: was the sub-list "
            "moved from {which} to {next}?",
            which=which,
            where=lst.where(),
            next=nxt,
        ),
        offset=offset,
        help=tr(
            "indent the sub-list under {which}, where its ':' announces it (or, if "
            "it belongs to {next}, end {which} with {mark} and {next} with ':')",
            which=which,
            next=nxt,
            mark=mark,
        ),
    )


def _partner_ends(
    entries: tuple[Entry, ...], swapped: dict[Path, Path], entry: Entry, allowed: str
) -> bool:
    """Whether the entry ``entry`` is swapped with (``swapped``) ends with a
    mark of ``allowed``, the marks ``entry``'s place calls for."""
    partner = next((e for e in entries if e.path == swapped[entry.path]), None)
    if partner is None:
        return False
    mark = end_mark(partner.text)[0]
    return mark is not None and mark in allowed


def _check_list(
    lst: LabelledList,
    final: str,
    anomalies: set[Path],
    doubles: dict[Path, list[tuple[int, int]]],
    wanted: Wanted,
    language: str,
    state: dict[str, bool],
    cut: frozenset[Path] = frozenset(),
    scan: textscan.Scans | None = None,
    joined: set[Path] | frozenset[Path] = frozenset(),
    merged: Path | None = None,
    names: dict[str, str] = _NAMES,
    swapped: dict[Path, Path] | None = None,
) -> Iterator[Finding]:
    """The end-mark findings of a list's entries. ``merged`` is the path of
    the entry whose text is all text that follows the document, if any (see
    :func:`itures.rules._walk.document_end`): conversion-artefact reports it;
    the entry before it ends the resolution. ``swapped``: the entries of the
    swaps the numbering reports, each to the other (two entries in the wrong
    order: the end mark of one that the other's place calls for follows
    from it)."""
    entries = lst.entries
    n = len(entries)
    allows = _ALLOWS.get(final) or _allows(final)
    if scan is None:
        scan = textscan.Scans()
    # (own_ends' test for a text to which nothing was appended, made here:
    # one call less for most entries)
    trailing, headings, pages = scan.trailing, scan.headings, scan.pages
    for i, entry in enumerate(entries):
        if state.get("ended") or (merged is not None and entry.path == merged):
            # after the text that follows the document, or an entry that holds
            # nothing else: reported by conversion-artefact
            state["ended"] = True
            return
        last = i == n - 1
        # the next entry is all text that follows the document: this one ends the resolution
        closes = merged is not None and not last and entries[i + 1].path == merged
        own = entry.text
        if (
            trailing(own) is None
            and not headings(own, language)
            and not pages(own)
            and "____" not in own
            and not own.endswith("]")
        ):
            owns, ended = [own], False  # own_ends(own): the text itself (most entries)
        else:
            owns, heading, ended = own_ends(own, language, scan)
            if heading:
                if not (
                    last
                    and final == PERIOD
                    and lst.parent is None
                    and _clause_after_heading(own, language, scan)
                ):
                    continue  # a merged heading: reported by conversion-artefact
                # the resolution's last text, a merged heading's clause after
                # its words: its end is the resolution's, which ends with '.'
                # ("… invites Member States to inform … in the Union")
                owns = [own]
            own = owns[0]
        # the common case, decided on the last character: the entry ends
        # with a mark its place allows (end_mark is then that character)
        # and holds no doubled mark; every check below lets it pass
        if (
            not ended
            and not closes
            and own
            and own[-1] in allows[last, bool(entry.children)]
            and (not doubles or (*entry.path, "text") not in doubles)
        ):
            continue
        expected = final if last else SEMICOLON
        path = (*entry.path, "text")
        if cut and path in cut:
            continue  # a ' #' cut the text, its mark with it: text-comment reports it
        if not entry.text.strip():
            # blanks only ('   ' in quotes): no text to end, a text to write
            yield Finding(
                path,
                tr(
                    "{which} of {where} has no text: blanks only",
                    which=tr("{noun} {label}", noun=lst.noun_tr(), label=entry.label)
                    if entry.label
                    else _the(lst.noun),
                    where=lst.where(),
                ),
                severity="error",
                help=tr("write the entry's text, or delete the entry"),
            )
            continue
        if ended:
            state["ended"] = True
        if ended or closes:
            expected, last = PERIOD, True  # the resolution's last words
        ends = [end_mark(own) for own in owns]
        mark, offset = ends[0]
        if mark is None and i + 2 == len(entries) and _AND_AFTER_SEMICOLON.search(own):
            continue  # "...; and": how ITU ends the last but one entry of a list
        if (not last and entries[i + 1].path in anomalies) or entry.path in joined:
            continue  # reported by the numbering rules (see the module docstring)
        allowed = expected + COLON if entry.children else expected
        if swapped and entry.path in swapped and _partner_ends(entries, swapped, entry, allowed):
            continue  # (two entries in the wrong order: the numbering's finding)
        run = _run_at(doubles[path], offset) if path in doubles else None
        if run is None:
            # the mark its place calls for
            if mark is not None and mark in allowed:
                continue
            if len(ends) > 1 and any(m is not None and m in allowed for m, _ in ends):
                continue
        want = (
            tr("{mark} or ':'", mark=names[expected]).replace("':'", names[COLON])
            if entry.children
            else names[expected]
        )
        why = _localised(_why(expected, last, lst), names)
        if run is not None:
            # the doubled mark ends the entry: one finding, which says what to keep
            wanted[(path, run)] = (tr("{marks} ({why})", marks=want, why=why), allowed)
            continue
        which = (
            tr("{noun} {label}", noun=lst.noun_tr(), label=entry.label)
            if entry.label
            else _the(lst.noun)
        )
        if mark is not None and mark in COLON:
            if not last and _BULLET_START.match(entries[i + 1].text):
                # its sub-list written after it as points with bullets, at its
                # level: conversion-artefact's finding on the bullet says it
                continue
            moved = _moved_sub_list(lst, i, path, which, offset, names[expected])
            if moved is not None:
                yield moved
                continue
            why = _no_sub_list(why, lst.noun)
        values = {"which": which, "where": lst.where(), "marks": want, "why": why}
        lost = mark is not None and mark in COLON and not entry.children
        yield Finding(
            path,
            tr(
                "{which} of {where} ends with {found}; expected {marks} ({why})",
                found="'" + mark + "'",
                **values,
            )
            if mark
            else tr("{which} of {where} ends with no mark; expected {marks} ({why})", **values),
            offset=offset,
            help=_end_with(lst.noun, want)
            if not lost
            else tr(
                "{end}, or restore the sub-list its ':' announces", end=_end_with(lst.noun, want)
            ),
            # (a sub-list lost here, not one added in the other language
            # versions: language-mismatch leaves the difference to this finding)
            flagging=lost,
            # (the last entry of its list ending as one that another follows,
            # "d) ...;": in a version that another goes on after, the entries
            # after it were lost here; language-mismatch says so, covering this)
            flags=((*entry.path, "open"),)
            if i == n - 1
            and mark is not None
            and (mark in SEMICOLON or (mark in COMMA and expected == PERIOD))
            else (),
        )


# (an annex's paragraph of fewer words may be a title: "Introduction",
# "Goal 1: Growth")
_ANNEX_PROSE = 6


def _annex_ends(lst: LabelledList, names: dict[str, str]) -> Iterator[Finding]:
    """The paragraph of an annex's list (three or more) that ends with no
    mark, with ';' or with ',', where every other ends with '.': its full
    stop lost or mistyped ("… according to the needs of the work"). An
    annex's paragraphs end as their prose does, and its lists as its
    authors wrote them (a table's cells, a list of points without marks):
    judged only where the others agree. Not a paragraph of fewer than six
    words (a title), nor one ending with ':' (a list follows), nor with a
    digit (a table's figure). One finding a list."""
    entries = lst.entries
    if len(entries) < 3:
        return
    ends = [end_mark(e.text) for e in entries]
    odd = [i for i, (mark, _) in enumerate(ends) if mark is None or mark not in PERIOD]
    if len(odd) != 1:
        return  # (nearly all: all end with '.', or the list is not prose)
    i = odd[0]
    entry = entries[i]
    mark, offset = ends[i]
    text = entry.text.rstrip()
    if len(text.split()) < _ANNEX_PROSE or (
        not text[-1:].isalpha() if mark is None else mark not in SEMICOLON and mark not in COMMA
    ):
        return
    which = (
        tr("{noun} {label}", noun=lst.noun_tr(), label=entry.label)
        if entry.label
        else tr("paragraph {number}", number=i + 1)
    )
    why = _localised(tr("the other paragraphs of the annex's list end with '.'"), names)
    values = {"which": which, "where": lst.where(), "marks": names[PERIOD], "why": why}
    yield Finding(
        (*entry.path, "text"),
        tr(
            "{which} of {where} ends with {found}; expected {marks} ({why})",
            found="'" + mark + "'",
            **values,
        )
        if mark
        else tr("{which} of {where} ends with no mark; expected {marks} ({why})", **values),
        offset=offset,
        help=_end_with(lst.noun, names[PERIOD]),
    )


def swapped_ends(
    lst: LabelledList, found: list[Finding], final: str, names: dict[str, str] = _NAMES
) -> list[Finding]:
    """``found`` (a list's end-mark findings, in order), two of which are
    one finding when each of two entries ends with the mark the other's
    place calls for (a) ending ',' as the last item should, b) ';' as a
    middle one: their texts swapped, or their marks): told apart, each help
    would make the wrong order read right."""
    at = {(*e.path, "text"): i for i, e in enumerate(lst.entries)}
    ends = [(f, at[f.path]) for f in found if f.path in at and f.severity is None]
    if len(ends) != 2:
        return found
    (first, i), (second, j) = ends
    entries, n = lst.entries, len(lst.entries)
    if entries[i].children or entries[j].children:
        return found
    want_i, want_j = (final if k == n - 1 else SEMICOLON for k in (i, j))
    mark_i, mark_j = end_mark(entries[i].text)[0], end_mark(entries[j].text)[0]
    if want_i == want_j or not mark_i or not mark_j or mark_i not in want_j or mark_j not in want_i:
        return found

    def which(k: int) -> str:
        label = entries[k].label
        return tr("{noun} {label}", noun=lst.noun_tr(), label=label) if label else _the(lst.noun)

    values = {
        "first": which(i),
        "second": which(j),
        "where": lst.where(),
        "mark": "'" + mark_i + "'",
        "other": "'" + mark_j + "'",
    }
    merged = Finding(
        first.path,
        tr(
            "{first} of {where} ends with {mark}, as {second} should, and {second} with "
            "{other}, as {first} should: were their texts swapped?",
            **values,
        ),
        offset=first.offset,
        related=(
            Place(
                second.path,
                tr("{second}, which ends with {other}", **values),
                offset=second.offset,
            ),
        ),
        help=tr(
            "if the texts were swapped, put each back in its place (the other language "
            "versions say which is which); if not, end {first} with {want} and {second} "
            "with {want_other}",
            first=values["first"],
            second=values["second"],
            want=names[want_i],
            want_other=names[want_j],
        ),
    )
    return [merged if f is first else f for f in found if f is not second]


@rule(
    "punctuation",
    "warning",
    "ITU end-of-item punctuation; doubled marks such as ', ;'; quotation marks, "
    "parentheses and square brackets with no partner; a blank before a mark or inside a parenthesis, none after a "
    "comma, a semicolon or a colon, two between words; a full stop before a small letter; "
    "'e.g' without its last full stop, 'Society(WSIS)', '2Mbit/s', 'www.itu. int', 'Article 05', "
    "'lUIT', 'dintérêt', "
    "'l'UT-D', an abbreviation its name spells or ITU abbreviates otherwise ('(CDT)' after "
    "'Groupe consultatif pour le développement des télécommunications') or with a letter lost "
    "('BTD' for 'BDT'), a word of its name written small; "
    "'member states' for 'Member States'; apostrophes, or French spacing before ';' and ':', written two "
    "ways in one file",
)
def punctuation(ctx: Context) -> Iterator[Finding]:
    """End-of-entry punctuation by the ITU convention: ``;`` inside a list,
    ``,`` at the end of a preambular section and of an operative section that
    is not the last, ``.`` at the very end, ``:`` before a sub-list; in an
    annex's list of three paragraphs or more, the one that ends with no
    mark, ';' or ',' where every other ends with '.' (its prose's full stop
    lost). A wrong end mark is a warning (two entries of a list that each end with the
    mark the other's place calls for are one, which asks whether their texts
    were swapped: each entry's own help would make the wrong order read
    right; the last but one entry of a list may end "; and", "; or", as ITU
    writes it, in each language: "; et", "; y"); a doubled mark (",;", "; ,", ", .", spaces or not
    between them) is an error; a blank before a footnote marker
    ("développement [^1]") is a warning, and so is a marker out of its
    place, one finding each, with the text to write: after an end mark or
    a comma ("General;[^1]", "General; [^1]": ITU writes "General[^1];", as
    French and Spanish typography do, a French blank before ';' kept after
    the marker, "développement[^1] ;"; a full stop in the body only, not an
    abbreviation's nor an ellipsis's: an annex's prose may call a note for
    its sentence after the stop, "the progress achieved.4" in Resolution 71
    (Rev. Dubai, 2018)), in parentheses ("countries([^1])"), or before the
    word it is called from, glued to it ("developing [^1]countries": not
    "delete the blank", which would glue it to the word before), or glued
    to the words on both sides, the blank after it lost ("développement[^1]et");
    a citation glued to the word after it or before it ("...](wtdc:5@2014)sur
    le", "identifier[la Résolution 5 ...]", not in Chinese) is a warning,
    with the blank to write; an entry
    whose text is blanks only (``text: '   '``: no text, where an empty one is a schema error) is an
    error, and so is a title, a footnote's text or an annex's title or item
    of blanks only (an annex's title may be empty for the schema: said
    too). An entry's text with an operative heading merged into it is not
    judged (conversion-artefact reports the heading), but for the
    resolution's last text when the heading has a clause of its own after
    it ("…, invites Member States to inform …"): that ends the resolution,
    with '.'. A text that starts or ends with a blank inside its quotes
    (``'impact on: '``) is a warning, its fix to delete the blank. An
    entry that ends with ':' and has no sub-list while the next has one it
    does not announce is told that the sub-list was moved (not to end the
    first with ';', which would keep the slip). An ellipsis and an abbreviation's dot
    ("etc.,", "etc. ;") are not doubled marks. A quotation mark with no
    partner in its text (« or “ not closed, » or ” not opened, an odd number
    of ") is a warning: a quotation spans no more than one text in ITU
    resolutions (none in the 2,969 texts of the PP-18 Final Acts and the
    example); a straight '"' typed for the partner of a curly mark left
    alone ('“Space Protocol"', '« Réduire l'écart"') is said at the '"',
    with the mark to write. So is a parenthesis with no partner in its text ("(Rév.
    Dubaï, 2014" not closed, "UIT-T)" not opened; the ')' of a label written
    in the text, "c) iv) above", is not one; a citation's markup target is
    not the text's; a pair of two widths, "(2014年，釜山）", is one finding at
    the parenthesis not of the file's width, full in Chinese, narrow in the
    other languages, with the mark to write), a number written in other
    digits than 0 to 9 ("٢٠١٤", "２０１４": ITU texts write 0 to 9 in every
    language; one finding a text, in the Arabic and Chinese files whose
    keyboards type them), and a square bracket with no partner outside the
    markup ("travaux de l'UIT];", "[de l'UIT"; "[sic]" is text; a bracket
    lost from a citation or a footnote marker is said by the ``markup`` and
    footnote rules), and in Spanish a question or an exclamation with one
    of its two marks ('¿' with no '?' after it, '?' with no '¿' before it;
    '¡' and '!' alike), and a blank before ',' or '.' ("financement , et"; after an abbreviation's dot or an ellipsis too, "etc. ,"), or
    before ';' and ':' except in French, whose typography puts one there
    (the example and ITU's French texts put none: either way, one way a file;
    a French file that writes both is one finding, at the first of the way
    written less, the others attached); a blank inside a parenthesis, after '(' or before ')' ("(Rev. Buenos
    Aires, 2017 )", "( TIC)"), in every language; a comma, a semicolon or a
    colon with no blank before the word after it ("séminaires,d'ateliers",
    "séminaires;d'ateliers"; not a web address's "mailto:", nor a character
    reference's ';', conversion-artefact's); two blanks or more
    between two words ("travaux  de", or a blank left at the end of a line
    of a folded text, whose line break is a blank too), but those inside a
    doubled mark (": ;" in French spacing) and before a mark that a blank
    must not precede, reported as such; none between two words, in a word
    the dictionary lacks, written once, that is two words the file writes
    alone ("thisresolution", "cesgroupes", "Secteursde") or, in small
    letters, one it writes and a common word of five letters or more
    ("permisde", "constantreview"; not a compound whose parts it does not
    write, "blockchain", a name, "Busan", nor a Spanish verb and its
    pronoun, "tenerse"), one a text, with the two to write apart; a title ending with a full stop; a
    section's heading ending with ',', ';' or '.' ("décide,"); a
    file whose apostrophes are written both ways ("l'UIT" and "l’UIT": one
    finding, at the first of the kind written less, the others attached);
    an accent typed for an apostrophe ("l`UIT", "l´UIT") and, in French, a
    blank beside an elision's apostrophe ("l' UIT", "d 'ateliers"), or the
    apostrophe lost ("lUIT", or "dintérêt" where the file writes
    "d'intérêt" elsewhere), one finding each;
    a mark of another script or width that looks like the language's, in an
    English, French, Spanish or Russian file (';' U+037E GREEK QUESTION
    MARK, '；' of full width, '،' the Arabic comma: one finding per mark,
    at its first, the others attached; an entry ending with one is judged
    on the mark it looks like), and a sector's name written with a dash for
    its hyphen ('UIT–T'), with a blank beside it ('UIT- T'), or with a blank for it or none ('UIT R', 'UITD'; not "UIT D'autres"); so, in a Chinese or an Arabic file, a mark after the script's letters
    written both ways ("，" and ",", "；" and ";", "：" and ":", "。" and "."
    in Chinese; "،" and ",", "؛" and ";" in Arabic: typed in another input
    mode; after a closing bracket too, "）," and, in Arabic, after a number,
    "2014, و"; not the dots of an ellipsis), one finding per mark, and a
    mark written only the other way in a file that writes its other marks
    its own way (";" ending an item among "，" and "。"); a blank before a
    Chinese or an Arabic mark ("重要 ；", "الاتحاد ،"), and none after the
    Arabic comma before a word. Chinese writes no blank after its marks: a
    comma glued to the next word is not reported there. Quotation marks and
    brackets as the language writes them, one finding per text: a blank
    inside '«' '»' in Spanish, Russian or English ("« Plan»"); in French a
    blank inside one of a pair and not the other ("« Plan»": French writes a
    no-break space inside both, or as some of ITU's texts none inside
    either); a straight '"' in a Russian text (Russian quotes with '«' and
    '»'); '(' and ')' of Latin width around Chinese words in a file that
    writes '（' and '）' elsewhere ("报告(PP-18/46号文件)"; "(ITU-T)" is left
    alone). In a Chinese or Arabic file, the end mark
    an advice asks for is written as the file writes its marks ("expected
    '，'" in a file of "，" and "；", "','" in one of "," and ";").

    The conventions of one script or language, one finding a text (see
    :mod:`itures.rules._conventions`): a Chinese book-title mark ('《' '》',
    '〈' '〉') with no partner, or a title closed by the mark of the other
    kind ("《组织法〉"); in Chinese, a blank between two Chinese characters or
    after a Chinese mark ("之间的 密切合作"), and a blank between a Chinese
    character and a number, or a Latin letter, in a file that writes none
    there elsewhere (one finding a file, the others attached); the comma
    between a conference's place and its year lost or another mark typed
    for it, in a formula or a citation, in every language ("(Rev. Busan
    2014)", "(Rev. Dubai: 2018)", "(REV. DUBAI 2018)" in an annex's heading,
    "（2014年釜山）"), where
    the place is one the calendar or the file's history knows ("(September
    2017)" is a date); in Russian, the "г." after a conference's year lost,
    or its dot ("(Пусан, 2014)": "(Пусан, 2014 г.)"); "Rev." before a
    revision's place, outside a citation's words, and in English "No." before
    a provision's number, written without their full stop or with another
    mark for it ("ANNEX TO RESOLUTION 34 (REV, DUBAI, 2018)", "No 244 of the
    Convention"; not "Nos 6 and 7", as the Final Acts write it too); a noun that names a
    resolution, a decision or a recommendation, or an annex, an appendix or
    an article of one, glued to its number ("Résolution5", "Annex2"); a
    period of years whose end is no year, or not after its start ("the years
    2014-2817"); in
    French and Spanish, a noun that names a resolution, a decision or a
    recommendation without its accent or as English writes it ("la Resolution 150", "Recommendation" in
    French, "la Resolucion 150"); the Secretary-General's title written as
    another house style writes it ("Secretary General" in English,
    "Secrétaire Général" in French); the names of ITU's membership written
    with small letters where its texts write capitals ("member states",
    "Sector members"; "États membres", "membres de Secteur"; "Estados
    miembros": one finding a text, the names to write, the file's "Etats"
    kept); in English, French and Spanish, an abbreviation in parentheses
    right after the name of another of ITU's organs, groups, conferences or
    Sectors ("Telecommunication Development Bureau (TSB)", "ITU
    Telecommunication Development Sector (ITU-T)", "Secteur des
    radiocommunications de l'UIT (UIT-T)": a warning naming both, the
    text not telling which of the two to mend; the actors and the deadline
    read from the words are not also said to differ when they are either
    one's; two swapped in one text, one finding), and one written with ITU's letters in another order ("(TDB)"
    for "(BDT)"); in English, a word ITU's texts write with -ize written
    with -ise ("organisation", "recognising": British spelling, where ITU's
    English texts write Oxford -ize; not "revise", "exercise", "analyse",
    which every spelling writes so, nor a name's word with its capital,
    "Organisation for Economic Co-operation and Development", unless ITU's
    own names write it, "Standardisation Sector"), and "ITUs", the
    possessive "ITU's" with its apostrophe lost (the Union is one), and a
    blank beside a possessive's apostrophe ("the Union 's website", "the
    Union' s website": the blank to delete); a ':' before "and" or "or" in running
    text ("the secretariats: and with those of ...", "et", "ou" in French,
    "y", "o" in Spanish: a ',' typed as ':'), or before a relative pronoun
    ("the Constitution: which indicates", "qui", "dont", "cuyo"); 'etc' without its full stop ("de colloques, etc, ont eu"; English,
    French, Spanish), or with another mark typed for it before a mark
    ("etc;,": that finding alone, not also a doubled mark); the dot of
    "Rev." typed as another mark outside a citation ("(Rév;Genève, 2007)";
    in one, reference-text's), or after a blank, glued to the place ("(Rév
    .Dubaï, 2012)"); "Rev." glued to the place ("(Rev.Dubai, 2018)": in
    English always, in another language where the file writes it with its
    blank more often); in French, the blanks inside « » written
    both ways, no-break spaces and plain blanks (a plain blank lets a line
    break after '«': one finding a file, at the first of the way written
    less, the others attached). A capital typed inside a word, its other
    letters small ("atelierS", "reNforcement", "DiRecteur"), is a warning
    with the word to write, where the file writes that word otherwise or
    the word starts small with two letters or more before the capital; not
    the names written so ("IoT", "MoUs", "ccTLD", "eHealth", "YouTube").
    Two words the file writes run together there ("leDirecteur") are a
    warning with the blank to write, and so is an abbreviation run into the
    word after it ("the ITUCouncil"), where the file writes the word and the
    abbreviation is the file's or ITU's; a word's first capital typed twice
    ("PParties"), and an abbreviation's last letter typed small ("WSIs", "ITu"),
    are a warning with the word as the file or ITU's vocabulary writes it.
    In French, an elision's apostrophe typed as another mark ("l.écart",
    "qu.avec", "d,ateliers") is a warning with the word to write (not "no
    blank after ','"). The blank lost between a word and
    the elided word after it ("del'Union", "etd'autres") is one too, where
    the file writes that word; not a word elided itself ("jusqu'à",
    "aujourd'hui").

    Failing::

        - label: d)
          text: des ressources financières et des ressources humaines,;
        - label: e)
          text: les résultats des travaux des commissions d'études ; ,

    Passing::

        - label: d)
          text: des ressources financières, humaines, etc. ;
        - label: e)
          text: les résultats des travaux des commissions d'études,
    """
    from itures.rules.comments import cut_texts

    res = ctx.resolution
    analysis = analyse(ctx)
    anomalies = analysis.anomalies
    joined = analysis.cut
    # (a key indented into a text: the runner leaves what follows it to text-break)
    cut = frozenset(path for path, _, _, _ in cut_texts(ctx))
    scan = scans(ctx)
    stop = document_end(ctx)
    merged = stop.path[:-1] if stop is not None and stop.whole else None
    for_doubles = _texts_for_doubles(ctx)
    doubles = _doubles(for_doubles, scan)
    wanted: Wanted = {}
    state: dict[str, bool] = {}
    finals: dict[int, str] = {}
    widths = _width_marks(texts(ctx), res.language)
    names = _mark_names(widths, res.language)
    # (the marks an entry's end is reported at: not also a mark of the other width)
    ended: set[tuple[tuple[str | int, ...], int | None]] = set()
    for lst in lists(ctx):
        if lst.part == "annex":
            yield from _annex_ends(lst, names)
            continue
        final = _final_mark(lst) if lst.parent is None else finals.get(id(lst.parent), SEMICOLON)
        # a sub-list's last entry ends as the entry it belongs to would: the
        # list's final mark for its last entry, ';' (the default) for the others
        if lst.entries:
            finals[id(lst.entries[-1])] = final
        found = list(
            _check_list(
                lst,
                final,
                anomalies,
                doubles,
                wanted,
                res.language,
                state,
                cut,
                scan,
                joined,
                merged,
                names,
                analysis.swapped,
            )
        )
        for finding in swapped_ends(lst, found, final, names) if len(found) > 1 else found:
            ended.add((finding.path, finding.offset))
            yield finding
    if res.conference is not None:
        mark, offset = end_mark(res.conference)
        run = _run_at(doubles.get(("conference",), ()), offset)
        if run is not None:
            wanted[(("conference",), run)] = (
                _localised(tr("',' (the conference formula ends with ',')"), names),
                COMMA,
            )
        elif mark is None or mark not in COMMA:
            yield Finding(
                ("conference",),
                # (the mark found put in after: the advice's marks alone are localised)
                _localised(
                    tr("the conference formula ends with {found}; expected ','", found="\0"),
                    names,
                ).replace("\0", repr(mark))
                if mark
                else _localised(
                    tr("the conference formula ends with no mark; expected ','"), names
                ),
                offset=offset,
                help=_localised(tr("end the conference formula with ','"), names),
            )
    yield from _blank_texts(texts(ctx), res)
    yield from _edge_blanks(texts(ctx), doubles)
    yield from _title_end(res.title, doubles.get(("title",), ()))
    yield from _heading_ends(res, doubles)
    yield from _footnote_ends(res, doubles)
    # (the file's texts joined by "\0", for the marks that pair)
    whole = "\0".join([t.text for t in texts(ctx)])
    # (a straight '"' said to be the partner of a curly mark left alone: not
    # also told to be written as the language's pair, which it is half of)
    quoted: set[tuple[tuple[str | int, ...], int | None]] = set()
    for finding in _unpaired_quotes(texts(ctx), whole):
        quoted.add((finding.path, finding.offset))
        yield finding
    # (the entries the numbering reports, for a ')' that starts a text: a label's remnant)
    numbered = frozenset(d.finding.path for d in analysis.defects)
    yield from _unpaired_brackets(
        texts(ctx), whole, wide_first=res.language == "zh", numbered=numbered.__contains__
    )
    if res.language == "es":
        yield from _spanish_pairs(texts(ctx), whole)
    yield from _unpaired_squares(texts(ctx), joined_texts(ctx))
    yield from _spaced_marks(texts(ctx), res.language, joined_texts(ctx), whole)
    elided: set[tuple[tuple[str | int, ...], int]] = set()
    glued: list[int] | None = None
    # (the texts where blanks_lost told two words run together: one a text)
    glued_words: set[tuple[str | int, ...]] = set()
    if res.language == "fr":
        for finding in _elisions_typed(texts(ctx), whole):
            assert finding.offset is not None and finding.length is not None
            elided.update((finding.path, finding.offset + k) for k in range(finding.length))
            yield finding
        yield from _elisions_glued(texts(ctx), whole, writes_word(ctx))
    elif res.language == "en":
        glued = glued_marks(whole)
        for finding in _possessives_typed(texts(ctx), whole, glued):
            assert finding.offset is not None and finding.length is not None
            elided.update((finding.path, finding.offset + k) for k in range(finding.length))
            yield finding
        yield from _apostrophes_glued(texts(ctx), whole)
        yield from _possessive_blanks(texts(ctx), whole)
        yield from _capital_after_to(texts(ctx), whole, writes_word(ctx))
        for finding in conventions.blanks_lost(
            texts(ctx), blank_joined(ctx), blank_starts(ctx), writes_word(ctx)
        ):
            glued_words.add(finding.path)
            yield finding
    yield from _words_run_together(ctx, glued_words)
    if res.language != "zh":  # (Chinese writes no blank after its marks)
        yield from (
            f for f in _glued_commas(texts(ctx), whole, glued) if (f.path, f.offset) not in elided
        )
    if res.language in _OWN_MARKS:
        yield from _spaced_own_marks(texts(ctx), res.language, whole)
    yield from _spaced_markers(texts(ctx), joined_texts(ctx))
    if res.language != "zh":
        yield from _glued_citations(texts(ctx), joined_texts(ctx), res.language)
    yield from _rev_dots(texts(ctx), res.language, whole)
    yield from _double_blanks(texts(ctx), res.language, joined_texts(ctx), whole, doubles)
    yield from _mixed_apostrophes(texts(ctx), whole)
    if res.language in _INNER_CAPITAL_LANGUAGES:
        yield from _inner_capitals(
            texts(ctx),
            letter_cases(ctx),
            joined_texts(ctx).starts,
            writes_word(ctx),
            res.language,
        )
        yield from _capitals_held(
            texts(ctx), letter_cases(ctx), joined_texts(ctx).starts, writes_word(ctx)
        )
        yield from _abbreviations_last_small(
            texts(ctx),
            letter_cases(ctx),
            joined_texts(ctx),
            writes_word(ctx),
            _known_names(ctx),
        )
        yield from _abbreviations_glued(
            texts(ctx),
            letter_cases(ctx),
            joined_texts(ctx).starts,
            blank_joined(ctx),
            writes_word(ctx),
            _known_names(ctx),
        )
    yield from _apostrophe_slips(texts(ctx), res.language, whole)
    if res.language == "fr":
        yield from _lost_elisions(ctx, texts(ctx))
        yield from _lost_small_elisions(texts(ctx), whole)
    yield from _mixed_french_spacing(texts(ctx), res.language, whole)
    if ended and widths:
        # (a '.' ending a Chinese clause that ends with '，': the end's finding alone)
        widths = {
            mark: kept
            for mark, places in widths.items()
            if (kept := [(t, at) for t, at in places if (t.path, at) not in ended])
        }
    yield from _mixed_widths(widths, res.language)
    yield from _foreign_marks(texts(ctx), res.language, joined_texts(ctx), whole)
    yield from (
        f
        for f in _quotes_of_the_language(texts(ctx), res.language, whole)
        if (f.path, f.offset) not in quoted
    )
    yield from _sector_dashes(texts(ctx), res.language, joined_texts(ctx), whole)
    yield from _sector_blanks(texts(ctx), joined_texts(ctx))
    if res.language in _DIGITS_TYPED and _OTHER_DIGITS.search(whole):
        yield from _other_digits(texts(ctx))
    yield from conventions.book_titles(texts(ctx), whole)
    if res.language == "zh":
        yield from conventions.chinese_blanks(texts(ctx), whole)
    yield from conventions.place_and_year(
        texts(ctx), res.language, joined_texts(ctx), whole, [h.place for h in res.history]
    )
    yield from conventions.revision_marks(texts(ctx), res.language, whole)
    if res.language == "en":
        yield from conventions.number_marks(texts(ctx), whole)
    yield from conventions.place_slips(texts(ctx), res.language, joined_texts(ctx))
    yield from conventions.glued_numbers(texts(ctx), res.language, joined_texts(ctx))
    yield from conventions.periods(texts(ctx), res.language, joined_texts(ctx))
    if res.language in _INNER_CAPITAL_LANGUAGES:
        yield from conventions.glued_years(texts(ctx), joined_texts(ctx), blank_joined(ctx))
    if "%" in whole and res.language in _INNER_CAPITAL_LANGUAGES:
        yield from conventions.glued_percents(texts(ctx), whole)
    if res.language in ("fr", "es"):
        yield from conventions.unaccented_nouns(texts(ctx), res.language, whole)
    yield from conventions.titles(texts(ctx), res.language, whole)
    yield from conventions.capitalised_names(texts(ctx), res.language, joined_texts(ctx))
    if res.language in ("en", "fr", "es") and "etc" in whole:
        yield from _etc_alone(texts(ctx))
    if res.language in ("en", "fr", "es"):
        yield from _stop_before_small(texts(ctx), res.language, whole)
        if ":" in whole:
            yield from _colon_before_conjunction(texts(ctx), res.language, whole)
    yield from conventions.typing_slips(texts(ctx), res.language, whole)
    if res.language == "en":
        yield from conventions.ize_spellings(texts(ctx), whole, _not_english)
        if "ITUs" in whole:
            yield from _union_possessive(texts(ctx))
    yield from conventions.sector_letters(texts(ctx), res.language, whole)
    in_parentheses = conventions.parenthesised(whole)
    crossed: list[tuple[tuple[int, ...], Finding]] = []
    if res.language in ("en", "fr", "es"):
        # (after the name of another organ, group, conference or Sector: "(TSB)"
        # after "Telecommunication Development Bureau"; that finding alone)
        from itures.rules import _abbreviations

        crossed = conventions.crossed_abbreviations(
            texts(ctx), whole, _abbreviations.owners(ctx), in_parentheses
        )
        if crossed:
            at = {start for starts, _ in crossed for start in starts}
            in_parentheses = [p for p in in_parentheses if p[0] not in at]
    spelt = [f for _, f in crossed]
    spelt.extend(
        conventions.abbreviation_initials(
            texts(ctx), whole, partial(_known_names, ctx), in_parentheses
        )
    )
    if res.language in ("en", "fr", "es"):
        # (after an actor's name, one ITU abbreviates otherwise: "(CDT)" after
        # "Groupe consultatif pour le développement des télécommunications")
        told = {(f.path, f.offset) for f in spelt}
        spelt.extend(
            f
            for f in conventions.abbreviation_of_name(
                texts(ctx), whole, _abbreviations.by_name(ctx), in_parentheses
            )
            if (f.path, f.offset) not in told
        )
    yield from spelt
    if res.language in ("en", "fr", "es"):
        # (an abbreviation its name before it spells otherwise: that finding alone)
        told = {(f.path, f.offset) for f in spelt}
        yield from (
            f
            for f in conventions.abbreviation_letters(
                texts(ctx), joined_texts(ctx), letter_cases(ctx), _known_names(ctx)
            )
            if (f.path, f.offset) not in told
        )
    if res.language == "fr":
        yield from conventions.guillemet_blanks(texts(ctx), whole)
    texts_of = dict(for_doubles) if doubles else {}
    for path, runs in doubles.items():
        for start, end in runs:
            want = wanted.get((path, start))
            written = texts_of[path][start:end]
            if start >= 3 and _ETC_TYPED.match(texts_of[path], start - 3, end + 1):
                continue  # (the full stop of "etc." typed as ';': _etc_alone's)
            if start >= 4 and _ETC_BLANK_DOT.match(texts_of[path], start - 4, end + 1):
                continue  # (a blank before the full stop of "etc.": _etc_alone's)
            if want is None:
                advice = _after_abbreviation(texts_of[path], start, end) or tr(
                    "keep the one mark the revised text needs, and delete the other"
                )
            elif any(c in want[1] for c in written):
                advice = tr("keep one mark: {marks}, and delete the other", marks=want[0])
            else:  # none of them is the mark the place calls for
                advice = tr(
                    "write {marks} in place of {written}", marks=want[0], written=repr(written)
                )
            yield Finding(
                path,
                tr(
                    "doubled punctuation {marks}, the trace of a tracked change; keep the mark "
                    "of the revised text",
                    marks=repr(written),
                ),
                offset=start,
                length=end - start,
                severity="error",
                help=advice,
            )


# An apostrophe between two letters ("l'UIT", "Member States’s" is not one:
# a letter after it), straight or typographic (U+2019)
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")
# the further places of the fewer kind a finding lists
_APOSTROPHES_SHOWN = 100


def _mixed_apostrophes(all_texts: list[Text], whole: str | None = None) -> Iterator[Finding]:
    """A file that writes its apostrophes both ways, straight and typographic
    ("l'UIT" in most texts, "l’UIT" in a clause edited in a word processor that
    makes them curly): one finding, at the first apostrophe of the kind the
    file writes less (the typographic one when as many), the others of that
    kind attached. ``whole`` is the texts joined by "\\0" (made here if not
    given)."""
    if whole is None:
        whole = "\0".join([t.text for t in all_texts])
    if "’" not in whole or "'" not in whole:
        return  # (most files: one kind, or none)
    found: dict[str, list[tuple[Text, int]]] = {"'": [], "’": []}
    for t in all_texts:
        if "'" in t.text or "’" in t.text:
            for m in _APOSTROPHE.finditer(t.text):
                found[m.group()].append((t, m.start()))
    straight, curly = found["'"], found["’"]
    if not straight or not curly:
        return
    fewer, more = ("’", "'") if len(curly) <= len(straight) else ("'", "’")
    yield _one_way(
        found[fewer],
        fewer,
        more,
        tr(
            "apostrophe {mark} here ({count} in all), {other} in the rest of the file "
            "({others} in all): a file writes its apostrophes one way",
            mark=repr(fewer),
            count=len(found[fewer]),
            other=repr(more),
            others=len(found[more]),
        ),
        tr("apostrophe {mark}", mark=repr(fewer)),
    )


# A ';' or ':' ending a phrase in French, with a blank before it ("humaines ;",
# the French typographic way; a no-break or narrow no-break space too) or none
# ("humaines;", as the example and ITU's French texts write it): the blank in
# group 1, the mark in group 2. Not a doubled mark (", ;"), said as such.
_FRENCH_MARK = re.compile(r"(?<=[^\s;:,.])([ \u00a0\u202f]?)([;:])(?=[\s\0]|$)")
_FRENCH_BLANK = (" ;", " :", "\u00a0;", "\u00a0:", "\u202f;", "\u202f:")


def _after_abbreviation(text: str, start: int, end: int) -> str | None:
    """The help of a doubled mark whose first mark is an abbreviation's dot
    ("etc..", "etc..,"): the dot is kept; None for another run."""
    if text[start] != "." or start == 0:
        return None
    word = _WORD_BEFORE.search(text, max(0, start - 12), start)
    if word is None or word.group().replace(" ", "").lower().rstrip(".") not in _ABBREVIATIONS:
        return None
    abbreviation = repr(text[word.start() : start + 1])
    if set(text[start:end].replace(" ", "")) == {"."}:
        return tr(
            "delete the '.' after {abbreviation}: its dot ends the sentence too",
            abbreviation=abbreviation,
        )
    return tr(
        "keep {abbreviation} and, after it, the one mark the revised text needs; delete the other",
        abbreviation=abbreviation,
    )


def _mixed_french_spacing(all_texts: list[Text], language: str, whole: str) -> Iterator[Finding]:
    """A French file that writes ';' and ':' both ways, with a blank before
    them ("humaines ;", French typography) and without ("humaines;", as the
    example and ITU's French texts do): either way is right, one way a file
    (a clause typed by another hand, or a tracked change, writes the other).
    One finding, at the first of the way written less (the one with a blank
    when as many), the others attached. ``whole`` is the texts joined by
    "\\0"."""
    if language != "fr" or not any(b in whole for b in _FRENCH_BLANK):
        return  # (most files: no blank before a mark)
    spaced: list[tuple[Text, int, int]] = []
    tight: list[tuple[Text, int, int]] = []
    for t in all_texts:
        if ";" in t.text or ":" in t.text:
            for m in _FRENCH_MARK.finditer(t.text):
                if m.group(1):
                    spaced.append((t, m.start(1), 1))
                else:
                    tight.append((t, m.start(2), 1))
    if not spaced or not tight:
        return
    if len(spaced) <= len(tight):
        fewer, message, help_, named = (
            spaced,
            tr(
                "a blank before ';' or ':' here ({count} in all), none in the rest of the file "
                "({others} in all): a French file writes them one way",
                count=len(spaced),
                others=len(tight),
            ),
            tr(
                "delete the blank before the mark here and at the places listed, as the rest of "
                "the file does"
            )
            if len(spaced) > 1
            else tr("delete the blank before the mark, as the rest of the file does"),
            tr("a blank before ';' or ':'"),
        )
    else:
        fewer, message, help_, named = (
            tight,
            tr(
                "no blank before ';' or ':' here ({count} in all), one in the rest of the file "
                "({others} in all): a French file writes them one way",
                count=len(tight),
                others=len(spaced),
            ),
            tr(
                "write a blank before the mark here and at the places listed, as the rest of "
                "the file does"
            )
            if len(tight) > 1
            else tr("write a blank before the mark, as the rest of the file does"),
            tr("no blank before ';' or ':'"),
        )
    (first, at, length), *rest = fewer
    yield Finding(
        first.path,
        message,
        offset=at,
        length=length,
        help=help_,
        related=tuple(
            Place(t.path, named, offset=k, length=n) for t, k, n in rest[:_APOSTROPHES_SHOWN]
        ),
    )


# An accent typed for an apostrophe between two letters ("l`UIT", "l´UIT")
_ACCENT_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[`\u00b4](?=[^\W\d_])")
# In French, a blank on either side of an elision's apostrophe ("l' UIT",
# "d 'ateliers"): the elided word is written against the next one. Group
# "blank" is the blank.
_ELISION_BLANK = re.compile(
    r"(?<![^\W\d_])(?i:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)"
    r"(?:['’](?P<after>[ \u00a0])|(?P<before>[ \u00a0])['’])(?=[^\W\d_])"
)


# An elision's apostrophe lost before a capital ("lUIT", "lAssemblée",
# "dUnion"), in the letter cases of the texts joined (_walk.letter_cases,
# where an apostrophe is a blank): the capital first, each found by the C
# library, then the small letter alone before it
_LOST_ELISION_QUICK = re.compile(rb"A(?<= aA)")
# 'l' or 'd' alone before a word with its capital ("lUIT", "lAssemblée"):
# the capital first, the letter before it looked at after
_LOST_ELISION = re.compile(r"[A-ZÀ-ÖØ-Þ](?<=(?<![^\W\d_'’])[ld][A-ZÀ-ÖØ-Þ])[^\W\d_]+")


def _lost_elisions(ctx: Context, all_texts: list[Text]) -> Iterator[Finding]:
    """In French, an elision whose apostrophe was lost: 'l' or 'd' glued to
    a word with its capital ("lUIT", "lAssemblée", "dUnion"; not "dB", "dBm").
    One finding a text, with the word to write. (Glued to a word in small
    letters, "linformation": :func:`_lost_small_elisions`.)"""
    from itures.rules._walk import joined, letter_cases

    cases = letter_cases(ctx)
    hit = _LOST_ELISION_QUICK.search(cases)
    if hit is None:
        return
    starts = joined(ctx).starts
    apostrophe: str | None = None
    while hit is not None:
        i = bisect_right(starts, hit.start()) - 1
        t = all_texts[i]
        for m in _LOST_ELISION.finditer(t.text):
            rest = m.group()
            if not conventions.lost_elision(t.text[m.start() - 1], rest):
                continue
            if apostrophe is None:
                apostrophe = _file_apostrophe("".join(joined(ctx).texts))
            word = t.text[m.start() - 1 : m.end()]
            yield _elision_lost(t.path, word, word[0] + apostrophe + rest, m.start() - 1)
            break
        hit = _LOST_ELISION_QUICK.search(cases, starts[i + 1])


# A capital typed inside a word ("atelierS", "reNforcement", "DiRecteur"):
# a small letter then a capital, in the letter cases of the texts joined
# (the capital found by the C library), then the word around it
_INNER_CAPITAL_QUICK = re.compile(rb"A(?<=aA)")
# ... and two capitals at a word's start before a small letter ("NAtions",
# "THe": the shift key held); a pattern of its own (an alternation after the
# capital of the one above is tried at each capital of the file)
_CAPITALS_HELD_QUICK = re.compile(rb"AAa(?<=[^Aa]AAa)")
# ... and an abbreviation run into the word after it ("ITUCouncil"): two
# capitals or more, then a capital and two small letters ("ICTs" is not one)
_ABBREVIATION_GLUED_QUICK = re.compile(rb"AAAaa")
# ... and an abbreviation's last letter typed small ("WSIs", "ITu"): two
# capitals, a small letter, then no letter
_LAST_SMALL_QUICK = re.compile(rb"AAa(?![Aa])")
# (a capital and a small letter in the letter cases, as bytes)
_CAPITAL, _SMALL = ord("A"), ord("a")


@lru_cache(maxsize=8)
def _ascii_forms(words: frozenset[str]) -> frozenset[bytes]:
    """``words`` (a vocabulary's abbreviations) in ASCII bytes, those that are."""
    return frozenset(w.encode("ascii") for w in words if w.isascii())


# (what stands before or after a word of a path, an address, a target, a
# compound's part: not a word of the text; "" is a text's start or end)
_BEFORE_NAMES = frozenset("/.@#_-:(")
_AFTER_NAMES = frozenset("/@_:[")
# (the languages whose words are written in Latin letters)
_INNER_CAPITAL_LANGUAGES = frozenset(("en", "fr", "es"))
# a word of letters (Latin: the cases of other scripts are not looked at)
_CASED_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]{1,48}")
# (a word is read 48 letters at most, 40 of them before the capital: a run
# of letters longer than that is no word of a text, and reading it whole at
# each of its capitals would take the square of its length)


# the small letters a name may start with, a capital after ("eHealth",
# "iPhone", "mHealth", "uPortal", "xHaul"), which the dictionary may know
# small ("iphone"): not a capital typed second
_NAME_PREFIXES = frozenset("eimux")


def _words_run_together(ctx: Context, told: set[tuple[str | int, ...]]) -> Iterator[Finding]:
    """Two words run together, a blank lost, in any language with a
    dictionary: a word the dictionary lacks, written once, that is two words
    the file writes alone, or, in small letters, one it writes and a common
    word ("thisresolution", "improvemethodologies", "constantreview",
    "permisde", "pouridentifier", "Secteursde", "cesgroupes"; see
    :func:`itures.rules._misspelt.run_together`). A warning at the word,
    with the two to write apart (a quick fix). One a text, as
    :func:`itures.rules._conventions.blanks_lost` tells them (``told``: the
    paths of the texts it told; a text a conversion ran together would
    give one a word), the first in the text; not a word the dictionary
    knows ("therein", "often")."""
    found = run_together(ctx)
    if not found:
        return
    order = {t.path: i for i, t in enumerate(texts(ctx))}
    for r in sorted(found.values(), key=lambda r: (order.get(r.text.path, -1), r.offset)):
        if r.text.path in told:
            continue
        told.add(r.text.path)
        if r.written:
            yield _run_together_short(r.text.path, r.offset, r.word, r.first, r.second)
            continue
        message = tr(
            "{word}: two words run together, a blank lost: {first} and {second}",
            word=repr(r.word),
            first=repr(r.first),
            second=repr(r.second),
        )
        yield _word_to_write(r.text.path, r.offset, r.word, message, f"{r.first} {r.second}")


def _inner_capitals(
    all_texts: list[Text],
    cases: bytes,
    starts: list[int],
    writes: Callable[[str], bool],
    language: str = "",
) -> Iterator[Finding]:
    """A capital typed inside a word, its other letters small: "atelierS",
    "entrE", "reNforcement", "DiRecteur" (a key held a letter too long). A
    warning at the word, one a text, with the word to write, when the file
    writes that word in its own case elsewhere ("ateliers", "Directeur"),
    or when the word starts small, its capital after two letters or more
    ("fOndamentaux"; in a word of four letters, its last: "faiT"), or its
    second letter, in a word of five letters or more that the dictionary of
    the file's ``language`` knows small ("cOntinue", "wHile"; not "jQuery",
    which it does not, nor after the letters names start with so, "eHealth",
    "iPhone", "mPowering"; see :mod:`itures.rules._words`). Not a name written so ("IoT", "MoUs", "eHealth",
    "McDonald": a capital after the first letter, which a small word does
    not write, or words the file writes nowhere else), nor a citation's
    noun in its words ("[ResolutioN 137 …]": reference-text's), nor two words run
    together, the second with its capital ("particulierSur":
    ``conversion-artefact``'s, unless the file writes the word otherwise:
    "talleRes" where it writes "talleres"), nor a citation's target or a
    web address (two capitals at a word's start: :func:`_capitals_held`).
    Two short words the file writes run together
    ("leDirecteur", "laCoopération" where it writes "coopération"), and a
    word run into the abbreviation after it ("onWTPF"), are told as such,
    the second as the file writes it; so is an abbreviation with one letter
    typed small ("EwCF") where the file writes it in capitals. ``writes``: whether the file writes a word
    (:func:`itures.rules._walk.writes_word`)."""
    from itures.rules.artefacts import named_with_capitals, run_together

    hit = _INNER_CAPITAL_QUICK.search(cases)
    while hit is not None:
        cap = hit.start()
        i = bisect_right(starts, cap) - 1
        if cap - 1 < starts[i]:
            # (a text's capital after the last letter of the text before)
            hit = _INNER_CAPITAL_QUICK.search(cases, cap + 1)
            continue
        t = all_texts[i]
        text = t.text
        at = cap - starts[i]
        told = False
        start = _word_start(text, at)
        m = _CASED_WORD.match(text, start)
        if m is not None and (
            _CASED_WORD.match(text, start - 1, start) or _CASED_WORD.match(text, m.end())
        ):
            m = None  # (a longer run of letters)
        word = m.group() if m is not None else ""
        upper = [k for k in range(1, len(word)) if word[k].isupper()]
        glued = conventions.SMALL_THEN_CAPITALS.fullmatch(word) if len(upper) > 1 else None
        if (
            glued is not None
            and m is not None
            and writes(glued.group(1))
            and writes(glued.group(2))
            and text[m.start() - 1 : m.start()] not in _BEFORE_NAMES
            and text[m.end() : m.end() + 1] not in _AFTER_NAMES
        ):
            # a word run into the abbreviation after it ("onWTPF"), both the file's
            yield _run_together_short(t.path, m.start(), word, glued.group(1), glued.group(2))
            hit = _INNER_CAPITAL_QUICK.search(cases, starts[i + 1])
            continue
        if (
            m is not None
            and len(upper) + word[0].isupper() >= 2
            and len(word) >= 3
            and sum(map(str.islower, word)) == 1
            and writes(word.upper())
        ):
            # an abbreviation with one letter typed small ("EwCF", "eWCF") that
            # the file writes in capitals
            capitals = word.upper()
            message = tr(
                "{word}: a letter typed small inside the abbreviation; the file writes {right}",
                word=repr(word),
                right=repr(capitals),
            )
            yield _word_to_write(t.path, m.start(), word, message, capitals)
            hit = _INNER_CAPITAL_QUICK.search(cases, starts[i + 1])
            continue
        if (
            m is not None
            and m.end() > at
            and len(upper) == 1
            and not named_with_capitals(word)
            and not run_together(word, writes)
            # (after a hyphen, a compound's second part that starts small:
            # "(IP)-basEd", a slip; not "ITU-D", nor "-eHealth", a name;
            # after a parenthesis, a word the file writes in its own case:
            # "(DoCument 5)" where it writes "Document", not "(IoT)")
            and (
                text[m.start() - 1 : m.start()] not in _BEFORE_NAMES
                or (text[m.start() - 1] == "-" and word[:2].islower())
                or (text[m.start() - 1] == "(" and writes(word[0] + word[1:].lower()))
            )
            and text[m.end() : m.end() + 1] not in _AFTER_NAMES
            # (a citation's noun in its words, "[ResolutioN 137 …](pp:137)":
            # reference-text's finding, whose citation it keeps from being read)
            and not (word.lower() in CITATION_NOUNS and in_citation_words(text, m.start()))
        ):
            k = upper[0]
            small = word.lower()
            own = word[0] + word[1:].lower()
            if (
                len(word) - k >= 2
                and not writes(own)
                and not writes(small)
                and writes(word[:k])
                # (the second word as the file writes it: with its capital, or
                # small, "laCoopération" where it writes "coopération")
                and (
                    second := word[k:]
                    if writes(word[k:])
                    else word[k:].lower()
                    if writes(word[k:].lower())
                    else ""
                )
            ):
                # two words the file writes, run together ("leDirecteur"): the
                # blank lost, not a capital typed ("ledirecteur" is no word)
                yield _run_together_short(t.path, m.start(), word, word[:k], second)
                hit = _INNER_CAPITAL_QUICK.search(cases, starts[i + 1])
                continue
            right = (
                own
                if writes(own)
                else small
                if (word[0].islower() and k >= 2 and (len(word) >= 5 or k == len(word) - 1 >= 3))
                or writes(small)
                or (
                    k == 1
                    and len(word) >= 5
                    and word[0] not in _NAME_PREFIXES
                    and small in (_dictionary(language) or ())
                )
                else None
            )
            if right is not None:
                message = tr(
                    "{word}: a capital typed inside the word; ITU's texts write {right}",
                    word=repr(word),
                    right=repr(right),
                )
                yield _word_to_write(t.path, m.start(), word, message, right)
                told = True
        hit = _INNER_CAPITAL_QUICK.search(cases, starts[i + 1] if told else cap + 1)


def _capitals_held(
    all_texts: list[Text], cases: bytes, starts: list[int], writes: Callable[[str], bool]
) -> Iterator[Finding]:
    """Two capitals at a word's start, its other letters small, the shift
    key held ("United NAtions", "THe"), where the file writes the word with
    its first capital alone ("Nations") or small ("PRogress"): a warning at
    the word, one a text, with the word to write. Not an abbreviation or a unit written so ("IDs",
    "MHz", "IPv6": no such word in the file). So is a word's first capital
    typed twice ("PParties", "SSupreme"), where the file writes the word with
    it once."""
    hit = _CAPITALS_HELD_QUICK.search(cases)
    while hit is not None:
        i = bisect_right(starts, hit.start()) - 1
        t = all_texts[i]
        at = hit.start() - starts[i]
        m = _CASED_WORD.match(t.text, at)
        word = m.group() if m is not None and at >= 0 else ""
        right = None
        if (
            len(word) >= 3
            and word[1].isupper()
            and word[2:].islower()
            and not _CASED_WORD.match(t.text, at - 1, at)
        ):
            own, small = word[0] + word[1:].lower(), word.lower()
            right = own if writes(own) else small if writes(small) else None
            if right is None and word[0] == word[1] and len(word) >= 4 and writes(word[1:]):
                # (the first letter typed twice: "PParties")
                message = tr(
                    "{word}: its first letter typed twice; the file writes {right}",
                    word=repr(word),
                    right=repr(word[1:]),
                )
                yield _word_to_write(t.path, at, word, message, word[1:])
                hit = _CAPITALS_HELD_QUICK.search(cases, starts[i + 1])
                continue
        if right is not None:
            message = tr(
                "{word}: a capital typed inside the word; ITU's texts write {right}",
                word=repr(word),
                right=repr(right),
            )
            yield _word_to_write(t.path, at, word, message, right)
            hit = _CAPITALS_HELD_QUICK.search(cases, starts[i + 1])
            continue
        hit = _CAPITALS_HELD_QUICK.search(cases, hit.end())


def _abbreviations_glued(
    all_texts: list[Text],
    cases: bytes,
    starts: list[int],
    joined: str,
    writes: Callable[[str], bool],
    known: frozenset[str],
) -> Iterator[Finding]:
    """An abbreviation run into the word after it, written with its capital
    ("the ITUCouncil", "UNGeneral Assembly"), where the file writes both
    apart (the abbreviation, or ITU's vocabulary knows it: ``known``,
    :func:`itures.rules._abbreviations.known`) and not the two together
    elsewhere: a warning at the words, one a
    text, with the blank to write. Found where two capitals or more stand
    before a capital and two small letters (:data:`_ABBREVIATION_GLUED_QUICK`:
    not "ICTs", "SDGs"); not a name written so in a web address or a path.
    ``joined``: the texts joined by a blank, a blank first
    (:func:`itures.rules._walk.blank_joined`), where "written elsewhere" is
    looked for."""
    counts: dict[str, int] = {}  # (each run counted once: a file may write it thousands of times)
    hit = _ABBREVIATION_GLUED_QUICK.search(cases)
    while hit is not None:
        i = bisect_right(starts, hit.start()) - 1
        t = all_texts[i]
        text = t.text
        cap = hit.start() + 2 - starts[i]  # (the second word's capital)
        start = _word_start(text, cap)
        m = _CASED_WORD.match(text, start)
        word = m.group() if m is not None and start >= 0 else ""
        first, second = word[: cap - start], word[cap - start :]
        if (
            m is not None
            and len(first) >= 2
            and first.isupper()
            and second[1:].islower()
            and not _CASED_WORD.match(text, m.end())
            and text[start - 1 : start] not in _BEFORE_NAMES
            and text[m.end() : m.end() + 1] not in _AFTER_NAMES
            and not conventions.in_address(text, start, m.end())
            and (first in known or writes(first))
            and writes(second)
            and (counts[word] if word in counts else counts.setdefault(word, joined.count(word)))
            == 1
        ):
            message = tr(
                "{word}: the abbreviation {first} run into the word {second}, a blank lost",
                word=repr(word),
                first=repr(first),
                second=repr(second),
            )
            yield _word_to_write(t.path, start, word, message, f"{first} {second}")
            hit = _ABBREVIATION_GLUED_QUICK.search(cases, starts[i + 1])
            continue
        hit = _ABBREVIATION_GLUED_QUICK.search(cases, hit.start() + 1)


def _abbreviations_last_small(
    all_texts: list[Text],
    cases: bytes,
    form: textscan.Joined,
    writes: Callable[[str], bool],
    known: frozenset[str],
) -> Iterator[Finding]:
    """One of ITU's abbreviations (``known``: its vocabulary's, its terms')
    with its last letter typed small ("the WSIs outcomes", "the ITu
    Council"), where neither the file nor ITU writes its other letters
    alone ("ICTs", "IDs": a plural, "ICT" written or known): a warning
    at the word, one a text, with the abbreviation to write (its first or
    an inner letter typed small, "wSIS", "WsIS": :func:`_inner_capitals`).
    ``form``: the texts joined (:class:`textscan.Joined`), which ``cases``
    gives the letter cases of."""
    starts, data = form.starts, form.form
    ours = _ascii_forms(known)
    hit = _LAST_SMALL_QUICK.search(cases)
    while hit is not None:
        # (the capitals before, read back in the cases: a small letter before
        # them is no abbreviation's, "MoUs"; the word, in capitals, one of
        # ITU's: a look-up in bytes, most hits being plurals, "ICTs", "SDGs")
        first = hit.start()
        while first > 0 and cases[first - 1] == _CAPITAL:
            first -= 1
        if (first > 0 and cases[first - 1] == _SMALL) or data[
            first : hit.end()
        ].upper() not in ours:
            hit = _LAST_SMALL_QUICK.search(cases, hit.end())
            continue
        i = bisect_right(starts, hit.start()) - 1
        t = all_texts[i]
        text = t.text
        end = hit.end() - starts[i]
        start = max(0, first - starts[i])
        word = text[start:end]
        if (
            len(word) >= 3
            and word[:-1].isupper()
            and word[-1].islower()
            and word.upper() in known
            and not (word[:-1] in known or writes(word[:-1]))
            and text[start - 1 : start] not in _BEFORE_NAMES
            and text[end : end + 1] not in _AFTER_NAMES
        ):
            capitals = word.upper()
            message = (
                tr(
                    "{word}: a letter typed small inside the abbreviation; the file writes {right}",
                    word=repr(word),
                    right=repr(capitals),
                )
                if writes(capitals)
                else tr(
                    "{word}: a letter typed small inside the abbreviation; ITU's texts write "
                    "{right}",
                    word=repr(word),
                    right=repr(capitals),
                )
            )
            yield _word_to_write(t.path, start, word, message, capitals)
            hit = _LAST_SMALL_QUICK.search(cases, starts[i + 1])
            continue
        hit = _LAST_SMALL_QUICK.search(cases, hit.end())


def _run_together_short(
    path: tuple[str | int, ...], offset: int, word: str, first: str, second: str
) -> Finding:
    """Two words the file writes run together, ``word`` at ``offset``: the
    blank between ``first`` and ``second`` (as the file writes them) lost."""
    message = tr(
        "{word}: two words run together, a blank lost; the file writes {first} and {second}",
        word=repr(word),
        first=repr(first),
        second=repr(second),
    )
    return _word_to_write(path, offset, word, message, f"{first} {second}")


def _word_to_write(
    path: tuple[str | int, ...], offset: int, word: str, message: str, right: str
) -> Finding:
    """A warning at ``word`` (at ``offset``), to be written ``right``."""
    return Finding(
        path,
        message,
        offset=offset,
        length=len(word),
        severity="warning",
        help=tr("write {right}", right=repr(right)),
    )


def _word_start(text: str, at: int) -> int:
    """Where the word of Latin letters around ``at`` starts (40 letters back at most)."""
    start = at
    while start > 0 and at - start < 40 and _CASED_WORD.match(text, start - 1, start):
        start -= 1
    return start


def _lost_small_elisions(all_texts: list[Text], whole: str) -> Iterator[Finding]:
    """In French, an elision whose apostrophe was lost before a word in
    small letters ("dintérêt", "linformation", "quelles" for "qu'elles"),
    where the file writes that elision elsewhere with its apostrophe
    ("d'intérêt"): a word may start so ("lune", "dans"), and the file's own
    words are the evidence that it does not here. Words French writes both
    ways (:data:`itures.rules._conventions.BOTH_WAYS`) are left alone. One finding a text, with the
    words to write. ``whole`` is the texts joined by "\\0"."""
    elided = conventions.elided_forms(whole)
    if not elided:
        return
    found = [g for g in elided if g in whole]
    if not found:
        return
    starts = [0, *accumulate(len(t.text) + 1 for t in all_texts[:-1])]
    apostrophe = _file_apostrophe(whole)
    said: set[int] = set()
    for glued in found:
        elision, word = elided[glued]
        at = whole.find(glued)
        while at >= 0:
            end = at + len(glued)
            if (at == 0 or not _letter_or_apostrophe(whole[at - 1])) and (
                end == len(whole) or not _letter_or_apostrophe(whole[end])
            ):
                i = bisect_right(starts, at) - 1
                if i not in said:
                    said.add(i)
                    right = elision + apostrophe + word
                    yield _elision_lost(all_texts[i].path, glued, right, at - starts[i])
            at = whole.find(glued, end)


def _file_apostrophe(whole: str) -> str:
    """The apostrophe a file writes more often (straight when as often)."""
    return "’" if whole.count("’") > whole.count("'") else "'"


def _elision_lost(path: tuple[str | int, ...], word: str, right: str, offset: int) -> Finding:
    """An elision whose apostrophe was lost, ``word`` at ``offset``, to write ``right``."""
    return Finding(
        path,
        tr(
            "{word}: the apostrophe of the elision lost; French writes {right}",
            word=repr(word),
            right=repr(right),
        ),
        offset=offset,
        length=len(word),
        help=tr("write {right}", right=repr(right)),
    )


def _letter_or_apostrophe(ch: str) -> bool:
    return ch.isalpha() or ch in "'’"


# In French, an elision's apostrophe typed as a mark, the word after it
# glued ("l.écart", "qu.avec", "d,ateliers", "l;UIT"): the elided word
# alone (not the end of a word: "Rév.Dubaï", "etc.,"), the mark, a letter
_ELISION_MARK = re.compile(
    r"(?<![^\W\d_'’.])(?:[ldjnmtsc]|[LD]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)([.,;:])"
    r"(?=[^\W\d_]{2})"
)


# In French, a word glued to the elided word after it ("del'Union",
# "etd'organisations", "quel'UIT"): the word (group 1), the elision (2), its
# apostrophe (3); the word is the shortest the letters before the elision make
_ELISION_GLUED = re.compile(r"(?<![^\W\d_'’])([^\W\d_]+?)([ldjnmtsc]|qu)(['’])(?=[^\W\d_])")
# the French words that are elided themselves ("jusqu'à", "aujourd'hui")
_ELIDED_WORDS = frozenset(
    ("jusqu", "lorsqu", "puisqu", "quoiqu", "quelqu", "presqu", "aujourd", "prud", "entr")
)


def _elided_end(text: str, at: int) -> int:
    """Where the elided word that starts at ``at`` ends (its letters and
    hyphens: "l'Asie-Pacifique")."""
    end = at
    while end < len(text) and (text[end].isalpha() or text[end] in "-‑"):
        end += 1
    return end


def _elisions_glued(
    all_texts: list[Text], whole: str, writes: Callable[[str], bool]
) -> Iterator[Finding]:
    """In French, the blank lost between a word and the elided word after it
    ("del'Union", "etd'organisations"): one finding each, with the words to
    write, when the word is one the file writes (``writes``:
    :func:`itures.rules._walk.writes_word`; not a name, "McDonald's"), and
    not a word elided itself ("jusqu'à", "aujourd'hui")."""
    if "'" not in whole and "’" not in whole:
        return
    for t in all_texts:
        text = t.text
        if "'" not in text and "’" not in text:
            continue
        for m in _ELISION_GLUED.finditer(text):
            word = m.group(1)
            if (word + m.group(2)).lower() in _ELIDED_WORDS or not (
                writes(word) or writes(word.lower())
            ):
                continue
            end = _elided_end(text, m.end())
            written = text[m.start() : end]
            right = word + " " + text[m.start(2) : end]
            yield Finding(
                t.path,
                tr(
                    "{written}: the blank before the elided word lost; French writes {right}",
                    written=repr(written),
                    right=repr(right),
                ),
                offset=m.start(),
                length=len(written),
                help=tr("write {right}", right=repr(right)),
            )


def _elisions_typed(all_texts: list[Text], whole: str) -> Iterator[Finding]:
    """In French, the apostrophe of an elision typed as another mark ("l.écart",
    "qu.avec", "d,ateliers"), in a file that writes its elisions with an
    apostrophe: one finding each, with the word to write in the file's
    apostrophe (not "no blank after ','", which would write "d, ateliers")."""
    if "'" not in whole and "’" not in whole:
        return
    apostrophe: str | None = None
    for t in all_texts:
        text = t.text
        for m in _ELISION_MARK.finditer(text):
            if apostrophe is None:
                apostrophe = _file_apostrophe(whole)
            end = _elided_end(text, m.end())
            written = text[m.start() : end]
            right = text[m.start() : m.start(1)] + apostrophe + text[m.end() : end]
            yield Finding(
                t.path,
                tr(
                    "{written}: the apostrophe of the elision typed as {mark}; French writes "
                    "{right}",
                    written=repr(written),
                    mark=repr(m.group(1)),
                    right=repr(right),
                ),
                offset=m.start(),
                length=len(written),
                help=tr("write {right}", right=repr(right)),
            )


def _apostrophe_slips(all_texts: list[Text], language: str, whole: str) -> Iterator[Finding]:
    """An accent typed for an apostrophe ("l`UIT", "l´UIT"), and in French a
    blank beside an elision's apostrophe ("l' UIT", "d 'ateliers"): one
    finding each, with the fix. ``whole`` is the texts joined by "\\0"."""
    accents = "`" in whole or "\u00b4" in whole
    french = language == "fr" and ("' " in whole or " '" in whole or "’ " in whole or " ’" in whole)
    if not accents and not french:
        return
    for t in all_texts:
        text = t.text
        if accents and ("`" in text or "\u00b4" in text):
            for m in _ACCENT_APOSTROPHE.finditer(text):
                mark = m.group()
                yield Finding(
                    t.path,
                    tr(
                        "{mark} ({name}) typed for an apostrophe in {word}",
                        mark=repr(mark),
                        name=unicodedata.name(mark),
                        word=repr(words_around(text, m.start(), m.end())),
                    ),
                    offset=m.start(),
                    length=1,
                    help=tr(
                        "write an apostrophe for it (' or ’, as the rest of the file writes them)"
                    ),
                )
        if french and ("'" in text or "’" in text):
            for m in _ELISION_BLANK.finditer(text):
                at = m.start("after") if m.group("after") else m.start("before")
                yield Finding(
                    t.path,
                    tr(
                        "a blank beside the apostrophe of {found}: an elided word is written "
                        "against the word after it",
                        found=repr(words_around(text, m.start(), m.end())),
                    ),
                    offset=at,
                    length=1,
                    help=tr("delete the blank"),
                )


def _one_way(
    places: list[tuple[Text, int]], fewer: str, more: str, message: str, named: str
) -> Finding:
    """The finding of a mark a file writes two ways: at the first of
    ``places`` (those of the kind written less, ``fewer``), the others
    attached (up to :data:`_APOSTROPHES_SHOWN`, each ``named``), with the fix
    that writes ``more`` at each."""
    (first, at), *rest = places
    return Finding(
        first.path,
        message,
        offset=at,
        length=1,
        help=tr("write {other} here, as the rest of the file does", other=repr(more))
        if not rest
        else tr(
            "write {other} for each {mark} of the file (here and at the places listed), as the "
            "rest of the file does",
            other=repr(more),
            mark=repr(fewer),
        ),
        related=tuple(
            Place(t.path, named, offset=k, length=1) for t, k in rest[:_APOSTROPHES_SHOWN]
        ),
    )


# Punctuation written in two widths in a Chinese file, or two scripts in an
# Arabic one: the mark ITU texts of that language write ("，" after a Chinese
# character, "،" after an Arabic letter), and the one a keyboard in another
# mode types ("," ). By language: (the letters a mark follows, the pairs
# (the language's mark, the other)).
_WIDTHS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "zh": (
        "\u3400-\u9fff",
        (("，", ","), ("；", ";"), ("：", ":"), ("。", ".")),
    ),
    "ar": ("\u0621-\u065f\u0670-\u06d3", (("،", ","), ("؛", ";"))),
}


# what else a mark of the language may follow in its texts: a closing bracket
# or quotation mark of its width ("文件）,以及")
# ("2014, و": a number's digits in an Arabic text)
_WIDTH_CLOSERS = {"zh": "）」』”》", "ar": "0-9)»"}


@lru_cache(maxsize=4)
def _width_pattern(language: str) -> re.Pattern[str]:
    letters, pairs = _WIDTHS[language]
    marks = "".join(re.escape(m) for pair in pairs for m in pair)
    # a mark after a letter of the script, not inside a number ("1.2", "X.509")
    # nor a dot of an ellipsis ("以及...")
    return re.compile(f"(?<=[{letters}{_WIDTH_CLOSERS[language]}])[{marks}](?![\\d.])")


Widths = dict[str, list[tuple[Text, int]]]


def _width_marks(all_texts: list[Text], language: str) -> Widths:
    """In a Chinese or Arabic file, the places of each mark of
    :data:`_WIDTHS` after a letter of its script (nothing in another language)."""
    found: Widths = {}
    if language not in _WIDTHS:
        return found
    pattern = _width_pattern(language)
    for t in all_texts:
        for m in pattern.finditer(t.text):
            found.setdefault(m.group(), []).append((t, m.start()))
    return found


def _mark_names(found: Widths, language: str) -> dict[str, str]:
    """The end marks as an advice names them, by the marks of :mod:`_walk`:
    in a Chinese or Arabic file, in the width or script the file writes them
    ("'；'" in a file that writes "；"; a mark it writes neither way more, as
    it writes the others; else the language's own), so that the advice is not
    a mark of another width."""
    if language not in _WIDTHS:
        return _NAMES
    names = dict(_NAMES)
    pairs = _WIDTHS[language][1]
    # a mark the file writes neither way: the way it writes the others
    others = sum(len(found.get(other, ())) for _, other in pairs)
    owns = sum(len(found.get(own, ())) for own, _ in pairs)
    for own, other in pairs:
        mine, theirs = len(found.get(own, ())), len(found.get(other, ()))
        chosen = other if theirs > mine or (theirs == mine and others > owns) else own
        marks = next(m for m in (COMMA, SEMICOLON, PERIOD, COLON) if other in m)
        names[marks] = f"'{chosen}'"
    return names


def _localised(text: str, names: dict[str, str]) -> str:
    """``text`` (an explanation naming the marks as ``_NAMES`` writes them)
    with the marks as ``names`` writes them."""
    if names is _NAMES:
        return text
    for marks, name in _NAMES.items():
        text = text.replace(name, names[marks])
    return text


def _mixed_widths(found: Widths, language: str) -> Iterator[Finding]:
    """A Chinese or Arabic file whose marks after its script's letters are
    written both ways ("，" in most texts, "," in a clause typed in another
    input mode): one finding per mark, at the first of the kind the file
    writes less (the other script's when as many), the others of that kind
    attached. ``found``: :func:`_width_marks`."""
    if language not in _WIDTHS:
        return
    pairs = _WIDTHS[language][1]
    owns = [own for own, _ in pairs if found.get(own)]
    others = sum(len(found.get(other, ())) for _, other in pairs)
    for own, other in pairs:
        mine, theirs = found.get(own, []), found.get(other, [])
        if theirs and not mine and len(owns) >= min(2, len(pairs) - 1) and others <= 2:
            # a mark typed in another mode in a file that writes its other marks
            # in its own ("；" for ";" among "，" and "。"): one finding per mark
            yield _one_way(
                theirs,
                other,
                own,
                tr(
                    "{mark} here, where the file writes its other marks as its language "
                    "does ({marks}): write {own}",
                    mark=repr(other),
                    marks=", ".join(repr(m) for m in owns),
                    own=repr(own),
                ),
                tr("the mark {mark}", mark=repr(other)),
            )
            continue
        if not mine or not theirs:
            continue
        fewer, more = (other, own) if len(theirs) <= len(mine) else (own, other)
        yield _one_way(
            found[fewer],
            fewer,
            more,
            tr(
                "{mark} here ({count} in all), {other} in the rest of the file ({others} in "
                "all): a file writes its punctuation one way",
                mark=repr(fewer),
                count=len(found[fewer]),
                other=repr(more),
                others=len(found[more]),
            ),
            tr("the mark {mark}", mark=repr(fewer)),
        )


# Marks of another script or width that look like a Latin mark, in a text of
# a language written in Latin or Cyrillic letters (en, fr, es, ru): typed in
# another input mode, or pasted from a Chinese or an Arabic version. By mark,
# the one it looks like. (Chinese and Arabic files: _mixed_widths.)
_FOREIGN_MARKS = {
    "\u037e": ";",  # GREEK QUESTION MARK, the very shape of ';'
    "\uff1b": ";",
    "\u061b": ";",
    "\uff0c": ",",
    "\u060c": ",",
    "\u3001": ",",
    "\uff1a": ":",
    "\ua789": ":",
    "\u2236": ":",
    "\uff0e": ".",
    "\u3002": ".",
    "\uff1f": "?",
    "\u061f": "?",
    "\uff01": "!",
}
_FOREIGN_MARK = re.compile("[" + "".join(_FOREIGN_MARKS) + "]")


# A sector's name written with a dash for its hyphen ("UIT–T", Word's
# autocorrect): the name as ITU writes it is not found by a search
_SECTOR_DASH = re.compile(r"(?<!\w)(?:UIT|ITU|МСЭ)([–—])(?=[TDRТДР]\b)")


def _sector_dashes(
    all_texts: list[Text], language: str, form: textscan.Joined, whole: str
) -> Iterator[Finding]:
    """A sector named with a dash for its hyphen ('UIT–T'): one finding each,
    with the name to write; in the texts beyond ASCII of ``form``, in a file
    in English, French, Spanish or Russian. ``whole`` is the texts joined by
    "\\0"."""
    if language not in _LATIN_OR_CYRILLIC or ("–" not in whole and "—" not in whole):
        return
    for i in form.wide:
        t = all_texts[i]
        if "–" not in t.text and "—" not in t.text:
            continue
        for m in _SECTOR_DASH.finditer(t.text):
            name = t.text[m.start() : m.end() + 1]
            values = {
                "name": repr(name),
                "dash": repr(m.group(1)),
                "code": f"{ord(m.group(1)):04X}",
                "right": repr(name.replace(m.group(1), "-")),
            }
            yield Finding(
                t.path,
                tr(
                    "{name} is written with the dash {dash} (U+{code}) for its hyphen: a search "
                    "for the sector's name does not find it",
                    **values,
                ),
                offset=m.start(1),
                length=1,
                help=tr("write {right}", right=values["right"]),
            )


# A sector's name with a blank beside its hyphen ("UIT- T": a PDF's line
# break after the hyphen, or a blank typed), in a text: the name, the hyphen
# and the blanks, the sector's letter
_SECTOR_BLANK = re.compile(r"(?<!\w)(?:UIT|ITU|МСЭ)(?P<hyphen> -|- | - )(?=[TDRТДР]\b)")
# its quick test in the joined form: from the hyphen (a literal the search
# jumps to), a blank before or after it, after the name's last letter ('?' for
# a Cyrillic one) and before the sector's
_JOINED_SECTOR_BLANK = re.compile(rb"-(?:(?<=[TU?] -) ?|(?<=[TU?]-) )[TDR?]")


# a sector named with a blank for its hyphen, or none ('UIT R', 'ITUD'; not
# "UIT D'autre part"), and its quick test in the joined form
_SECTOR_NO_HYPHEN = re.compile(r"(?<!\w)(?:UIT|ITU)(?P<hyphen> ?)(?=[TDR](?![\w'’‑-]))")
# (a quick test for each name, which starts with its letters, a literal a
# search jumps to: an alternative of the two, or a look behind first, would
# be tried at every character; what is before the name is the exact
# pattern's to judge)
_JOINED_SECTOR_NO_HYPHEN = tuple(
    re.compile(name + rb" ?[TDR](?![A-Za-z0-9?'-])") for name in (b"ITU", b"UIT")
)


def _sector_blanks(all_texts: list[Text], form: textscan.Joined) -> Iterator[Finding]:
    """A sector named with a blank beside its hyphen ('UIT- T', 'ITU - R'),
    or with a blank for it or none ('UIT R', 'ITUD'): one finding each, with
    the name to write."""
    holding = sorted({i for quick in _JOINED_SECTOR_NO_HYPHEN for i in form.holding(quick)})
    for i in holding:
        t = all_texts[i]
        for m in _SECTOR_NO_HYPHEN.finditer(t.text):
            name = t.text[m.start() : m.end() + 1]
            right = t.text[m.start() : m.start("hyphen")] + "-" + t.text[m.end()]
            yield Finding(
                t.path,
                tr(
                    "{name} is written without its hyphen: a search for the sector's name "
                    "does not find it",
                    name=repr(name),
                ),
                offset=m.start(),
                length=len(name),
                help=tr("write {right}", right=repr(right)),
            )
    for i in form.holding(_JOINED_SECTOR_BLANK):
        t = all_texts[i]
        for m in _SECTOR_BLANK.finditer(t.text):
            name = t.text[m.start() : m.end() + 1]
            right = name.replace(m.group("hyphen"), "-")
            yield Finding(
                t.path,
                tr(
                    "{name} is written with a blank beside its hyphen: a search for the "
                    "sector's name does not find it",
                    name=repr(name),
                ),
                offset=m.start("hyphen"),
                length=len(m.group("hyphen")),
                help=tr("write {right}", right=repr(right)),
            )


_LATIN_OR_CYRILLIC = ("en", "fr", "es", "ru")


def _foreign_marks(
    all_texts: list[Text], language: str, form: textscan.Joined, whole: str
) -> Iterator[Finding]:
    """A mark of another script or width that looks like the language's
    (';' U+037E GREEK QUESTION MARK, '；' of full width, '،' the Arabic comma
    in a French text): one finding per mark, at its first, the others
    attached, with the mark to write. Only in the texts beyond ASCII of
    ``form`` (the file's texts joined), in a file in English, French,
    Spanish or Russian. ``whole`` is the texts joined by "\\0": searched
    first, as most files hold none."""
    if language not in _LATIN_OR_CYRILLIC or _FOREIGN_MARK.search(whole) is None:
        return
    found: dict[str, list[tuple[Text, int]]] = {}
    for i in form.wide:
        t = all_texts[i]
        for m in _FOREIGN_MARK.finditer(t.text):
            found.setdefault(m.group(), []).append((t, m.start()))
    for mark, places in found.items():
        own = _FOREIGN_MARKS[mark]
        (first, at), *rest = places
        values = {
            "mark": repr(mark),
            "code": f"{ord(mark):04X}",
            "name": unicodedata.name(mark, "?"),
            "own": repr(own),
            "count": len(places),
        }
        yield Finding(
            first.path,
            tr(
                "{mark} (U+{code} {name}) here ({count} in all) looks like {own} but is "
                "another character: a search, a check or a reader's software does not take it "
                "for {own}",
                **values,
            ),
            offset=at,
            length=1,
            help=tr("write {own} for it", **values)
            if not rest
            else tr("write {own} for each (here and at the places listed)", **values),
            related=tuple(
                Place(t.path, tr("the mark {mark}", mark=repr(mark)), offset=k, length=1)
                for t, k in rest[:_APOSTROPHES_SHOWN]
            ),
        )


# Quotation marks and brackets as each language writes them (decision):
# Spanish, Russian and English write '«' and '»' right against the words they
# quote; French writes a blank inside both (a no-break space), or, as some of
# ITU's French texts do, inside neither, but not inside one only; Russian
# quotes with '«' and '»' (a straight '"' is a keyboard's); Chinese writes
# its brackets at full width, '（' and '）', around Chinese words: a file that
# does so is told of a bracket of Latin width around its words (one that
# writes none at full width writes its brackets one way: left alone).
_HUGGED = ("es", "ru", "en")
_GUILLEMET_BLANK = re.compile("«([ \u00a0\u202f]+)|[^ \u00a0\u202f]([ \u00a0\u202f]+)»")
_GUILLEMET_PAIR = re.compile("«([ \u00a0\u202f]*)[^«»]*?(?<![ \u00a0\u202f])([ \u00a0\u202f]*)»")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# a Latin-width bracket holding a Chinese character
_LATIN_BRACKETS = re.compile("\\((?=[^()]*[\u3400-\u4dbf\u4e00-\u9fff])[^()]*\\)")


def _quotes_of_the_language(all_texts: list[Text], language: str, whole: str) -> Iterator[Finding]:
    """Quotation marks and brackets not written as the file's language
    writes them (see above): one finding per text, at the first."""
    if language in _HUGGED and "«" in whole:
        for t in all_texts:
            m = _GUILLEMET_BLANK.search(t.text) if "«" in t.text else None
            if m is None:
                continue
            after = m.group(1) is not None  # (a blank after '«', else one before '»')
            k, mark = (1, repr("«")) if after else (2, repr("»"))
            yield Finding(
                t.path,
                tr(
                    "a blank after {mark}: ITU texts write the word that follows {mark} "
                    "right after it",
                    mark=mark,
                )
                if after
                else tr(
                    "a blank before {mark}: ITU texts write {mark} right after the word it follows",
                    mark=mark,
                ),
                offset=m.start(k),
                length=len(m.group(k)),
                help=tr("delete the blank after {mark}", mark=mark)
                if after
                else tr("delete the blank before {mark}", mark=mark),
            )
    if language == "fr" and "«" in whole:
        for t in all_texts:
            for m in _GUILLEMET_PAIR.finditer(t.text) if "«" in t.text else ():
                if bool(m.group(1)) == bool(m.group(2)):
                    continue
                spaced, bare = ("«", "»") if m.group(1) else ("»", "«")
                yield Finding(
                    t.path,
                    tr(
                        "a blank inside {spaced} and none inside {bare}: a French text writes "
                        "one inside both (a no-break space), or inside neither",
                        spaced=repr(spaced),
                        bare=repr(bare),
                    ),
                    offset=m.start(),
                    length=m.end() - m.start(),
                    help=tr(
                        "write a no-break space inside {bare} too, or delete the blank inside "
                        "{spaced}",
                        spaced=repr(spaced),
                        bare=repr(bare),
                    ),
                )
                break
    if language == "ru" and '"' in whole:
        for t in all_texts:
            at = t.text.find('"')
            if at < 0 or _CYRILLIC.search(t.text) is None:
                continue
            yield Finding(
                t.path,
                tr(
                    "a straight quotation mark {mark} in a Russian text: Russian texts quote "
                    "with '«' and '»'",
                    mark=repr('"'),
                ),
                offset=at,
                length=1,
                help=tr("write '«' and '»' for the pair of {mark}", mark=repr('"')),
            )
    if language == "zh" and "(" in whole and ("（" in whole or "）" in whole):
        for t in all_texts:
            m = _LATIN_BRACKETS.search(t.text) if "(" in t.text else None
            if m is None:
                continue
            yield Finding(
                t.path,
                tr(
                    "'(' and ')' of Latin width around Chinese words: Chinese texts write "
                    "'（' and '）'"
                ),
                offset=m.start(),
                length=m.end() - m.start(),
                help=tr("write '（' for '(' and '）' for ')'"),
            )


# the quotation marks that pair: “ with ”, « with », and the straight " with
# itself (the apostrophe ’ is not one: "d’intérêt")
_PAIRS = (("“", "”"), ("«", "»"))
_QUOTES = '"“”«»'


def _unpaired_quotes(all_texts: list[Text], whole: str | None = None) -> Iterator[Finding]:
    """A quotation mark with no partner in its text: a quotation opened and
    not closed ('intitulée « Réduire l’écart ... développés"'), or closed and
    not opened. One finding per text, at the mark left alone. ``whole`` is
    the texts joined by "\\0" (made here if not given)."""
    if whole is None:
        whole = "\0".join([t.text for t in all_texts])
    at: list[int] = []
    for mark in _QUOTES:  # (a search for each mark: quicker than a class of them)
        i = whole.find(mark)
        while i >= 0:
            at.append(i)
            i = whole.find(mark, i + 1)
    if not at:
        return  # most files: no quotation mark
    # the texts that hold one: by where each text starts in the joined string
    starts = [0, *accumulate(len(t.text) + 1 for t in all_texts[:-1])]
    for i in sorted({bisect_right(starts, a) - 1 for a in at}):
        t = all_texts[i]
        typed = _straight_for(t.text)
        if typed is not None:
            offset, meant = typed
            message = tr(
                "a straight quotation mark {straight} pairs with {partner}: the other half of "
                "the pair, {meant}, typed straight",
                straight=repr('"'),
                partner=repr(_PARTNER[meant]),
                meant=repr(meant),
            )
            space = _space_of_partner(t.text, offset, meant)
            help_ = (
                tr(
                    "write {meant} for the straight {straight}, with the no-break space "
                    "inside it that its partner has",
                    meant=repr(meant),
                    straight=repr('"'),
                )
                if space
                else tr(
                    "write {meant} for the straight {straight}",
                    meant=repr(meant),
                    straight=repr('"'),
                )
            )
        else:
            found = _unpaired(t.text)
            if found is None:
                continue
            offset, mark = found
            message = tr(
                "quotation mark {mark} with no partner in this text: a quotation opened and "
                "not closed, or closed and not opened",
                mark=repr(mark),
            )
            help_ = _quote_help(t.text, offset, mark)
        yield Finding(t.path, message, offset=offset, length=1, help=help_)


def _quote_help(text: str, offset: int, mark: str) -> str:
    """The help for a quotation mark left alone: where the quotation seems to
    end, when a mark after it says (:func:`conventions.closing_place`), with
    the no-break space the opening mark has inside it."""
    partner = _PARTNER.get(mark)
    place = None
    if partner is not None and mark in "“«":
        place = conventions.closing_place(text, offset, mark)
    if partner is None or place is None:
        return tr("close the quotation where it ends, or delete the stray {mark}", mark=repr(mark))
    if text[offset + 1 : offset + 2] in ("\u00a0", "\u202f"):
        return tr(
            "write {partner} after '{words}', with the no-break space inside it that its "
            "partner has, where the quotation seems to end, or delete the stray {mark}",
            partner=repr(partner),
            words=place[1],
            mark=repr(mark),
        )
    return tr(
        "write {partner} after '{words}', where the quotation seems to end, or delete the "
        "stray {mark}",
        partner=repr(partner),
        words=place[1],
        mark=repr(mark),
    )


# Spanish opens a question and an exclamation with their own marks
_SPANISH_PAIRS = (("¿", "?"), ("¡", "!"))


def _spanish_pairs(all_texts: list[Text], whole: str) -> Iterator[Finding]:
    """A Spanish question or exclamation with one of its two marks: '¿'
    with no '?' after it, or '?' with no '¿' before it ('¡' and '!' alike).
    One finding per text, at the mark left alone. ``whole`` is the texts
    joined by "\0"."""
    if not any(m in whole for pair in _SPANISH_PAIRS for m in pair):
        return  # (most files)
    for t in all_texts:
        text = t.text
        for opening, closing in _SPANISH_PAIRS:
            if (opening in text or closing in text) and text.count(opening) != text.count(closing):
                found = _lone(text, opening, closing)
                if found is None:
                    continue
                offset, mark = found
                partner = closing if mark == opening else opening
                yield Finding(
                    t.path,
                    tr(
                        "{mark} with no {partner} in this text: Spanish writes a question "
                        "between '¿' and '?', an exclamation between '¡' and '!'",
                        mark=repr(mark),
                        partner=repr(partner),
                    ),
                    offset=offset,
                    length=1,
                    help=tr(
                        "write the {partner} where the question or exclamation ends, or "
                        "delete the stray {mark}",
                        partner=repr(partner),
                        mark=repr(mark),
                    )
                    if mark == opening
                    else tr(
                        "write the {partner} where the question or exclamation starts, or "
                        "delete the stray {mark}",
                        partner=repr(partner),
                        mark=repr(mark),
                    ),
                )
                break


# (the first mark of a pair left alone: see there)
_lone = conventions.lone


# each curly mark's partner
_PARTNER = {"“": "”", "”": "“", "«": "»", "»": "«"}


def _straight_for(text: str) -> tuple[int, str] | None:
    """(offset, mark meant) of a straight '"' typed for one half of a pair
    of curly marks whose other half is there alone: '“Space Protocol"' (a
    '“' left open, the next '"' after it: '”' meant), '"Space Protocol”'
    (a '”' that closes nothing, the last '"' before it: '“' meant). Only
    with an odd number of '"' (an even one pairs with itself)."""
    if text.count('"') % 2 == 0:
        return None
    for opening, closing in _PAIRS:
        if text.count(opening) == text.count(closing):
            continue
        lone = _lone(text, opening, closing)
        if lone is None:
            continue
        at, mark = lone
        if mark == opening:
            straight = text.find('"', at)
            if straight >= 0:
                return straight, closing
        else:
            straight = text.rfind('"', 0, at)
            if straight >= 0:
                return straight, opening
    return None


def _space_of_partner(text: str, at: int, meant: str) -> bool:
    """Whether the partner of the guillemet ``meant``, typed as a straight
    '"' at ``at``, has a no-break space inside it ('«\u00a0Réduire') that the
    '"' lacks ('écart"'): the help then says to write that space too."""
    if meant == "»":
        lone = _lone(text[:at], "«", "»")
        return (
            lone is not None
            and text[lone[0] + 1 : lone[0] + 2] in ("\u00a0", "\u202f")
            and not text[at - 1 : at].isspace()
        )
    if meant == "«":
        closing = text.find("»", at)
        return (
            closing > 0
            and text[closing - 1] in ("\u00a0", "\u202f")
            and not text[at + 1 : at + 2].isspace()
        )
    return False


def _unpaired(text: str) -> tuple[int, str] | None:
    """The offset and mark of a quotation mark of ``text`` with no partner:
    the first opening mark left open, or a closing mark with none before it;
    of straight quotes, an odd one, the last. None when they all pair."""
    for opening, closing in _PAIRS:
        if opening not in text and closing not in text:
            continue
        if text.count(opening) == text.count(closing):
            continue
        found = _lone(text, opening, closing)
        if found is not None:
            return found
    if text.count('"') % 2:
        return text.rindex('"'), '"'
    return None


# the brackets that pair in a text: round ones, in every script ('[' and ']'
# are the markup's)
_BRACKETS = (("(", ")"), ("（", "）"))
# a pair with nothing of its kind inside, none across texts (joined by "\0"),
# and a parenthesis left when there are no more
_INNER_PAIR = re.compile(r"\([^()\0]*\)")
# (of either kind when a text holds a wide one: neither kind inside the other's)
_INNER_EITHER = re.compile(r"\([^()（）\0]*\)|（[^()（）\0]*）")
# the label a ')' may end ("c) iv) above", "resolves 2 a)", "1 bis)", "§ 13e)"):
# a number, one or two letters or a roman numeral, alone since a blank, a
# '(', or a mark the blank after which was lost ("telecommunications;iii)":
# punctuation's "no blank after ';'", the label no parenthesis); a slice's
# start counts only at the text's
_LABEL_END = re.compile(
    r"(?:^|[\s(\0;:,.])(?:\d{1,3}(?:\.\d{1,3})*[a-z]?|[^\W\d_]{1,2}|[ivxlc]{1,7})(?:\s?(?:bis|ter))?$"
)
# the target of a citation's markup, '](wtdc:5@2014)': not the text's own
# parentheses (blanked, the offsets kept); so is one whose ')' was lost,
# '](wtdc:5@2014 on', which the markup rule reports
_TARGET = re.compile(r"\]\((?:[^()\s]*\)|" + mk.TARGET_LIKE + r"(?!\)))")


def _blank_target(m: re.Match[str]) -> str:
    return "]" + " " * (len(m.group(0)) - 1)


def _unpaired_brackets(
    all_texts: list[Text],
    whole: str | None = None,
    *,
    wide_first: bool = False,
    numbered: Callable[[Path], bool] | None = None,
) -> Iterator[Finding]:
    """A parenthesis with no partner in its text: ``(Rév. Dubaï, 2014`` not
    closed, ``UIT-T)`` not opened. The ')' of a label written in the text
    ("c) iv) above", "(see b))") is not one. One finding per text, at the
    parenthesis left alone. ``whole`` is the texts joined by "\\0" (made
    here if not given). A pair of two widths ("(2014年，釜山）") is one
    finding, at the parenthesis not of the file's width (full width in
    Chinese, ``wide_first``; else the narrow one), with the mark to write
    in its place: neither is alone. A ')' that starts an entry's text, where
    the numbering reports the entry (``numbered``: "- text: ) No. 53 …",
    the letter of a label left in the text lost), is the label's remnant:
    the numbering's finding says it."""
    if whole is None:
        whole = "\0".join([t.text for t in all_texts])
    wide = "（" in whole or "）" in whole
    if "(" not in whole and ")" not in whole and not wide:
        return
    # the pairs taken out, innermost first (a citation's markup target among
    # them), eight levels deep at most (a pass each: a text of thousands
    # nested would take quadratic time; what is left is read text by text):
    # what remains is in the texts to read one by one (most files: none)
    rest = whole
    pattern = _INNER_EITHER if wide else _INNER_PAIR
    for _ in range(8):
        # (a pair leaves a mark that is no blank: what stood before it is not
        # taken for the start of a label, "a())" is not "a)")
        rest, n = pattern.subn("\x01", rest)
        if not n or ("(" not in rest and "（" not in rest):
            break
    if whole.count("\0") == len(all_texts) - 1:
        left = _left_in(rest, wide)
    else:  # a text holds a "\0" itself: each is read on its own
        left = [i for i, t in enumerate(all_texts) if _unbalanced(t.text) is not None]
    for i in left:
        t = all_texts[i]
        found = _unbalanced(t.text)
        if found is None:
            continue
        offset, mark = found
        if any(p.start <= offset < p.end for p in t.problems):
            continue  # (a citation's markup that lost its '(' or ')': markup's finding)
        mixed = _two_widths(t.text, wide_first) if wide else None
        if mixed is not None:
            offset, mark, right, opening, closing = mixed
            yield Finding(
                t.path,
                tr(
                    "parenthesis {opening} is closed by {closing}, a parenthesis of the other width",
                    opening=repr(opening),
                    closing=repr(closing),
                ),
                offset=offset,
                length=1,
                help=tr(
                    "write {marks} in place of {written}", marks=repr(right), written=repr(mark)
                ),
            )
            continue
        if mark in "(（" and t.path == ("title",):
            from itures.rules.artefacts import cut_title

            cut = cut_title(t.text)
            if cut is not None and cut <= offset:
                continue  # (a title cut short in its parenthesis: conversion-artefact's)
        inner = _opened_twice(t.text, offset, mark) if mark in "(（" else None
        if inner is not None:
            # "(Rev. (Hammamet, 2016)": the '(' to delete is the one inside
            after = _WORD_AFTER.match(t.text, inner + 1)
            word_end = after.end() if after is not None else inner + 1
            yield Finding(
                t.path,
                tr(
                    "parenthesis {mark} opened twice and closed once: a {mark} too many in "
                    "'{words}'",
                    mark=repr(mark),
                    words=t.text[offset:word_end],
                ),
                offset=inner,
                length=1,
                help=tr(
                    "delete the {mark} before '{word}': '{fixed}'",
                    mark=repr(mark),
                    word=after.group(1),
                    fixed=t.text[offset:inner] + t.text[inner + 1 : word_end],
                )
                if after is not None
                else tr("delete the stray {mark}", mark=repr(mark)),
            )
            continue
        if mark in "(（":
            message = tr(
                "parenthesis {mark} not closed in this text: the words it opens run to the "
                "end of the text",
                mark=repr(mark),
            )
            fix = tr(
                "close the parenthesis where its words end, or delete the stray {mark}",
                mark=repr(mark),
            )
        else:
            if (
                numbered is not None
                and not t.text[:offset].strip()
                and t.path[-1] == "text"
                and numbered(t.path[:-1])
            ):
                continue  # (a label's remnant: ") No. 53 of the Constitution")
            message = tr("parenthesis {mark} closes nothing opened in this text", mark=repr(mark))
            fix = tr(
                "open the parenthesis where its words start, or delete the stray {mark}",
                mark=repr(mark),
            )
        yield Finding(t.path, message, offset=offset, length=1, help=fix)


# digits of other scripts than ITU's 0 to 9: Arabic-Indic, Eastern
# Arabic-Indic (Persian), full width. ITU texts write numbers in 0 to 9 in
# every language, Arabic and Chinese included.
_OTHER_DIGITS = re.compile(r"[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]+")
# the files they are looked for in: those whose input methods type them (an
# Arabic keyboard, a Chinese one in full width); a search of every file's
# texts for a class of characters costs as much as a third of the rule
_DIGITS_TYPED = frozenset(("ar", "zh"))


def _other_digits(all_texts: list[Text]) -> Iterator[Finding]:
    """A number written in other digits than 0 to 9 ('٥٣', '２０１８'): one
    finding per text, at the first, with the number to write (the digits
    are read as what they write, so a citation's or a year's number is not
    otherwise wrong). Digits inside a citation's target, or a footnote
    marker's id ("[^１]"), are the markup's finding: a target that is not
    read is an error, with the target to write; a marker, with the one to
    write."""
    for t in all_texts:
        m = _OTHER_DIGITS.search(t.text)
        while m is not None and (_in_target(t.text, m.start()) or _in_marker(t.text, m.start())):
            m = _OTHER_DIGITS.search(t.text, m.end())
        if m is None:
            continue
        written = m.group()
        right = ascii_digits(written)
        yield Finding(
            t.path,
            tr(
                "the number {written} is written in other digits than ITU's (0 to 9)",
                written=repr(written),
            ),
            offset=m.start(),
            length=len(written),
            help=tr(
                "write {marks} in place of {written}", marks=repr(right), written=repr(written)
            ),
        )


def _inside(text: str, at: int, opening: str, closing: str) -> bool:
    """Whether ``at`` is after ``opening`` and before its ``closing``, with
    no blank between (a citation's target, a footnote marker's id)."""
    start = text.rfind(opening, 0, at)
    return start >= 0 and not any(c in text[start + len(opening) : at] for c in f"{closing} \n")


def _in_target(text: str, at: int) -> bool:
    """Whether ``at`` is inside a citation's target: after '](' and before
    the ')' that closes it."""
    return _inside(text, at, "](", ")")


def _in_marker(text: str, at: int) -> bool:
    """Whether ``at`` is inside a footnote marker's id: after '[^' and
    before the ']' that closes it."""
    return _inside(text, at, "[^", "]")


_TO_NARROW = str.maketrans("（）", "()")
_OTHER_WIDTH = {"(": "（", ")": "）", "（": "(", "）": ")"}


def _two_widths(text: str, wide_first: bool) -> tuple[int, str, str, str, str] | None:
    """A parenthesis opened in one width and closed in the other, every
    other pairing ("(2014年，釜山）"): (offset, mark, mark to write in its
    place, the opening, the closing) for the one not of the file's width
    (``wide_first``: full width); None when the text's parentheses do not
    pair once written in one width, or the two alone are not an opening
    and, after it, a closing."""
    if _unbalanced(text.translate(_TO_NARROW)) is not None:
        return None
    narrow, wide = (_lone_of(text, opening, closing) for opening, closing in _BRACKETS)
    if narrow is None or wide is None:
        return None
    (a, mark_a), (b, mark_b) = sorted((narrow, wide))
    if mark_a not in "(（" or mark_b not in ")）":
        return None
    at, mark = (b, mark_b) if (mark_b in "（）") != wide_first else (a, mark_a)
    return at, mark, _OTHER_WIDTH[mark], mark_a, mark_b


def _lone_of(text: str, opening: str, closing: str) -> tuple[int, str] | None:
    """:func:`_unbalanced` of one pair of marks."""
    if "](" in text:
        text = _TARGET.sub(_blank_target, text)
    if opening not in text and closing not in text:
        return None
    if _unmatched(text, opening, closing, labels=0) is None:
        return None
    found = _unmatched(text, opening, closing, labels=1)
    if found is not None and _unmatched(text, opening, closing, labels=2) is not None:
        return found
    return None


def _left_in(rest: str, wide: bool) -> list[int]:
    """The indices of the texts of ``rest`` (texts joined by "\\0", their
    pairs taken out) that hold a '(' (or a wide one), or a ')' that is not a
    label's (most files: only the ')' of labels written in texts, "c)
    above"), in order. A pass for each mark, each linear: a text is counted
    from where the last one found was, only for a mark that is alone, and
    left at its first."""
    left: set[int] = set()
    for mark in "()（）" if wide else "()":
        at_text, counted = 0, 0  # the index of the text at offset `counted`
        at = rest.find(mark)
        while at >= 0:
            if mark == ")" and _label_before(rest, at):
                at = rest.find(mark, at + 1)
                continue
            at_text += rest.count("\0", counted, at)
            counted = at
            left.add(at_text)
            end = rest.find("\0", at)
            if end < 0:
                break
            at = rest.find(mark, end)  # the next text
    return sorted(left)


def _label_before(text: str, at: int) -> bool:
    """Whether the ')' at ``at`` ends a label (:data:`_LABEL_END`). A label of
    one character after a blank, '(' or "\\0" ("c)", "1)": most) is told
    without the pattern."""
    if at >= 2 and text[at - 1].isalnum() and text[at - 2] in " (\0":
        return True  # (any one character str.isalnum takes is a digit or a letter there)
    lo = max(0, at - 16)
    m = _LABEL_END.search(text[lo:at])
    return m is not None and (m.start() > 0 or lo == 0 or not text[lo].isalnum())


def _unpaired_squares(
    all_texts: list[Text], form: textscan.Joined | None = None
) -> Iterator[Finding]:
    """A square bracket with no partner in the literal text of its text
    (not a citation's or a footnote marker's markup): "aux travaux de
    l'UIT];", "[de l'UIT;". One finding per text, at the bracket left alone.
    A text whose markup cannot be read is the ``markup`` rule's (a bracket
    lost from a citation is said there). Brackets that pair ("[sic]") are
    text. ``form`` is the texts joined in the form the artefact scans search
    (made here if not given)."""
    if form is None:
        form = textscan.Joined([t.text for t in all_texts])
    for i in sorted({*form.holding_literal(b"["), *form.holding_literal(b"]")}):
        t = all_texts[i]
        if t.problems:
            continue
        found = _square_alone(t)
        if found is None:
            continue
        offset, mark = found
        if mark == "[":
            message = tr(
                "square bracket {mark} not closed in this text: the words it opens run to the "
                "end of the text",
                mark=repr(mark),
            )
            fix = tr(
                "close the bracket where its words end, or delete the stray {mark}", mark=repr(mark)
            )
        else:
            message = tr(
                "square bracket {mark} closes nothing opened in this text", mark=repr(mark)
            )
            fix = tr(
                "open the bracket where its words start, or delete the stray {mark}",
                mark=repr(mark),
            )
        yield Finding(t.path, message, offset=offset, length=1, help=fix)


# A footnote marker that lost its '[' ("^1]"): the footnote rules say it.
_MARKER_BEFORE = re.compile(rf"\^{mk.FOOTNOTE_ID}$")


def _square_alone(t: Text) -> tuple[int, str] | None:
    """The offset and mark of the first ']' that closes nothing in the literal
    spans of ``t`` (its markup aside), else of the first '[' left open; None
    when they pair. Not the ']' of markup that lost its '[', which other
    rules report: a citation's ("words](pp:71)": ``markup``), a footnote
    marker's ("^1]": ``footnote-unused``)."""
    opened: list[int] = []
    whole = t.text
    for span in t.spans:
        if not isinstance(span, mk.Text):
            continue
        text = span.text
        if "[" not in text and "]" not in text:
            continue
        for k, c in enumerate(text):
            if c == "[":
                opened.append(span.start + k)
            elif c == "]":
                if opened:
                    opened.pop()
                    continue
                at = span.start + k
                stray = mk.STRAY_TARGET.match(whole, at)
                if stray is not None and not isinstance(
                    mk.parse_target(stray.group("target")), str
                ):
                    continue
                if _MARKER_BEFORE.search(whole, 0, at):
                    continue
                return at, "]"
    return (opened[0], "[") if opened else None


# what may stand between a parenthesis left open and a second one opened
# right after it, that second one being the parenthesis too many: nothing
# ("((Rev. Dubai, 2012)"), or a revision's word, which a revision's
# parenthesis starts with and which ends nothing ("(Rev. (Hammamet, 2016)")
_BEFORE_SECOND = re.compile(r"\s*(?:R[eé]v\.?\s*)?")
# the word after the parenthesis too many, named by the help
_WORD_AFTER = re.compile(r"\s*([^\W_][\w.‑-]*)")


def _opened_twice(text: str, offset: int, mark: str) -> int | None:
    """The offset of the parenthesis too many when the one at ``offset``,
    left open, is followed by a second that only a revision's word (or
    nothing) parts from it, and the text reads whole without that second
    one: "Resolution 35 (Rev. (Hammamet, 2016)", whose stray '(' is the one
    before "Hammamet", not the first (deleting that one gives "Rev.
    (Hammamet, 2016)"). None otherwise: the first is then the one alone."""
    inner = text.find(mark, offset + 1)
    if inner < 0 or not _BEFORE_SECOND.fullmatch(text, offset + 1, inner):
        return None
    if _unbalanced(text[:inner] + text[inner + 1 :]) is not None:
        return None
    return inner


def _unbalanced(text: str) -> tuple[int, str] | None:
    """The offset and mark of a parenthesis of ``text`` with no partner (the
    first ')' with none open, else the first '(' left open), None when they
    all pair. Read as written; then, if that leaves one alone, with the ')' of
    a label ("c) iv) above") taken for a label where no parenthesis is open or
    where another ')' follows it ("(§ 90 q))"): what is alone then is said,
    unless reading every such ')' as a label's pairs them all."""
    if "](" in text:
        text = _TARGET.sub(_blank_target, text)
    for opening, closing in _BRACKETS:
        if opening not in text and closing not in text:
            continue
        if _unmatched(text, opening, closing, labels=0) is None:
            continue
        found = _unmatched(text, opening, closing, labels=1)
        if found is not None and _unmatched(text, opening, closing, labels=2) is not None:
            return found
    return None


def _unmatched(text: str, opening: str, closing: str, *, labels: int) -> tuple[int, str] | None:
    """:func:`_unbalanced` of one pair, reading the ')' of labels as closing
    (``labels=0``), as labels where nothing is open or a ')' follows (1), as
    labels (2)."""
    open_at: list[int] = []
    a = text.find(opening)
    b = text.find(closing)
    while True:
        # (each found again only once passed: a text of thousands of one
        # mark and one of the other at its end is read once)
        if a < 0 and b < 0:
            break
        i = a if b < 0 or 0 <= a < b else b
        if i == a:
            a = text.find(opening, i + 1)
        else:
            b = text.find(closing, i + 1)
        if text[i] == opening:
            open_at.append(i)
            continue
        if (
            labels
            and (labels == 2 or not open_at or text.startswith(closing, i + 1))
            and _label_before(text, i)
        ):
            continue
        if not open_at:
            return i, closing
        open_at.pop()
    return (open_at[0], opening) if open_at else None


# a blank before a comma or a full stop, after a word (not after a mark: a
# doubled mark is said as one), the mark ending a word (not ' .5', nor an
# ellipsis ' . . .'); before ';' and ':' too, except in French, whose
# typography puts one there. Or a blank inside a parenthesis (every
# language): before ')' after a word, or after '(' before one (not "( )").
# The mark a blank is before is group 1 (a comma, a full stop ...) or 2 (')');
# the '(' a blank is after, group 3.
_SPACED_INSIDE = r"|(?<=[^\s(])[ \u00a0\u202f]+(\))|(\()[ \u00a0\u202f]+(?=[^\s)])"
_SPACED = {
    "fr": re.compile(
        r"(?<=[^\s,;:.،؛，；：。])[ \u00a0\u202f]+([,.])(?=[\s\0]|$)(?!\s*[.,;:])" + _SPACED_INSIDE
    ),
    "": re.compile(
        r"(?<=[^\s,;:.،؛，；：。])[ \u00a0\u202f]+([,.;:])(?=[\s\0]|$)(?!\s*[.,;:])"
        + _SPACED_INSIDE
    ),
}
# What the quick tests search in the joined form (see textscan.Joined: ',' for
# ',' and '.', ';' for ';' and ':', a blank for a blank): a blank, then a mark.
# Written from the mark, looking behind for the blank: a search jumps to a
# literal a pattern starts with, and a mark is rarer than a blank (twice as
# quick as the literal " ," searched for as such).
_BLANK_COMMA = re.compile(rb",(?<= ,)")
# a dot, blanks, then ',' ending a word's run ("etc. , ont eu")
_DOT_BLANK_COMMA = re.compile(r"\.[ \u00a0\u202f]+,(?=[\s\0]|$)")
_BLANK_SEMICOLON = re.compile(rb";(?<= ;)")
_BLANK_CLOSING = re.compile(rb"\)(?<= \))")
_BLANK_OPENING = re.compile(rb"\( ")


def _spaced_marks(
    all_texts: list[Text],
    language: str,
    form: textscan.Joined | None = None,
    whole: str | None = None,
) -> Iterator[Finding]:
    """A blank written before a comma or a full stop ("financement , et"),
    or before ';' and ':' in a language other than French, or inside a
    parenthesis ("2017 )", "( TIC"): one finding per text, at the first. A
    blank before or after a mark is looked for in ``form``, the texts joined
    in the form the artefact scans search (a blank, then ',' for ',' and '.',
    ';' for ';' and ':'; a blank and ')', '(' and a blank), and a blank beyond
    ASCII (no-break spaces) in the texts beyond it, when ``whole``, the texts
    joined by "\\0", holds one (each made here if not given)."""
    pattern = _SPACED.get(language) or _SPACED[""]
    if form is None:
        form = textscan.Joined([t.text for t in all_texts])
    maybe = set(form.holding(_BLANK_COMMA))
    if language != "fr":
        maybe.update(form.holding(_BLANK_SEMICOLON))
    maybe.update(form.holding(_BLANK_CLOSING))
    maybe.update(form.holding(_BLANK_OPENING))
    maybe.update(_with_wide_blanks(all_texts, form, whole))
    for i in sorted(maybe):
        text = all_texts[i].text
        m = pattern.search(text)
        if m is None:
            dot = _DOT_BLANK_COMMA.search(text) if "," in text else None
            if dot is not None and (
                _abbreviation(text, dot.start()) or text[dot.start() - 1 : dot.start()] == "."
            ):
                # "etc. ,": an abbreviation's dot or an ellipsis, then a blank
                # before ',' (no doubled mark: the dot is the word's)
                yield _blank_before(
                    all_texts[i].path, "','", dot.start() + 1, dot.end() - dot.start() - 2
                )
            continue
        t = all_texts[i]
        if m.group(3) is not None:  # a blank after '('
            mark = m.group(3)
            yield Finding(
                t.path,
                tr(
                    "a blank after {mark}: ITU texts write the word that follows {mark} "
                    "right after it",
                    mark=repr(mark),
                ),
                offset=m.end(3),
                length=m.end() - m.end(3),
                help=tr("delete the blank after {mark}", mark=repr(mark)),
            )
            continue
        before = 1 if m.group(1) is not None else 2
        mark = m.group(before)
        yield _blank_before(t.path, repr(mark), m.start(), m.start(before) - m.start())


# The marks of Chinese and Arabic that follow their word with no blank: by
# language, the marks, and whether a blank goes after them (Arabic, as Latin
# scripts; Chinese writes none)
_OWN_MARKS: dict[str, tuple[str, bool]] = {"zh": ("，。；：、", False), "ar": ("،؛", True)}
_OWN_BLANKS = " \u00a0\u202f\u3000"


@lru_cache(maxsize=4)
def _own_mark_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """A blank before one of a language's own marks, and (where a blank goes
    after them) one of them right before a letter."""
    marks, blank_after = _OWN_MARKS[language]
    before = re.compile(f"(?<=[^{_OWN_BLANKS}\\0])[{_OWN_BLANKS}]+([{marks}])")
    after = re.compile(f"([{marks}])(?=[^\\W\\d_])") if blank_after else None
    return before, after


def _spaced_own_marks(all_texts: list[Text], language: str, whole: str) -> Iterator[Finding]:
    """A blank before a Chinese or an Arabic mark ("文件） ，", "الاتحاد ،"), and
    in Arabic none after '،' before a letter ("الاتحاد،والدول"): one finding
    per text, at the first. ``whole`` is the texts joined by "\\0"."""
    marks = _OWN_MARKS[language][0]
    if not any(m in whole for m in marks):
        return  # (a file in another script)
    before, after = _own_mark_patterns(language)
    for t in all_texts:
        text = t.text
        if not any(m in text for m in marks):
            continue
        m = before.search(text)
        if m is not None:
            mark = repr(m.group(1))
            yield _blank_before(t.path, mark, m.start(), m.start(1) - m.start())
            continue
        m = after.search(text) if after is not None else None
        if m is not None:
            mark = repr(m.group(1))
            yield Finding(
                t.path,
                tr(
                    "no blank after {mark}: ITU texts write a blank between {mark} and the "
                    "next word",
                    mark=mark,
                ),
                offset=m.start(),
                length=1,
                help=tr("write a blank after {mark}", mark=mark),
            )


# A comma, a semicolon or a colon written against the word after it
# ("séminaires,d'ateliers", "séminaires;d'ateliers"): one of the three (not a
# full stop: "Rév.Dubaï", "e.g.") then a letter, or a letter, a comma and a
# digit ("(Rév.Dubaï,2014)"). Not a digit after a digit ("1,5", a decimal;
# "10:30"), nor in a citation's target, nor a web address's scheme
# ("mailto:", "urn:"), nor a character reference's end ("d&apos;intérêt":
# conversion-artefact's).
_GLUED = re.compile(r"[,;:](?:(?=[^\W\d_])|(?<=[^\W\d_],)(?=\d))")
# (its quick tests, over the file's texts joined by a character that is no
# letter: each starts with its mark, a literal the search jumps to, where a
# class of the three, or a look-behind, is tried at every character)
_GLUED_QUICK = (
    re.compile(r",(?=[^\W\d_])|,(?<=[^\W\d_],)(?=\d)"),
    re.compile(r";(?=[^\W\d_])"),
    re.compile(r":(?=[^\W\d_])"),
)
# (the end of a character reference, "&apos;": conversion-artefact's)
_ENTITY = re.compile(r"&#?[A-Za-z0-9]{1,32}$")
_SCHEME = re.compile(r"\b(?:mailto|urn|doi|tel|https?|ftp|isbn|issn)$", re.IGNORECASE)


def glued_marks(whole: str) -> list[int]:
    """Where a comma, a semicolon or a colon stands with no blank after it,
    before a word or (a comma after a letter) a digit, in ``whole``: the
    texts joined by "\\0"."""
    return [m.start() for quick in _GLUED_QUICK for m in quick.finditer(whole)]


def _glued_commas(
    all_texts: list[Text], whole: str | None = None, found: list[int] | None = None
) -> Iterator[Finding]:
    """A comma, a semicolon or a colon with no blank after it, before a word:
    one finding per text, at the first. ``whole`` is the texts joined by
    "\\0" (made here if not given); ``found``, :func:`glued_marks` of it
    (found here if not given)."""
    if whole is None:
        whole = "\0".join([t.text for t in all_texts])
    if found is None:
        found = glued_marks(whole)
    if not found:
        return  # (most files)
    starts = list(accumulate([len(t.text) + 1 for t in all_texts], initial=0))
    for i in sorted({bisect_right(starts, at) - 1 for at in found}):
        t = all_texts[i]
        text = t.text
        targets = [m.span() for m in _TARGET.finditer(text)] if "](" in text else []
        for m in _GLUED.finditer(text):
            at = m.start()
            if (
                any(start <= at < end for start, end in targets)
                or (text[at] == ":" and _SCHEME.search(text, max(0, at - 6), at) is not None)
                or (text[at] == ";" and _ENTITY.search(text, max(0, at - 33), at) is not None)
            ):
                continue
            mark = repr(text[at])
            rev = _REV_BEFORE.search(text, max(0, at - 4), at)
            if rev is not None:
                # the dot of "Rev." typed as another mark ("(Rév;Genève, 2007)"): a
                # blank after it would keep the slip; in a citation's words,
                # reference-text's finding
                if in_citation_words(text, at):
                    break
                yield _stop_typed(t.path, rev.group(), text[at], rev.start())
                break
            yield _no_blank_after(t.path, mark, at, 1)
            break


def _blank_before(path: tuple[str | int, ...], mark: str, offset: int, length: int) -> Finding:
    """A blank before ``mark`` (quoted), the blank ``length`` long at ``offset``."""
    return Finding(
        path,
        tr(
            "a blank before {mark}: ITU texts write {mark} right after the word it follows",
            mark=mark,
        ),
        offset=offset,
        length=length,
        help=tr("delete the blank before {mark}", mark=mark),
    )


def _no_blank_after(path: tuple[str | int, ...], mark: str, offset: int, length: int) -> Finding:
    """No blank after ``mark`` (quoted), the span ``length`` long at ``offset``."""
    return Finding(
        path,
        tr(
            "no blank after {mark}: ITU texts write a blank between {mark} and the next word",
            mark=mark,
        ),
        offset=offset,
        length=length,
        help=tr("write a blank after {mark}", mark=mark),
    )


def _stop_typed(path: tuple[str | int, ...], word: str, mark: str, offset: int) -> Finding:
    """The full stop of an abbreviation, ``word`` ("Rev", "etc"), typed as
    ``mark`` after it, at ``offset``: the abbreviation and its full stop to write."""
    right = repr(word + ".")
    return Finding(
        path,
        tr(
            "{written}: the full stop of {right} typed as {mark}",
            written=repr(word + mark),
            right=right,
            mark=repr(mark),
        ),
        offset=offset,
        length=len(word) + 1,
        help=tr("write {right}", right=right),
    )


# "Rev" or "Rév" after a parenthesis, before a mark typed for its dot
_REV_BEFORE = re.compile(r"(?<=\()R[eé]v$", re.IGNORECASE)


# "etc" without its full stop ("de colloques, etc, ont eu"): the word first,
# the edges looked at after it; not inside a word ("etcetera", "fetch")
_ETC = re.compile(r"etc(?<![^\W\d_]etc)(?![\w.])")


# "Rev" or "Rév" opening a revision's parentheses ("(Rev. Dubai, 2018)"): the
# word first, a literal; what follows it is looked at after
_REV_OPENING = re.compile(r"R[eé]v(?<=\(R[eé]v)")
# after it, the dot glued to the place after a blank ("(Rév .Dubaï, 2012)";
# a blank on both sides is _spaced_marks's), the dot glued to the place
# ("(Rev.Dubai, 2018)"; a place: a capital, then a small letter, not
# "(Rev.WRC-15)", as ITU writes a World Radiocommunication Conference's), the
# dot and its blank ("(Rev. Dubai, 2018)")
_REV_BLANK_DOT = re.compile(r"[ \u00a0]+\.(?=[^\W\d_])")
_REV_GLUED = re.compile(r"\.(?=[^\W\d_][^\W\d_A-Z])")
_REV_SPACED = re.compile(r"\.[ \u00a0](?=[^\W\d_])")


def _rev_dots(all_texts: list[Text], language: str, whole: str) -> Iterator[Finding]:
    """The dot of "Rev." in a revision's parentheses after a blank, glued to
    the place ("(Rév .Dubaï, 2012)": the blank to delete), and "Rev." glued
    to the place ("(Rev.Dubai, 2018)": the blank to write). The second in
    English always (the Final Acts write "(Rev. Dubai, 2018)" 335 times,
    never glued); in another language in a file that writes it with its
    blank more often: a file that writes "Rév.Dubaï" throughout (a Word
    export may, as the example does) is left alone. One finding a text.
    ``whole`` is the texts joined by "\\0"."""
    blanks: list[int] = []
    glued: list[int] = []
    spaced = 0
    for m in _REV_OPENING.finditer(whole):
        at = m.end()
        if _REV_BLANK_DOT.match(whole, at):
            blanks.append(at)
        elif _REV_GLUED.match(whole, at):
            glued.append(m.start())
        elif _REV_SPACED.match(whole, at):
            spaced += 1
    if language != "en" and spaced <= len(glued):
        glued = []
    if not blanks and not glued:
        return
    starts = [0, *accumulate(len(t.text) + 1 for t in all_texts[:-1])]
    said: set[int] = set()
    for at, blank in sorted([(a, True) for a in blanks] + [(a, False) for a in glued]):
        i = bisect_right(starts, at) - 1
        if i in said:
            continue
        said.add(i)
        t = all_texts[i]
        offset = at - starts[i]
        if blank:
            dot = t.text.index(".", offset)
            yield _blank_before(t.path, "'.'", offset, dot - offset)
        else:
            yield _no_blank_after(t.path, repr(t.text[offset : offset + 4]), offset, 4)


# "etc" with another mark typed for its full stop, before a mark ("etc;,"),
# and with a blank before its full stop, before a mark ("etc .,")
_ETC_TYPED = re.compile(r"(?<!\w)etc[;:,][,;:.]")
_ETC_BLANK_DOT = re.compile(r"(?<!\w)etc \.[,;:.]")


def _etc_alone(all_texts: list[Text]) -> Iterator[Finding]:
    """'etc' written without its full stop: one finding a text, at the first;
    with another mark typed for it, before the mark that follows it
    ("etc;,"), that finding alone (not also a doubled mark)."""
    for t in all_texts:
        m = _ETC.search(t.text) if "etc" in t.text else None
        if m is None:
            continue
        typed = t.text[m.end() : m.end() + 2]
        if len(typed) == 2 and typed[0] in ";:," and typed[1] in ",;:.":
            yield _stop_typed(t.path, "etc", typed[0], m.start())
            continue
        if typed == " .":
            # (its full stop after a blank: the blank is the slip; before a
            # blank or at the end, _spaced_marks's finding)
            if t.text[m.end() + 2 : m.end() + 3] not in (",", ";", ":", "."):
                continue
            yield _blank_before(t.path, "'.'", m.end(), 1)
            continue
        yield Finding(
            t.path,
            tr("'etc' without its full stop: ITU's texts write 'etc.'"),
            offset=m.start(),
            length=3,
            help=tr("write 'etc.'"),
        )


# A full stop, blanks, then a word in small letters ("identifier. les
# normes"): the literal first, what is around it looked at after
_STOP_SMALL = re.compile(r"\.[ \n]+[a-zß-öø-ÿ]")
# a year before the stop ("in 2014. and"): a number of a list's label, a
# section's or a paragraph's ("1. the", "5.2. the") is not one
_YEAR_BEFORE = re.compile(r"(?<![\d.,])(?:19|20)\d\d\Z")
# the word after it, and how far a heading merged there is looked for
_SMALL_WORD = re.compile(r"[^\W\d_]+")
_HEADING_REACH = 400


def _merged_heading_at(text: str, at: int, language: str) -> bool:
    """Whether conversion-artefact reports a section's heading merged into
    ``text`` at ``at`` (:func:`itures.textscan.headings`): a preambular verb
    after a stop in running text ("(UNGA). highlighting the need") is no
    such heading, and the stop is this rule's."""
    return any(a.start == at for a in textscan.headings(text, language))


def _heading_after(rest: str, language: str) -> bool:
    """Whether ``rest`` starts with a section's heading ("invites Member
    States ...", "considering"): a heading the conversion merged into the
    text before it, conversion-artefact's."""
    from itures.importers.lang import grammar, operative_verb_end

    g = grammar(language)
    if operative_verb_end(rest, g) is not None:
        return True
    low = rest[:60].lower()
    return any(
        low.startswith(verb) and not low[len(verb) : len(verb) + 1].isalpha()
        for verb in g.preamble_verbs
    )


def _sector_letter(text: str, dot: int) -> bool:
    """Whether the letter before the dot at ``dot`` is the last of a name
    with a hyphen ("l'UIT-T. et"): no initial, though a letter alone."""
    return dot >= 2 and text[dot - 1].isupper() and text[dot - 2] in "-\u2010\u2011"


# ITU's name with an 's' glued to it: the Union is one, "ITUs" its possessive
# with the apostrophe lost ("ITUs human resources")
_ITUS = re.compile(r"(?<![\w-])ITUs(?![\w'’-])")


def _union_possessive(all_texts: list[Text]) -> Iterator[Finding]:
    """In English, "ITUs": the possessive "ITU's" with its apostrophe lost
    (the Union is one: no plural). A warning at the word, one a text, with
    the possessive to write, in the apostrophe the text writes (a quick fix)."""
    for t in all_texts:
        m = _ITUS.search(t.text)
        if m is None:
            continue
        mark = "’" if "’" in t.text and "'" not in t.text else "'"
        right = f"ITU{mark}s"
        yield Finding(
            t.path,
            tr(
                "'ITUs': the Union is one, and its possessive is written {right}",
                right=repr(right),
            ),
            offset=m.start(),
            length=4,
            help=tr("write {pairs}", pairs=replacements([(repr("ITUs"), repr(right))])),
        )


# In English, the apostrophe of a possessive typed as another mark
# ("ITU.s report", "Secretary-General,s"): the mark, an "s" that ends the
# word, a word of two letters or more before (not "e.g.s", a letter alone
# before). Only the full stop's is searched for: a comma, a semicolon or a
# colon before a letter are found already (glued_marks)
_POSSESSIVE_STOP = re.compile(r"\.s(?![^\W\d_'’])(?<=[^\W\d_]{2}\.s)")
_POSSESSIVE_END = re.compile(r"s(?![^\W\d_'’])(?<=[^\W\d_]{2}[,;:]s)")
# ... and an apostrophe with a word on both sides that is no contraction's
# ("ITU'regional", "Members'rights": the possessive's "s" or its blank lost)
_APOSTROPHES_GLUED = tuple(
    re.compile(rf"{mark}(?=[^\W\d_]{{3}})(?<=[^\W\d_]{{2}}{mark})") for mark in "'’"
)


def _word_before(text: str, at: int) -> int:
    """Where the word of letters and hyphens that ends at ``at`` starts
    ("Secretary-General")."""
    start = at
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "-‑"):
        start -= 1
    while text[start] in "-‑":
        start += 1
    return start


def _possessives_typed(all_texts: list[Text], whole: str, glued: list[int]) -> Iterator[Finding]:
    """In English, the apostrophe of a possessive typed as another mark
    ("ITU.s report", "the Secretary-General,s report"): one finding each,
    with the possessive to write in the file's apostrophe (not "no blank
    after ','", which would write "ITU, s"). Not inside a citation's target
    or a web address ("www.itu.int/x.s"). ``whole``: the texts joined by
    "\\0"; ``glued``: :func:`glued_marks` of it."""
    found = sorted(
        [m.start() for m in _POSSESSIVE_STOP.finditer(whole)]
        + [at for at in glued if _POSSESSIVE_END.match(whole, at + 1)]
    )
    if not found:
        return  # (most files)
    starts = list(accumulate([len(t.text) + 1 for t in all_texts], initial=0))
    apostrophe = _file_apostrophe(whole)
    for hit in found:
        i = bisect_right(starts, hit) - 1
        t = all_texts[i]
        text = t.text
        at = hit - starts[i]
        start = _word_before(text, at)
        if (
            text[start - 1 : start] in _BEFORE_NAMES
            or "/" in text[text.rfind(" ", max(0, start - 100), start) + 1 : start]
        ):
            continue
        written = text[start : at + 2]
        right = text[start:at] + apostrophe + "s"
        yield Finding(
            t.path,
            tr(
                "{written}: the apostrophe of the possessive typed as {mark}; English "
                "writes {right}",
                written=repr(written),
                mark=repr(text[at]),
                right=repr(right),
            ),
            offset=start,
            length=len(written),
            help=tr("write {right}", right=repr(right)),
        )


# In English, a blank beside a possessive's apostrophe ("the Union 's
# website", "the Union' s website"): the apostrophe first (a literal; one
# pattern for each apostrophe), the blank and the letter before it looked at
# after; not a quoted "'s'"
_POSSESSIVE_BLANKS = tuple(
    re.compile(
        rf"{mark}(?:(?<=[^\W\d_] {mark})(?P<before>s)|(?<=[^\W\d_]{mark}) (?P<after>s))\b(?!{mark})"
    )
    for mark in ("'", "’")
)


def _possessive_blanks(all_texts: list[Text], whole: str) -> Iterator[Finding]:
    """In English, a blank beside the apostrophe of a possessive ("the Union
    's website", "the Union' s website"): a warning at the blank, one a
    place, its fix to delete it. ``whole``: the texts joined by "\\0"."""
    found = sorted(
        m.start() - 1 if m.group("before") else m.start() + 1
        for pattern in _POSSESSIVE_BLANKS
        for m in pattern.finditer(whole)
    )
    if not found:
        return  # (most files)
    starts = list(accumulate([len(t.text) + 1 for t in all_texts], initial=0))
    for hit in found:
        i = bisect_right(starts, hit) - 1
        t = all_texts[i]
        at = hit - starts[i]
        yield Finding(
            t.path,
            tr(
                "a blank beside the apostrophe of {found}: English writes a possessive "
                "against the word it follows",
                found=repr(words_around(t.text, at - 1, at + 2)),
            ),
            offset=at,
            length=1,
            help=tr("delete the blank"),
        )


# in English, a word with a capital after "to", a small word after it ("to
# Encourage participation"): a verb typed with a capital (from "to", a literal,
# which the search jumps to)
_CAPITAL_AFTER_TO = re.compile(r"to ([A-Z][a-z]{2,}) ([a-z]+)")
# the words after which a name goes on ("to Academia and research"): not told
_NAME_GOES_ON = frozenset(
    ("and", "or", "of", "for", "in", "on", "at", "from", "with", "by", "as", "to", "the")
)
# how many words written so are looked for in the file (a file of thousands of
# them is not read once for each)
_CAPITALS_COUNTED = 32


def _capital_after_to(
    all_texts: list[Text], whole: str, writes: Callable[[str], bool]
) -> Iterator[Finding]:
    """In English, a word typed with a capital after "to" in the middle of
    a sentence, a small word after it ("to Encourage participation", "to
    Promote specific initiatives"): a verb, which the file writes small
    elsewhere (or at the start of an operative clause's text, where its
    verb stands), and with its capital nowhere else. A warning at the word,
    its fix the word written small. Not a name ("to Academia and research
    institutes", "to Geneva": the file writes neither small), nor a word
    after which a name goes on ("and", "of", …). ``whole``: the texts joined
    by "\\0"; ``writes``: whether the file writes a word."""
    starts: list[int] = []
    counted: dict[str, bool] = {}
    # (from the end of each word found: the small word after it may be a "to"
    # that starts the next, "to Academia to Promote")
    m = _CAPITAL_AFTER_TO.search(whole)
    while m is not None:
        at = m.start()
        found, m = m, _CAPITAL_AFTER_TO.search(whole, m.end(1))
        if (at > 0 and whole[at - 1].isalpha()) or found.group(2) in _NAME_GOES_ON:
            continue  # ("into", "Otto"; a name going on: "to Academia and research")
        if not starts:
            starts.extend(accumulate([len(t.text) + 1 for t in all_texts], initial=0))
        i = bisect_right(starts, at) - 1
        t = all_texts[i]
        word, small = found.group(1), found.group(1).lower()
        # (a clause's first words, "to Encourage": its verb, written small elsewhere or not)
        opens = at == starts[i] and t.path[0] == "operative" and t.path[-1] == "text"
        if not (opens or writes(small)) or not _once(whole, word, counted):
            continue
        message = (
            tr(
                "{word} written with a capital after 'to', in the middle of a sentence; "
                "the file writes {right}",
                word=repr(word),
                right=repr(small),
            )
            if writes(small)
            else tr(
                "{word} written with a capital after the 'to' a clause starts with; "
                "ITU's texts write its verb small",
                word=repr(word),
            )
        )
        yield _word_to_write(t.path, found.start(1) - starts[i], word, message, small)


def _once(whole: str, word: str, counted: dict[str, bool]) -> bool:
    """Whether ``whole`` writes ``word`` once (a part of a longer word
    counted too), each word looked for once, :data:`_CAPITALS_COUNTED` at
    most (the others: not once)."""
    found = counted.get(word)
    if found is None:
        found = counted[word] = len(counted) < _CAPITALS_COUNTED and whole.count(word) == 1
    return found


def _apostrophes_glued(all_texts: list[Text], whole: str) -> Iterator[Finding]:
    """In English, an apostrophe between two words with no blank after it:
    "Members'rights" (the blank after a plural's possessive lost: write
    "Members' rights"), "ITU'regional" (the possessive's "s" lost with its
    blank: write "ITU's regional"), or an apostrophe typed there
    ("women'through"): the help names both. One finding each, where the
    file writes the word after on its own. Not a contraction ("don't",
    "you're": fewer than three letters after), a name ("O'Brien", "Côte
    d'Ivoire": one letter before), words the file writes so elsewhere, nor
    a citation's target. ``whole``: the texts joined by "\\0"."""
    found = sorted(
        m.start()
        for p in _APOSTROPHES_GLUED[: 1 if whole.isascii() else 2]
        for m in p.finditer(whole)
    )
    if not found:
        return  # (most files)
    starts = list(accumulate([len(t.text) + 1 for t in all_texts], initial=0))
    seen: dict[str, bool] = {}  # (each word looked for once)
    counted: dict[str, int] = {}
    for hit in found:
        i = bisect_right(starts, hit) - 1
        t = all_texts[i]
        text = t.text
        at = hit - starts[i]
        start = _word_before(text, at)
        end = _elided_end(text, at + 1)
        after = text[at + 1 : end]
        written = text[start:end]
        if (
            text[start - 1 : start] in _BEFORE_NAMES
            or text[end : end + 1] in _AFTER_NAMES
            or not (
                seen[after]
                if after in seen
                else seen.setdefault(after, conventions.alone(whole, after))
            )
            or (
                counted[written]
                if written in counted
                else counted.setdefault(written, whole.count(written))
            )
            > 1
        ):
            continue
        before = text[start:at]
        # (a plural's possessive lost its blank; another word its "s" too)
        right = f"{before}{text[at]}{'' if before.endswith('s') else 's'} {after}"
        yield Finding(
            t.path,
            tr(
                "{written}: an apostrophe between two words, no blank after it",
                written=repr(written),
            ),
            offset=start,
            length=len(written),
            severity="warning",
            help=tr("write {right}, or delete the apostrophe", right=repr(right)),
        )


def _not_english(text: str) -> bool:
    """Whether an English file's ``text`` is plainly in another language
    (:func:`itures.rules.languages.in_another_language`)."""
    from itures.rules.languages import in_another_language

    return in_another_language(text, "en")


def _known_names(ctx: Context) -> frozenset[str]:
    """The abbreviations ITU's texts write (:func:`itures.rules._abbreviations.known`)."""
    from itures.rules import _abbreviations

    return _abbreviations.known(ctx)


def _stop_before_small(all_texts: list[Text], language: str, whole: str) -> Iterator[Finding]:
    """A full stop before a word in small letters ("pour identifier. les
    sujets"): a ',' or ';' typed as '.', or words lost after it. A warning
    at the stop, one a text. Not after an abbreviation (:data:`_ABBREVIATIONS`,
    "etc. and"), initials or a word with dots ("e.g. the", "U.S. dollars",
    "www.itu.int. the"), a letter alone (but the last of a Sector's name,
    "l'UIT-T. et", is no initial), a number, or an ellipsis ("...
    and"); nor before a section's heading or inside a footnote that a
    conversion merged into the text ("… transition. invites Member States",
    "____ 5 … OECD. innovation"): conversion-artefact's. A preambular verb
    after the stop that conversion-artefact does not report as a heading
    merged there ("(UNGA). highlighting the need") is no such heading."""
    m = _STOP_SMALL.search(whole)
    if m is None:
        return
    starts = list(accumulate([len(t.text) + 1 for t in all_texts], initial=0))
    said: set[int] = set()
    notes: dict[int, int] = {}  # where a merged footnote starts in a text, by text
    while m is not None:
        i = bisect_right(starts, m.start()) - 1
        t = all_texts[i]
        at = m.start() - starts[i]
        after = m.end() - 1 - starts[i]  # (the small word's first letter)
        # (what comes before the stop, blanks aside: nothing, a number, a mark,
        # which doubled punctuation says, or another dot, an ellipsis's)
        before = t.text[max(0, at - 8) : at].rstrip()[-1:]
        if i not in notes:
            notes[i] = t.text.find("____")
        if (
            i not in said
            and before
            and before not in ".,;:"
            and (not before.isdigit() or _YEAR_BEFORE.search(t.text, max(0, at - 6), at))
            and (not _abbreviation(t.text, at) or _sector_letter(t.text, at))
            and not 0 <= notes[i] < at
            and not t.text[at - 1].isspace()  # (a blank before a mark: said so)
            and not (
                _heading_after(t.text[after : after + _HEADING_REACH], language)
                and _merged_heading_at(t.text, after, language)
            )
        ):
            said.add(i)
            word = _SMALL_WORD.match(t.text, after)
            small = word.group() if word is not None else t.text[after]
            yield Finding(
                t.path,
                tr(
                    "a full stop before {word}, which starts small: the sentence goes on (a "
                    "',' or ';' typed as '.', or words lost)",
                    word=repr(small),
                ),
                offset=at,
                length=1,
                severity="warning",
                help=tr(
                    "write the mark the sentence needs for the '.', or the words lost after it"
                ),
            )
        m = _STOP_SMALL.search(whole, m.end())


# a colon before the conjunction that joins the last two of a series, or
# before a relative pronoun, in running text ("the secretariats: and with
# those of ...", "the Constitution: which indicates"), by language (a blank
# before it in French): none in the texts of the PP-18 Final Acts nor the
# example; a ',' typed as ':' (neighbours on a French keyboard)
_COLON_AND = {
    "en": re.compile(r":(?<=[^\W\d_]:)[ \u00a0]+(and|or|which|who|whose|whereby)(?= )"),
    "fr": re.compile(
        r":(?:(?<=[^\W\d_]:)|(?<=[^\W\d_][ \u00a0\u202f]:))[ \u00a0]+"
        r"(et|ou|qui|dont|lequel|laquelle|lesquels|lesquelles)(?= )"
    ),
    "es": re.compile(
        r":(?<=[^\W\d_]:)[ \u00a0]+(y|o|e|u|cual|cuales|cuyo|cuya|cuyos|cuyas|quien|quienes)(?= )"
    ),
}


def _colon_before_conjunction(
    all_texts: list[Text], language: str, whole: str
) -> Iterator[Finding]:
    """A ':' before "and" or "or" ("et", "ou"; "y", "o") in running text ("the
    secretariats: and with those of external entities"), or before a
    relative pronoun ("the Constitution: which indicates", "qui", "dont";
    "cual", "cuyo"; not Spanish "que", which a colon may announce): a colon announces
    what follows, and a conjunction or a relative goes on with what came before; a ','
    typed as ':'. A warning at the colon, one a text; not a colon after a
    digit or a mark (a time, "Note 1:"), nor one before a conjunction in
    capitals."""
    pattern = _COLON_AND[language]
    starts: list[int] = []
    said: set[int] = set()
    for m in pattern.finditer(whole):
        if not starts:
            starts.extend(accumulate([len(t.text) + 1 for t in all_texts], initial=0))
        i = bisect_right(starts, m.start()) - 1
        if i in said:
            continue
        said.add(i)
        yield Finding(
            all_texts[i].path,
            tr(
                "a ':' before {word}: a colon announces what follows, and {word} goes on with "
                "what came before (a ',' typed as ':'?)",
                word=repr(m.group(1)),
            ),
            offset=m.start() - starts[i],
            length=1,
            severity="warning",
            help=tr("write the mark the sentence needs for the ':', a ',' or none"),
        )


# A blank between a word (or a mark) and the footnote marker after it
# ("développement [^1]": Word's blank before a note's call)
# (a marker whole: one that lost its ']' is markup's)
_SPACED_MARKER = re.compile(r"(?<=\S)[ \u00a0\u202f]+(?=\[\^[^\]\s\[]+\])")
# A footnote marker whole, and what its misplacements need around it: the
# word before an end mark or a '(' (with the blank French may write before
# ';' and ':'), the blanks between, and the word after a marker glued to it
_MARKER = re.compile(r"\[\^[^\]\s\[]+\]")
_BLANKS_BEFORE = re.compile(r"[ \u00a0\u202f]*$")
_WORD_MARK_BEFORE = re.compile(r"([^\s;,:.()\[\]]+)([ \u00a0\u202f]?)([;,:.])$")
_WORD_PAREN_BEFORE = re.compile(r"([^\s;,:.()\[\]]+)[ \u00a0\u202f]*\($")
_WORD_CALLED = re.compile(r"[^\W\d_][^\s;,:.()\[\]]*")
# the word glued after a marker that is glued to the word before it, or
# after a citation (a letter first: digits after a citation are the call of
# a footnote converted as text, "(pp:71@2018)1", conversion-artefact's)
_GLUED_AFTER = re.compile(r"[^\W\d_][^\s;,:.()\[\]]*")
# the word glued before a citation's '['
_GLUED_BEFORE = re.compile(r"[^\s;,:.()\[\]'’]*[^\W\d_]$")
# (how far back the word before a marker is looked for)
_MARKER_REACH = 64


def _misplaced_marker(t: Text, m: re.Match[str]) -> Finding | None:
    """A footnote marker written where ITU texts do not write one: after an
    end mark or a comma ("General;[^1]", "General; [^1]": ITU writes
    "General[^1];", and so do French and Spanish typography, which keep a
    French blank before ';' ahead of the marker: "développement[^1] ;"), in
    parentheses ("countries([^1])"), or before the word it is called from,
    glued to it ("developing [^1]countries"); or glued to the words on both
    sides ("développement[^1]et": the blank after it lost, the marker in its
    place). A full stop is looked at in
    the body only, not after an abbreviation's dot ("etc.[^1]") nor an
    ellipsis: an annex's prose may call a note for its whole sentence after
    the stop (Resolution 71 (Rev. Dubai, 2018), "the progress achieved.4")."""
    text = t.text
    start, end = m.span()
    back = max(0, start - _MARKER_REACH)
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        w = _WORD_PAREN_BEFORE.search(text, back, start)
        if w is None:
            return None
        return Finding(
            t.path,
            tr(
                "a footnote marker in parentheses: ITU texts write the marker right after "
                "the word it is called from"
            ),
            offset=w.start(),
            length=end + 1 - w.start(),
            help=tr("write {right}", right=repr(w.group(1) + m.group())),
        )
    blanks = _BLANKS_BEFORE.search(text, back, start)
    at = blanks.start() if blanks is not None else start
    w = _WORD_MARK_BEFORE.search(text, back, at)
    if w is not None:
        word, blank, mark = w.groups()
        dot = w.start(3)
        if mark != "." or not (t.path[0] == "annexes" or _abbreviation(text, dot)):
            return Finding(
                t.path,
                tr(
                    "a footnote marker after {mark}: ITU texts write the marker before "
                    "the mark, right after the word it is called from",
                    mark=repr(mark),
                ),
                offset=w.start(),
                length=end - w.start(),
                help=tr("write {right}", right=repr(word + m.group() + blank + mark)),
            )
    if at == start and start > 0:
        # glued to what is before it: its place; then a blank, a mark or
        # another marker ("développement[^1]et": the blank after it lost)
        glued = _GLUED_AFTER.match(text, end)
        if glued is None:
            return None
        return Finding(
            t.path,
            tr(
                "no blank after the footnote marker {marker}: ITU texts write a blank "
                "between the marker and the next word",
                marker=repr(m.group()),
            ),
            offset=start,
            length=glued.end() - start,
            help=tr("write {right}", right=repr(m.group() + " " + glued.group())),
        )
    after = _WORD_CALLED.match(text, end)
    if after is None:
        return None
    return Finding(
        t.path,
        tr("a footnote marker before the word it is called from: ITU texts write it after"),
        offset=start,
        length=after.end() - start,
        help=tr("write {right}", right=repr(after.group() + m.group())),
    )


# a citation glued to the word after it or before it (its quick test: a
# letter right after a ')' that closes a target, or right before a '[' that
# opens no footnote marker)
_GLUED_CITATION = re.compile(r"\]\([^()\s]*\)[^\W\d_]|[^\W\d_]\[(?!\^)")
# (the quick test, in the file's texts joined, where a letter is itself or a
# '?' beyond ASCII: a letter right after a ')', or right before a '[', each
# pattern starting with its mark, which the search jumps to)
_GLUED_CITATION_QUICK = (
    re.compile(rb"\)[A-Za-z?]"),
    re.compile(rb"\[(?<=[A-Za-z?]\[)(?!\^)"),
)
# what Arabic writes against the word after it: "and", "so", "with", "for",
# "as", and the article after one of them ("و[القرار 151 ...]", "and
# Resolution 151")
_ARABIC_PROCLITICS = re.compile(r"[وفبلك]{1,2}(?:ال|ل)?")


def _glued_citations(
    all_texts: list[Text], form: textscan.Joined, language: str
) -> Iterator[Finding]:
    """A citation written against the word after it or before it ("(Rév.
    Dubaï, 2014) de la présente Conférence](wtdc:5@2014)sur le", "sur
    le[la Résolution 5 ...]"): the blank between them lost; its words read
    "Conférencesur" in the text as published. One finding a citation, with
    the blank to write (not Chinese, which writes no blank between words;
    nor the Arabic conjunctions and prepositions written against the word
    after them, "و[القرار 151 ...]")."""
    if b"](" not in form.form:
        return  # (no citation)
    starts = form.starts
    held = sorted(
        {
            bisect_right(starts, m.start()) - 1
            for quick in _GLUED_CITATION_QUICK
            for m in quick.finditer(form.form)
        }
    )
    for i in held:
        t = all_texts[i]
        if t.problems or _GLUED_CITATION.search(t.text) is None:
            continue
        text = t.text
        for span in t.spans:
            if span.__class__ is not mk.Citation:
                continue
            before = _GLUED_BEFORE.search(text, max(0, span.start - _MARKER_REACH), span.start)
            after = _GLUED_AFTER.match(text, span.end)
            if before is not None and not (
                language == "ar" and _ARABIC_PROCLITICS.fullmatch(before.group())
            ):
                yield Finding(
                    t.path,
                    tr(
                        "no blank before the citation: ITU texts write a blank between the "
                        "word before it and its words"
                    ),
                    offset=before.start(),
                    length=span.start + 1 - before.start(),
                    help=tr("write {right}", right=repr(before.group() + " [")),
                )
            if after is not None:
                yield Finding(
                    t.path,
                    tr(
                        "no blank after the citation: ITU texts write a blank between it "
                        "and the next word"
                    ),
                    offset=span.end - 1,
                    length=after.end() - span.end + 1,
                    help=tr("write {right}", right=repr(") " + after.group())),
                )


def _spaced_markers(all_texts: list[Text], form: textscan.Joined) -> Iterator[Finding]:
    """A footnote marker out of its place (:func:`_misplaced_marker`), one
    finding per marker, and a blank before a footnote marker: ITU texts
    write the marker right after the word or the mark it is called from
    (one finding per text, at the first). One search of the joined form for
    most files (no marker), then only the texts that hold one."""
    if b"[^" not in form.form:
        return  # (most files: no footnote marker)
    for i in form.holding_literal(b"[^"):
        t = all_texts[i]
        if t.problems:
            continue  # markup that cannot be read: markup's findings say what it is
        placed: set[int] = set()
        for m in _MARKER.finditer(t.text):
            finding = _misplaced_marker(t, m)
            if finding is not None:
                placed.add(m.start())
                yield finding
        for m in _SPACED_MARKER.finditer(t.text):
            if m.end() in placed:
                continue
            yield Finding(
                t.path,
                tr(
                    "a blank before the footnote marker: ITU texts write the marker right "
                    "after the word it is called from"
                ),
                offset=m.start(),
                length=m.end() - m.start(),
                help=tr("delete the blank before the marker"),
            )
            break


# Two blanks or more between two words ("de  la"; a blank left at the end of
# a line of a folded text, whose line break is a blank too). Not before a
# mark or ')', nor after '(', where _spaced_marks reports the blanks (in
# French, one blank before ';' and ':' is right: two are not).
_BLANKS = "[ \u00a0\u202f]{2,}"
_DOUBLE_BLANK = {
    "fr": re.compile(r"(?<=[^\s(])" + _BLANKS + r"(?=[^\s,.)])"),
    "": re.compile(r"(?<=[^\s(])" + _BLANKS + r"(?=[^\s,.;:)])"),
}


def _with_wide_blanks(all_texts: list[Text], form: textscan.Joined, whole: str | None) -> list[int]:
    """The texts that hold a blank beyond ASCII (a no-break space, a narrow
    one), which the joined ``form`` does not keep: looked for in them only
    when ``whole``, the texts joined by "\\0" (made here if not given), holds one."""
    if not form.wide:
        return []
    if whole is None:
        whole = "\0".join([t.text for t in all_texts])
    if "\u00a0" not in whole and "\u202f" not in whole:
        return []
    return [i for i in form.wide if "\u00a0" in all_texts[i].text or "\u202f" in all_texts[i].text]


def _double_blanks(
    all_texts: list[Text],
    language: str,
    form: textscan.Joined | None = None,
    whole: str | None = None,
    doubles: dict[Path, list[tuple[int, int]]] | None = None,
) -> Iterator[Finding]:
    """Two blanks or more between two words: one finding per text, at the
    first. Looked for in ``form``, the texts joined in the form the artefact
    scans search (two blanks in a row), and, for the blanks beyond ASCII
    (no-break spaces), in the texts that hold one, when ``whole``, the texts
    joined by "\\0", does (each made here if not given). Not the blanks
    inside a doubled mark (``doubles``, the runs of :func:`doubled` by
    path: ":  ;" is one defect, reported as such)."""
    pattern = _DOUBLE_BLANK.get(language) or _DOUBLE_BLANK[""]
    if form is None:
        form = textscan.Joined([t.text for t in all_texts])
    maybe = set(form.holding_literal(b"  "))
    maybe.update(_with_wide_blanks(all_texts, form, whole))
    for i in sorted(maybe):
        t = all_texts[i]
        runs = doubles.get(t.path, ()) if doubles else ()
        m = next(
            (
                m
                for m in pattern.finditer(t.text)
                if not any(start <= m.start() < end for start, end in runs)
            ),
            None,
        )
        if m is None:
            continue
        values = {
            "count": m.end() - m.start(),
            "before": repr(_short_word(t.text[: m.start()].rsplit(None, 1)[-1], last=True)),
            "after": repr(_short_word(t.text[m.end() :].split(None, 1)[0], last=False)),
        }
        yield Finding(
            t.path,
            tr(
                "two blanks between {before} and {after}: ITU texts write one blank between words",
                **values,
            )
            if values["count"] == 2
            else tr(
                "{count} blanks between {before} and {after}: ITU texts write one blank "
                "between words",
                **values,
            ),
            offset=m.start(),
            length=m.end() - m.start(),
            help=tr(
                "leave one blank between {before} and {after} (a blank at the end of a line "
                "counts: in a folded text the line break is one)",
                **values,
            ),
        )


def _short_word(word: str, *, last: bool, size: int = 20) -> str:
    """A word shown in a message, its end (``last``) or its start when long."""
    if len(word) <= size:
        return word
    return "…" + word[-size:] if last else word[:size] + "…"


def doubled(text: str, scan: textscan.Scans | None = None) -> list[tuple[int, int]]:
    """Spans (start, end) of the doubled marks of ``text``, one per run of marks
    (see the module docstring for what is not doubled). ``scan`` holds the
    classes of the file's texts (see :class:`textscan.Scans`)."""
    out: list[tuple[int, int]] = []
    if text.isascii():
        classes = textscan.ascii_classes(text) if scan is None else scan.classes(text)
        if classes is not None and _MAYBE_RUN_CLASSES.search(classes) is None:
            return out  # no two marks with only blanks between them (quicker than the pattern)
    for m in _RUN.finditer(text):
        marks = [m.start() + i for i, c in enumerate(m.group()) if not c.isspace()]
        # an ellipsis is not a mark: three dots or more in a row, spaced or not
        kept: list[int] = []
        i = 0
        while i < len(marks):
            j = i
            while j < len(marks) and text[marks[j]] == ".":
                j += 1
            if j - i >= 3:
                i = j
                continue
            kept.extend(marks[i : max(j, i + 1)])
            i = max(j, i + 1)
        # "etc.," and "etc. ;" (but "etc.." doubles the dot)
        dotted = len(kept) >= 2 and text[kept[1]] == "." and kept[1] == kept[0] + 1
        if kept and kept[0] == marks[0] and text[kept[0]] == "." and not dotted:
            kept = kept[1:] if _abbreviation(text, kept[0]) else kept
        if len(kept) >= 2 and not _in_target(text, kept[0]) and not _in_marker(text, kept[0]):
            # (inside a citation's target, "pp::71": markup's, the target malformed)
            out.append((kept[0], kept[-1] + 1))
    return out


# Each character of a text in Latin-1 as the quick test of _doubles reads
# it: ',' for an ASCII end mark, a blank for ASCII white space, for every
# character beyond ASCII (it may be a wider blank: U+00A0 is in Latin-1,
# U+202F and U+3000 are beyond it, encoded '?') and for '?' itself, '#' for
# anything else (the NUL that separates the texts among them).
_RUN_BYTES = bytes(
    ord(",")
    if chr(b) in ",;:."
    else ord(" ")
    if b >= 0x80 or chr(b).isspace() or chr(b) == "?"
    else ord("#")
    for b in range(256)
)
# the end marks beyond ASCII (Arabic, full-width): the quick test reads them as ','
WIDE_MARKS = "،؛，；：。"
_MAYBE_RUN_BYTES = re.compile(rb", *,")


def _doubles(
    texts: list[tuple[Path, str]], scan: textscan.Scans
) -> dict[Path, list[tuple[int, int]]]:
    """:func:`doubled` of each text (those that have doubled marks, in order).

    Most files have none, so the texts are first read together, once: the
    texts joined by NUL, the end marks beyond ASCII made ',', in Latin-1
    (one byte a character: the offsets stay those of the joined texts; a
    character beyond it is a '?'), each byte made its class
    (``_RUN_BYTES``); a run of marks (``_RUN``: two marks, white space
    between them) is then ``, *,`` inside one text's part (a NUL is neither
    a mark nor a blank, so no run crosses from a text to the next), found
    with a literal start, and the text it is in by its offset. A character
    beyond ASCII, and a '?', read as a blank: a wider blank is one, and any
    other may make the test find a run that is not one, which
    :func:`doubled` then does not confirm. :func:`doubled` runs on the texts
    that may have a run.
    """
    joined = "\0".join([text for _, text in texts])
    if not joined.isascii():
        for mark in WIDE_MARKS:
            if mark in joined:
                joined = joined.replace(mark, ",")
    classes = joined.encode("latin-1", "replace").translate(_RUN_BYTES)
    out: dict[Path, list[tuple[int, int]]] = {}
    search = _MAYBE_RUN_BYTES.search
    m = search(classes)
    if m is None:
        return out  # (most files)
    # where each text's successor starts (after its NUL)
    nexts = list(accumulate([len(text) + 1 for _, text in texts]))
    while m is not None:
        index = bisect_right(nexts, m.start())
        path, text = texts[index]
        runs = doubled(text, scan)
        if runs:
            out[path] = runs
        m = search(classes, nexts[index])
    return out


_EDGE_BLANKS = " \t\u00a0\u202f"


def _edge_blanks(
    all_texts: list[Text], doubles: dict[Path, list[tuple[int, int]]]
) -> Iterator[Finding]:
    """A text that starts or ends with a blank (inside its quotes, where YAML
    keeps it: "'impact on: '"): a blank no text of a resolution has. One
    finding per text, at the blanks of its end (else of its start); a text
    of blanks only is :func:`_blank_texts`'s, one that ends with a doubled
    mark and blanks ("...Secteurs ; , ") the doubled mark's (``doubles``)."""
    for t in all_texts:
        text = t.text
        if not text or (text[0] not in _EDGE_BLANKS and text[-1] not in _EDGE_BLANKS):
            continue  # (most texts)
        if t.path[-1] not in mk.PROSE_KEYS:
            continue  # (a place: the history's, which reads it)
        body = text.strip(_EDGE_BLANKS)
        if not body:
            continue
        if text[-1] in _EDGE_BLANKS:
            end = len(text.rstrip(_EDGE_BLANKS))
            if any(stop == end for _, stop in doubles.get(t.path, ())):
                continue  # (a doubled mark's blanks: one finding, the mark's)
            message = tr("a blank at the end of this text")
            offset, length = end, len(text) - end
        else:
            message = tr("a blank at the start of this text")
            offset, length = 0, len(text) - len(text.lstrip(_EDGE_BLANKS))
        yield Finding(t.path, message, offset=offset, length=length, help=tr("delete the blank"))


def _blank_texts(all_texts: list[Text], res: Resolution) -> Iterator[Finding]:
    """A text of blanks only, or empty where the schema lets it be (the
    title, a footnote's text, an annex's title or item): no text, one to
    write. A preambular item's or a clause's is said by the check of its
    list, with its label; a heading's or a place's by the rules that know
    what to write there (heading-mismatch, history)."""
    for t in all_texts:
        text, path = t.text, t.path
        if text and not text.isspace():
            continue
        if path[0] in ("preamble", "operative") and path[-1] == "text":
            continue  # (an entry's: _check_list's)
        if path == ("title",):
            message = tr("the title has no text: blanks only")
            fix = tr("write the resolution's title")
        elif path[0] == "footnotes" and path[-1] == "text":
            message = tr(
                "footnote {id} has no text: blanks only", id=repr(res.footnotes[int(path[1])].id)
            )
            fix = tr("write the footnote's text, or delete the footnote and its markers")
        elif path[0] == "annexes" and path[-1] == "title":
            message = tr("the title of annex {n} has no text", n=int(path[1]) + 1)
            fix = tr("write the annex's title")
        elif path[0] == "annexes" and path[-1] == "text":
            message = tr("an item of annex {n} has no text: blanks only", n=int(path[1]) + 1)
            fix = tr("write the entry's text, or delete the entry")
        else:
            continue  # (a heading, a place: their rules say what to write there)
        yield Finding(path, message, severity="error", help=fix)


def _title_end(title: str, runs: Iterable[tuple[int, int]]) -> Iterator[Finding]:
    """A title ending with a full stop ("... d'intérêt mutuel."): a resolution's
    title has none. Not an ellipsis nor an abbreviation's dot ("etc."), and
    not a doubled mark, said as one (``runs``: the title's); a title cut
    short (ending with ',', ';', ':' or an ellipsis) is conversion-artefact's."""
    end = len(title.rstrip()) - 1
    if end < 1 or title[end] not in ".。" or title[end - 1] in ".。":
        return
    if (title[end] == "." and _abbreviation(title, end)) or _run_at(runs, end) is not None:
        return
    mark = repr(title[end])
    yield Finding(
        ("title",),
        tr("the title ends with {mark}: a resolution's title has no end mark", mark=mark),
        offset=end,
        length=1,
        help=tr("delete the {mark} at the end of the title", mark=mark),
    )


# what a footnote may end with: a full stop (or another language's), a
# question or an exclamation mark, an ellipsis; and what is looked through
# after it (closing quotes and brackets: '... (2018).)', '... ».')
_NOTE_ENDS = ".。!?؟…"
_NOTE_CLOSERS = "\"”’'»)]）」』"


def _footnote_ends(res: Resolution, runs: dict[Path, list[tuple[int, int]]]) -> Iterator[Finding]:
    """A footnote that ends with no end mark, or with ',', ';' or ':' ("...
    en transition"): ITU's footnotes end with a full stop. A warning at its
    end. Not a note that ends with a web address ("See www.itu.int/md"),
    one of no words (its number alone: footnote-leftover's), nor a doubled
    mark (said as one)."""
    for i, note in enumerate(res.footnotes):
        text = note.text.rstrip()
        end = len(text)
        while end > 0 and text[end - 1] in _NOTE_CLOSERS:
            end -= 1
        if end == 0 or text[end - 1] in _NOTE_ENDS or not any(c.isalpha() for c in text):
            continue  # (a note of no words, "4": its text missing, footnote-leftover's)
        path: Path = ("footnotes", i, "text")
        last = text[:end].rsplit(None, 1)[-1]
        if "://" in last or last.startswith("www.") or _run_at(runs.get(path, ()), end - 1):
            continue
        mark = text[end - 1]
        wrong = mark in ",;:،؛，；："
        yield Finding(
            path,
            tr(
                "footnote {id} ends with {mark}: ITU's footnotes end with '.'",
                id=note.id,
                mark=repr(mark),
            )
            if wrong
            else tr("footnote {id} ends with no mark: ITU's footnotes end with '.'", id=note.id),
            offset=end - 1,
            length=1,
            help=tr("write '.' for {mark}", mark=repr(mark))
            if wrong
            else tr("end the footnote with '.'"),
        )


def _heading_ends(res: Resolution, doubles: dict[Path, list[tuple[int, int]]]) -> Iterator[Finding]:
    """A section's heading ending with an end mark ("décide,", "considering;"):
    a heading has none (the Final Acts write none; its clauses follow it).
    Not an abbreviation's dot ("etc."), and not a doubled mark, said as one."""
    headings = [("preamble", s, p.heading) for s, p in enumerate(res.preamble)]
    headings += [("operative", s, o.heading) for s, o in enumerate(res.operative)]
    for part, s, heading in headings:
        end = len(heading.rstrip()) - 1
        if end < 1 or heading[end] not in _HEADING_ENDS:
            continue
        path: Path = (part, s, "heading")
        if heading[end] == "." and (heading[end - 1] == "." or _abbreviation(heading, end)):
            continue
        if _run_at(doubles.get(path, ()), end) is not None:
            continue
        mark = repr(heading[end])
        yield Finding(
            path,
            tr("the heading ends with {mark}: a section's heading has no end mark", mark=mark),
            offset=end,
            length=1,
            help=tr("delete the {mark} at the end of the heading", mark=mark),
        )


# the marks a heading ends with when one is typed after it (not ':', which
# some texts write after a heading that its clauses complete: "invite les
# États Membres:")
_HEADING_ENDS = ",;.，；。،؛"


_ABBREVIATION_REACH = 64


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the dot at ``dot`` ends an abbreviation ("etc", "Rev", "e.g", "J").

    The word is looked for in the 64 characters before the dot, not from the
    text's start (a text of thousands of "etc. ," was read again for each):
    a longer word is no abbreviation."""
    m = _WORD_BEFORE.search(text, max(0, dot - _ABBREVIATION_REACH), dot)
    if m is None:
        return False
    word = m.group()
    return "." in word or len(word) == 1 or word.casefold() in _ABBREVIATIONS


def _run_at(runs: Iterable[tuple[int, int]], offset: int) -> int | None:
    """The start of the run of doubled marks that holds ``offset``, if any."""
    return next((start for start, end in runs if start <= offset < end), None)


def _texts_for_doubles(ctx: Context) -> list[tuple[Path, str]]:
    """The texts doubled marks are sought in: all but the history's places."""
    return [(t.path, t.text) for t in texts(ctx) if t.path[-1] != "place"]
