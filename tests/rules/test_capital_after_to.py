"""punctuation: in English, a verb typed with a capital after "to" ("to
Encourage participation"): told where the file writes the word small and
with its capital nowhere else, or where "to" starts a clause; its fix
writes it small. Not a name, nor a word a name goes on after."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules.punctuation import punctuation
from tests.conftest import run_cli, write
from tests.rules.build import told_in_first_item

OTHERS = (
    "that ITU seeks to encourage participation and to promote and raise awareness, "
    "closely with the academia of Geneva,",
)


def _told(text: str) -> list[tuple[str, str, str | None]]:
    return told_in_first_item(punctuation, text, "en", OTHERS)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("that the Union continues to Encourage participation in its work;", "Encourage"),
        ("that it is important to Promote such programmes;", "Promote"),
        ("that the membership needs to Raise awareness of the risks;", "Raise"),
    ],
)
def test_a_verb_typed_with_a_capital_after_to(text: str, word: str) -> None:
    told = _told(text)
    assert [(w, h) for w, _, h in told] == [(word, f"write '{word.lower()}'")], told
    assert "with a capital after 'to'" in told[0][1]


@pytest.mark.parametrize(
    "text",
    [
        # (a word the file writes small nowhere)
        "that the Union continues to Strengthen its presence;",
        # (the same at the start of a text that is no operative clause's: an
        # item does not start with its verb)
        "to Strengthen its presence;",
        # (a name goes on after it)
        "that the membership is open to Academia and research institutes;",
        # (a name the file writes with its capital elsewhere too)
        "that the offices report to Geneva every year; Geneva hosts them;",
        # (not the word "to")
        "that Otto Promote acts;",
        # (a capital after "to" before a capital: a name)
        "that the Union reports to Member States each year;",
    ],
)
def test_control_names_and_words_written_so(text: str) -> None:
    assert [t for t in _told(text) if "with a capital after" in t[1]] == []


DOCUMENT = """\
body: pp
number: '9'
language: en
title: Academia
history: [{event: adopted, place: Busan, year: 2014}]
preamble:
  - verb: considering
    heading: considering
    items:
      - label: a)
        text: that academia contributes to the work of the Union,
operative:
  - verb: instructs
    heading: instructs the Secretary-General
    actors: [secretary-general]
    clauses:
      - label: '1'
        text: to encourage participation in the work of the Union;
      - label: '2'
        text: to strengthen cooperation with academia.
"""


def test_at_a_clause_s_start_and_fixed(tmp_path: Path) -> None:
    """'to Strengthen' starting a clause, a word the file writes nowhere
    else: told, and '--fix' writes it small; 'to Encourage' likewise."""
    slipped = DOCUMENT.replace("to strengthen", "to Strengthen").replace(
        "to encourage", "to Encourage"
    )
    target = write(tmp_path / "resolutions" / "pp" / "9" / "en.yaml", slipped)
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.help) for d in found] == [
        ("punctuation", "write 'encourage'"),
        ("punctuation", "write 'strengthen'"),
    ], found
    assert "ITU's texts write its verb small" in found[1].message
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == DOCUMENT
