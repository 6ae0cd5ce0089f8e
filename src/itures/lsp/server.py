"""The language server: LSP messages wired to the features (see :mod:`itures.lsp`)."""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer

from itures import __version__
from itures.lsp import actions as act
from itures.lsp import editing, navigation
from itures.lsp.diagnostics import DEBOUNCE, to_lsp, uri_of
from itures.lsp.positions import Lines
from itures.lsp.session import Loaded, Session

__all__ = ["IturesServer", "build", "serve"]


class IturesServer(LanguageServer):
    """pygls's server with the workspace's :class:`Session` and the pending checks."""

    def __init__(self) -> None:
        super().__init__("itures", __version__)
        self.session = Session(text_of=self._text_of)
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.settled = False

    # -- documents ------------------------------------------------------------

    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        return str(getattr(enc, "value", enc) or "utf-16")

    def _open_docs(self) -> dict[str, Any]:
        try:
            return dict(self.workspace.text_documents)
        except RuntimeError:  # before initialisation
            return {}

    def _text_of(self, path: str) -> str | None:
        wanted = os.path.abspath(path)
        for doc in self._open_docs().values():
            if doc.path and os.path.abspath(doc.path) == wanted:
                return str(doc.source)
        return None

    def loaded(self, uri: str) -> tuple[Loaded, Any] | None:
        doc = self.workspace.get_text_document(uri)
        if not doc.path:
            return None
        from itures.lsp.session import parse

        path = self.session.path_of(doc.path)
        self.session.config(path)  # (what the server says is in the configuration's language)
        return parse(path, doc.source), doc

    def offset(self, loaded: Loaded, position: types.Position) -> int:
        lines = Lines(loaded.text)
        column = lines.column(position.line, position.character, self.encoding())
        return lines.offset(position.line, column)

    def position(self, lines: Lines, offset: int) -> types.Position:
        line, column = lines.position(offset)
        return types.Position(line, lines.units(line, column, self.encoding()))

    def lines_of(self, path: str) -> Lines:
        text = self._text_of(path)
        if text is None:
            loaded = self.session.load(path)
            text = loaded.text if loaded is not None else ""
        return Lines(text)

    # -- diagnostics ---------------------------------------------------------------

    def settle(self) -> None:
        """After the first check (the modules, the rules and the corpus's cards
        loaded): what lives now lives as long as the server, so the garbage
        collector stops walking it (``gc.freeze``), and collects as rarely as
        ``itures check`` does (see cli.py). Measured on a 200 KB file of a
        5,000-file corpus: 40% less time per check; the first check, which
        may read the whole corpus, runs with the default thresholds, which keep
        its peak memory down."""
        import gc

        gc.collect()
        gc.freeze()
        gc.set_threshold(1_000_000, 100, 100)
        self.settled = True

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, unless it changes again before."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(delay, self.publish, uri)

    def publish(self, uri: str) -> None:
        """Check ``uri`` now and publish its diagnostics (a check pending for it is
        not needed any more)."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        try:
            doc = self.workspace.get_text_document(uri)
        except Exception:
            return
        # (pygls keeps open documents by their URI unquoted: 'ws%20a' as 'ws a';
        # the diagnostics go out under the URI the client opened it with)
        if not doc.path or unquote(uri) not in self._open_docs():
            return
        uri = doc.uri
        path = self.session.path_of(doc.path)
        text = doc.source
        try:
            found = self.session.check(path, text) if self.session.wanted(path, text) else []
        except Exception as exc:  # never take the editor down: say what failed
            # (the kind and the start of the message: an error may quote the whole text)
            said = f"{type(exc).__name__}: {str(exc)[:300]}"
            self.window_log_message(
                types.LogMessageParams(types.MessageType.Error, f"itures: {path}: {said}")
            )
            return
        if not self.settled:
            self.settle()
        lines = Lines(text)
        enc = self.encoding()
        diagnostics = [to_lsp(d, lines, enc, self.lines_of) for d in found]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=doc.version)
        )


class _Refused(JsonRpcInvalidParams):
    """A request the server answers with an error the client shows (a rename
    to an id no footnote can have): the answer, not a failure of the server."""


class _QuietRefusals(logging.Filter):
    """pygls logs every error a request answers with, with its traceback:
    not the refusals (:class:`_Refused`), which are answers."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], _Refused):
            return False
        args = record.args if isinstance(record.args, tuple) else ()
        return not any(isinstance(a, _Refused) for a in args)


