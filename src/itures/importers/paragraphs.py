"""A stream of Word paragraphs -> a resolution (shared by the text and .docx importers).

The paragraphs come in document order, their footnote markers already turned
into ``[^N]`` and Word's export markup removed. The layout of an ITU
resolution, read from paragraph styles when the document has ITU's
(``ResNo``, ``Restitle``, ``Call``) and from text patterns otherwise:

1. the heading, ``RÉSOLUTION 59 (RÉV.DUBAÏ, 2014BUENOS AIRES, 2017)``;
2. the title, possibly over several paragraphs;
3. the conference formula, ``La Conférence ... (Buenos Aires, 2017),``;
4. sections: a heading paragraph ("rappelant", "décide", "charge le
   Directeur du BDT, en coopération avec ...") and its labelled paragraphs
   (``a)<TAB>``, ``abis)``, ``1``, ``1.1``, ``i)``); a paragraph without a
   label continues the previous one when that one has no end mark (a line
   break inside a clause), and is otherwise an unlabelled item;
5. annexes: an annex heading paragraph (``ANNEX 1 TO RESOLUTION 71 (...)``,
   ``ANNEXE``, ``ANEXO``; ITU style ``AnnexNo``) opens one, its reference
   line and title follow (``Annexref``, ``Annextitle``), then its items.

Labels, wording and order are kept as written. Tracked-change residue (a
struck text glued to its replacement) is resolved to the revised text and
noted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from itures import textscan
from itures.i18n import listing, tr
from itures.importers import extract
from itures.importers.build import (
    Imported,
    ImportFailure,
    Note,
    body_of,
    citation_notes,
    clause_data,
    fix_end_marks,
    heading_data,
    history_from,
    item_data,
    operative_verb,
    places_in,
    preamble_verb,
    slug,
    unglue,
    validated,
)
from itures.importers.lang import Grammar, grammar, guess_language, near_heading, without_accents
from itures.model.resolution import KIND_PREFIX

__all__ = ["TABLE_ADVICE", "Found", "Para", "build", "table_advice", "typed_label"]

SUPPORTED = ("en", "fr", "es")


class Found(str):
    """A change said of a paragraph that ``check`` finds again in the text (a
    character that never belongs in a text): the import shows check's finding,
    with ``where`` (see :attr:`Note.scanned`); the message is the note's when
    check does not find it."""

    where: str

    def __new__(cls, message: str, where: str) -> Found:
        made = super().__new__(cls, message)
        made.where = where
        return made


def _note(change: str, path: tuple[str | int, ...], covers: tuple[str, ...] = ()) -> Note:
    """The note of a change said of a paragraph, at ``path``."""
    if isinstance(change, Found):
        return Note(str(change), path, covers=covers, scanned=True, where=change.where)
    return Note(change, path, covers=covers)


@dataclass
class Para:
    """One paragraph of the source: its text, where it is, its style."""

    text: str
    where: str
    style: str | None = None
    # tracked changes seen in the paragraph (deleted text not kept), as messages
    changes: list[str] = field(default_factory=list)
    # the rules whose findings at the entry follow from its changes (see Note.covers)
    covers: tuple[str, ...] = ()
    # a table read as one paragraph (it goes on in an entry that announces it)
    table: bool = False


# A label and the tab (or, after a closing parenthesis, spaces) that ends it.
_LABEL = re.compile(
    r"""^\s*(?P<label>
        (?:[a-z](?:bis|ter|quater)?|[ivxlc]+(?:bis|ter)?)\)      # a)  abis)  i)
      | \d+(?:\.\d+)*(?:\s?(?:bis|ter|quater))?\)?              # 1  1.1  1bis  1)
    )(?:\t+|(?<=\))[ \u00a0]+)(?P<text>.*)$""",
    re.VERBOSE | re.S,
)
_RULE = re.compile(r"^[\s_\-–—=*]{5,}$")
_TERMINAL = (";", ",", ".", ":", "!", "?")
_ROMAN = re.compile(r"^[ivxlc]+\)$")
_LETTER = re.compile(r"^([a-z])(?:bis|ter|quater)?\)$")

_STYLE_HEADING = {"resno", "resnobr", "decno", "recno"}
_STYLE_TITLE = {"restitle", "dectitle", "rectitle"}
_STYLE_CALL = {"call"}
# ITU's annex styles: the heading ("ANNEX 1"), its reference line ("(to Resolution
# 71 ...)") and its title; body styles that are never a title
_STYLE_ANNEX = {"annexno", "annexnotitle", "annexnotitle0"}
_STYLE_ANNEX_REF = {"annexref"}
_STYLE_ANNEX_TITLE = {"annextitle", "annexnotitle"}
_STYLE_BODY = {"listparagraph", "enumlev1", "enumlev2"}
# an annex heading's reference line on its own: "(to Resolution 71 (Rev. Dubai, 2018))"
_REFERENCE = re.compile(r"^\((?:[^()]|\([^()]*\))*\)$")
_TITLE_MAX = 200


def typed_label(text: str) -> str | None:
    """The label typed at the start of a paragraph's text ("a)", "1.1" before a
    tab), if any."""
    m = _LABEL.match(text)
    return m.group("label") if m else None


def _style(para: Para) -> str:
    return (para.style or "").replace(" ", "").lower()


def _kind_of(label: str, previous_top: str | None) -> str:
    """letter, roman, number or dotted; 'i)' after 'h)' is a letter, as is a
    first label of one letter other than 'i)'."""
    if _ROMAN.match(label):
        if previous_top is not None and _LETTER.match(previous_top):
            prev = _LETTER.match(previous_top)
            if prev and ord(label[0]) == ord(prev.group(1)) + 1 and len(label) == 2:
                return "letter"
        if previous_top is None:
            # a list's first label: "i)" or "ii)" start roman numbers; "c)" or
            # "d)" are letters (a list that goes on from a section before)
            return "roman" if label[0] == "i" or len(label) > 2 else "letter"
        return "roman" if len(label) > 2 or label[0] in "iv" or label[0] == "x" else "letter"
    if _LETTER.match(label):
        return "letter"
    return "dotted" if "." in label else "number"


@dataclass
class _Section:
    part: str  # preamble or operative
    data: dict[str, Any]
    where: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    top_kind: str | None = None
    last_top: dict[str, Any] | None = None
    last: dict[str, Any] | None = None  # the entry the next unlabelled line may continue
    changes: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    heading_notes: list[str] = field(default_factory=list)  # what its heading's reading said
    # what was said of the paragraphs of its heading (and an annex's title): (key, change)
    said: list[tuple[str, str]] = field(default_factory=list)


def build(
    paras: list[Para],
    footnotes: list[tuple[str, str]],
    *,
    source: str,
    body: str | None = None,
    language: str | None = None,
    footnote_changes: dict[str, list[str]] | None = None,
) -> Imported:
    """Build one resolution from its paragraphs and footnotes (``footnote_changes``:
    what was said of a footnote's text, by its id)."""
    emptied = []
    for n, p in enumerate(paras):
        if p.text.strip() or not p.changes:
            continue
        before = next((q for q in reversed(paras[:n]) if q.text.strip()), None)
        if before is not None and typed_label(before.text) is not None:
            # a paragraph deleted whole after an entry: said at that entry
            before.changes.extend(
                tr("{change} ({where}, after this entry)", change=c, where=p.where)
                for c in p.changes
            )
        else:
            emptied.append(p)
    footnotes = list(footnotes)
    paras = _plain_footnotes(paras, footnotes)
    paras, after_rule = _closing_rule(paras)
    if not paras:
        raise ImportFailure(tr("the document has no text"), where=source)
    script = _script(" ".join(p.text for p in paras[:60]))
    if script is not None:
        raise ImportFailure(_unsupported(script[1], ", ".join(SUPPORTED)), where=source)
    lang = language or guess_language(" ".join(p.text for p in paras[:60]))
    if lang is None:
        raise ImportFailure(
            tr("cannot tell the document's language; give --language"), where=source
        )
    if lang not in SUPPORTED:
        raise ImportFailure(
            tr(
                "no import grammar for language {language} (supported: {supported})",
                language=repr(lang),
                supported=", ".join(SUPPORTED),
            ),
            where=source,
        )
    g = grammar(lang)
    notes: list[Note] = []
    for p in emptied:  # a paragraph deleted whole (a tracked deletion): said, not lost
        notes.extend(
            Note(
                tr(
                    "{change} ({where}, a paragraph with no text left)",
                    change=c,
                    where=p.where,
                )
            )
            for c in p.changes
        )
    if after_rule:
        texts = "; ".join(repr(s.text.strip()[:60]) for s in after_rule)
        where = after_rule[0].where
        notes.append(
            Note(
                tr(
                    "1 paragraph(s) after the closing rule left out ({where}): {texts}",
                    where=where,
                    texts=texts,
                )
                if len(after_rule) == 1
                else tr(
                    "{count} paragraph(s) after the closing rule left out ({where}): {texts}",
                    count=len(after_rule),
                    where=where,
                    texts=texts,
                )
            )
        )
        notes.extend(_left_with(after_rule, "rule"))

    # 1. heading
    first = paras[0]
    head = g.heading.match(first.text.strip())
    if head is None:
        for i, p in enumerate(paras[:8]):
            head = g.heading.match(p.text.strip())
            if head is not None:
                skipped = paras[:i]
                texts = "; ".join(repr(s.text.strip()[:60]) for s in skipped)
                notes.append(
                    Note(
                        tr("1 paragraph(s) before the heading left out: {texts}", texts=texts)
                        if len(skipped) == 1
                        else tr(
                            "{count} paragraph(s) before the heading left out: {texts}",
                            count=len(skipped),
                            texts=texts,
                        )
                    )
                )
                notes.extend(_left_with(skipped, "heading"))
                first = p
                paras = paras[i:]
                break
    if head is None:
        read_wrong = [a for a in textscan.glyphs(first.text) if a.kind == "mojibake"]
        if read_wrong:  # the document's text garbled: its heading cannot be read
            pairs = [(w, m) for w, m in textscan.read_wrong_words(read_wrong[0]) if w]
            words = [tr("{wrong} is {meant}", wrong=w, meant=m) for w, m in pairs]
            raise ImportFailure(
                tr(
                    "the text is UTF-8 read as Latin-1 or Windows-1252 ({words}), so its "
                    "heading cannot be read: convert the source again with its right "
                    "encoding (UTF-8)",
                    words=listing(words),
                ),
                where=f"{source}, {first.where}",
            )
        raise ImportFailure(
            tr(
                "no heading such as 'RESOLUTION 59 (Rev. Buenos Aires, 2017)' in the first "
                "paragraphs (first paragraph: {text})",
                text=repr(first.text.strip()[:80]),
            ),
            where=f"{source}, {first.where}",
        )
    rest = paras[1:]

    # 2. title, 3. formula
    title_parts: list[str] = []
    title_changes: list[str] = []
    formula: str | None = None
    formula_changes: list[str] = []
    i = 0
    while i < len(rest):
        p = rest[i]
        text = p.text.strip()
        if g.formula.match(text) and _style(p) not in _STYLE_TITLE:
            formula = text
            formula_changes = p.changes
            i += 1
            break
        if title_parts and (
            _LABEL.match(p.text)
            or preamble_verb(text, g)
            or (_style(p) in _STYLE_CALL and _calls(text, rest[i + 1 : i + 4], g))
        ):
            break
        title_parts.append(text)
        title_changes.extend(p.changes)
        i += 1
    if not title_parts:
        raise ImportFailure(tr("no title after the heading"), where=f"{source}, {first.where}")
    sections_paras = rest[i:]

    formula_notes: list[str] = []
    if formula is not None:
        formula, formula_notes = unglue(formula)
    known = places_in(first.text) | places_in(formula or "")
    if formula is not None:
        known = places_in(formula) | {
            k: v for k, v in places_in(rest[i - 1].text if i else "").items() if k not in known
        }
    when = head.group("when")
    if when is None:
        # "RÉSOLUTION 59": the conference of the formula is the one of the text
        held = re.findall(r"\(([^()]*\d{4}[^()]*)\)", formula or "")
        if not held:
            raise ImportFailure(
                tr(
                    "the heading {heading} names no conference, and no conference formula "
                    "follows: write the heading as 'RESOLUTION 59 (Rev. Buenos Aires, 2017)'",
                    heading=repr(first.text.strip()),
                ),
                where=f"{source}, {first.where}",
            )
        when = held[-1]
    history, glued = history_from(when, g, known)
    own = body or ("ra" if head.group("sector") else None) or body_of(formula, lang)
    if own is None:
        raise ImportFailure(
            tr("cannot tell the issuing body from the conference formula; give --body"),
            where=f"{source}, {first.where}",
        )
    kind = g.kind_words.get(_fold(head.group("kind")), "resolution")
    number = head.group("number").replace("‑", "-")
    number = KIND_PREFIX.get(kind, "") + number

    data: dict[str, Any] = {"body": own, "number": number}
    if kind != "resolution":
        data["kind"] = kind
    data["language"] = lang
    data["title"] = " ".join(" ".join(title_parts).split())
    data["history"] = history
    if glued:
        struck = repr(glued[0])
        for x in glued[1:-1]:
            struck = tr("{struck} struck, then {next}", struck=struck, next=repr(x))
        notes.append(
            Note(
                tr(
                    "heading as published {heading}: a tracked change, {struck} struck, "
                    "then {inserted} inserted; the history records {history}",
                    heading=repr(first.text.strip()),
                    struck=struck,
                    inserted=repr(glued[-1]),
                    history=_in_turn([f"{h['place']} {h['year']}" for h in history]),
                ),
                ("history",),
            )
        )
    if formula is not None:
        data["conference"] = formula
        notes.extend(Note(m, ("conference",)) for m in formula_notes)
        notes.extend(_note(c, ("conference",)) for c in formula_changes)
    notes.extend(_note(c, ("title",)) for c in title_changes)
    if head.group("when") is None:
        notes.append(
            Note(
                tr(
                    "the heading {heading} names no adoption or revision: the history records "
                    "the conference of the formula, {history}, as the resolution's adoption; if "
                    "that conference revised it, say so and add the earlier revisions",
                    heading=repr(first.text.strip()),
                    history=_in_turn([f"{h['place']} {h['year']}" for h in history]),
                ),
                ("history",),
            )
        )
    for change in first.changes:
        notes.append(_note(change, ("history",)))

    # 4. sections
    sections: list[_Section] = []
    current: _Section | None = None
    titling = False  # right after an annex heading: its reference line, its title
    for p in _loose_labels(_split_run_in(sections_paras, g)):
        text = p.text.strip()
        label = _LABEL.match(p.text)
        style = _style(p)
        if label is None and textscan.page_line(text):
            notes.append(
                Note(
                    tr(
                        "page header or footer {text} ({where}) left out",
                        text=repr(text),
                        where=p.where,
                    )
                )
            )
            notes.extend(_left_with([p], "page"))
            continue
        annex = g.annex_heading.match(text) if label is None else None
        if annex is not None or (label is None and style in _STYLE_ANNEX):
            data_annex: dict[str, Any] = {"heading": text}
            if annex is not None and annex.group("label"):
                data_annex = {"label": annex.group("label"), **data_annex}
            current = _Section("annexes", data_annex, p.where)
            current.said.extend(("heading", c) for c in p.changes)
            sections.append(current)
            titling = True
            continue
        if current is not None and current.part == "annexes":
            if titling and label is None:
                if style in _STYLE_ANNEX_REF or (
                    _REFERENCE.match(text) and "title" not in current.data
                ):
                    current.data["heading"] += " " + text
                    current.said.extend(("heading", c) for c in p.changes)
                    continue
                title = current.data.get("title")
                if style in _STYLE_ANNEX_TITLE or (
                    title is None
                    and style not in _STYLE_BODY
                    and len(text) <= _TITLE_MAX
                    and not text.endswith(_TERMINAL)
                ):
                    current.data["title"] = f"{title} {text}" if title else text
                    current.said.extend(("title", c) for c in p.changes)
                    titling = style in _STYLE_ANNEX_TITLE
                    continue
            titling = False
            _annex_entry(current, p, text, label)
            continue
        if label is None:
            bare = _MARKER.sub("", text).strip()  # (a footnote marker on a heading)
            pkey = preamble_verb(bare, g)
            op = operative_verb(bare, g) if pkey is None else None
            heading_g = g  # the grammar the heading is read with
            cut = pkey is None and op is None and not _ends_entry(current)
            if cut and style in _STYLE_CALL:
                # the heading style on the rest of an entry cut by a paragraph mark:
                # it names no verb, and the entry before has no end mark (said there)
                assert current is not None and current.last is not None
                current.changes.append(
                    (
                        current.last,
                        tr(
                            "paragraph {text} ({where}) has the style of a section heading but "
                            "names no verb: read as the rest of this entry, which had no end mark",
                            text=repr(text[:60]),
                            where=p.where,
                        ),
                    )
                )
                current.changes.extend((current.last, c) for c in p.changes)
            elif pkey is None and op is None and _ends_entry(current):
                # a heading with a slip ("decide" for "décide"): read with
                # the verb it nearly is; heading-mismatch reports the slip
                near = near_heading(bare, g)
                if near is not None and near[0] == "preamble":
                    pkey = near[1]
                elif near is not None:
                    named = " ".join(bare.split()[len(near[2].split()) :]).strip(" ,:")
                    if not named or extract.heading_actors(named, g.language).actors:
                        op = (near[1], named)
                if near is None:
                    # a heading of another language of the vocabulary ("considérant"
                    # in a Spanish text): read as that section, kept as written;
                    # heading-mismatch reports it (one finding, not a cascade)
                    other = _other_heading(bare, g)
                    if other is not None and other[1] == "preamble":
                        pkey = other[2]
                    elif other is not None:
                        heading_g, op = other[0], (other[2], other[3])
            noverb = not cut and pkey is None and op is None and style in _STYLE_CALL
            if noverb and current is None:
                op = (slug(text), text)
                notes.append(
                    Note(
                        tr(
                            "section heading {heading} not recognised; verb key {key}",
                            heading=repr(text),
                            key=repr(op[0]),
                        )
                    )
                )
            elif noverb:
                # ITU's heading style on a paragraph that names no verb, after an
                # entry with its end mark: no section is made of it (its verb would
                # be invented); its words stay where they are, an unlabelled entry
                # of the section, and the note is the one finding there
                assert current is not None
                called: dict[str, Any] = {
                    "_label": None,
                    "_text": text,
                    "_children": [],
                    "_covers": _CALL_COVERS,
                }
                current.entries.append(called)
                current.last = called
                current.changes.append(
                    (
                        called,
                        tr(
                            "paragraph {text} ({where}) has the style of a section heading "
                            "but names no verb of the vocabulary (schema/verbs.yaml): not read "
                            "as a section; its words are kept here, as an unlabelled entry of "
                            "{heading}. If it is a section heading, write its verb; if it is "
                            "text, give it a label and an end mark, or join it to the entry "
                            "before or after it, as the published text has it",
                            text=repr(text[:60]),
                            where=p.where,
                            heading=repr(current.data["heading"]),
                        ),
                    )
                )
                current.changes.extend((called, c) for c in p.changes)
                continue
            if pkey is not None:
                current = _Section("preamble", {"verb": pkey, "heading": text}, p.where)
                current.said.extend(("heading", c) for c in p.changes)
                sections.append(current)
                continue
            if op is not None and (current is None or current.entries or style in _STYLE_CALL):
                said: list[str] = []
                current = _Section(
                    "operative", heading_data(op[0], text, op[1], heading_g, said), p.where
                )
                if said:
                    current.heading_notes = said
                current.said.extend(("heading", c) for c in p.changes)
                sections.append(current)
                continue
        if current is None:
            raise ImportFailure(
                tr("text before the first section heading: {text}", text=repr(text[:80])),
                where=f"{source}, {p.where}",
            )
        if label is None:
            last = current.last
            ends = last["_text"].rstrip() if last is not None else ""
            # (a table, read as a paragraph, goes on in the entry that announces it)
            if last is not None and (
                not ends.endswith(_TERMINAL) or (p.table and ends.endswith(":"))
            ):
                last["_text"] = last["_text"].rstrip() + " " + text
                # (what was seen in the paragraph is noted at the entry it continues)
                current.changes.extend((last, c) for c in p.changes)
                if p.covers:
                    last["_covers"] = p.covers
                continue
            entry: dict[str, Any] = {"_label": None, "_text": text, "_children": []}
            if p.covers:
                entry["_covers"] = p.covers
            current.entries.append(entry)
            current.last = entry
            current.changes.extend((entry, c) for c in p.changes)
            continue
        _labelled_entry(current, p, label)

    preamble: list[dict[str, Any]] = []
    operative: list[dict[str, Any]] = []
    annexes: list[dict[str, Any]] = []
    parts = {"preamble": preamble, "operative": operative, "annexes": annexes}
    for sec in sections:
        part = parts[sec.part]
        index = len(part)
        key = "clauses" if sec.part == "operative" else "items"
        changes: dict[int, list[str]] = {}
        for e, c in sec.changes:
            changes.setdefault(id(e), []).append(c)
        ctx = _Convert(sec.part, key, changes, g, own, notes, number)
        converted = ctx.convert(sec.entries, (sec.part, index, key))
        if not converted:
            if sec.part == "annexes":
                notes.extend(_note(c, ("annexes", index, key)) for key, c in sec.said)
                heading = repr(sec.data["heading"])
                notes.append(
                    Note(
                        tr(
                            "annex {heading} {title} ({where}) has no paragraphs: kept with its "
                            "heading and title only",
                            heading=heading,
                            title=repr(sec.data["title"]),
                            where=sec.where,
                        )
                        if sec.data.get("title")
                        else tr(
                            "annex {heading} ({where}) has no paragraphs: kept with its heading "
                            "and title only",
                            heading=heading,
                            where=sec.where,
                        ),
                        ("annexes", index),
                    )
                )
                part.append(dict(sec.data))
                continue
            notes.append(Note(_empty_section(sec.data["heading"], key)))
            notes.extend(
                Note(tr("{change} ({where}, the heading left out)", change=c, where=sec.where))
                for _, c in sec.said
            )
            continue
        # (what the heading's words name, read by the note: actor-mismatch's
        # reading of them says it again)
        notes.extend(
            Note(m, (sec.part, index, "heading"), covers=("actor-mismatch",))
            for m in sec.heading_notes
        )
        notes.extend(_note(c, (sec.part, index, at)) for at, c in sec.said)
        part.append({**sec.data, key: converted})
    if preamble:
        data["preamble"] = preamble
    if operative:
        data["operative"] = operative
    if annexes:
        data["annexes"] = annexes
    if footnotes:
        notes_data: list[dict[str, str]] = []
        for fid, ftext in footnotes:
            marked = item_data(None, " ".join(ftext.split()), g, own, number)["text"]
            if marked:
                at = ("footnotes", len(notes_data), "text")
                notes.extend(_note(c, at) for c in (footnote_changes or {}).get(fid, ()))
                notes_data.append({"id": fid, "text": marked})
        if notes_data:
            data["footnotes"] = notes_data
    resolution = validated(data, where=source)
    notes.extend(citation_notes(resolution, own))
    return Imported(resolution, notes, source)


def _empty_section(heading: str, key: str) -> str:
    """The note of a section left out for want of items (or clauses): one
    message per noun."""
    if key == "clauses":
        return tr("section {heading} without any clauses: left out", heading=repr(heading))
    return tr("section {heading} without any items: left out", heading=repr(heading))


def _in_turn(items: list[str]) -> str:
    """'a', 'a, then b', 'a, then b, then c' in the current language (the
    entries of a history, in their order)."""
    said = items[0] if items else ""
    for item in items[1:]:
        said = tr("{earlier}, then {later}", earlier=said, later=item)
    return said


def _left_with(paras: list[Para], why: Literal["rule", "heading", "page"]) -> list[Note]:
    """What was said of paragraphs left out, with them; ``why``, where they
    were: after the closing ``rule``, before the ``heading``, or a ``page``
    header or footer (one message each)."""
    out: list[Note] = []
    for p in paras:
        for c in p.changes:
            if why == "rule":
                said = tr(
                    "{change} ({where}, after the closing rule, left out)", change=c, where=p.where
                )
            elif why == "heading":
                said = tr(
                    "{change} ({where}, before the heading, left out)", change=c, where=p.where
                )
            else:
                said = tr(
                    "{change} ({where}, a page header or footer, left out)", change=c, where=p.where
                )
            out.append(Note(said))
    return out


# the scripts of the ITU languages the importer has no grammar for: (name,
# the languages), by a letter's Unicode name's first word
_SCRIPTS = {
    "CYRILLIC": ("Cyrillic letters", "Russian"),
    "CJK": ("Chinese characters", "Chinese"),
    "ARABIC": ("Arabic letters", "Arabic"),
}


def _unsupported(seen: str, supported: str) -> str:
    """The failure of a document in a language the importer does not read:
    one message per language (its name is not put into a sentence)."""
    if seen == "Russian":
        return tr(
            "the document is in Russian (its text is in Cyrillic letters): the importer reads "
            "English, French and Spanish only ({supported}); Russian has no import grammar yet",
            supported=supported,
        )
    if seen == "Chinese":
        return tr(
            "the document is in Chinese (its text is in Chinese characters): the importer "
            "reads English, French and Spanish only ({supported}); Chinese has no import "
            "grammar yet",
            supported=supported,
        )
    return tr(
        "the document is in Arabic (its text is in Arabic letters): the importer reads "
        "English, French and Spanish only ({supported}); Arabic has no import grammar yet",
        supported=supported,
    )


def _script(text: str) -> tuple[str, str] | None:
    """(its letters, the language) of a text most of whose letters are of a script the
    importer reads no language of (Cyrillic, Chinese, Arabic); None for a
    text in Latin letters (a Russian word or two in an English text is
    English). Said plainly, instead of "cannot tell the language": a
    ``--language`` would not help."""
    import unicodedata

    counts: dict[str, int] = {}
    letters = 0
    for ch in text[:20000]:
        if not ch.isalpha():
            continue
        letters += 1
        first = unicodedata.name(ch, "").split(" ", 1)[0]
        if first in _SCRIPTS:
            counts[first] = counts.get(first, 0) + 1
    if not counts:
        return None
    most = max(counts, key=lambda k: counts[k])
    return _SCRIPTS[most] if counts[most] * 2 > letters else None


# a footnote marker, as the importers write it
_MARKER = re.compile(r"\[\^[^\]\s]*\]")


def _calls(text: str, following: list[Para], g: Grammar) -> bool:
    """Whether a paragraph in the style of a section heading, met in the
    title, is one: it names an operative verb, or no conference formula
    follows it (a title's line given the heading style by mistake is
    followed by the formula)."""
    if operative_verb(text, g) is not None:
        return True
    return not any(g.formula.match(q.text.strip()) for q in following)


# a footnote's text as a paragraph of its own: its mark, a tab, its text
# ("1<TAB>These include ...": a conversion that lost Word's footnote)
_PLAIN_BODY = re.compile(r"^\s*(?P<mark>\d{1,2}|[*†‡§]{1,3})\t+(?P<text>\S.*?)\s*$", re.S)


@lru_cache(maxsize=16)
def _glued_mark(mark: str) -> re.Pattern[str]:
    """A footnote mark glued to the word before it ("countries1,"): three
    letters before it, a blank, an end mark or the end of the text after it."""
    return re.compile(rf"(?<=[^\W\d_]{{3}}){re.escape(mark)}(?=[\s,;.:)]|$)")


def _word_at(text: str, m: re.Match[str]) -> str:
    """The word a glued mark (a match of :func:`_glued_mark`) is glued to, with it."""
    start = m.start()
    while start > 0 and (text[start - 1].isalpha()):
        start -= 1
    return text[start : m.end()]


def _continues(mark: str, before: str | None, after: str | None) -> bool:
    """Whether a paragraph labelled ``mark`` reads as an entry of its list: the
    number after the label before it, or the one before the label after it
    (or its first sub-clause, "1.1" after "1")."""
    if not mark.isdigit():
        return False
    n = int(mark)
    return (before is not None and before == str(n - 1)) or (
        after is not None and (after == str(n + 1) or after.startswith(f"{mark}."))
    )


def _plain_footnotes(paras: list[Para], footnotes: list[tuple[str, str]]) -> list[Para]:
    """The paragraphs, a footnote that a conversion made plain text read again:
    its mark a digit glued to a word ("…developing countries1,") and its text a
    paragraph "1<TAB>These include …" right after the paragraph of the mark
    (after other such paragraphs), or after the rule that closes the document.
    The mark becomes ``[^1]`` and the text an entry of ``footnotes`` (appended
    to them), noted at the mark. When the paragraph also reads as an entry of
    the list it is in (the "1" of a list after "instructs the
    Secretary-General1"), nothing is changed and the glued mark is noted: the
    text cannot tell which it is."""
    taken = {fid for fid, _ in footnotes}
    rules = [i for i, p in enumerate(paras) if p.text.strip() and _RULE.match(p.text)]
    rule = rules[-1] if rules else len(paras)
    written = [p for p in paras if p.text.strip()]
    # only footnote texts after the closing rule: they are the document's footnotes
    tail = (
        rules
        and any(p.text.strip() for p in paras[rule + 1 :])
        and all(_PLAIN_BODY.match(p.text) for p in paras[rule + 1 :] if p.text.strip())
    )
    gone: set[int] = set()
    for n, p in enumerate(paras):
        m = _PLAIN_BODY.match(p.text)
        if m is None or m.group("mark") in taken:
            continue
        mark = m.group("mark")
        glued = _glued_mark(mark)
        at_end = bool(tail) and n > rule
        if at_end:
            marking = [q for q in paras[:rule] if glued.search(q.text)]
            q = marking[0] if marking else None
        else:
            q = next(
                (
                    x
                    for i, x in reversed(list(enumerate(paras[:n])))
                    if x.text.strip() and i not in gone
                ),
                None,
            )
        g_m = glued.search(q.text) if q is not None else None
        if q is None or g_m is None:
            continue
        word = _word_at(q.text, g_m)
        shown = p.text.strip()
        shown = shown if len(shown) <= 60 else shown[:60] + "…"
        if not at_end:
            k = written.index(p)
            labels = [typed_label(x.text) for x in written]
            before = next((x for x in reversed(labels[:k]) if x is not None), None)
            after = labels[k + 1] if k + 1 < len(labels) else None
            if _continues(mark, before, after):
                q.changes.append(
                    tr(
                        "{word}: the {mark} glued to the word may be the reference of a "
                        "footnote that lost its form, and the paragraph {text} ({where}) the "
                        "footnote's text; it also reads as an entry of its list, and is kept "
                        "as one. If it is a footnote, write {marked} for {word} and move the "
                        "paragraph's text to 'footnotes' with the id {id}",
                        word=repr(word),
                        mark=repr(mark),
                        marked=repr(word[: -len(mark)] + f"[^{mark}]"),
                        id=repr(mark),
                        text=repr(shown),
                        where=p.where,
                    )
                )
                continue
        text = m.group("text")
        bracket = ""
        if text.endswith("]") and text.count("]") > text.count("["):
            # the end of Word's footnote form "[1: 1<TAB>…]", its opening lost
            text, bracket = text[:-1].rstrip(), "]"
        q.text = q.text[: g_m.start()] + f"[^{mark}]" + q.text[g_m.end() :]
        said = tr(
            "footnote {mark}: its reference was a plain digit glued to {word}, and its text "
            "the paragraph {text} ({where}); read as the footnote [^{mark}] marked there",
            mark=mark,
            word=repr(word),
            text=repr(shown),
            where=p.where,
        )
        if bracket:
            said += tr(
                " (the ']' that ended its text, Word's footnote form with its opening "
                "'[{mark}:' lost, left out)",
                mark=mark,
            )
        q.changes.append(said)
        footnotes.append((mark, " ".join(text.split())))
        taken.add(mark)
        gone.add(n)
    return [p for n, p in enumerate(paras) if n not in gone]


# what an unlabelled entry made of a paragraph in the heading style draws from
# check (no label, no end mark): the note's (see Note.covers)
_CALL_COVERS = ("numbering-style", "punctuation")


def _other_heading(text: str, g: Grammar) -> tuple[Grammar, str, str, str] | None:
    """(its grammar, part, key, the rest of the heading) of a paragraph that is a
    section heading of another language than ``g``'s ("considérant" in a Spanish
    text, "instructs the Secretary-General" in a French one): a preambular
    heading is the whole paragraph, an operative one's words after its verb
    name none or actors of the vocabulary (else it is a sentence)."""
    from itures.importers.lang import LANGUAGES

    for lang in LANGUAGES:
        if lang == g.language:
            continue
        other = grammar(lang)
        key = preamble_verb(text, other)
        if key is not None:
            return other, "preamble", key, ""
        op = operative_verb(text, other)
        if op is not None and (not op[1] or extract.heading_actors(op[1], lang).actors):
            return other, "operative", op[0], op[1]
    return None


def _closing_rule(paras: list[Para]) -> tuple[list[Para], list[Para]]:
    """The paragraphs with text, and those after the rule that closes the
    document ("______________") when they are not the resolution's: no
    label, no section or annex heading among them ("Genève, le 10 octobre
    2017", a signature, the next document's first line)."""
    rules = [i for i, p in enumerate(paras) if p.text.strip() and _RULE.match(p.text)]
    kept = [p for p in paras if p.text.strip() and not _RULE.match(p.text)]
    if not rules:
        return kept, []
    after = [p for p in paras[rules[-1] + 1 :] if p.text.strip()]
    before = paras[: rules[-1]]
    if (
        not after
        or len(after) > 5
        or not any(_LABEL.match(p.text) for p in before)
        or any(_LABEL.match(p.text) or _heading_like(p.text) for p in after)
    ):
        return kept, []
    return kept[: len(kept) - len(after)], after


def _heading_like(text: str) -> bool:
    """Whether a paragraph reads as a section or annex heading in a language
    of the import's (the document's language is not known yet)."""
    from itures.importers.lang import LANGUAGES

    for lang in LANGUAGES:
        g = grammar(lang)
        if preamble_verb(text, g) or operative_verb(text, g) or g.annex_heading.match(text):
            return True
    return False


# a heading run into its first entry's paragraph: "considering a)<TAB>that ..."
_RUN_IN = re.compile(
    r"""^\s*(?P<head>[^\t\d()]{3,80}?)[ \u00a0]+
    (?P<entry>(?:[a-z](?:bis|ter|quater)?\)|\d+(?:\.\d+)*\)?)\t.*)$""",
    re.VERBOSE | re.S,
)


def _split_run_in(paras: list[Para], g: Grammar) -> list[Para]:
    """The paragraphs, a section heading run into its first entry's line
    ("considering a)<TAB>that ...", a paragraph mark lost) split in two;
    the entry's paragraph tells what was split (a note at its text)."""
    out: list[Para] = []
    for p in paras:
        m = None if _LABEL.match(p.text) else _RUN_IN.match(p.text)
        head = m.group("head").strip() if m else ""
        if m is None or not (preamble_verb(head, g) or operative_verb(head, g)):
            out.append(p)
            continue
        entry = m.group("entry")
        label = entry.split("\t", 1)[0]
        shown = p.text.strip()
        if len(shown) > 60:
            shown = shown[:60] + "…"
        out.append(Para(head, p.where, p.style))
        out.append(
            Para(
                entry,
                p.where,
                p.style,
                [
                    *p.changes,
                    tr(
                        "the heading {heading} and the entry {label} were one paragraph "
                        "({text}): split into the heading and its first entry",
                        heading=repr(head),
                        label=repr(label),
                        text=repr(shown),
                    ),
                ],
            )
        )
    return out


# a label written otherwise than ITU's style, then a tab, at the start of a
# paragraph: "2.", "(2)", "b.", "(b)", "B)", "b" (see _loose_labels)
_LOOSE = re.compile(
    r"""^\s*(?P<written>(?P<open>[(\[]?)
        (?P<core>\d{1,3}(?:\.\d{1,3})*|[A-Za-z]{1,4}(?:bis|ter|quater)?)
        (?P<close>[.)\]]?))\t+(?P<text>\S.*)$""",
    re.VERBOSE | re.S,
)
_LETTER_LABEL = re.compile(r"^(?:([a-z])\1?(?:bis|ter|quater)?|[ivxlc]+)$")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _loose_label(text: str) -> tuple[str, str, bool] | None:
    """(as written, the label in ITU's style, whether it is only letters with
    nothing around them) of a paragraph that starts with a label written
    otherwise than ITU's style and a tab ("2.<TAB>" -> "2", "(b)<TAB>" ->
    "b)", "b<TAB>" -> "b)"), as Word's automatic numbering is read."""
    if _LABEL.match(text):
        return None
    m = _LOOSE.match(text)
    if m is None:
        return None
    core, bare = m.group("core"), not (m.group("open") or m.group("close"))
    if core[0].isdigit():
        return None if bare else (m.group("written"), core, False)
    if not _LETTER_LABEL.match(core.lower()):
        return None
    return m.group("written"), f"{core.lower()})", bare and core.islower()


def _follows(before: str, label: str) -> bool:
    """Whether letter label ``label`` ("b)") comes right after ``before`` ("a)")."""
    a, b = before.rstrip(")"), label.rstrip(")")
    if a in _ROMANS and b in _ROMANS and _ROMANS.index(b) == _ROMANS.index(a) + 1:
        return True
    return len(a) == len(b) == 1 and ord(b) == ord(a) + 1


def _loose_labels(paras: list[Para]) -> list[Para]:
    """The paragraphs, one that starts with a label written otherwise than
    ITU's style and a tab read with the label in ITU's style, and noted ("2."
    -> "2", "(b)" -> "b)"). A bare letter ("b<TAB>que ...") is a label only
    between its neighbours' labels ("a)" before it or "c)" after it): else
    it may be a word ("a<TAB>...", "y<TAB>...")."""
    labels = [typed_label(p.text) for p in paras]
    out: list[Para] = []
    for n, p in enumerate(paras):
        found = _loose_label(p.text)
        if found is not None and found[2]:
            written, label, _ = found
            before = next((x for x in reversed(labels[:n]) if x is not None), None)
            after = labels[n + 1] if n + 1 < len(labels) else None
            if not (
                (before is not None and _follows(before, label))
                or (after is not None and _follows(label, after))
            ):
                found = None
        if found is None:
            out.append(p)
            continue
        written, label, _ = found
        labels[n] = label
        text = _LOOSE.match(p.text).group("text")  # type: ignore[union-attr]
        out.append(
            Para(
                f"{label}\t{text}",
                p.where,
                p.style,
                [
                    *p.changes,
                    tr(
                        "the paragraph starts with {written} and a tab: read as the label "
                        "{label} (ITU's style; the published text writes {written})",
                        written=repr(written),
                        label=repr(label),
                    ),
                ],
                p.covers,
                p.table,
            )
        )
    return out


def _ends_entry(current: _Section | None) -> bool:
    """Whether the next paragraph starts anew: no entry before it, or one
    with its end mark (else a paragraph without a label continues it)."""
    last = None if current is None else current.last
    return last is None or last["_text"].rstrip().endswith(_TERMINAL)


def table_advice(*, annex: bool = False) -> str:
    """What the note of a table read as one entry's text advises (see
    docx._table), in the current language; ``annex``: in an annex, where a
    table is at home in the published text, another advice."""
    if annex:
        return tr(
            "an annex's paragraphs hold no table: check that its cells read in order make the "
            "paragraph, or write a paragraph for each row"
        )
    return tr(
        "a resolution's entries hold no table: make it an entry of its own (a label and an end "
        "mark), join it to the entry before, or move it to an annex"
    )


class _Advice(str):
    """:data:`TABLE_ADVICE`: the English words, said in the current language
    when a message is formatted with them (``tr("...; {advice}",
    advice=TABLE_ADVICE)``)."""

    def __format__(self, spec: str) -> str:
        return format(table_advice(), spec)


TABLE_ADVICE: str = _Advice(
    "a resolution's entries hold no table: make it an entry of its own (a label and an end "
    "mark), join it to the entry before, or move it to an annex"
)


def _annex_entry(section: _Section, p: Para, text: str, label: re.Match[str] | None) -> None:
    """A paragraph of an annex: an item, nested by its label like a section's.

    A paragraph without a label is an item of its own (an annex's sub-headings
    have no end mark), unless it starts in lower case after a paragraph without
    an end mark: then it continues that one (a line break inside a paragraph).
    """
    if p.table:
        # (the table's note was said in this language, with the advice for an entry)
        said, meant = table_advice(), table_advice(annex=True)
        p.changes[:] = [c.replace(said, meant) for c in p.changes]
    if label is None:
        last = section.last
        if (
            last is not None
            and not last["_text"].rstrip().endswith(_TERMINAL)
            and text[:1].islower()
        ):
            last["_text"] = last["_text"].rstrip() + " " + text
            section.changes.extend((last, c) for c in p.changes)
            return
        entry: dict[str, Any] = {"_label": None, "_text": text, "_children": []}
        section.entries.append(entry)
        section.last = entry
        section.last_top = None
        section.top_kind = None
        section.changes.extend((entry, c) for c in p.changes)
        return
    _labelled_entry(section, p, label)


def _labelled_entry(current: _Section, p: Para, label: re.Match[str]) -> None:
    """A labelled paragraph: a top-level entry, or nested under the previous one."""
    lab = label.group("label")
    entry: dict[str, Any] = {"_label": lab, "_text": label.group("text").strip(), "_children": []}
    if p.covers:
        entry["_covers"] = p.covers
    current.changes.extend((entry, c) for c in p.changes)
    kind_of = _kind_of(lab, current.last_top["_label"] if current.last_top else None)
    if current.top_kind is None:
        current.top_kind = kind_of
    if kind_of == current.top_kind or current.last_top is None:
        current.entries.append(entry)
        current.last_top = entry
    else:
        parent = current.last_top
        if kind_of == "dotted":
            prefix = lab.rsplit(".", 1)[0]
            for child in reversed(parent["_children"]):
                if child["_label"] == prefix:
                    parent = child
                    break
        parent["_children"].append(entry)
    current.last = entry


@dataclass
class _Convert:
    """Turns a section's parsed entries into items or clauses, noting residue."""

    part: str
    key: str
    changes: dict[int, list[str]]
    g: Grammar
    own: str
    notes: list[Note]
    number: str | None = None

    def convert(
        self, entries: list[dict[str, Any]], base: tuple[str | int, ...]
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for n, entry in enumerate(entries):
            path = (*base, len(out))
            text, glued_notes = unglue(entry["_text"].strip())
            text, end_note = fix_end_marks(text, middle=n < len(entries) - 1)
            text = text.strip()
            found = [*glued_notes, *([end_note] if end_note else [])]
            for m in found:
                self.notes.append(Note(m, (*path, "text")))
            covers = entry.get("_covers", ())
            for m in self.changes.get(id(entry), []):
                self.notes.append(_note(m, (*path, "text"), covers))
            if not text:
                self.notes.append(
                    Note(
                        tr("label {label} without text left out", label=repr(entry["_label"])),
                        base[:2],
                    )
                )
                continue
            if self.part == "operative":
                d = clause_data(entry["_label"], text, self.g, self.own, self.number)
            else:
                d = item_data(entry["_label"], text, self.g, self.own, self.number)
            children = self.convert(entry["_children"], (*path, self.key))
            if children:
                d[self.key] = children
            out.append(d)
        return out


def _fold(word: str) -> str:
    return without_accents(word).upper()
