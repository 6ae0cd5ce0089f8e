"""The catalogue of bad input: every case gives a positioned diagnostic or a clear error.

Each case is a file written into the test's temporary directory and the exact
outcome of ``itures check --format json FILE``: the diagnostics (rule, line,
column, a fragment of the message), the exit status, and for files that cannot
be checked at all the error. The command runs in this process, so a traceback
fails the test. :func:`test_one_directory_of_every_bad_file` then checks all
of them at once with a good file among them, in a separate process, to show
that no bad file stops the run for the others.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from itures.cli import main
from itures.yamlio.read import YamlSyntaxError, parse_text

# A small valid resolution; line numbers below refer to it. (Its text names
# "la Résolution 1234" in plain words, a citation whose body no word tells:
# reference-unmarked's warning is suppressed on its line.)
MINIMAL = """\
body: wtdc
number: '59'
language: fr
title: Renforcer la coordination
history:
  - event: revised
    place: Dubaï
    year: 2014
preamble:
  - verb: recalling
    heading: rappelant
    items:
      - label: a)
        text: la Résolution 1234,  # itures: ignore[reference-unmarked] reason: a fixture
operative:
  - verb: resolves
    heading: décide
    clauses:
      - label: '1'
        text: d'inviter le GCDT.
"""

TAB = "tab character: YAML does not allow tabs for indentation"
ANCHORS = "anchors (&name) are not allowed; write the content out"


def variant(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


@dataclass(frozen=True)
class Case:
    """One bad input and what ``itures check`` must say about it."""

    content: bytes | Callable[[Path], None]
    # (rule, line, column, message fragment), in report order
    diagnostics: tuple[tuple[str, int, int, str], ...] = ()
    exit_code: int = 1
    failure: str | None = None  # fragment of the error for a file not checked
    name: str = field(default="case.yaml")
    # the error when the file is found by walking a directory, if different
    walk_failure: str | None = None


def text(s: str) -> bytes:
    return s.encode("utf-8")


def one(rule: str, line: int, column: int, fragment: str) -> tuple[tuple[str, int, int, str]]:
    return ((rule, line, column, fragment),)


def _symlink_loop(directory: Path) -> None:
    (directory / "loop-a.yaml").symlink_to("loop-b.yaml")
    (directory / "loop-b.yaml").symlink_to("loop-a.yaml")


def _huge_file(directory: Path) -> None:
    item = "      - label: a)\n        text: some words of text, as many as a paragraph has.\n"
    with open(directory / "case.yaml", "w", encoding="utf-8") as fh:
        fh.write(MINIMAL)
        fh.write(item * (50_000_000 // len(item) + 1))


CASES: dict[str, Case] = {
    # -- nothing there
    "empty file": Case(b"", one("schema", 1, 1, "the file is empty")),
    "only a comment": Case(b"# nothing yet\n", one("schema", 1, 1, "the file is empty")),
    "only blank lines": Case(b"\n\n   \n", one("schema", 1, 1, "the file is empty")),
    "a null document": Case(b"~\n", one("schema", 1, 1, "the document is null (~)")),
    # -- not UTF-8 text
    "binary (PNG header)": Case(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        one("yaml-syntax", 1, 1, "invalid UTF-8 (byte 0x89)"),
    ),
    "invalid UTF-8 (Latin-1 é)": Case(
        variant("place: Dubaï", "place: Duba\udcef").encode("utf-8", "surrogateescape"),
        one("yaml-syntax", 7, 16, "invalid UTF-8 (byte 0xef)"),
    ),
    "UTF-8 cut in the middle of a character": Case(
        text(MINIMAL)[:-3] + b"\xc3", one("yaml-syntax", 20, 31, "invalid UTF-8 (byte 0xc3)")
    ),
    "UTF-16 LE with BOM": Case(
        MINIMAL.encode("utf-16"), one("yaml-syntax", 1, 1, "the file is UTF-16; save it as UTF-8")
    ),
    "UTF-16 BE with BOM": Case(
        b"\xfe\xff" + MINIMAL.encode("utf-16-be"), one("yaml-syntax", 1, 1, "the file is UTF-16")
    ),
    "UTF-32 with BOM": Case(
        MINIMAL.encode("utf-32"), one("yaml-syntax", 1, 1, "the file is UTF-32; save it as UTF-8")
    ),
    "UTF-16 without BOM": Case(
        MINIMAL.encode("utf-16-le"), one("yaml-syntax", 1, 2, "NUL character: this is not UTF-8")
    ),
    "NUL byte in a text": Case(
        text(variant("text: la Résolution", "text: la R\x00ésolution")),
        one("yaml-syntax", 14, 19, "NUL character"),
    ),
    "control character (BEL)": Case(
        text(variant("heading: rappelant", "heading: rappe\x07lant")),
        one("yaml-syntax", 11, 19, "control character U+0007 is not allowed"),
    ),
    "a line separator (U+2028) in a text": Case(
        text(variant("la Résolution 123", "la Résolution\u2028123")),
        one("yaml-syntax", 14, 28, "line separator (U+2028): YAML tools disagree"),
    ),
    "a next-line character (U+0085) in a text": Case(
        text(variant("la Résolution 123", "la Résolution\x85123")),
        one("yaml-syntax", 14, 28, "next-line character (NEL, U+0085)"),
    ),
    # -- line ends and byte order marks: read as they are, positions as editors show them
    "CRLF line ends, an error on line 2": Case(
        text(variant("number: '59'", "number: 59").replace("\n", "\r\n")),
        one("schema", 2, 9, "'number' must be a string, not an integer; quote it: \"59\""),
    ),
    "CR-only line ends, an error on line 2": Case(
        text(variant("number: '59'", "number: 59").replace("\n", "\r")),
        one("schema", 2, 9, "'number' must be a string"),
    ),
    "BOM + UTF-8, an error on line 2": Case(
        b"\xef\xbb\xbf" + text(variant("number: '59'", "number: 59")),
        one("schema", 2, 9, "'number' must be a string"),
    ),
    # -- size and depth
    "a 50 MB file": Case(
        _huge_file, exit_code=2, failure="not checked: 50.0 MB, more than the 10 MB"
    ),
    "a line of 1 MB": Case(
        text(
            variant(
                "text: la Résolution 1234,  # itures: ignore[reference-unmarked] reason: a fixture",
                "text: " + "mot " * 249_999 + "mot,",
            )
        ),
        # one word 250,000 times: one finding, found in one pass
        one("word-duplicate", 14, 15, "the word 'mot' 250000 times in a row"),
        exit_code=0,
    ),
    "10,000-deep flow nesting": Case(
        text("a: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        one("yaml-syntax", 1, 1003, "exceeded maximum nesting depth"),
    ),
    "10,000-deep block nesting (compact)": Case(
        text("- " * 10_000 + "x\n"), one("yaml-syntax", 1, 1999, "exceeded maximum nesting depth")
    ),
    "1,100-deep block nesting (indented)": Case(
        text("".join(" " * i + "k:\n" for i in range(1_100))),
        one("yaml-syntax", 1000, 1001, "exceeded maximum nesting depth"),
    ),
    "150-deep nesting (under libyaml's limit)": Case(
        text("a: " + "[" * 150 + "]" * 150 + "\n"),
        one("yaml-syntax", 1, 103, "nested more than 100 levels deep"),
    ),
    # -- YAML the format refuses
    "alias bomb (billion laughs)": Case(
        text(
            'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
            + "".join(
                f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
                for p, c in zip("abcdefgh", "bcdefghi", strict=True)
            )
        ),
        one("yaml-syntax", 1, 4, ANCHORS),
    ),
    "alias of an undefined anchor": Case(
        text(variant("title: Renforcer la coordination", "title: *t")),
        one("yaml-syntax", 4, 8, "aliases (*name) are not allowed"),
    ),
    "merge key": Case(
        text("defaults: &d {place: Dubaï}\n" + MINIMAL + "extra:\n  <<: *d\n"),
        one("yaml-syntax", 1, 11, ANCHORS),
    ),
    "duplicate key at the top": Case(
        text(MINIMAL + "body: pp\n"), one("yaml-syntax", 21, 1, "duplicate key 'body'")
    ),
    "duplicate key in a history entry": Case(
        text(variant("    year: 2014\n", "    year: 2014\n    year: 2015\n")),
        one("yaml-syntax", 9, 5, "duplicate key 'year'"),
    ),
    "tab as indentation": Case(
        text(variant("    place: Dubaï", "\tplace: Dubaï")), one("yaml-syntax", 7, 1, TAB)
    ),
    "tab inside a text": Case(
        text(variant("la Résolution 123", "la Résolution\t123")), one("yaml-syntax", 14, 28, TAB)
    ),
    "several documents in one file": Case(
        text(MINIMAL + "---\n" + MINIMAL),
        one("yaml-syntax", 21, 1, "several YAML documents in one file"),
    ),
    "a core tag that is not allowed": Case(
        text(variant("title: Renforcer la coordination", "title: !!binary aGk=")),
        one("yaml-syntax", 4, 8, "tag 'tag:yaml.org,2002:binary' is not allowed"),
    ),
    "a custom tag on the document": Case(
        text("!resolution\n" + MINIMAL),
        one("yaml-syntax", 1, 1, "tag '!resolution' is not allowed"),
    ),
    "a tagged value that is not of its type": Case(
        text(variant("year: 2014", "year: !!int twenty")),
        one("yaml-syntax", 8, 11, "'twenty' is not a valid int"),
    ),
    "a non-string key (a list)": Case(
        text("? [a, b]\n: x\n" + MINIMAL),
        one("yaml-syntax", 1, 3, "mapping keys must be plain strings"),
    ),
    "a huge integer": Case(
        text(variant("year: 2014", "year: 1" + "0" * 10_000)),
        one("yaml-syntax", 8, 11, "integer too large (more than 1,000 digits)"),
    ),
    "a huge hexadecimal integer": Case(
        text(variant("year: 2014", "year: 0x" + "f" * 5_000)),
        one("yaml-syntax", 8, 11, "integer too large"),
    ),
    "a character that cannot start a token": Case(
        text(variant("title: Renforcer", "title: @Renforcer")),
        one("yaml-syntax", 4, 8, "the text of 'title' starts with '@', which YAML reserves"),
    ),
    "an unclosed quote": Case(
        text(variant("title: Renforcer la coordination", "title: 'Renforcer la coordination")),
        one("yaml-syntax", 4, 8, "the quote (') that opens this text is not closed on its line"),
    ),
    # -- YAML, but not the shape of a resolution
    "a document that is a scalar": Case(
        b"just a sentence\n", one("schema", 1, 1, "must be a mapping of keys, not a string")
    ),
    "a document that is a list": Case(
        text("- " + MINIMAL.replace("\n", "\n  ")),
        one("schema", 1, 1, "must be a mapping of keys, not a list"),
    ),
    "a list where a mapping belongs": Case(
        text(variant("  - event: revised\n    place: Dubaï\n    year: 2014\n", "  - 2014\n")),
        one(
            "schema", 6, 5, "'history entry 1' must be a mapping (key: value lines), not an integer"
        ),
    ),
    "a mapping where a list belongs": Case(
        text(
            variant(
                "  - event: revised\n    place: Dubaï\n    year: 2014\n",
                "  event: revised\n  place: Dubaï\n  year: 2014\n",
            )
        ),
        one("schema", 6, 3, "'history' must be a list (lines starting with '- '), not a mapping"),
    ),
    "a number as a string (year)": Case(
        text(variant("year: 2014", "year: '2014'")),
        one("schema", 8, 11, "'year' must be an integer such as 2017, not a string '2014'"),
    ),
    "a string as a number (number)": Case(
        text(variant("number: '59'", "number: 59")),
        one("schema", 2, 9, "'number' must be a string, not an integer; quote it: \"59\""),
    ),
    "a string as a number (label 1)": Case(
        text(variant("label: '1'", "label: 1")),
        one("schema", 19, 16, "'label' must be a string, not an integer; quote it: \"1\""),
    ),
    "a string as a number (label 1.1)": Case(
        text(variant("label: '1'", "label: 1.1")),
        one("schema", 19, 16, "'label' must be a string, not a number; quote it: \"1.1\""),
    ),
    "a string as a number (label 1.10: quoted as written, its 0 kept)": Case(
        text(variant("label: '1'", "label: 1.10")),
        one("schema", 19, 16, "'label' must be a string, not a number; quote it: \"1.10\""),
    ),
    "a string as a number (number 1e3: quoted as written)": Case(
        text(variant("number: '59'", "number: 1e3")),
        one("schema", 2, 9, "'number' must be a string, not a number; quote it: \"1e3\""),
    ),
    "a string as a boolean (label true)": Case(
        text(variant("label: a)", "label: true")),
        one("schema", 13, 16, "'label' must be a string, not a boolean"),
    ),
    "a number too large for a year": Case(
        text(variant("year: 2014", "year: 1e999")),
        one("schema", 8, 11, "'year' must be an integer such as 2017, not a number inf"),
    ),
    "'no' is a string in YAML 1.2": Case(
        text(variant("language: fr", "language: no")),
        one("schema", 3, 11, "'language' is 'no'; expected one of"),
    ),
    "a required key left empty": Case(
        text(variant("title: Renforcer la coordination", "title:")),
        one("schema", 4, 7, "'title' must be a string, not empty (null)"),
    ),
    "an empty history": Case(
        text(
            variant(
                "history:\n  - event: revised\n    place: Dubaï\n    year: 2014\n", "history: []\n"
            )
        ),
        one("schema", 5, 10, "'history' must have at least one entry"),
    ),
    "a misspelt key": Case(
        text(variant("title:", "titel:")),
        one("schema", 4, 1, "unknown key 'titel'; did you mean 'title'?"),
    ),
    "a key with a square bracket": Case(
        text(variant("body:", "b[ody:")),
        one("schema", 1, 1, "unknown key 'b[ody'; did you mean 'body'?"),
    ),
    "an integer key": Case(text("1: x\n" + MINIMAL), one("schema", 1, 1, "unknown key '1'")),
    "Cyrillic look-alike in the body": Case(
        text(variant("body: wtdc", "body: wtdс")),  # the last letter is Cyrillic es
        one(
            "schema",
            1,
            7,
            "'wtdс' ('body') contains U+0441 CYRILLIC SMALL LETTER ES, which looks like Latin c "
            "but is another character",
        ),
    ),
    # labels are free text for the schema: the lookalike rule names the letter
    "Cyrillic look-alike in a label": Case(
        text(variant("label: a)", "label: а)")),
        one(
            "lookalike",
            13,
            16,
            "label 'а)' contains U+0430 CYRILLIC SMALL LETTER A, which looks like Latin a but "
            "is another character; the labels of this list are in Latin letters",
        ),
    ),
    # -- files that cannot be read
    "a path that does not exist": Case(
        lambda d: None, exit_code=2, failure="no such file or directory"
    ),
    "a symbolic link loop": Case(
        _symlink_loop,
        exit_code=2,
        failure="broken symbolic link (its target is missing or loops)",
        name="loop-a.yaml",
        walk_failure="cannot read: Too many levels of symbolic links",
    ),
    "a broken symbolic link": Case(
        lambda d: (d / "case.yaml").symlink_to("gone.yaml"),
        exit_code=2,
        failure="broken symbolic link",
        walk_failure="cannot read: No such file or directory",
    ),
}


def run_check(*args: str) -> tuple[int, dict[str, Any]]:
    """``itures check --format json ARGS`` in this process: exit status and report."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--format", "json", *args])
    return code, json.loads(out.getvalue())


