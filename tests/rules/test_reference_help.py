"""The help of a citation of a clause the cited resolution does not have:
when the clause is missing from the middle of its list, relabelling that
list (numbering-gap's advice there) would make the citation name another
clause, so the citation is to be corrected first."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import write

CITED = """\
body: pp
number: '8'
language: en
title: Cited
history: [{{event: adopted, place: Busan, year: 2014}}]
operative:
  - verb: resolves
    heading: resolves
    clauses:
{clauses}
"""
CITING = """\
body: pp
number: '9'
language: en
title: Citing
history: [{event: adopted, place: Busan, year: 2014}]
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - {label: '1', text: 'to apply [resolves 2 of Resolution 8](pp:8#resolves/2).'}
"""


@pytest.mark.parametrize(
    ("labels", "middle"),
    [(["1", "3"], True), (["1", "3", "4"], True), (["1"], False), (["3", "4"], False)],
)
def test_a_citation_of_a_clause_missing_from_the_middle_is_told_to_be_corrected_first(
    tmp_path: Path, labels: list[str], middle: bool
) -> None:
    clauses = "\n".join(
        f"      - {{label: '{label}', text: 'to act{';' if k < len(labels) - 1 else '.'}'}}"
        for k, label in enumerate(labels)
    )
    write(tmp_path / "pp" / "8" / "en.yaml", CITED.format(clauses=clauses))
    write(tmp_path / "pp" / "9" / "en.yaml", CITING)
    [found] = [d for d in check_paths([tmp_path]).diagnostics if d.rule == "reference-unresolved"]
    said = found.help or ""
    assert said.startswith("'2' is missing from the middle of its list there") == middle, said
    assert ("another entry" in said) == middle


LATER = """\
body: wtdc
number: '59'
language: fr
title: Test
history: [{{event: revised, place: Buenos Aires, year: 2017}}]
preamble:
  - verb: recalling
    heading: rappelant
    items:
      - label: a)
        text: '[la Résolution 57 (Rév. Hammamet, {said}) de l''AMNT](wtsa:57@{target}),'
operative:
  - verb: resolves
    heading: décide
    clauses:
      - {{label: '1', text: de faire.}}
"""


@pytest.mark.parametrize(
    ("said", "target", "expected"),
    [
        # the target's year is after the citing text's (2017): the target is the slip
        ("2016", "2061", "correct the target to wtsa:57@2016"),
        # the words' year is: the words are
        ("2061", "2016", "correct the year in the words to 2016"),
        # both could be: both are said
        ("2016", "2012", "correct the words to say what the target says (wtsa:57@2012)"),
    ],
)
def test_a_year_after_the_citing_text_is_the_slip(
    tmp_path: Path, said: str, target: str, expected: str
) -> None:
    write(tmp_path / "wtdc" / "59" / "fr.yaml", LATER.format(said=said, target=target))
    found = [d for d in check_paths([tmp_path]).diagnostics if d.rule == "reference-text"]
    assert found, "no reference-text finding"
    assert any((d.help or "").startswith(expected) for d in found), [d.help for d in found]
