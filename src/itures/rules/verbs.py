"""Section verbs and their headings, against the verb vocabulary.

The vocabulary is ``schema/verbs.yaml`` with the corpus's additions
(``[tool.itures.verbs]``, see :mod:`itures.config`); how a heading is matched
is said there and in :meth:`itures.model.vocabulary.Verbs.read`: folded case
and spacing, the words of *further* set aside, then the longest heading of
the vocabulary that starts it, in whole words, so that an operative heading
may go on to name its actors.

Decisions:

* A ``further_`` variant of a known verb is known (``further_recalling``);
  its heading must have a word of *further* ("recalling further", "rappelant
  en outre"), and a heading with one needs the ``further_`` key.
* A verb of the other part (``verb: recalling`` in the operative part) is
  ``verb-unknown``: the key is not one of that part's.
* ``heading-mismatch`` in a language whose lists are *calibrated* (checked
  against published texts: en, fr, es) reports a heading that is none of
  its verb's headings; in the others (ar, zh, ru) only a heading that is
  another verb's, since their lists may still miss a published form, or
  one whose first words are one slip of typing from one of its verb's
  (a letter left out, added, replaced, or two swapped: "рещает"), which no
  published form is. A verb
  with no heading at all in the file's language is not checked.
* ``heading-mismatch``, when two headings or more are not of their verbs
  in the file's language and all of them are in one other language (a
  French text whose ``language`` says ``en``, or headings copied from the
  French version and left untranslated), says so once, at ``language``,
  instead of once per section: one defect, one finding, with the two
  fixes it may need. In any language, ar, zh and ru included.
* ``section-duplicate``: two sections of one part with the same verb and
  the same heading (spacing and case aside). A verb's second section is its
  ``further_`` one ("considering further"), or its entries belong to the
  first. The same verb with other headings is not one: "instructs the
  Secretary-General" and "instructs the Director of BDT" are two sections
  (PP-18 has many).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from itures import textscan
from itures.i18n import either, tr
from itures.model.resolution import LANGUAGES
from itures.model.vocabulary import FURTHER, Reading, Verbs, shipped_verbs, verb_vocabulary
from itures.rules import Context, CorpusContext, Finding, Place, rule
from itures.rules.actors import as_read, mismatches
from itures.suggest import closest

TYPE_CHECKING = False
if TYPE_CHECKING:
    from itures.model.resolution import OperativeSection, PreambleSection

# the key of the file's memo under which heading-mismatch leaves the language
# the headings are in, when it is another than the file's (None otherwise)
HEADINGS_LANGUAGE = "headings-language"


def verbs_of(ctx: Context | CorpusContext) -> Verbs:
    """The vocabulary in force for this run (the shipped one and the configuration's)."""
    extra = ctx.config.verbs if ctx.config is not None else ()
    if not extra:
        return shipped_verbs()
    found: Verbs = ctx.memo_run(("verbs", extra), lambda: Verbs(verb_vocabulary(), extra))
    return found


def _sections(ctx: Context) -> Iterator[tuple[str, int, str, str]]:
    """(part, index, verb, heading) of every section."""
    for s, psec in enumerate(ctx.resolution.preamble):
        yield "preamble", s, psec.verb, psec.heading
    for s, osec in enumerate(ctx.resolution.operative):
        yield "operative", s, osec.verb, osec.heading


def misnamed(
    verbs: Verbs, language: str, sections: Iterable[tuple[str, str, str]], verb: str
) -> str | None:
    """The key of the first of ``sections`` ((part, verb key, heading) of a
    resolution in ``language``) that has another key than ``verb`` under a
    heading that reads as ``verb``, or None: a part named under ``verb``
    ('resolves 2') is looked for in that section, whose key ``verb-unknown``
    or ``heading-mismatch`` reports, with the verb to write (one defect, one
    finding: the part is not also said to name nothing)."""
    for part, key, heading in sections:
        if key == verb:
            continue
        reading = verbs.read(heading, part, language)
        if verb in (FURTHER + v if reading.further else v for v in reading.verbs):
            return key
    return None


def sections_of(ctx: Context) -> Iterator[tuple[str, str, str]]:
    """(part, verb key, heading) of every section of the file (see :func:`misnamed`)."""
    for part, _, verb, heading in _sections(ctx):
        yield part, verb, heading


def _key(verbs: tuple[str, ...], further: bool) -> str:
    return either([FURTHER + v if further else v for v in verbs])


def _not_of_part(part: str, verb: str) -> str:
    if part == "preamble":
        return tr("'{verb}' is not a preambular verb of the vocabulary", verb=verb)
    return tr("'{verb}' is not an operative verb of the vocabulary", verb=verb)


def _of_other_part(part: str, verb: str) -> str:
    if part == "preamble":
        return tr(
            "'{verb}' is an operative verb, not a preambular one: this section is in the preamble",
            verb=verb,
        )
    return tr(
        "'{verb}' is a preambular verb, not an operative one: this section is in the "
        "operative part",
        verb=verb,
    )


@rule(
    "verb-unknown", "error", "a section verb not in the vocabulary of preamble or operative verbs"
)
def verb_unknown(ctx: Context) -> Iterator[Finding]:
    """A section's ``verb`` must be a key of the verb vocabulary
    (``schema/verbs.yaml``, plus ``[tool.itures.verbs]``) for its part:
    preambular verbs in the preamble, operative verbs in the operative part.
    The verb is the key of clause citations (``#resolves/3``), so a typo
    breaks them. The message suggests the verb the heading reads as, else the
    nearest key.

    Failing::

        operative:
          - verb: resolve
            heading: décide

    Passing::

        operative:
          - verb: resolves
            heading: décide
    """
    verbs = verbs_of(ctx)
    lang = ctx.resolution.language
    for part, s, verb, heading in _sections(ctx):
        base = verb.removeprefix(FURTHER)
        keys = verbs.keys(part)
        if base in keys:
            continue
        path = (part, s, "verb")
        reading = verbs.read(heading, part, lang)
        close: list[str] = []
        if not reading.verbs:
            candidates = [*keys, *(FURTHER + k for k in keys)]
            close = [c] if (c := closest(verb, candidates)) else []
        other = verbs.part_of(verb)
        if other is not None and other != part:
            if reading.verbs:
                fix = tr(
                    "move the section, or correct the verb: the heading '{heading}' reads as "
                    "{verbs}",
                    heading=heading,
                    verbs=_key(reading.verbs, reading.further),
                )
            elif close:
                fix = tr(
                    "move the section, or correct the verb (did you mean '{verb}'?)",
                    verb=close[0],
                )
            else:
                fix = tr("move the section, or correct the verb")
            yield Finding(path, _of_other_part(part, verb), help=fix)
            continue
        if len(reading.verbs) == 1:
            fix = tr(
                "write '{key}', as the heading '{heading}' reads, or add '{verb}' in "
                "[tool.itures.verbs.{part}]",
                key=_key(reading.verbs, reading.further),
                heading=heading,
                verb=verb,
                part=part,
            )
        elif reading.verbs:
            fix = tr(
                "the heading '{heading}' reads as {verbs}: correct the verb, or add '{verb}' "
                "in [tool.itures.verbs.{part}]",
                heading=heading,
                verbs=_key(reading.verbs, reading.further),
                verb=verb,
                part=part,
            )
        elif close:
            fix = tr(
                "did you mean '{suggestion}'? Correct the verb, or add '{verb}' in "
                "[tool.itures.verbs.{part}]",
                suggestion=close[0],
                verb=verb,
                part=part,
            )
        else:
            fix = tr(
                "correct the verb (the verbs are listed in schema/verbs.yaml), or add '{verb}' "
                "in [tool.itures.verbs.{part}]",
                verb=verb,
                part=part,
            )
        yield Finding(path, _not_of_part(part, verb), help=fix)


@rule(
    "heading-mismatch",
    "error",
    "a section heading that is not one of its verb's headings in the file's language",
)
def heading_mismatch(ctx: Context) -> Iterator[Finding]:
    """A section's ``heading`` must write its ``verb`` in the file's language:
    it starts with one of the verb's headings in the vocabulary (an operative
    heading may go on to name actors: "charge le Directeur du BDT"), and has a
    word of *further* exactly when the verb is a ``further_`` one. In Arabic,
    Chinese and Russian only a heading that reads as another verb, or as its
    verb in another language (an English 'recalling' left in a Russian file),
    or whose first words are one of its verb's headings with one slip of
    typing ("рещает" for "решает", with a "did you mean"), is reported (see
    the module's decisions). An operative heading that holds the first
    words of its first clause after its actors ("instructs the Director of
    the Radiocommunication Bureau to ensure that ITU-R continues"), or ends
    with the word that clause starts with ("... Sector Members to"), is told
    which words to move (in en, fr and es). Headings in another language
    than the file's ``language`` names are one finding, at ``language`` (the
    field wrong, or the file not translated); what the rules that read the
    texts in the language the field names find in a text plainly not in that
    language (its marks, its words, its places:
    ``itures.rules.runner.LANGUAGE_BOUND``) follows from it and is not said
    as well, until the field or the texts are corrected. Between two
    languages of Latin letters (a French file whose field says 'en'), which
    a text's script does not tell apart, what those rules find anywhere in
    the file waits (decision: an English file whose headings alone are
    French waits too).

    Failing (*rappelant* is the heading of *recalling*)::

        language: fr
        preamble:
          - verb: considering
            heading: rappelant

    Passing::

        language: fr
        preamble:
          - verb: recalling
            heading: rappelant
    """
    verbs = verbs_of(ctx)
    lang = ctx.resolution.language
    # (part, section, verb, heading, the verb's headings in lang) of the headings not read
    unread: list[tuple[str, int, str, str, list[str]]] = []
    found: list[tuple[tuple[str, int], Finding]] = []
    for part, s, verb, heading in _sections(ctx):
        base = verb.removeprefix(FURTHER)
        if base not in verbs.keys(part):
            continue  # verb-unknown says so
        own = verbs.headings[part][base].get(lang, [])
        if not own:
            continue  # the vocabulary has no heading for it in this language
        reading = verbs.read(heading, part, lang)
        if not reading.verbs:
            # (read again past the slips other rules report in it, two words run
            # together, "invitesMember States": theirs, with their fix)
            again = as_read(ctx)(heading)
            if again != heading:
                reading = verbs.read(again, part, lang)
        if not reading.verbs:
            unread.append((part, s, verb, heading, own))
        said = [
            ((part, s), f)
            for f in _heading_findings(verbs, reading, lang, part, s, verb, heading, own)
        ]
        if not said and part == "operative" and reading.verbs:
            clause = _clause_in_heading(heading, lang, s)
            if clause is not None:
                said.append(((part, s), clause))
        found.extend(said)
    other = _written_in(verbs, lang, unread)
    ctx.memo(HEADINGS_LANGUAGE, lambda: other)  # (for the runner: see LANGUAGE_BOUND there)
    if other is None:
        yield from (f for _, f in found)
        return

    def some(items: list[str]) -> str:
        return ", ".join(f"'{h}'" for h in items[:3]) + (", …" if len(items) > 3 else "")

    yield Finding(
        ("language",),
        tr(
            "the section headings are in '{other}' ({headings}), and the file's language is "
            "'{lang}': is 'language' wrong, or were the headings not translated?",
            other=other,
            headings=some([h for *_, h, _ in unread]),
            lang=lang,
        ),
        help=tr(
            "if the text is in '{other}', write 'language: {other}'; if it is in '{lang}', "
            "write the headings in '{lang}' ({known})",
            other=other,
            lang=lang,
            known=some([own[0] for *_, own in unread]),
        ),
    )
    # (the sections it explains are not reported again one by one)
    explained = {(part, s) for part, s, *_ in unread}
    yield from (f for where, f in found if where not in explained)


def _slip_of(heading: str, own: list[str]) -> str | None:
    """The heading meant when the first words of ``heading`` are one of
    ``own`` (its verb's headings) with one slip of typing ("рещает" for
    "решает"), the words after them kept (the actors an operative heading
    names); None when none is."""
    from itures.suggest import one_slip

    words = heading.split()
    for h in own:
        n = len(h.split())
        typed = " ".join(words[:n])
        if one_slip(typed.casefold(), h.casefold()):
            return " ".join([h, *words[n:]])
    return None


def _written_in(
    verbs: Verbs, lang: str, unread: list[tuple[str, int, str, str, list[str]]]
) -> str | None:
    """The one other language in which every heading of ``unread`` (two or
    more, none a heading of its verb in ``lang``) is a heading of its verb."""
    if len(unread) < 2:
        return None
    for other in LANGUAGES:
        if other != lang and all(
            verb.removeprefix(FURTHER) in verbs.read(heading, part, other).verbs
            for part, _, verb, heading, _ in unread
        ):
            return other
    return None


def _heading_findings(
    verbs: Verbs,
    reading: Reading,
    lang: str,
    part: str,
    s: int,
    verb: str,
    heading: str,
    own: list[str],
) -> Iterator[Finding]:
    """What is wrong with the heading of section ``s`` of ``part``, which
    reads as ``reading`` in ``lang``."""
    base = verb.removeprefix(FURTHER)
    path = (part, s, "heading")
    if reading.verbs and base not in reading.verbs:
        known = either([f"'{h}'" for h in own])
        other = _key(reading.verbs, reading.further)
        yield Finding(
            path,
            tr(
                "the heading '{heading}' is that of {other}, not of {verb}",
                heading=heading,
                other=other,
                verb=verb,
            ),
            help=tr(
                "correct the verb to {other}, or the heading: {verb} is written {known}",
                other=other,
                verb=verb,
                known=known,
            ),
        )
    elif not reading.verbs:
        other_lang = next(
            (
                other
                for other in LANGUAGES
                if other != lang and base in verbs.read(heading, part, other).verbs
            ),
            None,
        )
        if other_lang is not None:
            # a heading left in another language (an English 'recalling' in a
            # Russian file): said in every language, calibrated or not
            yield Finding(
                path,
                tr(
                    "the heading '{heading}' is the heading of {verb} in '{other}', not in "
                    "'{lang}'",
                    heading=heading,
                    verb=verb,
                    other=other_lang,
                    lang=lang,
                ),
                help=tr("write {known}", known=either([f"'{h}'" for h in own])),
            )
        elif lang not in verbs.calibrated and (meant := _slip_of(heading, own)) is not None:
            # (a language whose headings are not calibrated: only a heading one
            # slip of typing from one of its verb's, "рещает", is surely wrong)
            yield Finding(
                path,
                tr(
                    "the heading '{heading}' is not a heading of {verb} in '{lang}': did you "
                    "mean '{meant}'?",
                    heading=heading,
                    verb=verb,
                    lang=lang,
                    meant=meant,
                ),
                help=tr("write {known}", known="'" + meant + "'"),
            )
        elif lang in verbs.calibrated:
            known = either([f"'{h}'" for h in own])
            yield Finding(
                path,
                tr(
                    "the heading '{heading}' is not a heading of {verb} in '{lang}'",
                    heading=heading,
                    verb=verb,
                    lang=lang,
                ),
                help=tr(
                    "write {known}, or add the heading in [tool.itures.verbs.{part}]",
                    known=known,
                    part=part,
                ),
            )
    elif reading.further != verb.startswith(FURTHER):
        words = either([f"'{w}'" for w in verbs.further_words(lang)])
        if reading.further:
            yield Finding(
                path,
                tr(
                    "the heading '{heading}' says 'further' ({words}), but the verb {verb} "
                    "does not",
                    heading=heading,
                    words=words,
                    verb=verb,
                ),
                help=tr(
                    "correct the verb to {further}, or take {words} out of the heading",
                    further=FURTHER + base,
                    words=words,
                ),
            )
        else:
            yield Finding(
                path,
                tr(
                    "the verb {verb} needs a heading with 'further' ({words}), and "
                    "'{heading}' has none",
                    verb=verb,
                    words=words,
                    heading=heading,
                ),
                help=tr("correct the heading, or the verb to {base}", base=base),
            )


def _same_entries(
    one: PreambleSection | OperativeSection, other: PreambleSection | OperativeSection
) -> bool:
    """Whether two sections hold the same entries (labels, texts, what they
    hold), word for word: one pasted again."""
    keep = {"verb", "heading"}
    return one.model_dump(exclude=keep) == other.model_dump(exclude=keep)


# the word a clause starts with, left at the end of its section's heading
_DANGLING = {"en": ("to",), "fr": ("de", "d'", "à"), "es": ("a", "que")}


def _clause_in_heading(heading: str, language: str, s: int) -> Finding | None:
    """An operative heading that holds the words of its first clause after
    its verb and actors ("instructs the Director of the Radiocommunication
    Bureau to ensure that ITU-R continues": :func:`textscan.heading_words`),
    or ends with the word that clause starts with ("invites all Member
    States and Sector Members to"): the words to move to the clause's text."""
    words = textscan.heading_words(heading, language)
    tail = heading[len(words) :].strip(" ,") if words != heading else ""
    if not tail:
        last = heading.rstrip().rsplit(None, 1)
        if len(last) < 2 or last[1].lower() not in _DANGLING.get(language, ()):
            return None
        tail = last[1]
    at = heading.rfind(tail)
    return Finding(
        ("operative", s, "heading"),
        tr(
            "the heading holds the first words of its first clause after its actors: {words}",
            words=repr(tail),
        ),
        offset=at,
        length=len(tail),
        help=tr(
            "move {words} from the heading to the start of the first clause's text",
            words=repr(tail),
        ),
    )


@rule(
    "section-duplicate",
    "error",
    "two sections of one part with the same verb and heading: the second is the verb's "
    "'further' one, or belongs to the first",
)
def section_duplicate(ctx: Context) -> Iterator[Finding]:
    """A section whose verb and heading are those of an earlier section of
    the same part (spacing and case aside): an editor who adds a section
    copies the one above it. ITU writes a verb's second section as its
    *further* variant ("considering further", "further resolves"), or the
    entries go into the first section. The same verb with another heading
    is another section ("instructs the Secretary-General", then "instructs
    the Director of BDT"). A heading whose section's actors name another
    ("instructs the Secretary-General" over ``actors: [council]``) was
    mistyped: ``actor-mismatch``'s one finding, not a second section. A
    section whose entries are the earlier one's, word for word, was pasted
    again: the help says to delete it (its 'further' form or a merge would
    keep every entry twice).

    Failing::

        preamble:
          - verb: considering
            heading: considering
            items: [{label: a), text: 'that ...,'}]
          - verb: considering
            heading: considering
            items: [{label: a), text: 'that ...,'}]

    Passing::

        preamble:
          - verb: considering
            heading: considering
            items: [{label: a), text: 'that ...,'}]
          - verb: further_considering
            heading: considering further
            items: [{label: a), text: 'that ...,'}]
    """
    res = ctx.resolution
    found: list[tuple[str, int, str, str, int, str]] = []
    parts: tuple[tuple[str, Sequence[PreambleSection | OperativeSection]], ...] = (
        ("preamble", res.preamble),
        ("operative", res.operative),
    )
    for part, sections in parts:
        verbs = Counter(sec.verb for sec in sections)
        if len(verbs) == len(sections):
            continue  # (no verb twice in the part: most parts)
        seen: dict[tuple[str, str], tuple[int, str]] = {}
        for s, sec in enumerate(sections):
            verb, heading = sec.verb, sec.heading
            if verbs[verb] > 1:
                first, written = seen.setdefault(
                    (verb, " ".join(heading.split()).casefold()), (s, heading)
                )
                if first != s:
                    found.append((part, s, verb, heading, first, written))
    if found and any(part == "operative" for part, *_ in found):
        config = ctx.config
        if config is None or config.enabled("actor-mismatch"):
            # a heading whose actors say another ("instructs the Secretary-General"
            # over actors: [council]): mistyped, as actor-mismatch says, not a
            # second section (one defect, one finding)
            told = {
                f.path[1] for f in mismatches(ctx) if f.path[0] == "operative" and len(f.path) == 3
            }
            found = [d for d in found if d[0] != "operative" or not {d[1], d[4]} & told]
    for part, s, verb, heading, first, written in found:
        sections_of = res.preamble if part == "preamble" else res.operative
        if _same_entries(sections_of[s], sections_of[first]):
            # the section pasted again, word for word: neither its 'further'
            # form nor a merge, which keep every entry twice, mends it
            yield Finding(
                (part, s, "heading"),
                tr(
                    "the section '{heading}' ({verb}) pasted again: its entries are the first "
                    "one's, word for word",
                    heading=heading,
                    verb=verb,
                ),
                help=tr("delete this second '{heading}' section", heading=heading),
                related=(
                    Place(
                        (part, first, "heading"),
                        tr("the first section '{heading}'", heading=written),
                    ),
                ),
            )
            continue
        if part == "preamble":
            message = tr(
                "a second preambular section '{heading}' ({verb}): a verb's second section "
                "is its 'further' one, or its items belong to the first",
                heading=heading,
                verb=verb,
            )
        else:
            message = tr(
                "a second operative section '{heading}' ({verb}): a verb's second section "
                "is its 'further' one, or its clauses belong to the first",
                heading=heading,
                verb=verb,
            )
        if verb.startswith(FURTHER):
            fix = tr("move its entries into the first '{heading}', and delete it", heading=written)
        else:
            words = either([f"'{w}'" for w in verbs_of(ctx).further_words(res.language)])
            fix = (
                tr(
                    "write 'verb: {further}' and {words} in its heading, or move its entries "
                    "into the first '{heading}'",
                    further=FURTHER + verb,
                    words=words,
                    heading=written,
                )
                if words
                else tr(
                    "write 'verb: {further}' and its heading, or move its entries into the "
                    "first '{heading}'",
                    further=FURTHER + verb,
                    heading=written,
                )
            )
        yield Finding(
            (part, s, "heading"),
            message,
            help=fix,
            related=(
                Place(
                    (part, first, "heading"), tr("the first section '{heading}'", heading=written)
                ),
            ),
        )