@pytest.fixture(autouse=True)
def _no_big_files_left(tmp_path: Path) -> Iterator[None]:
    """pytest keeps recent temporary directories: do not keep 50 MB in them."""
    yield
    for p in tmp_path.rglob("*"):
        if p.is_file() and not p.is_symlink() and p.stat().st_size > 1_000_000:
            p.unlink()


def materialize(case: Case, directory: Path) -> Path:
    if callable(case.content):
        case.content(directory)
    else:
        (directory / case.name).write_bytes(case.content)
    return directory / case.name


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    path = materialize(case, tmp_path)
    code, report = run_check(str(path))
    found = [(d["rule"], d["line"], d["column"], d["message"]) for d in report["diagnostics"]]
    assert len(found) == len(case.diagnostics), found
    for (rule, line, column, message), expected in zip(found, case.diagnostics, strict=True):
        assert (rule, line, column) == expected[:3], (found, expected)
        assert expected[3] in message, (message, expected[3])
        assert all(d["path"] == str(path) for d in report["diagnostics"])
    assert code == case.exit_code
    if case.failure is None:
        assert report["summary"]["failures"] == []
    else:
        [failure] = report["summary"]["failures"]
        assert failure.startswith(f"{path}: ") and case.failure in failure, failure


def test_the_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.replace("\n", "\r\n").encode(),
        lambda s: s.replace("\n", "\r").encode(),
        lambda s: b"\xef\xbb\xbf" + s.encode(),
    ],
    ids=["CRLF", "CR", "BOM"],
)
@pytest.mark.parametrize(
    "source",
    [
        MINIMAL,
        variant("label: '1'", "label: 1"),
        variant("text: la Résolution 1234,", "text: [x](PP)"),
    ],
    ids=["valid", "schema error", "markup error"],
)
def test_line_ends_and_bom_change_nothing(
    encode: Callable[[str], bytes], source: str, tmp_path: Path
) -> None:
    """The same diagnostics, at the same positions, as the plain LF UTF-8 file."""
    plain, other = tmp_path / "plain.yaml", tmp_path / "other.yaml"
    plain.write_bytes(source.encode())
    other.write_bytes(encode(source))
    code_plain, report_plain = run_check(str(plain))
    code_other, report_other = run_check(str(other))
    assert code_plain == code_other
    strip = [{k: v for k, v in d.items() if k != "path"} for d in report_plain["diagnostics"]]
    assert strip == [
        {k: v for k, v in d.items() if k != "path"} for d in report_other["diagnostics"]
    ]


