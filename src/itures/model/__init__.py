"""Typed models: the resolution, its inline markup, the actor vocabulary."""

from itures.model.resolution import (
    LANGUAGES,
    Annex,
    Clause,
    Deadline,
    Footnote,
    HistoryEntry,
    Item,
    OperativeSection,
    PreambleSection,
    Resolution,
)

__all__ = [
    "LANGUAGES",
    "Annex",
    "Clause",
    "Deadline",
    "Footnote",
    "HistoryEntry",
    "Item",
    "OperativeSection",
    "PreambleSection",
    "Resolution",
]
