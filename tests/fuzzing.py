"""Fuzzing targets and input strategies, shared by the test suite and bench/fuzz.py.

A *target* takes one generated input, runs itures on it and raises
``AssertionError`` when a property does not hold (any other exception is a
crash). The test suite runs each at a modest number of examples
(``tests/test_fuzz.py``); ``bench/fuzz.py`` runs them for hundreds of
thousands and counts inputs and failures.

Properties, for every input:

* reading and checking never raise: the result is data or a ``yaml-syntax``
  error, and ``check_paths`` returns diagnostics, which both reporters print;
* every diagnostic names a registered rule and a real place in the file
  (1 <= line <= number of lines + 1, column >= 1);
* data written as YAML 1.2 reads back equal (the reader is the inverse of a
  YAML 1.2 writer);
* a model-shaped document written by the project's writer checks without
  ``yaml-syntax`` or ``schema`` diagnostics, and loads as the model of its data;
  spoiled in a way the schema forbids (and written by any YAML 1.2 writer),
  it gets a ``schema`` diagnostic.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from ruamel.yaml import YAML

import itures
from itures import rules
from itures.corpus import CheckResult, check_paths
from itures.model.resolution import LANGUAGES, Resolution
from itures.report import REPORTERS
from itures.yamlio.read import YamlSyntaxError, decode, parse_text
from itures.yamlio.write import dump_data

KNOWN_RULES = set(rules.BUILTIN) | set(rules.load_all())


# -- properties ---------------------------------------------------------------


def _lines(data: bytes) -> int:
    return len(data.decode("utf-8", errors="replace").splitlines()) + 1


def assert_sane(result: CheckResult, path: str, data: bytes) -> None:
    """Diagnostics that name a rule and a real place; reports that print."""
    assert result.exit_code in (0, 1, 2)
    assert not result.failures, result.failures
    lines = _lines(data)
    for d in result.diagnostics:
        assert d.rule in KNOWN_RULES, d
        assert d.path == path, d
        assert 1 <= d.line <= lines, (d, lines)
        assert d.column >= 1, d
        assert d.severity in ("error", "warning"), d
    for name, reporter in REPORTERS.items():
        out = reporter(result)
        if name == "json":
            assert json.loads(out)["summary"]["files"] == 1


def check_bytes(data: bytes, directory: str) -> CheckResult:
    """Write ``data`` as a file and check it as the CLI does."""
    path = os.path.join(directory, "fuzz.yaml")
    with open(path, "wb") as fh:
        fh.write(data)
    result = check_paths([path])
    assert_sane(result, path, data)
    return result


def target_bytes(data: bytes, directory: str) -> None:
    """Arbitrary bytes: read and checked, never a crash."""
    try:
        parse_text(decode(data))
    except YamlSyntaxError as exc:
        assert exc.line >= 1 and exc.column >= 1
    check_bytes(data, directory)


def target_text(text: str, directory: str) -> None:
    """Arbitrary YAML-like text: data or a positioned yaml-syntax error."""
    try:
        parse_text(text)
    except YamlSyntaxError as exc:
        assert 1 <= exc.line <= len(text.splitlines()) + 1, (exc.line, exc.message)
        assert exc.column >= 1
    check_bytes(text.encode("utf-8"), directory)


_yaml12 = YAML(typ="safe", pure=True)
_yaml12.allow_unicode = True
_yaml12.default_flow_style = False  # block style, as resolution files are written
_fast12 = YAML(typ="safe")  # C emitter when ruamel.yaml.clib is there: for volume
_fast12.allow_unicode = True


def fast_dump(value: Any) -> bytes:
    out = io.StringIO()
    _fast12.dump(value, out)
    return out.getvalue().encode("utf-8")


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return (
            isinstance(b, list) and len(a) == len(b) and all(map(_equal, a, b))  # type: ignore[arg-type]
        )
    return type(a) is type(b) and a == b


_PLAIN_INDICATOR = re.compile(r"(?:^|[\s\[{,])[?:][^\s]", re.M)


def target_round_trip(value: Any, directory: str) -> None:
    """Plain data written by a YAML 1.2 writer reads back equal."""
    out = io.StringIO()
    _yaml12.dump(value, out)
    text = out.getvalue()
    if any(c in text for c in "\t\x85\u2028\u2029"):
        # this writer leaves tabs and NEL/LS/PS raw in quoted texts, which the
        # reader refuses (YAML 1.1 and 1.2 disagree on the last three)
        try:
            parse_text(text)
        except YamlSyntaxError as exc:
            assert exc.message.startswith(("tab", "next-line", "line sep", "paragraph sep"))
        return
    # YAML 1.2 lets a plain scalar start with "?" or ":" before a non-space
    # ("?0", ":x"); libyaml (YAML 1.1) reads an indicator there, or fails. The
    # project's writer quotes such texts (see target_document); this generic
    # writer does not, so such texts are left out of the law.
    odd = _PLAIN_INDICATOR.search(text) is not None
    try:
        data, _ = parse_text(text)
    except YamlSyntaxError:
        assert odd, text
        return
    assert odd or _equal(value, data), (value, data, text)


def target_document(doc: dict[str, Any], directory: str) -> None:
    """A model-shaped document, written by the project's writer, checks clean of schema errors."""
    text = dump_data(doc)
    data = text.encode("utf-8")
    result = check_bytes(data, directory)
    bad = [d for d in result.diagnostics if d.rule in ("yaml-syntax", "schema")]
    assert not bad, (bad, text)
    loaded = itures.load(os.path.join(directory, "fuzz.yaml"))
    assert loaded == Resolution.model_validate(doc)


