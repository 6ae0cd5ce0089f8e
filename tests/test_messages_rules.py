"""Verbs, history, references, markup, suppressions, the CI gate and the check
command speak French and Spanish: each finding's message says what is wrong,
its help how to fix it, both in the editor's language."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from itures import i18n
from itures.config import Config, load
from itures.corpus import check_paths
from itures.diagnostics import Diagnostic
from itures.model import markup as mk
from tests.conftest import commit_all, resolution, run_cli, write


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    yield
    i18n.use("en")


def check(tmp: Path, files: dict[str, str], lang: str, toml: str = "") -> list[Diagnostic]:
    for rel, text in files.items():
        target = tmp / lang / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = Config()
    if toml:
        (tmp / lang / "pyproject.toml").write_text(toml, encoding="utf-8")
        config = load(tmp / lang / "pyproject.toml")
    result = check_paths([tmp / lang], replace(config, lang=lang))
    return result.diagnostics


def of(diagnostics: list[Diagnostic], rule: str) -> list[tuple[str, str | None]]:
    return [(d.message, d.help) for d in diagnostics if d.rule == rule]


HEAD = "body: wtdc\nnumber: '1'\nlanguage: {lang}\ntitle: T\n"


def test_verbs(tmp_path: Path) -> None:
    doc = (
        HEAD.format(lang="fr") + "history: [{event: revised, place: Buenos Aires, year: 2017}]\n"
        "preamble:\n"
        "  - verb: considerng\n    heading: considérant\n    items: [{label: a), text: 'x,'}]\n"
        "  - verb: considering\n    heading: rappelant\n    items: [{label: a), text: 'x,'}]\n"
        "operative:\n"
        "  - verb: recalling\n    heading: décide\n    clauses: [{label: '1', text: 'x.'}]\n"
    )
    english = check(tmp_path, {"r.yaml": doc}, "en")
    assert of(english, "verb-unknown") == [
        (
            "'considerng' is not a preambular verb of the vocabulary",
            "write 'considering', as the heading 'considérant' reads, or add "
            "'considerng' in [tool.itures.verbs.preamble]",
        ),
        (
            "'recalling' is a preambular verb, not an operative one: this section is in the "
            "operative part",
            "move the section, or correct the verb: the heading 'décide' reads as resolves",
        ),
    ]
    assert of(english, "heading-mismatch")[0] == (
        "the heading 'rappelant' is that of recalling, not of considering",
        "correct the verb to recalling, or the heading: considering is written 'considérant'",
    )
    french = check(tmp_path, {"r.yaml": doc}, "fr")
    assert of(french, "verb-unknown") == [
        (
            "'considerng' ne figure pas parmi les verbes du préambule du vocabulaire",
            "écrivez 'considering', comme se lit l'intitulé 'considérant', ou ajoutez "
            "'considerng' dans [tool.itures.verbs.preamble]",
        ),
        (
            "'recalling' est un verbe du préambule, non du dispositif : cette section est dans "
            "le dispositif",
            "déplacez la section, ou corrigez le verbe : l'intitulé 'décide' se lit comme resolves",
        ),
    ]
    assert of(french, "heading-mismatch")[0] == (
        "l'intitulé 'rappelant' est celui de recalling, non de considering",
        "remplacez le verbe par recalling, ou corrigez l'intitulé : considering s'écrit "
        "'considérant'",
    )
    spanish = check(tmp_path, {"r.yaml": doc}, "es")
    assert of(spanish, "verb-unknown")[1] == (
        "'recalling' es un verbo del preámbulo, no de la parte dispositiva: esta sección está "
        "en la parte dispositiva",
        "traslade la sección, o corrija el verbo: el encabezamiento 'décide' corresponde a "
        "resolves",
    )
    assert of(spanish, "heading-mismatch")[0][0] == (
        "el encabezamiento 'rappelant' es el de recalling, no el de considering"
    )


def test_further_words_are_joined_in_the_language(tmp_path: Path) -> None:
    doc = (
        HEAD.format(lang="en") + "history: [{event: revised, place: Buenos Aires, year: 2017}]\n"
        "preamble:\n"
        "  - verb: further_noting\n    heading: noting\n    items: [{label: a), text: 'x,'}]\n"
    )
    [(message, fix)] = of(check(tmp_path, {"r.yaml": doc}, "es"), "heading-mismatch")
    assert message.startswith("el verbo further_noting requiere un encabezamiento con 'además' (")
    assert " o '" in message and " or " not in message
    assert fix == "corrija el encabezamiento, o cambie el verbo a noting"


def test_history(tmp_path: Path) -> None:
    future = datetime.date.today().year + 50
    doc = (
        HEAD.format(lang="fr") + "history:\n"
        "  - {event: revised, place: Genève, year: 2017}\n"
        "  - {event: adopted, place: Dubaï, year: 2014}\n"
        f"  - {{event: revised, place: Kigali, year: {future}}}\n"
        "preamble:\n"
        "  - verb: recalling\n    heading: rappelant\n    items: [{label: a), text: 'x,'}]\n"
    )
    french = of(check(tmp_path, {"r.yaml": doc}, "fr"), "history")
    assert (
        "la CMDT s'est réunie à Buenos Aires en 2017, et non à Genève",
        "corrigez le lieu (Buenos Aires) ou l'année",
    ) in french
    assert (
        "l'adoption est l'entrée 2 de l'historique : un historique commence par l'adoption "
        "(du plus ancien au plus récent)",
        "placez l'adoption en premier, ou faites-en une révision (event: revised)",
    ) in french
    assert (
        "2014 vient après 2017 : l'historique va du plus ancien au plus récent",
        "rangez les entrées dans l'ordre de leurs années",
    ) in french
    assert any(m.startswith(f"{future} est postérieure à l'année en cours") for m, _ in french)
    spanish = of(check(tmp_path, {"r.yaml": doc}, "es"), "history")
    assert (
        "la CMDT se reunió en Buenos Aires en 2017, no en Genève",
        "corrija el lugar (Buenos Aires) o el año",
    ) in spanish
    english = of(check(tmp_path, {"r.yaml": doc}, "en"), "history")
    assert ("WTDC met in Buenos Aires in 2017, not in Genève") in [m for m, _ in english]


def test_history_names_each_body_with_its_article() -> None:
    from itures.rules.history import conference

    i18n.use("fr")
    assert [conference(b) for b in ("pp", "wtsa", "ra", "council")] == [
        "la Conférence de plénipotentiaires",
        "l'AMNT",
        "l'AR",
        "COUNCIL",
    ]
    i18n.use("es")
    assert conference("pp") == "la Conferencia de Plenipotenciarios"
    assert conference("wtsa") == "la AMNT"


CITED = (
    "body: pp\nnumber: '131'\nlanguage: {lang}\ntitle: T\n"
    "history: [{{event: adopted, place: Dubai, year: 2018}}]\n"
    "preamble:\n"
    "  - verb: recalling\n    heading: recalling\n    items: [{{label: a), text: 'x,'}}]\n"
    "operative:\n"
    "  - verb: resolves\n    heading: resolves\n"
    "    clauses: [{{label: '1', text: 'x,', clauses: [{{label: '1.1', text: 'x.'}}]}}]\n"
    "annexes:\n  - {{label: '1', heading: ANNEX, items: [{{label: '1', text: 'x.'}}]}}\n"
)


def citing(lang: str, text: str) -> str:
    return (
        HEAD.format(lang=lang) + "history: [{event: adopted, place: Kigali, year: 2022}]\n"
        "preamble:\n  - verb: recalling\n    heading: recalling\n    items:\n"
        f"      - text: >-\n          {text}\n"
    )


def test_references(tmp_path: Path) -> None:
    words = (
        "[item b](pp:131#recalling/b), [clause 1.2](pp:131#resolves/1/2), "
        "[paragraph 2](pp:131#annex/1/2), [Rev. 2014](pp:131@2014), [Res. 9](pp:9),"
    )
    toml = '[tool.itures]\nreference-scope = ["pp"]\n'
    for lang, expected in {
        "en": [
            "has no item 'b' in 'recalling' (its items: a))",
            "has no clause '2' in clause 1 of 'resolves' (its clauses: 1.1)",
            "has no paragraph '2' in Annex 1 (its paragraphs: 1)",
            "'Rev. 2014' cites pp:131 as of 2014, but its history",
            "'Res. 9' cites pp:9, which the corpus does not have (pp is in the reference scope)",
        ],
        "fr": [
            "n'a pas d'alinéa 'b' dans 'recalling' (ses alinéas : a))",
            "n'a pas de point '2' dans 'resolves', point 1 (ses points : 1.1)",
            "n'a pas de paragraphe '2' dans l'annexe 1 (ses paragraphes : 1)",
            "'Rev. 2014' cite pp:131 dans sa version de 2014, mais son historique",
            "'Res. 9' cite pp:9, que le corpus n'a pas (pp fait partie du périmètre des "
            "références)",
        ],
        "es": [
            "no tiene apartado 'b' en 'recalling' (sus apartados: a))",
            "no tiene punto '2' en 'resolves', punto 1 (sus puntos: 1.1)",
            "no tiene párrafo '2' en el anexo 1 (sus párrafos: 1)",
            "'Rev. 2014' cita pp:131 en su versión de 2014, pero su historial",
            "'Res. 9' cita pp:9, que el corpus no tiene (pp está en el ámbito de las referencias)",
        ],
    }.items():
        files = {
            "pp/131/en.yaml": CITED.format(lang="en"),
            "wtdc/1/en.yaml": citing("en", words),
        }
        found = [
            d
            for d in check(tmp_path, files, lang, toml)
            if d.rule.startswith("reference-") and d.rule != "reference-text"
        ]
        assert len(found) == len(expected), [d.message for d in found]
        for d, want in zip(found, expected, strict=True):
            assert want in d.message
            assert d.help
        helps = {d.rule: d.help for d in found}
        if lang == "fr":
            assert helps["reference-revision"] == (
                "corrigez l'année (@YEAR) et les mots, ou l'historique de la résolution citée"
            )
        if lang == "es":
            assert helps["reference-unresolved"] in (
                "compruebe el órgano y el número, o añada la resolución",
                "corrija la parte que designa la cita (después de '#') y sus palabras, "
                "o la resolución citada",
            )


def test_reference_text(tmp_path: Path) -> None:
    text = "[les Résolutions 17, 26, 44 et 45 (Rév.Dubaï, 2012) de l'AMNT](wtsa:17,26,44@2017),"
    doc = {"r.yaml": citing("fr", text)}
    english = of(check(tmp_path, doc, "en"), "reference-text")
    assert english[0][0].endswith(
        "the words say numbers 17, 26, 44 and 45, the target 17, 26 and 44; "
        "revision 2012, the target 2017"
    )
    assert english[0][1] == (
        "correct the words to say what the target says (wtsa:17,26,44@2017), "
        "or the target to wtsa:17,26,44,45@2012"
    )
    french = of(check(tmp_path, doc, "fr"), "reference-text")
    assert french[0][0].endswith(
        "ne concordent pas : les mots indiquent les numéros 17, 26, 44 et 45, la cible 17, 26 "
        "et 44 ; la révision 2012, la cible 2017"
    )
    assert french[0][1] == (
        "corrigez les mots pour qu'ils disent ce que dit la cible (wtsa:17,26,44@2017), "
        "ou remplacez la cible par wtsa:17,26,44,45@2012"
    )
    spanish = of(check(tmp_path, doc, "es"), "reference-text")
    assert (
        "las palabras indican los números 17, 26, 44 y 45, el destino 17, 26 y 44"
        in (spanish[0][0])
    )
    assert spanish[0][1] == (
        "corrija las palabras para que digan lo que dice el destino (wtsa:17,26,44@2017), "
        "o cambie el destino a wtsa:17,26,44,45@2012"
    )


def test_markup(tmp_path: Path) -> None:
    doc = {"r.yaml": citing("fr", "[Résolution 57](wtsa:57#resolves/9@2012), une note[^1 sans fin")}
    english = of(check(tmp_path, doc, "en"), "markup")
    assert english == [
        (
            "citation target 'wtsa:57#resolves/9@2012' puts the revision after the clause, "
            "where it reads as part of the clause's label",
            "write 'wtsa:57@2012#resolves/9': the order is BODY:NUMBER@YEAR#FRAGMENT",
        ),
        (
            "footnote marker '[^' is not closed with ']'",
            "close it with ']' after the footnote's id ([^1]), or remove it",
        ),
    ]
    french = of(check(tmp_path, doc, "fr"), "markup")
    assert french == [
        (
            "la cible de citation 'wtsa:57#resolves/9@2012' place la révision après le point, "
            "où elle se lit comme une partie de son numéro",
            "écrivez 'wtsa:57@2012#resolves/9' : l'ordre est BODY:NUMBER@YEAR#FRAGMENT",
        ),
        (
            "l'appel de note '[^' n'est pas fermé par ']'",
            "fermez-le par ']' après l'id de la note ([^1]), ou supprimez-le",
        ),
    ]
    spanish = of(check(tmp_path, doc, "es"), "markup")
    assert (
        spanish[0][1] == "escriba 'wtsa:57@2012#resolves/9': el orden es BODY:NUMBER@YEAR#FRAGMENT"
    )
    assert spanish[1][0] == "la llamada de nota '[^' no se cierra con ']'"


def test_markup_problems_are_parsed_in_the_current_language() -> None:
    i18n.use("es")
    _, problems = mk.parse("las [Resoluciones 1 y 2](pp:1,2#resolves/3)")
    assert problems[0].message == (
        "el destino de la cita 'pp:1,2#resolves/3' designa un punto o un anexo de varias "
        "resoluciones"
    )
    assert problems[0].help == (
        "dé a cada resolución su propia cita, con el punto de aquella a la que pertenece"
    )
    assert mk.parse_target("PP 1") == (
        "el destino de la cita 'PP 1' no tiene la forma BODY:NUMBER[@YEAR][#FRAGMENT] "
        "(p. ej., pp:123@2010, wtsa:17,26@2012, pp:191#resolves/3)"
    )


def test_suppressions(tmp_path: Path) -> None:
    doc = (
        HEAD.format(lang="en") + "history: [{event: adopted, place: Geneva, year: 1992}]\n"
        "preamble:\n  - verb: recalling\n    heading: recalling\n    items:\n"
        "      # itures: ignore[numbering-gap]\n"
        "      - {label: a), text: 'x,'}\n"
        "      # itures: ignore[numbering-gapp] reason: as published\n"
        "      - {label: b), text: 'x,'}\n"
        "      # itures: ignore[schema] reason: as published\n"
        "      - {label: c), text: 'x,'}\n"
    )
    english = of(check(tmp_path, {"r.yaml": doc}, "en"), "suppression-invalid")
    assert english == [
        (
            "a suppression needs a reason (why the published text is kept as it is)",
            "write # itures: ignore[RULE, ...] reason: WHY",
        ),
        ("the suppression names unknown rule 'numbering-gapp'", "did you mean 'numbering-gap'?"),
        (
            "'schema' findings cannot be suppressed",
            "fix the file: a file that cannot be read, or that does not follow the schema, "
            "is not checked",
        ),
    ]
    french = of(check(tmp_path, {"r.yaml": doc}, "fr"), "suppression-invalid")
    assert french == [
        (
            "une instruction ignore doit donner une raison (pourquoi le texte publié est "
            "conservé tel quel)",
            "écrivez # itures: ignore[RULE, ...] reason: WHY",
        ),
        (
            "l'instruction ignore nomme une règle inconnue, 'numbering-gapp'",
            "vouliez-vous dire 'numbering-gap' ?",
        ),
        (
            "les erreurs 'schema' ne peuvent pas être ignorées",
            "corrigez le fichier : un fichier illisible, ou non conforme au schéma, n'est pas "
            "vérifié",
        ),
    ]
    i18n.use("fr")
    from itures.rules.suppressions import Suppressed

    kept = Suppressed(Diagnostic("numbering-gap", "error", "r.yaml", 3, 4, "x"), "as published")
    assert str(kept).endswith("x [ignoré : as published]")
    spanish = of(check(tmp_path, {"r.yaml": doc}, "es"), "suppression-invalid")
    assert spanish[1] == (
        "la instrucción ignore nombra una regla desconocida, 'numbering-gapp'",
        "¿quería decir 'numbering-gap'?",
    )


def test_the_gate(repo: Path) -> None:
    from itures.gate import GATE_RULES, check_since

    cited = repo / "resolutions/pp/191/en.yaml"
    en = resolution()
    en["history"] = [
        {"event": "adopted", "place": "Minneapolis", "year": 1998},
        {"event": "revised", "place": "Busan", "year": 2014},
    ]
    fr = resolution(language="fr")
    fr["history"] = en["history"]
    write(cited, en)
    write(repo / "resolutions/pp/191/fr.yaml", fr)
    base = commit_all(repo, "two languages")
    fr["operative"][0]["clauses"].append({"label": "4", "text": "de faire rapport."})
    write(repo / "resolutions/pp/191/fr.yaml", fr)
    en["history"] = en["history"][1:]
    write(cited, en)

    def gate(lang: str) -> dict[str, tuple[str, str | None]]:
        result = check_since(["resolutions"], base, config=Config(lang=lang))
        return {d.rule: (d.message, d.help) for d in result.diagnostics if d.rule in GATE_RULES}

    english = gate("en")
    assert english["history-rewritten"] == (
        "history entry 1 of the base revision (adopted Minneapolis, 1998) was removed, "
        "altered or moved",
        "restore the entry as it was: a history only grows (entries are added, never changed "
        "or removed)",
    )
    assert english["language-drift"][0].startswith(
        "the structure of this language version changed (resolves 4 was added) but not that of en"
    )
    french = gate("fr")
    assert french["history-rewritten"][0] == (
        "l'entrée 1 de l'historique de la révision de base (adopted Minneapolis, 1998) a été "
        "supprimée, modifiée ou déplacée"
    )
    assert french["language-drift"] == (
        "la structure de cette version linguistique a changé (ajout : resolves 4), mais pas "
        "celle de la version en",
        "modifiez toutes les versions linguistiques de la même manière : mêmes sections, "
        "mêmes numéros, mêmes notes et mêmes annexes",
    )
    spanish = gate("es")
    assert spanish["language-drift"][0] == (
        "la estructura de esta versión lingüística cambió (se añadió resolves 4), pero no la "
        "de la versión en"
    )
    assert spanish["history-rewritten"][1] == (
        "restablezca la entrada tal como era: un historial solo crece (se le añaden entradas, "
        "nunca se modifican ni se suprimen)"
    )


def test_the_check_command_speaks_the_language(tmp_path: Path) -> None:
    path = write(tmp_path / "r.yaml", resolution())
    proc = run_cli("check", "--lang", "fr", "--jobs", "0", str(path))
    assert proc.returncode == 2
    assert proc.stderr.strip() == "itures check: --jobs doit valoir 1 ou plus"
    proc = run_cli("check", "--lang", "es", "--corpus", str(tmp_path / "none"), str(path))
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"itures check: --corpus {tmp_path / 'none'}: no es un directorio"
    )
