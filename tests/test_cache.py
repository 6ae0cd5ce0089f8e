"""The cache of checked files, worker processes and the progress bar, run for real.

Every test gets a cache directory of its own (``ITURES_CACHE_DIR``, see
conftest); the tests of where the cache goes remove that variable.
"""

from __future__ import annotations

import json
import os
import pty
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itures import cache as cache_module
from itures import side as side_module
from itures.cache import Cache, cache_dir
from itures.cli import main
from itures.config import Config
from itures.corpus import check_paths
from tests.conftest import commit_all, git, line_of, resolution, run_cli, write

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from generate import generate


def citing(clause: int = 3) -> dict[str, Any]:
    """PP Resolution 2, citing clause ``clause`` of PP Resolution 191 (``resolution()``)."""
    return resolution(
        number="2",
        title="A resolution that cites another",
        operative=[
            {
                "verb": "resolves",
                "heading": "resolves",
                "clauses": [
                    {
                        "label": "1",
                        "text": f"to apply [resolves {clause} of Resolution 191 (Rev. Busan, 2014)]"
                        f"(pp:191@2014#resolves/{clause}).",
                    }
                ],
            }
        ],
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "resolutions"
    write(root / "pp" / "191" / "en.yaml", resolution())
    write(root / "pp" / "2" / "en.yaml", citing())
    return root


def check(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any], str]:
    """``itures check --format json ARGS`` in this process: (exit code, report, stderr)."""
    code = main(["check", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def rules_of(report: dict[str, Any]) -> list[tuple[str, str, int]]:
    return [(Path(d["path"]).name, d["rule"], d["line"]) for d in report["diagnostics"]]


def database(cache: Path) -> Path:
    return cache / cache_module.DB_NAME


def test_a_warm_check_reads_nothing_and_says_the_same(
    corpus: Path,
    _own_cache: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write(corpus / "pp" / "3" / "en.yaml", resolution(number="3", title=""))  # a schema error
    first = check(str(corpus), capsys=capsys)
    assert first[0] == 1 and rules_of(first[1]) == [("en.yaml", "schema", 4)]
    assert database(_own_cache).is_file()

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a warm check parsed a file")

    import itures.pipeline

    monkeypatch.setattr(itures.pipeline, "analyse", no_parsing)
    assert check(str(corpus), capsys=capsys) == first


def test_a_changed_file_is_checked_again(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = corpus / "pp" / "191" / "en.yaml"
    assert check(str(corpus), capsys=capsys)[0] == 0
    # same size, same modification time: only the content (and the change time) differ
    before = target.stat()
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("adopted", "adoptee"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    code, report, _ = check(str(corpus), capsys=capsys)
    assert code == 1 and [r for _, r, _ in rules_of(report)] == ["schema"]
    target.write_text(text, encoding="utf-8")
    assert check(str(corpus), capsys=capsys)[0] == 0


def test_a_trusted_stat_does_not_hide_a_change(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With every recorded stat trusted at once (no racy window), a rewrite that keeps
    the size and the modification time is still seen: the change time moved."""
    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)
    target = corpus / "pp" / "191" / "en.yaml"
    assert check(str(corpus), capsys=capsys)[0] == 0
    before = target.stat()
    time.sleep(0.01)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("adopted", "adoptee"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert check(str(corpus), capsys=capsys)[0] == 1


def test_corpus_rules_see_a_change_in_another_file(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The citing file is unchanged (its entry is in the cache); the cited one loses the
    clause it cites: the citing file gets the finding, and loses it when it comes back."""
    assert check(str(corpus), capsys=capsys)[0] == 0
    cited = corpus / "pp" / "191" / "en.yaml"
    clauses = resolution()["operative"][0]["clauses"]
    shorter = resolution()
    shorter["operative"][0]["clauses"] = [clauses[0], {**clauses[1], "text": "to report."}]
    write(cited, shorter)
    code, report, _ = check(str(corpus), capsys=capsys)
    assert code == 1
    assert [(p, r) for p, r, _ in rules_of(report)] == [("en.yaml", "reference-unresolved")]
    assert report["diagnostics"][0]["path"].endswith(os.path.join("2", "en.yaml"))
    write(cited, resolution())
    assert check(str(corpus), capsys=capsys)[0] == 0


def test_the_hook_case_with_a_warm_cache(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One file checked with the corpus loaded: from the cache, the same as without it."""
    write(corpus / "pp" / "2" / "en.yaml", citing(clause=7))
    args = ("--corpus", str(corpus), str(corpus / "pp" / "2" / "en.yaml"))
    cold = check(*args, "--no-cache", capsys=capsys)
    target = corpus / "pp" / "2" / "en.yaml"
    assert rules_of(cold[1]) == [("en.yaml", "reference-unresolved", line_of(target, "resolves 7"))]
    assert check(*args, capsys=capsys) == cold  # fills the cache
    assert check(*args, capsys=capsys) == cold  # answered by it


def test_no_cache_neither_reads_nor_writes_it(
    corpus: Path, _own_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check(str(corpus), "--no-cache", capsys=capsys)
    assert not database(_own_cache).exists()
    truth = check(str(corpus), capsys=capsys)
    assert truth[0] == 0
    # a cache that lies: every run it holds now says there are no files
    db = sqlite3.connect(database(_own_cache))
    from itures.pipeline import _encode_run
    from itures.result import CheckResult

    lie = b"".join(_encode_run(CheckResult(files=0)))
    db.execute("UPDATE runs SET value = ?", (lie,))
    db.execute("DELETE FROM reports")  # the reports remembered with the runs
    db.commit()
    db.close()
    assert check(str(corpus), capsys=capsys)[1]["summary"]["files"] == 0  # it is read...
    assert check(str(corpus), "--no-cache", capsys=capsys) == truth  # ...unless bypassed


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(b"this is not a database at all" * 100, id="garbage"),
        pytest.param(b"", id="empty"),
        pytest.param(b"SQLite format 3\x00" + b"\xff" * 4000, id="bad-header"),
    ],
)
def test_a_corrupt_cache_is_made_again(
    corpus: Path, _own_cache: Path, capsys: pytest.CaptureFixture[str], damage: bytes
) -> None:
    truth = check(str(corpus), "--no-cache", capsys=capsys)
    check(str(corpus), capsys=capsys)
    for suffix in ("-wal", "-shm"):
        Path(str(database(_own_cache)) + suffix).unlink(missing_ok=True)
    database(_own_cache).write_bytes(damage)
    code, report, err = check(str(corpus), capsys=capsys)
    assert (code, report) == truth[:2] and err == ""
    assert check(str(corpus), capsys=capsys)[:2] == truth[:2]
    with sqlite3.connect(database(_own_cache)) as db:  # a database again, with entries
        assert db.execute("SELECT count(*) FROM files").fetchone()[0] == 2


def test_a_cache_found_malformed_in_use_is_made_again_by_the_next_run(
    corpus: Path, _own_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # pages lost to a crash of the system (the database is not synced): it opens,
    # its tables do not read
    truth = check(str(corpus), "--no-cache", capsys=capsys)
    check(str(corpus), capsys=capsys)
    with sqlite3.connect(database(_own_cache)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = db.execute("PRAGMA page_size").fetchone()[0]
        roots = [
            r[0]
            for r in db.execute(
                "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name != 'meta'"
            )
        ]
    db.close()
    data = bytearray(database(_own_cache).read_bytes())
    for page in roots:
        data[(page - 1) * size : page * size] = b"\xa5" * size
    database(_own_cache).write_bytes(bytes(data))
    code, report, err = check(str(corpus), capsys=capsys)
    assert (code, report) == truth[:2]
    assert "malformed" in err  # this run could not use it, and says so
    code, report, err = check(str(corpus), capsys=capsys)
    assert (code, report, err) == (*truth[:2], "")  # the next one made it again
    with sqlite3.connect(database(_own_cache)) as db:
        assert db.execute("SELECT count(*) FROM files").fetchone()[0] == 2


def test_the_cache_is_not_synced(_own_cache: Path) -> None:
    cache = cache_module.Cache(str(_own_cache))
    db = cache._connect()
    assert db is not None
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 0  # OFF: see "Durability"
    cache.close()


def test_entries_that_do_not_decode_are_misses(
    corpus: Path, _own_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    truth = check(str(corpus), capsys=capsys)
    with sqlite3.connect(database(_own_cache)) as db:
        db.execute("UPDATE files SET value = x'00ff'")
        db.execute("UPDATE runs SET value = x'deadbeef'")
    assert check(str(corpus), capsys=capsys) == truth


def test_an_unusable_cache_directory_warns_and_checks(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory should be\n", encoding="utf-8")
    result = run_cli("check", str(corpus), env={"ITURES_CACHE_DIR": str(blocked / "cache")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "2 files checked: no problems"
    assert result.stderr.startswith("itures check: warning: cache not used: ")
    assert "Traceback" not in result.stderr


def test_two_runs_at_once_share_the_cache(tmp_path: Path, _own_cache: Path) -> None:
    made = generate(tmp_path, 120, seed=11, defect_rate=0.2)
    argv = [sys.executable, "-m", "itures", "check", "--format", "json", made.root]
    env = {**os.environ, "ITURES_CACHE_DIR": str(_own_cache)}
    env.pop("GITHUB_ACTIONS", None)
    expected = run_cli("check", "--format", "json", "--no-cache", made.root)
    for _ in range(2):  # cold, both writing; then warm, both reading
        procs = [
            subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        outputs = [p.communicate() for p in procs]
        for (out, err), proc in zip(outputs, procs, strict=True):
            assert proc.returncode == expected.returncode, err
            assert err == b""
            assert out.decode() == expected.stdout
    with sqlite3.connect(database(_own_cache)) as db:
        assert db.execute("SELECT count(*) FROM files").fetchone()[0] > 100


def test_a_moved_file_keeps_its_entry_and_its_new_path(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(corpus / "pp" / "3" / "en.yaml", resolution(number="3", title=""))
    check(str(corpus), capsys=capsys)
    (corpus / "pp" / "3").rename(corpus / "pp" / "4")

    import itures.pipeline

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a moved file was parsed again")

    monkeypatch.setattr(itures.pipeline, "analyse", no_parsing)
    code, report, _ = check(str(corpus), capsys=capsys)
    assert code == 1
    assert [d["path"] for d in report["diagnostics"]] == [str(corpus / "pp" / "4" / "en.yaml")]


def test_a_configuration_change_is_a_new_key(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        corpus / "pp" / "3" / "en.yaml",
        resolution(
            number="3",
            operative=[
                {
                    "verb": "resolves",
                    "heading": "resolves",
                    "clauses": [{"label": "1", "text": "to act,"}],
                }
            ],
        ),
    )
    assert [r for _, r, _ in rules_of(check(str(corpus), capsys=capsys)[1])] == ["punctuation"]
    quiet = check(str(corpus), "--ignore", "punctuation", capsys=capsys)
    assert quiet[0] == 0 and quiet[1]["diagnostics"] == []
    loud = check(
        str(corpus),
        "--config",
        str(
            write(
                corpus.parent / "severity.toml", '[tool.itures.severity]\npunctuation = "error"\n'
            )
        ),
        capsys=capsys,
    )
    assert [d["severity"] for d in loud[1]["diagnostics"]] == ["error"]


# -- where the cache is ---------------------------------------------------------------


def test_in_a_repository_the_cache_is_at_its_top_and_ignored(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ITURES_CACHE_DIR")
    write(repo / "resolutions" / "pp" / "191" / "en.yaml", resolution())
    commit_all(repo, "corpus")
    assert cache_dir(repo / "resolutions" / "pp") == str(repo / ".itures_cache")
    result = run_cli("check", "resolutions/pp/191/en.yaml", env={"ITURES_CACHE_DIR": ""})
    assert result.returncode == 0, result.stderr
    assert database(repo / ".itures_cache").is_file()
    assert git(repo, "status", "--porcelain", "--ignored=no") == ""


def test_outside_a_repository_the_cache_is_under_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ITURES_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir(tmp_path / "somewhere") == str(tmp_path / "xdg" / "itures")
    monkeypatch.setenv("ITURES_CACHE_DIR", str(tmp_path / "here"))
    assert cache_dir(tmp_path) == str(tmp_path / "here")


def test_the_library_does_not_cache_unless_asked(corpus: Path, _own_cache: Path) -> None:
    check_paths([corpus])
    assert not any(_own_cache.iterdir())
    cache = Cache(_own_cache)
    try:
        check_paths([corpus], cache=cache)
    finally:
        cache.close()
    assert database(_own_cache).is_file() and cache.problem is None


# -- worker processes -------------------------------------------------------------------


def test_parallel_output_is_the_serial_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = generate(tmp_path, 160, seed=5, defect_rate=0.3)
    outputs = set()
    for jobs in ("1", "2", "3", "2"):
        code = main(["check", "--no-cache", "--jobs", jobs, made.root])
        outputs.add((code, capsys.readouterr().out))
    assert len(outputs) == 1
    ((code, text),) = outputs
    assert code == 1 and text.count("\n") > 10


def test_jobs_must_be_positive(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--jobs", "0", str(corpus)]) == 2
    assert "--jobs must be 1 or more" in capsys.readouterr().err


def test_default_jobs() -> None:
    from itures.pipeline import PARALLEL_MIN, available_cpus, default_jobs

    assert default_jobs(1) == default_jobs(PARALLEL_MIN - 1) == 1
    assert 1 <= default_jobs(100_000) == available_cpus()


# -- the progress bar -------------------------------------------------------------------


def run_on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """The command with its standard error on a pseudo-terminal: (code, stdout, stderr)."""
    import tempfile

    leader, follower = pty.openpty()
    full = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    full.update(env)
    # standard output into a file, not a pipe read after the terminal's end: a
    # report larger than a pipe holds would block the command, and this test
    # with it, for ever
    with tempfile.TemporaryFile() as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-m", "itures", *args], stdout=stdout, stderr=follower, env=full
        )
        os.close(follower)
        err = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            err += chunk
        proc.wait(timeout=300)
        os.close(leader)
        stdout.seek(0)
        out = stdout.read()
    return proc.returncode, out.decode(), err.decode(errors="replace")


def test_a_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    made = generate(tmp_path, 240, seed=2, defect_rate=0.0)
    args = ["check", "--no-cache", "--jobs", "1", made.root]
    code, out, err = run_on_a_terminal(args, {})
    assert code == 0
    assert "itures check [" in err and "240/240 files 100%" in err
    assert err.endswith("\r\x1b[K")  # erased when done: only the report remains
    assert out.splitlines()[-1].startswith("240 files checked")
    for ci in ({"CI": "true"}, {"GITHUB_ACTIONS": "true"}):
        assert "itures check [" not in run_on_a_terminal(args, ci)[2]
    piped = run_cli(*args)
    assert piped.stderr == "" and piped.stdout == out
    few = ["check", "--no-cache", str(Path(made.root) / "pp")]
    assert "files" not in run_on_a_terminal(few, {})[2]


def test_the_progress_bar_is_not_drawn_for_few_files() -> None:
    import io

    from itures.progress import MIN_FILES, Bar, wanted

    stream = io.StringIO()
    bar = Bar(stream)
    bar(10, MIN_FILES - 1)
    bar.close()
    assert stream.getvalue() == "" and not wanted(stream)


# -- the same diagnostics whichever way -----------------------------------------------------


def test_the_fingerprint_follows_the_configuration() -> None:
    from itures.cache import fingerprint

    base = fingerprint(Config())
    assert fingerprint(Config()) == base
    assert fingerprint(Config(ignore=frozenset({"punctuation"}))) != base
    assert fingerprint(Config(severity={"punctuation": "error"})) != base
    # the reference scope matters to corpus rules only: the same file entries, another run
    scoped = Config(reference_scope=frozenset({"pp"}))
    assert fingerprint(scoped) == base
    assert fingerprint(scoped, run=True) != fingerprint(Config(), run=True)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.integers(0, 10_000),
    files=st.integers(6, 60),
    change=st.integers(0, 10_000),
    edit=st.sampled_from(["drop-line", "retitle", "spoil", "delete"]),
)
def test_cold_warm_and_parallel_checks_agree(
    tmp_path_factory: pytest.TempPathFactory, seed: int, files: int, change: int, edit: str
) -> None:
    """On a generated corpus, then after one file changes: a check without the cache in
    one process, in three, a check filling the cache and one answered by it all give
    the same report (the JSON report, every diagnostic and suppressed finding)."""
    tmp = tmp_path_factory.mktemp("corpus")
    made = generate(tmp, files, seed=seed, defect_rate=0.25)
    cache_path = tmp / "cache"

    def report(*args: str) -> tuple[int, str]:
        out = subprocess_free_check(["--format", "json", *args, made.root], cache_path)
        return out

    for round_ in range(2):
        expected = report("--no-cache", "--jobs", "1")
        assert report("--no-cache", "--jobs", "3") == expected
        assert report() == expected  # fills (or, after the change, refreshes) the cache
        assert report() == expected  # answered by it
        assert report("--jobs", "2") == expected
        if round_ == 0:
            target = Path(made.files[change % len(made.files)])
            text = target.read_text(encoding="utf-8")
            if edit == "drop-line":
                lines = text.split("\n")
                del lines[change % len(lines)]
                target.write_text("\n".join(lines), encoding="utf-8")
            elif edit == "retitle":
                target.write_text(text.replace("title:", "title: x", 1), encoding="utf-8")
            elif edit == "spoil":
                target.write_text(text.replace("- label: '1'", "- label: '9'", 1), encoding="utf-8")
            else:
                target.unlink()


def subprocess_free_check(args: list[str], cache_path: Path) -> tuple[int, str]:
    """``itures check ARGS`` in this process with the cache at ``cache_path``."""
    import contextlib
    import io

    old = os.environ.get("ITURES_CACHE_DIR")
    os.environ["ITURES_CACHE_DIR"] = str(cache_path)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            code = main(["check", *args])
    finally:
        if old is None:
            del os.environ["ITURES_CACHE_DIR"]
        else:
            os.environ["ITURES_CACHE_DIR"] = old
    return code, out.getvalue()


def test_remembered_listings_follow_the_directories(
    tmp_path: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache's walk finds what the file system's finds, after files and
    directories come and go, with every listing remembered at once (no racy window;
    a pause longer than a clock tick between changes)."""
    from itures.corpus import discover

    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)
    root = tmp_path / "resolutions"
    write(root / "pp" / "191" / "en.yaml", resolution())
    write(root / "pp" / "2" / "en.yaml", citing())
    (tmp_path / "elsewhere").mkdir()
    write(tmp_path / "elsewhere" / "x.yaml", resolution(number="9"))

    def both() -> tuple[Any, Any]:
        cache = Cache(_own_cache)
        try:
            cached = discover([root], walk=cache.walk)
            cache.put([])
        finally:
            cache.close()
        return cached, discover([root])

    changes = [
        lambda: write(root / "pp" / "191" / "fr.yaml", resolution(language="fr")),
        lambda: (root / "pp" / "2" / "en.yaml").unlink(),
        lambda: write(root / "wtdc" / "5" / "en.yaml", resolution(number="5")),
        lambda: write(root / "wtdc" / "5" / ".hidden.yaml", resolution(number="5")),
        lambda: (root / "pp" / "191").rename(root / "pp" / "192"),
        lambda: (root / "link").symlink_to(tmp_path / "elsewhere"),
        lambda: write(tmp_path / "elsewhere" / "y.yaml", resolution(number="8")),
        lambda: (root / "pp" / "3").mkdir(),
        lambda: write(root / "pp" / "3" / "en.yml", resolution(number="3")),
    ]
    cached, truth = both()
    assert cached == truth and len(truth[0]) == 2
    for change in changes:
        time.sleep(0.05)
        change()
        cached, truth = both()
        assert cached == truth
    assert len(truth[0]) == 4
    with sqlite3.connect(database(_own_cache)) as db:
        (blob,) = db.execute("SELECT value FROM snapshot").fetchone()
    dirs, _ = __import__("marshal").loads(blob)
    assert str(root / "pp") in dirs and str(root) not in dirs  # root holds a link


def test_a_run_answered_from_the_cache_keeps_the_stats_it_recorded(
    corpus: Path,
    _own_cache: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Files checked as soon as written are racy, so their stats are not recorded; the
    next run (answered from the cache) records them, and must keep them: else every
    later run reads every file again to hash it."""
    first = check(str(corpus), capsys=capsys)
    time.sleep(cache_module.RACY_SECONDS + 0.1)
    assert check(str(corpus), capsys=capsys) == first  # a run hit, which records the stats

    import itures.files

    def no_reading(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a warm check read a file")

    monkeypatch.setattr(itures.files, "read", no_reading)
    assert check(str(corpus), capsys=capsys) == first


REPORT_OPTIONS = [
    ("--format", "text", "--color", "always"),
    ("--format", "text", "--color", "never", "--statistics"),
    (
        "--format",
        "concise",
    ),
    ("--format", "json"),
    ("--format", "sarif"),
    ("--format", "github"),
    ("--format", "text", "--show-suppressed"),
]


def test_a_remembered_report_is_the_report(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A run nothing changed writes the report remembered with it: byte for byte the
    report a check without the cache writes, for every format and option, each
    option its own report (run in any order)."""
    write(corpus / "pp" / "2" / "en.yaml", citing(clause=7))  # a finding to report
    fresh = {}
    for options in REPORT_OPTIONS:
        code = main(["check", *options, "--no-cache", str(corpus)])
        fresh[options] = (code, capsys.readouterr().out)
    assert len({out for _, out in fresh.values()}) == len(REPORT_OPTIONS)
    for _ in range(2):  # fills, then answered by the cache
        for options in [*REPORT_OPTIONS, *reversed(REPORT_OPTIONS)]:
            code = main(["check", *options, str(corpus)])
            assert (code, capsys.readouterr().out) == fresh[options], options


def test_the_report_comes_from_the_cache_until_a_file_changes(
    corpus: Path, _own_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--format", "concise", str(corpus)])
    truth = capsys.readouterr().out
    db = sqlite3.connect(database(_own_cache))
    assert db.execute("SELECT count(*) FROM reports").fetchone() == (1,)
    db.execute("UPDATE reports SET value = ?", (b"\x00remembered\n",))
    db.commit()
    db.close()
    main(["check", "--format", "concise", str(corpus)])
    assert capsys.readouterr().out == "remembered\n"  # the run's report, not made again
    write(corpus / "pp" / "2" / "en.yaml", citing(clause=7))
    main(["check", "--format", "concise", str(corpus)])
    changed = capsys.readouterr().out
    assert changed != truth and "remembered" not in changed
    assert "reference-unresolved" in changed


def test_a_remembered_run_is_not_decoded_to_write_its_report(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from itures import pipeline

    write(corpus / "pp" / "2" / "en.yaml", citing(clause=7))
    assert main(["check", str(corpus)]) == 1
    expected = capsys.readouterr().out
    decoded: list[object] = []
    real = pipeline._undiag

    def counting(*args: Any) -> Any:
        decoded.append(args)
        return real(*args)

    monkeypatch.setattr(pipeline, "_undiag", counting)
    assert main(["check", str(corpus)]) == 1  # the exit code without the diagnostics
    assert capsys.readouterr().out == expected
    assert decoded == []
    assert main(["check", "--format", "json", str(corpus)]) == 1  # another report: made
    assert decoded


def test_a_new_database_removes_those_of_earlier_formats(
    corpus: Path, _own_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _own_cache.mkdir(parents=True, exist_ok=True)
    old = _own_cache / "check-v1.sqlite"
    old.write_bytes(b"an earlier format")
    (_own_cache / "check-v1.sqlite-wal").write_bytes(b"")
    keep = _own_cache / "notes.sqlite"
    keep.write_bytes(b"not ours")
    check(str(corpus), capsys=capsys)
    assert database(_own_cache).exists()
    assert not old.exists() and not (_own_cache / "check-v1.sqlite-wal").exists()
    assert keep.exists()


def test_a_remembered_report_keeps_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    name = os.fsencode(tmp_path) + b"/bad\xe9.yaml"
    with open(name, "wb") as fh:
        fh.write(b"body: [\n")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    runs = [
        subprocess.run(
            [sys.executable, "-m", "itures", "check", str(tmp_path)],
            capture_output=True,
            env=env,
            check=False,
        )
        for _ in range(3)  # made, remembered, written from the cache
    ]
    assert {(r.returncode, r.stdout, r.stderr) for r in runs} == {(1, runs[0].stdout, b"")}
    assert b"/bad\\udce9.yaml:2:1: error[yaml-syntax]:" in runs[0].stdout


def test_cards_are_kept_per_fingerprint_and_pruned(
    corpus: Path, _own_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each configuration (each per-file fingerprint) has its row of cards, holding
    the corpus's files alone; the rows of the fingerprints used last are kept."""
    import marshal

    from itures.rules import load_all

    target = str(corpus / "pp" / "2" / "en.yaml")
    rules = sorted(load_all())
    for n in range(cache_module.MAX_CARD_SETS + 3):
        main(["check", "--format", "json", "--ignore", rules[n], "--corpus", str(corpus), target])
        capsys.readouterr()
    db = sqlite3.connect(database(_own_cache))
    rows = db.execute("SELECT value FROM cards").fetchall()
    db.close()
    assert len(rows) == cache_module.MAX_CARD_SETS
    # a card per file of the corpus (the two), whatever ran before
    assert {len(marshal.loads(value)) for (value,) in rows} == {2}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_writes_its_entries_as_it_goes(
    tmp_path: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    from itures import pipeline
    from itures.cache import Cache

    monkeypatch.setattr(pipeline, "FLUSH_ENTRIES", 2)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 1)
    monkeypatch.setattr(pipeline, "PER_WORKER", 1)
    root = tmp_path / "resolutions"
    for n in range(7):
        write(root / "pp" / str(300 + n) / "en.yaml", resolution(number=str(300 + n)))
    write(root / "pp" / "191" / "en.yaml", resolution())
    write(root / "pp" / "2" / "en.yaml", citing(clause=7))
    cold = check_paths([root], jobs=jobs)
    cache = Cache(_own_cache)
    first = check_paths([root], cache=cache, jobs=jobs)
    cache.close()
    db = sqlite3.connect(database(_own_cache))
    assert db.execute("SELECT count(*) FROM files").fetchone() == (9,)
    db.close()
    again = check_paths([root], cache=Cache(_own_cache), jobs=jobs)
    assert [d.to_dict() for d in first.diagnostics] == [d.to_dict() for d in cold.diagnostics]
    assert [d.to_dict() for d in again.diagnostics] == [d.to_dict() for d in cold.diagnostics]
    assert any(d.rule == "reference-unresolved" for d in cold.diagnostics)


def test_a_few_changed_stats_in_a_large_corpus_leave_the_snapshot_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit hook's one changed file in a large corpus: the stat snapshot is
    not written again (the file is read and hashed again next time, which costs
    less than rewriting every file's stat); once one entry in 200 has changed,
    it is written. What the cache answers is right either way."""
    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)
    root = tmp_path / "corpus"
    for i in range(400):
        write(root / f"{i:03}.yaml", f"n: {i}\n")
    store = tmp_path / "cache"

    def hashes() -> tuple[dict[str, Any], bytes | None]:
        cache = Cache(store)
        found: list[str] = []
        cache.walk(str(root), found, [])
        out = cache.hashes(sorted(found))
        cache.put([])
        cache.close()
        db = sqlite3.connect(database(store))
        row = db.execute("SELECT value FROM snapshot WHERE name = 'stat'").fetchone()
        db.close()
        return out, row[0] if row else None

    first, snapshot = hashes()
    assert snapshot is not None  # 401 new entries: written
    write(root / "007.yaml", "n: changed\n")
    second, again = hashes()
    assert again == snapshot  # one entry of 401: not written again
    assert second[str(root / "007.yaml")] != first[str(root / "007.yaml")]
    third, _ = hashes()
    assert third == second  # the file unrecorded is hashed again, rightly
    for i in range(10):
        write(root / f"{i:03}.yaml", f"n: changed {i}\n")
    fourth, written = hashes()
    assert written != snapshot  # ten of 401 (one in 40): written
    assert fourth[str(root / "003.yaml")] != first[str(root / "003.yaml")]


@pytest.fixture
def _nothing_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process keeps no decoded rows and has used no cache (as a fresh server)."""
    monkeypatch.setattr(cache_module, "_KEPT", {})
    monkeypatch.setattr(cache_module, "_USED", {})


@pytest.mark.usefixtures("_nothing_kept")
def test_kept_rows_are_used_while_the_database_holds_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a resident server keeps (cache.keep) is what a command would read:
    a cache opened afterwards takes the kept stat snapshot and cards while their
    rows are the ones they were decoded from, and reads the database once
    another run has written them."""
    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)
    root = tmp_path / "corpus"
    for i in range(20):
        write(root / f"{i:02}.yaml", f"n: {i}\n")
    store = str(tmp_path / "cache")
    fp = b"fingerprint"

    def run(cards: dict[bytes, Any]) -> tuple[Cache, dict[str, Any]]:
        cache = Cache(store)
        found: list[str] = []
        cache.walk(str(root), found, [])
        out = cache.hashes(sorted(found))
        cache.add_cards(fp, cards.items())
        cache.put([])
        return cache, out

    assert not cache_module.keep(store, [fp])  # no database yet
    first, hashed = run({b"a": ("pp", "1")})
    first.close()
    assert cache_module.used() == [(store, [fp])]
    assert cache_module.keep(store, [fp])
    assert not cache_module.keep(store, [fp])  # unchanged: not read again
    assert cache_module.kept() == [store]

    second, again = run({})
    assert again == hashed
    kept = cache_module._KEPT[store]
    assert kept.stat is not None
    assert second._files is kept.stat[2]  # the kept copy, not a decoded one
    assert second.cards(fp) is kept.cards[fp][1] == {b"a": ("pp", "1")}
    second.close()

    write(root / "00.yaml", "n: changed\n")  # one in 21: the snapshot is written again
    third, changed = run({b"b": ("pp", "2")})
    third.close()
    assert changed[str(root / "00.yaml")] != hashed[str(root / "00.yaml")]
    fourth = Cache(store)
    assert fourth.hashes([str(root / "00.yaml")]) == {
        str(root / "00.yaml"): changed[str(root / "00.yaml")]
    }
    assert fourth._files is not kept.stat[2]  # another row: read from the database
    assert fourth.cards(fp) == {b"a": ("pp", "1"), b"b": ("pp", "2")}
    assert fourth.cards(fp) is not kept.cards[fp][1]
    fourth.close()
    assert cache_module.keep(store, [fp])  # the new rows
    assert cache_module._KEPT[store].cards[fp][1] == {b"a": ("pp", "1"), b"b": ("pp", "2")}


@pytest.mark.usefixtures("_nothing_kept")
def test_what_is_kept_is_bounded_and_safe(tmp_path: Path) -> None:
    """At most MAX_KEPT caches are kept, the ones used last; a cache whose
    database is a symbolic link, or a relative directory, is never read."""

    def made(name: str) -> str:
        store = str(tmp_path / name)
        cache = Cache(store)
        cache.add_cards(b"fp", [(b"x", name)])
        cache.put([])
        cache.close()
        return store

    stores = [made(f"c{i}") for i in range(cache_module.MAX_KEPT + 1)]
    for store in stores:
        assert cache_module.keep(store, [b"fp"])
    assert cache_module.kept() == stores[1:]
    assert cache_module.keep(stores[0], [b"fp"])
    assert cache_module.kept() == stores[2:] + stores[:1]

    elsewhere = made("elsewhere")
    linked = tmp_path / "linked"
    linked.mkdir()
    os.symlink(os.path.join(elsewhere, cache_module.DB_NAME), linked / cache_module.DB_NAME)
    assert not cache_module.keep(str(linked), [b"fp"])
    assert str(linked) not in cache_module.kept()
    refused = Cache(linked)  # a command's cache through the link: not used, not noted
    assert refused.cards(b"fp") == {}
    refused.put([])
    refused.close()
    assert refused.problem is not None
    assert str(linked) not in dict(cache_module.used())
    assert not cache_module.keep(os.path.relpath(elsewhere), [b"fp"])


def _tree(root: Path, count: int) -> None:
    for i in range(count):
        write(root / f"d{i % 7}" / f"{i:03}.yaml", f"n: {i}\n")


def _recorded_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> tuple[Path, Path, dict[str, Any]]:
    """A tree of ``count`` files whose stats a cache recorded (side checks on from
    five files): its root, the cache's directory, the hashes recorded."""
    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)
    monkeypatch.setattr(cache_module, "SIDE_CHECK_MIN", 5)
    monkeypatch.setattr(side_module, "usable", lambda: True)  # threads other tests left
    root = tmp_path / "corpus"
    _tree(root, count)
    store = tmp_path / "cache"
    first = Cache(store)
    found: list[str] = []
    first.walk(str(root), found, [])
    recorded = first.hashes(sorted(found))
    first.put([])
    first.close()
    return root, store, recorded


def _hashes_looking(
    cache: Cache, found: list[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, Any], list[str]]:
    """``cache.hashes(found)`` (the cache closed after), and the paths this process
    called ``lstat`` on meanwhile (not a side process's)."""
    looked: list[str] = []
    real_lstat = os.lstat

    def counting(path: Any, *args: Any, **kw: Any) -> os.stat_result:
        looked.append(os.fspath(path))
        return real_lstat(path, *args, **kw)

    monkeypatch.setattr(os, "lstat", counting)
    hashes = cache.hashes(sorted(found))
    monkeypatch.setattr(os, "lstat", real_lstat)
    cache.close()
    return hashes, looked


def test_a_side_check_of_recorded_stats_spares_this_process_their_lstat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the walk lists the directories, a second process checks the
    recorded stats of the files under them; this process then looks only at
    the files it found changed, gone or new, and every content hash is right."""
    root, store, _ = _recorded_tree(tmp_path, monkeypatch, 40)

    changed = {
        root / "d0" / "000.yaml": "n: 999\n",  # same size, new content
        root / "d1" / "001.yaml": "n: a longer value\n",
        root / "d5" / "005.yaml": "n: 5\n",  # written again with the same bytes
    }
    time.sleep(0.05)  # a clock tick: a file written again has another stat
    for path, text in changed.items():
        path.write_text(text, encoding="utf-8")
    (root / "d2" / "002.yaml").unlink()
    (root / "d3" / "003.yaml").unlink()
    os.symlink(root / "d4" / "004.yaml", root / "d3" / "003.yaml")  # a link now
    write(root / "d6" / "new.yaml", "n: new\n")

    cache = Cache(store)
    found = []
    cache.walk(str(root), found, [])
    assert len(cache._side) == 1  # the side check runs while this process goes on
    hashes, looked = _hashes_looking(cache, found, monkeypatch)
    # (reading a file looks at the directories above it, reading a link at its
    # target: not counted)
    looked_at = {p for p in looked if p.endswith(".yaml")} - {str(root / "d4" / "004.yaml")}
    assert sorted(looked_at) == sorted(
        str(p) for p in [*changed, root / "d3" / "003.yaml", root / "d6" / "new.yaml"]
    )
    assert str(root / "d2" / "002.yaml") not in hashes
    fresh = Cache(tmp_path / "another")  # nothing recorded: every file read

    def plain(found: dict[str, Any]) -> dict[str, Any]:
        return {k: v if isinstance(v, bytes) else str(v) for k, v in found.items()}

    assert plain(hashes) == plain(fresh.hashes(sorted(found)))
    fresh.close()
    assert hashes[str(root / "d0" / "000.yaml")] == cache_module.content_hash(b"n: 999\n")


@pytest.mark.parametrize("why", ["one CPU", "another thread", "few files"])
def test_no_side_check_where_it_cannot_help(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, why: str
) -> None:
    import threading

    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)
    monkeypatch.setattr(cache_module, "SIDE_CHECK_MIN", 50 if why == "few files" else 5)
    monkeypatch.setattr(side_module, "cpus", lambda: 1 if why == "one CPU" else 2)
    root = tmp_path / "corpus"
    _tree(root, 40)
    store = tmp_path / "cache"
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    if why == "another thread":
        other.start()
    try:
        for _ in range(2):
            cache = Cache(store)
            found: list[str] = []
            cache.walk(str(root), found, [])
            assert cache._side == []
            hashes = cache.hashes(sorted(found))
            cache.put([])
            cache.close()
            assert len(hashes) == 40
    finally:
        stop.set()
        if other.is_alive():
            other.join()


def test_a_command_of_the_server_closes_its_database_after_answering(tmp_path: Path) -> None:
    """close_later (a resident server's forked command): Cache.close leaves the
    database open, with what was written committed, until close_deferred; the
    last close copies the write-ahead log into the database and removes it."""
    store = tmp_path / "cache"
    wal = Path(str(database(store)) + "-wal")
    cache_module.close_later()
    try:
        cache = Cache(store)
        cache.put_files([(b"k" * 20, b"value")])
        cache.close()
        assert wal.exists()  # still open: not copied into the database yet
        other = Cache(store)
        assert other.get_raw([b"k" * 20]) == {b"k" * 20: b"value"}  # committed
        other.close()
        assert wal.exists()
    finally:
        cache_module.close_deferred()
    assert not wal.exists()
    cache = Cache(store)
    cache.put_files([(b"j" * 20, b"value")])
    cache.close()
    assert not wal.exists()  # no longer deferred


def test_the_oldest_entries_are_pruned_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 10)
    store = tmp_path / "cache"
    keys = [b"%020d" % i for i in range(30)]
    for key in keys:
        cache = Cache(store)
        cache.put([(key, ("entry",))])
        cache.close()
    with sqlite3.connect(database(store)) as db:
        (count,) = db.execute("SELECT count(*) FROM files").fetchone()
    assert count <= 11
    cache = Cache(store)
    assert set(cache.get_raw(keys)) == set(keys[-count:])  # the last ones stay
    cache.close()


@pytest.mark.parametrize("answer", ["dies", "garbles"])
def test_a_side_check_that_does_not_answer_whole_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    """A side process killed before it answered (or one whose answer is not a
    list of paths) spares nothing: this process looks at every file itself, and the hashes
    are right."""
    root, store, recorded = _recorded_tree(tmp_path, monkeypatch, 30)
    time.sleep(0.05)
    write(root / "d0" / "000.yaml", "n: changed\n")

    def dies(paths: Any, known: Any) -> list[str]:
        os._exit(3)  # in the side process

    def garbles(paths: Any, known: Any) -> Any:
        return {"not": "a list"}

    monkeypatch.setattr(cache_module, "_unlike_recorded", dies if answer == "dies" else garbles)
    cache = Cache(store)
    found = []
    cache.walk(str(root), found, [])
    assert cache._side
    hashes, looked = _hashes_looking(cache, found, monkeypatch)
    assert set(found) <= set(looked)
    changed = str(root / "d0" / "000.yaml")
    assert hashes[changed] == cache_module.content_hash(b"n: changed\n") != recorded[changed]
    assert {p: h for p, h in hashes.items() if p != changed} == {
        p: h for p, h in recorded.items() if p != changed
    }


_TREE_NAMES = st.sampled_from(["a", "b", "pp", ".hidden", "x.yaml", "y.yml", "n.txt"])


@st.composite
def _trees(draw: st.DrawFn, depth: int = 3) -> dict[str, Any]:
    """A directory tree: name -> subtree (a dict) or file content (a str)."""
    tree: dict[str, Any] = {}
    for name in draw(st.lists(_TREE_NAMES, max_size=4, unique=True)):
        if depth and "." not in name.lstrip(".") and draw(st.booleans()):
            tree[name] = draw(_trees(depth - 1))
        else:
            tree[name] = "n: 1\n"
    return tree


def _make(root: Path, tree: dict[str, Any]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name, sub in tree.items():
        if isinstance(sub, dict):
            _make(root / name, sub)
        else:
            (root / name).write_text(sub, encoding="utf-8")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tree=_trees(), top=st.sampled_from([".", "c", "absolute"]))
def test_the_remembering_walk_finds_what_the_plain_walk_finds(
    tmp_path_factory: pytest.TempPathFactory, tree: dict[str, Any], top: str
) -> None:
    """Cache.walk, fresh and from remembered listings, finds the files of
    itures.files.walk_tree, and records each directory under the path the
    working directory makes absolute."""
    from itures.files import walk_tree

    base = tmp_path_factory.mktemp("walk")
    _make(base / "c", tree)
    here = os.getcwd()
    os.chdir(base / "c" if top == "." else base)
    try:
        start = str(base / "c") if top == "absolute" else top
        plain: list[str] = []
        walk_tree(start, plain, [])
        old = cache_module.RACY_SECONDS
        cache_module.RACY_SECONDS = -1.0
        try:
            for _ in range(2):  # the second from the listings the first recorded
                cache = Cache(base / "cache")
                found: list[str] = []
                cache.walk(start, found, [])
                assert sorted(found) == sorted(plain)
                dirs = set(cache._dirs)
                cache.put([])
                cache.close()
        finally:
            cache_module.RACY_SECONDS = old
        expected = set()
        for path, subdirs, _ in os.walk(base / "c"):
            subdirs[:] = [d for d in subdirs if not d.startswith(".")]
            rel = os.path.relpath(path, base / "c")
            shown = start if rel == "." else (rel if top == "." else os.path.join(start, rel))
            expected.add(shown if os.path.isabs(shown) else os.path.join(os.getcwd(), shown))
        assert dirs == expected
    finally:
        os.chdir(here)


@pytest.mark.parametrize("answer", ["whole", "dies"])
def test_files_without_a_recorded_stat_are_hashed_half_in_a_side_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    """A first run: half the files are read and hashed by a side process, the
    rest here; every hash is what one process gives, every stat recorded, the
    order that of the paths given. A side process that dies spares nothing."""
    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)
    monkeypatch.setattr(cache_module, "SIDE_CHECK_MIN", 5)
    monkeypatch.setattr(side_module, "usable", lambda: True)  # threads other tests left
    root = tmp_path / "corpus"
    _tree(root, 40)
    os.symlink(root / "d0" / "000.yaml", root / "d1" / "link.yaml")  # hashed, not recorded
    (root / "d2" / "gone.yaml").symlink_to(root / "nowhere.yaml")  # cannot be read
    if answer == "dies":
        monkeypatch.setattr(cache_module, "_hash_part", lambda *args: os._exit(3))
    found: list[str] = []
    cache = Cache(tmp_path / "cache")
    cache.walk(str(root), found, [])
    paths = sorted(found)
    hashes, looked = _hashes_looking(cache, paths, monkeypatch)
    alone = Cache(tmp_path / "other")
    with monkeypatch.context() as mp:
        mp.setattr(side_module, "usable", lambda: False)
        expected = alone.hashes(paths)
        alone_files = dict(alone._files)
    assert list(hashes) == paths
    assert {p: h for p, h in hashes.items() if isinstance(h, bytes)} == {
        p: h for p, h in expected.items() if isinstance(h, bytes)
    }
    assert {p for p, h in hashes.items() if not isinstance(h, bytes)} == {
        p for p, h in expected.items() if not isinstance(h, bytes)
    }
    assert cache._files == alone_files  # the same stats recorded
    plain = [p for p in paths if "link" not in p and "gone" not in p]
    mine = {p for p in looked if p in plain}
    if answer == "whole":
        assert len(mine) <= len(plain) // 2 + 1  # the other half looked at by the side
    else:
        assert mine == set(plain)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_first_run_hashes_nothing_before_reading_and_records_what_it_read(
    tmp_path: Path,
    _own_cache: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    jobs: str,
) -> None:
    """With nothing made with the configuration, the files are not hashed first (they
    are read and hashed in stage 1, by this process or the workers); their stats as
    seen before reading are recorded, so the next run reads none of them."""
    made = generate(tmp_path, 160, seed=5, defect_rate=0.3)
    truth = check(made.root, "--no-cache", capsys=capsys)
    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)  # every stat trusted at once

    def no_hashing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a first run hashed the files before reading them")

    with monkeypatch.context() as m:
        m.setattr(Cache, "hashes", no_hashing)
        assert check(made.root, "--jobs", jobs, capsys=capsys) == truth

    import itures.files
    import itures.pipeline

    def no_reading(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a warm check read a file")

    monkeypatch.setattr(itures.files, "read", no_reading)
    monkeypatch.setattr(cache_module, "read_file", no_reading)
    monkeypatch.setattr(itures.pipeline, "read_seen", no_reading)
    assert check(made.root, "--jobs", jobs, capsys=capsys) == truth


def test_a_first_run_records_no_racy_stat(
    corpus: Path, _own_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files changed within the racy window before the run are read again next time."""
    check(str(corpus), capsys=capsys)
    cache = Cache(str(_own_cache))
    cache._snapshot()
    assert not [k for k in cache._files if k.startswith(str(corpus))]
    cache.close()
    time.sleep(cache_module.RACY_SECONDS + 0.1)
    check(str(corpus), capsys=capsys)  # now they are recorded (by hashing)
    cache = Cache(str(_own_cache))
    cache._snapshot()
    assert len([k for k in cache._files if k.startswith(str(corpus))]) == 2
    cache.close()


def test_a_same_size_change_to_the_code_with_its_time_set_back_is_another_fingerprint(
    tmp_path: Path,
) -> None:
    """The code's fingerprint read each file's size and modification time:
    a change of the same size whose time was set back (an install with
    normalised times) kept the old results; a translation (.mo) was not in it."""
    import shutil
    import subprocess
    import sys

    import itures

    copy = tmp_path / "src" / "itures"
    shutil.copytree(
        Path(itures.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__")
    )

    def fingerprint() -> str:
        return subprocess.run(
            [
                sys.executable,
                "-c",
                "from itures import cache; print(cache._code_fingerprint().hex())",
            ],
            env={**os.environ, "PYTHONPATH": str(tmp_path / "src")},
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    before = fingerprint()
    assert fingerprint() == before  # (nothing changed: the same)
    for name in ("rules/repeats.py", "locale/fr/LC_MESSAGES/itures.mo"):
        path = copy / name
        st = path.stat()
        data = path.read_bytes()
        i = data.index(b"e")
        path.write_bytes(data[:i] + b"E" + data[i + 1 :])  # (the same size)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        after = fingerprint()
        assert after != before, name
        before = after
