"""Word exports as plain text (the format of the seed) -> a resolution.

What Word writes when a document is saved or copied as text, and how it is read:

* ``[bookmark: _Toc394060856]``: bookmarks, dropped (Word's markup, not text);
* ``[footnoteRef:1]1``: a footnote reference and its mark -> ``[^1]``;
* ``[1: 1<TAB>text]``: the footnote's body, written after the paragraph that
  refers to it (it may span lines) -> the ``footnotes`` list;
* one paragraph per line, labels ended by a tab (``a)<TAB>``), a line break
  inside a paragraph as a new line (joined again, see :mod:`.paragraphs`);
* the closing rule line ``______________`` (dropped).

Non-breaking spaces (U+00A0) and hyphens (U+2011) are kept as published.
"""

from __future__ import annotations

import re

from itures.i18n import tr
from itures.importers.build import Imported, ImportFailure
from itures.importers.paragraphs import Para, build

__all__ = ["parse_text", "read"]

_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:(?P<id>[^\]\s]+)\](?P=id)?")
_FOOTNOTE_BODY = re.compile(r"\[(?P<id>\d+|[*†‡§]+):[ \t]")


def decode(data: bytes, source: str | None = None) -> str:
    """Text from the bytes Word writes: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252.

    UTF-16 without its byte order mark (every other byte NUL in a text of
    Latin letters) is refused, and said so (``source``: where): Word writes
    the mark, and without it the encoding is a guess.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    order = _utf16_order(data)
    if order is not None:
        raise ImportFailure(
            tr(
                "the text is UTF-16 ({order}) without a byte order mark: save it again "
                "from Word as text with the encoding 'Unicode' (which writes the mark) or "
                "'Unicode (UTF-8)'",
                order=order,
            ),
            where=source,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _utf16_order(data: bytes) -> str | None:
    """'little-endian' or 'big-endian' when ``data`` reads as UTF-16 without
    its byte order mark: most bytes at odd (even) places NUL, and few at the
    others (a NUL byte or two in a text is a defect of the text, said by check)."""
    head = data[:4000]
    if len(head) < 8 or head.count(0) * 4 < len(head):
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) * 10 >= len(odd) * 9 and even.count(0) * 10 < len(even):
        return "little-endian"
    if even.count(0) * 10 >= len(even) * 9 and odd.count(0) * 10 < len(odd):
        return "big-endian"
    return None


def _footnote_bodies(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Cut ``[N: N<TAB>text]`` bodies out of the text, keeping the line count.

    What follows a body on its line stays on that line (the line breaks of a
    body of several lines are put after it, where its line ends), and the
    blank before the body and the one after it become one blank: the body
    was the words between them.
    """
    out: list[str] = []
    notes: list[tuple[str, str]] = []
    pos = 0
    pending = 0  # the line breaks of cut bodies, due at the end of the line

    def keep(chunk: str) -> None:
        nonlocal pending
        if pending and "\n" in chunk:
            at = chunk.index("\n")
            chunk = chunk[:at] + "\n" * pending + chunk[at:]
            pending = 0
        out.append(chunk)

    while True:
        m = _FOOTNOTE_BODY.search(text, pos)
        if m is None:
            break
        depth, i = 1, m.end()
        while i < len(text) and depth:
            if text[i] == "[":
                depth += 1
            elif text[i] == "]":
                depth -= 1
            i += 1
        if depth:  # never closed: not a footnote body
            keep(text[pos : m.end()])
            pos = m.end()
            continue
        inner = text[m.end() : i - 1]
        fid = m.group("id")
        inner = re.sub(rf"^\s*{re.escape(fid)}?\s*\t?", "", inner, count=1)
        notes.append((fid, " ".join(inner.split())))
        keep(text[pos : m.start()])
        pending += inner.count("\n")
        if text[m.start() - 1 : m.start()] in (" ", "\t", "\u00a0"):
            while i < len(text) and text[i] in " \t\u00a0":
                i += 1  # (the blank before the body stands for both)
        pos = i
    keep(text[pos:])
    if pending:
        out.append("\n" * pending)
    return "".join(out), notes


def parse_text(
    text: str, *, source: str, body: str | None = None, language: str | None = None
) -> Imported:
    """Import the text of a Word export."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text, footnotes = _footnote_bodies(text)
    text = _FOOTNOTE_REF.sub(lambda m: f"[^{m.group('id')}]", text)
    text = _BOOKMARK.sub("", text)
    paras = [Para(line, tr("line {n}", n=n)) for n, line in enumerate(text.split("\n"), start=1)]
    return build(paras, footnotes, source=source, body=body, language=language)


def read(path: str, *, body: str | None = None, language: str | None = None) -> Imported:
    from itures.importers.source import read_source

    data = read_source(path)
    return parse_text(decode(data, source=path), source=path, body=body, language=language)
