"""The server as editors address it: documents whose URIs hold percent-escapes
(a blank, an accent, the ':' of a Windows drive as VS Code writes it), and a
save that changes what the other open files are checked against, from a
client that watches no files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.conftest import SUPPRESSION, diagnostics_of, open_doc, run, server, uri

EXAMPLE = Path("resolutions/wtdc/59/fr.yaml")
CITING = Path("resolutions/wtdc/60/fr.yaml")


@pytest.mark.parametrize("folder", ["ws é 漢", "c:", "en copy"])
def test_a_document_whose_uri_is_escaped_gets_its_diagnostics_under_that_uri(
    workspace: Path, folder: str
) -> None:
    root = workspace.parent / folder
    shutil.copytree(workspace, root)
    text = (root / EXAMPLE).read_text(encoding="utf-8").replace(SUPPRESSION, "")
    sent = uri(root / EXAMPLE)
    assert "%" in sent  # (the URI as an editor writes it)

    async def go() -> list[types.Diagnostic]:
        async with server(root) as client:
            # (open_doc waits for the diagnostics published under the URI it sent)
            return await open_doc(client, root / EXAMPLE, text)

    assert [d.code for d in run(go())] == ["numbering-gap"]


def test_a_save_checks_the_other_open_files_again(workspace: Path) -> None:
    """The cited file's clause 3 deleted and saved: the open citing file is
    told at once, without a notice of changed files from the client."""
    cited = workspace / EXAMPLE
    citing = (workspace / CITING).read_text(encoding="utf-8")
    text = cited.read_text(encoding="utf-8")
    three = text.index("      - label: '3'")
    four = text.index("      # As published, 4 ends")
    edited = text[:three] + text[four:]

    async def go() -> tuple[list[types.Diagnostic], list[types.Diagnostic]]:
        async with server(workspace) as client:
            before = await open_doc(client, workspace / CITING, citing)
            await open_doc(client, cited, text)
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(version=2, uri=uri(cited)),
                    [types.TextDocumentContentChangeWholeDocument(text=edited)],
                )
            )
            cited.write_text(edited, encoding="utf-8")
            waiting = diagnostics_of(client, uri(workspace / CITING))
            client.text_document_did_save(
                types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri(cited)))
            )
            return before, await waiting

    before, after = run(go())
    assert before == []
    assert [d.code for d in after] == ["reference-unresolved"]


def test_half_a_character_in_the_buffer_is_said_where_it_is(workspace: Path) -> None:
    """A paste that cut an emoji in two leaves a lone surrogate in the editor's
    buffer (a UTF-8 file cannot hold one): one finding at it, which says so,
    and the other requests answer without failing."""
    text = (workspace / EXAMPLE).read_text(encoding="utf-8")
    broken = text.replace("title: ", "title: \ud83d", 1)
    line = broken[: broken.index("\ud83d")].count("\n")

    async def go() -> tuple[list[types.Diagnostic], object]:
        async with server(workspace) as client:
            found = await open_doc(client, workspace / EXAMPLE, broken)
            symbols = await client.text_document_document_symbol_async(
                types.DocumentSymbolParams(types.TextDocumentIdentifier(uri(workspace / EXAMPLE)))
            )
            return found, symbols

    found, symbols = run(go())
    assert [(d.code, d.range.start.line) for d in found] == [("yaml-syntax", line)]
    assert "U+D83D" in found[0].message
    assert symbols is None or isinstance(symbols, list)


def test_each_workspace_folder_is_checked_with_its_own_configuration(workspace: Path) -> None:
    """Two folders opened at once, neither in a git repository: a file of
    the second is checked with the second's configuration (its language,
    its corpus), not the first's, as ``itures check`` run there checks it."""
    import asyncio
    import contextlib
    import sys

    from pytest_lsp import make_test_lsp_client

    from tests.lsp.conftest import TIMEOUT, env

    second = workspace.parent / "second"
    shutil.copytree(workspace, second)
    (second / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\nlang = "fr"\n')
    text = (second / EXAMPLE).read_text(encoding="utf-8").replace(SUPPRESSION, "")

    async def go() -> list[types.Diagnostic]:
        client = make_test_lsp_client()
        await client.start_io(
            sys.executable, "-m", "itures", "lsp", cwd=str(workspace), env=env(workspace)
        )
        try:
            await asyncio.wait_for(
                client.initialize_session(
                    types.InitializeParams(
                        capabilities=types.ClientCapabilities(),
                        root_uri=uri(workspace),
                        workspace_folders=[
                            types.WorkspaceFolder(uri=uri(workspace), name="ws"),
                            types.WorkspaceFolder(uri=uri(second), name="second"),
                        ],
                    )
                ),
                TIMEOUT,
            )
            return await open_doc(client, second / EXAMPLE, text)
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
            await client.stop()

    found = run(go())
    assert [d.code for d in found] == ["numbering-gap"]
    assert "renumérotez" in found[0].message  # (the second folder's language)
