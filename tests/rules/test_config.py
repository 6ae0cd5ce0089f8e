"""[tool.itures]: select, ignore, re-grade, reference scope, discovery."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from itures.cli import main
from itures.config import Config, ConfigError, discover, find, load
from itures.corpus import check_paths

DOC = """\
body: wtdc
number: '1'
language: en
title: Test
history: [{event: adopted, place: Geneva, year: 2000}]
preamble:
  - verb: considering
    heading: considering
    items:
      - {label: a), text: 'that one;'}
      - {label: c), text: 'that two;'}
"""


def _repo(tmp_path: Path, table: str) -> Path:
    (tmp_path / ".git").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n{table}", encoding="utf-8")
    (tmp_path / "resolutions").mkdir()
    (tmp_path / "resolutions" / "doc.yaml").write_text(DOC, encoding="utf-8")
    return tmp_path


def _rules(tmp_path: Path, config: Config | None = None) -> list[tuple[str, str]]:
    result = check_paths([tmp_path / "resolutions"], config)
    return [(d.rule, d.severity) for d in result.diagnostics]


def test_defaults_without_a_table(tmp_path: Path) -> None:
    _repo(tmp_path, "")
    assert find(tmp_path / "resolutions") is None
    assert _rules(tmp_path) == [("numbering-gap", "error"), ("punctuation", "warning")]


def test_ignore_and_regrade(tmp_path: Path) -> None:
    _repo(
        tmp_path,
        '[tool.itures]\nignore = ["numbering-gap"]\n\n[tool.itures.severity]\npunctuation = "error"\n',
    )
    assert find(tmp_path / "resolutions" / "doc.yaml") == str(tmp_path / "pyproject.toml")
    assert _rules(tmp_path) == [("punctuation", "error")]


def test_select(tmp_path: Path) -> None:
    _repo(tmp_path, '[tool.itures]\nselect = ["numbering-gap", "footnote-unused"]\n')
    assert _rules(tmp_path) == [("numbering-gap", "error")]


def test_discovery_stops_at_the_top_of_the_repository(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\nignore = ["punctuation"]\n')
    repo = _repo(tmp_path / "repo", "")
    assert discover([repo / "resolutions"]) == Config()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            '[tool.itures]\nignore = ["numbering-gapp"]\n',
            "unknown rule 'numbering-gapp'; did you mean 'numbering-gap'?",
        ),
        (
            '[tool.itures]\nignores = ["punctuation"]\n',
            "unknown key 'ignores'; did you mean 'ignore'?",
        ),
        ('[tool.itures]\nignore = ["schema"]\n', "'schema' is a stage, not a rule"),
        ('[tool.itures]\nignore = "punctuation"\n', "expected a list of rule names"),
        ('[tool.itures.severity]\npunctuation = "fatal"\n', 'expected "error" or "warning"'),
        ('[tool.itures]\nreference-scope = "pp"\n', "reference-scope must be a list of bodies"),
        ('[tool.itures]\ncorpus = "nowhere"\n', "is not a directory"),
        ("[tool.itures]\nlayout = 3\n", "layout must be a path with {body}, {number} and"),
        ('[tool.itures]\nlayout = "{body}/{language}.yaml"\n', "must name {number} exactly once"),
        ('[tool.itures]\nlayout = "{body}/{num}/{language}.yaml"\n', "unknown placeholder {num}"),
        ('[tool.itures]\nlayout = "../{body}/{number}/{language}.yaml"\n', "no '..', '.', empty"),
        ('[tool.itures]\nlayout = "/{body}/{number}/{language}.yaml"\n', "must be a relative path"),
        ('[tool.itures]\nlayout = "{body}/{number}/{language}.json"\n', "must end with .yaml"),
        ('[tool.itures]\nlayout = "{body}/{number/{language}.yaml"\n', "layout '{body}/{number/"),
        ("[tool.itures\n", "not valid TOML"),
    ],
)
def test_bad_configuration_is_an_error_with_a_message(
    tmp_path: Path, table: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _repo(tmp_path, table)
    with pytest.raises(ConfigError, match=r".*") as info:
        load(tmp_path / "pyproject.toml")
    assert message in str(info.value)
    assert main(["check", str(tmp_path / "resolutions")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("table", "line", "message"),
    [
        # (the file starts with 3 lines of [project]: the table's first line is 4)
        ('[tool.itures]\ncorpus = "resolutions"\nignores = ["x"]\n', 6, "unknown key 'ignores'"),
        ('[tool.itures]\n\nignore = ["numbering-gapp"]\n', 6, "ignore: unknown rule"),
        ('[tool.itures.severity]\ntext-cut = "warning"\npunctuation = "fatal"\n', 6, "fatal"),
        ('[tool.itures]\nseverity = { punctuation = "fatal" }\n', 5, "fatal"),
        ("[tool.itures]\n'lang' = 'de'\n", 5, "lang = 'de'"),
        ('[tool.itures]\ncorpus = "resolutions"\nlayout = 3\n', 6, "layout must be a path"),
    ],
)
def test_a_bad_configuration_says_the_line_of_its_key(
    tmp_path: Path, table: str, line: int, message: str
) -> None:
    """A key of [tool.itures] that cannot be used is said with its file and
    line (and the line of the name under it: a severity's rule), as a
    finding in a resolution file is."""
    _repo(tmp_path, table)
    with pytest.raises(ConfigError) as info:
        load(tmp_path / "pyproject.toml")
    said = str(info.value)
    assert said.startswith(f"{tmp_path / 'pyproject.toml'}:{line}: [tool.itures]"), said
    assert message in said


def test_command_line_select_ignore_and_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _repo(tmp_path, '[tool.itures]\nignore = ["punctuation"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    assert "punctuation" not in capsys.readouterr().out
    assert main(["check", "--ignore", "numbering-gap"]) == 0
    assert capsys.readouterr().out.endswith("1 file checked: no problems\n")
    assert main(["check", "--select", "numbering-gap,footnote-unused"]) == 1
    assert "error[numbering-gap]: " in capsys.readouterr().out
    assert main(["check", "--select", "punctuation"]) == 0  # the configuration ignores it
    assert "punctuation" not in capsys.readouterr().out
    other = tmp_path / "other.toml"
    other.write_text('[tool.itures.severity]\npunctuation = "error"\n')
    assert main(["check", "--config", str(other)]) == 1
    out = capsys.readouterr().out
    assert "2 errors, 0 warnings" in out
    assert main(["check", "--select", "nope"]) == 2
    assert "--select: unknown rule 'nope'" in capsys.readouterr().err
    assert main(["check", "--config", os.fspath(tmp_path / "missing.toml")]) == 2
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("table", "message"),
    [
        # a finding of the CI gate is not a rule of a file
        (
            '[tool.itures]\nselect = ["punctuation", "reference-shifted"]\n',
            "finding of the CI gate",
        ),
        ('[tool.itures.severity]\nhistory-rewritten = "warning"\n', "finding of the CI gate"),
        # a body one slip from one the conference calendar knows
        ('[tool.itures]\nreference-scope = ["pp", "wtsq"]\n', "did you mean 'wtsa'?"),
        # the table's name one slip from [tool.itures]: no configuration read at all
        ('[tool.itrues]\nignore = ["numbering-gap"]\n', "[tool.itrues] table: did you mean"),
    ],
)
def test_a_slip_in_the_configuration_is_said(
    tmp_path: Path, table: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _repo(tmp_path, table)
    assert main(["check", str(tmp_path / "resolutions")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_tables_of_other_tools_and_bodies_of_a_corpus_of_its_own_are_not_slips(
    tmp_path: Path,
) -> None:
    _repo(tmp_path, "[tool.pytest]\nx = 1\n[tool.ruff]\ny = 2\n")
    assert find(tmp_path / "resolutions") is None
    assert _rules(tmp_path) == [("numbering-gap", "error"), ("punctuation", "warning")]
    scoped = load_table(tmp_path, '[tool.itures]\nreference-scope = ["pp", "unga"]\n')
    assert scoped.reference_scope == frozenset({"pp", "unga"})


def load_table(tmp_path: Path, table: str) -> Config:
    path = tmp_path / "scoped.toml"
    path.write_text(table, encoding="utf-8")
    return load(path)


def test_a_file_named_by_config_must_configure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _repo(tmp_path, "")
    named = tmp_path / "itures.toml"
    named.write_text('ignore = ["punctuation"]\n', encoding="utf-8")
    assert load(named).source == str(named)  # (the library's load: defaults)
    assert main(["check", "--config", str(named), str(tmp_path / "resolutions")]) == 2
    err = capsys.readouterr().err
    assert "no [tool.itures] table (ignore at the top of the file" in err
    named.write_text("[tool.itures]\nignore = ['punctuation']\n", encoding="utf-8")
    assert main(["check", "--config", str(named), str(tmp_path / "resolutions")]) == 1


def test_an_unused_suppression_names_the_finding_on_its_line(tmp_path: Path) -> None:
    _repo(tmp_path, "")
    doc = tmp_path / "resolutions" / "doc.yaml"
    text = doc.read_text(encoding="utf-8").replace(
        "      - {label: c)",
        "      # itures: ignore[numbering-duplicate] reason: as published\n      - {label: c)",
    )
    doc.write_text(text, encoding="utf-8")
    found = {d.rule: d for d in check_paths([doc]).diagnostics}
    assert found["suppression-unused"].help == (
        "the finding on line 12 is of 'numbering-gap', 'punctuation': did you mean "
        "ignore[numbering-gap]?"
    )
    # with nothing on its line, the help is the usual one
    doc.write_text(
        text.replace("{label: c), text: 'that two;'}", "{label: b), text: 'that two,'}"),
        encoding="utf-8",
    )
    found = {d.rule: d for d in check_paths([doc]).diagnostics}
    assert found["suppression-unused"].help == "remove it, or move it next to what it is about"
