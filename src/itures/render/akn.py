"""Akoma Ntoso 3.0 XML, in the AKN4UN style of UN-system resolutions.

A resolution is a ``<statement name="resolution">`` (``decision``,
``recommendation`` for the other kinds), the document type AKN has for "an
official document of a body that may or may not be normative in structure
(e.g., statements, resolutions)"; ``act`` is for legislation. The layout is
the one of the PP-18 Final Acts in AKN4UN style, which ``itures import``
reads:

=====================================  =========================================
itures                                 AKN
=====================================  =========================================
heading (derived)                      ``preface/longTitle/p``: ``docType``
                                       ("RÉSOLUTION") and ``docNumber``
                                       ("59 (Rév. Buenos Aires, 2017)")
``title``                              ``preface/container[@name=title]/p``
``conference``                         ``preamble/formula[@name=enactingFormula]``
``preamble`` sections / items          ``recitals`` (``intro/p/i`` the heading) /
                                       ``recital`` (``num``, ``p``); nested items
                                       in a ``blockList`` of ``item``
``operative`` sections / clauses       ``mainBody/hcontainer[@name=verb]``
                                       (``heading/i``) / ``paragraph`` (``num``,
                                       ``content``); nested clauses are ``point``
                                       after the clause's ``intro``
footnotes                              ``authorialNote[@marker]`` where marked;
                                       a note nobody marks in ``meta/notes``
citations                              ``ref[@href]``; several resolutions at
                                       once an ``mref`` of ``ref``
``annexes``                            ``attachments/attachment/doc[@name=annex]``
``history``                            ``meta/lifecycle/eventRef`` (generation,
                                       amendment, repeal), each with a
                                       ``passiveRef`` naming place and year
verbs, actors, partners, deadlines     ``meta/proprietary`` (namespace
                                       ``urn:itures:akn``), pointing at the
                                       elements (``href="#<eId>"``)
the whole resolution                   ``meta/proprietary/itures:resolution/
                                       itures:source``: the YAML as itures
                                       writes it (``itures import`` takes it
                                       back when the markup is what it renders)
=====================================  =========================================

**Identifiers** follow the Akoma Ntoso naming convention as AKN4UN uses it
(``/akn/un/statement/deliberation/<author>/<date>/<number>``), as in the
PP-18 Final Acts: the author is ``itu-<body>`` for ITU bodies (``itu-pp``,
``itu-wtdc``, ...), the body itself otherwise (``unga``); the number is
``res-59``, ``dec-5``, ``rec-7`` (``6-2`` stays, ``70/1`` becomes ``70-1``).
The work is the text as adopted or revised by one conference ("Resolution 59
(Rev. Buenos Aires, 2017)" is what ITU cites and what a citation's ``@2017``
names), so its date is the year of the newest adoption or revision, and the
URIs carry only the year. ``FRBRdate`` must be a full date (``xsd:date``):
the entry's ``date`` when the history has one, else 1 January of its year,
its ``name`` saying which event it stands for. The expression is ``<work>/fra@2017``, the
manifestation ``<work>/fra@2017.xml``. Nothing depends on the clock: the
same YAML always gives the same XML.

**Citations** link to the cited work, and to the cited part with an AKN
portion, ``/akn/un/statement/deliberation/itu-pp/2018/res-191/!main~hcontainer_resolves__para_3``.

**eIds** follow the Akoma Ntoso Naming Convention (:class:`EIds`): parts
``element_number`` (the element's abbreviation: ``recs``, ``rec``,
``list``, ``para``, ``att``, ``eref``; else its name) joined by ``__``,
unique in the document. They differ from the HTML and Markdown ids of
:mod:`itures.render.layout`, which keep their form (docs/render.md). A citation without a
year names the newest revision the corpus index holds; without one, the
reference leaves the date out (``.../itu-pp/res-123``), which names no
AKN work: the YAML does not say which revision is cited.
"""

from __future__ import annotations

import re
from typing import Any

from itures.fragments import latin_letter
from itures.model import markup
from itures.model.resolution import Clause, HistoryEntry, Resolution
from itures.render.layout import AnnexPart, Layout, Section, Unit, fragment_id, safe_text

