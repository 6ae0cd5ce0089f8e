"""Inline markup that cannot be read."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from itures.i18n import tr
from itures.model import markup as mk
from itures.model.resolution import Resolution
from itures.rules import Context, Finding, rule
from itures.rules._walk import joined, marked, texts

# What a citation's target needs in a text with no '[' (a quick test, in the
# joined form of the file's texts, where a digit is '0' and ':' is ';'): '(',
# a body, ':', a number.
_TARGET_QUICK = re.compile(rb"\((?=[a-z][a-z0-9-]*;[0A-Za-z])")


# a citation's target that starts with its fragment: "](#resolves/9)"
_OWN_PART = re.compile(r"\]\((#[A-Za-z_]+(?:/[\w.]+)*)\)")


@rule(
    "markup",
    "error",
    "inline markup that cannot be read: a malformed citation target, an unclosed [^, a "
    "citation's markup cut by a lost bracket",
)
def check_markup(ctx: Context) -> Iterator[Finding]:
    """A citation ``[text](target)`` needs a target ``BODY:NUMBER[@YEAR][#FRAGMENT]``
    (what another rule reads as plain text in a citation whose target cannot
    be read, "wtdc45" a compound's hyphen lost, is this finding's),
    in that order: a revision after the fragment (``wtsa:57#resolves/9@2012``)
    is reported with the right order (``wtsa:57@2012#resolves/9``), whether or
    not the corpus has the resolution. A footnote marker ``[^`` needs its
    closing ``]``. A citation's target left in the text by a lost bracket is
    read as text, the citation with it: ``la Résolution 5](wtdc:5@2014)``
    (no '[': in English, French and Spanish the help names the words the
    import grammar reads before it, where the '[' goes), ``[la Résolution 5(wtdc:5@2014)`` (no ']'), ``[la Résolution
    5] (wtdc:5@2014)`` (a blank after ']'), ``(wtdc:5@2014)`` alone,
    ``[la Résolution 5](wtdc:5@2014 sur`` (no ')' after the target),
    ``[la Résolution 5](wtdc:5@2014]`` (']' for ')'), ``[la Résolution
    5]wtdc:5@2014)`` (no '('), ``[la Résolution 5](wtdc:5(2014))`` (a
    parenthesis typed inside the target: the year is written ``@2014``, the
    quick fix), ``[la Résolution 5 [Rév. 2014]](wtdc:5)`` (brackets inside
    the words: written as parentheses), ``[la Résolution 5[^1]](wtdc:5)``
    (a footnote marker inside the words: written after the citation), each is reported, with the bracket to write (not as a citation in plain words:
    see ``reference-unmarked``, nor as a parenthesis not closed). A parenthesis that reads as no target
    ("(note: see)", "(http://…)") is text. A target that reads once a blank
    typed inside it is deleted (``pp:196 @2018``), or a mark left at its end
    (``pp:191#resolves/3/``; a number or a clause ends with a letter or a
    digit), or written in digits of another script or width
    (``pp:١٥٠@٢٠١٤``: a target writes 0 to 9, whatever its text's language;
    the quick fix writes them, and punctuation's other digits finding does
    not also point inside the target), is told the target to write, one
    finding; so is a part of this resolution cited by its fragment alone,
    as a link inside a page is (``[le point 9 du décide](#resolves/9)``:
    write ``wtdc:59#resolves/9``). A footnote marker whose id is typed in
    characters of another width (``[^１]``, an East Asian input method's) is
    the marker of its note, told the marker to write: the note is marked,
    and punctuation does not also report its digit. The same problem pasted again and
    again (``](pp:1)](pp:1)](pp:1)``, blanks allowed between) is one finding
    that counts them. A citation not read is this rule's: language-mismatch
    does not also say that the text cites less than its other versions.

    Failing::

        text: la [Résolution 123](PP 123) de la Conférence de plénipotentiaires;
        text: le [décide 9 de la Résolution 57](wtsa:57#resolves/9@2012);
        text: la Résolution 5 de la présente Conférence](wtdc:5@2014);

    Passing::

        text: la [Résolution 123](pp:123@2010) de la Conférence de plénipotentiaires;
        text: le [décide 9 de la Résolution 57](wtsa:57@2012#resolves/9);
    """
    found = [(t, t.problems) for t in marked(ctx) if t.problems]
    # a target left in a text with no '[' (so with no markup read): its own test
    form = joined(ctx)
    if b"(" in form.form:
        all_texts = texts(ctx)
        for i in form.holding(_TARGET_QUICK):
            t = all_texts[i]
            if "[" not in t.text and t.path[-1] != "place":
                stray = mk.stray_targets(t.text)
                if stray:
                    found.append((t, tuple(stray)))
    no_open = tr("write '[' before the words it cites (which hold no '[' or ']')")
    for t, problems in found:
        for problem, count, end in _runs(t.text, problems):
            message, help_ = problem.message, problem.help or None
            if help_ == no_open:
                words = _words_before(t.text, problem.start, ctx.resolution)
                if words is not None:
                    help_ = tr("write '[' before {words}", words=f"'{words}'")
            own = _OWN_PART.search(t.text, problem.start, max(end, problem.start + 1) + 1)
            if own is not None and count == 1:
                # "[le point 9 du décide](#resolves/9)": a part of this resolution, cited
                # without its body and number
                res = ctx.resolution
                help_ = tr(
                    "write the target {right}: a citation of a part of this resolution names "
                    "the resolution too",
                    right=repr(f"{res.body}:{res.number}{own.group(1)}"),
                )
            if count > 1:
                message = tr("{message} ({count} in a row)", message=message, count=count)
                help_ = tr(
                    "keep one, delete the {extra} repeated after it; then: {help}",
                    extra=count - 1,
                    help=problem.help,
                )
            yield Finding(
                t.path,
                message,
                offset=problem.start,
                length=end - problem.start,
                help=help_,
                # (a citation not read: the versions' citations differ here because of it)
                flagging=problem.citation,
            )


def _words_before(text: str, at: int, res: Resolution) -> str | None:
    """The words of a citation that end at ``at`` (where a ']' closes no
    '['), as the import grammar of the file's language reads them ("resolves
    2 of Resolution 58 (Rev. Busan, 2014)"); None in a language without a
    grammar, or when none ends there."""
    if res.language not in ("en", "fr", "es"):
        return None
    from itures.importers.extract import mark_citations  # the import grammars

    before = text[:at].rstrip()
    _, cited = mark_citations(before, res.language, res.body)
    last = cited[-1] if cited else None
    if last is None or last.end != len(before):
        return None
    return last.words


def _runs(
    text: str, problems: Iterable[mk.MarkupProblem]
) -> Iterator[tuple[mk.MarkupProblem, int, int]]:
    """The problems of a text, a run of the same one (the same markup pasted
    again and again: ``](pp:1)](pp:1)](pp:1)``, blanks allowed between) as
    its first with how many and where the last ends: one defect, one
    finding, not thousands."""
    run: mk.MarkupProblem | None = None
    count, end = 0, 0
    for problem in problems:
        if (
            run is not None
            and problem.message == run.message
            and problem.start >= end
            and not text[end : problem.start].strip()
            and text[problem.start : problem.end] == text[run.start : run.end]
        ):
            count, end = count + 1, problem.end
            continue
        if run is not None:
            yield run, count, end
        run, count, end = problem, 1, problem.end
    if run is not None:
        yield run, count, end
