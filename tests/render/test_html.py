"""HTML rendering: ITU layout, escaping, validity, ids and links."""

from __future__ import annotations

from typing import Any

import html5lib
import pytest
from hypothesis import given
from lxml import html as lhtml

import itures
from itures.model.resolution import Resolution
from itures.render import RenderError, render
from tests.conftest import CLEAN, SEED_YAML
from tests.render.helpers import SETTINGS, WTSA57, flat, index_of, model, words
from tests.strategies import documents

XHTML = "{http://www.w3.org/1999/xhtml}"


def strict_parse(page: str) -> Any:
    """Parse as a browser would, failing on any HTML5 parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


def tree(page: str) -> Any:
    return lhtml.document_fromstring(page.encode("utf-8"))


def ids(page: str) -> list[str]:
    return [el.get("id") for el in tree(page).iter() if el.get("id") is not None]


@pytest.fixture(scope="module")
def seed_html() -> str:
    return render(itures.load(SEED_YAML), "html")


def test_seed_is_valid_html5_with_language_and_inline_css(seed_html: str) -> None:
    strict_parse(seed_html)
    root = tree(seed_html)
    assert root.get("lang") == "fr"
    assert root.find(".//style") is not None
    # self-contained: nothing loaded from elsewhere
    assert not root.xpath("//link|//script|//img|//*[@src]")


def test_seed_layout_heading_title_formula_sections(seed_html: str) -> None:
    root = tree(seed_html)
    assert (
        root.xpath("string(//h1/span[@class='resno'])") == "RÉSOLUTION 59 (Rév. Buenos Aires, 2017)"
    )
    assert root.xpath("string(//h1/span[@class='restitle'])").startswith(
        "Renforcer la coordination"
    )
    formula = root.xpath("string(//p[@class='formula'])")
    assert (
        formula
        == "La Conférence mondiale de développement des télécommunications (Buenos Aires, 2017),"
    )
    calls = [" ".join(h.text_content().split()) for h in root.xpath("//h2[@class='call']")]
    assert calls[:4] == ["rappelant", "considérant", "tenant compte", "décide"]
    assert calls[4].startswith("charge le Directeur du Bureau de développement")


def test_labels_as_stored_the_stray_five_stays(seed_html: str) -> None:
    root = tree(seed_html)
    instructs = root.get_element_by_id("instructs")
    labels = [s.text for s in instructs.xpath(".//li/span[@class='num']")]
    assert labels == ["1", "2", "5"]
    assert "instructs-5" in ids(seed_html)
    assert "instructs-3" not in ids(seed_html)


def test_every_unit_has_a_unique_stable_id(seed_html: str) -> None:
    found = ids(seed_html)
    assert len(found) == len(set(found))
    for expected in ["recalling", "recalling-a", "considering-e", "taking_into_account-d"]:
        assert expected in found
    for expected in ["resolves-1", "resolves-4", "instructs-1", "fn-1", "fnref-1"]:
        assert expected in found
    # the same document gives the same ids
    assert render(itures.load(SEED_YAML), "html") == seed_html


def test_footnote_marker_is_a_superscript_link_and_the_note_links_back(seed_html: str) -> None:
    root = tree(seed_html)
    marker = root.get_element_by_id("fnref-1")
    assert marker.getparent().tag == "sup"
    assert marker.get("href") == "#fn-1"
    note = root.get_element_by_id("fn-1")
    assert "Par pays en développement" in note.text_content()
    assert note.xpath("string(.//a[@role='doc-backlink']/@href)") == "#fnref-1"


def test_every_internal_link_has_its_target(seed_html: str) -> None:
    found = set(ids(seed_html))
    for a in tree(seed_html).iter("a"):
        href = a.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in found, href


def test_script_and_ampersand_in_texts_are_escaped() -> None:
    evil = "<script>alert('x')</script> & \"co\" &amp;"
    res = model(
        CLEAN,
        title=evil,
        conference=f"</p>{evil}",
        preamble=[
            {
                "verb": "considering",
                "heading": "<b>considering</b> &",
                "items": [{"label": "<i>a)</i>", "text": f"{evil}[^1]"}],
            }
        ],
        footnotes=[{"id": "1", "text": "<img src=x onerror=alert(1)>"}],
        annexes=[{"heading": "</section><script>", "title": evil, "items": [{"text": evil}]}],
    )
    page = render(res, "html")
    strict_parse(page)
    root = tree(page)
    assert not root.xpath("//script|//img|//b|//i|//*[@onerror]")
    text = root.text_content()
    assert evil in text
    assert "<b>considering</b> &" in text
    assert "<i>a)</i>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "&lt;script&gt;" in page
    assert root.xpath("string(//title)").endswith(evil)


def test_arabic_is_right_to_left() -> None:
    page = render(model(CLEAN, language="ar"), "html")
    assert tree(page).get("dir") == "rtl"


def test_abrogation_is_shown() -> None:
    res = model(
        CLEAN,
        history=[
            {"event": "adopted", "place": "Kyoto", "year": 1994},
            {"event": "abrogated", "place": "Busan", "year": 2014},
        ],
    )
    root = tree(render(res, "html"))
    assert root.xpath("string(//p[@class='abrogated'])") == "Abrogated (Busan, 2014)"
    assert root.xpath("string(//span[@class='resno'])") == "RESOLUTION 191 (Kyoto, 1994)"


def test_citations_link_to_the_cited_rendering_and_its_clause() -> None:
    wtsa57 = model(WTSA57)
    citing = model(
        itures.load(SEED_YAML).model_dump(),
        conference="[décide 2.1 de la Résolution 57](wtsa:57@2012#resolves/2/2.1) et "
        "[décide 9](wtsa:57#resolves/9) et [la Résolution 1](pp:1)",
    )
    page = render(citing, "html", index=index_of(wtsa57, citing))
    root = tree(page)
    links = {a.text_content(): a.get("href") for a in root.iter("a") if a.get("data-target")}
    # the nested clause 2.1 of 'décide' in the cited page
    assert links["décide 2.1 de la Résolution 57"] == "../../wtsa/57/fr.html#resolves-2-1"
    target_ids = ids(render(wtsa57, "html"))
    assert "resolves-2-1" in target_ids
    # a fragment the cited resolution does not have: the link goes to the page
    assert links["décide 9"] == "../../wtsa/57/fr.html"
    # a resolution the corpus does not hold is not linked, its target kept
    assert "la Résolution 1" not in links
    span = root.xpath("//span[@data-target='pp:1']")
    assert [s.text_content() for s in span] == ["la Résolution 1"]
    # several resolutions at once: each number links to its resolution
    several = root.xpath("//span[@data-target='wtsa:17,26,44,45@2012']")[0]
    assert [a.text for a in several.iter("a")] == []  # none of them is in the index
    assert several.text_content().startswith("les Résolutions\xa017, 26, 44 et 45")


def test_without_an_index_every_citation_links_and_numbers_split() -> None:
    root = tree(render(itures.load(SEED_YAML), "html"))
    several = root.xpath("//span[@data-target='wtsa:17,26,44,45@2012']")[0]
    assert [(a.text, a.get("href")) for a in several.iter("a")] == [
        ("17", "../../wtsa/17/fr.html"),
        ("26", "../../wtsa/26/fr.html"),
        ("44", "../../wtsa/44/fr.html"),
        ("45", "../../wtsa/45/fr.html"),
    ]
    assert several.text_content() == (
        "les Résolutions\xa017, 26, 44 et 45 (Rév.Dubaï, 2012) de l'Assemblée mondiale "
        "de normalisation des télécommunications (AMNT)"
    )


def test_a_citation_of_the_document_itself_links_inside_it() -> None:
    res = model(
        WTSA57, conference="voir [décide 3](wtsa:57#resolves/3), [l'Annexe 2](wtsa:57#annex/2)"
    )
    root = tree(render(res, "html"))
    hrefs = [a.get("href") for a in root.iter("a") if a.get("data-target")]
    assert hrefs == ["#resolves-3", "#annex-2"]
    assert {"resolves-3", "annex-2", "annex-2-a"} <= set(ids(render(res, "html")))


def test_duplicate_labels_get_distinct_ids() -> None:
    res = model(
        CLEAN,
        operative=[
            {
                "verb": "resolves",
                "heading": "resolves",
                "clauses": [{"label": "1", "text": "one;"}, {"label": "1", "text": "again."}],
            }
        ],
    )
    found = ids(render(res, "html"))
    assert "resolves-1" in found and "resolves-1-2" in found


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(RenderError, match="unknown format 'pdf'"):
        render(itures.load(SEED_YAML), "pdf")


@SETTINGS
@given(documents())
def test_any_document_gives_valid_html_with_all_its_text(data: dict[str, Any]) -> None:
    res = Resolution.model_validate(data)
    page = render(res, "html")
    strict_parse(page)
    found = ids(page)
    assert len(found) == len(set(found))
    text = flat(tree(page).text_content())
    for _, value in res.texts():
        assert words(value) in text
    for item in [i for s in res.preamble for it in s.items for i in it.walk()]:
        if item.label is not None:
            assert flat(item.label) in text


@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
@pytest.mark.parametrize(
    ("language", "place", "line", "heading_mark"),
    [
        ("ar", "دبي", "ملغاة (دبي، 2018)", "،"),
        ("zh", "迪拜", "已废止（2018年，迪拜）", "（"),
        ("fr", "Dubaï", "Abrogée (Dubaï, 2018)", ","),
    ],
)
def test_the_abrogation_is_punctuated_as_the_heading_of_its_language(
    fmt: str, language: str, place: str, line: str, heading_mark: str
) -> None:
    """The Arabic comma; in Chinese full-width parentheses and the year first,
    as the heading above it writes them."""
    res = model(
        CLEAN,
        language=language,
        history=[
            {"event": "adopted", "place": place, "year": 1994},
            {"event": "abrogated", "place": place, "year": 2018},
        ],
    )
    assert heading_mark in res.heading
    page = render(res, fmt)
    if fmt == "html":
        assert tree(page).xpath("string(//p[@class='abrogated'])") == line
    else:
        assert line in page


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_link_to_a_later_revision_than_the_citation_names_says_so(fmt: str) -> None:
    """'(Rév. Johannesburg, 2008)' of a resolution the corpus holds as revised
    in 2012: the link goes to that text, and its title says so, in the
    document's language; a citation of the revision held, or of none, says
    nothing."""
    wtsa57 = model(WTSA57)
    assert wtsa57.revision_years()[-1] == 2012
    citing = model(
        itures.load(SEED_YAML).model_dump(),
        conference="[la Résolution 57 (Rév. Johannesburg, 2008)](wtsa:57@2008) et "
        "[la Résolution 57](wtsa:57@2012) et [décide 9](wtsa:57#resolves/9)",
    )
    page = render(citing, fmt, index=index_of(wtsa57, citing))
    said = "Le texte révisé en 2012 (la citation nomme celui de 2008)"
    if fmt == "md":
        assert f'[la Résolution 57 (Rév. Johannesburg, 2008)](../../wtsa/57/fr.md "{said}")' in page
        assert page.count(said) == 1
        return
    root = tree(page)
    titles = {a.text_content(): a.get("title") for a in root.iter("a") if a.get("data-target")}
    assert titles["la Résolution 57 (Rév. Johannesburg, 2008)"] == said
    assert titles["la Résolution 57"] is None and titles["décide 9"] is None
    assert [t for t in titles.values() if t] == [said]
