"""The CI gate: what a change since a git revision breaks.

``itures check --since REV`` checks the corpus as it is now (the working
tree) and as it was at ``REV`` (read from git, nothing checked out), then
reports:

* every diagnostic in the files changed since ``REV`` (added or modified);
* diagnostics in unchanged files that the corpus at ``REV`` did not have:
  what the change breaks elsewhere, e.g. ``reference-unresolved`` in a file
  citing a clause that the change renumbered;
* checks of the change itself, which only a comparison can make:

  ``history-rewritten`` (error)
      a resolution's ``history`` no longer extends its history at ``REV``:
      an entry was removed, altered or reordered. History may only grow
      (entries may be added, before, between or after the known ones).
  ``language-drift`` (error)
      a language version changed in structure (sections, labels, footnotes,
      annexes) while a sibling language version kept its structure, so the
      two no longer match (labels read as ordinals: ``a)``, ``а)`` and
      ``أ)`` are one label).
  ``reference-shifted`` (error)
      a citation whose fragment named a clause, an item or an annex
      paragraph at ``REV`` that the change renumbered, moved or removed,
      while its label now names another one (a clause inserted as 2, the
      others renumbered: a citation of ``resolves/2`` now names the new
      clause). Not reported when the citation names an earlier revision
      than the one the change edits (that revision's text is as it was), nor
      where ``reference-unresolved`` says the fragment names nothing now.
      Units are matched as ``itures diff`` matches them.
  ``config-changed`` (error)
      the ``[tool.itures]`` configuration turned rules off, or lowered them
      from error to warning, since ``REV``: a pull request could otherwise
      switch every rule off and pass the gate it weakened. Reported at the
      ``select``/``ignore``/``severity`` line of the ``pyproject.toml``, with
      the rules it turned off; a maintainer who agrees merges it, and the
      gate of later changes compares with the new configuration. Adding
      rules or raising them to errors is not reported. Like the other gate
      checks it cannot be ignored or re-graded by the configuration it
      judges.

The comparison is by identity (body, number, language), so a file that was
moved keeps its history.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from itures.corpus import RevisionCorpus
from itures.diagnostics import Diagnostic, Severity
from itures.files import discover
from itures.files import read as read_bytes
from itures.gitrepo import GitError, Repository
from itures.i18n import tr
from itures.model.resolution import Clause, HistoryEntry, Item, Resolution
from itures.pipeline import read_data, read_file
from itures.result import CheckResult, FileResult

if TYPE_CHECKING:
    from itures.cache import Cache
    from itures.config import Config

__all__ = ["GATE_RULES", "check_since", "config_findings", "history_problem", "structure"]

GATE_RULES: dict[str, tuple[Severity, str]] = {
    "history-rewritten": (
        "error",
        "a resolution's history no longer extends its history at the base revision",
    ),
    "language-drift": (
        "error",
        "a language version changed in structure while a sibling version did not",
    ),
    "config-changed": (
        "error",
        "the configuration turned rules off, or lowered them to warnings, since the base revision",
    ),
    "reference-shifted": (
        "error",
        "a citation of a clause or an item that the change renumbered or removed now names "
        "another one",
    ),
    "reference-removed": (
        "error",
        "a citation of a resolution that the change removed from the corpus",
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
            return where, tr(
                "history entry {n} of the base revision ({entry}) was removed, altered or moved",
                n=i + 1,
                entry=_entry(entry),
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
        out.append((("preamble", s), tr("preamble {verb}", verb=psec.verb)))
        out.extend(_items(("preamble", s, "items"), psec.items, psec.verb))
    for s, osec in enumerate(res.operative):
        out.append((("operative", s), tr("operative part {verb}", verb=osec.verb)))
        out.extend(_clauses(("operative", s, "clauses"), osec.clauses, osec.verb))
    for f, note in enumerate(res.footnotes):
        out.append((("footnotes", f), tr("footnote {id}", id=note.id)))
    for a, annex in enumerate(res.annexes):
        name = tr("annex {label}", label=annex.label) if annex.label else tr("annex")
        out.append((("annexes", a), name))
        out.extend(_items(("annexes", a, "items"), annex.items, name))
    return out


def skeleton(res: Resolution) -> tuple[Any, ...]:
    """What the language versions of a resolution compare by: the
    :func:`structure`, its labels read as ordinals (``a)``, Cyrillic ``а)``
    and Arabic ``أ)`` are one label, as ``language-mismatch`` reads them;
    ``2`` and ``２`` too: how a label is written is ``numbering-style``'s)."""
    from itures.rules import labels as lb

    def ordinals(entries: Sequence[Item | Clause]) -> tuple[Any, ...]:
        read = lb.read_list([e.label for e in entries])
        out: list[tuple[Any, tuple[Any, ...]]] = []
        for e, r in zip(entries, read, strict=True):
            children: Sequence[Item | Clause] = e.items if isinstance(e, Item) else e.clauses
            label = None if e.label is None else (r.key if r is not None else e.label)
            out.append((label, ordinals(children)))
        return tuple(out)

    return (
        tuple((s.verb, ordinals(s.items)) for s in res.preamble),
        tuple((s.verb, ordinals(s.clauses)) for s in res.operative),
        tuple(note.id for note in res.footnotes),
        tuple((a.label, ordinals(a.items)) for a in res.annexes),
    )


