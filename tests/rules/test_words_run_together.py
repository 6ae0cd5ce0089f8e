"""Two words run together, a blank lost, in English, French and Spanish: a
word the dictionary lacks, written once, that is two words the file writes
alone ("thisresolution"), or, in small letters, one it writes and a common
word ("permisde" where the file writes "permis" nowhere else). One finding
(punctuation's, with the two words to write apart), never word-spelling's
too; and what stays a word: compounds the dictionary lacks, names, a hyphen
lost (conversion-artefact's), the five English short words punctuation told
already."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules import Context
from itures.rules.punctuation import punctuation
from tests.conftest import run_cli, write
from tests.rules.build import clauses, context, data, items

OTHER = {
    "en": "that this plan, the resolution and the review of the methods help the Union to improve,",
    "fr": "que ces groupes de travail, les Secteurs et le plan pour le Secteur aident l'Union à "
    "identifier,",
    "es": "que los grupos y el plan para la Unión se aplican en cada Sector,",
}
LAST = {"en": "to report.", "fr": "de faire rapport.", "es": "informar."}


def _told(text: str, language: str = "en") -> list[tuple[str, str | None]]:
    ctx: Context = context(
        language=language,
        preamble=[items([text, OTHER[language]])],
        operative=[clauses([LAST[language]])],
    )
    return [
        (f.message, f.help)
        for f in punctuation(ctx)
        if "run together" in f.message or "blank lost" in f.message
    ]


@pytest.mark.parametrize(
    ("language", "text", "word", "first", "second"),
    [
        # both words written alone elsewhere in the file
        ("en", "that the methods of thisresolution apply;", "thisresolution", "this", "resolution"),
        ("en", "that the Union shall improvemethods;", "improvemethods", "improve", "methods"),
        ("fr", "que les Secteursde l'Union agissent;", "Secteursde", "Secteurs", "de"),
        ("fr", "que cesgroupes agissent;", "cesgroupes", "ces", "groupes"),
        (
            "fr",
            "que le Secteur veut pouridentifier les sujets;",
            "pouridentifier",
            "pour",
            "identifier",
        ),
        ("es", "que losgrupos se reúnen;", "losgrupos", "los", "grupos"),
        ("es", "que el Sector aplica elplan;", "elplan", "el", "plan"),
    ],
)
def test_two_words_the_file_writes_run_together(
    language: str, text: str, word: str, first: str, second: str
) -> None:
    assert _told(text, language) == [
        (
            f"{word!r}: two words run together, a blank lost; the file writes {first!r} "
            f"and {second!r}",
            f"write '{first} {second}'",
        )
    ]


@pytest.mark.parametrize(
    ("language", "text", "word", "first", "second"),
    [
        # a word the file writes, a common word it does not
        ("fr", "qu'elles ont permisde réaliser des économies;", "permisde", "permis", "de"),
        (
            "en",
            "that the Union keeps it under constantreview;",
            "constantreview",
            "constant",
            "review",
        ),
        (
            "en",
            "that proposals are read, exceptproposals to amend it;",
            "exceptproposals",
            "except",
            "proposals",
        ),
        ("en", "that the final approvalof the accounts is given;", "approvalof", "approval", "of"),
        ("en", "that the Union acts with respectto members;", "respectto", "respect", "to"),
        ("es", "que el Sector trata eldesarrollo;", "eldesarrollo", "el", "desarrollo"),
    ],
)
def test_a_word_the_file_writes_glued_to_a_common_word(
    language: str, text: str, word: str, first: str, second: str
) -> None:
    assert _told(text, language) == [
        (
            f"{word!r}: two words run together, a blank lost: {first!r} and {second!r}",
            f"write '{first} {second}'",
        )
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a word the dictionary knows, though two words the file writes make it
        ("en", "that the Union will therein improve the plan and thereof the methods;"),
        # compounds the dictionary lacks whose parts the file does not write
        ("en", "that blockchain and crowdfunding and decisionmaking help the Union;"),
        # a part the file does not write, of four letters ("ship") or not common
        ("en", "that the resolution's rapporteurship and reviewzzyx stand;"),
        # a name: a capital first, one of its parts not written ("Bus", "an")
        ("en", "that the Union met at Busan and Processus is a name;"),
        # a part of one letter that is no word of the language
        ("fr", "que le plan est xplan pour le Secteur;"),
        # written twice: a term of the file's own
        ("en", "that thisresolution and thisresolution are named;"),
        # a short word glued to a word of four letters the file does not write
        ("fr", "que leprix est fixé;"),
        # in an address
        ("en", "that www.itu.int/thisresolution is read;"),
        # Spanish writes a pronoun after a verb as one word with it
        ("es", "que el Sector debe aplicarlo y tenerse en cuenta para los grupos;"),
    ],
)
def test_control_words_left_alone(language: str, text: str) -> None:
    assert _told(text, language) == []


def test_english_short_words_punctuation_told_are_not_told_twice() -> None:
    # (blanks_lost: "of", "the", "and", "to", "for" beside a word the file
    # writes; the dictionary check would read "ofthe" the same)
    told = _told("that the review ofthe methods helps;")
    assert told == [
        (
            "'ofthe': two words run together, a blank lost; the file writes 'of' and 'the'",
            "write 'of the'",
        )
    ]


def _document(text: str) -> str:
    import yaml

    return yaml.safe_dump(
        data(
            "en",
            preamble=[items([text, OTHER["en"]])],
            operative=[clauses(["to report."])],
        ),
        sort_keys=False,
        allow_unicode=True,
    )


def test_one_slip_one_finding_and_fix_writes_the_blank(tmp_path: Path) -> None:
    target = write(
        tmp_path / "resolutions" / "pp" / "1" / "en.yaml",
        _document("that the methods of thisresolution apply;"),
    )
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.severity) for d in found] == [("punctuation", "warning")], found
    run_cli("check", "--no-cache", "--fix", str(target))
    assert "of this resolution apply" in target.read_text(encoding="utf-8")
    assert check_paths([target]).diagnostics == []


def test_a_hyphen_lost_is_conversion_artefact_s(tmp_path: Path) -> None:
    text = "that the chairmen and vicechairmen and the vice-chairmen of groups meet;"
    target = write(tmp_path / "resolutions" / "pp" / "1" / "en.yaml", _document(text))
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["conversion-artefact"], found
    assert "hyphen" in found[0].message


DEADLINE = """\
body: pp
number: '1'
language: en
title: Test
history: [{event: adopted, place: Dubai, year: 2018}]
preamble:
  - verb: considering
    heading: considering
    items:
      - label: a)
        text: that this plan, the resolution and the review help the Union each year,
