"""In French, an elision's apostrophe typed as another mark ("l.écart",
"qu.avec", "d,ateliers", "l;UIT"): it passed silently ('.', ';', ':'), or
was told "no blank after ','", whose fix wrote "d, ateliers". Now one
finding with the word to write, which ``--fix`` writes (and so is, now,
an elision whose apostrophe was lost, "lUIT")."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules.punctuation import punctuation
from tests.conftest import run_cli
from tests.rules.build import clauses, context, items
from tests.test_fix import _corpus


def _told(text: str) -> list[tuple[str, str | None]]:
    ctx = context("fr", preamble=[items([text])], operative=[clauses(["d'agir."], language="fr")])
    return [
        (text[f.offset : f.offset + f.length], f.help)
        for f in punctuation(ctx)
        if f.offset is not None and f.length is not None and "the elision typed as" in f.message
    ]


@pytest.mark.parametrize(
    ("text", "written", "right"),
    [
        ("que la réduction de l.écart entre pays,", "l.écart", "l'écart"),
        ("ainsi qu.avec ceux d'entités,", "qu.avec", "qu'avec"),
        ("la tenue de séminaires, d,ateliers et de forums,", "d,ateliers", "d'ateliers"),
        ("les commissions d'études de l;UIT-D,", "l;UIT-D", "l'UIT-D"),
        ("les pays dont l:économie est en transition,", "l:économie", "l'économie"),
        ("L.Union internationale des télécommunications,", "L.Union", "L'Union"),
    ],
)
def test_the_apostrophe_typed_as_a_mark_is_told_with_the_word(
    text: str, written: str, right: str
) -> None:
    assert _told(text) == [(written, f'write "{right}"')]


@pytest.mark.parametrize(
    "text",
    [
        "que la Résolution 5 (Rév.Dubaï, 2014) et l'UIT,",  # (an abbreviation's dot)
        "que les forums, etc., de l'UIT,",
        "que le point 5.a) de l'UIT, et l'alinéa c.i),",  # (labels)
        "que M.Dupont et l'UIT, la société S.A.,",  # (capital initials)
    ],
)
def test_control_dots_that_are_no_elision_are_left_alone(text: str) -> None:
    assert _told(text) == [], text


def test_the_check_and_fix_write_the_apostrophe(tmp_path: Path) -> None:
    target, _ = _corpus(
        tmp_path,
        [
            ("Réduire l'écart", "Réduire l.écart"),
            ("séminaires, d'ateliers,", "séminaires, d,ateliers,"),
        ],
    )
    found = check_paths([target]).diagnostics
    assert sorted(d.message.split(":")[0] for d in found) == ["'d,ateliers'", "'l.écart'"], found
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "2 fixes applied to 1 file" in done.stderr, done.stderr
    text = target.read_text(encoding="utf-8")
    assert "Réduire l'écart" in text and "d'ateliers," in text
    assert check_paths([target]).diagnostics == []
