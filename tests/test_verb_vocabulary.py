"""The verb vocabulary: its schema, one list for importers and rules, config additions."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures.cache import fingerprint
from itures.config import Config, ConfigError, from_table
from itures.importers.build import operative_verb, preamble_verb
from itures.importers.lang import grammar
from itures.model import jsonschema as gen
from itures.model.vocabulary import (
    PARTS,
    Verbs,
    shipped_verbs,
    verb_vocabulary,
    vocabulary,
)
from itures.yamlio.read import decode, parse_text
from tests.conftest import ROOT

SCHEMA_DIR = ROOT / "schema"
VERBS = shipped_verbs()


def test_the_verb_schema_is_the_committed_file_and_the_vocabulary_validates() -> None:
    committed = (SCHEMA_DIR / "verbs.schema.json").read_text(encoding="utf-8")
    assert gen.dumps(gen.verbs_schema()) == committed, (
        "run: itures schema --verbs > schema/verbs.schema.json"
    )
    data, _ = parse_text(decode((SCHEMA_DIR / "verbs.yaml").read_bytes()))
    jsonschema.Draft202012Validator(json.loads(committed)).validate(data)
    bad = {**data, "preamble": [{"id": "Recalling", "headings": {}}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(json.loads(committed)).validate(bad)


def test_every_verb_key_is_unique_across_both_parts() -> None:
    keys = [v.id for part in PARTS for v in getattr(verb_vocabulary(), part)]
    assert len(keys) == len(set(keys))
    assert not any(k.startswith("further_") for k in keys)


HEADINGS = [
    (part, lang, heading, key)
    for part in PARTS
    for lang in ("en", "fr", "es")
    for key, by_lang in VERBS.headings[part].items()
    for heading in by_lang[lang]
]


@pytest.mark.parametrize(("part", "lang", "heading", "key"), HEADINGS)
def test_the_importer_and_the_rules_read_every_heading_alike(
    part: str, lang: str, heading: str, key: str
) -> None:
    """One list: what the importer makes of a published heading is the verb the
    rules expect for it, plain and with a word of "further"."""
    g = grammar(lang)
    further = VERBS.further_words(lang)[0]
    for written, expected in ((heading, key), (f"{heading} {further}", f"further_{key}")):
        if part == "preamble":
            got = preamble_verb(written, g)
        else:
            found = operative_verb(written, g)
            got = found[0] if found else None
        assert got == expected, written
        reading = VERBS.read(written, part, lang)
        assert key in reading.verbs and reading.further == (expected != key)


ACTOR_NAMES = {
    lang: [name for actor in vocabulary().actors for name in getattr(actor.names, lang)]
    for lang in ("ar", "zh", "en", "fr", "ru", "es")
}


@given(st.data())
def test_actors_after_an_operative_heading_do_not_change_its_verb(data: st.DataObject) -> None:
    """An operative heading may go on to name actors: the verb it writes is the
    one its lead words write."""
    lang = data.draw(st.sampled_from(sorted(ACTOR_NAMES)))
    table = VERBS.table("operative", lang)
    heading = data.draw(st.sampled_from(sorted(table)))
    name = data.draw(st.sampled_from(ACTOR_NAMES[lang]))
    sep = "" if lang == "zh" else data.draw(st.sampled_from([" ", " le ", ", ", "\u00a0"]))
    alone = VERBS.read(heading, "operative", lang)
    assert table[heading] in alone.verbs
    assert VERBS.read(heading + sep + name, "operative", lang) == alone


def test_a_word_glued_to_a_heading_is_not_that_heading() -> None:
    assert VERBS.read("chargement du Secrétariat", "operative", "fr").verbs == ()
    assert VERBS.read("Recalling:", "preamble", "en").verbs == ("recalling",)
    assert VERBS.read("ayant à l’esprit", "preamble", "fr").verbs == ("bearing_in_mind",)


def test_configuration_adds_verbs_and_headings() -> None:
    config = from_table(
        {
            "verbs": {
                "preamble": {"welcoming_warmly": {"en": ["welcoming warmly"]}},
                "operative": {"instructs": {"fr": ["donne instruction au"]}},
            }
        },
        "pyproject.toml",
        ".",
    )
    verbs = Verbs(verb_vocabulary(), config.verbs)
    assert verbs.part_of("further_welcoming_warmly") == "preamble"
    assert verbs.read("donne instruction au SG", "operative", "fr").verbs == ("instructs",)
    assert verbs.read("charge le SG", "operative", "fr").verbs == ("instructs",)
    assert VERBS.part_of("welcoming_warmly") is None  # the shipped list is untouched
    assert fingerprint(config) != fingerprint(Config())


@pytest.mark.parametrize(
    ("verbs", "message"),
    [
        ([], "verbs must be a table"),
        ({"annex": {}}, "'annex' is not a part"),
        ({"preamble": {"Welcoming": {"en": ["x"]}}}, "'Welcoming' is not a verb key"),
        ({"preamble": {"further_noting": {"en": ["x"]}}}, "further_ variants come by themselves"),
        ({"preamble": {"noting": {"de": ["x"]}}}, "'de' is not one of the languages"),
        ({"preamble": {"noting": {"en": "noting"}}}, "must be a list of headings"),
        ({"preamble": {"noting": {"en": [""]}}}, "must be a list of headings"),
    ],
)
def test_a_bad_verbs_table_is_a_configuration_error(verbs: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        from_table({"verbs": verbs}, "pyproject.toml", str(Path(".")))