__all__ = ["AKN_NS", "EID_PATTERN", "ITURES_NS", "EIds", "fragment_eid", "render", "work_uri"]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
ITURES_NS = "urn:itures:akn"
_A = f"{{{AKN_NS}}}"
_I = f"{{{ITURES_NS}}}"
LANG3 = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}
_KIND = {"resolution": "res", "decision": "dec", "recommendation": "rec"}
_PREFIX = {"decision": "D", "recommendation": "R"}
# bodies of the ITU: their AKN author is itu-<body>
ITU_BODIES = frozenset(
    {"pp", "wtdc", "wtsa", "ra", "wrc", "rrc", "council", "wcit", "wtpf", "tdag", "tsag", "rag"}
)
_EVENT = {"adopted": "generation", "revised": "amendment", "abrogated": "repeal"}
_SOURCE = "#itures"


def author(body: str) -> str:
    return f"itu-{body}" if body in ITU_BODIES else body


def _number(number: str) -> tuple[str, str]:
    """(kind, number component): 'D5' -> ('dec', 'dec-5'), '6-2' -> ('res', 'res-6-2')."""
    kind = "resolution"
    for name, letter in _PREFIX.items():
        if number.startswith(letter) and number[1:2].isdigit():
            kind, number = name, number[1:]
    return kind, f"{_KIND[kind]}-{number.replace('/', '-')}"


def work_uri(body: str, number: str, year: int | None) -> str:
    """The FRBR work URI of a resolution as adopted or revised in ``year``."""
    date = f"/{year}" if year is not None else ""
    return f"/akn/un/statement/deliberation/{author(body)}{date}/{_number(number)[1]}"


# Element names as the Naming Convention abbreviates them in eIds; others keep their name.
ABBREVIATIONS = {
    "recitals": "recs",
    "recital": "rec",
    "blockList": "list",
    "paragraph": "para",
    "attachment": "att",
    "eventRef": "eref",
}
_NOT_NUMBER = re.compile(r"[^\w.-]+|_")
# an eId: parts ``element_number`` joined by ``__`` (the element abbreviated, the
# number a label or an ordinal: letters, digits, '.', '-', never '_')
_EID_PART = r"[A-Za-z]+_[^\W_](?:[^\W_]|[.-])*"
EID_PATTERN = re.compile(rf"{_EID_PART}(?:__{_EID_PART})*")


def number_part(raw: str | None, position: int, parent: str | None = None) -> str:
    """A label as the number of an eId: ``'a)'`` -> ``a``, ``'(iv)'`` -> ``iv``; a
    nested label that repeats its parent's drops it, as citations may (``1.1``
    under ``1`` -> ``1``); ``_`` and other characters become ``-``; an
    unlabelled entry is its position (``1``). A letter of a Cyrillic or an
    Arabic list is the Latin letter of its place (``'ب)'`` -> ``b``): one
    element has one eId in every expression of the work, its ``num`` as
    written."""
    seg = _canonical(raw)
    if parent and seg.startswith(parent + "."):
        seg = seg[len(parent) + 1 :]
    seg = _NOT_NUMBER.sub("-", latin_letter(seg)).strip("-.")
    return seg or str(position)


def _canonical(raw: str | None) -> str:
    return (raw or "").strip().strip("().").lower()


def eid_part(element: str, number: str) -> str:
    """One part of an eId: the element's abbreviation, ``_``, the number."""
    return f"{ABBREVIATIONS.get(element, element)}_{number}"


