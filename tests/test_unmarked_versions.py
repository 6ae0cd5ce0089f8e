"""A citation whose markup one language version lost (its words written in
plain words there, the other versions marking them): one finding, an error
at the words, with the fix that writes the citation; from the cache as
without it, and ``check --fix`` writes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

CITED = """\
body: pp
number: '2'
language: {lang}
title: Cited
history:
  - {{event: adopted, place: Guadalajara, year: 2010}}
  - {{event: revised, place: Busan, year: 2014}}
operative:
  - verb: resolves
    heading: {resolves}
    clauses:
      - {{label: '1', text: {done}}}
"""

CITING = """\
body: pp
number: '1'
language: {lang}
title: Citing
history: [{{event: adopted, place: Busan, year: 2014}}]
preamble:
  - verb: recalling
    heading: {recalling}
    items:
      - label: a)
        text: >-
          {text},
operative:
  - verb: resolves
    heading: {resolves}
    clauses:
      - {{label: '1', text: {done}}}
"""

WORDS = {
    "en": ("recalling", "resolves", "to do.", "Resolution 2 (Rev. Busan, 2014) of the Plenipotentiary Conference"),
    "fr": ("rappelant", "décide", "de faire.", "la Résolution 2 (Rév. Busan, 2014) de la Conférence de plénipotentiaires"),
    "es": ("recordando", "resuelve", "hacer.", "la Resolución 2 (Rev. Busan, 2014) de la Conferencia de Plenipotenciarios"),
}  # fmt: skip


def _corpus(root: Path, plain_en: str) -> Path:
    """pp/1 and pp/2 in en, fr, es; pp/1's preambular item cites pp/2 as a
    citation in fr and es, and in en writes ``plain_en`` as it is."""
    (root / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    for lang, (recalling, resolves, done, words) in WORDS.items():
        for number, template, text in (
            ("2", CITED, ""),
            ("1", CITING, plain_en if lang == "en" else f"[{words}](pp:2@2014)"),
        ):
            path = root / "resolutions" / "pp" / number / f"{lang}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                template.format(
                    lang=lang, recalling=recalling, resolves=resolves, done=done, text=text
                ),
                encoding="utf-8",
            )
    return root / "resolutions" / "pp" / "1" / "en.yaml"


def _found(root: Path, *args: str) -> list[dict[str, object]]:
    done = run_cli(
        "check", "--format", "json", *args, "resolutions", cwd=root,
        env={"ITURES_CACHE_DIR": str(root / "cache"), "ITURES_DAEMON": "off"},
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    found: list[dict[str, object]] = json.loads(done.stdout)["diagnostics"]
    return found


def test_a_citation_whose_markup_one_version_lost_is_one_finding_with_its_fix(
    tmp_path: Path,
) -> None:
    words = WORDS["en"][3]
    target = _corpus(tmp_path, words)
    for args in (("--no-cache",), (), ()):  # without the cache, filling it, answered by it
        found = _found(tmp_path, *args)
        assert [(d["rule"], d["severity"]) for d in found] == [("language-mismatch", "error")]
        (one,) = found
        assert one["path"] == "resolutions/pp/1/en.yaml"
        assert (one["line"], one["column"]) == (12, 11)  # at the words, not at the text
        assert "written in plain words here" in str(one["message"])
        assert one["help"] == f"write it as a citation: [{words}](pp:2@2014)"
    fixed = run_cli("check", "--fix", "resolutions", cwd=tmp_path, env={"ITURES_DAEMON": "off"})
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert f"[{words}](pp:2@2014)," in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "plain",
    [
        # the words cite another resolution than the other versions mark
        "Resolution 3 (Rev. Busan, 2014) of the Plenipotentiary Conference",
        # they cite it, and another one the others do not
        "Resolution 2 (Rev. Busan, 2014) of the Plenipotentiary Conference and "
        "[Resolution 3](pp:3)",
    ],
)
def test_words_that_are_not_only_the_lost_markup_keep_both_findings(
    tmp_path: Path, plain: str
) -> None:
    """Not the other versions' citation with its markup lost: the versions
    differ in what they cite (language-mismatch), and the plain words are a
    citation to write (reference-unmarked), each said."""
    _corpus(tmp_path, plain)
    rules = sorted(str(d["rule"]) for d in _found(tmp_path, "--no-cache"))
    assert "reference-unmarked" in rules
    assert "language-mismatch" in rules
    assert all("written in plain words here" not in str(d["message"]) for d in _found(tmp_path))
