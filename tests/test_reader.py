"""The fast read path: refusals as positioned yaml-syntax, YAML 1.2 typing."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itures.diagnostics import Diagnostic
from itures.yamlio.read import Document, read_document


def _read(text: str) -> Document | Diagnostic:
    return read_document("f.yaml", text.encode("utf-8"))


@pytest.mark.parametrize(
    ("text", "line", "column", "fragment"),
    [
        ("body: pp\nnumber: '1'\nbody: wtdc\n", 3, 1, "duplicate key 'body'"),
        ("body: pp\nhistory:\n  - year: 1\n    year: 2\n", 4, 5, "duplicate key 'year'"),
        ("body: pp\ntitle:\tA\n", 2, 7, "tab character"),
        ("body: &b pp\nnumber: '1'\n", 1, 7, "anchors (&name) are not allowed"),
        ("a: &x [1]\nb: *x\n", 1, 4, "anchors (&name) are not allowed"),
        ("title: [unclosed\nbody: pp\n", 1, 8, "opens a list that is not closed on its line"),
        ("body: pp\n  number: 1\n", 2, 3, "'number' is indented more than 'body' on line 1"),
        ("body: !!binary aGk=\n", 1, 7, "tag 'tag:yaml.org,2002:binary' is not allowed"),
        ("body: pp\n---\nbody: wtdc\n", 2, 1, "several YAML documents"),
        ("? [a, b]\n: 1\n", 1, 3, "mapping keys must be plain strings"),
    ],
)
def test_refusals_are_positioned_yaml_syntax(
    text: str, line: int, column: int, fragment: str
) -> None:
    result = _read(text)
    assert isinstance(result, Diagnostic), result
    assert (result.rule, result.severity, result.line, result.column) == (
        "yaml-syntax",
        "error",
        line,
        column,
    ), result
    assert fragment in result.message


def test_alias_without_reaching_the_anchor_check_is_refused() -> None:
    # an alias to an undefined anchor is a parser error, still positioned
    result = _read("a: 1\nb: *nowhere\n")
    assert isinstance(result, Diagnostic)
    assert (result.rule, result.line, result.column) == ("yaml-syntax", 2, 4)


@pytest.mark.parametrize(
    ("raw", "fragment", "line", "column"),
    [
        (b"body: pp\ntitle: caf\xe9\n", "invalid UTF-8 (byte 0xe9)", 2, 11),
        (b"\xff\xfeb\x00o\x00", "UTF-16", 1, 1),
        (b"a: 1\nb: \x00\n", "NUL character", 2, 4),
    ],
)
def test_undecodable_files(raw: bytes, fragment: str, line: int, column: int) -> None:
    result = read_document("f.yaml", raw)
    assert isinstance(result, Diagnostic)
    assert (result.rule, result.line, result.column) == ("yaml-syntax", line, column)
    assert fragment in result.message


def test_utf8_bom_is_accepted() -> None:
    result = read_document("f.yaml", b"\xef\xbb\xbfbody: pp\n")
    assert isinstance(result, Document)
    assert result.data == {"body": "pp"}


def test_yaml_1_2_core_typing() -> None:
    result = _read(
        "a: no\nb: on\nc: 010\nd: 0o10\ne: 0x1F\nf: 2017-01-02\ng: 1.5\nh: ~\ni: true\nj: '5'\n"
        "k: 1_000\nl: .inf\nm: Yes\n"
    )
    assert isinstance(result, Document)
    assert result.data == {
        "a": "no",
        "b": "on",
        "c": 10,
        "d": 8,
        "e": 31,
        "f": "2017-01-02",
        "g": 1.5,
        "h": None,
        "i": True,
        "j": "5",
        "k": 1000,
        "l": float("inf"),
        "m": "Yes",
    }


def test_locate_keys_values_and_list_entries() -> None:
    doc = _read("body: pp\nhistory:\n  - event: adopted\n    year: 2018\n")
    assert isinstance(doc, Document)
    assert doc.locate(("history", 0, "year")) == (4, 11)
    assert doc.locate(("history", 0, "year"), key=True) == (4, 5)
    assert doc.locate(("history", 0)) == (3, 5)
    # a path leaving the tree stops at the deepest node found
    assert doc.locate(("history", 5, "year")) == (3, 3)
    assert doc.locate(("nope",)) == (1, 1)


# -- the fast path gives the same data as ruamel.yaml (which writes files) ----

_SCALARS = st.one_of(
    st.sampled_from(
        [
            "no",
            "yes",
            "on",
            "off",
            "y",
            "n",
            "true",
            "True",
            "FALSE",
            "null",
            "Null",
            "~",
            "",
            "010",
            "0o17",
            "0x1f",
            "0b101",
            "1_000",
            "-3",
            "+4",
            "1.5",
            "1e3",
            "-.5",
            ".inf",
            "-.INF",
            ".nan",
            "2017",
            "2017-01-02",
            "6-2",
            "70/1",
            "1.1",
            "a)",
            "abis)",
            "i)",
            "12:30",
            "1:20",
            "=",
            "<<",
            "Dubaï",
            "'5'",
            '"x"',
        ]
    ),
    st.from_regex(r"[0-9][0-9._:eE+-]{0,6}", fullmatch=True),
    st.from_regex(r"[a-zA-Z][a-zA-Z0-9 ]{0,10}", fullmatch=True),
)


def _ruamel_load(text: str) -> object:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(io.StringIO(text))


@settings(max_examples=300, deadline=None)
@given(_SCALARS)
def test_scalars_read_as_ruamel_reads_them(scalar: str) -> None:
    text = f"k: {scalar}\n"
    try:
        expected = _ruamel_load(text)
    except Exception:
        return  # not valid YAML for ruamel: nothing to compare
    ours = _read(text)
    if isinstance(ours, Diagnostic):
        pytest.fail(f"{text!r}: ruamel reads it, we refuse: {ours}")
    value = expected["k"]  # type: ignore[index]
    got = ours.data["k"]
    if hasattr(value, "isoformat"):  # ruamel makes dates; we keep the text
        assert got == scalar
    elif isinstance(value, float) and value != value:
        assert got != got
    else:
        assert type(got) is type(value) or (isinstance(value, str) and isinstance(got, str)), (
            text,
            value,
            got,
        )
        assert got == value, (text, value, got)
