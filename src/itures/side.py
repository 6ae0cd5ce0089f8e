"""Work in a side process: a fork that runs one function while this process goes
on, and sends back what it returned.

A check is a few passes of system calls and computing, one after the other;
with two CPUs, some of them can run at once: the cache checks the recorded
stats of the files while the walk lists the directories, and reads and hashes
half of the files it has no stat of; the text report draws its second half
while the first is written. A side process is a fork: it starts with this
process's memory (the modules imported, the cache's snapshot), runs the
function, writes its answer (:mod:`marshal` data) on a pipe and leaves with
``os._exit`` (nothing of this process's is closed or flushed twice). It
touches no database: an SQLite connection must not be used across a fork.

A side process is started only where it can help and cannot harm: with
``fork``, at least two CPUs, and no other thread (a fork copies one thread;
locks the others held would stay held). It helps when a CPU is free: on two
CPUs, a commit hook's walk and hashes of 5,000 files took 16 ms with one
against 18 ms without (100,000 files: 0.43 against 0.62 s); with another job
holding one of the two CPUs, 26 against 20 ms. The load is not looked at (it
tells what was, not what will be). An answer that is not whole (the process
was killed, or the function raised) is None: the caller then does the work
itself.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["Side", "answer", "cpus", "start", "usable"]


class Side:
    """A side process started by :func:`start`: its process and the pipe it answers on."""

    __slots__ = ("fd", "pid")

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self.fd = fd


def cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def usable() -> bool:
    """Whether a side process can run beside this one (see the module docstring)."""
    if not hasattr(os, "fork") or cpus() < 2:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() <= 1


def start(work: Callable[[], Any]) -> Side | None:
    """Run ``work()`` in a side process; None when none can be started (the caller
    does the work itself). ``work`` returns :mod:`marshal` data."""
    if not usable():
        return None
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # pragma: no cover - the side process (its answers are tested)
        try:
            os.close(read_end)
            data = memoryview(marshal.dumps((True, work())))
            while data:
                data = data[os.write(write_end, data) :]
        finally:
            os._exit(0)
    os.close(write_end)
    return Side(pid, read_end)


def answer(side: Side) -> Any | None:
    """What the side process's function returned (waited for), None when it did not
    answer whole."""
    chunks = []
    try:
        while chunk := os.read(side.fd, 1 << 16):
            chunks.append(chunk)
    except OSError:
        chunks = []
    finally:
        os.close(side.fd)
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(side.pid, 0)
    try:
        whole, value = marshal.loads(b"".join(chunks))
    except (EOFError, ValueError, TypeError):
        return None
    return value if whole is True else None
