"""Leftovers of PDF or Word conversion in a text: one source of truth.

The importers (:mod:`itures.importers.akn`) note these while they convert,
and the rule ``conversion-artefact`` (:mod:`itures.rules.artefacts`) finds
them again in any YAML file, so that CI still sees what an import left in
the text. Each function takes one text and returns :class:`Artefact`
records with their offsets in it; neither side keeps a pattern of its own.

========================  ==================================================
kind                      what the conversion left
========================  ==================================================
``label-start``           a label at the start of an unlabelled entry's text
                          ("a) the strategic plan", "1 to explore ways")
``label``                 a label inside a text, after an end mark: items or
                          clauses run into one ("...; ii) the ...; iii) ...")
``footnote``              footnote text printed at the page foot, merged
                          into the text ("____________ 1 These include ...")
``heading``               an operative heading not recognised, merged into
                          the preceding item or clause ("..., resolves to
                          instruct the Secretary-General ...")
``trailing``              what follows the document in the printed Final
                          Acts, merged into its last text ("PART VI -
                          SIGNATORIES", "ANNEX 1 TO RESOLUTION 71")
``page``                  a page header or footer ("PART III - RESOLUTIONS"
                          after another part's heading, "562 D - 81", a page
                          number before a heading: "481 PART IV")
``glyph``                 a stray glyph inside a word ("ITUǦcoordinated"), a
                          private-use or replacement character, an invisible
                          one (soft hyphen, zero-width space, word joiner,
                          byte order mark; a direction mark between two
                          letters), a tatweel inside an Arabic word
                          ("تعـزيز"), a ligature ("ﬁ"), and words
                          that mix the letters of several scripts (a table
                          whose Chinese or Arabic column came out garbled)
========================  ==================================================

Decisions: a page number is three digits before a heading in capitals
(``PART``, ``RESOLUTION``, ``DECISION``, ``RECOMMENDATION``, ``DECLARATIONS``,
``ANNEX``); a page footer is a number, a capital letter, a dash and a number
(``562 D - 81``). A stray glyph is a character inside a word of Latin
letters that no language of ITU writes inside such a word: a letter of
another script (a Cyrillic ``о`` in ``Cоuncil`` too), a Latin letter beyond
Latin Extended-A other than Romanian ``ș ț`` (``Ǧ``), a symbol beyond
Latin-1 (``⍫``; not a hyphen, an apostrophe or a dot, nor ``+`` or ``°``). A garbled
word is a word whose letters come from two scripts or more, Latin, Greek
and the common combining accents aside (``ᙫփᡈ⮕ⴞḷ``: Canadian syllabics,
Armenian, Mongolian, Georgian); the garbled words of
one text are one artefact. A word of one script (``Ценности``, Chinese,
Arabic) is text. A direction mark (U+200E LEFT-TO-RIGHT MARK, U+200F
RIGHT-TO-LEFT MARK, U+061C ARABIC LETTER MARK) is kept beside a blank, a
digit, punctuation or a text's edge, where it sets the direction of a Latin
run or a number in Arabic text; between two letters of any script
("الات\\u200eحاد", "partici\\u200epation") it splits the word for every
search: an invisible glyph. A tatweel (U+0640, a stretch for justification)
between two Arabic letters is a glyph, a run of them one; elsewhere it is
left alone ("الـITU", "الـ 5G").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import not_
from typing import Any, Literal

from itures.i18n import tr

__all__ = [
    "Artefact",
    "Joined",
    "Scans",
    "ascii_digits",
    "describe_glyph",
    "footnotes",
    "glyphs",
    "headings",
    "label_start",
    "labels_inside",
    "pages",
    "prepare",
    "trailing",
]


def ascii_digits(text: str) -> str:
    """``text`` with its digits of another script or width written 0 to 9
    ('٢٠١٤', '２０１４': 2014); the rest as it is."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text
    )


Kind = Literal[
    "label-start", "label", "footnote", "heading", "trailing", "page", "glyph", "mojibake"
]


@dataclass(frozen=True, slots=True)
class Artefact:
    """One leftover: its kind, where it is in the text, what it is.

    ``found`` is the leftover as written (the label, the footnote's mark, the
    heading, the page footer, the glyph); ``detail`` what a message adds: the
    start of a merged footnote's text, the word a glyph sits in.
    """

    kind: Kind
    start: int
    end: int
    found: str
    detail: str = ""


# a label at the start of a text that has no label of its own:
# "a) the strategic plan", "(b) the", "ii) the", "abis) the", "1 that", "1.2 to"
_LABEL_START = re.compile(
    r"""^(?P<label>\(?(?:[a-z](?:bis|ter|quater)?|[ivx]+)\)(?=\s)
      | \d{1,2}(?:\.\d{1,2})*(?=\s+[a-z"“‘']))""",
    re.VERBOSE,
)
# labels inside a text, after an end mark: "...; 1.2 that ...", "...: a) the ...";
# a letter's or a roman numeral's, its ')' then one blank, before a capital too
# ("...; ii) Internet naming and addressing;": an item's first word may be a
# name), not a number's ("...; 3 Member States": a count); before a citation's
# '[' too ("...; ii) [Resolution 52 ...](wtsa:52)"); a footnote's marker may
# follow the end mark ("...Secretary-General;[^1] iii) to ..."); not the
# number of a provision after "No" whose full stop was typed as the mark ("No;
# 53 of the ITU Constitution": punctuation's)
_LABEL_INSIDE = re.compile(
    r"""[;:](?<!No[;:])(?<!Nos[;:])(?:\[\^[^\]\s]+\])?\s+(?P<label>\d{1,2}(?:\.\d{1,2})*|[a-z]\)|[ivx]{1,4}\))\s+
      (?=[a-z"“\[]|(?<=\)\s)[A-ZÀ-ÖØ-Þ])""",
    re.VERBOSE,
)
# the same, one pattern for each end mark, which it starts with: a literal, which
# a search jumps to (the class "[;:]" is tried at every character). A match holds
# one end mark, at its start: the matches of the two, in order, are those of the one.
_LABEL_AFTER_SEMICOLON, _LABEL_AFTER_COLON = (
    re.compile(mark + _LABEL_INSIDE.pattern[len("[;:]") :], re.VERBOSE) for mark in ";:"
)
# footnotes printed at the page foot, after a rule: "____________________ 1 These include"
# (the rule written "____" then "_*", not "_{4,}": a pattern that starts with a
# literal is searched for it, one without is tried at every character)
# (tried where a run of '_' starts, and the run taken whole: a match can start
# nowhere else, and a run of thousands was read again from each of its '_')
_FOOTNOTE = re.compile(r"(?<!_)____(?:_*+)\s*(?P<mark>\d{1,2}|\*)\s+(?P<text>\S[^_]{0,70})")
# A Word footnote's text as Word's export writes it, in brackets after the
# sentence that calls it: "[1: 1 Par pays en développement, on entend ...]"
# (its id, ':', the id again, a tab or a blank, its text). A pattern's text,
# for the rules that look for it (conversion-artefact; punctuation, which
# judges an entry's end before it); from its '[', blanks matched possessively.
WORD_NOTE_TEXT = r"\[(?P<id>\d{1,3}):[ \t\u00a0]*+(?P=id)[ \t\u00a0]++(?P<note>[^\[\]]*+)\]"
# what follows a document in the printed Final Acts
_TRAILING = re.compile(
    r"""\b(?:ANNEX(?:\s+\d+)?\s+TO\s+(?:RESOLUTION|DECISION|RECOMMENDATION)\b
       | ANNEXE?S?\s+(?:\d+\s+)?(?:[AÀ]\s+LA\s+|DE\s+LA\s+)?R[ÉE]SOLUCI[ÓO]N\b
       | PART\s+[IVX]+\s+[-–]\s+[A-Z]{4,}
       # a declaration's head, which the part of declarations repeats at each
       # (what is left once its heading, "PART VII - DECLARATIONS", is deleted)
       | Original\s?:\s*
         (?:English|French|Spanish|Arabic|Chinese|Russian
          |anglais|français|espagnol|arabe|chinois|russe
          |inglés|francés|español|árabe|chino|ruso)
         \s+(?:For|Pour|Por)\s[^:\n]{1,200}:)""",
    re.VERBOSE,
)


def may_trail(text: str) -> bool:
    """:func:`trailing`'s quick test: a text holds what every form starts
    with (an ``X`` or an ``O``, rare in a text, looked for first: one
    character is found at once, a word is searched for letter by letter)."""
    return (
        "PART" in text or ("X" in text and "ANNEX" in text) or ("O" in text and "Original" in text)
    )


