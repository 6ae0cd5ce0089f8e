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


def test_language_drift_is_the_one_finding_and_names_what_was_added(repo: Path) -> None:
    """A clause inserted in the middle of the English version alone: drift
    names it as added (not as the clause after it become another), at the
    English file, the one the change made differ; language-mismatch, which
    on a tie of two versions takes the English as the reference and so
    names the French file, is left out (one defect, one finding)."""
    write(repo / CITED, resolution())
    write(repo / "resolutions/pp/191/fr.yaml", resolution(language="fr"))
    base = commit_all(repo, "two languages")
    en = resolution()
    en["operative"][0]["clauses"].insert(1, {"label": "1bis", "text": "to plan the work;"})
    write(repo / CITED, en)
    found = [
        (d.rule, d.path)
        for d in check_since(["resolutions"], base).diagnostics
        if d.rule.startswith("language-")
    ]
    assert found == [("language-drift", CITED)]
    drift = next(
        d for d in check_since(["resolutions"], base).diagnostics if d.rule == "language-drift"
    )
    assert "(resolves 1bis was added)" in drift.message


def test_a_repair_that_brings_a_version_back_in_line_is_not_drift_beside_other_scripts(
    repo: Path,
) -> None:
    """The versions were compared by their labels as written: an Arabic
    version lettered أ), ب) never matched the others' a), b), so a repair
    bringing the English version back in line with all its siblings was
    reported as drift from the Arabic one, and failed the gate."""
    ar = resolution(language="ar")
    for item, letter in zip(ar["preamble"][0]["items"], ("أ)", "ب)"), strict=True):
        item["label"] = letter
    ru = resolution(language="ru")
    ru["preamble"][0]["items"][0]["label"] = "а)"  # (Cyrillic)
    write(repo / "resolutions/pp/191/ar.yaml", ar)
    write(repo / "resolutions/pp/191/ru.yaml", ru)
    write(repo / "resolutions/pp/191/fr.yaml", resolution(language="fr"))
    slipped = resolution()
    slipped["operative"][0]["clauses"][1]["label"] = "2bis"
    write(repo / CITED, slipped)
    base = commit_all(repo, "the English version relabelled one clause")

    write(repo / CITED, resolution())  # back in line with its three siblings
    result = check_since(["resolutions"], base)
    assert [d for d in result.diagnostics if d.rule == "language-drift"] == []

    moved = resolution()
    moved["operative"][0]["clauses"][2]["label"] = "4"  # a new slip: drift from all three
    write(repo / CITED, moved)
    [drift] = [
        d for d in check_since(["resolutions"], base).diagnostics if d.rule == "language-drift"
    ]
    assert "the versions ar, fr, ru" in drift.message


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


def _citing_clauses(*targets: str) -> dict[str, object]:
    """The citing file, its clause 2 citing each of ``targets`` of Resolution 191."""
    cites = " and ".join(f"[{t.split('#')[-1]} of Resolution 191]({t})" for t in targets)
    return _citing(
        operative=[
            {
                "verb": "resolves",
                "heading": "resolves",
                "clauses": [
                    {"label": "1", "text": "to cooperate with the other Sectors;"},
                    {"label": "2", "text": f"to apply {cites}."},
                ],
            }
        ]
    )


def _insert_clause_1(repo: Path, **changes: object) -> None:
    """Insert a new clause 1 in pp 191 and renumber the others 2, 3, 4."""
    data = resolution(**changes)
    clauses = data["operative"][0]["clauses"]
    for clause in clauses:
        clause["label"] = str(int(clause["label"]) + 1)
    clauses.insert(0, {"label": "1", "text": "to welcome the contributions of the Member States;"})
    write(repo / CITED, data)


def _shifted(repo: Path, base: str) -> list[tuple[str, int, str, str]]:
    proc = run_cli("check", "--since", base, "resolutions", "--format", "json")
    return [
        (d["path"], d["line"], d["message"], d["help"])
        for d in _json(proc)["diagnostics"]  # type: ignore[attr-defined]
        if d["rule"] == "reference-shifted"
    ]


