"""A small corpus repository (tests/rules/corpus): references across files.

Two bodies (pp, wtdc) and two languages (en, fr); ``resolutions/wtdc/59/fr.yaml``
cites a missing resolution, a missing clause and a wrong revision, among
citations that resolve and citations of a body outside the reference scope.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itures.cli import main
from tests.conftest import DIAGNOSTIC_KEYS

CORPUS = Path(__file__).parent / "corpus"
CITING = "resolutions/wtdc/59/fr.yaml"


def _line(path: str, needle: str) -> tuple[int, int]:
    text = (CORPUS / path).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return n, line.index(needle) + 1
    raise AssertionError(needle)


EXPECTED = [
    ("reference-unresolved", *_line(CITING, "[la Résolution 999")),
    ("reference-unresolved", *_line(CITING, "[décide 7 de la Résolution 191]")),
    ("reference-text", *_line(CITING, "[la Résolution 5 (Rév. Dubaï, 2013)]")),
]


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    code = main(["check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture(autouse=True)
def _in_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)


def test_the_corpus_has_two_bodies_and_two_languages() -> None:
    files = sorted(p.relative_to(CORPUS / "resolutions") for p in CORPUS.rglob("*.yaml"))
    assert {f.parts[0] for f in files} >= {"pp", "wtdc"}
    assert {f.stem for f in files} >= {"en", "fr"}


def test_each_bad_citation_is_reported_at_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload = _json(capsys)
    assert code == 1
    diagnostics = payload["diagnostics"]
    assert isinstance(diagnostics, list)
    assert [(d["rule"], d["line"], d["column"]) for d in diagnostics] == EXPECTED
    for d in diagnostics:
        assert set(d) == DIAGNOSTIC_KEYS
        assert d["severity"] == "error"
        assert d["path"] == CITING
        assert d["pointer"] == "/preamble/0/items/3/text"


def test_a_file_checked_alone_resolves_against_the_whole_corpus(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What a pre-commit hook does: only the changed file is passed."""
    code, payload = _json(capsys, CITING)
    assert code == 1
    assert payload["summary"] == {
        "files": 1,
        "errors": 3,
        "warnings": 0,
        "suppressed": 0,
        "failures": [],
    }
    diagnostics = payload["diagnostics"]
    assert isinstance(diagnostics, list)
    assert [(d["rule"], d["line"], d["column"]) for d in diagnostics] == EXPECTED


def test_without_the_scope_a_missing_resolution_is_not_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "pyproject.toml"
    empty.write_text("[tool.itures]\ncorpus = '%s'\n" % (CORPUS / "resolutions"), encoding="utf-8")
    code, payload = _json(capsys, "--config", str(empty))
    assert code == 1
    diagnostics = payload["diagnostics"]
    assert isinstance(diagnostics, list)
    assert [(d["rule"], d["line"], d["column"]) for d in diagnostics] == EXPECTED[1:]


def test_json_lists_every_field_on_each_rule_case(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--format json on a rule fixture: one record per diagnostic, every field."""
    from tests.rules.conftest import load_cases

    defaults = tmp_path / "defaults.toml"
    defaults.write_text("", encoding="utf-8")
    for n, (name, case) in enumerate(load_cases()):
        if "doc" not in case or not case.get("expect"):
            continue
        target = tmp_path / f"{n}.yaml"
        target.write_text(case["doc"], encoding="utf-8")
        code, payload = _json(capsys, str(target), "--config", str(defaults))
        diagnostics = payload["diagnostics"]
        assert isinstance(diagnostics, list), name
        assert len(diagnostics) == len(case["expect"]), name
        assert code == (1 if any(d["severity"] == "error" for d in diagnostics) else 0)
        for d in diagnostics:
            assert set(d) == DIAGNOSTIC_KEYS
            assert d["path"] == str(target)
            assert isinstance(d["line"], int) and isinstance(d["column"], int)
            if d["rule"].startswith("suppression-"):
                assert d["pointer"] is None  # a comment has no place in the document
            else:
                assert d["pointer"].startswith("/")
            assert (d["end_line"], d["end_column"]) >= (d["line"], d["column"])
