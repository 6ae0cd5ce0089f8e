"""Word documents (.docx) -> a resolution.

The document is opened with python-docx; paragraph text is read from the XML
so that nothing Word stores outside plain runs is lost or invented:

* ``w:t`` text, inserted text (``w:ins``) and moved text at its new place
  (``w:moveTo``) included; deleted text (``w:delText``, a tracked deletion),
  text at the place a tracked move took it from (``w:moveFrom``) and hidden
  text (a run with ``w:vanish``) are not the document's visible text and are
  left out, noted where the paragraph lands (a paragraph deleted whole is
  noted with its number);
* a text box's paragraphs (``w:txbxContent``: an editor's note beside the
  text, not the resolution's) are left out and noted, with their text, at the
  paragraph that anchors the box; Word's second copy of the box for older
  readers (``mc:Fallback``) is not read;
* a table (``w:tbl``) -> one paragraph of its cells' texts in order, noted
  with its rows and columns (see :func:`_table`);
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

import re
from dataclasses import dataclass, field
from typing import Any

from itures.i18n import tr
from itures.importers.build import Imported, ImportFailure
from itures.importers.paragraphs import TABLE_ADVICE, Found, Para, build, typed_label
from itures.importers.symbols import REPLACEMENT

__all__ = ["MAX_PACKAGE_BYTES", "MAX_PARTS", "MAX_PART_BYTES", "MAX_RATIO", "read"]

# Caps on the package, checked before anything is unpacked (see the module docstring).
MAX_PART_BYTES = 25_000_000
MAX_PACKAGE_BYTES = 200_000_000
MAX_PARTS = 10_000
MAX_RATIO = 100
MAX_ENTITY_CHARS = 1_000_000

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_OFF = ("0", "false", "off")


def _hidden_by(el: Any, p: Any) -> str | None:
    """Why the text of ``el`` (in paragraph ``p``) is not the paragraph's
    visible text: "deleted" (a tracked deletion), "moved" (the place a
    tracked move took it from), "hidden" (a hidden run), "box" (a text box's,
    read on its own); None when it is."""
    for anc in el.iterancestors():
        if anc is p:
            return None
        tag = anc.tag
        if tag == f"{_W}moveFrom":
            return "moved"
        if tag == f"{_W}del":
            return "deleted"
        if tag in (f"{_W}txbxContent", f"{_MC}Fallback"):
            return "box"
        if tag == f"{_W}r":
            vanish = anc.find(f"{_W}rPr/{_W}vanish")
            if vanish is not None and vanish.get(f"{_W}val", "1") not in _OFF:
                return "hidden"
    return None


FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
ENDNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


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
                    table[entity.name] = (None, tr("is an external entity (never read)"))
                elif "&" in content or "<" in content:
                    table[entity.name] = (None, tr("holds markup or other references"))
                else:
                    table[entity.name] = (content, "")
            self._tables[id(tree)] = table
        value, why = table.get(ref.name, (None, ""))
        if value is None:
            raise ImportFailure(
                tr(
                    "the text refers to the entity &{name}; which {why}: its text cannot "
                    "be known, so the document is not imported (Word never writes entity "
                    "references; save the document again from Word)",
                    name=ref.name,
                    why=why or tr("is not defined in the document"),
                ),
                where=self.source,
            )
        self.used += len(value)
        if self.used > MAX_ENTITY_CHARS:
            raise ImportFailure(
                tr(
                    "entity references expand to more than {most} characters: not imported",
                    most=format(MAX_ENTITY_CHARS, ","),
                ),
                where=self.source,
            )
        return value


def _text(
    p: Any,
    marks: dict[str, str],
    deleted: list[str],
    entities: _Entities,
    left: dict[str, list[str]] | None = None,
) -> str:
    """The text of a w:p element (see the module docstring); what is not its
    visible text goes into ``left`` by why (see :func:`_hidden_by`)."""
    from lxml import etree

    out: list[str] = []
    if left is None:
        left = {}
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
        if tag in _VISIBLE:
            why = _hidden_by(el, p)
            if why == "deleted" and tag == f"{_W}tab":
                deleted.append("\t")  # (what the deletion's text reads as)
            elif why == "deleted" and tag == f"{_W}sym":
                deleted.append(_symbol(el)[0])
            elif why is not None and why != "box":
                if tag == f"{_W}t":
                    left.setdefault(why, []).append(el.text or "")
                elif tag == f"{_W}tab":
                    left.setdefault(why, []).append("\t")
                elif tag == f"{_W}sym":
                    left.setdefault(why, []).append(_symbol(el)[0])
            if why is not None and why != "box" and tag in _REFERENCES:
                # a footnote's reference left out: the footnote goes with it (said)
                key = el.get(f"{_W}id", "")
                if tag == f"{_W}endnoteReference":
                    key = _ENDNOTE + key
                left.setdefault(f"{why} reference", []).append(key)
            if why is not None:
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
            out.append(_BREAK)
        elif tag == f"{_W}noBreakHyphen":
            out.append("\u2011")
        elif tag == f"{_W}sym":
            shown, unknown = _symbol(el)
            out.append(shown)
            if unknown:
                left.setdefault("symbol", []).append(unknown)
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
        elif tag == f"{_W}endnoteReference":
            # an endnote: a footnote of ITU texts, numbered on after the footnotes'
            fid = _ENDNOTE + el.get(f"{_W}id", "")
            marks.setdefault(fid, str(sum(1 for v in marks.values() if v.isdigit()) + 1))
            out.append(f"[^{marks[fid]}]")
            left.setdefault("endnote", []).append(marks[fid])
    text = "".join(out)
    # a line or page break reads as a blank: one, with the blank typed beside
    # it ("word <break>word" is not two blanks, which Word never showed)
    return _BREAKS.sub(" ", text) if _BREAK in text else text


# the elements that put text into a paragraph
_VISIBLE = frozenset(
    f"{_W}{name}"
    for name in (
        "t",
        "tab",
        "br",
        "cr",
        "noBreakHyphen",
        "sym",
        "footnoteReference",
        "endnoteReference",
    )
)
_REFERENCES = frozenset((f"{_W}footnoteReference", f"{_W}endnoteReference"))


def _symbol(el: Any) -> tuple[str, str]:
    """The character a ``w:sym`` shows (Word's Insert > Symbol, see
    :mod:`.symbols`), and, when it cannot be told, what to say: the font and
    its code (the character kept is then a visible replacement)."""
    from itures.importers.symbols import REPLACEMENT, symbol_character

    font = el.get(f"{_W}font", "")
    code = el.get(f"{_W}char", "")
    found = symbol_character(font, code)
    if found is not None:
        return found, ""
    return REPLACEMENT, tr(
        "the symbol {code} of the font {font}", code=repr(code.upper()), font=repr(font)
    )


# a line or page break as _text first writes it (XML holds no NUL), then the
# blanks beside it
_BREAK = "\x00"
_BREAKS = re.compile(" ?\x00+ ?")
# the key of an endnote among the marks (footnotes are keyed by their ids)
_ENDNOTE = "endnote:"


_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(n: int) -> str:
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def _formatted(n: int, fmt: str) -> str:
    """Counter ``n`` as Word's number format ``fmt`` writes it (a format this
    importer does not know is written as a decimal, as is a number too large
    for letters or roman numbers: a start of a billion in letters would be a
    label of millions of characters)."""
    if fmt == "none":
        return ""
    if n <= 0 or n > 3999:
        return str(n)
    if fmt in ("lowerLetter", "upperLetter") and n <= 26 * 10:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Numbering:
    """Word's automatic numbering (the numbering part): the number Word shows
    before a paragraph whose properties, or its style's, hold ``w:numPr``.

    Lists count per abstract list, as Word does: two lists (``w:num``) of one
    abstract list go on counting, unless the second restarts a level
    (``w:startOverride``). Counting a level restarts the levels below it. A
    bullet has no number. An abstract list that links to a numbering style
    (``w:numStyleLink``) has the levels of the list that style names, and
    counts with it; a list that redefines a level (``w:lvl`` in its
    ``w:lvlOverride``) numbers with its own levels and counts on its own.
    """

    def __init__(self, document: Any) -> None:
        # abstract list -> level -> (start, number format, level text)
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        # list -> (its abstract list, the levels it restarts: level -> start)
        self.lists: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.begun: set[str] = set()
        self.styles: dict[str, tuple[str, int]] = {}
        # a list's own levels (w:lvlOverride holding w:lvl): it counts on its own
        self.own: dict[str, dict[int, tuple[int, str, str]]] = {}
        # an abstract list linked to a numbering style -> the list whose counts it shares
        self.shared: dict[str, str] = {}
        root = None
        for rel in document.part.rels.values():
            if rel.reltype == NUMBERING_REL and not rel.is_external:
                root = rel.target_part.element
                break
        if root is None:
            return
        for abstract in root.iter(f"{_W}abstractNum"):
            levels = self.levels.setdefault(abstract.get(f"{_W}abstractNumId", ""), {})
            for lvl in abstract.iter(f"{_W}lvl"):
                levels[_int(lvl.get(f"{_W}ilvl"), 0)] = (
                    _int(_val(lvl, "start"), 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                )
        links: dict[str, str] = {}  # abstract list -> the numbering style it takes its levels from
        for abstract in root.iter(f"{_W}abstractNum"):
            link = _val(abstract, "numStyleLink")
            if link:
                links[abstract.get(f"{_W}abstractNumId", "")] = link
        for num in root.iter(f"{_W}num"):
            restarts = {}
            num_id = num.get(f"{_W}numId", "")
            for over in num.iter(f"{_W}lvlOverride"):
                at = _int(over.get(f"{_W}ilvl"), 0)
                start = _val(over, "startOverride")
                if start is not None:
                    restarts[at] = _int(start, 1)
                lvl = over.find(f"{_W}lvl")
                if lvl is not None:  # a level redefined for this list alone
                    self.own.setdefault(num_id, {})[at] = (
                        _int(_val(lvl, "start"), 1),
                        _val(lvl, "numFmt") or "decimal",
                        _val(lvl, "lvlText") or "",
                    )
            self.lists[num_id] = (_val(num, "abstractNumId") or "", restarts)
        based: dict[str, str] = {}
        for style in document.styles.element.iter(f"{_W}style"):
            sid = style.get(f"{_W}styleId", "")
            parent = _val(style, "basedOn")
            if parent:
                based[sid] = parent
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                self.styles[sid] = (_val(num_pr, "numId") or "", _int(_val(num_pr, "ilvl"), 0))
        for abstract, link in links.items():
            # an abstract list of a numbering style (w:numStyleLink): its levels
            # are those of the list the style names (ECMA-376 17.9.21)
            target = self.lists.get(self.styles.get(link, ("", 0))[0])
            if target is not None and target[0] != abstract:
                self.levels[abstract] = self.levels.get(target[0], {})
                self.shared[abstract] = target[0]
        for sid in list(based):  # a style numbered through the style it is based on
            seen = {sid}
            parent = based.get(sid)
            while sid not in self.styles and parent and parent not in seen:
                if parent in self.styles:
                    self.styles[sid] = self.styles[parent]
                seen.add(parent)
                parent = based.get(parent)

    def label(self, p: Any) -> str | None:
        """The number Word shows before paragraph ``p`` (counted), if any."""
        if not self.lists:
            return None
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        style = p.find(f"{_W}pPr/{_W}pStyle")
        num_id, level = self.styles.get(
            style.get(f"{_W}val", "") if style is not None else "", ("", 0)
        )
        if num_pr is not None:
            num_id = _val(num_pr, "numId") or num_id
            level = _int(_val(num_pr, "ilvl"), level)
        if num_id not in self.lists:
            return None  # ("0": numbering taken off)
        abstract, restarts = self.lists[num_id]
        levels = self.levels.get(abstract, {})
        counted = self.shared.get(abstract, abstract)
        if num_id in self.own:
            levels = {**levels, **self.own[num_id]}
            counted = f"list {num_id}"
        if level not in levels:
            return None
        counters = self.counters.setdefault(counted, {})
        if num_id not in self.begun:
            self.begun.add(num_id)
            for at, start in restarts.items():
                counters[at] = start - 1
                for below in [k for k in counters if k > at]:
                    del counters[below]
        start, fmt, _ = levels[level]
        counters[level] = counters[level] + 1 if level in counters else start
        for below in [k for k in counters if k > level]:
            del counters[below]
        if fmt == "bullet":
            return None

        def number(m: re.Match[str]) -> str:
            at = int(m.group(1)) - 1
            if at not in levels:
                return ""
            return _formatted(counters.get(at, levels[at][0]), levels[at][1])

        return _NUMBER_REF.sub(number, levels[level][2]).strip() or None


_NUMBER_REF = re.compile(r"%([1-9])")


def _val(el: Any, name: str) -> str | None:
    """The ``w:val`` of ``el``'s child ``w:name``."""
    child = el.find(f"{_W}{name}")
    return None if child is None else child.get(f"{_W}val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class _Notes:
    """The footnotes (and endnotes) of a document, and what reading its body
    learns of them: the marks its references display (``marks``: footnote id,
    or endnote key, -> mark), and the references it shows at all."""

    entities: _Entities
    # footnote id (endnote: _ENDNOTE + id) -> (text, what was left out of it)
    bodies: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    marks: dict[str, str] = field(default_factory=dict)
    # the notes a reference the body shows refers to, and those any reference does
    shown: set[str] = field(default_factory=set)
    referenced: set[str] = field(default_factory=set)

    def text(self, key: str) -> str:
        return self.bodies.get(key, ("", []))[0]


def _read_notes(document: Any, entities: _Entities) -> _Notes:
    """The texts of the footnotes and endnotes parts, each with what was left
    out of it (a tracked deletion, hidden text: said, as in the body)."""
    from lxml import etree

    notes = _Notes(entities)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    for reltype, element, prefix in (
        (FOOTNOTES_REL, "footnote", ""),
        (ENDNOTES_REL, "endnote", _ENDNOTE),
    ):
        part = next(
            (r.target_part for r in document.part.rels.values()
             if r.reltype == reltype and not r.is_external),
            None,
        )  # fmt: skip
        if part is None:
            continue
        root = etree.fromstring(part.blob, parser)
        for note in root.iter(f"{_W}{element}"):
            if note.get(f"{_W}type") in (
                "separator",
                "continuationSeparator",
                "continuationNotice",
            ):
                continue
            fid = prefix + note.get(f"{_W}id", "")
            paras = []
            changes: list[str] = []
            for p in note.iter(f"{_W}p"):
                deleted: list[str] = []
                left: dict[str, list[str]] = {}
                text = _text(p, {}, deleted, entities, left)
                paras.append(text)
                changes.extend(_left_out(text, deleted, left, None))
            text = " ".join(" ".join(paras).split("\t")).strip()
            notes.bodies[fid] = (" ".join(text.split()), changes)
    return notes


def _footnotes(notes: _Notes) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """The footnotes of the resolution, (mark, text), and what was left out of
    each (by mark): those the text marks, in the order of their marks, then
    those no reference refers to at all (kept, and ``footnote-unused`` says
    so: nothing is dropped), each under its id unless a mark has it (then the
    next free number). A footnote whose only references were left out (a
    tracked deletion) is said where its reference was (:func:`_left_out`)."""
    out: list[tuple[str, str]] = []
    changes: dict[str, list[str]] = {}
    for fid, mark in notes.marks.items():
        text, said = notes.bodies.get(fid, ("", []))
        if text:
            # a custom mark is also typed at the start of the footnote's text
            if text.startswith(mark + " "):
                text = text[len(mark) + 1 :]
            out.append((mark, text))
            if said:
                changes[mark] = said
    taken = {mark for mark, _ in out} | set(notes.marks.values())
    for fid, (text, said) in notes.bodies.items():
        if not text or fid in notes.referenced or fid in notes.marks:
            continue
        mark = fid.removeprefix(_ENDNOTE)
        if not mark or mark in taken:
            mark = str(max((int(m) for m in taken if m.isdigit()), default=0) + 1)
        taken.add(mark)
        out.append((mark, text))
        if said:
            changes[mark] = said
    return out, changes


def check_package(data: bytes, source: str) -> None:
    """Refuse a package that would unpack to too much (see the module docstring)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        if not data.startswith(b"PK"):
            from itures.importers.records import OLE2, doc_advice

            raise ImportFailure(
                doc_advice()
                if data.startswith(OLE2)
                else tr(
                    "not a .docx file: a .docx is a zip package, and this file is not one "
                    "(it starts with {start}); give --from text for a text export",
                    start=_first_bytes(data),
                ),
                where=source,
            ) from None
        raise ImportFailure(
            tr("not a readable .docx file: its zip package is damaged ({problem})", problem=exc),
            where=source,
        ) from None
    if len(parts) > MAX_PARTS:
        raise ImportFailure(
            tr(
                "not imported: the package has {count} parts, more than the {most} a .docx "
                "may have",
                count=format(len(parts), ","),
                most=format(MAX_PARTS, ","),
            ),
            where=source,
        )
    total = 0
    for part in parts:
        size, packed = part.file_size, part.compress_size
        name = ascii(part.filename)
        if size > MAX_PART_BYTES:
            raise ImportFailure(
                tr(
                    "not imported: its part {name} unpacks to {size} MB, more than the {most} "
                    "MB a part of a .docx may have",
                    name=name,
                    size=format(size / 1e6, ".1f"),
                    most=format(MAX_PART_BYTES / 1e6, ".0f"),
                ),
                where=source,
            )
        if size > 1_000_000 and size > MAX_RATIO * max(packed, 1):
            raise ImportFailure(
                tr(
                    "not imported: its part {name} unpacks to {size} MB from {packed} KB, "
                    "compressed more than {ratio} to 1 (a document built to exhaust memory, "
                    "a 'zip bomb', looks like this)",
                    name=name,
                    size=format(size / 1e6, ".1f"),
                    packed=format(packed / 1e3, ".1f"),
                    ratio=MAX_RATIO,
                ),
                where=source,
            )
        total += size
    if total > MAX_PACKAGE_BYTES:
        raise ImportFailure(
            tr(
                "not imported: the package unpacks to {size} MB, more than the {most} MB a "
                ".docx may have",
                size=format(total / 1e6, ".1f"),
                most=format(MAX_PACKAGE_BYTES / 1e6, ".0f"),
            ),
            where=source,
        )


def _first_bytes(data: bytes) -> str:
    """The first bytes of a file, as hexadecimal digits (never a Python repr)."""
    return " ".join(f"{b:02X}" for b in data[:8]) or tr("nothing: it is empty")


def _bomb(data: bytes) -> str | None:
    """The message for a package part whose entities grow out of proportion
    (libxml2's refusal, said as an editor can act on it), with the part and
    the line of the reference; None when none is found."""
    import io
    import zipfile

    from itures.importers.entities import bomb_message, expansion_bomb

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for part in package.infolist():
            if not part.filename.endswith(".xml"):
                continue
            raw = package.read(part)
            found = expansion_bomb(raw.decode("utf-8", "replace"), len(raw))
            if found is not None:
                name, grown, line = found
                return f"{ascii(part.filename)[1:-1]}:{line}: {bomb_message(name, grown)}"
    return None


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
        if "amplification" in str(exc):
            bomb = _bomb(data)
            if bomb is not None:
                raise ImportFailure(bomb, where=path) from None
        raise ImportFailure(
            tr("not a readable .docx file ({problem})", problem=exc), where=path
        ) from None
    entities = _Entities(path)
    notes = _read_notes(document, entities)
    for ref in document.element.body.iter(*_REFERENCES):
        key = ref.get(f"{_W}id", "")
        if ref.tag == f"{_W}endnoteReference":
            key = _ENDNOTE + key
        notes.referenced.add(key)
        if _hidden_by(ref, document.element.body) is None:
            notes.shown.add(key)
    styles: dict[str, str] = {}
    for style in document.styles:
        sid = getattr(style, "style_id", None)
        if sid:
            styles[sid] = style.name or sid
    paras: list[Para] = []
    body_el = document.element.body
    numbering = _Numbering(document)
    n = 0
    tables: set[Any] = set()  # the tables read (each at its first paragraph)
    for p in body_el.iter(f"{_W}p"):
        boxed = False
        table = None
        for anc in p.iterancestors():
            if anc.tag == f"{_MC}Fallback":
                break  # Word's second copy of a text box, for older readers
            boxed = boxed or anc.tag == f"{_W}txbxContent"
            if anc.tag == f"{_W}tbl" and not boxed:
                table = anc  # (the outermost: a table in a table is its text)
        else:
            n += not boxed  # (a text box's paragraph is not one of the body's)
            if table is not None:
                if table not in tables:
                    tables.add(table)
                    paras.append(_table(table, n, styles, notes))
                continue
            # (a text box's references are not the text's: their marks are not counted)
            para = _paragraph(p, n, styles, notes, boxed=boxed)
            if not boxed:
                gone = not para.text.strip() and p.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None
                shown = None if gone else numbering.label(p)  # (deleted whole: no number)
                if shown is not None:
                    _number(para, shown)
                paras.append(para)
            elif para.text.strip():
                box = tr(
                    "text box {text} left out (in {where})",
                    text=repr(" ".join(para.text.split())),
                    where=para.where,
                )
                # (with the footnotes only the box marks: a boxed paragraph's changes)
                said = [box, *para.changes]
                if paras:
                    paras[-1].changes.extend(said)  # (the paragraph that anchors it)
                else:
                    paras.append(Para("", para.where, None, said))
    footnotes, footnote_said = _footnotes(notes)
    return build(
        paras, footnotes, source=path, body=body, language=language, footnote_changes=footnote_said
    )


# what a table read as an entry's text draws from check as well, and is the
# table's doing (see Note.covers)
_TABLE_COVERS = ("numbering-style", "punctuation")


def _table(table: Any, n: int, styles: dict[str, str], notes: _Notes) -> Para:
    """A table (``w:tbl``, at paragraph ``n``): one paragraph, its cells' texts
    in order, noted with its rows and columns. A resolution's entries hold no
    table; the note says what to make of it, and check's findings of a missing
    label or end mark at it are the note's (one defect)."""
    rows: list[list[str]] = []
    changes: list[str] = []
    for row_el in table.iterchildren(f"{_W}tr"):
        cells = []
        for tc in row_el.iterchildren(f"{_W}tc"):
            texts = []
            for p in tc.iter(f"{_W}p"):
                para = _paragraph(p, n, styles, notes)
                changes.extend(para.changes)
                if para.text.strip():
                    texts.append(" ".join(para.text.split()))
            cells.append(" ".join(texts))
        rows.append(cells)
    text = " ".join(c for row in rows for c in row if c)
    columns = max((len(row) for row in rows), default=0)
    shape = " / ".join(" | ".join(row) for row in rows)
    if len(shape) > 200:
        shape = shape[:199] + "…"
    where = tr("paragraph {n}", n=n)
    # (the advice stays as it is: an annex's paragraph replaces it with its own)
    note = tr(
        "a table ({rows}, {columns}, {where}) read as the text of one entry, its cells in "
        "order: {shape}; {advice}",
        rows=tr("1 row") if len(rows) == 1 else tr("{count} rows", count=len(rows)),
        columns=tr("1 column") if columns == 1 else tr("{count} columns", count=columns),
        where=where,
        shape=repr(shape),
        advice=TABLE_ADVICE,
    )
    covers = _TABLE_COVERS if text else ()
    return Para(text, where, None, [note, *changes], covers=covers, table=True)


def _number(para: Para, shown: str) -> None:
    """Give ``para`` the number Word's automatic numbering shows before it
    (``shown``), as a typed label: in ITU's style ("1." -> "1", "(a)" -> "a)")
    when it is a number or a letter and not already one. A paragraph that types
    its own label keeps it, and is noted (Word shows both; a different number's
    gap in the sequence is the note's); an empty one stays empty (its number is
    counted, as Word shows it)."""
    text = para.text
    if not text.strip():
        return
    label = shown
    if typed_label(f"{label}\tx") is None:
        core = shown.strip(" .()[]")
        if re.fullmatch(r"\d+(?:\.\d+)*", core):
            label = core
        elif re.fullmatch(r"[A-Za-z]+", core):
            label = f"{core.lower()})"
    typed = typed_label(text)
    if typed is not None:
        # Word shows both: the number, then the label typed after it
        if typed != label:
            para.changes.append(
                tr(
                    "Word's automatic number {shown} not kept: the paragraph types its own "
                    "label {typed} (Word shows both); keep one of them in the document",
                    shown=repr(shown),
                    typed=repr(typed),
                )
            )
            # (the labels' sequence is the typed ones': a gap there is this slip's)
            para.covers = ("numbering-gap", "numbering-duplicate")
        else:
            para.changes.append(
                tr(
                    "the label {typed} is typed in the paragraph and is also Word's automatic "
                    "number (Word shows it twice); kept once: delete one of them in the "
                    "document",
                    typed=repr(typed),
                )
            )
        return
    para.text = f"{label}\t{text.lstrip()}"


def _paragraph(
    p: Any, n: int, styles: dict[str, str], notes: _Notes, *, boxed: bool = False
) -> Para:
    """Paragraph ``n`` of the body (``boxed``: of a text box, left out)."""
    deleted: list[str] = []
    left: dict[str, list[str]] = {}
    marks = dict(notes.marks) if boxed else notes.marks
    text = _text(p, marks, deleted, notes.entities, left)
    style_el = p.find(f"{_W}pPr/{_W}pStyle")
    style = None
    if style_el is not None:
        sid = style_el.get(f"{_W}val", "")
        style = styles.get(sid, sid)
    where = tr("paragraph {n}", n=n)
    if boxed:
        # a footnote only a text box marks goes with the box: what is said of
        # it is all that is said of a box's paragraph (left out whole)
        keys = [k for k in marks.keys() - notes.marks.keys() - notes.shown if notes.text(k)]
        return Para(text, where, style, _left_out("", [], {"boxed reference": keys}, notes, n))
    return Para(text, where, style, _left_out(text, deleted, left, notes, n))


def _left_out(
    text: str, deleted: list[str], left: dict[str, list[str]], notes: _Notes | None, n: int = 0
) -> list[str]:
    """What was read of a paragraph but not kept (see :func:`_text`), said: a
    tracked deletion, a tracked move's old place, hidden text, an endnote, a
    symbol whose character cannot be told, and a footnote reference left out
    with its footnote (``notes``: the document's; None in a footnote)."""
    gone = "".join(deleted)
    if not text.strip() and gone.strip():  # a paragraph deleted whole: one note
        changes = [tr("tracked change: deleted paragraph {text} not kept", text=repr(gone.strip()))]
    else:
        changes = [
            tr("tracked change: deleted text {text} not kept", text=repr(d))
            for d in deleted
            if d.strip()
        ]
    moved = "".join(left.get("moved", ()))
    if moved.strip():
        changes.append(
            tr(
                "tracked change: text moved away from here {text} not kept here "
                "(it is kept where it was moved to)",
                text=repr(moved.strip()),
            )
        )
    hidden = "".join(left.get("hidden", ()))
    if hidden.strip():
        changes.append(
            tr("hidden text {text} not kept (Word does not show it)", text=repr(hidden.strip()))
        )
    for mark in left.get("endnote", ()):
        changes.append(
            tr(
                "an endnote imported as footnote [^{mark}] (ITU texts have footnotes): check "
                "its place and number against the published text",
                mark=mark,
            )
        )
    for symbol in left.get("symbol", ()):
        changes.append(
            Found(
                tr(
                    "{symbol} shows a character that cannot be told (no standard mapping of "
                    "that font): kept as {kept}; write the character Word shows",
                    symbol=symbol,
                    kept=repr(REPLACEMENT),
                ),
                (
                    tr(
                        "paragraph {n}: {symbol}, kept as {kept}",
                        n=n,
                        symbol=symbol,
                        kept=repr(REPLACEMENT),
                    )
                    if n
                    else tr("{symbol}, kept as {kept}", symbol=symbol, kept=repr(REPLACEMENT))
                ),
            )
        )
    for why in ("deleted", "moved", "hidden", "boxed"):
        for key in left.get(f"{why} reference", ()):
            endnote = key.startswith(_ENDNOTE)
            kind = tr("endnote") if endnote else tr("footnote")
            said = _reference_said(why, kind, key.removeprefix(_ENDNOTE))
            body = notes.text(key) if notes is not None else ""
            if notes is not None and key in notes.shown:
                changes.append(
                    tr(
                        "{said} not kept (its {kind} is kept, marked elsewhere)",
                        said=said,
                        kind=kind,
                    )
                )
            elif body:
                changes.append(
                    tr(
                        "{said} and its {kind} {text} not kept",
                        said=said,
                        kind=kind,
                        text=repr(body),
                    )
                )
            else:
                changes.append(tr("{said} not kept", said=said))
    return changes


def _reference_said(why: str, kind: str, mark: str) -> str:
    """A footnote's (or endnote's: ``kind``) reference left out, and why."""
    if why == "deleted":
        return tr("tracked change: deleted {kind} reference {id}", kind=kind, id=mark)
    if why == "moved":
        return tr("tracked change: {kind} reference {id} moved away from here", kind=kind, id=mark)
    if why == "hidden":
        return tr("hidden {kind} reference {id} (Word does not show it)", kind=kind, id=mark)
    return tr("the {kind} reference {id} of the text box", kind=kind, id=mark)
