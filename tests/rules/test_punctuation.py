"""Doubled punctuation marks: found in any spacing, one finding per run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures.cli import main
from itures.rules import punctuation as pu
from itures.rules.punctuation import doubled

_WORDS = st.text(alphabet="abcdéfghij", min_size=4, max_size=8)
_MARKS = st.sampled_from([",", ";", ":", "."])
_SPACES = st.sampled_from(["", " ", "\u00a0", "\u202f", "  "])


@given(_WORDS, _MARKS, _SPACES, _MARKS, _WORDS)
def test_two_marks_in_any_spacing_are_one_doubled_run(
    before: str, first: str, space: str, second: str, after: str
) -> None:
    """A word, two marks with any spacing between them, a word: one run, the marks'."""
    text = f"{before}{first}{space}{second} {after}"
    if first == second == ".":
        return  # ". ." is the start of a spaced ellipsis: see the next test
    start = len(before)
    assert doubled(text) == [(start, start + len(first + space + second))]


@given(_WORDS, _SPACES, _MARKS, _WORDS)
def test_an_ellipsis_and_an_abbreviation_are_not_marks(
    before: str, space: str, mark: str, after: str
) -> None:
    for text in (
        f"{before}...{space}{mark} {after}",
        f"{before} etc.{space}{mark} {after}" if mark != "." else f"{before} etc. {after}",
        f"{before} (Rev.{space}{mark} {after})" if mark != "." else f"{before} {after}",
    ):
        assert doubled(text) == [], text


def test_the_finding_covers_the_marks_and_says_which_to_keep(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "fr.yaml"
    doc.write_text(
        "body: wtdc\nnumber: '1'\nlanguage: fr\ntitle: Test\n"
        "history: [{event: adopted, place: Genève, year: 2000}]\n"
        "preamble:\n  - verb: considering\n    heading: considérant\n    items:\n"
        "      - {label: a), text: 'que les Secteurs ; , '}\n"
        "      - {label: b), text: 'que les résultats sont positifs,'}\n",
        encoding="utf-8",
    )
    assert main(["check", "--format", "json", str(doc)]) == 1
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["rule"], d["severity"]) for d in found] == [("punctuation", "error")]
    (d,) = found
    assert d["message"].startswith("doubled punctuation '; ,'")
    assert d["end_column"] == d["column"] + 2  # the last of the span: ";", " ", ","
    assert d["help"] == (
        "keep one mark: ';' (an item inside a list ends with ';'), and delete the other"
    )


@pytest.mark.parametrize(
    ("written", "marks", "help_"),
    [
        ("etc.., et", "'..,'", "keep 'etc.' and, after it, the one mark the revised text needs"),
        ("etc.. Les", "'..'", "delete the '.' after 'etc.': its dot ends the sentence too"),
        ("Rév.., et", "'..,'", "keep 'Rév.' and, after it, the one mark"),
        ("travaux,, et", "',,'", "keep the one mark the revised text needs, and delete the other"),
    ],
)
def test_a_doubled_mark_after_an_abbreviation_keeps_its_dot(
    written: str, marks: str, help_: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'etc..,': the first '.' is the abbreviation's, which the fix keeps (the
    help said 'keep the one mark ..., and delete the other', which may drop it)."""
    doc = tmp_path / "fr.yaml"
    doc.write_text(
        "body: wtdc\nnumber: '1'\nlanguage: fr\ntitle: Test\n"
        "history: [{event: adopted, place: Genève, year: 2000}]\n"
        "preamble:\n  - verb: considering\n    heading: considérant\n    items:\n"
        f"      - {{label: a), text: 'les séminaires, {written} les ateliers;'}}\n"
        "      - {label: b), text: 'que les résultats sont positifs,'}\n",
        encoding="utf-8",
    )
    main(["check", "--format", "json", str(doc)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    (d,) = [d for d in found if d["message"].startswith("doubled punctuation")]
    assert d["message"].startswith(f"doubled punctuation {marks}")
    assert d["help"].startswith(help_)


# -- quotation marks ---------------------------------------------------------


@st.composite
def _quoted(draw: st.DrawFn, depth: int = 0) -> str:
    """Words with well-paired quotations, nested in any way (“ ”, « », ")."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        word = draw(st.text(alphabet="abc ’',;.", max_size=5))
        parts.append(word)
        if depth < 2 and draw(st.booleans()):
            opening, closing = draw(st.sampled_from([("“", "”"), ("«", "»"), ('"', '"')]))
            parts.append(opening + draw(_quoted(depth + 1)) + closing)
    return "".join(parts)


@given(_quoted())
def test_paired_quotation_marks_are_not_reported(text: str) -> None:
    assert pu._unpaired(text) is None


@given(_quoted(), st.sampled_from('“”«»"'), st.data())
def test_one_quotation_mark_more_is_reported(text: str, mark: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(text)))
    found = pu._unpaired(text[:at] + mark + text[at:])
    assert found is not None
    offset, said = found
    assert said in '“”«»"'
    assert (text[:at] + mark + text[at:])[offset] == said


