"""Footnotes: markers without text, texts without markers, duplicate ids,
markers out of order, and what a conversion left of a footnote beside its
marker or in its text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from itures import textscan
from itures.i18n import listing, replacements, tr
from itures.model import markup as mk
from itures.model.resolution import Footnote
from itures.rules import Context, Finding, Place, rule
from itures.rules._walk import Text, marked, pasted_notes, scans, texts
from itures.rules._walk import joined as joined_texts
from itures.suggest import one_slip


def _marked(ctx: Context) -> dict[str, int]:
    """How many markers name each footnote id (a footnote's marker in its
    own text is not one: a footnote cannot be called from itself)."""

    def compute() -> dict[str, int]:
        counts: dict[str, int] = {}
        notes = ctx.resolution.footnotes
        for t in marked(ctx):  # (a text with no '[' has no marker)
            own = notes[int(t.path[1])].id if t.path[0] == "footnotes" else None
            for span in t.spans:
                if isinstance(span, mk.FootnoteRef):
                    if span.id == own:
                        continue
                    counts[span.id] = counts.get(span.id, 0) + 1
                elif isinstance(span, mk.Text) and "[^" in span.text:
                    # a marker with blanks in it ([^ 1]): markup reports it
                    for m in mk.LOOSE_MARKER.finditer(span.text):
                        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        return counts

    result: dict[str, int] = ctx.memo("footnote-markers", compute)
    return result


# Characters that a footnote's id is mistyped with, one for the other ("l" for "1")
_LOOKALIKE = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0"})
# How many (marker, footnote) pairs of ids _paired compares at most
_PAIRS_COMPARED = 10_000


def _duplicate_meant(ctx: Context) -> dict[int, str]:
    """The footnote whose id repeats an earlier one's, when it is the only
    such footnote and one marker alone names no footnote: its index -> that
    marker's id (an id mistyped: "'1'" for "'2'"). One defect, one finding:
    ``footnote-duplicate`` says it, and ``footnote-undefined`` leaves the
    marker."""

    def compute() -> dict[int, str]:
        notes = ctx.resolution.footnotes
        seen: set[str] = set()
        again = []
        for f, note in enumerate(notes):
            if note.id in seen:
                again.append(f)
            seen.add(note.id)
        if len(again) != 1:
            return {}
        undefined = {
            span.id
            for t in marked(ctx)
            for span in t.spans
            if isinstance(span, mk.FootnoteRef) and span.id and span.id not in seen
        }
        return {again[0]: undefined.pop()} if len(undefined) == 1 else {}

    found: dict[int, str] = ctx.memo("footnote-duplicate-meant", compute)
    return found


def _paired(ctx: Context) -> dict[str, int]:
    """The markers of no footnote whose id is a mistyping of the id of a
    footnote marked nowhere (or the other way round): the marker's id -> the
    footnote's index. One defect, one finding: ``footnote-undefined`` reports
    the marker, naming the footnote; ``footnote-unused`` leaves the footnote.
    Paired: ids one slip of typing apart (``12`` and ``21``, ``1a`` and
    ``1b``), or alike but for a letter for a digit (``l`` and ``1``); and a
    file's only such marker with its only such footnote. A file of more than
    :data:`_PAIRS_COMPARED` pairs of such ids (thousands of both) is not
    compared: its markers and footnotes are reported each on its own."""

    def compute() -> dict[str, int]:
        notes = ctx.resolution.footnotes
        ids = {f.id for f in notes}
        undefined: dict[str, None] = {}
        for t in marked(ctx):
            for span in t.spans:
                if isinstance(span, mk.FootnoteRef) and span.id and span.id not in ids:
                    undefined[span.id] = None
        if not undefined:
            return {}
        markers = _marked(ctx)
        unused: dict[str, int] = {}
        for f, note in enumerate(notes):
            if note.id not in markers and note.id not in unused:
                unused[note.id] = f
        unused = {i: f for i, f in unused.items() if _broken_marker(ctx, i) is None}
        out: dict[str, int] = {}
        # (each marker against each footnote: a file of thousands of both, hostile
        # or left half-converted, is not compared; its findings stay two)
        if len(undefined) * len(unused) <= _PAIRS_COMPARED:
            for marker in undefined:
                for note_id in list(unused):
                    alike = marker.translate(_LOOKALIKE) == note_id.translate(_LOOKALIKE)
                    if alike or (min(len(marker), len(note_id)) > 1 and one_slip(marker, note_id)):
                        out[marker] = unused.pop(note_id)
                        break
        left = [m for m in undefined if m not in out]
        if len(left) == 1 and len(unused) == 1:
            out[left[0]] = next(iter(unused.values()))
        return out

    result: dict[str, int] = ctx.memo("footnote-pairs", compute)
    return result


def _markers_of(ctx: Context, fid: str) -> list[tuple[tuple[str | int, ...], int, int]]:
    """Where each marker of footnote ``fid`` is, in the order of the texts (a
    text's path, the marker's start and end), not counting one in the
    footnote's own text."""
    notes = ctx.resolution.footnotes
    out: list[tuple[tuple[str | int, ...], int, int]] = []
    for t in marked(ctx):
        own = notes[int(t.path[1])].id if t.path[0] == "footnotes" else None
        if fid == own:
            continue
        out.extend(
            (t.path, span.start, span.end)
            for span in t.spans
            if isinstance(span, mk.FootnoteRef) and span.id == fid
        )
    return out


