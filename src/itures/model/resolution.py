"""The typed model of a resolution (pydantic v2).

These classes are the single source of truth for the format: the JSON Schema
in ``schema/resolution.schema.json`` is generated from them
(:func:`itures.model.jsonschema.resolution_schema`), and the read path
validates documents with them.

The models validate *shape* only (types, required keys, allowed values), so
that the JSON Schema accepts exactly what the models accept. Everything that
needs more than one value at a time (numbering, footnotes, references,
punctuation) is a rule in :mod:`itures.rules`, reported with its position.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from itures.model import markup

LANGUAGES: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")

Language = Literal["ar", "zh", "en", "fr", "ru", "es"]


def whole(core: str) -> str:
    """A pattern that matches the whole string, in Python and in JSON Schema alike.

    ``^...$`` does not: Python's ``$`` also matches before a final newline, so
    ``"59\\n"`` would pass the model (and a Python JSON Schema validator) while
    editors' ECMAScript validators reject it. ``$(?!\\n)`` is the end of the
    string in both (Python's ``\\Z`` is unknown to ECMAScript). The pattern is
    published as is in the JSON Schema, so that every validator agrees with
    the model (a property test checks it). ``core`` has no top-level ``|``.
    """
    return f"^{core}$(?!\\n)"


# One segment of a number: letters and digits, with '.' or '-' inside.
_SEGMENT = r"[0-9A-Za-z](?:[0-9A-Za-z.-]*[0-9A-Za-z])?"
IDENTIFIER_PATTERN = whole(r"[a-z][a-z0-9-]*")
# Segments separated by single '/': no '..', no empty or leading '/', nothing
# but ASCII letters, digits, '.', '-' and '/', so that a number always maps
# to one safe folder name (itures.paths.folder_name).
NUMBER_PATTERN = whole(rf"{_SEGMENT}(?:/{_SEGMENT})*")
VERB_PATTERN = whole(r"[a-z]+(?:_[a-z]+)*")
FOOTNOTE_ID_PATTERN = whole(r"[0-9A-Za-z*†‡§]+")
DATE_PATTERN = whole(r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])")
# identity fields name folders: a bound keeps them within file-name limits
IDENTITY_MAX = 40
# What each pattern asks for, in words (schema messages quote these, not the pattern).
PATTERN_HELP: dict[str, str] = {
    IDENTIFIER_PATTERN: "expected lower-case letters, digits and '-', starting with a letter "
    "(wtdc, bdt-director)",
    NUMBER_PATTERN: "a number is letters and digits, with '.', '-' or a single '/' between "
    "them (59, 6-2, 70/1); it names the file's folder, so '..', spaces, backslashes and "
    "a '/', '.' or '-' at either end cannot be part of it",
    VERB_PATTERN: "expected lower-case words joined by '_' (considering, further_resolves)",
    FOOTNOTE_ID_PATTERN: "expected letters, digits or * † ‡ § (1, a, *)",
    DATE_PATTERN: "expected a date written YYYY-MM-DD (2017-10-20)",
}


def _integral(value: Any) -> Any:
    """Accept 2017 and 2017.0 (JSON Schema integers), not True or "2017"."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Year = Annotated[
    Annotated[int, Field(ge=1865, le=2999, description="A year, four digits, e.g. 2017.")],
    BeforeValidator(_integral),
]
Body = Annotated[
    str,
    Field(
        pattern=IDENTIFIER_PATTERN,
        max_length=IDENTITY_MAX,
        description=(
            "Issuing body: pp (Plenipotentiary Conference), wtdc, wtsa, ra, or another "
            "lower-case identifier (council, unga, ...)."
        ),
        examples=["pp", "wtdc", "wtsa", "ra"],
    ),
]
Number = Annotated[
    str,
    Field(
        pattern=NUMBER_PATTERN,
        max_length=IDENTITY_MAX,
        description=(
            "The resolution's number as the body writes it: 59, 6-2 (ITU-R), 70/1 (UN). "
            "Letters and digits, with '.', '-' or a single '/' between them; it names the "
            "file's folder ('/' becomes '_': 70/1 is in the folder 70_1)."
        ),
        examples=["59", "6-2"],
    ),
]
Verb = Annotated[
    str,
    Field(
        pattern=VERB_PATTERN,
        description=(
            "Canonical key of the section's verb, independent of the language: recalling, "
            "considering, noting, recognizing, bearing_in_mind, taking_into_account, ... in "
            "the preamble; resolves, instructs, invites, requests, encourages, urges, ... in the "
            "operative part. Prefix further_ for 'further resolves' and the like."
        ),
        examples=["recalling", "considering", "resolves", "instructs", "invites"],
    ),
]
Label = Annotated[
    str,
    Field(
        min_length=1,
        description=(
            "The label as written, a string: 'a)', 'abis)', '1', '1.1', 'i)'. Omit it for a "
            "single unlabelled item."
        ),
        examples=["a)", "1"],
    ),
]
ActorId = Annotated[
    str,
    Field(
        pattern=IDENTIFIER_PATTERN,
        description="An actor identifier from the vocabulary (schema/actors.yaml).",
        examples=["secretary-general", "bdt-director", "council", "tdag"],
    ),
]
RichText = Annotated[
    str,
    Field(
        min_length=1,
        description=(
            "Text as written, with inline markup: [^1] marks footnote 1; "
            "[words](pp:123@2010) cites a resolution (see schema/README.md)."
        ),
    ),
]


