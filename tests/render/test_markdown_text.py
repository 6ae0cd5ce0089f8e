"""Markdown and plain text: ITU layout, labels as stored, escaping, wrapping."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lhtml
from markdown_it import MarkdownIt

import itures
from itures.model import markup
from itures.model.resolution import Resolution
from itures.render import render
from itures.render.layout import safe_text
from itures.render.text import _WIDE
from tests.conftest import CLEAN, SEED_YAML
from tests.render.helpers import SETTINGS, WTSA57, flat, index_of, model
from tests.strategies import documents


def md_html(text: str) -> str:
    """The Markdown as a CommonMark reader shows it (HTML)."""
    return MarkdownIt("commonmark").render(text)


def norm(text: str) -> str:
    """Whitespace collapsed; what markup cannot carry (U+FFFD) counted as whitespace."""
    return " ".join(safe_text(text).replace("\ufffd", " ").split())


def md_text(text: str) -> str:
    page = safe_text(md_html(text)) or "<p></p>"
    return norm(lhtml.fragment_fromstring(page, create_parent="div").text_content())


def md_words(text: str) -> str:
    """What Markdown shows of a text: citation words, footnote markers as [^1]."""
    spans, _ = markup.parse(text)
    shown = "".join(
        s.text if isinstance(s, markup.Text | markup.Citation) else f"[^{s.id}]" for s in spans
    )
    return norm(shown)


# -- Markdown -------------------------------------------------------------------------


def test_markdown_of_the_seed() -> None:
    text = render(itures.load(SEED_YAML), "md")
    lines = text.splitlines()
    assert lines[0] == "# RÉSOLUTION 59 (Rév. Buenos Aires, 2017)"
    assert lines[2].startswith("## Renforcer la coordination")
    assert '<a id="recalling"></a>*rappelant*' in lines
    assert "[^1]: " in text and "développement[^1] et pays" in text
    # the stray 5 is a paragraph labelled 5, never a renumbered list item
    assert any(line.startswith('<a id="instructs-5"></a>5 d\'inviter') for line in lines)
    page = md_html(text)
    assert "<ol" not in page and "<ul" not in page


def test_markdown_labels_are_never_list_markers() -> None:
    res = model(
        CLEAN,
        operative=[
            {
                "verb": "resolves",
                "heading": "resolves",
                "clauses": [
                    {"label": "1.", "text": "one;"},
                    {"label": "5.", "text": "five;"},
                    {"label": "-", "text": "dash;"},
                    {"label": "#", "text": "hash."},
                ],
            }
        ],
    )
    page = md_html(render(res, "md"))
    assert "<ol" not in page and "<ul" not in page and "<h1>1" not in page
    shown = md_text(render(res, "md"))
    for label, text in [("1.", "one;"), ("5.", "five;"), ("-", "dash;"), ("#", "hash.")]:
        assert f"{label} {text}" in shown


def test_markdown_escapes_inline_syntax() -> None:
    evil = "*not bold* _no_ `code` [link](http://x) <b>tag</b> & &amp; # ~~x~~ ![i](y)"
    res = model(
        CLEAN,
        title=evil,
        conference="1. not a list",
        preamble=[
            {
                "verb": "considering",
                "heading": "con*sid*ering",
                "items": [{"label": "a)", "text": evil}],
            }
        ],
    )
    page = md_html(render(res, "md"))
    root = lhtml.fragment_fromstring(page, create_parent="div")
    assert not root.xpath("//strong[not(ancestor::h2)]|//code|//img|//b|//ol")
    assert [a.get("href") for a in root.iter("a") if a.get("href")] == []
    shown = flat(root.text_content())
    assert flat(evil) in shown
    assert "1. not a list" in shown
    assert "con*sid*ering" in shown


def test_markdown_links_between_renderings() -> None:
    wtsa57 = model(WTSA57)
    citing = model(CLEAN, conference="[resolves 2.1 of Resolution 57](wtsa:57@2012#resolves/2/2.1)")
    text = render(citing, "md", index=index_of(wtsa57, citing))
    assert "[resolves 2.1 of Resolution 57](../../wtsa/57/fr.md#resolves-2-1)" in text
    assert '<a id="resolves-2-1"></a>2.1 au Conseil[^1];' in render(wtsa57, "md")


@SETTINGS
@given(documents())
def test_any_document_reads_in_markdown_as_stored(data: dict[str, Any]) -> None:
    res = Resolution.model_validate(data)
    shown = md_text(render(res, "md"))
    for _, value in res.texts():
        assert md_words(value) in shown


# -- plain text -----------------------------------------------------------------------


def test_text_of_the_seed_in_itu_layout() -> None:
    text = render(itures.load(SEED_YAML), "txt")
    lines = text.splitlines()
    assert lines[0].strip() == "RÉSOLUTION 59 (RÉV. BUENOS AIRES, 2017)"
    assert "    rappelant" in lines
    assert "a)  [la" not in text  # citations are their words
    assert any(
        line.startswith("a)  la Résolution\xa0123 (Rév. Guadalajara, 2010)") for line in lines
    )
    assert "développement¹ et pays" in flat(text)
    assert any(line.startswith("5   d'inviter le Directeur du BDT") for line in lines)
    rule = lines.index("_" * 20)
    assert lines[rule + 1].startswith("¹   Par pays en développement")
    assert all(len(line) <= 80 for line in lines)


def test_text_nests_and_hangs_labels() -> None:
    text = render(model(WTSA57), "txt", width=60)
    lines = text.splitlines()
    assert "2   de faire rapport:" in lines
    assert "    2.1 au Conseil¹;" in lines
    assert "                          ANNEXE 2" in lines
    assert "a)  Un." in lines


def test_text_without_wrapping_is_one_line_a_paragraph() -> None:
    res = itures.load(SEED_YAML)
    text = render(res, "txt", width=0)
    clause = res.operative[0].clauses[0]
    assert f"1   {markup.plain(clause.text)}" in text.splitlines()


@SETTINGS
@given(documents(), st.sampled_from([0, 30, 80]))
def test_any_document_in_text_keeps_every_word(data: dict[str, Any], width: int) -> None:
    res = Resolution.model_validate(data)
    text = render(res, "txt", width=width)
    # (a control character is shown as U+FFFD, or taken as a blank where
    # Python takes it so, '\x0c': compared as a blank on both sides)
    shown = norm(text)
    bare = "".join(shown.split())
    for _, value in res.texts():
        words = norm(markup.plain(value))
        if _WIDE.search(words):
            # (text of wide characters breaks between them, where it has no
            # blank: every character kept, in order, the breaks aside)
            assert "".join(words.split()) in bare, value
        else:
            assert words in shown, value
    assert shown


def test_a_note_no_marker_names_is_a_paragraph_a_markdown_reader_shows() -> None:
    """GitHub's Markdown drops a footnote definition nothing refers to: the
    note nobody marks is a paragraph of its own, the marked one stays a
    definition."""
    res = itures.load(SEED_YAML)
    notes = [
        *res.footnotes,
        res.footnotes[0].model_copy(update={"id": "7", "text": "Lone *note*."}),
    ]
    text = render(res.model_copy(update={"footnotes": notes}), "md")
    assert "[^1]: " in text
    assert "[^7]" not in text
    [line] = [line for line in text.splitlines() if "Lone" in line]
    assert line == '<a id="fn-7"></a><sup>7</sup> Lone \\*note\\*.'
    assert '<p><a id="fn-7"></a><sup>7</sup> Lone *note*.</p>' in MarkdownIt("commonmark").enable(
        "html_inline"
    ).render(text)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
def test_markdown_and_text_send_no_control_character_to_a_reader(words: str) -> None:
    """Whatever a text holds (escaped in the file: '\\x01', '\\ufffe'), Markdown
    and plain text carry no C0 or C1 control but tab and line ends, nor a
    noncharacter: U+FFFD in its place, as in HTML and Akoma Ntoso."""
    import re

    res = itures.load(SEED_YAML)
    clauses = [c.model_copy(update={"text": f"de {words} agir;"}) for c in res.operative[0].clauses]
    section = res.operative[0].model_copy(update={"clauses": clauses})
    res = res.model_copy(update={"operative": [section, *res.operative[1:]]})
    bad = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
    for fmt in ("md", "txt"):
        page = render(res, fmt)
        assert bad.search(page) is None, (fmt, bad.search(page))
