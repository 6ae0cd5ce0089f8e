"""A preambular heading run into the end of the item before its section by a
conversion ("..., noting also"): read from the verb vocabulary, with the
place it starts at, so that the numbering rules say which words to move."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures.model.vocabulary import shipped_verbs


@pytest.mark.parametrize(
    ("text", "language", "heading", "verb"),
    [
        ("the principle of inclusiveness, having noted", "en", "having noted", "having_noted"),
        ("the relevant paragraphs, highlighting", "en", "highlighting", "highlighting"),
        (
            "No. 519 of the Convention,\nrecognizing also",
            "en",
            "recognizing also",
            "further_recognizing",
        ),
        (
            "the scope of training, noting with appreciation ",
            "en",
            "noting with appreciation",
            "noting_with_appreciation",
        ),
        ("que la Conférence a décidé; notant en outre", "fr", "notant en outre", "further_noting"),
        ("la labor de la Unión, reconociendo", "es", "reconociendo", "recognizing"),
        ("各成员国的工作，注意到", "zh", "注意到", "noting"),
    ],
)
def test_a_heading_at_the_end(text: str, language: str, heading: str, verb: str) -> None:
    found = shipped_verbs().run_into_end(text, "preamble", language)
    assert found is not None
    start, written, key = found
    assert (written, key) == (heading, verb)
    assert text[start : start + len(written)] == written


@pytest.mark.parametrize(
    "text",
    [
        "the principle of inclusiveness, having noted;",  # an end mark after it
        "the work it is now considering",  # no comma before it
        "the principle, that the work of the Union is now considering and more",  # not a heading
        "the work of the Union, recalling that the Conference and the Council have all",
        "the decisions, resolves",  # an operative verb
        "",
    ],
)
def test_no_heading_at_the_end(text: str) -> None:
    assert shipped_verbs().run_into_end(text, "preamble", "en") is None


@given(st.text(alphabet="ab ,;.noting alsorecalling", max_size=40))
def test_what_is_found_is_the_text_s_end(text: str) -> None:
    """Whatever the text, a heading found is what the text ends with, after a
    comma or semicolon."""
    found = shipped_verbs().run_into_end(text, "preamble", "en")
    if found is None:
        return
    start, written, _ = found
    assert text[start:].rstrip() == written
    assert text[:start].rstrip()[-1] in ",;"
