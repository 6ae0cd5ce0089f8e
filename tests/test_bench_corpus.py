"""The benchmark's corpus generator: deterministic, realistic, and its defects are found."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from generate import DEFECTS, Generated, generate

from itures.corpus import check_paths


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(tmp_path_factory.mktemp("corpus"), 300, seed=3, defect_rate=0.1)


def test_the_same_seed_gives_the_same_files(made: Generated, tmp_path: Path) -> None:
    again = generate(tmp_path, 300, seed=3, defect_rate=0.1)
    first = {str(Path(f).relative_to(made.root)): Path(f).read_bytes() for f in made.files}
    second = {str(Path(f).relative_to(again.root)): Path(f).read_bytes() for f in again.files}
    assert first == second


def test_files_are_4_to_8_kb_and_cite_each_other(made: Generated) -> None:
    sizes = [Path(f).stat().st_size for f in made.files]
    assert len(sizes) == 300
    assert min(sizes) >= 4000 and max(sizes) <= 8000
    texts = [Path(f).read_text(encoding="utf-8") for f in made.files]
    citing = sum(any(f"]({body}:" in t for body in ("pp", "wtdc", "wtsa", "ra")) for t in texts)
    assert citing > 200


def test_clean_files_check_clean_and_defects_are_found_by_their_check(made: Generated) -> None:
    result = check_paths([made.root])
    assert result.files == 300 and not result.failures
    found: dict[str, set[str]] = {}
    for d in result.diagnostics:
        found.setdefault(d.path, set()).add(d.rule)
    assert len(set(made.defects.values())) >= 5
    for path in made.files:
        expected = DEFECTS.get(made.defects.get(path, ""), "rule")
        if expected == "rule":
            # clean for the reader, the schema and the markup (semantic defects
            # are there for the rules that will see them)
            assert not found.get(path, set()) & {"yaml-syntax", "schema", "markup"}, path
        else:
            assert expected in found.get(path, set()), (path, made.defects[path])


def test_files_without_a_planted_defect_have_no_findings(made: Generated) -> None:
    # (the README's promise: only the planted defects are findings, as in a kept
    # corpus; a language version beside a planted slip may differ from it)
    result = check_paths([made.root])
    stray = [
        (d.path, d.rule, d.message)
        for d in result.diagnostics
        if d.path not in made.defects and d.rule != "language-mismatch"
    ]
    assert not stray
