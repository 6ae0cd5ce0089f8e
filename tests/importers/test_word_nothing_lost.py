"""Nothing of a Word source is lost or changed in silence, and what cannot be
read is said plainly: a footnote nothing marks, a symbol inserted from a
symbol font, a tracked deletion wherever it is (the conference formula, the
title, a heading, a footnote), a deleted footnote reference, a label written
otherwise than ITU's style, a heading naming no actor of the vocabulary; a
document in a language the importer does not read, a Word 97-2003 .doc, a
text export named .docx, UTF-16 without its byte order mark."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from itures.importers import ImportFailure, docx, import_file, wordtext
from itures.importers.build import Imported
from tests.conftest import run_cli
from tests.importers.docxbuild import build_docx

PARAGRAPHS: list[str | tuple[str, str]] = [
    "RESOLUTION 7 (REV. DUBAI, 2018)",
    "A test of what is said",
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
    "considering",
    "a)\tthat the work goes on[^1];",
    "b)\tthat it goes well,",
    "resolves",
    "1\tto hold one informal meeting;",
    "2\tto do something else;",
    "3\tto report on it.",
]
FOOTNOTES = {"1": "A note on the work."}
TEXT = "\n".join(p if isinstance(p, str) else p[1] for p in PARAGRAPHS).replace(
    "[^1]", "[footnoteRef:1]1 [1: 1\tA note on the work.]"
)


def _edited(
    tmp_path: Path, edit: Any, footnotes: dict[str, str] | None = None, part: str = "document"
) -> Path:
    """The .docx of PARAGRAPHS, the XML of its ``part`` changed by ``edit(root)``."""
    path = build_docx(
        tmp_path / "doc.docx", PARAGRAPHS, FOOTNOTES if footnotes is None else footnotes
    )
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    name = f"word/{part}.xml"
    root = etree.fromstring(parts[name])
    edit(root)
    parts[name] = etree.tostring(root)
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    return path


def _paragraph(root: Any, starts: str) -> Any:
    for p in root.iter(qn("w:p")):
        if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith(starts):
            return p
    raise AssertionError(starts)


def _delete(p: Any, text: str) -> None:
    """A tracked deletion of ``text`` at the end of paragraph ``p``."""
    deleted = etree.SubElement(p, qn("w:del"), {qn("w:id"): "9", qn("w:author"): "x"})
    etree.SubElement(etree.SubElement(deleted, qn("w:r")), qn("w:delText")).text = text


def _said(imported: Imported) -> list[tuple[tuple[str | int, ...], str]]:
    return [(n.path, n.message) for n in imported.notes]


def _report(tmp_path: Path, source: Path, *more: str) -> tuple[int, dict[str, Any], str]:
    done = run_cli(
        "import", str(source), "-o", str(tmp_path / "out"), "--format", "json", *more,
        env={"ITURES_DAEMON": "off"},
    )  # fmt: skip
    return done.returncode, json.loads(done.stdout), done.stderr


# -- 1. a footnote nothing marks --------------------------------------------------


def test_a_docx_footnote_nothing_marks_is_kept_and_check_says_so(tmp_path: Path) -> None:
    notes = {**FOOTNOTES, "2": "An orphan note of the secretariat."}
    path = build_docx(tmp_path / "doc.docx", PARAGRAPHS, notes)
    res = docx.read(str(path)).resolution
    assert [(f.id, f.text) for f in res.footnotes] == [
        ("1", "A note on the work."),
        ("2", "An orphan note of the secretariat."),
    ]
    code, report, _ = _report(tmp_path, path)
    assert code == 0
    assert [d["rule"] for d in report["diagnostics"]] == ["footnote-unused"]


def test_an_unmarked_footnote_whose_id_is_a_mark_takes_the_next_number(tmp_path: Path) -> None:
    # footnote w:id 5 is displayed as 1; the one nothing marks has w:id 1
    paragraphs = [p.replace("[^1]", "[^5]") if isinstance(p, str) else p for p in PARAGRAPHS]
    path = build_docx(tmp_path / "doc.docx", paragraphs, {"5": "Marked.", "1": "Orphan."})
    res = docx.read(str(path)).resolution
    assert [(f.id, f.text) for f in res.footnotes] == [("1", "Marked."), ("2", "Orphan.")]


# -- 4. a deleted footnote reference --------------------------------------------


def test_a_deleted_footnote_reference_and_its_footnote_are_said(tmp_path: Path) -> None:
    def edit(root: Any) -> None:
        ref = next(root.iter(qn("w:footnoteReference")))
        run = ref.getparent()
        deleted = etree.Element(qn("w:del"), {qn("w:id"): "9", qn("w:author"): "x"})
        run.addprevious(deleted)
        deleted.append(run)

    imported = docx.read(str(_edited(tmp_path, edit)))
    assert imported.resolution.footnotes == []
    assert imported.resolution.preamble[0].items[0].text == "that the work goes on;"
    assert _said(imported) == [
        (
            ("preamble", 0, "items", 0, "text"),
            "tracked change: deleted footnote reference 1 and its footnote "
            "'A note on the work.' not kept",
        )
    ]


# -- 2. Insert > Symbol -----------------------------------------------------------


def _symbol(font: str, char: str) -> Any:
    def edit(root: Any) -> None:
        p = _paragraph(root, "1")
        ts = list(p.iter(qn("w:t")))
        ts[-1].text = "to hold one"
        run = etree.SubElement(p, qn("w:r"))
        etree.SubElement(run, qn("w:sym"), {qn("w:font"): font, qn("w:char"): char})
        etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:t")).text = "informal meeting;"

    return edit


@pytest.mark.parametrize(
    ("char", "shown"), [("F0B3", "≥"), ("F061", "α"), ("F0A3", "≤"), ("00B3", "≥")]
)
def test_a_symbol_of_the_symbol_font_is_its_character(
    tmp_path: Path, char: str, shown: str
) -> None:
    imported = docx.read(str(_edited(tmp_path, _symbol("Symbol", char))))
    clause = imported.resolution.operative[0].clauses[0]
    assert clause.text == f"to hold one{shown}informal meeting;"
    assert _said(imported) == []


def test_a_symbol_of_another_font_is_kept_visible_and_said_once(tmp_path: Path) -> None:
    path = _edited(tmp_path, _symbol("Wingdings", "F0FC"))
    imported = docx.read(str(path))
    clause = imported.resolution.operative[0].clauses[0]
    assert clause.text == "to hold one\ufffdinformal meeting;"
    [note] = imported.notes
    assert "the symbol 'F0FC' of the font 'Wingdings'" in note.message
    _, report, _ = _report(tmp_path, path)
    # one finding: check's, with where the import saw it
    [finding] = [d for d in report["diagnostics"] if d["pointer"] == "/operative/0/clauses/0/text"]
    assert finding["rule"] == "conversion-artefact"
    assert "the symbol 'F0FC' of the font 'Wingdings'" in finding["message"]


# -- 3. tracked deletions wherever text is read -----------------------------------


@pytest.mark.parametrize(
    ("starts", "path"),
    [
        ("The Plenipotentiary", ("conference",)),
        ("A test", ("title",)),
        ("considering", ("preamble", 0, "heading")),
        ("resolves", ("operative", 0, "heading")),
        ("b)", ("preamble", 0, "items", 1, "text")),
    ],
)
def test_a_tracked_deletion_is_said_wherever_it_is(
    tmp_path: Path, starts: str, path: tuple[str | int, ...]
) -> None:
    imported = docx.read(
        str(_edited(tmp_path, lambda root: _delete(_paragraph(root, starts), "X")))
    )
    assert _said(imported) == [(path, "tracked change: deleted text 'X' not kept")]


def test_a_tracked_deletion_in_a_footnote_is_said(tmp_path: Path) -> None:
    def edit(root: Any) -> None:
        _delete(_paragraph(root, "A note"), " (struck)")

    path = _edited(tmp_path, lambda root: None)
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if "footnotes" in n)
    imported = docx.read(str(_edited(tmp_path, edit, part=Path(name).stem)))
    assert imported.resolution.footnotes[0].text == "A note on the work."
    assert _said(imported) == [
        (("footnotes", 0, "text"), "tracked change: deleted text ' (struck)' not kept")
    ]


def test_a_tracked_deletion_in_a_page_line_left_out_is_said(tmp_path: Path) -> None:
    paragraphs = [*PARAGRAPHS[:7], "- 2 -", *PARAGRAPHS[7:]]
    path = build_docx(tmp_path / "doc.docx", paragraphs, FOOTNOTES)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    _delete(_paragraph(root, "- 2 -"), "old")
    parts["word/document.xml"] = etree.tostring(root)
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    said = [m for _, m in _said(docx.read(str(path)))]
    assert any(m.startswith("tracked change: deleted text 'old' not kept") for m in said)


# -- 5. languages the importer does not read -------------------------------------

FOREIGN = {
    "Russian": "РЕЗОЛЮЦИЯ 58 (ПЕРЕСМ. ПУСАН, 2014)\nУкрепление связей с региональными организациями",
    "Chinese": "第58号决议（2014年，釜山，修订版）\n加强与区域性电信组织的关系",
    "Arabic": "القرار 58 (المراجَع في بوسان، 2014)\nتعزيز العلاقات مع المنظمات الإقليمية للاتصالات",
}


@pytest.mark.parametrize("seen", sorted(FOREIGN))
@pytest.mark.parametrize("language", [None, "en"])
def test_a_document_in_another_script_is_said_plainly(seen: str, language: str | None) -> None:
    with pytest.raises(ImportFailure) as failed:
        wordtext.parse_text(FOREIGN[seen], source="t.txt", language=language)
    message = failed.value.message
    assert message.startswith(f"the document is in {seen} (its text is in ")
    assert "English, French and Spanish only (en, fr, es)" in message
    assert "--language" not in message


def test_a_foreign_docx_refused_in_the_json_report_too(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "ru.docx", FOREIGN["Russian"].split("\n"), {})
    code, report, stderr = _report(tmp_path, path)
    assert code == 1
    [failure] = report["summary"]["failures"]
    assert "the document is in Russian" in failure and failure in stderr
    assert report["diagnostics"] == []


# -- 6. what a file is, from its first bytes ---------------------------------------

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize("name", ["r.doc", "r.docx", "r.txt"])
def test_a_word_97_document_is_said_to_be_one(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(OLE2 + b"\x00" * 600 + "RÉSOLUTION".encode("cp1252") + b"\x00" * 100)
    done = run_cli("import", str(path), "-o", str(tmp_path / "out"), env={"ITURES_DAEMON": "off"})
    assert done.returncode == 1
    assert "a Word 97-2003 .doc file" in done.stderr
    assert "save it as .docx (or as text)" in done.stderr


def test_a_text_export_named_docx_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_text(TEXT, encoding="utf-8")
    result = import_file(str(path))
    [imported] = result.imported
    assert imported.resolution.operative[0].clauses[0].text == "to hold one informal meeting;"
    assert "r.docx is named as a .docx but is text" in imported.notes[0].message
    code, _, stderr = _report(tmp_path, path)
    assert code == 0 and "zip file" not in stderr


def test_a_binary_named_docx_is_said_not_to_be_one(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(b"\x01\x02\x00\x00garbage\x00")
    with pytest.raises(ImportFailure) as failed:
        import_file(str(path))
    assert failed.value.message.startswith("not a .docx file: a .docx is a zip package")
    assert "01 02 00 00" in failed.value.message


@pytest.mark.parametrize(("codec", "order"), [("utf-16-le", "little"), ("utf-16-be", "big")])
def test_utf16_without_its_mark_is_said(tmp_path: Path, codec: str, order: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode(codec))
    with pytest.raises(ImportFailure) as failed:
        import_file(str(path))
    assert failed.value.message.startswith(f"the text is UTF-16 ({order}-endian) without a byte")
    assert "\\x00" not in str(failed.value)


def test_utf16_with_its_mark_and_a_nul_in_utf8_are_read(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    assert import_file(str(path)).imported
    path.write_bytes(TEXT.replace("informal", "inf\x00ormal").encode("utf-8"))
    assert import_file(str(path)).imported


# -- 7. labels written otherwise than ITU's style ----------------------------------


def _entries(text: str) -> list[tuple[str | None, str]]:
    res = wordtext.parse_text(text, source="t.txt", language="en").resolution
    return [(c.label, c.text) for c in res.operative[0].clauses] + [
        (i.label, i.text) for i in res.preamble[0].items
    ]


@pytest.mark.parametrize(
    ("old", "new", "label"),
    [
        ("2\tto do", "2.\tto do", "2"),
        ("2\tto do", "(2)\tto do", "2"),
        ("b)\tthat it", "b\tthat it", "b)"),
        ("b)\tthat it", "(b)\tthat it", "b)"),
        ("b)\tthat it", "b.\tthat it", "b)"),
        ("b)\tthat it", "B)\tthat it", "b)"),
    ],
)
def test_a_label_written_otherwise_is_read_in_itus_style_and_said(
    old: str, new: str, label: str
) -> None:
    imported = wordtext.parse_text(TEXT.replace(old, new), source="t.txt", language="en")
    assert imported.resolution == wordtext.parse_text(TEXT, source="t.txt").resolution
    written = new.split("\t")[0]
    [said] = [m for _, m in _said(imported) if "and a tab" in m]
    assert said.startswith(
        f"the paragraph starts with {written!r} and a tab: read as the label {label!r}"
    )


def test_a_bare_letter_is_a_label_only_between_its_neighbours() -> None:
    # "a<TAB>" opening an unlabelled list is a word, not a label
    text = TEXT.replace("a)\tthat the work", "a\tthat the work").replace("b)\tthat it", "that it")
    items = wordtext.parse_text(text, source="t.txt", language="en").resolution.preamble[0].items
    assert items[0].label is None and items[0].text.startswith("a\tthat the work")


WORDS = st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=8)


def _words(clauses: list[Any]) -> list[str]:
    out: list[str] = []
    for c in clauses:
        out += re.findall(r"\w+", f"{c.label or ''} {c.text}".lower()) + _words(c.clauses)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["2.", "(2)", "2)", "2", "b", "(b)", "b.", "B)", "a", "y"]), WORDS)
def test_no_word_of_a_paragraph_is_lost_whatever_its_label(written: str, words: list[str]) -> None:
    line = f"{written}\t{' '.join(words)};"
    text = TEXT.replace("2\tto do something else;", line)
    res = wordtext.parse_text(text, source="t.txt", language="en").resolution
    source = "\n".join(text.split("\n")[7:])
    # (a label's letter is written in lower case, "B)" -> "b)")
    assert _words(res.operative[0].clauses) == re.findall(r"\w+", source.lower())


# -- 8. an operative heading naming no actor of the vocabulary ---------------------


def test_a_heading_naming_no_known_actor_is_said() -> None:
    text = TEXT.replace(
        "resolves", "instructs the Director of the Regional Office for the Americas"
    )
    imported = wordtext.parse_text(text, source="t.txt", language="en")
    assert imported.resolution.operative[0].actors == []
    assert _said(imported) == [
        (
            ("operative", 0, "heading"),
            "the heading's words 'the Director of the Regional Office for the Americas' name "
            "no actor of the vocabulary (schema/actors.yaml): the section addresses nobody in "
            "'actors'; if they name an actor of the vocabulary, give its identifier there",
        )
    ]


def test_a_heading_naming_a_known_actor_says_nothing() -> None:
    text = TEXT.replace("resolves", "instructs the Secretary-General")
    imported = wordtext.parse_text(text, source="t.txt", language="en")
    assert imported.resolution.operative[0].actors == ["secretary-general"]
    assert _said(imported) == []
