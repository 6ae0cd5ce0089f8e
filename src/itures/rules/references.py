"""References across the corpus.

Every citation ``[words](body:number@year#fragment)`` is looked up in the
corpus :class:`~itures.corpus.Index` (a dictionary by body and number, so the
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
English, French and Spanish: files in the other languages are not checked),
and only what they state is compared:

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
words call for.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from itures.i18n import tr
from itures.model import markup as mk
from itures.rules import Context, CorpusContext, Finding, rule
from itures.rules import labels as lb
from itures.rules._walk import bodies, short, texts
from itures.summary import Summary, Tree


def _scope(ctx: CorpusContext) -> frozenset[str]:
    scope = ctx.config.reference_scope if ctx.config is not None else frozenset()
    if "*" in scope:
        return (scope - {"*"}) | bodies(ctx)
    return scope


# Long lists of entries, indexed by their labels as fragment segments: a file
# citing thousands of clauses of a long section looks each up in a dictionary,
# not by reading the section's labels again. The list is kept with its index,
# so that its id is not reused while the index is.
_SEGMENTS: dict[int, tuple[Tree, dict[str, tuple[int, str, Tree]]]] = {}
_INDEXED = 16  # lists shorter than this are read as they are


def _segments(entries: Tree) -> dict[str, tuple[int, str, Tree]]:
    """Fragment segment -> (position, label, children) of its first entry."""
    kept = _SEGMENTS.get(id(entries))
    if kept is not None and kept[0] is entries:
        return kept[1]
    index: dict[str, tuple[int, str, Tree]] = {}
    for n, (label, children) in enumerate(entries):
        if label is not None:
            index.setdefault(lb.fragment_segment(label), (n, label, children))
    if len(_SEGMENTS) >= 64:
        _SEGMENTS.clear()
    _SEGMENTS[id(entries)] = (entries, index)
    return index


def _child(entries: Tree, seg: str, parent: str | None) -> tuple[str, Tree] | None:
    if len(entries) >= _INDEXED:
        index = _segments(entries)
        # the first entry that is the segment, or the parent's segment "1.2"
        hits = [index.get(seg.lower()), index.get(f"{parent}.{seg}") if parent else None]
        first = min((hit for hit in hits if hit is not None), default=None)
        return None if first is None else (first[1], first[2])
    for label, children in entries:
        if label is None:
            continue
        found = lb.fragment_segment(label)
        if found == seg.lower():
            return label, children
        if parent and found.startswith(parent + ".") and found[len(parent) + 1 :] == seg:
            return label, children
    return None


def _labels(entries: Tree) -> str:
    found = [label for label, _ in entries if label]
    return ", ".join(found) if found else tr("none labelled")


def _missing(noun: str, seg: str, where: str, labels: str) -> str:
    """Why a labelled part is missing, one message per noun (their gender differs)."""
    if noun == "item":
        return tr(
            "has no item '{label}' in {where} (its items: {labels})",
            label=seg,
            where=where,
            labels=labels,
        )
    if noun == "clause":
        return tr(
            "has no clause '{label}' in {where} (its clauses: {labels})",
            label=seg,
            where=where,
            labels=labels,
        )
    return tr(
        "has no paragraph '{label}' in {where} (its paragraphs: {labels})",
        label=seg,
        where=where,
        labels=labels,
    )


def _inside(noun: str, label: str, where: str) -> str:
    """'clause 1 of 'resolves'', one message per noun."""
    if noun == "item":
        return tr("item {label} of {where}", label=label, where=where)
    if noun == "clause":
        return tr("clause {label} of {where}", label=label, where=where)
    return tr("paragraph {label} of {where}", label=label, where=where)


def _walk_labels(entries: Tree, segs: tuple[str, ...], where: str, noun: str) -> str | None:
    parent: str | None = None
    for seg in segs:
        entry = _child(entries, seg, parent)
        if entry is None:
            return _missing(noun, seg, where, _labels(entries))
        label, children = entry
        parent = lb.fragment_segment(label)
        where = _inside(noun, label, where)
        entries = children
    return None


Section = tuple[str, str, Tree]  # where (for messages), noun, entries
_BY_VERB: dict[int, tuple[Summary, dict[str, tuple[list[Section], dict[str, list[int]]]]]] = {}


def _sections(res: Summary) -> dict[str, tuple[list[Section], dict[str, list[int]]]]:
    """verb -> its sections (preamble first), and the sections having each first
    label (as a fragment segment); built once per summary."""
    kept = _BY_VERB.get(id(res))
    if kept is not None and kept[0] is res:
        return kept[1]
    count: dict[str, int] = {}
    for verb, _, _ in res.operative:
        count[verb] = count.get(verb, 0) + 1
    listed: list[tuple[str, Section]] = [
        (verb, (f"'{verb}'", "item", items)) for verb, items in res.preamble
    ]
    for verb, heading, clauses in res.operative:
        where = f"'{heading}'" if count[verb] > 1 else f"'{verb}'"
        listed.append((verb, (where, "clause", clauses)))
    out: dict[str, tuple[list[Section], dict[str, list[int]]]] = {}
    for verb, section in listed:
        sections, firsts = out.setdefault(verb, ([], {}))
        n = len(sections)
        sections.append(section)
        for label in {lb.fragment_segment(label) for label, _ in section[2] if label}:
            firsts.setdefault(label, []).append(n)
    if len(_BY_VERB) >= 64:
        _BY_VERB.clear()
    _BY_VERB[id(res)] = (res, out)
    return out


def resolve_fragment(res: Summary, fragment: tuple[str, ...]) -> str | None:
    """Why ``fragment`` does not exist in ``res`` (None when it does)."""
    if not fragment:
        return None
    head, rest = fragment[0], fragment[1:]
    if head == "annex":
        if not res.annexes:
            return tr("has no annex")
        if not rest:
            return None
        seg = rest[0].lower()
        for label, items in res.annexes:
            if (label is None and seg == "1" and len(res.annexes) == 1) or (
                label is not None and lb.fragment_segment(label) == seg
            ):
                where = tr("Annex {label}", label=rest[0])
                return _walk_labels(items, rest[1:], where, "paragraph")
        labels = ", ".join(label or tr("(unlabelled)") for label, _ in res.annexes)
        return tr("has no annex '{label}' (its annexes: {labels})", label=rest[0], labels=labels)
    # Several sections may share a verb ("instructs the Secretary-General",
    # "instructs the Director of BDT"), each numbered from 1: the fragment
    # resolves when one of them has the clause.
    sections, firsts = _sections(res).get(head, ([], {}))
    if sections:
        if not rest:
            return None
        # only a section that has the first label can have the rest
        for n in firsts.get(rest[0].lower(), ()):
            where, noun, entries = sections[n]
            if _walk_labels(entries, rest, where, noun) is None:
                return None
        # why not, section by section: the first few (a hostile file may
        # have thousands of sections of one verb)
        reasons = [_walk_labels(e, rest, where, noun) or "" for where, noun, e in sections[:3]]
        if len(sections) > 3:
            reasons.append(
                tr(
                    "nor in the {count} other sections '{verb}'",
                    count=format(len(sections) - 3, ","),
                    verb=head,
                )
            )
        return _separator().join(reasons)
    verbs = [verb for verb, _ in res.preamble] + [verb for verb, _, _ in res.operative]
    return tr(
        "has no section '{verb}' (its sections: {verbs})",
        verb=head,
        verbs=", ".join(verbs) or tr("none"),
    )


def _cited(ctx: CorpusContext, ref: mk.ResolutionRef) -> Summary | None:
    """The cited resolution: its version in the citing file's language, else any."""
    return ctx.index.version(ref.body, ref.number, ctx.summary.language)


