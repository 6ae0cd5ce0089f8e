"""One conversion defect, one finding: a clause or a section that the
conversion ran into a text is reported there (``conversion-artefact``), and a
citation of it is not reported apart (``reference-unresolved``, whose advice,
correct the citation, would be wrong: the fix is to split the text).

Seen on the PP-18 import: "resolves 10 above" in Resolution 11, whose clause
10 is inside the text of clause 9; "instructs the Directors of the Bureaux 5"
in Resolution 136, whose *instructs* is merged into a preambular item.
"""

from __future__ import annotations

import json
import marshal
from pathlib import Path
from typing import Any

import pytest

from itures import textscan
from itures.cli import main
from itures.model.resolution import Resolution
from itures.summary import Summary, summarise
from tests.conftest import line_of, resolution, write

CITED = "resolutions/pp/191/en.yaml"
CITING = "resolutions/pp/60/en.yaml"


def _run_into_clause_3() -> dict[str, Any]:
    """Resolution 191 with clauses 4 and 5 run into the text of clause 3."""
    data = resolution()
    data["operative"][0]["clauses"][2]["text"] = (
        "to report on the progress made every year; 4 to publish the report on the "
        "website; 5 to review the strategy."
    )
    return data


def _heading_merged() -> dict[str, Any]:
    """Resolution 191 with the heading of *instructs* merged into clause 3's text."""
    data = resolution()
    data["operative"][0]["clauses"][2]["text"] = (
        "to report on the progress made every year, instructs the Secretary-General"
    )
    return data


def _citing(*targets: tuple[str, str]) -> dict[str, Any]:
    data = resolution(number="60")
    data["operative"][0]["clauses"][0]["text"] = (
        "to apply " + ", ".join(f"[{words}]({target})" for words, target in targets) + ";"
    )
    return data


def _check(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> list[Any]:
    monkeypatch.chdir(root)
    main(["check", "--no-cache", "--format", "json", "resolutions"])
    found: list[Any] = json.loads(capsys.readouterr().out)["diagnostics"]
    return [(d["rule"], d["path"], d["line"]) for d in found]


def test_a_clause_run_into_another_is_one_finding_where_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _run_into_clause_3()
    # the file cites its own clause 4, which is inside the text of clause 3
    data["operative"][0]["clauses"][0]["text"] = (
        "to strengthen coordination as [resolves 4 below](pp:191#resolves/4) says;"
    )
    write(tmp_path / CITED, data)
    assert _check(tmp_path, capsys, monkeypatch) == [
        ("conversion-artefact", CITED, line_of(tmp_path / CITED, "4 to publish")),
    ]


def test_a_citation_of_a_clause_that_is_in_no_text_is_still_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / CITED, _run_into_clause_3())
    write(
        tmp_path / CITING,
        _citing(
            ("resolves 5 of Resolution 191", "pp:191#resolves/5"),  # inside clause 3: its defect
            ("resolves 7 of Resolution 191", "pp:191#resolves/7"),  # nowhere: a wrong citation
            ("considering d) of Resolution 191", "pp:191#considering/d"),
        ),
    )
    found = _check(tmp_path, capsys, monkeypatch)
    assert [f[0] for f in found if f[1] == CITED] == ["conversion-artefact"]
    citing = [f for f in found if f[1] == CITING]
    assert [f[0] for f in citing] == ["reference-unresolved", "reference-unresolved"]
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-cache", "--format", "json", CITING, "--corpus", "resolutions"])
    messages = [d["message"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert any("resolves/7" in m for m in messages)
    assert any("considering/d" in m for m in messages)
    assert not any("resolves/5" in m for m in messages)


def test_a_section_whose_heading_is_merged_into_a_text_is_not_reported_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / CITED, _heading_merged())
    write(
        tmp_path / CITING,
        _citing(
            ("instructs the Secretary-General 2 of Resolution 191", "pp:191#instructs/2"),
            ("invites 1 of Resolution 191", "pp:191#invites/1"),  # no such heading anywhere
        ),
    )
    found = _check(tmp_path, capsys, monkeypatch)
    assert ("conversion-artefact", CITED, line_of(tmp_path / CITED, "instructs the")) in found
    citing = [f for f in found if f[1] == CITING]
    assert [f[0] for f in citing] == ["reference-unresolved"]
    capsys.readouterr()
    main(["check", "--no-cache", "--format", "json", CITING, "--corpus", "resolutions"])
    (only,) = json.loads(capsys.readouterr().out)["diagnostics"]
    assert "invites/1" in only["message"]


def test_the_summary_keeps_what_was_run_in_through_the_cache() -> None:
    run = summarise("a.yaml", Resolution.model_validate(_run_into_clause_3()))
    assert run.run_in == (("resolves", "", ("4", "5")),)
    merged = summarise("b.yaml", Resolution.model_validate(_heading_merged()))
    assert merged.run_in == (("", "instructs the Secretary-General", ()),)
    for summary in (run, merged):
        again = Summary.from_data(marshal.loads(marshal.dumps(summary.to_data())))
        assert again == summary and again.run_in == summary.run_in
    clean = summarise("c.yaml", Resolution.model_validate(resolution()))
    assert clean.run_in == ()
    assert clean != Summary.from_data(
        (
            *clean.to_data()[:-11],
            run.run_in,
            clean.formula,
            clean.addressed,
            b"",
            (),
            (),
            b"",
            (),
            (),
            (),
            (),
        )
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a heading at the end of the text, inside the span of the heading before it
        (
            "to assist developing countries, instructs the Director of the Bureau to follow "
            "the plan and to report to the Council, requests the ITU Council",
            [
                "instructs the Director of the Bureau to follow the plan and to report to the "
                "Council",
                "requests the ITU Council",
            ],
        ),
        (
            "to act; further invites Member States to contribute, and to take part, "
            "instructs the Secretary-General and the Director of the Telecommunication "
            "Development Bureau",
            [
                "further invites Member States to contribute, and to take part",
                "instructs the Secretary-General and the Director of the Telecommunication "
                "Development Bureau",
            ],
        ),
        # a heading inside the span of another is its own, wherever it stands (the
        # text going on after it, or the words after it too long for a heading)
        (
            "to assist, instructs the Director to follow the plan, requests the Council to "
            "act; and more",
            ["instructs the Director to follow the plan", "requests the Council to act"],
        ),
        (
            "to assist, instructs the Director to follow the plan, invites the membership to "
            "take part in the work of the study groups and to contribute to it in every way "
            "that it can, as far as possible",
            [
                "instructs the Director to follow the plan",
                "invites the membership to take part in the work of the study groups and to "
                "contribute to it in every way that it can, as far as possible",
            ],
        ),
    ],
)
def test_a_heading_that_ends_a_text_is_a_heading_of_its_own(text: str, expected: list[str]) -> None:
    found = textscan.headings(text, "en")
    assert [h.found for h in found] == expected
    assert [text[h.start : h.end].strip() for h in found] == expected
    assert textscan.Scans().leftovers(text, "en")[0] == tuple(found)
