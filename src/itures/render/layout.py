"""What every renderer shares: the document as laid out, ids, and link targets.

A :class:`Layout` is the resolution as ITU lays it out (heading, title,
formula, preamble sections, operative sections, annexes, footnotes), with a
stable **id** for every section, item, clause, annex and footnote. The same
ids are the HTML ``id`` attributes, the Markdown anchors and the Akoma Ntoso
``eId`` attributes, and they are computed from citation fragments by the
same function, so that ``[resolves 3](pp:191#resolves/3)`` links to the
element whose id is ``resolves-3`` in PP Resolution 191:

* a section: its verb key (``recalling``, ``resolves``, ``further_invites``);
* an item or clause: its parent's id, ``-``, its label as a fragment segment
  (``a)`` -> ``a``, ``(iv)`` -> ``iv``): ``recalling-a``, ``resolves-1-i``.
  A nested label that repeats its parent's (``1.1`` under ``1``) drops that
  prefix, as citation fragments may (``resolves/1/1`` and
  ``resolves/1/1.1`` both name it): ``resolves-1-1``;
* an annex: ``annex`` for a single unlabelled annex, else ``annex-2``; its
  paragraphs as items (``annex-2-a``);
* a footnote: ``fn-1``; its markers ``fnref-1`` (``fnref-1-2`` for a second
  marker of the same note).

In a segment, letters and digits are kept (lower-cased), ``_`` and ``-``
too, and any other run of characters becomes one ``-`` (so ``1.1`` ->
``1-1``: Akoma Ntoso portion references cannot hold a ``.``). An unlabelled
entry, or one whose label has no letter or digit, is ``n`` and its position
(``recalling-n1``). Ids are unique in a document: a duplicated label (which
``itures check`` reports) gives the second entry ``-2`` after its id, and
so does an id that the Akoma Ntoso metadata uses (``itures``,
``itu-<body>``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote

from itures.fragments import latin_letter
from itures.model import markup
from itures.model.resolution import Annex, Clause, Footnote, Item, Resolution

if TYPE_CHECKING:
    from itures.index import Index

__all__ = [
    "ABROGATED",
    "LATER",
    "Layout",
    "Note",
    "Section",
    "Unit",
    "abrogated_line",
    "fragment_id",
    "relative_path",
    "safe_text",
]

# "Abrogated (Busan, 2014)" under the heading of an abrogated resolution
ABROGATED = {
    "en": "Abrogated",
    "fr": "Abrogée",
    "es": "Derogada",
    "ru": "Отменена",
    "ar": "ملغاة",
    "zh": "已废止",
}


def abrogated_line(res: Resolution, place: Callable[[str], str] = str) -> str:
    """ "Abrogated (Busan, 2014)" in the resolution's language, punctuated as
    its heading is: the Arabic comma, in Chinese full-width parentheses and
    the year first (已废止（2018年，迪拜）). ``place`` writes the place (an
    escape)."""
    gone = res.abrogated
    assert gone is not None
    word = ABROGATED[res.language]
    if res.language == "zh":
        return f"{word}（{gone.year}年，{place(gone.place)}）"
    comma = "،" if res.language == "ar" else ","
    return f"{word} ({place(gone.place)}{comma} {gone.year})"


# the title of a link to a later revision than the citation names, in the
# language of the document
LATER = {
    "en": "The text as revised in {year} (the citation names that of {cited})",
    "fr": "Le texte révisé en {year} (la citation nomme celui de {cited})",
    "es": "El texto revisado en {year} (la cita nombra el de {cited})",
    "ru": "Текст в редакции {year} г. (в ссылке указана редакция {cited} г.)",
    "ar": "النص بصيغته المراجعة في {year} (يشير الاستشهاد إلى صيغة {cited})",
    "zh": "{year}年修订的文本（引文所指为{cited}年的文本）",
}
_SEPARATORS = re.compile(r"[^\w-]+")
# characters that XML 1.0 cannot carry (C0 controls but tab, LF and CR) or that
# HTML parsers report as errors (DEL, C1 controls, noncharacters)
_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_NOT_MARKUP = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufdd0-\ufdef{_NONCHARACTERS}]"
)


def safe_text(text: str) -> str:
    """``text`` as HTML and XML can carry it: U+0085 (a line break) as a space,
    controls and noncharacters as U+FFFD.

    YAML files hold such characters only escaped ("\\x01"); they are not text
    of a resolution, and a renderer that must produce well-formed markup shows
    them as the replacement character.
    """
    return _NOT_MARKUP.sub("\ufffd", text.replace("\x85", " "))


def _segment(raw: str | None, parent: str | None, position: int) -> str:
    """A label as an id segment (see the module docstring)."""
    seg = (raw or "").strip().strip("().").lower()
    if parent and seg.startswith(parent + "."):
        seg = seg[len(parent) + 1 :]
    # (a letter of Cyrillic or Arabic lists: the Latin letter of its place, so
    # that one part has one id in every language version)
    seg = _SEPARATORS.sub("-", latin_letter(seg)).strip("-")
    return seg or f"n{position}"


def _canonical(raw: str | None) -> str:
    """The label as the parent of a nested label (prefix stripping)."""
    return (raw or "").strip().strip("().").lower()


def fragment_id(fragment: tuple[str, ...]) -> str:
    """The id that a citation fragment names: ``('resolves', '1', 'i')`` -> ``resolves-1-i``."""
    if not fragment:
        return ""
    head, rest = fragment[0], fragment[1:]
    parts = ["annex" if head == "annex" else _segment(head, None, 1)]
    parent: str | None = None
    for seg in rest:
        parts.append(_segment(seg, parent, 1))
        parent = _canonical(seg)
    return "-".join(parts)


@dataclass(frozen=True)
class Unit:
    """An item (preamble, annex) or a clause (operative part), with its children."""

    id: str
    label: str | None
    text: str
    children: tuple[Unit, ...]
    source: Item | Clause


@dataclass(frozen=True)
class Section:
    """A preambular or operative section."""

    id: str
    verb: str
    heading: str
    units: tuple[Unit, ...]
    operative: bool
    actors: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnnexPart:
    """An annex, laid out."""

    id: str
    label: str | None
    heading: str
    title: str | None
    units: tuple[Unit, ...]
    source: Annex


@dataclass(frozen=True)
class Note:
    """A footnote: its id as stored (``'1'``), its element id, its text."""

    id: str
    html_id: str
    text: str
    source: Footnote


@dataclass
class Layout:
    """A resolution laid out for rendering; see the module docstring."""

    resolution: Resolution
    index: Index | None = None
    preamble: list[Section] = field(default_factory=list)
    operative: list[Section] = field(default_factory=list)
    annexes: list[AnnexPart] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    _cited: dict[tuple[str, str], set[str] | None] = field(default_factory=dict)
    # the suffix last given to each base of an id (see _unique), and the notes by
    # id (the first note of an id, as a marker names it)
    _suffix: dict[str, int] = field(default_factory=dict)
    _note_of: dict[str, Note] = field(default_factory=dict)

    @classmethod
    def of(cls, resolution: Resolution, index: Index | None = None) -> Layout:
        layout = cls(resolution, index)
        layout._build()
        return layout

    # -- ids ------------------------------------------------------------------------
    def _unique(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3``, ... the first not taken. The ids
        taken only grow: the search starts at the suffix the base last got
        (a file of thousands of sections of one verb is laid out in linear time)."""
        reserved = reserved_ids(self.resolution.body)
        n = self._suffix.get(base, 1)
        found = base if n == 1 else f"{base}-{n}"
        while found in self.ids or found in reserved:
            n += 1
            found = f"{base}-{n}"
        self._suffix[base] = n
        self.ids.add(found)
        return found

    def _units(
        self, entries: Sequence[Item | Clause], base: str, parent: str | None
    ) -> tuple[Unit, ...]:
        out: list[Unit] = []
        for position, entry in enumerate(entries, 1):
            uid = self._unique(f"{base}-{_segment(entry.label, parent, position)}")
            children: Sequence[Item | Clause] = (
                entry.clauses if isinstance(entry, Clause) else entry.items
            )
            kids = self._units(children, uid, _canonical(entry.label)) if children else ()
            out.append(Unit(uid, entry.label, entry.text, kids, entry))
        return tuple(out)

    def _build(self) -> None:
        res = self.resolution
        for psec in res.preamble:
            sid = self._unique(_segment(psec.verb, None, 1))
            self.preamble.append(
                Section(sid, psec.verb, psec.heading, self._units(psec.items, sid, None), False)
            )
        for osec in res.operative:
            sid = self._unique(_segment(osec.verb, None, 1))
            self.operative.append(
                Section(
                    sid,
                    osec.verb,
                    osec.heading,
                    self._units(osec.clauses, sid, None),
                    True,
                    tuple(osec.actors),
                    tuple(osec.partners),
                )
            )
        single = len(res.annexes) == 1
        for position, annex in enumerate(res.annexes, 1):
            if annex.label is None and single:
                base = "annex"
            else:
                base = f"annex-{_segment(annex.label, None, position)}"
            aid = self._unique(base)
            self.annexes.append(
                AnnexPart(
                    aid,
                    annex.label,
                    annex.heading,
                    annex.title,
                    self._units(annex.items, aid, None),
                    annex,
                )
            )
        for note in res.footnotes:
            made = Note(note.id, self._unique(f"fn-{_segment(note.id, None, 1)}"), note.text, note)
            self.notes.append(made)
            self._note_of.setdefault(note.id, made)

    def note(self, fid: str) -> Note | None:
        """Footnote ``fid`` (the first of that id), None when no footnote has that id."""
        return self._note_of.get(fid)

    def note_id(self, fid: str) -> str | None:
        """The element id of footnote ``fid``, None when no footnote has that id."""
        found = self._note_of.get(fid)
        return None if found is None else found.html_id

    def marker_id(self, fid: str) -> str:
        """A fresh id for a marker of footnote ``fid`` (``fnref-1``, then ``fnref-1-2``)."""
        return self._unique(f"fnref-{_segment(fid, None, 1)}")

    # -- citations ------------------------------------------------------------------
    def pieces(self, cite: markup.Citation) -> list[tuple[str, markup.ResolutionRef | None]]:
        """The words of a citation split into parts that cite one resolution each.

        ``les Résolutions 17, 26, 44 et 45 (...)`` citing wtsa:17,26,44,45 gives
        the number of each resolution as its own part (and the words around
        them unlinked), when every number is found in order as a whole word;
        otherwise the whole words cite the first resolution.
        """
        refs = cite.resolutions
        if len(refs) == 1:
            return [(cite.text, refs[0])]
        out: list[tuple[str, markup.ResolutionRef | None]] = []
        pos = 0
        for ref in refs:
            shown = ref.number
            if shown[:1] in ("D", "R") and shown[1:2].isdigit():
                shown = shown[1:]  # Decision 5 is written 5
            m = re.compile(rf"(?<![\w.-]){re.escape(shown)}(?![\w-])").search(cite.text, pos)
            if m is None:
                return [(cite.text, refs[0])]
            if m.start() > pos:
                out.append((cite.text[pos : m.start()], None))
            out.append((m.group(), ref))
            pos = m.end()
        if pos < len(cite.text):
            out.append((cite.text[pos:], None))
        return out

    def _ids_of(self, ref: markup.ResolutionRef, language: str) -> set[str] | None:
        """The ids of the cited resolution (in the index), None when it is not there."""
        key = (str(ref), language)
        if key not in self._cited:
            cited = self.cited(ref)
            self._cited[key] = Layout.of(cited).ids if cited is not None else None
        return self._cited[key]

    def later(self, cite: markup.Citation, ref: markup.ResolutionRef | None = None) -> str | None:
        """What a link of ``cite`` (to ``ref``, default its first resolution)
        says when the corpus holds a later revision than the one the citation
        names ("(Rev. Guadalajara, 2010)", the corpus at 2014): the link goes
        to that text, and says so, in the language of the document; None
        when it names none or the one the corpus holds."""
        cited = self.cited(ref or cite.resolutions[0])
        if cited is None or cite.year is None:
            return None
        years = cited.revision_years()
        if not years or years[-1] <= cite.year:
            return None
        return LATER[self.resolution.language].format(year=years[-1], cited=cite.year)

    def cited(self, ref: markup.ResolutionRef) -> Resolution | None:
        """The cited resolution in the index: this language, else any (None if absent)."""
        if ref == self.resolution.key:
            return self.resolution
        if self.index is None:
            return None
        versions = self.index.versions(ref.body, ref.number)
        if not versions:
            return None
        found = versions.get(self.resolution.language) or next(iter(versions.values()))
        return self.index.model(found)

    def href(self, ref: markup.ResolutionRef, fragment: tuple[str, ...], ext: str) -> str | None:
        """Where a citation of ``ref`` links in a rendered corpus, relative to this
        document's own rendered file; None when there is nothing to link to.

        Without an index every citation links (the corpus is assumed rendered
        beside this document); with one, a resolution the index does not hold
        is not linked, and a fragment the cited resolution does not have is
        left out of the link.
        """
        own = ref == self.resolution.key
        anchor = fragment_id(fragment)
        language = self.resolution.language
        if self.index is not None or own:
            cited = self.cited(ref)
            if cited is None:
                return None
            language = cited.language
            ids = self.ids if own else self._ids_of(ref, cited.language)
            if anchor and ids is not None and anchor not in ids:
                anchor = ""
        if own:
            return f"#{quote(anchor)}" if anchor else "#"
        here = posixpath.dirname(relative_path(self.resolution, ext))
        there = relative_path_of(ref.body, ref.number, language, ext)
        link = quote(posixpath.relpath(there, here))
        return f"{link}#{quote(anchor)}" if anchor else link


def reserved_ids(body: str) -> frozenset[str]:
    """Ids that the Akoma Ntoso metadata uses (the body's and itures's ``TLCOrganization``):
    no section or clause gets them, in any format, so that ids are the same in all."""
    return frozenset({"itures", body, f"itu-{body}"})


def relative_path_of(body: str, number: str, language: str, ext: str) -> str:
    """``<body>/<number>/<language><ext>``: where a rendered resolution goes (a ``/`` in
    the number becomes ``_``: :func:`itures.paths.folder_name`)."""
    from itures.paths import identity_path

    return identity_path(body, number, language, ext)


def relative_path(resolution: Resolution, ext: str) -> str:
    """Where this resolution's rendering goes in a rendered corpus (mirrors the YAML)."""
    return relative_path_of(resolution.body, resolution.number, resolution.language, ext)
