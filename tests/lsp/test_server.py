"""``itures lsp`` as an editor sees it: the real server over stdio."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types

from tests.lsp.conftest import (
    SUPPRESSION,
    apply,
    change,
    diagnostics_of,
    env,
    open_doc,
    run,
    server,
    uri,
)

EXAMPLE = Path("resolutions/wtdc/59/fr.yaml")
CITING = Path("resolutions/wtdc/60/fr.yaml")


def _unsuppressed(root: Path) -> str:
    text = (root / EXAMPLE).read_text(encoding="utf-8")
    assert SUPPRESSION in text
    return text.replace(SUPPRESSION, "")


def _check_json(root: Path) -> list[dict[str, object]]:
    """What ``itures check --format json`` reports for the example as it is on disk."""
    out = subprocess.run(
        [sys.executable, "-m", "itures", "check", "--format", "json", str(EXAMPLE)],
        cwd=root,
        env=env(root),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode in (0, 1), out.stderr
    data = json.loads(out.stdout)
    found: list[dict[str, object]] = data["diagnostics"] if isinstance(data, dict) else data
    return found


def test_diagnostics_are_those_of_check(workspace: Path) -> None:
    # the same text on disk, for `itures check`, and in the editor, unsaved
    text = _unsuppressed(workspace)
    (workspace / EXAMPLE).write_text(text, encoding="utf-8")
    expected = _check_json(workspace)
    assert [d["rule"] for d in expected] == ["numbering-gap"]

    async def go() -> list[types.Diagnostic]:
        async with server(workspace) as client:
            return await open_doc(client, workspace / EXAMPLE, text)

    got = run(go())
    assert len(got) == len(expected)
    for lsp, chk in zip(got, expected, strict=True):
        assert lsp.code == chk["rule"]
        assert lsp.source == "itures"
        assert lsp.severity == types.DiagnosticSeverity.Error
        assert lsp.message == f"{chk['message']}\n{chk['help']}"
        assert lsp.range.start == types.Position(int(chk["line"]) - 1, int(chk["column"]) - 1)
        assert lsp.range.end == types.Position(int(chk["end_line"]) - 1, int(chk["end_column"]))
        related = [
            (r.location.range.start.line + 1, r.location.range.start.character + 1, r.message)
            for r in lsp.related_information or []
        ]
        assert related == [(r["line"], r["column"], r["message"]) for r in chk["related"]]


def test_numbering_quick_fix_clears_the_finding(workspace: Path) -> None:
    text = _unsuppressed(workspace)

    async def go() -> tuple[list[types.CodeAction], str, list[types.Diagnostic]]:
        async with server(workspace) as client:
            doc = uri(workspace / EXAMPLE)
            found = await open_doc(client, workspace / EXAMPLE, text)
            assert [d.code for d in found] == ["numbering-gap"]
            actions = await client.text_document_code_action_async(
                types.CodeActionParams(
                    types.TextDocumentIdentifier(doc),
                    found[0].range,
                    types.CodeActionContext(found),
                )
            )
            assert actions
            fix = next(a for a in actions if isinstance(a, types.CodeAction) and a.is_preferred)
            assert fix.edit is not None and fix.edit.document_changes
            edits = fix.edit.document_changes[0].edits  # type: ignore[union-attr]
            fixed = apply(text, list(edits))  # type: ignore[arg-type]
            after = await change(client, workspace / EXAMPLE, fixed, 2)
            return actions, fixed, after

    actions, fixed, after = run(go())
    assert "      - label: '3'\n        text: >-\n          d'inviter le Directeur du BDT" in fixed
    # the numbering finding is gone; clause 2, no longer the one before a stray
    # label, is now held to the punctuation of a clause inside its list
    assert [d.code for d in after] == ["punctuation"]
    assert any("itures: ignore[numbering-gap]" in _edit_text(a) for a in actions)


def _edit_text(action: types.CodeAction | types.Command) -> str:
    if not isinstance(action, types.CodeAction) or action.edit is None:
        return ""
    changes = action.edit.document_changes or []
    return "".join(e.new_text for c in changes for e in getattr(c, "edits", []))


def test_suppression_quick_fix_asks_for_a_reason(workspace: Path) -> None:
    text = _unsuppressed(workspace)

    async def go() -> tuple[list[types.Diagnostic], list[types.Diagnostic]]:
        async with server(workspace) as client:
            doc = uri(workspace / EXAMPLE)
            found = await open_doc(client, workspace / EXAMPLE, text)
            actions = await client.text_document_code_action_async(
                types.CodeActionParams(
                    types.TextDocumentIdentifier(doc),
                    found[0].range,
                    types.CodeActionContext(found),
                )
            )
            action = next(a for a in actions or [] if "itures: ignore" in _edit_text(a))
            assert isinstance(action, types.CodeAction) and action.edit is not None
            edits = action.edit.document_changes[0].edits  # type: ignore[index,union-attr]
            unreasoned = apply(text, list(edits))  # type: ignore[arg-type]
            first = await change(client, workspace / EXAMPLE, unreasoned, 2)
            reasoned = unreasoned.replace("reason: \n", "reason: numbered 5 as published\n")
            second = await change(client, workspace / EXAMPLE, reasoned, 3)
            return first, second

    first, second = run(go())
    assert sorted(str(d.code) for d in first) == ["numbering-gap", "suppression-invalid"]
    assert second == []


def _clause_line(text: str, verb: str, label: str) -> int:
    """0-based line of ``- label: 'label'`` in the first section of ``verb``."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- verb: {verb}")
    return next(i for i in range(start, len(lines)) if lines[i].strip() == f"- label: '{label}'")


