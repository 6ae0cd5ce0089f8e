"""A word written twice in a section's heading ("en coopération coopération
avec le Directeur du TSB"): word-duplicate tells it. The heading was then
read without its partner ("en coopération avec" no longer found), and
actor-mismatch said "the heading names the actors bdt-director,
tsb-director, but 'actors' lists bdt-director": advice to change data that
was right. The heading is now read past the slips other rules report, as a
clause's words already were."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.test_fix import _corpus

HEADING = "charge le Directeur du Bureau de développement des télécommunications, en coopération"


@pytest.mark.parametrize(
    "written",
    [
        HEADING.replace("en coopération", "en coopération coopération"),
        HEADING.replace("charge le", "charge le le"),
        HEADING.replace("du Bureau", "du Bureau Bureau"),
    ],
)
def test_a_word_twice_in_a_heading_is_word_duplicate_s_alone(tmp_path: Path, written: str) -> None:
    target, _ = _corpus(tmp_path, [(HEADING, written)])
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["word-duplicate"], found


def test_control_other_actors_in_the_heading_are_still_said_to_differ(tmp_path: Path) -> None:
    # (the heading names another actor: the data differs, whatever the doubled word)
    written = HEADING.replace(
        "Directeur du Bureau de développement", "Directeur du Bureau de la normalisation"
    )
    target, _ = _corpus(tmp_path, [(HEADING, written.replace("charge le", "charge le le"))])
    found = check_paths([target]).diagnostics
    assert sorted(d.rule for d in found) == ["actor-mismatch", "word-duplicate"], found
