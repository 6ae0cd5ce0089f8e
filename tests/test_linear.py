"""Paths that were quadratic stay linear: positions, fmt's diff, diff, citations.

No test here asserts a time. Each either counts the work done (how often a
mapping is walked, how many pairs of units are compared), or compares the
time of the same work at two sizes, ``n`` and ``4 n``, within one run, as a
ratio: linear work takes about 4 times as long, quadratic work 16 times; the
tests fail above 10 (the best of three runs of each, so that a busy machine
does not make them fail). ``bench/growth.py`` measures the same paths up to
the 10 MB limit on a file.
"""

from __future__ import annotations

import difflib
import itertools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import growth

import itures.diff
from itures.align import align, unified_diff
from itures.diff import diff_resolutions
from itures.fmt import Formatted, extract_comments
from itures.importers.extract import mark_citations
from itures.model.resolution import Resolution
from itures.validate import validate
from itures.yamlio.read import Document, parse_text, read_document
from itures.yamlio.write import dump_data
from tests.conftest import best_time as _best


def _growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    """How many times longer the work takes on 4 n than on n (inputs built first)."""
    small, large = make(n), make(4 * n)
    small()  # imports and caches, untimed
    return _best(large) / _best(small)


# -- positions of schema findings


class _CountedPairs(list[Any]):
    """The (key, value) pairs of a mapping node, counting the walks over them."""

    walks = 0

    def __iter__(self) -> Iterator[Any]:
        type(self).walks += 1
        return super().__iter__()


def test_findings_in_one_mapping_are_positioned_in_one_walk_of_it() -> None:
    base = dump_data(growth.resolution(2))
    lines = base.count("\n")
    text = base + "".join(f"unknown{i}: x\n" for i in range(3000))
    doc = read_document("big.yaml", text.encode())
    assert isinstance(doc, Document)
    root = doc.root
    assert root is not None
    root.value = _CountedPairs(root.value)
    _, found = validate(doc)
    assert len(found) == 3000
    # every finding at its own key, found by a walk of the mapping done once
    assert [(d.line, d.column) for d in found] == [(lines + 1 + i, 1) for i in range(3000)]
    assert _CountedPairs.walks == 1


def test_a_key_is_found_in_a_mapping_as_before_the_index() -> None:
    text = "a: 1\nb:\n  c: [1, 2]\n  d: {e: 3}\n'1': x\n"
    data, root = parse_text(text)
    doc = Document("t.yaml", text, data, root)
    assert doc.locate(("b", "c", 1)) == (3, 10)
    assert doc.locate(("b", "d", "e")) == (4, 10)
    assert doc.locate(("b", "d"), key=True) == (4, 3)
    assert doc.locate((1,)) == (5, 6)  # an integer part names the key "1"
    assert doc.locate(("b", "nothing", "deeper")) == (3, 3)  # stops where the path leaves


# -- itures.align


small_lists = st.lists(st.sampled_from("abcd"), max_size=30)


@given(small_lists, small_lists, st.booleans())
def test_small_inputs_are_aligned_exactly_as_difflib_does(
    a: list[str], b: list[str], autojunk: bool
) -> None:
    expected = difflib.SequenceMatcher(None, a, b, autojunk=autojunk)
    alignment = align(a, b, autojunk=autojunk)
    assert not alignment.approximate
    assert alignment.blocks == [tuple(m) for m in expected.get_matching_blocks()]
    assert alignment.opcodes() == expected.get_opcodes()
    assert list(alignment.grouped_opcodes(2)) == list(expected.get_grouped_opcodes(2))
    assert alignment.ratio() == expected.ratio()


def _apply(a: list[str], alignment: Any, b: list[str]) -> list[str]:
    """``a`` turned by the opcodes (taking inserted elements from ``b``)."""
    out: list[str] = []
    for tag, i1, i2, j1, j2 in alignment.opcodes():
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
            out.extend(a[i1:i2])
        elif tag in ("insert", "replace"):
            out.extend(b[j1:j2])
    return out


@given(
    st.lists(st.sampled_from("abcdefghij"), max_size=60),
    st.lists(st.sampled_from("abcdefghij"), max_size=60),
)
def test_anchored_alignment_is_a_correct_diff(a: list[str], b: list[str]) -> None:
    # exact=0: every stretch goes through anchors (and some are left unaligned)
    alignment = align(a, b, exact=0)
    blocks = alignment.blocks
    assert blocks[-1] == (len(a), len(b), 0)
    for (i, j, size), (i2, j2, _) in itertools.pairwise(blocks):
        assert size > 0 and i + size <= i2 and j + size <= j2
    assert _apply(a, alignment, b) == b


def _patch(a: list[str], diff: str) -> list[str]:
    """Apply a unified diff to ``a`` (lines with their ends)."""
    out: list[str] = []
    pos = 0
    for line in diff.splitlines(keepends=True)[2:]:
        if line.startswith("@@"):
            start = int(line.split()[1].split(",")[0][1:])
            length = line.split()[1].split(",")
            begin = start - 1 if len(length) == 1 or length[1] != "0" else start
            out.extend(a[pos:begin])
            pos = begin
        elif line[0] == " ":
            assert a[pos] == line[1:]
            out.append(line[1:])
            pos += 1
        elif line[0] == "-":
            assert a[pos] == line[1:]
            pos += 1
        else:
            out.append(line[1:])
    return out + a[pos:]


