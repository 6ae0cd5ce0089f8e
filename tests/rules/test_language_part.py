"""text-language: a part of a text in another language, in a text that as a
whole reads as the file's (a clause half translated, an English sentence
pasted into a French clause), is a finding at that part; a quotation, a
name, or a glossary of six languages is not."""

from __future__ import annotations

from itures.rules.languages import text_language
from tests.rules.build import clauses, context


def _found(text: str, language: str = "fr") -> list[tuple[int | None, int | None, str]]:
    ctx = context(language, operative=[clauses([text, "de faire rapport."], language=language)])
    return [(f.offset, f.length, f.message) for f in text_language(ctx)]


def test_an_english_part_left_in_a_french_clause_is_found_where_it_is() -> None:
    part = "to keep the ITU-D study groups informed of the latest developments"
    text = (
        f"{part} en matière de normalisation des télécommunications, conformément aux "
        "résultats des travaux des commissions d'études de l'UIT-T;"
    )
    ((offset, length, message),) = _found(text)
    assert (offset, length) == (0, len(part))
    assert message.startswith("part of this text reads as 'en' ('the', 'to', 'of'): ")
    assert f"'{part}'" in message
    # in the middle of the clause, after its French words
    before = "de tenir informées les commissions d'études des Secteurs et, "
    ((offset, _, _),) = _found(before + text)
    assert offset == len(before)


def test_a_french_part_in_an_english_clause_is_found_too() -> None:
    part = (
        "de mener périodiquement des travaux pour identifier les normes techniques adoptées "
        "et les recommandations"
    )
    text = f"to ensure that the Director continues {part} by the study groups;"
    found = _found(text, "en")
    assert [(o, m.split(":")[0]) for o, _, m in found] == [
        # (from its first word of French: 'de' and 'mener' may be either's)
        (text.index("des travaux"), "part of this text reads as 'fr' ('les', 'des', 'pour')")
    ]


def test_quotations_names_and_glossaries_are_not_parts_in_another_language() -> None:
    # a title quoted in English in a French clause
    assert (
        _found(
            'de prendre note du rapport "Measuring the state of the art of the digital economy" '
            "et de le diffuser auprès des membres et des organisations régionales pour leurs "
            "travaux;"
        )
        == []
    )
    # a few English words among French ones: no part reads as English
    assert (
        _found("d'inviter les membres à participer au Forum on the Internet et au Sommet mondial;")
        == []
    )
    # a table of terms in six languages run into one text: a word of another
    # script ends a part, and a few French words among many do not make one
    glossary = (
        "terms in the six official languages Activities Activités Виды деятельности Actividades "
        "Financial plan Plan financier Финансовый план Plan financiero Inputs Contributions "
        "Insumos Mission Misión Objectives Objectifs Objetivos for the strategic plan of the Union"
    )
    assert _found(glossary, "en") == []


def test_the_words_of_a_citation_are_not_a_part_in_another_language() -> None:
    # a citation's words in English in a French clause: reference-text's to say
    citation = (
        "[Resolution 71 of the Plenipotentiary Conference on the strategic plan for the "
        "Union and the financial plan](pp:71)"
    )
    assert _found(f"de mettre en œuvre {citation} et les décisions du Conseil;") == []
    # the same words outside the citation are a part in English
    words = citation[1 : citation.index("]")]
    assert [
        m.split(":")[0] for _, _, m in _found(f"de mettre en œuvre {words} et les décisions;")
    ] == ["part of this text reads as 'en' ('the', 'of', 'for')"]
