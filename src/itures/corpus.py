"""A corpus: the resolution files under a directory, indexed by identity.

The check of a corpus runs in stages (see README, "Architecture", and
:mod:`itures.pipeline`): each file alone, cached and in parallel (read
(:mod:`itures.yamlio.read`) -> validate (:mod:`itures.validate`) -> file
rules -> summary), then the corpus (index of summaries -> corpus rules ->
diagnostics, sorted by file and position). This module holds the entry
points (:func:`check_paths`, :func:`check_in_corpus`, :func:`check_results`),
discovery, the :class:`Index` and the library's :class:`Corpus`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from itures.diagnostics import Diagnostic
from itures.pipeline import MAX_FILE_BYTES, Progress

if TYPE_CHECKING:
    from itures.cache import Cache
    from itures.config import Config
    from itures.model.resolution import Resolution
    from itures.rules.suppressions import Suppressed
    from itures.summary import Summary
    from itures.yamlio.read import Document

__all__ = [
    "MAX_FILE_BYTES",
    "CheckResult",
    "Corpus",
    "DuplicateIdentity",
    "Index",
    "LoadError",
    "check_in_corpus",
    "check_paths",
    "check_results",
    "discover",
    "load",
    "read_data",
]

SUFFIXES = (".yaml", ".yml")


class LoadError(Exception):
    """Raised by :func:`load` when a file is not a valid resolution.

    ``diagnostics`` holds the reasons, positioned.
    """

    def __init__(self, path: str, diagnostics: list[Diagnostic]) -> None:
        first = diagnostics[0] if diagnostics else None
        super().__init__(str(first) if first else f"{path}: cannot load")
        self.path = path
        self.diagnostics = diagnostics


@dataclass
class FileResult:
    """The outcome of reading and validating one file."""

    path: str
    resolution: Resolution | None
    diagnostics: list[Diagnostic]
    # the parsed document, when still at hand; rules that find something on a
    # file whose document was not kept parse it again
    document: Document | None = None
    # whether the raw text holds a suppression marker ("itures:"); None when
    # unknown (the document is then parsed again to look for suppressions)
    marked: bool | None = None


@dataclass
class CheckResult:
    """Diagnostics of a check, the number of files, and what could not be read."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    failures: list[str] = field(default_factory=list)
    # findings silenced by an in-file suppression (counted, never dropped)
    suppressed: list[Suppressed] = field(default_factory=list)
    # reporting option (``--show-suppressed``): list the suppressed findings too
    show_suppressed: bool = False
    # content hash of each file as it was checked (path -> digest, when known):
    # the text report shows source excerpts only of files that have not changed
    digests: dict[str, bytes] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "warning")

    @property
    def exit_code(self) -> int:
        """0 no errors, 1 errors found, 2 something could not be checked."""
        if self.failures:
            return 2
        return 1 if self.errors else 0

    def summary(self) -> dict[str, Any]:
        """Counts of the findings: one per finding, its related places not counted."""
        return {
            "files": self.files,
            "errors": self.errors,
            "warnings": self.warnings,
            "suppressed": len(self.suppressed),
            "failures": list(self.failures),
        }


_NONE: Mapping[str, Summary] = {}


class DuplicateIdentity(LookupError):
    """Several files hold one identity (body, number, language): which one is meant
    cannot be told. ``paths`` names them all, in path order."""

    def __init__(self, body: str, number: str, language: str, paths: list[str]) -> None:
        super().__init__(
            f"{len(paths)} files have the identity {body} {number} ({language}): "
            f"{', '.join(paths)}; `itures check` reports them (identity-duplicate)"
        )
        self.body = body
        self.number = number
        self.language = language
        self.paths = paths


