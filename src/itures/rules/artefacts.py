"""Leftovers of Word or PDF conversion in text.

The leftovers of a PDF conversion are found by :mod:`itures.textscan`, the
code ``itures import`` notes them with: what an import reported, ``check``
finds again in the YAML, in any file. One defect, one finding; the places a
defect also covers are attached to it (``related``):

* text that follows the document (``PART VI - SIGNATORIES``, declarations,
  another document's annex) merged into an entry runs to the end of the
  document: every leftover after it, in that text and in the entries after
  it, goes when it goes, and is attached to it, not reported apart;
* an operative heading merged into an item or a clause brings its clauses
  with it (PP-18 Resolution 136: fourteen clauses inside *convinced* d)):
  the labels after it are attached to it;
* the labels left inside one text (``...; ii) ...; iii) ...``) are one
  finding: the items or clauses run into one;
* each merged footnote, page header or footer, and stray glyph is one
  finding, and so is a run of one glyph (zero-width spaces, tatweels
  stretching an Arabic word, pasted in a row:
  one slip, counted in the message); the garbled words of one text are one
  finding, and so are its words in UTF-8 read as Latin-1 or Windows-1252
  ("VÃ©rification": the message says what they read, "Vérification"; the C1
  controls such a word holds are part of it, not glyphs of their own).

Decision: a number of one or two digits at the start of an unlabelled entry's
text, before a lower-case word ("1 to explore ways"), is a label the
conversion left there, as ``itures import`` takes it; a text that really
starts with a quantity ("10 days after ...") would be reported too: spell the
number out, or suppress the finding.

Where they are looked for: merged headings in preambular items and operative
clauses (in an annex a verb is only a verb), labels and text that follows
the document in every item, clause and annex paragraph, footnotes and page
headers and footers in those and in footnotes, glyphs in every text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from itures import textscan
from itures.fragments import segment
from itures.i18n import listing, replacements, tr
from itures.model.resolution import Footnote
from itures.rules import Context, Finding, Place, rule
from itures.rules import labels as lb
from itures.rules._walk import (
    Entry,
    LabelledList,
    Text,
    all_of,
    blank_joined,
    document_end,
    last_revision,
    leftover_texts,
    letter_cases,
    lists,
    scans,
    short,
    texts,
    writes_word,
)
from itures.rules._walk import joined as joined_texts
from itures.rules.numbering import analyse, expected_left
from itures.textscan import Artefact

if TYPE_CHECKING:
    from itures.model.resolution import Resolution
    from itures.summary import RunIn

Path = tuple[str | int, ...]

_ARTEFACTS = re.compile(
    r"""
    (?P<bookmark>\[bookmark:[^\]]*\])               # Word text export: [bookmark: _Toc123]
    | (?P<fnref>\[footnoteRef:[^\]]*\])             # Word text export: [footnoteRef:1]
    | (?P<glued>(?<![0-9])(?:18|19|20)[0-9]{2}      # a year ...
        (?=[^\W\d_])(?![\u2e80-\u9fff\uf900-\ufaff]))  # ... glued to a word: 2014Buenos Aires
    | (?<![0-9])(?P<struck>(?:18|19|20)[0-9]{2})    # a year glued to a later one:
        (?P<inserted>(?:18|19|20)[0-9]{2})(?![0-9])  # 20102014 (see _two_years)
    """,  # (not to an ideograph or kana: "2018年" is how Chinese writes a year)
    re.VERBOSE,
)

# What a year glued to a word holds (with the bookmark's and the footnote
# reference's opening, the quick test that spares the full pattern on most
# texts: it starts with a lookbehind, tried at every character).
_MAYBE_GLUED = re.compile(r"(?:1[89]|20)[0-9]{2}[^\W\d_]")
# two years run together (_two_years tells whether they are a tracked change)
_MAYBE_YEARS = re.compile(r"(?:1[89]|20)[0-9]{2}(?:1[89]|20)[0-9]{2}")
# the same in the classes of a text in ASCII (textscan.ascii_classes): four
# digits and a letter, found from its literal start
_MAYBE_GLUED_CLASSES = re.compile(rb"0000[Aa]")


def _maybe_word_artefact(text: str, scan: textscan.Scans | None = None) -> bool:
    if "[" in text and ("[bookmark:" in text or "[footnoteRef:" in text):
        return True
    # a year starts 18, 19 or 20: no "1" nor "20", no year (quicker than the pattern)
    if not ("1" in text or "20" in text):
        return False
    if text.isascii():
        classes = textscan.ascii_classes(text) if scan is None else scan.classes(text)
        if (
            classes is not None
            and _MAYBE_GLUED_CLASSES.search(classes) is None
            and _JOINED_YEARS not in classes
        ):
            return False  # no four digits before a letter or eight (quicker than the patterns)
    return _MAYBE_GLUED.search(text) is not None or _MAYBE_YEARS.search(text) is not None


# Two revisions in one parenthesis, a blank between them: the trace of a
# tracked change whose struck and inserted text Word kept apart ("(Dubaï, 2014
# Buenos Aires, 2017)", "(Rév. Guadalajara, 2010 2014)"; glued, "2014Buenos",
# is the pattern above). The struck revision (group "struck", its year
# "old"), then the inserted one (group "inserted", its year "new").
_TWO_REVISIONS = re.compile(
    r"\((?:R[eé]v\.?\s*)?(?P<struck>(?:[^\W\d_][^(),\d]{0,60}?,?[ \u00a0]*)?"
    r"(?<!\d)(?P<old>(?:18|19|20)\d\d))[ \u00a0]+"
    r"(?P<inserted>(?:[^\W\d_][^(),\d]{0,60}?,?[ \u00a0]*)?(?P<new>(?:18|19|20)\d\d))\)"
)
# its quick test in the joined form (a digit is '0'): a year, blanks, then a
# year before ')' with no parenthesis between
_JOINED_TWO_REVISIONS = re.compile(rb"0000 +[^()0]{0,64}0000\)")


def _two_revisions(text: str) -> Iterator[re.Match[str]]:
    """The parentheses of ``text`` holding two revisions apart (see
    :data:`_TWO_REVISIONS`): the later one written second, its place (if
    any) starting with a capital, as a place does ("2010 et 2014" is two
    years said, not a tracked change)."""
    for m in _TWO_REVISIONS.finditer(text):
        inserted = m.group("inserted")
        if int(m.group("old")) >= int(m.group("new")):
            continue
        if not inserted[0].isdigit() and not inserted[0].isupper():
            continue
        yield m


# a Word document's page header or number left in a text (textscan's)
_WORD_PAGE = textscan.WORD_PAGE
# its quick tests in the joined form ('.' is ',', a digit '0', a character
# beyond ASCII '?'), each starting with a literal (a search jumps to it; a
# pattern starting with a class is tried at every character); a page number
# between en dashes ("– 5 –") is looked for in the texts beyond ASCII
# holding one (_word_pages)
_JOINED_WORD_PAGE = (re.compile(rb"-[ ?]?0{1,3}[ ?]?[-?]"), re.compile(rb"R[Ee?][Ss],[ ?]*0"))


# What a Word footnote leaves around a marker once converted: its number
# written again after the marker ("développement[^1]1 et": the number Word
# printed after its reference, "[footnoteRef:1]1"), or its text where Word's
# export puts it, in brackets after the sentence ("[1: 1 Par pays en
# développement, on entend ...]", tab or blank after the second number)
_WORD_NOTE = re.compile(r"\[\^(?P<marker>[\w-]+)\](?P=marker)(?![\w])|" + textscan.WORD_NOTE_TEXT)
# its quick test in the joined form (a digit is '0', ':' is ';'); a marker
# holds no '[': a run of "[^" with no ']' is read once, not from each '['
_JOINED_WORD_NOTE = re.compile(rb"\[\^[^\]\[ ]++\][^ ,;]|\[0{1,3}; *0")


# A word cut at a line break by a PDF's hyphenation, the line break become a
# blank: "capacity- building", "dévelop- pement", "Secretary- General",
# "IMT- 2020", "2020- 2023", "e- waste" (a word before the hyphen: two
# letters or digits, or a small letter alone; not a hyphen left hanging
# before a conjunction or "to": "short- and long-term", "pré- et post-",
# "medium- to long-term"). The blank is group "blank".
_HYPHEN_BLANK = re.compile(
    r"-(?:(?<=[^\W_]{2}-)|(?<=(?<![^\W_])[a-z]-))(?P<blank>[ \u00a0]++)"
    r"(?!(?:and|or|to|nor|et|ou|à|a|y|o|e|u|ni)\b)(?=[^\W_]{2})"
)
# the halves of a word cut at its hyphen: the word before (with the hyphen),
# the word after, without the punctuation around them (a path's or an
# address's: "chairmen/vice- chairmen", ".../promoting-un- accountability")
_FIRST_HALF = re.compile(r"[^\s(\[\"'“‘«/]*$")
_SECOND_HALF = re.compile(r"[^\s,;:.!?)\]\"'”’»/]*")


def _hyphen_halves(text: str, m: re.Match[str]) -> tuple[str, str]:
    """The halves of the word cut at the hyphen a match of
    :data:`_HYPHEN_BLANK` ends with: ('high-', 'level')."""
    start, end = m.start("blank"), m.end("blank")
    first = _FIRST_HALF.search(text, max(0, start - 40), start)
    second = _SECOND_HALF.match(text, end, min(len(text), end + 40))
    return (
        first.group() if first is not None else text[m.start() : start],
        second.group() if second is not None else "",
    )


def _keeps_hyphen(
    first: str, second: str, language: str, written: Callable[[str], bool]
) -> bool | None:
    """Whether the word cut after its hyphen at a PDF's line break (``first``
    with the hyphen, ``second``) keeps the hyphen once joined: True for a
    compound ("high-level", "Secretary-General", "IMT-2020", "e-waste"),
    False for one word that the line break cut in two ("dévelop- pement":
    "développement"), None when that cannot be told. A compound has a capital
    or a digit beside its hyphen, a letter alone before it, or a hyphen of
    its own before ("up-to-date"); else the file tells it where it writes
    the word elsewhere, with its hyphen or without (``written``: whether the
    file's texts hold a word); else English keeps it (the Final Acts in
    English cut a word at a line end only at its hyphen), and the other
    languages cannot tell."""
    stem = first[:-1]
    if not stem or not second:
        return True
    if stem[-1].isdigit() or stem[-1].isupper() or second[0].isdigit() or second[0].isupper():
        return True
    if len(stem) == 1 or "-" in stem:
        return True
    if written(first + second):
        return True
    if written(stem + second):
        return False
    return True if language == "en" else None


# its quick test in the joined form: from the '-' (a literal the search jumps to;
# a digit is '0' there)
_JOINED_HYPHEN_BLANK = re.compile(rb"-(?<=[A-Za-z0?]-)[ ?]+[A-Za-z0?]")


# A compound the file writes with its hyphen ("high-level", "IMT-2020")
# written elsewhere with the hyphen lost or mangled, as a line break of the
# PDF mended by hand leaves it: "Highlevel", "IMT2020" (joined), "IMT 2020"
# (a blank for it: only a name, an acronym or a number beside a capital or a
# digit, "CWG Internet"; "gender equality" is English as well as
# "gender-equality"), "CWG -Internet", "cost - effectiveness" (a blank moved
# or doubled), "above--mentioned" (doubled: reported even where the file
# writes the compound nowhere). Looked for in the file's texts joined, in
# small letters (textscan.Joined's form: a digit is '0', a character beyond
# ASCII '?'): the words before and after each hyphen are found by one search
# of the form and one of it reversed (each match starts with the hyphen, a
# literal the search jumps to), then each compound's joined or blank form by
# a search of the literal.
_AFTER_HYPHEN = re.compile(rb"-([A-Za-z0?]*)(?=(-?))")
# a word's characters in that form
_FORM_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyz0?")
_FORM_WORD_OR_HYPHEN = _FORM_WORD | {ord("-")}


# From this many compounds on, their joined forms are looked for among the
# form's words (split at every character that is not a word's nor a hyphen:
# a word of its own, as _alone says) rather than by one search each.
_MANY_COMPOUNDS = 24
_WORDS_APART = bytes(c if c in _FORM_WORD_OR_HYPHEN else 32 for c in range(256))


def _alone(low: bytes, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` is a word of its own (no word's character
    nor a hyphen beside it)."""
    return (start == 0 or low[start - 1] not in _FORM_WORD_OR_HYPHEN) and (
        end == len(low) or low[end] not in _FORM_WORD_OR_HYPHEN
    )


def _compounds(form: bytes) -> tuple[set[tuple[bytes, bytes]], bool, bool]:
    """The compounds of two words (each of two characters or more, not two
    numbers) that ``form`` (the file's texts joined) writes with their
    hyphen: ('High', 'level'); not a part of a longer compound
    ("up-to-date"). With them, what the same searches tell for nothing more:
    whether a hyphen follows a character that is not a word's (a blank
    before a hyphen, " -", may be in the form) and whether one follows a
    hyphen ("--" is in the form). Not a compound with a letter beyond
    Latin-1 (Cyrillic, Arabic, Chinese), which the form does not keep."""
    after = _AFTER_HYPHEN.findall(form)
    before = _AFTER_HYPHEN.findall(form[::-1])
    before.reverse()
    out: set[tuple[bytes, bytes]] = set()
    spaced = doubled = False
    for (first, more_before), (second, more_after) in set(zip(before, after, strict=True)):
        if not first:
            # (every hyphen starts a match of the form reversed: the word
            # before it is empty after a blank, or after a hyphen, as the
            # lookahead then says)
            if more_before:
                doubled = True
            else:
                spaced = True
            continue
        if more_before or more_after or len(first) < 2 or len(second) < 2:
            continue
        if b"?" in first or b"?" in second:
            # (a letter beyond Latin-1 is '?' in the form, whatever it is: a
            # Cyrillic or Arabic compound cannot be told from other words)
            continue
        if first.strip(b"0") or second.strip(b"0"):  # (not "2020-2023")
            out.add((first[::-1], second))
    return out, spaced, doubled


def _name_like(first: str | bytes, second: str | bytes) -> bool:
    """Whether a compound is a name whose hyphen a blank does not replace: an
    acronym or a number on one side, a capital or a digit starting the other
    ("IMT-2020", "CWG-Internet"; not "gender-equality")."""

    def acronym(word: str | bytes) -> bool:
        # (a number is all '0' in the joined form)
        return word.isdigit() or (len(word) > 1 and word.isupper() and word.isalpha())

    def capital(word: str | bytes) -> bool:
        return word[:1].isupper() or word[:1].isdigit()

    return (acronym(first) and capital(second)) or (acronym(second) and capital(first))


def _word_around(low: bytes, start: int, end: int) -> tuple[int, int]:
    """The word of ``low`` ending at ``start`` (its start) and the one starting
    at ``end`` (its end), as found there."""
    i = start
    while i > 0 and low[i - 1] in _FORM_WORD:
        i -= 1
    j = end
    while j < len(low) and low[j] in _FORM_WORD:
        j += 1
    return i, j


