"""Messages in English, French and Spanish: complete catalogues, chosen as documented."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from itures import i18n
from tests.conftest import ROOT, run_cli, write

MESSAGES = ROOT / "scripts" / "messages.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("messages_script", MESSAGES)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["messages_script"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    pytest.importorskip("babel")
    return _script()


def test_every_message_of_the_code_is_translated_with_its_placeholders(
    script: ModuleType,
) -> None:
    template = script.extract()
    assert len(template) > 5  # the extraction finds the messages
    for lang in script.LANGUAGES:
        assert script.problems(template, lang) == []


def test_every_literal_message_of_the_code_is_extracted(script: ModuleType) -> None:
    # (a message written inside the arguments of another tr call is not
    # extracted, and so never translated: its words stay English in a French
    # help; such a message is built before the call that uses it)
    import ast

    extracted = {m.id for m in script.extract() if m.id}
    missed = []
    for path in sorted((ROOT / "src" / "itures").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value not in extracted
            ):
                missed.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.args[0].value!r}")
    assert missed == []


def test_the_compiled_catalogues_are_those_of_the_sources(script: ModuleType) -> None:
    for lang in script.LANGUAGES:
        mo = script.po_path(lang).with_suffix(".mo")
        assert mo.read_bytes() == script.compiled(script.read(lang)), (
            f"{mo} is stale: run python scripts/messages.py"
        )


def test_the_check_finds_a_missing_translation_and_a_changed_placeholder(
    script: ModuleType,
) -> None:
    from babel.messages.catalog import Catalog

    template = Catalog()
    template.add("footnote '{id}' is not marked anywhere in the text")
    template.add("a message nobody translated {x}")
    found = script.problems(template, "fr")
    assert any("no translation of 'a message nobody translated {x}'" in p for p in found)
    assert any("is no longer a message of the code" in p for p in found)
    assert script.placeholders("la note '{ident}'") != script.placeholders("footnote '{id}'")


@pytest.fixture
def english() -> object:
    yield
    i18n.use("en")


def test_a_message_the_catalogue_lacks_is_shown_in_english(english: object) -> None:
    i18n.use("fr")
    assert i18n.tr("footnote '{id}' is not marked anywhere in the text", id="3") == (
        "la note '3' n'est appelée nulle part dans le texte"
    )
    assert i18n.tr("nothing translates {this}", this="x") == "nothing translates x"
    with pytest.raises(ValueError, match="unknown language 'de'"):
        i18n.use("de")


def _broken(tmp_path: Path) -> Path:
    return write(
        tmp_path / "r.yaml",
        "body: wtdc\nnumber: '1'\nlanguage: fr\ntitle: T\n"
        "history: [{event: adopted, place: Genève, year: 2000}]\n"
        "preamble:\n  - verb: considering\n    heading: considérant\n    items:\n"
        "      - text: que[^2] les pays,\n",
    )


def _message(proc_stdout: str) -> str:
    return str(json.loads(proc_stdout)["diagnostics"][0]["message"])


def test_the_language_is_chosen_by_option_environment_then_configuration(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    english = _message(run_cli("check", "--format", "json", str(path)).stdout)
    assert english.startswith("footnote marker [^2] has no footnote")
    french = _message(run_cli("check", "--format", "json", "--lang", "fr", str(path)).stdout)
    assert french.startswith("l'appel de note [^2] ne renvoie à aucune note")
    spanish = run_cli("check", "--format", "json", str(path), env={"ITURES_LANG": "es"})
    assert _message(spanish.stdout).startswith("la llamada de nota [^2] no remite")
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\nlang = "fr"\n', encoding="utf-8")
    configured = run_cli("check", "--format", "json", str(path), env={"ITURES_LANG": ""})
    assert _message(configured.stdout) == french
    # the option wins over the environment, the environment over the configuration
    both = run_cli(
        "check", "--format", "json", "--lang", "en", str(path), env={"ITURES_LANG": "es"}
    )
    assert _message(both.stdout) == english
    env_wins = run_cli("check", "--format", "json", str(path), env={"ITURES_LANG": "es_ES.UTF-8"})
    assert _message(env_wins.stdout) == _message(spanish.stdout)
    # rule names and keys stay English
    record = json.loads(env_wins.stdout)["diagnostics"][0]
    assert record["rule"] == "footnote-undefined" and "message" in record


def test_an_unknown_language_is_refused_with_exit_2(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    proc = run_cli("check", "--lang", "de", str(path))
    assert proc.returncode == 2
    assert "--lang: unknown language 'de'; expected one of en, fr, es" in proc.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\nlang = "it"\n', encoding="utf-8")
    proc = run_cli("check", str(path), env={"ITURES_LANG": ""})
    assert proc.returncode == 2 and "lang = 'it'" in proc.stderr


def test_the_cache_keeps_the_languages_apart(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    first = _message(run_cli("check", "--format", "json", "--lang", "fr", str(path)).stdout)
    second = _message(run_cli("check", "--format", "json", "--lang", "es", str(path)).stdout)
    third = _message(run_cli("check", "--format", "json", "--lang", "fr", str(path)).stdout)
    assert first == third != second


def test_the_summary_line_is_in_the_language_of_the_messages(tmp_path: Path) -> None:
    """The last line of the terminal report ("1 file checked: 1 error, ...")
    is said in the chosen language, as the findings above it are."""
    path = _broken(tmp_path)
    lines = {
        lang: run_cli("check", "--no-cache", "--lang", lang, str(path))
        .stdout.strip()
        .splitlines()[-1]
        for lang in ("en", "fr", "es")
    }
    assert lines["en"] == "1 file checked: 1 error, 0 warnings"
    assert lines["fr"] == "1 fichier vérifié : 1 erreur, 0 avertissements"
    assert lines["es"] == "1 archivo revisado: 1 error, 0 advertencias"
    clean = write(
        tmp_path / "clean" / "r.yaml", path.read_text(encoding="utf-8").replace("[^2]", "")
    )
    assert (
        run_cli("check", "--no-cache", "--lang", "fr", str(clean))
        .stdout.strip()
        .endswith("1 fichier vérifié : aucun problème")
    )


# a help: an English message that starts with what to do
_DO = (
    r"^(?:write|delete|give|put|rename|add|remove|move|correct|replace|translate|split|join|"
    r"quote|indent|close|mark|use|type|retype|keep|change|relabel|cite|end)\b"
)


@pytest.mark.parametrize(
    ("lang", "imperative"),
    [
        # 'écrivez', 'supprimez-la', 'ne gardez que': the polite imperative
        ("fr", r"^(?:ne |n')?\S*ez(?:-\w+)?\b"),
        # 'escriba', 'suprímalo', 'dé': not an infinitive ('escribir', 'dar')
        ("es", r"^(?!\S*(?:ar|er|ir)\b)"),
    ],
)
def test_a_help_tells_the_editor_what_to_do_in_one_mood(lang: str, imperative: str) -> None:
    """Every help that says what to do is in the imperative in French and
    Spanish ('écrivez', 'escriba'), as most are, not in the infinitive
    ('écrire', 'escribir') of a few."""
    import re

    from babel.messages.pofile import read_po

    po = ROOT / "src" / "itures" / "locale" / lang / "LC_MESSAGES" / "itures.po"
    with po.open("rb") as f:
        catalogue = read_po(f)
    wrong = [
        (m.id, m.string)
        for m in catalogue
        if isinstance(m.id, str)
        and isinstance(m.string, str)
        and re.match(_DO, m.id)
        and not re.match(imperative, m.string)
    ]
    assert not wrong, wrong
