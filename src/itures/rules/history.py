"""A resolution's history against time and ITU's conference calendar.

The calendar is :mod:`itures.conferences`, the one the importers use to tell
which body a citation's revision names.

Decisions:

* **Order**: entries are oldest first; two entries of one year are allowed
  (a resolution revised and abrogated by one conference). An adoption comes
  first, an abrogation last. An entry that repeats another (the same event,
  year and place: pasted twice) is reported once, at the repeat.
* **The future**: a year after the current year is reported (the date of
  the machine that checks).
* **Place**: checked only where the calendar knows a conference of that body
  in that year (WTDC 2017: Buenos Aires). The calendar does not cover every
  body (the Council meets in Geneva and its revisions name no place; UN
  bodies): no finding for them. A year in which the calendar has no
  conference of the body is reported only where the body met at that place
  in another year ("Busan, 2016": PP met in Busan in 2014), and no other
  body met there that year (a text of another body is the formula's
  finding): the calendar lists every conference of the bodies it covers,
  but an extraordinary one at a place that body never met would be missed,
  so a year without a conference at such a place is not reported. Places
  are compared without case or accents, in the English, French and
  Spanish spellings the calendar holds; a spelling it
  does not hold in another script (``Буэнос-Айрес``) is not reported, nor
  a place with a year glued to it ("Dubaï, 2014Buenos Aires"), which is
  ``conversion-artefact``'s (one defect, one finding).
* **Spelling by language**: where ITU's English, French and Spanish texts
  spell a place differently in more than its accents ("Marrakesh" in
  English, "Marrakech" in French and Spanish; "Geneva", "Genève",
  "Ginebra"), the calendar says which spelling each writes
  (:func:`itures.conferences.spelling_in`), and another language's
  spelling, pasted from its version, is a warning with this language's.
  Where usage is not settled ("La Valetta" or "La Valeta" in Spanish) any
  of the conference's spellings is accepted. So are spellings that differ
  only in their accents ("Busán" or "Busan" in Spanish), except where a
  language's texts settle on one (:func:`itures.conferences.accented_in`:
  "Dubaï" in French, "Dubái" in Spanish, "Dubai" in English). A conference that met
  elsewhere is told in the file's spelling ("PP met in Marrakech in
  2002", in Spanish).
* **The conference formula** ("The Plenipotentiary Conference ... (Dubai,
  2018),") names the conference whose text this is: the last entry of the
  history that is not an abrogation. Its year is compared in every
  language (the one number of its closing parentheses: "(Дубай, 2018 г.)",
  "（2018年，迪拜）", "(دبي، 2018)،"); its place in English, French and
  Spanish, as the history's are (a "Rev." before it aside); in Russian,
  Arabic and Chinese, with the history's place when both are written in the
  file's script ("(Дубай, 2014 г.)" after "Пусан, 2014"), not with the
  calendar. Another spelling of the
  same conference ("Busán" for "Busan") agrees, unless it is another
  language's ("Geneva" in French: a warning, as in the history). A formula
  that names its conference (in English, French and Spanish) and no place
  and year at all ("La Conférence mondiale de développement des
  télécommunications,") is a warning, with the history's last entry to
  write. Not
  compared: a formula with parentheses of another kind, with two years in them or
  a year glued to a word ("Dubaï, 2014Buenos Aires, 2017": the tracked
  change ``conversion-artefact`` reports), and an entry this rule already
  reports (a year in the future: one defect, one finding). The conference it
  names must be the resolution's body's (in English, French and Spanish, read
  as the importer reads it: "La Conférence de plénipotentiaires" in a WTDC
  resolution is a formula copied from another text); a formula of another
  conference is that one finding, its year and place not compared.
* **An annex's heading** ("ANNEX 2 TO RESOLUTION 25 (REV. DUBAI, 2018)")
  names the same revision as the formula, and is compared with the same
  entry in the same way, in English, French and Spanish: a heading left at
  an earlier revision when the text was revised, or mistyped. A heading
  naming another resolution is ``reference-part``'s.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import pairwise

from itures.conferences import (
    MEETINGS,
    accented_in,
    bodies_at,
    fold_place,
    known_spelling,
    met_at,
    misdated,
    places_of,
    spelling_in,
)
from itures.i18n import tr
from itures.rules import Context, Finding, Place, rule
from itures.suggest import closest

TYPE_CHECKING = False
if TYPE_CHECKING:
    from itures.model.resolution import HistoryEntry, Resolution

_LATIN = ("en", "fr", "es")


@functools.lru_cache(maxsize=1024)
def _folded(places: tuple[str, ...]) -> frozenset[str]:
    """The spellings of a conference's place, folded (once per conference)."""
    return frozenset(fold_place(p) for p in places)


