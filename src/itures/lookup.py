"""Following citations through a corpus: what a citation cites, and who cites what.

:meth:`itures.Corpus.resolve` and :meth:`itures.Corpus.cited_by` are built
on this module. Both answer with data and never raise on a citation that does
not resolve: :class:`Resolved` says what was found, or why nothing was
(``reason``, the words the rule ``reference-unresolved`` uses).

Decisions:

* A citation names its resolution by body and number; the version in the
  language asked for is preferred, else the first by language of those the
  corpus holds (the language versions share their structure, see
  ``language-mismatch``).
* The cited year (``@2017``) is kept in :attr:`Resolved.year` and not checked
  here: the corpus holds one text of a resolution, its latest revision, and
  ``reference-revision`` reports a year its history lacks.
* A citation of several resolutions (``wtsa:17,26,44,45@2012``) resolves to
  one :class:`Resolved` each with :meth:`itures.Corpus.resolve_each`;
  :meth:`itures.Corpus.resolve` answers for the first and says so in
  ``reason`` when there are more.
* A file of an identity held by several files is not chosen: the answer's
  ``reason`` names them all (``identity-duplicate`` reports them).
* ``cited_by`` of a part (``pp:191#resolves/3``) lists the citations of that
  part and of what it holds (``resolves/3/a``), not the citations of the
  whole resolution.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from itures.fragments import Outline, find, segment
from itures.model import markup as mk

if TYPE_CHECKING:
    from itures.index import Index
    from itures.model.resolution import (
        Annex,
        Clause,
        Item,
        OperativeSection,
        PreambleSection,
        Resolution,
    )

__all__ = ["Inbound", "Part", "Resolved", "inbound", "model_outline", "parse", "resolve"]

Part = Union["Resolution", "PreambleSection", "OperativeSection", "Annex", "Item", "Clause"]
Entry = Union["Item", "Clause"]
Section = Union["PreambleSection", "OperativeSection", "Annex"]
Target = tuple[tuple[mk.ResolutionRef, ...], int | None, tuple[str, ...]]


@dataclass(frozen=True)
class Resolved:
    """What one citation cites in a corpus.

    ``target`` is the cited part: the :class:`~itures.Resolution` for a
    citation without fragment, else the section, annex, item or clause the
    fragment names; None when the corpus lacks it, ``reason`` then saying why
    (``"pp:191 has no clause '7' in 'resolves' (its clauses: 1, 2, 3)"``).
    ``resolution`` is the cited resolution when the corpus has it (even when
    its fragment is missing) and ``path`` its file.
    """

    ref: mk.ResolutionRef
    year: int | None
    fragment: tuple[str, ...]
    target: Part | None = None
    resolution: Resolution | None = None
    path: str | None = None
    reason: str | None = None

    @property
    def found(self) -> bool:
        """Whether the cited part is in the corpus."""
        return self.target is not None


@dataclass(frozen=True)
class Inbound:
    """One citation of a resolution (or of a part of it) by a file of the corpus.

    ``path`` is the citing file; ``body``, ``number`` and ``language`` its
    identity; ``pointer`` the place of the text in the document (``("operative",
    0, "clauses", 2, "text")``); ``offset`` where the citation starts in that
    text; ``words`` and ``target`` the citation's ``[words](target)``.
    """

    path: str
    body: str
    number: str
    language: str
    pointer: tuple[str | int, ...]
    offset: int
    words: str
    target: str
    fragment: tuple[str, ...] = field(default=())


def parse(
    citation: str | mk.Citation,
) -> tuple[tuple[mk.ResolutionRef, ...], int | None, tuple[str, ...]] | str:
    """A citation's parts (resolutions, year, fragment), or why it cannot be read.

    ``citation`` is a target (``"pp:191@2018#resolves/3"``), a whole citation
    (``"[décide 3](pp:191#resolves/3)"``) or a parsed
    :class:`itures.model.markup.Citation`.
    """
    if isinstance(citation, mk.Citation):
        return citation.resolutions, citation.year, citation.fragment
    text = citation.strip()
    if text.startswith("[") and text.endswith(")"):
        spans, problems = mk.parse(text)
        if problems:
            return problems[0].message
        cites = [s for s in spans if isinstance(s, mk.Citation)]
        if len(spans) == 1 and cites:
            return cites[0].resolutions, cites[0].year, cites[0].fragment
    return mk.parse_target(text)


def _label(entry: Entry) -> str | None:
    if entry.label is not None:
        return entry.label
    from itures.textscan import left_label

    return left_label(entry.text)  # (a label left in the text: see there)


def _children(entry: Entry) -> list[Entry]:
    from itures.model.resolution import Clause

    if isinstance(entry, Clause):
        return list(entry.clauses)
    return list(entry.items)


def model_outline(res: Resolution) -> Outline[Section, Entry]:
    """The sections and annexes of a resolution, for :func:`itures.fragments.find`."""
    return Outline(
        [(s.verb, s, list(s.items)) for s in res.preamble],
        [(s.verb, s.heading, s, list(s.clauses)) for s in res.operative],
        [(a.label, a, list(a.items)) for a in res.annexes],
        _label,
        _children,
    )


def entry_paths(res: Resolution) -> dict[int, tuple[str | int, ...]]:
    """The path of each item, clause and annex paragraph of ``res``, by the id
    of its model: where an entry :func:`itures.fragments.find` gives is."""
    from itures.model.resolution import Clause

    out: dict[int, tuple[str | int, ...]] = {}

    def walk(entries: Sequence[Entry], base: tuple[str | int, ...], key: str) -> None:
        for i, entry in enumerate(entries):
            path = (*base, i)
            out[id(entry)] = path
            children = entry.clauses if isinstance(entry, Clause) else entry.items
            if children:
                walk(children, (*path, key), key)

    for s, section in enumerate(res.preamble):
        walk(section.items, ("preamble", s, "items"), "items")
    for s, op in enumerate(res.operative):
        walk(op.clauses, ("operative", s, "clauses"), "clauses")
    for a, annex in enumerate(res.annexes):
        walk(annex.items, ("annexes", a, "items"), "items")
    return out


# The outlines of the resolutions resolved last, by id (each kept with its
# model, whose id is then not reused): each is indexed once (itures.fragments).
_OUTLINES: dict[int, tuple[Resolution, Outline[Section, Entry]]] = {}
_OUTLINES_KEPT = 64


def resolve(
    index: Index,
    ref: mk.ResolutionRef,
    year: int | None,
    fragment: tuple[str, ...],
    language: str | None = None,
) -> Resolved:
    """What ``ref#fragment`` cites among the resolutions ``index`` keeps whole."""
    base = Resolved(ref, year, fragment)
    versions = index.versions(ref.body, ref.number)
    if not versions:
        return _with(base, reason=f"{ref} is not in the corpus")
    summary = versions.get(language) if language is not None else None
    if summary is None:
        summary = versions[sorted(versions)[0]]
    same = index.same_identity(ref.body, ref.number, summary.language)
    if len(same) > 1:
        paths = ", ".join(s.path for s in same)
        return _with(
            base,
            reason=f"{len(same)} files have the identity {ref} ({summary.language}): {paths}",
        )
    model = index.model(summary)
    if model is None:  # pragma: no cover - an index of summaries only
        return _with(base, path=summary.path, reason=f"{ref} is indexed without its text")
    years = [h.year for h in model.history if h.event != "abrogated"]
    first = model.history[0] if model.history else None
    # (a year before the first entry of a partly known history, one that does
    # not start with the adoption, is not known to be missing: the check does
    # not report it, and the text is the one the corpus has)
    unknown = (
        first is not None and first.event != "adopted" and year is not None and year < first.year
    )
    if year is not None and year not in years and not unknown:
        # (what check's reference-revision reports: no adoption or revision that year)
        return _with(
            base,
            resolution=model,
            path=summary.path,
            reason=f"{ref} has no revision of {year} (its history: "
            + ", ".join(str(y) for y in years)
            + ")",
        )
    kept = _OUTLINES.get(id(model))
    if kept is None:
        if len(_OUTLINES) >= _OUTLINES_KEPT:
            _OUTLINES.clear()
        kept = _OUTLINES[id(model)] = (model, model_outline(model))
    outline: Outline[Section, Entry] = kept[1]
    answer = find(outline, fragment)
    found, why = answer
    if why is not None:
        return _with(base, resolution=model, path=summary.path, reason=f"{ref} {why}")
    return _with(
        base, target=found if found is not None else model, resolution=model, path=summary.path
    )


