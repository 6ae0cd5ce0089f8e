"""The lookalike and text-comment rules beyond their data-driven cases."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itures.model.lookalike import describe, look_alike, mixed, script, to_script
from itures.rules import Context
from itures.rules.comments import text_comment
from itures.rules.lookalike import lookalike
from itures.validate import validate
from itures.yamlio.read import Document, read_document
from tests.conftest import MINIMAL


def _context(text: str) -> Context:
    doc = read_document("r.yaml", text.encode("utf-8"))
    assert isinstance(doc, Document), doc
    resolution, diagnostics = validate(doc)
    assert resolution is not None, diagnostics
    return Context("r.yaml", resolution, document=doc)


def _preamble(*labels: str, language: str = "en") -> str:
    items = "".join(f"      - label: {json.dumps(label)}\n        text: x;\n" for label in labels)
    return (
        MINIMAL.replace("language: en", f"language: {language}")
        + "preamble:\n  - verb: recalling\n    heading: recalling\n    items:\n"
        + items
    )


def test_names_and_scripts() -> None:
    assert describe("с") == "U+0441 CYRILLIC SMALL LETTER ES, which looks like Latin c"
    assert describe("ο") == "U+03BF GREEK SMALL LETTER OMICRON, which looks like Latin o"
    assert describe("a", "Cyrillic") == "U+0061 LATIN SMALL LETTER A, which looks like Cyrillic а"
    assert [script(c) for c in "aсοб1)"] == ["Latin", "Cyrillic", "Greek", "Cyrillic", "", ""]
    assert to_script("οperative") == "operative"
    assert mixed("wtdс") == [(3, "с")]
    assert look_alike("б") is None  # a Cyrillic letter that looks like no Latin one


def test_a_cyrillic_letter_in_a_latin_list_is_one_finding_naming_it() -> None:
    [finding] = lookalike(_context(_preamble("a)", "b)", "с)", "d)")))
    assert finding.path == ("preamble", 0, "items", 2, "label")
    assert finding.message == (
        "label 'с)' contains U+0441 CYRILLIC SMALL LETTER ES, which looks like Latin c but is "
        "another character; the labels of this list are in Latin letters"
    )
    assert finding.help == "retype the label in Latin letters: 'c)'"
    assert (finding.offset, finding.length) == (0, 1)


def test_roman_numerals_with_a_cyrillic_i() -> None:
    [finding] = lookalike(_context(_preamble("i)", "іi)", "iii)")))
    assert "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I" in finding.message
    assert finding.help == "retype the label in Latin letters: 'ii)'"


def test_a_latin_letter_in_a_cyrillic_list_of_a_russian_version() -> None:
    [finding] = lookalike(_context(_preamble("а)", "б)", "в)", "г)", "e)", language="ru")))
    assert finding.message.startswith(
        "label 'e)' contains U+0065 LATIN SMALL LETTER E, which looks like Cyrillic е"
    )
    assert finding.help == "retype the label in Cyrillic letters: 'е)'"


@pytest.mark.parametrize(
    ("labels", "language"),
    [
        (("a)", "b)", "c)"), "fr"),
        (("а)", "б)", "в)"), "ru"),
        (("a)", "b)", "c)"), "ru"),  # a Russian version lettered in Latin
        (("a)", "б)"), "fr"),  # a foreign letter that looks like no Latin one
    ],
)
def test_labels_in_one_script_pass(labels: tuple[str, ...], language: str) -> None:
    assert list(lookalike(_context(_preamble(*labels, language=language)))) == []


def test_a_whole_list_typed_with_a_russian_keyboard_in_a_french_version() -> None:
    found = list(lookalike(_context(_preamble("а)", "с)", language="fr"))))
    assert [f.path[3] for f in found] == [0, 1]


# -- text-comment


def _text(value: str) -> str:
    return (
        MINIMAL
        + "operative:\n  - verb: resolves\n    heading: resolves\n    clauses:\n"
        + f"      - label: '1'\n        text: {value}\n"
    )


_WORDS = st.lists(
    st.sampled_from(["de", "voir", "le", "point", "#", "3", "C#", "l'annexe;", "n°"]),
    min_size=1,
    max_size=8,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_WORDS)
def test_a_plain_text_is_cut_exactly_when_it_holds_a_space_and_hash(words: str) -> None:
    words = "de " + words  # a text that starts as text (not a number, not a comment)
    ctx = _context(_text(words))
    found = list(text_comment(ctx))
    assert len(found) == (1 if " #" in words else 0)
    assert ctx.resolution.operative[0].clauses[0].text == words.split(" #")[0]
    quoted = json.dumps(words, ensure_ascii=False)
    assert list(text_comment(_context(_text(quoted)))) == []


def test_a_file_without_a_comment_after_content_is_not_walked() -> None:
    doc = read_document("r.yaml", _text("de voir.").encode())
    assert isinstance(doc, Document)
    resolution, _ = validate(doc)
    assert resolution is not None
    doc._drop_tree()  # as a document read a while ago (the last ones read keep theirs)
    list(text_comment(Context("r.yaml", resolution, document=doc)))
    from itures.yamlio.read import _UNSET

    assert doc._root is _UNSET  # the node tree was not composed


_LATIN_LABELS = st.lists(
    st.sampled_from(["a)", "b)", "c)", "d)", "e)", "i)", "ii)", "x)", "abis)", "o)", "p)"]),
    min_size=2,
    max_size=6,
    unique=True,
)


@settings(max_examples=100, deadline=None)
@given(_LATIN_LABELS, st.data())
def test_one_look_alike_letter_is_one_finding_whose_help_restores_the_label(
    labels: list[str], data: st.DataObject
) -> None:
    swappable = [
        (i, j) for i, label in enumerate(labels) for j, ch in enumerate(label) if _CYR.get(ch)
    ]
    if not swappable:
        return
    i, j = data.draw(st.sampled_from(swappable))
    broken = list(labels)
    broken[i] = labels[i][:j] + _CYR[labels[i][j]] + labels[i][j + 1 :]
    [finding] = lookalike(_context(_preamble(*broken, language="fr")))
    assert finding.path == ("preamble", 0, "items", i, "label")
    assert finding.offset == j
    assert finding.help == f"retype the label in Latin letters: '{labels[i]}'"


# Latin letter -> a Cyrillic letter that looks like it
_CYR = {"a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х"}


def test_the_numbering_rules_skip_exactly_the_letters_this_rule_names() -> None:
    """labels.LOOKALIKES (numbering leaves those labels alone) and the table agree."""
    from itures.model import lookalike as table
    from itures.rules.labels import LOOKALIKES

    foreign = {*table._CYRILLIC, *table._GREEK}
    latin = set(table._LATIN_TO_CYRILLIC)
    assert {ch for ch in LOOKALIKES if not ch.isascii()} == foreign
    assert latin <= {ch for ch in LOOKALIKES if ch.isascii()}
