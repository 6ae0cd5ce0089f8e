"""Schema stage: plain data -> typed :class:`Resolution`, errors as diagnostics.

Validation uses the pydantic models (the JSON Schema is generated from them
and accepts the same documents); each error is turned into a ``schema``
diagnostic positioned at the offending key (unknown key), value (wrong type or
value) or enclosing mapping (missing key), with a message for editors.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from yaml.nodes import ScalarNode

from itures.diagnostics import Diagnostic, Related
from itures.i18n import either, listing, tr
from itures.model.prebuilt import ready
from itures.model.resolution import Clause, Item, OperativeSection, PreambleSection, Resolution
from itures.yamlio import not_a_resolution
from itures.yamlio.read import Document

__all__ = ["validate"]


def _kind(value: Any) -> str:
    """What a value is, in words ('a string', 'empty (null)')."""
    if isinstance(value, bool):
        return tr("a boolean")
    if isinstance(value, str):
        return tr("a string")
    if isinstance(value, int):
        return tr("an integer")
    if isinstance(value, float):
        return tr("a number")
    if isinstance(value, list):
        return tr("a list")
    if isinstance(value, dict):
        return tr("a mapping")
    if value is None:
        return tr("empty (null)")
    return type(value).__name__


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that the mapping at ``loc`` is validated against."""
    model: type[BaseModel] = Resolution
    for seg in loc:
        if isinstance(seg, int):
            continue
        field = model.model_fields.get(seg)
        if field is None:
            return None
        inner = _unwrap(field.annotation)
        if inner is None:
            return None
        model = inner
    return model


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    origin = get_origin(annotation)
    if origin in (list, Union, types.UnionType):
        for arg in get_args(annotation):
            found = _unwrap(arg)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


# Examples for the identifier patterns of the model, by the field they are in
_EXAMPLES: dict[str, str] = {
    "body": "wtdc",
    "actors": "tdag",
    "partners": "tsb-director",
    "report_to": "council",
    "event": "next-pp",
    "verb": "bearing_in_mind",
    "number": "6-2",
    "id": "1",
}


def _identifier(field: str, value: str) -> str:
    """'{value}' is not a ... : how such a value is written (in words, never the pattern)."""
    if field == "body":
        return tr(
            "{value} is not an issuing body: bodies are written in lower case (letters, digits "
            "and hyphens)",
            value=value,
        )
    if field in ("actors", "partners", "report_to"):
        return tr(
            "{value} is not an actor id: ids are written in lower case with hyphens", value=value
        )
    if field == "event":
        return tr(
            "{value} is not an event id: events are written in lower case with hyphens",
            value=value,
        )
    if field == "verb":
        return tr(
            "{value} is not a verb key: verb keys are English words in lower case, joined by '_'",
            value=value,
        )
    if field == "number":
        return tr(
            "{value} is not a resolution number: a number is letters and digits, with '.', '-' "
            "or a single '/' between them (59, 6-2, 70/1); it names the file's folder, so '..', "
            "spaces, backslashes and a '/', '.' or '-' at either end cannot be part of it",
            value=value,
        )
    if field == "id":
        return tr(
            "{value} is not a footnote mark: marks are letters, digits or one of * † ‡ §",
            value=value,
        )
    if field == "date":
        if re.fullmatch(r"'\d{4}-\d{2}-\d{2}'", value) and not (
            int(value[6:8]) > 12 and int(value[9:11]) <= 12  # (month and day swapped)
        ):
            # written as the field writes a date, a day or a month no calendar has
            return tr(
                "{value} is no day of the calendar: a month has 31 days at most, and a year "
                "12 months",
                value=value,
            )
        return tr(
            "{value} is not a date as this field writes one: year, month and day, "
            "YYYY-MM-DD (2017-10-20)",
            value=value,
        )
    return tr("{value} is not written as this field needs", value=value)


def _digits_swapped(value: str) -> str | None:
    """A date "YYYY-MM-DD" whose day or month is none ("2018-11-51") with
    that day's or month's two digits the other way, when that is a day of the
    calendar ("2018-11-15"); None when it is not."""
    import datetime

    year, month, day = value[:4], value[5:7], value[8:10]
    for m, d in ((month, day[::-1]), (month[::-1], day)):
        if (m, d) == (month, day):
            continue
        try:
            datetime.date(int(year), int(m), int(d))
        except ValueError:
            continue
        return f"{year}-{m}-{d}"
    return None


def _date_fix(value: str) -> str | None:
    """A date written another way, as the field writes it: day first with
    '/' or '.' ("20/10/2017", as ITU texts write a date), a month or a day of
    one digit ("2017-1-5"), month and day swapped ("2018-15-11"); None when
    the value is none of these, or no day of a month of 31 at most."""
    text = value.strip()
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    if m is not None:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if m is None:
            return None
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if month > 12 and day <= 12:
            month, day = day, month
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    fixed = f"{year:04d}-{month:02d}-{day:02d}"
    return None if fixed == text else fixed


