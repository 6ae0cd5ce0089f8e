"""References across the corpus.

Every citation ``[words](body:number@year#fragment)`` is looked up in the
corpus :class:`~itures.index.Index` (a dictionary by body and number, so the
cost is one lookup per citation, whatever the corpus size).

Severities and the corpus scope (decisions):

* **The cited resolution is in the corpus**: its fragment (``resolves/3``,
  ``annex/1``) must exist in it (``reference-unresolved``, error) and the
  cited year must be one of its adoption or revision years
  (``reference-revision``, error). The data is at hand, so a mismatch is a
  real mistake. The language version of the citing file is preferred; any
  version serves otherwise (they share their structure: see
  ``language-mismatch``).
* **A partly known history** (one that starts with a revision, not the
  adoption, like the seed's) is taken as complete from its first entry on: a
  cited year before that entry is not reported, since the history does not
  say.
* **The cited resolution is not in the corpus**: reported
  (``reference-unresolved``, error) only when its body is in the *reference
  scope*, the bodies for which the corpus is declared complete in
  ``[tool.itures] reference-scope`` (``["pp", "wtdc"]``, or ``["*"]`` for
  every body the corpus holds). The default scope is empty: ITU has
  thousands of resolutions over many bodies, most corpora hold a part of
  them, and a file checked alone, or a citation of a body the corpus does not
  cover (the seed cites PP, ITU-R and WTSA resolutions), must not drown the
  editor in errors. Checking a few files of a corpus whose ``corpus`` is
  configured indexes the whole corpus, so a pre-commit run on the changed
  files sees the same references as a full check.

The words of a citation against its target (``reference-text``, a file
rule: it needs no other file). The words are read with the import grammar
of the file's language (:func:`itures.importers.extract.read_citations`;
English, French and Spanish; in Russian, Arabic and Chinese only the
numbers after the noun that names resolutions, "Резолюции 71", "القرار 71",
"第71号决议", and the year in their parentheses are read, not the body, the
place nor the part, and not words that hold two revisions), and only what
they state is compared:

* the numbers, when the words name a resolution by number (the words
  "[Annex 2]" or "[this resolution]" name none);
* the year, when both the words and the target give one (fewer words than
  the target, "[Resolution 71](pp:71@1998)", is not a disagreement);
* the body, when the words name one ("de l'AMNT", "of this conference",
  "ITU-R"), else when their revision names a conference: "(Rev. Buenos
  Aires, 2017)" is WTDC's (the calendar of :mod:`itures.conferences`;
  where several bodies met, any of them);
* the clause or annex, when both name one.

All disagreements of one citation make one finding, with the target the
words call for. And a target's year after the citing text's own (the last
revision its history records; in any language) is reported: a text cites
the revisions before it, so either the year or the history is wrong
(unless the words name an earlier year: then the disagreement is the one
finding, with that year as the fix). ``reference-revision`` leaves to
``reference-text`` (when it runs) the years it reports.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from itures.conferences import (
    Misdated,
    accented_in,
    fold_place,
    met_at,
    misdated,
    places_of,
    spelling_in,
)
from itures.fragments import Outline, find
from itures.i18n import either, listing, tr
from itures.model import markup as mk
from itures.model.resolution import HistoryEntry, Resolution
from itures.rules import Context, CorpusContext, Finding, Place, rule
from itures.rules._walk import Text, all_of, bodies, joined, last_revision, marked, short, texts
from itures.rules.history import (
    ANNEX_HEADING,
    conference,
    formula_body,
    formula_year,
    met_elsewhere,
    met_then,
    place_in,
)
from itures.suggest import one_slip
from itures.summary import RunIn, Summary, Tree

if TYPE_CHECKING:
    from itures import textscan
    from itures.importers.extract import Reading


def _scope(ctx: CorpusContext) -> frozenset[str]:
    scope = ctx.config.reference_scope if ctx.config is not None else frozenset()
    if "*" in scope:
        return (scope - {"*"}) | bodies(ctx)
    return scope


def summary_outline(res: Summary) -> Outline[Tree, tuple[str | None, Tree]]:
    """The sections and annexes of a summary, for :func:`itures.fragments.find`."""
    return Outline(
        [(verb, items, items) for verb, items in res.preamble],
        [(verb, heading, clauses, clauses) for verb, heading, clauses in res.operative],
        [(label, items, items) for label, items in res.annexes],
        _label,
        _children,
    )


def _label(entry: tuple[str | None, Tree]) -> str | None:
    return entry[0]


def _children(entry: tuple[str | None, Tree]) -> Tree:
    return entry[1]


# The outlines of the summaries cited last, by id (each kept with its summary,
# whose id is then not reused): a citation is looked up in its resolution's
# index, made once (see itures.fragments), not in a new outline each time.
_OUTLINES: dict[int, tuple[Summary, Outline[Tree, tuple[str | None, Tree]]]] = {}
_OUTLINES_KEPT = 256


def resolve_fragment(res: Summary, fragment: tuple[str, ...]) -> str | None:
    """Why ``fragment`` does not exist in ``res`` (None when it does); the walk is
    :func:`itures.fragments.find`'s, which :meth:`itures.Corpus.resolve` shares."""
    kept = _OUTLINES.get(id(res))
    if kept is None:
        if len(_OUTLINES) >= _OUTLINES_KEPT:
            _OUTLINES.clear()
        kept = _OUTLINES[id(res)] = (res, summary_outline(res))
    return find(kept[1], fragment)[1]


def ran_into_text(res: Summary, fragment: tuple[str, ...]) -> bool:
    """Whether the section or entry ``fragment`` names is one that a conversion
    ran into a text of ``res`` (:attr:`~itures.summary.Summary.run_in`): its
    operative heading merged into a text (whatever label follows), or its
    label inside the text of an entry of that section (``resolves/10`` when
    "10" is inside the text of clause 9, ``resolves/1.2`` or ``resolves/1/2``
    when "1.2" is)."""
    return ran_into(res.run_in, res.language, fragment)


def ran_into(run_in: tuple[RunIn, ...], language: str, fragment: tuple[str, ...]) -> bool:
    """:func:`ran_into_text` of a resolution's :data:`~itures.summary.RunIn`."""
    if not run_in or not fragment:
        return False
    from itures.rules.artefacts import merged_verb

    head, labels = fragment[0], fragment[1:]
    wanted = {labels[-1].lower(), ".".join(labels).lower()} if labels else set()
    for verb, heading, found in run_in:
        if heading:
            if merged_verb(heading, language) == head:
                return True
        elif verb == head and not wanted.isdisjoint(found):
            return True
    return False


# What the inbound rules (reference-unresolved, reference-revision,
# reference-abrogated) read of the summaries of the cited resolutions, nothing
# else: the pipeline remembers their findings in the files citing a checked
# file while these are as they were (itures.pipeline.Inbound). A rule that
# comes to read more of a cited summary adds it here (a test records what
# they read).
CITED_READS = (
    "path",
    "body",
    "number",
    "language",
    "history",
    "preamble",
    "operative",
    "annexes",
    "run_in",
    "flagged",
)


def _cited(ctx: CorpusContext, ref: mk.ResolutionRef) -> Summary | None:
    """The cited resolution: its version in the citing file's language, else any."""
    return ctx.index.version(ref.body, ref.number, ctx.summary.language)


Target = tuple[tuple[mk.ResolutionRef, ...], int | None, tuple[str, ...]]


def _citations(ctx: CorpusContext) -> list[tuple[tuple[str | int, ...], int, str, Target]]:
    """(path, offset, words, parsed target) of every well-formed citation of
    the file (with :attr:`CorpusContext.only`, of those identities alone),
    worked out once per file for the rules that read them."""
    return ctx.memo("citations", lambda: _well_formed(ctx))  # type: ignore[no-any-return]


def _well_formed(ctx: CorpusContext) -> list[tuple[tuple[str | int, ...], int, str, Target]]:
    parsed: dict[str, Target | str] = ctx.memo_run("citation-targets", dict)
    only = ctx.only
    # (with only: each target narrowed to those identities, once a run; None:
    # none of them)
    narrowed: dict[str, Target | None] = ctx.memo_run(("citation-targets-only", only), dict)
    out: list[tuple[tuple[str | int, ...], int, str, Target]] = []
    for path, start, text, target in ctx.summary.cites:
        if only is not None and target in narrowed:
            kept = narrowed[target]
            if kept is not None:
                out.append((path, start, text, kept))
            continue
        found = parsed.get(target)
        if found is None:
            found = parsed[target] = mk.parse_target(target)
        if isinstance(found, str):
            if only is not None:
                narrowed[target] = None
            continue
        if only is not None:
            refs = tuple(r for r in found[0] if (r.body, r.number) in only)
            found = narrowed[target] = (refs, found[1], found[2]) if refs else None
            if found is None:
                continue
        out.append((path, start, text, found))
    return out


def cites_any(summary: Summary, targets: frozenset[tuple[str, str]], memo: dict[str, Any]) -> bool:
    """Whether ``summary`` cites one of the identities ``targets`` (body, number)."""
    for _, _, _, target in summary.cites:
        found = memo.get(target)
        if found is None:
            found = memo[target] = mk.parse_target(target)
        if not isinstance(found, str) and any((r.body, r.number) in targets for r in found[0]):
            return True
    return False


@rule(
    "reference-unresolved",
    "error",
    "a citation of a resolution, clause or annex that the corpus does not have",
    corpus=True,
    inbound=True,
)
def reference_unresolved(ctx: CorpusContext) -> Iterator[Finding]:
    """A citation whose target the corpus lacks: a clause or annex missing from
    the cited resolution, or (for a body in the reference scope) a resolution
    missing from the corpus. The finding points at the citation. A
    resolution outside the corpus and the scope cannot be looked into, but a
    part of it whose section is no key of the verb vocabulary nor 'annex'
    (``#resolve/2``) is in no resolution: reported too, unless the words name
    the part (``reference-text`` then says how the two disagree); so is such
    a part of a resolution the corpus has.

    A clause or a section that the conversion ran into a text of the cited
    resolution (its label inside the text of the clause before it, its
    operative heading merged into a clause) is not reported: that is one
    defect, reported where it is (``conversion-artefact``, with the fix:
    split the text), and the citation resolves once it is fixed. So is a
    clause whose label the cited resolution mistyped, where one of its
    labels read as the cited one puts the list in sequence there (clauses
    '1, 3, 3' for a citation of clause 2; a break elsewhere in the list, an
    end the conversion garbled, '... 9, 18', left aside): ``numbering-duplicate`` or
    ``numbering-gap`` reports that label there, with the relabelling. A list
    that merely stops short ('1, 3': the clause may have been deleted) leaves
    the citation reported, told to be corrected before that list is
    renumbered (numbering-gap's advice there, which would make the citation
    name the next clause). A section
    the cited resolution has under another key than the verb its heading
    reads as (``#resolves/2`` where *resolves* is keyed ``further_resolves``,
    which ``heading-mismatch`` reports there) is looked for in that section;
    a part of a section the cited resolution lacks, where a section of the
    same part has a verb key that ``verb-unknown`` or ``heading-mismatch``
    reports there ('considering' keyed 'encourages'), is that finding's.

    A part of the citing file itself missing from the middle of its list
    (the entry deleted: "[resolves 2 above]" with clauses 1, 3) is this
    finding, the place of the gap attached, and not also ``numbering-gap``'s
    there, whose "relabel 3 as 2" would make the citation name another entry;
    the file's other citations of that same part go with it. A citation
    whose words and target ``reference-text`` says disagree (the words name
    a part of this resolution, the target another's) is that finding alone:
    the target follows from the slip.

    A part cited in an earlier text than the one the corpus holds
    (``pp:58@2006#resolves/4`` where the corpus has Resolution 58 as
    revised in 2014) may have been in that text: a warning, which says so.

    Failing (the cited resolution has no clause 7 in *resolves*)::

        text: >-
          conformément au [décide 7 de la Résolution 191](pp:191#resolves/7);

    Passing::

        text: >-
          conformément au [décide 3 de la Résolution 191](pp:191#resolves/3);
    """
    scope = _scope(ctx)
    own: dict[str, Finding] = {}  # (the parts of this file its citations miss, by target)
    for path, start, text, (refs, year, fragment) in _citations(ctx):
        for ref in refs:
            found = _cited(ctx, ref)
            if found is None:
                if ref.body in scope:
                    yield Finding(
                        path,
                        tr(
                            "'{words}' cites {target}, which the corpus does not have "
                            "({body} is in the reference scope)",
                            words=short(text, 6),
                            target=str(ref),
                            body=ref.body,
                        ),
                        offset=start,
                        length=len(text) + 2,  # ("[words]")
                        help=tr("check the body and the number, or add the resolution"),
                    )
                elif fragment and ref is refs[0]:
                    # (not in the corpus: its parts cannot be looked up, but a
                    # part whose section no resolution has names nothing)
                    unknown = _unknown_section(ctx, fragment[0])
                    if unknown is not None and not _words_name_part(ctx, text):
                        yield Finding(
                            path,
                            tr(
                                "'{words}' cites {target}: no resolution has a section "
                                "'{verb}', so the part after '#' names nothing",
                                words=short(text, 6),
                                target=f"{ref}#{'/'.join(fragment)}",
                                verb=fragment[0],
                            ),
                            offset=start,
                            length=len(text) + 2,  # ("[words]")
                            help=unknown,
                        )
                continue
            if fragment:
                why = resolve_fragment(found, fragment)
                if (
                    why is not None
                    and _unknown_section(ctx, fragment[0]) is not None
                    and _words_name_part(ctx, text)
                ):
                    # a section no resolution has, where the words name the part
                    # ('#resolve/3' for 'resolves 3'): reference-text says how the
                    # two disagree, with the target to write (one finding)
                    continue
                if why is not None and _words_name_other_part(ctx, text, found, fragment):
                    # the words name a part it has ('resolves 2' for '#resolves/2/a'):
                    # reference-text says how the two disagree, with the target to write
                    continue
                key = None if why is None else _misnamed_there(ctx, found, fragment[0])
                if key is not None:
                    # the cited resolution has the section under another verb key, which
                    # verb-unknown or heading-mismatch reports there, with the key to
                    # write: the part is looked for in that section
                    why = resolve_fragment(found, (key, *fragment[1:]))
                elif why is not None and _section_key_reported(ctx, found, fragment[0]):
                    # no section of that verb, and a section whose verb key the
                    # cited resolution's rules report ('considering' keyed
                    # 'encourages': verb-unknown there, with the key to write)
                    continue
                if (
                    why is not None
                    and not ran_into_text(found, fragment)
                    and not mistyped_label_for(found, fragment)
                ):
                    target = f"{ref}#{'/'.join(fragment)}"
                    latest = max(found.revision_years(), default=None)
                    if year is not None and latest is not None and year < latest:
                        # a part of an earlier text than the one the corpus holds
                        # (revised since): it may have had it; cannot be checked
                        yield Finding(
                            path,
                            tr(
                                "'{words}' cites {target} of the {year} text; the corpus "
                                "holds {ref} as revised in {latest} ({path}), which {why}",
                                words=short(text, 6),
                                target=target,
                                year=year,
                                ref=str(ref),
                                latest=latest,
                                path=found.path,
                                why=why,
                            ),
                            offset=start,
                            length=len(text) + 2,  # ("[words]")
                            severity="warning",
                            help=tr(
                                "if the {year} text has it, the citation cannot be checked "
                                "here: suppress this finding with the reason; else correct "
                                "the part the citation names (after '#') and its words",
                                year=year,
                            ),
                        )
                        continue
                    # a part of this same file, missing from the middle of its list
                    # (the entry deleted): numbering-gap's finding there, "9
                    # follows 7; expected 8", says the same defect and would
                    # have the list renumbered under the citation; this one says
                    # it, that place attached
                    gap = gap_entry(found, fragment) if found.path == ctx.path else None
                    made = Finding(
                        path,
                        tr(
                            "'{words}' cites {target}, but {ref} ({path}) {why}",
                            words=short(text, 6),
                            target=target,
                            ref=str(ref),
                            path=found.path,
                            why=why,
                        ),
                        offset=start,
                        length=len(text) + 2,  # ("[words]")
                        related=()
                        if gap is None
                        else (
                            Place(
                                (*gap[0], "label"),
                                tr(
                                    "{label}, where '{missing}' is missing before it",
                                    label=repr(gap[1]),
                                    missing=fragment[-1],
                                ),
                            ),
                        ),
                        covers=("numbering-gap",) if gap is not None else (),
                        covers_at=(gap[0],) if gap is not None else (),
                        help=tr(
                            "'{label}' is missing from the middle of its list there: deleted, "
                            "or its label lost? Correct this citation (or restore the entry) "
                            "before that list is renumbered, which would make it name another "
                            "entry",
                            label=fragment[-1],
                        )
                        if missing_between(found, fragment)
                        else tr(
                            "correct the part the citation names (after '#') and its words, "
                            "or the cited resolution"
                        ),
                    )
                    if found.path != ctx.path:
                        yield made
                    elif target not in own:
                        own[target] = made
                    else:
                        # the same part of this file cited again ("resolves 3", then
                        # "resolves 3 above"): one entry lost, one finding, each
                        # citation to correct attached
                        first = own[target]
                        own[target] = replace(
                            first,
                            related=(
                                *first.related,
                                Place(
                                    path,
                                    tr("another citation of it"),
                                    offset=start,
                                    length=len(text) + 2,
                                ),
                            ),
                        )
    yield from own.values()


