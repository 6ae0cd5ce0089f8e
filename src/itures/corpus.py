"""A corpus: the resolution files under a directory, indexed by identity.

The check of a corpus runs in stages (see README, "Architecture"):
read (:mod:`itures.yamlio.read`) -> validate (:mod:`itures.validate`) ->
index every valid resolution -> rules (:mod:`itures.rules`) with the index at
hand -> diagnostics, sorted by file and position.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itures.diagnostics import Diagnostic
from itures.model.markup import ResolutionRef
from itures.model.resolution import Resolution
from itures.yamlio.read import Document, read_document

if TYPE_CHECKING:
    from itures.config import Config
    from itures.rules.suppressions import Suppressed

__all__ = [
    "CheckResult",
    "Corpus",
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
# The longest resolutions, annexes included, are a few hundred KB. A file
# above this is not read (a 50 MB file of short items would take seconds and a
# gigabyte to parse); it is reported as not checked.
MAX_FILE_BYTES = 10_000_000


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
    # file whose document was not kept (cache, worker process) parse it again
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
        return {
            "files": self.files,
            "errors": self.errors,
            "warnings": self.warnings,
            "suppressed": len(self.suppressed),
            "failures": list(self.failures),
        }


class Index:
    """Valid resolutions by identity (body, number) and language."""

    def __init__(self) -> None:
        self._by_key: dict[ResolutionRef, dict[str, tuple[str, Resolution]]] = {}

    def add(self, path: str, resolution: Resolution) -> None:
        self._by_key.setdefault(resolution.key, {})[resolution.language] = (path, resolution)

    def get(self, body: str, number: str, language: str | None = None) -> Resolution | None:
        versions = self._by_key.get(ResolutionRef(body, number))
        if not versions:
            return None
        if language is None:
            return next(iter(versions.values()))[1]
        found = versions.get(language)
        return found[1] if found else None

    def languages(self, body: str, number: str) -> dict[str, tuple[str, Resolution]]:
        return dict(self._by_key.get(ResolutionRef(body, number), {}))

    def bodies(self) -> frozenset[str]:
        return frozenset(k.body for k in self._by_key)

    def __contains__(self, ref: object) -> bool:
        return ref in self._by_key

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values())

    def __iter__(self) -> Iterator[tuple[str, Resolution]]:
        for versions in self._by_key.values():
            yield from versions.values()


def discover(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[str], list[str]]:
    """Resolution files under ``paths``: (files, failures).

    A directory contributes its ``*.yaml``/``*.yml`` files, recursively, in
    sorted order, skipping hidden directories and never following directory
    symlinks (so a link loop cannot trap the walk); a file is taken as given.
    """
    files: list[str] = []
    failures: list[str] = []

    def unreadable(exc: OSError) -> None:  # a directory os.walk cannot list
        failures.append(f"{exc.filename}: cannot read: {exc.strerror or exc}")

    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            found: list[str] = []
            for top, dirs, names in os.walk(path, onerror=unreadable, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(top, n)
                    for n in names
                    if n.endswith(SUFFIXES) and not n.startswith(".")
                )
            files.extend(sorted(found))
        elif os.path.exists(path):
            files.append(path)
        elif os.path.islink(path):
            failures.append(f"{path}: broken symbolic link (its target is missing or loops)")
        else:
            failures.append(f"{path}: no such file or directory")
    unique = list(dict.fromkeys(os.path.normpath(f) for f in files))
    return unique, failures


def read_file(path: str) -> FileResult | str:
    """Read and validate one file; a string is an error that stops its check."""
    from itures.validate import validate

    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_FILE_BYTES:
                return (
                    f"{path}: not checked: {size / 1e6:.1f} MB, more than the "
                    f"{MAX_FILE_BYTES / 1e6:.0f} MB a resolution file may have"
                )
            data = fh.read()
    except OSError as exc:
        return f"{path}: cannot read: {exc.strerror or exc}"
    doc = read_document(path, data)
    if isinstance(doc, Diagnostic):
        return FileResult(path, None, [doc])
    resolution, diagnostics = validate(doc)
    return FileResult(path, resolution, diagnostics, doc)


def read_data(path: str, data: bytes) -> FileResult:
    """Read and validate a file's content given as bytes (from git, say)."""
    from itures.validate import validate

    doc = read_document(path, data)
    if isinstance(doc, Diagnostic):
        return FileResult(path, None, [doc])
    resolution, diagnostics = validate(doc)
    return FileResult(path, resolution, diagnostics, doc)


def load(path: str | os.PathLike[str]) -> Resolution:
    """Read one resolution file into the typed model.

    Raises :class:`LoadError` (with positioned diagnostics) when the file is not
    valid YAML or does not match the schema, and :class:`OSError` when it
    cannot be read.
    """
    p = os.fspath(path)
    result = read_file(p)
    if isinstance(result, str):
        with open(p, "rb"):
            pass  # raise the real OSError
        raise LoadError(p, [])  # pragma: no cover
    if result.resolution is None:
        raise LoadError(p, result.diagnostics)
    return result.resolution


