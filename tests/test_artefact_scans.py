"""The scans of conversion leftovers made together (textscan.Scans.leftovers)
and their quicker tests: each finds what the plain scans find, on texts made
of the fragments that matter to them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from itures import textscan

PIECES = [
    " ",
    "  ",
    "\n",
    "\t",
    "\x0b",
    "\x1c",
    "\u00a0",
    "a",
    "the",
    "Word",
    "é",
    "Ǧ",
    "ц",
    "波",
    "\x07",
    "\ue000",
    "_",
    "____",
    "1",
    "12",
    "2014",
    "562 D - 81",
    "481 ",
    "PART",
    " III - RESOLUTIONS",
    "ANNEX 1 TO RESOLUTION",
    "RESOLUTION",
    ",",
    ";",
    ":",
    ".",
    "-",
    "a)",
    "ii)",
    "1.2 ",
    ") ",
    "resolves",
    " to instruct",
    "further",
    "also",
    "invites",
    "urges",
    "décide",
    "d'inviter",
    "également",
    "resuelve",
    "además",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
LANGUAGES = st.sampled_from(["en", "fr", "es", "ru"])

# the grammars and heading patterns read now, not in a first example (whose
# time hypothesis would hold against the scans)
for _language in ("en", "fr", "es", "ru"):
    textscan.prepare(_language)


def _plain(text: str, language: str) -> textscan.Leftovers:
    return (
        tuple(textscan.headings(text, language)),
        tuple(textscan.labels_inside(text)),
        tuple(textscan.footnotes(text)),
        tuple(textscan.pages(text)),
        tuple(textscan.glyphs(text)),
    )


@given(TEXTS, LANGUAGES)
def test_the_leftovers_are_the_scans(text: str, language: str) -> None:
    """Scans.leftovers finds what each scan finds, NOTHING when none does;
    the single scans then answer from it."""
    scan = textscan.Scans()
    expected = _plain(text, language)
    for _ in range(2):  # scanned, then remembered
        found = scan.leftovers(text, language)
        assert found == expected
        assert (found is textscan.NOTHING) == (not any(expected))
        assert scan.headings(text, language) == expected[0]
        assert scan.labels_inside(text) == expected[1]
        assert scan.footnotes(text) == expected[2]
        assert scan.pages(text) == expected[3]
        assert scan.glyphs(text) == expected[4]
    other = "fr" if language != "fr" else "en"
    assert scan.leftovers(text, other) == _plain(text, other)  # another language: answered
    assert scan.headings(text, other) == tuple(textscan.headings(text, other))


@given(TEXTS, LANGUAGES)
def test_the_quick_heading_test_holds_wherever_a_heading_is(text: str, language: str) -> None:
    """In a text in ASCII, the quick test of the headings (an end mark,
    blanks, a "further" word or a verb, searched in the text's marks form)
    finds something wherever the heading pattern finds a heading."""
    text = text.encode("ascii", "ignore").decode()
    quick = textscan._heading_quick(language)
    if quick is None:
        assert textscan._heading_pattern(language) is None
        return
    if textscan.headings(text, language):
        assert quick.search(text.encode("ascii").translate(textscan._MARKS)) is not None


@given(TEXTS)
def test_the_quick_page_test_in_the_marks_form_is_the_pattern(text: str) -> None:
    """In a text in ASCII, what a page footer or number needs is found in the
    marks form where the pattern finds it in the text, and only there."""
    text = text.encode("ascii", "ignore").decode()
    marks = text.encode("ascii").translate(textscan._MARKS)
    found = textscan._MAYBE_PAGE_MARKS.search(marks) is not None
    assert found == (textscan._MAYBE_PAGE_ASCII.search(text) is not None)


def test_the_marks_form_changes_only_end_marks_blanks_and_digits() -> None:
    for code in range(128):
        ch = chr(code)
        if ch in ",;:.":
            assert textscan._MARKS[code] == ord(",")
        elif ch.isspace():
            assert textscan._MARKS[code] == ord(" ")
        elif ch.isdigit():
            assert textscan._MARKS[code] == ord("0")
        else:
            assert textscan._MARKS[code] == code


LABEL_PIECES = ["a)", "(b)", "ii)", "1", "1.2", "a", " ", "  ", "\n", "the", "10", "000", "x"]


@given(
    st.one_of(st.none(), st.lists(st.sampled_from(LABEL_PIECES), max_size=3).map("".join)),
    st.lists(st.sampled_from(LABEL_PIECES), max_size=8).map("".join),
)
def test_a_text_that_does_not_start_with_its_label_has_no_label_left(
    label: str | None, text: str
) -> None:
    """The rule's quick test of a labelled entry: a text that does not start
    with the entry's label (blanks aside) has no label left at its start."""
    from itures.rules import labels

    if label and not text.lstrip().startswith(label.strip()):
        assert labels.text_label(label, text) is None
