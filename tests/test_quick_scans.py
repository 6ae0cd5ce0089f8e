"""Quicker forms of the scans and of what positions a finding: each finds
what the plain form it replaced found (kept here as the reference), on
texts made of the fragments that matter to it."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from itures import textscan
from tests.strategies import documents

PIECES = [
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "\u2003",
    "a",
    "abc",
    "Word",
    "é",
    "ș",
    "Ǧ",
    "ц",
    "Ценности",
    "波",
    "ᙫ",
    "α",
    "\u0301",
    "’",
    "•",
    "_",
    "___",
    "____",
    "1",
    "12",
    "٣",
    "²",
    "*",
    ",",
    ";",
    ":",
    ".",
    "-",
    "–",
    "D",
    "PART",
    " III - RESOLUTIONS",
    "RESOLUTION",
    "RÉSOLUTION",
    "RESOLUCIÓN",
    "DECISION",
    "ANNEX",
    "RECOMMENDATION",
    "DECLARATIONS",
    "562",
    "481 ",
    "\x07",
    "\ue000",
    "\ufffd",
    "x",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


# -- the reference: the scans as they were written before ---------------------


def _footnote_words(text: str) -> list[str]:
    out = []
    for m in textscan._FOOTNOTE.finditer(text):
        mark = m.group("mark")
        glued = re.search(rf"[^\W\d_]{{3,}}{re.escape(mark)}(?=[\s,;.:])", text[: m.start()])
        out.append(glued.group() if glued else "")
    return out


def _pages(text: str) -> list[tuple[int, int, str]]:
    if "PART" not in text and not re.search(r"\d\s+[A-Z]", text):
        return []
    first = textscan.trailing(text)
    out = [
        (m.start(), m.end(), m.group())
        for m in textscan._PART.finditer(text)
        if first is None or m.start() != first.start
    ]
    out += [(m.start(), m.end(), m.group()) for m in textscan._FOOTER.finditer(text)]
    out += [(m.start(), m.end(), m.group()) for m in textscan._PAGE_NUMBER.finditer(text)]
    return sorted(out, key=lambda a: a[0])


def _script(ch: str) -> str | None:
    cat = unicodedata.category(ch)
    if cat[0] not in "LM" or "\u0300" <= ch <= "\u036f":
        return None
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNNAMED"


def _glyphs(text: str) -> list[tuple[int, int, str, str]]:
    out: list[tuple[int, int, str, str]] = []
    for m in textscan._NEVER.finditer(text):
        if out and out[-1][1] == m.start() and out[-1][2] == m.group():
            start, _, ch, word = out[-1]
            out[-1] = (start, m.end(), ch, word)  # the same glyph again: one run
        else:
            out.append((m.start(), m.end(), m.group(), textscan._word_at(text, m.start())))
    inside = re.compile(f"(?<=[{textscan._LATIN}])[^\\x00-ſ](?=[{textscan._LATIN}])")
    for m in inside.finditer(text):
        ch = m.group()
        if ch in textscan._JOINERS or ("\u0300" <= ch <= "\u036f"):
            continue
        cat = unicodedata.category(ch)
        if (cat[0] in "LM" or cat == "So") and not textscan._NEVER.match(ch):
            out.append((m.start(), m.end(), ch, textscan._word_at(text, m.start())))
    garbled = []
    for m in re.finditer(r"\S*[^\x00-ſ\s]\S*", text):
        scripts = {s for s in map(_script, m.group()) if s not in textscan._ANY_TEXT}
        if len(scripts) >= 2:
            garbled.append(m)
    if garbled:
        out = [a for a in out if not any(g.start() <= a[0] < g.end() for g in garbled)]
        words = " ".join(m.group() for m in garbled[:3]) + (" ..." if len(garbled) > 3 else "")
        out.append((garbled[0].start(), garbled[-1].end(), words, str(len(garbled))))
    return sorted(out, key=lambda a: a[0])


# -- the properties -----------------------------------------------------------


@given(TEXTS)
def test_a_footnote_mark_is_found_glued_to_the_same_word(text: str) -> None:
    text = "x____ 1 Note " + text if "____" not in text else text
    found = [a.detail.partition("\t")[2] for a in textscan.footnotes(text)]
    assert found == _footnote_words(text)


@given(TEXTS, st.sampled_from(["1", "12", "*", "3"]))
def test_the_glued_mark_is_what_the_word_pattern_finds(text: str, mark: str) -> None:
    glued = re.search(rf"[^\W\d_]{{3,}}{re.escape(mark)}(?=[\s,;.:])", text)
    first = textscan._mark_pattern(mark).search(text)
    found = textscan._glued_word(text, first) if first is not None else ""
    assert found == (glued.group() if glued else "")


@given(TEXTS)
def test_the_page_scan_finds_what_it_found(text: str) -> None:
    assert [(a.start, a.end, a.found) for a in textscan.pages(text)] == _pages(text)


@given(TEXTS)
def test_the_ascii_quick_test_of_pages_is_the_quick_test(text: str) -> None:
    ascii_text = text.encode("ascii", "ignore").decode()
    assert bool(textscan._MAYBE_PAGE_ASCII.search(ascii_text)) == bool(
        textscan._MAYBE_PAGE_ANY.search(ascii_text)
    )


@given(TEXTS)
def test_the_glyph_scan_finds_what_it_found(text: str) -> None:
    assert [(a.start, a.end, a.found, a.detail) for a in textscan.glyphs(text)] == _glyphs(text)


@given(TEXTS)
def test_the_wide_words_are_the_words_the_pattern_found(text: str) -> None:
    assert textscan._wide_words(text) == [m.span() for m in re.finditer(r"\S*[^\x00-ſ\s]\S*", text)]


@given(TEXTS)
def test_labels_inside_a_text_are_found_as_before(text: str) -> None:
    text = text.replace("x", " ii) the")
    assert [(a.start, a.end, a.found) for a in textscan.labels_inside(text)] == [
        (m.start("label"), m.end("label"), m.group("label"))
        for m in textscan._LABEL_INSIDE.finditer(text)
    ]


# -- what a corpus repeats is read once -----------------------------------------


def test_a_heading_is_read_once_per_vocabulary() -> None:
    from itures.model.vocabulary import Verbs, verb_vocabulary

    verbs = Verbs(verb_vocabulary())
    first = verbs.read("further resolves", "operative", "en")
    assert first.verbs == ("resolves",) and first.further
    assert verbs.read("further resolves", "operative", "en") is first
    assert verbs.read("décide", "operative", "fr") is not first


def test_the_words_of_a_citation_are_read_once() -> None:
    from itures.importers.extract import read_citations
    from itures.rules import references

    words = "Resolution 71 (Rev. Busan, 2014) of the Plenipotentiary Conference"
    first = references._readings(words, "en", "pp")
    assert list(first) == read_citations(words, "en", "pp")
    assert references._readings(words, "en", "pp") is first


MARKUP = ["[", "]", "(", ")", "^", "1", " ", "x", "pp:71", "[^1]", "[a](pp:1)", "[^", "\n"]


@given(st.lists(st.sampled_from(MARKUP), max_size=20).map("".join))
def test_markup_tokens_are_found_as_by_the_three_patterns(text: str) -> None:
    """The markup pattern starts with the '[' all its tokens start with: the
    same tokens as its four alternatives written each with its own '['."""
    from itures.model import markup

    before = re.compile(
        r"""
        \[\^(?P<fn>[^\]\s\[]*)\]
        | \[(?P<text>[^\[\]]+)\]\((?P<target>[^()]*)\)
        | \[\^(?P<loose>\s*[0-9A-Za-z*†‡§]+\s*)\]
        | (?P<open_fn>\[\^)
        """,
        re.VERBOSE,
    )

    def tokens(pattern: re.Pattern[str]) -> list[tuple[Any, ...]]:
        return [
            (
                m.span(),
                m.group("fn"),
                m.group("text"),
                m.group("target"),
                m["loose"],
                m["open_fn"] is None,
            )
            for m in pattern.finditer(text)
        ]

    assert tokens(markup._TOKEN) == tokens(before)


# -- the end of a span: a run written as is, without the walk ------------------

WORDS = ["word", "a", "ITU-T", " ", "  ", "'", '"', "\\", "é", "波", ",", ";", "[^1]", "x" * 30]


@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map("".join),
    st.sampled_from([None, "'", '"', ">", "|"]),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=12),
)
def test_a_span_ends_where_the_walk_ends_it(
    value: str, style: str | None, offset: int, length: int
) -> None:
    import pytest
    import yaml

    from itures.rules import position
    from itures.yamlio.read import Document, read_document

    value = value.strip() or "word"
    source = yaml.dump({"text": value}, default_style=style, width=24, allow_unicode=True)
    doc = read_document("a.yaml", source.encode())
    if not isinstance(doc, Document) or doc.data != {"text": value}:
        return  # a style this value cannot be written in
    offset %= len(value) + 1
    found = position.locate_span(doc, ("text",), offset, length)
    position._CHECKPOINTS.clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(position, "_run_end", lambda *args: None)
        walked = position.locate_span(doc, ("text",), offset, length)
    assert found == walked


PARTS = ["resolves ", "3 ", "of ", "the ", "Annex ", "2 ", "to ", "décide ", "du ", "a ", "x", "\n"]


@given(
    st.lists(st.sampled_from(PARTS), max_size=10).map("".join),
    st.sampled_from(["en", "fr", "es"]),
)
def test_a_part_before_a_citation_is_found_as_by_its_pattern(text: str, language: str) -> None:
    from itures.importers import extract

    m = extract._part_prefix(language).search(text)
    fragment = None if m is None else extract._fragment(m, language)
    expected = None if m is None or fragment is None else (m.start(), fragment)
    assert extract._part_before(text, 0, len(text), language) == expected


@given(documents())
def test_the_entry_texts_are_those_of_the_model(doc: dict[str, Any]) -> None:
    """conversion-artefact takes the preamble's and the operative part's texts
    from the file's texts: the ones Resolution.texts() walks to, in its order."""
    from itures.model.resolution import Resolution
    from itures.rules import Context
    from itures.rules._walk import texts
    from itures.rules.artefacts import _entry_text

    res = Resolution.model_validate(doc)
    expected = [(p, t) for p, t in res.texts() if p[0] in ("preamble", "operative")]
    found = [(t.path, t.text) for t in texts(Context("a.yaml", res)) if _entry_text(t.path)]
    assert found == expected


LABELS = [
    "1",
    "2",
    "3",
    "4",
    "1bis",
    "2.1",
    "a)",
    "b)",
    "c)",
    "abis)",
    "i)",
    "ii)",
    "x",
    "б)",
    None,
]


def _analysed_as_the_walk_would(entries: list[dict[str, Any]], where: str) -> None:
    """The numbering analysis of a resolution with the list ``entries`` in its
    preamble, operative part, a nested list or an annex (``where``) finds what
    the walk finds without its passes over lists in sequence."""
    import pytest

    from itures.model.resolution import Resolution
    from itures.rules import Context, numbering

    doc: dict[str, Any] = {
        "body": "wtdc",
        "number": "1",
        "language": "en",
        "title": "Test",
        "history": [{"event": "adopted", "place": "Geneva", "year": 2000}],
    }
    if where == "preamble":
        doc["preamble"] = [{"verb": "considering", "heading": "considering", "items": entries}]
    elif where == "annex":
        doc["annexes"] = [{"heading": "Annex", "items": entries}]
    else:
        clauses = (
            entries if where == "operative" else [{"label": "2", "text": "to:", "clauses": entries}]
        )
        doc["operative"] = [{"verb": "resolves", "heading": "resolves", "clauses": clauses}]
    res = Resolution.model_validate(doc)
    quick = numbering.analyse(Context("x.yaml", res))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(numbering, "_in_sequence", lambda *args: False)
        mp.setattr(numbering, "_labelled_in_sequence", lambda *args: False)
        walked = numbering.analyse(Context("x.yaml", res))
    assert quick == walked


@given(
    st.lists(st.sampled_from(LABELS), min_size=1, max_size=7),
    st.sampled_from(["preamble", "operative", "nested", "annex"]),
    st.lists(
        st.sampled_from(["that;", "a) that;", "1 to do;", "2 to do;", "ii) the;", "(b) the;"]),
        min_size=7,
        max_size=7,
    ),
)
def test_a_list_in_sequence_is_analysed_as_the_walk_would(
    labels: list[str | None], where: str, texts: list[str]
) -> None:
    """The numbering analysis passes over a list whose labels follow one
    another without walking it: what it finds is what the walk finds (labels
    left at the start of an unlabelled entry's text included)."""

    entries = [
        {"label": label, "text": "that;"} if label else {"text": text}
        for label, text in zip(labels, texts, strict=False)
    ]
    _analysed_as_the_walk_would(entries, where)


@given(TEXTS)
def test_the_classes_of_a_text_find_every_page_the_ascii_quick_test_finds(text: str) -> None:
    ascii_text = text.encode("ascii", "ignore").decode()
    classes = textscan.ascii_classes(ascii_text)
    assert len(classes) == len(ascii_text)
    if textscan._MAYBE_PAGE_ASCII.search(ascii_text):
        assert textscan._MAYBE_PAGE_CLASSES.search(classes)


YEARS = st.lists(
    st.sampled_from(
        [
            "1",
            "2",
            "8",
            "9",
            "0",
            "20",
            "19",
            "18",
            "2014",
            "1865",
            "a",
            "Buenos",
            " ",
            "_",
            "é",
            "٣",
            "[bookmark: x]",
            "[footnoteRef:1]",
            ",",
            "Ǧ",
        ]
    ),
    max_size=16,
).map("".join)


@given(YEARS)
def test_the_quick_test_of_a_glued_year_is_the_pattern(text: str) -> None:
    from itures.rules import artefacts

    word = "[bookmark:" in text or "[footnoteRef:" in text
    assert artefacts._maybe_word_artefact(text) == (
        word
        or artefacts._MAYBE_GLUED.search(text) is not None
        or artefacts._MAYBE_YEARS.search(text) is not None
    )


MARKS = st.lists(
    st.sampled_from([",", ";", ":", ".", " ", "  ", "\n", "\x1c", "a", "etc", "،", "；", "1", "é"]),
    max_size=16,
).map("".join)


@given(MARKS)
def test_the_classes_of_a_text_find_every_doubled_mark_the_pattern_finds(text: str) -> None:
    from itures.rules import punctuation

    ascii_text = text.encode("ascii", "ignore").decode()
    if punctuation._RUN.search(ascii_text):
        assert punctuation._MAYBE_RUN_CLASSES.search(textscan.ascii_classes(ascii_text))


LABELLED = st.lists(
    st.sampled_from(
        [
            ";",
            ":",
            " ",
            "  ",
            "\n",
            "1",
            "12",
            "1.2",
            "a)",
            "iv)",
            "xiv)",
            "ab)",
            "a",
            "the",
            "A)",
            ",",
            '"',
            "“",
            "é",
            "b",
        ]
    ),
    max_size=16,
).map("".join)


@given(LABELLED)
def test_the_classes_of_a_text_find_every_label_the_pattern_finds(text: str) -> None:
    ascii_text = text.encode("ascii", "ignore").decode()
    if textscan._LABEL_INSIDE.search(ascii_text):
        classes = ascii_text.encode().translate(textscan._LABEL_CLASSES)
        assert textscan._MAYBE_LABEL_CLASSES.search(classes)


@given(TEXTS)
def test_the_quick_test_of_a_pdf_leftover_is_the_pattern(text: str) -> None:
    from itures.rules import artefacts

    for t in (text, text.encode("ascii", "ignore").decode()):
        assert artefacts._maybe_pdf(t) == (artefacts._MAYBE_PDF.search(t) is not None)


@given(documents())
def test_the_text_fields_are_the_model_texts(doc: dict[str, Any]) -> None:
    """The rules' walk to the texts finds Resolution.texts(), in its order."""
    from itures.model.resolution import Resolution
    from itures.rules._walk import text_fields

    res = Resolution.model_validate(doc)
    assert text_fields(res) == list(res.texts())


@given(TEXTS)
def test_the_shared_scans_find_what_the_scans_find(text: str) -> None:
    """Scans tries each scan's quick test itself: it finds what the scan does."""
    scan = textscan.Scans()
    for _ in range(2):  # computed, then remembered
        assert scan.trailing(text) == textscan.trailing(text)
        assert scan.labels_inside(text) == tuple(textscan.labels_inside(text))
        assert scan.footnotes(text) == tuple(textscan.footnotes(text))
        assert scan.glyphs(text) == tuple(textscan.glyphs(text))
        assert scan.pages(text) == tuple(textscan.pages(text))
        ascii = text.isascii()
        assert scan.classes(text) == (textscan.ascii_classes(text) if ascii else None)


@given(TEXTS)
def test_the_quick_tests_find_the_same_with_the_shared_classes(text: str) -> None:
    """The rules' quick tests, given a file's shared scans (the classes of its
    texts made once), answer as they do on their own."""
    from itures.rules import artefacts, punctuation

    scan = textscan.Scans()
    for t in (text, text.encode("ascii", "ignore").decode()):
        assert artefacts._maybe_pdf(t, scan) == artefacts._maybe_pdf(t)
        assert artefacts._maybe_word_artefact(t, scan) == artefacts._maybe_word_artefact(t)
        assert punctuation.doubled(t, scan) == punctuation.doubled(t)


SEQUENCES = {
    "letter": ["a)", "b)", "c)", "d)", "e)", "f)"],
    "number": ["1", "2", "3", "4", "5", "6"],
    "roman": ["i)", "ii)", "iii)", "iv)", "v)", "vi)"],
}


@given(
    st.sampled_from(sorted(SEQUENCES)),
    st.lists(st.sampled_from(["label", "text", "text-only", "wrong"]), min_size=1, max_size=6),
    st.sampled_from(["preamble", "operative", "nested", "annex"]),
)
def test_a_list_with_labels_left_in_its_texts_is_analysed_as_the_walk_would(
    kind: str, how: list[str], where: str
) -> None:
    """Labels left at the start of unlabelled entries' texts, in sequence or
    not: the analysis finds what the walk finds."""

    entries: list[dict[str, Any]] = []
    for label, way in zip(SEQUENCES[kind], how, strict=False):
        if way == "label":
            entries.append({"label": label, "text": "that;"})
        elif way == "text":
            entries.append({"text": f"{label} that;"})
        elif way == "text-only":
            entries.append({"text": "that;"})
        else:
            entries.append({"label": "z)", "text": "that;"})
    _analysed_as_the_walk_would(entries, where)


@given(
    st.lists(st.text(alphabet=st.characters(max_codepoint=127), max_size=5), max_size=6),
    st.sampled_from(["en", "fr", "ru", "ar", "zh"]),
)
def test_labels_in_ascii_have_no_lookalike(labels: list[str], language: str) -> None:
    """The lookalike rule passes over a list whose labels are all ASCII: no
    letter of such a list looks like another of its script."""
    from itures.model.lookalike import look_alike, script
    from itures.rules.lookalike import _expected

    target = _expected(labels, language)
    for label in labels:
        for ch in label:
            s = script(ch)
            assert not (s and s != target and look_alike(ch, target))


@given(
    st.lists(
        st.one_of(st.none(), st.text(alphabet=st.characters(max_codepoint=127), max_size=6)),
        max_size=8,
    )
)
def test_labels_in_ascii_are_of_one_script(raws: list[str | None]) -> None:
    """labels.foreign passes over labels all in ASCII: the scripts of their
    letters, read one by one, find no label of another script either."""
    from itures.rules import labels as lb

    scripts = [lb._scripts(r) if r else frozenset() for r in raws]
    assert all(s <= {"LATIN"} for s in scripts)
    assert lb.foreign(raws) == set()


def _ranges(cls: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"(.)(?:-(.))?", cls, re.DOTALL):
        out.append((ord(m.group(1)), ord(m.group(2) or m.group(1))))
    return out


def test_the_script_blocks_hold_letters_of_their_script_alone() -> None:
    # the mixed-script test passes over these blocks in C: a letter of
    # another script in one would hide a garbled word
    for script, blocks in textscan._SCRIPT_BLOCKS.items():
        for lo, hi in _ranges(blocks):
            for code in range(lo, hi + 1):
                assert _script(chr(code)) in (None, script), (script, hex(code))
    for lo, hi in _ranges(textscan._NO_SCRIPT):
        for code in range(lo, hi + 1):
            assert _script(chr(code)) is None, hex(code)


# letters at the edges of the blocks and just outside, marks, blanks
SCRIPT_PIECES = [
    "\u0600",
    "\u06ff",
    "\u0750",
    "\u08a0",
    "\ufdff",
    "\ufe70",
    "\u06cc",
    "ب",
    "\u0400",
    "\u0483",
    "\u048a",
    "\u052f",
    "\u0530",
    "ж",
    "\u3400",
    "\u9fff",
    "\uf900",
    "\u3005",
    "\u3006",
    "\u3031",
    "\u303b",
    "\u30a2",
    "中",
    "ａ",
    "Ａ",
    "，",
    "。",
    "、",
    "\u2071",
    "α",
    "é",
    "ǆ",
    "\u0301",
    " ",
    "x",
    "1",
    "᚛",
    "ᚠ",
]


@given(st.lists(st.sampled_from(SCRIPT_PIECES), max_size=12).map("".join))
def test_mixed_scripts_is_two_scripts_in_the_text(text: str) -> None:
    scripts = {_script(ch) for ch in text} - textscan._ANY_TEXT
    assert textscan._mixed_scripts(text) == (len(scripts) >= 2)
