"""Citations to follow: definition, hover, references; and the outline of a file.

* **Go to definition** on a citation (its words or its target) opens the
  cited resolution at the cited part's label (the resolution's first line
  when the citation has no fragment): the version in the citing file's
  language when the corpus has it, else the first by language, as
  :meth:`itures.Corpus.resolve` chooses. A fragment is looked up with the
  walk ``reference-unresolved`` uses (:func:`itures.fragments.find`), on the
  file's data, so an open document's unsaved text is what is followed.
* **Hover** on a citation shows the cited part's text (its nested entries
  too), the resolution's title and its latest revision (from ``history``);
  when the citation does not resolve, why (the words of
  ``reference-unresolved``).
* **Find references** on an entry (or a section heading) lists every
  citation of it, and of what it holds, by the files of the corpus
  (:meth:`itures.Corpus.cited_by`), at the citation's place in each file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from itures.fragments import Outline, find, segment
from itures.i18n import tr

if TYPE_CHECKING:
    from itures.lsp.session import Loaded, Session

__all__ = [
    "Cited",
    "Node",
    "citation_at",
    "cited",
    "data_outline",
    "entry_at",
    "fragment_of",
    "references",
]

Pointer = tuple[str | int, ...]
Node = tuple[Pointer, dict[str, Any]]
"""An entry of the document's data with its place: (pointer, mapping)."""

_CITATION = re.compile(r"\[(?P<words>[^\]]*)\]\((?P<target>[^)\s]*)\)")
_TARGET = re.compile(r"\]\((?P<target>[a-z][a-z0-9-]*:[^)\s]*)")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _entries(base: Pointer, value: Any) -> list[Node]:
    return [((*base, i), e) for i, e in enumerate(_list(value)) if isinstance(e, dict)]


def _children(node: Node) -> list[Node]:
    pointer, entry = node
    key = "clauses" if "clauses" in entry else "items"
    return _entries((*pointer, key), entry.get(key))


def _label(node: Node) -> str | None:
    label = node[1].get("label")
    return None if label is None else str(label)


def data_outline(data: Any) -> Outline[Pointer, Node]:
    """The sections and annexes of a resolution's data (as read, valid or not)."""
    data = data if isinstance(data, dict) else {}
    preamble = [
        (
            str(s.get("verb", "")),
            ("preamble", i),
            _entries(("preamble", i, "items"), s.get("items")),
        )
        for i, s in enumerate(_list(data.get("preamble")))
        if isinstance(s, dict)
    ]
    operative = [
        (
            str(s.get("verb", "")),
            str(s.get("heading", "")),
            ("operative", i),
            _entries(("operative", i, "clauses"), s.get("clauses")),
        )
        for i, s in enumerate(_list(data.get("operative")))
        if isinstance(s, dict)
    ]
    annexes: list[tuple[str | None, Pointer, Sequence[Node]]] = [
        (
            None if a.get("label") is None else str(a.get("label")),
            ("annexes", i),
            _entries(("annexes", i, "items"), a.get("items")),
        )
        for i, a in enumerate(_list(data.get("annexes")))
        if isinstance(a, dict)
    ]
    return Outline(preamble, operative, annexes, _label, _children)


@dataclass(frozen=True)
class Citation:
    """A citation in the text: its target and where it is (offsets in the text)."""

    target: str
    start: int
    end: int


def citation_at(text: str, offset: int) -> Citation | None:
    """The citation whose ``[words](target)`` (on one line) holds ``offset``."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    at = offset - line_start
    for m in _CITATION.finditer(line):
        if m.start() <= at <= m.end():
            return Citation(m.group("target"), line_start + m.start(), line_start + m.end())
    for m in _TARGET.finditer(line):  # the words began on an earlier line
        if m.start() <= at <= m.end() + 1:
            return Citation(m.group("target"), line_start + m.start(), line_start + m.end())
    return None


@dataclass(frozen=True)
class Cited:
    """Where a citation leads: the file, the part's place in it, the part."""

    loaded: Loaded
    pointer: Pointer | None  # None: the whole resolution
    entry: dict[str, Any] | None
    year: int | None
    fragment: tuple[str, ...]