class EIds:
    """The eIds of a laid-out resolution, by the Akoma Ntoso Naming Convention.

    Each element's eId is its parent's, ``__``, then its own part (see
    :func:`eid_part`): ``recs_considering__rec_a__list_1__item_i`` (an item
    nested in recital a of *considering*), ``hcontainer_resolves__para_3``,
    ``att_1__para_2__point_a``. A section's number is its verb
    (``further_resolves`` -> ``further-resolves``), an annex's its label
    (its position when it has none), an item's or clause's its label (its
    position when it has none; ``1.1`` under ``1`` is ``1.1``). A number
    taken twice in one parent (a duplicated label, which ``check``
    reports) gets ``-2``, so that eIds are unique in the document.
    """

    def __init__(self, layout: Layout) -> None:
        self.by_id: dict[str, str] = {}  # layout id -> eId
        self.taken: set[str] = set()
        self._suffix: dict[str, int] = {}  # the suffix last given to each eId's base
        for s in layout.preamble:
            self._section(s, "recitals", "recital", "blockList", "item")
        for s in layout.operative:
            self._section(s, "hcontainer", "paragraph", None, "point")
        for position, annex in enumerate(layout.annexes, 1):
            aid = self.fresh("", "attachment", number_part(annex.label, position))
            self.by_id[annex.id] = aid
            self._units(annex.units, aid, "paragraph", None, "point")

    def fresh(self, parent: str, element: str, number: str) -> str:
        """A new eId under ``parent`` (unique: ``-2``, ``-3`` after a number
        taken; eIds taken only grow, so the search starts at the suffix this
        number last got there)."""
        base = f"{parent}__" if parent else ""
        first = f"{base}{eid_part(element, number)}"
        n = self._suffix.get(first, 1)
        found = first if n == 1 else f"{base}{eid_part(element, f'{number}-{n}')}"
        while found in self.taken:
            n += 1
            found = f"{base}{eid_part(element, f'{number}-{n}')}"
        self._suffix[first] = n
        self.taken.add(found)
        return found

    def _section(
        self, section: Section, element: str, entry: str, block: str | None, nested: str
    ) -> None:
        sid = self.fresh("", element, number_part(section.verb, 1))
        self.by_id[section.id] = sid
        self._units(section.units, sid, entry, block, nested)

    def _units(
        self, units: tuple[Unit, ...], parent: str, element: str, block: str | None, nested: str
    ) -> None:
        self._entries(units, parent, None, element, block, nested)

    def _entries(
        self,
        units: tuple[Unit, ...],
        parent: str,
        label: str | None,
        element: str,
        block: str | None,
        nested: str,
    ) -> None:
        for position, unit in enumerate(units, 1):
            uid = self.fresh(parent, element, number_part(unit.label, position, label))
            self.by_id[unit.id] = uid
            if unit.children:
                below = uid
                if block is not None:
                    below = self.fresh(uid, block, "1")
                    self.by_id[f"{unit.id} {block}"] = below
                self._entries(unit.children, below, _canonical(unit.label), nested, block, nested)


def fragment_eid(fragment: tuple[str, ...], cited: EIds | None = None) -> str:
    """The eId a citation fragment names in the cited resolution's Akoma Ntoso.

    With the cited resolution's eIds at hand, the eId of the element its fragment
    names there (:func:`itures.render.layout.fragment_id` finds it), or ""
    when it lacks the fragment (``reference-unresolved`` reports it; the
    reference then names the work, no portion that is not there, as the
    HTML's link drops the fragment); without them, the eId the fragment
    names by the rules of :class:`EIds`, the verb telling a preamble section
    from an operative one by the verb vocabulary (an unknown verb is taken
    as operative).
    """
    if not fragment:
        return ""
    if cited is not None:
        return cited.by_id.get(fragment_id(fragment), "")
    head, rest = fragment[0], fragment[1:]
    if head == "annex":
        eid = eid_part("attachment", number_part(rest[0] if rest else None, 1))
        rest = rest[1:]
        entry, block, nested = "paragraph", None, "point"
    else:
        from itures.model.vocabulary import shipped_verbs

        preamble = shipped_verbs().part_of(head) == "preamble"
        element = "recitals" if preamble else "hcontainer"
        eid = eid_part(element, number_part(head, 1))
        entry, block, nested = (
            ("recital", "blockList", "item") if preamble else ("paragraph", None, "point")
        )
    parent: str | None = None
    for depth, seg in enumerate(rest):
        if depth and block is not None:
            eid += "__" + eid_part(block, "1")
        eid += "__" + eid_part(entry if depth == 0 else nested, number_part(seg, 1, parent))
        parent = _canonical(seg)
    return eid


