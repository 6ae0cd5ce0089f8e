"""Inline markup that cannot be read."""

from __future__ import annotations

from collections.abc import Iterator

from itures.rules import Context, Finding, rule
from itures.rules._walk import marked


@rule(
    "markup",
    "error",
    "inline markup that cannot be read: a malformed citation target, an unclosed [^",
)
def check_markup(ctx: Context) -> Iterator[Finding]:
    """A citation ``[text](target)`` needs a target ``BODY:NUMBER[@YEAR][#FRAGMENT]``,
    in that order: a revision after the fragment (``wtsa:57#resolves/9@2012``)
    is reported with the right order (``wtsa:57@2012#resolves/9``), whether or
    not the corpus has the resolution. A footnote marker ``[^`` needs its
    closing ``]``.

    Failing::

        text: la [Résolution 123](PP 123) de la Conférence de plénipotentiaires;
        text: le [décide 9 de la Résolution 57](wtsa:57#resolves/9@2012);

    Passing::

        text: la [Résolution 123](pp:123@2010) de la Conférence de plénipotentiaires;
        text: le [décide 9 de la Résolution 57](wtsa:57@2012#resolves/9);
    """
    for t in marked(ctx):  # (a text with no '[' has no markup)
        for problem in t.problems:
            yield Finding(
                t.path,
                problem.message,
                offset=problem.start,
                length=problem.end - problem.start,
                help=problem.help or None,
            )
