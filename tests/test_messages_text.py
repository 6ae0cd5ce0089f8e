"""Conversion leftovers, punctuation, glyph descriptions, the names of nested
lists and the configuration gate speak French and Spanish: each finding's
message says what is wrong, its help what to change, in the editor's
language; quoted text, labels and headings stay as written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from itures import i18n, textscan
from itures.config import Config
from itures.corpus import check_paths
from itures.diagnostics import Diagnostic
from itures.rules._walk import Entry, LabelledList
from tests.conftest import commit_all, resolution, run_cli, write


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    yield
    i18n.use("en")


# English words that no French or Spanish message should keep, outside quotes
ENGLISH = re.compile(
    r"\b(the|of|with|into|inside|this|delete|item|items|clause|clauses|label|labels|text|"
    r"ends|expected|merged|and|from|footnote|heading|rule|rules|since|mark|word|words|left|"
    r"keep|end|write|move|doubled|glued|year|stray|more)\b"
)
QUOTED = re.compile(r"(?<![^\W\d_])'[^']*'(?![^\W\d_])|\"[^\"]*\"|\(U\+[0-9A-F]+ [A-Z0-9 -]+\)")


def english_left(text: str) -> list[str]:
    """The English words of ``text`` outside quoted text and Unicode names."""
    return ENGLISH.findall(QUOTED.sub(" ", text))


def check(tmp: Path, doc: str, lang: str) -> list[Diagnostic]:
    target = tmp / lang / "r.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(doc, encoding="utf-8")
    return check_paths([target], replace(Config(), lang=lang)).diagnostics


def said(diagnostics: list[Diagnostic], rule: str) -> list[tuple[str, str | None]]:
    return [(d.message, d.help) for d in diagnostics if d.rule == rule]


def every_text(diagnostics: list[Diagnostic]) -> list[str]:
    """Messages, helps and the messages of related locations."""
    out: list[str] = []
    for d in diagnostics:
        out += [d.message, d.help or ""] + [r.message for r in d.related]
    return out


PDF = """\
body: pp
number: '1'
language: en
title: Test
history: [{event: adopted, place: Dubai, year: 2018}]
preamble:
  - verb: recalling
    heading: recalling
    items:
      - label: a)
        text: >-
          the ITUǦcoordinated events of 2015, ____________________ 1 These include the
          least developed countries;
      - label: b)
        text: 'b) the outcomes[bookmark: _Toc1]; ii) the plan; iii) the budget,'
  - verb: convinced
    heading: convinced
    items:
      - label: a)
        text: >-
          that it matters, resolves to instruct the Secretary-General 1 to report; 2 to
          act; 3 to help,
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - text: 1 to explore ways and means in 2014Buenos Aires,
  - verb: instructs
    heading: instructs the Secretary-General
    clauses:
      - label: '1'
        text: to do more; 562 D - 81 and again, invites the Director 1 to report;
      - label: '2'
        text: >-
          to act[footnoteRef:2]. 489 PART VI - SIGNATORIES The undersigned 490 D - 2
          plenipotentiaries; 3 have signed;
