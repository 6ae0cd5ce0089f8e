"""``python -m itures`` and the ``itures`` command: through the resident server
when one runs (:mod:`itures.relay`), else in this process."""

import sys


def entry() -> None:  # pragma: no cover - the console script (tests run it as a process)
    from itures.relay import forward

    code = forward(sys.argv[1:])
    if code is not None:
        # the command ran in the server, which wrote its output on this process's
        # streams: nothing is left here to finalise (a millisecond or two)
        _leave(code)
    from itures.cli import main

    _leave(main())


def _leave(code: int) -> None:
    """End the process once the command has run: streams flushed, exit
    handlers run, but the interpreter not finalised. Finalising collects and
    frees what the run leaves, for nothing: 0.1 s after a check of 5,000
    files, some 25 ms of a commit hook."""
    import atexit
    import contextlib
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (BrokenPipeError, ValueError):  # a reader gone, or a stream closed
            pass
        except OSError as exc:  # a stream that cannot be written (a full disk)
            with contextlib.suppress(OSError):
                os.write(2, f"itures: cannot write the output: {exc.strerror}\n".encode())
            code = 2
    atexit._run_exitfuncs()
    os._exit(code if 0 <= code < 256 else 1)


if __name__ == "__main__":
    entry()
