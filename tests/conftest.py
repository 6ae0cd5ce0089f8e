"""Shared helpers: real git repositories and resolution documents."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from itures.yamlio.write import dump_data

# The suite's property tests are derandomized, so a CI run never fails on an
# example no earlier run saw; exploring goes on in bench/fuzz.py and with
# HYPOTHESIS_PROFILE=explore (random examples, as hypothesis does by default).
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# Commands run by the tests run alone, never through a resident server a user
# may have started (tests/test_daemon.py starts its own).
os.environ["ITURES_DAEMON"] = "off"

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the repository (ITURES_SHARED may point elsewhere)
SHARED = Path(os.environ.get("ITURES_SHARED", ROOT.parent / "shared"))
SEED_YAML = ROOT / "resolutions" / "wtdc" / "59" / "fr.yaml"
# how an editor on Windows saves a file: (byte order mark, line end), for
# @pytest.mark.parametrize(("bom", "end"), WINDOWS_SAVES, ids=WINDOWS_SAVE_IDS)
WINDOWS_SAVES = [("", "\r\n"), ("\ufeff", "\n"), ("\ufeff", "\r\n")]
WINDOWS_SAVE_IDS = ["crlf", "bom", "both"]

# the keys of a diagnostic's JSON record (--format json, Diagnostic.to_dict)
DIAGNOSTIC_KEYS = {
    "rule",
    "severity",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "help",
    "pointer",
    "related",
}

MINIMAL = """\
body: pp
number: '1'
language: en
title: A title
history:
  - event: adopted
    place: Dubai
    year: 2018
"""


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return proc.stdout


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's `itures check` runs get a cache of their own (never the user's, nor
    the repository's); tests of where the cache goes remove ITURES_CACHE_DIR."""
    path = tmp_path_factory.mktemp("itures-cache")
    monkeypatch.setenv("ITURES_CACHE_DIR", str(path))
    return path


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty git repository as the working directory."""
    path = tmp_path / "corpus"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", "Editor")
    git(path, "config", "user.email", "editor@example.org")
    git(path, "config", "commit.gpgsign", "false")
    monkeypatch.chdir(path)
    return path


CLEAN: dict[str, Any] = {
    "body": "pp",
    "number": "191",
    "language": "en",
    "title": "Strategy for the coordination of efforts among the three Sectors of the Union",
    "history": [
        {"event": "adopted", "place": "Guadalajara", "year": 2010},
        {"event": "revised", "place": "Busan", "year": 2014},
    ],
    "conference": "The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),",
    "preamble": [
        {
            "verb": "considering",
            "heading": "considering",
            "items": [
                {"label": "a)", "text": "that coordination among the Sectors is needed;"},
                {"label": "b)", "text": "that duplication of work should be avoided,"},
            ],
        }
    ],
    "operative": [
        {
            "verb": "resolves",
            "heading": "resolves",
            "clauses": [
                {"label": "1", "text": "to strengthen coordination among the three Sectors;"},
                {"label": "2", "text": "to avoid duplication of work between the Sectors;"},
                {"label": "3", "text": "to report on the progress made every year."},
            ],
        }
    ],
}


# The clean history for another body: the same years, where that body met then
# (the history rule checks places against the conference calendar).
HISTORIES: dict[str, list[dict[str, Any]]] = {
    "wtdc": [
        {"event": "adopted", "place": "Hyderabad", "year": 2010},
        {"event": "revised", "place": "Dubai", "year": 2014},
    ],
}


# ... and the conference formula that names the last of them (``history``
# compares the two)
FORMULAS: dict[str, str] = {
    "wtdc": "The World Telecommunication Development Conference (Dubai, 2014),",
}


def resolution(**changes: Any) -> dict[str, Any]:
    """A clean resolution document (a copy), with top-level keys replaced."""
    data = copy.deepcopy(CLEAN)
    if "history" not in changes and changes.get("body") in HISTORIES:
        data["history"] = copy.deepcopy(HISTORIES[changes["body"]])
        if "conference" not in changes:
            data["conference"] = FORMULAS[changes["body"]]
    data.update(copy.deepcopy(changes))
    return data


def write(path: Path, data: dict[str, Any] | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else dump_data(data), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of a file containing ``needle``."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def run_cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command line, in a fresh process (in ``cwd``, default the current directory)."""
    full = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}  # as on a desk
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "itures", *args], capture_output=True, text=True, env=full, cwd=cwd
    )


def snapshot_checkout(dest: Path, *, tag: str | None = None) -> Path:
    """This checkout as it is (uncommitted changes too), committed in a scratch
    repository at ``dest`` (and tagged ``tag``): a source of hooks or of itures
    as pre-commit and ``itures init`` install them, as ``pre-commit try-repo`` does."""
    import shutil

    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        src = ROOT / name
        if not os.path.lexists(src) or (src.is_dir() and not src.is_symlink()):
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            os.symlink(os.readlink(src), target)
        else:
            shutil.copy2(src, target)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "snapshot")
    if tag is not None:
        git(dest, "tag", tag)
    return dest


def best_time(work: Callable[[], object]) -> float:
    """The best of three runs of ``work``, the garbage collector held off during
    each (a collection walks every object alive: its cost is not the work's,
    and one falling in the larger run alone makes linear work look
    quadratic). What the tests that compare the time at n and 4 n time with."""
    import gc
    import time

    times = []
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def fixed_seed(tmp_path: Path, old: str, new: str) -> tuple[float, str, int]:
    """``itures check --fix`` (:func:`itures.fixes.fix_files`, no cache) on
    the example with ``old`` replaced by ``new``, three times on fresh
    copies: (the best time, the fixed text, the fixes applied)."""
    import time

    from itures.fixes import fix_files

    times = []
    for _ in range(3):
        path = Path(tempfile.mkdtemp(dir=tmp_path)) / "wtdc" / "59" / "fr.yaml"
        path.parent.mkdir(parents=True)
        path.write_text(SEED_YAML.read_text("utf-8").replace(old, new), "utf-8")
        start = time.perf_counter()
        [done] = fix_files([str(path)], cache=False)
        times.append(time.perf_counter() - start)
    return min(times), path.read_text("utf-8"), done.fixes