def conference(body: str) -> str:
    """A body's conference as the subject of a sentence ("WTDC", "la CMDT")."""
    # TRANSLATORS: the conference as the subject of "... met in PLACE in YEAR",
    # with its article where the language needs one.
    names = {
        "pp": tr("PP"),
        "wtdc": tr("WTDC"),
        "wtsa": tr("WTSA"),
        "ra": tr("RA"),
        "wrc": tr("WRC"),
        "wcit": tr("WCIT"),
    }
    return names.get(body, body.upper())


@rule(
    "history",
    "error",
    "a history out of order, in the future, with an entry twice, at a place where that body did "
    "not meet that year, or that disagrees with the conference formula or an annex's heading",
)
def check_history(ctx: Context) -> Iterator[Finding]:
    """The ``history`` is oldest first (one entry out of its place, a revision
    added at the top instead of the end, is one finding that says where to
    move it; where moving either of two entries would do, an abrogation is
    the one moved, last; the rest is then judged as it reads once moved; a year
    mistyped, "Guadalajara, 2001" for 2010, that the calendar's year for
    the place puts in order is the calendar's one finding, which gives the
    year, not also an order to change), an adoption
    first and an abrogation last, with no year after the current one (told
    the year the body met at the entry's place, "Busan, 2041": 2014; the
    citations of that year are then not a finding each), no entry twice (the same
    event, year and place: pasted twice), and each conference at the
    place where the resolution's body met that year (see the calendar in
    ``itures.conferences``), written as one of its spellings: a place of the
    right conference in other capitals or without its accents ("buenos
    aires", "Geneve"), or in another language's spelling ("Marrakesh" in a
    Spanish text, which writes "Marrakech"), is a warning, with the spelling
    to write (the heading derived from the history shows it as written);
    a place that holds a
    year ("Buenos Aires, 2017") is said at the place, whose year is written
    in ``year``. The conference formula
    is that of the resolution's body, in the year and place of the last
    entry, its place written as one of the conference's spellings (a
    warning, as in the history), and a formula that names no place and
    year is a warning with the last entry's; a body that no conference of the calendar has and that is close
    to the one the formula names ("wtcd" under "La Conférence mondiale de
    développement des télécommunications") is reported at ``body``, as
    misspelt, and the words "of this conference" of its citations are not
    judged by it (``reference-text``). The calendar holds the places in
    Latin letters (as English, French and Spanish texts write them): a place
    written in Arabic, Chinese or Cyrillic letters is not compared with it
    (the events and years of a history are compared with the other language
    versions', by ``language-mismatch``).

    Failing (WTDC met in Buenos Aires in 2017, and 2017 comes after 2019)::

        body: wtdc
        history:
          - {event: revised, place: Dubaï, year: 2019}
          - {event: revised, place: Genève, year: 2017}

    Passing::

        body: wtdc
        history:
          - {event: revised, place: Dubaï, year: 2014}
          - {event: revised, place: Buenos Aires, year: 2017}
    """
    res = ctx.resolution
    this_year = datetime.date.today().year
    history = res.history
    reported: set[int] = set()
    firsts: dict[tuple[int, str, str], int] = {}
    abrogated = next((i for i, h in enumerate(history) if h.event == "abrogated"), len(history))
    moved = _one_out_of_order(history)
    if moved is not None and _misdated_in_order(res.body, history, moved, formula_body(res)):
        # a year mistyped ("Guadalajara, 2001" for 2010): the calendar's year
        # puts it in order; the entry's finding says which year to write
        # (moving it would keep the wrong year)
        moved = None
    if moved is not None:
        # one entry out of its place (a revision added first, not last): that
        # one finding, the history then judged as it reads once it is moved
        yield _moved_finding(history, moved)
        ordered = sorted(history, key=lambda h: h.year)  # (stable: the others keep their order)
        abrogated = len(history)
    for i in range(len(history)):
        entry = history[i]
        first = firsts.setdefault((entry.year, entry.event, fold_place(entry.place)), i)
        repeated = None if first == i else first
        for finding in _entry_findings(
            res, history, i, this_year, repeated, abrogated, in_order=moved is None
        ):
            reported.add(i)
            yield finding
    if moved is not None:
        yield from _formula_findings(res, ordered, set())
        yield from _annex_findings(res, ordered, set())
        return
    yield from _formula_findings(res, history, reported)
    yield from _annex_findings(res, history, reported)


