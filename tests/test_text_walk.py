"""Quicker forms of the shared text walk and of the text rules: each finds
what the plain form it replaced found (kept here as the reference), on
generated documents, texts and lists."""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from itures import textscan
from itures.i18n import tr
from itures.model import markup as mk
from itures.model.resolution import Clause, Resolution
from itures.rules import Context, Finding
from itures.rules import punctuation as pu
from itures.rules._walk import (
    _CLOSERS,
    COLON,
    COMMA,
    MARKS,
    PERIOD,
    SEMICOLON,
    Entry,
    LabelledList,
    Text,
    _all_texts,
    blank_joined,
    blank_starts,
    end_mark,
    marked,
    text_fields,
    writes_word,
)
from itures.rules.artefacts import run_in
from itures.rules.history import formula_body
from itures.summary import printed_paths, summarise
from tests.strategies import documents

Path = tuple[str | int, ...]

# --- the walk to the texts -------------------------------------------------


def _walk_clauses(base: Path, clauses: list[Clause]) -> list[tuple[Path, Clause]]:
    out: list[tuple[Path, Clause]] = []
    for i, clause in enumerate(clauses):
        out.append(((*base, i), clause))
        if clause.clauses:
            out.extend(_walk_clauses((*base, i, "clauses"), clause.clauses))
    return out


def _all_texts_plainly(res: Resolution) -> list[Text]:
    """Every text, as the walk made them before it made them in one pass."""
    fields = list(res.texts())
    for s, psec in enumerate(res.preamble):
        fields.append((("preamble", s, "heading"), psec.heading))
    for a, annex in enumerate(res.annexes):
        fields.append((("annexes", a, "heading"), annex.heading))
    for h, entry in enumerate(res.history):
        fields.append((("history", h, "place"), entry.place))
    for s, osec in enumerate(res.operative):
        for path, clause in _walk_clauses(("operative", s, "clauses"), osec.clauses):
            for d, deadline in enumerate(clause.deadlines):
                if deadline.text is not None:
                    fields.append(((*path, "deadlines", d, "text"), deadline.text))
    out = []
    for path, text in fields:
        if "[" in text:
            spans, problems = mk.parse(text)
            out.append(Text(path, text, tuple(spans), tuple(problems)))
        else:
            out.append(Text(path, text, (mk.Text(text, 0, len(text)),)))
    return out


@given(documents())
def test_the_texts_are_those_of_the_plain_walk(doc: dict[str, Any]) -> None:
    """One pass to every text: the texts, their order and their spans are
    the plain walk's; the marked texts are those with markup."""
    res = Resolution.model_validate(doc)
    found = _all_texts(res)
    assert found == _all_texts_plainly(res)
    assert text_fields(res) == list(res.texts())
    ctx = Context("a.yaml", res)
    assert marked(ctx) == [
        t
        for t in found
        if t.problems or any(not isinstance(span, mk.Text) for span in t.spans) or "[" in t.text
    ]


@given(st.text(alphabet=st.sampled_from("ab[]^()#@:,.1 "), max_size=20))
def test_a_text_with_no_bracket_is_one_span_and_no_problem(text: str) -> None:
    """What lets the walk skip the parser and the markup rules skip a text."""
    spans, problems = mk.parse(text)
    if "[" not in text:
        assert problems == []
        assert all(isinstance(span, mk.Text) for span in spans)