class Index:
    """The valid resolutions of a corpus by identity (body, number) and language.

    Two files with one identity (body, number, language) are both kept
    (decision: an index never hides a file): iteration yields both,
    :meth:`same_identity` lists them, and the lookups (:meth:`summary`,
    :meth:`version`, :meth:`get`, ...) answer with the first by path, so
    that the answer does not depend on the order files were read in. The
    corpus rule ``identity-duplicate`` reports them.

    The index keeps a :class:`~itures.summary.Summary` of each resolution:
    what the rules that look across files need of it (identity, history,
    labels, footnote ids, citations), a few kilobytes instead of the ~35 KB of
    the model, so that a check of 100,000 files fits in memory. Resolutions
    added with :meth:`add` are kept whole as well (:meth:`get`,
    :meth:`model`: the library's :class:`Corpus`, rendering); a check adds
    summaries only (:meth:`add_summary`).
    """

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], dict[str, Summary]] = {}
        # the further files of an identity held by two or more, after the first by path
        self._more: dict[tuple[str, str, str], list[Summary]] = {}
        self._identity: dict[str, tuple[str, str, str]] = {}  # of each path
        self._models: dict[str, Resolution] = {}

    def add(self, path: str, resolution: Resolution) -> Summary:
        """Index a resolution, keeping its model (see :meth:`get`)."""
        from itures.summary import summarise

        summary = summarise(path, resolution)
        self.add_summary(summary)
        self._models[path] = resolution
        return summary

    def add_summary(self, summary: Summary) -> None:
        """Index a resolution by its summary alone (again for a path already indexed:
        the new summary replaces the old)."""
        identity = (summary.body, summary.number, summary.language)
        before = self._identity.get(summary.path)
        if before is not None and before != identity:
            self._place(before, summary.path, None)
        self._identity[summary.path] = identity
        self._place(identity, summary.path, summary)

    def _place(self, identity: tuple[str, str, str], path: str, summary: Summary | None) -> None:
        """Put ``summary`` at ``path`` in the files of ``identity`` (None: take it out)."""
        body, number, language = identity
        versions = self._by_key.setdefault((body, number), {})
        first = versions.get(language)
        if summary is not None and (
            first is None or (first.path == path and identity not in self._more)
        ):
            versions[language] = summary
            return
        group = [s for s in (first, *self._more.get(identity, ())) if s and s.path != path]
        if summary is not None:
            group.append(summary)
        group.sort(key=lambda s: s.path)
        if group:
            versions[language] = group[0]
        else:
            versions.pop(language, None)
            if not versions:
                del self._by_key[(body, number)]
        if len(group) > 1:
            self._more[identity] = group[1:]
        else:
            self._more.pop(identity, None)

    def same_identity(self, body: str, number: str, language: str) -> list[Summary]:
        """Every file with this identity, in path order (more than one is a mistake)."""
        first = self._by_key.get((body, number), _NONE).get(language)
        if first is None:
            return []
        return [first, *self._more.get((body, number, language), ())]

    def duplicates(self) -> Iterator[list[Summary]]:
        """The files of each identity held by more than one, in path order."""
        for body, number, language in self._more:
            yield self.same_identity(body, number, language)

    def summary(self, body: str, number: str, language: str | None = None) -> Summary | None:
        """The summary of this identity: in ``language`` if given, else any version."""
        versions = self._by_key.get((body, number))
        if not versions:
            return None
        if language is None:
            return next(iter(versions.values()))
        return versions.get(language)

    def versions(self, body: str, number: str) -> Mapping[str, Summary]:
        """The language versions of one resolution: language -> summary (do not change it)."""
        return self._by_key.get((body, number), _NONE)

    def version(self, body: str, number: str, language: str) -> Summary | None:
        """The version in ``language`` of one resolution, else any version, else None."""
        versions = self._by_key.get((body, number))
        if not versions:
            return None
        found = versions.get(language)
        return found if found is not None else next(iter(versions.values()))

    def model(self, summary: Summary) -> Resolution | None:
        """The model of an indexed resolution, when it was added with :meth:`add`."""
        return self._models.get(summary.path)

    def get(self, body: str, number: str, language: str | None = None) -> Resolution | None:
        """The model with this identity (None if absent or indexed by summary only)."""
        found = self.summary(body, number, language)
        return self._models.get(found.path) if found is not None else None

    def bodies(self) -> frozenset[str]:
        return frozenset(body for body, _ in self._by_key)

    def __contains__(self, ref: object) -> bool:
        body, number = getattr(ref, "body", None), getattr(ref, "number", None)
        if body is None and isinstance(ref, tuple) and len(ref) == 2:
            body, number = ref
        return (body, number) in self._by_key

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values()) + sum(map(len, self._more.values()))

    def __iter__(self) -> Iterator[Summary]:
        """Every indexed file, the files of a shared identity included."""
        for (body, number), versions in self._by_key.items():
            for language, summary in versions.items():
                yield summary
                if self._more:
                    yield from self._more.get((body, number, language), ())


