"""Work in a side process (itures.side), run for real: forks, pipes, signals."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from itures import side

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="a side process is a fork")


@pytest.fixture(autouse=True)
def _two_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(side, "cpus", lambda: 2)


@pytest.fixture
def _usable(monkeypatch: pytest.MonkeyPatch) -> None:
    """A side process may start whatever threads other tests left running."""
    monkeypatch.setattr(side, "usable", lambda: True)


@pytest.mark.usefixtures("_usable")
def test_the_answer_is_what_the_function_returned_in_the_side_process() -> None:
    here = os.getpid()
    started = side.start(lambda: (os.getpid(), list(range(100_000)), "é"))
    assert started is not None
    pid, numbers, text = side.answer(started)
    assert pid not in (here, 0)
    assert numbers == list(range(100_000))  # more than a pipe holds: read as it is written
    assert text == "é"


@pytest.mark.usefixtures("_usable")
@pytest.mark.parametrize("how", ["raises", "is killed", "returns what marshal refuses"])
def test_no_whole_answer_is_none(how: str) -> None:
    def work() -> object:
        if how == "raises":
            raise RuntimeError("no")
        if how == "is killed":
            os.kill(os.getpid(), signal.SIGKILL)
        return object()

    started = side.start(work)
    assert started is not None
    assert side.answer(started) is None


def test_none_is_started_with_one_cpu_or_another_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(side, "cpus", lambda: 1)
    assert side.start(lambda: 1) is None
    monkeypatch.setattr(side, "cpus", lambda: 2)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not side.usable()
        assert side.start(lambda: 1) is None
    finally:
        stop.set()
        other.join()
    assert side.usable() == (threading.active_count() == 1)  # (other tests' threads aside)
