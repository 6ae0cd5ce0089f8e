"""A corpus: the resolution files under a directory, indexed by identity.

The check of a corpus runs in stages (see README, "Architecture", and
:mod:`itures.pipeline`): each file alone, cached and in parallel (read
(:mod:`itures.yamlio.read`) -> validate (:mod:`itures.validate`) -> file
rules -> summary), then the corpus (index of summaries -> corpus rules ->
diagnostics, sorted by file and position). This module holds the entry
points (:func:`check_paths`, :func:`check_in_corpus`, :func:`check_results`),
and the library's :class:`Corpus` (with :class:`RevisionCorpus`, a corpus as of a
git revision). Discovery is :func:`itures.files.discover`, the index
:mod:`itures.index`, the records :mod:`itures.result`; they are named here too,
for the library.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from itures.diagnostics import Diagnostic
from itures.files import MAX_FILE_BYTES, SUFFIXES, Walk, discover
from itures.gitrepo import GitError, Repository, wanted
from itures.index import DuplicateIdentity, Index
from itures.pipeline import Progress, check_results, read_data, read_file
from itures.result import CheckResult, FileResult

if TYPE_CHECKING:
    from itures.cache import Cache
    from itures.config import Config
    from itures.lookup import Inbound, Resolved
    from itures.model.markup import Citation
    from itures.model.resolution import Resolution

__all__ = [
    "MAX_FILE_BYTES",
    "SUFFIXES",
    "CheckResult",
    "Corpus",
    "DuplicateIdentity",
    "FileResult",
    "Index",
    "LoadError",
    "RevisionCorpus",
    "check_in_corpus",
    "check_paths",
    "check_results",
    "corpus_context",
    "discover",
    "load",
    "read_data",
    "read_file",
]


class LoadError(Exception):
    """Raised by :func:`load` when a file is not a valid resolution.

    ``diagnostics`` holds the reasons, positioned.
    """

    def __init__(self, path: str, diagnostics: list[Diagnostic]) -> None:
        first = diagnostics[0] if diagnostics else None
        super().__init__(str(first) if first else f"{path}: cannot load")
        self.path = path
        self.diagnostics = diagnostics


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


def corpus_context(checked: list[str], config: Config, walk: Walk | None = None) -> list[str]:
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
    ``progress(done, total)`` is called as files are read. A directory of
    ``paths`` that holds no resolution file is one of the result's
    ``failures`` (:data:`itures.files.NO_FILES`): nothing checked is not a
    check without problems.
    """
    from itures import pipeline
    from itures.config import discover as discover_config

    paths = list(paths)
    if config is None:
        config = discover_config(paths)
    walk = cache.walk if cache is not None else None
    files, failures = discover(paths, walk=walk, require=True)
    return pipeline.run(
        files,
        corpus_context(files, config, walk),
        config,
        failures=failures,
        cache=cache,
        jobs=jobs,
        progress=progress,
        context_failures=False,
    )


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
    targets, failures = discover(paths, walk=walk, require=True)
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
    diagnostic, invalid files included. A directory that does not exist
    raises ``FileNotFoundError``; a path that is not a directory,
    ``NotADirectoryError``.

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
            if not os.path.exists(self.root):
                raise FileNotFoundError(f"{self.root}: no such directory")
            raise NotADirectoryError(f"{self.root}: not a directory")
        self._index: Index | None = None
        # the files that are not valid resolutions: path -> why (see get)
        self._invalid: dict[str, list[Diagnostic]] = {}

    @property
    def files(self) -> list[str]:
        """The resolution files under the root, valid or not, in path order."""
        return discover([self.root])[0]

    @property
    def index(self) -> Index:
        """The :class:`Index` of the valid resolutions, read on first use and kept."""
        if self._index is None:
            index = Index()
            for path in self.files:
                res = read_file(path)
                if isinstance(res, str):
                    continue
                if res.resolution is not None:
                    index.add(path, res.resolution)
                else:
                    self._invalid[path] = res.diagnostics
            self._index = index
        return self._index

    def __iter__(self) -> Iterator[Resolution]:
        """The valid resolutions, every file of a shared identity included."""
        for summary in self.index:
            model = self.index.model(summary)
            if model is not None:
                yield model

    def __len__(self) -> int:
        """The number of valid resolution files (two files of one identity count twice)."""
        return len(self.index)

    def get(self, body: str, number: str, language: str | None = None) -> Resolution | None:
        """The resolution with this identity (any language if none is given); None
        when the corpus has none. Raises :class:`DuplicateIdentity` when several
        files have the identity (in ``language``, or in the language version
        chosen when none is given).

        ``body`` is read in any case ("PP"), a ``number`` given as an int as
        its figures (58 is "58"); a ``language`` that is none of the six
        raises ``ValueError`` (it can never be found: "english" for "en").
        A file at that identity's place (``BODY/NUMBER/LANGUAGE.yaml``) that
        is not a valid resolution raises :class:`LoadError` with its
        diagnostics: the corpus has it, broken, not none."""
        body, number = _identity(body, number, language)
        index = self.index
        found = index.summary(body, number, language)
        if found is None:
            # a file of that identity that is not valid: said, not hidden
            for path, why in self._invalid.items():
                parts = path.replace(os.sep, "/").split("/")
                name, _, ext = parts[-1].rpartition(".")
                if (
                    parts[-3:-1] == [body, number]
                    and ext.lower() in ("yaml", "yml")
                    and (language is None or name.lower() == language)
                ):
                    raise LoadError(path, why)
            return None
        paths = [s.path for s in index.same_identity(body, number, found.language)]
        if len(paths) > 1:
            raise DuplicateIdentity(body, number, found.language, paths)
        return index.model(found)

    def paths_of(self, body: str, number: str, language: str | None = None) -> list[str]:
        """The files of this resolution (in ``language`` only, if given), in path
        order (the identity read as :meth:`get` reads it)."""
        body, number = _identity(body, number, language)
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
        return RevisionCorpus(self.root, rev)

    def resolve(self, citation: str | Citation, *, language: str | None = None) -> Resolved:
        """What a citation cites: the resolution, section, annex, item or clause.

        ``citation`` is a target (``"pp:191@2018#resolves/3"``), a whole
        citation (``"[décide 3](pp:191#resolves/3)"``) or a
        :class:`itures.model.markup.Citation` (from
        :meth:`itures.Resolution.citations`). The version in ``language`` is
        preferred, else any. Never raises for a citation that does not
        resolve: the answer's ``target`` is then None and ``reason`` says why
        (a malformed target, a resolution or part the corpus lacks, a revision
        it never had, several
        files of one identity). A year before the first entry of a history
        that does not start with the adoption is not known to be missing, as
        the check does not report it: the part is looked for in the text the
        corpus has. A citation of several resolutions answers
        for the first (see :meth:`resolve_each`).

        >>> Corpus("resolutions").resolve("wtdc:59#resolves/1").target.label  # doctest: +SKIP
        '1'
        """
        from itures.lookup import each, resolve

        parts = each(citation)
        if isinstance(parts, str):
            return _unreadable(citation, parts)
        parts = list(parts)
        ref, year, fragment = parts[0]
        found = resolve(self.index, ref, year, fragment, language)
        if len(parts) > 1 and found.reason is None:
            from dataclasses import replace

            more = ", ".join(str(r) for r, _, _ in parts[1:])
            return replace(found, reason=f"the citation also cites {more} (see resolve_each)")
        return found

    def resolve_each(
        self, citation: str | Citation, *, language: str | None = None
    ) -> list[Resolved]:
        """What a citation cites, one answer per resolution it names
        (``wtsa:17,26,44,45@2012`` gives four); see :meth:`resolve`."""
        from itures.lookup import each, resolve

        parts = each(citation)
        if isinstance(parts, str):
            return [_unreadable(citation, parts)]
        return [resolve(self.index, r, y, f, language) for r, y, f in parts]

    def cited_by(
        self, body: str, number: str | None = None, fragment: str | Sequence[str] = ()
    ) -> list[Inbound]:
        """The citations of a resolution, or of one of its parts, by files of the corpus.

        ``corpus.cited_by("pp", "191")`` lists every citation of PP Resolution
        191; ``corpus.cited_by("pp", "191", "resolves/3")`` (or
        ``cited_by("pp:191#resolves/3")``) those of clause 3 of *resolves*
        and of what it holds (``resolves/3/a``). Each :class:`Inbound` names
        the citing file, its identity, where the citation is in it and its
        words. In path order, then document order.
        """
        from itures.lookup import inbound
        from itures.model.markup import ResolutionRef, parse_target

        if number is None:
            parsed = parse_target(body)
            if isinstance(parsed, str):
                raise ValueError(parsed)
            refs, _, frag = parsed
            return [i for ref in refs for i in inbound(self.index, ref, frag)]
        body, number = _identity(body, number, None)
        if isinstance(fragment, str):
            # ("#resolves/2", as a target writes it, is "resolves/2")
            fragment = tuple(s for s in fragment.lstrip("#").split("/") if s)
        return list(inbound(self.index, ResolutionRef(body, number), tuple(fragment)))


