"""Configuration: ``[tool.itures]`` in the corpus repository's ``pyproject.toml``.

```toml
[tool.itures]
corpus = "resolutions"            # the corpus directory, relative to this file
select = ["ALL"]                  # rules to run (default: all)
ignore = ["numbering-style"]      # rules not to run
reference-scope = ["wtdc", "pp"]  # bodies the corpus holds completely ("*": all it holds)
lang = "fr"                       # the language of messages: en (default), fr, es
layout = "{body}/{number}/{language}.yaml"  # where each file lies under corpus
rules-url = "https://example.org/itures/rules.html"  # the rule reference: SARIF's helpUri

[tool.itures.severity]            # re-grade rules
punctuation = "error"
footnote-unused = "error"

[tool.itures.verbs.preamble]      # more section verbs, or more headings for one
welcoming_warmly = { en = ["welcoming warmly"], fr = ["accueillant chaleureusement"] }
[tool.itures.verbs.operative]
instructs = { fr = ["donne instruction au"] }
```

Decisions:

* **Where it is found**: the first ``pyproject.toml`` with a ``[tool.itures]``
  table in the directory of the first checked path or above it, stopping at
  the top of the git repository (the directory holding ``.git``); outside a
  repository, stopping at the corpus root (the working directory when the
  path lies under it, else the checked directory itself: never up to ``/``,
  where anyone may have left a ``pyproject.toml``; see
  :func:`itures.files.root_of`). No such file: the defaults; but a
  ``pyproject.toml`` on the way with a table one slip of typing from it
  (``[tool.iture]``) is a :class:`ConfigError`, not the defaults. ``itures
  check --config FILE`` names it explicitly (its keys written at its top,
  with no ``[tool.itures]`` line, are an error; an empty file is the
  defaults). The file is read as every file is
  (:mod:`itures.files`): a FIFO or a link leading out of the repository is
  refused.
* **A change of configuration is a finding of the gate.** A pull request can
  switch rules off in the ``pyproject.toml`` it changes; ``itures check
  --since REV`` compares the configuration with the one at ``REV`` and
  reports ``config-changed`` for every rule it turned off or lowered to a
  warning (see :mod:`itures.gate`).
* ``yaml-syntax`` and ``schema`` are stages, not rules: they cannot be
  selected, ignored, re-graded or suppressed, since a file that fails them
  cannot be checked further. Nor can the gate's findings
  (``language-drift``, ``reference-shifted``, ...: :data:`itures.rules.GATE`),
  which judge a change, not a file.
* ``corpus``: when a checked file lies under it, the whole corpus is indexed
  (read and validated, not checked), so references and language versions
  resolve against the whole corpus even when a pre-commit hook passes only
  the changed files.
* ``reference-scope``: see :mod:`itures.rules.references`; empty by default.
  A body one slip of typing from one the conference calendar knows
  (``wtdx``) is an error; a corpus's own body (``unga``) is not.
* ``lang``: the language of messages (see :mod:`itures.i18n`); ``--lang``
  and ``ITURES_LANG`` override it.
* ``verbs``: additions to the verb vocabulary (``schema/verbs.yaml``, see
  :mod:`itures.model.vocabulary`), by part (``preamble``, ``operative``),
  canonical key and language; a key the vocabulary has gains headings, a new
  key is a new verb. Nothing can be removed: the shipped headings are ITU's.
* ``rules-url``: where the rule reference (``docs/rules.md``) is published
  for the corpus's team, an http(s) address; the SARIF report links each
  rule to it (``helpUri``: the address and ``#`` the rule's name). Without
  it SARIF has no ``helpUri`` (a link leading nowhere is worse than none; the
  help text is in the report itself).
* ``vocabulary``: a YAML file of more actors and events (the schema of
  ``schema/actors.yaml``, ``itures schema --vocabulary``), relative to the
  ``pyproject.toml``: its ids join the shipped ones for ``actor-unknown``
  and ``deadline-event-unknown``, and ``itures vocabulary`` lists them. An
  id the shipped vocabulary has already is refused (it would change what a
  shipped id means), as is an id given twice.
* ``layout``: where a resolution's file lies under ``corpus``, from its
  identity (the rule ``identity-path``, :mod:`itures.rules.identity`): a
  relative path with the placeholders ``{body}``, ``{number}`` and
  ``{language}``, each exactly once, ending in ``.yaml``; default
  ``{body}/{number}/{language}.yaml``. ``{number}`` stands for the number's
  folder name (a ``/`` becomes ``_``: :func:`itures.paths.folder_name`).
* Any unknown key, unknown rule name or bad value is a :class:`ConfigError`
  (the CLI exits 2 with its message): a typo in a rule name must not silently
  disable nothing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from itures.diagnostics import Severity
from itures.paths import DEFAULT_LAYOUT

__all__ = ["Config", "ConfigError", "discover", "load"]

# A pyproject.toml is a few KB; the limit only keeps a hostile one from filling memory.
MAX_CONFIG_BYTES = 1_000_000
KEYS = (
    "corpus",
    "select",
    "ignore",
    "severity",
    "reference-scope",
    "lang",
    "layout",
    "vocabulary",
    "rules-url",
)
_FIELDS = ("body", "number", "language")
STAGES = ("yaml-syntax", "schema")


class ConfigError(Exception):
    """The configuration cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Config:
    """What to run and how to grade it. ``Config()`` is the default."""

    select: frozenset[str] | None = None  # None: every rule
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    reference_scope: frozenset[str] = frozenset()
    corpus: str | None = None  # absolute path of the corpus directory
    source: str | None = None  # the file it was read from
    lang: str = "en"  # the language of messages (itures.i18n)
    # additions to the verb vocabulary: (part, key, language, headings)
    verbs: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()
    layout: str = DEFAULT_LAYOUT  # where each file lies under corpus (identity-path)
    # the corpus's actor and event vocabulary: (absolute path, digest of its content)
    vocabulary: tuple[str, str] | None = None
    # where the rule reference (docs/rules.md) is published: SARIF's helpUri
    rules_url: str | None = None

    def enabled(self, rule: str) -> bool:
        if rule in STAGES:
            return True
        if rule in self.ignore:
            return False
        return self.select is None or rule in self.select

    def severity_of(self, rule: str, default: Severity) -> Severity:
        return self.severity.get(rule, default)

    def with_options(
        self, select: list[str] | None = None, ignore: list[str] | None = None
    ) -> Config:
        """This configuration with command-line ``--select`` / ``--ignore`` applied."""
        from dataclasses import replace

        out = self
        if select is not None:
            out = replace(out, select=_rules(select, "--select"))
        if ignore is not None:
            out = replace(out, ignore=out.ignore | _rules(ignore, "--ignore"))
        return out


