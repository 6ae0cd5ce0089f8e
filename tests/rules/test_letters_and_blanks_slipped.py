"""Slips of typing that passed silently: a word's first capital typed twice
("PParties"), an abbreviation run into the word after it ("the
ITUCouncil"), a blank beside a possessive's apostrophe ("the Union 's
website"), a capital typed last in a short word ("du faiT que"), and one of
ITU's abbreviations written twice ("ITU ITU", "l'UIT UIT"). Now one finding
each, with the words to write; names, tables and quoted letters are left
alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules.punctuation import punctuation
from itures.rules.repeats import word_duplicate
from tests.conftest import run_cli, write
from tests.rules.build import told_in_first_item

OTHER = "that the Parties, the Supreme Court and the Council of ITU report on the Union's offices,"


def _told(text: str, language: str = "en", other: str = OTHER) -> list[tuple[str, str, str | None]]:
    return told_in_first_item(punctuation, text, language, (other,), "to report to the Council.")


@pytest.mark.parametrize(
    ("text", "written", "right"),
    [
        ("that the PParties undertook to act;", "PParties", "Parties"),
        ("that the SSupreme Court reports;", "SSupreme", "Supreme"),
        ("that CCouncil reports;", "CCouncil", "Council"),
    ],
)
def test_a_first_letter_typed_twice(text: str, written: str, right: str) -> None:
    told = _told(text)
    assert [(w, h) for w, _, h in told] == [(written, f"write {right!r}")], told
    assert "its first letter typed twice" in told[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "that the AAlborg office reports;",  # (no word 'Alborg' in the file)
        "that the OOP model and the SSL protocol are used;",  # (capitals alone)
    ],
)
def test_control_a_doubled_capital_the_file_does_not_write_once(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "typed twice" in m] == []


@pytest.mark.parametrize(
    ("text", "written", "right"),
    [
        ("that the ITUCouncil reports;", "ITUCouncil", "ITU Council"),
        # (an abbreviation the file writes nowhere else, but ITU's vocabulary knows)
        ("that the BDTCouncil reports;", "BDTCouncil", "BDT Council"),
        ("that the ITUParties report;", "ITUParties", "ITU Parties"),
    ],
)
def test_an_abbreviation_run_into_the_word_after_it(text: str, written: str, right: str) -> None:
    told = _told(text)
    assert [(w, h) for w, _, h in told] == [(written, f"write {right!r}")], told
    assert "run into the word" in told[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "that the ICTs and SDGs of the LDCs are met;",  # (a plural's small 's')
        "that the XYZCouncil reports;",  # (no abbreviation 'XYZ' written or known)
        "that the ITUCouncil reports, as the ITUCouncil says;",  # (written so twice: a name)
        "that www.itu.int/ITUCouncil is read;",  # (a web address)
        "that the ITUCouncils report;",  # (no word 'Councils')
    ],
)
def test_control_capitals_before_a_word(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "run into" in m] == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("that the Union 's offices report;", "Union 's"),
        ("that the Union' s offices report;", "Union' s"),
        ("that the Union ’s offices report;", "Union ’s"),
    ],
)
def test_a_blank_beside_a_possessives_apostrophe(text: str, written: str) -> None:
    told = _told(text)
    assert [(w, h) for w, _, h in told] == [(" ", "delete the blank")], told
    assert repr(written) in told[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "that the letter 's' is written;",  # (a letter quoted)
        "that the Members' services report;",  # (a plural's possessive)
        "that the 'sustainable' goals are met;",
    ],
)
def test_control_apostrophes_and_blanks(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "possessive" in m] == []


def test_a_possessives_blank_is_english_only() -> None:
    assert [
        w
        for w, m, _ in _told("que l'Union 's bureaux;", "fr", "que le Conseil de l'UIT agit,")
        if "possessive" in m
    ] == []


def test_a_capital_typed_last_in_a_short_word() -> None:
    told = _told("que du faiT que le Conseil agit;", "fr", "que le Conseil de l'UIT agit,")
    assert [(w, h) for w, _, h in told] == [("faiT", "write 'fait'")], told


def test_control_a_short_word_with_a_capital_inside() -> None:
    # (a capital after two letters of four: "faIt" is as much a name's as a slip's)
    told = _told("que du faIt que le Conseil agit;", "fr", "que le Conseil de l'UIT agit,")
    assert told == []


@pytest.mark.parametrize(
    ("text", "written", "right", "said"),
    [
        ("that the WSIs outcomes are met;", "WSIs", "WSIS", "the file writes"),
        # (an abbreviation the file writes nowhere else, but ITU's vocabulary knows)
        ("that the BDt reports;", "BDt", "BDT", "ITU's texts write"),
    ],
)
def test_an_abbreviations_last_letter_typed_small(
    text: str, written: str, right: str, said: str
) -> None:
    told = _told(text, other=OTHER + " WSIS acts,")
    assert [(w, h) for w, _, h in told] == [(written, f"write {right!r}")], told
    assert said in told[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "that the ICTs, SDGs and IDs are met;",  # (plurals)
        "that the ICTs are met, and ICTS is written;",  # ('ICT' written: a plural)
        "that 900 MHz is used;",  # (a unit: no 'MHZ')
    ],
)
def test_control_an_abbreviations_small_last_letter(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "typed small" in m] == []


def test_a_capital_typed_inside_a_compounds_second_part() -> None:
    told = _told("that the (IP)-basEd networks are based on it;")
    assert [(w, h) for w, _, h in told] == [("basEd", "write 'based'")], told


def test_control_a_compounds_second_part_with_a_name() -> None:
    # (after a hyphen, a part that starts with a capital, or is a name: a Sector's, eHealth)
    assert _told("that the ITU-D and m-eHealth plans are met;") == []


def _doubled(text: str, language: str = "en") -> list[tuple[str, str, str | None]]:
    return told_in_first_item(word_duplicate, text, language, (OTHER,), "to report.")


@pytest.mark.parametrize(
    ("text", "language", "written"),
    [
        ("that ITU ITU, with its members, has made guidelines;", "en", "ITU ITU"),
        ("que le Conseil de l'UIT UIT agit;", "fr", "UIT UIT"),
        ("that the BDT BDT reports;", "en", "BDT BDT"),
        # (after an opening parenthesis)
        ("that the technology (ICT ICT) is used;", "en", "ICT ICT"),
        ("that (see see below) it acts;", "en", "see see"),
    ],
)
def test_an_abbreviation_of_itus_written_twice(text: str, language: str, written: str) -> None:
    told = _doubled(text, language)
    assert [w for w, _, _ in told] == [written], told


@pytest.mark.parametrize(
    "text",
    [
        "that EBOT EBOT, the delegate, signed;",  # (a name as signatures write it)
        "Goals GS ITU-R ITU-T ITU-D ITU ITU Goal 1 45,806 13,176;",  # (a table's headings)
        "that the UIT UIT-T report;",  # (an abbreviation before its Sector's)
        "that the plans (a) and (a) are met;",  # (not in a row)
    ],
)
def test_control_capitals_written_twice(text: str) -> None:
    assert _doubled(text) == []


ENGLISH = """\
body: pp
number: '9'
language: en
title: Regional presence
history: [{event: adopted, place: Busan, year: 2014}]
preamble:
  - verb: considering
    heading: considering
    items:
      - label: a)
        text: that the Parties to the Council's report on the Union's regional presence act;
      - label: b)
        text: that the offices of ITU report to the Council,
