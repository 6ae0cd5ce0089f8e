"""``itures log``: the commits of a resolution beside its declared history."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import commit_all, git, resolution, run_cli, write

PATH = "resolutions/pp/191/en.yaml"


def test_log_lists_commits_and_the_history_each_recorded(repo: Path) -> None:
    write(
        repo / PATH,
        resolution(history=[{"event": "adopted", "place": "Guadalajara", "year": 2010}]),
    )
    first = commit_all(repo, "adopted at Guadalajara")
    write(repo / "other.txt", "unrelated")
    commit_all(repo, "unrelated")
    write(repo / PATH, resolution())
    second = commit_all(repo, "revised at Busan")
    git(repo, "mv", PATH, "resolutions/pp/191/en.yml")
    third = commit_all(repo, "rename")

    proc = run_cli("log", "resolutions/pp/191/en.yml", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    log = json.loads(proc.stdout)
    assert log["history"] == ["adopted Guadalajara, 2010", "revised Busan, 2014"]
    assert [(c["commit"], c["subject"], c["added"]) for c in log["commits"]] == [
        (third, "rename", []),
        (second, "revised at Busan", ["revised Busan, 2014"]),
        (first, "adopted at Guadalajara", ["adopted Guadalajara, 2010"]),
    ]
    assert log["commits"][2]["path"] == PATH

    text = run_cli("log", "resolutions/pp/191/en.yml").stdout.splitlines()
    assert text[0] == "resolutions/pp/191/en.yml: RESOLUTION 191 (Rev. Busan, 2014)"
    assert text[-2].startswith(f"  {second[:10]} ") and text[-2].endswith(
        "revised at Busan  [+revised Busan, 2014]"
    )


def test_log_outside_git_cannot_run(tmp_path: Path) -> None:
    path = write(tmp_path / "r.yaml", resolution())
    proc = run_cli("log", str(path))
    assert proc.returncode == 2
    assert proc.stderr.startswith("itures log: ")
    assert "not inside a git repository" in proc.stderr, proc.stderr
    assert "fatal:" not in proc.stderr


def test_log_of_a_directory_asks_for_one_file(repo: Path) -> None:
    # a directory holds the six language versions: its git log mixes them, and
    # the heading shown was whichever file git named first
    write(repo / "resolutions/pp/191/ar.yaml", resolution())
    write(repo / PATH, resolution())
    commit_all(repo, "both")
    for target in ("resolutions/pp/191", "resolutions"):
        proc = run_cli("log", target)
        assert proc.returncode == 2, proc.stdout
        assert proc.stdout == ""
        assert proc.stderr.startswith(f"itures log: {target}: a directory"), proc.stderr


def test_log_of_a_deleted_file_says_deleted(repo: Path) -> None:
    write(
        repo / PATH,
        resolution(history=[{"event": "adopted", "place": "Guadalajara", "year": 2010}]),
    )
    first = commit_all(repo, "adopted")
    git(repo, "rm", "-q", PATH)
    gone = commit_all(repo, "withdrawn")

    log = json.loads(run_cli("log", PATH, "--format", "json").stdout)
    assert log["deleted"] is True
    assert log["history"] == ["adopted Guadalajara, 2010"]  # as the last commit that had it
    assert [(c["commit"], c["deleted"], c["removed"]) for c in log["commits"]] == [
        (gone, True, []),  # the file went: not its history entries one by one
        (first, False, []),
    ]
    text = run_cli("log", PATH).stdout.splitlines()
    assert text[0] == f"{PATH}: RESOLUTION 191 (Guadalajara, 2010) (deleted)"
    assert text[-2].endswith("withdrawn  [deleted]"), text
    assert "not a valid resolution" not in "\n".join(text)

    # brought back: the file is there again, the deletion stays in its log
    write(repo / PATH, resolution())
    commit_all(repo, "restored")
    log = json.loads(run_cli("log", PATH, "--format", "json").stdout)
    assert log["deleted"] is False
    assert [c["deleted"] for c in log["commits"]] == [False, True, False]


def test_log_does_not_follow_another_language_version(repo: Path) -> None:
    """English deleted and French added alike in one commit: git pairs them
    as a rename, and the French log listed the English file's commits."""
    en = PATH
    fr = PATH.replace("en.yaml", "fr.yaml")
    write(repo / en, resolution())
    commit_all(repo, "English")
    git(repo, "rm", "-q", en)
    write(repo / fr, resolution(language="fr"))
    french = commit_all(repo, "French")
    log = json.loads(run_cli("log", fr, "--format", "json").stdout)
    assert [c["commit"] for c in log["commits"]] == [french]
    # a rename within one language is still followed
    moved = fr.replace("fr.yaml", "fr.yml")
    git(repo, "mv", fr, moved)
    renamed = commit_all(repo, "renamed")
    log = json.loads(run_cli("log", moved, "--format", "json").stdout)
    assert [c["commit"] for c in log["commits"]] == [renamed, french]