"""


def test_conversion_artefacts_in_french_and_spanish(tmp_path: Path) -> None:
    english = said(check(tmp_path, PDF, "en"), "conversion-artefact")
    assert (
        "labels 'ii)', 'iii)' inside the text of this item: 3 items run into one by the conversion",
        "split the text at each label into items of their own, each with its label",
    ) in english
    french_found = check(tmp_path, PDF, "fr")
    french = said(french_found, "conversion-artefact")
    spanish_found = check(tmp_path, PDF, "es")
    spanish = said(spanish_found, "conversion-artefact")
    assert len(english) == len(french) == len(spanish) == 12
    assert (
        "numéros 'ii)', 'iii)' dans le texte de cet alinéa : 3 alinéas fusionnés en un seul par "
        "la conversion",
        "coupez le texte à chaque numéro pour en faire des alinéas distincts, chacun avec son "
        "numéro",
    ) in french
    assert (
        "point sans numéro de 'resolves' : son texte commence par le numéro '1' ; retirez-le du "
        "texte (le numéro va dans 'label')",
        "supprimez '1' au début du texte et écrivez-le comme numéro du point : 'label: \"1\"'",
    ) in french
    assert (
        "alinéa b) de 'recalling' : son texte commence par le numéro 'b)' ; retirez-le du texte "
        "(le numéro va dans 'label')",
        "supprimez 'b)' au début du texte",
    ) in french
    assert (
        "signet Word '[bookmark: _Toc1]' resté dans le texte ; supprimez-le",
        "supprimez '[bookmark: _Toc1]'",
    ) in french
    assert (
        "un dispositif dans le texte de cet alinéa : une section ('resolves to instruct the "
        "Secretary-Ge...') et 3 points, fusionnés par la conversion, qui n'a pas reconnu "
        "l'intitulé du dispositif",
        "terminez l'alinéa avant 'resolves to instruct the Secretary-Ge...', et déplacez la "
        "suite dans 'operative' : une section par intitulé, ses points en dessous",
    ) in french
    assert (
        "encabezamiento de la parte dispositiva 'invites the Director' fundido en el texto de "
        "este punto: la conversión no lo reconoció",
        "termine este texto antes del encabezamiento y haga del encabezamiento una sección "
        "propia en 'operative' (verbo y encabezamiento), con el texto que lo sigue como sus "
        "puntos",
    ) in spanish
    assert (
        "año pegado a una palabra: '2014Buenos', rastro del control de cambios o de un espacio "
        "perdido; conserve el texto revisado (y registre la revisión en history)",
        "conserve solo el lugar y el año de la revisión, y registre la revisión en 'history'",
    ) in spanish
    assert (
        "nota 1 fundida en el texto de este apartado por la conversión: '____ 1 These include "
        "the least developed countries;'",
        "mueva el texto de la nota a 'footnotes' (id '1') y ponga la llamada de nota [^1] donde "
        "se llama la nota; conserve en el texto las palabras del elemento que siguen a la nota, "
        "si las hay",
    ) in spanish
    trailing = next(d for d in spanish_found if "PART VI" in d.message)
    assert [r.message for r in trailing.related] == [
        "numeración '3'",
        "encabezado o pie de página '489'",
        "encabezado o pie de página '490 D - 2'",
    ]
    for text in every_text(french_found) + every_text(spanish_found):
        assert english_left(text) == [], text
    # the same English words are found in the English messages: the list is not idle
    assert all(english_left(m) for m, _ in english)


PUNCTUATION = """\
body: wtdc
number: '1'
language: fr
title: T
conference: La Conférence mondiale de développement des télécommunications (Kigali, 2022).
history: [{event: adopted, place: Kigali, year: 2022}]
preamble:
  - verb: considering
    heading: considérant
    items:
      - label: a)
        text: des ressources financières et des ressources humaines,;
      - label: b)
        text: 'les travaux:'
operative:
  - verb: resolves
    heading: décide
    clauses:
      - label: '1'
        text: 'de réviser la Résolution:'
        clauses:
          - label: a)
            text: de faire ceci;
          - label: b)
            text: de faire cela
      - label: '2'
        text: de continuer,
