"""``itures diff``: clause by clause, matched by content."""

from __future__ import annotations

import json
from pathlib import Path

from itures.diff import diff_resolutions, render_lines, word_diff
from itures.model.resolution import Resolution
from tests.conftest import commit_all, git, resolution, run_cli, write

PATH = "resolutions/pp/191/en.yaml"


def test_clause_inserted_at_2_is_one_insertion_and_renumbering(repo: Path) -> None:
    write(repo / PATH, resolution())
    first = commit_all(repo, "adopted")
    data = resolution()
    clauses = data["operative"][0]["clauses"]
    clauses.insert(1, {"label": "2", "text": "to hold a coordination meeting every year;"})
    clauses[2]["label"] = "3"
    clauses[3]["label"] = "4"
    write(repo / PATH, data)
    second = commit_all(repo, "insert resolves 2")

    proc = run_cli("diff", "--rev", first, "--rev", second, PATH, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout) == {
        "old": f"{PATH}@{first}",
        "new": f"{PATH}@{second}",
        "changes": [
            {
                "change": "added",
                "unit": "clause",
                "old": None,
                "new": {"at": "resolves/2", "pointer": "/operative/0/clauses/1"},
                "text": "to hold a coordination meeting every year;",
            },
            {
                "change": "renumbered",
                "unit": "clause",
                "old": {"at": "resolves/2", "pointer": "/operative/0/clauses/1"},
                "new": {"at": "resolves/3", "pointer": "/operative/0/clauses/2"},
                "labels": ["2", "3"],
            },
            {
                "change": "renumbered",
                "unit": "clause",
                "old": {"at": "resolves/3", "pointer": "/operative/0/clauses/2"},
                "new": {"at": "resolves/4", "pointer": "/operative/0/clauses/3"},
                "labels": ["3", "4"],
            },
        ],
    }
    text = run_cli("diff", "--rev", first, "--rev", second, PATH)
    assert text.stdout.splitlines()[2:] == [
        "added clause resolves/2: to hold a coordination meeting every year;",
        "renumbered clause resolves/2 -> resolves/3",
        "renumbered clause resolves/3 -> resolves/4",
    ]
    # one --rev: that revision against the working tree (unchanged since)
    same = run_cli("diff", "--rev", second, PATH)
    assert (same.returncode, same.stdout.splitlines()[-1]) == (0, "no changes")


def _res(**changes: object) -> Resolution:
    return Resolution.model_validate(resolution(**changes))


def test_changed_clause_has_a_word_diff() -> None:
    new = resolution()
    new["operative"][0]["clauses"][1]["text"] = (
        "to avoid any duplication of work among the Sectors;"
    )
    (change,) = diff_resolutions(_res(), Resolution.model_validate(new))
    assert change.to_dict() == {
        "change": "changed",
        "unit": "clause",
        "old": {"at": "resolves/2", "pointer": "/operative/0/clauses/1"},
        "new": {"at": "resolves/2", "pointer": "/operative/0/clauses/1"},
        "words": [
            ["=", "to avoid"],
            ["+", " any"],
            ["=", " duplication of work "],
            ["-", "between"],
            ["+", "among"],
            ["=", " the Sectors;"],
        ],
    }


def test_removed_moved_and_section_changes() -> None:
    new = resolution()
    clauses = new["operative"][0]["clauses"]
    moved = clauses.pop(0)  # resolves 1 moves to a new section
    new["operative"].append(
        {"verb": "instructs", "heading": "instructs the Secretary-General", "clauses": [moved]}
    )
    new["preamble"][0]["items"].pop()  # considering b) removed
    changes = [
        (c.change, c.unit, c.old.at if c.old else None, c.new.at if c.new else None)
        for c in diff_resolutions(_res(), Resolution.model_validate(new))
    ]
    assert changes == [
        ("removed", "item", "considering/b", None),
        ("added", "section", None, "instructs"),
        ("moved", "clause", "resolves/1", "instructs/1"),
    ]


def test_history_and_title() -> None:
    new = resolution(title="A new title")
    new["history"].append({"event": "revised", "place": "Dubai", "year": 2018})
    changes = [c.to_dict() for c in diff_resolutions(_res(), Resolution.model_validate(new))]
    assert [(c["change"], c["unit"]) for c in changes] == [
        ("changed", "title"),
        ("added", "history"),
    ]
    assert changes[1]["text"] == "revised Dubai, 2018"


