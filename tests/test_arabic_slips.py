"""Slips an Arabic-speaking editor makes, that a search then misses: a
direction mark typed between two letters, a tatweel stretching a word
(``conversion-artefact``), a Persian letter typed with a Persian keyboard
(``lookalike``). Each is one finding; what belongs to a text is left alone."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from itures import textscan
from itures.config import Config
from itures.corpus import check_paths
from itures.rules import artefacts

LRM, RLM, ALM, TATWEEL = "\u200e", "\u200f", "\u061c", "\u0640"


def _found(text: str) -> list[tuple[int, int, str]]:
    return [(a.start, a.end, a.found) for a in textscan.glyphs(text)]


# -- a direction mark between two letters --------------------------------------


@pytest.mark.parametrize(
    ("text", "at", "mark"),
    [
        ("دستور الات\u200eحاد؛", 10, LRM),
        ("the partici\u200epation of all,", 11, LRM),  # in English: the scan reaches it
        ("partici\u200epation", 7, LRM),
        ("أن القرار\u200fات", 9, RLM),
        ("مع و\u061cالخطة", 4, ALM),
        ("الاتَ\u200eحاد", 5, LRM),  # after a vowel mark on the letter
        ("ITU\u200eالاتحاد", 3, LRM),  # letters of two scripts
        ("Uni\u200fon", 3, RLM),
    ],
)
def test_a_direction_mark_between_two_letters_is_a_glyph(text: str, at: int, mark: str) -> None:
    assert _found(text) == [(at, at + 1, mark)]


def test_a_run_of_one_mark_is_one_glyph_and_a_run_of_two_marks_two() -> None:
    assert _found("القرار\u200f\u200f\u200fات") == [(6, 9, RLM)]
    assert _found("partici\u200e\u200fpation") == [(7, 8, LRM), (8, 9, RLM)]


@pytest.mark.parametrize(
    "text",
    [
        "\u200eITU",  # at the text's start
        "ITU\u200e",  # at its end
        "الخطة\u200f (ITU),",  # before a blank
        "الخطة \u200fITU\u200e مهمة",  # after a blank, before one
        "(بوسان، \u200e2014\u200f)،",  # beside digits and punctuation
        "ITU\u200e-D and 5\u200eG",  # beside a hyphen, after a digit
        "العدد ٣\u200fات",  # after an Arabic digit
        "مهمة\u200f،",  # before an Arabic comma
        "the plan \u200e\u200f of ITU,",
    ],
)
def test_a_direction_mark_beside_no_letter_is_left_alone(text: str) -> None:
    assert _found(text) == []


def test_a_text_otherwise_in_ascii_with_a_mark_reaches_the_scan() -> None:
    text = "the partici\u200epation of all,"
    assert textscan._GLYPH_LIKE.search(text) is not None  # the quick test lets it through
    scan = textscan.Scans()
    assert [a.start for a in scan.glyphs(text)] == [11]
    assert [a.start for a in scan.leftovers(text, "en")[4]] == [11]
    joined = textscan.Joined(["the plan of all,", text, "to act."])
    assert textscan.Scans().found_in(joined, "en") == [1]


def test_a_mark_is_described_and_helped_as_an_invisible_character() -> None:
    (a,) = textscan.glyphs("دستور الات\u200eحاد")
    assert textscan.describe_glyph(a) == (
        "invisible character '\\u200e' (U+200E LEFT-TO-RIGHT MARK) inside 'الات\\u200eحاد': "
        "left by a word processor, it keeps a search from finding the word"
    )
    assert artefacts._glyph_help(a) == "delete the invisible '\\u200e'"
    (run,) = textscan.glyphs("القرار\u200f\u200fات")
    assert textscan.describe_glyph(run).startswith(
        "2 invisible characters '\\u200f' (U+200F RIGHT-TO-LEFT MARK) in a row inside"
    )
    assert artefacts._glyph_help(run) == "delete the 2 invisible '\\u200f' in a row"


# -- a tatweel inside an Arabic word -------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("مواصلة تعـزيز العلاقات", (9, 10)),
        ("تنفيذ هذا القـــرار.", (13, 16)),  # a run: one glyph
        ("المراجَـع", (7, 8)),  # after a vowel mark
        ("ﻟـﻠﻘﺮار", (1, 2)),  # between presentation forms
    ],
)
def test_a_tatweel_between_two_arabic_letters_is_a_glyph(text: str, span: tuple[int, int]) -> None:
    assert _found(text) == [(*span, TATWEEL)]


@pytest.mark.parametrize(
    "text",
    [
        "في الـITU-D",  # the article before a Latin abbreviation
        "في الـ 5G",  # before a blank
        "ـ 12 ـ",  # beside digits, at the text's edges
        "الـ",  # at the end of the text
        "ـه",  # at its start
        "العدد ٣ـ٤",  # between Arabic digits
        "the tatweel ـ alone",
    ],
)
def test_a_tatweel_beside_no_arabic_letter_is_left_alone(text: str) -> None:
    assert _found(text) == []


def test_a_tatweel_is_described_and_helped_as_a_stretch_to_delete() -> None:
    (a,) = textscan.glyphs("مواصلة تعـزيز العلاقات")
    assert textscan.describe_glyph(a) == (
        "tatweel 'ـ' (U+0640 ARABIC TATWEEL) inside 'تعـزيز': a stretch for justification, "
        "not a letter, it keeps a search from finding the word"
    )
    assert artefacts._glyph_help(a) == "delete the tatweel 'ـ'"
    (run,) = textscan.glyphs("القـــرار")
    assert textscan.describe_glyph(run) == (
        "3 tatweels 'ـ' (U+0640 ARABIC TATWEEL) in a row inside 'القـــرار': a stretch for "
        "justification, not letters, they keep a search from finding the word"
    )
    assert artefacts._glyph_help(run) == "delete the 3 tatweels 'ـ' in a row"


# -- the scans against a plain statement of what they find ---------------------


def _letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM" and ch not in (LRM, RLM, ALM)


def _arabic(ch: str) -> bool:
    return (
        ch != TATWEEL
        and unicodedata.category(ch)[0] in "LM"
        and unicodedata.name(ch, "").startswith("ARABIC")
    )


def _expected(text: str) -> list[tuple[int, int, str]]:
    """Each run of one mark whose nearest other characters on both sides
    (past the other marks) are letters; each run of tatweels between two
    Arabic letters."""
    out = []
    for m in re.finditer(f"([{LRM}{RLM}{ALM}])\\1*", text):
        before = text[: m.start()].rstrip(LRM + RLM + ALM)
        after = text[m.end() :].lstrip(LRM + RLM + ALM)
        if before and after and _letter(before[-1]) and _letter(after[0]):
            out.append((m.start(), m.end(), m.group(1)))
    for m in re.finditer(f"{TATWEEL}+", text):
        s, e = m.span()
        if s > 0 and e < len(text) and _arabic(text[s - 1]) and _arabic(text[e]):
            out.append((s, e, TATWEEL))
    return sorted(out)


PIECES = [LRM, RLM, ALM, TATWEEL, "ب", "ال", "\u064e", "a", "Word", " ", "1", "٣", ",", "،"]
PIECES += ["-", "(", "é"]


@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
@example("ب\u200e\u200fa")
@example("\u064e\u0640ب")
def test_the_marks_and_tatweels_found_are_those_between_letters(text: str) -> None:
    found = [
        (a.start, a.end, a.found)
        for a in textscan.glyphs(text)
        if a.found in (LRM, RLM, ALM, TATWEEL)
    ]
    assert found == _expected(text)
    assert textscan.glyphs(text) == textscan._glyphs(text)  # the quick test hides none
    scan = textscan.Scans()
    assert scan.glyphs(text) == tuple(textscan.glyphs(text))


# -- in a file: one finding each -----------------------------------------------

DOC = """body: pp
number: '58'
language: {language}
title: {title}
history: [{{event: revised, place: Busan, year: 2014}}]
preamble:
  - verb: considering
    heading: {heading}
    items:
      - label: {label}
        text: "{text}"
