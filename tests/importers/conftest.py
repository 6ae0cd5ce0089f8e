"""Shared fixtures for the import tests: the real data in ../shared, when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# ../shared relative to the repository root (ITURES_SHARED may point elsewhere)
SHARED = Path(os.environ.get("ITURES_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed" / "000_9b0b5885167235f0.txt"
PP18 = SHARED / "corpora" / "pp18-final-acts.akn.xml"
RES59 = REPO / "resolutions" / "wtdc" / "59" / "fr.yaml"


@pytest.fixture
def seed() -> Path:
    if not SEED.is_file():
        pytest.skip(f"{SEED} is absent")
    return SEED


@pytest.fixture(scope="session")
def pp18() -> Path:
    if not PP18.is_file():
        pytest.skip(f"{PP18} is absent")
    return PP18