def _marked_again(ctx: Context) -> tuple[int, str, tuple[tuple[str | int, ...], int, int]] | None:
    """The one footnote marked nowhere, when one other footnote alone is
    marked twice: a marker whose id was mistyped as the other's ("[^1]"
    for "[^2]", the first footnote then called twice). (The unmarked
    footnote's index, the id marked twice, the marker to retype: of the two,
    the one whose place fits the unmarked footnote's place in the list, the
    later when it comes after the other, the earlier when before.) None
    otherwise. One defect, one finding: ``footnote-unused`` says it at that
    marker, and the footnote is not also said to be marked nowhere."""

    def compute() -> tuple[int, str, tuple[tuple[str | int, ...], int, int]] | None:
        counts = _marked(ctx)
        twice = [fid for fid, n in counts.items() if n == 2]
        if len(twice) != 1 or any(n > 2 for n in counts.values()):
            return None
        notes = ctx.resolution.footnotes
        ids = [note.id for note in notes]
        unmarked = [f for f, note in enumerate(notes) if note.id not in counts]
        if len(unmarked) != 1 or len(set(ids)) != len(ids) or twice[0] not in ids:
            return None
        markers = _markers_of(ctx, twice[0])
        if len(markers) != 2:
            return None
        later = unmarked[0] > ids.index(twice[0])
        return unmarked[0], twice[0], markers[1] if later else markers[0]

    found: tuple[int, str, tuple[tuple[str | int, ...], int, int]] | None = ctx.memo(
        "footnote-marked-again", compute
    )
    return found


@rule("footnote-undefined", "error", "a footnote marker with no footnote text")
def footnote_undefined(ctx: Context) -> Iterator[Finding]:
    """A marker ``[^ID]`` names a footnote that the ``footnotes`` list does
    not have. The finding points at the marker. When a footnote is marked
    nowhere and its id is the marker's mistyped (``l`` for ``1``, ``21`` for
    ``12``; or the file's only such marker and only such footnote), the two
    are one defect: one finding, at the marker, naming the footnote, and
    ``footnote-unused`` leaves that footnote.

    Failing::

        text: entre pays en développement[^2] et pays développés;
        ...
        footnotes:
          - id: '1'
            text: Par pays en développement, on entend ...

    A marker whose ']' was lost ("développement[^1 et pays") is ``markup``'s
    finding, not also this one.

    Passing::

        text: entre pays en développement[^1] et pays développés;
        ...
        footnotes:
          - id: '1'
            text: Par pays en développement, on entend ...
    """
    ids = {f.id for f in ctx.resolution.footnotes}
    known = listing(sorted(ids)) or tr("none")
    paired = _paired(ctx)
    # (the marker of a footnote whose id was mistyped as another's: footnote-duplicate's)
    meant = set(_duplicate_meant(ctx).values()) if len(ids) < len(ctx.resolution.footnotes) else ()
    for t in marked(ctx):  # (a text with no '[' has no marker)
        for span in t.spans:
            if (
                not isinstance(span, mk.FootnoteRef)
                or span.id in ids
                or not span.id
                or span.id in meant
            ):
                continue
            f = paired.get(span.id)
            if f is not None:
                other = ctx.resolution.footnotes[f].id
                yield Finding(
                    t.path,
                    tr(
                        "footnote marker [^{id}] has no footnote with id '{id}', and footnote "
                        "'{other}' is marked nowhere: one footnote, its id mistyped in one of "
                        "the two places?",
                        id=span.id,
                        other=other,
                    ),
                    offset=span.start,
                    length=span.end - span.start,
                    help=tr(
                        "write one id in both places: the marker [^{other}], or the footnote's "
                        "id '{id}'",
                        id=span.id,
                        other=other,
                    ),
                    related=(
                        Place(
                            ("footnotes", f, "id"),
                            tr("footnote '{id}', marked nowhere", id=other),
                        ),
                    ),
                )
                continue
            yield Finding(
                t.path,
                tr(
                    "footnote marker [^{id}] has no footnote with id '{id}' (footnotes: {known})",
                    id=span.id,
                    known=known,
                ),
                offset=span.start,
                length=span.end - span.start,
                help=tr(
                    "add the footnote's text under footnotes with id '{id}', or correct the marker",
                    id=span.id,
                ),
            )