def _at(text: str, needle: str, into: int = 0) -> types.Position:
    for n, line in enumerate(text.split("\n")):
        col = line.find(needle)
        if col >= 0:
            return types.Position(n, col + into)
    raise AssertionError(needle)


def test_definition_and_hover_on_a_citation(workspace: Path) -> None:
    citing = (workspace / CITING).read_text(encoding="utf-8")
    cited = (workspace / EXAMPLE).read_text(encoding="utf-8")
    where = _at(citing, "wtdc:59@2017#resolves/3", 5)

    async def go() -> tuple[object, object, object]:
        async with server(workspace) as client:
            doc = uri(workspace / CITING)
            await open_doc(client, workspace / CITING, citing)
            found = await client.text_document_definition_async(
                types.DefinitionParams(types.TextDocumentIdentifier(doc), where)
            )
            on_words = await client.text_document_definition_async(
                types.DefinitionParams(
                    types.TextDocumentIdentifier(doc), _at(citing, "[décide 3", 3)
                )
            )
            hover = await client.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier(doc), where)
            )
            return found, on_words, hover

    found, on_words, hover = run(go())
    assert isinstance(found, types.Location)
    assert found.uri == uri(workspace / EXAMPLE)
    assert found.range.start.line == _clause_line(cited, "resolves", "3")
    assert on_words == found
    assert isinstance(hover, types.Hover)
    assert isinstance(hover.contents, types.MarkupContent)
    value = hover.contents.value
    assert "de prier le Secrétaire général de faire rapport chaque année" in value
    assert "Buenos Aires, 2017" in value


def test_completion_of_a_citation_target(workspace: Path) -> None:
    citing = (workspace / CITING).read_text(encoding="utf-8")
    typed = citing.replace(
        "sur les rapports annuels,", "sur les rapports annuels, [décide](wtdc:59@2017#resolves/"
    )
    where = _at(typed, "#resolves/", len("#resolves/"))
    where = types.Position(where.line, len(typed.split("\n")[where.line]))
    sections = _at(typed, "#resolves/", 1)

    async def go() -> tuple[object, object]:
        async with server(workspace) as client:
            doc = uri(workspace / CITING)
            await open_doc(client, workspace / CITING, typed)
            labels = await client.text_document_completion_async(
                types.CompletionParams(types.TextDocumentIdentifier(doc), where)
            )
            verbs = await client.text_document_completion_async(
                types.CompletionParams(types.TextDocumentIdentifier(doc), sections)
            )
            return labels, verbs

    labels, verbs = run(go())
    assert isinstance(labels, types.CompletionList)
    assert [i.label for i in labels.items] == ["1", "2", "3", "4"]
    assert isinstance(verbs, types.CompletionList)
    assert {"resolves", "instructs", "recalling"} <= {i.label for i in verbs.items}


