"""text-language: a Sector's abbreviation written as another language writes
it ("l'ITU-D" in a French text, "the UIT-T" in an English one): copied from
another language version. One finding a text, with each form to write; a
text that reads as another language as a whole is that finding alone."""

from __future__ import annotations

from typing import Any

from itures.rules.languages import text_language
from tests.rules.build import clauses, context, items

HEADING = {"fr": "considérant", "en": "considering", "es": "considerando", "ru": "учитывая"}


def _found(*texts: str, language: str) -> list[Any]:
    preamble = [items(list(texts), heading=HEADING[language])]
    operative = [clauses(["agir;", "fin."], language=language if language != "ru" else "en")]
    return list(text_language(context(language, preamble=preamble, operative=operative)))


def test_the_english_form_in_a_french_text_is_told_with_the_french_one() -> None:
    text = "que les commissions d'études de l'ITU-D et de l'ITU\u2011T travaillent avec l'UIT-R,"
    (f,) = _found("que le plan est adopté;", text, language="fr")
    assert f.path == ("preamble", 0, "items", 1, "text")
    # (from the first to the last: a quick fix writes each)
    assert (f.offset, f.length) == (
        text.index("ITU-D"),
        text.index(" travaillent") - text.index("ITU-D"),
    )
    assert f.message == (
        "'ITU-D', 'ITU\u2011T': the Sector's name in 'en'; the file's language, 'fr', writes "
        "'UIT-D', 'UIT-T'"
    )
    assert f.help == "write 'UIT-D' for 'ITU-D', 'UIT-T' for 'ITU\u2011T'"


def test_the_french_form_in_english_and_spanish_texts() -> None:
    (en,) = _found("that the work of UIT-T goes on,", "that ITU-D helps;", language="en")
    assert en.help == "write 'ITU-T' for 'UIT-T'"
    (es,) = _found("que el trabajo del ITU-R continúa,", "que la UIT-D ayuda;", language="es")
    assert es.help == "write 'UIT-R' for 'ITU-R'"


def test_what_is_not_a_sector_name_in_another_language_is_left_alone() -> None:
    # the file's own form, longer names, and a Russian file (which may write
    # the Latin form)
    assert (
        _found("que l'UIT-D et le GCDT travaillent,", "que l'ITU-DX existe;", language="fr") == []
    )
    assert _found("с учетом работы ITU-D и UIT-T,", "и далее;", language="ru") == []


def test_a_text_that_reads_as_english_is_that_finding_alone() -> None:
    pasted = (
        "that the study groups of the ITU-D and the work of the Bureau are to be "
        "coordinated with the other Sectors of the Union,"
    )
    found = _found("que le plan est adopté;", pasted, language="fr")
    assert len(found) == 1
    assert "reads as 'en'" in found[0].message


def test_a_part_that_reads_as_english_holds_its_sector_names() -> None:
    part = "to keep the ITU-D study groups informed of the latest developments"
    text = f"{part} en matière de normalisation, conformément aux travaux de l'ITU-T;"
    found = _found("que le plan est adopté;", text, language="fr")
    assert [f.message.split(" (")[0] for f in found] == [
        "part of this text reads as 'en'",
        "'ITU-T': the Sector's name in 'en'; the file's language, 'fr', writes 'UIT-T'",
    ]


def test_citations_quotations_and_designations_are_left_to_what_reads_them() -> None:
    assert (
        _found(
            "que [la Résolution ITU-D 9](wtdc:9) et le rapport « ITU-D Study Groups » existent,",
            "que la Recommandation ITU-T Q.1706 et ITU-R BT.500 sont publiées;",
            language="fr",
        )
        == []
    )
