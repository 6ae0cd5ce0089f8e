"""Positions inside the YAML file for a rule's finding.

:meth:`Document.locate` gives the start of a value; a finding about a
citation in the middle of a folded text needs the line of the citation. This
module maps a character offset in a string value back to the file by walking
the value and the source text side by side: folding turns line breaks and
indentation into one space, quoted styles escape characters, and all of that
is source whitespace or escapes that the walk steps over. When the walk
loses its way (it should not) the start of the value is used.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, NamedTuple

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from itures.yamlio.read import Along, Document

Path = tuple[str | int, ...] | list[str | int]


def nodes_along(doc: Document, parts: Path, *, anchors: bool = False) -> list[Node]:
    """The key and value nodes from the root down to ``parts`` (as far as it exists).

    With ``anchors``, only the nodes a comment can stand before: keys, entries
    of sequences, and the node at ``parts`` itself (not a sequence or mapping
    value of a key, which starts where its first entry or key does).
    """
    node = doc.root
    if node is None:
        return []
    out: list[Node] = [] if anchors else [node]
    last = len(parts) - 1
    for i, part in enumerate(parts):
        if isinstance(node, MappingNode):
            found = doc.keys_of(node).get(str(part))
            if found is None:
                break
            key_node, node = found
            out.append(key_node)
            if not anchors or isinstance(node, ScalarNode) or i == last:
                out.append(node)
        elif (
            isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
        ):
            node = node.value[part]
            out.append(node)  # an entry
        else:
            break
    return out


def _deepest(doc: Document, parts: Path) -> Node | None:
    """The node at ``parts``, or the deepest one along it (the last of :func:`nodes_along`)."""
    return doc.along(parts)[0]


# Where earlier walks along a scalar stopped: (value index, text index) pairs,
# sorted, per node (kept with its text, so that its id is not reused). A long
# text with thousands of findings is walked from the nearest place already
# reached, not from its start for each finding. Those of one file's text at a
# time: another text clears them (a check holds no other file's text and
# nodes for them).
_CHECKPOINTS: dict[int, tuple[ScalarNode, str, list[tuple[int, int]]]] = {}


def _checkpoints(text: str, node: ScalarNode) -> list[tuple[int, int]]:
    kept = _CHECKPOINTS.get(id(node))
    if kept is not None and kept[0] is node and kept[1] is text:
        return kept[2]
    if _CHECKPOINTS and (
        len(_CHECKPOINTS) >= 256 or next(iter(_CHECKPOINTS.values()))[1] is not text
    ):
        _CHECKPOINTS.clear()
    points: list[tuple[int, int]] = []
    _CHECKPOINTS[id(node)] = (node, text, points)
    return points


def _offset_in_source(text: str, node: ScalarNode, value: str, offset: int) -> int | None:
    """The index in ``text`` of character ``offset`` of the scalar's value."""
    j = node.start_mark.index
    end = node.end_mark.index
    style = node.style
    if style in (">", "|"):
        nl = text.find("\n", j, end)
        if nl < 0:
            return None
        j = nl + 1
    elif style in ("'", '"'):
        j += 1
    i = 0
    points = _checkpoints(text, node)
    at = bisect.bisect_right(points, (offset, len(text))) - 1
    if at >= 0:
        i, j = points[at]
    found = _walk(text, value, style, offset, i, j, end)
    if found is None:
        return None
    i, j = found
    if at < 0 or points[at] != (i, j):
        bisect.insort(points, (i, j))
    if value[offset : offset + 1] not in (" ", "\n"):
        # the blanks, and a double-quoted line's continuation, before the character
        # (a no-break space too is a character of the text, written as it is)
        while j < end and (
            text[j] in " \n" or (style == '"' and text[j] == "\\" and text[j + 1 : j + 2] == "\n")
        ):
            j += 2 if text[j] == "\\" else 1
    return j


# A word of the value, and the blanks that fold into one space
_WORD = re.compile(r"\S+")
_BLANKS = re.compile(r"\s+")


def _past_blanks(s: str, start: int, stop: int, blanks: re.Pattern[str] = _BLANKS) -> int:
    """The index of the first character of ``s[start:stop]`` that is not one
    of ``blanks`` (any blank by default), or ``stop``."""
    m = blanks.match(s, start, stop)
    return start if m is None else m.end()


