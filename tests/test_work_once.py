"""Work done once per file: what a check of a corpus full of findings would
otherwise repeat. No test here asserts a time; each counts the work done."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

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


# -- quick tests that spare a pattern: they agree with it ---------------------

FRAGMENTS = ["PART", " VI - SIGNATORIES", "ANNEX", "ANNEXE ", " 1 TO RESOLUTION", "text", " ", "\n"]
FRAGMENTS += ["#", "\t", "a", "RESOLUCIÓN", "  ", " - "]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_the_quick_tests_agree_with_the_patterns(parts: list[str]) -> None:
    from itures import textscan
    from itures.rules import comments

    text = "".join(parts)
    m = textscan._TRAILING.search(text)
    after = textscan.trailing(text)
    expected = (m.start(), m.group()) if m else None
    assert ((after.start, after.found) if after else None) == expected
    assert comments._after_content(text) == bool(re.search(r"[^ \t\n][ \t]+#", text))


@given(st.lists(st.sampled_from([*FRAGMENTS, "; ii) the", ", resolves to", "____ 1 Note", "Ǧ"])))
def test_the_shared_scans_are_the_scans(parts: list[str]) -> None:
    from itures import textscan

    text = "".join(parts)
    scans = textscan.Scans()
    for _ in range(2):  # scanned, then remembered
        assert scans.trailing(text) == textscan.trailing(text)
        assert list(scans.headings(text, "en")) == textscan.headings(text, "en")
        assert list(scans.labels_inside(text)) == textscan.labels_inside(text)
        assert list(scans.footnotes(text)) == textscan.footnotes(text)
        assert list(scans.pages(text)) == textscan.pages(text)
        assert list(scans.glyphs(text)) == textscan.glyphs(text)


SCANNED = [
    *FRAGMENTS,
    "; ",
    ": ",
    ";\u00a0",
    "ii) ",
    "1.2 ",
    "a) ",
    "that",
    '"x',
    ", ",
    "resolves to instruct",
    "further ",
    "décide d’inviter",
    "encarga",
    "____",
    " 1 ",
    "* ",
    "562 D - 81",
    "481 ",
    "RESOLUTION 166",
    "Ǧ",
    "\x07",
    "\ue000",
    "ц",
    "波",
    "’",
    "é",
]


@given(st.lists(st.sampled_from(SCANNED), max_size=16), st.sampled_from(["en", "fr", "es"]))
def test_the_scans_find_what_their_patterns_find(parts: list[str], language: str) -> None:
    """The quick tests before the scans, and the end mark the label pattern
    now starts with, leave what is found unchanged."""
    from itures import textscan

    text = "".join(parts)
    # labels inside a text, as the pattern with the end mark looked behind found them
    behind = re.compile(r"(?<=[;:])" + textscan._LABEL_INSIDE.pattern[len("[;:]") :], re.X)
    assert [(a.start, a.end, a.found) for a in textscan.labels_inside(text)] == [
        (m.start("label"), m.end("label"), m.group("label")) for m in behind.finditer(text)
    ]
    heading = textscan._heading_pattern(language)
    assert heading is not None
    behind = re.compile(r"(?<=[,;:.])" + heading.pattern[len("[,;:.]") :], re.X)
    assert [(a.start, a.end) for a in textscan.headings(text, language)] == [
        (m.start("heading"), m.end("heading")) for m in behind.finditer(text)
    ]
    assert [a.start for a in textscan.footnotes(text)] == [
        m.start() for m in textscan._FOOTNOTE.finditer(text)
    ]
    # (the glyphs' quick tests: tests/test_artefact_quick_patterns.py)


@given(
    st.lists(
        st.sampled_from(
            ["[bookmark: _Toc1]", "[footnoteRef:2]", "2014", "Buenos", " ", "1899", "x", "[", "5"]
        ),
        max_size=10,
    )
)
def test_the_quick_test_of_word_artefacts_agrees_with_their_pattern(parts: list[str]) -> None:
    from itures.rules import artefacts

    text = "".join(parts)
    found = artefacts._ARTEFACTS.search(text) is not None
    assert artefacts._maybe_word_artefact(text) or not found


@given(st.lists(st.sampled_from([*SCANNED, "x", ".", "(", "/", "‑", "7", "12", "562", "D"])))
def test_the_page_patterns_find_what_they_found_looking_behind_first(parts: list[str]) -> None:
    """The page patterns look behind after their first digit: the same matches."""
    from itures import textscan

    text = "".join(parts)
    before = {
        textscan._FOOTER: r"(?<![\w.,/‑-])\d{1,4}"
        + textscan._FOOTER.pattern.split(r"\d{0,3}", 1)[1],
        textscan._PAGE_NUMBER: r"(?<![\w.,(/‑-])\d{3}"
        + textscan._PAGE_NUMBER.pattern.split(r"\d{2}", 1)[1],
    }
    for pattern, looking_first in before.items():
        old = re.compile(looking_first, re.X)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in old.finditer(text)]
