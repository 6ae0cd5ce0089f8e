"""Leftovers of Word or PDF conversion in text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from itures.rules import Context, Finding, rule
from itures.rules import labels as lb
from itures.rules._walk import lists, texts

_ARTEFACTS = re.compile(
    r"""
    (?P<bookmark>\[bookmark:[^\]]*\])               # Word text export: [bookmark: _Toc123]
    | (?P<fnref>\[footnoteRef:[^\]]*\])             # Word text export: [footnoteRef:1]
    | (?P<glued>(?<![0-9])(?:18|19|20)[0-9]{2}      # a year ...
        (?=[^\W\d_]))                               # ... glued to a word: 2014Buenos Aires
    """,
    re.VERBOSE,
)

# What every artefact above holds: a bracket or an ASCII digit (a quick test
# that spares the full pattern on most texts).
_MAYBE = re.compile(r"[\[0-9]")

# A label at the very start of a text: 'a) ', '(b) ', 'ii) ', 'abis) '.
_LEADING_LABEL = re.compile(r"^\(?(?:[a-z]|[ivx]+)(?:bis|ter|quater)?\)\s")


def _leading_label(label: str | None, text: str) -> str | None:
    """The label-like start of ``text``: its own label, or (for an unlabelled
    entry, whose label a conversion left in the text) any label."""
    head = text.lstrip()
    if label:
        own = label.strip()
        if head.startswith(own) and head[len(own) : len(own) + 1].isspace():
            rest = head[len(own) :].lstrip()
            # '1 000 participants' is text; '1 de mener' is a label left behind
            if not rest[:1].isdigit():
                return own
    m = _LEADING_LABEL.match(head) if not label else None
    if m and lb.read(m.group(0).strip()) is not None:
        return m.group(0).strip()
    return None


@rule(
    "conversion-artefact",
    "error",
    "leftovers of Word or PDF conversion: [bookmark: …], [footnoteRef:…], '2014Buenos Aires', "
    "a label left in the text",
)
def conversion_artefact(ctx: Context) -> Iterator[Finding]:
    """Text that a conversion left behind: Word's ``[bookmark: …]`` and
    ``[footnoteRef:…]``, a year glued to the next word ("2014Buenos Aires",
    the trace of a tracked change: record the revision in ``history`` and
    keep the revised text), and a label left at the start of an entry's text
    ("a) the …" in the text of item a): the label belongs in ``label``).

    Failing::

        - label: a)
          text: a) the strategic plan of the Union[bookmark: _Toc1];

    Passing::

        - label: a)
          text: the strategic plan of the Union;
    """
    for t in texts(ctx):
        if not _MAYBE.search(t.text):
            continue
        for m in _ARTEFACTS.finditer(t.text):
            if m.group("bookmark"):
                msg = f"Word bookmark {m.group(0)!r} left in the text; delete it"
            elif m.group("fnref"):
                msg = (
                    f"Word footnote reference {m.group(0)!r} left in the text; write the "
                    "marker [^ID] and the footnote's text under footnotes"
                )
            else:
                end = m.end()
                word = re.match(r"\w+", t.text[end:])
                glued = t.text[m.start() : end + (word.end() if word else 0)]
                msg = (
                    f"year glued to a word: {glued!r}, the trace of a tracked change or of a "
                    "lost space; keep the revised text (and record the revision in history)"
                )
            yield Finding(t.path, msg, offset=m.start())
    for lst in lists(ctx):
        for entry in lst.entries:
            left = _leading_label(entry.label, entry.text)
            if left is not None:
                start = len(entry.text) - len(entry.text.lstrip())
                which = f"{lst.noun} {entry.label}" if entry.label else f"the unlabelled {lst.noun}"
                yield Finding(
                    (*entry.path, "text"),
                    f"the text of {which} of {lst.where()} starts with the label {left!r}; "
                    "remove it from the text (the label belongs in 'label')",
                    offset=start,
                )
