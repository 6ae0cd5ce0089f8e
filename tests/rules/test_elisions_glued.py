"""In French, the blank lost between a word and the elided word after it
("del'Union", "etd'organisations", "àl'UIT-D"): it passed silently. Now a
finding with the words to write, which ``--fix`` writes; the words elided
themselves ("jusqu'à", "aujourd'hui", "lorsqu'il") and names ("McDonald's")
are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.rules.punctuation import punctuation
from tests.conftest import SEED_YAML, run_cli
from tests.rules.build import clauses, context, items
from tests.test_fix import _corpus


def _told(text: str) -> list[tuple[str, str | None]]:
    ctx = context(
        "fr",
        preamble=[items([text, "que le Secteur et les pays de la région agissent,"])],
        operative=[clauses(["d'agir."], language="fr")],
    )
    return [
        (text[f.offset : f.offset + f.length], f.help)
        for f in punctuation(ctx)
        if f.path[-1] == "text"
        and f.offset is not None
        and f.length is not None
        and f.path[:4] == ("preamble", 0, "items", 0)
        and "elided" in f.message
    ]


@pytest.mark.parametrize(
    ("text", "written", "right"),
    [
        ("que le Secrétariat général del'Union agit;", "del'Union", "de l'Union"),
        ("que les pays etd'autres agissent;", "etd'autres", "et d'autres"),
        ("que le Secteur de l'UIT quel'on connaît agit;", "quel'on", "que l'on"),
        ("que les pays del’Afrique agissent;", "del’Afrique", "de l’Afrique"),
    ],
)
def test_the_blank_lost_before_an_elided_word_is_told(text: str, written: str, right: str) -> None:
    assert _told(text) == [(written, f"write {right!r}")]


@pytest.mark.parametrize(
    "text",
    [
        "que les pays agissent jusqu'à la fin et lorsqu'il le faut;",
        "que aujourd'hui, quelqu'un et les prud'hommes agissent;",
        "que le restaurant McDonald's de la région agit;",  # (a name: 'McDonal' no word)
        "que les pays de l'Afrique et d'Asie agissent;",
    ],
)
def test_control_words_elided_themselves_and_names(text: str) -> None:
    assert _told(text) == []


def test_on_the_example_one_finding_that_fix_writes(tmp_path: Path) -> None:
    old = "et le Secrétariat général de l'Union"
    target, _ = _corpus(tmp_path, [(old, old.replace("de l'Union", "del'Union"))])
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["punctuation"], found
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == SEED_YAML.read_text(encoding="utf-8")


def test_fix_writes_the_apostrophe_as_single_quotes_write_it(tmp_path: Path) -> None:
    """An apostrophe written by a fix into a single-quoted text is doubled,
    as single quotes write it ("d''intérêt"): it was not applied there."""
    old = (
        "        text: >-\n"
        "          de l'extension de la sphère des études communes aux trois Secteurs et de la "
        "nécessité\n"
        "          d'une coordination et d'une coopération entre ces Secteurs à cet égard;"
    )
    # (the item's folded text made single-quoted, an apostrophe lost twice in it)
    new = (
        "        text: 'de l''extension de la sphère des études dintérêt aux trois Secteurs\n"
        "          et del''Union, d''une coopération entre ces Secteurs à cet égard;'"
    )
    target, _ = _corpus(tmp_path, [(old, new)])
    before = [d.help for d in check_paths([target]).diagnostics]
    assert before == ['write "d\'intérêt"', 'write "de l\'Union"'], before
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "2 fixes applied" in done.stderr, done.stderr
    fixed = target.read_text(encoding="utf-8")
    assert "études d''intérêt aux" in fixed and "et de l''Union, d''une" in fixed
    assert check_paths([target]).diagnostics == []