Walk = Callable[[str, list[str], list[str]], None]


def discover(
    paths: Iterable[str | os.PathLike[str]], *, walk: Walk | None = None
) -> tuple[list[str], list[str]]:
    """Resolution files under ``paths``: (files, failures).

    A directory contributes its ``*.yaml``/``*.yml`` files, recursively, in
    sorted order, skipping hidden directories and files and never following
    directory symlinks (so a link loop cannot trap the walk); a file is taken
    as given. ``walk(top, found, failures)`` walks a directory (default: the
    file system; :meth:`itures.cache.Cache.walk` remembers listings).
    """
    files: list[str] = []
    failures: list[str] = []
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            found: list[str] = []
            (walk or _walk)(os.path.normpath(path), found, failures)
            files.extend(sorted(found))  # normal paths: a normal top joined with names
        elif os.path.exists(path):
            files.append(os.path.normpath(path))
        elif os.path.islink(path):
            failures.append(f"{path}: broken symbolic link (its target is missing or loops)")
        else:
            failures.append(f"{path}: no such file or directory")
    return list(dict.fromkeys(files)), failures


def child(top: str, name: str) -> str:
    """``os.path.join(top, name)`` for a normal ``top`` and a plain name, as
    :func:`os.path.normpath` would give it (``x``, not ``./x``)."""
    if top == os.curdir:
        return name
    return top + name if top.endswith(os.sep) else top + os.sep + name


def list_dir(top: str) -> tuple[list[str], list[str], bool, OSError | None]:
    """One directory for :func:`discover`: (subdirectories to walk, resolution
    files, whether the listing depends on the directory alone, the error that
    stopped the listing).

    Hidden entries are skipped; a symlink to a directory is not walked (a
    link loop cannot trap the walk). A listing with a symbolic link (whose
    target may change while the directory does not) or an error "depends on
    more" than the directory.
    """
    dirs: list[str] = []
    files: list[str] = []
    plain = True
    try:
        with os.scandir(top) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()
                    link = entry.is_symlink()
                except OSError:
                    is_dir, link = False, True
                plain = plain and not link
                if is_dir:
                    if not link:
                        dirs.append(name)
                elif name.endswith(SUFFIXES):
                    files.append(name)
    except OSError as exc:  # a directory that cannot be listed
        return dirs, files, False, exc
    return dirs, files, plain, None


def _walk(top: str, found: list[str], failures: list[str]) -> None:
    """The files of :func:`discover` under the directory ``top`` (as ``os.walk``
    without following links would find them, with fewer system calls: a
    commit hook walks the whole corpus at every commit)."""
    dirs, files, _, error = list_dir(top)
    found.extend(child(top, name) for name in files)
    if error is not None:
        failures.append(f"{error.filename or top}: cannot read: {error.strerror or error}")
    for sub in dirs:
        _walk(child(top, sub), found, failures)


def read_file(path: str) -> FileResult | str:
    """Read and validate one file; a string is an error that stops its check."""
    from itures.pipeline import read_bytes

    data = read_bytes(path)
    if isinstance(data, str):
        return data
    return read_data(path, data)


