"""punctuation: the resolution's last text, into which a conversion merged
an operative heading and its clause ("…, invites Member States to inform
their academia …"), ends the resolution: its end is judged (a full stop
lost is told), not left with the heading to conversion-artefact. A heading
at the text's very end, its clauses lost, leaves the end unjudged."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import write

DOCUMENT = """\
body: pp
number: '9'
language: en
title: Academia
history: [{{event: adopted, place: Busan, year: 2014}}]
preamble:
  - verb: considering
    heading: considering
    items:
      - label: a)
        text: that academia contributes to the work of the Union,
operative:
  - verb: instructs
    heading: instructs the Secretary-General
    actors: [secretary-general]
    clauses:
      - label: '1'
        text: {first}
      - label: '2'
        text: {last}
"""

MERGED = (
    "to encourage the participation of academia in the work of the Union, invites Member "
    "States to inform their academia of this resolution and to support them."
)
PLAIN_FIRST = "to report to the Council;"


def _told(tmp_path: Path, first: str, last: str) -> list[tuple[str, str]]:
    target = write(
        tmp_path / "resolutions" / "pp" / "9" / "en.yaml",
        DOCUMENT.format(first=first, last=last),
    )
    return [(d.rule, d.message) for d in check_paths([target]).diagnostics]


def test_control_the_text_as_written_has_the_heading_s_finding_alone(tmp_path: Path) -> None:
    told = _told(tmp_path, PLAIN_FIRST, MERGED)
    assert [rule for rule, _ in told] == ["conversion-artefact"], told


@pytest.mark.parametrize(("end", "said"), [("", "ends with no mark"), (";", "ends with ';'")])
def test_the_last_text_s_full_stop_lost_or_changed(tmp_path: Path, end: str, said: str) -> None:
    told = _told(tmp_path, PLAIN_FIRST, MERGED[:-1] + end)
    new = [(rule, m) for rule, m in told if rule != "conversion-artefact"]
    assert len(new) == 1 and new[0][0] == "punctuation", told
    assert said in new[0][1] and "expected '.'" in new[0][1], new


def test_control_a_heading_at_the_very_end_leaves_the_end_unjudged(tmp_path: Path) -> None:
    """'…, instructs the Director of the Bureau' then nothing: the heading's
    clauses are lost, what conversion-artefact says; no end mark to ask."""
    last = (
        "to encourage academia, instructs the Director of the Telecommunication Development Bureau"
    )
    told = _told(tmp_path, PLAIN_FIRST, last)
    assert [rule for rule, _ in told] == ["conversion-artefact"], told


def test_control_a_text_not_the_last_with_a_merged_heading(tmp_path: Path) -> None:
    """A clause inside the list with a heading and its clause merged into it:
    its end is the merged section's, whose place is not known: not judged."""
    first = MERGED[:-1]
    told = _told(tmp_path, first, "to report to the Council.")
    assert not [f for f in told if f[0] == "punctuation"], told
