"""Word documents (.docx) -> a resolution.

The document is opened with python-docx; paragraph text is read from the XML
so that nothing Word stores outside plain runs is lost or invented:

* ``w:t`` text, inserted text (``w:ins``) included; deleted text
  (``w:delText``, a tracked deletion) is not the document's text and is left
  out, noted where the paragraph lands;
* ``w:tab`` -> tab (which ends a label), ``w:br`` -> a space,
  ``w:noBreakHyphen`` -> U+2011, ``w:softHyphen`` -> nothing, field
  instructions skipped;
* ``w:footnoteReference`` -> ``[^N]`` where N is the footnote's mark as
  displayed (its number in order of reference, or its custom mark); the
  footnote texts come from the document's footnotes part.

Paragraph styles of ITU's templates (``ResNo``, ``Restitle``, ``Call``) are
used when present, text patterns otherwise (see :mod:`.paragraphs`).
"""

from __future__ import annotations

from typing import Any

from itures.importers.build import Imported, ImportFailure
from itures.importers.paragraphs import Para, build

__all__ = ["read"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _text(p: Any, marks: dict[str, str], deleted: list[str]) -> str:
    """The text of a w:p element (see the module docstring)."""
    out: list[str] = []
    custom_next = False
    for el in p.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag == f"{_W}t":
            if custom_next:
                custom_next = False
                continue
            out.append(el.text or "")
        elif tag == f"{_W}delText":
            if el.text:
                deleted.append(el.text)
        elif tag == f"{_W}tab" and el.getparent() is not None and el.getparent().tag == f"{_W}r":
            out.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append(" ")
        elif tag == f"{_W}noBreakHyphen":
            out.append("\u2011")
        elif tag == f"{_W}footnoteReference":
            fid = el.get(f"{_W}id", "")
            if el.get(f"{_W}customMarkFollows") in ("1", "true", "on"):
                custom_next = True
                run = el.getparent()
                mark = "".join(t.text or "" for t in run.iter(f"{_W}t")) if run is not None else ""
                marks.setdefault(fid, mark.strip() or fid)
            else:
                marks.setdefault(fid, str(sum(1 for v in marks.values() if v.isdigit()) + 1))
            out.append(f"[^{marks[fid]}]")
    return "".join(out)


def _footnotes(document: Any, marks: dict[str, str]) -> list[tuple[str, str]]:
    from lxml import etree

    part = None
    for rel in document.part.rels.values():
        if rel.reltype == FOOTNOTES_REL and not rel.is_external:
            part = rel.target_part
            break
    if part is None:
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    root = etree.fromstring(part.blob, parser)
    bodies: dict[str, str] = {}
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        fid = note.get(f"{_W}id", "")
        paras = []
        for p in note.iter(f"{_W}p"):
            paras.append(_text(p, {}, []))
        text = " ".join(" ".join(paras).split("\t")).strip()
        bodies[fid] = " ".join(text.split())
    out = []
    for fid, mark in marks.items():
        if bodies.get(fid):
            # a custom mark is also typed at the start of the footnote's text
            text = bodies[fid]
            if text.startswith(mark + " "):
                text = text[len(mark) + 1 :]
            out.append((mark, text))
    return out


def read(path: str, *, body: str | None = None, language: str | None = None) -> Imported:
    """Import a .docx file."""
    try:
        import docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise ImportFailure("python-docx is needed to import .docx files", where=path) from None
    try:
        document = docx.Document(path)
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise ImportFailure(f"not a readable .docx file ({exc})", where=path) from None
    styles: dict[str, str] = {}
    for style in document.styles:
        sid = getattr(style, "style_id", None)
        if sid:
            styles[sid] = style.name or sid
    marks: dict[str, str] = {}
    paras: list[Para] = []
    body_el = document.element.body
    for n, p in enumerate(body_el.iter(f"{_W}p"), start=1):
        deleted: list[str] = []
        text = _text(p, marks, deleted)
        style_el = p.find(f"{_W}pPr/{_W}pStyle")
        style = None
        if style_el is not None:
            sid = style_el.get(f"{_W}val", "")
            style = styles.get(sid, sid)
        changes = [f"tracked change: deleted text {d!r} not kept" for d in deleted if d.strip()]
        paras.append(Para(text, f"paragraph {n}", style, changes))
    footnotes = _footnotes(document, marks)
    return build(paras, footnotes, source=path, body=body, language=language)
