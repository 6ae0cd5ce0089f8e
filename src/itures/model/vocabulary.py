"""The controlled vocabulary of actors and events (``schema/actors.yaml``).

Each actor has an identifier (used in resolution files), and per language its
names and abbreviations as they appear in resolutions, so that importers can
recognise them and renderers can name them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from itures.model.resolution import LANGUAGES

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
VOCABULARY_PATH = SCHEMA_DIR / "actors.yaml"

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, regex_engine="python-re")


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
        pattern=r"^(official|organ|group|membership|conference|secretariat|other)$",
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
        return frozenset(a.id for a in self.actors)

    def event_ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self.events)


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


def suggest_actor(value: str) -> str | None:
    """The actor id that ``value`` most likely means, or None.

    ``value`` may be an id written otherwise (``TDAG``, ``Secretary_General``),
    a name or an abbreviation in any of the six languages (``GCDT``,
    ``Conseil``), or a misspelt id or name (``bdt-directr``).
    """
    import difflib  # only for suggestions: not at start-up

    from itures.model.lookalike import to_script

    names = actor_names()
    key = _folded(to_script(value))
    if key in names:
        return names[key]
    ids = sorted(vocabulary().actor_ids())
    close = difflib.get_close_matches(value.casefold(), ids, n=1)
    if close:
        return close[0]
    close = difflib.get_close_matches(key, sorted(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary shipped with itures (validated on first use)."""
    from itures.yamlio.read import decode, parse_text

    data, _ = parse_text(decode(VOCABULARY_PATH.read_bytes()))
    return Vocabulary.model_validate(data)


assert set(Names.model_fields) == set(LANGUAGES)
