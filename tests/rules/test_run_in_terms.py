"""Headings or terms a conversion ran into the text that starts with them
("Lebanon Lebanon's telecommunication facilities", a glossary's "Activities
Activities are ... Inputs Inputs are ..."): one word-duplicate finding for the
text, naming each, and never a fix that deletes one; a word written twice by
a slip ("the the", "Member Member States") is still fixed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from itures.cli import main
from itures.model.resolution import Resolution
from itures.rules import Context, Finding
from itures.rules.repeats import word_duplicate


def _annex(text: str) -> Resolution:
    return Resolution.model_validate(
        {
            "body": "pp",
            "number": "71",
            "language": "en",
            "title": "Strategic plan",
            "history": [{"event": "adopted", "place": "Dubai", "year": 2018}],
            "operative": [
                {
                    "verb": "resolves",
                    "heading": "resolves",
                    "clauses": [{"label": "1", "text": "to adopt the plan."}],
                }
            ],
            "annexes": [{"heading": "ANNEX", "items": [{"text": text}]}],
        }
    )


def _found(text: str) -> list[Finding]:
    return list(word_duplicate(Context("r.yaml", _annex(text))))


def test_a_glossary_run_into_one_text_is_one_finding_naming_each_term() -> None:
    text = (
        "Glossary of terms Term Working version Activities Activities are various actions. "
        "Inputs Inputs are the resources. Mission Mission is the purpose of the Union."
    )
    (found,) = _found(text)
    assert found.message.startswith("3 headings or terms run into the text")
    assert "'Activities', 'Inputs', 'Mission'" in found.message
    assert [p.message for p in found.related] == [
        "the heading or term 'Inputs'",
        "the heading or term 'Mission'",
    ]
    assert found.help is not None and "delete the second" not in found.help


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("the plan of the Member Member States for the period.", "the word 'Member' twice"),
        ("as the the plan says.", "the word 'the' twice"),
    ],
)
def test_one_doubled_word(text: str, start: str) -> None:
    (found,) = _found(text)
    assert found.message.startswith(start)


def test_a_slip_after_a_run_in_term_is_told_too() -> None:
    # (a country's paragraph of a text that a heading was run into: the
    # layout lost and the slip are two defects, each told once)
    found = _found(
        "Reports Reports are due. Lebanon Lebanon's network was damaged; the the plan is adopted."
    )
    assert len(found) == 2, [f.message for f in found]
    assert found[0].message.startswith("2 headings or terms run into the text")
    assert found[1].message == "the word 'the' twice in a row: 'the the'"
    assert found[1].help == "delete the second 'the'"


def test_control_terms_alone_are_one_finding() -> None:
    (found,) = _found("Reports Reports are due. Lebanon Lebanon's network was damaged.")
    assert found.message.startswith("2 headings or terms run into the text")


_FILE = """\
body: pp
number: '34'
language: en
title: Assistance
history:
  - event: adopted
    place: Dubai
    year: 2018
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to assist the the countries.
annexes:
  - heading: ANNEX
    items:
      - text: >-
          Lebanon Lebanon's telecommunication facilities were damaged. Outputs Outputs are
          the final results, and Activities Activities are the work.
"""


def test_fix_deletes_a_slip_and_keeps_terms(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "resolutions" / "pp" / "34" / "en.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(_FILE, encoding="utf-8")
    main(["check", "--no-cache", "--fix", str(tmp_path / "resolutions")])
    capsys.readouterr()
    assert path.read_text(encoding="utf-8") == _FILE.replace("the the countries", "the countries")
