"""conversion-artefact: labels inside a text, as a list nested in its entry
(the help nests them) or as entries of its own list run into it (the help
splits them), each label named and counted; a label before a citation."""

from __future__ import annotations

from itures import textscan
from itures.rules.artefacts import conversion_artefact
from tests.rules import build


def _found(items: list[tuple[str, str]]) -> list[tuple[int, str, str | None, int]]:
    """(item index, message, help, offset) of each finding on items (label, text)."""
    labels: list[str | None] = [label for label, _ in items]
    section = build.items([text for _, text in items], verb="recalling", labels=labels)
    return [
        (int(f.path[3]), f.message, f.help, f.offset)
        for f in conversion_artefact(build.context(preamble=[section]))
        if f.path[0] == "preamble"
    ]


def test_a_list_after_a_colon_is_nested_in_its_entry() -> None:
    text = "the efforts with a view to: i) preserving the plan; ii) building it; iii) more,"
    ((_, message, help_, offset),) = _found([("a)", text), ("b)", "the plan,")])
    assert message == (
        "a list 'i)', 'ii)', 'iii)' inside the text of this item: 3 entries of a list nested "
        "in it, run into its text by the conversion"
    )
    assert help_ is not None and help_.startswith("nest the list 'i)' ... 'iii)' under this item")
    assert offset == text.index("i)")


def test_the_first_label_of_a_list_inside_a_sentence_is_named() -> None:
    text = (
        "the measures to prevent a) the inducement of a child; b) the exploitative use "
        "of children; c) the use of children in performances,"
    )
    ((_, message, help_, offset),) = _found([("b)", text), ("c)", "the plan,")])
    assert message.startswith("a list 'a)', 'b)', 'c)' inside the text of this item: 3 entries")
    assert help_ is not None and help_.startswith("nest the list 'a)' ... 'c)'")
    assert offset == text.index("a) the")


def test_labels_that_go_on_from_the_entry_are_split_and_counted() -> None:
    text = (
        "that ITU shall act; ____________________ 3 See the plan below. "
        "10 that ITU-D shall give priority to it; 11 that ITU should report,"
    )
    found = _found([("a)", "the plan,"), ("b)", text)])
    assert [(m, h) for _, m, h, _ in found if "label" in m] == [
        (
            "labels '10', '11' inside the text of this item: 3 items run into one by the "
            "conversion",
            "split the text at each label into items of their own, each with its label",
        )
    ]
    # item h) followed by i): its own list going on, not a roman list
    ((_, message, help_, _),) = _found([("h)", "the plan; i) the budget,")])
    assert message.startswith("label 'i)' inside the text of this item: 2 items")
    assert help_ is not None and help_.startswith("split the text")


def test_a_label_before_a_citation() -> None:
    text = "[Resolution 50](wtsa:50@2016), on cybersecurity; ii) [Resolution 52](wtsa:52@2016),"
    assert [a.found for a in textscan.labels_inside(text)] == ["ii)"]
    assert [m for _, m, _, _ in _found([("i)", text)])] == [
        "label 'ii)' inside the text of this item: 2 items run into one by the conversion"
    ]
