"""Writing help: completion, the outline (document symbols), rename of a footnote.

Completion offers, where the cursor is:

* in a citation's target (``](``): the bodies and numbers of the corpus
  (``wtdc:`` then ``59``), after ``#`` the sections of the cited resolution
  (its verbs, ``annex``), after ``#resolves/`` the labels its clauses carry
  (as a citation writes them: ``a`` for ``a)``), and so on down;
* in a footnote marker (``[^``): the ids of the file's footnotes;
* after ``actors:``, ``partners:`` or ``report_to:`` (and in their lists):
  the actor ids of the vocabulary (the corpus's additions included);
* after ``verb:``: the verbs of the part (preamble or operative), the
  corpus's additions included.

The outline lists the sections (verb and heading), their items and clauses
(label and the start of the text), the annexes and the footnotes.

Rename works on a footnote id: at a marker ``[^1]`` or on a footnote's
``id``; every marker of it in the file and the id change together.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from itures.fragments import find, segment
from itures.i18n import tr
from itures.lsp.navigation import Node, data_outline, is_node

if TYPE_CHECKING:
    from itures.config import Config
    from itures.lsp.session import Loaded, Session

__all__ = ["complete", "rename", "symbols"]

_IN_TARGET = re.compile(r"\]\((?P<t>[^)\s]*)$")
_IN_MARKER = re.compile(r"\[\^(?P<id>[^\]\s]*)$")
_ACTOR_KEY = re.compile(r"^\s*(?:-\s+)?(?:actors|partners|report_to)\s*:")
_VERB_KEY = re.compile(r"^\s*(?:-\s+)?verb\s*:\s*\S*$")


def _item(label: str, kind: types.CompletionItemKind, detail: str | None = None) -> Any:
    return types.CompletionItem(label=label, kind=kind, detail=detail)


def complete(
    session: Session, loaded: Loaded, config: Config | None, offset: int
) -> list[types.CompletionItem]:
    """Completions at the cursor, at index ``offset`` of the text."""
    text = loaded.text
    start = text.rfind("\n", 0, offset) + 1
    before = text[start:offset]
    m = _IN_TARGET.search(before)
    if m:
        return _targets(session, loaded, m.group("t"))
    m = _IN_MARKER.search(before)
    if m:
        ids = _footnotes(loaded)
        return [_item(i, types.CompletionItemKind.Reference, tr("footnote")) for i in ids]
    if _ACTOR_KEY.match(before) or _in_list_of(text[:start], before, ("actors", "partners")):
        data = loaded.data if loaded.valid else {}
        language = data.get("language") if isinstance(data, dict) else None
        return _actors(config, language if isinstance(language, str) else None)
    if _VERB_KEY.match(before):
        return _verbs(text[:start], config)
    return []


def _footnotes(loaded: Loaded) -> list[str]:
    data = loaded.data if loaded.valid else {}
    notes = data.get("footnotes") if isinstance(data, dict) else None
    return [str(f["id"]) for f in notes or [] if isinstance(f, dict) and "id" in f]


def _actors(config: Config | None, language: str | None) -> list[types.CompletionItem]:
    """The actors of the vocabulary, each with its name in the document's
    language (``language``; English when it has none there)."""
    from itures.model.vocabulary import vocabulary_of

    vocab = vocabulary_of(config)
    out = []
    for actor in vocab.actors:
        names = (
            (getattr(actor.names, language, None) if language else None)
            or getattr(actor.names, "en", None)
            or []
        )
        out.append(
            _item(actor.id, types.CompletionItemKind.EnumMember, names[0] if names else None)
        )
    return out


def _verbs(upto: str, config: Config | None) -> list[types.CompletionItem]:
    """The verbs of the part the cursor is in (``upto``: the text before its line)."""
    from itures.model.vocabulary import Verbs, verb_vocabulary

    verbs = Verbs(verb_vocabulary(), config.verbs if config is not None else ())
    tops = re.findall(r"^(preamble|operative)\s*:", upto, re.MULTILINE)
    parts = [tops[-1]] if tops else ["preamble", "operative"]
    return [
        _item(key, types.CompletionItemKind.EnumMember, part)
        for part in parts
        for key in verbs.keys(part)
    ]


def _in_list_of(upto: str, before: str, keys: tuple[str, ...]) -> bool:
    """Whether ``before`` starts an item ``- `` of a block list under one of ``keys``
    (``upto``: the text before the line)."""
    if not re.fullmatch(r"\s*-\s*\S*", before):
        return False
    indent = len(before) - len(before.lstrip())
    for prev in reversed(upto.split("\n")):
        if not prev.strip() or prev.lstrip().startswith("#"):
            continue
        if prev.lstrip().startswith("- ") and len(prev) - len(prev.lstrip()) == indent:
            continue
        m = re.match(r"^(\s*)(?:-\s+)?([\w-]+)\s*:\s*$", prev)
        return bool(m and m.group(2) in keys)
    return False


def _number_order(number: str) -> tuple[tuple[int, int | str], ...]:
    """A resolution number's place among the others: its runs of digits
    compared as numbers ('58' before '150', '58A' after '58')."""
    return tuple(
        (0, int(run)) if run.isdigit() else (1, run) for run in re.findall(r"\d+|\D+", number)
    )


def _targets(session: Session, loaded: Loaded, typed: str) -> list[types.CompletionItem]:
    cards = session.cards(loaded.path)
    identities = sorted({(c[0], c[1]) for c in cards.values() if c is not None})
    if "#" not in typed:
        if ":" not in typed:
            bodies = sorted({b for b, _ in identities})
            return [_item(f"{b}:", types.CompletionItemKind.Module) for b in bodies]
        body = typed.split(":", 1)[0]
        # (in the order of their numbers, 58 before 150, which the client keeps)
        numbers = sorted((n for b, n in identities if b == body), key=_number_order)
        return [
            types.CompletionItem(
                label=n,
                kind=types.CompletionItemKind.Module,
                detail=f"{body}:{n}",
                sort_text=f"{i:05d}",
            )
            for i, n in enumerate(numbers)
        ]
    head, fragment = typed.split("#", 1)
    from itures.lsp.navigation import cited

    found = cited(session, loaded, head)
    if isinstance(found, str):
        return []
    outline = data_outline(found.loaded.data)
    segs = fragment.split("/")
    if len(segs) == 1:
        verbs = dict.fromkeys(
            [v for v, _, _ in outline.preamble] + [v for v, _, _, _ in outline.operative]
        )
        names = [*verbs, *(["annex"] if outline.annexes else [])]
        return [_item(v, types.CompletionItemKind.Class) for v in names if v]
    parent = segs[:-1]
    entries: list[Node] = []
    if len(parent) == 1 and parent[0] != "annex":
        for verb, _, es in outline.preamble:
            if verb == parent[0]:
                entries.extend(es)
        for verb, _, _, es in outline.operative:
            if verb == parent[0]:
                entries.extend(es)
    else:
        answer = find(outline, parent)
        at, why = answer
        if why is not None or at is None:
            return []
        if is_node(at):
            entries = list(outline.children(at))  # type: ignore[arg-type]
        else:
            for _, ptr, es in outline.annexes:
                if ptr == at:
                    entries = list(es)
    out: list[types.CompletionItem] = []
    seen: set[str] = set()
    for node in entries:
        label = node[1].get("label")
        if label is None:
            continue
        seg = segment(str(label))
        if seg in seen:
            continue
        seen.add(seg)
        text = str(node[1].get("text", ""))
        out.append(
            types.CompletionItem(
                label=seg,
                kind=types.CompletionItemKind.EnumMember,
                detail=text[:80],
                sort_text=f"{len(out):05d}",
            )
        )
    return out


# -- the outline -----------------------------------------------------------------


def _span(doc: Any, to_range: Any, pointer: tuple[str | int, ...]) -> Any:
    """The range of the node at ``pointer``, or None."""
    from itures.rules.position import node_at

    node = node_at(doc, pointer, False)
    if node is None:
        return None
    return to_range(node.start_mark.index, node.end_mark.index)


# (module functions, not functions nested in symbols, one calling itself: that
# one held itself and the document in its closure, a reference cycle that kept
# the parsed document alive until the garbage collector ran)
def _entry_symbol(doc: Any, to_range: Any, node: Node) -> types.DocumentSymbol | None:
    """The symbol of an entry and of the entries nested in it."""
    pointer, data = node
    rng = _span(doc, to_range, pointer)
    if rng is None:
        return None
    label = data.get("label")
    text = " ".join(str(data.get("text", "")).split())
    name = f"{label} {text[:60]}" if label is not None else text[:60] or "(entry)"
    key = "clauses" if "clauses" in data else "items"
    kids = [
        s
        for s in (
            _entry_symbol(doc, to_range, ((*pointer, key, i), e)) for i, e in _dicts(data.get(key))
        )
        if s is not None
    ]
    return types.DocumentSymbol(
        name=name,
        kind=types.SymbolKind.Field,
        range=rng,
        selection_range=rng,
        children=kids or None,
    )


def _from_read(loaded: Loaded, to_range: Any) -> Any:
    """``to_range`` of the indices of the document's text as read (its nodes'
    marks: line breaks written "\\n", no byte order mark), which the editor's
    text may not be (:meth:`Loaded.at`)."""
    return lambda start, end: to_range(loaded.source(start), loaded.source(end))


def symbols(loaded: Loaded, to_range: Any) -> list[types.DocumentSymbol]:
    """The outline of the document; ``to_range(start, end)`` converts text offsets."""
    doc = loaded.document
    if doc is None or not loaded.valid:
        return []
    to_range = _from_read(loaded, to_range)

    out: list[types.DocumentSymbol] = []
    data = loaded.data
    for part, key, kind in (
        ("preamble", "items", types.SymbolKind.Namespace),
        ("operative", "clauses", types.SymbolKind.Namespace),
        ("annexes", "items", types.SymbolKind.Module),
    ):
        for i, section in _dicts(data.get(part)):
            rng = _span(doc, to_range, (part, i))
            if rng is None:
                continue
            if part == "annexes":
                name = f"{section.get('heading', 'annex')} {section.get('label') or ''}".strip()
            else:
                name = f"{section.get('verb', '')}: {section.get('heading', '')}"
            kids = [
                s
                for s in (
                    _entry_symbol(doc, to_range, ((part, i, key, j), e))
                    for j, e in _dicts(section.get(key))
                )
                if s is not None
            ]
            out.append(
                types.DocumentSymbol(
                    name=" ".join(name.split())[:80],
                    kind=kind,
                    range=rng,
                    selection_range=rng,
                    children=kids or None,
                )
            )
    for i, note in _dicts(data.get("footnotes")):
        rng = _span(doc, to_range, ("footnotes", i))
        if rng is not None:
            out.append(
                types.DocumentSymbol(
                    name=f"[^{note.get('id')}]",
                    kind=types.SymbolKind.Key,
                    range=rng,
                    selection_range=rng,
                )
            )
    return out


def _dicts(value: Any) -> list[tuple[int, dict[str, Any]]]:
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]


# -- rename a footnote -------------------------------------------------------------


def footnote_at(loaded: Loaded, offset: int) -> str | None:
    """The footnote id at ``offset``: in a marker ``[^id]`` or a footnote's ``id``."""
    text = loaded.text
    for m in re.finditer(r"\[\^([^\]\s]+)\]", text[max(0, offset - 200) : offset + 200]):
        start = max(0, offset - 200) + m.start()
        if start <= offset <= start + len(m.group(0)):
            return m.group(1)
    doc = loaded.document
    if doc is None:
        return None
    from yaml.nodes import ScalarNode

    from itures.rules.position import nodes_along

    for i, _ in _dicts(loaded.data.get("footnotes") if loaded.valid else None):
        found = nodes_along(doc, ("footnotes", i, "id"))
        node = found[-1] if found else None
        if isinstance(node, ScalarNode) and loaded.at(node.start_mark) <= offset <= loaded.at(
            node.end_mark
        ):
            return str(node.value)
    return None


