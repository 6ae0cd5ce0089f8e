"""The catalogue of hostile input: files written to make itures do harm.

A corpus takes pull requests from many delegations; its files are untrusted
input to ``check``, ``render`` and ``import`` in CI and on editors' machines.
Each case gives the exact diagnostic and exit status, and shows that nothing
is written where it must not be.

Identity (issue 11, case 1): body, number and language name the folders a
resolution is written to (``<body>/<number>/<language>.<ext>``). The schema
and the model refuse any value that could climb out of a folder, and every
writer resolves its final path and refuses one outside its output directory
(:mod:`itures.paths`).
"""

from __future__ import annotations

import contextlib
import doctest
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures import paths
from itures.cli import main
from itures.importers import ImportFailure
from itures.importers import plan as import_plan
from itures.importers.build import Imported
from itures.model.resolution import NUMBER_PATTERN, Resolution
from itures.render import RenderError
from itures.render import plan as render_plan
from tests.conftest import ROOT
from tests.importers.aknfixtures import ATTACHED
from tests.test_bad_input import MINIMAL, variant

NUMBER_WORDS = (
    "a number is letters and digits, with '.', '-' or a single '/' between them "
    "(59, 6-2, 70/1); it names the file's folder, so '..', spaces, backslashes and a "
    "'/', '.' or '-' at either end cannot be part of it"
)
BODY_WORDS = "bodies are written in lower case (letters, digits and hyphens), e.g. 'wtdc'"
LANGUAGES = "expected one of 'ar', 'zh', 'en', 'fr', 'ru' or 'es'"
LINE_BREAK = (
    "ends with a space or line break; write the value on the key's line "
    "(a block introduced by | or > keeps its line break)"
)


