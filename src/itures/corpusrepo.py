"""A corpus repository in one command (``itures init``), and the vocabulary listing
(``itures vocabulary``).

``itures init [DIR]`` writes what a repository of resolutions needs, and
leaves every file that exists already as it is (it can be run again, after
an upgrade, to add what is missing; ``itures schema --write`` refreshes the
schema files):

=================================  =============================================
``resolutions/``                   where the files go (``README.md`` says how)
``schema/*.schema.json``           the JSON Schemas, where the modeline of every
                                   file written by ``import`` and ``fmt`` finds
                                   them (``../../../schema/resolution.schema.json``)
``.vscode/settings.json``          ``yaml.schemas`` mapping
                                   ``resolutions/**/*.yaml`` to the schema, for
                                   editors without the modeline
``pyproject.toml``                 ``[tool.itures]``: ``corpus = "resolutions"``
``.pre-commit-config.yaml``        the hooks ``itures-check`` and ``itures-fmt``
``.github/workflows/itures.yml``   CI: install, ``check --since``, ``fmt --check``,
                                   SARIF upload
``.gitignore``                     the check cache (``.itures_cache/``)
=================================  =============================================

**How itures is installed** (decision): no package index serves itures, so
the hooks and CI install it from its git repository at the tag of the
version that ran ``init`` (``v0.1.0``): pre-commit as a hook repository
(``repo: SOURCE``, ``rev: v0.1.0``), CI with ``pip install
"git+SOURCE@v0.1.0"``: one source, one version, both ways.
``SOURCE`` is ``--source`` (a URL, or a local path: a checkout of itures);
without it, the git checkout this itures runs from, when it runs from one.
A local path that does not exist or is not a git repository is refused
before anything is written (the hooks and CI could not install from it); a
URL is not looked at (no network).

A directory that is in no git work tree is made a git repository (``git
init``): the hooks install into one. A directory inside a repository (a
corpus kept in a subdirectory of a larger one) is left in it.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from itures import __version__

__all__ = ["InitError", "Initialised", "default_source", "init", "schema_files", "vocabulary_table"]

HOOKS_FILE = ".pre-commit-config.yaml"
WORKFLOW = ".github/workflows/itures.yml"


class InitError(Exception):
    """``init`` cannot be done; the message says why."""


@dataclass
class Initialised:
    """What :func:`init` did: the files written and those kept as they were."""

    root: str
    source: str
    requirement: str
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    # what the editor must do before the hooks and CI can install itures
    warnings: list[str] = field(default_factory=list)
    # whether init made the directory a git repository (it was in none)
    git_init: bool = False


def schema_files() -> dict[str, str]:
    """The JSON Schemas a corpus repository keeps in ``schema/``, by file name."""
    from itures.model import jsonschema

    return {
        "resolution.schema.json": jsonschema.dumps(jsonschema.resolution_schema()),
        "actors.schema.json": jsonschema.dumps(jsonschema.vocabulary_schema()),
        "verbs.schema.json": jsonschema.dumps(jsonschema.verbs_schema()),
    }


def default_source() -> str | None:
    """The git checkout this itures runs from (its working tree), if it runs from one."""
    here = Path(__file__).resolve().parent
    for top in here.parents:
        if (top / "pyproject.toml").is_file() and (top / ".git").exists():
            text = (top / "pyproject.toml").read_text(encoding="utf-8", errors="replace")
            return str(top) if 'name = "itures"' in text else None
    return None


def _url(source: str) -> str:
    """A git URL for pip: a local path as ``file://``."""
    if "://" in source or source.startswith("git@"):
        return source
    return Path(source).resolve().as_uri()


def _pre_commit(source: str, rev: str) -> str:
    return f"""\
# itures hooks: check and format the staged resolution files (pre-commit install).
# Installed from {source} at {rev}, the version that ran `itures init`; the CI
# workflow ({WORKFLOW}) installs the same.
repos:
  - repo: {json.dumps(source)}
    rev: {rev}
    hooks:
      - id: itures-check
      - id: itures-fmt
"""


