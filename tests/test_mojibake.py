"""UTF-8 read as Latin-1 or Windows-1252 ("VÃ©rification"): a text's bytes
decoded with the wrong encoding. ``conversion-artefact`` reports the words
once per text, with what they read; the Akoma Ntoso import reads a file that
declares a Latin encoding and holds UTF-8 as UTF-8, and says so once."""

from __future__ import annotations

from pathlib import Path

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
    written = a.found.split("\n")
    assert a.detail.split("\n") == wrong[:3]  # what the first three words read
    assert written[: len(wrong[:3])] == [_read_wrong(w, encoding) for w in wrong[:3]]
    assert written[3:] == ([f"+{len(wrong) - 3}"] if len(wrong) > 3 else [])
    # the help names each word with what it reads
    pairs = textscan.read_wrong_words(a)
    assert [m for w, m in pairs if w] == [f"'{w}'" for w in wrong[:3]] or any(
        not c.isprintable() for w in wrong for c in w
    )


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
    # shown as it reads: an invisible character named, not a Python escape
    assert "'â<U+0080><U+0093>'" in textscan.describe_glyph(word)


@pytest.mark.parametrize(
    ("garbled", "meant"),
    [
        ("مواصلة تعزيز".encode().decode("cp1252"), ["مواصلة", "تعزيز"]),  # Arabic
        ("Επιτροπή".encode().decode("latin-1"), ["Επιτροπή"]),  # Greek
        ("le Directeur Ã  rendre compte", ["à"]),  # 'à', its no-break space made a blank
        ("la PolÃ­tica de auditorÃ­a de la UIT", ["Política", "auditoría"]),
    ],
)
def test_words_read_wrong_in_other_scripts_and_apart(garbled: str, meant: list[str]) -> None:
    [a] = [a for a in textscan.glyphs(garbled) if a.kind == "mojibake"]
    assert a.detail.split("\n") == meant
    # one finding for the text: no garbled word or stray glyph besides
    assert [x.kind for x in textscan.glyphs(garbled)] == ["mojibake"]


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


def _found(tmp_path: Path, text: str, language: str = "fr") -> list[tuple[str, str]]:
    from itures.corpus import check_paths
    from tests.conftest import resolution, write

    data = resolution(language=language)
    data["operative"][0]["clauses"][0]["text"] = text
    path = write(tmp_path / f"resolutions/pp/191/{language}.yaml", data)
    found = check_paths([str(path)]).diagnostics
    return [(d.rule, d.message) for d in found if d.pointer == "/operative/0/clauses/0/text"]


@pytest.mark.parametrize(
    "text",
    [
        # 'à' whose no-break space became a blank: not also "two blanks"
        "de prier le Directeur Ã  rendre compte;",
        # a closing quotation mark that is part of the garbled words: not also "no partner"
        "de prier le Directeur de publier le " + "“rapport»".encode().decode("cp1252") + ";",
    ],
)
def test_what_other_rules_find_inside_words_read_wrong_is_that_one_defect(
    tmp_path: Path, text: str
) -> None:
    found = _found(tmp_path, text)
    assert [rule for rule, _ in found] == ["conversion-artefact"], found
