"""Quick fixes (code actions) for itures's diagnostics.

Each fix is an edit of the document's text, never a rewrite of the file
(comments, quoting and folding stay as written):

* **numbering**: the numbering rules' advice as data
  (:class:`itures.rules.numbering.Fix`, recomputed for the document's text and
  matched with the diagnostic by rule, place and message): the labels to
  change, each written in the quoting it had (``'5'`` becomes ``'3'``). A
  fix that moves entries (a missing heading, a nested list) is left to the
  editor: its ``help`` says what to do.
* **doubled punctuation**: keep one of the marks (the one ``help`` names
  first, then the others).
* **did you mean**: a diagnostic whose message or help suggests a
  replacement (an unknown key, actor, event or verb) replaces the word.
* **citation markup**: a citation written in plain words
  (``reference-unmarked``) becomes the citation its ``help`` writes,
  ``[words](target)``, where the words stand as they are in the file (on
  one line, no escape in them) and do not start a plain scalar (where a
  '[' would start a YAML list).
* **a label left in the text**: a label a conversion left at the start of
  an entry's text (``conversion-artefact``, the most frequent finding of an
  imported corpus) is moved to the entry's ``label``, or deleted from the
  text when the entry has that label already.
* **a capital at a paragraph's start** (``text-capital``): the first word
  written small, as the other entries of its list start; a title or a
  conference formula that starts small, its first letter a capital.
* **text written twice**: a word twice in a row (``word-duplicate``) keeps
  the first; an escape of another quoting kept in a text (``text-escape``)
  becomes the character it stands for, one apostrophe for two.
* **a parenthesis of two widths** (``punctuation``: "(2014年，釜山）"): the
  one not of the file's width written in the width of its partner; a
  number in other digits than 0 to 9 ("٢٠١٤", "２０１４") written in them.
* **apostrophes written both ways** (``punctuation``): those of the kind the
  file writes less (the finding's place and its related places) written as
  the rest of the file writes them, in their scalar's quoting.
* **words to write for words written**: a help that lists them ("write
  'UIT-D' for 'ITU-D'", "'Secrétaire' for 'Secr?taire'", "'développement'
  for 'dÃ©veloppement'"): each written where the finding's span holds it as
  a word; no fix when one is not there as written.
* **a mark after a title or a heading** (``punctuation``): deleted.
* **an annex's heading not revised** (``history``): its place and year
  written as the history's last entry says ("(REV. BUSAN, 2014)" becomes
  "(REV. DUBAI, 2018)"); a choice (the history may be what is wrong), not
  applied by ``--fix``.
* **a history date's month and day swapped** (``history-date``): the date
  they give, where the conference met; a guess, never applied by ``--fix``.
* **partners left out** (``actor-mismatch``): ``partners: [...]`` as the
  heading or the clause's words name them, written under ``actors`` (or as
  the value of an empty ``partners``); a choice, never applied by ``--fix``.
* **footnote stub**: a marker with no footnote gets an entry in
  ``footnotes`` (the list made at the end of the file when there is none),
  its ``text`` left to write: until it is, the schema says it is missing.
* **suppression**: a comment ``# itures: ignore[rule] reason:`` on its own
  line before the place the finding is about (where a suppression applies,
  see :mod:`itures.rules.suppressions`). The reason is left to write:
  until it is written, ``suppression-invalid`` says so and the finding stays
  (decision: a suppression without a reason is not one).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from itures.diagnostics import pointer_parts
from itures.i18n import tr
from itures.lsp.diagnostics import spanned
from itures.lsp.positions import Lines
from itures.model import markup as mk
from itures.rules.punctuation import WIDE_MARKS
from itures.suggest import one_slip
from itures.textscan import DIRECTION_MARKS, INVISIBLE, TATWEEL, ascii_digits

if TYPE_CHECKING:
    from itures.config import Config
    from itures.lsp.session import Loaded
    from itures.rules.numbering import Defect

__all__ = ["SAFE", "actions", "safe"]

SAFE = """The quick fixes ``itures check --fix`` applies: those that leave the
words of the text as they are, or change them only as the finding says, and
need no choice. Marks kept (the one the finding names of a doubled mark), a
blank left for two, an escape written as the character it stands for, the
second of a word written twice deleted, a blank deleted at a text's start or
end, beside an elision's apostrophe or a possessive's ("the Union 's"), or
before a mark, an elision's
apostrophe written where it was lost or typed as another mark (doubled inside
single quotes, as they write it), and a possessive's typed as another mark
("ITU.s"), a blank written between a footnote marker
or a citation and the word glued to it, between a word and the elided word
after it ("del'Union"), between two words the file writes run together
("leDirecteur", "ofthe", "ITUCouncil"), between a parenthesis and the word glued
after it ("(TSAG)in"), between a word and the year after it ("for2020"),
after a percentage ("30%compared"), a
footnote marker written without the blanks inside it, a citation's lost ')' written after its
target, a capital written small, an abbreviation's letter typed small written
as a capital ("EwCF", "WSIs"), a label
moved from the text to ``label``, a footnote marker written again, a citation
in plain words given its markup, apostrophes written one way, a parenthesis
written in the width of its partner, a number written in the digits 0 to 9,
a section's verb one slip of typing from the verb its heading reads as
written as that verb, words of UTF-8 read as Latin-1 written as they read,
a Sector's name, an abbreviation, the name of ITU's membership or the last
word of a Bureau's name ("Development bureau") written as
the file's language writes it, "etc" given its full stop, "Rev." and "No." given theirs where lost or
typed as another mark ("(REV, DUBAI, 2018)", "No 244"), a citation's
"Rev.", place or noun written as the finding says, the mark a title or a heading ends with
deleted, an annex's heading numbered as its place says (its number written
among several annexes, taken out of the only one).
Not applied:
a renumbering (a published text may number so), a "did you mean" (a guess),
a citation's noun mistyped or its revision's place lost written as the
grammar reads it or the calendar gives it (a guess),
letters a conversion lost written as the file's words suggest (a guess),
a word misspelt written as the word of the file one slip from it (a guess),
an apostrophe glued to the next word written as a possessive (a guess),
a word's first capital typed twice ("PParties") written once (a letter, not
a case, changed),
a footnote's id taken for a marker's, a footnote stub (its text is to
write), a suppression."""

_MEANT = re.compile(r"(?:did you mean|vouliez-vous dire|quería decir) '([^']+)'")
# the verb a section's heading reads as (verb-unknown), to write as its key
_READ_AS = re.compile(
    r"^(?:write|écrivez|escriba) '([^']+)', "
    r"(?:as the heading|comme se lit l'intitulé|como se lee el encabezamiento) "
)
# the marks of a doubled punctuation (punctuation's runs): ASCII, Arabic and full-width
_MARKS = set(",;.:" + WIDE_MARKS)
# the help of a doubled mark none of whose marks is the one its place calls for
_INSTEAD = re.compile(
    r"^(?:write|écrivez|escriba) '(.)' .* (?:in place of|à la place de|en lugar de) "
)
# the citation a reference-unmarked help writes, at its end: [words](target)
_CITATION = re.compile(r"(\[([^\[\]]+)\]\([^()\s]+\))\s*$")
# what stands before a value on its line: a key, or a list's dash
# the help of two blanks between words, in the three languages
# a parenthesis of the other width than its partner's, to write in its width;
# a number in other digits than 0 to 9, to write in them
_WIDTH = re.compile(
    r"^(?:write|écrivez|escriba) '([()（）《》〈〉]|[0-9]+)' "
    r"(?:in place of|à la place de|en lugar de) '([()（）《》〈〉]|\d+)'$"
)
# a word the file's language writes otherwise ("'Resolution' is not how texts
# in this language write the word: 'Résolution'"): the word, and the one to write
_NOT_HOW = re.compile(
    r"^'([^']+)' (?:is not how texts in this language write the word|n'est pas la façon dont "
    r"les textes de cette langue écrivent le mot|no es como los textos de esta lengua escriben "
    r"la palabra)\s?: '([^']+)'$"
)
# the words to write in place of the span, when they differ from it only in
# blanks, commas, accents and the Russian "г." (a conference's place and year
# written without their comma, "Busan 2014"; a noun glued to its number,
# "Résolution5"; "2014" without "г.")
_WRITE_WORDS = re.compile(r"^(?:write|écrivez|escriba) '([^']+)'(?: \([^()]*\))?$")
# ... the same quoted in double quotes, as a word with an apostrophe is
# ("write \"l'UIT\"")
_WRITE_QUOTED = re.compile(r'^(?:write|écrivez|escriba) "([^"\\]+)"$')
_ONE_BLANK = re.compile(r"^(?:leave one blank|laissez une seule espace|deje un solo espacio) ")
# a blank to delete: at a text's start or end, beside an elision's apostrophe,
# before a mark (French spacing written the other way in one file too)
_NO_BLANK = re.compile(
    r"^(?:delete the blank|supprimez l'espace|suprima el espacio)"
    r"(?:$| before | avant | antes de)"
)
# a citation's ')' lost after its target: the target it goes after
_CLOSE_AFTER = re.compile(
    r"^(?:write '\)' right after|écrivez '\)' juste après|escriba '\)' justo después de) "
    r"'(.+)'$"
)
# the help of a citation whose words hold brackets or a footnote marker: the
# citation to write (a Python literal: quoted as repr quotes it)
_REWRITE_CITATION = re.compile(
    r"^(?:write the brackets inside the words as parentheses|écrivez les crochets à "
    r"l'intérieur des mots comme des parenthèses|escriba los corchetes dentro de las palabras "
    r"como paréntesis|write the marker after the citation|écrivez l'appel de note après la "
    r"citation|escriba la llamada después de la cita)\s?: ('.*'|\".*\")$"
)
# the help of the call of a note deleted with its text (footnote-leftover)
_LOST_NOTE = re.compile(
    r"^(?:write the note under 'footnotes'|écrivez la note sous 'footnotes'|escriba la nota en "
    r"'footnotes')"
)
# a revised text cited as adopted (reference-revision): the parentheses to write
_REV_BEFORE = re.compile(
    r"^(?:write|écrivez|escriba) '[^']+ ' (?:before the place|avant le lieu|antes del lugar)"
    r" ?: '(\(.+\))'$"
)
# a citation's target typed with a parenthesis inside, and the target to write
_PARENTHESIS_TARGET = re.compile(
    r"^(?:citation target|cible de citation|destino de cita) '([^']+)' "
)
_TARGET_TO_WRITE = re.compile(
    r"^(?:write the target|écrivez la cible|escriba el destino) '([^']+)'\s?:"
)
# a footnote marker with a bracket or its caret lost, as footnote-unused points at it
# (with the parentheses it was put in, "(^1)", or its number in parentheses
# glued to a word, "countries(1)": all of it is replaced)
_LOST_MARKER = re.compile(
    rf"^(?:\[({mk.FOOTNOTE_ID})\]|\^({mk.FOOTNOTE_ID})\]?|([0-9]+)\]"
    rf"|\((?:\[({mk.FOOTNOTE_ID})\]|\^({mk.FOOTNOTE_ID})\]?|([0-9]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+))\))$"
)
_VALUE_START = re.compile(r"(?:^|[\s{,\[])(?:-|[^\s:#]+:)\s+$", re.M)
_UNSUPPRESSIBLE = {"yaml-syntax", "schema", "config", "suppression-invalid", "suppression-unused"}


def _span(loaded: Loaded, lines: Lines, rng: types.Range, encoding: str) -> tuple[int, int]:
    """Offsets in the text of an LSP range."""
    return (
        lines.index(rng.start.line, rng.start.character, encoding),
        lines.index(rng.end.line, rng.end.character, encoding),
    )


def _range(lines: Lines, start: int, end: int, encoding: str) -> types.Range:
    sl, sc = lines.position(start)
    el, ec = lines.position(end)
    return types.Range(
        types.Position(sl, lines.units(sl, sc, encoding)),
        types.Position(el, lines.units(el, ec, encoding)),
    )


def _line_ends(offered: list[types.CodeAction], text: str) -> None:
    """The line breaks the edits of ``offered`` write ended as the lines of
    ``text`` are (the fixes write "\\n"; an editor on Windows keeps CR LF)."""
    from itures.yamlio.read import line_end, with_line_end

    end = line_end(text)
    if end == "\n":
        return
    for action in offered:
        changes = action.edit.document_changes if action.edit is not None else None
        for change in changes or []:
            if not isinstance(change, types.TextDocumentEdit):
                continue
            for e in change.edits:
                if isinstance(e, types.TextEdit) and "\n" in e.new_text:
                    e.new_text = with_line_end(e.new_text, end)


def _edit(uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(
        document_changes=[
            types.TextDocumentEdit(
                text_document=types.OptionalVersionedTextDocumentIdentifier(
                    uri=uri, version=version
                ),
                edits=list(edits),
            )
        ]
    )


def actions(
    loaded: Loaded,
    config: Config | None,
    uri: str,
    version: int | None,
    diagnostics: list[types.Diagnostic],
    encoding: str,
) -> list[types.CodeAction]:
    """The quick fixes of ``diagnostics`` (those of itures) in the document."""
    lines = Lines(loaded.text)
    out: list[types.CodeAction] = []

    def offer(
        diag: types.Diagnostic,
        title: str,
        edits: list[types.TextEdit],
        preferred: bool = True,
        *,
        safe: bool = False,
    ) -> None:
        """Offer ``edits`` of the document as a quick fix of ``diag`` (see
        :func:`_action`); an edit of the finding's own span made too at the
        same words copied into its clause's deadlines (:func:`_copies_in_deadlines`)."""
        copies = _copies_in_deadlines(loaded, lines, diag, uri, encoding)
        if copies:
            edits = [
                *edits,
                *(
                    types.TextEdit(place, e.new_text)
                    for e in edits
                    if e.range == diag.range
                    for place in copies
                ),
            ]
        out.append(_action(title, diag, _edit(uri, version, edits), preferred, safe=safe))

    # the numbering defects by where they are and what they say (the first of
    # each), worked out once for all the diagnostics asked about
    defects: dict[tuple[str, str], Defect] | None = None
    for diag in diagnostics:
        if diag.source != "itures" or not isinstance(diag.data, dict):
            continue
        data: dict[str, Any] = diag.data
        if "written" in data and data["written"] != spanned(lines, diag.range, encoding):
            continue  # (a diagnostic of an older text: its range is over other words now)
        rule = str(data.get("rule") or diag.code or "")
        pointer = data.get("pointer")
        message = str(data.get("message") or "")
        help_ = data.get("help")
        if rule.startswith("numbering-") and isinstance(pointer, str):
            if defects is None:
                defects = {}
                for one in _defects(loaded, config):
                    defects.setdefault((_pointer(one.finding.path), one.finding.message), one)
            defect = defects.get((pointer, message))
            if defect is not None:
                edit = _numbering_edit(loaded, lines, defect, encoding)
                if edit:
                    title = tr("Renumber: {how}", how=help_ or defect.finding.message)
                    relabel = defect.fix.relabel if defect.fix is not None else ()
                    if len(relabel) == 1 and ";" in (help_ or "") and defect.finding.path:
                        # (a help that says more than the relabel, "move 5 ..., or
                        # relabel it 3 and end 2 with ';'": the title says the edit)
                        was = _node_at(loaded, "", defect.finding.path)
                        title = tr(
                            "Renumber: relabel {label} as {expected}",
                            label=str(getattr(was, "value", "")),
                            expected=relabel[0][1],
                        )
                    # (a label written in other digits than 0 to 9, '٢' or '２', and
                    # written in them: the same label, no choice, a safe fix)
                    digits = _digits_only(loaded, defect)
                    offer(diag, title, edit, safe=digits)
        a, b = _span(loaded, lines, diag.range, encoding)
        written = loaded.text[a:b]
        marks = [c for c in written if c in _MARKS]
        if (
            rule == "punctuation"
            and len(marks) >= 2
            and all(c in _MARKS or c.isspace() for c in written)
        ):
            named = [m for m in set(marks) if f"'{m}'" in (help_ or "")]
            kept = sorted(set(marks), key=lambda m: (m not in named, marks.index(m)))
            # none of them is the mark the help names: the help's mark, written
            # in their place, is the fix (only as the finding says)
            instead = _INSTEAD.match(help_ or "") if not named else None
            if instead is not None:
                edit = [types.TextEdit(diag.range, instead.group(1))]
                title = tr(
                    "Write '{mark}' in place of {written}",
                    mark=instead.group(1),
                    written=repr(written.strip()),
                )
                offer(diag, title, edit, safe=True)
            for i, mark in enumerate(kept):
                edit = [types.TextEdit(diag.range, mark)]
                # keeping one mark is what the finding says when its help names
                # that mark; else a choice, offered, never applied by --fix
                first = i == 0 and instead is None
                offer(
                    diag,
                    tr("Keep '{mark}' only", mark=mark),
                    edit,
                    first,
                    safe=first and mark in named,
                )
        meant = _MEANT.search(f"{message} {help_ or ''}")
        if meant and written.strip() and not any(c.isspace() for c in written.strip()):
            word = written.strip()
            quote = word[0] if word[0] in "'\"" and word[-1] == word[0] and len(word) > 1 else ""
            new = f"{quote}{meant.group(1)}{quote}"
            edit = [types.TextEdit(diag.range, new)]
            offer(diag, tr("Replace with '{word}'", word=meant.group(1)), edit)
        read_as = _READ_AS.match(help_ or "") if rule == "verb-unknown" else None
        if read_as and written.strip() and not any(c.isspace() for c in written.strip()):
            # (the verb the section's heading reads as: a slip of typing away
            # from it, what the finding says; else a choice, offered)
            key, word = read_as.group(1), written.strip()
            quote = word[0] if word[0] in "'\"" and word[-1] == word[0] and len(word) > 1 else ""
            edit = [types.TextEdit(diag.range, f"{quote}{key}{quote}")]
            offer(
                diag,
                tr("Replace with '{word}'", word=key),
                edit,
                safe=one_slip(word.strip(quote), key),
            )
        if rule in ("reference-unmarked", "language-mismatch"):
            # (language-mismatch: a citation whose markup this version lost, the
            # other versions marking it, with reference-unmarked's fix)
            citation = _CITATION.search(help_ or "")
            if citation is not None and _markup_fits(loaded.text, a, b, citation.group(2)):
                edit = [types.TextEdit(diag.range, citation.group(1))]
                offer(diag, tr("Write it as a citation"), edit, safe=True)
        width = _WIDTH.match(help_ or "") if rule == "punctuation" else None
        if (
            width is not None
            and written == width.group(2)
            and (not written.isdigit() or int(written) == int(width.group(1)))
        ):
            edit = [types.TextEdit(diag.range, width.group(1))]
            offer(diag, tr("Write '{text}'", text=width.group(1)), edit, safe=True)
        if rule == "word-spelling" and (guess := _spelling_meant(written, help_)):
            # a word misspelt: the word of the file one slip from it, a guess
            # (offered, never applied by --fix)
            offer(diag, tr("Write '{text}'", text=guess), [types.TextEdit(diag.range, guess)])
        if rule in ("punctuation", "reference-text"):
            fixed = _words_to_write(loaded, pointer, written, message, help_ or "")
            if fixed is not None:
                edit = [types.TextEdit(diag.range, fixed)]
                offer(diag, tr("Write '{text}'", text=fixed), edit, safe=True)
            elif rule == "punctuation" and (guess := _abbreviation_meant(written, help_)):
                # an abbreviation with a letter lost or two swapped: the one
                # meant, a guess (offered, never applied by --fix)
                edit = [types.TextEdit(diag.range, guess)]
                offer(diag, tr("Write '{text}'", text=guess), edit)
            elif (
                rule == "reference-text"
                and isinstance(pointer, str)
                and (guess := _citation_meant(written, help_))
                and _verbatim(loaded, pointer, written)
            ):
                # a citation's noun mistyped, or its revision's place lost: the
                # noun the grammar reads, the place the calendar gives (offered,
                # never applied by --fix)
                edit = [types.TextEdit(diag.range, guess)]
                offer(diag, tr("Write '{text}'", text=guess), edit)
        if (
            rule == "conversion-artefact"
            and written
            and all(c in _DELETED for c in written)
            and isinstance(pointer, str)
            and _verbatim(loaded, pointer, written)
        ):
            # an invisible character, a direction mark or a tatweel inside a
            # word: deleted, the word's letters kept
            edit = [types.TextEdit(diag.range, "")]
            offer(diag, tr("Delete the invisible character"), edit, safe=True)
        if rule == "conversion-artefact" and written and isinstance(pointer, str):
            blank = _BLANK_FOR.match(help_ or "")
            if blank is not None and _is_control(written, blank.group(1)):
                # a tab or a control between two words (Word's separator, its
                # manual line break), as written or escaped: the blank it stands for
                edit = [types.TextEdit(diag.range, " ")]
                offer(diag, tr("Write a blank in its place"), edit, safe=True)
            code = _DELETE_FIELD.match(help_ or "")
            if (
                code is not None
                and written == code.group(1)
                and _verbatim(loaded, pointer, written)
            ):
                # a field's code left before what the field showed: deleted,
                # with the blank after it
                b2 = b + 1 if loaded.text[b : b + 1] == " " else b
                edit = [types.TextEdit(_range(lines, a, b2, encoding), "")]
                offer(diag, tr("Delete the field code"), edit, safe=True)
        number = _NUMBER_IN_DIGITS.match(help_ or "") if rule == "schema" else None
        if (
            number is not None
            and written
            and ascii_digits(written.strip("'\"")) == number.group(1)
            and not written.strip("'\"").isascii()
        ):
            # a number typed in other digits ('٢٠٠٦' for a year): written in 0 to 9
            edit = [types.TextEdit(diag.range, number.group(1))]
            offer(diag, tr("Write {text}", text=number.group(1)), edit, safe=True)
        pairs = _replacements(help_ or "") if rule in _REPLACING else None
        if pairs and written:
            # each word the help names written as it says, in the span (the
            # words of a text read wrong, lost letters, a Sector's name in
            # another language): safe where the reading is certain, not where
            # the words are guessed from the file's own
            edits = _replaced(lines, loaded.text, a, b, pairs, encoding)
            if edits:
                offer(
                    diag,
                    tr("Write {pairs}", pairs=", ".join(repr(m) for _, m in pairs)),
                    edits,
                    safe=_CERTAIN.search(message) is not None or rule not in _GUESSED,
                )
        partners = _PARTNERS.match(help_ or "") if rule == "actor-mismatch" else None
        if partners is not None and isinstance(pointer, str):
            # partners the words name, left out: written under the actors (a
            # choice: the words are read, the editor says whether they are meant)
            line = _partners_line(loaded, lines, pointer, partners.group(1), encoding)
            if line is not None:
                offer(
                    diag, tr("Write 'partners: [{partners}]'", partners=partners.group(1)), [line]
                )
        last_entry = _IN_HEADING.match(help_ or "") if rule == "history" else None
        if last_entry is not None and isinstance(pointer, str) and pointer.endswith("/heading"):
            # an annex's heading not revised with the text: its place and year
            # written as the history's last entry (a choice: the history may be
            # what is wrong)
            revision = _heading_revision(loaded, lines, a, b, last_entry.group(1), encoding)
            if revision is not None:
                change, revised = revision
                offer(diag, tr("Write '{text}' in the heading", text=revised), [change])
        swapped = _SWAPPED_DATE.match(help_ or "") if rule == "history-date" else None
        if swapped is not None and isinstance(pointer, str) and pointer.endswith("/date"):
            # a history entry's date outside its conference's days, its month
            # and day swapped: the date they give (a guess: the day may be
            # what is wrong)
            rewrite = _date_written(loaded, lines, pointer, swapped.group(1), encoding)
            if rewrite is not None:
                offer(diag, tr("Write '{text}'", text=swapped.group(1)), [rewrite])
        heading = _HEADING_TO_WRITE.match(help_ or "") if rule == "reference-part" else None
        if heading is not None and isinstance(pointer, str) and pointer.endswith("/heading"):
            # an annex's heading that lost its number among several, or numbers
            # the only annex: the heading the help writes, in place of the value
            import ast

            right = ast.literal_eval(heading.group(1))
            rewrite = _value_written(loaded, lines, pointer, right, encoding)
            if rewrite is not None:
                offer(diag, tr("Write '{text}'", text=right), [rewrite], safe=True)
        end_mark = _END_MARK.match(help_ or "") if rule == "punctuation" else None
        if end_mark is not None and written == end_mark.group(1):
            # the mark a title or a heading ends with: deleted
            edit = [types.TextEdit(diag.range, "")]
            offer(diag, tr("Delete {mark}", mark=repr(written)), edit, safe=True)
        if rule == "numbering-style" and written:
            label = _label_in_digits(written, help_ or "")
            if label is not None:
                edit = [types.TextEdit(diag.range, label)]
                offer(diag, tr("Write '{text}'", text=label), edit, safe=True)
        if rule == "lookalike" and isinstance(pointer, str) and b - a > 1:
            # an accent written as a character of its own ('e' and U+0301): every
            # such letter of the text written as one character (a paste writes
            # them all so, one slip)
            composed = _composed(loaded, lines, pointer, encoding)
            if composed:
                offer(
                    diag,
                    tr("Write the accented letters as one character each"),
                    composed,
                    safe=True,
                )
        if rule == "lookalike" and isinstance(pointer, str):
            letter = _retyped_letter(loaded, a, b, help_ or "")
            if letter is not None and _verbatim(loaded, pointer, written):
                edit = [types.TextEdit(diag.range, letter)]
                offer(diag, tr("Write '{text}'", text=letter), edit, safe=True)
        if rule == "punctuation" and _ONE_BLANK.match(help_ or "") and written.strip() == "":
            # two blanks between words: one left; a blank at the end of a line, whose
            # break is the other, deleted
            if "\n" in written:
                new = written[written.index("\n") :]
            else:
                new = "" if loaded.text[b : b + 1] in ("\n", "\r") else " "
            if new != written:
                edit = [types.TextEdit(diag.range, new)]
                offer(diag, tr("Leave one blank"), edit, safe=True)
        if (
            rule == "punctuation"
            and _NO_BLANK.match(help_ or "")
            and written
            and not written.strip(" \t\u00a0\u202f")
            and "\n" not in written
        ):
            edit = [types.TextEdit(diag.range, "")]
            unquoted = _unquoted_without(loaded, lines, pointer, a, b, encoding)
            if unquoted is not None:
                # a blank at an end of a text quoted for it alone: the text written
                # plain, as the formatter writes it (the quotes go with the blank)
                edit = [unquoted]
            offer(diag, tr("Delete the blank"), edit, safe=True)
        if rule == "markup":
            loose = mk.LOOSE_MARKER.fullmatch(written)
            if loose is not None:  # "[^ 1]": the marker written without its blanks
                edit = [types.TextEdit(diag.range, f"[^{loose.group(1)}]")]
                offer(diag, tr("Write {text}", text=f"[^{loose.group(1)}]"), edit, safe=True)
            rewritten = _REWRITE_CITATION.match(help_ or "")
            if (
                rewritten is not None
                and isinstance(pointer, str)
                and _verbatim(loaded, pointer, written)
            ):
                # brackets or a footnote marker inside a citation's words: the
                # citation as the help writes it, for the whole span
                import ast

                fixed = ast.literal_eval(rewritten.group(1))
                if isinstance(fixed, str) and fixed != written:
                    edit = [types.TextEdit(diag.range, fixed)]
                    title = tr("Write {text}", text=fixed)
                    offer(diag, title, edit, safe=True)
            typed = _PARENTHESIS_TARGET.match(message)
            target = _TARGET_TO_WRITE.match(help_ or "")
            if typed is not None and target is not None and typed.group(1) in written:
                # "](pp:150(2014))": the target written with its year after '@'
                k = a + written.rindex(typed.group(1))
                rng = _range(lines, k, k + len(typed.group(1)), encoding)
                edit = [types.TextEdit(rng, target.group(1))]
                title = tr("Write the target '{target}'", target=target.group(1))
                offer(diag, title, edit, safe=True)
            close = _CLOSE_AFTER.match(help_ or "")
            if close is not None and written.endswith(close.group(1)):
                end = types.Range(start=diag.range.end, end=diag.range.end)
                edit = [types.TextEdit(end, ")")]
                offer(diag, tr("Write '{text}'", text=")"), edit, safe=True)
        rev = _REV_BEFORE.match(help_ or "") if rule == "reference-revision" else None
        if (
            rev is not None
            and isinstance(pointer, str)
            and _verbatim(loaded, pointer, written)
            and written.startswith("(")
            and rev.group(1).endswith(written[1:])
        ):
            # "(Dubai, 2018)" for a revised text: "(Rev. Dubai, 2018)", its words
            # changed (a revision named), offered, not applied by --fix
            offer(
                diag,
                tr("Write {text}", text=rev.group(1)),
                [types.TextEdit(diag.range, rev.group(1))],
            )
        if rule == "word-duplicate" and isinstance(pointer, str):
            words = written.split()
            # (a slip only: a heading or a term run into its text keeps its words;
            # the message's words as the text reads them, a fold's break a blank)
            twice = tr(
                "the word {word} twice in a row: {found}",
                word=repr(words[0] if words else ""),
                found="\0",
            ).partition("\0")[0]
            slip = bool(words) and (
                message.startswith(twice)
                or message
                == tr(
                    "the word {word} {count} times in a row", word=repr(words[0]), count=len(words)
                )
            )
            if slip and len(words) >= 2 and all(w.lower() == words[0].lower() for w in words):
                # one word kept, as written (a fold's line break goes with the others): the
                # first, or the second when the first is a capital where ITU writes small
                first = len(words) == 2 and _capital_first(loaded, pointer, words)
                edit = [types.TextEdit(diag.range, words[1] if first else words[0])]
                title = (
                    tr("Keep one '{word}'", word=words[0])
                    if len(words) > 2
                    else tr("Delete '{word}'", word=words[0])
                    if first
                    else tr("Delete the second '{word}'", word=words[1])
                )
                offer(diag, title, edit, safe=True)
        if rule == "text-capital" and written[:1].isupper() and written.isalpha():
            # the first word written small (a heading in capitals, all of it), as the
            # other entries of its list start, as a heading's verb is written
            small = written.lower() if written.isupper() else written[0].lower() + written[1:]
            edit = [types.TextEdit(diag.range, small)]
            offer(diag, tr("Write '{text}'", text=small), edit, safe=True)
        if rule == "text-capital" and written[:1].islower() and written.isalpha():
            # a title or a conference formula that starts small: its first letter a capital
            capital = written[0].upper() + written[1:]
            edit = [types.TextEdit(diag.range, capital)]
            offer(diag, tr("Write '{text}'", text=capital), edit, safe=True)
        if rule == "text-escape":
            new_text = _unescaped(written)
            if new_text is not None:
                edit = [types.TextEdit(diag.range, new_text)]
                title = (
                    tr("Write {text}", text=repr(new_text))
                    if new_text.strip()
                    else tr("Write a blank")
                )
                offer(diag, title, edit, safe=True)
        if rule == "conversion-artefact" and isinstance(pointer, str) and written:
            moved = _label_fix(loaded, lines, pointer, a, b, encoding)
            if moved is not None:
                title, edits = moved
                offer(diag, title, edits, safe=True)
        if rule == "footnote-unused":
            lost = _LOST_MARKER.match(written)
            # (or its number glued to the word before it, "countries1": the
            # finding spans the number in an entry's text, not the footnote's id)
            glued = (
                written.isdigit()
                and isinstance(pointer, str)
                and not pointer.startswith("/footnotes/")
            )
            if lost is not None or glued:
                # (a superscript number, "¹", is the marker of footnote '1': as the help says)
                written_again = (
                    f"[^{ascii_digits(next(g for g in lost.groups() if g))}]"
                    if lost is not None
                    else f"[^{ascii_digits(written)}]"
                )
                edit = [types.TextEdit(diag.range, written_again)]
                offer(diag, tr("Write {text}", text=written_again), edit, safe=True)
        if (
            rule == "footnote-leftover"
            and written.isdigit()
            and loaded.text.startswith(f"[^{ascii_digits(written)}]", b)
        ):
            # a footnote's number left glued before its marker ("countries1[^1]")
            edit = [types.TextEdit(diag.range, "")]
            offer(diag, tr("Delete '{word}'", word=written), edit, safe=True)
        if (
            rule == "footnote-leftover"
            and written.isdigit()
            and written.isascii()
            and _LOST_NOTE.match(help_ or "")
        ):
            # the call of a note deleted with the text it was merged into: each
            # call its marker, and the note's entry added, its text to write
            call_marker = f"[^{written}]"
            stub = _footnote_stub(loaded, written, encoding)
            calls = [diag.range, *_related_in(loaded, diag, uri)]
            if stub is not None and all(
                spanned(lines, place, encoding) == written for place in calls
            ):
                offer(
                    diag,
                    tr(
                        "Write {marker} and add footnote '{id}' (write its text)",
                        marker=call_marker,
                        id=written,
                    ),
                    [*(types.TextEdit(place, call_marker) for place in calls), stub],
                )
        if rule == "footnote-undefined":
            marker = re.search(r"\[\^([^\]\s]+)\]", written)
            # a footnote marked nowhere whose id is this marker's mistyped (the
            # finding's related place): the marker takes its id
            other = _unmarked_note(loaded, diag) if marker and diag.related_information else None
            stub = _footnote_stub(loaded, marker.group(1), encoding) if marker else None
            if marker and other is not None:
                new_marker = f"[^{other}]"
                edit = [types.TextEdit(diag.range, new_marker)]
                offer(diag, tr("Write {text}", text=new_marker), edit)
            elif marker and stub is not None:
                offer(diag, tr("Add footnote '{id}' (write its text)", id=marker.group(1)), [stub])
        if rule == "punctuation" and written in ("’", "'", "''"):
            apostrophes = _apostrophe_edits(loaded, lines, diag, uri, encoding)
            if apostrophes is not None:
                title, edits = apostrophes
                offer(diag, title, edits, safe=True)
        if rule == "suppression-unused":
            whole_line = _comment_line(lines, diag.range.start.line, encoding)
            if whole_line is not None:
                # (a choice: the comment may belong elsewhere; never applied by --fix)
                offer(diag, tr("Delete the comment"), [types.TextEdit(whole_line, "")], False)
        if rule and rule not in _UNSUPPRESSIBLE and isinstance(pointer, str):
            comment = _suppression_edit(loaded, lines, rule, pointer, diag.range, encoding)
            if comment is not None:
                offer(
                    diag,
                    tr("Suppress '{rule}' here (write the reason)", rule=rule),
                    [comment],
                    False,
                )
    if "\r\n" in loaded.text:  # a line a fix writes ends as the file's lines do
        _line_ends(out, loaded.text)
    return out


