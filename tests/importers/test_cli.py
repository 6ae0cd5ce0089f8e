"""itures import on the command line: writing, refusing, reporting, then check."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from itures.cli import main
from tests.conftest import DIAGNOSTIC_KEYS
from tests.importers.conftest import RES59


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_writes_the_file_and_reports_positioned_artefacts(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fr.yaml"
    code, stdout, stderr = run(capsys, "import", str(seed), "-o", str(out))
    assert code == 0 and out.is_file()
    assert f"wrote {out}" in stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../../schema/resolution.schema.json"
    artefacts = [x for x in stdout.splitlines() if "[conversion-artefact]: " in x]
    assert len(artefacts) == 4
    interaction = next(a for a in artefacts if "humaines,;" in a)
    line = int(interaction.split(":")[1])
    # the position of the text (a folded scalar starts on its key's line)
    assert "text: >-" in lines[line - 1] and "que l'interaction" in lines[line]


def test_import_refuses_to_overwrite_unless_forced(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fr.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    code, _, stderr = run(capsys, "import", str(seed), "-o", str(out))
    assert code == 2 and "refusing to overwrite" in stderr
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert [p.name for p in tmp_path.iterdir()] == ["fr.yaml"]  # no temporary left
    code, _, _ = run(capsys, "import", str(seed), "-o", str(out), "--force")
    assert code == 0 and out.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_import_json_report(seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "fr.yaml"
    code, stdout, _ = run(capsys, "import", str(seed), "-o", str(out), "--format", "json")
    assert code == 0
    payload = json.loads(stdout)
    records = payload["diagnostics"]
    assert {r["pointer"] for r in records if r["rule"] == "conversion-artefact"} == {
        "/history",
        "/conference",
        "/preamble/1/items/3/text",
        "/operative/0/clauses/3/text",
    }
    for r in records:
        assert set(r) == DIAGNOSTIC_KEYS
        assert r["path"] == str(out)
    assert payload["summary"]["files"] == 1


def test_check_on_the_imported_file_finds_what_it_finds_in_the_corpus(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Import then check: the same findings as on the committed file (numbering-gap at '5')."""
    out = tmp_path / "fr.yaml"
    assert run(capsys, "import", str(seed), "-o", str(out))[0] == 0
    code_new, new, _ = run(capsys, "check", str(out), "--format", "json")
    code_ref, ref, _ = run(capsys, "check", str(RES59), "--format", "json", "--show-suppressed")

    def findings(records: list[dict[str, str]]) -> set[tuple[str, str, str]]:
        return {(d["rule"], d["pointer"], d["message"]) for d in records}

    # the committed file suppresses, with a reason, what the imported one reports
    reference = json.loads(ref)
    assert findings(json.loads(new)["diagnostics"]) == findings(
        reference["diagnostics"] + reference["suppressed"]
    )
    assert (code_ref, code_new) == (0, 1)
    assert any(
        r == "numbering-gap" and p == "/operative/1/clauses/2/label"
        for r, p, _ in findings(json.loads(new)["diagnostics"])
    )


