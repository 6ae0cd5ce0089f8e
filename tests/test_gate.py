"""``itures check --since REV``: the CI gate, in real git repositories."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from itures import rules
from itures.gate import check_since, history_problem
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


@pytest.fixture
def citation_rule() -> Iterator[str]:
    """A rule over the corpus index, standing for the cross-file rules."""
    name = "test-clause-cited"

    @rules.rule(name, "error", "a cited clause is missing (test rule)")
    def check(ctx: rules.Context) -> Iterator[rules.Finding]:
        for path, cite in ctx.resolution.citations():
            if not cite.fragment or ctx.index is None:
                continue
            ref = cite.resolutions[0]
            target = ctx.index.get(ref.body, ref.number)
            verb, *labels = cite.fragment
            section = target.section(verb) if target else None
            found = [c.label for c in getattr(section, "clauses", [])]
            if labels and labels[0] not in found:
                yield rules.Finding(path, f"{cite.target}: no such clause")

    try:
        yield name
    finally:
        rules.REGISTRY.pop(name, None)


def test_what_a_change_breaks_elsewhere_is_reported(repo: Path, citation_rule: str) -> None:
    write(repo / CITED, resolution())
    write(repo / CITING, _citing())
    base = commit_all(repo, "corpus")
    _renumber_clause_3(repo)
    commit_all(repo, "renumber")
    result = check_since(["resolutions"], base)
    found = [(d.rule, d.path, d.line) for d in result.diagnostics]
    assert found == [(citation_rule, CITING, line_of(repo / CITING, "pp:191#resolves/3"))]
    assert result.exit_code == 1


def test_old_problems_of_unchanged_files_are_not_reported(repo: Path) -> None:
    broken = resolution(body="wtdc", number="5")
    broken["operative"][0]["clauses"][2]["label"] = 3  # an integer: a schema error
    write(repo / "resolutions/wtdc/5/en.yaml", broken)
    write(repo / CITED, resolution())
    base = commit_all(repo, "corpus")
    assert check_since(["resolutions"], base).diagnostics == []  # nothing changed

    changed = resolution()
    changed["title"] = "A new title"
    write(repo / CITED, changed)
    assert check_since(["resolutions"], base).exit_code == 0

    write(repo / "resolutions/wtdc/5/en.yaml", broken | {"title": "Touched"})
    result = check_since(["resolutions"], base)
    assert [(d.rule, d.path) for d in result.diagnostics] == [
        ("schema", "resolutions/wtdc/5/en.yaml")
    ]


def test_rewritten_history_fails_the_gate(repo: Path) -> None:
    write(repo / CITED, resolution())
    base = commit_all(repo, "corpus")
    data = resolution()
    data["history"][1]["place"] = "Dubai"  # Busan, 2014 rewritten
    write(repo / CITED, data)
    commit_all(repo, "rewrite history")

    proc = run_cli("check", "--since", base, "--format", "json")
    assert proc.returncode == 1
    (d,) = _json(proc)["diagnostics"]  # type: ignore[misc]
    assert d["rule"] == "history-rewritten"
    assert (d["path"], d["line"], d["pointer"]) == (
        CITED,
        line_of(repo / CITED, "place: Dubai") - 1,
        "/history/1",
    )
    assert "revised Busan, 2014" in d["message"]


def test_history_may_grow(repo: Path) -> None:
    write(repo / CITED, resolution(history=[{"event": "revised", "place": "Busan", "year": 2014}]))
    base = commit_all(repo, "corpus")
    grown = resolution()  # adoption found, and a new revision
    grown["history"].append({"event": "revised", "place": "Dubai", "year": 2018})
    write(repo / CITED, grown)
    commit_all(repo, "history grows")
    assert check_since(["resolutions"], base).diagnostics == []

    shrunk = resolution(history=[{"event": "revised", "place": "Dubai", "year": 2018}])
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
    assert [(d.rule, d.path, d.pointer) for d in result.diagnostics] == [
        ("language-drift", "resolutions/pp/191/fr.yaml", "/operative/0/clauses/3")
    ]
    assert "resolves 4 was added" in result.diagnostics[0].message
    assert "but not that of en" in result.diagnostics[0].message

    en = resolution()
    en["operative"][0]["clauses"].append({"label": "4", "text": "to report."})
    write(repo / CITED, en)  # both languages alike: no drift
    assert check_since(["resolutions"], base).diagnostics == []


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
