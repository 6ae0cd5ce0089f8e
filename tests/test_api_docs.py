"""docs/api.md is generated from the docstrings of the public names and kept current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import itures

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "api.md"


def test_docs_api_md_is_current() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "api_docs.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert DOCS.read_text(encoding="utf-8") == out, (
        "docs/api.md is out of date: run `python scripts/api_docs.py > docs/api.md`"
    )


def test_every_public_name_is_in_the_reference() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name in itures.__all__:
        if name != "__version__":
            assert f"\n## {name}\n" in text, name
    assert "### `Corpus.resolve(" in text and "### `Resolution.actors_of(" in text