def run(*argv: str) -> tuple[int, str, str]:
    """``itures ARGV`` in this process (a traceback fails the test)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


# (replacement of a line of MINIMAL, line, column, exact message)
IDENTITY: dict[str, tuple[str, str, int, int, str]] = {
    "number climbing out of the folder": (
        "number: '59'",
        "number: 1/../../../../elsewhere",
        2,
        9,
        f"'1/../../../../elsewhere' is not a resolution number: {NUMBER_WORDS}",
    ),
    "number that is '..'": (
        "number: '59'",
        "number: '..'",
        2,
        9,
        f"'..' is not a resolution number: {NUMBER_WORDS}",
    ),
    "number that is '.'": (
        "number: '59'",
        "number: '.'",
        2,
        9,
        f"'.' is not a resolution number: {NUMBER_WORDS}",
    ),
    "number as an absolute path": (
        "number: '59'",
        "number: /etc/passwd",
        2,
        9,
        f"'/etc/passwd' is not a resolution number: {NUMBER_WORDS}",
    ),
    "number with a backslash": (
        "number: '59'",
        r"number: '..\..\x'",
        2,
        9,
        f"'..\\\\..\\\\x' is not a resolution number: {NUMBER_WORDS}",
    ),
    "number with an empty segment": (
        "number: '59'",
        "number: 5//9",
        2,
        9,
        f"'5//9' is not a resolution number: {NUMBER_WORDS}",
    ),
    "number ending with a slash": (
        "number: '59'",
        "number: 59/",
        2,
        9,
        f"'59/' is not a resolution number: {NUMBER_WORDS}",
    ),
    "number with a tab (escape)": (
        "number: '59'",
        'number: "5\\t9"',
        2,
        9,
        f"'5\\t9' is not a resolution number: {NUMBER_WORDS}",
    ),
    "number with an escape character": (
        "number: '59'",
        'number: "59\\e"',
        2,
        9,
        f"'59\\x1b' is not a resolution number: {NUMBER_WORDS}",
    ),
    "number with a final line break": (
        "number: '59'",
        'number: "59\\n"',
        2,
        9,
        f"'59\\n' {LINE_BREAK}",
    ),
    "number as a literal block": (
        "number: '59'",
        "number: |\n  59",
        2,
        9,
        f"'59\\n' {LINE_BREAK}",
    ),
    "number too long for a folder name": (
        "number: '59'",
        f"number: '{'9' * 41}'",
        2,
        9,
        "'number': String should have at most 40 characters",
    ),
    "body climbing out": (
        "body: wtdc",
        "body: ../../x",
        1,
        7,
        f"'../../x' is not an issuing body: {BODY_WORDS}",
    ),
    "body as an absolute path": (
        "body: wtdc",
        "body: /tmp",
        1,
        7,
        f"'/tmp' is not an issuing body: {BODY_WORDS}",
    ),
    "language climbing out": (
        "language: fr",
        "language: ../fr",
        3,
        11,
        f"'language' is '../fr'; {LANGUAGES}",
    ),
}


@pytest.mark.parametrize("name", list(IDENTITY))
def test_identity_that_cannot_name_a_folder(name: str, tmp_path: Path) -> None:
    old, new, line, column, message = IDENTITY[name]
    path = tmp_path / "case.yaml"
    path.write_text(variant(old, new), encoding="utf-8")
    code, stdout, _ = run("check", "--format", "json", str(path))
    report = json.loads(stdout)
    found = [(d["rule"], d["line"], d["column"], d["message"]) for d in report["diagnostics"]]
    assert found == [("schema", line, column, message)]
    assert code == 1


def test_render_writes_nothing_outside_for_a_climbing_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "a" / "b" / "c"
    work.mkdir(parents=True)
    (work / "out").mkdir()
    (work / "h.yaml").write_text(
        variant("number: '59'", "number: 1/../../../../elsewhere"), encoding="utf-8"
    )
    monkeypatch.chdir(work)
    code, stdout, err = run("render", "--to", "html", "-o", "out/", "h.yaml")
    assert code == 1
    assert stdout == ""
    assert err == (
        f"h.yaml:2:9: schema: '1/../../../../elsewhere' is not a resolution number: {NUMBER_WORDS}\n"
        "1 file not rendered: not valid resolutions\n"
    )
    assert tree(tmp_path) == ["a", "a/b", "a/b/c", "a/b/c/h.yaml", "a/b/c/out"]


def _valid(tmp: Path) -> Path:
    path = tmp / "ok.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


def test_render_refuses_a_link_in_the_output_directory_that_leads_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "wtdc").symlink_to("../elsewhere")
    _valid(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, stdout, err = run("render", "--to", "html", "-o", "out/", "ok.yaml")
    assert code == 2
    assert stdout == ""
    target = os.path.join("out/", "wtdc", "59", "fr.html")
    real = os.path.realpath(tmp_path / "elsewhere" / "59" / "fr.html")
    assert err == (
        f"itures render: ok.yaml: {target} leads outside the output directory out/ "
        f"(to {real}): refusing to write it; nothing written\n"
    )
    assert tree(tmp_path / "elsewhere") == []


def test_render_into_a_directory_still_writes_inside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _valid(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, _, err = run("render", "--to", "txt", "-o", "out/", "ok.yaml")
    assert code == 0, err
    assert tree(tmp_path / "out") == [
        "wtdc",
        "wtdc/59",
        "wtdc/59/.itures-rendered",
        "wtdc/59/fr.txt",
    ]


def test_import_refuses_a_link_in_the_output_directory_that_leads_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "r.akn.xml"
    source.write_text(ATTACHED, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "pp").symlink_to("../elsewhere")
    monkeypatch.chdir(tmp_path)
    code, stdout, err = run("import", "r.akn.xml", "-o", "out")
    assert code == 2
    assert stdout == ""
    real = os.path.realpath(tmp_path / "elsewhere")
    assert re.fullmatch(
        rf"itures import: r\.akn\.xml: out/pp/(\w+)/en\.yaml leads outside the output "
        rf"directory out \(to {re.escape(real)}/\1/en\.yaml\): refusing to write it; "
        r"nothing written\n",
        err,
    ), err
    assert tree(tmp_path / "elsewhere") == []


# -- the writers' own guard, for whatever the model might miss ----------------------


def _forged(**fields: str) -> Resolution:
    """A resolution that bypasses validation (as a library user could build one)."""
    good = Resolution.model_validate(
        {
            "body": "wtdc",
            "number": "59",
            "language": "fr",
            "title": "T",
            "history": [{"event": "adopted", "place": "Doha", "year": 2006}],
        }
    )
    return good.model_copy(update=fields)


FORGED = [
    {"body": "..", "number": ".."},
    {"language": "../../../x"},
    {"body": "..", "number": "..", "language": "x"},
]


@pytest.mark.parametrize("fields", FORGED)
def test_render_plan_refuses_a_forged_identity(fields: dict[str, str], tmp_path: Path) -> None:
    """A "/" in a number is already harmless (it becomes "_"); ".." alone is not."""
    out = str(tmp_path / "out")
    forged = _forged(**fields)
    with pytest.raises(RenderError, match=r"^src\.yaml: .* leads outside the output directory"):
        render_plan([("src.yaml", forged)], "html", out + "/")
    assert not (tmp_path / "out").exists()


def test_import_plan_refuses_a_forged_identity(tmp_path: Path) -> None:
    imported = Imported(_forged(body="..", number=".."), source="in.xml")
    with pytest.raises(ImportFailure, match=r"^in\.xml: .* leads outside the output directory"):
        import_plan([imported, imported], str(tmp_path))


# -- the folder of a number -------------------------------------------------------------

_ALPHABET = "09aZ./-_\\ \t\n\x00\x1b:~%é"


@given(st.text(_ALPHABET, max_size=12))
def test_a_number_the_model_accepts_always_names_one_folder_inside(number: str) -> None:
    """The law: every accepted number gives one path component that stays in the
    output directory, and distinct numbers give distinct folders."""
    if re.search(NUMBER_PATTERN, number) is None:
        return
    folder = paths.folder_name(number)
    assert "/" not in folder and "\\" not in folder and folder not in (".", "..")
    assert paths.inside("out", paths.identity_path("wtdc", number, "fr", ".html"))
    assert folder.replace("_", "/") == number  # one to one: the number reads back


def test_un_numbers_keep_their_slash_in_the_document_not_in_the_folder(tmp_path: Path) -> None:
    data = {
        "body": "unga",
        "number": "70/1",
        "language": "en",
        "title": "Transforming our world",
        "history": [{"event": "adopted", "place": "New York", "year": 2015}],
    }
    schema = json.loads((ROOT / "schema" / "resolution.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    res = Resolution.model_validate(data)
    [target] = render_plan([("s.yaml", res)], "md", str(tmp_path) + "/")
    assert target.path == os.path.join(str(tmp_path) + "/", "unga", "70_1", "en.md")
    assert Imported(res).relative_path == "unga/70_1/en.yaml"


def test_the_paths_module_examples() -> None:
    result = doctest.testmod(paths, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 4 and result.failed == 0


def _schema_rejects(value: Any, key: str) -> bool:
    schema = json.loads((ROOT / "schema" / "resolution.schema.json").read_text(encoding="utf-8"))
    data: dict[str, Any] = {
        "body": "wtdc",
        "number": "59",
        "language": "fr",
        "title": "T",
        "history": [{"event": "adopted", "place": "Doha", "year": 2006}],
    }
    data[key] = value
    return not jsonschema.Draft202012Validator(schema).is_valid(data)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("number", "1/../../../../elsewhere"),
        ("number", ".."),
        ("number", "/etc/passwd"),
        ("number", "..\\x"),
        ("number", "59\n"),
        ("number", "5\x1b9"),
        ("body", "../x"),
        ("body", "wtdc\n"),
        ("language", "../fr"),
    ],
)
def test_the_published_schema_refuses_what_the_model_refuses(key: str, value: str) -> None:
    assert _schema_rejects(value, key)


# -- labels of numbers no list reaches


def _clauses(tmp_path: Path, *labels: str) -> Path:
    clauses = "".join(
        f"      - label: '{label}'\n        text: d'inviter le GCDT{'.' if i == len(labels) - 1 else ';'}\n"
        for i, label in enumerate(labels)
    )
    path = tmp_path / "wtdc" / "59" / "fr.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        variant("      - label: '1'\n        text: d'inviter le GCDT.\n", clauses), "utf-8"
    )
    return path


@pytest.mark.parametrize("digits", [4301, 20_000])
def test_a_label_of_thousands_of_digits_is_a_finding_not_a_crash(
    digits: int, tmp_path: Path
) -> None:
    """Python refuses to read a number of more than 4,300 digits (ValueError,
    a traceback from ``check``): a label of more than nine digits a part is
    no label a list reaches, and reported as one that cannot be read. The
    message and its help quote it clipped (its first 200 and last 60
    digits), not whole: a finding is read in a line or two."""
    label = ("2014" * digits)[:digits]
    code, out, err = run("check", "--no-cache", "--format", "json", str(_clauses(tmp_path, label)))
    assert code == 0 and not err  # (a warning)
    [found] = [d for d in json.loads(out)["diagnostics"] if d["rule"].startswith("numbering")]
    assert found["rule"] == "numbering-style"
    shown = f"'{label[:200]}…{label[-60:]}'"
    assert shown in found["message"] and shown in found["help"]
    assert len(found["message"]) < 500 and len(found["help"]) < 500


def test_a_label_far_ahead_is_a_gap_said_by_its_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clause '1000001' after '1': the labels missing between were each
    written out to say '2 to 1000000' (a million of them; '999999998', a
    thousand million: the check never ended); now the gap's ends alone."""
    import itures.rules.numbering as numbering

    written: list[object] = []
    render = numbering._render

    def counted(*args: Any) -> str:
        written.append(args)
        return render(*args)

    monkeypatch.setattr(numbering, "_render", counted)
    path = _clauses(tmp_path, "1", "1000001", "1000002")
    code, out, err = run("check", "--no-cache", "--format", "json", str(path))
    assert code == 1 and not err
    [gap] = [d for d in json.loads(out)["diagnostics"] if d["rule"] == "numbering-gap"]
    assert gap["message"].startswith("clause 1000001 follows 1 in 'décide': 2 to 1000000 are")
    assert len(written) < 20


def test_stray_markup_pasted_thousands_of_times_is_one_finding(tmp_path: Path) -> None:
    """5,000 copies of a stray closer gave 5,000 findings, as a run of one
    glyph once did: one defect, one finding that counts them."""
    path = _clauses(tmp_path, "1")
    path.write_text(
        path.read_text("utf-8").replace("d'inviter le GCDT.", "d'inviter" + "](pp:1)" * 5000 + "."),
        "utf-8",
    )
    code, out, err = run("check", "--no-cache", "--format", "json", str(path))
    assert code == 1 and not err
    [found] = [d for d in json.loads(out)["diagnostics"] if d["rule"] == "markup"]
    assert found["message"].endswith("(5000 in a row)")
    assert found["help"].startswith("keep one, delete the 4999 repeated after it")
