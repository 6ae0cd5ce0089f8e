"""ITU's paragraph styles misapplied in a .docx: the heading style (Call) on
what is not a section heading is read for what the text is, not as a new
section that moves the text across the document or drops it."""

from __future__ import annotations

from pathlib import Path

from itures.importers import docx
from itures.importers.build import Imported
from tests.importers.docxbuild import build_docx

HEAD: list[str | tuple[str, str]] = [
    ("ResNo", "RESOLUTION 7 (REV. DUBAI, 2018)"),
    ("Restitle", "A test of styles"),
    ("Restitle", "over two lines"),
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
]
BODY: list[str | tuple[str, str]] = [
    ("Call", "considering"),
    "a)\tthat the work goes on;",
    "b)\tthat it goes well,",
    ("Call", "resolves"),
    "1\tto do something;",
    "2\tto invite the Director",
    "to report annually to the Council.",
]


def _read(
    tmp_path: Path, paragraphs: list[str | tuple[str, str]], notes: dict[str, str]
) -> Imported:
    return docx.read(str(build_docx(tmp_path / "doc.docx", paragraphs, notes)))


def test_the_document_as_styled_reads_clean(tmp_path: Path) -> None:
    res = _read(tmp_path, HEAD + BODY, {}).resolution
    assert res.title == "A test of styles over two lines"
    assert res.operative[0].clauses[1].text == (
        "to invite the Director to report annually to the Council."
    )


def test_the_rest_of_a_cut_entry_in_the_heading_style_stays_in_the_entry(tmp_path: Path) -> None:
    body = [*BODY[:-1], ("Call", BODY[-1])]
    imported = _read(tmp_path, HEAD + body, {})
    res = imported.resolution
    assert [s.verb for s in res.operative] == ["resolves"]
    assert res.operative[0].clauses[1].text == (
        "to invite the Director to report annually to the Council."
    )
    (note,) = [n for n in imported.notes if "style of a section heading" in n.message]
    assert note.path == ("operative", 0, "clauses", 1, "text")


def test_a_title_line_in_the_heading_style_stays_in_the_title(tmp_path: Path) -> None:
    head = [HEAD[0], HEAD[1], ("Call", "over two lines"), HEAD[3]]
    res = _read(tmp_path, head + BODY, {}).resolution
    assert res.title == "A test of styles over two lines"
    assert res.conference is not None and res.conference.endswith("(Dubai, 2018),")
    assert [s.verb for s in res.preamble] == ["considering"]


def test_a_heading_with_a_footnote_marker_is_read_as_its_verb(tmp_path: Path) -> None:
    body = [("Call", "considering[^1]"), *BODY[1:]]
    res = _read(tmp_path, HEAD + body, {"1": "A note on the heading."}).resolution
    assert [(s.verb, s.heading) for s in res.preamble] == [("considering", "considering[^1]")]
    assert [s.verb for s in res.operative] == ["resolves"]
    assert [f.text for f in res.footnotes] == ["A note on the heading."]