def _workflow(requirement: str) -> str:
    return f"""\
# itures in CI: the gate on every pull request (against the branch it targets)
# and push (against the commit before it), formatting, and a SARIF log for
# code scanning. itures is installed as the pre-commit hooks install it.
name: itures
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write # for the SARIF upload
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the gate reads the base revision from git
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - name: Install itures
        run: pip install {json.dumps(requirement)}
      - name: Base revision
        id: base
        run: |
          if [ "${{{{ github.event_name }}}}" = pull_request ]; then
            echo "rev=origin/${{{{ github.base_ref }}}}" >> "$GITHUB_OUTPUT"
          elif [ "${{{{ github.event.before }}}}" != 0000000000000000000000000000000000000000 ]; then
            echo "rev=${{{{ github.event.before }}}}" >> "$GITHUB_OUTPUT"
          else
            echo "rev=$(git rev-list --max-parents=0 HEAD | tail -n 1)" >> "$GITHUB_OUTPUT"
          fi
      - name: itures check
        run: itures check --since "${{{{ steps.base.outputs.rev }}}}"
      - name: itures fmt
        run: itures fmt --check
      - name: SARIF log
        if: always()
        run: itures check --since "${{{{ steps.base.outputs.rev }}}}" --format sarif > itures.sarif || true
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: itures.sarif
"""


_README = """\
# Resolutions

One file per resolution and language: `<body>/<number>/<language>.yaml`
(`wtdc/59/fr.yaml`). `itures import FILE -o resolutions/` converts a Word
export or Akoma Ntoso XML; `itures check` checks; `itures fmt` formats.
The first line of every file names the schema (`../../../schema/`), for the
editor's validation, completion and hovers.
"""

_SETTINGS = {"yaml.schemas": {"./schema/resolution.schema.json": ["resolutions/**/*.yaml"]}}
_TABLE = '[tool.itures]\ncorpus = "resolutions"\n'


def init(directory: str, *, source: str | None = None) -> Initialised:
    """Make ``directory`` a corpus repository (see the module docstring).

    Raises :class:`InitError` when no source of itures is known (no
    ``--source`` and this itures does not run from a git checkout) or a
    file cannot be written.
    """
    source = source or default_source()
    if source is None:
        raise InitError(
            "no source to install itures from: give --source (a git URL, or the path of "
            "a checkout of itures), tagged v" + __version__
        )
    if "://" not in source and not source.startswith("git@"):
        source = str(Path(source).resolve())
        refused = _not_a_checkout(source)
        if refused is not None:
            raise InitError(refused)
    rev = f"v{__version__}"
    # a plain VCS URL, not "itures @ URL": older pips refuse a git+file:/// direct reference
    requirement = f"git+{_url(source)}@{rev}"
    root = Path(directory)
    done = Initialised(str(root), source, requirement)
    files: dict[str, str] = {
        "resolutions/README.md": _README,
        **{f"schema/{name}": text for name, text in schema_files().items()},
        ".vscode/settings.json": json.dumps(_SETTINGS, indent=2) + "\n",
        HOOKS_FILE: _pre_commit(source, rev),
        WORKFLOW: _workflow(requirement),
    }
    try:
        for name, text in files.items():
            path = root / name
            if path.exists():
                done.kept.append(name)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            done.written.append(name)
        _pyproject(root / "pyproject.toml", done)
        _gitignore(root / ".gitignore", done)
    except OSError as exc:
        raise InitError(f"cannot write in {root}: {exc.strerror or exc}") from None
    missing = _missing_tag(source, rev)
    if missing:
        done.warnings.append(missing)
    _git_init(root, done)
    return done


