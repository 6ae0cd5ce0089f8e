"""The scans for conversion leftovers made once for a whole file (the texts
joined: textscan.Joined, Scans.found_in, the rule conversion-artefact) find
what the scans of each text on its own find, on texts and resolutions made of
the shapes of every defect: labels, headings, footnotes, page headers and
footers, glyphs, text that follows the document, glued years, bookmarks."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from itures import textscan
from itures.rules import Context, Finding
from itures.rules import artefacts as ar
from itures.rules._walk import texts
from tests.rules.build import clauses, data

PIECES = [
    " ",
    "  ",
    "\n",
    "\t",
    "\x0b",
    "\x1c",
    "\xa0",
    "\x07",
    "the",
    "x",
    "a",
    "Word",
    "é",
    "|",
    "?",
    "-",
    "–",
    "_",
    ",",
    ";",
    ":",
    ".",
    "1",
    "12",
    "a) ",
    "(b) ",
    "ii) ",
    "1 to ",
    "; ii) the",
    "; 1.2 that",
    ": a) the",
    ", resolves to instruct the",
    "; further invites",
    ". also",
    ", décide de charger",
    ", resuelve encargar",
    "____________ 1 These include",
    "____ * Note",
    "Union2 ",
    " PART III - RESOLUTIONS ",
    "562 D - 81",
    "481 PART IV",
    "482 RESOLUTION 166",
    "PART VI - SIGNATORIES",
    "ANNEX 1 TO RESOLUTION 71",
    "ANNEXE 2 À LA RÉSOLUTION",
    "ITUǦcoordinated",
    "Cоuncil",
    "\ue000",
    "\ufffd",
    "ᙫփᡈ",
    "2014Buenos Aires",
    "1899x",
    "2020",
    "2010",
    "20102014",
    "[bookmark: _Toc1]",
    "[footnoteRef:2]",
    "[bookmark:",
    "resolves",
    " to instruct",
    "invites",
    "further",
    "décide",
    "d’inviter",
    "également",
    "\u2009",
    "\u2028",
    "٣",
    "D",
    " - ",
    "PART",
    "RÉSOLUTION",
    "Original: English For Georgia:",
    "Original : anglais Pour la Géorgie :",
    "Original",
    " For ",
    "regard. 489",
    "regard; ",
    "No. 12",
    " 7",
]
TEXT = st.lists(st.sampled_from(PIECES), min_size=1, max_size=16).map("".join)
TEXTS = st.lists(TEXT, max_size=8)
LANGUAGES = st.sampled_from(["en", "fr", "es", "ru"])

for _language in ("en", "fr", "es", "ru"):  # read now, not in a first example
    textscan.prepare(_language)


def _plain(text: str, language: str) -> textscan.Leftovers:
    return (
        tuple(textscan.headings(text, language)),
        tuple(textscan.labels_inside(text)),
        tuple(textscan.footnotes(text)),
        tuple(textscan.pages(text)),
        tuple(textscan.glyphs(text)),
    )


FORM_PATTERNS = [
    textscan._JOINED_LABEL,
    textscan._JOINED_PAGE,
    ar._JOINED_WORD,
    ar._JOINED_GLUED,
    *[p for lang in ("en", "fr", "es") for p in textscan._heading_joined(lang) or ()],
]


@given(TEXTS, st.sampled_from(FORM_PATTERNS))
# (a heading's word at a text's end, a digit at the next text's start: no word
# edge in the joined texts)
@example([". also", "2014Buenos Aires"], FORM_PATTERNS[4])
def test_a_text_that_holds_a_pattern_is_found_in_the_joined_texts(
    texts: list[str], pattern: re.Pattern[bytes]
) -> None:
    """Joined.holding names, once each and in order, every text in ASCII
    whose form alone holds the pattern (and perhaps more); the texts beyond
    ASCII are named apart; the form keeps the texts' offsets."""
    joined = textscan.Joined(texts)
    found = joined.holding(pattern)
    assert found == sorted(set(found))
    assert all(0 <= i < len(texts) for i in found)
    for i, text in enumerate(texts):
        if text.isascii() and pattern.search(text.encode().translate(textscan._JOINED)):
            assert i in found
    assert joined.wide == [i for i, text in enumerate(texts) if not text.isascii()]
    assert len(joined.form) == sum(map(len, texts))