@rule("footnote-unused", "warning", "a footnote nobody marks")
def footnote_unused(ctx: Context) -> Iterator[Finding]:
    """A footnote whose id no marker ``[^ID]`` names: its anchor was lost
    (often in conversion). The finding points at the footnote's id; or,
    when a text holds its marker with a bracket or the caret lost (``^1``,
    ``^1]``, ``[1]``, ``countries1]``: read as text; in parentheses,
    ``countries(^1)``, or its number in them glued to the word,
    ``countries(1)``: the parentheses replaced too), or pasted as Word shows
    it, a superscript (``développement¹``: the marker written with the
    digit 1), at that marker, with the markup to write (one defect, one
    finding). When it is the only footnote marked nowhere and one other
    alone is marked twice, one of those markers had its id mistyped ("[^1]"
    for "[^2]"): the finding is at that marker (the later of the two when
    the footnote comes after the other in the list, else the earlier), with
    the marker to write (a guess, offered as a quick fix, not applied by
    ``--fix``), the other marker and the footnote attached. A footnote's
    marker in its own text
    calls nothing: a footnote marked only there is unmarked, and one marked
    elsewhere too is told to lose that marker.

    Failing::

        text: entre pays en développement et pays développés;
        ...
        footnotes:
          - id: '1'
            text: Par pays en développement, on entend ...

    Passing::

        text: entre pays en développement[^1] et pays développés;
        ...
        footnotes:
          - id: '1'
            text: Par pays en développement, on entend ...
    """
    marked = _marked(ctx)
    paired = set(_paired(ctx).values())  # (footnote-undefined's, at the marker)
    markup_on = ctx.config is None or ctx.config.enabled("markup")
    seen: set[str] = set()
    # a footnote written twice under another id: text-duplicate's (one finding)
    pasted = (
        pasted_notes(ctx.resolution)
        if ctx.config is None or ctx.config.enabled("text-duplicate")
        else {}
    )
    again = _marked_again(ctx)
    for f, note in enumerate(ctx.resolution.footnotes):
        if note.id in seen:
            continue  # footnote-duplicate
        seen.add(note.id)
        if again is not None and again[0] == f and f not in paired and f not in pasted:
            _, twice, (path, start, end) = again
            first = next(m for m in _markers_of(ctx, twice) if m != (path, start, end))
            written, meant = f"[^{twice}]", f"[^{note.id}]"
            yield Finding(
                path,
                tr(
                    "footnote '{id}' is marked nowhere, and footnote '{twice}' twice, here "
                    "and elsewhere: this marker {written} meant {meant}?",
                    id=note.id,
                    twice=twice,
                    written=written,
                    meant=meant,
                ),
                offset=start,
                length=end - start,
                help=tr("write {pairs}", pairs=replacements([(repr(written), repr(meant))])),
                related=(
                    Place(
                        first[0],
                        tr("the other marker of footnote '{id}'", id=twice),
                        offset=first[1],
                        length=first[2] - first[1],
                    ),
                    Place(("footnotes", f, "id"), tr("the footnote '{id}'", id=note.id)),
                ),
            )
            continue
        if note.id not in marked and f not in paired and f not in pasted:
            if markup_on and _unclosed_marker(ctx, note.id):
                continue  # "[^1 et ...": markup reports the marker its ']' lost (one finding)
            broken = _broken_marker(ctx, note.id) or _superscript_marker(ctx, note.id)
            glued = _glued_marker(ctx, note.id) if broken is None else None
            if glued is not None:
                path, start, word = glued
                yield Finding(
                    path,
                    tr(
                        "the marker of footnote '{id}' is written as its number glued to {word}, "
                        "which is read as text: the footnote is marked nowhere",
                        id=note.id,
                        word=repr(word),
                    ),
                    offset=start,
                    length=len(note.id),
                    help=tr(
                        "write [^{id}] in place of the number: {marked}",
                        id=note.id,
                        marked=repr(word[: -len(note.id)] + f"[^{note.id}]"),
                    ),
                    related=(Place(("footnotes", f, "id"), tr("the footnote '{id}'", id=note.id)),),
                )
                continue
            if broken is not None:
                path, m = broken
                start, end = _in_parentheses(m)
                found = m.string[start:end]
                yield Finding(
                    path,
                    tr(
                        "the marker of footnote '{id}' is written {found}, which is read as "
                        "text: the footnote is marked nowhere",
                        id=note.id,
                        found=repr(found),
                    ),
                    offset=start,
                    length=end - start,
                    help=tr("write [^{id}] in place of {found}", id=note.id, found=repr(found)),
                    related=(Place(("footnotes", f, "id"), tr("the footnote '{id}'", id=note.id)),),
                )
                continue
            yield Finding(
                ("footnotes", f, "id"),
                tr("footnote '{id}' is not marked anywhere in the text", id=note.id)
                if f"[^{note.id}]" not in note.text
                else tr(
                    "footnote '{id}' is marked only in its own text: a footnote is not called "
                    "from itself",
                    id=note.id,
                ),
                help=tr("anchor it with [^{id}] where the published text has its mark", id=note.id),
            )
    # a footnote that marks itself besides its marks elsewhere
    for f, note in enumerate(ctx.resolution.footnotes):
        own = f"[^{note.id}]"
        if own in note.text and note.id in marked:
            at = note.text.find(own)
            yield Finding(
                ("footnotes", f, "text"),
                tr(
                    "footnote '{id}' holds its own marker {marker}: a footnote is not called "
                    "from itself",
                    id=note.id,
                    marker=own,
                ),
                offset=at,
                length=len(own),
                help=tr("delete {marker} from the footnote's text", marker=own),
            )


# What a footnote's marker with a bracket or its caret lost may be, whatever
# its id: an id in square brackets, or after a caret (an id's characters, as
# mk.FOOTNOTE_ID has them).
_MAYBE_BROKEN = re.compile(
    r"\[([0-9A-Za-z*†‡§]+)\]|\^([0-9A-Za-z*†‡§]+)|(?<=[^\W\d_])([0-9]+)\](?!\()"
    r"|\((?<=[^\W\d_]\()([0-9]+)\)"
)


def _broken_candidates(ctx: Context) -> dict[str, list[int]]:
    """The ids a marker with a bracket or its caret lost may name, each with
    the indices of the texts (not a footnote's) where one may be, in order:
    found in one pass over the file's texts, so that each unmarked footnote
    is looked for only where it may be (a file of thousands of unmarked
    footnotes is not read once for each)."""

    def made() -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, t in enumerate(texts(ctx)):
            text = t.text
            if t.path[0] == "footnotes" or (
                "^" not in text and "[" not in text and "]" not in text and "(" not in text
            ):
                continue
            for m in _MAYBE_BROKEN.finditer(text):
                run = m.group(1) or m.group(2) or m.group(3) or m.group(4)
                ids = [run]
                if m.group(2):  # "^1*": the marker of '1' too (a caret's id ends before a sign)
                    ids.extend(run[:k] for k in range(1, len(run)) if not run[k].isalnum())
                for fid in ids:
                    at = out.setdefault(fid, [])
                    if not at or at[-1] != i:
                        at.append(i)
        return out

    found: dict[str, list[int]] = ctx.memo("broken-marker-candidates", made)
    return found


def _broken_marker(ctx: Context, fid: str) -> tuple[tuple[str | int, ...], re.Match[str]] | None:
    """The first marker of footnote ``fid`` written with a bracket or its
    caret lost (``^1``, ``^1]``, ``[1]``, ``countries1]``: both), or in brackets of full width
    (``［^1］``), or its number in parentheses glued to a word (``countries(1)``:
    not ``5(1)``, a paragraph of article 5), in a text that is not a footnote's,
    and the text's path; None if there is none. Not a caret after a digit
    (``10^6``)."""
    where = _broken_candidates(ctx).get(fid)
    if not where:
        return None
    x = re.escape(fid)
    # (brackets of full width too, as a Chinese input mode types them: "［^1］")
    # (and a number and ']' glued to a word, the '[^' lost: "countries1],")
    pattern = re.compile(
        rf"［\^?{x}］|\[{x}\]|(?<![\d\[])\^{x}\]|(?<![\d\[［])\^{x}(?![\w\]])"
        rf"|(?<=[^\W\d_]){x}\](?!\()|(?<=[^\W\d_])\({x}\)"
    )
    all_texts = texts(ctx)
    for i in where:
        m = pattern.search(all_texts[i].text)
        if m is not None:
            return all_texts[i].path, m
    return None


