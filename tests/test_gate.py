"""``itures check --since REV``: the CI gate, in real git repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itures import rules
from itures.gate import GATE_RULES, check_since, history_problem
from itures.model.resolution import HistoryEntry
from tests.conftest import commit_all, git, line_of, resolution, run_cli, write

CITING = "resolutions/wtdc/59/en.yaml"
CITED = "resolutions/pp/191/en.yaml"


def _citing(**changes: object) -> dict[str, object]:
    data = resolution(body="wtdc", number="59", title="Coordination among the Sectors")
    data["operative"] = [
        {
            "verb": "resolves",
            "heading": "resolves",
            "clauses": [
                {"label": "1", "text": "to cooperate with the other Sectors;"},
                {
                    "label": "2",
                    "text": "to apply [resolves 3 of Resolution 191](pp:191#resolves/3).",
                },
            ],
        }
    ]
    data.update(changes)
    return data


def _renumber_clause_3(repo: Path) -> None:
    """Delete clause 2 of pp 191 and renumber clause 3 as 2."""
    data = resolution()
    clauses = data["operative"][0]["clauses"]
    del clauses[1]
    clauses[1]["label"] = "2"
    write(repo / CITED, data)


def _json(proc: object) -> dict[str, object]:
    return json.loads(proc.stdout)  # type: ignore[attr-defined,no-any-return]


def test_renumbered_clause_fails_the_gate_at_the_citing_line(repo: Path) -> None:
    if "reference-unresolved" not in rules.load_all():
        pytest.skip("the reference rules are not in this tree")
    write(repo / CITED, resolution())
    write(repo / CITING, _citing())
    base = commit_all(repo, "corpus")
    _renumber_clause_3(repo)
    commit_all(repo, "renumber resolves 3 of PP Resolution 191")
    assert git(repo, "diff", "--name-only", base, "HEAD").split() == [CITED]

    proc = run_cli("check", "--since", base, "resolutions", "--format", "json")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    found = [
        d
        for d in _json(proc)["diagnostics"]  # type: ignore[attr-defined]
        if d["rule"] == "reference-unresolved"
    ]
    line = line_of(repo / CITING, "pp:191#resolves/3")
    assert [(d["path"], d["line"]) for d in found] == [(CITING, line)]
    text = run_cli("check", "--since", base, "resolutions")
    assert f"{CITING}:{line}:" in text.stdout
    assert text.returncode == 1


DUBAI = "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),"


def test_history_may_grow(repo: Path) -> None:
    write(repo / CITED, resolution(history=[{"event": "revised", "place": "Busan", "year": 2014}]))
    base = commit_all(repo, "corpus")
    grown = resolution()  # adoption found, and a new revision
    grown["history"].append({"event": "revised", "place": "Dubai", "year": 2018})
    grown["conference"] = DUBAI  # (the formula names the new revision's conference)
    write(repo / CITED, grown)
    commit_all(repo, "history grows")
    assert check_since(["resolutions"], base).diagnostics == []

    shrunk = resolution(
        history=[{"event": "revised", "place": "Dubai", "year": 2018}], conference=DUBAI
    )
    write(repo / CITED, shrunk)
    assert [d.rule for d in check_since(["resolutions"], base).diagnostics] == ["history-rewritten"]


def test_history_problem() -> None:
    a = HistoryEntry(event="adopted", place="Kyoto", year=1994)
    b = HistoryEntry(event="revised", place="Busan", year=2014)
    c = HistoryEntry(event="revised", place="Dubai", year=2018)
    assert history_problem([a, b], [a, b, c]) is None
    assert history_problem([b], [a, b]) is None
    assert history_problem([a, c], [a, b, c]) is None
    assert history_problem([a, b], [b, a]) is not None
    assert history_problem([a, b], [a]) is not None
    assert history_problem([a], []) is not None


def test_language_drift(repo: Path) -> None:
    fr = resolution(language="fr")
    write(repo / CITED, resolution())
    write(repo / "resolutions/pp/191/fr.yaml", fr)
    base = commit_all(repo, "two languages")

    fr["operative"][0]["clauses"].append({"label": "4", "text": "de faire rapport."})
    write(repo / "resolutions/pp/191/fr.yaml", fr)
    result = check_since(["resolutions"], base)
    drift = [d for d in result.diagnostics if d.rule in GATE_RULES]
    assert [(d.rule, d.path, d.pointer) for d in drift] == [
        ("language-drift", "resolutions/pp/191/fr.yaml", "/operative/0/clauses/3")
    ]
    assert "resolves 4 was added" in drift[0].message
    assert "but not that of en" in drift[0].message

    en = resolution()
    en["operative"][0]["clauses"].append({"label": "4", "text": "to report."})
    write(repo / CITED, en)  # both languages alike: no drift
    after = check_since(["resolutions"], base).diagnostics
    assert [d for d in after if d.rule in GATE_RULES] == []


def test_bad_revision_cannot_run(repo: Path) -> None:
    write(repo / CITED, resolution())
    commit_all(repo, "corpus")
    proc = run_cli("check", "--since", "no-such-branch")
    assert proc.returncode == 2
    assert "no-such-branch: unknown revision" in proc.stderr


def test_since_outside_git_cannot_run(tmp_path: Path) -> None:
    write(tmp_path / CITED, resolution())
    proc = run_cli("check", "--since", "HEAD", str(tmp_path / "resolutions"))
    assert proc.returncode == 2
    assert proc.stderr.startswith("itures check --since: ")
