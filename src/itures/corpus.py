"""A corpus: the resolution files under a directory, indexed by identity.

The check of a corpus runs in stages (see README, "Architecture"):
read (:mod:`itures.yamlio.read`) -> validate (:mod:`itures.validate`) ->
index every valid resolution -> rules (:mod:`itures.rules`) with the index at
hand -> diagnostics, sorted by file and position.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itures.diagnostics import Diagnostic, pointer_from
from itures.model.markup import ResolutionRef
from itures.model.resolution import Resolution
from itures.yamlio.read import Document, read_document

__all__ = ["CheckResult", "Corpus", "Index", "LoadError", "check_paths", "discover", "load"]

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


@dataclass
class CheckResult:
    """Diagnostics of a check, the number of files, and what could not be read."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    failures: list[str] = field(default_factory=list)

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


def _check(results: list[FileResult], index: Index) -> list[Diagnostic]:
    """Run the rules on every valid resolution; position findings lazily."""
    from itures import rules

    out: list[Diagnostic] = []
    for res in results:
        out.extend(res.diagnostics)
        if res.resolution is None:
            continue
        ctx = rules.Context(res.path, res.resolution, index)
        found = list(rules.run(ctx))
        if not found:
            continue
        doc = _document(res)
        for r, finding in found:
            if doc is None:
                line, column = 1, 1
                out.append(
                    Diagnostic(
                        r.name,
                        r.severity,
                        res.path,
                        line,
                        column,
                        finding.message,
                        pointer_from(finding.path),
                    )
                )
                continue
            out.append(
                doc.diagnostic(
                    r.name, finding.message, finding.path, severity=r.severity, key=finding.key
                )
            )
    out.sort(key=Diagnostic.sort_key)
    return out


def check_paths(paths: Iterable[str | os.PathLike[str]]) -> CheckResult:
    """Check files and directories as one corpus."""
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
    return CheckResult(_check(results, index), len(files), failures)


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
