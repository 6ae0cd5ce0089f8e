"""HTML: one self-contained page per resolution, in ITU layout.

The page is HTML5 with its CSS inline (no external resource), ``lang`` set
(``dir="rtl"`` for Arabic), and everything from the document escaped. The
layout follows ITU's: the heading in capitals (CSS: the text stays as
derived, "RÉSOLUTION 59 (Rév. Buenos Aires, 2017)"), the title in bold,
the conference formula, the section headings in italics, labels and text
with a hanging indent, annexes, then the footnotes after a short rule.

Every section, item, clause, annex and footnote has its id
(:mod:`itures.render.layout`); a citation is a link to the cited
resolution's page, ``../../wtsa/17/fr.html#resolves-3``, and keeps its
target in ``data-target``; a footnote marker is a superscript link to its
note, and the note links back. Sections and clauses carry the actors they
address in ``data-actors`` and ``data-partners``.
"""

from __future__ import annotations

from html import escape

from itures.model import markup
from itures.render.layout import AnnexPart, Layout, Section, Unit, abrogated_line, safe_text

__all__ = ["render"]

CSS = """\
body{font-family:"Times New Roman",Times,serif;line-height:1.45;max-width:44em;\
margin:2em auto;padding:0 1em;color:#111;background:#fff}
h1{font-size:1.1em;font-weight:normal;text-align:center;margin:0 0 1.5em}
h1 .resno{display:block;text-transform:uppercase}
h1 .restitle{display:block;font-weight:bold;margin-top:1em}
.abrogated{text-align:center;font-style:italic}
.call{font-size:1em;font-weight:normal;font-style:italic;margin:1.2em 0 .5em 2.5em}
ol{list-style:none;margin:0;padding:0}
li{margin:.35em 0;padding-left:2.5em;text-indent:-2.5em}
.num{display:inline-block;min-width:2.5em;text-indent:0}
.annex{margin-top:3em}
.annex-heading{font-size:1em;font-weight:normal;text-align:center}
.annex-title{font-weight:bold;text-align:center}
.footnotes{font-size:.9em;margin-top:2em}
.footnotes hr{width:12em;margin:0 0 .5em;border:0;border-top:1px solid #111}
sup{line-height:0}
a{color:inherit}
"""


def _e(text: str) -> str:
    return escape(safe_text(text), quote=True)


