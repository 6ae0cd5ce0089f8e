"""A citation's words that end with the word that introduces the body, the
body lost after it ("[Resolution 59 (Rev. Buenos Aires, 2017) of
](wtdc:59@2017)", "… de la](pp:123@2010)"), passed silently. Now one
warning of reference-text at that word, with the body the target cites
named as the file's language names it."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import resolution, write
from tests.test_fix import _corpus

CITED = "[la Résolution\u00a0123 (Rév. Guadalajara, 2010) de la Conférence de plénipotentiaires]"


@pytest.mark.parametrize(
    ("written", "word"),
    [
        ("[la Résolution\u00a0123 (Rév. Guadalajara, 2010) de la]", "de la"),
        ("[la Résolution\u00a0123 (Rév. Guadalajara, 2010) de ]", "de"),
        ("[la Résolution\u00a0123 (Rév. Guadalajara, 2010) du]", "du"),
    ],
)
def test_in_french_the_body_lost_is_told(tmp_path: Path, written: str, word: str) -> None:
    target, _ = _corpus(tmp_path, [(CITED, written)])
    found = check_paths([target]).diagnostics
    right = "la Résolution\u00a0123 (Rév. Guadalajara, 2010) de la Conférence de plénipotentiaires"
    assert [(d.rule, d.help) for d in found] == [
        ("reference-text", f"write {right!r}, as the target cites")
    ], found
    assert f"end with {word!r}: what followed it is lost" in found[0].message


def _english(tmp_path: Path, citation: str) -> list[tuple[str, str, str | None]]:
    data = resolution()
    data["preamble"][0]["items"][0]["text"] = f"that {citation} applies;"
    target = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    return [(d.rule, d.message, d.help) for d in check_paths([target]).diagnostics]


@pytest.mark.parametrize(
    ("citation", "right"),
    [
        (
            "[Resolution 59 (Rev. Hyderabad, 2010) of ](wtdc:59@2010)",
            "Resolution 59 (Rev. Hyderabad, 2010) of WTDC",
        ),
        (
            "[Resolution 57 (Rev. Dubai, 2012) of the](wtsa:57@2012)",
            "Resolution 57 (Rev. Dubai, 2012) of WTSA",
        ),
        ("[Resolution 71 of](pp:71)", "Resolution 71 of the Plenipotentiary Conference"),
    ],
)
def test_in_english(tmp_path: Path, citation: str, right: str) -> None:
    found = _english(tmp_path, citation)
    assert [(r, h) for r, _, h in found] == [
        ("reference-text", f"write {right!r}, as the target cites")
    ], found


def test_a_body_with_no_name_to_write(tmp_path: Path) -> None:
    found = _english(tmp_path, "[Resolution 1 (2010) of](council:1@2010)")
    assert [(r, h) for r, _, h in found] == [
        ("reference-text", "write what follows 'of', or delete it")
    ], found


@pytest.mark.parametrize(
    "citation",
    [
        "[Resolution 59 (Rev. Buenos Aires, 2017) of WTDC](wtdc:59@2017)",
        "[Resolution 71 of the Plenipotentiary Conference](pp:71)",
        "[the Busan texts of](pp:71@2014)",  # (no number before the word)
        "[Resolution 59 (Rev. Buenos Aires, 2017)](wtdc:59@2017) of WTDC",  # (outside the words)
    ],
)
def test_control_words_not_cut(tmp_path: Path, citation: str) -> None:
    assert [m for _, m, _ in _english(tmp_path, citation) if "what followed it" in m] == []
