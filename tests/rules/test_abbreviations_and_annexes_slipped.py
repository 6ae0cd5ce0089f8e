"""Slips that passed silently, found by planting slips in the Final Acts:

* "Rev." before a revision's place with its full stop lost or another mark
  typed for it, outside a citation's words ("(Rev Dubai, 2018)", an annex's
  heading "(REV, DUBAI, 2018)"), and "No." before a provision's number so
  ("No 244 of the Convention", "No: 244"): punctuation's, with the
  abbreviation to write;
* a place and its year without the comma in an annex's heading in capitals
  ("(REV. DUBAI 2018)");
* a paragraph of an annex's prose that lost its full stop, where the
  others of its list end with '.';
* a word written twice in a heading in capitals ("ANNEX TO TO RESOLUTION"),
  "that that" before an article ("that that the ITU Constitution"), and a
  slip in a text a heading was run into.

Each with controls: what ITU writes so is left alone."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import run_cli, write

DOCUMENT = """\
body: pp
number: '34'
language: {language}
title: Assistance
history: [{{event: revised, place: {place}, year: 2018}}]
preamble:
  - verb: considering
    heading: {considering}
    items:
      - label: a)
        text: {first}
      - label: b)
        text: {second}
operative:
  - verb: resolves
    heading: {resolves}
    clauses:
      - label: '1'
        text: {clause}
