"""The quicker forms of the numbering analysis give what the plain forms
they replaced gave (kept here as the reference), on lists made of the
labels and texts that matter to them: in sequence, with gaps, duplicates,
swaps, restarts, blanks, labels left in texts, labels of another kind or
script, roman numerals, letters, decimal clauses nested in a clause."""

from __future__ import annotations

from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from itures import textscan
from itures.rules import labels as lb
from itures.rules import numbering as nb
from itures.rules._walk import End, Entry, LabelledList, Part, find_end

Ordinal = lb.Ordinal

TEXTS = [
    "that;",
    "that,",
    "to:",
    "to report to Council.",
    "the text",
    "as follows; ii) the second; iii) the third;",
    "recalling c) iv) above",
    "to continue its work, resolves to instruct the Director",
    "de poursuivre, décide de",
    "that; PART III - RESOLUTIONS",
    "the end. ANNEX 1 TO RESOLUTION 2",
    "PART II - DECISION ABROGATED BY THE PLENIPOTENTIARY CONFERENCE (DUBAI, 2018)",
]
STYLES = ("letter", "roman", "number", "decimal", "cyrillic")
OTHERS = ["#3", "с)", "б)", "ii)", "b)", "7", "1.1", "i)", "v)", "x)", "abis)", "2 bis"]


def _label(style: str, o: Ordinal, parens: bool) -> str:
    (n,), ins = o
    if style == "decimal":
        return lb.render("number", (2, n), ins)
    if style == "number":
        return lb.render("number", (n,), ins)
    if style == "cyrillic":
        like = lb.Label("а)", "letter", (1,), 0, "cyrillic")
        return lb.render("letter", (n,), ins, like=like)
    kind: lb.Kind = "roman" if style == "roman" else "letter"
    like = lb.Label("(a)" if parens else "a)", "letter", (1,))
    return lb.render(kind, (n,), ins, like=like)


@st.composite
def labels(draw: st.DrawFn) -> list[str | None]:
    """Labels in sequence (next or inserted), then a few edits; ``None`` for
    an entry without a label."""
    style = draw(st.sampled_from(STYLES))
    parens = draw(st.booleans())
    seq: list[Ordinal] = [((1,), 0)]
    size = draw(st.integers(1, 12))
    while len(seq) < size:
        (n,), ins = seq[-1]
        if draw(st.integers(0, 4)) == 0 and ins < 2:
            seq.append(((n,), ins + 1))
        elif n < 20:
            seq.append(((n + 1,), 0))
        else:
            break
    out: list[str | None] = [_label(style, o, parens) for o in seq]
    for _ in range(draw(st.integers(0, 3))):
        edit = draw(
            st.sampled_from(["relabel", "twice", "delete", "swap", "restart", "blank", "other"])
        )
        n = len(out)
        k = draw(st.integers(0, n - 1))
        if edit == "relabel":
            out[k] = _label(style, ((draw(st.integers(1, 24)),), draw(st.integers(0, 2))), parens)
        elif edit == "twice":
            out.insert(k, out[k])
        elif edit == "delete" and n > 1:
            del out[k]
        elif edit == "swap" and n > 1:
            m = draw(st.integers(0, n - 1))
            out[k], out[m] = out[m], out[k]
        elif edit == "restart":
            out.extend(out[: k + 1])
        elif edit == "blank":
            out.insert(k, None)
        elif edit == "other":
            out[k] = draw(st.sampled_from(OTHERS))
    return out


@st.composite
def labelled_lists(draw: st.DrawFn, raws: list[str | None] | None = None) -> LabelledList:
    """A list of one part, at the top or nested in an entry; an unlabelled
    entry's text may start with a label (as conversions leave it)."""
    part: Part = draw(st.sampled_from(["preamble", "operative", "annex"]))
    if raws is None:
        raws = draw(labels())
    nested = draw(st.booleans())
    parent = (
        Entry(
            (part, 0, "clauses", 0),
            draw(st.sampled_from(["1", "2", "a)", "iii)", None])),
            draw(st.sampled_from(TEXTS)),
            (),
        )
        if nested
        else None
    )
    base = (*parent.path, "clauses") if parent else (part, 0, "clauses")
    entries = []
    for i, raw in enumerate(raws):
        text = draw(st.sampled_from(TEXTS))
        label: str | None = raw
        if raw is not None and draw(st.integers(0, 5)) == 0:
            label, text = None, f"{raw} {text}"  # a label left at the start of the text
        children: tuple[Entry, ...] = ()
        if draw(st.integers(0, 6)) == 0:
            children = (Entry((*base, i, "clauses", 0), "i)", "one;", ()),)
        entries.append(Entry((*base, i), label, text, children))
    return LabelledList(
        part, draw(st.integers(0, 2)), "resolves", parent, tuple(entries), draw(st.booleans())
    )


