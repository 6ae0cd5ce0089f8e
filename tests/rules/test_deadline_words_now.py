"""deadline-mismatch: a deadline whose words its clause no longer has (the
clause revised, the deadline not): when the clause's words now set one
deadline, the help says the words to write, and the data they say where it
differs; else it asks the editor to find them."""

from __future__ import annotations

from typing import Any

from itures.rules.actors import deadline_mismatch
from tests.rules.build import clauses, context

GENERIC = (
    "write in 'text' the words of the clause that set the deadline, and check the deadline's "
    "data against them"
)


def _help(text: str, *deadlines: dict[str, Any], language: str = "en") -> str | None:
    section = clauses(["x"], verb="instructs", heading="instructs the Secretary-General")
    section["clauses"] = [{"label": "1", "text": text, "deadlines": list(deadlines)}]
    found = list(deadline_mismatch(context(language, operative=[section])))
    assert all("are not in the text of its clause" in f.message for f in found)
    return found[0].help


YEARLY = {"every": "year", "report_to": "council", "text": "annually to the Council"}


def test_a_revised_frequency_is_told_with_its_words_and_data() -> None:
    revised = "de faire rapport tous les deux ans au Conseil sur la mise en oeuvre."
    french = {**YEARLY, "text": "chaque année au Conseil"}
    assert _help(revised, french, language="fr") == (
        "write 'text: tous les deux ans au Conseil' and every: two-years, report_to: council, "
        "as the clause's words now say"
    )


def test_words_retyped_that_say_the_same_are_told_the_words_alone() -> None:
    assert _help("to report annually to the ITU Council on the work.", YEARLY) == (
        "write 'text: annually to the ITU Council', as the clause's words now say"
    )


def test_what_cannot_be_told_is_left_to_the_editor() -> None:
    # words that set no deadline now, or two; two deadlines listed
    assert _help("to report on the work.", YEARLY) == GENERIC
    assert (
        _help(
            "to report annually to the ITU Council and to the next plenipotentiary conference.",
            YEARLY,
        )
        == GENERIC
    )
    two = {"event": "next-pp", "report_to": "pp", "text": "to the next conference"}
    assert _help("to report annually to the ITU Council on the work.", YEARLY, two) == GENERIC


def _found(text: str, *deadlines: dict[str, Any], language: str = "en") -> Any:
    section = clauses(["x"], verb="instructs", heading="instructs the Secretary-General")
    section["clauses"] = [{"label": "1", "text": text, "deadlines": list(deadlines)}]
    (found,) = deadline_mismatch(context(language, operative=[section]))
    return found


def test_a_word_retyped_in_the_clause_or_the_deadline_is_named() -> None:
    french = {**YEARLY, "text": "chaque année au Conseil de l'UIT"}
    f = _found(
        "de faire rapport chaque année au Comité de l'UIT sur ce point.", french, language="fr"
    )
    # (a word retyped, not misspelt: "Consiel" is word-spelling's, which the
    # deadline's words are read past)
    assert f.message == (
        "the deadline's words \"chaque année au Conseil de l'UIT\" are not in the text of its "
        'clause, which writes "chaque année au Comité de l\'UIT": one of the two was retyped'
    )
    assert f.help == (
        "write 'Conseil' for 'Comité' in the clause, or the other way round in the deadline's "
        "words, whichever is wrong"
    )
    # (the clause's words shown under the finding)
    (clause,) = f.related
    assert clause.path == ("operative", 0, "clauses", 0, "text")
    assert (clause.offset, clause.length) == (
        len("de faire rapport "),
        len("chaque année au Comité de l'UIT"),
    )
    # a retyped word that makes the clause say another time than the data: the
    # clause's words now, with their data
    biennial = {**YEARLY, "every": "two-years", "text": "biennially to the ITU Council"}
    f = _found("to report annually to the ITU Council on the work.", biennial)
    assert "which writes" not in f.message
    assert f.help == (
        "write 'text: annually to the ITU Council' and every: year, report_to: council, as the "
        "clause's words now say"
    )


def test_words_changed_more_than_one_in_four_or_in_two_places_are_not_a_retyped_word() -> None:
    two = {**YEARLY, "text": "each year to the Council"}
    assert "which writes" not in _found("to report annually to the Council.", two).message
    twice = {**YEARLY, "text": "annually to the Board"}
    text = "to report annually to the Council, and annually to the Bureau."
    assert "which writes" not in _found(text, twice).message
