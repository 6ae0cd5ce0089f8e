"""French: how resolutions are written in French (one place for the language).

Examples the grammar is built on (from the seed and ITU texts)::

    RÉSOLUTION 59 (RÉV.DUBAÏ, 2014BUENOS AIRES, 2017)
    La Conférence mondiale de développement des télécommunications (Buenos Aires, 2017),
    rappelant / tenant compte / considérant en outre / décide / charge le Directeur du BDT
    la Résolution 123 (Rév. Guadalajara, 2010) de la Conférence de plénipotentiaires
    la Résolution 5 (Rév.Dubaï, 2014) de la présente Conférence
    les Résolutions 17, 26, 44 et 45 (Rév.Dubaï, 2012) de l'Assemblée mondiale ... (AMNT)
    la Résolution UIT-R 6 (Rév.Genève, 2007) de l'Assemblée des radiocommunications
    d'inviter le GCDT, en collaboration avec le GCR, à ...;  de prier le Secrétaire général de ...
    faire rapport chaque année au Conseil de l'UIT;  d'ici à 2020
    décide 3 de la Résolution 191;  le point 1 du décide de la Résolution 25
    l'Annexe 2 de la Résolution 71;  l'annexe de la présente Résolution;  ANNEXE (de la ...)
"""

from __future__ import annotations

import re

from itures.importers.lang.base import Grammar
from itures.model.vocabulary import shipped_verbs

_X = re.VERBOSE

NUMBER = r"\d+[A-Z]?(?:[-‑]\d+)?(?:/\d+[A-Z]?)?"
# "17, 26, 44 et 45"
SEPARATOR = r"(?:,\s*(?:et\s+)?|\s+et\s+)"
MORE = r"(?=\s*(?:[,;.:)]|\(|et\b|de\b|du\b|des\b|adoptée?s?\b|$))"
# "Rév." (Word may write "Rev." in French too), with or without a space after
REVISED = r"R[ée]v\.?"
PLACE = r"[^\W\d_][^()\d;]*?"
REVISION = rf"""
    \s*\(\s*(?P<rev>(?:{REVISED})\s*)?
    (?:
        (?P<conf>[A-Z]{{2,5}})[-‑](?P<yy>\d\d|(?:19|20)\d\d)     # CMR-15
      | (?:(?P<place>{PLACE}),?\s*)?(?P<year>(?:18|19|20)\d\d)     # Dubaï, 2018
    )\s*\)
"""
_MONTHS = r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"

_VERBS = shipped_verbs()