def mistyped_label_for(res: Summary, fragment: tuple[str, ...]) -> bool:
    """Whether the entry ``fragment`` names is missing from ``res`` only because
    its label was mistyped there: one label of the list it belongs to, read as
    the missing one, puts the list in sequence. That label is a duplicate
    ('1, 3, 3' for a citation of clause 2) or has a label after it that
    follows the missing one ('1, 22, 3'); a list that merely stops short
    ('1, 3': clause 2 may have been deleted) is not taken for one. The
    numbering rules report that label there, with the relabelling; the
    citation resolves once it is made: one defect, said where it is. So is
    an annex whose heading names the number cited and whose label is
    another ('ANNEX 1 TO RESOLUTION 167' labelled '0': ``reference-part``
    reports that heading there, a finding that flags it)."""

    if fragment[:1] == ("annex",) and len(fragment) == 2 and fragment[1].isdigit():
        place = int(fragment[1]) - 1
        if (
            0 <= place < len(res.annexes)
            and ("annexes", place, "heading") in res.flagged
            and (res.annexes[place][0] or "").strip() != fragment[1]
        ):
            return True
    for raws, ordinals, wanted in _cited_lists(res, fragment):
        for i, label in enumerate(ordinals):
            if label is None or (raws.count(raws[i]) < 2 and i + 1 == len(raws)):
                continue
            if _mends(ordinals, [*ordinals[:i], wanted, *ordinals[i + 1 :]], i):
                return True
    return False


def _mends(ordinals: Ordinals, fixed: Ordinals, at: int) -> bool:
    """Whether ``fixed``, ``ordinals`` with the entry at ``at`` relabelled
    or put in, mends the list there: in sequence around ``at``, and fewer
    labels out of sequence than before. A break elsewhere in the list (a
    list the conversion garbled at its end, '... 8, 9, 18') is left as it is."""
    from itures.rules.labels import breaks

    low = max(0, at - 1)
    window = fixed[low : at + 2]
    first = window[0] if low > 0 else None
    local = breaks(window) if first is None else breaks(window, first[1])
    return not local and breaks(fixed) < breaks(ordinals)


def missing_between(res: Summary, fragment: tuple[str, ...]) -> bool:
    """Whether the entry ``fragment`` names is missing from the middle of the
    list it belongs to in ``res``: written between two of its entries, it
    puts the list in sequence ('1, 3' for clause 2: deleted, its followers
    not renumbered, or its label lost)."""

    return any(
        _mends(ordinals, [*ordinals[:i], wanted, *ordinals[i:]], i)
        for _, ordinals, wanted in _cited_lists(res, fragment)
        for i in range(1, len(ordinals))
    )


def gap_entry(res: Summary, fragment: tuple[str, ...]) -> tuple[tuple[str | int, ...], str] | None:
    """The path and label of the entry of ``res`` right after the place of
    the entry ``fragment`` names, when that entry is missing from the middle
    of its list (:func:`missing_between`): where numbering-gap reports the
    gap ("clause 9 follows 7; expected 8"). None for an annex, or when it
    cannot be told."""
    if len(fragment) < 2 or fragment[0] == "annex":
        return None
    from itures.fragments import segment
    from itures.rules.labels import breaks, read, read_list

    head, parents, missing = fragment[0], fragment[1:-1], read(fragment[-1])
    if missing is None:
        return None
    wanted = (missing.kind, (missing.parts, missing.ins))
    lists: list[tuple[tuple[str | int, ...], Tree, str]] = [
        (("preamble", k), items, "items")
        for k, (verb, items) in enumerate(res.preamble)
        if verb == head
    ]
    lists.extend(
        (("operative", k), clauses, "clauses")
        for k, (verb, _, clauses) in enumerate(res.operative)
        if verb == head
    )
    for where, entries, key in lists:
        path: tuple[str | int, ...] = where
        for seg in parents:
            at = next(
                (
                    j
                    for j, (label, _) in enumerate(entries)
                    if segment(label or "").lower() == seg.lower()
                ),
                None,
            )
            if at is None:
                break
            path, entries = (*path, key, at), entries[at][1]
        else:
            raws = [label for label, _ in entries]
            ordinals: Ordinals = [
                (x.kind, (x.parts, x.ins)) if x is not None else None for x in read_list(raws)
            ]
            if not breaks(ordinals):
                continue
            for i in range(1, len(ordinals)):
                if _mends(ordinals, [*ordinals[:i], wanted, *ordinals[i:]], i):
                    return (*path, key, i), raws[i] or ""
    return None


Ordinals = list[tuple[Any, tuple[tuple[int, ...], int]] | None]


def _cited_lists(
    res: Summary, fragment: tuple[str, ...]
) -> Iterator[tuple[list[str | None], Ordinals, tuple[Any, tuple[tuple[int, ...], int]]]]:
    """For each list of ``res`` that the entry ``fragment`` names would
    belong to, out of sequence: its labels as written, read, and the
    missing entry's label read."""
    if len(fragment) < 2 or (fragment[0] == "annex" and len(fragment) > 2):
        return
    from itures.fragments import segment
    from itures.rules.labels import breaks, read, read_list

    head, parents, missing = fragment[0], fragment[1:-1], read(fragment[-1])
    if missing is None:
        return
    if head == "annex":
        # the annexes themselves, labelled 1, 2, … (numbering's annex_relabels)
        lists: list[Tree] = [tuple((label, ()) for label, _ in res.annexes)]
    else:
        lists = [items for verb, items in res.preamble if verb == head]
    lists.extend(clauses for verb, _, clauses in res.operative if verb == head)
    wanted = (missing.kind, (missing.parts, missing.ins))
    for entries in lists:
        for seg in parents:  # down to the list the missing entry belongs to
            entries = next(
                (kids for label, kids in entries if segment(label or "").lower() == seg.lower()),
                (),
            )
        raws = [label for label, _ in entries]
        ordinals: Ordinals = [
            (x.kind, (x.parts, x.ins)) if x is not None else None for x in read_list(raws)
        ]
        if breaks(ordinals):
            yield raws, ordinals, wanted


def _section_key_reported(ctx: CorpusContext, res: Summary, verb: str) -> bool:
    """Whether ``res`` has no section ``verb`` and a section of the part that
    verb is of (preamble, operative) whose verb key or heading a rule
    reports there (``verb-unknown``, ``heading-mismatch``): the citation of
    a part of ``verb`` then names the section that key mistyped, which that
    finding mends."""
    if verb == "annex" or any(v == verb for v, _ in res.preamble):
        return False
    if any(v == verb for v, _, _ in res.operative):
        return False
    from itures.model.vocabulary import FURTHER, PARTS
    from itures.rules.verbs import verbs_of

    headings = verbs_of(ctx).headings
    bare = verb.removeprefix(FURTHER)
    parts = {part for part in PARTS if bare in headings[part]}
    return any(len(p) == 3 and p[0] in parts and p[2] in ("verb", "heading") for p in res.flagged)


def _misnamed_there(ctx: CorpusContext, res: Summary, verb: str) -> str | None:
    """The key of the operative section of ``res`` that has another key
    than ``verb`` under a heading that reads as ``verb``, when ``res`` has
    no section ``verb`` (:func:`itures.rules.verbs.misnamed`); else None."""
    if any(v == verb for v, _ in res.preamble) or any(v == verb for v, _, _ in res.operative):
        return None
    from itures.rules.verbs import misnamed, verbs_of

    sections = [("operative", v, heading) for v, heading, _ in res.operative]
    return misnamed(verbs_of(ctx), res.language, sections, verb)


def _misnamed_here(ctx: Context, outline: Any, verb: str) -> str | None:
    """:func:`_misnamed_there` for the file being checked."""
    if verb in outline.lookup.preamble or verb in outline.lookup.operative:
        return None
    from itures.rules.verbs import misnamed, sections_of, verbs_of

    return misnamed(verbs_of(ctx), ctx.resolution.language, sections_of(ctx), verb)


def _words_name_part(ctx: CorpusContext, words: str) -> bool:
    """Whether a citation's words name a part (``reference-text``, when it
    runs, says how the target disagrees with them: one defect, one finding)."""
    if ctx.config is not None and not ctx.config.enabled("reference-text"):
        return False
    res = ctx.summary
    return any(r.fragment for r in _readings(words, res.language, res.body))


def _words_name_other_part(
    ctx: CorpusContext, words: str, found: Any, fragment: tuple[str, ...]
) -> bool:
    """Whether a citation's words name a part of the cited resolution that
    it has, other than the target's (``reference-text``, when it runs, says
    how the two disagree: one defect, one finding)."""
    if ctx.config is not None and not ctx.config.enabled("reference-text"):
        return False
    res = ctx.summary
    if any(
        r.fragment
        and tuple(r.fragment) != tuple(fragment)
        and resolve_fragment(found, tuple(r.fragment)) is None
        for r in _readings(words, res.language, res.body)
    ):
        return True
    if found.path != res.path:
        # words that name a part of the citing resolution, with their anchor
        # ("resolves 8 above"), and a target of another resolution
        return _anchored_own_part(words, res.language) is not None
    # a part of the citing resolution itself ("[resolves 4](pp:77#resolves/44)")
    named = _own_part_named(words, res.language)
    return (
        named is not None
        and [p.lower() for p in named] != [p.lower() for p in fragment]
        and resolve_fragment(found, named) is None
    )


def _unknown_section(ctx: CorpusContext, head: str) -> str | None:
    """The help for a citation's part (after '#') whose first step, ``head``,
    is neither 'annex' nor the key of a section of the verb vocabulary in
    force ('resolve' for 'resolves'); None when it is one."""
    from itures.model.vocabulary import FURTHER, PARTS
    from itures.rules.verbs import verbs_of
    from itures.suggest import closest

    headings = verbs_of(ctx).headings
    known = frozenset(k for part in PARTS for k in headings[part])
    if head == "annex" or head.removeprefix(FURTHER) in known:
        return None
    meant = closest(head, sorted(known | {"annex"}))
    if meant is not None:
        # (not "did you mean": the editor's quick fix would write it over the words)
        return tr(
            "correct the part after '#': the section's key is '{meant}', perhaps", meant=meant
        )
    return tr("write the key of a section (resolves, instructs, ...) or 'annex' after '#'")


@rule(
    "reference-revision",
    "error",
    "a citation of a revision that the cited resolution's history does not have",
    corpus=True,
    inbound=True,
)
def reference_revision(ctx: CorpusContext) -> Iterator[Finding]:
    """A citation ``@YEAR`` of a revision that the cited resolution's history
    does not record. Only citations of resolutions in the corpus are checked;
    a year before the first entry of a partly known history is not reported.
    Nor is a year that ``reference-text`` reports (when it runs), one defect,
    one finding: a year after the citing text's own (its history's last
    revision), one that the citation's words do not say (their year is the
    one to cite), one of words that name another resolution than the target
    (the number is the slip: nor then the warnings below, of the target's
    "Rev."), or one of words whose revision no conference
    made ("Rev. Dubaï, 2013": the calendar says which year to write). Nor
    is a year that another language version of the cited resolution has:
    the cited version's history is the odd one, which ``language-mismatch``
    reports there. Nor is a year
    that the cited history writes otherwise at the place the calendar gives
    it ("Busan, 2004" for 2014): the ``history`` rule's finding in the cited
    file, which gives the year. A citation whose
    words call the text of the year it cites a revision ("Rev. Busan, 2014")
    when the cited resolution was adopted then is a warning: a citation of
    the adopted text writes no "Rev.". So is the other way round: words that
    cite the text of the year as adopted then ("Resolution 71 (Dubai,
    2018)", no "Rev.") when the cited resolution was revised that year.

    Failing (WTDC Resolution 5 was revised at Dubai in 2014, not 2013)::

        text: >-
          [la Résolution 5 (Rév. Dubaï, 2013) de la présente Conférence](wtdc:5@2013)

    Passing::

        text: >-
          [la Résolution 5 (Rév. Dubaï, 2014) de la présente Conférence](wtdc:5@2014)
    """
    summary = ctx.summary
    # the year of the conference that wrote this text: a later one is
    # reference-text's (a text cites the revisions before it), when it runs
    deferred = ctx.config is None or ctx.config.enabled("reference-text")
    wrote = (
        max((when for event, _, when in summary.history if event != "abrogated"), default=None)
        if deferred
        else None
    )
    readable = deferred and summary.language in ("en", "fr", "es")
    for path, start, text, (refs, year, _) in _citations(ctx):
        if year is None or (wrote is not None and year > wrote):
            continue
        for ref in refs:
            cited = _cited(ctx, ref)
            if cited is None:
                continue
            if year in cited.revision_years():
                adopted = _adopted_called_revised(cited, year, text)
                # (in the languages whose abbreviation of a revision is known)
                rev = _REV.get(summary.language)
                revised = _revised_called_adopted(cited, year, text) if rev is not None else None
                if (adopted is not None or revised is not None) and (
                    readable and _words_name_another(text, ref.number, summary)
                ):
                    # the words name another resolution than the target: the
                    # target's number is the slip, reference-text's finding;
                    # what the target's history says of "Rev." is not the cited one's
                    continue
                if adopted is not None:
                    yield Finding(
                        path,
                        tr(
                            "'{words}' calls the text of {place}, {year} a revision ('{rev}'), "
                            "but {target} was adopted there ({path}): a citation of the "
                            "adopted text writes no revision",
                            words=short(text, 6),
                            place=adopted[0],
                            year=year,
                            rev=adopted[1],
                            target=str(ref),
                            path=cited.path,
                        ),
                        offset=start + 1 + adopted[2],  # (the words start after '[')
                        length=len(adopted[1]),
                        severity="warning",
                        help=tr("delete '{rev}' before the place", rev=adopted[1]),
                    )
                if rev is not None and revised is not None:
                    yield Finding(
                        path,
                        tr(
                            "'{words}' cites the text of {place}, {year} as adopted there ('{as_written}', "
                            "no '{rev}'), but {target} was revised there ({path}): a citation of a "
                            "revised text writes '{rev}' before the place",
                            words=short(text, 6),
                            place=revised[0],
                            year=year,
                            as_written=revised[1],
                            rev=rev,
                            target=str(ref),
                            path=cited.path,
                        ),
                        offset=start + 1 + revised[2],  # (the words start after '[')
                        length=len(revised[1]),
                        severity="warning",
                        help=tr(
                            "write '{rev} ' before the place: '({rev} {written}'",
                            rev=rev,
                            written=revised[1][1:],
                        ),
                    )
                continue
            first_event, _, first_year = cited.history[0]
            if first_event != "adopted" and year < first_year:
                continue  # the partly known history does not say
            if any(
                _accepts(other, year)
                for other in ctx.index.versions(ref.body, ref.number).values()
                if other.path != cited.path
            ):
                # another language version of the cited resolution has that
                # revision: this version's history is the odd one, which
                # language-mismatch reports there (one defect, one finding)
                continue
            if _history_mistyped_for(cited, ref.body, year):
                # the cited history writes that conference with a year the
                # calendar does not give it ("Busan, 2004"): the history rule's
                # finding there, which gives the year, not also one per citation
                continue
            # (the words read only here, for a year about to be reported: the
            # inbound check of a much-cited file runs this on every citation)
            if readable and _words_say_another(text, year, summary):
                break  # the words name another year: reference-text's, with its fix
            if readable and _words_name_another(text, ref.number, summary):
                break  # the words name another resolution: reference-text's, with its fix
            if readable and _words_misdated(text, ref.body, summary):
                break  # the words name a revision no conference made: reference-text's
            known = listing(
                [f"{place} {when}" for event, place, when in cited.history if event != "abrogated"]
            )
            if known:
                message = tr(
                    "'{words}' cites {target} as of {year}, but its history ({path}) has {known}",
                    words=short(text, 6),
                    target=str(ref),
                    year=year,
                    path=cited.path,
                    known=known,
                )
            else:
                message = tr(
                    "'{words}' cites {target} as of {year}, but its history ({path}) has no "
                    "revision",
                    words=short(text, 6),
                    target=str(ref),
                    year=year,
                    path=cited.path,
                )
            yield Finding(
                path,
                message,
                offset=start,
                length=len(text) + 2,  # ("[words]")
                help=tr(
                    "correct the year (@YEAR) and the words, or the cited resolution's history"
                ),
            )