def _identity(body: str, number: object, language: str | None) -> tuple[str, str]:
    """(body, number) as the corpus keys them: the body in lower case, a
    number given as an int in figures. ValueError for a language that is none
    of the six."""
    from itures.model.resolution import LANGUAGES

    if language is not None and language not in LANGUAGES:
        raise ValueError(
            f"{language!r} is not a language of the corpus: give one of {', '.join(LANGUAGES)}"
        )
    if isinstance(number, bool) or not isinstance(number, (str, int)):
        raise TypeError(f"a resolution number is a str ('58'), not {type(number).__name__}")
    return str(body).lower(), str(number)


def _unreadable(citation: str | Citation, why: str) -> Resolved:
    """The answer of :meth:`Corpus.resolve` for a citation that cannot be read."""
    from itures.lookup import Resolved
    from itures.model.markup import ResolutionRef

    return Resolved(ResolutionRef("", ""), None, (), reason=why)


class RevisionCorpus(Corpus):
    """The resolutions under a directory as of a git revision.

    Made by :meth:`itures.corpus.Corpus.at`. File paths are given as the
    working-tree corpus gives them (``resolutions/wtdc/59/fr.yaml``), so
    diagnostics of both can be compared; the content comes from git.
    """

    def __init__(self, root: str | os.PathLike[str], rev: str) -> None:
        # no call to Corpus.__init__: the directory need not exist in the work tree
        self.root = Path(root)
        self.repo = Repository(self.root)
        self.rev = self.repo.resolve(rev)
        self._prefix = self.repo.relative(self.root)
        self._base = (
            Path(os.path.relpath(self.repo.top)) if not self.root.is_absolute() else self.repo.top
        )
        self._files: dict[str, str] | None = None
        self._index: Index | None = None
        # the files that are not valid resolutions: path -> why (see get)
        self._invalid: dict[str, list[Diagnostic]] = {}
        self._results: list[FileResult] | None = None

    def _display(self, repo_path: str) -> str:
        return os.path.normpath(os.path.join(self._base, repo_path))

    def _blobs(self) -> dict[str, str]:
        if self._files is None:
            self._files = {
                self._display(p): sha
                for p, sha in self.repo.files(self.rev, self._prefix)
                if wanted(p)
            }
        return self._files

    @property
    def files(self) -> list[str]:
        return sorted(self._blobs())

    def changed(self) -> set[str]:
        """The files (as :attr:`files` names them) whose working-tree content differs
        from this revision: modified or deleted since (``git diff``; files the
        revision lacks are not listed)."""
        return {self._display(p) for p in self.repo.changed(self.rev, self._prefix)}

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes]:
        """The content of some of :attr:`files` at this revision, in one read."""
        blobs = self._blobs()
        wanted = [os.path.normpath(p) for p in paths]
        missing = [p for p in wanted if p not in blobs]
        if missing:
            raise GitError(f"{missing[0]}: no such file at {self.rev[:10]}")
        return dict(zip(wanted, self.repo.blobs([blobs[p] for p in wanted]), strict=True))

    def read(self, path: str) -> bytes:
        """The content of one of :attr:`files` at this revision."""
        sha = self._blobs().get(os.path.normpath(path))
        if sha is None:
            raise GitError(f"{path}: no such file at {self.rev[:10]}")
        return self.repo.blobs([sha])[0]

    def contents(self) -> dict[str, bytes]:
        """Every file's content at this revision, by path."""
        blobs = self._blobs()
        paths = sorted(blobs)
        return dict(zip(paths, self.repo.blobs([blobs[p] for p in paths]), strict=True))

    def results(self) -> list[FileResult]:
        """Every file read and validated."""
        if self._results is None:
            self._results = [read_data(p, data) for p, data in self.contents().items()]
        return self._results

    @property
    def index(self) -> Index:
        if self._index is None:
            index = Index()
            for res in self.results():
                if res.resolution is not None:
                    index.add(res.path, res.resolution)
                else:
                    self._invalid[res.path] = res.diagnostics
            self._index = index
        return self._index

    def check(self) -> CheckResult:
        """Check the corpus as it was at this revision. A revision without
        resolution files under the directory (before the corpus was added, a
        directory named otherwise then) is a failure, as a check of an empty
        directory is (``failures``, exit code 2): nothing checked never
        passes."""
        results = self.results()
        where = self._display(self._prefix or ".")
        failures = (
            []
            if results
            else [f"{where}: no resolution files at {self.rev[:10]}: nothing to check"]
        )
        return check_results(results, len(results), failures)