def run_check_unprivileged(*args: str) -> tuple[int, dict[str, Any]]:
    """``run_check``, where file permissions hold even for root.

    As root, the check runs in a process without the capabilities that let
    root read any file (util-linux ``setpriv``), so that permissions apply.
    """
    if os.geteuid() != 0:
        return run_check(*args)
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions are not enforced")
    proc = subprocess.run(
        [
            setpriv,
            "--bounding-set",
            "-dac_override,-dac_read_search",
            sys.executable,
            "-m",
            "itures",
            "check",
            "--format",
            "json",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(MINIMAL)
    path.chmod(0)
    try:
        code, report = run_check_unprivileged(str(path))
    finally:
        path.chmod(0o644)
    assert code == 2
    assert report["summary"]["failures"] == [f"{path}: cannot read: Permission denied"]


def test_an_unreadable_directory(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "case.yaml").write_text(MINIMAL)
    (tmp_path / "good.yaml").write_text(MINIMAL)
    (tmp_path / "locked").chmod(0)
    try:
        code, report = run_check_unprivileged(str(tmp_path))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert code == 2
    assert report["summary"]["files"] == 1
    assert report["summary"]["failures"] == [
        f"{tmp_path / 'locked'}: cannot read: Permission denied"
    ]


def test_a_directory_link_loop_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "wtdc").mkdir()
    (tmp_path / "wtdc" / "fr.yaml").write_text(MINIMAL)
    (tmp_path / "wtdc" / "up").symlink_to("..")  # wtdc/up/wtdc/up/... forever
    (tmp_path / "self").symlink_to(".")
    code, report = run_check(str(tmp_path))
    assert (code, report["summary"]["files"], report["diagnostics"]) == (0, 1, [])


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """Printed with an escape, not a traceback, even when stdout is strict UTF-8."""
    name = os.fsencode(tmp_path) + b"/bad\xe9.yaml"
    with open(name, "wb") as fh:
        fh.write(b"body: [\n")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "itures", "check", str(tmp_path)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert done.stdout.startswith(
        os.fsencode(tmp_path) + b"/bad\\udce9.yaml:2:1: error[yaml-syntax]:"
    )


def test_a_lone_surrogate_given_to_the_library() -> None:
    """Text that no file can hold (a str from a program) is refused, not crashed on."""
    with pytest.raises(YamlSyntaxError, match="lone surrogate") as info:
        parse_text("title: a\ud800b\n")
    assert (info.value.line, info.value.column) == (1, 9)


def test_one_directory_of_every_bad_file(tmp_path: Path) -> None:
    """All the bad files at once, and a good one: every one reported, none stops the run."""
    expected_paths: dict[str, str] = {}
    for i, (name, case) in enumerate(CASES.items()):
        sub = tmp_path / f"case{i:02d}"
        sub.mkdir()
        path = materialize(case, sub)
        expected_paths[name] = str(path)
    good = tmp_path / "good" / "fr.yaml"
    good.parent.mkdir()
    good.write_text(MINIMAL)
    # the valid files among them all say wtdc 59 fr: identity-duplicate would report
    # each of them (that rule is shown in tests/test_identity.py)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "itures",
            "check",
            "--format",
            "json",
            "--ignore",
            "identity-duplicate",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 2  # some files could not be checked
    report = json.loads(done.stdout)
    by_path: dict[str, list[tuple[str, int, int]]] = {}
    for d in report["diagnostics"]:
        by_path.setdefault(d["path"], []).append((d["rule"], d["line"], d["column"]))
    failures = report["summary"]["failures"]
    for name, case in CASES.items():
        path = expected_paths[name]
        if case.failure is not None:
            if name == "a path that does not exist":
                continue  # in a directory walk, a file that is not there is not there
            fragment = case.walk_failure or case.failure
            assert any(f.startswith(path) and fragment in f for f in failures), (name, failures)
        else:
            assert by_path.get(path, []) == [d[:3] for d in case.diagnostics], name
    assert str(good) not in by_path


@pytest.mark.parametrize(
    ("data", "message", "column"),
    [
        # half of an emoji (U+D83D, the first of its surrogates) written as UTF-8
        (b"title: a\xed\xa0\xbdb\n", "half of a character (U+D83D,", 9),
        # "\xed\xa1" before a byte that continues nothing: no surrogate, invalid
        # UTF-8 (a fuzzing run found this crashed the reader)
        (b"Y\xed\xa1\xd3\xee", "invalid UTF-8 (byte 0xed)", 2),
        (b"title: \xed\xbf", "invalid UTF-8 (byte 0xed)", 8),
    ],
)
def test_a_surrogate_or_its_look_alike_in_utf8_is_a_syntax_error(
    data: bytes, message: str, column: int
) -> None:
    from itures.yamlio.read import decode

    with pytest.raises(YamlSyntaxError) as info:
        decode(data)
    assert str(info.value).startswith(message)
    assert (info.value.line, info.value.column) == (1, column)