def _in_parentheses(m: re.Match[str]) -> tuple[int, int]:
    """Where a lost marker ``m`` starts and ends, with the parentheses it was
    put in ("countries(^1)", "countries(¹)": the marker replaces them too)."""
    text, start, end = m.string, m.start(), m.end()
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return start - 1, end + 1
    return start, end


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _superscript_marker(
    ctx: Context, fid: str
) -> tuple[tuple[str | int, ...], re.Match[str]] | None:
    """The first marker of footnote ``fid`` (a number) pasted as Word shows
    it, a superscript ("développement¹", "国家¹"), in a text that is not a
    footnote's; None if there is none. Not one after a digit or another
    superscript (``m²``, ``10³``: a unit, a power)."""
    if not fid.isdigit() or not fid.isascii():
        return None
    sup = re.escape(fid.translate(_SUPERSCRIPT))
    # (or in parentheses glued to a word: "développement(¹)")
    pattern = re.compile(rf"(?:(?<=[^\W\d_])|(?<=[)\]»”’）])|(?<=[^\W\d_]\()){sup}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")
    for t in texts(ctx):
        if t.path[0] == "footnotes":
            continue
        if any(c in t.text for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"):
            m = pattern.search(t.text)
            if m is not None:
                return t.path, m
        if "<" in t.text:  # (HTML's superscript: "développement<sup>1</sup>")
            for m in SUPERSCRIPT_TAG.finditer(t.text):
                if m.group(1) == fid:
                    return t.path, m
    return None


# A footnote's call in HTML's superscript, copied from a web page's source
# ("développement<sup>1</sup>"): the marker of the note of that number
SUPERSCRIPT_TAG = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.IGNORECASE)


def _glued_marker(ctx: Context, fid: str) -> tuple[tuple[str | int, ...], int, str] | None:
    """A call of footnote ``fid`` (a number) written as its number
    glued to the word before it, as a conversion leaves a raised mark
    ("developing countries1 and", "(IEEE)3": :func:`textscan.glued_call`), in
    a text that is not a footnote's nor a heading's: the text's path, where
    the number starts, and the word with it; None if there is none."""
    if not fid.isdigit() or not fid.isascii():
        return None
    for t in texts(ctx):
        if not _prose(t) or fid not in t.text:
            continue
        found = textscan.glued_call(t.text, fid)
        if found is not None:
            _, end, word = found
            return t.path, end - len(fid), word
    return None


def _unclosed_marker(ctx: Context, fid: str) -> bool:
    """Whether a text (not a footnote's) holds the marker of footnote ``fid``
    with its ']' lost ("développement[^1 et pays"), which ``markup`` reports."""
    where = _broken_candidates(ctx).get(fid)
    if not where:
        return False
    pattern = re.compile(rf"\[\^{re.escape(fid)}(?![\w\]])")
    all_texts = texts(ctx)
    return any(pattern.search(all_texts[i].text) is not None for i in where)


@rule(
    "footnote-duplicate",
    "error",
    "two footnotes with the same id; a footnote marked twice in one text",
)
def footnote_duplicate(ctx: Context) -> Iterator[Finding]:
    """Two footnotes carry one id, so a marker cannot say which it means.
    The finding points at the second one's id. When it is the only footnote
    whose id repeats and one marker alone names no footnote, its id was
    that marker's, mistyped: the help gives it, and ``footnote-undefined``
    leaves the marker (one finding). A footnote pasted again under its id,
    text and all, is told to be deleted (not also ``text-duplicate``'s).
    A text that marks one footnote twice ("développement[^1] et pays
    développés[^1]": ITU's texts call a note once) is a warning at the
    second marker, the first attached (twice in a row, "[^1][^1]", is
    ``markup``'s); a footnote called from two texts is not told, unless
    another footnote is then marked nowhere (``footnote-unused``'s).

    Failing::

        footnotes:
          - id: '1'
            text: Par pays en développement, on entend ...
          - id: '1'
            text: Y compris les pays les moins avancés.

    Passing::

        footnotes:
          - id: '1'
            text: Par pays en développement, on entend ...
          - id: '2'
            text: Y compris les pays les moins avancés.
    """
    first: dict[str, int] = {}
    notes = ctx.resolution.footnotes
    meant = _duplicate_meant(ctx)
    for f, note in enumerate(notes):
        if note.id in first:
            if f in meant:
                help_ = tr(
                    "write id '{meant}' for this footnote: the marker [^{meant}] has no "
                    "footnote, and this one is the only footnote whose id is used twice",
                    meant=meant[f],
                )
            elif note.text.strip() == notes[first[note.id]].text.strip():
                help_ = tr("delete this one: it repeats the first, its id and its text")
            else:
                help_ = tr("give each footnote its own id, and correct the markers that name it")
            yield Finding(
                ("footnotes", f, "id"),
                tr(
                    "footnote id '{id}' is used twice (footnotes entries {first} and {second})",
                    id=note.id,
                    first=first[note.id] + 1,
                    second=f + 1,
                ),
                help=help_,
                related=(
                    Place(
                        ("footnotes", first[note.id], "id"),
                        tr("the first footnote with id '{id}'", id=note.id),
                    ),
                ),
            )
        else:
            first[note.id] = f
    yield from _called_twice_in_a_text(ctx)


