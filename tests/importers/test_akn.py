"""Akoma Ntoso import: a small document written here, and the PP-18 Final Acts."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from itures.importers import ImportFailure, akn, import_file
from itures.model import markup
from itures.model.resolution import Clause, Item

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

STATEMENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{NS}">
  <statement name="resolution" xml:lang="en">
    <meta><identification source="#itu"><FRBRWork>
      <FRBRthis value="/akn/un/statement/deliberation/itu-pp/2018-11-15/res-9/!main"/>
      <FRBRuri value="/akn/un/statement/deliberation/itu-pp/2018-11-15/res-9"/>
      <FRBRdate date="2018-11-15" name="adoption"/>
      <FRBRauthor href="#itu-pp"/><FRBRcountry value="un"/>
    </FRBRWork></identification></meta>
    <preface>
      <longTitle><p><docType>RESOLUTION</docType><docNumber>9 (REV. DUBAI, 2018)</docNumber></p></longTitle>
      <container name="title"><p>A small resolution</p></container>
    </preface>
    <preamble>
      <formula name="enactingFormula"><p>The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),</p></formula>
      <recitals eId="recs_considering">
        <intro><p><i>considering</i></p></intro>
        <recital eId="rec_1"><p>a) Resolution 71 (Rev. Dubai, 2018) of this conference;</p></recital>
        <recital eId="rec_2"><num>b)</num><p>the needs of developing countries<authorialNote marker="1"><p>These include the least developed countries.</p></authorialNote> and others,</p></recital>
        <recital eId="rec_3"><num>c)</num><p>that budgets matter, ____________________ 1 These include small island developing states, resolves to instruct the Secretary-General 1 to act</p></recital>
      </recitals>
    </preamble>
    <mainBody>
      <hcontainer name="instructs" eId="hcont_1">
        <heading><i>instructs the Secretary-General, in cooperation with the Director of the Telecommunication Development Bureau</i></heading>
        <paragraph eId="para_1"><num>1</num><content><p>to report annually to the Council;</p></content>
          <list><point eId="pt_1"><num>1.1</num><content><p>by 2020;</p></content></point></list>
        </paragraph>
        <paragraph eId="para_2"><num>2</num><content><p>to invite Member States to contribute.</p></content></paragraph>
      </hcontainer>
    </mainBody>
  </statement>
</akomaNtoso>
"""


def test_single_statement() -> None:
    [imported], failures = akn.parse_bytes(STATEMENT.encode(), source="s.xml")
    assert failures == []
    res = imported.resolution
    assert (res.body, res.number, res.kind, res.language) == ("pp", "9", "resolution", "en")
    assert res.heading == "RESOLUTION 9 (Rev. Dubai, 2018)"
    items = res.preamble[0].items
    # faithful: the label stays in the text, as the XML has it
    assert items[0].label is None and items[0].text.startswith("a) [Resolution 71")
    assert items[0].citations[0].target == "pp:71@2018"
    assert items[1].footnote_refs == ["1"]
    assert res.footnotes[0].text == "These include the least developed countries."
    section = res.operative[0]
    assert section.actors == ["secretary-general"] and section.partners == ["bdt-director"]
    assert section.clauses[0].deadlines[0].report_to == "council"
    assert section.clauses[0].clauses[0].label == "1.1"
    assert section.clauses[0].clauses[0].deadlines[0].by == 2020
    assert section.clauses[1].actors == ["member-states"]
    by_path: dict[tuple[str | int, ...], list[str]] = {}
    for n in imported.notes:
        by_path.setdefault(n.path, []).append(n.message)
    assert any("label 'a)' left inside" in m for m in by_path[("preamble", 0, "items", 0, "text")])
    merged = by_path[("preamble", 0, "items", 2, "text")]
    assert any("footnote 1 merged" in m for m in merged)
    assert any(
        "operative heading 'resolves to instruct the Secretary-General'" in m for m in merged
    )
    assert all("rec_3 (XML line" in m for m in merged)


