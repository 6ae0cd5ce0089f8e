"""A footnote's call left as its number glued to the word before it
("developing countries1"), as a PDF's conversion leaves a raised mark: named
by the finding of the footnote merged into a later text (conversion-artefact),
or by footnote-unused when the footnote is under ``footnotes``; and the notes
printed after the first of a block of them merged into a text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures import textscan
from itures.cli import main
from itures.model.resolution import Resolution
from itures.rules import Context, Finding
from itures.rules.artefacts import conversion_artefact
from itures.rules.footnotes import footnote_unused


@pytest.mark.parametrize(
    ("text", "mark", "word"),
    [
        ("the regulators of many developing countries1 to obtain", "1", "countries1"),
        ("limits established by ICNIRP2, the Commission", "2", "ICNIRP2"),
        ("the SDG mapping tool3) of the Union", "3", "tool3"),
        ("the results and the progress achieved.4 Reports", "4", "achieved.4"),
        ("Engineers (IEEE)3 and the Union", "3", "(IEEE)3"),
        ('should pay a "market price"1, and', "1", '"market price"1'),
        ("at the end of the text, Partnership7", "7", "Partnership7"),
    ],
)
def test_a_call_glued_to_its_word(text: str, mark: str, word: str) -> None:
    found = textscan.glued_call(text, mark)
    assert found is not None
    start, end, glued = found
    assert glued == word and text[start:end] == word


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("the move to IPv6 addresses", "6"),  # a name of mixed case
        ("in 2 cases of 12 countries", "2"),  # a number after a blank
        ("the countries12 of the region", "1"),  # another number
        ("the countries1x of the region", "1"),  # glued to what follows too
        ("in G7 countries", "7"),  # fewer than three letters
        ("in 2017 and 2018", "1"),
    ],
)
def test_not_a_call(text: str, mark: str) -> None:
    assert textscan.glued_call(text, mark) is None


def test_the_last_call_before_an_end() -> None:
    text = "the countries1 and the regions1; ____ 1 These include the regions1 of"
    found = textscan.glued_call(text, "1", text.index("____"))
    assert found is not None and text[found[0] : found[1]] == "regions1"
    assert found[0] == text.index("regions1")


def _note(text: str) -> textscan.Artefact:
    (first, *_) = textscan.footnotes(text)
    return first


def test_the_notes_of_one_block() -> None:
    text = (
        "to innovation ____________________ 5 G7 ICT and Industry Ministers' Declaration: "
        "open and secure. 6 ITU WTDC-17 - Buenos Aires Declaration. 7 Source: Key issues for "
        "the G20. innovation in products, in 8 areas"
    )
    later = textscan.later_notes(text, _note(text))
    assert [(mark, text[start:end]) for mark, start, end in later] == [("6", "6"), ("7", "7")]
    assert later[0][1] == text.index(" 6 ITU") + 1


@pytest.mark.parametrize(
    "text",
    [
        # a number inside the note's sentence, not after its end
        "the Forum; ____ 1 These include the least developed countries and 2 others.",
        # the next number before a word in lower case
        "the Forum; ____ 1 These include the countries. 2 more are listed below.",
        # another number than the next
        "the Forum; ____ 1 These include the countries. 3 Others are listed.",
        # after the next rule: that block's own
        "the Forum; ____ 1 These include the countries. ____ 2 Others are listed.",
    ],
)
def test_no_later_note(text: str) -> None:
    assert textscan.later_notes(text, _note(text)) == []


@given(st.text(alphabet="ab1. ;)(\"'A_", max_size=60), st.sampled_from(["1", "2", "12"]))
def test_a_call_found_is_the_mark_after_what_it_is_glued_to(text: str, mark: str) -> None:
    """Whatever the text, a call found ends with its mark, not followed by a
    letter or a digit, and spans what it says it is glued to."""
    found = textscan.glued_call(text, mark)
    if found is None:
        return
    start, end, word = found
    assert text[start:end] == word and word.endswith(mark)
    assert not text[end : end + 1].isalnum()
    assert not text[end - len(mark) - 1].isdigit()


def _doc(items: list[str], clauses: list[str], footnotes: list[dict[str, str]]) -> Resolution:
    return Resolution.model_validate(
        {
            "body": "pp",
            "number": "1",
            "language": "en",
            "title": "Bridging the gap between developing1 and developed countries",
            "history": [{"event": "adopted", "place": "Dubai", "year": 2018}],
            "preamble": [
                {
                    "verb": "recalling",
                    "heading": "recalling",
                    "items": [{"label": f"{chr(97 + i)})", "text": t} for i, t in enumerate(items)],
                }
            ],
            "operative": [
                {
                    "verb": "resolves",
                    "heading": "resolves",
                    "clauses": [
                        {"label": str(i + 1), "text": t}
                        for i, t in enumerate(clauses or ["to act;"])
                    ],
                }
            ],
            "footnotes": footnotes,
        }
    )


def _merged(res: Resolution) -> list[Finding]:
    return [f for f in conversion_artefact(Context("r.yaml", res)) if "merged" in f.message]


def test_a_merged_note_names_its_call_in_an_earlier_text() -> None:
    res = _doc(
        [
            "the urgent need of regulators in many developing countries2 to obtain data;",
            "the plan of the Union; ____________________ 2 These include the least developed "
            "countries,",
        ],
        ["to act;"],
        [],
    )
    (found,) = _merged(res)
    assert found.path == ("preamble", 0, "items", 1, "text")
    (call,) = found.related
    assert call.path == ("preamble", 0, "items", 0, "text")
    text = res.preamble[0].items[0].text
    assert text[call.offset : call.offset + call.length] == "countries2"
    assert "'countries2'" in call.message
    assert found.help is not None and "'countries2' as the marker [^2]" in found.help


def test_a_call_in_the_title() -> None:
    res = _doc(["the plan; ____________________ 1 These include the least developed"], [], [])
    (found,) = _merged(res)
    (call,) = found.related
    assert call.path == ("title",) and "'developing1'" in call.message


def test_a_call_after_the_note_is_not_its_call() -> None:
    res = _doc(
        ["the plan; ____________________ 2 These include the least developed countries,"],
        ["to assist the developing countries2 in their work;"],
        [],
    )
    (found,) = _merged(res)
    assert found.related == ()
    assert found.help is not None and "where the note is called" in found.help


def test_a_block_of_notes_is_one_finding_naming_each() -> None:
    res = _doc(
        [
            "the Declaration5 of Torino and the Declaration6 of Buenos Aires;",
            "the range of areas7, and the environment ____________________ 5 G7 ICT and "
            "Industry Ministers' Declaration. 6 ITU WTDC-17 Declaration. 7 Source: Key "
            "issues for the G20.",
        ],
        [],
        [],
    )
    (found,) = _merged(res)
    assert found.message.startswith("footnotes 5, 6 and 7 merged into the text of this item")
    text = res.preamble[0].items[1].text
    others = [p for p in found.related if p.message.endswith("of the same block")]
    assert [text[p.offset : p.offset + p.length] for p in others] == ["6", "7"]
    calls = [p.message for p in found.related if "call of footnote" in p.message]
    assert [c.split(": ")[0] for c in calls] == [
        f"the call of footnote {n}" for n in ("5", "6", "7")
    ]
    assert found.help is not None
    for n, word in (("5", "Declaration5"), ("6", "Declaration6"), ("7", "areas7")):
        assert f"[^{n}] for the mark glued to '{word}'" in found.help


def _unused(res: Resolution) -> list[Finding]:
    return list(footnote_unused(Context("r.yaml", res)))


def test_an_unused_footnote_whose_call_is_glued_to_its_word() -> None:
    res = _doc(
        ["the gap between developing countries1 and others;"],
        [],
        [{"id": "1", "text": "These include the least developed countries."}],
    )
    # (the title's "developing1" too: the first text calling it is the title)
    res = res.model_copy(update={"title": "Bridging the gap"})
    (found,) = _unused(res)
    assert found.path == ("preamble", 0, "items", 0, "text")
    text = res.preamble[0].items[0].text
    assert found.offset is not None
    assert text[found.offset : found.offset + (found.length or 0)] == "1"
    assert text[: found.offset].endswith("countries")
    assert found.help is not None and "'countries[^1]'" in found.help


def test_an_unused_footnote_with_no_call_is_at_its_id() -> None:
    res = _doc(
        ["the gap between the move to IPv1 and others;"],
        [],
        [{"id": "1", "text": "These include the least developed countries."}],
    )
    res = res.model_copy(update={"title": "Bridging the gap"})
    (found,) = _unused(res)
    assert found.path == ("footnotes", 0, "id")


_FILE = """\
body: wtdc
number: '59'
language: en
title: Strengthening coordination
history:
  - event: adopted
    place: Buenos Aires
    year: 2017
conference: >-
  The World Telecommunication Development Conference (Buenos Aires, 2017),
preamble:
  - verb: recalling
    heading: recalling
    items:
      - label: a)
        text: the gap between developing countries1 and developed countries;
      - label: b)
        text: the plan of the Union,
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to act.
footnotes:
  - id: '1'
    text: These include the least developed countries.
"""


def test_fix_writes_the_marker(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "resolutions" / "wtdc" / "59" / "en.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(_FILE, encoding="utf-8")
    main(["check", "--no-cache", "--fix", str(tmp_path / "resolutions")])
    capsys.readouterr()
    assert path.read_text(encoding="utf-8") == _FILE.replace(
        "developing countries1 and", "developing countries[^1] and"
    )
