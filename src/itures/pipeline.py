"""The check pipeline: each file alone (cached, in parallel), then the corpus.

A check runs in two stages (see README, "Architecture"):

1. **Each file alone**, :func:`analyse`: read (:mod:`itures.yamlio.read`) ->
   validate (:mod:`itures.validate`) -> the file rules on the model -> an
   :class:`Outcome`: the file's diagnostics so far and its
   :class:`~itures.summary.Summary`. The model is dropped there. An outcome
   depends on the file's bytes alone (and on the configuration), so it is
   what the cache (:mod:`itures.cache`) keeps, and what worker processes
   compute when the check runs in parallel (:func:`analyse_many`).
2. **The corpus**, :func:`conclude`: every summary goes into the
   :class:`~itures.index.Index`; the corpus rules run on each checked file's
   summary; findings are positioned (the few files with a finding are read
   again, their node tree composed again: :func:`_document`; half of them in a
   side process on a large corpus) and suppressions applied; the diagnostics are sorted
   by file and position, so the output does not depend on the order in which
   workers finished.

:func:`run` ties them together with the cache: a run whose inputs (every file's
content hash, the configuration, itures itself) are all as in a previous run
is answered from the cache without parsing anything nor importing the
models; otherwise each file found in the cache skips stage 1.
"""

from __future__ import annotations

import functools
import marshal
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from itures.diagnostics import Diagnostic, Related, pointer_from
from itures.files import MAX_FILE_BYTES, FileRefused, content_hash, distinct, read_seen
from itures.files import read as read_file_bytes
from itures.result import CheckResult, FileResult

if TYPE_CHECKING:
    from itures.cache import Cache
    from itures.config import Config
    from itures.index import Index
    from itures.model.resolution import Resolution
    from itures.rules import Finding, Rule
    from itures.rules.runner import Runner
    from itures.rules.suppressions import Suppressed
    from itures.summary import Summary
    from itures.yamlio.read import Document

__all__ = [
    "MAX_FILE_BYTES",
    "Outcome",
    "analyse",
    "analyse_many",
    "conclude",
    "default_jobs",
    "run",
]

Progress = Callable[[int, int], None]

# Below this many files to read, worker processes cost more than they save
# (starting them and sending results back: tens of milliseconds).
PARALLEL_MIN = 150
# Files per worker process, at least, for another process to pay.
PER_WORKER = 75
# Entries a run that fills the cache writes at a time (it does not hold them all).
FLUSH_ENTRIES = 1000
# Entries of the files citing a checked resolution read at a time (:func:`run`).
CITING_BATCH = 64
# Checked files from which conclude gives half of them to a side process.
CONCLUDE_BESIDE = 1000


class Outcome:
    """What stage 1 gives for one file (see the module docstring).

    ``failure`` is set when the file could not be read (nothing else is).
    ``pending`` holds the file rules' findings of a file with suppression
    comments (``marked``): they are positioned and matched with the
    suppressions together with the corpus rules' findings, since a
    suppression that silences none of them is reported as unused.
    """

    __slots__ = (
        "diagnostics",
        "digest",
        "document",
        "failure",
        "marked",
        "path",
        "pending",
        "seen",
        "summary",
        "suppressed",
    )

    def __init__(
        self,
        path: str,
        summary: Summary | None = None,
        diagnostics: list[Diagnostic] | None = None,
        suppressed: list[Suppressed] | None = None,
        *,
        pending: list[tuple[Rule, Finding]] | None = None,
        marked: bool | None = False,
        digest: bytes | None = None,
        document: Document | None = None,
        failure: str | None = None,
    ) -> None:
        self.path = path
        self.summary = summary
        self.diagnostics = diagnostics or []
        self.suppressed = suppressed or []
        self.pending = pending or []
        self.marked = marked
        self.digest = digest
        self.document = document  # kept only when the file cannot be read again
        self.failure = failure
        # the file's lstat before it was read, as plain data (mode, device,
        # inode, size, modification and change times): recorded by a run that
        # did not hash the files first (see run); not part of the entry
        self.seen: tuple[int, ...] | None = None

    def encode(self) -> tuple[Any, ...]:
        """Plain data, without the path (the same content elsewhere is the same entry):
        the summary's fields read of every file, the marshal bytes of the others
        (:meth:`itures.summary.Summary.to_entry`), the suppression marker, and
        the marshal bytes of the file's own findings: a file read only for its
        citations (``light``) decodes neither."""
        head, apart = self.summary.to_entry() if self.summary is not None else (None, None)
        own = (
            [_diag(d) for d in self.diagnostics],
            [(_diag(s.diagnostic), s.reason) for s in self.suppressed],
            [(r.name, f.encode()) for r, f in self.pending],
        )
        return (head, apart, self.marked, marshal.dumps(own))

    @classmethod
    def decode(
        cls, data: Any, path: str, digest: bytes | None = None, *, light: bool = False
    ) -> Outcome:
        """The outcome of :meth:`encode` for the file at ``path``.

        ``light``: the summary, the suppression marker and the digest alone (a
        file around the checked ones, whose own findings are not reported).
        """
        head, apart, marked, own = data
        summary = None
        if head is not None:
            from itures.summary import Summary

            summary = Summary.from_entry(head, apart, path, light=light)
        if light:
            return cls(path, summary, marked=marked, digest=digest)
        diagnostics, suppressed, pending = marshal.loads(own)
        found: list[tuple[Rule, Finding]] = []
        if pending:
            from itures.rules import Finding, load_all

            registry = load_all()
            for name, encoded in pending:
                found.append((registry[name], Finding.decode(encoded)))
        hidden: list[Suppressed] = []
        if suppressed:
            from itures.rules.suppressions import Suppressed

            hidden = [Suppressed(_undiag(d, path), reason) for d, reason in suppressed]
        return cls(
            path,
            summary,
            [_undiag(d, path) for d in diagnostics],
            hidden,
            pending=found,
            marked=marked,
            digest=digest,
        )