# A Word document's page header or page number left in a text, as a Word
# export writes them (the PDF's are textscan's): a page number between dashes
# ("- 5 -", not in "3 - 5 - 7", nor the end of a PDF footer "516 D - 23 -
# take"); a running header, the resolution's number
# abbreviated and the page number ("Rés. 59 3", "Res. 71 (Rev. Dubai, 2018)
# 12"), or in capitals, with or without them ("RÉS. 59 (Rév. Buenos Aires,
# 2017)": a text writes "Résolution")
WORD_PAGE = re.compile(
    r"""[-–](?<!\S[-–])(?<![\dA-Z]\s[-–])[ \u00a0]?\d{1,3}[ \u00a0]?[-–](?!\S)(?![ \u00a0]\d)
      | R(?<!\wR)
        (?:[ée]s\.[ \u00a0]*+\d{1,3}(?:[ \u00a0]*+\(R[ée]v\.[^()]{0,60}\))?
           [ \u00a0]++\d{1,3}(?![\w.,])
         | [ÉE]S\.[ \u00a0]*+\d{1,3}(?:[ \u00a0]*+\([^()]{0,60}\))?
           (?:[ \u00a0]++\d{1,3}(?![\w.,]))?(?!\w))""",
    re.VERBOSE,
)
# a part's heading, as a page header repeats it: "PART III - RESOLUTIONS"
_PART = re.compile(r"\bPART\s+[IVX]+\s+[-–]\s+[A-Z]{4,}(?:\s+[A-Z]{2,}\b)*")
# A page footer: "562 D - 81". Its first digit must not follow a letter, a
# digit or a dot: the patterns here look behind for that after the digit
# (``\d(?<!X\d)``), so that they are tried only where a digit is.
_FOOTER = re.compile(r"\d(?<![\w.,/‑-]\d)\d{0,3}\s+[A-Z]\s+[-–]\s+\d{1,3}(?![\w/‑-]|[.,]\d)")
# a page number before a heading in capitals: "481 PART IV", "482 RESOLUTION 166"
_PAGE_NUMBER = re.compile(
    r"""\d(?<![\w.,(/‑-]\d)\d{2}(?=\s+(?:PART\s+[IVX]+|RESOLUTION|DECISION|RECOMMENDATION
      |DECLARATIONS|ANNEX|R[ÉE]SOLUTION|D[ÉE]CISION|RESOLUCI[ÓO]N|RECOMMANDATION)\b)""",
    re.VERBOSE,
)
# characters that never belong in a text: private use, replacement, C0
# controls, noncharacters (U+FFFE, U+FFFF, U+FDD0 to U+FDEF); the invisible
# ones a word processor leaves (a soft hyphen, a zero-width space, a word
# joiner, a byte order mark: "partici\u00adpation" looks whole and is not
# found by a search); the bidirectional embeddings, overrides and isolates
# (U+202A to U+202E, U+2066 to U+2069), which reorder what a reader sees
# ("Trojan Source"): the direction of Arabic text needs none of them, the
# marks U+200E and U+200F are kept (but between two letters: see
# DIRECTION_MARKS); and the ligatures a PDF's text gives
# ("ﬁnancières": U+FB00 to U+FB06, Latin letters joined)
# The invisible characters, the bidirectional controls and the ligatures are
# named once here: the readers that read past them (a deadline's words, an
# actor's: itures.rules.actors) and the editor's fix that deletes them
# (itures.lsp.actions) take them from these.
INVISIBLE = "\u00ad\u200b\u2060\ufeff"
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_NEVER = re.compile(
    "[\ue000-\uf8ff\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    + INVISIBLE
    + "".join(LIGATURES)
    + BIDI_CONTROLS
    + "\ufdd0-\ufdef\ufffe\uffff]"
)
# the bidirectional controls among them
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# The direction marks: LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK, ARABIC LETTER
# MARK. Beside a Latin run or a number in Arabic text they set its direction
# and are kept; between two letters (of any script: "الات\u200eحاد",
# "partici\u200epation") they split the word for every search, and a run of
# them there is a glyph (of one mark: one artefact, as for _NEVER_RUN).
DIRECTION_MARKS = "\u200e\u200f\u061c"
_DIRECTION_RUN = re.compile(f"[{DIRECTION_MARKS}]+")
_SAME_RUN = re.compile("(.)\\1*", re.DOTALL)
# ARABIC TATWEEL (kashida), a stroke that stretches a word for justification:
# not a letter. Between two Arabic letters ("تعـزيز", "القـــرار") it keeps a
# search from finding the word, and a run of it there is a glyph; elsewhere it
# is left alone (the article before a Latin abbreviation or a number: "الـITU",
# "الـ 5G").
TATWEEL = "\u0640"
_TATWEEL_RUN = re.compile(f"{TATWEEL}+")
# a run of one such character (zero-width spaces pasted in a row): one finding
_NEVER_RUN = re.compile(f"({_NEVER.pattern})\\1*")
# UTF-8 read as Latin-1 or Windows-1252 ("VÃ©rification", "â€™"): the
# characters a byte of UTF-8 after the first reads as in those (C1 controls,
# Latin-1's signs, Windows-1252's punctuation), after the first byte of a
# letter of Latin-1 or Latin Extended-A, of Cyrillic, or of a character of
# three bytes (punctuation, Chinese). A capital such as "É" before "–" is left
# alone: only leads that no word of these languages puts before those signs
_AFTER_LEAD = "[\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]"
# (leads: Latin-1 and Latin Extended-A "ÂÃÄÅ", Greek "ÎÏ", Cyrillic "ÐÑÒÓ",
# Arabic "ØÙÚÛ"; "Ã" before a blank is "à" whose no-break space became one)
_LEADS = "ÂÃÄÅÎÏÐÑÒÓØÙÚÛ"
_MOJIBAKE = re.compile(f"[{_LEADS}]{_AFTER_LEAD}|[à-ï]{_AFTER_LEAD}{{2}}|Ã(?= )")


def _no_glyph(first: int, last: int) -> str:
    """The characters from ``first`` to ``last`` that are neither a glyph nor
    part of a garbled word wherever they are (not a letter, a mark or a
    symbol of :func:`glyphs`, nor a character of :data:`_NEVER`, nor a
    direction mark, which is one between two letters), as the ranges of a
    class: the punctuation and the operators of a text, which
    its quick test then passes over."""
    ranges: list[str] = []
    start = None
    for code in range(first, last + 2):
        cat = unicodedata.category(chr(code)) if code <= last else "L"
        none = (
            cat[0] not in "LM"
            and cat != "So"
            and not _NEVER.match(chr(code))
            and chr(code) not in DIRECTION_MARKS
        )
        if none and start is None:
            start = code
        elif not none and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = None
    return "".join(ranges)


# What a glyph needs, sharper (the quick test of :func:`glyphs`): a character
# of _NEVER or beyond Latin Extended-A that may be one (General Punctuation, Currency Symbols,
# Arrows and Mathematical Operators are, but for their letters and symbols,
# none), or a letter of Latin-1 whose name is not of the Latin script (µ, ª,
# º: two of them make a garbled word)
_GLYPH_LIKE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\xa9\xab\xac\xae-\xb4\xb6-\xb9\xbb-ſ" + _no_glyph(0x2000, 0x22FF) + "]"
)
# what UTF-8 read as Latin-1 needs (a quick test): a lead before such a sign
# (a pattern of its own: as an alternative of _GLYPH_LIKE, both cost more)
MAYBE_MOJIBAKE = re.compile(f"[{_LEADS}à-ï](?={_AFTER_LEAD})|Ã(?= )")
# a character beyond Latin-1 and Latin Extended-A between two Latin letters
_LATIN = "A-Za-zÀ-ÖØ-öø-ſ"
_BEYOND = re.compile("[^\x00-ſ]")
# (the character first, the letter before it looked behind for after it: the
# pattern is tried only where such a character is)
_INSIDE = re.compile(f"([^\\x00-ſ])(?<=[{_LATIN}].)(?=[{_LATIN}])", re.DOTALL)
# the same, the letter before first: quicker in a text of another script, whose
# characters the first form would each take, then look behind
_INSIDE_AFTER = re.compile(f"[{_LATIN}]([^\\x00-ſ])(?=[{_LATIN}])", re.DOTALL)
# what a page footer or a page number needs (a quick test): a digit, blanks,
# then a capital and a dash, or the start of a heading the page number is before
_MAYBE_PAGE = r"\s+(?:[A-Z]\s+[-–]|PART|RESOLU|R[ÉE]SOLU|D[ÉE]CISION|RECOMM|DECLARATIONS|ANNEX)"
_MAYBE_PAGE_ANY = re.compile(r"\d" + _MAYBE_PAGE)
# the same for a text in ASCII, where a digit is one of ten (a quicker set to test)
_MAYBE_PAGE_ASCII = re.compile(r"[0-9]" + _MAYBE_PAGE)


def _class_table(classes: Sequence[tuple[str, str]]) -> bytes:
    """A translation table of ASCII: each character to the class of the first
    pattern of ``classes`` (pattern, class character) it matches, ``#`` if none."""
    table = bytearray(b"#" * 256)
    for code in range(128):
        ch = chr(code)
        for pattern, cls in classes:
            if re.fullmatch(pattern, ch):
                table[code] = ord(cls)
                break
    return bytes(table)


# What :func:`ascii_classes` maps each ASCII character to: ``0`` for a digit, a
# blank for what ``\s`` matches, ``A`` for a capital, ``a`` for another letter,
# ``,`` for an end mark (``,;:.``), ``#`` for anything else (as the patterns read
# them, on a text in ASCII).
_CLASSES = _class_table(
    [("[0-9]", "0"), (r"\s", " "), ("[A-Z]", "A"), (r"[^\W\d_]", "a"), ("[,;:.]", ",")]
)


