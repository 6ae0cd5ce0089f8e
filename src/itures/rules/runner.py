"""Running the rules on one file: configuration, positions, suppressions.

The pipeline (:mod:`itures.corpus`) runs the rules of a file in two steps:
:meth:`Runner.file_findings` (file rules, on the model, while the file is
read) and :meth:`Runner.corpus_findings` (corpus rules, on the summaries,
once every file is indexed); :meth:`Runner.finish` turns the findings into
positioned diagnostics and applies the in-file suppressions.

The parsed document (for positions and suppression comments) is fetched
lazily: a file on which no rule finds anything and whose text has no
suppression marker is never parsed again.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from itures.config import Config
from itures.diagnostics import Diagnostic, Related, pointer_from, positioned, related_at, shared
from itures.i18n import tr
from itures.rules import Context, CorpusContext, Finding, Place, Rule, load_all, run
from itures.rules import suppressions as sp
from itures.rules.verbs import HEADINGS_LANGUAGE

if TYPE_CHECKING:
    from itures.index import Index
    from itures.model.resolution import Resolution
    from itures.summary import Summary
    from itures.yamlio.read import Along, Document

# rules the runner reports itself (they have no check of their own)
RUNNER_RULES = ("suppression-invalid", "suppression-unused")
# the rule that reports the text a conversion merged after the document's end
# (the other rules' findings in it are left out: see Runner.file_findings)
_TRAILING = "conversion-artefact"
# the rule that reports a key indented into a text (see Runner.file_findings)
_BREAK = "text-break"

Found = list[tuple[Rule, Finding]]

# the file rules that read a file's texts in the language its 'language' field
# names (its punctuation, its words, its spellings of places): in a file whose
# headings heading-mismatch says are in another language, their findings in a
# text plainly not in the named language are left out (see Runner.file_findings)
LANGUAGE_BOUND = frozenset(
    (
        "text-language",
        "punctuation",
        "reference-text",
        "reference-part",
        "reference-unmarked",
        "history",
        "text-cut",
        "text-capital",
        "text-date",
        "word-spelling",
        "deadline-mismatch",
        "actor-mismatch",
    )
)


# the fields of an entry whose words a clause's data are read against, and
# the rules that read them so (see Runner.file_findings, "lookalike")
_WORDS = frozenset(("text", "words"))
_WORDS_READ = frozenset(("deadline-mismatch", "actor-mismatch"))


def _entry_of(path: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """The entry (clause or item) a path is in: the path up to its last
    index of 'clauses' or 'items' (the whole path when there is none)."""
    for k in range(len(path) - 1, 0, -1):
        if isinstance(path[k], int) and path[k - 1] in ("clauses", "items"):
            return path[: k + 1]
    return path


# the numbering rules, whose finding at a label a suppression may accept
_NUMBERING = frozenset(("numbering-gap", "numbering-duplicate", "numbering-style"))


def _lists_of(doc: Document, numbered: list[tuple[str | int, ...]]) -> Callable[[int], bool]:
    """Whether a line is that of an entry of a list whose numbering one of
    the findings at ``numbered`` (their paths) reports; the lines are looked
    up on the first question (an unused suppression of a numbering rule:
    most files with suppressions ask none)."""
    if not numbered:
        return lambda line: False
    found: list[set[int]] = []

    def answer(line: int) -> bool:
        if not found:
            found.append(_entry_lines(doc, numbered))
        return line in found[0]

    return answer


def _entry_lines(doc: Document, numbered: list[tuple[str | int, ...]]) -> set[int]:
    """The lines of the entries of the lists of the findings at ``numbered``."""
    lines: set[int] = set()
    for parts in dict.fromkeys(p[:-2] if p[-1:] == ("label",) else p[:-1] for p in numbered):
        # (the document's data is let go once validated: its entries found by
        # their nodes, the deepest node along an entry's path starting on its
        # own line, where its label is; past the last entry, the path stops
        # at the list, on an earlier line)
        last = 0
        for i in range(_MOST_ENTRIES):
            line = max(sp.node_lines(doc, (*parts, i)), default=0)
            if line <= last:
                break
            lines.add(line)
            last = line
    return lines


# the entries of one list looked at, at most (a hostile file's)
_MOST_ENTRIES = 10_000


def _left_to(rule: str, found: Found, covered: Callable[[Finding], bool]) -> Found:
    """``found`` without the findings of other rules than ``rule`` that
    ``covered`` says are in what ``rule`` reports (one defect, one finding)."""
    return [(r, f) for r, f in found if r.name == rule or not covered(f)]


def _left_to_spans(rule: str, found: Found) -> Found:
    """``found`` without the findings of other rules inside the spans of the
    findings of ``rule`` (one defect, one finding: what they read inside
    what ``rule`` reports follows from it)."""
    spans: dict[Any, list[tuple[int, int]]] = {}
    for r, f in found:
        if r.name == rule and f.offset is not None and f.length:
            spans.setdefault(f.path, []).append((f.offset, f.offset + f.length))
    return _left_within(rule, found, spans)


def _left_within(rule: str, found: Found, spans: dict[Any, list[tuple[int, int]]]) -> Found:
    """``found`` without the findings of other rules that start inside
    ``spans`` (by path: offsets from, to, in the text there), which ``rule``
    reports: what they say there follows from its finding."""
    if not spans:
        return found
    for places in spans.values():
        places.sort()
    return _left_to(rule, found, lambda f: _inside(spans.get(f.path), f.offset))


def covered_by(found: Iterable[tuple[Rule, Finding]]) -> set[tuple[str, tuple[str | int, ...]]]:
    """(rule, path) of the file findings that corpus findings of ``found``
    cover (:attr:`Finding.covers`): those rules' findings at the entry each
    one is at (and those of :attr:`Finding.covers_at`), its text, its label
    or its id."""
    return {
        (name, path)
        for _, f in found
        for name in f.covers
        for at in (f.path, *f.covers_at)
        for path in (at, (*at, "text"), (*at, "label"), (*at, "id"))
    }


def uncovered(found: Found, covered: set[tuple[str, tuple[str | int, ...]]]) -> tuple[Found, Found]:
    """``found`` without the findings ``covered`` names (see :func:`covered_by`),
    and those findings apart: they are not shown, and a suppression of one of
    them is not unused (``absorbed`` of :meth:`Runner.finish`)."""
    if not covered:
        return found, []
    kept: Found = []
    absorbed: Found = []
    for r, f in found:
        (absorbed if (r.name, f.path) in covered else kept).append((r, f))
    return kept, absorbed


def _history_entry(resolution: Resolution, path: tuple[str | int, ...]) -> object:
    """The history entry a ``("history", i, "place")`` path names, or None."""
    i = path[1] if len(path) > 2 else None
    history = resolution.history
    return history[i] if isinstance(i, int) and 0 <= i < len(history) else None


def _in_its_language(ctx: Context, found: Found, other: str | None = None) -> Found:
    """``found`` without the findings of :data:`LANGUAGE_BOUND` rules in a
    text that is not in the file's language
    (:func:`itures.rules.languages.in_another_language`), or whose words
    lean to ``other`` (:func:`itures.rules.languages.leans_to`)."""
    from itures.conferences import spelt_by
    from itures.rules._walk import texts
    from itures.rules.languages import in_another_language, leans_to

    lang = ctx.resolution.language
    by_path = {t.path: t.text for t in texts(ctx)}
    judged: dict[tuple[str | int, ...], bool] = {}

    def foreign(path: tuple[str | int, ...]) -> bool:
        if path not in judged:
            text = by_path.get(path)
            judged[path] = text is not None and (
                in_another_language(text, lang)
                or (other is not None and leans_to(text, lang, other))
                or (other is not None and spelt_as(path, other))
            )
        return judged[path]

    def spelt_as(path: tuple[str | int, ...], other: str) -> bool:
        """Whether the history place at ``path`` is written as ``other``
        spells it and not as the file's language does ('Marrakech' in a
        French file whose field says 'en')."""
        if path[:1] != ("history",) or path[-1:] != ("place",):
            return False
        place = getattr(_history_entry(ctx.resolution, path), "place", None)
        spelt = spelt_by(place) if isinstance(place, str) else frozenset()
        return other in spelt and lang not in spelt

    return [(r, f) for r, f in found if r.name not in LANGUAGE_BOUND or not foreign(f.path)]


def _left_in_language(found: Found) -> Found:
    """``found`` without the findings of the other :data:`LANGUAGE_BOUND`
    rules in a text that ``text-language`` says reads as another language
    (a finding at the whole text), or inside the part of one it says so of
    (its span); in the whole file, when it says most of the file's texts
    do (one finding, the others' places attached)."""
    whole: set[tuple[str | int, ...]] = set()
    parts: dict[tuple[str | int, ...], list[tuple[int, int]]] = {}
    for r, f in found:
        if r.name != "text-language":
            continue
        if f.offset is None and f.related:
            # a file most of whose texts were not translated (one finding, the
            # others' places attached): what the rules that read its language
            # find anywhere in it ('Resolution' for 'Résolution' in a text too
            # short to tell, 'Dubai' in its history) goes with its translation
            return [
                (other, finding)
                for other, finding in found
                if other.name == "text-language" or other.name not in LANGUAGE_BOUND
            ]
        if f.offset is None:
            whole.add(f.path)
        elif f.length is not None and f.length > 1:
            parts.setdefault(f.path, []).append((f.offset, f.offset + f.length))
    if not whole and not parts:
        return found

    def inside(f: Finding) -> bool:
        if f.path in whole:
            return True
        spans = parts.get(f.path)
        return (
            spans is not None and f.offset is not None and any(a <= f.offset < b for a, b in spans)
        )

    return [
        (r, f)
        for r, f in found
        if r.name == "text-language" or r.name not in LANGUAGE_BOUND or not inside(f)
    ]


def _lost_with_entry(
    ctx: Context, found: Found, document: Document | None, known: set[str]
) -> Found:
    """``found`` with a footnote marked nowhere attached to the finding of a
    list's entries missing, when it is the only footnote so and that finding
    the only one of ``numbering-gap`` where the footnote's marker would
    stand: after the text that marks the footnote before it and no later
    than the one that marks the footnote after it (footnotes are numbered in
    the order of their markers; a gap a suppression accepts, the published
    '5' after '2', is none). The entry was deleted with its marker; one
    slip, one finding: ``numbering-gap``'s, the footnote its related place."""
    unused = [
        (k, f)
        for k, (r, f) in enumerate(found)
        if r.name == "footnote-unused" and f.path[:1] == ("footnotes",) and f.path[-1:] == ("id",)
    ]
    if len(unused) != 1:
        return found
    gaps = [
        (k, f)
        for k, (r, f) in enumerate(found)
        if r.name == "numbering-gap" and f.path[-1:] == ("label",)
    ]
    if not gaps:
        return found
    from itures.model import markup as mk
    from itures.rules._walk import texts

    notes = ctx.resolution.footnotes
    n = unused[0][1].path[1]
    if not isinstance(n, int) or not 0 <= n < len(notes):
        return found
    all_texts = texts(ctx)
    first: dict[str, int] = {}
    for i, t in enumerate(all_texts):
        if t.path[0] != "footnotes" and "[^" in t.text:
            for span in t.spans:
                if isinstance(span, mk.FootnoteRef):
                    first.setdefault(span.id, i)
    before = first.get(notes[n - 1].id, -1) if n > 0 else -1
    after = first.get(notes[n + 1].id, len(all_texts)) if n + 1 < len(notes) else len(all_texts)

    def where(f: Finding) -> int | None:
        entry = f.path[:-1]
        return next((i for i, t in enumerate(all_texts) if t.path[: len(entry)] == entry), None)

    fitting = [(k, f) for k, f in gaps if (at := where(f)) is not None and before < at <= after]
    if fitting and document is not None and sp.may_suppress(document.text):
        # (a gap a suppression accepts is shown nowhere: the footnote is not
        # attached to it)
        sups = sp.scan(document, known)
        fitting = [
            (k, f)
            for k, f in fitting
            if sp.match(sups, "numbering-gap", sp.node_lines(document, f.path)) is None
        ]
    if len(fitting) != 1:
        return found
    k, gap = fitting[0]
    note = notes[n].id
    gap = dataclasses.replace(
        gap,
        related=(
            *gap.related,
            Place(
                ("footnotes", n, "id"),
                tr("footnote '{id}', marked nowhere: its marker was in what was lost?", id=note),
                key=True,
            ),
        ),
    )
    out = list(found)
    out[k] = (out[k][0], gap)
    del out[unused[0][0]]
    return out


def _block_left(text: str, sup: sp.Suppression) -> str | None:
    """What follows a suppression comment on its own line that ends its
    block: the next line's key, written less indented than the comment
    ("'footnotes:'"), or "the end of the file"; None when the comment stands
    before a line of its own block (or shares its line with one)."""
    lines = text.split("\n")
    if sup.line - 1 >= len(lines) or not lines[sup.line - 1].lstrip().startswith("#"):
        return None
    for line in lines[sup.line :]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(line) - len(line.lstrip()) >= sup.column - 1:
            return None
        return repr(stripped if len(stripped) <= 40 else stripped[:39] + "…")
    return tr("the end of the file")


def _said_in_clause(found: Found) -> Found:
    """``found`` without the findings in a deadline's words that the same rule
    makes, with the same message, in the text of the deadline's clause: the
    words are the clause's, and the slip is told once, in the clause, the
    deadline's words attached (mend them too, or they no longer match)."""
    copies: dict[tuple[str, tuple[str | int, ...], str], list[Finding]] = {}
    for r, f in found:
        if len(f.path) > 3 and f.path[-3] == "deadlines" and f.path[-1] == "text":
            copies.setdefault((r.name, f.path[:-3], f.message), []).append(f)
    out: Found = []
    told: set[tuple[str, tuple[str | int, ...], str]] = set()
    for r, f in found:
        if f.path[-1:] == ("text",) and (r.name, f.path[:-1], f.message) in copies:
            key = (r.name, f.path[:-1], f.message)
            if key not in told:
                told.add(key)
                places = tuple(
                    Place(
                        c.path,
                        tr("the same words in deadline {n}", n=int(c.path[-2]) + 1),
                        offset=c.offset,
                        length=c.length,
                    )
                    for c in copies[key]
                )
                f = dataclasses.replace(f, related=(*f.related, *places))
        out.append((r, f))
    return [
        (r, f)
        for r, f in out
        if not (
            len(f.path) > 3
            and f.path[-3] == "deadlines"
            and f.path[-1] == "text"
            and (r.name, f.path[:-3], f.message) in told
        )
    ]


def _slip_in_copied_words(found: Found) -> Found:
    """``found`` without deadline-mismatch's "one of the two was retyped"
    where another rule reports a slip inside the words that differ, in the
    clause's text or in the deadline's: the words no longer match because of
    that slip, and its fix makes them match again (one slip, one finding:
    the other place is attached to that finding)."""
    mismatches: list[tuple[int, tuple[str | int, ...], tuple[int, int]]] = []
    for k, (r, f) in enumerate(found):
        if r.name != "deadline-mismatch" or len(f.path) < 4 or f.path[-3:-2] != ("deadlines",):
            continue
        clause = f.path[:-3]
        for place in f.related:
            if place.path == (*clause, "text") and place.offset is not None and place.length:
                mismatches.append((k, f.path, (place.offset, place.offset + place.length)))
    if not mismatches:
        return found
    out = list(found)
    dropped: set[int] = set()
    for k, where, (start, end) in mismatches:
        clause_text = (*where[:-3], "text")
        for j, (r, g) in enumerate(out):
            if j == k or j in dropped or r.name == "deadline-mismatch" or g.offset is None:
                continue
            if g.path == clause_text:
                inside = start <= g.offset < end or g.offset < start < g.offset + (g.length or 1)
                other = Place(
                    where,
                    tr(
                        "the words of deadline {n}, which no longer match the clause's",
                        n=int(where[-2]) + 1,
                    ),
                )
            elif g.path == where:
                inside = True
                other = Place(
                    clause_text,
                    tr("the clause's words, which the deadline's no longer match"),
                    offset=start,
                    length=end - start,
                )
            else:
                continue
            if inside:
                out[j] = (r, dataclasses.replace(g, related=(*g.related, other)))
                dropped.add(k)
                break
    return [rf for k, rf in enumerate(out) if k not in dropped]


def _one_per_citation(found: list[tuple[Rule, Finding]]) -> tuple[Found, Found]:
    """``found`` without reference-unresolved's findings at a citation whose
    words and target reference-text says disagree ("[resolves 8](pp:21#...)"
    where the words name this resolution's part): the target follows from
    that slip, whose fix names the target to write. The findings left out
    come second (a suppression of one of them is not unused)."""
    told = {(f.path, f.offset) for r, f in found if r.name == "reference-text"}
    if not told:
        return found, []
    out: Found = []
    left: Found = []
    for r, f in found:
        if r.name == "reference-unresolved" and (f.path, f.offset) in told:
            left.append((r, f))
        else:
            out.append((r, f))
    return out, left


def _before_copies(resolution: Resolution, found: Found) -> set[tuple[str | int, ...]]:
    """The paths of the last entries of the sections right before those that
    ``section-duplicate`` reports among ``found`` (see Runner.file_findings)."""
    ends: set[tuple[str | int, ...]] = set()
    for r, f in found:
        if r.name != "section-duplicate" or len(f.path) < 2:
            continue
        part, k = f.path[0], f.path[1]
        if not isinstance(k, int) or k == 0 or part not in ("preamble", "operative"):
            continue
        if part == "preamble":
            items = resolution.preamble[k - 1].items
            if items:
                ends.add(("preamble", k - 1, "items", len(items) - 1))
        else:
            clauses = resolution.operative[k - 1].clauses
            if clauses:
                ends.add(("operative", k - 1, "clauses", len(clauses) - 1))
    return ends


def _pasted_copies(
    ctx: Context, found: Found
) -> dict[tuple[str | int, ...], tuple[tuple[str | int, ...], str] | None]:
    """The entries that ``text-duplicate`` reports among ``found`` as the copy
    of an earlier one with the same label (a paragraph pasted twice, not
    edited since), or of one of another section (pasted into the wrong
    one): each path, with the path and text of the entry right before it
    when that one is the original, or when the copy ends another section's
    list (its end mark then the one of an entry no longer last), else None."""
    from itures.rules._walk import lists

    # (text-duplicate's "a paragraph pasted twice": at the copy's whole text, the
    # first related; its "the same sentence twice" in one text has an offset)
    reported = {
        f.path[:-1]: f.related[0].path[:-1]
        for r, f in found
        if r.name == "text-duplicate" and f.path[-1] == "text" and f.related and f.offset is None
    }
    if not reported:
        return {}
    copies: dict[tuple[str | int, ...], tuple[tuple[str | int, ...], str] | None] = {}
    for lst in lists(ctx):
        at = {e.path: k for k, e in enumerate(lst.entries)}
        for copy, original in reported.items():
            k, j = at.get(copy), at.get(original)
            if k is None:
                continue
            if j is None:
                # (pasted into another section, at the end of its list: the
                # entry before it is no longer the last)
                last = k == len(lst.entries) - 1 and k > 0
                before = lst.entries[k - 1] if last else None
                copies[copy] = (before.path, before.text) if before is not None else None
                continue
            if lst.entries[k].label != lst.entries[j].label:
                continue
            before = lst.entries[j] if j == k - 1 else None
            copies[copy] = (before.path, before.text) if before is not None else None
            # (the original's label, now written twice: what the numbering
            # rules say of it follows from the copy too)
            copies[(*original, "label")] = None
    return copies


def _in_copy(
    rule: str,
    f: Finding,
    copies: dict[tuple[str | int, ...], tuple[tuple[str | int, ...], str] | None],
) -> bool:
    """Whether finding ``f`` of ``rule`` is in one of ``copies`` (see
    :func:`_pasted_copies`), is the end mark of the entry one was pasted
    right after, or a numbering rule's at the label of the original (the
    label written twice: the copy's)."""
    for copy, before in copies.items():
        if copy[-1:] == ("label",):
            if rule in _NUMBERING and f.path == copy:
                return True
            continue
        if f.path[: len(copy)] == copy:
            return True
        if (
            before is not None
            and rule == "punctuation"
            and f.path == (*before[0], "text")
            and f.offset is not None
            and f.offset >= len(before[1].rstrip()) - 1
        ):
            return True
    return False


def _inside(spans: list[tuple[int, int]] | None, offset: int | None) -> bool:
    """Whether ``offset`` is inside one of ``spans`` (sorted, apart)."""
    if not spans or offset is None:
        return False
    k = bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


class Runner:
    """The rules selected by a configuration, ready to run on many files.

    ``index`` is needed by the corpus rules only (:meth:`corpus_findings`).
    """

    def __init__(self, config: Config, index: Index | None = None) -> None:
        from itures import i18n

        i18n.use(config.lang)  # the messages of this process (a check's workers too)
        registry = self.registry = load_all()
        self.config = config
        self.index = index
        self.rules: list[Rule] = [
            r for name, r in registry.items() if name not in RUNNER_RULES and config.enabled(name)
        ]
        self.file_rules = [r for r in self.rules if not r.corpus]
        self.corpus_rules = [r for r in self.rules if r.corpus]
        self.enabled = {r.name for r in self.rules}
        self.known = set(registry)
        self.cache: dict[Any, Any] = {}
        self.corpus_cache: dict[Any, Any] = {}

    def file_findings(
        self, path: str, resolution: Resolution, document: Document | None = None
    ) -> tuple[Found, Context]:
        """What the file rules find (and the context, with its memos: the parsed texts).

        ``document`` is the parsed file, for the rules about its source text
        (``text-comment``); without it they find nothing.
        """
        ctx = Context(path, resolution, self.config, self.cache, document=document)
        return self.kept(ctx, list(run(ctx, self.file_rules)), document), ctx

    def kept(self, ctx: Context, found: Found, document: Document | None = None) -> Found:
        """The file rules' findings ``found`` (of the file of ``ctx``) that are
        shown: those another finding says again or that follow from it left
        out (one slip, one finding; see the rules' documentation)."""
        if found and _TRAILING in self.enabled:
            # (imported here: the models they need are not this module's to import)
            from itures.rules._walk import document_end
            from itures.rules.artefacts import page_only_entries, read_wrong_spans

            end = document_end(ctx)
            if end is not None:
                # what a conversion merged after the resolution's words is
                # conversion-artefact's, once: nothing in it is the resolution's
                found = _left_to(_TRAILING, found, lambda f: end.covers(f.path, f.offset))
            # an entry that is a page's header or footer and nothing else:
            # conversion-artefact says so, once (not also "no label", "no mark")
            void = page_only_entries(ctx, (f for r, f in found if r.name == _TRAILING))
            if void:
                found = _left_to(
                    _TRAILING, found, lambda f: any(f.path[: len(e)] == e for e in void)
                )
            # words in UTF-8 read as Latin-1 ("lâ€™UIT"): what another rule
            # finds inside them (a '”' with no partner) is conversion-artefact's
            spans = read_wrong_spans(ctx, (f for r, f in found if r.name == _TRAILING))
            if spans:
                found = _left_to(
                    _TRAILING,
                    found,
                    lambda f: (
                        f.offset is not None
                        and any(s <= f.offset <= e for s, e in spans.get(f.path, ()))
                    ),
                )
        if found and "markup" in self.enabled:
            # a citation whose target cannot be read ("](wtdc45@2014)"): its words
            # and target are markup's, once; what another rule reads in them as
            # plain text ('wtdc45', a compound's hyphen lost) follows from it
            found = _left_to_spans("markup", found)
        if found and "history" in self.enabled:
            # a conference's place written otherwise than any of its spellings
            # ("GuadaLajara"): history gives the spelling to write; what another
            # rule reads in the place (two words run together) goes with it
            found = _left_to_spans("history", found)
        if found and "reference-text" in self.enabled:
            from itures.rules.references import PLACES_TOLD

            # a citation's words that name a place where its body did not meet
            # ("(Rev. Buenos , 2017)": a word of the place lost): reference-text
            # gives the place to write; what another rule reads around the
            # place (a blank before ',', two blanks, 'BuenosAires') goes with it
            places: dict[Any, list[tuple[int, int]]] = {}
            for where, a, b in ctx.local.get(PLACES_TOLD, ()):
                places.setdefault(where, []).append((a, b))
            found = _left_within("reference-text", found, places)
        if found and "text-cut" in self.enabled:
            # a text that stops on a word before its end mark ("risks and ;"): the
            # blank left between that word and the mark goes with the words lost
            # (punctuation's "a blank before ';'" would keep "risks and;"); the
            # mark itself is still punctuation's to judge
            cuts: dict[Any, list[tuple[int, int]]] = {}
            for r, f in found:
                if r.name == "text-cut" and f.offset is not None and f.length:
                    cuts.setdefault(f.path, []).append((f.offset + 1, f.offset + f.length - 1))
            found = _left_within("text-cut", found, cuts)
        if found and "footnote-unused" in self.enabled:
            # a footnote marker written with its brackets or caret lost ("countries1],"):
            # footnote-unused says so, with the marker to write; its ']' alone is not
            # also a bracket that closes nothing
            found = _left_to_spans("footnote-unused", found)
        if found and "footnote-leftover" in self.enabled:
            # a note left in a text without its separator: the text's end mark is
            # the note's, and what the rules it covers (punctuation) say of the
            # text from the note on follows from it
            left = {
                f.path: (f.offset, f.covers)
                for r, f in found
                if r.name == "footnote-leftover" and f.covers and f.offset is not None
            }
            if left:
                found = [
                    (r, f)
                    for r, f in found
                    if f.path not in left
                    or r.name not in left[f.path][1]
                    or (f.offset is not None and f.offset < (left[f.path][0] or 0))
                ]
        if found and "heading-mismatch" in self.enabled:
            # a heading that is not its verb's ('Decide' in French): heading-mismatch
            # names the heading to write, small; text-capital's 'decide' would be
            # another wrong one
            wrong = {f.path for r, f in found if r.name == "heading-mismatch"}
            if ("language",) in wrong:
                # the headings in another language than 'language' says (the field
                # wrong, or the file not translated): what the rules that read the
                # texts in the language the field names find in a text that is not
                # in it ('،' is not ',', 'دبي' not 'Dubai', a French text not
                # Russian) follows from it, and is not said as well until the field
                # or the text is corrected; nor in a text whose words lean to the
                # language the headings are in ('la Résolution 150' in a French file
                # whose field says 'en': the script does not tell them apart)
                found = _in_its_language(ctx, found, ctx.local.get(HEADINGS_LANGUAGE))
            if wrong:
                found = [
                    (r, f) for r, f in found if r.name != "text-capital" or f.path not in wrong
                ]
        if found and "text-language" in self.enabled:
            # a text, or a part of one, pasted from another language version and
            # not translated: what the rules that read the file's language find
            # in it ('Secretary-General' in a French text, 'resolution' for
            # 'résolution') follows from it, and goes with its translation
            found = _left_in_language(found)
        if found and "section-duplicate" in self.enabled:
            # a section written a second time: the end mark of the entry before the
            # copy (the last of a section that is no longer the last) follows from it
            ends = _before_copies(ctx.resolution, found)
            if ends:
                found = [
                    (r, f)
                    for r, f in found
                    if r.name != "punctuation" or f.path[-1] != "text" or f.path[:-1] not in ends
                ]
        if found and "text-duplicate" in self.enabled:
            # an entry pasted twice, label and text (text-duplicate says so: delete
            # the copy): what the other rules find in the copy (its label twice, a
            # defect of the original copied with it) and the end mark of the entry
            # it was pasted after (no longer the last) follow from it
            copies = _pasted_copies(ctx, found)
            if copies:
                found = [
                    (r, f)
                    for r, f in found
                    if r.name == "text-duplicate" or not _in_copy(r.name, f, copies)
                ]
        if found and "lookalike" in self.enabled:
            # a letter of another script typed in a word ('Cовету'): the words of
            # the clause's deadlines and actors no longer match its text, which
            # follows from it (one slip, one finding: lookalike, with the word)
            typed = {
                _entry_of(f.path)
                for r, f in found
                if r.name == "lookalike" and f.path[-1] in _WORDS
            }
            if typed:
                found = [
                    (r, f)
                    for r, f in found
                    if r.name not in _WORDS_READ or _entry_of(f.path) not in typed
                ]
        if found and "footnote-unused" in self.enabled and "numbering-gap" in self.enabled:
            # an entry deleted with the only marker of a footnote ("a) is missing",
            # footnote 1 marked nowhere): the footnote goes with the gap's finding
            found = _lost_with_entry(ctx, found, document, self.known)
        if found and any(len(f.path) > 3 and f.path[-3] == "deadlines" for _, f in found):
            # a deadline's words are its clause's, copied: a slip in them is in
            # the clause's text too, and is told there, once ("the  TDAG" in both)
            found = _said_in_clause(found)
            if "deadline-mismatch" in self.enabled:
                # a slip in the clause's words that a deadline copies ("l''UIT"),
                # told by its own rule: the deadline's words no longer match
                # because of it, and match again once it is mended
                found = _slip_in_copied_words(found)
        if found and _BREAK in self.enabled:
            from itures.rules.comments import broken_texts

            # a key indented into a text ("...; - label: d) text: ..."): what
            # follows it is YAML, not words; text-break reports it, once
            keys = {b.path: b.offset for b in broken_texts(ctx) if b.kind == "key"}
            if keys:
                found = _left_to(
                    _BREAK,
                    found,
                    lambda f: f.path in keys and f.offset is not None and f.offset >= keys[f.path],
                )
        return found

    def corpus_findings(
        self, summary: Summary, only: frozenset[tuple[str, str]] | None = None
    ) -> Found:
        """What the corpus rules find on one file, against :attr:`index`.

        With ``only`` (a file that cites a checked file), the inbound rules
        alone, about these identities alone.
        """
        if not self.corpus_rules or self.index is None:
            return []
        rules = self.corpus_rules if only is None else [r for r in self.corpus_rules if r.inbound]
        ctx = CorpusContext(summary.path, summary, self.index, self.config, self.corpus_cache, only)
        return list(run(ctx, rules))

    def check_resolution(
        self,
        path: str,
        resolution: Resolution,
        document: Callable[[], Document | None],
        marked: bool | None = None,
    ) -> tuple[list[Diagnostic], list[sp.Suppressed]]:
        """Diagnostics and suppressed findings of one valid resolution, every rule run.

        The corpus rules need :attr:`index`, holding this file too.
        """
        doc = document()
        found, ctx = self.file_findings(path, resolution, doc)
        if self.corpus_rules and self.index is not None:
            from itures.summary import summary_of_run

            suppressing = doc is not None and marked is not False and sp.may_suppress(doc.text)
            accepted = self.accepted(found, doc) if doc is not None and suppressing else ()
            summary = summary_of_run(path, resolution, ctx.local, found, accepted)
            corpus = self.corpus_findings(summary)
            kept, absorbed = uncovered(found, covered_by(corpus))
            return self.finish(path, [*kept, *corpus], document, marked, absorbed=absorbed)
        return self.finish(path, found, document, marked)

    def finish(
        self,
        path: str,
        found: Iterable[tuple[Rule, Finding]],
        document: Callable[[], Document | None],
        marked: bool | None = None,
        *,
        some: bool = False,
        absorbed: Iterable[tuple[Rule, Finding]] = (),
    ) -> tuple[list[Diagnostic], list[sp.Suppressed]]:
        """Positioned diagnostics and suppressed findings of a file's findings.

        ``marked`` says whether the file's text contains the suppression
        marker (None: unknown, the document is fetched to know). Every
        finding of the file must be given at once: a suppression that
        silences none of them is reported as unused; with ``some`` (a part
        of the file's findings, as for a file that cites a checked file),
        the suppressions are applied but not judged. ``absorbed``: findings
        a corpus finding covers (:func:`covered_by`), not shown; a
        suppression of one of them is not unused (the published '5',
        suppressed, and a language version that moved a clause beside it).
        """
        from itures.rules.position import locate_span

        found = list(found)
        if not found and marked is False:
            return [], []
        found, told = _one_per_citation(found)
        if told:
            absorbed = [*absorbed, *told]
        doc = document()
        out: list[Diagnostic] = []
        hidden: list[sp.Suppressed] = []
        if doc is None:  # the file changed or vanished since it was read
            for r, finding in found:
                severity = self.config.severity_of(r.name, finding.severity or r.severity)
                out.append(
                    Diagnostic(
                        r.name,
                        severity,
                        path,
                        1,
                        1,
                        finding.message,
                        pointer_from(finding.path),
                        help=finding.help,
                        related=tuple(_related(None, path, p) for p in finding.related),
                    )
                )
            return out, hidden
        # (no marker, no suppression: the text is not searched for it again)
        sups = sp.scan(doc, self.known) if marked is not False else sp.Suppressions()
        # (what Diagnostic's checks would do, done here: the texts shared, the
        # end not before the start; one diagnostic per finding, of a trusted make)
        path = shared(path)
        severity_of = self.config.severity_of
        numbered: list[tuple[str | int, ...]] = []  # (the numbering findings shown)
        for r, finding in found:
            parts = finding.path
            at = doc.along(parts)  # (and its places on the same path: not walked again)
            line, column, end_line, end_column = locate_span(
                doc, parts, finding.offset, finding.length, key=finding.key, found=at
            )
            if end_line < line or (end_line == line and end_column < column):
                end_line, end_column = line, column
            help = finding.help
            diag = positioned(
                r.name,
                severity_of(r.name, finding.severity or r.severity),
                path,
                line,
                column,
                shared(finding.message),
                pointer_from(parts),
                end_line,
                end_column,
                None if help is None else shared(help),
                tuple([_related(doc, path, p, parts, at) for p in finding.related])
                if finding.related
                else (),
            )
            sup = sp.match(sups, r.name, sp.node_lines(doc, parts) | {line}) if sups else None
            if sup is None:
                out.append(diag)
                if r.name in _NUMBERING:
                    numbered.append(parts)
                elif (
                    r.name == "text-duplicate"
                    and parts[-1:] == ("text",)
                    and finding.related
                    and finding.offset is None
                ):
                    # (an entry pasted twice: its list's numbering is in question
                    # until the copy is deleted, a suppression there kept)
                    numbered.append((*parts[:-1], "label"))
            else:
                hidden.append(sp.Suppressed(diag, sup.reason))
        if sups:
            for r, finding in absorbed:
                sp.match(sups, r.name, sp.node_lines(doc, finding.path))
        if not some and sups:
            out.extend(
                self._suppression_findings(
                    path, sups, out, _lists_of(doc, numbered), partial(_block_left, doc.text)
                )
            )
        return out, hidden

    def accepted(
        self, found: Iterable[tuple[Rule, Finding]], doc: Document
    ) -> tuple[tuple[str | int, ...], ...]:
        """The entries whose label a numbering rule's finding among ``found``
        reports and a suppression comment of ``doc`` accepts (the published
        '5' after '2'), for the summary (:attr:`itures.summary.Summary.accepted`):
        a language version labelled otherwise there differs from this one,
        which the suppression would hide. Call it only for a file whose
        text holds the suppression marker (``may_suppress``)."""
        from itures.rules.position import locate_span

        numbering = [(r, f) for r, f in found if r.name in _NUMBERING and f.path[-1:] == ("label",)]
        if not numbering:
            return ()
        sups = sp.scan(doc, self.known)  # (its own: marks no suppression used for finish)
        out: list[tuple[str | int, ...]] = []
        for r, f in numbering:
            line = locate_span(doc, f.path, f.offset, f.length, key=f.key)[0]
            if sp.match(sups, r.name, sp.node_lines(doc, f.path) | {line}) is not None:
                out.append(f.path[:-1])
        return tuple(dict.fromkeys(out))

    def _suppression_findings(
        self,
        path: str,
        sups: list[sp.Suppression],
        found: list[Diagnostic],
        renumbered: Callable[[int], bool] = lambda line: False,
        left: Callable[[sp.Suppression], str | None] = lambda sup: None,
    ) -> list[Diagnostic]:
        """suppression-invalid and suppression-unused of ``sups``; ``found``
        the findings not suppressed (an unused suppression's help names
        those on its line: a suppression of the wrong rule). A suppression
        of a numbering rule at an entry of a list that a numbering finding
        shown reports at another entry (``renumbered``: by the line of the
        entry) is not told unused: the published '5' after '2', suppressed,
        no longer follows a gap once the '2' is mistyped '4', and deleting
        the suppression would be wrong advice (the '4' is the slip). One at
        its own entry is (a suppression of the wrong numbering rule)."""
        out: list[Diagnostic] = []
        registry = self.registry
        if self.config.enabled("suppression-invalid"):
            sev = self.config.severity_of(
                "suppression-invalid", registry["suppression-invalid"].severity
            )
            for sup in sups:
                if sup.problem is not None:
                    out.append(
                        Diagnostic(
                            "suppression-invalid",
                            sev,
                            path,
                            sup.line,
                            sup.column,
                            sup.problem,
                            help=sup.help,
                        )
                    )
        if self.config.enabled("suppression-unused"):
            sev = self.config.severity_of(
                "suppression-unused", registry["suppression-unused"].severity
            )
            for sup, name in sp.unused(sups, self.enabled):
                if (
                    name in _NUMBERING
                    and renumbered(sup.target)
                    and not any(d.line == sup.target and d.rule in _NUMBERING for d in found)
                ):
                    continue  # (its list's numbering in question elsewhere: see above)
                if name in _NUMBERING and any(
                    d.line == sup.target and d.rule == "language-mismatch" for d in found
                ):
                    # (the label a language version writes otherwise, the published
                    # '5' relabelled '3' in one: which is right is that finding's)
                    continue
                there = sorted({d.rule for d in found if d.line == sup.target} - {name})
                # (a finding of that rule just above a comment on its own line:
                # the comment put after what it is about, not before)
                above = [
                    d.line
                    for d in found
                    if d.rule == name and sup.line - 3 <= d.line < sup.line < sup.target
                ]
                after = left(sup) if not above and not there else None
                if after is not None:
                    # (a comment on its own line at the end of a block: what it
                    # was about, the entry after it, was deleted or moved)
                    message = tr(
                        "the suppression of '{rule}' stands after the last entry of its list, "
                        "before {next}: what it was about was deleted or moved",
                        rule=name,
                        next=after,
                    )
                    help_ = tr("delete the comment, or restore what it was about below it")
                else:
                    message = tr(
                        "the suppression of '{rule}' matches no finding on line {line}",
                        rule=name,
                        line=sup.target,
                    )
                    help_ = (
                        tr(
                            "the finding of '{rule}' is on line {line}, above the comment: a "
                            "comment on its own line applies to the line after it; move it "
                            "above line {line}",
                            rule=name,
                            line=max(above),
                        )
                        if above
                        else tr(
                            "the finding on line {line} is of {rules}: did you mean "
                            "ignore[{first}]?",
                            line=sup.target,
                            rules=", ".join(f"'{r}'" for r in there),
                            first=there[0],
                        )
                        if there
                        else tr("remove it, or move it next to what it is about")
                    )
                out.append(
                    Diagnostic(
                        "suppression-unused", sev, path, sup.line, sup.column, message, help=help_
                    )
                )
        return out


def _related(
    doc: Document | None,
    path: str,
    place: Place,
    parts: tuple[str | int, ...] = (),
    at: Along | None = None,
) -> Related:
    """A :class:`Place` of a finding, positioned (in this file, or already in another).

    ``at`` is where the finding's path ``parts`` leads (``doc.along``): a
    place on the same path (the same tuple, most places: further in the
    same text) starts from there.
    """
    if place.file is not None:
        return Related(place.file, place.line, place.column, place.message)
    if doc is None:
        return Related(path, 1, 1, place.message)
    from itures.rules.position import locate_span

    line, column, end_line, end_column = locate_span(
        doc,
        place.path,
        place.offset,
        place.length,
        key=place.key,
        found=at if place.path is parts else None,
    )
    if end_line < line or (end_line == line and end_column < column):
        end_line, end_column = line, column
    # (``path`` is shared by the caller: see Runner.finish)
    return related_at(path, line, column, shared(place.message), end_line, end_column)
