"""What the server writes itself (hover, quick fix titles, completion
details, a refused rename) is in the language of the configuration, as the
diagnostics are; a refused rename is an answer, not a failure to log."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from itures import i18n
from itures.lsp.actions import actions
from itures.lsp.diagnostics import to_lsp
from itures.lsp.editing import complete, rename_refused
from itures.lsp.navigation import cited, hover_text
from itures.lsp.positions import Lines
from itures.lsp.session import Session, parse

EXAMPLE = "resolutions/wtdc/59/fr.yaml"
CITING = "resolutions/wtdc/60/fr.yaml"


@pytest.fixture
def french(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    (workspace / "pyproject.toml").write_text(
        '[tool.itures]\ncorpus = "resolutions"\nlang = "fr"\n'
    )
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("ITURES_CACHE_DIR", str(workspace.parent / "cache"))
    monkeypatch.delenv("ITURES_LANG", raising=False)
    yield Session()
    i18n.use(None)


def test_a_hover_speaks_the_language_of_the_configuration(french: Session, workspace: Path) -> None:
    here = parse(CITING, (workspace / CITING).read_text(encoding="utf-8"))
    french.config(CITING)
    found = cited(french, here, "wtdc:59@2017#resolves/3")
    assert not isinstance(found, str)
    shown = hover_text(found)
    assert "Dernière : révisée (Buenos Aires, 2017) ; citée dans sa version de 2017" in shown
    assert "Latest" not in shown and "revised" not in shown
    assert hover_text("wtdc:59#resolves/9").startswith("**Introuvable** :")


def test_quick_fix_titles_speak_the_language_of_the_configuration(
    french: Session, workspace: Path
) -> None:
    text = (workspace / EXAMPLE).read_text(encoding="utf-8").replace("[tdag]", "[tdga]")
    config = french.config(EXAMPLE)
    assert not isinstance(config, str)
    found = [
        to_lsp(d, Lines(text), "utf-16", lambda _: Lines(""))
        for d in french.check(EXAMPLE, text)
        if d.rule == "actor-unknown"
    ]
    titles = [
        a.title for a in actions(parse(EXAMPLE, text), config, "file:///x", 1, found, "utf-16")
    ]
    assert "Remplacer par 'tdag'" in titles
    assert any(t.startswith("Ignorer 'actor-unknown' ici") for t in titles)
    assert not any(t.startswith(("Replace", "Suppress")) for t in titles)


def test_actors_are_completed_with_their_names_in_the_document_language(
    french: Session, workspace: Path
) -> None:
    text = (workspace / EXAMPLE).read_text(encoding="utf-8")
    cursor = "actors: [itu-d-study-groups"
    config = french.config(EXAMPLE)
    assert not isinstance(config, str)
    items = complete(french, parse(EXAMPLE, text), config, text.index(cursor) + len(cursor))
    details = {i.label: i.detail for i in items}
    assert details["secretary-general"] == "Secrétaire général"
    english = text.replace("language: fr", "language: en")
    items = complete(french, parse(EXAMPLE, english), config, english.index(cursor) + len(cursor))
    assert {i.label: i.detail for i in items}["secretary-general"] == "Secretary-General"


def test_a_refused_rename_is_said_in_the_language_and_logged_without_a_traceback(
    french: Session, workspace: Path
) -> None:
    text = (workspace / EXAMPLE).read_text(encoding="utf-8")
    french.config(EXAMPLE)
    refused = rename_refused(parse(EXAMPLE, text), "1", "a b")
    assert refused is not None and refused.startswith("'a b' ne peut pas être l'id d'une note")

    from itures.lsp import server as srv

    srv.build()
    logger = logging.getLogger("pygls.protocol.json_rpc")
    try:
        raise srv._Refused(refused)
    except srv._Refused:
        record = logger.makeRecord(
            logger.name, logging.ERROR, __file__, 1, "Exception occurred", (), sys.exc_info()
        )
    assert not logger.filter(record)  # (the refusal: no traceback in the server's log)
    try:
        raise ValueError("a failure")
    except ValueError:
        failure = logger.makeRecord(
            logger.name, logging.ERROR, __file__, 1, "Exception occurred", (), sys.exc_info()
        )
    assert logger.filter(failure)  # (a failure is still logged)