class _Model(BaseModel):
    model_config = ConfigDict(
        # built by itures.model.prebuilt.ready, not when the class is made
        defer_build=True,
        extra="forbid",
        strict=True,
        frozen=True,
        regex_engine="python-re",
        # keep generated JSON Schema titles out of editors' way
        json_schema_mode_override=None,
    )


class HistoryEntry(_Model):
    """One event in the life of a resolution."""

    event: Literal["adopted", "revised", "abrogated"] = Field(
        description="adopted, revised or abrogated."
    )
    place: str = Field(
        min_length=1,
        description="Where the conference met, as written in the document's language.",
    )
    year: Year = Field(description="The year of the conference.")
    date: str | None = Field(
        default=None,
        pattern=DATE_PATTERN,
        description=(
            "The day the resolution was adopted, revised or abrogated, when known: "
            "YYYY-MM-DD (2017-10-20), in the entry's year (rule history-date). Akoma "
            "Ntoso output dates the text with it (FRBRdate); without it, 1 January of the year."
        ),
        examples=["2017-10-20"],
    )


class Deadline(_Model):
    """A deadline or reporting duty attached to a clause.

    Exactly one of ``every``, ``event`` and ``by`` says when (checked by the
    rules); ``report_to`` makes it a reporting duty.
    """

    every: Literal["year", "two-years", "session"] | None = Field(
        default=None, description="Recurring: every year, every two years, every session."
    )
    event: str | None = Field(
        default=None,
        pattern=IDENTIFIER_PATTERN,
        description=(
            "By an event, from the vocabulary's events: next-pp, next-wtdc, next-wtsa, "
            "next-ra, next-wrc, next-council."
        ),
    )
    by: Year | None = Field(default=None, description="By a year, e.g. 2020.")
    report_to: ActorId | None = Field(
        default=None, description="For a reporting duty: the actor reported to (e.g. council)."
    )
    text: str | None = Field(
        default=None, description="The words that state it, as written ('chaque année au Conseil')."
    )


class Footnote(_Model):
    """A footnote; the text marks where it is anchored with [^id]."""

    id: str = Field(
        pattern=FOOTNOTE_ID_PATTERN, description="The footnote's mark, as in [^1]: '1'."
    )
    text: RichText = Field(description="The footnote's text.")


class Item(_Model):
    """A lettered item of the preamble (or a paragraph of an annex), possibly nested."""

    label: Label | None = Field(default=None, description="The label as written: 'a)', 'abis)'.")
    text: RichText = Field(description="The item's text as written, with inline markup.")
    items: list[Item] = Field(default_factory=list, description="Nested items, in order.")

    def walk(self) -> Iterator[Item]:
        """This item and its nested items, depth first, in document order."""
        yield self
        for child in self.items:
            yield from child.walk()

    @property
    def citations(self) -> list[markup.Citation]:
        """The citations in this item's own text."""
        return citations(self.text)

    @property
    def footnote_refs(self) -> list[str]:
        """The footnote ids this item's own text marks (``[^1]`` -> ``'1'``)."""
        return footnote_refs(self.text)