def build() -> IturesServer:
    """The server with its features registered."""
    server = IturesServer()
    quiet = _QuietRefusals()
    for name in ("pygls.protocol.json_rpc", "pygls.server", "pygls.lsp.server"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _QuietRefusals) for f in logger.filters):
            logger.addFilter(quiet)

    @server.feature(types.INITIALIZE)
    def initialize(ls: IturesServer, params: types.InitializeParams) -> None:
        root = None
        if params.workspace_folders:
            from pygls.uris import to_fs_path

            root = to_fs_path(params.workspace_folders[0].uri)
        elif params.root_uri:
            from pygls.uris import to_fs_path

            root = to_fs_path(params.root_uri)
        elif params.root_path:
            root = params.root_path
        ls.session.start(root)
        if params.workspace_folders and len(params.workspace_folders) > 1:
            # (the other folders: each a corpus of its own, with its configuration)
            from pygls.uris import to_fs_path

            from itures.files import work_in

            folders = [to_fs_path(f.uri) for f in params.workspace_folders[1:]]
            work_in([f for f in folders if f])

    @server.feature(types.INITIALIZED)
    def initialized(ls: IturesServer, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace
        dynamic = (
            watch is not None
            and watch.did_change_watched_files is not None
            and watch.did_change_watched_files.dynamic_registration
        )
        if dynamic:
            ls.client_register_capability(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="itures-watch",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                watchers=[
                                    # (any case, as check discovers them: EN.YAML)
                                    types.FileSystemWatcher(glob_pattern="**/*.[yY][aA][mM][lL]"),
                                    types.FileSystemWatcher(glob_pattern="**/*.[yY][mM][lL]"),
                                    types.FileSystemWatcher(glob_pattern="**/pyproject.toml"),
                                ]
                            ),
                        )
                    ]
                )
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: IturesServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: IturesServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: IturesServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.session.forget()  # its identity may have changed
        saved = params.text_document.uri
        ls.publish(saved)
        # (the other open files may cite it, or be its language versions: checked
        # again against what was saved, as a client that watches files would have
        # them checked; a client that does not is told too)
        for doc in list(ls._open_docs().values()):
            if unquote(doc.uri) != unquote(saved):
                ls.schedule(doc.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: IturesServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        old = ls.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: IturesServer, params: types.DidChangeWatchedFilesParams) -> None:
        listing = any(c.type != types.FileChangeType.Changed for c in params.changes)
        ls.session.forget(listing=listing)
        for doc in list(ls._open_docs().values()):
            ls.schedule(doc.uri, 0.0)  # (the URI the client opened it with)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: IturesServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        got = ls.loaded(params.text_document.uri)
        if got is None:
            return []
        loaded, doc = got
        config = ls.session.config(loaded.path)
        return act.actions(
            loaded,
            None if isinstance(config, str) else config,
            params.text_document.uri,
            doc.version,
            list(params.context.diagnostics),
            ls.encoding(),
        )

    def cited_at(ls: IturesServer, uri: str, position: types.Position) -> Any:
        """(document, citation, what it cites or why not) at a position, or None."""
        got = ls.loaded(uri)
        if got is None:
            return None
        loaded = got[0]
        cite = navigation.citation_at(loaded.text, ls.offset(loaded, position))
        if cite is None:
            return None
        return loaded, cite, navigation.cited(ls.session, loaded, cite.target)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: IturesServer, params: types.DefinitionParams) -> types.Location | None:
        at_cite = cited_at(ls, params.text_document.uri, params.position)
        if at_cite is None or isinstance(at_cite[2], str):
            return None
        found = at_cite[2]
        line, column = navigation.place_of(found)
        lines = Lines(found.loaded.text)
        at = types.Position(line, lines.units(line, column, ls.encoding()))
        return types.Location(uri=uri_of(found.loaded.path), range=types.Range(at, at))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: IturesServer, params: types.HoverParams) -> types.Hover | None:
        at_cite = cited_at(ls, params.text_document.uri, params.position)
        if at_cite is None:
            return None
        loaded, cite, found = at_cite
        lines = Lines(loaded.text)
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value=navigation.hover_text(found)
            ),
            range=types.Range(ls.position(lines, cite.start), ls.position(lines, cite.end)),
        )

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: IturesServer, params: types.ReferenceParams) -> list[types.Location]:
        got = ls.loaded(params.text_document.uri)
        if got is None:
            return []
        loaded = got[0]
        found = navigation.references(ls.session, loaded, ls.offset(loaded, params.position))
        from itures.lsp.diagnostics import to_range

        out = []
        for ref in found:
            lines = Lines(ref.loaded.text)
            rng = to_range(lines, ref.line, ref.column, ref.end_line, ref.end_column, ls.encoding())
            out.append(types.Location(uri=uri_of(ref.path), range=rng))
        return out

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=["/", "#", ":", "^", "(", "[", " "]),
    )
    def completion(ls: IturesServer, params: types.CompletionParams) -> types.CompletionList:
        got = ls.loaded(params.text_document.uri)
        if got is None:
            return types.CompletionList(is_incomplete=False, items=[])
        loaded = got[0]
        config = ls.session.config(loaded.path)
        items = editing.complete(
            ls.session,
            loaded,
            None if isinstance(config, str) else config,
            ls.offset(loaded, params.position),
        )
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(
        ls: IturesServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol]:
        got = ls.loaded(params.text_document.uri)
        if got is None:
            return []
        loaded = got[0]
        lines = Lines(loaded.text)
        return editing.symbols(
            loaded,
            lambda a, b: types.Range(ls.position(lines, a), ls.position(lines, b)),
        )

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(
        ls: IturesServer, params: types.PrepareRenameParams
    ) -> types.PrepareRenamePlaceholder | None:
        got = ls.loaded(params.text_document.uri)
        if got is None:
            return None
        loaded = got[0]
        offset = ls.offset(loaded, params.position)
        old = editing.footnote_at(loaded, offset)
        if old is None:
            return None
        for start, end, _ in editing.rename(loaded, old, old):
            if start <= offset <= end:
                lines = Lines(loaded.text)
                rng = types.Range(ls.position(lines, start), ls.position(lines, end))
                return types.PrepareRenamePlaceholder(range=rng, placeholder=old)
        return None

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    def rename(ls: IturesServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        got = ls.loaded(params.text_document.uri)
        if got is None:
            return None
        loaded, doc = got
        old = editing.footnote_at(loaded, ls.offset(loaded, params.position))
        if old is None:
            return None
        refused = editing.rename_refused(loaded, old, params.new_name)
        if refused is not None:
            # an error the client shows; nothing is written (and no traceback
            # in the server's log: see _Refused)
            raise _Refused(refused)
        lines = Lines(loaded.text)
        edits = [
            types.TextEdit(types.Range(ls.position(lines, a), ls.position(lines, b)), text)
            for a, b, text in editing.rename(loaded, old, params.new_name)
        ]
        return types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(
                        uri=params.text_document.uri, version=doc.version
                    ),
                    edits=list(edits),
                )
            ]
        )

    return server


def serve() -> None:
    """Run the server over standard input and output until the client stops it."""
    server = build()
    try:
        server.start_io()
    finally:
        server.session.close()
