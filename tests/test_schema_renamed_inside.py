"""A key written under another name ('itmes:', 'items:' in an operative
section, 'clause:'): the schema reads nothing under an unknown key, so what
is wrong inside it was told only once the key was renamed, one more run for
each. The findings inside are now given with the key's, at the places the
file writes them."""

from __future__ import annotations

from itures.diagnostics import Diagnostic
from itures.validate import validate
from itures.yamlio.read import Document, read_document
from tests.conftest import MINIMAL


def _found(text: str) -> list[tuple[int, int, str]]:
    doc = read_document("r.yaml", text.encode("utf-8"))
    assert isinstance(doc, Document), doc
    resolution, diagnostics = validate(doc)
    assert resolution is None
    return sorted((d.line, d.column, d.message) for d in diagnostics)


def _lines(text: str) -> dict[str, int]:
    """The line of each stripped line of ``text`` (1-based), by its words."""
    return {line.strip(): n for n, line in enumerate(text.splitlines(), 1)}


def test_what_is_wrong_under_a_key_written_under_another_name_is_told_at_once() -> None:
    text = MINIMAL + (
        "preamble:\n"
        "  - verb: considering\n"
        "    heading: considering\n"
        "    itmes:\n"
        "      - label: a)\n"
        "        txt: that the Union;\n"
        "operative:\n"
        "  - verb: resolves\n"
        "    heading: resolves\n"
        "    items:\n"
        "      - label: 1\n"
        "        text: to act;\n"
        "      - label: '2'\n"
        "        text: to report.\n"
        "        actors: [Council]\n"
    )
    at = _lines(text)
    found = _found(text)
    assert [(line, message.split(":")[0].split(";")[0]) for line, _, message in found] == [
        (at["itmes:"], "unknown key 'itmes'"),
        (at["txt: that the Union;"], "unknown key 'txt'"),
        (at["items:"], "unknown key 'items'"),
        (at["- label: 1"], "'label' must be a string, not an integer"),
        (at["actors: [Council]"], "'Council' is not an actor id"),
    ]
    # the key misspelt inside is one finding, its missing 'text' said with it
    (txt,) = [d for d in _diagnostics(text) if "'txt'" in d.message]
    assert [r.message for r in txt.related] == ["'text' is required here"]
    assert txt.pointer == "/preamble/0/itmes/0/txt"


def test_a_key_renamed_inside_a_renamed_key_is_read_too() -> None:
    text = MINIMAL + (
        "operative:\n"
        "  - verb: resolves\n"
        "    heading: resolves\n"
        "    clause:\n"
        "      - label: '1'\n"
        "        text: to act\n"
        "        clauzes:\n"
        "          - label: '1.1'\n"
        "            text: 5\n"
    )
    at = _lines(text)
    lines = [line for line, _, _ in _found(text)]
    assert lines == [at["clause:"], at["clauzes:"], at["text: 5"]]


def test_nothing_more_is_said_when_the_key_it_means_is_written_too() -> None:
    # 'items' beside 'clauses': not the same list under another name
    text = MINIMAL + (
        "operative:\n"
        "  - verb: resolves\n"
        "    heading: resolves\n"
        "    clauses:\n"
        "      - label: '1'\n"
        "        text: to act.\n"
        "    items:\n"
        "      - label: 1\n"
        "        txt: x\n"
    )
    assert [m.split(":")[0] for _, _, m in _found(text)] == ["unknown key 'items'"]


def _diagnostics(text: str) -> list[Diagnostic]:
    doc = read_document("r.yaml", text.encode("utf-8"))
    assert isinstance(doc, Document)
    return validate(doc)[1]