# What a line's fold is made of in the source (its break, blanks trimmed before
# it, the next line's indentation), and in the value (the blank or the breaks
# it becomes): a no-break space is never part of it, but a character of the
# text, written as it is.
_FOLD_SOURCE = re.compile(r"[ \t\r\n]+")
_FOLD_VALUE = re.compile(r"[ \n]+")


def _walk(
    text: str, value: str, style: str | None, offset: int, i: int, j: int, end: int
) -> tuple[int, int] | None:
    """Walk the value from ``i`` and the source from ``j`` until ``offset``.

    A word of the value written as is in the source (the common case) is
    stepped over at once; what differs (an escape, a doubled quote) is walked
    character by character. A folded text's lines are stepped over first
    (:func:`_folded_lines`).
    """
    if style == ">":
        i, j = _folded_lines(text, value, offset, i, j, end)
    while i < offset:
        if j >= end:
            return None
        c = value[i]
        s = text[j]
        if c.isspace():
            if s == c and c != "\n":
                # a blank written as it is, one of a run inside a line ("de  la"):
                # each blank of the run is its own (the run is not folded)
                i += 1
                j += 1
                continue
            if style == '"':
                # a line continued (a backslash at its end) gives no character; a
                # blank written as an escape (of a space, tab, no-break space) gives one
                while text[j : j + 2] == "\\\n":
                    j = _past_blanks(text, j + 2, end, _FOLD_SOURCE)
                n = _escaped_blank(text, j)
                if n:
                    j += n
                    i += 1
                    continue
                if not text[j : j + 1].isspace():
                    i += 1  # the value has a space the source does not (should not happen)
                    continue
                # lines folded into a space or continued, for the value's
                # blanks they make (not one written as an escape after them,
                # nor a no-break space: each its own)
                k = j
                while j < end and (text[j] in " \t\r\n" or text[j : j + 2] == "\\\n"):
                    j += 2 if text[j] == "\\" else 1
                if j == k:  # (blanks of two kinds, neither a fold: one for the other)
                    i, j = i + 1, j + 1
                elif c == " " or c == "\n":
                    i += 1
                    while i < offset and value[i] in " \n" and not _escaped_blank(text, j):
                        i += 1
                continue
            if not s.isspace():
                i += 1  # the value has a space the source does not (should not happen)
                continue
            # a fold: the blank or breaks of the value it makes (a no-break
            # space after it is the text's, found as written)
            k = _past_blanks(text, j, end, _FOLD_SOURCE)
            if k == j:  # (blanks of two kinds, neither a fold: one for the other)
                i, j = i + 1, j + 1
            else:
                j = k
                if c == " " or c == "\n":
                    i = _past_blanks(value, i + 1, offset, _FOLD_VALUE)
            continue
        # the rest of the source line (as far as the offset) or else the next
        # word, stepped over at once when the value has it as written (the
        # line's test of _as_written, inlined: the common step)
        stop = j + offset - i
        if stop > end:
            stop = end
        nl = text.find("\n", j, stop)
        line = text[j : stop if nl < 0 else nl].rstrip()
        n = len(line)
        if n > 1 and value.startswith(line, i) and (style is None or _literal(line, style)):
            i, j = i + n, j + n
            continue
        n = _as_written(text, value, style, i, j, stop)
        if n:
            i, j = i + n, j + n
            continue
        if style == '"' and s == "\\":  # (before s == c: there a backslash starts an escape)
            if text[j + 1 : j + 2] == "\n":  # a line continued: no character of the value
                j = _past_blanks(text, j + 2, end, _FOLD_SOURCE)
                continue
            j += _escape_length(text, j)
            i += 1
        elif s == c:
            if style == "'" and c == "'" and text[j + 1 : j + 2] == "'":
                j += 2
            else:
                j += 1
            i += 1
        elif s.isspace():
            # blanks the value does not have here (a block's indentation):
            # stepped over at once, as one by one (no other test holds on them)
            j = _past_blanks(text, j, end)
        else:
            return None
    return i, j


