"""Extraction while importing: citations, actors, deadlines.

The grammars (:mod:`itures.importers.lang`) say how a language writes these
things; the vocabulary (``schema/actors.yaml``) names the actors, conferences
and events. This module combines both and applies them to one text at a time.
Nothing here raises on odd text: a phrase that does not parse is left as it is.

* :func:`mark_citations` turns ``la Résolution 123 (Rév. Guadalajara, 2010)
  de la Conférence de plénipotentiaires`` into the inline citation markup
  ``[...](pp:123@2010)``. The words marked run from the article through the
  body phrase. Which body: the one the text names (after, before, as the
  subject, by a sector prefix, "this conference"), else the one the revision
  names (its conference's abbreviation, or the place and year of a
  conference: :mod:`itures.conferences`), else, with no revision,
  the document's own; a citation whose body cannot be told is left as text
  (:func:`unresolved_citations` says which and why). A part written before
  the citation ("resolves 3 of", "the Annex 2 to") becomes its fragment
  (``#resolves/3``, ``#annex/2``), and so do parts after it and parts of the
  document itself ("resolves 2 above").
* :func:`addressed` finds the actors a clause addresses ("to invite the
  Director of BDT ...") and the partners named to act with them ("in
  collaboration with ...").
* :func:`heading_actors` does the same for an operative heading
  ("instructs the Secretary-General, in cooperation with ...").
* :func:`deadlines` finds recurring duties ("chaque année au Conseil"),
  events ("to the next plenipotentiary conference") and dates ("by 2020").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from itures.conferences import bodies_at
from itures.i18n import tr
from itures.importers.lang import Grammar, flexible, grammar, without_accents
from itures.model import markup
from itures.model.resolution import KIND_PREFIX, Deadline
from itures.model.vocabulary import vocabulary

__all__ = [
    "Actors",
    "Cited",
    "Reading",
    "Unresolved",
    "actors_in",
    "addressed",
    "deadlines",
    "heading_actors",
    "mark_citations",
    "near_actor",
    "normalise",
    "own_parts",
    "prepare",
    "read_citations",
    "unresolved_citations",
]

# events -> the conference (actor) a report "to the next ..." goes to
_EVENT_ACTOR = {
    "next-pp": "pp",
    "next-wtdc": "wtdc",
    "next-wtsa": "wtsa",
    "next-ra": "ra",
    "next-wrc": "wrc",
    "next-council": "council",
}
# bodies whose resolutions the corpus may cite (actor ids of the vocabulary)
_CITABLE = ("pp", "wtdc", "wtsa", "ra", "wrc", "council")


def normalise(text: str) -> str:
    """A lookup key for a name as written: case, spaces, hyphens, apostrophes
    folded; a hyphen is a blank ("Secretary General", "Secretary-General")."""
    text = text.replace("‑", " ").replace("-", " ").replace("’", "'")
    return " ".join(text.split()).casefold()


def _is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(name) <= 12


def _alternation(names: dict[str, str]) -> str:
    """Longest names first; full names case-insensitive, abbreviations as written."""
    parts = []
    for name in sorted(names, key=len, reverse=True):
        pattern = flexible(name)
        if _is_abbreviation(name):
            parts.append(pattern)
        else:  # a full name's hyphen may be written as a blank: "Secretary General"
            parts.append("(?i:" + pattern.replace("[-‑]", r"(?:[-‑]|\s+)") + ")")
    return "|".join(parts)


# -- actors ------------------------------------------------------------------


@dataclass(frozen=True)
class _Matcher:
    regex: re.Pattern[str]
    ids: dict[str, str]  # normalised name -> actor id ("" for non-actors)


@cache
def _actor_matcher(language: str) -> _Matcher:
    g = grammar(language)
    names: dict[str, str] = {}
    for actor in vocabulary().actors:
        for name in getattr(actor.names, language):
            names[name] = actor.id
        for abbr in getattr(actor.abbreviations, language):
            names[abbr] = actor.id
    names.update(g.aliases)
    ids = {normalise(n): i for n, i in names.items()}
    regex = re.compile(rf"(?<![\w‑-])(?:{_alternation(names)})(?![\w‑-])")
    return _Matcher(regex, ids)


_PAREN_ABBR = re.compile(r"\s*\([^()\s]{2,15}\)")


def actors_in(text: str, language: str) -> list[tuple[int, int, str]]:
    """Actors named in text: (start, end, id), in order of appearance.

    An abbreviation in parentheses right after a name ("Bureau (BDT)") is part
    of that name.
    """
    m = _actor_matcher(language)
    found: list[tuple[int, int, str]] = []
    pos = 0
    while True:
        hit = m.regex.search(text, pos)
        if hit is None:
            return found
        end = hit.end()
        paren = _PAREN_ABBR.match(text, end)
        if paren is not None:
            end = paren.end()
        actor = m.ids.get(normalise(hit.group()), "")
        if actor:
            found.append((hit.start(), end, actor))
        pos = max(end, hit.start() + 1)


def _unique(ids: list[str], exclude: list[str] | None = None) -> list[str]:
    seen = set(exclude or ())
    out = []
    for i in ids:
        if i not in seen:
            seen.add(i)
            out.append(i)
    return out


@dataclass(frozen=True)
class Actors:
    """Who is addressed, and who is named to act with them."""

    actors: list[str]
    partners: list[str]


def _split_partners(span: str, g: Grammar) -> Actors:
    cut = g.partners.search(span)
    before, after = (span[: cut.start()], span[cut.end() :]) if cut else (span, "")
    actors = _unique([a for _, _, a in actors_in(before, g.language)])
    partners = _unique([a for _, _, a in actors_in(after, g.language)], actors)
    return Actors(actors, partners)


def addressed(text: str, language: str) -> Actors:
    """Actors a clause addresses ("d'inviter le GCDT ...") and their partners."""
    g = grammar(language)
    actors: list[str] = []
    partners: list[str] = []
    for verb in g.addressing.finditer(text):
        end = g.object_end.search(text, verb.end())
        span = text[verb.end() : end.start() if end else len(text)]
        found = _split_partners(span, g)
        actors.extend(found.actors)
        partners.extend(found.partners)
    actors = _unique(actors)
    return Actors(actors, _unique(partners, actors))


def near_actor(rest: str, language: str) -> tuple[str, str] | None:
    """(actor id, its name) of the actor that words after an operative
    heading's verb name with one slip of typing ("the Secretary-Genral"), when
    they name no actor as written; None otherwise. Names of eight letters or
    more only (a shorter one is too often another word one slip away)."""
    from itures.suggest import one_slip

    words = re.sub(r"^\W*(?:the|le|la|les|l'|el|los|las)\s+", "", rest.strip(), flags=re.I)
    words = words.strip(" ,:;.").lower()
    if not words or len(words) > 80:
        return None
    for actor in vocabulary().actors:
        for name in getattr(actor.names, language, ()) or ():
            low = name.lower()
            if len(low) >= 8 and low != words and one_slip(words, low):
                return actor.id, name
    return None


def heading_actors(rest: str, language: str) -> Actors:
    """Actors named in an operative heading after its verb, and their partners."""
    g = grammar(language)
    end = g.object_end.search(rest)
    return _split_partners(rest[: end.start()] if end else rest, g)


# -- deadlines ---------------------------------------------------------------


@cache
def _events(language: str) -> re.Pattern[str]:
    names = {n: e.id for e in vocabulary().events for n in getattr(e.names, language)}
    g = grammar(language)
    alternation = "|".join(
        f"(?P<e{i}>(?i:{flexible(n)}))" for i, n in enumerate(sorted(names, key=len, reverse=True))
    )
    return re.compile(rf"{g.event_preposition}(?:{alternation})(?![\w-])", re.IGNORECASE)


@cache
def _event_ids(language: str) -> list[str]:
    names = {n: e.id for e in vocabulary().events for n in getattr(e.names, language)}
    return [names[n] for n in sorted(names, key=len, reverse=True)]


def _actor_at(text: str, pos: int, language: str) -> tuple[int, str] | None:
    m = _actor_matcher(language)
    hit = m.regex.match(text, pos)
    if hit is None:
        return None
    actor = m.ids.get(normalise(hit.group()), "")
    return (hit.end(), actor) if actor else None


def deadlines(text: str, language: str) -> list[Deadline]:
    """Deadlines and reporting duties stated in a clause, in order of appearance."""
    g = grammar(language)
    found: list[tuple[int, int, Deadline]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in found)

    report_to = re.compile(g.report_to)
    for pattern, every in g.recurring:
        for hit in pattern.finditer(text):
            end, target = hit.end(), None
            prep = report_to.match(text, end)
            if prep is not None:
                actor = _actor_at(text, prep.end(), language)
                if actor is not None:
                    end, target = actor
            if free(hit.start(), end):
                found.append(
                    (
                        hit.start(),
                        end,
                        Deadline(every=every, report_to=target, text=text[hit.start() : end]),
                    )
                )
    ids = _event_ids(language)
    for hit in _events(language).finditer(text):
        index = next(i for i in range(len(ids)) if hit.group(f"e{i}") is not None)
        event = ids[index]
        reports = g.reporting.search(text[max(0, hit.start() - 60) : hit.start()]) is not None
        if free(hit.start(), hit.end()):
            found.append(
                (
                    hit.start(),
                    hit.end(),
                    Deadline(
                        event=event,
                        report_to=_EVENT_ACTOR.get(event) if reports else None,
                        text=text[hit.start() : hit.end()].strip(),
                    ),
                )
            )
    # (the body a deadline by a year reports to, named right before it: "to the
    # ITU Council by 2020"; the preposition may open the words)
    told = re.compile(r"(?:^|\s+)" + g.report_to.removeprefix(r"\s+"))
    for hit in g.by_year.finditer(text):
        start, target = hit.start(), None
        for prep in told.finditer(text, max(0, hit.start() - 120), hit.start()):
            actor = _actor_at(text, prep.end(), language)
            if actor is not None and text[actor[0] : hit.start()].strip(" ,") == "":
                start, target = (
                    prep.start() + len(prep.group()) - len(prep.group().lstrip()),
                    actor[1],
                )
        if not free(start, hit.end()):  # (the body named by a deadline before it)
            start, target = hit.start(), None
        if free(start, hit.end()):
            found.append(
                (
                    start,
                    hit.end(),
                    Deadline(
                        by=int(hit.group("year")), report_to=target, text=text[start : hit.end()]
                    ),
                )
            )
    found.sort(key=lambda f: f[0])
    return [d for _, _, d in found]


# -- citations ---------------------------------------------------------------


@dataclass(frozen=True)
class Cited:
    """One citation marked in a text."""

    start: int  # in the text as given
    end: int
    words: str
    target: str


@dataclass(frozen=True)
class Unresolved:
    """A citation whose body cannot be told: left as text, and reported."""

    start: int  # in the text as given
    end: int
    words: str
    reason: str  # why, in the current language


@dataclass(frozen=True)
class _Bodies:
    after: re.Pattern[str]  # a body phrase after a citation: " of WTSA", " adopted by the Council"
    lookup: dict[str, str]  # normalised name -> body
    before: re.Pattern[str]  # a body named right before: "UNGA Resolution", "Council Decision"
    subject: re.Pattern[str]  # a body that adopted it: "WTSA adopted", "WTDC-17 adopted"


@cache
def _bodies(language: str) -> _Bodies:
    g = grammar(language)
    names: dict[str, str] = {}
    council: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    for actor in vocabulary().actors:
        if actor.id not in _CITABLE:
            continue
        for name in [*getattr(actor.names, language), *getattr(actor.abbreviations, language)]:
            (council if actor.id == "council" else names)[name] = actor.id
        for abbr in getattr(actor.abbreviations, language):
            abbreviations[abbr] = actor.id
    names.update(council)
    names.update(g.other_bodies)
    lookup = {normalise(n): b for n, b in names.items()}
    after = re.compile(
        rf"""(?:\s+{g.body_preposition}|,?\s+{g.adopted_by})
        (?P<name>{_alternation(names)}|(?P<this>{g.this_body.pattern}))
        (?:[-‑]\d\d)?(?![\w‑-])                       # WTDC-17
        (?:\s*\((?P<abbr>[^()\s\d][^()\s]{{1,11}})\))?  # (AMNT)
        (?:\s*\((?P<year>(?:18|19|20)\d\d)\))?        # of the Council (2017)
        """,
        re.VERBOSE,
    )
    before_names = {**abbreviations, **council, **g.other_bodies}
    before = re.compile(
        rf"(?P<name>{_alternation(before_names)})(?:[-‑]\d\d)?(?:\s*\([A-Z]{{2,8}}\))?\s+\Z",
    )
    subject = re.compile(
        rf"(?<![\w‑-])(?P<name>{_alternation(names)}){g.adopted_subject}\Z", re.VERBOSE
    )
    return _Bodies(after, lookup, before, subject)


def _fold(text: str) -> str:
    return without_accents(text).upper()


# A label as written in a reference to a part: 1, 1.2, 1bis, a), abis), i), (a)
_PART_LABEL = (
    r"(?:\d+(?:\.\d+)*(?:\s?(?:bis|ter|quater))?(?!\w|\.\d)"
    r"|\(?[a-z](?:bis|ter|quater)?\)|\(?[ivxlc]+\))"
)
# articles before an actor in a section's heading: "instructs the Secretary-General 1"
_ACTOR_ARTICLE = r"(?:(?:the|le|la|les|el|los|las|al|au|aux)\s+|l['’]\s*)"


@cache
def _part_forms(language: str) -> str:
    """A part of a resolution as written: ``the Annex 2`` | ``paragraph 1 i) of
    instructs the Director of TSB`` | ``le point 3 du décide`` | ``resolves 3``
    (a regex fragment; groups annex, alabel, labels1, verb1, verb2, labels2)."""
    g = grammar(language)
    phrases = sorted({*g.preamble_verbs, *g.operative_verbs}, key=len, reverse=True)
    verbs = "|".join(flexible(p) for p in phrases)
    further = g.further.pattern
    actors = _actor_matcher(language).regex.pattern
    verb_phrase = rf"""
        (?i:(?:{further}\s+)?(?:{verbs})(?:\s+{further})?)(?![\w‑-])
        (?:\s+{_ACTOR_ARTICLE}?(?:{actors})(?:\s*\([^()\s]{{2,15}}\))?)?"""
    labels = rf"{_PART_LABEL}(?:\s+{_PART_LABEL})*"
    return rf"""(?<![\w‑-])
        (?:{g.part_article})?
        (?:
            (?P<annex>{g.annex_word})(?:\s+(?P<alabel>\d+|[A-Z])(?!\w))?   # Annex 2
          | (?i:{g.part_noun})\s+(?P<labels1>{labels})                       # paragraph 1 i)
            \s+{g.part_link}(?P<verb1>{verb_phrase})                         # of instructs ...
          | (?P<verb2>{verb_phrase})\s+(?P<labels2>{labels})                 # resolves 3
        )"""


@cache
def _part_prefix(language: str) -> re.Pattern[str]:
    """A part of a resolution written before its citation, up to the citation.

    ``resolves 3 of`` | ``paragraph 1 i) of instructs the Director of TSB of`` |
    ``the Annex 2 to`` | ``le point 3 du décide de`` | ``el Anexo 2 a``; the match
    ends where the citation starts (searched against the text before it).
    """
    g = grammar(language)
    return re.compile(
        rf"""{_part_forms(language)}
        \s+{g.part_to}\s+\Z                                                 # of, to, de, à
        """,
        re.VERBOSE,
    )


@cache
def _bare_part(language: str) -> re.Pattern[str]:
    """A single part of a section, not followed by more labels ("resolves 2, 3"):
    ``resolves 2 above``, ``considering b)``, ``le point 1 du décide ci-dessus``."""
    g = grammar(language)
    return re.compile(
        rf"""{_part_forms(language)}
        (?!(?:{g.part_list}|\s+){_PART_LABEL})                         # not a list or range
        (?P<anchor>\s+(?:{g.part_anchor})(?![\w‑-]))?                   # above
        """,
        re.VERBOSE,
    )


def _fragment(m: re.Match[str], language: str) -> str | None:
    """The fragment a part names (``annex/2``, ``resolves/1/i``), or None."""
    if m.group("annex") is not None:
        label = m.group("alabel")
        return "annex" + (f"/{label}" if label else "")
    key = _verb_key(m.group("verb1") or m.group("verb2"), grammar(language))
    if key is None:
        return None
    labels = re.findall(_PART_LABEL, m.group("labels1") or m.group("labels2"))
    return "/".join([key, *(re.sub(r"[()\s]", "", label) for label in labels)])


def _verb_key(phrase: str, g: Grammar) -> str | None:
    """The canonical key of a section verb as written ("recognizing further" ->
    further_recognizing); the actors after an operative verb are ignored."""
    h = " ".join(phrase.replace("’", "'").replace("‑", "-").split()).lower()
    further = g.further.search(h) is not None
    base = " ".join(g.further.sub(" ", h).split())
    for table in (g.preamble_verbs, g.operative_verbs):
        for written in sorted(table, key=len, reverse=True):
            if base == written or base.startswith(written + " "):
                key = table[written]
                return f"further_{key}" if further else key
    return None


def _part_before(text: str, lo: int, start: int, language: str) -> tuple[int, str] | None:
    """(where the words start, fragment) of a part cited right before ``start``."""
    if start <= lo or not text[start - 1].isspace():
        return None  # the pattern ends with blanks before the citation (the quick test)
    if start - lo > 300:
        lo = start - 300
    m = _part_prefix(language).search(text[lo:start])
    if m is None:
        return None
    fragment = _fragment(m, language)
    return None if fragment is None else (lo + m.start(), fragment)


@dataclass
class _Group:
    """Numbers of a citation that share one revision: "32, 44 and 54 (Rev. ...)"."""

    start: int
    end: int
    numbers: list[str]
    year: str | None
    place: str | None
    conference: str | None  # "WRC" in "(Rev.WRC-15)"


@dataclass
class _Candidate:
    """A citation found, before its body is settled."""

    start: int  # the words: from the part, the article or a body named before
    end: int  # through the body phrase
    cite_start: int  # where "Resolution" (or its article) starts
    groups: list[_Group]
    letter: str  # "D" for decisions
    body: str | None = None  # named: after, before, as the subject, ITU-R, this conference
    after: bool = False  # named after the citation (carried back over a coordination)
    fragment: str = ""
    unreadable: bool = False  # "(Rev. (Hammamet, 2016)": a revision that cannot be read
    possessed: bool = False  # "its Resolution 1344", "the respective Resolution 1"


# the abbreviation of "revised" left in a place by a mark beside it that the
# grammar does not read ("(Rev . Dubai", "(Rev.. Dubai")
_REV_SLIPPED = re.compile(r"^R[eé]v\b[\s.]*", re.IGNORECASE)


def _group(m: re.Match[str], start: int, g: Grammar) -> _Group:
    year = m.group("year")
    yy = m.group("yy")
    if yy is not None:
        year = yy if len(yy) == 4 else ("20" if int(yy) < 50 else "19") + yy
    numbers = [n.replace("‑", "-") for n in g.number_separator.split(m.group("numbers"))]
    place = m.group("place")
    # (a mark doubled or a blank before one beside it, "(Rev.. Dubai", "(Rev . Dubai",
    # "Dubai,, 2018": punctuation's; the place is the words between)
    if place:
        place = _REV_SLIPPED.sub("", place).strip(" .,;:")
    return _Group(
        start, m.end(), numbers, year, " ".join(place.split()) if place else None, m.group("conf")
    )


def _fits(group: _Group, body: str, bodies: _Bodies) -> bool:
    """Whether the revision of a group allows the body (a conference it names, or
    the conference that met at its place and year)."""
    if group.conference is not None:
        return bodies.lookup.get(normalise(group.conference)) == body
    if group.place is not None and group.year is not None:
        met = bodies_at(group.place, int(group.year))
        return not met or body in met
    return True


def _unnamed_body(
    group: _Group, own_body: str, bodies: _Bodies, c: _Candidate
) -> tuple[str | None, str]:
    """The body of a citation that names none (see :func:`mark_citations`), or
    (None, why not)."""
    if any("/" in n for n in group.numbers):
        return "unga", ""
    if group.conference is not None:
        body = bodies.lookup.get(normalise(group.conference))
        if body is None:
            return None, tr(
                "the conference {conference} of its revision is not known",
                conference=repr(group.conference),
            )
        return body, ""
    if group.place is not None and group.year is not None:
        met = bodies_at(group.place, int(group.year))
        if own_body in met:
            return own_body, ""
        if len(met) == 1:
            return next(iter(met)), ""
        if met:
            return None, tr(
                "{place}, {year} is where {names} met, and the text does not say which",
                place=group.place,
                year=group.year,
                names=_all_of(sorted(b.upper() for b in met)),
            )
        return None, tr(
            "no ITU conference is known to have met at {place}, {year}, and the text names no body",
            place=group.place,
            year=group.year,
        )
    if group.year is not None:
        if own_body == "council":
            return own_body, ""
        return None, tr(
            "a revision of {year} without a place is not a conference's, and the text names "
            "no body",
            year=group.year,
        )
    if c.unreadable:
        return None, tr("its revision cannot be read, and the text names no body")
    if c.possessed:
        return None, tr("a possessive says it is another body's, and the text names none")
    if any(len(re.sub(r"\D.*", "", n)) >= 4 for n in group.numbers):
        return None, tr("a number of four digits is no conference's, and the text names no body")
    return own_body, ""


def _all_of(names: list[str]) -> str:
    """'A', 'A and B', 'A and B and C' in the current language."""
    said = names[0] if names else ""
    for name in names[1:]:
        said = tr("{first} and {last}", first=said, last=name)
    return said


# a revision that cannot be read after a citation: "(Rev. (Hammamet, 2016)"
_UNREADABLE = re.compile(r"\s*\(\s*(?:R[ée]v(?![a-z])|\(|\d)")


class _Taken:
    """The spans already marked in a text, asked in logarithmic time.

    A paragraph of thousands of citations asks, for each part it finds, whether
    it overlaps a span already taken and where the last span before it ends:
    a scan of every span each time made a long paragraph quadratic.
    """

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        ordered = sorted((s, e) for s, e, _ in spans)
        self.starts = [s for s, _ in ordered]
        # the largest end among the spans that start before each index
        self.reach: list[int] = []
        for _, e in ordered:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)
        self.ends = sorted(e for _, e, _ in spans)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span taken overlaps ``start:end`` (shares a character)."""
        i = bisect.bisect_left(self.starts, end)  # the spans starting before ``end``
        return i > 0 and self.reach[i - 1] > start

    def end_before(self, at: int) -> int:
        """The last end of a span taken at or before ``at`` (0 if none)."""
        i = bisect.bisect_right(self.ends, at)
        return self.ends[i - 1] if i else 0