def _summary_plainly(path: str, res: Resolution) -> tuple[Any, ...]:
    """The summary's data as summarise made it before (generators, every text)."""

    def items(its: Any) -> Any:
        return tuple((it.label, items(it.items) if it.items else ()) for it in its)

    def clauses(cs: Any) -> Any:
        return tuple((c.label, clauses(c.clauses) if c.clauses else ()) for c in cs)

    def addressed(base: Any, cs: Any) -> Any:
        out: list[Any] = []
        for i, c in enumerate(cs):
            deadlines = tuple((d.every, d.event, d.by, d.report_to) for d in c.deadlines)
            if c.actors or c.partners or deadlines:
                out.append(((*base, i), tuple(c.actors), tuple(c.partners), deadlines))
            out += addressed((*base, i, "clauses"), c.clauses)
        return out

    sections: list[Any] = []
    for n, s in enumerate(res.operative):
        if s.actors or s.partners:
            sections.append((("operative", n), tuple(s.actors), tuple(s.partners), ()))
        sections += addressed(("operative", n, "clauses"), s.clauses)

    plain = list(_all_texts_plainly(res))
    cites = tuple(
        (t.path, span.start, span.text, span.target)
        for t in plain
        for span in t.spans
        if isinstance(span, mk.Citation)
    )
    return (
        path,
        res.body,
        res.number,
        res.language,
        tuple((h.event, h.place, h.year) for h in res.history),
        tuple((s.verb, items(s.items)) for s in res.preamble),
        tuple((s.verb, s.heading, clauses(s.clauses)) for s in res.operative),
        tuple((a.label, items(a.items)) for a in res.annexes),
        tuple(f.id for f in res.footnotes),
        cites,
        # what the conversion ran into the texts, every text scanned (no quick test)
        run_in(res, plain, range(len(plain)), textscan.Scans()),
        formula_body(res),
        tuple(sections),
        b"",
        (),  # (the places of the file rules' findings: none given)
        # the footnote markers of each text that has some, every text looked at
        tuple(
            (t.path, ids)
            for t in plain
            if (
                ids := tuple(
                    i
                    for _, i in sorted(
                        [(s.start, s.id) for s in t.spans if isinstance(s, mk.FootnoteRef)]
                        + [(p.start, p.marks) for p in t.problems if p.marks]
                    )
                )
            )
        ),
        _prints_plainly(res, {t.path: t.text for t in plain}),
        (),  # (the citations in plain words, reference-unmarked's: none given)
        tuple(h.date for h in res.history) if any(h.date for h in res.history) else (),
        (),  # (the texts leaning to another language, text-language's: none given)
        (),  # (the labels a suppression accepts: none given)
    )


def _prints_plainly(res: Resolution, text_at: dict[Any, str]) -> bytes:
    """The fingerprints of the texts of the summary's printed paths, each
    looked up by its path: three blanks in the first 80 characters, and a
    small letter first or four words in a row there."""
    four = re.compile(r"[^\W\d_]{2}\S* +[^\W\d_]{2}\S* +[^\W\d_]{2}\S* +[^\W\d_]{2}")
    crcs = []
    for path in printed_paths(summarise("a.yaml", res)):
        text = text_at[path]
        head = text[:80]
        told = head.count(" ") >= 3 and (head[:1].islower() or four.search(head) is not None)
        crcs.append((zlib.crc32(text.encode("utf-8")) or 1) if told else 0)
    return struct.pack(f"={len(crcs)}I", *crcs) if any(crcs) else b""


@given(documents())
def test_the_summary_is_that_of_the_plain_walk(doc: dict[str, Any]) -> None:
    res = Resolution.model_validate(doc)
    expected = _summary_plainly("a.yaml", res)
    assert summarise("a.yaml", res).to_data() == expected
    assert summarise("a.yaml", res, _all_texts(res)).to_data() == expected
    assert summarise("a.yaml", res, list(_all_texts(res))).to_data() == expected


@settings(deadline=None)
@given(documents(), st.sampled_from(["en", "fr", "es"]))
def test_a_citation_found_in_agreement_is_found_so_again(
    doc: dict[str, Any], language: str
) -> None:
    """reference-text remembers the citations whose words and target agree:
    what it finds is what it finds with nothing remembered."""
    from itures.rules import references

    doc = {**doc, "language": language}
    doc["preamble"] = [
        *doc.get("preamble", []),
        {
            "verb": "recalling",
            "heading": "rappelant",
            "items": [
                {"text": "[la Résolution 5 (Rév. Dubaï, 2014)](wtdc:5@2014);"},
                {"text": "[la Résolution 5 (Rév. Dubaï, 2014)](wtdc:5@2017),"},
                {"text": "[Resolution 57 (Rev. Dubai, 2012)](wtsa:57@2012#resolves/9),"},
            ],
        },
    ]
    res = Resolution.model_validate(doc)
    runs = []
    for clear in (True, False, False):
        if clear:
            references._AGREE.clear()
        runs.append(list(references.reference_text(Context("a.yaml", res))))
    assert runs[0] == runs[1] == runs[2]
    if language == "fr":
        assert runs[0]  # the revision 2017 the words do not say


