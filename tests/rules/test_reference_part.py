"""Parts of the resolution itself named in plain words: found where they are,
whatever surrounds them, and only outside citations."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from itures.rules.references import _own_parts_near

_FILLER = st.lists(
    st.sampled_from(["the", "plan", "of", "work", "Council", "and", "to", "report", "2018", "a)"]),
    max_size=40,
).map(" ".join)


@given(_FILLER, st.integers(1, 40), st.sampled_from(["above", "below"]), _FILLER)
def test_a_part_named_with_an_anchor_is_found_at_its_words(
    before: str, label: int, anchor: str, after: str
) -> None:
    words = f"resolves {label} {anchor}"
    text = f"{before} in {words}, {after}".strip()
    at = text.index(words)
    found = _own_parts_near(text, "en", [])
    assert (at, at + len(words), ("resolves", str(label))) in found


@given(_FILLER, st.integers(1, 40), _FILLER)
def test_a_part_named_with_the_document_is_found_at_its_words(
    before: str, label: int, after: str
) -> None:
    words = f"le décide {label} de la présente Résolution"
    text = f"{before} conformément au {words}, {after}".strip()
    at = text.index(words)
    found = _own_parts_near(text, "fr", [])
    assert (at, at + len(words), ("resolves", str(label))) in found


@given(_FILLER, st.integers(1, 40))
def test_nothing_is_read_inside_a_citation(before: str, label: int) -> None:
    words = f"resolves {label} above"
    text = f"{before} [{words}](pp:1#resolves/{label})"
    at = text.index(words)
    assert _own_parts_near(text, "en", [(at - 1, len(text))]) == []


_PIECES = st.sampled_from(
    [
        "resolves",
        "décide",
        "resuelve",
        "instructs the Secretary-General",
        "considering",
        "above",
        "below",
        "ci-dessus",
        "anterior",
        "this resolution",
        "la présente Résolution",
        "la presente Resolución",
        "Annex",
        "annexe",
        "1",
        "2.1",
        "b)",
        "iv)",
        "bis",
        "of",
        "du",
        "to",
        "[",
        "]",
        "(",
        ")",
        ",",
        ";",
        "\n",
        "’",
        "\u00a0",
    ]
)


@given(st.sampled_from(["en", "fr", "es"]), st.lists(_PIECES, max_size=30).map(" ".join))
def test_never_crashes_and_stays_inside_the_text(language: str, text: str) -> None:
    for start, end, fragment in _own_parts_near(text, language, []):
        assert 0 <= start < end <= len(text)
        assert fragment and all(isinstance(f, str) and f for f in fragment)
