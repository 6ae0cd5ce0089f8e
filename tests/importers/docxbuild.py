"""Build a .docx from paragraphs, with real footnotes, for the import tests.

python-docx has no footnote API, so the footnotes part is written with lxml
and added to the package through python-docx's OPC layer: a part of content
type ``...footnotes+xml`` related from the document part, holding the
separator footnotes Word writes and one ``w:footnote`` per note; the text
refers to a note with a run holding ``w:footnoteReference``.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_MARKER = re.compile(r"\[\^(?P<id>[^\]]+)\]")


def _footnotes_xml(notes: dict[str, str], kind_of: str = "footnote") -> bytes:
    root = etree.Element(qn(f"w:{kind_of}s"), nsmap={"w": W})
    for fid, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        fn = etree.SubElement(root, qn(f"w:{kind_of}"), {qn("w:type"): kind, qn("w:id"): fid})
        r = etree.SubElement(etree.SubElement(fn, qn("w:p")), qn("w:r"))
        etree.SubElement(r, qn("w:separator" if fid == "-1" else "w:continuationSeparator"))
    for fid, text in notes.items():
        fn = etree.SubElement(root, qn(f"w:{kind_of}"), {qn("w:id"): fid})
        p = etree.SubElement(fn, qn("w:p"))
        ref = etree.SubElement(p, qn("w:r"))
        etree.SubElement(ref, qn(f"w:{kind_of}Ref"))
        etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:tab"))
        t = etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:t"))
        t.text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_text(paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
    """Runs for text with tabs, non-breaking hyphens and footnote markers."""
    for piece in re.split(r"(\t|\u2011|\[\^[^\]]+\])", text):
        if not piece:
            continue
        run = paragraph.add_run()
        if piece == "\t":
            run._r.append(run._r.makeelement(qn("w:tab"), {}))
        elif piece == "\u2011":
            run._r.append(run._r.makeelement(qn("w:noBreakHyphen"), {}))
        elif m := _MARKER.fullmatch(piece):
            # ("[^@N]": endnote N)
            fid = m.group("id")
            tag = "w:endnoteReference" if fid.startswith("@") else "w:footnoteReference"
            ref = run._r.makeelement(qn(tag), {qn("w:id"): fid.lstrip("@")})
            run._r.append(ref)
        else:
            run.text = piece


def build_docx(
    path: Path,
    paragraphs: list[str | tuple[str, str]],
    footnotes: dict[str, str],
    endnotes: dict[str, str] | None = None,
) -> Path:
    """Write a .docx: each paragraph a text or (style, text); ``[^N]`` refers to
    footnote N, ``[^@N]`` to endnote N."""
    document = Document()
    for entry in paragraphs:
        style, text = entry if isinstance(entry, tuple) else (None, entry)
        if style is not None and style not in [s.name for s in document.styles]:
            document.styles.add_style(style, 1)  # 1: a paragraph style
        paragraph = document.add_paragraph(style=style)
        _add_text(paragraph, text)
    if footnotes:
        part = Part(
            PackURI("/word/footnotes.xml"),
            CT.WML_FOOTNOTES,
            _footnotes_xml(footnotes),
            document.part.package,
        )
        document.part.relate_to(part, RT.FOOTNOTES)
    if endnotes:
        part = Part(
            PackURI("/word/endnotes.xml"),
            CT.WML_ENDNOTES,
            _footnotes_xml(endnotes, "endnote"),
            document.part.package,
        )
        document.part.relate_to(part, RT.ENDNOTES)
    document.save(str(path))
    return path