def _git(*args: str) -> subprocess.CompletedProcess[bytes] | None:
    """``git ARGS`` run quietly; None when git cannot be run."""
    try:
        return subprocess.run(["git", *args], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None


def _not_a_checkout(source: str) -> str | None:
    """Why the local path ``source`` cannot be the source of itures (the hooks
    and CI install from a git repository), or None."""
    if not Path(source).is_dir():
        return (
            f"--source {source}: no such directory; give a git URL, or the path of a "
            "checkout of itures"
        )
    found = _git("-C", source, "rev-parse", "--git-dir")
    if found is not None and found.returncode != 0:
        return (
            f"--source {source} is not a git repository: the hooks and CI install itures "
            "from one; give a git URL, or the path of a checkout of itures"
        )
    return None


def _git_init(root: Path, done: Initialised) -> None:
    """``git init`` the directory when it is in no git work tree (a corpus
    repository is one: the hooks install into it); a warning when git
    cannot be run. A directory inside a repository is left in it."""
    inside = _git("-C", str(root), "rev-parse", "--is-inside-work-tree")
    if inside is not None and inside.returncode == 0:
        return
    made = _git("init", "-q", str(root)) if inside is not None else None
    if made is None or made.returncode != 0:
        done.warnings.append(
            f"{root} is not a git repository and git could not make it one: run "
            f"git init {root}, then pre-commit install there"
        )
        return
    done.git_init = True


def _missing_tag(source: str, rev: str) -> str | None:
    """What to do when ``source``, a local checkout, has no tag ``rev``: the
    hooks and CI install that tag, and fail without it. A URL is not looked
    at (no network)."""
    if "://" in source or source.startswith("git@") or not Path(source).is_dir():
        return None
    found = _git("-C", source, "rev-parse", "-q", "--verify", f"refs/tags/{rev}")
    if found is None or found.returncode == 0:
        return None
    return (
        f"{source} has no tag {rev}, which the hooks and CI install: pre-commit and pip will "
        f"fail until it has one (git -C {source} tag {rev}), or run init again with --source "
        "naming a repository of itures that has it"
    )


def _pyproject(path: Path, done: Initialised) -> None:
    """``[tool.itures]`` in pyproject.toml: written, or added to a file without it."""
    if not path.exists():
        path.write_text(_TABLE, encoding="utf-8")
        done.written.append("pyproject.toml")
        return
    text = path.read_text(encoding="utf-8")
    if "[tool.itures" in text:
        done.kept.append("pyproject.toml")
        return
    path.write_text(text.rstrip("\n") + "\n\n" + _TABLE, encoding="utf-8")
    done.written.append("pyproject.toml")


def _gitignore(path: Path, done: Initialised) -> None:
    line = ".itures_cache/"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if line in text.splitlines():
        done.kept.append(".gitignore")
        return
    path.write_text(text + ("" if not text or text.endswith("\n") else "\n") + line + "\n")
    done.written.append(".gitignore")


def write_schema(start: str | None = None) -> list[str]:
    """Write the JSON Schemas into ``schema/`` of the corpus repository of ``start``
    (the folder of the ``pyproject.toml`` with ``[tool.itures]``, else ``start``);
    the paths written."""
    from itures.config import find

    here = start or os.getcwd()
    found = find(here)
    top = Path(os.path.dirname(found)) if found else Path(here)
    written = []
    for name, text in schema_files().items():
        path = top / "schema" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(str(path))
    return written


def vocabulary_table(
    config: object | None = None, language: str | None = None
) -> dict[str, object]:
    """The vocabulary in force (``config``'s, see :func:`itures.model.vocabulary.vocabulary_of`)
    as plain data: actors (id, kind, names, abbreviations), events (id, names),
    verbs by part (id, headings); names in ``language`` only if given."""
    from itures.model.resolution import LANGUAGES
    from itures.model.vocabulary import Verbs, verb_vocabulary, vocabulary_of

    langs = [language] if language else list(LANGUAGES)
    vocab = vocabulary_of(config)
    verbs = Verbs(verb_vocabulary(), getattr(config, "verbs", ()))
    return {
        "actors": [
            {
                "id": a.id,
                "kind": a.kind,
                "names": {lang: getattr(a.names, lang) for lang in langs},
                "abbreviations": {
                    lang: getattr(a.abbreviations, lang)
                    for lang in langs
                    if getattr(a.abbreviations, lang)
                },
            }
            for a in vocab.actors
        ],
        "events": [
            {"id": e.id, "names": {lang: getattr(e.names, lang) for lang in langs}}
            for e in vocab.events
        ],
        "verbs": {
            part: [
                {"id": key, "headings": {lang: verbs.headings[part][key][lang] for lang in langs}}
                for key in verbs.keys(part)
            ]
            for part in ("preamble", "operative")
        },
    }


def vocabulary_text(table: dict[str, object]) -> str:
    """The listing of ``itures vocabulary``: one entry a line, its names in each language."""
    out: list[str] = []

    def names(by_lang: dict[str, list[str]], extra: dict[str, list[str]] | None = None) -> None:
        for lang, found in by_lang.items():
            short = (extra or {}).get(lang) or []
            tail = f" ({', '.join(short)})" if short else ""
            out.append(f"    {lang}: {' | '.join(found) if found else '-'}{tail}")

    out.append("actors")
    for actor in table["actors"]:  # type: ignore[attr-defined]
        out.append(f"  {actor['id']} ({actor['kind']})")
        names(actor["names"], actor["abbreviations"])
    out.append("events")
    for event in table["events"]:  # type: ignore[attr-defined]
        out.append(f"  {event['id']}")
        names(event["names"])
    for part, verbs in table["verbs"].items():  # type: ignore[attr-defined]
        out.append(f"verbs ({part})")
        for verb in verbs:
            out.append(f"  {verb['id']}")
            names(verb["headings"])
    return "\n".join(out) + "\n"
