"""Hand an ``itures`` command to a resident server when one runs (``itures
daemon start``, :mod:`itures.daemon`); the command's entry (:mod:`itures.__main__`)
runs it in its own process otherwise.

A commit hook starts a new Python process for every commit. Most of its time
is spent before the first file is read: importing the models and the rules,
compiling their patterns. A resident server has done that once; the command
connects to it over a Unix socket, passes its standard streams, working
directory, environment and arguments, and the server runs the command in a
fresh process forked from its warm state, writing straight to the command's
own streams. The output, the exit code and the files written are the same as
when the command runs here (``tests/test_daemon.py`` compares them).

This module is imported by every ``itures`` command, so it imports nothing
but the standard library's lightest modules. Without a server (no socket),
with ``ITURES_DAEMON=off``, on a platform without Unix sockets, or when the
server does not answer as expected, the command runs in this process as
always: the server only ever makes a command faster.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from _socket import socket as Socket
    from collections.abc import Sequence

__all__ = ["ENV", "OPTION", "forward", "socket_path"]

ENV = "ITURES_DAEMON"
"""``off`` (or ``0``, ``no``, ``false``): never use a resident server.
``auto``: use it, and when none runs, start one in the background for the
commands that follow (this command runs here; not when ``CI`` is set: a CI
job leaves no process behind). Anything else: use one when it runs. Unset or
empty: as the command line's :data:`OPTION` says, else use one when it runs.

A server is used only when its directory and socket belong to this user and
the directory is closed to others (mode 0700)."""

# Commands the server never runs: the server's own control, and the language
# server (a resident process itself, speaking on standard input and output).
_LOCAL = frozenset({"daemon", "lsp"})

# Messages of the protocol (one byte, then a decimal number and a newline).
PID = b"P"  # the server's process running the command
EXIT = b"X"  # the command's exit code
STALE = b"S"  # the server runs code other than this command's: run here


def _key() -> str:
    """What a server must share with this command: the interpreter and the
    installed package (its location)."""
    here = os.path.dirname(os.path.abspath(__file__))
    return f"{os.path.realpath(sys.executable)}\0{here}\0{sys.version}"


def socket_dir() -> str:
    """The directory of this user's server sockets (created by the server, 0700)."""
    base = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("TMPDIR") or "/tmp"
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return os.path.join(base, f"itures-{uid}")


def socket_path() -> str:
    """The socket of the server for this interpreter and this installation."""
    import zlib

    return os.path.join(socket_dir(), f"{zlib.crc32(_key().encode()):08x}.sock")


def _ours(path: str, *, directory: bool) -> bool:
    """Whether ``path`` belongs to this user alone (a directory: mode 0700), so
    that no one else's server can receive this command's streams and
    environment (on a shared ``/tmp``, anyone may create ``itures-UID``)."""
    import stat

    try:
        st = os.lstat(path)
    except OSError:
        return False
    if st.st_uid != os.getuid():
        return False
    if directory:
        return stat.S_ISDIR(st.st_mode) and not st.st_mode & 0o077
    return stat.S_ISSOCK(st.st_mode)


OPTION = "--daemon"
"""The command line's own say, before the command (``itures --daemon=auto check
...``): ``auto``, ``on`` or ``off`` as :data:`ENV` says them. The commit hook
``itures-check`` gives ``auto`` (see ``.pre-commit-hooks.yaml``); :data:`ENV`,
when set, wins over it, so that an editor who wants no server says so once."""


def _option(argv: Sequence[str]) -> tuple[str | None, int]:
    """The value of a leading ``--daemon MODE`` or ``--daemon=MODE`` (None: not
    given) and the index of the command after it."""
    if argv and argv[0].startswith(OPTION + "="):
        return argv[0][len(OPTION) + 1 :], 1
    if len(argv) >= 2 and argv[0] == OPTION:
        return argv[1], 2
    return None, 0


def _mode(argv: Sequence[str] = ()) -> str:
    """``off``, ``auto`` or ``on``: :data:`ENV` when set, else the command
    line's :data:`OPTION`, else ``on`` (a running server is used, none started)."""
    value = os.environ.get(ENV, "").strip().lower()
    if not value:
        value = (_option(argv)[0] or "").strip().lower()
    if value in ("off", "0", "no", "false"):
        return "off"
    return "auto" if value == "auto" else "on"