# --- end marks ---------------------------------------------------------------


def _end_mark_plainly(text: str) -> tuple[str | None, int]:
    """end_mark before its shortcut for a text whose last character is a mark."""
    end = len(text)
    while end > 0:
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end > 0 and text[end - 1] == "]":
            start = text.rfind("[^", 0, end)
            if start >= 0 and "]" not in text[start : end - 1]:
                end = start
                continue
        if end > 0 and text[end - 1] in _CLOSERS:
            end -= 1
            continue
        break
    if end == 0:
        return None, 0
    ch = text[end - 1]
    return (ch if ch in MARKS else None), end - 1


END_PIECES = [*MARKS, *_CLOSERS, " ", "\u00a0", "\n", "a", "mot", "[^1]", "[^", "]", "[", "…"]
END_TEXTS = st.lists(st.sampled_from(END_PIECES), max_size=8).map("".join)


@given(END_TEXTS)
def test_the_end_mark_is_found_as_the_plain_walk_finds_it(text: str) -> None:
    assert end_mark(text) == _end_mark_plainly(text)


# --- punctuation -------------------------------------------------------------

# marks, blanks and what may stand beside them, drawn as often as words
MARK = st.sampled_from(list(",;:.،؛，；：。"))
BLANK = st.sampled_from([" ", "  ", "\u00a0", "\u3000", "\u202f", "\n", "\x1c", ""])
OTHER = st.sampled_from(
    [
        "mot",
        "développés",
        "é",
        "波",
        "ц",
        "etc.",
        "Rev.",
        "...",
        "…",
        "71",
        '"',
        "»",
        "[^1]",
        "\x00",
        "?",
        "’",
        "\x85",
        "Ǳ",
    ]
)
TEXTS = st.lists(st.one_of(MARK, BLANK, OTHER), max_size=12).map("".join)


@settings(max_examples=500)
@given(st.lists(TEXTS, min_size=1, max_size=6))
def test_the_doubled_marks_of_the_texts_read_together_are_those_of_each(
    texts: list[str],
) -> None:
    """The quick test over the file's texts joined misses no text with a
    doubled mark: the runs found are :func:`doubled`'s of each text."""
    given_texts = [(("t", i), text) for i, text in enumerate(texts)]
    expected = {path: runs for path, text in given_texts if (runs := pu.doubled(text))}
    assert pu._doubles(given_texts, textscan.Scans()) == expected


