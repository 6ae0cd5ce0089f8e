"""The controlled vocabularies: actors and events (``schema/actors.yaml``),
section verbs and their headings (``schema/verbs.yaml``).

Each actor has an identifier (used in resolution files), and per language its
names and abbreviations as they appear in resolutions, so that importers can
recognise them and renderers can name them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from itures.model.prebuilt import ready
from itures.model.resolution import IDENTIFIER_PATTERN, LANGUAGES, whole

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
VOCABULARY_PATH = SCHEMA_DIR / "actors.yaml"

Identifier = Annotated[str, Field(pattern=IDENTIFIER_PATTERN)]


class _Model(BaseModel):
    # built by itures.model.prebuilt.ready, not when the class is made
    model_config = ConfigDict(
        defer_build=True, extra="forbid", strict=True, frozen=True, regex_engine="python-re"
    )


class Names(_Model):
    """A name or list of names in each of the six ITU languages."""

    ar: list[str] = Field(min_length=1, description="Arabic.")
    zh: list[str] = Field(min_length=1, description="Chinese.")
    en: list[str] = Field(min_length=1, description="English.")
    fr: list[str] = Field(min_length=1, description="French.")
    ru: list[str] = Field(min_length=1, description="Russian.")
    es: list[str] = Field(min_length=1, description="Spanish.")


class Abbreviations(_Model):
    """Abbreviations per language, where the language has them."""

    ar: list[str] = Field(default_factory=list, description="Arabic.")
    zh: list[str] = Field(default_factory=list, description="Chinese.")
    en: list[str] = Field(default_factory=list, description="English.")
    fr: list[str] = Field(default_factory=list, description="French.")
    ru: list[str] = Field(default_factory=list, description="Russian.")
    es: list[str] = Field(default_factory=list, description="Spanish.")


class Actor(_Model):
    """An actor that resolutions address."""

    id: Identifier = Field(description="Identifier used in resolution files: 'secretary-general'.")
    kind: str = Field(
        description="What it is: official, organ, group, membership, conference, secretariat.",
        pattern=whole(r"(official|organ|group|membership|conference|secretariat|other)"),
    )
    names: Names = Field(description="Names as written in resolutions, the preferred one first.")
    abbreviations: Abbreviations = Field(
        default_factory=Abbreviations, description="Abbreviations, per language."
    )


class Event(_Model):
    """An event a deadline can refer to."""

    id: Identifier = Field(description="Identifier used in deadlines: 'next-pp'.")
    names: Names = Field(description="How resolutions name the event.")


class Vocabulary(_Model):
    """The actor and event vocabulary."""

    actors: list[Actor] = Field(description="The actors, one entry each.")
    events: list[Event] = Field(description="The events deadlines may refer to.")

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def actor_ids(self) -> frozenset[str]:
        return self._actor_ids

    def event_ids(self) -> frozenset[str]:
        return self._event_ids

    # made once per vocabulary (the model is frozen), not at each file's check
    @cached_property
    def _actor_ids(self) -> frozenset[str]:
        return frozenset(a.id for a in self.actors)

    @cached_property
    def _event_ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self.events)

    def foreign_abbreviations(self, language: str) -> dict[str, tuple[str, str]]:
        """The abbreviations that English, French or Spanish write and
        ``language`` (one of the three) writes otherwise, of an actor that has
        one in ``language``: each -> (the languages that write it, as a message
        names them: "fr, es"; the form ``language`` writes). "TDAG" in French
        is "GCDT"; "CMDT", which French and Spanish write alike, is no foreign
        abbreviation in Spanish. Only those of three capitals or more: "RA" and
        "AR" are words of other things too."""
        return self._foreign.get(language, {})

    @cached_property
    def _foreign(self) -> dict[str, dict[str, tuple[str, str]]]:
        out: dict[str, dict[str, tuple[str, str]]] = {}
        for lang in _WRITTEN_ALIKE:
            own = {a for actor in self.actors for a in getattr(actor.abbreviations, lang)}
            found: dict[str, tuple[list[str], str]] = {}
            for actor in self.actors:
                mine: list[str] = getattr(actor.abbreviations, lang)
                if not mine:
                    continue
                for other in _WRITTEN_ALIKE:
                    for written in getattr(actor.abbreviations, other) if other != lang else ():
                        if written in own or not _CAPITALS.fullmatch(written):
                            continue
                        langs = found.setdefault(written, ([], mine[0]))[0]
                        if other not in langs:
                            langs.append(other)
            out[lang] = {w: (", ".join(langs), form) for w, (langs, form) in found.items()}
        return out


# (the languages whose abbreviations are compared: Latin letters, each its own
# forms; the other three write the English forms, or their own script's)
_WRITTEN_ALIKE = ("en", "fr", "es")
_CAPITALS = re.compile("[A-Z]{3,}")


def _folded(text: str) -> str:
    """A name as compared: case-folded, hyphens and underscores as spaces, spaces collapsed."""
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())


@cache
def actor_names() -> dict[str, str]:
    """Every id, name and abbreviation of every language (folded) -> the actor's id.

    Where two actors share a name or abbreviation, the first in the
    vocabulary keeps it.
    """
    out: dict[str, str] = {}
    for actor in vocabulary().actors:
        out.setdefault(_folded(actor.id), actor.id)
    for actor in vocabulary().actors:
        for names in (actor.names, actor.abbreviations):
            for language in LANGUAGES:
                for name in getattr(names, language):
                    out.setdefault(_folded(name), actor.id)
    return out


def suggest_event(value: str, vocab: Vocabulary) -> str | None:
    """The event id of ``vocab`` that ``value`` names in words, or None:
    the one event with a name, in any language, in which each word of
    ``value`` starts a word in turn (``next-plenipotentiary``: next-pp,
    "next plenipotentiary conference"; ``prochaine-cmdt``). A misspelt id is
    :func:`itures.suggest.closest`'s."""
    words = _folded(value).split()
    if not words:
        return None
    found: list[str] = []
    for event in vocab.events:
        for language in LANGUAGES:
            if any(
                _starts_in_turn(words, _folded(name).split())
                for name in getattr(event.names, language)
            ):
                found.append(event.id)
                break
    return found[0] if len(found) == 1 else None


