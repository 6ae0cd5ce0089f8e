"""YAML syntax errors in the editor's words: the line to fix, what to change, the fix.

A catalogue of files broken as editors break them. Each case states the
position (line, column) of the place to change, often not where libyaml
stopped, the exact message and the exact help.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from itures.diagnostics import Diagnostic
from itures.yamlio.explain import explain
from itures.yamlio.read import Document, _Loader, read_document

# name: (text, line, column, message, help)
CATALOGUE: dict[str, tuple[str, int, int, str, str]] = {
    "French spacing before a colon in a one-line text": (
        "body: wtdc\ntitle: études : communes\nnumber: '1'\n",
        2,
        15,
        "the text of 'title' contains ': ' (a colon and a space), which YAML reads as the "
        "start of a new key; put the whole text in quotes",
        'write: title: "études : communes"',
    ),
    "a text ending with a colon": (
        "text: Notes:\n  - a\n",
        1,
        12,
        "the text of 'text' ends with ':', which YAML reads as the start of a new key; put the "
        "whole text in quotes",
        'write: text: "Notes:"',
    ),
    "a colon on a continuation line of a text": (
        "text: études\n  communes : oui\nbody: pp\n",
        2,
        12,
        "the text of 'text' (line 1) contains ': ' (a colon and a space) on line 2, which YAML "
        "reads as the start of a new key; put the text in quotes, or write it as a folded block",
        "write 'text: >-' on line 1 and the text on the lines below it, each indented to column "
        "3 (the text is then taken as it is)",
    ),
    "a key indented more than the key above": (
        "body: pp\n  number: '1'\n",
        2,
        3,
        "'number' is indented more than 'body' on line 1, so YAML reads it as more of the text "
        "of 'body'",
        "move 'number' back to column 1, under 'body' (or, if it belongs further out, under "
        "the key it belongs to)",
    ),
    "a key of a list entry indented too far": (
        "history:\n  - event: adopted\n      place: X\n    year: 2000\n",
        3,
        7,
        "'place' is indented more than 'event' on line 2, so YAML reads it as more of the text "
        "of 'event'",
        "move 'place' back to column 5, under 'event' (or, if it belongs further out, under "
        "the key it belongs to)",
    ),
    "a key indented one space short": (
        "history:\n  - event: adopted\n    place: X\n   year: 2000\n",
        4,
        4,
        "this key is indented to column 4, which matches no level above it: the keys around "
        "it are at column 5 (line 3)",
        "indent it to column 5, like line 3",
    ),
    "a list entry indented one space short": (
        "preamble:\n  - verb: recalling\n    items:\n      - label: a)\n        text: t\n"
        "     - label: b)\n       text: u\n",
        6,
        6,
        "this list entry is indented to column 6, which matches no level above it: the "
        "entries around it are at column 7 (line 4)",
        "indent it to column 7, like line 4",
    ),
    "a line of a block text indented less than the text": (
        "a:\n  text: >-\n    foo\n   bar\n  b: 1\n",
        4,
        4,
        "this line is indented to column 4, which matches no level above it: the lines of "
        "text around it are at column 5 (line 3)",
        "indent it to column 5, like line 3",
    ),
    "a block text not indented under its key": (
        "text: >-\nfoo\nbar: 1\n",
        2,
        1,
        "the text of the block that starts on line 1 ('text: >-') must be indented more than "
        "'text'",
        "indent the lines of the text to column 3",
    ),
    "a list entry without its dash": (
        "clauses:\n  - label: '1'\n    text: x\n  label: '2'\n  text: y\n",
        4,
        3,
        "this line is in the column of the list entries that start on line 2 but does not "
        "start with '- '",
        "start a new entry with '- ' (- label: '2'), or indent the line to column 5 to keep "
        "it in the entry above",
    ),
    "a second entry without its dash, in the column of the keys": (
        "clauses:\n  - label: '1'\n    text: x\n    label: '2'\n    text: y\n",
        4,
        5,
        "duplicate key 'label' (already on line 2)",
        "a new entry of the list whose '- ' was lost? write '- ' in place of the two blanks "
        "before 'label' (at column 3); else remove one of the two",
    ),
    "a key written twice in an entry, not its first": (
        "clauses:\n  - label: '1'\n    text: x\n    text: y\n",
        4,
        5,
        "duplicate key 'text' (already on line 3)",
        "remove one of the two; if this line starts a new entry of a list, begin it with '- '",
    ),
    "an entry indented two more, into the entry above": (
        "clauses:\n  - label: '1'\n    text: to act;\n    - label: '2'\n      text: to go.\n",
        4,
        5,
        "this list entry is indented 2 more than the entries of its list (column 3, line 2): "
        "YAML reads it inside the entry above",
        "indent it to column 3, like line 2, and the lines of its entry with it",
    ),
    "a list under a section whose key was left out": (
        "preamble:\n  - verb: recalling\n    heading: recalling\n    - label: a)\n      text: x\n",
        4,
        5,
        "a list entry ('- ') where the mapping that starts on line 2 expects a key",
        "a list belongs under its key: write the key and ':' on the line above, and indent "
        "the entries two spaces more than the key",
    ),
    "a list where keys are expected": (
        "a: 1\n- b\n",
        2,
        1,
        "a list entry ('- ') where the mapping that starts on line 1 expects a key",
        "a list belongs under its key: write the key and ':' on the line above, and indent "
        "the entries two spaces more than the key",
    ),
    "a quote not closed on its line": (
        "title: 'Renforcer la\nbody: pp\nnumber: '1'\nlanguage: fr\n",
        1,
        8,
        "the quote (') that opens this text is not closed on its line, so YAML reads the "
        "lines below, up to the next ' (line 3), as part of the text",
        "close the quote at the end of the text: title: 'Renforcer la'",
    ),
    "a quote never closed": (
        "body: pp\ntitle: 'Renforcer la\n",
        2,
        8,
        "the quote (') that opens this text is never closed",
        "close it at the end of the text: title: 'Renforcer la'",
    ),
    "an apostrophe inside single quotes": (
        "title: 'l'Union'\nbody: pp\n",
        1,
        8,
        "the text of 'title' is in quotes (') and contains the same quote, which ends it "
        "early; inside single quotes, write an apostrophe twice ('')",
        "write: title: 'l''Union'",
    ),
    "double quotes inside double quotes": (
        'title: "il dit "oui" ici"\nbody: pp\n',
        1,
        8,
        "the text of 'title' is in quotes (\") and contains the same quote, which ends it "
        "early; put the text in single quotes instead",
        "write: title: 'il dit \"oui\" ici'",
    ),
    "a text that starts with a quoted word": (
        "text: 'a' b\n",
        1,
        7,
        "the text of 'text' starts with a quote ('), so YAML takes the quoted part as the "
        "whole text and cannot read what follows it; put the whole text in quotes",
        "write: text: \"'a' b\"",
    ),
    "a text that starts with a citation": (
        "text: [la Résolution 5](wtdc:5) sur le renforcement;\nlabel: a\n",
        1,
        7,
        "the text of 'text' starts with '[', which YAML reads as the start of a list ([a, b]); "
        "put the whole text in quotes",
        'write: text: "[la Résolution 5](wtdc:5) sur le renforcement;"',
    ),
    "a text of two lines that starts with a citation": (
        "items:\n  - label: a)\n    text: [Resolution 101 (Rev. Guadalajara, 2010) of the\n"
        "      Conference](pp:101@2010);\n",
        3,
        11,
        "the text of 'text' starts with '[', which YAML reads as the start of a list ([a, b]) "
        "up to its ']' (line 4): the words after it fit nowhere",
        "write the text folded: 'text: >-' on line 3, and the text, from its '[', on the lines "
        "below it, indented as line 4",
    ),
    "a text of two lines that starts with a brace": (
        "title: {the} Union and\n  its Members\nbody: pp\n",
        1,
        8,
        "the text of 'title' starts with '{', which YAML reads as the start of a mapping "
        "({a: b}) up to its '}' (line 1): the words after it fit nowhere",
        "write the text folded: 'title: >-' on line 1, and the text, from its '{', on the "
        "lines below it, indented as line 2",
    ),
    "a quote not closed in a text of three lines": (
        "items:\n  - label: a)\n    text: 'that the Union\n      has members\n"
        "      and staff;\n  - label: b)\n    text: 'it''s here'\n",
        3,
        11,
        "the quote (') that opens this text is not closed on its line, so YAML reads the "
        "lines below, up to the next ' (line 7), as part of the text",
        "close the quote at the end of the text, on line 5: and staff;'",
    ),
    "a text in quotes followed by more, over two lines": (
        "text: 'a' b\n  and c\nlabel: a\n",
        1,
        7,
        "the text of 'text' starts with a quote ('), so YAML takes the quoted part as the "
        "whole text and cannot read what follows it; put the whole text in quotes",
        "write: text: \"'a' b and c\"",
    ),
    "a list not closed": (
        "actors: [tdag, council\nbody: pp\n",
        1,
        9,
        "the '[' on this line opens a list that is not closed on its line; if the value is a "
        "text, put it in quotes",
        "end it with ']' on the same line, or write the text in quotes: \"[tdag, council\"",
    ),
    "no space after the colon": (
        "body: pp\ntitle:Renforcer\nnumber: '1'\n",
        2,
        6,
        "'title:' must be followed by a space",
        "write: title: Renforcer",
    ),
    "no space after the colon of an entry's first key, another key after it": (
        "clauses:\n  - label:'2'\n    text: to act.\n",
        2,
        10,
        "line 2 has no blank after the ':' of 'label', so YAML reads the line as a text, not "
        "as a key and its value",
        "write a blank after ':': label: '2'",
    ),
    "no space after an entry's dash": (
        "clauses:\n  - label: '1'\n    text: to act;\n  -label: '2'\n    text: to go.\n",
        4,
        3,
        "this entry's '-' has no blank after it, so YAML reads it as part of the key",
        "write a blank after '-': - label: '2'",
    ),
    "a key without its colon": (
        "body pp\nnumber: '1'\n",
        1,
        1,
        "line 1 is not a 'key: value' line (its key has no ':'), so YAML reads it and "
        "'number' as one text",
        "write ': ' after the key on line 1",
    ),
    "an entry's first key without its colon": (
        "preamble:\n  - verb considering\n    heading: considering\n",
        2,
        5,
        "line 2 is not a 'key: value' line (its key has no ':'), so YAML reads it and "
        "'heading' as one text",
        "write ': ' after the key on line 2",
    ),
    "a nested entry's first key without its colon": (
        "clauses:\n  - label: '1'\n    clauses:\n      - label a)\n        text: to do\n",
        4,
        9,
        "line 4 is not a 'key: value' line (its key has no ':'), so YAML reads it and "
        "'text' as one text",
        "write ': ' after the key on line 4",
    ),
    "a text continued without indentation": (
        "history:\n  - event: adopted\n    place: Buenos\n  Aires\n",
        4,
        3,
        "this line seems to continue the text of 'place' (line 3), but it is not indented "
        "more than 'place'",
        "indent it to column 7, or join it to line 3",
    ),
    "a text that starts with @": (
        "title: @home\n",
        1,
        8,
        "the text of 'title' starts with '@', which YAML reserves; put the whole text in quotes",
        'write: title: "@home"',
    ),
    "a text that starts with a dash": (
        "text: - foo\n",
        1,
        7,
        "the text of 'text' starts with '- ', which YAML reserves; put the whole text in quotes",
        'write: text: "- foo"',
    ),
    "a text that starts with &": (
        "text: & x\n",
        1,
        7,
        "the text of 'text' starts with '&', which YAML reserves; put the whole text in quotes",
        'write: text: "& x"',
    ),
    "text after a block marker": (
        "text: >- x\n  y\n",
        1,
        7,
        "after a block marker ('>-', '|') the text starts on the next line",
        "move the text to the lines below the marker, each indented two spaces more than the key",
    ),
    "a backslash in double quotes": (
        'text: "a \\q b"\n',
        1,
        10,
        "a backslash (\\) in a double-quoted text starts an escape such as \\n, and this one "
        "does not exist",
        "write \\\\ for a backslash, or put the text in single quotes ('...'), where a "
        "backslash is just a character",
    ),
    "a tab": (
        "body: pp\ntitle:\tA\n",
        2,
        7,
        "tab character: YAML does not allow tabs for indentation, and in a text a tab is "
        "usually a label separator left by Word",
        "replace the tab with spaces: two per indentation level, or one space inside a text",
    ),
    "a tab indenting a folded text's line": (
        "body: pp\ntitle: >-\n  Strengthening the\n\t  relations\n",
        4,
        1,
        "tab character: YAML does not allow tabs for indentation, and in a text a tab is "
        "usually a label separator left by Word",
        "indent the line with spaces, to column 3 (as line 3 says), not with a tab",
    ),
    "a tab indenting a key's first line": (
        "body: pp\ntitle: >-\n\tStrengthening\n",
        3,
        1,
        "tab character: YAML does not allow tabs for indentation, and in a text a tab is "
        "usually a label separator left by Word",
        "indent the line with spaces, to column 3 (as line 2 says), not with a tab",
    ),
    "two blanks after an entry's dash": (
        "clauses:\n  - label: '1'\n    text: to act;\n  -  label: '2'\n    text: to go.\n",
        4,
        4,
        "line 4 has 2 blanks after its '-': its first key then stands at column 6, and the "
        "entry's other keys, at column 5, match it no more",
        "write one blank after the '-' on line 4",
    ),
    "a list's first entry without its '- ', at the column of the list's key": (
        "preamble:\n  - verb: considering\n    heading: considering\n    items:\n"
        "    label: a)\n    text: >-\n        one;\n      - label: b)\n        text: two,\n",
        5,
        5,
        "'items:' on line 4 has nothing under it: the entry after it lost its '- ' and was "
        "written at the column of 'items', so YAML reads 'items' as empty and 'label' and the "
        "keys after it as keys beside it",
        "write '- ' before 'label' on line 5 at column 7, and indent the lines of its entry "
        "with it",
    ),
    "a tab between two Chinese characters": (
        "body: pp\ntitle: 之间\t的合作\n",
        2,
        10,
        "tab character: YAML does not allow tabs for indentation, and in a text a tab is "
        "usually a label separator left by Word",
        "delete the tab: Chinese writes no blank between its characters",
    ),
    "a list entry that lost its '- ' before the next one": (
        "operative:\n  - verb: resolves\n    clauses:\n        label: '1'\n        text: x\n"
        "      - label: '2'\n        text: y\n",
        4,
        7,
        "the entry that starts on line 4 has no '- ': its keys are indented as an entry's, and "
        "the entry after it starts with '- ' at column 7",
        "write '- ' in place of the two spaces before 'label' on line 4",
    ),
    "a list entry at the column of its list's key": (
        "operative:\n  - verb: resolves\n    clauses:\n      - label: '1'\n        text: x\n"
        "    - label: '2'\n      text: y\n",
        6,
        5,
        "this list entry is at the column of the key 'clauses' (line 3), not of its entries, "
        "which start at column 7 (line 4)",
        "indent it to column 7, like line 4, and the lines of its entry with it",
    ),
    "a no-break space in the indentation": (
        "operative:\n  - verb: resolves\n    clauses:\n      - label: '1'\n"
        "\u00a0       text: x\n      - label: '2'\n",
        5,
        1,
        "line 5 is indented with '\\xa0' (U+00A0 NO-BREAK SPACE), which YAML does not read "
        "as indentation: it takes it for the line's first character",
        "replace it with a space: indent with spaces only",
    ),
    "an ideographic space in the indentation of a list entry": (
        "history:\n\u3000 - event: adopted\n   place: X\n",
        2,
        1,
        "line 2 is indented with '\\u3000' (U+3000 IDEOGRAPHIC SPACE), which YAML does not "
        "read as indentation: it takes it for the line's first character",
        "replace it with a space: indent with spaces only",
    ),
    "a second document": (
        "a: 1\n...\nb: 2\n",
        3,
        1,
        "several YAML documents in one file; keep one resolution per file",
        "remove the '---' or '...' line and what follows it, or move it to a file of its own",
    ),
}


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_catalogue(name: str) -> None:
    text, line, column, message, help_ = CATALOGUE[name]
    found = read_document("f.yaml", text.encode("utf-8"))
    assert isinstance(found, Diagnostic), found
    assert found.rule == "yaml-syntax"
    assert (found.line, found.column, found.message, found.help) == (line, column, message, help_)
    assert found.pointer is None


def test_libyaml_words_never_reach_the_editor() -> None:
    for text, *_ in CATALOGUE.values():
        found = read_document("f.yaml", text.encode("utf-8"))
        assert isinstance(found, Diagnostic)
        for words in ("did not find expected", "not allowed in this context", "could not find"):
            assert words not in found.message


def test_the_span_covers_what_to_change() -> None:
    text = "history:\n  - event: adopted\n    place: X\n   year: 2000\n"
    found = read_document("f.yaml", text.encode())
    assert isinstance(found, Diagnostic)
    assert (found.line, found.column, found.end_line, found.end_column) == (4, 4, 4, 13)


# Pieces of resolution files, broken and not: any text made of them reads as
# a Document or a yaml-syntax Diagnostic with a position inside the text.
_PIECES = st.sampled_from(
    [
        "body: pp\n",
        "title: études : communes\n",
        "  ",
        " ",
        "- ",
        "label: a)\n",
        "text: 'l'Union'\n",
        'text: "a\n',
        "'",
        '"',
        ":",
        ": ",
        "#",
        " # note",
        "[",
        "]",
        "{",
        "}",
        ">-\n",
        "|\n",
        "\n",
        "items:\n",
        "  - label: b)\n",
        "    text: x\n",
        "\t",
        "&a ",
        "*a",
        "? ",
        "%",
        "@",
        "---\n",
        "...\n",
        "\\q",
        "é",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_any_text_gives_a_document_or_a_positioned_diagnostic(text: str) -> None:
    try:  # the explanation itself never fails (the reader falls back on libyaml's words)
        yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        explain(text, exc)
    except yaml.YAMLError:
        pass
    found = read_document("f.yaml", text.encode("utf-8"))
    if isinstance(found, Document):
        return
    assert found.rule == "yaml-syntax"
    lines = text.split("\n")
    assert 1 <= found.line <= len(lines) + 1, found
    assert found.column >= 1
    assert (found.end_line, found.end_column) >= (found.line, found.column)
    assert found.message and found.help


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_unicode_text_gives_a_document_or_a_diagnostic(text: str) -> None:
    found = read_document("f.yaml", text.encode("utf-8", errors="surrogatepass"))
    assert isinstance(found, Document | Diagnostic)


# -- the example resolution, broken as editors break it ------------------------

_EXAMPLE = (
    (Path(__file__).parent.parent / "resolutions" / "wtdc" / "59" / "fr.yaml")
    .read_text(encoding="utf-8")
    .split("\n")
)
_ITEM_A = _EXAMPLE.index("      - label: a)", 50)  # considering a), line 53
_ITEM_B = _EXAMPLE.index("      - label: b)", _ITEM_A)
_SECTION = _EXAMPLE.index("  - verb: considering")


def _edit(changes: dict[int, str], drop: range = range(0)) -> str:
    lines = list(_EXAMPLE)
    for index, line in changes.items():
        lines[index] = line
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


# name: (text, line, column, message, help)
EXAMPLE_CASES: dict[str, tuple[str, int, int, str, str]] = {
    "French spacing in a one-line text": (
        _edit(
            {_ITEM_A + 1: "        text: que l'un des principes : éviter les doubles emplois;"},
            range(_ITEM_A + 2, _ITEM_A + 6),
        ),
        54,
        38,
        "the text of 'text' contains ': ' (a colon and a space), which YAML reads as the start "
        "of a new key; put the whole text in quotes",
        'write: text: "que l\'un des principes : éviter les doubles emplois;"',
    ),
    "a text key one space short": (
        _edit({_ITEM_A + 1: "       text: >-"}),
        54,
        8,
        "this key is indented to column 8, which matches no level above it: the keys around "
        "it are at column 9 (line 53)",
        "indent it to column 9, like line 53",
    ),
    "a text key two spaces too far": (
        _edit({_ITEM_A + 1: "          text: >-"}),
        54,
        11,
        "'text' is indented more than 'label' on line 53, so YAML reads it as more of the text "
        "of 'label'",
        "move 'text' back to column 9, under 'label' (or, if it belongs further out, under the "
        "key it belongs to)",
    ),
    "a section one space too far": (
        _edit({_SECTION: "   - verb: considering"}),
        50,
        4,
        "this list entry is indented to column 4, which matches no level above it: the "
        "entries around it are at column 3 (line 22)",
        "indent it to column 3, like line 22",
    ),
    "an item without its dash": (
        _edit({_ITEM_B: "      label: b)"}),
        59,
        7,
        "this line is in the column of the list entries that start on line 53 but does not "
        "start with '- '",
        "start a new entry with '- ' (- label: b)), or indent the line to column 9 to keep it "
        "in the entry above",
    ),
    "a label with an unclosed quote": (
        _edit({_ITEM_B: "      - label: 'b)"}),
        59,
        16,
        "the quote (') that opens this text is not closed on its line, so YAML reads the lines "
        "below, up to the next ' (line 62), as part of the text",
        "close the quote at the end of the text: - label: 'b)'",
    ),
    "a line of a folded text at the column of its key": (
        _edit({_ITEM_A + 3: "        " + _EXAMPLE[_ITEM_A + 3].strip()}),
        56,
        9,
        "this line seems to continue the text of 'text' (line 54), but it is not indented "
        "more than 'text'",
        "indent it to column 11, like line 55",
    ),
}


@pytest.mark.parametrize("name", list(EXAMPLE_CASES))
def test_the_example_broken(name: str) -> None:
    text, line, column, message, help_ = EXAMPLE_CASES[name]
    found = read_document("fr.yaml", text.encode("utf-8"))
    assert isinstance(found, Diagnostic), found
    assert (found.line, found.column, found.message, found.help) == (line, column, message, help_)


@pytest.mark.parametrize(
    ("lang", "message", "help_"),
    [
        (
            "fr",
            "le texte de 'title' contient ': ' (deux-points suivis d'une espace), que YAML lit "
            "comme le début d'une nouvelle clé ; mettez tout le texte entre guillemets",
            'écrivez : title: "études : communes"',
        ),
        (
            "es",
            "el texto de 'title' contiene ': ' (dos puntos y un espacio), que YAML lee como el "
            "comienzo de una nueva clave; ponga todo el texto entre comillas",
            'escriba: title: "études : communes"',
        ),
    ],
)
def test_in_the_editors_language(lang: str, message: str, help_: str) -> None:
    from itures import i18n

    i18n.use(lang)
    try:
        found = read_document("f.yaml", "body: wtdc\ntitle: études : communes\n".encode())
    finally:
        i18n.use(None)
    assert isinstance(found, Diagnostic)
    assert (found.message, found.help) == (message, help_)


def test_a_word_glued_to_a_colon_in_a_text_is_not_taken_for_a_key() -> None:
    """'abc:def' on a line of a text, a key after it: no key of a resolution
    is 'abc', so the line is not told to need a blank after its ':'."""
    found = read_document("f.yaml", b"items:\n  - abc:def and more\n    text: here\n")
    assert isinstance(found, Diagnostic), found
    assert "no blank after the ':'" not in found.message
    glued = read_document("f.yaml", b"footnotes:\n  - id:'1'\n    text: A note.\n")
    assert isinstance(glued, Diagnostic) and "no blank after the ':' of 'id'" in glued.message
