"""Slips in a resolution's data, not its words: each is one finding.

Edits of the example resolution (``resolutions/wtdc/59/fr.yaml``), as an
editor makes them by mistake:

* a section's or a clause's ``actors`` deleted, its ``partners`` kept
  (actor-mismatch: the partners of no one);
* a deadline's ``report_to`` deleted, its words naming whom it reports to
  (deadline-mismatch: it compared only a recipient given in the data);
* a deadline pasted twice in its clause (deadline-malformed).

Each has controls for what is right and stays silent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from itures.config import Config
from itures.corpus import check_paths

EXAMPLE = Path(__file__).resolve().parents[2] / "resolutions" / "wtdc" / "59" / "fr.yaml"

SECTION = "    actors: [bdt-director]\n    partners: [tsb-director]\n    clauses:"
CLAUSE_1 = "        actors: [tdag]\n        partners: [rag, tsag]"
DEADLINE = (
    "          - every: year\n"
    "            report_to: council\n"
    "            text: chaque année au Conseil de l'UIT"
)


def _found(tmp_path: Path, old: str, new: str) -> list[tuple[str, str]]:
    """The findings (rule, message) of the example with ``old`` written ``new``."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    shutil.rmtree(tmp_path / "resolutions", ignore_errors=True)
    path = tmp_path / "resolutions" / "wtdc" / "59" / "fr.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text.replace(old, new), encoding="utf-8")
    result = check_paths([tmp_path / "resolutions"], Config())
    assert not result.failures
    return [(d.rule, d.message) for d in result.diagnostics]


def test_the_example_is_clean(tmp_path: Path) -> None:
    assert _found(tmp_path, SECTION, SECTION) == []


@pytest.mark.parametrize(
    ("old", "new", "addressed"),
    [
        # the section: its heading addresses the BDT's Director, with the TSB's
        (SECTION, "    partners: [tsb-director]\n    clauses:", "bdt-director"),
        # a clause: its words invite TDAG, with RAG and TSAG
        (CLAUSE_1, "        partners: [rag, tsag]", "tdag"),
    ],
    ids=["section", "clause"],
)
def test_actors_deleted_partners_kept(tmp_path: Path, old: str, new: str, addressed: str) -> None:
    found = _found(tmp_path, old, new)
    assert len(found) == 1, found
    rule, message = found[0]
    assert rule == "actor-mismatch"
    assert f" {addressed}, with the partners" in message
    assert "no 'actors'" in message


def test_a_clause_with_partners_alone_under_a_section_with_actors_is_no_finding(
    tmp_path: Path,
) -> None:
    """A clause of a section that lists its actors may list its own partners
    alone: its actors are the section's."""
    clause = "      - label: '1'\n        text: >-\n          de mener périodiquement des travaux"
    with_partners = (
        "      - label: '1'\n"
        "        partners: [tsb-director]\n"
        "        text: >-\n"
        "          de mener périodiquement des travaux"
    )
    assert _found(tmp_path, clause, with_partners) == []


def test_report_to_deleted_where_the_words_name_the_council(tmp_path: Path) -> None:
    new = DEADLINE.replace("            report_to: council\n", "")
    found = _found(tmp_path, DEADLINE, new)
    assert len(found) == 1, found
    rule, message = found[0]
    assert rule == "deadline-mismatch"
    assert "report_to: council" in message


def test_words_that_name_no_recipient_are_not_compared(tmp_path: Path) -> None:
    """What the words do not say is not compared: "chaque année" alone,
    the data reporting to the Council (told before the words, often)."""
    new = DEADLINE.replace("text: chaque année au Conseil de l'UIT", "text: chaque année")
    assert _found(tmp_path, DEADLINE, new) == []


def test_a_deadline_pasted_twice(tmp_path: Path) -> None:
    found = _found(tmp_path, DEADLINE, DEADLINE + "\n" + DEADLINE)
    assert [rule for rule, _ in found] == ["deadline-malformed"]
    assert "deadline 2 repeats deadline 1" in found[0][1]


def test_two_deadlines_that_differ_are_no_repeat(tmp_path: Path) -> None:
    other = (
        "          - by: 2030\n"
        "            report_to: council\n"
        "            text: chaque année au Conseil de l'UIT"
    )
    found = _found(tmp_path, DEADLINE, DEADLINE + "\n" + other)
    assert not any("repeats" in message for _, message in found), found


@pytest.mark.parametrize(
    ("path_number", "written", "told"),
    [("59", "'059'", "'59'"), ("D5", "'D05'", "'D5'"), ("59", "'0059'", "'59'")],
)
def test_a_number_with_a_leading_zero_is_told_to_be_written_without(
    tmp_path: Path, path_number: str, written: str, told: str
) -> None:
    """'059' in wtdc/59/fr.yaml: identity-path's help writes the number
    without its zero; it said "move the file to wtdc/059/fr.yaml"."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("number: '59'", f"number: {written}")
    path = tmp_path / "resolutions" / "wtdc" / path_number / "fr.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    result = check_paths([tmp_path / "resolutions"], Config(corpus=str(tmp_path / "resolutions")))
    found = [d for d in result.diagnostics if d.rule == "identity-path"]
    assert [d.help for d in found] == [
        f"write the number {told}: resolutions are numbered without a leading zero"
    ]


def test_a_number_that_differs_otherwise_is_still_told_to_move(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("number: '59'", "number: '509'")
    path = tmp_path / "resolutions" / "wtdc" / "59" / "fr.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    result = check_paths([tmp_path / "resolutions"], Config(corpus=str(tmp_path / "resolutions")))
    (found,) = [d for d in result.diagnostics if d.rule == "identity-path"]
    assert found.help is not None and found.help.startswith("move the file to")


@pytest.mark.parametrize(
    ("date", "told"),
    [
        ("2014-10-04", "write 2014-04-10: the month and the day swapped"),
        ("2014-01-04", "write 2014-04-01: the month and the day swapped"),
        ("2014-10-10", "correct the date to a day from 2014-03-30 to 2014-04-10, or remove it"),
        (
            "2014-05-12",
            "correct the date to a day from 2014-03-30 to 2014-04-10, or remove it",
        ),
    ],
)
def test_a_history_date_outside_its_conference_days(tmp_path: Path, date: str, told: str) -> None:
    """The example's revision at Dubai, 2014 (WTDC met from 30 March to
    10 April) dated on another day of that year: history-date, with the date
    of the month and day swapped when that is one of the days. Before, a
    date in its entry's year passed, whatever its day."""
    entry = "  - event: revised\n    place: Dubaï\n    year: 2014\n"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert entry in text
    path = tmp_path / "resolutions" / "wtdc" / "59" / "fr.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text.replace(entry, f"{entry}    date: '{date}'\n"), encoding="utf-8")
    found = [d for d in check_paths([path], Config()).diagnostics if d.rule == "history-date"]
    assert [d.help for d in found] == [told]
