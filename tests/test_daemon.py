"""The resident server (``itures daemon``), driven as a user drives it: real
processes, a real Unix socket, commands run through it compared with the same
commands run alone."""

from __future__ import annotations

import os
import pty
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from itures import daemon, relay
from tests.conftest import SEED_YAML, write

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(__import__("socket"), "send_fds"),
    reason="the resident server needs Unix sockets",
)


def _env(runtime: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), **extra}
    env.pop(relay.ENV, None)  # the suite runs commands alone (conftest): not here
    env.pop("GITHUB_ACTIONS", None)
    env.pop("CI", None)  # a CI sets it, and auto then starts no server (tested below)
    env.update(extra)
    return env


def itures(
    cwd: Path, env: dict[str, str], *args: str, **kw: object
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "itures", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=120,
        **kw,  # type: ignore[call-overload]
    )


def _logs(runtime: Path) -> str:
    """What the runtime directory holds (sockets, locks, the servers' logs),
    for a failure to say why no server answered."""
    out = []
    for path in sorted(runtime.rglob("*")):
        out.append(str(path.relative_to(runtime)))
        if path.suffix == ".log":
            out.append(path.read_text(encoding="utf-8", errors="replace")[-2000:])
    return "\n".join(out) or "(the runtime directory is empty)"