# Keys as editors may write them in French or Spanish (or with a capital):
# the unknown key then gets the English key of the format.
_KEY_WORDS: dict[str, str] = {
    "organe": "body",
    "órgano": "body",
    "numéro": "number",
    "número": "number",
    "langue": "language",
    "idioma": "language",
    "titre": "title",
    "título": "title",
    "historique": "history",
    "historial": "history",
    "historia": "history",
    "préambule": "preamble",
    "preámbulo": "preamble",
    "dispositif": "operative",
    "dispositivo": "operative",
    "annexe": "annexes",
    "annexes": "annexes",
    "anexo": "annexes",
    "anexos": "annexes",
    "conférence": "conference",
    "conferencia": "conference",
    "verbe": "verb",
    "verbo": "verb",
    "intitulé": "heading",
    "encabezamiento": "heading",
    "titulo": "title",
    "étiquette": "label",
    "etiqueta": "label",
    "texte": "text",
    "texto": "text",
    "acteurs": "actors",
    "actores": "actors",
    "partenaires": "partners",
    "socios": "partners",
    "échéances": "deadlines",
    "plazos": "deadlines",
    "notes": "footnotes",
    "notas": "footnotes",
    "événement": "event",
    "evento": "event",
    "lieu": "place",
    "lugar": "place",
    "année": "year",
    "año": "year",
}


def _model_name(model: type[BaseModel]) -> str:
    """'a history entry' for HistoryEntry, in the language of the messages
    (a message never puts an English noun into another language's words)."""
    name = model.__name__
    if name == "HistoryEntry":
        return tr("a history entry")
    if name == "Deadline":
        return tr("a deadline")
    if name == "Footnote":
        return tr("a footnote")
    if name == "Item":
        return tr("an item")
    if name == "Clause":
        return tr("a clause")
    if name == "PreambleSection":
        return tr("a preamble section")
    if name == "OperativeSection":
        return tr("an operative section")
    if name == "Annex":
        return tr("an annex")
    if name == "Resolution":
        return tr("a resolution")
    noun = re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()  # (no other model is validated here)
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _meant(key: str, loc: tuple[str | int, ...]) -> str | None:
    """The allowed key an unknown key most likely means (look-alike letters, case, language)."""
    from itures.model.lookalike import to_script

    model = _model_at(loc[:-1])
    if model is None:
        return None
    allowed = list(model.model_fields)
    if to_script(key) in allowed:
        return to_script(key)
    # the entries' key of the other part ("items:" under an operative section,
    # "clauses:" under a preambular one)
    other = _OTHER_PART.get(key)
    if other is not None and other in allowed:
        return other
    return _close_key(key, allowed)


_OTHER_PART = {"items": "clauses", "clauses": "items"}


def _word_number(written: str) -> str | None:
    """The label a number written as Word numbers a list means: '2' for '2.'
    (the dot after it) or '04' (a zero before it); None for another
    number ('1.10', '3')."""
    m = re.fullmatch(r"0*([1-9][0-9]*)(\.?)", written)
    if m is None or (not m.group(2) and not written.startswith("0")):
        return None
    return m.group(1)


def _about(model: type[BaseModel] | None, key: str) -> str:
    """What a required key holds, for the help that asks for it, in the
    language of the messages ("" for a key said no more of)."""
    name = model.__name__ if model is not None else ""
    if key == "verb" and name in ("PreambleSection", "OperativeSection"):
        from itures.model.vocabulary import shipped_verbs

        part = "preamble" if name == "PreambleSection" else "operative"
        return tr(
            "the key of the section's verb: {keys}", keys=listing(shipped_verbs().keys(part), 6)
        )
    if key == "event":
        return tr("adopted, revised or abrogated")
    if key == "place":
        return tr("where the conference met, as the file's language writes it")
    if key == "year":
        return tr("the year of the conference")
    if key == "id":
        return tr("the footnote's mark, as in [^1]: '1'")
    if key == "text":
        return tr("the text as written, with its citations and footnote markers")
    if key == "body":
        return tr("the body that adopted it: pp, wtdc, wtsa, ra, ...")
    if key == "number":
        return tr("the resolution's number: '59', '6-2'")
    if key == "language":
        return tr("the language of this version: ar, zh, en, fr, ru or es")
    if key == "title":
        return tr("the title as written")
    return ""


def _fix_identifier(field: str, value: str) -> str | None:
    """The value written as the field's pattern wants, when a plain fix makes it so."""
    from itures.model.lookalike import to_script

    if field in ("actors", "partners", "report_to"):
        from itures.model.vocabulary import suggest_actor

        return suggest_actor(value)
    fixed = to_script(value).strip()
    if field == "verb":
        fixed = "_".join(fixed.casefold().replace("-", " ").split())
    elif field in ("body", "event"):
        fixed = "-".join(fixed.casefold().replace("_", " ").split())
    elif field == "number":
        fixed = "-".join(fixed.split())
    return fixed if fixed and fixed != value else None


