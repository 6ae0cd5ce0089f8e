"""The CI gate: what a change since a git revision breaks.

``itures check --since REV`` checks the corpus as it is now (the working
tree) and as it was at ``REV`` (read from git, nothing checked out), then
reports:

* every diagnostic in the files changed since ``REV`` (added or modified);
* diagnostics in unchanged files that the corpus at ``REV`` did not have:
  what the change breaks elsewhere, e.g. ``reference-unresolved`` in a file
  citing a clause that the change renumbered;
* two checks of the change itself, which only a comparison can make:

  ``history-rewritten`` (error)
      a resolution's ``history`` no longer extends its history at ``REV``:
      an entry was removed, altered or reordered. History may only grow
      (entries may be added, before, between or after the known ones).
  ``language-drift`` (error)
      a language version changed in structure (sections, labels, footnotes,
      annexes) while a sibling language version kept its structure, so the
      two no longer match.

The comparison is by identity (body, number, language), so a file that was
moved keeps its history.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from itures.corpus import CheckResult, FileResult, check_results, discover, read_file
from itures.diagnostics import Diagnostic, Severity
from itures.gitrepo import RevisionCorpus
from itures.model.resolution import Clause, HistoryEntry, Item, Resolution

if TYPE_CHECKING:
    from itures.config import Config

__all__ = ["GATE_RULES", "check_since", "history_problem", "structure"]

GATE_RULES: dict[str, tuple[Severity, str]] = {
    "history-rewritten": (
        "error",
        "a resolution's history no longer extends its history at the base revision",
    ),
    "language-drift": (
        "error",
        "a language version changed in structure while a sibling version did not",
    ),
}

Key = tuple[str, str, str]  # body, number, language


@dataclass(frozen=True)
class _Version:
    path: str
    resolution: Resolution


def _versions(results: list[FileResult]) -> dict[Key, _Version]:
    """The valid resolutions by identity (of two files with one identity, the first by
    path, as in an index; ``identity-duplicate`` reports the other)."""
    out: dict[Key, _Version] = {}
    for res in sorted(results, key=lambda res: res.path):
        r = res.resolution
        if r is not None:
            out.setdefault((r.body, r.number, r.language), _Version(res.path, r))
    return out


def history_problem(old: list[HistoryEntry], new: list[HistoryEntry]) -> tuple[int, str] | None:
    """Where and why ``new`` does not extend ``old``: ``(index in new, message)``.

    ``new`` extends ``old`` when every entry of ``old`` is in ``new``,
    unchanged and in the same order (a subsequence).
    """
    j = 0
    for i, entry in enumerate(old):
        start = j
        while j < len(new) and new[j] != entry:
            j += 1
        if j == len(new):
            where = min(start, len(new) - 1) if new else 0
            return where, (
                f"history entry {i + 1} of the base revision ({_entry(entry)}) was removed, "
                f"altered or moved; history may only grow"
            )
        j += 1
    return None


def _entry(entry: HistoryEntry) -> str:
    return f"{entry.event} {entry.place}, {entry.year}"


def structure(res: Resolution) -> list[tuple[tuple[str | int, ...], str]]:
    """The skeleton of a resolution: each structural element with its path.

    Sections (verb keys), item and clause labels (nesting included),
    footnote ids and annex labels; texts and headings are left out, since
    they differ between languages.
    """
    out: list[tuple[tuple[str | int, ...], str]] = []
    for s, psec in enumerate(res.preamble):
        out.append((("preamble", s), f"preamble {psec.verb}"))
        out.extend(_items(("preamble", s, "items"), psec.items, psec.verb))
    for s, osec in enumerate(res.operative):
        out.append((("operative", s), f"operative {osec.verb}"))
        out.extend(_clauses(("operative", s, "clauses"), osec.clauses, osec.verb))
    for f, note in enumerate(res.footnotes):
        out.append((("footnotes", f), f"footnote {note.id}"))
    for a, annex in enumerate(res.annexes):
        name = f"annex {annex.label or ''}".rstrip()
        out.append((("annexes", a), name))
        out.extend(_items(("annexes", a, "items"), annex.items, name))
    return out


def _items(
    base: tuple[str | int, ...], items: list[Item], where: str
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for i, item in enumerate(items):
        here = f"{where} {item.label or '(unlabelled)'}"
        yield (*base, i), here
        yield from _items((*base, i, "items"), item.items, here)


def _clauses(
    base: tuple[str | int, ...], clauses: list[Clause], where: str
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for i, clause in enumerate(clauses):
        here = f"{where} {clause.label or '(unlabelled)'}"
        yield (*base, i), here
        yield from _clauses((*base, i, "clauses"), clause.clauses, here)


def _first_difference(
    old: list[tuple[tuple[str | int, ...], str]], new: list[tuple[tuple[str | int, ...], str]]
) -> tuple[tuple[str | int, ...], str]:
    """Path in the new document and description of the first structural change."""
    for i, (path, name) in enumerate(new):
        if i >= len(old):
            return path, f"{name} was added"
        if old[i][1] != name:
            return path, f"{old[i][1]} became {name}"
    if len(old) > len(new):
        return (new[-1][0] if new else ()), f"{old[len(new)][1]} was removed"
    return (), "the structure changed"  # pragma: no cover - only called on a difference


class _Positions:
    """Parsed documents of the working tree, for positioning gate findings."""

    def __init__(self, results: dict[str, FileResult]) -> None:
        self._results = results

    def diagnostic(
        self, rule: str, path: str, parts: tuple[str | int, ...], message: str
    ) -> Diagnostic:
        severity = GATE_RULES[rule][0]
        res = self._results.get(path)
        doc = res.document if res is not None else None
        if doc is None:
            fresh = read_file(path)
            doc = fresh.document if isinstance(fresh, FileResult) else None
        if doc is None:
            from itures.diagnostics import pointer_from

            return Diagnostic(rule, severity, path, 1, 1, message, pointer_from(parts))
        return doc.diagnostic(rule, message, parts, severity=severity)


def _gate_findings(
    base: list[FileResult], head: list[FileResult], changed: set[str], positions: _Positions
) -> Iterator[Diagnostic]:
    old_versions = _versions(base)
    new_versions = _versions(head)
    # history may only grow
    for key, new in new_versions.items():
        old = old_versions.get(key)
        if old is None:
            continue
        problem = history_problem(old.resolution.history, new.resolution.history)
        if problem is not None:
            where, message = problem
            parts: tuple[str | int, ...] = ("history", where) if new.resolution.history else ()
            yield positions.diagnostic("history-rewritten", new.path, parts, message)
    # language versions keep their structure together
    by_resolution: dict[tuple[str, str], list[Key]] = {}
    for key in new_versions:
        by_resolution.setdefault(key[:2], []).append(key)
    for keys in by_resolution.values():
        if len(keys) < 2:
            continue
        now = {k: structure(new_versions[k].resolution) for k in keys}
        then = {k: structure(old_versions[k].resolution) for k in keys if k in old_versions}
        kept = [k for k in keys if k in then and then[k] == now[k]]
        for k in keys:
            if k not in then or then[k] == now[k]:
                continue
            if new_versions[k].path not in changed:
                continue
            drifted = [m for m in kept if now[m] != now[k]]
            if not drifted:
                continue  # the change brings this version in line with its siblings
            parts, what = _first_difference(then[k], now[k])
            langs = ", ".join(sorted(m[2] for m in drifted))
            message = (
                f"the structure of this language version changed ({what}) but not that of "
                f"{langs}; change every language version alike"
            )
            yield positions.diagnostic("language-drift", new_versions[k].path, parts, message)


def _same(d: Diagnostic) -> tuple[str, str, str | None, str]:
    return (os.path.normpath(d.path), d.rule, d.pointer, d.message)


def check_since(
    paths: Iterable[str | os.PathLike[str]], rev: str, *, config: Config | None = None
) -> CheckResult:
    """Check ``paths`` (the corpus directories) as the CI gate for changes since ``rev``.

    Raises :class:`itures.gitrepo.GitError` when a path is not in a git
    repository or ``rev`` is unknown.
    """
    roots = [os.fspath(p) for p in paths]
    files, failures = discover(roots)
    results: list[FileResult] = []
    for path in files:
        res = read_file(path)
        if isinstance(res, str):
            failures.append(res)
        else:
            results.append(res)
    now = check_results(results, len(files), failures, config=config)

    base_results: list[FileResult] = []
    base_content: dict[str, bytes] = {}
    for root in roots:
        directory = root if os.path.isdir(root) or not os.path.splitext(root)[1] else None
        corpus = RevisionCorpus(directory or os.path.dirname(root) or ".", rev)
        content = corpus.contents()
        if directory is None:  # a single file
            content = {p: c for p, c in content.items() if p == os.path.normpath(root)}
        base_content.update(content)
    from itures.corpus import read_data

    base_results = [read_data(p, c) for p, c in sorted(base_content.items())]
    base = check_results(base_results, len(base_results), [], config=config)

    changed: set[str] = set()
    for path in files:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        if base_content.get(os.path.normpath(path)) != data:
            changed.add(os.path.normpath(path))

    known = {_same(d) for d in base.diagnostics}
    kept = [
        d for d in now.diagnostics if os.path.normpath(d.path) in changed or _same(d) not in known
    ]
    positions = _Positions({os.path.normpath(r.path): r for r in results})
    kept.extend(_gate_findings(base_results, results, changed, positions))
    kept.sort(key=Diagnostic.sort_key)
    return CheckResult(kept, now.files, now.failures)
