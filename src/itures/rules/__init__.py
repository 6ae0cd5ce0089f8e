"""The rule catalogue.

A rule is a small function over one validated resolution. It yields :class:`Finding`
records (a path into the document, optionally a character offset inside the
text found there, and a message); the runner (:func:`itures.corpus._check`)
turns them into positioned :class:`~itures.diagnostics.Diagnostic` records,
applies the configuration (:mod:`itures.config`) and the in-file suppressions
(:mod:`itures.rules.suppressions`). Rules never print and never read files.

Two kinds of rules (decision: the pipeline depends on it, see README,
"Architecture"):

* **file rules** see one resolution, its validated model (:class:`Context`);
  what they find depends on the file's content alone, so it is computed
  while the file is read (in a worker process when the check runs in
  parallel) and kept in the cache with it;
* **corpus rules** (``@rule(..., corpus=True)``) look across files: they see
  the file's :class:`~itures.summary.Summary` and the corpus index of
  summaries (:class:`CorpusContext`), never a model, and run once every file
  is read, so that they are right whichever file changed.

Each rule module registers its rules with :func:`rule`; the registry is the
catalogue that ``itures rules`` lists and ``docs/rules.md`` documents
(:mod:`itures.rules.docs` generates it from the docstrings).

Rule families, one module each:

========================  =====================================================
module                    rules
========================  =====================================================
``markup``                markup
``numbering``             numbering-duplicate, numbering-gap, numbering-style
``footnotes``             footnote-undefined, footnote-unused, footnote-duplicate,
                          footnote-order, footnote-leftover
``references``            reference-unresolved, reference-revision, reference-text
``actors``                actor-unknown, deadline-malformed, deadline-event-unknown
``verbs``                 verb-unknown, heading-mismatch
``history``               history
``dates``                 history-date
``duplicates``            actor-duplicate
``artefacts``             conversion-artefact
``punctuation``           punctuation
``languages``             language-mismatch
``identity``              identity-duplicate, identity-path
``comments``              text-comment, text-escape, text-break
``lookalike``             lookalike
``suppressions``          suppression-invalid, suppression-unused
========================  =====================================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from itures.diagnostics import Severity

if TYPE_CHECKING:
    from itures.config import Config
    from itures.index import Index
    from itures.model.resolution import Resolution
    from itures.summary import Summary
    from itures.yamlio.read import Document


@dataclass(frozen=True, slots=True)
class Place:
    """Another place of the same defect, in this file (``path`` into the
    document, ``offset``/``length`` inside its text, ``key`` for the key) or,
    already positioned, in another file (``file``, ``line``, ``column``).
    """

    path: tuple[str | int, ...]
    message: str
    key: bool = False
    offset: int | None = None
    length: int | None = None
    file: str | None = None
    line: int = 1
    column: int = 1


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found: where (path into the document) and what.

    ``offset`` is a character offset inside the string found at ``path`` (a
    citation in the middle of a folded text): the runner then points at the
    line and column of that character rather than at the start of the value;
    ``length`` is how many characters the span covers from there (default:
    the whole value, or one character at an offset).
    ``severity`` overrides the rule's default for this finding (a doubled
    punctuation mark is an error, a wrong end mark a warning); the
    configuration's re-grading overrides both. ``help`` is the fix, in
    words an editor can apply; ``related`` the other places of the same
    defect (one defect, one finding: the others are attached here).
    ``flagging``: the finding is its version's own defect in what the
    language versions of a resolution are compared by (its place goes into
    ``Summary.flagged``, as those of the rules of ``summary.FLAGGING`` do),
    whatever its rule: ``language-mismatch`` leaves that place to it. Not
    part of :meth:`encode` (the summary, made before, keeps the place).
    ``flags``: more places that go into ``Summary.flagged``, of what the
    finding shows beside its own place (an entry's path with ``"open"``
    after it: the last entry of its list, its end mark one that calls for an
    entry after it; see :mod:`itures.rules.languages`). Not part of
    :meth:`encode` either.
    ``covers``: the file rules whose findings at the entry at ``path`` (or
    its text, its label or its id) are this defect's consequences or say it again
    (a version that lost its last clause: punctuation's "ends with ';'" on
    the clause now last; a clause without the label the other versions
    give it: numbering-style's "has no label"), left out
    where this finding is reported (a corpus rule's finding: see
    :func:`itures.rules.runner.uncovered`); ``covers_at``, more entries
    where it holds (a clause moved to the next section: the end marks of
    the entries now last and no longer last). Not part of :meth:`encode`.
    """

    path: tuple[str | int, ...]
    message: str
    key: bool = False  # position at the key rather than the value
    offset: int | None = None
    severity: Severity | None = None
    help: str | None = None
    length: int | None = None
    related: tuple[Place, ...] = ()
    flagging: bool = False
    flags: tuple[tuple[str | int, ...], ...] = ()
    covers: tuple[str, ...] = ()
    covers_at: tuple[tuple[str | int, ...], ...] = ()

    def encode(self) -> tuple[Any, ...]:
        """Plain data for the cache (see :meth:`decode`)."""
        return (
            self.path,
            self.message,
            self.key,
            self.offset,
            self.severity,
            self.help,
            self.length,
            [
                (p.path, p.message, p.key, p.offset, p.length, p.file, p.line, p.column)
                for p in self.related
            ],
        )

    @classmethod
    def decode(cls, data: Any) -> Finding:
        path, message, key, offset, severity, help_, length, related = data
        return cls(
            tuple(path),
            message,
            key,
            offset,
            severity,
            help_,
            length,
            tuple(Place(tuple(p[0]), *p[1:]) for p in related),
        )


