"""Work done once per file: what a check of a corpus full of findings would
otherwise repeat. No test here asserts a time; each counts the work done."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from itures.config import Config
from itures.corpus import check_paths
from itures.yamlio import read
from itures.yamlio.read import Document, read_document

# a resolution with findings in its texts (positioned by offset)
SOURCE = """\
body: wtdc
number: '1'
language: en
title: Test
history:
  - event: adopted
    place: Geneva
    year: 2000
preamble:
  - verb: considering
    heading: considering
    items:
      - label: a)
        text: the first item,;
      - label: b)
        text: 'the second item[bookmark: _Toc1]'
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to do this ; ,
"""


def _counting_compose(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the compositions of node trees (libyaml's, run for real)."""
    calls = [0]
    real = yaml.compose

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(read.yaml, "compose", counted)
    return calls


def test_a_checked_file_is_composed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its findings are positioned on the tree it was read with."""
    (tmp_path / "a.yaml").write_text(SOURCE)
    calls = _counting_compose(monkeypatch)
    check_paths([str(tmp_path / "a.yaml")], Config())  # the vocabularies, read once a run
    calls[0] = 0
    result = check_paths([str(tmp_path / "a.yaml")], Config())
    assert len([d for d in result.diagnostics if d.line > 1]) >= 3
    assert calls[0] == 1


def test_only_the_documents_read_last_keep_their_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """A corpus of documents does not hold every tree; an older one composes its again."""
    calls = _counting_compose(monkeypatch)
    docs = [read_document(f"{i}.yaml", SOURCE.encode()) for i in range(5)]
    assert all(isinstance(d, Document) for d in docs)
    assert calls[0] == 5
    kept = [d for d in docs if isinstance(d, Document) and d._root is not read._UNSET]
    assert kept == docs[-read.RECENT_TREES :]
    first = docs[0]
    assert isinstance(first, Document)
    assert first.locate(("title",)) == (4, 8)
    assert calls[0] == 6
