"""The conventions of one script or language (``itures.rules._conventions``):
never a crash, and every finding's span inside its text, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from itures import textscan
from itures.rules import _conventions as conventions
from itures.rules._walk import _CASES, Text

# the characters the conventions look at, and a few others
ALPHABET = st.sampled_from(
    list("《》〈〉（）()，,、。 \u00a0\u3000«»")
    + list("0123456789年釜山迪拜之间的国际电联")
    + list("BusanDubaiRevRésolutionRecommendationdecisionгПусанРезолюцииقرار،دبي")
    + ["Busan", "Rev. ", "2014", " г.", "Résolution", "Resolucion", "\u200e", "\u0640"]
    + [":", ";", ".", "BDT", "BTD", "UIT", "l'UI", "(", ")", "WSIS", "World summit", " on the "]
    + ["Information Society", "TIC", "TI"]
)
TEXTS = st.lists(st.lists(ALPHABET, max_size=30).map("".join), min_size=1, max_size=4)
LANGUAGES = st.sampled_from(["en", "fr", "es", "ru", "ar", "zh"])


# the abbreviations ITU's texts write, as the shipped vocabulary gives them
KNOWN = frozenset({"BDT", "UIT", "ITU", "WSIS", "TIC", "TSB", "AMNT"})


@settings(max_examples=300, deadline=None)
@given(TEXTS, LANGUAGES)
def test_the_conventions_never_crash_and_point_inside_their_text(
    texts: list[str], language: str
) -> None:
    all_texts = [Text(("operative", 0, "clauses", i, "text"), t) for i, t in enumerate(texts)]
    whole = "\0".join(texts)
    form = textscan.Joined(texts)
    found = [
        *conventions.book_titles(all_texts, whole),
        *conventions.chinese_blanks(all_texts, whole),
        *conventions.place_and_year(
            all_texts, language, form, whole, ["Busan", "Пусан", "迪拜", "دبي"]
        ),
        *conventions.glued_numbers(all_texts, language, form),
        *conventions.guillemet_blanks(all_texts, whole),
        *conventions.unaccented_nouns(all_texts, language, whole),
        *conventions.abbreviation_initials(all_texts, whole, lambda: KNOWN),
        *conventions.abbreviation_letters(all_texts, form, form.form.translate(_CASES), KNOWN),
    ]
    by_path = {t.path: t.text for t in all_texts}
    for finding in found:
        text = by_path[finding.path]
        assert finding.offset is not None and 0 <= finding.offset <= len(text)
        assert finding.length is None or finding.offset + finding.length <= len(text)
        assert finding.message and finding.help


@given(st.sampled_from(["Busan", "Dubai", "Geneva", "Buenos Aires"]), st.integers(1900, 2099))
def test_a_known_place_and_its_year_written_without_their_comma_is_told_the_comma(
    place: str, year: int
) -> None:
    """The law of the help: what it says to write is the words with the
    comma, and the words with it are no finding."""
    slip = f"to meet again ({place} {year});"
    form = textscan.Joined([slip])
    [finding] = conventions.place_and_year([Text(("t",), slip)], "en", form, slip, [])
    assert finding.help == f"write '{place}, {year}'"
    right = slip.replace(f"{place} {year}", f"{place}, {year}")
    assert not list(
        conventions.place_and_year([Text(("t",), right)], "en", textscan.Joined([right]), right, [])
    )


WORDS = st.lists(
    st.text(alphabet="abcdefghéжзиклмнСоюза", min_size=1, max_size=8), min_size=1, max_size=5
).map(" ".join)


@given(
    WORDS,
    WORDS,
    st.sampled_from([("«", "»"), ("“", "”"), ("«\u00a0", "\u00a0»")]),
    st.sampled_from([";", ",", ":", "."]),
)
def test_a_quotation_left_open_is_told_to_close_where_it_ended(
    before: str, quoted: str, marks: tuple[str, str], end: str
) -> None:
    """The law of the help: the closing mark lost before the mark that ends
    the phrase is written back where it was, after the words the help names."""
    from itures.rules.punctuation import _quote_help

    opening, closing = marks
    right = f"{before} {opening}{quoted}{closing}{end}"
    slip = right.replace(closing, "", 1)
    start = slip.index(opening[0])
    place = conventions.closing_place(slip, start, opening[0])
    assert place is not None
    at, words = place
    assert slip[:at] + closing + slip[at:] == right
    assert right.split(closing)[0].endswith(words)
    help_ = _quote_help(slip, start, opening[0])
    assert f"after '{words}'" in help_
    assert ("no-break space" in help_) == opening.endswith("\u00a0")


def test_a_title_left_open_is_told_to_close_before_the_article_it_cites() -> None:
    slip = "《国际电联组织法第53款；"
    [finding] = conventions.book_titles([Text(("t",), slip)], slip)
    assert finding.help is not None and "after '国际电联组织法'" in finding.help


def test_no_place_is_guessed_where_two_quotations_open_or_a_parenthesis_holds_the_comma() -> None:
    from itures.rules.punctuation import _quote_help

    for slip in (
        "the « first « second; and",
        "the «Resolution 70 (Rev. Busan, 2014) of the Conference",
        "the « words without an end",
    ):
        assert conventions.closing_place(slip, slip.index("«"), "«") is None
        assert "where it ends" in _quote_help(slip, slip.index("«"), "«")