# the components of a collection: under <components> (the Final Acts), or
# inline in <collectionBody>
@pytest.mark.parametrize("holder", ["components", "collectionBody"])
def test_collection_gives_one_document_per_component(holder: str) -> None:
    statement = STATEMENT.split("<akomaNtoso", 1)[1].split(">", 1)[1].rsplit("</akomaNtoso>", 1)[0]
    decision = statement.replace('name="resolution"', 'name="decision"').replace(
        "<docType>RESOLUTION</docType>", "<docType>DECISION</docType>"
    )
    xml = (
        f'<akomaNtoso xmlns="{NS}"><documentCollection name="acts"><{holder}>'
        f'<component eId="cmp_1">{statement}</component>'
        f'<component eId="cmp_2">{decision}</component>'
        f"</{holder}></documentCollection></akomaNtoso>"
    )
    imported, failures = akn.parse_bytes(xml.encode(), source="c.xml")
    assert failures == []
    assert [(i.resolution.kind, i.resolution.number) for i in imported] == [
        ("resolution", "9"),
        ("decision", "D9"),
    ]
    assert imported[1].resolution.heading == "DECISION 9 (Rev. Dubai, 2018)"
    assert [i.relative_path for i in imported] == ["pp/9/en.yaml", "pp/D9/en.yaml"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<akomaNtoso><unclosed>", "not well-formed XML"),
        (b"<html/>", "not Akoma Ntoso"),
        (b'<akomaNtoso xmlns="urn:other"/>', "not Akoma Ntoso 3.0"),
        (f'<akomaNtoso xmlns="{NS}"/>'.encode(), "no document"),
        # external entities are never read
        (
            f'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><akomaNtoso xmlns="{NS}">'
            "&e;</akomaNtoso>".encode(),
            "an external entity: itures never reads one",
        ),
    ],
)
def test_bad_xml_is_a_clear_failure(data: bytes, message: str) -> None:
    with pytest.raises(ImportFailure, match=message):
        akn.parse_bytes(data, source="x.xml")


# -- the PP-18 Final Acts ---------------------------------------------------------


def _local(el: Any) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _text(el: Any) -> str:
    parts = [t for t in el.itertext()]
    if _local(el) in ("paragraph", "point"):
        content = el.find(f"{{{NS}}}content")
        parts = list(content.itertext()) if content is not None else []
    else:
        nums = el.findall(f"{{{NS}}}num")
        parts = [t for c in el if c not in nums for t in c.itertext()]
    return " ".join("".join(parts).split())


@pytest.fixture(scope="module")
def pp18_imported(pp18: Path) -> Any:
    return import_file(str(pp18))


@pytest.fixture(scope="module")
def pp18_tree(pp18: Path) -> Any:
    return etree.parse(str(pp18))


def test_pp18_documents(pp18_imported: Any) -> None:
    assert pp18_imported.failures == []
    kinds = Counter(i.resolution.kind for i in pp18_imported.imported)
    assert kinds == {"resolution": 61, "decision": 2, "recommendation": 1}
    keys = [(i.resolution.body, i.resolution.number) for i in pp18_imported.imported]
    assert len(set(keys)) == 64  # Decision 11 and Resolution 11 stay apart
    assert ("pp", "D11") in keys and ("pp", "11") in keys and ("pp", "R7") in keys


def _count_items(items: list[Item]) -> int:
    return sum(1 + _count_items(i.items) for i in items)


def _count_clauses(clauses: list[Clause]) -> int:
    return sum(1 + _count_clauses(c.clauses) for c in clauses)


def _content_text(el: Any) -> str:
    """An element's own text in the XML (its content, without notes or labels)."""
    content = el.find(f"{{{NS}}}content")
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if _local(child) != "authorialNote":
                walk(child)
            if child.tail:
                parts.append(child.tail)

    if content is not None:
        walk(content)
    return "".join(parts)


def _clause_texts(clauses: list[Clause]) -> list[str]:
    return [t for c in clauses for t in (markup.plain(c.text), *_clause_texts(c.clauses))]


def _item_texts(items: list[Item]) -> list[str]:
    return [t for i in items for t in (markup.plain(i.text), *_item_texts(i.items))]


def _squeeze(texts: list[str]) -> str:
    return "".join("".join(texts).split())


def test_pp18_item_and_clause_counts_match_the_xml(pp18_imported: Any, pp18_tree: Any) -> None:
    """Every recital is an item, every paragraph or point a clause, unless the
    conversion merged an annex into the last clause: then the clauses and the
    annexes together hold the text of the paragraphs and points, in order."""
    statements = list(pp18_tree.iter(f"{{{NS}}}statement"))
    assert len(statements) == len(pp18_imported.imported)
    separated = 0
    for st, imported in zip(statements, pp18_imported.imported, strict=True):
        res = imported.resolution
        recitals = len(list(st.iter(f"{{{NS}}}recital")))
        parts = [el for el in st.iter(f"{{{NS}}}paragraph", f"{{{NS}}}point")]
        assert sum(_count_items(s.items) for s in res.preamble) == recitals, imported.source
        assert len(res.preamble) == len(list(st.iter(f"{{{NS}}}recitals")))
        assert len(res.operative) == len(list(st.iter(f"{{{NS}}}hcontainer")))
        clauses = sum(_count_clauses(s.clauses) for s in res.operative)
        # the document's own annex headings, found here independently
        number = res.number.lstrip("DR")
        word = res.kind.upper()
        headings = re.findall(
            rf"ANNEX(?: \d+)? TO {word} {number} \(", " ".join(_content_text(p) for p in parts)
        )
        assert len(res.annexes) == len(headings), imported.source
        if not res.annexes:
            assert clauses == len(parts), imported.source
            continue
        separated += 1
        ours = [t for s in res.operative for t in _clause_texts(s.clauses)]
        for annex in res.annexes:
            ours += [annex.heading, annex.title or "", *_item_texts(annex.items)]
        assert _squeeze(ours) == _squeeze([_content_text(p) for p in parts]), imported.source
        assert clauses + sum(_count_items(a.items) for a in res.annexes) >= len(parts)
    assert separated == 7  # D5, 25, 34, 48, 71, 167, 208