def _folded_lines(text: str, value: str, offset: int, i: int, j: int, end: int) -> tuple[int, int]:
    """Where :func:`_walk` on a folded text, from ``i`` and ``j``, is when it
    reaches the line of ``offset``: each whole line before it is a run written
    as is, then a fold (the line break and the next line's indentation in the
    source, one blank in the value). The walk goes on from there; anything
    else (a short line, a line ending in a blank, two blanks) is left to it
    from where this stopped, a place the walk passes too.
    """
    if i < offset and j < end and text[j].isspace() and not value[i].isspace():
        j = _past_blanks(text, j, end)  # the first line's indentation
    find = text.find
    while i < offset:
        nl = find("\n", j, end)
        n = nl - j
        if nl < 0 or n < 2 or i + n >= offset or value[i].isspace():
            break
        line = text[j:nl]
        if line[-1].isspace() or not value.startswith(line, i):
            break
        k = i + n  # the walk steps over the line (as written), to the fold
        if not value[k].isspace():
            return k, nl
        j = _past_blanks(text, nl, end, _FOLD_SOURCE)
        i = (
            k + 1
            if not value[k + 1 : k + 2].isspace()
            else _past_blanks(value, k + 1, offset, _FOLD_VALUE)
        )
    return i, j


def _as_written(text: str, value: str, style: str | None, i: int, j: int, stop: int) -> int:
    """How many characters from ``j`` in the source, before ``stop``, are the
    value's from ``i`` as written (no escape, no doubled quote, no line
    break), ending on a character that is not blank: the walk steps over them
    as it would one by one. 0 when there is no such run of two or more.
    """
    nl = text.find("\n", j, stop)
    line = text[j : stop if nl < 0 else nl].rstrip()
    if len(line) > 1 and value.startswith(line, i) and _literal(line, style):
        return len(line)
    # (the word as far as ``stop`` reaches: a word of thousands of characters,
    # zero-width spaces pasted in a row, is not read to its end at each step)
    word = _WORD.match(value, i, i + stop - j)
    if word is None or word.end() - i < 2:
        return 0
    n = min(word.end() - i, stop - j)
    written = value[i : i + n]
    if n > 1 and text.startswith(written, j) and _literal(written, style):
        return n
    return 0


def _literal(run: str, style: str | None) -> bool:
    """Whether ``run`` reads the same in the source as in the value (as far as the walk goes)."""
    if style == "'":
        return "'" not in run
    if style == '"':
        return "\\" not in run
    return True


def _escape_length(text: str, j: int) -> int:
    nxt = text[j + 1 : j + 2]
    return {"x": 4, "u": 6, "U": 10}.get(nxt, 2)


# the blanks a double-quoted scalar writes as an escape of one character
# (what follows the backslash: a space, a tab as written, t, n, r, N, L, _, P,
# v, f; a backslash at a line's end continues the line instead)
_BLANK_ESCAPES = frozenset(" \ttnrNL_Pvf")


def _escaped_blank(text: str, j: int) -> int:
    """The length of the escape at ``text[j]`` in a double-quoted scalar when
    it writes a blank ("\\ ", "\\t", "\\_", "\\u00a0"), else 0."""
    if text[j : j + 1] != "\\":
        return 0
    nxt = text[j + 1 : j + 2]
    if nxt in _BLANK_ESCAPES:
        return 2
    size = {"x": 2, "u": 4, "U": 8}.get(nxt)
    if size is None:
        return 0
    try:
        return 2 + size if chr(int(text[j + 2 : j + 2 + size], 16)).isspace() else 0
    except (ValueError, OverflowError):
        return 0


def locate(doc: Document, parts: Path, offset: int | None, *, key: bool = False) -> tuple[int, int]:
    """1-based (line, column) of ``parts``, or of character ``offset`` of the string there."""
    if offset is None or key:
        return doc.locate(parts, key=key)
    return _at_offset(doc, parts, _deepest(doc, parts), offset)


def _at_offset(doc: Document, parts: Path, node: Node | None, offset: int) -> tuple[int, int]:
    """:func:`locate` at ``offset`` of ``node``, the deepest node along ``parts``."""
    if not isinstance(node, ScalarNode):
        return doc.locate(parts)
    value = node.value
    if not (0 <= offset <= len(value)):
        return doc.locate(parts)
    index = _offset_in_source(doc.text, node, value, offset)
    if index is None:
        return doc.locate(parts)
    return doc.line_column(index, node)