operative:
  - verb: resolves
    heading: {resolves}
    clauses:
      - {{label: '1', text: {act}}}
"""
AR = {
    "language": "ar",
    "title": "تعزيز العلاقات",
    "heading": "إذ يضع في اعتباره",
    "label": "أ)",
    "resolves": "يقرر",
    "act": "أن يواصل العمل.",
}
EN = {
    "language": "en",
    "title": "The plan",
    "heading": "considering",
    "label": "a)",
    "resolves": "resolves",
    "act": "to act.",
}
FR = {**EN, "language": "fr", "heading": "considérant", "resolves": "décide", "act": "d'agir."}
RU = {
    **EN,
    "language": "ru",
    "title": "План",
    "heading": "учитывая",
    "resolves": "решает",
    "act": "действовать.",
}


def _check(tmp_path: Path, text: str, fields: dict[str, str]) -> list[tuple[str, str, str | None]]:
    path = tmp_path / "doc.yaml"
    path.write_text(DOC.format(text=text, **fields), "utf-8")
    result = check_paths([path], Config())
    return [(d.rule, d.message, d.help) for d in result.diagnostics]


def test_a_clean_arabic_text_has_no_finding(tmp_path: Path) -> None:
    assert _check(tmp_path, "أن التعاون بين الأعضاء مطلوب في الـITU-D،", AR) == []


@pytest.mark.parametrize(
    ("text", "fields", "message", "help"),
    [
        (
            "أن دستور الات\\u200eحاد مهم،",
            AR,
            "invisible character '\\u200e' (U+200E LEFT-TO-RIGHT MARK) inside 'الات\\u200eحاد': "
            "left by a word processor, it keeps a search from finding the word",
            "delete the invisible '\\u200e'",
        ),
        (
            "the partici\\u200epation of all,",
            EN,
            "invisible character '\\u200e' (U+200E LEFT-TO-RIGHT MARK) inside "
            "'partici\\u200epation': left by a word processor, it keeps a search from finding "
            "the word",
            "delete the invisible '\\u200e'",
        ),
        (
            "أن تعـزيز التعاون مطلوب،",
            AR,
            "tatweel 'ـ' (U+0640 ARABIC TATWEEL) inside 'تعـزيز': a stretch for justification, "
            "not a letter, it keeps a search from finding the word",
            "delete the tatweel 'ـ'",
        ),
        (
            "أن القـــرار مطلوب،",
            AR,
            "3 tatweels 'ـ' (U+0640 ARABIC TATWEEL) in a row inside 'القـــرار': a stretch for "
            "justification, not letters, they keep a search from finding the word",
            "delete the 3 tatweels 'ـ' in a row",
        ),
    ],
)
def test_a_mark_or_a_tatweel_in_a_word_is_one_conversion_artefact(
    tmp_path: Path, text: str, fields: dict[str, str], message: str, help: str
) -> None:
    assert _check(tmp_path, text, fields) == [("conversion-artefact", message, help)]


YEH_INSIDE = (
    "the word 'بین' holds U+06CC ARABIC LETTER FARSI YEH, the Persian form of 'ي' "
    "(U+064A ARABIC LETTER YEH), as a Persian keyboard types it: a search does not find the word"
)
YEH_AT_END = (
    "the word 'فی' ends with U+06CC ARABIC LETTER FARSI YEH, the Persian form of 'ي' "
    "(U+064A ARABIC LETTER YEH) or of 'ى' (U+0649 ARABIC LETTER ALEF MAKSURA), which a "
    "Persian keyboard types alike: a search does not find the word"
)
KEHEH = (
    "the word 'الشرکاء' holds U+06A9 ARABIC LETTER KEHEH, the Persian form of 'ك' "
    "(U+0643 ARABIC LETTER KAF), as a Persian keyboard types it: a search does not find the word"
)


@pytest.mark.parametrize(
    ("text", "message", "help"),
    [
        ("أن العلاقات بین الأعضاء مهمة،", YEH_INSIDE, "retype the word in Arabic letters: 'بين'"),
        (
            "أن التعاون فی البلدان مهم،",
            YEH_AT_END,
            "retype the word in Arabic letters: 'في' or 'فى', as the published text writes it",
        ),
        (
            "أن التعاون فیَ البلدان مهم،",  # a vowel mark after the last letter
            YEH_AT_END.replace("'فی'", "'فیَ'"),
            "retype the word in Arabic letters: 'فيَ' or 'فىَ', as the published text writes it",
        ),
        ("أن الشرکاء مهمون،", KEHEH, "retype the word in Arabic letters: 'الشركاء'"),
        (
            # the first Persian letter found, the word retyped whole, both words
            "أن کرسی الرئاسة مهم،",
            "the word 'کرسی' holds U+06A9 ARABIC LETTER KEHEH",
            "retype the word in Arabic letters: 'كرسي' or 'كرسى', as the published text writes it",
        ),
        (
            # one finding per text, at the first
            "أن العلاقات بین البلدان النامیة فی الإقلیم مهمة،",
            YEH_INSIDE,
            "retype the word in Arabic letters: 'بين'",
        ),
    ],
)
def test_a_persian_letter_in_an_arabic_word_is_one_lookalike_finding(
    tmp_path: Path, text: str, message: str, help: str
) -> None:
    found = _check(tmp_path, text, AR)
    assert len(found) == 1, found
    rule, got, got_help = found[0]
    assert rule == "lookalike"
    assert got.startswith(message)
    assert got_help == help


def test_a_persian_letter_in_each_text_is_a_finding_each(tmp_path: Path) -> None:
    fields = {**AR, "title": "العلاقات بین الأعضاء", "act": "أن یواصل العمل."}
    found = _check(tmp_path, "أن الشرکاء مهمون،", fields)
    assert [(rule, message.split(" holds")[0]) for rule, message, _ in found] == [
        ("lookalike", "the word 'بین'"),
        ("lookalike", "the word 'الشرکاء'"),
        ("lookalike", "the word 'یواصل'"),
    ]


@pytest.mark.parametrize("fields", [EN, FR, RU])
def test_a_persian_letter_in_another_language_gives_nothing_new(
    tmp_path: Path, fields: dict[str, str]
) -> None:
    assert _check(tmp_path, "the name بین and کتاب here,", fields) == []
