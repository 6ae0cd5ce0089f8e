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
"""

from __future__ import annotations

from collections.abc import Iterator

from itures.model import markup as mk
from itures.model.resolution import Clause, Item, Resolution
from itures.rules import Context, Finding, rule
from itures.rules import labels as lb
from itures.rules._walk import bodies, short, texts


def _scope(ctx: Context) -> frozenset[str]:
    scope = ctx.config.reference_scope if ctx.config is not None else frozenset()
    if "*" in scope:
        return (scope - {"*"}) | bodies(ctx)
    return scope


def _child(
    entries: list[Item] | list[Clause], seg: str, parent: str | None
) -> Item | Clause | None:
    for entry in entries:
        if entry.label is None:
            continue
        label = lb.fragment_segment(entry.label)
        if label == seg.lower():
            return entry
        if parent and label.startswith(parent + ".") and label[len(parent) + 1 :] == seg:
            return entry
    return None


def _labels(entries: list[Item] | list[Clause]) -> str:
    found = [e.label for e in entries if e.label]
    return ", ".join(found) if found else "none labelled"


def _walk_labels(
    entries: list[Item] | list[Clause], segs: tuple[str, ...], where: str, noun: str
) -> str | None:
    parent: str | None = None
    for seg in segs:
        entry = _child(entries, seg, parent)
        if entry is None:
            return f"has no {noun} '{seg}' in {where} (its {noun}s: {_labels(entries)})"
        parent = lb.fragment_segment(entry.label or "")
        where = f"{noun} {entry.label} of {where}"
        entries = entry.clauses if isinstance(entry, Clause) else entry.items
    return None


def resolve_fragment(res: Resolution, fragment: tuple[str, ...]) -> str | None:
    """Why ``fragment`` does not exist in ``res`` (None when it does)."""
    if not fragment:
        return None
    head, rest = fragment[0], fragment[1:]
    if head == "annex":
        if not res.annexes:
            return "has no annex"
        if not rest:
            return None
        seg = rest[0].lower()
        for annex in res.annexes:
            if (annex.label is None and seg == "1" and len(res.annexes) == 1) or (
                annex.label is not None and lb.fragment_segment(annex.label) == seg
            ):
                return _walk_labels(annex.items, rest[1:], f"annex {rest[0]}", "paragraph")
        labels = ", ".join(a.label or "(unlabelled)" for a in res.annexes)
        return f"has no annex '{rest[0]}' (its annexes: {labels})"
    # Several sections may share a verb ("instructs the Secretary-General",
    # "instructs the Director of BDT"), each numbered from 1: the fragment
    # resolves when one of them has the clause.
    reasons: list[str] = []
    for psec in res.preamble:
        if psec.verb == head:
            reasons.append(_walk_labels(psec.items, rest, f"'{psec.verb}'", "item") or "")
    for osec in res.operative:
        if osec.verb == head:
            where = f"'{osec.heading}'" if _shared(res, head) else f"'{osec.verb}'"
            reasons.append(_walk_labels(osec.clauses, rest, where, "clause") or "")
    if reasons:
        return None if "" in reasons else "; ".join(reasons)
    verbs = [s.verb for s in res.preamble] + [s.verb for s in res.operative]
    return f"has no section '{head}' (its sections: {', '.join(verbs) or 'none'})"


def _shared(res: Resolution, verb: str) -> bool:
    return sum(1 for sec in res.operative if sec.verb == verb) > 1


def _cited(ctx: Context, ref: mk.ResolutionRef) -> tuple[str, Resolution] | None:
    if ctx.index is None:
        return None
    versions = ctx.index.languages(ref.body, ref.number)
    if not versions:
        return None
    found = versions.get(ctx.resolution.language)
    return found if found is not None else next(iter(versions.values()))


def _citations(ctx: Context) -> Iterator[tuple[tuple[str | int, ...], mk.Citation]]:
    for t in texts(ctx):
        for span in t.spans:
            if isinstance(span, mk.Citation):
                yield t.path, span


@rule(
    "reference-unresolved",
    "error",
    "a citation of a resolution, clause or annex that the corpus does not have",
)
def reference_unresolved(ctx: Context) -> Iterator[Finding]:
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
    for path, cite in _citations(ctx):
        for ref in cite.resolutions:
            found = _cited(ctx, ref)
            if found is None:
                if ref.body in scope:
                    yield Finding(
                        path,
                        f"'{short(cite.text, 6)}' cites {ref}, which the corpus does not have "
                        f"({ref.body} is in the reference scope); check the body and the "
                        "number, or add the resolution",
                        offset=cite.start,
                    )
                continue
            if cite.fragment:
                why = resolve_fragment(found[1], cite.fragment)
                if why is not None:
                    yield Finding(
                        path,
                        f"'{short(cite.text, 6)}' cites {ref}#{'/'.join(cite.fragment)}, "
                        f"but {ref} ({found[0]}) {why}",
                        offset=cite.start,
                    )


@rule(
    "reference-revision",
    "error",
    "a citation of a revision that the cited resolution's history does not have",
)
def reference_revision(ctx: Context) -> Iterator[Finding]:
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
    for path, cite in _citations(ctx):
        if cite.year is None:
            continue
        for ref in cite.resolutions:
            found = _cited(ctx, ref)
            if found is None:
                continue
            cited_path, cited = found
            years = cited.revision_years()
            if cite.year in years:
                continue
            first = cited.history[0]
            if first.event != "adopted" and cite.year < first.year:
                continue  # the partly known history does not say
            known = ", ".join(
                f"{h.place} {h.year}" for h in cited.history if h.event != "abrogated"
            )
            yield Finding(
                path,
                f"'{short(cite.text, 6)}' cites {ref} as of {cite.year}, but its history "
                f"({cited_path}) has {known or 'no revision'}; correct the year (@YEAR) "
                "and the words, or the cited resolution's history",
                offset=cite.start,
            )
