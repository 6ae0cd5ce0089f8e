"""``itures fmt`` on files that are not resolutions, and on a tab after a value.

Every file fmt is given that is not a resolution is left as it is and said
alike, ``path:1:1: fmt: not a resolution ...``, among the files not formatted
(exit 1): a note, a file given by a name that is no resolution file's, and an
empty file, which passed with exit 0 (``fmt --check`` in CI passed a
resolution emptied by accident, which ``check`` calls an error).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL, run_cli

NOT_A_RESOLUTION = {
    "empty.yaml": (
        "",
        "not a resolution: the file is empty (a resolution needs body, number, language, "
        "title and history); file left as it is",
    ),
    "blank.yaml": (
        "\n  \n",
        "not a resolution: the file is empty (a resolution needs body, number, language, "
        "title and history); file left as it is",
    ),
    "comments.yaml": (
        "# to write\n",
        "not a resolution: the file holds comments only (a resolution needs body, number, "
        "language, title and history); file left as it is",
    ),
    "list.yaml": (
        "- [1, 2]\n",
        "not a resolution: the document is a list, not the keys of a resolution (body, "
        "number, language, title, history); file left as it is",
    ),
    "word.yaml": (
        "hello\n",
        "not a resolution: the document is a single value, not the keys of a resolution "
        "(body, number, language, title, history); file left as it is",
    ),
    "null.yaml": (
        "~\n",
        "not a resolution: the document is null (~), not the keys of a resolution (body, "
        "number, language, title, history); file left as it is",
    ),
    "note.yaml": (
        "todo:   check\n",
        "not a resolution (none of the keys body, number, language, title, history): file "
        "left as it is",
    ),
    "x.json": (
        '{"a": 1}',
        "not a resolution file (its name does not end in .yaml or .yml): file left as it is",
    ),
}


@pytest.mark.parametrize("check", [False, True], ids=["fmt", "check"])
@pytest.mark.parametrize("name", sorted(NOT_A_RESOLUTION))
def test_a_file_that_is_not_a_resolution_is_said_alike(
    tmp_path: Path, name: str, check: bool
) -> None:
    text, message = NOT_A_RESOLUTION[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    proc = run_cli("fmt", *(["--check"] if check else []), name, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (1, "")
    verb = "would be reformatted" if check else "reformatted"
    assert proc.stderr.splitlines() == [
        f"{name}:1:1: fmt: {message}",
        f"0 of 1 file {verb}, 1 not formatted",
    ]
    assert path.read_text(encoding="utf-8") == text


def test_the_resolutions_beside_them_are_formatted(tmp_path: Path) -> None:
    for name, (text, _) in NOT_A_RESOLUTION.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    good = tmp_path / "r.yaml"
    good.write_text(MINIMAL.replace("body: pp", "body:   pp"), encoding="utf-8")
    proc = run_cli("fmt", *sorted(NOT_A_RESOLUTION), "r.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert good.read_text(encoding="utf-8") == MINIMAL
    n = len(NOT_A_RESOLUTION)
    assert proc.stderr.splitlines()[-1] == f"1 of {n + 1} files reformatted, {n} not formatted"
    assert not any(line.startswith("error:") for line in proc.stderr.splitlines())


def test_an_empty_mapping_is_a_resolution_with_everything_missing(tmp_path: Path) -> None:
    """As for check (not a note: a resolution whose keys are all to write)."""
    (tmp_path / "r.yaml").write_text("{}\n", encoding="utf-8")
    proc = run_cli("fmt", "r.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


# -- a tab --------------------------------------------------------------------


def _tab(tmp_path: Path, line: str) -> tuple[str, str]:
    path = tmp_path / "r.yaml"
    text = MINIMAL.replace("language: en\n", line + "\n")
    path.write_text(text, encoding="utf-8")
    fmt = run_cli("fmt", "r.yaml", cwd=tmp_path)
    assert fmt.returncode == 1
    assert path.read_text(encoding="utf-8") == text
    check = run_cli("check", "--no-cache", "r.yaml", cwd=tmp_path)
    assert check.returncode == 1
    return fmt.stderr, check.stdout


def test_a_tab_after_a_value_is_said_to_be_one(tmp_path: Path) -> None:
    """'language: en<TAB>' was said to be a tab used for indentation, or a
    label separator left by Word: neither, and its fix is to delete it."""
    fmt, check = _tab(tmp_path, "language: en\t")
    message = (
        "tab character after the value, at the end of the line: itures reads no tabs in a "
        "resolution file"
    )
    assert fmt.splitlines()[:2] == [
        f"r.yaml:3:13: yaml-syntax: {message}",
        "  help: delete the tab",
    ]
    assert f"r.yaml:3:13: error[yaml-syntax]: {message}" in check
    assert "help: delete the tab" in check
    assert "indentation" not in fmt + check


def test_a_tab_before_a_comment_is_said_to_be_one(tmp_path: Path) -> None:
    fmt, check = _tab(tmp_path, "language: en\t# as published")
    assert "help: replace the tab with a space" in check
    assert fmt.splitlines()[:2] == [
        "r.yaml:3:13: yaml-syntax: tab character between the value and its comment: itures "
        "reads no tabs in a resolution file",
        "  help: replace the tab with a space",
    ]


@pytest.mark.parametrize(
    "line",
    ["\tlanguage: en", "language:\ten", "language: e\tn", "# a\tcomment", "language: en  # a\tb"],
)
def test_other_tabs_keep_their_message(tmp_path: Path, line: str) -> None:
    fmt, _ = _tab(tmp_path, line)
    assert "YAML does not allow tabs for indentation" in fmt.splitlines()[0]
