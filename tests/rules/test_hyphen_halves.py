"""conversion-artefact: a word cut after its hyphen at a PDF's line break is
told as its two halves, and the help names the word to write: with its
hyphen (a compound), without it (one word cut in two), or both when the file
cannot tell."""

from __future__ import annotations

from itures.rules.artefacts import conversion_artefact
from tests.rules.build import clauses, context


def _found(language: str, texts: list[str]) -> list[tuple[str, str | None, int]]:
    """(message, help, offset) of each finding on clauses of these texts."""
    ctx = context(language, operative=[clauses(texts, language=language)])
    return [
        (f.message, f.help, f.offset) for f in conversion_artefact(ctx) if f.path[0] == "operative"
    ]


def test_the_message_names_both_halves_and_the_help_the_word() -> None:
    text = "to follow the UNGA high- level meeting, with the Secretary- General;"
    found = _found("en", [text])
    assert found == [
        (
            "'high-' and 'level': one word cut apart at a line break of the PDF the text was "
            "converted from",
            "join 'level' to 'high-', keeping the hyphen: 'high-level'",
            text.index("- level") + 1,
        ),
        (
            "'Secretary-' and 'General': one word cut apart at a line break of the PDF the "
            "text was converted from",
            "join 'General' to 'Secretary-', keeping the hyphen: 'Secretary-General'",
            text.index("- General") + 1,
        ),
    ]


def test_a_letter_alone_before_the_hyphen() -> None:
    assert [h for _, h, _ in _found("en", ["to recycle e- waste (e- government);"])] == [
        "join 'waste' to 'e-', keeping the hyphen: 'e-waste'",
        "join 'government' to 'e-', keeping the hyphen: 'e-government'",
    ]


def test_french_the_file_tells_a_word_cut_in_two_from_a_compound() -> None:
    found = _found(
        "fr",
        [
            "de soutenir les pays en dévelop- pement et l'auto- évaluation;",
            "d'aider les pays en développement à mener leur auto-évaluation;",
            "de mener des recherches inter- disciplinaires, pour l'UIT- D;",
        ],
    )
    assert [h for _, h, _ in found] == [
        "join 'pement' to 'dévelop-' without the hyphen: 'développement'",
        "join 'évaluation' to 'auto-', keeping the hyphen: 'auto-évaluation'",
        "join 'disciplinaires' to 'inter-': 'inter-disciplinaires' if the hyphen is the "
        "word's, 'interdisciplinaires' if the line break cut one word in two",
    ]


def test_the_halves_stop_at_a_slash_and_at_punctuation() -> None:
    found = _found("en", ["to elect the chairmen/vice- chairmen (Inter- Sectoral)."])
    assert [h for _, h, _ in found] == [
        "join 'chairmen' to 'vice-', keeping the hyphen: 'vice-chairmen'",
        "join 'Sectoral' to 'Inter-', keeping the hyphen: 'Inter-Sectoral'",
    ]
