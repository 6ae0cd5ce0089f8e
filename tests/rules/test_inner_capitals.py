"""A capital typed inside a word ("atelierS", "entrE", "reNforcement",
"DiRecteur"): a key held a letter too long. It passed silently (two words
run together, "particulierSur", were the only capitals inside a word read).
Now a warning with the word to write, which ``--fix`` writes; the names
written so ("IoT", "MoUs", "ccTLD", "eHealth", "YouTube") are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules.punctuation import punctuation
from tests.conftest import run_cli
from tests.rules.build import clauses, context, items
from tests.test_fix import _corpus


def _told(text: str, language: str = "en", also: str = "to act.") -> list[tuple[str, str]]:
    ctx = context(
        language, preamble=[items([text])], operative=[clauses([also], language=language)]
    )
    return [
        (text[f.offset : f.offset + f.length], f.help or "")
        for f in punctuation(ctx)
        if "capital typed inside" in f.message and f.offset is not None and f.length is not None
    ]


@pytest.mark.parametrize(
    ("text", "word", "right"),
    [
        ("that the workshopS of the Union have helped,", "workshopS", "workshops"),
        (
            "that the rePort of the Council was received,",
            "rePort",
            "report",
        ),  # (two letters before)
        # the word written right elsewhere in the file: its case, capital or not
        ("that the SeCretary-General reported,", "SeCretary", "Secretary"),
        # its second letter, a word the dictionary knows small
        ("that the pOrtal is open,", "pOrtal", "portal"),
        ("that the Union will cOntinue to act,", "cOntinue", "continue"),
        ("that the plan is met, wHile the Union acts,", "wHile", "while"),
    ],
)
def test_a_capital_inside_a_word_is_told_with_the_word_to_write(
    text: str, word: str, right: str
) -> None:
    also = "to instruct the Secretary-General to report."
    assert _told(text, also=also) == [(word, f"write '{right}'")]


@pytest.mark.parametrize(
    "text",
    [
        "that the IoT, QoS and QoE, the MoUs and the ToRs are studied,",
        "that ccTLDs, eHealth, mHealth and iPhone applications, in kHz, grow,",
        "that YouTube, PowerPoint and McDonald are names,",
        "that the DiRector wrote,",  # (a capital word written nowhere else: a name?)
        # (a capital after one small letter, a word no dictionary has: a name)
        "that the jQuery and cPanel tools are open,",
        "that www.itu.int/ITU-D/sectorMembers is open,",  # (an address)
        "that [Resolution 71](pp:71@2018) and particulierSur,",  # (run together: another rule's)
    ],
)
def test_control_names_written_so_are_left_alone(text: str) -> None:
    assert _told(text) == []


def test_french_and_spanish_too_and_fix_writes_the_word(tmp_path: Path) -> None:
    target, _ = _corpus(tmp_path, [("séminaires, d'ateliers,", "séminaires, d'atelierS,")])
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.message) for d in found] == [
        ("punctuation", "'atelierS': a capital typed inside the word; ITU's texts write 'ateliers'")
    ]
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "1 fix applied to 1 file" in done.stderr, done.stderr
    assert "d'ateliers," in target.read_text(encoding="utf-8")
    # (a capital inside a word the file writes otherwise: not two words run
    # together, 'talle' and 'Res', which conversion-artefact would say)
    assert _told("que los talleRes ayudan,", "es", also="a los talleres.") == [
        ("talleRes", "write 'talleres'")
    ]


def test_after_a_parenthesis_a_word_the_file_writes_in_its_own_case() -> None:
    # ("(" stands before names written so, "(IoT)"; a word the file writes
    # with its first capital alone is a slip there too)
    told = _told("that the Document of the Council (DoCument 5) was read,")
    assert told == [("DoCument", "write 'Document'")]
    assert _told("that the Internet of Things (IoT) and the MoUs (MoUs) were read,") == []
    assert _told("that the report (ReSolution 5) was read,") == []