def read_data(path: str, data: bytes) -> FileResult:
    """Read and validate a file's content given as bytes (from git, say)."""
    from itures.validate import validate
    from itures.yamlio.read import read_document

    doc = read_document(path, data)
    if isinstance(doc, Diagnostic):
        return FileResult(path, None, [doc])
    resolution, diagnostics = validate(doc)
    return FileResult(path, resolution, diagnostics, doc)


def load(path: str | os.PathLike[str]) -> Resolution:
    """Read one resolution file into the typed model.

    Raises :class:`LoadError` (with positioned diagnostics) when the file is not
    valid YAML or does not match the schema, and :class:`OSError` when it
    cannot be read (:class:`itures.files.FileRefused` when it is not read at
    all: a FIFO, a device, too large, a link leading out of its repository).
    """
    from itures.files import FileRefused, read

    p = os.fspath(path)
    try:
        data = read(p)
    except FileRefused as exc:
        if exc.refused:
            raise
        raise OSError(exc.errno, exc.reason, p) from None  # FileNotFoundError, ...
    result = read_data(p, data)
    if result.resolution is None:
        raise LoadError(p, result.diagnostics)
    return result.resolution


def _context(checked: list[str], config: Config, walk: Walk | None = None) -> list[str]:
    """The rest of the configured corpus, when checked files lie in it.

    References and language versions then resolve against the whole corpus,
    even when only a few files are checked (a pre-commit hook passes the
    changed files). The other files are read and indexed, not reported on.
    """
    if config.corpus is None:
        return []
    root = os.path.realpath(config.corpus)
    real = {os.path.realpath(p) for p in checked}
    if not any(p == root or p.startswith(root + os.sep) for p in real):
        return []
    return [
        os.path.relpath(path)
        for path in discover([config.corpus], walk=walk)[0]
        if os.path.realpath(path) not in real
    ]


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    config: Config | None = None,
    *,
    cache: Cache | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> CheckResult:
    """Check files and directories as one corpus.

    ``config`` defaults to the ``[tool.itures]`` table found for the first
    path (:func:`itures.config.discover`); it raises
    :class:`itures.config.ConfigError` when that table is not usable.
    ``cache`` (an :class:`itures.cache.Cache`) spares the work on files (and
    runs) already checked; ``jobs`` is the number of processes reading files
    (default 1: this one only; None: by the number of files and CPUs, as the
    command line does, see :func:`itures.pipeline.default_jobs`);
    ``progress(done, total)`` is called as files are read.
    """
    from itures import pipeline
    from itures.config import discover as discover_config

    paths = list(paths)
    if config is None:
        config = discover_config(paths)
    walk = cache.walk if cache is not None else None
    files, failures = discover(paths, walk=walk)
    return pipeline.run(
        files,
        _context(files, config, walk),
        config,
        failures=failures,
        cache=cache,
        jobs=jobs,
        progress=progress,
        context_failures=False,
    )


def check_results(
    results: list[FileResult],
    files: int,
    failures: list[str],
    *,
    only: Iterable[str] | None = None,
    config: Config | None = None,
) -> CheckResult:
    """Check files already read (:func:`read_file`, :func:`read_data`) as one corpus.

    Every valid resolution goes into the index; with ``only`` (paths), the
    rules run on those files alone and only their diagnostics are kept, the
    rest of the corpus being there for references. ``config`` defaults to the
    ``[tool.itures]`` table found for the checked files.
    """
    from itures import pipeline
    from itures.config import discover as discover_config
    from itures.rules.runner import Runner

    if only is not None:
        only = list(only)
    if config is None:
        config = discover_config(list(only) if only else [r.path for r in results[:1]])
    if only is not None:
        keep = {os.path.normpath(p) for p in only}
        checked = [r for r in results if os.path.normpath(r.path) in keep]
        others = [r for r in results if os.path.normpath(r.path) not in keep]
    else:
        checked, others = results, []
    runner = Runner(config)
    outcomes = [pipeline.outcome_of(r, runner) for r in checked]
    for r in others:  # the rest is indexed, not checked: no rules to run on it
        if r.resolution is not None:
            from itures.summary import summarise

            outcomes.append(pipeline.Outcome(r.path, summarise(r.path, r.resolution)))
    diagnostics, suppressed = pipeline.conclude(outcomes, len(checked), config)
    return CheckResult(diagnostics, files, failures, suppressed)