def rename_refused(loaded: Loaded, old: str, new: str) -> str | None:
    """Why footnote ``old`` cannot be renamed ``new``, or None: an id the
    markup cannot read (the rename would write a marker that is text and an
    id the schema refuses: '2]', 'a b'), or the id of another footnote (the
    two would become one)."""
    from itures.model import markup as mk

    if new == old:
        return None
    if re.fullmatch(mk.FOOTNOTE_ID, new) is None:
        return tr(
            "'{new}' cannot be a footnote's id: an id is letters, digits or one of * † ‡ § "
            "(no blank, no bracket)",
            new=new,
        )
    ids = (
        {str(n.get("id")) for _, n in _dicts(loaded.data.get("footnotes"))}
        if loaded.valid
        else set()
    )
    if new in ids:
        return tr(
            "footnote '{new}' exists: renaming '{old}' to it would make the two one",
            new=new,
            old=old,
        )
    return None


def rename(loaded: Loaded, old: str, new: str) -> list[tuple[int, int, str]]:
    """The edits (start, end, text) renaming footnote ``old`` to ``new``."""
    edits = [
        (m.start(1), m.end(1), new)
        for m in re.finditer(r"\[\^(" + re.escape(old) + r")\]", loaded.text)
    ]
    doc = loaded.document
    if doc is not None:
        from yaml.nodes import ScalarNode

        from itures.lsp.actions import _label
        from itures.rules.position import nodes_along

        for i, note in _dicts(loaded.data.get("footnotes") if loaded.valid else None):
            if str(note.get("id")) != old:
                continue
            found = nodes_along(doc, ("footnotes", i, "id"))
            node = found[-1] if found else None
            if isinstance(node, ScalarNode):
                edits.append(
                    (loaded.at(node.start_mark), loaded.at(node.end_mark), _label(new, node.style))
                )
    return sorted(edits)