def test_word_diff_law() -> None:
    """The pieces, joined, give each text exactly (tests/test_diff_words.py
    holds the property for any texts)."""
    old, new = "a  b c d", "a x c d e"
    segments = word_diff(old, new)
    assert "".join(t for op, t in segments if op != "+") == old
    assert "".join(t for op, t in segments if op != "-") == new


def test_diff_of_two_files_and_bad_input(tmp_path: Path) -> None:
    a = write(tmp_path / "a.yaml", resolution())
    b = write(tmp_path / "b.yaml", resolution(title="Other"))
    proc = run_cli("diff", str(a), str(b))
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[:2] == [f"--- {a}", f"+++ {b}"]
    assert proc.stdout.splitlines()[2] == (
        "changed title: [-Strategy for the coordination of efforts among the three Sectors of"
        " the Union-] {+Other+}"
    )
    bad = write(tmp_path / "bad.yaml", "body: [\n")
    proc = run_cli("diff", str(a), str(bad))
    assert proc.returncode == 2
    assert "yaml-syntax" in proc.stderr
    assert run_cli("diff", str(a)).returncode == 2


def test_a_file_the_change_adds_or_deletes_is_all_added_or_all_removed(repo: Path) -> None:
    write(repo / "resolutions/pp/2/en.yaml", resolution(number="2"))
    before = commit_all(repo, "another")
    write(repo / PATH, resolution())
    added = commit_all(repo, "adopted")
    shown = run_cli("diff", "--rev", before, "--rev", added, PATH)
    assert shown.returncode == 1, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == f"--- {PATH}@{before} (absent)"
    assert "added section resolves: resolves" in lines
    assert not any(line.startswith("removed ") for line in lines)
    (repo / PATH).unlink()
    deleted = commit_all(repo, "abrogated")
    gone = run_cli("diff", "--rev", added, "--rev", deleted, PATH, "--format", "json")
    assert gone.returncode == 1, gone.stderr
    kinds = {c["change"] for c in json.loads(gone.stdout)["changes"]}
    assert "removed" in kinds and "added" not in kinds
    # absent on both sides: nothing to compare
    neither = run_cli("diff", "--rev", before, "--rev", deleted, PATH)
    assert neither.returncode == 2 and "no such file" in neither.stderr


def test_a_section_moved_is_one_change() -> None:
    sections = [
        {"verb": "recalling", "heading": "recalling", "items": [{"label": "a)", "text": "one,"}]},
        {
            "verb": "considering",
            "heading": "considering",
            "items": [{"label": "a)", "text": "two,"}],
        },
        {"verb": "noting", "heading": "noting", "items": [{"label": "a)", "text": "three,"}]},
    ]
    old = _res(preamble=sections)
    new = _res(preamble=[sections[1], sections[0], sections[2]])
    changes = diff_resolutions(old, new)
    assert [c.to_dict()["change"] for c in changes] == ["moved"]
    assert render_lines_of(changes) == ["moved section considering (/preamble/1 -> /preamble/0)"]
    assert diff_resolutions(old, _res(preamble=sections)) == []


def render_lines_of(changes: object) -> list[str]:
    from itures.diff import render_lines

    return list(render_lines(changes))  # type: ignore[arg-type]


def test_a_label_restyled_is_shown_with_both_labels() -> None:
    """'a)' -> '(a)' names the same unit (recalling/a): the line shows the two
    labels, for a unit otherwise unchanged and beside a word change alike."""
    new = resolution()
    items = new["preamble"][0]["items"]
    for item in items:
        item["label"] = f"({item['label'].rstrip(')')})"
    items[0]["text"] = items[0]["text"].replace("the", "this", 1)
    changes = diff_resolutions(_res(), Resolution.model_validate(new))
    lines = list(render_lines(changes))
    verb = new["preamble"][0]["verb"]
    assert lines[0].startswith(f"changed item {verb}/a (label 'a)' -> '(a)'): ")
    assert lines[1] == f"renumbered item {verb}/b (label 'b)' -> '(b)')"
    assert changes[1].to_dict()["labels"] == ["b)", "(b)"]


