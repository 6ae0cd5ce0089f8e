"""Extraction while importing: citations, actors, deadlines.

The grammars (:mod:`itures.importers.lang`) say how a language writes these
things; the vocabulary (``schema/actors.yaml``) names the actors, conferences
and events. This module combines both and applies them to one text at a time.
Nothing here raises on odd text: a phrase that does not parse is left as it is.

* :func:`mark_citations` turns ``la Résolution 123 (Rév. Guadalajara, 2010)
  de la Conférence de plénipotentiaires`` into the inline citation markup
  ``[...](pp:123@2010)``. The words marked run from the article through the
  body phrase. Which body: a sector prefix (``Resolution ITU-R 6``) means the
  Radiocommunication Assembly; a body named before (``UNGA Resolution 70/1``)
  or after (``of WTSA``) is that body; "this conference" is the document's own
  body; a UN-style number (``70/1``) without a body is the UN General Assembly;
  otherwise the document's own body. A part written before the citation
  ("resolves 3 of", "the Annex 2 to") becomes its fragment (``#resolves/3``,
  ``#annex/2``).
* :func:`addressed` finds the actors a clause addresses ("to invite the
  Director of BDT ...") and the partners named to act with them ("in
  collaboration with ...").
* :func:`heading_actors` does the same for an operative heading
  ("instructs the Secretary-General, in cooperation with ...").
* :func:`deadlines` finds recurring duties ("chaque année au Conseil"),
  events ("to the next plenipotentiary conference") and dates ("by 2020").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from itures.importers.lang import Grammar, flexible, grammar
from itures.model import markup
from itures.model.resolution import KIND_PREFIX, Deadline
from itures.model.vocabulary import vocabulary

__all__ = [
    "Actors",
    "Cited",
    "actors_in",
    "addressed",
    "deadlines",
    "heading_actors",
    "mark_citations",
    "normalise",
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
    """A lookup key for a name as written: case, spaces, hyphens, apostrophes folded."""
    text = text.replace("‑", "-").replace("’", "'")
    return " ".join(text.split()).casefold()


def _is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(name) <= 12


def _alternation(names: dict[str, str]) -> str:
    """Longest names first; full names case-insensitive, abbreviations as written."""
    parts = []
    for name in sorted(names, key=len, reverse=True):
        pattern = flexible(name)
        parts.append(pattern if _is_abbreviation(name) else f"(?i:{pattern})")
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
    for hit in g.by_year.finditer(text):
        if free(hit.start(), hit.end()):
            found.append(
                (hit.start(), hit.end(), Deadline(by=int(hit.group("year")), text=hit.group()))
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


@cache
def _bodies(language: str) -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str]]:
    """(body phrase after a citation, names -> body, body named before a citation)."""
    g = grammar(language)
    names: dict[str, str] = {}
    council: dict[str, str] = {}
    for actor in vocabulary().actors:
        if actor.id not in _CITABLE:
            continue
        for name in [*getattr(actor.names, language), *getattr(actor.abbreviations, language)]:
            (council if actor.id == "council" else names)[name] = actor.id
    names.update(council)
    names.update(g.outside_bodies)
    lookup = {normalise(n): b for n, b in names.items()}
    after = re.compile(
        rf"""\s+{g.body_preposition}
        (?P<name>{_alternation(names)}|(?P<this>{g.this_body.pattern}))
        (?:[-‑]\d\d)?(?![\w‑-])                       # WTDC-17
        (?:\s*\((?P<abbr>[^()\s\d][^()\s]{{1,11}})\))?  # (AMNT)
        (?:\s*\((?P<year>(?:18|19|20)\d\d)\))?        # of the Council (2017)
        """,
        re.VERBOSE,
    )
    before_names = {**council, **g.outside_bodies}
    before = re.compile(
        rf"(?P<name>{_alternation(before_names)})(?:\s*\([A-Z]{{2,8}}\))?\s+\Z",
    )
    return after, lookup, before


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    ).upper()


# A label as written in a reference to a part: 1, 1.2, 1bis, a), abis), i), (a)
_PART_LABEL = r"(?:\d+(?:\.\d+)*(?:\s?(?:bis|ter|quater))?(?![\w.])|\(?[a-z](?:bis|ter|quater)?\)|\(?[ivxlc]+\))"
# articles before an actor in a section's heading: "instructs the Secretary-General 1"
_ACTOR_ARTICLE = r"(?:(?:the|le|la|les|el|los|las|al|au|aux)\s+|l['’]\s*)"


@cache
def _part_prefix(language: str) -> re.Pattern[str]:
    """A part of a resolution written before its citation, up to the citation.

    ``resolves 3 of`` | ``paragraph 1 i) of instructs the Director of TSB of`` |
    ``the Annex 2 to`` | ``le point 3 du décide de`` | ``el Anexo 2 a``; the match
    ends where the citation starts (searched against the text before it).
    """
    g = grammar(language)
    phrases = sorted({*g.preamble_verbs, *g.operative_verbs}, key=len, reverse=True)
    verbs = "|".join(flexible(p) for p in phrases)
    further = g.further.pattern
    actors = _actor_matcher(language).regex.pattern
    verb_phrase = rf"""
        (?i:(?:{further}\s+)?(?:{verbs})(?:\s+{further})?)(?![\w‑-])
        (?:\s+{_ACTOR_ARTICLE}?(?:{actors})(?:\s*\([^()\s]{{2,15}}\))?)?"""
    labels = rf"{_PART_LABEL}(?:\s+{_PART_LABEL})*"
    return re.compile(
        rf"""(?<![\w‑-])
        (?:{g.part_article})?
        (?:
            (?P<annex>{g.annex_word})(?:\s+(?P<alabel>\d+|[A-Z])(?!\w))?   # Annex 2
          | (?i:{g.part_noun})\s+(?P<labels1>{labels})                       # paragraph 1 i)
            \s+{g.part_link}(?P<verb1>{verb_phrase})                         # of instructs ...
          | (?P<verb2>{verb_phrase})\s+(?P<labels2>{labels})                 # resolves 3
        )
        \s+{g.part_to}\s+\Z                                                 # of, to, de, à
        """,
        re.VERBOSE,
    )


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
    if start - lo > 300:
        lo = start - 300
    m = _part_prefix(language).search(text[lo:start])
    if m is None:
        return None
    if m.group("annex") is not None:
        label = m.group("alabel")
        return lo + m.start(), "annex" + (f"/{label}" if label else "")
    g = grammar(language)
    key = _verb_key(m.group("verb1") or m.group("verb2"), g)
    if key is None:
        return None
    labels = re.findall(_PART_LABEL, m.group("labels1") or m.group("labels2"))
    segments = [re.sub(r"[()\s]", "", label) for label in labels]
    return lo + m.start(), "/".join([key, *segments])


def mark_citations(
    text: str, language: str, own_body: str, own_number: str | None = None
) -> tuple[str, list[Cited]]:
    """The text with its citations marked up, and what was marked.

    A part written before a citation ("resolves 3 of", "the Annex 2 to") is
    cited with it, as a fragment (``#resolves/3``, ``#annex/2``); with
    ``own_number``, a part of the document itself ("resolves 3 of this
    resolution", "l'annexe de la présente résolution") is cited too.
    """
    g = grammar(language)
    after, lookup, before = _bodies(language)
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for hit in g.citation.finditer(text):
        if hit.start() < pos:
            continue
        groups: list[tuple[int, int, str, str | None]] = [
            (hit.start(), hit.end(), hit.group("numbers"), hit.group("year"))
        ]
        end = hit.end()
        while True:
            more = g.citation_more.match(text, end)
            if more is None:
                break
            groups.append(
                (more.start("numbers"), more.end(), more.group("numbers"), more.group("year"))
            )
            end = more.end()
        body: str | None = None
        phrase = after.match(text, end)
        if phrase is not None:
            if phrase.group("this") is not None:
                body = own_body
            else:
                body = lookup.get(normalise(phrase.group("name")))
            if body is not None:
                end = phrase.end()
                if phrase.group("year") and groups[-1][3] is None:
                    s, e, n, _ = groups[-1]
                    groups[-1] = (s, e, n, phrase.group("year"))
            else:
                phrase = None
        start = hit.start()
        if body is None and hit.group("sector"):
            body = "ra"
        prefix = before.search(text, max(pos, start - 120), start)
        if prefix is not None and hit.group("article") is None:
            named = lookup.get(normalise(prefix.group("name")))
            if named is not None:
                if body is None:
                    body = named
                start = prefix.start()
        numbers_all = [n for _, _, nums, _ in groups for n in g.number_separator.split(nums)]
        if body is None:
            body = "unga" if any("/" in n for n in numbers_all) else own_body
        kind = "decision" if _fold(hit.group("word")).startswith("DECISION") else "resolution"
        letter = KIND_PREFIX.get(kind, "")
        fragment = ""
        if len(numbers_all) == 1:
            part = _part_before(text, pos, start, language)
            if part is not None:
                start, fragment = part[0], "#" + part[1]
        found: list[tuple[int, int, str]] = []
        for i, (gs, ge, nums, year) in enumerate(groups):
            s = start if i == 0 else gs
            e = end if i == len(groups) - 1 else ge
            numbers = [letter + n.replace("‑", "-") for n in g.number_separator.split(nums)]
            target = f"{body}:{','.join(numbers)}" + (f"@{year}" if year else "") + fragment
            found.append((s, e, target))
        if any(
            isinstance(markup.parse_target(t), str) or re.search(r"[\[\]]", text[s:e])
            for s, e, t in found
        ):
            continue
        spans.extend(found)
        pos = found[-1][1]
    if own_number is not None:
        spans.extend(_own_parts(text, language, own_body, own_number, spans))
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


def _own_parts(
    text: str, language: str, own_body: str, own_number: str, taken: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Parts of the document itself: "resolves 3 of this resolution", "Annex 2 to this decision"."""
    g = grammar(language)
    found: list[tuple[int, int, str]] = []
    for hit in g.this_document.finditer(text):
        lo = max((e for _, e, _ in taken if e <= hit.start()), default=0)
        if any(s < hit.end() and hit.start() < e for s, e, _ in taken):
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