def test_a_citation_of_a_clause_the_change_renumbered_fails_the_gate(repo: Path) -> None:
    """A clause inserted, the others renumbered: a citation of resolves/2 (of
    the revision the change edits, or of no revision) now names the new clause
    2; one of resolves/3/... inside a renumbered clause too. A label that
    names nothing now is reference-unresolved's, not this rule's."""
    write(repo / CITED, resolution())
    write(repo / CITING, _citing_clauses("pp:191@2014#resolves/2", "pp:191#resolves/3"))
    base = commit_all(repo, "corpus")
    _insert_clause_1(repo)
    commit_all(repo, "a clause inserted in PP Resolution 191")

    found = _shifted(repo, base)
    line = line_of(repo / CITING, "pp:191@2014#resolves/2")
    assert [(p, n) for p, n, _, _ in found] == [(CITING, line), (CITING, line)]
    assert found[0][2] == (
        f"pp:191#resolves/2 named clause resolves/2 as it was at {base}; this change renumbered "
        "it resolves/3, and the citation now names another clause"
    )
    assert found[0][3] == (
        f"write '#resolves/3' in the target if the citation still means what it named at {base}"
    )
    assert "renumbered it resolves/4" in found[1][2]


def test_a_citation_of_a_clause_the_change_removed_fails_the_gate(repo: Path) -> None:
    write(repo / CITED, resolution())
    write(repo / CITING, _citing_clauses("pp:191#resolves/2", "pp:191#resolves/1"))
    base = commit_all(repo, "corpus")
    _renumber_clause_3(repo)  # clause 2 deleted, 3 renumbered 2
    commit_all(repo, "clause 2 of PP Resolution 191 deleted")

    found = _shifted(repo, base)
    assert [(p, m) for p, _, m, _ in found] == [
        (
            CITING,
            f"pp:191#resolves/2 named clause resolves/2 as it was at {base}; this change removed "
            "it, and the citation now names another clause",
        )
    ]


def test_citations_that_still_name_what_they_named_pass_the_gate(repo: Path) -> None:
    """Citations of an earlier revision (the change adds a revision: that
    one's text is as it was), and citations updated with the change."""
    write(repo / CITED, resolution())
    write(repo / CITING, _citing_clauses("pp:191@2014#resolves/2"))
    base = commit_all(repo, "corpus")
    _insert_clause_1(
        repo,
        history=[
            {"event": "adopted", "place": "Guadalajara", "year": 2010},
            {"event": "revised", "place": "Busan", "year": 2014},
            {"event": "revised", "place": "Dubai", "year": 2018},
        ],
        conference=DUBAI,
    )
    commit_all(repo, "PP Resolution 191 revised at Dubai")
    assert _shifted(repo, base) == []

    write(repo / CITED, resolution())
    write(repo / CITING, _citing_clauses("pp:191#resolves/2"))
    base = commit_all(repo, "back")
    _insert_clause_1(repo)
    write(repo / CITING, _citing_clauses("pp:191#resolves/3"))
    commit_all(repo, "a clause inserted, and its citation updated")
    assert _shifted(repo, base) == []

    # a file added with the change cites the new numbering
    added = "resolutions/wtdc/60/en.yaml"
    write(repo / CITED, resolution())
    write(repo / CITING, _citing_clauses("pp:191#resolves/2"))
    base = commit_all(repo, "back again")
    _insert_clause_1(repo)
    data = _citing_clauses("pp:191#resolves/2")
    data["number"] = "60"
    write(repo / added, data)
    commit_all(repo, "another clause inserted, and a new resolution citing the new clause 2")
    assert [p for p, _, _, _ in _shifted(repo, base)] == [CITING]


def test_the_first_structural_difference_names_an_element_added_or_removed_in_the_middle() -> None:
    from itures.gate import _first_difference

    old = [(("operative", 0, "clauses", i), f"resolves {i + 1}") for i in range(3)]
    new = [old[0], (("operative", 0, "clauses", 1), "resolves 1bis"), *old[1:]]
    assert _first_difference(old, new)[1] == "resolves 1bis was added"
    assert _first_difference(new, old)[1] == "resolves 1bis was removed"
    changed = [old[0], (("operative", 0, "clauses", 1), "resolves 5"), old[2]]
    assert _first_difference(old, changed)[1] == "resolves 2 became resolves 5"


def test_a_history_rewritten_in_one_version_is_not_also_a_language_mismatch(repo: Path) -> None:
    history = [
        {"event": "adopted", "place": "Marrakesh", "year": 2002},
        {"event": "revised", "place": "Busan", "year": 2014},
    ]
    fr = str(CITED).replace("en.yaml", "fr.yaml")
    write(repo / CITED, resolution(history=history))
    write(repo / fr, resolution(history=history, language="fr"))
    base = commit_all(repo, "two versions")
    before = {d.rule for d in check_since(["resolutions"], base).diagnostics}
    write(repo / CITED, resolution(history=history[1:]))
    commit_all(repo, "the adoption struck from the English version")
    found = check_since(["resolutions"], base).diagnostics
    new = [(d.rule, d.path) for d in found if d.rule not in before]
    assert new == [("history-rewritten", CITED)]
    assert not any(d.rule == "language-mismatch" for d in found)