class Clause(_Model):
    """A numbered operative clause, possibly nested."""

    label: Label | None = Field(
        default=None, description="The number as written: '1', '1.1', 'i)'."
    )
    text: RichText = Field(description="The clause's text as written, with inline markup.")
    actors: list[ActorId] = Field(
        default_factory=list, description="The actors this clause addresses (asks to act)."
    )
    partners: list[ActorId] = Field(
        default_factory=list,
        description="Actors named to act with them ('in collaboration with ...').",
    )
    deadlines: list[Deadline] = Field(
        default_factory=list, description="Deadlines and reporting duties of this clause."
    )
    clauses: list[Clause] = Field(default_factory=list, description="Nested clauses, in order.")

    def walk(self) -> Iterator[Clause]:
        """This clause and its nested clauses, depth first, in document order."""
        yield self
        for child in self.clauses:
            yield from child.walk()

    @property
    def citations(self) -> list[markup.Citation]:
        """The citations in this clause's own text."""
        return citations(self.text)

    @property
    def footnote_refs(self) -> list[str]:
        """The footnote ids this clause's own text marks (``[^1]`` -> ``'1'``)."""
        return footnote_refs(self.text)


class PreambleSection(_Model):
    """A preambular section: 'recalling', 'considering', ... and its items."""

    verb: Verb = Field(description="Canonical key of the verb: recalling, considering, ...")
    heading: str = Field(min_length=1, description="The heading as written: 'rappelant'.")
    items: list[Item] = Field(min_length=1, description="The section's items, in order.")


class OperativeSection(_Model):
    """An operative section: 'resolves', 'instructs ...', and its clauses."""

    verb: Verb = Field(description="Canonical key of the verb: resolves, instructs, ...")
    heading: str = Field(
        min_length=1,
        description="The heading as written, with any actors it names: 'charge le Directeur du BDT'.",
    )
    actors: list[ActorId] = Field(
        default_factory=list, description="The actors the heading addresses."
    )
    partners: list[ActorId] = Field(
        default_factory=list, description="Actors the heading names to act with them."
    )
    clauses: list[Clause] = Field(min_length=1, description="The section's clauses, in order.")


class Annex(_Model):
    """An annex to the resolution."""

    label: Label | None = Field(
        default=None, description="'1' for Annex 1; omit for a single annex."
    )
    heading: str = Field(min_length=1, description="The heading as written: 'ANNEXE'.")
    title: str | None = Field(default=None, description="The annex's title, if it has one.")
    items: list[Item] = Field(
        default_factory=list,
        description=(
            "The annex's paragraphs, in order (none for an annex published as a heading and "
            "title only)."
        ),
    )


_RESOLUTION_WORD = {
    "en": "RESOLUTION",
    "fr": "RÉSOLUTION",
    "es": "RESOLUCIÓN",
    "ru": "РЕЗОЛЮЦИЯ",
    "ar": "القرار",
    "zh": "第{n}号决议",
}
# Decisions and recommendations of a conference are kept in the same format;
# ``kind`` names what the document is, for its heading.
Kind = Literal["resolution", "decision", "recommendation"]
_KIND_WORD: dict[str, dict[str, str]] = {
    "decision": {
        "en": "DECISION",
        "fr": "DÉCISION",
        "es": "DECISIÓN",
        "ru": "РЕШЕНИЕ",
        "ar": "المقرر",
        "zh": "第{n}号决定",
    },
    "recommendation": {
        "en": "RECOMMENDATION",
        "fr": "RECOMMANDATION",
        "es": "RECOMENDACIÓN",
        "ru": "РЕКОМЕНДАЦИЯ",
        "ar": "التوصية",
        "zh": "第{n}号建议",
    },
}
# Their numbers carry this letter, so that Decision 5 (number D5) and
# Resolution 5 of the same body keep distinct identities, files and citations.
KIND_PREFIX: dict[str, str] = {"decision": "D", "recommendation": "R"}
_REV_WORD = {
    "en": "Rev.",
    "fr": "Rév.",
    "es": "Rev.",
    "ru": "Пересм.",
    "ar": "المراجَع في",
    "zh": "修订版",
}
_SECTOR_PREFIX = {
    "ra": {"en": "ITU-R", "fr": "UIT-R", "es": "UIT-R", "ru": "МСЭ-R", "ar": "ITU-R", "zh": "ITU-R"}
}


