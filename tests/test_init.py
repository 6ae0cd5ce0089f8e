"""itures init: a corpus repository whose hooks and CI run as written; the
vocabulary extended from the corpus; itures vocabulary."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from itures import __version__
from itures.corpusrepo import init, schema_files
from itures.yamlio.write import dump_data
from tests.conftest import ROOT, git, line_of, resolution, run_cli, snapshot_checkout, write

FILE = "resolutions/wtdc/59/en.yaml"


def _snapshot(dest: Path) -> Path:
    """This checkout, tagged with its version: a source of itures as init expects one."""
    return snapshot_checkout(dest, tag=f"v{__version__}")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:  # pragma: no cover
        pytest.skip("git is not installed")
    return _snapshot(tmp_path_factory.mktemp("itures-source"))


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


def _run(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )


def test_init_writes_a_corpus_repository(tmp_path: Path, source: Path) -> None:
    proc = run_cli("init", "corpus", "--source", str(source), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    top = tmp_path / "corpus"
    for name, text in schema_files().items():
        assert (top / "schema" / name).read_text(encoding="utf-8") == text
    settings = json.loads((top / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {
        "./schema/resolution.schema.json": ["resolutions/**/*.yaml"]
    }
    assert 'corpus = "resolutions"' in (top / "pyproject.toml").read_text(encoding="utf-8")
    assert ".itures_cache/" in (top / ".gitignore").read_text(encoding="utf-8").splitlines()
    hooks = yaml.safe_load((top / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"] == [
        {
            "repo": str(source),
            "rev": f"v{__version__}",
            "hooks": [{"id": "itures-check"}, {"id": "itures-fmt"}],
        }
    ]
    workflow = yaml.safe_load((top / ".github/workflows/itures.yml").read_text(encoding="utf-8"))
    steps = {s.get("name"): s for s in workflow["jobs"]["check"]["steps"]}
    assert steps["Install itures"]["run"] == (f'pip install "git+{source.as_uri()}@v{__version__}"')
    # run again: nothing existing is touched
    (top / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\nlang = "fr"\n')
    again = init(str(top), source=str(source))
    assert again.written == [] and "pyproject.toml" in again.kept
    assert "lang" in (top / "pyproject.toml").read_text(encoding="utf-8")


def test_init_without_a_source_says_what_to_give(tmp_path: Path) -> None:
    from itures import corpusrepo

    if corpusrepo.default_source() is not None:
        pytest.skip("this itures runs from a checkout: it is the default source")
    proc = run_cli("init", str(tmp_path / "c"))
    assert proc.returncode == 2 and "give --source" in proc.stderr


def test_schema_write_refreshes_the_schema_of_the_repository(tmp_path: Path) -> None:
    # a corpus repository (configuration is looked for up to the top of the repository)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    (tmp_path / "resolutions" / "wtdc").mkdir(parents=True)
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "resolution.schema.json").write_text("{}")
    proc = run_cli("schema", "--write", cwd=tmp_path / "resolutions" / "wtdc")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "schema" / "resolution.schema.json").read_text(
        encoding="utf-8"
    ) == schema_files()["resolution.schema.json"]


def test_an_initialised_repository_commits_through_real_pre_commit(
    tmp_path: Path, source: Path, env: dict[str, str]
) -> None:
    top = tmp_path / "corpus"
    init(str(top), source=str(source))
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.name", "Editor")
    git(top, "config", "user.email", "editor@example.org")
    git(top, "config", "commit.gpgsign", "false")
    installed = _run(top, "pre-commit", "install", env=env)
    assert installed.returncode == 0, installed.stdout
    git(top, "add", "-A")
    first = _run(top, "git", "commit", "-m", "init", env=env)
    assert first.returncode == 0, first.stdout

    # a good resolution, with the modeline that finds the schema from where it is
    modeline = "# yaml-language-server: $schema=../../../schema/resolution.schema.json\n"
    write(top / FILE, resolution(body="wtdc", number="59"))
    (top / FILE).write_text(modeline + (top / FILE).read_text(encoding="utf-8"))
    assert (
        (top / FILE).parent.joinpath("../../../schema/resolution.schema.json").resolve().is_file()
    )
    git(top, "add", "-A")
    done = _run(top, "git", "commit", "-m", "clean", env=env)
    assert done.returncode == 0, done.stdout

    # a broken one: rejected, with the diagnostic
    broken = resolution(body="wtdc", number="59")
    broken["operative"][0]["clauses"][1]["actors"] = ["bdt-directr"]
    write(top / FILE, broken)
    (top / FILE).write_text(modeline + (top / FILE).read_text(encoding="utf-8"))
    git(top, "add", "-A")
    rejected = _run(top, "git", "commit", "-m", "broken", env=env)
    assert rejected.returncode != 0
    line = line_of(top / FILE, "bdt-directr")
    assert re.search(
        rf"^{re.escape(FILE)}:{line}:\d+: error\[actor-unknown\]: ", rejected.stdout, re.M
    ), rejected.stdout
    assert git(top, "log", "--format=%s").split() == ["clean", "init"]


def test_the_workflow_install_and_check_commands_run_as_written(
    tmp_path: Path, source: Path
) -> None:
    """The CI workflow's install command, in a fresh virtual environment, then its
    check and fmt commands with the itures it installed."""
    top = tmp_path / "corpus"
    init(str(top), source=str(source))
    # as import and fmt write it: with the editors' schema line of the corpus
    write(
        top / FILE,
        "# yaml-language-server: $schema=../../../schema/resolution.schema.json\n"
        + dump_data(resolution(body="wtdc", number="59")),
    )
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    git(top, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first")
    workflow = yaml.safe_load((top / ".github/workflows/itures.yml").read_text(encoding="utf-8"))
    steps = {s.get("name"): s["run"] for s in workflow["jobs"]["check"]["steps"] if "run" in s}
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bindir = venv / "bin"
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("GITHUB_ACTIONS", None)
    install = subprocess.run(
        ["sh", "-c", steps["Install itures"]], cwd=top, env=env, capture_output=True, text=True
    )
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
    assert shutil.which("itures", path=str(bindir)) is not None
    base = git(top, "rev-parse", "HEAD").strip()
    check = steps["itures check"].replace('"${{ steps.base.outputs.rev }}"', shlex.quote(base))
    for command in (check, steps["itures fmt"]):
        proc = subprocess.run(
            ["sh", "-c", command], cwd=top, env=env, capture_output=True, text=True
        )
        assert proc.returncode == 0, (command, proc.stdout, proc.stderr)


# -- the vocabulary from the corpus, and itures vocabulary


ACTORS = """\
actors:
  - id: ombudsman
    kind: official
    names:
      ar: [أمين المظالم]
      zh: [监察员]
      en: [Ombudsman]
      fr: [Médiateur]
      ru: [Омбудсмен]
      es: [Defensor]
