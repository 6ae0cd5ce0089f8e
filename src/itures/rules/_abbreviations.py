"""The abbreviations of ITU's names as each of English, French and Spanish
writes them: ITU's own ("ITU", "UIT"), those of what its texts name that
are no actor (the Summit, ICT, the least developed countries, the small
island developing States), and the vocabulary's actors'. Which of those a
file's texts write as another language does ("l'ITU" in French) is read
here, for the rules that read a file's words (text-language, which reports
them; deadline-mismatch and actor-mismatch, which read the words past them)."""

from __future__ import annotations

from itures.rules import Context
from itures.rules._walk import joined as joined_form

# ITU's own abbreviation, alone, as the other languages write it ("l'ITU" in
# French), by the file's language: the form, the languages that write it, the
# form to write; not "ITU Telecom", an event's name in every language
UNION: dict[str, tuple[str, str, str]] = {
    "en": ("UIT", "fr, es", "ITU"),
    "fr": ("ITU", "en", "UIT"),
    "es": ("ITU", "en", "UIT"),
}
# The abbreviations of what ITU's texts name that are no actor of the
# vocabulary, written otherwise in each language (the Summit, ICT, the least
# developed countries, the small island developing States), by the file's
# language: as _UNION (an English plural, "ICTs", read as the form)
TERMS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "SMSI": ("fr", "WSIS"),
        "CMSI": ("es", "WSIS"),
        "TIC": ("fr, es", "ICT"),
        "PMA": ("fr, es", "LDC"),
        "PEID": ("fr, es", "SIDS"),
    },
    "fr": {
        "WSIS": ("en", "SMSI"),
        "CMSI": ("es", "SMSI"),
        "ICT": ("en", "TIC"),
        "ICTs": ("en", "TIC"),
        "LDC": ("en", "PMA"),
        "LDCs": ("en", "PMA"),
        "SIDS": ("en", "PEID"),
    },
    "es": {
        "WSIS": ("en", "CMSI"),
        "SMSI": ("fr", "CMSI"),
        "ICT": ("en", "TIC"),
        "ICTs": ("en", "TIC"),
        "LDC": ("en", "PMA"),
        "LDCs": ("en", "PMA"),
        "SIDS": ("en", "PEID"),
    },
}
# (the runs of capital letters of a file's texts, the quick test of the
# abbreviations: every other character made a blank by bytes.translate)
CAPITALS_ONLY = bytes(c if 65 <= c <= 90 else 32 for c in range(256))


def found(ctx: Context, lang: str) -> dict[str, tuple[str, str]]:
    """The abbreviations of ITU's organs, groups and conferences, and its
    own, that another language writes and ``lang`` writes otherwise, found
    in the file's texts by their capitals (most files: none), each -> (the
    languages that write it, the form to write)."""
    from itures.model.vocabulary import vocabulary_of

    def made() -> list[tuple[bytes, str, tuple[str, str]]]:
        union, others, form = UNION[lang]
        written = {union: (others, form), **TERMS[lang]}
        written.update(vocabulary_of(ctx.config).foreign_abbreviations(lang))
        # (each with its capitals, as the file's runs of capitals hold it: "ICT" for "ICTs")
        return [(w.rstrip("s").encode(), w, said) for w, said in written.items()]

    table: list[tuple[bytes, str, tuple[str, str]]] = ctx.memo_run(("abbreviations", lang), made)
    runs = set(joined_form(ctx).form.translate(CAPITALS_ONLY).split())
    return {w: said for capitals, w, said in table if capitals in runs}


def forms(ctx: Context, lang: str) -> dict[str, str]:
    """The abbreviations another language writes found in the file's texts,
    which ``lang`` writes otherwise (see :func:`found`):
    each -> the form ``lang`` writes ("ITU" -> "UIT" in French)."""
    if lang not in UNION:
        return {}
    return {w: form for w, (_, form) in found(ctx, lang).items()}


def known(ctx: Context) -> frozenset[str]:
    """The abbreviations ITU's texts write: the vocabulary's actors', in the
    three languages, ITU's own and the terms'. Made once per vocabulary."""
    from itures.model.vocabulary import vocabulary_of

    vocabulary = vocabulary_of(ctx.config)
    made = _KNOWN.get(id(vocabulary))
    if made is not None and made[0] is vocabulary:
        return made[1]
    names = {
        a
        for actor in vocabulary.actors
        for lang in ("en", "fr", "es")
        for a in getattr(actor.abbreviations, lang)
    }
    for lang, terms in TERMS.items():
        names.update(terms)
        names.update(form for _, form in terms.values())
        names.add(UNION[lang][2])
    result = frozenset(names)
    _KNOWN[id(vocabulary)] = (vocabulary, result)
    return result


# the abbreviations of each vocabulary (:func:`known`), by its identity (the
# vocabulary kept beside them: an identity is unique while it lives)
_KNOWN: dict[int, tuple[object, frozenset[str]]] = {}


