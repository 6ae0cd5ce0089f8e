"""Inline markup: footnote markers and citations."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures.model import markup as mk


def test_footnote_and_citation_spans() -> None:
    text = "voir [la Résolution 123 (Rév. Guadalajara, 2010)](pp:123@2010) et les PMA[^1];"
    spans, problems = mk.parse(text)
    assert problems == []
    assert [type(s).__name__ for s in spans] == ["Text", "Citation", "Text", "FootnoteRef", "Text"]
    cite = spans[1]
    assert isinstance(cite, mk.Citation)
    assert (cite.text, cite.resolutions, cite.year, cite.fragment) == (
        "la Résolution 123 (Rév. Guadalajara, 2010)",
        (mk.ResolutionRef("pp", "123"),),
        2010,
        (),
    )
    assert (
        text[cite.start : cite.end] == "[la Résolution 123 (Rév. Guadalajara, 2010)](pp:123@2010)"
    )
    assert spans[3] == mk.FootnoteRef("1", text.index("[^1]"), text.index("[^1]") + 4)
    assert mk.plain(text) == "voir la Résolution 123 (Rév. Guadalajara, 2010) et les PMA;"


@pytest.mark.parametrize(
    ("target", "refs", "year", "fragment"),
    [
        ("wtsa:17,26,44,45@2012", ["wtsa:17", "wtsa:26", "wtsa:44", "wtsa:45"], 2012, ()),
        ("pp:191@2018#resolves/3", ["pp:191"], 2018, ("resolves", "3")),
        ("pp:191#resolves/1/i", ["pp:191"], None, ("resolves", "1", "i")),
        ("pp:71#annex", ["pp:71"], None, ("annex",)),
        ("ra:6-2", ["ra:6-2"], None, ()),
        ("unga:70/1", ["unga:70/1"], None, ()),
    ],
)
def test_targets(target: str, refs: list[str], year: int | None, fragment: tuple[str, ...]) -> None:
    parsed = mk.parse_target(target)
    assert not isinstance(parsed, str), parsed
    got_refs, got_year, got_fragment = parsed
    assert [str(r) for r in got_refs] == refs
    assert (got_year, got_fragment) == (year, fragment)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("la [Résolution 123](PP 123)", "is not BODY:NUMBER"),
        ("la [Résolution 123](pp123)", "is not BODY:NUMBER"),
        ("les [Résolutions 1 et 2](pp:1,2#resolves/3)", "several resolutions"),
        ("une note[^1 sans fin", "not closed"),
        ("une note[^1.2]", "needs an id of letters or digits"),
    ],
)
def test_problems(text: str, message: str) -> None:
    _, problems = mk.parse(text)
    assert len(problems) == 1
    assert message in problems[0].message


def test_brackets_that_are_not_markup_stay_text() -> None:
    text = "[bookmark: _Toc401906796] et [sic] et (UIT-T)"
    spans, problems = mk.parse(text)
    assert problems == []
    assert spans == [mk.Text(text, 0, len(text))]


@given(st.text())
def test_parse_then_render_gives_the_text_back(text: str) -> None:
    spans, _ = mk.parse(text)
    assert mk.render(spans) == text
    # spans tile the text
    pos = 0
    for span in spans:
        assert span.start == pos
        pos = span.end
    assert pos == len(text)


@given(
    st.lists(
        st.one_of(
            st.text(alphabet=st.characters(exclude_characters="[]"), min_size=1),
            st.builds(lambda n: f"[^{n}]", st.integers(0, 99)),
            st.builds(
                lambda w, b, n, y: f"[{w}]({b}:{n}@{y})",  # words may not begin with ^
                st.text(alphabet=st.characters(exclude_characters="[]"), min_size=1).filter(
                    lambda w: not w.startswith("^")
                ),
                st.sampled_from(["pp", "wtdc", "wtsa", "ra"]),
                st.integers(1, 300),
                st.integers(1865, 2999),
            ),
        )
    )
)
def test_well_formed_markup_has_no_problems(parts: list[str]) -> None:
    """Valid tokens, one after another, have no problem, except one marker
    written twice in a row ([^1][^1], a paste slip): that one, at the second."""
    text = "".join(parts)
    _, problems = mk.parse(text)
    doubled, at = [], 0
    for before, part in zip(["", *parts], parts, strict=False):
        if part == before and part.startswith("[^"):
            doubled.append((at, at + len(part)))
        at += len(part)
    assert [(p.start, p.end) for p in problems] == doubled
    assert all(p.message.endswith("written twice in a row") for p in problems)


def test_markup_rule_reports_at_the_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from itures.corpus import check_paths
    from tests.conftest import MINIMAL

    path = tmp_path / "r.yaml"
    path.write_text(
        MINIMAL
        + "preamble:\n  - verb: recalling\n    heading: recalling\n    items:\n"
        + "      - label: a)\n        text: see [Resolution 1](PP 1),\n",
        encoding="utf-8",
    )
    result = check_paths([path])
    assert [(d.rule, d.line, d.column, d.pointer) for d in result.diagnostics] == [
        ("markup", 14, 19, "/preamble/0/items/0/text")
    ]
    assert result.diagnostics[0].message.startswith("citation target 'PP 1' is not BODY:NUMBER")


_WORDS = st.text(alphabet="abc é(),.", min_size=1, max_size=20).filter(lambda w: w.strip())
_TARGETS = st.sampled_from(["pp:71", "wtdc:5@2014", "wtsa:17,26@2012", "pp:191#resolves/3"])


@given(_WORDS, _TARGETS, st.sampled_from(["[", "]", "] "]), _WORDS, _WORDS)
def test_a_citation_cut_by_a_lost_bracket_is_a_problem(
    words: str, target: str, cut: str, before: str, after: str
) -> None:
    """A citation whose '[' or ']' was lost, or with a blank written between
    ']' and '(', is never read as text silently: a problem is found at its
    target, with the bracket to write."""
    citation = f"[{words}]({target})"
    if cut == "[":
        broken = citation[1:]
    elif cut == "]":
        broken = f"[{words}({target})"
    else:
        broken = f"[{words}] ({target})"
    text = f"{before.replace('[', '')} {broken} {after}"
    spans, problems = mk.parse(text)
    assert not any(isinstance(s, mk.Citation) for s in spans)
    at = text.index(f"({target})")
    assert any(p.start <= at < p.end for p in problems), problems
    assert mk.parse(f"{before} {citation} {after}")[1] == []  # whole, it reads well


@given(_WORDS, _TARGETS, st.data())
def test_a_citation_with_one_slip_is_one_problem_with_the_markup_to_write(
    words: str, target: str, data: st.DataObject
) -> None:
    """A blank typed inside the target, a mark left at its end, ']' typed for
    ')', the '(' lost after ']': one problem, whose help holds the target as
    it reads (or the bracket to write), and no citation read."""
    words = words.replace("[", "").replace("]", "") or "words"
    slip = data.draw(st.sampled_from(["blank", "mark", "bracket", "open"]))
    if slip == "blank":
        at = data.draw(st.integers(1, len(target) - 1))
        broken = f"[{words}]({target[:at]} {target[at:]})"
        said = repr(target)
    elif slip == "mark":
        broken = f"[{words}]({target}{data.draw(st.sampled_from(['/', '#', ',', '@']))})"
        said = repr(target)
    elif slip == "bracket":
        broken = f"[{words}]({target}], then"
        said = "')'"
    else:
        broken = f"[{words}]{target}), then"
        said = "'('"
    spans, problems = mk.parse(f"see {broken} and more")
    assert not any(isinstance(s, mk.Citation) for s in spans)
    assert len(problems) == 1, problems
    assert said in problems[0].help


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        (
            "en",
            "resolves 2 of Resolution 58 (Rev. Busan, 2014)](pp:58@2014#resolves/2), on meetings;",
            "resolves 2 of Resolution 58 (Rev. Busan, 2014)",
        ),
        (
            "fr",
            "conformément à la Résolution 5 (Rév. Dubaï, 2014)](wtdc:5@2014);",
            "la Résolution 5 (Rév. Dubaï, 2014)",
        ),
    ],
)
def test_a_citation_that_lost_its_opening_bracket_is_told_where_it_goes(
    tmp_path: Path, language: str, text: str, words: str
) -> None:
    from itures.corpus import check_paths
    from tests.conftest import resolution, write

    data = resolution(language=language)
    data.pop("preamble", None)
    data["operative"] = [
        {
            "verb": "resolves",
            "heading": {"en": "resolves", "fr": "décide"}[language],
            "clauses": [{"label": "1", "text": text}],
        }
    ]
    path = write(tmp_path / "resolutions" / "pp" / "1" / f"{language}.yaml", data)
    [finding] = [d for d in check_paths([path]).diagnostics if d.rule == "markup"]
    assert finding.help == f"write '[' before '{words}'"


@given(_TARGETS, st.sampled_from(["", " ", "  ", "\u00a0"]), _WORDS, _WORDS)
def test_a_citation_without_words_is_one_problem(
    target: str, blanks: str, before: str, after: str
) -> None:
    """The words of a citation deleted, its brackets and target left
    ("[](pp:71)", "[ ](pp:71@2018)"): one problem over the whole citation,
    which says so, and no citation read (not a ']' that closes no '[', nor,
    for a target with no year, a target cut short that no ')' closes)."""
    before, after = before.replace("[", "").replace("]", ""), after.replace("[", "")
    citation = f"[{blanks}]({target})"
    text = f"{before} {citation} {after}"
    spans, problems = mk.parse(text)
    assert not any(isinstance(s, mk.Citation) for s in spans)
    at = text.index(citation)
    assert [(p.start, p.end) for p in problems] == [(at, at + len(citation))], problems
    assert problems[0].message.startswith(f"citation {citation!r} has no words")