def test_the_numbers_of_a_body_are_completed_in_the_order_of_their_numbers(
    workspace: Path,
) -> None:
    """'wtdc:' offers the corpus's numbers as numbers sort (7, 59, 60, 150,
    150A), not as strings (150 before 59), whatever order the client sorts by."""
    example = (workspace / EXAMPLE).read_text(encoding="utf-8")
    for number in ("150", "7", "150A"):
        path = workspace / "resolutions" / "wtdc" / number / "fr.yaml"
        path.parent.mkdir(parents=True)
        path.write_text(example.replace("number: '59'", f"number: '{number}'"), encoding="utf-8")
    citing = (workspace / CITING).read_text(encoding="utf-8")
    typed = citing.replace("sur les rapports annuels,", "sur les rapports annuels, [x](wtdc:")
    where = _at(typed, "](wtdc:", len("](wtdc:"))

    async def go() -> object:
        async with server(workspace) as client:
            await open_doc(client, workspace / CITING, typed)
            return await client.text_document_completion_async(
                types.CompletionParams(types.TextDocumentIdentifier(uri(workspace / CITING)), where)
            )

    got = run(go())
    items = list(got.items if isinstance(got, types.CompletionList) else got or [])  # type: ignore[attr-defined]
    ordered = [i.label for i in sorted(items, key=lambda i: i.sort_text or i.label)]
    assert ordered == ["7", "59", "60", "150", "150A"]


def test_references_of_a_clause(workspace: Path) -> None:
    cited = (workspace / EXAMPLE).read_text(encoding="utf-8")
    line = _clause_line(cited, "resolves", "3")

    async def go() -> object:
        async with server(workspace) as client:
            doc = uri(workspace / EXAMPLE)
            await open_doc(client, workspace / EXAMPLE, cited)
            return await client.text_document_references_async(
                types.ReferenceParams(
                    text_document=types.TextDocumentIdentifier(doc),
                    position=types.Position(line + 2, 12),  # in the clause's text
                    context=types.ReferenceContext(include_declaration=False),
                )
            )

    refs = run(go())
    citing = (workspace / CITING).read_text(encoding="utf-8")
    assert [(r.uri, r.range.start) for r in refs] == [
        (uri(workspace / CITING), _at(citing, "[décide 3"))
    ]


def test_files_changed_on_disk_are_seen(workspace: Path) -> None:
    """A change of the cited file outside the editor (a pull) re-checks the open citing file."""
    citing = (workspace / CITING).read_text(encoding="utf-8")

    async def go() -> tuple[list[types.Diagnostic], list[types.Diagnostic]]:
        async with server(workspace) as client:
            before = await open_doc(client, workspace / CITING, citing)
            cited = workspace / EXAMPLE
            text = cited.read_text(encoding="utf-8")
            three = text.index("      - label: '3'")
            four = text.index("      # As published, 4 ends")
            cited.write_text(text[:three] + text[four:], encoding="utf-8")
            waiting = diagnostics_of(client, uri(workspace / CITING))
            client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    [types.FileEvent(uri(cited), types.FileChangeType.Changed)]
                )
            )
            return before, await waiting

    before, after = run(go())
    assert before == []
    assert [d.code for d in after] == ["reference-unresolved"]