def test_import_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "import", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.yaml")
    )
    assert code == 2 and "no such file" in err
    junk = tmp_path / "junk.txt"
    junk.write_text("this is the text of nothing like a resolution\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(junk), "-o", str(tmp_path / "x.yaml"))
    assert code == 1 and "no heading" in err
    assert not (tmp_path / "x.yaml").exists()
    assert run(capsys, "import", str(junk))[0] == 2  # -o is required


def test_import_collection_into_a_directory(
    pp18: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", str(pp18), "-o", str(tmp_path / "one.yaml"))
    assert code == 2 and "give a directory" in err
    out = tmp_path / "corpus"
    code, stdout, err = run(capsys, "import", str(pp18), "-o", str(out))
    assert code == 0, err
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.yaml"))
    assert len(files) == 64
    assert "pp/D5/en.yaml" in files and "pp/R7/en.yaml" in files and "pp/71/en.yaml" in files
    assert "Traceback" not in stdout + err
    # every file is a valid resolution for check
    code, report, _ = run(capsys, "check", str(out), "--format", "json")
    assert not [
        d for d in json.loads(report)["diagnostics"] if d["rule"] in ("schema", "yaml-syntax")
    ]
    # a second import refuses, writes nothing
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.yaml")}
    assert run(capsys, "import", str(pp18), "-o", str(out))[0] == 2
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.yaml")} == before


def test_import_module_is_not_loaded_by_the_cli_start() -> None:
    import subprocess
    import sys

    code = "import sys, itures.cli; print(any(m.startswith('itures.importers') or m in ('docx', 'lxml') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ}
    )
    assert result.stdout.strip() == "False"


def test_dash_writes_the_document_to_standard_output(seed: Path, tmp_path: Path) -> None:
    from tests.conftest import run_cli

    out = tmp_path / "fr.yaml"
    assert run_cli("import", str(seed), "-o", str(out)).returncode in (0, 1)
    proc = run_cli("import", str(seed), "-o", "-", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    body = out.read_text(encoding="utf-8").split("\n", 1)[1]  # the schema line differs
    assert proc.stdout.split("\n", 1)[1] == body
    # the report goes to standard error, positioned in what was written
    assert "-:15:13: warning[conversion-artefact]: " in proc.stderr
    assert not (tmp_path / "-").exists()


def test_dash_refuses_a_collection(tmp_path: Path) -> None:
    from tests.conftest import SHARED, run_cli

    source = SHARED / "corpora" / "pp18-final-acts.akn.xml"
    if not source.exists():
        pytest.skip("../shared is absent")
    proc = run_cli("import", str(source), "-o", "-", cwd=tmp_path)
    assert proc.returncode == 2
    assert "the source holds 64 documents: -o - writes one" in proc.stderr
    assert proc.stdout == "" and list(tmp_path.iterdir()) == []


def test_one_document_to_a_name_without_yaml_suffix_goes_to_the_layout(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-o resolutions`` for one document wrote a file named ``resolutions``,
    which ``itures check`` never reads (it takes *.yaml and *.yml files): the
    document goes to the corpus layout under it, as a collection's do."""
    out = tmp_path / "resolutions"
    code, _, stderr = run(capsys, "import", str(seed), "-o", str(out))
    assert code == 0, stderr
    assert out.is_dir()
    written = out / "wtdc" / "59" / "fr.yaml"
    assert written.is_file()
    assert [p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()] == [
        "wtdc/59/fr.yaml"
    ]
    # what check reads in that directory is the file written
    assert main(["check", "--no-cache", "--format", "json", str(out)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert {d["path"] for d in report["diagnostics"]} == {str(written)}
    # a name with a YAML suffix, in any case, is the file itself
    for name in ("one.yaml", "two.YML"):
        assert run(capsys, "import", str(seed), "-o", str(tmp_path / name))[0] == 0
        assert (tmp_path / name).is_file()


def test_an_out_with_another_suffix_is_refused_and_nothing_written(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("r59.txt", "notes.json", "corpus.v2"):
        code, _, stderr = run(capsys, "import", str(seed), "-o", str(tmp_path / name))
        suffix = os.path.splitext(name)[1]
        assert code == 2, stderr
        assert f"ends in '{suffix}': give a YAML file (.yaml or .yml)" in stderr
        assert "nothing written" in stderr
        assert not (tmp_path / name).exists()
    # a directory whose name has a dot, given with a final '/'
    code, _, stderr = run(capsys, "import", str(seed), "-o", str(tmp_path / "corpus.v2") + "/")
    assert code == 0, stderr
    assert (tmp_path / "corpus.v2" / "wtdc" / "59" / "fr.yaml").is_file()
    # an existing directory whose name has a dot
    (tmp_path / "out.d").mkdir()
    assert run(capsys, "import", str(seed), "-o", str(tmp_path / "out.d"))[0] == 0
    assert (tmp_path / "out.d" / "wtdc" / "59" / "fr.yaml").is_file()
