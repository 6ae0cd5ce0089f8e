"""What the server knows of the workspace: configuration, corpus, documents.

The diagnostics of a document are those of ``itures check`` run on its text
from the workspace's root (:meth:`Session.check`): the same call as
:func:`itures.corpus.check_paths` (the file checked, the rest of the
configured corpus as context, with the cache), the document's unsaved text
given as ``contents``. So the rules, positions, messages, severities,
related places, language and suppressions cannot differ; and after the first
check the corpus costs what the cache answers (a card per file), not a read.

Decisions:

* The server works from the workspace's root (the first workspace folder, or
  the root the client names): it changes its working directory there, so
  paths in messages are the ones ``itures check`` run there prints.
* The configuration is found for each file (``[tool.itures]`` of the nearest
  ``pyproject.toml``, as ``check`` finds it) and read again when a
  ``pyproject.toml`` changes; the language is ``ITURES_LANG``, else the
  configuration's, as for ``check`` without ``--lang``. A configuration that
  cannot be used is one diagnostic on the document, at its first line.
* The documents checked are the files under the configured corpus and the
  YAML files naming a ``body`` and a ``number`` (a draft kept elsewhere);
  other YAML files (workflows, schemas) get no diagnostics.
* The cache stays open between checks (its stat snapshot and the corpus's
  cards are read once, not at every key stroke); every check still stats
  each file of the corpus, so a ``git pull`` or an edit elsewhere is seen at
  the next check. SQLite in WAL mode: the server holds no lock between
  checks, and an ``itures check`` in a terminal runs beside it.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from itures.diagnostics import Diagnostic

if TYPE_CHECKING:
    from itures.cache import Cache
    from itures.config import Config
    from itures.yamlio.read import Document

__all__ = ["Loaded", "Session"]


@dataclass(frozen=True)
class _Mark:
    """A place as a YAML mark gives it (index, line, column: 0-based)."""

    index: int
    line: int
    column: int


@dataclass
class Loaded:
    """A file's text as the server sees it (the editor's, else the disk's), parsed."""

    path: str
    text: str
    document: Document | None
    data: Any = None
    # where each line of :attr:`text` starts, [] when its marks' indices are
    # its own, and each line of the text as read (made when first needed)
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _read_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def valid(self) -> bool:
        return isinstance(self.data, dict)

    def at(self, mark: Any) -> int:
        """The index in :attr:`text` (the editor's text) of a mark of the
        document's nodes (``node.start_mark``), which count in the text as
        read (:func:`itures.yamlio.read.newlines`: line breaks written "\\n",
        no byte order mark): the same index, but in a file with CR LF line
        ends or a byte order mark, where the mark's line and column say it."""
        starts = self._line_starts()
        if not starts:  # (the text as read: the mark's own index)
            return int(mark.index)
        line, column = int(mark.line), int(mark.column)
        if line >= len(starts):
            return len(self.text)
        bom = 1 if line == 0 and self.text.startswith("\ufeff") else 0
        return min(starts[line] + column + bom, len(self.text))

    def source(self, index: int) -> int:
        """:meth:`at` of an index of the text as read (the document's)."""
        doc = self.document
        if doc is None or not self._line_starts():
            return index
        read = self._read_starts
        if read is None:
            read = self._read_starts = [0, *(m.end() for m in re.finditer("\n", doc.text))]
        line = bisect.bisect_right(read, index) - 1
        return self.at(_Mark(index, line, index - read[line]))

    def _line_starts(self) -> list[int]:
        """Where each line of :attr:`text` starts; [] when the marks' indices
        are its own (no CR, no byte order mark: most files)."""
        starts = self._starts
        if starts is None:
            text = self.text
            plain = "\r" not in text and not text.startswith("\ufeff")
            starts = self._starts = (
                [] if plain else [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]
            )
        return starts


