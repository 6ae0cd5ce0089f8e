"""Text written twice (``word-duplicate``, ``text-duplicate``) and escapes of
another YAML quoting (``text-escape``): what is written twice, or escaped,
is found where it is, and nothing else is."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from itures.config import Config
from itures.corpus import check_paths
from itures.rules import Finding
from itures.rules.runner import Runner
from itures.validate import validate
from itures.yamlio.read import Document, read_document

RUNNER = Runner(Config())

# words that no two of differ only in case, none a number, none in capitals,
# none a word English doubles on purpose
WORDS = st.sampled_from(
    ["the", "plan", "of", "Union", "work", "study", "groups", "to", "report", "each", "year"]
)


def _findings(doc: str, rule: str) -> list[Finding]:
    document = read_document("doc.yaml", doc.encode())
    assert isinstance(document, Document)
    resolution, problems = validate(document)
    assert resolution is not None, problems
    found, _ = RUNNER.file_findings("doc.yaml", resolution, document)
    return [f for r, f in found if r.name == rule]


def _doc(clauses: list[str], footnotes: Sequence[str] = ()) -> str:
    body = "".join(
        f"      - label: '{i + 1}'\n        text: {json.dumps(text)}\n"
        for i, text in enumerate(clauses)
    )
    notes = "".join(
        f"  - id: '{i + 1}'\n    text: {json.dumps(text)}\n" for i, text in enumerate(footnotes)
    )
    return (
        "body: wtdc\nnumber: '1'\nlanguage: en\ntitle: Test\n"
        "history: [{event: adopted, place: Geneva, year: 2000}]\n"
        "operative:\n  - verb: resolves\n    heading: resolves\n    clauses:\n"
        + body
        + ("footnotes:\n" + notes if notes else "")
    )


def _no_doubles(words: list[str]) -> list[str]:
    return [w for i, w in enumerate(words) if i == 0 or w.lower() != words[i - 1].lower()]


@given(st.lists(WORDS, min_size=1, max_size=30), st.data())
def test_a_word_written_twice_is_found_where_it_is(words: list[str], data: st.DataObject) -> None:
    words = _no_doubles(words)
    text = " ".join(words)
    assert _findings(_doc([text + "."]), "word-duplicate") == []
    k = data.draw(st.integers(0, len(words) - 1))
    blanks = data.draw(st.sampled_from([" ", "  "]))
    doubled = [*words[: k + 1], words[k], *words[k + 1 :]]
    text = (
        " ".join(doubled[:k]) + (" " if k else "") + words[k] + blanks + " ".join(doubled[k + 1 :])
    )
    (finding,) = _findings(_doc([text + "."]), "word-duplicate")
    start = len(" ".join(words[:k])) + (1 if k else 0)
    assert finding.path == ("operative", 0, "clauses", 0, "text")
    assert finding.offset == start
    assert text[start : start + (finding.length or 0)] == words[k] + blanks + words[k]


@given(
    st.lists(
        st.lists(WORDS, min_size=5, max_size=12).map(lambda w: " ".join(_no_doubles(w))),
        min_size=2,
        max_size=6,
        unique=True,
    ),
    st.data(),
)
def test_a_clause_pasted_twice_is_found_at_the_copy(
    clauses: list[str], data: st.DataObject
) -> None:
    clauses = [c for c in clauses if len(c.split()) >= 5]
    if len(clauses) < 2 or len(set(clauses)) < len(clauses):
        return
    texts = [c + ";" for c in clauses]
    assert _findings(_doc(texts), "text-duplicate") == []
    i, j = sorted(
        data.draw(st.lists(st.integers(0, len(texts) - 1), min_size=2, max_size=2, unique=True))
    )
    texts[j] = clauses[i] + data.draw(st.sampled_from([";", ".", "", " ;"]))
    (finding,) = _findings(_doc(texts), "text-duplicate")
    assert finding.path == ("operative", 0, "clauses", j, "text")
    assert [p.path for p in finding.related] == [("operative", 0, "clauses", i, "text")]


@given(st.lists(WORDS, min_size=2, max_size=20), st.data())
def test_an_escape_of_another_quoting_is_found_where_it_is(
    words: list[str], data: st.DataObject
) -> None:
    text = " ".join(words)
    assert _findings(_doc([text + "."]), "text-escape") == []
    at = data.draw(st.integers(0, len(text)))
    escape = data.draw(st.sampled_from(["''", '\\"', "\\n", "\\\\", "\\u00e9", "\\ "]))
    written = text[:at] + escape + text[at:]
    (finding,) = _findings(_doc([written + "."]), "text-escape")
    assert (finding.offset, finding.length) == (at, len(escape))


def test_a_footnote_written_twice_is_found_at_the_second() -> None:
    notes = ["This includes the least developed countries.", "See the plan of the Union."]
    doc = _doc(["to report[^1][^2][^3]."], [*notes, notes[0].replace(".", "")])
    (finding,) = _findings(doc, "text-duplicate")
    assert finding.path == ("footnotes", 2, "text")
    assert [p.path for p in finding.related] == [("footnotes", 0, "text")]


def test_one_finding_a_text_whatever_it_holds() -> None:
    """Hostile texts: many doubled words, a long run of a number, two long
    words: one finding a text at most, each found in one pass (a search
    begun again at each candidate would take hours on these)."""
    texts = [
        " ".join(f"mot{i} mot{i}" for i in range(50_000)) + ".",
        "0 " * 100_000 + "0.",
        "x" * 100_000 + " " + "x" * 100_000 + "y.",
        "de " * 100_000 + "la.",
    ]
    found = _findings(_doc(texts), "word-duplicate")
    assert [(f.path[3], f.offset) for f in found] == [(0, 0), (3, 0)]
    assert found[1].message == "the word 'de' 100000 times in a row"


def test_escapes_far_into_a_long_line_are_placed_where_they_are(tmp_path: Path) -> None:
    """Findings far into one long line (past the first few thousand
    characters) are placed by the walk, which resumes where it stopped, not
    by reading the line again from its start for each: every one at its
    column."""
    n = 6_000
    path = tmp_path / "doc.yaml"
    path.write_text(_doc(["que " + "l''a " * n + "fin."]), "utf-8")
    found = [d for d in check_paths([path], Config()).diagnostics if d.rule == "text-escape"]
    lines = path.read_text("utf-8").splitlines()
    (number,) = [i + 1 for i, line in enumerate(lines) if "l''a" in line]
    columns = [m.start() + 1 for m in re.finditer("''", lines[number - 1])]
    assert len(columns) == n
    assert [(d.line, d.column, d.end_column) for d in found] == [
        (number, c, c + 1) for c in columns
    ]


def test_a_capital_then_the_same_word_small_keeps_the_small_one_at_an_entrys_start() -> None:
    """At an entry's start the capital is a word processor's (ITU texts start
    entries small): the help deletes the first; inside a text, after a full
    stop, the second."""
    (start,) = _findings(_doc(["The the plan of the Union."]), "word-duplicate")
    assert start.help == "delete the first 'The'"
    (inside,) = _findings(_doc(["the plan. The the Union acts."]), "word-duplicate")
    assert inside.help == "delete the second 'the'"
    (same,) = _findings(_doc(["the the plan."]), "word-duplicate")
    assert same.help == "delete the second 'the'"


def test_a_backslash_before_an_apostrophe_is_told_as_no_escape() -> None:
    (found,) = _findings(_doc(["the l\\'UIT plan."]), "text-escape")
    assert found.message.startswith('"\\\'" read as written: YAML has no such escape')
    assert found.help == 'replace "\\\'" with "\'"'


# -- a sentence written twice in one entry


_SENTENCES = st.lists(WORDS, min_size=5, max_size=9).map(" ".join)


@given(_SENTENCES, _SENTENCES, st.sampled_from([";", "."]), st.sampled_from([" ", "  "]))
def test_a_sentence_twice_in_a_text_is_found_at_the_second(
    sentence: str, other: str, mark: str, blank: str
) -> None:
    """'S; S;' (any blanks, either mark) is found at the second S, spanning
    it; 'S; T;' is not (S and T differ)."""
    from itures.rules.repeats import _sentence_twice

    text = f"{sentence}{mark}{blank}{sentence};"
    assert _sentence_twice(text) == (len(sentence) + 1 + len(blank), len(sentence) + 1, sentence)
    if other != sentence:
        assert _sentence_twice(f"{sentence}{mark}{blank}{other};") is None
        # (a third, different, sentence between: found all the same)
        assert _sentence_twice(f"{sentence}; {other}; {sentence}.") is not None


@given(st.lists(WORDS, min_size=1, max_size=4).map(" ".join))
def test_short_sentences_and_an_abbreviations_pieces_are_not_compared(words: str) -> None:
    from itures.rules.repeats import _sentence_twice

    assert _sentence_twice(f"{words}; {words};") is None  # (fewer than five words)
    piece = f"the plan of the Union under {words} Rev."
    assert _sentence_twice(f"{piece} 1; {piece} 2;") is None