def _annex_findings(
    res: Resolution, history: list[HistoryEntry], reported: set[int]
) -> Iterator[Finding]:
    """An annex's heading that names another revision than the history's
    last entry that is not an abrogation ("ANNEX TO RESOLUTION 25 (REV.
    BUSAN, 2014)" in a text Dubai revised in 2018: the heading not revised
    with the text): at its year, or at its place (compared as the
    conference formula's is). Only the headings of this resolution's
    annexes (one naming another resolution is reference-part's), in
    English, French and Spanish; not when that entry is reported already."""
    if not res.annexes or res.language not in _LATIN:
        return
    last = next(
        (i for i in range(len(history) - 1, -1, -1) if history[i].event != "abrogated"), None
    )
    if last is None or last in reported:
        return
    entry = history[last]
    said = f"{entry.place}, {entry.year}"
    places = places_of(res.body, entry.year)
    own = res.number.upper()
    for a, annex in enumerate(res.annexes):
        heading = annex.heading
        named = ANNEX_HEADING.match(heading) if heading else None
        if named is None or heading is None:
            continue
        number = named.group("number").upper()
        if number != (own.removeprefix("D") if named.group("decision") else own):
            continue  # (another resolution's heading: reference-part's)
        read = _formula(heading, res.language)
        if read is None:
            continue
        year, year_at, year_length, place, place_at = read
        if year != entry.year:
            at, length = year_at, year_length
        elif place is None or fold_place(place) == fold_place(entry.place):
            continue
        elif places is not None and {fold_place(place), fold_place(entry.place)} <= _folded(places):
            continue  # two spellings of one conference's place
        else:
            at, length = place_at, len(place)
        yield Finding(
            ("annexes", a, "heading"),
            tr(
                "the heading of this annex says {wrote}, and the history's last entry is "
                "{said}: an annex's heading names the text's last revision",
                wrote=str(year) if place is None else f"{place}, {year}",
                said=said,
            ),
            offset=at,
            length=length,
            help=tr(
                "write {said} in the heading, as the history's last entry says, or correct the "
                "history",
                said=said,
            ),
        )


def _one_out_of_order(history: list[HistoryEntry]) -> int | None:
    """The index of the one entry of a history out of the order of the years,
    whose move alone puts it in order (a revision added at the top); None
    when the history is in order, or when no entry, or more than one, would
    do so alone. Where two would (either entry of a history of two), an
    abrogation is the one moved: it comes last ("abrogated, 2022" written
    before "revised, 2018")."""
    years = [h.year for h in history]
    if len(years) < 2:
        return None
    # the first entry older than the one before it: one of these two is out of place
    down = next((i for i in range(1, len(years)) if years[i] < years[i - 1]), None)
    if down is None:
        return None
    alone = [j for j in (down - 1, down) if _ascending(years[:j] + years[j + 1 :])]
    if len(alone) == 2:
        # either move would do: an abrogation, which comes last, is the one moved
        abrogations = [j for j in alone if history[j].event == "abrogated"]
        if len(abrogations) == 1:
            return abrogations[0]
    return alone[0] if len(alone) == 1 else None


def _future_help(body: str, place: str, year: int) -> str:
    """How to mend a year after the current one: the year the body met at
    that place nearest to it, when the calendar knows one ("Busan, 2041":
    PP met in Busan in 2014)."""
    years = met_at(body, place)
    if not years:
        return tr("correct the year")
    then = min(years, key=lambda y: (abs(y - year), y))
    return tr(
        "correct the year to {then} ({body} met in {place} in {then})",
        then=then,
        body=conference(body),
        place=place,
    )


def _misdated_in_order(
    body: str, history: list[HistoryEntry], j: int, formula: str | None = None
) -> bool:
    """Whether entry ``j`` names a place where the calendar says ``body`` met
    in another year, and that year (and the calendar's for every such entry)
    puts the history in order."""
    called = [misdated(body, h.place, h.year) for h in history]
    mine = called[j]
    if mine is None or mine.met_then is None:
        return False
    if (
        mine.met_in is None
        and bodies_at(mine.place, mine.year)
        and left_to_formula([h.event for h in history], j, formula, mine.place, mine.year)
    ):
        return False  # (another body's conference, named by the formula: not the calendar's)
    if formula is not None and formula != body and formula in bodies_at(mine.place, mine.year):
        return False  # (the body mistyped, its formula's conference: the formula's finding)
    # (every such year mistyped, as the calendar gives it)
    years = [
        c.met_then if c is not None and c.met_then is not None else h.year
        for h, c in zip(history, called, strict=True)
    ]
    return _ascending(years)


def _ascending(years: list[int]) -> bool:
    return all(a <= b for a, b in pairwise(years))