def _yaml_lines(n: int, *, changed: bool) -> list[str]:
    """Lines like a resolution's: unique labels, a popular line, texts that change."""
    out = []
    for i in range(n):
        out += [f"  - label: '{i}'\n", "    text: >-\n"]
        out.append(f"      {'new' if changed and i % 3 else 'old'} text {i % 97}\n")
    return out


def test_unified_diff_is_difflibs_for_usual_files_and_applies_for_large_ones() -> None:
    a, b = _yaml_lines(60, changed=False), _yaml_lines(60, changed=True)
    assert "".join(unified_diff(a, b, "x", "y")) == "".join(difflib.unified_diff(a, b, "x", "y"))
    a, b = _yaml_lines(5000, changed=False), _yaml_lines(5000, changed=True)
    diff = "".join(unified_diff(a, b, "x", "y"))
    assert _patch(a, diff) == b
    assert not align(a, b).approximate  # every label is an anchor


def test_the_diff_of_a_formatted_file_grows_linearly() -> None:
    def make(n: int) -> Callable[[], object]:
        before, after = _yaml_lines(n, changed=False), _yaml_lines(n, changed=True)
        result = Formatted("x.yaml", "".join(before), "".join(after))
        return result.diff

    assert _growth(make, 3000) < 10


def test_end_of_line_comments_are_attached_in_linear_time() -> None:
    # a comment after a flow list that spans lines is on no entry's first line:
    # the entry whose lines hold it is found by a sweep, not a scan per comment
    def make(n: int) -> Callable[[], object]:
        text = "clauses:\n" + "".join(
            f"  - label: '{i}'\n    actors: [a,\n      b]  # note {i}\n" for i in range(n)
        )
        _, root = parse_text(text)

        def run() -> object:
            comments = extract_comments(text, root)
            assert comments.trailing[("clauses", n - 1, "actors")] == [f"# note {n - 1}"]
            return comments

        return run

    assert _growth(make, 500) < 10


# -- itures diff


def _models(n: int) -> tuple[Resolution, Resolution]:
    old = growth.resolution(n)
    return Resolution.model_validate(old), Resolution.model_validate(growth.changed(old))


def test_diff_of_many_changed_clauses_compares_a_bounded_number_of_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    similarity = itures.diff._similarity

    def counted(a: Any, b: Any) -> float:
        nonlocal calls
        calls += 1
        return similarity(a, b)

    monkeypatch.setattr(itures.diff, "_similarity", counted)
    old, new = _models(2000)
    changes = diff_resolutions(old, new)
    # every pair compared: 4 million; near their places: a few per clause
    assert calls < 25 * 2000
    assert changes.notes and "near its place" in changes.notes[0]
    # the outputs say so
    from itures.diff import render_json, render_text

    assert render_text(changes, "a", "b").splitlines()[-1] == f"note: {changes.notes[0]}"
    assert json.loads(render_json(changes, "a", "b"))["notes"] == changes.notes
    kinds = {c.change for c in changes}
    assert kinds <= {"changed", "renumbered", "added", "removed", "moved"}
    assert sum(c.change == "changed" for c in changes) > 1500


def test_small_diffs_have_no_notes() -> None:
    old, new = _models(40)
    changes = diff_resolutions(old, new)
    assert changes and changes.notes == []


# -- the Word text importer's citations


class _CountedSpans(list[tuple[int, int, str]]):
    """Spans already marked, counting the walks over them."""

    walks = 0

    def __iter__(self) -> Iterator[tuple[int, int, str]]:
        type(self).walks += 1
        return super().__iter__()


def test_a_long_paragraph_of_citations_reads_the_spans_taken_once() -> None:
    words = (
        "resolves 3 of Resolution 58 (Rev. Busan, 2014) and resolves 2 above, "
        "Resolution 71, resolves 1 of this resolution, in resolves 4, "
    )
    text = "recalling " + words * 400 + "end;"
    marked, cited = mark_citations("recalling " + words * 3 + "end;", "en", "pp", "12")
    assert len(cited) == 3 * 5
    assert "[resolves 2 above](pp:12#resolves/2)" in marked
    assert "[resolves 4](pp:12#resolves/4)" in marked
    # the parts of the document itself, asked against the 800 citations found:
    # each part is checked against an index of them, not by reading them all
    from itures.importers import extract

    found = sorted(extract._find(text, "en", "pp")[0])
    _CountedSpans.walks = 0
    own = extract._own_parts(text, "en", "pp", "12", _CountedSpans(found))
    assert (len(own), _CountedSpans.walks) == (400, 2)
    _CountedSpans.walks = 0
    bare = extract._own_bare_parts(text, "en", "pp", "12", _CountedSpans(sorted(found + own)))
    assert (len(bare), _CountedSpans.walks) == (800, 2)


# -- itures check: the rules' lookups (numbering, suppressions, references)


