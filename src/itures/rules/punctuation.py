"""ITU end-of-item punctuation, and doubled marks.

The convention, as the PP-18 Final Acts follow it:

* ``;`` ends an entry inside a list (every entry but the last);
* ``,`` ends the last entry of a preambular section, and of an operative
  section that is not the last;
* ``.`` ends the resolution: the last entry of the last operative section;
* ``:`` ends an entry that introduces a sub-list; the sub-list's last entry
  then ends as its parent would have (``;``, ``,`` or ``.``). The parent may
  also end with that mark itself;
* the conference formula ends with ``,``.

The mark is found by looking through trailing spaces, footnote markers and
closing quotes (``développés";`` and ``développés;"`` both end with ``;``).
Marks are recognised in every script of the six languages (``，；。：`` in
Chinese, ``،؛`` in Arabic). Annex paragraphs and footnotes are prose and are
not checked.

A wrong end mark is a warning (the published text may have it); a doubled
mark (",;", ";,") is an error: the trace of a tracked change, a struck mark
left beside the inserted one.

Decision: an entry followed by a label out of sequence (``numbering-gap``,
``numbering-duplicate``) is not checked for its end mark. The seed's clause 2
of *charge…* ends with ',' (as the last clause of a section does) because the
stray "5" after it is likely a clause of another section: one defect, one
finding, and the numbering message mentions the ','.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from itures.rules import Context, Finding, rule
from itures.rules._walk import COLON, COMMA, PERIOD, SEMICOLON, LabelledList, end_mark, lists
from itures.rules.numbering import analyse

_DOUBLED = re.compile(r"[,;،؛，；][,;:،؛，；：]|[:：][,;،؛，；]")

_NAMES = {COMMA: "','", SEMICOLON: "';'", PERIOD: "'.'", COLON: "':'"}


def _final_mark(lst: LabelledList) -> str:
    if lst.part == "preamble":
        return COMMA
    return PERIOD if lst.last_section else COMMA


def _why(expected: str, last: bool, lst: LabelledList) -> str:
    noun = lst.noun
    if not last:
        article = "an" if noun[0] in "aeiou" else "a"
        return f"{article} {noun} inside a list ends with ';'"
    if lst.parent is not None:
        return f"the last {noun} of a sub-list ends as the {noun} it belongs to would"
    if expected == PERIOD:
        return "the last clause of the resolution ends with '.'"
    if lst.part == "preamble":
        return "the last item of a preambular section ends with ','"
    return "the last clause of an operative section that is not the last ends with ','"


def _check_list(
    lst: LabelledList, final: str, anomalies: set[tuple[str | int, ...]]
) -> Iterator[Finding]:
    entries = lst.entries
    for i, entry in enumerate(entries):
        last = i == len(entries) - 1
        expected = final if last else SEMICOLON
        mark, offset = end_mark(entry.text)
        if not last and entries[i + 1].path in anomalies:
            continue  # reported by the numbering rules (see the module docstring)
        allowed = expected + COLON if entry.children else expected
        if mark is None or mark not in allowed:
            found = f"'{mark}'" if mark else "no mark"
            which = f"{lst.noun} {entry.label}" if entry.label else f"the {lst.noun}"
            want = _NAMES[expected] + (" or ':'" if entry.children else "")
            why = _why(expected, last, lst)
            if mark is not None and mark in COLON:
                why += f"; ':' introduces a sub-list, and this {lst.noun} has none"
            yield Finding(
                (*entry.path, "text"),
                f"{which} of {lst.where()} ends with {found}; expected {want} ({why})",
                offset=offset,
            )


@rule("punctuation", "warning", "ITU end-of-item punctuation; doubled marks such as ',;'")
def punctuation(ctx: Context) -> Iterator[Finding]:
    """End-of-entry punctuation by the ITU convention: ``;`` inside a list,
    ``,`` at the end of a preambular section and of an operative section that
    is not the last, ``.`` at the very end, ``:`` before a sub-list. A wrong
    end mark is a warning; a doubled mark (",;", ";,") is an error.

    Failing::

        - label: d)
          text: des ressources financières et des ressources humaines,;
        - label: e)
          text: les résultats des travaux des commissions d'études;

    Passing::

        - label: d)
          text: des ressources financières et des ressources humaines;
        - label: e)
          text: les résultats des travaux des commissions d'études,
    """
    res = ctx.resolution
    anomalies = analyse(ctx).anomalies
    finals: dict[int, str] = {}
    for lst in lists(ctx):
        if lst.part == "annex":
            continue
        final = _final_mark(lst) if lst.parent is None else finals.get(id(lst.parent), SEMICOLON)
        for i, entry in enumerate(lst.entries):
            if entry.children:
                finals[id(entry)] = final if i == len(lst.entries) - 1 else SEMICOLON
        yield from _check_list(lst, final, anomalies)
    if res.conference is not None:
        mark, offset = end_mark(res.conference)
        if mark is None or mark not in COMMA:
            yield Finding(
                ("conference",),
                f"the conference formula ends with {repr(mark) if mark else 'no mark'}; "
                "expected ','",
                offset=offset,
            )
    for t in _texts_for_doubles(ctx):
        for m in _DOUBLED.finditer(t[1]):
            yield Finding(
                t[0],
                f"doubled punctuation {m.group(0)!r}, the trace of a tracked change; keep "
                "the mark of the revised text",
                offset=m.start(),
                severity="error",
            )


def _texts_for_doubles(ctx: Context) -> Iterator[tuple[tuple[str | int, ...], str]]:
    from itures.rules._walk import texts

    for t in texts(ctx):
        if t.path[-1] == "place":
            continue
        yield t.path, t.text
