"""Laws: write then read gives the same model; JSON Schema and models agree."""

from __future__ import annotations

import json
import os
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from pydantic import ValidationError

import itures
from itures.model import Resolution
from itures.validate import validate
from itures.yamlio.read import Document, read_document
from itures.yamlio.write import dump_resolution
from tests.conftest import ROOT, SEED_YAML
from tests.strategies import documents, mutated

SCHEMA = json.loads((ROOT / "schema" / "resolution.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
SETTINGS = settings(
    max_examples=int(os.environ.get("ITURES_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _read_back(text: str) -> Resolution:
    doc = read_document("r.yaml", text.encode("utf-8"))
    assert isinstance(doc, Document), f"{doc}\n---\n{text}"
    resolution, diagnostics = validate(doc)
    assert diagnostics == [], f"{diagnostics}\n---\n{text}"
    assert resolution is not None
    return resolution


@SETTINGS
@given(documents())
def test_any_model_written_and_read_again_is_equal(data: dict[str, Any]) -> None:
    model = Resolution.model_validate(data)
    text = dump_resolution(model)
    assert _read_back(text) == model


def test_the_corpus_file_round_trips() -> None:
    model = itures.load(SEED_YAML)
    assert _read_back(dump_resolution(model)) == model


@SETTINGS
@given(mutated())
def test_jsonschema_accepts_exactly_what_the_model_accepts(data: dict[str, Any]) -> None:
    schema_ok = VALIDATOR.is_valid(data)
    try:
        Resolution.model_validate(data)
        model_ok = True
    except ValidationError:
        model_ok = False
    assert schema_ok == model_ok, (
        schema_ok,
        model_ok,
        [e.message for e in VALIDATOR.iter_errors(data)],
    )


@SETTINGS
@given(documents())
def test_generated_documents_are_valid_for_both(data: dict[str, Any]) -> None:
    assert VALIDATOR.is_valid(data)
    Resolution.model_validate(data)


@SETTINGS
@given(documents())
def test_written_yaml_reads_the_same_in_another_implementation(data: dict[str, Any]) -> None:
    """ruamel.yaml (YAML 1.2, pure Python) reads what the writer writes as we do."""
    import io

    from ruamel.yaml import YAML

    model = Resolution.model_validate(data)
    text = dump_resolution(model)
    theirs = YAML(typ="safe", pure=True).load(io.StringIO(text))
    assert Resolution.model_validate(theirs) == model