def _apostrophe_edits(
    loaded: Loaded, lines: Lines, diag: types.Diagnostic, uri: str, encoding: str
) -> tuple[str, list[types.TextEdit]] | None:
    """Apostrophes written both ways in a file (``punctuation``: the finding at
    the first of the kind written less, the others its related places): each
    written as the rest of the file writes them, in its scalar's quoting (a
    straight one doubled inside single quotes, where two are one). None when
    a place is not an apostrophe of that kind as the document reads it."""
    from yaml.nodes import ScalarNode

    if loaded.document is None or loaded.document.root is None:
        return None
    from itures.lsp.diagnostics import uri_of

    here = {uri, uri_of(loaded.path)}
    places = [diag.range] + [
        r.location.range for r in diag.related_information or () if r.location.uri in here
    ]
    scalars: list[ScalarNode] = []
    stack = [loaded.document.root]
    while stack:  # (the scalars of the document, to find the quoting of each place)
        node = stack.pop()
        if isinstance(node, ScalarNode):
            scalars.append(node)
        elif isinstance(node.value, list):
            for child in node.value:
                stack.extend(child if isinstance(child, tuple) else (child,))
    edits: list[types.TextEdit] = []
    fewer: str | None = None
    for rng in places:
        a, b = _span(loaded, lines, rng, encoding)
        scalar = next(
            (n for n in scalars if loaded.at(n.start_mark) <= a and b <= loaded.at(n.end_mark)),
            None,
        )
        if scalar is None:
            return None
        style = scalar.style
        written = loaded.text[a:b]
        if written == "'" and style == "'":  # half of a doubled one: the pair
            if loaded.text[a + 1 : a + 2] == "'":
                b, written = a + 2, "''"
            elif loaded.text[a - 1 : a] == "'":
                a, written = a - 1, "''"
        kind = "’" if written == "’" else "'" if written in ("'", "''") else None
        if kind is None or (fewer is not None and kind != fewer):
            return None
        fewer = kind
        new = "’" if kind == "'" else "''" if style == "'" else "'"
        edits.append(types.TextEdit(_range(lines, a, b, encoding), new))
    more = "’" if fewer == "'" else "'"
    if len(edits) > 1:
        title = tr(
            "Write {mark} as the rest of the file ({count} places)",
            mark=repr(more),
            count=len(edits),
        )
    else:
        title = tr("Write {mark} as the rest of the file", mark=repr(more))
    return title, edits