def _check_list_plainly(
    lst: LabelledList,
    final: str,
    anomalies: set[Path],
    doubles: dict[Path, list[tuple[int, int]]],
    wanted: dict[tuple[Path, int], tuple[str, str]],
    language: str,
    state: dict[str, bool],
    cut: frozenset[Path],
    scan: textscan.Scans,
    joined: set[Path] | frozenset[Path] = frozenset(),
    names: dict[str, str] = pu._NAMES,
) -> Iterator[Finding]:
    """_check_list before its shortcut for an entry that ends as its place wants."""
    entries = lst.entries
    n = len(entries)
    for i, entry in enumerate(entries):
        if state.get("ended"):
            return
        last = i == n - 1
        expected = final if last else SEMICOLON
        path = (*entry.path, "text")
        if cut and path in cut:
            continue
        if not entry.text.strip():
            which = (
                tr("{noun} {label}", noun=lst.noun_tr(), label=entry.label)
                if entry.label
                else pu._the(lst.noun)
            )
            yield Finding(
                path,
                tr("{which} of {where} has no text: blanks only", which=which, where=lst.where()),
                severity="error",
                help=tr("write the entry's text, or delete the entry"),
            )
            continue
        owns, heading, ended = pu.own_ends(entry.text, language, scan)
        if heading:
            continue
        if ended:
            state["ended"] = True
            expected, last = PERIOD, True
        ends = [_end_mark_plainly(own) for own in owns]
        mark, offset = ends[0]
        if (not last and entries[i + 1].path in anomalies) or entry.path in joined:
            continue
        allowed = expected + COLON if entry.children else expected
        run = pu._run_at(doubles[path], offset) if path in doubles else None
        if run is None:
            if mark is not None and mark in allowed:
                continue
            if len(ends) > 1 and any(m is not None and m in allowed for m, _ in ends):
                continue
        want = (
            tr("{mark} or ':'", mark=names[expected]).replace("':'", names[COLON])
            if entry.children
            else names[expected]
        )
        why = pu._localised(pu._why(expected, last, lst), names)
        if run is not None:
            wanted[(path, run)] = (tr("{marks} ({why})", marks=want, why=why), allowed)
            continue
        which = (
            tr("{noun} {label}", noun=lst.noun_tr(), label=entry.label)
            if entry.label
            else pu._the(lst.noun)
        )
        if mark is not None and mark in COLON:
            moved = pu._moved_sub_list(lst, i, path, which, offset, names[expected])
            if moved is not None:
                yield moved
                continue
            why = pu._no_sub_list(why, lst.noun)
        values = {"which": which, "where": lst.where(), "marks": want, "why": why}
        yield Finding(
            path,
            tr(
                "{which} of {where} ends with {found}; expected {marks} ({why})",
                found="'" + mark + "'",
                **values,
            )
            if mark
            else tr("{which} of {where} ends with no mark; expected {marks} ({why})", **values),
            offset=offset,
            help=pu._end_with(lst.noun, want)
            if not (lost := mark is not None and mark in COLON and not entry.children)
            else tr(
                "{end}, or restore the sub-list its ':' announces", end=pu._end_with(lst.noun, want)
            ),
            flagging=lost,
            flags=((*entry.path, "open"),)
            if i == n - 1
            and mark is not None
            and (mark in SEMICOLON or (mark in COMMA and expected == PERIOD))
            else (),
        )


# what an entry's text may hold, what a conversion may leave in it, and how it may end
BODY = st.sampled_from(
    [
        "que les Secteurs",
        "résolutions",
        " etc.",
        "; ,",
        "...",
        "[^1]",
        "\n____\n1 Une note.",
        "\n562 D - 81\n",
        "\nPART II - RESOLUTIONS\n",
        "\nANNEX 1\n",
        " décide\n",
        " resolves\n",
        " instruit le Directeur\n",
    ]
)
ENDING = st.sampled_from(
    [
        *list(",;:.،؛，；：。"),
        "",
        " ",
        " ;",
        " ,",
        "; ,",
        ",;",
        ", .",
        "...",
        "etc.;",
        '";',
        ';"',
        "[^1]",
        ";[^1]",
        " 562 D - 81",
        "\n____\n1 Une note.",
        "\nANNEX 1\n",
        " décide\n",
    ]
)
ENTRY_TEXTS = st.tuples(st.lists(BODY, max_size=3), ENDING).map(lambda t: "".join(t[0]) + t[1])


@st.composite
def labelled_lists(draw: st.DrawFn) -> tuple[LabelledList, str]:
    n = draw(st.integers(1, 5))
    entries = tuple(
        Entry(
            ("preamble", 0, "items", i),
            draw(st.sampled_from([None, "a)", "b)"])),
            draw(ENTRY_TEXTS),
            (Entry(("x",), None, "y;", ()),) if draw(st.booleans()) else (),
        )
        for i in range(n)
    )
    part = draw(st.sampled_from(["preamble", "operative"]))
    lst = LabelledList(part, 0, "considérant", None, entries, draw(st.booleans()))
    return lst, draw(st.sampled_from([COMMA, SEMICOLON, PERIOD]))