class _Akn:
    def __init__(self, layout: Layout) -> None:
        from lxml import etree

        self.etree = etree
        self.layout = layout
        self.res: Resolution = layout.resolution
        self.unused = {n.id for n in layout.notes}
        self.eids = EIds(layout)
        self.markers = 0
        self.cited: dict[markup.ResolutionRef, EIds | None] = {}

    # -- building helpers -------------------------------------------------------------
    def el(self, parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
        node = self.etree.SubElement(parent, _A + tag, attrs)
        if text is not None:
            node.text = safe_text(text)
        return node

    @staticmethod
    def append_text(parent: Any, text: str) -> None:
        text = safe_text(text)
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def inline(self, parent: Any, text: str, *, markup_on: bool = True, notes: bool = True) -> None:
        if not markup_on:
            self.append_text(parent, text)
            return
        spans, _ = markup.parse(text)
        for span in spans:
            if isinstance(span, markup.Text):
                self.append_text(parent, span.text)
            elif isinstance(span, markup.FootnoteRef):
                note = self.layout.note(span.id)
                if note is None or not notes:
                    # footnote-undefined (or a marker inside a note): kept as written
                    self.append_text(parent, f"[^{span.id}]")
                    continue
                self.unused.discard(note.id)
                self.markers += 1
                node = self.el(
                    parent,
                    "authorialNote",
                    marker=note.id,
                    placement="bottom",
                    eId=eid_part("authorialNote", str(self.markers)),
                )
                self.inline(self.el(node, "p"), note.text, notes=False)
            else:
                self.citation(parent, span)

    def href(self, ref: markup.ResolutionRef, year: int | None, fragment: tuple[str, ...]) -> str:
        if year is None:
            cited = self.layout.cited(ref)
            year = cited.latest.year if cited is not None else None
        uri = work_uri(ref.body, ref.number, year)
        anchor = fragment_eid(fragment, self.cited_eids(ref)) if fragment else ""
        return f"{uri}/!main~{anchor}" if anchor else uri

    def cited_eids(self, ref: markup.ResolutionRef) -> EIds | None:
        """The eIds of a cited resolution the corpus index holds (None if absent)."""
        if ref == self.res.key:
            return self.eids
        if ref not in self.cited:
            found = self.layout.cited(ref)
            self.cited[ref] = EIds(Layout.of(found)) if found is not None else None
        return self.cited[ref]

    def citation(self, parent: Any, cite: markup.Citation) -> None:
        pieces = self.layout.pieces(cite)
        if len(cite.resolutions) == 1:
            ref = cite.resolutions[0]
            node = self.el(parent, "ref", href=self.href(ref, cite.year, cite.fragment))
            self.append_text(node, cite.text)
            return
        mref = self.el(parent, "mref")
        linked = [ref for _, ref in pieces if ref is not None]
        for words, piece in pieces:
            if piece is None:
                self.append_text(mref, words)
            else:
                node = self.el(mref, "ref", href=self.href(piece, cite.year, ()))
                self.append_text(node, words)
        for ref in cite.resolutions:  # numbers not found in the words: refs without words
            if ref not in linked:
                self.el(mref, "ref", href=self.href(ref, cite.year, ()))

    def para(self, parent: Any, text: str, *, markup_on: bool = True) -> Any:
        node = self.el(parent, "p")
        self.inline(node, text, markup_on=markup_on)
        return node

    # -- meta -------------------------------------------------------------------------
    def frbr(self, meta: Any, component: str) -> None:
        res = self.res
        latest = res.latest
        date = _date(latest)
        event = _EVENT[latest.event]
        work = work_uri(res.body, res.number, latest.year)
        expression = f"{work}/{LANG3[res.language]}@{latest.year}"
        ident = self.el(meta, "identification", source=_SOURCE)
        w = self.el(ident, "FRBRWork")
        self.el(w, "FRBRthis", value=f"{work}/!{component}")
        self.el(w, "FRBRuri", value=work)
        self.el(w, "FRBRdate", date=date, name=event)
        self.el(w, "FRBRauthor", href=f"#{author(res.body)}")
        self.el(w, "FRBRcountry", value="un")
        self.el(w, "FRBRsubtype", value="deliberation")
        self.el(w, "FRBRnumber", value=_number(res.number)[1], showAs=safe_text(res.heading))
        self.el(w, "FRBRname", value=safe_text(" ".join(markup.plain(res.title).split())))
        e = self.el(ident, "FRBRExpression")
        self.el(e, "FRBRthis", value=f"{expression}/!{component}")
        self.el(e, "FRBRuri", value=expression)
        self.el(e, "FRBRdate", date=date, name=event)
        self.el(e, "FRBRauthor", href=f"#{author(res.body)}")
        self.el(e, "FRBRlanguage", language=LANG3[res.language])
        m = self.el(ident, "FRBRManifestation")
        self.el(m, "FRBRthis", value=f"{expression}/!{component}.xml")
        self.el(m, "FRBRuri", value=f"{expression}.xml")
        self.el(m, "FRBRdate", date=date, name=event)
        self.el(m, "FRBRauthor", href=_SOURCE)

    def meta(self, doc: Any) -> Any:
        res = self.res
        meta = self.el(doc, "meta")
        self.frbr(meta, "main")
        life = self.el(meta, "lifecycle", source=_SOURCE)
        for i, entry in enumerate(res.history, 1):
            self.el(
                life,
                "eventRef",
                eId=eid_part("eventRef", str(i)),
                date=_date(entry),
                source=f"#{eid_part('passiveRef', str(i))}",
                type=_EVENT[entry.event],
            )
        refs = self.el(meta, "references", source=_SOURCE)
        for i, entry in enumerate(res.history, 1):
            self.el(
                refs,
                "passiveRef",
                eId=eid_part("passiveRef", str(i)),
                href=work_uri(res.body, res.number, entry.year),
                showAs=safe_text(f"{entry.place}, {entry.year}"),
            )
        self.el(
            refs,
            "TLCOrganization",
            eId=author(res.body),
            href=f"/ontology/organizations/{author(res.body)}",
            showAs=author(res.body).upper(),
        )
        self.el(
            refs,
            "TLCOrganization",
            eId="itures",
            href="/ontology/organizations/itures",
            showAs="itures",
        )
        return meta

    def late_meta(self, meta: Any) -> None:
        """Notes nobody marks and the proprietary block, once the body is built."""
        unused = [n for n in self.layout.notes if n.id in self.unused]
        if unused:
            notes = self.el(meta, "notes", source=_SOURCE)
            for position, note in enumerate(unused, 1):
                node = self.el(notes, "note", eId=eid_part("note", str(position)), marker=note.id)
                self.para(node, note.text)
        prop = self.el(meta, "proprietary", source=_SOURCE)
        res = self.res
        root = self.etree.SubElement(
            prop,
            _I + "resolution",
            {"body": res.body, "number": res.number, "kind": res.kind, "language": res.language},
            nsmap={"itures": ITURES_NS},
        )
        # the resolution itself, as itures writes it: what the markup cannot carry
        # (nested items, every actor and deadline, a citation's target) is read
        # back from it, as long as the markup says what it renders (itures import)
        from itures.yamlio.write import dump_resolution

        source = dump_resolution(res)
        if safe_text(source) == source:  # (else: XML cannot carry it as it is)
            self.etree.SubElement(root, _I + "source", {"type": "application/yaml"}).text = source
        for entry in res.history:
            found = {"event": entry.event, "place": safe_text(entry.place), "year": str(entry.year)}
            if entry.date is not None:
                found["date"] = entry.date
            self.etree.SubElement(root, _I + "history", found)
        for section in [*self.layout.preamble, *self.layout.operative]:
            attrs = {"href": f"#{self.eids.by_id[section.id]}", "verb": section.verb}
            if section.actors:
                attrs["actors"] = " ".join(section.actors)
            if section.partners:
                attrs["partners"] = " ".join(section.partners)
            self.etree.SubElement(root, _I + "section", attrs)
            if section.operative:
                self.clause_meta(root, section.units)

    def clause_meta(self, root: Any, units: tuple[Unit, ...]) -> None:
        for unit in units:
            clause = unit.source
            if isinstance(clause, Clause) and (
                clause.actors or clause.partners or clause.deadlines
            ):
                attrs = {"href": f"#{self.eids.by_id[unit.id]}"}
                if clause.actors:
                    attrs["actors"] = " ".join(clause.actors)
                if clause.partners:
                    attrs["partners"] = " ".join(clause.partners)
                node = self.etree.SubElement(root, _I + "clause", attrs)
                for deadline in clause.deadlines:
                    found = {
                        k: safe_text(str(v))
                        for k, v in deadline.model_dump(exclude_none=True).items()
                    }
                    self.etree.SubElement(node, _I + "deadline", found)
            self.clause_meta(root, unit.children)

    # -- body -------------------------------------------------------------------------
    def items(self, parent: Any, units: tuple[Unit, ...], element: str) -> None:
        """Preamble items (``recital``) or nested items (``item`` in a ``blockList``)."""
        for unit in units:
            node = self.el(parent, element, eId=self.eids.by_id[unit.id])
            if unit.label is not None:
                self.el(node, "num", unit.label)
            self.para(node, unit.text)
            if unit.children:
                block = self.el(node, "blockList", eId=self.eids.by_id[f"{unit.id} blockList"])
                self.items(block, unit.children, "item")

    def clauses(self, parent: Any, units: tuple[Unit, ...], element: str) -> None:
        for unit in units:
            node = self.el(parent, element, eId=self.eids.by_id[unit.id])
            if unit.label is not None:
                self.el(node, "num", unit.label)
            self.para(self.el(node, "intro" if unit.children else "content"), unit.text)
            self.clauses(node, unit.children, "point")

    def annex(self, parent: Any, annex: AnnexPart, position: int) -> None:
        att = self.el(parent, "attachment", eId=self.eids.by_id[annex.id])
        doc = self.el(att, "doc", name="annex")
        meta = self.el(doc, "meta")
        self.frbr(meta, f"annex_{position}")
        preface = self.el(doc, "preface")
        long_title = self.el(preface, "longTitle")
        self.el(self.el(long_title, "p"), "docNumber", annex.heading)
        if annex.title is not None:
            self.para(self.el(preface, "container", name="title"), annex.title)
        body = self.el(doc, "mainBody")
        self.clauses(body, annex.units, "paragraph")
        if not annex.units:
            self.el(body, "p")  # an annex of a heading alone: mainBody cannot be empty

    def document(self) -> bytes:
        etree = self.etree
        res = self.res
        root = etree.Element(_A + "akomaNtoso", nsmap={None: AKN_NS})
        doc = self.el(root, "statement", name=res.kind)
        meta = self.meta(doc)
        preface = self.el(doc, "preface")
        p = self.el(self.el(preface, "longTitle"), "p")
        word, _, rest = res.heading.partition(" ")
        if rest and not word.startswith("第"):
            self.el(p, "docType", word)
            p[-1].tail = " "
            self.el(p, "docNumber", rest)
        else:
            self.el(p, "docNumber", res.heading)
        self.para(self.el(preface, "container", name="title"), res.title)
        if res.conference is not None or self.layout.preamble:
            preamble = self.el(doc, "preamble")
            if res.conference is not None:
                self.para(self.el(preamble, "formula", name="enactingFormula"), res.conference)
            for section in self.layout.preamble:
                recitals = self.el(preamble, "recitals", eId=self.eids.by_id[section.id])
                intro = self.el(self.el(recitals, "intro"), "p")
                self.append_text(self.el(intro, "i"), section.heading)
                self.items(recitals, section.units, "recital")
        body = self.el(doc, "mainBody")
        for section in self.layout.operative:
            container = self.el(
                body, "hcontainer", eId=self.eids.by_id[section.id], name=section.verb
            )
            heading = self.el(self.el(container, "heading"), "i")
            self.inline(heading, section.heading)
            self.clauses(container, section.units, "paragraph")
        if not self.layout.operative:
            self.el(body, "p")  # mainBody cannot be empty
        if self.layout.annexes:
            attachments = self.el(doc, "attachments")
            for position, annex in enumerate(self.layout.annexes, 1):
                self.annex(attachments, annex, position)
        self.late_meta(meta)
        _indent(root, 0)
        data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        return data + b"\n"


def _date(entry: HistoryEntry) -> str:
    """The date of a history entry: its full date when known, else 1 January of its year."""
    return entry.date if entry.date is not None else f"{entry.year:04d}-01-01"


# elements whose content is elements only: indented; everything else (p, heading,
# num, ref, authorialNote, ...) is mixed content, where whitespace is text
_STRUCTURAL = frozenset(
    [
        "akomaNtoso",
        "statement",
        "doc",
        "meta",
        "identification",
        "FRBRWork",
        "FRBRExpression",
        "FRBRManifestation",
        "lifecycle",
        "references",
        "notes",
        "note",
        "proprietary",
        "preface",
        "longTitle",
        "container",
        "preamble",
        "formula",
        "recitals",
        "intro",
        "recital",
        "blockList",
        "item",
        "mainBody",
        "hcontainer",
        "paragraph",
        "point",
        "content",
        "attachments",
        "attachment",
    ]
)


def _indent(el: Any, level: int) -> None:
    """Indent element-only content, two spaces a level; mixed content as it is."""
    tag = el.tag if isinstance(el.tag, str) else ""
    local = tag.rsplit("}", 1)[-1]
    children = list(el)
    if not children or (local not in _STRUCTURAL and not tag.startswith(_I)):
        return
    if (el.text or "").strip() or any((c.tail or "").strip() for c in children):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in children:
        _indent(child, level + 1)
        child.tail = pad
    children[-1].tail = "\n" + "  " * level


def render(layout: Layout) -> str:
    """The Akoma Ntoso XML of a laid-out resolution."""
    return _Akn(layout).document().decode("utf-8")