def target_spoiled(case: tuple[dict[str, Any], str], directory: str) -> None:
    """A model-shaped document spoiled where the schema forbids it gets a schema diagnostic."""
    doc, how = case
    data = dump_data(doc).encode("utf-8")
    result = check_bytes(data, directory)
    rules_found = {d.rule for d in result.diagnostics}
    assert "schema" in rules_found, (how, result.diagnostics)


def target_mangled(case: tuple[bytes, int, int, bytes], directory: str) -> None:
    """A good file with a span replaced by other bytes: never a crash."""
    data, start, length, insert = case
    start = min(start, len(data))
    target_bytes(data[:start] + insert + data[start + length :], directory)


# -- strategies ----------------------------------------------------------------

_TOKENS = [
    "- ", ": ", "? ", "&a ", "*a", "!!str ", "!!int ", "!x ", "---\n", "...\n", "# c\n", "'", '"',
    "[", "]", "{", "}", ", ", "|\n", ">-\n", "\n", "  ", "    ", "\t", "%YAML 1.2\n", "\\", "\r\n",
    "\r", "\ufeff", "body", "text", "label", "items", "history", "a)", "1", "2017", "0x1F", "0o7",
    "1e3", "~", "null", "true", "no", ".inf", "é", "Ω", "\x00", "\x07", "\x85", "\u2028", "[^1]",
    "[x](pp:1@2010)", "[y](PP)", "<<", "=", "@", "`", "%", "|-", "- - ", "key: value\n",
]  # fmt: skip

yaml_text = st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=4)), max_size=50).map(
    "".join
)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.text(max_size=30),
)
plain_data = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=20,
)

# model-shaped documents: what the schema accepts, with realistic and odd values
_letters = st.characters(blacklist_categories=("Cs", "Cc"))
words = st.text(_letters, min_size=1, max_size=30)
ident = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
labels = st.one_of(st.sampled_from(["a)", "b)", "1", "1.1", "i)", "abis)", "а)"]), words)
citations = st.builds(
    lambda words, body, number, year: f"[{words}]({body}:{number}@{year})",
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="[]"),
        min_size=1,
        max_size=10,
    ),
    st.sampled_from(["pp", "wtdc", "wtsa", "ra"]),
    st.integers(1, 300),
    st.integers(1990, 2030),
)
rich = st.one_of(
    words,
    st.builds(lambda a, c, b: f"{a} {c} {b}", words, citations, words),
    st.builds(lambda a: f"{a}[^1]", words),
    st.builds(lambda a, b: f"{a}\n{b}", words, words),
)
years = st.integers(1865, 2999)
actors = st.lists(st.sampled_from(["council", "tdag", "bdt-director", "member-states"]), max_size=2)


