"""A section's heading whose verb is run together with the next word
("invitesMember States"): conversion-artefact says the two words run
together, and heading-mismatch also said the heading was no heading of
'invites'. The heading is now read past that slip, as actor-mismatch reads
it; a heading of another verb is still said to be one."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from tests.conftest import resolution, write


def _found(tmp_path: Path, verb: str, heading: str) -> list[tuple[str, str]]:
    data = resolution()
    data["operative"][0]["clauses"][2]["text"] = "to report on the progress made every year,"
    data["operative"].append(
        {
            "verb": verb,
            "heading": heading,
            "actors": ["member-states"],
            "clauses": [{"label": "1", "text": "to take part in this work."}],
        }
    )
    target = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    return [(d.rule, d.message) for d in check_paths([target]).diagnostics]


def test_control_the_heading_written_right(tmp_path: Path) -> None:
    assert _found(tmp_path, "invites", "invites Member States") == []


def test_the_verb_run_together_with_the_next_word_is_one_finding(tmp_path: Path) -> None:
    found = _found(tmp_path, "invites", "invitesMember States")
    assert [rule for rule, _ in found] == ["conversion-artefact"], found


def test_control_a_heading_of_another_verb_run_together_is_still_said(tmp_path: Path) -> None:
    found = _found(tmp_path, "invites", "instructsMember States")
    assert sorted(rule for rule, _ in found) == ["conversion-artefact", "heading-mismatch"], found
