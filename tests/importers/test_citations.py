"""Citation extraction: real citation forms in English, French and Spanish.

Each row: the language, a phrase as it occurs in a resolution (the seed, the
PP-18 Final Acts, the Spanish versions of ITU resolutions), the body of the
document it occurs in, and the citations expected: (body, numbers, year of
the cited revision or None).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from itures.importers.extract import mark_citations, unresolved_citations
from itures.model import markup

NBSP = "\u00a0"
NBH = "\u2011"

CASES: list[tuple[str, str, str, list[tuple[str, tuple[str, ...], int | None]]]] = [
    # -- French: the seed (WTDC Resolution 59) -------------------------------
    (
        "fr",
        f"la Résolution{NBSP}123 (Rév. Guadalajara, 2010) de la Conférence de plénipotentiaires, intitulée",
        "wtdc",
        [("pp", ("123",), 2010)],
    ),
    (
        "fr",
        f"la Résolution{NBSP}5 (Rév.Dubaï, 2014) de la présente Conférence sur le renforcement",
        "wtdc",
        [("wtdc", ("5",), 2014)],
    ),
    (
        "fr",
        f"la Résolution UIT{NBH}R 6 (Rév.Genève, 2007) de l'Assemblée des radiocommunications sur la liaison",
        "wtdc",
        [("ra", ("6",), 2007)],
    ),
    (
        "fr",
        f"les Résolutions{NBSP}17, 26, 44 et 45 (Rév.Dubaï, 2012) de l'Assemblée mondiale de normalisation des télécommunications (AMNT) sur la coopération",
        "wtdc",
        [("wtsa", ("17", "26", "44", "45"), 2012)],
    ),
    (
        "fr",
        f"la Résolution{NBSP}57 (Rév.Dubaï, 2012) de l'AMNT sur le renforcement",
        "wtdc",
        [("wtsa", ("57",), 2012)],
    ),
    # -- French: other forms of ITU texts -----------------------------------------
    (
        "fr",
        "la Résolution 71 (Rév. Dubaï, 2018) de la présente Conférence",
        "pp",
        [("pp", ("71",), 2018)],
    ),
    (
        "fr",
        "la Résolution 139 (Rév. Busan, 2014) de la Conférence de plénipotentiaires",
        "wtdc",
        [("pp", ("139",), 2014)],
    ),
    (
        "fr",
        "la Résolution 37 (Rév. Buenos Aires, 2017) de la Conférence mondiale de développement des télécommunications (CMDT)",
        "pp",
        [("wtdc", ("37",), 2017)],
    ),
    ("fr", "la Résolution 2 (Rév. Dubaï 2014) de la CMDT", "pp", [("wtdc", ("2",), 2014)]),
    ("fr", "la Résolution UIT-R 6-2 (Rév. Genève, 2015)", "pp", [("ra", ("6-2",), 2015)]),
    (
        "fr",
        "la Résolution 70/1 de l'Assemblée générale des Nations Unies",
        "pp",
        [("unga", ("70/1",), None)],
    ),
    ("fr", "la Résolution 1380 du Conseil", "pp", [("council", ("1380",), None)]),
    (
        "fr",
        "la Décision 5 (Rév. Dubaï, 2018) de la présente Conférence",
        "pp",
        [("pp", ("D5",), 2018)],
    ),
    # -- English: PP-18 Final Acts ------------------------------------------------
    (
        "en",
        "Resolution 71 (Rev. Dubai, 2018) of this conference, and the priorities",
        "pp",
        [("pp", ("71",), 2018)],
    ),
    (
        "en",
        "Resolution 91 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference, on general principles",
        "pp",
        [("pp", ("91",), 2010)],
    ),
    (
        "en",
        "Resolution 151 (Rev. Dubai, 2018) of this conference, on improvement",
        "pp",
        [("pp", ("151",), 2018)],
    ),
    (
        "en",
        "Resolution 47 (Rev. Buenos Aires, 2017) of WTDC, on enhancement of knowledge",
        "pp",
        [("wtdc", ("47",), 2017)],
    ),
    ("en", "Resolution ITU-R 6-2 (Rev. Geneva, 2015)", "pp", [("ra", ("6-2",), 2015)]),
    (
        "en",
        "Resolution ITU-R 7-3 (Rev. Geneva, 2015) of the Radiocommunication Assembly",
        "pp",
        [("ra", ("7-3",), 2015)],
    ),
    (
        "en",
        "Resolutions 32, 44 and 54 (Rev. Hammamet, 2016) of WTSA",
        "pp",
        [("wtsa", ("32", "44", "54"), 2016)],
    ),
    (
        "en",
        "the provisions of Resolutions 101 and 102 (Rev. Dubai, 2018)",
        "pp",
        [("pp", ("101", "102"), 2018)],
    ),
    ("en", "Resolution 127 (Marrakesh, 2002)", "pp", [("pp", ("127",), 2002)]),
    ("en", "Resolution 73 (Minneapolis, 1998)", "pp", [("pp", ("73",), 1998)]),
    (
        "en",
        "Resolution 85 (Buenos Aires, 2017) of the World Telecommunication Development Conference (WTDC)",
        "pp",
        [("wtdc", ("85",), 2017)],
    ),
    ("en", "UNGA Resolution 70/1, on transforming our world", "pp", [("unga", ("70/1",), None)]),
    (
        "en",
        "the 17 SDGs adopted in Resolution 70/1 of the United Nations General Assembly",
        "pp",
        [("unga", ("70/1",), None)],
    ),
    (
        "en",
        "Resolution 70/1 of the United Nations General Assembly (UNGA)",
        "pp",
        [("unga", ("70/1",), None)],
    ),
    (
        "en",
        "UNGA Resolution 72/266B on shifting the management paradigm",
        "pp",
        [("unga", ("72/266B",), None)],
    ),
    ("en", "(SDGs) adopted in UNGA Resolution 70/1, 17 SDGs", "pp", [("unga", ("70/1",), None)]),
    ("en", "ECOSOC Resolution 2012/24", "pp", [("ecosoc", ("2012/24",), None)]),
    (
        "en",
        "In its resolution 68/262 of 27 March 2014 the UN General Assembly",
        "pp",
        [("unga", ("68/262",), None)],
    ),
    ("en", "Resolution 1353 of the ITU Council", "pp", [("council", ("1353",), None)]),
    ("en", "ITU Council Resolution 1299 (2008)", "pp", [("council", ("1299",), 2008)]),
    ("en", "Council Resolution 1306 (Rev. 2016)", "pp", [("council", ("1306",), 2016)]),
    (
        "en",
        "Taking into account Resolution 1386 of the Council (2017).",
        "pp",
        [("council", ("1386",), 2017)],
    ),
    (
        "en",
        "Resolution 2 (Rev. Dubai 2014) of the World Telecommunication Development Conference",
        "pp",
        [("wtdc", ("2",), 2014)],
    ),
    (
        "en",
        "Resolution 130 (Rev. Dubai, 2018) and 174 (Rev. Busan, 2014) of this conference",
        "pp",
        [("pp", ("130",), 2018), ("pp", ("174",), 2014)],
    ),
    (
        "en",
        "Resolution 80 (Buenos Aires, 2017) of WTDC and Resolution 58 (Rev. Hammamet, 2016) of WTSA",
        "pp",
        [("wtdc", ("80",), 2017), ("wtsa", ("58",), 2016)],
    ),
    ("en", "Decision 5 (Rev. Dubai, 2018) of this conference", "pp", [("pp", ("D5",), 2018)]),
    (
        "en",
        "in accordance with Resolution 68 (Rev. Dubai, 2018) of this conference",
        "pp",
        [("pp", ("68",), 2018)],
    ),
    (
        "en",
        "that Resolution 48 (Rev. Dubai, 2018) of this conference stresses",
        "pp",
        [("pp", ("48",), 2018)],
    ),
    ("en", "former Resolution 49 (Doha, 2006) of WTDC", "pp", [("wtdc", ("49",), 2006)]),
    # -- Spanish: ITU texts ---------------------------------------------------------
    (
        "es",
        "la Resolución 123 (Rev. Guadalajara, 2010) de la Conferencia de Plenipotenciarios",
        "wtdc",
        [("pp", ("123",), 2010)],
    ),
    (
        "es",
        "la Resolución 5 (Rev. Dubái, 2014) de la presente Conferencia",
        "wtdc",
        [("wtdc", ("5",), 2014)],
    ),
    (
        "es",
        "la Resolución UIT-R 6 (Rev. Ginebra, 2007) de la Asamblea de Radiocomunicaciones",
        "wtdc",
        [("ra", ("6",), 2007)],
    ),
    (
        "es",
        "las Resoluciones 17, 26, 44 y 45 (Rev. Dubái, 2012) de la Asamblea Mundial de Normalización de las Telecomunicaciones (AMNT)",
        "wtdc",
        [("wtsa", ("17", "26", "44", "45"), 2012)],
    ),
    ("es", "la Resolución 57 (Rev. Dubái, 2012) de la AMNT", "wtdc", [("wtsa", ("57",), 2012)]),
    (
        "es",
        "las Resoluciones 32, 44 y 54 (Rev. Hammamet, 2016) de la AMNT",
        "pp",
        [("wtsa", ("32", "44", "54"), 2016)],
    ),
    (
        "es",
        "la Resolución 70/1 de la Asamblea General de las Naciones Unidas",
        "pp",
        [("unga", ("70/1",), None)],
    ),
    (
        "es",
        "la Resolución 71 (Rev. Dubái, 2018) de esta Conferencia",
        "pp",
        [("pp", ("71",), 2018)],
    ),
    (
        "es",
        "la Resolución 37 (Rev. Buenos Aires, 2017) de la CMDT",
        "pp",
        [("wtdc", ("37",), 2017)],
    ),
    ("es", "la Resolución 1380 del Consejo", "pp", [("council", ("1380",), None)]),
    # -- bodies the vocabulary lacks: WCIT (PP-18: Resolutions 30, 101, 146) -------------
    (
        "en",
        "Resolution 1 (Dubai, 2012) of the World Conference on International"
        " Telecommunications, on special measures",
        "pp",
        [("wcit", ("1",), 2012)],
    ),
    (
        "fr",
        "la Résolution 4 (Dubaï, 2012) de la Conférence mondiale des télécommunications"
        " internationales (CMTI-12)",
        "pp",
        [("wcit", ("4",), 2012)],
    ),
    (
        "es",
        "la Resolución 4 (Dubái, 2012) de la Conferencia Mundial de Telecomunicaciones"
        " Internacionales (CMTI)",
        "pp",
        [("wcit", ("4",), 2012)],
    ),
    # -- a body named after coordinated citations is all of theirs (PP-18 Res. 123) ------
    (
        "en",
        "the annex to Resolution 44 (Rev. Hammamet, 2016) and of Resolution 54 (Rev. Hammamet,"
        " 2016) of WTSA, ITU actions",
        "pp",
        [("wtsa", ("44",), 2016), ("wtsa", ("54",), 2016)],
    ),
    (
        "fr",
        "l'annexe de la Résolution 44 (Rév. Hammamet, 2016) et de la Résolution 54 (Rév."
        " Hammamet, 2016) de l'AMNT",
        "pp",
        [("wtsa", ("44",), 2016), ("wtsa", ("54",), 2016)],
    ),
    (
        "es",
        "el Anexo a la Resolución 44 (Rev. Hammamet, 2016) y de la Resolución 54 (Rev."
        " Hammamet, 2016) de la AMNT",
        "pp",
        [("wtsa", ("44",), 2016), ("wtsa", ("54",), 2016)],
    ),
    (
        "en",
        "Resolutions 1305, 1336 and 1344 adopted by the ITU Council;",
        "pp",
        [("council", ("1305", "1336", "1344"), None)],
    ),
    # -- "adopted by", and the body that adopted it as the subject (PP-18) ---------------
    (
        "en",
        "Resolution 1143 adopted by the ITU Council at its 1999 session",
        "pp",
        [("council", ("1143",), None)],
    ),
    (
        "en",
        "a) Resolution 1372, adopted by the ITU Council at its 2016 session, on the",
        "pp",
        [("council", ("1372",), None)],
    ),
    (
        "es",
        "la Resolución 1372, adoptada por el Consejo de la UIT en su reunión de 2016",
        "pp",
        [("council", ("1372",), None)],
    ),
    (
        "en",
        "that WTSA adopted Resolutions 32, 44 and 54 (Rev. Hammamet, 2016), all of which",
        "pp",
        [("wtsa", ("32", "44", "54"), 2016)],
    ),
    (
        "en",
        "WTSA-16 adopted Resolution 58 (Rev. Dubai, 2012), on encouraging the creation",
        "pp",
        [("wtsa", ("58",), 2012)],
    ),
    (
        "en",
        "that the Council adopted at its 2015 session Decision 584, on the creation",
        "pp",
        [("council", ("D584",), None)],
    ),
    (
        "fr",
        "l'AMNT a adopté les Résolutions 32, 44 et 54 (Rév. Hammamet, 2016), qui visent",
        "pp",
        [("wtsa", ("32", "44", "54"), 2016)],
    ),
    # -- the conference a revision names: abbreviation, or place and year ---------------
    (
        "en",
        "Resolution 646 (Rev.WRC-15) of the World Radiocommunication Conference (WRC), on",
        "pp",
        [("wrc", ("646",), 2015)],
    ),
    ("en", "Resolution 673 (Rev.WRC-12) of WRC, on", "pp", [("wrc", ("673",), 2012)]),
    (
        "en",
        "Resolution 958 (WRC-2015) of the World Radiocommunication Conference (WRC), on",
        "pp",
        [("wrc", ("958",), 2015)],
    ),
    (
        "fr",
        "la Résolution 646 (Rév.CMR-15) de la Conférence mondiale des radiocommunications",
        "pp",
        [("wrc", ("646",), 2015)],
    ),
    ("es", "la Resolución 673 (Rev.CMR-12) de la CMR", "pp", [("wrc", ("673",), 2012)]),
    (
        "en",
        "the Buenos Aires Action Plan, in accordance with Resolution 17 (Rev. Buenos Aires, 2017);",
        "pp",
        [("wtdc", ("17",), 2017)],
    ),
    (
        "en",
        "(WTDC), especially Resolution 15 (Rev. Hyderabad, 2010), on applied research",
        "pp",
        [("wtdc", ("15",), 2010)],
    ),
    (
        "en",
        "(WTDC) in adopting Resolution 7 (Valletta, 1998), transmitted to",
        "pp",
        [("wtdc", ("7",), 1998)],
    ),
    (
        "en",
        "Resolution 8 (Rev. Buenos Aires, 2017) of the World Telecommunication Conference (WTDC)",
        "pp",
        [("wtdc", ("8",), 2017)],
    ),
    (
        "en",
        "pursuant to Resolutions 45 (Rev. Dubai, 2014) and 69 (Rev. Buenos Aires, 2017),",
        "pp",
        [("wtdc", ("45",), 2014), ("wtdc", ("69",), 2017)],
    ),
    ("fr", "la Résolution 17 (Rév. Buenos Aires, 2017)", "pp", [("wtdc", ("17",), 2017)]),
    ("es", "la Resolución 17 (Rev. Buenos Aires, 2017)", "pp", [("wtdc", ("17",), 2017)]),
    # the seed's own body, by its revision alone (WTDC-14 in a WTDC-17 text)
    ("fr", f"la Résolution{NBSP}5 (Rév.Dubaï, 2014) sur", "wtdc", [("wtdc", ("5",), 2014)]),
    # -- the body cannot be told: left as text, never the document's own --------------
    # Dubai 2012 was WTSA-12 and WCIT-12
    (
        "en",
        "in accordance with Resolution 58 (Rev. Dubai, 2012); 11 to encourage",
        "pp",
        [],
    ),
    ("fr", "la Résolution 58 (Rév. Dubaï, 2012)", "pp", []),
    # Geneva 2015 was RA-15 and WRC-15
    ("en", "Resolution 62 (Rev. Geneva, 2015) and", "pp", []),
    # a revision without a place is no conference's (here the Council's)
    ("en", "and at its 2016 session Resolution 1333 (Rev. 2016), on guiding", "pp", []),
    # a possessive: the Council's (PP-18 Res. 102), each Sector's (PP-18 Res. 208)
    ("en", "1 to revise its Resolution 1344 to direct the CWG-Internet", "pp", []),
    ("en", "relevant sections of the respective Resolution 1 on working methods", "pp", []),
    ("es", "revisar su Resolución 1344", "pp", []),
    # a revision that cannot be read (PP-18 Res. 208)
    (
        "en",
        "(RA), Resolution 35 (Rev. (Hammamet, 2016) of the World",
        "pp",
        [],
    ),
]


def test_at_least_forty_forms_in_three_languages() -> None:
    assert len(CASES) >= 40
    assert {c[0] for c in CASES} == {"en", "fr", "es"}


@pytest.mark.parametrize(
    ("language", "text", "own", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_citation(
    language: str, text: str, own: str, expected: list[tuple[str, tuple[str, ...], int | None]]
) -> None:
    marked, cited = mark_citations(text, language, own)
    spans, problems = markup.parse(marked)
    assert problems == []
    found = [
        (s.body, tuple(r.number for r in s.resolutions), s.year)
        for s in spans
        if isinstance(s, markup.Citation)
    ]
    assert found == expected
    # the words are kept as written: removing the markup gives the text back
    assert markup.plain(marked) == text
    assert len(cited) == len(expected)


def test_seed_spans_run_from_article_through_body_phrase() -> None:
    text = f"la Résolution{NBSP}5 (Rév.Dubaï, 2014) de la présente Conférence sur le renforcement"
    marked, _ = mark_citations(text, "fr", "wtdc")
    assert marked == (
        f"[la Résolution{NBSP}5 (Rév.Dubaï, 2014) de la présente Conférence](wtdc:5@2014)"
        " sur le renforcement"
    )


# -- parts of resolutions: clauses and annexes ------------------------------------
#
# Each row: the language, a phrase as it occurs, the document it occurs in (body
# and number), and the text as marked. The English rows are phrases of the PP-18
# Final Acts (the resolution they occur in is the "own" number); the French and
# Spanish rows are the same forms as ITU's French and Spanish texts write them.

PART_CASES: list[tuple[str, str, str, str, str]] = [
    # -- English: PP-18 Final Acts ----------------------------------------------------
    (
        "en",
        "on the basis of Annex 1 to this decision, taking into account",
        "pp",
        "D5",
        "on the basis of [Annex 1 to this decision](pp:D5#annex/1), taking into account",
    ),
    (
        "en",
        "contained in Annex 2 to this decision, and considering",
        "pp",
        "D5",
        "contained in [Annex 2 to this decision](pp:D5#annex/2), and considering",
    ),
    (
        "en",
        "that Annex 2 to Decision 5 (Rev. Dubai, 2018) of this conference, on options",
        "pp",
        "D11",
        "that [Annex 2 to Decision 5 (Rev. Dubai, 2018) of this conference](pp:D5@2018#annex/2),"
        " on options",
    ),
    (
        "en",
        "the review criteria identified in annex to this resolution, shall be used",
        "pp",
        "25",
        "the review criteria identified in [annex to this resolution](pp:25#annex), shall be used",
    ),
    (
        "en",
        "in the light of the criteria contained in the annex to this resolution;",
        "pp",
        "25",
        "in the light of the criteria contained in [the annex to this resolution](pp:25#annex);",
    ),
    (
        "en",
        "as well as the matters outlined in Annex 1 to this resolution;",
        "pp",
        "48",
        "as well as the matters outlined in [Annex 1 to this resolution](pp:48#annex/1);",
    ),
    (
        "en",
        "among appointed staff (see Annex 2 to this resolution);",
        "pp",
        "48",
        "among appointed staff (see [Annex 2 to this resolution](pp:48#annex/2));",
    ),
    (
        "en",
        "the glossary of terms presented in Annex 3 to this resolution,",
        "pp",
        "71",
        "the glossary of terms presented in [Annex 3 to this resolution](pp:71#annex/3),",
    ),
    (
        "en",
        "as presented in the appendix to Annex 1 to this resolution,",
        "pp",
        "71",
        "as presented in the appendix to [Annex 1 to this resolution](pp:71#annex/1),",
    ),
    (
        "en",
        "which is detailed in Annex 1 to Decision 5 (Rev. Dubai, 2018) of this conference, can",
        "pp",
        "71",
        "which is detailed in [Annex 1 to Decision 5 (Rev. Dubai, 2018) of this conference]"
        "(pp:D5@2018#annex/1), can",
    ),
    (
        "en",
        "as stated in the annex to Council Resolution 1305, which identifies",
        "pp",
        "102",
        "as stated in [the annex to Council Resolution 1305](council:1305#annex), which identifies",
    ),
    (
        "en",
        "as identified in Annex 2 to Resolution 71 (Rev. Dubai, 2018);",
        "pp",
        "200",
        "as identified in [Annex 2 to Resolution 71 (Rev. Dubai, 2018)](pp:71@2018#annex/2);",
    ),
    (
        "en",
        "their active engagement with regard to resolves 3 of this resolution,",
        "pp",
        "200",
        "their active engagement with regard to [resolves 3 of this resolution](pp:200#resolves/3),",
    ),
    (
        "en",
        "given in Annex 3 to this resolution and resolves 2 of Resolution 58 (Rev. Busan, 2014);",
        "pp",
        "208",
        "given in [Annex 3 to this resolution](pp:208#annex/3) and "
        "[resolves 2 of Resolution 58 (Rev. Busan, 2014)](pp:58@2014#resolves/2);",
    ),
    (
        "en",
        "Taking into account resolves 2 of Resolution 58 (Rev. Busan, 2014)",
        "pp",
        "208",
        "Taking into account [resolves 2 of Resolution 58 (Rev. Busan, 2014)](pp:58@2014#resolves/2)",
    ),
    # a range of clauses has no fragment: the resolution alone is cited
    (
        "en",
        "and in resolves 1 to 11 of Resolution 25 (Rev. Dubai, 2018) of the Plenipotentiary"
        " Conference;",
        "pp",
        "25",
        "and in resolves 1 to 11 of [Resolution 25 (Rev. Dubai, 2018) of the Plenipotentiary"
        " Conference](pp:25@2018);",
    ),
    # several annexes at once: no single target, left as text
    (
        "en",
        "the associated guidelines in decides above, the annexes to this decision and all",
        "pp",
        "D5",
        "the associated guidelines in decides above, the annexes to this decision and all",
    ),
    # -- English: the forms of the schema's examples -----------------------------------
    (
        "en",
        "resolves 3 of Resolution 191 (Rev. Dubai, 2018)",
        "pp",
        "1",
        "[resolves 3 of Resolution 191 (Rev. Dubai, 2018)](pp:191@2018#resolves/3)",
    ),
    (
        "en",
        "paragraph 1 i) of instructs the Director of the Telecommunication Standardization Bureau"
        " of Resolution 64 (Rev. Hammamet, 2016) of WTSA",
        "pp",
        "1",
        "[paragraph 1 i) of instructs the Director of the Telecommunication Standardization Bureau"
        " of Resolution 64 (Rev. Hammamet, 2016) of WTSA](wtsa:64@2016#instructs/1/i)",
    ),
    (
        "en",
        "the Annex to Resolution 71 (Rev. Dubai, 2018) of this conference",
        "pp",
        "1",
        "[the Annex to Resolution 71 (Rev. Dubai, 2018) of this conference](pp:71@2018#annex)",
    ),
    (
        "en",
        "instructs the Secretary-General 2 of Resolution 48 (Rev. Dubai, 2018)",
        "pp",
        "1",
        "[instructs the Secretary-General 2 of Resolution 48 (Rev. Dubai, 2018)]"
        "(pp:48@2018#instructs/2)",
    ),
    (
        "en",
        "considering further d) of Resolution 196 (Busan, 2014)",
        "pp",
        "1",
        "[considering further d) of Resolution 196 (Busan, 2014)]"
        "(pp:196@2014#further_considering/d)",
    ),
    # -- French -------------------------------------------------------------------------
    (
        "fr",
        "conformément au décide 3 de la Résolution 191 (Rév. Dubaï, 2018) de la Conférence de"
        " plénipotentiaires",
        "wtdc",
        "1",
        "conformément au [décide 3 de la Résolution 191 (Rév. Dubaï, 2018) de la Conférence de"
        " plénipotentiaires](pp:191@2018#resolves/3)",
    ),
    (
        "fr",
        "le point 1 du décide de la Résolution 25 (Rév. Dubaï, 2018)",
        "pp",
        "1",
        "[le point 1 du décide de la Résolution 25 (Rév. Dubaï, 2018)](pp:25@2018#resolves/1)",
    ),
    (
        "fr",
        "figurant dans l'Annexe 2 de la Résolution 71 (Rév. Dubaï, 2018)",
        "pp",
        "1",
        "figurant dans [l'Annexe 2 de la Résolution 71 (Rév. Dubaï, 2018)](pp:71@2018#annex/2)",
    ),
    (
        "fr",
        "l'Annexe de la Résolution 71",
        "pp",
        "1",
        "[l'Annexe de la Résolution 71](pp:71#annex)",
    ),
    (
        "fr",
        "l'alinéa e) du reconnaissant de la Résolution 4 (Dubaï, 2012) de la CMTI",
        "pp",
        "1",
        "[l'alinéa e) du reconnaissant de la Résolution 4 (Dubaï, 2012) de la CMTI]"
        "(wcit:4@2012#recognizing/e)",
    ),
    (
        "fr",
        "le paragraphe 1 i) du charge le Directeur du Bureau de la normalisation des"
        " télécommunications de la Résolution 64 (Rév. Hammamet, 2016) de l'AMNT",
        "wtdc",
        "1",
        "[le paragraphe 1 i) du charge le Directeur du Bureau de la normalisation des"
        " télécommunications de la Résolution 64 (Rév. Hammamet, 2016) de l'AMNT]"
        "(wtsa:64@2016#instructs/1/i)",
    ),
    (
        "fr",
        "le mandat figurant dans l'Annexe de la présente Résolution;",
        "wtdc",
        "59",
        "le mandat figurant dans [l'Annexe de la présente Résolution](wtdc:59#annex);",
    ),
    # -- Spanish ------------------------------------------------------------------------
    (
        "es",
        "el resuelve 3 de la Resolución 191 (Rev. Dubái, 2018) de la Conferencia de"
        " Plenipotenciarios",
        "wtdc",
        "1",
        "[el resuelve 3 de la Resolución 191 (Rev. Dubái, 2018) de la Conferencia de"
        " Plenipotenciarios](pp:191@2018#resolves/3)",
    ),
    (
        "es",
        "según el Anexo 2 a la Resolución 71 (Rev. Dubái, 2018)",
        "pp",
        "1",
        "según [el Anexo 2 a la Resolución 71 (Rev. Dubái, 2018)](pp:71@2018#annex/2)",
    ),
    (
        "es",
        "el Anexo de la Resolución 71",
        "pp",
        "1",
        "[el Anexo de la Resolución 71](pp:71#annex)",
    ),
    (
        "es",
        "el punto 1 del resuelve de la Resolución 25 (Rev. Dubái, 2018)",
        "pp",
        "1",
        "[el punto 1 del resuelve de la Resolución 25 (Rev. Dubái, 2018)](pp:25@2018#resolves/1)",
    ),
    (
        "es",
        "el Anexo 1 a la presente Resolución",
        "pp",
        "9",
        "[el Anexo 1 a la presente Resolución](pp:9#annex/1)",
    ),
    # -- WCIT and coordination (PP-18 Resolutions 146 and 123) --------------------------
    (
        "en",
        "that recognizing e) of Resolution 4 (Dubai, 2012) of WCIT, on periodic review",
        "pp",
        "146",
        "that [recognizing e) of Resolution 4 (Dubai, 2012) of WCIT](wcit:4@2012#recognizing/e),"
        " on periodic review",
    ),
    # without its body the citation is left as text, not taken for PP's
    (
        "en",
        "that recognizing e) of Resolution 4 (Dubai, 2012), on periodic review",
        "pp",
        "146",
        "that recognizing e) of Resolution 4 (Dubai, 2012), on periodic review",
    ),
    (
        "en",
        "that, in implementation of the provisions of the annex to Resolution 44 (Rev. Hammamet,"
        " 2016) and of Resolution 54 (Rev. Hammamet, 2016) of WTSA, ITU actions",
        "pp",
        "123",
        "that, in implementation of the provisions of [the annex to Resolution 44 (Rev. Hammamet,"
        " 2016)](wtsa:44@2016#annex) and of [Resolution 54 (Rev. Hammamet, 2016) of WTSA]"
        "(wtsa:54@2016), ITU actions",
    ),
    # -- parts of the document itself, without it (PP-18) ------------------------------
    (
        "en",
        "within the limits established by decides 1 above;",
        "pp",
        "D5",
        "within the limits established by [decides 1 above](pp:D5#resolves/1);",
    ),
    (
        "en",
        "the issues identified in instructs the ITU Council 7 above;",
        "pp",
        "D5",
        "the issues identified in [instructs the ITU Council 7 above](pp:D5#instructs/7);",
    ),
    (
        "en",
        "management consultancy, pursuant to resolves 3, by 1 April 2019",
        "pp",
        "11",
        "management consultancy, pursuant to [resolves 3](pp:11#resolves/3), by 1 April 2019",
    ),
    (
        "en",
        "the ITU-T recommendations referred to in considering e) in order to limit",
        "pp",
        "21",
        "the ITU-T recommendations referred to in [considering e)](pp:21#considering/e) in order"
        " to limit",
    ),
    (
        "en",
        "taking into account considering d) and recognizing further d), consistent with",
        "pp",
        "206",
        "taking into account [considering d)](pp:206#considering/d) and [recognizing further d)]"
        "(pp:206#further_recognizing/d), consistent with",
    ),
    (
        "en",
        "3 See requests the ITU Council 3 below.",
        "pp",
        "140",
        "3 See [requests the ITU Council 3 below](pp:140#requests/3).",
    ),
    (
        "en",
        "in accordance with instructs the Secretary-General 2, and consider",
        "pp",
        "48",
        "in accordance with [instructs the Secretary-General 2](pp:48#instructs/2), and consider",
    ),
    (
        "en",
        "except as provided in recalling b) above;",
        "pp",
        "77",
        "except as provided in [recalling b) above](pp:77#recalling/b);",
    ),
    (
        "en",
        "taking into account considering b) of this resolution,",
        "pp",
        "1",
        "taking into account [considering b) of this resolution](pp:1#considering/b),",
    ),
    # lists and ranges of parts have no single target: left as text
    (
        "en",
        "to ensure the implementation of resolves 2, 3 and 4 above, applying",
        "pp",
        "11",
        "to ensure the implementation of resolves 2, 3 and 4 above, applying",
    ),
    (
        "en",
        "particularly taking account of considering b), c) and h) above.",
        "pp",
        "48",
        "particularly taking account of considering b), c) and h) above.",
    ),
    (
        "en",
        "to take into account considering c) ii) and e) above, and",
        "pp",
        "175",
        "to take into account considering c) ii) and e) above, and",
    ),
    # an operative heading merged into the text by the conversion is no reference
    (
        "en",
        "within existing budgetary resources, instructs the Directors of the Bureaux 1 to"
        " continue to support studies",
        "pp",
        "136",
        "within existing budgetary resources, instructs the Directors of the Bureaux 1 to"
        " continue to support studies",
    ),
    (
        "en",
        "adapted to local needs, resolves to instruct the ITU Council 1 to consider the report",
        "pp",
        "201",
        "adapted to local needs, resolves to instruct the ITU Council 1 to consider the report",
    ),
    # -- parts after their resolution: "stipulates in", "thereof" (PP-18) ----------------
    (
        "en",
        "that Decision 5 (Rev. Dubai, 2018) stipulates in decides 1.2 that expenses",
        "pp",
        "154",
        "that [Decision 5 (Rev. Dubai, 2018)](pp:D5@2018) stipulates in [decides 1.2]"
        "(pp:D5@2018#resolves/1.2) that expenses",
    ),
    (
        "en",
        "Resolution 73 (Rev. Hammamet, 2016) of WTSA, on ICTs and climate change and, in"
        " particular, recognizing g) thereof concerning",
        "pp",
        "167",
        "[Resolution 73 (Rev. Hammamet, 2016) of WTSA](wtsa:73@2016), on ICTs and climate change"
        " and, in particular, [recognizing g) thereof](wtsa:73@2016#recognizing/g) concerning",
    ),
    # -- French and Spanish forms of the same -------------------------------------------
    (
        "fr",
        "conformément au point 2 du décide ci-dessus",
        "wtdc",
        "59",
        "conformément au [point 2 du décide ci-dessus](wtdc:59#resolves/2)",
    ),
    (
        "fr",
        "compte tenu du considérant b) ci-dessus;",
        "wtdc",
        "59",
        "compte tenu du [considérant b) ci-dessus](wtdc:59#considering/b);",
    ),
    (
        "fr",
        "les activités visées au décide 3, en tenant compte",
        "wtdc",
        "59",
        "les activités visées au [décide 3](wtdc:59#resolves/3), en tenant compte",
    ),
    (
        "fr",
        "que la Décision 5 (Rév. Dubaï, 2018) de la présente Conférence stipule au point 1.2"
        " du décide que",
        "pp",
        "154",
        "que [la Décision 5 (Rév. Dubaï, 2018) de la présente Conférence](pp:D5@2018) stipule"
        " au [point 1.2 du décide](pp:D5@2018#resolves/1.2) que",
    ),
    (
        "fr",
        "la mise en oeuvre des décide 2, 3 et 4 ci-dessus",
        "pp",
        "11",
        "la mise en oeuvre des décide 2, 3 et 4 ci-dessus",
    ),
    (
        "es",
        "de conformidad con el resuelve 2 anterior;",
        "pp",
        "11",
        "de conformidad con [el resuelve 2 anterior](pp:11#resolves/2);",
    ),
    (
        "es",
        "teniendo en cuenta el considerando b) anterior,",
        "pp",
        "48",
        "teniendo en cuenta [el considerando b) anterior](pp:48#considering/b),",
    ),
    (
        "es",
        "que la Decisión 5 (Rev. Dubái, 2018) estipula en el resuelve 1.2 que",
        "pp",
        "154",
        "que [la Decisión 5 (Rev. Dubái, 2018)](pp:D5@2018) estipula en el [resuelve 1.2]"
        "(pp:D5@2018#resolves/1.2) que",
    ),
]


def test_at_least_fifteen_real_part_forms() -> None:
    assert len([c for c in PART_CASES if c[0] == "en"]) >= 15
    assert {c[0] for c in PART_CASES} == {"en", "fr", "es"}


@pytest.mark.parametrize(
    ("language", "text", "body", "number", "expected"),
    PART_CASES,
    ids=[f"{c[0]}-part-{i}" for i, c in enumerate(PART_CASES)],
)
def test_part_citation(language: str, text: str, body: str, number: str, expected: str) -> None:
    marked, cited = mark_citations(text, language, body, number)
    assert marked == expected
    _, problems = markup.parse(marked)
    assert problems == []
    assert markup.plain(marked) == text
    for c in cited:
        parsed = markup.parse_target(c.target)
        assert not isinstance(parsed, str)
        refs, _, fragment = parsed
        # a fragment always names one resolution, and its parts without punctuation
        if fragment:
            assert len(refs) == 1
            assert all(not re.search(r"[()\s]", s) for s in fragment)


def test_parts_of_the_document_itself_need_its_number() -> None:
    """Without the document's number, "this resolution" is not cited."""
    text = "with regard to resolves 3 of this resolution,"
    assert mark_citations(text, "en", "pp")[0] == text


