"""Two slips of an editor who splits an operative heading out of a clause: the
section's verb key written as its heading ("instructs the Directors of the
Bureaux", "noting also"), told the key of the verb the words write; and a
heading that keeps the first words of its clause ("… Bureau to ensure that
ITU-R continues", "… Sector Members to"), told which words to move."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import write

DOC = """\
body: pp
number: '125'
language: {language}
title: Test
history: [{{event: adopted, place: Dubai, year: 2018}}]
preamble:
  - verb: recalling
    heading: {recalling}
    items:
      - {{label: a), text: 'one,'}}
operative:
  - verb: {verb}
    heading: {heading}
    clauses:
      - {{label: '1', text: {clause}}}
"""


def _found(tmp_path: Path, **values: str) -> list[tuple[str, str, str | None]]:
    fields = {
        "language": "en",
        "recalling": "recalling",
        "verb": "instructs",
        "heading": "instructs the Director of the Radiocommunication Bureau",
        "clause": "to act.",
        **values,
    }
    write(tmp_path / "pp" / "125" / f"{fields['language']}.yaml", DOC.format(**fields))
    return [(d.rule, d.message, d.help) for d in check_paths([tmp_path]).diagnostics]


@pytest.mark.parametrize(
    ("verb", "key"),
    [
        ("instructs the Directors of the Bureaux", "instructs"),
        ("resolves also", "further_resolves"),
        ("'charge le Directeur'", "instructs"),
    ],
)
def test_a_heading_written_as_the_verb_key(tmp_path: Path, verb: str, key: str) -> None:
    ((rule, message, help_),) = _found(tmp_path, verb=verb)
    assert rule == "schema"
    assert message.endswith(
        f"is a section's heading, not its verb key: the key of the verb it writes is '{key}'"
    )
    assert help_ is not None and help_.startswith(f"write 'verb: {key}'")


def test_a_key_in_capitals_is_the_key_written_otherwise(tmp_path: Path) -> None:
    ((rule, message, help_),) = _found(tmp_path, verb="Instructs")
    assert rule == "schema" and "is not a verb key" in message
    assert help_ == "write 'instructs'"


@pytest.mark.parametrize(
    ("language", "recalling", "heading", "words"),
    [
        (
            "en",
            "recalling",
            "instructs the Director of the Radiocommunication Bureau to ensure that "
            "ITU-R continues",
            "to ensure that ITU-R continues",
        ),
        ("en", "recalling", "invites all Member States and Sector Members to", "to"),
        (
            "fr",
            "rappelant",
            "charge le Directeur du Bureau de développement des télécommunications de mener",
            "de mener",
        ),
        ("es", "recordando", "invita a los Estados Miembros a participar", "a participar"),
    ],
)
def test_a_heading_holding_its_clause_s_words(
    tmp_path: Path, language: str, recalling: str, heading: str, words: str
) -> None:
    verb = "invites" if heading.startswith("invit") else "instructs"
    found = _found(tmp_path, language=language, recalling=recalling, heading=heading, verb=verb)
    (clause,) = [f for f in found if f[0] == "heading-mismatch"]
    assert clause[1].endswith(f": '{words}'"), clause
    assert clause[2] == f"move '{words}' from the heading to the start of the first clause's text"


@pytest.mark.parametrize(
    "heading",
    [
        "instructs the Director of the Radiocommunication Bureau",
        "expresses its thanks to the Government of Switzerland",
        "instructs the Secretary-General, in consultation with the Directors of the Bureaux",
    ],
)
def test_a_heading_of_its_own_words(tmp_path: Path, heading: str) -> None:
    verb = "expresses" if heading.startswith("expresses") else "instructs"
    assert [f for f in _found(tmp_path, heading=heading, verb=verb) if f[0] != "verb-unknown"] == []
