"""``python -m itures`` and the ``itures`` command: through the resident server
when one runs (:mod:`itures.relay`), else in this process."""

import sys


def entry() -> None:  # pragma: no cover - the console script (tests run it as a process)
    from itures.relay import forward

    code = forward(sys.argv[1:])
    if code is None:
        from itures.cli import main

        code = main()
    sys.exit(code)


if __name__ == "__main__":
    entry()