def test_a_file_renamed_is_compared_with_itself_under_its_other_name(repo: Path) -> None:
    write(repo / PATH, resolution())
    first = commit_all(repo, "adopted")
    moved = PATH.replace("en.yaml", "en.yml")
    git(repo, "mv", PATH, moved)
    data = resolution()
    data["operative"][0]["clauses"][0]["text"] = "to strengthen coordination among the Sectors;"
    write(repo / moved, data)
    # the rename staged, not committed: the working tree is the new side
    staged = run_cli("diff", "--rev", first, moved)
    assert staged.returncode == 1, staged.stderr
    assert staged.stdout.splitlines() == [
        f"--- {PATH}@{first}",
        f"+++ {moved}",
        "changed clause resolves/1: to strengthen coordination among the [-three-] Sectors;",
    ]
    second = commit_all(repo, "renamed")
    for named in (moved, PATH):  # by its new name, or its old one
        shown = run_cli("diff", "--rev", first, "--rev", second, named)
        assert shown.returncode == 1, shown.stderr
        lines = shown.stdout.splitlines()
        assert sorted(lines[:2]) == sorted([f"--- {PATH}@{first}", f"+++ {moved}@{second}"])
        assert lines[2:] == [
            "changed clause resolves/1: to strengthen coordination among the [-three-] Sectors;"
        ]


def test_a_version_that_does_not_exist_is_compared_with_nothing() -> None:
    """What Corpus.get gives for a resolution a revision lacks (None): every
    unit added, or removed; None on both sides is a TypeError."""
    import pytest

    res = _res()
    added = diff_resolutions(None, res)
    removed = diff_resolutions(res, None)
    # every unit, the title too (it was 'changed title: [-...-]', a diff to nothing)
    assert added and {c.change for c in added} == {"added"}
    assert {c.change for c in removed} == {"removed"}
    assert "added section resolves: resolves" in list(render_lines(added))
    assert f"removed title: {res.title}" in list(render_lines(removed))
    with pytest.raises(TypeError):
        diff_resolutions(None, None)


def test_a_file_renamed_and_rewritten_is_still_compared_with_itself(repo: Path) -> None:
    """git pairs no rename when the file is rewritten as well (another layout,
    most texts reworded): the same file name with the other extension is the
    same resolution, compared with itself."""
    write(repo / PATH, resolution())
    first = commit_all(repo, "adopted")
    moved = PATH.replace("en.yaml", "en.yml")
    git(repo, "rm", "-q", PATH)
    data = resolution()
    for clause in data["operative"][0]["clauses"]:
        clause["text"] = clause["text"].replace("the", "all the").replace("to ", "so as to ")
    write(repo / moved, json.dumps(data, ensure_ascii=False))
    second = commit_all(repo, "renamed and rewritten")
    shown = run_cli("diff", "--rev", first, "--rev", second, moved)
    assert shown.returncode == 1, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[:2] == [f"--- {PATH}@{first}", f"+++ {moved}@{second}"]
    assert not any(line.startswith("added section") for line in lines)


def test_diff_of_a_deleted_file_removes_every_unit_and_a_directory_is_refused(repo: Path) -> None:
    """A file deleted since REV: every unit removed, its title too (it read
    'changed title: [-...-]'). A directory (the six language versions) is
    refused with what to give, as `itures log` does, not 'no such file'."""
    write(repo / PATH, resolution())
    first = commit_all(repo, "adopted")
    git(repo, "rm", "-q", PATH)
    write(repo / "resolutions/pp/191/fr.yaml", resolution(language="fr"))
    second = commit_all(repo, "English withdrawn")
    shown = run_cli("diff", "--rev", first, "--rev", second, PATH)
    assert shown.returncode == 1, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[1] == f"+++ {PATH}@{second} (absent)"
    assert lines[2] == f"removed title: {resolution()['title']}"
    assert all(line.startswith("removed ") for line in lines[2:]), lines
    as_json = json.loads(run_cli("diff", "--rev", first, "--format", "json", PATH).stdout)
    assert {c["change"] for c in as_json["changes"]} == {"removed"}
    for target in ("resolutions/pp/191", "resolutions/pp/191/"):
        refused = run_cli("diff", "--rev", first, target)
        assert refused.returncode == 2 and refused.stdout == ""
        assert "a directory; name one resolution file in it" in refused.stderr, refused.stderr
    refused = run_cli("diff", "resolutions/pp/191", "resolutions/pp/191/fr.yaml")
    assert refused.returncode == 2 and "a directory" in refused.stderr