@rule(
    "reference-abrogated",
    "warning",
    "a citation, in a text revised at or after it, of a resolution that was abrogated",
    corpus=True,
    inbound=True,
)
def reference_abrogated(ctx: CorpusContext) -> Iterator[Finding]:
    """A citation of a resolution whose history records its abrogation, in a
    text written by that conference or a later one (its history's last
    adoption or revision is in the year of the abrogation or after it): the
    conference that revised the text cited a resolution no longer in force,
    or the citation was left from an earlier revision. A text revised
    before the abrogation is not reported: it cited the resolution when it
    was in force, and keeps its words until a conference revises it. Nor is
    a text that is itself abrogated, nor a citation of a resolution whose
    language versions do not all record the abrogation, or whose history a
    rule reports there (the cited resolution's defect, said there). A text that cites the abrogated
    resolution on purpose (its history: "Resolution 210 (Dubai, 2018),
    abrogated by this conference") says so with a suppression and its
    reason.

    Failing::

        history:
          - {event: adopted, place: Antalya, year: 2006}
          - {event: revised, place: Bucharest, year: 2022}
        ...
        text: >-
          the cooperation described in [Resolution 210 (Dubai, 2018)](pp:210@2018)

    (PP Resolution 210 was abrogated at Bucharest in 2022, and this text
    was revised there.)

    Passing: the citation deleted, or the text last revised before 2022.
    """
    summary = ctx.summary
    if any(event == "abrogated" for event, _, _ in summary.history):
        return  # (an abrogated text keeps its citations)
    wrote = max((when for event, _, when in summary.history if event != "abrogated"), default=None)
    if wrote is None:
        return
    # (each cited resolution looked up once a run: a corpus cites the same ones)
    abrogations: dict[tuple[str, str, str], tuple[str, int, str] | None] = ctx.memo_run(
        "abrogations", dict
    )
    for path, start, text, (refs, _, _) in _citations(ctx):
        for ref in refs:
            key = (ref.body, ref.number, summary.language)
            if key not in abrogations:
                abrogations[key] = _abrogation(ctx, ref)
            ended = abrogations[key]
            if ended is None or wrote < ended[1]:
                continue
            yield Finding(
                path,
                tr(
                    "'{words}' cites {target}, which was abrogated at {place}, {year} ({path}); "
                    "this text was revised in {wrote}",
                    words=short(text, 6),
                    target=str(ref),
                    place=ended[0],
                    year=ended[1],
                    path=ended[2],
                    wrote=wrote,
                ),
                offset=start + 1,  # (its words, after the '[')
                length=len(text),
                help=tr(
                    "delete the citation, or cite the resolution that replaced it; if the text "
                    "cites it on purpose, suppress this finding with the reason"
                ),
            )
            break


def _abrogation(ctx: CorpusContext, ref: mk.ResolutionRef) -> tuple[str, int, str] | None:
    """(place, year, path) of the abrogation the cited resolution's history
    records (its version in the citing file's language, else any); None when
    it records none, when its language versions do not all record it, or
    when a rule reports its history there (the cited resolution's defect,
    said there)."""
    cited = _cited(ctx, ref)
    if cited is None:
        return None
    ended = next(
        ((place, when) for event, place, when in cited.history if event == "abrogated"), None
    )
    if ended is None or any(p[:1] == ("history",) for p in cited.flagged):
        return None
    if not all(
        any(event == "abrogated" for event, _, _ in other.history)
        for other in ctx.index.versions(ref.body, ref.number).values()
    ):
        return None
    return ended[0], ended[1], cited.path


def _accepts(summary: Summary, year: int) -> bool:
    """Whether the history of ``summary`` has a revision (or the adoption) of
    ``year``, or does not say (a partly known history that starts later)."""
    if year in summary.revision_years():
        return True
    if not summary.history:
        return False
    first_event, _, first_year = summary.history[0]
    return first_event != "adopted" and year < first_year


# a revision's abbreviation before a place and a year, in the words: "(Rev.
# Busan, 2014)", "(Rév. Busan, 2014)"
_REVISION_WORD = re.compile(r"\((R[eé]v\.)\s*[^()]*?\b(\d{4})\)", re.IGNORECASE)


def _adopted_called_revised(cited: Summary, year: int, words: str) -> tuple[str, str, int] | None:
    """(the place, the abbreviation as written, where it is in the words) when
    the words call the text of ``year`` a revision ("Rev. Busan, 2014") and
    the cited resolution was adopted that year, not revised; None otherwise."""
    events = [(event, place) for event, place, when in cited.history if when == year]
    if not events or any(event != "adopted" for event, _ in events):
        return None
    for m in _REVISION_WORD.finditer(words):
        if int(m.group(2)) == year:
            return events[0][1], m.group(1), m.start(1)
    return None


# a place and a year in parentheses, with no revision's abbreviation before
# them: "(Dubai, 2018)", "(Dubaï, 2018)"
_PLACE_YEAR = re.compile(r"\((?!\s*R[eé]v\b)(?=[^\W\d_])[^()\d]{2,40}?,?\s*(\d{4})\)")
# how a citation of a revised text writes it before the place (in Arabic,
# Chinese and Russian the words for it are others, and not looked for)
_REV = {"en": "Rev.", "fr": "Rév.", "es": "Rev."}


def _revised_called_adopted(cited: Summary, year: int, words: str) -> tuple[str, str, int] | None:
    """(the place, the parentheses as written, where they are in the words)
    when the words cite the text of ``year`` with its place and year and no
    revision's abbreviation ("Resolution 71 (Dubai, 2018)") and the cited
    resolution was revised that year, not adopted; None otherwise."""
    events = [(event, place) for event, place, when in cited.history if when == year]
    if not events or any(event != "revised" for event, _ in events):
        return None
    for m in _PLACE_YEAR.finditer(words):
        if int(m.group(1)) == year:
            return events[0][1], m.group(0), m.start()
    return None


def _words_say_another(text: str, year: int, summary: Summary) -> bool:
    """Whether the words of a citation name a year, and not ``year``."""
    stated = [r.year for r in _readings(text, summary.language, summary.body) if r.year is not None]
    return bool(stated) and year not in stated


def _words_name_another(text: str, number: str, summary: Summary) -> bool:
    """Whether the words of a citation name numbers, and not ``number`` (the
    target's: "Resolution 58" for pp:170, whose year is then not the one
    to compare with pp:170's history)."""
    named = {n for r in _readings(text, summary.language, summary.body) for n in r.numbers}
    return bool(named) and number not in named


def _words_misdated(text: str, body: str, summary: Summary) -> bool:
    """Whether the words of a citation of ``body`` name a revision no
    conference of it made (``reference-text`` reports it, see :func:`_misdated`)."""
    readings = _readings(text, summary.language, summary.body)
    named = {r.body for r in readings if r.body is not None}
    return _misdated(readings, body, named) is not None


def _words_of_another_language(
    path: tuple[str | int, ...], span: mk.Citation, lang: str, own: str
) -> Finding | None:
    """A citation whose words the file's language does not read, written in
    another's ('la Résolution 150 (Rév. Busan, 2014)' in a Spanish text):
    copied from that language version, not translated."""
    for other in ("en", "fr", "es"):
        if other == lang:
            continue
        heard = _readings(span.text, other, own)
        if any(r.numbers for r in heard):
            return Finding(
                path,
                tr(
                    "the words of this citation ('{words}') are written in '{other}', not in "
                    "'{lang}', the file's language",
                    words=short(span.text, 6),
                    other=other,
                    lang=lang,
                ),
                offset=span.start,
                length=span.end - span.start,
                help=tr(
                    "write the citation's words in '{lang}', as the '{lang}' texts cite a "
                    "resolution",
                    lang=lang,
                ),
            )
    return None


def _later(path: tuple[str | int, ...], span: mk.Citation, place: str, year: int) -> Finding:
    """A citation of a revision later than the text citing it."""
    return Finding(
        path,
        tr(
            "{target} cites the revision of {cited}, later than this text ({place}, {year}, "
            "the last revision its history records): a text cites the revisions before it",
            target=span.target,
            cited=span.year,
            place=place,
            year=year,
        ),
        offset=span.start,
        length=span.end - span.start,
        help=tr(
            "cite the revision in force in {year} (or before), or record in history the "
            "conference that revised this text",
            year=year,
        ),
    )


def _join(numbers: list[str] | tuple[str, ...]) -> str:
    return ",".join(numbers)


def _separator() -> str:
    # TRANSLATORS: between two reasons of one finding ("has no clause '3' in ...; has no ...").
    return tr("; ")


@lru_cache(maxsize=4096)
def _readings(words: str, language: str, own_body: str) -> tuple[Reading, ...]:
    """:func:`read_citations` of a citation's words, remembered: a corpus cites
    the same resolutions in the same words again and again. In a language
    that has no import grammar (Arabic, Chinese, Russian), their numbers and
    year alone (:func:`_numbers_and_year`)."""
    from itures.importers.extract import read_citations  # the import grammars: on demand
    from itures.importers.lang import LANGUAGES

    if language not in LANGUAGES:
        return _numbers_and_year(words, language)
    return tuple(read_citations(words, language, own_body))


# Russian, Arabic and Chinese words of a citation, which no import grammar
# reads: the resolutions' numbers after the noun that names them
# ("Резолюции 71", "Резолюций 17, 26 и 44", "بالقرار 150", "القرارين 17 و26",
# "第150号决议", "第17、26和44号决议"), and the revision's year in parentheses
# ("(Пересм. Пусан, 2014 г.)", "(المراجَع في بوسان، 2014)",
# "（2014年，釜山，修订版）")
# (ITU-R numbers its resolutions "20-1")
_NUMBER = r"\d+(?:[-‑]\d+)?"
_NUMBER_LIST = rf"{_NUMBER}(?:\s*(?:,|،|、|и|و|和|及)\s*{_NUMBER})*"
_SCRIPT_NUMBERS: dict[str, re.Pattern[str]] = {
    "ru": re.compile(
        rf"(?<!\w)[Рр]езолюци[а-я]*\s+(?:МСЭ-[RTDРТ]\s+)?(?P<numbers>{_NUMBER_LIST})(?!\d)"
    ),
    "ar": re.compile(rf"(?:قرار|القرار)(?:ات|ين|ان)?\s+(?P<numbers>{_NUMBER_LIST})(?!\d)"),
    "zh": re.compile(rf"第\s*(?P<numbers>{_NUMBER_LIST})\s*号决议"),
}
_SCRIPT_YEAR = re.compile(r"[(（][^()（）]*?(?<!\d)(?P<year>1[89]\d\d|20\d\d)(?!\d)[^()（）]*[)）]")


def _numbers_and_year(words: str, language: str) -> tuple[Reading, ...]:
    """What the words of a citation in Russian, Arabic or Chinese say of the
    numbers and the revision's year (see :data:`_SCRIPT_NUMBERS`): one
    reading, without a body, a place or a part (not read); nothing when no
    noun names resolutions (a decision, the Constitution) or the words hold
    two revisions (each with its own year: not read)."""
    from itures.importers.extract import Reading

    pattern = _SCRIPT_NUMBERS.get(language)
    if pattern is None:
        return ()
    found = pattern.findall(words)
    if len(found) != 1:
        return ()
    numbers = tuple(
        "-".join(str(int(d)) for d in re.findall(r"\d+", n)) for n in re.findall(_NUMBER, found[0])
    )
    years = {int(m.group("year")) for m in _SCRIPT_YEAR.finditer(words)}
    if len(years) > 1:
        return ()
    year = years.pop() if years else None
    return (Reading(numbers, year, None, frozenset(), ()),)


def _bare_readings(words: str, language: str, own_body: str) -> tuple[Reading, ...]:
    """:func:`_readings` of words that start with a number alone, as a
    citation in a list whose words do not repeat "Resolution" ("[125 (Rev.
    Antalya, 2006)]" after "[Resolutions 125 (Rev. Busan, 2014)]"): read as
    if they did. For a target of resolutions (plain numbers) only: a
    decision's "5" is not "Resolution 5"."""
    if not _BARE_NUMBER.match(words) or language not in _RESOLUTION:
        return ()
    return _readings(f"{_RESOLUTION[language]} {words}", language, own_body)


# what follows a citation's noun: its number, a Sector's name between them
# ("Resolution 5", "Resolution ITU-R 6")
_BEFORE_NUMBER = r"(?=[ \u00a0]+(?:(?:ITU|UIT)[-\u2011][RTD][ \u00a0]+)?\d)"
# a word before a number in a citation's words (its noun), and the nouns of
# each language the words are read in
_WORD_BEFORE_NUMBER = re.compile(r"(?<![\w-])([^\W\d_]{6,14})" + _BEFORE_NUMBER)
_NOUNS = {
    "en": ("Resolution", "Resolutions", "Decision", "Decisions"),
    "fr": ("Résolution", "Résolutions", "Décision", "Décisions"),
    "es": ("Resolución", "Resoluciones", "Decisión", "Decisiones"),
}
# the same in small letters, any language: a citation's noun, whichever case
# it is written in (punctuation leaves one inside a citation's words to this
# rule: "[ResolutioN 137 …]")
CITATION_NOUNS = frozenset(noun.lower() for nouns in _NOUNS.values() for noun in nouns)


def _noun_mistyped(
    path: tuple[str | int, ...], text: str, span: mk.Citation, lang: str, own: str
) -> Finding | None:
    """The finding of a citation whose words are not read because their noun
    is mistyped ("la Réésolution 123", "Resolutoin 71"): the word, with the
    noun to write, when the words read with it mended; None otherwise."""
    for m in _WORD_BEFORE_NUMBER.finditer(span.text):
        written = m.group(1)
        for noun in _NOUNS.get(lang, ()):
            if not one_slip(written, noun):
                continue
            mended = span.text[: m.start(1)] + noun + span.text[m.end(1) :]
            if not _readings(mended, lang, own):
                continue
            offset, length = _in_words(text, span, m.start(1), m.end(1))
            return Finding(
                path,
                tr(
                    "{written}: the noun of the citation mistyped, and its words are not read "
                    "as a citation; ITU's texts write {right}",
                    written=repr(written),
                    right=repr(noun),
                ),
                offset=offset,
                length=length,
                severity="warning",
                help=tr("write {right}", right=repr(noun)),
            )
    return None


# words that start with a resolution's number alone, and the word that names
# one in each language the words are read in
_BARE_NUMBER = re.compile(r"\s*\d{1,4}(?!\d)")
_RESOLUTION = {"en": "Resolution", "fr": "Résolution", "es": "Resolución"}


# The citations whose words and target agree, as (words, target, language of
# the file, its body, whether its formula names another): all the check reads
# of a citation. A corpus cites the
# same resolutions in the same words again and again; what is wrong is said
# in the current language, so it is worked out each time. Bounded: emptied
# when full.
_AGREE: set[tuple[str, str, str, str, bool]] = set()


def _agree(key: tuple[str, str, str, str, bool]) -> None:
    if len(_AGREE) >= 8192:
        _AGREE.clear()
    _AGREE.add(key)


