"""Quick fixes: each one applied to the text takes its finding away.

The diagnostics are those of the server's check (:meth:`Session.check`, the
pipeline itself), in the process: what the stdio tests show for the
numbering fix, here for the other fixes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from itures.lsp.actions import actions, safe
from itures.lsp.diagnostics import to_lsp
from itures.lsp.positions import Lines
from itures.lsp.session import Session, parse
from tests.conftest import fixed_seed
from tests.lsp.conftest import apply

PATH = "resolutions/wtdc/59/fr.yaml"


@pytest.fixture
def session(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Session:
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("ITURES_CACHE_DIR", str(workspace.parent / "cache"))
    monkeypatch.delenv("ITURES_LANG", raising=False)
    return Session()


def _diagnostics(session: Session, text: str) -> list[types.Diagnostic]:
    found = session.check(PATH, text)
    return [to_lsp(d, Lines(text), "utf-16", lambda _: Lines("")) for d in found]


def _fix(session: Session, text: str, rule: str, title: str) -> tuple[str, list[str]]:
    """The text with the quick fix titled ``title`` of the ``rule`` finding applied,
    and the rules found after it."""
    diagnostics = [d for d in _diagnostics(session, text) if d.code == rule]
    assert diagnostics, f"no {rule} finding"
    config = session.config(PATH)
    assert not isinstance(config, str)
    offered = actions(parse(PATH, text), config, "file:///x", 1, diagnostics, "utf-16")
    chosen = next(a for a in offered if a.title == title)
    assert chosen.edit is not None and chosen.edit.document_changes
    change = chosen.edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit)
    fixed = apply(text, [e for e in change.edits if isinstance(e, types.TextEdit)])
    return fixed, [str(d.code) for d in _diagnostics(session, fixed)]


def _safeness(session: Session, text: str, rule: str, title: str) -> list[bool]:
    """Whether each quick fix titled ``title`` of the ``rule`` findings is safe
    (``--fix`` applies the safe ones)."""
    diagnostics = [d for d in _diagnostics(session, text) if d.code == rule]
    config = session.config(PATH)
    assert not isinstance(config, str)
    offered = actions(parse(PATH, text), config, "file:///x", 1, diagnostics, "utf-16")
    return [safe(a) for a in offered if a.title == title]


def _example(workspace: Path) -> str:
    return (workspace / PATH).read_text(encoding="utf-8")


def test_doubled_mark_keeps_the_one_help_names(session: Session, workspace: Path) -> None:
    text = _example(workspace).replace("ressources humaines;", "ressources humaines,;")
    fixed, after = _fix(session, text, "punctuation", "Keep ';' only")
    assert "ressources humaines;" in fixed
    assert after == []


def test_did_you_mean_an_actor(session: Session, workspace: Path) -> None:
    text = _example(workspace).replace("actors: [tdag]", "actors: [tdga]")
    fixed, after = _fix(session, text, "actor-unknown", "Replace with 'tdag'")
    assert fixed == _example(workspace)
    assert after == []


def test_did_you_mean_a_key(session: Session, workspace: Path) -> None:
    text = _example(workspace).replace("      - label: b)\n", "      - lable: b)\n", 1)
    fixed, after = _fix(session, text, "schema", "Replace with 'label'")
    assert fixed == _example(workspace)
    assert after == []


def test_no_fix_is_offered_for_a_syntax_error(session: Session, workspace: Path) -> None:
    text = _example(workspace).replace("body: wtdc", "body: [wtdc", 1)
    diagnostics = _diagnostics(session, text)
    assert [d.code for d in diagnostics] == ["yaml-syntax"]
    assert actions(parse(PATH, text), None, "file:///x", 1, diagnostics, "utf-16") == []


def test_footnote_stub_for_a_marker(session: Session, workspace: Path) -> None:
    example = _example(workspace)
    # (after the marker of footnote 1: footnotes are numbered in the order of their markers)
    text = example.replace(
        "d'urgence et les changements climatiques;", "d'urgence et les changements climatiques[^2];"
    )
    assert text != example
    fixed, after = _fix(session, text, "footnote-undefined", "Add footnote '2' (write its text)")
    # the entry is there, its text to write: until it is, the schema says so
    assert fixed.endswith("l'économie est en transition.\n  - id: '2'\n    text: \n")
    assert after == ["schema"]
    written = fixed.replace("    text: \n", "    text: Une note.\n")
    assert _diagnostics(session, written) == []


def test_footnote_stub_makes_the_list(session: Session, workspace: Path) -> None:
    example = _example(workspace)
    text = example[: example.index("footnotes:")].replace("développement[^1]", "développement[^a]")
    fixed, _ = _fix(session, text, "footnote-undefined", "Add footnote 'a' (write its text)")
    assert fixed.endswith("footnotes:\n  - id: 'a'\n    text: \n")


@pytest.mark.parametrize(
    ("written", "cited"),
    [
        # in a folded text, inside it and at the start of one of its lines
        (
            "d'urgence et les changements climatiques;",
            "d'urgence et les changements climatiques, conformément à la Résolution 5 "
            "(Rév.Dubaï, 2014) de la présente Conférence;",
        ),
        (
            "          d'urgence et les changements climatiques;",
            "          la Résolution 5 (Rév.Dubaï, 2014) de la présente Conférence et\n"
            "          d'urgence et les changements climatiques;",
        ),
    ],
)
def test_a_citation_in_plain_words_is_written_as_a_citation(
    session: Session, workspace: Path, written: str, cited: str
) -> None:
    text = _example(workspace).replace(written, cited, 1)
    fixed, after = _fix(session, text, "reference-unmarked", "Write it as a citation")
    assert "[la Résolution 5 (Rév.Dubaï, 2014) de la présente Conférence](wtdc:5@2014)" in fixed
    assert "reference-unmarked" not in after
    assert "yaml-syntax" not in after and "schema" not in after


def test_no_citation_fix_where_a_bracket_would_start_a_list(
    session: Session, workspace: Path
) -> None:
    # a plain text that starts with the citation: '[' there starts a YAML list
    text = _example(workspace).replace(
        "      - label: '4'\n        text: >-\n          d'inviter",
        "      - label: '4'\n        text: la Résolution 5 (Rév.Dubaï, 2014) de la présente "
        "Conférence,\n      - label: '5'\n        text: >-\n          d'inviter",
        1,
    )
    diagnostics = [d for d in _diagnostics(session, text) if d.code == "reference-unmarked"]
    assert diagnostics
    config = session.config(PATH)
    assert not isinstance(config, str)
    offered = actions(parse(PATH, text), config, "file:///x", 1, diagnostics, "utf-16")
    assert "Write it as a citation" not in [a.title for a in offered]


@pytest.mark.parametrize(
    ("written", "fixed_as"),
    [
        ("aux travaux  de l'UIT", "aux travaux de l'UIT"),
        ("aux travaux   de l'UIT", "aux travaux de l'UIT"),
    ],
)
def test_two_blanks_between_words_leave_one(
    session: Session, workspace: Path, written: str, fixed_as: str
) -> None:
    text = _example(workspace).replace("aux travaux de l'UIT", written, 1)
    fixed, after = _fix(session, text, "punctuation", "Leave one blank")
    assert fixed == _example(workspace).replace("aux travaux de l'UIT", fixed_as, 1)
    assert after == []


@pytest.mark.parametrize(
    ("written", "fixed_as"),
    [
        # quoted for the blank alone: written plain again, as the formatter writes it
        ("    heading: 'rappelant '", "    heading: rappelant"),
        ('    heading: " rappelant"', "    heading: rappelant"),
        # still quoted without it ('#' after a blank starts a comment in plain YAML)
        ("    heading: 'rappelant #1 '", "    heading: 'rappelant #1'"),
    ],
)
def test_a_blank_at_an_end_of_a_quoted_text_goes_with_the_quotes_it_needed(
    session: Session, workspace: Path, written: str, fixed_as: str
) -> None:
    original = "    heading: rappelant"
    assert original in _example(workspace)
    text = _example(workspace).replace(original, written, 1)
    fixed, _ = _fix(session, text, "punctuation", "Delete the blank")
    assert fixed == _example(workspace).replace(original, fixed_as, 1)


def test_a_blank_left_at_the_end_of_a_folded_line_is_deleted(
    session: Session, workspace: Path
) -> None:
    line = "          entre les trois Secteurs de l'UIT est la nécessité d'éviter que les activités des\n"
    assert line in _example(workspace)
    text = _example(workspace).replace(line, line[:-1] + " \n", 1)
    fixed, after = _fix(session, text, "punctuation", "Leave one blank")
    assert fixed == _example(workspace)
    assert after == []


@pytest.mark.parametrize("written", ["^1", "^1]", "[1]"])
def test_a_footnote_marker_that_lost_a_bracket_is_written_again(
    session: Session, workspace: Path, written: str
) -> None:
    text = _example(workspace).replace("développement[^1]", f"développement{written}", 1)
    fixed, after = _fix(session, text, "footnote-unused", "Write [^1]")
    assert fixed == _example(workspace)
    assert after == []


@pytest.mark.parametrize(
    ("written", "fixed_as"),
    [
        ("aux travaux de de l'UIT", "aux travaux de l'UIT"),
        ("aux travaux De de l'UIT", "aux travaux De l'UIT"),
        ("aux travaux de  de l'UIT", "aux travaux de l'UIT"),
        ("aux travaux de de de l'UIT", "aux travaux de l'UIT"),
    ],
)
def test_a_word_written_twice_keeps_the_first(
    session: Session, workspace: Path, written: str, fixed_as: str
) -> None:
    text = _example(workspace).replace("aux travaux de l'UIT", written, 1)
    title = "Keep one 'de'" if written.split().count("de") > 2 else "Delete the second 'de'"
    fixed, after = _fix(session, text, "word-duplicate", title)
    assert fixed == _example(workspace).replace("aux travaux de l'UIT", fixed_as, 1)
    assert after == []


def test_a_word_written_twice_across_a_fold_keeps_the_first(
    session: Session, workspace: Path
) -> None:
    line = "          entre les trois Secteurs de l'UIT est la nécessité d'éviter que les activités des\n"
    doubled = line.replace("activités des\n", "activités des\n          des ", 1)
    text = _example(workspace).replace(line + "          ", doubled, 1)
    fixed, after = _fix(session, text, "word-duplicate", "Delete the second 'des'")
    # the two lines joined: the same text, read from a fold
    assert fixed == _example(workspace).replace(line + "          ", line[:-1] + " ", 1)
    assert after == []


@pytest.mark.parametrize(
    ("written", "title", "fixed_as"),
    [
        ("l''interaction", 'Write "\'"', "l'interaction"),
        ('intitulée \\"Réduire', "Write '\"'", 'intitulée "Réduire'),
        ("coop\\u00e9ration", "Write 'é'", "coopération"),
        ("la\\ coordination", "Write a blank", "la coordination"),
    ],
)
def test_an_escape_of_another_quoting_becomes_what_it_stands_for(
    session: Session, workspace: Path, written: str, title: str, fixed_as: str
) -> None:
    plain = {"l''interaction": "l'interaction"}.get(written, fixed_as)
    original = "que l'interaction et la coordination"
    assert original in _example(workspace)
    base = _example(workspace).replace(original, f"que {plain} et la coordination", 1)
    text = base.replace(plain, written, 1)
    fixed, after = _fix(session, text, "text-escape", title)
    assert fixed == base.replace(plain, fixed_as, 1)
    assert "text-escape" not in after


@pytest.mark.parametrize(
    ("written", "replaced_with"),
    [
        ("''", "'"),
        ("''''", "''"),  # inside single quotes, where two are one
        ("\\\\", "\\"),
        ("\\t", " "),
        ('\\\\"', None),  # the same escape inside double quotes: left to the editor
        ("\\q", None),
    ],
)
def test_what_an_escape_is_replaced_with(written: str, replaced_with: str | None) -> None:
    from itures.lsp.actions import _unescaped

    assert _unescaped(written) == replaced_with


@pytest.mark.parametrize(
    ("original", "written", "title"),
    [
        # an unlabelled item, its label left before its text on the first line
        (
            "      - label: a)\n        text: >-\n          [la Résolution",
            "      - text: >-\n          a) [la Résolution",
            "Write 'a)' as the label",
        ),
        # the label alone on the text's first line
        (
            "      - label: a)\n        text: >-\n          [la Résolution",
            "      - text: >-\n          a)\n          [la Résolution",
            "Write 'a)' as the label",
        ),
        # a number, written quoted as a label
        (
            "      - label: '1'\n        text: >-\n          d'inviter le Groupe",
            "      - text: >-\n          1 d'inviter le Groupe",
            "Write '1' as the label",
        ),
        # an entry that has the label already
        (
            "      - label: b)\n        text: >-\n          [la Résolution",
            "      - label: b)\n        text: >-\n          b) [la Résolution",
            "Delete 'b)' from the text",
        ),
    ],
)
def test_a_label_left_in_the_text_is_moved_to_the_label(
    session: Session, workspace: Path, original: str, written: str, title: str
) -> None:
    assert original in _example(workspace)
    text = _example(workspace).replace(original, written, 1)
    fixed, after = _fix(session, text, "conversion-artefact", title)
    assert fixed == _example(workspace)
    assert after == []


def test_a_label_in_a_flow_mapping_is_left_to_the_editor(session: Session, workspace: Path) -> None:
    original = "      - label: b)\n        text: >-\n          [la Résolution"
    text = _example(workspace).replace(
        original, "      - {text: 'b) [la Résolution 5'}\n      - text: >-\n          [la", 1
    )
    diagnostics = [d for d in _diagnostics(session, text) if d.code == "conversion-artefact"]
    assert diagnostics
    config = session.config(PATH)
    assert not isinstance(config, str)
    offered = actions(parse(PATH, text), config, "file:///x", 1, diagnostics, "utf-16")
    assert not [a for a in offered if "label" in a.title or a.title.startswith("Delete")]


@pytest.mark.parametrize(
    ("original", "capital"),
    [
        ("          de mener périodiquement des travaux", "De"),
        ("          que le mécanisme de coopération", "Que"),
        ("    heading: considérant", "Considérant"),
        ("    heading: décide", "DÉCIDE"),
    ],
)
def test_a_capital_at_a_paragraphs_start_is_written_small(
    session: Session, workspace: Path, original: str, capital: str
) -> None:
    assert original in _example(workspace)
    word = original.split()[-1] if "heading" in original else original.split()[0]
    text = _example(workspace).replace(original, original.replace(word, capital, 1), 1)
    fixed, after = _fix(session, text, "text-capital", f"Write '{word}'")
    assert fixed == _example(workspace)
    assert after == []


@pytest.mark.parametrize(
    "original",
    [
        "  Renforcer la coordination et la coopération",
        "  La Conférence mondiale de développement des télécommunications",
    ],
)
def test_a_title_or_formula_that_starts_small_gets_its_capital(
    session: Session, workspace: Path, original: str
) -> None:
    """The title and the conference formula start with a capital: one typed
    small is said, and the quick fix writes the capital, nothing else."""
    assert original in _example(workspace)
    word = original.split()[0]
    small = original.replace(word, word.lower(), 1)
    text = _example(workspace).replace(original, small, 1)
    fixed, after = _fix(session, text, "text-capital", f"Write '{word}'")
    assert fixed == _example(workspace)
    assert after == []


@pytest.mark.parametrize(
    ("original", "written", "title", "fixed_as"),
    [
        # a capital then the same word small at an entry's start: the capital goes
        (
            "          que l'un des principes fondamentaux",
            "          Que que l'un des principes fondamentaux",
            "Delete 'Que'",
            "          que l'un des principes fondamentaux",
        ),
        # the same inside a text, after a full stop: the second goes
        (
            "          que l'un des principes fondamentaux",
            "          que l'un des principes. Les les principes fondamentaux",
            "Delete the second 'les'",
            "          que l'un des principes. Les principes fondamentaux",
        ),
    ],
)
def test_a_word_written_twice_keeps_the_one_itu_writes(
    session: Session, workspace: Path, original: str, written: str, title: str, fixed_as: str
) -> None:
    assert original in _example(workspace)
    text = _example(workspace).replace(original, written, 1)
    fixed, after = _fix(session, text, "word-duplicate", title)
    assert fixed == _example(workspace).replace(original, fixed_as, 1)
    assert "word-duplicate" not in after and "text-capital" not in after


def test_the_fixes_of_many_numbering_findings_find_each_defect_at_once(
    session: Session, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a file of 400 sections of one verb, each clause numbered out of sequence (an
    # editor selecting it all asks for the fixes of every finding at once): the
    # defects are looked up, not compared with each finding in turn (n * n)
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import growth

    from itures.lsp import actions as module

    text = (
        growth.hard(400)
        .replace("  # itures: ignore[numbering-gap] reason: as published\n", "")
        .replace("number: '191'", "number: '59'")
        .replace("body: pp", "body: wtdc")
    )
    (workspace / PATH).write_text(text, encoding="utf-8")
    diagnostics = [d for d in _diagnostics(session, text) if str(d.code).startswith("numb")]
    assert len(diagnostics) >= 400
    calls = 0
    real = module._pointer

    def counted(path: tuple[str | int, ...]) -> str:
        nonlocal calls
        calls += 1
        return real(path)

    monkeypatch.setattr(module, "_pointer", counted)
    config = session.config(PATH)
    assert not isinstance(config, str)
    offered = actions(parse(PATH, text), config, "file:///x", 1, diagnostics, "utf-16")
    assert len([a for a in offered if a.title.startswith("Renumber")]) >= 400
    assert calls < 4 * len(diagnostics)


def test_a_marker_whose_footnote_id_is_mistyped_takes_the_footnotes_id(
    session: Session, workspace: Path
) -> None:
    # [^1] in the text, the footnote's id typed 'l': one finding, at the marker;
    # the fix writes the marker with the footnote's id, and both are one again
    example = _example(workspace)
    text = example.replace("  - id: '1'", "  - id: 'l'", 1)
    assert text != example
    found = [d for d in _diagnostics(session, text) if d.code.startswith("footnote")]
    assert [d.code for d in found] == ["footnote-undefined"]
    fixed, after = _fix(session, text, "footnote-undefined", "Write [^l]")
    assert "développement[^l]" in fixed
    assert after == []


def test_a_misspelt_body_is_written_as_the_formula_names_it(
    session: Session, workspace: Path
) -> None:
    example = _example(workspace)
    text = example.replace("body: wtdc", "body: wtcd", 1)
    fixed, after = _fix(session, text, "history", "Replace with 'wtdc'")
    assert fixed == example
    assert after == []


@pytest.mark.parametrize(
    ("original", "written", "fixed_as"),
    [
        # a folded text and a plain one: the typographic apostrophes made straight
        (
            ("questions d'intérêt", "commissions d'études du Secteur de la normalisation"),
            ("questions d’intérêt", "commissions d’études du Secteur de la normalisation"),
            None,
        ),
        # inside single quotes, a straight one is two
        (
            ("text: chaque année au Conseil de l'UIT",),
            ("text: 'chaque année au Conseil de l’UIT'",),
            ("text: 'chaque année au Conseil de l''UIT'",),
        ),
    ],
)
def test_apostrophes_written_both_ways_are_written_as_the_rest_of_the_file(
    session: Session,
    workspace: Path,
    original: tuple[str, ...],
    written: tuple[str, ...],
    fixed_as: tuple[str, ...] | None,
) -> None:
    example = _example(workspace)
    text = example
    for old, new in zip(original, written, strict=True):
        assert old in text, old
        text = text.replace(old, new, 1)
    places = sum(w.count("’") for w in written)
    suffix = f" ({places} places)" if places > 1 else ""
    fixed, after = _fix(session, text, "punctuation", f'Write "\'" as the rest of the file{suffix}')
    expected = example
    if fixed_as is not None:
        for old, new in zip(original, fixed_as, strict=True):
            expected = expected.replace(old, new, 1)
    assert fixed == expected
    assert "punctuation" not in after


def test_a_straight_apostrophe_in_a_file_of_typographic_ones_is_made_typographic(
    session: Session, workspace: Path
) -> None:
    import re

    curly = re.sub(r"(?<=\w)'(?=\w)", "’", _example(workspace))
    line = "text: chaque année au Conseil de l’UIT"
    assert line in curly
    text = curly.replace(line, "text: 'chaque année au Conseil de l''UIT'", 1)
    fixed, after = _fix(session, text, "punctuation", "Write '’' as the rest of the file")
    assert fixed == curly.replace(line, "text: 'chaque année au Conseil de l’UIT'", 1)
    assert "punctuation" not in after


def test_a_title_cut_short_is_not_taken_for_doubled_marks(
    session: Session, workspace: Path
) -> None:
    """An ellipsis a conversion left at the end of a title (``conversion-artefact``)
    is marks only, as a doubled mark is: keeping one of them is no fix of it."""
    example = _example(workspace)
    start = example.index("title:")
    end = example.index("\nhistory:")
    text = example[:start] + "title: Renforcer la coordination et ..." + example[end:]
    diagnostics = [d for d in _diagnostics(session, text) if d.code == "conversion-artefact"]
    assert diagnostics
    config = session.config(PATH)
    assert not isinstance(config, str)
    offered = actions(parse(PATH, text), config, "file:///x", 1, diagnostics, "utf-16")
    assert not [a.title for a in offered if a.title.startswith("Keep")]


# slips whose quick fixes place their edits by the document's nodes (a label
# written before the text, a quoting, a renumbered label) and by the text
CRLF_SLIPS = [
    (
        "conversion-artefact",
        "Write 'b)' as the label",
        ("      - label: b)\n        text: >-\n          [la Résolution",),
        ("      - text: >-\n          b) [la Résolution",),
    ),
    (
        "punctuation",
        'Write "\'" as the rest of the file',
        ("questions d'intérêt\n  mutuel",),
        ("questions d’intérêt\n  mutuel",),
    ),
    ("punctuation", "Keep ';' only", ("ressources humaines;",), ("ressources humaines,;",)),
]


@pytest.mark.parametrize(("rule", "title", "original", "written"), CRLF_SLIPS)
def test_a_fix_in_a_file_with_crlf_line_ends_is_the_fix_with_lf(
    session: Session,
    workspace: Path,
    rule: str,
    title: str,
    original: tuple[str, ...],
    written: tuple[str, ...],
) -> None:
    """An editor on Windows keeps CR LF line ends: the nodes' places (counted
    on the text as read, its line breaks written LF) are the editor's places
    all the same, so each fix is the one made with LF line ends."""
    text = _example(workspace)
    for old, new in zip(original, written, strict=True):
        assert old in text, old
        text = text.replace(old, new, 1)
    fixed_lf, _ = _fix(session, text, rule, title)
    fixed_crlf, after = _fix(session, text.replace("\n", "\r\n"), rule, title)
    assert fixed_crlf == fixed_lf.replace("\n", "\r\n")
    assert rule not in after or rule == "punctuation"


@given(
    st.lists(
        st.sampled_from([" ", "-", ":", "#", "{", ",", "[", "a", "\t", "\n", "\r"]), max_size=14
    ).map("".join),
    st.data(),
)
def test_a_value_start_is_found_by_reading_back_as_the_search_found_it(
    text: str, data: st.DataObject
) -> None:
    """Whether a citation's words start a value (a key or a dash before them)
    is read back from them over the word before, not searched for from the
    line's start for each (quadratic on one long line of citations): the
    same answer as the search."""
    from itures.lsp.actions import _VALUE_START, _value_starts

    a = data.draw(st.integers(0, len(text)))
    line_start = text.rfind("\n", 0, a) + 1
    assert _value_starts(text, line_start, a) == (
        _VALUE_START.search(text, line_start, a) is not None
    )


def test_many_citations_on_one_long_line_are_offered_in_linear_time(tmp_path: Path) -> None:
    """A heading of thousands of citations in plain words on one line: each
    quick fix's test of where its words stand searched the line from its
    start (2 s of a 3.4 s check --fix for 48,000 characters). The time of
    check --fix at n and 4 n citations (best of three): about 4, 16 before."""

    def best(n: int) -> float:
        heading = "heading: " + "la Résolution 5 " * n + "rappelant"
        return fixed_seed(tmp_path, "heading: rappelant", heading)[0]

    best(20)
    assert best(2400) / best(600) < 10


def test_a_citation_is_not_rewritten_where_the_quoting_changes_its_words(
    session: Session, workspace: Path
) -> None:
    """A footnote marker inside a citation's words, in a single-quoted text
    where the file doubles the apostrophe ("l''UIT"): the span of the file is
    not the words, so no rewrite is offered; in a folded text it is."""
    typed = "[la Résolution 5 (Rév. Dubaï, 2014)[^1] de l'UIT](wtdc:5@2014)"
    text = _example(workspace)
    folded = text.replace("développement[^1] et", "développement et " + typed, 1)
    quoted = folded.replace(
        "  - id: '1'\n",
        "  - id: 'x'\n    text: 'voir " + typed.replace("'", "''") + "'\n  - id: '1'\n",
        1,
    )

    def titles(source: str, pointer_end: str) -> list[str]:
        config = session.config(PATH)
        assert not isinstance(config, str)
        found = [
            d
            for d in _diagnostics(session, source)
            if d.code == "markup" and str((d.data or {}).get("pointer", "")).endswith(pointer_end)
        ]
        assert found, pointer_end
        return [
            a.title for a in actions(parse(PATH, source), config, "file:///x", 1, found, "utf-16")
        ]

    assert any(t.startswith("Write [la Résolution") for t in titles(folded, "/text"))
    assert not any(
        t.startswith("Write [la Résolution") for t in titles(quoted, "/footnotes/0/text")
    )


def test_a_diagnostic_of_an_older_text_gets_no_fix_over_other_words(
    session: Session, workspace: Path
) -> None:
    """A quick fix asked for with a diagnostic published before a line above it
    was deleted (the editor has not had the new diagnostics yet): its range is
    now over other words, and no fix is made there; with the diagnostic of
    the text as it is, the fix is offered."""
    text = _example(workspace).replace("actors: [tdag]", "actors: [tdga]")
    old = [d for d in _diagnostics(session, text) if d.code == "actor-unknown"]
    assert old
    lines = text.split("\n")
    del lines[old[0].range.start.line - 3]  # (a line above the finding)
    now = "\n".join(lines)
    config = session.config(PATH)
    assert not isinstance(config, str)
    assert actions(parse(PATH, now), config, "file:///x", 2, old, "utf-16") == []
    fresh = [d for d in _diagnostics(session, now) if d.code == "actor-unknown"]
    offered = actions(parse(PATH, now), config, "file:///x", 2, fresh, "utf-16")
    assert "Replace with 'tdag'" in [a.title for a in offered]


def test_a_buffer_with_a_byte_order_mark_gets_its_ranges_and_fixes_after_it(
    session: Session, workspace: Path
) -> None:
    """An editor that keeps a byte order mark in the buffer: the findings of
    the first line are placed after it (check counts columns without it), and
    the fix writes the key there, the mark kept."""
    clean = _example(workspace).split("\n", 1)[1]  # (its first line, a comment, left out)
    assert clean.startswith("body: wtdc")
    text = "\ufeff" + clean.replace("body: wtdc", "bdy: wtdc", 1)
    found = [d for d in _diagnostics(session, text) if d.code == "schema"]
    assert found
    assert (found[0].range.start.line, found[0].range.start.character) == (0, 1)
    assert (found[0].range.end.line, found[0].range.end.character) == (0, 4)
    config = session.config(PATH)
    assert not isinstance(config, str)
    offered = actions(parse(PATH, text), config, "file:///x", 1, found, "utf-16")
    chosen = next(a for a in offered if a.title == "Replace with 'body'")
    assert chosen.edit is not None and chosen.edit.document_changes
    change = chosen.edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit)
    fixed = apply(text, [e for e in change.edits if isinstance(e, types.TextEdit)])
    assert fixed == "\ufeff" + clean


def test_a_relabel_whose_help_says_more_is_titled_by_its_edit(
    session: Session, workspace: Path
) -> None:
    """The stray 5 of the example: its help offers to move it or to relabel it
    and end 2 with ';'; the quick fix relabels it, and says that alone."""
    text = _example(workspace).replace(
        "      # itures: ignore[numbering-gap] reason: the published text numbers this clause 5\n",
        "",
    )
    [gap] = [d for d in _diagnostics(session, text) if d.code == "numbering-gap"]
    assert "or relabel it 3 and end 2 with ';'" in gap.message
    fixed, _ = _fix(session, text, "numbering-gap", "Renumber: relabel 5 as 3")
    assert "- label: '3'\n        text: >-\n          d'inviter" in fixed


def test_a_revised_text_cited_as_adopted_is_given_its_revision(
    session: Session, workspace: Path
) -> None:
    # WTDC Resolution 5, revised at Dubai in 2014, in the corpus; the example
    # cites it without 'Rév.'
    (workspace / "resolutions" / "wtdc" / "5").mkdir()
    (workspace / "resolutions" / "wtdc" / "5" / "fr.yaml").write_text(
        "body: wtdc\nnumber: '5'\nlanguage: fr\ntitle: Participation\nhistory:\n"
        "  - {event: adopted, place: Istanbul, year: 2002}\n"
        "  - {event: revised, place: Dubaï, year: 2014}\n",
        encoding="utf-8",
    )
    example = _example(workspace)
    cited = "5 (Rév.Dubaï, 2014) de la présente Conférence](wtdc:5@2014)"
    text = example.replace(cited, cited.replace("Rév.", ""))
    assert text != example
    fixed, after = _fix(session, text, "reference-revision", "Write (Rév. Dubaï, 2014)")
    assert "5 (Rév. Dubaï, 2014) de la présente Conférence](wtdc:5@2014)" in fixed
    assert after == []


def test_the_calls_of_a_deleted_note_are_made_markers_and_the_note_added(
    session: Session, workspace: Path
) -> None:
    # the example's note deleted from 'footnotes', its marker left as the
    # number the conversion glued to the word, in two places
    example = _example(workspace)
    text = example.split("footnotes:\n")[0].replace("développement[^1]", "développement1")
    text = text.replace("d'intérêt mutuel,\n", "d'intérêt mutuel1,\n", 1)
    assert text.count("1,") >= 1 and "[^1]" not in text
    fixed, after = _fix(
        session, text, "footnote-leftover", "Write [^1] and add footnote '1' (write its text)"
    )
    assert "développement[^1]" in fixed and "d'intérêt mutuel[^1]," in fixed
    assert fixed.endswith("footnotes:\n  - id: '1'\n    text: \n")
    # the note's entry is there, its text to write: until it is, the schema says so
    assert after == ["schema"]


@pytest.mark.parametrize(
    ("original", "written", "rule", "title"),
    [
        # letters lost as '?', the words the file writes whole elsewhere
        (
            "de prier le Secrétaire général de faire",
            "de prier le Secr?taire g?n?ral de faire",
            "conversion-artefact",
            "Write 'Secrétaire', 'général'",
        ),
        # UTF-8 read as Latin-1, across a folded line
        (
            "          d'inviter le Groupe consultatif pour le développement",
            "          d'inviter le Groupe consultatif pour le dÃ©veloppement",
            "conversion-artefact",
            "Write 'développement'",
        ),
        # a Sector's name written as English writes it, twice in one text
        (
            "commissions d'études de l'UIT-D à continuer d'élaborer des mécanismes\n"
            "          de coopération avec les commissions d'études des deux autres Secteurs",
            "commissions d'études de l'ITU-D à continuer d'élaborer des mécanismes\n"
            "          de coopération avec les commissions d'études de l'ITU-T et de l'ITU-R",
            "text-language",
            "Write 'UIT-D', 'UIT-T', 'UIT-R'",
        ),
    ],
)
def test_words_the_help_says_to_write_for_others_are_written(
    session: Session, workspace: Path, original: str, written: str, rule: str, title: str
) -> None:
    example = _example(workspace)
    assert original in example
    text = example.replace(original, written, 1)
    fixed, after = _fix(session, text, rule, title)
    expected = example
    if rule == "text-language":
        expected = example.replace(
            original, original.replace("des deux autres Secteurs", "de l'UIT-T et de l'UIT-R"), 1
        )
    assert fixed == expected
    assert rule not in after


@pytest.mark.parametrize(
    ("original", "written"),
    [
        ("    heading: décide\n", "    heading: décide,\n"),
        ("    heading: tenant compte\n", "    heading: tenant compte;\n"),
        ("  mutuel\n# Heading", "  mutuel.\n# Heading"),  # the title's last line
    ],
)
def test_a_mark_after_a_heading_or_the_title_is_deleted(
    session: Session, workspace: Path, original: str, written: str
) -> None:
    example = _example(workspace)
    assert original in example
    mark = written.strip()[-1] if "Heading" not in written else "."
    fixed, after = _fix(
        session, example.replace(original, written, 1), "punctuation", f"Delete '{mark}'"
    )
    assert fixed == example
    assert "punctuation" not in after


@pytest.mark.parametrize(
    ("original", "written"),
    [
        # the line deleted
        ("    partners: [tsb-director]\n", ""),
        # the list emptied
        ("    partners: [tsb-director]\n", "    partners: []\n"),
        # a clause's partners
        ("        partners: [rag, tsag]\n", ""),
    ],
)
def test_partners_left_out_are_written_under_the_actors(
    session: Session, workspace: Path, original: str, written: str
) -> None:
    example = _example(workspace)
    assert original in example
    partners = original.split("[")[1].split("]")[0]
    fixed, after = _fix(
        session,
        example.replace(original, written, 1),
        "actor-mismatch",
        f"Write 'partners: [{partners}]'",
    )
    assert fixed == example
    assert "actor-mismatch" not in after


@pytest.mark.parametrize(
    ("heading", "fixed_heading"),
    [
        (
            "ANNEXE À LA RÉSOLUTION 59 (RÉV. DUBAÏ, 2014)",
            "ANNEXE À LA RÉSOLUTION 59 (RÉV. BUENOS AIRES, 2017)",
        ),
        # a year mistyped, in small letters
        (
            "Annexe à la Résolution 59 (Rév. Buenos Aires, 2071)",
            "Annexe à la Résolution 59 (Rév. Buenos Aires, 2017)",
        ),
    ],
)
def test_an_annex_heading_not_revised_is_written_as_the_history_says(
    session: Session, workspace: Path, heading: str, fixed_heading: str
) -> None:
    annex = "annexes:\n  - heading: {}\n    items:\n      - text: Les éléments de l'examen.\n"
    example = _example(workspace)
    written = example + annex.format(heading)
    revised = fixed_heading[fixed_heading.index("(") + 1 : -1].split(". ", 1)[1]
    fixed, after = _fix(session, written, "history", f"Write '{revised}' in the heading")
    assert fixed == example + annex.format(fixed_heading)
    assert "history" not in after


@pytest.mark.parametrize(
    ("headings", "fixed_headings"),
    [
        # the second of two, its number lost
        (
            [
                "ANNEX 1 TO RESOLUTION 59 (REV. BUENOS AIRES, 2017)",
                "ANNEX TO RESOLUTION 59 (REV. BUENOS AIRES, 2017)",
            ],
            [
                "ANNEX 1 TO RESOLUTION 59 (REV. BUENOS AIRES, 2017)",
                "ANNEX 2 TO RESOLUTION 59 (REV. BUENOS AIRES, 2017)",
            ],
        ),
        # the only annex, numbered
        (
            ["ANNEXE 1 À LA RÉSOLUTION 59 (RÉV. BUENOS AIRES, 2017)"],
            ["ANNEXE À LA RÉSOLUTION 59 (RÉV. BUENOS AIRES, 2017)"],
        ),
    ],
)
def test_an_annex_heading_numbered_unlike_its_place_is_written_as_the_help_says(
    session: Session, workspace: Path, headings: list[str], fixed_headings: list[str]
) -> None:
    annex = "  - heading: {}\n    items:\n      - text: Les éléments de l'examen.\n"
    example = _example(workspace)
    written = example + "annexes:\n" + "".join(annex.format(h) for h in headings)
    wrong = next(h for h, f in zip(headings, fixed_headings, strict=True) if h != f)
    right = fixed_headings[headings.index(wrong)]
    fixed, after = _fix(session, written, "reference-part", f"Write '{right}'")
    assert fixed == example + "annexes:\n" + "".join(annex.format(h) for h in fixed_headings)
    assert "reference-part" not in after


@pytest.mark.parametrize(
    ("slip", "fixed_words", "rule"),
    [
        # 'etc' given its full stop
        (("colloques, etc., ont eu", "colloques, etc, ont eu"), "etc.", "punctuation"),
        # a citation's noun written small, its 'Rév.' written as English writes it
        (("[la Résolution\u00a05 (", "[la résolution\u00a05 ("), "Résolution", "reference-text"),
        (("5 (Rév.Dubaï, 2014) de la", "5 (Rev.Dubaï, 2014) de la"), "Rév.", "reference-text"),
    ],
)
def test_words_a_finding_says_to_write_for_its_span_are_written(
    session: Session, workspace: Path, slip: tuple[str, str], fixed_words: str, rule: str
) -> None:
    example = _example(workspace)
    right, wrong = slip
    assert right in example
    fixed, after = _fix(session, example.replace(right, wrong, 1), rule, f"Write '{fixed_words}'")
    assert fixed == example
    assert rule not in after


def test_an_abbreviation_with_a_letter_lost_is_written_as_meant(
    session: Session, workspace: Path
) -> None:
    """The abbreviation meant is offered, as a guess (never applied by --fix)."""
    text = _example(workspace).replace("Directeur du BDT à rendre", "Directeur du BTD à rendre", 1)
    fixed, rules = _fix(session, text, "punctuation", "Write 'BDT'")
    assert fixed == _example(workspace) and rules == []
    diagnostics = [d for d in _diagnostics(session, text) if d.code == "punctuation"]
    config = session.config(PATH)
    assert not isinstance(config, str)
    offered = actions(parse(PATH, text), config, "file:///x", 1, diagnostics, "utf-16")
    assert [a.is_preferred for a in offered if a.title == "Write 'BDT'"] == [True]
    assert not any(safe(a) for a in offered if a.title == "Write 'BDT'")


def test_an_abbreviation_after_its_name_is_written_as_the_name_has_it(
    session: Session, workspace: Path
) -> None:
    """'(CDT)' after the name of the GCDT: 'GCDT' offered, a guess too."""
    right = "télécommunications (GCDT),"
    text = _example(workspace).replace(right, "télécommunications (CDT),", 1)
    fixed, rules = _fix(session, text, "punctuation", "Write 'GCDT'")
    assert fixed == _example(workspace) and rules == []
    diagnostics = [d for d in _diagnostics(session, text) if d.code == "punctuation"]
    config = session.config(PATH)
    assert not isinstance(config, str)
    offered = actions(parse(PATH, text), config, "file:///x", 1, diagnostics, "utf-16")
    assert not any(safe(a) for a in offered if a.title == "Write 'GCDT'")


@pytest.mark.parametrize("quote", ["'", ""])
def test_a_history_date_with_its_month_and_day_swapped_is_written_as_they_give(
    session: Session, workspace: Path, quote: str
) -> None:
    """WTDC met in Dubai from 30 March to 10 April 2014: '2014-10-04' is
    offered as '2014-04-10', in the quotes it had; a guess, which --fix
    does not apply."""
    entry = "  - event: revised\n    place: Dubaï\n    year: 2014\n"
    original = _example(workspace)
    assert entry in original
    text = original.replace(entry, f"{entry}    date: {quote}2014-10-04{quote}\n")
    fixed, after = _fix(session, text, "history-date", "Write '2014-04-10'")
    assert fixed == original.replace(entry, f"{entry}    date: {quote}2014-04-10{quote}\n")
    assert after == []
    assert _safeness(session, text, "history-date", "Write '2014-04-10'") == [False]


def test_a_mistyped_word_of_an_actor_s_name_is_offered_as_the_name_writes_it(
    session: Session, workspace: Path
) -> None:
    """'Secrétaire généra' in a clause whose partners list the
    Secretary-General: actor-mismatch tells the word, not the partners to
    change; its fix writes the name's word, a guess --fix does not apply.
    ('Secrétaire génral' is word-spelling's, no word of the dictionary one
    slip from one the file writes: the words are read past it, and its fix
    is the same; 'généra' differs from 'général' in its last letter, which
    word-spelling leaves.)"""
    right = "en collaboration avec le Secrétaire général, le Directeur"
    original = _example(workspace)
    assert right in original
    text = original.replace(right, right.replace("général", "généra"))
    fixed, after = _fix(session, text, "actor-mismatch", "Write 'général'")
    assert fixed == original
    assert after == []
    assert _safeness(session, text, "actor-mismatch", "Write 'général'") == [False]
    text = original.replace(right, right.replace("général", "génral"))
    assert "actor-mismatch" not in [d.code for d in _diagnostics(session, text)]
    fixed, after = _fix(session, text, "word-spelling", "Write 'général'")
    assert fixed == original
    assert after == []
    assert _safeness(session, text, "word-spelling", "Write 'général'") == [False]


def test_a_slip_in_a_clause_is_mended_in_its_deadline_s_words_too(
    session: Session, workspace: Path
) -> None:
    """Two blanks in the words a deadline copies from its clause: one finding,
    at the clause; its fix mends the deadline's words too, and nothing is
    left (the deadline's words still match the clause's)."""
    original = _example(workspace)
    text = original.replace("chaque année au GCDT de la", "chaque année au  GCDT de la").replace(
        "text: chaque année au GCDT", "text: chaque année au  GCDT"
    )
    assert text.count("au  GCDT") == 2
    diagnostics = [d for d in _diagnostics(session, text) if d.code == "punctuation"]
    assert len(diagnostics) == 1
    config = session.config(PATH)
    assert not isinstance(config, str)
    offered = actions(parse(PATH, text), config, "file:///x", 1, diagnostics, "utf-16")
    fixes = [a for a in offered if safe(a)]
    assert len(fixes) == 1
    change = fixes[0].edit.document_changes[0]  # type: ignore[union-attr,index]
    assert isinstance(change, types.TextDocumentEdit)
    fixed = apply(text, [e for e in change.edits if isinstance(e, types.TextEdit)])
    assert fixed == original


def test_a_marker_of_a_footnote_marked_twice_is_offered_as_the_unmarked_one_s(
    session: Session, workspace: Path
) -> None:
    """Footnote 2 marked nowhere and footnote 1 twice: the later [^1] is
    offered as [^2] (a guess: --fix leaves it), and nothing is left."""
    original = (
        _example(workspace).replace("ressources humaines;", "ressources humaines[^2];")
        + "  - id: '2'\n    text: >-\n      Y compris les pays les moins avancés.\n"
    )
    text = original.replace("ressources humaines[^2];", "ressources humaines[^1];")
    fixed, after = _fix(session, text, "footnote-unused", "Write '[^2]'")
    assert fixed == original
    assert after == []
    assert _safeness(session, text, "footnote-unused", "Write '[^2]'") == [False]


def test_an_unused_suppression_left_at_the_end_of_its_list_is_offered_deleted(
    session: Session, workspace: Path
) -> None:
    """The published '5' deleted, its suppression comment kept: the comment's
    line is offered deleted (a choice: it may belong elsewhere; --fix
    leaves it)."""
    original = _example(workspace)
    start = original.index("      - label: '5'")
    end = original.index("footnotes:")
    text = original[:start] + original[end:]
    comment = (
        "      # itures: ignore[numbering-gap] reason: the published text numbers this clause 5\n"
    )
    assert comment in text
    fixed, after = _fix(session, text, "suppression-unused", "Delete the comment")
    assert fixed == text.replace(comment, "")
    assert "suppression-unused" not in after
    assert _safeness(session, text, "suppression-unused", "Delete the comment") == [False]


@pytest.mark.parametrize(
    ("old", "new", "meant"),
    [
        ("la Résolution\u00a0123", "la Réésolution\u00a0123", "la Résolution\u00a0123"),
        ("(Rév.Genève, 2007)", "(Rév., 2007)", "(Rév. Genève, 2007)"),
    ],
)
def test_a_citation_s_noun_or_place_is_written_as_meant(
    session: Session, workspace: Path, old: str, new: str, meant: str
) -> None:
    """A citation's noun mistyped, or its revision's place lost: the noun the
    grammar reads, the place the calendar gives, offered as a guess (never
    applied by --fix)."""
    text = _example(workspace).replace(old, new, 1)
    title = "Write 'Résolution'" if "Réé" in new else f"Write '{meant}'"
    fixed, rules = _fix(session, text, "reference-text", title)
    assert rules == []
    assert fixed == _example(workspace).replace(old, meant, 1)
    assert _safeness(session, text, "reference-text", title) == [False]


def test_a_word_misspelt_is_written_as_the_file_writes_it(
    session: Session, workspace: Path
) -> None:
    """word-spelling's word, one slip from a word the file writes, is
    offered, as a guess (never applied by --fix)."""
    original = _example(workspace)
    assert "en développement" in original
    text = original.replace("en développement", "en dévelopement", 1)
    fixed, after = _fix(session, text, "word-spelling", "Write 'développement'")
    assert fixed == original
    assert "word-spelling" not in after
    assert _safeness(session, text, "word-spelling", "Write 'développement'") == [False]
