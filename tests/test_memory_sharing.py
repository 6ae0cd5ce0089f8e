"""What a check of 100,000 files holds a million times is held once: equal line
and column numbers of diagnostics and of their related places are one int
object (Python shares those up to 256 alone), the words and offsets of
citations in summaries are shared, and positioning keeps the walks of one
file's text at a time, never the texts of files positioned before it."""

from __future__ import annotations

from itures.diagnostics import Diagnostic, Related, positioned, related_at, shared_int
from itures.rules import position
from itures.summary import Summary, summarise
from itures.yamlio.read import read_document
from tests.rules.build import clauses, resolution


def _n(k: int) -> int:
    return int(str(k))  # (a new int object each time, as a computed line number is)


def test_equal_lines_and_columns_are_one_int() -> None:
    a = Diagnostic("r", "error", "f.yaml", _n(300), _n(400), "m", None, _n(301), _n(401))
    b = positioned("r", "error", "f.yaml", _n(300), _n(400), "m", None, _n(301), _n(401), None, ())
    assert a.line is b.line and a.column is b.column
    assert a.end_line is b.end_line and a.end_column is b.end_column
    r1, r2 = Related("f.yaml", _n(999), 1, "m"), related_at("f.yaml", _n(999), 1, "m", 0, 0)
    assert r1.line is r2.line
    assert shared_int(_n(5000)) is shared_int(_n(5000))
    big = _n(10**9)
    assert shared_int(big) is big  # (beyond the table: as given)


def test_the_words_and_offsets_of_citations_are_shared() -> None:
    words = "Resolution 71 (Rev. Dubai, 2018) of the Plenipotentiary Conference"
    text = "x" * 300 + f" to apply [{words}](pp:71@2018);"
    first = summarise("a.yaml", resolution(operative=[clauses([text])]))
    second = summarise("b.yaml", resolution(operative=[clauses([text])]))
    (c1,), (c2,) = first.cites, second.cites
    assert c1[1] > 256 and c1[1] is c2[1]
    assert c1[2] == words and c1[2] is c2[2]
    back = Summary.from_entry(*first.to_entry(), "c.yaml")
    assert back.cites[0][2] is c1[2] and back.cites[0][1] is c1[1]


def test_positions_keep_the_walks_of_one_text_at_a_time() -> None:
    texts = []
    for n in range(3):
        body = " ".join(f"word{k}" for k in range(200))
        source = (f"body: pp\nnumber: '{n + 1}'\nlanguage: en\ntitle: >-\n  {body}\n").encode()
        doc = read_document(f"{n}.yaml", source)
        assert not isinstance(doc, Diagnostic)
        position.locate(doc, ("title",), 900)
        texts.append(doc.text)
    held = {id(kept[1]) for kept in position._CHECKPOINTS.values()}
    assert held == {id(texts[-1])}
