"""punctuation: the slips of a keyboard ITU's texts do not write: "e.g" or
"i.e" without its last full stop, a word glued to the parenthesis after it
("Society(WSIS)"), a number glued to its unit ("2Mbit/s"), a blank inside a
web address ("www.itu. int"). One finding of each a text, with the words to
write, which ``--fix`` writes."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from itures.rules.punctuation import punctuation
from tests.conftest import SEED_YAML, run_cli
from tests.rules.build import clauses, context, items
from tests.test_fix import _corpus


def _slips(text: str, language: str = "en") -> list[tuple[str, str | None]]:
    """(the span, the help) of the typing slips found in ``text``, an item of the preamble."""
    ctx = context(
        language,
        preamble=[items([text])],
        operative=[clauses(["to act."], heading="resolves")],
    )
    out = []
    for f in punctuation(ctx):
        if f.help is None or not f.help.startswith("write '") or f.offset is None:
            continue
        assert f.length is not None
        out.append((text[f.offset : f.offset + f.length], f.help))
    return out


def test_each_slip_is_told_with_the_words_to_write() -> None:
    assert _slips("that some (e.g the Sectors) act,") == [("e.g", "write 'e.g.'")]
    # (one of a kind a text, at the first)
    assert _slips("that all, i.e the Union, and some, i.e the Sectors, act,") == [
        ("i.e", "write 'i.e.'")
    ]
    assert _slips("that the World Summit on the Information Society(WSIS) acts,") == [
        ("Society(", "write 'Society ('")
    ]
    assert _slips("that links at 2Mbit/s, 2.5kbit/s and 5GHz grow,") == [
        ("2Mbit/s", "write '2 Mbit/s'")
    ]
    assert _slips("that the portal (www.itu. int) grows,") == [
        ("www.itu. int", "write 'www.itu.int'")
    ]
    assert _slips("que les liaisons à 2Mbit/s et le site www.itu. int croissent,", "fr") == [
        ("2Mbit/s", "write '2 Mbit/s'"),
        ("www.itu. int", "write 'www.itu.int'"),
    ]


def test_what_is_written_right_or_means_something_else_is_left_alone() -> None:
    for text in (
        "that some (e.g. the Sectors) and all, i.e., the Union, act,",
        "that the Member State(s) and f(x) act,",
        "that [Resolution 71](pp:71@2018) and the Society (WSIS) act,",
        "that links at 2 Mbit/s, in Mbit/s, at 5 GHz and IMT2020bit/s grow,",
        "that the portal www.itu.int. the site grows,",
        "that the item.i.e and the.g grow,",
    ):
        assert _slips(text) == [], text
    # Chinese writes no blank before a parenthesis
    assert _slips("国际电联报告(WSIS)。", "zh") == []


def test_fix_writes_the_words(tmp_path: Path) -> None:
    slips = [
        ("communication (TIC)", "communication(TIC)"),
        ("pour identifier les sujets", "pour identifier (www.itu. int) les sujets"),
    ]
    target, _ = _corpus(tmp_path, slips)
    assert len(check_paths([target]).diagnostics) == 2
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "2 fixes applied to 1 file" in done.stderr, done.stderr
    expected = SEED_YAML.read_text(encoding="utf-8").replace(
        "pour identifier les sujets", "pour identifier (www.itu.int) les sujets", 1
    )
    assert target.read_text(encoding="utf-8") == expected


def _elisions(text: str) -> list[tuple[str, str]]:
    ctx = context(
        "fr", preamble=[items([text])], operative=[clauses(["d'agir."], heading="décide")]
    )
    return [
        (text[f.offset : f.offset + f.length], f.message)
        for f in punctuation(ctx)
        if "elision" in f.message and f.offset is not None and f.length is not None
    ]


def test_a_french_elision_whose_apostrophe_was_lost_before_a_capital() -> None:
    assert _elisions("que le Secrétariat de lUnion et lAssemblée agissent,") == [
        ("lUnion", "'lUnion': the apostrophe of the elision lost; French writes \"l'Union\"")
    ]
    assert _elisions("que la coopération avec dUIT-R croît,") == [
        ("dUIT", "'dUIT': the apostrophe of the elision lost; French writes \"d'UIT\"")
    ]
    # (the file's apostrophe: curly where the file writes curly ones)
    assert _elisions("que l’Union et d’autres, avec lUIT, agissent,")[0][1].endswith("'l’UIT'")
    for text in (
        "que l'UIT et l’Union agissent,",
        "que les niveaux de 3 dB et 10 dBm, le IoT et leMonde agissent,",
        "que la norme alDente agit,",
    ):
        assert _elisions(text) == [], text


def test_a_sectors_abbreviation_with_a_letter_of_itu_lost_or_swapped() -> None:
    assert _slips("that the UT-D and the ITU-R act,") == [("UT-D", "write 'ITU-D'")]
    assert _slips("que l'IUT\u2011T et l'UIT-R agissent,", "fr") == [
        ("IUT\u2011T", "write 'UIT\u2011T'")
    ]
    assert _slips("que la UI-R actúe,", "es") == [("UI-R", "write 'UIT-R'")]
    for text, language in (
        ("that the ITU-T, ITU\u2011D and ITU-R act,", "en"),
        # (another language's form: text-language's; other names)
        ("that the UIT-D, the WP-D and the TT-R act,", "en"),
        ("que l'UIT-T agit,", "fr"),
    ):
        assert _slips(text, language) == [], text


def _abbreviated(text: str) -> list[tuple[str, str | None, str | None]]:
    ctx = context(preamble=[items([text])], operative=[clauses(["to act."])])
    return [
        (text[f.offset : f.offset + f.length], f.message, f.help)
        for f in punctuation(ctx)
        if "abbreviation" in f.message and f.offset is not None and f.length is not None
    ]


def test_an_abbreviation_its_name_spells_otherwise() -> None:
    # a known spelling: the abbreviation lost a letter
    ((span, message, help_),) = _abbreviated(
        "that the World Summit on the Information Society (WSS) met,"
    )
    assert span == "WSS" and help_ == "write 'WSIS'"
    assert message == (
        "the abbreviation 'WSS' after a name whose capitals spell 'WSIS': a letter lost or added"
    )
    # a known abbreviation: the name lost a word
    ((span, message, help_),) = _abbreviated(
        "that the World Telecommunication Conference (WTDC) met,"
    )
    assert message is not None and message.startswith(
        "the name before the abbreviation 'WTDC' spells 'WTC'"
    )
    # neither known: they disagree
    ((span, message, help_),) = _abbreviated("that the Arab Spectrum Group (ASMG) met,")
    assert help_ == "make the abbreviation and the name agree"


def test_abbreviations_their_names_spell_are_left_alone() -> None:
    for text in (
        "that the World Summit on the Information Society (WSIS) and the Telecommunication "
        "Development Bureau (BDT) met,",
        "that the Director of the Telecommunication Standardization Bureau (TSB) met,",
        "that the United Nations Conference on Trade and Development (UNCTAD), the Asia-Pacific "
        "Telecommunity (APT) and the Union in the United Nations Development Programme (UNDP) met,",
        "that the World Telecommunication/ICT Indicators Symposium (WTIS) met,",
        "that the ITU Council Working Group (CWG) met,",
    ):
        assert _abbreviated(text) == [], text


def test_a_word_of_the_name_written_twice_is_word_duplicate_s_alone() -> None:
    """ "Information Society Society (WSIS)": the name's capitals spell
    'WSISS', which was told as "a word of it lost or added" beside
    word-duplicate's "the word 'Society' twice in a row": one slip, the
    name right once the second word is deleted."""
    for text in (
        "that the World Summit on the Information Society Society (WSIS) met,",
        "that the World Summit on the Information Information Society (WSIS) met,",
        "that the World World Summit on the Information Society (WSIS) met,",
    ):
        assert _abbreviated(text) == [], text
    # (a word lost is still told, and so is a name that a word twice does not explain)
    assert len(_abbreviated("that the World Summit on the Society (WSIS) met,")) == 1
    assert len(_abbreviated("that the World Summit on the Society Society (WSIS) met,")) == 1


def test_a_name_at_its_texts_start_is_read_whole_and_a_swap_is_no_slip() -> None:
    # (the name's first word is its text's first, after the text before)
    ((span, _, help_),) = _abbreviated("World Summit on the Information Society (WSS) outcomes,")
    assert (span, help_) == ("WSS", "write 'WSIS'")
    # two letters swapped may be the official arrangement
    assert _abbreviated("that the International Organization for Standardization (ISO) met,") == []


def test_the_full_stop_of_etc_typed_as_another_mark_is_one_finding() -> None:
    """ "etc;," gave two findings, 'etc' without its full stop and a doubled
    mark ';,'; it is now one, whose fix writes "etc.,"."""
    ctx = context(
        "en",
        preamble=[items(["that forums, seminars, etc;, have helped,"])],
        operative=[clauses(["to act."], heading="resolves")],
    )
    found = list(punctuation(ctx))
    assert [(f.message, f.help) for f in found] == [
        ("'etc;': the full stop of 'etc.' typed as ';'", "write 'etc.'")
    ]
    # "etc" without its full stop, and a mark doubled after "etc.": as before
    for text, message in (
        ("that forums, etc, have helped,", "'etc' without its full stop: ITU's texts write 'etc.'"),
        ("that forums, etc.;, have helped,", "doubled punctuation"),
    ):
        ctx = context(
            "en", preamble=[items([text])], operative=[clauses(["to act."], heading="resolves")]
        )
        (f,) = punctuation(ctx)
        assert f.message.startswith(message), text


def test_a_blank_before_the_full_stop_of_etc_before_a_mark_is_one_finding() -> None:
    """ "etc .," gave two findings, 'etc' without its full stop and a doubled
    mark '.,'; the slip is the blank, which is now the one finding."""
    for text in ("that forums, seminars, etc ., have helped,", "that forums, etc . have helped,"):
        ctx = context(
            "en", preamble=[items([text])], operative=[clauses(["to act."], heading="resolves")]
        )
        assert [(f.message, f.help) for f in punctuation(ctx)] == [
            (
                "a blank before '.': ITU texts write '.' right after the word it follows",
                "delete the blank before '.'",
            )
        ], text
