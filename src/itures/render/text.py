"""Plain text in ITU layout.

::

                 RÉSOLUTION 59 (RÉV. BUENOS AIRES, 2017)

     Renforcer la coordination et la coopération entre les trois Secteurs
                  sur des questions d'intérêt mutuel

    La Conférence mondiale de développement des télécommunications (Buenos
    Aires, 2017),

        rappelant

    a)  la Résolution 123 (Rév. Guadalajara, 2010) de la Conférence de
        plénipotentiaires, intitulée "Réduire l'écart ... pays en
        développement¹ et pays développés";

    ____________________
    ¹   Par pays en développement, on entend aussi ...

The heading is centred and in capitals (as ITU prints it), the title
centred; section headings are indented (ITU's italic "Call" style, which
plain text cannot show); labels hang in a column of four characters (wider
for a longer label), nested entries one column further. Citations are their
words; a footnote marker is its number in superscript (¹, ²; ``[a]`` for a
mark that is not a number), and the notes follow a rule at the end.

``width`` is the line length (80 by default); 0 writes each paragraph on one
line. Lines are broken at spaces only, never inside a word or at a hyphen, so
the text reads exactly as stored, non-breaking spaces kept. A text in Chinese
or Japanese, which has no spaces, is also broken between two of its wide
characters, but never before a closing mark (，。；：）」…) nor after an
opening one (（「《…), as those languages break lines; widths are display
widths there (a wide character takes two columns, for the line length and for
centring). The width is kept however narrow: only a word longer than the
text's column has a line of its own, longer than asked.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

from itures.model import markup
from itures.render.layout import Layout, Unit, abrogated_line, safe_text

__all__ = ["render"]

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")
_INDENT = 4
RULE = "_" * 20


def _mark(fid: str) -> str:
    return fid.translate(_SUPERSCRIPT) if fid.isdigit() and fid.isascii() else f"[{fid}]"


def _flat(text: str) -> str:
    return _BREAKS.sub(" ", text)


# a character of two columns (Chinese, Japanese, full-width forms): the quick test
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)
# no line starts with these (closing marks), none ends with those (opening marks)
_NO_START = frozenset("，。、；：！？）】」』》〉〕〗〙〛”’…‥・ー）］｝，．：；！？%％")
_NO_END = frozenset("（【「『《〈〔〖〘〚“‘（［｛")


def _columns(text: str) -> int:
    """The display width of ``text``: two columns for a wide character, none
    for a combining mark."""
    n = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n


def _chunks(text: str) -> list[str]:
    """``text`` cut where a line may break: at blanks (kept as chunks of their
    own), and beside a wide character (between two, or between one and a run
    of narrow characters: a Latin word, a number), but not before a closing
    mark nor after an opening one; a run of narrow characters is not cut."""
    out: list[str] = []
    for piece in re.split(r"([ \t\n]+)", text):
        if not piece:
            continue
        if piece.isspace():
            out.append(" ")
            continue
        current = ""
        for ch in piece:
            if (
                current
                and (_WIDE.match(ch) or _WIDE.match(current[-1]))
                and ch not in _NO_START
                and current[-1] not in _NO_END
            ):
                out.append(current)
                current = ""
            current += ch
        out.append(current)
    return out


def _wrap_wide(text: str, first: int, rest: int) -> list[str]:
    """Lines of at most ``first`` (the first), then ``rest`` display columns
    (a chunk wider than a line has one of its own): see :func:`_chunks`."""
    lines: list[str] = []
    line, used = "", 0
    for chunk in _chunks(text.strip()):
        size = _columns(chunk)
        limit = first if not lines else rest
        if chunk == " ":
            if line:
                line, used = line + " ", used + 1
            continue
        if line and used + size > limit:
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + chunk, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class _Text:
    def __init__(self, layout: Layout, width: int) -> None:
        self.layout = layout
        self.width = width

    def inline(self, text: str, *, markup_on: bool = True) -> str:
        if not markup_on:
            return _flat(text)
        spans, _ = markup.parse(text)
        out: list[str] = []
        for span in spans:
            if isinstance(span, markup.Text):
                out.append(span.text)
            elif isinstance(span, markup.FootnoteRef):
                out.append(_mark(span.id))
            else:
                out.append(span.text)
        return _flat("".join(out))

    def para(self, text: str, indent: int = 0, hang: str = "") -> list[str]:
        if self.width > 0 and _WIDE.search(text):
            first = " " * indent + hang
            lead = max(_columns(first) + 1, indent + _INDENT) if hang else indent
            width = max(self.width, lead + 1)
            lines = _wrap_wide(text, width - lead, width - lead)
            pad = " " * lead
            head = first + " " * (lead - _columns(first))
            return [(head if i == 0 else pad) + line for i, line in enumerate(lines)] or [
                first.rstrip()
            ]
        return self._para(text, indent, hang)

    def _para(self, text: str, indent: int = 0, hang: str = "") -> list[str]:
        """A paragraph: ``hang`` (a label) in the first ``indent`` columns."""
        first = " " * indent + hang
        lead = max(len(first) + 1, indent + _INDENT) if hang else indent
        first = first.ljust(lead)
        rest = " " * lead
        if self.width <= 0:
            return [(first + text.strip()).rstrip()]
        wrapper = textwrap.TextWrapper(
            width=max(self.width, lead + 1),
            initial_indent=first,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        )
        return wrapper.wrap(text) or [first.rstrip()]

    def centred(self, text: str) -> list[str]:
        if self.width <= 0:
            return [text.strip()]
        if _WIDE.search(text):
            return [
                (" " * max(0, (self.width - _columns(line)) // 2) + line).rstrip()
                for line in _wrap_wide(text, self.width, self.width)
            ]
        lines = textwrap.wrap(
            text, width=self.width, break_long_words=False, break_on_hyphens=False
        )
        return [line.center(self.width).rstrip() for line in lines]

    def units(self, units: tuple[Unit, ...], indent: int, out: list[str]) -> None:
        for unit in units:
            out.extend(self.para(self.inline(unit.text), indent, _flat(unit.label or "")))
            out.append("")
            if unit.children:
                label = unit.label or ""
                step = max(_INDENT, len(label) + 1) if label else _INDENT
                self.units(unit.children, indent + step, out)

    def document(self) -> str:
        layout = self.layout
        res = layout.resolution
        out = [*self.centred(res.heading.upper()), ""]
        out += [*self.centred(self.inline(res.title)), ""]
        if res.abrogated is not None:
            out += [*self.centred(abrogated_line(res)), ""]
        if res.conference is not None:
            out += [*self.para(self.inline(res.conference)), ""]
        for section in [*layout.preamble, *layout.operative]:
            heading = self.inline(section.heading, markup_on=section.operative)
            out += [*self.para(heading, _INDENT), ""]
            self.units(section.units, 0, out)
        for annex in layout.annexes:
            out += ["", *self.centred(_flat(annex.heading)), ""]
            if annex.title is not None:
                out += [*self.centred(self.inline(annex.title)), ""]
            self.units(annex.units, 0, out)
        if layout.notes:
            out.append(RULE)
            for note in layout.notes:
                out.extend(self.para(self.inline(note.text), 0, _mark(note.id)))
        while out and out[-1] == "":
            out.pop()
        return "\n".join(out) + "\n"


def render(layout: Layout, width: int = 80) -> str:
    """The plain text of a laid-out resolution, lines of at most ``width`` columns
    (longer only where a word is longer); a control character or a
    noncharacter of a text shown as U+FFFD (:func:`safe_text`)."""
    return safe_text(_Text(layout, width).document())
