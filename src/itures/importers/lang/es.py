"""Spanish: how resolutions are written in Spanish (one place for the language).

Examples the grammar is built on (from ITU texts)::

    RESOLUCIÓN 71 (REV. DUBÁI, 2018)
    La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones (Dubái, 2018),
    considerando además / teniendo en cuenta / resuelve / encarga al Secretario General
    la Resolución 123 (Rev. Guadalajara, 2010) de la Conferencia de Plenipotenciarios
    las Resoluciones 32, 44 y 54 (Rev. Hammamet, 2016) de la AMNT
    la Resolución UIT-R 6-2;  la Resolución 70/1 de la Asamblea General de las Naciones Unidas
    invitar al Director de la BDT, en colaboración con ..., a que ...
    que informe anualmente al Consejo;  a la próxima Conferencia de Plenipotenciarios;  para 2020
    el resuelve 3 de la Resolución 191;  el punto 1 del resuelve de la Resolución 25
    el Anexo 2 a la Resolución 71;  el Anexo de la presente Resolución;  ANEXO (a la ...)
"""

from __future__ import annotations

import re

from itures.importers.lang.base import Grammar
from itures.model.vocabulary import shipped_verbs

_X = re.VERBOSE

NUMBER = r"\d+[A-Z]?(?:[-‑]\d+)?(?:/\d+[A-Z]?)?"
# "32, 44 y 54"
SEPARATOR = r"(?:,\s*(?:y\s+)?|\s+[ye]\s+)"
MORE = r"(?=\s*(?:[,;.:)]|\(|[ye]\b|de\b|del\b|adoptadas?\b|$))"
REVISED = r"Rev\.?"
PLACE = r"[^\W\d_][^()\d;]*?"
REVISION = rf"""
    \s*\(\s*(?P<rev>(?:{REVISED})\s*)?
    (?:
        (?P<conf>[A-Z]{{2,5}})[-‑](?P<yy>\d\d|(?:19|20)\d\d)     # CMR-15
      | (?:(?P<place>{PLACE}),?\s*)?(?P<year>(?:18|19|20)\d\d)     # Dubaï, 2018
    )\s*\)
"""

_VERBS = shipped_verbs()