def test_outline_and_footnote_rename(workspace: Path) -> None:
    text = (workspace / EXAMPLE).read_text(encoding="utf-8")
    marker = _at(text, "[^1]", 2)

    async def go() -> tuple[object, object]:
        async with server(workspace) as client:
            doc = uri(workspace / EXAMPLE)
            await open_doc(client, workspace / EXAMPLE, text)
            symbols = await client.text_document_document_symbol_async(
                types.DocumentSymbolParams(types.TextDocumentIdentifier(doc))
            )
            edit = await client.text_document_rename_async(
                types.RenameParams(types.TextDocumentIdentifier(doc), marker, "pvd")
            )
            return symbols, edit

    symbols, edit = run(go())
    assert symbols is not None
    names = [s.name for s in symbols if isinstance(s, types.DocumentSymbol)]
    assert names[:4] == [
        "recalling: rappelant",
        "considering: considérant",
        "taking_into_account: tenant compte",
        "resolves: décide",
    ]
    resolves = symbols[3]
    assert isinstance(resolves, types.DocumentSymbol)
    assert [c.name.split()[0] for c in resolves.children or []] == ["1", "2", "3", "4"]
    assert isinstance(edit, types.WorkspaceEdit) and edit.document_changes
    renamed = apply(text, list(edit.document_changes[0].edits))  # type: ignore[union-attr,arg-type]
    assert "[^pvd]" in renamed and "[^1]" not in renamed
    assert "  - id: 'pvd'\n" in renamed


def test_a_rename_to_an_id_no_footnote_can_have_is_refused(workspace: Path) -> None:
    """Renaming footnote 1 to '2]' (a bracket typed with it) wrote '[^2]]' and
    an id the schema refuses; to the id of another footnote, it made the two
    one. The server answers with an error the editor shows, and no edit."""
    text = (workspace / EXAMPLE).read_text(encoding="utf-8")
    # a second footnote, so that renaming 1 to its id would merge them
    text = text.replace(
        "\n  - id: '1'\n", "\n  - id: 'b'\n    text: Another note.\n  - id: '1'\n", 1
    )
    text = text.replace("[^1]", "[^1] [^b]", 1)
    marker = _at(text, "[^1]", 2)

    async def go() -> list[object]:
        out: list[object] = []
        async with server(workspace) as client:
            doc = uri(workspace / EXAMPLE)
            await open_doc(client, workspace / EXAMPLE, text)
            for new in ("2]", "a b", "b", "", "n2"):
                try:
                    out.append(
                        await client.text_document_rename_async(
                            types.RenameParams(types.TextDocumentIdentifier(doc), marker, new)
                        )
                    )
                except Exception as exc:  # the error the server answered with
                    out.append(str(exc))
        return out

    bracket, blank, taken, empty, fine = run(go())
    assert isinstance(bracket, str) and "'2]' cannot be a footnote's id" in bracket, bracket
    assert isinstance(blank, str) and "'a b' cannot be a footnote's id" in blank
    assert isinstance(taken, str) and "footnote 'b' exists" in taken, taken
    assert isinstance(empty, str) and "cannot be a footnote's id" in empty
    assert isinstance(fine, types.WorkspaceEdit) and fine.document_changes
    renamed = apply(text, list(fine.document_changes[0].edits))  # type: ignore[union-attr,arg-type]
    assert "[^n2] [^b]" in renamed and "  - id: 'n2'\n" in renamed


def test_other_yaml_files_are_left_alone(workspace: Path) -> None:
    """A workflow file in the repository is not a resolution: no diagnostics."""
    workflow = workspace / ".github" / "workflows" / "check.yml"
    workflow.parent.mkdir(parents=True)
    text = "on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n"
    workflow.write_text(text, encoding="utf-8")

    async def go() -> list[types.Diagnostic]:
        async with server(workspace) as client:
            return await open_doc(client, workflow, text)

    assert run(go()) == []


def test_typing_is_checked_once_it_pauses(workspace: Path) -> None:
    """Changes in quick succession give one check, of the last text."""
    text = (workspace / EXAMPLE).read_text(encoding="utf-8")

    async def go() -> list[tuple[int | None, int]]:
        async with server(workspace) as client:
            await open_doc(client, workspace / EXAMPLE, text)
            doc = uri(workspace / EXAMPLE)

            async def published() -> tuple[int | None, int]:
                while True:
                    params = await asyncio.wait_for(
                        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS),
                        30,
                    )
                    if params.uri == doc:
                        return params.version, len(params.diagnostics)

            def send(version: int, typed: str) -> None:
                client.text_document_did_change(
                    types.DidChangeTextDocumentParams(
                        types.VersionedTextDocumentIdentifier(version=version, uri=doc),
                        [
                            types.TextDocumentContentChangeWholeDocument(
                                text=text.replace("ressources humaines;", typed)
                            )
                        ],
                    )
                )

            waiting = asyncio.ensure_future(published())
            send(2, "ressources humaines,;")
            send(3, "ressources humaines;")
            first = await waiting
            waiting = asyncio.ensure_future(published())
            send(4, "ressources humaines,;")
            return [first, await waiting]

    # the doubled mark typed at version 2 was never checked: version 3 came first
    assert run(go()) == [(3, 0), (4, 1)]


