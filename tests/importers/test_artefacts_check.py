"""What ``itures import`` reports as left by the conversion, ``itures check`` finds
again in the written YAML (rule ``conversion-artefact``): on the real PP-18 Final
Acts, kind by kind, and once per defect."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from itures.cli import main
from itures.importers import import_file

# how a message (of an import note, a finding, or a place attached to a finding)
# names the kind of leftover it reports
KINDS = {
    # (a block of several notes is one: "footnotes 5, 6 and 7 merged into the text")
    "footnote": re.compile(r"^footnotes? \S+(?:, \S+)*(?: and \S+)? merged into the text"),
    "heading": re.compile(r"^(?:operative heading ['\"]|an operative part inside)"),
    "trailing": re.compile(r"^text that follows the document"),
    "page": re.compile(r"^page header or footer '"),
    "glyph": re.compile(r"^(?:stray glyph '|\d+ words? garbled)"),
    "label-start": re.compile(r"^(?:label '[^']*' left inside|the text of the unlabelled)"),
}


def _kind(message: str) -> str | None:
    return next((k for k, pattern in KINDS.items() if pattern.search(message)), None)


@pytest.fixture(scope="module")
def written(pp18: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    out = tmp_path_factory.mktemp("pp18")
    assert main(["import", str(pp18), "-o", str(out), "--format", "json"]) == 0
    return import_file(str(pp18)), out


def _checked(out: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    capsys.readouterr()
    main(["check", "--format", "json", str(out)])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found


def test_check_finds_every_leftover_the_import_reports(
    written: tuple[Any, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Per kind, as many in check (findings, and the places they cover) as notes in import."""
    result, out = written
    imported: Counter[str] = Counter()
    for doc in result.imported:
        for note in doc.notes:
            kind = _kind(note.message)
            if kind is not None:
                assert note.scanned, note.message
                imported[kind] += 1
    checked: Counter[str] = Counter()
    for d in _checked(out, capsys):
        if d["rule"] != "conversion-artefact":
            continue
        for message in [d["message"], *(r["message"] for r in d["related"])]:
            kind = _kind(message)
            if kind is not None:
                checked[kind] += 1
    for kind in ("footnote", "heading", "trailing", "page"):
        assert imported[kind] > 0, kind
    # the PP-18 Final Acts as converted: what the issue counts
    assert imported["trailing"] == 3 and imported["glyph"] >= 5
    assert checked == imported


def test_one_finding_per_defect(
    written: tuple[Any, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Resolution 136: the 14 clauses inside *convinced* d) are one finding; what
    follows Recommendation 7 (signatures, declarations, their page footers) is one."""
    _, out = written
    found = [d for d in _checked(out, capsys) if d["rule"] == "conversion-artefact"]
    res136 = [
        d
        for d in found
        if d["path"].endswith("pp/136/en.yaml") and d["message"].startswith("an operative part")
    ]
    assert len(res136) == 1
    assert "2 sections" in res136[0]["message"] and "14 clauses" in res136[0]["message"]
    assert len(res136[0]["related"]) == 13  # the other heading, the labels 2... of its clauses
    r7 = [d for d in found if d["path"].endswith("pp/R7/en.yaml")]
    trailing = [d for d in r7 if d["message"].startswith("text that follows the document")]
    assert len(trailing) == 1
    (after,) = trailing
    footers = [r for r in after["related"] if re.search(r"'\d+ D - \d+'", r["message"])]
    assert len(footers) == 33
    # nothing after it in the document is reported apart
    assert all(d["line"] <= after["line"] for d in r7)
    assert all(d["help"] for d in found)


def test_the_import_report_shows_each_leftover_once(
    pp18: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The import's own notes of what check finds again are check's findings,
    with the XML element where the import saw them."""
    assert main(["import", str(pp18), "-o", str(tmp_path / "out"), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)["diagnostics"]
    artefacts = [d for d in shown if d["rule"] == "conversion-artefact"]
    places = Counter((d["path"], d["line"], d["column"]) for d in artefacts)
    assert places.most_common(1)[0][1] == 1
    merged = [d for d in artefacts if d["help"] and "(XML line " in d["message"]]
    assert len(merged) > 400
    # the import's own wording of a leftover is not shown beside check's
    assert not [d for d in artefacts if "left inside the text of this" in d["message"]]


def test_a_list_started_again_after_a_merged_heading_is_not_a_duplicate(
    written: tuple[Any, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Resolution 25: the clauses of 'instructs the Director of BDT', whose
    heading the conversion ran into clause 3 of 'instructs the
    Secretary-General', start again at 1: the merged heading is the finding,
    not 'clause 1 appears twice ... should be 4', whose relabel would number
    another section's clause as this one's."""
    _, out = written
    found = [d for d in _checked(out, capsys) if d["path"].endswith("pp/25/en.yaml")]
    merged = [
        d["line"]
        for d in found
        if d["rule"] == "conversion-artefact" and "operative heading" in d["message"]
    ]
    assert merged
    twice = [
        d for d in found if d["rule"] == "numbering-duplicate" and "appears twice" in d["message"]
    ]
    assert not [d for d in twice if any(0 < d["line"] - m < 6 for m in merged)], twice
