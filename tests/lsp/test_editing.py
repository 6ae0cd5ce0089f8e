"""Completion of actors, verbs and footnote ids, in the process (the citation
targets are completed over stdio in test_server.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.lsp.editing import complete
from itures.lsp.session import Session, parse

PATH = "resolutions/wtdc/59/fr.yaml"


@pytest.fixture
def session(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Session:
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("ITURES_CACHE_DIR", str(workspace.parent / "cache"))
    return Session()


def _labels(session: Session, text: str, cursor: str) -> list[str]:
    """Completions where ``cursor`` (a unique piece of ``text``) ends."""
    assert text.count(cursor) == 1
    offset = text.index(cursor) + len(cursor)
    config = session.config(PATH)
    assert not isinstance(config, str)
    return [i.label for i in complete(session, parse(PATH, text), config, offset)]


def _example(workspace: Path) -> str:
    return (workspace / PATH).read_text(encoding="utf-8")


def test_actor_ids_inline_and_in_a_block_list(session: Session, workspace: Path) -> None:
    text = _example(workspace)
    inline = _labels(session, text, "actors: [itu-d-study-groups")
    assert {"secretary-general", "bdt-director", "tdag"} <= set(inline)
    block = text.replace(
        "        actors: [secretary-general]\n",
        "        actors:\n          - secretary-general\n          - \n",
    )
    assert "tsb-director" in _labels(session, block, "          - secretary-general\n          - ")


def test_verbs_of_the_part(session: Session, workspace: Path) -> None:
    text = _example(workspace).replace("  - verb: instructs\n", "  - verb: inst\n")
    operative = _labels(session, text, "  - verb: inst")
    assert "instructs" in operative and "resolves" in operative
    assert "recalling" not in operative
    preamble = _labels(session, text, "  - verb: taking_into_account")
    assert "recalling" in preamble and "resolves" not in preamble


def test_footnote_ids_in_a_marker(session: Session, workspace: Path) -> None:
    text = _example(workspace).replace("développement[^1]", "développement[^")
    assert _labels(session, text, "développement[^") == ["1"]


def test_nothing_in_plain_text(session: Session, workspace: Path) -> None:
    assert _labels(session, _example(workspace), "de façon efficiente") == []


def test_a_configuration_that_cannot_be_used_is_one_diagnostic(
    session: Session, workspace: Path
) -> None:
    (workspace / "pyproject.toml").write_text('[tool.itures]\ncorpus = "nowhere"\n')
    text = _example(workspace)
    assert session.wanted(PATH, text)
    found = session.check(PATH, text)
    assert [(d.rule, d.line, d.column) for d in found] == [("config", 1, 1)]
    assert "nowhere" in found[0].message


def test_which_files_are_checked(session: Session, workspace: Path) -> None:
    example = _example(workspace)
    assert session.wanted(PATH, "")  # under the corpus, even while empty
    assert session.wanted("drafts/new.yaml", example)  # a resolution kept elsewhere
    assert not session.wanted(".github/workflows/check.yml", "on: push\njobs: {}\n")