def check_in_corpus(
    paths: Iterable[str | os.PathLike[str]],
    corpus: Iterable[str | os.PathLike[str]],
    *,
    config: Config | None = None,
    cache: Cache | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> CheckResult:
    """Check ``paths`` with every file under ``corpus`` loaded for references.

    What a commit hook needs: the staged files are checked, the rest of the
    corpus is read so that citations of it resolve, and is not reported on.
    ``cache``, ``jobs`` and ``progress`` are as for :func:`check_paths`.
    """
    from itures import pipeline
    from itures.config import discover as discover_config

    walk = cache.walk if cache is not None else None
    targets, failures = discover(paths, walk=walk)
    others, more = discover(corpus, walk=walk)
    failures.extend(more)
    if config is None:
        config = discover_config(list(targets[:1]) or [os.fspath(p) for p in corpus])
    return pipeline.run(
        targets,
        others,
        config,
        failures=failures,
        cache=cache,
        jobs=jobs,
        progress=progress,
    )


class Corpus:
    """The resolutions under a directory.

    >>> corpus = Corpus("resolutions")            # doctest: +SKIP
    >>> corpus.get("wtdc", "59", "fr").heading    # doctest: +SKIP
    'RÉSOLUTION 59 (Rév. Buenos Aires, 2017)'

    Iterating yields the valid resolutions; :meth:`check` gives every
    diagnostic, invalid files included.

    A corpus never hides a file (decision): when two files have one identity
    (body, number, language), the mistake ``identity-duplicate`` reports,
    iteration yields both, :meth:`paths_of` names both, and :meth:`get`
    raises :class:`DuplicateIdentity` naming both rather than return one of
    them as if it were the only one.
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
        from pathlib import Path

        self.root = Path(root)
        if not self.root.is_dir():
            raise NotADirectoryError(f"{self.root}: not a directory")
        self._index: Index | None = None

    @property
    def files(self) -> list[str]:
        return discover([self.root])[0]

    @property
    def index(self) -> Index:
        if self._index is None:
            index = Index()
            for path in self.files:
                res = read_file(path)
                if not isinstance(res, str) and res.resolution is not None:
                    index.add(path, res.resolution)
            self._index = index
        return self._index

    def __iter__(self) -> Iterator[Resolution]:
        for summary in self.index:
            model = self.index.model(summary)
            if model is not None:
                yield model

    def __len__(self) -> int:
        return len(self.index)

    def get(self, body: str, number: str, language: str | None = None) -> Resolution | None:
        """The resolution with this identity (any language if none is given); None
        when the corpus has none. Raises :class:`DuplicateIdentity` when several
        files have the identity (in ``language``, or in the language version
        chosen when none is given)."""
        index = self.index
        found = index.summary(body, number, language)
        if found is None:
            return None
        paths = [s.path for s in index.same_identity(body, number, found.language)]
        if len(paths) > 1:
            raise DuplicateIdentity(body, number, found.language, paths)
        return index.model(found)

    def paths_of(self, body: str, number: str, language: str | None = None) -> list[str]:
        """The files of this resolution (in ``language`` only, if given), in path order."""
        index = self.index
        languages = [language] if language is not None else list(index.versions(body, number))
        return sorted(s.path for lang in languages for s in index.same_identity(body, number, lang))

    def check(self) -> CheckResult:
        """Check every file of the corpus."""
        return check_paths([self.root])

    def at(self, rev: str) -> Corpus:
        """This corpus as of a git revision, read from git without checking it out.

        ``rev`` is anything git names a commit by (``HEAD~1``, ``main``, a
        tag, a hash). Raises :class:`itures.gitrepo.GitError` when the
        directory is not in a git repository or the revision is unknown.
        """
        from itures.gitrepo import RevisionCorpus

        return RevisionCorpus(self.root, rev)