@rule(
    "reference-text",
    "error",
    "the words of a citation name another body, number, revision or clause than its target; "
    "a revision after the citing text",
)
def reference_text(ctx: Context) -> Iterator[Finding]:
    """The words of a citation ``[words](target)`` and its target must agree on
    the body, the numbers, the revision year and the clause (see the module
    docstring for what the words are taken to state); and the target's year
    is not after the citing text's own (a WTDC-17 text cannot cite a 2022
    revision). The revision the words name is one the target's body made,
    by the calendar of :mod:`itures.conferences`: "(Rev. Busan, 2018)" of a
    PP resolution is a place or a year mistyped (PP met in Dubai in 2018, in
    Busan in 2014), one finding that says what the calendar knows and which
    to correct, the words' year not compared with the target's; a year in
    which the body did not meet is reported only at a place where it met
    another year, and a revision at which another body met is the body's
    disagreement (in words that name the target's body, "(Rev. Busan, 2014)
    of WTSA", where and when that body never met: one finding that offers
    both corrections, the other body's target or a revision of this one). A target without '@YEAR' whose words cite one revision
    ("(Rév.Dubaï, 2012)") is told the year to write: it leaves the year out
    only when the words cite none.

    A revision whose year is mistyped in the words, a digit doubled or lost,
    changed out of the years' range or a letter typed for a digit
    ("(Rév.Dubaï, 20012)", "(Rév. Guadalajara, 2510)", "(Rev. Dubai,
    2O12)"), is said with the year to write, the target's; a 'Rév.' written
    twice ("(Rév. Rév.Genève, 2007)") is said as such, and the place is
    compared without it. A sector named before the number ("la Résolution
    UIT-T 6") names the body of its assembly or conference (ITU-T: wtsa,
    ITU-D: wtdc, ITU-R: ra). Words that write
    every number of the target but not as a list the grammar reads ("17, 26,
    44 et45", "17, 26 44 et 45") are said where (the blank or the comma
    missing), not told to drop the numbers after the slip from the target.
    "Rev." written as another language writes it ("Rév." in a Spanish text,
    "Rev." in a French one) or without its dot is a warning, the place read
    without it; so is the revision's place written as another language
    writes it, where the calendar says which spelling each writes ("(Rev.
    Dubaï, 2018)" in English, "(Rév. Marrakesh, 2002)" in French), with this
    language's, or as no language writes it (a capital inside it, "(Rev.
    DubAi, 2018)", an accent none has), and the noun written small before
    its number ("[resolution 71 (Rev. Dubai, 2018)]", "[la résolution 5 …]":
    ITU's texts write it with a capital). A revision whose place was lost
    ("(Rév., 2007)") is told the place where the target's body met that
    year (not a Council resolution's, cited by its year alone); words not
    read because their noun is mistyped ("la Réésolution 123") are told the
    noun to write, a warning; so are words that end with the word that
    introduces the body, the body lost after it ("(Rev. Buenos Aires,
    2017) of", "(Rév. Guadalajara, 2010) de la"), with the target's body as
    the language names it. A target that lists the revision's year of the words as a second
    resolution ("pp:196,2018", a comma typed for '@') is told the target to
    write ("pp:196@2018"). Words the file's language does not read but
    another does ("la Résolution 150 (Rév. Busan, 2014)" in a Spanish text)
    were copied from that language version: said so. Words that start with
    a number alone, in a list that does not repeat "Resolution" ("[125 (Rev.
    Antalya, 2006)](pp:125@2006)" after "[Resolutions 125 (Rev. Busan,
    2014)]"), are read as if they did, where the target cites resolutions
    (not decisions: "5" is not "D5"). Words that name a part ("Annex 2 to
    Resolution 71") and a target that names none (its '#PART' lost) are
    told so, and so are words that name a resolution as a whole, with no
    word of a part in them ("Resolution 57 (Rev. Dubai, 2012) of WTSA"), and
    a target that names a part of it (``#resolves/1`` added, or the words'
    part lost). A citation of a part of the citing resolution itself ("[resolves
    4 above](pp:77#resolves/3)", "[aware e) above](pp:131)") is compared
    with the part its words name, read as ``reference-part`` reads them; a
    target that names a part the resolution lacks, the words naming one it
    has, is this finding alone (not also ``reference-unresolved``'s); so is
    one whose words name such a part with their anchor ("recognizing c)
    above") and whose target is another resolution (its number mistyped).
    Russian, Arabic and Chinese words are
    compared on their numbers and year alone (see the module's
    documentation).

    Failing (the words say 2012, the target 2017)::

        text: >-
          [la Résolution 57 (Rév.Dubaï, 2012) de l'AMNT](wtsa:57@2017) sur le renforcement

    Passing::

        text: >-
          [la Résolution 57 (Rév.Dubaï, 2012) de l'AMNT](wtsa:57@2012) sur le renforcement
          et [les Résolutions 17, 26, 44 et 45 (Rév.Dubaï, 2012)](wtsa:17,26,44,45@2012)
    """
    lang = ctx.resolution.language
    # the conference that wrote this text: a citation names revisions before it
    wrote = last_revision(ctx.resolution)
    # (a history that lost the revision its formula names, "(Busan, 2014)":
    # the history rule reports it; a citation of 2014 is not later than the text)
    written = formula_year(ctx.resolution)
    own = ctx.resolution.body
    # a body its conference formula does not name ('wtcd' in a text of WTDC): the
    # history rule says which is wrong; "of this conference" is not judged by it
    by_formula = formula_body(ctx.resolution)
    doubtful = by_formula is not None and by_formula != own
    readable = lang in ("en", "fr", "es")
    # (Russian, Arabic, Chinese: the numbers and year alone, _numbers_and_year)
    scripted = lang in _SCRIPT_NUMBERS
    marked_texts = marked(ctx)
    later: set[int] = set()  # (the citations said to name a later revision)
    if wrote is not None:
        for t in marked_texts:
            for span in t.spans:
                if not isinstance(span, mk.Citation) or span.year is None:
                    continue
                if span.year <= wrote.year or (written is not None and span.year <= written):
                    continue
                # words that name an earlier revision: the target is to be
                # corrected to it (the words' finding below says so)
                heard = _readings(span.text, lang, own) if readable or scripted else ()
                stated = [r.year for r in heard if r.year is not None]
                if stated and max(stated) <= wrote.year:
                    continue
                named = {r.body for r in heard if r.body is not None}
                if heard and _misdated(heard, span.body, named) is not None:
                    # a revision no conference made ("Geneva, 2019" of RA): the
                    # words' finding below names the one to write, an earlier one
                    continue
                later.add(id(span))
                yield _later(t.path, span, wrote.place, wrote.year)
    if not (readable or scripted):
        return
    for t in marked_texts:  # (a text with no '[' has no citation)
        for span in t.spans:
            if not isinstance(span, mk.Citation):
                continue
            if readable and span.text[-2:].rstrip()[-1:].isalpha():
                dangling = _words_cut(t.path, t.text, span, lang)
                if dangling is not None:
                    yield dangling
                    continue
            key = (span.text, span.target, lang, own, doubtful)
            if key in _AGREE:
                continue
            readings = _readings(span.text, lang, own)
            if scripted and not readings:
                _agree(key)
                continue  # (words not read: no grammar tells what else they say)
            if not readings and all(ref.number.isdigit() for ref in span.resolutions):
                readings = _bare_readings(span.text, lang, own)
            if not any(r.year for r in readings):
                typo = _year_typo(t.path, t.text, span)
                if typo is not None:
                    yield typo
                    continue
            if not readings:
                sector = _sector_disagrees(t.path, span)
                if sector is not None:
                    yield sector
                    continue
                part = _own_part_disagrees(t.path, span, ctx.resolution, lang, t)
                if part is not None:
                    yield part
                    continue
                foreign = _words_of_another_language(t.path, span, lang, own)
                if foreign is not None:
                    yield foreign
                    continue
                noun = _noun_mistyped(t.path, t.text, span, lang, own)
                if noun is not None:
                    yield noun
                    continue
                _agree(key)
                continue
            why: list[str] = []
            reported = False  # (a finding made: not a citation whose words agree)
            # (ITU's own: a UN resolution is written small, "[resolution 68/262](unga:68/262)")
            small = _SMALL_NOUN.search(span.text) if readable and span.body in _CITING else None
            if small is not None:
                # "[resolution 71 (Rev. Dubai, 2018)](pp:71@2018)": the noun written small
                yield _small_noun(t.path, t.text, span, small)
                reported = True
            body = span.body
            numbers = [n for r in readings for n in r.numbers]
            cited = [ref.number for ref in span.resolutions]
            as_number = _year_as_number(t.path, span, readings, numbers)
            if as_number is not None:
                yield as_number
                continue
            if {n.replace("‑", "-") for n in numbers} != set(cited) and (
                glitch := _unread_list(span.text, numbers, cited)
            ) is not None:
                # every number of the target is in the words, but written so
                # that they are not read as its list ("44 et45"): the words'
                # writing is the defect, not the numbers (a fix to the numbers
                # read would drop those written after the slip)
                if glitch:
                    yield _unread_list_finding(t.path, t.text, span, glitch, cited)
                    reported = True
                numbers = cited
            if {n.replace("‑", "-") for n in numbers} != set(cited):
                if len(numbers) > 1:
                    said = tr(
                        "numbers {words}, the target {target}",
                        words=all_of(numbers),
                        target=all_of(cited),
                    )
                else:
                    said = tr(
                        "number {words}, the target {target}",
                        words=all_of(numbers),
                        target=all_of(cited),
                    )
                why.append(said)
            named = {r.body for r in readings if r.body is not None}
            allowed = [r.conference for r in readings if r.body is None and r.conference]
            if named and span.body not in named and not (doubtful and named == {own}):
                body = sorted(named)[0]
                why.append(
                    tr(
                        "body {words}, the target {target}",
                        words=either(sorted(named)),
                        target=span.body,
                    )
                )
            elif not named and allowed and any(span.body not in a for a in allowed):
                body = sorted(allowed[0])[0]
                why.append(
                    tr(
                        "a revision of {words}, the target one of {target}",
                        words=either(sorted(allowed[0])),
                        target=span.body,
                    )
                )
            years = sorted({r.year for r in readings if r.year is not None})
            year = span.year
            twice = _REV_TWICE.search(span.text)
            if twice is not None:
                # "(Rév. Rév.Genève, 2007)": the place read is "Rév.Genève"; the
                # defect is the doubled word, the place is compared without it
                yield _rev_twice_finding(t.path, t.text, span, twice)
                reported = True
            else:
                other = _rev_of_another(t.path, t.text, span, lang)
                if other is not None:
                    # "(Rév. Busan, 2014)" in Spanish, "(Rev. Genève, 2007)" in
                    # French: the abbreviation of another language, said so; the
                    # place is compared without it
                    yield other
                    reported = True
            if any(r.place and _REV_START.match(r.place) for r in readings):
                readings = tuple(
                    replace(r, place=_REV_START.sub("", r.place)) if r.place else r
                    for r in readings
                )
            # words whose revision no conference of the target's body made
            # ("Busan, 2018"): their own finding, which says which to correct;
            # their year is then not compared with the target's
            wrong = _misdated(readings, span.body, named)
            if wrong is not None:
                if wrong.met_in:
                    place = _place_written(t.text, span, wrong)
                    if place is not None:
                        ctx.memo(PLACES_TOLD, list).append((t.path, *place))
                yield _misdated_finding(
                    t.path,
                    span,
                    wrong,
                    numbers or cited,
                    wrote.year if wrote else None,
                    [h.place for h in ctx.resolution.history],
                )
                years = [y for y in years if y != wrong.year]
            elif not reported and lang in _REV_WRITTEN:
                spelt = _place_spelling(t.path, t.text, span, readings, lang) or _place_lost(
                    t.path, t.text, span, lang, [h.place for h in ctx.resolution.history]
                )
                if spelt is not None:
                    # "(Rev. Dubaï, 2018)" in English: the conference is the right
                    # one, written as another language writes its place; what
                    # other rules read in the place ("DubAi") is this finding's
                    if spelt.offset is not None and spelt.length is not None:
                        ctx.memo(PLACES_TOLD, list).append(
                            (t.path, spelt.offset, spelt.offset + spelt.length)
                        )
                    yield spelt
                    reported = True
            if id(span) in later:
                pass  # a revision after this text: said above, whatever the words say
            elif span.year is not None and years and span.year not in years:
                year = years[0]
                why.append(
                    tr(
                        "revision {words}, the target {target}",
                        words=all_of([str(y) for y in years]),
                        target=span.year,
                    )
                )
            elif span.year is None and len(years) == 1:
                # "(Rév.Dubaï, 2012)" and 'wtsa:57': the target names no revision,
                # which it leaves out only when the words cite none
                year = years[0]
                why.append(
                    tr("revision {words}, the target none (no '@YEAR')", words=str(years[0]))
                )
            fragments = {r.fragment for r in readings if r.fragment}
            fragment = span.fragment
            if span.fragment and fragments and span.fragment not in fragments:
                fragment = sorted(fragments)[0]
                why.append(
                    tr(
                        "part {words}, the target {target}",
                        words=either(["/".join(f) for f in sorted(fragments)]),
                        target="/".join(span.fragment),
                    )
                )
            elif not span.fragment and len(fragments) == 1:
                # "[resolves 4](pp:77)": the target names the whole resolution,
                # its part lost (a citation of a part is checked against it)
                fragment = next(iter(fragments))
                why.append(
                    tr(
                        "part {words}, the target none (no '#PART')",
                        words="/".join(fragment),
                    )
                )
            elif (
                span.fragment
                and not fragments
                and wrong is None
                and not reported
                and _whole_resolution(span.text)
            ):
                # "[Resolution 57 (Rev. Dubai, 2012) of WTSA](wtsa:57@2012#resolves/1)":
                # the words name the resolution alone, the target a part of it
                fragment = ()
                why.append(
                    tr(
                        "no part (the resolution as a whole), the target {target}",
                        target="/".join(span.fragment),
                    )
                )
            if not why:
                if wrong is None and not reported:
                    _agree(key)
                continue
            right = f"{body}:{_join(numbers)}" + (f"@{year}" if year else "")
            right += f"#{'/'.join(fragment)}" if fragment else ""
            yield _words_and_target(
                t.path,
                span,
                _separator().join(why),
                _disagree_help(span, right, why, years, ctx.resolution.history),
            )


# words that name a resolution or a decision as a whole: its noun first (an
# article before it), in English, French or Spanish ...
_WHOLE_NOUN = re.compile(
    r"(?:(?:the|la|les|el|las|los)\s+)?(?:Resolutions?|Résolutions?|Resoluci(?:ón|ones)"
    r"|Decisions?|Décisions?|Decisi(?:ón|ones))\s",
    re.IGNORECASE,
)
# ... and no word that names a part of it, anywhere
_PART_WORD = re.compile(
    r"\b(?:annex|annexe|anexo|paragraph|paragraphe|párrafo|section|part|partie|parte|point"
    r"|alinéa|apartado|clause|item|resolves|décide|resuelve|instructs|charge|encarga|invites"
    r"|invite|invita|considering|considérant|considerando|recalling|rappelant|recordando"
    r"|noting|notant|observando|recognizing|reconnaissant|reconociendo|decides|requests"
    r"|urges|encourages|further|above|ci-dessus|supra|anterior)\b|§",
    re.IGNORECASE,
)


# the words that introduce the body after a citation's number and revision,
# left at the end of its words with nothing after them ("... (Rev. Buenos
# Aires, 2017) of", "... de la"): the word, and what stands before it
_CUT_BEFORE_BODY = {
    "en": re.compile(r"\d\)?\s+(of(?: the)?)\s*$"),
    "fr": re.compile(r"\d\)?\s+(de(?: la)?|du|des)\s*$"),
    "es": re.compile(r"\d\)?\s+(de(?: la)?|del)\s*$"),
}
# the body as a citation's words name it after that word, by language
_BODY_NAMED = {
    "en": {"pp": "the Plenipotentiary Conference", "wtdc": "WTDC", "wtsa": "WTSA", "ra": "RA"},
    "fr": {
        "pp": "la Conférence de plénipotentiaires",
        "wtdc": "la CMDT",
        "wtsa": "l'AMNT",
        "ra": "l'AR",
    },
    "es": {
        "pp": "la Conferencia de Plenipotenciarios",
        "wtdc": "la CMDT",
        "wtsa": "la AMNT",
        "ra": "la AR",
    },
}


def _words_cut(
    path: tuple[str | int, ...], text: str, span: mk.Citation, lang: str
) -> Finding | None:
    """A citation's words that end with the word that introduces its body,
    the body lost after it ("[Resolution 59 (Rev. Buenos Aires, 2017) of
    ](wtdc:59@2017)"): a warning at that word, with the words to write, the
    target's body named as the language names it (a guess: the words may
    have named it otherwise)."""
    m = _CUT_BEFORE_BODY[lang].search(span.text)
    if m is None:
        return None
    word = m.group(1)
    name = _BODY_NAMED[lang].get(span.body)
    message = tr(
        "the words '{words}' end with {word}: what followed it is lost",
        words=short(span.text, 8),
        word=repr(word),
    )
    offset, length = _in_words(text, span, m.start(1), m.end(1))
    if name is None:
        help_ = tr("write what follows {word}, or delete it", word=repr(word))
    else:
        # ("de la" or "du" before "la CMDT": the article once, the name's)
        right = f"{span.text[: m.start(1)]}{'of' if lang == 'en' else 'de'} {name}"
        help_ = tr("write {right}, as the target cites", right=repr(right))
    return Finding(path, message, offset=offset, length=length, severity="warning", help=help_)


def _whole_resolution(words: str) -> bool:
    """Whether a citation's words name a resolution or a decision as a
    whole, no part of it ("Resolution 57 (Rev. Dubai, 2012) of WTSA")."""
    return _WHOLE_NOUN.match(words) is not None and _PART_WORD.search(words) is None


def _history_mistyped_for(cited: Summary, body: str, year: int) -> bool:
    """Whether an entry of ``cited``'s history names a place where the
    calendar says ``body`` met in ``year``, with another year written."""
    this_year = datetime.date.today().year
    for event, place, when in cited.history:
        if event == "abrogated" or when == year:
            continue
        found = misdated(body, place, when)
        if found is not None and found.met_then == year:
            return True
        if when > this_year and year in met_at(body, place):
            return True  # (a year in the future: "Busan, 2041" for 2014)
    return False


def _own_part_named(words: str, lang: str) -> tuple[str, ...] | None:
    """The one part of the citing resolution itself that the words of a
    citation of it name ("resolves 4 above", "le décide 4 ci-dessus";
    "resolves 4", the whole citation, read as if its anchor followed), as
    ``reference-part`` reads such words; None when they name none, or
    several (English, French, Spanish)."""
    if lang not in _BEFORE_ANCHORS:
        return None
    parts = _own_parts(words, lang)
    if not parts:
        parts = _own_parts(f"{words} {_BEFORE_ANCHORS[lang][0]}", lang)
        parts = tuple(p for p in parts if p[1] >= len(words))
    return parts[0][2] if len(parts) == 1 else None


@lru_cache(maxsize=4096)
def _own_parts(words: str, lang: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """:func:`itures.importers.extract.own_parts` of a citation's words,
    remembered: a corpus words its citations of its own parts alike
    ("Annex 1 to this resolution", "resolves 2 above")."""
    from itures.importers.extract import own_parts

    return tuple(own_parts(words, lang))


def _anchored_own_part(words: str, lang: str) -> tuple[str, ...] | None:
    """The one part of the citing resolution itself that a citation's words
    name with their anchor ("resolves 2 above", "le point 4 du décide
    ci-dessus", "resolves 2 of this resolution"); None when they name none
    or several. Words that hold no anchor are not read (most citations:
    "resolves 2 of Resolution 71")."""
    quick = _OWN_ANCHOR_WORDS.get(lang)
    if quick is None or not any(q in words for q in quick):
        return None
    parts = _own_parts(words, lang)
    return parts[0][2] if len(parts) == 1 else None


# the words that anchor a part of the citing resolution itself, as written
_OWN_ANCHOR_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("above", "below", "this resolution", "this decision"),
    "fr": ("ci-dessus", "ci-dessous", "présente", "Présente"),
    "es": ("anterior", "presente", "Presente", "esta decisi", "esta Decisi"),
}