def _candidates(text: str, language: str, own_body: str) -> list[_Candidate]:
    """Citations of resolutions in a text, before their bodies are settled."""
    g = grammar(language)
    bodies = _bodies(language)
    cands: list[_Candidate] = []
    pos = 0
    for hit in g.citation.finditer(text):
        if hit.start() < pos:
            continue
        groups = [_group(hit, hit.start(), g)]
        end = hit.end()
        while True:
            more = g.citation_more.match(text, end)
            if more is None:
                break
            groups.append(_group(more, more.start("numbers"), g))
            end = more.end()
        kind = "decision" if _fold(hit.group("word")).startswith("DECISION") else "resolution"
        c = _Candidate(hit.start(), end, hit.start(), groups, KIND_PREFIX.get(kind, ""))
        phrase = bodies.after.match(text, end)
        if phrase is not None:
            if phrase.group("this") is not None:
                c.body = own_body
            else:
                c.body = bodies.lookup.get(normalise(phrase.group("name")))
            if c.body is not None:
                c.after = True
                c.end = phrase.end()
                if phrase.group("year") and groups[-1].year is None:
                    groups[-1].year = phrase.group("year")
        if c.body is None and hit.group("sector"):
            c.body = "ra"
        prefix = bodies.before.search(text, max(pos, c.start - 120), c.start)
        if prefix is not None and hit.group("article") is None:
            named = bodies.lookup.get(normalise(prefix.group("name")))
            if named is not None:
                if c.body is None:
                    c.body = named
                c.start = prefix.start()
        if c.body is None:
            subject = bodies.subject.search(text, max(pos, c.start - 150), c.start)
            if subject is not None:
                c.body = bodies.lookup.get(normalise(subject.group("name")))
        if c.body is None and not groups[-1].year and not groups[-1].conference:
            c.unreadable = _UNREADABLE.match(text, c.end) is not None
            word = hit.start("word")
            c.possessed = g.possessive.search(text, max(0, word - 30), word) is not None
        if sum(len(gr.numbers) for gr in groups) == 1:
            part = _part_before(text, pos, c.start, language)
            if part is not None:
                c.start, c.fragment = part[0], "#" + part[1]
        cands.append(c)
        pos = c.end
    # a body named after the last of coordinated citations is theirs too
    for i in range(len(cands) - 2, -1, -1):
        c, nxt = cands[i], cands[i + 1]
        if (
            c.body is None
            and nxt.after
            and nxt.body is not None
            and g.coordinator.fullmatch(text, c.end, nxt.start) is not None
            and all(_fits(gr, nxt.body, bodies) for gr in c.groups)
        ):
            c.body, c.after = nxt.body, True
    return cands