# -- the plain forms -----------------------------------------------------------


def _plain_labelled_in_sequence(lst: LabelledList) -> bool:
    """``_labelled_in_sequence`` as it was, reading the labels every time."""
    raws: list[str | None] = []
    annex = lst.part == "annex"
    for e in lst.entries:
        if e.label is not None:
            raws.append(e.label)
            continue
        left = None if annex else lb.leading_label(e.text)
        if left is None or not left[1]:
            return False
        raws.append(left[0])
    fixed: lb.Kind | None = None
    if lst.parent is None and not annex:
        fixed = "letter" if lst.part == "preamble" else "number"
    read = lb.read_list(raws, fixed)
    head = read[0]
    if head is None or (fixed is not None and head.kind != fixed):
        return False
    kind = head.kind
    for r in read:
        if r is None or r.kind != kind:
            return False
    if lb.foreign(raws):
        return False
    first: Ordinal = (head.parts, head.ins)
    start: Ordinal = ((1,), 0)
    if kind == "number" and len(first[0]) > 1 and lst.parent is not None and lst.parent.label:
        parent_label = lb.read(lst.parent.label)
        if parent_label is not None and parent_label.kind == "number":
            start = ((*parent_label.parts, 1), 0)
    if first != start:
        return False
    prev = first
    for r in read[1:]:
        assert r is not None
        o: Ordinal = (r.parts, r.ins)
        if o not in lb.successors(prev, kind):
            return False
        prev = o
    return True


def _plain_renumber(
    walk: Any, i: int, x: Ordinal
) -> tuple[list[str], list[tuple[Any, str]], int, Ordinal]:
    """``_Walk._renumber`` as it was, writing each label as it goes."""
    old: list[str] = []
    relabel: list[tuple[Any, str]] = []
    before: Ordinal | None = None
    new: Ordinal = x
    k = i
    while k < len(walk.tokens):
        t = walk.tokens[k]
        if t.ordinal is None:
            if t.blank:
                k += 1
                continue
            break
        if before is not None:
            steps = lb.successors(before, walk.kind)
            if t.ordinal not in steps:
                break
            ahead = lb.successors(new, walk.kind)
            step = steps.index(t.ordinal)
            if step >= len(ahead):
                break
            if ahead[step] == t.ordinal:
                break
            new = ahead[step]
        before = t.ordinal
        old.append(t.raw or "")
        relabel.append((t.entry.path, walk.label(new)))
        k += 1
    return old, relabel, k, new


def _plain_merged_heading(text: str) -> bool:
    return any(textscan.headings(text, lang) for lang in ("en", "fr", "es"))


def _plain_document_end(lists: list[LabelledList]) -> Any:
    found, key = None, None
    for lst in lists:
        if lst.part == "annex":
            continue
        for entry in lst.entries:
            after = textscan.trailing(entry.text)
            if after is not None:
                path = (*entry.path, "text")
                order = textscan.document_order(path)
                if key is None or order < key:
                    whole = not entry.text[: after.start].strip()
                    found, key = End(path, after.start, whole), order
    return found


def _analysed(lst: LabelledList) -> nb.Analysis:
    out = nb.Analysis()
    nb._analyse_list(lst, [lst], out, textscan.Scans(), "en")
    return out


def _no_memo(
    self: Any,
    i: int,
    prev: Any,
    expected: Any,
    nested: Any,
    back: Any,
) -> tuple[str, Any]:
    result: tuple[str, Any] = self._options(i, prev, expected, nested, back)
    return result


# -- the properties --------------------------------------------------------------


@given(labelled_lists())
def test_a_list_is_in_sequence_as_its_plain_form_tells(lst: LabelledList) -> None:
    assert nb._labelled_in_sequence(lst) == _plain_labelled_in_sequence(lst)


@settings(deadline=None)  # the first call compiles the headings' patterns
@given(labelled_lists())
def test_the_pass_over_lists_in_sequence_hides_no_finding(lst: LabelledList) -> None:
    quick = _analysed(lst)
    with mock.patch.object(nb, "_labelled_in_sequence", lambda lst: False):
        walked = _analysed(lst)
    assert quick.defects == walked.defects
    assert quick.anomalies == walked.anomalies