def node_at(doc: Document, parts: Path, key: bool) -> Node | None:
    """The node at ``parts`` (its key with ``key``), None when the path leaves the tree."""
    node, key_node, whole = doc.along(parts)
    if not whole:
        return None
    return key_node if key and key_node is not None else node


def _run_end(
    text: str, node: ScalarNode, value: str, start: int | None, offset: int, last: int
) -> int | None:
    """The index in the source of character ``last`` of the value when the
    characters from ``offset`` (at ``start`` in the source) to ``last`` are
    written there as they are, with no blank, escape or doubled quote among
    them (a word, a label, a mark: most spans): the index a walk from
    ``start`` would reach, without the walk. None otherwise."""
    if start is None:
        return None
    run = value[offset : last + 1]
    n = last - offset
    if (
        start + n < node.end_mark.index
        and run.isprintable()
        and " " not in run
        and _literal(run, node.style)
        and text.startswith(run, start)
    ):
        return start + n
    return None


def _last_visible(text: str, start: int, end: int) -> int:
    """Index of the last non-blank character in ``text[start:end]`` (``start`` if none)."""
    j = min(end, len(text)) - 1
    while j > start and text[j].isspace():
        j -= 1
    return max(j, start)


class _Folded(NamedTuple):
    """A scalar whose value is its source lines joined by one blank, each
    written as is.

    That is the folding of a plain, single-quoted or folded scalar whose
    lines are all indented alike (after the first), with no escape or
    doubled quote, no blank at either end of a line, no two blanks in a row,
    no empty line and no blank other than the space: most texts of a
    resolution. There, character ``d`` of line ``k`` of the value is
    character ``d`` of line ``k``'s text in the source, and the blank that
    joins two lines is the first one's line break, where the walk of
    :func:`_offset_in_source` lands on each of them (a property test compares
    the two on every character of generated texts). A place is found from
    the count of line breaks before it (:func:`_place`), without a walk.
    """

    start: int  # where the value's first character is in the source
    indent: int  # the indentation of the lines after the first
    line: int  # 1-based line of the first character
    column: int  # and its 0-based column
    size: int  # the length of the value without the line breaks a folded one ends with


# A place is found by counting the line breaks from the value's start: a text
# longer than this (thousands of findings in one text would make that
# quadratic) is left to the walk, which resumes from where it stopped last.
_LONG = 4096
# any blank but the space: the lines of such a scalar are left to the walk.
# (Each is a control or separator character, which str.isprintable refuses: a
# text it accepts, most texts that are not ASCII, is not searched for one.)
_ODD_BLANK = re.compile(r"[^\S ]")
_SPACES = re.compile(" *")


def _folded_of(text: str, node: ScalarNode) -> _Folded | None:
    """The :class:`_Folded` of a scalar, or None if it is not one."""
    style = node.style
    mark = node.start_mark
    start = mark.index
    end = node.end_mark.index
    if style == ">":
        first = text.find("\n", start, end) + 1
        if not first:
            return None
        indent = _SPACES.match(text, first, end).end() - first  # type: ignore[union-attr]
        first += indent
        body = text[first:end].rstrip(" \n")  # (a blank a line ends with is not undone)
        line, column = mark.line + 2, indent
    elif style == "'" or not style:  # libyaml's style of a plain scalar is ""
        first, stop = (start + 1, end - 1) if style else (start, end)
        body = text[first:stop]
        if style and "'" in body:
            return None
        nl = body.find("\n")
        indent = 0 if nl < 0 else _SPACES.match(body, nl + 1).end() - nl - 1  # type: ignore[union-attr]
        line, column = mark.line + 1, mark.column + first - start
    else:
        return None
    if len(body) > _LONG:
        return None
    value: str = node.value
    folded = body.replace("\n" + " " * indent, " ")
    if style == ">":
        if not value.startswith(folded) or value[len(folded) :].strip("\n"):
            return None
    elif value != folded:
        return None
    if (
        not folded
        or folded[0] == " "
        or folded[-1] == " "
        or "  " in folded
        or "\n" in folded
        or (not folded.isascii() and not folded.isprintable() and _ODD_BLANK.search(folded))
    ):
        return None
    return _Folded(first, indent, line, column, len(folded))


