"""The importers' own notes and failures in the editor's language: ``itures
import --lang fr`` says what the Akoma Ntoso, .docx and text importers saw in
French, the noun of the entry ("this recital", "this clause") included."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from itures import i18n
from itures.cli import main
from itures.importers import ImportFailure, akn, docx, import_file
from itures.importers.build import history_from
from itures.importers.lang import grammar
from tests.importers import aknfixtures


@pytest.fixture
def french() -> Iterator[None]:
    i18n.use("fr")
    yield
    i18n.use("en")


# how the importers' notes begin (or what they say) in English
ENGLISH = re.compile(
    r"""^(?:footnotes?\ \S+.*merged\ into|labels?\ '|operative\ (?:heading|section)\ |
    preambular\ |text\ that\ follows|page\ header\ or\ footer|annex\ |attachment\ |
    table\ flattened|tracked\ change|heading\ as\ published|the\ heading|hidden\ |
    text\ box|Word's\ automatic|an\ endnote|\S+\ without\ text\ left\ out)
    |\ left\ as\ text:|\ in\ the\ text\ of\ this\ |\(XML\ line\ \d|\ merged\ into\ the\ text
    """,
    re.X,
)


def test_the_akoma_ntoso_notes_of_the_final_acts_in_french(pp18: Path, french: None) -> None:
    result = import_file(str(pp18))
    messages = [n.message for doc in result.imported for n in doc.notes]
    assert len(messages) > 400
    assert [m for m in messages if ENGLISH.search(m)] == []
    # each kind, with its entry's noun in French
    said = "\n".join(messages)
    for french_words in (
        "fusionnée dans le texte de cet alinéa : '____ ",
        "resté dans le texte de ce point (la conversion ne l'a pas pris pour le numéro)",
        "intitulé du dispositif '",
        "en-tête ou pied de page '",
        "texte qui suit le document ('",
        "dans le texte de ce paragraphe d'annexe",
        "(ligne XML ",
    ):
        assert french_words in said, french_words


def test_import_lang_fr_leaves_no_note_in_english(
    pp18: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    try:
        code = main(["import", "--lang", "fr", str(pp18), "-o", str(out), "--format", "json"])
    finally:
        i18n.use("en")
    assert code == 0
    shown = json.loads(capsys.readouterr().out)["diagnostics"]
    notes = [d for d in shown if d["rule"] in ("conversion-artefact", "citation-unresolved-body")]
    assert len(notes) > 400
    english = [
        m
        for d in notes
        for m in (d["message"], *(r["message"] for r in d["related"]))
        if ENGLISH.search(m)
    ]
    assert english == []
    assert any("(ligne XML " in d["message"] for d in notes)


def test_the_notes_of_small_akoma_ntoso_documents_in_french(french: None) -> None:
    messages = []
    for xml in aknfixtures.FIXTURES.values():
        (imported,), _ = akn.parse_bytes(xml.encode(), source="t.akn.xml")
        messages += [n.message for n in imported.notes]
    assert messages and [m for m in messages if ENGLISH.search(m)] == []
    said = "\n".join(messages)
    assert "tableau aplati en un seul paragraphe [t.akn.xml, table " in said
    assert "fusionnée dans une section qui n'est pas la dernière du document" in said
    assert "fusionné dans le texte de ce point [" in said


def test_an_akoma_ntoso_failure_in_french(french: None) -> None:
    with pytest.raises(ImportFailure, match="pas de l'Akoma Ntoso : l'élément racine est <html>"):
        akn.parse_bytes(b"<html/>", source="t.xml")


def test_what_a_docx_paragraph_left_out_is_said_in_french(french: None) -> None:
    said = docx._left_out("x", ["old words"], {"hidden": ["secret"]}, None, 3)
    assert said == [
        "modification suivie : texte supprimé 'old words' non gardé",
        "texte masqué 'secret' non gardé (Word ne l'affiche pas)",
    ]
    (reference,) = docx._left_out("x", [], {"deleted reference": [docx._ENDNOTE + "2"]}, None)
    assert reference == "modification suivie : appel de note de fin 2 supprimé, non gardé"


def test_an_unreadable_heading_is_refused_in_french(french: None) -> None:
    with pytest.raises(ImportFailure, match="impossible de lire l'adoption ou la révision"):
        history_from("Rev. Dubai", grammar("en"), {})