@given(labelled_lists(), st.data())
def test_renumbering_as_ordinals_writes_the_labels_of_its_plain_form(
    lst: LabelledList, data: st.DataObject
) -> None:
    out = nb.Analysis()
    tokens, read = nb._tokens(lst, out)
    kinds = [r.kind for r in read if r is not None]
    if not kinds:
        return
    main = nb._most(kinds)
    for tok, r in zip(tokens, read, strict=True):
        if r is not None and r.kind == main:
            tok.ordinal = tok.written = (r.parts, r.ins)
    like = next((r for r in read if r is not None and r.kind == main), None)
    walk = nb._Walk(lst, [lst], tokens, main, ((1,), 0), like, out)
    for i in range(len(tokens)):
        o = tokens[i].ordinal or ((1,), 0)
        for x in (*lb.successors(o, main), data.draw(st.sampled_from([((1,), 0), ((3,), 1)]))):
            assert walk._renumber(i, x) == _plain_renumber(walk, i, x)
            steps, k, last = walk._steps(i, x)
            assert (len(steps), k, last) == (
                len(walk._renumber(i, x)[1]),
                *walk._renumber(i, x)[2:],
            )


@given(st.data())
def test_an_explanation_kept_for_a_tail_of_labels_is_the_one_weighed(
    data: st.DataObject,
) -> None:
    """A list whose labels from a defect on are those of a list explained
    before (with another beginning, other texts) gets the explanation that
    weighing the options again gives."""
    first = data.draw(labels())
    tail = first[data.draw(st.integers(0, len(first) - 1)) :]
    second = data.draw(labels())[: data.draw(st.integers(0, 4))] + tail
    lists = [data.draw(labelled_lists(raws)) for raws in (first, second, first)]
    with mock.patch.object(nb, "_CHOICES", {}):
        kept = [_analysed(lst) for lst in lists]
    with mock.patch.object(nb._Walk, "_choose", _no_memo):
        weighed = [_analysed(lst) for lst in lists]
    for a, b in zip(kept, weighed, strict=True):
        assert a.defects == b.defects
        assert a.anomalies == b.anomalies


@given(
    st.lists(st.sampled_from([*TEXTS, " ", ", ", "resolves", "décide", "resuelve"]), max_size=5),
    st.sampled_from(["en", "fr", "es", "ru", ""]),
    st.booleans(),
)
def test_a_heading_run_into_a_text_is_found_through_the_scans(
    pieces: list[str], language: str, scanned: bool
) -> None:
    text = "".join(pieces)
    scan = textscan.Scans()
    if scanned:
        scan.headings(text, "fr")  # asked before by another rule
    assert nb._merged_heading(text, scan, language) == _plain_merged_heading(text)
    assert nb._merged_heading(text) == _plain_merged_heading(text)


@given(st.lists(labelled_lists(), max_size=4))
def test_the_end_of_the_document_is_found_as_its_plain_form_finds_it(
    lists: list[LabelledList],
) -> None:
    assert find_end(lists, textscan.Scans()) == _plain_document_end(lists)


def _clauses(raws: list[str], texts: list[str]) -> LabelledList:
    entries = tuple(
        Entry(("operative", 0, "clauses", i), raw, text, ())
        for i, (raw, text) in enumerate(zip(raws, texts, strict=True))
    )
    return LabelledList("operative", 0, "resolves", None, entries, True)


def test_a_kept_explanation_is_told_apart_by_the_nested_run_before_it() -> None:
    """``1 2 3 1 2 3 4``: a nested list when 3 ends with ':', a list started
    again otherwise; the labels from the defect on are the same."""
    raws = ["1", "2", "3", "1", "2", "3", "4"]
    plain = ["that;"] * 7
    colon = ["that;", "that;", "to:", *["that;"] * 4]
    for order in ([plain, colon], [colon, plain]):
        lists = [_clauses(raws, texts) for texts in order]
        with mock.patch.object(nb, "_CHOICES", {}):
            kept = [_analysed(lst) for lst in lists]
        with mock.patch.object(nb._Walk, "_choose", _no_memo):
            weighed = [_analysed(lst) for lst in lists]
        assert [a.defects for a in kept] == [b.defects for b in weighed]
        assert {d.finding.message.split(" ")[-1] for d in kept[0].defects + kept[1].defects} == {
            "level",
            "it?",
        }


def test_a_decimal_list_is_in_sequence_under_the_clause_it_numbers_only() -> None:
    """``2.1, 2.2`` is in sequence under clause 2, not under clause 1 (the
    memoised answer is keyed by the parent's label)."""
    for first, second in (("2", "1"), ("1", "2")):
        for parent_label in (first, second):
            parent = Entry(("operative", 0, "clauses", 0), parent_label, "to:", ())
            entries = tuple(
                Entry((*parent.path, "clauses", i), raw, "that;", ())
                for i, raw in enumerate(["2.1", "2.2"])
            )
            lst = LabelledList("operative", 0, "resolves", parent, entries, True)
            assert nb._labelled_in_sequence(lst) == (parent_label == "2")


# -- the quicker forms of this round ------------------------------------------


