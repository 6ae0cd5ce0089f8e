"""One notion of lines: LF, CRLF and a lone CR are each one line break, everywhere.

The reader, the positions of findings, the suppression comments and the
excerpts of the text report count lines alike, whatever a file's line endings
(old Mac files end lines with CR alone). NEL, U+2028 and U+2029, which YAML 1.1
and 1.2 read differently, are refused where they are.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itures.yamlio.read import newlines, read_document
from tests.conftest import SEED_YAML, run_cli

EXAMPLE = SEED_YAML.read_text(encoding="utf-8")
UNSUPPRESSED = "\n".join(
    line for line in EXAMPLE.split("\n") if "itures: ignore[numbering-gap]" not in line
)


def _write(path: Path, text: str, ending: str) -> Path:
    path.write_bytes(text.replace("\n", ending).encode("utf-8"))
    return path


def _json(path: Path, *args: str) -> dict[str, object]:
    proc = run_cli("check", "--no-cache", "--format", "json", *args, str(path))
    assert proc.returncode in (0, 1), proc.stderr
    data: dict[str, object] = json.loads(proc.stdout)
    return data


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_a_suppression_silences_its_finding_whatever_the_line_endings(
    tmp_path: Path, ending: str
) -> None:
    path = _write(tmp_path / "fr.yaml", EXAMPLE, ending)
    data = _json(path)
    assert data["diagnostics"] == []
    assert data["summary"]["suppressed"] == 1  # type: ignore[index]


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_findings_are_where_they_are_with_lf(tmp_path: Path, ending: str) -> None:
    lf = _json(_write(tmp_path / "lf.yaml", UNSUPPRESSED, "\n"))["diagnostics"]
    other = _json(_write(tmp_path / "other.yaml", UNSUPPRESSED, ending))["diagnostics"]
    assert lf, "the example without its suppression has a finding"

    def where(found: object) -> list[tuple[object, ...]]:
        assert isinstance(found, list)
        return [(d["rule"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in found]

    assert where(other) == where(lf)


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_the_excerpt_shows_the_line_of_the_finding(tmp_path: Path, ending: str) -> None:
    path = _write(tmp_path / "fr.yaml", UNSUPPRESSED, ending)
    proc = run_cli("check", "--no-cache", "--color", "never", str(path))
    assert proc.returncode == 1
    assert "175 |       - label: '5'" in proc.stdout
    assert "\r" not in proc.stdout


@pytest.mark.parametrize(
    ("char", "name"),
    [("\x85", "NEL"), ("\u2028", "U+2028"), ("\u2029", "U+2029")],
)
def test_the_line_breaks_yaml_versions_disagree_on_are_refused_where_they_are(
    tmp_path: Path, char: str, name: str
) -> None:
    text = EXAMPLE.replace("title: ", "title: Un" + char + "titre ", 1)
    line = next(n for n, x in enumerate(EXAMPLE.split("\n"), 1) if x.startswith("title: "))
    found = _json(_write(tmp_path / "fr.yaml", text, "\r"))["diagnostics"]
    assert isinstance(found, list) and len(found) == 1
    assert found[0]["rule"] == "yaml-syntax" and found[0]["line"] == line, found
    assert name in found[0]["message"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=40))
def test_mixed_line_endings_read_as_lf(endings: list[str]) -> None:
    """Each line break written as LF, CRLF or CR at random: the same document, the
    same positions (a law: newlines() makes the text the reader reads)."""
    lines = UNSUPPRESSED.split("\n")
    mixed = "".join(
        line + (endings[i % len(endings)] if i < len(lines) - 1 else "")
        for i, line in enumerate(lines)
    )
    assert newlines(mixed) == UNSUPPRESSED
    doc = read_document("x.yaml", mixed.encode("utf-8"))
    ref = read_document("x.yaml", UNSUPPRESSED.encode("utf-8"))
    assert not isinstance(doc, type(None))
    assert getattr(doc, "data", None) == getattr(ref, "data", None)
    assert getattr(doc, "text", None) == UNSUPPRESSED
