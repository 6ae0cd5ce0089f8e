"""UTF-8 read as Latin-1 or Windows-1252 ("VÃ©rification"): a text's bytes
decoded with the wrong encoding. ``conversion-artefact`` reports the words
once per text, with what they read; the Akoma Ntoso import reads a file that
declares a Latin encoding and holds UTF-8 as UTF-8, and says so once."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from itures import textscan
from itures.importers import akn
from tests.importers.aknfixtures import CONSIDERING, statement

WORDS = st.lists(
    st.text(alphabet="abcdeéèàçôûœÉÀ–’«»\u00a0", min_size=1, max_size=8).filter(
        lambda w: w.strip() == w and w.strip()
    ),
    min_size=1,
    max_size=5,
)


def _read_wrong(text: str, encoding: str) -> str | None:
    try:
        return text.encode("utf-8").decode(encoding)
    except UnicodeDecodeError:
        return None  # (a byte Windows-1252 has no character for)


@given(WORDS, st.sampled_from(["latin-1", "cp1252"]))
@example(["Vérification"], "latin-1")
@example(["l’Union"], "cp1252")
@example(["voilà", "bien"], "latin-1")
def test_words_read_with_the_wrong_encoding_are_found_with_what_they_read(
    words: list[str], encoding: str
) -> None:
    text = " ".join(words)
    garbled = _read_wrong(text, encoding)
    if garbled is None:
        return
    found = [a for a in textscan.glyphs(garbled) if a.kind == "mojibake"]
    wrong = [w for w in words if not w.isascii()]
    if not wrong:
        assert found == []
        return
    [a] = found  # one for the text
    shown = " ".join(wrong[:3]) + (" ..." if len(wrong) > 3 else "")
    assert a.detail == shown
    assert a.found.split(" ")[0] == _read_wrong(wrong[0], encoding)


@pytest.mark.parametrize(
    "text",
    [
        "Vérification des comptes de l'Union – « Plan\u00a0» ; à l'été",
        "¿Qué es la UIT? La Unión Internacional de Telecomunicaciones, n° 5",
        "ÉTÉ\u00a0; CAFÉ–noir; PRÉ-CONFÉRENCE",
        "Международный союз электросвязи",
        "国际电信联盟（国际电联）",
        "الاتحاد الدولي للاتصالات",
        "Ñandú, AÑO 2018, ÑU",
    ],
)
def test_a_text_in_its_own_encoding_is_not_taken_for_one_read_wrong(text: str) -> None:
    assert [a for a in textscan.glyphs(text) if a.kind == "mojibake"] == []


def test_a_c1_control_is_a_stray_glyph_but_not_inside_a_word_read_wrong() -> None:
    [alone] = textscan.glyphs("the text\x85 goes on")
    assert (alone.kind, alone.found) == ("glyph", "\x85")
    # "–" in UTF-8 read as Latin-1: its second and third bytes are C1 controls
    [word] = textscan.glyphs("the Union \u00e2\x80\x93 Audit")
    assert (word.kind, word.detail) == ("mojibake", "–")
    assert "UTF-8 read as Latin-1" in textscan.describe_glyph(word)


def _file(encoding: str, data_encoding: str) -> bytes:
    xml = statement(
        "9",
        "9 (REV. DUBAI, 2018)",
        "Vérification des comptes – Audit",
        CONSIDERING,
        '<paragraph eId="para_1"><num>1</num><content><p>to verify the Union’s accounts.</p>'
        "</content></paragraph>",
    ).replace('encoding="UTF-8"', f'encoding="{encoding}"')
    return xml.encode(data_encoding, "replace")


def test_a_file_declared_latin_1_that_holds_utf_8_is_read_as_utf_8_and_said_once() -> None:
    [imported], failures = akn.parse_bytes(_file("ISO-8859-1", "utf-8"), source="s.xml")
    assert failures == []
    assert imported.resolution.title == "Vérification des comptes – Audit"
    said = [n.message for n in imported.notes if "UTF-8" in n.message]
    assert said == [
        "the file declares the encoding ISO-8859-1, but its bytes are UTF-8: read as UTF-8 "
        "(as ISO-8859-1, 'é' would read 'Ã©'); correct its declaration"
    ]


@pytest.mark.parametrize("encoding", ["ISO-8859-1", "windows-1252"])
def test_a_file_in_the_latin_encoding_it_declares_is_read_as_declared(encoding: str) -> None:
    [imported], _ = akn.parse_bytes(_file(encoding, "cp1252"), source="s.xml")
    assert imported.resolution.title.startswith("Vérification des comptes")
    assert not [n for n in imported.notes if "UTF-8" in n.message]