def _pattern_message(field: str, name: str, value: Any, pattern: str) -> tuple[str, str | None]:
    """A value that does not match its field's pattern, in words (never the pattern)."""
    from itures.model.lookalike import describe, mixed, to_script

    if isinstance(value, str) and (found := mixed(value)):
        ch = found[0][1]
        return (
            tr(
                "{value} ('{name}') contains {character} but is another character",
                value=_show(value),
                name=name,
                character=describe(ch),
            ),
            tr("retype it in Latin letters: '{value}'", value=to_script(value)),
        )
    if isinstance(value, str):
        from itures.textscan import ascii_digits

        digits = ascii_digits(value)
        if digits != value and re.search(pattern, digits):
            # '１', '٢': a digit to a reader, but not one of 0 to 9
            return (
                tr(
                    "{value} ('{name}') is written in digits of another script or width",
                    value=_show(value),
                    name=name,
                ),
                tr("write '{value}'", value=digits),
            )
    shown = _show(value)
    key = _verb_of_heading(value) if field == "verb" and isinstance(value, str) else None
    if key is not None and key != _fix_identifier(field, value):
        # (not the key written in words or capitals, "Taking Into Account": its fix)
        # a heading written as the verb key ("instructs the Directors of the Bureaux",
        # "recognizing also"): the key is the verb's, the words are the heading
        return (
            tr(
                "{value} is a section's heading, not its verb key: the key of the verb it "
                "writes is '{key}'",
                value=shown,
                key=key,
            ),
            tr(
                "write 'verb: {key}', and the words as the section's heading: 'heading: {heading}'",
                key=key,
                heading=" ".join(str(value).split()),
            ),
        )
    fixed = _fix_identifier(field, value) if isinstance(value, str) else None
    if field == "date" and isinstance(value, str):
        fixed = _date_fix(value)
    if fixed is not None and (not re.search(pattern, fixed) or "\n" in fixed):
        fixed = None  # offer only a value that is allowed
    padded = isinstance(value, str) and value != value.strip()
    if padded and value.strip() and value.rstrip() != value:
        msg = tr(
            "{value} ends with a space or line break; write the value on the key's line (a "
            "block introduced by | or > keeps its line break)",
            value=shown,
        )
    elif padded and re.search(pattern, value.strip()):
        msg = tr("{value} has spaces or line breaks before or after it; remove them", value=shown)
    else:
        msg = _identifier(field, shown)
        example = None if field in ("number", "date") else fixed or _EXAMPLES.get(field)
        if example:
            msg += tr(", e.g. '{example}'", example=example)
    if fixed:
        return msg, tr("write '{value}'", value=fixed)
    if field == "date" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        swapped = _digits_swapped(value)
        if swapped is not None:
            return msg, tr(
                "correct the day or the month ({value} if two digits were typed the other way)",
                value=repr(swapped),
            )
        return msg, tr("correct the day or the month")
    if field == "date":
        return msg, tr("write the date as year-month-day, with two digits each for month and day")
    return msg, None


def _verb_of_heading(value: str) -> str | None:
    """The verb key a value of ``verb`` writes when it is a heading of the
    vocabulary rather than a key, in any of its languages and either part
    ("instructs the Directors of the Bureaux": 'instructs'; "recognizing
    also": 'further_recognizing'); None when it reads as none, or as more
    than one."""
    from itures.model.resolution import LANGUAGES
    from itures.model.vocabulary import FURTHER, PARTS, shipped_verbs

    verbs = shipped_verbs()
    found: set[str] = set()
    for part in PARTS:
        for language in LANGUAGES:
            reading = verbs.read(value, part, language)
            if len(reading.verbs) == 1:
                found.add((FURTHER if reading.further else "") + reading.verbs[0])
    return found.pop() if len(found) == 1 else None


def _heading_help(model: type[BaseModel] | None, section: Any, language: str | None) -> str:
    """The help for a missing ``heading``: the heading of the section's verb in
    the file's language, from the shipped vocabulary ('recalling' in an English
    file, 'rappelant' in a French one), when both are known; else the heading
    as the text writes it. (The field's description gives an example in one
    language, which would be wrong advice in the five others.)"""
    part = (
        "preamble"
        if model is PreambleSection
        else "operative"
        if model is OperativeSection
        else None
    )
    verb = section.get("verb") if isinstance(section, dict) else None
    if part is not None and isinstance(verb, str) and isinstance(language, str):
        from itures.model.vocabulary import FURTHER, shipped_verbs

        by_language = shipped_verbs().headings[part].get(verb.removeprefix(FURTHER), {})
        own = by_language.get(language) if not verb.startswith(FURTHER) else None
        if own:
            return tr(
                "add the line 'heading: {heading}' ({verb} in '{language}'; or the heading as "
                "the text writes it)",
                heading=own[0],
                verb=verb,
                language=language,
            )
    return tr("add the line 'heading: ...' (the heading as the text writes it)")


def _written(
    doc: Document | _AsRenamed, loc: tuple[str | int, ...], err: ErrorDetails
) -> str | None:
    """A number where a string is wanted, as the file writes it ('1.10', which
    YAML reads as 1.1; '1e3'): what the advice quotes. None for anything else."""
    value = err.get("input")
    if err["type"] != "string_type" or not isinstance(value, int | float):
        return None
    node, _, whole = doc.along(loc)
    if whole and isinstance(node, ScalarNode) and not node.style:  # plain (not quoted)
        return str(node.value)
    return None


# the keys of a deadline that say when it falls
_WHEN = ("every", "event", "by")
# a year in a text ('2019-02-30', 'by 2020')
_YEAR_IN = re.compile(r"(?<![0-9])(1[89][0-9]{2}|2[0-9]{3})(?![0-9])")


def _deadline_said(
    doc: Document | _AsRenamed, loc: tuple[str | int, ...], err: ErrorDetails, language: str | None
) -> str | None:
    """The help of a deadline's ``every``, ``event`` or ``by`` the schema
    refuses ('every: two-year', 'by: next-pp', 'by: 2019-02-30') when the
    deadline's words say when it falls ("chaque année", "by 2020"), read
    as the importer reads them (en, fr, es): the key and value they say,
    not the value closest to the one typed; None otherwise."""
    if len(loc) < 3 or loc[-1] not in _WHEN or "deadlines" not in loc or language is None:
        return None
    node: Any = doc.data
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    words = node.get("text") if isinstance(node, dict) else None
    if not isinstance(words, str):
        return None
    from itures.importers.lang import LANGUAGES

    if language not in LANGUAGES:
        return None
    from itures.importers.extract import deadlines

    read = deadlines(words, language)
    if len(read) != 1:
        return None
    said = [(k, getattr(read[0], k)) for k in _WHEN if getattr(read[0], k) is not None]
    if len(said) != 1:
        return None
    (key, value), written = said[0], err.get("input")
    return tr(
        "write '{key}: {value}' in place of '{field}: {written}', as the deadline's words "
        "{words} say",
        key=key,
        value=value,
        field=loc[-1],
        written=written if isinstance(written, str | int) else _show(written),
        words=repr(words),
    )