def _copies_in_deadlines(
    loaded: Loaded, lines: Lines, diag: types.Diagnostic, uri: str, encoding: str
) -> list[types.Range]:
    """The places of the same slip in the words of the clause's deadlines
    that a finding carries as its related places (the words are the
    clause's, copied: the runner tells their slip once, at the clause), where
    the same characters are written; mended with the clause's, they still
    match it."""
    if not diag.related_information:
        return []
    from itures.i18n import current
    from itures.lsp.diagnostics import uri_of

    said = _DEADLINE_COPY.get(current())
    if said is None:
        template = re.escape(tr("the same words in deadline {n}"))
        said = re.compile(template.replace(re.escape("{n}"), r"\d+"))
        _DEADLINE_COPY[current()] = said
    a, b = _span(loaded, lines, diag.range, encoding)
    written = loaded.text[a:b]
    here = {uri, uri_of(loaded.path)}
    out: list[types.Range] = []
    for r in diag.related_information:
        if r.location.uri not in here or said.fullmatch(r.message) is None:
            continue
        c, d = _span(loaded, lines, r.location.range, encoding)
        if loaded.text[c:d] == written:
            out.append(r.location.range)
    return out


# the message of a deadline's copy of a slip (runner._said_in_clause), by language
_DEADLINE_COPY: dict[str, re.Pattern[str]] = {}


