"""A resident server that runs ``itures`` commands from a warm process.

``itures daemon start`` starts it; every ``itures`` command of the same
interpreter and installation then hands itself to it (:mod:`itures.relay`).
The server imports the models, the rules and the import grammars once and
checks a small sample, so their patterns are compiled. For each command it
forks a process from that state; the process takes the command's standard
streams (passed over the socket), working directory, environment, umask and
arguments, and runs :func:`itures.cli.main` as the command would have. Each
command reads the configuration, the cache and the files as a command run
here does, so its output is the same.

What the server keeps of a corpus between commands is the cache's stat
snapshot and cards, decoded (:func:`itures.cache.keep`): a forked command
tells the server which cache it used, and the server reads those rows again
while it waits for the next command, if they changed. A command uses a kept
copy only while the database holds the row it was decoded from (a token
written with each row), so it sees what it would have read; a commit hook in
a corpus of 5,000 files is spared some 20 ms of decoding. At most
:data:`itures.cache.MAX_KEPT` caches are kept.

The server stops:

* on ``itures daemon stop``;
* after ``idle`` seconds without a command (default 1800; ``--idle``);
* when its socket is removed or taken by another server;
* when the installed code changes (a file of the package, or a package
  installed or removed beside it): the command that notices runs here
  instead, and the next ``itures daemon start`` starts a server of the new
  code.

The socket is in a directory only its user can enter
(``$XDG_RUNTIME_DIR/itures-UID``, else ``$TMPDIR`` or ``/tmp``), and the
server serves only its own user (``SO_PEERCRED``). Unix only: elsewhere
``itures daemon start`` says it cannot run, and commands run as always.
"""

from __future__ import annotations

import contextlib
import io
import json
import marshal
import os
import select
import signal
import socket
import stat
import struct
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from itures import relay

__all__ = ["DEFAULT_IDLE", "DaemonError", "Status", "serve", "start", "status", "stop"]

DEFAULT_IDLE = 1800.0
"""Seconds without a command after which the server stops."""

_MAX_REQUEST = 16 * 1024 * 1024


class DaemonError(Exception):
    """The server cannot be started, reached or stopped (the message says why)."""


@dataclass(frozen=True)
class Status:
    """A running server: its process, socket, since when it runs, and the caches
    whose decoded rows it keeps (:func:`itures.cache.keep`)."""

    pid: int
    socket: str
    started: float
    idle: float
    requests: int
    kept: tuple[str, ...] = ()
    resident: int | None = None  # bytes of memory the server holds (Linux), None: unknown


def supported() -> bool:
    return hasattr(socket, "AF_UNIX") and hasattr(socket, "send_fds") and hasattr(os, "fork")


_MAX_SOCKET_PATH = 100  # bytes: Unix sockets' paths are limited (104 or 108 with the NUL)


def _private_dir(path: str) -> None:
    """Create ``path`` for this user only; refuse one that others could enter,
    and one too deep for a socket in it."""
    where = os.path.join(path, os.path.basename(relay.socket_path()))
    if len(os.fsencode(where)) > _MAX_SOCKET_PATH:
        raise DaemonError(
            f"the socket's path {where} is longer than the {_MAX_SOCKET_PATH} bytes a Unix "
            "socket may have; set XDG_RUNTIME_DIR to a shorter directory"
        )
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        raise DaemonError(f"cannot create {path}: {exc.strerror}") from None
    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        raise DaemonError(
            f"{path} is not a directory of this user's alone (mode {stat.filemode(st.st_mode)}); "
            "remove it or set XDG_RUNTIME_DIR"
        )


def _ask(path: str, argv: list[str], timeout: float = 5.0) -> tuple[int, bytes] | None:
    """Run a control command (``status``, ``stop``) in the server:
    its exit code and output, None when no server answers (or the socket is
    not this user's alone: see :func:`itures.relay.forward`)."""
    if not (
        relay._ours(os.path.dirname(path), directory=True) and relay._ours(path, directory=False)
    ):
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(path)
    except OSError:
        sock.close()
        return None
    read_end, write_end = os.pipe()
    try:
        with sock:
            body = {"control": argv, "key": relay._key()}
            data = marshal.dumps(body)
            socket.send_fds(sock, [b"%d\n" % len(data) + data], [write_end])
            os.close(write_end)
            write_end = -1
            buffer = bytearray()
            code = None
            while code is None:
                try:
                    message = relay._read_message(sock, buffer)
                except OSError:
                    return None
                if message is None:
                    return None
                kind, value = message
                if kind == relay.EXIT:
                    code = value
                elif kind == relay.STALE:
                    return None
            out = b""
            while chunk := os.read(read_end, 65536):
                out += chunk
            return code, out
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


