"""The command line, run for real."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, ROOT, SEED_YAML, run_cli


def test_check_default_is_the_repository_corpus() -> None:
    result = run_cli("check", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("1 file checked") or "files checked" in (
        result.stdout
    )


def test_check_from_a_subdirectory_finds_the_corpus() -> None:
    result = run_cli("check", cwd=ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr


def test_with_no_path_the_configured_corpus_is_checked(tmp_path: Path) -> None:
    """A repository whose [tool.itures] names its corpus "texts" (no
    resolutions/): `itures check` with no PATH stopped with exit 2."""
    from tests.conftest import git, resolution, write

    git(tmp_path, "init", "-q")
    write(tmp_path / "texts" / "pp" / "191" / "en.yaml", resolution())
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\ncorpus = "texts"\n')
    (tmp_path / "sub").mkdir()
    for where in (tmp_path, tmp_path / "sub"):
        done = run_cli("check", cwd=where, env={"ITURES_DAEMON": "off"})
        assert done.returncode == 0, done.stdout + done.stderr
        assert "1 file checked" in done.stdout
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\ncorpus = "textz"\n')
    done = run_cli("check", cwd=tmp_path, env={"ITURES_DAEMON": "off"})
    assert done.returncode == 2
    assert "[tool.itures] corpus:" in done.stderr and "textz is not a directory" in done.stderr


def test_check_reports_errors_with_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL + "titel: x\n", encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL.replace("number: '1'", "number: '2'"), encoding="utf-8")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{bad}:9:1: error[schema]: unknown key 'titel'")
    assert lines[1:3] == ["  |", "9 | titel: x"]
    assert lines[3].startswith("  | ^") and lines[4] == "  |"
    assert lines[-2] == "2 files checked: 1 error, 0 warnings"
    # (the rules did not run on the file with a schema error: said after the summary)
    assert lines[-1].startswith("note: the rules did not run on 1 file")
    concise = run_cli("check", "--format", "concise", str(tmp_path)).stdout.splitlines()
    assert concise[0].startswith(f"{bad}:9:1: schema: unknown key 'titel'")
    assert concise[1:] == ["2 files checked: 1 error, 0 warnings"]


def test_check_json_format(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("body: pp\nbody: wtdc\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", str(bad))
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["diagnostics"] == [
        {
            "rule": "yaml-syntax",
            "severity": "error",
            "path": str(bad),
            "line": 2,
            "column": 1,
            "end_line": 2,
            "end_column": 4,
            "message": "duplicate key 'body' (already on line 1)",
            "help": "remove one of the two; if this line starts a new entry of a list, begin it "
            "with '- '",
            "pointer": None,
            "related": [],
        }
    ]
    assert payload["summary"]["files"] == 1 and payload["summary"]["errors"] == 1


def test_check_missing_path_exits_2_and_checks_the_rest(tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path / "nope"), str(SEED_YAML))
    assert result.returncode == 2
    assert "nope: no such file or directory" in result.stdout
    assert "1 file checked" in result.stdout
    assert "Traceback" not in result.stderr


def test_bad_arguments_exit_2() -> None:
    result = run_cli("check", "--format", "xml")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert run_cli().returncode == 2


def test_no_corpus_outside_a_repository(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "no resolutions/ directory" in result.stderr


def test_schema_command_prints_json() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["properties"]["body"]["pattern"] == "^[a-z][a-z0-9-]*$(?!\\n)"


def test_console_script_is_installed() -> None:
    exe = Path(sys.executable).parent / "itures"
    assert exe.exists(), "pip install -e . installs the itures command"
    result = subprocess.run([str(exe), "check", str(SEED_YAML)], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout == "1 file checked: no problems (1 suppressed)\n"


def test_one_parser_serves_every_command_of_a_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parser is built once per process and message language (a resident
    server's commands share it): a command parsed after others is parsed as
    if it were the first, and a help is laid out for the terminal of the moment."""
    from itures import cli

    monkeypatch.setattr(cli, "_PARSERS", {})
    first = cli._parser()
    assert cli.main(["rules", "--no-such-option"]) == 2
    capsys.readouterr()
    assert cli.main(["rules", "numbering-gap"]) == 0
    alone = capsys.readouterr()
    assert cli._parser() is first
    monkeypatch.setattr(cli, "_PARSERS", {})
    assert cli.main(["rules", "numbering-gap"]) == 0
    assert capsys.readouterr() == alone
    monkeypatch.setenv("COLUMNS", "40")
    with pytest.raises(SystemExit):
        cli._parser().parse_args(["check", "--help"])
    narrow = capsys.readouterr().out
    monkeypatch.setenv("COLUMNS", "160")
    with pytest.raises(SystemExit):
        cli._parser().parse_args(["check", "--help"])
    wide = capsys.readouterr().out
    assert len(narrow.splitlines()) > len(wide.splitlines())
    assert max(map(len, narrow.splitlines())) < max(map(len, wide.splitlines()))
    monkeypatch.setenv("LANGUAGE", "fr")
    assert cli._parser() is not first  # another message language: its own parser


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_exit_status_is_the_checks_when_the_reader_goes_away(tmp_path: Path, fmt: str) -> None:
    """`itures check | head -1`: the reader goes after the first line, the
    output (far more than a pipe holds) is dropped, and the status is still 1."""
    from tests.conftest import resolution, write

    data = resolution()
    data["operative"][0]["clauses"] = [
        {"label": str(n + 1), "text": f"to do thing\ufffd number {n};"} for n in range(400)
    ]
    write(tmp_path / "resolutions/pp/191/en.yaml", data)
    proc = subprocess.Popen(
        [sys.executable, "-m", "itures", "check", "--no-cache", "--format", fmt, "resolutions"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**__import__("os").environ, "ITURES_DAEMON": "off"},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 1
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_rules_describes_a_gate_finding_and_suggests_a_misspelt_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A name in the output of `check --since` (reference-shifted) is asked
    about as any other: it is described as the gate's, not refused as
    unknown; a name one slip away from a rule is suggested."""
    from itures import cli
    from itures.gate import GATE_RULES
    from itures.rules import GATE

    for name in GATE:
        assert cli.main(["rules", name]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"{name} (error): {GATE_RULES[name][1]}\n"), out
        words = " ".join(out.split())
        assert "check --since" in words and "cannot be selected" in words
    assert cli.main(["rules", "numbering_gap"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "itures rules: unknown rule 'numbering_gap'; did you mean 'numbering-gap'? "
        "(see `itures rules`)\n"
    )
    assert cli.main(["rules", "history-rewriten"]) == 2  # a gate finding's name, misspelt
    assert "did you mean 'history-rewritten'?" in capsys.readouterr().err
    assert cli.main(["rules", "zzzz"]) == 2
    assert capsys.readouterr().err == "itures rules: unknown rule 'zzzz' (see `itures rules`)\n"


def test_rules_markdown_of_named_rules_is_their_sections_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`rules --markdown NAME` gives the named rules' sections of docs/rules.md
    (a rule, a stage, a gate finding), in the order given; a name none has is
    refused as without --markdown, not ignored."""
    from itures import cli
    from itures.rules import docs

    whole = docs.markdown()
    assert cli.main(["rules", "--markdown", "numbering-gap", "yaml-syntax", "language-drift"]) == 0
    out = capsys.readouterr().out
    heads = [line for line in out.splitlines() if line.startswith("### ")]
    assert heads == ["### numbering-gap", "### yaml-syntax", "### language-drift"]
    start = whole.index("### numbering-gap\n")
    section = whole[start : whole.index("\n### ", start + 1) + 1]
    assert out.startswith(section)
    assert "## Catalogue" not in out
    assert cli.main(["rules", "--markdown", "numbering-gap", "numbering_gap"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unknown rule 'numbering_gap'; did you mean 'numbering-gap'?" in captured.err


@pytest.mark.parametrize(
    "options", [("--vocabulary", "--verbs"), ("--verbs", "--vocabulary"), ("--write", "--verbs")]
)
def test_schema_refuses_two_documents_asked_at_once(options: tuple[str, str]) -> None:
    """One schema at a time: two asked together is an error, not one of them dropped."""
    result = run_cli("schema", *options)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "not allowed with argument" in result.stderr


def test_a_defect_of_itures_is_said_in_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception no command expects (a defect: a grammar asked for a
    language it lacks ended a check in a traceback, exit 1, which reads as
    'errors found') is one line that says so, exit 2 (could not run); the
    traceback with ITURES_DEBUG=1."""
    from itures import cli
    from itures.rules import docs

    def broken(names: object = ()) -> str:
        raise KeyError("ar")

    monkeypatch.setattr(docs, "listing", broken)
    monkeypatch.delenv("ITURES_DEBUG", raising=False)
    assert cli.main(["rules", "numbering-gap"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("itures rules: internal error: KeyError: 'ar' (at test_cli.py:"), err
    assert "defect of itures" in err and "Traceback" not in err
    assert len(err.splitlines()) == 1
    monkeypatch.setenv("ITURES_DEBUG", "1")
    assert cli.main(["rules", "numbering-gap"]) == 2
    assert "Traceback (most recent call last)" in capsys.readouterr().err
