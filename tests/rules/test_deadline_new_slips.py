"""A deadline whose words copy its clause's, with a slip that punctuation
tells in one of them ("theITU", "ofthe", "in2019", "30%of", "PRogress",
"ItU", "ITU.s"): deadline-mismatch also said the deadline's words were not
in the clause. The words are read past the slip, as past the others
punctuation tells: one slip, one finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import resolution, write

CLAUSE = "to report on the progress of the ITU's offices in 2019, by 30% of the Council"
WORDS = "the progress of the ITU's offices in 2019, by 30% of the Council"


def _rules(tmp_path: Path, clause: str, words: str) -> list[str]:
    data = resolution()
    data["preamble"][0]["items"][0]["text"] = (
        "that the ITU and the Council report on the progress of the offices;"
    )
    last = data["operative"][0]["clauses"][2]
    last["text"] = clause + "."
    last["deadlines"] = [{"every": "year", "text": words}]
    target = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    return [d.rule for d in check_paths([target]).diagnostics]


def test_the_words_as_written_agree(tmp_path: Path) -> None:
    assert _rules(tmp_path, CLAUSE, WORDS) == []


@pytest.mark.parametrize(
    ("right", "slip"),
    [
        ("of the ITU's", "of theITU's"),
        ("progress of the", "progress ofthe"),
        ("in 2019", "in2019"),
        ("30% of", "30%of"),
        ("the progress", "the PRogress"),
        ("the ITU's", "the ItU's"),
        ("ITU's offices", "ITU.s offices"),
    ],
)
@pytest.mark.parametrize("where", ["deadline", "clause"])
def test_a_slip_in_either_is_one_finding(tmp_path: Path, right: str, slip: str, where: str) -> None:
    clause, words = CLAUSE, WORDS
    if where == "deadline":
        words = words.replace(right, slip, 1)
    else:
        clause = clause.replace(right, slip, 1)
    assert _rules(tmp_path, clause, words) == ["punctuation"]


def test_control_words_retyped_keep_their_finding(tmp_path: Path) -> None:
    words = WORDS.replace("progress", "advance")
    assert _rules(tmp_path, CLAUSE, words) == ["deadline-mismatch"]