@settings(deadline=None, max_examples=500)  # (the first example loads the messages)
@given(
    labelled_lists(),
    st.sampled_from(["fr", "en", "zh"]),
    st.sets(st.integers(0, 4)),
    st.sets(st.integers(0, 4)),
    st.booleans(),
)
def test_a_list_is_judged_as_the_plain_form_judges_it(
    made: tuple[LabelledList, str],
    language: str,
    anomalous: set[int],
    cut_at: set[int],
    ended: bool,
) -> None:
    """The shortcut for an entry that ends as its place wants finds what the
    plain form finds, and leaves the same marks wanted and the same state."""
    lst, final = made
    anomalies = {("preamble", 0, "items", i) for i in anomalous}
    cut = frozenset(("preamble", 0, "items", i, "text") for i in cut_at)
    texts = [((*e.path, "text"), e.text) for e in lst.entries]
    doubles = {path: runs for path, text in texts if (runs := pu.doubled(text))}
    found = []
    for check in (pu._check_list, _check_list_plainly):
        wanted: dict[tuple[Path, int], tuple[str, str]] = {}
        state = {"ended": True} if ended else {}
        findings = list(
            check(lst, final, anomalies, doubles, wanted, language, state, cut, textscan.Scans())
        )
        found.append((findings, wanted, state))
    assert found[0] == found[1]