def test_check_of_a_file_of_many_sections_reads_each_label_a_bounded_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from itures import fragments
    from itures.corpus import check_paths
    from itures.rules import labels

    calls = {"read_list": 0, "segment": 0}
    for module, name in ((labels, "read_list"), (fragments, "segment")):
        real = getattr(module, name)

        def counted(*args: Any, _real: Any = real, _name: str = name) -> Any:
            calls[_name] += 1
            return _real(*args)

        monkeypatch.setattr(module, name, counted)
    n = 400
    path = tmp_path / "resolutions" / "pp" / "191" / "en.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(growth.hard(n), encoding="utf-8")
    result = check_paths([path], jobs=1)
    # every numbering slip suppressed, every citation of a clause found
    assert len(result.suppressed) == n
    assert not [d for d in result.diagnostics if d.rule.startswith(("reference", "numb"))]
    # each list's labels read a few times, not once for every other list
    # (n * n = 160,000); each label made a citation's segment a few times, not
    # once for each citation of a section of its verb (every clause is a
    # section 'resolves' of its own: n * n / 2 walking them in order)
    assert calls["read_list"] < 5 * n
    assert 0 < calls["segment"] < 5 * n


def test_suppressions_are_scanned_and_matched_in_linear_time() -> None:
    from itures.rules import suppressions as sp

    def make(n: int) -> Callable[[], object]:
        text = "clauses:\n" + "".join(
            f"  # itures: ignore[numbering-gap] reason: as published\n  - label: '{2 * i}'\n"
            f"    text: 'a # b'\n"
            for i in range(n)
        )
        data, root = parse_text(text)
        doc = Document("s.yaml", text, data, root)

        def run() -> object:
            sups = sp.scan(doc, {"numbering-gap"})
            hits = [sp.match(sups, "numbering-gap", {3 * i + 3}) for i in range(n)]
            assert [h.target if h else None for h in hits] == [3 * i + 3 for i in range(n)]
            return hits

        return run

    assert _growth(make, 1500) < 10


def test_a_clause_missing_from_many_sections_of_one_verb_is_explained_briefly(
    tmp_path: Path,
) -> None:
    from itures.corpus import check_paths

    # (the words and the target both: the target alone retyped is reference-text's,
    # its words naming another part)
    text = growth.hard(40).replace(
        "[resolves 80](pp:191#resolves/80)", "[resolves 81](pp:191#resolves/81)"
    )
    path = tmp_path / "resolutions" / "pp" / "191" / "en.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    (found,) = [d for d in check_paths([path], jobs=1).diagnostics if d.rule.startswith("ref")]
    assert found.message.endswith(
        "has no clause '81' in 'resolves' (its clauses: 2); has no clause '81' in 'resolves' "
        "(its clauses: 4); has no clause '81' in 'resolves' (its clauses: 6); "
        "nor in the 37 other sections 'resolves'"
    )


def test_findings_inside_one_long_text_are_positioned_in_linear_time() -> None:
    from itures.rules.position import locate_span

    def make(n: int) -> Callable[[], object]:
        value = " ".join(f"word{i} 'quoted'" for i in range(n))
        text = dump_data({"clauses": [{"text": value}]})
        data, root = parse_text(text)
        doc = Document("t.yaml", text, data, root)
        offsets = [value.index(f"word{i} ") for i in range(0, n, 2)]

        def run() -> object:
            spans = [locate_span(doc, ("clauses", 0, "text"), o, 5) for o in offsets]
            line, column, _, end = spans[-1]
            source = text.splitlines()[line - 1]
            assert source[column - 1 : end] == f"word{2 * (len(offsets) - 1)}"[:5]
            return spans

        return run

    assert _growth(make, 4000) < 10


def test_a_long_run_of_merged_headings_is_scanned_in_linear_time() -> None:
    """A text of ", invites ..., invites ..." with no ';' (one heading found
    merged, running to the end): the heading that ends it is looked for in
    its last characters only, not from each heading inside it."""
    from itures import textscan

    def make(n: int) -> Callable[[], object]:
        text = "to act" + ", invites Member States to act and to report" * n
        text += ", requests the Council"

        def run() -> object:
            found = textscan.headings(text, "en")
            assert found[-1].end == len(text)
            return found

        return run

    assert _growth(make, 400) < 10


@pytest.mark.parametrize("language", ["ar", "ru", "zh"])
def test_a_long_text_in_another_script_is_scanned_in_linear_time(language: str) -> None:
    """A text in Arabic, Russian or Chinese is one run of '?' and blanks in
    the joined form of the quick tests; the page number's quick test (a digit,
    blanks, then a heading's word, a '?' being either) once read it again from
    each of its characters, and a garbled word was looked for word by word."""
    import random

    from itures import textscan

    def make(n: int) -> Callable[[], object]:
        rng = random.Random(1)
        # (no ASCII mark between the words: one run, the worst case)
        words = [w for w in growth.SCRIPT_WORDS[language] if not any(c.isascii() for c in w)]
        text = ("" if language == "zh" else " ").join(rng.choice(words) for _ in range(n))

        def run() -> object:
            return textscan.Scans().found_in(textscan.Joined([text]), language)

        return run

    assert _growth(make, 2000) < 10


@pytest.mark.parametrize("glyph", ["\u200b", "\ufb01", "\x07"])
def test_a_word_of_many_glyphs_is_read_in_linear_time(glyph: str) -> None:
    """Each stray glyph names the word it is in: the word was read from the
    glyph to its ends for each glyph (zero-width spaces pasted in a row make
    one word of thousands), and written whole in each finding."""
    from itures import textscan

    def make(n: int) -> Callable[[], object]:
        text = "de" + (glyph + "x") * n + "veloppement"
        return lambda: textscan.glyphs(text)

    assert _growth(make, 3000) < 10
    found = textscan.glyphs("de" + (glyph + "x") * 3000 + "veloppement")
    assert len(found) == 3000 and max(len(a.detail) for a in found) <= 43
    # the same glyph in a row: one finding, the run its span
    (run,) = textscan.glyphs("de" + glyph * 3000 + "veloppement")
    assert (run.start, run.end, run.found) == (2, 3002, glyph) and len(run.detail) <= 43