# the pieces of labels, headings and page footers, with blanks and digits
# beyond ASCII and controls
WIDE_PIECES = [
    "; ",
    ";\xa0",
    ":\u2009",
    ";\x0b",
    ",\x1c",
    ", ",
    ".\xa0",
    "\x07",
    "a) ",
    "ii)\xa0",
    "1 ",
    "٣\xa0",
    "the",
    "é",
    "resolves to instruct",
    "resolves\xa0to\u2009instruct",
    "further\xa0invites",
    "décide d’inviter",
    "décide\xa0de charger",
    "également ",
    " ",
    ", également décide",
    ";\xa0également\u2009décide",
    ",\u2009resolves to instruct",
    ";\x0bfurther invites",
    ": ii)\xa0the",
    ";\u2009٣ to",
    "resuelve encargar",
    "562\xa0D - 81",
    "٣٣ D – 81",
    "482 RÉSOLUTION",
    "48\x1cDÉCISION",
    "regard.\xa0٣",
    "área. 12",
    "Original: inglés Por España:",
]
WIDE_TEXTS = st.lists(st.lists(st.sampled_from(WIDE_PIECES), max_size=5).map("".join), max_size=4)


@given(WIDE_TEXTS, LANGUAGES)
@example([", également décide"], "fr")  # a word beyond ASCII: no word edge looked for
@example([",\u2009resolves to instruct"], "en")
@example(["x;\xa0ii)\xa0the"], "en")
@example(["x;\u2009٣ to"], "en")
@example(["562\xa0D - 81"], "en")
@example(["٣٣ D – 81"], "en")
@example(["482 RÉSOLUTION"], "en")
@example(["área. 12", "regard.\xa0٣"], "es")
def test_a_text_with_a_control_or_beyond_ascii_is_found_where_a_scan_may_find(
    texts: list[str], language: str
) -> None:
    """In a text with a control or beyond ASCII, the quick tests in the joined
    form (a "?" or a control taken for what it may be) hold wherever the
    scan's own quick test holds."""
    joined = textscan.Joined(texts)
    every = set(range(len(texts)))
    labels = joined.holding_among(textscan._WIDE_LABEL, every)
    heading = textscan._heading_joined(language)
    heads = joined.holding_among(heading[2], every) if heading else set()
    pattern = textscan._heading_pattern(language)
    for i, text in enumerate(texts):
        if textscan._LABEL_INSIDE.search(text):
            assert i in labels
        if pattern is not None and pattern.search(text):
            assert heading is not None and i in heads


@given(TEXTS, st.sampled_from([b"____", b"PART", b"ANNEX", b"\x01", b"?"]))
def test_a_text_that_holds_a_literal_is_found_in_the_joined_texts(
    texts: list[str], literal: bytes
) -> None:
    joined = textscan.Joined(texts)
    found = joined.holding_literal(literal)
    assert found == sorted(set(found))
    for i, text in enumerate(texts):
        if text.isascii() and literal in text.encode().translate(textscan._JOINED):
            assert i in found


def test_the_joined_form_keeps_what_the_quick_tests_read() -> None:
    for code in range(128):
        ch = chr(code)
        form = textscan._JOINED[code]
        if ch in ",.":
            assert form == ord(",")
        elif ch in ";:":
            assert form == ord(";")
        elif ch in "\t\n\r ":
            assert form == ord(" ")
        elif not ch.isprintable():  # a control: what \s may also match, or a glyph
            assert form == 1
        elif ch.isdigit():
            assert form == ord("0")
        else:
            assert form == code


@given(TEXTS, LANGUAGES, st.sampled_from([None, "en", "fr"]))
@example(["to act.", "Original: English For Georgia: At the", "regard. 489", "No. 12"], "en", None)
@example(["Original : anglais Pour la Géorgie : La", "área. 12", "regard.\xa0٣"], "fr", "fr")
def test_the_texts_found_in_a_file_are_those_a_scan_finds_something_in(
    texts: list[str], language: str, asked: str | None
) -> None:
    """Scans.found_in names the texts in which trailing or leftovers finds
    something, and each scan then answers for every text of the file what
    it finds on its own (``asked``: a language asked of the scans before)."""
    scan = textscan.Scans()
    if asked is not None:
        scan.leftovers("x", asked)
    found = scan.found_in(textscan.Joined(texts), language)
    expected = [
        i
        for i, text in enumerate(texts)
        if textscan.trailing(text) is not None or any(_plain(text, language))
    ]
    assert found == expected
    for text in texts:
        plain = _plain(text, language)
        assert scan.leftovers(text, language) == plain
        assert (scan.leftovers(text, language) is textscan.NOTHING) == (not any(plain))
        assert scan.trailing(text) == textscan.trailing(text)
        assert scan.headings(text, language) == plain[0]
        assert scan.labels_inside(text) == plain[1]
        assert scan.footnotes(text) == plain[2]
        assert scan.pages(text) == plain[3]
        assert scan.glyphs(text) == plain[4]