@dataclass
class Session:
    """The workspace: where it is, its configurations, the editor's texts.

    ``text_of(path)`` gives the editor's text of an open document (None: read
    the disk).
    """

    text_of: Callable[[str], str | None] = lambda _: None
    root: str | None = None
    configs: dict[str, Config | str] = field(default_factory=dict)
    _cards: dict[str, Any] = field(default_factory=dict)
    _corpora: dict[tuple[str | None, str], list[str]] = field(default_factory=dict)
    _caches: dict[str, Cache] = field(default_factory=dict)
    # False: checks neither read nor fill the cache (``itures check --fix --no-cache``)
    use_cache: bool = True

    # -- paths ----------------------------------------------------------------

    def start(self, root: str | None) -> None:
        """Work from ``root`` (the workspace folder), when there is one."""
        if root and os.path.isdir(root):
            os.chdir(root)
            self.root = os.path.abspath(root)

    @staticmethod
    def path_of(fs_path: str) -> str:
        """The path as ``itures check`` run from the working directory names it."""
        rel = os.path.relpath(fs_path)
        return fs_path if rel.startswith(".." + os.sep) else rel

    # -- configuration ----------------------------------------------------------

    def config(self, path: str) -> Config | str:
        """The configuration of ``path`` (a string: why it cannot be used)."""
        key = os.path.dirname(os.path.abspath(path))
        found = self.configs.get(key)
        if found is None:
            from dataclasses import replace

            from itures import config as cfg
            from itures import i18n

            try:
                conf = cfg.discover([path])
                found = replace(conf, lang=i18n.resolve(None, conf.lang))
            except (cfg.ConfigError, ValueError) as exc:
                found = str(exc)
            self.configs[key] = found
        if not isinstance(found, str):
            from itures import i18n

            i18n.use(found.lang)
        return found

    def forget(self, *, listing: bool = False) -> None:
        """Read the configurations and the corpus's identities again (files changed);
        with ``listing``, list the corpus's files again too (files were added or
        removed)."""
        self.configs.clear()
        self._cards.clear()
        if listing:
            self._corpora.clear()

    # -- checking ---------------------------------------------------------------

    def corpus(self, path: str, config: Config) -> list[str]:
        """The other files of the configured corpus, when ``path`` lies in it.

        Listed once (a walk of the corpus: a third of a second for 5,000
        files), then again only when files are added or removed.
        """
        key = (config.corpus, path)
        found = self._corpora.get(key)
        if found is None:
            from itures.corpus import corpus_context

            found = self._corpora[key] = corpus_context([path], config)
        return found

    def wanted(self, path: str, text: str) -> bool:
        """Whether ``path`` is a resolution to check: a file under the configured
        corpus, or a YAML file that names a body and a number (a draft kept
        elsewhere). An editor opens workflow files and schemas too: they are
        left alone."""
        import re

        if re.search(r"^body\s*:", text, re.MULTILINE) and re.search(
            r"^number\s*:", text, re.MULTILINE
        ):
            return True
        config = self.config(path)
        if isinstance(config, str):
            return True  # the diagnostic says what is wrong with the configuration
        if config.corpus is None:
            return False
        root = os.path.realpath(config.corpus)
        return os.path.realpath(path).startswith(root + os.sep)

    def check(self, path: str, text: str) -> list[Diagnostic]:
        """The diagnostics ``itures check`` gives for ``path`` holding ``text``."""
        config = self.config(path)
        if isinstance(config, str):
            return [Diagnostic("config", "error", path, 1, 1, config)]
        from itures import pipeline

        cache = self.cache(path) if self.use_cache else None
        context = self.corpus(path, config)
        result = pipeline.run(
            [path],
            context,
            config,
            cache=cache,
            jobs=None,
            context_failures=False,
            contents={path: text.encode("utf-8", "surrogatepass")},
        )
        return [d for d in result.diagnostics if d.path == path]

    def cache(self, path: str) -> Cache:
        """The cache of ``path``'s checks, kept open between them (one that failed is
        made again: a check never fails for its cache, see :mod:`itures.cache`)."""
        from itures.cache import Cache, cache_dir

        where = cache_dir(path)
        found = self._caches.get(where)
        if found is None or found.problem is not None:
            if found is not None:
                found.close()
            found = self._caches[where] = Cache(where)
        return found

    def close(self) -> None:
        for cache in self._caches.values():
            cache.close()
        self._caches.clear()

    # -- reading ------------------------------------------------------------------

    def load(self, path: str) -> Loaded | None:
        """The editor's text of ``path``, else the file's; parsed when it can be."""
        text = self.text_of(path)
        if text is None:
            from itures.files import FileRefused, read

            try:
                data = read(path)
            except (FileRefused, OSError):
                return None
            from itures.yamlio.read import decode

            try:
                text = decode(data)
            except Exception:
                return None
        return parse(path, text)

    def cards(self, path: str) -> dict[str, Any]:
        """The identity card of every file of ``path``'s corpus (and of ``path``):
        path -> (body, number, language, cited identities), from the cache."""
        config = self.config(path)
        if isinstance(config, str):
            return {}
        key = config.corpus or os.path.dirname(os.path.abspath(path))
        found: dict[str, Any] | None = self._cards.get(key)
        if found is None:
            from itures import pipeline

            if config.corpus is not None:
                from itures.files import discover

                paths = [os.path.relpath(p) for p in discover([config.corpus])[0]]
            else:
                paths = [path]
            found, _ = pipeline.cards(paths, config, self.cache(paths[0] if paths else path))
            self._cards[key] = found
        return found

    def files_of(self, path: str, body: str, number: str) -> dict[str, str]:
        """The files of resolution ``body`` ``number`` in ``path``'s corpus: language -> path
        (the first by path when several files share an identity)."""
        out: dict[str, str] = {}
        for p, card in sorted(self.cards(path).items()):
            if card is not None and card[0] == body and card[1] == number:
                out.setdefault(card[2], p)
        return out


def parse(path: str, text: str) -> Loaded:
    """``text`` read as YAML (the document None when it does not parse)."""
    from itures.yamlio.read import Document, read_document

    doc = read_document(path, text.encode("utf-8", "surrogatepass"))
    if isinstance(doc, Document):
        return Loaded(path, text, doc, doc.data)
    return Loaded(path, text, None)
