"""Words misspelt by a slip of typing: "techonology", "developpment",
"recommnedation", where the file writes the word right elsewhere."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping

from itures.i18n import tr
from itures.rules import Context, Finding, rule
from itures.rules._conventions import in_address
from itures.rules._walk import blank_joined, in_citation_words, texts
from itures.rules._words import known
from itures.rules._words import vocabulary as _vocabulary
from itures.rules.languages import in_another_language
from itures.rules.references import CITATION_NOUNS
from itures.suggest import one_slip

__all__ = ["misspelt", "word_spelling"]

# what a text is cut at, besides blanks: each ASCII character that is no
# letter or digit (a byte table), and these marks of other scripts
_CUT = bytes(c if chr(c).isalnum() or c >= 128 else 32 for c in range(256))
_MARKS = ("’", "‘", "«", "»", "“", "”", "…", "\u00a0", "\u2011")
# a roman numeral, a label's ("viii": not "iii" misspelt)
_ROMAN = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")
# the shortest word looked at: a short word has too many neighbours one slip away
_SHORTEST = 4
# the first parts of compounds the dictionaries lack ("cyberthreats",
# "multistakeholder", "interregional", "underserved", "webcasts"): a word
# that is one of these then a word of the dictionary is taken for a word
_PREFIXES = (
    "audio",
    "back",
    "co",
    "cyber",
    "eco",
    "extra",
    "inter",
    "intra",
    "macro",
    "micro",
    "multi",
    "non",
    "over",
    "post",
    "pre",
    "radio",
    "re",
    "road",
    "smart",
    "sub",
    "super",
    "tele",
    "trans",
    "un",
    "under",
    "video",
    "web",
)
# the shortest word after such a first part
_AFTER_PREFIX = 4
# British spellings, which ITU's English texts use, and the American ones of
# the English dictionary: each ending and the ending the dictionary writes
_BRITISH = (
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourable", "orable"),
    ("oural", "oral"),
    ("re", "er"),
    ("res", "ers"),
    ("mme", "m"),
    ("mmes", "ms"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("ysing", "yzing"),
    ("ence", "ense"),
    ("lled", "led"),
    ("lling", "ling"),
    ("red", "ered"),
    ("ring", "ering"),
)
# Latin words ITU's texts write ("vice versa", "inter alia", "mutatis
# mutandis", "ad hoc"), which the dictionaries may lack
_LATIN = frozenset(("versa", "alia", "mutatis", "mutandis", "facto", "jure", "priori", "fide"))
# the words looked at in one file, at most (a text in another language, a
# table of names: thousands of words no dictionary knows, each looked at once)
_LOOKED_AT = 50
# the words looked at for each, where its halves are written (a file of
# thousands of words that start alike is not read once for each)
_NEAR_AT = 40


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
    letters ("conslutations"): the message then does not say that the file
    writes it. A word with a capital first ("Secertariat", "Unon") is told
    where the file writes the word meant with its capital too, and the
    dictionary knows it (not a name: "Marrakesh" beside "Marrakech"). A
    warning at the word, with the word to write (a guess: a quick fix offers
    it, ``itures check --fix`` does not apply it). English, French and
    Spanish (the dictionaries of pyspellchecker; the French and Spanish ones
    lack too many forms of verbs and plurals to be trusted alone).

    Not a word in a web address, a path or a citation's target, in a
    section's heading (heading-mismatch reads it), in a text in another
    language (text-language's), nor a citation's noun in its words
    ("[Reoslution 71 …]": reference-text's). Not a word the dictionary knows ("form" for
    "from" is a word: a slip no dictionary sees), nor one of fewer than four
    letters, a roman numeral ("viii"), one in capitals or with a capital
    inside, a digit or an apostrophe inside it (a French elision is read
    after its apostrophe, "l'organistion"; each part of a compound after its
    hyphen), nor one the file writes twice or more (a term of its own), nor
    a British spelling of a word of the dictionary ("programme", "centres",
    "favourable", "analysed"), a French word written with its ligature
    ("œuvre"), a compound of a word of it ("cyberthreats", "interregional",
    "underserved"), a Latin word ("vice versa"), two common words run
    together ("tothe": punctuation tells the blank lost), nor one whose
    difference from the other is its last letter alone ("analyse" and
    "analyses", "programme" and "programmer": an inflection), nor, in
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
    for _, finding in misspelt(ctx).values():
        yield finding


def misspelt(ctx: Context) -> dict[str, tuple[str, Finding]]:
    """The words of the file that :func:`word_spelling` tells as misspelt,
    each with the word meant and the finding; made once a file (the actors'
    rules read a clause's words past them: see
    :func:`itures.rules.actors.as_read`; not a word only a section's heading
    writes, which heading-mismatch tells, reading it as written)."""
    found: dict[str, tuple[str, Finding]] = ctx.memo("misspelt", lambda: _misspelt(ctx))
    return found


def _misspelt(ctx: Context) -> dict[str, tuple[str, Finding]]:
    language = ctx.resolution.language
    words = known(language)
    out: dict[str, tuple[str, Finding]] = {}
    if words is None:
        return out
    vocabulary = _vocabulary(language)
    joined = blank_joined(ctx)
    for looked, word in enumerate(sorted(_candidates(joined, vocabulary, language))):
        if looked >= _LOOKED_AT:
            break
        if _twice(joined, word) or _run_together(word, words):
            continue
        meant = _meant(word, words, vocabulary, joined)
        written = meant is not None
        if meant is None:
            if (
                language not in _DICTIONARY_ALONE
                or len(word) < _SHORTEST_ALONE
                or not word.islower()
            ):
                continue
            meant = _in_dictionary(word, language)
            if meant is None:
                continue
        if language == "fr" and meant == word[1:] and word[0] in _ELIDED:
            continue  # (an elision's apostrophe lost, "dintérêt": punctuation's)
        finding = _finding(ctx, word, meant, written)
        if finding is not None:
            out[word] = (meant, finding)
    return out


# the letters French elides before a word ("d'intérêt", "l'information")
_ELIDED = frozenset("dlcjmnst")


def _candidates(joined: str, vocabulary: frozenset[str], language: str) -> set[str]:
    """The words of ``joined`` (a file's texts) that may be misspelt: small
    letters, or a capital then small letters ("Secértariat"), four or more,
    not a roman numeral, not in the dictionary's ``vocabulary`` nor
    derived from its words (:func:`_derived`) in its ``language``. The
    text is cut at every blank and mark first (an apostrophe too: a French
    elision's word is read after it, "d'organistion"; a hyphen: each part
    of a compound is a word), in one pass over its bytes."""
    for mark in _MARKS:
        if mark in joined:
            joined = joined.replace(mark, " ")
    words = set(joined.encode().translate(_CUT).decode().split())
    found = {
        w
        for w in words - vocabulary
        if len(w) >= _SHORTEST
        and w.isalpha()
        and (w.islower() or (w.istitle() and w.lower() not in vocabulary))
        and _ROMAN.fullmatch(w) is None
        and not _derived(w.lower(), vocabulary, language)
    }
    return found


# how often the dictionary sees each of two words run together, at least
# ("tothe": "to" and "the"; not "informaton", whose "aton" is rare)
_COMMON = 1000


def _run_together(word: str, words: Mapping[str, int]) -> bool:
    """Whether ``word`` is two common words of the dictionary run together,
    a blank lost ("tothe", "ofthe"): punctuation's or conversion-artefact's
    finding, not a slip inside one word."""
    return any(
        words.get(word[:k], 0) >= _COMMON and words.get(word[k:], 0) >= _COMMON
        for k in range(2, len(word) - 1)
    )


@functools.lru_cache(maxsize=16384)
def _derived(word: str, vocabulary: frozenset[str], language: str) -> bool:
    """Whether ``word``, which the dictionary lacks, is a word all the same:
    a compound of one of :data:`_PREFIXES` and a word of the dictionary
    ("cyberthreats"), or, in English, a British spelling of one
    ("programme", "centres", "favourable", "analysed")."""
    if word in _LATIN:
        return True
    if "œ" in word and word.replace("œ", "oe") in vocabulary:
        return True  # (French written with its ligature, "œuvre": "oeuvre" there)
    for prefix in _PREFIXES:
        # (a word of four letters or more after it: "unon" is no compound)
        if (
            word.startswith(prefix)
            and len(word) - len(prefix) >= _AFTER_PREFIX
            and word[len(prefix) :] in vocabulary
        ):
            return True
    if language == "en":
        for british, american in _BRITISH:
            if word.endswith(british) and word[: -len(british)] + american in vocabulary:
                return True
    return False


def _twice(joined: str, word: str) -> bool:
    """Whether ``word`` stands whole twice or more in ``joined``."""
    n, at = 0, joined.find(word)
    while at >= 0:
        end = at + len(word)
        if not (joined[at - 1 : at].isalpha() or joined[end : end + 1].isalpha()):
            n += 1
            if n > 1:
                return True
        at = joined.find(word, end)
    return False


def _meant(
    word: str, words: Mapping[str, int], vocabulary: frozenset[str], joined: str
) -> str | None:
    """The word in small letters that ``joined`` (the file's texts) writes
    and ``word`` is one slip of typing from: of those the dictionary knows,
    the most frequent in it; else one a letter typed twice or two letters
    swapped make, though the dictionary lacks it ("programmme" for
    "programme"). None when there is none, or when the difference is the
    last letter alone.

    Such a word, of one letter more or less than ``word`` at most, starts
    with the first half of ``word`` (a slip in its second half) or ends with
    what follows its middle letter (a slip in its first half): the words of
    those lengths written there are found by two searches of ``joined``
    that start with those letters, not by making every word one slip away
    (hundreds)."""
    n = len(word)
    h = n // 2
    small = word.islower()  # (else a capital first: "Secértariat", "Setceurs")
    looked: set[str] = {word}
    best: tuple[int, str] | None = None
    other_best: str | None = None
    for found in _near_words(word[:h], word[h + 1 :], n, joined):
        if found in looked:
            continue
        looked.add(found)
        if (
            (not found.islower() if small else not found.istitle())
            or not one_slip(word, found)
            or _last_letter_alone(word, found)
        ):
            continue
        if found.lower() in vocabulary:
            seen = words[found.lower()]
            if best is None or seen > best[0]:
                best = (seen, found)
        elif (
            small
            and other_best is None
            and (len(found) < n or (len(found) == n and sorted(found) == sorted(word)))
        ):
            other_best = found  # (a letter typed twice, two swapped)
    return best[1] if best is not None else other_best


def _in_dictionary(word: str, language: str) -> str | None:
    """The word of the dictionary ``word`` is one slip of typing from, a
    letter typed twice or added, lost, or two swapped (not changed: a word
    the file does not write is guessed from fewer slips), the most frequent
    in it; None when there is none, or when the difference is the last
    letter alone."""
    return _dictionary_near(word, language)


@functools.lru_cache(maxsize=16384)
def _dictionary_near(word: str, language: str) -> str | None:
    # (a word's answer is the same in every file: remembered, as a corpus
    # writes many of its words again)
    words = known(language)
    assert words is not None
    vocabulary = _vocabulary(language)
    letters = _LETTERS_OF[language]
    n = len(word)
    near: set[str] = set()
    for i in range(n + 1):
        head, rest = word[:i], word[i:]
        near.update([head + c + rest for c in letters])
        if rest:
            near.add(head + rest[1:])
            if len(rest) > 1:
                near.add(head + rest[1] + rest[0] + rest[2:])
    found = [
        w for w in near & vocabulary if words[w] >= _SEEN_ALONE and not _last_letter_alone(word, w)
    ]
    return max(found, key=lambda w: (words[w], w)) if found else None


# the languages whose dictionary alone is trusted to name the word meant,
# one the file does not write: English's (the French and Spanish ones lack
# many forms of verbs, "aplica", and plurals, "telecomunicaciones")
_DICTIONARY_ALONE = frozenset(("en",))
# the shortest word for which it is (a short word is a slip from many)
_SHORTEST_ALONE = 6
# how often the dictionary sees the word it names, at least: more than its
# rarest words, which it counts 50 ("tench" is not meant for "tecnh";
# "consultations" is counted 300)
_SEEN_ALONE = 60
# the letters a word the file does not write is looked for with
_LETTERS_OF = {"en": "abcdefghijklmnopqrstuvwxyz"}
# a letter, and what is not one
_LETTER = r"[^\W\d_]"


@functools.lru_cache(maxsize=4096)
def _searches(head: str, tail: str, n: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two searches of :func:`_near_words`."""
    h, t = re.escape(head), re.escape(tail)
    starts = re.compile(
        rf"{h}(?<=(?<!{_LETTER}){h}){_LETTER}{{{max(0, n - 1 - len(head))},{n + 1 - len(head)}}}"
        rf"(?!{_LETTER})"
    )
    behind = "|".join(
        rf"(?<=(?<!{_LETTER}){_LETTER}{{{width}}}{t})"
        for width in range(max(0, n - 1 - len(tail)), n + 2 - len(tail))
    )
    return starts, re.compile(rf"{t}(?!{_LETTER})(?:{behind})")


def _near_words(head: str, tail: str, n: int, joined: str) -> Iterator[str]:
    """The whole words of ``joined``, of ``n - 1`` to ``n + 1`` letters, that
    start with ``head`` or end with ``tail``; :data:`_NEAR_AT` of each at
    most. Each search starts with its letters, which the engine finds
    quickly, and looks back after them."""
    starts, ends = _searches(head, tail, n)
    for k, m in enumerate(starts.finditer(joined)):
        if k >= _NEAR_AT:
            break
        yield m.group()
    for k, m in enumerate(ends.finditer(joined)):
        if k >= _NEAR_AT:
            break
        end = m.end()
        for width in range(n + 1, n - 2, -1):
            begin = end - width
            if begin >= 0 and not joined[begin - 1 : begin].isalpha():
                other = joined[begin:end]
                if other.isalpha():
                    yield other
                    break


def _last_letter_alone(word: str, other: str) -> bool:
    """Whether ``word`` and ``other`` differ in their last letter alone (one
    added, lost or changed there): an inflection ("analyse", "analyses"),
    or a spelling the dictionary lacks ("programme", "programmer")."""
    k = 0
    for a, b in zip(word, other, strict=False):
        if a != b:
            break
        k += 1
    return k >= max(len(word), len(other)) - 1


def _finding(ctx: Context, word: str, meant: str, written: bool) -> Finding | None:
    """The finding at ``word`` in the first text that writes it whole; None
    when it is written in a web address, a path or a citation's target
    alone (not words: "www.itu.int/developpment")."""
    pattern = re.compile(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])")
    for t in texts(ctx):
        if word not in t.text or (t.path[-1] == "heading" and t.path[0] != "annexes"):
            continue  # (a section's heading: heading-mismatch tells it)
        m = pattern.search(t.text)
        if (
            m is None
            or in_address(t.text, m.start(), m.end())
            or in_another_language(t.text, ctx.resolution.language)
            # (a citation's noun in its words, "[Reoslution 71 …]":
            # reference-text's, which reads the citation past it)
            or (meant.lower() in CITATION_NOUNS and in_citation_words(t.text, m.start()))
        ):
            continue  # (a text pasted from another version: text-language's)
        return Finding(
            t.path,
            tr(
                "{word}: no word of the dictionary, one slip of typing from {meant}, "
                "which the file writes",
                word=repr(word),
                meant=repr(meant),
            )
            if written
            else tr(
                "{word}: no word of the dictionary, one slip of typing from {meant}",
                word=repr(word),
                meant=repr(meant),
            ),
            offset=m.start(),
            length=len(word),
            help=tr("write {right}", right=repr(meant)),
        )
    return None