def _memo(store: dict[Any, Any], key: Any, compute: Callable[[], Any]) -> Any:
    try:
        return store[key]
    except KeyError:
        value = store[key] = compute()
        return value


@dataclass(frozen=True)
class Context:
    """What a file rule sees: the resolution, its file, the configuration.

    Rules share what they compute through two memos: :meth:`memo` for what
    several rules need about this file (parsed markup, the lists, the
    numbering analysis), dropped when the file is done, and :meth:`memo_run`
    for what lasts the whole run (``cache``, shared by every context of one
    process). Keeping per-file data for the whole run would make memory, and
    the garbage collector's work, grow with the corpus.
    """

    path: str
    resolution: Resolution
    config: Config | None = None
    cache: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    local: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    # the parsed file, for the few rules about its source (comments): None
    # when the rules run on a model alone
    document: Document | None = field(default=None, compare=False, repr=False)

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once for this file."""
        return _memo(self.local, key, compute)

    def memo_run(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per run."""
        return _memo(self.cache, key, compute)


@dataclass(frozen=True)
class CorpusContext:
    """What a corpus rule sees: the file's summary, the corpus index, the configuration.

    ``cache`` lasts the whole run (:meth:`memo_run`): the language signature
    of each version, the bodies the corpus holds, parsed citation targets.

    ``only`` is set when the file is not one of the checked files but cites
    one of them (the inbound check of a commit: what the changed files break
    elsewhere): the rules that run then (``inbound=True``) report only what
    concerns these identities (body, number).
    """

    path: str
    summary: Summary
    index: Index
    config: Config | None = None
    cache: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    only: frozenset[tuple[str, str]] | None = None
    local: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per file (what several corpus rules read of it)."""
        return _memo(self.local, key, compute)

    def memo_run(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per run."""
        return _memo(self.cache, key, compute)


RuleFunc = Callable[[Context], Iterable[Finding]]
CorpusRuleFunc = Callable[[CorpusContext], Iterable[Finding]]
F = TypeVar("F", RuleFunc, CorpusRuleFunc)


@dataclass(frozen=True)
class Rule:
    """A registered rule: stable name, default severity, documentation, check."""

    name: str
    severity: Severity
    summary: str
    check: Callable[[Any], Iterable[Finding]] = field(repr=False)
    doc: str = field(default="", repr=False)
    family: str = ""
    corpus: bool = False  # a corpus rule: runs on a CorpusContext
    inbound: bool = False  # also runs on files that cite a checked file (CorpusContext.only)


