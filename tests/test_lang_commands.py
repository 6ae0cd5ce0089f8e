"""diff, log, fmt, render and import speak the language check speaks: ``--lang``,
else ITURES_LANG, else ``[tool.itures] lang`` of the corpus, else English
(docs/messages.md); JSON keys and machine values stay English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import commit_all, resolution, run_cli, write

# each command's run in French and in Spanish: (option or environment) -> words said
FR = {"ITURES_LANG": "fr"}
ES = {"ITURES_LANG": "es_ES.UTF-8"}
NO_LANG = {"ITURES_LANG": ""}


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    old = write(tmp_path / "old.yaml", resolution())
    data = resolution()
    data["title"] = data["title"] + " and more"
    new = write(tmp_path / "new.yaml", data)
    return old, new


def test_diff_speaks_french_and_spanish_by_option_and_environment(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    english = run_cli("diff", str(old), str(new), env=NO_LANG)
    assert english.returncode == 1 and "\nchanged title: " in english.stdout
    french = run_cli("diff", "--lang", "fr", str(old), str(new), env=NO_LANG)
    assert french.returncode == 1 and "\ntitre modifié: " in french.stdout
    spanish = run_cli("diff", str(old), str(new), env=ES)
    assert "\ntítulo modificado: " in spanish.stdout
    same = run_cli("diff", str(old), str(old), env=FR)
    assert same.stdout.endswith("aucune modification\n")
    missing = run_cli("diff", str(old), str(tmp_path / "nope.yaml"), env=ES)
    assert missing.returncode == 2 and "nope.yaml" in missing.stderr
    wrong = run_cli("diff", "--rev", "a", "--rev", "b", "--rev", "c", str(old), env=ES)
    assert wrong.stderr == "itures diff: dé --rev dos veces como máximo\n"


def test_diff_json_keeps_its_keys_and_says_its_notes_in_the_language(tmp_path: Path) -> None:
    old = write(tmp_path / "en.yaml", resolution())
    other = resolution()
    other["language"] = "fr"
    new = write(tmp_path / "fr.yaml", other)
    out = json.loads(run_cli("diff", "--format", "json", str(old), str(new), env=FR).stdout)
    assert out["mismatch"]["kind"] == "language"
    assert out["mismatch"]["note"].startswith("les deux fichiers sont des versions linguistiques")
    assert {c["change"] for c in out["changes"]} <= {"added", "removed", "changed", "moved"}


def test_the_configuration_of_the_corpus_chooses_the_language(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\nlang = "es"\n', encoding="utf-8")
    old, new = _pair(tmp_path)
    proc = run_cli("diff", str(old), str(new), env=NO_LANG, cwd=tmp_path)
    assert "\ntítulo modificado: " in proc.stdout
    # the option wins over the environment, which wins over the configuration
    proc = run_cli("diff", str(old), str(new), env=FR, cwd=tmp_path)
    assert "\ntitre modifié: " in proc.stdout
    proc = run_cli("diff", "--lang", "en", str(old), str(new), env=FR, cwd=tmp_path)
    assert "\nchanged title: " in proc.stdout
    fmt = run_cli("fmt", "--check", str(old), env=NO_LANG, cwd=tmp_path)
    assert "de 1 archivo se reformatearía" in fmt.stderr


@pytest.mark.parametrize("command", ["diff", "log", "fmt", "render", "import"])
def test_an_unknown_language_is_refused_with_exit_2(tmp_path: Path, command: str) -> None:
    path = str(write(tmp_path / "en.yaml", resolution()))
    args = {
        "diff": [path, path],
        "log": [path],
        "fmt": [path],
        "render": [path, "--to", "txt"],
        "import": [path, "-o", str(tmp_path / "out.yaml")],
    }[command]
    proc = run_cli(command, "--lang", "de", *args, env=NO_LANG)
    assert proc.returncode == 2
    assert proc.stderr == (
        f"itures {command}: --lang: unknown language 'de'; expected one of en, fr, es\n"
    )


def test_log_speaks_the_language(repo: Path) -> None:
    write(repo / "resolutions/pp/191/en.yaml", resolution())
    commit_all(repo, "adopted")
    french = run_cli("log", "resolutions/pp/191/en.yaml", "--lang", "fr", env=NO_LANG)
    assert french.returncode == 0, french.stderr
    lines = french.stdout.splitlines()
    assert "historique déclaré :" in lines and "commits :" in lines
    spanish = run_cli("log", "resolutions/pp/191/en.yaml", env=ES)
    assert "historial declarado:" in spanish.stdout.splitlines()
    (repo / "pyproject.toml").write_text('[tool.itures]\nlang = "fr"\n', encoding="utf-8")
    configured = run_cli("log", "resolutions/pp/191/en.yaml", env=NO_LANG)
    assert "historique déclaré :" in configured.stdout.splitlines()
    gone = run_cli("log", "resolutions/pp/191/fr.yaml", env=ES)
    assert gone.returncode == 2 and "ningún commit toca este archivo" in gone.stderr
    # JSON: keys and values as written, whatever the language
    data = json.loads(run_cli("log", "resolutions/pp/191/en.yaml", "--format", "json").stdout)
    assert set(data) == {"path", "heading", "deleted", "history", "commits"}


def test_fmt_speaks_the_language(tmp_path: Path) -> None:
    good = write(tmp_path / "good.yaml", resolution())
    french = run_cli("fmt", "--lang", "fr", str(good), env=NO_LANG)
    assert french.stderr.endswith("fichier sur 1 reformaté\n"), french.stderr
    spanish = run_cli("fmt", "--check", str(good), str(tmp_path / "nope.yaml"), env=ES)
    assert "error: " + str(tmp_path / "nope.yaml") + ": no existe el archivo" in spanish.stderr
    assert spanish.returncode == 2


def test_render_speaks_the_language(tmp_path: Path) -> None:
    good = write(tmp_path / "en.yaml", resolution())
    out = tmp_path / "out.txt"
    french = run_cli("render", str(good), "--to", "txt", "-o", str(out), "--lang", "fr")
    assert french.returncode == 0, french.stderr
    assert french.stderr == f"écrit : {out}\n"
    bad = write(tmp_path / "bad" / "en.yaml", "body: pp\n")
    spanish = run_cli("render", str(bad), "--to", "txt", env=ES)
    assert spanish.returncode == 1
    assert spanish.stderr.endswith("1 archivo no generado: no es una resolución válida\n")
    width = run_cli("render", str(good), "--to", "txt", "--width", "-1", env=FR)
    assert width.stderr == (
        "itures render: --width doit valoir 0 (pas de retour à la ligne) ou plus\n"
    )


def test_import_speaks_the_language(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("Lorem ipsum dolor sit amet.\n\nConsectetur adipiscing.\n", "utf-8")
    out = str(tmp_path / "out.yaml")
    french = run_cli("import", str(source), "-o", out, "--lang", "fr", env=NO_LANG)
    assert french.returncode == 1
    assert "impossible de reconnaître la langue du document ; donnez --language" in (french.stderr)
    spanish = run_cli("import", str(source), "-o", out, "--format", "json", env=ES)
    report = json.loads(spanish.stdout)
    assert "no se puede determinar el idioma del documento" in json.dumps(
        report, ensure_ascii=False
    )
    missing = run_cli("import", str(tmp_path / "nope.txt"), "-o", out, env=ES)
    assert missing.returncode == 2
    assert missing.stderr == f"itures import: {tmp_path / 'nope.txt'}: no existe el archivo\n"


def test_check_says_a_missing_path_in_the_language(tmp_path: Path) -> None:
    proc = run_cli("check", "--lang", "fr", "--no-cache", str(tmp_path / "nope.yaml"))
    assert f"{tmp_path / 'nope.yaml'} : fichier ou répertoire introuvable" in (
        proc.stdout + proc.stderr
    )
    english = run_cli("check", "--no-cache", str(tmp_path / "nope.yaml"), env=NO_LANG)
    assert f"{tmp_path / 'nope.yaml'}: no such file or directory" in (
        english.stdout + english.stderr
    )
