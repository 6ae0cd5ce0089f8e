"""The language server under test: the real ``itures lsp`` over stdio, driven by
pytest-lsp's client, in a workspace holding the example and a file citing it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient, make_test_lsp_client

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "resolutions" / "wtdc" / "59" / "fr.yaml"
SUPPRESSION = (
    "      # itures: ignore[numbering-gap] reason: the published text numbers this clause 5\n"
)
TIMEOUT = 30.0

CITING = """\
body: wtdc
number: '60'
language: fr
title: Une résolution qui en cite une autre
history:
  - event: adopted
    place: Buenos Aires
    year: 2017
conference: >-
  La Conférence mondiale de développement des télécommunications (Buenos Aires, 2017),
preamble:
  - verb: recalling
    heading: rappelant
    items:
      - label: a)
        text: >-
          le [décide 3 de la Résolution 59](wtdc:59@2017#resolves/3) sur les rapports annuels,
operative:
  - verb: resolves
    heading: décide
    clauses:
      - label: '1'
        text: de poursuivre ces travaux.
        actors: [bdt-director]
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A corpus repository: the example, a resolution citing its clause 3, the
    configuration naming the corpus."""
    root = tmp_path / "ws"
    (root / "resolutions" / "wtdc" / "59").mkdir(parents=True)
    (root / "resolutions" / "wtdc" / "60").mkdir(parents=True)
    shutil.copy(EXAMPLE, root / "resolutions" / "wtdc" / "59" / "fr.yaml")
    (root / "resolutions" / "wtdc" / "60" / "fr.yaml").write_text(CITING, encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    return root


def env(root: Path) -> dict[str, str]:
    out = dict(os.environ)
    out["ITURES_CACHE_DIR"] = str(root.parent / "cache")
    out.pop("ITURES_LANG", None)
    return out


def uri(path: Path) -> str:
    found = from_fs_path(str(path))
    assert found is not None
    return found


@contextlib.asynccontextmanager
async def server(
    root: Path, capabilities: types.ClientCapabilities | None = None
) -> AsyncIterator[LanguageClient]:
    """``itures lsp`` started in ``root``, initialised, shut down at the end."""
    client = make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "itures", "lsp", cwd=str(root), env=env(root))
    try:
        await asyncio.wait_for(
            client.initialize_session(
                types.InitializeParams(
                    capabilities=capabilities or types.ClientCapabilities(),
                    root_uri=uri(root),
                    workspace_folders=[types.WorkspaceFolder(uri=uri(root), name="ws")],
                )
            ),
            TIMEOUT,
        )
        yield client
    finally:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
        await client.stop()


async def diagnostics_of(client: LanguageClient, doc: str) -> list[types.Diagnostic]:
    """Wait for the next diagnostics published for ``doc``."""
    while True:
        params: Any = await asyncio.wait_for(
            client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), TIMEOUT
        )
        if params.uri == doc:
            return list(params.diagnostics)


async def open_doc(
    client: LanguageClient, path: Path, text: str, version: int = 1
) -> list[types.Diagnostic]:
    doc = uri(path)
    waiting = asyncio.ensure_future(diagnostics_of(client, doc))
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(doc, "yaml", version, text))
    )
    return await waiting


async def change(
    client: LanguageClient, path: Path, text: str, version: int
) -> list[types.Diagnostic]:
    doc = uri(path)
    waiting = asyncio.ensure_future(diagnostics_of(client, doc))
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=doc),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await waiting


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """``edits`` applied to ``text`` (positions in UTF-16 code units, as negotiated by default)."""
    from itures.lsp.positions import Lines

    lines = Lines(text)

    def offset(p: types.Position) -> int:
        return lines.offset(p.line, lines.column(p.line, p.character, "utf-16"))

    out = text
    for e in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        out = out[: offset(e.range.start)] + e.new_text + out[offset(e.range.end) :]
    return out


def run(coro: Any) -> Any:
    return asyncio.run(coro)
