"""JSON Schema generation from the models.

``itures schema`` prints :func:`resolution_schema`; the committed
``schema/resolution.schema.json`` must equal it (a test checks).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

DIALECT = "https://json-schema.org/draft/2020-12/schema"
RESOLUTION_ID = "urn:itures:schema:resolution:1"
VOCABULARY_ID = "urn:itures:schema:actors:1"
VERBS_ID = "urn:itures:schema:verbs:1"


class _Generator(GenerateJsonSchema):
    def generate(self, schema: Any, mode: Any = "validation") -> JsonSchemaValue:
        result = super().generate(schema, mode=mode)
        _strip_titles(result)
        return result


def _strip_titles(node: Any) -> None:
    """Drop pydantic's generated titles: editors show the descriptions instead."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for value in props.values():
                if isinstance(value, dict):
                    value.pop("title", None)
        for value in node.values():
            _strip_titles(value)
    elif isinstance(node, list):
        for value in node:
            _strip_titles(value)


def _schema(model: type[BaseModel], schema_id: str, title: str) -> dict[str, Any]:
    body = model.model_json_schema(schema_generator=_Generator)
    head: dict[str, Any] = {"$schema": DIALECT, "$id": schema_id, "title": title}
    return {**head, **{k: v for k, v in body.items() if k != "title"}}


def resolution_schema() -> dict[str, Any]:
    from itures.model.resolution import Resolution

    return _schema(Resolution, RESOLUTION_ID, "ITU resolution (itures format)")


def vocabulary_schema() -> dict[str, Any]:
    from itures.model.vocabulary import Vocabulary

    return _schema(Vocabulary, VOCABULARY_ID, "itures actor and event vocabulary")


def verbs_schema() -> dict[str, Any]:
    from itures.model.vocabulary import VerbVocabulary

    return _schema(VerbVocabulary, VERBS_ID, "itures vocabulary of section verbs and headings")


def dumps(schema: dict[str, Any]) -> str:
    """The canonical text of a schema file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
