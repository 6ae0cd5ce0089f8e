"""A file named two ways in one command is one file.

``itures check resolutions /abs/path/resolutions/wtdc/59/fr.yaml``, or a
hook's ``--corpus $PWD/resolutions`` beside the relative paths git passes,
read one file twice under two names: it was counted twice ("65 files
checked" for 64), told "another file has the same identity: <itself>",
and a finding the corpus rules make of it (a citation of itself) was told
twice. Paths are now compared as absolute normal paths."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from itures.corpus import check_in_corpus, check_paths
from itures.files import distinct
from tests.conftest import run_cli

EXAMPLE = Path(__file__).resolve().parents[1] / "resolutions"
FILE = "resolutions/wtdc/59/fr.yaml"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "resolutions")
    # a second resolution, citing the example (read for references)
    other = tmp_path / "resolutions" / "wtdc" / "5" / "fr.yaml"
    other.parent.mkdir(parents=True)
    text = (tmp_path / FILE).read_text(encoding="utf-8").replace("number: '59'", "number: '5'")
    other.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ["resolutions", "{abs}/" + FILE],
        ["resolutions", "./" + FILE],
        ["{abs}/resolutions", FILE],
        ["--corpus", "{abs}/resolutions", FILE],
        ["--corpus", "resolutions", "{abs}/" + FILE],
        [FILE, "resolutions/wtdc/../wtdc/59/fr.yaml"],
    ],
)
def test_the_command_checks_a_file_named_twice_once(corpus: Path, args: list[str]) -> None:
    argv = [a.format(abs=corpus) for a in args]
    done = run_cli("check", "--no-cache", "--format", "concise", *argv, cwd=corpus)
    assert "identity-duplicate" not in done.stdout, done.stdout
    files = 1 if args[0] == "--corpus" or args[0] == FILE else 2
    assert f"{files} file{'s' if files > 1 else ''} checked" in done.stdout, done.stdout
    assert done.returncode == 0, (done.stdout, done.stderr)


def test_the_library_reads_it_once_too(corpus: Path) -> None:
    # (the same file as target and, spelt another way, in the corpus)
    result = check_in_corpus([FILE], [corpus / "resolutions"])
    assert result.files == 1
    assert [d for d in result.diagnostics if d.rule == "identity-duplicate"] == []
    both = check_paths(["resolutions", corpus / FILE])
    assert both.files == 2 and both.diagnostics == []


def test_control_two_files_of_one_identity_are_still_told(corpus: Path) -> None:
    copy = corpus / "resolutions" / "wtdc" / "59" / "copy.yaml"
    shutil.copy(corpus / FILE, copy)
    found = check_paths(["resolutions", corpus / FILE])
    assert found.files == 3
    assert {d.rule for d in found.diagnostics} >= {"identity-duplicate"}


def test_distinct_keeps_the_first_name_and_the_order(tmp_path: Path) -> None:
    cwd = os.getcwd()
    assert distinct(["b/x.yaml", "a/x.yaml", "./b/x.yaml", f"{cwd}/a/x.yaml"]) == [
        "b/x.yaml",
        "a/x.yaml",
    ]
    assert distinct(["a", "b", "a"]) == ["a", "b"]  # one spelling: as written
    assert distinct(["a", "b"], besides=[f"{cwd}/b"]) == ["a"]
    assert distinct([f"{cwd}/a", f"{cwd}/b"], besides=["a"]) == [f"{cwd}/b"]


def test_control_a_link_is_a_file_of_its_own(corpus: Path) -> None:
    # (links are not resolved: a link to a file is named as its directory lists it)
    link = corpus / "resolutions" / "wtdc" / "59" / "link.yaml"
    link.symlink_to(corpus / FILE)
    assert distinct([FILE, "resolutions/wtdc/59/link.yaml"]) == [
        FILE,
        "resolutions/wtdc/59/link.yaml",
    ]