def test_a_step_of_the_walk_inside_a_long_word_reads_as_far_as_the_finding() -> None:
    """The walk from a text's value to its source, at a finding one character
    after the last (a finding at each character of a word: zero-width spaces
    pasted between letters), read the rest of the word at each step, however
    long: a word of 24,000 characters took 0.6 s of its 1.2 s check. A step
    now costs the same whatever the word's length (the time of 2,000 steps
    at the start of a word of n and 4 n characters: about 1, was about 4)."""
    from itures.rules.position import _as_written

    def make(n: int) -> Callable[[], object]:
        value = "to " + "a\u200b" * n + " end."
        text = "text: " + value
        return lambda: [_as_written(text, value, None, 3, 9, 10) for _ in range(2000)]

    assert _growth(make, 50_000) < 2


def test_a_long_run_of_underscores_is_scanned_in_linear_time() -> None:
    """A footnote's rule ('____') is tried where a run of '_' starts, not
    again from each of its characters."""
    from itures import textscan

    def make(n: int) -> Callable[[], object]:
        text = "x " + "_" * n + " y"
        return lambda: textscan.footnotes(text)

    assert _growth(make, 5000) < 10


def test_many_doubled_marks_after_abbreviations_are_read_in_linear_time() -> None:
    """Each doubled mark after a dot asks whether the dot ends an abbreviation
    ("etc. ,"): the word before it is looked for near the dot, not from the
    text's start."""
    from itures.rules.punctuation import doubled

    def make(n: int) -> Callable[[], object]:
        text = ",;etc. " * n
        return lambda: doubled(text)

    assert _growth(make, 1500) < 10


STRAY_PIECES = ["]", " ", "\u00a0", "(", ")", "pp:5", "wtdc:", "x", "[a]", "\t"]


@given(st.lists(st.sampled_from(STRAY_PIECES), max_size=14).map("".join), st.integers(0, 40))
def test_a_stray_target_is_found_from_any_place_as_a_search_finds_it(text: str, start: int) -> None:
    from itures.model import markup as mk
    from itures.rules.references import _stray_from, _Strays

    start = min(start, len(text))
    found = _stray_from(text, _Strays(text), start)
    expected = mk.STRAY_TARGET.search(text, start)
    assert (found and (found.span(), found.group("target"))) == (
        expected and (expected.span(), expected.group("target"))
    )


def test_many_citations_in_plain_words_are_read_in_linear_time() -> None:
    """Each citation in plain words looked for a target in parentheses after
    it, to the text's end: found once for the text now."""
    from itures.rules import Context, load_all, run

    rule = load_all()["reference-unmarked"]

    def make(n: int) -> Callable[[], object]:
        data = growth.resolution(1)
        data["operative"][0]["clauses"][0]["text"] = "' \u00a0Resolution 5 " * n + "x;"
        doc = read_document("r.yaml", dump_data(data).encode())
        assert isinstance(doc, Document)
        resolution, _ = validate(doc)
        assert resolution is not None

        def check() -> object:
            found = list(run(Context("r.yaml", resolution, document=doc), [rule]))
            assert len(found) == n
            return found

        return check

    assert _growth(make, 300) < 10


def test_a_long_title_of_blanks_is_read_in_linear_time() -> None:
    """The title's end is looked at, not a pattern tried at each position."""
    from itures.rules.artefacts import cut_title

    def make(n: int) -> Callable[[], object]:
        title = "x" + " " * n + "y"
        return lambda: cut_title(title)

    assert _growth(make, 20000) < 10


def test_a_text_of_many_merged_headings_and_labels_is_reported_in_linear_time() -> None:
    """Each merged heading takes the labels after it: found for all of them in
    one pass, not for each heading among all the labels."""
    from itures.rules import Context
    from itures.rules.artefacts import conversion_artefact
    from tests.conftest import resolution

    def make(n: int) -> Callable[[], object]:
        data = resolution()
        data["operative"][0]["clauses"][0]["text"] = (
            "to act" + "; 1 to do x, invites Member States to act" * n + ";"
        )
        res = Resolution.model_validate(data)

        def run() -> object:
            found = list(conversion_artefact(Context("a.yaml", res)))
            assert len(found) == n + 1
            return found

        return run

    assert _growth(make, 2000) < 10


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: "(" * n + ")" * n,  # nested deep: a pass of the pairs per level
        lambda n: "(" * n + "x",  # every one left open
        lambda n: "x)" * n,  # every one closing nothing
        lambda n: "a) " * n + "(",  # labels, then one left open at the end
        lambda n: "(" + "b " * n + ")" * n,  # one opened, then a far run of closings
    ],
    ids=["nested", "open", "closing", "labels", "far"],
)
def test_parentheses_with_no_partner_are_found_in_linear_time(
    shape: Callable[[int], str],
) -> None:
    from itures.rules._walk import Text
    from itures.rules.punctuation import _unpaired_brackets

    def make(n: int) -> Callable[[], object]:
        texts = [Text(("footnotes", 0, "text"), shape(n)), Text(("footnotes", 1, "text"), "a) b")]
        return lambda: list(_unpaired_brackets(texts))

    assert _growth(make, 5_000) < 10


