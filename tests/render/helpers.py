"""Shared by the render tests: documents, an index, and reading renderings back."""

from __future__ import annotations

import copy
import os
from typing import Any

from hypothesis import HealthCheck, settings

from itures.corpus import Index
from itures.model import markup
from itures.model.resolution import Resolution
from itures.render.layout import safe_text

SETTINGS = settings(
    max_examples=int(os.environ.get("ITURES_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# wtsa:57 in French, with nested clauses, an annex and a footnote
WTSA57: dict[str, Any] = {
    "body": "wtsa",
    "number": "57",
    "language": "fr",
    "title": "Renforcer la coordination",
    "history": [{"event": "revised", "place": "Dubaï", "year": 2012}],
    "conference": "L'Assemblée mondiale de normalisation des télécommunications (Dubaï, 2012),",
    "operative": [
        {
            "verb": "resolves",
            "heading": "décide",
            "clauses": [
                {"label": "1", "text": "de coopérer;"},
                {
                    "label": "2",
                    "text": "de faire rapport:",
                    "clauses": [
                        {"label": "2.1", "text": "au Conseil[^1];"},
                        {"label": "2.2", "text": "au GCNT,"},
                    ],
                },
                {"label": "3", "text": "d'agir."},
            ],
        }
    ],
    "footnotes": [{"id": "1", "text": "Chaque année."}],
    "annexes": [{"label": "2", "heading": "ANNEXE 2", "items": [{"label": "a)", "text": "Un."}]}],
}


def model(data: dict[str, Any], **changes: Any) -> Resolution:
    full = copy.deepcopy(data)
    full.update(copy.deepcopy(changes))
    return Resolution.model_validate(full)


def index_of(*resolutions: Resolution) -> Index:
    index = Index()
    for res in resolutions:
        index.add(f"{res.body}/{res.number}/{res.language}.yaml", res)
    return index


def words(text: str) -> str:
    """What a reader sees of a text: citation words, no markers, whitespace collapsed."""
    return " ".join(safe_text(markup.plain(text)).split())


def flat(text: str) -> str:
    return " ".join(safe_text(text).split())