def _called_twice_in_a_text(ctx: Context) -> Iterator[Finding]:
    """A footnote whose marker a text holds twice ("développement[^1] et pays
    développés[^1]"): ITU's texts call a note once, and a text that calls one
    twice holds a marker pasted again or one whose id was meant for another.
    A warning at the second, with the first attached; not where the id
    marked twice is a footnote marked nowhere's mistyped
    (:func:`_marked_again`: ``footnote-unused``'s, at the marker to
    retype), nor an id of no footnote (``footnote-undefined``'s)."""
    counts = _marked(ctx)
    if all(n < 2 for n in counts.values()):
        return
    markup_on = ctx.config is None or ctx.config.enabled("markup")
    text_of = {t.path: t.text for t in marked(ctx)}
    ids = {note.id for note in ctx.resolution.footnotes}
    again = _marked_again(ctx)
    for fid, n in counts.items():
        if n < 2 or fid not in ids or (again is not None and again[1] == fid):
            continue
        by_text: dict[tuple[str | int, ...], list[tuple[int, int]]] = {}
        for path, start, end in _markers_of(ctx, fid):
            by_text.setdefault(path, []).append((start, end))
        for path, places in by_text.items():
            if len(places) < 2:
                continue
            (a, b), (c, d) = places[0], places[1]
            if markup_on and not text_of[path][b:c].strip():
                continue  # "[^1][^1]": markup's, written twice in a row
            marker = f"[^{fid}]"
            yield Finding(
                path,
                tr(
                    "footnote '{id}' is marked twice in this text: ITU's texts call a note once",
                    id=fid,
                ),
                offset=c,
                length=d - c,
                severity="warning",
                help=tr(
                    "delete this marker {marker}, or write the id of the footnote it was "
                    "meant to call",
                    marker=marker,
                ),
                related=(
                    Place(
                        path, tr("the first marker {marker}", marker=marker), offset=a, length=b - a
                    ),
                ),
            )


@rule(
    "footnote-order",
    "warning",
    "footnotes not numbered in the order their markers come in the text, or not listed in "
    "the order of their numbers",
)
def footnote_order(ctx: Context) -> Iterator[Finding]:
    """Footnotes are numbered in the order their first markers come in the
    resolution (a word processor numbers them so, and so does the published
    text): a footnote added with a new number before an older one ("[^2]" in
    *recalling a)*, "[^1]" in *considering b)*) is told so once, at the
    first marker that comes after one of a higher number, with the numbers
    to give them. Only footnotes with numbers for ids, each marked. Footnotes
    listed in another order than their numbers ('2' before '1'), their
    markers in order, are told so once, with where to move the first out of
    its place: a rendering lists them as written.

    Failing::

        - label: a)
          text: on the accounts[^2];
        - label: b)
          text: on the budget[^1],

    Passing::

        - label: a)
          text: on the accounts[^1];
        - label: b)
          text: on the budget[^2],
    """
    notes = ctx.resolution.footnotes
    if len(notes) < 2:
        return  # (most files)
    counts = _marked(ctx)
    defined = {f.id for f in notes}
    order = [fid for fid in counts if fid.isdigit() and fid in defined]
    numbers = [int(fid) for fid in order]
    if numbers == sorted(numbers):
        if defined == set(counts):
            # (each footnote marked, each marker's footnote there: an id mistyped
            # is footnote-undefined's, not an order)
            yield from _listed_out_of_order(ctx)
        return
    highest = 0  # (the index of the highest number so far: one pass)
    for late in range(1, len(numbers)):
        if numbers[late] < numbers[highest]:
            break
        if numbers[late] > numbers[highest]:
            highest = late
    fid, before = order[late], order[highest]
    renumbered = [
        f"{old} → {new}"
        for old, new in zip(order, map(str, sorted(numbers)), strict=True)
        if old != new
    ]
    found = _first_marker(ctx, fid)
    if found is None:  # pragma: no cover - counted markers are in the texts
        return
    path, start, end = found
    yield Finding(
        path,
        tr(
            "footnote {id} is marked here, after footnote {before}: footnotes are numbered "
            "in the order their markers come in the text",
            id=fid,
            before=before,
        ),
        offset=start,
        length=end - start,
        help=tr(
            "renumber the footnotes and their markers in that order: {changes}",
            changes=", ".join(renumbered),
        ),
    )


def _listed_out_of_order(ctx: Context) -> Iterator[Finding]:
    """The footnotes listed in another order than their numbers ('2' before
    '1', their markers in order): one finding, at the first listed after a
    higher number, with where to move it (a rendering lists them as written)."""
    notes = ctx.resolution.footnotes
    listed = [(k, int(f.id)) for k, f in enumerate(notes) if f.id.isdigit()]
    for i in range(1, len(listed)):
        k, number = listed[i]
        higher = next(((j, n) for j, n in listed[:i] if n > number), None)
        if higher is None:
            continue
        yield Finding(
            ("footnotes", k, "id"),
            tr(
                "footnote {id} is listed after footnote {before}: footnotes are listed in "
                "the order of their numbers",
                id=notes[k].id,
                before=notes[higher[0]].id,
            ),
            help=tr(
                "move footnote {id} (its id and its text) before footnote {before}",
                id=notes[k].id,
                before=notes[higher[0]].id,
            ),
        )
        return


def _first_marker(ctx: Context, fid: str) -> tuple[tuple[str | int, ...], int, int] | None:
    """Where the first marker of footnote ``fid`` is (a text's path, the
    marker's start and end), not counting one in the footnote's own text."""
    notes = ctx.resolution.footnotes
    for t in marked(ctx):
        own = notes[int(t.path[1])].id if t.path[0] == "footnotes" else None
        for span in t.spans:
            if isinstance(span, mk.FootnoteRef) and span.id == fid and fid != own:
                return t.path, span.start, span.end
    return None


# the separator a PDF prints above its footnotes, kept at the start of a
# footnote's text ("____________________ These include ...")
_SEPARATOR = re.compile(r"\s*(_{4,})\s*")


