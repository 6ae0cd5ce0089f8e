"""What every importer shares: results, notes, history, verbs, tracked changes.

An importer turns a source into plain data shaped like a resolution file,
then validates it into :class:`~itures.model.resolution.Resolution`. While
converting it records :class:`Note` objects: what it saw that a reader of the
YAML should know (rule ``conversion-artefact``), each with the path of the
place in the produced document it concerns, so that the command line can
position it in the written file like any ``check`` diagnostic.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pydantic import ValidationError

from itures.i18n import tr
from itures.importers import extract
from itures.importers.lang import Grammar, operative_verb
from itures.importers.records import UNRESOLVED, Imported, ImportFailure, Note
from itures.model import markup
from itures.model.resolution import Resolution

__all__ = [
    "ImportFailure",
    "Imported",
    "Note",
    "citation_notes",
    "clause_data",
    "fix_end_marks",
    "history_from",
    "operative_verb",
    "preamble_verb",
    "unglue",
    "validated",
]

# -- history -----------------------------------------------------------------

_YEAR = r"(?:18|19|20)\d\d"
_ENTRY = re.compile(rf"\s*(?P<place>[^\W\d_][^\d]*?)\s*,?\s*(?P<year>{_YEAR})(?!\d)")
# an entry as a heading publishes it, its year perhaps run together with
# another ("BUENOS AIRES, 20142017": a tracked change of the year), or with
# one blank between them ("Dubai, 2014 2018", as conversion-artefact reads a
# citation's "(Rév. Guadalajara, 2010 2014)")
_ENTRY_AS_PUBLISHED = re.compile(
    rf"\s*(?P<place>[^\W\d_][^\d]*?)\s*,?\s*(?P<year>{_YEAR})(?:[ \u00a0]?(?P<also>{_YEAR}))?"
    r"(?!\d)"
)
_PARTICLES = {"de", "del", "la", "el", "di", "du", "des", "le", "les", "y", "et", "of", "al"}


def _title(place: str) -> str:
    """DUBAÏ -> Dubaï, MAR DEL PLATA -> Mar del Plata, SHARM EL-SHEIKH -> Sharm el-Sheikh."""

    def word(w: str, first: bool) -> str:
        parts = w.split("-")
        out = []
        for i, p in enumerate(parts):
            low = p.lower()
            keep_low = low in _PARTICLES and not (first and i == 0)
            out.append(low if keep_low else low[:1].upper() + low[1:])
        return "-".join(out)

    return " ".join(word(w, i == 0) for i, w in enumerate(place.split()))


def _place(place: str, known: dict[str, str]) -> str:
    place = " ".join(place.split())
    if place in known.values():
        return place
    found = known.get(place.casefold())
    if found:
        return found
    return _title(place) if place.isupper() else place


def places_in(text: str) -> dict[str, str]:
    """Places written in parentheses with a year, by case-folded name."""
    out: dict[str, str] = {}
    for paren in re.finditer(r"\(([^()]*)\)", text):
        for m in _ENTRY.finditer(paren.group(1)):
            place = re.sub(r"^(?:R[ée]v\.?|Rev\.?)\s*", "", m.group("place").strip())
            if place:
                out.setdefault(" ".join(place.split()).casefold(), " ".join(place.split()))
    return out


def history_from(
    when: str, g: Grammar, known_places: dict[str, str]
) -> tuple[list[dict[str, Any]], list[str]]:
    """History entries from a heading's parenthesis, and what was glued.

    ``REV. DUBAI, 2018`` -> revised Dubai 2018; ``DUBAI, 2018`` -> adopted;
    ``RÉV.DUBAÏ, 2014BUENOS AIRES, 2017`` -> revised Dubaï 2014, revised
    Buenos Aires 2017 (a tracked change: the struck entry glued to its
    replacement), reported with the entries kept.
    """
    m = re.match(rf"\s*(?P<rev>(?:{g.revised})\s*)?(?P<rest>.*)$", when, re.IGNORECASE | re.S)
    if m is None:  # pragma: no cover - the pattern matches any text
        raise ImportFailure(tr("cannot read the revision {when}", when=repr(when)))
    rest = m.group("rest")
    entries = list(_ENTRY_AS_PUBLISHED.finditer(rest))
    if not entries or "".join(e.group() for e in entries).strip() != rest.strip():
        raise ImportFailure(
            tr(
                "cannot read the adoption or revision {when}: expected 'Place, year'",
                when=repr(when.strip()),
            )
        )
    revised = m.group("rev") is not None
    history = []
    for i, e in enumerate(entries):
        # two years run together ("BUENOS AIRES, 20142017"): a tracked change
        # of the year, of which the later is kept, whatever their order (the
        # rule conversion-artefact reads them so)
        year = max(e.group("year"), e.group("also") or "")
        history.append(
            {
                "event": "revised" if revised or i > 0 else "adopted",
                "place": _place(e.group("place"), known_places),
                "year": int(year),
            }
        )
    glued = [e.group().strip() for e in entries] if len(entries) > 1 else []
    if len(entries) == 1 and entries[0].group("also"):
        # the year struck, then the one inserted: the one not kept, then the later
        glued = sorted((entries[0].group("year"), entries[0].group("also")))
    return history, glued


# -- tracked-change residue ----------------------------------------------------

_GLUED = re.compile(
    rf"""\(
    (?P<lead>\s*(?:R[ée]v\.?)\s*)?              # Rév. (kept)
    (?P<old>[^\W\d_][^()\d]*?,?\s*{_YEAR})     # Dubaï, 2014 (struck)
    (?P<new>[^\W\d_][^()\d]*?,?\s*{_YEAR})     # Buenos Aires, 2017 (inserted)
    \)""",
    re.VERBOSE,
)


def unglue(text: str) -> tuple[str, list[str]]:
    """Resolve "(Dubaï, 2014Buenos Aires, 2017)" to "(Buenos Aires, 2017)".

    A year glued to the next place is what a tracked change leaves in a Word
    export: the struck text, then the inserted one. Returns the revised text
    and one message per resolved case.
    """
    messages: list[str] = []

    def fix(m: re.Match[str]) -> str:
        kept = f"({m.group('lead') or ''}{m.group('new')})"
        messages.append(
            tr(
                "tracked change resolved: published {published}, {struck} struck and "
                "{inserted} inserted; kept {kept}",
                published=repr(m.group()),
                struck=repr(m.group("old")),
                inserted=repr(m.group("new")),
                kept=repr(kept),
            )
        )
        return kept

    text = _GLUED.sub(fix, text)

    def years(m: re.Match[str]) -> str:
        published = m.group()
        kept = f"{m.group('head')}{m.group('new')})"
        messages.append(
            tr(
                "tracked change resolved: published {published}, the year {struck} struck "
                "and {inserted} inserted; kept {kept}",
                published=repr(published),
                struck=repr(m.group("old")),
                inserted=repr(m.group("new")),
                kept=repr(kept),
            )
        )
        return kept

    return _YEARS.sub(years, text), messages


# two years run together where a revision writes its year ("(Rev. Busan,
# 20102014)"): a tracked change of the year, the struck one first (the rule
# conversion-artefact reads them so, whatever their order)
_YEARS = re.compile(
    rf"""(?P<head>\((?:\s*R[ée]v\.?)?\s*[^\W\d_][^()\d]*?,[ \u00a0])
    (?P<old>{_YEAR})(?P<new>{_YEAR})\)""",
    re.VERBOSE,
)


_END_MARKS = re.compile(r"(?P<struck>[,;.])(?P<kept>[,;.])(?P<tail>\s*(?:\[\^[^\]]*\])?\s*)$")


def fix_end_marks(text: str, *, middle: bool = False) -> tuple[str, str | None]:
    """Resolve a doubled end mark ",;" to its second mark (the inserted one).

    In an entry another follows in its list (``middle``), a ';' of the two is
    kept wherever it stands: it is the mark every such entry ends with, and
    which of the two a tracked change struck cannot be told from the text.
    """
    m = _END_MARKS.search(text)
    if m is None or m.group("struck") == m.group("kept") or text.endswith("..."):
        return text, None
    struck, kept = m.group("struck"), m.group("kept")
    tail = text[max(0, m.start() - 12) : m.end()].strip()
    if middle and struck == ";":
        return text[: m.start()] + ";" + m.group("tail"), tr(
            "tracked change resolved: published ending {tail}, one of {struck} and "
            "{kept} struck; kept ';', the mark of an entry another follows",
            tail=repr(tail),
            struck=repr(struck),
            kept=repr(kept),
        )
    return text[: m.start()] + kept + m.group("tail"), tr(
        "tracked change resolved: published ending {tail}, the struck {struck} before "
        "the inserted {kept}; kept {kept}",
        tail=repr(tail),
        struck=repr(struck),
        kept=repr(kept),
    )


# -- verbs -------------------------------------------------------------------


def _clean(text: str) -> str:
    text = text.replace("’", "'").replace("‑", "-")
    return " ".join(text.strip().rstrip(":,").split()).lower()


def preamble_verb(text: str, g: Grammar) -> str | None:
    """The canonical key of a preambular heading ("considérant en outre" ->
    further_considering), or None if the text is not one."""
    h = _clean(text)
    if not h or len(h) > 60:
        return None
    further = g.further.search(h) is not None
    base = " ".join(g.further.sub(" ", h).split())
    key = g.preamble_verbs.get(base)
    if key is None:
        return None
    return f"further_{key}" if further else key


def slug(text: str) -> str:
    """A verb key from any heading: its first word, in ASCII lower case."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z]+", ascii_text.lower())
    return words[0] if words else "unknown"


