"""Letters of one script that look like letters of another.

A Cyrillic ``с`` typed in a Latin label ``с)`` (a Russian keyboard layout, a
text pasted from the Russian version) reads as ``c)`` on screen and is
another character to every program: the label no longer sorts, the key
``οperative`` (Greek omicron) is unknown, the id ``wtdс`` does not match.
Editors cannot see it; findings name it: ``U+0441 CYRILLIC SMALL LETTER ES,
which looks like Latin c``.

The table holds the Cyrillic and Greek letters that look like a Latin letter
(the confusables that matter for labels, keys and identifiers: Unicode's
``confusables.txt`` has thousands, mostly symbols). The numbering rules skip
a label holding one of these letters (``itures.rules.labels.LOOKALIKES``,
kept in step, a test compares them) and leave it to the ``lookalike`` rule. :func:`script` tells the
three scripts apart; :func:`look_alike` gives, for a letter of one of them,
the letter of another script it looks like.
"""

from __future__ import annotations

import unicodedata

__all__ = ["describe", "look_alike", "mixed", "script", "script_name", "to_script"]

# Cyrillic letter -> the Latin letter it looks like
_CYRILLIC = {
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ј": "j",
    "ԁ": "d",
    "һ": "h",
    "ԛ": "q",
    "ԝ": "w",
    "ӏ": "l",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "У": "Y",
    "Х": "X",
    "Ѕ": "S",
    "І": "I",
    "Ј": "J",
}
# Greek letter -> the Latin letter it looks like
_GREEK = {
    "α": "a",
    "ο": "o",
    "ν": "v",
    "ρ": "p",
    "ι": "i",
    "κ": "k",
    "υ": "u",
    "χ": "x",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
}
_TO_LATIN = {**_CYRILLIC, **_GREEK}
# Latin letter -> the Cyrillic letter it looks like (a Latin "a" in a Russian list)
_LATIN_TO_CYRILLIC = {latin: cyr for cyr, latin in _CYRILLIC.items()}

Script = str  # "Latin", "Cyrillic", "Greek", or "" (not a letter of these)


def script(ch: str) -> Script:
    """The script of a letter among Latin, Cyrillic and Greek ("" for anything else)."""
    if not ch.isalpha():
        return ""
    if ch.isascii():
        return "Latin"
    name = unicodedata.name(ch, "")
    for candidate in ("LATIN", "CYRILLIC", "GREEK"):
        if name.startswith(candidate):
            return candidate.capitalize()
    return ""


def look_alike(ch: str, target: Script = "Latin") -> str | None:
    """The letter of ``target`` script that ``ch`` (of another script) looks like."""
    if target == "Latin":
        return _TO_LATIN.get(ch)
    if target == "Cyrillic" and script(ch) == "Latin":
        return _LATIN_TO_CYRILLIC.get(ch)
    return None


def describe(ch: str, target: Script = "Latin") -> str:
    """``U+0441 CYRILLIC SMALL LETTER ES, which looks like Latin c``."""
    from itures.i18n import tr

    name = unicodedata.name(ch, "unnamed character")
    like = look_alike(ch, target)
    text = f"U+{ord(ch):04X} {name}"
    if like is None:
        return text
    return tr(
        "{character}, which looks like {script} {letter}",
        character=text,
        script=script_name(target),
        letter=like,
    )


def script_name(name: Script) -> str:
    """The name of a script in the editor's language."""
    from itures.i18n import tr

    if name == "Cyrillic":
        return tr("Cyrillic")
    if name == "Greek":
        return tr("Greek")
    return tr("Latin")


def to_script(text: str, target: Script = "Latin") -> str:
    """``text`` with each look-alike letter replaced by the ``target`` letter it looks like."""
    return "".join(
        (look_alike(ch, target) or ch) if script(ch) not in ("", target) else ch for ch in text
    )


def mixed(text: str, target: Script = "Latin") -> list[tuple[int, str]]:
    """(index, letter) of the look-alike letters of another script than ``target`` in ``text``."""
    return [
        (i, ch)
        for i, ch in enumerate(text)
        if script(ch) not in ("", target) and look_alike(ch, target) is not None
    ]