def _folded(doc: Document, node: ScalarNode) -> _Folded | None:
    """The :class:`_Folded` of a scalar of ``doc`` (found out the first time it is asked for)."""
    tables = doc.tables
    key = id(node)
    if key not in tables:
        tables[key] = _folded_of(doc.text, node)
    found: _Folded | None = tables[key]
    return found


def _place(text: str, folded: _Folded, offset: int) -> tuple[int, int]:
    """1-based (line, column) of character ``offset`` (``0 <= offset < folded.size``).

    The character is ``k * indent`` characters after ``offset`` from the
    value's start, ``k`` the number of line breaks before it: counted again
    over the characters that this adds until none is added (each count
    brings the place closer; the first place so found is the only one).
    """
    first = folded.start
    index = first + offset
    breaks = text.count("\n", first, index)
    if breaks:
        indent = folded.indent
        counted = index
        index += breaks * indent
        while True:
            more = text.count("\n", counted, index)
            if not more:
                break
            breaks += more
            counted = index
            index += more * indent
        return folded.line + breaks, index - text.rfind("\n", first, index)
    return folded.line, folded.column + offset + 1


def locate_span(
    doc: Document,
    parts: Path,
    offset: int | None,
    length: int | None = None,
    *,
    key: bool = False,
    found: Along | None = None,
) -> tuple[int, int, int, int]:
    """1-based (line, column, end line, end column) of a finding's span.

    The end is inclusive (the last character of the span). A span at an
    ``offset`` covers ``length`` characters of the text (one by default); a
    span without one covers the key (``key``) or the whole scalar value; a
    sequence or mapping is marked on its first line only.

    A span inside a scalar that is :class:`_Folded` (most texts: folded
    paragraphs) is found by counting line breaks, one on the scalar's first
    line and written there as it is (:func:`_on_first_line`: a label left at
    the start of a text, most findings) from the scalar's start; any other
    by :func:`_span_by_walk`. ``found`` is ``doc.along(parts)``, when the
    caller has it (the places of a finding on the same path).
    """
    if found is None:
        found = doc.along(parts)  # (None, when the document is empty)
    if offset is not None and not key and offset >= 0:
        node, _, whole = found
        if whole and isinstance(node, ScalarNode):
            value = node.value
            last = offset + (length - 1 if length is not None and length > 1 else 0)
            if last >= len(value):
                last = len(value) - 1
            if offset <= last:
                tables = doc.tables
                folded = tables.get(id(node), _UNKNOWN)
                if folded is _UNKNOWN:  # (not asked for yet: perhaps not needed)
                    # (a span far into the line is left to the walk, which resumes
                    # where it stopped: thousands of findings in one long line
                    # would each read the line from its start)
                    span = (
                        _on_first_line(doc.text, node, value, offset, last)
                        if last < _LONG
                        else None
                    )
                    if span is not None:
                        return span
                    folded = tables[id(node)] = _folded_of(doc.text, node)
                if folded is not None and last < folded.size:
                    # (the breaks a folded text ends with: walked)
                    text = doc.text
                    start = _place(text, folded, offset)
                    return start + (_place(text, folded, last) if last > offset else start)
    return _span_by_walk(doc, parts, offset, length, key=key, found=found)


# the length of an escape of a double-quoted scalar after its backslash, by its letter
_ESCAPE_LENGTH = {"x": 3, "u": 5, "U": 9}


def _escape_end(text: str, index: int) -> int:
    """The index of the last character of the escape of a double-quoted
    scalar that starts at ``index`` (its backslash): '\\t' one on, '\\x0b'
    three on, '\\u00ad' five on."""
    letter = text[index + 1 : index + 2]
    if not letter or letter in "\r\n":
        return index  # (a line break escaped: no character of the value)
    return min(index + _ESCAPE_LENGTH.get(letter, 1), len(text) - 1)


# what :func:`locate_span` finds in Document.tables for a scalar not looked at yet
_UNKNOWN: Any = object()


