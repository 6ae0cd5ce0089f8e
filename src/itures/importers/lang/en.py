"""English: how resolutions are written in English (one place for the language).

Examples the grammar is built on (from ITU texts)::

    RESOLUTION 71 (REV. DUBAI, 2018)
    The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
    considering further / noting with concern / resolves to instruct the Secretary-General
    Resolution 123 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference
    Resolutions 32, 44 and 54 (Rev. Hammamet, 2016) of WTSA
    Resolution ITU-R 6-2 (Rev. Geneva, 2015);  UNGA Resolution 70/1;  Rev. Dubai 2014
    to invite the Director of BDT, in cooperation with the Director of TSB, to ...
    to report annually to the Council;  to the next plenipotentiary conference;  by 2020
    resolves 3 of Resolution 191;  paragraph 1 i) of instructs the Director of TSB of ...
    Annex 2 to Resolution 71;  the annex to this resolution;  ANNEX 1 TO RESOLUTION 71 (...)
"""

from __future__ import annotations

import re

from itures.importers.lang.base import Grammar
from itures.model.vocabulary import shipped_verbs

_X = re.VERBOSE

# A resolution number: 59, 6-2 (ITU-R revision suffix), 70/1 (UN), 72/266B.
NUMBER = r"\d+[A-Z]?(?:[-‑]\d+)?(?:/\d+[A-Z]?)?"
# Separators between the numbers of one citation: "32, 44 and 54".
SEPARATOR = r"(?:,\s*(?:and\s+)?|\s+and\s+)"
# A further number must be followed by something a citation continues with,
# so that "Resolution 70/1, 17 SDGs" stops at 70/1.
MORE = r"(?=\s*(?:[,;.:)]|\(|and\b|of\b|adopted\b|$))"
# "Rev." in revisions: "(Rev. Dubai, 2018)", "(Rev.Dubai, 2014)".
REVISED = r"Rev\.?|Rév\."
# A place in a revision: "Dubai", "Mar del Plata", "Sharm el-Sheikh".
PLACE = r"[^\W\d_][^()\d;]*?"
# "(Rev. Dubai, 2018)", "(Rev. Dubai 2014)", "(Kyoto, 1994)", "(2016)"; a
# conference's abbreviation and year: "(Rev.WRC-15)", "(WRC-2015)".
REVISION = rf"""
    \s*\(\s*(?P<rev>(?:{REVISED})\s*)?
    (?:
        (?P<conf>[A-Z]{{2,5}})[-‑](?P<yy>\d\d|(?:19|20)\d\d)     # WRC-15
      | (?:(?P<place>{PLACE}),?\s*)?(?P<year>(?:18|19|20)\d\d)     # Dubai, 2018
    )\s*\)
"""

_VERBS = shipped_verbs()

