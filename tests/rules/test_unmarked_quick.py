"""reference-unmarked's quick test of the whole file (a search of the
joined texts, textscan.Joined) names every text in which the rule's own
pattern finds a citation in plain words, whatever the text holds beyond
ASCII: "la Résolution UIT‑R 6" with Word's non-breaking hyphen was passed
over."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from itures import textscan
from itures.rules import references
from itures.rules.references import reference_unmarked
from tests.rules.build import clauses, context

PIECES = [
    "Résolution",
    "Resolution",
    "Resolutions",
    "Resolución",
    "Resoluciones",
    "Décision",
    "decisions",
    "Decisión",
    " ",
    "\u00a0",
    "\u2009",
    "UIT-R",
    "UIT‑R",
    "ITU‑R",
    "ITU-R",
    "UIT\u2010R",
    "6",
    "12",
    "é",
    "la",
    "(",
]
TEXTS = st.lists(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), max_size=5)


@given(TEXTS)
@example(["la Résolution UIT‑R 6 (Rév. Genève, 2007)"])
@example(["x", "Resolución\u00a0UIT‑R\u00a012"])
def test_the_quick_test_names_every_text_the_pattern_finds_a_citation_in(
    texts: list[str],
) -> None:
    joined = textscan.Joined(texts)
    named = {i for quick in references._UNMARKED_QUICK for i in joined.holding(quick)}
    for i, text in enumerate(texts):
        if any(p.search(text) for p in references._UNMARKED_WORD):
            assert i in named, text


def test_a_citation_with_a_non_breaking_hyphen_is_found() -> None:
    text = (
        "la Résolution UIT‑R 6 (Rév. Genève, 2007) de l'Assemblée des radiocommunications "
        "sur la liaison avec le Secteur;"
    )
    ctx = context("fr", operative=[clauses([text, "de faire rapport."], language="fr")])
    found = list(reference_unmarked(ctx))
    assert [(f.offset, f.help) for f in found] == [
        (
            0,
            "write it as a citation: [la Résolution UIT‑R 6 (Rév. Genève, 2007) de l'Assemblée "
            "des radiocommunications](ra:6@2007)",
        )
    ]
