"""Language grammars for importing: one module per language, one place each.

A :class:`Grammar` holds everything the importers need to know about how
resolutions are written in one language: the heading word, the conference
formula, the section verbs and their canonical keys, how citations of other
resolutions are written, how a clause addresses its actors and names their
partners, and how deadlines and reporting duties read. Each language module
(:mod:`.en`, :mod:`.fr`, :mod:`.es`) builds one ``GRAMMAR`` from commented
verbose regular expressions; :mod:`itures.importers.extract` applies them.

Names of actors, conferences and events come from the vocabulary
(``schema/actors.yaml``); a grammar only adds the forms that the vocabulary
does not list (``aliases``) and the bodies outside ITU (``other_bodies``).
The section verbs, their headings and the words of "further" come from the
verb vocabulary (``schema/verbs.yaml``), which the rules ``verb-unknown`` and
``heading-mismatch`` check files against: one list for both.
"""

from __future__ import annotations

import re

from itures.importers.lang.base import Grammar

__all__ = [
    "GRAMMARS",
    "Grammar",
    "grammar",
    "guess_language",
    "near_heading",
    "operative_verb",
    "operative_verb_end",
    "without_accents",
]


LANGUAGES = ("en", "fr", "es")
GRAMMARS: dict[str, Grammar] = {}


def grammar(language: str) -> Grammar:
    """The grammar of a language (en, fr, es); KeyError for the others.

    Each language module is imported when its grammar is first asked for: a
    check of French files compiles the French patterns alone."""
    found = GRAMMARS.get(language)
    if found is None:
        if language not in LANGUAGES:
            raise KeyError(language)
        import importlib

        module = importlib.import_module(f"itures.importers.lang.{language}")
        found = module.GRAMMAR
        assert isinstance(found, Grammar)
        GRAMMARS[language] = found
    return found


def _load_all() -> None:
    for language in LANGUAGES:
        grammar(language)


_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """The language (en, fr or es) whose function words the text uses most."""
    _load_all()
    head = text[:400]
    for word, lang in (("RESOLUCI", "es"), ("RÉSOLUTION", "fr"), ("RECOMENDACI", "es")):
        if word in head.upper():
            return lang
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        return None
    scores = {lang: sum(1 for w in words if w in grammar(lang).stopwords) for lang in LANGUAGES}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else None


def flexible(phrase: str) -> str:
    """A regex matching a phrase as written, tolerant of how Word exports it.

    Spaces match any run of white space (non-breaking included), hyphens
    match the non-breaking hyphen U+2011 too, apostrophes match the
    typographic one.
    """
    out: list[str] = []
    for ch in phrase:
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in "-‑":
            out.append("[-‑]")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def operative_verb(text: str, g: Grammar) -> tuple[str, str] | None:
    """(canonical key, the rest of the heading) of an operative heading, or None."""
    h = text.strip()
    if not h or len(h) > 400 or h.endswith((";", ".")):
        return None
    for pattern, key in _verb_patterns(g):
        m = pattern.match(h)
        if m:
            if m.group("f1") or m.group("f2"):
                key = f"further_{key}"
            return key, h[m.end() :].strip(" ,:")
    return None


def operative_verb_end(text: str, g: Grammar) -> int | None:
    """Where the operative verb that starts ``text`` ends (its words of
    "further" included: "further resolves", "resolves to instruct"), or None
    if no verb of ``g`` starts it."""
    for pattern, _ in _verb_patterns(g):
        m = pattern.match(text)
        if m:
            return m.end()
    return None


# the patterns of each grammar's operative verbs, by the grammar's id (a
# grammar holds dictionaries: it cannot be a key), with the grammar itself
_VERB_PATTERNS: dict[int, tuple[Grammar, list[tuple[re.Pattern[str], str]]]] = {}


def _verb_patterns(g: Grammar) -> list[tuple[re.Pattern[str], str]]:
    """(pattern, key) of each operative verb of ``g``, the longest first, made
    once (the check asks the verb of every heading merged into a text)."""
    made = _VERB_PATTERNS.get(id(g))
    if made is None or made[0] is not g:
        further = g.further.pattern
        patterns = [
            (
                re.compile(
                    rf"(?P<f1>{further}\s+)?{flexible(phrase)}(?P<f2>\s+{further})?(?=$|[\s,:])",
                    re.IGNORECASE,
                ),
                g.operative_verbs[phrase],
            )
            for phrase in sorted(g.operative_verbs, key=len, reverse=True)
        ]
        made = _VERB_PATTERNS[id(g)] = (g, patterns)
    return made[1]


def without_accents(text: str) -> str:
    """``text`` without its accents (``décide`` -> ``decide``): what the
    importers compare words by."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def near_heading(text: str, g: Grammar) -> tuple[str, str, str] | None:
    """(part, key, the heading meant) of a paragraph that is a section heading
    of ``g`` written with a slip: its accents lost (``decide`` for
    ``décide``) or one slip of typing (``resolve`` for ``resolves``,
    ``considerng``); None for any other text.

    A preambular heading is the whole paragraph; an operative one may go on
    to name the actors it addresses (``instruct the Secretary-General``).
    A slip of typing counts in a heading of six letters or more only: a
    shorter word is too often another word one letter away.
    """
    h = " ".join(text.replace("’", "'").strip().rstrip(":,").split()).lower()
    if not h or len(h) > 120 or h.endswith((";", ".")):
        return None
    words = h.split()
    from itures.suggest import one_slip

    for part, table in (("preamble", g.preamble_verbs), ("operative", g.operative_verbs)):
        for phrase in sorted(table, key=len, reverse=True):
            n = len(phrase.split())
            if len(words) < n or (part == "preamble" and len(words) != n):
                continue
            head = " ".join(words[:n])
            if head == phrase:
                continue  # not a slip (the caller reads the headings as written)
            accents = without_accents(head) == without_accents(phrase)
            if accents or (len(phrase) >= 6 and one_slip(head, phrase)):
                return part, table[phrase], phrase
    return None