def _punctuation_plainly(ctx: Context) -> Iterator[Finding]:
    """The punctuation rule as it was before its shortcuts (each text's
    doubled marks sought alone, the finals of every entry with a sub-list,
    the plain list check)."""
    from itures.rules._walk import lists, scans, texts
    from itures.rules.comments import cut_texts
    from itures.rules.numbering import analyse

    res = ctx.resolution
    analysis = analyse(ctx)
    anomalies = analysis.anomalies
    cut = frozenset(path for path, _, _, _ in cut_texts(ctx))
    scan = scans(ctx)
    for_doubles = [(t.path, t.text) for t in texts(ctx) if t.path[-1] != "place"]
    doubles = {path: runs for path, text in for_doubles if (runs := pu.doubled(text, scan))}
    wanted: dict[tuple[Path, int], tuple[str, str]] = {}
    state: dict[str, bool] = {}
    finals: dict[int, str] = {}
    names = pu._mark_names(pu._width_marks(texts(ctx), res.language), res.language)
    for lst in lists(ctx):
        if lst.part == "annex":
            continue
        final = pu._final_mark(lst) if lst.parent is None else finals.get(id(lst.parent), SEMICOLON)
        for i, entry in enumerate(lst.entries):
            if entry.children:
                finals[id(entry)] = final if i == len(lst.entries) - 1 else SEMICOLON
        found = list(
            _check_list_plainly(
                lst,
                final,
                anomalies,
                doubles,
                wanted,
                res.language,
                state,
                cut,
                scan,
                analysis.cut,
                names,
            )
        )
        yield from pu.swapped_ends(lst, found, final, names)
    if res.conference is not None:
        mark, offset = end_mark(res.conference)
        run = pu._run_at(doubles.get(("conference",), ()), offset)
        if run is not None:
            wanted[(("conference",), run)] = (
                pu._localised(tr("',' (the conference formula ends with ',')"), names),
                COMMA,
            )
        elif mark is None or mark not in COMMA:
            expected = names[COMMA]
            yield Finding(
                ("conference",),
                tr(
                    "the conference formula ends with {found}; expected ','", found=repr(mark)
                ).replace("expected ','", f"expected {expected}")
                if mark
                else tr("the conference formula ends with no mark; expected ','").replace(
                    "','", expected
                ),
                offset=offset,
                help=tr("end the conference formula with ','").replace("','", expected),
            )
    yield from pu._blank_texts(texts(ctx), res)
    yield from pu._edge_blanks(texts(ctx), doubles)
    yield from pu._title_end(res.title, doubles.get(("title",), ()))
    yield from pu._heading_ends(res, doubles)
    yield from pu._footnote_ends(res, doubles)
    for t in texts(ctx):  # every text on its own, without the whole file's quick test
        # (a mark with no partner, or a straight one typed for a curly one's partner)
        yield from pu._unpaired_quotes([t])
    from itures.rules.artefacts import cut_title

    for t in texts(ctx):  # every text, without the whole file's quick test
        found = pu._unbalanced(t.text)
        if found is not None and found[1] in "(（" and t.path == ("title",):
            cut = cut_title(t.text)
            if cut is not None and cut <= found[0]:
                continue  # (a title cut short: conversion-artefact's)
        if found is not None:
            mark = repr(found[1])
            yield Finding(
                t.path,
                tr(
                    "parenthesis {mark} not closed in this text: the words it opens run to the "
                    "end of the text",
                    mark=mark,
                )
                if found[1] in "(（"
                else tr("parenthesis {mark} closes nothing opened in this text", mark=mark),
                offset=found[0],
                length=1,
                help=tr(
                    "close the parenthesis where its words end, or delete the stray {mark}",
                    mark=mark,
                )
                if found[1] in "(（"
                else tr(
                    "open the parenthesis where its words start, or delete the stray {mark}",
                    mark=mark,
                ),
            )
    if res.language == "es":  # every text: a "whole" holding each mark passes the quick test
        yield from pu._spanish_pairs(texts(ctx), "".join(m for p in pu._SPANISH_PAIRS for m in p))
    for t in texts(ctx):  # every text, without the quick test
        alone = None if t.problems else pu._square_alone(t)
        if alone is not None:
            mark = repr(alone[1])
            yield Finding(
                t.path,
                tr(
                    "square bracket {mark} not closed in this text: the words it opens run to "
                    "the end of the text",
                    mark=mark,
                )
                if alone[1] == "["
                else tr("square bracket {mark} closes nothing opened in this text", mark=mark),
                offset=alone[0],
                length=1,
                help=tr(
                    "close the bracket where its words end, or delete the stray {mark}", mark=mark
                )
                if alone[1] == "["
                else tr(
                    "open the bracket where its words start, or delete the stray {mark}", mark=mark
                ),
            )
    spaced = pu._SPACED.get(res.language) or pu._SPACED[""]
    for t in texts(ctx):
        m = spaced.search(t.text)
        if m is not None and m.group(3) is not None:
            mark = repr(m.group(3))
            yield Finding(
                t.path,
                tr(
                    "a blank after {mark}: ITU texts write the word that follows {mark} "
                    "right after it",
                    mark=mark,
                ),
                offset=m.end(3),
                length=m.end() - m.end(3),
                help=tr("delete the blank after {mark}", mark=mark),
            )
        elif m is not None:
            group = 1 if m.group(1) is not None else 2
            mark = repr(m.group(group))
            yield Finding(
                t.path,
                tr(
                    "a blank before {mark}: ITU texts write {mark} right after the word it follows",
                    mark=mark,
                ),
                offset=m.start(),
                length=m.start(group) - m.start(),
                help=tr("delete the blank before {mark}", mark=mark),
            )
    for t in texts(ctx) if res.language != "zh" else ():  # every text, without the quick test
        targets = [m.span() for m in pu._TARGET.finditer(t.text)]
        glued = [m.start() for m in pu._GLUED.finditer(t.text)]
        glued = [
            at
            for at in glued
            if not any(a <= at < b for a, b in targets)
            and not (t.text[at] == ":" and pu._SCHEME.search(t.text, 0, at))
            and not (t.text[at] == ";" and pu._ENTITY.search(t.text, 0, at))
        ]
        if glued:
            mark = repr(t.text[glued[0]])
            yield Finding(
                t.path,
                tr(
                    "no blank after {mark}: ITU texts write a blank between {mark} and the "
                    "next word",
                    mark=mark,
                ),
                offset=glued[0],
                length=1,
                help=tr("write a blank after {mark}", mark=mark),
            )
    blanks = pu._DOUBLE_BLANK.get(res.language) or pu._DOUBLE_BLANK[""]
    for t in texts(ctx):  # every text, without the quick test
        runs = doubles.get(t.path, [])
        double = [
            m for m in blanks.finditer(t.text) if not any(a <= m.start() < b for a, b in runs)
        ]
        if double:
            m = double[0]
            before = t.text[: m.start()].split()[-1]
            after = t.text[m.end() :].split()[0]
            values = {
                "count": len(m.group()),
                "before": repr(before if len(before) <= 20 else "…" + before[-20:]),
                "after": repr(after if len(after) <= 20 else after[:20] + "…"),
            }
            yield Finding(
                t.path,
                tr(
                    "two blanks between {before} and {after}: ITU texts write one blank "
                    "between words",
                    **values,
                )
                if values["count"] == 2
                else tr(
                    "{count} blanks between {before} and {after}: ITU texts write one blank "
                    "between words",
                    **values,
                ),
                offset=m.start(),
                length=len(m.group()),
                help=tr(
                    "leave one blank between {before} and {after} (a blank at the end of a "
                    "line counts: in a folded text the line break is one)",
                    **values,
                ),
            )
    texts_at = dict(for_doubles)
    for path, runs in doubles.items():
        for start, end in runs:
            want = wanted.get((path, start))
            written = texts_at[path][start:end]
            if want is None:
                advice = tr("keep the one mark the revised text needs, and delete the other")
            elif any(c in want[1] for c in written):
                advice = tr("keep one mark: {marks}, and delete the other", marks=want[0])
            else:
                advice = tr(
                    "write {marks} in place of {written}", marks=want[0], written=repr(written)
                )
            yield Finding(
                path,
                tr(
                    "doubled punctuation {marks}, the trace of a tracked change; keep the mark "
                    "of the revised text",
                    marks=repr(written),
                ),
                offset=start,
                length=end - start,
                severity="error",
                help=advice,
            )