def _moved_finding(history: list[HistoryEntry], j: int) -> Finding:
    entry = history[j]
    rest = history[:j] + history[j + 1 :]
    before = [h for h in rest if h.year <= entry.year]
    return Finding(
        ("history", j),
        tr(
            "entry {n} of the history ({event}, {place}, {year}) is out of order: the history "
            "is oldest first",
            n=j + 1,
            event=entry.event,
            place=entry.place,
            year=entry.year,
        ),
        help=tr(
            "move it after the entry {event}, {place}, {year}",
            event=before[-1].event,
            place=before[-1].place,
            year=before[-1].year,
        )
        if before
        else tr("move it first"),
    )


def _entry_findings(
    res: Resolution,
    history: list[HistoryEntry],
    i: int,
    this_year: int,
    first: int | None,
    abrogated: int,
    *,
    in_order: bool = True,
) -> Iterator[Finding]:
    """What is wrong with entry ``i`` of the history; ``first`` is the earlier
    entry it repeats (the same event, year and place, in any case or
    accents: an entry pasted twice), if any, ``abrogated`` the index of the
    first abrogation (the history's length if none)."""
    entry = history[i]
    if first is not None:
        yield Finding(
            ("history", i),
            tr(
                "entry {n} of the history repeats entry {first} ({event}, {place}, {year}): "
                "a conference records its decision on a text once",
                n=i + 1,
                first=first + 1,
                event=entry.event,
                place=entry.place,
                year=entry.year,
            ),
            help=tr("delete the repeated entry"),
            related=(Place(("history", first), tr("entry {n}", n=first + 1)),),
        )
        return  # (what else is wrong with it is said of the first)
    if entry.event == "adopted" and i > 0 and in_order:
        yield Finding(
            ("history", i, "event"),
            tr(
                "the adoption is entry {n} of the history: a history starts with the "
                "adoption (oldest first)",
                n=i + 1,
            ),
            help=tr("move the adoption first, or make it a revision (event: revised)"),
        )
    if entry.event != "abrogated" and abrogated < i:
        yield Finding(
            ("history", i, "event"),
            tr(
                "an entry '{event}' comes after the abrogation: an abrogated resolution "
                "is not revised",
                event=entry.event,
            ),
            help=tr("put the abrogation last, or correct the event"),
        )
    if (
        i > 0
        and entry.year < history[i - 1].year
        and in_order
        and not _misdated_in_order(res.body, history, i, formula_body(res))
        and not _misdated_in_order(res.body, history, i - 1, formula_body(res))
    ):
        # (a year mistyped that the calendar's puts in order is the calendar's
        # finding, which gives the year: not also an order to change)
        yield Finding(
            ("history", i, "year"),
            tr(
                "{year} comes after {previous}: the history is oldest first",
                year=entry.year,
                previous=history[i - 1].year,
            ),
            help=tr("put the entries in the order of their years"),
        )
    if entry.year > this_year:
        yield Finding(
            ("history", i, "year"),
            tr(
                "{year} is after the current year ({current}): a history records "
                "conferences that have met",
                year=entry.year,
                current=this_year,
            ),
            help=_future_help(res.body, entry.place, entry.year),
        )
        return
    held = _YEAR_IN_PLACE.search(entry.place)
    if held is not None and _GLUED.search(entry.place) is None:
        # "Buenos Aires, 2017" (a glued "2014Buenos Aires" is conversion-artefact's)
        alone = (
            entry.place[: held.start()].rstrip(" ,;-–\u00a0") + " " + entry.place[held.end() :]
        ).strip(" ,;-–\u00a0")
        yield Finding(
            ("history", i, "place"),
            tr(
                "the place {place} holds a year: a history entry writes its year in 'year' "
                "({year} here)",
                place=repr(entry.place),
                year=entry.year,
            ),
            help=tr("write the place alone: {place}", place=repr(alone))
            if alone
            else tr("write the place of the conference"),
        )
        return
    formula = formula_body(res)
    found = calendar_finding(
        res.body,
        res.language,
        i,
        entry.place,
        entry.year,
        named=left_to_formula([h.event for h in history], i, formula, entry.place, entry.year),
        formula=formula,
    )
    if found is not None:
        yield found


# a year written in a history's place ("Buenos Aires, 2017", "Dubaï 2014")
# (from its first digit: a pattern starting with the blanks and commas around
# it was tried at each of a long run of them, and read the run each time)
_YEAR_IN_PLACE = re.compile(r"(?<!\d)\d{3,5}(?!\d)")


def left_to_formula(
    events: Sequence[str], i: int, formula: str | None, place: str, year: int
) -> bool:
    """Whether entry ``i`` of a history whose entries' events are ``events``,
    at ``place`` in ``year``, where another body than the resolution's met, is
    the conference formula's to tell (``formula``: the body it names, see
    :func:`formula_body`): the entry it names (the last that is not an
    abrogation: "Buenos Aires, 2017" last in a PP text is WTDC's, a text of
    another body), or any entry when the formula names the body that met
    there (the resolution's body mistyped: 'wtsa' in a text whose formula
    and history are WTDC's)."""
    if formula is not None and formula in bodies_at(place, year):
        return True
    last = next((j for j in range(len(events) - 1, -1, -1) if events[j] != "abrogated"), None)
    return i == last


