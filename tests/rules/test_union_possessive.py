"""punctuation: "ITUs" in English, the possessive "ITU's" with its
apostrophe lost ("ITUs human resources"): the Union is one, so the word is
no plural. Before, it passed silently (the Final Acts write "ITU's" 100
times, "ITUs" never)."""

from __future__ import annotations

from pathlib import Path

from itures.rules.punctuation import punctuation
from tests.conftest import run_cli
from tests.rules.build import clauses, context, items

POSSESSIVE = "the Union is one"


def _found(*written: str) -> list[tuple[str, str | None]]:
    ctx = context("en", preamble=[items(list(written))], operative=[clauses(["to act."])])
    texts = {("preamble", 0, "items", i, "text"): t for i, t in enumerate(written)}
    return [
        (texts[f.path][f.offset : f.offset + (f.length or 0)], f.help)
        for f in punctuation(ctx)
        if POSSESSIVE in f.message and f.offset is not None
    ]


def test_the_apostrophe_lost() -> None:
    assert _found("that ITUs human resources grow,") == [("ITUs", "write \"ITU's\" for 'ITUs'")]
    # the file's typographic apostrophe kept
    assert [h for _, h in _found("that ITUs staff and the Union’s work grow,")] == [
        "write 'ITU’s' for 'ITUs'"
    ]


def test_what_is_left_alone() -> None:
    assert _found("that ITU's staff, the ITUs-related work and ITU-T grow,") == []


def test_the_fix_writes_the_apostrophe(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    target = tmp_path / "resolutions" / "pp" / "1" / "en.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(
        "body: pp\nnumber: '1'\nlanguage: en\ntitle: Test\n"
        "history: [{event: adopted, place: Dubai, year: 2018}]\n"
        "preamble:\n  - verb: considering\n    heading: considering\n    items:\n"
        "      - label: a)\n        text: that ITUs staff works,\n"
        "operative:\n  - verb: resolves\n    heading: resolves\n    clauses:\n"
        "      - label: '1'\n        text: to act.\n",
        encoding="utf-8",
    )
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "that ITU's staff works," in target.read_text(encoding="utf-8")