def lettered(ctx: Context) -> dict[str, str]:
    """The abbreviations of the file written with a letter lost or two
    swapped that punctuation tells (:func:`itures.rules._conventions.abbreviation_letters`),
    each with the one it means, where that is one: what the readers of a
    clause's words read past ("l'UTI" read as "l'UIT")."""
    from itures.rules import _conventions
    from itures.rules._walk import letter_cases, texts

    if ctx.resolution.language not in ("en", "fr", "es"):
        return {}
    return {
        word: meant[0]
        for word, meant in _conventions.lettered(
            texts(ctx), joined_form(ctx), letter_cases(ctx), known(ctx)
        ).items()
        if len(meant) == 1
    }


def by_name(ctx: Context) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """The names of the vocabulary's actors in the file's language, casefolded,
    each with the abbreviations ITU's texts write for that actor (in any
    language: "TSB" after "Bureau de la normalisation des télécommunications"),
    by the name's last word, the longest names first; made once per
    vocabulary and language."""
    from itures.model.vocabulary import vocabulary_of

    vocabulary = vocabulary_of(ctx.config)
    language = ctx.resolution.language
    key = (id(vocabulary), language)
    made = _BY_NAME.get(key)
    if made is not None and made[0] is vocabulary:
        return made[1]
    pairs: dict[str, set[str]] = {}
    for actor in vocabulary.actors:
        abbreviations = {
            a for lang in ("en", "fr", "es") for a in getattr(actor.abbreviations, lang)
        }
        if not abbreviations:
            continue
        for name in getattr(actor.names, language, ()) or ():
            pairs.setdefault(name.casefold(), set()).update(abbreviations)
    by_last: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for n, a in sorted(pairs.items(), key=lambda p: -len(p[0])):
        by_last.setdefault(n.rsplit(None, 1)[-1], []).append((n, frozenset(a)))
    result = {last: tuple(names) for last, names in by_last.items()}
    _BY_NAME[key] = (vocabulary, result)
    return result


_BY_NAME: dict[
    tuple[int, str], tuple[object, dict[str, tuple[tuple[str, frozenset[str]], ...]]]
] = {}


class Owners:
    """Who ITU's abbreviations and names stand for, in one language: the
    vocabulary's actors that have an abbreviation, and the Sectors (whose
    abbreviations, "ITU-R", are written here with an ASCII hyphen).

    ``names``: each name, casefolded, with its owner, by the name's last
    word, the longest first; ``of``: each abbreviation (in any of English,
    French and Spanish: French texts write "TSB") -> its owners;
    ``shown``: each owner -> its name as the language writes it, and its
    abbreviation in the language."""

    __slots__ = ("names", "of", "shown")

    def __init__(
        self,
        names: dict[str, tuple[tuple[str, str], ...]],
        of: dict[str, frozenset[str]],
        shown: dict[str, tuple[str, str]],
    ) -> None:
        self.names = names
        self.of = of
        self.shown = shown


def owners(ctx: Context) -> Owners:
    """The :class:`Owners` of the file's language (English, French or
    Spanish; empty otherwise), made once per vocabulary and language."""
    from itures.model.vocabulary import vocabulary_of

    vocabulary = vocabulary_of(ctx.config)
    language = ctx.resolution.language
    key = (id(vocabulary), language)
    made = _OWNERS.get(key)
    if made is not None and made[0] is vocabulary:
        return made[1]
    named: dict[str, str] = {}
    of: dict[str, set[str]] = {}
    shown: dict[str, tuple[str, str]] = {}
    if language in UNION:
        for actor in vocabulary.actors:
            own = [getattr(actor.abbreviations, lang) for lang in ("en", "fr", "es")]
            written = getattr(actor.names, language, None) or []
            mine = getattr(actor.abbreviations, language) or own[0]
            if not any(own) or not written or not mine:
                continue
            for abbreviations in own:
                for a in abbreviations:
                    of.setdefault(a, set()).add(actor.id)
            for name in written:
                named.setdefault(name.casefold(), actor.id)
            shown[actor.id] = (written[0], mine[0])
        from itures.rules._conventions import SECTORS

        for letter, (name, abbreviation) in SECTORS[language].items():
            owner = f"sector-{letter}"
            for a in (f"ITU-{letter}", f"UIT-{letter}"):
                of.setdefault(a, set()).add(owner)
            named[name.casefold()] = owner
            shown[owner] = (name, abbreviation)
    by_last: dict[str, list[tuple[str, str]]] = {}
    for n, owner in sorted(named.items(), key=lambda p: -len(p[0])):
        by_last.setdefault(n.rsplit(None, 1)[-1], []).append((n, owner))
    result = Owners(
        {last: tuple(names) for last, names in by_last.items()},
        {a: frozenset(o) for a, o in of.items()},
        shown,
    )
    _OWNERS[key] = (vocabulary, result)
    return result


_OWNERS: dict[tuple[int, str], tuple[object, Owners]] = {}
