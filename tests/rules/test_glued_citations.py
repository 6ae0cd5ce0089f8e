"""A citation written against the word after it or before it: the blank
between them lost ("...](wtdc:5@2014)sur le", "identifier[la Résolution 5
..."). Its words read "Conférencesur" in the published text. Before, this
passed silently. One finding a citation, the blank to write."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from itures import textscan
from itures.model import markup as mk
from itures.rules._walk import Text
from itures.rules.punctuation import _glued_citations
from tests.conftest import run_cli
from tests.test_fix import _corpus

CITED = "[la Résolution 5 (Rév.Dubaï, 2014) de la présente Conférence](wtdc:5@2014)"


def _found(text: str, language: str = "fr") -> list:
    spans, problems = mk.parse(text)
    t = Text(("operative", 0, "clauses", 0, "text"), text, tuple(spans), tuple(problems))
    return list(_glued_citations([t], textscan.Joined([text]), language))


@pytest.mark.parametrize(
    ("written", "mended"),
    [
        (f"{CITED}sur le renforcement", f"{CITED} sur le renforcement"),
        (f"pour identifier{CITED} les normes", f"pour identifier {CITED} les normes"),
        (
            "in [Resolution 71 (Rev. Dubai, 2018)](pp:71@2018)and in",
            "in [Resolution 71 (Rev. Dubai, 2018)](pp:71@2018) and in",
        ),
        (
            "según la[Resolución 2 (Rev. Dubái, 2014)](wtdc:2@2014) de",
            "según la [Resolución 2 (Rev. Dubái, 2014)](wtdc:2@2014) de",
        ),
    ],
)
def test_the_blank_written_as_the_help_says_mends_the_text(written: str, mended: str) -> None:
    (finding,) = _found(written)
    right = re.fullmatch(r"write '(.*)'", finding.help or "")
    assert right is not None, finding
    fixed = written[: finding.offset] + right.group(1) + written[finding.offset + finding.length :]
    assert fixed == mended
    assert _found(fixed) == []


def test_glued_on_both_sides_is_two_findings_one_a_side() -> None:
    found = _found(f"pour{CITED}sur le")
    assert [f.message.partition(":")[0] for f in found] == [
        "no blank before the citation",
        "no blank after the citation",
    ]


@pytest.mark.parametrize(
    "written",
    [
        f"{CITED} sur le",  # blanks around it
        "de l'[AMNT](wtsa:57@2012) sur",  # an elision's apostrophe before it
        f"({CITED}) et",  # in parentheses
        f"{CITED}, et",  # a mark after it
        "[Resolution 71 (Rev. Dubai, 2018)](pp:71@2018)1;",  # a footnote's call converted as text
        "the countries[^1]",  # a footnote marker, glued to its word
    ],
)
def test_control_a_citation_with_its_blanks_is_not_said(written: str) -> None:
    assert _found(written) == []


def test_the_check_reports_it_and_fix_writes_the_blank(tmp_path: Path) -> None:
    target, _ = _corpus(tmp_path, [("(wtdc:5@2014) sur le", "(wtdc:5@2014)sur le")])
    done = run_cli("check", "--format", "concise", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "punctuation: no blank after the citation" in done.stdout, done.stdout
    fixed = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "1 fix applied to 1 file" in fixed.stderr, fixed.stderr
    assert "(wtdc:5@2014) sur le" in target.read_text(encoding="utf-8")
    assert run_cli("check", "resolutions", cwd=tmp_path).returncode == 0


def test_arabic_writes_its_conjunction_against_the_citation() -> None:
    # "و" (and) is written against the word after it: no blank lost; a word
    # of its own glued to the citation still is one
    cited = "[القرار 151 (المراجَع في بوسان، 2014)](pp:151@2014)"
    assert _found(f"و{cited}.", "ar") == []
    assert _found(f"وب{cited}.", "ar") == []
    assert _found(f"وبال{cited}.", "ar") == []
    assert len(_found(f"يطبق{cited}.", "ar")) == 1
    assert len(_found(f"و{cited}.", "fr")) == 1  # (in a French text, it is a word)
