"""libyaml's errors in the words of the editor who must fix them.

libyaml says where it stopped and what token it missed (``did not find
expected key``, ``mapping values are not allowed in this context``); the
editor needs to know what to change, and where: often not where libyaml
stopped. :func:`explain` looks at the error, the source lines around it and,
for quotes, the tokens read before it, and gives a message, a ``help`` (the
fix, with the corrected line when there is one) and the span of the line to
fix.

The causes told apart (each has a test in ``tests/test_yaml_messages.py``):

* ``: `` (a colon and a space) or a final ``:`` inside an unquoted text, as
  French spacing writes ``études : communes``: quote the text (the help
  shows the line quoted), or write it as a folded block on several lines;
* a key indented more than the key above it (read as more of its text), a
  key or list entry indented to a column that matches nothing above it
  (indent it like the line named), a list entry without its ``- ``;
* a quote opened and not closed on its line (YAML reads on to the next quote
  of the file), a quote inside a quoted text, a text that starts with a
  quote, ``[`` or ``{`` and goes on after it closes;
* a line that is neither ``key: value`` nor a list entry (a colon without a
  space after it, a line of text not indented under its key);
* a text that starts with a character YAML reserves (``@``, `````, ``%``,
  ``&``, ``*``, ``!``, ``?``, ``- ``), a block marker (``>-``) with text after
  it, a backslash escape that does not exist in a double-quoted text.

Anything else keeps libyaml's words, with a general help.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

from itures.i18n import tr

__all__ = ["Explained", "explain", "quoted"]

_BREAKS = re.compile("\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Explained:
    """A syntax error in words: 1-based start and inclusive end of the span to fix."""

    message: str
    help: str | None
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0


# A `key: value` line (or `- key: value`): the key, where its colon is, where
# its value starts. Keys of resolution files are plain words; the value may be
# empty (a mapping or list follows) or anything.
_KEY_LINE = re.compile(
    r"""^(?P<lead>[ ]*(?:-[ ]+)*)
    (?P<key>[^\s#'"\[\]{}&*!|>%@`,?:-][^:#]*?)[ ]*
    (?P<colon>:)(?:[ ]+|$)""",
    re.VERBOSE,
)
# A key glued to its value, with no blank after its ':' ("label:'2'",
# "- text:>-"): a text for YAML
_GLUED_VALUE = re.compile(r"^[ ]*(?:-[ ]+)*(?P<key>[a-z_][a-z0-9_]*):(?=[^\s:/])")
# A key as resolution files write them: one lower-case word or words joined by _
_KEY_WORD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _general_help() -> str:
    return tr(
        "check the indentation (two spaces per level, keys of one mapping in one column, "
        "list entries starting with '- '), and put in quotes a text that contains ': ' or ' #'"
    )


def quoted(value: str) -> str:
    """``value`` as a quoted YAML scalar, double quotes unless it holds ``"`` or ``\\``."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    s = line.strip()
    return bool(s) and not s.startswith("#")


def _previous(lines: list[str], index: int) -> int | None:
    """The nearest line above ``index`` that holds YAML (not blank, not a comment)."""
    for k in range(index - 1, -1, -1):
        if _content(lines[k]):
            return k
    return None


def _key_column(line: str) -> int | None:
    """0-based column of the key of a ``key: value`` line (after any ``- ``)."""
    m = _KEY_LINE.match(line)
    return m.start("key") if m else None


def _entry_column(line: str) -> int | None:
    """0-based column of the ``-`` of a list entry line."""
    stripped = line.lstrip(" ")
    return _indent(line) if stripped.startswith("- ") or stripped == "-" else None


def _span(line: int, column: int, text_line: str, end: int | None = None) -> tuple[int, int]:
    """(end line, end column) of a span on one line: to ``end`` or the line's last character."""
    if end is None:
        end = len(text_line.rstrip())
    return line, max(end, column)


def _quote_line(m: re.Match[str], line: str) -> str:
    """The line with its value in quotes."""
    value = line[m.end() :].strip()
    return f"{line[: m.end()].rstrip()} {quoted(value)}".strip()


def _colon_in_value(lines: list[str], row: int, col: int) -> Explained | None:
    """``mapping values are not allowed``: a ``:`` where YAML did not expect a key."""
    line = lines[row]
    m = _KEY_LINE.match(line)
    at_end = line[col + 1 :].strip() == ""
    if m is not None and col > m.start("colon"):
        key = m.group("key")
        return Explained(
            tr(
                "the text of '{key}' ends with ':', which YAML reads as the start of a new "
                "key; put the whole text in quotes",
                key=key,
            )
            if at_end
            else tr(
                "the text of '{key}' contains ': ' (a colon and a space), which YAML reads as "
                "the start of a new key; put the whole text in quotes",
                key=key,
            ),
            tr("write: {line}", line=_quote_line(m, line).strip()),
            row + 1,
            col + 1,
        )
    word = line[:col].strip()
    if word.startswith("- "):
        word = word[2:].strip()
    prev = _previous(lines, row)
    prev_m = _KEY_LINE.match(lines[prev]) if prev is not None else None
    space_before = col > 0 and line[col - 1] == " "
    if _KEY_WORD.match(word) and not space_before and prev is not None:
        start = line.index(word)
        end_line, end_column = row + 1, start + len(word)
        if prev_m is not None and lines[prev][prev_m.end() :].strip():
            pkey = prev_m.group("key")
            pcol = prev_m.start("key")
            if start > pcol:
                return Explained(
                    tr(
                        "'{word}' is indented more than '{key}' on line {line}, so YAML reads "
                        "it as more of the text of '{key}'",
                        word=word,
                        key=pkey,
                        line=prev + 1,
                    ),
                    tr(
                        "move '{word}' back to column {column}, under '{key}' (or, if it "
                        "belongs further out, under the key it belongs to)",
                        word=word,
                        column=pcol + 1,
                        key=pkey,
                    ),
                    row + 1,
                    start + 1,
                    end_line,
                    end_column,
                )
        dash = _entry_column(lines[prev])
        where: tuple[int, int, int] | None = None
        if prev_m is None and dash is None:
            start_col = _indent(lines[prev]) + 1
            where = (start_col, *_span(prev + 1, start_col, lines[prev]))
        elif prev_m is None and dash is not None:
            # an entry whose first key lost its ':' ("- verb considering"): the
            # key then starts a text that runs into the next line's key
            content = lines[prev][dash + 1 :].lstrip(" ")
            first = content.split(" ", 1)[0]
            if first and _KEY_WORD.match(first) and " " in content.strip():
                at = len(lines[prev]) - len(content)
                where = (at + 1, prev + 1, at + len(first))
        if where is not None:
            return Explained(
                tr(
                    "line {line} is not a 'key: value' line (its key has no ':'), so YAML reads "
                    "it and '{word}' as one text",
                    line=prev + 1,
                    word=word,
                ),
                tr("write ': ' after the key on line {line}", line=prev + 1),
                prev + 1,
                *where,
            )
    # the line above is a key with no blank after its ':' ("label:'2'"): YAML
    # reads that line as a text, which this line's key then goes on
    glued = _GLUED_VALUE.match(lines[prev]) if prev is not None else None
    if glued is not None and prev is not None and _is_key(glued.group("key")):
        at = glued.end("key")
        fixed = f"{glued.group('key')}: {lines[prev][at + 1 :].strip()}"
        return Explained(
            tr(
                "line {line} has no blank after the ':' of '{key}', so YAML reads the line as "
                "a text, not as a key and its value",
                line=prev + 1,
                key=glued.group("key"),
            ),
            tr("write a blank after ':': {fixed}", fixed=fixed),
            prev + 1,
            at + 1,
            *_span(prev + 1, at + 1, lines[prev]),
        )
    # a ':' on a continuation line of a text that started on a line above
    owner = None
    for k in range(row - 1, -1, -1):
        km = _KEY_LINE.match(lines[k])
        if km is not None and km.start("key") < _indent(line):
            owner = (k, km)
            break
    if owner is not None:
        k, km = owner
        key = km.group("key")
        pad = " " * (km.start("key") + 2)
        return Explained(
            tr(
                "the text of '{key}' (line {start}) has ':' at the end of line {line}, which "
                "YAML reads as the start of a new key; put the text in quotes, or write it as a "
                "folded block",
                key=key,
                start=k + 1,
                line=row + 1,
            )
            if at_end
            else tr(
                "the text of '{key}' (line {start}) contains ': ' (a colon and a space) on line "
                "{line}, which YAML reads as the start of a new key; put the text in quotes, or "
                "write it as a folded block",
                key=key,
                start=k + 1,
                line=row + 1,
            ),
            tr(
                "write '{key}: >-' on line {line} and the text on the lines below it, each "
                "indented to column {column} (the text is then taken as it is)",
                key=key,
                line=k + 1,
                column=len(pad) + 1,
            ),
            row + 1,
            col + 1,
        )
    return None


def _is_key(word: str) -> bool:
    """Whether ``word`` is a key of a resolution file's mappings ("abc:def"
    in a text is words, not a key glued to its value)."""
    from itures.model.resolution import mapping_keys  # (an error's path alone)

    return word in mapping_keys()


def _empty_key(line: str) -> bool:
    """Whether ``line`` is a key with no value on it (``clauses:``): a list or
    a mapping follows, indented more."""
    m = _KEY_LINE.match(line)
    return m is not None and not line[m.end() :].strip()


def _entry_without_dash(lines: list[str], row: int, col: int) -> Explained | None:
    """A list entry at column ``col`` after keys indented as an entry's are
    (two more) under a key with no value: the entry before it lost its '- '
    ("clauses:" then "label: '1'" at the column of an entry's keys)."""
    first: int | None = None
    for k in range(row - 1, -1, -1):
        text = lines[k]
        if not _content(text):
            continue
        indent = _indent(text)
        if indent > col + 2:
            continue  # (the lines of a text, a nested list)
        if indent == col + 2 and _entry_column(text) is None and _KEY_LINE.match(text):
            first = k
            continue
        if first is None or indent >= col or not _empty_key(text):
            return None
        key = _KEY_LINE.match(lines[first])
        assert key is not None
        return Explained(
            tr(
                "the entry that starts on line {line} has no '- ': its keys are indented as "
                "an entry's, and the entry after it starts with '- ' at column {column}",
                line=first + 1,
                column=col + 1,
            ),
            tr(
                "write '- ' in place of the two spaces before {key} on line {line}",
                key=repr(key.group("key")),
                line=first + 1,
            ),
            first + 1,
            col + 1,
            *_span(first + 1, col + 1, lines[first]),
        )
    return None


def _first_entry_at_its_key(lines: list[str], row: int, col: int) -> Explained | None:
    """A list entry two columns in from a key with no value ('items:') whose
    next lines are keys at the key's own column: the list's first entry lost
    its '- ' and was written at the column of its list's key, so YAML reads
    the list as empty and the entry's keys as the section's."""
    first: int | None = None
    for k in range(row - 1, -1, -1):
        text = lines[k]
        if not _content(text) or _indent(text) > col - 2:
            continue  # (the lines of a text, the entry's own lines)
        if _indent(text) < col - 2:
            return None
        if _empty_key(text) and first is not None and _entry_column(text) is None:
            key = _KEY_LINE.match(text)
            entry = _KEY_LINE.match(lines[first])
            assert key is not None and entry is not None
            return Explained(
                tr(
                    "'{key}:' on line {line} has nothing under it: the entry after it lost "
                    "its '- ' and was written at the column of '{key}', so YAML reads "
                    "'{key}' as empty and {first} and the keys after it as keys beside it",
                    key=key.group("key"),
                    line=k + 1,
                    first=repr(entry.group("key")),
                ),
                tr(
                    "write '- ' before {first} on line {entry_line} at column {column}, and "
                    "indent the lines of its entry with it",
                    first=repr(entry.group("key")),
                    entry_line=first + 1,
                    column=col + 1,
                ),
                first + 1,
                _indent(lines[first]) + 1,
                *_span(first + 1, _indent(lines[first]) + 1, lines[first]),
            )
        if _entry_column(text) is not None or _KEY_LINE.match(text) is None:
            return None
        first = k  # (a key at the column of the list's key: the entry's, or the section's)
    return None


def _entry_at_keys(lines: list[str], row: int, col: int) -> Explained | None:
    """A list entry at the column of the keys of the mapping above, after a
    list of entries indented more under one of them (a clause out-dented):
    the list it belongs to, and its column."""
    levels = _levels(lines, row, True)
    if not levels:
        return None
    k, c = levels[0]
    if c <= col:
        return None
    # the key that list is the value of: at this entry's column
    for j in range(k - 1, -1, -1):
        text = lines[j]
        if not _content(text):
            continue
        if _indent(text) > col:
            continue
        if _indent(text) != col or not _empty_key(text):
            return None
        key = _KEY_LINE.match(text)
        assert key is not None
        return Explained(
            tr(
                "this list entry is at the column of the key {key} (line {key_line}), not of "
                "its entries, which start at column {level} (line {line})",
                key=repr(key.group("key")),
                key_line=j + 1,
                level=c + 1,
                line=k + 1,
            ),
            tr(
                "indent it to column {level}, like line {line}, and the lines of its entry with it",
                level=c + 1,
                line=k + 1,
            ),
            row + 1,
            col + 1,
            *_span(row + 1, col + 1, lines[row]),
        )
    return None


def _flow_text_above(lines: list[str], row: int) -> Explained | None:
    """A text of several lines whose first, on its key's line, starts with '['
    or '{' ("text: [Resolution 101 (...) of the\n  Conference](pp:101);"):
    YAML reads a list or a mapping up to its ']' or '}', and what follows it
    on line ``row`` fits nowhere. The text is to be written folded."""
    line = lines[row]
    col = _indent(line)
    k = _previous(lines, row)
    while k is not None and _KEY_LINE.match(lines[k]) is None and _indent(lines[k]) >= col:
        k = _previous(lines, k)
    if k is None:
        return None
    m = _KEY_LINE.match(lines[k])
    if m is None or _indent(lines[k]) >= col:
        return None
    if lines[k][m.end() :].strip()[:1] not in ("[", "{"):
        return None
    return _folded(lines, k, m, row)


def _folded(lines: list[str], k: int, m: re.Match[str], end: int) -> Explained:
    """The text of the key on line ``k`` (``m``: its match) starts with '[' or
    '{' and goes on over several lines: YAML reads a list or a mapping up to
    the ']' or '}' on line ``end``; the text is to be written folded."""
    value = lines[k][m.end() :].strip()
    key = m.group("key")
    return Explained(
        tr(
            "the text of '{key}' starts with '[', which YAML reads as the start of a list "
            "([a, b]) up to its ']' (line {end}): the words after it fit nowhere",
            key=key,
            end=end + 1,
        )
        if value[0] == "["
        else tr(
            "the text of '{key}' starts with '{{', which YAML reads as the start of a mapping "
            "({{a: b}}) up to its '}}' (line {end}): the words after it fit nowhere",
            key=key,
            end=end + 1,
        ),
        tr(
            "write the text folded: '{key}: >-' on line {line}, and the text, from its '{first}', "
            "on the lines below it, indented as line {next}",
            key=key,
            line=k + 1,
            first=value[0],
            next=k + 2,
        ),
        k + 1,
        m.end() + 1,
        *_span(k + 1, m.end() + 1, lines[k]),
    )


def _indentation(
    lines: list[str], row: int, col: int, ctx: yaml.Mark | None, expected_dash: bool
) -> Explained:
    """``did not find expected key / '-' indicator``: a line that fits no column above."""
    line = lines[row]
    dash = _entry_column(line) is not None
    ctx_col = ctx.column if ctx is not None else 0
    ctx_line = ctx.line if ctx is not None else 0
    if not dash and _KEY_LINE.match(line) is None:
        flow = _flow_text_above(lines, row)
        if flow is not None:
            return flow
    if dash:
        found = (
            _entry_without_dash(lines, row, col)
            or _entry_at_keys(lines, row, col)
            or _first_entry_at_its_key(lines, row, col)
        )
        if found is not None:
            return found
    if dash and not expected_dash and col == ctx_col:
        # an entry indented as its list's entries' keys (a clause pushed two
        # columns into the one above): the list its dash is nearest to
        below = [(k, c) for k, c in _levels(lines, row, True) if c < col]
        mine, theirs = (_KEY_LINE.match(lines[k]) for k in (row, below[0][0] if below else row))
        if below and mine and theirs and mine.group("key") == theirs.group("key"):
            # (an entry of the same keys as that list's: not a list whose key
            # was left out, "items:" under a section)
            k, c = below[0]
            return Explained(
                tr(
                    "this list entry is indented {count} more than the entries of its list "
                    "(column {level}, line {line}): YAML reads it inside the entry above",
                    count=col - c,
                    level=c + 1,
                    line=k + 1,
                ),
                tr(
                    "indent it to column {level}, like line {line}, and the lines of its entry "
                    "with it",
                    level=c + 1,
                    line=k + 1,
                ),
                row + 1,
                col + 1,
                *_span(row + 1, col + 1, line),
            )
        return Explained(
            tr(
                "a list entry ('- ') where the mapping that starts on line {line} expects a key",
                line=ctx_line + 1,
            ),
            tr(
                "a list belongs under its key: write the key and ':' on the line above, and "
                "indent the entries two spaces more than the key"
            ),
            row + 1,
            col + 1,
            *_span(row + 1, col + 1, line),
        )
    stripped = line.strip()
    if (
        expected_dash
        and not dash
        and col == ctx_col
        and stripped.startswith("-")
        and _KEY_LINE.match(stripped[1:])
    ):
        # '-label: 2': a dash with no blank after it is part of the key
        return Explained(
            tr("this entry's '-' has no blank after it, so YAML reads it as part of the key"),
            tr("write a blank after '-': {entry}", entry="- " + stripped[1:]),
            row + 1,
            col + 1,
            *_span(row + 1, col + 1, line),
        )
    if expected_dash and not dash and col == ctx_col:
        inner = ctx_col + 2
        return Explained(
            tr(
                "this line is in the column of the list entries that start on line {line} but "
                "does not start with '- '",
                line=ctx_line + 1,
            ),
            tr(
                "start a new entry with '- ' ({entry}), or indent the line to column {column} "
                "to keep it in the entry above",
                entry="- " + line.strip(),
                column=inner + 1,
            ),
            row + 1,
            col + 1,
            *_span(row + 1, col + 1, line),
        )
    # the columns open above this line (its possible parents and siblings),
    # of the same kind (list entries or keys): the nearest column is meant
    model: tuple[int, int] | None = None
    if dash or _KEY_LINE.match(line):
        levels = _levels(lines, row, dash)
        if levels:
            k, c = min(levels, key=lambda kc: abs(kc[1] - col))
            if c != col:
                model = (k, c)
    else:  # a line of text: like the line above
        prev = _previous(lines, row)
        if prev is not None and _indent(lines[prev]) != col:
            model = (prev, _indent(lines[prev]))
    key_line = _KEY_LINE.match(line) is not None
    if model is not None and key_line and not dash:
        k, c = model
        entry = lines[k]
        dash_at = _entry_column(entry)
        if dash_at is not None and c > dash_at + 2 and col == dash_at + 2:
            # "-  label: '2'": blanks too many after the entry's '-' put its first
            # key further in than its other keys, which are where one blank puts them
            return Explained(
                tr(
                    "line {line} has {count} blanks after its '-': its first key then stands "
                    "at column {level}, and the entry's other keys, at column {column}, match "
                    "it no more",
                    line=k + 1,
                    count=c - dash_at - 1,
                    level=c + 1,
                    column=col + 1,
                ),
                tr("write one blank after the '-' on line {line}", line=k + 1),
                k + 1,
                dash_at + 2,
                k + 1,
                c,
            )
    if model is not None:
        k, c = model
        values = {"column": col + 1, "level": c + 1, "line": k + 1}
        if dash:
            said = tr(
                "this list entry is indented to column {column}, which matches no level above "
                "it: the entries around it are at column {level} (line {line})",
                **values,
            )
        elif key_line:
            said = tr(
                "this key is indented to column {column}, which matches no level above it: the "
                "keys around it are at column {level} (line {line})",
                **values,
            )
        else:
            said = tr(
                "this line is indented to column {column}, which matches no level above it: "
                "the lines of text around it are at column {level} (line {line})",
                **values,
            )
        return Explained(
            said,
            tr("indent it to column {level}, like line {line}", level=c + 1, line=k + 1),
            row + 1,
            col + 1,
            *_span(row + 1, col + 1, line),
        )
    return Explained(
        tr(
            "the indentation of this line does not fit the list that starts on line {line}",
            line=ctx_line + 1,
        )
        if expected_dash
        else tr(
            "the indentation of this line does not fit the mapping that starts on line {line}",
            line=ctx_line + 1,
        ),
        _general_help(),
        row + 1,
        col + 1,
        *_span(row + 1, col + 1, line),
    )


def _levels(lines: list[str], row: int, dash: bool) -> list[tuple[int, int]]:
    """(line, column) of the list entries (``dash``) or keys open above ``row``.

    Walking up from the line above, a line indented less than every line
    after it starts a level that is still open: the parents of ``row`` and
    their siblings' column. Nearest first.
    """
    out: list[tuple[int, int]] = []
    limit: int | None = None
    for k in range(row - 1, -1, -1):
        text = lines[k]
        if not _content(text):
            continue
        indent = _indent(text)
        if limit is not None and indent >= limit:
            continue
        limit = indent
        c = _entry_column(text) if dash else _key_column(text)
        if c is not None:
            out.append((k, c))
    return out


def _tokens_before(text: str, index: int) -> list[yaml.Token]:
    """The tokens libyaml reads before it stops (at character ``index``).

    Scanning uses no resolver: the plain libyaml loader scans as the reader's does."""
    try:
        loader: Any = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - PyYAML built without libyaml
        loader = yaml.SafeLoader
    out: list[yaml.Token] = []
    try:
        for token in yaml.scan(text, Loader=loader):
            if token.start_mark.index >= index:
                break
            out.append(token)
    except yaml.YAMLError:
        pass
    return out


def _unclosed_quote(lines: list[str], text: str, index: int) -> Explained | None:
    """A quoted text whose quote closes lines later, at someone else's quote."""
    tokens = _tokens_before(text, index)
    scalars = [t for t in tokens if isinstance(t, yaml.ScalarToken) and t.style in ("'", '"')]
    if not scalars:
        return None
    token = scalars[-1]
    start, end = token.start_mark, token.end_mark
    if start.line == end.line:
        return None
    if not any(_KEY_LINE.match(lines[k]) for k in range(start.line + 1, end.line + 1)):
        return None
    q = text[start.index]
    line = lines[start.line]
    m = _KEY_LINE.match(line)
    last = _text_end(lines, start.line, _indent(line) if m is None else m.start("key"))
    return Explained(
        tr(
            "the quote ({quote}) that opens this text is not closed on its line, so YAML reads "
            "the lines below, up to the next {quote} (line {line}), as part of the text",
            quote=q,
            line=end.line + 1,
        ),
        tr("close the quote at the end of the text: {line}", line=line.strip() + q)
        if last == start.line
        else tr(
            "close the quote at the end of the text, on line {line}: {text}",
            line=last + 1,
            text=lines[last].strip() + q,
        ),
        start.line + 1,
        start.column + 1,
        *_span(start.line + 1, start.column + 1, line),
    )


def _text_end(lines: list[str], row: int, column: int) -> int:
    """The last line of the text whose first line is ``row``, its key at
    ``column``: the lines after it indented further (a plain or quoted text
    goes on there), up to the first that is not."""
    last = row
    for k in range(row + 1, len(lines)):
        if not _content(lines[k]):
            continue
        if _indent(lines[k]) <= column:
            break
        last = k
    return last


def _value_goes_on(lines: list[str], row: int, col: int) -> Explained | None:
    """A text that starts with a quote, ``[`` or ``{`` and goes on after it closes."""
    line = lines[row]
    m = _KEY_LINE.match(line)
    if m is None or col <= m.end():
        return None
    value = line[m.end() :].rstrip()
    first = value[:1]
    key = m.group("key")
    last = _text_end(lines, row, m.start("key"))
    if last > row:
        # (the text goes on below: the whole of it, joined as YAML joins a
        # plain text's lines)
        value = " ".join(x.strip() for x in [value, *lines[row + 1 : last + 1]] if x.strip())
    if first in ("'", '"'):
        inner = value[1:-1] if len(value) > 1 and value.endswith(first) else None
        if inner is not None and first in inner:
            fixed = (
                "'" + inner.replace("'", "''") + "'"
                if first == "'" or "'" not in inner
                else '"' + inner.replace('"', '\\"') + '"'
            )
            return Explained(
                tr(
                    "the text of '{key}' is in quotes (') and contains the same quote, which "
                    "ends it early; inside single quotes, write an apostrophe twice ('')",
                    key=key,
                )
                if first == "'"
                else tr(
                    "the text of '{key}' is in quotes (\") and contains the same quote, which "
                    "ends it early; put the text in single quotes instead",
                    key=key,
                ),
                tr("write: {line}", line=line[: m.end()].strip() + " " + fixed),
                row + 1,
                m.end() + 1,
                *_span(row + 1, m.end() + 1, line),
            )
        return Explained(
            tr(
                "the text of '{key}' starts with a quote ({quote}), so YAML takes the quoted "
                "part as the whole text and cannot read what follows it; put the whole text in "
                "quotes",
                key=key,
                quote=first,
            ),
            tr("write: {line}", line=line[: m.end()].strip() + " " + quoted(value)),
            row + 1,
            m.end() + 1,
            *_span(row + 1, m.end() + 1, line),
        )
    if first in ("[", "{") and last > row:
        return _folded(lines, row, m, row)
    if first in ("[", "{"):
        return Explained(
            tr(
                "the text of '{key}' starts with '[', which YAML reads as the start of a list "
                "([a, b]); put the whole text in quotes",
                key=key,
            )
            if first == "["
            else tr(
                "the text of '{key}' starts with '{{', which YAML reads as the start of a "
                "mapping ({{a: b}}); put the whole text in quotes",
                key=key,
            ),
            tr("write: {line}", line=line[: m.end()].strip() + " " + quoted(value)),
            row + 1,
            m.end() + 1,
            *_span(row + 1, m.end() + 1, line),
        )
    return None


def _no_colon(lines: list[str], row: int) -> Explained:
    """``could not find expected ':'``: a line that is neither key: value nor an entry."""
    line = lines[row]
    col = _indent(line)
    glued = re.match(r"^[ ]*(?:-[ ]+)?(?P<key>[A-Za-z_][\w-]*):(?P<rest>\S.*)$", line)
    if glued is not None:
        key, rest = glued.group("key"), glued.group("rest")
        colon = glued.end("key")
        return Explained(
            tr("'{key}:' must be followed by a space", key=key),
            tr("write: {line}", line=line[:colon].strip() + ": " + rest),
            row + 1,
            colon + 1,
        )
    prev = _previous(lines, row)
    block = re.search(r":[ ]+[>|][-+0-9]*[ ]*$", lines[prev]) if prev is not None else None
    if prev is not None and block is not None:
        pm = _KEY_LINE.match(lines[prev])
        key = pm.group("key") if pm else "the key"
        inner = (pm.start("key") if pm else _indent(lines[prev])) + 2
        return Explained(
            tr(
                "the text of the block that starts on line {line} ('{start}') must be indented "
                "more than '{key}'",
                line=prev + 1,
                start=key + ": " + lines[prev][block.start() + 1 :].strip(),
                key=key,
            ),
            tr("indent the lines of the text to column {column}", column=inner + 1),
            row + 1,
            col + 1,
            *_span(row + 1, col + 1, line),
        )
    if prev is not None and col < _indent(lines[prev]) and _KEY_LINE.match(lines[prev]) is None:
        # a line of a text (plain or block) that lost its indentation
        for k in range(prev - 1, -1, -1):
            km = _KEY_LINE.match(lines[k])
            if _content(lines[k]) and km is not None and km.start("key") < _indent(lines[prev]):
                if col <= km.start("key"):
                    key = km.group("key")
                    return Explained(
                        tr(
                            "this line seems to continue the text of '{key}' (line {line}), but "
                            "it is not indented more than '{key}'",
                            key=key,
                            line=k + 1,
                        ),
                        tr(
                            "indent it to column {level}, like line {line}",
                            level=_indent(lines[prev]) + 1,
                            line=prev + 1,
                        ),
                        row + 1,
                        col + 1,
                        *_span(row + 1, col + 1, line),
                    )
                break
    if prev is not None:
        pm = _KEY_LINE.match(lines[prev])
        value = lines[prev][pm.end() :].strip() if pm else ""
        if pm is not None and value and value[0] not in "'\"|>[{" and col <= pm.start("key"):
            key = pm.group("key")
            return Explained(
                tr(
                    "this line seems to continue the text of '{key}' (line {line}), but it is "
                    "not indented more than '{key}'",
                    key=key,
                    line=prev + 1,
                ),
                tr(
                    "indent it to column {column}, or join it to line {line}",
                    column=pm.start("key") + 3,
                    line=prev + 1,
                ),
                row + 1,
                col + 1,
                *_span(row + 1, col + 1, line),
            )
    return Explained(
        tr("this line is neither 'key: value' nor a list entry ('- ')"),
        tr(
            "write ': ' after the key, start a list entry with '- ', or indent the line under "
            "the key whose text it continues"
        ),
        row + 1,
        col + 1,
        *_span(row + 1, col + 1, line),
    )


_RESERVED = {
    "@": "'@'",
    "`": "'`'",
    "%": "'%'",
    "&": "'&'",
    "*": "'*'",
    "!": "'!'",
    "?": "'? '",
    "-": "'- '",
}


def _reserved_start(lines: list[str], row: int, col: int) -> Explained | None:
    """A text that starts with a character YAML reserves."""
    line = lines[row]
    ch = line[col : col + 1]
    if ch not in _RESERVED:
        return None
    m = _KEY_LINE.match(line)
    if m is not None and m.end() <= col:
        value = line[m.end() :].strip()
        return Explained(
            tr(
                "the text of '{key}' starts with {start}, which YAML reserves; put the whole "
                "text in quotes",
                key=m.group("key"),
                start=_RESERVED[ch],
            ),
            tr("write: {line}", line=line[: m.end()].strip() + " " + quoted(value)),
            row + 1,
            col + 1,
            *_span(row + 1, col + 1, line),
        )
    return Explained(
        tr("a text cannot start with {start} unless it is in quotes", start=_RESERVED[ch]),
        tr("put the text in quotes: {text}", text=quoted(line[col:].strip())),
        row + 1,
        col + 1,
        *_span(row + 1, col + 1, line),
    )


# A blank of another kind in a line's indentation (a no-break space typed or
# pasted there): YAML indents with spaces only, and reads it as the line's
# first character
ODD_BLANKS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
_ODD_BLANK = re.compile("[ ]*+([" + ODD_BLANKS + "])")


def _odd_indentation(lines: list[str], row: int) -> Explained | None:
    """A blank that is not a space in the indentation of the error's line or
    of a line a little before it (the text of a block that line opens may lie
    between: YAML trips at the next key): what YAML tripped on, whatever it
    says. The nearest such line, up to 20 lines back."""
    for k in range(min(row, len(lines) - 1), max(-1, row - 21), -1):
        m = _ODD_BLANK.match(lines[k])
        if m is None:
            continue
        char = m.group(1)
        name = unicodedata.name(char, "")
        return Explained(
            tr(
                "line {line} is indented with {char} (U+{code} {name}), which YAML does not "
                "read as indentation: it takes it for the line's first character",
                line=k + 1,
                char=repr(char),
                code=format(ord(char), "04X"),
                name=name,
            ),
            tr("replace it with a space: indent with spaces only"),
            k + 1,
            m.start(1) + 1,
            k + 1,
            m.start(1) + 1,
        )
    return None


# the lines git leaves around the two sides of a conflict it could not merge
_CONFLICT = re.compile(r"^(?:<{7}|>{7})(?: |$)|^={7}$")


def _conflict(lines: list[str]) -> Explained | None:
    """A merge conflict left in the file: git's marker lines (``<<<<<<<``,
    ``=======``, ``>>>>>>>``), reported at the first, whatever libyaml made of
    them."""
    for row, line in enumerate(lines):
        if _CONFLICT.match(line):
            return Explained(
                tr(
                    "a merge conflict left in the file: git's marker line {marker!r} "
                    "(the two versions of the lines between its markers)",
                    marker=line.strip()[:40],
                ),
                tr(
                    "keep the lines of one side (or merge them by hand) and delete the marker "
                    "lines '<<<<<<<', '=======' and '>>>>>>>'"
                ),
                row + 1,
                1,
            )
    return None


def explain(text: str, exc: yaml.MarkedYAMLError) -> Explained:
    """What the editor must change for libyaml's error ``exc`` on ``text``."""
    problem = exc.problem or "invalid YAML"
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    ctx = exc.context_mark
    # libyaml's line breaks; two empty lines after the last, where libyaml may stop
    lines = [*_BREAKS.split(text), "", ""]
    if mark is None:  # pragma: no cover - libyaml always gives one
        return Explained(problem, _general_help(), 1, 1)
    row = min(mark.line, len(lines) - 1)
    col = mark.column
    conflict = _conflict(lines)
    if conflict is not None:
        return conflict
    found: Explained | None = _odd_indentation(lines, row)
    if found is not None:
        pass
    elif "expected a single document" in context or "expected <document start>" in problem:
        found = Explained(
            tr("several YAML documents in one file; keep one resolution per file"),
            tr(
                "remove the '---' or '...' line and what follows it, or move it to a file of "
                "its own"
            ),
            row + 1,
            col + 1,
        )
    elif "mapping values are not allowed" in problem:
        found = _colon_in_value(lines, row, col)
    elif problem.startswith("did not find expected key") or "expected '-' indicator" in problem:
        found = (
            _unclosed_quote(lines, text, mark.index)
            or _value_goes_on(lines, row, col)
            or _indentation(lines, row, col, ctx, "'-'" in problem)
        )
    elif "scanning a quoted scalar" in context and "end of stream" in problem and ctx:
        q = text[ctx.index : ctx.index + 1]
        line = lines[ctx.line]
        found = Explained(
            tr("the quote ({quote}) that opens this text is never closed", quote=q),
            tr("close it at the end of the text: {line}", line=line.strip() + q),
            ctx.line + 1,
            ctx.column + 1,
            *_span(ctx.line + 1, ctx.column + 1, line),
        )
    elif "could not find expected ':'" in problem and ctx is not None:
        found = _no_colon(lines, ctx.line)
    elif "cannot start any token" in problem or (
        "scanning an anchor" in context or "scanning an alias" in context
    ):
        found = _reserved_start(lines, ctx.line if ctx else row, ctx.column if ctx else col)
    elif (
        "block sequence entries are not allowed" in problem
        or "mapping keys are not allowed" in problem
    ):
        found = _reserved_start(lines, row, col)
    elif "flow" in context and ctx is not None and problem.startswith("did not find expected"):
        close = "]" if "sequence" in context else "}"
        line = lines[ctx.line]
        found = Explained(
            tr(
                "the '[' on this line opens a list that is not closed on its line; if the "
                "value is a text, put it in quotes"
            )
            if close == "]"
            else tr(
                "the '{' on this line opens a mapping that is not closed on its line; if the "
                "value is a text, put it in quotes"
            ),
            tr(
                "end it with '{close}' on the same line, or write the text in quotes: {text}",
                close=close,
                text=quoted(line[ctx.column :].strip()),
            ),
            ctx.line + 1,
            ctx.column + 1,
            *_span(ctx.line + 1, ctx.column + 1, line),
        )
    elif "block scalar" in context and ctx is not None:
        line = lines[ctx.line]
        found = Explained(
            tr("after a block marker ('>-', '|') the text starts on the next line"),
            tr(
                "move the text to the lines below the marker, each indented two spaces more "
                "than the key"
            ),
            ctx.line + 1,
            ctx.column + 1,
            *_span(ctx.line + 1, ctx.column + 1, line),
        )
    elif "unknown escape character" in problem:
        found = Explained(
            tr(
                "a backslash (\\) in a double-quoted text starts an escape such as \\n, and "
                "this one does not exist"
            ),
            tr(
                "write \\\\ for a backslash, or put the text in single quotes ('...'), where a "
                "backslash is just a character"
            ),
            row + 1,
            col + 1,
        )
    if found is not None:
        return found
    return Explained(problem, _general_help(), row + 1, col + 1)