def _requests(cwd: Path, env: dict[str, str]) -> int:
    """Requests the server has taken (the status request itself included)."""
    out = itures(cwd, env, "daemon", "status")
    assert out.returncode == 0, out.stderr
    return int(out.stdout.decode().split(" request(s)")[0].rsplit(" ", 1)[1])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus with findings, a configuration of its own (French messages,
    a rule turned off) and a file with a YAML error."""
    root = tmp_path / "repo"
    shutil.copytree(SEED_YAML.parent.parent.parent, root / "resolutions")
    text = SEED_YAML.read_text(encoding="utf-8")
    write(root / "resolutions" / "wtdc" / "60" / "fr.yaml", text.replace("'59'", "'60'", 1))
    write(root / "resolutions" / "pp" / "2" / "en.yaml", "body: pp\nnumber: [\n")
    write(
        root / "pyproject.toml",
        '[tool.itures]\nlang = "fr"\nignore = ["footnote-unused"]\n',
    )
    return root


@pytest.fixture
def server(tmp_path: Path, corpus: Path) -> Iterator[dict[str, str]]:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = _env(runtime)
    started = itures(corpus, env, "daemon", "start", "--idle", "300")
    assert started.returncode == 0, started.stderr
    assert b"running (process" in started.stdout
    yield env
    itures(corpus, env, "daemon", "stop")


def test_a_command_through_the_server_is_the_command_alone(
    corpus: Path, server: dict[str, str]
) -> None:
    alone = {**server, relay.ENV: "off"}
    before = _requests(corpus, server)
    commands = [
        ("check", "resolutions"),
        ("check", "--format", "json", "resolutions"),
        ("check", "--format", "sarif", "--no-cache", "resolutions"),
        ("check", "--lang", "es", "--corpus", "resolutions", "resolutions/wtdc/60/fr.yaml"),
        ("check", "no/such/file.yaml"),
        ("check", "--no-such-option"),
        ("rules", "numbering-gap"),
        ("--version",),
    ]
    for args in commands:
        remote = itures(corpus, server, *args)
        local = itures(corpus, alone, *args)
        assert (remote.returncode, remote.stdout, remote.stderr) == (
            local.returncode,
            local.stdout,
            local.stderr,
        ), args
    # each command went through the server (and the status request)
    assert _requests(corpus, server) == before + len(commands) + 1


def test_the_server_keeps_the_decoded_cache_and_commands_use_it_while_it_holds(
    tmp_path: Path, corpus: Path, server: dict[str, str]
) -> None:
    """After a command, the server keeps the stat snapshot of the cache it used,
    decoded; the next command takes it while the database holds the row it
    was decoded from. Shown with a row whose value is replaced and whose token
    is kept: a command through the server still finds every file's stat (the
    row is left as it is), one run alone decodes the row, hashes every file
    again and writes it anew. Both say the same."""
    import marshal
    import sqlite3

    store = tmp_path / "cache"
    alone = {**server, relay.ENV: "off", "ITURES_CACHE_DIR": str(store)}
    served = {**server, "ITURES_CACHE_DIR": str(store)}
    first = itures(corpus, served, "check", "resolutions")
    time.sleep(2.2)  # files older than the racy window: their stats are recorded
    second = itures(corpus, served, "check", "resolutions")
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    shown = itures(corpus, served, "daemon", "status").stdout.decode()
    assert f"keeps the decoded stat snapshot and cards of {store}" in shown

    database = store / f"check-v{__import__('itures.cache').cache.FORMAT}.sqlite"
    planted = marshal.dumps(({}, {}))

    def snapshot() -> bytes:
        with sqlite3.connect(database) as db:
            (value,) = db.execute("SELECT value FROM snapshot WHERE name = 'stat'").fetchone()
        return bytes(value)

    with sqlite3.connect(database) as db:
        db.execute("UPDATE snapshot SET value = ? WHERE name = 'stat'", (planted,))
    through = itures(corpus, served, "check", "resolutions")
    assert (through.returncode, through.stdout) == (first.returncode, first.stdout)
    assert snapshot() == planted  # the kept copy was used: nothing to record
    by_itself = itures(corpus, alone, "check", "resolutions")
    assert (by_itself.returncode, by_itself.stdout) == (first.returncode, first.stdout)
    assert snapshot() != planted  # decoded: every stat recorded again

    # a file changed and a file added, after another process wrote the rows
    path = corpus / "resolutions" / "wtdc" / "60" / "fr.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("'60'", "'61'", 1), encoding="utf-8")
    write(corpus / "resolutions" / "pp" / "3" / "en.yaml", "body: pp\n")
    results = [itures(corpus, env, "check", "resolutions") for env in (served, alone, served)]
    assert len({(r.returncode, r.stdout, r.stderr) for r in results}) == 1
    assert results[0].stdout != first.stdout


def test_files_written_through_the_server_are_the_files_written_alone(
    corpus: Path, server: dict[str, str]
) -> None:
    path = corpus / "resolutions" / "wtdc" / "60" / "fr.yaml"
    messy = path.read_text(encoding="utf-8").replace("title: >-", "title:   >-", 1)
    results = []
    for env in (server, {**server, relay.ENV: "off"}):
        path.write_text(messy, encoding="utf-8")
        os.chmod(path, 0o640)
        done = itures(corpus, env, "fmt", str(path.relative_to(corpus)))
        results.append((done.returncode, done.stdout, done.stderr, path.read_bytes()))
        results.append(stat.S_IMODE(os.stat(path).st_mode))
    assert results[0] == results[2]
    assert results[1] == results[3]
    assert results[0][3] != messy.encode()  # fmt did write


def test_the_command_writes_to_its_own_terminal(corpus: Path, server: dict[str, str]) -> None:
    """The command's streams are passed, not copied: a terminal stays a terminal
    (colours and the terminal's width as when the command runs alone)."""

    def on_terminal(env: dict[str, str]) -> bytes:
        leader, follower = pty.openpty()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "itures", "check", "resolutions"],
                cwd=corpus,
                env={**env, "TERM": "xterm", "COLUMNS": "100"},
                stdin=subprocess.DEVNULL,
                stdout=follower,
                stderr=subprocess.DEVNULL,
            )
            os.close(follower)
            chunks = []
            while True:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            proc.wait(timeout=60)
            return b"".join(chunks)
        finally:
            os.close(leader)

    remote = on_terminal(server)
    assert remote == on_terminal({**server, relay.ENV: "off"})
    assert b"\x1b[1;31merror[yaml-syntax]" in remote  # coloured: the command saw a terminal
    piped = itures(corpus, server, "check", "resolutions").stdout
    assert b"error[yaml-syntax]" in piped and b"\x1b[" not in piped


