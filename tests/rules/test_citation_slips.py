"""A slip of punctuation in a citation's words or target is one finding,
punctuation's or markup's: a blank before the dot of "Rev.", a dot or a
comma doubled, a colon doubled in the target. The revision the words name
is read past it (no "revision no conference made", no "'Rev' without its
dot")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from itures.config import Config
from itures.corpus import check_paths
from itures.importers.extract import read_citations
from tests.conftest import run_cli
from tests.rules.build import clauses, data

RIGHT = "[Resolution 71 (Rev. Dubai, 2018) of this conference](pp:71@2018)"


def _rules(tmp_path: Path, cited: str) -> list[str]:
    shutil.rmtree(tmp_path / "resolutions", ignore_errors=True)
    path = tmp_path / "resolutions" / "pp" / "1" / "en.yaml"
    path.parent.mkdir(parents=True)
    section = clauses([f"to implement {cited} on the plan."])
    with path.open("w", encoding="utf-8") as out:
        YAML().dump(data("en", operative=[section]), out)
    result = check_paths([tmp_path / "resolutions"], Config())
    assert not result.failures
    return sorted(d.rule for d in result.diagnostics)


@pytest.mark.parametrize(
    ("slipped", "rule"),
    [
        (RIGHT.replace("Rev.", "Rev ."), "punctuation"),
        (RIGHT.replace("Rev.", "Rev.."), "punctuation"),
        (RIGHT.replace("Dubai,", "Dubai,,"), "punctuation"),
        (RIGHT.replace("pp:71", "pp::71"), "markup"),
        # the colon of the target lost: markup's, not also a footnote's call
        # glued to a word ("pp71" read as "pp" and the call of footnote 71)
        (RIGHT.replace("pp:71", "wtdc71"), "markup"),
        # the dot of "Rev." typed as another mark: reference-text's, not also
        # punctuation's "no blank after ';'" (a blank would keep the slip)
        (RIGHT.replace("Rev. ", "Rev;"), "reference-text"),
        (RIGHT.replace("Rev. ", "Rev:"), "reference-text"),
        (RIGHT.replace("Rev.", "Rev,"), "reference-text"),
        # the mark between the place and the year: punctuation's
        (RIGHT.replace("Dubai,", "Dubai:"), "punctuation"),
        (RIGHT.replace("Dubai,", "Dubai."), "punctuation"),
    ],
)
def test_a_slip_in_a_citation_is_one_finding(tmp_path: Path, slipped: str, rule: str) -> None:
    assert _rules(tmp_path, RIGHT) == []
    assert _rules(tmp_path, slipped) == [rule]


def test_the_place_of_a_revision_is_read_past_a_mark_beside_it() -> None:
    for words in (
        "Resolution 71 (Rev . Dubai, 2018) of this conference",
        "Resolution 71 (Rev.. Dubai, 2018) of this conference",
        "Resolution 71 (Rev. Dubai,, 2018) of this conference",
    ):
        (reading,) = read_citations(words, "en", "pp")
        assert (reading.place, reading.year) == ("Dubai", 2018), words


def test_the_dot_of_rev_typed_as_another_mark(tmp_path: Path) -> None:
    """In a citation's words, reference-text says what is written; in plain
    words, punctuation does, and neither advises a blank after the mark."""
    shutil.rmtree(tmp_path / "resolutions", ignore_errors=True)
    path = tmp_path / "resolutions" / "pp" / "1" / "en.yaml"
    path.parent.mkdir(parents=True)
    section = clauses(
        [
            f"to implement {RIGHT.replace('Rev. ', 'Rev;')} on the plan;",
            "to implement the plan (Rev:Dubai, 2018) of this conference.",
        ]
    )
    with path.open("w", encoding="utf-8") as out:
        YAML().dump(data("en", operative=[section]), out)
    found = check_paths([tmp_path / "resolutions"], Config()).diagnostics
    assert sorted((d.rule, d.message, d.help) for d in found) == [
        (
            "punctuation",
            "'Rev:': the full stop of 'Rev.' typed as ':'",
            "write 'Rev.'",
        ),
        (
            "reference-text",
            "the words 'Resolution 71 (Rev;Dubai, 2018) of this conference' write 'Rev;' "
            "before the revision's place; texts in this language write 'Rev.'",
            "write 'Rev.'",
        ),
    ]
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "2 fixes applied to 1 file" in done.stderr, done.stderr
    fixed = path.read_text(encoding="utf-8")
    assert fixed.count("(Rev.Dubai, 2018)") == 2 and "Rev;" not in fixed and "Rev:" not in fixed


def test_a_blank_before_the_dot_of_rev_glued_to_the_place(tmp_path: Path) -> None:
    """ "(Rev .Dubai, 2018)": one finding, punctuation's, with the blank to
    delete; silent before (the blank before a mark was looked for only with
    one after it)."""
    assert _rules(tmp_path, RIGHT.replace("Rev. ", "Rev .")) == ["punctuation"]
    found = check_paths([tmp_path / "resolutions"], Config()).diagnostics
    assert [(d.message, d.help) for d in found] == [
        (
            "a blank before '.': ITU texts write '.' right after the word it follows",
            "delete the blank before '.'",
        )
    ]
    # not a blank before the dot of another word
    assert _rules(tmp_path, RIGHT.replace("of this conference", "of the Rev .NET")) == []


def test_rev_glued_to_the_place() -> None:
    """ "(Rev.Dubai, 2018)": in English, punctuation's finding, with the blank
    to write; in another language, where the file writes "Rev. " with its
    blank more often; never "(Rev.WRC-15)", a World Radiocommunication
    Conference's revision as ITU writes it."""
    from itures.rules.punctuation import punctuation
    from tests.rules.build import context, items

    def told(language: str, *written: str) -> list[tuple[str, str | None]]:
        ctx = context(
            language,
            preamble=[items(list(written))],
            operative=[clauses(["to act."], heading="resolves")],
        )
        return [(f.message, f.help) for f in punctuation(ctx) if "Rev" in f.message]

    assert told("en", "that the plan (Rev.Dubai, 2018) applies,") == [
        (
            "no blank after 'Rev.': ITU texts write a blank between 'Rev.' and the next word",
            "write a blank after 'Rev.'",
        )
    ]
    assert told("en", "that Resolution 646 (Rev.WRC-15) applies,") == []
    assert (
        len(told("es", "que el plan (Rev.Dubái, 2018) y (Rev. Busan, 2014), (Rev. Nice, 1989),"))
        == 1
    )
    assert told("es", "que el plan (Rev.Dubái, 2018) y (Rev.Busan, 2014),") == []