def _hyphen_variants(ctx: Context, joined: textscan.Joined) -> Iterator[Finding]:
    """The compounds the file writes with their hyphen, written elsewhere in
    it with the hyphen lost, doubled or a blank beside it (see
    :data:`_AFTER_HYPHEN`); and a doubled hyphen inside any word."""
    form = joined.form
    if b"-" not in form:
        return
    written_so, spaced, doubled = _compounds(form)
    if not written_so and not doubled:
        return
    low = form.lower()
    compounds = {(f.lower(), s.lower()) for f, s in written_so}
    all_texts = texts(ctx)
    starts = joined.starts
    stop = document_end(ctx)
    found: list[tuple[int, int, int]] = []  # (start, end, where the hyphen goes)
    joined_up = compounds
    if len(compounds) > _MANY_COMPOUNDS:
        # (one search of the form per compound costs more than its words once)
        present = {f + s for f, s in compounds}.intersection(low.translate(_WORDS_APART).split())
        joined_up = {(f, s) for f, s in compounds if f + s in present}
    for first, second in joined_up:
        whole = first + second
        at = low.find(whole)
        while at >= 0:
            end = at + len(whole)
            if _alone(low, at, end):
                found.append((at, end, at + len(first)))
            at = low.find(whole, end)
    if spaced and b" -" in low:
        # "CWG -Internet", "cost - effectiveness"
        at = low.find(b" -")
        while at >= 0:
            after = at + 2 + (low[at + 2 : at + 3] == b" ")
            begin, end = _word_around(low, at, after)
            words = (low[begin:at], low[after:end])
            if words in compounds or (
                # "sub -indices": never a hyphen's nor a dash's spacing
                after == at + 2 and begin < at and end > after and low[after] != 48
            ):
                found.append((begin, end, at))
            at = low.find(b" -", at + 2)
    blank = {(f.lower(), s.lower()) for f, s in written_so if _name_like(f, s)}
    if blank:
        # "IMT 2020", "CWG Internet": a name's (judged in the text below)
        for first, second in blank:
            pair = first + b" " + second
            at = low.find(pair)
            while at >= 0:
                end = at + len(pair)
                if _alone(low, at, end):
                    found.append((at, end, at + len(first)))
                at = low.find(pair, end)
    if doubled:
        at = low.find(b"--")
        while at >= 0:
            begin, end = _word_around(low, at, at + 2)
            if begin < at and end > at + 2:
                found.append((begin, end, at))
            at = low.find(b"--", end)
    for start, end, hyphen in sorted(set(found)):
        i = bisect_right(starts, start) - 1
        if end > starts[i + 1]:
            continue  # (across two texts joined)
        t = all_texts[i]
        begin, finish, cut = start - starts[i], end - starts[i], hyphen - starts[i]
        if stop is not None and stop.covers(t.path, begin):
            continue
        written = t.text[begin:finish]
        head, tail = written[: cut - begin].rstrip(" -"), written[cut - begin :].lstrip(" -")
        compound = f"{head}-{tail}"
        unproved = False  # (a blank before a hyphen the file's compounds do not explain)
        if "--" in written:
            message = tr("a doubled hyphen in {found}", found=repr(written))
        elif (
            " " in written
            and "-" in written
            and (
                textscan.form_of(head).lower(),
                textscan.form_of(tail).lower(),
            )
            not in compounds
        ):
            message = tr(
                "a blank before the hyphen of {found} and none after it: a compound's hyphen "
                "(or a dash, between blanks)",
                found=repr(written),
            )
            unproved = True
        elif " " in written and "-" in written:
            message = tr(
                "a blank beside the hyphen of {compound}, a compound the file writes with its "
                "hyphen elsewhere: {found}",
                compound=repr(compound),
                found=repr(written),
            )
        else:
            if " " in written and not _name_like(head, tail):
                continue  # ("gender equality": English writes both)
            message = tr(
                "{found}, where the file writes the compound {compound} with its hyphen "
                "elsewhere: the hyphen lost (a line break of the PDF mended without it?)",
                found=repr(written),
                compound=repr(compound),
            )
        yield Finding(
            t.path,
            message,
            offset=begin,
            length=finish - begin,
            severity="warning" if "-" not in written else None,
            help=tr(
                "write {compound} if the hyphen joins a compound, or a blank after it if it is "
                "a dash",
                compound=repr(compound),
            )
            if unproved
            else tr("write {meant}", meant=repr(compound)),
        )


def _word_pages(joined: textscan.Joined) -> list[int]:
    """The texts of ``joined`` that may hold a Word page number or header
    (:data:`_WORD_PAGE`), in order."""
    held = {i for quick in _JOINED_WORD_PAGE for i in joined.holding(quick)}
    held.update(i for i in joined.wide if "\u2013" in joined.texts[i])
    return sorted(held)


# What a Word artefact needs in a file's texts joined (textscan.Joined, whose
# form has ";" for ":" and "0" for a digit): the bookmark's or the footnote
# reference's opening, or four digits before a letter (a glued year)
_JOINED_WORD = re.compile(rb"\[(?:bookmark|footnoteRef);")
_JOINED_GLUED = re.compile(rb"0000[A-Za-z]")
# the same before a character beyond ASCII (a "?" there), in a text beyond ASCII
_JOINED_GLUED_WIDE = re.compile(rb"0000\?")
# two years run together: eight digits (a digit is "0" in that form)
_JOINED_YEARS = b"00000000"


def _two_years(m: re.Match[str]) -> tuple[str, str] | None:
    """The two years of a match of eight digits (:data:`_ARTEFACTS`'s
    ``struck`` and ``inserted``) when they read as a tracked change of a
    year, "20102014": the second later than the first, by fewer than 50
    years (a revision's year follows the one it replaces). Not a number of
    eight digits that only looks like two years ("20101990", "18002000")."""
    struck, inserted = m.group("struck"), m.group("inserted")
    if 0 < int(inserted) - int(struck) < 50:
        return struck, inserted
    return None


def _year_of_a_revision(text: str, m: re.Match[str]) -> bool:
    """Whether eight digits (:data:`_ARTEFACTS`'s ``struck`` and
    ``inserted``) stand where a revision writes its year: after the place and
    a comma, before the parenthesis that closes it ("(Buenos Aires,
    20172014)"). There no number of eight digits is meant, whatever the order
    of the two years."""
    before = text[max(0, m.start() - 2) : m.start()]
    return (
        before[-1:] in (" ", "\u00a0") and before[:1] == "," and text[m.end() : m.end() + 1] == ")"
    )


def _word_artefacts(joined: textscan.Joined) -> list[int]:
    """The indices of the texts of ``joined`` that :data:`_ARTEFACTS` may find
    something in (:func:`_maybe_word_artefact`), in order: by one search of
    the joined texts for each quick test (the form keeps the ASCII of a text
    beyond it), and, for a year before a character beyond ASCII, by a search
    of each text beyond ASCII, then its own quick test (a year before a dash,
    "2014–2018", is more common than a glued one)."""
    maybe = {*joined.holding(_JOINED_WORD), *joined.holding(_JOINED_GLUED)}
    if _JOINED_YEARS in joined.form:
        maybe.update(joined.holding_literal(_JOINED_YEARS))
    if joined.wide:
        texts = joined.texts
        maybe.update(
            i
            for i in joined.holding_among(_JOINED_GLUED_WIDE, set(joined.wide))
            if _maybe_word_artefact(texts[i])
        )
    return sorted(maybe)


# A Word field's code left as text, as Word shows it with the field codes
# on ("{ REF _Ref123 \h }", "{ PAGEREF _Toc1 \h }", "{ HYPERLINK "…" }"):
# a brace, the field's name in capitals, its arguments, a brace
_FIELD = re.compile(
    r"\{ ?(?:REF|PAGEREF|NOTEREF|HYPERLINK|SEQ|TOC|STYLEREF|DOCPROPERTY|MERGEFIELD|PAGE"
    r"|NUMPAGES|DATE|TIME|FORMTEXT|FORMCHECKBOX|INCLUDEPICTURE|INCLUDETEXT|LINK|EMBED|QUOTE"
    r"|SYMBOL|LISTNUM|AUTONUM|XE|TC|FILENAME|CITATION|ADDIN)\b[^{}\n]{0,300}\}"
)
# the same in a file's texts joined: a brace, perhaps a blank, a capital
_JOINED_FIELD = re.compile(rb"\{ ?[A-Z]{2}")
# A field's code left without its braces, the field's result after it (a
# conversion that drops Word's field marks and keeps both: 'HYPERLINK
# "http://…" the Union', 'PAGEREF _Toc401906796 \h 3'): a code of a name
# and the argument only such a field has (a quoted address, a bookmark's name)
_BARE_FIELD = re.compile(
    r'\bHYPERLINK(?: \\[a-z])* "[^"\n]{1,300}"(?: \\[a-z](?: "[^"\n]{0,300}")?)*'
    r"|\b(?:PAGEREF|NOTEREF|REF) _(?:Toc|Ref)[0-9]+(?: \\[a-z])*"
)
# the same in a file's texts joined (digits are "0" there)
_JOINED_BARE_FIELD = re.compile(rb'HYPERLINK (?:\\[a-z] )*"|REF _(?:Toc|Ref)0')
# a run of tabs inside a text (Word's separator: a blank where the published
# text has one)
_TABS = re.compile("\t+")


# A character reference of HTML or XML left as text ("d&apos;intérêt",
# "&#8217;", "&amp;amp;"): a text escaped twice by a conversion, or copied
# from a page's source. A named one counts when HTML knows the name (two
# letters or more): "R&D;" is not one.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# the same in a file's texts joined (digits are "0" there)
_JOINED_REFERENCE = re.compile(rb"&(?:#[0xX]|[A-Za-z][A-Za-z0]+;)")


# An HTML tag left as text ("<br>", "<b>normes</b>", "<o:p></o:p>", "<span
# lang=FR>"): copied from a page's source, or from a Word file saved as a web
# page. Only the tags of text and layout, which a resolution's words never
# write between angle brackets.
_TAG = re.compile(
    r"</?(?:b|i|u|s|em|strong|br|p|span|div|sup|sub|a|font|li|ul|ol|table|tbody|thead|tr|td"
    r"|th|h[1-6]|o:p|hr|img|blockquote|small|big|center|strike|del|ins|u1:p|st1:[a-z]+)"
    r"(?:\s[^<>\n]{0,200})?/?>",
    re.IGNORECASE,
)
# (the quick test, in a file's texts joined: a tag's start)
_JOINED_TAG = re.compile(rb"</?[A-Za-z][A-Za-z0:]*[ />]")
# Markdown's strong emphasis left by a conversion through Markdown
# ("**normes**", as a conversion writes it: asterisks a reader sees; not
# "__", which the rules of a block of footnotes write too, "____")
_STRONG = re.compile(r"\*\*(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*\*")


# what it needs there: a capital (the literal a search starts from, each tried
# in the C library), three small letters before it, one after
_JOINED_GLUED_WORD = re.compile(rb"A(?<=aaaA)a")
# Two words run together, the second with its capital: three small letters at
# least, a capital, a small letter at least ("particulierSur",
# "particularOn", "développementDans"), in Latin letters
_GLUED_WORD = re.compile(
    r"(?<![^\W\d_])[^\W\d_]*?[a-zß-öø-ÿ]{3}(?P<second>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)"
    r"(?![^\W\d_])"
)
# the names written so on purpose (a capital inside the word after three small
# letters), and Word's "[footnoteRef:1]" (a finding of its own)
_CAMEL_CASE = frozenset(
    ("PowerPoint", "SharePoint", "WhatsApp", "JavaScript", "LinkedIn", "footnoteRef")
)


def _typed_capital(word: str, writes: Callable[[str], bool]) -> bool:
    """Whether ``word``, with a capital inside it, is a word the file writes
    otherwise (``writes``: :func:`itures.rules._walk.writes_word`), all
    small or with its first capital alone ("talleRes" where it writes
    "talleres"), or a word of the names of ITU's vocabulary
    ("plénipotentiAires", in a file that writes it nowhere else): a capital
    typed inside it, not two words run together (two words run together
    make no such word)."""
    return (
        writes(word.lower()) or writes(word[0] + word[1:].lower()) or word.lower() in _name_words()
    )


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """The words of five letters or more of the names of ITU's vocabulary
    (its actors) in the three languages of Latin letters, small."""
    from itures.model.vocabulary import vocabulary

    return frozenset(
        w.lower()
        for actor in vocabulary().actors
        for language in ("en", "fr", "es")
        for name in getattr(actor.names, language)
        for w in name.replace("-", " ").split()
        if len(w) >= 5
    )


def named_with_capitals(word: str) -> bool:
    """Whether ``word`` is a name written with a capital inside it on purpose
    ("PowerPoint", Word's "footnoteRef"): :data:`_CAMEL_CASE`."""
    return word in _CAMEL_CASE


def run_together(word: str, writes: Callable[[str], bool]) -> bool:
    """Whether ``word``, a capital inside it, is two words run together as
    :func:`_glued_words` tells them ("particulierSur"): three small letters
    at least, a capital, small letters, no name of :data:`_CAMEL_CASE`, and
    no word the file writes otherwise (``writes``; "talleRes" for "talleres"
    is a capital typed inside a word, punctuation's). One answer for the two
    rules, so that a word is told by one of them."""
    return (
        not named_with_capitals(word)
        and _GLUED_WORD.fullmatch(word) is not None
        and not _typed_capital(word, writes)
    )


def _glued_words(ctx: Context, all_texts: list[Text], joined: textscan.Joined) -> Iterator[Finding]:
    """Two words run together, the second with its capital ("en
    particulierSur les activités"): a blank lost, or the trace of a tracked
    change (a word struck, the next inserted, as "2014Buenos Aires" is for a
    year). A warning at the word, with both words. Not a name written so
    ("PowerPoint", "YouTube", "IoT", "MoUs", "ccTLD": fewer than three small
    letters before the capital, or a name of :data:`_CAMEL_CASE`), nor a
    web address's or a path's words ("…/SectorMembersPortal"; a citation's
    words end at its target, "plénipotentiAires](pp:123@2010)"), nor a word
    the file writes otherwise, small ("talleRes" where it writes
    "talleres"), or a word in small letters neither of whose parts the file
    writes ("plénipotentiAires"): a capital typed inside it, punctuation's. The quick
    test looks for a capital of ASCII: one beyond it ("…États") is not
    looked for."""
    cases = letter_cases(ctx)
    search = _JOINED_GLUED_WORD.search
    starts = joined.starts
    hit = search(cases)
    while hit is not None:
        at = hit.start()
        i = bisect_right(starts, at) - 1
        if at - 3 < starts[i]:
            # (a text's capital after the letters of the text before: the texts
            # are joined with nothing between them)
            hit = search(cases, at + 1)
            continue
        t = all_texts[i]
        for m in _GLUED_WORD.finditer(t.text):
            word = m.group()
            if not run_together(word, writes_word(ctx)):
                continue  # (a name, or "talleRes" where the file writes "talleres")
            # (the blank-delimited run it is in: a web address's, a path's)
            left = max(t.text.rfind(" ", 0, m.start()), t.text.rfind("\n", 0, m.start())) + 1
            ends = [e for e in (t.text.find(" ", m.end()), t.text.find("\n", m.end())) if e >= 0]
            run = t.text[left : min(ends) if ends else len(t.text)]
            # (a citation's words end at its target: "plénipotentiAires](pp:123@2010)")
            target = run.find("](", m.end() - left)
            if target >= 0:
                run = run[:target]
            if "/" in run or "@" in run or "www." in run:
                continue
            second = m.group("second")
            first = word[: m.start("second") - m.start()]
            yield Finding(
                t.path,
                tr(
                    "two words run together, the second with its capital: {word}, a blank "
                    "lost or the trace of a tracked change ({first} struck, {second} inserted)",
                    word=repr(word),
                    first=repr(first),
                    second=repr(second),
                ),
                offset=m.start(),
                length=len(word),
                severity="warning",
                help=tr(
                    "keep the words of the revised text: write a blank between {first} and "
                    "{second}, or delete the one the revision struck",
                    first=repr(first),
                    second=repr(second),
                ),
            )
        hit = search(cases, starts[i + 1])


