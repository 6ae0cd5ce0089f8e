"""itures render on the command line: outputs, diagnostics, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CLEAN, MINIMAL, SEED_YAML, resolution, run_cli, write
from tests.render.helpers import WTSA57


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus of two resolutions, one citing a clause of the other."""
    root = tmp_path / "repo" / "resolutions"
    write(root / "wtsa" / "57" / "fr.yaml", WTSA57)
    citing = resolution(
        language="fr",
        conference="[décide 3 de la Résolution 57](wtsa:57@2012#resolves/3) de l'AMNT",
    )
    write(root / "pp" / "191" / "fr.yaml", citing)
    return root


def test_one_file_goes_to_standard_output() -> None:
    proc = run_cli("render", "--to", "txt", str(SEED_YAML))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].strip() == "RÉSOLUTION 59 (RÉV. BUENOS AIRES, 2017)"
    assert proc.stderr == ""


def test_one_file_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    proc = run_cli("render", "--to", "html", "-o", str(out), str(SEED_YAML))
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # rendering again replaces what render wrote
    assert run_cli("render", "--to", "html", "-o", str(out), str(SEED_YAML)).returncode == 0
    # a file render did not write (or that was edited since) is not replaced without --force
    out.write_text("old", encoding="utf-8")
    refused = run_cli("render", "--to", "html", "-o", str(out), str(SEED_YAML))
    assert refused.returncode == 2
    assert "not written by itures render (or edited since)" in refused.stderr
    assert "give --force" in refused.stderr and out.read_text(encoding="utf-8") == "old"
    forced = run_cli("render", "--to", "html", "--force", "-o", str(out), str(SEED_YAML))
    assert forced.returncode == 0, forced.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # no temporary left; the manifest of what render wrote
    assert sorted(p.name for p in tmp_path.iterdir()) == [".itures-rendered", "page.html"]


def test_dash_is_standard_output() -> None:
    proc = run_cli("render", "--to", "txt", "-o", "-", str(SEED_YAML))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].strip() == "RÉSOLUTION 59 (RÉV. BUENOS AIRES, 2017)"


