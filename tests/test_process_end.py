"""The ``itures`` command ends its process without finalising the interpreter
(:func:`itures.__main__._leave`): what it wrote must still all arrive, with
its exit code, whatever the size of the report and wherever it goes.

The commands run with buffered streams (``PYTHONUNBUFFERED`` removed from
their environment), as from a shell: what is still in a buffer at the end is
what ending the process early would lose."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from itures.cli import main
from tests.conftest import MINIMAL

BUFFERED = {k: v for k, v in os.environ.items() if k not in ("PYTHONUNBUFFERED", "GITHUB_ACTIONS")}


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "itures", *args],
        capture_output=True,
        text=True,
        env=BUFFERED,
        cwd=cwd,
    )


GAP = (
    MINIMAL
    + """\
preamble:
  - verb: recalling
    heading: recalling
    items:
      - label: a)
        text: the first item,
      - label: c)
        text: the second item, whose label skips b),
"""
)


def _corpus(tmp_path: Path, files: int) -> Path:
    root = tmp_path / "resolutions"
    for n in range(files):
        where = root / "pp" / str(n + 1)
        where.mkdir(parents=True)
        (where / "en.yaml").write_text(GAP.replace("number: '1'", f"number: '{n + 1}'"))
    return root


def test_a_report_larger_than_a_pipe_arrives_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _corpus(tmp_path, 300)
    proc = run_cli("check", "--no-cache", "--jobs", "1", str(root), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert len(proc.stdout.encode()) > 65_536  # more than a pipe holds: written while read
    assert main(["check", "--no-cache", "--jobs", "1", str(root)]) == 1
    in_process = capsys.readouterr().out
    assert proc.stdout == in_process
    assert proc.stdout.endswith("300 files checked: 300 errors, 0 warnings\n")


def test_a_report_to_a_file_arrives_whole_and_the_codes_are_kept(tmp_path: Path) -> None:
    root = _corpus(tmp_path, 40)
    out = tmp_path / "report.txt"
    with out.open("w") as sink:
        code = subprocess.run(
            [sys.executable, "-m", "itures", "check", "--no-cache", str(root)],
            stdout=sink,
            stderr=subprocess.PIPE,
            env=BUFFERED,
            cwd=tmp_path,
        ).returncode
    assert code == 1
    assert out.read_text().endswith("40 files checked: 40 errors, 0 warnings\n")
    clean = tmp_path / "clean"
    (clean / "pp" / "1").mkdir(parents=True)
    (clean / "pp" / "1" / "en.yaml").write_text(MINIMAL)
    assert run_cli("check", "--no-cache", str(clean), cwd=tmp_path).returncode == 0
    assert run_cli("check", "--no-such-option", cwd=tmp_path).returncode == 2


def test_a_short_output_left_in_the_buffer_arrives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (["vocabulary", "--language", "fr"], ["--version"]):
        proc = run_cli(*args, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert main(args) == 0
        assert proc.stdout == capsys.readouterr().out != ""


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    root = _corpus(tmp_path, 300)
    proc = subprocess.Popen(
        [sys.executable, "-m", "itures", "check", "--no-cache", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=BUFFERED,
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()  # as `| head -c 100` does
    err = proc.stderr.read()
    assert proc.wait() in (0, 1)
    assert b"Traceback" not in err and b"BrokenPipeError" not in err, err