@settings(deadline=None, max_examples=40)
@given(documents())
@example(  # (an accent typed for an apostrophe, which the plain form leaves to the rule)
    {
        "body": "pp",
        "number": "0",
        "language": "ar",
        "title": "0",
        "history": [{"event": "adopted", "place": "0", "year": 1865}],
        "operative": [{"verb": "a", "heading": "0", "clauses": [{"text": "0"}, {"text": "A`A"}]}],
    }
)
def test_the_punctuation_of_a_document_is_found_as_the_plain_form_finds_it(
    doc: dict[str, Any],
) -> None:
    """The rule, its doubled marks sought over the texts joined and its
    sub-lists' final marks set from their lists, finds what the plain form finds."""
    from itures.rules._walk import joined, texts

    res = Resolution.model_validate(doc)
    ctx = Context("a.yaml", res)
    found = list(pu.punctuation(ctx))
    # (the checks after the blanks' have no plain form here: what they find,
    # each found as the rule calls it, is left out of the comparison; each of
    # them is listed, or a random document that trips one fails the test)
    whole = "\0".join([t.text for t in texts(ctx)])
    tail = [
        *pu._mixed_apostrophes(texts(ctx), whole),
        *pu._apostrophe_slips(texts(ctx), res.language, whole),
        *(pu._lost_elisions(ctx, texts(ctx)) if res.language == "fr" else ()),
        *(pu._lost_small_elisions(texts(ctx), whole) if res.language == "fr" else ()),
        *pu._mixed_french_spacing(texts(ctx), res.language, whole),
        *pu._foreign_marks(texts(ctx), res.language, joined(ctx), whole),
        *pu._quotes_of_the_language(texts(ctx), res.language, whole),
        *pu._sector_dashes(texts(ctx), res.language, joined(ctx), whole),
        *pu._sector_blanks(texts(ctx), joined(ctx)),
        *pu._other_digits(texts(ctx)),
        *pu.conventions.book_titles(texts(ctx), whole),
        *pu.conventions.chinese_blanks(texts(ctx), whole),
        *pu.conventions.place_and_year(
            texts(ctx), res.language, joined(ctx), whole, [h.place for h in res.history]
        ),
        *pu.conventions.glued_numbers(texts(ctx), res.language, joined(ctx)),
        *pu.conventions.periods(texts(ctx), res.language, joined(ctx)),
        *(
            pu.conventions.unaccented_nouns(texts(ctx), res.language, whole)
            if res.language in ("fr", "es")
            else ()
        ),
        *pu.conventions.titles(texts(ctx), res.language, whole),
        *pu.conventions.capitalised_names(texts(ctx), res.language, joined(ctx)),
        *pu._etc_alone(texts(ctx)),
        *pu._rev_dots(texts(ctx), res.language, whole),
        *pu._stop_before_small(texts(ctx), res.language, whole),
        *pu.conventions.typing_slips(texts(ctx), res.language, whole),
        *pu.conventions.sector_letters(texts(ctx), res.language, whole),
        *pu.conventions.abbreviation_initials(texts(ctx), whole, lambda: pu._known_names(ctx)),
        *pu.conventions.abbreviation_letters(
            texts(ctx), joined(ctx), pu.letter_cases(ctx), pu._known_names(ctx)
        ),
        *pu.conventions.guillemet_blanks(texts(ctx), whole),
        *pu.conventions.place_slips(texts(ctx), res.language, joined(ctx)),
        *pu.conventions.glued_years(texts(ctx), joined(ctx), blank_joined(ctx)),
        *pu.conventions.glued_percents(texts(ctx), whole),
        *pu._inner_capitals(texts(ctx), pu.letter_cases(ctx), joined(ctx).starts, writes_word(ctx)),
        *pu._capitals_held(texts(ctx), pu.letter_cases(ctx), joined(ctx).starts, writes_word(ctx)),
        *pu._possessives_typed(texts(ctx), whole, pu.glued_marks(whole)),
        *pu._apostrophes_glued(texts(ctx), whole),
        *pu._possessive_blanks(texts(ctx), whole),
        *pu._capital_after_to(texts(ctx), whole, writes_word(ctx)),
        *pu._abbreviations_last_small(
            texts(ctx),
            pu.letter_cases(ctx),
            joined(ctx),
            writes_word(ctx),
            pu._known_names(ctx),
        ),
        *pu._abbreviations_glued(
            texts(ctx),
            pu.letter_cases(ctx),
            joined(ctx).starts,
            blank_joined(ctx),
            writes_word(ctx),
            pu._known_names(ctx),
        ),
        *pu.conventions.blanks_lost(
            texts(ctx), blank_joined(ctx), blank_starts(ctx), writes_word(ctx)
        ),
    ]
    assert [f for f in found if f not in tail] == list(_punctuation_plainly(Context("a.yaml", res)))


