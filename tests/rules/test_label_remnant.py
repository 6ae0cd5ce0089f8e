"""A label left in an entry's text by a conversion, its letter lost (") No.
53 of the ITU Constitution;" for "a) No. 53 …"): one finding, the
numbering's (the entry has no label while the others have one), not also
punctuation's parenthesis that closes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import write

DOCUMENT = """\
body: pp
number: '9'
language: en
title: Accounts
history: [{{event: adopted, place: Busan, year: 2014}}]
preamble:
  - verb: considering
    heading: considering
    items:
      - text: {first}
      - label: b)
        text: that the Council has examined the accounts,
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to approve the accounts.
"""


def _told(tmp_path: Path, first: str) -> list[tuple[str, str]]:
    target = write(tmp_path / "resolutions" / "pp" / "9" / "en.yaml", DOCUMENT.format(first=first))
    return [(d.rule, d.message) for d in check_paths([target]).diagnostics]


def test_control_the_label_left_in_the_text(tmp_path: Path) -> None:
    told = _told(tmp_path, "a) No. 53 of the ITU Constitution;")
    assert [rule for rule, _ in told] == ["conversion-artefact"], told


@pytest.mark.parametrize("first", [") No. 53 of the ITU Constitution;", "') the plan is met;'"])
def test_its_letter_lost_is_the_numbering_s_finding_alone(tmp_path: Path, first: str) -> None:
    told = _told(tmp_path, first)
    assert [rule for rule, _ in told] == ["numbering-style"], told
    assert "has no label" in told[0][1]


def test_control_a_parenthesis_that_closes_nothing_inside_a_text(tmp_path: Path) -> None:
    told = _told(tmp_path, "that the plan of the Union) is met;")
    assert "punctuation" in [rule for rule, _ in told], told
