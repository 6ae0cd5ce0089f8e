"""Word imports: the seed's text export and a .docx built from its paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

import itures
from itures.importers import ImportFailure, docx, wordtext
from tests.importers.conftest import RES59
from tests.importers.docxbuild import build_docx

pytestmark = pytest.mark.filterwarnings("error")


def test_seed_imports_to_the_committed_resolution(seed: Path) -> None:
    imported = wordtext.read(str(seed))
    assert imported.resolution == itures.load(RES59)


def test_seed_tracked_changes_are_resolved_and_noted(seed: Path) -> None:
    notes = {(n.path, n.rule): n.message for n in wordtext.read(str(seed)).notes}
    assert set(notes) == {
        (("history",), "conversion-artefact"),
        (("conference",), "conversion-artefact"),
        (("preamble", 1, "items", 3, "text"), "conversion-artefact"),
        (("operative", 0, "clauses", 3, "text"), "conversion-artefact"),
    }
    assert "'DUBAÏ, 2014' struck" in notes[(("history",), "conversion-artefact")]
    assert "struck ','" in notes[(("preamble", 1, "items", 3, "text"), "conversion-artefact")]
    assert "struck ';'" in notes[(("operative", 0, "clauses", 3, "text"), "conversion-artefact")]


def _seed_paragraphs(seed: Path) -> tuple[list[str], dict[str, str]]:
    """The seed's paragraphs (export markup removed) and its footnotes."""
    text, notes = wordtext._footnote_bodies(seed.read_text(encoding="utf-8"))
    text = wordtext._FOOTNOTE_REF.sub(lambda m: f"[^{m.group('id')}]", text)
    text = wordtext._BOOKMARK.sub("", text)
    return text.split("\n"), dict(notes)


def test_docx_from_the_seed_paragraphs_imports_to_the_same_model(
    seed: Path, tmp_path: Path
) -> None:
    paragraphs, notes = _seed_paragraphs(seed)
    assert notes  # a real footnote goes into the footnotes part
    path = build_docx(tmp_path / "59.docx", list(paragraphs), notes)
    from_docx = docx.read(str(path))
    from_text = wordtext.read(str(seed))
    assert from_docx.resolution == from_text.resolution
    assert from_docx.resolution.footnotes[0].text.startswith("Par pays en développement")
    assert from_docx.notes == from_text.notes


def test_docx_with_itu_styles_and_a_real_tracked_change(seed: Path, tmp_path: Path) -> None:
    """Styles ResNo/Restitle/Call drive the reading; w:del is not text, w:ins is."""
    paragraphs, notes = _seed_paragraphs(seed)
    lines = [p for p in paragraphs if p.strip() and not p.startswith("___")]
    styled: list[str | tuple[str, str]] = []
    for i, line in enumerate(lines):
        if i == 0:
            styled.append(("ResNo", "RÉSOLUTION 59 (RÉV.BUENOS AIRES, 2017)"))
        elif i in (1, 2):
            styled.append(("Restitle", line))
        elif "\t" not in line and i > 3 and line[0].islower() and len(line) < 200:
            styled.append(("Call", line) if not line.startswith("à ") else line)
        else:
            styled.append(line)
    path = build_docx(tmp_path / "styled.docx", styled, notes)
    # make the heading a real tracked change: "DUBAÏ, 2014" deleted, inserted after it
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    first_t = next(root.iter(qn("w:t")))
    run = first_t.getparent()
    first_t.text = "RÉSOLUTION 59 (RÉV."
    deleted = etree.SubElement(run.getparent(), qn("w:del"))
    etree.SubElement(etree.SubElement(deleted, qn("w:r")), qn("w:delText")).text = "DUBAÏ, 2014"
    inserted = etree.SubElement(run.getparent(), qn("w:ins"))
    etree.SubElement(etree.SubElement(inserted, qn("w:r")), qn("w:t")).text = "BUENOS AIRES, 2017)"
    parts["word/document.xml"] = etree.tostring(root)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    imported = docx.read(str(path))
    expected = itures.load(RES59)
    # only the newest revision is in the document's text; the rest is equal
    assert imported.resolution.model_copy(update={"history": expected.history}) == expected
    assert [h.place for h in imported.resolution.history] == ["Buenos Aires"]
    assert any("deleted text 'DUBAÏ, 2014'" in n.message for n in imported.notes)


ENGLISH = """RESOLUTION 7 (REV. DUBAI, 2018)
A test of structure
over two lines
The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
considering
a)\tthat Resolution 71 (Rev. Dubai, 2018) of this conference applies;
b)\tthat items nest:
i)\tthe first;
ii)\tthe second;
abis)\ta bis insertion,
resolves
1\tto do something;
1.1\ta sub-clause;
1.2\tanother one;
2\tto report annually to the Council and to the next plenipotentiary conference,
instructs the Secretary-General, in consultation with the Directors of the three Bureaux
to act by 2020.
"""