def test_the_summary_keeps_who_each_section_and_clause_addresses() -> None:
    """The example's actors, partners and deadlines' data, by path, as the
    language versions compare them (their words left out), through marshal."""
    import marshal

    from itures.summary import Summary
    from itures.validate import validate
    from itures.yamlio.read import read_document
    from tests.conftest import SEED_YAML

    res, _ = validate(read_document(str(SEED_YAML), SEED_YAML.read_bytes()))
    assert res is not None
    summary = summarise("fr.yaml", res)
    assert summary.addressed == (
        (("operative", 0, "clauses", 0), ("tdag",), ("rag", "tsag"), ()),
        (
            ("operative", 0, "clauses", 1),
            ("bdt-director",),
            ("secretary-general", "tsb-director", "br-director"),
            (),
        ),
        (
            ("operative", 0, "clauses", 2),
            ("secretary-general",),
            (),
            (("year", None, None, "council"),),
        ),
        (("operative", 0, "clauses", 3), ("itu-d-study-groups",), (), ()),
        (("operative", 1), ("bdt-director",), ("tsb-director",), ()),
        (("operative", 1, "clauses", 2), ("bdt-director",), (), (("year", None, None, "tdag"),)),
    )
    again = Summary.from_data(marshal.loads(marshal.dumps(summary.to_data())))
    assert again == summary and again.addressed == summary.addressed
