"""Markdown (CommonMark, with GitHub's footnotes) in ITU layout.

* ``# RÉSOLUTION 59 (Rév. Buenos Aires, 2017)``, then the title as ``##``;
  the conference formula as a paragraph;
* section headings in italics (``*rappelant*``), each item or clause a
  paragraph that starts with an anchor and its label as written:
  ``<a id="recalling-a"></a>a\\) la Résolution ...``; nested entries are
  paragraphs too (Markdown indents only lists and code, and a label is
  not a list marker), their label and id say where they belong;
* citations are links to the cited resolution's Markdown file
  (``[la Résolution 57](../../wtsa/57/fr.md)``), footnote markers stay
  ``[^1]`` and the notes are ``[^1]: text`` definitions at the end (a
  note no marker names, which GitHub's Markdown would drop, a paragraph
  ``<sup>3</sup> text`` there);
* annexes: the heading as ``##``, the title in bold.

Labels are never list markers: Markdown would renumber a list ("1, 2, 5"
would read "1, 2, 3"). Every item and clause paragraph starts with its
anchor, so a label never stands at the start of a line where Markdown
reads block syntax; the conference formula and the title, which do, have
their first character escaped when it would open a list or a rule. In
labels and texts, the characters that start inline syntax are escaped
(``\\*``, ``\\_``, ``\\[``, ``\\<``, ``\\#``, ...), so a text reads as stored.
Line breaks inside a text become spaces: a paragraph is one line.
"""

from __future__ import annotations

import re

from itures.model import markup
from itures.render.layout import AnnexPart, Layout, Section, Unit, abrogated_line, safe_text

__all__ = ["escape", "render"]

# ASCII punctuation that can open or close inline syntax anywhere in a line
_INLINE = re.compile(r"([\\`*_\[\]<>!&|~#])")
_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")


def escape(text: str) -> str:
    """Text as Markdown that reads as the text: inline syntax escaped, one line."""
    return _INLINE.sub(r"\\\1", _BREAKS.sub(" ", text))


# what opens a block at the start of a line: a list item, a thematic break
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")


def _line(text: str) -> str:
    """Markdown text placed at the start of a line: no block syntax there."""
    text = text.lstrip(" \t")
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text, count=1)


def _url(href: str) -> str:
    """A link destination: percent-encoded already; parentheses and spaces made safe."""
    return href.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


class _Markdown:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.marked: set[str] = set()  # the ids of the notes a marker names

    def inline(self, text: str, *, markup_on: bool = True) -> str:
        if not markup_on:
            return escape(text)
        spans, _ = markup.parse(text)
        out: list[str] = []
        for span in spans:
            if isinstance(span, markup.Text):
                out.append(escape(span.text))
            elif isinstance(span, markup.FootnoteRef):
                defined = self.layout.note_id(span.id) is not None
                out.append(f"[^{span.id}]" if defined else escape(f"[^{span.id}]"))
                self.marked.add(span.id)
            else:
                out.append(self.citation(span))
        return "".join(out)

    def citation(self, cite: markup.Citation) -> str:
        parts: list[str] = []
        pieces = self.layout.pieces(cite)
        for words, ref in pieces:
            fragment = cite.fragment if len(pieces) == 1 else ()
            href = self.layout.href(ref, fragment, ".md") if ref is not None else None
            if href is None:
                parts.append(escape(words))
            else:
                later = self.layout.later(cite, ref)
                # (a link to a later revision than the words name says so in its title)
                said = ' "' + later.replace('"', "'") + '"' if later else ""
                parts.append(f"[{escape(words)}]({_url(href)}{said})")
        return "".join(parts)

    def units(self, units: tuple[Unit, ...], out: list[str]) -> None:
        for unit in units:
            label = f"{escape(unit.label)} " if unit.label is not None else ""
            out.append(f'<a id="{unit.id}"></a>{label}{self.inline(unit.text)}')
            out.append("")
            self.units(unit.children, out)

    def emphasis(self, text: str) -> str:
        inner = text.strip()
        return f"*{inner}*" if inner else ""

    def section(self, section: Section, out: list[str]) -> None:
        heading = self.inline(section.heading, markup_on=section.operative)
        out.append(f'<a id="{section.id}"></a>{self.emphasis(heading)}')
        out.append("")
        self.units(section.units, out)

    def annex(self, annex: AnnexPart, out: list[str]) -> None:
        out.append(f'## <a id="{annex.id}"></a>{escape(annex.heading)}')
        out.append("")
        if annex.title is not None:
            title = self.inline(annex.title).strip()
            if title:
                out.append(f"**{title}**")
                out.append("")
        self.units(annex.units, out)

    def document(self) -> str:
        layout = self.layout
        res = layout.resolution
        out = [f"# {escape(res.heading)}", "", f"## {_line(self.inline(res.title))}", ""]
        if res.abrogated is not None:
            out += [f"*{abrogated_line(res, escape)}*", ""]
        if res.conference is not None:
            out += [_line(self.inline(res.conference)), ""]
        for section in [*layout.preamble, *layout.operative]:
            self.section(section, out)
        for annex in layout.annexes:
            self.annex(annex, out)
        texts = [self.inline(note.text) for note in layout.notes]
        for note, text in zip(layout.notes, texts, strict=True):
            anchor = f'<a id="{note.html_id}"></a>'
            if note.id in self.marked:
                out.append(f"[^{note.id}]: {anchor}{text}")
            else:
                # (a note no marker names: a footnote definition would be
                # dropped by GitHub's Markdown, so a paragraph of its own)
                out.append(f"{anchor}<sup>{escape(note.id)}</sup> {text}")
            out.append("")
        while out and out[-1] == "":
            out.pop()
        return "\n".join(out) + "\n"


def render(layout: Layout) -> str:
    """The Markdown text of a laid-out resolution; a control character or a
    noncharacter of a text (which a YAML file holds only escaped) shown as
    U+FFFD, as HTML and Akoma Ntoso show it (:func:`safe_text`), never sent
    to a reader's terminal."""
    return safe_text(_Markdown(layout).document())