history_entry = st.fixed_dictionaries(
    {
        "event": st.sampled_from(["adopted", "revised", "abrogated"]),
        "place": words,
        "year": years,
    }
)
item: st.SearchStrategy[dict[str, Any]] = st.deferred(
    lambda: st.fixed_dictionaries(
        {"text": rich}, optional={"label": labels, "items": st.lists(item, max_size=2)}
    )
)
deadline = st.fixed_dictionaries(
    {},
    optional={
        "every": st.sampled_from(["year", "two-years", "session"]),
        "event": ident,
        "by": years,
        "report_to": ident,
        "text": words,
    },
)
clause: st.SearchStrategy[dict[str, Any]] = st.deferred(
    lambda: st.fixed_dictionaries(
        {"text": rich},
        optional={
            "label": labels,
            "actors": actors,
            "partners": actors,
            "deadlines": st.lists(deadline, max_size=2),
            "clauses": st.lists(clause, max_size=2),
        },
    )
)
documents = st.fixed_dictionaries(
    {
        "body": st.one_of(st.sampled_from(["pp", "wtdc", "wtsa", "ra"]), ident),
        "number": st.from_regex(
            r"[0-9A-Za-z](?:[0-9A-Za-z.-]{0,3}[0-9A-Za-z])?(?:/[0-9A-Za-z]{1,2})?", fullmatch=True
        ),
        "language": st.sampled_from(LANGUAGES),
        "title": rich,
        "history": st.lists(history_entry, min_size=1, max_size=3),
    },
    optional={
        "conference": words,
        "preamble": st.lists(
            st.fixed_dictionaries(
                {
                    "verb": st.from_regex(r"[a-z]+(_[a-z]+)?", fullmatch=True),
                    "heading": words,
                    "items": st.lists(item, min_size=1, max_size=3),
                }
            ),
            max_size=2,
        ),
        "operative": st.lists(
            st.fixed_dictionaries(
                {
                    "verb": st.from_regex(r"[a-z]+", fullmatch=True),
                    "heading": words,
                    "clauses": st.lists(clause, min_size=1, max_size=3),
                },
                optional={"actors": actors},
            ),
            max_size=2,
        ),
        "footnotes": st.lists(
            st.fixed_dictionaries(
                {"id": st.from_regex(r"[0-9A-Za-z]{1,3}", fullmatch=True), "text": rich}
            ),
            max_size=2,
        ),
    },
)

# ways to spoil a document that the schema must see
_SPOILERS: dict[str, Callable[[dict[str, Any]], None]] = {
    "drop body": lambda d: d.pop("body"),
    "drop history": lambda d: d.pop("history"),
    "number as integer": lambda d: d.update(number=59),
    "year as string": lambda d: d["history"][0].update(year="2017"),
    "year out of range": lambda d: d["history"][0].update(year=1700),
    "history as mapping": lambda d: d.update(history=d["history"][0]),
    "empty history": lambda d: d.update(history=[]),
    "unknown key": lambda d: d.update(lable="a)"),
    "unknown event": lambda d: d["history"][0].update(event="amended"),
    "language not of the six": lambda d: d.update(language="de"),
    "title as list": lambda d: d.update(title=[d["title"]]),
    "title empty": lambda d: d.update(title=""),
    "body upper case": lambda d: d.update(body="PP"),
}


@st.composite
def spoiled_documents(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    doc = draw(documents)
    how = draw(st.sampled_from(sorted(_SPOILERS)))
    _SPOILERS[how](doc)
    return doc, how


@st.composite
def mangled_files(draw: st.DrawFn) -> tuple[bytes, int, int, bytes]:
    data = fast_dump(draw(documents))
    start = draw(st.integers(0, len(data)))
    length = draw(st.integers(0, 20))
    insert = draw(st.one_of(st.binary(max_size=6), st.sampled_from(_TOKENS).map(str.encode)))
    return data, start, length, insert


TARGETS: dict[str, tuple[Callable[[Any, str], None], st.SearchStrategy[Any]]] = {
    "bytes": (target_bytes, st.binary(max_size=400)),
    "yaml-text": (target_text, yaml_text),
    "round-trip": (target_round_trip, plain_data),
    "documents": (target_document, documents),
    "spoiled": (target_spoiled, spoiled_documents()),
    "mangled": (target_mangled, mangled_files()),
}

# How a long run (bench/fuzz.py) shares its inputs: the cheap targets that
# reach the reader's corners get more.
WEIGHTS = {"bytes": 4, "yaml-text": 4, "round-trip": 1, "documents": 1, "spoiled": 1, "mangled": 1}
