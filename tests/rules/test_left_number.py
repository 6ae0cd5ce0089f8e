"""A number left at the start of the text of an unlabelled entry, before a
capital ("1 RAG, TSAG and TDAG to continue …", PP-18 Resolution 191, the
first clause of 'invites' before clause 2): the label the list expects
there, whatever follows it. It is one defect, conversion-artefact's finding
(as the 115 numbers left before a small letter are): the numbering reads
the entry with that label and leaves it to that rule whenever the rule
reports it (:func:`itures.rules.numbering.expected_left` says which
numbers it is to report)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import pytest

from itures.config import Config
from itures.corpus import check_paths
from itures.rules import Finding, artefacts
from itures.rules._walk import Entry, LabelledList
from itures.rules.numbering import expected_left
from itures.yamlio.write import dump_data
from tests.rules import build


def _list(
    texts: list[tuple[str | None, str]],
    part: Literal["operative", "preamble"] = "operative",
) -> LabelledList:
    entries = tuple(
        Entry((part, 0, "clauses", n), label, text, ()) for n, (label, text) in enumerate(texts)
    )
    return LabelledList(
        part=part,
        section=0,
        heading="invites",
        parent=None,
        entries=entries,
        last_section=True,
    )


@pytest.mark.parametrize(
    ("texts", "at", "expected"),
    [
        ([(None, "1 RAG, TSAG and TDAG to continue;"), ("2", "the Directors to report,")], 0, "1"),
        ([(None, "1 to continue;"), ("2", "to report,")], 0, "1"),
        ([("1", "to do;"), (None, "2 The Directors to report;"), ("3", "to go.")], 1, "2"),
        ([("1", "to do;"), (None, "2 ITU-D to report.")], 1, "2"),
        # not the label expected there: a count, a number out of sequence
        ([(None, "3 Member States shall;"), ("2", "to report,")], 0, None),
        ([("1", "to do;"), (None, "5 Member States shall;"), ("3", "to go.")], 1, None),
        ([("1", "to do;"), (None, "2 Member States;"), ("4", "to go.")], 1, None),
        # a number that is text ("1 000"), or nothing around to say what is expected
        ([(None, "1 000 participants;"), ("2", "to report,")], 0, None),
        ([(None, "1 RAG to continue.")], 0, None),
        # a labelled entry: its own label, conversion-artefact's other finding
        ([("1", "1 RAG to continue;"), ("2", "to report,")], 0, None),
    ],
)
def test_the_number_the_list_expects(
    texts: list[tuple[str | None, str]], at: int, expected: str | None
) -> None:
    lst = _list(texts)
    assert expected_left(lst, lst.entries[at]) == expected


def test_not_in_a_lettered_preambular_list() -> None:
    lst = _list([(None, "1 The Conference;"), ("b)", "that,")], part="preamble")
    assert expected_left(lst, lst.entries[0]) is None


def _doc() -> dict[str, Any]:
    invites = build.clauses(
        ["1 RAG, TSAG and TDAG to continue to assist ISCG;", "the Directors to report,"],
        verb="invites",
        labels=[None, "2"],
    )
    return build.data(
        number="191",
        preamble=[build.items(["that,"], labels=[None])],
        operative=[invites],
    )


def _found(tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "en.yaml"
    path.write_text(dump_data(_doc()), encoding="utf-8")
    return [
        (d.rule, d.severity)
        for d in check_paths([path], Config()).diagnostics
        if d.pointer == "/operative/0/clauses/0/text"
    ]


def test_numbering_leaves_the_label_to_conversion_artefact_when_it_reports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With conversion-artefact reporting the number the list expects
    (its ``_label_finding`` asking :func:`expected_left` when its own reading
    finds no label), the defect is one error of that rule, not a second
    numbering-style warning."""
    own = artefacts._label_finding

    def reporting(lst: LabelledList, entry: Entry) -> Any:
        found = own(lst, entry)
        if found is None and not entry.label and (left := expected_left(lst, entry)):
            start = len(entry.text) - len(entry.text.lstrip())
            return Finding((*entry.path, "text"), f"starts with the label {left!r}", offset=start)
        return found

    monkeypatch.setattr(artefacts, "_label_finding", reporting)
    assert _found(tmp_path) == [("conversion-artefact", "error")]


def test_until_conversion_artefact_reports_it_numbering_does(tmp_path: Path) -> None:
    """Nothing plausible is left silent: the number not reported by
    conversion-artefact stays numbering-style's finding."""
    found = _found(tmp_path)
    assert ("numbering-style", "warning") in found or ("conversion-artefact", "error") in found
    assert len(found) == 1
