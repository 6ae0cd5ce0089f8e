"""numbering-style: a label written with the start of its text ("a) that"),
as an editor moving a label out of a text leaves it: the help says where the
words go, and no quick fix relabels it (which would lose them)."""

from __future__ import annotations

from itures.rules import Context
from itures.rules.numbering import analyse, numbering_style
from tests.rules.build import clauses, context, items


def _context(part: str, labels: list[str]) -> Context:
    texts = [f"the matter number {n};" for n in range(len(labels))]
    if part == "preamble":
        return context(preamble=[items(texts, labels=list(labels))])
    return context(operative=[clauses(texts, labels=list(labels))])


def test_words_after_a_label_are_named_and_the_help_says_where_they_go() -> None:
    ctx = _context("preamble", ["a)", "b) that", "c)"])
    found = list(numbering_style(ctx))
    assert [(f.message, f.help) for f in found] == [
        (
            "label 'b) that' of 'considering' holds words after the label b): 'that'",
            "relabel 'b) that' as b) and write 'that' at the start of the text, where it was "
            "taken from (or delete it, if it is not the text's)",
        )
    ]
    # no quick fix: relabelling alone would lose 'that'
    assert [d.fix for d in analyse(ctx).defects if d.rule == "numbering-style"] == [None]


def test_several_words_and_a_number_label() -> None:
    found = list(numbering_style(_context("operative", ["1", "2 to invite", "3"])))
    assert [f.message for f in found] == [
        "label '2 to invite' of 'resolves' holds words after the label 2: 'to invite'"
    ]


def test_a_label_that_reads_as_none_is_still_told_to_be_written_as_published() -> None:
    found = list(numbering_style(_context("preamble", ["a)", "b!", "c)"])))
    assert [f.message for f in found] == [
        "label 'b!' of 'considering' is not a number, a letter or a roman numeral; write it "
        "as published (a), abis), 1, 1.1, i))"
    ]
    # a label whose words come after another label than the list's reading
    found = list(numbering_style(_context("preamble", ["a)", "x) that", "c)"])))
    assert [f.message for f in found] == [
        "label 'x) that' of 'considering' is not a number, a letter or a roman numeral; "
        "write it as published (a), abis), 1, 1.1, i))"
    ]
