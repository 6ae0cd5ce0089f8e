"""The fast read path: the same data as ruamel.yaml (YAML 1.2), positions, refusals."""

from __future__ import annotations

import datetime
import math
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from itures.yamlio import read
from itures.yamlio.read import Document, YamlSyntaxError, parse_text, read_document

_ruamel = YAML(typ="safe", pure=True)

# plain scalars made of the characters the core schema's patterns look at
_SCALAR_CHARS = "0123456789+-._eExXoObB:aflsnuTFNrtL~ "
plain_scalars = st.text(alphabet=_SCALAR_CHARS, min_size=1, max_size=12).map(str.strip)


def _same(ours: Any, theirs: Any, text: str) -> bool:
    if isinstance(theirs, datetime.date):  # YAML 1.2 has no timestamps: text stays text
        return ours == text
    if isinstance(theirs, float) and math.isnan(theirs):
        return isinstance(ours, float) and math.isnan(ours)
    return type(ours) is type(theirs) and ours == theirs


@settings(max_examples=600, suppress_health_check=[HealthCheck.filter_too_much])
@given(plain_scalars)
@example("no")
@example("on")
@example("010")
@example("0o17")
@example("1:20")
@example("2017-01-01")
@example("1_000")
@example(".inf")
@example("-.NaN")
@example("0x_1F")
@example("~")
@example("")
def test_plain_scalars_are_typed_like_ruamel(scalar: str) -> None:
    text = f"key: {scalar}\n"
    try:
        theirs = _ruamel.load(text)
    except Exception:  # not a scalar ruamel reads: nothing to compare
        return
    try:
        ours, _ = parse_text(text)
    except YamlSyntaxError:
        pytest.fail(f"ruamel reads {text!r}, we refuse it")
    assert _same(ours["key"], theirs["key"], scalar), (scalar, ours, theirs)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a: !!int '12'\n", 12),
        ("a: !!str 12\n", "12"),
        ("a: !!float '1.5'\n", 1.5),
        ("a: !!bool 'true'\n", True),
        ("a: !!null ''\n", None),
        ("a: ! 12\n", 12),  # the non-specific tag: as ruamel.yaml reads it
        ("a: '12'\n", "12"),
        ('a: "true"\n', "true"),
    ],
)
def test_core_tags_and_quotes(source: str, expected: Any) -> None:
    assert parse_text(source)[0] == {"a": expected}


@pytest.mark.parametrize(
    ("source", "message", "line", "column"),
    [
        ("a: !!int abc\n", "'abc' is not a valid int", 1, 4),
        ("a: !!bool maybe\n", "'maybe' is not a valid bool", 1, 4),
        ("a: !!float x\n", "'x' is not a valid float", 1, 4),
        ("a: !!binary aGk=\n", "tag 'tag:yaml.org,2002:binary' is not allowed", 1, 4),
        ("a: !custom x\n", "tag '!custom' is not allowed", 1, 4),
        ("a: !!set {x}\n", "tag 'tag:yaml.org,2002:set' is not allowed", 1, 4),
    ],
)
def test_bad_tags(source: str, message: str, line: int, column: int) -> None:
    with pytest.raises(YamlSyntaxError) as info:
        parse_text(source)
    assert message in info.value.message
    assert (info.value.line, info.value.column) == (line, column)


@pytest.mark.parametrize("scalar", ["0x_", "._", "0b_", "0o_", "+_", "._e+1"])
def test_number_patterns_without_digits(scalar: str) -> None:
    """ruamel.yaml raises on these; the reader says what is wrong, where."""
    with pytest.raises(YamlSyntaxError) as info:
        parse_text(f"key: {scalar}\n")
    assert (
        info.value.message
        == f"{scalar!r} looks like a number but is not one; quote it if it is text"
    )
    assert (info.value.line, info.value.column) == (1, 6)


def _has_anchor(text: str) -> bool:
    try:
        return any(
            getattr(e, "anchor", None) is not None for e in yaml.parse(text, Loader=read._Loader)
        )
    except yaml.YAMLError:
        return False


anchorish = st.text(alphabet="&*ab -:[]{},\n'\"R#", max_size=30)


@settings(max_examples=1000)
@given(anchorish)
@example("a: &x 1\nb: *x\n")
@example("[&a 1, *a]")
@example('{"k":&a v}')
@example("R&D: *x")
def test_the_anchor_prefilter_never_misses_one(text: str) -> None:
    """Skipping the event pass is safe: every text with an anchor or alias is flagged."""
    if _has_anchor(text):
        assert read._maybe_anchor(text)


@pytest.mark.parametrize("text", ["R&D and AT&T", "A & B", "[^*] note", "x*y", "1 * 2"])
def test_the_anchor_prefilter_lets_ordinary_text_through(text: str) -> None:
    assert not read._maybe_anchor(f"text: {text}\n")


@pytest.mark.parametrize(
    "source",
    ["a: &x 1\nb: *x\n", "a: &x 1\n", "- &a [1]\n- *a\n", "a: [&b x, y]\n"],
)
def test_anchors_and_aliases_are_refused(source: str) -> None:
    with pytest.raises(YamlSyntaxError, match="are not allowed"):
        parse_text(source)


def test_the_tree_is_composed_again_for_positions() -> None:
    source = "a: 1\nb:\n  - x\n  - c: 2\n    d: [3]\n"
    doc = read_document("f.yaml", source.encode())
    assert isinstance(doc, Document)
    kept = Document("f.yaml", source, doc.data, yaml.compose(source, Loader=read._Loader))
    for parts, key in [
        ((), False),
        (("b", 1, "d"), False),
        (("b", 1, "d"), True),
        (("b", 1, "d", 0), False),
        (("b", 5), False),
        (("zzz",), True),
    ]:
        assert doc.locate(parts, key=key) == kept.locate(parts, key=key)
    assert doc.locate(("b", 1, "d", 0)) == (5, 9)
    assert doc.locate(("b", 1, "d"), key=True) == (5, 5)


def test_an_empty_document_locates_at_the_start() -> None:
    doc = read_document("f.yaml", b"# nothing\n")
    assert isinstance(doc, Document)
    assert doc.data is None
    assert doc.root is None
    assert doc.locate(("a", 1)) == (1, 1)
