"""What a commit breaks elsewhere: the files citing a checked file.

A commit hook checks the staged files only, with the corpus loaded for
references. A staged change that removes or renumbers a clause cited by
another file must be reported at the citing file's line, although that file
is not staged.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import line_of, resolution, run_cli, write

CITED = "resolutions/pp/191/en.yaml"
CITING = "resolutions/pp/60/en.yaml"
OTHER = "resolutions/pp/61/en.yaml"


def _citing(number: str, target: str, words: str) -> dict[str, object]:
    data = resolution(number=number)
    clauses = data["operative"][0]["clauses"]
    clauses[0]["text"] = f"to apply [{words}]({target});"
    return data


def _corpus(root: Path) -> None:
    write(root / CITED, resolution())
    write(root / CITING, _citing("60", "pp:191@2014#resolves/3", "resolves 3 of Resolution 191"))
    # cites another resolution, with a broken citation that the change does not touch
    write(root / OTHER, _citing("61", "pp:60#resolves/9", "resolves 9 of Resolution 60"))


def _remove_clause_3(root: Path) -> None:
    data = resolution()
    del data["operative"][0]["clauses"][2]
    data["operative"][0]["clauses"][1]["text"] = "to avoid duplication of work between the Sectors."
    write(root / CITED, data)


def _json(root: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    proc = run_cli("check", "--format", "json", *args, cwd=root)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)["diagnostics"]


def test_a_removed_clause_is_reported_where_it_is_cited(tmp_path: Path) -> None:
    _corpus(tmp_path)
    code, found = _json(tmp_path, "--corpus", "resolutions", CITED)
    assert (code, found) == (0, [])
    _remove_clause_3(tmp_path)
    code, found = _json(tmp_path, "--corpus", "resolutions", CITED)
    assert code == 1
    assert [(d["rule"], d["path"], d["line"]) for d in found] == [
        ("reference-unresolved", CITING, line_of(tmp_path / CITING, "resolves 3 of"))
    ]
    assert "resolves/3" in str(found[0]["message"])


def test_citations_of_other_resolutions_are_not_reported(tmp_path: Path) -> None:
    """Resolution 61's broken citation of Resolution 60 is not what the change broke."""
    _corpus(tmp_path)
    code, found = _json(tmp_path, "--corpus", "resolutions", CITED)
    assert found == []
    # checking 60 itself: 61 cites it (clause 9 it lacks): reported at 61, as 60 is checked
    code, found = _json(tmp_path, "--corpus", "resolutions", CITING)
    assert code == 1
    assert [(d["rule"], d["path"]) for d in found] == [("reference-unresolved", OTHER)]


def test_a_revision_no_longer_in_the_history_is_reported_where_it_is_cited(tmp_path: Path) -> None:
    _corpus(tmp_path)
    data = resolution()
    data["history"] = [{"event": "adopted", "place": "Guadalajara", "year": 2010}]
    data["conference"] = "The Plenipotentiary Conference (Guadalajara, 2010),"
    write(tmp_path / CITED, data)
    code, found = _json(tmp_path, "--corpus", "resolutions", CITED)
    assert code == 1
    assert [(d["rule"], d["path"]) for d in found] == [("reference-revision", CITING)]


def test_a_suppressed_citation_stays_suppressed_and_its_suppression_is_not_judged(
    tmp_path: Path,
) -> None:
    _corpus(tmp_path)
    text = (tmp_path / CITING).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = line_of(tmp_path / CITING, "resolves 3 of") - 1
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    # the clause's entry starts a line above its text
    lines.insert(
        at - 1,
        f"{indent[:-2]}# itures: ignore[reference-unresolved] reason: cites the 2014 text\n"
        f"{indent[:-2]}# itures: ignore[punctuation] reason: kept as published\n",
    )
    (tmp_path / CITING).write_text("".join(lines), encoding="utf-8")
    _remove_clause_3(tmp_path)
    code, found = _json(tmp_path, "--corpus", "resolutions", CITED)
    # the citation's finding is suppressed; the unused punctuation suppression of a file that
    # is not checked is not reported
    assert (code, found) == (0, [])
    proc = run_cli(
        "check",
        "--format",
        "json",
        "--show-suppressed",
        "--corpus",
        "resolutions",
        CITED,
        cwd=tmp_path,
    )
    hidden = json.loads(proc.stdout)["suppressed"]
    assert [(d["rule"], d["path"], d["reason"]) for d in hidden] == [
        ("reference-unresolved", CITING, "cites the 2014 text")
    ]
