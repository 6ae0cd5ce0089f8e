"""Words misspelt by a slip of typing: "techonology", "developpment",
"recommnedation", where the file writes the word right elsewhere. What is
read as misspelt is :mod:`itures.rules._misspelt`'s (the actors' rules read
past it too); this module tells it."""

from __future__ import annotations

from collections.abc import Iterator

from itures.i18n import tr
from itures.rules import Context, Finding, rule
from itures.rules._misspelt import misspelt
from itures.rules._walk import in_citation_words
from itures.rules.languages import in_another_language
from itures.rules.references import CITATION_NOUNS

__all__ = ["word_spelling"]


@rule(
    "word-spelling",
    "warning",
    "a word no dictionary knows, one slip of typing from a word the file writes: 'techonology'",
)
def word_spelling(ctx: Context) -> Iterator[Finding]:
    """A word that the dictionary of the file's language does not know,
    written once, that is one slip of typing (a letter typed twice, added,
    lost or changed, two letters swapped) from a word the file writes
    elsewhere: "techonology" where the file writes "technology",
    "developpment", "recommnedation". In English, also one slip (not a
    letter changed) from a word of the dictionary, not one of its rarest,
    that the file does not write, in a word of six letters or more in small
    letters ("conslutations"), or of seven letters or more with a capital
    first, one slip from a common word (seen 1,000 times or more:
    "Informattion", "Covnention"; not "Chinois", "Flickr", names one slip
    from rarer words): the message then does not say that the file writes
    it. A word with a capital first ("Secertariat", "Unon") is told where
    the file writes the word meant with its capital too, and the dictionary
    knows it (not a name: "Marrakesh" beside "Marrakech"); a word in small
    letters, where the file writes the word meant small or with a capital
    first ("plenioptentiary" where it writes "Plenipotentiary"). A
    warning at the word, with the word to write (a guess: a quick fix offers
    it, ``itures check --fix`` does not apply it). English, French and
    Spanish (the dictionaries of pyspellchecker; the French and Spanish ones
    lack too many forms of verbs and plurals to be trusted alone).

    Not a word in a web address, a path or a citation's target, in a
    section's heading (heading-mismatch reads it), in a text in another
    language (text-language's), nor a citation's noun in its words
    ("[Reoslution 71 …]": reference-text's). Not a word the dictionary knows ("form" for
    "from" is a word: a slip no dictionary sees), nor one of fewer than four
    letters or more than forty, a roman numeral ("viii"), one in capitals or with a capital
    inside, a digit or an apostrophe inside it (a French elision is read
    after its apostrophe, "l'organistion"; each part of a compound after its
    hyphen), nor one the file writes twice or more (a term of its own), nor
    a British spelling of a word of the dictionary ("programme", "centres",
    "favourable", "analysed"), a French word written with its ligature
    ("œuvre"), a compound of a word of it ("cyberthreats", "interregional",
    "underserved"), a Latin word ("vice versa"), two common words run
    together ("tothe", "thisresolution": punctuation tells the blank lost),
    a word of the places of ITU's conferences ("Aires", where a slip made
    the file write "Airs"), nor one whose difference from the other is its
    last letter alone ("analyse" and "analyses", "programme" and
    "programmer": an inflection; but the last letter typed twice, "thiss",
    is a slip, and so, in English, is the last letter lost or changed where
    the file writes the word, "instruc" for "instruct"), nor, in
    French, an elided word whose apostrophe was lost ("dintérêt":
    punctuation tells it). The word it means is one the dictionary knows,
    or, for a letter typed twice or two swapped, one the file writes even if
    the dictionary does not ("programmme" for "programme"). The actors'
    rules read a clause's words past what this rule tells ("normlaisation"
    in the name of TSAG, "eeach year" in a deadline's words), as they do
    past other slips: this rule's finding is the one.

    Failing::

        - label: '1'
          text: to foster the use of new techonology in developing countries, and of technology transfer;

    Passing::

        - label: '1'
          text: to foster the use of new technology in developing countries, and of technology transfer;
    """
    language = ctx.resolution.language
    for m in misspelt(ctx).values():
        text = m.text.text
        if in_another_language(text, language):
            continue  # (a text pasted from another version: text-language's)
        if m.meant.lower() in CITATION_NOUNS and in_citation_words(text, m.offset):
            # (a citation's noun in its words, "[Reoslution 71 …]":
            # reference-text's, which reads the citation past it)
            continue
        yield Finding(
            m.text.path,
            tr(
                "{word}: no word of the dictionary, one slip of typing from {meant}, "
                "which the file writes",
                word=repr(m.word),
                meant=repr(m.meant),
            )
            if m.written
            else tr(
                "{word}: no word of the dictionary, one slip of typing from {meant}",
                word=repr(m.word),
                meant=repr(m.meant),
            ),
            offset=m.offset,
            length=len(m.word),
            help=tr("write {right}", right=repr(m.meant)),
        )