def status() -> Status | None:
    """The server of this interpreter and installation, None when none runs."""
    if not supported():
        return None
    answer = _ask(relay.socket_path(), ["status"])
    if answer is None or answer[0] != 0:
        return None
    info = json.loads(answer[1])
    info["kept"] = tuple(info.get("kept", ()))
    return Status(**info)


def stop(timeout: float = 10.0) -> Status | None:
    """Stop the server; the one stopped, None when none ran."""
    running = status()
    if running is None:
        return None
    _ask(relay.socket_path(), ["stop"])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(running.pid, 0)
        except OSError:
            return running
        time.sleep(0.02)
    raise DaemonError(f"the server (process {running.pid}) did not stop in {timeout:.0f} s")


Main = Callable[[list[str]], int]
"""The command line's ``main`` (given by the command line, which imports this module)."""


def start(main: Main, idle: float = DEFAULT_IDLE, timeout: float = 60.0) -> Status:
    """Start a server in the background (it outlives this process) and wait
    until it answers; the one already running if there is one."""
    if not supported():
        raise DaemonError("a resident server needs Unix sockets; commands run as always")
    running = status()
    if running is not None:
        return running
    _private_dir(relay.socket_dir())
    log = os.path.join(relay.socket_dir(), os.path.basename(relay.socket_path())[:-5] + ".log")
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the server's process (measured by its tests)
        try:
            os.setsid()
            if os.fork() != 0:
                os._exit(0)
            # not holding the directory it was started from (a repository that
            # may be removed or unmounted): each command runs in its own
            os.chdir("/")
            null = os.open(os.devnull, os.O_RDWR)
            logfd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(null, 0)
            os.dup2(logfd, 1)
            os.dup2(logfd, 2)
            os.close(null)
            os.close(logfd)
            sys.stdout = io.TextIOWrapper(open(1, "wb", closefd=False), line_buffering=True)  # noqa: SIM115
            sys.stderr = io.TextIOWrapper(open(2, "wb", closefd=False), line_buffering=True)  # noqa: SIM115
            code = serve(main, idle=idle)
        except BaseException:
            traceback.print_exc()
            code = 1
        os._exit(code)
    os.waitpid(pid, 0)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        running = status()
        if running is not None:
            return running
        time.sleep(0.05)
    detail = ""
    try:
        with open(log, encoding="utf-8", errors="replace") as fh:
            detail = fh.read().strip().splitlines()[-1]
    except (OSError, IndexError):
        pass
    raise DaemonError(
        f"the server did not answer within {timeout:.0f} s" + (f": {detail}" if detail else "")
    )


# -- the server ---------------------------------------------------------------

_SAMPLE = """\
body: pp
number: '1'
language: {lang}
title: Sample
history:
  - event: adopted
    place: Kyoto
    year: 1994
  - event: revised
    place: Dubai
    year: 2018
conference: >-
  The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
preamble:
  - verb: recalling
    heading: recalling
    items:
      - label: a)
        text: >-
          [Resolution 71 (Rev. Dubai, 2018) of the Plenipotentiary Conference](pp:71@2018)
          and Resolution 2 (Rev. Geneva, 2010) of this conference[^1];;
      - label: c)
        text: the decisions of the Council , page 3 ,
  - verb: noting
    heading: noting
    items:
      - label: a)
        text: that Article 5 of the Constitution applies.
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: >-
          to instruct the Secretary-General to report to the Council by 2022, in accordance
          with resolves 2 of Resolution 191 (Rev. Dubai, 2018) and resolves 3 above;
      - label: '2'
        text: to invite Member States to participate
        clauses:
          - label: i)
            text: in the work of the Sectors;
          - label: iii)
            text: in the study groups.
      - label: '5'
        text: to continue the work.
  - verb: instructs
    heading: instructs the Secretary-General
    actors: [secretary-general]
    clauses:
      - text: to report on the implementation of this resolution.
footnotes:
  - id: '1'
    text: These include the least developed countries.
  - id: '2'
    text: Unused.
"""


