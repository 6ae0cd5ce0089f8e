"""numbering: a list of the operative part with an operative heading run
into a clause's text (a conversion that did not recognise the heading) is
read as the lists it holds, each from 1, when that explains it with fewer
findings: a slip inside one part (two clauses swapped, one relabelled) is
one finding, as in a list of its own, not the duplicates of the whole
list's reading. A clause before which the text cites labels ("resolves
1, 2 and 3 above") is not read as those labels run into the text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from itures.corpus import check_paths

HEADING = "instructs the Director of the Telecommunication Development Bureau"

# the first section's clauses 1, 2, 3 (a heading run into 3), then the run-in
# section's 1, 2, 3, 4
FIRST = [
    ("1", "to take the measures necessary to carry out this resolution;"),
    ("2", "to report to the Council on the progress made;"),
    ("3", f"to consult the membership on the indicators, {HEADING}"),
]
RUN_IN = [
    ("1", "to collect the statistics of the Member States;"),
    ("2", "to publish the indicators every year;"),
    ("3", "to organize a symposium on the measurement of ICTs;"),
    ("4", "to assist the developing countries in their collection of data."),
]


def _write(tmp_path: Path, clauses: list[tuple[str, str]], name: str) -> Path:
    data: dict[str, Any] = {
        "body": "pp",
        "number": "1",
        "language": "en",
        "title": "Statistics",
        "history": [{"event": "adopted", "place": "Dubai", "year": 2018}],
        "preamble": [
            {
                "verb": "considering",
                "heading": "considering",
                "items": [{"label": "a)", "text": "that statistics matter,"}],
            }
        ],
        "operative": [
            {
                "verb": "instructs",
                "heading": "instructs the Secretary-General",
                "actors": ["secretary-general"],
                "clauses": [{"label": label, "text": text} for label, text in clauses],
            }
        ],
    }
    folder = tmp_path / name / "resolutions" / "pp" / "1"
    folder.mkdir(parents=True)
    target = folder / "en.yaml"
    with target.open("w", encoding="utf-8") as out:
        YAML().dump(data, out)
    return target


def _told(tmp_path: Path, clauses: list[tuple[str, str]], name: str) -> list[tuple[str, str]]:
    return [(d.rule, d.message) for d in check_paths([_write(tmp_path, clauses, name)]).diagnostics]


def _new(tmp_path: Path, clauses: list[tuple[str, str]]) -> list[tuple[str, str]]:
    base = _told(tmp_path, FIRST + RUN_IN, "base")
    return [f for f in _told(tmp_path, clauses, "slip") if f not in base]


def test_the_lists_as_written_have_the_heading_s_finding_alone(tmp_path: Path) -> None:
    told = _told(tmp_path, FIRST + RUN_IN, "base")
    assert [rule for rule, _ in told] == ["conversion-artefact"], told
    assert "merged into the text" in told[0][1]


def _swap(entries: list[tuple[str, str]], k: int) -> list[tuple[str, str]]:
    out = list(entries)
    out[k], out[k + 1] = out[k + 1], out[k]
    return out


@pytest.mark.parametrize("k", [0, 1, 2])
def test_two_clauses_of_the_run_in_part_swapped_are_one_finding(tmp_path: Path, k: int) -> None:
    new = _new(tmp_path, FIRST + _swap(RUN_IN, k))
    assert len(new) == 1, new
    rule, message = new[0]
    assert rule == "numbering-gap" and "wrong order" in message, new
    # named by the heading run in, the section the clauses are in
    assert "'instructs the Director…'" in message, message


@pytest.mark.parametrize(
    ("k", "label"),
    [(1, "3"), (2, "2"), (0, "2"), (3, "5")],
)
def test_a_clause_of_the_run_in_part_relabelled_is_one_finding(
    tmp_path: Path, k: int, label: str
) -> None:
    slipped = list(RUN_IN)
    slipped[k] = (label, slipped[k][1])
    new = _new(tmp_path, FIRST + slipped)
    assert len(new) == 1, new
    assert new[0][0].startswith("numbering-"), new


def test_a_clause_of_the_run_in_part_deleted_is_one_finding(tmp_path: Path) -> None:
    new = _new(tmp_path, FIRST + RUN_IN[:1] + RUN_IN[2:])
    assert len(new) == 1, new
    assert new[0][0] == "numbering-gap" and "2 is missing" in new[0][1], new


def test_the_clause_holding_the_heading_swapped_with_the_one_before(tmp_path: Path) -> None:
    """The heading's clause moved up a place: the clauses after it, from 1,
    are still the run-in section's (cut before the 1): the first part's
    two clauses swapped, one finding."""
    new = _new(tmp_path, _swap(FIRST, 1) + RUN_IN)
    assert len(new) == 1, new
    assert new[0][0] == "numbering-gap" and "wrong order" in new[0][1], new


def test_a_slip_in_the_first_part_is_one_finding_too(tmp_path: Path) -> None:
    new = _new(tmp_path, _swap(FIRST, 0) + RUN_IN)
    assert len(new) == 1, new
    assert "'instructs the Secretary-General'" in new[0][1], new


def test_roman_clauses_after_the_heading_are_still_the_merged_part_s(tmp_path: Path) -> None:
    """i), ii) after the heading's clause are the clauses of a part merged
    there, read in the whole list (no cut): no numbering finding, as
    before."""
    roman = [("i)", "to collect the statistics;"), ("ii)", "to publish them.")]
    told = _told(tmp_path, FIRST + roman, "roman")
    assert not [f for f in told if f[0].startswith("numbering-")], told


@pytest.mark.parametrize(
    "before",
    [
        "to carry out the tasks described in resolves 1, 2 and 3 above;",
        "to carry out the tasks of clauses 2 and 4 below;",
        "to carry out, in accordance with No. 2 of the Convention, the tasks;",
    ],
)
def test_a_clause_deleted_after_one_that_cites_its_number(tmp_path: Path, before: str) -> None:
    """The number of the clause deleted, written in the text before as a
    citation, is not that clause run into it: the gap is told as a clause
    missing, not as a text to split."""
    clauses = [("1", before), ("3", "to report;"), ("4", "to act.")]
    told = [f for f in _told(tmp_path, clauses, "cited") if f[0].startswith("numbering-")]
    assert len(told) == 1, told
    assert "2 is missing" in told[0][1], told


def test_a_label_run_into_the_text_after_a_comma_is_still_told_so(tmp_path: Path) -> None:
    clauses = [("1", "to carry out the tasks, 2 to report on them;"), ("3", "to act.")]
    told = [f for f in _told(tmp_path, clauses, "glued") if f[0].startswith("numbering-")]
    assert len(told) == 1 and "written inside the text of 1" in told[0][1], told


def test_a_clause_deleted_whose_number_the_first_part_has_is_told(tmp_path: Path) -> None:
    """3 deleted from the run-in part "1, 2, 3, 4": read whole, its "4"
    followed the first part's "3" (the one holding the heading), and the
    deletion passed silently; the part starts again at 1 after the heading,
    so it is read on its own."""
    new = _new(tmp_path, FIRST + RUN_IN[:2] + RUN_IN[3:])
    assert len(new) == 1, new
    assert new[0][0] == "numbering-gap" and "clause 4 follows 2" in new[0][1], new


def test_control_numbering_that_goes_on_after_the_heading(tmp_path: Path) -> None:
    """No clause labelled 1 after the heading: the clauses after it go on
    with the list's numbering ("3" holding the heading, then "4", "5"),
    which the whole list's reading explains with no finding."""
    going_on = [("4", RUN_IN[0][1]), ("5", RUN_IN[3][1])]
    told = _told(tmp_path, FIRST + going_on, "going-on")
    assert not [f for f in told if f[0].startswith("numbering-")], told
