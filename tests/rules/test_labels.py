"""Labels read as ordinals."""

from __future__ import annotations

import pytest

from itures.rules import labels as lb


@pytest.mark.parametrize(
    ("raw", "kind", "parts", "ins"),
    [
        ("a)", "letter", (1,), 0),
        ("abis)", "letter", (1,), 1),
        ("a bis)", "letter", (1,), 1),
        ("ater)", "letter", (1,), 2),
        ("aquater)", "letter", (1,), 3),
        ("(c)", "letter", (3,), 0),
        ("i)", "letter", (9,), 0),
        ("ii)", "roman", (2,), 0),
        ("iv)", "roman", (4,), 0),
        ("5", "number", (5,), 0),
        ("1.2", "number", (1, 2), 0),
        ("1bis", "number", (1,), 1),
        ("б)", "letter", (2,), 0),
        ("ب)", "letter", (2,), 0),
    ],
)
def test_read(raw: str, kind: str, parts: tuple[int, ...], ins: int) -> None:
    label = lb.read(raw)
    assert label is not None
    assert (label.kind, label.parts, label.ins) == (kind, parts, ins)


@pytest.mark.parametrize("raw", ["x7", "#", "1.a", "abc)", ""])
def test_unreadable(raw: str) -> None:
    assert lb.read(raw) is None


def test_a_list_starting_at_i_is_roman_a_list_of_letters_keeps_i_a_letter() -> None:
    assert [x.kind for x in lb.read_list(["i)", "ii)"]) if x] == ["roman", "roman"]
    assert [x.parts for x in lb.read_list(["h)", "i)", "j)"]) if x] == [(8,), (9,), (10,)]
    assert [x.kind for x in lb.read_list(["h)", "i)"]) if x] == ["letter", "letter"]


@pytest.mark.parametrize("n", range(1, 40))
def test_roman_round_trip(n: int) -> None:
    assert lb.roman_value(lb.to_roman(n)) == n


@pytest.mark.parametrize("raw", ["cc)", "ci)", "cd)", "dc)", "li)", "lx)", "mm)", "xl)", "xlii)"])
def test_numerals_no_list_reaches_are_not_read_as_numerals(raw: str) -> None:
    # a doubled letter or a typo ("cc)" after "c)"), not 200, 101 or 2000
    assert lb.read(raw) is None
    assert lb.read(raw, roman=True) is None


def test_in_a_list_of_numerals_l_c_d_m_are_letters_and_xxxix_the_last_numeral() -> None:
    for letter in "lcdm":
        label = lb.read(f"{letter})", roman=True)
        assert label is not None
        assert (label.kind, label.parts) == ("letter", (lb.LATIN.index(letter) + 1,))
    label = lb.read("xxxix)")
    assert label is not None
    assert (label.kind, label.parts) == ("roman", (39,))


def test_letters_and_roman_numerals_are_told_apart_from_the_whole_list() -> None:
    letters = lb.read_list([f"{c})" for c in "abcdefghijklm"])
    assert [x.kind for x in letters if x] == ["letter"] * 13
    assert [x.kind for x in lb.read_list(["i)", "ii)", "iii)", "iv)", "v)"]) if x] == ["roman"] * 5
    # a lone i) starts a roman list; c) alone is a letter
    assert [x.kind for x in lb.read_list(["i)"]) if x] == ["roman"]
    assert [x.kind for x in lb.read_list(["c)"]) if x] == ["letter"]
    # on a tie, the kind the list should have decides
    assert [x.kind for x in lb.read_list(["i)", "b)"], "letter") if x] == ["letter", "letter"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a) that the purposes", ("a)", True)),
        ("(ii) to promote", ("(ii)", True)),
        # a number before a lower-case word: the conversion-artefact rule reports it
        ("1 to prepare an annual report", ("1", True)),
        ("1.2 the scope", ("1.2", True)),
        # one it does not report: numbering does
        ("1 The scope", ("1", False)),
        ("1 000 participants", None),
        ("that the purposes", None),
        ("2014 was", None),
    ],
)
def test_a_label_left_at_the_start_of_a_text(text: str, found: tuple[str, bool] | None) -> None:
    assert lb.leading_label(text) == found


def test_a_label_of_another_script_than_its_list() -> None:
    assert lb.foreign(["a)", "b)", "\u0441)", "d)"]) == {2}  # Cyrillic es among Latin
    assert lb.foreign(["а)", "б)", "в)"]) == set()  # a Cyrillic list
    assert lb.foreign(["1", "2", "abis)"]) == set()  # insertion words are Latin everywhere


def test_letters_that_look_like_the_lists_own() -> None:
    assert lb.looks_alike("\u0441)")  # Cyrillic es, like c
    assert not lb.looks_alike("\u0431)")  # Cyrillic be
    assert lb.looks_alike("c)")  # Latin c in a Cyrillic list
    assert not lb.looks_alike("b)")