class _Html:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.first_marker: dict[str, str] = {}

    def inline(self, text: str, *, markup_on: bool = True) -> str:
        if not markup_on:
            return _e(text)
        spans, _ = markup.parse(text)
        out: list[str] = []
        for span in spans:
            if isinstance(span, markup.Text):
                out.append(_e(span.text))
            elif isinstance(span, markup.FootnoteRef):
                out.append(self.marker(span.id))
            else:
                out.append(self.citation(span))
        return "".join(out)

    def marker(self, fid: str) -> str:
        note = self.layout.note_id(fid)
        if note is None:  # footnote-undefined: shown, linked to nothing
            return f'<sup class="fnref undefined">{_e(fid)}</sup>'
        mid = self.layout.marker_id(fid)
        self.first_marker.setdefault(fid, mid)
        return (
            f'<sup class="fnref"><a id="{_e(mid)}" href="#{_e(note)}" '
            f'role="doc-noteref">{_e(fid)}</a></sup>'
        )

    def citation(self, cite: markup.Citation) -> str:
        pieces = self.layout.pieces(cite)
        target = _e(cite.target)
        if len(pieces) == 1:
            href = self.layout.href(cite.resolutions[0], cite.fragment, ".html")
            if href is None:
                return f'<span class="citation" data-target="{target}">{_e(cite.text)}</span>'
            later = self.layout.later(cite)
            said = f' title="{_e(later)}"' if later else ""
            kind = "citation later" if later else "citation"
            return (
                f'<a class="{kind}" href="{_e(href)}" data-target="{target}"{said}>'
                f"{_e(cite.text)}</a>"
            )
        parts: list[str] = []
        for words, ref in pieces:
            href = self.layout.href(ref, (), ".html") if ref is not None else None
            if href is None:
                parts.append(_e(words))
            else:
                later = self.layout.later(cite, ref)
                said = f' class="later" title="{_e(later)}"' if later else ""
                parts.append(
                    f'<a href="{_e(href)}" data-target="{_e(str(ref))}"{said}>{_e(words)}</a>'
                )
        return f'<span class="citation" data-target="{target}">{"".join(parts)}</span>'

    # -- blocks -----------------------------------------------------------------------
    def units(self, units: tuple[Unit, ...], out: list[str], kind: str) -> None:
        out.append(f'<ol class="{kind}">')
        for unit in units:
            attrs = f' id="{_e(unit.id)}"'
            actors = getattr(unit.source, "actors", None)
            partners = getattr(unit.source, "partners", None)
            if actors:
                attrs += f' data-actors="{_e(" ".join(actors))}"'
            if partners:
                attrs += f' data-partners="{_e(" ".join(partners))}"'
            num = f'<span class="num">{_e(unit.label)}</span> ' if unit.label is not None else ""
            out.append(f"<li{attrs}>{num}{self.inline(unit.text)}")
            if unit.children:
                self.units(unit.children, out, kind)
                out.append("</li>")
            else:
                out[-1] += "</li>"
        out.append("</ol>")

    def section(self, section: Section, out: list[str], heading_markup: bool) -> None:
        cls = "operative-section" if section.operative else "recitals"
        attrs = f' id="{_e(section.id)}" data-verb="{_e(section.verb)}"'
        if section.actors:
            attrs += f' data-actors="{_e(" ".join(section.actors))}"'
        if section.partners:
            attrs += f' data-partners="{_e(" ".join(section.partners))}"'
        out.append(f'<section class="{cls}"{attrs}>')
        heading = self.inline(section.heading, markup_on=heading_markup)
        out.append(f'<h2 class="call">{heading}</h2>')
        self.units(section.units, out, "clauses" if section.operative else "items")
        out.append("</section>")

    def annex(self, annex: AnnexPart, out: list[str]) -> None:
        out.append(f'<section class="annex" id="{_e(annex.id)}">')
        out.append(f'<h2 class="annex-heading">{_e(annex.heading)}</h2>')
        if annex.title is not None:
            out.append(f'<p class="annex-title">{self.inline(annex.title)}</p>')
        self.units(annex.units, out, "items")
        out.append("</section>")

    def document(self) -> str:
        layout = self.layout
        res = layout.resolution
        direction = ' dir="rtl"' if res.language == "ar" else ""
        title_plain = " ".join(markup.plain(res.title).split())
        out = [
            "<!DOCTYPE html>",
            f'<html lang="{res.language}"{direction}>',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(res.heading)} – {_e(title_plain)}</title>",
            f"<style>\n{CSS}</style>",
            "</head>",
            "<body>",
            f'<article class="resolution" data-body="{_e(res.body)}" '
            f'data-number="{_e(res.number)}" data-kind="{_e(res.kind)}">',
            "<header>",
            f'<h1><span class="resno">{_e(res.heading)}</span> '
            f'<span class="restitle">{self.inline(res.title)}</span></h1>',
        ]
        if res.abrogated is not None:
            out.append(f'<p class="abrogated">{abrogated_line(res, _e)}</p>')
        out.append("</header>")
        if res.conference is not None:
            out.append(f'<p class="formula">{self.inline(res.conference)}</p>')
        if layout.preamble:
            out.append('<section class="preamble">')
            for section in layout.preamble:
                self.section(section, out, heading_markup=False)
            out.append("</section>")
        if layout.operative:
            out.append('<section class="operative">')
            for section in layout.operative:
                self.section(section, out, heading_markup=True)
            out.append("</section>")
        for annex in layout.annexes:
            self.annex(annex, out)
        if layout.notes:
            out.append('<section class="footnotes" role="doc-endnotes">')
            out.append("<hr>")
            out.append("<ol>")
            for note in layout.notes:
                text = self.inline(note.text)
                back = self.first_marker.get(note.id)
                link = (
                    f' <a class="backlink" href="#{_e(back)}" role="doc-backlink">↩</a>'
                    if back
                    else ""
                )
                out.append(
                    f'<li id="{_e(note.html_id)}"><span class="num">{_e(note.id)}</span> '
                    f"{text}{link}</li>"
                )
            out.append("</ol>")
            out.append("</section>")
        out.extend(["</article>", "</body>", "</html>"])
        return "\n".join(out) + "\n"


def render(layout: Layout) -> str:
    """The HTML page of a laid-out resolution."""
    return _Html(layout).document()
