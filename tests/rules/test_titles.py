"""punctuation: the Secretary-General's title written as another house style
writes it ("Secretary General", "Secretary – General" in English,
"Secrétaire Général" in French): one finding a text, with the form ITU's
texts write."""

from __future__ import annotations

from itures.rules.punctuation import punctuation
from tests.rules.build import clauses, context


def _found(text: str, language: str = "en") -> list[tuple[int | None, int | None, str, str | None]]:
    ctx = context(language, operative=[clauses(["x;", text], language=language)])
    return [
        (f.offset, f.length, f.message, f.help)
        for f in punctuation(ctx)
        if "write the title" in f.message
    ]


def test_the_english_title_without_its_hyphen_is_told_it() -> None:
    text = "to invite the Secretary General and the Deputy Secretary \u2013 General to act."
    ((offset, length, message, help_),) = _found(text)
    assert (offset, length) == (
        text.index("Secretary General"),
        text.index(" to act") - text.index("Secretary General"),
    )
    assert message == (
        "'Secretary General', 'Secretary \u2013 General': ITU's texts in this language write the "
        "title 'Secretary-General'"
    )
    assert help_ == (
        "write 'Secretary-General' for 'Secretary General', 'Secretary-General' for "
        "'Secretary \u2013 General'"
    )


def test_the_french_title_with_a_capital_g() -> None:
    ((_, _, message, _),) = _found("de prier le Secrétaire Général d'agir.", "fr")
    assert message.endswith("write the title 'Secrétaire général'")


def test_the_title_as_itu_writes_it_and_a_line_break_of_a_pdf_are_left_alone() -> None:
    assert _found("to invite the Secretary-General and the Deputy Secretary-General.") == []
    assert _found("to invite the Secretary\u2011General to act.") == []
    # (a hyphen then a blank: a word cut at a PDF's line break, conversion-artefact's)
    assert _found("to invite the Secretary- General to act.") == []
    assert _found("de prier le Secrétaire général d'agir.", "fr") == []
    assert _found("que el Secretario General actúe.", "es") == []


def test_the_title_in_small_letters_or_with_a_hyphen_too_many_in_each_language() -> None:
    for text, language, right in (
        ("to invite the secretary-general to act.", "en", "Secretary-General"),
        ("to invite the Secretary-general to act.", "en", "Secretary-General"),
        ("de prier le secrétaire général d'agir.", "fr", "Secrétaire général"),
        ("de prier le Secrétaire-général d'agir.", "fr", "Secrétaire général"),
        ("que el Secretario general actúe.", "es", "Secretario General"),
        ("que el secretario general actúe.", "es", "Secretario General"),
    ):
        found = _found(text, language)
        assert len(found) == 1, text
        (offset, length, message, _) = found[0]
        assert offset is not None and length is not None
        assert message.endswith(f"write the title {right!r}"), text
        assert text[offset : offset + length].lower().replace("-", " ") == right.lower().replace(
            "-", " "
        )


def test_a_deputys_title_a_plural_and_a_heading_in_capitals_are_left_alone() -> None:
    assert _found("de prier le Vice-Secrétaire général d'agir.", "fr") == []
    assert _found("que el Vicesecretario General actúe.", "es") == []
    assert _found("to invite the secretaries-general to act.") == []
    assert _found("RAPPORT DU SECRÉTAIRE GÉNÉRAL, à examiner.", "fr") == []


def test_the_title_as_another_language_writes_it() -> None:
    for text, language, right in (
        ("de prier le Secretary-General d'agir.", "fr", "Secrétaire général"),
        ("que el Secretary-General actúe.", "es", "Secretario General"),
        ("to invite the Secrétaire général to act.", "en", "Secretary-General"),
        ("to invite the Secretario General to act.", "en", "Secretary-General"),
        ("de prier le Secretario General d'agir.", "fr", "Secrétaire général"),
    ):
        ((_, _, message, help_),) = _found(text, language)
        assert message.endswith(f"write the title {right!r}"), text
        assert help_ is not None and help_.startswith(f"write {right!r} for "), text


def test_another_languages_title_in_a_heading_is_left_to_heading_mismatch() -> None:
    def headed(heading: str) -> list[str]:
        ctx = context(operative=[clauses(["to act."], verb="instructs", heading=heading)])
        return [f.message for f in punctuation(ctx) if "write the title" in f.message]

    # (the heading is French: heading-mismatch says so, with the heading to write)
    assert headed("charge le Secrétaire général") == []
    assert headed("instructs the secretary-general") == [
        "'secretary-general': ITU's texts in this language write the title 'Secretary-General'"
    ]
    # a title in capitals beside one written right is a heading's
    assert _found("to invite the Secretary-General, as the SECRETARY GENERAL said.") == []


def test_two_blanks_in_the_title_are_the_two_blanks_finding_alone() -> None:
    # "Secrétaire  général": punctuation's "two blanks" says it, with the fix;
    # not also "write the title 'Secrétaire général'" (one slip, two findings)
    assert _found("de prier le Secrétaire  général d'agir.", "fr") == []
    assert _found("que el Secretario  General actúe.", "es") == []
    ctx = context("fr", operative=[clauses(["x;", "de prier le Secrétaire  général d'agir."])])
    assert [f.message.split(":")[0] for f in punctuation(ctx)] == [
        "two blanks between 'Secrétaire' and 'général'"
    ]
    # (two blanks and a capital: the title's finding still)
    assert len(_found("de prier le Secrétaire  Général d'agir.", "fr")) == 1
