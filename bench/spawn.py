"""Run commands as processes and read their peak memory without the parent's in it.

A child's ``ru_maxrss`` (from ``wait4``) counts the memory of the process it
was forked from: Linux records, when the child calls ``exec``, the resident
size of the address space it leaves, and that is a copy of the parent's (or
the parent's itself after ``vfork``). Spawned from a benchmark holding a
corpus, ``python -c pass`` "peaks" at the benchmark's 80 MB. So commands are
spawned by a small helper process started once (``python -I -S``, a few
MB, smaller than any command measured), which times each with ``wait4`` and
reports (wall seconds, peak resident KB, exit code).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

_HELPER = r"""
import json, os, sys, time
null = os.devnull
for line in sys.stdin:
    argv, cwd, env = json.loads(line)
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, null, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, null, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, null, os.O_WRONLY, 0),
    ]
    os.chdir(cwd)
    start = time.perf_counter()
    try:
        pid = os.posix_spawnp(argv[0], argv, env, file_actions=actions)
    except OSError as exc:
        print(json.dumps([0.0, 0, -1, str(exc)]), flush=True)
        continue
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    print(json.dumps([wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status), ""]), flush=True)
"""


class Spawner:
    """The helper process; :meth:`run` runs one command through it."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", _HELPER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(
        self, argv: list[str], cwd: str, env: dict[str, str] | None = None
    ) -> tuple[float, float, int]:
        """(wall seconds, peak resident MB, exit code) of ``argv`` run in ``cwd``."""
        assert self._proc.stdin is not None and self._proc.stdout is not None
        request = [argv, os.path.abspath(cwd), dict(os.environ if env is None else env)]
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        wall, kb, code, error = json.loads(self._proc.stdout.readline())
        if error:
            raise OSError(f"{argv[0]}: {error}")
        return wall, kb / 1024, code  # ru_maxrss is in KB on Linux

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait()

    def __enter__(self) -> Spawner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