def _own_part_elsewhere(
    path: tuple[str | int, ...], span: mk.Citation, res: Resolution, lang: str, marked: Text
) -> Finding | None:
    """The finding on a citation whose words name a part of the citing
    resolution itself, and whose target is another resolution: words with
    their anchor ("recognizing c) above", "resolves 2 of this resolution":
    "pp:102#recognizing/c" in Resolution 101, its number mistyped), or
    words that are a part alone ("[considering b)](pp:205#considering/b)"
    in Resolution 206, which has that part) where ``marked`` (the text)
    names no other resolution the part could be of (:func:`_bare_part_of`).
    A part alone right after the citation of another resolution, in the
    same sentence, is that one's ("[Decision 5](pp:D5) stipulates in
    [decides 1.2](pp:D5#resolves/1.2)"): a target naming a third is
    reported too."""
    parts = _anchored_own_part(span.text, lang)
    before: mk.Citation | None = None
    if parts is None:
        bare = _bare_part_of(span, lang, marked)
        if bare is None:
            return None
        parts, before = bare
        if before is None:
            from itures.lookup import model_outline

            if find(model_outline(res), parts)[1] is not None:
                return None  # (not a part of this one either: whose, the words do not say)
    named = "/".join(parts)
    if before is not None:
        right = f"{before.target.split('#', 1)[0]}#{named}"
        return _words_and_target(
            path,
            span,
            tr(
                "part {words} of the resolution cited before them ({cited}), the target "
                "another resolution",
                words=named,
                cited=before.target.split("#", 1)[0],
            ),
            tr(
                "correct the target to {right}, or the words to name the resolution cited",
                right=right,
            ),
        )
    own = f"{res.body}:{res.number}"
    return _words_and_target(
        path,
        span,
        tr(
            "part {words} of this resolution ({own}), the target another resolution",
            words=named,
            own=own,
        ),
        tr(
            "correct the target to {right}, or the words to name the part of the other resolution",
            right=f"{own}#{named}",
        ),
    )


def _bare_part_of(
    span: mk.Citation, lang: str, marked: Text
) -> tuple[tuple[str, ...], mk.Citation | None] | None:
    """The part a citation's words are alone, without anchor ("considering
    b)"), and whose it is, when the text tells: the citation of one other
    resolution right before it in the same sentence (no ';' or '. ' between:
    that one's), or nothing before it in the sentence and no resolution
    cited right after it ("... of Resolution 205": then the words go on
    there) nor before it ('None': the citing resolution's own). None when
    the words are more than a part, or anchored (:func:`_anchored_own_part`),
    or the text cites the target's resolution before them, or whose it is
    cannot be told."""
    read = _bare_words(span.text, lang)
    if read is None or read[1]:
        return None
    from itures.importers.extract import cites_after

    if cites_after(marked.text, span.end, lang):
        return None  # (the words go on after the citation: "... of Resolution 205")
    cited = {(r.body, r.number) for r in span.resolutions}
    last: mk.Citation | None = None
    for other in marked.spans:
        if other is span:
            break
        if isinstance(other, mk.Citation):
            if not cited.isdisjoint((r.body, r.number) for r in other.resolutions):
                return None  # (the target's resolution cited before: its part)
            last = other
    if last is None:
        return read[0], None
    between = marked.text[last.end : span.start]
    if ";" in between or ". " in between:
        return None  # (another sentence cites another resolution: cannot tell)
    if len(last.resolutions) != 1:
        return None
    return read[0], last


@lru_cache(maxsize=4096)
def _bare_words(words: str, lang: str) -> tuple[tuple[str, ...], bool] | None:
    """:func:`itures.importers.extract.bare_part` of a citation's words, remembered."""
    from itures.importers.extract import bare_part

    return bare_part(words, lang)


def _own_part_disagrees(
    path: tuple[str | int, ...], span: mk.Citation, res: Resolution, lang: str, marked: Text
) -> Finding | None:
    """The finding on a citation of a part of the citing resolution itself
    whose words name another part than its target, or a part where the
    target names the whole resolution ("[resolves 4 above](pp:77#resolves/3)",
    "[aware e) above](pp:131)"), the words read as ``reference-part`` reads
    them (English, French, Spanish); None when they agree, or when the words
    name no part, or several."""
    if len(span.resolutions) != 1 or lang not in ("en", "fr", "es"):
        return None
    ref = span.resolutions[0]
    if span.body != res.body or ref.number != res.number:
        return _own_part_elsewhere(path, span, res, lang, marked)
    named = _own_part_named(span.text, lang)
    if named is None or [p.lower() for p in named] == [p.lower() for p in span.fragment]:
        return None
    words = "/".join(named)
    why = (
        tr("part {words}, the target {target}", words=words, target="/".join(span.fragment))
        if span.fragment
        else tr("part {words}, the target none (no '#PART')", words=words)
    )
    right = span.target.split("#", 1)[0] + "#" + words
    return _words_and_target(path, span, why, _disagree_help(span, right, [why], [], res.history))


def _words_and_target(
    path: tuple[str | int, ...], span: mk.Citation, why: str, help_: str
) -> Finding:
    """The finding on a citation whose words and target disagree, ``why``
    saying how ("number 58, the target 57"), ``help_`` how to mend it."""
    return Finding(
        path,
        tr(
            "the words '{words}' and their target ({target}) disagree: the words say {why}",
            words=short(span.text, 8),
            target=span.target,
            why=why,
        ),
        offset=span.start,
        length=span.end - span.start,
        help=help_,
    )


def _disagree_help(
    span: mk.Citation, right: str, why: list[str], years: list[int], history: list[HistoryEntry]
) -> str:
    """How to mend a citation whose words and target disagree: both sides
    named ("write what the target says in the words, or the target X").
    Where the year alone disagrees and the words name a place of the
    citing file's own history, that entry's year tells which side is the
    slip ("(Пересм. Пусан, 2010 г.)" in a file revised at Пусан in 2014: the
    words' year, 2010, is; the target's 2014 is the one to write); so does a
    year after the citing file's last one, which it cannot cite."""
    said = [y for y in years if y != span.year]
    if len(why) == 1 and span.year is None and len(said) == 1:
        return tr("correct the target to {right}", right=right)  # (its '@YEAR' lost)
    if len(why) == 1 and span.year is not None and len(said) == 1:
        met = {
            h.year
            for h in history
            if h.event != "abrogated" and h.place and _place_in(h.place, span.text)
        }
        if span.year in met and said[0] not in met:
            return tr("correct the year in the words to {then}", then=span.year)
        if said[0] in met and span.year not in met:
            return tr("correct the target to {right}", right=right)
        # a year after the citing text's own last one cannot be the one it cites
        # ("(Rév. Dubaï, 2012)" with the target's "@2021" in a text of 2017)
        last = max((h.year for h in history if h.event != "abrogated"), default=None)
        if last is not None and span.year > last >= said[0]:
            return tr("correct the target to {right}", right=right)
        if last is not None and said[0] > last >= span.year:
            return tr("correct the year in the words to {then}", then=span.year)
    return tr(
        "correct the words to say what the target says ({target}), or the target to {right}",
        target=span.target,
        right=right,
    )


def _place_in(place: str, words: str) -> bool:
    """Whether ``place`` is written in ``words`` as a word (not inside another)."""
    return re.search(rf"(?<![^\W\d_]){re.escape(place)}(?![^\W\d_])", words) is not None


# where a list of numbers in a citation's words is written so that it is not
# read as a list: a number glued to a word ("et45", "44et"; not "5bis", "1er",
# "D5"), or two numbers with blanks alone between them ("26 44")
_GLUED_NUMBER = re.compile(
    r"(?<![\w‑-])[^\W\d_]{2,}\d+(?!\w)"
    r"|(?<![\w‑-])\d+(?!bis|ter|quater|er|re|e\b|st|nd|rd|th)[^\W\d_]{2,}(?!\w)"
    r"|(?<![\w,.‑-])\d+[ \u00a0]+\d+(?![\w,.])"
)


def _in_words(text: str, span: mk.Citation, start: int, end: int) -> tuple[int, int]:
    """(offset, length) in ``text`` of ``span.text[start:end]``, a piece of a
    citation's words; the whole citation when its words are not written as
    they read (escapes) or the piece is not found (``start`` < 0)."""
    at = span.start + 1  # the words, after '['
    if start >= 0 and text[at : at + len(span.text)] == span.text:
        return at + start, end - start
    return span.start, span.end - span.start


def _unread_list(words: str, read: list[str], cited: list[str]) -> str | None:
    """When the words of a citation write every number of its target (as
    numbers of their own) but are read as fewer (``read``): the piece of the
    words that keeps them from being read as the list ("et45"), or "" when
    none is found; None when the words do not write them all, or were read
    with a number the target does not have (a disagreement on the numbers)."""
    if not set(read) < {n.replace("‑", "-") for n in cited}:
        return None
    for n in cited:
        if re.search(rf"(?<!\d){re.escape(n)}(?!\d)", words) is None:
            return None
    m = _GLUED_NUMBER.search(words)
    return "" if m is None else m.group()


def _unread_list_finding(
    path: tuple[str | int, ...], text: str, span: mk.Citation, glitch: str, cited: list[str]
) -> Finding:
    """The finding of a citation whose words write the numbers of its target
    in a form not read as their list: where, and what to write."""
    where = span.text.find(glitch)
    offset, length = _in_words(text, span, where, where + len(glitch))
    if re.search(r"\d[ \u00a0]+\d", glitch):
        help_ = tr("write a comma between the numbers in {glitch}", glitch=repr(glitch))
        why = tr("no comma between two numbers")
    else:
        help_ = tr("write a blank between the word and the number in {glitch}", glitch=repr(glitch))
        why = tr("no blank between a word and a number")
    return Finding(
        path,
        tr(
            "the words '{words}' write the numbers of the target ({target}) in a form not read "
            "as their list: {glitch}, {why}",
            words=short(span.text, 8),
            target=all_of(cited),
            glitch=repr(glitch),
            why=why,
        ),
        offset=offset,
        length=length,
        help=help_,
    )


# a revision in a citation's words whose year is mistyped: a digit doubled,
# lost or changed out of the years' range ("(Rév.Dubaï, 20012)", "(Rev. Dubai,
# 218)", "(Rév. Guadalajara, 2510)"), or a letter O, o, l or I
# typed for a digit ("2O12"): the import grammar reads four digits alone, and
# read no revision in these words
_YEAR_TYPO = re.compile(
    r"\((?:R[eé]v\.?\s*)?[^\W\d_][^(),\d]*,\s*"
    r"(?P<year>(?!(?:18|19|20)\d\d\))(?=[0-9OolI]{3,5}\))(?=[^)]*\d[^)]*\d)[0-9OolI]+)\)"
)


def _year_as_number(
    path: tuple[str | int, ...], span: mk.Citation, readings: Any, numbers: list[str]
) -> Finding | None:
    """The finding of a target that lists the revision's year as a
    resolution's number ("pp:196,2018" for "pp:196@2018": a comma typed for
    '@'), the words naming that revision: the target to write. None when the
    words name that number as a resolution's, or the target has a year."""
    cited = [ref.number for ref in span.resolutions]
    last = cited[-1]
    if span.year is not None or len(cited) < 2 or not last.isdigit() or last in numbers:
        return None
    if not any(r.year is not None and str(r.year) == last for r in readings):
        return None
    right = f"{span.body}:{','.join(cited[:-1])}@{last}"
    if span.fragment:
        right += "#" + "/".join(span.fragment)
    return Finding(
        path,
        tr(
            "the target {target} lists {year}, the revision's year in the words, as a "
            "resolution's number: a revision is written after '@'",
            target=repr(span.target),
            year=last,
        ),
        offset=span.start,
        length=span.end - span.start,
        help=tr("write the target {right}", right=repr(right)),
    )


def _year_typo(path: tuple[str | int, ...], text: str, span: mk.Citation) -> Finding | None:
    """The finding of a citation whose words name a revision with a mistyped
    year ("(Rév.Dubaï, 20012)" for 2012), which no other check reads: the
    year, and the one to write when the target has one."""
    m = _YEAR_TYPO.search(span.text)
    if m is None:
        return None
    offset, length = _in_words(text, span, m.start("year"), m.end("year"))
    values = {"words": short(span.text, 8), "year": m.group("year")}
    if span.year is not None:
        message = tr(
            "the words '{words}' give the revision's year as '{year}', which is no year; "
            "the target says {target}",
            target=span.year,
            **values,
        )
        help_ = tr("correct the year in the words to {then}", then=span.year)
    else:
        message = tr(
            "the words '{words}' give the revision's year as '{year}', which is no year",
            **values,
        )
        help_ = tr("correct the year in the words, and give the target that revision")
    return Finding(path, message, offset=offset, length=length, help=help_)


# a sector named before a resolution's number in a citation's words ("la
# Résolution UIT-T 6", "Resolution ITU-D 9"), which the import grammar reads
# for ITU-R alone (the way ITU-R numbers its resolutions): the body whose
# resolutions that sector's assembly or conference adopts
_SECTOR = re.compile(r"(?<!\w)(?:ITU|UIT|МСЭ)[-‑ ]?(?P<sector>[TDRТДР])[ \u00a0]+\d")
_SECTOR_BODIES = {
    "T": ("wtsa",),
    "D": ("wtdc",),
    "R": ("ra", "wrc"),
    "Т": ("wtsa",),
    "Д": ("wtdc",),
    "Р": ("ra", "wrc"),
}


def _sector_disagrees(path: tuple[str | int, ...], span: mk.Citation) -> Finding | None:
    """The finding of a citation whose words name a sector before the number
    ("Résolution UIT-T 6") and whose target is another sector's body
    (``ra:6``); None when they agree or the words name none."""
    m = _SECTOR.search(span.text)
    if m is None:
        return None
    bodies = _SECTOR_BODIES[m.group("sector")]
    if span.body in bodies:
        return None
    right = f"{bodies[0]}:{_join([r.number for r in span.resolutions])}"
    right += f"@{span.year}" if span.year else ""
    right += f"#{'/'.join(span.fragment)}" if span.fragment else ""
    return _words_and_target(
        path,
        span,
        tr("body {words}, the target {target}", words=bodies[0], target=span.body),
        tr("correct the words, or the target to {right}", right=right),
    )


# "Rév." (or "Rev.") written twice before a revision's place: the first of
# the two, blanks after it included
_REV_TWICE = re.compile(r"(?<!\w)(R[eé]v\.?)[ \u00a0]*(?=R[eé]v\.?(?!\w))", re.IGNORECASE)
_REV_START = re.compile(r"^R[eé]v\.?[ \u00a0]*", re.IGNORECASE)


# "Rev." as each language writes it before a revision's place, and what a
# citation's words write there
_REV_WRITTEN = {"en": "Rev.", "fr": "Rév.", "es": "Rev."}
# (not "Rev ." with a blank before its dot: punctuation's "a blank before '.'")
# (a mark typed for its dot, "Rév;Genève", is written as it stands)
_REV_AT = re.compile(r"\((R[eé]v\b[.;:,]?)(?!\s+\.)", re.IGNORECASE)


def _words_warning(
    path: tuple[str | int, ...],
    text: str,
    span: mk.Citation,
    start: int,
    end: int,
    message: str,
    right: str,
) -> Finding:
    """A warning at ``span.text[start:end]``, a piece of a citation's words
    written otherwise than this language's texts write it, with the help
    to write ``right`` (a quick fix writes it where the two differ only in
    accents, capitals or a full stop)."""
    offset, length = _in_words(text, span, start, end)
    return Finding(
        path,
        message,
        offset=offset,
        length=length,
        severity="warning",
        help=tr("write {right}", right=repr(right)),
    )


def _rev_of_another(
    path: tuple[str | int, ...], text: str, span: mk.Citation, lang: str
) -> Finding | None:
    """The finding of a citation whose words write "Rev." otherwise than the
    file's language does: French "Rév." in a Spanish text, "Rev." in a French
    one, the dot lost ("Rév Dubaï"). None when it is written as the language
    writes it."""
    right = _REV_WRITTEN.get(lang)
    m = _REV_AT.search(span.text) if right is not None else None
    if right is None or m is None or m.group(1) == right or m.group(1).isupper():
        return None  # (as the language writes it, or in capitals: "(REV. DUBAI, 2018)")
    message = tr(
        "the words '{words}' write {written} before the revision's place; texts in "
        "this language write {right}",
        words=short(span.text, 8),
        written=repr(m.group(1)),
        right=repr(right),
    )
    return _words_warning(path, text, span, m.start(1), m.end(1), message, right)


def _place_spelling(
    path: tuple[str | int, ...],
    text: str,
    span: mk.Citation,
    readings: tuple[Reading, ...],
    lang: str,
) -> Finding | None:
    """The finding of a citation whose words write the place of the
    revision they name as another language does ("(Rev. Dubaï, 2018)" in
    English, "(Rév. Marrakesh, 2002)" in French: pasted from its version),
    or without its capital ("(Rev. dubai, 2018)"), a conference of the
    target's body there that year; None otherwise."""
    for r in readings:
        if r.place is None or r.year is None:
            continue
        places = places_of(span.body, r.year)
        if places is None:
            continue
        right = place_in(r.place, places, lang)
        small = r.place[:1].islower()
        if right is None and r.place not in places:
            # (a spelling of the place, a letter's case changed: written
            # without its capital, "guadalajara", or one typed inside it,
            # "GuadaLajara"; else an accent or a hyphen no spelling has,
            # "Guadalajára", "Buenos-Aires")
            right = next((p for p in places if p.casefold() == r.place.casefold()), None)
            if right is None:
                folded = fold_place(r.place)
                right = next((p for p in places if fold_place(p) == folded), None)
        if right is None:
            continue
        at = span.text.find(r.place)
        values = {"words": short(span.text, 8), "written": repr(r.place), "right": repr(right)}
        if small and right.lower() == r.place.lower():
            message = tr(
                "the words '{words}' write the place {written} without its capital: "
                "it is written {right}",
                **values,
            )
        elif right.casefold() == r.place.casefold():
            # ("DubAi": a capital typed inside it, not another language's spelling)
            message = tr(
                "the words '{words}' write the place {written} with a capital inside it: "
                "it is written {right}",
                **values,
            )
        elif r.place not in places:
            message = tr(
                "the words '{words}' write the place {written}, as no language writes it: "
                "it is written {right}",
                **values,
            )
        else:
            message = tr(
                "the words '{words}' write the place {written} as another language writes "
                "it; in this language it is written {right}",
                **values,
            )
        return _words_warning(path, text, span, at, at + len(r.place), message, right)
    return None


