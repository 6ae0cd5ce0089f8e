"""A conference's place in the history written with a capital typed inside
it ("GuadaLajara"): history says the conference's spelling, and
conversion-artefact said "two words run together" of the same word. Now
history's finding alone, at the place's letters; the same word in a text is
still told there."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from tests.conftest import resolution, write


def _found(tmp_path: Path, data: dict[str, object]) -> list[tuple[str, str]]:
    target = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    return [(d.rule, d.message) for d in check_paths([target]).diagnostics]


def test_a_place_with_a_capital_inside_is_history_s_finding_alone(tmp_path: Path) -> None:
    data = resolution()
    data["history"][0]["place"] = "GuadaLajara"
    assert _found(tmp_path, data) == [
        (
            "history",
            "the place is written 'GuadaLajara'; the conference's is written 'Guadalajara'",
        )
    ]


def test_control_the_word_in_a_text_is_still_told(tmp_path: Path) -> None:
    # (a capital typed inside a word the file writes, in its history: punctuation's)
    data = resolution()
    data["preamble"][0]["items"][0]["text"] = "that the meeting in GuadaLajara helped;"
    ((rule, message),) = _found(tmp_path, data)
    assert rule == "punctuation" and "capital typed inside" in message