def test_sections_of_one_verb_are_compared_in_linear_time() -> None:
    from itures.rules import Context
    from itures.rules.verbs import section_duplicate

    def make(n: int) -> Callable[[], object]:
        data = growth.resolution(1)
        # one verb, every heading its own ("instructs the Director 1", ...), and
        # the last heading written again: one finding
        data["operative"] = [
            {"verb": "resolves", "heading": f"resolves {i}", "clauses": [{"text": "to do;"}]}
            for i in range(n)
        ] + [{"verb": "resolves", "heading": "resolves 0", "clauses": [{"text": "to do;"}]}]
        res = Resolution.model_validate(data)

        def run() -> object:
            found = list(section_duplicate(Context("r.yaml", res)))
            assert len(found) == 1
            return found

        return run

    assert _growth(make, 3_000) < 10


def test_a_file_of_many_sections_of_one_verb_is_rendered_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from itures.render import akn, render
    from itures.render.layout import Layout

    calls = {"eid_part": 0}
    real = akn.eid_part

    def counted(*args: Any) -> Any:
        calls["eid_part"] += 1
        return real(*args)

    monkeypatch.setattr(akn, "eid_part", counted)

    def make(n: int) -> Callable[[], object]:
        # every section 'resolves' (each wants the id resolves, then resolves-2,
        # ...), every clause with a footnote marker
        res = Resolution.model_validate(parse_text(growth.hard(n))[0])

        def run() -> object:
            return [render(res, fmt) for fmt in ("html", "akn")]

        return run

    n = 500
    calls["eid_part"] = 0
    make(n)()
    # a few eId parts per section, clause and note; not one per section taken before
    assert calls["eid_part"] < 10 * n
    assert _growth(make, n) < 10

    def laid_out(n: int) -> Callable[[], object]:  # the ids alone
        res = Resolution.model_validate(parse_text(growth.hard(n))[0])
        return lambda: Layout.of(res)

    assert _growth(laid_out, 2_000) < 10


def test_many_unmarked_footnotes_are_looked_for_in_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from itures.rules import Context, footnotes
    from itures.rules.footnotes import footnote_undefined, footnote_unused

    class Walked(list[Any]):
        walks = 0

        def __iter__(self) -> Iterator[Any]:
            Walked.walks += 1
            return super().__iter__()

    real = footnotes.texts
    monkeypatch.setattr(footnotes, "texts", lambda ctx: Walked(real(ctx)))
    n = 1_000
    # every clause marks a footnote that does not exist, every footnote is
    # marked nowhere: each is looked for in the texts, none found
    data = growth.resolution(n)
    for i, clause in enumerate(data["operative"][0]["clauses"]):
        clause["text"] = f"to do thing {i} (^{i + 1}*)[^u{i}];"  # "^1*": may be footnote 1's
    data["footnotes"] = [{"id": str(i), "text": f"Note {i}."} for i in range(n)]
    ctx = Context("r.yaml", Resolution.model_validate(data))
    found = list(footnote_unused(ctx)) + list(footnote_undefined(ctx))
    assert len(found) == 2 * n
    # footnote i's marker lost its bracket in clause i - 1: found there
    assert [f.path for f in found[1:4]] == [
        ("operative", 0, "clauses", i, "text") for i in range(3)
    ]
    assert Walked.walks < 5  # the texts read once, not once for each footnote


def test_markers_and_footnotes_of_thousands_of_ids_are_not_each_compared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from itures.rules import Context, footnotes
    from itures.rules.footnotes import footnote_undefined, footnote_unused

    calls = 0
    real = footnotes.one_slip

    def counted(a: str, b: str) -> bool:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(footnotes, "one_slip", counted)

    def found(n: int) -> int:
        # n markers of no footnote and n footnotes marked nowhere, no id of one
        # a mistyping of the other's
        data = growth.resolution(n)
        for i, clause in enumerate(data["operative"][0]["clauses"]):
            clause["text"] = f"to do thing[^a{i}b];"
        data["footnotes"] = [{"id": f"c{i}d", "text": f"Note {i}."} for i in range(n)]
        ctx = Context("r.yaml", Resolution.model_validate(data))
        return len(list(footnote_unused(ctx)) + list(footnote_undefined(ctx)))

    assert found(50) == 100 and 0 < calls <= 2_500  # a few: compared, none paired
    calls = 0
    assert found(2_000) == 4_000
    assert calls == 0  # 4,000,000 pairs: not compared


@pytest.mark.parametrize(
    ("name", "prefix", "run", "suffix"),
    [
        ("a history place of blanks and commas", "Dubaï", " ,\u00a0", ""),
        ("a Word footnote at an entry's end, after blanks", "x", " ", "]"),
        ("a running header followed by blanks", "Rés. 5", " ", "x"),
        ("a run of elisions with a blank", "", "l' ", ""),
    ],
)
def test_the_scans_of_word_residue_and_places_are_linear(
    name: str, prefix: str, run: str, suffix: str
) -> None:
    """Scans that started with blanks were tried at each blank of a run and
    read the rest of it each time (a history place of 12,000 blanks and
    commas took 1.8 s, 16 times its quarter)."""
    from itures.rules import artefacts, history, punctuation

    scans = [
        history._YEAR_IN_PLACE.search,
        punctuation._WORD_NOTE_AT_END.search,
        lambda t: list(artefacts._WORD_PAGE.finditer(t)),
        lambda t: list(punctuation._ELISION_BLANK.finditer(t)),
    ]

    def make(n: int) -> Callable[[], object]:
        text = prefix + run * n + suffix
        return lambda: [scan(text) for scan in scans]

    assert _growth(make, 2000) < 10, name


