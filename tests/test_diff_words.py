"""The word diff of ``itures diff``: units are words, numbers, punctuation
marks, footnote markers and (in Chinese) characters, not what lies between
blanks; its pieces give back both texts exactly."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from itures.diff import Change, Place, diff_resolutions, render_json, render_lines, word_diff
from itures.model.resolution import Resolution
from tests.conftest import commit_all, resolution, run_cli, write

PATH = "resolutions/pp/191/fr.yaml"
HERE = Place("resolves/1", "/operative/0/clauses/0")


def _shown(old: str, new: str) -> str:
    """The word diff as the text output shows it."""
    change = Change("changed", "clause", HERE, HERE, words=word_diff(old, new))
    (line,) = render_lines([change])
    return line.removeprefix("changed clause resolves/1: ")


def _sides(words: Any) -> tuple[str, str]:
    """The old and the new text the pieces give (JSON lists or tuples)."""
    old = "".join(text for op, text in words if op != "+")
    new = "".join(text for op, text in words if op != "-")
    return old, new


EXAMPLES = [
    pytest.param("to assist;", "to assist all;", "to assist {+all+};", id="semicolon"),
    pytest.param("Dubai, 2018", "Dubai 2018", "Dubai[-,-] 2018", id="comma-removed"),
    pytest.param(
        "(Rev. Busan, 2014)",
        "(Rev. Dubai, 2018)",
        "(Rev. [-Busan, 2014-] {+Dubai, 2018+})",
        id="revision",
    ),
    pytest.param(
        'the "digital divide"', 'the "digital gap"', 'the "digital [-divide-] {+gap+}"', id="quotes"
    ),
    pytest.param(
        "l'Union («Connect 2030»)",
        "l'UIT («Connect 2030»)",
        "l'[-Union-] {+UIT+} («Connect 2030»)",
        id="elision",
    ),
    pytest.param(
        "«\u00a0texte\u00a0» et décide\u00a0:",
        "«\u00a0texte révisé\u00a0» et décide en outre\u00a0:",
        "« texte {+révisé+} » et décide {+en outre+} :",
        id="no-break-blanks",
    ),
    pytest.param(
        "pays en développement[^1];",
        "pays en développement[^2];",
        "pays en développement[-[^1]-] {+[^2]+};",
        id="footnote-marker",
    ),
    pytest.param(
        "[Resolution 71 (Rev. Busan, 2014)](pp:71@2014)",
        "[Resolution 71 (Rev. Dubai, 2018)](pp:71@2018)",
        "[Resolution 71 (Rev. [-Busan, 2014-] {+Dubai, 2018+})](pp:71@[-2014-] {+2018+})",
        id="citation",
    ),
    pytest.param(
        "国际电信联盟的各成员国应当加强合作，以促进发展。",
        "国际电信联盟的各成员国必须加强合作，以促进发展。",
        "国际电信联盟的各成员国[-应当-] {+必须+}加强合作，以促进发展。",
        id="chinese",
    ),
    pytest.param(
        # a vowel sign (a combining mark) stays in its word
        "تعزيزَ التعاون،",
        "تعزيزُ التعاون؛",
        "[-تعزيزَ-] {+تعزيزُ+} التعاون[-،-] {+؛+}",
        id="arabic",
    ),
    pytest.param(
        "a rate of 2.5 per cent;",
        "a rate of 2,5 per cent;",
        "a rate of [-2.5-] {+2,5+} per cent;",
        id="number",
    ),
    pytest.param(
        # a lone common word in a rewritten phrase: one change, not one per word
        "to avoid duplication of work between the Sectors;",
        "to prevent overlap of effort among the Sectors;",
        "to [-avoid duplication of work between-] {+prevent overlap of effort among+} the Sectors;",
        id="rewritten",
    ),
    pytest.param(
        "Strategy for the coordination of efforts;",
        "Other words entirely;",
        "[-Strategy for the coordination of efforts-] {+Other words entirely+};",
        id="blanks-alone-in-common",
    ),
]


@pytest.mark.parametrize(("old", "new", "shown"), EXAMPLES)
def test_punctuation_and_markup_glued_to_a_word_are_units_of_their_own(
    old: str, new: str, shown: str
) -> None:
    assert _shown(old, new) == shown
    assert _sides(word_diff(old, new)) == (old, new)


def test_other_blanks_are_no_change_yet_the_pieces_keep_them() -> None:
    old, new = "décide\u00a0:  de  renforcer", "décide :\nde renforcer "
    words = word_diff(old, new)
    assert _sides(words) == (old, new)
    assert _shown(old, new) == "décide : de renforcer"
    # beside a word changed: the word, between single blanks
    new = "décide\u202f: du\trenforcer"
    assert _sides(word_diff(old, new)) == (old, new)
    assert _shown(old, new) == "décide : [-de-] {+du+} renforcer"


def test_a_blank_added_or_removed_between_units_is_shown() -> None:
    assert _shown("a, b", "a,b") == "a,[- -]b"
    assert _shown("a,b", "a, b") == "a,{+ +}b"
    assert _shown("a b", "a-b") == "a[- -] {+-+}b"


# -- the law: the pieces give back both texts, whatever they are --------------------

# pieces of the texts of a resolution, in its six languages, that the word diff
# cuts: words, numbers, punctuation, markup, blanks of every kind, marks
FRAGMENTS = st.sampled_from(
    [
        "the",
        "Sectors",
        "assist",
        "l'Union",
        "développement",
        "2.5",
        "2,5",
        "2018",
        "4.2.1",
        ",",
        ";",
        ":",
        ".",
        "(",
        ")",
        '"',
        "«",
        "»",
        "[^1]",
        "[^a]",
        "[Resolution 71](pp:71@2014)",
        "国际",
        "电信",
        "联盟",
        "，",
        "。",
        "تعزيزَ",
        "الاتحاد",
        "،",
        "\u064e",
        "x\u200dy",
        "\u0301",
        "Ж",
        " ",
        "  ",
        "\u00a0",
        "\u202f",
        "\n",
        "\t",
    ]
)
TEXTS = st.one_of(
    st.lists(FRAGMENTS, max_size=25).map("".join),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40),
)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _views(line: str) -> tuple[str, str]:
    """The old and the new text a shown word diff reads as, blanks left out
    (texts of FRAGMENTS hold no ``{``, ``}`` nor ``-``)."""
    old = re.sub(r"\[-(.*?)-\]", r"\1", re.sub(r"\{\+.*?\+\}", "", line))
    new = re.sub(r"\{\+(.*?)\+\}", r"\1", re.sub(r"\[-.*?-\]", "", line))
    return "".join(old.split()), "".join(new.split())


@settings(max_examples=400, deadline=None)
@given(TEXTS, TEXTS)
def test_the_pieces_give_back_both_texts_exactly(old: str, new: str) -> None:
    words = word_diff(old, new)
    assert _sides(words) == (old, new)
    ops = "".join(op for op, _ in words)
    assert all(text for _, text in words)  # no empty piece
    # each change once: a removal, then an addition, between equal pieces
    assert re.fullmatch(r"(=?-?\+?)*", ops) and "==" not in ops and "--" not in ops
    assert "++" not in ops and "+-" not in ops
    (line,) = render_lines([Change("changed", "clause", HERE, HERE, words=words)])
    assert "\n" not in line and "\r" not in line


@settings(max_examples=400, deadline=None)
@given(st.lists(FRAGMENTS, max_size=25).map("".join), st.lists(FRAGMENTS, max_size=25).map("".join))
def test_the_shown_diff_reads_as_both_texts_and_blanks_are_no_change(old: str, new: str) -> None:
    assert _sides(word_diff(old, new)) == (old, new)
    line = _shown(old, new)
    assert _views(line) == ("".join(old.split()), "".join(new.split()))
    marked = "[-" in line or "{+" in line
    assert marked == (_norm(old) != _norm(new)), line
    if not marked:
        assert line == _norm(new)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(TEXTS, TEXTS, TEXTS)
def test_any_texts_of_a_resolution_are_compared_without_failing(
    title: str, old: str, new: str
) -> None:
    before, after = resolution(), resolution(title=title)
    before["operative"][0]["clauses"][0]["text"] = old
    after["operative"][0]["clauses"][0]["text"] = new
    try:
        a, b = Resolution.model_validate(before), Resolution.model_validate(after)
    except ValidationError:
        assume(False)
        return
    changes = diff_resolutions(a, b)
    payload = json.loads(render_json(changes, "a", "b"))
    changed = [c for c in payload["changes"] if c["unit"] == "clause"]
    if _norm(old) == _norm(new):
        assert changed == []
    else:
        (change,) = changed
        assert _sides(change["words"]) == (old, new)
    list(render_lines(changes))


# -- itures diff, as an editor runs it on the history of a file ---------------------


def test_a_revision_read_from_git_shows_the_units_changed(repo: Path) -> None:
    old = resolution(language="fr", footnotes=[{"id": "1", "text": "Pays les moins avancés."}])
    old["title"] = "Stratégie de coordination (Rév.\u00a0Busan, 2014)"
    old["operative"][0]["clauses"][0]["text"] = (
        "d'aider les pays en développement[^1]\u00a0; voir "
        "[la Résolution 71 (Rév. Busan, 2014)](pp:71@2014)\u00a0;"
    )
    write(repo / PATH, old)
    first = commit_all(repo, "Busan")
    new = resolution(language="fr", footnotes=[{"id": "2", "text": "Pays les moins avancés."}])
    new["title"] = "Stratégie de coordination (Rév.\u00a0Dubaï, 2018)"
    new["operative"][0]["clauses"][0]["text"] = (
        "d'aider tous les pays en développement[^2]\u00a0; voir "
        "[la Résolution 71 (Rév. Dubaï, 2018)](pp:71@2018)\u00a0;"
    )
    write(repo / PATH, new)
    second = commit_all(repo, "Dubaï")

    text = run_cli("diff", "--rev", first, "--rev", second, PATH)
    assert (text.returncode, text.stderr) == (1, "")
    lines = text.stdout.splitlines()[2:]
    assert lines[0] == (
        "changed title: Stratégie de coordination (Rév. [-Busan, 2014-] {+Dubaï, 2018+})"
    )
    assert lines[1] == (
        "changed clause resolves/1: d'aider {+tous+} les pays en développement[-[^1]-] {+[^2]+} ; "
        "voir [la Résolution 71 (Rév. [-Busan, 2014-] {+Dubaï, 2018+})](pp:71@[-2014-] {+2018+}) ;"
    )
    as_json = run_cli("diff", "--rev", first, "--rev", second, PATH, "--format", "json")
    changes = json.loads(as_json.stdout)["changes"]
    assert _sides(changes[0]["words"]) == (old["title"], new["title"])
    assert _sides(changes[1]["words"]) == (
        old["operative"][0]["clauses"][0]["text"],
        new["operative"][0]["clauses"][0]["text"],
    )
    assert changes[1]["words"][:3] == [
        ["=", "d'aider"],
        ["+", " tous"],
        ["=", " les pays en développement"],
    ]