class Resolution(_Model):
    """One language version of one resolution."""

    body: Body = Field(description="Issuing body: pp, wtdc, wtsa, ra, ...")
    number: Number = Field(description="The resolution's number: '59', '6-2'.")
    kind: Kind = Field(
        default="resolution",
        description=(
            "What the document is: resolution (the default), decision or recommendation. "
            "Decisions and recommendations number with a letter, D5 or R7, so that their "
            "identity (body, number) differs from a resolution's."
        ),
    )
    language: Language = Field(description="Language of this version: ar, zh, en, fr, ru or es.")
    title: RichText = Field(description="The title as written.")
    history: list[HistoryEntry] = Field(
        min_length=1,
        description=(
            "Adoption, revisions and abrogation, oldest first. A partly known history may "
            "start with a revision. The heading is derived from it."
        ),
    )
    conference: str | None = Field(
        default=None,
        description=(
            "The conference formula as written: 'La Conférence mondiale de développement "
            "des télécommunications (Buenos Aires, 2017),'."
        ),
    )
    preamble: list[PreambleSection] = Field(
        default_factory=list, description="Preambular sections, in order."
    )
    operative: list[OperativeSection] = Field(
        default_factory=list, description="Operative sections, in order."
    )
    footnotes: list[Footnote] = Field(default_factory=list, description="Footnotes, in order.")
    annexes: list[Annex] = Field(default_factory=list, description="Annexes, in order.")

    # -- derived -----------------------------------------------------------
    @property
    def key(self) -> markup.ResolutionRef:
        """Identity across languages: body and number."""
        return markup.ResolutionRef(self.body, self.number)

    @property
    def latest(self) -> HistoryEntry:
        """The newest adoption or revision (abrogation aside)."""
        live = [h for h in self.history if h.event != "abrogated"]
        return (live or self.history)[-1]

    @property
    def abrogated(self) -> HistoryEntry | None:
        """The abrogation entry of the history, if the resolution was abrogated."""
        return next((h for h in self.history if h.event == "abrogated"), None)

    @property
    def heading(self) -> str:
        """The heading derived from identity and history.

        ``RÉSOLUTION 59 (Rév. Buenos Aires, 2017)``; in Arabic with the Arabic
        comma, in Chinese the year first (``第71号决议（2018年，迪拜，修订版）``).
        """
        lang = self.language
        prefix = _SECTOR_PREFIX.get(self.body, {}).get(lang)
        shown = self.number
        letter = KIND_PREFIX.get(self.kind)
        if letter and shown.startswith(letter) and shown[1:2].isdigit():
            shown = shown[1:]
        number = f"{prefix} {shown}" if prefix and self.kind == "resolution" else shown
        latest = self.latest
        revised = latest.event == "revised"
        word = _KIND_WORD[self.kind][lang] if self.kind in _KIND_WORD else _RESOLUTION_WORD[lang]
        if lang == "zh":  # year first, Chinese commas: （2018年，迪拜，修订版）
            when = f"{latest.year}年，{latest.place}" + (f"，{_REV_WORD[lang]}" if revised else "")
        else:  # (Rev. Dubai, 2018); Arabic writes its own comma: (المراجَع في دبي، 2018)
            when = f"{latest.place}{'،' if lang == 'ar' else ','} {latest.year}"
            if revised:
                when = f"{_REV_WORD[lang]} {when}"
        if "{n}" in word:
            return f"{word.format(n=number)}（{when}）"
        return f"{word} {number} ({when})"

    def revision_years(self) -> list[int]:
        """Years of adoption and revisions (abrogation aside), oldest first."""
        return [h.year for h in self.history if h.event != "abrogated"]

    def footnote(self, fid: str) -> Footnote | None:
        """The footnote with this id, or None."""
        return next((f for f in self.footnotes if f.id == fid), None)

    def section(self, verb: str) -> PreambleSection | OperativeSection | None:
        """The first section with this verb (preamble first), or None.

        Several operative sections may share a verb ("instructs the
        Secretary-General", "instructs the Director of BDT"): :meth:`sections`
        gives them all.
        """
        for psec in self.preamble:
            if psec.verb == verb:
                return psec
        for osec in self.operative:
            if osec.verb == verb:
                return osec
        return None

    def sections(self, verb: str) -> list[PreambleSection | OperativeSection]:
        """Every section with this verb, in document order."""
        found: list[PreambleSection | OperativeSection] = [
            p for p in self.preamble if p.verb == verb
        ]
        found.extend(o for o in self.operative if o.verb == verb)
        return found

    def actors_of(self, clause: Clause) -> Actors:
        """The effective actors and partners of an operative clause.

        A clause addresses the actors it names; one that names none inherits
        those of the clause that holds it, and so up to its section's heading
        (``charge le Directeur du BDT`` -> ``bdt-director`` for each of its
        clauses). Partners are inherited the same way, on their own: a
        clause naming only its partners still addresses its section's actors.
        ``clause`` is a clause object of this resolution (found by identity,
        else by equality); :class:`LookupError` when it is not one.
        """
        for match in (lambda a, b: a is b, lambda a, b: a == b):
            for section in self.operative:
                chain = _chain(section.clauses, clause, match)
                if chain is not None:
                    actors: list[str] = list(section.actors)
                    partners: list[str] = list(section.partners)
                    for step in chain:
                        actors = list(step.actors) or actors
                        partners = list(step.partners) or partners
                    return Actors(tuple(actors), tuple(partners))
        raise LookupError("the clause is not one of this resolution's operative clauses")

    def texts(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Every text field with its path in the document, in document order."""
        yield ("title",), self.title
        if self.conference is not None:
            yield ("conference",), self.conference
        for s, psec in enumerate(self.preamble):
            yield from _item_texts(("preamble", s, "items"), psec.items)
        for s, osec in enumerate(self.operative):
            yield ("operative", s, "heading"), osec.heading
            yield from _clause_texts(("operative", s, "clauses"), osec.clauses)
        for f, note in enumerate(self.footnotes):
            yield ("footnotes", f, "text"), note.text
        for a, annex in enumerate(self.annexes):
            if annex.title is not None:
                yield ("annexes", a, "title"), annex.title
            yield from _item_texts(("annexes", a, "items"), annex.items)

    def citations(self) -> Iterator[tuple[tuple[str | int, ...], markup.Citation]]:
        """Every citation with the path of the text that holds it."""
        for path, text in self.texts():
            for cite in citations(text):
                yield path, cite


class Actors(NamedTuple):
    """The actors a clause addresses and its partners (ids of the vocabulary)."""

    actors: tuple[str, ...]
    partners: tuple[str, ...]


def _chain(
    clauses: list[Clause], clause: Clause, match: Callable[[Clause, Clause], bool]
) -> list[Clause] | None:
    """The clauses from the outermost down to ``clause``, or None if it is not among them."""
    for candidate in clauses:
        if match(candidate, clause):
            return [candidate]
        below = _chain(candidate.clauses, clause, match)
        if below is not None:
            return [candidate, *below]
    return None


def _item_texts(
    base: tuple[str | int, ...], items: list[Item]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for i, item in enumerate(items):
        yield (*base, i, "text"), item.text
        yield from _item_texts((*base, i, "items"), item.items)


def _clause_texts(
    base: tuple[str | int, ...], clauses: list[Clause]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for i, clause in enumerate(clauses):
        yield (*base, i, "text"), clause.text
        yield from _clause_texts((*base, i, "clauses"), clause.clauses)


def citations(text: str) -> list[markup.Citation]:
    """The citations ``[words](target)`` of a text with inline markup."""
    spans, _ = markup.parse(text)
    return [s for s in spans if isinstance(s, markup.Citation)]


def footnote_refs(text: str) -> list[str]:
    """The footnote ids a text with inline markup marks (``[^1]`` -> ``'1'``)."""
    spans, _ = markup.parse(text)
    return [s.id for s in spans if isinstance(s, markup.FootnoteRef)]


@functools.cache
def mapping_keys() -> frozenset[str]:
    """Every key a mapping of a resolution file may have: the resolution's
    and those of each kind of entry of its lists."""
    models = (
        Resolution,
        HistoryEntry,
        Deadline,
        Footnote,
        Item,
        Clause,
        PreambleSection,
        OperativeSection,
        Annex,
    )
    return frozenset(key for model in models for key in model.model_fields)