def ascii_classes(text: str) -> bytes:
    """A text in ASCII with each character replaced by its class (digit ``0``,
    blank, capital ``A``, letter ``a``, end mark ``,``, other ``#``): what a quick test
    searches with a literal start, which a pattern that starts with a class of
    characters cannot have (it is tried at every character)."""
    return text.encode("ascii").translate(_CLASSES)


# The classes of :func:`labels_inside`'s quick test: ``;`` for ``;`` and ``:``,
# ``0`` for a digit, a blank for what ``\s`` matches, ``a`` for a small letter,
# ``)`` for itself, ``#`` for anything else.
_LABEL_CLASSES = _class_table(
    [("[0-9]", "0"), (r"\s", " "), ("[a-z]", "a"), ("[;:]", ";"), (r"\)", ")")]
)
# what a label inside a text needs in a text in ASCII, in those classes: an end
# mark (perhaps a footnote's marker after it, "[^1]": "##0#"), blanks, then a
# digit or up to four small letters and ')'
_MAYBE_LABEL_CLASSES = re.compile(rb";(?:##[^ ]+#)? +(?:0|a{1,4}\))")

# what a page footer or a page number needs in a text in ASCII, in its classes:
# a digit, blanks, a capital (every form after the blanks starts with one)
_MAYBE_PAGE_CLASSES = re.compile(rb"0 +A")
# Romanian's comma-below letters, and what joins the parts of a word
_JOINERS = frozenset("ȘșȚț‑-‐'’·.")
# scripts that words of any language may mix with their own: Latin (ITU-R,
# IoT), Greek (letters as symbols: "λ", "α-частицы")
_ANY_TEXT = frozenset({None, "LATIN", "GREEK"})
# a character beyond Latin Extended-A, not a blank (what a word must hold to be
# garbled)
_WIDE = re.compile(r"[^\x00-ſ\s]")
_NON_BLANKS = re.compile(r"\S*")


def label_start(text: str) -> Artefact | None:
    """A label at the start of ``text`` (an entry that has no label of its own)."""
    m = _LABEL_START.match(text)
    if m is None:
        return None
    return Artefact("label-start", m.start("label"), m.end("label"), m.group("label"))


# a label as label_start finds it, and as a label is written: "2", "b)" ("(b)")
_LEFT_LABEL = re.compile(r"\(?((?:[a-z](?:bis|ter|quater)?|[ivx]+)\)|\d{1,2}(?:\.\d{1,2})*)")


def left_label(text: str) -> str | None:
    """The label an entry without one has left at the start of its text, as
    a label is written ("2", "b)"): the entry's label for whoever looks it
    up (the summary's label trees, :func:`itures.lookup.model_outline`). A
    citation of that entry, another version's structure or a reference to
    it in words is then no second defect: conversion-artefact's "label left
    in the text" is the one. None when the text starts with no label."""
    found = label_start(text)
    if found is None:
        return None
    m = _LEFT_LABEL.fullmatch(found.found)
    return m.group(1) if m is not None else None


def labels_inside(text: str) -> list[Artefact]:
    """Labels inside ``text`` after an end mark, one per label."""
    # the quick test: an end mark before the last character (a label follows it)
    last = len(text) - 1
    semicolon = text.find(";", 0, last) >= 0
    colon = text.find(":", 0, last) >= 0
    if not (semicolon or colon):
        return []
    if (
        text.isascii()
        and _MAYBE_LABEL_CLASSES.search(text.encode("ascii").translate(_LABEL_CLASSES)) is None
    ):
        return []  # no end mark before a digit or a letter's ')' (the pattern's start)
    return _labels_inside(text, semicolon, colon)


def _labels_inside(text: str, semicolon: bool = True, colon: bool = True) -> list[Artefact]:
    """:func:`labels_inside` after its quick tests: ``semicolon`` and ``colon``
    whether ``text`` may hold a label after a ";", after a ":"."""
    if semicolon:
        found = list(_LABEL_AFTER_SEMICOLON.finditer(text))
        if colon:
            found += _LABEL_AFTER_COLON.finditer(text)
            found.sort(key=_start)
    else:
        found = list(_LABEL_AFTER_COLON.finditer(text))
    return [Artefact("label", m.start("label"), m.end("label"), m.group("label")) for m in found]


def _start(m: re.Match[str]) -> int:
    return m.start()


def footnotes(text: str) -> list[Artefact]:
    """Footnote texts merged into ``text``; ``detail`` is the footnote's start,
    and, after a tab, the word its mark is glued to in the text, if any."""
    if "____" not in text:  # the rule before a footnote: the quick test
        return []
    out = []
    # each mark's first glued word, and how far it was looked for: a text of
    # many footnotes is searched once a mark, not from its start each time
    looked: dict[str, tuple[int, re.Match[str] | None]] = {}
    for m in _FOOTNOTE.finditer(text):
        mark = m.group("mark")
        done, first = looked.get(mark, (0, None))
        if first is None and done < m.start():
            # (from before the end of the last search: a mark that ended there
            # had its next character cut off)
            first = _mark_pattern(mark).search(text, max(0, done - len(mark)), m.start())
            done = m.start()
        looked[mark] = (done, first)
        glued = _glued_word(text, first) if first is not None else ""
        detail = m.group("text").strip() + (f"\t{glued}" if glued else "")
        out.append(Artefact("footnote", m.start(), m.end(), mark, detail))
    return out


# a letter (a word character, not a digit nor an underscore)
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=64)
def _mark_pattern(mark: str) -> re.Pattern[str]:
    # the mark first (a literal the search jumps to), then what is before it:
    # three letters ("countries1,"), three letters and a full stop, the mark
    # then before a blank ("achieved.4 "), or a closing parenthesis, bracket
    # or quotation mark ("(IEEE)3", '"market price"1'); after it a blank, an
    # end mark, a closing parenthesis ("tool3)") or the text's end
    mark = re.escape(mark)
    return re.compile(
        rf"{mark}(?:(?<=[^\W\d_]{{3}}{mark})(?=[\s,;.:)]|$)|(?<=[^\W\d_]{{3}}\.{mark})(?=\s)"
        rf"|(?<=[{_CLOSERS}]{mark})(?=[\s,;.:)]|$))"
    )


# what closes a parenthesis or a quotation, each with what opens it
_OPENER = {")": "(", "]": "[", '"': '"', "\u201d": "\u201c", "\u2019": "\u2018", "\u00bb": "\u00ab"}
_CLOSERS = re.escape("".join(_OPENER))


def _glued_word(text: str, m: re.Match[str]) -> str:
    """The word of three letters or more that a mark is glued to (before a
    blank, an end mark, a closing parenthesis or the text's end; or after
    the word's full stop), or the parenthesis or quotation (its words, up to
    40 characters; else the word that closes it), with the mark, from a
    match of :func:`_mark_pattern`, found from the mark back."""
    start = m.start()
    closer = text[start - 1]
    if closer in _OPENER:
        opener = text.rfind(_OPENER[closer], max(0, start - 42), start - 1)
        if opener < 0:
            opener = start - 1
            while opener > 0 and not text[opener - 1].isspace():
                opener -= 1
        return text[opener : m.end()]
    if closer == ".":
        start -= 1
    start -= 3
    while start > 0 and _LETTER.match(text, start - 1):
        start -= 1
    return text[start : m.end()]


# a footnote marker just before where a search stopped
_AFTER_MARKER = re.compile(r"\[\^[^\]\s]{1,12}\]$")


def glued_call(text: str, mark: str, end: int | None = None) -> tuple[int, int, str] | None:
    """The last footnote call ``mark`` (a number) written as a number glued to
    what is before it in ``text`` (before ``end``), as a conversion leaves
    the mark it printed raised ("developing countries1 to", "ICNIRP2,",
    "tool3)", "achieved.4 ", "(IEEE)3", '"market price"1'): where it starts
    and ends (the word with the mark), and that word; None if there is
    none. Not a number glued to a word of mixed case ("IPv6"): a name, not
    a call."""
    if end is None or end >= len(text):
        return _last_call(text, mark, _mark_pattern(mark).finditer(text))
    # (the calls of the whole text, found once for the notes of a block each
    # asking for the last before it; those that end near ``end`` are looked
    # for again up to it, where the text's end is: a call glued to what the
    # note starts with, or cut there)
    starts, calls = _calls_in(text, mark)
    near = max(0, end - len(mark) - 64)
    k = bisect_right(starts, near - 1) - 1  # (the last that starts before ``near``)
    before = calls[k] if k >= 0 else None
    there = _last_call(text, mark, _mark_pattern(mark).finditer(text, near, end))
    return there if there is not None else before


def _last_call(
    text: str, mark: str, matches: Iterator[re.Match[str]]
) -> tuple[int, int, str] | None:
    """The last of ``matches`` (of :func:`_mark_pattern`) that is a call."""
    found = None
    for m in matches:
        call = _call(text, mark, m)
        if call is not None:
            found = call
    return found