# A resolution's or a decision's noun written small before its number, in a
# citation's words ("resolution 71", "la résolution 5"): ITU's texts write
# it with a capital there, for ITU's resolutions (the UN writes its own small)
_SMALL_NOUN = re.compile(
    r"(?<![\w-])(resolutions?|résolutions?|resoluci(?:ón|ones)|decisions?|décisions?"
    r"|decisi(?:ón|ones))" + _BEFORE_NUMBER
)


def _small_noun(
    path: tuple[str | int, ...], text: str, span: mk.Citation, m: re.Match[str]
) -> Finding:
    """The finding of a citation whose words write its noun small."""
    written = m.group(1)
    right = written[0].upper() + written[1:]
    message = tr(
        "the words '{words}' write {written} small: ITU's texts write {right} before a number",
        words=short(span.text, 8),
        written=repr(written),
        right=repr(right),
    )
    return _words_warning(path, text, span, m.start(1), m.end(1), message, right)


def _rev_twice_finding(
    path: tuple[str | int, ...], text: str, span: mk.Citation, m: re.Match[str]
) -> Finding:
    """The finding of a citation whose words write 'Rév.' twice."""
    offset, length = _in_words(text, span, m.start(), m.end())
    return Finding(
        path,
        tr(
            "{rev} written twice in the words '{words}'",
            rev=repr(m.group(1)),
            words=short(span.text, 8),
        ),
        offset=offset,
        length=length,
        help=tr("delete one {rev}", rev=repr(m.group(1))),
    )


# (the key, in a file's memo, of the places of citations' words that name a
# place where the target's body did not meet that year, "(Rev. Buenos ,
# 2017)": the runner leaves to this rule what others read there)
PLACES_TOLD = "reference-text: places told"
_BLANKS = frozenset(" \u00a0\u202f\n")


def _place_written(text: str, span: mk.Citation, wrong: Misdated) -> tuple[int, int] | None:
    """Where the place ``wrong`` names stands in the words of ``span``, the
    blanks before and after it included (not the marks: ",," after a place
    is a slip of its own), offsets in ``text``; None when it cannot be
    found there."""
    words = text[span.start : span.end]
    at = words.find(wrong.place)
    if at < 0:
        return None
    start, end = at, at + len(wrong.place)
    while start > 0 and words[start - 1] in _BLANKS:
        start -= 1
    while end < len(words) and words[end] in _BLANKS:
        end += 1
    return span.start + start, span.start + end


def _misdated(readings: tuple[Reading, ...], body: str, named: set[str]) -> Misdated | None:
    """The first revision the words of a citation name ("Busan, 2018") that is
    no conference of ``body``, the target's, by the calendar
    (:func:`itures.conferences.misdated`): a revision at which no body met,
    or another body's conference in words that name the target's body
    ("(Rev. Dubai, 2014) of WTSA": WTSA met in Dubai in 2012; in words that
    name no body, another body's is said as the body's disagreement); of
    words that name no other body than the target's."""
    if named and body not in named:
        return None
    for r in readings:
        if r.place is None or r.year is None:
            continue
        if r.conference and (r.body is None or body in r.conference):
            # another body's conference in words that name no body: said as the
            # body's disagreement; this body's: no defect. Words that name the
            # body ("Dubai, 2014 ... of WTSA", a revision of WTDC's) go on
            continue
        found = misdated(body, r.place, r.year)
        if found is not None:
            return found
        if r.conference and r.body == body and body not in r.conference:
            # the words name this body, and the revision is another body's
            # conference where and when this one never met ("(Rev. Busan, 2014)
            # of WTSA"): a body or a revision mistaken
            return Misdated(body, r.place, r.year, None, None, r.conference)
    return None


def _spelt(spellings: tuple[str, ...], written: Iterable[str]) -> str:
    """The spelling of a place (``spellings``, the calendar's) as ``written``
    writes it, when one of those is that place; else the calendar's first."""
    own = {fold_place(p): p for p in written}
    for spelling in spellings:
        found = own.get(fold_place(spelling))
        if found is not None:
            return found
    return spellings[0]


# a revision's parenthesis whose place was lost: "(Rév., 2007)", "(Rev. , 2014)",
# "(Rev. 2014)"; the year is group 1 (the language server's fix reads it too)
NO_PLACE = re.compile(r"\(R[eé]v\.?[ \u00a0]*,?[ \u00a0]*(\d{4})\)")


def _place_lost(
    path: tuple[str | int, ...], text: str, span: mk.Citation, lang: str, written: Iterable[str]
) -> Finding | None:
    """The finding of a citation whose words name a revision without its
    place ("(Rév., 2007)"), of a body whose revisions the calendar knows the
    places of (a conference, not the Council: "(Rev. 2016)" is how a
    Council resolution is cited), with the place to write, spelt as the
    file's history writes it (``written``); None otherwise."""
    m = NO_PLACE.search(span.text)
    if m is None or span.body is None:
        return None
    year = int(m.group(1))
    places = places_of(span.body, year)
    if places is None:
        return None
    place = spelling_in(places, lang) or accented_in(places, lang) or _spelt(places, written)
    right = f"({_REV_WRITTEN[lang]} {place}, {year})"
    offset, length = _in_words(text, span, m.start(), m.end())
    return Finding(
        path,
        tr(
            "the words '{words}' name the revision of {year} without its place: {conference} "
            "met in {place} that year",
            words=short(span.text, 8),
            year=year,
            conference=conference(span.body),
            place=place,
        ),
        offset=offset,
        length=length,
        help=tr("write {right}", right=repr(right)),
    )


def _misdated_finding(
    path: tuple[str | int, ...],
    span: mk.Citation,
    wrong: Misdated,
    numbers: list[str],
    latest: int | None = None,
    written: Iterable[str] = (),
) -> Finding:
    """The finding of a citation whose words name a revision no conference
    made: what the calendar knows, and which to correct (the words; the
    target's year too when it follows them). ``latest`` is the year of the
    citing text: the place of a later year is no fix (a text cites no
    revision after it). ``written``: the places the citing file writes (its
    history's), whose spelling the place named is given in ("Dubaï" in a
    French file, not the calendar's first spelling)."""
    then, met = wrong.met_then, _spelt(wrong.met_in, written) if wrong.met_in else None
    if then is None and met is None:
        # another body's conference, in words that name this body
        others = sorted(wrong.others)
        right = f"{others[0]}:{_join(numbers)}@{wrong.year}"
        right += f"#{'/'.join(span.fragment)}" if span.fragment else ""
        return Finding(
            path,
            tr(
                "the words '{words}' name {conference}, but {place}, {year} is a conference "
                "of {other}: {conference} never met there nor then",
                words=short(span.text, 8),
                conference=conference(wrong.body),
                place=wrong.place,
                year=wrong.year,
                other=either([conference(o) for o in others]),
            ),
            offset=span.start,
            length=span.end - span.start,
            help=tr(
                "if it is a resolution of {other}, name {other} in the words and write the "
                "target {right}; else correct the revision in the words to one that "
                "{conference} made",
                other=either([conference(o) for o in others]),
                right=right,
                conference=conference(wrong.body),
            ),
        )
    later = then is not None and latest is not None and wrong.year > latest
    met_fix = None if later else met
    if met is not None and then is not None:
        why = tr(
            "{conference} met in {met} in {year}, and in {place} in {then}",
            conference=conference(wrong.body),
            met=met,
            year=wrong.year,
            place=wrong.place,
            then=then,
        )
    elif met is not None:
        why = met_elsewhere(wrong.body, wrong.place, wrong.year, met)
    else:
        assert then is not None  # (misdated: one of the two is known)
        why = met_then(wrong.body, wrong.place, wrong.year, then)
    right = f"{span.body}:{_join(numbers)}@{then}"
    right += f"#{'/'.join(span.fragment)}" if span.fragment else ""
    if then is None:
        fix = tr("write the place {met} in the words", met=met)
    elif span.year == then:
        fix = tr("correct the year in the words to {then}", then=then)
    elif met_fix is None:
        fix = tr(
            "correct the year to {then} in the words and in the target ({right})",
            then=then,
            right=right,
        )
    else:
        fix = tr(
            "correct the place in the words to {met}, or the year to {then} in the words "
            "and in the target ({right})",
            met=met,
            then=then,
            right=right,
        )
    return Finding(
        path,
        tr(
            "the words '{words}' name a revision no conference made ({place}, {year}): {why}",
            words=short(span.text, 8),
            place=wrong.place,
            year=wrong.year,
            why=why,
        ),
        offset=span.start,
        length=span.end - span.start,
        help=fix,
    )


# What a citation of a resolution written in plain words starts with: a
# citation's word, blanks and a number ("Resolution 71", "Résolution 9",
# "Resolución 25", "Resolution ITU-R 6"; "Decision 5", "Décision 5",
# "Decisión 5"). Written from the middle of the word, "solu" or "cisi": a
# search jumps to the literal a pattern starts with (and tries one that starts
# with a class of characters at every character).
_UNMARKED_WORD = (
    re.compile(r"solu(?:tions?|ci(?:ón|on|ones))\s+(?:(?:ITU|UIT)[-‑]R\s+)?\d"),
    re.compile(r"cisi(?:ons?|ón|ones)\s+\d"),
)
# ... as a citation writes it: with a capital ("the decision 5 days later" cites
# nothing, though the import grammar, which reads published texts, takes it)
_CAPITAL = re.compile(r"\b(?:R[eé]solu|D[eé]cisi)")
# ... or with its revision or its conference in parentheses, its noun small
# ("resolution 5 (Rev. Dubai, 2014)"): a citation, its capital to write
_DATED = re.compile(r"\([^()]*\d{4}\)")
# the conferences whose resolutions ITU's texts write with the noun's capital,
# read so with the noun small (not the Council: "Security Council resolution
# 2202 (2015)" is the United Nations', which writes it small)
_ITU_BODIES = frozenset(("pp", "wtdc", "wtsa", "ra", "wrc"))
# (the noun written small, to write with its capital)
_SMALL_INITIAL = re.compile(r"\b([rd])(?=[eé]solu|[eé]cisi)")
# The same in the joined form of a file's texts (textscan.Joined: a digit is
# "0", a blank a space, a character beyond ASCII "?", which may be a blank):
# the texts that may hold one, found with a search of the whole file.
_UNMARKED_QUICK = (
    # (a non-breaking hyphen, "UIT‑R" as Word writes it, is a "?" there)
    re.compile(rb"solu(?:tions?|ci(?:\?n|on|ones))[ ?]+(?:0|(?:ITU|UIT)[-?]R[ ?]+0)"),
    re.compile(rb"cisi(?:ons?|\?n|ones)[ ?]+0"),
)


class _Strays:
    """The targets in parentheses outside markup of a text
    (:data:`mk.STRAY_TARGET`), found in one pass: each citation in plain
    words asks for the first at or after it (a text of thousands of them
    was searched to its end for each)."""

    __slots__ = ("found", "starts")

    def __init__(self, text: str) -> None:
        self.found = list(mk.STRAY_TARGET.finditer(text))
        self.starts = [m.start() for m in self.found]


def _stray_from(text: str, strays: _Strays, start: int) -> re.Match[str] | None:
    """``mk.STRAY_TARGET.search(text, start)``, from the targets found once."""
    i = bisect_left(strays.starts, start)
    if i:
        before = strays.found[i - 1]
        if start < before.start("target"):
            # ``start`` inside the blanks before its '(': the search from there
            # finds the rest of it (the ']' is behind)
            return mk.STRAY_TARGET.match(text, start)
    # (a match the search may find that the pass did not starts inside an
    # earlier one: that one, if it starts at or after ``start``, is found first)
    return strays.found[i] if i < len(strays.found) else None


@rule(
    "reference-unmarked",
    "warning",
    "a citation of a resolution written in plain words, not as a citation [words](target)",
)
def reference_unmarked(ctx: Context) -> Iterator[Finding]:
    """A citation of a resolution is written as a citation, ``[words](target)``:
    in plain words ("conformément à la Résolution 9 (Rév. Dubaï, 2014) de
    la présente Conférence") it is neither checked (that the corpus has it,
    that its words and revision agree) nor linked. The words are read with
    the import grammar of the file's language (English, French, Spanish),
    as ``itures import`` reads them: a citation it can give a target is
    reported, with the markup to write. One whose body the words do not
    tell (the import leaves it as text: a place and year where two bodies
    met, "Dubai, 2012"; a possessive, "its Resolution 1344"; a revision
    without a place; a revision that cannot be read) is reported too, with
    the markup to write where the file tells the body:

    * the file's other citations of that revision give it one body
      ("[Resolution 58 (Rev. Dubai, 2012)](wtsa:58@2012)" elsewhere);
    * one body is named before it in the plain words of its sentence (back
      to the ';' before), and met at that place in that year: "resolutions
      adopted at the World Telecommunication Standardization Assembly,
      including Resolution 47 (Rev. Dubai, 2012)"; "the Council adopted ...
      at its 2016 session Resolution 1333 (Rev. 2016)";
    * a '(' too many made the revision unreadable ("Resolution 35 (Rev.
      (Hammamet, 2016) of the World Telecommunication Standardization
      Assembly"): read without it, the citation to write has it deleted.

    Otherwise the finding says why the body cannot be told and what the
    editor decides: the bodies that met there ("[...](ra:62@2015) or
    [...](wrc:62@2015)"); for "its", the body the clause addresses, when it
    addresses one whose resolutions are cited ("requests the Council ... to
    revise its Resolution 1344"), offered as a guess; else the citation with
    its body to fill in, or a suppression when it cites no one resolution
    ("the respective Resolution 1 ... of each Sector"). The noun is read
    with its capital ("the decision 5 days later" cites nothing), or small
    with the revision or the conference in parentheses after the number
    ("resolution 5 (Rev. Dubai, 2014)", of a conference of ITU: the fix
    writes the capital; the United Nations' "Security Council resolution
    2202 (2015)" is theirs, small). A reference to a
    part of the document itself ("le point 7 du décide ci-dessus") is left
    alone: ``reference-part`` checks that the part exists. Words inside a
    citation already marked are never read here.

    Failing::

        text: >-
          conformément à la Résolution 5 (Rév. Dubaï, 2014) de la présente Conférence;

    Passing::

        text: >-
          conformément à [la Résolution 5 (Rév. Dubaï, 2014) de la présente
          Conférence](wtdc:5@2014);
    """
    res = ctx.resolution
    if res.language not in ("en", "fr", "es"):
        return
    all_texts = texts(ctx)
    form = joined(ctx)
    strays: dict[int, _Strays] = {}
    unmarked: list[tuple[tuple[str | int, ...], int, str, str]] = ctx.local.setdefault(
        "unmarked", []
    )
    from itures.importers.extract import mark_citations  # the import grammars

    elsewhere: dict[tuple[str, int], set[str]] | None = None
    own = f"{res.body}:{res.number}"
    for i in sorted({i for quick in _UNMARKED_QUICK for i in form.holding(quick)}):
        t = all_texts[i]
        if t.path[-1] == "place":  # a history's place names no citation
            continue
        if t.path[0] == "annexes" and t.path[-1] == "heading":
            continue  # "Annex 2 to Resolution 48": the resolution itself (reference-part's)
        for span in t.spans:
            if not isinstance(span, mk.Text):
                continue
            words = span.text
            found = [m.start() for p in _UNMARKED_WORD for m in p.finditer(words)]
            if not found:
                continue
            _, cited = mark_citations(words, res.language, res.body)
            for c in cited:
                if _CAPITAL.search(c.words) is None and c.target.split(":")[0] not in _ITU_BODIES:
                    continue  # ("Security Council resolution 2202 (2015)": the UN's, small)
                if i not in strays:
                    strays[i] = _Strays(t.text)
                if _passed_over(t, words, span.start, c.start, c.end, c.words, strays[i]):
                    continue
                if t.path == ("title",) and c.target.split("@")[0].split("#")[0] == own:
                    continue  # the heading written as the title (conversion-artefact's)
                start, end = span.start + c.start, span.start + c.end
                words_to_write = c.words
                if _CAPITAL.search(c.words) is None:
                    # (its noun small, "resolution 5 (Rev. Dubai, 2014)": written
                    # with its capital, as reference-text would then ask)
                    words_to_write = _SMALL_INITIAL.sub(lambda m: m.group(1).upper(), c.words, 1)
                written = f"[{words_to_write}]({c.target})"
                # (kept for the summary: a language version that marks it says
                # so with this finding's fix, see itures.rules.languages)
                unmarked.append((t.path, start, c.words, c.target))
                yield Finding(
                    t.path,
                    tr(
                        "the citation '{words}' is written in plain words: it is neither checked "
                        "nor linked",
                        words=short(c.words, 8),
                    ),
                    offset=start,
                    length=end - start,
                    help=tr("write it as a citation: {written}", written=written),
                )
            if all(any(c.start <= f < c.end for c in cited) for f in found):
                continue  # (the common case: every citation read has its body)
            if elsewhere is None:
                elsewhere = _marked_bodies(ctx)
            if i not in strays:
                strays[i] = _Strays(t.text)
            for finding, cite in _untold(ctx, t, span, strays[i], elsewhere):
                if cite is not None:
                    unmarked.append(cite)
                yield finding