GRAMMAR = Grammar(
    language="en",
    heading=re.compile(
        r"""^\s*
        (?P<kind>RESOLUTION|DECISION|RECOMMENDATION)\s+      # the document's kind
        (?:(?P<sector>ITU[-‑]R)\s+)?                         # ITU-R resolutions
        (?P<number>\d+[A-Z]?(?:[-‑]\d+)?)\s*                  # 71, 6-2
        (?:\((?P<when>[^()]*)\))?\s*$                              # (REV. DUBAI, 2018)
        """,
        _X | re.IGNORECASE,
    ),
    kind_words={
        "RESOLUTION": "resolution",
        "DECISION": "decision",
        "RECOMMENDATION": "recommendation",
    },
    revised=REVISED,
    formula=re.compile(
        r"""^\s*The\s+[^()]*?(?:Conference|Assembly)\b   # The ... Conference
        [^()]*\([^()]*\d{4}[^()]*\)\s*,?\s*$             # (Dubai, 2018),
        """,
        _X,
    ),
    # the verbs and "further" words: schema/verbs.yaml, the one list
    preamble_verbs=_VERBS.table("preamble", "en"),
    operative_verbs=_VERBS.table("operative", "en"),
    further=_VERBS.further_pattern("en"),
    citation=re.compile(
        rf"""
        (?P<article>\b(?:the|The)\s+)?                 # optional article
        (?P<word>[Rr]esolutions?|[Dd]ecisions?)\s+    # Resolution(s), Decision(s)
        (?:(?P<sector>ITU[-‑]R)\s+)?                   # Resolution ITU-R 6-2
        (?P<numbers>{NUMBER}(?:{SEPARATOR}{NUMBER}{MORE})*)   # 32, 44 and 54
        (?:{REVISION})?                                # (Rev. Hammamet, 2016)
        """,
        _X,
    ),
    citation_more=re.compile(
        rf"""
        (?P<sep>,\s*(?:and\s+)?|\s+and\s+)             # ", " or " and "
        (?P<numbers>{NUMBER}(?:{SEPARATOR}{NUMBER}{MORE})*)
        {REVISION}                                     # its own revision
        """,
        _X,
    ),
    number_separator=re.compile(SEPARATOR),
    body_preposition=r"of\s+(?:the\s+)?",
    this_body=re.compile(
        r"this\s+(?:conference|Conference|assembly|Assembly)|the\s+present\s+(?:conference|Conference)"
    ),
    other_bodies={
        "World Conference on International Telecommunications": "wcit",
        "WCIT": "wcit",
        "ITU Radiocommunication Assembly": "ra",
        "United Nations General Assembly": "unga",
        "UN General Assembly": "unga",
        "General Assembly of the United Nations": "unga",
        "UNGA": "unga",
        "United Nations Economic and Social Council": "ecosoc",
        "Economic and Social Council": "ecosoc",
        "ECOSOC": "ecosoc",
        "United Nations Human Rights Council": "unhrc",
        "Human Rights Council": "unhrc",
        "United Nations Security Council": "unsc",
    },
    adopted_by=r"(?:as\s+)?adopted\s+by\s+(?:the\s+)?",
    adopted_subject=r"""(?:[-‑]\d\d)?(?:\s*\([A-Z]{2,8}\))?          # WTDC-17, (WTDC)
        \s+(?:has\s+|had\s+)?adopted\s+
        (?:at\s+its\s+(?:\d{4}\s+)?session\s+)?                # at its 2015 session
        (?:,?\s*inter\s+alia,?\s+)?""",
    coordinator=re.compile(
        r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|as\s+well\s+as)\s+)(?:(?:of|to|in|under)\s+)?(?:the\s+)?"
    ),
    possessive=re.compile(r"\b(?:its|their|respective)\s+\Z", re.IGNORECASE),
    addressing=re.compile(
        r"""\bto\s+(?:(?:further|also)\s+)?
        (?P<verb>invite|request|instruct|encourage|urge|call\s+(?:up)?on|ask|authorize|appeal\s+to)\b
        """,
        _X | re.IGNORECASE,
    ),
    object_end=re.compile(r"\s+to\s+(?=[^\W\d_])|[;:]"),
    partners=re.compile(
        r""",?\s*\b(?:
            in\s+(?:close\s+)?(?:cooperation|collaboration|consultation|coordination|liaison)
              (?:\s+and\s+(?:cooperation|collaboration|consultation|coordination))?\s+with
          | with\s+the\s+(?:assistance|support|help)\s+of
          | together\s+with | jointly\s+with
        )\b""",
        _X | re.IGNORECASE,
    ),
    recurring=(
        (re.compile(r"annually|every\s+year|each\s+year|yearly|on\s+an\s+annual\s+basis"), "year"),
        (re.compile(r"every\s+two\s+years|biennially|every\s+other\s+year"), "two-years"),
        (re.compile(r"at\s+(?:each|every)\s+(?:of\s+its\s+)?(?:annual\s+)?session"), "session"),
    ),
    report_to=r"\s+to\s+(?:the\s+)?",
    reporting=re.compile(r"\breport", re.IGNORECASE),
    event_preposition=r"\b(?:to|at|by|until|before)\s+(?:the\s+)?",
    by_year=re.compile(
        r"""\bby\s+(?:the\s+end\s+of\s+)?
        (?:(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September
            |October|November|December)\s+)?
        (?P<year>(?:19|20)\d\d)\b(?![-‑/]\d)
        """,
        _X,
    ),
    part_article=r"[Tt]he\s+",
    part_noun=r"paragraph|sub-?paragraph|item|point",
    part_link=r"(?:of\s+(?:the\s+)?|under\s+|in\s+)",
    annex_word=r"[Aa]nnex|ANNEX",
    part_to=r"(?:of|to|in)",
    part_anchor=r"above|below",
    part_reference=r"""\b(?:in|under|with|to|of|on|by|per|see|implement|account|fulfil
        |respecting|following)\s+\Z""",
    part_not_after=r"\s+(?:to\s+[^\W\d_]|that\b)",
    part_list=r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+)",
    part_thereof=r"thereof",
    part_after_citation=r"""\s+(?:stipulates|states|provides|specifies|says|indicates|establishes
        |sets\s+out|requires|calls\s+for|notes|recalls)\s+in\s+""",
    this_document=re.compile(
        r"(?:this|the\s+present)\s+(?:resolution|decision|recommendation)\b", re.IGNORECASE
    ),
    annex_heading=re.compile(
        rf"""^\s*ANNEX(?:\s+(?P<label>\d+|[A-Z])(?!\w))?               # ANNEX, ANNEX 1, Annex A
        (?:\s*\(?\s*(?:TO|OF)\s+(?:THE\s+)?                         # TO, (to the
            (?:RESOLUTION|DECISION|RECOMMENDATION)\s+
            (?:ITU[-‑]R\s+)?{NUMBER}                                 # Resolution 71
            (?:\s*\([^()]*\))?\s*\)?                                # (REV. DUBAI, 2018))
        )?\s*$""",
        _X | re.IGNORECASE,
    ),
    aliases={
        "Directors of the Bureaux": "bureau-directors",
        "Directors of the three ITU Bureaux": "bureau-directors",
        "Director of the BDT": "bdt-director",
        "Director of the TSB": "tsb-director",
        "Director of the BR": "br-director",
        "Council Working Group": "",  # a group of the Council, not the Council
        "Council Working Groups": "",
        "Member States Advisory Group": "",
        "Sector advisory groups": "",
    },
    stopwords=frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "that",
            "with",
            "for",
            "on",
            "by",
            "is",
            "are",
            "this",
            "its",
            "be",
            "which",
            "as",
        ]
    ),
)
