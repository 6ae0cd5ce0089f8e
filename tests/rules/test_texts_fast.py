"""Quicker forms of the text walk and of the rules on texts and lists of
identifiers: each finds what the plain form it replaced found (kept here as
the reference)."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from itures import i18n
from itures.model import markup as mk
from itures.rules import Context, Finding
from itures.rules import _walk as wk
from itures.rules import duplicates as du

Path = tuple[str | int, ...]

# --- the parsed texts, remembered by text ---------------------------------------

MARKUP = st.lists(
    st.sampled_from(
        [
            "la ",
            "[Résolution 5](wtdc:5@2014)",
            "[Res 7](pp:7#resolves/3)",
            "[bad](pp 7)",
            "[x](wtsa:57#resolves/9@2012)",
            "[^1]",
            "[^ 2]",
            "[^",
            "[",
            "]",
            "(",
            " ",
            ";",
        ]
    ),
    min_size=1,
    max_size=6,
).map("".join)


@settings(deadline=None)
@given(st.lists(MARKUP, min_size=1, max_size=4), st.sampled_from(["en", "fr", "es"]))
def test_a_marked_text_is_parsed_as_the_parser_parses_it(texts: list[str], lang: str) -> None:
    """A text parsed again (remembered, or not: one with problems) has the
    parser's spans, and its problems in the language of now."""
    texts = ["[" + t for t in texts]
    try:
        for current in ("en", lang, "en"):
            i18n.use(current)
            marked: list[wk.Text] = []
            for i, text in enumerate(texts * 2):
                spans, problems = mk.parse(text)
                found = wk._parsed(("t", i), text, marked)
                assert found == wk.Text(("t", i), text, tuple(spans), tuple(problems))
                assert marked[-1] is found
    finally:
        i18n.use(None)


# --- actor-duplicate --------------------------------------------------------------


def _actor_duplicate_plainly(ctx: Context) -> Iterator[Finding]:
    """actor_duplicate before its quick tests: every list of every section and clause."""
    for s, osec in enumerate(ctx.resolution.operative):
        path: Path = ("operative", s)
        yield from du._repeats(path, "actors", osec.actors)
        yield from du._repeats(path, "partners", osec.partners)
        yield from du._both(path, osec.actors, osec.partners)
    for cpath, clause in wk.clauses_of(ctx):
        yield from du._repeats(cpath, "actors", clause.actors)
        yield from du._repeats(cpath, "partners", clause.partners)
        yield from du._both(cpath, clause.actors, clause.partners)


IDS = st.lists(st.sampled_from(["tdag", "tsag", "rag", "bdt-director"]), max_size=4)


@st.composite
def clause_trees(draw: st.DrawFn, depth: int = 0) -> Any:
    return SimpleNamespace(
        actors=draw(IDS),
        partners=draw(IDS),
        clauses=draw(st.lists(clause_trees(depth + 1), max_size=2)) if depth < 2 else [],
    )


@given(
    st.lists(
        st.builds(
            SimpleNamespace, actors=IDS, partners=IDS, clauses=st.lists(clause_trees(), max_size=3)
        ),
        max_size=3,
    )
)
def test_the_duplicate_actors_are_those_of_the_plain_walk(sections: list[Any]) -> None:
    res: Any = SimpleNamespace(operative=sections)
    assert list(du.actor_duplicate(Context("a.yaml", res))) == list(
        _actor_duplicate_plainly(Context("a.yaml", res))
    )