# -- texts -------------------------------------------------------------------


def clause_data(
    label: str | None, text: str, g: Grammar, own_body: str, own_number: str | None = None
) -> dict[str, Any]:
    """A clause's data: text with citations marked, its actors and deadlines.

    ``own_number`` (the document's number) lets "resolves 3 of this resolution"
    be cited as a part of the document itself.
    """
    marked, _ = extract.mark_citations(text, g.language, own_body, own_number)
    data: dict[str, Any] = {}
    if label is not None:
        data["label"] = label
    data["text"] = marked
    who = extract.addressed(text, g.language)
    if who.actors:
        data["actors"] = who.actors
    if who.partners:
        data["partners"] = who.partners
    found = extract.deadlines(text, g.language)
    if found:
        data["deadlines"] = [d.model_dump(exclude_none=True) for d in found]
    return data


def item_data(
    label: str | None, text: str, g: Grammar, own_body: str, own_number: str | None = None
) -> dict[str, Any]:
    """A preambular item's (or an annex paragraph's) data: text with citations marked."""
    marked, _ = extract.mark_citations(text, g.language, own_body, own_number)
    return {"label": label, "text": marked} if label is not None else {"text": marked}


def heading_data(
    key: str, heading: str, rest: str, g: Grammar, notes: list[str] | None = None
) -> dict[str, Any]:
    """An operative section's verb, heading and the actors its heading names.
    Words that name an actor with one slip of typing ("the Secretary-Genral")
    are read as that actor, and said in ``notes`` (the heading is kept as
    written: correct it)."""
    data: dict[str, Any] = {"verb": key, "heading": heading}
    who = extract.heading_actors(rest, g.language)
    if who.actors:
        data["actors"] = who.actors
    if who.partners:
        data["partners"] = who.partners
    if not who.actors and not who.partners and rest.strip():
        near = extract.near_actor(rest, g.language)
        if near is not None:
            data["actors"] = [near[0]]
            if notes is not None:
                notes.append(
                    tr(
                        "the heading names {words}, one slip from the actor {actor}: read as "
                        "that actor; correct the heading",
                        words=repr(rest.strip()),
                        actor=repr(near[1]),
                    )
                )
        elif notes is not None:
            # (else the section addresses nobody, in silence)
            notes.append(
                tr(
                    "the heading's words {words} name no actor of the vocabulary "
                    "(schema/actors.yaml): the section addresses nobody in 'actors'; if they "
                    "name an actor of the vocabulary, give its identifier there",
                    words=repr(rest.strip()),
                )
            )
    return data