def _with(base: Resolved, **changes: object) -> Resolved:
    from dataclasses import replace

    return replace(base, **changes)  # type: ignore[arg-type]


def _starts(fragment: tuple[str, ...], prefix: tuple[str, ...]) -> bool:
    """Whether ``fragment`` names ``prefix`` or a part of it (labels as citations write them)."""
    if len(fragment) < len(prefix):
        return False
    return all(segment(a) == segment(b) for a, b in zip(fragment, prefix, strict=False))


def inbound(
    index: Index, ref: mk.ResolutionRef, fragment: tuple[str, ...] = ()
) -> Iterator[Inbound]:
    """Every citation of ``ref`` (of its part ``fragment``, if given) in the files of ``index``,
    in path order and document order within a file."""
    memo: dict[str, Target | str] = {}
    for summary in sorted(index, key=lambda s: s.path):
        for pointer, offset, words, target in summary.cites:
            parsed = memo.get(target)
            if parsed is None:
                parsed = memo[target] = mk.parse_target(target)
            if isinstance(parsed, str):
                continue
            refs, _, cited = parsed
            if ref not in refs or not _starts(cited, fragment):
                continue
            yield Inbound(
                summary.path,
                summary.body,
                summary.number,
                summary.language,
                pointer,
                offset,
                words,
                target,
                cited,
            )


def each(
    citation: str | mk.Citation,
) -> Iterable[tuple[mk.ResolutionRef, int | None, tuple[str, ...]]] | str:
    """One (resolution, year, fragment) per resolution a citation names, or why it cannot be read."""
    parsed = parse(citation)
    if isinstance(parsed, str):
        return parsed
    refs, year, fragment = parsed
    return [(ref, year, fragment) for ref in refs]
