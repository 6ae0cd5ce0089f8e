"""punctuation: a blank between an abbreviation's dot, or an ellipsis, and the
',' after it ("de colloques, etc. , ont eu"): the dot is the word's, so no
doubled mark was told, and the blank before ',' was not looked for after a
dot; it passed silently. Now it is the blank before ',' (its fix deletes
it); a full stop then ',' is still a doubled mark."""

from __future__ import annotations

from pathlib import Path

from itures.rules.punctuation import punctuation
from tests.conftest import run_cli
from tests.rules.build import clauses, context, items
from tests.test_fix import _corpus


def _found(*written: str) -> list[tuple[str, str]]:
    ctx = context(
        "fr",
        preamble=[items(list(written), heading="considérant")],
        operative=[clauses(["d'agir."], heading="décide")],
    )
    return [(str(f.path[-2]), f.message.split(":")[0]) for f in punctuation(ctx)]


def test_a_blank_before_a_comma_after_an_abbreviation_or_an_ellipsis() -> None:
    assert _found(
        "que des forums, etc. , ont eu des résultats;",
        "que des forums... , ont eu des résultats;",
        "que des forums, etc., ont eu des résultats;",
        "que la transition. , est faite,",
    ) == [
        ("0", "a blank before ','"),
        ("1", "a blank before ','"),
        (
            "3",
            "doubled punctuation '. ,', the trace of a tracked change; keep the mark of the revised text",
        ),
    ]


def test_the_fix_deletes_the_blank(tmp_path: Path) -> None:
    target, _ = _corpus(tmp_path, [("colloques, etc., ont eu", "colloques, etc. , ont eu")])
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "colloques, etc., ont eu" in target.read_text(encoding="utf-8")
