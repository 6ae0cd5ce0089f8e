"""A citation's words that name a place where the target's body did not meet
that year, a word or letters of the place lost ("(Rev. Buenos , 2017)"):
reference-text gives the place to write. What another rule read around the
place followed from the same slip and was a second finding, with advice
that kept it ("a blank before ','": "Buenos, 2017"; two blanks; a word run
into the next, 'BuenosAires'). It goes with reference-text's finding now;
a slip of its own in the marks after the place (",,") is still told."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.test_fix import _corpus

CITED = "5 (Rév.Dubaï, 2014) de la présente Conférence](wtdc:5@2014)"


def _rules(tmp_path: Path, written: str) -> list[str]:
    target, _ = _corpus(tmp_path, [(CITED, CITED.replace("(Rév.Dubaï, 2014)", written))])
    return sorted(d.rule for d in check_paths([target]).diagnostics)


@pytest.mark.parametrize(
    "written",
    [
        "(Rév.Duba , 2014)",  # letters lost, a blank left before ','
        "(Rév. Duba , 2014)",
        "(Rév.  Baï, 2014)",  # two blanks before what is left of the place
        "(Rév.Dub aï, 2014)",  # a blank typed inside the place
    ],
)
def test_a_place_mistyped_is_one_finding(tmp_path: Path, written: str) -> None:
    assert _rules(tmp_path, written) == ["reference-text"]


@pytest.mark.parametrize(
    ("written", "rules"),
    [
        # the place right: what is around it is its rule's
        ("(Rév.Dubaï , 2014)", ["punctuation"]),
        ("(Rév.  Dubaï, 2014)", ["punctuation"]),
        # two slips: the place, and a mark doubled after it
        ("(Rév.Duba,, 2014)", ["punctuation", "reference-text"]),
    ],
)
def test_control_what_the_place_does_not_explain_is_still_told(
    tmp_path: Path, written: str, rules: list[str]
) -> None:
    assert _rules(tmp_path, written) == rules
