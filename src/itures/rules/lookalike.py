"""Letters of another script that look like the list's own (``с)`` for ``c)``).

A Cyrillic ``с`` in a Latin label reads as ``c)`` to the editor and as
another character to everything else: the numbering sees a stray label, a
citation of the item never matches. One finding names the character
(``U+0441 CYRILLIC SMALL LETTER ES, which looks like Latin c``); the
numbering rules leave such a label to this rule.

Where look-alike letters are caught (decision):

* **labels** of items, clauses and annexes, here (``lookalike``);
* **words of a Russian file's texts** that mix Latin and Cyrillic letters,
  here: a Latin ``C`` in a Russian word ("Cовета"); the letters of the
  word's other script must all look like letters of its own (a word of two
  scripts that do not is left alone);
* **words of an English, French or Spanish file's texts** typed with
  Cyrillic or Greek letters that look like Latin ones, here: such a letter
  at a Latin word's start or end ("ОTT", its 'О' Cyrillic), or a whole
  word of such capitals ("ОТТ", "ΙΤU": a search for "OTT" does not find
  it). A text that holds a letter of that script looking like no Latin one
  quotes a Russian or Greek word ("Министерство", "καί"): its words are
  left alone, and so is a whole word in small letters ("сор"). A letter of
  another script between two Latin letters is ``conversion-artefact``'s,
  once, as a stray glyph ("stray glyph 'о' (U+043E CYRILLIC SMALL LETTER
  O) inside 'coopératiоn'"), in every file but a Russian one;
* **words of an Arabic file's texts** that hold a Persian letter, here:
  a Persian keyboard types ``ی`` (U+06CC ARABIC LETTER FARSI YEH) for
  ``ي`` (U+064A ARABIC LETTER YEH) and ``ک`` (U+06A9 ARABIC LETTER KEHEH)
  for ``ك`` (U+0643 ARABIC LETTER KAF): "بین" reads as "بين" and a search
  does not find it. One finding per text, at the first; the help gives the
  word retyped, and both words a Farsi yeh ending a word may stand for
  (``ي``, or ``ى`` U+0649 ARABIC LETTER ALEF MAKSURA, which that keyboard
  types alike: "فی" is "في" or "فى"). Only in Arabic files: in another
  file an Arabic word is a quotation, left alone (a Persian letter inside
  a Latin word is a stray glyph there);
* **an accent written as a character of its own** after its letter, in any
  file's texts ("é" as "e" and U+0301, as a Mac or a PDF pastes it): it
  reads the same, and a search does not find the word. One finding per
  text, at the first; the quick fix (and ``--fix``) writes every such
  letter of the text as the one character it composes (NFC);
* **keys, ids, actors, verbs, bodies, footnote marks**: their patterns allow
  Latin letters only, so the ``schema`` finding names the character
  (``unknown key 'οperative': it contains U+03BF GREEK SMALL LETTER
  OMICRON, which looks like Latin o``), and says to retype it.

The script a label should be in is the one most letters of its list's
labels are in (a Russian version may letter its lists in Cyrillic or in
Latin); on a tie, the document's (Cyrillic for ``ru``, Latin otherwise). A
whole list in Cyrillic or Greek look-alikes of Latin letters, in a document
that is not Russian, is taken as typed with the wrong keyboard: Latin.
Only letters that look like a letter of that script are reported; another
foreign letter (``б)`` in a Latin list) is a numbering matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from itures.i18n import tr
from itures.model.lookalike import describe, look_alike, script, script_name, to_script
from itures.rules import Context, Finding, rule
from itures.rules._walk import blank_joined, lists, texts
from itures.rules._walk import joined as joined_texts


def _expected(labels: list[str], language: str) -> str:
    """The script the labels of one list are written in."""
    native = "Cyrillic" if language == "ru" else "Latin"
    counts = Counter(s for label in labels for ch in label if (s := script(ch)))
    if not counts:
        return native
    ranked = counts.most_common()
    best, n = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == n:
        # a tie: the document's script, unless a letter of another one there
        # looks like none of it ('а)' Cyrillic with 'b)' in a Russian file:
        # the 'b' is no look-alike, the 'а' is: a Latin list)
        letters = [ch for label in labels for ch in label if script(ch)]
        tied = [name for name, count in ranked if count == n]
        for name in sorted(tied, key=lambda name: name != native):
            if all(script(ch) == name or look_alike(ch) for ch in letters):
                return name
        return native
    if best != native and native == "Latin":
        letters = [ch for label in labels for ch in label if script(ch)]
        if all(script(ch) == "Latin" or look_alike(ch) for ch in letters):
            return "Latin"
    return best


@rule(
    "lookalike",
    "error",
    "a label, or a word of a Russian text, with a letter of another script that looks the same; "
    "a word of a Latin-script text typed in Cyrillic or Greek look-alikes; "
    "a Persian letter in a word of an Arabic text; an accent written as a character of its own",
)
def lookalike(ctx: Context) -> Iterator[Finding]:
    """A label (of an item, a clause or an annex) holding a letter of
    another script than its list's, that looks like a letter of the list's
    script: a Cyrillic ``с`` among Latin letters. Retype the letter. The
    list's script is the one most of its labels' letters are in (on a tie,
    the document's, unless a letter of another script there looks like none
    of its letters: 'а)' in Cyrillic with 'b)' is a Latin list, even in
    Russian). So is a word of a Russian file's texts that holds a Latin
    letter looking like a Cyrillic one ("Cовета", its 'C' Latin), a word of
    an English, French or Spanish file's texts typed with Cyrillic or Greek
    letters looking like Latin ones ("ОТТ" in Cyrillic capitals, "ОTT" with
    a Cyrillic 'О'; not in a text quoting a Russian or Greek word), and a word
    of an Arabic file's texts that holds a Persian letter, as a Persian
    keyboard types it ("بین", its Farsi yeh for 'ي'; "کل", its keheh for
    'ك'; a Farsi yeh ending a word may be 'ي' or 'ى': the help gives both
    words), and a word of any file that writes an accented letter as two
    characters ("e" and U+0301 for "é"). In keys, ids, actors, verbs and bodies, which allow Latin
    letters only, the ``schema`` finding names such a letter.

    Failing (the third label is Cyrillic es)::

        items:
          - label: a)
          - label: b)
          - label: с)

    Passing::

        items:
          - label: a)
          - label: b)
          - label: c)
    """
    yield from mixed_words(ctx)
    yield from persian_letters(ctx)
    yield from decomposed_letters(ctx)
    language = ctx.resolution.language
    groups: list[list[tuple[tuple[str | int, ...], str]]] = [
        [(e.path, e.label) for e in lst.entries if e.label] for lst in lists(ctx)
    ]
    annexes = ctx.resolution.annexes
    groups.append([(("annexes", a), x.label) for a, x in enumerate(annexes) if x.label])
    for group in groups:
        if not group:
            continue
        if all(label.isascii() for _, label in group):
            continue  # Latin letters and signs only: the list's script, nothing looks alike
        target = _expected([label for _, label in group], language)
        for path, label in group:
            for i, ch in enumerate(label):
                s = script(ch)
                if s and s != target and look_alike(ch, target):
                    yield Finding(
                        (*path, "label"),
                        tr(
                            "label '{label}' contains {character} but is another character; "
                            "the labels of this list are in {script} letters",
                            label=label,
                            character=describe(ch, target),
                            script=script_name(target),
                        ),
                        offset=i,
                        length=1,
                        help=tr(
                            "retype the label in {script} letters: '{label}'",
                            script=script_name(target),
                            label=_retyped(label, target),
                        ),
                    )
                    break  # one finding per label


# a Latin letter against a Cyrillic one, either way: where a mixed word may be
_MIXED = re.compile("[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+")


# a Cyrillic or Greek letter: what a word typed in look-alikes of Latin ones holds
_FOREIGN = re.compile("[\u0370-\u03ff\u0400-\u04ff]")
# a word that holds one
_FOREIGN_WORD = re.compile(r"[^\W\d_]*[\u0370-\u03ff\u0400-\u04ff][^\W\d_]*")
# the languages written in Latin letters whose texts are searched for them
_LATIN_LANGUAGES = frozenset(("en", "fr", "es"))


def _latin_lookalike_words(ctx: Context) -> Iterator[Finding]:
    """The words of a Latin-script file's texts (English, French, Spanish)
    typed with Cyrillic or Greek letters that look like Latin ones: a word
    of Latin letters with such a letter at its start or end ("ОTT", its 'О'
    Cyrillic; one between two Latin letters is ``conversion-artefact``'s
    stray glyph), or a whole word of such capitals ("ОТТ", "ΙΤU"), in a text
    that holds no other letter of that script (a quoted Russian or Greek
    word, "Министерство", "καί", has letters that look like no Latin one:
    left alone, and so are the words of its text). One finding per text, at
    the first, with the word in Latin letters."""
    # (a Cyrillic or Greek letter is beyond ASCII: only the texts the joined
    # form lists as such are searched, most files none or a few)
    all_texts = texts(ctx)
    for i in joined_texts(ctx).wide:
        t = all_texts[i]
        text = t.text
        m = _FOREIGN.search(text)
        if m is None:
            continue
        quoted = {
            script(ch) for ch in {*_FOREIGN.findall(text, m.start())} if not look_alike(ch, "Latin")
        }
        # (the words that hold such a letter only: a long text is not read word by word)
        for word in _FOREIGN_WORD.finditer(text, max(0, m.start() - 64)):
            letters = word.group()
            odd = [(i, ch) for i, ch in enumerate(letters) if script(ch) not in ("", "Latin")]
            if not odd or not all(
                script(ch) in ("Cyrillic", "Greek") and look_alike(ch, "Latin") for _, ch in odd
            ):
                continue
            if len(odd) == len(letters):
                # a whole word of another script: capitals, and no quotation of it
                if not letters.isupper() or any(script(ch) in quoted for _, ch in odd):
                    continue
            elif any(
                0 < i < len(letters) - 1
                and script(letters[i - 1]) == script(letters[i + 1])
                and script(letters[i + 1]) == "Latin"
                for i, _ in odd
            ):
                continue  # a letter between two Latin ones: a stray glyph (conversion-artefact)
            i, ch = odd[0]
            yield Finding(
                t.path,
                tr(
                    "the word '{word}' holds {character}, among {script} letters",
                    word=letters,
                    character=describe(ch, "Latin"),
                    script=script_name("Latin"),
                )
                if len(odd) < len(letters)
                else tr(
                    "the word '{word}' is written in {other} letters that look like {script} "
                    "ones ({character}): a search for '{retyped}' does not find it",
                    word=letters,
                    other=script_name(script(ch) or "Cyrillic"),
                    script=script_name("Latin"),
                    character=describe(ch, "Latin"),
                    retyped=to_script(letters, "Latin"),
                ),
                offset=word.start() + i,
                length=len(letters) - i if len(odd) == len(letters) else 1,
                help=tr(
                    "retype the word in {script} letters: '{word}'",
                    script=script_name("Latin"),
                    word=to_script(letters, "Latin"),
                ),
            )
            break  # (one finding a text)


def mixed_words(ctx: Context) -> Iterator[Finding]:
    """The words of a Russian file's texts that mix Latin and Cyrillic
    letters, the letters of the word's other script all look-alikes of its
    own: one finding per text, at the first. In a Latin-script file, the
    words typed with Cyrillic or Greek look-alikes of Latin letters (see
    :func:`_latin_lookalike_words`)."""
    if ctx.resolution.language in _LATIN_LANGUAGES:
        yield from _latin_lookalike_words(ctx)
        return
    if ctx.resolution.language != "ru":
        return  # (see the module's documentation)
    whole = blank_joined(ctx)
    if _MIXED.search(whole) is None:
        return
    native = "Cyrillic"
    for t in texts(ctx):
        m = _MIXED.search(t.text)
        while m is not None:
            word = _WORD.search(t.text, max(0, m.start() - 64))
            while word is not None and word.end() <= m.start():
                word = _WORD.search(t.text, word.end())
            if word is None:
                break
            letters = word.group()
            counts = Counter(script(ch) for ch in letters if script(ch))
            ranked = counts.most_common()
            target = ranked[0][0]
            if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
                target = native
            odd = [(i, ch) for i, ch in enumerate(letters) if script(ch) not in ("", target)]
            if odd and all(look_alike(ch, target) for _, ch in odd):
                i, ch = odd[0]
                yield Finding(
                    t.path,
                    tr(
                        "the word '{word}' holds {character}, among {script} letters",
                        word=letters,
                        character=describe(ch, target),
                        script=script_name(target),
                    ),
                    offset=word.start() + i,
                    length=1,
                    help=tr(
                        "retype the word in {script} letters: '{word}'",
                        script=script_name(target),
                        word=to_script(letters, target),
                    ),
                )
                break
            m = _MIXED.search(t.text, word.end())


# The Persian forms of two Arabic letters, as a Persian keyboard types them:
# FARSI YEH for YEH, KEHEH for KAF
_PERSIAN = {"\u06cc": "\u064a", "\u06a9": "\u0643"}
_PERSIAN_LETTER = re.compile("[\u06cc\u06a9]")
_FARSI_YEH = "\u06cc"
# what a Farsi yeh ending a word may stand for besides YEH
_ALEF_MAKSURA = "\u0649"


def _arabic_named(ch: str) -> str:
    """``'ي' (U+064A ARABIC LETTER YEH)``: a letter as a message names it."""
    return f"'{ch}' (U+{ord(ch):04X} {unicodedata.name(ch)})"


def _in_word(ch: str) -> bool:
    """Whether ``ch`` is part of a word: a letter, or a mark on one (an Arabic vowel)."""
    return ch.isalpha() or unicodedata.category(ch) == "Mn"


def persian_letters(ctx: Context) -> Iterator[Finding]:
    """The words of an Arabic file's texts that hold a Persian letter (a
    Farsi yeh, a keheh): one finding per text, at the first."""
    if ctx.resolution.language != "ar":
        return  # (see the module's documentation)
    whole = blank_joined(ctx)
    if _FARSI_YEH not in whole and "\u06a9" not in whole:
        return
    for t in texts(ctx):
        text = t.text
        m = _PERSIAN_LETTER.search(text)
        if m is None:
            continue
        at = m.start()
        start, end = at, at + 1
        while start > 0 and _in_word(text[start - 1]):
            start -= 1
        while end < len(text) and _in_word(text[end]):
            end += 1
        word = text[start:end]
        retyped = "".join(_PERSIAN.get(ch, ch) for ch in word)
        # the word's last letter (its vowel marks after it aside)
        last = max(i for i, c in enumerate(word) if c.isalpha())
        final = word[last] == _FARSI_YEH
        other = retyped[:last] + _ALEF_MAKSURA + retyped[last + 1 :] if final else ""
        ch = m.group()
        character = f"U+{ord(ch):04X} {unicodedata.name(ch)}"
        if at - start == last and final:
            message = tr(
                "the word '{word}' ends with {character}, the Persian form of {letter} or of "
                "{other}, which a Persian keyboard types alike: a search does not find the word",
                word=word,
                character=character,
                letter=_arabic_named(_PERSIAN[ch]),
                other=_arabic_named(_ALEF_MAKSURA),
            )
        else:
            message = tr(
                "the word '{word}' holds {character}, the Persian form of {letter}, as a "
                "Persian keyboard types it: a search does not find the word",
                word=word,
                character=character,
                letter=_arabic_named(_PERSIAN[ch]),
            )
        yield Finding(
            t.path,
            message,
            offset=at,
            length=1,
            help=tr(
                "retype the word in Arabic letters: '{word}' or '{other}', as the published "
                "text writes it",
                word=retyped,
                other=other,
            )
            if final
            else tr("retype the word in Arabic letters: '{word}'", word=retyped),
        )


# an accent written as a character of its own, after its letter (U+0300 to
# U+036F: a Mac or a PDF pastes "é" as "e" and U+0301); an Arabic vowel
# mark is not one of them
_COMBINING = re.compile("[\u0300-\u036f]+")


def decomposed_letters(ctx: Context) -> Iterator[Finding]:
    """The words of a file's texts that write an accented letter as two
    characters, the letter and its accent ("é" as "e" and U+0301, as a Mac
    or a PDF pastes it): it reads the same, and a search for the word does
    not find it. One finding per text, at the first such letter; the help
    gives the word with its letters written as one character each (the
    composed form, NFC). Any language: an accent that composes with no
    letter into one character is left alone."""
    whole = blank_joined(ctx)
    if unicodedata.is_normalized("NFC", whole) or _COMBINING.search(whole) is None:
        return  # (most files: an accent that composes with its letter is not NFC)
    for t in texts(ctx):
        text = t.text
        for m in _COMBINING.finditer(text):
            at = m.start() - 1
            written = text[at : m.end()]
            letter = unicodedata.normalize("NFC", written)
            if at < 0 or len(letter) != 1:
                continue
            start, end = at, m.end()
            while start > 0 and _in_word(text[start - 1]):
                start -= 1
            while end < len(text) and _in_word(text[end]):
                end += 1
            word = text[start:end]
            mark = m.group()[0]
            yield Finding(
                t.path,
                tr(
                    "the word '{word}' writes '{letter}' as two characters, '{base}' and "
                    "U+{code} {name}: it reads the same, but a search for the word does not "
                    "find it",
                    word=word,
                    letter=letter,
                    base=written[0],
                    code=f"{ord(mark):04X}",
                    name=unicodedata.name(mark, ""),
                ),
                offset=at,
                length=len(written),
                help=tr(
                    "retype '{letter}' as one character: '{word}'",
                    letter=letter,
                    word=unicodedata.normalize("NFC", word),
                ),
            )
            break  # (one finding a text)


def _retyped(label: str, target: str) -> str:
    if target == "Latin":
        return to_script(label)
    return "".join(
        (look_alike(ch, target) or ch) if script(ch) not in ("", target) else ch for ch in label
    )
