"""A resolution file whose extension is in capitals (``EN.YAML``, ``fr.Yml``) is
checked, never skipped in silence; in a corpus, ``identity-path`` asks for the
name as the layout writes it.

Discovery took ``*.yaml`` and ``*.yml`` case-sensitively: a directory holding
``EN.YAML`` was "0 files checked: no problems" (or, with other files, the
capitalised one simply left out), and the hook's ``files:`` pattern skipped it
at commit time too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from itures.files import discover, resolution_name
from itures.gate import check_since
from itures.gitrepo import wanted
from tests.conftest import ROOT, commit_all, resolution, run_cli, write


def test_discovery_takes_the_extension_in_any_case(tmp_path: Path) -> None:
    names = ["EN.YAML", "fr.Yml", "es.yAmL", "ar.yml", "zh.yaml"]
    for name in names:
        write(tmp_path / "r" / name, resolution())
    for name in ["ru.YAMLX", "notes.TXT", ".hidden.YAML", "yaml", "x.YA"]:
        write(tmp_path / "r" / name, resolution())
    files, failures = discover([tmp_path / "r"], require=True)
    assert failures == []
    assert sorted(Path(f).name for f in files) == sorted(names)
    assert [n for n in ["A.YML", "b.Yaml", "c.yaml.bak", "d.ymlx"] if resolution_name(n)] == [
        "A.YML",
        "b.Yaml",
    ]


def test_a_directory_of_capitalised_files_is_checked_not_empty(tmp_path: Path) -> None:
    bad = resolution()
    bad["operative"][0]["clauses"][2]["label"] = "5"  # the stray number
    write(tmp_path / "drafts" / "EN.YAML", bad)
    proc = run_cli("check", "--no-cache", "--format", "json", str(tmp_path / "drafts"))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    found = json.loads(proc.stdout)["diagnostics"]
    assert {d["rule"] for d in found} == {"numbering-gap"}
    assert found[0]["path"].endswith("EN.YAML")


def _corpus(tmp: Path) -> Path:
    (tmp / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    return tmp / "resolutions"


def test_in_a_corpus_the_layout_asks_for_the_name_in_lower_case(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    write(root / "pp" / "191" / "en.YAML", resolution())
    write(root / "pp" / "192" / "en.Yml", resolution(number="192"))
    write(root / "pp" / "193" / "en.yml", resolution(number="193"))  # the layout's other spelling
    write(root / "pp" / "194" / "EN.yaml", resolution(number="194"))  # a language, not a case
    proc = run_cli("check", "--no-cache", "--format", "json", "resolutions", cwd=tmp_path)
    found = {
        Path(d["path"]).as_posix(): d
        for d in json.loads(proc.stdout)["diagnostics"]
        if d["rule"] == "identity-path"
    }
    assert sorted(found) == [
        "resolutions/pp/191/en.YAML",
        "resolutions/pp/192/en.Yml",
        "resolutions/pp/194/EN.yaml",
    ]
    said = found["resolutions/pp/191/en.YAML"]
    assert said["message"] == (
        "the file's name ends in '.YAML'; the corpus layout {body}/{number}/{language}.yaml "
        "writes it in lower case, and tools that look for pp/191/en.yaml on a case-sensitive "
        "file system do not find it"
    )
    assert said["help"] == "rename the file to resolutions/pp/191/en.yaml"
    assert (said["line"], said["column"]) == (1, 1)
    assert "'.Yml'" in found["resolutions/pp/192/en.Yml"]["message"]
    assert found["resolutions/pp/192/en.Yml"]["help"] == (
        "rename the file to resolutions/pp/192/en.yaml"
    )
    # a wrong language in the name is still a wrong language, not a case to fix
    assert (
        "its path says language EN, its content says en"
        in (found["resolutions/pp/194/EN.yaml"]["message"])
    )
    french = run_cli(
        "check", "--no-cache", "--lang", "fr", "resolutions/pp/191/en.YAML", cwd=tmp_path
    )
    assert "le nom du fichier se termine par '.YAML'" in french.stdout
    assert "renommez le fichier en resolutions/pp/191/en.yaml" in french.stdout


def test_the_gate_and_the_hook_take_them_too(repo: Path) -> None:
    write(repo / "resolutions" / "pp" / "191" / "en.yaml", resolution())
    base = commit_all(repo, "the corpus")
    bad = resolution(number="192")
    bad["operative"][0]["clauses"][2]["label"] = "5"
    write(repo / "resolutions" / "pp" / "192" / "EN.YAML", bad)
    commit_all(repo, "a capitalised file")
    assert wanted("resolutions/pp/192/EN.YAML")
    result = check_since(["resolutions"], base)
    assert [(Path(d.path).name, d.rule) for d in result.diagnostics] == [
        ("EN.YAML", "numbering-gap")
    ]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:  # pre-commit matches `files` with Python's re.search
        assert re.search(hook["files"], "resolutions/pp/192/EN.YAML"), hook["id"]
        assert re.search(hook["files"], "resolutions/pp/192/en.yml"), hook["id"]
        assert not re.search(hook["files"], "resolutions/pp/192/en.yaml.orig"), hook["id"]
        assert not re.search(hook["files"], "docs/en.YAML"), hook["id"]