def test_a_place_written_without_its_capital(tmp_path: Path) -> None:
    """ "(Rev. dubai, 2018)": reference-text's, told as a capital lost (not as
    "another language's spelling", as it was; "guadalajara" was silent), with
    the place to write, which --fix writes."""
    for written, right in (("dubai", "Dubai"), ("guadalajara", "Guadalajara")):
        year = 2018 if right == "Dubai" else 2010
        cited = f"[Resolution 71 (Rev. {written}, {year}) of this conference](pp:71@{year})"
        assert _rules(tmp_path, cited) == ["reference-text"]
        (found,) = check_paths([tmp_path / "resolutions"], Config()).diagnostics
        assert f"write the place '{written}' without its capital: it is written '{right}'" in (
            found.message
        )
        assert found.help == f"write '{right}'"
        done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
        assert "1 fix applied to 1 file" in done.stderr, done.stderr
        fixed = (tmp_path / "resolutions" / "pp" / "1" / "en.yaml").read_text(encoding="utf-8")
        assert f"(Rev. {right}, {year})" in fixed
    # in capitals, as a heading writes it: no slip
    assert _rules(tmp_path, "[RESOLUTION 71 (REV. DUBAI, 2018)](pp:71@2018)") == []


def test_what_another_rule_reads_in_a_target_that_cannot_be_read_is_markup_s() -> None:
    """A citation's target with its ':' lost ("](wtdc45@2014)"): markup says
    the target cannot be read; conversion-artefact read 'wtdc45' as plain text,
    a compound the file writes 'wtdc-45' with its hyphen lost (a second
    finding of one slip). Now only markup's; the same compound in plain words
    outside the citation is still told."""
    from itures.config import Config
    from itures.rules.runner import Runner
    from tests.rules.build import clauses, context, items

    ctx = context(
        "en",
        preamble=[
            items(
                [
                    "recalling [Resolution 45 (Rev. Dubai, 2014)](wtdc45@2014), to report;",
                    "that the wtdc-45 compound and wtdc45 exist,",
                ]
            )
        ],
        operative=[clauses(["to act."])],
    )
    found, _ = Runner(Config()).file_findings("x.yaml", ctx.resolution, None)
    first = [r.name for r, f in found if f.path == ("preamble", 0, "items", 0, "text")]
    assert first == ["markup"]
    second = [r.name for r, f in found if f.path == ("preamble", 0, "items", 1, "text")]
    assert "conversion-artefact" in second