operative:
  - verb: instructs
    heading: instructs the Secretary-General
    actors: [secretary-general]
    clauses:
      - label: '1'
        text: to report every year to the Council on the implementation of this resolution.
        deadlines:
          - every: year
            report_to: council
            text: every year to the Council
"""


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # in the deadline's words, which copy the clause's
        ("text: every year to the Council", "text: everyyear to the Council"),
        # in the clause's words, which the deadline's copy
        ("to report every year to", "to report everyyear to"),
    ],
)
def test_in_words_a_deadline_copies_one_finding(tmp_path: Path, old: str, new: str) -> None:
    assert old in DEADLINE
    target = write(tmp_path / "resolutions" / "pp" / "1" / "en.yaml", DEADLINE)
    assert check_paths([target]).diagnostics == []
    target.write_text(DEADLINE.replace(old, new), encoding="utf-8")
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.message.split(":")[0]) for d in found] == [("punctuation", "'everyyear'")], (
        found
    )


def test_one_finding_a_text_the_first() -> None:
    # (a text a conversion ran together gives one finding, not one a word;
    # blanks_lost's English short words count among them)
    assert _told("that thisresolution and improvemethods apply;") == [
        (
            "'thisresolution': two words run together, a blank lost; the file writes 'this' "
            "and 'resolution'",
            "write 'this resolution'",
        )
    ]
    told = _told("that the review ofthe methods and thisresolution apply;")
    assert [m.split(":")[0] for m, _ in told] == ["'ofthe'"]
