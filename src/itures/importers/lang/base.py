"""The :class:`Grammar` record every language module fills (see :mod:`itures.importers.lang`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Grammar"]


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
    # bodies the vocabulary does not list, name or abbreviation -> identifier:
    # WCIT (wcit), the UN General Assembly (unga), ECOSOC (ecosoc), ...
    other_bodies: dict[str, str]
    # "adopted by the" between a citation and its body (like body_preposition):
    # "Resolution 1143 adopted by the ITU Council"
    adopted_by: str
    # between a body named as the subject and the citation it adopted: "WTSA
    # adopted", "WTDC-17 adopted", "the Council adopted at its 2015 session"
    adopted_subject: str
    # what joins coordinated citations, so that a body named after the last applies
    # to all: " and of " in "the annex to Resolution 44 (...) and of Resolution 54
    # (...) of WTSA", ", ", " et de la ", " y " (matched against the whole gap)
    coordinator: re.Pattern[str]
    # a possessive before a citation, which says it is another body's: "its
    # Resolution 1344" (the Council's), "the respective Resolution 1" (each
    # Sector's), "sa Résolution", "su Resolución" (matched against the text before
    # the number's word, article included)
    possessive: re.Pattern[str]
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
    # -- parts of the document itself cited without it: "resolves 2 above",
    # "taking into account considering b)", "recognizing g) thereof"
    # after the labels: "above", "below", "ci-dessus", "anterior"
    part_anchor: str
    # a word right before such a part that makes it a reference: "in", "with",
    # "pursuant to", "au", "del" (without an anchor, one of these is needed)
    part_reference: str
    # after the labels, what makes a part a merged heading, not a reference: " to
    # <verb>" ("instructs the Secretary-General 1 to collaborate")
    part_not_after: str
    # more labels: a list or range of parts ("resolves 2, 3 and 4", "1 to 11")
    part_list: str
    # "thereof": a part of the resolution cited just before ("recognizing g) thereof")
    part_thereof: str
    # between a citation and a part of it: "Decision 5 (...) stipulates in decides 1.2"
    part_after_citation: str
    # an annex heading paragraph: "ANNEX 1 TO RESOLUTION 71 (REV. DUBAI, 2018)",
    # "ANNEXE (de la Résolution 59 ...)", "ANEXO"; group label ("1", "A") if numbered
    annex_heading: re.Pattern[str]
    # names the vocabulary lacks, as written -> actor id; "" marks a name that is
    # not an actor and hides the shorter names inside it ("Council Working Group")
    aliases: dict[str, str] = field(default_factory=dict)
    # function words used to guess the language of a text
    stopwords: frozenset[str] = frozenset()
