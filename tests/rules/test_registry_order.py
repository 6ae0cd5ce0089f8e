"""The rules are listed and run in catalogue order, whichever module a
program imported first (a rule registers when its module is imported)."""

from __future__ import annotations

import subprocess
import sys

_NAMES = "from itures.rules import load_all; print(' '.join(load_all()))"


def _names(first: str) -> list[str]:
    code = (f"import {first}; " if first else "") + _NAMES
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_the_catalogue_order_does_not_depend_on_what_was_imported_first() -> None:
    plain = _names("")
    for first in (
        "itures.rules.punctuation",
        "itures.rules.suppressions",
        "itures.rules.artefacts",
    ):
        assert _names(first) == plain, first


def test_the_catalogue_order_follows_the_modules() -> None:
    from itures.rules import MODULES, load_all

    families = [r.family for r in load_all().values() if r.family in MODULES]
    ranks = [MODULES.index(f) for f in families]
    assert ranks == sorted(ranks)
