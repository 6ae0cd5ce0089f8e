"""What YAML's syntax does to a text unseen: a comment that cuts it short,
an escape of another style of quoting read as it is written.

In an unquoted (plain) text, `` #`` (a space, then ``#``) starts a YAML
comment: the rest of the line is not part of the text, and nothing says so.
``text: voir le point # 3 de l'annexe`` reads as ``voir le point``.

Decisions:

* **Which fields**: the prose of a resolution, ``title``, ``conference``,
  ``heading`` and ``text`` (items, clauses, footnotes, deadlines). A comment
  after a value that is not prose (``label: '1'  # as published``,
  ``place: Dubaï  # as printed``, ``year: 2014  # revised``) is an editor's
  note, and fine; so is a comment on its own line.
* **Always reported on a prose field**, even when the comment was meant:
  editors rarely comment a text this way, and a comment belongs on its own
  line, where nobody can take it for text. A suppression comment
  (``# itures: ...``) is not a cut text.
* **Cheap**: the fast reader does not see comments; the source is scanned
  only when a line holds a ``#`` after a space that follows other content,
  and only then is the node tree walked.

An escape belongs to one style of YAML: ``''`` is one apostrophe inside
single quotes only, ``\\"``, ``\\n`` or ``\\u00e9`` one character inside
double quotes only. A text moved to another style (a block ``>-``, plain, or
from double to single quotes) keeps them as written: "l''interaction",
``\\"Réduire l'écart\\"``. A text as read never needs two apostrophes in a
row, and ITU prose no backslash before a quotation mark, a blank, ``n``,
``t`` or a character's code: ``text-escape`` reports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from itures.i18n import tr
from itures.model.markup import PROSE_KEYS
from itures.rules import Context, Finding, rule
from itures.rules._walk import blank_joined, marked, texts
from itures.rules._walk import joined as joined_texts
from itures.yamlio.explain import quoted

_SUPPRESSION = re.compile(r"#[ ]*itures:")


def _after_content(text: str) -> bool:
    """Whether a line has content, then blanks, then '#': the only lines a
    comment can cut (each '#' is looked at, not each character)."""
    hash_at = text.find("#")
    while hash_at >= 0:
        i = hash_at
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        if 0 < i < hash_at and text[i - 1] != "\n":
            return True
        hash_at = text.find("#", hash_at + 1)
    return False


def _plain_texts(root: Node) -> Iterator[tuple[tuple[str | int, ...], ScalarNode]]:
    """(path, node) of the plain scalars of prose fields, anywhere in the tree."""
    return _prose_scalars(root, ("", None))  # plain: "" (libyaml) or None


def _prose_scalars(
    root: Node, styles: tuple[str | None, ...]
) -> Iterator[tuple[tuple[str | int, ...], ScalarNode]]:
    """(path, node) of the scalars of prose fields written in one of
    ``styles`` (their YAML style: plain, '>', '|', quotes), anywhere in the tree."""
    stack: list[tuple[tuple[str | int, ...], Node]] = [((), root)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    continue
                key = key_node.value
                if isinstance(value_node, ScalarNode):
                    if key in PROSE_KEYS and value_node.style in styles:
                        yield (*path, key), value_node
                else:
                    stack.append(((*path, key), value_node))
        elif isinstance(node, SequenceNode):
            stack.extend(((*path, i), child) for i, child in enumerate(node.value))


Cut = tuple[tuple[str | int, ...], ScalarNode, str, int]


def cut_texts(ctx: Context) -> list[Cut]:
    """The unquoted texts of the file that a `` #`` cuts: (path, node, comment,
    end of the line); computed once per file (the punctuation rule does not
    judge the end mark of a cut text: the mark was cut off with the rest)."""

    def compute() -> list[Cut]:
        doc = ctx.document
        if doc is None or not _after_content(doc.text):
            return []
        root = doc.root
        if root is None:
            return []
        text = doc.text
        out: list[Cut] = []
        for path, node in _plain_texts(root):
            end = node.end_mark.index
            eol = text.find("\n", end)
            eol = len(text) if eol < 0 else eol
            m = re.match(r"[ \t]+(#.*)$", text[end:eol])
            if m is None or _SUPPRESSION.match(m.group(1)):
                continue
            out.append((path, node, m.group(1).rstrip(), eol))
        return out

    found: list[Cut] = ctx.memo("text-comment-cuts", compute)
    return found


@rule("text-comment", "error", "a ' #' in an unquoted text: YAML drops the rest of the line")
def text_comment(ctx: Context) -> Iterator[Finding]:
    """An unquoted text (``title``, ``conference``, ``heading``, ``text``)
    followed on its line by `` #``: YAML reads the rest of the line as a
    comment, so the text is cut there. Put the whole text in quotes; if it is
    a comment, put it on its own line. A comment after a value that is not
    prose (``label: '1'  # as published``) is fine. And a line of a folded
    text (``text: >-``) that starts with '#', a comment written at the text's
    indentation ("# TODO check", a suppression): YAML reads it as words of
    the text, and a suppression there suppresses nothing.

    Failing::

        text: voir le point # 3 de l'annexe;

    Passing::

        text: "voir le point # 3 de l'annexe;"
    """
    doc = ctx.document
    if doc is None:
        return
    text = doc.text
    found = []
    for path, node, comment, eol in cut_texts(ctx):
        line_start = text.rfind("\n", 0, node.start_mark.index) + 1
        key_part = text[line_start : node.start_mark.index].strip()
        whole = text[node.start_mark.index : eol].rstrip()
        one_line = node.start_mark.line == node.end_mark.line
        fix = (
            tr(
                "write: {line}; if it is a comment, put it on its own line above",
                line=key_part + " " + quoted(whole),
            )
            if one_line
            else tr(
                "put the whole text in quotes; if it is a comment, put it on its own line above"
            )
        )
        found.append(
            (
                node.start_mark.index,
                Finding(
                    path,
                    tr(
                        "the text of '{key}' is cut at ' #': YAML reads '{comment}' as a "
                        "comment, not as part of the text; put the whole text in quotes",
                        key=path[-1],
                        comment=_short(comment),
                    ),
                    help=fix,
                ),
            )
        )
    for path, start, line in _folded_comments(ctx):
        value = _value_at(ctx, path)
        words = line.strip()
        at = value.find(words) if value is not None else -1
        suppression = _SUPPRESSION.match(words) is not None
        found.append(
            (
                start,
                Finding(
                    path,
                    tr(
                        "the suppression '{comment}' is indented as this text: it is part of "
                        "the text, and suppresses nothing",
                        comment=_short(words),
                    )
                    if suppression
                    else tr(
                        "the line '{comment}' is indented as this text: in a folded text it is "
                        "part of the text, not a comment",
                        comment=_short(words),
                    ),
                    offset=at if at >= 0 else None,
                    length=len(words) if at >= 0 else None,
                    help=tr(
                        "indent the comment as the key of its entry, on its own line above the "
                        "entry; if it is text, take out the '#'"
                    ),
                ),
            )
        )
    for _, finding in sorted(found, key=lambda f: f[0]):
        yield finding


def _folded_comments(ctx: Context) -> list[tuple[tuple[str | int, ...], int, str]]:
    """The lines of a folded text that start with '#' (path, where the line
    starts in the file, the line): a comment meant, written at the text's
    indentation, which YAML reads as the text's words. Looked for only in a
    file one of whose texts holds '#' after a blank or a line break (where a
    line of a folded or literal text that starts with '#' puts it: not a
    citation's fragment, "(pp:48#instructs/2)")."""
    doc = ctx.document
    if doc is None:
        return []
    words = blank_joined(ctx)
    if (" #" not in words and "\n#" not in words) or doc.root is None:
        return []  # (most files: no line of a text starts with '#')
    source = doc.text
    out = []
    for path, node in _prose_scalars(doc.root, (">", "|")):
        start, end = node.start_mark.index, node.end_mark.index
        at = source.find("\n", start, end)  # (the line of '>-' holds no text)
        while at >= 0:
            line_end = source.find("\n", at + 1, end)
            line = source[at + 1 : line_end if line_end >= 0 else end]
            if line.lstrip().startswith("#"):
                out.append((path, at + 1, line))
            at = line_end
    return sorted(out, key=lambda found: found[1])


def _value_at(ctx: Context, path: tuple[str | int, ...]) -> str | None:
    """The text at ``path`` (a prose field), as the file's texts have it."""
    return next((t.text for t in texts(ctx) if t.path == path), None)


def _short(comment: str, limit: int = 40) -> str:
    return comment if len(comment) <= limit else comment[: limit - 1] + "…"


# An escape of double quotes, read as written outside them: a backslash before
# a quotation mark, an apostrophe, a backslash, a slash, a blank, a line break's
# or a tab's letter, YAML's no-break space or line separators (_ N L P), or a
# character's code; or two apostrophes, single quotes' escape of one.
ESCAPE = re.compile(r"''|\\(?:[\"'\\/ ntr_NLP]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")
# what an escape stands for, when it is a character to write (the others stand
# for a blank: a line break, a tab, a no-break space, a separator)
_STANDS_FOR = {'\\"': '"', "\\'": "'", "\\\\": "\\", "\\/": "/"}


def stands_for(escape: str) -> str | None:
    """The character an escape (of double quotes, as ``text-escape`` finds
    it) stands for; None for one that stands for a blank (a line break, a
    tab, a no-break space, a separator) or a control."""
    if escape in _STANDS_FOR:
        return _STANDS_FOR[escape]
    if escape[1] in "xuU":
        char = chr(int(escape[2:], 16))
        return char if char.isprintable() and not char.isspace() else None
    return None


@rule(
    "text-escape",
    "error",
    "an escape of another YAML quoting left in a text: l''interaction, \\\"",
)
def text_escape(ctx: Context) -> Iterator[Finding]:
    """A text that holds an escape of a YAML style it is not written in, read
    as it is written: two apostrophes (``''``, one apostrophe inside single
    quotes only: "l''interaction" in a block or in double quotes), a
    backslash before a quotation mark, an apostrophe, a backslash, a slash, a
    blank, ``n``, ``t``, ``r``, ``_``, ``N``, ``L``, ``P`` or a character's
    code (``\\u00e9``: escapes of double quotes only). The text was moved
    from one style of quoting to another and kept the escapes of the first.
    The fix writes the character the escape stands for.

    Failing::

        text: >-
          que l''interaction et la coordination ont eu des résultats positifs;

    Passing::

        text: >-
          que l'interaction et la coordination ont eu des résultats positifs;
    """
    form = joined_texts(ctx).form
    if b"''" not in form and b"\\" not in form:
        return  # (most files)
    for t in texts(ctx):
        text = t.text
        if "''" not in text and "\\" not in text:
            continue
        for m in ESCAPE.finditer(text):
            escape = m.group()
            char = stands_for(escape)
            # (as written: a repr would double the backslash)
            quote = '"' if "'" in escape else "'"
            shown = quote + escape + quote
            if escape == "''":
                message = tr(
                    "two apostrophes in a row, read as two: YAML reads '' as one apostrophe "
                    "only inside single quotes"
                )
            elif escape == "\\'":
                message = tr(
                    "{escape} read as written: YAML has no such escape, a backslash before an "
                    "apostrophe stays in the text",
                    escape=shown,
                )
            else:
                message = tr(
                    "{escape} read as written: YAML reads it as one character only inside "
                    "double quotes",
                    escape=shown,
                )
            yield Finding(
                t.path,
                message,
                offset=m.start(),
                length=len(escape),
                help=tr("write one apostrophe in place of the two")
                if escape == "''"
                else tr("replace {escape} with {char}", escape=shown, char=repr(char))
                if char is not None
                else tr("replace {escape} with a blank", escape=shown),
            )


# A key of an entry (a clause's actors or deadlines, the next entry's label
# and text) indented one step too far: a folded text reads it, and the lines
# after it, as its words ("...; actors: [director-bdt]"). Written as YAML
# writes these keys, so that prose ("as follows: [Resolution 71]", "the
# text: ...") is not taken for one.
_ABSORBED = re.compile(
    r"\b(actors|partners): \[|(?:- )?\b(label): \S+\s+text: |\b(text): [>|]"
    r"|\b(deadlines):\s+- (?:every|event|by):|\b(report_to|every|event): [a-z-]+ (?:text|by|report_to):"
)


class Break(NamedTuple):
    """A text that holds a key of an entry or a line break (:func:`broken_texts`)."""

    path: tuple[str | int, ...]
    kind: str  # "key", "kept", "indented", "blank", "literal", "escape" or "escape-end"
    offset: int  # where the key, or the line after the break, starts in the text
    length: int
    key: str  # the key ("actors"), for kind "key"


def broken_texts(ctx: Context) -> list[Break]:
    """The texts that hold a key of an entry or a line break, a :class:`Break`
    each, at the first; computed once per file.
    ``kind`` is ``"key"`` (a key of the entry, ``key``, indented into the
    text above it), ``"kept"`` (a block ``>`` or ``|`` that keeps its last
    line's break, its only one), ``"indented"`` (a line of a folded text indented more
    than the others: YAML keeps its break and its blanks), ``"blank"`` (an
    empty line inside the text), ``"literal"`` (a block ``|``, which keeps
    every line break), ``"escape"`` (a ``\\n`` of double quotes) or
    ``"escape-end"`` (one at the text's end: what fmt writes for a block
    ``>`` that kept its last break).
    ``offset``/``length`` span the key, or the line after the break."""

    def compute() -> list[Break]:
        all_texts = texts(ctx)
        # a key written with a list ("actors: [...]") holds a '[', as markup
        # does: it is among the few texts that may hold markup; the other keys
        # come with a line indented more (a deadline's "- every: year") or
        # are one (the next entry's "text:"), hence a line break
        candidates = [t for t in marked(ctx) if ": [" in t.text]
        joined = joined_texts(ctx)
        if joined.breaks:
            candidates = [t for t in all_texts if "\n" in t.text or t in candidates]
        # an entry indented as the lines of the text above it: folded into its
        # words with no line break ("to do more; - label: '3' text: to end.")
        keyed = joined.holding_literal(b"label; ")  # (':' is ';' in that form)
        if keyed:
            candidates = [t for i, t in enumerate(all_texts) if i in keyed or t in candidates]
        if not candidates:
            return []  # (most files)
        doc = ctx.document
        out: list[Break] = []
        for t in candidates:
            text = t.text
            key = _ABSORBED.search(text)
            if key is not None:
                group = next(g for g in range(1, 6) if key.group(g) is not None)
                start = key.start(group)
                out.append(Break(t.path, "key", start, len(key.group(group)) + 1, key.group(group)))
                continue
            at = text.find("\n")
            if at < 0:
                continue
            start = at + 1
            while start < len(text) and text[start] in " \t":
                start += 1
            stop = text.find("\n", start)
            stop = len(text) if stop < 0 else stop
            style = None
            if doc is not None:
                node, _, whole = doc.along(t.path)
                if whole and isinstance(node, ScalarNode):
                    style = node.style or ""
            if style in (">", "|") and not text[at:].strip(" \t\n"):
                kind = "kept"  # (its last line's break: '>' or '|' with no '-' keeps it)
            elif style == '"' and not text[at:].strip(" \t\n"):
                kind = "escape-end"  # (a '\n' last: such a block, written in quotes)
            elif style == "|":
                kind = "literal"
            elif style == '"':
                kind = "escape"
            elif style == ">" and text[at + 1 : at + 2] in (" ", "\t"):
                kind = "indented"  # (a folded text keeps the break before a line indented more)
            else:
                # (elsewhere, a text's lines are joined with blanks but at an empty line)
                kind = "blank"  # (spanned: the line after the empty one)
            out.append(Break(t.path, kind, start, max(1, stop - start), ""))
        return out

    found: list[Break] = ctx.memo("text-breaks", compute)
    return found


@rule(
    "text-break",
    "error",
    "a line break inside a text: a key or a line indented one step too far into a folded text, "
    "a blank line, a literal block '|'",
)
def text_break(ctx: Context) -> Iterator[Finding]:
    """A text that holds a line break. No text of a resolution has one (the
    renderers and the Akoma Ntoso output join a text's lines with blanks),
    and YAML puts one in only where the source asks for it, most often by a
    slip of indentation: in a folded (``>-``) or plain text, a line indented
    more than the others is kept on a line of its own, its blanks with it;
    a key of the entry indented one step too far (``actors:``,
    ``deadlines:`` under a clause's text) is read as words of the text, and
    the entry loses that data without an error; an empty line inside the
    text, a literal block (``|``, which keeps every line break), a ``\\n``
    in double quotes; a block written ``>`` (or ``|``) with no ``-``, which
    keeps the break of its last line (said at the block, not as an empty
    line after it). One finding per text, at its first break; what follows
    a key read as words is not judged as words by the other rules (a label
    "run into the text", an end mark) until the key is in its place.

    Failing::

        - label: '3'
          text: >-
            de continuer à collaborer;
            actors: [director-bdt]

    Passing::

        - label: '3'
          text: >-
            de continuer à collaborer;
          actors: [director-bdt]
    """
    for path, kind, offset, length, what in broken_texts(ctx):  # (what: the key)
        if kind == "key":
            message = tr(
                "'{key}:' is indented as part of this text: YAML reads it, and the lines "
                "after it, as words of the text, not as the entry's '{key}'",
                key=what,
            )
            fix = (
                tr(
                    "indent the entry that starts here ('- label:') as the other entries of "
                    "its list, and the lines that belong to it with it"
                )
                if what == "label"
                else tr(
                    "indent '{key}:' as the key '{field}:' above it (and the lines that belong "
                    "to it with it)",
                    key=what,
                    field=str(path[-1]),
                )
            )
        elif kind == "kept":
            yield Finding(
                path,
                tr(
                    "this text ends with a line break: a block written '>' or '|', with no "
                    "'-' after it, keeps the break of its last line"
                ),
                help=tr("write '>-' for the block (the '-' drops the last line break)"),
            )
            continue
        elif kind == "literal":
            # (said at the block's '|', which is what to change, not at a line break)
            yield Finding(
                path,
                tr(
                    "this text is a literal block ('|'): YAML keeps each of its line breaks, "
                    "which a resolution's text does not have"
                ),
                help=tr("write '>-' in place of '|' (a folded text joins its lines with blanks)"),
            )
            continue
        elif kind == "escape":
            message = tr("a line break ('\\n') inside this text")
            fix = tr("write a blank in place of '\\n'")
        elif kind == "escape-end":
            message = tr("this text ends with a line break ('\\n')")
            fix = tr("delete the '\\n' at the end of the text")
        elif kind == "blank":
            message = tr("an empty line inside this text: YAML keeps it as a line break")
            fix = tr("delete the empty line (two paragraphs are two entries, each with its text)")
        else:
            message = tr(
                "a line of this text is indented more than the line before it: YAML keeps "
                "its line break and its blanks"
            )
            fix = tr("indent the line as the text's other lines")
        # (a key indented into a text takes the entries after it: what the
        # language versions compare there is this version's own defect)
        yield Finding(path, message, offset=offset, length=length, help=fix, flagging=kind == "key")
