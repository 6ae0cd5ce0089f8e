"""deadline-mismatch and actor-mismatch read a clause's words past the
slips other rules report in them: an invisible character or a ligature
(conversion-artefact), another apostrophe or a blank beside a mark
(punctuation), a word written twice (word-duplicate), an abbreviation of
another language (text-language). The slip is one finding, the other
rule's, with its fix, and not also "the deadline's words are not in the
text" or "the words address bdt". With that rule turned off, the slip is
the reader's."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from itures.config import Config
from itures.corpus import check_paths
from tests.rules.build import clauses, data

FRENCH = "chaque année au Conseil de l'UIT"
ENGLISH = "annually to the ITU Council"


def _rules(
    tmp_path: Path,
    language: str,
    text: str,
    words: str | None,
    actors: tuple[str, ...] = ("secretary-general",),
    **config: Any,
) -> list[str]:
    """The rules of the findings of a check of a file whose one clause has
    ``text``, ``actors`` and a yearly deadline to the Council written
    ``words`` (None: no deadline)."""
    section = clauses(["x"], language=language)
    clause: dict[str, Any] = {"label": "1", "text": text, "actors": list(actors)}
    if words is not None:
        clause["deadlines"] = [{"every": "year", "report_to": "council", "text": words}]
    section["clauses"] = [clause]
    place = "Dubaï" if language == "fr" else "Dubai"
    history = [{"event": "adopted", "place": place, "year": 2018}]
    content = data(language, operative=[section], history=history)
    shutil.rmtree(tmp_path / "resolutions", ignore_errors=True)
    path = tmp_path / "resolutions" / "pp" / "1" / f"{language}.yaml"
    path.parent.mkdir(parents=True)
    with path.open("w", encoding="utf-8") as out:
        YAML().dump(content, out)
    result = check_paths([tmp_path / "resolutions"], Config(**config))
    assert not result.failures
    return sorted(d.rule for d in result.diagnostics)


FRENCH_SLIPS = {
    # (the clause's words as slipped, the rule that reports the slip)
    "a zero-width space": ("chaque année au Con\u200bseil de l'UIT", "conversion-artefact"),
    "a soft hyphen": ("chaque an\u00adnée au Conseil de l'UIT", "conversion-artefact"),
    "a blank after the apostrophe": ("chaque année au Conseil de l' UIT", "punctuation"),
    "a word twice": ("chaque année au au Conseil de l'UIT", "word-duplicate"),
    "ITU's English abbreviation": ("chaque année au Conseil de l'ITU", "text-language"),
    "two letters swapped": ("chaque année au Conseil de l'UTI", "punctuation"),
    "an elision's apostrophe lost": ("chaque année au Conseil de lUIT", "punctuation"),
}


@pytest.mark.parametrize("slip", sorted(FRENCH_SLIPS))
def test_a_slip_another_rule_reports_is_one_finding(tmp_path: Path, slip: str) -> None:
    written, rule = FRENCH_SLIPS[slip]
    text = f"de prier le Secrétaire général de faire rapport {written} sur ce point."
    assert _rules(tmp_path, "fr", text, FRENCH) == [rule]
    # that rule turned off: the deadline's words are not in the clause
    assert _rules(tmp_path, "fr", text, FRENCH, ignore=frozenset({rule})) == ["deadline-mismatch"]


def test_slips_in_the_deadline_words_are_read_past_too(tmp_path: Path) -> None:
    # a ligature, in the clause or in the deadline's words
    words = "annually to the ITU Council on its findings"
    text = f"to report {words}."
    for clause, deadline in (
        (text.replace("fi", "\ufb01"), words),
        (text, words.replace("fi", "\ufb01")),
    ):
        assert _rules(tmp_path, "en", clause, deadline) == ["conversion-artefact"]
        off = frozenset({"conversion-artefact"})
        assert _rules(tmp_path, "en", clause, deadline, ignore=off) == ["deadline-mismatch"]
    # a mark without its blank
    glued = "to report annually,to the ITU Council on the work."
    assert _rules(tmp_path, "en", glued, "annually, to the ITU Council") == ["punctuation"]
    # the deadline's words written with an apostrophe of another kind than the clause's
    french = "de faire rapport chaque année au Conseil de l'UIT sur ce point."
    assert _rules(tmp_path, "fr", french, "chaque année au Conseil de l\u2019UIT") == [
        "punctuation"
    ]


def test_a_retype_no_other_rule_reports_stays_deadline_mismatch(tmp_path: Path) -> None:
    # ("Conseill", a retype here before, is word-spelling's now: the last
    # letter typed twice, the file writing "Conseil")
    for written in ("chaque année au conseil de l'UIT", "chaque année au Conseil de l'Union"):
        text = f"de faire rapport {written} sur ce point."
        assert _rules(tmp_path, "fr", text, FRENCH) == ["deadline-mismatch"]
    # French's abbreviation in an English file: text-language's, read past
    text = "to report annually to the UIT Council on the work."
    assert _rules(tmp_path, "en", text, ENGLISH) == ["text-language"]


def test_an_actor_named_with_a_slip_is_read_past(tmp_path: Path) -> None:
    name = "le Directeur du Bureau de développement des télécommunications"
    for written, rule in (
        (name.replace("Directeur", "Direc\u00adteur"), "conversion-artefact"),
        (name.replace("Directeur", "Direc\u200bteur"), "conversion-artefact"),
    ):
        text = f"d'inviter {written} à continuer ses travaux."
        assert _rules(tmp_path, "fr", text, None, ("bdt-director",)) == [rule], written
        off = frozenset({rule})
        assert _rules(tmp_path, "fr", text, None, ("bdt-director",), ignore=off) == [
            "actor-mismatch"
        ], written
    # the actor the words name is not the one listed: still actor-mismatch's
    text = f"d'inviter {name} à continuer ses travaux."
    assert _rules(tmp_path, "fr", text, None, ("tsb-director",)) == ["actor-mismatch"]


def test_an_abbreviation_whose_parenthesis_lost_its_partner_is_read_with_it(
    tmp_path: Path,
) -> None:
    """ "le Directeur du Bureau de la normalisation des télécommunications
    (TSB et le Directeur du Bureau des radiocommunications": punctuation's
    unclosed parenthesis alone, not also "the words name the partner tsb"."""
    right = (
        "d'inviter le Directeur du BDT, en collaboration avec le Secrétaire général, le "
        "Directeur du Bureau de la normalisation des télécommunications (TSB) et le "
        "Directeur du Bureau des radiocommunications à continuer."
    )

    def found(text: str, **config: Any) -> list[str]:
        shutil.rmtree(tmp_path / "resolutions", ignore_errors=True)
        section = clauses(["x"], language="fr")
        partners = ["secretary-general", "tsb-director", "br-director"]
        section["clauses"] = [
            {"label": "1", "text": text, "actors": ["bdt-director"], "partners": partners}
        ]
        history = [{"event": "adopted", "place": "Dubaï", "year": 2018}]
        path = tmp_path / "resolutions" / "pp" / "1" / "fr.yaml"
        path.parent.mkdir(parents=True)
        with path.open("w", encoding="utf-8") as out:
            YAML().dump(data("fr", operative=[section], history=history), out)
        result = check_paths([tmp_path / "resolutions"], Config(**config))
        return sorted(d.rule for d in result.diagnostics)

    assert found(right) == []
    for slipped in (right.replace("(TSB)", "(TSB"), right.replace("(TSB)", "TSB)")):
        assert found(slipped) == ["punctuation"], slipped
        # punctuation turned off: the reader's, as before
        assert found(slipped, ignore=frozenset({"punctuation"})) == ["actor-mismatch"], slipped


def test_an_elision_lost_before_a_small_letter_is_read_past(tmp_path: Path) -> None:
    """ "lexamen" where the deadline's words write "l'examen": punctuation's
    lost elision alone (the file's own words its evidence), not also "the
    deadline's words are not in the text"."""
    words = "chaque année au Conseil après l'examen"
    text = "de faire rapport chaque année au Conseil après lexamen des travaux."
    assert _rules(tmp_path, "fr", text, words) == ["punctuation"]
    assert _rules(tmp_path, "fr", text, words, ignore=frozenset({"punctuation"})) == [
        "deadline-mismatch"
    ]
