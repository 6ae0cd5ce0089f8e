"""Annexes: Word text exports, .docx and Akoma Ntoso, with fixtures written here.

An annex starts the resolution's ``annexes`` (never clauses of the last
section); what the importer cannot place is reported, naming what and where.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.importers import akn, docx, wordtext
from itures.model import markup
from itures.model.resolution import Item, Resolution
from tests.importers.aknfixtures import ATTACHED, MERGED, NOT_LAST
from tests.importers.docxbuild import build_docx

FRENCH = """[bookmark: _Toc1]RÉSOLUTION 12 (RÉV. BUENOS AIRES, 2017)
Coopération entre les trois Secteurs
La Conférence mondiale de développement des télécommunications (Buenos Aires, 2017),
rappelant
a)\tle décide 3 de la Résolution 191 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires;
b)\tl'Annexe 2 de la Résolution 71 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires,
décide
1\td'approuver le mandat figurant dans l'Annexe de la présente Résolution;
2\td'inviter le GCDT à examiner chaque année le point 1 du décide de la présente Résolution
ANNEXE (de la Résolution 12 (Rév. Buenos Aires, 2017))
Mandat de l'équipe de coordination
1\tL'équipe de coordination[footnoteRef:1]1 réunit les trois Bureaux.
[1: 1\tÉquipe créée en 2014.]
a)\tdes représentants du BDT;
b)\tdes représentants du TSB.
2\tElle rend compte au GCDT.
Composition
L'équipe est ouverte aux membres, qui
participent à titre volontaire.
______________
"""


def _labels(items: list[Item]) -> list[object]:
    return [(i.label, _labels(i.items)) if i.items else i.label for i in items]


def test_french_annex_is_an_annex_not_clauses() -> None:
    imported = wordtext.parse_text(FRENCH, source="12.txt")
    res = imported.resolution
    # the last clause, without an end mark, is not continued by the annex heading
    clauses = res.operative[0].clauses
    assert [c.label for c in clauses] == ["1", "2"]
    assert clauses[-1].text.endswith("de la présente Résolution](wtdc:12#resolves/1)")
    [annex] = res.annexes
    assert annex.label is None
    assert annex.heading == "ANNEXE (de la Résolution 12 (Rév. Buenos Aires, 2017))"
    assert annex.title == "Mandat de l'équipe de coordination"
    assert _labels(annex.items) == [("1", ["a)", "b)"]), "2", None, None]
    assert annex.items[0].footnote_refs == ["1"]
    assert res.footnotes[0].text == "Équipe créée en 2014."
    # a sub-heading is an item of its own; a line starting in lower case continues
    assert annex.items[2].text == "Composition"
    assert annex.items[3].text == (
        "L'équipe est ouverte aux membres, qui participent à titre volontaire."
    )
    assert imported.notes == []


def test_citations_of_parts_in_the_french_fixture() -> None:
    res = wordtext.parse_text(FRENCH, source="12.txt").resolution
    targets = [
        c.target
        for _, text in res.texts()
        for c in markup.parse(text)[0]
        if isinstance(c, markup.Citation)
    ]
    assert targets == [
        "pp:191@2018#resolves/3",
        "pp:71@2018#annex/2",
        "wtdc:12#annex",
        "wtdc:12#resolves/1",
    ]


ENGLISH = """RESOLUTION 7 (REV. DUBAI, 2018)
A resolution with two annexes
The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
considering
a)\tthat the terms of reference are in Annex 1 to this resolution;
resolves
1\tto approve them;
Annex 2 to Resolution 71 (Rev. Dubai, 2018) applies.
Annex 1 to Resolution 7 (Rev. Dubai, 2018)
Terms of reference
1\tThe group meets twice a year.
1.1\tIts first meeting is in 2019.
2\tIt reports to the Council.
ANNEX 2 TO RESOLUTION 7 (REV. DUBAI, 2018)
List of members
______________
"""


def test_english_annexes_and_an_annex_without_paragraphs() -> None:
    imported = wordtext.parse_text(ENGLISH, source="7.txt")
    res = imported.resolution
    # a sentence that begins with "Annex 2 to Resolution 71" is text, not a heading
    assert [c.label for c in res.operative[0].clauses] == ["1", None]
    assert res.operative[0].clauses[1].text.startswith("[Annex 2 to Resolution 71")
    annex, second = res.annexes
    assert (annex.label, annex.heading, annex.title) == (
        "1",
        "Annex 1 to Resolution 7 (Rev. Dubai, 2018)",
        "Terms of reference",
    )
    assert _labels(annex.items) == [("1", ["1.1"]), "2"]
    # Annex 2 has a title and no paragraph: kept as published (nothing dropped),
    # and reported, naming the annex and its line
    assert (second.heading, second.title, second.items) == (
        "ANNEX 2 TO RESOLUTION 7 (REV. DUBAI, 2018)",
        "List of members",
        [],
    )
    [note] = imported.notes
    assert "ANNEX 2 TO RESOLUTION 7 (REV. DUBAI, 2018)" in note.message
    assert "'List of members'" in note.message and "line 14" in note.message
    assert note.path == ("annexes", 1)


SPANISH = """RESOLUCIÓN 9 (REV. DUBÁI, 2018)
Una resolución con anexo
La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones (Dubái, 2018),
resuelve
1\taprobar el mandato que figura en el Anexo de la presente Resolución.
ANEXO
(a la Resolución 9 (Rev. Dubái, 2018))
Mandato
a)\tel Grupo se reúne dos veces al año;
b)\tel Grupo informa al Consejo.
"""


def test_spanish_annex_with_a_reference_line() -> None:
    res = wordtext.parse_text(SPANISH, source="9.txt").resolution
    [annex] = res.annexes
    assert annex.heading == "ANEXO (a la Resolución 9 (Rev. Dubái, 2018))"
    assert annex.title == "Mandato"
    assert _labels(annex.items) == ["a)", "b)"]
    assert res.operative[0].clauses[0].citations[0].target == "pp:9#annex"


def _paragraphs(text: str) -> tuple[list[str], dict[str, str]]:
    body, notes = wordtext._footnote_bodies(text)
    body = wordtext._FOOTNOTE_REF.sub(lambda m: f"[^{m.group('id')}]", body)
    return wordtext._BOOKMARK.sub("", body).split("\n"), dict(notes)


def test_docx_annex_imports_like_the_text_export(tmp_path: Path) -> None:
    paragraphs, notes = _paragraphs(FRENCH)
    path = build_docx(tmp_path / "12.docx", list(paragraphs), notes)
    from_docx = docx.read(str(path))
    assert from_docx.resolution == wordtext.parse_text(FRENCH, source="12.txt").resolution
    assert from_docx.resolution.annexes[0].items[0].footnote_refs == ["1"]


def test_docx_annex_from_itu_styles(tmp_path: Path) -> None:
    """AnnexNo, Annexref and Annextitle say what the paragraphs are, whatever they read."""
    paragraphs, notes = _paragraphs(FRENCH)
    styled: list[str | tuple[str, str]] = []
    for line in paragraphs:
        if line.startswith("ANNEXE"):
            styled.append(("AnnexNo", "ANNEXE"))
            styled.append(("Annexref", "(de la Résolution 12 (Rév. Buenos Aires, 2017))"))
        elif line.startswith("Mandat"):
            # a title over two paragraphs, the second ending with a full stop
            styled.append(("Annextitle", "Mandat de l'équipe"))
            styled.append(("Annextitle", "de coordination."))
        else:
            styled.append(line)
    res = docx.read(str(build_docx(tmp_path / "styled.docx", styled, notes))).resolution
    [annex] = res.annexes
    assert annex.heading == "ANNEXE (de la Résolution 12 (Rév. Buenos Aires, 2017))"
    assert annex.title == "Mandat de l'équipe de coordination."
    expected = wordtext.parse_text(FRENCH, source="12.txt").resolution
    assert annex.items == expected.annexes[0].items


# -- Akoma Ntoso ----------------------------------------------------------------


def _notes(imported: object) -> list[tuple[tuple[str | int, ...], str]]:
    return [(n.path, n.message) for n in imported.notes]  # type: ignore[attr-defined]


def test_akn_attachments_become_annexes() -> None:
    [imported], failures = akn.parse_bytes(ATTACHED.encode(), source="9.xml")
    assert failures == []
    res: Resolution = imported.resolution
    [annex] = res.annexes
    assert (annex.label, annex.heading, annex.title) == (
        "1",
        "ANNEX 1 TO RESOLUTION 9 (REV. DUBAI, 2018)",
        "Terms of reference",
    )
    assert _labels(annex.items) == [("1", ["a)", "b)"]), (None, ["2"]), None, None]
    assert annex.items[1].text == "Meetings"
    assert annex.items[1].items[0].citations[0].target == "pp:9@2018#resolves/2"
    assert annex.items[2].text == "Membership is open to all."
    assert annex.items[3].text == "Year Meetings 2019 2"
    notes = _notes(imported)
    assert any(p == ("annexes", 0, "items", 3, "text") and "table flattened" in m for p, m in notes)
    # the annex kept in another file is reported with its reference and where it is
    [ref] = [m for _, m in notes if "documentRef" in m]
    assert "res-9-annex-2" in ref and "(Annex 2)" in ref and "attachment att_2" in ref
    # the clauses are the XML's, the preamble's part citations extracted
    assert res.operative[0].clauses[0].citations[0].target == "pp:9#annex/1"
    assert [c.target for i in res.preamble[0].items for c in i.citations] == [
        "pp:191@2018#resolves/3",
        "wtsa:64@2016#instructs/1/i",
    ]


def test_akn_annexes_merged_into_the_last_clause_are_separated() -> None:
    [imported], _ = akn.parse_bytes(MERGED.encode(), source="10.xml")
    res = imported.resolution
    assert [c.text for c in res.operative[1].clauses] == ["to report annually to the Council."]
    first, second = res.annexes
    assert (first.label, first.heading, first.title) == (
        "1",
        "ANNEX 1 TO RESOLUTION 10 (REV. DUBAI, 2018)",
        "Procedure for the review",
    )
    assert _labels(first.items) == [("1", ["a)", "b)"]), "2"]
    assert first.items[1].text == "The review is made every four years."
    # no title can be told apart from the text after the heading: it stays text
    assert (second.label, second.title) == ("2", None)
    assert [i.text for i in second.items] == [
        "Glossary Activities are actions that transform resources into outputs.",
        "Outputs are results.",
    ]
    notes = _notes(imported)
    assert [p for p, m in notes if "separated" in m] == [("annexes", 0), ("annexes", 1)]
    assert any(
        p == ("annexes", 1, "items", 0, "text") and "cannot be told apart" in m for p, m in notes
    )
    assert all("para_" in m and "XML line" in m for _, m in notes)


def test_akn_annex_heading_before_other_sections_is_left_and_reported() -> None:
    [imported], _ = akn.parse_bytes(NOT_LAST.encode(), source="11.xml")
    res = imported.resolution
    assert res.annexes == []
    assert "ANNEX TO RESOLUTION 11" in res.operative[0].clauses[0].text
    messages = [m for _, m in _notes(imported)]
    assert any("not the last of the document" in m and "hcont_1" in m for m in messages)
    assert any("merged into the text of this clause" in m for m in messages)


@pytest.mark.parametrize("xml", [ATTACHED, MERGED, NOT_LAST])
def test_akn_fixture_text_is_never_dropped(xml: str) -> None:
    """Every word of every paragraph and point of the fixture is in the result."""
    from lxml import etree

    [imported], _ = akn.parse_bytes(xml.encode(), source="x.xml")
    root = etree.fromstring(xml.encode())
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    xml_words = {
        w
        for el in root.xpath("//a:mainBody//a:p | //a:mainBody//a:heading", namespaces=ns)
        for w in "".join(el.itertext()).split()
    }
    res = imported.resolution
    ours = {w for _, text in res.texts() for w in markup.plain(text).split()}
    ours |= {w for a in res.annexes for w in a.heading.split()}
    ours |= {w for s in res.operative for w in s.heading.split()}
    assert xml_words <= ours
