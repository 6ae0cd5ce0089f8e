"""In English, the blank lost between "the", "of" or "and" and the word
before or after it ("theimplementation", "facilitatethe",
"implementationof", "ofthe", "Unionand") passed silently. Now one finding,
with the words to write apart, which ``--fix`` writes, where the file writes
both words alone; words English writes so ("thereof", "often", "demand")
are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules.punctuation import punctuation
from tests.conftest import run_cli, write
from tests.rules.build import told_in_first_item
from tests.rules.test_english_apostrophes import ENGLISH

OTHER = (
    "that the implementation of the plan and the Union facilitate the work, and demand "
    "reports in the regions;"
)


def _told(text: str, language: str = "en") -> list[tuple[str, str | None]]:
    found = told_in_first_item(punctuation, text, language, (OTHER,), "to report to the Council.")
    return [(w, h) for w, m, h in found if "run together" in m]


@pytest.mark.parametrize(
    ("text", "written", "right"),
    [
        ("that theimplementation is late;", "theimplementation", "the implementation"),
        ("that the offices facilitatethe work;", "facilitatethe", "facilitate the"),
        ("that the implementationof reports is late;", "implementationof", "implementation of"),
        ("that the report ofthe Council is late;", "ofthe", "of the"),
        ("that the Unionand the offices report;", "Unionand", "Union and"),
        ("that the offices inthe regions report;", "inthe", "in the"),
        ("that the offices report ofreports;", "ofreports", "of reports"),
    ],
)
def test_a_blank_lost_beside_the_of_and_is_told(text: str, written: str, right: str) -> None:
    assert _told(text) == [(written, f"write {right!r}")]


@pytest.mark.parametrize(
    "text",
    [
        "that the report thereof is often late;",  # (words English writes so)
        "that the offices demand and withstand reports;",  # ('dem', 'withst': no words)
        "that the offices breathe and theorize;",  # ('brea', 'orize': no words)
        "that the page www.ofthe.int/theregions reports;",  # (a web address)
        "that the offices report theimplementation and theimplementation;",  # (written so twice)
        "that the regions report Theimplementation;",  # (a capital: conversion-artefact's kind)
    ],
)
def test_control_no_blank_lost(text: str) -> None:
    assert _told(text) == []


def test_one_finding_a_text() -> None:
    assert _told("that theimplementation ofthe plan is late;") == [
        ("theimplementation", "write 'the implementation'")
    ]


def test_only_english() -> None:
    """French and Spanish words are other words ("lesquels" or "partout"
    are French words): the five English short words are not looked for.
    (A French or Spanish word the dictionary lacks that is two words the
    file writes is told by the dictionary's check,
    ``tests/rules/test_words_run_together.py``: "theimplementation" in a
    French file that writes "the" and "implementation" is one such.)"""
    assert _told("que lesquels partout et sur le plan;", "fr") == []
    assert _told("que theimplementation ofthe plan;", "fr") == [
        ("theimplementation", "write 'the implementation'")
    ]


def test_on_a_file_one_finding_that_fix_writes(tmp_path: Path) -> None:
    target = write(
        tmp_path / "resolutions" / "pp" / "9" / "en.yaml",
        ENGLISH.replace("the offices report to the", "the offices report tothe"),
    )
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.message.split(":")[0]) for d in found] == [("punctuation", "'tothe'")], found
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == ENGLISH


OTHER_TO_FOR = (
    "that the offices investigate and report to the Council every day, for the services "
    "of the Agenda, and in the regions;",
)


def _told_to_for(text: str) -> list[tuple[str, str | None]]:
    found = told_in_first_item(punctuation, text, "en", OTHER_TO_FOR, "to report to the Council.")
    return [(w, h) for w, m, h in found if "run together" in m]


@pytest.mark.parametrize(
    ("text", "written", "right"),
    [
        ("that ITU needs toinvestigate the matter;", "toinvestigate", "to investigate"),
        ("that the offices reportto the Council;", "reportto", "report to"),
        ("that the 2030 Agendafor the regions is met;", "Agendafor", "Agenda for"),
        ("that the plan forthe regions is met;", "forthe", "for the"),
        # (a plural before "and": not a word that ends as "thousand")
        ("that the servicesand the offices report;", "servicesand", "services and"),
    ],
)
def test_a_blank_lost_beside_to_for_is_told(text: str, written: str, right: str) -> None:
    assert _told_to_for(text) == [(written, f"write {right!r}")]


@pytest.mark.parametrize(
    "text",
    [
        "that the offices report today and look forward to it;",  # (words English writes so)
        "that the offices report into the Agenda for the regions;",
        "that the offices report together, and forever;",
        "that a thousand offices report;",  # ('thous': no word)
    ],
)
def test_control_no_blank_lost_beside_to_for(text: str) -> None:
    assert _told_to_for(text) == []