def test_english_structure_nesting_and_extraction() -> None:
    res = wordtext.parse_text(ENGLISH, source="t.txt").resolution
    assert res.body == "pp" and res.number == "7" and res.language == "en"
    assert res.title == "A test of structure over two lines"
    assert [h.event for h in res.history] == ["revised"]
    considering = res.preamble[0]
    assert [i.label for i in considering.items] == ["a)", "b)", "abis)"]
    assert [i.label for i in considering.items[1].items] == ["i)", "ii)"]
    resolves = res.operative[0]
    assert [c.label for c in resolves.clauses] == ["1", "2"]
    assert [c.label for c in resolves.clauses[0].clauses] == ["1.1", "1.2"]
    duties = resolves.clauses[1].deadlines
    assert [(d.every, d.event, d.report_to) for d in duties] == [
        ("year", None, "council"),
        (None, "next-pp", "pp"),
    ]
    instructs = res.operative[1]
    assert instructs.verb == "instructs"
    assert instructs.actors == ["secretary-general"]
    assert instructs.partners == ["bureau-directors"]
    assert instructs.clauses[0].label is None
    assert instructs.clauses[0].deadlines[0].by == 2020


SPANISH = """RESOLUCIÓN 59 (REV. BUENOS AIRES, 2017)
Fortalecimiento de la coordinación
La Conferencia Mundial de Desarrollo de las Telecomunicaciones (Buenos Aires, 2017),
considerando además
a)\tla Resolución 123 (Rev. Guadalajara, 2010) de la Conferencia de Plenipotenciarios,
resuelve
1\tinvitar al Director de la Oficina de Desarrollo de las Telecomunicaciones, en colaboración con el Secretario General, a que informe anualmente al Consejo.
"""


def test_spanish() -> None:
    res = wordtext.parse_text(SPANISH, source="t.txt").resolution
    assert (res.body, res.language) == ("wtdc", "es")
    assert res.preamble[0].verb == "further_considering"
    assert res.preamble[0].items[0].citations[0].target == "pp:123@2010"
    clause = res.operative[0].clauses[0]
    assert clause.actors == ["bdt-director"]
    assert clause.partners == ["secretary-general"]
    assert clause.deadlines[0].report_to == "council"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no text"),
        ("hello world\nthe end of it", "no heading"),
        ("RESOLUTION 7 (REV. DUBAI, 2018)\n", "no title"),
        ("RESOLUTION 7 (REV. SOMEWHERE)\nTitle\nconsidering\na)\tx", "adoption or revision"),
        ("RESOLUTION 7 (DUBAI, 2018)\nTitle\nconsidering\na)\tx,", "issuing body"),
    ],
)
def test_bad_input_is_a_clear_failure(text: str, message: str) -> None:
    with pytest.raises(ImportFailure, match=message):
        wordtext.parse_text(text, source="t.txt", language="en")


def test_not_a_docx_is_a_clear_failure(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFailure, match=r"not a readable \.docx"):
        docx.read(str(bad))


@pytest.mark.parametrize(
    ("text", "language", "report_to", "words"),
    [
        ("to report to the ITU Council by 2020 on it;", "en", "council", "to the ITU Council by 2020"),
        ("de faire rapport au Conseil de l'UIT d'ici à 2020;", "fr", "council", "au Conseil de l'UIT d'ici à 2020"),
        ("informar al Consejo antes de 2020;", "es", "council", "al Consejo antes de 2020"),
        # a year alone: no body reported to
        ("to act by 2020.", "en", None, "by 2020"),
    ],
)  # fmt: skip
def test_a_deadline_by_a_year_keeps_the_body_it_reports_to(
    text: str, language: str, report_to: str | None, words: str
) -> None:
    """ "to the ITU Council by 2020": the deadline reports to the Council, and
    its words are the whole phrase (deadline-mismatch reads them so)."""
    from itures.importers.extract import deadlines

    (found,) = deadlines(text, language)
    assert (found.by, found.report_to, found.text) == (2020, report_to, words)


def test_a_recurring_report_before_a_year_keeps_both_deadlines() -> None:
    """'annually to the Council by 2020': the report every year, and the
    deadline by 2020 (its body is the recurring one's, not told twice)."""
    from itures.importers.extract import deadlines

    found = deadlines("to report annually to the Council by 2020", "en")
    assert [(d.every, d.by, d.report_to, d.text) for d in found] == [
        ("year", None, "council", "annually to the Council"),
        (None, 2020, None, "by 2020"),
    ]