def _tags(ctx: Context, all_texts: list[Text], joined: textscan.Joined) -> Iterator[Finding]:
    """HTML tags and Markdown's strong emphasis left in a text: one finding a
    text, naming each, spanning the first to the last. Not the superscript
    that calls a footnote the file marks nowhere ("développement<sup>1</sup>"):
    ``footnote-unused`` tells it as the footnote's marker, written so."""
    from itures.rules.footnotes import SUPERSCRIPT_TAG

    form = joined.form
    tagged = set(joined.holding(_JOINED_TAG)) if b"<" in form else set()
    # (one byte first: a search for one is the C library's, for two a loop)
    strong = set(joined.holding_literal(b"**")) if b"*" in form else set()
    unmarked = (
        {
            n.id
            for n in ctx.resolution.footnotes
            if not any(f"[^{n.id}]" in other.text for other in all_texts)
        }
        if tagged and (ctx.config is None or ctx.config.enabled("footnote-unused"))
        else set()
    )
    for i in sorted(tagged | strong):
        t = all_texts[i]
        text = t.text
        tags = list(_TAG.finditer(text)) if i in tagged else []
        calls = list(SUPERSCRIPT_TAG.finditer(text))
        left = [m.span() for m in calls if m.group(1) in unmarked]
        tags = [m for m in tags if not any(a <= m.start() < b for a, b in left)]
        if tags:
            shown = list(dict.fromkeys(repr(m.group()) for m in tags))
            pairs = [
                (repr(m.group()), repr(f"[^{m.group(1)}]")) for m in calls if m.span() not in left
            ]
            called = [m for m in tags if any(c.start() <= m.start() < c.end() for c in calls)]
            yield Finding(
                t.path,
                tr(
                    "HTML tag {tags} left in the text (copied from a web page's source, or a "
                    "Word file saved as a web page): a reader sees the tag, not what it did",
                    tags=shown[0],
                )
                if len(shown) == 1
                else tr(
                    "HTML tags {tags} left in the text (copied from a web page's source, or a "
                    "Word file saved as a web page): a reader sees the tags, not what they did",
                    tags=listing(shown),
                ),
                offset=tags[0].start(),
                length=tags[-1].end() - tags[0].start(),
                help=(
                    tr("write {pairs}", pairs=replacements(pairs))
                    if len(called) == len(tags)
                    else tr(
                        "write {pairs}, and delete the other tags",
                        pairs=replacements(pairs),
                    )
                )
                if pairs
                else tr("delete the tag")
                if len(tags) == 1
                else tr("delete the tags; the words between them stay"),
            )
            continue
        marked = list(_STRONG.finditer(text)) if i in strong else []
        if marked:
            found = [(repr(m.group()), repr(m.group(1))) for m in marked]
            yield Finding(
                t.path,
                tr(
                    "Markdown's emphasis {found} left in the text by a conversion: a reader "
                    "sees the marks",
                    found=listing([w for w, _ in found]),
                ),
                offset=marked[0].start(),
                length=marked[-1].end() - marked[0].start(),
                help=tr("write {pairs}", pairs=replacements(found)),
            )