def _on_first_line(
    text: str, node: ScalarNode, value: str, offset: int, last: int
) -> tuple[int, int, int, int] | None:
    """:func:`locate_span` of characters ``offset`` to ``last`` of a scalar's
    value when its characters up to ``last`` are on the first line of its
    source, written there as they are: the source from the value's first
    character has them all, with no line break, no blank but single spaces,
    and no escape or doubled quote. There character ``k`` of the value is
    ``k`` characters after the first, where a walk along the value and the
    source reaches it (or :func:`_place` on a :class:`_Folded` scalar);
    None otherwise.

    The scalar's first line, not its whole text, is read: a finding at the
    start of a text (a label left there, a stray mark) is placed without
    finding out whether the rest of the text is :class:`_Folded`.
    """
    style = node.style
    mark = node.start_mark
    start = mark.index
    if not style:  # (libyaml's style of a plain scalar is "")
        first = start
        line, column = mark.line + 1, mark.column + 1
    elif text[start] != style:  # (the quote or the block indicator is where the node starts)
        return None
    elif style == "'" or style == '"':
        first = start + 1
        line, column = mark.line + 1, mark.column + 2
    else:  # ">" or "|": the line after the indicator's
        nl = text.find("\n", start, node.end_mark.index)
        if nl < 0:
            return None
        first = _SPACES.match(text, nl + 1).end()  # type: ignore[union-attr]
        line, column = mark.line + 2, first - nl
    run = value if last + 1 == len(value) else value[: last + 1]
    if (
        not text.startswith(run, first)
        or not run.isprintable()  # (a line break, or a blank other than the space)
        or "  " in run
        or (style == "'" and "'" in run)
        or (style == '"' and "\\" in run)
    ):
        return None
    return line, column + offset, line, column + last


def _span_by_walk(
    doc: Document,
    parts: Path,
    offset: int | None,
    length: int | None = None,
    *,
    key: bool = False,
    found: Along | None = None,
) -> tuple[int, int, int, int]:
    """:func:`locate_span` by walking along the scalar's source: any span, in
    any style of scalar, key or value. ``found`` is ``doc.along(parts)``
    when the caller has it."""
    if doc.root is None:
        node: Node | None = None
    elif found is None:
        node = node_at(doc, parts, key)
    else:  # (node_at from what it would find)
        node, key_node, whole = found
        if not whole:
            node = None
        elif key and key_node is not None:
            node = key_node
    start: int | None = None  # the index in the source of character ``offset``
    if offset is None or key:
        if node is None:
            line, column = doc.locate(parts, key=key)
        else:  # the path is in the tree: where doc.locate would find it
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
    elif isinstance(node, ScalarNode) and 0 <= offset <= len(node.value):
        # (what _at_offset does, the index kept for the end of the span)
        start = _offset_in_source(doc.text, node, node.value, offset)
        line, column = doc.locate(parts) if start is None else doc.line_column(start, node)
    else:  # the node at parts is the deepest along it, when the path is in the tree
        deepest = node if node is not None else found[0] if found else _deepest(doc, parts)
        line, column = _at_offset(doc, parts, deepest, offset)
    if node is None:
        return line, column, line, column
    text = doc.text
    if isinstance(node, ScalarNode):
        if offset is not None and not key:
            value = node.value
            last = offset + max((length or 1), 1) - 1
            last = min(last, len(value) - 1)
            if last < offset:
                return line, column, line, column
            index = _run_end(text, node, value, start, offset, last)
            if index is None:
                index = _offset_in_source(text, node, value, last)
            if index is None:
                return line, column, line, column
            if node.style == '"' and text[index] == "\\":
                index = _escape_end(text, index)  # (the span covers the whole escape)
            end_line, end_column = doc.line_column(index, node)
        else:
            index = _last_visible(text, node.start_mark.index, node.end_mark.index)
            end_line, end_column = doc.line_column(index, node)
    else:
        nl = text.find("\n", node.start_mark.index)
        stop = len(text) if nl < 0 else nl
        hash_at = text.find(" #", node.start_mark.index, stop)
        if hash_at >= 0:
            stop = hash_at
        end_line, end_column = doc.line_column(
            _last_visible(text, node.start_mark.index, stop), node
        )
    if (end_line, end_column) < (line, column):
        return line, column, line, column
    return line, column, end_line, end_column