def _passed_over(
    t: Any, words: str, at: int, start: int, end: int, cwords: str, strays: _Strays
) -> bool:
    """Whether the words ``words[start:end]`` read as a citation (of the
    literal span of ``t`` at ``at``) are not one reference-unmarked reports:
    no capital ("the decision 5 days later"), a number that goes on, words in
    markup that cannot be read or whose markup lost a bracket."""
    if _CAPITAL.search(cwords) is None and _DATED.search(cwords) is None:
        return True  # "the decision 5 days later" (not "resolution 5 (Rev. Dubai, 2014)")
    after = words[end : end + 2]
    if after[:1].isalnum() or (after[:1] in ".,-/‑" and after[1:2].isdigit()):
        return True  # the number goes on ("Résolution 1.2"): not read as written
    start, end = at + start, at + end
    if any(p.start < end and start < p.end for p in t.problems):
        return True  # the words of markup that cannot be read: the markup rule's
    stray = _stray_from(t.text, strays, start)
    # (their markup cut by a lost bracket: the markup rule's)
    return (
        stray is not None
        and stray.start() <= end
        and not isinstance(mk.parse_target(stray.group("target")), str)
    )


# The bodies whose resolutions a citation may cite (the import grammar's)
_CITING = ("pp", "wtdc", "wtsa", "ra", "wrc", "council")
# A revision that cannot be read for a '(' too many: "(Rev. (Hammamet, 2016)",
# "((Rev. Dubai, 2012)": the second '(' to delete
_DOUBLE_OPEN = re.compile(r"\s*\((?:\s*R[eé]v\.?)?\s*(?P<stray>\()")
# a revision the import grammar cannot read after a citation (its
# ``_UNREADABLE``): "(Rev. (", "((", "(2010 2014)"
_UNREADABLE_AFTER = re.compile(r"\s*\(\s*(?:R[ée]v(?![a-z])|\(|\d)")
# a revision's word alone where a place is read: "(Rev., 2012)"
_REV_ONLY = re.compile(r"\s*R[eé]v\.?\s*")
# a possessive of one, before a citation: "its Resolution 1344" (the body the
# section addresses), not "their", "the respective"
_ITS = {
    "en": re.compile(r"\b(its)\s+\Z", re.IGNORECASE),
    "fr": re.compile(r"\b(sa)\s+\Z", re.IGNORECASE),
    "es": re.compile(r"\b(su)\s+\Z", re.IGNORECASE),
}


def _marked_bodies(ctx: Context) -> dict[tuple[str, int], set[str]]:
    """(number, year) -> the bodies the file's citations of that revision give it."""
    out: dict[tuple[str, int], set[str]] = {}
    for t in marked(ctx):
        for span in t.spans:
            if isinstance(span, mk.Citation) and span.year is not None:
                for ref in span.resolutions:
                    out.setdefault((ref.number, span.year), set()).add(ref.body)
    return out


def _named_before(ctx: Context, t: Any, start: int, allowed: frozenset[str]) -> str | None:
    """The one body (of those ``allowed``, when any is) named in the plain
    words of ``t`` before ``start``, back to the ';' before: "resolutions
    adopted at the World Telecommunication Standardization Assembly,
    including Resolution 47 (Rev. Dubai, 2012)", "the Council adopted ... at
    its 2016 session Resolution 1333 (Rev. 2016)"."""
    from itures.importers.extract import actors_in

    text = t.text
    lo = text.rfind(";", 0, start) + 1
    plain = "".join(
        text[max(s.start, lo) : min(s.end, start)]
        if isinstance(s, mk.Text)
        else " " * (min(s.end, start) - max(s.start, lo))
        for s in t.spans
        if s.end > lo and s.start < start
    )
    found = {
        actor
        for _, _, actor in actors_in(plain, ctx.resolution.language)
        if actor in _CITING and (not allowed or actor in allowed)
    }
    return next(iter(found)) if len(found) == 1 else None


def _addressed(ctx: Context, path: tuple[str | int, ...]) -> str | None:
    """The one body an operative clause at ``path`` addresses, if it is one
    whose resolutions are cited (the Council, a conference)."""
    res = ctx.resolution
    if path[0] != "operative" or len(path) < 5:
        return None
    section = res.operative[int(path[1])]
    entry: Any = section
    for key, index in zip(path[2:-1:2], path[3:-1:2], strict=False):
        if key != "clauses":
            return None
        entry = entry.clauses[int(index)]
    actors = res.actors_of(entry).actors if entry is not section else tuple(section.actors)
    if len(actors) == 1 and actors[0] in _CITING:
        return actors[0]
    return None


def _body_name(body: str) -> str:
    """A body as the help names it: "WTSA", "the Council"."""
    return tr("the Council") if body == "council" else conference(body)


def _untold(
    ctx: Context,
    t: Any,
    span: mk.Text,
    strays: _Strays,
    elsewhere: dict[tuple[str, int], set[str]],
) -> Iterator[tuple[Finding, tuple[tuple[str | int, ...], int, str, str] | None]]:
    """The citations of the literal ``span`` of ``t`` whose body the import
    grammar cannot tell from their words (:func:`itures.importers.extract.
    unresolved_citations`): each a finding, with the citation to write where
    the file tells the body (its other citations of that revision, a body
    named before it, the body the clause addresses for "its"), else what the
    editor must decide. With the citation a told one is kept as (see
    :func:`reference_unmarked`)."""
    from itures.importers.extract import mark_citations, read_citations, unresolved_citations

    res = ctx.resolution
    language = res.language
    words = span.text
    for u in unresolved_citations(words, language, res.body):
        if _passed_over(t, words, span.start, u.start, u.end, u.words, strays):
            continue
        start, end = span.start + u.start, span.start + u.end
        quoted = short(u.words, 8)
        repaired = _DOUBLE_OPEN.match(words, u.end)
        if repaired is not None:
            # "(Rev. (Hammamet, 2016)": read without the '(' too many
            cut = repaired.start("stray")
            fixed = words[:cut] + words[cut + 1 :]
            _, cited = mark_citations(fixed, language, res.body)
            c = next((c for c in cited if c.start == u.start), None)
            if c is not None and c.end > cut:
                yield (
                    Finding(
                        t.path,
                        tr(
                            "the citation '{words}' is written in plain words, and its revision "
                            "cannot be read for a '(' too many: it is neither checked nor linked",
                            words=short(words[u.start : c.end + 1], 8),
                        ),
                        offset=start,
                        length=c.end + 1 - u.start,
                        help=tr(
                            "delete the '(' too many and write it as a citation: {written}",
                            written=f"[{c.words}]({c.target})",
                        ),
                    ),
                    None,
                )
                continue
        if repaired is not None or _UNREADABLE_AFTER.match(words, u.end):
            # a revision not read ("(Rév. Guadalajara, 2010 2014)", a tracked
            # change's trace): the rule that tells why reports it
            # (conversion-artefact); once written whole, it is read here
            continue
        readings = read_citations(u.words, language, res.body)
        reading = readings[0] if len(readings) == 1 else None
        allowed = reading.conference if reading is not None else frozenset()
        numbers = reading.numbers if reading is not None else ()
        target_rest = ""
        if reading is not None:
            target_rest = ",".join(numbers) + (
                f"@{reading.year}" if reading.year is not None else ""
            )
            if reading.fragment:
                target_rest += "#" + "/".join(reading.fragment)
        body: str | None = None
        why = ""
        if reading is not None and reading.year is not None and numbers:
            given = [elsewhere.get((n, reading.year), set()) for n in numbers]
            same = set.intersection(*given) if all(given) else set()
            if len(same) == 1 and all(len(g) == 1 for g in given):
                body = next(iter(same))
                if allowed and body not in allowed:
                    body = None
                else:
                    why = tr("with the body the file's other citations of it give")
        if body is None and numbers:
            body = _named_before(ctx, t, start, allowed)
            if body is not None:
                why = tr("with the body named before it ({body})", body=_body_name(body))
        if body is not None:
            written = f"[{u.words}]({body}:{target_rest})"
            yield (
                Finding(
                    t.path,
                    tr(
                        "the citation '{words}' is written in plain words: it is neither checked "
                        "nor linked",
                        words=quoted,
                    ),
                    offset=start,
                    length=end - start,
                    help=tr("write it as a citation, {why}: {written}", why=why, written=written),
                ),
                (t.path, start, u.words, f"{body}:{target_rest}"),
            )
            continue
        reason = u.reason
        if (
            reading is not None
            and reading.year is not None
            and _REV_ONLY.fullmatch(reading.place or "")
        ):
            # "(Rev., 2012)": the revision's word read as its place
            reason = tr(
                "a revision of {year} without a place is not a conference's, and the text names "
                "no body",
                year=reading.year,
            )
        message = tr(
            "the citation '{words}' is written in plain words, and the body it cites cannot be "
            "told: {reason}",
            words=quoted,
            reason=reason,
        )
        its = _ITS[language].search(t.text, max(0, start - 12), start)
        addressed = _addressed(ctx, t.path) if its is not None and numbers else None
        if its is not None and addressed is not None and (not allowed or addressed in allowed):
            help = tr(
                "write it as a citation, {written}, if '{its}' stands for the body the section "
                "addresses, {body}",
                written=f"[{u.words}]({addressed}:{target_rest})",
                its=its.group(1),
                body=_body_name(addressed),
            )
        elif numbers and (allowed or all(len(n) >= 4 for n in numbers)):
            # (a number of four digits is no conference's: the Council's, as its
            # resolutions are numbered, 1305, 1344)
            options = sorted(allowed) if allowed else ["council"]
            help = tr(
                "write it as a citation with the body it cites, {options}, as the published "
                "text means",
                options=either([f"[{u.words}]({b}:{target_rest})" for b in options]),
            )
        else:
            help = tr(
                "write it as a citation with the body it cites, [{words}](BODY:{target}) with "
                "BODY one of {bodies}; if it cites no one resolution, say so with "
                "'# itures: ignore[reference-unmarked] reason: …'",
                words=u.words,
                target=target_rest or "…",
                bodies=either(list(_CITING)),
            )
        yield (
            Finding(t.path, message, offset=start, length=end - start, help=help),
            None,
        )


# What a part of the resolution itself named in plain words has beside it
# (the import grammar's anchors and "this resolution"), in the form of a
# file's texts joined (textscan.Joined: a character beyond ASCII is "?"):
# literals, which a search of the whole file finds fast; only the texts that
# hold one are read with the grammar ("This resolution" too, found without
# its first letter; the others as ITU texts write them: "this resolution",
# "la présente Résolution"). Each literal costs a search of the file (some
# microseconds): "esta resolución" and the rarer anchors ("ci-après",
# "supra") are not looked for, and a decision's words ("this decision") only
# in a decision (its number starts with "D").
_OWN_QUICK: dict[str, tuple[bytes, ...]] = {
    "en": (b"above", b"below", b"his resolution"),
    "fr": (b"ci-dess", b"sente r?solution", b"sente R?solution"),
    "es": (b"anterior", b"sente resoluci", b"sente Resoluci"),
}
_OWN_QUICK_DECISION: dict[str, tuple[bytes, ...]] = {
    "en": (b"his decision",),
    "fr": (b"sente d?cision", b"sente D?cision"),
    "es": (b"sente decisi", b"sente Decisi", b"sta decisi", b"sta Decisi"),
}


# the first word of an annex's heading ("ANNEX", "ANNEXE", "ANEXO")
_HEADING_WORD = re.compile(r"\s*(?:ANNEX|ANNEXE|ANEXO|ПРИЛОЖЕНИЕ)\b", re.IGNORECASE)


def _annex_headings(res: Resolution) -> Iterator[Finding]:
    """An annex whose heading names another resolution than this one ("ANNEX
    TO RESOLUTION 198" in Resolution 189: copied from another file), or
    another annex than its label ("ANNEX 3" labelled '2'); no annex, when it
    is one of several ("ANNEX TO RESOLUTION 71" for the second of three:
    its number lost); or a number, when it is the only one ("ANNEX 1 TO
    RESOLUTION 25", a warning: ITU's texts number annexes when there are
    several)."""
    for a, annex in enumerate(res.annexes):
        m = ANNEX_HEADING.match(annex.heading)
        if m is None:
            continue
        named = m.group("number")
        own = res.number.upper()
        if m.group("decision"):
            own = own.removeprefix("D")  # (a decision's number: 'D5', its heading "DECISION 5")
        if named.upper() != own:
            yield Finding(
                ("annexes", a, "heading"),
                tr(
                    "the heading of this annex names resolution {named}, and this file is "
                    "resolution {number}: a heading copied from another resolution?",
                    named=named,
                    number=res.number,
                ),
                offset=m.start("number"),
                length=len(named),
                help=tr("write {number} in the heading", number=res.number),
            )
        said = m.group("annex")
        several = len(res.annexes) > 1
        place = annex.label.strip() if annex.label is not None else str(a + 1) if several else None
        word = _HEADING_WORD.match(annex.heading)
        if said is None and place is not None and word is not None:
            # "ANNEX TO RESOLUTION 71" for the second of three: its number lost
            right = f"{annex.heading[: word.end()]} {place}{annex.heading[word.end() :]}"
            yield Finding(
                ("annexes", a, "heading"),
                tr(
                    "the heading of this annex names no number, and it is annex {label} of "
                    "the resolution's {count}",
                    label=repr(place),
                    count=len(res.annexes),
                ),
                offset=word.start(),
                length=word.end() - word.start(),
                help=tr("write {right}", right=repr(right)),
            )
        elif said is not None and place is None and word is not None:
            # "ANNEX 1 TO RESOLUTION 25" for its only annex, which ITU's texts
            # number only when there are several
            right = annex.heading[: word.end()] + annex.heading[m.end("annex") :]
            yield Finding(
                ("annexes", a, "heading"),
                tr(
                    "the heading of this annex names annex {said}, and it is the resolution's "
                    "only annex: ITU's texts number annexes when there are several",
                    said=said,
                ),
                offset=m.start("annex"),
                length=len(said),
                severity="warning",
                help=tr("write {right}", right=repr(right)),
            )
        if said is not None and annex.label is not None and said != annex.label.strip():
            yield Finding(
                ("annexes", a, "heading"),
                tr(
                    "the heading of this annex names annex {said}, and its label is {label}",
                    said=said,
                    label=repr(annex.label),
                ),
                offset=m.start("annex"),
                length=len(said),
                help=tr("write one number in the heading and the label, the annex's place"),
                flagging=True,  # (the citations of the annex it names: this finding's)
            )


