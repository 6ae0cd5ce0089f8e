"""The notes of the Word importers in the editor's language: ``itures import
--lang fr`` says in French what the reading of a Word export's paragraphs saw
(a heading as published, paragraphs left out, a heading run into its first
entry, a table, a citation left as text), and in English as it always did."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from lxml import etree

from itures import i18n
from itures.cli import main
from itures.importers import ImportFailure, wordtext
from itures.importers.entities import bomb_message
from itures.importers.extract import unresolved_citations
from itures.importers.paragraphs import Para, build
from tests.importers.test_docx_unseen import _edited, _paragraph, _run, _table_after
from tests.importers.test_word_slips import BODY, HEAD


@pytest.fixture
def french() -> Iterator[None]:
    i18n.use("fr")
    yield
    i18n.use("en")


# how the notes of the Word importers begin (or what they say) in English
ENGLISH = re.compile(
    r"""heading\ as\ published|tracked\ change,|\ struck|\ inserted|history\ records|
    paragraph\(s\)|left\ out|names\ no\ adoption|were\ one\ paragraph|starts\ with|
    has\ no\ paragraphs|has\ the\ style|after\ this\ entry|no\ text\ left|hold\ no\ table|
    \(line\ \d|,\ then\ |\ is\ where|\ and\ the\ text\ |no\ ITU\ conference|
    possessive|four\ digits|cannot\ be\ read|is\ not\ known|refers\ to\ &""",
    re.X,
)


def _notes(text: str, lang: str, language: str = "en") -> list[str]:
    """The notes of a Word text export in ``language`` imported in ``lang``."""
    i18n.use(lang)
    try:
        imported = wordtext.parse_text(text, source="t.txt", language=language)
    finally:
        i18n.use("en")
    return [n.message for n in imported.notes]


def test_the_seed_heading_as_published_in_french(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = main(
            [
                "import",
                "--lang",
                "fr",
                str(seed),
                "-o",
                str(tmp_path / "59.yaml"),
                "--format",
                "json",
            ]
        )
    finally:
        i18n.use("en")
    assert code == 0
    shown = [d["message"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert (
        "intitulé tel que publié 'RÉSOLUTION 59 (RÉV.DUBAÏ, 2014BUENOS AIRES, 2017)' : une "
        "modification suivie, 'DUBAÏ, 2014' supprimé, puis 'BUENOS AIRES, 2017' inséré ; "
        "l'historique enregistre Dubaï 2014, puis Buenos Aires 2017"
    ) in shown
    assert [m for m in shown if ENGLISH.search(m)] == []
    # in English, as it was
    (said,) = [
        m for m in _notes(seed.read_text(encoding="utf-8"), "en", "fr") if "as published" in m
    ]
    assert said == (
        "heading as published 'RÉSOLUTION 59 (RÉV.DUBAÏ, 2014BUENOS AIRES, 2017)': a tracked "
        "change, 'DUBAÏ, 2014' struck, then 'BUENOS AIRES, 2017' inserted; the history records "
        "Dubaï 2014, then Buenos Aires 2017"
    )


SLIPS = {
    "closing rule": (
        HEAD + BODY + "\n______________\nDone at Dubai, 12 November 2018\nThe Chair\n",
        "2 paragraphes après le filet final écartés (ligne 16) : 'Done at Dubai, 12 November "
        "2018'; 'The Chair'",
        "2 paragraph(s) after the closing rule left out (line 16): 'Done at Dubai, 12 November "
        "2018'; 'The Chair'",
    ),
    "closing rule, one paragraph": (
        HEAD + BODY + "\n______________\nThe Chair\n",
        "1 paragraphe après le filet final écarté (ligne 16) : 'The Chair'",
        "1 paragraph(s) after the closing rule left out (line 16): 'The Chair'",
    ),
    "before the heading": (
        "Draft\nFor approval\n" + HEAD + BODY,
        "2 paragraphes avant l'intitulé écartés : 'Draft'; 'For approval'",
        "2 paragraph(s) before the heading left out: 'Draft'; 'For approval'",
    ),
    "heading run into its first entry": (
        HEAD + BODY.replace("considering\na)\t", "considering a)\t"),
        "l'intitulé 'considering' et l'entrée 'a)' formaient un seul paragraphe ('considering "
        "a)\\tthat the work goes on;') : séparés en l'intitulé et sa première entrée",
        "the heading 'considering' and the entry 'a)' were one paragraph ('considering "
        "a)\\tthat the work goes on;'): split into the heading and its first entry",
    ),
    "a label written otherwise": (
        HEAD + BODY.replace("2\tto do something else", "2.\tto do something else"),
        "le paragraphe commence par '2.' et une tabulation : lu comme l'étiquette '2' (le style "
        "de l'UIT ; le texte publié écrit '2.')",
        "the paragraph starts with '2.' and a tab: read as the label '2' (ITU's style; the "
        "published text writes '2.')",
    ),
    "heading without its revision": (
        HEAD.replace(" (REV. DUBAI, 2018)", "") + BODY,
        "l'intitulé 'RESOLUTION 7' ne nomme aucune adoption ni révision : l'historique "
        "enregistre la conférence de la formule, Dubai 2018, comme l'adoption de la résolution ; "
        "si cette conférence l'a révisée, indiquez-le et ajoutez les révisions antérieures",
        "the heading 'RESOLUTION 7' names no adoption or revision: the history records the "
        "conference of the formula, Dubai 2018, as the resolution's adoption; if that conference "
        "revised it, say so and add the earlier revisions",
    ),
    "three revisions run together": (
        HEAD.replace("(REV. DUBAI, 2018)", "(REV. DUBAI, 2014BUSAN, 2016DUBAI, 2018)") + BODY,
        "intitulé tel que publié 'RESOLUTION 7 (REV. DUBAI, 2014BUSAN, 2016DUBAI, 2018)' : une "
        "modification suivie, 'DUBAI, 2014' supprimé, puis 'BUSAN, 2016' supprimé, puis "
        "'DUBAI, 2018' inséré ; l'historique enregistre Dubai 2014, puis Busan 2016, puis Dubai "
        "2018",
        "heading as published 'RESOLUTION 7 (REV. DUBAI, 2014BUSAN, 2016DUBAI, 2018)': a tracked "
        "change, 'DUBAI, 2014' struck, then 'BUSAN, 2016' struck, then 'DUBAI, 2018' inserted; "
        "the history records Dubai 2014, then Busan 2016, then Dubai 2018",
    ),
    "annex without paragraphs": (
        HEAD + BODY + "ANNEX TO RESOLUTION 7\nA plan\n",
        "l'annexe 'ANNEX TO RESOLUTION 7' 'A plan' (ligne 14) n'a aucun paragraphe : gardée avec "
        "son intitulé et son titre seulement",
        "annex 'ANNEX TO RESOLUTION 7' 'A plan' (line 14) has no paragraphs: kept with its "
        "heading and title only",
    ),
    "citations left as text": (
        HEAD
        + BODY.replace(
            "that the work goes on;",
            "that Resolution 58 (Rev. Dubai, 2012) and its Resolution 1344 apply;",
        ),
        "citation 'Resolution 58 (Rev. Dubai, 2012)' laissée en texte : Dubai, 2012 est le lieu "
        "où se sont réunies WCIT et WTSA, et le texte ne dit pas laquelle ; balisez-la à la main "
        "avec l'organe qu'elle cite\n"
        "citation 'Resolution 1344' laissée en texte : un possessif indique qu'elle est d'un "
        "autre organe, et le texte n'en nomme aucun ; balisez-la à la main avec l'organe qu'elle "
        "cite",
        "citation 'Resolution 58 (Rev. Dubai, 2012)' left as text: Dubai, 2012 is where WCIT and "
        "WTSA met, and the text does not say which; mark it up by hand with the body it cites\n"
        "citation 'Resolution 1344' left as text: a possessive says it is another body's, and the "
        "text names none; mark it up by hand with the body it cites",
    ),
}


@pytest.mark.parametrize(("text", "french", "english"), SLIPS.values(), ids=SLIPS)
def test_the_notes_of_a_word_export_in_french_and_in_english(
    text: str, french: str, english: str
) -> None:
    assert "\n".join(_notes(text, "fr")) == french
    assert "\n".join(_notes(text, "en")) == english


def test_what_was_said_of_paragraphs_left_out_is_framed_in_french(french: None) -> None:
    def para(text: str, where: str, style: str | None = None, said: str = "") -> Para:
        return Para(text, where, style, [said] if said else [])

    paras = [
        para("Draft", "p1", said="C1"),
        para("RESOLUTION 7 (REV. DUBAI, 2018)", "p2"),
        para("A title", "p3"),
        para(
            "The Plenipotentiary Conference of the International Telecommunication Union "
            "(Dubai, 2018),",
            "p4",
        ),
        para("", "p5", said="C2"),
        para("recognizing", "p6", said="C3"),
        para("considering", "p7"),
        para("a)\tthat the work goes", "p8"),
        para("on and on", "p9", "Call"),
        para("b)\tthat it goes well,", "p10"),
        para("", "p11", said="C4"),
        para("- 2 -", "p12", said="C5"),
        para("resolves", "p13"),
        para("1\tto do something.", "p14"),
        para("______________", "p15"),
        para("The Chair", "p16", said="C6"),
    ]
    said = [n.message for n in build(paras, [], source="s", language="en").notes]
    for words in (
        "C1 (p1, avant l'intitulé, écarté)",
        "C2 (p5, un paragraphe resté sans texte)",
        "C3 (p6, l'intitulé écarté)",
        "le paragraphe 'on and on' (p9) a le style d'un intitulé de section mais ne nomme aucun "
        "verbe : lu comme la suite de cette entrée, qui n'avait pas de ponctuation finale",
        "C4 (p11, après cette entrée)",
        "C5 (p12, un en-tête ou pied de page, écarté)",
        "C6 (p16, après le filet final, écarté)",
        "1 paragraphe avant l'intitulé écarté : 'Draft'",
    ):
        assert words in said
    assert [m for m in said if ENGLISH.search(m)] == []


def _with_tables(body: Any) -> None:
    """A table between two clauses, and another in an annex."""
    _table_after(body, "2", [["Sector", "Group"], ["ITU-R", "RAG"]])
    last = _paragraph(body, "3")
    for text in ("ANNEX TO RESOLUTION 7", "The work of the Sectors"):
        p = etree.Element(qn("w:p"))
        _run(p, text)
        last.addnext(p)
        last = p
    _table_after(body, "The work of the Sectors", [["Sector", "Group"], ["ITU-T", "TSAG"]])


def test_the_advice_of_a_table_in_french(tmp_path: Path) -> None:
    i18n.use("fr")
    try:
        imported = _edited(tmp_path, _with_tables)
    finally:
        i18n.use("en")
    tables = [n for n in imported.notes if "tableau" in n.message]
    assert [n.path[0] for n in tables] == ["operative", "annexes"]
    assert tables[0].message.endswith(
        "; les entrées d'une résolution ne contiennent pas de tableau : faites-en une entrée à "
        "part (une étiquette et une ponctuation finale), joignez-le à l'entrée qui le précède, "
        "ou déplacez-le dans une annexe"
    )
    assert tables[1].message.endswith(
        "; les paragraphes d'une annexe ne contiennent pas de tableau : vérifiez que ses "
        "cellules lues dans l'ordre forment le paragraphe, ou écrivez un paragraphe par ligne"
    )
    # in English, as it was
    english = [n.message for n in _edited(tmp_path, _with_tables).notes if "a table" in n.message]
    assert len(english) == 2
    assert english[0].endswith("join it to the entry before, or move it to an annex")
    assert english[1].endswith("or write a paragraph for each row")


REASONS = {
    "Resolution 5 (Rev. Atlantis, 2011) applies": (
        "aucune conférence de l'UIT ne s'est réunie, à notre connaissance, à Atlantis, 2011, "
        "et le texte ne nomme aucun organe",
        "no ITU conference is known to have met at Atlantis, 2011, and the text names no body",
    ),
    "Resolution 5 (2011) applies": (
        "une révision de 2011 sans lieu n'est celle d'aucune conférence, et le texte ne nomme "
        "aucun organe",
        "a revision of 2011 without a place is not a conference's, and the text names no body",
    ),
    "Resolution 1234 applies": (
        "un numéro de quatre chiffres n'est celui d'aucune conférence, et le texte ne nomme "
        "aucun organe",
        "a number of four digits is no conference's, and the text names no body",
    ),
    "Resolution 5 (Rev. (Hammamet, 2016) applies": (
        "sa révision ne peut pas être lue, et le texte ne nomme aucun organe",
        "its revision cannot be read, and the text names no body",
    ),
    "Resolution 5 (Rev.XYZ-15) applies": (
        "la conférence 'XYZ' de sa révision n'est pas connue",
        "the conference 'XYZ' of its revision is not known",
    ),
}


@pytest.mark.parametrize(
    ("text", "french", "english"), [(t, *r) for t, r in REASONS.items()], ids=list(REASONS)
)
def test_why_a_citation_is_left_as_text_in_french(text: str, french: str, english: str) -> None:
    i18n.use("fr")
    try:
        (found,) = unresolved_citations(text, "en", "pp")
    finally:
        i18n.use("en")
    assert found.reason == french
    (found,) = unresolved_citations(text, "en", "pp")
    assert found.reason == english


def test_a_garbled_heading_is_refused_in_french(french: None) -> None:
    with pytest.raises(ImportFailure) as refused:
        wordtext.parse_text(
            "RÃ‰SOLUTION 7 (RÃ‰V. DUBAÃ, 2018)\nUn titre\n", source="t.txt", language="fr"
        )
    assert str(refused.value) == (
        "t.txt, ligne 1: le texte est de l'UTF-8 lu comme du Latin-1 ou du Windows-1252 "
        "('RÃ‰SOLUTION' est 'RÉSOLUTION', '(RÃ‰V.' est '(RÉV.'), son intitulé ne peut donc pas "
        "être lu : convertissez à nouveau la source dans son bon codage (UTF-8)"
    )


def test_an_entity_bomb_is_refused_in_french(french: None) -> None:
    assert bomb_message("lol9", 10**10) == (
        "le texte renvoie à &lol9;, une entité qui se développe en 10,000,000,000 caractères "
        "(des entités imbriquées dans des entités : un « billion laughs ») : itures refuse un "
        "document qui grossit ainsi, et il n'est pas importé ; écrivez le texte lui-même"
    )
    assert "se développe en plus de 1,000,000,000,000,000 caractères" in bomb_message("x", 10**20)
