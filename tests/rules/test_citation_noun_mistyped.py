"""A citation's noun mistyped ("la Réésolution 123", "Resolutoin 71"): its
words were not read as a citation, and nothing was compared or said. Now
reference-text's warning at the word, with the noun to write; words that
another slip keeps from being read are left as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import resolution, write
from tests.test_fix import _corpus

NOUN = "la Résolution\u00a0123"


@pytest.mark.parametrize(
    ("written", "right"),
    [("Réésolution", "Résolution"), ("Résolutoin", "Résolution"), ("Résolutio", "Résolution")],
)
def test_the_noun_mistyped_is_told(tmp_path: Path, written: str, right: str) -> None:
    target, _ = _corpus(tmp_path, [(NOUN, NOUN.replace("Résolution", written))])
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.help) for d in found] == [("reference-text", f"write {right!r}")], found
    assert found[0].message.startswith(f"{written!r}: the noun of the citation mistyped")


def _english(tmp_path: Path, citation: str) -> list[tuple[str, str | None]]:
    data = resolution()
    data["preamble"][0]["items"][0]["text"] = f"that {citation} applies;"
    target = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    return [(d.rule, d.help) for d in check_paths([target]).diagnostics]


def test_in_english_a_plural(tmp_path: Path) -> None:
    found = _english(tmp_path, "[Resolutoins 71 and 72 (Rev. Busan, 2014)](pp:71,72@2014)")
    assert found == [("reference-text", "write 'Resolutions'")]


def test_control_words_that_name_no_resolution(tmp_path: Path) -> None:
    # (words the grammar does not read, no noun near: as before, nothing said)
    assert _english(tmp_path, "[the Busan texts of 2014](pp:71@2014)") == []
