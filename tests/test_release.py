"""Release hygiene: the licence, the sdist with its tests, render -o, JSON pointers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

from tests.conftest import CLEAN, ROOT, SEED_YAML, SHARED, run_cli, write

SEED_TEXT = SHARED / "seed" / "000_9b0b5885167235f0.txt"


def test_the_licence_is_an_spdx_expression_with_its_file() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "MIT"
    assert meta["project"]["license-files"] == ["LICENSE"]
    assert meta["build-system"]["requires"] == ["setuptools>=77"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def _shipped(top: Path) -> set[str]:
    """The files under ``top`` a source distribution must hold (caches aside)."""
    found: set[str] = set()
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d not in ("__pycache__", ".hypothesis", ".pytest_cache")]
        for name in files:
            if not name.endswith((".pyc", ".pyo")):
                found.add(Path(folder, name).relative_to(ROOT).as_posix())
    return found


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The source distribution, built by the build backend pyproject names, unpacked."""
    out = tmp_path_factory.mktemp("sdist")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from setuptools import build_meta; "
            "print(build_meta.build_sdist(sys.argv[1]))",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    name = proc.stdout.strip().splitlines()[-1]
    with tarfile.open(out / name) as archive:
        archive.extractall(out / "unpacked", filter="data")
    [top] = (out / "unpacked").iterdir()
    return top


def test_the_sdist_holds_the_tests_and_what_they_read(sdist: Path) -> None:
    inside = {p.relative_to(sdist).as_posix() for p in sdist.rglob("*") if p.is_file()}
    for top in ("tests", "resolutions", "scripts", "docs", "bench"):
        missing = _shipped(ROOT / top) - inside
        assert not missing, f"left out of the sdist: {sorted(missing)[:5]}"
    for name in ("LICENSE", "pyproject.toml", ".pre-commit-hooks.yaml", "schema/actors.yaml"):
        assert name in inside, name
    meta = (sdist / "PKG-INFO").read_text(encoding="utf-8")
    assert "License-Expression: MIT" in meta and "License-File: LICENSE" in meta
    assert not any("__pycache__" in p or p.endswith(".pyc") for p in inside)


def test_tests_run_from_the_sdist(sdist: Path) -> None:
    """A few tests that read the documents and scripts, run in the unpacked sdist
    against its own sources (not the whole suite)."""
    env = {**os.environ, "PYTHONPATH": str(sdist / "src")}
    where = subprocess.run(
        [sys.executable, "-c", "import itures; print(itures.__file__)"],
        cwd=sdist,
        env=env,
        capture_output=True,
        text=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(sdist), where.stdout
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_api_docs.py",
            "tests/rules/test_docs.py",
            "tests/test_load.py",
        ],
        cwd=sdist,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout and "error" not in proc.stdout.splitlines()[-1]


# -- render -o: a directory unless it names one file with the format's extension


def test_render_o_without_the_extension_is_a_directory_even_for_one_file(
    tmp_path: Path,
) -> None:
    proc = run_cli("render", "--to", "html", "-o", "site", str(SEED_YAML), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "site").is_dir()
    assert (
        (tmp_path / "site" / "wtdc" / "59" / "fr.html")
        .read_text(encoding="utf-8")
        .startswith("<!DOCTYPE html>")
    )
    # and again, with two files: the same directory
    two = write(tmp_path / "in" / "pp.yaml", CLEAN)
    proc = run_cli("render", "--to", "html", "-o", "site", str(SEED_YAML), str(two), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "site" / "pp" / "191" / "en.html").is_file()


def test_render_o_with_the_extension_is_one_file(tmp_path: Path) -> None:
    proc = run_cli("render", "--to", "akn", "-o", "r59.xml", str(SEED_YAML), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "r59.xml").read_text(encoding="utf-8").startswith("<?xml")
    # another format's extension names a file of that format: refused, unless
    # a directory is meant ('r59.html/')
    proc = run_cli("render", "--to", "md", "-o", "r59.html", str(SEED_YAML), cwd=tmp_path)
    assert proc.returncode == 2 and "r59.html names a .html file" in proc.stderr
    assert not (tmp_path / "r59.html").exists()
    proc = run_cli("render", "--to", "md", "-o", "r59.html/", str(SEED_YAML), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "r59.html" / "wtdc" / "59" / "fr.md").is_file()


def test_render_o_refuses_a_file_for_several_and_a_file_in_the_way(tmp_path: Path) -> None:
    two = write(tmp_path / "pp.yaml", CLEAN)
    proc = run_cli("render", "--to", "txt", "-o", "all.txt", str(SEED_YAML), str(two), cwd=tmp_path)
    assert proc.returncode == 2
    assert "give a directory with -o" in proc.stderr
    assert not (tmp_path / "all.txt").exists()
    (tmp_path / "site").write_text("a file", encoding="utf-8")
    proc = run_cli("render", "--to", "txt", "-o", "site", str(SEED_YAML), cwd=tmp_path)
    assert proc.returncode == 2
    assert "is a file, not a directory" in proc.stderr
    assert (tmp_path / "site").read_text(encoding="utf-8") == "a file"


# -- JSON pointers: null where a finding has no place in the document


def test_import_notes_without_a_place_have_a_null_pointer(tmp_path: Path) -> None:
    from itures.importers import diagnostics, import_file, plan, write
    from itures.importers.build import Note

    if not SEED_TEXT.exists():
        pytest.skip("the seed text is not at hand")
    [imported] = import_file(str(SEED_TEXT)).imported
    imported.notes.append(Note("section 'notes' without any clauses: left out"))
    imported.notes.append(Note("a stray mark", ("title",)))
    targets = plan([imported], str(tmp_path / "59.yaml"))
    write(targets, force=False)
    found = {d.message: d.to_dict() for d in diagnostics(targets)}
    assert found["section 'notes' without any clauses: left out"]["pointer"] is None
    assert found["a stray mark"]["pointer"] == "/title"


def test_json_reports_give_null_for_no_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("body: [\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", str(bad))
    [diag] = json.loads(proc.stdout)["diagnostics"]
    assert diag["rule"] == "yaml-syntax" and diag["pointer"] is None
    # render reports invalid inputs as check does (text): nothing in JSON to get wrong
    proc = run_cli("render", "--to", "html", "-o", str(tmp_path / "out"), str(bad))
    assert proc.returncode == 1 and "yaml-syntax" in proc.stderr