@given(st.lists(st.text(alphabet='ab "“”«»', max_size=8), max_size=8))
def test_the_texts_with_an_unpaired_quote_are_found_among_the_file_s(texts: list[str]) -> None:
    """The whole file's search finds the texts a search of each finds (the
    first, the last, after an empty one): a straight mark typed for a curly
    one's partner, at it, or else the mark left unpaired."""
    from itures.rules._walk import Text

    walked = [Text(("footnotes", i, "text"), text) for i, text in enumerate(texts)]
    found = [(f.path[1], f.offset) for f in pu._unpaired_quotes(walked)]
    expected = [
        (i, u[0])
        for i, text in enumerate(texts)
        if (u := pu._straight_for(text) or pu._unpaired(text))
    ]
    assert found == expected


@given(_quoted(), st.sampled_from(["“”", "«»", "”“", "»«"]), st.data())
def test_a_straight_mark_typed_for_a_curly_partner_is_found_at_it(
    text: str, pair: str, data: st.DataObject
) -> None:
    """A quotation whose closing (or opening) curly mark was typed '"', in
    a text whose other marks pair (curly ones only): found at that '"',
    with the mark meant."""
    text = text.replace('"', "")
    kept, meant = pair  # the curly mark kept, the one typed straight
    quoted = kept + "x" + '"' if kept in "“«" else '"' + "x" + kept
    at = data.draw(st.integers(0, len(text)))
    found = pu._straight_for(text[:at] + " " + quoted + " " + text[at:])
    assert found == (at + 3 if kept in "“«" else at + 1, meant)


# -- parentheses ----------------------------------------------------------------


