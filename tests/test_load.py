"""The library reads the corpus file as typed objects."""

from __future__ import annotations

from pathlib import Path

import pytest

import itures
from itures.model import Clause, OperativeSection, Resolution
from tests.conftest import MINIMAL, ROOT, SEED_YAML


@pytest.fixture(scope="module")
def res59() -> Resolution:
    return itures.load(SEED_YAML)


def test_identity_history_and_derived_heading(res59: Resolution) -> None:
    assert isinstance(res59, itures.Resolution)
    assert (res59.body, res59.number, res59.language) == ("wtdc", "59", "fr")
    assert [(h.event, h.place, h.year) for h in res59.history] == [
        ("revised", "Dubaï", 2014),
        ("revised", "Buenos Aires", 2017),
    ]
    assert res59.heading == "RÉSOLUTION 59 (Rév. Buenos Aires, 2017)"
    assert res59.conference is not None and res59.conference.endswith("(Buenos Aires, 2017),")


def test_sections_as_published(res59: Resolution) -> None:
    assert [(s.verb, s.heading, len(s.items)) for s in res59.preamble] == [
        ("recalling", "rappelant", 5),
        ("considering", "considérant", 5),
        ("taking_into_account", "tenant compte", 4),
    ]
    assert [(s.verb, [c.label for c in s.clauses]) for s in res59.operative] == [
        ("resolves", ["1", "2", "3", "4"]),
        ("instructs", ["1", "2", "5"]),
    ]


def test_instructs_section_addresses_bdt_with_tsb(res59: Resolution) -> None:
    charge = res59.operative[1]
    assert isinstance(charge, OperativeSection)
    assert charge.heading.startswith("charge le Directeur du Bureau de développement")
    assert (charge.actors, charge.partners) == (["bdt-director"], ["tsb-director"])
    five = charge.clauses[2]
    assert isinstance(five, Clause)
    assert five.label == "5" and five.actors == ["bdt-director"]
    assert [(d.every, d.report_to) for d in five.deadlines] == [("year", "tdag")]


def test_annual_report_to_council(res59: Resolution) -> None:
    three = res59.operative[0].clauses[2]
    assert three.actors == ["secretary-general"]
    assert [(d.every, d.report_to, d.text) for d in three.deadlines] == [
        ("year", "council", "chaque année au Conseil de l'UIT")
    ]


def test_footnote_marker_resolves_to_its_text(res59: Resolution) -> None:
    item = res59.preamble[0].items[0]
    assert item.label == "a)"
    assert item.footnote_refs == ["1"]
    note = res59.footnote("1")
    assert note is not None
    assert note.text.startswith("Par pays en développement, on entend aussi")
    assert res59.footnote("2") is None


def test_citations(res59: Resolution) -> None:
    items = res59.preamble[0].items
    d = items[3].citations
    assert len(d) == 1
    assert [(r.body, r.number) for r in d[0].resolutions] == [
        ("wtsa", "17"),
        ("wtsa", "26"),
        ("wtsa", "44"),
        ("wtsa", "45"),
    ]
    assert d[0].year == 2012
    assert d[0].text.startswith("les Résolutions\u00a017, 26, 44 et 45")
    every = [(str(r), c.year) for _, c in res59.citations() for r in c.resolutions]
    assert every == [
        ("pp:123", 2010),
        ("wtdc:5", 2014),
        ("ra:6", 2007),
        ("wtsa:17", 2012),
        ("wtsa:26", 2012),
        ("wtsa:44", 2012),
        ("wtsa:45", 2012),
        ("wtsa:57", 2012),
    ]


def test_corpus_opens_and_looks_up(tmp_path: Path) -> None:
    corpus = itures.Corpus(ROOT / "resolutions")
    assert len(corpus) >= 1
    found = corpus.get("wtdc", "59", "fr")
    assert found is not None and found.title.startswith("Renforcer la coordination")
    assert corpus.get("wtsa", "59") is None  # the body is part of the identity
    result = corpus.check()
    assert result.exit_code == 0
    assert result.files == len(corpus.files)


def test_load_refuses_an_invalid_file_with_positioned_reasons(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(MINIMAL.replace("body: pp", "body: 12"), encoding="utf-8")
    with pytest.raises(itures.LoadError) as caught:
        itures.load(path)
    [diag] = caught.value.diagnostics
    assert isinstance(diag, itures.Diagnostic)
    assert (diag.rule, diag.line, diag.column, diag.pointer) == ("schema", 1, 7, "/body")
    with pytest.raises(FileNotFoundError):
        itures.load(tmp_path / "missing.yaml")
    with pytest.raises(NotADirectoryError):
        itures.Corpus(path)


def test_diagnostics_are_frozen_records() -> None:
    diag = itures.Diagnostic("schema", "error", "a.yaml", 3, 5, "message", "/title")
    assert diag.to_dict() == {
        "rule": "schema",
        "severity": "error",
        "path": "a.yaml",
        "line": 3,
        "column": 5,
        "end_line": 3,
        "end_column": 5,
        "message": "message",
        "help": None,
        "pointer": "/title",
        "related": [],
    }
    with pytest.raises(AttributeError):
        diag.line = 4  # type: ignore[misc]
    assert diag != itures.Diagnostic("schema", "error", "a.yaml", 3, 5, "other", "/title")
