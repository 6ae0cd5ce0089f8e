"""Actors and deadlines, against the vocabulary (``schema/actors.yaml``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from itures.i18n import replacements, tr
from itures.model.markup import plain
from itures.model.vocabulary import suggest_actor, suggest_event, vocabulary_of
from itures.rules import Context, Finding, Place, rule
from itures.rules._walk import Path, clauses_of, last_revision, writes_word
from itures.suggest import closest, one_slip
from itures.textscan import BIDI_CONTROLS, INVISIBLE, LIGATURES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from itures.model.resolution import Clause, Deadline, OperativeSection

_WHEN = ("every", "event", "by")


def _suggest_actor(value: str) -> str | None:
    """The actor id an unknown one most likely means.

    Ids, names and abbreviations in the six languages all count: ``gcdt``
    (TDAG's French abbreviation) -> ``tdag``.
    """
    found = suggest_actor(value)
    return None if found == value else found


def _unknown_actor(actor: str, report: bool) -> tuple[str, str]:
    """Message and help of an unknown actor (``report``: a deadline's report_to)."""
    meant = _suggest_actor(actor)
    if meant is None:
        message = (
            tr(
                "unknown actor '{actor}' to report to (actor ids are listed in schema/actors.yaml)",
                actor=actor,
            )
            if report
            else tr(
                "unknown actor '{actor}' (actor ids are listed in schema/actors.yaml)", actor=actor
            )
        )
        return message, tr("use an actor id listed in schema/actors.yaml")
    message = (
        tr(
            "unknown actor '{actor}' to report to; did you mean '{meant}'? (actor ids are "
            "listed in schema/actors.yaml)",
            actor=actor,
            meant=meant,
        )
        if report
        else tr(
            "unknown actor '{actor}'; did you mean '{meant}'? (actor ids are listed in "
            "schema/actors.yaml)",
            actor=actor,
            meant=meant,
        )
    )
    return message, tr("write '{value}'", value=meant)


@rule("actor-unknown", "error", "an actor identifier not in the vocabulary")
def actor_unknown(ctx: Context) -> Iterator[Finding]:
    """An ``actors`` or ``partners`` entry (of a section or a clause), or a
    deadline's ``report_to``, that is not an actor id of the vocabulary
    (``schema/actors.yaml``).

    The suggestion ("did you mean") reads every language's names and
    abbreviations of the vocabulary: ``gcdt`` (TDAG's French abbreviation)
    suggests ``tdag``, ``conseil`` suggests ``council``.

    Failing::

        actors: [bdt-directr, gcdt]

    Passing::

        actors: [bdt-director, tdag]
    """
    known = vocabulary_of(ctx.config).actor_ids()
    res = ctx.resolution

    def check(path: tuple[str | int, ...], ids: list[str]) -> Iterator[Finding]:
        for i, actor in enumerate(ids):
            if actor not in known:
                message, help_ = _unknown_actor(actor, report=False)
                yield Finding((*path, i), message, help=help_)

    # (most lists are empty, or hold known actors alone: their check is one
    # test, with no path made)
    for s, osec in enumerate(res.operative):
        if osec.actors and not known.issuperset(osec.actors):
            yield from check(("operative", s, "actors"), osec.actors)
        if osec.partners and not known.issuperset(osec.partners):
            yield from check(("operative", s, "partners"), osec.partners)
    for path, clause in clauses_of(ctx):
        if clause.actors and not known.issuperset(clause.actors):
            yield from check((*path, "actors"), clause.actors)
        if clause.partners and not known.issuperset(clause.partners):
            yield from check((*path, "partners"), clause.partners)
        if clause.deadlines:
            for d, deadline in enumerate(clause.deadlines):
                if deadline.report_to is not None and deadline.report_to not in known:
                    message, help_ = _unknown_actor(deadline.report_to, report=True)
                    yield Finding((*path, "deadlines", d, "report_to"), message, help=help_)


@rule(
    "deadline-malformed",
    "error",
    "a deadline without exactly one of every, event and by, or written twice in its clause",
)
def deadline_malformed(ctx: Context) -> Iterator[Finding]:
    """A deadline says when with exactly one of ``every`` (recurring),
    ``event`` (by an event of the vocabulary) and ``by`` (by a year). When
    its words say when it falls (read as ``deadline-mismatch`` reads them),
    the help writes that one, or deletes the other of two; the words are
    then not also ``deadline-mismatch``'s. A deadline that repeats another
    of its clause (the same data and words: pasted twice) is reported at
    the repeat, the first related.

    Failing::

        deadlines:
          - every: year
            by: 2020
            report_to: council

    Passing::

        deadlines:
          - every: year
            report_to: council
    """
    language = ctx.resolution.language
    for path, clause in _with_deadlines(ctx):
        seen: dict[tuple[object, ...], int] = {}
        for d, deadline in enumerate(clause.deadlines):
            same = (deadline.every, deadline.event, deadline.by, deadline.report_to, deadline.text)
            first = seen.setdefault(same, d)
            if first != d:
                yield Finding(
                    (*path, "deadlines", d),
                    tr(
                        "deadline {n} repeats deadline {first} of its clause: the same data and "
                        "words, written twice",
                        n=d + 1,
                        first=first + 1,
                    ),
                    help=tr("delete the repeated deadline"),
                    related=(Place((*path, "deadlines", first), tr("deadline {n}", n=first + 1)),),
                )
                continue  # (what else is wrong with it is said of the first)
            given = [k for k in _WHEN if getattr(deadline, k) is not None]
            if len(given) == 1:
                continue
            where = (*path, "deadlines", d)
            # (what its words say, read as the importer reads them: the one to keep
            # or to write; deadline-mismatch leaves such a deadline to this rule)
            said = _said(deadline.text, language) if deadline.text else None
            when = {k: said[k] for k in _WHEN if said[k] is not None} if said else {}
            if not given:
                yield Finding(
                    where,
                    tr(
                        "the deadline does not say when; give one of every (year, two-years, "
                        "session), event (next-pp, …) or by (a year)"
                    ),
                    help=tr(
                        "write {said}, as its words {words} say",
                        said=_fields(when),
                        words=repr(deadline.text),
                    )
                    if len(when) == 1
                    else tr("add the one the text sets: every, event or by"),
                )
            else:
                # (the one the words say kept, when they say one the deadline gives)
                keep = next(iter(when)) if len(when) == 1 else None
                if keep not in given or getattr(deadline, str(keep)) != when.get(str(keep)):
                    keep = None
                drop = [k for k in given if k != keep] if keep else [given[1]]
                yield Finding(
                    (*where, drop[0]),
                    tr(
                        "the deadline gives both {first} and {second}; keep one, and make "
                        "another deadline entry if the text sets two",
                        first=given[0],
                        second=given[1],
                    ),
                    key=True,
                    help=tr(
                        "delete {drop}: its words {words} say {said}",
                        drop=", ".join(f"'{k}'" for k in drop),
                        words=repr(deadline.text),
                        said=_fields(when),
                    )
                    if keep
                    else tr(
                        "delete '{second}', or move it to a deadline entry of its own",
                        second=given[1],
                    ),
                )


@rule("deadline-event-unknown", "error", "a deadline by an event not in the vocabulary")
def deadline_event_unknown(ctx: Context) -> Iterator[Finding]:
    """A deadline's ``event`` must be an event id of the vocabulary
    (``schema/actors.yaml``): next-pp, next-wtdc, next-wtsa, next-ra,
    next-wrc, next-council.

    Failing::

        deadlines:
          - event: next-plenipotentiary
            report_to: council

    Passing::

        deadlines:
          - event: next-pp
            report_to: council
    """
    vocab = vocabulary_of(ctx.config)
    known = vocab.event_ids()
    for path, clause in _with_deadlines(ctx):
        for d, deadline in enumerate(clause.deadlines):
            if deadline.event is not None and deadline.event not in known:
                # (the words first: 'next-world-radio' is next-wrc, not next-ra)
                close = suggest_event(deadline.event, vocab) or closest(
                    deadline.event, sorted(known)
                )
                yield Finding(
                    (*path, "deadlines", d, "event"),
                    _unknown_event(deadline.event, known, close),
                    help=tr("write '{value}'", value=close)
                    if close
                    else tr(
                        "write one of the events listed, or add the event to the corpus "
                        "vocabulary ([tool.itures] vocabulary)"
                    ),
                )


def _unknown_event(event: str, known: frozenset[str], close: str | None) -> str:
    events = ", ".join(sorted(known))
    if close:
        return tr(
            "unknown event '{event}'; did you mean '{meant}'? (events: {events})",
            event=event,
            meant=close,
            events=events,
        )
    return tr("unknown event '{event}' (events: {events})", event=event, events=events)


@rule(
    "deadline-mismatch",
    "error",
    "a deadline whose words are not in its clause, or say another time or addressee than its "
    "data; a deadline by a year before the text",
)
def deadline_mismatch(ctx: Context) -> Iterator[Finding]:
    """A deadline's ``text`` is the words of its clause that state it, as
    written: they must be in the clause's text (spacing, footnote markers and
    citation targets aside), or the text was revised and the deadline was
    not; when the clause writes the words but for one word in four ("de
    l'ITU" for "de l'UIT", "au TDAG" for "au GCDT"), the message says what
    it writes and the help names the words to make alike, in the clause or
    the deadline. A slip another rule reports in either is read past (an
    invisible character, another apostrophe, a blank beside a mark, a word
    written twice, "l'ITU" in French, a name with another organ's
    abbreviation after it, when the data is either one's): one slip, one
    finding, that rule's, with its fix; a slip in the deadline's words that
    is in the clause's too is told once, at the clause, the deadline's words
    attached, and a quick fix mends both. In English, French and Spanish, the words are read as the importer
    reads them (``itures import``), and
    what they say must be what the data says: *chaque année au Conseil*
    is ``every: year`` and ``report_to: council``, *to the ITU Council by
    2020* ``by: 2020`` and ``report_to: council``. What the words do not say
    is not compared (a report to the next conference is often told before
    the words: "to report ... to the next plenipotentiary conference"), nor
    words that say no deadline or several. In a file whose clauses list
    their deadlines, a clause with none whose words set one is a warning,
    with the data to write (its deadline deleted with a mend, or forgotten
    in a clause written by hand); in a file that lists none, deadlines stay
    optional. A deadline ``by`` a year before
    the text's own (its history's last revision) is a warning: left from an
    earlier revision ("d'ici 2015" in a text revised in 2017), or one that
    had passed (not when the deadline's words say another year: that
    mismatch is said, with the year to write). An event that is no event of
    the vocabulary is ``deadline-event-unknown``'s, with the event it meant,
    and stands for when the deadline falls: not compared with the words
    here.

    Failing::

        - label: '3'
          text: de prier le Secrétaire général de faire rapport chaque année au Conseil;
          deadlines:
            - every: two-years
              report_to: council
              text: chaque année au Conseil

    Passing::

        - label: '3'
          text: de prier le Secrétaire général de faire rapport chaque année au Conseil;
          deadlines:
            - every: year
              report_to: council
              text: chaque année au Conseil
    """
    with_deadlines = _with_deadlines(ctx)
    if not with_deadlines:
        return  # (most files)
    yield from _unlisted_deadlines(ctx)
    language = ctx.resolution.language
    wrote = last_revision(ctx.resolution)
    known = vocabulary_of(ctx.config).actor_ids()
    events = vocabulary_of(ctx.config).event_ids()
    for path, clause in with_deadlines:
        text = clause.text
        for d, deadline in enumerate(clause.deadlines):
            where = (*path, "deadlines", d)
            if (
                wrote is not None
                and deadline.by is not None
                and deadline.by < wrote.year
                and not _by_differs(deadline.by, deadline.text, text, language)
            ):
                yield Finding(
                    (*where, "by"),
                    tr(
                        "the deadline is {by}, before this text ({place}, {year}, the last "
                        "revision its history records): a deadline left from an earlier "
                        "revision, or one that had passed",
                        by=deadline.by,
                        place=wrote.place,
                        year=wrote.year,
                    ),
                    severity="warning",
                    help=tr(
                        "write the deadline the revised text sets, or delete the deadline if it "
                        "had passed"
                    ),
                )
            words = deadline.text
            if words is None:
                continue
            if words not in text and not _within(words, text) and not _read_alike(ctx, words, text):
                now = _words_now(clause, deadline, language)
                near = _near(words, text) if now is None or not now[1] else None
                if near is not None:
                    written, pairs = near
                    at = text.find(written)
                    yield Finding(
                        (*where, "text"),
                        tr(
                            "the deadline's words {words} are not in the text of its clause, "
                            "which writes {written}: one of the two was retyped",
                            words=repr(words),
                            written=repr(written),
                        ),
                        help=tr(
                            "write {pairs} in the clause, or the other way round in the "
                            "deadline's words, whichever is wrong",
                            pairs=replacements(pairs),
                        ),
                        related=(
                            Place(
                                (*path, "text"),
                                tr("the clause's words"),
                                offset=at if at >= 0 else None,
                                length=len(written) if at >= 0 else None,
                            ),
                        ),
                    )
                    continue
                yield Finding(
                    (*where, "text"),
                    tr(
                        "the deadline's words {words} are not in the text of its clause: the "
                        "text was revised and the deadline was not, or the words were retyped",
                        words=repr(words),
                    ),
                    help=now[0]
                    if now is not None
                    else tr(
                        "write in 'text' the words of the clause that set the deadline, and "
                        "check the deadline's data against them"
                    ),
                )
                continue
            if sum(getattr(deadline, k) is not None for k in _WHEN) != 1:
                continue  # no 'when', or two: deadline-malformed's, with what the words say
            said = _said(words, language)
            if said is None:
                continue
            # (a report_to that is no actor id, 'councel': actor-unknown's, with the
            # id it meant; an event that is no event id, 'next-ppc': deadline-event-
            # unknown's, and it stands for when the deadline falls, whatever the
            # words say of it ('every: year' replaced by it): not compared)
            unknown_event = deadline.event is not None and deadline.event not in events
            differ = [
                k
                for k in (*_WHEN, "report_to")
                if said[k] is not None
                and getattr(deadline, k) != said[k]
                and (k != "report_to" or deadline.report_to is None or deadline.report_to in known)
                and (k not in _WHEN or not unknown_event)
            ]
            if differ == ["report_to"] and any(
                (other := _said(crossed, language)) is not None
                and other["report_to"] == deadline.report_to
                for crossed in _uncrossed(ctx, words)
            ):
                # (a name whose abbreviation after it is another's: punctuation's,
                # and the data agrees with one of the two)
                continue
            if differ:
                # (at the field that differs; at the words where the data lost it:
                # "chaque année au Conseil" with no report_to)
                lost = differ[0] == "report_to" and deadline.report_to is None
                yield Finding(
                    (*where, "text" if lost else differ[0]),
                    tr(
                        "the deadline's words {words} say {said}; its data says {data}",
                        words=repr(words),
                        said=_fields(said),
                        data=_fields({k: getattr(deadline, k) for k in (*_WHEN, "report_to")}),
                    ),
                    key=True,
                    help=tr(
                        "write {said}, as the words say, or correct the words",
                        said=_fields(said),
                    ),
                )


def _near(words: str, text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The words of ``text`` (markup aside) that ``words`` are but for one
    word in four at most, in the same places ("chaque année au Conseil de
    l'ITU" for "… de l'UIT"), three words or more: (those words of the
    text, the pairs of the text's word and the words' that differ, as
    :func:`itures.i18n.replacements` takes them: the words' to write in the
    text). None when there are none,
    or several such places."""
    wanted = words.split()
    n = len(wanted)
    if n < 3:
        return None
    have = (plain(text) if "[" in text else text).split()
    allowed = max(1, n // 4)
    found: list[tuple[str, list[tuple[str, str]]]] = []
    for at in range(len(have) - n + 1):
        window = have[at : at + n]
        differ = [i for i in range(n) if window[i] != wanted[i]]
        # (a word added to the text, or taken out of it, is no word retyped:
        # "annually to the ITU Council" for "annually to the Council")
        if len(differ) > allowed or any(
            have[at + i + 1 : at + i + 2] == [wanted[i]] or wanted[i + 1 : i + 2] == [window[i]]
            for i in differ
        ):
            continue
        found.append((" ".join(window), [(repr(window[i]), repr(wanted[i])) for i in differ]))
    return found[0] if len(found) == 1 else None


def _words_now(clause: Clause, deadline: Deadline, language: str) -> tuple[str, bool] | None:
    """The help for a deadline whose words its clause no longer has, when
    the clause's words now set one deadline and the clause lists one: the
    words to write, and the data they say where it differs ("tous les deux
    ans au Conseil de l'UIT": every: two-years); and whether the data
    differs. None when the words set
    none or several, or the clause lists several deadlines (which is which
    is the editor's to say), or in a language without an import grammar."""
    from itures.importers.lang import LANGUAGES

    if language not in LANGUAGES or len(clause.deadlines) != 1:
        return None
    text = clause.text
    read = _read_deadlines(plain(text) if "[" in text else text, language)
    if len(read) != 1:
        return None
    words, fields = read[0]
    data = {k: getattr(deadline, k) for k in (*_WHEN, "report_to")}
    said = {k: v for k, v in fields.items() if v is not None}
    if all(data[k] == v for k, v in said.items()):
        return tr("write 'text: {words}', as the clause's words now say", words=words), False
    return (
        tr(
            "write 'text: {words}' and {fields}, as the clause's words now say",
            words=words,
            fields=_fields(fields),
        ),
        True,
    )


def _unlisted_deadlines(ctx: Context) -> Iterator[Finding]:
    """The clauses, in a file whose other clauses list their deadlines, with
    none, whose words set one as the importer reads them (the data deleted
    with a mend, or a clause written by hand and its deadline forgotten): a
    warning at the words, with the data to write. A file that lists none is
    left alone: deadlines stay optional. A frequency alone ("annually", no
    one reported to) is not said: it may be how often the work is done."""
    from itures.importers.lang import LANGUAGES

    language = ctx.resolution.language
    if language not in LANGUAGES:
        return
    for path, clause in clauses_of(ctx):
        if clause.deadlines:
            continue
        # (a frequency alone, "annually", may be the work's, not a report's: not
        # said; a report to someone, a year or an event is a deadline)
        read = [
            r
            for r in _read_deadlines(
                plain(clause.text) if "[" in clause.text else clause.text, language
            )
            if r[1]["report_to"] is not None or r[1]["every"] is None
        ]
        if not read:
            continue
        words, fields = read[0]
        at = clause.text.find(words)
        yield Finding(
            (*path, "text"),
            tr(
                "the clause's words {words} set a deadline ({fields}), and it lists no "
                "'deadlines', where the file's other clauses list theirs",
                words=repr(words),
                fields=_fields(fields),
            ),
            offset=at if at >= 0 else None,
            length=len(words) if at >= 0 else None,
            severity="warning",
            help=tr(
                "write under the clause 'deadlines:' with {fields} and 'text: {words}'",
                fields=_fields(fields),
                words=words,
            ),
        )


@functools.lru_cache(maxsize=4096)
def _read_deadlines(text: str, language: str) -> tuple[tuple[str, dict[str, object]], ...]:
    """The deadlines a clause's words set, read as the importer reads them:
    each its words and its data (remembered: clauses repeat across a corpus)."""
    from itures.importers.extract import deadlines

    return tuple(
        (d.text, {k: getattr(d, k) for k in (*_WHEN, "report_to")})
        for d in deadlines(text, language)
        if d.text
    )


def _by_differs(by: int, words: str | None, text: str, language: str) -> bool:
    """Whether a deadline's words, in its clause, say another ``by`` year than
    its data, or another kind of deadline ("annually", "to the next
    conference"): the mismatch is said (with the data to write), not also the
    data's year as one before the text."""
    if words is None or not (words in text or _within(words, text)):
        return False
    said = _said(words, language)
    if said is None:
        return False
    if said["by"] is not None:
        return said["by"] != by
    return any(said[k] is not None for k in _WHEN)


def _with_deadlines(ctx: Context) -> list[tuple[Path, Clause]]:
    """The clauses that have deadlines, with their paths (found once per file
    for the three deadline rules)."""
    found: list[tuple[Path, Clause]] = ctx.memo(
        "deadlines", lambda: [(p, c) for p, c in clauses_of(ctx) if c.deadlines]
    )
    return found


def _within(words: str, text: str) -> bool:
    """Whether ``words`` are in ``text``, spacing, footnote markers and
    citation targets aside."""
    wanted = " ".join(words.split())
    return wanted in " ".join(text.split()) or wanted in " ".join(plain(text).split())


# What other rules report in a clause's words, which a deadline's words are
# read past (see _read_alike): the invisible characters conversion-artefact
# reports (a soft hyphen, a zero-width space, a word joiner, a byte order
# mark, the direction controls) and the ligatures of a PDF's text; the
# apostrophes punctuation reports when a file mixes them
_INVISIBLE: dict[int, str | None] = dict.fromkeys(map(ord, INVISIBLE + BIDI_CONTROLS))
_LIGATURES = {ord(ligature): letters for ligature, letters in LIGATURES.items()}
_APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc"), "'")
# an abbreviation whose parenthesis lost its partner (punctuation's "not
# closed", "not opened": "Bureau de la normalisation des télécommunications
# (TSB et le Directeur", "… Bureau TSB) et"), read with both
# (the look for its partner stops at the next parenthesis: linear)
_ABBREVIATION_UNCLOSED = re.compile(r"\(([A-Z][A-Z-]*[A-Z])(?=[ ,;])(?![^()]*\))")
_ABBREVIATION_UNOPENED = re.compile(r"(?<![(\w-])([A-Z][A-Z-]*[A-Z])\)")


def _opened(s: str) -> str:
    """``s`` with each abbreviation before a ')' that no '(' before it
    opens read with its '(' ("TSB) et" read "(TSB) et"), in one pass."""
    parts: list[str] = []
    last = depth = 0
    for m in _ABBREVIATION_UNOPENED.finditer(s):
        between = s[last : m.start()]
        depth = max(0, depth + between.count("(") - between.count(")"))
        parts.append(between)
        if depth:
            parts.append(m.group())
            depth -= 1  # (its ')' closes one opened before)
        else:
            parts.append(f"({m.group(1)})")
        last = m.end()
    parts.append(s[last:])
    return "".join(parts)


# the place of a blank lost between two words, the second with its capital
# ("leDirecteur", "laConférence"): punctuation's or conversion-artefact's slip
_RUN_TOGETHER = re.compile(r"(?<=[a-zß-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")
# the slips punctuation tells that a reading reads past (see as_read): two
# capitals at a word's start ("NAtions"), a word in small letters glued to
# the year after it ("for2020"), a percentage to the word after it
# ("30%compared"), a possessive's apostrophe typed as another mark ("ITU.s"),
# a word run into an abbreviation ("theITU") or, in English, beside "the",
# "of" or "and" ("ofthe", "theimplementation")
_HELD = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{2}[a-zß-öø-ÿ]+\b")
_YEAR_GLUED = re.compile(r"(?<![^\W\d_])([a-z]{2,24})(\d{4})(?!\d)")
_POSSESSIVE_TYPED = re.compile(r"(?<=[^\W\d_]{2})[.,;:]s(?![^\W\d_'’])")
_SHORT_GLUED = re.compile(r"\b[^\W\d_]*(?:the|of|and)[^\W\d_]*\b")
# a capital after a small letter, and a word with one in it
_INNER_CAPITAL = re.compile(r"[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ]")
_RUN_WORD = re.compile(r"[^\W\d_]*[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ][^\W\d_]*")
# in French, 'l' or 'd' glued to a word with its capital, its apostrophe
# lost (punctuation's: "lUIT", "dUnion"; not "dB", "dBm")
_ELIDED_CAPITAL = re.compile(r"(?<![^\W\d_'])([ld])([A-ZÀ-ÖØ-Þ][^\W\d_]*)")


def _elided(m: re.Match[str]) -> str:
    """An elision whose apostrophe was lost, read with it, as punctuation tells it."""
    from itures.rules._conventions import lost_elision

    letter, rest = m.groups()
    return f"{letter}'{rest}" if lost_elision(letter, rest) else m.group()


# the blanks beside a mark (punctuation's: "année,au")
_BESIDE_MARKS = re.compile(r"\s*([,;:])\s*")
# a word written twice in a row (word-duplicate's: "au au Conseil")
_TWICE = re.compile(r"\b(\w+)(?:\s+\1\b)+")


def _read_alike(ctx: Context, words: str, text: str) -> bool:
    """Whether a deadline's ``words`` are in its clause's ``text`` once
    what other rules report in either is read past (:func:`as_read`), and
    a blank beside a mark or a mark without its blank (punctuation's). That
    slip is one finding, the other rule's, with its fix; the deadline's
    words are not also said to be lost."""
    read = as_read(ctx)
    if ctx.config is None or ctx.config.enabled("punctuation"):
        return _BESIDE_MARKS.sub(r"\1", read(words)) in _BESIDE_MARKS.sub(r"\1", read(text))
    return read(words) in read(text)


def as_read(ctx: Context) -> Callable[[str], str]:
    """A clause's words as they read once what other rules report in them
    is read past: an invisible character or a ligature (conversion-artefact),
    another apostrophe or a blank after one (punctuation), a word written
    twice (word-duplicate), an abbreviation another language writes
    ("l'ITU" in French: text-language), an abbreviation with a letter lost or
    two swapped ("l'UTI") or whose parenthesis lost its partner ("(TSB et
    le"), an elision's apostrophe lost ("lUIT", "dintérêt"; punctuation), and
    markup; two words run together, the second with its capital
    ("leDirecteur") or in capitals ("theITU"), a capital typed inside a
    word the file writes otherwise ("annuallY", "NAtions") or a letter
    typed small in an abbreviation it writes ("ItU"), a word glued to the
    year after it ("in2019") or a percentage to the word after it
    ("30%of"), and in English a possessive's apostrophe typed as another
    mark ("ITU.s") and the blank lost beside "the", "of" or "and"
    ("ofthe"), and a word misspelt ("normlaisation": word-spelling). The
    data read from them
    (a deadline's words, the actors they address) is then not also said to
    differ: one slip, one finding, with its fix. A rule that is turned off
    is not read past: its slip is then the reader's to report. Made once a
    file: the rules ask it of each heading, clause and deadline they read
    again."""
    result: Callable[[str], str] = ctx.memo("as-read", lambda: _reader(ctx))
    return result


def _reader(ctx: Context) -> Callable[[str], str]:
    """:func:`as_read` of the file of ``ctx``, made."""
    config = ctx.config

    def enabled(name: str) -> bool:
        return config is None or config.enabled(name)

    table: dict[int, str | None] = {}
    if enabled("conversion-artefact"):
        table.update(_INVISIBLE)
        table.update(_LIGATURES)
    marks = enabled("punctuation")
    if marks:
        table.update(_APOSTROPHES)
    twice = enabled("word-duplicate")
    from itures.rules import _abbreviations

    foreign: dict[str, str] = {}
    if enabled("text-language"):
        foreign = dict(_abbreviations.forms(ctx, ctx.resolution.language))
    elisions = marks and ctx.resolution.language == "fr"
    if marks:
        # (an abbreviation with a letter lost or two swapped: "l'UTI")
        foreign.update(_abbreviations.lettered(ctx))
        # (two words run together that the dictionary tells, "annéeau")
        from itures.rules._misspelt import run_together

        foreign.update((word, f"{r.first} {r.second}") for word, r in run_together(ctx).items())
    if enabled("word-spelling"):
        # (a word misspelt, "normlaisation": word-spelling's)
        from itures.rules._misspelt import misspelt

        foreign.update((word, m.meant) for word, m in misspelt(ctx).items())
    if elisions:
        # (an elision's apostrophe lost before a small letter, where the file
        # writes it elsewhere: "dintérêt")
        from itures.rules._conventions import elided_forms
        from itures.rules._walk import texts

        whole = "\0".join([t.text for t in texts(ctx)])
        foreign.update(
            (glued, f"{elision}'{word}")
            for glued, (elision, word) in elided_forms(whole).items()
            if glued in whole
        )
    named = re.compile(r"\b(?:" + "|".join(map(re.escape, foreign)) + r")\b") if foreign else None

    writes = writes_word(ctx)
    from itures.rules import _conventions as conventions

    def apart(m: re.Match[str]) -> str:
        word = m.group()
        for written in (word[0] + word[1:].lower(), word.lower()):
            if writes(written):
                return written  # (a capital typed inside a word the file writes)
        if sum(map(str.islower, word)) == 1 and writes(word.upper()):
            return word.upper()  # (an abbreviation with a letter typed small: "EwCF")
        glued = conventions.SMALL_THEN_CAPITALS.fullmatch(word)
        if glued is not None and writes(glued.group(1)) and writes(glued.group(2)):
            return f"{glued.group(1)} {glued.group(2)}"  # (a word run into one: "theITU")
        return _RUN_TOGETHER.sub(" ", word)

    def held(m: re.Match[str]) -> str:
        # (two capitals at a word's start, the shift key held: "NAtions")
        word = m.group()
        own = word[0] + word[1:].lower()
        return own if writes(own) else word

    def year_apart(m: re.Match[str]) -> str:
        # (a word glued to the year after it: "for2020")
        return f"{m.group(1)} {m.group(2)}" if writes(m.group(1)) else m.group()

    english = ctx.resolution.language == "en"

    def short_apart(m: re.Match[str]) -> str:
        # (in English, the blank lost beside "the", "of", "and": "theITU" aside)
        return conventions.short_apart(m.group(), writes) or m.group()

    def read(s: str) -> str:
        s = " ".join((plain(s) if "[" in s else s).translate(table).split())
        if twice:
            s = _TWICE.sub(r"\1", s)
        if marks:
            s = s.replace("' ", "'")
            if elisions:
                # (an elision's apostrophe lost before a capital: "lUIT")
                s = _ELIDED_CAPITAL.sub(_elided, s)
            # (two words run together, the second with its capital: "leDirecteur";
            # a capital typed inside a word the file writes otherwise, "DiRecteur",
            # "annuallY", read as that word)
            if _INNER_CAPITAL.search(s):
                s = _RUN_WORD.sub(apart, s)
            s = _HELD.sub(held, s)
            if any(c.isdigit() for c in s):
                s = _YEAR_GLUED.sub(year_apart, s)
            if "%" in s:
                s = conventions.PERCENT_GLUED.sub("% ", s)
            if english:
                s = _POSSESSIVE_TYPED.sub("'s", s)
                s = _SHORT_GLUED.sub(short_apart, s)
            if "(" in s or ")" in s:
                s = _ABBREVIATION_UNCLOSED.sub(r"(\1)", s)
                s = _opened(s)
        if named is not None:
            s = named.sub(lambda m: foreign[m.group()], s)
        return s

    return read


# a word of a name, as the vocabulary writes its names ("Secretary-General",
# "l'UIT", "d'études")
_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def _respelt(
    ctx: Context,
    path: Path,
    text: str,
    actors: list[str],
    partners: list[str],
    heading: bool = False,
    cased: bool = True,
) -> Finding | None:
    """A clause whose words do not address the ``actors`` and ``partners`` it
    lists because the name of one of them is written with a slip in one of
    its words ("the Secretary-Genral", "the Telecommunications Development
    Bureau"): the finding of that word, with the name's word to write, when
    the words, that word mended, address what the clause lists (the advice
    is then not to change the data, which is right). None otherwise: a
    name mistyped that the words are read past, as they address what the
    clause lists, is not this rule's. ``cased``: whether a word written in
    other capitals ("council") counts as a slip (not in words that address
    no one: a council of any kind there)."""
    from itures.model.vocabulary import vocabulary

    language = ctx.resolution.language
    read_past = as_read(ctx)

    def reading(words: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        if heading:
            return _heading_reading(read_past(words), language)
        return _addressed(read_past(words), language)

    plain_text = plain(text) if "[" in text else text
    read = reading(plain_text)
    if read is None:
        return None
    # (those the words do not address first; then the others, whose name
    # mistyped may leave its abbreviation after it read as another actor:
    # "Director of the Telecommunications Development Bureau (BDT)")
    listed = list(dict.fromkeys((*actors, *partners)))
    missing = [a for a in listed if a not in read[0] and a not in read[1]]
    words = [(m.start(), m.group()) for m in _NAME_WORD.finditer(plain_text)]
    vocab = vocabulary()
    for actor_id in [*missing, *(a for a in listed if a not in missing)]:
        actor = vocab.actor(actor_id)
        for name in getattr(actor.names, language, ()) if actor is not None else ():
            wanted = name.split()
            n = len(wanted)
            for i in range(len(words) - n + 1):
                differ = [k for k in range(n) if words[i + k][1] != wanted[k]]
                if len(differ) != 1:
                    continue
                at, written = words[i + differ[0]]
                right = wanted[differ[0]]
                if (
                    not cased
                    if written.casefold() == right.casefold()
                    else not one_slip(written, right)
                ) or read_past(written) == right:
                    # (not a slip; or another rule's, which the words are
                    # read past: "normlaisation", word-spelling's)
                    continue
                mended = plain_text[:at] + right + plain_text[at + len(written) :]
                again = reading(mended)
                if again is None or _disagree(path, actors, partners, again, heading):
                    continue
                offset = at
                if plain_text is not text:
                    # (where the words are in the text as written, markup in it)
                    window = [w for _, w in words[i : i + n]]
                    found = re.search(
                        r"(?<![\w'\u2019-])"
                        + r"\s+".join(
                            f"({re.escape(w)})" if k == differ[0] else re.escape(w)
                            for k, w in enumerate(window)
                        )
                        + r"(?![\w'\u2019-])",
                        text,
                    )
                    if found is None:
                        return None
                    offset = found.start(1)
                pairs = [(repr(written), repr(right))]
                values = {
                    "written": repr(written),
                    "name": repr(name),
                    "actor": actor_id,
                    "right": repr(right),
                }
                return Finding(
                    (*path, "heading" if heading else "text"),
                    tr(
                        "{written} in the name {name}: the heading names {actor}, as the "
                        "section's data says, once it is written {right}",
                        **values,
                    )
                    if heading
                    else tr(
                        "{written} in the name {name}: the clause's words address {actor}, as "
                        "its data says, once it is written {right}",
                        **values,
                    ),
                    offset=offset,
                    length=len(written),
                    severity="warning",
                    help=tr("write {pairs}", pairs=replacements(pairs)),
                )
    return None


def _uncrossed(ctx: Context, text: str) -> Iterator[str]:
    """``text`` with the names whose abbreviation after them stands for
    another organ ("Telecommunication Standardization Advisory Group
    (TDAG)": punctuation's, which cannot tell which of the two to mend)
    written as the abbreviation's: the words read the other way. Nothing
    when there are none, or when punctuation is turned off."""
    if ctx.config is not None and not ctx.config.enabled("punctuation"):
        return
    if "(" not in text or ctx.resolution.language not in _READ:
        return
    from itures.rules import _abbreviations
    from itures.rules._conventions import crossed

    owners = _abbreviations.owners(ctx)
    found = list(crossed(text, owners))
    if not found:
        return
    parts: list[str] = []
    last = 0
    for start, begin, _, _, other in found:
        parts.append(text[last:begin])
        parts.append(owners.shown[other][0] + " ")
        last = start
    parts.append(text[last:])
    yield "".join(parts)


@functools.lru_cache(maxsize=4096)
def _said(words: str, language: str) -> dict[str, object] | None:
    """What the words of a deadline say, read as the importer reads a clause
    (en, fr, es); None when they say no one deadline, or in another language.
    Remembered (the caller does not change what it gets): a corpus words
    its deadlines alike ("chaque année au Conseil")."""
    from itures.importers.lang import LANGUAGES

    if language not in LANGUAGES:
        return None
    from itures.importers.extract import deadlines

    read = deadlines(words, language)
    if len(read) != 1:
        return None
    return {k: getattr(read[0], k) for k in (*_WHEN, "report_to")}


def _fields(values: dict[str, object]) -> str:
    """'every: year, report_to: council' (the fields that are set)."""
    return ", ".join(f"{k}: {v}" for k, v in values.items() if v is not None)


@rule(
    "actor-mismatch",
    "error",
    "actors or partners other than those the heading or the clause's words name",
)
def actor_mismatch(ctx: Context) -> Iterator[Finding]:
    """The ``actors`` and ``partners`` of an operative section are those its
    heading names ("charge le Directeur du BDT, en coopération avec le
    Directeur du TSB": actor ``bdt-director``, partner ``tsb-director``), a
    clause's those its words address ("d'inviter le GCDT, en collaboration
    avec ..."). In English, French and Spanish the words are read as the
    importer reads them (``itures import``); a heading or a clause revised
    and its actors not, or actors and partners swapped, is reported; so is a
    section, or a clause of a section that lists none, whose ``actors`` were
    deleted and ``partners`` kept (the partners of no one). A section or
    such a clause whose heading or words address actors and that lists
    neither, in a file that lists actors elsewhere (for a clause: in other
    clauses), is a warning with the actors to write; in a file that lists
    none, actors stay optional. A
    clause's words are read past the slips other rules report in them (an
    invisible character in "Direc\u00adteur", "le TDAG" in French, a name
    with another organ's abbreviation after it): one slip, one finding, that
    rule's. A word of the name of an actor or a partner the data lists
    mistyped ("the Secretary-Genral", "the Director of the
    Telecommunications Development Bureau (BDT)", where the abbreviation
    would be read as the Bureau), so that the words read otherwise than the
    data says and, the word mended, as it says, is a warning at that word,
    with the word to write (offered as a quick fix, not applied by
    ``--fix``): not the data to change to match the slip.

    The ones a heading or a clause's words address listed as its
    ``partners``, with no ``actors`` ("instructs the ITU Council" with
    ``partners: [council]``), are written under the wrong key: reported.
    What the words do not say is not compared: words that name no actor, a
    list the data leaves empty (actors are optional), partners the words do
    not name, partners the data leaves out in a file that lists none, actors
    the shipped vocabulary does not know (a corpus's own: the reading cannot
    name them; unknown ids are ``actor-unknown``'s). But a section whose
    heading names actors and that lists none, in a file whose other sections
    list theirs (as ``itures import`` writes them), is a warning: a section
    made by hand, its actors forgotten; and so are partners the heading or
    the words name, left out where the actors are listed, in a file that
    lists partners elsewhere.

    Failing (the Director of TSB is the partner)::

        - verb: instructs
          heading: >-
            charge le Directeur du Bureau de développement des télécommunications, en
            coopération avec le Directeur du Bureau de la normalisation des
            télécommunications
          actors: [tsb-director]
          partners: [bdt-director]

    Passing::

          actors: [bdt-director]
          partners: [tsb-director]
    """
    yield from mismatches(ctx)


def mismatches(ctx: Context) -> list[Finding]:
    """The findings of ``actor-mismatch``, computed once per file: each at
    the ``actors`` or ``partners`` of its section or clause (``actor-duplicate``
    leaves an actor in both lists to the fix they give)."""

    def compute() -> list[Finding]:
        res = ctx.resolution
        out: list[Finding] = []
        if res.language not in _READ:
            return out
        known = _shipped_actors()
        # whether the file lists actors: its sections, or its clauses (a section
        # or clause whose words address some and that lists none then lost them)
        by_section = any(osec.actors for osec in res.operative)
        by_clause = any(clause.actors for _, clause in clauses_of(ctx))
        listing = by_section or by_clause
        # whether the file lists partners: then one the words name and the
        # data leaves out is forgotten, as actors are (a file that lists none
        # does not record them)
        partnering = any(osec.partners for osec in res.operative) or any(
            clause.partners for _, clause in clauses_of(ctx)
        )
        for s, osec in enumerate(res.operative):
            if not osec.actors and not osec.partners and listing:
                read = _heading_reading(osec.heading, res.language)
                if (
                    read is not None
                    and read[0]
                    and known.issuperset((*read[0], *read[1]))
                    # (a heading of another verb is heading-mismatch's: which
                    # of the two is meant, the section's actors follow)
                    and _heading_verb(osec.heading, res.language) == osec.verb
                ):
                    out.append(_unlisted(("operative", s), read, by_section))
                continue
            if osec.actors and known.issuperset(osec.actors) and known.issuperset(osec.partners):
                read = _heading_reading(osec.heading, res.language)
                if read is not None:
                    found = _disagree(
                        ("operative", s), osec.actors, osec.partners, read, True, partnering
                    )
                    if found is not None:
                        # (read again past the slips other rules report in the
                        # heading, "en coopération coopération avec": theirs)
                        again = _heading_reading(as_read(ctx)(osec.heading), res.language)
                        if again is not None and (
                            _disagree(
                                ("operative", s),
                                osec.actors,
                                osec.partners,
                                again,
                                True,
                                partnering,
                            )
                            is None
                        ):
                            found = None
                    respelt = None
                    if found is not None:
                        respelt = _respelt(
                            ctx, ("operative", s), osec.heading, osec.actors, osec.partners, True
                        )
                    elif not (read[0] or read[1] or _reads(ctx, osec)):
                        # (a heading that names no one, its actor's name mistyped,
                        # "instructs the Secreetary-General", is not judged against
                        # the data: the name is looked for with a slip in it,
                        # unless another rule's slip is what the name lacks)
                        respelt = _respelt(
                            ctx,
                            ("operative", s),
                            osec.heading,
                            osec.actors,
                            osec.partners,
                            True,
                            cased=False,
                        )
                    if respelt is not None:
                        out.append(respelt)
                    elif found is not None and not any(
                        (other := _heading_reading(crossed, res.language)) is not None
                        and _disagree(
                            ("operative", s), osec.actors, osec.partners, other, True, partnering
                        )
                        is None
                        for crossed in _uncrossed(ctx, osec.heading)
                    ):
                        out.append(found)
            elif not osec.actors and osec.partners and known.issuperset(osec.partners):
                read = _heading_reading(osec.heading, res.language)
                if read is not None:
                    found = _partners_for_actors(
                        ("operative", s), osec.partners, read, True
                    ) or _actors_lost(("operative", s), osec.partners, read, True, known)
                    if found is not None:
                        out.append(found)
        for path, clause in clauses_of(ctx):
            if (
                clause.actors
                and known.issuperset(clause.actors)
                and known.issuperset(clause.partners)
            ):
                read = _addressed(plain(clause.text), res.language)
                found = _disagree(path, clause.actors, clause.partners, read, False, partnering)
                if found is None and not (read[0] or read[1]):
                    # (words that address no one, the name of the actor the
                    # clause lists mistyped in them: that word's finding, unless
                    # another rule's slip, read past, is what the name lacks:
                    # "Directeur du BTD", punctuation's)
                    again = _addressed(as_read(ctx)(clause.text), res.language)
                    respelt = (
                        None
                        if again[0] or again[1]
                        else _respelt(
                            ctx, path, clause.text, clause.actors, clause.partners, cased=False
                        )
                    )
                    if respelt is not None:
                        out.append(respelt)
                elif found is not None:
                    # (read again past the slips other rules report in the
                    # words, "Direc\u00adteur": theirs, with their fix)
                    read = _addressed(as_read(ctx)(clause.text), res.language)
                    respelt = _respelt(ctx, path, clause.text, clause.actors, clause.partners)
                    if respelt is not None:
                        out.append(respelt)
                    elif _disagree(
                        path, clause.actors, clause.partners, read, False, partnering
                    ) and not any(
                        _disagree(
                            path,
                            clause.actors,
                            clause.partners,
                            _addressed(as_read(ctx)(other), res.language),
                            False,
                            partnering,
                        )
                        is None
                        for other in _uncrossed(ctx, clause.text)
                    ):
                        out.append(found)
            elif (
                not clause.actors
                and not clause.partners
                and by_clause
                and len(path) == 4
                and not res.operative[int(path[1])].actors
            ):
                # a clause of a section that lists none, in a file whose clauses
                # list theirs: one whose words address some lost them
                read = _addressed(plain(clause.text), res.language)
                if read[0] and known.issuperset((*read[0], *read[1])):
                    read = _addressed(as_read(ctx)(clause.text), res.language)
                    if read[0] and known.issuperset((*read[0], *read[1])):
                        out.append(_unlisted(path, read, clause=True))
            elif not clause.actors and clause.partners and known.issuperset(clause.partners):
                read = _addressed(plain(clause.text), res.language)
                # (a clause under a section or a clause that lists actors is
                # theirs: its partners may be its own, its actors theirs)
                alone = len(path) == 4 and not res.operative[int(path[1])].actors
                found = _partners_for_actors(path, clause.partners, read, False) or (
                    _actors_lost(path, clause.partners, read, False, known) if alone else None
                )
                if found is not None:
                    read = _addressed(as_read(ctx)(clause.text), res.language)
                    if (
                        _partners_for_actors(path, clause.partners, read, False)
                        or _actors_lost(path, clause.partners, read, False, known)
                    ) is not None:
                        out.append(found)
        return out

    result: list[Finding] = ctx.memo("actor-mismatches", compute)
    return result


# the languages whose words are read (the import grammars)
_READ = ("en", "fr", "es")


def _reads(ctx: Context, osec: OperativeSection) -> bool:
    """Whether a section's heading names anyone once what other rules report
    in it is read past (:func:`as_read`)."""
    again = _heading_reading(as_read(ctx)(osec.heading), ctx.resolution.language)
    return again is not None and bool(again[0] or again[1])


@functools.cache
def _shipped_actors() -> frozenset[str]:
    from itures.model.vocabulary import vocabulary

    return vocabulary().actor_ids()


@functools.lru_cache(maxsize=1024)
def _heading_reading(heading: str, language: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The actors and partners an operative heading names (None: not a heading
    the grammar reads)."""
    from itures.importers.extract import heading_actors
    from itures.importers.lang import grammar, operative_verb

    found = operative_verb(heading, grammar(language))
    if found is None:
        return None
    who = heading_actors(found[1], language)
    return tuple(who.actors), tuple(who.partners)


@functools.lru_cache(maxsize=1024)
def _heading_verb(heading: str, language: str) -> str | None:
    """The verb key an operative heading reads as (None: not a heading the
    grammar reads)."""
    from itures.importers.lang import grammar, operative_verb

    found = operative_verb(heading, grammar(language))
    return None if found is None else found[0]


@functools.lru_cache(maxsize=4096)
def _addressed(text: str, language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The actors and partners a clause's words address (remembered: clauses
    repeat across the language versions' checks and a corpus's revisions)."""
    from itures.importers.extract import addressed

    who = addressed(text, language)
    return tuple(who.actors), tuple(who.partners)


def _unlisted(
    path: Path,
    read: tuple[tuple[str, ...], tuple[str, ...]],
    by_section: bool = True,
    clause: bool = False,
) -> Finding:
    """The finding of a section whose heading names actors, with no ``actors``
    nor ``partners``, in a file whose other sections list theirs (a section
    made by hand, its actors forgotten: a warning), or whose clauses do
    (``by_section`` false); with ``clause``, of a clause whose words address
    actors, under a section that lists none, in a file whose other clauses
    list theirs (its actors deleted or forgotten)."""
    said, with_ = read
    values = {"read": ", ".join(said), "actors": ", ".join(said), "partners": ", ".join(with_)}
    if clause:
        message = tr(
            "the clause's words address {read}, but the clause lists no 'actors', where the "
            "file's other clauses list theirs",
            **values,
        )
        help_ = (
            tr("write 'actors: [{actors}]' and 'partners: [{partners}]' in the clause", **values)
            if with_
            else tr("write 'actors: [{actors}]' in the clause", **values)
        )
    else:
        message = (
            tr(
                "the heading names {read}, but the section lists no 'actors', where the file's "
                "other sections list theirs",
                **values,
            )
            if by_section
            else tr(
                "the heading names {read}, but the section lists no 'actors', where the file's "
                "clauses list theirs",
                **values,
            )
        )
        help_ = (
            tr("write 'actors: [{actors}]' and 'partners: [{partners}]' in the section", **values)
            if with_
            else tr("write 'actors: [{actors}]' in the section", **values)
        )
    return Finding(path, message, key=True, severity="warning", help=help_)


def _partners_unlisted(path: Path, with_: tuple[str, ...], heading: bool) -> Finding:
    """The finding of a section or clause whose heading or words name
    partners, with its actors listed and no ``partners``, in a file that
    lists partners elsewhere (a section or clause made or mended by hand, its
    partners forgotten: a warning, at its ``actors``)."""
    partners = ", ".join(with_)
    return Finding(
        (*path, "actors"),
        tr(
            "the heading names the partners {partners}, but the section lists no 'partners', "
            "where the file lists them elsewhere",
            partners=partners,
        )
        if heading
        else tr(
            "the clause's words name the partners {partners}, but the clause lists no "
            "'partners', where the file lists them elsewhere",
            partners=partners,
        ),
        key=True,
        severity="warning",
        help=tr("write 'partners: [{partners}]' under 'actors'", partners=partners),
    )


def _partners_for_actors(
    path: Path,
    partners: list[str],
    read: tuple[tuple[str, ...], tuple[str, ...]],
    heading: bool,
) -> Finding | None:
    """The finding when a section or clause with no ``actors`` lists as its
    ``partners`` the ones its heading or words address, and no partner
    ("instructs the ITU Council" with ``partners: [council]``): written
    under the wrong key."""
    said, with_ = read
    if not said or with_ or set(said) != set(partners):
        return None
    values = {"read": ", ".join(said)}
    return Finding(
        (*path, "partners"),
        tr(
            "the heading addresses {read}, listed in 'partners' with no 'actors': the ones it "
            "addresses are its actors",
            **values,
        )
        if heading
        else tr(
            "the clause's words address {read}, listed in 'partners' with no 'actors': the "
            "ones they address are its actors",
            **values,
        ),
        key=True,
        help=tr("write actors: [{read}] in place of partners: [{read}]", **values),
    )


def _actors_lost(
    path: Path,
    partners: list[str],
    read: tuple[tuple[str, ...], tuple[str, ...]],
    heading: bool,
    known: frozenset[str],
) -> Finding | None:
    """The finding when a section or clause with no ``actors`` lists as its
    ``partners`` the partners its heading or words name, and these name
    actors too ("charge le Directeur du BDT, en coopération avec le
    Directeur du TSB" with ``partners: [tsb-director]`` alone): its
    ``actors`` deleted or forgotten, the partners of no one."""
    said, with_ = read
    if not said or set(with_) != set(partners) or not known.issuperset(said):
        return None
    values = {"read": ", ".join(said), "partners": ", ".join(partners)}
    return Finding(
        (*path, "partners"),
        tr(
            "the heading addresses {read}, with the partners {partners}, but the section lists "
            "its partners and no 'actors'",
            **values,
        )
        if heading
        else tr(
            "the clause's words address {read}, with the partners {partners}, but the clause "
            "lists its partners and no 'actors'",
            **values,
        ),
        key=True,
        help=tr("write 'actors: [{read}]' above 'partners'", **values),
    )


def _disagree(
    path: Path,
    actors: list[str],
    partners: list[str],
    read: tuple[tuple[str, ...], tuple[str, ...]],
    heading: bool,
    partnering: bool = False,
) -> Finding | None:
    """The finding when the data's actors (or partners) are not those read;
    partners the words name and the data leaves out are a warning in a file
    that lists partners elsewhere (``partnering``), and not compared in one
    that lists none."""
    said, with_ = read
    if not said:
        return None
    if set(said) == set(actors) and with_ and not partners and partnering:
        return _partners_unlisted(path, with_, heading)
    if set(said) == set(actors) and (not with_ or not partners or set(with_) == set(partners)):
        return None
    values = {
        "data": ", ".join(actors),
        "read": ", ".join(said),
        "partners": ", ".join(with_),
    }
    if set(said) == set(actors):  # the partners alone
        values["data"] = ", ".join(partners)
        message = (
            tr(
                "the heading names the partners {partners}, but 'partners' lists {data}",
                **values,
            )
            if heading
            else tr(
                "the clause's words name the partners {partners}, but 'partners' lists {data}",
                **values,
            )
        )
        where: Path = (*path, "partners")
    else:
        if not with_:
            message = (
                tr("the heading names the actors {read}, but 'actors' lists {data}", **values)
                if heading
                else tr("the clause's words address {read}, but 'actors' lists {data}", **values)
            )
        elif heading:
            message = tr(
                "the heading names the actors {read} (partners: {partners}), but 'actors' "
                "lists {data}",
                **values,
            )
        else:
            message = tr(
                "the clause's words address {read} (partners: {partners}), but 'actors' lists "
                "{data}",
                **values,
            )
        where = (*path, "actors")
    if not with_:
        fix = (
            tr(
                "write actors: [{read}] as the heading says, or correct the heading",
                read=values["read"],
            )
            if heading
            else tr(
                "write actors: [{read}] as the words say, or correct the words", read=values["read"]
            )
        )
        return Finding(where, message, help=fix)
    fix = (
        tr(
            "write actors: [{read}] and partners: [{partners}] as the heading says, or correct "
            "the heading",
            read=", ".join(said),
            partners=", ".join(with_),
        )
        if heading
        else tr(
            "write actors: [{read}] and partners: [{partners}] as the words say, or correct "
            "the words",
            read=", ".join(said),
            partners=", ".join(with_),
        )
    )
    return Finding(where, message, help=fix)