@given(TEXTS)
def test_the_word_artefacts_are_looked_for_in_every_text_that_has_one(texts: list[str]) -> None:
    found = ar._word_artefacts(textscan.Joined(texts))
    assert found == sorted(set(found))
    for i, text in enumerate(texts):
        if ar._ARTEFACTS.search(text):
            assert i in found


# The rule with the quick tests of the whole file answering "maybe" for every
# text: each text is then scanned on its own, what the rule must find.


class _EveryText(textscan.Joined):
    """The file's texts joined, whose searches name every text (of those
    asked about): no text is passed over by a quick test of the whole file."""

    def holding(self, pattern: re.Pattern[bytes]) -> list[int]:
        return list(range(len(self.texts)))

    def holding_among(self, pattern: re.Pattern[bytes], indices: set[int]) -> set[int]:
        return set(indices)

    def holding_literal(self, literal: bytes) -> list[int]:
        return list(range(len(self.texts)))


def _one_text_at_a_time(res: Any) -> list[Finding]:
    ctx = Context("a.yaml", res)
    ctx.local["joined"] = _EveryText([t.text for t in texts(ctx)])
    return list(ar.conversion_artefact(ctx))


LABELS = st.sampled_from([None, "a)", "b)", "ii)", "1", "2", "1.2", "(c)"])


@st.composite
def _entries(draw: st.DrawFn, nested: str, depth: int = 0) -> list[dict[str, Any]]:
    out = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        entry: dict[str, Any] = {"text": draw(TEXT)}
        label = draw(LABELS)
        if label is not None:
            entry["label"] = label
        if depth < 1 and draw(st.booleans()):
            entry[nested] = draw(_entries(nested, depth + 1))
        out.append(entry)
    return out


@st.composite
def _resolutions(draw: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "body": "pp",
        "number": "1",
        "language": draw(st.sampled_from(["en", "fr", "ru"])),
        "title": draw(TEXT),
        "history": [{"event": "adopted", "place": draw(TEXT), "year": 2014}],
        "preamble": [
            {"verb": "considering", "heading": draw(TEXT), "items": draw(_entries("items"))}
            for _ in range(draw(st.integers(min_value=0, max_value=2)))
        ],
        "operative": [
            {"verb": "resolves", "heading": draw(TEXT), "clauses": draw(_entries("clauses"))}
            for _ in range(draw(st.integers(min_value=1, max_value=2)))
        ],
    }
    if draw(st.booleans()):
        doc["footnotes"] = [{"id": "1", "text": draw(TEXT)}]
    if draw(st.booleans()):
        doc["annexes"] = [
            {"heading": "ANNEX", "title": draw(TEXT), "items": draw(_entries("items"))}
        ]
    return doc


@given(_resolutions())
@example(
    data(
        operative=[
            clauses(
                [
                    "to act in this regard. 489",
                    "Original: English For Georgia: The Government",
                    "it reserves its rights. 501 D - 2",
                ],
                labels=["1", "1", "2"],
            )
        ]
    )
)
def test_the_rule_finds_what_it_finds_one_text_at_a_time(doc: dict[str, Any]) -> None:
    """conversion-artefact, its quick tests made once for the file, finds what
    it finds when every text is scanned on its own: the same findings, in the
    same order, with the same places attached."""
    from itures.model.resolution import Resolution

    res = Resolution.model_validate(doc)
    assert list(ar.conversion_artefact(Context("a.yaml", res))) == _one_text_at_a_time(res)


def test_headings_asked_before_are_not_sought_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text whose headings a rule asked for first (numbering, where a list
    starts again) is not scanned for them again by found_in, and gives the
    same answer."""
    text = "the work of the Union; instructs the Secretary-General 1 to report"
    other = "encourages Member States; resolves 1 that the Union"
    scan = textscan.Scans()
    first = scan.headings(text, "en")
    assert first
    calls: list[str] = []
    seek = textscan.headings

    def counted(t: str, language: str) -> list[textscan.Artefact]:
        calls.append(t)
        return seek(t, language)

    monkeypatch.setattr(textscan, "headings", counted)
    assert scan.found_in(textscan.Joined([text, other]), "en") == [0, 1]
    assert calls == [other]  # the text asked before is not sought again
    assert scan.headings(text, "en") == first
    assert scan.leftovers(text, "en")[0] == first