def warm(main: Main) -> None:
    """Import what a command uses and check a sample in each language, so that
    the processes forked for commands start with their patterns compiled."""
    import importlib
    import tempfile

    for name in ("itures.gate", "itures.report.kept"):
        importlib.import_module(name)
    from itures import textscan
    from itures.importers import extract
    from itures.importers.lang import grammar
    from itures.model import vocabulary
    from itures.rules import load_all
    from itures.yamlio import read

    load_all()
    vocabulary.vocabulary()
    vocabulary.actor_names()
    vocabulary.verb_vocabulary()
    vocabulary.shipped_verbs()
    read._unprintable()
    for lang in ("en", "fr", "es"):
        with contextlib.suppress(KeyError, ValueError, LookupError):
            grammar(lang)
            textscan.prepare(lang)
            extract.prepare(lang)
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "fr", "es"):
            folder = os.path.join(tmp, "resolutions", "pp", "1")
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"{lang}.yaml"), "w", encoding="utf-8") as fh:
                fh.write(_SAMPLE.format(lang=lang))
        here = os.getcwd()
        null = os.open(os.devnull, os.O_WRONLY)
        saved = os.dup(1), os.dup(2)
        try:
            os.chdir(tmp)
            os.dup2(null, 1)
            os.dup2(null, 2)
            for argv in (
                ["check", "--no-cache", "resolutions"],
                ["check", "--no-cache", "--format", "json", "resolutions"],
            ):
                with contextlib.suppress(Exception):  # the sample only warms
                    main(argv)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
            os.close(null)
            os.chdir(here)


Entry = tuple[str, object]


def _code_state() -> tuple[Entry, ...]:
    """The installed code as the server loaded it: the size and modification
    time of every file of the package, the entries of its directories, and the
    entries of the directories its imported packages came from (installing or
    removing a package there changes them). ``__pycache__`` is left out: byte
    code written by a command is no change of code. A command re-reads them
    all before it runs (:func:`_same_code`: a ``stat`` a file, a listing a
    directory); ``cache``'s fingerprint of the code, computed by the server
    once, stays right while they are the same."""
    root = os.path.dirname(os.path.abspath(__file__))
    files: list[str] = []
    folders: set[str] = set()
    for top, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        folders.add(top)
        files.extend(os.path.join(top, name) for name in sorted(names))
    for name, module in list(sys.modules.items()):
        where = getattr(module, "__file__", None)
        if "." in name or name == "__main__" or not isinstance(where, str):
            continue  # (the script that started the server is no package)
        folder = os.path.dirname(where)
        if os.path.basename(where).startswith("__init__."):
            folder = os.path.dirname(folder)
        folders.add(folder)
    return tuple(
        [(path, _file(path)) for path in files]
        + [(path, _folder(path)) for path in sorted(folders)]
    )


def _file(path: str) -> object:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _folder(path: str) -> object:
    try:
        return frozenset(os.listdir(path)) - {"__pycache__"}
    except OSError:
        return None


def _same_code(state: tuple[Entry, ...]) -> bool:
    """Whether the code is still as :func:`_code_state` recorded it."""
    return all(
        (_folder(path) if isinstance(seen, frozenset) else _file(path)) == seen
        for path, seen in state
    )


def _read_request(conn: socket.socket) -> tuple[dict[str, Any], list[int]]:
    data, fds, _flags, _addr = socket.recv_fds(conn, 65536, 3)
    buffer = bytearray(data)
    while b"\n" not in buffer:
        chunk = conn.recv(65536)
        if not chunk:
            raise ValueError("the request ended early")
        buffer += chunk
    head, _, rest = bytes(buffer).partition(b"\n")
    size = int(head)
    if size > _MAX_REQUEST:
        raise ValueError("request too large")
    body = bytearray(rest)
    while len(body) < size:
        chunk = conn.recv(min(65536, size - len(body)))
        if not chunk:
            raise ValueError("the request ended early")
        body += chunk
    request = marshal.loads(bytes(body[:size]))
    if not isinstance(request, dict):
        raise ValueError("not a request")
    return request, list(fds)