operative:
  - verb: instructs
    heading: instructs the ITU Council
    actors: [council]
    clauses:
      - label: '1'
        text: to report to the Parties.
"""


def test_on_a_file_each_slip_is_one_finding_and_fixed_where_it_is_safe(tmp_path: Path) -> None:
    target = write(
        tmp_path / "resolutions" / "pp" / "9" / "en.yaml",
        ENGLISH.replace("the Union's regional", "the Union 's regional")
        .replace("instructs the ITU Council", "instructs the ITUCouncil")
        .replace("offices of ITU report", "offices of ITU ITU report"),
    )
    found = check_paths([target]).diagnostics
    assert sorted((d.rule, d.line) for d in found) == [
        ("punctuation", 11),
        ("punctuation", 16),
        ("word-duplicate", 13),
    ], found
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == ENGLISH


def test_on_a_file_a_first_letter_typed_twice_is_told_not_fixed(tmp_path: Path) -> None:
    target = write(
        tmp_path / "resolutions" / "pp" / "9" / "en.yaml",
        ENGLISH.replace("report to the Parties.", "report to the PParties."),
    )
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.help) for d in found] == [("punctuation", "write 'Parties'")], found


@pytest.mark.parametrize(
    ("text", "language", "written"),
    [
        ("that [Annex2 to Decision 5](pp:D5#annex/2) is met;", "en", "Annex2"),
        ("que l'Annexe3 de la présente résolution s'applique;", "fr", "Annexe3"),
        ("que el Anexo2 de la presente Resolución se aplica;", "es", "Anexo2"),
        ("that Article5 of the Constitution applies;", "en", "Article5"),
    ],
)
def test_a_parts_noun_glued_to_its_number(text: str, language: str, written: str) -> None:
    other = {"en": OTHER, "fr": "que le Conseil agit,", "es": "que el Consejo actúa,"}[language]
    told = [(w, m) for w, m, _ in _told(text, language, other) if "no blank between" in m]
    assert [w for w, _ in told] == [written], told


@pytest.mark.parametrize(
    "text",
    ["that IMT2020 and Connect2030 are met;", "that the Note2 and the code5 are read;"],
)
def test_control_names_with_their_digits(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "no blank between" in m] == []


def test_a_word_twice_in_a_name_before_its_abbreviation_is_one_finding() -> None:
    # (word-duplicate's: not also an abbreviation its name's capitals spell otherwise)
    text = "that [United Nations General Assembly Assembly (UNGA) Resolution 70/1](unga:70/1) acts;"
    assert [w for w, m, _ in _told(text) if "UNGA" in m] == []
    assert [w for w, _, _ in _doubled(text)] == ["Assembly Assembly"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("that Article 05 of the Constitution applies;", "05"),
        ("that the report goes to the 0022 plenipotentiary conference;", "0022"),
        ("that the report (0022) is made;", "0022"),
    ],
)
def test_a_number_with_a_zero_first(text: str, written: str) -> None:
    told = [(w, h) for w, m, h in _told(text) if "zero first" in m]
    assert told == [(written, "write the number as meant, without the zero first")], told


@pytest.mark.parametrize(
    "text",
    [
        "that the CHF 5 000 000 and the (000) columns are met;",  # (groups of digits)
        "that the meeting of 05.10.2018 at 09:00 is held;",  # (a date, a time)
        "that www.itu.int/md/S14-PP-C-0174/en is read;",  # (an address)
        "that the number +41 022 730 5111 is called;",  # (a phone)
        "that the 0 and the 10 are counted;",  # (a zero alone)
    ],
)
def test_control_zeros_that_are_no_slip(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "zero first" in m] == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("that the memorandum of understanding(MoU) is signed;", "understanding("),
        ("that the Internet of Things(IoT) grows;", "Things("),
    ],
)
def test_a_word_glued_to_a_parenthesis_with_a_mixed_abbreviation(text: str, written: str) -> None:
    told = [w for w, m, _ in _told(text) if "no blank before '('" in m]
    assert told == [written], told


@pytest.mark.parametrize(
    "text", ["that the State(s) concerned act;", "that f(x) is read;", "that (Rev. Dubai) acts;"]
)
def test_control_a_parenthesis_after_a_word(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "no blank before '('" in m] == []


def test_an_abbreviation_the_file_writes_elsewhere_written_twice() -> None:
    text = "that the World Conference on International Telecommunications (WCIT WCIT) met;"
    told = told_in_first_item(
        word_duplicate, text, "en", ("that WCIT acts,",), "to report to WCIT."
    )
    assert [w for w, _, _ in told] == ["WCIT WCIT"], told
    # (written nowhere else: a name as signatures write it)
    assert told_in_first_item(word_duplicate, text, "en", (OTHER,), "to report.") == []


@pytest.mark.parametrize(
    ("text", "written", "why"),
    [
        (
            "that the accounts for the years 2014-2817 are approved;",
            "2014-2817",
            "ends in 2817, after 2100",
        ),
        (
            "that the accounts for the years 2014–4017 are approved;",
            "2014–4017",
            "ends in 4017, after 2100",
        ),
        (
            "that the plan for 2017-2014 is met;",
            "2017-2014",
            "ends in 2014, no later than it starts",
        ),
    ],
)
def test_a_period_of_years_with_a_digit_mistyped(text: str, written: str, why: str) -> None:
    told = [(w, m) for w, m, _ in _told(text) if "the period ends in" in m]
    assert [w for w, _ in told] == [written], told
    assert why in told[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "that the financial plan 2020-2023 and the years 2014–2017 are met;",
        "that ISO 27001-2013 and the numbers 1234-5678 apply;",  # (no period of years)
        "that www.itu.int/md/2014-2817 is read;",  # (an address)
    ],
)
def test_control_periods_and_numbers(text: str) -> None:
    assert [w for w, m, _ in _told(text) if "the period ends in" in m] == []


ARABIC = """\
body: pp
number: '2'
language: ar
title: اختبار
history: [{event: revised, place: Dubai, year: 2018}]
preamble:
  - verb: considering
    heading: إذ يضع في اعتباره
    items:
      - label: أ)
        text: أن الاتحاد، والدول الأعضاء، يعملون معاً؛
      - label: ب)
        text: أن السنوات 2017-2014 مهمة، والسنوات 2014-2817 أيضا،
