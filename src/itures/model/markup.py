"""Inline markup inside resolution text.

Text fields are plain strings in which two constructs are recognised:

* a **footnote marker** ``[^ID]``, e.g. ``pays en développement[^1]``: the
  footnote with ``id: "1"`` in the resolution's ``footnotes`` list;
* a **citation** ``[TEXT](TARGET)``, Markdown-link style: ``TEXT`` is the words
  as written, ``TARGET`` says what they cite::

      TARGET   = BODY ":" NUMBERS [ "@" YEAR ] [ "#" FRAGMENT ]
      NUMBERS  = NUMBER { "," NUMBER }          e.g. 17,26,44,45
      NUMBER   = alphanumeric, may contain "-", "/" or "." (6-2, 70/1)
      YEAR     = four digits: the year of the cited revision (or adoption)
      FRAGMENT = SEGMENT { "/" SEGMENT }        e.g. resolves/3, annex/1

  Examples: ``[la Résolution 123 (Rév. Guadalajara, 2010)](pp:123@2010)``,
  ``[Résolutions 17, 26, 44 et 45 (Rév. Dubaï, 2012)](wtsa:17,26,44,45@2012)``,
  ``[décide 3 de la Résolution 191](pp:191#resolves/3)``,
  ``[l'Annexe de la Résolution 71](pp:71#annex)``.

Everything else is literal text, so square brackets that are not followed by a
valid target stay text; ``[text](...)`` with a malformed target and ``[^``
without ``]`` are reported by :func:`parse` as problems (rule ``markup``), and
so is a valid target left in literal text by a lost bracket or a blank
(``words](pp:123)``, ``[words(pp:123)``, ``[words] (pp:123)``, ``(pp:123)``:
:func:`stray_targets`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from itures.i18n import tr

__all__ = [
    "FOOTNOTE_ID",
    "LOOSE_MARKER",
    "PROSE_KEYS",
    "STRAY_TARGET",
    "Citation",
    "FootnoteRef",
    "MarkupProblem",
    "ResolutionRef",
    "Span",
    "Text",
    "parse",
    "render",
    "stray_targets",
]

# (the '[' every token starts with is written once, before the alternatives:
# the search then jumps from one '[' to the next)
_TOKEN = re.compile(
    r"""
    \[(?:
      \^(?P<fn>[^\]\s\[]*)\]                     # footnote marker [^1]
    | (?P<text>[^\[\]]+)\]\((?P<target>[^()]*)\)     # citation [text](target)
    | \^(?P<loose>\s*[0-9A-Za-z*†‡§]+\s*)\]        # [^ 1]: a marker with blanks in it
    | (?P<open_fn>\^)                             # [^ never closed
    )""",
    re.VERBOSE,
)

# The keys whose values are prose, the words of a resolution (not an id, a
# label, a place): where a ' #' most likely cut a text, and where a blank at a
# text's edge is a slip
PROSE_KEYS = frozenset({"title", "conference", "heading", "text"})

# A footnote's id as a marker writes it (letters, digits, * † ‡ §): a piece of
# the patterns here and of those that look for a marker written wrong.
FOOTNOTE_ID = r"[0-9A-Za-z*†‡§]+"

# A footnote marker with blanks inside ("[^ 1]"), which parse() reports and
# keeps as text: the footnote rules read the id it names from it, so that
# the footnote is not reported unmarked besides (one defect, one finding).
LOOSE_MARKER = re.compile(rf"\[\^\s*({FOOTNOTE_ID})\s*\]")

_TARGET = re.compile(
    r"""
    ^(?P<body>[a-z][a-z0-9-]*)                     # issuing body: pp, wtdc, wtsa, ra, ...
    :(?P<numbers>[0-9A-Za-z](?:[0-9A-Za-z./-]*[0-9A-Za-z])?   # first number: 59, 6-2, 70/1
       (?:,[0-9A-Za-z](?:[0-9A-Za-z./-]*[0-9A-Za-z])?)*)      # more numbers: 17,26,44
    (?:@(?P<year>[0-9]{4}))?                       # cited revision: its year
    (?:\#(?P<fragment>[^\s#/,]*[^\s#/,.](?:/[^\s#/,]*[^\s#/,.])*))?  # clause or annex: resolves/3
    $""",
    re.VERBOSE,
)

_FOOTNOTE_ID = re.compile(rf"^{FOOTNOTE_ID}$")

# The spans are values, equal and hashed by their fields, and never changed
# once made; they are not declared frozen because a frozen dataclass's
# constructor sets each field through object.__setattr__, five times as slow
# as a plain one, and every text of every file makes at least one span.


@dataclass(slots=True, unsafe_hash=True)
class ResolutionRef:
    """The identity of a cited resolution: body and number."""

    body: str
    number: str

    def __str__(self) -> str:
        return f"{self.body}:{self.number}"


@dataclass(slots=True, unsafe_hash=True)
class Text:
    """Literal text."""

    text: str
    start: int
    end: int


@dataclass(slots=True, unsafe_hash=True)
class FootnoteRef:
    """A footnote marker ``[^id]``."""

    id: str
    start: int
    end: int


@dataclass(slots=True, unsafe_hash=True)
class Citation:
    """A citation ``[text](body:numbers@year#fragment)``."""

    text: str
    target: str
    resolutions: tuple[ResolutionRef, ...]
    year: int | None
    fragment: tuple[str, ...]
    start: int
    end: int

    @property
    def body(self) -> str:
        """The body of the cited resolutions (a citation of several names one body)."""
        return self.resolutions[0].body


@dataclass(slots=True, unsafe_hash=True)
class MarkupProblem:
    """Markup that looks intended but cannot be read."""

    message: str
    start: int
    end: int
    help: str = ""  # the fix, when there is one
    # a citation not read (its target bad, its markup broken): what the
    # language versions are compared by (itures.rules.languages) is then
    # this problem's to say
    citation: bool = False
    # the footnote a marker written with a blank inside marks ('[^ 1]': '1'):
    # the language versions are compared by what it marks
    marks: str = ""


Span = Text | FootnoteRef | Citation


Parsed = tuple[tuple[ResolutionRef, ...], int | None, tuple[str, ...]]


def parse_target(target: str) -> Parsed | str:
    """Parse a citation target; return its parts or an error message."""
    found = _parse_target(target)
    return found.message if isinstance(found, _Bad) else found


@dataclass(slots=True, unsafe_hash=True)
class _Bad:
    message: str
    help: str


# The targets read well, remembered (a corpus cites the same resolutions again
# and again); what is wrong with a target is said in the current language,
# so it is composed each time. Bounded: emptied when full.
_READ: dict[str, Parsed] = {}


def _parse_target(target: str) -> Parsed | _Bad:
    """The parts of a target, or (what is wrong, how to fix it)."""
    found = _READ.get(target)
    if found is not None:
        return found
    parsed = _read_target(target)
    if not isinstance(parsed, _Bad):
        if len(_READ) >= 4096:
            _READ.clear()
        _READ[target] = parsed
    return parsed


# a number that reads as a year, not as a resolution's (none is numbered so)
_YEARISH = re.compile(r"(?:18[6-9]|19\d|20\d)\d")


# what separates two numbers of a target where ',' should: ';', '&', '+' or
# the word 'and' of the three languages, between two digits (blanks alone
# are a blank inside a number, "17,2 6": said as such)
_LIST_SLIP = re.compile(r"(?<=[0-9])(?:\s*[;&+]\s*|\s+(?:and|et|y)\s+)(?=[0-9])")
# a revision's year in two digits: "pp:150@14", "pp:150@14#resolves/2"
_SHORT_YEAR = re.compile(r"^(?P<head>[a-z][a-z0-9-]*:[^@#\s]+)@(?P<yy>[0-9]{2})(?P<tail>#.*)?$")


def _this_year() -> int:
    import datetime

    return datetime.date.today().year


def _almost(target: str) -> _Bad | None:
    """What is wrong with a target that reads once a slip is undone: a blank
    inside it ("pp:196 @2018"), a mark left at its end ("...#resolves/3/"),
    digits of another script or width ("pp:١٥٠@2014": the targets write 0 to
    9, whatever the language of the text)."""
    from itures.textscan import ascii_digits

    digits = ascii_digits(target)
    if digits != target:
        right = digits if _TARGET.match(digits) else None
        if right is None:  # (and another slip besides: its own help then)
            again = _almost(digits)
            return None if again is None else _Bad(again.message, again.help)
        return _Bad(
            tr(
                "citation target {target} written in digits of another script or width",
                target=repr(target),
            ),
            tr(
                "write the target {right}: a target writes its numbers in 0 to 9, whatever "
                "the language of its text",
                right=repr(right),
            ),
        )
    listed = _LIST_SLIP.sub(",", target)
    if listed != target and _TARGET.match(listed):
        # "wtsa:17;26;44;45@2012", "pp:17 et 26": the numbers of a citation of
        # several resolutions are separated by ','
        return _Bad(
            tr(
                "citation target {target} separates its numbers otherwise than with ','",
                target=repr(target),
            ),
            tr(
                "write the target {right}: a target separates the numbers of the "
                "resolutions it cites with ','",
                right=repr(listed),
            ),
        )
    short = _SHORT_YEAR.match(target)
    if short is not None:
        # "pp:150@14": the year of the revision in two digits
        two = int(short.group("yy"))
        year = 2000 + two if 2000 + two <= _this_year() else 1900 + two
        right = f"{short.group('head')}@{year}{short.group('tail') or ''}"
        if _TARGET.match(right):
            return _Bad(
                tr(
                    "citation target {target} writes the year of the revision in two digits",
                    target=repr(target),
                ),
                tr(
                    "write the target {right}: a target writes the year in four digits",
                    right=repr(right),
                ),
            )
    joined = "".join(target.split())
    if joined != target and joined and _TARGET.match(joined):
        return _Bad(
            tr("a blank inside the citation target {target}", target=repr(target)),
            tr("write {right}, with no blank", right=repr(joined)),
        )
    cut = target.rstrip("/#@,.;:")
    if cut != target and cut and _TARGET.match(cut):
        mark = target[len(cut) :]
        return _Bad(
            tr(
                "the citation target {target} ends with {mark}, which nothing follows",
                target=repr(target),
                mark=repr(mark),
            ),
            tr("write {right}", right=repr(cut)),
        )
    return None


def _read_target(target: str) -> Parsed | _Bad:
    m = _TARGET.match(target)
    if m is None:
        almost = _almost(target)
        if almost is not None:
            return almost
        return _Bad(
            tr(
                "citation target {target} is not BODY:NUMBER[@YEAR][#FRAGMENT] "
                "(e.g. pp:123@2010, wtsa:17,26@2012, pp:191#resolves/3)",
                target=repr(target),
            ),
            tr(
                "write the body in lower case, a colon and the number, with no space "
                "(pp:123); then, where needed, '@' and the year of the revision, '#' and "
                "the clause"
            ),
        )
    body = m.group("body")
    numbers = m.group("numbers").split(",")
    if m.group("fragment") and "@" in m.group("fragment"):
        return _almost(target) or _year_in_fragment(target, m)
    fragment = tuple(m.group("fragment").split("/")) if m.group("fragment") else ()
    if fragment and len(numbers) > 1:
        last = numbers[-1]
        if len(numbers) == 2 and not m.group("year") and _YEARISH.fullmatch(last):
            # a comma typed for '@': "pp:196,2018#resolves/2"
            right = f"{body}:{numbers[0]}@{last}#{m.group('fragment')}"
            return _Bad(
                tr(
                    "citation target {target} names a clause of two resolutions, the second "
                    "numbered {year}: is {year} the revision's year, written after ',' for '@'?",
                    target=repr(target),
                    year=last,
                ),
                tr("write {right}", right=repr(right)),
            )
        return _Bad(
            tr(
                "citation target {target} names a clause or annex of several resolutions",
                target=repr(target),
            ),
            tr("give each resolution its own citation, with the clause of the one it belongs to"),
        )
    year = int(m.group("year")) if m.group("year") else None
    return tuple(ResolutionRef(body, n) for n in numbers), year, fragment


def _year_in_fragment(target: str, m: re.Match[str]) -> _Bad:
    """The problem of ``wtsa:57#resolves/9@2012``: the revision comes before the
    fragment, else the year would be read as part of the clause's label."""
    head = f"{m.group('body')}:{m.group('numbers')}"
    fragment, _, year = m.group("fragment").rpartition("@")
    if m.group("year") is None and re.fullmatch(r"[0-9]{4}", year) and "@" not in fragment:
        right = f"{head}@{year}#{fragment}"
        return _Bad(
            tr(
                "citation target {target} puts the revision after the clause, where it reads "
                "as part of the clause's label",
                target=repr(target),
            ),
            tr(
                "write {right}: the order is BODY:NUMBER@YEAR#FRAGMENT",
                right=repr(right),
            ),
        )
    return _Bad(
        tr("citation target {target} has '@' inside its clause or annex", target=repr(target)),
        tr(
            "the revision (@YEAR) comes once, before '#' (BODY:NUMBER@YEAR#FRAGMENT, "
            "e.g. pp:191@2018#resolves/3)"
        ),
    )


def parse(text: str) -> tuple[list[Span], list[MarkupProblem]]:
    """Split text into literal text, footnote markers and citations.

    Never raises. ``render(parse(t)[0]) == t`` for every string ``t``.
    """
    spans: list[Span] = []
    problems: list[MarkupProblem] = []
    bad: set[int] = set()  # (the starts of citations whose target is said: not read again)
    pos = 0
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if m.group("open_fn") is not None:
            problems.append(
                MarkupProblem(
                    tr("footnote marker '[^' is not closed with ']'"),
                    start,
                    end,
                    tr("close it with ']' after the footnote's id ([^1]), or remove it"),
                )
            )
            continue
        loose = m.group("loose")
        if loose is not None:  # kept as text (the marker as written), and said
            fid = loose.strip()
            problems.append(
                MarkupProblem(
                    tr(
                        "footnote marker {found} has a blank inside; it is the marker [^{id}]",
                        found=repr(m.group(0)),
                        id=fid,
                    ),
                    start,
                    end,
                    tr("write [^{id}], with no blank between the brackets", id=fid),
                    marks=fid,
                )
            )
            continue
        if start > pos:
            spans.append(Text(text[pos:start], pos, start))
        if m.group("fn") is not None:
            fid = m.group("fn")
            narrow = unicodedata.normalize("NFKC", fid) if not fid.isascii() else fid
            if narrow != fid and _FOOTNOTE_ID.match(narrow):
                # "[^１]": the id typed in full-width digits (an East Asian input
                # method) or another form of its characters; the marker of the note
                # '1', which it is read as (one finding: not a second one that no
                # footnote is '１' and none marks '1')
                problems.append(
                    MarkupProblem(
                        tr(
                            "footnote marker [^{id}] writes its id in characters of another "
                            "width or form; it is the marker [^{right}]",
                            id=fid,
                            right=narrow,
                        ),
                        start,
                        end,
                        tr("write [^{right}]", right=narrow),
                    )
                )
                fid = narrow
            elif not _FOOTNOTE_ID.match(fid):
                problems.append(
                    MarkupProblem(
                        tr("footnote marker [^{id}] needs an id of letters or digits", id=fid),
                        start,
                        end,
                        tr(
                            "write the id of its footnote in the footnotes list, e.g. [^1], "
                            "with no space or punctuation"
                        ),
                    )
                )
            elif spans and start == pos and _same_marker(spans[-1], fid, start):
                problems.append(
                    MarkupProblem(
                        tr("footnote marker [^{id}] written twice in a row", id=fid),
                        start,
                        end,
                        tr("delete one of the two markers [^{id}]", id=fid),
                    )
                )
            spans.append(FootnoteRef(fid, start, end))
        else:
            target = m.group("target")
            parsed = _parse_target(target)
            if isinstance(parsed, _Bad):
                problems.append(
                    MarkupProblem(parsed.message, start, end, parsed.help, citation=True)
                )
                spans.append(Text(text[start:end], start, end))
                bad.add(start)
            elif not m.group("text").strip():
                # "[ ](pp:71@2018)": its words blanks only (deleted, or not written)
                problems.append(_no_words(text, start, end))
                spans.append(Text(text[start:end], start, end))
                bad.add(start)
            else:
                refs, year, fragment = parsed
                spans.append(Citation(m.group("text"), target, refs, year, fragment, start, end))
        pos = end
    if pos < len(text):
        spans.append(Text(text[pos:], pos, len(text)))
    if "(" in text or ")" in text:
        for span in spans:
            if isinstance(span, Text) and ":" in span.text and span.start not in bad:
                problems.extend(stray_targets(text, span.start, span.end))
        problems.sort(key=lambda p: p.start)
    return spans, problems


# A citation's target in literal text: its markup cut by a lost '[' or ']',
# or a blank between ']' and '(' ("[words] (pp:123)"). The ']' before it, and
# the blanks, are groups of their own.
# what a citation's target looks like in literal text (read, then, by
# parse_target): a body, ':', then no blank nor parenthesis
TARGET_LIKE = r"[a-z][a-z0-9-]*:[0-9A-Za-z][^()\s]*"
_TARGET_IN_PARENTHESES = r"\((?P<target>" + TARGET_LIKE + r")\)"
STRAY_TARGET = re.compile(r"(?P<close>\])?(?P<blank>[ \t\u00a0]*)" + _TARGET_IN_PARENTHESES)
_TARGET_AT = re.compile(_TARGET_IN_PARENTHESES)
# ... and a citation's markup whose target is not closed: "[words](pp:123 on"
# (the target taken whole: not a part of it, "pp:7" of "pp:71)", that no ')' follows)
_OPEN_TARGET = re.compile(r"\]\((?P<target>" + TARGET_LIKE + r")(?![)A-Za-z0-9:@#,/._-])")
# the characters a target is written with (ASCII: BODY:NUMBER[@YEAR][#FRAGMENT])
_TARGET_CHARS = re.compile(r"[A-Za-z0-9:@#,/._-]+")
# ... and one whose '(' was lost: "[words]pp:196@2018)"
_LOST_OPEN = re.compile(r"\](?P<target>" + TARGET_LIKE + r")\)")


def _no_words(text: str, start: int, end: int) -> MarkupProblem:
    """The problem of a citation ``text[start:end]`` whose brackets hold no
    words ("[](pp:71@2018)", "[ ](pp:71@2018)")."""
    return MarkupProblem(
        tr(
            "citation {found} has no words: the words it cites were deleted, or not written",
            found=repr(text[start:end]),
        ),
        start,
        end,
        tr("write between '[' and ']' the words that cite it, as the published text says them"),
        citation=True,
    )


def stray_targets(text: str, start: int = 0, end: int | None = None) -> list[MarkupProblem]:
    """The citation targets of ``text[start:end]`` (literal text) that no
    citation's markup reads, each a problem: ``words](pp:123)`` with no '['
    before, ``[words(pp:123)`` with no ']', ``[words] (pp:123)`` with a
    blank, ``(pp:123)`` with no words in brackets, ``[words](pp:123 on``
    with no ')'. Only a target that reads well is one (not "(note: see)",
    "(http://…)")."""
    out: list[MarkupProblem] = []
    # (found from its '(', a literal the search jumps to; the blanks and the
    # ']' before it looked at then)
    for m in _TARGET_AT.finditer(text, start, len(text) if end is None else end):
        target = m.group("target")
        if isinstance(_parse_target(target), _Bad):
            continue
        shown = repr("(" + target + ")")
        at = m.start()
        b = at
        while b > start and text[b - 1] in " \t\u00a0":
            b -= 1
        close = b > start and text[b - 1] == "]"
        if close and b < at:
            problem = MarkupProblem(
                tr("a blank between ']' and {target}: the citation is read as text", target=shown),
                b - 1,
                m.end(),
                tr("delete the blank between ']' and '('"),
            )
        elif close and b == at and (outer := _outer_open(text, start, at - 1)) is not None:
            # "[Resolution 150 [Rev. 2014] (accounts)](pp:150@2014)": brackets in the words
            words = text[outer + 1 : at - 1]
            problem = MarkupProblem(
                tr(
                    "the words of citation {found} hold '[' or ']', which a citation's words "
                    "cannot: it is read as text",
                    found=repr(text[outer : m.end()]),
                ),
                outer,
                m.end(),
                tr(
                    "write the brackets inside the words as parentheses: {fixed}",
                    fixed=repr(
                        "[" + words.replace("[", "(").replace("]", ")") + "]" + text[at : m.end()]
                    ),
                ),
            )
        elif close and b == at and (noted := _marker_in_words(text, at - 1)) is not None:
            # "[Resolution 150[^1]](pp:150@2014)": the markers' brackets cut the words
            opened, markers = noted
            words = text[opened + 1 : at - 1]
            for marker in markers:
                words = words.replace(marker, "", 1)
            fixed = f"[{words.replace('  ', ' ')}]({target}){''.join(markers)}"
            problem = MarkupProblem(
                tr(
                    "footnote marker {marker} inside the words of citation {found}: it is read "
                    "as text",
                    marker=" ".join(markers),
                    found=repr(text[opened : m.end()]),
                ),
                opened,
                m.end(),
                tr("write the marker after the citation: {fixed}", fixed=repr(fixed)),
            )
        elif close and b == at and at - 2 >= start and text[at - 2] == "[":
            # "[](pp:71@2018)": the words deleted, the brackets left
            problem = _no_words(text, at - 2, m.end())
        elif close and b == at:
            problem = MarkupProblem(
                tr(
                    "citation markup {found} closes no '[': the words it cites are not marked, "
                    "and it is read as text",
                    found=repr(text[at - 1 : m.end()]),
                ),
                at - 1,
                m.end(),
                tr("write '[' before the words it cites (which hold no '[' or ']')"),
            )
        elif text.rfind("[", start, at) > text.rfind("]", start, at):
            opened = text.rfind("[", start, at)
            problem = MarkupProblem(
                tr(
                    "citation markup not closed: no ']' before {target}, and it is read as text",
                    target=shown,
                ),
                opened,
                m.end(),
                tr("write ']' right before {target}", target=shown),
            )
        else:
            problem = MarkupProblem(
                tr(
                    "citation target {target} without the words it cites between '[' and ']': "
                    "it is read as text",
                    target=shown,
                ),
                at,
                m.end(),
                tr(
                    "write the words it cites between '[' and ']' right before {target}, with no "
                    "blank before '('",
                    target=shown,
                ),
            )
        out.append(problem)
    for m in _OPEN_TARGET.finditer(text, start, len(text) if end is None else end):
        # (the mark that ends the text or a clause is not the target's: "(pp:71;")
        target = m.group("target").rstrip(",;.:")
        opened = text.rfind("[", start, m.start())
        if "]" in target and not isinstance(_parse_target(target.split("]")[0]), _Bad):
            # closed with ']' for ')': "[words](pp:196@2018], on"
            before = target.split("]")[0]
            out.append(
                MarkupProblem(
                    tr(
                        "citation markup closed with ']' after its target {target}, where ')' "
                        "closes it: it is read as text",
                        target=repr(before),
                    ),
                    opened if opened >= 0 else m.start(),
                    m.start("target") + len(before) + 1,
                    tr("write ')' for the ']' after {target}", target=repr(before)),
                )
            )
            continue
        if target and isinstance(_parse_target(target), _Bad):
            # words that follow the target with no blank (Chinese, Japanese: "](pp:150@2014
            # 关于..."): the target is its characters up to the first a target has not
            written = _TARGET_CHARS.match(target)
            if written is not None and written.end() < len(target):
                target = written.group().rstrip(",;.:")
        if not target or isinstance(_parse_target(target), _Bad):
            continue
        inside = _PARENTHESIS_IN_TARGET.match(text, m.end("target"))
        if inside is not None:
            # a parenthesis typed inside the target, its ')' there: "](pp:150(2014))"
            out.append(_parenthesis_in_target(text, opened, m, inside))
            continue
        out.append(
            MarkupProblem(
                tr(
                    "citation markup not closed: no ')' after its target {target}, and it is "
                    "read as text",
                    target=repr(target),
                ),
                opened if opened >= 0 else m.start(),
                m.start("target") + len(target),
                tr("write ')' right after {target}", target=repr(target)),
            )
        )
    for m in _LOST_OPEN.finditer(text, start, len(text) if end is None else end):
        target = m.group("target")
        if isinstance(_parse_target(target), _Bad):
            continue
        opened = text.rfind("[", start, m.start())
        if opened < 0 or text.find("]", opened, m.start()) >= 0:
            continue  # (no '[' whose words this ']' closes)
        out.append(
            MarkupProblem(
                tr(
                    "citation markup without its '(' before the target {target}: it is read as "
                    "text",
                    target=repr(target),
                ),
                opened,
                m.end(),
                tr("write '(' between ']' and {target}", target=repr(target)),
            )
        )
    return [replace(p, citation=True) for p in out]


# a parenthesis inside a citation's target, the citation's ')' after it:
# "](pp:150(2014))", "](pp:150 (Rev. Busan, 2014))"
_PARENTHESIS_IN_TARGET = re.compile(r"[ \t]*\((?P<inner>[^()\n]{0,80})\)(?P<close>\))?")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# how far back from a citation's ']' its words are looked for (a citation's
# words are a few dozen characters; a bound keeps a text of thousands of
# "](pp:1)" read in linear time), and a footnote marker's '[^' from its ']'
_WORDS_BACK = 500
_ID_BACK = 40


def _marker_in_words(text: str, close: int) -> tuple[int, list[str]] | None:
    """When footnote markers stand in the words of a citation whose ']' is at
    ``close`` ("[Resolution 150[^1]](pp:150)", "[Resolution 58[^1] of the
    Conference](pp:58)": the markers' own brackets cut the words): the offset
    of the '[' that opens the words, and the markers in order. None when no
    marker is there, or another ']' comes first (looked for within
    :data:`_WORDS_BACK` characters)."""
    markers: list[str] = []
    i = close - 1
    stop = max(0, close - _WORDS_BACK)
    while i >= stop:
        c = text[i]
        if c == "]":
            j = text.rfind("[^", max(0, i - _ID_BACK), i)
            if j < 0 or _FOOTNOTE_ID.match(text[j + 2 : i]) is None:
                return None
            markers.insert(0, text[j : i + 1])
            i = j - 1
            continue
        if c == "[":
            return (i, markers) if markers else None
        i -= 1
    return None


def _outer_open(text: str, start: int, close: int) -> int | None:
    """The '[' that the ']' at ``close`` closes when brackets nest (counted
    back from it, not before ``start`` nor beyond :data:`_WORDS_BACK`
    characters), if the words between hold a bracket: a citation's words
    with a '[...]' inside them. None otherwise."""
    depth = 0
    for i in range(close, max(start, close - _WORDS_BACK) - 1, -1):
        c = text[i]
        if c == "]":
            depth += 1
        elif c == "[":
            depth -= 1
            if depth == 0:
                inside = text[i + 1 : close]
                return i if "[" in inside or "]" in inside else None
    return None


def _parenthesis_in_target(
    text: str, opened: int, m: re.Match[str], inside: re.Match[str]
) -> MarkupProblem:
    """The problem of a citation whose target holds a parenthesis (``m``, an
    ``_OPEN_TARGET`` match; ``inside``, the parenthesis and the citation's
    ')'): the year of a revision typed in parentheses is written '@year'.
    Not "no ')' after the target": writing one there would leave the
    parenthesis as text after the citation."""
    target = m.group("target")
    typed = text[m.start("target") : inside.end("close") - 1 if inside["close"] else inside.end()]
    years = _YEAR.findall(inside.group("inner"))
    if len(years) == 1 and "@" not in target:
        help_ = tr(
            "write the target {target}: a revision's year after '@', not in parentheses",
            target=repr(f"{target}@{years[0]}"),
        )
    else:
        help_ = tr(
            "write the target as body:number, with '@year' for a revision and '#' for a clause "
            "(pp:71@2018#resolves/2), or write the words as text"
        )
    return MarkupProblem(
        tr(
            "citation target {target} holds a parenthesis, which no target has: it is read as text",
            target=repr(typed),
        ),
        opened if opened >= 0 else m.start(),
        inside.end(),
        help_,
    )


def _same_marker(span: Span, fid: str, start: int) -> bool:
    """Whether ``span`` is the marker [^fid] ending where another begins (a
    paste slip: ``[^1][^1]``)."""
    return isinstance(span, FootnoteRef) and span.id == fid and span.end == start


def render(spans: list[Span]) -> str:
    """The markup text of spans (inverse of :func:`parse`)."""
    out: list[str] = []
    for span in spans:
        if isinstance(span, Text):
            out.append(span.text)
        elif isinstance(span, FootnoteRef):
            out.append(f"[^{span.id}]")
        else:
            out.append(f"[{span.text}]({span.target})")
    return "".join(out)


def plain(text: str) -> str:
    """Text without markup: citation words kept, footnote markers dropped."""
    spans, _ = parse(text)
    return "".join(s.text if isinstance(s, Text | Citation) else "" for s in spans)