def _send(conn: socket.socket, kind: bytes, value: int) -> None:
    conn.sendall(kind + b"%d\n" % value)


def _mirror_streams(streams: list[list[Any]]) -> None:
    """Standard streams on the command's descriptors, set up as the command's."""
    made: list[Any] = []
    for fd, (encoding, errors, line_buffering) in zip((0, 1, 2), streams, strict=True):
        try:
            raw = open(fd, "rb" if fd == 0 else "wb", closefd=False)  # noqa: SIM115
        except OSError:
            made.append(None)
            continue
        made.append(
            io.TextIOWrapper(
                raw,
                encoding=encoding or "utf-8",
                errors=errors or "strict",
                line_buffering=bool(line_buffering),
            )
        )
    sys.stdin, sys.stdout, sys.stderr = made
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = made  # type: ignore[misc]


class _Stopped(Exception):
    """Raised by the stop signals to leave a waiting ``accept``."""


@dataclass
class _State:
    started: float
    idle: float
    code: tuple[Entry, ...]
    requests: int = 0
    stop: bool = False
    notes: int = -1  # the pipe a forked command writes the caches it used to
    notes_in: int = -1  # the server's end of it


def _run_command(main: Main, conn: socket.socket, state: _State, server_pid: int) -> int:
    """In the forked process: read the request, run it, answer; the exit code."""
    request, fds = _read_request(conn)
    if request.get("key") != relay._key() or not _same_code(state.code):
        _send(conn, relay.STALE, 0)
        os.kill(server_pid, signal.SIGTERM)  # the code changed: the next start is of the new code
        return 0
    control = request.get("control")
    if control is not None:
        from itures import cache

        out = os.fdopen(fds[0], "w", encoding="utf-8")
        if control == ["status"]:
            out.write(
                json.dumps(
                    {
                        "pid": server_pid,
                        "socket": relay.socket_path(),
                        "started": state.started,
                        "idle": state.idle,
                        "requests": state.requests,
                        "kept": cache.kept(),
                        "resident": _resident(server_pid),
                    }
                )
            )
            out.close()
            _send(conn, relay.EXIT, 0)
            return 0
        if control == ["stop"]:
            out.close()
            _send(conn, relay.EXIT, 0)
            os.kill(server_pid, signal.SIGTERM)
            return 0
        out.close()
        _send(conn, relay.EXIT, 2)
        return 2
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    os.umask(int(request["umask"]))
    _mirror_streams(request["streams"])
    argv = [str(a) for a in request["argv"]]
    sys.argv = argv
    from itures import cache

    cache.close_later()  # closed once the command has answered
    _send(conn, relay.PID, os.getpid())

    try:
        code = main(argv[1:])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        code = 130
    except BaseException:
        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    _note_caches(state.notes)  # before the answer: the next command finds it noted
    _send(conn, relay.EXIT, code)
    cache.close_deferred()
    return code


