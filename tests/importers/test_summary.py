"""The summary script prints one row per imported document and a total."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.importers.conftest import REPO


def test_summary_table_for_pp18(pp18: Path) -> None:
    script = REPO / "scripts" / "import_summary.py"
    result = subprocess.run(
        [sys.executable, str(script), str(pp18)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "document",
        "kind",
        "sections",
        "items",
        "clauses",
        "annexes",
        "citations",
        "actors",
        "deadlines",
        "artefacts",
        "unresolved",
    ]
    rows = [line.split() for line in lines[2:-2]]
    assert len(rows) == 64
    assert sum(1 for r in rows if r[1] == "resolution") == 61
    total = lines[-1].split()
    assert total[:2] == ["total", "(64)"]
    assert int(total[3]) == sum(int(r[3]) for r in rows)  # items
    # annexes: Resolution 71 has three, Decision 5 two (separated from the last clause)
    annexes = {r[0]: int(r[5]) for r in rows}
    assert annexes["pp:71"] == 3 and annexes["pp:D5"] == 2
    assert int(total[5]) == sum(annexes.values())
    # citations left as text are counted
    assert int(total[-1]) == sum(int(r[-1]) for r in rows) > 0
