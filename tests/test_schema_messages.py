"""Schema errors in words: what is allowed, with an example, never a regular expression.

Each case gives the exact message and help of the one finding a defect gets,
its span, and (for a misspelt key) that the missing key it explains is not a
second finding.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itures.diagnostics import Diagnostic
from itures.validate import validate
from itures.yamlio.read import Document, read_document
from tests.conftest import MINIMAL

OPERATIVE = """\
operative:
  - verb: {verb}
    heading: resolves
    actors: [{actor}]
    clauses:
      - label: '1'
        text: to do this.
"""


def _op(verb: str = "resolves", actor: str = "tdag") -> str:
    return MINIMAL + OPERATIVE.format(verb=verb, actor=actor)


def _diagnostics(text: str) -> list[Diagnostic]:
    doc = read_document("r.yaml", text.encode("utf-8"))
    assert isinstance(doc, Document), doc
    resolution, diagnostics = validate(doc)
    assert resolution is None
    return diagnostics


# name: (text, (line, column, end line, end column), message, help)
CASES: dict[str, tuple[str, tuple[int, int, int, int], str, str]] = {
    "an actor id in capitals": (
        _op(actor="TDAG"),
        (12, 14, 12, 17),
        "'TDAG' is not an actor id: ids are written in lower case with hyphens, e.g. 'tdag'",
        "write 'tdag'",
    ),
    "an actor by its French name": (
        _op(actor="Conseil"),
        (12, 14, 12, 20),
        "'Conseil' is not an actor id: ids are written in lower case with hyphens, e.g. 'council'",
        "write 'council'",
    ),
    "an actor by its French abbreviation in capitals": (
        _op(actor="GCDT"),
        (12, 14, 12, 17),
        "'GCDT' is not an actor id: ids are written in lower case with hyphens, e.g. 'tdag'",
        "write 'tdag'",
    ),
    "a verb written as words": (
        _op(verb="Bearing in mind"),
        (10, 11, 10, 25),
        "'Bearing in mind' is not a verb key: verb keys are English words in lower case, "
        "joined by '_', e.g. 'bearing_in_mind'",
        "write 'bearing_in_mind'",
    ),
    "a body in capitals": (
        MINIMAL.replace("body: pp", "body: WTDC"),
        (1, 7, 1, 10),
        "'WTDC' is not an issuing body: bodies are written in lower case (letters, digits and "
        "hyphens), e.g. 'wtdc'",
        "write 'wtdc'",
    ),
    "a number with a space after it": (
        MINIMAL.replace("number: '1'", "number: '59 '"),
        (2, 9, 2, 13),
        "'59 ' ends with a space or line break; write the value on the key's line (a block "
        "introduced by | or > keeps its line break)",
        "write '59'",
    ),
    "a number with a space before it": (
        MINIMAL.replace("number: '1'", "number: ' 59'"),
        (2, 9, 2, 13),
        "' 59' has spaces or line breaks before or after it; remove them",
        "write '59'",
    ),
    "a Cyrillic letter in the body": (
        MINIMAL.replace("body: pp", "body: wtdс"),
        (1, 7, 1, 10),
        "'wtdс' ('body') contains U+0441 CYRILLIC SMALL LETTER ES, which looks like Latin c "
        "but is another character",
        "retype it in Latin letters: 'wtdc'",
    ),
    "a Cyrillic letter in a verb": (
        _op(verb="rеsolves"),
        (10, 11, 10, 18),
        "'rеsolves' ('verb') contains U+0435 CYRILLIC SMALL LETTER IE, which looks like Latin e "
        "but is another character",
        "retype it in Latin letters: 'resolves'",
    ),
    "a Cyrillic letter in an actor": (
        _op(actor="tdаg"),
        (12, 14, 12, 17),
        "'tdаg' ('actors entry 1') contains U+0430 CYRILLIC SMALL LETTER A, which looks like "
        "Latin a but is another character",
        "retype it in Latin letters: 'tdag'",
    ),
    "a Greek letter in a key": (
        MINIMAL + "οperative: []\n",
        (9, 1, 9, 9),
        "unknown key 'οperative': it contains U+03BF GREEK SMALL LETTER OMICRON, which looks "
        "like Latin o but is another character",
        "retype the key in Latin letters: 'operative'",
    ),
    "a key in French": (
        MINIMAL.replace("history:", "historique:"),
        (5, 1, 5, 10),
        "unknown key 'historique'; did you mean 'history'?",
        "rename it to 'history' (the keys of a resolution are body, number, kind, language, "
        "title, history, conference, preamble, operative, footnotes, annexes)",
    ),
    "a language in capitals": (
        MINIMAL.replace("language: en", "language: FR"),
        (3, 11, 3, 12),
        "'language' is 'FR'; expected one of 'ar', 'zh', 'en', 'fr', 'ru' or 'es'",
        "write 'fr'",
    ),
    "a language that is not an ITU language": (
        MINIMAL.replace("language: en", "language: de"),
        (3, 11, 3, 12),
        "'language' is 'de'; expected one of 'ar', 'zh', 'en', 'fr', 'ru' or 'es'",
        "use the two-letter code of one of the six ITU languages",
    ),
    "a footnote id in full-width digits": (
        MINIMAL + "footnotes:\n  - id: '１２'\n    text: A note.\n",
        (10, 9, 10, 12),
        "'１２' ('id') is written in digits of another script or width",
        "write '12'",
    ),
    "a year in quotes": (
        MINIMAL.replace("year: 2018", "year: '2018'"),
        (8, 11, 8, 16),
        "'year' must be an integer such as 2017, not a string '2018'",
        "remove the quotes: 2018",
    ),
    "a year in Arabic-Indic digits, which YAML reads as a text": (
        MINIMAL.replace("year: 2018", "year: ٢٠١٨"),
        (8, 11, 8, 14),
        "'year' must be an integer such as 2017, not a string '٢٠١٨'",
        "write the number in the digits 0 to 9, without quotes: 2018",
    ),
    "a year in two digits": (
        MINIMAL.replace("year: 2018", "year: 18"),
        (8, 11, 8, 12),
        "'year' is 18, not a year between 1865 and 2999",
        "write the year in four digits, e.g. 2017",
    ),
    "a text that starts with a bracket": (
        MINIMAL.replace("title: A title", "title: [voir]"),
        (4, 8, 4, 13),
        "'title' must be a string, not a list",
        "a text that starts with '[' must be in quotes: YAML reads '[...' as a list",
    ),
    "a missing key": (
        MINIMAL.replace("    place: Dubai\n", ""),
        (6, 5, 6, 18),
        "missing required key 'place' in a history entry",
        "add the line 'place: ...' (where the conference met, as the file's language writes it)",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_schema_message(name: str) -> None:
    text, span, message, help_ = CASES[name]
    [found] = _diagnostics(text)
    assert (found.line, found.column, found.end_line, found.end_column) == span
    assert (found.message, found.help) == (message, help_)


def test_a_misspelt_key_is_one_finding_with_the_missing_key_related() -> None:
    [found] = _diagnostics(MINIMAL.replace("title:", "titel:"))
    assert found.message == "unknown key 'titel'; did you mean 'title'?"
    [related] = found.related
    assert (related.line, related.message) == (1, "'title' is required here")


_BAD_VALUES = st.text(
    alphabet=st.sampled_from("aZ9 -_.é/сο\n[]^$*"), min_size=1, max_size=12
).filter(lambda v: v.strip() != "")


@settings(max_examples=150, deadline=None)
@given(
    field=st.sampled_from(["body", "number", "verb", "actor", "event"]),
    value=_BAD_VALUES,
)
def test_no_schema_message_shows_a_regular_expression(field: str, value: str) -> None:
    import json

    quoted = json.dumps(value, ensure_ascii=False)
    if field in ("verb", "actor"):
        text = _op(**{field: quoted})
    elif field == "event":
        text = _op() + f"        deadlines: [{{event: {quoted}}}]\n"
    else:
        text = MINIMAL.replace(
            "body: pp" if field == "body" else "number: '1'", f"{field}: {quoted}"
        )
    doc = read_document("r.yaml", text.encode("utf-8"))
    assert isinstance(doc, Document), (text, doc)
    _, diagnostics = validate(doc)
    for d in diagnostics:
        assert "^" not in d.message.replace(repr(value), "") and "[a-z" not in d.message, d.message
        assert d.help is None or "[a-z" not in d.help


def test_schema_and_look_alike_messages_in_french() -> None:
    from itures import i18n

    i18n.use("fr")
    try:
        [actor] = _diagnostics(_op(actor="GCDT"))
        [key] = _diagnostics(MINIMAL + "οperative: []\n")
    finally:
        i18n.use(None)
    assert actor.message == (
        "'GCDT' n'est pas un identifiant d'acteur : les identifiants s'écrivent en minuscules "
        "avec des traits d'union, par exemple 'tdag'"
    )
    assert actor.help == "écrivez 'tdag'"
    assert key.message == (
        "clé inconnue 'οperative' : elle contient U+03BF GREEK SMALL LETTER OMICRON, qui "
        "ressemble à la lettre o de l'alphabet latin, mais c'est un autre caractère"
    )


def _no_heading(language: str, verb: str, part: str = "preamble") -> str:
    body = (
        f"{part}:\n  - verb: {verb}\n    items:\n      - text: the text,\n"
        if part == "preamble"
        else f"{part}:\n  - verb: {verb}\n    clauses:\n      - text: to do this.\n"
    )
    return MINIMAL.replace("language: en", f"language: {language}") + body


@pytest.mark.parametrize(
    ("language", "verb", "part", "heading"),
    [
        ("en", "recalling", "preamble", "recalling"),
        ("fr", "considering", "preamble", "considérant"),
        ("es", "noting", "preamble", "observando"),
        ("fr", "instructs", "operative", "charge"),
        ("ru", "resolves", "operative", "решает"),
    ],
)
def test_a_missing_heading_is_advised_in_the_file_language(
    language: str, verb: str, part: str, heading: str
) -> None:
    [found] = _diagnostics(_no_heading(language, verb, part))
    article = "an" if part == "operative" else "a"
    assert found.message == f"missing required key 'heading' in {article} {part} section"
    assert found.help == (
        f"add the line 'heading: {heading}' ({verb} in '{language}'; or the heading as the "
        "text writes it)"
    )


@pytest.mark.parametrize(
    "text",
    [
        _no_heading("en", "remembering"),  # a verb the vocabulary does not have
        _no_heading("en", "further_recalling"),  # its heading has a word of further
        _no_heading("xx", "recalling"),  # a language the vocabulary does not have
        MINIMAL.replace("language: en\n", "") + "preamble:\n  - verb: recalling\n    items: []\n",
        MINIMAL + "annexes:\n  - text: an annex without a heading\n",
    ],
)
def test_a_missing_heading_is_never_advised_in_another_language(text: str) -> None:
    helps = [d.help for d in _diagnostics(text) if "'heading'" in d.message]
    assert helps == ["add the line 'heading: ...' (the heading as the text writes it)"]


def test_a_missing_heading_advised_in_french_words() -> None:
    from itures import i18n

    i18n.use("fr")
    try:
        [found] = _diagnostics(_no_heading("en", "recalling"))
    finally:
        i18n.use(None)
    assert found.help == (
        "ajoutez la ligne 'heading: recalling' (recalling en 'en' ; ou l'intitulé tel que le "
        "texte l'écrit)"
    )


@pytest.mark.parametrize("blank", ["\u00a0", "\u3000", "\u2003"])
def test_a_key_indented_with_a_no_break_space_is_one_finding_that_names_it(blank: str) -> None:
    """The last line of a footnote indented with a no-break space: YAML reads
    its key at the top level; the footnote then misses its 'text'. One
    finding, at the key, naming the character; the missing key is not a
    second one."""
    text = MINIMAL + f"footnotes:\n  - id: '1'\n{blank}   text: A note.\n"
    [found] = _diagnostics(text)
    assert found.message.startswith(f"the key {blank + '   text'!r} starts with {blank!r} (U+")
    assert "'text' is read where it does not belong" in found.message
    assert found.help == "replace it with a space: indent with spaces only"
    assert found.line == text.count("\n")


@pytest.mark.parametrize(
    ("written", "part", "meant", "where"),
    [
        ("items", "operative", "clauses", "an operative section"),
        ("clauses", "preamble", "items", "a preamble section"),
    ],
)
def test_the_entries_key_of_the_other_part_is_one_finding_with_the_key_to_write(
    written: str, part: str, meant: str, where: str
) -> None:
    verb, heading = ("resolves", "resolves") if part == "operative" else ("noting", "noting")
    text = MINIMAL + (
        f"{part}:\n  - verb: {verb}\n    heading: {heading}\n    {written}:\n"
        "      - label: '1'\n        text: x.\n"
    )
    [found] = _diagnostics(text)
    assert found.message == (
        f"unknown key '{written}': {where} lists its entries under '{meant}' "
        f"('{written}' is the other part's)"
    )
    assert found.help == f"rename it to '{meant}'"
    [related] = found.related
    assert related.message == f"'{meant}' is required here"


@pytest.mark.parametrize(
    "text",
    [
        "todo:\n  - check the French title\n",  # a note left in the corpus
        "repos:\n  - repo: local\n    hooks: []\n",  # a tool's configuration
    ],
)
def test_a_mapping_with_none_of_a_resolutions_keys_is_one_finding(text: str) -> None:
    (only,) = _diagnostics(text)
    assert only.rule == "schema"
    assert only.message.startswith("not a resolution: none of the keys a resolution has")
    assert only.message.endswith("its keys: " + text.split(":", 1)[0])


def test_a_resolution_missing_keys_is_told_each_missing_key() -> None:
    # one key of a resolution is enough for its other keys to be missing ones
    found = _diagnostics("title: A title\ntodo: x\n")
    assert not any(d.message.startswith("not a resolution") for d in found)
    assert len(found) > 1


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_a_schema_message_in_another_language_names_its_part_in_that_language(lang: str) -> None:
    """No English noun ('operative section', 'a clause') and no English
    description inside a French or Spanish message or help."""
    from itures.i18n import use

    text = (
        MINIMAL
        + "operative:\n  - heading: resolves\n    clauses:\n      - lable: '1'\n        text: to do this.\n"
    )
    use(lang)
    try:
        found = _diagnostics(text)
    finally:
        use("en")
    said = " ".join(f"{d.message} {d.help}" for d in found)
    assert len(found) == 2, found
    for english in ("operative section", "a clause", "Canonical key", "key of the section's verb"):
        assert english not in said, said
    assert ("section du dispositif" if lang == "fr" else "sección dispositiva") in said
    assert ("un point" if lang == "fr" else "un punto") in said
    assert "resolves" in said and ", )" not in said


@pytest.mark.parametrize(
    ("written", "meant"), [("2.", "2"), ("04", "4"), ("10.", "10"), ("007", "7")]
)
def test_a_label_written_as_word_numbers_a_list_is_told_the_number_it_reads(
    written: str, meant: str
) -> None:
    """'label: 2.' (Word's dot after the number) or 'label: 04': quoting it as
    written would keep a label unlike its list's; the help writes the number."""
    text = MINIMAL + OPERATIVE.format(verb="resolves", actor="tdag").replace(
        "label: '1'", f"label: {written}", 1
    )
    [found] = _diagnostics(text)
    assert found.message.startswith("'label' must be a string"), found
    assert "quote it" not in found.message
    assert found.help == f"write it in quotes, as the number reads: '{meant}'"


@pytest.mark.parametrize("written", ["1.10", "3", "1.1"])
def test_a_label_that_reads_as_another_number_is_quoted_as_written(written: str) -> None:
    text = MINIMAL + OPERATIVE.format(verb="resolves", actor="tdag").replace(
        "label: '1'", f"label: {written}", 1
    )
    [found] = _diagnostics(text)
    assert found.help == f"write it in quotes: '{written}'"


def test_a_clause_written_at_the_column_of_the_sections_is_one_finding() -> None:
    """'- label' and 'text' where '- verb' goes: the section they make has no
    verb and two unknown keys; said once, with where the clause belongs."""
    text = _op() + "  - label: '2'\n    text: to go on.\n"
    found = _diagnostics(text)
    assert len(found) == 1, found
    assert found[0].message == (
        "section 2 of 'operative' has the keys of an entry (label, text) and no verb: an entry "
        "written at the column of the sections?"
    )
    assert "under the 'clauses:' of the section above it" in (found[0].help or "")
    # a section that lost its verb, its clauses kept, is still told the key it lacks
    [lost] = _diagnostics(_op() + "  - heading: invites\n    clauses:\n      - {text: to go.}\n")
    assert lost.message.startswith("missing required key 'verb'")


def test_an_item_with_its_sub_items_written_at_the_column_of_the_sections_is_one_finding() -> None:
    """An item's keys are the item model's, 'items' (its sub-items) among them."""
    text = MINIMAL + (
        "preamble:\n  - verb: considering\n    heading: considering\n    items:\n"
        "      - {label: a), text: 'one;'}\n"
        "  - label: b)\n    text: 'two:'\n    items:\n      - {label: i), text: 'three,'}\n"
    )
    [found] = _diagnostics(text)
    assert found.message.startswith(
        "section 2 of 'preamble' has the keys of an entry (label, text, items)"
    )
    assert "under the 'items:' of the section above it" in (found.help or "")


@pytest.mark.parametrize(
    ("lang", "joined"),
    [
        ("fr", "'ar', 'zh', 'en', 'fr', 'ru' ou 'es'"),
        ("es", "'ar', 'zh', 'en', 'fr', 'ru' o 'es'"),
    ],
)
def test_the_values_a_field_allows_are_listed_in_the_language_of_the_messages(
    lang: str, joined: str
) -> None:
    """The choices of a field (pydantic lists them in English, "'a', 'b' or
    'c'") are joined in the language of the messages, in the message and in
    the help that names them."""
    from itures import i18n

    i18n.use(lang)
    try:
        (found,) = _diagnostics(MINIMAL.replace("language: en", "language: xx"))
    finally:
        i18n.use(None)
    assert joined in found.message
    assert " or " not in found.message
