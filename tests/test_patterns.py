"""The published JSON Schema and the model agree on every pattern field.

Editors validate as they type with the JSON Schema (ECMAScript regular
expressions); ``itures check`` validates with the pydantic models (Python
regular expressions). Python's ``$`` also matches before a final newline, so
``^59$`` once let ``number: "59\\n"`` (or a literal block ``number: |``) pass
the model while editors rejected it. Every pattern now matches the whole
string in both engines (:func:`itures.model.resolution.whole`), and these
tests hold the law: for any string, at any pattern field, the schema accepts
the document exactly when the model does, whitespace and line breaks at
either end included.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from itures.model.resolution import Resolution
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "schema" / "resolution.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

BASE: dict[str, Any] = {
    "body": "wtdc",
    "number": "59",
    "language": "fr",
    "title": "T",
    "history": [{"event": "adopted", "place": "Doha", "year": 2006}],
    "preamble": [{"verb": "recalling", "heading": "rappelant", "items": [{"text": "a"}]}],
    "operative": [
        {
            "verb": "resolves",
            "heading": "décide",
            "actors": ["council"],
            "partners": ["tdag"],
            "clauses": [
                {
                    "text": "x",
                    "actors": ["council"],
                    "partners": ["tdag"],
                    "deadlines": [{"event": "next-pp", "report_to": "council"}],
                }
            ],
        }
    ],
    "footnotes": [{"id": "1", "text": "n"}],
}

# Where each pattern of the schema is, as a path into BASE (its schema location).
FIELDS: dict[str, tuple[str | int, ...]] = {
    "/properties/body": ("body",),
    "/properties/number": ("number",),
    "/$defs/PreambleSection/properties/verb": ("preamble", 0, "verb"),
    "/$defs/OperativeSection/properties/verb": ("operative", 0, "verb"),
    "/$defs/OperativeSection/properties/actors/items": ("operative", 0, "actors", 0),
    "/$defs/OperativeSection/properties/partners/items": ("operative", 0, "partners", 0),
    "/$defs/Clause/properties/actors/items": ("operative", 0, "clauses", 0, "actors", 0),
    "/$defs/Clause/properties/partners/items": ("operative", 0, "clauses", 0, "partners", 0),
    "/$defs/Deadline/properties/event/anyOf/0": (
        "operative",
        0,
        "clauses",
        0,
        "deadlines",
        0,
        "event",
    ),
    "/$defs/Deadline/properties/report_to/anyOf/0": (
        "operative",
        0,
        "clauses",
        0,
        "deadlines",
        0,
        "report_to",
    ),
    "/$defs/Footnote/properties/id": ("footnotes", 0, "id"),
}


def _patterns(node: Any, where: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            found[where] = node["pattern"]
        for key, value in node.items():
            found.update(_patterns(value, f"{where}/{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.update(_patterns(value, f"{where}/{i}"))
    return found


PATTERNS = _patterns(SCHEMA)
VOCABULARY_SCHEMA = json.loads((ROOT / "schema" / "actors.schema.json").read_text(encoding="utf-8"))


def _with(path: tuple[str | int, ...], value: str) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    node: Any = doc
    for seg in path[:-1]:
        node = node[seg]
    node[path[-1]] = value
    return doc


def _model_accepts(doc: dict[str, Any]) -> bool:
    try:
        Resolution.model_validate(doc)
    except ValidationError:
        return False
    return True


def test_every_pattern_of_the_schema_is_covered() -> None:
    assert set(PATTERNS) == set(FIELDS)
    assert VALIDATOR.is_valid(BASE) and _model_accepts(BASE)


# Valid values of every field, and the edges: whitespace, line breaks of every
# kind, control characters, path separators, look-alikes.
_GOOD = ["59", "6-2", "70/1", "a", "wtdc", "bdt-director", "further_resolves", "D5", "1.1", "*"]
_EDGES = ["\n", "\r", "\r\n", "\t", " ", "\x0b", "\x0c", "\x85", "\u2028", "\x00", "\x1b", "/", "."]
_EDGES += ["..", "\\", "_", "-", "é", "с", "†"]
values = st.one_of(
    st.text(st.sampled_from("aZ09-_./ \n\t\r†"), max_size=6),
    st.tuples(st.sampled_from(_EDGES), st.sampled_from(_GOOD), st.sampled_from(_EDGES)).map(
        lambda t: t[0] + t[1] + t[2]
    ),
    st.tuples(st.sampled_from(_GOOD), st.sampled_from(_EDGES)).map(lambda t: t[0] + t[1]),
    st.sampled_from(_GOOD),
)


@given(st.sampled_from(sorted(FIELDS)), values)
def test_schema_and_model_agree_on_every_pattern_field(where: str, value: str) -> None:
    doc = _with(FIELDS[where], value)
    assert VALIDATOR.is_valid(doc) == _model_accepts(doc), (where, value)


@pytest.mark.parametrize("where", sorted(FIELDS))
@pytest.mark.parametrize("tail", ["\n", "\r\n", " ", "\t"])
def test_a_trailing_line_break_or_space_is_refused_by_both(where: str, tail: str) -> None:
    good = "resolves" if "verb" in where else "59" if "number" in where else "1"
    good = "council" if good == "1" and "Footnote" not in where else good
    assert VALIDATOR.is_valid(_with(FIELDS[where], good)), where
    doc = _with(FIELDS[where], good + tail)
    assert not VALIDATOR.is_valid(doc) and not _model_accepts(doc)


def _vocabulary_with(kind: str, key: str, value: str) -> dict[str, Any]:
    names = {lang: ["x"] for lang in ("ar", "zh", "en", "fr", "ru", "es")}
    actor = {"id": "council", "kind": "organ", "names": names}
    event = {"id": "next-pp", "names": names}
    (actor if kind == "actor" else event)[key] = value
    return {"actors": [actor], "events": [event]}


@given(
    st.sampled_from([("actor", "id"), ("actor", "kind"), ("event", "id")]),
    st.one_of(values, st.sampled_from(["organ", "group\n", "other ", "conference"])),
)
def test_vocabulary_schema_and_model_agree_on_its_pattern_fields(
    where: tuple[str, str], value: str
) -> None:
    from itures.model.vocabulary import Vocabulary

    doc = _vocabulary_with(*where, value)
    try:
        Vocabulary.model_validate(doc)
        model = True
    except ValidationError:
        model = False
    assert jsonschema.Draft202012Validator(VOCABULARY_SCHEMA).is_valid(doc) == model


EDGE_STRINGS = sorted(
    {g + e for g in _GOOD for e in ["", *_EDGES]} | {e + g for g in _GOOD for e in _EDGES}
)


@pytest.mark.skipif(shutil.which("node") is None, reason="node (an ECMAScript engine) is absent")
def test_ecmascript_reads_every_pattern_as_python_does() -> None:
    """What editors run (JavaScript regular expressions, with the ``u`` flag as
    JSON Schema asks) accepts exactly what Python accepts, for every pattern."""
    patterns = sorted(set(PATTERNS.values()) | set(_patterns(VOCABULARY_SCHEMA).values()))
    assert len(patterns) >= 5
    script = (
        "const [ps, ss] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(ps.map(p => ss.map(s => new RegExp(p, 'u').test(s)))));"
    )
    proc = subprocess.run(
        ["node", "-e", script],
        input=json.dumps([patterns, EDGE_STRINGS]),
        capture_output=True,
        text=True,
        check=True,
    )
    ecma = json.loads(proc.stdout)
    import re

    for pattern, row in zip(patterns, ecma, strict=True):
        python = [re.search(pattern, s) is not None for s in EDGE_STRINGS]
        differ = [s for s, a, b in zip(EDGE_STRINGS, row, python, strict=True) if a != b]
        assert not differ, (pattern, differ)