def _comment_line(lines: Lines, line: int, encoding: str) -> types.Range | None:
    """The range of the whole of line ``line`` (0-based) with its line break,
    when it holds a comment alone; None otherwise."""
    text = lines.text
    start = lines.index(line, 0, encoding)
    end = text.find("\n", start)
    end = len(text) if end < 0 else end + 1
    if not text[start:end].lstrip().startswith("#"):
        return None
    return _range(lines, start, end, encoding)


def _related_in(loaded: Loaded, diag: types.Diagnostic, uri: str) -> list[types.Range]:
    """The ranges of the related places of ``diag`` in this document."""
    from itures.lsp.diagnostics import uri_of

    here = {uri, uri_of(loaded.path)}
    return [r.location.range for r in diag.related_information or () if r.location.uri in here]


def _unmarked_note(loaded: Loaded, diag: types.Diagnostic) -> str | None:
    """The id of the footnote at the related place of a ``footnote-undefined``
    finding (one marked nowhere, its id this marker's mistyped), read from
    the document; None when there is none."""
    related = diag.related_information or []
    notes = loaded.data.get("footnotes") if isinstance(loaded.data, dict) else None
    if len(related) != 1 or loaded.document is None or not isinstance(notes, list):
        return None
    line = related[0].location.range.start.line + 1
    for i, note in enumerate(notes):
        if (
            isinstance(note, dict)
            and isinstance(note.get("id"), str)
            and loaded.document.locate(["footnotes", i, "id"])[0] == line
        ):
            return str(note["id"])
    return None


