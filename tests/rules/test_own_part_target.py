"""markup: a citation of a part of the citing resolution written with its
fragment alone ("[le point 2 du décide](#resolves/2)"), as a link inside a
page is: the help names the target to write, with the file's own body and
number."""

from __future__ import annotations

from itures.rules.markup import check_markup
from tests.rules.build import clauses, context


def _helps(text: str) -> list[str | None]:
    section = clauses(["d'agir;", text], language="fr")
    ctx = context("fr", operative=[section], number="59")
    return [f.help for f in check_markup(ctx)]


def test_a_part_of_this_resolution_cited_by_its_fragment_is_told_the_whole_target() -> None:
    (help_,) = _helps("de rendre compte du [point 1 du décide](#resolves/1).")
    assert help_ == (
        "write the target 'pp:59#resolves/1': a citation of a part of this resolution names "
        "the resolution too"
    )
    (help_,) = _helps("d'appliquer l'[annexe 2](#annex/2) et le [décide 1](pp:59#resolves/1).")
    assert help_ is not None and "'pp:59#annex/2'" in help_


def test_another_malformed_target_keeps_its_own_help() -> None:
    (help_,) = _helps("de rendre compte du [point 1](PP 59).")
    assert help_ is not None and "this resolution" not in help_
