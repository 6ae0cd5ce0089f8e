"""The vocabulary, citation, history and markup rules on real data: no false findings.

The example corpus (``resolutions/``) and the 64 documents imported from the
PP-18 Final Acts (../shared, skipped when absent) give none of these rules'
findings; the same files with one mistake each give exactly that finding.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from itures.config import Config
from itures.corpus import check_paths
from tests.conftest import ROOT

SHARED = Path(os.environ.get("ITURES_SHARED", ROOT.parent / "shared"))
PP18 = SHARED / "corpora" / "pp18-final-acts.akn.xml"
RULES = frozenset({"verb-unknown", "heading-mismatch", "reference-text", "history", "markup"})
CONFIG = Config(select=RULES)


def _findings(path: Path) -> list[str]:
    result = check_paths([path], CONFIG)
    return [f"{d.path}:{d.line}: {d.rule}: {d.message}" for d in result.diagnostics]


@pytest.fixture(scope="module")
def pp18_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not PP18.is_file():
        pytest.skip(f"{PP18} is absent")
    out = tmp_path_factory.mktemp("pp18")
    subprocess.run(
        [sys.executable, "-m", "itures", "import", str(PP18), "-o", str(out)],
        check=False,
        capture_output=True,
    )
    assert len(list(out.rglob("*.yaml"))) == 64
    return out


def test_the_example_corpus_has_no_finding() -> None:
    assert _findings(ROOT / "resolutions") == []


def test_the_imported_pp18_documents_have_no_finding(pp18_corpus: Path) -> None:
    assert _findings(pp18_corpus) == []


def test_one_mistake_each_in_the_example_gives_one_finding_each(tmp_path: Path) -> None:
    source = (ROOT / "resolutions" / "wtdc" / "59" / "fr.yaml").read_text(encoding="utf-8")
    edits = [
        ("verb: considering", "verb: considerng", "verb-unknown"),
        ("heading: rappelant", "heading: notant", "heading-mismatch"),
        ("(wtsa:57@2012)", "(wtsa:57@2017)", "reference-text"),
        ("(wtdc:5@2014)", "(wtdc:5#resolves/1@2014)", "markup"),
        ("place: Buenos Aires", "place: Genève", "history"),
    ]
    for old, new, rule in edits:
        assert old in source
        target = tmp_path / rule / "wtdc" / "59" / "fr.yaml"
        target.parent.mkdir(parents=True)
        target.write_text(source.replace(old, new, 1), encoding="utf-8")
        found = _findings(target)
        assert [f.split(": ")[1] for f in found] == [rule], found
        line = source[: source.index(old)].count("\n") + 1
        assert found[0].split(":")[1] == str(line)