@st.composite
def _bracketed(draw: st.DrawFn, depth: int = 0) -> str:
    """Words (short ones, labels such as 'a' or 'iv', included) with
    well-paired parentheses, nested in any way, and citations' markup."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        parts.append(draw(st.text(alphabet="aiv bc,;.§12", max_size=6)))
        kind = draw(st.integers(0, 3))
        if kind == 1 and depth < 2:
            opening, closing = draw(st.sampled_from([("(", ")"), ("（", "）")]))
            parts.append(opening + draw(_bracketed(depth + 1)) + closing)
        elif kind == 2:
            parts.append("[Resolution 5 (Rev. Dubai, 2014)](wtdc:5@2014#resolves/1/a)")
    return "".join(parts)


@given(_bracketed())
def test_paired_parentheses_are_not_reported(text: str) -> None:
    assert pu._unbalanced(text) is None


@given(_bracketed(), st.sampled_from("(（"), st.data())
def test_a_parenthesis_opened_more_is_reported(text: str, mark: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(text)))
    changed = text[:at] + mark + text[at:]
    if "](" in changed and pu._TARGET.sub("", changed).count("(") < changed.count("("):
        # a '(' put inside the markup of a citation is not the text's
        return
    found = pu._unbalanced(changed)
    assert found is not None
    assert changed[found[0]] in "()（）"


@given(_bracketed(), st.sampled_from([")", "）"]), st.data())
def test_a_parenthesis_closed_after_a_word_is_reported(
    text: str, mark: str, data: st.DataObject
) -> None:
    """')' after a word of three letters or more (not a label's), with no
    parenthesis opened before it: reported (inside one, it closes it and
    the one that closed it may be read as a label's: "( thing) 1)")."""
    at = data.draw(st.integers(0, len(text)))
    opening = "(" if mark == ")" else "（"
    if opening in text[:at]:
        return
    changed = text[:at] + " thing" + mark + " " + text[at:]
    if "](" in changed and pu._TARGET.sub("", changed).count(")") < changed.count(")"):
        return  # put inside a citation's markup
    found = pu._unbalanced(changed)
    assert found is not None
    assert changed[found[0]] in "()（）"


@pytest.mark.parametrize(
    "text",
    [
        "c) iv) above;",
        "resolves 2 a) and b);",
        "(see resolves 2 a) and b) above);",
        "(§ 90 q)) set forth",
        "9 (2g) to promote; ii) 9 (2h) to design;",
        "§ 13e) of the Geneva Plan of Action",
        "a) the Preamble (No. 1) of the Constitution (CS);",
        "[recognizing c) above](pp:101#recognizing/c);",
        "the Assembly (RA)](ra:6-2@2015), on liaison (ITU-T);",
        "1 bis) the plan;",
        # (the blank before a label lost after a mark: that mark's finding)
        "concerned with telecommunications;iii) the others;",
        "the Council:b) the plan,c) the budget;",
        "the Council.iv) the plan;",
    ],
)
def test_the_parentheses_of_labels_are_not_unpaired(text: str) -> None:
    assert pu._unbalanced(text) is None


@pytest.mark.parametrize(
    ("text", "mark", "at"),
    [
        ("Resolution 35 (Rev. (Hammamet, 2016) of the Assembly;", "(", 14),
        ("the Sector (ITU-T and the Bureau;", "(", 11),
        ("the Sector ITU-T) and the Bureau;", ")", 16),
        # (a word of three letters or more after a mark is no label)
        ("the Union,Sector) and the Bureau;", ")", 16),
        ("the Union;ITU-T) and the Bureau;", ")", 15),
        ("the Union (2", "(", 10),
        ("[Resolution 5 (Rev. Dubai, 2014](wtdc:5@2014);", "(", 14),
        ("the sessions （2018 and 2019;", "（", 13),
    ],
)
def test_a_parenthesis_alone_is_said_where_it_is(text: str, mark: str, at: int) -> None:
    assert pu._unbalanced(text) == (at, mark)


@given(st.lists(st.text(alphabet="ab i()（）\0\x01", max_size=8), max_size=8))
def test_the_texts_with_an_unpaired_parenthesis_are_found_among_the_file_s(
    texts: list[str],
) -> None:
    from itures.rules._walk import Text

    walked = [Text(("footnotes", i, "text"), text) for i, text in enumerate(texts)]
    found = [(f.path[1], f.offset) for f in pu._unpaired_brackets(walked)]
    # (a pair of two widths, "（)", is said at the one not of the file's width)
    expected = [
        (i, (pu._two_widths(text, False) or u)[0])
        for i, text in enumerate(texts)
        if (u := pu._unbalanced(text))
    ]
    assert found == expected


# -- a blank before a mark -----------------------------------------------------------


@given(_WORDS, st.sampled_from([",", "."]), _WORDS, st.sampled_from(["en", "fr", "es"]))
def test_a_blank_before_a_comma_or_full_stop_is_reported(
    before: str, mark: str, after: str, language: str
) -> None:
    from itures.rules._walk import Text

    text = f"{before} {mark} {after}"
    (found,) = pu._spaced_marks([Text(("footnotes", 0, "text"), text)], language)
    assert (found.offset, found.length) == (len(before), 1)
    assert not list(
        pu._spaced_marks([Text(("footnotes", 0, "text"), f"{before}{mark} {after}")], language)
    )


@pytest.mark.parametrize(
    ("text", "language", "reported"),
    [
        ("the plan ; the report", "en", True),
        ("el plan : el informe", "es", True),
        ("le plan ; le rapport", "fr", False),  # French spacing
        ("le plan : le rapport", "fr", False),
        ("le plan , le rapport", "fr", True),
        ("the plan ;", "en", True),
        ("a value of .5 and", "en", False),
        ("the plan . . . and", "en", False),  # a spaced ellipsis
        ("the plan ; , and", "en", False),  # a doubled mark: said as one
        ("the plan, ; and", "en", False),
        ("the plan\u00a0, and", "en", True),
        # a blank inside a parenthesis, in every language
        ("Resolution 34 (Rev. Buenos Aires, 2017 ) of WTDC", "en", True),
        ("les technologies de l'information ( TIC) et", "fr", True),
        ("el plan (UIT-T\u00a0) y", "es", True),
        ("the plan (Rev. Dubai, 2014) and", "en", False),
        ("a form ( ) to fill", "en", False),  # an empty parenthesis
        ("the terms (a) and (b) above", "en", False),
    ],
)
def test_a_blank_before_a_mark(text: str, language: str, reported: bool) -> None:
    from itures.rules._walk import Text

    found = list(pu._spaced_marks([Text(("footnotes", 0, "text"), text)], language))
    assert bool(found) == reported


@given(_WORDS, _WORDS, _WORDS, st.sampled_from(["en", "fr", "es"]), st.booleans())
def test_a_blank_inside_a_parenthesis_is_reported_where_it_is(
    before: str, inside: str, after: str, language: str, opening: bool
) -> None:
    from itures.rules._walk import Text

    spaced = f"{before} ( {inside}) {after}" if opening else f"{before} ({inside} ) {after}"
    (found,) = pu._spaced_marks([Text(("footnotes", 0, "text"), spaced)], language)
    blank = spaced.index("( ") + 1 if opening else spaced.index(" )")
    assert (found.offset, found.length) == (blank, 1)
    assert ("after '('" in found.message) == opening
    assert not list(
        pu._spaced_marks([Text(("footnotes", 0, "text"), f"{before} ({inside}) {after}")], language)
    )


@pytest.mark.parametrize(
    ("title", "reported"),
    [
        ("Strengthening coordination among the three Sectors.", True),
        ("Renforcer la coordination d'intérêt mutuel. ", True),
        ("加强三个部门的协调。", True),
        ("Strengthening coordination among the three Sectors", False),
        ("Telecommunications, ICTs, etc.", False),  # an abbreviation's dot
        ("The role of telecommunications and ...", False),  # cut short: conversion-artefact
        ("The role of telecommunications,.", False),  # a doubled mark, said as one
        (".", False),
    ],
)
def test_a_title_ending_with_a_full_stop(title: str, reported: bool) -> None:
    found = list(pu._title_end(title, pu.doubled(title)))
    # at the mark: the title's last character but blanks
    assert [f.offset for f in found] == ([len(title.rstrip()) - 1] if reported else [])
    assert all(f.path == ("title",) and f.length == 1 for f in found)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("des séminaires,d'ateliers et de forums", True),
        ("the seminars,workshops and forums", True),
        ("los seminarios,talleres", True),
        ("des séminaires, d'ateliers", False),
        ("une part de 1,5 %", False),  # a digit after it
        ("la Rév.Dubaï et e.g.the", False),  # full stops, not commas
        ("[les Résolutions 17 et 26](wtsa:17,26@2012) et", False),  # in a target
        ("[les Résolutions 17 et 26](wtsa:17,26@2012),et", True),  # after it
    ],
)
def test_a_comma_glued_to_the_next_word(text: str, reported: bool) -> None:
    from itures.rules._walk import Text

    found = list(pu._glued_commas([Text(("footnotes", 0, "text"), text)]))
    assert [f.offset for f in found] == ([text.rindex(",")] if reported else [])


