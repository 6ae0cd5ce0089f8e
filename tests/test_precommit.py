"""The pre-commit hooks, installed by the real pre-commit from this checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from itures import rules
from itures.yamlio.write import dump_data
from tests.conftest import ROOT, git, line_of, resolution, snapshot_checkout, write

FILE = "resolutions/wtdc/59/en.yaml"


def _run(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run a command; its output (stdout and stderr, in order) is in ``stdout``."""
    return subprocess.run(
        args, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout as it is (uncommitted changes too), committed in a scratch repository.

    pre-commit installs a hook repository at a revision, so the working tree is
    copied and committed, as ``pre-commit try-repo`` does.
    """
    if shutil.which("git") is None:  # pragma: no cover
        pytest.skip("git is not installed")
    dest = snapshot_checkout(tmp_path_factory.mktemp("itures-checkout"))
    return dest, git(dest, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    bindir = str(Path(sys.executable).parent)  # pre-commit of the test environment
    out = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "PATH": bindir + os.pathsep + os.environ["PATH"],
    }
    out.pop("GITHUB_ACTIONS", None)
    return out


def test_readme_lists_every_hook() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [h["id"] for h in hooks] == ["itures-check", "itures-fmt"]
    for hook in hooks:
        assert f"id: {hook['id']}" in readme
    own = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = {h["id"]: h for r in own["repos"] for h in r["hooks"]}
    for hook in hooks:  # the project runs the same hooks on its own resolutions/
        assert local[hook["id"]]["files"] == hook["files"]
        assert local[hook["id"]]["entry"].endswith(hook["entry"].removeprefix("itures"))


def test_hooks_in_a_corpus_repository(
    repo: Path, hooks_repo: tuple[Path, str], env: dict[str, str]
) -> None:
    source, rev = hooks_repo
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {source}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: itures-fmt\n"
        "      - id: itures-check\n",
        encoding="utf-8",
    )
    installed = _run(repo, "pre-commit", "install", env=env)
    assert installed.returncode == 0, installed.stdout
    cited = write(repo / "resolutions/pp/191/en.yaml", resolution())
    git(repo, "add", "-A")

    # a clean commit passes
    write(repo / FILE, resolution(body="wtdc", number="59"))
    git(repo, "add", "-A")
    done = _run(repo, "git", "commit", "-m", "clean", env=env)
    assert done.returncode == 0, done.stdout
    assert cited.exists()

    # a stray number written as an integer: rejected, with the diagnostic
    stray = resolution(body="wtdc", number="59")
    stray["operative"][0]["clauses"][2]["label"] = 5
    write(repo / FILE, stray)
    git(repo, "add", "-A")
    rejected = _run(repo, "git", "commit", "-m", "stray", env=env)
    assert rejected.returncode != 0
    line = line_of(repo / FILE, "label: 5")
    # the default output: the finding, then its source line with a caret under the label
    assert re.search(
        rf"^{re.escape(FILE)}:{line}:\d+: error\[schema\]: .*\n +\|\n{line} \|       - label: 5\n +\| +\^",
        rejected.stdout,
        re.M,
    ), rejected.stdout
    assert git(repo, "log", "--format=%s").split() == ["clean"]

    # a stray number as published ('5' after 1, 2): the numbering rules reject it
    if "numbering-gap" in rules.load_all():
        stray["operative"][0]["clauses"][2]["label"] = "5"
        write(repo / FILE, stray)
        git(repo, "add", "-A")
        rejected = _run(repo, "git", "commit", "-m", "stray", env=env)
        assert rejected.returncode != 0
        line = line_of(repo / FILE, "label: '5'")
        assert f"{FILE}:{line}:" in rejected.stdout and "numbering-gap" in rejected.stdout

    # a badly formatted file: itures-fmt rewrites it, the commit then passes
    data = resolution(body="wtdc", number="59")
    header = "# the English version, as published\n"
    messy = header + yaml.dump(data, sort_keys=True, allow_unicode=True, width=60)
    (repo / FILE).write_text(messy, encoding="utf-8")
    git(repo, "add", "-A")
    fixed = _run(repo, "git", "commit", "-m", "messy", env=env)
    assert fixed.returncode != 0
    assert "files were modified by this hook" in fixed.stdout
    assert (repo / FILE).read_text(encoding="utf-8") == header + dump_data(data)
    git(repo, "add", "-A")
    again = _run(repo, "git", "commit", "-m", "formatted", env=env)
    assert again.returncode == 0, again.stdout
    assert git(repo, "log", "--format=%s").split() == ["formatted", "clean"]


def test_the_hook_reports_what_a_staged_change_breaks_in_another_file(
    repo: Path, hooks_repo: tuple[Path, str], env: dict[str, str]
) -> None:
    """Removing a clause that another file cites: the commit is rejected at the citation."""
    source, rev = hooks_repo
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source}\n    rev: {rev}\n    hooks:\n      - id: itures-check\n",
        encoding="utf-8",
    )
    installed = _run(repo, "pre-commit", "install", env=env)
    assert installed.returncode == 0, installed.stdout
    cited = repo / "resolutions/pp/191/en.yaml"
    citing = repo / "resolutions/pp/60/en.yaml"
    write(cited, resolution())
    data = resolution(number="60")
    data["operative"][0]["clauses"][0]["text"] = (
        "to apply [resolves 3 of Resolution 191](pp:191@2014#resolves/3);"
    )
    write(citing, data)
    git(repo, "add", "-A")
    done = _run(repo, "git", "commit", "-m", "clean", env=env)
    assert done.returncode == 0, done.stdout

    shorter = resolution()
    del shorter["operative"][0]["clauses"][2]
    shorter["operative"][0]["clauses"][1]["text"] = "to avoid duplication of work."
    write(cited, shorter)
    git(repo, "add", str(cited))  # only the cited file is staged
    rejected = _run(repo, "git", "commit", "-m", "remove clause 3", env=env)
    assert rejected.returncode != 0, rejected.stdout
    line = line_of(citing, "resolves 3 of")
    assert f"resolutions/pp/60/en.yaml:{line}:" in rejected.stdout, rejected.stdout
    assert "reference-unresolved" in rejected.stdout
    assert git(repo, "log", "--format=%s").split() == ["clean"]


def test_the_hook_through_a_resident_server_started_by_itself(
    repo: Path, hooks_repo: tuple[Path, str], env: dict[str, str], tmp_path: Path
) -> None:
    """The hook as installed (it says --daemon=auto, and the editor's
    environment says nothing): pre-commit's own itures starts a server at the
    first commit, the next commit's hook runs through it and is rejected with
    the same report as a hook run alone (ITURES_DAEMON=off)."""
    source, rev = hooks_repo
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source}\n    rev: {rev}\n    hooks:\n      - id: itures-check\n",
        encoding="utf-8",
    )
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    served = {**env, "XDG_RUNTIME_DIR": str(runtime)}
    served.pop("ITURES_DAEMON", None)  # the suite runs commands alone (conftest): not here
    served.pop("CI", None)
    assert _run(repo, "pre-commit", "install", env=served).returncode == 0
    write(repo / FILE, resolution(body="wtdc", number="59"))
    git(repo, "add", "-A")
    done = _run(repo, "git", "commit", "-m", "clean", env=served)
    assert done.returncode == 0, done.stdout
    # the server the hook started belongs to pre-commit's installation of itures
    home = Path(env["PRE_COMMIT_HOME"])
    hook_itures = [p for p in home.glob("*/py_env-*/bin/itures") if p.is_file()]
    assert hook_itures
    daemon = [str(hook_itures[0]), "daemon"]
    try:
        deadline = time.monotonic() + 60
        while _run(repo, *daemon, "status", env=served).returncode != 0:
            assert time.monotonic() < deadline, "the hook started no server"
            time.sleep(0.2)
        stray = resolution(body="wtdc", number="59")
        stray["operative"][0]["clauses"][2]["label"] = 5
        write(repo / FILE, stray)
        git(repo, "add", "-A")
        before = _run(repo, *daemon, "status", env=served).stdout
        through = _run(repo, "git", "commit", "-m", "stray", env=served)
        after = _run(repo, *daemon, "status", env=served).stdout
        alone = _run(repo, "git", "commit", "-m", "stray", env={**served, "ITURES_DAEMON": "off"})
    finally:
        _run(repo, *daemon, "stop", env=served)

    def requests(status: str) -> int:
        return int(status.split(" request(s)")[0].rsplit(" ", 1)[1])

    assert requests(after) == requests(before) + 2  # the hook's check, and this status
    assert through.returncode == alone.returncode != 0
    assert through.stdout == alone.stdout
    assert "error[schema]" in through.stdout
