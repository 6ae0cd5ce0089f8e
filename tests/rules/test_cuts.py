"""text-cut: a finding exactly where a text stops on a word no phrase ends on."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from itures.model.resolution import Resolution
from itures.rules import Context
from itures.rules.cuts import _TAIL, LAST_WORDS, text_cut

_BLANKS = " \n\t\u00a0"


def _found(language: str, texts: list[str]) -> list[tuple[int, int, int]]:
    """(clause index, offset, length) of each finding on clauses of these texts."""
    res = Resolution.model_validate(
        {
            "body": "wtdc",
            "number": "1",
            "language": language,
            "title": "Test",
            "history": [{"event": "adopted", "place": "Geneva", "year": 2000}],
            "operative": [
                {
                    "verb": "resolves",
                    "heading": "resolves",
                    "clauses": [
                        {"label": str(i + 1), "text": text} for i, text in enumerate(texts)
                    ],
                }
            ],
        }
    )
    out = []
    for f in text_cut(Context("r.yaml", res)):
        assert f.path[:2] == ("operative", 0) and f.path[-1] == "text"
        out.append((int(f.path[3]), f.offset, f.length))
    return out


_LANGUAGES = st.sampled_from(sorted(LAST_WORDS))
# texts of words, blanks and marks, some of the words looked for among them
_PIECES = st.sampled_from(
    ["de", "la", "and", "of", "для", "y", "l'", "x", "projets", "A", "-", "(", "[^1]", "’"]
)
_TEXTS = st.lists(
    st.one_of(_PIECES, st.sampled_from([" ", "  ", "\n", "\u00a0", ";", ".", ",", ":"])),
    min_size=1,
    max_size=12,
).map("".join)


@given(_LANGUAGES, st.lists(_TEXTS, min_size=1, max_size=4))
def test_a_finding_is_a_word_looked_for_then_the_end_mark_and_nothing_after(
    language: str, texts: list[str]
) -> None:
    """Whatever the texts, each finding spans one of the language's words
    (after a blank or at the text's start), blanks and ';', '.' or ',' that
    end the text: nothing but blanks after it."""
    for i, offset, length in _found(language, texts):
        text = texts[i]
        span = text[offset : offset + length]
        m = re.fullmatch(r"(?P<word>\S+)[ \n\t\u00a0]*[;.,]", span)
        assert m is not None, (text, span)
        assert m.group("word") in LAST_WORDS[language]
        assert offset == 0 or text[offset - 1] in _BLANKS
        assert not text[offset + length :].strip(_BLANKS)


@given(
    _LANGUAGES.flatmap(
        lambda lang: st.tuples(st.just(lang), st.sampled_from(sorted(LAST_WORDS[lang])))
    ),
    _TEXTS,
    st.sampled_from(["", " ", "\u00a0"]),
    st.sampled_from([";", ".", ","]),
    st.sampled_from(["", " ", "\n"]),
)
def test_a_text_stopping_on_a_word_looked_for_is_found_at_the_word(
    chosen: tuple[str, str], before: str, blank: str, mark: str, after: str
) -> None:
    """Any text, a blank, one of the language's words, its end mark: one
    finding, at the word, to the mark."""
    language, word = chosen
    text = f"{before} {word}{blank}{mark}{after}"
    assert len(word + blank + mark + after) < _TAIL
    start = len(before) + 1
    assert _found(language, [text]) == [(0, start, len(word + blank + mark))]


def test_a_long_last_word_is_not_read_and_a_short_text_is_read_from_its_start() -> None:
    assert _found("fr", ["des projets de;", "de;", "développement;", "avec" + " " * 40 + ";"]) == [
        (0, 12, 3),
        (1, 0, 3),
    ]
    # (a capital, a word after a hyphen or an apostrophe, a colon, a marker)
    assert _found("fr", ["avec De;", "faites-les;", "l'un et l'autre;", "pour:", "de[^1];"]) == []
    assert _found("zh", ["的;"]) == []
