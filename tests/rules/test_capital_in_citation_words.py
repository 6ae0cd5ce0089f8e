"""A capital typed inside the last word of a citation's words
("[… de la Conférence de plénipotentiAires](pp:123@2010)") passed silently:
conversion-artefact took the word's run of characters to its target's '@'
for a web address, and punctuation left the word to it as two words run
together. Now a capital typed inside a word of the names of ITU's
vocabulary is punctuation's, wherever it stands, even where the file writes
it nowhere else; two words run together ("renforcementDe") stay
conversion-artefact's."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules.artefacts import conversion_artefact
from itures.rules.punctuation import punctuation
from tests.rules.build import clauses, context, items
from tests.test_fix import _corpus

CITED = "de la Conférence de plénipotentiaires](pp:123@2010)"


def _found(tmp_path: Path, old: str, new: str) -> list[tuple[str, str]]:
    target, _ = _corpus(tmp_path, [(old, new)])
    return [(d.rule, d.message) for d in check_paths([target]).diagnostics]


def test_a_capital_typed_in_the_last_word_of_a_citation(tmp_path: Path) -> None:
    found = _found(tmp_path, CITED, CITED.replace("plénipotentiaires", "plénipotentiAires"))
    assert found == [
        (
            "punctuation",
            "'plénipotentiAires': a capital typed inside the word; ITU's texts write "
            "'plénipotentiaires'",
        )
    ], found


@pytest.mark.parametrize(
    ("old", "new", "word"),
    [
        # two words the file writes, run together before a target: told there too
        (CITED, "de la Conférence deLa](pp:123@2010)", None),
        ("renforcement de la participation", "renforcementDe la participation", "renforcementDe"),
    ],
)
def test_two_words_run_together_stay_conversion_artefact(
    tmp_path: Path, old: str, new: str, word: str | None
) -> None:
    found = _found(tmp_path, old, new)
    if word is None:
        # ("deLa": two letters before the capital, no run of words: not told as one)
        assert all(rule != "punctuation" or "capital typed" not in m for rule, m in found), found
        return
    assert [r for r, m in found if word in m] == ["conversion-artefact"], found


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a word of ITU's names, written nowhere else in the file: a capital typed
        ("que les établissemEnts universitaires agissent,", "punctuation"),
        ("que les Secteurs et la normaliSation agissent,", "punctuation"),
        # a word of no such name: two words run together, as before
        ("que les activitésDes Secteurs agissent,", "conversion-artefact"),
    ],
)
def test_a_capital_typed_in_a_word_of_itus_names(text: str, rule: str) -> None:
    ctx = context("fr", preamble=[items([text])], operative=[clauses(["d'agir."], language="fr")])
    told = [
        name
        for name, check in (
            ("punctuation", punctuation),
            ("conversion-artefact", conversion_artefact),
        )
        for f in check(ctx)
        if "capital typed" in f.message or "run together" in f.message
    ]
    assert told == [rule], told


def test_two_short_words_run_together_the_second_written_small(tmp_path: Path) -> None:
    """("laCoopération": the file writes "la" and "coopération": the blank
    lost, the capital with it; it was told to write "lacoopération")."""
    old = "sur la coopération mutuelle"
    target, _ = _corpus(tmp_path, [(old, "sur laCoopération mutuelle")])
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.help) for d in found] == [("punctuation", "write 'la coopération'")], found