def _starts_in_turn(words: list[str], name: list[str]) -> bool:
    """Whether each of ``words`` starts a word of ``name``, in order."""
    k = 0
    for word in words:
        while k < len(name) and not name[k].startswith(word):
            k += 1
        if k == len(name):
            return False
        k += 1
    return True


def suggest_actor(value: str) -> str | None:
    """The actor id that ``value`` most likely means, or None.

    ``value`` may be an id written otherwise (``TDAG``, ``Secretary_General``),
    a name or an abbreviation in any of the six languages (``GCDT``,
    ``Conseil``), or a misspelt id or name (``bdt-directr``).
    """
    from itures.model.lookalike import to_script
    from itures.suggest import closest

    names = actor_names()
    key = _folded(to_script(value))
    if key in names:
        return names[key]
    ids = sorted(vocabulary().actor_ids())
    typed = value.casefold()
    # (itures.suggest: one slip of typing first, 'tsga' is 'tsag', not 'wtsa')
    found = closest(typed, ids)
    if found is not None:
        return found
    close = closest(key, sorted(names), cutoff=0.8)
    return names[close] if close else None


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary shipped with itures (validated on first use)."""
    from itures.yamlio.read import decode, parse_text

    data, _ = parse_text(decode(VOCABULARY_PATH.read_bytes()))
    ready()
    return Vocabulary.model_validate(data)


class VocabularyError(ValueError):
    """A corpus vocabulary that cannot be used; the message says where and why."""


def extended(path: str, data: bytes | None = None) -> Vocabulary:
    """The shipped vocabulary with the actors and events of a corpus's file
    (``[tool.itures] vocabulary``), which has the shipped file's schema.

    Raises :class:`VocabularyError` when the file is not valid YAML, does
    not match the schema, redefines a shipped id or gives an id twice.
    """
    from pydantic import ValidationError

    from itures.yamlio.read import YamlSyntaxError, decode, parse_text

    if data is None:
        with open(path, "rb") as fh:
            data = fh.read()
    try:
        parsed, _ = parse_text(decode(data))
    except YamlSyntaxError as exc:
        raise VocabularyError(f"{path}:{exc.line}:{exc.column}: {exc.message}") from None
    except UnicodeDecodeError:
        raise VocabularyError(f"{path}: not UTF-8 text") from None
    try:
        ready()
        more = Vocabulary.model_validate(parsed)
    except ValidationError as exc:
        first = exc.errors()[0]
        at = ".".join(str(p) for p in first["loc"])
        raise VocabularyError(
            f"{path}: {at}: {first['msg']} (the file has the schema of the shipped "
            "actors.yaml: `itures schema --vocabulary`)"
        ) from None
    base = vocabulary()
    for kind, shipped, added in (
        ("actor", base.actor_ids(), [a.id for a in more.actors]),
        ("event", base.event_ids(), [e.id for e in more.events]),
    ):
        seen: set[str] = set()
        for new in added:
            if new in shipped:
                raise VocabularyError(
                    f"{path}: {kind} '{new}' is in the shipped vocabulary already; "
                    "give the corpus's own actor another id"
                )
            if new in seen:
                raise VocabularyError(f"{path}: {kind} '{new}' is given twice")
            seen.add(new)
    return Vocabulary(actors=[*base.actors, *more.actors], events=[*base.events, *more.events])


def vocabulary_of(config: object) -> Vocabulary:
    """The vocabulary in force for a configuration (:class:`itures.config.Config`):
    the shipped one, extended by its ``vocabulary`` file if it names one."""
    named = getattr(config, "vocabulary", None)
    if named is None:
        return vocabulary()
    return _extended_cached(*named)


@cache
def _extended_cached(path: str, digest: str) -> Vocabulary:
    """:func:`extended`, once per file content (``digest`` keys the cache)."""
    return extended(path)


assert set(Names.model_fields) == set(LANGUAGES)


# -- section verbs (schema/verbs.yaml) -----------------------------------------

VERBS_PATH = SCHEMA_DIR / "verbs.yaml"

VerbKey = Annotated[str, Field(pattern=r"^[a-z]+(_[a-z]+)*$")]
Part = Literal["preamble", "operative"]
PARTS: tuple[Part, ...] = ("preamble", "operative")
FURTHER = "further_"


class Headings(_Model):
    """Headings of a verb per language, as published; a language may have none yet."""

    ar: list[str] = Field(default_factory=list, description="Arabic.")
    zh: list[str] = Field(default_factory=list, description="Chinese.")
    en: list[str] = Field(default_factory=list, description="English.")
    fr: list[str] = Field(default_factory=list, description="French.")
    ru: list[str] = Field(default_factory=list, description="Russian.")
    es: list[str] = Field(default_factory=list, description="Spanish.")


class Verb(_Model):
    """A section verb: its canonical key and its headings."""

    id: VerbKey = Field(
        description="The key resolution files use (verb: considering); never starts with further_."
    )
    headings: Headings = Field(
        description="Headings that write the verb, per language; an operative heading may go on "
        "to name its actors ('charge le Directeur du BDT')."
    )


class VerbVocabulary(_Model):
    """The vocabulary of preambular and operative verbs."""

    calibrated: list[Literal["ar", "zh", "en", "fr", "ru", "es"]] = Field(
        description="Languages whose heading lists were checked against published texts: there a "
        "heading that is none of its verb's headings is reported."
    )
    further: Headings = Field(
        description="Words that make the further_ variant of a verb ('en outre', 'further')."
    )
    preamble: list[Verb] = Field(description="Verbs of preambular sections.")
    operative: list[Verb] = Field(description="Verbs of operative sections.")


@cache
def verb_vocabulary() -> VerbVocabulary:
    """The verb vocabulary shipped with itures (validated on first use)."""
    from itures.yamlio.read import decode, parse_text

    data, _ = parse_text(decode(VERBS_PATH.read_bytes()))
    ready()
    return VerbVocabulary.model_validate(data)


def fold_heading(text: str) -> str:
    """A heading as a lookup key: Unicode composed, case folded, typographic
    apostrophes and hyphens, no-break spaces and Arabic vowel marks made plain,
    spaces collapsed, and the ':' or ',' that may end it dropped."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_FOLD).casefold()
    return " ".join(text.split()).strip(" :,;")


