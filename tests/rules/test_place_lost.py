"""A citation's words whose revision lost its place ("(Rév., 2007)", "(Rev.
, 2014)", "(Rev. 2014)"): the place was read as none, and nothing was said.
Now reference-text's finding, with the place where the target's body met
that year; a Council resolution, cited by its year alone, is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import resolution, write
from tests.test_fix import _corpus

CITED = "(Rév.Genève, 2007)"


@pytest.mark.parametrize("written", ["(Rév., 2007)", "(Rév. , 2007)", "(Rév. 2007)"])
def test_the_place_lost_is_told_with_the_place_to_write(tmp_path: Path, written: str) -> None:
    target, _ = _corpus(tmp_path, [(CITED, written)])
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.help) for d in found] == [
        ("reference-text", "write '(Rév. Genève, 2007)'")
    ], found
    assert "without its place: RA met in Genève that year" in found[0].message


def _english(tmp_path: Path, citation: str) -> list[tuple[str, str | None]]:
    data = resolution()
    data["preamble"][0]["items"][0]["text"] = f"that {citation} applies;"
    target = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    return [(d.rule, d.help) for d in check_paths([target]).diagnostics]


def test_in_english_the_place_as_english_writes_it(tmp_path: Path) -> None:
    found = _english(tmp_path, "[Resolution 5 (Rev. , 2014) of WTDC](wtdc:5@2014)")
    assert found == [("reference-text", "write '(Rev. Dubai, 2014)'")]


def test_control_a_council_resolution_cited_by_its_year(tmp_path: Path) -> None:
    assert _english(tmp_path, "[Council Resolution 1306 (Rev. 2013)](council:1306@2013)") == []