REGISTRY: dict[str, Rule] = {}

# Names produced by stages before the rules (the reader and the schema). They
# cannot be ignored, re-graded or suppressed: a file that is not a valid
# resolution cannot be checked further.
BUILTIN: dict[str, tuple[Severity, str]] = {
    "yaml-syntax": ("error", "the file is not valid YAML, or uses what the format refuses"),
    "schema": ("error", "the document does not match the schema"),
}

# Names of the findings of the CI gate (``itures check --since``; their
# severity and summary: itures.gate.GATE_RULES). They judge a change against
# its base revision, not a file: they cannot be selected, ignored, re-graded
# or suppressed (a change cannot switch off the gate that judges it).
GATE: tuple[str, ...] = (
    "history-rewritten",
    "language-drift",
    "config-changed",
    "reference-shifted",
    "reference-removed",
)

# Rule modules, in catalogue order.
MODULES = (
    "markup",
    "numbering",
    "footnotes",
    "references",
    "actors",
    "verbs",
    "history",
    "dates",
    "duplicates",
    "artefacts",
    "punctuation",
    "repeats",
    "spelling",
    "cuts",
    "languages",
    "identity",
    "comments",
    "lookalike",
    "suppressions",
)


def rule(
    name: str, severity: Severity, summary: str, *, corpus: bool = False, inbound: bool = False
) -> Callable[[F], F]:
    """Register a rule function under a stable kebab-case name.

    ``corpus=True`` marks a corpus rule (a function of :class:`CorpusContext`);
    ``inbound=True`` a corpus rule that also runs on the files citing a
    checked file, reporting only what concerns the checked identities
    (:attr:`CorpusContext.only`): what a commit breaks elsewhere.
    """

    def register(func: F) -> F:
        if name in REGISTRY or name in BUILTIN:
            raise ValueError(f"rule {name!r} registered twice")
        family = func.__module__.rsplit(".", 1)[-1]
        REGISTRY[name] = Rule(
            name,
            severity,
            summary,
            func,
            _dedent((func.__doc__ or "").strip()),
            family,
            corpus,
            inbound and corpus,
        )
        return func

    return register


def _dedent(doc: str) -> str:
    """Docstring without the indentation of its continuation lines."""
    import inspect

    return inspect.cleandoc(doc)


_CATALOGUED = False


def load_all() -> dict[str, Rule]:
    """Import every rule module (registration happens at import), the first
    time; the registry in catalogue order (:data:`MODULES`, then the order of
    registration within a module), whichever module a program imported first.

    A rule registers when its module is imported: a program (or a test) that
    imports ``itures.rules.punctuation`` before the others would otherwise
    list and run the rules in another order. Rules registered later (outside
    :data:`MODULES`) come after these, in their order."""
    global _CATALOGUED
    if not _CATALOGUED:
        import importlib

        for module in MODULES:
            importlib.import_module(f"itures.rules.{module}")
        rank = {module: i for i, module in enumerate(MODULES)}
        ordered = sorted(REGISTRY.values(), key=lambda r: rank.get(r.family, len(MODULES)))
        REGISTRY.clear()
        REGISTRY.update((r.name, r) for r in ordered)
        _CATALOGUED = True
    return REGISTRY


def names() -> list[str]:
    """Every rule name, builtin stages first, in catalogue order."""
    return [*BUILTIN, *load_all()]


def run(
    ctx: Context | CorpusContext, selected: Iterable[Rule] | None = None
) -> Iterator[tuple[Rule, Finding]]:
    """Run the given rules on one resolution (default: every registered rule of
    the context's kind: file rules on a :class:`Context`, corpus rules on a
    :class:`CorpusContext`)."""
    corpus = isinstance(ctx, CorpusContext)
    if selected is None:
        selected = [r for r in load_all().values() if r.corpus == corpus]
    for r in selected:
        for finding in r.check(ctx):
            yield r, finding