events:
  - id: next-ombudsman-report
    names: {ar: [x], zh: [x], en: [the next report], fr: [le prochain rapport], ru: [x], es: [x]}
"""


def test_the_corpus_extends_the_actor_vocabulary(tmp_path: Path) -> None:
    data = resolution(body="wtdc", number="59")
    data["operative"][0]["clauses"][0]["actors"] = ["ombudsman"]
    data["operative"][0]["clauses"][0]["deadlines"] = [{"event": "next-ombudsman-report"}]
    write(tmp_path / FILE, data)
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    proc = run_cli("check", "--format", "json", FILE, cwd=tmp_path)
    rules = [d["rule"] for d in json.loads(proc.stdout)["diagnostics"]]
    assert rules == ["actor-unknown", "deadline-event-unknown"]

    (tmp_path / "actors.yaml").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.itures]\ncorpus = "resolutions"\nvocabulary = "actors.yaml"\n'
    )
    proc = run_cli("check", "--format", "json", FILE, cwd=tmp_path)
    assert json.loads(proc.stdout)["diagnostics"] == [], proc.stdout

    listed = run_cli("vocabulary", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "  ombudsman (official)\n    ar: أمين المظالم\n" in listed.stdout
    assert "  secretary-general (official)" in listed.stdout
    assert "  next-ombudsman-report\n" in listed.stdout and "verbs (operative)" in listed.stdout
    table = json.loads(
        run_cli("vocabulary", "--format", "json", "--language", "fr", cwd=tmp_path).stdout
    )
    ombudsman = next(a for a in table["actors"] if a["id"] == "ombudsman")
    assert ombudsman["names"] == {"fr": ["Médiateur"]}
    assert any(v["id"] == "resolves" for v in table["verbs"]["operative"])


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (ACTORS.replace("ombudsman\n", "council\n", 1), "actor 'council' is in the shipped"),
        (ACTORS.replace("kind: official", "kind: friend"), "actors.0.kind"),
        ("actors: [", "actors.yaml:"),
    ],
)
def test_a_bad_corpus_vocabulary_is_reported_where_configured(
    tmp_path: Path, text: str, says: str
) -> None:
    (tmp_path / "actors.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\nvocabulary = "actors.yaml"\n')
    write(tmp_path / FILE, resolution(body="wtdc", number="59"))
    proc = run_cli("check", FILE, cwd=tmp_path)
    assert proc.returncode == 2
    assert "vocabulary" in proc.stderr and says in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


# -- an editor on a file of an initialised corpus (yaml-language-server, over stdio)


def test_yaml_language_server_validates_a_file_of_an_initialised_corpus(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import yaml_ls
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    command = yaml_ls.server_command()
    if command is None:
        pytest.skip("yaml-language-server is absent (npm install yaml-language-server)")
    top = tmp_path / "corpus"
    init(str(top), source=str(ROOT))
    modeline = "# yaml-language-server: $schema=../../../schema/resolution.schema.json\n"
    good = write(top / FILE, resolution(body="wtdc", number="59"))
    good.write_text(modeline + good.read_text(encoding="utf-8"), encoding="utf-8")
    assert yaml_ls.diagnostics(str(good), command) == []

    bad = resolution(body="wtdc", number="59")
    bad["operative"][0]["clauses"][2]["label"] = 5
    bad["colour"] = "red"
    path = write(top / "resolutions/wtdc/60/en.yaml", {**bad, "number": "60"})
    path.write_text(modeline + path.read_text(encoding="utf-8"), encoding="utf-8")
    found = {
        (d["range"]["start"]["line"] + 1, d["message"])
        for d in yaml_ls.diagnostics(str(path), command)
    }
    assert found == {
        (line_of(path, "label: 5"), 'Incorrect type. Expected "string | null".'),
        (line_of(path, "colour: red"), "Property colour is not allowed."),
    }


def test_init_says_when_its_source_lacks_the_tag_the_hooks_install(
    tmp_path: Path, source: Path
) -> None:
    """The hooks and CI install tag v<version> of the source: a checkout
    without it gets a warning that says what to do; a tagged one none."""
    assert init(str(tmp_path / "tagged"), source=str(source)).warnings == []
    bare = tmp_path / "untagged-source"
    shutil.copytree(source, bare, symlinks=True)
    git(bare, "tag", "-d", f"v{__version__}")
    [warning] = init(str(tmp_path / "corpus"), source=str(bare)).warnings
    assert f"has no tag v{__version__}" in warning
    assert f"git -C {bare} tag v{__version__}" in warning
    shown = run_cli("init", str(tmp_path / "again"), "--source", str(bare))
    assert shown.returncode == 0 and "itures init: warning:" in shown.stderr


def test_init_makes_a_git_repository_of_a_directory_in_none(tmp_path: Path, source: Path) -> None:
    """A corpus repository is a git repository (the hooks install into one):
    a directory in none is made one, and said so; one inside a repository
    is left in it, not made a repository of its own."""
    proc = run_cli("init", "plain", "--source", str(source), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "plain" / ".git").is_dir()
    assert "made plain a git repository (git init)" in proc.stderr
    assert git(tmp_path / "plain", "rev-parse", "--show-toplevel").strip() == str(
        (tmp_path / "plain").resolve()
    )
    outer = tmp_path / "outer"
    outer.mkdir()
    git(outer, "init", "-q")
    inner = run_cli("init", "corpus", "--source", str(source), cwd=outer)
    assert inner.returncode == 0, inner.stderr
    assert not (outer / "corpus" / ".git").exists()
    assert "git init" not in inner.stderr


def test_init_refuses_a_source_it_could_not_install_from(tmp_path: Path) -> None:
    """A local --source that does not exist, or is no git repository, is
    refused before anything is written: the hooks and CI would fail later."""
    plain = tmp_path / "not-a-repository"
    plain.mkdir()
    for given, said in (
        (tmp_path / "nowhere" / "itures", "no such directory"),
        (plain, "is not a git repository"),
    ):
        proc = run_cli("init", "corpus", "--source", str(given), cwd=tmp_path)
        assert proc.returncode == 2
        assert proc.stderr.startswith(f"itures init: --source {given}"), proc.stderr
        assert said in proc.stderr
        assert not (tmp_path / "corpus").exists()
