"""reference-unmarked: a citation in plain words whose noun is written small
("resolution 5 (Rev. Dubai, 2014) of this conference"). Before, a citation
in plain words was read only with its capital ("the decision 5 days later"
cites nothing), so it passed silently; in two language versions the other
one was told it "cites nothing". Now one with its revision or its
conference in parentheses is read, and its fix writes the capital too; the
United Nations' resolutions, which their texts write small, are left alone."""

from __future__ import annotations

from pathlib import Path

from itures.rules.references import reference_unmarked
from tests.conftest import run_cli
from tests.rules.build import clauses, context, items
from tests.test_fix import _corpus


def _helps(text: str, language: str = "en") -> list[str | None]:
    headings = {"fr": ("rappelant", "décide"), "es": ("recordando", "resuelve")}
    preamble, operative = headings.get(language, (None, None))
    ctx = context(
        language,
        preamble=[items([text], verb="recalling", heading=preamble)],
        operative=[clauses(["to act."], heading=operative)],
    )
    return [f.help for f in reference_unmarked(ctx)]


def test_the_noun_written_small_with_its_revision() -> None:
    assert _helps("resolution 5 (Rev. Dubai, 2014) of this conference,") == [
        "write it as a citation: [Resolution 5 (Rev. Dubai, 2014) of this conference](pp:5@2014)"
    ]
    assert _helps("la résolution 5 (Rév. Dubaï, 2014) de la présente Conférence,", "fr") == [
        "write it as a citation: [la Résolution 5 (Rév. Dubaï, 2014) de la présente "
        "Conférence](pp:5@2014)"
    ]


def test_what_is_left_alone() -> None:
    assert (
        _helps(
            "the decision 5 days later, Security Council resolution 2202 (2015) and General "
            "Assembly resolution 68/262 (2014),"
        )
        == []
    )


def test_the_fix_writes_the_citation_with_its_capital(tmp_path: Path) -> None:
    target, _ = _corpus(
        tmp_path,
        [
            (
                "[la Résolution\u00a05 (Rév.Dubaï, 2014) de la présente Conférence](wtdc:5@2014)",
                "la résolution 5 (Rév. Dubaï, 2014) de la présente Conférence",
            )
        ],
    )
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (
        "[la Résolution 5 (Rév. Dubaï, 2014) de la présente Conférence](wtdc:5@2014)"
        in target.read_text(encoding="utf-8")
    )
