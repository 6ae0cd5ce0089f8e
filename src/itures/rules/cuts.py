"""Text cut short: an entry that stops in the middle of a phrase.

An edit that deleted words up to the end mark, or a conversion that lost a
line, leaves an entry whose last word cannot end a phrase: an article, a
preposition or a conjunction right before the end mark ("projets de;",
"conferences that took part and;", as the PP-18 Final Acts read once
converted from PDF). The end mark itself is then right, so the punctuation
rule has nothing to say, and the text reads as complete to a quick eye.

Only the words that no sentence of these texts ends on are looked for, in
small letters after a blank (a capital is a label or a name: "Annex A."),
before ';', '.' or ',' at the text's very end. Not before ':': "by:",
"in order to:" introduce a list. Not a conjunction with no mark after it:
"...; and" is how ITU ends the last but one entry of a list. Not a word
that a language may end a clause on ("referred to", "les" after a verb's
hyphen: "faites-les"): English keeps only "the", "an", "and", "or", "nor"
and "of". No single letter but French "à" and Spanish "y" (a list's label:
"resolves 1 a;"), nor French "un" (the numeral). Languages other than
English, French, Spanish and Russian are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from itures.i18n import tr
from itures.rules import Context, Finding, rule
from itures.rules._walk import texts as texts

# The words no text ends on, by language, in small letters (see above).
_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "en": ("the", "an", "and", "or", "nor", "of"),
    # (no single letter but French 'à' and Spanish 'y': a list's label, "resolves 1 a;")
    "fr": (
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "à",
        "au",
        "aux",
        "et",
        "ou",
        "une",
        "pour",
        "par",
        "sur",
        "dans",
        "avec",
        "entre",
    ),
    "es": (
        "de",
        "del",
        "la",
        "el",
        "los",
        "las",
        "y",
        "al",
        "en",
        "para",
        "por",
        "con",
        "un",
        "una",
        "entre",
    ),
    "ru": ("или", "во", "на", "со", "по", "для", "от", "об"),
}
# French elisions: "de l';" (the apostrophe either way)
_ELISIONS = {"fr": ("l", "d", "qu")}
# (public: what a generator of texts keeps from their ends)
LAST_WORDS: dict[str, frozenset[str]] = {
    language: frozenset((*words, *(f"{e}{q}" for e in _ELISIONS.get(language, ()) for q in "'’")))
    for language, words in _BY_LANGUAGE.items()
}
# The end of each text, read backwards: the file's texts' last characters,
# each reversed, joined by "\0" (a "\0" first and last). A search then starts
# from its literal "\0" (it jumps from one to the next) and reads blanks, the
# end mark, blanks and one of the words, reversed, before a blank or the start
# of the text (a "\0": the text's own start only if the text is that short).
_TAIL = 32
_B = "[ \n\t\u00a0]"
_REVERSED: dict[str, re.Pattern[str]] = {
    language: re.compile(
        "\0"
        + _B
        + "*+(?P<mark>[;.,])"
        + _B
        + "*+(?P<word>"
        + "|".join(sorted((re.escape(w[::-1]) for w in words), key=len, reverse=True))
        + ")(?=[ \n\t\u00a0\0])"
    )
    for language, words in LAST_WORDS.items()
}


@rule(
    "text-cut",
    "warning",
    "a text that stops on an article, a preposition or a conjunction before its end mark "
    "('projets de;', 'took part and;'): words lost in an edit or a conversion",
)
def text_cut(ctx: Context) -> Iterator[Finding]:
    """An entry's text (an item, a clause, an annex paragraph, a footnote)
    whose last word before its end mark is one no phrase ends on: an
    article, a preposition or a conjunction ("projets de;", "de l';",
    "that took part and;", "the use of."). Words were lost: deleted by an
    edit with the text they belonged to, or a line left out by a
    conversion. Words in small letters after a blank only (a capital is a
    label or a name, a word after a hyphen a pronoun: "faites-les"); before
    ';', '.' or ',' only (not ':', which introduces a list: "by:"); in
    English, only "the", "an", "and", "or", "nor" and "of" ("referred
    to." ends a sentence); no single letter but French "à" and Spanish
    "y" (a label: "resolves 1 a;"); in English, French, Spanish and
    Russian. The finding spans the word and the mark.

    Failing::

        - label: d)
          text: la nécessité d'éviter que les études ne fassent double emploi avec des projets de;

    Passing::

        - label: d)
          text: la nécessité d'éviter que les études ne fassent double emploi avec des projets;
    """
    pattern = _REVERSED.get(ctx.resolution.language)
    if pattern is None:
        return
    all_texts = texts(ctx)
    tails = "\0" + "\0".join([t.text[: -_TAIL - 1 : -1] for t in all_texts]) + "\0"
    for m in pattern.finditer(tails):
        i = tails.count("\0", 0, m.start())
        t = all_texts[i]
        text = t.text
        if t.path[-1] != "text" or (
            tails[m.end()] == "\0" and len(text) > _TAIL  # (the tail's start, not the text's)
        ):
            continue
        # (offsets in the text: the tail is read backwards from its end)
        start = len(text) - (m.end() - m.start() - 1)
        end = len(text) - (m.start("mark") - m.start())
        word = text[start : start + len(m.group("word"))]
        yield Finding(
            t.path,
            tr(
                "the text stops on {word} before its end mark: words were lost, deleted "
                "with the text they belonged to or left out by a conversion",
                word=repr(word),
            ),
            offset=start,
            length=end + 1 - start,
            help=tr(
                "restore the words that followed {word} from the adopted text, or delete {word}",
                word=repr(word),
            ),
        )
