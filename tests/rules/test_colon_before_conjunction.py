"""punctuation: a ':' before "and" or "or" in running text ("the
secretariats: and with those of external entities"; "et", "ou" in French,
"y", "o" in Spanish): a ',' typed as ':' (neighbours on a French keyboard).
Before, it passed silently; no English text of the PP-18 Final Acts writes
one."""

from __future__ import annotations

from itures.rules.punctuation import punctuation
from tests.rules.build import clauses, context, items

COLON = "a ':' before"


def _found(*written: str, language: str = "en") -> list[tuple[str, str | None]]:
    headings = {"fr": ("considérant", "décide"), "es": ("considerando", "resuelve")}
    preamble, operative = headings.get(language, (None, None))
    ctx = context(
        language,
        preamble=[items(list(written), heading=preamble)],
        operative=[clauses(["to act."], heading=operative)],
    )
    out = []
    for f in punctuation(ctx):
        if f.message.startswith(COLON):
            out.append((f.message.split(": a colon")[0], f.help))
    return out


def test_a_colon_before_a_conjunction_in_three_languages() -> None:
    told = _found(
        "that the secretariats: and with those of external entities, coordinate;",
        "that the Sectors: or their groups act,",
    )
    assert [m for m, _ in told] == ["a ':' before 'and'", "a ':' before 'or'"]
    assert told[0][1] == "write the mark the sentence needs for the ':', a ',' or none"
    # French, with or without the blank French writes before ':'
    told = _found(
        "que les secrétariats : et ceux des entités extérieures coordonnent;",
        "que les Secteurs: ou leurs groupes agissent,",
        language="fr",
    )
    assert [m for m, _ in told] == ["a ':' before 'et'", "a ':' before 'ou'"]
    told = _found("que las secretarías: y las de otras entidades coordinen,", language="es")
    assert [m for m, _ in told] == ["a ':' before 'y'"]


def test_what_is_left_alone() -> None:
    assert (
        _found(
            # what a colon announces, a time, a numbered note, a conjunction
            # in capitals, a colon before "and" inside a word
            "that the following applies: the plan and the budget;",
            "that at 10:30 and at 11:00 the groups meet;",
            "that Note 1: and the others apply;",
            "that its title reads: AND NOW;",
            "that the mailto:andrew address works,",
        )
        == []
    )


def test_a_colon_before_a_relative_pronoun() -> None:
    told = _found(
        "that No. 224 of the Constitution: which indicates the procedure, applies;",
        "that the Members: whose proposals are due, act,",
    )
    assert [m for m, _ in told] == ["a ':' before 'which'", "a ':' before 'whose'"]
    told = _found("que le plan : dont les objectifs sont connus, s'applique;", language="fr")
    assert [m for m, _ in told] == ["a ':' before 'dont'"]
    told = _found("que el plan: cuyos objetivos se conocen, se aplica,", language="es")
    assert [m for m, _ in told] == ["a ':' before 'cuyos'"]


def test_control_a_colon_before_what_it_announces() -> None:
    # (Spanish "que", which a colon may announce; a quoted word "which")
    assert _found("que el plan dispone: que los Estados actúen,", language="es") == []
    assert _found("that the word reads: 'which' in the text,") == []
