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
  another verb's, since their lists may still miss a published form. A verb
  with no heading at all in the file's language is not checked.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from itures.model.vocabulary import FURTHER, Verbs, shipped_verbs, verb_vocabulary
from itures.rules import Context, Finding, rule

PART_NAME = {"preamble": "a preambular", "operative": "an operative"}


def verbs_of(ctx: Context) -> Verbs:
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


def _key(verbs: tuple[str, ...], further: bool) -> str:
    return " or ".join(FURTHER + v if further else v for v in verbs)


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
        if reading.verbs:
            hint = f"; the heading '{heading}' reads as {_key(reading.verbs, reading.further)}"
        else:
            candidates = [*keys, *(FURTHER + k for k in keys)]
            close = difflib.get_close_matches(verb, candidates, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
        other = verbs.part_of(verb)
        if other is not None and other != part:
            yield Finding(
                path,
                f"'{verb}' is {PART_NAME[other]} verb, not {PART_NAME[part]} one: "
                f"this section is in the {part}{hint}; move the section or correct the verb",
            )
            continue
        yield Finding(
            path,
            f"'{verb}' is not {PART_NAME[part]} verb of the vocabulary{hint} "
            f"(see schema/verbs.yaml, or add it in [tool.itures.verbs.{part}])",
        )


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
    Chinese and Russian only a heading that reads as another verb is
    reported (see the module's decisions).

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
    for part, s, verb, heading in _sections(ctx):
        base = verb.removeprefix(FURTHER)
        if base not in verbs.keys(part):
            continue  # verb-unknown says so
        own = verbs.headings[part][base].get(lang, [])
        if not own:
            continue  # the vocabulary has no heading for it in this language
        reading = verbs.read(heading, part, lang)
        path = (part, s, "heading")
        known = ", ".join(f"'{h}'" for h in own)
        if reading.verbs and base not in reading.verbs:
            yield Finding(
                path,
                f"the heading '{heading}' is that of {_key(reading.verbs, reading.further)}, "
                f"not of {verb}; correct the verb, or the heading ({verb} is {known})",
            )
        elif not reading.verbs:
            if lang in verbs.calibrated:
                yield Finding(
                    path,
                    f"the heading '{heading}' is not a heading of {verb} in '{lang}' "
                    f"({known}); correct it, or add it in [tool.itures.verbs.{part}]",
                )
        elif reading.further != verb.startswith(FURTHER):
            words = ", ".join(f"'{w}'" for w in verbs.further_words(lang))
            if reading.further:
                yield Finding(
                    path,
                    f"the heading '{heading}' says 'further' ({words}): the verb is "
                    f"{FURTHER}{base}, not {verb}; correct the verb or the heading",
                )
            else:
                yield Finding(
                    path,
                    f"the verb {verb} needs a heading with 'further' ({words}), and "
                    f"'{heading}' has none; correct the heading, or the verb to {base}",
                )