Target = tuple[tuple[mk.ResolutionRef, ...], int | None, tuple[str, ...]]


def _citations(ctx: CorpusContext) -> Iterator[tuple[tuple[str | int, ...], int, str, Target]]:
    """(path, offset, words, parsed target) of every well-formed citation of the file."""
    parsed: dict[str, Target | str] = ctx.memo_run("citation-targets", dict)
    only = ctx.only
    for path, start, text, target in ctx.summary.cites:
        found = parsed.get(target)
        if found is None:
            found = parsed[target] = mk.parse_target(target)
        if isinstance(found, str):
            continue
        if only is not None:
            refs = tuple(r for r in found[0] if (r.body, r.number) in only)
            if not refs:
                continue
            found = (refs, found[1], found[2])
        yield path, start, text, found


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
    missing from the corpus. The finding points at the citation.

    Failing (the cited resolution has no clause 7 in *resolves*)::

        text: >-
          conformément au [décide 7 de la Résolution 191](pp:191#resolves/7);

    Passing::

        text: >-
          conformément au [décide 3 de la Résolution 191](pp:191#resolves/3);
    """
    scope = _scope(ctx)
    for path, start, text, (refs, _, fragment) in _citations(ctx):
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
                        help=tr("check the body and the number, or add the resolution"),
                    )
                continue
            if fragment:
                why = resolve_fragment(found, fragment)
                if why is not None:
                    target = f"{ref}#{'/'.join(fragment)}"
                    yield Finding(
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
                        help=tr(
                            "correct the part the citation names (after '#') and its words, "
                            "or the cited resolution"
                        ),
                    )


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

    Failing (WTDC Resolution 5 was revised at Dubai in 2014, not 2013)::

        text: >-
          [la Résolution 5 (Rév. Dubaï, 2013) de la présente Conférence](wtdc:5@2013)

    Passing::

        text: >-
          [la Résolution 5 (Rév. Dubaï, 2014) de la présente Conférence](wtdc:5@2014)
    """
    for path, start, text, (refs, year, _) in _citations(ctx):
        if year is None:
            continue
        for ref in refs:
            cited = _cited(ctx, ref)
            if cited is None:
                continue
            if year in cited.revision_years():
                continue
            first_event, _, first_year = cited.history[0]
            if first_event != "adopted" and year < first_year:
                continue  # the partly known history does not say
            known = ", ".join(
                f"{place} {when}" for event, place, when in cited.history if event != "abrogated"
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
                help=tr(
                    "correct the year (@YEAR) and the words, or the cited resolution's history"
                ),
            )


def _join(numbers: list[str] | tuple[str, ...]) -> str:
    return ",".join(numbers)


def _separator() -> str:
    # TRANSLATORS: between two reasons of one finding ("has no clause '3' in ...; has no ...").
    return tr("; ")


def either(names: list[str]) -> str:
    """'a', 'a or b', 'a, b or c' in the current language."""
    if len(names) < 2:
        return "".join(names)
    return tr("{first} or {last}", first=", ".join(names[:-1]), last=names[-1])


def _list(items: list[str]) -> str:
    """'17, 26 and 44'."""
    if len(items) == 1:
        return items[0]
    return tr("{first} and {last}", first=", ".join(items[:-1]), last=items[-1])


@rule(
    "reference-text",
    "error",
    "the words of a citation name another body, number, revision or clause than its target",
)
def reference_text(ctx: Context) -> Iterator[Finding]:
    """The words of a citation ``[words](target)`` and its target must agree on
    the body, the numbers, the revision year and the clause (see the module
    docstring for what the words are taken to state).

    Failing (the words say 2012, the target 2017)::

        text: >-
          [la Résolution 57 (Rév.Dubaï, 2012) de l'AMNT](wtsa:57@2017) sur le renforcement

    Passing::

        text: >-
          [la Résolution 57 (Rév.Dubaï, 2012) de l'AMNT](wtsa:57@2012) sur le renforcement
          et [les Résolutions 17, 26, 44 et 45 (Rév.Dubaï, 2012)](wtsa:17,26,44,45@2012)
    """
    lang = ctx.resolution.language
    if lang not in ("en", "fr", "es"):
        return
    from itures.importers.extract import read_citations  # the import grammars: on demand

    own = ctx.resolution.body
    for t in texts(ctx):
        for span in t.spans:
            if not isinstance(span, mk.Citation):
                continue
            readings = read_citations(span.text, lang, own)
            if not readings:
                continue
            why: list[str] = []
            body = span.body
            numbers = [n for r in readings for n in r.numbers]
            cited = [ref.number for ref in span.resolutions]
            if {n.replace("‑", "-") for n in numbers} != set(cited):
                if len(numbers) > 1:
                    said = tr(
                        "numbers {words}, the target {target}",
                        words=_list(numbers),
                        target=_list(cited),
                    )
                else:
                    said = tr(
                        "number {words}, the target {target}",
                        words=_list(numbers),
                        target=_list(cited),
                    )
                why.append(said)
            named = {r.body for r in readings if r.body is not None}
            allowed = [r.conference for r in readings if r.body is None and r.conference]
            if named and span.body not in named:
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
            if span.year is not None and years and span.year not in years:
                year = years[0]
                why.append(
                    tr(
                        "revision {words}, the target {target}",
                        words=_list([str(y) for y in years]),
                        target=span.year,
                    )
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
            if not why:
                continue
            right = f"{body}:{_join(numbers)}" + (f"@{year}" if year else "")
            right += f"#{'/'.join(fragment)}" if fragment else ""
            yield Finding(
                t.path,
                tr(
                    "the words '{words}' and their target ({target}) disagree: the words say {why}",
                    words=short(span.text, 8),
                    target=span.target,
                    why=_separator().join(why),
                ),
                offset=span.start,
                length=span.end - span.start,
                help=tr("correct the words, or the target to {right}", right=right),
            )