def _items(
    base: tuple[str | int, ...], items: list[Item], where: str
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for i, item in enumerate(items):
        here = f"{where} {item.label or tr('(unlabelled)')}"
        yield (*base, i), here
        yield from _items((*base, i, "items"), item.items, here)


def _clauses(
    base: tuple[str | int, ...], clauses: list[Clause], where: str
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for i, clause in enumerate(clauses):
        here = f"{where} {clause.label or tr('(unlabelled)')}"
        yield (*base, i), here
        yield from _clauses((*base, i, "clauses"), clause.clauses, here)


def _first_difference(
    old: list[tuple[tuple[str | int, ...], str]], new: list[tuple[tuple[str | int, ...], str]]
) -> tuple[tuple[str | int, ...], str]:
    """Path in the new document and description of the first structural change."""
    old_names = [name for _, name in old]
    new_names = [name for _, name in new]
    for i, (path, name) in enumerate(new):
        if i >= len(old):
            return path, tr("{name} was added", name=name)
        if old[i][1] != name:
            # an element added or removed here, the rest as it was: said so
            # (not "operative part instructs became resolves 4")
            for n in range(1, len(new) - i + 1):
                if new_names[i + n :] == old_names[i:]:
                    return path, tr("{name} was added", name=name)
            for n in range(1, len(old) - i + 1):
                if old_names[i + n :] == new_names[i:]:
                    return path, tr("{name} was removed", name=old[i][1])
            return path, tr("{old} became {new}", old=old[i][1], new=name)
    if len(old) > len(new):
        return (new[-1][0] if new else ()), tr("{name} was removed", name=old[len(new)][1])
    return (), tr("the structure changed")  # pragma: no cover - only called on a difference


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
            found = positions.diagnostic("history-rewritten", new.path, parts, message)
            yield replace(
                found,
                help=tr(
                    "restore the entry as it was: a history only grows (entries are added, "
                    "never changed or removed)"
                ),
            )
    # language versions keep their structure together
    by_resolution: dict[tuple[str, str], list[Key]] = {}
    for key in new_versions:
        by_resolution.setdefault(key[:2], []).append(key)
    for keys in by_resolution.values():
        if len(keys) < 2:
            continue
        # (compared as skeletons: labels as ordinals; the structures say where)
        now = {k: skeleton(new_versions[k].resolution) for k in keys}
        then = {k: skeleton(old_versions[k].resolution) for k in keys if k in old_versions}
        kept = [k for k in keys if k in then and then[k] == now[k]]
        for k in keys:
            if k not in then or then[k] == now[k]:
                continue
            if new_versions[k].path not in changed:
                continue
            drifted = [m for m in kept if now[m] != now[k]]
            if not drifted:
                continue  # the change brings this version in line with its siblings
            parts, what = _first_difference(
                structure(old_versions[k].resolution), structure(new_versions[k].resolution)
            )
            langs = sorted(m[2] for m in drifted)
            if len(langs) == 1:
                message = tr(
                    "the structure of this language version changed ({what}) but not that of "
                    "{lang}",
                    what=what,
                    lang=langs[0],
                )
            else:
                message = tr(
                    "the structure of this language version changed ({what}) but not that of "
                    "the versions {langs}",
                    what=what,
                    langs=", ".join(langs),
                )
            found = positions.diagnostic("language-drift", new_versions[k].path, parts, message)
            yield replace(
                found,
                help=tr(
                    "change every language version alike: the same sections, labels, footnotes "
                    "and annexes"
                ),
            )


def _pointers(res: Resolution) -> dict[int, str]:
    """The JSON Pointer of each item, clause and annex paragraph of ``res``, by
    the id of its model (what :func:`itures.fragments.find` gives)."""
    from itures.diagnostics import pointer_from
    from itures.lookup import entry_paths

    return {key: pointer_from(path) for key, path in entry_paths(res).items()}


# Where a unit of a resolution went: (its kind, its old locator, its new
# pointer, its new locator; None for a unit removed)
_Move = tuple[str, str, str, str | None]


def _moves(old: Resolution, new: Resolution) -> dict[str, _Move]:
    """Where the units of ``old`` went in ``new``, by their old pointer, for
    the units ``itures diff`` says were renumbered, moved or removed."""
    from itures.diff import diff_resolutions

    out: dict[str, _Move] = {}
    for change in diff_resolutions(old, new):
        if change.old is None or change.unit not in ("item", "clause", "paragraph"):
            continue
        if change.change == "removed":
            out[change.old.pointer] = (change.unit, change.old.at, "", None)
        elif change.change in ("renumbered", "moved") and change.new is not None:
            out[change.old.pointer] = (
                change.unit,
                change.old.at,
                change.new.pointer,
                change.new.at,
            )
    return out


def _targets(path: str, data: bytes | None) -> set[str]:
    """The citation targets a file's bytes hold (none when unreadable)."""
    res = read_data(path, data).resolution if data is not None else None
    return {span.target for _, span in _citations(res)} if res is not None else set()


class _Shifts:
    """What the change did to the units of the resolutions it edited, for
    :func:`_shifted`: each unit's old and new place (:func:`_moves`) and the
    pointers of each version's entries, worked out once per resolution."""

    def __init__(self, base: list[FileResult], head: list[FileResult], rev: str) -> None:
        self.rev = rev
        self.old = _versions(base)
        self.new = _versions(head)
        self.edited = {
            key[:2]
            for key, new in self.new.items()
            if key in self.old and self.old[key].resolution != new.resolution
        }
        self._moves: dict[Key, dict[str, _Move]] = {}
        self._pointers: dict[int, dict[int, str]] = {}

    def pointer(self, res: Resolution, entry: Any) -> str | None:
        table = self._pointers.get(id(res))
        if table is None:
            table = self._pointers[id(res)] = _pointers(res)
        return table.get(id(entry))

    def moves(self, key: Key) -> dict[str, _Move]:
        got = self._moves.get(key)
        if got is None:
            got = self._moves[key] = _moves(self.old[key].resolution, self.new[key].resolution)
        return got

    def version(self, body: str, number: str, language: str) -> Key | None:
        """The language version of an edited resolution to compare: the
        citing file's language, else English, else the first."""
        keys = [k for k in self.new if k[:2] == (body, number) and k in self.old]
        for wanted in (language, "en"):
            if (body, number, wanted) in keys:
                return (body, number, wanted)
        return keys[0] if keys else None

    def of(
        self, ref: Any, year: int | None, fragment: tuple[str, ...], language: str
    ) -> tuple[str, str] | None:
        """(message, help) when ``ref#fragment`` (of ``year``) named at the
        base revision a unit that the change renumbered, moved or removed,
        while the fragment now names another one; None otherwise."""
        from itures.fragments import find
        from itures.lookup import model_outline
        from itures.rules._walk import noun_tr

        key = self.version(ref.body, ref.number, language)
        if key is None:
            return None
        old, new = self.old[key].resolution, self.new[key].resolution
        then_last = max((h.year for h in old.history), default=None)
        now_last = max((h.year for h in new.history), default=None)
        if year is not None and not (year == then_last == now_last):
            return None  # an earlier revision's text, or a later one's: as it was
        answer: tuple[Any, str | None] = find(model_outline(old), fragment)
        was, why = answer
        at = self.pointer(old, was) if was is not None and why is None else None
        if at is None:
            return None
        table = self.moves(key)
        # the unit, or the nearest unit holding it, that the change moved
        hit = at
        while hit and hit not in table:
            hit = hit.rsplit("/", 2)[0] if hit.count("/") > 3 else ""
        if not hit:
            return None
        unit, old_at, new_ptr, new_at = table[hit]
        answer = find(model_outline(new), fragment)
        is_now, why_now = answer
        if is_now is None or why_now is not None:
            return None  # names nothing now: reference-unresolved's finding
        if new_at is not None and self.pointer(new, is_now) == new_ptr + at[len(hit) :]:
            return None  # (still the same unit)
        words = "/".join(fragment)
        values = {"target": f"{ref}#{words}", "noun": noun_tr(unit), "old": old_at, "rev": self.rev}
        if new_at is None:
            return tr(
                "{target} named {noun} {old} as it was at {rev}; this change "
                "removed it, and the citation now names another {noun}",
                **values,
            ), tr("cite what is meant now, or delete the citation if what it cited is gone")
        # (a part inside the unit moved: the same part of it)
        moved = new_at + (words[len(old_at) :] if words.startswith(old_at) else "")
        return tr(
            "{target} named {noun} {old} as it was at {rev}; this change "
            "renumbered it {new}, and the citation now names another {noun}",
            new=moved,
            **values,
        ), tr(
            "write '#{new}' in the target if the citation still means what it named at {rev}",
            new=moved,
            rev=self.rev,
        )


def _shifted(
    base: list[FileResult],
    head: list[FileResult],
    citing: list[FileResult],
    rev: str,
    old_bytes: dict[str, bytes],
    changed: set[str],
) -> Iterator[Diagnostic]:
    """``reference-shifted``: the citations, in ``citing``, of a unit of a
    resolution the change edited that the change renumbered, moved or removed
    while their fragment now names another unit (see the module docstring).
    In a file the change edited too, only the citations it held at ``rev``
    (``old_bytes``: the changed files' bytes then; none in a file the change
    added, ``changed``): a citation written with the change is written for
    the new numbering."""
    from itures.model import markup as mk

    shifts = _Shifts(base, head, rev)
    if not shifts.edited:
        return
    for result, res, doc, path, span in _held(citing, old_bytes, changed):
        parsed = mk.parse_target(span.target)
        if isinstance(parsed, str) or not parsed[2]:
            continue
        refs, year, fragment = parsed
        for ref in refs:
            if (ref.body, ref.number) not in shifts.edited:
                continue
            said = shifts.of(ref, year, fragment, res.language)
            if said is None:
                continue
            yield _at_citation("reference-shifted", result.path, doc, path, span, *said)


def _at_citation(
    rule: str, file: str, doc: Any, path: Any, span: Any, message: str, help_: str | None
) -> Diagnostic:
    """A gate finding of ``rule`` at a citation (``span`` of the text at
    ``path`` in the parsed file ``doc``)."""
    from itures.rules.position import locate_span

    line, column, end_line, end_column = locate_span(doc, path, span.start, span.end - span.start)
    return Diagnostic(
        rule,
        GATE_RULES[rule][0],
        file,
        line,
        column,
        message,
        None,
        end_line,
        end_column,
        help_,
    )


def _removed(
    citing: list[FileResult],
    removed: dict[tuple[str, str], dict[str, str]],
    rev: str,
    old_bytes: dict[str, bytes],
    changed: set[str],
) -> Iterator[Diagnostic]:
    """``reference-removed``: the citations, in ``citing``, of a resolution
    the corpus held at ``rev`` and no longer holds (``removed``: its identity
    -> its files then, by language: the one named is in the citing file's
    language, else the English one, else the first). A citation written with
    the change is left out, as in :func:`_shifted`: it is
    reference-unresolved's, if any rule's."""
    from itures.model import markup as mk

    for result, model, doc, path, span in _held(citing, old_bytes, changed):
        parsed = mk.parse_target(span.target)
        if isinstance(parsed, str):
            continue
        for ref in parsed[0]:
            files = removed.get((ref.body, ref.number))
            if files is None:
                continue
            gone = files.get(model.language) or files.get("en") or next(iter(files.values()))
            yield _at_citation(
                "reference-removed",
                result.path,
                doc,
                path,
                span,
                tr(
                    "cites {target}, which the change removed from the corpus ({path} at {rev})",
                    target=f"{ref.body}:{ref.number}",
                    path=gone,
                    rev=rev,
                ),
                tr(
                    "cite another resolution, or restore {path}: a resolution abrogated "
                    "keeps its file, its history saying so",
                    path=gone,
                ),
            )


def _held(
    citing: list[FileResult], old_bytes: dict[str, bytes], changed: set[str]
) -> Iterator[tuple[FileResult, Resolution, Any, tuple[str | int, ...], Any]]:
    """(file, model, document, text path, citation) of the citations of
    ``citing`` that the corpus held at the base revision: in a file the
    change edited, those its text held then (``old_bytes``: the changed
    files' bytes then); none in a file the change added (in ``changed``,
    without bytes then). A citation written with the change is written for
    the corpus as it is now."""
    for result in citing:
        res, doc = result.resolution, result.document
        if res is None or doc is None:
            continue
        where = os.path.normpath(result.path)
        if where in old_bytes:
            before: set[str] | None = _targets(where, old_bytes[where])
        else:
            before = set() if where in changed else None
        for path, span in _citations(res):
            if before is None or span.target in before:
                yield result, res, doc, path, span


def _citations(res: Resolution) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """The citations of a resolution's texts: (the text's path, the citation)."""
    from itures.model import markup as mk

    for path, text in res.texts():
        if "](" in text:
            for span in mk.parse(text)[0]:
                if isinstance(span, mk.Citation):
                    yield path, span


def _same(d: Diagnostic) -> tuple[str, str, str | None, str]:
    return (os.path.normpath(d.path), d.rule, d.pointer, d.message)


def check_since(
    paths: Iterable[str | os.PathLike[str]],
    rev: str,
    *,
    config: Config | None = None,
    cache: Cache | None = None,
    jobs: int | None = None,
) -> CheckResult:
    """Check ``paths`` (the corpus directories) as the CI gate for changes since ``rev``.

    The work grows with the change, not with the corpus: the files changed
    since ``rev`` (``git diff``, and the files ``rev`` lacks) are checked, and
    so are the unchanged files *related* to them, those whose diagnostics a
    change can alter: the other files of a changed identity (language
    versions, namesakes) and the files citing one, at ``rev`` or now. Their
    diagnostics now are compared with theirs at ``rev``. The other files are
    known through the cache's cards (:func:`itures.pipeline.cards`), not
    read; without ``cache`` a temporary one is used and removed.

    Raises :class:`itures.gitrepo.GitError` when a path is not in a git
    repository or ``rev`` is unknown.
    """
    if cache is None:
        import shutil
        import tempfile

        from itures.cache import Cache

        scratch = tempfile.mkdtemp(prefix="itures-since-")
        try:
            return check_since(paths, rev, config=config, cache=Cache(scratch), jobs=jobs)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    from itures import pipeline
    from itures.config import discover as discover_config

    roots = [os.fspath(p) for p in paths]
    files, failures = discover(roots, walk=cache.walk)
    if config is None:
        config = discover_config(list[str | os.PathLike[str]](files[:1] or roots))
    now_set = {os.path.normpath(f): f for f in files}

    # the corpus at rev: its file list (git ls-tree) and what changed since (git diff)
    base_blobs: dict[str, RevisionCorpus] = {}
    modified: set[str] = set()
    for root in roots:
        directory = root if os.path.isdir(root) or not os.path.splitext(root)[1] else None
        corpus = RevisionCorpus(directory or os.path.dirname(root) or ".", rev)
        listed = corpus.files
        if directory is None:  # a single file
            listed = [p for p in listed if p == os.path.normpath(root)]
        for path in listed:
            base_blobs[path] = corpus
        modified |= corpus.changed()
    changed = {p for p in now_set if p not in base_blobs or p in modified}
    deleted = {p for p in base_blobs if p not in now_set}
    old_bytes: dict[str, bytes] = {}
    for corpus in {id(c): c for c in base_blobs.values()}.values():
        mine = [p for p in base_blobs if base_blobs[p] is corpus and (p in changed or p in deleted)]
        old_bytes.update(corpus.read_many(mine))
    base_paths = sorted(base_blobs)

    # cards now and at rev: the identities the change touches, and what relates to them
    now_cards, _ = pipeline.cards(files, config, cache, jobs=jobs)
    base_cards, _ = pipeline.cards(base_paths, config, cache, contents=old_bytes, jobs=jobs)
    touched: set[tuple[str, str]] = set()
    for path in changed:
        card = now_cards.get(now_set[path])
        if card is not None:
            touched.add((card[0], card[1]))
    for path in changed | deleted:
        card = base_cards.get(path)
        if card is not None:
            touched.add((card[0], card[1]))
    bodies_now = {c[0] for c in now_cards.values() if c is not None}
    bodies_then = {c[0] for c in base_cards.values() if c is not None}
    moved_bodies = bodies_now ^ bodies_then

    def related(card: Any) -> bool:
        if card is None:
            return False
        if (card[0], card[1]) in touched:
            return True
        return any(c in touched or c[0] in moved_bodies for c in card[3])

    unchanged = [f for f in files if os.path.normpath(f) not in changed]
    rel = {
        os.path.normpath(f)
        for f in unchanged
        if related(now_cards.get(f)) or related(base_cards.get(os.path.normpath(f)))
    }
    checked_now = [f for f in files if os.path.normpath(f) in changed or os.path.normpath(f) in rel]
    others_now = [
        f for f in files if os.path.normpath(f) not in changed and os.path.normpath(f) not in rel
    ]
    now = pipeline.run(
        checked_now, others_now, config, failures=failures, files=len(files), cache=cache, jobs=jobs
    )
    base_checked = [p for p in base_paths if p in rel]
    base_others = [p for p in base_paths if p not in rel]
    base = pipeline.run(
        base_checked,
        base_others,
        config,
        cache=cache,
        jobs=jobs,
        contents=old_bytes,
        context_failures=False,
    )
    known = {_same(d) for d in base.diagnostics if os.path.normpath(d.path) in rel}
    kept = []
    for d in now.diagnostics:
        where = os.path.normpath(d.path)
        if where in changed or (where in rel and _same(d) not in known):
            kept.append(d)

    # the gate's own checks, on the models of the touched identities
    def touches(card: Any) -> bool:
        return card is not None and (card[0], card[1]) in touched

    head: list[FileResult] = []
    for f in files:
        if touches(now_cards.get(f)):
            res = read_file(f)
            if isinstance(res, FileResult):
                head.append(res)
    then: list[FileResult] = []
    for path in base_paths:
        if touches(base_cards.get(path)):
            data = old_bytes.get(path)
            if data is None:  # unchanged: as in the working tree
                try:
                    data = read_bytes(now_set[path])
                except (OSError, KeyError):
                    continue
            then.append(read_data(path, data))
    positions = _Positions({os.path.normpath(r.path): r for r in head})
    gate = list(_gate_findings(then, head, changed, positions))
    # a label a numbering rule reports in the version that drifted (3 relabelled
    # 4 in one version): that finding, whose fix restores the structure, not
    # also the drift at the same place
    numbered = {(os.path.normpath(d.path), d.line) for d in kept if d.rule.startswith("numbering-")}
    if numbered:
        gate = [
            d
            for d in gate
            if d.rule != "language-drift" or (os.path.normpath(d.path), d.line) not in numbered
        ]
    # a version that drifted from its siblings: language-drift names the version
    # the change made differ (language-mismatch, which cannot tell which one
    # changed, may name a sibling): one defect, one finding
    identity = {
        os.path.normpath(r.path): (r.resolution.body, r.resolution.number)
        for r in head
        if r.resolution is not None
    }
    drifted = {identity.get(os.path.normpath(d.path)) for d in gate if d.rule == "language-drift"}
    # a history rewritten in one version also differs from its siblings':
    # history-rewritten says so there, language-mismatch not again
    rewritten = {
        identity.get(os.path.normpath(d.path)) for d in gate if d.rule == "history-rewritten"
    }
    if drifted or rewritten:
        kept = [
            d
            for d in kept
            if not (
                d.rule == "language-mismatch"
                and (
                    identity.get(os.path.normpath(d.path)) in drifted
                    or (
                        identity.get(os.path.normpath(d.path)) in rewritten
                        and (d.pointer or "").startswith("/history")
                    )
                )
            )
        ]
    kept.extend(gate)
    citing = [r for r in head if os.path.normpath(r.path) in changed]
    citing += [
        r for f in files if os.path.normpath(f) in rel and isinstance(r := read_file(f), FileResult)
    ]
    kept.extend(_shifted(then, head, citing, rev, old_bytes, changed))
    # the identities of deleted files that no file has now: their files then, by language
    removed: dict[tuple[str, str], dict[str, str]] = {}
    if deleted:
        held_now = {(c[0], c[1]) for c in now_cards.values() if c is not None}
        for path in sorted(deleted):
            card = base_cards.get(path)
            if card is not None and (card[0], card[1]) not in held_now:
                removed.setdefault((card[0], card[1]), {}).setdefault(card[2], path)
    if removed:
        gone = list(_removed(citing, removed, rev, old_bytes, changed))
        # (a body in the reference scope: reference-unresolved says it too, there)
        at = {(os.path.normpath(d.path), d.line, d.column) for d in gone}
        kept = [
            d
            for d in kept
            if d.rule != "reference-unresolved"
            or (os.path.normpath(d.path), d.line, d.column) not in at
        ]
        kept.extend(gone)
    kept.extend(config_findings(roots, rev, config))
    kept.sort(key=Diagnostic.sort_key)
    result = CheckResult(kept, now.files, now.failures)
    result.digests = now.digests
    return result


# -- the configuration --------------------------------------------------------------


def _config_at(repo: Repository, sha: str, rel: str) -> Config:
    """The ``[tool.itures]`` rules of ``rel`` at a commit (the defaults when absent).

    Only what decides which rules run and how they are graded is read: the
    corpus directory may not exist any more, and a table that does not load
    counts as the defaults (every rule on).
    """
    import tomllib

    from itures.config import Config, ConfigError, from_table

    try:
        data = repo.show(sha, rel)
        table = tomllib.loads(data.decode("utf-8")).get("tool", {}).get("itures")
        if not isinstance(table, dict):
            return Config()
        kept = {k: v for k, v in table.items() if k in ("select", "ignore", "severity")}
        return from_table(kept, rel, str(repo.top))
    except (GitError, UnicodeDecodeError, tomllib.TOMLDecodeError, ConfigError):
        return Config()


def _line_of(source: str, keys: tuple[str, ...]) -> int:
    """The line of the first of ``keys`` in the ``[tool.itures]`` tables (else the table's)."""
    import re

    from itures.files import read

    try:
        text = read(source, limit=1_000_000, contained=False).decode("utf-8", "replace")
    except OSError:
        return 1
    table = 0
    inside = False
    for n, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[([^\]]*)\]", line)
        if header:
            inside = header.group(1).strip().startswith("tool.itures")
            if inside and not table:
                table = n
            if inside and "severity" in keys and header.group(1).strip().endswith("severity"):
                return n
            continue
        if inside and re.match(rf"\s*({'|'.join(keys)})\s*=", line):
            return n
    return table or 1


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:8])
    if len(names) <= 8:
        return shown
    return tr("{names} and {count} more", names=shown, count=len(names) - 8)


