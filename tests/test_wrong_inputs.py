"""Inputs that are not what a command expects, said as what they are: a
merge conflict left in a file, a Word document or a PDF given to check, a
corpus directory that does not exist."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import itures
from itures.diagnostics import Diagnostic
from itures.yamlio.read import read_document
from itures.yamlio.write import dump_data
from tests.conftest import resolution


def _error(data: bytes) -> Diagnostic:
    found = read_document("x.yaml", data)
    assert isinstance(found, Diagnostic), found
    return found


def test_a_merge_conflict_left_in_a_file_is_named() -> None:
    text = dump_data(resolution()).splitlines()
    at = next(i for i, line in enumerate(text) if "text:" in line)
    conflict = [
        "<<<<<<< HEAD",
        text[at],
        "=======",
        text[at].replace("coordination", "cooperation"),
        ">>>>>>> feature",
    ]
    lines = [*text[:at], *conflict, *text[at + 1 :]]
    found = _error("\n".join(lines).encode())
    assert found.message.startswith("a merge conflict left in the file: git's marker line")
    assert found.line == at + 1 and "delete the marker lines" in (found.help or "")


@pytest.mark.parametrize(
    ("start", "said"),
    [
        (b"PK\x03\x04", "a zip package such as a Word document (.docx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an older Word document (.doc)"),
        (b"%PDF-1.7\n", "a PDF document"),
    ],
)
def test_a_document_of_another_kind_is_said_to_be_one(start: bytes, said: str) -> None:
    found = _error(start + b"\x00\x00\x01rest of the file")
    assert found.message == f"{said}, not a resolution file (YAML text)"
    assert (found.line, found.column) == (1, 1)


def test_a_real_docx_given_to_check_is_told_to_be_imported(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    (tmp_path / "r59.docx").write_bytes(buffer.getvalue())
    [found] = itures.check_paths([str(tmp_path / "r59.docx")]).diagnostics
    assert "Word document (.docx)" in found.message and "itures import" in (found.help or "")


def test_a_corpus_directory_that_does_not_exist_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such directory"):
        itures.Corpus(tmp_path / "resolutons")
    (tmp_path / "file.yaml").write_text("x: 1\n")
    with pytest.raises(NotADirectoryError, match="not a directory"):
        itures.Corpus(tmp_path / "file.yaml")


def test_a_text_cut_by_its_commas_in_braces_is_one_finding(tmp_path: Path) -> None:
    text = dump_data(resolution())
    text = text.replace(
        "      - label: '3'\n",
        "      - {label: '4', text: to hold, as far as possible, a regional meeting.}\n"
        "      - label: '3'\n",
        1,
    )
    assert "as far as possible" in text
    path = tmp_path / "resolutions/pp/191/en.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    found = [d for d in itures.check_paths([str(path)]).diagnostics if d.rule == "schema"]
    assert [d.message for d in found] == [
        "'as far as possible' is read as a key: in an entry written on one line in braces {…}, a text "
        "ends at its first comma"
    ]
    assert "quotes" in (found[0].help or "")


def test_a_line_indented_with_no_break_spaces_is_named_where_it_is() -> None:
    """Pasted from a web page: the line opens a folded text, and YAML trips
    two lines later, at the next key; the finding is at the line itself."""
    data = resolution()
    data["operative"][0]["clauses"][0]["text"] = "to strengthen " * 10 + "the Sectors;"
    data["operative"][0]["clauses"][0]["actors"] = ["member-states"]
    lines = dump_data(data).splitlines()
    k = next(i for i, line in enumerate(lines) if line.strip() == "text: >-")
    lines[k] = lines[k].replace(" ", "\u00a0", len(lines[k]) - len(lines[k].lstrip()))
    found = _error("\n".join(lines).encode())
    assert found.line == k + 1, found
    assert "NO-BREAK SPACE" in found.message