@rule(
    "footnote-leftover",
    "warning",
    "a footnote's number or separator left by a conversion beside its marker, as a second "
    "call, as the call of a note deleted, or in a footnote's text",
)
def footnote_leftover(ctx: Context) -> Iterator[Finding]:
    """What a footnote moved out of a converted text by hand leaves behind.
    In the texts: its number still glued to the word it is called from,
    right before its marker ("countries1[^1]": delete the number), or
    elsewhere while its marker [^1] is written in another place
    ("developing1" and "service[^1]": which place is the call?). In a
    footnote's text: the text only its number ("1"), its number at the
    start ("1 These include ..." under id '1'), the separator printed
    above the footnotes ("____ These include ..."), or a second note run
    into it ("... transition. 2 Africa, Americas, ...": the next number
    after an end mark, then a capital; its call, a number glued to a word,
    "six2", attached). One finding per leftover.

    A number glued to a word with no marker of that footnote anywhere is
    ``footnote-unused``'s when the footnote is there ("countries1": write
    [^1] in its place). When the file has no footnote of that number, no
    marker of it and no note of it merged into a text, a number glued to a
    word in small letters is the call of a note deleted with the text it
    was merged into, not moved ("countries1" once "____ 1 These include
    ..." is deleted): one finding per number; when only the separator was
    deleted and the note is left in a text ("attendance; 1 These include
    ..."), the finding is at the note, to be moved (the end mark of the
    text, the note's, is not also punctuation's). A number glued to a word of
    mixed case or capitals ("IPv6", "G20") is a name, not a call; and a
    footnote merged into a text ("____ 1 These include ...", with its call)
    is ``conversion-artefact``'s.

    Failing::

        text: to assist developing countries1[^1] in the use of ICTs;
        ...
        footnotes:
          - id: '1'
            text: 1 These include the least developed countries.

    Passing::

        text: to assist developing countries[^1] in the use of ICTs;
        ...
        footnotes:
          - id: '1'
            text: These include the least developed countries.
    """
    yield from _lost_notes(ctx)
    notes = ctx.resolution.footnotes
    if not notes and not marked(ctx):
        return  # (most files)
    yield from _glued_beside_marker(ctx)
    yield from _glued_elsewhere(ctx)
    for f in range(len(notes)):
        found = _note_leftover(ctx, f)
        if found is not None:
            yield found


def _glued_beside_marker(ctx: Context) -> Iterator[Finding]:
    """A footnote's number left glued to the word before its marker
    ("countries1[^1]")."""
    for t in marked(ctx):
        if t.path[0] == "footnotes" or "[^" not in t.text:
            continue  # (the quick test: most texts call no footnote)
        for span in t.spans:
            if not isinstance(span, mk.FootnoteRef) or not (
                span.id.isdigit() and span.id.isascii()
            ):
                continue
            fid = span.id
            sup = fid.translate(_SUPERSCRIPT)
            before = t.text[max(0, span.start - len(fid)) : span.start]
            if before == sup and _superscript_before(t.text, span.start - len(sup)):
                # (pasted as Word shows it, "countries¹[^1]")
                call: tuple[int, int, str] | None = (
                    span.start - len(sup),
                    span.start,
                    t.text[: span.start].rsplit(None, 1)[-1],
                )
            elif before == fid:
                call = textscan.glued_call(t.text, fid, span.start)
            else:
                continue
            if call is None or call[1] != span.start:
                continue
            start, number, word = span.start - len(fid), before, call[2]
            yield Finding(
                t.path,
                tr(
                    "the number of footnote '{id}' left glued to {word} before its marker: "
                    "the call the conversion left, which the marker replaces",
                    id=fid,
                    word=repr(word),
                ),
                offset=start,
                length=len(fid),
                help=tr(
                    "delete the {found} before [^{id}]: {marked}",
                    found=repr(number),
                    id=fid,
                    marked=repr(word[: -len(fid)] + f"[^{fid}]"),
                ),
            )


def _superscript_before(text: str, at: int) -> bool:
    """Whether the superscript number at ``at`` is glued to a word or a
    closing mark, as a call is (not to a digit: "10³")."""
    return at > 0 and (text[at - 1].isalpha() or text[at - 1] in ")]»”’")


def _merged_marks(ctx: Context, later: bool = False) -> set[str]:
    """The numbers of the footnotes merged into a text ("____ 1 These
    include ..."): ``conversion-artefact`` reports them with their calls.
    ``later``: the notes printed after the first of a block too ("... in
    transition. 2 Africa, ...": :func:`textscan.later_notes`)."""
    out = set()
    all_texts = texts(ctx)
    scan = scans(ctx)  # (the file's scans: conversion-artefact's found these already)
    for i in joined_texts(ctx).holding_literal(b"____"):
        text = all_texts[i].text
        for a in scan.footnotes(text):
            out.add(a.found)
            if later:
                out.update(mark for mark, _, _ in textscan.later_notes(text, a))
    return out


def _calls(text: str, fid: str) -> Iterator[tuple[int, int, str]]:
    """Each call of footnote ``fid`` glued to a word in ``text``
    (:func:`textscan.glued_call`), from the last."""
    end: int | None = None
    while (found := textscan.glued_call(text, fid, end)) is not None:
        yield found
        end = found[0]


def _prose(t: Text) -> bool:
    """Whether ``t`` is a text a footnote may be called from (not a heading's)."""
    return t.path[0] in ("title", "preamble", "operative", "annexes") and t.path[-1] != "heading"