def _start_in_background() -> None:
    """``itures daemon start`` in a new session, its output discarded; at most
    one start a minute (a lock file that the started server removes)."""
    import time

    path = socket_path()
    lock = path[: -len(".sock")] + ".starting"
    try:  # noqa: SIM105 (contextlib is not imported here: see the module's docstring)
        os.mkdir(socket_dir(), 0o700)
    except FileExistsError:
        pass
    if not _ours(socket_dir(), directory=True):
        return  # `itures daemon start` says why
    try:
        if time.time() - os.stat(lock).st_mtime < 60:
            return
        os.unlink(lock)
    except FileNotFoundError:
        pass
    try:
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)
    null = os.devnull
    os.posix_spawn(
        sys.executable,
        [sys.executable, "-m", "itures", "daemon", "start"],
        {**os.environ, ENV: "off"},
        file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, null, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, null, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, null, os.O_WRONLY, 0),
        ],
        setsid=True,
    )


def _streams() -> list[list[object]]:
    """How this process's standard streams are set up, for the server to mirror."""
    out: list[list[object]] = []
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if stream is None:
            out.append([None, None, False])
        else:
            out.append(
                [
                    getattr(stream, "encoding", None),
                    getattr(stream, "errors", None),
                    bool(getattr(stream, "line_buffering", False)),
                ]
            )
    return out


def request(argv: Sequence[str]) -> bytes:
    """The request for running ``argv`` (without the program name) in the server:
    its length, then the request in :mod:`marshal`'s format (no module to import;
    the server runs the same interpreter, which the socket's name says)."""
    import marshal

    body = {
        "argv": [os.path.basename(sys.argv[0] or "itures"), *argv],
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "umask": _umask(),
        "streams": _streams(),
        "key": _key(),
    }
    data = marshal.dumps(body)
    return b"%d\n" % len(data) + data


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _connect(path: str) -> Socket | None:
    import _socket  # the C module: ``socket`` imports enum and more

    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.connect(path)
    except OSError:
        sock.close()
        return None
    return sock


def _read_message(sock: Socket, buffer: bytearray) -> tuple[bytes, int] | None:
    """The next message from the server, None when the connection closed first."""
    while True:
        end = buffer.find(b"\n")
        if end >= 0:
            line = bytes(buffer[:end])
            del buffer[: end + 1]
            try:
                return line[:1], int(line[1:] or b"0")
            except ValueError:
                return None
        chunk = sock.recv(64)
        if not chunk:
            return None
        buffer += chunk


def forward(argv: Sequence[str]) -> int | None:
    """Run ``argv`` in the resident server; its exit code, or None: run it here.

    None before anything has run (no server, a server of other code, no Unix
    sockets). Once the server has started the command, its exit code is
    returned whatever happens: a command is never run twice. Ctrl-C is passed
    on to the command in the server.
    """
    mode = _mode(argv)
    command = argv[_option(argv)[1] :]
    if mode == "off" or not hasattr(os, "getuid") or not command or command[0] in _LOCAL:
        return None
    try:
        import _socket

        if not hasattr(_socket, "AF_UNIX") or not hasattr(_socket, "SCM_RIGHTS"):
            return None
        path = socket_path()
        sock = None
        if _ours(socket_dir(), directory=True) and _ours(path, directory=False):
            sock = _connect(path)
        if sock is None:
            if mode == "auto" and hasattr(os, "posix_spawn") and not os.environ.get("CI"):
                _start_in_background()
            return None
    except OSError:
        return None
    try:
        try:
            data = request(argv)
            fds = [sys.__stdin__.fileno(), sys.__stdout__.fileno(), sys.__stderr__.fileno()]  # type: ignore[union-attr]
            rights = b"".join(fd.to_bytes(4, sys.byteorder, signed=True) for fd in fds)
            sent = sock.sendmsg([data], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, rights)])
            if sent < len(data):
                sock.sendall(data[sent:])
        except (OSError, ValueError, AttributeError):
            return None
        return _await(sock)
    finally:
        sock.close()


def _await(sock: Socket) -> int | None:
    """The exit code the server sends; Ctrl-C is passed on to the command's
    process (as soon as the server names it, if it comes before), a second
    Ctrl-C leaves at once (130)."""
    import signal

    buffer = bytearray()
    pid = 0
    interrupted = False

    def interrupt() -> bool:
        try:
            os.kill(pid, signal.SIGINT)
        except OSError:
            return False
        return True

    while True:
        try:
            message = _read_message(sock, buffer)
        except KeyboardInterrupt:
            if interrupted:
                return 130
            interrupted = True
            if pid and not interrupt():
                return 130
            continue
        except OSError:
            message = None
        if message is None:
            # the server's process ended without an exit code (killed)
            return None if not pid and not interrupted else (130 if interrupted else 1)
        kind, value = message
        if kind == PID:
            pid = value
            if interrupted and not interrupt():
                return 130
        elif kind == EXIT:
            return value
        elif kind == STALE:
            return None