def cited(session: Session, loaded: Loaded, target: str) -> Cited | str:
    """What ``target`` cites (the first resolution it names), or why it cannot be followed."""
    from itures.model.markup import parse_target

    parsed = parse_target(target)
    if isinstance(parsed, str):
        return parsed
    refs, year, fragment = parsed
    ref = refs[0]
    files = session.files_of(loaded.path, ref.body, ref.number)
    if not files:
        return f"{ref} is not in the corpus"
    language = loaded.data.get("language") if loaded.valid else None
    path = files.get(str(language)) or files[sorted(files)[0]]
    other = session.load(path)
    if other is None or not other.valid:
        return f"{ref}: {path} cannot be read"
    if not fragment:
        return Cited(other, None, None, year, fragment)
    outline = data_outline(other.data)
    answer = find(outline, fragment)
    found, why = answer
    if why is not None:
        return f"{ref} {why}"
    if is_node(found):
        node: Node = found  # type: ignore[assignment]
        return Cited(other, node[0], node[1], year, fragment)
    # a section or an annex
    section: Pointer | None = found  # type: ignore[assignment]
    return Cited(other, section, None, year, fragment)


def is_node(found: object) -> bool:
    """Whether what :func:`find` found is an entry (a :data:`Node`), not a section."""
    return isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], dict)


def place_of(cited_: Cited) -> tuple[int, int]:
    """0-based (line, column) in code points of the cited part's label (or start)."""
    doc = cited_.loaded.document
    if doc is None or cited_.pointer is None:
        return 0, 0
    pointer = cited_.pointer
    if cited_.entry is not None and "label" in cited_.entry:
        line, column = doc.locate((*pointer, "label"))
    else:
        line, column = doc.locate(pointer)
    return line - 1, column - 1


def _entry_text(entry: dict[str, Any], depth: int = 0) -> list[str]:
    label = entry.get("label")
    text = str(entry.get("text", ""))
    out = ["  " * depth + (f"{label} " if label is not None else "") + text]
    for child in _list(entry.get("clauses") or entry.get("items")):
        if isinstance(child, dict):
            out.extend(_entry_text(child, depth + 1))
    return out


def revision(data: dict[str, Any]) -> str | None:
    """The latest revision recorded in ``history``: 'revised Buenos Aires, 2017'."""
    events = [h for h in _list(data.get("history")) if isinstance(h, dict)]
    if not events:
        return None
    last = events[-1]
    place = last.get("place")
    where = f"{place}, {last.get('year')}" if place else str(last.get("year"))
    event = last.get("event", "")
    if event == "adopted":
        return tr("adopted ({where})", where=where)
    if event == "revised":
        return tr("revised ({where})", where=where)
    if event == "abrogated":
        return tr("abrogated ({where})", where=where)
    return f"{event} ({where})"


def hover_text(cited_: Cited | str) -> str:
    """Markdown for a hover on a citation."""
    if isinstance(cited_, str):
        return tr("**Not found**: {why}", why=cited_)
    data = cited_.loaded.data
    head = f"**{data.get('body')}:{data.get('number')}** ({data.get('language')}) — "
    head += str(data.get("title", "")).strip()
    rev = revision(data)
    lines = [head, ""]
    if rev:
        lines += [
            tr("Latest: {revision}; cited as of {year}", revision=rev, year=cited_.year)
            if cited_.year
            else tr("Latest: {revision}", revision=rev),
            "",
        ]
    if cited_.fragment:
        lines.append(f"`#{'/'.join(cited_.fragment)}`")
        lines.append("")
    if cited_.entry is not None:
        lines += ["```text", *_entry_text(cited_.entry), "```"]
    elif cited_.pointer is not None:
        section = _at(data, cited_.pointer)
        if isinstance(section, dict):
            lines.append(str(section.get("heading", "")))
            for entry in _list(section.get("clauses") or section.get("items")):
                if isinstance(entry, dict):
                    lines += ["```text", *_entry_text(entry), "```"]
    lines.append(f"\n{cited_.loaded.path}")
    return "\n".join(lines)


def _at(data: Any, pointer: Pointer) -> Any:
    node = data
    for p in pointer:
        try:
            node = node[p]
        except (KeyError, IndexError, TypeError):
            return None
    return node


