"""The detectors of conversion leftovers (shared by import and check)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from itures import textscan

# prose with no leftover: words of a few letters (no verb of any grammar), commas
_WORD = st.text(alphabet="abcdefgh", min_size=3, max_size=9)
_PROSE = st.lists(_WORD, min_size=2, max_size=30).map(lambda ws: " ".join(ws) + ";")
textscan.headings("", "en")  # the grammar is loaded once, before the timed examples


def _all(text: str) -> list[textscan.Artefact]:
    found = [
        *textscan.labels_inside(text),
        *textscan.footnotes(text),
        *textscan.headings(text, "en"),
        *textscan.pages(text),
        *textscan.glyphs(text),
    ]
    after = textscan.trailing(text)
    return found + ([after] if after else [])


def _boundary(text: str, at: int) -> int:
    """A word boundary of ``text`` near ``at``: the offset of a space."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    return spaces[at % len(spaces)]


@given(_PROSE)
def test_prose_has_no_leftover(text: str) -> None:
    assert _all(text) == []


@given(_PROSE, st.integers(0, 100), st.integers(1, 99))
def test_a_merged_footnote_is_one_leftover_where_it_starts(text: str, at: int, mark: int) -> None:
    i = _boundary(text, at)
    merged = f"{text[:i]} ____________________ {mark} These include{text[i:]}"
    (found,) = _all(merged)
    assert (found.kind, found.found, found.start) == ("footnote", str(mark), i + 1)


@given(_PROSE, st.integers(0, 100), st.integers(100, 999), st.integers(1, 99))
def test_a_page_footer_is_one_leftover(text: str, at: int, page: int, part_page: int) -> None:
    i = _boundary(text, at)
    merged = f"{text[:i]} {page} D - {part_page}{text[i:]}"
    (found,) = _all(merged)
    assert (found.kind, found.found) == ("page", f"{page} D - {part_page}")
    assert merged[found.start : found.end] == found.found


@given(_PROSE, st.integers(0, 1000), st.sampled_from(["Ǧ", "\ue000", "\ufffd", "о", "⍫"]))
def test_a_stray_glyph_inside_a_word_is_one_leftover_at_it(text: str, at: int, glyph: str) -> None:
    inner = [i for i in range(1, len(text) - 1) if text[i - 1].isalpha() and text[i].isalpha()]
    i = inner[at % len(inner)]
    (found,) = _all(text[:i] + glyph + text[i:])
    assert (found.kind, found.start, found.found) == ("glyph", i, glyph)


def test_the_page_number_before_a_part_heading_and_later_part_headings() -> None:
    text = "the end. 481 PART IV - LIST OF RESOLUTIONS RESOLUTION 36 PART V - RECOMMENDATION"
    after = textscan.trailing(text)
    assert after is not None and after.found == "481 PART IV - LIST"  # (its page number too)
    assert [a.found for a in textscan.pages(text)] == ["481", "PART V - RECOMMENDATION"]


def test_words_of_one_script_are_text_and_mixed_scripts_are_garbled() -> None:
    assert textscan.glyphs("Values Ценности Valores 价值观 القيم Comunicații naïve e‑mail") == []
    (garbled,) = textscan.glyphs("Activities ᙫփᡈ⮕ⴞḷ Activités Виды 䍒࣑㿴ࡂ Plan")
    assert garbled.detail == "2" and garbled.found == "ᙫփᡈ⮕ⴞḷ 䍒࣑㿴ࡂ"


def test_greek_letters_and_symbols_beside_a_script_are_not_garbling() -> None:
    assert textscan.glyphs("λ波长 α-частицы 25°C™ «текст»") == []
