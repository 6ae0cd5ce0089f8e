"""Text written twice: a word doubled, an entry pasted twice.

A word written twice in a row ("pour identifier les les normes", "the the
Secretary-General") is the slip of an edit that left the old word beside the
new one, or of a conversion that ran a term into its definition ("Outputs
Outputs are the final tangible results", as the PP-18 Final Acts' strategic
plan reads once converted from PDF). Some words are doubled on purpose: a
number's groups of digits ("5 000 000"), a name ("Ebot Ebot"; names in
capitals are how signatures are written), and the words a language doubles
("nous nous engageons", "that that"): none of these is reported.

Two entries of one section with the same text (items, clauses, annex
paragraphs, at any depth; a footnote and another footnote) are a paragraph
pasted twice, the second usually meant to be edited; so is a sentence that
one entry's text holds twice. Entries of two sections
may share a text: "invites Member States" and "invites Sector Members" often
ask both the same thing. Short texts ("(deleted)", "to be determined") may
repeat: only texts of five words or more are compared.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from itures.i18n import tr
from itures.rules import Context, Finding, Place, rule
from itures.rules._walk import (
    SHORTEST_PASTED,
    TEXT_ENDS,
    Entry,
    LabelledList,
    Text,
    blank_joined,
    blank_starts,
    in_citation_words,
    lists,
    pasted_notes,
    texts,
)
from itures.rules.footnotes import _marked

Path = tuple[str | int, ...]

# The quick test, on the file's texts joined by a blank: a blank, then
# anything up to the next blank, then blanks and the same again in any case.
# It starts with a literal, which the search looks for (a search of the texts
# in small letters costs their copy, and a character may change length in
# small letters); what it finds is read again in its text (_DOUBLED) to be a
# word, twice.
_MAYBE_DOUBLED = re.compile(r" ([^ ]++) ++\1(?!\w)", re.IGNORECASE)
# ... and the same after an opening parenthesis ("technology (ICT ICT)"), a
# citation's '[' ("[Resolution Resolution 177") or a slash
# ("telecommunication/ICT ICT"): a search of its own for each, the mark its
# literal (an optional mark in the one above is tried at each blank of the
# file: a fifth of its cost more; a class of the three, at each character)
_MAYBE_DOUBLED_AFTER = (
    re.compile(r"\(([^ ()]++) ++\1(?!\w)", re.IGNORECASE),
    re.compile(r"\[([^ \[\]()]++) ++\1(?!\w)", re.IGNORECASE),
    re.compile(r"/([^ /()]++) ++\1(?!\w)", re.IGNORECASE),
)
# A word (with its elision or hyphen: "l'UIT", "UIT-T"), then blanks and the
# same word in any case, once or more (a run: one finding), matched at the
# first word's start in its text: "l'UIT l'UIT", "Lebanon Lebanon's", not
# "UIT UIT-T" nor "de des". Possessive: nothing is tried twice, whatever the
# text (a run of 250,000 words is one match).
_DOUBLED = re.compile(r"(\w++(?:['’-]\w++)*+)((?: ++\1(?!\w|-\w))++)", re.IGNORECASE)
# ... and a word in small letters written again as the first part of a
# compound ("host host-country", "non non-governmental"): the word alone is
# the one to delete (not an abbreviation before its Sector's: "UIT UIT-T")
_DOUBLED_COMPOUND = re.compile(r"([^\W\d_]*[a-zß-öø-ÿ][^\W\d_]*+) ++\1(?=-\w)")
_COMPOUND_END = re.compile(r"(?:-\w+)+")

# In French, a word written twice after an elision: "qu'une une", "l'Union
# Union" (the elided word, then the same word alone). Tried at an apostrophe
# only, in a French file.
_ELIDED_DOUBLED = re.compile(r"(?<=\w['’])(\w++)( ++\1)(?!\w|['’-]\w)", re.IGNORECASE)

# Words a language writes twice on purpose, in small letters.
_DOUBLED_ON_PURPOSE: dict[str, frozenset[str]] = {
    "en": frozenset({"that", "had"}),  # "that that", "had had"
    "fr": frozenset({"nous", "vous"}),  # "nous nous engageons", "vous vous"
}

# What ends a text and is not compared: its end mark and blanks (a clause
# pasted last has its ';' made a '.')
_ENDS = TEXT_ENDS
# Texts shorter than this many words may repeat (see the module's documentation).
_SHORTEST_PASTED = SHORTEST_PASTED
# Those of another section, shorter than this many: two sections may ask the
# same of different actors ("to contribute to this work")
_SHORTEST_ELSEWHERE = 15


@rule("word-duplicate", "warning", "a word written twice in a row: 'les les', 'the the'")
def word_duplicate(ctx: Context) -> Iterator[Finding]:
    """A word written twice in a row, blanks between, in any case ("les
    les", "The the"): the trace of an edit that kept the old word beside the
    new, or of a term run into its definition by a conversion. Not the
    groups of a number ("1 000 000"), not a word in capitals (a name as
    signatures write it, "EBOT EBOT", unless one of ITU's abbreviations or
    one the file writes elsewhere too, "ITU ITU", "(WCIT WCIT)", or a word
    that names no one, in a heading in capitals: "ANNEX TO TO RESOLUTION
    34"), not a word its language doubles on purpose ("nous nous", "vous
    vous"; "that that", "had had", but not "that that" before an article or
    a possessive: "that that the ITU Constitution"), not a
    letter in capitals then the same letter small (a label then a word:
    "el Anexo A a la presente Resolución"). In French, a word written twice
    after an elision too ("qu'une une", "l'Union Union"), and after an
    opening parenthesis ("(ICT ICT)"). A word written
    again as the first part of a compound ("host host-country"; not an
    abbreviation before its Sector's, "UIT UIT-T"), a compound's last part
    written again after it ("the EG-ITR ITR report", "high-level level"; not
    a Sector's letter, "UIT-T T"), and an abbreviation
    written twice in a citation's words ("of WTSA WTSA"), a word twice after
    a citation's '[' or a slash ("[Resolution Resolution 177",
    "telecommunication/ICT ICT"), are slips too
    ("Rev Rev." there is reference-text's, which tells "Rev. Rev." too). One finding
    per text, at the first: it spans both words (a run of one word, "de de
    de", is one finding, with its count). A capital word at the start of the
    text or of a sentence written again to start the next ("Lebanon Lebanon's
    telecommunication facilities", "Outputs Outputs are the final results":
    a country's heading, a glossary's term, run into their text) is told so,
    with no word to delete (not "The The", a slip); so are two or more such
    capital words written twice in one text, wherever they stand (a
    glossary's table run into one text: one finding naming each), and a
    slip after them in that text is still told ("for the the development",
    in a country's paragraph). The fix,
    of a slip only, deletes the second, or the
    first when it is a capital at the start of an entry or a heading that
    ITU texts start small ("The the plan": the second is kept).

    Failing::

        - label: '1'
          text: de mener des travaux pour identifier les les normes techniques;

    Passing::

        - label: '1'
          text: de mener des travaux pour identifier les normes techniques;
    """
    from itures.rules._abbreviations import known as known_abbreviations

    joined = blank_joined(ctx)
    # (a word twice after a parenthesis, a '[' or a slash: few, found once,
    # merged in order)
    parens = sorted(
        (m for pattern in _MAYBE_DOUBLED_AFTER for m in pattern.finditer(joined)),
        key=lambda m: m.start(),
    )
    opened = [p.start() for p in parens]

    def merged(text: str, pos: int = 0) -> re.Match[str] | None:
        found = _MAYBE_DOUBLED.search(text, pos)
        k = bisect_left(opened, pos)
        if k < len(parens) and (found is None or parens[k].start(1) < found.start(1)):
            return parens[k]
        return found

    # (most files have none: the pattern's own search, no call around it)
    search = merged if parens else _MAYBE_DOUBLED.search
    m = search(joined)
    said: set[int] = set()
    # (an abbreviation of ITU's written twice, "l'UIT UIT", "ITU ITU,": a slip,
    # not a name as signatures write it)
    known = known_abbreviations(ctx)
    counted: dict[str, bool] = {}  # (the words in capitals looked for elsewhere)
    if ctx.resolution.language == "fr" and ("'" in joined or "’" in joined):
        # (a word twice after an elision: "qu'une une"; one finding a text)
        for i, t in enumerate(texts(ctx)):
            e = _ELIDED_DOUBLED.search(t.text) if "'" in t.text or "’" in t.text else None
            if e is None or not (_meant(e.group(1), frozenset()) or e.group(1) in known):
                continue
            said.add(i)
            yield Finding(
                t.path,
                tr(
                    "the word {word} twice in a row: {found}",
                    word=repr(e.group(1)),
                    found=repr(t.text[t.text.rfind(" ", 0, e.start()) + 1 : e.end()]),
                ),
                offset=e.start(),
                length=e.end() - e.start(),
                help=tr("delete the second {word}", word=repr(e.group(2).strip())),
            )
    yield from _part_again(texts(ctx), joined, blank_starts(ctx), said)
    if m is None:
        return  # (most files)
    all_texts = texts(ctx)
    values = [t.text for t in all_texts]
    starts = blank_starts(ctx)
    on_purpose = _DOUBLED_ON_PURPOSE.get(ctx.resolution.language, frozenset())
    termed: set[int] = set()  # (the texts whose run-in headings or terms were told)
    while m is not None:
        at = m.start(1)  # (the first word's start)
        i = bisect_right(starts, at) - 1
        found = _DOUBLED.match(values[i], at - starts[i])
        if found is None:
            compound = _DOUBLED_COMPOUND.match(values[i], at - starts[i])
            if compound is not None and i not in said and _meant(compound.group(1), on_purpose):
                said.add(i)
                word = compound.group(1)
                # (shown with the compound: "host host-country")
                end = _COMPOUND_END.match(values[i], compound.end())
                assert end is not None
                yield Finding(
                    all_texts[i].path,
                    tr(
                        "the word {word} twice in a row: {found}",
                        word=repr(word),
                        found=repr(values[i][compound.start() : end.end()]),
                    ),
                    offset=compound.start(),
                    length=compound.end() - compound.start(),
                    help=tr("delete the first {word}", word=repr(word)),
                )
            m = search(joined, at)  # (not a word twice in this text: the next blank on)
            continue
        if i in said:
            m = search(joined, starts[i + 1] - 1)
            continue  # (said above: one finding a text)
        word = found.group(1)
        again = found.group(2).split()
        if i in termed and _run_in(word, again):
            m = search(joined, starts[i] + found.end())
            continue  # (one of the headings or terms told for this text)
        if (
            not (
                _meant(word, on_purpose)
                or (
                    word.lower() in on_purpose
                    and word.lower() == "that"
                    and _DETERMINER_AFTER.match(values[i], found.end()) is not None
                )
            )
            # (an abbreviation twice in a citation's words, "of WTSA WTSA", or
            # one of ITU's anywhere: a slip, not a name as signatures write it)
            and not (
                word.isupper()
                and (
                    # (or one the file writes elsewhere too: "(WCIT WCIT)")
                    (
                        _in_words(values[i], found.start())
                        and (word in known or _written_again(joined, word, counted))
                    )
                    or in_citation_words(values[i], found.start())
                )
            )
        ) or _label_then_word(values[i], found.start(), word, again):
            m = search(joined, starts[i] + found.end())  # (the whole run passed over)
            continue
        if word.lower() in _REVISION_WORDS and in_citation_words(values[i], found.start()):
            # ("Rev Rev. Buenos Aires" in a citation's words: reference-text's
            # finding, which tells "Rev. Rev." and "Rev.Rev." alike)
            m = search(joined, starts[i] + found.end())
            continue
        path = all_texts[i].path
        terms = _run_in_terms(values[i]) if _run_in(word, again) else []
        if terms:
            # headings or terms run into the text that starts with them (a country
            # heading, a glossary's terms: "Outputs Outputs are ..."): no word to
            # delete, a layout lost; the text's others attached. A slip later
            # in the text is still told ("for the the development", in a
            # country's paragraph of such a text)
            yield _terms_finding(path, terms)
            termed.add(i)
            m = search(joined, starts[i] + found.end())
            continue
        if len(again) > 1:
            fix = tr("keep one {word}", word=repr(word))
        elif _capital_first(path, values[i], found):
            fix = tr("delete the first {word}", word=repr(word))
        else:
            fix = tr("delete the second {word}", word=repr(again[0]))
        yield Finding(
            path,
            tr("the word {word} twice in a row: {found}", word=repr(word), found=repr(found[0]))
            if len(again) == 1
            else tr(
                "the word {word} {count} times in a row", word=repr(word), count=len(again) + 1
            ),
            offset=found.start(),
            length=found.end() - found.start(),
            help=fix,
        )
        m = search(joined, starts[i + 1] - 1)  # (one finding a text: the next text on)


# "Rev." written twice in a citation's words is reference-text's finding
_REVISION_WORDS = frozenset(("rev", "rév"))


def capital_first(path: Path, text: str, first: str, second: str, at: int) -> bool:
    """Whether a word written twice is a capital then the same word small at
    the start of a preambular or operative entry's text or a section's
    heading ("The the plan"): ITU texts start these small, and a word
    processor capitalised the first as it was typed, so the first is the one
    to delete (elsewhere, "... Union. The the plan", the second)."""
    return (
        path[0] in ("preamble", "operative")
        and path[-1] in ("text", "heading")
        and text[:at].strip() == ""
        and first[:1].isupper()
        and second[:1].islower()
    )


def _capital_first(path: Path, text: str, found: re.Match[str]) -> bool:
    return capital_first(path, text, found.group(1), found.group(2).split()[0], found.start())


# Words a sentence may start with twice by a slip ("The The plan"): not a
# heading nor a term
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "in",
        "on",
        "to",
        "for",
        "of",
        "and",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "de",
        "du",
        "ce",
        "cette",
        "ces",
        "il",
        "elle",
        "en",
        "et",
        "el",
        "los",
        "las",
        "lo",
        "una",
        "unos",
        "unas",
        "del",
        "al",
        "este",
        "esta",
        "estos",
        "estas",
        "y",
    ]
)


def _term_like(word: str) -> bool:
    """Whether a word may be a heading or a term: a capital word, not in
    capitals, nor a word a sentence starts with ("The")."""
    return word[:1].isupper() and not word.isupper() and word.lower() not in _FUNCTION_WORDS


def _run_in(word: str, again: list[str]) -> bool:
    """Whether ``word`` written again (``again``) may be a heading or a term
    run into the text it starts: a capital word twice, both capitals."""
    return len(again) == 1 and _term_like(word) and again[0][:1].isupper()


def _run_in_terms(text: str) -> list[re.Match[str]]:
    """The headings or terms run into ``text``, each written again to start
    its words: a capital word (:func:`_term_like`) twice, both capitals, the first at the
    start of the text or of a sentence ("Lebanon Lebanon's telecommunication
    facilities", "Outputs Outputs are the final results"); or two or more
    such doubled words in one text, wherever they stand (a glossary's table
    run into one text: "Term Working version Activities Activities are ...
    Inputs Inputs are ..."). None when the text holds none so."""
    found = [
        d
        for d in _DOUBLED.finditer(text)
        if len(d.group(2).split()) == 1
        and _term_like(d.group(1))
        and d.group(2).split()[0][:1].isupper()  # ("Que que": a slip, the capital typed)
    ]
    if len(found) >= 2:
        return found
    if found:
        before = text[: found[0].start()].rstrip()
        if not before or before[-1] in ".:;":
            return found
    return []


def _terms_finding(path: Path, terms: list[re.Match[str]]) -> Finding:
    first = terms[0]
    word = first.group(1)
    if len(terms) == 1:
        message = tr(
            "the heading or term {word} run into the text that starts with it: {found}",
            word=repr(word),
            found=repr(first[0]),
        )
        fix = tr(
            "set {word} apart as the published text does (a heading, a table's term), or "
            "delete it if it is written twice by mistake",
            word=repr(word),
        )
    else:
        words = [t.group(1) for t in terms]
        message = tr(
            "{count} headings or terms run into the text, each written again to start its "
            "words: {words}",
            count=len(terms),
            words=", ".join(repr(w) for w in words),
        )
        fix = tr(
            "set each apart as the published text does (a table of terms, headings), or "
            "delete the ones written twice by mistake"
        )
    return Finding(
        path,
        message,
        offset=first.start(),
        length=first.end() - first.start(),
        help=fix,
        related=tuple(
            Place(
                path,
                tr("the heading or term {word}", word=repr(t.group(1))),
                offset=t.start(),
                length=t.end() - t.start(),
            )
            for t in terms[1:]
        ),
    )


def _label_then_word(text: str, at: int, word: str, again: list[str]) -> bool:
    """Whether ``word`` written twice (``again``) at ``at`` in ``text`` is a
    letter in capitals after a word, a label, then the same letter small, a
    word: "el Anexo A a la presente Resolución" (the Spanish "a"). Not at a
    text's or a sentence's start ("A a new plan": the article written twice)."""
    if len(word) != 1 or not word.isupper() or again != [word.lower()]:
        return False
    j = at - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and text[j].isalpha()


# the words in capitals written twice that a file's texts are searched for
# (a search of the whole file each: a bound keeps a file of thousands of
# them, "AAA AAA BBB BBB ...", read in linear time)
_COUNTED = 32


def _written_again(joined: str, word: str, counted: dict[str, bool]) -> bool:
    """Whether ``joined`` holds ``word`` a third time (twice in a row, and
    elsewhere), each word looked for once, :data:`_COUNTED` words at most."""
    known = counted.get(word)
    if known is None:
        known = counted[word] = len(counted) < _COUNTED and joined.count(word) > 2
    return known


# what may open a word's quotation or parenthesis
_OPENING = frozenset("([{«“‘\"'")

# a compound's last part written again after it ("the EG-ITR ITR report",
# "high-level level", "(ITU-D D)": a Sector's letter too), not a number; the
# hyphen first, a literal. Not before a hyphen or a '.' and a digit or a letter
# ("UIT-T T-series", "ITU-T T.35": a Recommendation's name)
_PART_AGAIN = re.compile(r"-([^\W\d_]+) ++(\1)(?![\w\-]|\.\w)")


def _part_again(
    all_texts: list[Text], joined: str, starts: list[int], said: set[int]
) -> Iterator[Finding]:
    """A compound's last part written again after it ("the EG-ITR ITR
    report"): one finding a text (``said``: the texts told already, kept up
    to date), at the part and its copy, the copy to delete. ``joined``: the
    texts joined by a blank, a blank first; ``starts``: where each starts."""
    for m in _PART_AGAIN.finditer(joined):
        i = bisect_right(starts, m.start()) - 1
        if i in said or m.end() > starts[i] + len(all_texts[i].text):
            continue  # (told, or across two texts)
        said.add(i)
        text = all_texts[i].text
        at = m.start(1) - starts[i]
        compound = text.rfind(" ", 0, at) + 1
        while text[compound] in _OPENING:
            compound += 1  # (shown from the word: "(ITU-D D)" as 'ITU-D D')
        yield Finding(
            all_texts[i].path,
            tr(
                "the word {word} twice in a row: {found}",
                word=repr(m.group(1)),
                found=repr(text[compound : m.end() - starts[i]]),
            ),
            offset=at,
            length=m.end() - m.start(1),
            help=tr("delete the second {word}", word=repr(m.group(2))),
        )


def _in_words(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows a word with a small letter, or
    starts the text: running text, not a table's headings flattened into
    it ("ITU-D ITU ITU Goal 1", the PP-18 Final Acts' financial plan)."""
    # (read 60 characters back at most; an opening mark between passed over:
    # "technology (ICT ICT)")
    before = text[max(0, at - 60) : at].rstrip().rstrip("([«“\"'‘").rstrip()
    word = before[before.rfind(" ") + 1 :]
    return not word or any(c.islower() for c in word)


# Words in capitals that are no one's name: written twice, a slip in a
# heading in capitals ("ANNEX TO TO RESOLUTION 34", "ANNEX ANNEX 1")
_CAPITALS_NO_NAME = frozenset(
    (
        "the",
        "to",
        "of",
        "and",
        "for",
        "in",
        "on",
        "by",
        "with",
        "annex",
        "appendix",
        "attachment",
        "resolution",
        "decision",
        "recommendation",
        "part",
        "chapter",
        "section",
        "article",
        "les",
        "de",
        "du",
        "des",
        "et",
        "au",
        "aux",
        "annexe",
        "résolution",
        "décision",
        "partie",
        "los",
        "las",
        "del",
        "anexo",
        "resolución",
        "decisión",
        "parte",
    )
)

# What the second "that" of "that that" is not followed by, when it is a
# pronoun or a demonstrative ("that that resolution"): a determiner
# ("that that the ITU Constitution": a slip)
_DETERMINER_AFTER = re.compile(
    r" ++(?:the|a|an|this|these|those|its|their|his|her|our|all|each|every|any|such)\b",
    re.IGNORECASE,
)


def _meant(word: str, on_purpose: frozenset[str]) -> bool:
    """Whether a word written twice is a slip: not a number's group of
    digits, a name in capitals (but a word in capitals that names no one,
    "TO TO", is), or a word its language doubles."""
    if word.isdigit() or (len(word) > 1 and word.isupper()):
        return word.lower() in _CAPITALS_NO_NAME
    return word.lower() not in on_purpose


def _named(lst: LabelledList, entry: Entry) -> str:
    """An entry as a message names it: "clause 2 of 'charge le Directeur…'"."""
    return tr(
        "{noun} {label} of {heading}",
        noun=lst.noun_tr(),
        label=entry.label or tr("(unlabelled)"),
        heading=lst.where(),
    )


# A sentence of an entry's text: from a word to ';' or '.' (or the text's end).
# A '.' after an abbreviation ("Rev.", "No.") ends no sentence: the piece it
# ends is not compared (_ABBREVIATIONS).
_SENTENCE = re.compile(r"[^;.\s][^;.]*+(?:[;.]|$)")
_ABBREVIATIONS = frozenset(
    [
        "rev",
        "rév",
        "res",
        "rés",
        "no",
        "nos",
        "núm",
        "art",
        "doc",
        "vol",
        "corr",
        "add",
        "e.g",
        "i.e",
        "etc",
        "p",
        "pp",
        "para",
        "cf",
    ]
)
# a sentence compared: this many words at least (as texts, see _SHORTEST_PASTED)
_SHORTEST_SENTENCE = _SHORTEST_PASTED


def _inside_copy(
    path: tuple[str | int, ...],
    original: tuple[str | int, ...],
    copies: dict[tuple[str | int, ...], tuple[str | int, ...]],
) -> bool:
    """Whether the entry at ``path``, a copy of the one at ``original``, is
    nested in an entry reported as a copy of the one ``original`` is nested
    in, at the same place under it (a clause pasted twice with its
    sub-clauses: one paste; a sub-clause pasted again inside the copy is a
    paste of its own)."""
    for cut in range(len(path) - 2, 0, -2):
        parent = path[:cut]
        source = copies.get(parent)
        if source is not None and original[: len(source)] == source:
            return original[len(source) :] == path[cut:]
    return False


def _sentence_twice(text: str) -> tuple[int, int, str] | None:
    """The second of two equal sentences of one text (blanks and the end mark
    aside), of five words or more: where it starts, its length, the sentence;
    None if no sentence comes twice. Most texts are one sentence: not read."""
    body = text.rstrip(" ;.")
    if ";" not in body and ". " not in body:
        return None  # (one sentence: most texts)
    # (the pieces between marks, by splits, which cost less than a search:
    # none twice, no sentence twice)
    pieces = body.split(";")
    if ". " in body:
        pieces = [piece for part in pieces for piece in part.split(". ")]
    if len(set(map(str.strip, pieces))) == len(pieces):
        return None  # (most texts of several sentences)
    seen: set[str] = set()
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        words = sentence.rstrip(" ;.").split()
        if len(words) < _SHORTEST_SENTENCE or (
            sentence.endswith(".") and words[-1].lstrip("([").lower() in _ABBREVIATIONS
        ):
            continue
        key = " ".join(words)
        if key in seen:
            return m.start(), len(sentence.rstrip()), key
        seen.add(key)
    return None


def _opening(sentence: str) -> str:
    """A sentence's first words, for a message: five, then '...'."""
    words = sentence.split()
    return sentence if len(words) <= 5 else " ".join(words[:5]) + "..."


@rule(
    "text-duplicate",
    "warning",
    "two items, clauses or annex paragraphs of one section, or two footnotes, with the same "
    "text: a paragraph pasted twice; a sentence written twice in one entry",
)
def text_duplicate(ctx: Context) -> Iterator[Finding]:
    """Two entries of one section (preambular items, operative clauses,
    annex paragraphs, at any depth) with the same text, or two footnotes with
    the same text: a paragraph pasted twice, the copy meant to be edited or
    deleted; two sections may ask the same of different actors, in a few
    words ("to contribute to this work"), and texts of two sections are
    compared from fifteen words on (a clause pasted into another section, or
    an item into the operative part), but not those of a section or an
    annex pasted again whole, all its texts an earlier one's
    (``section-duplicate``'s, or the annexes' numbering's). Texts are
    compared without their end mark ("...;" pasted last and ended with
    "."); texts of fewer than five words are not compared ("(deleted)").
    The finding is at the second, the first a related place; a footnote
    copy that is marked nowhere is this finding alone (not also
    ``footnote-unused``), told to be deleted. So is an entry pasted twice
    with its label (``b)``, ``b)``, the same text): what the other rules find
    in the copy (its label twice, a defect of the original copied with it)
    and the end mark of the entry it was pasted after, no longer the last,
    follow from it; so do its nested clauses, pasted with it (one finding
    for the paste, not one for each; a nested clause pasted again inside
    the copy is still told). So is a sentence of five
    words or more written twice in one entry's text ("...régionaux; de
    mener ... régionaux;"), found at the second: sentences end with ';' or
    '.', not with the '.' of an abbreviation ("Rev.", "No.").

    Failing::

        clauses:
          - label: '1'
            text: to report every year to the Council on the results;
          - label: '2'
            text: to report every year to the Council on the results.

    Passing::

        clauses:
          - label: '1'
            text: to report every year to the Council on the results;
          - label: '2'
            text: to report every year to the conference on the plan.
    """
    first: dict[tuple[str, int, str], tuple[LabelledList, Entry]] = {}
    anywhere: dict[str, tuple[LabelledList, Entry]] = {}
    whole: set[tuple[str, ...]] = set()  # (the texts of each list so far)
    copies: dict[tuple[str | int, ...], tuple[str | int, ...]] = {}  # (copy: original)
    for lst in lists(ctx):
        # (a list whose texts are all an earlier one's, in order: a section or
        # an annex pasted again whole, section-duplicate's or the annexes'
        # numbering's finding; its entries are not compared with other sections')
        texts_of = tuple([e.text.rstrip(_ENDS) for e in lst.entries])
        copied = texts_of in whole
        whole.add(texts_of)
        for entry, text in zip(lst.entries, texts_of, strict=True):
            twice = _sentence_twice(entry.text)
            if twice is not None:
                at, length, sentence = twice
                yield Finding(
                    (*entry.path, "text"),
                    tr(
                        "{which} holds the same sentence twice, {sentence}: pasted twice in one "
                        "entry",
                        which=_named(lst, entry),
                        sentence=repr(_opening(sentence)),
                    ),
                    offset=at,
                    length=length,
                    help=tr("delete the second copy, or write the text it was meant to be"),
                )
            seen = first.setdefault((lst.part, lst.section, text), (lst, entry))
            if seen[1] is entry and not copied:
                # (a long text of another section: pasted into the wrong one;
                # its words counted by their blanks, a folded text's one each)
                other = anywhere.setdefault(text, (lst, entry))
                if other[1] is not entry and text.count(" ") >= _SHORTEST_ELSEWHERE - 1:
                    seen = other
            if seen[1] is entry or len(text.split()) < _SHORTEST_PASTED:
                continue
            copies[entry.path] = seen[1].path
            if _inside_copy(entry.path, seen[1].path, copies):
                continue  # (a clause nested in a copy, copied with it: the copy's finding)
            yield Finding(
                (*entry.path, "text"),
                tr(
                    "{which} has the same text as {other}: a paragraph pasted twice",
                    which=_named(lst, entry),
                    other=_named(*seen),
                ),
                help=tr("write the text this entry was meant to have, or delete the entry"),
                related=(Place((*seen[1].path, "text"), tr("the same text, first")),),
            )
    pasted = pasted_notes(ctx.resolution)
    markers = _marked(ctx) if pasted else {}
    for n, k in pasted.items():
        note = ctx.resolution.footnotes[n]
        yield Finding(
            ("footnotes", n, "text"),
            tr(
                "footnote {id} has the same text as footnote {other}: a footnote written twice",
                id=repr(note.id),
                other=repr(ctx.resolution.footnotes[k].id),
            ),
            help=tr("mark the first footnote where this one is marked, and delete this one")
            if note.id in markers
            # marked nowhere: footnote-unused leaves it here (one finding)
            else tr("delete this one: it is marked nowhere, and the first has its text"),
            related=(Place(("footnotes", k, "text"), tr("the same text, first")),),
        )