def test_a_label_mistyped_in_one_version_is_the_numbering_finding_not_also_drift(
    repo: Path,
) -> None:
    """resolves 3 relabelled 4 in the English version: numbering-gap says it,
    with the fix that also restores the structure; language-drift at the same
    label was a second finding for the one slip."""
    fr = str(CITED).replace("en.yaml", "fr.yaml")
    write(repo / CITED, resolution())
    write(repo / fr, resolution(language="fr"))
    base = commit_all(repo, "two versions")
    data = resolution()
    data["operative"][0]["clauses"][2]["label"] = "4"  # type: ignore[index]
    write(repo / CITED, data)
    found = check_since(["resolutions"], base).diagnostics
    assert [(d.rule, d.path) for d in found] == [("numbering-gap", CITED)], found
    # a clause added in one version alone is still drift
    data = resolution()
    data["operative"][0]["clauses"].append({"label": "4", "text": "to end."})  # type: ignore[index,union-attr]
    data["operative"][0]["clauses"][2]["text"] = "to report on the progress made every year;"  # type: ignore[index]
    write(repo / CITED, data)
    found = check_since(["resolutions"], base).diagnostics
    assert [d.rule for d in found] == ["language-drift"], found


def test_the_gate_findings_are_the_names_config_and_suppressions_refuse() -> None:
    assert tuple(GATE_RULES) == rules.GATE


def _removed(repo: Path, base: str) -> list[tuple[str, str, int]]:
    found = check_since(["resolutions"], base).diagnostics
    return [(d.rule, d.path, d.line) for d in found if d.rule.startswith("reference-")]


def test_a_resolution_removed_while_others_cite_it(repo: Path) -> None:
    write(repo / CITED, resolution())
    write(repo / CITING, _citing())
    base = commit_all(repo, "corpus")
    line = line_of(repo / CITING, "pp:191#resolves/3")
    (repo / CITED).unlink()
    commit_all(repo, "pp/191 removed")
    assert _removed(repo, base) == [("reference-removed", CITING, line)]
    # with pp in the reference scope, reference-unresolved says it too: one finding
    (repo / "pyproject.toml").write_text('[tool.itures]\nreference-scope = ["pp"]\n')
    assert _removed(repo, base) == [("reference-removed", CITING, line)]


def test_a_resolution_removed_in_every_language_is_named_in_the_citing_files(
    repo: Path,
) -> None:
    """The removed file named at an English citation is the English version
    (it was whichever deleted file came last: 'ar.yaml')."""
    cited = str(CITED)
    for language in ("ar", "en", "fr", "zh"):
        write(repo / cited.replace("en.yaml", f"{language}.yaml"), resolution(language=language))
    write(repo / CITING, _citing())
    base = commit_all(repo, "corpus")
    for language in ("ar", "en", "fr", "zh"):
        (repo / cited.replace("en.yaml", f"{language}.yaml")).unlink()
    commit_all(repo, "pp/191 removed in every language")
    found = [
        d for d in check_since(["resolutions"], base).diagnostics if d.rule == "reference-removed"
    ]
    assert found and all(f"({CITED} at " in d.message for d in found), [d.message for d in found]


def test_a_resolution_moved_or_a_citation_written_with_the_change_is_not_removed(
    repo: Path,
) -> None:
    write(repo / CITED, resolution())
    write(repo / CITING, _citing())
    base = commit_all(repo, "corpus")
    moved = repo / "resolutions/pp/191/fr.yaml"  # (another path, the same identity)
    moved.parent.mkdir(parents=True, exist_ok=True)
    (repo / CITED).rename(moved)
    commit_all(repo, "moved")
    assert [r for r in _removed(repo, base) if r[0] == "reference-removed"] == []
    moved.unlink()
    write(repo / CITING, _citing(title="Coordination among the Sectors, cited anew"))
    data = _citing()
    data["operative"][0]["clauses"][1]["text"] = (  # type: ignore[index]
        "to apply [resolves 1 of Resolution 191](pp:191@2014#resolves/1)."
    )
    write(repo / CITING, data)
    commit_all(repo, "removed, the citation rewritten")
    assert [r for r in _removed(repo, base) if r[0] == "reference-removed"] == []