def _capital_first(loaded: Loaded, pointer: str, words: list[str]) -> bool:
    """Whether the two words of a ``word-duplicate`` finding start their
    text, a capital then small, where ITU writes small (the rule's own test:
    :func:`itures.rules.repeats.capital_first`), read from the document."""
    doc = loaded.document
    if doc is None or doc.root is None:
        return False
    from yaml.nodes import ScalarNode

    from itures.rules.position import node_at
    from itures.rules.repeats import capital_first

    parts = tuple(int(p) if p.isdigit() else p for p in pointer_parts(pointer))
    node = node_at(doc, parts, False)
    if not isinstance(node, ScalarNode) or not parts:
        return False
    text = node.value
    at = len(text) - len(text.lstrip())
    return text[at:].startswith(words[0]) and capital_first(parts, text, words[0], words[1], at)


def _unquoted_without(
    loaded: Loaded, lines: Lines, pointer: object, a: int, b: int, encoding: str
) -> types.TextEdit | None:
    """The edit that writes a one-line quoted text without its blank at
    ``a:b`` (at its start or its end), and plain when the text then needs
    no quotes (as :func:`itures.yamlio.write.scalar` writes it); None when
    it still needs them, or the blank is inside, or the scalar holds an
    escape."""
    if not isinstance(pointer, str) or loaded.document is None:
        return None
    from yaml.nodes import ScalarNode

    from itures.rules.position import node_at
    from itures.yamlio.write import scalar

    parts = tuple(int(p) if p.isdigit() else p for p in pointer_parts(pointer))
    node = node_at(loaded.document, parts, False)
    if not isinstance(node, ScalarNode) or node.style not in ("'", '"'):
        return None
    start, end = loaded.at(node.start_mark), loaded.at(node.end_mark)
    inner = loaded.text[start + 1 : end - 1]
    if inner != node.value or "\n" in inner or not (a == start + 1 or b == end - 1):
        return None
    value = inner[b - start - 1 :] if a == start + 1 else inner[: a - start - 1]
    written = scalar(value, flow=True)
    if written.startswith(("'", '"')):
        return None
    return types.TextEdit(_range(lines, start, end, encoding), written)


def _unescaped(written: str) -> str | None:
    """What an escape of another quoting (``text-escape``), as written in the
    file, is replaced with: one apostrophe for two (two for four, inside
    single quotes, where two are one), the character a backslash escape
    stands for, or a blank. None for a span written otherwise (the same
    escape inside double quotes is written with its backslash escaped, a
    rewrite left to the editor)."""
    from itures.rules.comments import ESCAPE, stands_for

    if written in ("''", "''''"):
        return written[: len(written) // 2]
    if not written.startswith("\\") or ESCAPE.fullmatch(written) is None:
        return None
    char = stands_for(written)
    return " " if char is None else char


def _label_fix(
    loaded: Loaded, lines: Lines, pointer: str, a: int, b: int, encoding: str
) -> tuple[str, list[types.TextEdit]] | None:
    """The label a conversion left at the start of an entry's text (``a:b``,
    as ``conversion-artefact`` points at it) moved to the entry's ``label``:
    deleted from the text with the blanks after it (and, when the rest of the
    text is on the next lines, with the line break: a folded text's first
    line left empty would be a line break in it), and written as the
    ``label`` key before ``text`` when the entry has none. Found again from
    the document (:func:`itures.rules.labels.text_label`), not from
    the message; None for a span that is not such a label, an entry written
    as a flow mapping, or one whose label is another."""
    doc = loaded.document
    if doc is None or doc.root is None or not pointer.endswith("/text"):
        return None
    from yaml.nodes import MappingNode, ScalarNode

    from itures.rules.labels import text_label
    from itures.rules.position import node_at

    parts: list[str | int] = [int(p) if p.isdigit() else p for p in pointer_parts(pointer)]
    entry = node_at(doc, tuple(parts[:-1]), False)
    if not isinstance(entry, MappingNode) or entry.flow_style:
        return None
    keys = {k.value: (k, v) for k, v in entry.value if isinstance(k, ScalarNode)}
    text_key, text_node = keys.get("text", (None, None))
    if text_key is None or not isinstance(text_node, ScalarNode):
        return None
    label_node = keys.get("label", (None, None))[1]
    label = label_node.value if isinstance(label_node, ScalarNode) else None
    written = loaded.text[a:b]
    if text_label(label, text_node.value) != written or written.strip() != written:
        return None
    source = loaded.text
    end = b
    while end < len(source) and source[end] == " ":
        end += 1
    if source[end : end + 1] == "\n":  # the rest of the text on the next lines
        end += 1
        while end < len(source) and source[end] == " ":
            end += 1
    edits = [types.TextEdit(_range(lines, a, end, encoding), "")]
    if label is None:
        at = loaded.at(text_key.start_mark)
        indent = " " * text_key.start_mark.column
        new = f"label: {_label(written, None)}\n{indent}"
        edits.insert(0, types.TextEdit(_range(lines, at, at, encoding), new))
        return tr("Write '{label}' as the label", label=written), edits
    return tr("Delete '{label}' from the text", label=written), edits


def _action(
    title: str,
    diag: types.Diagnostic,
    edit: types.WorkspaceEdit,
    preferred: bool,
    *,
    safe: bool = False,
) -> types.CodeAction:
    """A quick fix; ``safe``: one ``itures check --fix`` applies (see :data:`SAFE`)."""
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        edit=edit,
        is_preferred=preferred or None,
        data={"safe": True} if safe else None,
    )