def calendar_finding(
    body: str,
    language: str,
    i: int,
    place: str,
    year: int,
    *,
    named: bool = True,
    formula: str | None = None,
) -> Finding | None:
    """The finding on entry ``i`` of a history (of a resolution of ``body``
    in ``language``) at ``place`` in ``year`` against the conference
    calendar: a year in which the body met elsewhere, a place where it did
    not meet that year, a spelling of a place; None when the calendar agrees
    or cannot tell (``language-mismatch`` leaves such an entry to it).
    ``named``: whether such an entry at a place where another body met that
    year is the conference formula's to tell (:func:`left_to_formula`);
    ``formula``: the body the formula names, when it names one. An entry of
    a conference of that body, which is not the resolution's, is the
    formula's to tell too, whatever the resolution's body met elsewhere that
    year ('pp' in a WTDC text: not "PP met in Busan in 2014, not in Dubaï")."""
    places = places_of(body, year)
    if places is None:
        # a year without a conference of the body: reported where the body met
        # at that place another year ("Busan, 2016": PP met in Busan in 2014)
        # (not a conference of another body at the entry the formula names:
        # "Buenos Aires, 2017" last in a PP text is WTDC's, a text of another
        # body, which the formula's finding says; an earlier entry is no
        # formula's, and "Dubaï, 2018" before "Buenos Aires, 2017" in a WTDC
        # text is a year mistyped, WTDC having met in Dubaï in 2014, whoever
        # else met there in 2018)
        wrong = None if named and bodies_at(place, year) else misdated(body, place, year)
        if wrong is not None and wrong.met_then is not None:
            return Finding(
                ("history", i, "year"),
                met_then(body, place, year, wrong.met_then),
                help=tr("correct the year to {then}, or the place", then=wrong.met_then),
            )
        return None
    folded = fold_place(place)
    if formula is not None and formula != body and formula in bodies_at(place, year):
        return None  # (the body mistyped: the formula's finding, "names WTDC")
    if folded in _folded(places):
        if language not in _LATIN:
            return None
        foreign = _foreign(folded, places, language) or _unaccented(place, places, language)
        if foreign is not None:
            return _language_spelling(place, foreign, ("history", i, "place"))
        # (composed first: "Gene\u0300ve" is shown as "Genève")
        if unicodedata.normalize("NFC", place) not in places:
            return _spelling(place, folded, places, i)
        return None
    if any(c.isdigit() for c in place):
        return None  # a year glued to the place: conversion-artefact reports it
    if language not in _LATIN and not known_spelling(place):
        return None
    written = ", ".join(dict.fromkeys(places))
    wrong = misdated(body, place, year)
    then = wrong.met_then if wrong is not None else None
    return Finding(
        ("history", i, "place"),
        met_elsewhere(body, place, year, spelling_in(places, language) or places[0]),
        help=tr("correct the place ({written}) or the year", written=written)
        if then is None
        else tr(
            "correct the place ({written}) or the year ({then}: {conference} met in {place} then)",
            written=written,
            then=then,
            conference=conference(body),
            place=place,
        ),
    )


def calendar_disagrees(
    body: str,
    language: str,
    place: str,
    year: int,
    *,
    named: bool = True,
    formula: str | None = None,
) -> bool:
    """Whether this rule reports a history entry at ``place`` in ``year``
    (of a resolution of ``body`` in ``language``) as a year or a place the
    conference calendar does not have (not a spelling of its place): the
    defect is said there, with its fix. ``named`` and ``formula``: as
    :func:`calendar_finding` takes them."""
    places = places_of(body, year)
    if places is not None and fold_place(place) in _folded(places):
        return False
    return (
        calendar_finding(body, language, 0, place, year, named=named, formula=formula) is not None
    )


def met_elsewhere(body: str, place: str, year: int, met: str) -> str:
    """That ``body``'s conference of ``year`` met at ``met``, not at ``place``."""
    return tr(
        "{conference} met in {met} in {year}, not in {place}",
        conference=conference(body),
        met=met,
        year=year,
        place=place,
    )


def met_then(body: str, place: str, year: int, then: int) -> str:
    """That ``body`` met at ``place`` in ``then``, and had no conference in ``year``."""
    return tr(
        "{conference} met in {place} in {then}, not in {year}",
        conference=conference(body),
        place=place,
        then=then,
        year=year,
    )