def _diag(d: Diagnostic) -> tuple[Any, ...]:
    return (
        d.rule,
        d.severity,
        d.line,
        d.column,
        d.message,
        d.pointer,
        d.end_line,
        d.end_column,
        d.help,
        [r.to_tuple() for r in d.related] if d.related else None,
    )


def _undiag(t: Sequence[Any], path: str) -> Diagnostic:
    rule, severity, line, column, message, pointer, end_line, end_column, help_, related = t
    return Diagnostic(
        rule,
        severity,
        path,
        line,
        column,
        message,
        pointer,
        end_line,
        end_column,
        help_,
        tuple(Related(*r) for r in related) if related else (),
    )


@functools.cache
def _file_steps() -> tuple[
    Callable[[str, bytes], Document | Diagnostic],
    Callable[[Document], tuple[Resolution | None, list[Diagnostic]]],
    Callable[[str, Resolution, Any, Any, Any], Summary],
    Callable[[Summary], bytes],
]:
    """What stage 1 calls for each file: reading, validation, the summary and
    its shape. Imported on first use, not with this module (a warm run needs
    none of them), and once: an import statement in :func:`analyse` cost a
    few microseconds per file even with the module loaded."""
    from itures.rules.languages import shape
    from itures.summary import summary_of_run
    from itures.validate import validate
    from itures.yamlio.read import read_document

    return read_document, validate, summary_of_run, shape


def analyse(path: str, data: bytes, runner: Runner, *, keep: bool = False) -> Outcome:
    """Stage 1 for a file's bytes: read, validate, file rules, summary.

    ``keep`` keeps the parsed document in the outcome (for bytes that cannot
    be read again from ``path``, such as a file at a git revision).
    """
    read_document, validate, summary_of_run, shape = _file_steps()
    digest = content_hash(data)
    doc = read_document(path, data)
    if isinstance(doc, Diagnostic):
        return Outcome(path, diagnostics=[doc], digest=digest)
    resolution, diagnostics = validate(doc)
    if resolution is None:
        return Outcome(path, diagnostics=diagnostics, digest=digest)
    found, ctx = runner.file_findings(path, resolution, doc)
    from itures.rules.suppressions import may_suppress  # (imported with the rules already)

    marked = may_suppress(doc.text)
    accepted = runner.accepted(found, doc) if marked else ()
    summary = summary_of_run(path, resolution, ctx.local, found, accepted)
    shape(summary)
    kept = doc if keep else None
    if marked:  # suppression comments: finished with the corpus findings
        return Outcome(path, summary, pending=found, marked=True, digest=digest, document=kept)
    out, hidden = runner.finish(path, found, lambda: doc, marked=False)
    return Outcome(path, summary, out, hidden, digest=digest, document=kept)


def read_bytes(path: str) -> bytes | str:
    """A file's bytes, or why it is not checked (see :mod:`itures.files`)."""
    try:
        return read_file_bytes(path)
    except FileRefused as exc:
        return exc.message("not checked")


def analyse_path(path: str, runner: Runner) -> Outcome:
    try:
        data, st = read_seen(path)
    except FileRefused as exc:
        return Outcome(path, failure=exc.message("not checked"))
    outcome = analyse(path, data, runner)
    if st is not None:
        outcome.seen = (
            st.st_mode,
            st.st_dev,
            st.st_ino,
            st.st_size,
            st.st_mtime_ns,
            st.st_ctime_ns,
        )
    return outcome


def outcome_of(result: FileResult, runner: Runner) -> Outcome:
    """Stage 1 for a file already read and validated (:func:`read_file`)."""
    from itures.summary import summary_of_run

    if result.resolution is None:
        return Outcome(result.path, diagnostics=list(result.diagnostics))
    found, ctx = runner.file_findings(result.path, result.resolution, result.document)
    marked = result.marked
    if marked is None and result.document is not None:
        from itures.rules.suppressions import may_suppress

        marked = may_suppress(result.document.text)
    accepted = (
        runner.accepted(found, result.document) if marked and result.document is not None else ()
    )
    summary = summary_of_run(result.path, result.resolution, ctx.local, found, accepted)
    outcome = Outcome(result.path, summary, list(result.diagnostics), document=result.document)
    if marked is False:
        out, hidden = runner.finish(result.path, found, lambda: _document(outcome), marked=False)
        outcome.diagnostics.extend(out)
        outcome.suppressed = hidden
    else:
        outcome.pending = found
        outcome.marked = marked
    return outcome


def _document(outcome: Outcome) -> Document | None:
    """The parsed document of a file, parsed again if it was not kept.

    None when the file cannot be read or no longer has the content it was
    checked with. The findings positioned here (:meth:`Runner.finish`) need
    the text and the node tree alone, never the data: a file that still has
    the content it was checked with (its digest) is not read again as a new
    file would be (the reader's checks passed on these bytes, and the data is
    not made); its text is decoded and its tree composed when a position is
    first asked for (:attr:`Document.root`), the tree the reader had: libyaml
    gives the same nodes for the same text. About a third of a file's
    reading saved, on the hundreds of files with corpus findings.
    """
    if outcome.document is not None:
        return outcome.document
    from itures.files import content_hash
    from itures.yamlio.read import Document, YamlSyntaxError, decode, read_document

    try:
        data = read_file_bytes(outcome.path)
    except OSError:
        return None
    if outcome.digest is not None:
        if content_hash(data) != outcome.digest:
            return None
        try:
            return Document(outcome.path, decode(data), None)
        except YamlSyntaxError:  # pragma: no cover - these bytes were read as a document
            pass
    doc = read_document(outcome.path, data)
    return doc if isinstance(doc, Document) else None


