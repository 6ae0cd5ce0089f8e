"""Two words the file writes, run together, the second with its capital,
the first shorter than conversion-artefact reads ("leDirecteur",
"laConférence"): punctuation said "a capital typed inside the word" and
advised 'ledirecteur', a word of no text; actor-mismatch also said the
clause addressed the Bureau, not its Director. Now one finding, with the
blank to write, which ``--fix`` writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import SEED_YAML, run_cli
from tests.test_fix import _corpus

CLAUSE = "d'inviter le Directeur du BDT à rendre"


@pytest.mark.parametrize(
    ("old", "new", "right"),
    [
        (CLAUSE, CLAUSE.replace("le Directeur", "leDirecteur"), "le Directeur"),
        (
            "et le Secrétariat général de l'Union",
            "et le Secrétariat général de l'Union".replace("le Secrétariat", "leSecrétariat"),
            "le Secrétariat",
        ),
    ],
)
def test_one_finding_with_the_blank_to_write(
    tmp_path: Path, old: str, new: str, right: str
) -> None:
    target, _ = _corpus(tmp_path, [(old, new)])
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.help) for d in found] == [("punctuation", f"write {right!r}")], found
    assert "two words run together" in found[0].message
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == SEED_YAML.read_text(encoding="utf-8")


def test_control_a_capital_typed_inside_a_word_is_still_that(tmp_path: Path) -> None:
    # ('Di' is no word of the file: the capital typed, the word 'Directeur')
    target, _ = _corpus(tmp_path, [(CLAUSE, CLAUSE.replace("Directeur", "DiRecteur"))])
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.help) for d in found] == [("punctuation", "write 'Directeur'")], found