def test_a_broken_file_gets_its_syntax_error_and_no_failure(workspace: Path) -> None:
    """Every request on a text that is not YAML answers, with nothing to offer."""
    text = (workspace / CITING).read_text(encoding="utf-8").replace("body: wtdc", "body: [wtdc")
    where = _at(text, "wtdc:59@2017#resolves/3", 5)

    async def go() -> tuple[list[types.Diagnostic], list[object]]:
        async with server(workspace) as client:
            doc = types.TextDocumentIdentifier(uri(workspace / CITING))
            found = await open_doc(client, workspace / CITING, text)
            answers = [
                await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc)),
                await client.text_document_references_async(
                    types.ReferenceParams(
                        text_document=doc,
                        position=where,
                        context=types.ReferenceContext(include_declaration=False),
                    )
                ),
                await client.text_document_code_action_async(
                    types.CodeActionParams(doc, found[0].range, types.CodeActionContext(found))
                ),
                await client.text_document_rename_async(types.RenameParams(doc, where, "x")),
            ]
            hover = await client.text_document_hover_async(types.HoverParams(doc, where))
            return found, [*answers, hover]

    found, answers = run(go())
    assert [d.code for d in found] == ["yaml-syntax"]
    symbols, references, actions, renamed, hover = answers
    assert not symbols and not references and not actions and renamed is None
    # the citation is still read in the text: its target is in the corpus
    assert isinstance(hover, types.Hover)


def test_the_files_watched_are_those_check_discovers(workspace: Path) -> None:
    """The server asks the editor to watch the resolution files as ``check``
    discovers them, the extension in any case (an EN.YAML changed on disk
    refreshes the corpus as an en.yaml does), and the configuration."""
    import fnmatch

    from pytest_lsp import make_test_lsp_client

    from itures.files import resolution_name

    registered: list[types.RegistrationParams] = []

    async def go() -> None:
        client = make_test_lsp_client()

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            registered.append(params)

        await client.start_io(
            sys.executable, "-m", "itures", "lsp", cwd=str(workspace), env=env(workspace)
        )
        try:
            capabilities = types.ClientCapabilities(
                workspace=types.WorkspaceClientCapabilities(
                    did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                        dynamic_registration=True
                    )
                )
            )
            await asyncio.wait_for(
                client.initialize_session(
                    types.InitializeParams(capabilities=capabilities, root_uri=uri(workspace))
                ),
                30.0,
            )
            for _ in range(100):  # the registration follows the initialisation
                if registered:
                    break
                await asyncio.sleep(0.05)
        finally:
            await asyncio.wait_for(client.shutdown_session(), 30.0)
            await client.stop()

    run(go())
    [params] = registered
    [registration] = params.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    options: Any = registration.register_options  # (a plain mapping: the options are any JSON)
    globs = [w["globPattern"] for w in options["watchers"]]

    def watched(path: str) -> bool:
        # an LSP glob's [] and ** read as fnmatch reads them, for these patterns
        return any(fnmatch.fnmatchcase(path, str(g).replace("**/", "*/")) for g in globs)

    for name in ["en.yaml", "EN.YAML", "fr.Yml", "es.yAmL", "ar.yml", "zh.YML"]:
        path = f"resolutions/wtdc/59/{name}"
        assert resolution_name(name) and watched(path), name
    assert watched("pyproject.toml") or watched("x/pyproject.toml")
    for name in ["notes.txt", "en.yaml.orig", "x.ymlx"]:
        assert not resolution_name(name) and not watched(f"resolutions/{name}"), name