# the parentheses a conference formula ends with, and what may follow them
# a parenthesis that holds a year, anywhere in a formula (its place and year)
_DATED = re.compile(r"[(（][^()（）]{0,80}\d{3,5}[^()（）]{0,80}[)）]")
_CLOSING = re.compile(r"[(（]([^()（）]*)[)）][\s,.;:，。、،؛]*$")
# (three to five digits: a year with a digit lost or doubled, "(Buenos Aires,
# 20017)", is said as the year it is not)
_YEAR = re.compile(r"(?<!\d)\d{3,5}(?!\d)")
# a year glued to a word, or a word to a year: a tracked change's trace (an
# ideograph is not a word here: "2018年" is how Chinese writes a year)
_WORD = r"(?:(?![\u2e80-\u9fff\uf900-\ufaff])[^\W\d_])"
_GLUED = re.compile(rf"\d{_WORD}|{_WORD}\d")
# An annex's heading as the Final Acts write it: "ANNEX 2 TO RESOLUTION 48
# (REV. DUBAI, 2018)", "ANNEXE À LA RÉSOLUTION 59", "ANEXO A LA RESOLUCIÓN 9"
ANNEX_HEADING = re.compile(
    r"""^\s*(?:ANNEX|ANNEXE|ANEXO|ПРИЛОЖЕНИЕ)(?:\s+(?P<annex>\d+|[A-Z]))?
    \s+(?:TO(?:\s+THE)?|À\s+LA|A\s+LA|DE\s+LA|AL|К)
    \s+(?:RESOLUTION|RÉSOLUTION|RESOLUCIÓN|РЕЗОЛЮЦИИ|(?P<decision>DECISION|DÉCISION|DECISIÓN))
    \s+(?P<number>\d+[A-Z]?(?:/\d+)?)\b""",
    re.IGNORECASE | re.VERBOSE,
)


# "Dubai, 2018" (a "Rev." the heading has, copied into the formula, aside;
# "REV." in an annex's heading, written in capitals; or "Rev" with its stop
# lost, or another mark typed for it, which punctuation tells)
_PLACE_YEAR = re.compile(
    r"\s*(?:[Rr][EeÉé][Vv](?:[.,;:]|(?=\s))\s*)?(?P<place>[^\W\d_][^,]*?)\s*,\s*\d{3,5}\s*"
)
# the same in Russian ("Пусан, 2014 г."), Arabic ("بوسان، 2014") and
# Chinese ("2014年，釜山"), whose places are compared with the history's
# written in the same script (not with the calendar's Latin spellings)
_PLACE_YEAR_IN: dict[str, re.Pattern[str]] = {
    "ru": re.compile(r"\s*(?:Пересм\.\s*)?(?P<place>[^\W\d_][^,]*?)\s*,\s*\d{3,5}\s*(?:г\.?)?\s*"),
    "ar": re.compile(r"\s*(?P<place>[^\W\d_][^،,]*?)\s*[،,]\s*\d{3,5}\s*"),
    "zh": re.compile(
        r"\s*\d{3,5}\s*年\s*[，,]\s*(?P<place>[^\W\d_][^，,]*?)\s*(?:[，,]\s*修订版?)?\s*"
    ),
}


def _spelling(written: str, folded: str, places: tuple[str, ...], i: int) -> Finding:
    """A place that is the conference's but written otherwise than any of its
    spellings: in other capitals, without its accents or hyphens ("buenos
    aires", "Geneve"). The heading derived from the history shows it as
    written: a warning, with the spelling whose letters are the same."""
    same = [p for p in places if fold_place(p) == folded]
    right = next((p for p in same if p.casefold() == written.casefold()), same[0])
    return Finding(
        ("history", i, "place"),
        tr(
            "the place is written {written}; the conference's is written {right}",
            written=repr(written),
            right=repr(right),
        ),
        offset=0,
        length=len(written),
        severity="warning",
        help=tr("write {right}", right=repr(right)),
    )


def place_in(written: str, places: tuple[str, ...], language: str) -> str | None:
    """The spelling texts in ``language`` write of a conference's place
    (``places``, its spellings) when ``written``, one of them, is another
    language's or lacks the accent this language settles on ("Dubaï" in
    English: "Dubai"; "Marrakesh" in French: "Marrakech"); None when it is
    this language's, or not one of the place's spellings."""
    folded = fold_place(written)
    if folded not in _folded(places):
        return None
    return _foreign(folded, places, language) or _unaccented(written, places, language)


