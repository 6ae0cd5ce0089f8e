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
                                       newest revision is known)
``container[@name=title]``             ``title``
``preamble/formula``                   ``conference``
``recitals`` / ``intro`` / ``recital``  ``preamble`` sections / heading / items
``mainBody/hcontainer`` / ``heading``  ``operative`` sections / heading
``paragraph``, ``point`` (nested)      clauses (nested ``clauses``), ``num`` -> label
``authorialNote``                      ``[^N]`` marker and ``footnotes`` entry
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
* annexes, signatures or declarations merged into the last clause.
"""

from __future__ import annotations

import re
from typing import Any

from itures.importers.build import (
    Imported,
    ImportFailure,
    Note,
    body_of,
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
from itures.importers.lang import Grammar, flexible, grammar
from itures.model.resolution import KIND_PREFIX

__all__ = ["parse_bytes", "read"]

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
# a label at the start of a text that has no <num>: "a) the strategic plan", "1 that"
_LABEL_START = re.compile(
    r"""^(?P<label>(?:[a-z](?:bis|ter|quater)?|[ivx]+)\)(?=\s)
      | \d{1,2}(?:\.\d{1,2})*(?=\s+[a-z"“‘']))""",
    re.VERBOSE,
)
# labels inside a text, after an end mark: "...; 1.2 that ...", "...: a) the ..."
_LABEL_INSIDE = re.compile(
    r"""(?<=[;:])\s+(?P<label>\d{1,2}(?:\.\d{1,2})*|[a-z]\)|[ivx]{1,4}\))\s+(?=[a-z"“])""",
    re.VERBOSE,
)
# footnotes printed at the page foot, after a rule: "____________________ 1 These include"
_FOOTNOTE = re.compile(r"_{4,}\s*(?P<mark>\d{1,2}|\*)\s+(?P<text>\S[^_]{0,70})")
# what follows a document in the printed Final Acts
_TRAILING = re.compile(
    r"""\b(?:ANNEX(?:\s+\d+)?\s+TO\s+(?:RESOLUTION|DECISION|RECOMMENDATION)\b
       | ANNEXE?S?\s+(?:\d+\s+)?(?:[AÀ]\s+LA\s+|DE\s+LA\s+)?R[ÉE]SOLUCI[ÓO]N\b
       | PART\s+[IVX]+\s+[-–]\s+[A-Z]{4,})""",
    re.VERBOSE,
)


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


class _Text:
    """Text of an element: inline markup flattened, notes as [^N]."""

    def __init__(self) -> None:
        self.footnotes: list[tuple[str, str]] = []

    def of(self, el: Any, *, skip: tuple[str, ...] = ("num",)) -> str:
        parts: list[str] = []
        self._walk(el, parts, skip)
        return " ".join("".join(parts).split())

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
    return f"{component}, {label} (XML line {el.sourceline})"


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

    def note(self, message: str, path: tuple[str | int, ...], el: Any) -> None:
        self.notes.append(Note(f"{message} [{_where(el, self.component)}]", path))

    # -- identity --------------------------------------------------------------
    def language(self) -> str:
        lang = self.forced_language or self.el.get(XML_LANG)
        if not lang:
            frbr = _find(self.el, "FRBRlanguage")
            lang = frbr.get("language") if frbr is not None else None
        lang = _LANG3.get(lang or "", lang or "")
        if lang not in ("en", "fr", "es"):
            raise ImportFailure(
                f"no import grammar for language {lang or '(none)'!r}; give --language en, fr or es",
                where=self.component,
            )
        return lang

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
        if h is not None:
            return h.group("sector"), h.group("number"), h.group("when")
        raise ImportFailure(
            f"no document number such as '71 (REV. DUBAI, 2018)' (docNumber: {text!r})",
            where=self.component,
        )

    # -- defects ---------------------------------------------------------------
    def defects(
        self, text: str, path: tuple[str | int, ...], el: Any, g: Grammar, labelled: bool
    ) -> None:
        what = "recital" if path[0] == "preamble" else "clause"
        if not labelled:
            m = _LABEL_START.match(text)
            if m is not None:
                self.note(
                    f"label {m.group('label')!r} left inside the text of this {what} "
                    "(the conversion did not take it as the number)",
                    path,
                    el,
                )
        inside = [m.group("label") for m in _LABEL_INSIDE.finditer(text)]
        if inside:
            self.note(
                f"labels {', '.join(repr(x) for x in inside)} inside the text of this {what}: "
                "items or clauses run into one",
                path,
                el,
            )
        for m in _FOOTNOTE.finditer(text):
            mark = m.group("mark")
            glued = re.search(rf"[^\W\d_]{{3,}}{re.escape(mark)}(?=[\s,;.:])", text[: m.start()])
            where_mark = f"; its mark is glued to {glued.group()!r}" if glued else ""
            self.note(
                f"footnote {mark} merged into the text of this {what}: "
                f"'____ {mark} {m.group('text').strip()}...'{where_mark}",
                path,
                el,
            )
        for m in self._merged_heading(g).finditer(text):
            heading = m.group("heading").strip()
            heading = heading if len(heading) <= 110 else heading[:107] + "..."
            self.note(
                f"operative heading {heading!r} merged into the text of this {what}: "
                "the conversion did not recognise it, and what follows it belongs to a "
                "section of its own",
                path,
                el,
            )
        m = _TRAILING.search(text)
        if m is not None:
            self.note(
                f"text that follows the document ({m.group()!r}: annexes, signatures or "
                f"declarations) merged into the text of this {what}",
                path,
                el,
            )

    @staticmethod
    def _merged_heading(g: Grammar) -> re.Pattern[str]:
        verbs = "|".join(flexible(v) for v in sorted(g.operative_verbs, key=len, reverse=True))
        further = g.further.pattern
        return re.compile(
            rf"""(?<=[,;:.])\s+
            (?P<heading>(?:{further}\s+)?(?:{verbs})\b(?:\s+{further})?
              [^;]*?)(?=\s+\d{{1,2}}(?:\.\d{{1,2}})*\s+[a-z]|;|$)""",
            re.VERBOSE,
        )

    # -- parts -----------------------------------------------------------------
    def clauses(
        self, parent: Any, base: tuple[str | int, ...], g: Grammar, own: str
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for el in parent:
            name = _local(el)
            if name == "list":
                out.extend(self.clauses(el, base, g, own))
                continue
            if name not in ("paragraph", "point", "subparagraph", "clause", "item"):
                continue
            num = _first(el, "num")
            label = self.text.of(num) or None if num is not None else None
            content = _first(el, "content")
            text = self.text.of(content if content is not None else el)
            path = (*base, len(out))
            if not text:
                self.note(f"{name} without text left out", base[:2], el)
                continue
            self.defects(text, (*path, "text"), el, g, label is not None)
            data = clause_data(label, text, g, own)
            children = self.clauses(el, (*path, "clauses"), g, own)
            if children:
                data["clauses"] = children
            out.append(data)
        return out

    def build(self) -> Imported:
        lang = self.language()
        g = grammar(lang)
        formula_el = _find(self.el, "formula")
        formula = self.text.of(formula_el) if formula_el is not None else None
        own = self.body(formula, lang)
        kind = self.kind()
        sector, number, when = self.number(g)
        history, _ = history_from(when, g, places_in(formula or ""))
        title_el = next(
            (c for c in self.el.iter() if _local(c) == "container" and c.get("name") == "title"),
            None,
        )
        if title_el is None:
            title_el = _find(self.el, "docTitle")
        title = self.text.of(title_el) if title_el is not None else ""
        if not title:
            raise ImportFailure("no title (container name='title')", where=self.component)
        data: dict[str, Any] = {
            "body": "ra" if sector else own,
            "number": KIND_PREFIX.get(kind, "") + number.replace("‑", "-"),
        }
        if kind != "resolution":
            data["kind"] = kind
        data.update({"language": lang, "title": title, "history": history})
        if formula:
            data["conference"] = formula
        preamble: list[dict[str, Any]] = []
        pre = _find(self.el, "preamble")
        for recitals in _children(pre, "recitals") if pre is not None else []:
            intro = _first(recitals, "intro")
            heading = self.text.of(intro) if intro is not None else ""
            index = len(preamble)
            key = preamble_verb(heading, g)
            if key is None:
                key = slug(heading or recitals.get("eId", ""))
                self.note(
                    f"preambular heading {heading!r} not recognised; verb key {key!r}",
                    ("preamble", index),
                    recitals,
                )
            items: list[dict[str, Any]] = []
            for recital in _children(recitals, "recital"):
                num = _first(recital, "num")
                label = (self.text.of(num) or None) if num is not None else None
                text = self.text.of(recital)
                path = ("preamble", index, "items", len(items), "text")
                if not text:
                    self.note("recital without text left out", ("preamble", index), recital)
                    continue
                self.defects(text, path, recital, g, label is not None)
                items.append(item_data(label, text, g, own))
            if not items:
                self.note(f"preambular section {heading!r} without recitals left out", (), recitals)
                continue
            preamble.append({"verb": key, "heading": heading or key, "items": items})
        operative: list[dict[str, Any]] = []
        main = _find(self.el, "mainBody")
        for section in list(main) if main is not None else []:
            if _local(section) != "hcontainer":
                if isinstance(section.tag, str):
                    self.note(f"{_local(section)} outside a section left out", (), section)
                continue
            heading_el = _first(section, "heading")
            heading = self.text.of(heading_el) if heading_el is not None else ""
            index = len(operative)
            found = operative_verb(heading, g)
            if found is None:
                found = (slug(heading or section.get("name", "")), "")
                self.note(
                    f"operative heading {heading!r} not recognised; verb key {found[0]!r}",
                    ("operative", index),
                    section,
                )
            clauses = self.clauses(section, ("operative", index, "clauses"), g, own)
            if not clauses:
                self.note(f"operative section {heading!r} without clauses left out", (), section)
                continue
            operative.append(
                {**heading_data(found[0], heading or found[0], found[1], g), "clauses": clauses}
            )
        if preamble:
            data["preamble"] = preamble
        if operative:
            data["operative"] = operative
        if self.text.footnotes:
            data["footnotes"] = [
                {"id": mark, "text": item_data(None, text, g, own)["text"]}
                for mark, text in self.text.footnotes
                if text
            ]
        resolution = validated(data, where=self.component)
        return Imported(resolution, self.notes, self.component)


def parse_bytes(
    data: bytes, *, source: str, body: str | None = None, language: str | None = None
) -> tuple[list[Imported], list[ImportFailure]]:
    """Import every document of an AKN file: (imported, failures)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, remove_comments=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        raise ImportFailure(f"not well-formed XML: {exc.msg}", where=f"{source}:{line}") from None
    if _local(root) != "akomaNtoso":
        raise ImportFailure(
            f"not Akoma Ntoso: the root element is <{_local(root) or root.tag}>, not <akomaNtoso>",
            where=source,
        )
    if etree.QName(root).namespace != AKN_NS:
        raise ImportFailure(
            f"not Akoma Ntoso 3.0: namespace {etree.QName(root).namespace!r}, expected {AKN_NS!r}",
            where=source,
        )
    documents: list[tuple[Any, str]] = []
    for child in root:
        name = _local(child)
        if name == "documentCollection":
            components = _first(child, "components")
            for component in components if components is not None else []:
                for doc in component:
                    if _local(doc) in _DOCUMENTS or _local(doc) == "documentCollection":
                        eid = component.get("eId") or f"component at line {component.sourceline}"
                        documents.append((doc, f"{source}#{eid}"))
        elif name in _DOCUMENTS:
            documents.append((child, source))
    if not documents:
        raise ImportFailure("no document (statement, act, doc) in the file", where=source)
    imported: list[Imported] = []
    failures: list[ImportFailure] = []
    for doc, where in documents:
        try:
            imported.append(_Statement(doc, where, source, body, language).build())
        except ImportFailure as exc:
            failures.append(exc)
    return imported, failures


def read(
    path: str, *, body: str | None = None, language: str | None = None
) -> tuple[list[Imported], list[ImportFailure]]:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ImportFailure(f"cannot read: {exc.strerror or exc}", where=path) from None
    return parse_bytes(data, source=path, body=body, language=language)