def _glued_elsewhere(ctx: Context) -> Iterator[Finding]:
    """A footnote's number glued to a word, as a conversion leaves its call,
    while its marker is written in another place ("developing1", and
    "service[^1]" in another item)."""
    counts = _marked(ctx)
    ids = [fid for fid in counts if fid.isdigit() and fid.isascii()]
    if not ids:
        return
    all_texts = [t for t in texts(ctx) if _prose(t)]
    # (the quick test: the file's texts joined, searched once for each id)
    joined = "\n".join(t.text for t in all_texts)
    ids = [fid for fid in ids if textscan.glued_call(joined, fid) is not None]
    if not ids:
        return
    merged = _merged_marks(ctx) if "____" in joined else set()
    for fid in ids:
        if fid in merged:
            continue
        first = _first_marker(ctx, fid)
        if first is None:  # pragma: no cover - counted markers are in the texts
            continue
        for t in all_texts:
            if fid not in t.text:
                continue
            for _, end, word in reversed(list(_calls(t.text, fid))):
                yield Finding(
                    t.path,
                    tr(
                        "the number of footnote '{id}' glued to {word}, as the conversion "
                        "left its call, while the marker [^{id}] is written in another place: "
                        "which is the call?",
                        id=fid,
                        word=repr(word),
                    ),
                    offset=end - len(fid),
                    length=len(fid),
                    help=tr(
                        "if the footnote is called here, write {marked} and delete the other "
                        "marker [^{id}]; if not, delete the number: {word}",
                        id=fid,
                        marked=repr(word[: -len(fid)] + f"[^{fid}]"),
                        word=repr(word[: -len(fid)]),
                    ),
                    related=(
                        Place(
                            first[0],
                            tr("the marker [^{id}]", id=fid),
                            offset=first[1],
                            length=first[2] - first[1],
                        ),
                    ),
                )


# what a call of a footnote the conversion left needs in the joined texts
# (textscan.Joined's form, small letters made "a" here): three small letters
# glued to a digit
_SMALL = bytes.maketrans(b"abcdefghijklmnopqrstuvwxyz", b"a" * 26)
_JOINED_SMALL_CALL = b"aaa0"


def _lost_notes(ctx: Context) -> Iterator[Finding]:
    """A footnote's number glued to a word in small letters, as a conversion
    leaves its call ("countries1"), in a file with no footnote of that number,
    no marker of it and no note of that number merged into a text: the note
    was deleted with the text it was merged into, not moved to ``footnotes``.
    One finding per number, the other calls attached; at the note instead
    when it is still in a text, its separator alone deleted (:func:`_note_left`).

    Decision: a word in small letters with a number glued to it is a call (in
    the Final Acts as converted, every one is); a name with a number is not in
    small letters ("IPv6", "G20", "ICT4D")."""
    joined = joined_texts(ctx)
    form = joined.form.translate(_SMALL)
    if _JOINED_SMALL_CALL not in form:
        return  # (most files)
    notes = {n.id for n in ctx.resolution.footnotes}
    marks = _marked(ctx)
    all_texts = texts(ctx)
    merged: set[str] | None = None
    calls: dict[str, list[tuple[Text, _Call]]] = {}
    starts = joined.starts
    # each place the quick test holds: three small letters and a digit (the
    # form keeps the texts' offsets); the call read from its digit
    at = form.find(_JOINED_SMALL_CALL)
    while at >= 0:
        i = bisect_right(starts, at) - 1
        t = all_texts[i]
        call = _call_at(t.text, at + 3 - starts[i]) if _prose(t) else None
        at = form.find(_JOINED_SMALL_CALL, at + 4)
        if call is None or call.id in notes or call.id in marks:
            continue
        if merged is None:
            # (the notes merged into a text, and those run into a footnote's)
            merged = _merged_marks(ctx, later=True)
            merged.update(m for n in ctx.resolution.footnotes for m, _, _ in _run_on(n))
        if call.id not in merged:
            calls.setdefault(call.id, []).append((t, call))
    for fid, found in calls.items():
        t, c = found[0]
        left = _note_left(all_texts, fid)
        if left is not None:
            yield _note_left_finding(fid, left, found)
            continue
        yield Finding(
            t.path,
            tr(
                "{word} ends with the number {id} glued to it, as the conversion left the call "
                "of footnote {id}, and the file has no footnote {id}: its note was deleted, not "
                "moved to 'footnotes'",
                word=repr(c.word + fid),
                id=fid,
            ),
            offset=c.at,
            length=len(fid),
            help=tr(
                "write the note under 'footnotes' (id '{id}', its text from the published "
                "text) and its marker in place of the number: {marked}; or, if the number "
                "calls no note, delete it",
                id=fid,
                marked=repr(c.word + f"[^{fid}]"),
            ),
            related=tuple(
                Place(
                    u.path,
                    tr("another call of footnote {id}: {word}", id=fid, word=repr(d.word + fid)),
                    offset=d.at,
                    length=len(fid),
                )
                for u, d in found[1:]
            ),
        )


def _note_left(all_texts: list[Text], fid: str) -> tuple[Text, int] | None:
    """The text into which the note ``fid`` is merged without the separator
    a PDF prints above its footnotes (deleted alone: "attendance; 1 These
    include ..."), and where the note starts: its number after an end mark,
    then a word that starts with a capital; None when no text holds it."""
    pattern = re.compile(rf"(?<=[.;:,]\s)({fid})\s+(?=[^\W\d_])")
    for t in all_texts:
        if fid not in t.text or not _prose(t):
            continue
        for m in pattern.finditer(t.text):
            after = t.text[m.end() : m.end() + 1]
            if after.isupper():
                return t, m.start()
    return None


def _note_left_finding(
    fid: str, left: tuple[Text, int], calls: list[tuple[Text, _Call]]
) -> Finding:
    """The finding of note ``fid`` left in a text without its separator (see
    :func:`_note_left`), its calls attached; it covers the text's end mark
    from the note on (punctuation's: the note's, not the entry's)."""
    t, start = left
    words = t.text[start:].split()
    sample = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return Finding(
        t.path,
        tr(
            "the note of footnote {id} left in this text without the separator above it: "
            "'{sample}', called by {call}",
            id=fid,
            sample=sample,
            call=repr(calls[0][1].word + fid),
        ),
        offset=start,
        length=len(t.text.rstrip()) - start,
        help=tr(
            "move the note to 'footnotes' (id '{id}', its text without the number) and write "
            "its marker in place of the number of its call: {marked}",
            id=fid,
            marked=repr(calls[0][1].word + f"[^{fid}]"),
        ),
        related=tuple(
            Place(u.path, tr("the call of footnote {id}", id=fid), offset=d.at, length=len(fid))
            for u, d in calls
        ),
        covers=("punctuation",),
    )


