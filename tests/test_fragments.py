"""The fragment walk (itures.fragments): indexed look-ups find what a walk finds.

A citation's fragment is looked up in an index of its resolution made once
(its sections by verb, each list's labels by the segments naming them, every
path of segments); the law is that it finds what walking the sections in
order finds, the first list entry a segment names winning, and says there is
none exactly when the walk finds none. The walk is written out here, as the
module's documentation describes it, and compared with :func:`find` on
generated outlines, with the index of paths and without it (the fallback of
a resolution with too many paths).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itures import fragments
from itures.fragments import Outline, find, segment

Entry = tuple[str | None, tuple[Any, ...]]


def _label(entry: Entry) -> str | None:
    return entry[0]


def _children(entry: Entry) -> tuple[Any, ...]:
    return entry[1]


def _outline(
    preamble: list[tuple[str, tuple[Entry, ...]]],
    operative: list[tuple[str, tuple[Entry, ...]]],
    annexes: list[tuple[str | None, tuple[Entry, ...]]],
) -> Outline[Any, Entry]:
    return Outline(
        [(verb, entries, entries) for verb, entries in preamble],
        [(verb, f"{verb} (heading)", entries, entries) for verb, entries in operative],
        [(label, entries, entries) for label, entries in annexes],
        _label,
        _children,
    )


def _walked(outline: Outline[Any, Entry], fragment: Sequence[str]) -> Any:
    """What a plain walk finds: the first section of the verb (preamble, then
    operative) in which each segment names an entry of the list below the last
    (by its segment, or under a parent P by what follows 'P.'), the first
    entry of a list that a segment names winning; None when none has it."""

    def child(entries: Sequence[Entry], seg: str, parent: str | None) -> Entry | None:
        for entry in entries:
            if entry[0] is None:
                continue
            found = segment(entry[0])
            if found == seg.lower() or (
                parent
                and found.startswith(parent + ".")
                and found[len(parent) + 1 :] == seg.lower()
            ):
                return entry
        return None

    def walk(entries: Sequence[Entry], segs: Sequence[str]) -> Any:
        parent, found = None, None
        for seg in segs:
            entry = child(entries, seg, parent)
            if entry is None:
                return _NONE
            parent, entries, found = segment(entry[0] or ""), entry[1], entry
        return found

    head, rest = fragment[0], fragment[1:]
    if head == "annex":
        if not outline.annexes:
            return _NONE
        if not rest:
            return outline.annexes[0][1]
        for label, annex, items in outline.annexes:
            if (label is None and rest[0].lower() == "1" and len(outline.annexes) == 1) or (
                label is not None and segment(label) == rest[0].lower()
            ):
                got = walk(items, rest[1:])
                return annex if got is None else got
        return _NONE
    sections = [(s, e) for verb, s, e in outline.preamble if verb == head]
    sections += [(s, e) for verb, _, s, e in outline.operative if verb == head]
    for section, entries in sections:
        got = walk(entries, rest)
        if got is not _NONE:
            return section if got is None else got
    return _NONE


_NONE = object()

_LABELS = st.sampled_from(["1", "2", "1.1", "1.2", "1.1.1", "a)", "b)", "(a)", "A)", None])
_SEGMENTS = st.sampled_from(["1", "2", "1.1", "1.2", "1.1.1", "a", "A", "b", "3"])


def _entries(depth: int) -> Any:
    children = st.just(()) if depth == 0 else _entries(depth - 1)
    return st.lists(st.tuples(_LABELS, children), max_size=4).map(tuple)


_SECTIONS = st.lists(st.tuples(st.sampled_from(["a", "b"]), _entries(3)), max_size=4)
_ANNEXES = st.lists(st.tuples(st.sampled_from(["1", "2", "a", None]), _entries(2)), max_size=3)
_FRAGMENTS = st.tuples(st.sampled_from(["a", "b", "c", "annex"])).flatmap(
    lambda head: st.lists(_SEGMENTS, max_size=4).map(lambda rest: (*head, *rest))
)


def _a_path_in(data: st.DataObject, outline: Outline[Any, Entry]) -> tuple[str, ...]:
    """A fragment along entries of the outline (each segment one that names
    an entry, as its label or after its parent's), then maybe one more."""
    sections = [(v, e) for v, _, e in outline.preamble] + [
        (v, e) for v, _, _, e in outline.operative
    ]
    if not sections:
        return data.draw(_FRAGMENTS)
    verb, entries = data.draw(st.sampled_from(sections))
    fragment, parent = [verb], None
    while entries and data.draw(st.booleans()):
        label, nested = data.draw(st.sampled_from(entries))
        if label is None:
            break
        seg = segment(label)
        names = [seg]
        if parent and seg.startswith(parent + "."):
            names.append(seg[len(parent) + 1 :])
        fragment.append(data.draw(st.sampled_from(names)))
        parent, entries = seg, nested
    if data.draw(st.booleans()):
        fragment.append(data.draw(_SEGMENTS))
    return tuple(fragment)


@pytest.mark.parametrize("indexed", [True, False], ids=["paths", "walked"])
@settings(max_examples=200)
@given(preamble=_SECTIONS, operative=_SECTIONS, annexes=_ANNEXES, data=st.data())
def test_an_indexed_look_up_finds_what_a_walk_of_the_sections_finds(
    indexed: bool,
    preamble: list[tuple[str, tuple[Entry, ...]]],
    operative: list[tuple[str, tuple[Entry, ...]]],
    annexes: list[tuple[str | None, tuple[Entry, ...]]],
    data: st.DataObject,
) -> None:
    outline = _outline(preamble, operative, annexes)
    if not indexed:  # as in a resolution of too many paths
        outline.lookup._indexed = True
        assert outline.lookup.paths() is None
    fragments_ = [data.draw(_FRAGMENTS), _a_path_in(data, outline), _a_path_in(data, outline)]
    for fragment in fragments_:
        found, why = find(outline, fragment)
        walked = _walked(outline, fragment)
        if walked is _NONE:
            assert found is None
            assert why
        else:
            assert why is None
            assert found is walked  # the same entry, not only an equal one


def test_the_paths_of_labels_nested_under_their_parents_are_bounded() -> None:
    # "1" > "1.1" > "1.1.1" > ...: every entry is named two ways under its
    # parent, so the paths to the deepest double at each level
    entry: Entry = ("1" + ".1" * 40, ())
    for depth in range(39, -1, -1):
        entry = ("1" + ".1" * depth, (entry,))
    outline = _outline([], [("resolves", (entry,))], [])
    assert outline.lookup.paths() is None  # past the budget: the sections are walked
    deepest = find(outline, ("resolves", *["1"] * 41))  # 41 levels
    assert deepest[1] is None and deepest[0] == ("1" + ".1" * 40, ())
    assert find(outline, ("resolves", *["1"] * 42))[1] is not None
    assert find(outline, ("resolves", "1", "1.1", "1"))[1] is None
    small = _outline([], [("resolves", (("1", (("1.1", (("1.1.1", ()),)),)),))], [])
    assert small.lookup.paths() is not None
    assert (
        find(small, ("resolves", "1", "1", "1"))[0]
        is find(small, ("resolves", "1", "1.1", "1.1.1"))[0]
    )


def test_a_reason_names_a_dozen_labels_and_each_verb_once() -> None:
    clauses = tuple((str(n), ()) for n in range(1, 41))
    outline = _outline(
        [("considering", (("a)", ()),)), ("considering", (("b)", ()),))],
        [("resolves", clauses), ("instructs", (("1", ()),))],
        [],
    )
    assert find(outline, ("resolves", "41"))[1] == (
        "has no clause '41' in 'resolves' (its clauses: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, "
        "12, … (40 in all))"
    )
    assert find(outline, ("noting",))[1] == (
        "has no section 'noting' (its sections: considering, resolves, instructs)"
    )
    many = _outline([], [(f"verb{n}", ()) for n in range(30)], [])
    assert find(many, ("noting",))[1] == (
        "has no section 'noting' (its sections: verb0, verb1, verb2, verb3, verb4, verb5, "
        "verb6, verb7, verb8, verb9, verb10, verb11, … (30 in all))"
    )


def test_a_reason_is_told_in_the_language_of_the_messages_after_the_index_is_made() -> None:
    from itures import i18n

    outline = _outline([], [("resolves", (("1", ()),) * 0)], [])
    try:
        assert "none labelled" in (find(outline, ("resolves", "2"))[1] or "")
        i18n.use("fr")
        assert "aucun numéroté" in (find(outline, ("resolves", "2"))[1] or "")
    finally:
        i18n.use(None)


def test_a_citation_missing_from_every_section_of_its_verb_walks_three_of_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outline = _outline([], [("resolves", ((str(2 * n), ()),)) for n in range(1, 1001)], [])
    walks = []
    real = fragments._walk

    def counted(*args: Any, **kwargs: Any) -> Any:
        walks.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(fragments, "_walk", counted)
    for n in range(1, 1001):
        assert find(outline, ("resolves", str(2 * n)))[1] is None
    assert walks == []  # found by their paths
    why = find(outline, ("resolves", "3"))[1]
    assert len(walks) == 3  # the reasons of the first three; the others counted
    assert why is not None and why.endswith("nor in the 997 other sections 'resolves'")


def test_ascii_digits_writes_other_scripts_digits_in_0_to_9_and_keeps_the_rest() -> None:
    from itures.textscan import ascii_digits

    assert ascii_digits("٢٠١٤") == "2014"
    assert ascii_digits("２０１８年") == "2018年"
    assert ascii_digits("۱۲ b)") == "12 b)"
    assert ascii_digits("a) 2014") == "a) 2014"
