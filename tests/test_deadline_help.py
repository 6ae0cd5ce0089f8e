"""A deadline whose data is refused or incomplete is told what its words say
(read as the importer reads them), not the value closest to the one typed,
nor an example year: the help, followed, leaves nothing to report."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths

DOC = """\
body: wtdc
number: '1'
language: {lang}
title: Test
history: [{{event: adopted, place: Kigali, year: 2022}}]
operative:
  - verb: instructs
    heading: {heading}
    clauses:
      - label: '1'
        text: {text}
        deadlines:
          - report_to: council
            text: {words}
            {deadline}
"""

FR = ("fr", "charge le Directeur du BDT")
EN = ("en", "instructs the Director of BDT")


def _check(tmp_path: Path, lang: tuple[str, str], text: str, deadline: str, words: str) -> list:  # type: ignore[type-arg]
    path = tmp_path / "wtdc" / "1" / f"{lang[0]}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        DOC.format(lang=lang[0], heading=lang[1], text=text, deadline=deadline, words=words),
        encoding="utf-8",
    )
    return check_paths([path]).diagnostics


CASES = [
    # a period misspelt: the words say which ('two-years' is closer to what was typed)
    (FR, "de faire rapport chaque année au Conseil.", "every: two-year", "chaque année au Conseil", "every: year"),
    # an event written as a year
    (EN, "to report to the next plenipotentiary conference.", "by: next-pp", "to the next plenipotentiary conference", "event: next-pp"),
    # a date for a year: the words say the year
    (EN, "to report to the Council by 2024.", "by: 2023-02-30", "to the Council by 2024", "by: 2024"),
    # a recurrence lost, its report kept
    (EN, "to report annually to the Council.", "", "annually to the Council", "every: year"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "typed", "words", "meant"), CASES)
def test_the_help_says_what_the_deadline_words_say_and_following_it_fixes_it(
    tmp_path: Path, lang: tuple[str, str], text: str, typed: str, words: str, meant: str
) -> None:
    found = _check(tmp_path, lang, text, typed, words)
    assert len(found) == 1, found
    (one,) = found
    assert one.help is not None and meant in one.help, one
    assert words in one.help
    fixed = _check(tmp_path, lang, text, meant, words)
    assert fixed == [], fixed


@pytest.mark.parametrize(
    ("typed", "help_"),
    [
        ("by: 2023-02-30", "write the year alone, without quotes: 2023"),
        ("by: next-pp", "'next-pp' is an event: write 'event: next-pp'"),
        ("by: soon", "write a year in digits, without quotes, such as 2017"),
    ],
)
def test_a_year_refused_without_words_that_say_it_is_told_from_what_it_holds(
    tmp_path: Path, typed: str, help_: str
) -> None:
    """Words that say no deadline ('as soon as possible'): the help reads the
    value typed, the year it holds or the event it names; an example year is
    not given as the one to write."""
    found = _check(tmp_path, EN, "to report to the Council soon.", typed, "to the Council soon")
    helps = [d.help for d in found if d.rule == "schema"]
    assert helps and helps[0] is not None and helps[0].startswith(help_), found