def citation_notes(resolution: Resolution, own_body: str) -> list[Note]:
    """A warning (``citation-unresolved-body``) for each citation left as text
    because the body it cites cannot be told (see
    :func:`itures.importers.extract.mark_citations`), at the text it is in.

    ``own_body`` is the body the texts were marked with. Titles, headings and
    the conference formula are not marked, and not looked at.
    """
    notes: list[Note] = []
    for path, text in resolution.texts():
        if path[-1] in ("title", "heading", "conference"):
            continue
        spans, _ = markup.parse(text)
        # the text as it was marked: citations' words, footnote markers kept
        unmarked = "".join(
            f"[^{s.id}]" if isinstance(s, markup.FootnoteRef) else s.text for s in spans
        )
        for u in extract.unresolved_citations(unmarked, resolution.language, own_body):
            notes.append(
                Note(
                    tr(
                        "citation {words} left as text: {reason}; mark it up by hand with the "
                        "body it cites",
                        words=repr(u.words),
                        reason=u.reason,
                    ),
                    path,
                    UNRESOLVED,
                    "warning",
                )
            )
    return notes


def body_of(formula: str | None, language: str) -> str | None:
    """The issuing body named by a conference formula."""
    if not formula:
        return None
    for _, _, actor in extract.actors_in(formula, language):
        if actor in ("pp", "wtdc", "wtsa", "ra", "wrc"):
            return actor
    return None


def validated(data: dict[str, Any], where: str | None = None) -> Resolution:
    """The model of imported data; a shape error is an import failure."""
    try:
        return Resolution.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = "/".join(str(p) for p in first["loc"])
        raise ImportFailure(
            tr(
                "the result is not a valid resolution: {location}: {problem}",
                location=loc,
                problem=first["msg"],
            ),
            where=where,
        ) from None