def _find(
    text: str, language: str, own_body: str
) -> tuple[list[tuple[int, int, str]], list[Unresolved]]:
    """Citations of resolutions in a text: (start, end, target) and the unresolved."""
    bodies = _bodies(language)
    cands = _candidates(text, language, own_body)
    spans: list[tuple[int, int, str]] = []
    unresolved: list[Unresolved] = []
    for c in cands:
        found: list[tuple[int, int, str]] = []
        for i, gr in enumerate(c.groups):
            s = c.start if i == 0 else gr.start
            e = c.end if i == len(c.groups) - 1 else gr.end
            body = c.body
            if body is None:
                body, why = _unnamed_body(gr, own_body, bodies, c)
                if body is None:
                    unresolved.append(Unresolved(s, e, text[s:e], why))
                    continue
            numbers = [c.letter + n for n in gr.numbers]
            target = f"{body}:{','.join(numbers)}" + (f"@{gr.year}" if gr.year else "") + c.fragment
            found.append((s, e, target))
        if any(
            isinstance(markup.parse_target(t), str) or re.search(r"[\[\]]", text[s:e])
            for s, e, t in found
        ):
            continue
        spans.extend(found)
    return spans, unresolved


def _parts_after(
    text: str, language: str, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Parts named right after a citation ("Decision 5 (...) stipulates in decides
    1.2") and parts of it said to be "thereof" ("Resolution 73 (...) of WTSA, ...,
    recognizing g) thereof"): cited with the resolution's target."""
    g = grammar(language)
    bare = _bare_part(language)
    after = re.compile(g.part_after_citation, re.VERBOSE)
    thereof = re.compile(rf"\s+(?:{g.part_thereof})(?![\w‑-])")
    found: list[tuple[int, int, str]] = []
    for i, (_, end, target) in enumerate(spans):
        if "," in target.split("@")[0] or "#" in target:
            continue  # several resolutions, or a part already: no single target
        base = target
        limit = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        gap = after.match(text, end, limit)
        if gap is not None:
            m = bare.match(text, gap.end(), limit)
            if m is not None and m.group("anchor") is None:
                fragment = _fragment(m, language)
                if fragment is not None and not fragment.startswith("annex"):
                    found.append((m.start(), m.end(), f"{base}#{fragment}"))
                    continue
        stop = text.find(";", end, limit)
        window_end = min(limit, end + 250, stop if stop >= 0 else limit)
        for m in bare.finditer(text, end, window_end):
            tail = thereof.match(text, m.end(), window_end)
            if tail is None or m.group("anchor") is not None:
                continue
            fragment = _fragment(m, language)
            if fragment is not None:
                found.append((m.start(), tail.end(), f"{base}#{fragment}"))
            break
    return found


def mark_citations(
    text: str, language: str, own_body: str, own_number: str | None = None
) -> tuple[str, list[Cited]]:
    """The text with its citations marked up, and what was marked.

    Which body a citation is of, in this order:

    1. the body named: after it ("of WTSA", "of this conference", "adopted by
       the ITU Council", also for each of coordinated citations before it:
       "Resolution 44 (...) and of Resolution 54 (...) of WTSA"), before it
       ("UNGA Resolution 70/1", "Council Decision 588"), by its sector prefix
       ("Resolution ITU-R 6-2"), or as the subject that adopted it ("WTSA
       adopted Resolutions 32, 44 and 54");
    2. a UN number ("70/1"): the UN General Assembly;
    3. the conference its revision names: "(Rev.WRC-15)", or the place and
       year of a conference (:mod:`itures.conferences`):
       "(Rev. Buenos Aires, 2017)" is WTDC's; where several bodies met, the
       document's own if it is one of them;
    4. no revision at all ("Resolution 71", "Decision 5"): the document's own
       body, as ITU texts cite their own body's resolutions by number alone;
       but not a four-digit number (no conference's), nor one after a
       possessive ("its Resolution 1344", "the respective Resolution 1"), nor
       one followed by a revision that cannot be read ("(Rev. (Hammamet, 2016)").

    Otherwise the body cannot be told: the citation is left as text (see
    :func:`unresolved_citations`), never guessed. A part written before a
    citation ("resolves 3 of", "the Annex 2 to") is cited with it, as a
    fragment (``#resolves/3``, ``#annex/2``); so is a part written after it
    ("stipulates in decides 1.2", "recognizing g) thereof"). With
    ``own_number``, parts of the document itself are cited too: "resolves 3
    of this resolution", "l'annexe de la présente résolution", "resolves 2
    above", "taking into account considering b)".
    """
    spans, _ = _find(text, language, own_body)
    spans.extend(_parts_after(text, language, spans))
    spans.sort()
    if own_number is not None:
        spans.extend(_own_parts(text, language, own_body, own_number, spans))
        spans.sort()
        spans.extend(_own_bare_parts(text, language, own_body, own_number, spans))
        spans.sort()
    out: list[str] = []
    cited: list[Cited] = []
    pos = 0
    for s, e, target in spans:
        out.append(text[pos:s])
        words = text[s:e]
        out.append(f"[{words}]({target})")
        cited.append(Cited(s, e, words, target))
        pos = e
    out.append(text[pos:])
    return "".join(out), cited


def own_parts(
    text: str, language: str, *, bare: bool = True
) -> list[tuple[int, int, tuple[str, ...]]]:
    """The parts of the document itself that ``text`` names in plain words, as
    :func:`mark_citations` with ``own_number`` would mark them ("resolves 3 of
    this resolution", "le point 4 du décide ci-dessus", "taking into account
    considering b)"): (start, end, fragment) each, the fragment as a
    citation's (``("resolves", "3")``). A part of another resolution ("resolves
    3 of Resolution 58") is not one; nor, here, a part inside a citation
    already marked (``[...](...)``). English, French and Spanish. Without
    ``bare``, only the parts named with the document ("... of this
    resolution"), not those named alone ("resolves 2 above"), whose search
    costs more."""
    own = _own_parts(text, language, "x", "1", [])
    found = own + _own_bare_parts(text, language, "x", "1", sorted(own)) if bare else own
    return sorted((s, e, tuple(t.split("#", 1)[1].split("/"))) for s, e, t in found)


@dataclass(frozen=True)
class Reading:
    """What the words of a citation say, as far as they say it (see
    :func:`read_citations`): one per group of numbers sharing a revision."""

    numbers: tuple[str, ...]  # as in a target: "D5" for a decision
    year: int | None  # the revision's year
    body: str | None  # the body the words name ("de l'AMNT", "this conference", ITU-R)
    conference: frozenset[str]  # the bodies its revision's conference allows (empty: unknown)
    fragment: tuple[str, ...]  # a part named before it: ("resolves", "3")
    place: str | None = None  # the revision's place, as written ("Busan")


def prepare(language: str) -> None:
    """Build now what reading ``language`` builds on first use (patterns of
    hundreds of alternatives: tens of milliseconds each), for a process that
    others are forked from (:mod:`itures.daemon`)."""
    for factory in (
        _actor_matcher,
        _events,
        _event_ids,
        _bodies,
        _part_forms,
        _part_prefix,
        _bare_part,
    ):
        factory(language)


def read_citations(words: str, language: str, own_body: str) -> list[Reading]:
    """Read the words of a citation with the import grammar: the numbers, the
    revision's year, the body they name and the bodies their revision's
    conference allows, the part they name. Nothing is guessed: a body the
    words do not name is None (where :func:`mark_citations` falls back to
    the document's own), and ``own_body`` serves only for "this conference"."""
    bodies = _bodies(language)
    out: list[Reading] = []
    for c in _candidates(words, language, own_body):
        fragment = tuple(c.fragment.removeprefix("#").split("/")) if c.fragment else ()
        for gr in c.groups:
            conference: frozenset[str] = frozenset()
            if gr.conference is not None:
                found = bodies.lookup.get(normalise(gr.conference))
                conference = frozenset([found]) if found else frozenset()
            elif gr.place is not None and gr.year is not None:
                conference = bodies_at(gr.place, int(gr.year))
            out.append(
                Reading(
                    tuple(c.letter + n for n in gr.numbers),
                    int(gr.year) if gr.year else None,
                    c.body,
                    conference,
                    fragment,
                    gr.place,
                )
            )
    return out


def unresolved_citations(text: str, language: str, own_body: str) -> list[Unresolved]:
    """The citations of a text whose body cannot be told, which
    :func:`mark_citations` leaves as text; ``text`` as given to it (or the
    plain words of what it returned: the same)."""
    return _find(text, language, own_body)[1]


def _own_parts(
    text: str, language: str, own_body: str, own_number: str, taken: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Parts of the document itself: "resolves 3 of this resolution", "Annex 2 to this decision"."""
    g = grammar(language)
    found: list[tuple[int, int, str]] = []
    index = _Taken(taken)
    for hit in g.this_document.finditer(text):
        lo = index.end_before(hit.start())
        if index.overlaps(hit.start(), hit.end()):
            continue
        part = _part_before(text, lo, hit.start(), language)
        if part is None:
            continue
        start, fragment = part
        target = f"{own_body}:{own_number}#{fragment}"
        if isinstance(markup.parse_target(target), str) or re.search(
            r"[\[\]]", text[start : hit.end()]
        ):
            continue
        found.append((start, hit.end(), target))
    return found


def bare_part(words: str, language: str) -> tuple[tuple[str, ...], bool] | None:
    """The one part of a section that ``words`` are, whole ("considering b)",
    "resolves 2 above", "le point 1 du décide ci-dessus"): its fragment
    (``("considering", "b")``) and whether an anchor ("above") ends them;
    None for words that are more or other ("resolves 2 of Resolution 71",
    "recognizing g) thereof", an annex, a list of parts). English, French
    and Spanish; None in another language."""
    try:
        m = _bare_part(language).fullmatch(words.strip())
    except (KeyError, ValueError, LookupError):
        return None
    if m is None:
        return None
    fragment = _fragment(m, language)
    if fragment is None or fragment.startswith("annex"):
        return None
    return tuple(fragment.split("/")), m.group("anchor") is not None


def cites_after(text: str, pos: int, language: str) -> bool:
    """Whether a resolution is cited or named right after ``pos`` of ``text``,
    as the resolution a part before it is of ("... resolves 3 of Resolution
    58", "... of this resolution")."""
    return _cites_next(text, pos, grammar(language))


def _cites_next(text: str, pos: int, g: Grammar) -> bool:
    """Whether a resolution (or "this resolution") is cited right after a part:
    "resolves 3 of Resolution 58": then the part is that resolution's."""
    link = re.match(rf"\s+{g.part_to}\s+", text[pos : pos + 12])
    if link is None:
        return False
    window = text[pos + link.end() : pos + link.end() + 80].split(";")[0]
    return bool(g.citation.search(window) or g.this_document.search(window))


def _own_bare_parts(
    text: str, language: str, own_body: str, own_number: str, taken: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Parts of the document cited without it: "resolves 2 above", "in accordance
    with instructs 3 below", "taking into account considering b)".

    A part is a reference when an anchor follows its labels ("above", "ci-dessus",
    "anterior"), or when a referring word comes before it ("in", "with", "au",
    "del", the grammar's ``part_reference``) or a reference just recognised and
    "and", and no infinitive follows it (which makes it an operative heading run
    into the text by a conversion: "..., resolves to instruct the
    Secretary-General 1 to collaborate ..."). Lists and ranges of parts
    ("resolves 2, 3 and 4 above") have no single target and are left as text.
    """
    g = grammar(language)
    reference = re.compile(g.part_reference, re.VERBOSE)
    not_after = re.compile(g.part_not_after)
    found: list[tuple[int, int, str]] = []
    last_end = -1
    index = _Taken(taken)
    for m in _bare_part(language).finditer(text):
        s, e = m.start(), m.end()
        if index.overlaps(s, e):
            continue
        if _cites_next(text, e, g):
            continue
        if m.group("anchor") is None:
            chained = last_end >= 0 and g.coordinator.fullmatch(text, last_end, s) is not None
            referred = reference.search(text, max(0, s - 40), s) is not None
            if not (chained or referred) or not_after.match(text, e) is not None:
                continue
        fragment = _fragment(m, language)
        if fragment is None or fragment.startswith("annex"):
            continue
        target = f"{own_body}:{own_number}#{fragment}"
        if isinstance(markup.parse_target(target), str) or re.search(r"[\[\]]", text[s:e]):
            continue
        found.append((s, e, target))
        last_end = e
    return found