def _call(text: str, mark: str, m: re.Match[str]) -> tuple[int, int, str] | None:
    """The call a match of :func:`_mark_pattern` is (see :func:`glued_call`),
    None if it is none."""
    # (the marker's 16 characters before the mark at most: not searched from
    # the text's start for each mark)
    if text[m.start() - 1] == "]" and _AFTER_MARKER.search(text, max(0, m.start() - 16), m.start()):
        return None  # (the number Word prints after a marker: "[^1]1", not a call)
    word = _glued_word(text, m)
    letters = word[: len(word) - len(mark)].rstrip(".")
    if letters[-1:] in _OPENER or letters.islower() or letters.isupper() or letters.istitle():
        return (m.end() - len(word), m.end(), word)
    return None


@lru_cache(maxsize=16)
def _calls_in(text: str, mark: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Every call ``mark`` of ``text`` (:func:`_call`), in order, with where
    the mark of each starts: what :func:`glued_call` answers from for a
    place before the text's end (a text with a block of notes asks once for
    each)."""
    starts: list[int] = []
    calls: list[tuple[int, int, str]] = []
    for m in _mark_pattern(mark).finditer(text):
        call = _call(text, mark, m)
        if call is not None:
            starts.append(m.start())
            calls.append(call)
    return starts, calls


# a later note of a block of footnotes merged into a text: its number after the
# end of the last note's sentence, then a word that starts with a capital
_NEXT_NOTE = r"(?<=[.;:)\]\"”»’]\s)({mark})\s+(?=[^\W\d_])"


def later_notes(text: str, note: Artefact, limit: int = 800) -> list[tuple[str, int, int]]:
    """The notes printed after the first of a block of footnotes merged into
    ``text`` (``note``, a :func:`footnotes` artefact), each as its number
    (the next after the last), where it starts and ends: "____ 5 G7 ICT
    ... secure. 6 ITU WTDC-17 ... Declaration. 7 Source: ...". A note is
    looked for within ``limit`` characters of the one before, and not past
    the next rule ("____")."""
    if not note.found.isdigit():
        return []
    out: list[tuple[str, int, int]] = []
    # (from the first note's number: the artefact runs into its text)
    at = text.index(note.found, note.start) + len(note.found)
    block_end = text.find("____", at)
    stop = len(text) if block_end < 0 else block_end
    number = int(note.found)
    while True:
        mark = str(number + 1)
        m = re.compile(_NEXT_NOTE.format(mark=mark)).search(text, at, min(stop, at + limit))
        if m is None or text[m.end()].islower():
            return out
        out.append((mark, m.start(1), m.end(1)))
        at = m.end()
        number += 1


def prepare(language: str) -> None:
    """Build now the patterns the scans build for ``language`` on first use
    (see :func:`itures.importers.extract.prepare`)."""
    if _heading_pattern(language) is not None:
        _heading_start(language)
    _heading_quick(language)
    _heading_joined(language)


@lru_cache(maxsize=8)
def _heading_pattern(language: str) -> re.Pattern[str] | None:
    from itures.importers.lang import flexible, grammar

    try:
        g = grammar(language)
    except KeyError:
        return None
    verbs = "|".join(flexible(v) for v in sorted(g.operative_verbs, key=len, reverse=True))
    further = g.further.pattern
    # the end mark before the heading is matched, not looked behind for: a
    # pattern that starts with a character class is tried only where one is.
    # The heading runs to the first ";", the end (or a line end that ends
    # the text: "$"), or the blanks before a clause's number and its first
    # word: "[^;]*?(?=\s+NUMBER\s+[a-z]|;|$)". It is written as the words
    # and the blanks it takes, a blank only where that does not follow: the
    # same span, found in one pass (the lazy form tried the lookahead after
    # each character, most of the time of a scan).
    return re.compile(
        rf"""[,;:.]\s+
        (?P<heading>(?:{further}\s+)?(?:{verbs})\b(?:\s+{further})?
          (?:[^;\s]+|(?!\s+\d{{1,2}}(?:\.\d{{1,2}})*\s+[a-z]|\n\Z)\s)*+)""",
        re.VERBOSE,
    )


# What the quick tests of the headings and pages search, in a text in ASCII:
# the text with each end mark (,;:.) a comma, each blank (what \s matches) a
# space and each digit a 0, the rest as it is, in bytes; the end mark where the
# heading pattern starts, the digit where a page footer or number starts, are
# then one literal, which a search jumps to (a class of characters is tried at
# every character: four times slower).
_MARKS = bytes(
    ord(",")
    if chr(code) in ",;:."
    else ord(" ")
    if re.fullmatch(r"\s", chr(code))
    else ord("0")
    if chr(code) in "0123456789"
    else code
    for code in range(128)
) + bytes(range(128, 256))
# what a page footer or a page number needs (_MAYBE_PAGE), in that form
_MAYBE_PAGE_MARKS = re.compile(rb"0 +(?:[A-Z] +-|PART|RESOLU|DECISION|RECOMM|DECLARATIONS|ANNEX)")


# where the first clause of an operative heading run into a text starts, the
# heading's verb and actors before it: an infinitive ("instructs the Director
# of the Radiocommunication Bureau to ensure ...", not "to the Governments"),
# "de"/"d'" or "à" and an infinitive in French ("charge le Directeur du Bureau
# de développement des télécommunications de mener ..."), "a"/"que" in Spanish
_CLAUSE_START = {
    "en": re.compile(
        r"\s+(?=to\s+(?!(?:the|all|a|an|its|their|this|these|those|each|any|other|such|his|"
        r"her|our|which|whom|be)\b)[a-z]+\b)"
    ),
    "fr": re.compile(r"[\s,]+(?=(?:de\s+|d['’]|à\s+)[a-zéèêàâîôûç]+(?:er|ir|re|oir)\b)"),
    "es": re.compile(r"[\s,]+(?=(?:a\s+que|que|a\s+[a-záéíóúñ]+(?:ar|er|ir))\b)"),
}


def heading_words(found: str, language: str) -> str:
    """The words of an operative heading found run into a text
    (:func:`headings`' ``found``, which runs to the first ';' or the first
    clause's number), without the words of a first clause that follows it
    unnumbered: "instructs the Director of the Radiocommunication Bureau",
    of "instructs the Director of the Radiocommunication Bureau to ensure
    that ITU-R continues ...". As found for a language without that rule."""
    pattern = _CLAUSE_START.get(language)
    if pattern is None or pattern.search(found) is None:
        return found  # (the quick test: most headings hold no clause's start)
    from itures.importers.lang import grammar, operative_verb_end

    end = operative_verb_end(found, grammar(language))
    if end is None:
        return found
    m = pattern.search(found, end)
    return found[: m.start()].rstrip(" ,") if m is not None else found


@lru_cache(maxsize=8)
def _heading_quick(language: str) -> re.Pattern[bytes] | None:
    """What a heading needs in a text in ASCII, in its :data:`_MARKS` form: an
    end mark, blanks, then a "further" word or a verb (the heading pattern's
    start). None for a language with no heading pattern, or whose words hold
    an end mark (which that form changes)."""
    from itures.importers.lang import flexible, grammar

    try:
        g = grammar(language)
    except KeyError:
        return None
    verbs = "|".join(flexible(v) for v in sorted(g.operative_verbs, key=len, reverse=True))
    words = f"{g.further.pattern}|{verbs}"
    if re.search(r"[,;.0-9]|(?<!\?):", words):  # an end mark (not a group's "(?:"), a digit
        return None
    # (a word beyond ASCII, in UTF-8 here, is in no text in ASCII)
    return re.compile(b", +(?:" + words.encode() + b")")


# The form of a file's texts joined (:class:`Joined`), in bytes, that the
# quick tests of the whole file search: ``,`` for ``,`` and ``.``, ``;`` for
# ``;`` and ``:``, a space for a tab, a line end or a space, ``0`` for a
# digit, ``\x01`` for a control (what a stray glyph may be; the controls that
# ``\s`` also matches, ``\x0b \x0c \x1c-\x1f``, among them: a text that holds
# one is scanned on its own), the rest of ASCII as it is. A character beyond
# ASCII is a ``?`` there: a text that holds one is scanned on its own too (a
# character of Latin-1 beyond ASCII is encoded as it is, then translated to
# "?", see :class:`Joined`).
_JOINED = (
    bytes(
        ord(",")
        if chr(code) in ",."
        else ord(";")
        if chr(code) in ";:"
        else ord(" ")
        if chr(code) in "\t\n\r "
        else 1
        if re.fullmatch(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", chr(code))
        else ord("0")
        if chr(code) in "0123456789"
        else code
        for code in range(128)
    )
    + b"?" * 128
)


def form_of(text: str) -> bytes:
    """``text`` in the form :class:`Joined` searches (a literal to look for
    there, one character for one)."""
    return text.encode("latin-1", "replace").translate(_JOINED)


class Joined:
    """The texts of one file joined into one string, in the :data:`_JOINED`
    form: a quick test is then one search for the file, not one per text (a
    call per text costs more than the search). :meth:`holding` gives the
    texts in which a pattern written for that form is found, by their index;
    :attr:`wide` are the texts beyond ASCII, which the form does not keep:
    they are to be tested on their own.

    The texts are joined with nothing between them: a match that runs from
    one text into the next names the first (one more text tested on its own,
    never one less), and the search goes on at the start of the next. A
    pattern for this form must then not look behind, nor ahead past its
    match's end, for what decides whether a text holds it.
    """

    __slots__ = ("breaks", "form", "starts", "texts", "wide")

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        joined = "".join(texts)
        # whether a text holds a line break (the form makes it a blank)
        self.breaks = "\n" in joined
        if joined.isascii():
            self.form = joined.encode("ascii").translate(_JOINED)
            self.wide: list[int] = []
        else:
            # (one "?" per character beyond ASCII: the offsets stay those of the
            # text; encoded in Latin-1, which texts in it are copied to as they
            # are, and not in ASCII, which takes each character beyond it apart)
            self.form = joined.encode("latin-1", "replace").translate(_JOINED)
            self.wide = list(compress(range(len(texts)), map(not_, map(str.isascii, texts))))
        # where each text starts in the form, and where the last ends
        self.starts = [0, *accumulate(map(len, texts))]

    def holding(self, pattern: re.Pattern[bytes]) -> list[int]:
        """The indices of the texts in which ``pattern`` is found in the form,
        in order, each once (a text may only seem to hold it, see above)."""
        out: list[int] = []
        starts = self.starts
        search = pattern.search
        form = self.form
        m = search(form)
        while m is not None:
            i = bisect_right(starts, m.start()) - 1
            out.append(i)
            m = search(form, starts[i + 1])
        return out

    def holding_among(self, pattern: re.Pattern[bytes], indices: set[int]) -> set[int]:
        """The texts of ``indices`` in which ``pattern`` is found in the form,
        each searched on its own (a few texts: no search of the whole)."""
        starts = self.starts
        search = pattern.search
        form = self.form
        return {i for i in indices if search(form, starts[i], starts[i + 1]) is not None}

    def holding_literal(self, literal: bytes) -> list[int]:
        """:meth:`holding` for a literal: the indices of the texts whose form
        holds ``literal``, in order, each once."""
        out: list[int] = []
        starts = self.starts
        find = self.form.find
        at = find(literal)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            out.append(i)
            at = find(literal, starts[i + 1])
        return out


@lru_cache(maxsize=8)
def _heading_joined(
    language: str,
) -> tuple[re.Pattern[bytes], re.Pattern[bytes], re.Pattern[bytes]] | None:
    """What a heading needs in the :data:`_JOINED` form: an end mark (``,``
    for ``,.``, ``;`` for ``;:``), blanks, then a "further" word or a verb;
    then the same for a text with a control or beyond ASCII (see
    :data:`_WIDE_BLANKS`: a ``?`` or a control may be a blank there, a ``?``
    any character beyond ASCII, and a word's edges are not looked for). None
    for a language with no heading pattern, or whose words hold an end mark
    or a digit (which that form changes)."""
    quick = _heading_quick(language)
    if quick is None:
        return None
    # (a word's edges not looked for: texts are joined with nothing between
    # them, and an edge at a text's end would look past it, into the next)
    words = quick.pattern[len(b", +") :].replace(rb"\b", b"")
    wide = re.sub(r"[^\x00-\x7f]", r"\\?", words.decode().replace(r"\b", ""))
    wide = wide.replace(r"\s", _WIDE_BLANKS)
    return (
        re.compile(b",  *" + words),
        re.compile(b";  *" + words),
        re.compile(f"[,;]{_WIDE_BLANKS}+{wide}".encode()),
    )


# In a text with a control or beyond ASCII, in the :data:`_JOINED` form: what
# a blank may be (a blank, a control, a character beyond ASCII), and what a
# digit may be (``\d`` is any script's digit)
_WIDE_BLANKS = "[ ?\x01]"
_WIDE_DIGIT = "[0?]"


# What a label inside a text and a page footer or page number need in the
# :data:`_JOINED` form (the quick tests of :func:`labels_inside` and
# :func:`pages`, in that form): an end mark, blanks, then a digit or up to four
# small letters and ")"; a digit, blanks, a capital and a dash or the start of
# a heading (PART and ANNEX, which :func:`trailing` needs too, are found as
# literals).
# (" +" written " " then " *": the pattern then starts with two literals, which
# a search looks for together; most digits and end marks are not before a blank)
_JOINED_LABEL = re.compile(rb";  *(?:0|[a-z]{1,4}\))")
# the same after a footnote's marker ("General;[^1] iii) to"): a pattern of its
# own, which starts with three literals (the one above keeps its two)
_JOINED_MARKED_LABEL = re.compile(rb";\[\^[^\] ]+\]  *(?:0|[a-z]{1,4}\))")
_JOINED_PAGE = re.compile(rb"0  *(?:[A-Z] +-|RESOLU|DECISION|RECOMM|DECLARATIONS)")
# the same for a text with a control or beyond ASCII (see _WIDE_BLANKS)
_WIDE_LABEL = re.compile(
    f";(?:\\[\\^[^\\] ]+\\])?{_WIDE_BLANKS}+(?:{_WIDE_DIGIT}|[a-z]{{1,4}}\\))".encode()
)
# (a page number's quick test of such a text is :func:`pages`'s own, on the
# text: in the form, where "?" may be a digit and a blank alike, a text in
# Arabic, Russian or Chinese is one run of both, which a pattern starting
# at a digit, then blanks, reads again from each of its characters)


def headings(text: str, language: str) -> list[Artefact]:
    """Operative headings merged into ``text`` (the languages with an import
    grammar: en, fr, es; none for the others). A heading runs to the first
    ';' or the end of the text; each heading that starts inside that span
    after an end mark (the next section's, which the conversion ran into
    the same clause: "..., invites Member States to take part, invites the
    2022 plenipotentiary conference to consider ...") is one of its own, and
    the one before it ends at its end mark."""
    pattern = _heading_pattern(language)
    if pattern is None:
        return []
    starts = _heading_start(language)
    out = []
    for m in pattern.finditer(text):
        start, end = m.span("heading")
        if _cited_heading(text, m.start(), start, end):
            continue
        # (each character of the span is searched once: linear time)
        for inner in starts.finditer(text, start + 1, end):
            at = inner.start("heading")
            if _cited_heading(text, inner.start(), at, end):
                continue
            out.append(
                Artefact("heading", start, inner.start(), text[start : inner.start()].strip())
            )
            start = at
        out.append(Artefact("heading", start, end, text[start:end].strip()))
    return out


@lru_cache(maxsize=8)
def _heading_start(language: str) -> re.Pattern[str]:
    """Where a heading of :func:`_heading_pattern` starts, its end mark and
    its verb (and "further"), without the words after them: the headings
    inside the span of another."""
    from itures.importers.lang import flexible, grammar

    g = grammar(language)
    verbs = "|".join(flexible(v) for v in sorted(g.operative_verbs, key=len, reverse=True))
    further = g.further.pattern
    return re.compile(rf"[,;:.]\s+(?P<heading>(?:{further}\s+)?(?:{verbs})\b)")


# what a text says before an operative verb it cites from another text
# ("Resolution 5 ... of WTDC, on ..., and, in particular, further instructs the
# Director ... thereof, on ..."): the words before the end mark
_CITING_BEFORE = (
    "in particular",
    "inter alia",
    "en particulier",
    "notamment",
    "en particular",
    "entre otras cosas",
)
# ... and in the heading: the resolution it belongs to
_THEREOF = re.compile(r"\b(?:thereof|de celle-ci|de ésta|de esta)\b", re.IGNORECASE)


def _cited_heading(text: str, mark: int, start: int, end: int) -> bool:
    """Whether the heading found at ``start`` is another text's, cited in
    this one ("…, and, in particular, further instructs the Director …
    thereof, on continuing …", a recital of PP-18 Resolution 167): after
    "in particular" or "inter alia", or naming its resolution ("thereof")
    before its first ';'."""
    before = text[max(0, mark - 40) : mark].rstrip().lower()
    if before.endswith(_CITING_BEFORE):
        return True
    return _THEREOF.search(text, start, min(end, start + 200)) is not None


def trailing(text: str) -> Artefact | None:
    """The start of what follows the document, merged into ``text``."""
    if not may_trail(text):
        return None
    m = _TRAILING.search(text)
    if m is None:
        return None
    # (the page number printed before it, after the sentence the page ended
    # with, is part of it: "fellowships. 481 PART IV - LIST")
    page = _PAGE_BEFORE.search(text, max(0, m.start() - 12), m.start())
    start = page.start("page") if page is not None else m.start()
    return Artefact("trailing", start, m.end(), text[start : m.end()])


# a page number right before what follows the document, after an end mark
_PAGE_BEFORE = re.compile(r"[.;:,]\s+(?P<page>\d{1,4}\s+)$")


def page_line(text: str) -> bool:
    """Whether ``text`` is a page header or footer and nothing else: a
    paragraph a Word or PDF export put between the resolution's own."""
    text = text.strip()
    if WORD_PAGE.fullmatch(text) is not None:
        return True
    return any(a.start == 0 and a.end == len(text) for a in pages(text))


def pages(text: str, classes: bytes | None = None) -> list[Artefact]:
    """Page headers and footers in ``text``; the part heading that starts
    :func:`trailing` text is that artefact, not a page header. ``classes``
    are the text's :func:`ascii_classes`, when they are at hand."""
    part = "PART" in text
    if text.isascii():
        # the classes first: a quick test of the quick test
        numbered = (
            _MAYBE_PAGE_CLASSES.search(ascii_classes(text) if classes is None else classes)
            is not None
            and _MAYBE_PAGE_ASCII.search(text) is not None
        )
    else:
        numbered = _MAYBE_PAGE_ANY.search(text) is not None
    if not (part or numbered or text[-1:].isdigit()):
        return []
    return _pages(text, part, numbered)


def _pages(text: str, part: bool, numbered: bool) -> list[Artefact]:
    """:func:`pages` after its quick tests: ``part`` whether ``text`` holds
    PART, ``numbered`` whether it holds what a footer or page number needs."""
    out = []
    if part:
        first = trailing(text)
        out = [
            Artefact("page", m.start(), m.end(), m.group())
            for m in _PART.finditer(text)
            if first is None or not first.start <= m.start() < first.end
        ]
    if numbered:
        out += [Artefact("page", m.start(), m.end(), m.group()) for m in _FOOTER.finditer(text)]
        out += [
            Artefact("page", m.start(), m.end(), m.group()) for m in _PAGE_NUMBER.finditer(text)
        ]
    if text[-1:].isdigit():
        last = _page_at_end(text)
        if last is not None and not any(a.start <= last.start < a.end for a in out):
            out.append(last)
    return sorted(out, key=lambda a: a.start)


def _page_at_end(text: str) -> Artefact | None:
    """A page number left at the end of a text, after the sentence the page
    ended with: what a page footer or a page number before a heading leaves
    once the rest of it (the heading, the text that followed the document)
    is deleted ("informed in this regard. 489"). Not a number after an
    abbreviation ("No. 12", "Rev. 3") nor after a year ("in 2018. 2"),
    where it may be the text's."""
    m = _PAGE_AT_END.search(text, max(0, len(text) - 60))
    if m is None or m.group("word").lower() in _BEFORE_NUMBERS:
        return None
    return Artefact("page", m.start("page"), m.end("page"), m.group("page"))


_PAGE_AT_END = re.compile(r"(?P<word>[^\W\d_]{2,}|\))[.;][ \u00a0]++(?P<page>\d{1,4})$")
# the abbreviations a number follows in a text (in the six languages' Latin
# scripts): "No. 12", "Rés. 59", "Art. 5"
_BEFORE_NUMBERS = frozenset(
    [
        "no",
        "nos",
        "nº",
        "núm",
        "art",
        "arts",
        "para",
        "paras",
        "pp",
        "vol",
        "fig",
        "res",
        "rés",
        "rev",
        "rév",
        "doc",
        "ch",
        "chap",
        "sec",
        "sect",
        "op",
        "cf",
        "nr",
        "dec",
        "déc",
        "rec",
    ]
)


def _wide_words(text: str) -> list[tuple[int, int]]:
    """The spans of the words (runs of non-blanks) that hold a character
    beyond Latin Extended-A, in order."""
    out = []
    m = _WIDE.search(text)
    while m is not None:
        start = m.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        rest = _NON_BLANKS.match(text, m.end())
        end = m.end() if rest is None else rest.end()
        out.append((start, end))
        m = _WIDE.search(text, end)
    return out


# the script of each character met in a wide word (see _script_of), remembered
_SCRIPTS: dict[str, str | None] = {}


def _script(ch: str) -> str | None:
    """:func:`_script_of`, remembered per character."""
    try:
        return _SCRIPTS[ch]
    except KeyError:
        if len(_SCRIPTS) >= 65536:  # a bound, should a corpus write in every script
            _SCRIPTS.clear()
        found = _SCRIPTS[ch] = _script_of(ch)
        return found


def _script_of(ch: str) -> str | None:
    """The script a letter or mark belongs to (the first word of its name:
    LATIN, CYRILLIC, CJK, ...); None for what any script uses (digits,
    punctuation, symbols, the common combining accents)."""
    cat = unicodedata.category(ch)
    if cat[0] not in "LM":
        return None
    if "\u0300" <= ch <= "\u036f":  # the common combining accents
        return None
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNNAMED"


# Where every letter is of one script (by :func:`_script_of`; the blocks of
# the scripts of the ITU's languages beyond Latin; checked by a test against
# the interpreter's Unicode data) ...
_SCRIPT_BLOCKS: dict[str | None, str] = {
    "ARABIC": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "CYRILLIC": "\u0400-\u0482\u048a-\u052f",
    "CJK": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
}
# ... and where no character is of any (punctuation, CJK and full-width marks)
_NO_SCRIPT = (
    "\u2000-\u206f\u3000-\u3004\u3007-\u3029\u3030\u3036-\u303a\u303d-\u303f"
    "\uff00-\uff20\uff3b-\uff40\uff5b-\uff65"
)


@lru_cache(maxsize=16)
def _beyond_script(script: str | None) -> re.Pattern[str]:
    """A character beyond Latin Extended-A, not a blank, that may be a letter
    of a script other than ``script`` (None: of any script): the blocks above
    are passed over in C."""
    return re.compile(f"[^\\x00-\u017f\\s{_NO_SCRIPT}{_SCRIPT_BLOCKS.get(script, '')}]")


def _mixed_scripts(text: str, m: re.Match[str] | None = None) -> bool:
    """Whether ``text`` holds letters of two scripts that words do not mix
    with any (:data:`_ANY_TEXT`): the test of a garbled word, made on the
    text first. Each character found is judged by :func:`_script`; after the
    first script's first letter, the search passes over that script's blocks.
    ``m`` is ``_beyond_script(None).search(text)``, when the caller has it."""
    first: str | None = None
    pattern = _beyond_script(None)
    if m is None:
        m = pattern.search(text)
    while m is not None:
        found = _script(m.group())
        if found not in _ANY_TEXT and found != first:
            if first is not None:
                return True
            first = found
            pattern = _beyond_script(found)
        m = pattern.search(text, m.end())
    return False


# the characters of a glyph's word shown on each side of the glyph, at most
_WORD_SHOWN = 20


def _word_at(text: str, i: int) -> str:
    """The word (run of non-blanks) around character ``i``, with at most
    :data:`_WORD_SHOWN` characters on each side of it, '…' where it goes on:
    a word of thousands of glyphs (zero-width spaces pasted in a row) is
    neither read again for each of them nor written whole in each finding."""
    start, end = i, i + 1
    first, last = i - _WORD_SHOWN, i + 1 + _WORD_SHOWN
    while start > 0 and start > first and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and end < last and not text[end].isspace():
        end += 1
    before = "…" if start > 0 and start == first and not text[start - 1].isspace() else ""
    after = "…" if end < len(text) and end == last and not text[end].isspace() else ""
    return before + text[start:end] + after


def glyphs(text: str) -> list[Artefact]:
    """Stray glyphs (one per character, or per run of one character: its
    ``end`` past the run) and garbled words (one for the text)."""
    if text.isascii() and text.isprintable():
        return []  # printable ASCII: no glyph (the quicker test)
    if not _GLYPH_LIKE.search(text) and not MAYBE_MOJIBAKE.search(text):
        return []
    return _glyphs(text)


def _glyphs(text: str) -> list[Artefact]:
    """:func:`glyphs` after its quick test."""
    read_wrong = _mojibake(text) if MAYBE_MOJIBAKE.search(text) else None
    out = [
        Artefact("glyph", m.start(), m.end(), m.group(1), _word_at(text, m.start()))
        for m in _NEVER_RUN.finditer(text)
    ]
    if "\u200e" in text or "\u200f" in text or "\u061c" in text:
        out += _marks_inside(text)
    if TATWEEL in text:
        out += _tatweels(text)
    if read_wrong is not None:
        # (a C1 control of such a word is part of it)
        out = [a for a in out if not read_wrong.start <= a.start < read_wrong.end]
    if not _BEYOND.search(text):
        return out if read_wrong is None else [*out, read_wrong]
    # (a letter of a script beyond Latin, the first: a text in that script, most likely)
    letter = _beyond_script(None).search(text)
    other = letter is not None and _script(letter.group()) in _SCRIPT_BLOCKS
    for m in (_INSIDE_AFTER if other else _INSIDE).finditer(text):
        ch = m.group(1)
        if ch in _JOINERS or ("\u0300" <= ch <= "\u036f"):
            continue
        cat = unicodedata.category(ch)
        if (cat[0] in "LM" or cat == "So") and not _NEVER.match(ch):
            at = m.start(1)
            out.append(Artefact("glyph", at, at + 1, ch, _word_at(text, at)))
    garbled = []
    # (a word holds letters of two scripts only if the text does: a text in
    # one script, most texts in Arabic, Russian or Chinese, is not read word
    # by word)
    if letter is not None and _mixed_scripts(text, letter):
        for start, end in _wide_words(text):
            scripts = {s for s in map(_script, text[start:end]) if s not in _ANY_TEXT}
            if len(scripts) >= 2:
                garbled.append((start, end))
    if garbled:
        # a stray glyph inside a garbled word is part of the garbling
        # (the words are in order and apart: the one that may hold a glyph is the
        # last that starts at or before it)
        starts = [s for s, _ in garbled]
        out = [
            a
            for a in out
            if (k := bisect_right(starts, a.start) - 1) < 0 or a.start >= garbled[k][1]
        ]
        words = " ".join(text[s:e] for s, e in garbled[:3]) + (" ..." if len(garbled) > 3 else "")
        out.append(Artefact("glyph", garbled[0][0], garbled[-1][1], words, str(len(garbled))))
    if read_wrong is not None:
        # (what the other scans find in its words is the wrong reading's)
        out = [a for a in out if not read_wrong.start <= a.start < read_wrong.end]
        out.append(read_wrong)
    return sorted(out, key=lambda a: a.start)


def _marks_inside(text: str) -> list[Artefact]:
    """The direction marks of ``text`` between two letters (or a letter's
    marks): one artefact per run of one mark."""
    out = []
    for m in _DIRECTION_RUN.finditer(text):
        start, end = m.span()
        if start == 0 or end == len(text):
            continue
        if unicodedata.category(text[start - 1])[0] not in "LM":
            continue
        if unicodedata.category(text[end])[0] not in "LM":
            continue
        for r in _SAME_RUN.finditer(text, start, end):
            out.append(Artefact("glyph", r.start(), r.end(), r.group(1), _word_at(text, r.start())))
    return out


def _tatweels(text: str) -> list[Artefact]:
    """The tatweels of ``text`` between two Arabic letters (or a letter's
    vowel marks): one artefact per run."""
    out = []
    for m in _TATWEEL_RUN.finditer(text):
        start, end = m.span()
        if start == 0 or end == len(text):
            continue
        if _script(text[start - 1]) == "ARABIC" and _script(text[end]) == "ARABIC":
            out.append(Artefact("glyph", start, end, TATWEEL, _word_at(text, start)))
    return out


def _mojibake(text: str) -> Artefact | None:
    """The words of ``text`` written in UTF-8 and read as Latin-1 or
    Windows-1252 ("VÃ©rification"), one artefact for the text: ``found``
    the first three words as written, ``detail`` the same words as meant
    ("Vérification"). A sequence that is no character of UTF-8 is not one."""
    spans: list[tuple[int, int, str]] = []
    for m in _MOJIBAKE.finditer(text):
        if m.group() == "Ã":  # (before a blank: "à", its no-break space made a blank,
            # which the blank after it is when two follow)
            two = text.startswith("  ", m.end())
            spans.append((m.start(), m.end() + two, "à"))
            continue
        raw = bytearray()
        for ch in m.group():
            try:
                raw += ch.encode("cp1252")
            except UnicodeEncodeError:
                raw.append(ord(ch))  # (a C1 control: Latin-1 read the byte as it)
        try:
            spans.append((m.start(), m.end(), raw.decode("utf-8")))
        except UnicodeDecodeError:
            continue
    if not spans:
        return None
    # the words they are in ('Ã\xa0' is 'à', not the end of a word)
    words: list[tuple[int, int]] = []
    for start, end, _ in spans:
        if words and start < words[-1][1]:
            if end <= words[-1][1]:
                continue  # (in the word already walked to its end: one walk a word)
            first = words.pop()[0]
        else:
            first = start
            while first > 0 and not text[first - 1].isspace():
                first -= 1
        last = end
        while last < len(text) and not text[last].isspace():
            last += 1
        words.append((first, last))
    shown, meant = [], []
    for first, last in words[:3]:
        pieces: list[str] = []
        at = first
        for start, end, ch in spans:
            if first <= start < last:
                pieces += (text[at:start], ch)
                at = end
        pieces.append(text[at:last])
        shown.append(text[first:last])
        meant.append("".join(pieces))
    if len(words) > 3:
        shown.append(f"+{len(words) - 3}")
    return Artefact("mojibake", words[0][0], words[-1][1], "\n".join(shown), "\n".join(meant))


def _quoted(word: str) -> str:
    """A word in quotes as it reads, an invisible or control character in it
    written <U+00AD> (not a Python escape)."""
    return "'" + "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in word) + "'"


def read_wrong_words(a: Artefact) -> list[tuple[str, str]]:
    """(as written, as meant) of each word of a ``mojibake`` artefact, quoted
    (the first three), and how many more there are ('', or '+N')."""
    shown = a.found.split("\n")
    more = shown.pop() if shown[-1].startswith("+") else ""
    pairs = [(_quoted(w), _quoted(m)) for w, m in zip(shown, a.detail.split("\n"), strict=False)]
    if more:
        pairs.append(("", more[1:]))
    return pairs


def describe_glyph(a: Artefact) -> str:
    """What a ``glyph`` artefact is, in words: the character and its name (and
    how many of it in a row, for a run of one), or the garbled words."""
    if a.kind == "mojibake":
        pairs = read_wrong_words(a)
        more = pairs.pop()[1] if pairs[-1][0] == "" else ""
        words = ", ".join(w for w, _ in pairs) + (
            tr(" and {count} more", count=more) if more else ""
        )
        meant = ", ".join(m for _, m in pairs)
        return tr(
            "{words}: UTF-8 read as Latin-1 or Windows-1252 (it reads {meant}): the "
            "source's bytes were decoded with the wrong encoding",
            words=words,
            meant=meant,
        )
    if len(a.found) == 1:
        ch = a.found
        # the character's Unicode name is an identifier: shown in English
        # (none for a character of private use, a symbol font's glyph in Word)
        category = unicodedata.category(ch)
        name = unicodedata.name(ch, "") or (
            tr("a character of private use")
            if category == "Co"
            else tr("a noncharacter")
            if category == "Cn"
            # (the controls a Word export leaves, named as an editor knows them)
            else tr("Word's manual line break, Shift+Enter")
            if ch == "\x0b"
            else tr("a page break")
            if ch == "\x0c"
            else tr("a control character")
        )
        code = f"{ord(ch):04X}"
        values = {"glyph": repr(ch), "code": code, "name": name, "word": repr(a.detail)}
        if a.end - a.start > 1:
            return _describe_run(ch, a.end - a.start, values)
        if ch == TATWEEL:
            return tr(
                "tatweel {glyph} (U+{code} {name}) inside {word}: a stretch for justification, "
                "not a letter, it keeps a search from finding the word",
                **values,
            )
        if _BIDI.match(ch):
            return tr(
                "invisible direction control {glyph} (U+{code} {name}) inside {word}: it "
                "reorders the characters a reader sees, so that the text shown is not the "
                "text stored",
                **values,
            )
        if category == "Cf":
            return tr(
                "invisible character {glyph} (U+{code} {name}) inside {word}: left by a word "
                "processor, it keeps a search from finding the word",
                **values,
            )
        if ch in LIGATURES:
            return tr(
                "ligature {glyph} (U+{code} {name}) inside {word}: letters joined by the "
                "conversion, which keep a search from finding the word",
                **values,
            )
        return tr(
            "stray glyph {glyph} (U+{code} {name}) inside {word}",
            glyph=repr(ch),
            code=code,
            name=name,
            word=repr(a.detail),
        )
    if int(a.detail) > 1:
        return tr(
            "{count} words garbled by the conversion ({words})", count=a.detail, words=repr(a.found)
        )
    return tr(
        "{count} word garbled by the conversion ({words})", count=a.detail, words=repr(a.found)
    )


def _describe_run(ch: str, count: int, values: dict[str, str]) -> str:
    """:func:`describe_glyph` of a run of ``count`` of one character."""
    if ch == TATWEEL:
        return tr(
            "{count} tatweels {glyph} (U+{code} {name}) in a row inside {word}: a stretch for "
            "justification, not letters, they keep a search from finding the word",
            count=str(count),
            **values,
        )
    if unicodedata.category(ch) == "Cf":
        return tr(
            "{count} invisible characters {glyph} (U+{code} {name}) in a row inside {word}: "
            "left by a word processor, they keep a search from finding the word",
            count=str(count),
            **values,
        )
    if ch in LIGATURES:
        return tr(
            "{count} ligatures {glyph} (U+{code} {name}) in a row inside {word}: letters "
            "joined by the conversion, which keep a search from finding the word",
            count=str(count),
            **values,
        )
    return tr(
        "{count} stray glyphs {glyph} (U+{code} {name}) in a row inside {word}",
        count=str(count),
        **values,
    )


class Scans:
    """The scans above, each run once per text: the rules of one file share
    one (``conversion-artefact``, ``punctuation`` and the numbering rules
    look for the same leftovers in the same texts). What they return is
    shared too: a tuple, not to be changed.
    """

    def __init__(self) -> None:
        self._trailing: dict[str, Artefact | None] = {}
        self._headings: dict[tuple[str, str], tuple[Artefact, ...]] = {}
        self._labels: dict[str, tuple[Artefact, ...]] = {}
        self._footnotes: dict[str, tuple[Artefact, ...]] = {}
        self._pages: dict[str, tuple[Artefact, ...]] = {}
        self._glyphs: dict[str, tuple[Artefact, ...]] = {}
        self._classes: dict[str, bytes | None] = {}
        # the scans of :meth:`leftovers`, made together, for the file's language
        self._found: dict[str, Leftovers] = {}
        self._language: str | None = None
        self._quick: re.Pattern[bytes] | None = None

    # (each method tries its scan's quick test itself, the common answer, before
    # it calls the scan: one call less per text and scan)

    def trailing(self, text: str) -> Artefact | None:
        found = self._trailing.get(text, _NOT_YET)
        if found is _NOT_YET:
            found = self._trailing[text] = trailing(text)  # (its quick test first)
        return found  # type: ignore[no-any-return]

    def headings(self, text: str, language: str) -> tuple[Artefact, ...]:
        if language == self._language:
            made = self._found.get(text)
            if made is not None:
                return made[0]
        found = self._headings.get((text, language))
        if found is None:
            found = self._headings[text, language] = tuple(headings(text, language))
        return found

    def labels_inside(self, text: str) -> tuple[Artefact, ...]:
        made = self._found.get(text)
        if made is not None:
            return made[1]
        found = self._labels.get(text)
        if found is None:
            last = len(text) - 1
            if text.find(";", 0, last) < 0 and text.find(":", 0, last) < 0:
                found = ()  # labels_inside's quick test
            else:
                found = tuple(labels_inside(text))
            self._labels[text] = found
        return found

    def footnotes(self, text: str) -> tuple[Artefact, ...]:
        made = self._found.get(text)
        if made is not None:
            return made[2]
        found = self._footnotes.get(text)
        if found is None:
            # footnotes' quick test
            found = self._footnotes[text] = tuple(footnotes(text)) if "____" in text else ()
        return found

    def pages(self, text: str) -> tuple[Artefact, ...]:
        made = self._found.get(text)
        if made is not None:
            return made[3]
        found = self._pages.get(text)
        if found is None:
            found = self._pages[text] = tuple(pages(text, self.classes(text)))
        return found

    def classes(self, text: str) -> bytes | None:
        """The text's :func:`ascii_classes` (None for a text not in ASCII),
        made once for the quick tests of every rule."""
        found = self._classes.get(text, _NOT_YET)
        if found is _NOT_YET:
            found = self._classes[text] = ascii_classes(text) if text.isascii() else None
        return found  # type: ignore[no-any-return]

    def glyphs(self, text: str) -> tuple[Artefact, ...]:
        made = self._found.get(text)
        if made is not None:
            return made[4]
        found = self._glyphs.get(text)
        if found is None:
            quick = text.isascii() and text.isprintable()  # glyphs' quick test
            found = self._glyphs[text] = () if quick else tuple(glyphs(text))
        return found

    def leftovers(self, text: str, language: str) -> Leftovers:
        """:meth:`headings`, :meth:`labels_inside`, :meth:`footnotes`,
        :meth:`pages` and :meth:`glyphs` of ``text``, made together (their
        quick tests share what they test): :data:`NOTHING` for a text in
        which none finds anything, most texts. The first language asked is
        the file's; another is answered, not remembered."""
        if self._language is None:
            self._language = language
            self._quick = _heading_quick(language)
        elif language != self._language:
            return _leftovers(text, language, self.classes(text), _heading_quick(language))
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = _leftovers(text, language, self.classes(text), self._quick)
        return found

    def found_in(self, joined: Joined, language: str) -> list[int]:
        """The indices of the texts of ``joined`` in which :meth:`trailing` or
        :meth:`leftovers` (for ``language``, the file's) finds something, in
        order; what each finds is remembered for every text (the other rules
        then find it at once).

        Each scan's quick test is made once over the whole file (in the
        :data:`_JOINED` form); a text is then scanned by the scans whose
        quick test it holds, the others find nothing in it (a text beyond
        ASCII or with a control by the glyphs' scan too). A text no quick
        test holds, most texts, costs nothing more."""
        if self._language is None:
            self._language = language
            self._quick = _heading_quick(language)
        texts = joined.texts
        # the texts with a control or beyond ASCII: the glyphs are looked for
        # in them, and the other quick tests there take a "?" or a control
        # for what it may be
        whole = {*joined.wide, *joined.holding_literal(b"\x01")}
        parts = set(joined.holding_literal(b"PART"))
        annexes = set(joined.holding_literal(b"ANNEX"))
        annexes.update(joined.holding_literal(b"Original"))  # (a declaration's head)
        notes = set(joined.holding_literal(b"____"))
        labels = set(joined.holding(_JOINED_LABEL))
        labels.update(joined.holding(_JOINED_MARKED_LABEL))
        numbered = set(joined.holding(_JOINED_PAGE))
        # (and the texts that end with a digit: a page number left at the end)
        form, starts = joined.form, joined.starts
        numbered.update(
            i
            for i in range(len(texts))
            if starts[i + 1] > starts[i] and form[starts[i + 1] - 1] == 48
        )
        heads: set[int] = set()
        grammar = _heading_pattern(language) is not None
        heading = _heading_joined(language) if grammar else None
        if heading is not None:
            heads.update(joined.holding(heading[0]))
            heads.update(joined.holding(heading[1]))
        elif grammar:
            heads.update(range(len(texts)))  # no quick test: every text
        if whole:
            labels.update(joined.holding_among(_WIDE_LABEL, whole))
            numbered.update(
                i
                for i in whole
                if _MAYBE_PAGE_ANY.search(texts[i]) is not None or texts[i][-1:].isdigit()
            )
            if heading is not None:
                heads.update(joined.holding_among(heading[2], whole))
        maybe = whole | parts | annexes | notes | labels | numbered | heads
        remember = language == self._language
        out = []
        for i in sorted(maybe):
            text = texts[i]
            if not remember:
                if self.trailing(text) is not None or self.leftovers(text, language) is not NOTHING:
                    out.append(i)
                continue
            after = self._trailing.get(text, _NOT_YET)
            if after is _NOT_YET:
                after = self._trailing[text] = (
                    trailing(text) if i in parts or i in annexes else None
                )
            found = self._found.get(text)
            if found is None:
                page = i in parts or i in annexes or i in numbered
                # (the headings of a text another rule asked for first, numbering
                # where a list starts again, are not sought again)
                head = self._headings.get((text, language)) if i in heads else ()
                found = (
                    (tuple(headings(text, language)) if head is None else head),
                    (
                        tuple(_labels_inside(text, ";" in text, ":" in text))
                        if i not in whole
                        else tuple(labels_inside(text))
                    )
                    if i in labels
                    else (),
                    tuple(footnotes(text)) if i in notes else (),
                    tuple(pages(text)) if page else (),
                    tuple(glyphs(text)) if i in whole else (),
                )
                if not any(found):
                    found = NOTHING
                self._found[text] = found
            if after is not None or found is not NOTHING:
                out.append(i)
        if len(maybe) < len(texts):
            mask = bytearray(b"\x01") * len(texts)
            for i in maybe:
                mask[i] = 0
            clean = dict.fromkeys(compress(texts, mask))
            self._trailing.update(clean)
            if remember:
                self._found.update(dict.fromkeys(clean, NOTHING))
        return out


# what Scans.leftovers finds in a text: its headings, labels, footnotes, pages
# and glyphs
Leftovers = tuple[
    tuple[Artefact, ...],
    tuple[Artefact, ...],
    tuple[Artefact, ...],
    tuple[Artefact, ...],
    tuple[Artefact, ...],
]
# what it finds in most texts: nothing
NOTHING: Leftovers = ((), (), (), (), ())


def _leftovers(
    text: str, language: str, classes: bytes | None, quick: re.Pattern[bytes] | None
) -> Leftovers:
    """:meth:`Scans.leftovers`, each scan after its quick test; ``classes``
    are the text's :func:`ascii_classes`, None for a text not in ASCII;
    ``quick`` the language's :func:`_heading_quick`."""
    marks = None if classes is None else text.encode("ascii").translate(_MARKS)
    if marks is not None and quick is not None:
        maybe = quick.search(marks) is not None
    else:
        pattern = _heading_pattern(language)
        maybe = pattern is not None and pattern.search(text) is not None
    heads: tuple[Artefact, ...] = tuple(headings(text, language)) if maybe else ()
    last = len(text) - 1
    if text.find(";", 0, last) < 0 and text.find(":", 0, last) < 0:
        labels: tuple[Artefact, ...] = ()
    else:
        labels = tuple(labels_inside(text))
    notes = tuple(footnotes(text)) if "____" in text else ()
    if marks is not None:
        numbered = _MAYBE_PAGE_MARKS.search(marks) is not None
    else:
        numbered = _MAYBE_PAGE_ANY.search(text) is not None
    part = "PART" in text
    found_pages = (
        tuple(_pages(text, part, numbered)) if numbered or part or text[-1:].isdigit() else ()
    )
    if classes is not None and text.isprintable():
        found_glyphs: tuple[Artefact, ...] = ()
    else:
        found_glyphs = tuple(glyphs(text))
    if heads or labels or notes or found_pages or found_glyphs:
        return heads, labels, notes, found_pages, found_glyphs
    return NOTHING


_NOT_YET: Any = object()


def document_order(path: tuple[str | int, ...]) -> tuple[tuple[int, int], ...]:
    """A sort key of document order for paths into the preamble and operative
    parts: a section's heading before its entries, an entry's text before the
    entries nested in it."""
    rank = {"preamble": 0, "operative": 1, "heading": 0, "text": 1, "items": 2, "clauses": 2}
    return tuple((0, p) if isinstance(p, int) else (1, rank.get(p, 3)) for p in path)
