"""``check --since`` checks what a change can alter, and gives what a whole check would.

The gate checks the changed files and the unchanged files related to them
(the other files of a touched identity, the files citing one), not the
corpus. Each scenario below is compared with the definition the gate had
when it checked everything: every diagnostic of a changed file, and every
diagnostic of an unchanged file that the corpus at the base revision did not
have (both corpora checked whole, without a cache).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from itures import pipeline
from itures.corpus import RevisionCorpus, check_paths
from itures.diagnostics import Diagnostic
from itures.gate import GATE_RULES, check_since
from tests.conftest import commit_all, resolution, write


def _citing(number: str, target: str, language: str = "en") -> dict[str, Any]:
    data = resolution(body="wtdc", number=number, language=language)
    data["operative"][0]["clauses"][2]["text"] = f"to apply [the text cited]({target}) every year."
    return data


def _corpus(repo: Path) -> None:
    # every body the corpus holds is held completely: a citation of a resolution
    # of such a body that the corpus lacks is reported
    write(repo / "pyproject.toml", '[tool.itures]\nreference-scope = ["*"]\n')
    write(repo / "resolutions/pp/191/en.yaml", resolution())
    write(repo / "resolutions/pp/191/fr.yaml", resolution(language="fr"))
    write(repo / "resolutions/pp/200/en.yaml", resolution(number="200"))
    write(repo / "resolutions/wtdc/1/en.yaml", _citing("1", "pp:191#resolves/3"))
    write(repo / "resolutions/wtdc/2/en.yaml", _citing("2", "pp:200#resolves/2"))
    write(repo / "resolutions/wtdc/3/en.yaml", _citing("3", "pp:191@2014"))
    # a citation of a body the corpus does not hold yet: not judged until it does
    write(repo / "resolutions/wtdc/12/en.yaml", _citing("12", "wtsa:5#resolves/1"))
    for n in range(4, 12):  # unrelated files: the gate must not need them
        write(repo / f"resolutions/wtdc/{n}/en.yaml", _citing(str(n), "pp:200"))


def _drop_clause_3(repo: Path) -> None:
    data = resolution()
    del data["operative"][0]["clauses"][2]
    write(repo / "resolutions/pp/191/en.yaml", data)


def _namesake(repo: Path) -> None:
    # pp 200 becomes a second pp 191 (en): a duplicate identity, in a folder of another number
    write(repo / "resolutions/pp/200/en.yaml", resolution())


def _delete_cited(repo: Path) -> None:
    os.remove(repo / "resolutions/pp/200/en.yaml")


def _new_language(repo: Path) -> None:
    data = resolution(language="es")
    del data["preamble"][0]["items"][1]
    write(repo / "resolutions/pp/191/es.yaml", data)


def _unrelated_edit(repo: Path) -> None:
    data = _citing("7", "pp:200")
    data["operative"][0]["clauses"][0]["label"] = "5"
    write(repo / "resolutions/wtdc/7/en.yaml", data)


def _new_body(repo: Path) -> None:
    # the first resolution of a body: citations of that body are judged now, in
    # files that do not cite the new one
    write(repo / "resolutions/wtsa/1/en.yaml", resolution(body="wtsa", number="1"))


def _uncommitted(repo: Path) -> None:
    _drop_clause_3(repo)


SCENARIOS: dict[str, Callable[[Path], None]] = {
    "clause cited elsewhere removed": _drop_clause_3,
    "identity made a namesake": _namesake,
    "cited file deleted": _delete_cited,
    "language version added": _new_language,
    "unrelated file edited": _unrelated_edit,
    "a new body": _new_body,
}


def _key(d: Diagnostic) -> tuple[Any, ...]:
    return (os.path.normpath(d.path), d.rule, d.line, d.column, d.message)


def _whole(base: str) -> list[tuple[Any, ...]]:
    """The gate's diagnostics by its definition, both corpora checked whole."""
    now = check_paths(["resolutions"])
    then = RevisionCorpus("resolutions", base)
    old = then.contents()
    files = {os.path.normpath(d) for d in then.files}
    changed = set()
    for top, _, names in os.walk("resolutions"):
        for name in names:
            path = os.path.normpath(os.path.join(top, name))
            if path not in files or Path(path).read_bytes() != old[path]:
                changed.add(path)
    known = {
        (os.path.normpath(d.path), d.rule, d.pointer, d.message) for d in then.check().diagnostics
    }
    return sorted(
        _key(d)
        for d in now.diagnostics
        if os.path.normpath(d.path) in changed
        or (os.path.normpath(d.path), d.rule, d.pointer, d.message) not in known
    )


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
@pytest.mark.parametrize("cached", [True, False], ids=["cache", "no-cache"])
def test_the_gate_gives_what_a_whole_check_gives(
    repo: Path, scenario: str, cached: bool, tmp_path: Path
) -> None:
    _corpus(repo)
    base = commit_all(repo, "corpus")
    if cached:  # the usual CI run: the working tree was checked before
        check_paths(["resolutions"], cache=_cache(tmp_path))
    SCENARIOS[scenario](repo)
    commit_all(repo, scenario)
    result = check_since(["resolutions"], base, cache=_cache(tmp_path) if cached else None)
    expected = _without_drifted(_whole(base), result.diagnostics)
    got = sorted(_key(d) for d in result.diagnostics if d.rule not in GATE_RULES)
    assert got == expected
    # every scenario changes something a check reports (or, a cited file
    # deleted, that the gate reports in its stead: reference-removed)
    assert expected or any(d.rule in GATE_RULES for d in result.diagnostics)