annexes:
  - heading: {annex}
    items:
{paragraphs}
"""

FRENCH = [
    "La charge de travail devrait être prise en compte pour le nombre de vice-présidents.",
    "La répartition des tâches se fera dans le cadre de chaque commission d'études.",
    "Le nombre total de vice-présidents proposés par une administration devrait être raisonnable.",
]
SPANISH = [
    "La carga de trabajo debería tenerse en cuenta para el número de vicepresidentes.",
    "La distribución de las tareas se hará en el marco de cada comisión de estudio.",
    "El número total de vicepresidentes propuestos por una administración debería ser razonable.",
]
PARAGRAPHS = [
    "The workload should be a factor in determining the number of vice-chairmen.",
    "The distribution of tasks shall be made in the framework of each study group.",
    "The total number of vice-chairmen proposed by any administration should be reasonable.",
]

HEADINGS = {
    "en": ("considering", "resolves", "ANNEX TO RESOLUTION 34 (REV. DUBAI, 2018)"),
    "fr": ("considérant", "décide", "ANNEXE À LA RÉSOLUTION 34 (RÉV. DUBAÏ, 2018)"),
    "es": ("considerando", "resuelve", "ANEXO A LA RESOLUCIÓN 34 (REV. DUBÁI, 2018)"),
}
PLACES = {"en": "Dubai", "fr": "Dubaï", "es": "Dubái"}
TEXTS = {
    "en": (
        "that No. 244 of the Convention provides a procedure;",
        "that the plan was adopted,",
        "to assist the countries.",
    ),
    "fr": (
        "que le numéro 244 de la Convention prévoit une procédure;",
        "que le plan est adopté,",
        "d'aider les pays.",
    ),
    "es": (
        "que el número 244 del Convenio prevé un procedimiento;",
        "que el plan fue adoptado,",
        "ayudar a los países.",
    ),
}


def _file(
    tmp_path: Path,
    language: str = "en",
    paragraphs: list[str] | None = None,
    **changed: str,
) -> Path:
    if paragraphs is None:
        paragraphs = {"en": PARAGRAPHS, "fr": FRENCH, "es": SPANISH}[language]
    considering, resolves, annex = HEADINGS[language]
    first, second, clause = TEXTS[language]
    values = {
        "language": language,
        "considering": considering,
        "resolves": resolves,
        "annex": annex,
        "first": first,
        "second": second,
        "clause": clause,
        "paragraphs": "\n".join(
            f"      - text: {json.dumps(p, ensure_ascii=False)}" for p in paragraphs
        ),
    }
    values.update(changed)
    for key in ("considering", "resolves", "annex", "first", "second", "clause"):
        values[key] = json.dumps(values[key], ensure_ascii=False)
    values["place"] = PLACES[language]
    return write(
        tmp_path / "resolutions" / "pp" / "34" / f"{language}.yaml", DOCUMENT.format(**values)
    )


def _told(tmp_path: Path, language: str = "en", **changed: object) -> list[tuple[str, str, str]]:
    target = _file(tmp_path, language, **changed)  # type: ignore[arg-type]
    return [(d.rule, d.message, d.help or "") for d in check_paths([target]).diagnostics]


def _new(
    tmp_path: Path, language: str, field: str, written: str, right: str
) -> list[tuple[str, str, str]]:
    """The findings of the file with ``written`` in ``field``, of the rules
    that find more there than with ``right`` there."""
    before = Counter(r for r, _, _ in _told(tmp_path, language, **{field: right}))
    told = _told(tmp_path, language, **{field: written})
    new = Counter(r for r, _, _ in told) - before
    return [f for f in told if f[0] in new]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_control_the_file_as_written(tmp_path: Path, language: str) -> None:
    assert _told(tmp_path, language) == []


# --- "Rev." ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "field", "written", "right"),
    [
        ("en", "second", "that Resolution 71 (Rev Dubai, 2018) is met,", "'Rev.'"),
        ("en", "second", "that Resolution 71 (Rev, Dubai, 2018) is met,", "'Rev.'"),
        ("en", "annex", "ANNEX TO RESOLUTION 34 (REV, DUBAI, 2018)", "'REV.'"),
        ("en", "annex", "ANNEX TO RESOLUTION 34 (REV DUBAI, 2018)", "'REV.'"),
        ("fr", "second", "que la Résolution 71 (Rév: Dubaï, 2018) est appliquée,", "'Rév.'"),
        ("es", "annex", "ANEXO A LA RESOLUCIÓN 34 (REV; DUBÁI, 2018)", "'REV.'"),
    ],
)
def test_the_revision_s_abbreviation_mistyped(
    tmp_path: Path, language: str, field: str, written: str, right: str
) -> None:
    as_written = written.replace(" (Rev ", " (Rev. ").replace("(Rev, ", "(Rev. ")
    as_written = as_written.replace("(REV, ", "(REV. ").replace("(REV ", "(REV. ")
    as_written = as_written.replace("(Rév: ", "(Rév. ").replace("(REV; ", "(REV. ")
    told = _new(tmp_path, language, field, written, as_written)
    assert [r for r, _, _ in told] == ["punctuation"], told
    assert "full stop" in told[0][1], told
    assert told[0][2] == f"write {right}", told


@pytest.mark.parametrize(
    "written",
    [
        "that the plan (Revised 2018) is met,",
        "that the report (Rev 2) is published,",
        "that the report (Rev 2, 2018) is published,",
    ],
)
def test_control_the_revision_s_abbreviation_as_written(tmp_path: Path, written: str) -> None:
    assert _told(tmp_path, second=written) == []


def test_in_a_citation_s_words_it_is_reference_text_s(tmp_path: Path) -> None:
    told = _told(tmp_path, second="that [Resolution 71 (Rev Dubai, 2018)](pp:71@2018) is met,")
    assert "punctuation" not in [r for r, _, _ in told], told


def test_an_annex_heading_without_the_comma_before_its_year(tmp_path: Path) -> None:
    told = _told(tmp_path, annex="ANNEX TO RESOLUTION 34 (REV. DUBAI 2018)")
    assert [r for r, _, _ in told] == ["punctuation"], told
    assert "without the comma between them" in told[0][1]


# --- "No." ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("that No 244 of the Convention provides a procedure;", "'No'"),
        ("that No: 244 of the Convention provides a procedure;", "'No:'"),
        ("that No, 244 of the Convention provides a procedure;", "'No,'"),
    ],
)
def test_no_before_a_provision_s_number_mistyped(tmp_path: Path, written: str, shown: str) -> None:
    told = _told(tmp_path, first=written)
    assert [r for r, _, _ in told] == ["punctuation"], told
    assert told[0][1].startswith(shown), told
    assert "full stop" in told[0][1], told
    assert told[0][2] == "write 'No.'"


@pytest.mark.parametrize(
    "written",
    [
        "that Nos 6 and 7 of the Constitution provide a procedure;",
        "that Nos. 9 and 10 of the Constitution provide a procedure;",
        "that the Juno 2 mission is studied;",
        "that No. 244A of the Convention provides a procedure;",
    ],
)
def test_control_no_as_written(tmp_path: Path, written: str) -> None:
    assert _told(tmp_path, first=written) == []


@pytest.mark.parametrize("mark", [";", ":"])
def test_no_with_its_stop_typed_as_an_end_mark_is_not_a_label(tmp_path: Path, mark: str) -> None:
    # ("No; 53": not a clause 53 run into the text by a conversion)
    told = _told(tmp_path, first=f"that No{mark} 53 of the Constitution provides it;")
    assert [(r, m.startswith(f"'No{mark}'")) for r, m, _ in told] == [("punctuation", True)], told


def test_fix_writes_no_with_its_full_stop(tmp_path: Path) -> None:
    target = _file(tmp_path, first="that No 244 of the Convention provides a procedure;")
    run_cli("check", "--no-cache", "--fix", str(target))
    assert "that No. 244 of the Convention" in target.read_text(encoding="utf-8")


# --- an annex's paragraph ----------------------------------------------------------


@pytest.mark.parametrize(
    ("end", "found"),
    [("", "ends with no mark"), (";", "ends with ';'"), (",", "ends with ','")],
)
@pytest.mark.parametrize("at", [0, 1, 2])
def test_an_annex_paragraph_s_full_stop_lost(tmp_path: Path, end: str, found: str, at: int) -> None:
    paragraphs = list(PARAGRAPHS)
    paragraphs[at] = paragraphs[at][:-1] + end
    told = _told(tmp_path, paragraphs=paragraphs)
    assert [r for r, _, _ in told] == ["punctuation"], told
    assert told[0][1].startswith(f"paragraph {at + 1} of 'ANNEX TO RESOLUTION…' {found}"), told
    assert "expected '.'" in told[0][1]


@pytest.mark.parametrize(
    "paragraphs",
    [
        # (titles between paragraphs)
        ["Introduction", PARAGRAPHS[0], "Goal 1: Growth", PARAGRAPHS[1]],
        # (a table's figures)
        [PARAGRAPHS[0], PARAGRAPHS[1], "Total for the years 2020 and 2021 160 965"],
        # (a list its authors wrote without marks)
        [
            "a strong brand with a good reputation among members",
            "partnerships with key stakeholders and established collaborations",
            "a neutral and inclusive platform for all of its members",
        ],
        # (two paragraphs: no agreement to judge by)
        [PARAGRAPHS[0], "The distribution of tasks shall be made in each study group"],
        # (a list follows)
        [PARAGRAPHS[0], "The following criteria shall apply to each of the groups:", PARAGRAPHS[1]],
    ],
)
def test_control_an_annex_s_lists_as_written(tmp_path: Path, paragraphs: list[str]) -> None:
    assert [r for r, _, _ in _told(tmp_path, paragraphs=paragraphs)] == []


def test_a_french_annex_paragraph(tmp_path: Path) -> None:
    paragraphs = list(FRENCH)
    paragraphs[1] = paragraphs[1].rstrip(".")
    told = _told(tmp_path, "fr", paragraphs=paragraphs)
    assert [r for r, _, _ in told] == ["punctuation"], told
    assert told[0][1].startswith("paragraph 2 of 'ANNEXE À LA…' ends with no mark"), told


# --- a word twice ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("annex", "word"),
    [
        ("ANNEX TO TO RESOLUTION 34 (REV. DUBAI, 2018)", "TO"),
        ("ANNEX ANNEX TO RESOLUTION 34 (REV. DUBAI, 2018)", "ANNEX"),
        ("ANNEX TO RESOLUTION RESOLUTION 34 (REV. DUBAI, 2018)", "RESOLUTION"),
    ],
)
def test_a_word_twice_in_a_heading_in_capitals(tmp_path: Path, annex: str, word: str) -> None:
    told = _told(tmp_path, annex=annex)
    assert [(r, m) for r, m, _ in told] == [
        ("word-duplicate", f"the word {word!r} twice in a row: '{word} {word}'")
    ], told


@pytest.mark.parametrize(
    "second",
    [
        "that that the ITU Constitution provides for it,",
        "that that a plan is adopted,",
        "that the report that that its authors wrote is adopted,",
    ],
)
def test_that_that_before_an_article(tmp_path: Path, second: str) -> None:
    told = _told(tmp_path, second=second)
    assert [(r, m) for r, m, _ in told] == [
        ("word-duplicate", "the word 'that' twice in a row: 'that that'")
    ], told


@pytest.mark.parametrize(
    "second",
    [
        "that that resolution is met,",
        "that that reliable systems are needed,",
        "that the Delegation of Cameroon, Mr EBOT EBOT, signed,",
    ],
)
def test_control_that_that_and_names_in_capitals(tmp_path: Path, second: str) -> None:
    assert _told(tmp_path, second=second) == []