def config_findings(roots: list[str], rev: str, config: Config | None = None) -> list[Diagnostic]:
    """``config-changed``: the rules the configuration turned off since ``rev``.

    The configuration compared is the file's (``config.source``, else the one
    found for the first root), without command-line options: those are the
    CI job's own. At ``rev`` the same file is read from git; when there is no
    configuration now, the one found at ``rev`` above the first root.
    """
    from itures.config import Config, ConfigError, find, load
    from itures.gitrepo import Repository
    from itures.rules import load_all

    start = roots[0] if roots else "."
    repo = Repository(start)
    sha = repo.resolve(rev)
    source = config.source if config is not None else None
    if source is None:
        try:
            source = find(start)
        except ConfigError:
            source = None
    try:
        now = load(source) if source else Config()
    except ConfigError:
        return []  # reported by the check itself
    if source is not None:
        try:
            rel = repo.relative(source)
        except GitError:
            return []  # a configuration outside the repository: the job's own
        before = _config_at(repo, sha, rel)
        shown = os.path.relpath(source)
    else:  # no configuration now: the one the base had, if any
        here = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
        before, shown = Config(), ""
        while True:
            rel = repo.relative(os.path.join(here, "pyproject.toml"))
            found = _config_at(repo, sha, rel)
            if found != Config():
                before, shown = found, os.path.relpath(os.path.join(here, "pyproject.toml"))
                break
            if os.path.realpath(here) == str(repo.top) or os.path.dirname(here) == here:
                break
            here = os.path.dirname(here)
        if not shown:
            return []
    off: list[str] = []
    lowered: list[str] = []
    for name, rule in sorted(load_all().items()):
        if not before.enabled(name):
            continue
        if not now.enabled(name):
            off.append(name)
        elif (
            before.severity_of(name, rule.severity) == "error"
            and now.severity_of(name, rule.severity) == "warning"
        ):
            lowered.append(name)
    out: list[Diagnostic] = []
    severity = GATE_RULES["config-changed"][0]
    review = tr(
        "a change of what the gate checks needs a maintainer's review; once merged, later "
        "changes are compared with the new configuration"
    )
    if off:
        values = {"count": len(off), "rev": rev, "names": _names(off)}
        if len(off) == len(load_all()):
            message = tr(
                "the configuration turned off every rule ({count}) since {rev}: {names}", **values
            )
        elif len(off) > 1:
            message = tr(
                "the configuration turned off {count} rules since {rev}: {names}", **values
            )
        else:
            message = tr("the configuration turned off {count} rule since {rev}: {names}", **values)
        line = _line_of(source, ("select", "ignore")) if source else 1
        out.append(
            Diagnostic(
                "config-changed",
                severity,
                shown,
                line,
                1,
                message,
                None,
                help=review,
            )
        )
    if lowered:
        values = {"count": len(lowered), "rev": rev, "names": _names(lowered)}
        message = (
            tr(
                "the configuration lowered {count} rules from error to warning since {rev}: "
                "{names}",
                **values,
            )
            if len(lowered) > 1
            else tr(
                "the configuration lowered {count} rule from error to warning since {rev}: {names}",
                **values,
            )
        )
        line = _line_of(source, ("severity",)) if source else 1
        out.append(
            Diagnostic(
                "config-changed",
                severity,
                shown,
                line,
                1,
                message,
                None,
                help=review,
            )
        )
    return out
