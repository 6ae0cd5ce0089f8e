"""What word-spelling reads as misspelt in a file, and where (see
:mod:`itures.rules.spelling`): apart from the rule, so that the actors'
rules, which read a clause's words past it, need not import the rules
that rule leaves its words to."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from itures.conferences import place_words
from itures.rules import Context
from itures.rules._conventions import in_address
from itures.rules._walk import Text, blank_joined, texts
from itures.rules._words import Dictionary, known

__all__ = ["Misspelt", "RunTogether", "misspelt", "run_together"]


@dataclass(frozen=True, slots=True)
class Misspelt:
    """A word read as misspelt: the word meant, whether the file writes
    it, and the text that holds the word (its first, not a section's
    heading nor an address), at ``offset``."""

    word: str
    meant: str
    written: bool
    text: Text
    offset: int


@dataclass(frozen=True, slots=True)
class RunTogether:
    """A word read as two words run together: the two, and the text that
    holds the word (its first, not a section's heading nor an address), at
    ``offset``."""

    word: str
    first: str
    second: str
    written: bool  # (whether the file writes both alone)
    text: Text
    offset: int


# what a text is cut at, besides blanks: each ASCII character that is no
# letter or digit (a byte table), and these marks of other scripts
_CUT = bytes(c if chr(c).isalnum() or c >= 128 else 32 for c in range(256))
_MARKS = ("’", "‘", "«", "»", "“", "”", "…", "\u00a0", "\u2011")
# the longest word looked at: a run of letters longer than any word is no
# slip (a conversion's, or a hostile file's: the words one slip from a word
# of 100,000 letters would not fit in memory)
_LONGEST = 40
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
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("isations", "izations"),
)
# Latin words ITU's texts write ("vice versa", "inter alia", "mutatis
# mutandis", "ad hoc"), which the dictionaries may lack
_LATIN = frozenset(("versa", "alia", "mutatis", "mutandis", "facto", "jure", "priori", "fide"))
# the words looked at in one file, at most (a text in another language, a
# table of names: thousands of words no dictionary knows, each looked at once)
_LOOKED_AT = 50


def misspelt(ctx: Context) -> dict[str, Misspelt]:
    """The words of the file read as misspelt (see
    :func:`itures.rules.spelling.word_spelling`), made once a file: the
    rule tells them, and the actors' rules read a clause's words past them
    (:func:`itures.rules.actors.as_read`). Not a word only a section's
    heading writes, which heading-mismatch tells, reading it as written."""
    return _analysis(ctx)[0]


def run_together(ctx: Context) -> dict[str, RunTogether]:
    """The words of the file read as two words run together, a blank lost
    ("thisresolution", "permisde", "Secteursde"): a word the dictionary
    lacks, written once, that is two words the file writes, each alone, or
    one it writes and a common word (:func:`_two_words`).
    Punctuation tells them (:func:`itures.rules.punctuation.punctuation`);
    word-spelling does not. Not where the file writes the two with a
    hyphen between ("vicechairmen" where it writes "vice-chairmen": a
    hyphen lost, conversion-artefact's), nor a word only a section's heading
    writes."""
    return _analysis(ctx)[1]


def _analysis(ctx: Context) -> tuple[dict[str, Misspelt], dict[str, RunTogether]]:
    found: tuple[dict[str, Misspelt], dict[str, RunTogether]] = ctx.memo(
        "misspelt", lambda: _misspelt(ctx)
    )
    return found


def _misspelt(ctx: Context) -> tuple[dict[str, Misspelt], dict[str, RunTogether]]:
    language = ctx.resolution.language
    words = known(language)
    out: dict[str, Misspelt] = {}
    apart: dict[str, RunTogether] = {}
    if words is None:
        return out, apart
    joined = blank_joined(ctx)
    tokens = _words_of(joined)
    for looked, word in enumerate(sorted(_candidates(tokens, words))):
        if looked >= _LOOKED_AT:
            break
        if _twice(joined, word):
            continue
        two = _two_words(word, tokens, words, language)
        if two is not None:
            first, second = two
            if f"{first}-{second}" not in joined and (place := _place(ctx, word)) is not None:
                written = first in tokens and second in tokens
                apart[word] = RunTogether(word, first, second, written, *place)
            continue
        if _run_together(word, words):
            continue
        meant = _meant(word, language, tokens)
        written = meant is not None
        if meant is None:
            small = word.islower()
            if language not in _DICTIONARY_ALONE or len(word) < (
                _SHORTEST_ALONE if small else _SHORTEST_CAPITAL_ALONE
            ):
                continue
            meant = _in_dictionary(word, language, _SEEN_ALONE if small else _SEEN_CAPITAL_ALONE)
            if meant is None:
                continue
        if language == "fr" and meant == word[1:] and word[0] in _ELIDED:
            continue  # (an elision's apostrophe lost, "dintérêt": punctuation's)
        place = _place(ctx, word)
        if place is not None:
            out[word] = Misspelt(word, meant, written, *place)
    return out, apart


# the words of one letter of each language, which a blank lost may glue to
# the next ("aproposal", "àla", "yla"); a part of two letters or more is any
# word the file writes
_ONE_LETTER = {"en": ("a",), "fr": ("à", "a", "y"), "es": ("a", "y", "o", "e", "u")}


def _two_words(
    word: str, tokens: set[str], words: Dictionary, language: str
) -> tuple[str, str] | None:
    """The two words ``word`` is, run together: each written alone by the
    file (one of ``tokens``); or, in a word of small letters, one written
    so and the other a common word of the dictionary (``words``) of
    :data:`_KNOWN_PART` letters or more ("permisde", "constantreview" where
    the file writes "de" and "review" but not "permis" nor "constant"
    elsewhere). Of several ways to cut it, the one whose shorter part is
    the longest. None when there is none. (A compound the dictionary lacks
    whose parts the file does not write stays a word: "blockchain",
    "decisionmaking". A word with a capital first is a name more often,
    "Busan" is not "Bus an": both its parts must be written.)"""
    one = _ONE_LETTER.get(language, ())
    attached = _ENCLITIC.get(language, frozenset())
    small = word.islower()
    best: tuple[str, str] | None = None
    for k in range(1, len(word)):
        first, second = word[:k], word[k:]
        if (len(first) == 1 and first.lower() not in one) or (
            len(second) == 1 and second not in one
        ):
            continue
        if second in attached:
            continue  # (Spanish writes a pronoun after a verb as one word: "tenerse")
        written = (first in tokens, second in tokens)
        if not all(written) and not (
            small
            and any(written)
            and all(
                w or (len(part) >= _KNOWN_PART and words.seen(part) >= _COMMON)
                for part, w in zip((first, second), written, strict=True)
            )
        ):
            continue
        if best is None or min(len(first), len(second)) > min(map(len, best)):
            best = (first, second)
    return best


# the shortest part of two words run together that the file need not write
# alone, a common word of the dictionary ("us", "ship" or "bus" make names
# and words with others: "Processus", "Rapporteurship", "Busan")
_KNOWN_PART = 5
# the pronouns a language writes after a verb as one word with it, which
# the dictionary lacks ("tenerse", "aplicarlo", "informarles")
_ENCLITIC = {
    "es": frozenset(("se", "lo", "la", "le", "los", "las", "les", "me", "te", "nos", "os"))
}


# the letters French elides before a word ("d'intérêt", "l'information")
_ELIDED = frozenset("dlcjmnst")


def _words_of(joined: str) -> set[str]:
    """The words of ``joined`` (a file's texts), cut at every blank and mark
    (an apostrophe too: a French elision's word is read after it,
    "d'organistion"; a hyphen: each part of a compound is a word), in one
    pass over its bytes."""
    for mark in _MARKS:
        if mark in joined:
            joined = joined.replace(mark, " ")
    return set(joined.encode().translate(_CUT).decode().split())


def _candidates(words: set[str], dictionary: Dictionary) -> set[str]:
    """The words of a file (``words``: :func:`_words_of`) that may be
    misspelt: small letters, or a capital then small letters
    ("Secértariat"), four to forty, not a roman numeral, not in the
    ``dictionary`` nor derived from its words (:func:`_derived`)."""
    # (the dictionary's common words first, which most of a file's words
    # are and which it tells apart at once; then the shape; then the rest
    # of the dictionary, a trie asked one word at a time. Its words are
    # small: a word with a capital first is known when its small form is)
    shaped = {
        w
        for w in dictionary.uncommon(words)
        if _SHORTEST <= len(w) <= _LONGEST and w.isalpha() and (w.islower() or w.istitle())
    }
    # (the places of ITU's conferences: names, "Aires" is no slip for "Airs")
    shaped -= place_words()
    return {
        w
        for w in shaped
        if (small := w.lower()) not in dictionary
        and _ROMAN.fullmatch(w) is None
        and not _derived(small, dictionary)
    }


# how often the dictionary sees each of two words run together, at least
# ("tothe": "to" and "the"; not "informaton", whose "aton" is rare)
_COMMON = 1000


def _run_together(word: str, words: Dictionary) -> bool:
    """Whether ``word`` is two common words of the dictionary run together,
    a blank lost ("tothe", "ofthe"): punctuation's or conversion-artefact's
    finding, not a slip inside one word."""
    return any(
        words.seen(word[:k]) >= _COMMON and words.seen(word[k:]) >= _COMMON
        for k in range(2, len(word) - 1)
    )


@functools.lru_cache(maxsize=16384)
def _derived(word: str, dictionary: Dictionary) -> bool:
    """Whether ``word``, which the dictionary lacks, is a word all the same:
    a compound of one of :data:`_PREFIXES` and a word of the dictionary
    ("cyberthreats"), or, in English, a British spelling of one
    ("programme", "centres", "favourable", "analysed")."""
    if word in _LATIN:
        return True
    if "œ" in word and word.replace("œ", "oe") in dictionary:
        return True  # (French written with its ligature, "œuvre": "oeuvre" there)
    for prefix in _PREFIXES:
        # (a word of four letters or more after it: "unon" is no compound)
        if (
            word.startswith(prefix)
            and len(word) - len(prefix) >= _AFTER_PREFIX
            and word[len(prefix) :] in dictionary
        ):
            return True
    if dictionary.language == "en":
        for british, american in _BRITISH:
            if word.endswith(british) and word[: -len(british)] + american in dictionary:
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


def _meant(word: str, language: str, tokens: set[str]) -> str | None:
    """The word one slip of typing from ``word`` that the file writes (one of
    ``tokens``, its words): of those the dictionary knows, the most
    frequent in it; else one a letter typed twice or two letters swapped
    make, though the dictionary lacks it ("programmme" for "programme").
    A word in small letters means one the file writes with a capital first
    too ("plenioptentiary conferences" where it writes "Plenipotentiary
    Conference" alone), in small letters. None when there is none."""
    known_near, _, other_near = _neighbours(word, language)
    small = word.islower()
    for near in (known_near, other_near):
        for other in near:
            if other in tokens or (small and other[:1].upper() + other[1:] in tokens):
                return other
    if language in _LAST_LETTER and small and len(word) >= _SHORTEST_LAST:
        return _last_letter_slip(word, language, tokens)
    return None


# the languages whose words that differ in their last letter alone are
# slips where the file writes the other (English's dictionary knows its
# inflections: "instruc" where the file writes "instruct" is no form of a
# word; a French or Spanish form the dictionary lacks may be, "aplica")
_LAST_LETTER = frozenset(("en",))
# the shortest word for it
_SHORTEST_LAST = 5


def _last_letter_slip(word: str, language: str, tokens: set[str]) -> str | None:
    """The word of the dictionary the file writes that ``word`` is with its
    last letter lost or changed ("instruc", "encountere", "Councim"); None
    when there is none."""
    words = known(language)
    assert words is not None
    alphabet = _ALPHABETS.get(language, _ALPHABETS["en"])
    head = word[:-1]
    for other in (*(word + c for c in alphabet), *(head + c for c in alphabet)):
        if other != word and other in tokens and other in words:
            return other
    return None


@functools.lru_cache(maxsize=16384)
def _neighbours(
    word: str, language: str
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The words one slip of typing from ``word``, in its case (a capital
    first, or none): those the dictionary knows, the most frequent first;
    the same without those a letter changed makes (the dictionary alone is
    trusted with fewer slips: :func:`_in_dictionary`); and those a letter
    typed twice or two letters swapped make that it does not know (small
    words only). Not one whose difference is the last letter alone (an
    inflection: "analyse", "analyses"), nor a name written with or without
    its accents ("Guantánamo", "Etats" for "États", as French capitals may
    be written). Made once a word in a process: a corpus writes many of its
    words again, in file after file."""
    words = known(language)
    assert words is not None
    alphabet = _ALPHABETS.get(language, _ALPHABETS["en"])
    small = word.islower()
    base = word.lower()
    n = len(base)
    twice_or_swapped: set[str] = set()
    lost: list[str] = []
    changed: list[str] = []
    for i in range(n + 1):
        head, rest = base[:i], base[i:]
        lost += [head + c + rest for c in alphabet]  # a letter lost
        if rest:
            changed += [head + c + rest[1:] for c in alphabet]  # one changed
            twice_or_swapped.add(head + rest[1:])  # one typed twice, or added
            if len(rest) > 1 and rest[0] != rest[1]:
                twice_or_swapped.add(head + rest[1] + rest[0] + rest[2:])  # two swapped
    unchanged = _among(set(lost) | twice_or_swapped, words)
    found = unchanged | _among(set(changed), words)
    found.discard(base)

    def kept(w: str) -> bool:
        return not _last_letter_alone(base, w) and (small or _bare(w) != _bare(base))

    def ranked(among: set[str]) -> tuple[str, ...]:
        return tuple(
            w if small else w[:1].upper() + w[1:]
            for w in sorted(among, key=lambda w: (-words.seen(w), w))
            if w != base and kept(w)
        )

    other_near = (
        tuple(sorted(w for w in twice_or_swapped - unchanged if w != base and kept(w)))
        if small
        else ()
    )
    return ranked(found), ranked(unchanged), other_near


def _among(candidates: set[str], words: Dictionary) -> set[str]:
    """Those of ``candidates`` the dictionary ``words`` knows."""
    return candidates - words.lacks(candidates)


def _in_dictionary(word: str, language: str, least: int) -> str | None:
    """The word of the dictionary ``word`` is one slip of typing from, a
    letter typed twice or added, lost, or two swapped (not changed: a word
    the file does not write is guessed from fewer slips), the most frequent
    in it and seen ``least`` times or more; in the case of ``word`` (a
    capital first: "Informattion", "Information"). None when there is none,
    or when the difference is the last letter alone."""
    words = known(language)
    assert words is not None
    _, unchanged, _ = _neighbours(word, language)
    return next((w for w in unchanged if words.seen(w.lower()) >= least), None)


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
# for a word with a capital first, a name more often, more: seven letters
# or more, one slip from a common word (a name one slip from a word:
# "Chinois", "chinos"; "Flickr", "flicker"; "Findex", "index": none is)
_SHORTEST_CAPITAL_ALONE = 7
_SEEN_CAPITAL_ALONE = 1000
# the letters a slip may add or change, in each language
_ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "fr": "abcdefghijklmnopqrstuvwxyzàâæçéèêëîïôœùûüÿ",
    "es": "abcdefghijklmnopqrstuvwxyzáéíñóúü",
}


def _bare(word: str) -> str:
    """``word`` without its accents ("États": "Etats")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _last_letter_alone(word: str, other: str) -> bool:
    """Whether ``word`` and ``other`` differ in their last letter alone (one
    added, lost or changed there): an inflection ("analyse", "analyses"),
    or a spelling the dictionary lacks ("programme", "programmer"). Not
    the last letter typed twice ("thiss", "withh"): no inflection doubles a
    word's last letter."""
    if len(word) >= 3 and word[-1] == word[-2] and other == word[:-1]:
        return False
    k = 0
    for a, b in zip(word, other, strict=False):
        if a != b:
            break
        k += 1
    return k >= max(len(word), len(other)) - 1


def _place(ctx: Context, word: str) -> tuple[Text, int] | None:
    """The first text that writes ``word`` whole and where; None when only a
    section's heading writes it, or a web address, a path or a citation's
    target (not words: "www.itu.int/developpment")."""
    for t in texts(ctx):
        text = t.text
        if word not in text or (t.path[-1] == "heading" and t.path[0] != "annexes"):
            continue  # (a section's heading: heading-mismatch tells it)
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (text[at - 1 : at].isalpha() or text[end : end + 1].isalpha()):
                if not in_address(text, at, end):
                    return t, at
                break
            at = text.find(word, at + 1)
    return None