"""


def test_punctuation_in_french_and_spanish(tmp_path: Path) -> None:
    english = said(check(tmp_path, PUNCTUATION, "en"), "punctuation")
    assert english == [
        (
            "the conference formula ends with '.'; expected ','",
            "end the conference formula with ','",
        ),
        (
            "doubled punctuation ',;', the trace of a tracked change; keep the mark of the "
            "revised text",
            "keep one mark: ';' (an item inside a list ends with ';'), and delete the other",
        ),
        (
            "item b) of 'considérant' ends with ':'; expected ',' (the last item of a preambular "
            "section ends with ','; ':' introduces a sub-list, and this item has none)",
            "end the item with ',', or restore the sub-list its ':' announces",
        ),
        (
            "clause b) of clause 1 of 'décide' ends with no mark; expected ';' (the last clause "
            "of a sub-list ends as the clause it belongs to would)",
            "end the clause with ';'",
        ),
        (
            "clause 2 of 'décide' ends with ','; expected '.' (the last clause of the resolution "
            "ends with '.')",
            "end the clause with '.'",
        ),
    ]
    french_found = check(tmp_path, PUNCTUATION, "fr")
    assert said(french_found, "punctuation") == [
        (
            "la formule de la conférence se termine par '.' ; attendu : ','",
            "terminez la formule de la conférence par ','",
        ),
        (
            "ponctuation doublée ',;', trace du suivi des modifications ; gardez le signe du "
            "texte révisé",
            "gardez un seul signe : ';' (un alinéa à l'intérieur d'une liste se termine par "
            "';'), et supprimez l'autre",
        ),
        (
            "alinéa b) de 'considérant' se termine par ':' ; attendu : ',' (le dernier alinéa "
            "d'une section du préambule se termine par ',' ; ':' annonce une sous-liste, et cet "
            "alinéa n'en a pas)",
            "terminez l'alinéa par ',', ou rétablissez la sous-liste qu'annonce son ':'",
        ),
        (
            "point b) de 'décide' (point 1) ne se termine par aucun signe ; attendu : ';' (le "
            "dernier point d'une sous-liste se termine comme se terminerait le point auquel elle "
            "appartient)",
            "terminez le point par ';'",
        ),
        (
            "point 2 de 'décide' se termine par ',' ; attendu : '.' (le dernier point de la "
            "résolution se termine par '.')",
            "terminez le point par '.'",
        ),
    ]
    spanish_found = check(tmp_path, PUNCTUATION, "es")
    spanish = said(spanish_found, "punctuation")
    assert spanish[3] == (
        "el punto b) de 'décide' (punto 1) no termina en ningún signo; se esperaba ';' (el "
        "último punto de una sublista termina como terminaría el punto al que pertenece)",
        "termine el punto con ';'",
    )
    assert spanish[2][1] == (
        "termine el apartado con ',', o restablezca la sublista que anuncia su ':'"
    )
    for text in every_text(french_found) + every_text(spanish_found):
        assert english_left(text) == [], text


def test_an_unlabelled_entry_with_a_sub_list_is_named_with_its_article(tmp_path: Path) -> None:
    doc = PUNCTUATION.replace("      - label: b)\n        text: 'les travaux:'\n", "").replace(
        "des ressources humaines,;", "des ressources humaines;"
    )
    doc = doc.replace("      - label: a)\n        text: des", "      - text: des")
    doc = doc.replace(
        "          - label: a)\n            text: de faire ceci;",
        "          - label: a)\n            text: 'de faire ceci:'",
    )
    found = said(check(tmp_path, doc, "fr"), "punctuation")
    assert (
        "l'alinéa de 'considérant' se termine par ';' ; attendu : ',' (le dernier alinéa d'une "
        "section du préambule se termine par ',')",
        "terminez l'alinéa par ','",
    ) in found
    assert (
        "point a) de 'décide' (point 1) se termine par ':' ; attendu : ';' (un point à "
        "l'intérieur d'une liste se termine par ';' ; ':' annonce une sous-liste, et ce point "
        "n'en a pas)",
        "terminez le point par ';', ou rétablissez la sous-liste qu'annonce son ':'",
    ) in found


def test_glyphs_are_described_in_the_editors_language() -> None:
    control = textscan.Artefact("glyph", 1, 2, "\x07", "a\x07b")
    garbled = textscan.Artefact("glyph", 0, 9, "ΑBC ДEF", "2")
    one = textscan.Artefact("glyph", 0, 3, "ΑBC", "1")
    assert textscan.describe_glyph(control) == (
        "stray glyph '\\x07' (U+0007 a control character) inside 'a\\x07b'"
    )
    assert textscan.describe_glyph(one) == "1 word garbled by the conversion ('ΑBC')"
    i18n.use("fr")
    assert textscan.describe_glyph(control) == (
        "glyphe parasite '\\x07' (U+0007 un caractère de contrôle) dans 'a\\x07b'"
    )
    assert textscan.describe_glyph(garbled) == ("2 mots brouillés par la conversion ('ΑBC ДEF')")
    assert textscan.describe_glyph(one) == "1 mot brouillé par la conversion ('ΑBC')"
    i18n.use("es")
    assert textscan.describe_glyph(control) == (
        "glifo extraño '\\x07' (U+0007 un carácter de control) dentro de 'a\\x07b'"
    )
    assert textscan.describe_glyph(garbled) == (
        "2 palabras alteradas por la conversión ('ΑBC ДEF')"
    )


def test_a_nested_list_is_named_as_the_numbering_rules_name_it() -> None:
    parent = Entry(("operative", 0, "clauses", 0), "1", "x", ())
    nested = LabelledList("operative", 0, "décide de charger", parent, (), True)
    unlabelled = replace(nested, part="preamble", parent=replace(parent, label=None))
    top = replace(nested, parent=None)
    assert nested.where() == "clause 1 of 'décide de charger'"
    assert unlabelled.where() == "item (unlabelled) of 'décide de charger'"
    assert top.where() == "'décide de charger'"
    i18n.use("fr")
    assert nested.where() == "'décide de charger' (point 1)"
    assert unlabelled.where() == "'décide de charger' (alinéa (sans numéro))"
    assert top.where() == "'décide de charger'"
    i18n.use("es")
    assert nested.where() == "'décide de charger' (punto 1)"
    assert replace(nested, part="annex").where() == "'décide de charger' (párrafo 1)"


def test_the_configuration_gate_in_french_and_spanish(repo: Path) -> None:
    from itures import gate
    from itures.rules import load_all

    write(repo / "resolutions" / "pp" / "191" / "en.yaml", resolution())
    (repo / "pyproject.toml").write_text("[tool.itures]\n")
    base = commit_all(repo, "configuration")
    (repo / "pyproject.toml").write_text(
        '[tool.itures]\nignore = ["numbering-duplicate"]\n\n'
        '[tool.itures.severity]\nfootnote-undefined = "warning"\n'
    )
    roots = [str(repo / "resolutions")]
    i18n.use("fr")
    assert [(d.message, d.help) for d in gate.config_findings(roots, base)] == [
        (
            f"la configuration a désactivé 1 règle depuis {base} : numbering-duplicate",
            "un changement de ce que le contrôle vérifie doit être examiné par un responsable ; "
            "une fois fusionné, les changements suivants sont comparés à la nouvelle "
            "configuration",
        ),
        (
            f"la configuration a abaissé 1 règle d'erreur à avertissement depuis {base} : "
            "footnote-undefined",
            "un changement de ce que le contrôle vérifie doit être examiné par un responsable ; "
            "une fois fusionné, les changements suivants sont comparés à la nouvelle "
            "configuration",
        ),
    ]
    (repo / "pyproject.toml").write_text("[tool.itures]\nselect = []\n")
    names = sorted(load_all())
    i18n.use("es")
    (found,) = gate.config_findings(roots, base)
    assert found.message == (
        f"la configuración desactivó todas las reglas ({len(names)}) desde {base}: "
        f"{', '.join(names[:8])} y {len(names) - 8} más"
    )
    assert english_left(found.help or "") == []
    (repo / "pyproject.toml").write_text(
        '[tool.itures]\nignore = ["numbering-duplicate", "numbering-gap"]\n'
    )
    (found,) = gate.config_findings(roots, base)
    assert found.message == (
        f"la configuración desactivó 2 reglas desde {base}: numbering-duplicate, numbering-gap"
    )


def test_the_command_line_speaks_spanish_about_leftovers(tmp_path: Path) -> None:
    write(tmp_path / "r.yaml", PDF)
    done = run_cli(
        "check", "--no-cache", "--lang", "es", "--format", "concise", "r.yaml", cwd=tmp_path
    )
    assert done.returncode == 1
    assert (
        "r.yaml:15:31: conversion-artefact: marcador de Word '[bookmark: _Toc1]' que "
        "quedó en el texto; elimínelo"
    ) in done.stdout.splitlines()