# -- citations whose body cannot be told: reported, positioned ------------------------


def test_unresolved_citations_say_why() -> None:
    text = (
        "in accordance with Resolution 58 (Rev. Dubai, 2012) and Resolution 71 (Rev. Dubai,"
        " 2018); its Resolution 1344"
    )
    marked, cited = mark_citations(text, "en", "pp")
    assert [c.target for c in cited] == ["pp:71@2018"]
    found = unresolved_citations(text, "en", "pp")
    assert [(u.words, text[u.start : u.end]) for u in found] == [
        ("Resolution 58 (Rev. Dubai, 2012)", "Resolution 58 (Rev. Dubai, 2012)"),
        ("Resolution 1344", "Resolution 1344"),
    ]
    assert "WCIT and WTSA" in found[0].reason
    assert "possessive" in found[1].reason
    # what is marked and what is reported never overlap, and the words stay as written
    assert markup.plain(marked) == text


def test_import_reports_unresolved_citations_where_they_are(tmp_path: Path) -> None:
    from itures.importers import akn, diagnostics, plan, write
    from tests.importers.aknfixtures import statement

    xml = statement(
        "9",
        "9 (REV. DUBAI, 2018)",
        "A small resolution",
        """<recitals eId="recs_considering"><intro><p>considering</p></intro>
        <recital eId="rec_1"><num>a)</num><p>Resolution 71 (Rev. Dubai, 2018) of this conference;</p></recital>
        <recital eId="rec_2"><num>b)</num><p>Resolution 58 (Rev. Dubai, 2012), on national CIRTs,</p></recital>
        </recitals>""",
        """<hcontainer name="resolves" eId="h"><heading>resolves</heading>
        <paragraph eId="p1"><num>1</num><content><p>to revise its Resolution 1344 in line with
        resolves 2 below;</p></content></paragraph>
        <paragraph eId="p2"><num>2</num><content><p>to report.</p></content></paragraph>
        </hcontainer>""",
    )
    [imported], failures = akn.parse_bytes(xml.encode(), source="s.xml")
    assert failures == []
    res = imported.resolution
    assert res.preamble[0].items[1].citations == []
    assert res.operative[0].clauses[0].citations[0].target == "pp:9#resolves/2"
    unresolved = [n for n in imported.notes if n.rule == "citation-unresolved-body"]
    assert [(n.path, n.severity) for n in unresolved] == [
        (("preamble", 0, "items", 1, "text"), "warning"),
        (("operative", 0, "clauses", 0, "text"), "warning"),
    ]
    assert "'Resolution 58 (Rev. Dubai, 2012)'" in unresolved[0].message
    targets = plan([imported], str(tmp_path / "9.yaml"))
    write(targets)
    found = [d for d in diagnostics(targets) if d.rule == "citation-unresolved-body"]
    lines = (tmp_path / "9.yaml").read_text(encoding="utf-8").splitlines()
    assert len(found) == 2
    # at the text the citation is in (a folded text starts on the line after its key)
    for d, words in zip(found, ("Resolution 58", "Resolution 1344"), strict=True):
        assert words in " ".join(lines[d.line - 1 : d.line + 2])