class _Call(NamedTuple):
    """A footnote's call glued to a word in small letters: the word, the
    number, where the number starts in its text."""

    word: str
    id: str
    at: int


def _call_at(text: str, digit: int) -> _Call | None:
    """The call whose number starts at ``digit`` in ``text``, glued to a word
    in small letters of three letters or more ("countries1"), or None: not a
    number of three digits or more, nor one glued to what follows, nor a word
    of mixed case ("IPv6"), nor in an address ("www.itu.int/sdg3"), nor a
    citation's target ("](wtdc5@2014)", its colon lost: markup's)."""
    end = digit
    while end < len(text) and end - digit < 3 and text[end].isdigit():
        end += 1
    if end == digit:
        return None  # (the letters end this text: the digit starts the next one)
    if end - digit > 2 or (end < len(text) and (text[end].isalnum() or text[end] == "_")):
        return None
    start = digit
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
        start -= 1
    word = text[start:digit].lstrip("-")
    start = digit - len(word)
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in _IN_ADDRESS):
        return None
    if text[max(0, start - 2) : start] == "](":
        return None  # (a citation's target that lost its colon, "](wtdc5@2014)": markup's)
    if len(word) < 3 or not word.islower():
        return None
    return _Call(word, text[digit:end], digit)


# what, right before a word, puts it in an address, a path or a name with
# digits ("itu.int/sdg3", "wtdc_17"), not a call
_IN_ADDRESS = frozenset("/.:@_=#&%~\\")


def _note_leftover(ctx: Context, f: int) -> Finding | None:
    """What the conversion left in the text of footnote ``f``: the text only
    its number, its number or the separator at its start, a second note run
    into it."""
    note = ctx.resolution.footnotes[f]
    text, fid = note.text, note.id
    path = ("footnotes", f, "text")
    stripped = text.strip()
    if stripped.isdigit() or stripped.strip("_").isdigit():
        return Finding(
            path,
            tr(
                "the text of footnote '{id}' is only the number {found}: the note's text is "
                "missing",
                id=fid,
                found=repr(stripped),
            ),
            help=tr("write the note's text as published, without its number"),
        )
    sep = _SEPARATOR.match(text)
    if sep is not None:
        if textscan.footnotes(text):
            return None  # ("____ 1 These include": conversion-artefact's, a merged footnote)
        found = sep.group(1)
        return Finding(
            path,
            tr(
                "the text of footnote '{id}' starts with the separator {found} that the "
                "conversion kept from the page",
                id=fid,
                found=repr(found),
            ),
            offset=sep.start(1),
            length=len(found),
            help=tr("delete {found} and the blank after it", found=repr(found)),
        )
    if fid.isdigit() and fid.isascii():
        # (then a capital, as a note starts: not "5 units per 1 000 people")
        lead = re.match(rf"\s*({re.escape(fid)})\s+(?=[^\W\d_])", text)
        if lead is not None and text[lead.end()].isupper():
            return Finding(
                path,
                tr(
                    "the text of footnote '{id}' starts with its number '{id}', as the "
                    "conversion left it: the footnote's id numbers it",
                    id=fid,
                ),
                offset=lead.start(1),
                length=len(fid),
                help=tr("delete the '{id}' and the blank after it", id=fid),
            )
        return _later_note(ctx, f)
    return None


def _run_on(note: Footnote) -> list[tuple[str, int, int]]:
    """The notes run into the text of ``note`` (its id a number), as
    :func:`textscan.later_notes` gives them, in its text preceded by its id
    and a blank."""
    if not (note.id.isdigit() and note.id.isascii()):
        return []
    if str(int(note.id) + 1) not in note.text:
        return []  # (the quick test)
    return textscan.later_notes(
        f"{note.id} {note.text}", textscan.Artefact("footnote", 0, len(note.id), note.id)
    )


def _later_note(ctx: Context, f: int) -> Finding | None:
    """A second note run into the text of footnote ``f`` (its id a number):
    the next number after an end mark, then a capital ("... transition. 2
    Africa, ..."), as a conversion merges a page's footnotes."""
    note = ctx.resolution.footnotes[f]
    later = _run_on(note)
    if not later:
        return None
    lead = f"{note.id} "
    marks = [mark for mark, _, _ in later]
    start = later[0][1] - len(lead)
    sample = note.text[start:].rstrip()
    if len(sample) > 40:  # (cut at a blank: "2 Africa, Americas, Arab States, Asia …")
        sample = sample[:40].rsplit(" ", 1)[0] + " …"
    ids = {n.id for n in ctx.resolution.footnotes}
    counts = _marked(ctx)
    related: list[Place] = []
    words: list[str] = []
    for mark in marks:
        if mark in ids or mark in counts:
            continue
        call = _glued_marker(ctx, mark)
        if call is not None:
            words.append(call[2])
            related.append(
                Place(
                    call[0],
                    tr("its call: the number {id} glued to {word}", id=mark, word=repr(call[2])),
                    offset=call[1],
                    length=len(mark),
                )
            )
    if len(marks) == 1 and words:
        help_ = tr(
            "move {found} to 'footnotes' as footnote '{mark}', without its number, and write "
            "[^{mark}] in place of the number glued to {word}",
            found=repr(sample),
            mark=marks[0],
            word=repr(words[0]),
        )
    else:
        help_ = tr(
            "move the text from {mark} on to 'footnotes', each note under its number as its "
            "id and without it, and write each one's marker where it is called",
            mark=repr(marks[0]),
        )
    return Finding(
        ("footnotes", f, "text"),
        tr(
            "the text of footnote '{id}' runs on into footnote {marks}: {found}, merged into it "
            "by the conversion",
            id=note.id,
            marks=listing(marks),
            found=repr(sample),
        ),
        offset=start,
        length=len(note.text.rstrip()) - start,
        help=help_,
        related=tuple(related),
    )