# -- references ---------------------------------------------------------------


def entry_at(loaded: Loaded, offset: int) -> Pointer | None:
    """The innermost entry, section or annex whose source holds ``offset``."""
    doc = loaded.document
    if doc is None or doc.root is None:
        return None
    from yaml.nodes import MappingNode

    best: Pointer | None = None
    root = doc.root
    if not isinstance(root, MappingNode):
        return None
    for k, v in root.value:
        if k.value in ("preamble", "operative", "annexes"):
            best = _deepest(v, (k.value,), offset, loaded.at) or best
    return best


# (a module function, not one nested in entry_at calling itself: that one held
# itself in its closure, a reference cycle left to the garbage collector at
# every request)
def _deepest(node: Any, pointer: Pointer, offset: int, at: Callable[[Any], int]) -> Pointer | None:
    """The pointer of the innermost entry of the list ``node`` (and the lists
    nested in it) whose source holds ``offset`` (an index of the editor's
    text: ``at`` gives a node's mark's), or None."""
    from yaml.nodes import MappingNode, SequenceNode

    if not isinstance(node, SequenceNode):
        return None
    for i, item in enumerate(node.value):
        if isinstance(item, MappingNode) and at(item.start_mark) <= offset < at(item.end_mark):
            best: Pointer = (*pointer, i)
            for k, v in item.value:
                if k.value in ("items", "clauses"):
                    best = _deepest(v, (*pointer, i, k.value), offset, at) or best
            return best
    return None


def fragment_of(data: Any, pointer: Pointer) -> tuple[str, ...] | None:
    """The citation fragment naming the part at ``pointer`` (``('resolves', '3')``)."""
    if len(pointer) < 2 or not isinstance(data, dict):
        return None
    part, index = pointer[0], pointer[1]
    section = _at(data, (part, index))
    if not isinstance(section, dict):
        return None
    if part == "annexes":
        label = section.get("label")
        head: tuple[str, ...] = ("annex", segment(str(label))) if label is not None else ("annex",)
    else:
        head = (str(section.get("verb", "")),)
    labels: list[str] = []
    for depth in range(3, len(pointer), 2):
        entry = _at(data, pointer[: depth + 1])
        if not isinstance(entry, dict) or entry.get("label") is None:
            return None
        labels.append(segment(str(entry["label"])))
    return (*head, *labels)


@dataclass(frozen=True)
class Reference:
    path: str
    line: int  # 1-based, code points, as a Diagnostic
    column: int
    end_line: int
    end_column: int
    loaded: Loaded


def references(session: Session, loaded: Loaded, offset: int) -> list[Reference]:
    """Every citation, in the corpus, of the part of ``loaded`` at ``offset``."""
    if not loaded.valid:
        return []
    pointer = entry_at(loaded, offset)
    fragment: tuple[str, ...] = ()
    if pointer is not None:
        found = fragment_of(loaded.data, pointer)
        if found is None:
            return []
        fragment = found
    body, number = str(loaded.data.get("body")), str(loaded.data.get("number"))
    from itures.index import Index
    from itures.lookup import inbound
    from itures.model.markup import ResolutionRef
    from itures.rules.position import locate_span
    from itures.summary import summarise
    from itures.validate import validate

    index = Index()
    citing = [
        p
        for p, card in sorted(session.cards(loaded.path).items())
        if card is not None and (body, number) in card[3]
    ]
    here = session.path_of(loaded.path)
    if here not in citing:
        citing.append(here)
    read: dict[str, Loaded] = {}
    for path in citing:
        other = loaded if path == here else session.load(path)
        if other is None or other.document is None:
            continue
        resolution, _ = validate(other.document)
        if resolution is None:
            continue
        index.add_summary(summarise(path, resolution))
        read[path] = other
    out: list[Reference] = []
    for cite in inbound(index, ResolutionRef(body, number), fragment):
        other = read[cite.path]
        assert other.document is not None
        length = len(f"[{cite.words}]({cite.target})")
        line, column, end_line, end_column = locate_span(
            other.document, cite.pointer, cite.offset, length
        )
        out.append(Reference(cite.path, line, column, end_line, end_column, other))
    return out
