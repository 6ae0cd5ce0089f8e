"""Typographic conventions of one script or language, for the ``punctuation``
rule: what a keyboard or a hurried edit gets wrong in a text that otherwise
reads well.

* Chinese **book-title marks** ``《》`` and ``〈〉`` with no partner in their
  text ("《国际电联组织法第53款"), or a pair closed by the mark of the other
  kind ("《国际电联组织法〉": one finding, at the mark to retype);
* in Chinese, a **blank between two Chinese characters** or beside a Chinese
  mark ("之间的 密切合作": Chinese writes none; a folded YAML line broken
  between two ideographs writes one too), and a blank between a Chinese
  character and a number or a Latin word where the rest of the file writes
  none ("国际电联 2014-2017年" in a file that writes "国际电联2014-2017年"): a
  file writes them one way;
* the **comma between a conference's place and its year** lost, in the
  formula or a citation's revision ("(Busan 2014)", "(Rev. Busan 2014)",
  "(بوسان 2014)", "（2014年釜山）"), where the place is one the calendar
  (:mod:`itures.conferences`) or the file's history knows: a date
  ("(September 2014)") is not a place;
* in Russian, the **"г." after a conference's year** lost, or its dot
  ("(Пусан, 2014)", "(Дубай, 2018 г)": Russian texts write "(Пусан, 2014 г.)");
* in French and Spanish, **a noun that names what a citation cites written
  without its accent** ("la Resolution 150" in French, "la Resolucion 150"
  in Spanish) or as English writes it ("Recommendation" in French);
* a **noun glued to its number** ("Résolution5", "Resolution71", "Annex2"):
  the blank lost;
* a **period of years** whose end is no year, or comes before its start
  ("the years 2014-2817", "2017-2014"): a digit mistyped;
* a **number written with a zero first** ("Article 05", "the 0022
  plenipotentiary conference"): a digit mistyped;
* **the Secretary-General's title** written as another house style writes
  it: "Secretary General" in English, "Secrétaire Général" in French;
* in French, **the blank inside « »** written both ways in one file: a
  no-break space in most, a plain blank in one ("« Réduire"), which lets a
  line break between the mark and its word.

Each is a warning, one finding a text (the ways of a file: one finding a
file, the others attached). Each is looked for behind a quick test of the
file's texts joined, so that a file without the marks costs one search.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from heapq import merge
from itertools import accumulate
from typing import TYPE_CHECKING

from itures import textscan
from itures.conferences import (
    MEETINGS,
    accented_in,
    fold_place,
    known_spelling,
    spelling_in,
)
from itures.i18n import replacements, tr
from itures.rules import Finding, Place
from itures.rules._walk import Text, in_citation_words
from itures.suggest import one_slip

if TYPE_CHECKING:
    from itures.rules import _abbreviations

__all__ = [
    "abbreviation_initials",
    "book_titles",
    "chinese_blanks",
    "crossed",
    "crossed_abbreviations",
    "glued_numbers",
    "guillemet_blanks",
    "ize_spellings",
    "lone",
    "place_and_year",
    "sector_letters",
    "titles",
    "typing_slips",
    "unaccented_nouns",
]

# the places of a kind a finding lists, at most
_SHOWN = 100


def _at(m: re.Match[str]) -> int:
    """Where a match starts (the key that merges several searches in order)."""
    return m.start()


def _starts(all_texts: list[Text]) -> list[int]:
    """Where each text starts in the texts joined by one character."""
    return [0, *accumulate(len(t.text) + 1 for t in all_texts[:-1])]


def _holding(all_texts: list[Text], at: list[int]) -> list[int]:
    """The indices of the texts that hold the places ``at`` of the texts
    joined by one character, in order, each once."""
    starts = _starts(all_texts)
    return sorted({bisect_right(starts, a) - 1 for a in at})


# --- Chinese book-title marks -------------------------------------------------

_TITLE_MARKS = "《》〈〉"


def lone(text: str, opening: str, closing: str) -> tuple[int, str] | None:
    """The first ``opening`` left open, or the first ``closing`` with none
    open before it; None when they pair."""
    open_at: list[int] = []
    for i, char in enumerate(text):
        if char == opening:
            open_at.append(i)
        elif char == closing:
            if not open_at:
                return i, char
            open_at.pop()
    return (open_at[0], opening) if open_at else None


# where a quotation or a title left open most likely ends: before the first
# mark that ends a phrase ('; , : ! ?' before a blank or the end, a full stop
# ending the text: 'Rev. Busan' and '2014 г.' hold dots inside), or, in
# Chinese, before an article or a paragraph number ('第53款')
_PHRASE_END = re.compile(
    r"[;:,!?](?=\s|$)|\.$|[；：，。、！？）]|第[0-9０-９一二三四五六七八九十百]"
)


def closing_place(text: str, start: int, opening: str) -> tuple[int, str] | None:
    """Where the quotation or title that ``opening`` opens at ``start`` and no
    mark closes most likely ends (:data:`_PHRASE_END`), and the last words
    before that place, for a help to name it ("write '»' after 'счетов
    Союза'"). None when no such mark follows, when another ``opening`` comes
    first (two quotations: which one is open?), when the mark is inside a
    parenthesis opened after it, or when no word comes between."""
    m = _PHRASE_END.search(text, start + 1)
    if m is None:
        return None
    inside = text[start + 1 : m.start()].rstrip()
    if opening in inside or not inside.strip() or inside.count("(") > inside.count(")"):
        return None  # (a comma inside parentheses: '(Rev. Busan, 2014)' ends no title)
    words = inside.split()
    shown = " ".join(words[-3:]) if len(words) > 1 else words[-1][-10:]
    return start + 1 + len(inside), shown


def book_titles(all_texts: list[Text], whole: str) -> Iterator[Finding]:
    """A book-title mark with no partner in its text, or a double mark closed
    by a single one ('《...〉') or the other way: one finding a text, at the
    mark to retype or the mark left alone. ``whole`` is the texts joined by
    "\\0"."""
    at = [i for mark in _TITLE_MARKS if (i := whole.find(mark)) >= 0]
    if not at:
        return  # (most files)
    for t in all_texts:
        text = t.text
        if not any(m in text for m in _TITLE_MARKS):
            continue
        double = lone(text, "《", "》")
        single = lone(text, "〈", "〉")
        if double is None and single is None:
            continue
        if double is not None and single is not None:
            # a title opened by one kind and closed by the other ('《...〉',
            # '〈...》'): the single mark is taken for the slip, the double
            # marks being the usual ones
            (d, dmark), (s, smark) = double, single
            if dmark == "《" and smark == "〉" and s > d:
                yield _crossed(t, s, "〉", "》")
                continue
            if smark == "〈" and dmark == "》" and d > s:
                yield _crossed(t, s, "〈", "《")
                continue
        offset, mark = min(x for x in (double, single) if x is not None)
        partner = {"《": "》", "》": "《", "〈": "〉", "〉": "〈"}[mark]
        yield Finding(
            t.path,
            tr(
                "book-title mark {mark} with no {partner} in this text: a title opened and "
                "not closed, or closed and not opened",
                mark=repr(mark),
                partner=repr(partner),
            ),
            offset=offset,
            length=1,
            help=_title_help(text, offset, mark, partner),
        )


def _title_help(text: str, offset: int, mark: str, partner: str) -> str:
    """The help for a book-title mark left alone: where the title seems to
    end, when a mark after it says (:func:`closing_place`)."""
    if mark in "《〈":
        place = closing_place(text, offset, mark)
        if place is not None:
            return tr(
                "write {partner} after '{words}', where the title seems to end, or delete "
                "the stray {mark}",
                partner=repr(partner),
                words=place[1],
                mark=repr(mark),
            )
        return tr(
            "write the {partner} where the title ends, or delete the stray {mark}",
            partner=repr(partner),
            mark=repr(mark),
        )
    return tr(
        "write the {partner} where the title starts, or delete the stray {mark}",
        partner=repr(partner),
        mark=repr(mark),
    )


def _crossed(t: Text, offset: int, written: str, meant: str) -> Finding:
    return Finding(
        t.path,
        tr(
            "book-title mark {written} pairs with a mark of the other kind: {meant} meant",
            written=repr(written),
            meant=repr(meant),
        ),
        offset=offset,
        length=1,
        help=tr("write {meant} in place of {written}", meant=repr(meant), written=repr(written)),
    )


# --- Chinese blanks -----------------------------------------------------------

# Chinese characters (CJK Unified Ideographs and Extension A, compatibility
# ideographs) and Chinese marks (CJK Symbols and Punctuation, the full-width forms)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = _HAN + "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
# a blank between two of them (a character or a mark on either side; a blank
# before '，', '。', '；', '：' or '、' is punctuation's own finding, "a blank before")
_CJK_BLANK = re.compile(f"(?<=[{_CJK}])[ \u00a0\u3000]+(?=[{_CJK}])(?![，。；：、])")
# a Chinese character beside a number, or beside a Latin letter: with a
# blank, without (each kind its own way in a file: "2014年" does not make
# "ITU-T Y.2060 建议书" a slip)
_SPACED = {
    kind: re.compile(f"(?<=[{_HAN}])[ \u00a0]+(?=[{other}])|(?<=[{other}])[ \u00a0]+(?=[{_HAN}])")
    for kind, other in (("0", "0-9"), ("A", "A-Za-z"))
}
_TIGHT = {
    kind: re.compile(f"[{_HAN}][{other}]|[{other}][{_HAN}]")
    for kind, other in (("0", "0-9"), ("A", "A-Za-z"))
}
# what either needs (a quick test): a blank beside a Chinese character or mark
_MAYBE_CJK_BLANK = re.compile(f"[{_CJK}][ \u00a0\u3000]|[ \u00a0\u3000][{_CJK}]")


def chinese_blanks(all_texts: list[Text], whole: str) -> Iterator[Finding]:
    """In a Chinese file: a blank between two Chinese characters or beside a
    Chinese mark (one finding a text), and blanks between a Chinese character
    and a number or a Latin letter where the rest of the file writes none
    (one finding, the others attached). ``whole`` is the texts joined by
    "\\0"."""
    if _MAYBE_CJK_BLANK.search(whole) is None:
        return  # (a Chinese file without a blank beside its characters: most)
    between: set[int] = set()
    for i in _holding(all_texts, [m.start() for m in _CJK_BLANK.finditer(whole)]):
        t = all_texts[i]
        m = _CJK_BLANK.search(t.text)
        if m is None:
            continue
        between.add(i)
        yield Finding(
            t.path,
            tr(
                "a blank between Chinese characters ({words}): Chinese writes none",
                words=repr(t.text[max(0, m.start() - 3) : m.end() + 3]),
            ),
            offset=m.start(),
            length=m.end() - m.start(),
            help=tr("delete the blank"),
        )
    for kind in ("0", "A"):
        spaced = [
            (t, m.start(), m.end() - m.start())
            for i, t in enumerate(all_texts)
            if i not in between
            for m in _SPACED[kind].finditer(t.text)
        ]
        if not spaced:
            continue
        tight = sum(len(_TIGHT[kind].findall(t.text)) for t in all_texts)
        if len(spaced) >= tight:
            continue  # (the file's way, or as many of each: either way is written)
        (first, at, length), *rest = spaced
        yield Finding(
            first.path,
            tr(
                "a blank between a Chinese character and a number here ({count} in all), none "
                "in the rest of the file ({others} in all): a file writes them one way",
                count=len(spaced),
                others=tight,
            )
            if kind == "0"
            else tr(
                "a blank between a Chinese character and a Latin letter here ({count} in all), "
                "none in the rest of the file ({others} in all): a file writes them one way",
                count=len(spaced),
                others=tight,
            ),
            offset=at,
            length=length,
            help=tr("delete the blank, as the rest of the file does"),
            related=tuple(
                Place(t.path, tr("a blank beside a Chinese character"), offset=k, length=n)
                for t, k, n in rest[:_SHOWN]
            ),
        )


# --- the place and the year of a conference ----------------------------------

# an inside of parentheses, either width, none across texts
_PARENTHESES = re.compile(r"[(（]([^()（）\0]{3,80})[)）]")
# what a place and a year need, in the joined form (:class:`textscan.Joined`:
# digits '0', '.' ',', a letter beyond ASCII '?'): a year after a blank that
# closes a parenthesis, not after a comma (", 0000)" is how a place and a year
# are written; "@0000)" ends a citation's target). In Arabic, whose comma is a
# '?' there, and in Russian, whose "г." after the year is looked for ("г.": '?,'),
# after any blank. (Each pattern starts with a literal, which a search finds
# quickly, and looks behind after it: it may look into the text before, a text
# then tested for nothing, never one less.)
_YEAR_CLOSED = re.compile(rb"0000(?<=[^,] 0000) ?\)")
_YEAR_CLOSED_ANY = re.compile(rb"0000(?<= 0000)(?: ?\?,?)? ?\)")
# a full stop typed for that comma ("Rév. Genève. 2007)"), which the form
# writes as a comma: looked for in the texts as written
_STOP_YEAR = re.compile(r"\. \d{4} ?\)")
# in Chinese, a year and '年' ("2014年釜山")
_YEAR_ZH = re.compile(rb"0000\?")


# a place and a year without the comma between them ("Rev. Busan 2014",
# "Пересм. Пусан 2014 г.", "المراجَع في بوسان 2014"), or with another mark
# typed for it ("Rev. Dubai: 2018", "Rév. Genève. 2007", "Rev. Dubai; 2018")
_NO_COMMA = re.compile(
    r"(?P<rev>(?:R[eé]v\.|R[EÉ]V\.|Пересм\.|المراجَع في|المراجع في)\s*)?"
    r"(?P<place>[^\W\d_][^\d,،]*?[^\W\d_.])(?P<mark>[.;:؛])?\s+(?P<year>\d{4})(?P<g>\s*г\.?)?"
)
# the same in Chinese ("2014年釜山", "2014年釜山，修订版")
_NO_COMMA_ZH = re.compile(
    r"(?P<year>\d{4})\s*年\s*(?P<place>[^\W\d_][^，,\d]*?)(?P<rev>[，,]\s*修订版?)?"
)
# a Russian place and year with the comma, "г." lost or its dot
_RU_YEAR = re.compile(r"(?:Пересм\.\s*)?[А-ЯЁ][^\d,]*?,\s*(?P<year>\d{4})(?P<g>\s*г)?")


def place_and_year(
    all_texts: list[Text], language: str, form: textscan.Joined, whole: str, history: list[str]
) -> Iterator[Finding]:
    """A conference's place and year in parentheses written without the
    comma between them, or with another mark for it ("Rev. Dubai: 2018"), where the place is one the calendar or the file's
    history (``history``, its places as written) knows; in Russian, the
    "г." after the year lost, or its dot. One finding a text. ``form`` is
    the file's texts joined (:class:`textscan.Joined`), ``whole`` joined by
    "\\0"."""
    quick = (
        _YEAR_ZH
        if language == "zh"
        else _YEAR_CLOSED_ANY
        if language in ("ar", "ru")
        else _YEAR_CLOSED
    )
    found = form.holding(quick)
    if language != "zh" and ". " in whole:
        # (a full stop typed for the comma, which the form writes as one)
        stops = [m.start() for m in _STOP_YEAR.finditer(whole)]
        if stops:
            found = sorted({*found, *_holding(all_texts, stops)})
    if not found:
        return  # (most texts: a year closes no parenthesis, or after a comma)
    own = {fold_place(p) for p in history}
    for i in found:
        t = all_texts[i]
        for m in _PARENTHESES.finditer(t.text):
            finding = _place_year(t, m, language, own)
            if finding is not None:
                yield finding
                break


def _place_year(t: Text, m: re.Match[str], language: str, own: set[str]) -> Finding | None:
    inside, start = m.group(1), m.start(1)
    if language == "zh":
        z = _NO_COMMA_ZH.fullmatch(inside.strip())
        if z is None or fold_place(z.group("place")) not in own:
            return None
        lead = len(inside) - len(inside.lstrip())
        right = f"{z.group('year')}年，{z.group('place')}{z.group('rev') or ''}"
        return _comma_lost(t, start + lead, inside.strip(), right)
    n = _NO_COMMA.fullmatch(inside.strip())
    if n is not None:
        place = n.group("place")
        if not (known_spelling(place) or fold_place(place) in own):
            return None
        lead = len(inside) - len(inside.lstrip())
        comma = "،" if language == "ar" else ","
        g = n.group("g") or ""
        if language == "ru":
            g = " г."
        right = f"{n.group('rev') or ''}{place}{comma} {n.group('year')}{g}"
        mark = n.group("mark")
        if mark is not None:
            return _mark_for_comma(t, start + lead, inside.strip(), mark, right)
        return _comma_lost(t, start + lead, inside.strip(), right)
    if language != "ru":
        return None
    r = _RU_YEAR.fullmatch(inside.strip())
    if r is None:
        return None
    lead = len(inside) - len(inside.lstrip())
    year = r.group("year")
    written = year + (r.group("g") or "")
    return Finding(
        t.path,
        tr(
            "the year of a conference is written {written}: Russian texts write '{year} г.'",
            written=repr(written),
            year=year,
        ),
        offset=start + lead + r.start("year"),
        length=len(written),
        help=tr("write '{year} г.'", year=year),
    )


# every spelling of a place the calendar holds, as written
_WRITTEN_PLACES = frozenset(
    unicodedata.normalize("NFC", p) for met in MEETINGS.values() for ps in met.values() for p in ps
)
# a place and a year in parentheses, after the comma between them ("(Busán,
# 2014)"), in the joined form: the parenthesis first, a literal the search
# jumps to (", " first is a try at each comma and full stop of the form)
_PLACE_YEAR_QUICK = re.compile(rb"\)(?:(?<=, 0000\))|(?<=, 0000 \)))")
# ... read in the text: the place (after "Rev." if written), the year
_PLACE_YEAR = re.compile(
    r"\((?:R[eé]v\.\s*)?(?P<place>[^\W\d_][^()\[\],\d]{1,40}?),\s*(?P<year>\d{4})\s*\)"
)


def place_slips(all_texts: list[Text], language: str, form: textscan.Joined) -> Iterator[Finding]:
    """A conference's place in parentheses with its year, outside a
    citation's words (reference-text reads those), typed as no language
    writes it: an accent or a capital typed in it ("(Guadalajára, 2010)",
    "(BusAn, 2014)"), or a letter lost, doubled or two swapped ("(Bussan, 2014)"),
    where one conference met that year at the place it is a slip of. One
    finding a text, with the place as the file's language writes it (a
    quick fix for an accent or a case; a guess for a letter). Not a place
    in capitals (an annex's heading, "(REV. DUBAI, 2018)"), nor another
    language's spelling ("Busán" in English: its own), nor a revision's
    ("(Rev. Busan, 2014)": a citation, marked or not, reference-text's or
    reference-unmarked's). ``form``: the file's
    texts joined (:class:`textscan.Joined`)."""
    if language not in ("en", "fr", "es"):
        return
    data, starts = form.form, form.starts
    said: set[int] = set()
    for hit in _PLACE_YEAR_QUICK.finditer(data):
        # (looked at in the form first: a citation's words end there, "…,
        # 2014)](pp:71@2014)", or name a revision, "(Rev. Busan, 2014)": most
        # places, read by reference-text or reference-unmarked)
        opened = data.rfind(b"(", max(0, hit.start() - 60), hit.start())
        if data.startswith(b"](", hit.end()) or data.startswith(b"R", opened + 1):
            continue
        i = bisect_right(starts, hit.start()) - 1
        t = all_texts[i]
        end = hit.end() - starts[i]
        if i in said:
            continue
        opened = t.text.rfind("(", max(0, end - 60), end)
        m = _PLACE_YEAR.match(t.text, opened) if opened >= 0 else None
        if m is None or m.end() != end:
            continue
        place, year = m.group("place").strip(), int(m.group("year"))
        if (
            place in _WRITTEN_PLACES
            or place.isupper()  # (a heading in capitals: "(REV. DUBAI, 2018)")
            or in_citation_words(t.text, m.start())
        ):
            continue
        right = _place_meant(place, year, language)
        if right is None:
            continue
        said.add(i)
        yield Finding(
            t.path,
            tr(
                "{written}: the place of the conference of {year} as no language writes it; "
                "it is written {right}",
                written=repr(place),
                year=year,
                right=repr(right),
            ),
            offset=m.start("place"),
            length=len(place),
            severity="warning",
            help=tr("write {right}", right=repr(right)),
        )


def _place_meant(place: str, year: int, language: str) -> str | None:
    """The place, as ``language`` writes it, of the one conference of
    ``year`` whose place ``place`` is a slip of (an accent, a case, a
    letter); None when none is, or more than one."""
    folded = fold_place(place)
    meant = {
        spellings
        for body, met in MEETINGS.items()
        if (spellings := met.get(year)) is not None
        and any(fold_place(p) == folded or one_slip(folded, fold_place(p)) for p in spellings)
    }
    if len(meant) != 1:
        return None
    (spellings,) = meant
    return spelling_in(spellings, language) or accented_in(spellings, language) or spellings[0]


def _mark_for_comma(t: Text, offset: int, written: str, mark: str, right: str) -> Finding:
    return Finding(
        t.path,
        tr(
            "the place and the year of a conference are written with {mark} between them, "
            "where ITU writes a comma: {written}",
            mark=repr(mark),
            written=repr(written),
        ),
        offset=offset,
        length=len(written),
        help=tr("write {right}", right=repr(right)),
    )


def _comma_lost(t: Text, offset: int, written: str, right: str) -> Finding:
    return Finding(
        t.path,
        tr(
            "the place and the year of a conference are written without the comma between "
            "them: {written}",
            written=repr(written),
        ),
        offset=offset,
        length=len(written),
        help=tr("write {right}", right=repr(right)),
    )


# --- the revision's abbreviation ---------------------------------------------------

# "Rev." before a revision's place and year, its full stop lost or another
# mark typed for it ("(Rev Dubai, 2018)", "(REV, DUBAI, 2018)", "(Rév: Genève,
# 2007)"): the abbreviation, the mark, blanks, the place's first letter, a
# year closing the parenthesis (not "(Revised 2018)", nor "(Rev. Dubai,
# 2018)"; nor "(Rév;Genève, 2007)", the mark glued to the place: punctuation's
# "no blank after" check tells it so)
_REV_MARK = re.compile(
    r"\((?P<rev>R[eé]v|R[EÉ]V)(?P<mark>[,;:]?)[ \u00a0]+[^\W\d_][^()\d\0]*\d{4}[ \u00a0]*\)"
)
# the abbreviation as each language writes it there
_REV_RIGHT = {"en": "Rev.", "fr": "Rév.", "es": "Rev."}


def revision_marks(all_texts: list[Text], language: str, whole: str) -> Iterator[Finding]:
    """ "Rev." before a revision's place and year written without its full
    stop, or with another mark typed for it ("(Rev Dubai, 2018)", "ANNEX TO
    RESOLUTION 34 (REV, DUBAI, 2018)", "(REV: ANTALYA, 2006)"), in English,
    French and Spanish: one finding a text, with the abbreviation to write
    (in capitals where it is written so). Not in a citation's words:
    reference-text tells those. ``whole``: the texts joined by "\\0"."""
    right = _REV_RIGHT.get(language)
    if right is None or _REV_MARK.search(whole) is None:
        return  # (nearly all files)
    for t in all_texts:
        if "(R" not in t.text:
            continue
        for m in _REV_MARK.finditer(t.text):
            if in_citation_words(t.text, m.start()):
                continue
            rev, mark = m.group("rev"), m.group("mark")
            write = right.upper() if rev.isupper() else right
            if rev.isupper() and language == "fr" and rev == "REV":
                write = "REV."  # (French capitals may drop the accent)
            written = rev + mark
            lost = tr(
                "{written} before the revision's place, without its full stop: the "
                "abbreviation is written {right}",
                written=repr(written),
                right=repr(write),
            )
            yield _stop_slip(t, m.start("rev"), written, write, mark, lost)
            break


def _stop_slip(t: Text, offset: int, written: str, right: str, mark: str, lost: str) -> Finding:
    """The finding of an abbreviation ``written`` at ``offset`` whose full
    stop was typed as ``mark`` (as punctuation's message for the mark glued
    to the word after it), or lost (``mark`` empty: the message ``lost``),
    with ``right`` to write."""
    return Finding(
        t.path,
        tr(
            "{written}: the full stop of {right} typed as {mark}",
            written=repr(written),
            right=repr(right),
            mark=repr(mark),
        )
        if mark
        else lost,
        offset=offset,
        length=len(written),
        help=tr("write {right}", right=repr(right)),
    )


# "No." before the number of a provision of the Constitution, the
# Convention or the Radio Regulations, in English, its full stop lost or
# another mark typed for it ("No 244 of the Convention", "No: 244"); not a
# word that ends with "no" ("Juno 2"), nor "No. 244", nor "Nos" (the Final
# Acts write "Nos 6 and 7" and "Nos. 9 and 10")
_NUMBER_MARK = re.compile(r"No(?<![^\W\d_]No)(?P<mark>[,;:]?)[ \u00a0]*(?=\d)")


def number_marks(all_texts: list[Text], whole: str) -> Iterator[Finding]:
    """In English, "No." before a provision's number written without its
    full stop, or with another mark typed for it ("No 244 of the
    Convention", "No: 244", "No, 244"): one finding a text, with the
    abbreviation to write. ``whole``: the texts joined by "\\0"."""
    if _NUMBER_MARK.search(whole) is None:
        return  # (nearly all files)
    for t in all_texts:
        m = _NUMBER_MARK.search(t.text) if "No" in t.text else None
        if m is None:
            continue
        written = t.text[m.start() : m.start("mark") + len(m.group("mark"))]
        lost = tr(
            "{written} before a provision's number, without its full stop: the "
            "abbreviation is written {right}",
            written=repr(written),
            right=repr("No."),
        )
        yield _stop_slip(t, m.start(), written, "No.", m.group("mark"), lost)


# --- a noun glued to its number ---------------------------------------------------

# the nouns that name what a citation cites, in the six languages' scripts
# read here, at the end of what is before a number glued to them
# ("Résolution5", "Resolution71", "Резолюции71")
_GLUED_NOUN = re.compile(
    r"(?<![^\W\d_])"
    r"(?:R[eé]solu(?:tions?|ci[oó]n(?:es)?)|D[eé]cisi[oó]n(?:s|es)?"
    r"|Recomm?[ae]nda(?:tions?|ci[oó]n(?:es)?)|Annexe?|Anexo|Appendix|Appendice|Ap[eé]ndice"
    r"|Article|Art[ií]culo|Резолюци[яиюей]|Решени[яеюй]|Приложени[еяю]|القرار|قرار)\Z"
)
_NUMBER = re.compile(r"\d{1,4}(?!\d)")
# the longest noun
_LONGEST = 16


# what it needs, in the joined form: a letter the nouns end with, then a
# digit (a Russian or an Arabic noun ends with a '?' there, as an en dash
# does before a year: that only in those files). A literal first, see above.
_MAYBE_GLUED = re.compile(rb"0(?<=[nsxeo]0)")
_MAYBE_GLUED_WIDE = re.compile(rb"0(?<=[nsxeo?]0)")


def glued_numbers(all_texts: list[Text], language: str, form: textscan.Joined) -> Iterator[Finding]:
    """A noun that names a resolution, a decision or a recommendation, or a
    part of one (an annex, an appendix, an article), glued to its number
    ("Résolution5", "Annex2 to Decision 5"): one finding a text. ``form`` is the
    file's texts joined (:class:`textscan.Joined`)."""
    quick = _MAYBE_GLUED_WIDE if language in ("ru", "ar") else _MAYBE_GLUED
    data, starts = form.form, form.starts
    spaces: list[str] = []  # the file's space after such a noun, looked for once
    m = quick.search(data)
    while m is not None:
        i = bisect_right(starts, m.start()) - 1
        t = all_texts[i]
        at = m.start() - starts[i]
        noun = _GLUED_NOUN.search(t.text, max(0, at - _LONGEST), at) if at else None
        number = _NUMBER.match(t.text, at) if noun is not None else None
        if noun is None or number is None:
            m = quick.search(data, m.end())
            continue
        yield Finding(
            t.path,
            tr(
                "no blank between {noun} and its number {number}",
                noun=repr(noun.group()),
                number=repr(number.group()),
            ),
            offset=noun.start(),
            length=number.end() - noun.start(),
            help=_glued_help(noun.group(), number.group(), spaces or _file_space(form, spaces)),
        )
        m = quick.search(data, starts[i + 1])  # (one finding a text)


def _file_space(form: textscan.Joined, found: list[str]) -> list[str]:
    """``found`` given the no-break space the file writes between such a
    noun (any of them: "Résolutions" or "Décision" tells for "Résolution")
    and its number elsewhere (French typography: "Résolution\u00a05"), or a
    plain blank. Each place is read back at most the longest noun: the whole
    file once."""
    for space in ("\u00a0", "\u202f"):
        for t in form.texts:
            if space in t and any(
                _GLUED_NOUN.search(t, max(0, i - _LONGEST), i)
                for i in (m.start() for m in _SPACE_NUMBER[space].finditer(t))
            ):
                found.append(space)
                return found
    found.append(" ")
    return found


_SPACE_NUMBER = {space: re.compile(f"{space}(?=\\d)") for space in ("\u00a0", "\u202f")}


def _glued_help(noun: str, number: str, spaces: list[str]) -> str:
    """The help of a noun glued to its number: the blank to write, the
    no-break space the file writes there elsewhere (:func:`_file_space`)."""
    space = spaces[0]
    if space != " ":
        return tr(
            "write '{noun}{space}{number}' (a no-break space between them, as the rest of "
            "the file writes it)",
            noun=noun,
            space=space,
            number=number,
        )
    return tr("write '{noun} {number}'", noun=noun, number=number)


# --- a year, or a percentage, glued to the word beside it ----------------------

# a number of four digits (a year) after two small letters, in the joined
# form (a digit is "0" there); a literal first, see above. (A year glued to
# the word after it, "2014Buenos", "2015baseline": conversion-artefact's.)
_YEAR_GLUED = re.compile(rb"0000(?<=[a-z]{2}0000)")
_SMALL_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[a-z]{2,24}\Z")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
# '%' before a letter ("30%compared"), not in a web address's escapes
PERCENT_GLUED = re.compile(r"%(?=[^\W\d_]{2})")
# a word in small letters run into an abbreviation after it ("onWTPF",
# "ofICTs"): the two parts
SMALL_THEN_CAPITALS = re.compile(r"([a-zß-öø-ÿ]{2,})([A-Z]{2,}s?)")


# a period of years ("2014-2017", "2014–2017"): four digits, a hyphen or a
# character beyond ASCII (an en dash), four digits, in the joined form (a
# digit is "0" there); a literal first
_PERIOD = re.compile(rb"0000[-?]0000")
_PERIOD_WRITTEN = re.compile(r"(?<![\w.\-/])(\d{4})([-–])(\d{4})(?![\w\-/])")


def periods(all_texts: list[Text], language: str, form: textscan.Joined) -> Iterator[Finding]:
    """A period of years whose end is no year of ITU's texts, or comes
    before its start ("for the years 2014-2817", "2014-4017", "2017-2014"):
    a digit mistyped, or two swapped. A warning, one a text, which does not
    guess the digit. Its start is a year (1865 to 2100: not a document's
    or a standard's number, "27001-2013"); not in a web address or a
    citation's target. In Arabic, whose texts may write a period from right
    to left ("السنوات 2017-2014"), its end's year alone is looked at."""
    data, starts = form.form, form.starts
    said: set[int] = set()
    m = _PERIOD.search(data)
    while m is not None:
        i = bisect_right(starts, m.start()) - 1
        t = all_texts[i]
        at = m.start() - starts[i]
        written = _PERIOD_WRITTEN.match(t.text, at)
        if (
            i not in said
            and written is not None
            and 1865 <= int(written.group(1)) <= 2100
            and not (
                int(written.group(1)) < int(written.group(3)) <= 2100
                or (language == "ar" and 1865 <= int(written.group(3)) <= 2100)
            )
            and not in_address(t.text, at, written.end())
        ):
            said.add(i)
            # (two whole messages: a translated fragment inside another reads badly)
            values = {"written": repr(written.group()), "end": written.group(3)}
            yield Finding(
                t.path,
                tr(
                    "the years {written}: the period ends in {end}, no later than it starts; "
                    "a digit mistyped, or the two years swapped?",
                    **values,
                )
                if int(written.group(3)) <= int(written.group(1))
                else tr(
                    "the years {written}: the period ends in {end}, after 2100; a digit mistyped?",
                    **values,
                ),
                offset=at,
                length=written.end() - at,
                severity="warning",
                help=tr("write the years as meant"),
            )
        m = _PERIOD.search(data, m.end())


def glued_years(all_texts: list[Text], form: textscan.Joined, joined: str) -> Iterator[Finding]:
    """The blank lost between a year and the word before it, in small
    letters ("for2020-2023", "in2015"), where the file writes that word
    alone: one finding a text, with the words to write (a quick fix). Not a
    name written with its digits ("IMT2020", "Connect2030": a capital), nor
    a web address ("www.itu.int/itu2020/"). ``form``: the file's texts
    joined (:class:`textscan.Joined`); ``joined``: joined by a blank
    (:func:`itures.rules._walk.blank_joined`)."""
    data, starts = form.form, form.starts
    seen: dict[str, bool] = {}  # (each word looked for once)
    m = _YEAR_GLUED.search(data)
    while m is not None:
        i = bisect_right(starts, m.start()) - 1
        t = all_texts[i]
        text = t.text
        at = m.start() - starts[i]
        year = _FOUR_DIGITS.match(text, at)
        before = _SMALL_WORD_BEFORE.search(text, max(0, at - 24), at) if at else None
        found: tuple[int, int, str] | None = None
        if year is not None and before is not None:
            word = before.group()
            if word not in seen:
                seen[word] = alone(joined, word)
            if seen[word]:
                found = (before.start(), at + 4, f"{word} {year.group()}")
        if found is None or in_address(text, found[0], found[1]):
            m = _YEAR_GLUED.search(data, m.end())
            continue
        start, end, right = found
        yield Finding(
            t.path,
            tr(
                "{written}: no blank between the word and the year after it",
                written=repr(text[start:end]),
            ),
            offset=start,
            length=end - start,
            help=tr("write {right}", right=repr(right)),
        )
        m = _YEAR_GLUED.search(data, starts[i + 1])  # (one finding a text)


def glued_percents(all_texts: list[Text], whole: str) -> Iterator[Finding]:
    """A percentage glued to the word after it ("30%compared"): one finding
    a text, with the blank to write (a quick fix). Not in a web address
    ("%E2%80%99" there). ``whole``: the texts joined by "\\0"."""
    m = PERCENT_GLUED.search(whole)
    if m is None:
        return  # (most files)
    starts = list(accumulate([len(t.text) + 1 for t in all_texts], initial=0))
    said: set[int] = set()
    while m is not None:
        i = bisect_right(starts, m.start()) - 1
        t = all_texts[i]
        at = m.start() - starts[i]
        if i not in said and not in_address(t.text, at, at + 1):
            said.add(i)
            word = _LETTERS.match(t.text, at + 1)
            assert word is not None  # (two letters at least, the pattern's)
            written = t.text[at : word.end()]
            yield Finding(
                t.path,
                tr(
                    "no blank after '%' in {written}: ITU texts write a blank between a "
                    "percentage and the next word",
                    written=repr(written),
                ),
                offset=at,
                length=len(written),
                help=tr("write {right}", right=repr("% " + word.group())),
            )
        m = PERCENT_GLUED.search(whole, m.end())


def alone(joined: str, word: str) -> bool:
    """Whether ``joined`` holds ``word`` as a word of its own: neither a
    letter nor a digit beside it, nor an apostrophe before it (the word of
    an apostrophe glued to it, "ITU'regional")."""
    at = joined.find(word)
    end = len(word)
    while at >= 0:
        before = joined[at - 1 : at]
        if (
            not before.isalnum()
            and before not in ("'", "’")
            and not joined[at + end : at + end + 1].isalnum()
        ):
            return True
        at = joined.find(word, at + 1)
    return False


def in_address(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is in a web address, a path or a
    citation's target: a word that holds '/', '@', '_' or '.' between two
    characters that are not blanks, or stands after ']('. The word is read
    100 characters either side at most (a run of characters with no blank
    read whole at each of its places would take the square of its length)."""
    window = text[max(0, start - 100) : end + 100]
    at = start - max(0, start - 100)
    left = max(window.rfind(" ", 0, at), window.rfind("\n", 0, at)) + 1
    ends = [k for k in (window.find(" ", at), window.find("\n", at)) if k >= 0]
    token = window[left : min(ends, default=len(window))]
    return (
        "](" in window[max(0, left - 2) : left + len(token)]
        or any(c in token for c in "/@_")
        or re.search(r"\w\.\w", token) is not None
    )


# --- French guillemets ----------------------------------------------------------

# the blank after '«' and the one before '»'
_GUILLEMET_BLANK = re.compile("(?<=«)[ \u00a0\u202f]|[ \u00a0\u202f](?=»)")


def guillemet_blanks(all_texts: list[Text], whole: str) -> Iterator[Finding]:
    """A French file whose blanks inside « » are no-break spaces and plain
    blanks both: one finding, at the first plain blank (at the first
    no-break space where those are fewer), the others attached. ``whole`` is
    the texts joined by "\\0"."""
    if "«" not in whole:
        return
    plain: list[tuple[Text, int]] = []
    fixed: list[tuple[Text, int]] = []
    for t in all_texts:
        if "«" in t.text or "»" in t.text:
            for m in _GUILLEMET_BLANK.finditer(t.text):
                (plain if m.group() == " " else fixed).append((t, m.start()))
    if not plain or not fixed:
        return
    if len(plain) <= len(fixed):
        fewer = plain
        message = tr(
            "a plain blank inside « » here ({count} in all), a no-break space in the rest of "
            "the file ({others} in all): a line may break between the mark and its word",
            count=len(plain),
            others=len(fixed),
        )
        help_ = tr("write a no-break space (U+00A0) for the blank, as the rest of the file does")
        named = tr("a plain blank inside « »")
    else:
        fewer = fixed
        message = tr(
            "a no-break space inside « » here ({count} in all), a plain blank in the rest of "
            "the file ({others} in all): a French file writes them one way",
            count=len(fixed),
            others=len(plain),
        )
        help_ = tr("write a plain blank for the no-break space, as the rest of the file does")
        named = tr("a no-break space inside « »")
    (first, at), *rest = fewer
    yield Finding(
        first.path,
        message,
        offset=at,
        length=1,
        help=help_,
        related=tuple(Place(t.path, named, offset=k, length=1) for t, k in rest[:_SHOWN]),
    )


# --- nouns without their accents ------------------------------------------------

# (the language, the noun as a slip writes it, lower case) -> as the language writes it
_UNACCENTED: dict[str, dict[str, str]] = {
    "fr": {
        "resolution": "résolution",
        "resolutions": "résolutions",
        "decision": "décision",
        "decisions": "décisions",
        "recommendation": "recommandation",
        "recommendations": "recommandations",
    },
    "es": {
        "resolucion": "resolución",
        "resolution": "resolución",
        "decision": "decisión",
        "recomendacion": "recomendación",
        "recommendation": "recomendación",
    },
}
# what each needs (a quick test): a part of the nouns only the slips write
_UNACCENTED_QUICK = {
    "fr": ("esolution", "ecision", "ecommendation"),
    "es": ("esolucion", "esolution", "ecision", "ecomendacion", "ecommendation"),
}
_UNACCENTED_WORD = {
    language: re.compile(
        r"(?<![^\W\d_])(?i:" + "|".join(sorted(nouns, key=len, reverse=True)) + r")(?![^\W\d_])"
    )
    for language, nouns in _UNACCENTED.items()
}


# The Secretary-General's title as ITU's texts write it, and as a keyboard
# or another house style writes it: in English with a hyphen and its
# capitals ("Secretary General", "Secretary – General", "secretary-general";
# not "Secretary- General", a PDF's line break, which conversion-artefact
# reports), in French with a small 'g' and a capital 'S' ("Secrétaire
# Général", "secrétaire général", "Secrétaire-général"), in Spanish with two
# capitals ("Secretario general"); and as another language's version writes
# it ("le Secretary-General"). A language -> (the quick tests, literals of
# the texts joined; the pattern, in any case; the form to write). Not a
# deputy's ("Vice-Secrétaire général", "Vicesecretario General": a word or a
# hyphen before), nor the plural.
_TITLE_WORDS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "en": (
        ("ecretary",),
        r"(?<![\w-])secretary(?:[ \u00a0]+|[-\u2011]|[ \u00a0]*[\u2013\u2014][ \u00a0]*)"
        r"general(?![\w-])",
        "Secretary-General",
    ),
    "fr": (
        ("ecrétaire", "ecretaire"),
        r"(?<![\w-])secr[ée]taire(?:[ \u00a0]+|[-\u2011])g[ée]n[ée]ral(?![\w-])",
        "Secrétaire général",
    ),
    "es": (
        ("ecretario",),
        r"(?<![\w-])secretario(?:[ \u00a0]+|[-\u2011])general(?![\w-])",
        "Secretario General",
    ),
}
# the title's first word but its first letter, in the three languages: what a
# search finds first (a literal start, "ecr"), then the title is matched there
_TITLE_QUICK = re.compile(r"ecr(?:etary|étaire|etaire|etario)")
# (each language's title, and the other two's, which a text pasted from
# another version writes: "le Secretary-General" in French)
_TITLES: dict[str, tuple[tuple[str, ...], re.Pattern[str], str]] = {
    lang: (
        tuple(q for quick, _, _ in _TITLE_WORDS.values() for q in quick),
        re.compile(
            "(?i)" + "|".join(f"(?P<{lang}>{p})" for lang, (_, p, _) in _TITLE_WORDS.items())
        ),
        right,
    )
    for lang, (_, _, right) in _TITLE_WORDS.items()
}


def titles(all_texts: list[Text], language: str, whole: str) -> Iterator[Finding]:
    """The Secretary-General's title written otherwise than ITU's texts in
    the file's language write it ("Secretary General" in English,
    "Secrétaire Général" or "secrétaire général" in French, "Secretario
    general" in Spanish), or as another language writes it ("le
    Secretary-General" in French): one finding a text, spanning its first to its
    last, with the form to write. ``whole`` is the texts joined. A
    non-breaking hyphen ("Secretary\u2011General") is the title as written,
    and so is the title in capitals, as a heading writes it."""
    found = _TITLES.get(language)
    if found is None:
        return
    _, pattern, right = found
    # (each title found where its word's letters after the first are: the
    # pattern, which starts by looking behind, matched there alone)
    hits: dict[int, list[int]] = {}
    starts: list[int] = []
    for q in _TITLE_QUICK.finditer(whole):
        at = q.start()
        if whole.startswith(right, at - 1):
            continue  # (the title as written right: most of them)
        if not starts:
            starts.extend(_starts(all_texts))
        i = bisect_right(starts, at) - 1
        if at > starts[i]:
            hits.setdefault(i, []).append(at - 1 - starts[i])
    for i in sorted(hits):
        t = all_texts[i]
        matched = (pattern.match(t.text, at) for at in sorted(hits[i]))
        written = [
            m
            for m in matched
            if m is not None
            and m.group().replace("\u2011", "-") != right
            # (two blanks for one, "Secrétaire  général": punctuation's two blanks)
            and " ".join(m.group().split()) != right
            # (in capitals, a heading's: "RAPPORT DU SECRÉTAIRE GÉNÉRAL"; another
            # language's in a section's heading: heading-mismatch's, whose
            # heading is that language's)
            and not m.group().isupper()
            and (m.lastgroup == language or t.path[-1] != "heading")
        ]
        if not written:
            continue
        forms = list(dict.fromkeys(m.group() for m in written))
        yield Finding(
            t.path,
            tr(
                "{written}: ITU's texts in this language write the title {right}",
                written=", ".join(repr(w) for w in forms),
                right=repr(right),
            ),
            offset=written[0].start(),
            length=written[-1].end() - written[0].start(),
            help=tr("write {pairs}", pairs=replacements([(repr(w), repr(right)) for w in forms])),
        )


# The names of ITU's membership that its texts write with capitals ("Member
# States", "Sector Members"; "États Membres", "Membres de Secteur"; "Estados
# Miembros", "Miembros de Sector"), and the resolution's own noun, which
# French and Spanish write with its capital ("la présente Résolution", "la
# presente Resolución"; English writes "this resolution") and the title of
# a Bureau's Director ("le Directeur du BDT"), written small:
# a language -> the quick
# tests (literals of the joined form, each the name's end with a small
# letter where the slip puts one: most files write the name right, and a
# literal of a dozen letters is found in microseconds), the pattern of the
# name in any case, and the words to write. The accent of "États" is the
# file's ("Etats", as older texts write it, stays).
_CAPITALISED: dict[str, tuple[tuple[bytes, ...], re.Pattern[str], tuple[str, ...]]] = {
    "en": (
        (
            b"ember states",
            b"member States",
            b"ector members",
            b"sector Members",
            b"director of",
            b"the union",
        ),
        re.compile(
            r"(?i:(member) (states)|(sector) (members)"
            r"|(?<![\w-])(director)(?-i:(?= of (?:the )?(?:BDT|TSB|BR)\b| of the (?:Telecommunication"
            r" Development|Telecommunication Standardization|Radiocommunication) Bureau\b)))"
            # ("the union": ITU, which its English texts write "the Union", never small)
            r"|(?<![\w-])(?<=the )(union)"
            r"(?![\w-])"
        ),
        ("Member", "States", "Sector", "Members", "Director", "Union"),
    ),
    "fr": (
        (
            b"tats membres",
            b"embres de secteur",
            b"membres de Secteur",
            b"sente r?solution",
            b"directeur du",
        ),
        re.compile(
            r"(?i:(?<=[ÉEée])(tats) (membres)|(membres) de (secteur)"
            r"|(?<=présente )(résolution)"
            r"|(?<![\w-])(directeur)(?-i:(?= du (?:Bureau|BDT|TSB|BR)\b)))(?![\w-])"
        ),
        ("tats", "Membres", "Membres", "Secteur", "Résolution", "Directeur"),
    ),
    "es": (
        (
            b"stados miembros",
            b"iembros de sector",
            b"miembros de Sector",
            b"sente resoluci?n",
            b"director de la",
        ),
        re.compile(
            r"(?i:(?<=[Ee])(stados) (miembros)|(miembros) de (sector)"
            r"|(?<=presente )(resolución)"
            r"|(?<![\w-])(director)(?-i:(?= de la (?:Oficina|BDT|TSB|BR)\b)))(?![\w-])"
        ),
        ("stados", "Miembros", "Miembros", "Sector", "Resolución", "Director"),
    ),
}


# In English, the last word of an organ's or a conference's name written
# small ("Telecommunication Development bureau", "Plenipotentiary
# conference"): the quick tests (literals of the joined form: most files
# write no such word small after a capital), and each word with the words
# its names write before it
# (two: each quick test is one more search of the file; the names ITU's texts
# write most)
_ORGAN_QUICK = (b" bureau", b"Plenipotentiary conference")
_ORGAN_LAST = {
    " bureau": (
        "Telecommunication Development",
        "Telecommunication Standardization",
        "Radiocommunication",
    ),
    " conference": ("Plenipotentiary",),
}


def _organs_small(text: str) -> Iterator[tuple[int, int, str, str]]:
    """The names of :data:`_ORGAN_LAST` in ``text`` whose last word is
    written small: (start, end, as written, as ITU writes it)."""
    for small, names in _ORGAN_LAST.items():
        at = text.find(small)
        while at >= 0:
            end = at + len(small)
            if not text[end : end + 1].isalnum() and text[end : end + 1] != "-":
                for name in names:
                    start = at - len(name)
                    if text.endswith(name, 0, at) and (start == 0 or not text[start - 1].isalnum()):
                        # (the last word with its capital: " bureau" -> " Bureau")
                        right = text[start : at + 1] + small[1].upper() + small[2:]
                        yield start, end, text[start:end], right
                        break
            at = text.find(small, end)


def capitalised_names(
    all_texts: list[Text], language: str, joined: textscan.Joined
) -> Iterator[Finding]:
    """The names of ITU's membership written with small letters where ITU's
    texts write capitals ("member states", "Sector members", "États
    membres"), in English the last word of a Bureau's name or of the
    Plenipotentiary Conference's ("Telecommunication Development bureau",
    "Plenipotentiary conference": not "the plenipotentiary conference",
    which ITU's texts write small), and the resolution's own
    noun in French and Spanish ("la présente résolution"): one finding a
    text, spanning its first to its last, with the names to write. Not a
    word with a capital typed inside it that the file writes right
    elsewhere ("Member StAtes": punctuation's finding of such a capital)."""
    found = _CAPITALISED.get(language)
    if found is None:
        return
    quick, pattern, right = found
    named = {i for literal in quick for i in joined.holding_literal(literal)}
    organs: set[int] = set()
    if language == "en":
        for literal in _ORGAN_QUICK:
            organs.update(joined.holding_literal(literal))
    for i in sorted(named | organs):
        t = all_texts[i]
        slips: list[tuple[int, int, str, str]] = []
        if i in organs:
            slips.extend(_organs_small(t.text))
        # (the pattern of the names, on the texts whose quick tests hold one:
        # it is tried at each character of a text)
        for m in pattern.finditer(t.text) if i in named else ():
            groups = [g for g in range(1, len(right) + 1) if m.group(g) is not None]
            meant = m.group()
            for g in groups:
                start, end = m.start(g) - m.start(), m.end(g) - m.start()
                meant = meant[:start] + right[g - 1] + meant[end:]
            if any(
                any(c.isupper() for c in m.group(g)[1:])
                and joined.holding_literal(right[g - 1].encode())
                for g in groups
            ):
                # (a capital typed inside a word the file writes right elsewhere,
                # "Member StAtes": punctuation's finding of such a capital)
                continue
            written, at = m.group(), m.start()
            if language in ("fr", "es") and m.group(1) is not None:
                # (the capital before: the file's É or E, "Etats" as older texts write it)
                at -= 1
                written = m.string[at : m.end()]
                meant = written[0].upper() + meant
            if meant != written:
                slips.append((at, at + len(written), written, meant))
        if not slips:
            continue
        slips.sort()
        pairs = list(dict.fromkeys((repr(w), repr(r)) for _, _, w, r in slips))
        yield Finding(
            t.path,
            tr(
                "{written}: ITU's texts write the name with capitals, {right}",
                written=", ".join(w for w, _ in pairs),
                right=", ".join(r for _, r in pairs),
            ),
            offset=slips[0][0],
            length=slips[-1][1] - slips[0][0],
            help=tr("write {pairs}", pairs=replacements(pairs)),
        )


def unaccented_nouns(all_texts: list[Text], language: str, whole: str) -> Iterator[Finding]:
    """In French and Spanish, a noun that names a resolution, a decision or
    a recommendation written without its accent or as English writes it
    ("Resolution" in a French text): one finding a text, with the word to
    write. ``whole`` is the texts joined by "\\0"."""
    quick = _UNACCENTED_QUICK.get(language)
    if quick is None or not any(q in whole for q in quick):
        return
    pattern = _UNACCENTED_WORD[language]
    nouns = _UNACCENTED[language]
    for i in _holding(all_texts, [m.start() for m in pattern.finditer(whole)]):
        t = all_texts[i]
        m = pattern.search(t.text)
        if m is None:
            continue
        written = m.group()
        right = nouns[written.lower()]
        if written[0].isupper():
            right = right[0].upper() + right[1:]
        yield Finding(
            t.path,
            tr(
                "{written} is not how texts in this language write the word: {right}",
                written=repr(written),
                right=repr(right),
            ),
            offset=m.start(),
            length=len(written),
            help=tr("write {right}", right=repr(right)),
        )


# --- slips of typing a keyboard makes --------------------------------------------

# "e.g" or "i.e" without its last full stop ("(e.g the Sectors)"): the second
# letter's dot first (a literal), what is around it looked at after
_DOTLESS = re.compile(r"\.[ge](?<=e\.g|i\.e)(?![.\w])")
# a word glued to the parenthesis after it, an abbreviation inside
# ("Society(WSIS)", "understanding(MoU)": two capitals, small letters
# between them or none; not "State(s)", "f(x)", "(Rev.")
_PAREN_GLUED = re.compile(r"\((?<=[^\W\d_]\()[A-Z][a-z]{0,3}[A-Z]")
# ... and a word glued to the parenthesis before it ("(TSAG)in 2017"): the
# ')' first, a literal; the '(' it closes looked for after
_CLOSED_GLUED = re.compile(r"\)(?=[^\W\d_]{2})")
# a number written with a zero first after a blank or a parenthesis
# ("Article 05", "the 0022 conference"): the zero first, a literal; what is
# around it looked at after (not a group of digits, "5 000", nor a date's,
# a time's or an address's part)
_ZERO_FIRST = re.compile(r"0(?<=[ (]0)[0-9]++(?![0-9]|[.,:/\-][0-9]|[^\W\d])")
# a unit a number is glued to ("2Mbit/s", "5GHz"), the unit first
# (one pattern a unit, each with its literal first: an alternation of the
# two is tried at every character)
_UNITS = (
    re.compile(r"bit/s(?:(?<=\dbit/s)|(?<=\d[kMGT]bit/s))"),
    re.compile(r"Hz(?:(?<=\dHz)|(?<=\d[kMGT]Hz))"),
)
# a web address with a blank after one of its dots ("www.itu. int")
# (bounded: an address's labels are 63 characters at most, and a text of
# "www.a.a.a..." is not read again from each "www.")
_SPLIT_ADDRESS = re.compile(
    r"www\.(?:[\w-]{1,63}\.){0,6}[\w-]{1,63}\.[ \u00a0]+(?:int|org|com|net|edu|gov)\b"
)


# The words ITU's English texts write with -ize (Oxford spelling: "organization",
# "recognizing", "standardization", as the Final Acts write every one of them),
# by their stem: the stem written with -is- is British spelling, not theirs
# ("organisation"). Not the words every English spelling writes with -ise
# ("revise", "advise", "comprise", "exercise", "analyse"), which no stem here
# makes. A stem -> the endings it takes ("emphases" is the plural of
# "emphasis", not a verb: that stem takes the verb's endings only).
_VERB_ENDINGS = ("e", "ed", "es", "ing", "ation", "ations", "er", "ers")
_IZE_STEMS: dict[str, tuple[str, ...]] = dict.fromkeys(
    [
        *("organ", "recogn", "standard", "jeopard", "special", "util", "harmon", "optim"),
        *("maxim", "minim", "author", "unauthor", "priorit", "mobil", "real", "digital"),
        *("international", "industrial", "digit", "central", "decentral", "marginal"),
        *("rational", "modern", "liberal", "global", "visual", "virtual", "systemat"),
        *("synerg", "social", "operational", "multilingual", "monet", "material"),
        *("institutional", "formal", "destabil", "stabil", "decolon", "character"),
        *("capital", "final", "summar", "categor", "criminal", "democrat", "local"),
        *("normal", "neutral", "sensit", "civil", "critic", "computer", "popular"),
        *("regular", "legal", "commercial", "conceptual", "contextual", "custom"),
        *("familiar", "memor", "personal", "public", "sanit", "apolog"),
    ],
    _VERB_ENDINGS,
)
_IZE_STEMS["emphas"] = ("e", "ed", "ing")
# where a word may end with -is- and one of the endings: the literal "is"
# first (found in microseconds), the ending after it
_ISE = re.compile(r"is(?=(?:ations?|e[dsr]?|ers|ing)\b)")


@lru_cache(maxsize=1)
def _itu_name_words() -> frozenset[str]:
    """The words with -iz- of the English names of ITU's organs and Sectors
    ("Standardization"): written with -ise and a capital, ITU's name
    misspelt, not another organization's own name."""
    from itures.model.vocabulary import vocabulary

    names = [n for actor in vocabulary().actors for n in actor.names.en]
    names += [name for name, _ in SECTORS["en"].values()]
    return frozenset(w for n in names for w in n.split() if "iz" in w)


def ize_spellings(
    all_texts: list[Text], whole: str, foreign: Callable[[str], bool]
) -> Iterator[Finding]:
    """In English, a word of :data:`_IZE_STEMS` written with -ise
    ("organisation", "recognising", "prioritise"): ITU's English texts
    write -ize. A warning, one a text, at the first, with the words to write
    (a quick fix); not a word with its capital, which is a name's
    ("Organisation for Economic Co-operation and Development" writes -ise as
    its own), unless it is a word of ITU's own names ("Telecommunication
    Standardisation Sector"), nor in a text plainly in another language ("les
    organisations", pasted from the French version: the rules of languages
    say so: ``foreign`` tells such a text). ``whole``: the texts joined by
    one character."""
    starts: list[int] = []
    told: dict[int, list[tuple[int, str, str]]] = {}
    for m in _ISE.finditer(whole):
        at = m.start()
        k = at
        while k > 0 and whole[k - 1].isalpha():
            k -= 1
        stem = whole[k:at].lower()
        end = m.end()
        while end < len(whole) and whole[end].isalpha():
            end += 1
        ending = whole[m.end() : end].lower()
        if ending not in _IZE_STEMS.get(stem, ()):
            continue
        written = whole[k:end]
        right = written[: at - k + 1] + "z" + written[at - k + 2 :]
        if written[0].isupper() and right not in _itu_name_words():
            # (a name: "Organisation for Economic Co-operation and Development",
            # "Organisation of Islamic Cooperation" write -ise, as their own;
            # not ITU's, "Telecommunication Standardisation Sector")
            continue
        if not starts:
            starts.extend(_starts(all_texts))
        i = bisect_right(starts, k) - 1
        told.setdefault(i, []).append((k - starts[i], written, right))
    for i, words in told.items():
        if foreign(all_texts[i].text):
            continue  # ("organisation" in French words pasted: text-language's or untranslated)
        pairs = list(dict.fromkeys((repr(w), repr(r)) for _, w, r in words))
        offset = words[0][0]
        yield Finding(
            all_texts[i].path,
            tr(
                "{written}: ITU's English texts write -ize, {right}",
                written=", ".join(w for w, _ in pairs),
                right=", ".join(r for _, r in pairs),
            ),
            offset=offset,
            length=words[-1][0] + len(words[-1][1]) - offset,
            severity="warning",
            help=tr("write {pairs}", pairs=replacements(pairs)),
        )


# the languages whose texts write a blank after a closing parenthesis before
# a word (not Chinese; Arabic joins some words to what comes before)
_CLOSED_LANGUAGES = frozenset(("en", "fr", "es", "ru"))


def typing_slips(all_texts: list[Text], language: str, whole: str) -> Iterator[Finding]:
    """The slips of a keyboard that ITU's texts do not write: "e.g" or "i.e"
    without its last full stop, a word glued to the parenthesis after it
    ("Society(WSIS)") or before it ("(TSAG)in 2017": not "State(s)", nor a
    citation's target), a number glued to its unit ("2Mbit/s", "5GHz"), a
    blank inside a web address ("www.itu. int"). One finding of each a
    text, at the first, with the words to write (a quick fix: they differ
    from what is written by a blank or a full stop). And a number written
    with a zero first ("Article 05": :func:`_zero_first`). ``whole`` is the
    texts joined by one character."""
    starts: list[int] = []
    for kind, found in (
        ("dotless", _DOTLESS.finditer(whole) if language in ("en", "fr", "es") else ()),
        # (Chinese writes no blank between its words and a parenthesis)
        ("paren", _PAREN_GLUED.finditer(whole) if language != "zh" else ()),
        ("closed", _CLOSED_GLUED.finditer(whole) if language in _CLOSED_LANGUAGES else ()),
        ("unit", merge(*(p.finditer(whole) for p in _UNITS), key=_at)),
        ("address", _SPLIT_ADDRESS.finditer(whole)),
    ):
        said: set[int] = set()
        for m in found:
            if not starts:
                starts.extend(_starts(all_texts))
            i = bisect_right(starts, m.start()) - 1
            if i in said:
                continue
            t = all_texts[i]
            at = m.start() - starts[i]
            slip = _typing_slip(kind, t.text, at, m.end() - starts[i])
            if slip is None:
                continue
            said.add(i)
            start, written, right, message = slip
            yield Finding(
                t.path,
                message,
                offset=start,
                length=len(written),
                help=tr("write {right}", right=repr(right)),
            )
    yield from _zero_first(all_texts, whole, starts)


def _zero_first(all_texts: list[Text], whole: str, starts: list[int]) -> Iterator[Finding]:
    """A number written with a zero first in running text ("Article 05 of
    the Constitution", "to the 0022 plenipotentiary conference"): a digit
    mistyped, which no other check reads. A warning, one a text, which does
    not guess the digit. Not a group of a number's digits ("CHF 5 000",
    "(000)"), a date's, a time's or a web address's part ("05.10.2018",
    "09:00", "C-0174"), nor a number of a phone or a table beside another
    number. ``starts``: where each text starts in ``whole``, filled here
    when empty."""
    said: set[int] = set()
    for m in _ZERO_FIRST.finditer(whole):
        number = m.group()
        if not number.strip("0"):
            continue  # ("000": a group of digits, or a table's zeros)
        if not starts:
            starts.extend(_starts(all_texts))
        i = bisect_right(starts, m.start()) - 1
        if i in said:
            continue
        t = all_texts[i]
        at = m.start() - starts[i]
        before = t.text[max(0, at - 40) : at].rstrip(" (").rsplit(" ", 1)[-1]
        after = t.text[m.end() - starts[i] : m.end() - starts[i] + 40].lstrip(" )").split(" ", 1)[0]
        if before[-1:].isdigit() or before[-1:] in ("+", "/") or after[:1].isdigit():
            continue  # (a number's groups, a phone's, a table's row)
        if in_address(t.text, at, at + len(number)):
            continue
        said.add(i)
        yield Finding(
            t.path,
            tr(
                "the number {number} is written with a zero first: a digit mistyped?",
                number=repr(number),
            ),
            offset=at,
            length=len(number),
            severity="warning",
            help=tr("write the number as meant, without the zero first"),
        )


def _typing_slip(kind: str, text: str, at: int, end: int) -> tuple[int, str, str, str] | None:
    """(where it starts, what is written, what to write, the message) of a
    slip of :func:`typing_slips` found at ``at`` to ``end`` of ``text``."""
    if kind == "dotless":
        start = at - 1
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
            return None  # (inside a word or an address: "the.g", "x.i.e")
        written = text[start:end]
        return (
            start,
            written,
            written + ".",
            tr(
                "{written} without its last full stop: ITU's texts write {right}",
                written=repr(written),
                right=repr(written + "."),
            ),
        )
    if kind == "paren":
        word = re.search(r"[^\W\d_]+\Z", text[max(0, at - 40) : at])
        if word is None:
            return None
        start = at - len(word.group())
        written = text[start : at + 1]
        # (shown with what the parenthesis holds: "Society(WSIS)")
        inner = re.match(r"[^\W_]*\)?", text[at + 1 : at + 40])
        shown = text[start : at + 1 + (inner.end() if inner is not None else 0)]
        return (
            start,
            written,
            written[:-1] + " (",
            tr(
                "no blank before '(' in {written}: ITU's texts write a blank between a word and "
                "the parenthesis after it",
                written=repr(shown),
            ),
        )
    if kind == "closed":
        opening = text.rfind("(", max(0, at - 80), at)
        if (
            opening < 0
            or ")" in text[opening + 1 : at]
            # (a parenthesis glued to the word before: "State(s)", "f(x)"; a
            # citation's target, "](pp:1)": the glued citation's finding)
            or (opening > 0 and (text[opening - 1].isalnum() or text[opening - 1] == "]"))
        ):
            return None
        word = re.match(r"[^\W\d_]+", text[at + 1 : at + 41])
        assert word is not None  # (two letters after it: the pattern's)
        written = text[opening : at + 1 + word.end()]
        right = text[opening : at + 1] + " " + word.group()
        return (
            opening,
            written,
            right,
            tr(
                "no blank after ')' in {written}: ITU's texts write a blank between the "
                "parenthesis and the word after it",
                written=repr(written),
            ),
        )
    if kind == "unit":
        number = re.search(r"\d+(?:[.,]\d+)?[kMGT]?\Z", text[max(0, at - 20) : at])
        if number is None:
            return None
        if at - len(number.group()) > 0 and text[at - len(number.group()) - 1].isalpha():
            return None  # (a name with digits: "IMT2020bit/s" is no quantity)
        start = at - len(number.group())
        written = text[start:end]
        digits = re.match(r"\d+(?:[.,]\d+)?", written)
        assert digits is not None
        right = digits.group() + " " + written[digits.end() :]
        return (
            start,
            written,
            right,
            tr(
                "no blank between a number and its unit in {written}: ITU's texts write {right}",
                written=repr(written),
                right=repr(right),
            ),
        )
    written = text[at:end]
    right = re.sub(r"\.[ \u00a0]+", ".", written)
    return (
        at,
        written,
        right,
        tr(
            "a blank inside the web address {written}: a reader's link stops at it",
            written=repr(written),
        ),
    )


# --- in English, the blank lost beside "the", "of" or "and" ---------------------

# the short words whose blank lost beside a word is looked for: a quarter and
# more of the words of an English text
_SHORT_WORDS = ("the", "of", "and", "to", "for")
# the words of ITU's texts most often written with "to" or "for" first or
# last ("into", "towards", "forums", "formulate"), passed over in the search
# itself (_WRITTEN_SO says it of these and others: a match costs more than
# the search's test)
_SO_AFTER = {
    "to": r"(?!wards?\b|gether|ols\b|olkits?\b|tal\b|pics?\b|urism|day\b|morrow)",
    "for": r"(?!ums?\b|mats?\b|mal|ces\b|mer\b|med\b|mula|esee|ecasts?\b|egoing|wards?\b)",
}
_SO_BEFORE = {"to": r"(?<!into)(?<!onto)(?<!thereto)(?<!Kyoto)"}
# each of these words, glued to the word after it ("theimplementation",
# "ofthe", "toinvestigate") or to the word before it ("facilitatethe",
# "implementationof", "Unionand", "reportto", "Agendafor"): a literal start,
# which the search jumps to (one pattern for them all costs a try at every
# character)
_GLUED_SHORT = tuple(
    re.compile(
        rf"{word}(?:(?<=[^\w\-/.@]{word})(?=[a-z]{{3}}){_SO_AFTER.get(word, '')}"
        rf"|(?<=[^\W\d_]{{2}}{word}){_SO_BEFORE.get(word, '')}(?![\w\-/@]))"
    )
    for word in _SHORT_WORDS
)
# the words English writes so, each of a word of the five and another word,
# looked at before the file's words are searched: "thereof", "often",
# "today", "into", "forward", "office", and a word that ends as "island",
# "broadband", "understand", "demand", "expand", "brand" or "beforehand" do
_WRITTEN_SO = frozenset(
    (
        *("today", "tomorrow", "together", "toward", "towards", "into", "onto", "unto"),
        *("tools", "toolkit", "toolkits", "total", "topic", "topics", "tourism", "kyoto"),
        *("forever", "forward", "forwards", "forego", "forgo", "format", "formats"),
        *("forum", "forums", "formal", "formally", "forces", "former", "formed"),
        *("formulate", "formulated", "formulating", "formulation", "formulae"),
        *("foreseen", "foreseeable", "forecast", "forecasts", "foregoing", "foremost"),
        "thereof",
        "thereto",
        "therein",
        "thereby",
        "therefore",
        "therefrom",
        "thereafter",
        "thereunder",
        "thereupon",
        "therewith",
        "thereon",
        "hereof",
        "whereof",
        "themselves",
        "theme",
        "themes",
        "thematic",
        "theory",
        "theoretical",
        "thermal",
        "often",
    )
)
_ENDS_SO = ("land", "band", "stand", "mand", "pand", "sand", "rand", "hand")
_LETTERS = re.compile(r"[^\W\d_]+")
# (what stands beside a word of a web address, a path or a target)
_IN_NAMES = frozenset("/.@#_-:")


def blanks_lost(
    all_texts: list[Text],
    joined: str,
    starts: list[int],
    writes: Callable[[str], bool],
) -> Iterator[Finding]:
    """In English, the blank lost between "the", "of", "and", "to" or "for"
    and the word before or after it: "theimplementation", "implementationof",
    "facilitatethe", "ofthe", "Unionand", "servicesand", "toinvestigate",
    "reportto", "Agendafor". A warning at the words, one a
    text, with them to write apart (a quick fix), where the file writes the
    other word alone and does not write the two run together elsewhere: a
    word English writes so ("thereof", "often", "demand": no word "dem")
    is left alone. ``joined``: the texts joined by a blank, a blank first
    (:func:`itures.rules._walk.blank_joined`); ``starts``: where each starts
    there (:func:`itures.rules._walk.blank_starts`); ``writes``: whether the
    file writes a word (:func:`itures.rules._walk.writes_word`).

    Five words, not every short word: each is one more search of the whole
    file, and these five are a quarter and more of the words of an English
    text (a blank lost beside "in", "on", "a" or "at" makes words English
    writes: "inform", "upon", "along", "format"; those "to" and "for" make,
    "today", "into", "forward", are listed)."""
    said: set[int] = set()
    twice: dict[str, bool] = {}  # (each word looked for once)
    for pattern in _GLUED_SHORT:
        for m in pattern.finditer(joined):
            word = m.group()
            if joined[m.end() : m.end() + 1].isalpha():  # the short word first
                rest = _LETTERS.match(joined, m.end())
                assert rest is not None
                first, second, start, end = word, rest.group(), m.start(), rest.end()
            else:
                start = m.start()
                while joined[start - 1].isalpha():
                    start -= 1
                first, second, end = joined[start : m.start()], word, m.end()
            written = joined[start:end]
            i = bisect_right(starts, start) - 1
            if (
                i in said
                or joined[start - 1] in _IN_NAMES
                or joined[end : end + 1] in _IN_NAMES
                or not _apart(first, second, writes)
                or (
                    twice[written]
                    if written in twice
                    else twice.setdefault(written, _written_twice(joined, written))
                )
            ):
                continue
            said.add(i)
            t = all_texts[i]
            apart = f"{first} {second}"
            yield Finding(
                t.path,
                tr(
                    "{word}: two words run together, a blank lost; the file writes {first} "
                    "and {second}",
                    word=repr(written),
                    first=repr(first),
                    second=repr(second),
                ),
                offset=start - starts[i],
                length=len(written),
                severity="warning",
                help=tr("write {right}", right=repr(apart)),
            )


def _apart(first: str, second: str, writes: Callable[[str], bool]) -> bool:
    """Whether ``first`` and ``second``, run together, are two words whose
    blank was lost (:func:`blanks_lost`): not a word English writes so, and
    the file writes each alone."""
    low = (first + second).lower()
    return (
        low not in _WRITTEN_SO
        and not low.startswith("off")
        # (a word that ends so, its first part a short one: "errand", "expand";
        # not a plural before "and", "servicesand")
        and not (len(first) <= 4 and low.endswith(_ENDS_SO))
        and writes(first)
        and writes(second)
    )


def short_apart(word: str, writes: Callable[[str], bool]) -> str | None:
    """In English, ``word`` with the blank written that :func:`blanks_lost`
    tells lost beside "the", "of", "and", "to" or "for" ("of the" for
    "ofthe"), the file writing both words alone (``writes``); None when it
    tells none."""
    for short in _SHORT_WORDS:
        if word.startswith(short) and len(word) >= len(short) + 3 and word[len(short) :].islower():
            first, second = short, word[len(short) :]
        elif word.endswith(short) and len(word) >= len(short) + 2:
            first, second = word[: -len(short)], short
        else:
            continue
        if _apart(first, second, writes):
            return f"{first} {second}"
    return None


def _written_twice(joined: str, word: str) -> bool:
    """Whether ``joined`` holds ``word`` as a word twice or more."""
    found = 0
    at = joined.find(word)
    while at >= 0:
        if (
            not joined[at - 1].isalpha()
            and not joined[at + len(word) : at + len(word) + 1].isalpha()
        ):
            found += 1
            if found > 1:
                return True
        at = joined.find(word, at + 1)
    return False


# --- a Sector's abbreviation with a letter of ITU's lost or swapped -----------

# a Sector's letter after a hyphen ("-T", "-R", "-D") after two letters of
# "ITU", or its three in another order: the hyphen first (each hyphen its own
# pattern: a literal start), what is before it looked at after
# ("ITU"'s three letters in another order than ITU's or another language's)
_SWAPPED = ("IUT", "TIU", "TUI", "UTI")
_SECTOR_LETTERS = tuple(
    re.compile(
        f"{hyphen}[TRD](?![\\w-])(?:(?<=(?<![^\\W\\d_])(?:IT|UT|UI|TU|IU|TI){hyphen}[TRD])"
        f"|(?<=(?<![^\\W\\d_])(?:{'|'.join(_SWAPPED)}){hyphen}[TRD]))"
    )
    for hyphen in ("-", "\u2011")
)
_UNION_FORM = {"en": "ITU", "fr": "UIT", "es": "UIT"}


def sector_letters(all_texts: list[Text], language: str, whole: str) -> Iterator[Finding]:
    """A Sector's abbreviation whose "ITU" lost a letter or had two swapped
    ("l'UT-D", "the IUT-T"): one finding a text, with the form to write.
    Another language's whole form ("UIT-D" in English) is text-language's.
    ``whole`` is the texts joined by one character."""
    own = _UNION_FORM.get(language)
    if own is None:
        return
    starts: list[int] = []
    said: set[int] = set()
    for m in merge(*(p.finditer(whole) for p in _SECTOR_LETTERS), key=_at):
        # (the letters the pattern found before the hyphen: three, or two)
        written = whole[max(0, m.start() - 3) : m.start()]
        if written not in _SWAPPED:
            written = written[1:]
        if not starts:
            starts.extend(_starts(all_texts))
        i = bisect_right(starts, m.start()) - 1
        if i in said:
            continue
        said.add(i)
        t = all_texts[i]
        at = m.start() - len(written) - starts[i]
        found = t.text[at : m.end() - starts[i]]
        right = own + found[len(written) :]
        yield Finding(
            t.path,
            tr(
                "{written}: the abbreviation of the Union in it has a letter lost or two "
                "swapped; texts in this language write {right}",
                written=repr(found),
                right=repr(right),
            ),
            offset=at,
            length=len(found),
            help=tr("write {right}", right=repr(right)),
        )


# --- an abbreviation that its own words, before it, spell otherwise ------------

# the words of a name that its abbreviation leaves out, in the three languages
_CONNECTORS = frozenset(
    (
        *("of", "on", "the", "for", "and", "in", "to", "a", "an"),
        *("de", "des", "du", "la", "le", "les", "l", "d", "pour", "et", "sur", "en", "aux", "au"),
        *("y", "el", "los", "las", "del", "para", "sobre"),
    )
)
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\S")


# a word written twice in a row, blanks between ("Society Society")
_DOUBLED_WORD = re.compile(r"\b(\w+)\s+\1\b")
# the blank lost between two words, the second with its capital
# ("AssignedNames"), read where conversion-artefact reads two words run
# together (artefacts._GLUED_WORD: three small letters, a capital, a small one)
_CAPITAL_GLUED = re.compile(r"(?<=[a-zß-öø-ÿ]{3})(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")


def abbreviation_initials(
    all_texts: list[Text],
    whole: str,
    known: Callable[[], frozenset[str]],
    found: list[tuple[int, str]] | None = None,
) -> Iterator[Finding]:
    """An abbreviation in parentheses after the name it stands for, which the
    name's capitals spell but for one letter lost or added ("World Summit on
    the Information Society (WSS)", "World Telecommunication Conference
    (WTDC)"): one finding a text. Which of the two is wrong is told by the
    abbreviations ``known`` (the vocabulary's, ITU's, the terms' of
    :mod:`itures.rules._abbreviations`): a known abbreviation after a name
    that spells another is the name's slip (a word lost), a known spelling
    the abbreviation's (a letter lost); else the two disagree. Not a name
    whose capitals spell another arrangement (the official
    "Telecommunication Development Bureau (BDT)"), nor one with a slash or
    a word in capitals in it. A name that spells a known abbreviation once
    a word of it written small is read as a capital ("World summit on the
    Information Society (WSIS)") is told at that word
    (:func:`_small_in_name`). ``found``: :func:`parenthesised` of
    ``whole``, when the caller has it."""
    if found is None:
        found = parenthesised(whole)
    starts: list[int] = []
    said: set[int] = set()
    for start, written in found:
        if not 3 <= len(written) <= 6:
            continue
        # (in its own text: the texts are joined by one character, a NUL)
        before = whole[max(0, start - 160) : start].rsplit("\0", 1)[-1]
        # (most spell it: the capitals of the words before, read plainly)
        words = before.rsplit(None, len(written) + 4)
        if "".join(w[0] for w in words[1:] if w[:1].isupper()).endswith(written):
            continue
        spelt = _initials(before)
        if spelt is None or len(spelt[0]) < len(written):
            # (the name's capitals read stop at a word written small: "World
            # summit on the Information Society (WSIS)")
            small = _small_in_name(before, written) if written in known() else None
            if small is not None:
                if not starts:
                    starts.extend(_starts(all_texts))
                i = bisect_right(starts, start) - 1
                if i not in said:
                    said.add(i)
                    at, word = small
                    right = word[0].upper() + word[1:]
                    yield Finding(
                        all_texts[i].path,
                        tr(
                            "{word}, a word of the name {written} stands for, written small: "
                            "ITU's texts write {right}",
                            word=repr(word),
                            written=repr(written),
                            right=repr(right),
                        ),
                        offset=start - len(before) + at - starts[i],
                        length=len(word),
                        severity="warning",
                        help=tr("write {right}", right=repr(right)),
                    )
                continue
        if spelt is None:
            continue
        # (the name may start before the words the abbreviation stands for:
        # "the Director of the Telecommunication Standardization Bureau (TSB)")
        if any(s.endswith(written) for s in spelt):
            continue
        near = [
            s[k:]
            for s in spelt
            for k in range(len(s) - 2)
            # (one letter lost, added or replaced: two swapped may be the
            # official arrangement, "International Organization for
            # Standardization (ISO)")
            if one_slip(s[k:], written)
            and sorted(s[k:]) != sorted(written)
            and not written.endswith(s[k:])
        ]
        if not near:
            continue
        # (a word of the name written twice, "Information Society Society
        # (WSIS)": word-duplicate's slip; two words of it run together,
        # "Assigned Names" written "AssignedNames": conversion-artefact's.
        # The name right once the slip is undone is that rule's alone)
        undone = _CAPITAL_GLUED.sub(" ", _DOUBLED_WORD.sub(r"\1", before))
        if undone != before:
            # (every word read, the first too, a citation's '[' or a '(' before
            # it passed over: "[United Nations General Assembly Assembly (UNGA)")
            again = [w.lstrip("[(«“\"'") for w in undone.rsplit(None, len(written) + 4)]
            if "".join(w[0] for w in again if w[:1].isupper()).endswith(written):
                continue
            # (or as the name is read, its small words too: "United Nations
            # Conference on Trade Trade and Development (UNCTAD)")
            spelt_undone = _initials(undone)
            if spelt_undone is not None and any(s.endswith(written) for s in spelt_undone):
                continue
        if not starts:
            starts.extend(_starts(all_texts))
        i = bisect_right(starts, start) - 1
        if i in said:
            continue
        said.add(i)
        t = all_texts[i]
        names = known()
        initials = next((s for s in near if s in names), near[0])
        values = {"written": repr(written), "initials": repr(initials)}
        if written in names and initials not in names:
            message = tr(
                "the name before the abbreviation {written} spells {initials} with its "
                "capitals: a word of it lost or added",
                **values,
            )
            fix = tr("write the name {written} stands for", **values)
        elif initials in names:
            message = tr(
                "the abbreviation {written} after a name whose capitals spell {initials}: a "
                "letter lost or added",
                **values,
            )
            fix = tr("write {right}", right=repr(initials))
        else:
            message = tr(
                "the abbreviation {written} and the name before it, whose capitals spell "
                "{initials}, disagree: a letter or a word lost or added",
                **values,
            )
            fix = tr("make the abbreviation and the name agree")
        yield Finding(
            t.path,
            message,
            offset=start + 1 - starts[i],
            length=len(written),
            severity="warning",
            help=fix,
        )


def _small_in_name(before: str, written: str) -> tuple[int, str] | None:
    """The first word written small of the name that ends ``before`` and
    whose words' initials, read as capitals, spell ``written`` ("World summit
    on the Information Society (WSIS)"), with where it starts in ``before``;
    None when they spell something else, or when no word, or half its words
    or more, are written small (a term ITU writes small, "small island
    developing States (SIDS)"; a French name, "Groupe consultatif pour le
    développement des télécommunications (GCDT)")."""
    words = list(_NAME_WORD.finditer(before[-160:]))
    offset = max(0, len(before) - 160)
    taken: list[re.Match[str]] = []
    for w in reversed(words):
        if len(taken) == len(written):
            break
        word = w.group()
        if word.lower() in _CONNECTORS:
            continue
        if not word[0].isalpha():
            return None
        taken.append(w)
    if len(taken) < len(written):
        return None
    taken.reverse()
    if "".join(w.group()[0] for w in taken).upper() != written:
        return None
    small = [w for w in taken if w.group()[0].islower()]
    if not small or 2 * len(small) >= len(taken):
        return None
    return offset + small[0].start(), small[0].group()


def _initials(before: str) -> tuple[str, str] | None:
    """What the name that ends ``before`` spells: its capitals (of its words
    written with a capital, and of the parts of a hyphenated one; the
    connectors between them skipped), and the same with its conjunctions'
    ("and": "United Nations Conference on Trade and Development", UNCTAD).
    None when it has fewer than three capitals, or holds a slash or a word
    in capitals."""
    if "/" in before[-80:]:
        return None
    # (the last words alone: a name of more is not told by its capitals; with
    # more, the first part holds the rest)
    last = before.rsplit(None, 10)
    words = _NAME_WORD.findall(" ".join(last[1:] if len(last) > 10 else last))
    capitals: list[str] = []
    joined: list[str] = []
    for word in reversed(words):
        low = word.lower()
        if low in _CONNECTORS:
            if low in ("and", "et", "y"):
                joined.append(low[0].upper())
            continue
        if not word[0].isupper() or not word[0].isalpha():
            break
        if word.isupper() and len(word) > 1:
            return None  # (a name with an abbreviation in it: "ITU Council")
        parts = reversed([p[0] for p in re.split(r"['’-]", word) if p[:1].isupper()])
        for c in parts:
            capitals.append(c)
            joined.append(c)
    if len(capitals) < 3:
        return None
    return "".join(reversed(capitals)), "".join(reversed(joined))


# --- an abbreviation with a letter lost ------------------------------------------

# abbreviations texts write that are one of ITU's with a letter lost or two
# swapped: never read as such a slip ("SMS" beside "SMSI", "ITC", the
# International Trade Centre, beside "ICT", a set-top box "STB" beside "TSB")
_NEAR_ITUS = frozenset({"SMS", "ITC", "STB", "CDT", "TAG", "SID", "SDS", "WTA", "TSA"})
# abbreviations of two letters that a name in parentheses may stand for
# ("information technology (IT)"), and words of two capitals of their own
# (a Radiocommunication Assembly "RA", a user interface "UI", the General
# Assembly "GA"): never read as a slip
_TWO = frozenset(
    {"IT", "DC", "PM", "TC", "AI", "TV", "CT", "RA", "AR", "GA", "UI", "CR", "CM"}
    | {"MA", "PA", "TS", "BT", "AG", "WC", "MR", "GR", "GC", "DT", "UN", "EU", "ID", "IP"}
    | {"TB"}  # (a terabyte)
)

# a blank and a word, or a mark, after an abbreviation, as in running text
# ("the TU Constitution", "the activities of TU;")
_BEFORE_WORD = re.compile(r" [^\W\d_]|[,;.:]")

# a run of capitals in the letter cases of the texts joined (_walk.letter_cases)
_CAPITALS = re.compile(rb"AA+")
# what may not stand beside an abbreviation's letters in the joined form: a
# letter, a digit ('0'), a hyphen, a letter beyond ASCII ('?')
_WORD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0-?")


def abbreviation_letters(
    all_texts: list[Text], form: textscan.Joined, cases: bytes, known: frozenset[str]
) -> Iterator[Finding]:
    """An abbreviation with a letter lost, or two swapped ("BTD" for "BDT",
    "l'UI" for "l'UIT", "(MNT)" for "(AMNT)", "SIS" for "WSIS"): a word in capitals
    that ITU's texts do not write (``known``: the vocabulary's
    abbreviations, ITU's and the terms') and the file writes nowhere else,
    which is one of ``known`` that the file writes elsewhere with a letter
    lost or two of its letters swapped. A warning, with the abbreviation
    meant (a guess when the file writes two such: both named). The file's
    own abbreviations of four letters or more that it writes three times or
    more are compared too, for two letters swapped ("HSRP" where it writes
    "HRSP"). Another abbreviation not in those tables ("IMT", "SDG") is
    never told, nor one
    letter replaced by another ("ITS" and "ITU" are both ITU's words), nor
    the abbreviations :data:`_NEAR_ITUS` and the words of two capitals of
    their own, :data:`_TWO` ("IT", "RA"). A word of two letters is told
    after an elision ("l'UT"), alone in parentheses ("(SB)"), before a
    word ("the TU Constitution", "IC applications") or before a mark ("the
    activities of TU;"), not before a digit, a hyphen or a ')' ("TU-2",
    "(TS and SB)"), where two capitals may be a code of their own.
    ``form`` is the texts joined (:class:`textscan.Joined`), ``cases`` its
    letter cases (:func:`itures.rules._walk.letter_cases`)."""
    for t, at, word, meant in _told(all_texts, form, cases, known, one_a_text=True):
        values = {"written": repr(word), "meant": ", ".join(map(repr, meant))}
        if len(meant[0]) > len(word):
            message = tr(
                "{written} is no abbreviation ITU's texts write, and this file writes it "
                "nowhere else: {meant}, which the file writes, with a letter lost?",
                **values,
            )
        else:
            message = tr(
                "{written} is no abbreviation ITU's texts write, and this file writes it "
                "nowhere else: {meant}, which the file writes, with two letters swapped?",
                **values,
            )
        yield Finding(
            t.path,
            message,
            offset=at,
            length=len(word),
            severity="warning",
            help=tr("write one of {meant}", **values)
            if len(meant) > 1
            else tr("write {right}", right=repr(meant[0])),
        )


# an abbreviation in parentheses, of two letters or more ("(TSB)", "(SB)")
_IN_PARENTHESES = re.compile(r"\(([A-Z]{2,7})\)")


def parenthesised(whole: str) -> list[tuple[int, str]]:
    """Where a word of two to seven capitals stands in parentheses in the texts
    joined by "\\0" (``whole``): the '(' and the word, in order, for
    :func:`abbreviation_initials` and :func:`abbreviation_of_name` (one scan
    of the texts for both)."""
    if "(" not in whole:
        return []
    return [(m.start(), m.group(1)) for m in _IN_PARENTHESES.finditer(whole)]


def abbreviation_of_name(
    all_texts: list[Text],
    whole: str,
    names: dict[str, tuple[tuple[str, frozenset[str]], ...]],
    found: list[tuple[int, str]] | None = None,
) -> Iterator[Finding]:
    """An abbreviation in parentheses right after the name of an actor of the
    vocabulary that ITU's texts abbreviate otherwise, but for one letter lost,
    added, replaced, or two swapped ("Groupe consultatif pour le
    développement des télécommunications (CDT)", "Bureau de la normalisation
    des télécommunications (SB)"): a warning, with the abbreviation to write.
    The name is the evidence: the abbreviation need not be written elsewhere
    in the file, nor be one no table knows. ``whole``: the texts joined by
    "\\0"; ``names``: the actors' names in the file's language, casefolded,
    with their abbreviations, by their last word
    (:func:`itures.rules._abbreviations.by_name`); ``found``:
    :func:`parenthesised` of ``whole``, when the caller has it."""
    if not names:
        return
    if found is None:
        found = parenthesised(whole)
    starts: list[int] = []
    for start, written in found:
        before = whole[max(0, start - 120) : start].rsplit("\0", 1)[-1]
        before = before.replace("\u00a0", " ").rstrip().casefold()
        last = before.rsplit(None, 1)[-1] if before else ""
        for name, abbreviations in names.get(last, ()):
            if not before.endswith(name) or written in abbreviations:
                continue
            k = len(before) - len(name)
            if k and before[k - 1].isalnum():
                continue
            # (one slip; else the same letters in another order, "TDB" for "BDT")
            meant = sorted(a for a in abbreviations if one_slip(written, a)) or sorted(
                a for a in abbreviations if len(a) > 2 and sorted(a) == sorted(written)
            )
            if not meant:
                break
            if not starts:
                starts.extend(_starts(all_texts))
            i = bisect_right(starts, start + 1) - 1
            values = {"written": repr(written), "meant": ", ".join(map(repr, meant))}
            yield Finding(
                all_texts[i].path,
                _name_slip(written, meant, values),
                offset=start + 1 - starts[i],
                length=len(written),
                severity="warning",
                help=tr("write one of {meant}", **values)
                if len(meant) > 1
                else tr("write {right}", right=repr(meant[0])),
            )
            break


# ITU's Sectors, which are no actor of the vocabulary: their names in each
# language (English writes "ITU" before them, French and
# Spanish "de l'UIT", "de la UIT" after them: read past), by the letter of
# their abbreviation ("ITU-R", "UIT-R"), and the abbreviation each language writes
SECTORS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "R": ("Radiocommunication Sector", "ITU-R"),
        "T": ("Telecommunication Standardization Sector", "ITU-T"),
        "D": ("Telecommunication Development Sector", "ITU-D"),
    },
    "fr": {
        "R": ("Secteur des radiocommunications", "UIT-R"),
        "T": ("Secteur de la normalisation des télécommunications", "UIT-T"),
        "D": ("Secteur du développement des télécommunications", "UIT-D"),
    },
    "es": {
        "R": ("Sector de Radiocomunicaciones", "UIT-R"),
        "T": ("Sector de Normalización de las Telecomunicaciones", "UIT-T"),
        "D": ("Sector de Desarrollo de las Telecomunicaciones", "UIT-D"),
    },
}


# a Sector's abbreviation in parentheses ("(ITU-T)", "(UIT‑D)", its hyphen
# non-breaking)
_SECTOR_IN_PARENTHESES = re.compile(r"\(((?:ITU|UIT)[-\u2011][RTD])\)")
# what French and Spanish write between a Sector's name and its abbreviation
# ("Secteur des radiocommunications de l'UIT (UIT-R)"), casefolded
_OF_ITU = (" de l'uit", " de l\u2019uit", " de la uit")


def crossed_abbreviations(
    all_texts: list[Text],
    whole: str,
    owners: _abbreviations.Owners,
    found: list[tuple[int, str]] | None = None,
) -> list[tuple[tuple[int, ...], Finding]]:
    """An abbreviation in parentheses right after the name of another of ITU's
    organs, groups, conferences or Sectors ("Telecommunication Development
    Bureau (TSB)", "Groupe consultatif de la normalisation des
    télécommunications (GCDT)", "ITU Telecommunication Development Sector
    (ITU-T)"): a name or an abbreviation copied from a neighbour and not
    retyped. Which of the two is wrong the text does not tell: a warning at
    the abbreviation, naming both, with the two ways to mend it; no
    quick fix. Two such of one another's names in one text
    ("Telecommunication Standardization Sector (ITU-D) and ... Development
    Sector (ITU-T)") are one finding: the two abbreviations swapped. Each with where its '(' are
    in ``whole`` (the texts joined by "\\0"), which the other checks of an
    abbreviation after its name then leave alone. ``owners``: :func:`itures.rules._abbreviations.owners`;
    ``found``: :func:`parenthesised` of ``whole``, when the caller has it."""
    out: list[tuple[tuple[int, ...], Finding]] = []
    starts: list[int] = []
    hits = list(crossed(whole, owners, found))
    swapped: dict[int, int] = {}  # (a hit -> the later one of its text it is swapped with)
    for k, (start, _, _, owner, other) in enumerate(hits):
        for j in range(k + 1, len(hits)):
            if "\0" in whole[start : hits[j][0]]:
                break  # (another text)
            if (hits[j][3], hits[j][4]) == (other, owner) and j not in swapped.values():
                swapped[k] = j
                break
    later = set(swapped.values())
    for k, (start, _, written, owner, other) in enumerate(hits):
        if k in later:
            continue  # (told with the one it is swapped with)
        named, meant = owners.shown[owner]
        if not starts:
            starts.extend(_starts(all_texts))
        i = bisect_right(starts, start + 1) - 1
        if k in swapped:
            at = hits[swapped[k]][0]
            j = bisect_right(starts, at + 1) - 1
            second = hits[swapped[k]][2]
            values = {"first": repr(written), "second": repr(second)}
            out.append(
                (
                    (start, at),
                    Finding(
                        all_texts[i].path,
                        tr(
                            "{first} and {second} after each other's names: the two "
                            "abbreviations swapped",
                            **values,
                        ),
                        offset=start + 1 - starts[i],
                        length=whole.index(")", start) - start - 1,
                        severity="warning",
                        help=tr("write {second} for {first}, and {first} for {second}", **values),
                        related=(
                            Place(
                                all_texts[j].path,
                                tr("the other abbreviation, {second}", **values),
                                offset=at + 1 - starts[j],
                                length=whole.index(")", at) - at - 1,
                            ),
                        ),
                    ),
                )
            )
            continue
        values = {
            "written": repr(written),
            "name": repr(named),
            "meant": repr(meant),
            "other": repr(owners.shown[other][0]),
        }
        finding = Finding(
            all_texts[i].path,
            tr(
                "{written} after the name {name}, which ITU's texts abbreviate {meant}: "
                "{written} stands for {other}",
                **values,
            ),
            offset=start + 1 - starts[i],
            length=whole.index(")", start) - start - 1,
            severity="warning",
            help=tr("write {meant}, or the name {written} stands for, {other}", **values),
        )
        out.append(((start,), finding))
    return out


def crossed(
    text: str, owners: _abbreviations.Owners, found: list[tuple[int, str]] | None = None
) -> Iterator[tuple[int, int, str, str, str]]:
    """Each abbreviation in parentheses in ``text`` right after the name of
    another owner (:func:`crossed_abbreviations`): where its '(' is, where
    the name starts, the abbreviation (a Sector's with an ASCII hyphen), the
    name's owner and the abbreviation's. ``found``: :func:`parenthesised`
    of ``text``, when the caller has it."""
    if not owners.names or "(" not in text:
        return
    if found is None:
        found = parenthesised(text)
    sectors = (
        [
            (m.start(), m.group(1).replace("\u2011", "-"))
            for m in _SECTOR_IN_PARENTHESES.finditer(text)
        ]
        if "ITU" in text or "UIT" in text
        else []
    )
    for start, written in merge(found, sectors):
        others = owners.of.get(written)
        if others is None:
            continue
        # (in its own text: the texts are joined by one character, a NUL; the
        # blanks of a folded line read as one)
        before = text[max(0, start - 120) : start].rsplit("\0", 1)[-1]
        before = " ".join(before.replace("\u00a0", " ").split()).casefold()
        between = 0  # (the words of "de l'UIT" between a Sector's name and it)
        if written.startswith(("ITU-", "UIT-")) and before.endswith(_OF_ITU):
            cut = before.rindex(" de l")
            between = len(before[cut:].split())
            before = before[:cut]
        last = before.rsplit(None, 1)[-1] if before else ""
        for name, owner in owners.names.get(last, ()):
            if not before.endswith(name):
                continue
            k = len(before) - len(name)
            if k and before[k - 1].isalnum():
                continue
            if owner not in others:
                begin = _word_start(text, start, len(name.split()) + between)
                yield start, begin, written, owner, sorted(others)[0]
            break


def _word_start(text: str, end: int, words: int) -> int:
    """Where the ``words`` last words before ``end`` in ``text`` start (a
    word: what blanks or a NUL bound)."""
    at = end
    for _ in range(words):
        while at > 0 and text[at - 1].isspace():
            at -= 1
        while at > 0 and not text[at - 1].isspace() and text[at - 1] != "\0":
            at -= 1
    return at


def _name_slip(written: str, meant: list[str], values: dict[str, str]) -> str:
    """The message of :func:`abbreviation_of_name`: what the slip is, when
    the abbreviations meant agree on it."""
    if all(len(m) > len(written) for m in meant):
        return tr(
            "{written} after the name it stands for, which ITU's texts abbreviate {meant}: a "
            "letter lost?",
            **values,
        )
    if all(len(m) < len(written) for m in meant):
        return tr(
            "{written} after the name it stands for, which ITU's texts abbreviate {meant}: a "
            "letter added?",
            **values,
        )
    if all(sorted(m) == sorted(written) for m in meant):
        if all(one_slip(written, m) for m in meant):
            return tr(
                "{written} after the name it stands for, which ITU's texts abbreviate {meant}: "
                "two letters swapped?",
                **values,
            )
        # ("TDB", the English name's initials, for "BDT", as ITU abbreviates it)
        return tr(
            "{written} after the name it stands for, which ITU's texts abbreviate {meant}: its "
            "letters in another order",
            **values,
        )
    return tr(
        "{written} after the name it stands for, which ITU's texts abbreviate {meant}: a "
        "letter mistyped?",
        **values,
    )


def lettered(
    all_texts: list[Text], form: textscan.Joined, cases: bytes, known: frozenset[str]
) -> dict[str, list[str]]:
    """The words :func:`abbreviation_letters` tells (in any text, not only
    the first of each), each with the abbreviations it may mean."""
    return {word: meant for _, _, word, meant in _told(all_texts, form, cases, known)}


def _told(
    all_texts: list[Text],
    form: textscan.Joined,
    cases: bytes,
    known: frozenset[str],
    one_a_text: bool = False,
) -> Iterator[tuple[Text, int, str, list[str]]]:
    """The slips :func:`abbreviation_letters` tells: the text, the offset in
    it, the word, the abbreviations it may mean; in order, and with
    ``one_a_text`` the first of each text alone."""
    slips, found = _letter_slips(form, cases, known)
    said: set[int] = set()
    for place, word in sorted(found):
        i = bisect_right(form.starts, place) - 1
        if one_a_text and i in said:
            continue
        at = place - form.starts[i]
        t = all_texts[i]
        if t.text[at : at + len(word)] != word or at + len(word) > len(t.text):
            continue  # (a run across two texts joined)
        if len(word) < 3 and not (
            (at and t.text[at - 1] in "'’")
            or (
                word not in _TWO
                and (
                    (at and t.text[at - 1] == "(" and t.text[at + 2 : at + 3] == ")")
                    or _BEFORE_WORD.match(t.text, at + 2) is not None
                )
            )
        ):
            continue  # (two letters: "IT", "DC" are words too; but "l'UT", "(SB)", "TU Constitution", "of TU;")
        said.add(i)
        yield t, at, word, sorted(slips[word])


def _letter_slips(
    form: textscan.Joined, cases: bytes, known: frozenset[str]
) -> tuple[dict[str, set[str]], list[tuple[int, str]]]:
    """For :func:`abbreviation_letters`: each abbreviation of ``known`` the
    file writes, by the words it gives with a letter lost or two swapped,
    and where each such word is written, once, in the texts joined."""
    text_form = form.form
    counts = Counter(text_form[m.start() : m.end()] for m in _CAPITALS.finditer(cases))
    written = {w.decode("ascii") for w in counts if len(w) < 8}
    used = written & known
    # (the file's own abbreviations of four letters or more, written three
    # times or more: one with two of its letters swapped, "HSRP" for "HRSP")
    own = {w for w in written - known if len(w) >= 4 and counts[w.encode("ascii")] >= 3}
    if not used and not own:
        return {}, []
    # (each abbreviation the file writes with a letter lost, or two swapped)
    slips: dict[str, set[str]] = {}
    for k in used | own:
        for j in range(len(k)):
            if k in used:
                slips.setdefault(k[:j] + k[j + 1 :], set()).add(k)
            if j + 1 < len(k) and k[j] != k[j + 1]:
                slips.setdefault(k[:j] + k[j + 1] + k[j] + k[j + 2 :], set()).add(k)
    found: list[tuple[int, str]] = []
    candidates = (written - known - _NEAR_ITUS) & slips.keys()
    if not candidates:
        return slips, found  # (most files)
    runs = [m.span() for m in _CAPITALS.finditer(cases)]
    for word in candidates:
        raw = word.encode("ascii")
        places = [
            s
            for s, e in runs
            if text_form[s:e] == raw
            and (s == 0 or text_form[s - 1] not in _WORD_BYTES)
            and (e == len(text_form) or text_form[e] not in _WORD_BYTES)
        ]
        if len(places) == 1:  # (written twice or more: the file's own abbreviation)
            found.append((places[0], word))
    return slips, found


# --- French elisions ----------------------------------------------------------

# An elision's word after its apostrophe ("d'intérêt", "qu'elles"): found
# from the apostrophe, a literal; the elided word before it is read after
_ELIDED = re.compile(r"['’](?=[aeiouyhàâäéèêëîïôöùûüœæ])([^\W\d_]{2,})")
_ELIDED_WORD = re.compile(r"(?<![^\W\d_])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)$", re.IGNORECASE)
# words French writes both ways, elided and not ("d'eux" and "deux",
# "qu'elle" and "quelle", "l'une" and "lune"): never read as a lost apostrophe
BOTH_WAYS = frozenset(
    {"deux", "quelle", "quelles", "lune", "dune", "lest", "dans", "laide", "tes", "sen", "dart"}
)


def lost_elision(letter: str, rest: str) -> bool:
    """Whether 'l' or 'd' glued to ``rest``, a word with its capital, is an
    elision whose apostrophe was lost ("lUIT", "lAssemblée", "dUnion"): not
    decibels ("dB", "dBm", "dBW"), nor a word of mixed case ("lAaB")."""
    if letter == "d" and rest.startswith("B"):
        return False
    return rest.isupper() or rest[1:].islower()


def elided_forms(whole: str) -> dict[str, tuple[str, str]]:
    """The elisions a French file writes with their apostrophe ("d'intérêt"),
    by the word they make with it lost ("dintérêt"): the elided word and the
    word after it. Not the words French writes both ways (:data:`BOTH_WAYS`).
    ``whole`` is the file's texts joined by "\\0"."""
    elided: dict[str, tuple[str, str]] = {}
    for m in _ELIDED.finditer(whole):
        before = _ELIDED_WORD.search(whole, max(0, m.start() - 7), m.start())
        if before is None:
            continue
        word = m.group(1)
        glued = before.group() + word
        if glued.lower() not in BOTH_WAYS:
            elided.setdefault(glued, (before.group(), word))
    return elided
