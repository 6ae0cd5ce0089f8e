"""A heading whose parenthesis has two years run together ("(Rev. Buenos Aires,
20142017)", a tracked change of the year): the later year is kept, with its
place, and said once in the import report; a parenthesis that is really
unreadable is still refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itures.cli import main
from itures.importers import ImportFailure, akn, docx, wordtext
from itures.importers.build import history_from
from itures.importers.lang import grammar
from tests.importers import aknfixtures
from tests.importers.docxbuild import build_docx

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize(
    ("lang", "heading", "history", "struck", "kept"),
    [
        ("fr", "RÉSOLUTION 59 (RÉV. BUENOS AIRES, 20142017)", "revised", "2014", "2017"),
        ("fr", "RÉSOLUTION 59 (RÉV. DUBAÏ 20142018)", "revised", "2014", "2018"),
        ("fr", "RÉSOLUTION 59 (Rév.Dubaï, 20142018)", "revised", "2014", "2018"),
        ("en", "RESOLUTION 59 (Rev. Dubai, 20142018)", "revised", "2014", "2018"),
        ("en", "RESOLUTION 59 (REV. SHARM EL-SHEIKH, 20022006)", "revised", "2002", "2006"),
        ("en", "RESOLUTION 59 (Kyoto, 19941998)", "adopted", "1994", "1998"),
        ("es", "RESOLUCIÓN 59 (REV. BUENOS AIRES, 20142017)", "revised", "2014", "2017"),
        # the later kept, whatever the order they are run together in
        ("en", "RESOLUTION 59 (Rev. Dubai, 20182014)", "revised", "2014", "2018"),
        ("es", "RESOLUCIÓN 59 (REV. BUENOS AIRES, 20172014)", "revised", "2014", "2017"),
        # or with a blank between them
        ("en", "RESOLUTION 59 (Rev. Dubai, 2014 2018)", "revised", "2014", "2018"),
        ("fr", "RÉSOLUTION 59 (RÉV. GUADALAJARA, 2010 2014)", "revised", "2010", "2014"),
    ],
)
def test_two_years_run_together_keep_the_later(
    lang: str, heading: str, history: str, struck: str, kept: str
) -> None:
    g = grammar(lang)
    m = g.heading.match(heading)
    assert m is not None
    entries, glued = history_from(m.group("when"), g, {})
    assert [(e["event"], e["year"]) for e in entries] == [(history, int(kept))]
    assert glued == [struck, kept]  # the one struck, then the one kept


def test_the_place_is_kept_as_the_document_names_it() -> None:
    g = grammar("fr")
    m = g.heading.match("RÉSOLUTION 59 (RÉV. DUBAÏ, 20142018)")
    assert m is not None
    entries, _ = history_from(m.group("when"), g, {"dubaï": "Dubaï"})
    assert entries == [{"event": "revised", "place": "Dubaï", "year": 2018}]


def test_a_glued_revision_and_run_together_years_at_once() -> None:
    g = grammar("fr")
    m = g.heading.match("RÉSOLUTION 59 (RÉV.DUBAÏ, 2014BUENOS AIRES, 20172018)")
    assert m is not None
    entries, glued = history_from(m.group("when"), g, {})
    assert [(e["place"], e["year"]) for e in entries] == [("Dubaï", 2014), ("Buenos Aires", 2018)]
    assert glued == ["DUBAÏ, 2014", "BUENOS AIRES, 20172018"]


@pytest.mark.parametrize(
    "when",
    [
        "Rev. Dubai, 201420189",  # nine digits
        "Rev. Dubai, 2014201",  # seven
        "Rev. Dubai, 20142018x",
        "Rev. 20142018",  # no place
        "Rev. Dubai, 1234",
        "Rev. Dubai, 21002018",  # not two years
        "Rev. Dubai, 2014  2018",  # two blanks between them
        "Rev. Dubai, 2014 2018 2019",  # three years
        "Rev. Dubai",
    ],
)
def test_an_unreadable_parenthesis_is_still_refused(when: str) -> None:
    with pytest.raises(ImportFailure, match="cannot read the adoption or revision"):
        history_from(when, grammar("en"), {})


ENGLISH = """RESOLUTION 7 (REV. DUBAI, 20142018)
A test of years run together
The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
considering
a)\tthat Resolution 71 (Rev. Dubai, 2018) of this conference applies,
resolves
1\tto do something.
"""


def _history_notes(notes: list) -> list[str]:  # type: ignore[type-arg]
    return [n.message for n in notes if n.path == ("history",)]


def test_text_export_imports_with_the_later_year_noted_once() -> None:
    imported = wordtext.parse_text(ENGLISH, source="t.txt")
    history = imported.resolution.history
    assert [(h.event, h.place, h.year) for h in history] == [("revised", "Dubai", 2018)]
    (said,) = _history_notes(imported.notes)
    assert "'RESOLUTION 7 (REV. DUBAI, 20142018)'" in said
    assert "'2014' struck, then '2018' inserted" in said
    assert said.endswith("the history records Dubai 2018")


def test_docx_imports_with_the_later_year_noted_once(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "7.docx", ENGLISH.strip().split("\n"), {})
    imported = docx.read(str(path))
    history = imported.resolution.history
    assert [(h.event, h.place, h.year) for h in history] == [("revised", "Dubai", 2018)]
    assert len(_history_notes(imported.notes)) == 1


_RESOLVES = """<hcontainer name="resolves" eId="hcont_1">
        <heading>resolves</heading>
        <paragraph eId="para_1"><num>1</num><content><p>to do something.</p></content></paragraph>
      </hcontainer>"""


def test_akoma_ntoso_document_number_with_years_run_together() -> None:
    xml = aknfixtures.statement(
        "9",
        "9 (REV. DUBAI, 20142018)",
        "A title",
        aknfixtures.CONSIDERING,
        _RESOLVES,
    )
    (imported,), failures = akn.parse_bytes(xml.encode(), source="t.akn.xml")
    assert failures == []
    history = imported.resolution.history
    assert [(h.event, h.place, h.year) for h in history] == [("revised", "Dubai", 2018)]
    (said,) = _history_notes(imported.notes)
    assert "'2014' struck, then '2018' inserted" in said


def test_the_seed_with_its_heading_years_run_together(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's reproduction: imported, noted once, and check finds nothing
    more than it finds in the seed as published."""
    text = seed.read_text(encoding="utf-8").replace(
        "RÉSOLUTION 59 (RÉV.DUBAÏ, 2014BUENOS AIRES, 2017)",
        "RÉSOLUTION 59 (RÉV. BUENOS AIRES, 20142017)",
    )
    assert "20142017" in text
    source = tmp_path / "a.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["import", "-o", str(out), "--format", "json", str(source)])
    assert code == 0
    shown = json.loads(capsys.readouterr().out)["diagnostics"]
    heading = [d for d in shown if "20142017" in d["message"]]
    assert len(heading) == 1 and heading[0]["rule"] == "conversion-artefact"
    written = out / "wtdc" / "59" / "fr.yaml"
    assert "year: 2017" in written.read_text(encoding="utf-8")
    assert "2014" not in written.read_text(encoding="utf-8").split("conference:")[0]
    main(["check", "--format", "json", str(out)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert not [d for d in found if d["pointer"] and d["pointer"].startswith("/history")]