_FOLD = {
    ord("’"): "'",
    ord("‘"): "'",
    ord("‑"): "-",
    ord("‐"): "-",
    ord("\u00a0"): " ",
    ord("\u202f"): " ",
    ord("ـ"): None,  # Arabic tatweel
    **{c: None for c in range(0x064B, 0x0653)},  # Arabic vowel marks and shadda
    ord("\u0670"): None,
}


@dataclass(frozen=True)
class Reading:
    """What a heading says: the verbs it writes (several only on a tie) and
    whether it has a word of ``further``."""

    verbs: tuple[str, ...]
    further: bool


class Verbs:
    """The verb vocabulary in force: the shipped one, with a corpus's additions.

    ``extra`` holds (part, key, language, headings) entries from
    ``[tool.itures.verbs]``: a new key adds a verb, a known key more headings.
    """

    def __init__(
        self,
        base: VerbVocabulary,
        extra: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (),
    ) -> None:
        self.calibrated = frozenset(base.calibrated)
        self.headings: dict[str, dict[str, dict[str, list[str]]]] = {}
        for part in PARTS:
            table = self.headings[part] = {}
            for verb in getattr(base, part):
                table[verb.id] = {lang: list(getattr(verb.headings, lang)) for lang in LANGUAGES}
        for where, key, lang, headings in extra:
            table = self.headings[where]
            entry = table.setdefault(key, {lang: [] for lang in LANGUAGES})
            entry[lang].extend(h for h in headings if h not in entry[lang])
        self._further = {lang: list(getattr(base.further, lang)) for lang in LANGUAGES}
        self._phrase_cache: dict[tuple[str, str], list[tuple[str, str]]] = {}
        # the readings of headings (a corpus writes the same few headings again
        # and again): bounded, emptied when full
        self._readings: dict[tuple[str, str, str], Reading] = {}

    def keys(self, part: str) -> list[str]:
        """The canonical keys of one part, in vocabulary order."""
        return list(self.headings[part])

    def part_of(self, key: str) -> str | None:
        """The part whose verb ``key`` is (``further_`` variants included), or None."""
        base = key.removeprefix(FURTHER)
        return next((p for p in PARTS if base in self.headings[p]), None)

    def table(self, part: str, language: str) -> dict[str, str]:
        """Heading as written -> canonical key, for one part and language."""
        out: dict[str, str] = {}
        for key, by_lang in self.headings[part].items():
            for heading in by_lang.get(language, []):
                out.setdefault(heading, key)
        return out

    def further_words(self, language: str) -> list[str]:
        return self._further.get(language, [])

    def further_pattern(self, language: str) -> re.Pattern[str]:
        """Any word of ``further`` in a heading, case-insensitive (for the importers)."""
        words = (
            r"\s+".join(re.escape(part) for part in w.split()) for w in self.further_words(language)
        )
        alternation = "|".join(words) or r"(?!)"
        return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)

    def _phrases(self, part: str, language: str) -> list[tuple[str, str]]:
        phrases = self._phrase_cache.get((part, language))
        if phrases is None:
            phrases = sorted(
                ((fold_heading(h), key) for h, key in self._all(part, language)),
                key=lambda p: len(p[0]),
                reverse=True,
            )
            self._phrase_cache[(part, language)] = phrases
        return phrases

    def _all(self, part: str, language: str) -> list[tuple[str, str]]:
        return [
            (heading, key)
            for key, by_lang in self.headings[part].items()
            for heading in by_lang.get(language, [])
        ]

    def read(self, heading: str, part: str, language: str) -> Reading:
        """The verbs a heading writes: the longest heading of the vocabulary that
        starts it, whole words (see ``schema/verbs.yaml``)."""
        key = (heading, part, language)
        found = self._readings.get(key)
        if found is None:
            if len(self._readings) >= 4096:
                self._readings.clear()
            found = self._readings[key] = self._read(heading, part, language)
        return found

    def run_into_end(self, text: str, part: str, language: str) -> tuple[int, str, str] | None:
        """A heading of ``part`` run into the end of ``text`` by a conversion,
        after its last comma or semicolon, with no end mark after it
        ("... the principle of inclusiveness, having noted", "..., noting
        also"): where it starts in ``text``, the heading as written and the
        verb it writes (its ``further_`` variant with a word of ``further``);
        None if the text does not end so. At most seven words, read as
        :meth:`read` reads a heading (one verb)."""
        end = text.rstrip()
        if not end or not end[-1].isalpha():
            return None
        cut = max(end.rfind(mark) for mark in ",;，；،؛")
        if cut < 0:
            return None
        tail = end[cut + 1 :]
        words = tail.split()
        if not words or len(words) > 7:
            return None
        reading = self.read(tail, part, language)
        if len(reading.verbs) != 1:
            return None
        start = cut + 1 + len(tail) - len(tail.lstrip())
        verb = (FURTHER if reading.further else "") + reading.verbs[0]
        return start, tail.strip(), verb

    def _read(self, heading: str, part: str, language: str) -> Reading:
        folded = fold_heading(heading)
        further = False
        for word in sorted(self.further_words(language), key=len, reverse=True):
            pattern = rf"(?<![\w-]){re.escape(fold_heading(word))}(?![\w-])"
            folded, n = re.subn(pattern, " ", folded)
            further = further or n > 0
        folded = " ".join(folded.split()).strip(" :,;")
        glued = language == "zh"  # no spaces between words
        best: list[str] = []
        size = 0
        for phrase, key in self._phrases(part, language):
            if len(phrase) < size:
                break
            if folded == phrase or (
                folded.startswith(phrase)
                and (glued or not (folded[len(phrase)].isalnum() or folded[len(phrase)] == "-"))
            ):
                size = len(phrase)
                if key not in best:
                    best.append(key)
        return Reading(tuple(best), further)


@cache
def shipped_verbs() -> Verbs:
    """The shipped verb vocabulary, without additions."""
    return Verbs(verb_vocabulary())
