"""reference-unmarked on citations whose body their words do not tell (the
ones ``itures import`` leaves as text): each is reported, with the citation
to write where the file tells the body (its other citations of that
revision, a body named before it, the body the clause addresses for
"its", the revision read without a '(' too many), else with what the editor
must decide; and nothing where there is no citation in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import write

DOC = """\
body: pp
number: '130'
language: en
title: Test
history: [{{event: revised, place: Dubai, year: 2018}}]
preamble:
  - verb: recalling
    heading: recalling
    items:
      - label: a)
        text: >-
          {item}
operative:
  - verb: instructs
    heading: instructs the Council
    actors: [council]
    clauses:
      - label: '1'
        text: >-
          {clause}
"""


def _found(tmp_path: Path, item: str, clause: str = "to act.") -> list[tuple[str, str]]:
    write(tmp_path / "pp" / "130" / "en.yaml", DOC.format(item=item, clause=clause))
    return [
        (d.message, d.help or "")
        for d in check_paths([tmp_path]).diagnostics
        if d.rule == "reference-unmarked"
    ]


@pytest.mark.parametrize(
    ("item", "written", "why"),
    [
        (  # the same revision marked elsewhere in the file
            "that WTSA-16 adopted [Resolution 58 (Rev. Dubai, 2012)](wtsa:58@2012) and the work "
            "of Resolution 58 (Rev. Dubai, 2012),",
            "[Resolution 58 (Rev. Dubai, 2012)](wtsa:58@2012)",
            "other citations of it",
        ),
        (  # the body named before it, in plain words
            "the resolutions adopted at the World Telecommunication Standardization Assembly, "
            "including Resolution 47 (Rev. Dubai, 2012), on domain names,",
            "[Resolution 47 (Rev. Dubai, 2012)](wtsa:47@2012)",
            "named before it (WTSA)",
        ),
        (  # a Council's revision has no place; the Council is the subject
            "that the Council adopted at its 2015 session [Decision 584](council:D584), on CWGs, "
            "and at its 2016 session Resolution 1333 (Rev. 2016), on their principles,",
            "[Resolution 1333 (Rev. 2016)](council:1333@2016)",
            "named before it (the Council)",
        ),
    ],
)
def test_a_body_the_file_tells_gives_the_citation_to_write(
    tmp_path: Path, item: str, written: str, why: str
) -> None:
    [(message, help_)] = _found(tmp_path, item)
    assert "is written in plain words: it is neither checked nor linked" in message
    assert help_.endswith(written), help_
    assert why in help_


def test_a_body_named_before_that_did_not_meet_there_tells_nothing(tmp_path: Path) -> None:
    # the Council did not meet in Dubai in 2012: the calendar's two bodies are offered
    [(message, help_)] = _found(
        tmp_path, "that the Council noted Resolution 52 (Rev. Dubai, 2012), on spam,"
    )
    assert "cannot be told: Dubai, 2012 is where WCIT and WTSA met" in message
    assert "[Resolution 52 (Rev. Dubai, 2012)](wcit:52@2012) or" in help_
    assert "[Resolution 52 (Rev. Dubai, 2012)](wtsa:52@2012)" in help_
    assert not help_.endswith(")"), "a choice is no fix to apply"


def test_a_revision_where_two_bodies_met_offers_both(tmp_path: Path) -> None:
    [(message, help_)] = _found(
        tmp_path,
        "the objectives of [Resolution 76 (Rev. Hammamet, 2016)](wtsa:76@2016), Resolution 62 "
        "(Rev. Geneva, 2015) and the Action Plan,",
    )
    assert "Geneva, 2015 is where RA and WRC met" in message
    assert "(ra:62@2015) or [Resolution 62 (Rev. Geneva, 2015)](wrc:62@2015)" in help_


def test_its_in_a_clause_addressing_one_body_is_offered_as_that_bodys(tmp_path: Path) -> None:
    [(message, help_)] = _found(
        tmp_path, "the work,", clause="to revise its Resolution 1344 to direct the CWG."
    )
    assert "'Resolution 1344'" in message and "a possessive" in message
    assert "[Resolution 1344](council:1344), if 'its' stands for" in help_


def test_a_possessive_with_nobody_to_stand_for_says_what_to_decide(tmp_path: Path) -> None:
    [(message, help_)] = _found(
        tmp_path,
        "that relevant sections of the respective Resolution 1 on working methods of each "
        "Sector contain guidelines,",
    )
    assert "the body it cites cannot be told: a possessive" in message
    assert "[Resolution 1](BODY:1)" in help_
    assert "itures: ignore[reference-unmarked]" in help_


def test_a_revision_with_a_parenthesis_too_many_is_read_without_it(tmp_path: Path) -> None:
    [(message, help_)] = _found(
        tmp_path,
        "Resolution 35 (Rev. (Hammamet, 2016) of the World Telecommunication Standardization "
        "Assembly (WTSA) and the rest,",
    )
    assert "a '(' too many" in message
    assert help_.endswith(
        "[Resolution 35 (Rev. Hammamet, 2016) of the World Telecommunication Standardization "
        "Assembly (WTSA)](wtsa:35@2016)"
    ), help_


@pytest.mark.parametrize(
    "item",
    [
        # a citation's number inside the words of one already marked
        "[resolves 2 of Resolution 71 (Rev. Dubai, 2018)](pp:71@2018#resolves/2),",
        "[Resolutions 50 and 52 (Rev. Hammamet, 2016)](wtsa:50,52@2016),",
        # words that cite nothing
        "the decision 5 days later and the resolution 3 of the meeting,",
    ],
)
def test_no_citation_in_plain_words_no_finding(tmp_path: Path, item: str) -> None:
    assert _found(tmp_path, item) == []
