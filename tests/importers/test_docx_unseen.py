"""What a Word document holds but does not show is not its text: a tracked
deletion (a whole paragraph too), the old place of a tracked move, hidden
text, a text box beside the text (and Word's second copy of it). Each is left
out and said once, where it was; the visible text is imported as it reads."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from itures.importers import docx
from itures.importers.build import Imported
from tests.importers.docxbuild import build_docx

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PARAGRAPHS: list[str | tuple[str, str]] = [
    "RESOLUTION 7 (REV. DUBAI, 2018)",
    "A test of what Word does not show",
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
    "considering",
    "a)\tthat the work goes on;",
    "b)\tthat it goes well,",
    "resolves",
    "1\tto do something;",
    "2\tto do something else;",
    "3\tto report on it.",
]


def _edited(tmp_path: Path, edit: Any) -> Imported:
    """The document of PARAGRAPHS, its XML changed by ``edit(body)``, imported."""
    path = build_docx(tmp_path / "doc.docx", PARAGRAPHS, {})
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    edit(root.find(qn("w:body")))
    parts["word/document.xml"] = etree.tostring(root)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return docx.read(str(path))


def _paragraph(body: Any, starts: str) -> Any:
    for p in body.iter(qn("w:p")):
        if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith(starts):
            return p
    raise AssertionError(starts)


def _run(parent: Any, text: str, tag: str = "w:t") -> Any:
    r = etree.SubElement(parent, qn("w:r"))
    etree.SubElement(r, qn(tag)).text = text
    return r


def _clauses(imported: Imported) -> list[tuple[str | None, str]]:
    return [(c.label, c.text) for c in imported.resolution.operative[0].clauses]


def test_a_paragraph_deleted_whole_is_left_out_and_said(tmp_path: Path) -> None:
    def edit(body: Any) -> None:
        p = _paragraph(body, "2")
        for r in list(p.iter(qn("w:r"))):  # every run of it, its tab too, deleted
            deleted = etree.SubElement(p, qn("w:del"))
            deleted.append(r)
            for t in r.iter(qn("w:t")):
                t.tag = qn("w:delText")

    imported = _edited(tmp_path, edit)
    assert _clauses(imported) == [("1", "to do something;"), ("3", "to report on it.")]
    said = [(n.path, n.message) for n in imported.notes if "deleted paragraph" in n.message]
    # (said at the entry it followed)
    assert said == [
        (
            ("operative", 0, "clauses", 0, "text"),
            "tracked change: deleted paragraph '2\\tto do something else;' not kept "
            "(paragraph 9, after this entry)",
        )
    ]


def test_the_old_place_of_a_tracked_move_is_not_text(tmp_path: Path) -> None:
    def edit(body: Any) -> None:
        p = _paragraph(body, "1")
        moved = etree.SubElement(p, qn("w:moveFrom"))
        _run(moved, " and something more")
        to = etree.SubElement(_paragraph(body, "3"), qn("w:moveTo"))
        _run(to, " and something more")

    imported = _edited(tmp_path, edit)
    clauses = dict(_clauses(imported))
    assert clauses["1"] == "to do something;"
    assert clauses["3"] == "to report on it. and something more"
    assert any(
        "text moved away from here 'and something more' not kept here" in n.message
        for n in imported.notes
    )


def test_hidden_text_is_not_text(tmp_path: Path) -> None:
    def edit(body: Any) -> None:
        p = _paragraph(body, "2")
        r = _run(p, " [NOTE: check this]")
        rpr = etree.Element(qn("w:rPr"))
        etree.SubElement(rpr, qn("w:vanish"))
        r.insert(0, rpr)
        shown = _run(p, "")  # a run marked not hidden (w:val="0") is text
        rpr = etree.Element(qn("w:rPr"))
        etree.SubElement(rpr, qn("w:vanish"), {qn("w:val"): "0"})
        shown.insert(0, rpr)
        shown.find(qn("w:t")).text = " (shown)"

    imported = _edited(tmp_path, edit)
    assert dict(_clauses(imported))["2"] == "to do something else; (shown)"
    assert [n.message for n in imported.notes if "hidden" in n.message] == [
        "hidden text '[NOTE: check this]' not kept (Word does not show it)"
    ]


def test_a_text_box_is_left_out_once_and_said(tmp_path: Path) -> None:
    def box(parent: Any, text: str) -> None:
        content = etree.SubElement(parent, qn("w:txbxContent"))
        _run(etree.SubElement(content, qn("w:p")), text)

    def edit(body: Any) -> None:
        p = _paragraph(body, "1")
        run = etree.SubElement(p, qn("w:r"))
        alternate = etree.SubElement(run, f"{{{MC}}}AlternateContent")
        box(etree.SubElement(alternate, f"{{{MC}}}Choice"), "Note: to be confirmed.")
        box(etree.SubElement(alternate, f"{{{MC}}}Fallback"), "Note: to be confirmed.")

    imported = _edited(tmp_path, edit)
    assert _clauses(imported) == [
        ("1", "to do something;"),
        ("2", "to do something else;"),
        ("3", "to report on it."),
    ]
    said = [n.message for n in imported.notes if "text box" in n.message]
    assert said == ["text box 'Note: to be confirmed.' left out (in paragraph 8)"]
    # the paragraphs after it keep their numbers
    assert imported.notes == _edited(tmp_path, lambda body: None).notes + [
        n for n in imported.notes if "text box" in n.message
    ]


def _table_after(body: Any, starts: str, rows: list[list[str]]) -> None:
    p = _paragraph(body, starts)
    tbl = etree.Element(qn("w:tbl"))
    for row in rows:
        tr = etree.SubElement(tbl, qn("w:tr"))
        for cell in row:
            _run(etree.SubElement(etree.SubElement(tr, qn("w:tc")), qn("w:p")), cell)
    p.addnext(tbl)


def _report(imported: Imported, tmp_path: Path) -> list[tuple[str, str | None, str]]:
    from itures import importers

    targets = importers.plan([imported], str(tmp_path / "out.yaml"))
    importers.write(targets, force=True)
    return [(d.rule, d.pointer, d.message) for d in importers.diagnostics(targets)]


def test_a_table_between_clauses_is_one_entry_and_one_finding(tmp_path: Path) -> None:
    rows = [["Sector", "Group"], ["ITU-R", "RAG"], ["ITU-T", "TSAG"]]
    imported = _edited(tmp_path, lambda body: _table_after(body, "2", rows))
    assert _clauses(imported) == [
        ("1", "to do something;"),
        ("2", "to do something else;"),
        (None, "Sector Group ITU-R RAG ITU-T TSAG"),
        ("3", "to report on it."),
    ]
    found = _report(imported, tmp_path)
    assert [(rule, pointer) for rule, pointer, _ in found] == [
        ("conversion-artefact", "/operative/0/clauses/2/text")
    ]
    assert "a table (3 rows, 2 columns, paragraph 10) read as the text of one entry" in found[0][2]
    assert "'Sector | Group / ITU-R | RAG / ITU-T | TSAG'" in found[0][2]


def test_a_table_after_an_entry_that_announces_it_goes_into_that_entry(tmp_path: Path) -> None:
    def edit(body: Any) -> None:
        p = _paragraph(body, "2")
        p.findall(qn("w:r"))[-1].find(qn("w:t")).text = "to do as follows:"
        _table_after(body, "2", [["a", "b"]])

    imported = _edited(tmp_path, edit)
    assert _clauses(imported)[1] == ("2", "to do as follows: a b")
    found = _report(imported, tmp_path)
    # (its end mark is the table's doing: the note says so, once)
    assert [(rule, pointer) for rule, pointer, _ in found] == [
        ("conversion-artefact", "/operative/0/clauses/1/text")
    ]


def test_what_is_seen_in_a_paragraph_that_continues_an_entry_is_noted(tmp_path: Path) -> None:
    def edit(body: Any) -> None:
        p = _paragraph(body, "2")
        p.findall(qn("w:r"))[-1].find(qn("w:t")).text = "to do something else and"
        after = etree.Element(qn("w:p"))
        _run(after, "more;")
        gone = etree.SubElement(after, qn("w:del"))
        _run(gone, " at once", tag="w:delText")
        p.addnext(after)

    imported = _edited(tmp_path, edit)
    assert _clauses(imported)[1] == ("2", "to do something else and more;")
    assert [n.path for n in imported.notes if "' at once' not kept" in n.message] == [
        ("operative", 0, "clauses", 1, "text")
    ]


def test_an_endnote_is_imported_as_a_footnote_and_said(tmp_path: Path) -> None:
    """An endnote (its marker and its text) was dropped without a word. It is
    a footnote of the resolution, numbered after the footnotes before it, and
    the import says so where it is."""
    paragraphs = list(PARAGRAPHS)
    paragraphs[4] = "a)\tthat the work[^1] goes on[^@1];"
    paragraphs[8] = "2\tto do something else[^@2];"
    path = build_docx(
        tmp_path / "doc.docx",
        paragraphs,
        {"1": "A footnote."},
        endnotes={"1": "An endnote.", "2": "Another endnote."},
    )
    imported = docx.read(str(path))
    res = imported.resolution
    assert [(f.id, f.text) for f in res.footnotes] == [
        ("1", "A footnote."),
        ("2", "An endnote."),
        ("3", "Another endnote."),
    ]
    assert res.preamble[0].items[0].text == "that the work[^1] goes on[^2];"
    assert res.operative[0].clauses[1].text == "to do something else[^3];"
    said = [n.message for n in imported.notes if "endnote" in n.message]
    assert len(said) == 2 and "[^2]" in said[0] and "[^3]" in said[1]


def test_a_break_beside_a_blank_is_one_blank(tmp_path: Path) -> None:
    """'to do <page break>something': a break reads as a blank, and the blank
    typed beside it made two, which the check then reported (Word shows one
    word on each line, or page). Two breaks in a row are one blank too."""

    def edit(body: Any) -> None:
        p = _paragraph(body, "1")
        for r in list(p.iter(qn("w:r"))):
            p.remove(r)
        _run(p, "1")
        etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:tab"))
        _run(p, "to do ")
        br = etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:br"))
        br.set(qn("w:type"), "page")
        _run(p, "something, then")
        etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:br"))
        etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:br"))
        _run(p, "more;")

    imported = _edited(tmp_path, edit)
    assert _clauses(imported)[0] == ("1", "to do something, then more;")


def test_a_table_in_an_annex_is_not_told_to_move_to_an_annex(tmp_path: Path) -> None:
    def edit(body: Any) -> None:
        last = _paragraph(body, "3")
        for text in ("ANNEX TO RESOLUTION 7", "The work of the Sectors"):
            p = etree.Element(qn("w:p"))
            _run(p, text)
            last.addnext(p)
            last = p
        _table_after(body, "The work of the Sectors", [["Sector", "Group"], ["ITU-R", "RAG"]])

    imported = _edited(tmp_path, edit)
    found = _report(imported, tmp_path)
    tables = [(pointer, message) for _, pointer, message in found if "a table" in message]
    assert len(tables) == 1 and (tables[0][0] or "").startswith("/annexes/0/"), found
    assert "move it to an annex" not in tables[0][1]
    assert "an annex's paragraphs hold no table" in tables[0][1]
