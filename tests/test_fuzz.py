"""Property-based fuzzing of the reader and the checker, at a modest number of examples.

The targets and strategies are in ``tests/fuzzing.py``; ``bench/fuzz.py``
runs the same targets for hundreds of thousands of inputs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import TARGETS


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz(name: str, workdir: Path) -> None:
    target, strategy = TARGETS[name]

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(strategy)
    def run(value: Any) -> None:
        target(value, str(workdir))

    run()


def test_the_strategies_reach_what_they_mean_to(workdir: Path) -> None:
    """Model-shaped documents are valid most of the time (else 'documents' tests little)."""
    from itures.model.resolution import Resolution
    from tests.fuzzing import documents

    valid = 0

    @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(documents)
    def count(doc: dict[str, Any]) -> None:
        nonlocal valid
        Resolution.model_validate(doc)
        valid += 1

    count()
    assert valid >= 50
    assert st.binary() is not None