def test_ctrl_c_reaches_the_command_in_the_server(tmp_path: Path, server: dict[str, str]) -> None:
    big = tmp_path / "big"
    text = SEED_YAML.read_text(encoding="utf-8")
    for n in range(1000, 2500):
        write(big / "resolutions" / "wtdc" / str(n) / "fr.yaml", text.replace("'59'", f"'{n}'", 1))
    proc = subprocess.Popen(
        [sys.executable, "-m", "itures", "check", "--no-cache", "-j", "1", "resolutions"],
        cwd=big,
        env=server,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # Ctrl-C as on a terminal: a suite started in the background by a shell
        # without job control ignores SIGINT, and its processes inherit that
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip().endswith(b"interrupted")


def test_the_server_stops_when_the_installed_code_changes(tmp_path: Path, corpus: Path) -> None:
    """A file of the package changed (here in a copy of the package the server
    and the commands import) stops the server; the command that notices runs
    alone, with the result of the new code."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    site = tmp_path / "site"
    shutil.copytree(
        Path(relay.__file__).parent, site / "itures", ignore=shutil.ignore_patterns("__pycache__")
    )
    env = _env(runtime, PYTHONPATH=str(site))
    assert itures(corpus, env, "daemon", "start").returncode == 0
    status = itures(corpus, env, "daemon", "status").stdout
    pid = int(status.split(b"process ")[1].split(b",")[0])
    assert str(site).encode() not in status  # the socket is not in the package
    version = site / "itures" / "__init__.py"
    version.write_text(
        version.read_text(encoding="utf-8").replace('"0.1.0"', '"0.1.0+changed"'),
        encoding="utf-8",
    )
    got = itures(corpus, env, "--version")
    assert got.stdout == b"itures 0.1.0+changed\n"
    for _ in range(200):
        try:
            os.kill(pid, 0)
        except OSError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the server of the old code still runs")
    status = itures(corpus, env, "daemon", "status")
    assert status.returncode == 1 and b"no server runs" in status.stderr
    assert not any(p.suffix == ".sock" for p in (runtime / f"itures-{os.getuid()}").iterdir())


def test_idle_server_stops_and_removes_its_socket(tmp_path: Path, corpus: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = _env(runtime)
    assert itures(corpus, env, "daemon", "start", "--idle", "1").returncode == 0
    sockets = runtime / f"itures-{os.getuid()}"
    assert [p.suffix for p in sockets.iterdir() if p.suffix == ".sock"] == [".sock"]
    deadline = time.monotonic() + 30
    while any(p.suffix == ".sock" for p in sockets.iterdir()):
        assert time.monotonic() < deadline, "the idle server did not stop"
        time.sleep(0.1)
    # without a server, commands run alone
    assert itures(corpus, env, "check", "resolutions").returncode == 1


def test_start_stop_status(tmp_path: Path, corpus: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = _env(runtime)
    none = itures(corpus, env, "daemon", "status")
    assert (none.returncode, none.stderr) == (1, b"itures daemon: no server runs\n")
    first = itures(corpus, env, "daemon", "start")
    again = itures(corpus, env, "daemon", "start")
    assert first.returncode == again.returncode == 0
    assert first.stdout == again.stdout  # the one running: same process, same socket
    shown = itures(corpus, env, "daemon", "status").stdout.decode()
    if os.path.exists("/proc/self/status"):  # the server's memory, where the system says it
        assert 10 <= int(shown.split(" MB resident")[0].rsplit(", ", 1)[1]) < 2000, shown
    stopped = itures(corpus, env, "daemon", "stop")
    assert stopped.returncode == 0 and b"stopped (process" in stopped.stdout
    assert itures(corpus, env, "daemon", "stop").returncode == 1


@pytest.mark.parametrize(
    ("variables", "option"),
    [({"ITURES_DAEMON": "auto"}, []), ({}, ["--daemon=auto"]), ({}, ["--daemon", "auto"])],
    ids=["environment", "option", "option-apart"],
)
def test_auto_starts_a_server_for_the_next_commands(
    tmp_path: Path, corpus: Path, variables: dict[str, str], option: list[str]
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = _env(runtime, **variables)
    try:
        first = itures(corpus, env, *option, "check", "resolutions")
        assert first.returncode == 1
        deadline = time.monotonic() + 60
        while itures(corpus, env, "daemon", "status").returncode != 0:
            assert time.monotonic() < deadline, "no server was started\n" + _logs(runtime)
            time.sleep(0.2)
        before = _requests(corpus, env)
        second = itures(corpus, env, *option, "check", "resolutions")
        assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
        assert _requests(corpus, env) == before + 2
        status = itures(corpus, env, "daemon", "status").stdout.decode()
        pid = int(status.split("(process ")[1].split(",")[0].split(")")[0])
        if os.path.exists(f"/proc/{pid}/cwd"):  # the directory it started from is not held
            assert os.readlink(f"/proc/{pid}/cwd") == "/"
    finally:
        itures(corpus, env, "daemon", "stop")


@pytest.mark.parametrize("value", ["off", "on"])
def test_the_environment_wins_over_the_option(tmp_path: Path, corpus: Path, value: str) -> None:
    """The hook says --daemon=auto; an editor's ITURES_DAEMON=off (or on: use a
    server, start none) is obeyed."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = _env(runtime, ITURES_DAEMON=value)
    try:
        first = itures(corpus, env, "--daemon=auto", "check", "resolutions")
        alone = itures(corpus, env, "check", "resolutions")
        assert (first.returncode, first.stdout) == (alone.returncode, alone.stdout) != (0, b"")
        time.sleep(3)  # a server started in the background answers well within this
        assert itures(corpus, env, "daemon", "status").returncode == 1
        assert not list(runtime.rglob("*.sock"))
    finally:
        itures(corpus, env, "daemon", "stop")