def test_a_long_run_of_unclosed_markers_is_scanned_in_linear_time() -> None:
    """The quick test of Word's footnote residue reads a run of '[^' with no
    ']' once, not again from each '[' (48,000 characters took 2.8 s)."""
    from itures import textscan
    from itures.rules.artefacts import _JOINED_WORD_NOTE

    def make(n: int) -> Callable[[], object]:
        joined = textscan.Joined(["x " + "[^" * n + " y"])
        return lambda: joined.holding(_JOINED_WORD_NOTE)

    assert _growth(make, 3000) < 10


def test_markup_pasted_again_and_again_after_a_lost_bracket_is_read_in_linear_time() -> None:
    """Each ']' that closes no '[' asks whether brackets or footnote markers
    inside a citation's words cut it: the words are looked for near it, not
    back to the start of the text ("](pp:1)" pasted thousands of times took
    10 s for 8,000)."""
    from itures.model.markup import parse

    def make(n: int) -> Callable[[], object]:
        text = "x" + "](pp:1)" * n
        return lambda: parse(text)

    assert _growth(make, 2000) < 10

    def markers(n: int) -> Callable[[], object]:
        text = "x" + "[^1] ](pp:1)" * n
        return lambda: parse(text)

    assert _growth(markers, 2000) < 10


def test_many_markers_that_lost_their_brackets_leave_other_findings_in_linear_time() -> None:
    """The findings of other rules inside a footnote marker read as text are
    looked up among those markers by place, not compared with each."""
    from itures.rules.runner import _inside

    def make(n: int) -> Callable[[], object]:
        spans = [(10 * i, 10 * i + 3) for i in range(n)]
        offsets = [10 * i + 1 for i in range(n)] + [10 * i + 5 for i in range(n)]
        return lambda: [_inside(spans, o) for o in offsets]

    assert _growth(make, 4000) < 10
    spans = [(0, 3), (10, 13)]
    assert [_inside(spans, o) for o in (0, 2, 3, 9, 10, 12, 13)] == [
        True, True, False, False, True, True, False
    ]  # fmt: skip
    assert not _inside(None, 1) and not _inside(spans, None)


@pytest.mark.parametrize("piece", ["Ã©", "â€™", "бب\u200b "])
def test_a_long_garbled_word_is_read_in_linear_time(piece: str) -> None:
    """Words in UTF-8 read as Latin-1 ('Ã©' again and again, no blank) were
    walked to their end once per wrong reading; stray glyphs inside garbled
    words were each compared with every garbled word."""
    from itures import textscan

    def make(n: int) -> Callable[[], object]:
        text = "x " + piece * n + " y"
        return lambda: textscan.glyphs(text)

    assert _growth(make, 1500) < 10, piece


def test_the_meant_words_of_a_garbled_text_are_read_as_before() -> None:
    from itures import textscan

    [found] = [a for a in textscan.glyphs("la VÃ©rification Ã©tÃ© et â€™x") if a.kind == "mojibake"]
    assert found.detail == "Vérification\nété\n’x"


