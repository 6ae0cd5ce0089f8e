"""Two words of a name run together before its abbreviation ("the Internet
Corporation for AssignedNames and Numbers (ICANN)"): the blank lost is
conversion-artefact's finding ("two words run together"). punctuation also
said that the name's capitals spell 'ICAN', "a letter or a word lost or
added", advice about a word the text has. Now the name is read with the
two words apart, as with a word written twice ("Society Society")."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import resolution, write

NAME = "the Internet Corporation for Assigned Names and Numbers (ICANN)"


def _found(tmp_path: Path, name: str) -> list[tuple[str, str]]:
    data = resolution()
    data["preamble"][0]["items"][0]["text"] = f"that {name} and the Union cooperate;"
    target = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    return [(d.rule, d.message) for d in check_paths([target]).diagnostics]


def test_control_the_name_written_right_gives_nothing(tmp_path: Path) -> None:
    assert _found(tmp_path, NAME) == []


@pytest.mark.parametrize(
    "name",
    [
        NAME.replace("Assigned Names", "AssignedNames"),
        "the World Summit on the InformationSociety (WSIS)",
    ],
)
def test_two_words_run_together_are_one_finding(tmp_path: Path, name: str) -> None:
    found = _found(tmp_path, name)
    assert [rule for rule, _ in found] == ["conversion-artefact"], found
    assert "run together" in found[0][1]


@pytest.mark.parametrize(
    ("name", "spelt"),
    [
        # no words run together: the name spells another abbreviation
        ("the World Summit on the Information Society (WSS)", "WSIS"),
        # two small letters before the capital is no blank lost (a name's own
        # capital, "IoT"): the name read as written, a word lost
        ("the World Summit on the InSociety (WSIS)", "WSI"),
    ],
)
def test_control_a_name_that_still_disagrees_is_told(tmp_path: Path, name: str, spelt: str) -> None:
    found = _found(tmp_path, name)
    assert any(rule == "punctuation" and spelt in message for rule, message in found), found