def safe(action: types.CodeAction) -> bool:
    """Whether ``itures check --fix`` applies ``action`` (:data:`SAFE`)."""
    return isinstance(action.data, dict) and action.data.get("safe") is True


def _pointer(path: tuple[str | int, ...]) -> str:
    from itures.diagnostics import pointer_from

    return pointer_from(path)


def _defects(loaded: Loaded, config: Config | None) -> list[Defect]:
    """The numbering defects of the document's text, with their fixes."""
    if loaded.document is None:
        return []
    from itures.rules import Context
    from itures.rules.numbering import analyse
    from itures.validate import validate

    resolution, _ = validate(loaded.document)
    if resolution is None:
        return []
    ctx = Context(loaded.path, resolution, config, {}, document=loaded.document)
    return list(analyse(ctx).defects)


def _label(new: str, style: str | None) -> str:
    """``new`` written as a YAML scalar in the quoting ``style`` the old label had."""
    from itures.yamlio.read import plain_scalar

    if style == '"':
        return json.dumps(new, ensure_ascii=False)
    if style != "'" and re.fullmatch(r"[\w][\w.()]*", new) and plain_scalar(new) == new:
        return new
    return "'" + new.replace("'", "''") + "'"


# the number a schema help writes in the digits 0 to 9 (a year typed in others)
_NUMBER_IN_DIGITS = re.compile(
    r"^(?:write the number in the digits 0 to 9|écrivez le nombre avec les chiffres 0 à 9"
    r"|escriba el número con las cifras 0 a 9)[^:]*:\s?(\d+)$"
)
# a label to write, as a numbering-style help names it first ("write '2', as
# the others are")
_LABEL_TO_WRITE = re.compile(r"^(?:write|écrivez|escriba) '([^']+)'")


def _label_in_digits(written: str, help_: str) -> str | None:
    """The label a numbering-style finding says to write, when it is the
    label written (its span, quoted or not) in the digits 0 to 9 ('２' for
    '2'): written with the same quotes. None otherwise."""
    m = _LABEL_TO_WRITE.match(help_)
    if m is None:
        return None
    quote = written[0] if written[:1] in ("'", '"') and written[-1:] == written[0] else ""
    bare = written[1:-1] if quote else written
    new = m.group(1)
    if bare == new or ascii_digits(bare) != new:
        return None
    if not quote and re.fullmatch(r"[\d.]+", new):
        quote = "'"  # (unquoted, YAML would read the digits as a number)
    return f"{quote}{new}{quote}"


def _digits_only(loaded: Loaded, defect: Defect) -> bool:
    """Whether each label a numbering fix rewrites is the new one written in
    other digits than 0 to 9 ('٢)' for '2)', '２' for '2')."""
    fix = defect.fix
    if fix is None or not fix.relabel or loaded.document is None:
        return False
    from yaml.nodes import ScalarNode

    from itures.rules.position import node_at

    for path, new in fix.relabel:
        node = node_at(loaded.document, (*path, "label"), False)
        if not isinstance(node, ScalarNode):
            return False
        old = str(node.value)
        ascii_ = ascii_digits(old)
        if ascii_ == old or ascii_ != new:
            return False
    return True


def _numbering_edit(
    loaded: Loaded, lines: Lines, defect: Defect, encoding: str
) -> list[types.TextEdit]:
    fix = defect.fix
    if fix is None or not fix.relabel or fix.split is not None or fix.nest:
        return []
    from yaml.nodes import ScalarNode

    from itures.rules.position import node_at

    assert loaded.document is not None
    edits = []
    for path, new in fix.relabel:
        node = node_at(loaded.document, (*path, "label"), False)
        if not isinstance(node, ScalarNode):
            return []
        start, end = loaded.at(node.start_mark), loaded.at(node.end_mark)
        edits.append(types.TextEdit(_range(lines, start, end, encoding), _label(new, node.style)))
    return edits


def _suppression_edit(
    loaded: Loaded, lines: Lines, rule: str, pointer: str, rng: types.Range, encoding: str
) -> types.TextEdit | None:
    """A suppression comment on its own line before the place the finding is about."""
    line = rng.start.line
    if loaded.document is not None:
        from itures.rules.position import nodes_along

        parts: list[str | int] = [int(p) if p.isdigit() else p for p in pointer_parts(pointer)]
        anchors = nodes_along(loaded.document, parts, anchors=True)
        if anchors:
            line = min(line, anchors[-1].start_mark.line)
    text = lines.line(line)
    indent = len(text) - len(text.lstrip(" "))
    comment = " " * indent + f"# itures: ignore[{rule}] reason: \n"
    at = types.Position(line, 0)
    return types.TextEdit(types.Range(at, at), comment)


def _footnote_stub(loaded: Loaded, note: str, encoding: str) -> types.TextEdit | None:
    """An entry ``- id: 'note'`` with an empty ``text``, at the end of ``footnotes``."""
    doc = loaded.document
    if doc is None or doc.root is None:
        return None
    from yaml.nodes import MappingNode, SequenceNode

    from itures.rules.position import node_at

    lines = Lines(loaded.text)
    ident = _label(note, "'")
    notes = node_at(doc, ("footnotes",), False)
    if isinstance(notes, SequenceNode) and notes.value and notes.flow_style is False:
        last = notes.value[-1]
        if not isinstance(last, MappingNode):
            return None
        dash = max(0, last.start_mark.column - 2)
        line = last.end_mark.line if last.end_mark.column == 0 else last.end_mark.line + 1
        text = f"{' ' * dash}- id: {ident}\n{' ' * (dash + 2)}text: \n"
        at = lines.offset(line, 0)
        if line >= len(lines.lines) or (at == len(loaded.text) and not loaded.text.endswith("\n")):
            text = "\n" + text
        return types.TextEdit(_range(lines, at, at, encoding), text)
    if notes is not None:
        return None  # an empty or flow list: written by hand
    at = len(loaded.text)
    text = (
        "" if loaded.text.endswith("\n") else "\n"
    ) + f"footnotes:\n  - id: {ident}\n    text: \n"
    return types.TextEdit(_range(lines, at, at, encoding), text)


# the help of an annex's heading that names another revision (history): the
# place and year to write, in the three languages
_IN_HEADING = re.compile(
    r"^(?:write|écrivez|escriba) (.+?, \d{3,5}) (?:in the heading|dans l'intitulé|"
    r"en el encabezamiento), "
)


def _heading_revision(
    loaded: Loaded, lines: Lines, a: int, b: int, said: str, encoding: str
) -> tuple[types.TextEdit, str] | None:
    """The edit that writes ``said`` ("Dubai, 2018") for the place and year
    inside the parentheses around the span ``a``..``b`` of an annex's heading,
    in capitals where they are, a "REV." before them kept; None where they
    are not on the span's line as written."""
    text = loaded.text
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line_end = len(text) if line_end < 0 else line_end
    opening = text.rfind("(", line_start, a)
    closing = text.find(")", b, line_end)
    if opening < 0 or closing < 0:
        return None
    inside = text[opening + 1 : closing]
    rev = re.match(r"\s*(?:[Rr][EeÉé][Vv]|Пересм)\.\s*", inside)
    start = opening + 1 + (rev.end() if rev is not None else 0)
    written = said.upper() if inside.isupper() else said
    return types.TextEdit(_range(lines, start, closing, encoding), written), written


def _value_written(
    loaded: Loaded, lines: Lines, pointer: str, right: str, encoding: str
) -> types.TextEdit | None:
    """The edit that writes ``right`` for the value at ``pointer``, a plain
    scalar on one line (an annex's heading as the files write it); None for
    a value written otherwise (quoted, folded), left to the editor."""
    from yaml.nodes import ScalarNode

    node = _node_at(loaded, pointer)
    if not isinstance(node, ScalarNode) or node.style:  # (plain: no style)
        return None
    start, end = node.start_mark.index, node.end_mark.index
    if loaded.text[start:end] != node.value or "\n" in node.value or ": " in right:
        return None
    return types.TextEdit(_range(lines, start, end, encoding), right)


# the help of a history date whose month and day were swapped (history-date),
# in the three languages
_SWAPPED_DATE = re.compile(r"^(?:write|écrivez|escriba) (\d{4}-\d{2}-\d{2}) ?: ")


