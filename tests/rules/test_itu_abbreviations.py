"""text-language: an abbreviation of ITU's groups and conferences, or the
Union's own, written as another language writes it ("le TDAG", "la
WTSA-20", "l'ITU" in a French text; "the GCDT" in an English one): copied
from another language version. One finding a text, with each form to
write, the Sectors' names of the text in it; the forms come from the
vocabulary."""

from __future__ import annotations

from typing import Any

from itures.model.vocabulary import vocabulary
from itures.rules.languages import text_language
from tests.rules.build import clauses, context, items

HEADING = {"fr": "considérant", "en": "considering", "es": "considerando"}


def _found(*texts: str, language: str) -> list[Any]:
    preamble = [items(list(texts), heading=HEADING[language])]
    operative = [clauses(["agir;", "fin."], language=language)]
    return list(text_language(context(language, preamble=preamble, operative=operative)))


def test_the_english_forms_in_a_french_text_are_told_with_the_french_ones() -> None:
    text = "que le TDAG, la WTSA-20 et le Conseil de l'ITU examinent ce rapport,"
    (f,) = _found("que le plan est adopté;", text, language="fr")
    assert f.path == ("preamble", 0, "items", 1, "text")
    assert f.message == (
        "'TDAG', 'WTSA-20', 'ITU': written as 'en' writes it; the file's language, 'fr', writes "
        "'GCDT', 'AMNT-20', 'UIT'"
    )
    assert f.help == "write 'GCDT' for 'TDAG', 'AMNT-20' for 'WTSA-20', 'UIT' for 'ITU'"
    # (from the first to the last: a quick fix writes each)
    assert (f.offset, f.length) == (text.index("TDAG"), text.index(" examinent") - 7)


def test_each_language_is_told_the_languages_that_write_a_form() -> None:
    (en,) = _found("that the GCDT and the UIT go on,", "that it helps;", language="en")
    assert en.message == (
        "'GCDT', 'UIT': written as 'fr, es' writes it; the file's language, 'en', writes "
        "'TDAG', 'ITU'"
    )
    # Spanish writes 'CMDT' as French does: its own form; 'GCDT' is French's alone
    (es,) = _found("que el GCDT y la CMDT trabajan,", "que ayuda;", language="es")
    assert es.help == "write 'GADT' for 'GCDT'"


def test_the_abbreviations_of_what_the_texts_name_besides_actors() -> None:
    (fr,) = _found("que les ICTs, le WSIS et les LDC progressent,", "fin;", language="fr")
    assert fr.help == "write 'TIC' for 'ICTs', 'SMSI' for 'WSIS', 'PMA' for 'LDC'"
    (en,) = _found("the outcomes of the Summit (SMSI) and the PEID,", "end;", language="en")
    assert en.help == "write 'WSIS' for 'SMSI', 'SIDS' for 'PEID'"
    assert _found("que les TIC, le SMSI et les PMA progressent,", "fin;", language="fr") == []


def test_a_sector_name_and_an_abbreviation_make_one_finding() -> None:
    (f,) = _found("que l'ITU-D et le TSAG travaillent,", "fin;", language="fr")
    assert f.help == "write 'UIT-D' for 'ITU-D', 'GCNT' for 'TSAG'"
    assert f.message.startswith("'ITU-D', 'TSAG': written as 'en' writes it")


def test_what_is_no_abbreviation_of_another_language_is_left_alone() -> None:
    assert (
        _found(
            # the file's own forms; the form inside a longer word or name; an event's
            # name that every language writes; a quotation; a citation's words
            "que le GCDT, la CMR-19, le BDT et l'UIT travaillent avec le XTDAG et TDAGS,",
            "que ITU Telecom World et le rapport « TDAG 2019 » et [le rapport du TDAG](pp:1) "
            "existent;",
            language="fr",
        )
        == []
    )
    # two letters ('RA', 'AR'): the words of other things too
    assert _found("that AR and VR applications grow,", "fin;", language="en") == []


def test_the_forms_come_from_the_vocabulary() -> None:
    french = vocabulary().foreign_abbreviations("fr")
    assert french["TDAG"] == ("en", "GCDT")
    assert french["GADT"] == ("es", "GCDT")
    assert "CMDT" not in vocabulary().foreign_abbreviations("es")  # (Spanish's own too)
    assert "RA" not in french and "BDT" not in french
    assert vocabulary().foreign_abbreviations("ru") == {}