def _document(res: FileResult) -> Document | None:
    """The parsed document of a file, parsed again if it was not kept."""
    if res.document is not None:
        return res.document
    try:
        with open(res.path, "rb") as fh:
            doc = read_document(res.path, fh.read())
    except OSError:
        return None
    return doc if isinstance(doc, Document) else None


def _check(
    results: list[FileResult], index: Index, config: Config | None = None
) -> tuple[list[Diagnostic], list[Suppressed]]:
    """Run the rules on every valid resolution; position findings lazily.

    Returns the diagnostics and the findings that in-file suppressions
    silenced (see :mod:`itures.rules.suppressions`), both sorted.
    """
    from itures.config import Config
    from itures.rules.runner import Runner

    runner = Runner(config or Config(), index)
    out: list[Diagnostic] = []
    hidden: list[Suppressed] = []
    for res in results:
        out.extend(res.diagnostics)
        if res.resolution is None:
            continue
        marked = res.marked
        if marked is None and res.document is not None:
            marked = "itures:" in res.document.text
        found, silenced = runner.check_resolution(
            res.path, res.resolution, functools.partial(_document, res), marked
        )
        out.extend(found)
        hidden.extend(silenced)
    out.sort(key=Diagnostic.sort_key)
    hidden.sort(key=lambda s: s.diagnostic.sort_key())
    return out, hidden


def _context(results: list[FileResult], config: Config, index: Index) -> None:
    """Index the rest of the configured corpus when checked files lie in it.

    References and language versions then resolve against the whole corpus,
    even when only a few files are checked (a pre-commit hook passes the
    changed files). The other files are read and validated, not checked.
    """
    if config.corpus is None:
        return
    root = os.path.realpath(config.corpus)
    checked = {os.path.realpath(r.path) for r in results}
    if not any(p == root or p.startswith(root + os.sep) for p in checked):
        return
    for path in discover([config.corpus])[0]:
        if os.path.realpath(path) in checked:
            continue
        res = read_file(path)
        if not isinstance(res, str) and res.resolution is not None:
            index.add(os.path.relpath(path), res.resolution)


def check_paths(
    paths: Iterable[str | os.PathLike[str]], config: Config | None = None
) -> CheckResult:
    """Check files and directories as one corpus.

    ``config`` defaults to the ``[tool.itures]`` table found for the first
    path (:func:`itures.config.discover`); it raises
    :class:`itures.config.ConfigError` when that table is not usable.
    """
    from itures.config import discover as discover_config

    paths = list(paths)
    if config is None:
        config = discover_config(paths)
    files, failures = discover(paths)
    results: list[FileResult] = []
    for path in files:
        res = read_file(path)
        if isinstance(res, str):
            failures.append(res)
        else:
            results.append(res)
    index = Index()
    for res in results:
        if res.resolution is not None:
            index.add(res.path, res.resolution)
    _context(results, config, index)
    diagnostics, suppressed = _check(results, index, config)
    return CheckResult(diagnostics, len(files), failures, suppressed)


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
    from itures.config import discover as discover_config

    if only is not None:
        only = list(only)
    if config is None:
        config = discover_config(list(only) if only else [r.path for r in results[:1]])
    index = Index()
    for res in results:
        if res.resolution is not None:
            index.add(res.path, res.resolution)
    if only is not None:
        keep = {os.path.normpath(p) for p in only}
        results = [r for r in results if os.path.normpath(r.path) in keep]
    diagnostics, suppressed = _check(results, index, config)
    return CheckResult(diagnostics, files, failures, suppressed)


def check_in_corpus(
    paths: Iterable[str | os.PathLike[str]],
    corpus: Iterable[str | os.PathLike[str]],
    *,
    config: Config | None = None,
) -> CheckResult:
    """Check ``paths`` with every file under ``corpus`` loaded for references.

    What a commit hook needs: the staged files are checked, the rest of the
    corpus is read so that citations of it resolve, and is not reported on.
    """
    targets, failures = discover(paths)
    others, more = discover(corpus)
    failures.extend(more)
    results: list[FileResult] = []
    for path in dict.fromkeys([*targets, *others]):
        res = read_file(path)
        if isinstance(res, str):
            failures.append(res)
        else:
            results.append(res)
    return check_results(results, len(targets), failures, only=targets, config=config)


class Corpus:
    """The resolutions under a directory.

    >>> corpus = Corpus("resolutions")            # doctest: +SKIP
    >>> corpus.get("wtdc", "59", "fr").heading    # doctest: +SKIP
    'RÉSOLUTION 59 (Rév. Buenos Aires, 2017)'

    Iterating yields the valid resolutions; :meth:`check` gives every
    diagnostic, invalid files included.
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
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
        for _, resolution in self.index:
            yield resolution

    def __len__(self) -> int:
        return len(self.index)

    def get(self, body: str, number: str, language: str | None = None) -> Resolution | None:
        """The resolution with this identity (any language if none is given)."""
        return self.index.get(body, number, language)

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
