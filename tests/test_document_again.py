"""A file read again to position its corpus findings (``pipeline._document``)
gives the positions and suppressions the reader's document gave.

A file that still has the content it was checked with is not read again as
a new file: its text is decoded and its node tree composed on first use,
without the data nor the reader's checks. The plain form, the reader's
document (:func:`itures.yamlio.read.read_document`), is the reference:
findings at every place of generated resolutions (values, keys, characters
inside texts), written with a byte order mark or CRLF line ends and with a
suppression comment, are positioned and suppressed alike.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from itures import pipeline
from itures.config import Config
from itures.rules import Finding, load_all
from itures.rules.runner import Runner
from itures.yamlio.read import Document, read_document
from itures.yamlio.write import dump_data
from tests.strategies import documents


def _places(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Any]]:
    """Every path of ``data`` with its value (the root first)."""
    out = [(path, data)]
    if isinstance(data, dict):
        for key, value in data.items():
            out.extend(_places(value, (*path, key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out.extend(_places(value, (*path, i)))
    return out


def _findings(data: Any) -> list[Finding]:
    found = []
    for path, value in _places(data):
        found.append(Finding(path, "at the value"))
        if path and isinstance(path[-1], str):
            found.append(Finding(path, "at the key", key=True))
        if isinstance(value, str) and value:
            middle = len(value) // 2
            found.append(Finding(path, "inside", offset=middle, length=3))
    found.append(Finding(("nowhere", 3), "off the tree"))
    return found


@settings(max_examples=40, deadline=None)
@given(
    doc=documents(),
    bom=st.booleans(),
    crlf=st.booleans(),
    comment=st.sampled_from(["", "# itures: ignore[numbering-gap] kept\n"]),
)
def test_a_file_read_again_is_positioned_as_the_reader_positions_it(
    doc: dict[str, Any], bom: bool, crlf: bool, comment: str
) -> None:
    text = comment + dump_data(doc)
    if crlf:
        text = text.replace("\n", "\r\n")
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    runner = Runner(Config())
    rule = load_all()["numbering-gap"]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "r.yaml")
        with open(path, "wb") as fh:
            fh.write(data)
        outcome = pipeline.analyse(path, data, runner)
        assert outcome.summary is not None
        again = pipeline._document(outcome)
        assert isinstance(again, Document)
        read = read_document(path, data)
        assert isinstance(read, Document)
        found = [(rule, f) for f in _findings(doc)]
        marked = "itures:" in text
        assert runner.finish(path, found, lambda: again, marked) == runner.finish(
            path, found, lambda: read, marked
        )


def test_a_file_changed_since_it_was_checked_is_not_positioned(tmp_path: Any) -> None:
    """Another content than the one checked: no document (the findings go to
    the file's start); no digest known: the file is read as any file."""
    path = tmp_path / "r.yaml"
    path.write_text("body: pp\nnumber: '1'\n", encoding="utf-8")
    checked = pipeline.Outcome(str(path), digest=b"\x00" * 20)
    assert pipeline._document(checked) is None
    unknown = pipeline._document(pipeline.Outcome(str(path)))
    assert isinstance(unknown, Document)
    assert unknown.data == {"body": "pp", "number": "1"}
    path.write_text("body: [\n", encoding="utf-8")
    assert pipeline._document(pipeline.Outcome(str(path))) is None
    assert pipeline._document(pipeline.Outcome(str(tmp_path / "gone.yaml"))) is None