def _year_help(field: str, value: object) -> str | None:
    """The help of a year the schema refuses that is a text: the one year it
    holds ('2019-02-30': 2019), or, for a deadline's ``by``, the event of
    the vocabulary it names ('next-pp': an event); None otherwise."""
    if not isinstance(value, str):
        return None
    years = set(_YEAR_IN.findall(value))
    if len(years) == 1:
        return tr("write the year alone, without quotes: {year}", year=years.pop())
    if field == "by":
        from itures.model.vocabulary import vocabulary

        if value.strip() in vocabulary().event_ids():
            return tr(
                "'{value}' is an event: write 'event: {value}' in place of 'by: {value}' "
                "('by' takes a year)",
                value=value.strip(),
            )
    return None


def _message(
    err: ErrorDetails,
    loc: tuple[str | int, ...],
    language: str | None = None,
    written: str | None = None,
) -> tuple[str, str | None, bool, tuple[str | int, ...]]:
    """(message, help, position-at-key?, path to position) for one pydantic
    error; ``language`` is the file's (its ``language`` key), for advice in it;
    ``written`` a number's source, as the file writes it (:func:`_written`)."""
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    names = [p for p in loc if isinstance(p, str)]
    field = names[-1] if names else "document"
    name = field
    help_: str | None = None
    if loc and isinstance(loc[-1], int):
        name = tr("{name} entry {number}", name=name, number=loc[-1] + 1)
    if kind == "missing":
        model = _model_at(loc[:-1])
        key = str(loc[-1])
        info = model.model_fields.get(key) if model else None
        about = _about(model, key) if info is not None else ""
        if key == "heading":
            help_ = _heading_help(model, value, language)
        elif about:
            help_ = tr("add the line '{key}: ...' ({about})", key=key, about=about)
        else:
            help_ = tr("add the line '{key}: ...'", key=key)
        if model is None:
            return tr("missing required key '{key}'", key=key), help_, False, loc[:-1]
        return (
            tr("missing required key '{key}' in {where}", key=key, where=_model_name(model)),
            help_,
            False,
            loc[:-1],
        )
    if kind == "extra_forbidden":
        return (*_unknown_key(str(loc[-1]), loc), True, loc)
    if kind == "string_type":
        msg = tr("'{name}' must be a string, not {kind}", name=name, kind=_kind(value))
        if isinstance(value, int | float) and not isinstance(value, bool):
            # quoted as written: '1.10' is read as the number 1.1, and its
            # quotes must keep the 0 (YAML 1.1's 0o17, 1_000 are written so too)
            shown = written if written is not None else value
            label = _word_number(str(shown)) if name == "label" else None
            if label is not None:
                # '2.' (Word's numbering) or '04': the label the list means
                help_ = tr("write it in quotes, as the number reads: '{value}'", value=label)
            else:
                msg += tr('; quote it: "{value}"', value=shown)
                help_ = tr("write it in quotes: '{value}'", value=shown)
        elif isinstance(value, list):
            help_ = tr("a text that starts with '[' must be in quotes: YAML reads '[...' as a list")
        elif isinstance(value, dict):
            help_ = tr(
                "a text that starts with '{' must be in quotes: YAML reads '{...' as a mapping"
            )
        elif value is None:
            help_ = tr("write the {field} after '{field}: ', or remove the line", field=field)
        elif isinstance(value, bool):
            help_ = tr("write it in quotes: '{value}'", value=str(value).lower())
        return msg, help_, False, loc
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, str) and value.strip().isdigit():
            bare = value.strip()
            if bare.isascii():
                help_ = tr("remove the quotes: {value}", value=bare)
            else:
                # '٢٠٠٦', '２０１８': a number in other digits than 0 to 9, which
                # YAML reads as a text (with quotes or without)
                help_ = tr(
                    "write the number in the digits 0 to 9, without quotes: {value}",
                    value=str(int(bare)),
                )
        return (
            tr(
                "'{name}' must be an integer such as 2017, not {kind} {value}",
                name=name,
                kind=_kind(value),
                value=_show(value),
            ),
            help_
            or _year_help(field, value)
            or tr("write a year in digits, without quotes, such as 2017"),
            False,
            loc,
        )
    if kind == "list_type":
        return (
            tr(
                "'{name}' must be a list (lines starting with '- '), not {kind}",
                name=name,
                kind=_kind(value),
            ),
            tr(
                "write each entry of '{field}' on its own line, starting with '- ', indented "
                "under '{field}:'",
                field=field,
            ),
            False,
            loc,
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            tr(
                "'{name}' must be a mapping (key: value lines), not {kind}",
                name=name,
                kind=_kind(value),
            ),
            tr("write its keys on their own lines, each 'key: value'"),
            False,
            loc,
        )
    if kind == "literal_error":
        # (pydantic's English "'a', 'b' or 'c'", joined again in the current language)
        choices = [
            c.strip().strip("'")
            for c in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")
        ]
        expected = either([f"'{c}'" for c in choices])
        if isinstance(value, str):
            folded = {c.casefold(): c for c in choices}
            if value.strip().casefold() in folded:
                help_ = tr("write '{value}'", value=folded[value.strip().casefold()])
            else:
                from itures.suggest import closest

                meant = closest(value.strip().casefold(), choices)
                if meant is not None:
                    help_ = tr("did you mean '{value}'?", value=meant)
        if help_ is None and field == "language":
            help_ = tr("use the two-letter code of one of the six ITU languages")
        return (
            tr(
                "'{name}' is {value}; expected one of {expected}",
                name=name,
                value=_show(value),
                expected=expected,
            ),
            help_ or tr("write one of {expected}", expected=expected),
            False,
            loc,
        )
    if kind == "string_pattern_mismatch":
        msg, help_ = _pattern_message(field, name, value, str(ctx.get("pattern", "")))
        return msg, help_, False, loc
    if kind == "string_too_short":
        return (
            tr("'{name}' must not be empty", name=name),
            tr(
                "write the {field} after '{field}: ', or remove the line if the key is optional",
                field=field,
            ),
            False,
            loc,
        )
    if kind == "too_short":
        return (
            tr("'{name}' must have at least one entry", name=name),
            tr(
                "add an entry under '{field}:' (a line starting with '- '), or remove the key",
                field=field,
            ),
            False,
            loc,
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        if field in ("year", "by"):
            return (
                tr(
                    "'{name}' is {value}, not a year between 1865 and 2999",
                    name=name,
                    value=_show(value),
                ),
                tr("write the year in four digits, e.g. 2017"),
                False,
                loc,
            )
        return f"'{name}' is {_show(value)}: {err['msg'].lower()}", None, False, loc
    return f"'{name}': {err['msg']}", None, False, loc


def _odd_blank_key(key: str) -> str | None:
    """The key meant by an unknown key that starts with a blank of another
    kind (its line indented with a no-break space): the key without its
    blanks; None for another key."""
    from itures.yamlio.explain import ODD_BLANKS  # (an unknown key: the error path alone)

    if not key or key[0] not in ODD_BLANKS:
        return None
    meant = key.lstrip(ODD_BLANKS + " ")
    return meant or None


def _unknown_key(key: str, loc: tuple[str | int, ...]) -> tuple[str, str | None]:
    """An unknown key: a look-alike letter named, or the key it most likely means."""
    from itures.model.lookalike import describe, mixed, to_script

    if _odd_blank_key(key) is not None:
        import unicodedata

        return (
            tr(
                "the key {key} starts with {char} (U+{code} {name}): its line is indented with "
                "it, which YAML does not read as indentation, so {meant} is read where it does "
                "not belong",
                key=repr(key),
                char=repr(key[0]),
                code=format(ord(key[0]), "04X"),
                name=unicodedata.name(key[0], ""),
                meant=repr(_odd_blank_key(key)),
            ),
            tr("replace it with a space: indent with spaces only"),
        )
    model = _model_at(loc[:-1])
    if model is None:
        return tr("unknown key '{key}'", key=key), None
    allowed = ", ".join(model.model_fields)
    where = _model_name(model)
    found = mixed(key)
    if found and to_script(key) in model.model_fields:
        return (
            tr(
                "unknown key '{key}': it contains {character} but is another character",
                key=key,
                character=describe(found[0][1]),
            ),
            tr("retype the key in Latin letters: '{key}'", key=to_script(key)),
        )
    close = _close_key(key, list(model.model_fields))
    other = _OTHER_PART.get(key)
    if close is None and other is not None and other in model.model_fields:
        return (
            tr(
                "unknown key '{key}': {where} lists its entries under '{other}' ('{key}' is "
                "the other part's)",
                key=key,
                where=where,
                other=other,
            ),
            tr("rename it to '{other}'", other=other),
        )
    if close is None and len(loc) > 2 and key in Resolution.model_fields:
        # a key of the resolution itself indented into a section ('footnotes:'
        # written under the last operative section)
        return (
            tr(
                "unknown key '{key}' in {where}: '{key}' is a key of the resolution itself, "
                "written at the left margin",
                key=key,
                where=where,
            ),
            tr(
                "write '{key}:' at the left margin (no blank before it), its lines indented "
                "under it as they are",
                key=key,
            ),
        )
    if close is not None:
        return (
            tr("unknown key '{key}'; did you mean '{close}'?", key=key, close=close),
            tr(
                "rename it to '{close}' (the keys of {where} are {allowed})",
                close=close,
                where=where,
                allowed=allowed,
            ),
        )
    return (
        tr(
            "unknown key '{key}' (allowed in {where}: {allowed})",
            key=key,
            where=where,
            allowed=allowed,
        ),
        tr("remove it, or rename it"),
    )


def _close_key(key: str, allowed: list[str]) -> str | None:
    return _closest_key(key, tuple(allowed))


# Memoised while one document is validated (:func:`validate` clears it): the
# key an unknown key means is asked up to three times for each finding (a file
# with 500,000 unknown keys spent most of its time here).
@functools.cache
def _closest_key(key: str, allowed: tuple[str, ...]) -> str | None:
    from itures.suggest import closest  # only for this message: not at start-up

    folded = key.strip().casefold().replace("-", "_").replace(" ", "_")
    if folded in allowed:
        return folded
    word = _KEY_WORDS.get(folded)
    if word in allowed:
        return word
    return closest(key, allowed) or closest(folded, allowed)


def validate(doc: Document) -> tuple[Resolution | None, list[Diagnostic]]:
    """Validate a parsed document; return the model or the schema diagnostics."""
    try:
        return _validate(doc)
    finally:
        _closest_key.cache_clear()  # memoised for one document's findings only


def _validate(doc: Document) -> tuple[Resolution | None, list[Diagnostic]]:
    data = doc.data
    if data is None:
        what = (
            tr("the file is empty; a resolution needs body, number, language, title and history")
            if doc.root is None
            else tr(
                "the document is null (~); a resolution needs body, number, language, title "
                "and history"
            )
        )
        return None, [
            doc.diagnostic(
                "schema",
                what,
                help=tr(
                    "write the resolution's keys (itures import makes them from a Word text; "
                    "git restore brings back the last committed file)"
                ),
            )
        ]
    if not isinstance(data, dict):
        return None, [
            doc.diagnostic(
                "schema",
                tr("a resolution file must be a mapping of keys, not {kind}", kind=_kind(data)),
            )
        ]
    if not_a_resolution(data):
        keys = ", ".join(str(k) for k in list(data)[:5]) + (", …" if len(data) > 5 else "")
        return None, [
            doc.diagnostic(
                "schema",
                tr(
                    "not a resolution: none of the keys a resolution has (body, number, "
                    "language, title, history); its keys: {keys}",
                    keys=keys,
                ),
                help=tr(
                    "move the file out of the corpus directory if it is not a resolution; "
                    "otherwise write the resolution's keys"
                ),
            )
        ]
    ready()
    try:
        return Resolution.model_validate(data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    return None, _findings(doc, data, errors)


class _AsRenamed:
    """A document read as if the keys written under another name ('itmes:',
    'items:' in an operative section) had the name they mean: its data with
    them renamed, which the schema then reads inside too; the places of its
    findings are those of the document as written."""

    def __init__(
        self,
        doc: Document | _AsRenamed,
        data: Any,
        renames: list[tuple[tuple[str | int, ...], tuple[str | int, ...]]],
    ) -> None:
        self.doc = doc
        self.data = data
        self.path: str = doc.path
        self.renames = renames  # (the path of a renamed key, its path as written)

    def written(self, parts: tuple[str | int, ...] | list[str | int]) -> tuple[str | int, ...]:
        parts = tuple(parts)
        for new, old in self.renames:
            if parts[: len(new)] == new:
                return (*old, *parts[len(new) :])
        return parts

    def along(self, parts: tuple[str | int, ...] | list[str | int]) -> Any:
        return self.doc.along(self.written(parts))

    def diagnostic(
        self,
        rule: str,
        message: str,
        parts: tuple[str | int, ...] | list[str | int] = (),
        *,
        key: bool = False,
        help: str | None = None,
    ) -> Diagnostic:
        return self.doc.diagnostic(rule, message, self.written(parts), key=key, help=help)


def _renamed_inside(
    doc: Document | _AsRenamed,
    data: Any,
    renamed: dict[tuple[tuple[str | int, ...], str], tuple[str | int, ...]],
    depth: int,
) -> list[Diagnostic]:
    """The findings inside the values of keys written under another name
    (``renamed``: (mapping, meant key) -> the unknown key's path), which the
    schema does not read under an unknown key: the document read with them
    renamed (one finding for each defect at once, not one more after each
    correction)."""
    moves = []
    for (where, meant), unknown in renamed.items():
        mapping = _at(data, where)
        if (
            isinstance(mapping, dict)
            and meant not in mapping
            and isinstance(mapping.get(unknown[-1]), dict | list)
            and mapping[unknown[-1]]
        ):
            moves.append((where, meant, unknown))
    if not moves or depth > 3:
        return []
    copy = _with_renamed(data, [(w, str(u[-1]), m) for w, m, u in moves])
    try:
        Resolution.model_validate(copy)
        return []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    inside = [(*where, meant) for where, meant, _ in moves]
    errors = [
        err
        for err in errors
        if any(
            (loc := _path(copy, err["loc"]))[: len(p)] == p and len(loc) > len(p) for p in inside
        )
    ]
    if not errors:
        return []
    view = _AsRenamed(doc, copy, [((*w, m), u) for w, m, u in moves])
    return _findings(view, copy, errors, depth + 1)


def _with_renamed(data: Any, moves: list[tuple[tuple[str | int, ...], str, str]]) -> Any:
    """``data`` with each key ``old`` of the mapping at ``where`` named ``new``
    (``moves``: where, old, new), in its place among the keys; what the moves
    do not pass through is shared, not copied."""
    if not moves:
        return data
    if any(not where for where, _, _ in moves):
        renames = {old: new for where, old, new in moves if not where}
        data = {renames.get(k, k) if isinstance(k, str) else k: v for k, v in data.items()}
    deeper: dict[str | int, list[tuple[tuple[str | int, ...], str, str]]] = {}
    for where, old, new in moves:
        if where:
            deeper.setdefault(where[0], []).append((where[1:], old, new))
    if not deeper:
        return data
    if isinstance(data, dict):
        out: Any = dict(data)
    else:
        out = list(data)
    for step, inner in deeper.items():
        out[step] = _with_renamed(data[step], inner)
    return out


def _findings(
    doc: Document | _AsRenamed, data: Any, errors: list[ErrorDetails], depth: int = 0
) -> list[Diagnostic]:
    """The schema's ``errors`` of ``data`` (the document's), as findings."""
    out: list[Diagnostic] = []
    seen: set[tuple[int, int, str | None]] = set()
    located = [(_path(data, err["loc"]), err) for err in errors]
    # a misspelt key is one defect, not an unknown key and a missing one: the
    # missing key is told as a related place of the unknown key's finding
    renamed = {
        (loc[:-1], meant): loc
        for loc, err in located
        if err["type"] == "extra_forbidden" and (meant := _meant(str(loc[-1]), loc))
    }
    # ... and so is a key written under another name where its mapping misses
    # one key and has one unknown ('note:' for 'text:' in a footnote): one
    # finding at the unknown key, which says to rename it
    lone = _lone_renames(located, renamed)
    renamed.update({(where, key): unknown for where, (key, unknown) in lone.items()})
    missing = {(loc[:-1], str(loc[-1])) for loc, err in located if err["type"] == "missing"} & set(
        renamed
    )
    # a key whose line is indented with a no-break space lands elsewhere: the
    # key its entry then misses is that one defect too (said at the key)
    misplaced = {
        meant
        for loc, err in located
        if err["type"] == "extra_forbidden" and (meant := _odd_blank_key(str(loc[-1])))
    }
    language = data.get("language")
    language = language if isinstance(language, str) else None
    split: set[tuple[str | int, ...]] = set()  # mappings whose text a comma cut
    # an entry written at the column of the sections ('- label' and 'text'
    # where '- verb' goes): one finding, not a missing verb and unknown keys
    outdented = {loc[:-1] for loc, err in located if _entry_as_section(data, loc, err)}
    # ... and a section written at the column of the entries of the section
    # before ('- verb:' among its clauses): one finding, not a missing text and
    # unknown keys
    indented = {loc[:-1] for loc, err in located if _section_as_entry(data, loc, err)}
    for where in sorted(indented, key=str):
        entries = str(where[-2])
        out.append(
            doc.diagnostic(
                "schema",
                tr(
                    "{noun} {number} of section {section} of '{part}' has the keys of a section "
                    "({keys}): a section written at the column of the {nouns}?",
                    noun=tr("clause") if entries == "clauses" else tr("item"),
                    nouns=entries,
                    number=int(where[-1]) + 1,
                    section=int(where[1]) + 1,
                    part=str(where[0]),
                    keys=", ".join(str(k) for k in _at(data, where)),
                ),
                where,
                help=tr(
                    "write it and its lines at the column of the sections, where '- verb:' of "
                    "section {section} starts, after that section's {nouns}",
                    section=int(where[1]) + 1,
                    nouns=entries,
                ),
            )
        )
    located = [(loc, err) for loc, err in located if not any(loc[: len(w)] == w for w in indented)]
    for where in sorted(outdented, key=str):
        part = str(where[0])
        out.append(
            doc.diagnostic(
                "schema",
                tr(
                    "section {number} of '{part}' has the keys of an entry ({keys}) and no verb: "
                    "an entry written at the column of the sections?",
                    number=int(where[1]) + 1,
                    part=part,
                    keys=", ".join(str(k) for k in data[part][where[1]]),
                ),
                where,
                help=tr(
                    "indent it and its lines under the '{key}:' of the section above it, "
                    "two columns further in than that section's keys",
                    key="clauses" if part == "operative" else "items",
                ),
            )
        )
    located = [(loc, err) for loc, err in located if loc[:2] not in outdented]
    for loc, err in located:
        if err["type"] == "missing" and (
            (loc[:-1], str(loc[-1])) in missing or str(loc[-1]) in misplaced
        ):
            continue
        if err["type"] == "extra_forbidden" and _cut_by_comma(data, loc):
            if loc[:-1] in split:
                continue  # (one finding for the text, however many commas)
            split.add(loc[:-1])
            out.append(
                doc.diagnostic(
                    "schema",
                    tr(
                        "'{words}' is read as a key: in an entry written on one line in braces {{…}}, a "
                        "text ends at its first comma",
                        words=str(loc[-1]),
                    ),
                    loc,
                    key=True,
                    help=tr(
                        "put the whole text in quotes (text: '…, …'), or write the entry as "
                        "lines of 'key: value'"
                    ),
                )
            )
            continue
        message, help_, at_key, where = _message(err, loc, language, _written(doc, loc, err))
        if err["type"] == "too_short":
            help_ = _entries_before(data, loc) or help_
        said = _deadline_said(doc, loc, err, language)
        if said is not None:
            help_ = said
        diag = doc.diagnostic("schema", message, where, key=at_key, help=help_)
        rename = lone.get(loc[:-1]) if err["type"] == "extra_forbidden" else None
        model = _model_at(loc[:-1])
        if rename is not None and rename[1] == loc and model is not None:
            diag = dataclasses.replace(
                diag,
                message=tr(
                    "unknown key '{key}' in {where}, which has no '{meant}': is '{key}' its "
                    "'{meant}'?",
                    key=str(loc[-1]),
                    where=_model_name(model),
                    meant=rename[0],
                ),
                help=tr("rename '{key}' to '{meant}'", key=str(loc[-1]), meant=rename[0]),
            )
        meant_key = (
            rename[0] if rename is not None and rename[1] == loc and model is not None else None
        )
        if (
            err["type"] == "extra_forbidden"
            and (
                loc[:-1],
                meant_key or _meant(str(loc[-1]), loc),
            )
            in missing
        ):
            whole = doc.diagnostic("schema", "", loc[:-1])
            diag = dataclasses.replace(
                diag,
                related=(
                    Related(
                        doc.path,
                        whole.line,
                        whole.column,
                        tr("'{key}' is required here", key=meant_key or _meant(str(loc[-1]), loc)),
                        whole.end_line,
                        whole.end_column,
                    ),
                ),
            )
        # pydantic reports a union once per alternative: keep the first
        mark = (diag.line, diag.column, diag.pointer)
        if mark in seen:
            continue
        seen.add(mark)
        out.append(diag)
    out += _renamed_inside(doc, data, renamed, depth)
    return out


def _entries_before(data: Any, loc: tuple[str | int, ...]) -> str | None:
    """The help for a section with no entries (``clauses: []``) after a
    section whose list starts again ('1', '2', then '1', '2' …): the entries
    from that start on are likely this section's, left there when it was
    split out of the section before. None when there is none such."""
    if (
        len(loc) != 3
        or loc[0] not in ("preamble", "operative")
        or loc[2] not in ("clauses", "items")
    ):
        return None
    s = loc[1]
    sections = data.get(loc[0])
    if not isinstance(s, int) or s == 0 or not isinstance(sections, list):
        return None
    before = sections[s - 1]
    entries = before.get(loc[2]) if isinstance(before, dict) else None
    if not isinstance(entries, list) or len(entries) < 2:
        return None
    labels = [e.get("label") if isinstance(e, dict) else None for e in entries]
    first = labels[0]
    if first is None:
        return None
    again = [k for k, label in enumerate(labels) if k > 0 and label == first]
    if not again:
        return None
    return tr(
        "move under it the {nouns} of section {section} from its second '{label}' on (its "
        "list starts again there): they are this section's, left in the section before",
        nouns=loc[2],
        section=s,
        label=first,
    )


def _lone_renames(
    located: list[tuple[tuple[str | int, ...], Any]], paired: dict[Any, Any]
) -> dict[tuple[str | int, ...], tuple[str, tuple[str | int, ...]]]:
    """The mappings with one unknown key and one missing required key, not
    paired already (``paired``: look-alike, case, language), each with the
    missing key and the unknown key's location: the key written under
    another name ('note:' for a footnote's 'text:')."""
    unknown: dict[tuple[str | int, ...], list[tuple[str | int, ...]]] = {}
    lost: dict[tuple[str | int, ...], list[str]] = {}
    for loc, err in located:
        if err["type"] == "extra_forbidden":
            unknown.setdefault(loc[:-1], []).append(loc)
        elif err["type"] == "missing":
            lost.setdefault(loc[:-1], []).append(str(loc[-1]))
    taken = {where for where, _ in paired}
    known = _all_keys()
    return {
        where: (keys[0], unknown[where][0])
        for where, keys in lost.items()
        if len(keys) == 1
        and len(unknown.get(where, ())) == 1
        and where not in taken
        # (a key of the format put where it does not belong, 'text' in an annex,
        # is no other name for the missing one)
        and str(unknown[where][0][-1]) not in known
    }


@functools.cache
def _all_keys() -> frozenset[str]:
    """Every key of the format, in any of its mappings."""
    found: set[str] = set()
    todo: list[type[BaseModel]] = [Resolution]
    while todo:
        model = todo.pop()
        for name, info in model.model_fields.items():
            if name in found:
                continue
            found.add(info.alias or name)
            found.add(name)
            for arg in _models_in(info.annotation):
                todo.append(arg)
    return frozenset(found)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation holds (in a list, an optional, a union)."""
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _at(data: Any, where: tuple[str | int, ...]) -> Any:
    node = data
    for step in where:
        node = node[step]
    return node


def _section_as_entry(data: Any, loc: tuple[str | int, ...], err: Any) -> bool:
    """Whether ``err`` is an entry's missing text where the entry holds the
    keys of a section, its verb among them (a section written at the column
    of the clauses or items of the section before it)."""
    if err["type"] != "missing" or loc[-1] != "text" or len(loc) != 5:
        return False
    if loc[0] not in ("preamble", "operative") or loc[2] not in ("clauses", "items"):
        return False
    try:
        entry = _at(data, loc[:-1])
    except (KeyError, IndexError, TypeError):
        return False
    keys = (OperativeSection if loc[0] == "operative" else PreambleSection).model_fields
    return isinstance(entry, dict) and "verb" in entry and all(key in keys for key in entry)


def _entry_as_section(data: Any, loc: tuple[str | int, ...], err: Any) -> bool:
    """Whether ``err`` is a section's missing verb where the section holds
    the keys of an entry only, its text among them (a clause or an item
    written at the column of the sections), after a section it may belong to."""
    if err["type"] != "missing" or len(loc) != 3 or loc[2] != "verb":
        return False
    part, k = loc[0], loc[1]
    if part not in ("preamble", "operative") or not isinstance(k, int) or k == 0:
        return False
    sections = data.get(part)
    entry = sections[k] if isinstance(sections, list) and k < len(sections) else None
    keys = (Clause if part == "operative" else Item).model_fields
    return isinstance(entry, dict) and "text" in entry and all(key in keys for key in entry)


def _cut_by_comma(data: Any, loc: tuple[str | int, ...]) -> bool:
    """Whether the unknown key at ``loc`` is words of a text that a comma cut
    ('{label: 4, text: to hold, as far as possible, a meeting}'): a key of
    several words with no value, beside a 'text'."""
    try:
        parent = _at(data, loc[:-1])
    except (KeyError, IndexError, TypeError):
        return False
    if not isinstance(parent, dict) or "text" not in parent:
        return False
    key = loc[-1]
    return isinstance(key, str) and parent.get(key) is None and " " in key.strip()


def _path(data: Any, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """The path into the document of a pydantic error location.

    pydantic may insert validator tags such as 'function-before[...]' into a
    location; a segment is dropped as a tag only if it is not a key of the
    data at that point (a key "b[ody" is a key).
    """
    out: list[str | int] = []
    node = data
    for seg in loc:
        in_dict = isinstance(node, dict) and isinstance(seg, str) and seg in node
        in_list = isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node)
        if in_dict or in_list:
            node = node[seg]
        elif isinstance(seg, str) and "[" in seg:
            continue
        else:
            node = None
        out.append(seg)
    return tuple(out)