def _foreign(folded: str, places: tuple[str, ...], language: str) -> str | None:
    """The spelling texts in ``language`` write of a conference's place
    (``places``) when ``folded``, one of its spellings, is another
    language's ("Marrakesh" in Spanish: "Marrakech"); None when it is this
    language's, or the calendar accepts every spelling in it
    (:func:`itures.conferences.spelling_in`)."""
    right = spelling_in(places, language)
    if right is None or fold_place(right) == folded:
        return None
    return right


def _unaccented(written: str, places: tuple[str, ...], language: str) -> str | None:
    """The spelling texts in ``language`` write of a conference's place
    when ``written`` is one of its spellings that differs from it only in
    its accents ("Dubai" or "Dubái" in French: "Dubaï";
    :func:`itures.conferences.accented_in`); None otherwise."""
    right = accented_in(places, language)
    if right is None or unicodedata.normalize("NFC", written) == right:
        return None
    return right


def _language_spelling(
    written: str, right: str, path: tuple[str | int, ...], offset: int | None = None
) -> Finding:
    """A place written in another language's spelling ("Marrakesh", the
    English one, in a Spanish text that writes "Marrakech"): a warning, as a
    spelling is (the conference is the right one), with the spelling of the
    file's language. ``offset``: where the place starts in the text at
    ``path`` (a conference formula), None for a history's place."""
    return Finding(
        path,
        tr(
            "the place is written {written}, as another language writes it; in this "
            "language it is written {right}",
            written=repr(written),
            right=repr(right),
        ),
        severity="warning",
        offset=offset,
        length=None if offset is None else len(written),
        help=tr("write {right}", right=repr(right)),
    )


def _formula_findings(
    res: Resolution, history: list[HistoryEntry], reported: set[int]
) -> Iterator[Finding]:
    """The conference formula against the last entry of the history that is
    not an abrogation (see the module's documentation)."""
    formula = res.conference
    last = next(
        (i for i in range(len(history) - 1, -1, -1) if history[i].event != "abrogated"), None
    )
    if formula is None:
        return
    named = _formula_body(formula, res.language)
    if named is not None and named[2] != res.body:
        start, end, body = named
        if misspelt_body(res.body, body):
            # 'wtcd' for 'wtdc': the body is what is wrong, not the formula
            yield Finding(
                ("body",),
                tr(
                    "the body '{body}' is not one itures knows, and the conference formula "
                    "names {named}: did you mean '{id}'?",
                    body=res.body,
                    named=conference(body),
                    id=body,
                ),
                help=tr("write 'body: {id}'", id=body),
            )
            return
        yield Finding(
            ("conference",),
            tr(
                "the conference formula names {named} ('{id}'), but the resolution's body is "
                "'{body}': the formula is that of the conference whose text this is",
                named=conference(body),
                id=body,
                body=res.body,
            ),
            offset=start,
            length=end - start,
            help=tr(
                "write the formula of {conference}, or correct 'body'",
                conference=conference(res.body),
            ),
        )
        return  # a formula of another conference: its year and place are not this one's
    if last is None or last in reported:
        return
    read = _formula(formula, res.language)
    if read is None:
        if named is not None and _DATED.search(formula) is None:
            # "La Conférence mondiale de développement des télécommunications,": the
            # place and year of the conference lost (a formula always writes them)
            entry = history[last]
            yield Finding(
                ("conference",),
                tr(
                    "the conference formula names no place and year: a formula ends with "
                    "the conference's, as the history's last entry says ({said})",
                    said=f"{entry.place}, {entry.year}",
                ),
                offset=named[0],
                length=named[1] - named[0],
                severity="warning",
                help=tr(
                    "write {written} after the conference's name",
                    written=repr(f"({entry.place}, {entry.year})"),
                ),
            )
        return
    year, year_at, year_length, place, place_at = read
    entry = history[last]
    said = f"{entry.place}, {entry.year}"
    if year != entry.year:
        yield Finding(
            ("conference",),
            tr(
                "the conference formula says {year}, the history's last entry {said}: the text "
                "is that of the conference that adopted or revised it last",
                year=year,
                said=said,
            ),
            offset=year_at,
            length=year_length,
            # (a formula later than the history: most often a revision the
            # history lost, which the other language versions then have)
            help=tr(
                "add the revision of {year} that the formula names at the end of the "
                "history, or correct the formula's year ({said})",
                year=year,
                said=said,
            )
            if year > entry.year
            else tr(
                "correct the year of the conference formula ({said}), or the history",
                said=said,
            ),
        )
        return
    if place is None:
        return
    if res.language not in _LATIN:
        # (Russian, Arabic, Chinese: compared with the history's place when
        # both are written in the file's script, "Дубай" for "Пусан")
        if (
            not place.isascii()
            and not entry.place.isascii()
            and fold_place(place) != fold_place(entry.place)
        ):
            yield _formula_place_finding(place, place_at, said)
        return
    places = places_of(res.body, entry.year)
    if places is not None and fold_place(place) in _folded(places):
        foreign = _foreign(fold_place(place), places, res.language) or _unaccented(
            place, places, res.language
        )
        if foreign is not None:
            yield _language_spelling(place, foreign, ("conference",), place_at)
            return
    if fold_place(place) == fold_place(entry.place):
        # the same place; written as none of its spellings ("Buenos-Aires"),
        # the spelling the history's entry is told (_spelling)
        written = unicodedata.normalize("NFC", place)
        if places is not None and written not in places and fold_place(place) in _folded(places):
            spelling = _spelling(written, fold_place(place), places, last)
            yield Finding(
                ("conference",),
                spelling.message,
                severity="warning",
                offset=place_at,
                length=len(place),
                help=spelling.help,
            )
        return
    if places is not None and {fold_place(place), fold_place(entry.place)} <= _folded(places):
        return  # two spellings of one conference's place
    yield _formula_place_finding(place, place_at, said)


