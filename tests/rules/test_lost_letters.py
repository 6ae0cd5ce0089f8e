"""Letters a conversion could not write, replaced by '?' ("Secr?taire",
a text saved in an encoding that lacks them) or by U+FFFD (bytes decoded
with the wrong encoding): conversion-artefact, one finding a text, with the
words they stand for when the file writes them whole elsewhere. A question
mark after a word and a web address are not lost letters."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from itures.rules.artefacts import conversion_artefact, lost_letters
from tests.conftest import best_time
from tests.rules.build import clauses, context, items

HEADING = {"fr": "considérant", "en": "considering", "es": "considerando"}


def _found(*texts: str, language: str = "fr") -> list[Any]:
    preamble = [items(list(texts), heading=HEADING[language])]
    operative = [
        clauses(["to act;" if language == "en" else "de agir;", "la fin."], language=language)
    ]
    return [
        f
        for f in conversion_artefact(context(language, preamble=preamble, operative=operative))
        if f.path[0] == "preamble"
    ]


def test_question_marks_for_letters_are_one_finding_with_the_words_meant() -> None:
    text = "que le Secr?taire g?n?ral et le SECR?TAIRE adjoint ont agi;"
    found = _found(text, "que le Secrétaire général fait rapport au Conseil général,")
    assert len(found) == 1
    (f,) = found
    assert f.message == (
        "'Secr?taire', 'g?n?ral', 'SECR?TAIRE': letters the conversion could not write, "
        "each replaced by '?'"
    )
    assert (f.offset, f.length) == (
        text.index("Secr?"),
        text.index(" adjoint") - text.index("Secr?"),
    )
    # the case of each word as written, the word the file writes most
    assert f.help == (
        "write 'Secrétaire' for 'Secr?taire', 'général' for 'g?n?ral', 'SECRÉTAIRE' for "
        "'SECR?TAIRE', as the file writes them elsewhere"
    )


def test_replacement_characters_inside_words_are_that_finding_not_stray_glyphs() -> None:
    text = "que la r\ufffd\ufffdsolution et les \ufffdtudes du d\ufffdveloppement sont utiles;"
    found = _found(text, "que les études et la résolution du développement,")
    assert len(found) == 1
    assert "each replaced by '\ufffd' (U+FFFD)" in found[0].message
    assert "'\ufffdtudes'" in found[0].message  # (a letter lost at the word's start)
    # a U+FFFD standing for one letter, or for two bytes of one
    assert found[0].help is not None
    assert "'résolution' for 'r\ufffd\ufffdsolution'" in found[0].help
    assert "'développement' for 'd\ufffdveloppement'" in found[0].help
    assert "'études' for '\ufffdtudes'" in found[0].help
    # one alone between words stays a stray glyph
    (glyph,) = _found("que les pays \ufffd et les autres,", "la fin,")
    assert "stray glyph" in glyph.message or "U+FFFD" in glyph.message
    assert "letters the conversion" not in glyph.message


def test_words_the_file_does_not_write_whole_are_told_to_be_retyped() -> None:
    (f,) = _found("that the t?chnical work goes on,", "the plan,", language="en")
    assert f.help == (
        "write the letters the published text has in place of each '?'; if more of the file "
        "reads so, convert the source again, saved in UTF-8"
    )
    # a word of another script lost whole
    (whole,) = _found("that the ??????? ???? goes on,", "the plan,", language="en")
    assert whole.message.startswith("'???????', '????': letters the conversion")


def test_question_marks_and_addresses_are_not_lost_letters() -> None:
    assert (
        _found(
            "¿Qué hacer? that the question is open? and why?",
            "see https://www.itu.int/index.php?lang=fr and itu.int/go?id=5,",
            language="en",
        )
        == []
    )


@given(
    st.lists(st.sampled_from(["que", "le", "Secr", "taire", "?", "é", " ", ",", "a"]), max_size=12)
)
@example(["Secr", "?", "taire"])
@example(["?", "?", "?"])
@example(["Secr", "?", " "])
@example(["?", "que"])
def test_a_lost_letter_is_before_a_letter_or_in_a_run(parts: list[str]) -> None:
    # (a '?' after a word, and before none, is a question mark)
    text = "".join(parts)
    for m in lost_letters(text):
        word = m.group()
        if set(word) == {"?"}:
            assert len(word) >= 3
            continue
        assert word[-1].isalpha() and "?" in word and any(c.isalpha() for c in word)
        assert all(
            word[i + 1].isalpha() or word[i + 1] == "?"
            for i in range(len(word) - 1)
            if word[i] == "?"
        )
    # the letters written back: nothing lost is left
    mended = "".join("é" if p == "?" else p for p in parts)
    assert lost_letters(mended) == []


def test_a_long_run_of_letters_is_read_once() -> None:
    """A '?' in a text with a long run of letters (no blank in it): the words
    were tried from each letter of the run, each try reading to its end
    (quadratic). The time at n and 4 n (best of three): about 4 now, 16
    before."""

    def best(n: int) -> float:
        text = "a" * n + " le Secr?taire,"
        assert [m.group() for m in lost_letters(text)] == ["Secr?taire"]
        return best_time(lambda: lost_letters(text))

    best(1000)
    assert best(40_000) / best(10_000) < 10


def test_many_distinct_lost_words_are_not_each_looked_up() -> None:
    # (each looked up is a search of the whole file: beyond a few, the help
    # names none of them)
    words = " ".join(f"m?t{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(40))
    (f,) = _found(f"que {words},", "que les mêtaa sont là;")
    assert f.help is not None and f.help.startswith("write the letters the published text has")


def test_many_lost_words_in_a_text_without_blanks_are_read_in_linear_time() -> None:
    """Each lost word's address was read to the blanks around it: in a text
    without blanks, to both its ends, for each word (x58 the time for x8 the
    text in bench/hostile.py). It is read at most a few characters away."""

    def best(n: int) -> float:
        text = "a?b," * n
        assert len(lost_letters(text)) == n
        return best_time(lambda: lost_letters(text))

    best(100)
    assert best(8000) / best(2000) < 10


def test_many_replacement_characters_before_letters_are_read_in_linear_time() -> None:
    """Each U+FFFD glyph of a text was matched with the text's lost words
    by a list of their starts built anew for each (x12 the time for x4 the
    text in bench/hostile.py)."""

    def best(n: int) -> float:
        text = "que " + "\ufffda " * n + "la fin,"
        assert len(_found(text, "que les études,")) == 1
        return best_time(lambda: _found(text, "que les études,"))

    best(100)
    assert best(2000) / best(500) < 10