def _date_written(
    loaded: Loaded, lines: Lines, pointer: str, right: str, encoding: str
) -> types.TextEdit | None:
    """The edit that writes the date ``right`` for the date at ``pointer``,
    inside its quotes when it has them; None when the value is not written
    as it reads (an escape, a line break)."""
    from yaml.nodes import ScalarNode

    node = _node_at(loaded, pointer)
    if not isinstance(node, ScalarNode):
        return None
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("'", '"'):
        start, end = start + 1, end - 1
    elif node.style:
        return None
    if loaded.text[start:end] != node.value:
        return None
    return types.TextEdit(_range(lines, start, end, encoding), right)


# the help of partners left out (actor-mismatch), in the three languages
_PARTNERS = re.compile(
    r"^(?:write|écrivez|escriba) 'partners: \[([^\]\n]+)\]' (?:under|sous|bajo) 'actors'$"
)


def _partners_line(
    loaded: Loaded, lines: Lines, pointer: str, partners: str, encoding: str
) -> types.TextEdit | None:
    """The edit that writes ``partners: [partners]`` for the section or
    clause whose ``actors`` are at ``pointer``: the value of an empty
    ``partners`` key it has, or a line after its actors, at their key's
    indentation. None where the file is not written so (a flow mapping, a
    list of partners already there)."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    parts = _parts(pointer)
    if not parts or parts[-1] != "actors":
        return None
    owner = _node_at(loaded, pointer, parts[:-1])
    if not isinstance(owner, MappingNode) or owner.flow_style:
        return None
    pairs = {k.value: (k, v) for k, v in owner.value if isinstance(k, ScalarNode)}
    if "actors" not in pairs:
        return None
    if "partners" in pairs:
        value = pairs["partners"][1]
        if not isinstance(value, SequenceNode) or value.value:
            return None
        a, b = loaded.at(value.start_mark), loaded.at(value.end_mark)
        return types.TextEdit(_range(lines, a, b, encoding), f"[{partners}]")
    key, value = pairs["actors"]
    line = value.end_mark.line if value.end_mark.column == 0 else value.end_mark.line + 1
    if line >= len(lines.lines):
        return None
    at = lines.offset(line, 0)
    text = f"{' ' * key.start_mark.column}partners: [{partners}]\n"
    return types.TextEdit(_range(lines, at, at, encoding), text)


# the help of a title or a heading that ends with a mark, in the three languages
_END_MARK = re.compile(
    r"^(?:delete the|supprimez le|suprima el) '(.)' "
    r"(?:at the end of the (?:title|heading)|à la fin (?:du titre|de l'intitulé)"
    r"|al final del (?:título|encabezamiento))$"
)
# the rules whose help may be a list of words to write for words written
_REPLACING = (
    "conversion-artefact",
    "text-language",
    "punctuation",
    "actor-mismatch",
    "footnote-unused",
)
# of those, the rules whose words to write are a guess (offered, never applied
# by --fix): a name's word one slip from what is written (actor-mismatch), the
# second marker of a footnote marked twice, another marked nowhere (footnote-unused)
_GUESSED = ("conversion-artefact", "actor-mismatch", "footnote-unused")
# a help that lists them: "write 'UIT-D' for 'ITU-D', ...", each a Python
# literal as the message shows it ('...' or "..." when it holds a "'")
_LITERAL = r"""(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
# the help of an annex's heading to write whole (reference-part), in the
# three languages: "write 'ANNEX 2 TO RESOLUTION 71 (REV. DUBAI, 2018)'"
_HEADING_TO_WRITE = re.compile(rf"^(?:write|écrivez|escriba) ({_LITERAL})$")
_PAIR = re.compile(rf"({_LITERAL}) (?:for|pour|en lugar de) ({_LITERAL})")
_PAIRS = re.compile(
    rf"^(?:write|écrivez|escriba) ({_LITERAL} (?:for|pour|en lugar de) {_LITERAL}"
    rf"(?:, {_LITERAL} (?:for|pour|en lugar de) {_LITERAL})*)(?:[,;] |$)"
)
# the messages whose words to write are read, not guessed: UTF-8 read as Latin-1
_CERTAIN = re.compile("UTF-8")


def _replacements(help_: str) -> list[tuple[str, str]] | None:
    """The (written, meant) pairs of a help that lists them (see
    :data:`_PAIRS`), None for another help."""
    import ast

    found = _PAIRS.match(help_)
    if found is None:
        return None
    out = []
    for m in _PAIR.finditer(found.group(1)):
        try:
            meant, written = ast.literal_eval(m.group(1)), ast.literal_eval(m.group(2))
        except (ValueError, SyntaxError):
            return None
        if not isinstance(meant, str) or not isinstance(written, str) or not written:
            return None
        out.append((written, meant))
    return out or None


def _replaced(
    lines: Lines, text: str, a: int, b: int, pairs: list[tuple[str, str]], encoding: str
) -> list[types.TextEdit]:
    """The edits that write each pair's meant words for its written ones,
    wherever the span ``a``..``b`` of ``text`` holds them as whole words;
    none when one of them is not there as written (a line break, an escape
    inside it)."""
    edits = []
    for written, meant in pairs:
        at, seen = text.find(written, a, b), False
        while at >= 0:
            end = at + len(written)
            # (a whole word: no letter glued to an end of it that is a letter;
            # a footnote's marker, "[^1]", stands glued to its word)
            if not (
                (written[0].isalnum() and text[at - 1 : at].isalnum())
                or (written[-1].isalnum() and text[end : end + 1].isalnum())
            ):
                edits.append(types.TextEdit(_range(lines, at, end, encoding), meant))
                seen = True
            at = text.find(written, end, b)
        if not seen:
            return []
    return edits


def _verbatim(loaded: Loaded, pointer: str, written: str) -> bool:
    """Whether ``written`` (a span of the file) stands in the text at
    ``pointer`` as it is: on one line, no quoting undone in it (a single
    quote doubled, an escape), so that an edit of the span is an edit of
    those words."""
    doc = loaded.document
    if doc is None or doc.root is None or "\n" in written:
        return False
    from yaml.nodes import ScalarNode

    node = _node_at(loaded, pointer)
    return isinstance(node, ScalarNode) and written in str(node.value)


def _abbreviation_meant(written: str, help_: str | None) -> str | None:
    """The abbreviation a punctuation help says to write for ``written``,
    an abbreviation with one letter lost or two swapped ("write 'BDT'" for
    "BTD"); None for any other help."""
    words = _WRITE_WORDS.match(help_ or "")
    meant = words.group(1) if words is not None else None
    if meant is None or not (written.isupper() and meant.isupper() and written.isalpha()):
        return None
    return meant if one_slip(written, meant) else None


def _spelling_meant(written: str, help_: str | None) -> str | None:
    """The word a word-spelling help says to write for ``written``, one
    slip of typing from it ("write 'technology'" for "techonology"); None
    for any other help."""
    words = _WRITE_WORDS.match(help_ or "")
    meant = words.group(1) if words is not None else None
    if meant is None or not written.isalpha() or not one_slip(written, meant):
        return None
    return meant


# a revision's parenthesis with its place ("(Rév. Genève, 2007)"), which
# reference-text writes for one whose place was lost (references.NO_PLACE)
_PLACE_WRITTEN = re.compile(r"\(R[eé]v\. [^\W\d_][^()]*, (\d{4})\)")


def _citation_meant(written: str, help_: str | None) -> str | None:
    """What a reference-text help says to write for ``written``, a noun with
    one slip ("Réésolution" for "Résolution") or a revision's parenthesis
    whose place was lost ("(Rév., 2007)" for "(Rév. Genève, 2007)"); None
    for any other help."""
    words = _WRITE_WORDS.match(help_ or "")
    meant = words.group(1) if words is not None else None
    if meant is None:
        return None
    if written.isalpha() and meant.isalpha() and one_slip(written, meant):
        return meant
    from itures.rules.references import NO_PLACE

    lost, placed = NO_PLACE.fullmatch(written), _PLACE_WRITTEN.fullmatch(meant)
    if lost is not None and placed is not None and lost.group(1) == placed.group(1):
        return meant
    return None


def _words_to_write(
    loaded: Loaded, pointer: object, written: str, message: str, help_: str
) -> str | None:
    """What a punctuation or a reference-text finding whose fix is to write
    other words in place of its span says to write: a word as the file's
    language writes it (:data:`_NOT_HOW`), or words that differ from the
    span only as :func:`_alike` allows (:data:`_WRITE_WORDS`). None when it says no
    such thing, or the span does not stand in the text as it is (an escape, a
    line break), or a comma would end a plain scalar inside a flow mapping."""
    if not isinstance(pointer, str):
        return None
    # (inside single quotes, the span as it reads: an apostrophe written twice
    # there is one, "del''Union")
    style = getattr(_node_at(loaded, pointer), "style", None) if "'" in written else None
    shown = written.replace("''", "'") if style == "'" else written
    not_how = _NOT_HOW.match(message)
    if not_how is not None:
        new = not_how.group(2) if shown == not_how.group(1) else None
    else:
        words = _WRITE_WORDS.match(help_) or _WRITE_QUOTED.match(help_)
        new = words.group(1) if words is not None else None
        if new is not None and (new == shown or not _alike(new, shown)):
            new = None
    if new is None or not _verbatim(loaded, pointer, shown):
        return None
    if any(c in new for c in ",，،") and _plain_in_flow(loaded, pointer):
        return None
    if "'" in new and "'" not in written:  # (the quoting not looked at yet)
        style = getattr(_node_at(loaded, pointer), "style", None)
    # (written into the scalar as its quoting writes it: an apostrophe doubled
    # inside single quotes, "d''intérêt")
    return new.replace("'", "''") if style == "'" else new


# what conversion-artefact's fix deletes from inside a word: the invisible
# characters a word processor leaves (soft hyphen, zero-width space, word
# joiner, byte order mark), a direction mark, a tatweel
_DELETED = frozenset(INVISIBLE + DIRECTION_MARKS + TATWEEL)
# a tab or a control to write as a blank (conversion-artefact): the character, as repr shows it
_BLANK_FOR = re.compile(
    r"^(?:write a blank in place of|écrivez une espace à la place de|escriba un espacio en "
    r"lugar de) '((?:\\t|\\x[0-9a-f]{2})+)'$"
)
# a field's code to delete (conversion-artefact), quoted as written
_DELETE_FIELD = re.compile(
    r"^(?:delete|supprimez|elimine) '((?:HYPERLINK|PAGEREF|NOTEREF|REF) [^']+)'$"
)


def _is_control(written: str, shown: str) -> bool:
    """Whether ``written`` (the span in the file) is the tabs or controls
    that ``shown`` (as repr writes them: '\\t', '\\x0b') names, written as
    they are or as the escapes of a double-quoted scalar (read as the
    file's reader reads them)."""
    import ast

    from itures.yamlio.read import YamlSyntaxError, parse_text

    meant = str(ast.literal_eval(f"'{shown}'"))
    if written == meant:
        return True
    if not written.startswith("\\") or '"' in written or "\n" in written:
        return False
    try:
        value, _ = parse_text(f'"{written}"')
    except YamlSyntaxError:
        return False
    return bool(value == meant)


# the one word a lookalike help gives ("retype the word in Cyrillic letters: 'Совету'")
_ONE_WORD = re.compile(r"^[^']*'([^'\s]+)'$")


def _composed(loaded: Loaded, lines: Lines, pointer: str, encoding: str) -> list[types.TextEdit]:
    """An edit for each letter written with its accent as a character of its
    own (:func:`itures.rules.lookalike.decomposed_letters`) in the text at
    ``pointer``, as the file writes it: the letter and its accents written
    as the one character they compose (NFC). None for one that composes
    into no single character."""
    from itures.rules.lookalike import _COMBINING

    node = _node_at(loaded, pointer)
    if node is None or not hasattr(node, "start_mark"):
        return []
    start, end = loaded.at(node.start_mark), loaded.at(node.end_mark)
    text = loaded.text
    edits = []
    for m in _COMBINING.finditer(text, start + 1, end):
        written = text[m.start() - 1 : m.end()]
        letter = unicodedata.normalize("NFC", written)
        if len(letter) == 1:
            rng = _range(lines, m.start() - 1, m.end(), encoding)
            edits.append(types.TextEdit(rng, letter))
    return edits


def _retyped_letter(loaded: Loaded, a: int, b: int, help_: str) -> str | None:
    """The letter to write for the one at ``a`` (a lookalike finding's span,
    one character) so that the word around it reads as the help's one word
    ("Cовета": 'С'): None when the help gives no one word (a Farsi yeh that
    ends a word may stand for two), or the word around the span is not that
    word with one letter changed there."""
    m = _ONE_WORD.match(help_)
    if m is None or b - a != 1:
        return None
    text = loaded.text
    start, end = a, b
    while start > 0 and (
        text[start - 1].isalpha() or unicodedata.category(text[start - 1]) == "Mn"
    ):
        start -= 1
    while end < len(text) and (text[end].isalpha() or unicodedata.category(text[end]) == "Mn"):
        end += 1
    word, meant = text[start:end], m.group(1)
    i = a - start
    if len(word) != len(meant) or word[:i] + meant[i] + word[i + 1 :] != meant:
        return None
    return meant[i] if meant[i] != word[i] else None


def _alike(new: str, written: str) -> bool:
    """Whether the words a help says to write differ from the span only in
    blanks, commas, accents, "г." and capitals ("Rév." for "Rev.", "Dubai"
    for "Dubaï", "Résolution" for "résolution"), or by a full stop after it
    ("etc." for "etc") or in place of another mark ("Rév." for "Rév;"), or
    by a comma for the mark typed between a place
    and its year ("Dubai, 2018" for "Dubai: 2018")."""
    bare = _bare(new).casefold()
    return (
        bare == _bare(written).casefold()
        or _apostrophe_for(new, written)
        or new == written + "."
        or (new == written[:-1] + "." and written[-1:] in (";", ":", ","))
        or bare == _bare(_MARK_BEFORE_YEAR.sub(",", written)).casefold()
    )


def _apostrophe_for(new: str, written: str) -> bool:
    """Whether ``new`` is ``written`` with an elision's apostrophe where it
    was lost ("l'UIT" for "lUIT") or typed as another mark ("l'écart" for
    "l.écart"), once."""
    if len(new) == len(written):
        diff = [k for k in range(len(new)) if new[k] != written[k]]
        return len(diff) == 1 and new[diff[0]] in "'’" and written[diff[0]] in ".,;:"
    if len(new) == len(written) + 1:
        k = next((k for k in range(len(written)) if new[k] != written[k]), len(written))
        return new[k] in "'’" and new[:k] + new[k + 1 :] == written
    return False


# a mark typed for the comma between a conference's place and its year
_MARK_BEFORE_YEAR = re.compile(r"(?<=[^\W\d_])[.;:؛](?=\s*\d{4}(?!\d))")


def _bare(words: str) -> str:
    """``words`` without blanks, commas, accents and "г." (see :func:`_words_to_write`)."""
    kept = re.sub(r"(?<=\d)\s*г\.?|[\s,，،]", "", words)
    return "".join(c for c in unicodedata.normalize("NFD", kept) if not unicodedata.combining(c))


def _plain_in_flow(loaded: Loaded, pointer: str) -> bool:
    """Whether the text at ``pointer`` is a plain scalar inside a flow
    collection (``{label: '1', text: ...}``), where a comma ends it."""
    if loaded.document is None or loaded.document.root is None:
        return True
    node = _node_at(loaded, pointer)
    if node is None or getattr(node, "style", None):
        return False  # (quoted or a block scalar: a comma is text)
    parts = _parts(pointer)
    parent = _node_at(loaded, pointer, parts[:-1]) if parts else None
    return parent is None or bool(getattr(parent, "flow_style", True))


def _parts(pointer: str) -> tuple[str | int, ...]:
    """A JSON pointer's parts, list indices as numbers."""
    return tuple(int(p) if p.isdigit() else p for p in pointer_parts(pointer))


def _node_at(loaded: Loaded, pointer: str, parts: tuple[str | int, ...] | None = None) -> Any:
    """The YAML node at ``pointer`` (or at ``parts``, when given) of the
    loaded document; None when there is none."""
    from itures.rules.position import node_at

    if loaded.document is None:
        return None
    return node_at(loaded.document, _parts(pointer) if parts is None else parts, False)


def _markup_fits(text: str, a: int, b: int, words: str) -> bool:
    """Whether the words of a citation at ``text[a:b]`` can be written there as
    ``[words](target)``: they stand as they are, but for the case of a letter
    (on one line, no escape in them), and a '[' there does not start a plain
    scalar (a YAML list)."""
    if text[a:b].lower() != words.lower() or "\n" in words:
        return False  # (the noun's capital may be the fix's: "resolution 5" written "Resolution 5")
    return not _value_starts(text, text.rfind("\n", 0, a) + 1, a)


def _value_starts(text: str, line_start: int, a: int) -> bool:
    """Whether a key (``key:``) or a list's dash, then blanks, stand right
    before ``a`` on its line (which starts at ``line_start``): the value of
    a mapping or a list's entry starts at ``a``. What a search of
    :data:`_VALUE_START` in the line before ``a`` finds, read back from
    ``a`` over the blanks and the word before them only: a search from the
    line's start for each citation on one long line was quadratic."""
    j = a
    while j > line_start and text[j - 1].isspace():
        j -= 1
    if j in (a, line_start):
        return False  # no blank before a, or blanks only
    if text[j - 1] == "-":
        k = j - 1
        return k == line_start or text[k - 1].isspace() or text[k - 1] in "{,["
    if text[j - 1] != ":":
        return False
    k = j - 1  # the key: the word before the colon, as far back as it may reach
    while k > line_start and not text[k - 1].isspace() and text[k - 1] not in ":#":
        k -= 1
    if k == j - 1:
        return False  # a colon alone
    if k == line_start or text[k - 1].isspace() or text[k - 1] in "{,[":
        return True
    # (a key may start after a '{', ',' or '[' inside that word, too)
    return any(c in "{,[" for c in text[k : j - 2])
