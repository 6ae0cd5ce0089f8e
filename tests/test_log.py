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


GUADALAJARA = [{"event": "adopted", "place": "Guadalajara", "year": 2010}]


def _line_of(text: str, sha: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"  {sha[:10]} "))


def test_a_commit_that_broke_the_file_is_passed_over_in_the_comparison(repo: Path) -> None:
    """A commit that left the file invalid declares nothing: it is said to be
    no valid resolution, and the commit that mends it is compared with the
    last version that could be read, so it is credited only with what it
    added, not with the whole history again (the log said "Guadalajara, 2010"
    came with the mending commit, and that the broken one removed it)."""
    write(repo / PATH, resolution(history=GUADALAJARA))
    first = commit_all(repo, "adopted")
    write(repo / PATH, "title: [oops\n")
    broken = commit_all(repo, "broken")
    write(repo / PATH, resolution(title=["not", "a", "text"], history=GUADALAJARA))
    invalid = commit_all(repo, "valid YAML, not a valid resolution")
    write(repo / PATH, resolution())
    fixed = commit_all(repo, "fixed + Busan")

    log = json.loads(run_cli("log", PATH, "--format", "json").stdout)
    assert [(c["commit"], c["history"], c["added"], c["removed"]) for c in log["commits"]] == [
        (fixed, ["adopted Guadalajara, 2010", "revised Busan, 2014"], ["revised Busan, 2014"], []),
        (invalid, None, [], []),
        (broken, None, [], []),
        (first, ["adopted Guadalajara, 2010"], ["adopted Guadalajara, 2010"], []),
    ]
    text = run_cli("log", PATH).stdout
    assert _line_of(text, fixed).endswith(": fixed + Busan  [+revised Busan, 2014]")
    assert _line_of(text, broken).endswith(": broken  [not a valid resolution]")
    assert _line_of(text, invalid).endswith("not a valid resolution  [not a valid resolution]")
    assert "-adopted" not in text


def test_a_restored_file_is_compared_with_the_version_before_its_deletion(repo: Path) -> None:
    """A deletion removes the file, not its history entries one by one; the
    commit that brings it back is credited with what it changed since."""
    write(repo / PATH, resolution(history=GUADALAJARA))
    commit_all(repo, "adopted")
    git(repo, "rm", "-q", PATH)
    commit_all(repo, "withdrawn")
    write(repo / PATH, resolution())
    restored = commit_all(repo, "restored, revised at Busan")
    log = json.loads(run_cli("log", PATH, "--format", "json").stdout)
    assert (log["commits"][0]["commit"], log["commits"][0]["added"]) == (
        restored,
        ["revised Busan, 2014"],
    )
    assert [c["deleted"] for c in log["commits"]] == [False, True, False]


def test_a_rename_shows_the_old_path_and_the_identity_that_changed(repo: Path) -> None:
    """Resolution 191 renumbered 192 (git mv and its number changed): the log
    of pp/192 follows it back, and says at the commit of the rename which path
    and which number it had, in text and JSON (the text suggested that
    Resolution 192 was committed in the commit that made Resolution 191)."""
    new = PATH.replace("/191/", "/192/")
    write(repo / PATH, resolution(history=GUADALAJARA))
    first = commit_all(repo, "initial")
    (repo / new).parent.mkdir(parents=True)
    git(repo, "mv", PATH, new)
    write(repo / new, resolution(number="192", history=GUADALAJARA))
    renumbered = commit_all(repo, "renumber to 192")
    write(repo / new, resolution(number="192", body="wtdc", history=GUADALAJARA))
    moved = commit_all(repo, "a WTDC resolution after all")
    busan = {"event": "revised", "place": "Busan", "year": 2014}
    write(repo / new, resolution(number="192", body="wtdc", history=[*GUADALAJARA, busan]))
    edited = commit_all(repo, "revised")

    log = json.loads(run_cli("log", new, "--format", "json").stdout)
    rows = [
        (c["commit"], c["path"], c["renamed_from"], c["identity_changes"], c["added"])
        for c in log["commits"]
    ]
    assert rows == [
        (edited, new, None, [], ["revised Busan, 2014"]),
        (moved, new, None, [{"key": "body", "from": "pp", "to": "wtdc"}], []),
        (renumbered, new, PATH, [{"key": "number", "from": "191", "to": "192"}], []),
        (first, PATH, None, [], ["adopted Guadalajara, 2010"]),
    ]
    # the keys a tool read before are all still there
    assert set(log["commits"][0]) >= {
        "commit",
        "date",
        "author",
        "subject",
        "path",
        "history",
        "added",
        "removed",
        "deleted",
    }
    text = run_cli("log", new).stdout
    assert _line_of(text, renumbered).endswith(
        f": renumber to 192  [renamed from {PATH}; number 191 -> 192]"
    )
    assert _line_of(text, moved).endswith(": a WTDC resolution after all  [body pp -> wtdc]")
    assert _line_of(text, first).endswith(": initial  [+adopted Guadalajara, 2010]")
    assert _line_of(text, edited).endswith(": revised  [+revised Busan, 2014]")