def _known() -> list[str]:
    from itures.rules import load_all

    return list(load_all())


def _gate() -> tuple[str, ...]:
    from itures.rules import GATE

    return GATE


def _rules(value: Any, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of rule names")
    known = _known()
    out: set[str] = set()
    for name in value:
        if name == "ALL":
            out.update(known)
            continue
        if name in STAGES:
            raise ConfigError(
                f"{where}: '{name}' is a stage, not a rule: it always runs and cannot be "
                "selected, ignored or re-graded"
            )
        if name not in known and name in _gate():
            raise ConfigError(
                f"{where}: '{name}' is a finding of the CI gate (check --since), not a rule: "
                "it cannot be selected, ignored or re-graded"
            )
        if name not in known:
            from itures.suggest import closest  # only for this message: not at start-up

            close = closest(name, known)
            hint = f"; did you mean '{close}'?" if close else ""
            raise ConfigError(f"{where}: unknown rule '{name}'{hint} (see `itures rules`)")
        out.add(name)
    return frozenset(out)


# vocabulary additions (see itures.model.vocabulary)
VOCABULARY_KEYS = ("verbs",)
ALL_KEYS = (*KEYS, *VOCABULARY_KEYS)


def _verbs(value: Any, where: str) -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """``[tool.itures.verbs]`` as (part, key, language, headings) entries."""
    import re

    from itures.model.resolution import LANGUAGES

    example = '[tool.itures.verbs.preamble] welcoming_warmly = { en = ["welcoming warmly"] }'
    if not isinstance(value, dict):
        raise ConfigError(f"{where} verbs must be a table, e.g. {example}")
    out: list[tuple[str, str, str, tuple[str, ...]]] = []
    for part, verbs in value.items():
        if part not in ("preamble", "operative"):
            raise ConfigError(f"{where} verbs: '{part}' is not a part; use preamble or operative")
        if not isinstance(verbs, dict):
            raise ConfigError(f"{where} verbs.{part} must be a table, e.g. {example}")
        for key, by_lang in verbs.items():
            if not re.fullmatch(r"[a-z]+(_[a-z]+)*", key) or key.startswith("further_"):
                raise ConfigError(
                    f"{where} verbs.{part}: '{key}' is not a verb key (lower-case words joined "
                    "by '_', e.g. welcoming_warmly; further_ variants come by themselves)"
                )
            if not isinstance(by_lang, dict):
                raise ConfigError(f"{where} verbs.{part}.{key} must be a table, e.g. {example}")
            for lang, headings in by_lang.items():
                if lang not in LANGUAGES:
                    raise ConfigError(
                        f"{where} verbs.{part}.{key}: '{lang}' is not one of the languages "
                        f"{', '.join(LANGUAGES)}"
                    )
                if not isinstance(headings, list) or not all(
                    isinstance(h, str) and h.strip() for h in headings
                ):
                    raise ConfigError(
                        f"{where} verbs.{part}.{key}.{lang} must be a list of headings, "
                        f'e.g. ["welcoming warmly"]'
                    )
                out.append((part, key, lang, tuple(headings)))
    return tuple(out)


def _layout(value: Any, where: str) -> str:
    """A usable ``layout``: relative, ``/``-separated, each field once, a YAML file."""
    import string

    example = f'e.g. "{DEFAULT_LAYOUT}"'
    if not isinstance(value, str) or not value:
        raise ConfigError(
            f"{where} layout must be a path with {{body}}, {{number}} and {{language}}, {example}"
        )
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
    except ValueError as exc:
        raise ConfigError(f"{where} layout {value!r}: {exc}") from None
    unknown = [n for n in names if n not in _FIELDS]
    if unknown:
        raise ConfigError(
            f"{where} layout {value!r}: unknown placeholder {{{unknown[0]}}} (known: "
            "{body}, {number}, {language})"
        )
    for name in _FIELDS:
        if names.count(name) != 1:
            raise ConfigError(
                f"{where} layout {value!r} must name {{{name}}} exactly once, {example}"
            )
    parts = value.split("/")
    if value.startswith("/") or "\\" in value or any(p in ("", ".", "..") for p in parts):
        raise ConfigError(
            f"{where} layout {value!r} must be a relative path of folder names under corpus "
            f"(no '..', '.', empty or leading '/', backslash), {example}"
        )
    if not value.endswith((".yaml", ".yml")):
        raise ConfigError(f"{where} layout {value!r} must end with .yaml or .yml, {example}")
    return value


def from_table(table: Any, source: str, base: str) -> Config:
    """Build a configuration from the ``[tool.itures]`` table read from ``source``."""
    where = f"{source}: [tool.itures]"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    for key in table:
        if key not in ALL_KEYS:
            from itures.suggest import closest

            close = closest(key, ALL_KEYS)
            hint = f"; did you mean '{close}'?" if close else ""
            raise ConfigError(f"{where}: unknown key '{key}'{hint} (keys: {', '.join(ALL_KEYS)})")
    select = _rules(table["select"], f"{where} select") if "select" in table else None
    ignore = _rules(table.get("ignore", []), f"{where} ignore")
    severity: dict[str, Severity] = {}
    raw = table.get("severity", {})
    if not isinstance(raw, dict):
        raise ConfigError(f'{where} severity must be a table of rule = "error" | "warning"')
    for name, value in raw.items():
        _rules([name], f"{where} severity")
        if value not in ("error", "warning"):
            raise ConfigError(
                f'{where} severity: {name} = {value!r}; expected "error" or "warning"'
            )
        severity[name] = value
    scope = table.get("reference-scope", [])
    if not isinstance(scope, list) or not all(isinstance(b, str) for b in scope):
        raise ConfigError(f'{where} reference-scope must be a list of bodies, e.g. ["pp", "wtdc"]')
    for body in scope:
        if body not in _USUAL_BODIES:
            near = _near_body(body)
            if near is not None:
                raise ConfigError(
                    f"{where} reference-scope: {body!r} is no body ITU's calendar knows: "
                    f"did you mean {near!r}?"
                )
    corpus = table.get("corpus")
    if corpus is not None:
        if not isinstance(corpus, str) or not corpus:
            raise ConfigError(f"{where} corpus must be a directory path")
        corpus = os.path.normpath(os.path.join(base, corpus))
        if not os.path.isdir(corpus):
            raise ConfigError(f"{where} corpus: {corpus} is not a directory")
    lang = table.get("lang", "en")
    from itures.i18n import LANGUAGES

    if lang not in LANGUAGES:
        raise ConfigError(f"{where} lang = {lang!r}; expected one of {', '.join(LANGUAGES)}")
    verbs = _verbs(table["verbs"], where) if "verbs" in table else ()
    layout = _layout(table["layout"], where) if "layout" in table else DEFAULT_LAYOUT
    vocabulary = _vocabulary(table["vocabulary"], where, base) if "vocabulary" in table else None
    rules_url = _rules_url(table["rules-url"], where) if "rules-url" in table else None
    return Config(
        select,
        ignore,
        severity,
        frozenset(scope),
        corpus,
        source,
        lang,
        verbs,
        layout,
        vocabulary,
        rules_url,
    )


def _rules_url(value: Any, where: str) -> str:
    """``rules-url``: an absolute http(s) URL, without a fragment (each rule's is added)."""
    from urllib.parse import urlsplit

    example = 'e.g. rules-url = "https://example.org/itures/docs/rules.md"'
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{where} rules-url must be an http or https address, {example}")
    if parts.fragment or any(ch.isspace() for ch in value):
        raise ConfigError(
            f"{where} rules-url {value!r}: no '#' part and no spaces (each rule adds its own "
            f"#name), {example}"
        )
    return str(value)


def _vocabulary(value: Any, where: str, base: str) -> tuple[str, str]:
    """``vocabulary = "actors.yaml"``: the file, read and checked now (so that a
    mistake in it is reported once, where the configuration names it)."""
    from hashlib import blake2b

    from itures.model.vocabulary import VocabularyError, extended

    if not isinstance(value, str) or not value:
        raise ConfigError(
            f'{where} vocabulary must be a file path, e.g. vocabulary = "actors.yaml"'
        )
    path = os.path.normpath(os.path.join(base, value))
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ConfigError(
            f"{where} vocabulary: {path}: cannot read: {exc.strerror or exc}"
        ) from None
    try:
        extended(path, data)
    except VocabularyError as exc:
        raise ConfigError(f"{where} vocabulary: {exc}") from None
    return path, blake2b(data, digest_size=16).hexdigest()


# the bodies a reference scope most often names (the others are looked up)
_USUAL_BODIES = frozenset(("*", "pp", "wtdc", "wtsa", "ra", "wrc", "council"))


def _near_body(body: str) -> str | None:
    """A body of the conference calendar one slip of typing from ``body``
    (``wtdx``: ``wtdc``), when ``body`` is none of them (a corpus may hold
    bodies of its own: ``unga``)."""
    from itures.conferences import MEETINGS
    from itures.suggest import one_slip

    known = {*MEETINGS, *_USUAL_BODIES} - {"*"}
    if body in known:
        return None
    return next((b for b in sorted(known) if one_slip(body, b)), None)


def load(path: str | os.PathLike[str], *, required: bool = False) -> Config:
    """Read ``[tool.itures]`` from a ``pyproject.toml`` (or any TOML file).

    A file without the table gives the defaults (an empty file named by
    ``--config``: the defaults, whatever ``pyproject.toml`` says), but one
    with a table one slip of typing from it (``[tool.iture]``) is a
    :class:`ConfigError`, and so, with ``required`` (a file named to
    configure itures: ``--config``), is one whose keys of ``[tool.itures]``
    are written at its top, with no table line.
    """
    import tomllib  # only when there is a file to read: not at start-up

    from itures.files import FileRefused, read

    p = os.fspath(path)
    try:
        raw = read(p, limit=MAX_CONFIG_BYTES, what="a configuration file", contained=False)
        data = tomllib.loads(raw.decode("utf-8"))
    except FileRefused as exc:
        raise ConfigError(exc.message("not read")) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{p}: not UTF-8 text: {exc.reason}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: not valid TOML: {exc}") from None
    tool = data.get("tool", {})
    table = tool.get("itures") if isinstance(tool, dict) else None
    if table is None:
        near = _near_table(tool)
        if near is not None:
            raise ConfigError(f"{p}: a [tool.{near}] table: did you mean [tool.itures]?")
        top = [k for k in data if k in ALL_KEYS]
        if required and top:
            raise ConfigError(
                f"{p}: no [tool.itures] table ({', '.join(top)} at the top of the file: "
                + (
                    "write a [tool.itures] line above it)"
                    if len(top) == 1
                    else "write a [tool.itures] line above them)"
                )
            )
        return Config(source=p)
    try:
        return from_table(table, p, os.path.dirname(os.path.abspath(p)))
    except ConfigError as exc:
        raise ConfigError(_with_line(str(exc), p, raw.decode("utf-8"))) from None


# what a message of from_table names first after "[tool.itures]": an unknown
# key, or the key it is about ("select", "severity: punctuation = ...")
_NAMED = re.compile(
    r"\[tool\.itures\](?::\s+unknown key '(?P<unknown>[^']+)'|\s+(?P<key>[\w-]+)"
    r"(?:[.:]\s*(?P<sub>[\w-]+))?)"
)


def _with_line(message: str, path: str, text: str) -> str:
    """``message`` (``PATH: [tool.itures] ...``) with the line of the key it
    is about (``PATH:LINE: ...``), found in the TOML text: the key's line in
    the ``[tool.itures]`` table, or its own table's (``[tool.itures.severity]``)
    and the line of the name under it (``punctuation = ...``). The message as
    it was when the key is not found (a table written inline elsewhere)."""
    m = _NAMED.search(message)
    if m is None or not message.startswith(f"{path}: "):
        return message
    key = m.group("unknown") or m.group("key")
    line = _line_of(text, key, m.group("sub"))
    if line is None:
        return message
    return f"{path}:{line}: {message[len(path) + 2 :]}"


def _line_of(text: str, key: str, sub: str | None) -> int | None:
    """The 1-based line of ``key`` in the ``[tool.itures]`` table of a TOML
    text (or of its own table ``[tool.itures.KEY]``), and of ``sub`` under
    it when it is there; None when not found."""
    table = None  # the table the line is in
    found = None
    quoted = re.escape(key)
    assign = re.compile(rf"""\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*=""")
    for n, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[+\s*([^\]]+?)\s*\]+\s*(?:#.*)?$", line)
        if header is not None:
            table = header.group(1).replace(" ", "")
            if found is None and table.startswith(f"tool.itures.{key}"):
                found = n
            continue
        if found is None and table == "tool.itures" and assign.match(line):
            found = n
            if sub is None or sub not in line:
                continue
            return n
        if (
            found is not None
            and sub is not None
            and table is not None
            and (table.startswith(f"tool.itures.{key}") or table == "tool.itures")
            and re.match(rf"""\s*["']?{re.escape(sub)}["']?\s*=""", line)
        ):
            return n
    return found


def _near_table(tool: Any) -> str | None:
    """The name of a ``[tool.X]`` table one slip of typing from ``itures``."""
    if not isinstance(tool, dict):
        return None
    from itures.suggest import one_slip

    return next((name for name in tool if one_slip(name.lower(), "itures")), None)


def find(start: str | os.PathLike[str]) -> str | None:
    """The ``pyproject.toml`` with a ``[tool.itures]`` table for ``start``.

    Looked for in the directory of ``start`` and above, up to its root (see
    the module docstring). Raises :class:`ConfigError` when a candidate is
    refused (a FIFO, a link leading out of the repository, a huge file).
    """
    from itures.files import FileRefused, read, root_of

    here = os.path.abspath(os.fspath(start))
    if not os.path.isdir(here):
        here = os.path.dirname(here)
    top, _ = root_of(here)
    while True:
        candidate = os.path.join(here, "pyproject.toml")
        if os.path.lexists(candidate):
            try:
                raw = read(candidate, limit=MAX_CONFIG_BYTES, what="a configuration file")
                if b"[tool.itures" in raw:
                    return candidate
                if b"[tool." in raw and _near_name(raw):
                    load(candidate)  # (a table one slip from [tool.itures]: said there)
            except FileRefused as exc:
                if exc.refused:
                    raise ConfigError(exc.message("not read")) from None
        if here == top:
            return None
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


# the [tool.X] tables of a TOML file, read without parsing it
_TOOL_TABLE = re.compile(rb"^\s*\[\s*tool\.([A-Za-z0-9_-]+)", re.MULTILINE)


def _near_name(raw: bytes) -> bool:
    """Whether the file has a ``[tool.X]`` table one slip from ``itures``
    (the file is then parsed: :func:`load` says which)."""
    from itures.suggest import one_slip

    return any(
        one_slip(m.group(1).decode("ascii").lower(), "itures") for m in _TOOL_TABLE.finditer(raw)
    )


def discover(paths: list[str | os.PathLike[str]] | None = None) -> Config:
    """The configuration for checking ``paths`` (default: the working directory)."""
    start = os.fspath(paths[0]) if paths else os.getcwd()
    found = find(start)
    return load(found) if found else Config()