def test_pp18_annexes(pp18_imported: Any) -> None:
    by_number = {i.resolution.number: i for i in pp18_imported.imported}
    r71 = by_number["71"].resolution
    assert [(a.label, a.title) for a in r71.annexes] == [
        ("1", "ITU strategic plan for 2020-2023"),
        ("2", "Situational analysis"),
        ("3", None),
    ]
    # the last clause keeps its own words, the annex heading is no longer in it
    last = r71.operative[-1].clauses[-1].text
    assert "ANNEX" not in last and last.endswith(".")
    # the points after the heading in the same paragraph nest under the annex's text
    r25 = by_number["25"].resolution
    assert [i.label for i in r25.annexes[0].items[0].items][:3] == ["a)", "b)", "c)"]
    assert r25.operative[-1].clauses[-1].text.endswith("through regional offices.")
    notes = [n for n in by_number["25"].notes if n.path[:1] == ("annexes",)]
    assert any("cannot be told apart" in n.message for n in notes)
    # signatures and declarations are not annexes: they stay, reported
    r7 = by_number["R7"]
    assert not r7.resolution.annexes
    assert any("PART VI - SIGNATORIES" in n.message for n in r7.notes)


_OPERATIVE = re.compile(
    r"[,;:.]\s+(?:further\s+)?(?:resolves|decides|instructs|invites|requests|encourages|urges"
    r"|calls\s+upon|authorizes|recommends)\b"
)


# another text's operative verb, cited in a recital (Resolution 167's "..., and,
# in particular, further instructs the Director ... thereof, on ..."): no heading
_CITED = re.compile(r"in particular,\s+(?:further\s+)?\w+[^;]*?\bthereof\b")


def test_pp18_every_defect_is_reported(pp18_imported: Any, pp18_tree: Any) -> None:
    """Defects found in the XML here, independently, each have a note naming the element."""
    messages = [
        n.message
        for i in pp18_imported.imported
        for n in i.notes
        if n.rule == "conversion-artefact"
    ]
    by_line: dict[str, list[str]] = {}
    for m in messages:
        line = re.search(r"\(XML line (\d+)\)\]$", m)
        assert line is not None, m
        by_line.setdefault(line.group(1), []).append(m)
    counts = Counter()
    for el in pp18_tree.iter(f"{{{NS}}}recital", f"{{{NS}}}paragraph", f"{{{NS}}}point"):
        text = _text(el)
        here = by_line.get(str(el.sourceline), [])
        has_num = el.find(f"{{{NS}}}num") is not None
        if not has_num and re.match(r"(?:[a-z]\)\s|\d{1,2}(?:\.\d+)*\s+[a-z])", text):
            counts["label"] += 1
            assert any("left inside the text" in m for m in here), (el.sourceline, text[:60])
        if "____" in text:
            counts["footnote"] += 1
            assert any("merged into the text" in m and "footnote" in m for m in here), el.sourceline
        # (a recital of a preambular section another follows: a verb there is its own)
        parent = el.getparent()
        inner = el.tag == f"{{{NS}}}recital" and any(
            s.tag == f"{{{NS}}}recitals" for s in parent.itersiblings()
        )
        if _OPERATIVE.search(text) and not _CITED.search(text) and not inner:
            counts["heading"] += 1
            assert any("operative heading" in m for m in here), (el.sourceline, text[-100:])
    # the defects the file is known for are there, and many of them
    assert counts["label"] > 100 and counts["footnote"] > 30 and counts["heading"] > 50


def test_pp18_readme_example_is_reported(pp18_imported: Any) -> None:
    notes = [(i.source, n.path, n.message) for i in pp18_imported.imported for n in i.notes]
    example = "resolves to instruct the Secretary-General and the Directors of the three Bureaux"
    hits = [n for n in notes if example in n[2]]
    assert hits and all(n[1][0] == "preamble" for n in hits)
