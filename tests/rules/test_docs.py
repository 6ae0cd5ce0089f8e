"""The catalogue: ``itures rules`` and docs/rules.md, generated from the docstrings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from itures.cli import main
from itures.rules import BUILTIN, load_all
from itures.rules.docs import markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
BRIEF_RULES = {
    "yaml-syntax",
    "schema",
    "numbering-duplicate",
    "numbering-gap",
    "numbering-style",
    "footnote-undefined",
    "footnote-unused",
    "reference-unresolved",
    "reference-revision",
    "actor-unknown",
    "conversion-artefact",
    "punctuation",
    "language-mismatch",
}


def test_docs_rules_md_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == markdown(), (
        "docs/rules.md is out of date: run `itures rules --markdown > docs/rules.md`"
    )


def test_the_rules_the_brief_names_exist_with_kebab_case_names() -> None:
    names = set(load_all()) | set(BUILTIN)
    assert names >= BRIEF_RULES
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", n) for n in names)


@pytest.mark.parametrize("name", sorted(load_all()))
def test_every_rule_documents_a_failing_and_a_passing_example(name: str) -> None:
    doc = load_all()[name].doc
    assert re.search(r"^Failing\b.*::$", doc, re.M), name
    assert re.search(r"^Passing\b", doc, re.M), name
    assert f"### {name}\n" in markdown()


def test_itures_rules_lists_and_describes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == [*BUILTIN, *load_all()]

    assert main(["rules", "numbering-gap"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("numbering-gap (error): ")
    assert "Failing" in out

    assert main(["rules", "no-such-rule"]) == 2
    assert "unknown rule" in capsys.readouterr().err
