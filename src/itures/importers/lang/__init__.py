"""Language grammars for importing: one module per language, one place each.

A :class:`Grammar` holds everything the importers need to know about how
resolutions are written in one language: the heading word, the conference
formula, the section verbs and their canonical keys, how citations of other
resolutions are written, how a clause addresses its actors and names their
partners, and how deadlines and reporting duties read. Each language module
(:mod:`.en`, :mod:`.fr`, :mod:`.es`) builds one ``GRAMMAR`` from commented
verbose regular expressions; :mod:`itures.importers.extract` applies them.

Names of actors, conferences and events come from the vocabulary
(``schema/actors.yaml``); a grammar only adds the forms that the vocabulary
does not list (``aliases``) and the bodies outside ITU (``outside_bodies``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["GRAMMARS", "Grammar", "grammar", "guess_language"]


@dataclass(frozen=True)
class Grammar:
    """How one language writes resolutions (see the module docstring)."""

    language: str
    # the heading line: RESOLUTION 59 (REV. ...); groups kind, sector, number, when
    heading: re.Pattern[str]
    # words that name the kind of document in a heading, upper-cased
    kind_words: dict[str, str]
    # abbreviations of "revised" in headings and citations (regex alternation)
    revised: str
    # the conference formula, "The Plenipotentiary Conference ... (Dubai, 2018),"
    formula: re.Pattern[str]
    # preambular headings, lower-case phrase -> canonical key; longest first
    preamble_verbs: dict[str, str]
    # operative verbs (third person, as headings) -> canonical key
    operative_verbs: dict[str, str]
    # "further" in any position of a heading: "considering further", "en outre"
    further: re.Pattern[str]
    # a citation: article, word, sector prefix, numbers, revision (see extract.py)
    citation: re.Pattern[str]
    # a further group of numbers with its own revision: ", 174 (Rev. Busan, 2014)"
    citation_more: re.Pattern[str]
    # the separators between numbers of one citation: ", ", " and ", " et ", " y "
    number_separator: re.Pattern[str]
    # the preposition before a body phrase: "of the", "de la", "del"
    body_preposition: str
    # "this conference", "la présente Conférence": the document's own body
    this_body: re.Pattern[str]
    # bodies outside ITU, name or abbreviation -> identifier (unga, ecosoc, ...)
    outside_bodies: dict[str, str]
    # a clause addressing actors: "to invite", "d'inviter", "invitar a"
    addressing: re.Pattern[str]
    # where the addressed actors end: " to <verb>", " à <verbe>", " a que"
    object_end: re.Pattern[str]
    # "in collaboration with": what follows names partners
    partners: re.Pattern[str]
    # recurring duties: pattern -> every (year, two-years, session)
    recurring: tuple[tuple[re.Pattern[str], Literal["year", "two-years", "session"]], ...]
    # the preposition before the actor reported to: "to the", "au", "al"
    report_to: str
    # a reporting verb near a deadline: "report", "rapport", "informe"
    reporting: re.Pattern[str]
    # "to the next plenipotentiary conference": preposition before an event name
    event_preposition: str
    # "by 2020", "d'ici à 2020", "para 2020": group year
    by_year: re.Pattern[str]
    # -- parts of a cited resolution: "resolves 3 of Resolution 191", "the Annex to
    # Resolution 71" (see extract.mark_citations); each a regex fragment
    # the article before a part, with its trailing space: "the ", "l'", "el "
    part_article: str
    # a noun naming a numbered part of a section: "paragraph", "point", "apartado"
    part_noun: str
    # between such a noun with its labels and the section's verb: "of", "du", "del"
    part_link: str
    # the word for an annex, in running text: "Annex", "Annexe", "Anexo"
    annex_word: str
    # between a part and the cited resolution: "of", "to", "de", "à", "a"
    part_to: str
    # the document itself as cited: "this resolution", "la présente décision"
    this_document: re.Pattern[str]
    # an annex heading paragraph: "ANNEX 1 TO RESOLUTION 71 (REV. DUBAI, 2018)",
    # "ANNEXE (de la Résolution 59 ...)", "ANEXO"; group label ("1", "A") if numbered
    annex_heading: re.Pattern[str]
    # names the vocabulary lacks, as written -> actor id; "" marks a name that is
    # not an actor and hides the shorter names inside it ("Council Working Group")
    aliases: dict[str, str] = field(default_factory=dict)
    # function words used to guess the language of a text
    stopwords: frozenset[str] = frozenset()


def _load() -> dict[str, Grammar]:
    from itures.importers.lang import en, es, fr

    return {g.language: g for g in (en.GRAMMAR, fr.GRAMMAR, es.GRAMMAR)}


GRAMMARS: dict[str, Grammar] = {}


def grammar(language: str) -> Grammar:
    """The grammar of a language (en, fr, es); KeyError for the others."""
    if not GRAMMARS:
        GRAMMARS.update(_load())
    return GRAMMARS[language]


_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """The language (en, fr or es) whose function words the text uses most."""
    if not GRAMMARS:
        GRAMMARS.update(_load())
    head = text[:400]
    for word, lang in (("RESOLUCI", "es"), ("RÉSOLUTION", "fr"), ("RECOMENDACI", "es")):
        if word in head.upper():
            return lang
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        return None
    scores = {lang: sum(1 for w in words if w in g.stopwords) for lang, g in GRAMMARS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else None


def flexible(phrase: str) -> str:
    """A regex matching a phrase as written, tolerant of how Word exports it.

    Spaces match any run of white space (non-breaking included), hyphens
    match the non-breaking hyphen U+2011 too, apostrophes match the
    typographic one.
    """
    out: list[str] = []
    for ch in phrase:
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in "-‑":
            out.append("[-‑]")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)