@given(_WORDS, _WORDS, st.integers(0, 3))
def test_a_comma_is_reported_only_when_a_letter_follows_it(
    before: str, after: str, blanks: int
) -> None:
    from itures.rules._walk import Text

    text = f"{before},{' ' * blanks}{after}"
    found = list(pu._glued_commas([Text(("footnotes", 0, "text"), text)]))
    assert bool(found) == (blanks == 0)


@pytest.mark.parametrize(
    ("text", "offset", "help_"),
    [
        # the partner has a no-break space inside it: the help says to write one too
        (
            "la Résolution «\u00a0Réduire l'écart\";",
            31,
            "write '»' for the straight '\"', with the no-break space inside it that its "
            "partner has",
        ),
        (
            "la Résolution \"Réduire l'écart\u00a0»;",
            14,
            "write '«' for the straight '\"', with the no-break space inside it that its "
            "partner has",
        ),
        # none inside the partner, or a blank already before the '"': the mark alone
        ("la Résolution «Réduire l'écart\";", 30, "write '»' for the straight '\"'"),
        ("la Résolution «\u00a0Réduire l'écart \";", 32, "write '»' for the straight '\"'"),
    ],
)
def test_a_straight_quote_for_a_guillemet_is_told_the_space_its_partner_has(
    text: str, offset: int, help_: str
) -> None:
    from itures.rules._walk import Text

    [finding] = pu._unpaired_quotes([Text(("text",), text)])
    assert finding.offset == offset and text[offset] == '"'
    assert finding.help == help_
