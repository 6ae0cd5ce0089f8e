"""The committed schema files are the models' own, and the data validates."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from itures.model import jsonschema as gen
from itures.yamlio.read import decode, parse_text
from tests.conftest import ROOT, SEED_YAML, run_cli

SCHEMA_DIR = ROOT / "schema"


def _load_yaml(path: Any) -> Any:
    data, _ = parse_text(decode(path.read_bytes()))
    return data


def test_itures_schema_prints_the_committed_file() -> None:
    result = run_cli("schema")
    assert result.returncode == 0, result.stderr
    committed = (SCHEMA_DIR / "resolution.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "run: itures schema > schema/resolution.schema.json"


def test_vocabulary_schema_is_the_committed_file() -> None:
    committed = (SCHEMA_DIR / "actors.schema.json").read_text(encoding="utf-8")
    assert gen.dumps(gen.vocabulary_schema()) == committed, (
        "run: itures schema --vocabulary > schema/actors.schema.json"
    )


def test_resolution_schema_is_2020_12_with_an_id() -> None:
    schema = json.loads((SCHEMA_DIR / "resolution.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("urn:itures:")
    jsonschema.Draft202012Validator.check_schema(schema)


def _properties(node: Any, where: str = "#") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            found.append((f"{where}/properties/{name}", prop))
        for key, value in node.items():
            found.extend(_properties(value, f"{where}/{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_properties(value, f"{where}/{i}"))
    return found


@pytest.mark.parametrize("name", ["resolution.schema.json", "actors.schema.json"])
def test_every_property_has_a_description(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    props = _properties(schema)
    assert len(props) > 10
    missing = [where for where, prop in props if not prop.get("description")]
    assert missing == []


def test_corpus_file_validates_with_plain_jsonschema() -> None:
    schema = json.loads((SCHEMA_DIR / "resolution.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    data = _load_yaml(SEED_YAML)
    assert list(validator.iter_errors(data)) == []
    # and the validator is not vacuous: the same file without its title fails
    del data["title"]
    assert [e.message for e in validator.iter_errors(data)] == ["'title' is a required property"]


def test_every_corpus_file_validates_with_plain_jsonschema() -> None:
    schema = json.loads((SCHEMA_DIR / "resolution.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((ROOT / "resolutions").rglob("*.yaml"))
    assert files
    for path in files:
        assert list(validator.iter_errors(_load_yaml(path))) == [], path


def test_vocabulary_validates_against_its_schema() -> None:
    schema = json.loads((SCHEMA_DIR / "actors.schema.json").read_text(encoding="utf-8"))
    data = _load_yaml(SCHEMA_DIR / "actors.yaml")
    jsonschema.Draft202012Validator(schema).validate(data)
    languages = {"ar", "zh", "en", "fr", "ru", "es"}
    for actor in data["actors"]:
        assert set(actor["names"]) == languages, actor["id"]
    ids = [a["id"] for a in data["actors"]]
    assert len(ids) == len(set(ids))


def test_vocabulary_schema_rejects_a_missing_language() -> None:
    schema = json.loads((SCHEMA_DIR / "actors.schema.json").read_text(encoding="utf-8"))
    data = _load_yaml(SCHEMA_DIR / "actors.yaml")
    del data["actors"][0]["names"]["ru"]
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert [e.message for e in errors] == ["'ru' is a required property"]


def test_corpus_file_uses_only_vocabulary_actors() -> None:
    from itures import load
    from itures.model.vocabulary import vocabulary

    known = vocabulary().actor_ids()
    res = load(SEED_YAML)
    used = {a for sec in res.operative for a in [*sec.actors, *sec.partners]}
    used |= {a for sec in res.operative for c in sec.clauses for a in [*c.actors, *c.partners]}
    assert used and used <= known


def test_a_vocabulary_makes_its_ids_once_and_stays_a_plain_model() -> None:
    """The actor and event ids are asked for at every file's check: made once per
    vocabulary; the model's data, equality and schema are not touched by them."""
    from itures.model.vocabulary import Vocabulary, vocabulary

    vocab = vocabulary()
    assert vocab.actor_ids() is vocab.actor_ids()
    assert vocab.event_ids() is vocab.event_ids()
    assert vocab.actor_ids() == frozenset(a.id for a in vocab.actors)
    assert vocab.event_ids() == frozenset(e.id for e in vocab.events)
    again = Vocabulary.model_validate(vocab.model_dump())
    assert again == vocab and set(vocab.model_dump()) == {"actors", "events"}
    assert "_actor_ids" not in json.dumps(Vocabulary.model_json_schema())
