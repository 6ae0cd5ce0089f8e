"""The scans for conversion leftovers written to be searched quickly find
what they found as first written (kept here as the reference), on texts made
of the fragments that matter to each."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from hypothesis import example, given, settings
from hypothesis import strategies as st

from itures import textscan

# -- the references: the patterns as they were written before -----------------

_FOOTNOTE_BEFORE = re.compile(r"_{4,}\s*(?P<mark>\d{1,2}|\*)\s+(?P<text>\S[^_]{0,70})")
# the heading ran lazily to the first place the lookahead held
_HEADING_TAIL_BEFORE = r"""[^;]*?)(?=\s+\d{1,2}(?:\.\d{1,2})*\s+[a-z]|;|$)"""


def _heading_before(language: str) -> re.Pattern[str]:
    pattern = textscan._heading_pattern(language)
    assert pattern is not None
    head, _, _ = pattern.pattern.rpartition("(?:[^;\\s]+|")
    return re.compile(head + _HEADING_TAIL_BEFORE, re.VERBOSE)


HEADED = st.lists(
    st.sampled_from(
        [
            " ",
            "  ",
            "\n",
            "\t",
            "\u00a0",
            ",",
            ";",
            ":",
            ".",
            "1",
            "12",
            "1.2",
            "3.",
            "٣",
            "a",
            "the",
            "A",
            "x;",
            "resolves",
            "instructs",
            "further",
            "also",
            "décide",
            "charge",
            "resuelve",
            "encarga",
            " to",
            " de",
            "é",
        ]
    ),
    max_size=24,
).map("".join)


@settings(deadline=None)  # (the first example builds the languages' patterns)
@given(HEADED, st.sampled_from(["en", "fr", "es"]))
@example(", instructs the 1 to", "en")
@example(", instructs the\n", "en")
@example(", instructs the \n", "en")
@example(", instructs the\n\n", "en")
@example(", instructs the; 1 to", "en")
def test_a_heading_runs_as_far_as_the_lazy_pattern_ran(text: str, language: str) -> None:
    before = _heading_before(language)
    now = textscan._heading_pattern(language)
    assert now is not None
    assert [(m.span(), m.group("heading")) for m in now.finditer(text)] == [
        (m.span(), m.group("heading")) for m in before.finditer(text)
    ]


FOOTED = st.lists(
    st.sampled_from(["_", "___", "____", " ", "\n", "1", "12", "*", "a", "Note", "x_"]),
    max_size=16,
).map("".join)


@given(FOOTED)
def test_a_footnote_is_found_as_by_the_rule_of_four_or_more(text: str) -> None:
    assert [(m.span(), m.groupdict()) for m in textscan._FOOTNOTE.finditer(text)] == [
        (m.span(), m.groupdict()) for m in _FOOTNOTE_BEFORE.finditer(text)
    ]


LABELLED = st.lists(
    st.sampled_from(
        [";", ":", " ", "\n", "1", "1.2", "a)", "iv)", "xiv)", "a", "the", '"', "“", "é", ":a)"]
    ),
    max_size=16,
).map("".join)


@given(LABELLED)
def test_labels_after_each_end_mark_are_the_labels_after_either(text: str) -> None:
    expected = [
        (m.start("label"), m.end("label"), m.group("label"))
        for m in textscan._LABEL_INSIDE.finditer(text)
    ]
    for flags in ((True, True), (";" in text, ":" in text)):
        found = textscan._labels_inside(text, *flags)
        assert [(a.start, a.end, a.found) for a in found] == expected
    assert [(a.start, a.end, a.found) for a in textscan.labels_inside(text)] == expected


# the joined form as it was made: in ASCII, each character beyond it a "?"
_JOINED_BEFORE = textscan._JOINED[:128] + bytes(range(128, 256))


@given(st.lists(st.text(max_size=12), max_size=6))
@example(["é", "’", "a\x00"])
def test_the_joined_form_is_the_form_made_in_ascii(texts: list[str]) -> None:
    before = "".join(texts).encode("ascii", "replace").translate(_JOINED_BEFORE)
    assert textscan.Joined(texts).form == before


def test_a_character_the_glyph_test_passes_over_is_never_part_of_a_glyph() -> None:
    """What the sharper quick test of glyphs lets by (every character, one by
    one): a character the scan reads as Latin or as no script, and that is
    not a glyph; beyond Latin Extended-A, no letter, mark or symbol."""
    import sys
    import unicodedata

    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if textscan._GLYPH_LIKE.match(ch):
            continue
        assert textscan._script_of(ch) in textscan._ANY_TEXT - {"GREEK"}, hex(code)
        assert not textscan._NEVER.match(ch), hex(code)
        if code > 0x17F:
            cat = unicodedata.category(ch)
            assert cat[0] not in "LM" and cat != "So", hex(code)


GLYPHED = st.lists(
    st.sampled_from(
        [
            *["a", "Word", " ", "\n", "é", "µ", "ª", "º", "’", "–", "•", "…", "™", "−", "→", "Ǧ"],
            *["ц", "波", "\u2011", "\u2028", "\u2070", "\u2118", "\ue000", "\ufffd", "\x07", "x"],
            # what UTF-8 read as Latin-1 or Windows-1252 is made of
            *["Ã", "©", "â", "€", "\x80", "\x93", "\xa0", "Ð", "¿", "ä", "¸"],
        ]
    ),
    max_size=12,
).map("".join)


@given(GLYPHED)
@example("µª’")
@example("aµª–b")
@example("VÃ©rification")
@example("â€™")
def test_the_glyph_scan_finds_nothing_where_its_sharper_test_finds_nothing(text: str) -> None:
    found = textscan._glyphs(text)
    if textscan._GLYPH_LIKE.search(text) is None and textscan.MAYBE_MOJIBAKE.search(text) is None:
        assert found == []
    assert textscan.glyphs(text) == found


# -- two revisions in one parenthesis ------------------------------------------

REVISIONS = st.lists(
    st.sampled_from(
        [
            "(",
            ")",
            " ",
            "  ",
            "\u00a0",
            ",",
            ", ",
            "Rév. ",
            "Rev.",
            "Dubaï",
            "Buenos Aires",
            "Genève",
            "Guadalajara",
            "Saint-Pétersbourg la Grande Ville de la Conférence Mondiale",
            "et ",
            "and ",
            "2010",
            "2014",
            "2017",
            "1998",
            "20",
            "5",
            "Ø",
            "書",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=400)
@given(st.lists(REVISIONS, min_size=1, max_size=4))
@example(["la Résolution 5 (Rév. Dubaï, 2014 Buenos Aires, 2017) et", "(Guadalajara, 2010 2014)"])
def test_the_quick_test_of_two_revisions_holds_every_text_they_are_found_in(
    texts: list[str],
) -> None:
    """A text in which two revisions apart are found is one the joined form's
    quick test holds (the form: a digit is '0', a letter beyond ASCII '?')."""
    from itures.rules import artefacts

    _held_where_found(
        texts,
        textscan.Joined(texts).holding(artefacts._JOINED_TWO_REVISIONS),
        lambda text: next(artefacts._two_revisions(text), None) is not None,
    )


def _held_where_found(texts: list[str], held: Iterable[int], found: Callable[[str], bool]) -> None:
    """Every text in which the scan ``found`` finds something is among
    ``held``, the texts its quick test holds."""
    kept = set(held)
    for i, text in enumerate(texts):
        if found(text):
            assert i in kept, text


WORD_PAGES = st.lists(
    st.sampled_from(
        [
            " ",
            "\u00a0",
            "-",
            "–",
            "5",
            "12",
            "123",
            "Rés.",
            "Res.",
            "RÉS.",
            "RES. ",
            "(Rév. Dubaï, 2014)",
            "(",
            ")",
            "D",
            "a",
            "é",
            ".",
            ",",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400)
@given(st.lists(WORD_PAGES, min_size=1, max_size=4))
@example(["les télécommunications - 5 - d'urgence", "Rés. 59 3", "RÉS. 59 (Rév. Dubaï, 2014)"])
@example(["page -\u00a05\u00a0- suite", "RÉS.\u00a05", "page – 12 – suite"])
def test_the_quick_test_of_word_pages_holds_every_text_they_are_found_in(texts: list[str]) -> None:
    from itures.rules import artefacts

    _held_where_found(
        texts,
        artefacts._word_pages(textscan.Joined(texts)),
        lambda text: artefacts._WORD_PAGE.search(text) is not None,
    )


WORD_NOTES = st.lists(
    st.sampled_from(
        ["[^", "[", "]", "1", "12", "a", ":", ": ", " ", "\t", "\u00a0", "x", "é", ",", "."]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400)
@given(st.lists(WORD_NOTES, min_size=1, max_size=4))
@example(["en développement[^1]1 et", 'développés"; [1: 1\tPar pays en développement.]'])
def test_the_quick_test_of_word_notes_holds_every_text_they_are_found_in(texts: list[str]) -> None:
    from itures.rules import artefacts

    _held_where_found(
        texts,
        textscan.Joined(texts).holding(artefacts._JOINED_WORD_NOTE),
        lambda text: artefacts._WORD_NOTE.search(text) is not None,
    )


HYPHENS = st.lists(
    st.sampled_from(["-", " ", "\u00a0", "a", "ab", "é", "É", "B", "and", "to", "et", "1", ","]),
    max_size=12,
).map("".join)


@settings(max_examples=400)
@given(st.lists(HYPHENS, min_size=1, max_size=4))
@example(["capacity- building", "dévelop- pement", "short- and long-term"])
@example(["capacity-\u00a0building"])
def test_the_quick_test_of_hyphen_blanks_holds_every_text_they_are_found_in(
    texts: list[str],
) -> None:
    from itures.rules import artefacts

    _held_where_found(
        texts,
        textscan.Joined(texts).holding(artefacts._JOINED_HYPHEN_BLANK),
        lambda text: artefacts._HYPHEN_BLANK.search(text) is not None,
    )


@given(
    st.lists(st.sampled_from(["a", "é", "1", " ", ".", ",", ";", ":", "\u2019", "\n", "中"])).map(
        "".join
    ),
    st.text(alphabet="aé1 .,;:\u2019中", min_size=1, max_size=6),
)
def test_a_text_holding_a_piece_holds_it_in_the_joined_form(text: str, piece: str) -> None:
    """The form of one text is that of the texts joined, one character for
    one: a piece found in a text is found, in its form, where the text's
    form is (the quick test of a footnote's text written into an entry)."""
    other = "Résolution 中"
    joined = textscan.Joined([other, text])
    if piece in text:
        assert 1 in joined.holding_literal(textscan.form_of(piece))
        at = text.find(piece)
        found = joined.form.find(textscan.form_of(piece), joined.starts[1])
        assert found - joined.starts[1] <= at


SECTOR_BLANKS = st.lists(
    st.sampled_from(["UIT", "ITU", "МСЭ", "-", " ", "T", "D", "R", "Т", "x", "é", "l'", ","]),
    max_size=10,
).map("".join)


@settings(max_examples=400)
@given(st.lists(SECTOR_BLANKS, min_size=1, max_size=4))
@example(["l'UIT- T et", "ITU - R", "МСЭ -Т", "de l'UIT -D,"])
def test_the_quick_test_of_sector_blanks_holds_every_text_they_are_found_in(
    texts: list[str],
) -> None:
    from itures.rules import punctuation

    _held_where_found(
        texts,
        textscan.Joined(texts).holding(punctuation._JOINED_SECTOR_BLANK),
        lambda text: punctuation._SECTOR_BLANK.search(text) is not None,
    )