GRAMMAR = Grammar(
    language="es",
    heading=re.compile(
        r"""^\s*
        (?P<kind>RESOLUCI[ÓO]N|DECISI[ÓO]N|RECOMENDACI[ÓO]N)\s+
        (?:(?P<sector>UIT[-‑]R)\s+)?
        (?P<number>\d+[A-Z]?(?:[-‑]\d+)?)\s*
        (?:\((?P<when>[^()]*)\))?\s*$
        """,
        _X | re.IGNORECASE,
    ),
    kind_words={
        "RESOLUCION": "resolution",
        "DECISION": "decision",
        "RECOMENDACION": "recommendation",
    },
    revised=REVISED,
    formula=re.compile(
        r"""^\s*(?:La|El)\s+[^()]*?(?:Conferencia|Asamblea)\b
        [^()]*\([^()]*\d{4}[^()]*\)\s*,?\s*$
        """,
        _X,
    ),
    # the verbs and "further" words: schema/verbs.yaml, the one list
    preamble_verbs=_VERBS.table("preamble", "es"),
    operative_verbs=_VERBS.table("operative", "es"),
    further=_VERBS.further_pattern("es"),
    citation=re.compile(
        rf"""
        (?P<article>\b(?:[Ll]a|[Ll]as|[Ee]l|[Ll]os|[Ss]u|[Ss]us)\s+)?
        (?P<word>[Rr]esoluci(?:ón|on|ones)|[Dd]ecisi(?:ón|on|ones))\s+
        (?:(?P<sector>UIT[-‑]R)\s+)?
        (?P<numbers>{NUMBER}(?:{SEPARATOR}{NUMBER}{MORE})*)
        (?:{REVISION})?
        """,
        _X,
    ),
    citation_more=re.compile(
        rf"""
        (?P<sep>,\s*(?:y\s+)?|\s+[ye]\s+)
        (?P<numbers>{NUMBER}(?:{SEPARATOR}{NUMBER}{MORE})*)
        {REVISION}
        """,
        _X,
    ),
    number_separator=re.compile(SEPARATOR),
    body_preposition=r"(?:de\s+la\s+|del\s+|de\s+los\s+|de\s+)",
    this_body=re.compile(
        r"(?:la\s+)?presente\s+(?:Conferencia|conferencia|Asamblea|asamblea)|esta\s+(?:Conferencia|conferencia)"
    ),
    other_bodies={
        "Conferencia Mundial de Telecomunicaciones Internacionales": "wcit",
        "CMTI": "wcit",
        "Asamblea de Radiocomunicaciones de la UIT": "ra",
        "Asamblea General de las Naciones Unidas": "unga",
        "Asamblea General de Naciones Unidas": "unga",
        "AGNU": "unga",
        "Consejo Económico y Social de las Naciones Unidas": "ecosoc",
        "Consejo Económico y Social": "ecosoc",
        "ECOSOC": "ecosoc",
        "Consejo de Derechos Humanos": "unhrc",
    },
    adopted_by=r"adoptadas?\s+por\s+(?:la\s+|el\s+)?",
    adopted_subject=r"""(?:[-‑]\d\d)?(?:\s*\([A-Z]{2,8}\))?          # CMDT-17, (CMDT)
        \s+(?:ha\s+)?(?:adoptó|adoptado|aprobó)\s+
        (?:en\s+su\s+reunión\s+de\s+\d{4},?\s+)?                   # en su reunión de 2015""",
    coordinator=re.compile(
        r"\s*(?:,\s*(?:y\s+|o\s+)?|\s(?:y|e|o|así\s+como)\s+)"
        r"(?:(?:de\s+la|de\s+las|del|de|a\s+la|al|en\s+la|en\s+el)\s+)?"
    ),
    possessive=re.compile(r"\b(?:su|sus|respectivas?)\s+\Z", re.IGNORECASE),
    addressing=re.compile(
        r"""\b(?P<verb>invitar|encargar|pedir|solicitar|alentar|instar|exhortar|encomendar|autorizar)
        (?:\s+(?:también|asimismo|además))?\b
        """,
        _X | re.IGNORECASE,
    ),
    object_end=re.compile(
        r"\s+(?:a|para)\s+que\b|\s+que\b|\s+a\s+(?=[^\W\d_]+(?:ar|er|ir)\b)|[;:]",
    ),
    partners=re.compile(
        r""",?\s*\b(?:
            en\s+(?:estrecha\s+)?(?:colaboración|cooperación|consulta|coordinación)\s+con
          | con\s+(?:la\s+)?(?:ayuda|asistencia|colaboración|apoyo)\s+de(?:l)?\b
          | conjuntamente\s+con
        )""",
        _X | re.IGNORECASE,
    ),
    recurring=(
        (re.compile(r"cada\s+año|anualmente|todos\s+los\s+años|con\s+carácter\s+anual"), "year"),
        (re.compile(r"cada\s+dos\s+años"), "two-years"),
        (re.compile(r"en\s+cada\s+(?:reunión|sesión)"), "session"),
    ),
    report_to=r"\s+(?:al|a\s+la|a\s+los|a\s+las|a)\s+",
    reporting=re.compile(r"\binform|\brendir\s+cuentas", re.IGNORECASE),
    event_preposition=r"\b(?:a\s+la|a|en\s+la|antes\s+de\s+la|hasta\s+la)\s+",
    by_year=re.compile(
        r"""\b(?:para|antes\s+de|a\s+más\s+tardar\s+en|hasta)\s+
        (?:(?:el\s+)?(?:final\s+de\s+|fin\s+de\s+))?
        (?:\d{1,2}\s+de\s+[^\W\d_]+\s+de\s+)?
        (?P<year>(?:19|20)\d\d)\b(?![-‑/]\d)
        """,
        _X,
    ),
    part_article=r"(?:[Ee]l\s+|[Ll]a\s+)",
    part_noun=r"punto|párrafo|apartado|inciso|subpárrafo",
    part_link=r"(?:del\s+|de\s+la\s+|de\s+)",
    annex_word=r"[Aa]nexo|ANEXO",
    part_to=r"(?:de|a|en)",
    part_anchor=r"anteriores|anterior|supra|más\s+arriba|infra|más\s+adelante|siguiente",
    part_reference=r"""\b(?:en|del|al|con|según|de|conforme|sobre|por|ver|y|a|el|la)\s+\Z""",
    part_not_after=r"\s+(?:a\s+que|que)\b|\s+a\s+[^\W\d_]+(?:ar|er|ir)\b",
    part_list=r"(?:,\s*(?:y\s+|o\s+)?|\s+(?:y|e|o|a)\s+)",
    part_thereof=r"de\s+la\s+misma|de\s+dicha\s+(?:Resolución|Decisión)",
    part_after_citation=r"""\s+(?:estipula|dispone|establece|indica|prevé|señala)\s+
        (?:en\s+el|en\s+su)\s+""",
    this_document=re.compile(
        r"(?:(?:la\s+)?presente|esta)\s+(?:resolución|decisión|recomendación)\b", re.IGNORECASE
    ),
    annex_heading=re.compile(
        rf"""^\s*ANEXO(?:\s+(?P<label>\d+|[A-Z])(?!\w))?               # ANEXO, ANEXO 1
        (?:\s*\(?\s*(?:A|DE)\s+LA\s+                                  # (a la, de la
            (?:RESOLUCI[ÓO]N|DECISI[ÓO]N|RECOMENDACI[ÓO]N)\s+
            (?:UIT[-‑]R\s+)?{NUMBER}                                 # Resolución 59
            (?:\s*\([^()]*\))?\s*\)?                                # (Rev. Buenos Aires, 2017))
        )?\s*$""",
        _X | re.IGNORECASE,
    ),
    aliases={
        "Directores de las Oficinas": "bureau-directors",
    },
    stopwords=frozenset(
        ["el", "los", "las", "del", "y", "que", "para", "con", "una", "por", "en", "al", "se", "su"]
    ),
)
