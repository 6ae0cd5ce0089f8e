"""A text pasted from another language version and not translated is one
finding, text-language's: what the rules that read the file's language find
in it (another language's title, a noun without its accent, an end mark)
goes with its translation. With text-language turned off, they are said."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from itures.config import Config
from itures.corpus import check_paths
from tests.rules.build import clauses, data

PASTED = (
    "to request the Secretary General to report annually on the implementation of this "
    "resolution, in particular on the joint activities undertaken by the three Bureaux and "
    "any voluntary contributions received for the work"
)


def _found(tmp_path: Path, second: str, **config: Any) -> list[tuple[str, int]]:
    """(rule, line) of a check of a French file whose second clause is ``second``."""
    section = clauses(
        ["de continuer les travaux;", second, "d'appliquer la présente Résolution."],
        language="fr",
    )
    content = data(
        "fr", operative=[section], history=[{"event": "adopted", "place": "Dubaï", "year": 2018}]
    )
    path = tmp_path / "resolutions" / "pp" / "1" / "fr.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        YAML().dump(content, out)
    result = check_paths([tmp_path / "resolutions"], Config(**config))
    assert not result.failures
    return sorted((d.rule, d.line) for d in result.diagnostics)


def test_a_pasted_text_is_text_languages_finding_alone(tmp_path: Path) -> None:
    (only,) = _found(tmp_path, PASTED)
    assert only[0] == "text-language"
    off = _found(tmp_path, PASTED, ignore=frozenset({"text-language"}))
    # (the English title, the noun without its accent, the clause's end mark)
    assert [rule for rule, _ in off] == ["punctuation"] * 3


def test_a_slip_beside_a_pasted_part_is_still_said(tmp_path: Path) -> None:
    # a French clause: its slip is punctuation's
    french = "de prier le secrétaire général de faire rapport sur la mise en oeuvre;"
    assert [rule for rule, _ in _found(tmp_path, french)] == ["punctuation"]


def test_a_part_pasted_into_a_text_is_text_languages_finding_alone(tmp_path: Path) -> None:
    part = (
        "de continuer les travaux sur ce point, to request the Secretary General to report "
        "annually to the Council on the implementation of this resolution and of the plan,"
        " et de faire rapport;"
    )
    rules = [rule for rule, _ in _found(tmp_path, part)]
    assert rules == ["text-language"]
    # (the English title, the noun without its accent, both inside the part)
    off = _found(tmp_path, part, ignore=frozenset({"text-language"}))
    assert [rule for rule, _ in off] == ["punctuation", "punctuation"]
