"""Invisible characters and ligatures inside words (``conversion-artefact``):
the help says what to do with each, and characters that belong to a text
are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.config import Config
from itures.corpus import check_paths

DOC = """body: wtdc
number: '1'
language: {language}
title: The plan
history: [{{event: adopted, place: Geneva, year: 2000}}]
conference: The World Telecommunication Development Conference (Geneva, 2000),
preamble:
  - verb: recalling
    heading: recalling
    items:
      - label: a)
        text: "{text}"
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - {{label: '1', text: to act.}}
"""


def _glyphs(tmp_path: Path, text: str, language: str = "en") -> list[tuple[str, str | None]]:
    path = tmp_path / "doc.yaml"
    path.write_text(DOC.format(text=text, language=language), "utf-8")
    result = check_paths([path], Config())
    return [
        (d.message.split(":")[0], d.help)
        for d in result.diagnostics
        if d.rule == "conversion-artefact" and d.line == 12
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "the ﬁnancial resources,",
            (
                "ligature 'ﬁ' (U+FB01 LATIN SMALL LIGATURE FI) inside 'ﬁnancial'",
                "replace 'ﬁ' with 'fi'",
            ),
        ),
        (
            "the eﬀorts of ITU,",
            (
                "ligature 'ﬀ' (U+FB00 LATIN SMALL LIGATURE FF) inside 'eﬀorts'",
                "replace 'ﬀ' with 'ff'",
            ),
        ),
        (
            "the partici\\u00adpation of all,",
            (
                "invisible character '\\xad' (U+00AD SOFT HYPHEN) inside 'partici\\xadpation'",
                "delete the invisible '\\xad'",
            ),
        ),
        (
            "the Union\\u200b,",
            (
                "invisible character '\\u200b' (U+200B ZERO WIDTH SPACE) inside 'Union\\u200b,'",
                "delete the invisible '\\u200b'",
            ),
        ),
    ],
)
def test_the_help_says_what_to_do_with_each(
    tmp_path: Path, text: str, found: tuple[str, str]
) -> None:
    assert _glyphs(tmp_path, text) == [found]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("the ITU\\u2011D and the ITU-T,", "en"),  # a non-breaking hyphen
        ("the plan\\u00a0of ITU,", "en"),  # a no-break space
        ("\\u0627\\u0644\\u062e\\u0637\\u0629\\u200f (ITU),", "ar"),  # a right-to-left mark
        ("the Union, financial and official,", "en"),  # the letters, not a ligature
    ],
)
def test_characters_a_text_may_hold_are_left_alone(
    tmp_path: Path, text: str, language: str
) -> None:
    assert _glyphs(tmp_path, text, language) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "the Union\\u200b\\u200b\\u200b,",
            (
                "3 invisible characters '\\u200b' (U+200B ZERO WIDTH SPACE) in a row inside "
                "'Union\\u200b\\u200b\\u200b,'",
                "delete the 3 invisible '\\u200b' in a row",
            ),
        ),
        (
            "the partici\\u00ad\\u00adpation of all,",
            (
                "2 invisible characters '\\xad' (U+00AD SOFT HYPHEN) in a row inside "
                "'partici\\xad\\xadpation'",
                "delete the 2 invisible '\\xad' in a row",
            ),
        ),
        (
            "the eﬀﬀorts of ITU,",
            (
                "2 ligatures 'ﬀ' (U+FB00 LATIN SMALL LIGATURE FF) in a row inside 'eﬀﬀorts'",
                "replace each 'ﬀ' with 'ff'",
            ),
        ),
        (
            "the plan\\ue000\\ue000\\ue000 of ITU,",
            (
                "3 stray glyphs '\\ue000' (U+E000 a character of private use) in a row inside 'plan\\ue000\\ue000\\ue000'",
                "replace the 3 '\\ue000' in a row with the characters the published text has "
                "there, or delete them",
            ),
        ),
    ],
)
def test_a_run_of_one_glyph_is_one_finding_that_counts_them(
    tmp_path: Path, text: str, found: tuple[str, str]
) -> None:
    """Zero-width spaces pasted in a row are one slip: one finding, its span
    the whole run, not one finding per character."""
    assert _glyphs(tmp_path, text) == [found]


def test_glyphs_apart_or_of_two_kinds_are_each_a_finding(tmp_path: Path) -> None:
    found = _glyphs(tmp_path, "the Uni\\u200bon\\u200b and\\u200b\\u00ad plan,")
    assert [m for m, _ in found] == [
        "invisible character '\\u200b' (U+200B ZERO WIDTH SPACE) inside 'Uni\\u200bon\\u200b'",
        "invisible character '\\u200b' (U+200B ZERO WIDTH SPACE) inside 'Uni\\u200bon\\u200b'",
        "invisible character '\\u200b' (U+200B ZERO WIDTH SPACE) inside 'and\\u200b\\xad'",
        "invisible character '\\xad' (U+00AD SOFT HYPHEN) inside 'and\\u200b\\xad'",
    ]