def _formula_place_finding(place: str, place_at: int, said: str) -> Finding:
    """A conference formula whose place is not that of the history's last
    entry (``said``: "Busan, 2014")."""
    return Finding(
        ("conference",),
        tr(
            "the conference formula says {place}, the history's last entry {said}: the text "
            "is that of the conference that adopted or revised it last",
            place=place,
            said=said,
        ),
        offset=place_at,
        length=len(place),
        help=tr(
            "correct the place of the conference formula ({said}), or the history",
            said=said,
        ),
    )


# the bodies whose conference a formula names (the issuing ones)
_ISSUING = ("pp", "wtdc", "wtsa", "ra", "wrc")


def misspelt_body(written: str, named: str) -> bool:
    """Whether a resolution's ``body`` is a misspelling of the body its
    conference formula names: not a body of the conferences' calendar, and
    close to it as every "did you mean" is (:func:`itures.suggest.closest`:
    "wtcd" for "wtdc"; not "council" for "pp")."""
    if written in MEETINGS or named not in MEETINGS:
        return False
    return closest(written, [named]) is not None


def formula_body(res: Resolution) -> str | None:
    """The body whose conference the resolution's formula names (see
    :func:`_formula_body`); None when it names none or has none."""
    if res.conference is None:
        return None
    named = _formula_body(res.conference, res.language)
    return None if named is None else named[2]


def formula_body_in(formula: str, language: str) -> tuple[int, int, str] | None:
    """The body whose conference ``formula`` names, read in ``language``
    (English, French or Spanish), with where its name starts and ends; None
    when it names none in that language."""
    return _formula_body(formula, language)


@functools.lru_cache(maxsize=256)
def _formula_body(formula: str, language: str) -> tuple[int, int, str] | None:
    """The body whose conference the formula names first, its subject ("La
    Conférence de plénipotentiaires (Dubaï, 2018)": pp), with where it is
    named; None in a language without an import grammar, or when it names
    none (read as the importer reads it)."""
    if language not in _LATIN:
        return None
    from itures.importers.extract import actors_in

    for start, end, actor in actors_in(formula, language):
        if actor in _ISSUING:
            return start, end, actor
    return None


def formula_place_of(formula: str, language: str) -> tuple[str, int] | None:
    """The place and the year a conference formula names, as written
    ("(Пусан, 2014 г.)": Пусан, 2014), read in ``language``."""
    found = _formula(formula, language)
    if found is None or found[3] is None:
        return None
    return found[3], found[0]


def formula_year(res: Resolution) -> int | None:
    """The year the conference formula names ("(Busan, 2014),"), if one."""
    found = _formula(res.conference) if res.conference else None
    return found[0] if found is not None else None


@functools.lru_cache(maxsize=256)
def _formula(formula: str, language: str = "en") -> tuple[int, int, int, str | None, int] | None:
    """What a conference formula says: (year, its offset, its length, place
    or None, its offset); None when it says no one year in the parentheses
    it ends with, or has a year glued to a word there. A number of three or
    five digits there is its year, mistyped. Remembered: the resolutions of
    one conference share their formula."""
    closing = _CLOSING.search(formula)
    if closing is None:
        return None
    inside = closing.group(1)
    years = list(_YEAR.finditer(inside))
    if len(years) != 1 or _GLUED.search(inside):
        return None
    start = closing.start(1)
    written = _PLACE_YEAR_IN.get(language, _PLACE_YEAR).fullmatch(inside)
    return (
        int(years[0].group()),
        start + years[0].start(),
        len(years[0].group()),
        None if written is None else written.group("place"),
        0 if written is None else start + written.start("place"),
    )
