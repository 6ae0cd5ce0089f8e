from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_YAML = ROOT / "resolutions" / "wtdc" / "59" / "fr.yaml"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m itures`` for real, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "itures", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        check=False,
    )


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a text file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


MINIMAL = """\
body: pp
number: '1'
language: en
title: A title
history:
  - event: adopted
    place: Dubai
    year: 2018
"""