def _references(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """The character references in ``text`` and the character each stands for."""
    import html.entities

    for m in _REFERENCE.finditer(text):
        ref = m.group(0)
        if ref[1] == "#":
            digits = ref[2:-1]
            code = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
            if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                yield m, chr(code)
        elif (char := html.entities.html5.get(ref[1:])) is not None:
            yield m, char


def _shown(char: str) -> str:
    """A character as a message names it: quoted, or by its code and name
    when it cannot be seen (a no-break space)."""
    import unicodedata

    if len(char) == 1 and (char.isspace() or not char.isprintable()):
        return f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()
    return repr(char)


# What a PDF leftover needs (a quick test): a rule, an end mark before a
# label or a heading, capitals, a digit, a character beyond Latin-1, a soft
# hyphen or a C1 control (invisible glyphs of Latin-1), or UTF-8 read as
# Latin-1 ("VÃ©rification").
_MAYBE_PDF = re.compile(
    r"____|[;:,.]\s|[A-Z]{4}|\d|[^\x00-\x7f\xa0-\xac\xae-ÿ]|" + textscan.MAYBE_MOJIBAKE.pattern
)


def _maybe_pdf(text: str, scan: textscan.Scans | None = None) -> bool:
    """:data:`_MAYBE_PDF` found in ``text``; in a text in ASCII, found in its
    classes (textscan.ascii_classes) by quick searches of literals: a digit, an
    end mark before a blank, four capitals (nothing is beyond Latin-1)."""
    if ", " in text or "; " in text:
        return True
    if not text.isprintable() and _CONTROL.search(text):
        return True  # (a control a word processor left: a glyph to report)
    if text.isascii():
        classes = textscan.ascii_classes(text) if scan is None else scan.classes(text)
        if classes is not None:
            return b"0" in classes or b", " in classes or b"AAAA" in classes or "____" in text
    return _MAYBE_PDF.search(text) is not None


# a C0 control but a tab and a line end (Word's manual line break, U+000B;
# its page break, U+000C): never a text's, a glyph (textscan._NEVER)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_ENTRY_TEXT = ("preamble", "operative", "annexes")


@dataclass
class _Defect:
    """One finding to be: where, what, and the places it also covers."""

    path: Path
    artefact: Artefact
    message: str
    help: str
    related: list[Place]
    length: int | None = None  # of the span shown, if not the artefact's


def _page_help(found: str, text: str, path: Path) -> str:
    """How to mend a page header or footer ``found`` in ``text``: delete it,
    or the entry it is the whole text of (a page's line the conversion made
    an entry of: :func:`page_only_entries`)."""
    if path[-1] == "text" and text.strip() == found and path[0] != "annexes":
        return tr("delete {where}: the page header or footer is all its text", where=_where(path))
    return tr("delete {found}", found=repr(found))


def page_only_entries(ctx: Context, found: Iterable[Finding]) -> set[Path]:
    """The entries (paths of items or clauses) whose whole text is a page
    header or footer, among the places of conversion-artefact's ``found``:
    the rest of what is found there (no label, no end mark) is that one
    defect, which deleting the entry mends."""
    at = {f.path for f in found if f.offset == 0 and f.path[-1] == "text"}
    if not at:
        return set()
    return {
        t.path[:-1]
        for t in texts(ctx)
        if t.path in at and t.path[0] != "annexes" and textscan.page_line(t.text)
    }


def read_wrong_spans(ctx: Context, found: Iterable[Finding]) -> dict[Path, list[tuple[int, int]]]:
    """Where the texts of conversion-artefact's ``found`` hold words in UTF-8
    read as Latin-1 (:func:`textscan.glyphs`' ``mojibake``): text path ->
    (start, end). What another rule finds there ('two blanks after Ã', a
    '”' with no partner) is that one defect's."""
    at = {f.path for f in found}
    if not at:
        return {}
    scan = scans(ctx)
    out: dict[Path, list[tuple[int, int]]] = {}
    for t in texts(ctx):
        if t.path in at:
            for a in scan.glyphs(t.text):
                if a.kind == "mojibake":
                    out.setdefault(t.path, []).append((a.start, a.end))
    return out


def _where(path: Path) -> str:
    """'this item', 'this clause', 'this paragraph' or 'this text', in the
    editor's language (one message per noun: its gender differs)."""
    part = str(path[0])
    if path[-1] == "text":
        if part == "preamble":
            return tr("this item")
        if part == "operative":
            return tr("this clause")
        if part == "annexes":
            return tr("this paragraph")
    return tr("this text")


def _nouns(part: str) -> str:
    """The entries of a part, plural, in the editor's language."""
    if part == "preamble":
        return tr("items")
    if part == "operative":
        return tr("clauses")
    return tr("paragraphs")


def _related(path: Path, a: Artefact, what: str) -> Place:
    return Place(path, what, offset=a.start, length=a.end - a.start)


# glyphs that look like an apostrophe: modifier letters, a prime
_APOSTROPHE_LIKE = frozenset("\u02bc\u02b9\u02bb\u02bd\u2032")


def _glyph_help(a: Artefact) -> str:
    if a.kind == "mojibake":
        pairs = [(w, m) for w, m in textscan.read_wrong_words(a) if w]
        return tr(
            "write {pairs}; if more of the file reads so, import the source again, its "
            "encoding declared as it is (UTF-8)",
            pairs=replacements(pairs),
        )
    if len(a.found) == 1:
        import unicodedata

        letters = unicodedata.normalize("NFKC", a.found)
        count = a.end - a.start  # (a run of one glyph: one finding)
        if count > 1:
            return _run_help(a.found, count, letters)
        if a.found == textscan.TATWEEL:
            # a stretch for justification inside an Arabic word ("تعـزيز")
            return tr("delete the tatweel {glyph}", glyph=repr(a.found))
        if letters != a.found and letters.isascii() and letters.isalpha():
            # a ligature: the letters it joins
            return tr("replace {glyph} with {letters}", glyph=repr(a.found), letters=repr(letters))
        if unicodedata.category(a.found) == "Cf":
            # an invisible character (soft hyphen, zero-width space, ...)
            return tr("delete the invisible {glyph}", glyph=repr(a.found))
        if unicodedata.category(a.found) == "Cc" and a.found in a.detail.strip(a.found):
            # a control between two words (Word's manual line break, U+000B):
            # the blank it stood for
            return tr("write a blank in place of {glyph}", glyph=repr(a.found))
        if unicodedata.category(a.found) == "Cc":
            return tr("delete {glyph}", glyph=repr(a.found))
        if a.found in _APOSTROPHE_LIKE:
            # a modifier letter or a prime that looks like an apostrophe ("lʼUIT")
            return tr(
                "replace {glyph} with an apostrophe (' or ’, as the rest of the file writes them)",
                glyph=repr(a.found),
            )
        return tr(
            "replace {glyph} with the character the published text has there "
            "(often a hyphen or a space), or delete it",
            glyph=repr(a.found),
        )
    return tr("retype these words from the published text, or delete them")


def _run_help(glyph: str, count: int, letters: str) -> str:
    """:func:`_glyph_help` of ``count`` of ``glyph`` in a row."""
    import unicodedata

    if letters != glyph and letters.isascii() and letters.isalpha():
        return tr("replace each {glyph} with {letters}", glyph=repr(glyph), letters=repr(letters))
    if glyph == textscan.TATWEEL:
        return tr(
            "delete the {count} tatweels {glyph} in a row", count=str(count), glyph=repr(glyph)
        )
    if unicodedata.category(glyph) == "Cf":
        return tr(
            "delete the {count} invisible {glyph} in a row", count=str(count), glyph=repr(glyph)
        )
    return tr(
        "replace the {count} {glyph} in a row with the characters the published text has "
        "there, or delete them",
        count=str(count),
        glyph=repr(glyph),
    )


def _tabs(t: Text) -> Iterator[Finding]:
    """The tabs inside a text: Word's separator, a blank in the published
    text (one finding a run). A tab after a label left at the start of the
    text is that label's (see :func:`_label_finding`), and one at its start
    or end goes with the blanks there."""
    text = t.text
    for m in _TABS.finditer(text):
        before, after = text[: m.start()].strip(), text[m.end() :].strip()
        if not before or not after:
            continue
        label = textscan.label_start(text.lstrip())
        if label is not None and before == label.found.strip():
            continue
        shown = repr(m.group(0))
        yield Finding(
            t.path,
            tr(
                "a tab inside the text, between {before} and {after}: a separator Word left",
                before=repr(before.split()[-1][-20:]),
                after=repr(after.split()[0][:20]),
            ),
            offset=m.start(),
            length=len(m.group(0)),
            help=tr("write a blank in place of {tab}", tab=shown),
        )


# the bullets a word processor's list leaves as text: the bullet, Word's
# Symbol-font bullet (U+F0B7), a small square, a white bullet
_BULLETS = re.compile("[\u2022\uf0b7\u25aa\u25e6]")
# a dash a conversion left for a bullet ("including: - all ITU Telecom
# activities; - the reasons ..."): a hyphen, an en dash or a minus sign
# between blanks, at the text's start or after ':', ';' (and a conjunction:
# "...; and - to continue"; group "mark") or a full stop (group "stop"),
# before a word, a quotation mark or a bracket. Not
# a dash between two words or numbers ("2020 - 2023", "ITU - D", a
# parenthetic " – " in a sentence).
_DASH_BULLET = re.compile(
    # (not a page number between dashes, "- 4 -": page-number's)
    r"[-\u2013\u2212](?![ \u00a0]+\d+[ \u00a0]*[-\u2013\u2212])(?=[ \u00a0]+(?:[^\W_]|[\"'“‘(\[]))"
)
# the blanks before a bullet's dash, and the conjunctions after a ':' or ';'
# before one (and their last letters: the quick test)
_DASH_BLANKS = " \u00a0"
_DASH_CONJUNCTIONS = frozenset(("and", "or", "et", "ou", "y", "o"))
_CONJUNCTION_ENDS = frozenset("drtuyo")


def _after_mark(text: str, end: int, dash: int) -> bool:
    """Whether the word of ``text`` ending at ``end`` is one of
    :data:`_DASH_CONJUNCTIONS` after blanks after ':' or ';', the ':' at most
    12 characters before ``dash``."""
    start = end - 1
    while start and text[start - 1].isalpha():
        start -= 1
    if text[start:end] not in _DASH_CONJUNCTIONS:
        return False
    i = start
    while i and text[i - 1] in _DASH_BLANKS:
        i -= 1
    return i != start and i >= 1 and text[i - 1] in ":;" and i - 1 >= dash - 12


# a YAML key after a dash: an entry of the file indented into the text above
# it ("to act; - label: '2' text: ..."), text-break's defect, not a bullet
_YAML_KEY = re.compile(r"[a-z_]+:(?:\s|$)")
# what a text needs to hold one, in the joined form (textscan.Joined): a dash
# (beyond ASCII: the text is tested on its own) and a blank
_JOINED_DASH = b"- "


def _dash_bullets(text: str) -> list[tuple[int, str]]:
    """(offset, dash) of the dashes of :data:`_DASH_BULLET` in ``text`` that
    are bullets: at its start or after ':' or ';'; after a full stop only in
    a text that holds one of those ("... are: - Adherence to ITU values: ...
    decision-making. - Following ...": a point written as sentences). Not a
    dash before a YAML key (:data:`_YAML_KEY`)."""
    if "- " not in text and "\u2013 " not in text and "\u2212 " not in text:
        return []  # (a dash before a blank: "2020–2023" is none)
    found = []
    sure = False
    for m in _DASH_BULLET.finditer(text):
        at = m.start()
        # what comes before the dash: blanks after ':' or ';' (and a
        # conjunction: "...; and - to continue"), after a full stop, or blanks
        # alone at the text's start; else it is a dash between words ("2020 -
        # 2023", "ITU - D"), most of them, told by the character before it
        j = at
        while j and text[j - 1] in _DASH_BLANKS:
            j -= 1
        if not j:
            mark = False  # (at the start)
        else:
            last = text[j - 1]
            if last in ":;" and j > at - 12:
                mark = True
            elif last == "." and j > at - 12:
                mark = False
            elif last in _CONJUNCTION_ENDS and _after_mark(text, j, at):
                mark = True
            else:
                continue
        if _YAML_KEY.match(text, text.find(" ", at) + 1):
            continue
        if mark or not j:
            sure = True
        found.append((at, m.group()))
    return found if sure else []


def _bullets(t: Text) -> Finding | None:
    """The bullets inside an entry's text ("... as follows: • e-government •
    e-business • e-health;", "including: - all ITU Telecom activities; - the
    reasons ..."): a bulleted list the conversion ran into one text, one
    finding for the text, the other bullets attached."""
    found = (
        [(m.start(), m.group()) for m in _BULLETS.finditer(t.text)] if not t.text.isascii() else []
    )
    found += _dash_bullets(t.text)
    if not found:
        return None
    found.sort()
    count = len(found)
    where = _where(t.path)
    shown = all_of(list(dict.fromkeys(repr(b) for _, b in found)))
    return Finding(
        t.path,
        tr(
            "a bulleted list of {count} points run into the text of {where} by the "
            "conversion: {bullet} before each",
            count=count,
            where=where,
            bullet=shown,
        )
        if count > 1
        else tr(
            "a bullet {bullet} inside the text of {where}: a point of a bulleted list run into "
            "it by the conversion",
            bullet=shown,
            where=where,
        ),
        offset=found[0][0],
        length=1,
        help=tr(
            "split the text at each bullet: the words before the first stay the text, each "
            "point becomes an entry of its own nested under it, without the bullet"
        )
        if t.text[: found[0][0]].strip()
        else tr(
            "delete the bullet at the start of the text: it is a point of a list (the "
            "entries around it are the others); split it at any other bullet into points of "
            "their own"
        ),
        related=tuple(
            Place(t.path, tr("bullet {n}", n=n + 2), offset=at, length=1)
            for n, (at, _) in enumerate(found[1:])
        ),
    )


# The small words a title's last word is not (the words before a name: "the
# ITU", "of Member States"), in each language of Latin letters
_TITLE_GLUE = frozenset(
    {
        *("a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on"),
        *("or", "the", "to", "with"),
        *("à", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les"),
        *("ou", "par", "pour", "sur", "un", "une"),
        *("al", "con", "del", "e", "el", "las", "lo", "los", "o", "para", "por", "u"),
        *("una", "y"),
    }
)
# a word of a title, and what starts the paragraph after it: a small word
# that starts a sentence, in a capital (_SENTENCE_STARTS), a label or a bullet
_RUN_IN_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_AFTER_TITLE = re.compile(r"(?:[^\W\d_][\w'’]*|\d{1,2}\)|[a-z]\)|[ivx]{1,4}\)|[-–•])(?=\s)")
_SENTENCE_STARTS = {
    "en": frozenset(
        {
            *("The", "This", "These", "Those", "A", "An", "In", "It", "Its", "As", "For"),
            *("Each", "All", "Any", "Such", "When", "Where", "Since", "With", "Under"),
            *("Following", "Taking", "Having", "Given", "There"),
        }
    ),
    "fr": frozenset(
        {
            *("Le", "La", "Les", "L'", "L’", "Un", "Une", "Des", "Ce", "Cet", "Cette", "Ces"),
            *("Dans", "En", "Il", "Elle", "Ils", "Elles", "Pour", "Par", "Sur", "Au", "Aux"),
            *("Lors", "Afin", "Chaque", "Tous", "Toutes"),
        }
    ),
    "es": frozenset(
        {
            *("El", "La", "Los", "Las", "Un", "Una", "Este", "Esta", "Estos", "Estas", "En"),
            *("Para", "Por", "Con", "Al", "Cada", "Todo", "Todos", "Todas"),
        }
    ),
}
# the words a title runs to at most
_TITLE_WORDS = 20


def _title_cut(text: str, language: str = "en") -> int | None:
    """Where the paragraph after a title run into its start begins: the first
    small word that starts a sentence, in a capital (:data:`_SENTENCE_STARTS`),
    label or bullet after a word in small letters that is not
    :data:`_TITLE_GLUE`, within :data:`_TITLE_WORDS` words from a capital
    that hold no mark but a hyphen ("Elements for review of the ITU regional presence The
    review of ...": at "The"); None when none is."""
    starts = _SENTENCE_STARTS.get(language, frozenset())
    if not text[:1].isupper():
        return None  # (a title starts with a capital)
    at = 0
    words = 0
    previous = ""
    while words <= _TITLE_WORDS:
        while at < len(text) and text[at] == " ":
            at += 1
        if at >= len(text):
            return None
        if words >= 2 and previous.islower() and previous not in _TITLE_GLUE:
            after = _AFTER_TITLE.match(text, at)
            word = after.group() if after is not None else ""
            if after is not None and (
                not text[at].isalpha()
                or word in starts
                or (len(word) > 2 and word[1] in "'’" and word[:2] in starts)
            ):
                return at
        m = _RUN_IN_TITLE_WORD.match(text, at)
        if m is None or (m.end() < len(text) and text[m.end()] != " "):
            return None  # (a mark, a digit, a bracket: not a title's words)
        previous = m.group()
        at = m.end()
        words += 1
    return None


def _annex_titles(res: Resolution) -> Iterator[Finding]:
    """An annex without a title whose first paragraph, unlabelled, starts with
    words that read as its title (see :func:`_title_cut`): the conversion
    ran the title into it. A warning: the words are read, not known; in
    English, French and Spanish, whose small words before a name
    (:data:`_TITLE_GLUE`) are known."""
    if res.language not in ("en", "fr", "es"):
        return
    for a, annex in enumerate(res.annexes):
        if (annex.title or "").strip() or not annex.items or annex.items[0].label:
            continue
        text = annex.items[0].text
        cut = _title_cut(text, res.language)
        if cut is None:
            continue
        title = text[:cut].rstrip()
        yield Finding(
            ("annexes", a, "items", 0, "text"),
            tr(
                "the annex has no title, and its first paragraph starts with one: {title}, "
                "run into the paragraph by the conversion",
                title=repr(title),
            ),
            offset=0,
            length=len(title),
            severity="warning",
            help=tr(
                "move {title} to the annex's 'title' and start the paragraph at {start}",
                title=repr(title),
                start=repr(_start_of(text[cut:], 30)),
            ),
        )


def _bulleted_points(points: list[tuple[Text, Finding]]) -> Iterator[Finding]:
    """The findings of :func:`_bullets`, those of entries of one list whose
    texts start with their one bullet (the points of a list split into
    entries, each keeping its bullet) made one, on the first, the others
    attached: one defect, the bullets kept."""
    lists: dict[Path, list[tuple[Text, Finding]]] = {}
    for t, f in points:
        if not f.related and not t.text[: f.offset].strip():
            lists.setdefault(t.path[:-2], []).append((t, f))
    folded = {id(f) for group in lists.values() if len(group) > 1 for _, f in group}
    for t, f in points:
        if id(f) not in folded:
            yield f
            continue
        group = lists[t.path[:-2]]
        if group[0][1] is not f:
            continue
        yield Finding(
            t.path,
            tr(
                "the {count} points of this list start with a bullet ({bullet}), kept from "
                "the bulleted list they were split from",
                count=len(group),
                bullet=all_of(list(dict.fromkeys(repr(u.text[g.offset or 0]) for u, g in group))),
            ),
            offset=f.offset,
            length=1,
            help=tr("delete the bullet at the start of each point's text"),
            related=tuple(
                Place(u.path, tr("the bullet of point {n}", n=n + 2), offset=g.offset, length=1)
                for n, (u, g) in enumerate(group[1:])
            ),
        )


def trailing_message(where: str, found: str) -> str:
    """The message of text that follows the document, in the language of the
    messages (the importer tells it from the others by its start)."""
    return tr(
        "text that follows the document merged into {where}, from {found}: "
        "annexes, signatures or declarations of the printed Final Acts",
        where=where,
        found=found,
    )


def _pdf_defects(
    path: Path,
    text: str,
    language: str,
    scan: textscan.Scans,
    call_of: CallOf | None = None,
    recital: bool = False,
    label: str | None = None,
    kept: Kept | None = None,
    follows: str | None = None,
) -> list[_Defect]:
    """The PDF leftovers of one text, folded into one defect each. ``call_of``
    finds, in the texts before this one, the call of a footnote merged here
    whose call is not in this text. ``recital``: the text is an item of a
    preambular section that another preambular section follows
    (:func:`_recital`), where a verb is the recital's own. ``label``: the
    entry's label (a list inside its text that goes on from it is its list's).
    ``kept``: the file's footnotes and markers (a note merged here that
    'footnotes' holds already is told to be deleted, not moved). ``follows``:
    the heading of the operative section right after the entry, when it is
    the last of its section (a heading left at the text's end that it
    starts with already is told to be deleted, not made a section)."""
    if not _maybe_pdf(text, scan):
        return []
    part = str(path[0])
    entry = part in _ENTRY_TEXT and path[-1] == "text"
    prose = entry or part == "footnotes"
    after = scan.trailing(text) if entry else None
    found = scan.leftovers(text, language)
    if after is None and found is textscan.NOTHING:
        return []  # most texts: nothing left by a conversion
    found_heads, labels, notes, page, glyphs = found

    def _words(h: Artefact) -> str:
        # the heading's own words, without a clause run into it unnumbered
        return textscan.heading_words(h.found, language)

    if not entry:
        found_heads = labels = ()
        if not prose:
            notes = page = ()
    elif part == "annexes" or recital:
        found_heads = ()
    if after is None and not (found_heads or labels or notes or page or glyphs):
        return []
    where = _where(path)
    out: list[_Defect] = []
    cut = after.start if after is not None else len(text) + 1
    folded: list[Place] = []

    def fold(a: Artefact, what: Callable[[Artefact], str]) -> bool:
        # the page number printed before the heading that starts it is its too
        # (``what`` says what ``a`` is, asked only then)
        if after is not None and (a.start >= cut or not text[a.end : cut].strip()):
            folded.append(_related(path, a, what(a)))
            return True
        return False

    heads = [h for h in found_heads if not fold(h, _heading_of)]
    loose = [a for a in labels if not fold(a, _label_of)]
    if heads and part == "preamble":
        # an operative part inside a preambular item: its sections and their
        # clauses are one defect (PP-18 Resolution 136, *convinced* d))
        mine = [a for a in loose if a.start > heads[0].start]
        loose = [a for a in loose if a.start <= heads[0].start]
        names = ", ".join(repr(_short(_words(h), 40)) for h in heads)
        clauses = len(heads) + len(mine)
        message = (
            tr(
                "an operative part inside the text of {where}: {count} sections ({names}) and "
                "{clauses} clauses, merged by the conversion, which did not recognise the "
                "operative heading",
                where=where,
                count=len(heads),
                names=names,
                clauses=clauses,
            )
            if len(heads) > 1
            else tr(
                "an operative part inside the text of {where}: a section ({names}) and "
                "{clauses} clauses, merged by the conversion, which did not recognise the "
                "operative heading",
                where=where,
                names=names,
                clauses=clauses,
            )
            if clauses > 1
            else tr(
                "an operative part inside the text of {where}: a section ({names}) and its "
                "clause, merged by the conversion, which did not recognise the operative heading",
                where=where,
                names=names,
            )
        )
        out.append(
            _Defect(
                path,
                heads[0],
                message,
                tr(
                    "end the item before {heading}, and move what follows to 'operative': a "
                    "section for each heading, its clauses under it",
                    heading=repr(_short(_words(heads[0]), 40)),
                ),
                [_related(path, h, _heading(_short(_words(h)))) for h in heads[1:]]
                + [_related(path, a, _merged_label(a.found)) for a in mine],
            )
        )
        heads = []
    owned, loose = _by_heading(heads, loose, cut)
    for h, mine in zip(heads, owned, strict=True):
        words = _words(h)
        heading = repr(_short(words))
        if (
            not mine
            and follows is not None
            and not text[h.end :].strip(" ,;:.")
            and " ".join(words.split()).lower() == " ".join(follows.split()).lower()
        ):
            # (an editor made the section and left its heading here too)
            out.append(
                _Defect(
                    path,
                    h,
                    tr(
                        "operative heading {heading} left at the end of the text of {where}, "
                        "though the section after it starts with it already",
                        heading=heading,
                        where=where,
                    ),
                    tr("delete the heading's words from the end of this text"),
                    [],
                    len(words),
                )
            )
            continue
        message = (
            tr(
                "operative heading {heading} merged into the text of {where}, with the {count} "
                "clauses after it: the conversion did not recognise it",
                heading=heading,
                where=where,
                count=len(mine),
            )
            if mine
            else tr(
                "operative heading {heading} merged into the text of {where}: the conversion "
                "did not recognise it",
                heading=heading,
                where=where,
            )
        )
        out.append(
            _Defect(
                path,
                h,
                message,
                tr(
                    "end this text before the heading, and make the heading a section of its own "
                    "under 'operative' (verb and heading), the text after it its clauses"
                ),
                [_related(path, a, _merged_label(a.found)) for a in mine],
                len(words),
            )
        )
    if loose:
        lead = _lead_label(text, loose[0])
        if lead is not None:
            loose = [lead, *loose]
        first = loose[0]
        names = ", ".join(repr(a.found) for a in loose)
        nouns = _nouns(part)
        nested = _sub_list(text, first, label)
        message = (
            tr(
                "a list {labels} inside the text of {where}: {count} entries of a list nested "
                "in it, run into its text by the conversion",
                labels=names,
                where=where,
                count=len(loose),
            )
            if nested
            else tr(
                "labels {labels} inside the text of {where}: {count} {nouns} run into one by "
                "the conversion",
                labels=names,
                where=where,
                count=len(loose) + 1,
                nouns=nouns,
            )
            if len(loose) > 1
            else tr(
                "label {labels} inside the text of {where}: {count} {nouns} run into one by "
                "the conversion",
                labels=names,
                where=where,
                count=len(loose) + 1,
                nouns=nouns,
            )
        )
        out.append(
            _Defect(
                path,
                first,
                message,
                tr(
                    "nest the list {first} ... {last} under {where}: the words before {first} "
                    "stay its text, each label and its words become an entry of its own nested "
                    "under it, with that label",
                    first=repr(first.found),
                    last=repr(loose[-1].found),
                    where=where,
                )
                if nested
                else tr(
                    "split the text at each label into {nouns} of their own, each with its label",
                    nouns=nouns,
                ),
                [_related(path, a, _label(a.found)) for a in loose[1:]],
            )
        )
    for a in notes:
        if fold(a, _footnote_of):
            continue
        resume = [b.start for b in (*found_heads, *labels)]
        out.append(_note_defect(path, text, a, where, call_of, resume, kept))
    for a in page:
        if fold(a, _page_of):
            continue
        out.append(
            _Defect(
                path,
                a,
                tr(
                    "page header or footer {found} left in the text of {where}",
                    found=repr(a.found),
                    where=where,
                ),
                _page_help(a.found, text, path),
                [],
            )
        )
    lost = [m.span() for m in lost_letters(text)] if "\ufffd" in text else []
    lost_starts = [start for start, _ in lost]
    for a in glyphs:
        if fold(a, textscan.describe_glyph):
            continue
        if lost and _in_lost_word(lost, lost_starts, a):
            continue  # (the word's letters lost: _lost_letters's)
        out.append(_Defect(path, a, textscan.describe_glyph(a), _glyph_help(a), []))
    if after is not None:
        whole = not text[: after.start].strip()  # none of the entry's text is the resolution's
        out.append(
            _Defect(
                path,
                after,
                trailing_message(where, repr(after.found)),
                tr(
                    "delete {where} and the entries after it: its text, from {found} on, "
                    "belongs to another part of the Final Acts",
                    where=where,
                    found=repr(after.found),
                )
                if whole
                else tr(
                    "delete the text from {found} on, and the entries after it: it belongs to "
                    "another part of the Final Acts",
                    found=repr(after.found),
                ),
                folded,
            )
        )
    return out


# the labels a list starts with, as labels_inside finds them
_FIRST_LABELS = frozenset(["a)", "i)", "1"])


def _before(label: str) -> list[str]:
    """The labels that come right before ``label`` (as labels_inside finds
    them: "11", "1.2", "b)", "ii)"): "10", "1.1", "a)", "i)"; both readings
    of a letter that is a roman numeral too ("v)": "u)", "iv)")."""
    out = []
    if label[0].isdigit():
        head, _, last = label.rpartition(".")
        if int(last) > 1:
            out.append(f"{head}.{int(last) - 1}" if head else str(int(last) - 1))
        return out
    core = label[:-1]
    if len(core) == 1 and core > "a":
        out.append(chr(ord(core) - 1) + ")")
    value = lb.roman_value(core)
    if value is not None and value > 1:
        out.append(lb.to_roman(value - 1).lower() + ")")
    return out


def _lead_label(text: str, first: Artefact) -> Artefact | None:
    """The label of the run that labels_inside does not find, before its
    first one ``first``: a letter's or a numeral's inside a sentence, after
    a word ("measures to prevent a) the inducement ...; b) ..."), a number's
    after a full stop ("... below). 10 that ITU-D shall ...; 11 that ...").
    None when the text before ``first`` holds none."""
    for label in _before(first.found):
        if label[0].isdigit():
            pattern = r"(?<=[.;:,]\s)" + re.escape(label) + r"(?=\s+[a-z\[\"“])"
        else:
            pattern = r"(?<=[^\W\d_]\s)" + re.escape(label) + r"(?=\s)"
        found = None
        for m in re.finditer(pattern, text[: first.start]):
            found = m
        if found is not None:
            return Artefact("label", found.start(), found.end(), label)
    return None


def _sub_list(text: str, first: Artefact, label: str | None) -> bool:
    """Whether the labels inside a text from ``first`` are a list nested in
    its entry (labelled ``label``) rather than entries of its own list run
    into it: the list starts there ("a)", "i)", "1"), after words that lead
    into it ("with a view to: i) preserving ...", "measures to prevent a) the
    inducement ..."), and does not go on from the entry's own label (item h)
    followed by "i)")."""
    if first.found not in _FIRST_LABELS or not text[: first.start].strip():
        return False
    return label is None or label.strip() not in _before(first.found)


def _by_heading(
    heads: list[Artefact], labels: list[Artefact], cut: int
) -> tuple[list[list[Artefact]], list[Artefact]]:
    """The labels after each heading (before the next heading, or ``cut``),
    and the others, in one pass (both in text order): a text of thousands of
    headings and labels is not a product of the two."""
    starts = [h.start for h in heads]
    owned: list[list[Artefact]] = [[] for _ in heads]
    rest: list[Artefact] = []
    for a in labels:
        k = bisect_left(starts, a.start) - 1  # the last heading before it
        if k >= 0 and a.start < (starts[k + 1] if k + 1 < len(starts) else cut):
            owned[k].append(a)
        else:
            rest.append(a)
    return owned, rest


# where a footnote is called in the texts before the one it is merged into: its
# mark, the path of that text and where the note starts in it give the call's
# text's path, where the call starts and ends, and the word with the mark
CallOf = Callable[[str, Path], tuple[Path, int, int, str] | None]


# the words of an entry resuming after a footnote merged into its text, after
# the note's full stop: a word in small letters ("... Declaration. instructs
# the Director") or a clause's number before one ("... networks. 2 to
# coordinate"); a sentence of the note's own, after it, starts with a capital
# (neither after an abbreviation, below)
_RESUMED = re.compile(
    # (the full stop first, a literal the search jumps to, then what is before it)
    r"\.(?<=[^\W_][)\]\"”’]\.|[^\W_]{2}\.)\s+"
    r"(?:(?P<words>(?:[0-9]{1,2}(?:\.[0-9]{1,2})*\s+)?[a-z])|[A-Z])"
)
_ABBREVIATIONS = frozenset(
    [
        "etc",
        "cf",
        "vs",
        "al",
        "ibid",
        "viz",
        "approx",
        "incl",
        "resp",
        "para",
        "paras",
        "art",
        "vol",
        "no",
        "op",
        "cit",
        "rev",
        "res",
        "doc",
        "dr",
        "mr",
        "ms",
        "mrs",
        "st",
    ]
)
_NOTE_END_SHOWN = 40


def _note_end(text: str, start: int, resume: Sequence[int]) -> int | None:
    """Where the entry's own words resume after the last note of a block of
    footnotes merged into ``text``, whose words start at ``start``: a word in
    small letters or a clause's number after the note's full stop, a bullet,
    or what the other scans found there (``resume``: the starts of the labels
    and operative headings run into the text), before the next rule ("____",
    another block's). None when nothing tells it: nothing of the kind, or a
    sentence after the note's first before it (the note's own, or the
    entry's: its end cannot be told), or the note runs to the text's end."""
    block_end = text.find("____", start)
    stop = len(text) if block_end < 0 else block_end
    found = [at for at in resume if start < at < stop]
    bullet = _BULLETS.search(text, start, stop)
    if bullet is not None:
        found.append(bullet.start())
    sentence = stop
    for m in _RESUMED.finditer(text, start, stop):
        # (the word before the stop alone: the note's text may run long)
        before = text[max(start, m.start() - 40) : m.start()].split()
        if before and ("." in before[-1] or before[-1].lower() in _ABBREVIATIONS):
            continue
        if m.group("words") is None:
            sentence = m.start() + 1  # (after the full stop)
        else:
            found.append(m.start("words"))
        break
    first = min(found, default=stop)
    if first >= sentence or first >= stop:
        return None
    end = len(text[:first].rstrip())
    return end if end > start else None


def _end_of(text: str, size: int) -> str:
    """The end of ``text``: itself if it has at most ``size`` characters,
    else "..." and its last words (within ``size - 3``)."""
    if len(text) <= size:
        return text
    cut = text[len(text) - size + 3 :]
    return "..." + (cut.split(None, 1)[-1] if " " in cut.strip() else cut)


def _keep_after(text: str, start: int, resume: Sequence[int]) -> str:
    """What to say of the words after a block of notes merged into ``text``
    (its last note's words starting at ``start``): where the note ends and
    the entry's words that stay in the text, else to keep any."""
    end = _note_end(text, start, resume)
    if end is None:
        return tr("keep in the text any words of the entry that follow the note")
    after = text[end:].strip()
    return tr(
        "the note ends at {end}: keep {after} in the text",
        end=repr(_end_of(text[start:end].strip(), _NOTE_END_SHOWN)),
        after=repr(_start_of(after, _NOTE_END_SHOWN)),
    )


def _note_defect(
    path: Path,
    text: str,
    a: Artefact,
    where: str,
    call_of: CallOf | None,
    resume: Sequence[int] = (),
    kept: Kept | None = None,
) -> _Defect:
    """The defect of a block of footnotes merged into ``text`` from its first
    note ``a``: its notes (the first and those printed after it, "____ 5 ...
    secure. 6 ITU ..."), each with its call, the number glued to a word in
    this text before the block or, by ``call_of``, in a text before it. Its
    help says where the last note ends, where the entry's words resume after
    it (``resume``, see :func:`_note_end`), and that those stay in the text:
    a note cut to the end of the text would take them with it."""
    sample = a.detail.partition("\t")[0]
    notes = [(a.found, a.start, a.end), *textscan.later_notes(text, a)]
    related: list[Place] = []
    calls: list[tuple[str, str]] = []  # (id, the word the mark is glued to, or "")
    for k, (mark, start, end) in enumerate(notes):
        if k:
            related.append(
                Place(
                    path,
                    tr("footnote {id} of the same block", id=mark),
                    offset=start,
                    length=end - start,
                )
            )
        here = textscan.glued_call(text, mark, a.start) if mark != "*" else None
        found = (path, *here) if here is not None else None
        if found is None and call_of is not None and mark != "*":
            found = call_of(mark, path)
        if found is None:
            calls.append((mark, ""))
            continue
        at, begin, stop, word = found
        calls.append((mark, word))
        related.append(
            Place(
                at,
                tr(
                    "the call of footnote {id}: its number glued to {word}",
                    id=mark,
                    word=repr(word),
                ),
                offset=begin,
                length=stop - begin,
            )
        )
    last = notes[-1]
    keep = _keep_after(text, text.index(last[0], last[1]) + len(last[0]), resume)
    if len(notes) == 1 and kept is not None and _kept_already(kept, a.found, sample):
        # (an editor moved the note and left its text here too)
        marked = a.found in kept[1]
        return _Defect(
            path,
            a,
            tr(
                "footnote {id} left in the text of {where}, though 'footnotes' holds it "
                "already: '____ {id} {sample}'",
                id=a.found,
                where=where,
                sample=_start_of(sample, 60),
            ),
            tr(
                "delete the note from the text, from '____' to its end; {keep}",
                keep=keep,
            )
            if marked
            else tr(
                "delete the note from the text, from '____' to its end, and put the marker "
                "[^{id}] where the note is called; {keep}",
                id=a.found,
                keep=keep,
            ),
            related,
        )
    if len(notes) == 1:
        glued = calls[0][1]
        message = tr(
            "footnote {id} merged into the text of {where} by the conversion: '____ {id} {sample}'",
            id=a.found,
            where=where,
            sample=_start_of(sample, 60),
        )
        fix = (
            tr(
                "move the footnote's text to 'footnotes' (id '{id}'), and write its mark glued "
                "to {word} as the marker [^{id}]",
                id=a.found,
                word=repr(glued),
            )
            if glued
            else tr(
                "move the footnote's text to 'footnotes' (id '{id}'), and put the marker "
                "[^{id}] where the note is called",
                id=a.found,
            )
        )
    else:
        ids = all_of([mark for mark, _, _ in notes])
        message = tr(
            "footnotes {ids} merged into the text of {where} by the conversion: "
            "'____ {id} {sample}'",
            ids=ids,
            id=a.found,
            where=where,
            sample=_start_of(sample, 60),
        )
        # (each marker's words made before the help that lists them: see
        # itures.i18n.replacements)
        markers = [
            tr("[^{id}] for the mark glued to {word}", id=mark, word=repr(word))
            if word
            else tr("[^{id}] where note {id} is called", id=mark)
            for mark, word in calls
        ]
        fix = tr(
            "move the texts of footnotes {ids} to 'footnotes', each under its id, and write "
            "their markers: {calls}",
            ids=ids,
            calls=all_of(markers),
        )
    return _Defect(path, a, message, tr("{move}; {keep}", move=fix, keep=keep), related)


# The file's footnotes (id -> their text, its blanks squeezed) and the ids its
# texts mark (footnotes._marked)
Kept = tuple[dict[str, str], Mapping[str, int]]


def _kept_already(kept: Kept, mark: str, sample: str) -> bool:
    """Whether footnote ``mark`` of 'footnotes' holds the note whose text starts
    with ``sample`` (its first 40 characters, blanks squeezed, the same)."""
    held = kept[0].get(mark)
    if not held:
        return False
    start = " ".join(sample.split())[:40]
    return bool(start) and held[:40] == start


def _section_after(res: Resolution, path: Path) -> str | None:
    """The heading of the operative section right after the entry whose text
    is at ``path``, when that entry is the last of its section (the last
    recital: the first operative section); else None."""
    if len(path) != 5 or path[-1] != "text":
        return None
    part, s, _, e, _ = path
    assert isinstance(s, int) and isinstance(e, int)
    if part == "operative":
        if e != len(res.operative[s].clauses) - 1 or s + 1 >= len(res.operative):
            return None
        return res.operative[s + 1].heading
    if part == "preamble":
        if s != len(res.preamble) - 1 or e != len(res.preamble[s].items) - 1:
            return None
        return res.operative[0].heading if res.operative else None
    return None


def _heading_of(a: Artefact) -> str:
    return _heading(a.found)


def _label_of(a: Artefact) -> str:
    return _label(a.found)


def _footnote_of(a: Artefact) -> str:
    return tr("footnote {id} merged into the text by the conversion", id=a.found)


def _page_of(a: Artefact) -> str:
    return tr("page header or footer {found}", found=repr(a.found))


def _heading(found: str) -> str:
    return tr("operative heading {heading}", heading=repr(found))


def _label(found: str) -> str:
    return tr("label {label}", label=repr(found))


def _merged_label(found: str) -> str:
    return tr("label {label} of a merged clause", label=repr(found))


def _short(text: str, size: int = 110) -> str:
    return text if len(text) <= size else text[: size - 3] + "..."


def _start_of(text: str, size: int) -> str:
    """``text`` if it has at most ``size`` characters, else its start cut
    after a whole word (within ``size - 3``) and "...": "small island..."
    rather than :func:`_short`'s "small isl..."."""
    if len(text) <= size:
        return text
    cut = text[: size - 2]
    cut = cut.rsplit(None, 1)[0] if " " in cut.strip() else cut[:-1]
    return cut.rstrip(",;:") + "..."


def _to_finding(d: _Defect, length: int | None = None) -> Finding:
    a = d.artefact
    if length is None:
        length = d.length
    return Finding(
        d.path,
        d.message,
        offset=a.start,
        length=length if length is not None else a.end - a.start,
        help=d.help,
        related=tuple(d.related),
    )


# the parts whose texts may call a footnote merged into a later text (an annex's
# own texts come after the footnotes' in the file's texts)
_CALLING = frozenset(("title", "preamble", "operative", "annexes"))


def _entry_text(path: Path) -> bool:
    """Whether a text of the file's texts is one that ``Resolution.texts()``
    gives for the preamble and the operative part: items, operative headings
    and clauses; not the preambular headings nor the words of deadlines,
    which :func:`texts` adds after them."""
    part = path[0]
    return (part == "preamble" and path[-1] == "text") or (
        part == "operative" and path[-3] != "deadlines"
    )


def _recital(res: Resolution, path: Path) -> bool:
    """Whether ``path`` is in a preambular section that another preambular
    section follows: an operative part comes after the whole preamble, so a
    verb found there as a merged heading is the recital's own ("the United
    Nations Committee on the Elimination of Discrimination against Women, in
    its General Recommendation No. 37, ..., recommends that States ...", PP-18
    Resolution 70, *recognizing further* d), *considering* after it)."""
    return path[0] == "preamble" and int(path[1]) < len(res.preamble) - 1


def _pdf_findings(
    ctx: Context, labels: list[Finding], dirty: list[int], all_texts: list[Text]
) -> Iterator[Finding]:
    """The PDF leftovers of every text, and the ``labels`` found at the start of
    entries, text that follows the document taking what comes after it.
    ``dirty`` are the indices in ``all_texts`` (the file's texts) of the texts
    in which a scan finds something (:meth:`textscan.Scans.found_in`): the
    others have no defect. The entries' texts (:func:`_entry_text`) come
    first, each part's in the order of ``Resolution.texts()``, then the rest."""
    res = ctx.resolution
    scan = scans(ctx)
    entries: list[Text] = []
    rest: list[Text] = []
    for i in dirty:
        t = all_texts[i]
        (entries if _entry_text(t.path) else rest).append(t)

    def call_of(mark: str, path: Path) -> tuple[Path, int, int, str] | None:
        # the call closest before the text at ``path``: in the title, an
        # entry's text or an annex's, before that text in document order
        found = None
        for t in all_texts:
            if t.path == path:
                break
            part = t.path[0]
            if mark not in t.text:
                continue  # (the quick test: most texts hold no such number)
            if part in _CALLING and (
                part == "title"
                or _entry_text(t.path)
                or (part == "annexes" and t.path[-1] in ("text", "title"))
            ):
                here = textscan.glued_call(t.text, mark)
                if here is not None:
                    found = (t.path, *here)
        return found

    own: dict[Path, str | None] = {}
    kept: Kept | None = None
    if res.footnotes and any(t.path[0] != "footnotes" and "____" in t.text for t in entries):
        from itures.rules.footnotes import _marked

        kept = ({f.id: " ".join(f.text.split()) for f in res.footnotes}, _marked(ctx))

    def label_of(path: Path) -> str | None:
        # the label of the entry whose text is at ``path`` (the lists read once)
        if not own:
            own.update(((*e.path, "text"), e.label) for lst in lists(ctx) for e in lst.entries)
        return own.get(path)

    defects = {
        t.path: made
        for t in entries
        if (
            made := _pdf_defects(
                t.path,
                t.text,
                res.language,
                scan,
                call_of,
                _recital(res, t.path),
                label_of(t.path),
                kept,
                _section_after(res, t.path),
            )
        )
    }
    # text that follows the document runs to its end: what comes after it is its
    trailing = next(
        (d for made in defects.values() for d in made if d.artefact.kind == "trailing"),
        None,
    )
    if trailing is not None:
        end = textscan.document_order(trailing.path)
        for path, made in defects.items():
            if textscan.document_order(path) > end:
                for d in made:
                    if d.artefact.kind != "trailing":
                        # (another start of such text, a declaration's head after
                        # the signatures, is part of it: not a place of its own)
                        trailing.related.append(_related(path, d.artefact, d.message))
                    trailing.related.extend(d.related)
                defects[path] = []
        later = [
            f for f in labels if f.path[0] != "annexes" and textscan.document_order(f.path) > end
        ]
        trailing.related.extend(
            Place(f.path, f.message, offset=f.offset, length=f.length) for f in later
        )
        labels = [f for f in labels if f not in later]
    yield from labels
    for made in defects.values():
        for defect in made:
            yield _to_finding(defect)
    for t in rest:
        if t.path[-1] == "place":
            continue
        for defect in _pdf_defects(t.path, t.text, res.language, scan, call_of):
            yield _to_finding(defect)


def run_in(
    res: Resolution, all_texts: Sequence[Text], dirty: Iterable[int], scan: textscan.Scans
) -> tuple[RunIn, ...]:
    """What the conversion ran into the texts of the items and clauses (the
    corpus index keeps it: see :data:`itures.summary.RunIn`), from the texts
    ``dirty`` (their indices in ``all_texts``, as
    :meth:`textscan.Scans.found_in` gives them): the labels inside a text,
    under the verb of its section; each operative heading merged into a text
    (its first words: what names its verb), with the labels after it. What
    follows text that follows the document is not counted: it goes with
    it."""
    language = res.language
    out: list[RunIn] = []
    for i in dirty:
        t = all_texts[i]
        path = t.path
        part = path[0]
        if part not in ("preamble", "operative") or path[-1] != "text" or not _entry_text(path):
            continue
        found = scan.leftovers(t.text, language)
        if found is textscan.NOTHING:
            continue
        after = scan.trailing(t.text)
        cut = after.start if after is not None else len(t.text) + 1
        heads = [h for h in found[0] if h.start < cut] if not _recital(res, path) else []
        labels = [a for a in found[1] if a.start < cut]
        first = heads[0].start if heads else cut
        before = tuple([segment(a.found) for a in labels if a.start < first])
        if before:
            section = (
                res.preamble[int(path[1])] if part == "preamble" else res.operative[int(path[1])]
            )
            out.append((section.verb, "", before))
        owned, _ = _by_heading(heads, labels, cut)
        for h, mine in zip(heads, owned, strict=True):
            out.append(("", h.found[:RUN_IN_HEADING], tuple([segment(a.found) for a in mine])))
    return tuple(out)


# what the summary keeps of a heading merged into a text: its first words, the
# verb (read when a citation needs it: see merged_verb) and more
RUN_IN_HEADING = 80


def merged_verb(heading: str, language: str) -> str | None:
    """The verb key of an operative heading found merged into a text (the
    first words of it that :func:`run_in` keeps), in the file's language."""
    from itures.importers.lang import grammar, operative_verb

    try:
        g = grammar(language)
    except KeyError:
        return None
    found = operative_verb(heading, g)
    return found[0] if found is not None else None


def run_in_of(res: Resolution, texts: Iterable[Text]) -> tuple[RunIn, ...]:
    """:func:`run_in` of a resolution whose texts no rule has scanned."""
    all_texts = texts if isinstance(texts, list) else list(texts)
    scan = textscan.Scans()
    joined = textscan.Joined([t.text for t in all_texts])
    return run_in(res, all_texts, scan.found_in(joined, res.language), scan)


# what a title cut short ends with: an ellipsis ("... and ..." where the
# printed title goes on), a mark that announces more (":", ",", ";"), or a
# parenthesis opened and not closed ("... of the Union (2" for "(2019-2023)")
_CUT_TITLE = re.compile(r"(?:\.\s*\.\s*\.|…|[:,;：，；]|[(（][^()（）]{0,8})$")


# What a resolution's heading writes, run into its title by a copy or a
# conversion: its noun and number first ("RÉSOLUTION 59 – Renforcer ..."),
# its revision last ("... mutuel (Rév. Buenos Aires, 2017)")
_TITLE_NUMBER = re.compile(
    r"\s*(?:RESOLUTION|RÉSOLUTION|RESOLUCIÓN|Resolution|Résolution|Resolución|DECISION|"
    r"DÉCISION|DECISIÓN|Decision|Décision|Decisión)\s+(?P<number>\d+[A-Z]?)"
    r"(?:\s*\((?:[^()]{0,60})\))?\s*(?:[-–—:.]\s*)?"
)
_TITLE_REVISION = re.compile(
    r"\s*\(\s*(?:(?:REV|Rev|RÉV|Rév)\.\s*)?(?P<place>[^\W\d_][^(),]*?)\s*,\s*"
    r"(?P<year>\d{4})\s*\)\s*$"
)


def _title_heading(res: Resolution) -> Iterator[Finding]:
    """A title that holds what the resolution's heading writes: its number
    ("RÉSOLUTION 59 – Renforcer ...", the file's own number) or, at its end,
    the revision of a conference the calendar knows ("... (Rév. Buenos
    Aires, 2017)"), or is the heading alone ("Resolution 141 (Rev. Busan,
    2014)"). A warning each: 'number' and 'history' hold them."""
    title = res.title
    m = _TITLE_NUMBER.match(title)
    number = res.number.upper().removeprefix("D")
    if m is not None and m.group("number").upper() == number and m.end() >= len(title.rstrip()):
        # the heading alone, "Resolution 141 (Rev. Busan, 2014)", written as the title
        yield Finding(
            ("title",),
            tr(
                "the title is the resolution's heading {written}, not its title",
                written=repr(title.strip()),
            ),
            severity="warning",
            help=tr("write the resolution's title from the published text"),
        )
        return
    if m is not None and m.group("number").upper() == number:
        written = title[: m.end()].strip()
        yield Finding(
            ("title",),
            tr(
                "the title starts with the resolution's heading {written}: the number is "
                "written in 'number', the title is its words alone",
                written=repr(written),
            ),
            offset=len(title) - len(title.lstrip()),
            length=m.end() - (len(title) - len(title.lstrip())),
            severity="warning",
            help=tr("delete {written} from the title", written=repr(title[: m.end()].strip())),
        )
    end = _TITLE_REVISION.search(title[-80:])
    if end is not None and end.start() + len(title) - len(title[-80:]) > 0:
        from itures.conferences import bodies_at

        if bodies_at(end.group("place"), int(end.group("year"))):
            at = len(title) - len(title[-80:]) + end.start()
            written = title[at:].strip()
            yield Finding(
                ("title",),
                tr(
                    "the title ends with a revision, {written}: a resolution's revisions are "
                    "written in 'history', the title is its words alone",
                    written=repr(written),
                ),
                offset=at + (len(title[at:]) - len(title[at:].lstrip())),
                length=len(written),
                severity="warning",
                help=tr("delete {written} from the title", written=repr(written)),
            )


def cut_title(title: str) -> int | None:
    """Where the end of a title cut short starts (None: it ends with a word,
    a closing bracket or quote, or a full stop). Only the title's last
    characters are searched: a pattern tried at every position of a long
    title of blanks would take quadratic time."""
    kept = title.rstrip()
    tail = kept[-12:]
    m = _CUT_TITLE.search(tail)
    return None if m is None else len(kept) - len(tail) + m.start()


# the last word of a title, in small letters of ASCII (what the file's texts
# are searched for)
_LAST_WORD = re.compile(r"(?<![\w-])[a-z]+$")
# what a word of the file's texts may add to the title's last word and be that
# word inflected ("network" / "networks"), not a longer word it is the start of
_ENDINGS: dict[str, frozenset[str]] = {
    "en": frozenset(["s", "es", "ed", "d", "ing", "er", "ers", "ly", "'s"]),
    "fr": frozenset(["s", "x", "e", "es", "é", "ée", "és", "ées", "er", "ent"]),
    "es": frozenset(["s", "es", "a", "as", "o", "os"]),
}


# the rest of a word whose start is found (its letters and an apostrophe)
_WORD_REST = re.compile(r"[\w']*")


def cut_word(title: str, whole: str, language: str) -> tuple[int, str] | None:
    """Where the last word of a title cut short inside a word starts, and a
    word of the file's texts that starts with it: "... the Internet and th"
    ("the"), "... their telecommunication sect" ("sector"), "... to combat
    tra" ("trafficking"). The title's last word (small letters of ASCII) is
    written nowhere in ``whole`` (the file's texts joined by a blank, a blank
    first, the title first: :func:`itures.rules._walk.blank_joined`) as a
    word, and a longer word there starts with it, not as an inflection of it
    ("network" where the texts write "networks" only is a word). A title cut
    after a whole word ("... small island developing states, landlocked")
    cannot be told from a title that ends there without the published text.
    English, French and Spanish."""
    endings = _ENDINGS.get(language)
    if endings is None:
        return None
    kept = title.rstrip()
    m = _LAST_WORD.search(kept, max(0, len(kept) - 40))
    if m is None:
        return None
    word = m.group()
    start = 1 + len(title)  # (the title's own text is not searched)
    if whole[1:start] != title:
        start = 0
    longer = None
    at = whole.find(word, start)  # (a search for a literal: no pattern tried everywhere)
    while at >= 0:
        before = whole[at - 1 : at]
        if not (before.isalnum() or before in "-_") or not before:
            more = _WORD_REST.match(whole, at + len(word))
            rest = more.group() if more is not None else ""
            if not rest:
                return None  # the word, written elsewhere
            if longer is None and rest not in endings:
                longer = word + rest
        at = whole.find(word, at + 1)
    return None if longer is None else (m.start(), longer)


def _entry_named(lst: LabelledList, entry: Entry) -> str:
    """An entry as a message names it before "of {where}": "item b)", "the
    unlabelled clause"."""
    noun = lst.noun_tr()
    if entry.label:
        return tr("{noun} {label}", noun=noun, label=entry.label)
    return tr("the unlabelled {noun}", noun=noun)


def _label_finding(lst: LabelledList, entry: Entry) -> Finding | None:
    left = lb.text_label(entry.label, entry.text)
    if left is None and not entry.label:
        # the number the list expects there, whatever follows it ("1 RAG, TSAG
        # and TDAG to continue ...": a capital after it)
        left = expected_left(lst, entry)
    if left is None:
        return None
    start = len(entry.text) - len(entry.text.lstrip())
    which = _entry_named(lst, entry)
    # (as YAML must read it: a string; "2" or "1.2" unquoted is a number)
    label = f'"{left}"' if re.fullmatch(r"[\d.]+", left) else left
    if entry.label:
        fix = tr("delete {found} from the start of the text", found=repr(left))
    elif lst.noun == "item":
        fix = tr(
            "delete {found} from the start of the text and write it as the item's label: "
            "'label: {label}'",
            found=repr(left),
            label=label,
        )
    elif lst.noun == "clause":
        fix = tr(
            "delete {found} from the start of the text and write it as the clause's label: "
            "'label: {label}'",
            found=repr(left),
            label=label,
        )
    else:
        fix = tr(
            "delete {found} from the start of the text and write it as the paragraph's label: "
            "'label: {label}'",
            found=repr(left),
            label=label,
        )
    return Finding(
        (*entry.path, "text"),
        tr(
            "the text of {which} of {where} starts with the label {found}; remove it from the "
            "text (the label belongs in 'label')",
            which=which,
            where=lst.where(),
            found=repr(left),
        ),
        offset=start,
        length=len(left),
        help=fix,
        # (an entry without its label in this version: language-mismatch leaves
        # the labels that then differ to this finding, when it has none)
        flagging=not entry.label,
    )


# A footnote's text written into an entry after its end mark, its number
# first ('développés"; 1 Par pays en développement, on entend ...'): what a
# copy of a page with its footnotes leaves. Found by the footnote's number and
# first words (_NOTE_OPENING of them), after a mark or a closing quotation mark.
_NOTE_OPENING = 3
_BEFORE_NOTE = frozenset(';.:,"”»)')


def _common_start(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` start with in common."""
    for k, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return k
    return min(len(a), len(b))


def _pasted_note_texts(
    ctx: Context, all_texts: list[Text], joined: textscan.Joined
) -> Iterator[tuple[Text, int, int, str]]:
    """(the text, where the footnote's number starts, where what was pasted
    ends, the footnote's id) of each footnote's text written into an entry:
    one search of the joined form a footnote whose id is a number."""
    openings: dict[str, tuple[Footnote, str]] = {}
    for note in ctx.resolution.footnotes or ():
        words = note.text.split()
        if note.id.isdigit() and len(words) >= _NOTE_OPENING:
            openings[note.id] = (note, f" {note.id} {' '.join(words[:_NOTE_OPENING])}")
    if len(openings) > _NOTES_SEARCHED:
        # (many: each number between blanks in the texts is looked up, in one
        # pass, rather than the file searched once a footnote)
        found: dict[str, list[tuple[Text, int]]] = {}
        for t in all_texts:
            if t.path[0] == "footnotes" or "____" in t.text:
                continue
            seen: set[str] = set()
            for m in _NUMBER_BETWEEN_BLANKS.finditer(t.text):
                id_ = m.group(1)
                if id_ in openings and id_ not in seen:
                    at = _note_at(t.text, m.start(), *openings[id_])
                    if at is not None:
                        seen.add(id_)
                        found.setdefault(id_, []).append((t, at))
        for id_, (note, _) in openings.items():
            for t, at in found.get(id_, ()):
                yield _pasted(t, at, note)
        return
    for note, opening in openings.values():
        for i in joined.holding_literal(textscan.form_of(opening)):
            t = all_texts[i]
            text = t.text
            if t.path[0] == "footnotes" or "____" in text:
                continue  # (a PDF's footnotes, after their rule: _pdf_findings's)
            at = text.find(opening)
            while at >= 0 and _note_at(text, at, note, opening) is None:
                at = text.find(opening, at + 1)
            if at > 0:
                yield _pasted(t, at, note)


# how many footnotes are each looked for in the whole file (most files have a
# few); more are looked up at each number between blanks, in one pass
_NOTES_SEARCHED = 8
_NUMBER_BETWEEN_BLANKS = re.compile(r" ([0-9]+)(?= )")


def _note_at(text: str, at: int, note: Footnote, opening: str) -> int | None:
    """``at`` when the footnote's opening (its number and first words after a
    blank) is written there after what may come before a note pasted in, and
    is not Word's export of the note ("[1: 1 Par ..."); None otherwise."""
    if (
        at > 0
        and text.startswith(opening, at)
        and text[at - 1] in _BEFORE_NOTE
        and not text.endswith(f"[{note.id}:", 0, at)
    ):
        return at
    return None


def _pasted(t: Text, at: int, note: Footnote) -> tuple[Text, int, int, str]:
    """(the text, where the footnote's number starts, where what was pasted
    ends, the footnote's id), for a note pasted into ``t`` at ``at``: as far
    as the entry's text goes on as the footnote's does."""
    start = at + len(note.id) + 2
    same = _common_start(t.text[start : start + len(note.text)], note.text)
    return t, at + 1, start + len(note.text[:same].rstrip(" ,;:.")), note.id


# A letter a conversion could not write, replaced by '?' (a text saved in an
# encoding that lacks it: "Secr?taire g?n?ral", "?tudes") or by U+FFFD (bytes
# decoded with the wrong encoding): a word of letters with runs of them inside
# or before it (a U+FFFD after it too); or three '?' or more in a row, a word
# of another script lost whole ("???????? ????"). A '?' after a word is a
# question mark; one inside an address ("index.php?lang=fr") is the address's.
# (tried only where a word starts, not inside one: a long run of letters is
# read once, not once from each of its letters)
_LOST = re.compile(
    r"(?<![^\W\d_])(?<![?\ufffd])"
    r"(?:[?\ufffd]+[^\W\d_]+(?:[?\ufffd]+[^\W\d_]+)*\ufffd*"
    r"|[^\W\d_]+(?:[?\ufffd]+[^\W\d_]+)+\ufffd*|[^\W\d_]+\ufffd+|\?{3,})"
)
# the lost words whose meaning is looked for in the file's (each a search of
# the whole file): a help names them all, or none
_LOOKED_UP = 8
_LOST_MARKS = re.compile("[?\ufffd]+")
# what an address around a '?' holds
_ADDRESS = re.compile(r"[/=&]|www|http", re.IGNORECASE)


def lost_letters(text: str) -> list[re.Match[str]]:
    """The words of ``text`` with letters a conversion replaced by '?' or
    U+FFFD (:data:`_LOST`), in order; none inside a web address."""
    out = []
    for m in _LOST.finditer(text):
        # (the address around it: its characters up to a blank, read at most
        # _REACH characters away, not to the ends of a text without blanks)
        near = max(0, m.start() - _REACH)
        start = text.rfind(" ", near, m.start()) + 1 or near
        end = text.find(" ", m.end(), m.end() + _REACH)
        if _ADDRESS.search(text, start, min(len(text), m.end() + _REACH) if end < 0 else end):
            continue
        out.append(m)
    return out


# how far from a lost word its address is read
_REACH = 200


def _lost_letters(ctx: Context, all_texts: list[Text]) -> Iterator[Finding]:
    """Words whose letters a conversion replaced by '?' or U+FFFD: one
    finding a text, with the words the file writes whole elsewhere that they
    stand for (a '?' stands for a letter beyond ASCII, a U+FFFD for one or
    two). A U+FFFD inside such a word is this finding's, not also a stray
    glyph's (:func:`_in_lost_word`)."""
    whole = blank_joined(ctx)
    if "?" not in whole and "\ufffd" not in whole:
        return  # (most files)
    stop = document_end(ctx)
    for t in all_texts:
        if "?" not in t.text and "\ufffd" not in t.text:
            continue
        found = [
            m for m in lost_letters(t.text) if stop is None or not stop.covers(t.path, m.start())
        ]
        if not found:
            continue
        words = [m.group() for m in found]
        mark = "'\ufffd' (U+FFFD)" if "\ufffd" in "".join(words) else "'?'"
        shown = ", ".join(repr(w) for w in words[:3]) + (
            tr(" and {count} more", count=len(words) - 3) if len(words) > 3 else ""
        )
        distinct = list(dict.fromkeys(words))
        meant = [
            (w, _whole_word(w, whole) if len(distinct) <= _LOOKED_UP else None) for w in distinct
        ]
        known = [(w, m) for w, m in meant if m is not None]
        yield Finding(
            t.path,
            tr(
                "{words}: letters the conversion could not write, each replaced by {mark}",
                words=shown,
                mark=mark,
            ),
            offset=found[0].start(),
            length=found[-1].end() - found[0].start(),
            help=tr(
                "write {pairs}, as the file writes them elsewhere",
                pairs=replacements([(repr(w), repr(m)) for w, m in known]),
            )
            if len(known) == len(meant)
            else tr(
                "write the letters the published text has in place of each {mark}; if more of "
                "the file reads so, convert the source again, saved in UTF-8",
                mark=mark,
            ),
        )


def _whole_word(word: str, whole: str) -> str | None:
    """The word of ``whole`` (the file's texts) that ``word`` stands for,
    each run of its lost letters read as letters beyond ASCII (one for each
    '?', one or two for each U+FFFD), the one written most often; None if
    none is or the marks are all the word has."""
    if not word.strip("?\ufffd"):
        return None
    parts = []
    at = 0
    for m in _LOST_MARKS.finditer(word):
        parts.append(re.escape(word[at : m.start()]))
        count = len(m.group())
        most = count * (2 if "\ufffd" in m.group() else 1)
        parts.append(f"[^\\W\\d_a-zA-Z]{{{count if '?' in m.group() else 1},{most}}}")
        at = m.end()
    parts.append(re.escape(word[at:]))
    # (the first run of letters of a word that starts lost is a word's start)
    pattern = re.compile(r"(?<![\w?\ufffd])" + "".join(parts) + r"(?![\w?\ufffd])", re.IGNORECASE)
    seen: dict[str, int] = {}
    for m in pattern.finditer(whole):
        seen[m.group()] = seen.get(m.group(), 0) + 1
    if not seen:
        return None
    best = max(seen, key=lambda w: (seen[w], w == word))
    # (the case of the word as written: "SECR?TAIRE" for "Secrétaire")
    if word.isupper():
        return best.upper()
    if word[:1].isupper() and not best[:1].isupper():
        return best[:1].upper() + best[1:]
    if word[:1].islower() and best[:1].isupper() and not best.isupper():
        return best[:1].lower() + best[1:]
    return best


def _in_lost_word(lost: list[tuple[int, int]], starts: list[int], a: Artefact) -> bool:
    """Whether the stray glyph ``a`` is a U+FFFD inside one of the words
    ``lost`` (its text's :func:`lost_letters`, (start, end), ``starts`` their
    starts: that finding's, not one of its own)."""
    if a.found != "\ufffd" or a.kind != "glyph":
        return False
    k = bisect_right(starts, a.start) - 1
    return k >= 0 and a.start < lost[k][1]


def _word_residue(
    ctx: Context, all_texts: list[Text], joined: textscan.Joined
) -> Iterator[Finding]:
    """What a Word document or a PDF leaves that the scans above do not: two
    revisions apart in a parenthesis, Word's footnote residue, a blank after
    a hyphen at a PDF's line break, Word's page headers and numbers; each
    found in the texts its quick test holds."""
    # (what follows the document is one finding, its text that of the
    # conversion: nothing in it is reported apart)
    stop = document_end(ctx)

    def after_end(path: tuple[str | int, ...], offset: int) -> bool:
        return stop is not None and stop.covers(path, offset)

    for i in joined.holding(_JOINED_TWO_REVISIONS):
        t = all_texts[i]
        for m in _two_revisions(t.text):
            if after_end(t.path, m.start()):
                continue
            inserted = m.group("inserted").strip()
            # a year alone inserted ("Guadalajara, 2010 2014"): the place is both's
            start = m.start("old") if inserted.isdigit() else m.start("struck")
            struck = t.text[start : m.end("old")]
            yield Finding(
                t.path,
                tr(
                    "two revisions in one parenthesis: {found}, the trace of a tracked change "
                    "({struck} struck, {inserted} inserted); keep the revised one",
                    found=repr(m.group(0)),
                    struck=repr(struck),
                    inserted=repr(inserted),
                ),
                offset=start,
                length=m.end("inserted") - start,
                help=tr("keep the revised year only: {year}", year=repr(inserted))
                if inserted.isdigit()
                else tr(
                    "keep {inserted} only, and record the revision in 'history'",
                    inserted=repr(inserted),
                ),
            )
    for i in joined.holding(_JOINED_WORD_NOTE):
        t = all_texts[i]
        for m in _WORD_NOTE.finditer(t.text):
            if after_end(t.path, m.start()):
                continue
            if m.group("marker") is not None:
                found = repr(m.group("marker"))
                yield Finding(
                    t.path,
                    tr(
                        "the number {found} of footnote [^{id}] written again after its marker: "
                        "the number Word printed after its reference, left by the conversion",
                        found=found,
                        id=m.group("marker"),
                    ),
                    offset=m.end() - len(m.group("marker")),
                    length=len(m.group("marker")),
                    help=tr("delete the {found} after [^{id}]", found=found, id=m.group("marker")),
                )
                continue
            note = m.group("id")
            yield Finding(
                t.path,
                tr(
                    "footnote {id} left in the text as Word's export writes it: {found}",
                    id=note,
                    found=repr(_start_of(m.group(), 60)),
                ),
                offset=m.start(),
                length=m.end() - m.start(),
                help=tr(
                    "move the footnote's text to 'footnotes' (id '{id}'), write its marker "
                    "[^{id}] where the text has its mark, and delete it here",
                    id=note,
                ),
            )
    language = ctx.resolution.language
    lowered: list[str] = []  # the file's texts in small letters, once needed

    def written(word: str) -> bool:
        # whether the file's texts hold ``word`` (a word of its own, in any case)
        if not lowered:
            lowered.append(blank_joined(ctx).lower())
        whole, word = lowered[0], word.lower()
        at = whole.find(word)
        while at >= 0:
            end = at + len(word)
            if not (whole[at - 1 : at].isalnum() or whole[at - 1 : at] == "-") and not (
                whole[end : end + 1].isalnum() or whole[end : end + 1] == "-"
            ):
                return True
            at = whole.find(word, at + 1)
        return False

    for i in joined.holding(_JOINED_HYPHEN_BLANK):
        t = all_texts[i]
        for m in _HYPHEN_BLANK.finditer(t.text):
            if after_end(t.path, m.start()):
                continue
            first, second = _hyphen_halves(t.text, m)
            keep = _keeps_hyphen(first, second, language, written)
            kept, joined_word = repr(first + second), repr(first[:-1] + second)
            # (the message and the help hold whether the editor sees a blank
            # or, in a folded block, the second half on the next line)
            yield Finding(
                t.path,
                tr(
                    "{first} and {second}: one word cut apart at a line break of the PDF the "
                    "text was converted from",
                    first=repr(first),
                    second=repr(second),
                ),
                offset=m.start("blank"),
                length=len(m.group("blank")),
                help=tr(
                    "join {second} to {first}, keeping the hyphen: {word}",
                    first=repr(first),
                    second=repr(second),
                    word=kept,
                )
                if keep
                else tr(
                    "join {second} to {first} without the hyphen: {word}",
                    first=repr(first),
                    second=repr(second),
                    word=joined_word,
                )
                if keep is not None
                else tr(
                    "join {second} to {first}: {kept} if the hyphen is the word's, {joined} if "
                    "the line break cut one word in two",
                    first=repr(first),
                    second=repr(second),
                    kept=kept,
                    joined=joined_word,
                ),
            )
    yield from _hyphen_variants(ctx, joined)
    for t, start, end, note in _pasted_note_texts(ctx, all_texts, joined):
        if after_end(t.path, start):
            continue
        yield Finding(
            t.path,
            tr(
                "the text of footnote {id} written into this entry after its end: {found}, "
                "what a copy of a page with its footnotes leaves",
                id=repr(note),
                found=repr(_start_of(t.text[start:end], 60)),
            ),
            offset=start,
            length=end - start,
            help=tr(
                "delete it here: footnote {id} holds it, called by its marker [^{id}]",
                id=note,
            ),
        )
    for i in _word_pages(joined):
        t = all_texts[i]
        for m in _WORD_PAGE.finditer(t.text):
            if after_end(t.path, m.start()):
                continue
            found = repr(m.group())
            yield Finding(
                t.path,
                tr(
                    "page header or footer {found} left in the text of {where}",
                    found=found,
                    where=_where(t.path),
                ),
                offset=m.start(),
                length=m.end() - m.start(),
                help=_page_help(m.group(), t.text, t.path),
            )


@rule(
    "conversion-artefact",
    "error",
    "leftovers of Word or PDF conversion: [bookmark: …], '2014Buenos Aires', '20102014', "
    "'particulierSur', "
    "a label left "
    "in the text, merged footnotes and headings, page headers, stray glyphs, invisible "
    "characters, tatweels and ligatures, character references such as &apos;, HTML tags",
)
def conversion_artefact(ctx: Context) -> Iterator[Finding]:
    """Text that a conversion left behind: Word's ``[bookmark: …]`` and
    ``[footnoteRef:…]``, a year glued to the next word ("2014Buenos Aires",
    the trace of a tracked change: record the revision in ``history`` and
    keep the revised text; not a year before an ideograph: "2018年" is how
    Chinese writes a year) or to a later year ("(Rév. Guadalajara,
    20102014)": the year struck and the one inserted; not a number of eight
    digits that only looks like two years, "20101990"), two words run
    together, the second with its capital ("en particulierSur les
    activités": a blank lost, or a word struck and the next inserted; a
    warning naming both; not "YouTube", "IoT", "MoUs", "ccTLD", "PowerPoint",
    nor a web address's words), or two revisions in
    one parenthesis with a blank between them ("(Dubaï, 2014 Buenos Aires,
    2017)", "(Rév. Guadalajara, 2010 2014)": the later second, its place
    capitalised; "(Genève, 2003 et Tunis, 2005)" is two places said), a
    Word document's page number or running header ("- 5 -", "Rés. 59 3",
    "RÉS. 59 (Rév. Buenos Aires, 2017)"), what a Word footnote leaves around
    its converted marker (its number again, "développement[^1]1 et"; its
    text as Word's export writes it, "[1: 1 Par pays ...]", after which the
    entry's end mark is judged), a footnote's text written into an entry
    after its end mark, its number first, as a copy of a page with its
    footnotes leaves it ('développés"; 1 Par pays en développement, ...':
    the file's footnote of that number, its first three words), a word cut
    after its hyphen at a PDF's line break, a blank between its halves
    ("capacity- building", "dévelop- pement", "Secretary- General", "IMT-
    2020", "2020- 2023", "e- waste"; not a hyphen left hanging before a
    conjunction or "to": "short- and long-term"): told as its two halves,
    'high-' and 'level' (in a folded block the second may be on the next
    line, where the editor sees no blank), the help naming the word to
    write: with its hyphen for a compound (a capital or a digit beside the
    hyphen, a letter alone before it, the file writing the word so
    elsewhere, or English, whose Final Acts cut a word at a line end only
    at its hyphen), without it where the file writes the word whole
    elsewhere ("développement"), both where nothing tells, a compound the
    file writes with its hyphen ("high-level", "IMT-2020", "CWG-Internet")
    written elsewhere in it with the hyphen lost, as a line break mended by
    hand leaves it ("Highlevel", "IMT2020"; "IMT 2020", a blank for the
    hyphen, only in a name: an acronym or a number beside a capital or a
    digit, since English writes "gender equality" as well as
    "gender-equality"): a warning, the file's own spelling the evidence (no
    dictionary: a compound written nowhere else with its hyphen is not
    told); a blank beside the hyphen of such a compound ("CWG -Internet",
    "cost - effectiveness"), a blank before a hyphen and none after it
    between two words whatever the file writes ("sub -indices": neither a
    compound's nor a dash's spacing), a hyphen doubled inside a word
    ("above--mentioned"), an HTML or XML character reference left as
    text ("d&apos;intérêt", "&#8217;": a text escaped twice), HTML tags
    left as text ("<b>normes</b>", "<br>": one finding a text; not "< 2
    Mbit/s"; a footnote's call in "<sup>1</sup>" is footnote-unused's when
    the note is marked nowhere, else the help writes its marker) and
    Markdown's strong emphasis ("**normes**"), a title that holds what the
    heading writes (its number first, "RÉSOLUTION 59 – Renforcer ...", or a
    conference's revision last, "... (Rév. Buenos Aires, 2017)"; or the
    heading alone: a warning each), a label left
    at the start of an entry's text ("a) the …" in the text of item a), "1
    to explore …" in an unlabelled
    clause: the label belongs in ``label``; until it is there, the label
    left in the text is the entry's for whoever looks the entry up, so that a
    citation of it, or words that name it, are no second finding), and what
    a PDF conversion
    leaves (the ones ``itures import`` reports): labels inside a text (items
    run into one), a footnote merged into the text ("____ 1 These include
    …": with its call, the number glued to a word in the text before or in an
    earlier text, "developing countries1", attached; a block of notes, "____
    5 … secure. 6 ITU … 7 Source: …", is one finding naming each note and
    its call; its help says where the last note ends and that the entry's
    words after it stay in the text, "the note ends at '…/OECD.': keep
    'innovation in products, …' in the text", where a word in small letters
    or a clause's number after its full stop, a bullet, a label or a heading
    tells it, else to keep any words of the entry after the note: a note cut
    from its rule to the entry's end takes them with it; a note that
    'footnotes' holds already, the same words under its id, is told to be
    deleted from the text, not moved again), an operative heading merged into an item or a clause (quoted
    and spanned as its verb and actors, without the words of a first clause
    run into it unnumbered: "instructs the Director ... Bureau", not "... to
    ensure ..."; each heading of a clause into which the conversion ran
    two or three sections is one finding; a heading left at the end of the
    last text of a section, whose words the next section's heading is
    already, is told to be deleted; not another text's verb a recital cites, after "in particular" or naming its
    resolution, "thereof"; not a verb in an item of a preambular section
    that another preambular section follows: the operative part comes after
    the whole preamble, and "the Committee ..., in its General
    Recommendation No. 37, ..., recommends that States ..." is the
    recital's sentence), the text that
    follows the document ("PART VI - SIGNATORIES": one finding, and no rule
    reports what is in it or in the items and clauses after it: they are
    deleted with it), page headers and footers
    ("562 D - 81"; an item or clause whose whole text is one is to be
    deleted, and no rule reports its missing label or end mark), a stray glyph inside a word ("ITUǦcoordinated"), garbled
    words, letters the conversion could not write, replaced by '?' or
    U+FFFD ("Secr?taire g?n?ral", "d\ufffdveloppement", "???? ????": one
    finding a text, the help naming the words the file writes whole
    elsewhere; not a question mark after a word, nor a web address's '?'), a Word field's code left as text ("{ REF _Ref123 \\h }": copied
    with the field codes shown; or without its braces, before what the field
    showed: 'HYPERLINK "http://…"', "PAGEREF _Toc12 \\h 3": delete the code),
    a bulleted list run into a text ("as follows: • e-government •
    e-business"; dashes for bullets, "-", "–" or "−" between blanks at the
    text's start or after ':' or ';', "including: - all activities; - the
    reasons ...; and - ...", and after a full stop in a text holding such
    a one, not a dash between words or numbers, "2020 - 2023", "ITU - D",
    a parenthetic " – ": its points are entries of their own, nested
    under it; one finding for the text; the points of a list split into
    entries that each keep their bullet at the start are one finding for
    the list), an annex's title run into its first paragraph where the
    annex has none (a warning, in English, French and Spanish: the words
    from the paragraph's capital to a small word that starts a sentence, a
    label or a bullet after a word in small letters, "Elements for review of
    the ITU regional presence The review of ...", read as the title), a tab between two words (Word's separator: write a blank; one after a
    label left at the start of the text is that label's finding), a control
    character (Word's manual line break U+000B between two words: write a
    blank), two years run together where a revision names one ("(Buenos Aires,
    20172014)", in either order), words in UTF-8 read as Latin-1 or Windows-1252 ("VÃ©rification",
    "l’Union" written "lâ€™Union"), a C1 control character (U+0080 to U+009F:
    never text), an invisible character a word processor leaves in a text (a soft
    hyphen, a zero-width space, a word joiner, a byte order mark: the word
    looks whole and a search does not find it; so is a direction mark,
    U+200E, U+200F or U+061C, typed between two letters, "الات\\u200eحاد",
    "partici\\u200epation": beside a blank, a digit or punctuation it sets the
    direction of a Latin run or a number and is left alone, and so is a
    zero-width joiner, which scripts use), a tatweel stretching an Arabic
    word ("تعـزيز", "القـــرار": not a letter, it keeps a search from finding
    the word; a run of them is one finding; the article before a Latin
    abbreviation or a number, "الـITU", keeps it), a ligature a PDF's
    text gives ("ﬁnancières": write the letters), a title cut short ("... development of telecommunications and
    ...", "ITU Journal:", "... of the Union (2": a parenthesis opened and not
    closed at its end is this, not punctuation's; "... the Internet and th",
    "... telecommunication sect": a last word the file's texts write nowhere,
    but a longer word starting with it, "the", "sector"; a title cut after
    a whole word, "... developing states, landlocked", is not told from one
    that ends there). Labels inside a text after words that lead into them
    ("with a view to: i) preserving ...; ii) ...", "measures to prevent a)
    the inducement ...; b) ...": a list that starts there, not one going on
    from the entry's own label) are a list nested in the entry: the help
    nests them under it; the first label of a run, inside a sentence or
    after a full stop, is named and counted with the others. One finding per defect: what a defect also covers
    is attached to it (see the module's documentation).

    Failing::

        - label: a)
          text: 'a) the strategic plan of the Union[bookmark: _Toc1];'
        - label: b)
          text: >-
            the ITUǦcoordinated events, ____________________ 1 These include the
            least developed countries; 562 D - 81

    Passing::

        - label: a)
          text: the strategic plan of the Union;
        - label: b)
          text: the ITU-coordinated events[^1];
    """
    cut = cut_title(ctx.resolution.title)
    if cut is not None:
        yield Finding(
            ("title",),
            tr(
                "the title ends with {end}: cut short by the conversion (a title ends with its "
                "last word)",
                end=repr(ctx.resolution.title[cut:].rstrip()),
            ),
            offset=cut,
            length=len(ctx.resolution.title[cut:].rstrip()),
            help=tr("complete the title from the published text"),
        )
    elif (
        cut_at := cut_word(ctx.resolution.title, blank_joined(ctx), ctx.resolution.language)
    ) is not None:
        at, longer = cut_at
        tail = ctx.resolution.title[at:].rstrip()
        yield Finding(
            ("title",),
            tr(
                "the title ends with {end}, a word the file's texts write nowhere else (they "
                "write {longer}): cut short by the conversion",
                end=repr(tail),
                longer=repr(longer),
            ),
            offset=at,
            length=len(tail),
            help=tr("complete the title from the published text"),
        )
    yield from _title_heading(ctx.resolution)
    all_texts = texts(ctx)
    joined = joined_texts(ctx)
    for i in _word_artefacts(joined):
        t = all_texts[i]
        for m in _ARTEFACTS.finditer(t.text):
            if m.group("bookmark"):
                found = repr(m.group(0))
                msg = tr("Word bookmark {found} left in the text; delete it", found=found)
                fix = tr("delete {found}", found=found)
            elif m.group("fnref"):
                msg = tr(
                    "Word footnote reference {found} left in the text; write the marker [^ID] "
                    "and the footnote's text under footnotes",
                    found=repr(m.group(0)),
                )
                fix = tr("write the marker [^ID] here, and the footnote's text under 'footnotes'")
            elif m.group("struck"):
                years = _two_years(m)
                if years is None:
                    if not _year_of_a_revision(t.text, m):
                        continue
                    # "(Buenos Aires, 20172014)": where one year stands, in either order
                    last = last_revision(ctx.resolution)
                    kept = (
                        str(last.year)
                        if last is not None and str(last.year) in (m["struck"], m["inserted"])
                        else None
                    )
                    msg = tr(
                        "two years run together where a revision names one: {found}, the trace "
                        "of a tracked change; keep the revised year",
                        found=repr(m.group(0)),
                    )
                    fix = (
                        tr(
                            "keep {year} only, the year of the last revision the history records",
                            year=repr(kept),
                        )
                        if kept is not None
                        else tr("keep the year of this revision only")
                    )
                    yield Finding(t.path, msg, offset=m.start(), length=8, help=fix)
                    continue
                msg = tr(
                    "two years run together: {found}, the trace of a tracked change ({struck} "
                    "struck, {inserted} inserted); keep the revised year",
                    found=repr(m.group(0)),
                    struck=years[0],
                    inserted=years[1],
                )
                fix = tr("keep the revised year only: {year}", year=repr(years[1]))
            else:
                end = m.end()
                word = re.match(r"\w+", t.text[end:])
                glued = t.text[m.start() : end + (word.end() if word else 0)]
                msg = tr(
                    "year glued to a word: {glued}, the trace of a tracked change or of a lost "
                    "space; keep the revised text (and record the revision in history)",
                    glued=repr(glued),
                )
                fix = tr(
                    "keep the revised place and year only, and record the revision in 'history'"
                )
            yield Finding(t.path, msg, offset=m.start(), length=len(m.group(0)), help=fix)
    yield from _word_residue(ctx, all_texts, joined)
    yield from _lost_letters(ctx, all_texts)
    yield from _tags(ctx, all_texts, joined)
    yield from _glued_words(ctx, all_texts, joined)
    for i in joined.holding(_JOINED_REFERENCE) if b"&" in joined.form else ():
        t = all_texts[i]
        for m, char in _references(t.text):
            found, shown = repr(m.group(0)), _shown(char)
            yield Finding(
                t.path,
                tr(
                    "character reference {found} left in the text by a conversion (a text "
                    "escaped twice, or copied from a web page's source); write the character "
                    "it stands for, {char}",
                    found=found,
                    char=shown,
                ),
                offset=m.start(),
                length=len(m.group(0)),
                help=tr("replace {found} with {char}", found=found, char=shown),
            )
    for i in joined.holding(_JOINED_FIELD) if b"{" in joined.form else ():
        t = all_texts[i]
        for m in _FIELD.finditer(t.text):
            found = f"'{m.group(0)}'"  # (as written: its backslashes are the code's)
            yield Finding(
                t.path,
                tr(
                    "Word field code {found} left in the text (copied with the field codes "
                    "shown): a reader sees the code, not what the field showed",
                    found=found,
                ),
                offset=m.start(),
                length=len(m.group(0)),
                help=tr(
                    "write what the published text shows there (the number, page or words the "
                    "field gave), in place of {found}",
                    found=found,
                ),
            )
    bare = b"REF _" in joined.form or b"HYPERLINK " in joined.form
    for i in joined.holding(_JOINED_BARE_FIELD) if bare else ():
        t = all_texts[i]
        braced = [f.span() for f in _FIELD.finditer(t.text)] if "{" in t.text else []
        for m in _BARE_FIELD.finditer(t.text):
            if any(a <= m.start() < b for a, b in braced):
                continue  # (a code in its braces: said above)
            found = f"'{m.group(0)}'"
            yield Finding(
                t.path,
                tr(
                    "Word field code {found} left in the text by the conversion, before what "
                    "the field showed",
                    found=found,
                ),
                offset=m.start(),
                length=len(m.group(0)),
                help=tr("delete {found}", found=found),
            )
    for t in all_texts:
        if "\t" in t.text:
            yield from _tabs(t)
    yield from _annex_titles(ctx.resolution)
    # (a bullet is beyond ASCII; a dash bullet is "- " or beyond ASCII)
    bulleted = set(joined.wide).union(joined.holding_literal(_JOINED_DASH))
    if bulleted:
        merged = document_end(ctx)
        points: list[tuple[Text, Finding]] = []
        for i in sorted(bulleted):
            t = all_texts[i]
            if t.path[-1] == "text" and t.path[0] in ("preamble", "operative", "annexes"):
                bullets = _bullets(t)
                if bullets is not None and (
                    merged is None or not merged.covers(t.path, bullets.offset)
                ):
                    points.append((t, bullets))
        yield from _bulleted_points(points)
    # (the quick test of a labelled entry, most entries: its text starts with
    # its label, or labels.text_label finds nothing)
    labels = [
        f
        for lst in lists(ctx)
        for e in lst.entries
        if (not e.label or e.text.lstrip().startswith(e.label.strip()))
        and (f := _label_finding(lst, e))
    ]
    if labels:
        # a label at the start of a text in a list reported as garbled (a
        # table's rows converted as paragraphs: "3 I.3 Telecommunication/ICT
        # accessibility", a tick of a cell before its row's title) is that
        # finding's: numbering-gap's, which covers the list
        garbled = analyse(ctx).garbled
        if garbled:
            labels = [f for f in labels if f.path[:-1] not in garbled]
    scan = scans(ctx)
    dirty = leftover_texts(ctx)
    # for the summary (itures.summary.summarise), from the scans just made
    ctx.local["run-in"] = run_in(ctx.resolution, all_texts, dirty, scan)
    yield from _pdf_findings(ctx, labels, dirty, all_texts)


# The words an item or a clause starts with that are never names: an entry
# starting with one in capitals ("The", "De", "Que") was capitalised by a word
# processor (Word capitalises the first letter of a paragraph as it is typed),
# not written so. A name or an acronym ("Resolution 123", "ITU-D", "Member
# States") is not among them, nor a word that starts a place's name ("La
# Haye", "El Salvador": "la", "el" are left out).
_STARTS_SMALL: dict[str, frozenset[str]] = {
    "en": frozenset(
        ["to", "that", "the", "a", "an", "of", "in", "on", "for", "with", "its", "their"]
    ),
    "fr": frozenset(["de", "d", "que", "qu", "à", "le", "les", "l", "des", "du", "un", "une"]),
    "es": frozenset(["que", "de", "los", "las", "a", "al", "del", "un", "una", "su", "sus"]),
}
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# The words of a title written in capitals (three of them and twenty letters:
# not "ITU-T AND WSIS+20", "TELECOM EVENTS")
_TITLE_WORD = re.compile(r"[^\W\d_]+")


def _written_again(text: str, word: re.Match[str]) -> bool:
    """Whether a text's first word is written again right after it ("The
    the ..."): ``word-duplicate`` reports it, and its fix leaves one."""
    rest = text[word.end() :]
    after = rest.lstrip(" ")
    again = _FIRST_WORD.match(after)
    return (
        len(after) < len(rest)
        and again is not None
        and again.group().lower() == word.group().lower()
    )


def _small_start(text: str | None) -> tuple[int, str] | None:
    """(offset, word) of the first word of ``text`` when it starts with a
    small letter (a script with capitals), or None. Not a word whose small
    letter is its writing ("e-Health", "iPhone": a small letter, then a
    hyphen or a capital)."""
    if not text:
        return None
    start = len(text) - len(text.lstrip())
    word = _FIRST_WORD.match(text, start)  # (letters only: a hyphen ends it)
    if word is None or not word.group()[0].islower():
        return None
    written = word.group()
    if written[1:2].isupper() or text[word.end() : word.end() + 1] == "-":
        return None
    return start, written


@rule(
    "text-capital",
    "warning",
    "a section heading that starts with a capital, or an item or a clause where the others of "
    "its list start small: Word's capital at a paragraph's start; a title in capitals; a title, "
    "a conference formula or a footnote that starts small",
)
def text_capital(ctx: Context) -> Iterator[Finding]:
    """An item or a clause (preambular and operative lists, at any depth)
    that starts with a capital where every other entry of its list starts
    with a small letter, its first word one that is never a name ("The
    final report ...", "De mener ...", "Que ..."): ITU texts start them
    small ("the final report ...", "de mener ...", "que ..."), and a word
    processor capitalises the first letter of a paragraph as it is typed.
    Not an entry starting with a name or an acronym ("Resolution 123 ...",
    "ITU-D ..."), nor a list whose entries start with capitals (annexed
    guidelines written as sentences), nor annex paragraphs. English, French
    and Spanish. A preambular or operative section's heading that starts
    with a capital ("Considérant", "RESOLVES"), in every language: a heading
    starts with its verb, written small (the 451 headings of the PP-18
    Final Acts are); an annex's heading is not one of them, nor a heading
    that ``heading-mismatch`` reports ('Decide' in French: it names the
    heading to write). A title written in
    capitals, three words and twenty letters or more ("RENFORCER LA
    COORDINATION ...": a heading's style kept by a conversion; not "ITU-T
    AND WSIS+20"), in every language that has capitals; a title or a
    conference formula that starts with a small letter ("measures to
    improve ...", "the Plenipotentiary Conference ..."), in those languages
    too (not a word written so: "e-Health"); so is a footnote (ITU's are
    sentences: "Par pays en développement, on entend ...").

    Failing::

        items:
          - label: a)
            text: the strategic plan of the Union;
          - label: b)
            text: The final report of the working group,

    Passing::

        items:
          - label: a)
            text: the strategic plan of the Union;
          - label: b)
            text: the final report of the working group,
    """
    res = ctx.resolution
    title = res.title
    words = _TITLE_WORD.findall(title) if title.isupper() else []
    if len(words) >= 3 and sum(map(len, words)) >= 20:
        yield Finding(
            ("title",),
            tr(
                "the title is written in capitals: a heading's style kept by a conversion (ITU "
                "titles are written in small letters, a capital at their start and in names)"
            ),
            offset=len(title) - len(title.lstrip()),
            length=len(title.strip()),
            help=tr("write the title as published, in small letters but for its names"),
        )
    starts: list[tuple[tuple[str | int, ...], str | None]] = [
        (("title",), title),
        (("conference",), res.conference),
    ]
    starts += [(("footnotes", f, "text"), note.text) for f, note in enumerate(res.footnotes)]
    for path, value in starts:
        small_start = _small_start(value)
        if small_start is not None:
            start, written = small_start
            if path[0] == "title":
                message = tr(
                    "the title starts with a small letter: ITU titles start with a capital"
                )
            elif path[0] == "conference":
                message = tr(
                    "the conference formula starts with a small letter: it is a sentence, "
                    "and starts with a capital"
                )
            else:
                message = tr(
                    "footnote {id} starts with a small letter: ITU's footnotes are sentences, "
                    "and start with a capital",
                    id=repr(res.footnotes[int(path[1])].id),
                )
            yield Finding(
                path,
                message,
                offset=start,
                length=len(written),
                help=tr("write {meant}", meant=repr(written[0].upper() + written[1:])),
            )
    headings = [("preamble", s, p.heading) for s, p in enumerate(res.preamble)]
    headings += [("operative", s, o.heading) for s, o in enumerate(res.operative)]
    for part, s, heading in headings:
        start = len(heading) - len(heading.lstrip())
        word = _FIRST_WORD.match(heading, start)
        if word is None or not word.group()[:1].isupper():
            continue
        written = word.group()
        meant = written.lower() if written.isupper() else written[0].lower() + written[1:]
        yield Finding(
            (part, s, "heading"),
            tr(
                "the heading {heading} starts with a capital: ITU texts write a section's "
                "heading small, as its verb",
                heading=repr(short(heading)),
            ),
            offset=start,
            length=len(written),
            help=tr("write {meant}", meant=repr(meant)),
        )
    small = _STARTS_SMALL.get(res.language)
    if small is None:
        return
    for lst in lists(ctx):
        if lst.part == "annex" or len(lst.entries) < 2:
            continue
        capitals = [e for e in lst.entries if e.text.lstrip()[:1].isupper()]
        if len(capitals) != 1:
            continue  # (most lists: none; several: the list is written so)
        entry = capitals[0]
        start = len(entry.text) - len(entry.text.lstrip())
        word = _FIRST_WORD.match(entry.text, start)
        if word is None or word.group().lower() not in small:
            continue
        written = word.group()
        if _written_again(entry.text, word):
            continue  # "The the ...": word-duplicate's (one defect, one finding)
        meant = written[0].lower() + written[1:]
        which = _entry_named(lst, entry)
        yield Finding(
            (*entry.path, "text"),
            tr(
                "{which} of {where} starts with {word}, a capital where the other entries of "
                "the list start small: a word processor's capital at a paragraph's start",
                which=which,
                where=lst.where(),
                word=repr(written),
            ),
            offset=start,
            length=len(written),
            help=tr("write {meant}", meant=repr(meant)),
        )
