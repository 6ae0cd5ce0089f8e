"""A slip of punctuation in a citation's words or target is one finding,
punctuation's or markup's: a blank before the dot of "Rev.", a dot or a
comma doubled, a colon doubled in the target. The revision the words name
is read past it (no "revision no conference made", no "'Rev' without its
dot")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from itures.config import Config
from itures.corpus import check_paths
from itures.importers.extract import read_citations
from tests.rules.build import clauses, data

RIGHT = "[Resolution 71 (Rev. Dubai, 2018) of this conference](pp:71@2018)"


def _rules(tmp_path: Path, cited: str) -> list[str]:
    shutil.rmtree(tmp_path / "resolutions", ignore_errors=True)
    path = tmp_path / "resolutions" / "pp" / "1" / "en.yaml"
    path.parent.mkdir(parents=True)
    section = clauses([f"to implement {cited} on the plan."])
    with path.open("w", encoding="utf-8") as out:
        YAML().dump(data("en", operative=[section]), out)
    result = check_paths([tmp_path / "resolutions"], Config())
    assert not result.failures
    return sorted(d.rule for d in result.diagnostics)


@pytest.mark.parametrize(
    ("slipped", "rule"),
    [
        (RIGHT.replace("Rev.", "Rev ."), "punctuation"),
        (RIGHT.replace("Rev.", "Rev.."), "punctuation"),
        (RIGHT.replace("Dubai,", "Dubai,,"), "punctuation"),
        (RIGHT.replace("pp:71", "pp::71"), "markup"),
    ],
)
def test_a_slip_in_a_citation_is_one_finding(tmp_path: Path, slipped: str, rule: str) -> None:
    assert _rules(tmp_path, RIGHT) == []
    assert _rules(tmp_path, slipped) == [rule]


def test_the_place_of_a_revision_is_read_past_a_mark_beside_it() -> None:
    for words in (
        "Resolution 71 (Rev . Dubai, 2018) of this conference",
        "Resolution 71 (Rev.. Dubai, 2018) of this conference",
        "Resolution 71 (Rev. Dubai,, 2018) of this conference",
    ):
        (reading,) = read_citations(words, "en", "pp")
        assert (reading.place, reading.year) == ("Dubai", 2018), words
