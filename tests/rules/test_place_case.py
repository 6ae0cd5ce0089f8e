"""A citation's place with a capital typed inside it ("(Rév. GuadaLajara,
2010)"): reference-text said the words wrote the place "as another language
writes it", which is not so, and punctuation told the capital again; in a
place of one spelling the slip was silent ("GuadalajarA"), and so was an
accent or a hyphen that no spelling of the place has ("Guadalajára"). Now
one finding, reference-text's, which says what the slip is."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.test_fix import _corpus

PLACE = "(Rév. Guadalajara, 2010)"


@pytest.mark.parametrize("written", ["GuadaLajara", "GuadalajarA", "GUadalajara"])
def test_a_capital_inside_the_place_is_one_finding_that_says_so(
    tmp_path: Path, written: str
) -> None:
    target, _ = _corpus(tmp_path, [(PLACE, f"(Rév. {written}, 2010)")])
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["reference-text"], found
    assert f"write the place '{written}' with a capital inside it" in found[0].message
    assert found[0].help == "write 'Guadalajara'"


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("guadalajara", "without its capital"),
        ("Guadalajára", "as no language writes it"),
    ],
)
def test_a_place_written_small_or_with_an_accent_of_no_spelling(
    tmp_path: Path, written: str, words: str
) -> None:
    target, _ = _corpus(tmp_path, [(PLACE, f"(Rév. {written}, 2010)")])
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["reference-text"], found
    assert words in found[0].message


def test_control_another_language_s_spelling_keeps_its_words(tmp_path: Path) -> None:
    target, _ = _corpus(tmp_path, [("(Rév.Dubaï, 2014)", "(Rév.Dubai, 2014)")])
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["reference-text"], found
    assert "as another language writes it" in found[0].message


def test_a_capital_typed_inside_a_place_the_file_writes_is_one_finding(tmp_path: Path) -> None:
    # (the file writes 'Dubaï' in other citations: punctuation read a capital
    # typed inside a word it writes, and said it too)
    target, _ = _corpus(tmp_path, [("(Rév.Dubaï, 2014)", "(Rév.DubAï, 2014)")])
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["reference-text"], found
    assert found[0].help == "write 'Dubaï'"