@pytest.mark.parametrize("spread", [False, True])
def test_a_noun_glued_to_its_number_is_told_its_space_in_linear_time(spread: bool) -> None:
    """The no-break space the file writes after such a noun is looked for
    once a file, each place read back the longest noun, not from the text's
    start for each space, nor again for each finding."""
    from itures import textscan
    from itures.rules import _conventions as conventions
    from itures.rules._walk import Text

    def make(n: int) -> Callable[[], object]:
        texts = (
            [f"to act under Resolution5 x\u00a0{k} on it;" for k in range(n // 8)]
            if spread
            else ["Resolution5 " + "\u00a01" * n]
        )
        all_texts = [Text(("t", k), t) for k, t in enumerate(texts)]
        form = textscan.Joined(texts)
        return lambda: list(conventions.glued_numbers(all_texts, "en", form))

    assert _growth(make, 3000) < 10


def test_many_footnotes_after_a_rule_are_read_in_linear_time() -> None:
    """Each footnote's mark glued to a word before the rule was searched for
    from the text's start; it is looked for once a mark."""
    from itures import textscan

    def make(n: int) -> Callable[[], object]:
        text = "____ 1 1111111111 " * n
        return lambda: textscan.footnotes(text)

    assert _growth(make, 300) < 10


@given(
    st.lists(
        st.sampled_from(["word1", "1", " ", ",", "ab", "____", " 1 ", "2", "abc2."]), max_size=40
    )
)
def test_the_glued_mark_of_each_footnote_is_the_first_before_it(pieces: list[str]) -> None:
    """The law of the one search a mark: each footnote is told the first word
    before it that its mark is glued to, as a search from the start finds."""
    from itures import textscan

    text = "".join(pieces)
    for found in textscan.footnotes(text):
        glued = found.detail.partition("\t")[2]
        first = textscan._mark_pattern(found.found).search(text, 0, found.start)
        assert glued == (textscan._glued_word(text, first) if first else "")


def test_the_calls_of_many_merged_notes_are_found_in_linear_time() -> None:
    """conversion-artefact looked for the call of each note merged into a
    text from the text's start to the note (a block of thousands of notes
    read the text thousands of times); the calls are found once a text and
    mark, and each note asks for the last before it."""
    from itures.rules import Context
    from itures.rules.artefacts import conversion_artefact
    from tests.conftest import resolution

    def make(n: int) -> Callable[[], object]:
        data = resolution()
        data["footnotes"] = [{"id": "9", "text": "____ 1 1111111111 " * n}]
        data["preamble"][0]["items"][0]["text"] += "[^9]"
        ctx = Context("r.yaml", Resolution.model_validate(data))
        return lambda: list(conversion_artefact(ctx))

    assert _growth(make, 150) < 10


def _glued_call_from_the_start(text: str, mark: str, end: int) -> tuple[int, int, str] | None:
    """:func:`itures.textscan.glued_call` as it was: every match of the mark
    searched from the text's start up to ``end``, the last that is a call."""
    from itures import textscan

    found = None
    for m in textscan._mark_pattern(mark).finditer(text, 0, end):
        if text[m.start() - 1] == "]" and textscan._AFTER_MARKER.search(text, 0, m.start()):
            continue
        word = textscan._glued_word(text, m)
        letters = word[: len(word) - len(mark)].rstrip(".")
        if (
            letters[-1:] in textscan._OPENER
            or letters.islower()
            or letters.isupper()
            or letters.istitle()
        ):
            found = (m.end() - len(word), m.end(), word)
    return found


@given(
    st.lists(
        st.sampled_from(
            [
                "word1",
                "1",
                " ",
                ",",
                "ab",
                "____",
                " 1 ",
                "11",
                "abc2.",
                "[^1]1",
                "(IEEE)1",
                "x" * 70,
            ]
        ),
        max_size=30,
    ),
    st.sampled_from(["1", "11", "2"]),
    st.integers(min_value=0, max_value=400),
)
def test_the_last_call_before_a_place_is_the_one_a_search_from_the_start_finds(
    pieces: list[str], mark: str, end: int
) -> None:
    from itures import textscan

    text = "".join(pieces)
    end = min(end, len(text))
    assert textscan.glued_call(text, mark, end) == _glued_call_from_the_start(text, mark, end)


def test_many_footnotes_are_looked_for_in_the_texts_in_linear_time() -> None:
    """A footnote's text pasted into an entry was looked for in the whole file
    once a footnote: a file of thousands of them read it thousands of times."""
    from itures.rules import Context
    from itures.rules._walk import joined, texts
    from itures.rules.artefacts import _pasted_note_texts
    from tests.conftest import resolution

    def make(n: int) -> Callable[[], object]:
        data = resolution(
            footnotes=[
                {"id": str(k), "text": "(Busan" + " a" * 30 + " 2014) "} for k in range(1, n + 1)
            ]
        )
        data["preamble"][0]["items"][0]["text"] += " ".join(f"[^{k}]" for k in range(1, n + 1))
        ctx = Context("r.yaml", Resolution.model_validate(data))
        all_texts = texts(ctx)
        form = joined(ctx)
        return lambda: list(_pasted_note_texts(ctx, all_texts, form))

    assert _growth(make, 300) < 10


@pytest.mark.parametrize("count", [2, 12])
def test_a_pasted_footnote_is_found_among_few_or_many_footnotes(count: int) -> None:
    """The two ways of looking (each footnote in the whole file, or each
    number between blanks looked up) find the same pasted note."""
    from itures.rules import Context
    from itures.rules._walk import joined, texts
    from itures.rules.artefacts import _pasted_note_texts
    from tests.conftest import resolution

    notes = [{"id": str(k), "text": f"Note {k} says this and that."} for k in range(1, count + 1)]
    data = resolution(footnotes=notes)
    item = data["preamble"][0]["items"][0]
    marks = " ".join(f"[^{k}]" for k in range(1, count + 1))
    item["text"] = f"the work {marks}; 2 Note 2 says this and that, 2 Note 2 again"
    ctx = Context("r.yaml", Resolution.model_validate(data))
    text = item["text"]
    found = [
        (t.path, start, end, id_)
        for t, start, end, id_ in _pasted_note_texts(ctx, texts(ctx), joined(ctx))
    ]
    at = text.index("; 2 Note") + 2  # (the number)
    assert [(s, i) for _, s, _, i in found] == [(at, "2")], found
    assert text[at : found[0][2]] == "2 Note 2 says this and that"


@pytest.mark.parametrize(
    "piece",
    [
        "www.a.a.a",
        "a. b e.g. the ",
        "aaaAbb",
        "2bit/s2Hz",
        "a(WS a(",
        "UT-D ",
        "Aa Bb Cc (ABD) ",
        "the EG-ITR ITR high-level level ",
        # (this session's: an abbreviation glued or with its last letter small,
        # a first capital twice, a possessive's blank, a part's noun glued, a
        # zero first, a period of years)
        "the ITUCouncil WSIs PParties Union 's Annex2 of 0022 y 2014-2817 ",
        # (a word glued after a parenthesis, and parentheses glued to words)
        "(TSAG)in State(s)of f(x)y )ab ",
    ],
)
def test_a_keyboards_slips_are_looked_for_in_linear_time(piece: str) -> None:
    """punctuation read a text of "www.a.a.a..." again from each "www." for
    a web address with a blank inside (it is now bounded: an address's labels
    are 63 characters at most); the other slips of a keyboard, a full stop
    before a small letter and two words run together, stay linear."""
    from itures.rules import Context
    from itures.rules.artefacts import conversion_artefact
    from itures.rules.punctuation import punctuation
    from tests.conftest import resolution

    def make(n: int) -> Callable[[], object]:
        data = resolution()
        data["preamble"][0]["items"][0]["text"] = piece * n
        ctx = Context("r.yaml", Resolution.model_validate(data))
        return lambda: (list(punctuation(ctx)), list(conversion_artefact(ctx)))

    assert _growth(make, 600) < 10


@pytest.mark.parametrize("piece", ["(TSB et ", "TSB) et ", "(TSB) (BR ", "a (b (ABC) c "])
def test_an_abbreviations_lost_parenthesis_is_read_in_linear_time(piece: str) -> None:
    """The readers of a clause's words read an abbreviation whose parenthesis
    lost its partner with it ("(TSB et", "TSB) et"): each '(' looks ahead to
    the next parenthesis only, and each ')' is judged in one pass, where a
    count of the text before each made a text of many "TSB) et" quadratic
    (15 times longer for 4 times the text)."""
    from itures.rules.actors import _ABBREVIATION_UNCLOSED, _opened

    def make(n: int) -> Callable[[], object]:
        text = piece * n
        return lambda: _opened(_ABBREVIATION_UNCLOSED.sub(r"(\1)", text))

    assert _growth(make, 4000) < 10


@pytest.mark.parametrize(
    "run",
    [
        "the plan (Xyzq, 2014) ",  # (a place and year, read for a citation's words)
        "[x WTSA WTSA y ",  # (a word twice, read for a citation's words)
        "a/b b [c c (d d ",  # (a word twice after a slash, a '[' or a '(')
    ],
)
def test_a_place_read_for_a_citations_words_is_linear(run: str) -> None:
    """Whether a place is in a citation's words was read from the text's
    start and to its end at each place: a text of 8,000 places took 10 times
    its quarter."""
    from itures.rules.punctuation import punctuation
    from itures.rules.repeats import word_duplicate
    from tests.rules.build import clauses, context, items

    def make(n: int) -> Callable[[], object]:
        ctx = context(
            preamble=[items([run * n, "that the offices act,"])],
            operative=[clauses(["to report."])],
        )
        return lambda: (list(punctuation(ctx)), list(word_duplicate(ctx)))

    assert _growth(make, 1_000) < 7


def test_many_words_in_capitals_written_twice_are_read_in_linear_time() -> None:
    """word-duplicate tells a word in capitals written twice that the file
    writes elsewhere too ("(WCIT WCIT)"), which a count of the file tells:
    a bound on the words counted keeps a file of thousands of distinct ones
    linear."""
    from itures.rules.repeats import word_duplicate
    from tests.rules.build import clauses, context, items

    def words(n: int) -> Iterator[str]:
        for k in range(n):
            yield "".join(chr(65 + (k // 26**j) % 26) for j in range(4))

    def make(n: int) -> Callable[[], object]:
        text = " ".join(f"zz {w} {w}" for w in words(n))
        ctx = context(
            preamble=[items([text, "that the offices act,"])],
            operative=[clauses(["to report."])],
        )
        return lambda: list(word_duplicate(ctx))

    assert _growth(make, 3_000) < 7


def test_many_verbs_with_a_capital_after_to_are_read_in_linear_time() -> None:
    """punctuation tells a word with a capital after "to" that the file
    writes with its capital nowhere else, which a count of the file tells:
    a bound on the words counted keeps a file of thousands of distinct ones
    linear."""
    from itures.rules.punctuation import punctuation
    from tests.rules.build import clauses, context, items

    def words(n: int) -> Iterator[str]:
        for k in range(n):
            yield "X" + "".join(chr(97 + (k // 26**j) % 26) for j in range(4))

    def make(n: int) -> Callable[[], object]:
        text = " ".join(f"to {w} part {w.lower()}" for w in words(n))
        ctx = context(
            language="en",
            preamble=[items([text, "that the offices act,"])],
            operative=[clauses(["to report."])],
        )
        return lambda: list(punctuation(ctx))

    assert _growth(make, 2_000) < 7


def test_many_words_no_dictionary_knows_are_read_in_linear_time() -> None:
    """word-spelling looks for the word each unknown word may mean where its
    halves are written in the file: bounds on the words looked at, and on
    the places looked at for each, keep a file of thousands of distinct
    ones that start alike linear."""
    from itures.rules.spelling import word_spelling
    from tests.rules.build import clauses, context, items

    def words(n: int) -> Iterator[str]:
        # (all alike in their first half: each is where the others' is written)
        for k in range(n):
            yield "zqxw" + "".join(chr(97 + (k // 26**j) % 26) for j in range(3))

    def make(n: int) -> Callable[[], object]:
        text = " ".join(f"the {w} of" for w in words(n))
        ctx = context(
            language="en",
            preamble=[items([text, "that the offices act,"])],
            operative=[clauses(["to report."])],
        )
        return lambda: list(word_spelling(ctx))

    assert _growth(make, 1_000) < 7