def test_a_refusal_in_a_directory_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    foreign = out / "wtsa" / "57" / "fr.html"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("a page of someone else's", encoding="utf-8")
    proc = run_cli("render", "--to", "html", "-o", str(out), str(corpus), cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{foreign}: not written by itures render" in proc.stderr
    assert "nothing written" in proc.stderr
    assert not (out / "pp").exists()
    assert foreign.read_text(encoding="utf-8") == "a page of someone else's"
    # rendered once with --force, then again without: render replaces what it wrote
    assert run_cli("render", "--to", "html", "--force", "-o", str(out), str(corpus)).returncode == 0
    again = run_cli("render", "--to", "html", "-o", str(out), str(corpus), cwd=tmp_path)
    assert again.returncode == 0, again.stderr


def test_a_directory_mirrors_the_corpus_and_links_work(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    proc = run_cli("render", "--to", "html", "-o", str(out), str(corpus), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    citing = (out / "pp" / "191" / "fr.html").read_text(encoding="utf-8")
    cited = (out / "wtsa" / "57" / "fr.html").read_text(encoding="utf-8")
    assert 'href="../../wtsa/57/fr.html#resolves-3"' in citing
    assert 'id="resolves-3"' in cited
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html")) == [
        "pp/191/fr.html",
        "wtsa/57/fr.html",
    ]


def test_the_corpus_option_links_a_single_file(corpus: Path, tmp_path: Path) -> None:
    target = corpus / "pp" / "191" / "fr.yaml"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    alone = run_cli("render", "--to", "md", str(target), cwd=elsewhere)
    linked = run_cli("render", "--to", "md", "--corpus", str(corpus), str(target), cwd=elsewhere)
    # by default, the resolutions/ directory of the current repository
    default = run_cli("render", "--to", "md", str(target), cwd=corpus.parent)
    assert "](../../wtsa/57/fr.md#resolves-3)" not in alone.stdout
    assert "](../../wtsa/57/fr.md#resolves-3)" in linked.stdout
    assert default.stdout == linked.stdout


def test_akn_for_several_files(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "akn"
    proc = run_cli("render", "--to", "akn", "-o", f"{out}/", str(corpus), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (out / "wtsa" / "57" / "fr.xml").read_text(encoding="utf-8").startswith("<?xml")


def test_an_invalid_file_is_reported_as_check_does(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.yaml", MINIMAL.replace("year: 2018", "year: later"))
    good = write(tmp_path / "pp" / "191" / "en.yaml", CLEAN)
    out = tmp_path / "out"
    proc = run_cli("render", "--to", "md", "-o", str(out), str(bad), str(good), cwd=tmp_path)
    assert proc.returncode == 1
    assert f"{bad}:8:11: schema: " in proc.stderr
    assert "Traceback" not in proc.stderr
    assert (out / "pp" / "191" / "en.md").exists()  # the valid one is rendered
    alone = run_cli("render", "--to", "md", str(bad), cwd=tmp_path)
    assert alone.returncode == 1 and alone.stdout == ""
    # the one file given, invalid, to a file: said as without -o, nothing written
    to_file = run_cli("render", "--to", "md", "-o", "bad.md", str(bad), cwd=tmp_path)
    assert to_file.returncode == 1, to_file.stderr
    assert "1 file not rendered: not valid resolutions" in to_file.stderr
    assert "names one" not in to_file.stderr
    assert not (tmp_path / "bad.md").exists()


def test_a_marker_with_no_footnote_is_rendered_with_a_warning(tmp_path: Path) -> None:
    """A marker naming no footnote is rendered as written (a note number with
    no note), and said on stderr as ``itures check`` says it: the rendering
    still succeeds."""
    data = resolution()
    data["operative"][0]["clauses"][1]["text"] = "to avoid duplication[^7];"
    path = write(tmp_path / "pp" / "191" / "en.yaml", data)
    proc = run_cli("render", "--to", "txt", str(path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "footnote-undefined: footnote marker [^7] has no footnote" in proc.stderr
    assert proc.stderr.rstrip().endswith("(rendered as written)")
    clean = run_cli("render", "--to", "txt", str(write(tmp_path / "c.yaml", CLEAN)), cwd=tmp_path)
    assert clean.returncode == 0 and "footnote-undefined" not in clean.stderr


def test_not_yaml_is_a_yaml_syntax_diagnostic(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.yaml", "title: [unclosed\n")
    proc = run_cli("render", "--to", "txt", str(bad), cwd=tmp_path)
    assert proc.returncode == 1
    assert ": yaml-syntax: " in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["render", str(SEED_YAML)], "--to"),
        (["render", "--to", "pdf", str(SEED_YAML)], "invalid choice"),
        (["render", "--to", "txt", "missing.yaml"], "missing.yaml: no such file"),
        (["render", "--to", "txt", "--width", "-1", str(SEED_YAML)], "--width"),
        (["render", "--to", "txt", "--corpus", "nowhere", str(SEED_YAML)], "not a directory"),
    ],
)
def test_bad_arguments_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_several_files_need_a_directory(corpus: Path, tmp_path: Path) -> None:
    proc = run_cli("render", "--to", "txt", str(corpus), cwd=tmp_path)
    assert proc.returncode == 2
    assert "give a directory with -o" in proc.stderr
    assert proc.stdout == ""


def test_two_files_for_one_target_exit_2(tmp_path: Path) -> None:
    one = write(tmp_path / "a.yaml", CLEAN)
    two = write(tmp_path / "b.yaml", CLEAN)
    proc = run_cli("render", "--to", "txt", "-o", str(tmp_path / "out"), str(one), str(two))
    assert proc.returncode == 2
    assert "would both be rendered to" in proc.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("command", [["render", "--to", "html"], ["check"]])
def test_an_output_that_cannot_be_written_is_said_not_called_a_defect(
    command: list[str], tmp_path: Path
) -> None:
    """A full disk behind standard output: the command says its output cannot
    be written (exit 2), not "internal error ... a defect of itures"."""
    import os
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "itures", *command, str(SEED_YAML)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            env={**os.environ, "ITURES_DAEMON": "off", "ITURES_CACHE_DIR": str(tmp_path)},
        )
    assert proc.returncode == 2, proc.stderr
    assert f"itures {command[0]}: cannot write the output: No space left on device" in proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(not Path("/proc/version").exists(), reason="no /proc here")
def test_a_file_that_cannot_be_made_is_named_as_given_not_by_a_temporary_name(
    tmp_path: Path,
) -> None:
    proc = run_cli("render", "--to", "html", "-o", "/proc/page.html", str(SEED_YAML), cwd=tmp_path)
    assert proc.returncode == 2
    assert "itures render: cannot write /proc/page.html: " in proc.stderr, proc.stderr
    assert ".itures-" not in proc.stderr and ".tmp" not in proc.stderr


def test_a_file_where_the_output_directory_would_go_writes_nothing(
    corpus: Path, tmp_path: Path
) -> None:
    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    proc = run_cli("render", "--to", "html", "-o", "afile/site", str(corpus), cwd=tmp_path)
    assert proc.returncode == 2
    assert "afile is a file, not a directory" in proc.stderr and "nothing written" in proc.stderr
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(("to", "out"), [("html", "page.md"), ("md", "page.xml"), ("akn", "p.txt")])
def test_an_output_file_named_for_another_format_is_refused(
    to: str, out: str, tmp_path: Path
) -> None:
    """'-o page.md --to html' means a file, in the wrong format: refused, not
    a directory named page.md."""
    proc = run_cli("render", "--to", to, "-o", out, str(SEED_YAML), cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{out} names a " in proc.stderr and "nothing written" in proc.stderr
    assert list(tmp_path.iterdir()) == []