def read_file(path: str) -> FileResult | str:
    """Read and validate one file; a string is an error that stops its check."""
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
    outcomes = [outcome_of(r, runner) for r in checked]
    for r in others:  # the rest is indexed, not checked: no rules to run on it
        if r.resolution is not None:
            from itures.summary import summarise

            outcomes.append(Outcome(r.path, summarise(r.path, r.resolution)))
    diagnostics, suppressed = conclude(outcomes, len(checked), config)
    return CheckResult(diagnostics, files, failures, suppressed)


# -- stage 1 in worker processes ----------------------------------------------

_WORKER: Runner | None = None


def _start_worker(config: Config) -> None:
    global _WORKER
    from itures.rules.runner import Runner

    _WORKER = Runner(config)


def _work(paths: list[str]) -> list[bytes]:
    """Stage 1 for a batch of files, in a worker process; the outcomes as marshal data."""
    assert _WORKER is not None
    out = []
    for path in paths:
        o = analyse_path(path, _WORKER)
        if o.failure is not None:
            out.append(marshal.dumps((o.failure, None, None, None)))
        else:
            # the outcome as the cache stores it, inside: kept as it is for the cache
            out.append(marshal.dumps((None, o.digest, marshal.dumps(o.encode()), o.seen)))
    return out


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def default_jobs(files: int) -> int:
    """Processes reading ``files`` files: 1 (no worker) for a few files, else
    one per available CPU, as long as each gets :data:`PER_WORKER` files."""
    if files < PARALLEL_MIN:
        return 1
    return max(1, min(available_cpus(), files // PER_WORKER))


def _mp_context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    # fork: the workers start with the modules the parent already imported
    # (the models, the rules), in milliseconds; elsewhere, spawn
    import sys

    if "fork" in methods and sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def analyse_many(
    paths: Sequence[str],
    config: Config,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    keep_data: bool = True,
    sink: Callable[[Outcome, bytes | None], None] | None = None,
) -> list[tuple[Outcome, Any]]:
    """Stage 1 for many files, in order: (outcome, its :meth:`Outcome.encode`
    data as the cache stores it (marshal bytes) when a worker encoded it and
    ``keep_data``, else None). Bytes, not decoded data: a run that fills the
    cache holds a few kilobytes per file until it writes them, not the data.
    ``sink(outcome, bytes or None)`` is given each outcome as soon as it is
    made instead (the list then has None for the data): the cache is filled
    as the run goes.

    ``jobs`` is the number of processes working (default:
    :func:`default_jobs`): this one and ``jobs - 1`` workers. Files go in
    batches: the workers take them from the front, this process from the
    back, until they meet; so no process waits while another has work left,
    and this process sends nothing to itself.
    """
    from itures.rules.runner import Runner

    total = len(paths)
    if jobs is None:
        jobs = default_jobs(total)
    jobs = max(1, min(jobs, total))
    runner = Runner(config)  # imports the rules and models: forked workers inherit them
    if jobs == 1:
        out: list[tuple[Outcome, Any]] = []
        for i, path in enumerate(paths, 1):
            one = analyse_path(path, runner)
            out.append((one, None))
            if sink is not None:
                sink(one, None)
            if progress is not None:
                progress(i, total)
        return out
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    from itures.model.prebuilt import ready

    ready()  # the models' validators, made here once: the forked workers inherit them
    size = max(1, min(32, total // (jobs * 8)))
    batches = [list(paths[i : i + size]) for i in range(0, total, size)]
    results: list[list[tuple[Outcome, Any]] | None] = [None] * len(batches)
    workers = jobs - 1
    front, back = 0, len(batches) - 1
    running: dict[Future[list[bytes]], int] = {}
    done = 0

    def collect(future: Future[list[bytes]]) -> None:
        nonlocal done
        b = running.pop(future)
        batch: list[tuple[Outcome, Any]] = []
        for path, raw in zip(batches[b], future.result(), strict=True):
            failure, digest, blob, seen = marshal.loads(raw)
            if failure is not None:
                batch.append((Outcome(path, failure=failure), None))
            else:
                decoded = Outcome.decode(marshal.loads(blob), path, digest)
                decoded.seen = seen
                if sink is not None:
                    sink(decoded, blob)
                    blob = None
                batch.append((decoded, blob if keep_data else None))
        results[b] = batch
        done += len(batch)

    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_mp_context(),
        initializer=_start_worker,
        initargs=(config,),
    ) as pool:
        while front <= back or running:
            # keep two batches queued per worker, so that none waits for this process
            while front <= back and len(running) < 2 * workers:
                running[pool.submit(_work, batches[front])] = front
                front += 1
            if front <= back:
                mine = [(analyse_path(p, runner), None) for p in batches[back]]
                if sink is not None:
                    for one, _ in mine:
                        sink(one, None)
                results[back] = mine
                done += len(batches[back])
                back -= 1
                finished = [f for f in running if f.done()]
            else:
                finished = list(wait(running, return_when=FIRST_COMPLETED).done)
            for future in finished:
                collect(future)
            if progress is not None:
                progress(done, total)
    return [item for batch in results if batch is not None for item in batch]


# -- stage 2 --------------------------------------------------------------------


# the first bytes of a remembered inbound check (:class:`Inbound`)
INBOUND_MAGIC = b"itures-inbound-1"


class Inbound:
    """The inbound check's findings (what the checked files' citations elsewhere
    say, see :func:`conclude`) remembered between runs of a cached corpus.

    A commit hook on a much-cited resolution judges again, at each commit,
    every file citing it: a thousand files read and judged, most of the
    hook's time. What the rules find there depends on the citing files (their
    path and content), on what the inbound rules read of the files holding
    the checked identities (:data:`itures.rules.references.CITED_READS`: the
    checked files' summaries as just made, the others by their content), and
    on the configuration and the code (:func:`itures.cache.fingerprint`);
    ``key(targets)`` makes a key of them all (None: one cannot be made), and
    the answer kept under it is the one the rules would give again. A change
    to a checked file that leaves what they read as it was (words corrected
    in a text, a comment) then reads no citing file; one that changes it (a
    clause added or relabelled, its history) judges them all again.
    Remembered in the cache's table of runs (:meth:`itures.cache.Cache.get_run`),
    written by :meth:`flush` with the run.
    """

    def __init__(self, cache: Cache, key: Callable[[frozenset[tuple[str, str]]], bytes | None]):
        self._cache = cache
        self._key = key
        self._keys: dict[frozenset[tuple[str, str]], bytes | None] = {}
        self._pending: list[tuple[bytes, bytes]] = []

    def recall(
        self, targets: frozenset[tuple[str, str]]
    ) -> tuple[list[Diagnostic], list[Suppressed]] | None:
        """The findings remembered for ``targets`` as the corpus stands, or None."""
        key = self._keys[targets] = self._key(targets)
        if key is None:
            return None
        stored = self._cache.get_run(key)
        if stored is None or not stored.startswith(INBOUND_MAGIC):
            return None
        from itures.rules.suppressions import Suppressed

        try:
            shown, hidden = marshal.loads(stored[len(INBOUND_MAGIC) :])
            return (
                [_undiag(d[1:], d[0]) for d in shown],
                [Suppressed(_undiag(d[1:], d[0]), reason) for d, reason in hidden],
            )
        except Exception:  # an entry that does not decode is a miss
            return None

    def remember(
        self,
        targets: frozenset[tuple[str, str]],
        diagnostics: Sequence[Diagnostic],
        suppressed: Sequence[Suppressed],
    ) -> None:
        """Keep the findings judged for ``targets`` (written by :meth:`flush`)."""
        key = self._keys.get(targets)
        if key is None:
            return
        value = marshal.dumps(
            (
                [(d.path, *_diag(d)) for d in diagnostics],
                [((s.diagnostic.path, *_diag(s.diagnostic)), s.reason) for s in suppressed],
            )
        )
        self._pending.append((key, INBOUND_MAGIC + value))

    def flush(self) -> None:
        """Write what :meth:`remember` kept."""
        for key, value in self._pending:
            self._cache.put([], (key, [value]))
        self._pending.clear()


def conclude(
    outcomes: Sequence[Outcome],
    checked: int,
    config: Config,
    *,
    index: Index | None = None,
    citing: Callable[[frozenset[tuple[str, str]]], Iterable[Outcome]] | None = None,
    memory: bool = False,
    inbound: Inbound | None = None,
) -> tuple[list[Diagnostic], list[Suppressed]]:
    """Stage 2: run the corpus rules on the first ``checked`` outcomes against
    the corpus index, position, suppress, sort.

    ``index`` defaults to an :class:`~itures.index.Index` of every outcome's
    summary; a run on a cached corpus passes a
    :class:`~itures.index.LazyIndex` instead, which reads only the summaries
    the rules ask for. The other outcomes (the corpus around the checked
    files) are not reported on, except what the checked files break in them:
    a file that cites one of the checked resolutions gets the inbound rules'
    findings about those citations (a clause cited elsewhere removed by the
    commit being checked; see :attr:`itures.rules.CorpusContext.only`).
    ``citing(targets)`` gives the outcomes of the files that cite one of the
    identities ``targets`` (default: the outcomes after the checked ones that
    do). The citations are judged as they stand, so a citation of a checked
    resolution that was already broken is reported too. ``inbound`` (a run
    with a cache) remembers those findings between runs: see
    :class:`Inbound`.

    From :data:`CONCLUDE_BESIDE` checked files on, with the index made here
    (or an ``index`` said to answer from ``memory`` alone: no database behind
    it, as in a first run, whose every summary is in memory), a side process
    does the second half of the checked files (see the comment where it
    starts); the result is the one of this process alone.
    """
    from itures.index import Index
    from itures.rules.runner import Runner, covered_by, uncovered

    # an index of this process's memory alone: a side process may share it (a
    # database connection must not be used by a forked process)
    beside = index is None or memory
    if index is None:
        index = Index()
        for o in outcomes:
            if o.summary is not None:
                index.add_summary(o.summary)
    runner = Runner(config, index)
    diagnostics: list[Diagnostic] = []
    suppressed: list[Suppressed] = []

    def finished(
        o: Outcome,
    ) -> tuple[list[Diagnostic], list[Suppressed], list[tuple[str, str]]] | None:
        """A checked file's corpus findings (and pending ones), positioned,
        suppressed, and (rule, pointer) of the file's diagnostics they cover
        (:attr:`itures.rules.Finding.covers`: one defect, one finding)."""
        if o.summary is None:
            return None
        found = runner.corpus_findings(o.summary)
        covered = covered_by(found)
        absorbed: list[Any] = []
        if o.marked is not False:
            # (a suppression of a covered finding is not unused: absorbed)
            kept, absorbed = uncovered(o.pending, covered)
            found = [*kept, *found]
        elif not found:
            return None
        shown, hidden = runner.finish(
            o.path, found, partial(_document, o), o.marked, absorbed=absorbed
        )
        return shown, hidden, [(name, pointer_from(path)) for name, path in covered]

    mine = outcomes[:checked]
    theirs: Sequence[Outcome] = ()
    started = None
    if beside and checked >= CONCLUDE_BESIDE:
        # The second half in a side process (itures.side), while this one does
        # the first: files with findings are read again (hundreds of
        # milliseconds on thousands of files). Each file's findings depend on
        # it and the index alone; they come back as the cache keeps them.
        from itures import side

        half = checked // 2
        mine, theirs = outcomes[:half], outcomes[half:checked]

        def work() -> list[Any]:
            import gc

            gc.freeze()  # collections leave the memory shared with this process alone
            out: list[Any] = []
            for o in theirs:
                got = finished(o)
                if got is None:
                    out.append(None)
                else:
                    shown, hidden, covers = got
                    out.append(
                        (
                            [_diag(d) for d in shown],
                            [(_diag(x.diagnostic), x.reason) for x in hidden],
                            covers,
                        )
                    )
            return out

        started = side.start(work)
    done = [finished(o) for o in mine]
    if theirs:
        answer = side.answer(started) if started is not None else None
        if answer is None:  # none started, or it did not answer: done here
            done.extend(finished(o) for o in theirs)
        else:
            from itures.rules.suppressions import Suppressed

            for o, got in zip(theirs, answer, strict=True):
                done.append(
                    None
                    if got is None
                    else (
                        [_undiag(d, o.path) for d in got[0]],
                        [Suppressed(_undiag(d, o.path), reason) for d, reason in got[1]],
                        [(name, pointer) for name, pointer in got[2]],
                    )
                )
    for o, positioned in zip(outcomes[:checked], done, strict=True):
        if positioned is not None and positioned[2]:
            drop = set(positioned[2])
            diagnostics.extend(d for d in o.diagnostics if (d.rule, d.pointer) not in drop)
        else:
            diagnostics.extend(o.diagnostics)
        suppressed.extend(o.suppressed)
        if positioned is not None:
            diagnostics.extend(_one_per_citation(o.diagnostics, positioned[0]))
            suppressed.extend(positioned[1])
    others = citing is not None or checked < len(outcomes)
    if others and any(r.inbound for r in runner.corpus_rules):
        from itures.rules.references import cites_any

        targets = frozenset(
            (o.summary.body, o.summary.number) for o in outcomes[:checked] if o.summary is not None
        )
        known = inbound.recall(targets) if inbound is not None else None
        if known is not None:
            diagnostics.extend(known[0])
            suppressed.extend(known[1])
        else:
            mark = len(diagnostics), len(suppressed)
            candidates = citing(targets) if citing is not None else outcomes[checked:]
            memo: dict[str, Any] = {}
            for o in candidates:
                if o.summary is None or not cites_any(o.summary, targets, memo):
                    continue
                found = runner.corpus_findings(o.summary, only=targets)
                if found:
                    out, hidden = runner.finish(
                        o.path, found, partial(_document, o), o.marked, some=True
                    )
                    diagnostics.extend(out)
                    suppressed.extend(hidden)
            if inbound is not None:
                inbound.remember(targets, diagnostics[mark[0] :], suppressed[mark[1] :])
    _sort_by_file(diagnostics, lambda d: d.path, Diagnostic.sort_key)
    _sort_by_file(suppressed, lambda s: s.diagnostic.path, lambda s: s.diagnostic.sort_key())
    return diagnostics, suppressed


def _one_per_citation(mine: list[Diagnostic], corpus: list[Diagnostic]) -> list[Diagnostic]:
    """``corpus`` (a file's corpus findings, positioned) without
    reference-unresolved's at a citation whose words and target
    reference-text says disagree among ``mine`` (the file's own, positioned
    in stage 1): one citation, one finding, as
    :func:`itures.rules.runner._one_per_citation` leaves it when the two
    are positioned together."""
    told = {(d.pointer, d.line, d.column) for d in mine if d.rule == "reference-text"}
    if not told:
        return corpus
    return [
        d
        for d in corpus
        if d.rule != "reference-unresolved" or (d.pointer, d.line, d.column) not in told
    ]


def _sort_by_file(items: list[Any], path: Callable[[Any], str], key: Callable[[Any], Any]) -> None:
    """Sort ``items`` in place as ``items.sort(key=key)`` does, for a ``key`` that
    starts with the item's ``path``: file by file, so that the sort keys of one
    file are held at a time (a million findings: 100 MB of keys at once)."""
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(path(item), []).append(item)
    items.clear()
    for name in sorted(groups):
        group = groups.pop(name)
        group.sort(key=key)
        items.extend(group)


# -- the whole run ------------------------------------------------------------------


RUN_MAGIC = b"\x00itures-run\x02"
# Findings encoded at a time into a run's entry: the encoding holds one chunk of
# plain tuples at a time, not one per finding of the run.
RUN_CHUNK = 10_000


def _encode_chunks(items: Sequence[Any], encode: Callable[[Any], Any]) -> list[bytes]:
    """The chunks of a run's entry, each compressed (zlib, its quickest level):
    the entry is encoded while the run's findings are all held, and a first run
    of 100,000 files held 94 MB of chunks then, 26 MB compressed (its peak
    memory; about 1% of the run's time)."""
    import zlib

    return [
        zlib.compress(marshal.dumps([encode(x) for x in items[start : start + RUN_CHUNK]]), 1)
        for start in range(0, len(items), RUN_CHUNK)
    ]


def _encode_run(result: CheckResult) -> list[bytes]:
    """A run's result for the cache, as the parts of one value (written one after
    the other, never joined: see :meth:`itures.cache.Cache.put`).

    The value: :data:`RUN_MAGIC`, the length of the header (4 bytes, little
    endian), the header (marshal: the number of files, of errors, and the
    length of each chunk of diagnostics and of suppressed findings), then the
    chunks, each the marshal bytes of :data:`RUN_CHUNK` findings at most,
    compressed (:func:`_encode_chunks`). :class:`Remembered` decodes them only
    when they are read.
    """
    diagnostics = _encode_chunks(result.diagnostics, lambda d: (d.path, *_diag(d)))
    suppressed = _encode_chunks(
        result.suppressed, lambda s: ((s.diagnostic.path, *_diag(s.diagnostic)), s.reason)
    )
    header = marshal.dumps(
        (
            result.files,
            result.errors,
            [len(c) for c in diagnostics],
            [len(c) for c in suppressed],
        )
    )
    return [RUN_MAGIC, len(header).to_bytes(4, "little"), header, *diagnostics, *suppressed]


class Remembered(CheckResult):
    """A run the cache answered (:func:`run`): its diagnostics are decoded when
    first read. The command line writes a report remembered with the run
    without reading them: 50,000 findings cost a quarter of a second to decode,
    more than the rest of a run that nothing changed.

    ``value`` is the run's entry as :func:`_encode_run` made it (its parts
    joined); a value of another form raises ValueError."""

    def __init__(self, value: bytes) -> None:
        if not isinstance(value, bytes) or not value.startswith(RUN_MAGIC):
            raise ValueError("not a remembered run")
        start = len(RUN_MAGIC) + 4
        size = int.from_bytes(value[len(RUN_MAGIC) : start], "little")
        try:
            files, errors, diagnostics, suppressed = marshal.loads(value[start : start + size])
            lengths = [int(n) for n in (*diagnostics, *suppressed)]
        except (EOFError, TypeError, ValueError) as exc:
            raise ValueError("not a remembered run") from exc
        if start + size + sum(lengths) != len(value):
            raise ValueError("not a remembered run")
        self.__dict__["_raw"] = (value, start + size, len(diagnostics), lengths)
        self.__dict__["_errors"] = int(errors)
        super().__init__([], int(files), [], [])

    def _load(self) -> None:
        raw = self.__dict__.pop("_raw", None)
        if raw is None:
            return
        import zlib

        value, offset, n, lengths = raw
        view = memoryview(value)
        found: list[Diagnostic] = []
        hidden: list[Suppressed] = []
        for i, length in enumerate(lengths):  # a chunk decoded at a time
            chunk = marshal.loads(zlib.decompress(view[offset : offset + length]))
            offset += length
            if i < n:
                found.extend(_undiag(d[1:], d[0]) for d in chunk)
                continue
            from itures.rules.suppressions import Suppressed

            hidden.extend(Suppressed(_undiag(d[1:], d[0]), reason) for d, reason in chunk)
        self.__dict__["diagnostics"] = found
        self.__dict__["suppressed"] = hidden

    @property
    def diagnostics(self) -> list[Diagnostic]:
        self._load()
        found: list[Diagnostic] = self.__dict__["diagnostics"]
        return found

    @diagnostics.setter
    def diagnostics(self, value: list[Diagnostic]) -> None:
        self.__dict__["diagnostics"] = value

    @property
    def suppressed(self) -> list[Suppressed]:
        self._load()
        found: list[Suppressed] = self.__dict__["suppressed"]
        return found

    @suppressed.setter
    def suppressed(self, value: list[Suppressed]) -> None:
        self.__dict__["suppressed"] = value

    @property
    def exit_code(self) -> int:
        if self.failures:
            return 2
        if "_raw" in self.__dict__:
            return 1 if self.__dict__["_errors"] else 0
        return super().exit_code


def _decode_run(data: Any) -> CheckResult:
    return Remembered(data)


def _runner_of(config: Config) -> Callable[[], Runner]:
    """A :class:`~itures.rules.runner.Runner` made when first asked for (importing
    the rules and models), the same one after."""

    @functools.cache
    def runner() -> Runner:
        from itures.rules.runner import Runner

        return Runner(config)

    return runner


def _keep(
    o: Outcome, data: bytes | None, file_fp: bytes, new: list[tuple[bytes, Any]], cache: Cache
) -> bool:
    """Add a made outcome to the entries ``new`` for the cache (written a thousand at
    a time); whether it was one to keep (read, with a digest)."""
    if o.failure is not None or o.digest is None:
        return False
    new.append((file_fp + o.digest, data if data is not None else marshal.dumps(o.encode())))
    if len(new) >= FLUSH_ENTRIES:
        cache.put_files(new)
        new.clear()
    return True


def _digests(paths: Sequence[str], given: Mapping[str, bytes], cache: Cache) -> dict[str, bytes]:
    """The content hash of each path that can be read (given bytes hashed as given)."""
    from itures.files import content_hash

    hashed = cache.hashes([p for p in paths if p not in given])
    digests = {p: h for p, h in hashed.items() if isinstance(h, bytes)}
    digests.update((p, content_hash(data)) for p, data in given.items())
    return digests


def _stage_one(
    needed: Sequence[str],
    config: Config,
    cache: Cache,
    file_fp: bytes,
    digests: Mapping[str, bytes],
    given: Mapping[str, bytes],
    store: Callable[[Outcome, bytes | None], None],
    runner: Callable[[], Runner],
    *,
    jobs: int | None,
    progress: Progress | None = None,
) -> dict[str, Outcome]:
    """Stage 1 for ``needed``: each outcome decoded from the cache, else made (the
    files on disk by :func:`analyse_many`, given bytes in this process, kept
    parsed since they cannot be read again); each one made goes to ``store``."""
    outcomes: dict[str, Outcome] = {}
    keys = {p: file_fp + digests[p] for p in needed if p in digests and p not in given}
    entries = cache.get_files(list(keys.values()))
    for path, k in keys.items():
        entry = entries.get(k)
        if entry is not None:
            try:
                outcomes[path] = Outcome.decode(entry, path, digests[path])
            except Exception:  # an entry that does not decode is a miss
                continue
    todo = [p for p in needed if p not in outcomes and p not in given]
    made = analyse_many(todo, config, jobs=jobs, progress=progress, sink=store)
    for path, (o, _) in zip(todo, made, strict=True):
        outcomes[path] = o
    for path in needed:
        if path not in outcomes and path in given:
            outcomes[path] = o = analyse(path, given[path], runner(), keep=True)
            store(o, None)
    return outcomes


def run(
    checked: Sequence[str],
    context: Sequence[str],
    config: Config,
    *,
    failures: Sequence[str] = (),
    files: int | None = None,
    cache: Cache | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    context_failures: bool = True,
    contents: Mapping[str, bytes] | None = None,
) -> CheckResult:
    """Check the files ``checked``, with the files ``context`` indexed for references.

    ``failures`` are earlier failures (paths that do not exist); ``files`` the
    number of files to report as checked (default: ``len(checked)``). The
    context files are read and indexed, not reported on; one that cannot be
    read is a failure unless ``context_failures`` is false. ``contents`` gives
    the bytes of some of the paths (a file as it was at a git revision): they
    are used instead of what the path holds on disk.

    With a cache, the context costs what the checked files touch: the cache
    keeps a card of every file (its identity and the identities it cites,
    :data:`itures.index.Card`), and the corpus rules get a
    :class:`~itures.index.LazyIndex` that decodes the summaries of the
    resolutions they ask for, and the outcomes of the files citing a checked
    one, nothing else. A context file whose card is unknown (new, changed, or
    never seen) is read as before.
    """
    from itures.files import clear_memo

    clear_memo()  # roots and resolved folders are found again for each run
    # (a file named two ways, "resolutions/..." and the same absolute, is one
    # file: checked once, and not also read as a context file)
    checked = distinct(checked)
    seen = set(checked)
    others = distinct(context, besides=checked)
    count = len(checked) if files is None else files
    failures = list(failures)
    given = dict(contents or {})
    if cache is None:
        return _run_uncached(
            checked, others, config, failures, count, jobs, progress, context_failures, given
        )

    from itures.cache import fingerprint, run_key
    from itures.index import LazyIndex, card_of

    paths = [*checked, *others]
    file_fp = fingerprint(config)
    # Nothing made with this configuration (a first run: no card): no entry to
    # find, no run to answer. The files are not hashed first, only read and
    # hashed in stage 1, their stats recorded as they are (Cache.record).
    first = not given and not cache.has_cards(file_fp)
    before = cache.racy_before()
    digests = {} if first else _digests(paths, given, cache)
    key: bytes | None = None
    if not first and not failures and len(digests) == len(paths):
        key = run_key(
            fingerprint(config, run=True),
            count,
            [(p, digests[p]) for p in checked],
            [(p, digests[p]) for p in others],
        )
        hit = cache.get_run(key)
        if hit is not None:
            try:
                answer = _decode_run(hit)
            except Exception:  # an entry that does not decode is a miss
                pass
            else:
                answer.digests = digests
                answer.key = key
                # the stats this run recorded (files no longer racy): the next
                # run then reads no file at all
                cache.put([])
                return answer
    known = cache.cards(file_fp)

    def fkey(path: str) -> bytes | None:
        digest = digests.get(path)
        return file_fp + digest if digest is not None else None

    new: list[tuple[bytes, Any]] = []

    def store(o: Outcome, data: bytes | None) -> None:
        """Keep an outcome for the cache; written a thousand at a time as the run goes
        (a run of 100,000 files does not hold their entries to the end)."""
        nonlocal key
        if first and o.digest is not None:
            digests[o.path] = o.digest
            if o.seen is not None:
                cache.record(o.path, o.seen, o.digest, before)
        if _keep(o, data, file_fp, new, cache) and digests.get(o.path) != o.digest:
            key = None  # the file changed while it was checked: not a run to remember

    a_runner = _runner_of(config)

    # the checked files, and the context files the index has no card of
    needed = [*checked, *(p for p in others if digests.get(p) not in known)]
    outcomes = _stage_one(
        needed,
        config,
        cache,
        file_fp,
        digests,
        given,
        store,
        a_runner,
        jobs=jobs,
        progress=progress,
    )
    if first and not failures and len(digests) == len(paths):
        key = run_key(
            fingerprint(config, run=True),
            count,
            [(p, digests[p]) for p in checked],
            [(p, digests[p]) for p in others],
        )

    cards: dict[str, Any] = {}
    fresh: list[tuple[bytes, Any]] = []
    for path in others:
        got = outcomes.get(path)
        if got is None:
            cards[path] = known[digests[path]]
            continue
        if got.failure is not None:
            if context_failures:
                failures.append(got.failure)
            continue
        card = card_of(got.summary) if got.summary is not None else None
        cards[path] = card
        if got.digest is not None:
            fresh.append((got.digest, card))

    def analysed(path: str) -> Outcome:
        """A context file read again: its entry left the cache."""
        if path in given:
            o = analyse(path, given[path], a_runner(), keep=True)
        else:
            o = analyse_path(path, a_runner())
        store(o, None)
        return o

    def summary(path: str) -> Summary | None:
        o = outcomes.get(path)
        if o is not None:
            return o.summary
        k = fkey(path)
        entry = cache.get_files([k]).get(k) if k is not None else None
        if entry is not None and entry[0] is not None:
            from itures.summary import Summary

            try:
                return Summary.from_entry(entry[0], entry[1], path)
            except Exception:  # an entry that does not decode is a miss
                pass
        o = outcomes[path] = analysed(path)
        return o.summary

    index = LazyIndex({p: c for p, c in cards.items() if c is not None}, summary)
    done: list[Outcome] = []
    for path in checked:
        o = outcomes[path]
        if o.failure is not None:
            failures.append(o.failure)
            continue
        done.append(o)
        if o.summary is not None:
            index.add_summary(o.summary)
            if o.digest is not None:
                fresh.append((o.digest, index.cards[path]))

    def citing(targets: frozenset[tuple[str, str]]) -> Iterator[Outcome]:
        """The files citing a checked one, as the inbound check needs them: summary,
        suppression marker, digest (their own diagnostics are not reported).

        One at a time, their entries read :data:`CITING_BATCH` at a time: a
        resolution cited by thousands of files is checked against each and
        dropped, never all of them held (the commit hook's memory)."""
        from itures.cache import decode

        paths = [p for p in index.citing(targets) if p not in seen]
        for start in range(0, len(paths), CITING_BATCH):
            batch = paths[start : start + CITING_BATCH]
            want = {
                p: k
                for p in batch
                if p not in outcomes and p not in given and (k := fkey(p)) is not None
            }
            raw = cache.get_raw(list(want.values()))
            for path in batch:
                o = outcomes.get(path)
                if o is None:
                    stored = raw.pop(want.get(path, b""), None)
                    entry = decode(stored) if stored is not None else None
                    try:
                        o = (
                            Outcome.decode(entry, path, digests[path], light=True)
                            if entry
                            else None
                        )
                    except Exception:  # an entry that does not decode is a miss
                        o = None
                    del entry
                    if o is None:
                        o = outcomes[path] = analysed(path)
                yield o
                o = None

    def inbound_key(targets: frozenset[tuple[str, str]]) -> bytes | None:
        """The key of the inbound check's findings for ``targets`` (see :class:`Inbound`)."""
        from itures.files import hasher
        from itures.rules.references import CITED_READS

        citing = [p for p in index.citing(targets) if p not in seen]
        if not citing or any(p not in digests for p in citing):
            return None  # (a check of the whole corpus: nothing cites it from outside)
        h = hasher()
        h.update(INBOUND_MAGIC + fingerprint(config, run=True))
        h.update(os.fsencode(os.getcwd()))
        for body, number in sorted(targets):
            h.update(f"\x01{body}\x00{number}\x00".encode())
            for path in index.group(body, number):
                h.update(os.fsencode(path) + b"\x00")
                o = outcomes.get(path)
                if path in seen and o is not None and o.summary is not None:
                    s = o.summary
                    h.update(repr([getattr(s, name) for name in CITED_READS]).encode())
                elif path in digests:
                    h.update(digests[path])
                else:
                    return None
        h.update(b"\x02")
        for path in citing:
            h.update(os.fsencode(path) + b"\x00" + digests[path])
        return INBOUND_MAGIC + h.digest()

    inbound = Inbound(cache, inbound_key)
    # a first run holds every outcome: its index reads no database
    diagnostics, suppressed = conclude(
        done, len(done), config, index=index, citing=citing, memory=first, inbound=inbound
    )
    inbound.flush()
    result = CheckResult(diagnostics, count, failures, suppressed)
    result.digests = dict(digests)
    result.digests.update((o.path, o.digest) for o in done if o.digest is not None)
    # the outcomes and their summaries are done with: not held while the run's
    # entry is encoded and written (a run that fills the cache of a large corpus)
    done.clear()
    outcomes.clear()
    index.clear()
    cards.clear()
    cache.add_cards(file_fp, fresh)
    cache.put(new)
    if key is not None and not failures:
        # encoded once the rest is written: its 70 MB (a million findings) are not
        # held with the encoded stat snapshot and cards
        cache.put([], (key, _encode_run(result)))
        if cache.problem is None:
            result.key = key
    return result


def _run_uncached(
    checked: list[str],
    others: list[str],
    config: Config,
    failures: list[str],
    count: int,
    jobs: int | None,
    progress: Progress | None,
    context_failures: bool,
    given: dict[str, bytes],
) -> CheckResult:
    """:func:`run` without a cache: every file read, the index holds every summary."""
    from itures.rules.runner import Runner

    paths = [p for p in (*checked, *others) if p not in given]
    read = dict(
        zip(
            paths,
            (
                o
                for o, _ in analyse_many(
                    paths, config, jobs=jobs, progress=progress, keep_data=False
                )
            ),
            strict=True,
        )
    )
    if given:
        runner = Runner(config)
        read.update((p, analyse(p, data, runner, keep=True)) for p, data in given.items())
    done: list[Outcome] = []
    n_checked = 0
    for i, o in enumerate(read[p] for p in (*checked, *others)):
        if o.failure is not None:
            if i < len(checked) or context_failures:
                failures.append(o.failure)
            continue
        done.append(o)
        n_checked += i < len(checked)
    diagnostics, suppressed = conclude(done, n_checked, config)
    result = CheckResult(diagnostics, count, failures, suppressed)
    result.digests = {o.path: o.digest for o in done if o.digest is not None}
    return result


def _file_key(fp: bytes, digest: bytes) -> bytes:
    return fp + digest


def cards(
    paths: Sequence[str],
    config: Config,
    cache: Cache,
    *,
    contents: Mapping[str, bytes] | None = None,
    jobs: int | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """The :data:`~itures.index.Card` of each file (None for a file that is not a
    valid resolution), and the files that could not be read.

    Cards come from the cache; a file without one is read (decoded from its
    cached outcome, else checked) and its card and outcome are stored, so
    that a :func:`run` after this one finds them. ``contents`` gives the
    bytes of some paths, as for :func:`run`.
    """
    from itures.cache import fingerprint
    from itures.index import card_of

    given = dict(contents or {})
    digests = _digests(paths, given, cache)
    file_fp = fingerprint(config)
    known = cache.cards(file_fp)
    out: dict[str, Any] = {}
    missing = [p for p in paths if digests.get(p) not in known]
    out.update((p, known[digests[p]]) for p in paths if digests.get(p) in known)
    new: list[tuple[bytes, Any]] = []

    def store(o: Outcome, data: bytes | None) -> None:
        _keep(o, data, file_fp, new, cache)

    outcomes = _stage_one(
        missing, config, cache, file_fp, digests, given, store, _runner_of(config), jobs=jobs
    )
    failures: list[str] = []
    fresh: list[tuple[bytes, Any]] = []
    for path in missing:
        o = outcomes[path]
        if o.failure is not None:
            failures.append(o.failure)
            continue
        card = out[path] = card_of(o.summary) if o.summary is not None else None
        if o.digest is not None:
            fresh.append((o.digest, card))
    cache.add_cards(file_fp, fresh)
    cache.put(new)
    return out, failures