operative:
  - verb: resolves
    heading: يقرر
    clauses:
      - {label: '1', text: أن يعمل.}
"""


def test_an_arabic_period_may_read_from_right_to_left(tmp_path: Path) -> None:
    target = write(tmp_path / "resolutions" / "pp" / "2" / "ar.yaml", ARABIC)
    found = [
        d.message for d in check_paths([target]).diagnostics if "the period ends in" in d.message
    ]
    assert len(found) == 1 and "'2014-2817'" in found[0], found


@pytest.mark.parametrize(
    ("text", "written", "shown"),
    [
        ("that the EG-ITR ITR report is made;", "ITR ITR", "'EG-ITR ITR'"),
        ("that the high-level level meeting is held;", "level level", "'high-level level'"),
        # (a Sector's letter, before a mark)
        ("of the Sector (ITU-D D) and others;", "D D", "'ITU-D D'"),
        ("that the ITU-T T, the Sector, acts;", "T T", "'ITU-T T'"),
    ],
)
def test_a_compounds_last_part_written_again(text: str, written: str, shown: str) -> None:
    told = _doubled(text)
    assert [(w, m.split(": ", 1)[1]) for w, m, _ in told] == [(written, shown)], told


@pytest.mark.parametrize(
    "text",
    [
        "that the UIT-T T-series is used;",  # (a Sector's letter)
        "that ITU-T T.35 is applied;",  # (a Recommendation's name)
        "that ITU-T T.Rec is applied;",
        "that the 2020-2023 2023 plan is met;",  # (a number)
        "that the follow-up, up to now, is made;",  # (not in a row)
        "that the e-mail is read; mail is sent;",
    ],
)
def test_control_a_compound_and_a_word_after_it(text: str) -> None:
    assert _doubled(text) == []


def test_on_a_file_a_compounds_part_written_again_is_fixed(tmp_path: Path) -> None:
    target = write(
        tmp_path / "resolutions" / "pp" / "9" / "en.yaml",
        ENGLISH.replace("regional presence act;", "regional-presence presence act;"),
    )
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.help) for d in found] == [
        ("word-duplicate", "delete the second 'presence'")
    ], found
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == ENGLISH.replace(
        "regional presence act;", "regional-presence act;"
    )


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("that [Resolution Resolution 177 (Rev. Dubai, 2018)](pp:177@2018) applies;", "Resolution"),
        ("that telecommunication/ICT ICT networks grow;", "ICT"),
        ("that telecommunications/information information and services grow;", "information"),
    ],
)
def test_a_word_twice_after_a_citation_s_bracket_or_a_slash(text: str, written: str) -> None:
    told = _doubled(text)
    assert [w for w, _, _ in told] == [f"{written} {written}"], told


@pytest.mark.parametrize(
    "text",
    [
        "that the 2019/2020 2020 plan is met;",  # (a number)
        "that [ITU ITU-T reports](pp:1) apply;",  # (an abbreviation before its Sector's)
        "that the plans [a] and [a] are met;",  # (not in a row)
    ],
)
def test_control_after_a_bracket_or_a_slash(text: str) -> None:
    assert _doubled(text) == []