def _resident(pid: int) -> int | None:
    """The resident memory of process ``pid`` in bytes (Linux), None elsewhere."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


_NOTE = struct.Struct("<I")  # the length of a note, before it


def _note_caches(fd: int) -> None:
    """Tell the server which caches this command read (one note each: a write of
    at most ``PIPE_BUF`` bytes to a pipe is never mixed with another's)."""
    cache = sys.modules.get("itures.cache")
    if fd < 0 or cache is None:
        return
    for where, fps in cache.used():
        note = marshal.dumps((where, fps))
        if len(note) + _NOTE.size > select.PIPE_BUF:
            continue
        with contextlib.suppress(OSError):  # a full pipe: the server is busy; not kept
            os.write(fd, _NOTE.pack(len(note)) + note)


def _take_notes(fd: int) -> None:
    """In the server: read the notes of the commands that ended, and keep their
    caches' decoded rows (:func:`itures.cache.keep`)."""
    import gc

    from itures import cache

    data = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            break
        if not chunk:
            break
        data += chunk
    wanted: dict[str, set[bytes]] = {}
    at = 0
    while at + _NOTE.size <= len(data):
        (size,) = _NOTE.unpack_from(data, at)
        at += _NOTE.size
        try:
            where, fps = marshal.loads(data[at : at + size])
        except (EOFError, ValueError, TypeError):
            break  # pragma: no cover - notes are written whole by the commands
        at += size
        if isinstance(where, str) and isinstance(fps, list):
            wanted.setdefault(where, set()).update(f for f in fps if isinstance(f, bytes))
    kept = False
    for where, fps in wanted.items():
        kept = cache.keep(where, sorted(fps)) or kept
    if kept:
        gc.freeze()  # shared with the forked commands, as the warm-up


def _peer_is_us(conn: socket.socket) -> bool:
    peercred = getattr(socket, "SO_PEERCRED", None)
    if peercred is None:  # pragma: no cover - not Linux: the directory's mode guards
        return True
    import struct

    creds = conn.getsockopt(socket.SOL_SOCKET, peercred, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return bool(uid == os.getuid())


def _child(
    main: Main, conn: socket.socket, listener: socket.socket, state: _State, server: int
) -> None:
    listener.close()
    os.close(state.notes_in)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    code = 1
    try:
        code = _run_command(main, conn, state, server)
    except BaseException:  # a broken request: nothing ran
        traceback.print_exc()
    finally:
        try:
            conn.close()
        finally:
            os._exit(code if 0 <= code < 256 else 1)


def serve(
    main: Main, idle: float = DEFAULT_IDLE, *, ready: Callable[[str], None] | None = None
) -> int:
    """Serve commands until stopped (see the module's docstring); the exit code."""
    if not supported():
        raise DaemonError("a resident server needs Unix sockets")
    warm(main)
    import gc

    from itures import cache

    cache._code_fingerprint()  # once: a command checks the code is as it was (_same_code)

    gc.freeze()  # what the warm-up made stays shared with the forked commands
    path = relay.socket_path()
    _private_dir(os.path.dirname(path))
    staging = f"{path}.{os.getpid()}"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(staging)
    listener.bind(staging)
    listener.listen(64)
    os.replace(staging, path)  # atomic: a command finds this socket or the old one
    inode = os.stat(path).st_ino
    notes_in, notes = os.pipe()
    os.set_blocking(notes_in, False)
    os.set_blocking(notes, False)
    state = _State(
        started=time.time(), idle=idle, code=_code_state(), notes=notes, notes_in=notes_in
    )
    server = os.getpid()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # forked commands are reaped by the kernel

    def _stop(_signum: int, _frame: Any) -> None:
        state.stop = True
        raise _Stopped

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    with contextlib.suppress(OSError):  # a start in the background is over
        os.unlink(path[: -len(".sock")] + ".starting")
    if ready is not None:
        ready(path)
    last = time.monotonic()
    try:
        listener.settimeout(0.5)  # ready by select: an accept that waits is a client gone
        listening = listener.fileno()
        while not state.stop:
            wait = min(5.0, max(0.05, idle - (time.monotonic() - last)))
            try:
                readable, _, _ = select.select([listening, notes_in], [], [], wait)
                if notes_in in readable:
                    # a command ended: keep what it read of the cache, before the next
                    # command is forked (rows unchanged are not read again)
                    try:
                        _take_notes(notes_in)
                    except _Stopped:
                        raise
                    except Exception:  # pragma: no cover - nothing kept: commands decode
                        pass
                if listening not in readable:
                    if readable:
                        continue
                    raise TimeoutError
                conn, _ = listener.accept()
            except TimeoutError:
                if time.monotonic() - last >= idle:
                    break
                try:
                    if os.stat(path).st_ino != inode:
                        break  # another server took the socket
                except OSError:
                    break  # the socket was removed
                continue
            except _Stopped:
                break
            with conn:
                conn.settimeout(None)
                if not _peer_is_us(conn):
                    continue
                last = time.monotonic()
                state.requests += 1
                if os.fork() == 0:
                    _child(main, conn, listener, state, server)
    except _Stopped:
        pass
    finally:
        if os.getpid() != server:  # a forked command never gets here; if it did, leave
            os._exit(1)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        listener.close()
        os.close(notes_in)
        os.close(notes)
        try:
            if os.stat(path).st_ino == inode:
                os.unlink(path)
        except OSError:
            pass
    return 0
