"""The rule catalogue.

A rule is a small function over one validated resolution, with the corpus
index at hand for rules that look across files. It yields :class:`Finding`
records (a path into the document and a message); the runner turns them into
positioned :class:`~itures.diagnostics.Diagnostic` records. Rules never print
and never read files.

Each rule module registers its rules with :func:`rule`; the registry is the
catalogue that ``itures rules`` lists and ``docs/rules.md`` documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from itures.diagnostics import Severity

if TYPE_CHECKING:
    from itures.corpus import Index
    from itures.model.resolution import Resolution


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found: where (path into the document) and what."""

    path: tuple[str | int, ...]
    message: str
    key: bool = False  # position at the key rather than the value


@dataclass(frozen=True)
class Context:
    """What a rule sees: the resolution, its file, and the corpus index."""

    path: str
    resolution: Resolution
    index: Index | None = None


RuleFunc = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: stable name, default severity, documentation, check."""

    name: str
    severity: Severity
    summary: str
    check: RuleFunc = field(repr=False)
    doc: str = field(default="", repr=False)


REGISTRY: dict[str, Rule] = {}

# Names produced by stages before the rules (the reader and the schema).
BUILTIN: dict[str, tuple[Severity, str]] = {
    "yaml-syntax": ("error", "the file is not valid YAML, or uses what the format refuses"),
    "schema": ("error", "the document does not match the schema"),
}


def rule(name: str, severity: Severity, summary: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under a stable kebab-case name."""

    def register(func: RuleFunc) -> RuleFunc:
        if name in REGISTRY or name in BUILTIN:
            raise ValueError(f"rule {name!r} registered twice")
        REGISTRY[name] = Rule(name, severity, summary, func, (func.__doc__ or "").strip())
        return func

    return register


def load_all() -> dict[str, Rule]:
    """Import every rule module (registration happens at import)."""
    from itures.rules import markup  # noqa: F401

    return REGISTRY


def run(ctx: Context) -> Iterator[tuple[Rule, Finding]]:
    """Run every registered rule on one resolution."""
    for r in load_all().values():
        for finding in r.check(ctx):
            yield r, finding
