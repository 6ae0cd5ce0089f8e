"""Quicker forms of the text walk and of the rules on texts and lists of
identifiers: each finds what the plain form it replaced found (kept here as
the reference)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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
    # (a language whose words are not read: actor-mismatch, which an actor
    # in both lists defers to, finds nothing)
    res: Any = SimpleNamespace(operative=sections, language="zz")
    assert list(du.actor_duplicate(Context("a.yaml", res))) == list(
        _actor_duplicate_plainly(Context("a.yaml", res))
    )


# --- the walk's texts, their one span made when asked -------------------------------


@dataclass(slots=True, unsafe_hash=True)
class _TextPlainly:
    """The walk's Text as a dataclass, its spans always made."""

    path: Path
    text: str
    spans: tuple[mk.Span, ...]
    problems: tuple[mk.MarkupProblem, ...] = ()


@given(st.lists(st.sampled_from(["mot", "[^1]", "[a](pp:1)", "[", " "]), max_size=4).map("".join))
def test_a_text_is_the_value_the_dataclass_was(text: str) -> None:
    """Equal, hashed and shown as the dataclass of its four fields, its one
    literal span made or not."""
    path: Path = ("preamble", 0, "items", 1, "text")
    spans = (mk.Text(text, 0, len(text)),)
    lazy, made = wk.Text(path, text), wk.Text(path, text, spans)
    plain = _TextPlainly(path, text, spans)
    for t in (lazy, made):
        assert t == made and t == lazy
        assert hash(t) == hash(plain)
        assert repr(t) == repr(plain).replace("_TextPlainly", "Text")
        assert t.spans == spans and t.problems == ()
    assert wk.Text(path, text + "x") != lazy
    assert wk.Text(path, text, spans, (mk.MarkupProblem("m", 0, 1),)) != lazy
    assert lazy != plain and made != (path, text, spans, ())
