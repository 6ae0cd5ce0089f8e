"""What an entity "bomb" refers to: the entity, its size and its line.

libxml2 refuses a document whose internal entities expand out of
proportion (entities nested in entities, a "billion laughs") with a message
of its own, at the document's first line, whose advice names a function of
its C API. The importers say instead which entity the text refers to, at the
line of that reference, and how many characters it would expand to,
computed from the declarations without expanding anything.
"""

from __future__ import annotations

import re

from itures.i18n import tr

# an internal general entity declaration: <!ENTITY name "text"> (not a
# parameter entity, '%'; not an external one, SYSTEM or PUBLIC)
# (the text up to its closing quote, no further: a declaration left open is
# not read past the next quote)
_DECLARED = re.compile(r"""<!ENTITY\s+([^\s%"'>]+)\s+(?:"([^"]*)"|'([^']*)')\s*>""")
_REFERENCE = re.compile(r"&([A-Za-z_:][\w.:-]*);")
# the sizes are counted up to this (a bomb's are astronomical)
_CAP = 10**15
# entities nested deeper than this are counted as the cap (libxml2 expands
# none nested beyond 40; and the count is not a recursion as deep as the chain)
_DEPTH = 64


def expansion_bomb(text: str, limit: int) -> tuple[str, int, int] | None:
    """(name, expanded size in characters, 1-based line) of the first
    reference, after the document type declaration, to an internal entity of
    ``text`` that expands to more than ``limit`` characters; None when
    there is none (the document's entities are not what grew it)."""
    declared: dict[str, str] = {}
    end = 0
    for m in _DECLARED.finditer(text):
        declared.setdefault(m.group(1), m.group(2) if m.group(2) is not None else m.group(3))
        end = m.end()
    if not declared:
        return None
    sizes: dict[str, int] = {}

    def size(name: str, seen: frozenset[str]) -> int:
        if name in sizes:
            return sizes[name]
        body = declared.get(name)
        if body is None or name in seen:
            return len(name) + 2  # (not ours to expand: counted as written)
        if len(seen) >= _DEPTH:
            return _CAP
        total = 0
        last = 0
        for ref in _REFERENCE.finditer(body):
            total += ref.start() - last + size(ref.group(1), seen | {name})
            last = ref.end()
            if total >= _CAP:
                total = _CAP
                break
        total = min(total + len(body) - last, _CAP)
        sizes[name] = total
        return total

    close = text.find("]>", end)
    start = close + 2 if close >= 0 else end
    for ref in _REFERENCE.finditer(text, start):
        name = ref.group(1)
        if name in declared:
            grown = size(name, frozenset())
            if grown > limit:
                return name, grown, text.count("\n", 0, ref.start()) + 1
    return None


def bomb_message(name: str, grown: int) -> str:
    """The message for :func:`expansion_bomb`'s finding, in the current language."""
    if grown < _CAP:
        return tr(
            "the text refers to &{name};, an entity that expands to {count} characters "
            '(entities nested in entities: a "billion laughs"): itures refuses a document '
            "that grows so, and it is not imported; write the text itself",
            name=name,
            count=format(grown, ","),
        )
    return tr(
        "the text refers to &{name};, an entity that expands to more than {count} characters "
        '(entities nested in entities: a "billion laughs"): itures refuses a document '
        "that grows so, and it is not imported; write the text itself",
        name=name,
        count=format(_CAP, ","),
    )