GRAMMAR = Grammar(
    language="fr",
    heading=re.compile(
        r"""^\s*
        (?P<kind>R[ÉE]SOLUTION|D[ÉE]CISION|RECOMMANDATION)\s+
        (?:(?P<sector>UIT[-‑]R)\s+)?
        (?P<number>\d+[A-Z]?(?:[-‑]\d+)?)\s*
        (?:\((?P<when>[^()]*)\))?\s*$
        """,
        _X | re.IGNORECASE,
    ),
    kind_words={
        "RESOLUTION": "resolution",
        "DECISION": "decision",
        "RECOMMANDATION": "recommendation",
    },
    revised=REVISED,
    formula=re.compile(
        r"""^\s*L(?:a|['’])\s*[^()]*?(?:Conférence|Assemblée)\b
        [^()]*\([^()]*\d{4}[^()]*\)\s*,?\s*$
        """,
        _X,
    ),
    # the verbs and "further" words: schema/verbs.yaml, the one list
    preamble_verbs=_VERBS.table("preamble", "fr"),
    operative_verbs=_VERBS.table("operative", "fr"),
    further=_VERBS.further_pattern("fr"),
    citation=re.compile(
        rf"""
        (?P<article>\b(?:[Ll]a|[Ll]es|[Ll]e|[Ss]a|[Ss]es)\s+|\b[Ll]['’]\s*)?   # la, les, l'
        (?P<word>[Rr][ée]solutions?|[Dd][ée]cisions?)\s+
        (?:(?P<sector>UIT[-‑]R)\s+)?                         # Résolution UIT-R 6
        (?P<numbers>{NUMBER}(?:{SEPARATOR}{NUMBER}{MORE})*)  # 17, 26, 44 et 45
        (?:{REVISION})?                                      # (Rév.Dubaï, 2012)
        """,
        _X,
    ),
    citation_more=re.compile(
        rf"""
        (?P<sep>,\s*(?:et\s+)?|\s+et\s+)
        (?P<numbers>{NUMBER}(?:{SEPARATOR}{NUMBER}{MORE})*)
        {REVISION}
        """,
        _X,
    ),
    number_separator=re.compile(SEPARATOR),
    body_preposition=r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+)",
    this_body=re.compile(r"(?:la\s+)?présente\s+(?:Conférence|conférence|Assemblée|assemblée)"),
    other_bodies={
        "Conférence mondiale des télécommunications internationales": "wcit",
        "CMTI": "wcit",
        "Assemblée des radiocommunications de l'UIT": "ra",
        "Assemblée générale des Nations Unies": "unga",
        "Assemblée générale de l'Organisation des Nations Unies": "unga",
        "AGNU": "unga",
        "Conseil économique et social des Nations Unies": "ecosoc",
        "Conseil économique et social": "ecosoc",
        "ECOSOC": "ecosoc",
        "Conseil des droits de l'homme": "unhrc",
    },
    adopted_by=r"adoptée?s?\s+par\s+(?:la\s+|le\s+|l['’]\s*)?",
    adopted_subject=r"""(?:[-‑]\d\d)?(?:\s*\([A-Z]{2,8}\))?          # CMDT-17, (CMDT)
        \s+a\s+(?:notamment\s+)?adopté\s+
        (?:(?:à|lors\s+de)\s+sa\s+session\s+de\s+\d{4},?\s+)?      # à sa session de 2015""",
    coordinator=re.compile(
        r"\s*(?:,\s*(?:et\s+|ou\s+)?|\s(?:et|ou|ainsi\s+que)\s+)"
        r"(?:(?:de\s+la|de\s+l['’]|du|des|de|à\s+la|au|aux|dans\s+la|dans\s+les)\s*)?"
    ),
    possessive=re.compile(r"\b(?:sa|ses|leur|leurs|respectives?)\s+\Z", re.IGNORECASE),
    addressing=re.compile(
        r"""(?:\bd['’]\s*|\bde\s+)
        (?P<verb>inviter|prier|charger|encourager|exhorter|engager|autoriser|demander)
        (?:\s+(?:également|aussi|en\s+outre))?\b
        """,
        _X | re.IGNORECASE,
    ),
    object_end=re.compile(
        r"\s+(?:à|de|d['’])\s*(?=[^\W\d_]+(?:er|ir|re|oir)\b)|[;:]",
    ),
    partners=re.compile(
        r""",?\s*\b(?:
            en\s+(?:étroite\s+)?(?:collaboration|coopération|consultation|concertation
              |coordination|liaison)\s+avec
          | avec\s+(?:l['’]aide|le\s+concours|l['’]assistance|le\s+soutien)\s+d(?:e|u|es)\b
          | conjointement\s+avec
        )""",
        _X | re.IGNORECASE,
    ),
    recurring=(
        (
            re.compile(r"chaque\s+année|tous\s+les\s+ans|annuellement|sur\s+une\s+base\s+annuelle"),
            "year",
        ),
        (re.compile(r"tous\s+les\s+deux\s+ans"), "two-years"),
        (re.compile(r"à\s+chaque\s+(?:session|réunion)"), "session"),
    ),
    report_to=r"\s+(?:au|aux|à\s+la|à\s+l['’])\s*",
    reporting=re.compile(r"\brapport|\brendre\s+compte|\bfaire\s+connaître", re.IGNORECASE),
    event_preposition=r"\b(?:à\s+la|à|avant\s+la|lors\s+de\s+la|jusqu['’]à\s+la)\s+",
    by_year=re.compile(
        rf"""\b(?:d['’]ici\s+(?:à\s+|la\s+fin\s+de\s+)?|avant\s+(?:la\s+fin\s+de\s+)?
            |au\s+plus\s+tard\s+(?:en\s+)?)
        (?:(?:le\s+)?\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\s+)?
        (?P<year>(?:19|20)\d\d)\b(?![-‑/]\d)
        """,
        _X,
    ),
    part_article=r"(?:[Ll]e\s+|[Ll]a\s+|[Ll]['’]\s*)",
    part_noun=r"point|paragraphe|alinéa|sous-paragraphe|sous-point",
    part_link=r"(?:du\s+|de\s+la\s+|de\s+l['’]\s*|de\s+)",
    annex_word=r"[Aa]nnexe|ANNEXE",
    part_to=r"(?:de|à)",
    part_anchor=r"ci-dessus|ci-dessous|ci-après|plus\s+haut|plus\s+bas",
    part_reference=r"""(?:\b(?:au|aux|du|des|dans|selon|sur|par|voir|avec|en|et|à|de|le|la)\s+
        |\bd['’]\s*)\Z""",
    part_not_after=r"\s+(?:à|de|d['’])\s*[^\W\d_]+(?:er|ir|re|oir)\b|\s+que\b",
    part_list=r"(?:,\s*(?:et\s+|ou\s+)?|\s+(?:et|ou|à)\s+)",
    part_thereof=r"de\s+celle-ci|de\s+cette\s+résolution|de\s+cette\s+décision",
    part_after_citation=r"""\s+(?:stipule|prévoit|dispose|indique|précise|énonce|demande)\s+
        (?:au|dans\s+le|à\s+l['’]\s*|dans\s+l['’]\s*)\s*""",
    this_document=re.compile(
        r"(?:la\s+)?présente\s+(?:résolution|décision|recommandation)\b", re.IGNORECASE
    ),
    annex_heading=re.compile(
        rf"""^\s*ANNEXE(?:\s+(?P<label>\d+|[A-Z])(?!\w))?              # ANNEXE, ANNEXE 1
        (?:\s*\(?\s*(?:DE\s+LA|À\s+LA)\s+                             # (de la, à la
            (?:R[ÉE]SOLUTION|D[ÉE]CISION|RECOMMANDATION)\s+
            (?:UIT[-‑]R\s+)?{NUMBER}                                 # Résolution 59
            (?:\s*\([^()]*\))?\s*\)?                                # (Rév. Buenos Aires, 2017))
        )?\s*$""",
        _X | re.IGNORECASE,
    ),
    aliases={
        "Directeurs des Bureaux": "bureau-directors",
        "Directeur du Bureau de la normalisation": "tsb-director",
    },
    stopwords=frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "et",
            "de",
            "que",
            "pour",
            "avec",
            "une",
            "sur",
            "dans",
            "est",
            "au",
            "aux",
            "qui",
        ]
    ),
)
