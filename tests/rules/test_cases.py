"""Every rule against its table of failing and passing documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from itures.rules import BUILTIN, load_all
from tests.rules.conftest import case_files, load_cases, matches, render, run_case

CASES = load_cases()


@pytest.mark.parametrize(("name", "case"), CASES, ids=[n for n, _ in CASES])
def test_case(name: str, case: dict[str, Any], tmp_path: Path) -> None:
    result = run_case(case, tmp_path)
    actual, suppressed = render(result, tmp_path, "files" in case)
    expected = case.get("expect") or []
    assert matches(actual, expected), "\n".join(["got:", *actual, "expected:", *expected])
    expected_suppressed = case.get("suppressed") or []
    assert matches(suppressed, expected_suppressed), "\n".join(
        ["suppressed:", *suppressed, "expected:", *expected_suppressed]
    )


def test_every_rule_has_failing_and_passing_cases() -> None:
    """Each rule of the catalogue is shown firing and not firing."""
    fired: set[str] = set()
    passing = 0
    for _, case in CASES:
        for line in [*(case.get("expect") or []), *(case.get("suppressed") or [])]:
            fired.add(line.partition(": ")[0].split()[-1])
        passing += not case.get("expect")
    missing = set(load_all()) - fired
    assert not missing, f"rules without a failing case: {sorted(missing)}"
    assert passing >= len(case_files())
    assert not fired & set(BUILTIN) - {"schema"}
