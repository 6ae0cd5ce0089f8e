"""Which ITU conference met where and when: the one calendar.

Two readers: the importers, to tell the body a citation's revision names
(below), and the ``history`` rule (:mod:`itures.rules.history`), to check
that a resolution's history records each conference at the place it met.

A citation's revision names the conference that adopted or last revised the
cited resolution: "Resolution 17 (Rev. Buenos Aires, 2017)" is a resolution
of the World Telecommunication Development Conference held in Buenos Aires in
2017, whatever document cites it. When the citation names no body, this
calendar says which bodies met at that place in that year;
:func:`itures.importers.extract.mark_citations` uses it (see there, and
docs/import.md, "Which body").

Only conferences whose resolutions ITU texts cite are listed: the
Plenipotentiary Conference (``pp``), the World Telecommunication
Development Conference (``wtdc``), the World Telecommunication
Standardization Assembly and its predecessor, the World Telecommunication
Standardization Conference (``wtsa``), the Radiocommunication Assembly
(``ra``), the World Radiocommunication Conference (``wrc``) and the World
Conference on International Telecommunications and its predecessor WATTC
(``wcit``). The Council meets every year in Geneva and its resolutions'
revisions name no place ("Resolution 1306 (Rev. 2016)"): it has no entry.

Places are matched without accents and case, in the spellings of the three
languages the importer reads ("Dubai", "Dubaï", "Dubái").
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

__all__ = [
    "CONFERENCES",
    "Misdated",
    "bodies_at",
    "days_met",
    "fold_place",
    "known_spelling",
    "meetings",
    "met_at",
    "misdated",
    "place_words",
    "places_of",
    "spelling_in",
]

# (spellings of the place, year) -> bodies that met there that year
_CALENDAR: list[tuple[tuple[str, ...], int, tuple[str, ...]]] = [
    # Plenipotentiary Conferences
    (("Atlantic City",), 1947, ("pp",)),
    (("Buenos Aires",), 1952, ("pp",)),
    (("Geneva", "Genève", "Ginebra"), 1959, ("pp",)),
    (("Montreux",), 1965, ("pp",)),
    (("Malaga-Torremolinos", "Málaga-Torremolinos"), 1973, ("pp",)),
    (("Nairobi",), 1982, ("pp",)),
    (("Nice", "Niza"), 1989, ("pp",)),
    (("Kyoto", "Kioto"), 1994, ("pp",)),
    (("Minneapolis", "Minneápolis"), 1998, ("pp",)),
    (("Marrakesh", "Marrakech"), 2002, ("pp",)),
    (("Antalya",), 2006, ("pp",)),
    (("Guadalajara",), 2010, ("pp",)),
    (("Busan", "Busán"), 2014, ("pp",)),  # (ITU's Spanish texts write "Busán")
    (("Dubai", "Dubaï", "Dubái"), 2018, ("pp",)),
    (("Bucharest", "Bucarest"), 2022, ("pp",)),
    (("Doha",), 2026, ("pp",)),  # as scheduled
    # the Additional Plenipotentiary Conference (the Constitution and Convention)
    (("Geneva", "Genève", "Ginebra"), 1992, ("pp",)),
    # World Telecommunication Development Conferences
    (("Buenos Aires",), 1994, ("wtdc",)),
    (("Valletta", "La Valette", "La Valetta", "La Valeta"), 1998, ("wtdc",)),
    (("Istanbul", "Estambul"), 2002, ("wtdc",)),
    (("Doha",), 2006, ("wtdc",)),
    (("Hyderabad",), 2010, ("wtdc",)),
    (("Dubai", "Dubaï", "Dubái"), 2014, ("wtdc",)),
    (("Buenos Aires",), 2017, ("wtdc",)),
    (("Kigali",), 2022, ("wtdc",)),
    (("Baku", "Bakou", "Bakú"), 2025, ("wtdc",)),
    # World Telecommunication Standardization Conferences and Assemblies
    (("Helsinki",), 1993, ("wtsa",)),
    (("Geneva", "Genève", "Ginebra"), 1996, ("wtsa",)),
    (("Montreal", "Montréal"), 2000, ("wtsa",)),
    (("Florianópolis", "Florianopolis"), 2004, ("wtsa",)),
    (("Johannesburg", "Johannesbourg", "Johannesburgo"), 2008, ("wtsa",)),
    (("Hammamet",), 2016, ("wtsa",)),
    (("Geneva", "Genève", "Ginebra"), 2022, ("wtsa",)),
    (("New Delhi", "Nueva Delhi"), 2024, ("wtsa",)),
    # Dubai 2012: WTSA-12 and WCIT-12
    (("Dubai", "Dubaï", "Dubái"), 2012, ("wtsa", "wcit")),
    # World Conferences on International Telecommunications
    (("Melbourne",), 1988, ("wcit",)),
    # Radiocommunication Assemblies and World Radiocommunication Conferences
    (("Geneva", "Genève", "Ginebra"), 1993, ("ra", "wrc")),
    (("Geneva", "Genève", "Ginebra"), 1995, ("ra", "wrc")),
    (("Geneva", "Genève", "Ginebra"), 1997, ("ra", "wrc")),
    (("Istanbul", "Estambul"), 2000, ("ra", "wrc")),
    (("Geneva", "Genève", "Ginebra"), 2003, ("ra", "wrc")),
    (("Geneva", "Genève", "Ginebra"), 2007, ("ra", "wrc")),
    (("Geneva", "Genève", "Ginebra"), 2012, ("ra", "wrc")),
    (("Geneva", "Genève", "Ginebra"), 2015, ("ra", "wrc")),
    (("Sharm el-Sheikh", "Charm el-Cheikh", "Sharm el Sheikh"), 2019, ("ra", "wrc")),
    (("Dubai", "Dubaï", "Dubái"), 2023, ("ra", "wrc")),
]


# The days each conference met, first and last, by body and year, each
# checked against a public page that gives them (ITU's pages of the
# conference, its press releases and history pages; for a few, a national
# regulator's or a news report): a history entry's date is one of them (rule
# history-date). A meeting whose days no source confirmed (WTSA 1996, 2000)
# is not listed: it has no days to check against.
_DAYS: dict[tuple[str, int], tuple[str, str]] = {
    ("pp", 1994): ("1994-09-19", "1994-10-14"),
    ("pp", 1998): ("1998-10-12", "1998-11-06"),
    ("pp", 2002): ("2002-09-23", "2002-10-18"),
    ("pp", 2006): ("2006-11-06", "2006-11-24"),
    ("pp", 2010): ("2010-10-04", "2010-10-22"),
    ("pp", 2014): ("2014-10-20", "2014-11-07"),
    ("pp", 2018): ("2018-10-29", "2018-11-16"),
    ("pp", 2022): ("2022-09-26", "2022-10-14"),
    ("wtdc", 1994): ("1994-03-21", "1994-03-29"),
    ("wtdc", 1998): ("1998-03-23", "1998-04-01"),
    ("wtdc", 2002): ("2002-03-18", "2002-03-27"),
    ("wtdc", 2006): ("2006-03-07", "2006-03-15"),
    ("wtdc", 2010): ("2010-05-24", "2010-06-04"),
    ("wtdc", 2014): ("2014-03-30", "2014-04-10"),
    ("wtdc", 2017): ("2017-10-09", "2017-10-20"),
    ("wtdc", 2022): ("2022-06-06", "2022-06-16"),
    ("wtsa", 1993): ("1993-03-01", "1993-03-12"),
    ("wtsa", 2004): ("2004-10-05", "2004-10-14"),
    ("wtsa", 2008): ("2008-10-21", "2008-10-30"),
    ("wtsa", 2012): ("2012-11-20", "2012-11-29"),
    ("wtsa", 2016): ("2016-10-25", "2016-11-03"),
    ("wtsa", 2022): ("2022-03-01", "2022-03-09"),
    ("wtsa", 2024): ("2024-10-15", "2024-10-24"),
    ("ra", 2000): ("2000-05-01", "2000-05-05"),
    ("ra", 2003): ("2003-06-02", "2003-06-06"),
    ("ra", 2007): ("2007-10-15", "2007-10-19"),
    ("ra", 2012): ("2012-01-16", "2012-01-20"),
    ("ra", 2015): ("2015-10-26", "2015-10-30"),
    ("ra", 2019): ("2019-10-21", "2019-10-25"),
    ("ra", 2023): ("2023-11-13", "2023-11-17"),
}


# How ITU's texts in French and Spanish write a place whose English
# spelling (a conference's first) differs from theirs in more than accents:
# the one spelling of that place in that language. A place not listed here,
# or a language not listed for it, accepts every spelling of the conference
# (where ITU's usage is not settled: "La Valetta" and "La Valeta" in
# Spanish texts). English writes the first spelling.
_SPELT_IN: dict[str, dict[str, str]] = {
    "Geneva": {"fr": "Genève", "es": "Ginebra"},
    "Nice": {"es": "Niza"},
    "Marrakesh": {"fr": "Marrakech", "es": "Marrakech"},
    "Istanbul": {"es": "Estambul"},
    "Johannesburg": {"fr": "Johannesbourg", "es": "Johannesburgo"},
    "Bucharest": {"fr": "Bucarest", "es": "Bucarest"},
    "New Delhi": {"es": "Nueva Delhi"},
    "Baku": {"fr": "Bakou"},
    "Valletta": {"fr": "La Valette"},
    "Sharm el-Sheikh": {"fr": "Charm el-Cheikh"},
}


# The spellings that differ from the English only in their accents, where the
# ITU texts of a language settle on one: French and Spanish write the
# accent, as the calendar's spellings have it (the others accepted in any
# language where usage is not settled: "Busán" or "Busan" in Spanish)
_ACCENTED_IN: dict[str, dict[str, str]] = {
    "Dubai": {"fr": "Dubaï", "es": "Dubái"},
}


@functools.lru_cache(maxsize=1024)
def fold_place(place: str) -> str:
    """A place as a lookup key: no accents, no case, hyphens and spaces alike.
    Remembered: a corpus names the same few places in every history."""
    decomposed = unicodedata.normalize("NFD", place.replace("‑", "-"))
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(bare.replace("-", " ").split()).casefold()


def _build() -> dict[tuple[str, int], frozenset[str]]:
    out: dict[tuple[str, int], set[str]] = {}
    for places, year, bodies in _CALENDAR:
        for place in places:
            out.setdefault((fold_place(place), year), set()).update(bodies)
    return {k: frozenset(v) for k, v in out.items()}


# (folded place, year) -> the bodies that met there that year
CONFERENCES: dict[tuple[str, int], frozenset[str]] = _build()


def bodies_at(place: str, year: int) -> frozenset[str]:
    """The bodies that met at ``place`` in ``year``; empty when none is known."""
    return CONFERENCES.get((fold_place(place), year), frozenset())


def _meetings() -> dict[str, dict[int, tuple[str, ...]]]:
    out: dict[str, dict[int, tuple[str, ...]]] = {}
    for places, year, bodies in _CALENDAR:
        for body in bodies:
            out.setdefault(body, {})[year] = places
    return out


# body -> year -> the place's spellings (the first is the English one)
MEETINGS: dict[str, dict[int, tuple[str, ...]]] = _meetings()
# every spelling the calendar holds, folded
_SPELLINGS: frozenset[str] = frozenset(fold_place(p) for places, _, _ in _CALENDAR for p in places)


def meetings(body: str) -> dict[int, tuple[str, ...]] | None:
    """Year -> the spellings of the place where ``body`` met; None for a body
    the calendar does not cover (the Council, UN bodies)."""
    return MEETINGS.get(body)


def places_of(body: str, year: int) -> tuple[str, ...] | None:
    """The spellings of the place where ``body`` met in ``year``; None when the
    calendar has no conference of that body that year."""
    found = MEETINGS.get(body)
    return None if found is None else found.get(year)


def spelt_by(place: str) -> frozenset[str]:
    """The languages whose texts write ``place`` so, for a place the
    languages spell their own ways ("Marrakech": fr and es; "Marrakesh":
    en; "Dubai": en, "Dubaï": fr, where they differ in their accents);
    empty for one written alike in all, or not known."""
    accented = _ACCENTED_BY.get(unicodedata.normalize("NFC", place))
    if accented is not None:
        return accented
    return _SPELT_BY.get(fold_place(place), frozenset())


def _spelt_by() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for english, others in _SPELT_IN.items():
        out.setdefault(fold_place(english), set()).add("en")
        for language, spelling in others.items():
            out.setdefault(fold_place(spelling), set()).add(language)
    return {place: frozenset(languages) for place, languages in out.items()}


_SPELT_BY = _spelt_by()
# the spellings of _ACCENTED_IN, as written -> the languages that write them so
_ACCENTED_BY: dict[str, frozenset[str]] = {
    spelling: frozenset([lang for lang, s in (("en", english), *others.items()) if s == spelling])
    for english, others in _ACCENTED_IN.items()
    for spelling in (english, *others.values())
}


def spelling_in(places: tuple[str, ...], language: str) -> str | None:
    """The one spelling of a conference's place (its spellings ``places``,
    English first) that texts in ``language`` write, when it differs from
    the others' in more than accents ("Marrakech" in French and Spanish,
    "Marrakesh" in English); None when the calendar accepts every spelling
    in that language (a place written alike in all, a usage not settled,
    a language other than English, French and Spanish)."""
    english = places[0]
    spelt = _SPELT_IN.get(english)
    if spelt is None:
        return None
    if language == "en":
        return english
    return spelt.get(language)


def accented_in(places: tuple[str, ...], language: str) -> str | None:
    """The spelling of a conference's place (its spellings ``places``,
    English first) that texts in ``language`` write when it differs from
    the English one only in its accents and usage is settled ("Dubaï" in
    French, "Dubái" in Spanish), or the English one in English, which
    writes no accent there ("Dubai"); None otherwise."""
    spelt = _ACCENTED_IN.get(places[0])
    if spelt is None:
        return None
    return places[0] if language == "en" else spelt.get(language)


@functools.cache
def place_words() -> frozenset[str]:
    """Every word of every spelling of the calendar's places, as written
    ("Buenos", "Aires", "Genève", "Malaga", "Torremolinos"): names, which a
    dictionary of words lacks and a slip may make a word of ("Airs")."""
    return frozenset(
        word
        for spellings, _, _ in _CALENDAR
        for place in spellings
        for word in place.replace("-", " ").split()
    )


def known_spelling(place: str) -> bool:
    """Whether the calendar holds this spelling of a place (any year, any body)."""
    return fold_place(place) in _SPELLINGS


@dataclass(frozen=True)
class Misdated:
    """A place and year that name no conference of a body the calendar covers
    (see :func:`misdated`): where the body met that year, and when it met at
    that place. One of the two is known, or the place and year are not
    reported at all (or ``others`` is)."""

    body: str
    place: str  # as written
    year: int
    met_in: tuple[str, ...] | None  # the place's spellings where the body met that year
    met_then: int | None  # the year it met at that place nearest to ``year``
    # the bodies whose conference the place and year are, when the body itself
    # is said to have met neither there nor then (words that name one body and
    # another's conference: "(Rev. Busan, 2014) of WTSA")
    others: frozenset[str] = frozenset()


def met_at(body: str, place: str) -> list[int]:
    """The years the calendar says ``body`` met at ``place`` (any of its
    spellings), oldest first; empty when none."""
    folded = fold_place(place)
    found = MEETINGS.get(body) or {}
    return sorted(y for y, spelt in found.items() if folded in {fold_place(p) for p in spelt})


def misdated(body: str, place: str, year: int) -> Misdated | None:
    """Whether ``place, year`` ("Busan, 2018") names a conference of ``body``.

    None when it does, when the calendar does not cover the body or that year
    (before its first conference, after its last). Otherwise
    what the calendar knows: where the body met that year ("Dubai"), or, in
    a year it did not meet, the year it met at that place ("Busan": 2014);
    when it knows neither (a year without a conference and a place the body
    never met at), None too: the calendar lists the conferences whose
    resolutions ITU texts cite, and may miss an extraordinary one."""
    found = MEETINGS.get(body)
    if found is None or not min(found) <= year <= max(found):
        return None
    folded = fold_place(place)
    places = found.get(year)
    if places is not None and folded in {fold_place(p) for p in places}:
        return None
    years = [y for y, spelt in found.items() if folded in {fold_place(p) for p in spelt}]
    then = min(years, key=lambda y: (abs(y - year), y)) if years else None
    if places is None and then is None:
        return None
    return Misdated(body, place, year, places, then)


def days_met(body: str, place: str, year: int) -> tuple[str, str] | None:
    """The first and last day (YYYY-MM-DD) that ``body`` met at ``place`` in
    ``year``, when the calendar has that meeting and its days; else None."""
    days = _DAYS.get((body, year))
    if days is None:
        return None
    places = MEETINGS.get(body, {}).get(year, ())
    folded = fold_place(place)
    return days if any(fold_place(p) == folded for p in places) else None
