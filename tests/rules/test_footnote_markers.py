"""A footnote's marker with a bracket or its caret lost ("^1", "^1]", "[1]"):
found from one pass over the file's texts, as a search of every text for each
footnote finds it.

The per-footnote search is written out here (the rule's first form) and
compared with the rule's on generated texts and ids.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itures.model.resolution import Resolution
from itures.rules import Context
from itures.rules._walk import texts
from itures.rules.footnotes import _broken_marker

_IDS = st.text(alphabet="12ab*†§", min_size=1, max_size=3)
_TEXTS = st.lists(
    st.one_of(
        st.text(alphabet="12ab*†§^[]é_ x", max_size=12),
        _IDS.map(lambda i: f"^{i}"),
        _IDS.map(lambda i: f"[{i}]"),
        _IDS.map(lambda i: f"^{i}]"),
    ),
    max_size=5,
).map(lambda parts: "".join(parts) or "x")


def _searched(ctx: Context, fid: str) -> Any:
    """Every text that is not a footnote's, searched in order for ``fid``'s marker."""
    x = re.escape(fid)
    pattern = re.compile(rf"\[{x}\]|(?<![\d\[])\^{x}\]|(?<![\d\[])\^{x}(?![\w\]])")
    for t in texts(ctx):
        if t.path[0] == "footnotes" or fid not in t.text:
            continue
        m = pattern.search(t.text)
        if m is not None:
            return t.path, m.span()
    return None


@settings(max_examples=300)
@given(clauses=st.lists(_TEXTS, min_size=1, max_size=4), ids=st.lists(_IDS, max_size=4))
def test_a_lost_bracket_or_caret_is_found_where_a_search_of_each_text_finds_it(
    clauses: list[str], ids: list[str]
) -> None:
    res = Resolution.model_validate(
        {
            "body": "pp",
            "number": "1",
            "language": "en",
            "title": "A title",
            "history": [{"event": "adopted", "place": "Busan", "year": 2014}],
            "conference": "The Conference (Busan, 2014),",
            "preamble": [
                {"verb": "recalling", "heading": "recalling", "items": [{"text": clauses[0]}]}
            ],
            "operative": [
                {
                    "verb": "resolves",
                    "heading": "resolves",
                    "clauses": [{"text": text} for text in clauses[1:] or ["x."]],
                }
            ],
            "footnotes": [{"id": fid, "text": f"[{fid}] ^{fid}"} for fid in ids],
        }
    )
    ctx = Context("r.yaml", res)
    for fid in ids:
        found = _broken_marker(ctx, fid)
        expected = _searched(ctx, fid)
        assert (None if found is None else (found[0], found[1].span())) == expected


def test_a_footnote_pasted_twice_is_told_to_be_marked_or_deleted_as_it_is_marked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The copy marked somewhere: mark the first there and delete the copy;
    marked nowhere: delete it (the help said to mark the first where the copy
    is marked, which is nowhere)."""
    from itures.cli import main

    doc = tmp_path / "fr.yaml"
    note = "Par pays en développement on entend aussi les pays les moins avancés."
    doc.write_text(
        "body: wtdc\nnumber: '1'\nlanguage: fr\ntitle: Test\n"
        "history: [{event: adopted, place: Genève, year: 2000}]\n"
        "preamble:\n  - verb: recalling\n    heading: rappelant\n    items:\n"
        "      - {label: a), text: 'les pays en développement[^1] et les autres[^3],'}\n"
        f"footnotes:\n  - {{id: '1', text: {note}}}\n  - {{id: '2', text: {note}}}\n"
        f"  - {{id: '3', text: {note}}}\n",
        encoding="utf-8",
    )
    main(["check", "--no-cache", "--format", "json", str(doc)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["rule"], d["help"]) for d in found] == [
        ("text-duplicate", "delete this one: it is marked nowhere, and the first has its text"),
        ("text-duplicate", "mark the first footnote where this one is marked, and delete this one"),
    ]


@pytest.mark.parametrize(
    ("notes", "marks", "helps"),
    [
        # the second '1' meant '2' (the marker [^2] names none): its id to write
        (
            [("1", "Including least developed countries."), ("1", "Small island states.")],
            "[^1] and [^2]",
            [
                "write id '2' for this footnote: the marker [^2] has no footnote, and this one "
                "is the only footnote whose id is used twice"
            ],
        ),
        # pasted twice, id and text: delete the copy
        (
            [("1", "As listed by the United Nations."), ("1", "As listed by the United Nations.")],
            "[^1]",
            ["delete this one: it repeats the first, its id and its text"],
        ),
        # two ids repeated and one marker of none: no guess, each said
        (
            [("1", "One."), ("1", "Two."), ("3", "Three."), ("3", "Four.")],
            "[^1], [^2] and [^3]",
            ["give each footnote its own id, and correct the markers that name it"] * 2,
        ),
    ],
)
def test_a_footnote_id_used_twice_is_told_what_to_write(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    notes: list[tuple[str, str]],
    marks: str,
    helps: list[str],
) -> None:
    from itures.cli import main

    doc = tmp_path / "en.yaml"
    doc.write_text(
        "body: pp\nnumber: '1'\nlanguage: en\ntitle: Test\n"
        "history: [{event: adopted, place: Geneva, year: 1992}]\n"
        "operative:\n  - verb: resolves\n    heading: resolves\n    clauses:\n"
        f"      - {{label: '1', text: 'to continue{marks}.'}}\n"
        "footnotes:\n" + "".join(f"  - {{id: '{i}', text: {t}}}\n" for i, t in notes),
        encoding="utf-8",
    )
    main(["check", "--no-cache", "--format", "json", str(doc)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [d["help"] for d in found if d["rule"] == "footnote-duplicate"] == helps
    # the marker the mistyped id meant is that finding's, not footnote-undefined's too
    undefined = [d for d in found if d["rule"] == "footnote-undefined"]
    assert len(undefined) == (1 if len(helps) == 2 else 0)