@rule(
    "reference-part",
    "error",
    "a part of this resolution named in plain words ('resolves 4 above', 'le décide 5 de la "
    "présente résolution') that it does not have",
)
def reference_part(ctx: Context) -> Iterator[Finding]:
    """A part of the resolution itself named in plain words ("resolves 4
    above", "le point 4 du décide ci-dessus", "el resuelve 5 de la presente
    Resolución", "Annex 2 to this resolution") must exist: a clause
    renumbered or deleted since leaves the words naming what is no longer
    there. The words are read with the import grammar of the file's
    language (English, French, Spanish), as ``itures import`` reads them,
    in the words before an anchor ("above", "ci-dessus", "anterior") or
    "this resolution" ("this decision" in a decision) that hold a label or
    an annex close before it; a part named only after a referring word
    ("in accordance with resolves 3") is read there only (44 of the 58
    parts the import grammar finds in the PP-18 Final Acts are read). In
    Russian, Arabic and Chinese, which no import grammar reads, a part is
    read where the words name it with the heading of one of the file's own
    sections, a label and an anchor ("в пункте 2 раздела решает, выше",
    "الفقرة 2 من يقرر أعلاه", "上文做出决议第2段"; "настоящей Резолюции",
    "هذا القرار", "本决议" for "this resolution"): a heading the words
    write otherwise, or a part without an anchor ("пункт 5 раздела решает
    Резолюции 71", another resolution's), is not read. An
    annex's heading that names another resolution ("ANNEX TO RESOLUTION 198"
    in Resolution 189, copied from another file) or another annex than its
    label ("ANNEX 3" labelled '2') is reported too, and one that names no
    annex when it is one of several ("ANNEX TO RESOLUTION 71" for the
    second, with the heading to write); one that numbers the only annex
    ("ANNEX 1 TO RESOLUTION 25") is a warning. So is a part named
    "above" ("ci-dessus", "anterior") that comes after the text, or "below"
    ("ci-dessous") that comes before it, or that is the entry the text is in
    ("resolves 3 above" in clause 3: a clause renumbered since the words
    were written); the entry a sub-item is in is above it. A part
    written as a citation is ``reference-unresolved``'s; one that a
    conversion ran into a text (clause 5's label inside clause 4) is
    ``conversion-artefact``'s. A part that a numbering finding's fix gives
    back (clause '2' mistyped '22'), or that is on the wrong side because of
    the label a numbering finding reports (two labels swapped), is that
    finding's. A section named under the verb its heading reads as, whose
    key is another ('resolves 2 above' where *resolves* is keyed
    ``further_resolves``: ``heading-mismatch`` or ``verb-unknown`` says so),
    is looked for in that section.

    Failing (the resolution has clauses 1 and 2 in *resolves*)::

        text: >-
          de mettre en œuvre le point 4 du décide ci-dessus;

    Passing::

        text: >-
          de mettre en œuvre le point 2 du décide ci-dessus;
    """
    yield from _annex_headings(ctx.resolution)
    language = ctx.resolution.language
    all_texts = texts(ctx)
    headed = _HEADED_ANCHORS.get(language)
    decision = ctx.resolution.number.startswith("D")
    if headed is not None:
        # (Russian, Arabic, Chinese: no import grammar; the parts named with
        # the headings of the file's own sections)
        holding = [i for i, t in enumerate(all_texts) if any(a in t.text for a in headed)]
        reader = _headed_reader(ctx.resolution) if holding else None
        if reader is None:
            return
    else:
        quick = _OWN_QUICK.get(language)
        if quick is None:
            return
        if decision:
            quick += _OWN_QUICK_DECISION[language]
        holding = sorted(_holding_near_label(joined(ctx), quick))
        if not holding:
            return  # (most files)
    from itures.lookup import entry_paths, model_outline

    outline = None
    places: dict[int, tuple[str | int, ...]] | None = None
    run_in: tuple[RunIn, ...] | None = None
    for i in holding:
        t = all_texts[i]
        if t.path[-1] == "place":
            continue
        cited = (
            [(s.start, s.end) for s in t.spans if isinstance(s, mk.Citation)]
            if "[" in t.text
            else []
        )
        parts = (
            _headed_parts(t.text, reader)
            if headed is not None and reader is not None
            else [
                (start, end, fragment, _side(t.text, start, end, language))
                for start, end, fragment in _own_parts_near(t.text, language, cited, decision)
            ]
        )
        for start, end, fragment, side in parts:
            if any(s < end and start < e for s, e in cited):
                continue  # (inside a citation: reference-unresolved's)
            if outline is None:
                outline = model_outline(ctx.resolution)
            answer: tuple[Any, str | None] = find(outline, fragment)
            named, why = answer
            if why is None:
                if named is not None and t.path[-1] == "text":
                    if places is None:
                        places = entry_paths(ctx.resolution)
                    named_at = places.get(id(named))
                    wrong = _wrong_side(side, named_at, t.path)
                    if wrong is not None and not _mislabelled(ctx, named_at, t.path[:-1]):
                        yield _wrong_side_finding(t.path, t.text, start, end, wrong)
                continue
            if run_in is None:
                run_in = _run_in(ctx)
            if ran_into(run_in, language, fragment):
                continue  # the part's label is inside another text: conversion-artefact's
            if _relabelled_to(ctx, fragment[-1]) or _annex_relabelled_to(ctx, fragment):
                continue  # a numbering finding relabels an entry so: the part is there then
            key = _misnamed_here(ctx, outline, fragment[0])
            if key is not None:
                # the section under another verb key (that key's finding, with the key
                # to write): the part is looked for there
                why = find(outline, (key, *fragment[1:]))[1]
                if why is None:
                    continue
            yield Finding(
                t.path,
                tr(
                    "'{words}' names a part of this resolution that it does not have: it {why}",
                    words=short(t.text[start:end], 8),
                    why=why,
                ),
                offset=start,
                length=end - start,
                help=tr("correct the part these words name, or the labels of the resolution"),
            )


# The anchors that say where the part named is: before the text ("above"),
# or after it ("below"), by language
_BEFORE_ANCHORS: dict[str, tuple[str, ...]] = {
    "en": ("above",),
    "fr": ("ci-dessus",),
    "es": ("anterior",),  # (and "anteriores": the words are read from their start)
}
_AFTER_ANCHORS: dict[str, tuple[str, ...]] = {
    "en": ("below",),
    "fr": ("ci-dessous",),
    "es": (),
}
_PART_RANK = {"preamble": 0, "operative": 1, "annexes": 2}


def _order(path: tuple[str | int, ...]) -> tuple[Any, ...]:
    """A path's place in the document: its part first, in reading order."""
    return (_PART_RANK.get(str(path[0]), 3), *path[1:])


def _relabelled_to(ctx: Context, label: str) -> bool:
    """Whether the fix of a numbering finding gives an entry ``label`` (a
    clause '2' mistyped '22': the words "resolves 2 above" name it once it
    is relabelled), that one defect, said there."""
    bare = label.strip("()")  # (a fragment names 'b' for the label 'b)')
    return bare in _numbering_places(ctx)[1]


def _annex_relabelled_to(ctx: Context, fragment: tuple[str, ...]) -> bool:
    """Whether ``fragment`` names an annex ("Annex 2 to this resolution")
    whose label a numbering finding gives an annex (the second of '1', '3',
    '3' is to be '2'), or whose heading names it while its label is another
    (reference-part's finding at that heading), that one defect, said there."""
    if len(fragment) != 2 or fragment[0] != "annex":
        return False
    from itures.rules.numbering import annex_relabels

    for annex in ctx.resolution.annexes:
        m = ANNEX_HEADING.match(annex.heading)
        if (
            m is not None
            and m.group("annex") == fragment[1]
            and annex.label is not None
            and annex.label.strip() != fragment[1]
        ):
            return True
    return any(a.expected == fragment[1] for a in annex_relabels(ctx))


def _mislabelled(ctx: Context, *entries: tuple[str | int, ...] | None) -> bool:
    """Whether a numbering rule reports the label of one of ``entries`` (two
    labels swapped, a label out of sequence): a part named on the wrong side
    of a text then follows from it ("resolves 2 above" in the clause
    labelled 2 by a swap), that one defect, said there."""
    involved = _numbering_places(ctx)[0]
    return any(e is not None and e in involved for e in entries)


def _numbering_places(
    ctx: Context,
) -> tuple[set[tuple[str | int, ...]], set[str]]:
    """The entries whose labels the numbering findings report, and the
    labels their fixes give (without their parentheses), made once per file."""

    def made() -> tuple[set[tuple[str | int, ...]], set[str]]:
        from itures.rules.numbering import analyse

        involved: set[tuple[str | int, ...]] = set()
        given: set[str] = set()
        for defect in analyse(ctx).defects:
            for path in (defect.finding.path, *(p.path for p in defect.finding.related)):
                involved.add(path[:-1] if path and path[-1] == "label" else path)
            if defect.fix is not None:
                given.update(new.strip("().") for _, new in defect.fix.relabel)
        return involved, given

    found: tuple[set[tuple[str | int, ...]], set[str]] = ctx.memo("numbering-places", made)
    return found


def _side(text: str, start: int, end: int, language: str) -> str | None:
    """Where the anchor after the words of a part named at ``text[start:end]``
    says it is: "above" ("above", "ci-dessus", "anterior"), "below", or None
    (no anchor: "resolves 3 of this resolution")."""
    after_words = text[end : end + 16].lstrip(" ,").lower()
    # (the words' last one, when it is the anchor: "ci-dessus", "anteriores")
    last = text[start:end].lower().rsplit(" ", 1)[-1]
    above = any(
        after_words.startswith(a) or last.startswith(a) for a in _BEFORE_ANCHORS.get(language, ())
    )
    below = any(
        after_words.startswith(a) or last.startswith(a) for a in _AFTER_ANCHORS.get(language, ())
    )
    if above == below:
        return None
    return "above" if above else "below"


def _wrong_side(
    side: str | None,
    named: tuple[str | int, ...] | None,
    here: tuple[str | int, ...],
) -> str | None:
    """Whether the part named (at ``named``) is on the wrong side of the
    text at ``here`` for the anchor of its words (``side``: :func:`_side`):
    "self" (the entry the text is in: "resolves 3 above" in clause 3),
    "after" (named "above", it comes after the text), "before" ("below", it
    comes before); None when it is where the anchor says, or no anchor says
    where."""
    if named is None or side is None:
        return None
    above, below = side == "above", side == "below"
    entry = here[:-1]
    if named == entry:
        return "self"
    if named == entry[: len(named)]:
        return None  # (the entry this text is inside: its own text is before it)
    if above and _order(named) > _order(entry):
        return "after"
    if below and _order(named) < _order(entry):
        return "before"
    return None


def _wrong_side_finding(
    path: tuple[str | int, ...], text: str, start: int, end: int, wrong: str
) -> Finding:
    words = short(text[start:end], 8)
    if wrong == "self":
        message = tr(
            "'{words}' names the entry this text belongs to, not another part of this resolution",
            words=words,
        )
    elif wrong == "after":
        message = tr(
            "'{words}' names a part that comes after this text, not before it", words=words
        )
    else:
        message = tr(
            "'{words}' names a part that comes before this text, not after it", words=words
        )
    return Finding(
        path,
        message,
        offset=start,
        length=end - start,
        help=tr(
            "correct the label these words name (was a part renumbered since they were "
            "written?), or the word that says where it is"
        ),
    )


# In a text, what :data:`_OWN_QUICK` finds in the file: an anchor after a
# part named alone ("resolves 3 above"), or the document named ("this
# resolution", "la présente Résolution"), found by its noun without its
# first letter (a search for a literal: a pattern of alternatives would try
# every character).
_OWN_ANCHORS: dict[str, tuple[str, ...]] = {
    lang: _BEFORE_ANCHORS[lang] + _AFTER_ANCHORS[lang] for lang in _BEFORE_ANCHORS
}
_OWN_NOUNS: dict[str, tuple[str, ...]] = {
    "en": ("esolution",),
    "fr": ("ésolution",),
    "es": ("esolución",),
}
_OWN_NOUNS_DECISION: dict[str, tuple[str, ...]] = {
    "en": ("ecision",),
    "fr": ("écision",),
    "es": ("ecisión",),
}
# what comes before that noun in the document's name: "this r", "la présente
# R", "this d", "esta d"
_OWN_DOCUMENT: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"this\s+[rd]$", re.IGNORECASE),
    "fr": re.compile(r"présente\s+[rd]$", re.IGNORECASE),
    "es": re.compile(r"(?:presente|esta)\s+[rd]$", re.IGNORECASE),
}
# how far before an anchor the words of a part named alone may start
# ("instructs the Director of the Telecommunication Standardization Bureau 1
# above"), and before the document's name those of a part named with it
_OWN_BEFORE = 110
# what a part's words hold in the _LABEL_BEFORE characters before the anchor
# or the document's name: a label ("resolves 3 above", "considering b)
# above", "le point 4 du décide ci-dessus") or an annex ("l'annexe de la
# présente résolution"); words without one ("as set out below", "to
# implement this resolution") name no part, and are not read with the
# grammar. On the PP-18 Final Acts, every part named with an anchor, "this
# resolution" or "this decision" (44 of the 58 the import grammar finds; the
# others follow a referring word) has its label within 25.
_LABELISH = re.compile(r"\d|\)|nnex|nexo")
_LABEL_BEFORE = 32
_DOCUMENT_BEFORE = 160


def _own_parts_near(
    text: str, language: str, cited: list[tuple[int, int]], decision: bool = False
) -> list[tuple[int, int, tuple[str, ...]]]:
    """:func:`itures.importers.extract.own_parts` of the windows of ``text``
    that end at an anchor or at the document's name, outside the spans
    ``cited`` (citations, which name their part in their target), in the
    offsets of ``text``: the grammar reads a few hundred characters, not
    the whole text. ``decision``: the text is a decision's, which names
    itself "this decision"."""
    from itures.importers.extract import own_parts

    found: list[tuple[int, int, tuple[str, ...]]] = []
    document = _OWN_DOCUMENT[language]
    for words, before, bare in (
        (_OWN_ANCHORS[language], _OWN_BEFORE, True),
        (
            _OWN_NOUNS[language] + (_OWN_NOUNS_DECISION[language] if decision else ()),
            _DOCUMENT_BEFORE,
            False,
        ),
    ):
        for word in words:
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                if (
                    not any(s <= at < e for s, e in cited)
                    and (bare or document.search(text, max(0, at - 14), at) is not None)
                    and _LABELISH.search(text, max(0, at - _LABEL_BEFORE), at) is not None
                ):
                    start = text.rfind(" ", 0, max(0, at - before)) + 1
                    window = text[start:end]
                    found += [
                        (s + start, e + start, f)
                        for s, e, f in own_parts(window, language, bare=bare)
                    ]
                at = text.find(word, at + len(word))
    return sorted(set(found))


# Russian, Arabic and Chinese texts name a part of the resolution itself
# with its section's heading as the file writes it, a label and an anchor:
# "в пункте 2 раздела решает, выше", "الفقرة 2 من يقرر أعلاه",
# "上文做出决议第2段" (the import grammar reads English, French and Spanish
# only). A text is read only when it holds one of these anchors; a part of
# another resolution ("пункт 2 раздела решает Резолюции 71") has none.
_HEADED_ANCHORS: dict[str, tuple[str, ...]] = {
    "ru": ("выше", "ниже", "настоящей Резолюции", "настоящей резолюции"),
    "ar": ("أعلاه", "أدناه", "هذا القرار"),
    "zh": ("上文", "下文", "本决议"),
}
# a label as these texts write it ("2", "a)", "б)", "أ)"), and a list of them
_HEADED_LABEL = r"(?:\d+|\w\))"
_HEADED_SIDE = {
    "выше": "above",
    "ниже": "below",
    "أعلاه": "above",
    "أدناه": "below",
    "上文": "above",
    "下文": "below",
}


def _headed_reader(res: Resolution) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The pattern of a part named with one of the headings of ``res``'s own
    sections in its language (see :data:`_HEADED_ANCHORS`), and the verb key
    of each heading (casefolded); None when the file has no heading."""
    keys: dict[str, str] = {}
    for part in (res.preamble, res.operative):
        for section in part:
            heading = " ".join(section.heading.split())
            if heading:
                keys.setdefault(heading.casefold(), section.verb)
    if not keys:
        return None
    headings = "|".join(
        r"\s+".join(re.escape(w) for w in h.split()) for h in sorted(keys, key=len, reverse=True)
    )
    label, labels = _HEADED_LABEL, rf"{_HEADED_LABEL}(?:\s*(?:,|،|и|و)\s*{_HEADED_LABEL})*"
    patterns = {
        # "в пункте 2 раздела решает, выше", "подпункте a) пункта 1 раздела
        # решает настоящей Резолюции"
        "ru": rf"(?:подпункт\w*\s+(?P<sub>{label})\s+)?пункт\w*\s+(?P<labels>{labels})"
        rf"\s+раздела\s+[«\"]?(?P<heading>{headings})[»\"]?"
        r"\s*,?\s*(?P<anchor>выше|ниже|настоящей\s+[Рр]езолюции)",
        # "الفقرة 2 من يقرر أعلاه", "الفقرتين 1 و2 من يقرر من هذا القرار"
        "ar": rf"(?:ال)?فقر\w*\s+(?P<labels>{labels})\s+من\s+(?:الفقرة\s+)?"
        rf"(?P<heading>{headings})\s*(?:(?P<anchor>أعلاه|أدناه)|من\s+هذا\s+القرار)",
        # "上文做出决议第2段", "本决议做出决议第1段"
        "zh": rf"(?P<anchor>上文|下文|本决议)(?:的|中)?\s*[“「]?(?P<heading>{headings})[”」]?"
        rf"\s*(?:的)?\s*第?\s*(?P<labels>{labels})\s*[段款项]",
    }
    pattern = patterns.get(res.language)
    if pattern is None:
        return None
    return re.compile(pattern, re.IGNORECASE), keys


def _headed_parts(
    text: str, reader: tuple[re.Pattern[str], dict[str, str]]
) -> list[tuple[int, int, tuple[str, ...], str | None]]:
    """The parts of the resolution itself that ``text`` names with a heading
    of its own sections (:func:`_headed_reader`): (start, end, fragment,
    side) each, one per label named ("пунктах 1 и 2": two), the fragment as
    a citation's (``("resolves", "2")``), ``side`` "above", "below" or None
    (:func:`_side`)."""
    pattern, keys = reader
    found: list[tuple[int, int, tuple[str, ...], str | None]] = []
    for m in pattern.finditer(text):
        key = keys.get(" ".join(m.group("heading").split()).casefold())
        if key is None:
            continue
        side = _HEADED_SIDE.get(m.group("anchor") or "")
        sub = m.groupdict().get("sub")
        for label in re.findall(_HEADED_LABEL, m.group("labels")):
            fragment: tuple[str, ...] = (key, label.rstrip(")"))
            if sub:
                fragment += (sub.rstrip(")"),)
            found.append((m.start(), m.end(), fragment, side))
    return found


# :data:`_LABELISH` in the joined form of the texts (a digit is "0")
_LABELISH_FORM = re.compile(rb"0|\)|nnex|nexo")


def _holding_near_label(form: textscan.Joined, literals: tuple[bytes, ...]) -> set[int]:
    """The texts (their indices) in which one of ``literals`` is found in the
    joined form with a label or an annex close before it (:data:`_LABELISH`):
    the only ones whose words may name a part ("to implement this
    resolution" names none)."""
    out: set[int] = set()
    whole, starts = form.form, form.starts
    find, near = whole.find, _LABELISH_FORM.search
    for literal in literals:
        at = find(literal)
        while at >= 0:
            if near(whole, max(0, at - _LABEL_BEFORE), at) is not None:
                out.add(bisect_right(starts, at) - 1)
            at = find(literal, at + len(literal))
    return out


def _run_in(ctx: Context) -> tuple[RunIn, ...]:
    """What a conversion ran into the file's texts (labels, headings), as
    conversion-artefact found it for the summary, else found now."""
    found: tuple[RunIn, ...] | None = ctx.local.get("run-in")
    if found is None:
        from itures.rules.artefacts import run_in_of

        found = run_in_of(ctx.resolution, texts(ctx))
    return found