def test_a_beginning_of_a_b_or_of_1_2_is_in_sequence_as_its_plain_form_tells() -> None:
    """The lists told at once (a beginning of a), b), … or of 1, 2, …), of
    every length, in every part, at the top or under a clause of any label."""
    runs = [[f"{c})" for c in lb.LATIN], [str(n) for n in range(1, 100)]]
    for run in runs:
        for n in range(1, len(run) + 1):
            for part in ("preamble", "operative", "annex"):
                for parent_label in (None, "1", "2", "a)", "iii)"):
                    parent = (
                        Entry((part, 0, "clauses", 0), parent_label, "to:", ())
                        if parent_label
                        else None
                    )
                    entries = tuple(
                        Entry((part, 0, "clauses", i), raw, "that;", ())
                        for i, raw in enumerate(run[:n])
                    )
                    lst = LabelledList(part, 0, "resolves", parent, entries, True)  # type: ignore[arg-type]
                    assert nb._labelled_in_sequence(lst) == _plain_labelled_in_sequence(lst), (
                        part,
                        parent_label,
                        run[:n],
                    )


def _plain_split_insertion(core: str) -> tuple[str, int]:
    """``labels._split_insertion`` as it was: every insertion word tried."""
    for word in sorted(lb.INSERTIONS, key=len, reverse=True):
        if core.endswith(word) and len(core) > len(word):
            return core[: -len(word)], lb.INSERTIONS.index(word) + 1
    return core, 0


@given(
    st.text(alphabet="abcdeiqrstuvx1", max_size=4),
    st.sampled_from(["", *lb.INSERTIONS, "s", "r", "es", "er"]),
)
def test_an_insertion_is_split_off_as_its_plain_form_splits_it(core: str, word: str) -> None:
    assert lb._split_insertion(core + word) == _plain_split_insertion(core + word)


def _plain_foreign(raws: list[str | None]) -> set[int]:
    """``labels.foreign`` as it was: each label looked at for ASCII."""
    if all(r is None or r.isascii() for r in raws):
        return set()
    scripts = [lb._scripts(r) if r else frozenset() for r in raws]
    counted = [s for s in scripts if len(s) == 1]
    if not counted:
        return {i for i, s in enumerate(scripts) if len(s) > 1}
    names = [next(iter(s)) for s in counted]
    main = max(names, key=names.count)
    # on a tie, the first script whose other labels all look like its letters
    for name in dict.fromkeys(names):
        if names.count(name) == names.count(main) and all(
            lb.looks_alike(r) for r, s in zip(raws, scripts, strict=True) if r and s and s != {name}
        ):
            main = name
            break
    return {i for i, s in enumerate(scripts) if s and s != {main}}


@given(st.lists(st.one_of(st.none(), st.sampled_from([*OTHERS, "a)", "1", "ب)", "б)", ""]))))
def test_labels_of_another_script_are_found_as_their_plain_form_finds_them(
    raws: list[str | None],
) -> None:
    assert lb.foreign(raws) == _plain_foreign(raws)


@given(labelled_lists())
def test_a_token_points_where_its_label_is_written(lst: LabelledList) -> None:
    """A token's path, made when a finding needs it: the label, the text
    that starts with it, or the entry without a label."""
    tokens, _ = nb._tokens(lst, nb.Analysis())
    for tok, e in zip(tokens, lst.entries, strict=True):
        if e.label is not None:
            assert tok.path == (*e.path, "label")
        elif tok.raw is not None:
            assert lst.part != "annex"
            assert tok.path == (*e.path, "text")
        else:
            assert tok.path == e.path


@settings(deadline=None)  # the first call compiles the headings' patterns
@given(labelled_lists())
def test_the_memo_is_keyed_by_the_labels_as_they_are_at_each_defect(lst: LabelledList) -> None:
    """The tokens' labels the walk keeps for the memo's key (made at the
    first defect) are those of the tokens at every defect, after a swap too."""
    choose = nb._Walk._choose
    seen: list[bool] = []

    def checked(self: Any, i: int, *args: Any) -> tuple[str, Any]:
        if self._sig is not None:
            assert self._sig == [(t.ordinal, t.blank) for t in self.tokens]
        seen.append(True)
        result: tuple[str, Any] = choose(self, i, *args)
        assert self._sig == [(t.ordinal, t.blank) for t in self.tokens]
        return result

    with mock.patch.object(nb._Walk, "_choose", checked):
        _analysed(lst)


def test_a_list_without_entries_or_labels_gives_nothing() -> None:
    """The pass over a list without a label (no entry at all, or entries all
    unlabelled) comes before anything is read."""
    for entries in ((), (Entry(("annexes", 0, "items", 0), None, "text", ()),)):
        for part in ("preamble", "operative", "annex"):
            lst = LabelledList(part, 0, "h", None, entries, True)  # type: ignore[arg-type]
            found = _analysed(lst)
            assert not found.defects and not found.anomalies
