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

Hostile packages (see README, "Architecture", and docs/hostile-input.md):

* **Zip bombs.** A .docx is a zip archive; before anything is unpacked, every
  part's declared size is checked: at most :data:`MAX_PART_BYTES` each,
  :data:`MAX_PACKAGE_BYTES` in all, :data:`MAX_PARTS` parts, and a part above
  a megabyte may not be compressed more than :data:`MAX_RATIO` to one (Word's
  XML compresses about ten to one; a bomb, a thousand to one). Python's
  zipfile never unpacks more than a part's declared size, so the check
  holds. A package that breaks a cap is refused, with the part and figures.
* **Entities.** Word writes characters, never entity references; a document
  with a DTD was made by hand. An internal entity of plain text
  (``<!ENTITY x "text">``) is expanded where it is used, so no text is lost;
  any other reference (an external entity, which is never read, or one whose
  text holds markup or further references) refuses the document: its text
  cannot be known, and dropping it silently would cut a title or a
  footnote. Entities never expand to more than :data:`MAX_ENTITY_CHARS`
  characters in all.
"""

from __future__ import annotations

from typing import Any

from itures.importers.build import Imported, ImportFailure
from itures.importers.paragraphs import Para, build

__all__ = ["MAX_PACKAGE_BYTES", "MAX_PARTS", "MAX_PART_BYTES", "MAX_RATIO", "read"]

# Caps on the package, checked before anything is unpacked (see the module docstring).
MAX_PART_BYTES = 25_000_000
MAX_PACKAGE_BYTES = 200_000_000
MAX_PARTS = 10_000
MAX_RATIO = 100
MAX_ENTITY_CHARS = 1_000_000

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


class _Entities:
    """The expansion of entity references (see the module docstring)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.used = 0
        # per tree: entity name -> its text, or why it has none
        self._tables: dict[int, dict[str, tuple[str | None, str]]] = {}

    def text(self, ref: Any) -> str:
        tree = ref.getroottree()
        table = self._tables.get(id(tree))
        if table is None:
            table = {}
            dtd = tree.docinfo.internalDTD
            for entity in dtd.iterentities() if dtd is not None else ():
                content = entity.content
                if content is None:
                    table[entity.name] = (None, "is an external entity (never read)")
                elif "&" in content or "<" in content:
                    table[entity.name] = (None, "holds markup or other references")
                else:
                    table[entity.name] = (content, "")
            self._tables[id(tree)] = table
        value, why = table.get(ref.name, (None, "is not defined in the document"))
        if value is None:
            raise ImportFailure(
                f"the text refers to the entity &{ref.name}; which {why}: its text cannot "
                "be known, so the document is not imported (Word never writes entity "
                "references; save the document again from Word)",
                where=self.source,
            )
        self.used += len(value)
        if self.used > MAX_ENTITY_CHARS:
            raise ImportFailure(
                f"entity references expand to more than {MAX_ENTITY_CHARS:,} characters: "
                "not imported",
                where=self.source,
            )
        return value


def _text(p: Any, marks: dict[str, str], deleted: list[str], entities: _Entities) -> str:
    """The text of a w:p element (see the module docstring)."""
    from lxml import etree

    out: list[str] = []
    custom_next = False
    skipped = None  # the w:t of a custom footnote mark
    for el in p.iter():
        tag = el.tag
        if tag is etree.Entity:
            parent = el.getparent()
            if parent is None or parent is skipped:
                continue
            if parent.tag == f"{_W}t":
                out.append(entities.text(el) + (el.tail or ""))
            elif parent.tag == f"{_W}delText":
                deleted.append(entities.text(el) + (el.tail or ""))
            continue
        if not isinstance(tag, str):
            continue
        if tag == f"{_W}t":
            if custom_next:
                custom_next = False
                skipped = el
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


def _footnotes(document: Any, marks: dict[str, str], entities: _Entities) -> list[tuple[str, str]]:
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
            paras.append(_text(p, {}, [], entities))
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


def check_package(data: bytes, source: str) -> None:
    """Refuse a package that would unpack to too much (see the module docstring)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise ImportFailure(f"not a readable .docx file ({exc})", where=source) from None
    if len(parts) > MAX_PARTS:
        raise ImportFailure(
            f"not imported: the package has {len(parts):,} parts, more than the "
            f"{MAX_PARTS:,} a .docx may have",
            where=source,
        )
    total = 0
    for part in parts:
        size, packed = part.file_size, part.compress_size
        name = ascii(part.filename)
        if size > MAX_PART_BYTES:
            raise ImportFailure(
                f"not imported: its part {name} unpacks to {size / 1e6:.1f} MB, more than "
                f"the {MAX_PART_BYTES / 1e6:.0f} MB a part of a .docx may have",
                where=source,
            )
        if size > 1_000_000 and size > MAX_RATIO * max(packed, 1):
            raise ImportFailure(
                f"not imported: its part {name} unpacks to {size / 1e6:.1f} MB from "
                f"{packed / 1e3:.1f} KB, compressed more than {MAX_RATIO} to 1 (a document "
                "built to exhaust memory, a 'zip bomb', looks like this)",
                where=source,
            )
        total += size
    if total > MAX_PACKAGE_BYTES:
        raise ImportFailure(
            f"not imported: the package unpacks to {total / 1e6:.1f} MB, more than the "
            f"{MAX_PACKAGE_BYTES / 1e6:.0f} MB a .docx may have",
            where=source,
        )


def read(
    path: str,
    *,
    body: str | None = None,
    language: str | None = None,
    data: bytes | None = None,
) -> Imported:
    """Import a .docx file (``data``: its bytes, when already read)."""
    import io

    if data is None:
        from itures.importers.source import read_source

        data = read_source(path)
    check_package(data, path)  # before python-docx is even imported
    try:
        import docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise ImportFailure("python-docx is needed to import .docx files", where=path) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise ImportFailure(f"not a readable .docx file ({exc})", where=path) from None
    entities = _Entities(path)
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
        text = _text(p, marks, deleted, entities)
        style_el = p.find(f"{_W}pPr/{_W}pStyle")
        style = None
        if style_el is not None:
            sid = style_el.get(f"{_W}val", "")
            style = styles.get(sid, sid)
        changes = [f"tracked change: deleted text {d!r} not kept" for d in deleted if d.strip()]
        paras.append(Para(text, f"paragraph {n}", style, changes))
    footnotes = _footnotes(document, marks, entities)
    return build(paras, footnotes, source=path, body=body, language=language)
