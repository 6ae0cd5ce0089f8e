"""A check of nothing does not pass as a check without problems: a directory
given to ``itures check`` that holds no resolution file is said, and the
command exits 2, as for a path that does not exist. The corpus around
checked files may be empty: it is not what was asked to be checked; and
``fmt`` formats what there is (a repository made by ``itures init`` has an
empty ``resolutions/`` until its first file, and its CI runs ``fmt --check``
on it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.files import NO_FILES
from tests.conftest import MINIMAL, run_cli


def _resolution(root: Path, number: str = "1") -> Path:
    path = root / "pp" / number / "en.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(MINIMAL.replace("number: '1'", f"number: '{number}'"))
    return path


@pytest.mark.parametrize(
    "contents",
    [
        {},  # empty
        {"notes.txt": "x", "sub/README.md": "# x"},  # other files only
        {".hidden.yaml": MINIMAL, ".git/x.yaml": MINIMAL},  # hidden ones only
        {"deep/deeper/": None},  # directories only
    ],
)
def test_a_directory_without_resolutions_is_said_and_exits_2(
    tmp_path: Path, contents: dict[str, str | None]
) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    for name, text in contents.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            target.mkdir(exist_ok=True)
        else:
            target.write_text(text)
    for extra in ([], ["--no-cache"], ["--format", "json"]):
        result = run_cli("check", *extra, "corpus", cwd=tmp_path)
        assert result.returncode == 2, (extra, result.stdout)
        assert NO_FILES.format(path="corpus") in result.stdout
        assert "no problems" not in result.stdout
    fmt = run_cli("fmt", "--check", "corpus", cwd=tmp_path)
    assert fmt.returncode == 0, fmt.stderr


def test_the_other_paths_are_still_checked(tmp_path: Path) -> None:
    _resolution(tmp_path / "good")
    (tmp_path / "empty").mkdir()
    result = run_cli("check", "--no-cache", "good", "empty", cwd=tmp_path)
    assert result.returncode == 2
    assert "1 file checked: 0 errors, 0 warnings, 1 not checked" in result.stdout
    assert "empty: no resolution files here" in result.stdout
    assert "good:" not in result.stdout


def test_the_library_gives_the_failure_as_data(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    _resolution(tmp_path / "good")
    result = check_paths([tmp_path / "empty", tmp_path / "good"])
    assert result.files == 1
    assert result.failures == [NO_FILES.format(path=str(tmp_path / "empty"))]


def test_an_empty_corpus_around_a_checked_file_is_no_failure(tmp_path: Path) -> None:
    path = _resolution(tmp_path / "elsewhere")
    (tmp_path / "corpus").mkdir()
    result = run_cli("check", "--corpus", "corpus", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "1 file checked: no problems" in result.stdout


def test_a_hook_with_no_staged_file_checks_nothing_quietly(tmp_path: Path) -> None:
    _resolution(tmp_path / "corpus")
    result = run_cli("check", "--corpus", "corpus", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
