"""The committed corpus: WTDC Resolution 59 as published, stray '5' included."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from itures.cli import main
from itures.config import Config
from itures.corpus import check_paths

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "resolutions" / "wtdc" / "59" / "fr.yaml"
MARKER = "# itures: ignore[numbering-gap]"


def _line_of(text: str, needle: str) -> tuple[int, int]:
    for n, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return n, line.index(needle) + 1
    raise AssertionError(needle)


def test_the_seed_without_its_suppression_has_one_numbering_finding(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert MARKER in text
    stripped = "\n".join(line for line in text.splitlines() if MARKER not in line) + "\n"
    target = tmp_path / "fr.yaml"
    target.write_text(stripped, encoding="utf-8")

    result = check_paths([target], Config())

    numbering = [d for d in result.diagnostics if d.rule.startswith("numbering-")]
    line, column = _line_of(stripped, "- label: '5'")
    assert [(d.rule, d.line, d.column) for d in numbering] == [
        ("numbering-gap", line, column + len("- label: "))
    ]
    message = numbering[0].message
    assert "clause 5 follows 2 in 'charge le Directeur…'; expected 3" in message
    assert "continues the list of 'décide', which ends at 4" in message
    assert not [d for d in result.diagnostics if d.rule.startswith("footnote-")]
    assert result.exit_code == 1


def test_the_project_corpus_passes_with_one_suppressed_finding(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check", "resolutions/"]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1] == "1 file checked: no problems (1 suppressed)"

    assert main(["check", "--show-suppressed", "resolutions/"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("resolutions/wtdc/59/fr.yaml:")
    assert listed[0].endswith("[suppressed: the published text numbers this clause 5]")

    assert main(["check", "--format", "json", "--show-suppressed", "resolutions/"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["diagnostics"] == []
    assert payload["summary"]["suppressed"] == 1
    [hidden] = payload["suppressed"]
    assert hidden["rule"] == "numbering-gap"
    assert hidden["suppressed"] is True
    assert hidden["reason"] == "the published text numbers this clause 5"
    assert hidden["pointer"] == "/operative/1/clauses/2/label"


def test_the_seed_checked_alone_is_not_drowned_in_reference_errors(tmp_path: Path) -> None:
    """The seed cites PP, WTDC, ITU-R and WTSA resolutions the corpus lacks."""
    target = tmp_path / "fr.yaml"
    shutil.copy(SEED, target)
    result = check_paths([target], Config())
    assert result.diagnostics == []
    assert len(result.suppressed) == 1