@pytest.mark.parametrize(
    ("variable", "argv", "mode"),
    [
        ("", ["check"], "on"),
        ("", ["--daemon=auto", "check"], "auto"),
        ("", ["--daemon", "off", "check"], "off"),
        ("", ["--daemon=nonsense", "check"], "on"),
        ("  ", ["--daemon=auto", "check"], "auto"),
        ("off", ["--daemon=auto", "check"], "off"),
        ("0", ["--daemon=auto", "check"], "off"),
        ("AUTO", ["check"], "auto"),
        ("on", ["--daemon=auto", "check"], "on"),
        ("", ["check", "--daemon=auto"], "on"),  # only before the command
        ("", ["--daemon"], "on"),
    ],
)
def test_the_mode_a_command_runs_in(
    monkeypatch: pytest.MonkeyPatch, variable: str, argv: list[str], mode: str
) -> None:
    monkeypatch.setenv(relay.ENV, variable)
    assert relay._mode(argv) == mode


def test_auto_starts_no_server_under_ci(tmp_path: Path, corpus: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = _env(runtime, ITURES_DAEMON="auto", CI="true")
    try:
        first = itures(corpus, env, "check", "resolutions")
        assert first.returncode == 1
        time.sleep(3)  # a server started in the background answers well within this
        assert itures(corpus, env, "daemon", "status").returncode == 1
        assert not list(runtime.rglob("*.sock"))
    finally:
        itures(corpus, env, "daemon", "stop")


def test_a_socket_directory_others_can_enter_is_refused(tmp_path: Path, corpus: Path) -> None:
    runtime = tmp_path / "run"
    shared = runtime / f"itures-{os.getuid()}"
    shared.mkdir(parents=True)
    os.chmod(shared, 0o777)
    env = _env(runtime)
    out = itures(corpus, env, "daemon", "start")
    assert out.returncode == 2
    assert b"not a directory of this user's alone" in out.stderr
    assert not any(p.suffix == ".sock" for p in shared.iterdir())


def test_a_dead_socket_is_no_server(tmp_path: Path, corpus: Path) -> None:
    """A socket file left by a killed server: commands run alone, start replaces it."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = _env(runtime)
    assert itures(corpus, env, "daemon", "start").returncode == 0
    pid = int(itures(corpus, env, "daemon", "status").stdout.split(b"process ")[1].split(b",")[0])
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    sockets = runtime / f"itures-{os.getuid()}"
    assert any(p.suffix == ".sock" for p in sockets.iterdir())  # left behind
    alone = itures(corpus, env, "check", "resolutions")
    assert alone.returncode == 1 and "3 fichiers vérifiés".encode() in alone.stdout
    assert itures(corpus, env, "daemon", "start").returncode == 0
    try:
        assert itures(corpus, env, "daemon", "status").returncode == 0
    finally:
        itures(corpus, env, "daemon", "stop")


def test_a_server_in_a_directory_others_can_enter_is_not_used(
    corpus: Path, server: dict[str, str]
) -> None:
    """Commands pass their streams and environment only to a server whose
    directory is this user's alone: on a shared /tmp anyone could make one."""
    sockets = Path(server["XDG_RUNTIME_DIR"]) / f"itures-{os.getuid()}"
    before = _requests(corpus, server)
    os.chmod(sockets, 0o755)
    try:
        done = itures(corpus, server, "check", "resolutions")
        assert done.returncode == 1 and "3 fichiers vérifiés".encode() in done.stdout
    finally:
        os.chmod(sockets, 0o700)
    assert _requests(corpus, server) == before + 1  # only the status request itself


WARM_SCRIPT = """
import contextlib, io, re, sys
from itures import daemon
from itures.cli import main
daemon.warm(main)
seen, modules = set(re._cache), set(sys.modules)
for paths in sys.argv[1:]:
    with contextlib.redirect_stdout(io.StringIO()):
        main(["check", "--no-cache", *paths.split(",")])
print(max((len(str(key[1])) for key in re._cache if key not in seen), default=0))
print(sum(1 for key in re._cache if key not in seen))
print(" ".join(sorted(m for m in sys.modules if m.startswith("itures") and m not in modules)))
"""


def test_the_warm_up_compiles_the_long_patterns_a_command_needs(tmp_path: Path) -> None:
    """The server compiles the import grammars' and the scans' patterns (hundreds
    of alternatives, tens of milliseconds each) once: a command it forks for
    a file in any language compiles none of them again (only short ones)."""
    folder = tmp_path / "resolutions"
    text = SEED_YAML.read_text(encoding="utf-8")
    write(folder / "wtdc" / "59" / "fr.yaml", text)
    english = (
        text.replace("language: fr", "language: en")
        .replace("rappelant", "recalling")
        .replace("la Résolution 123", "Resolution 123")
    )
    write(folder / "wtdc" / "60" / "en.yaml", english.replace("'59'", "'60'", 1))
    spanish = text.replace("language: fr", "language: es")
    write(folder / "wtdc" / "61" / "es.yaml", spanish.replace("'59'", "'61'", 1))
    cold = subprocess.run(
        [sys.executable, "-c", WARM_SCRIPT.replace("daemon.warm(main)", ""), "resolutions"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    warm = subprocess.run(
        [sys.executable, "-c", WARM_SCRIPT, "resolutions"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    longest, count, imported = [*warm.stdout.splitlines(), ""][:3]
    assert int(longest) < 200, warm.stdout
    assert int(cold.stdout.split()[0]) > 1000, cold.stdout  # without the warm-up, the command does
    # the warm-up ran every rule and placed findings: the command imports no module
    # of the package and compiles a few short patterns only (of the labels it met)
    assert imported == "", warm.stdout
    assert int(count) < 20, warm.stdout


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_warm_up_sample_is_a_valid_resolution_with_findings(tmp_path: Path, lang: str) -> None:
    """The sample the server checks to warm up must pass the schema: a sample the
    schema refuses runs no rule, and every command then compiles the rules'
    patterns and imports what places a finding (it once held a key the schema
    had dropped)."""
    from itures.config import Config
    from itures.pipeline import read_data
    from itures.rules.runner import Runner

    path = tmp_path / "resolutions" / "pp" / "1" / f"{lang}.yaml"
    write(path, daemon._SAMPLE.format(lang=lang))
    result = read_data(str(path), path.read_bytes())
    assert result.resolution is not None, result.diagnostics
    found, _ = Runner(Config()).file_findings(str(path), result.resolution, result.document)
    # (in fr and es its English texts lean to its headings' language, which
    # heading-mismatch reports: what punctuation finds there waits for it)
    expected = {
        "numbering-gap",
        "footnote-unused",
        "punctuation" if lang == "en" else "heading-mismatch",
    }
    assert {r.name for r, _ in found} >= expected


def test_a_socket_path_too_long_is_said_at_once(tmp_path: Path, corpus: Path) -> None:
    runtime = tmp_path / ("d" * 60) / ("e" * 60)
    runtime.mkdir(parents=True, mode=0o700)
    started = time.monotonic()
    out = itures(corpus, _env(runtime), "daemon", "start")
    assert out.returncode == 2
    assert b"longer than the 100 bytes" in out.stderr and b"XDG_RUNTIME_DIR" in out.stderr
    assert time.monotonic() - started < 30  # not after waiting for a server that cannot start


@pytest.mark.parametrize("idle", ["0", "-5", "soon", "inf", "nan"])
def test_an_idle_time_that_is_no_time_is_refused(tmp_path: Path, corpus: Path, idle: str) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    out = itures(corpus, _env(runtime), "daemon", "start", "--idle", idle)
    assert out.returncode == 2
    assert b"--idle" in out.stderr and b"Traceback" not in out.stderr
    assert not (runtime / f"itures-{os.getuid()}").exists()  # nothing started