def _without_drifted(
    expected: list[tuple[Any, ...]], gate: list[Diagnostic]
) -> list[tuple[Any, ...]]:
    """The whole check's findings but those a gate finding is the one finding
    of (see docs/ci.md): the language-mismatch ones of a resolution (its
    directory, in this layout) that the gate says drifted (language-drift),
    and a reference-unresolved at the place of a reference-removed."""
    drifted = {
        os.path.dirname(os.path.normpath(d.path)) for d in gate if d.rule == "language-drift"
    }
    removed = {
        (os.path.normpath(d.path), d.line, d.column) for d in gate if d.rule == "reference-removed"
    }
    return [
        key
        for key in expected
        if not (key[1] == "language-mismatch" and os.path.dirname(key[0]) in drifted)
        and not (key[1] == "reference-unresolved" and (key[0], key[2], key[3]) in removed)
    ]


def _cache(tmp_path: Path) -> Any:
    from itures.cache import Cache

    return Cache(tmp_path / "cache")


def test_uncommitted_changes_count_as_changed(repo: Path, tmp_path: Path) -> None:
    _corpus(repo)
    base = commit_all(repo, "corpus")
    _uncommitted(repo)  # not committed: the working tree is what is checked
    result = check_since(["resolutions"], base, cache=_cache(tmp_path))
    expected = _without_drifted(_whole(base), result.diagnostics)
    assert sorted(_key(d) for d in result.diagnostics if d.rule not in GATE_RULES) == expected
    assert any(d.rule == "reference-unresolved" for d in result.diagnostics)


def test_the_gate_reads_what_the_change_touches(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the working tree checked before, a one-file change reads the changed file
    and nothing else: the related files' outcomes come from the cache, the eight
    unrelated files are known by their cards alone."""
    _corpus(repo)
    base = commit_all(repo, "corpus")
    check_paths(["resolutions"], cache=_cache(tmp_path))
    _drop_clause_3(repo)
    commit_all(repo, "drop resolves 3")
    read: list[str] = []
    real = pipeline.analyse

    def counting(path: str, data: bytes, runner: Any, *, keep: bool = False) -> Any:
        read.append(os.path.normpath(path))
        return real(path, data, runner, keep=keep)

    monkeypatch.setattr(pipeline, "analyse", counting)
    result = check_since(["resolutions"], base, cache=_cache(tmp_path), jobs=1)
    assert any(d.rule == "reference-unresolved" for d in result.diagnostics)
    # the changed file as it is now; as it was at the base revision, it is in the
    # cache (the check before the change read those bytes)
    assert read == [os.path.normpath("resolutions/pp/191/en.yaml")]
