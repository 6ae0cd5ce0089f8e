"""Lists of identifiers in which a repeated entry is a mistake.

An ``actors`` or ``partners`` list names each actor once: a second ``tdag``
adds nothing, and is usually a copy-paste that hides the actor meant
(``tsag``, say). An actor both addressed (``actors``) and named to act with
them (``partners``) in one section or clause says two things at once.

Other lists of identifiers have their own rules: footnote ids
(``footnote-duplicate``), labels (``numbering-duplicate``), identities of
files (``identity-duplicate``).
"""

from __future__ import annotations

from collections.abc import Iterator

from itures.i18n import tr
from itures.rules import Context, Finding, Place, rule
from itures.rules._walk import clauses_of
from itures.rules.actors import mismatches

Path = tuple[str | int, ...]


def _repeats(path: Path, key: str, ids: list[str]) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for i, actor in enumerate(ids):
        if actor in first:
            yield Finding(
                (*path, key, i),
                tr(
                    "actor '{actor}' is listed twice in {list} (entries {first} and {second})",
                    actor=actor,
                    list=key,
                    first=first[actor] + 1,
                    second=i + 1,
                ),
                help=tr("remove the repeated entry, or write the actor that was meant"),
                related=(
                    Place((*path, key, first[actor]), tr("the first '{actor}'", actor=actor)),
                ),
            )
        else:
            first[actor] = i


def _both(path: Path, actors: list[str], partners: list[str]) -> Iterator[Finding]:
    for i, actor in enumerate(partners):
        if actor in actors and actor not in partners[:i]:  # a repeat is reported once
            yield Finding(
                (*path, "partners", i),
                tr(
                    "actor '{actor}' is both addressed (actors) and named as a partner",
                    actor=actor,
                ),
                help=tr("keep it in one of the two lists: actors or partners"),
                related=(
                    Place(
                        (*path, "actors", actors.index(actor)),
                        tr("'{actor}' among the actors", actor=actor),
                    ),
                ),
            )


@rule("actor-duplicate", "error", "an actor listed twice in one list, or as actor and partner")
def actor_duplicate(ctx: Context) -> Iterator[Finding]:
    """An ``actors`` or ``partners`` list (of an operative section or a clause)
    that names one actor twice, or an actor that is in both ``actors`` and
    ``partners`` of one section or clause. The finding points at the repeated
    entry (the partner, for an actor in both lists). An actor repeated, or
    in both lists, of a section or clause that ``actor-mismatch`` reports
    (the words name other actors: one mistyped as a partner, 'tsag' for
    'tdag'; 'member-states' written twice where the heading names Sector
    Members too) is that rule's one finding, whose fix writes the lists the
    words say.

    Failing::

        actors: [tdag, tdag]

    Passing::

        actors: [tdag, tsag]
    """
    places: list[tuple[Path, list[str], list[str]]] = [
        (("operative", s), osec.actors, osec.partners)
        for s, osec in enumerate(ctx.resolution.operative)
        if osec.partners or len(osec.actors) > 1
    ]
    places.extend(
        (cpath, clause.actors, clause.partners)
        for cpath, clause in clauses_of(ctx)
        if clause.partners or len(clause.actors) > 1  # (most clauses: nothing to compare)
    )
    told: set[Path] | None = None
    for path, actors, partners in places:
        repeated = len(set(actors)) < len(actors) or len(set(partners)) < len(partners)
        if not repeated and not (actors and partners):
            continue
        if told is None:
            # an actor repeated, or in both lists, where the words name others
            # (an actor mistyped as another: 'tsag' for 'tdag', 'member-states'
            # twice for 'member-states, sector-members'): actor-mismatch gives
            # the lists the words say (one defect)
            config = ctx.config
            told = (
                {f.path[:-1] for f in mismatches(ctx)}
                if config is None or config.enabled("actor-mismatch")
                else set()
            )
        if path in told:
            continue
        yield from _duplicates(path, actors, partners)
        if actors and partners:
            yield from _both(path, actors, partners)


def _duplicates(path: Path, actors: list[str], partners: list[str]) -> Iterator[Finding]:
    """The repeats of one section or clause (an actor in both lists is
    :func:`_both`'s): a list of one actor repeats none; a list without a
    repeat (most) is told by a set of it, not a walk."""
    if len(actors) > 1 and len(set(actors)) < len(actors):
        yield from _repeats(path, "actors", actors)
    if len(partners) > 1 and len(set(partners)) < len(partners):
        yield from _repeats(path, "partners", partners)
