"""punctuation: another mark typed for the comma between a conference's
place and its year ("(Rev. Dubai: 2018)", "(Rév. Genève. 2007)", "(Rev.
Dubai; 2018)"). Before, each passed silently: a citation's words were read
past the mark. One finding, with the words to write, which ``--fix`` and the
editor's quick fix write."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from itures.rules.punctuation import punctuation
from tests.conftest import SEED_YAML, run_cli
from tests.rules.build import clauses, context, items
from tests.test_fix import _corpus


def _found(text: str, language: str = "en") -> list[tuple[str, str, str | None]]:
    """(the span, the message, the help) of the place-and-year findings in ``text``."""
    ctx = context(
        language,
        preamble=[items([text])],
        operative=[clauses(["to act."], heading="resolves")],
    )
    out = []
    for f in punctuation(ctx):
        if "place and the year" not in f.message or f.offset is None or f.length is None:
            continue
        out.append((text[f.offset : f.offset + f.length], f.message, f.help))
    return out


def test_a_mark_typed_for_the_comma_is_told_with_the_words_to_write() -> None:
    for mark in ":;.":
        found = _found(f"that [Resolution 71 (Rev. Dubai{mark} 2018)](pp:71@2018) applies,")
        assert found == [
            (
                f"Rev. Dubai{mark} 2018",
                f"the place and the year of a conference are written with {mark!r} between "
                f"them, where ITU writes a comma: 'Rev. Dubai{mark} 2018'",
                "write 'Rev. Dubai, 2018'",
            )
        ], mark
    # French as the example writes it, with no blank after "Rév."; and Spanish
    assert _found("que la Résolution 6 (Rév.Genève: 2007) s'applique,", "fr")[0][2] == (
        "write 'Rév.Genève, 2007'"
    )
    assert _found("que la Resolución 6 (Rev. Ginebra. 2007) se aplica,", "es")[0][2] == (
        "write 'Rev. Ginebra, 2007'"
    )
    # a place of the file's own history, which the calendar may not know
    assert [s for s, _, _ in _found("that the meeting (Busan; 2014) acts,")] == ["Busan; 2014"]
    # the mark lost altogether: the finding of before, unchanged
    assert _found("that [Resolution 71 (Rev. Dubai 2018)](pp:71@2018) applies,")[0][1] == (
        "the place and the year of a conference are written without the comma between "
        "them: 'Rev. Dubai 2018'"
    )


def test_a_mark_before_a_year_that_is_no_conference_is_left_alone() -> None:
    for text in (
        "that [Resolution 71 (Rev. Dubai, 2018)](pp:71@2018) applies,",
        "that the plan (see Annex: 2018) and the report (Chapter 3. 2019) apply,",
        "that the figures (in Mbit/s; 2018) and the items (e.g. 2018) apply,",
        "that the last report (Dubai, 2018. 2019) applies,",
    ):
        assert _found(text) == [], text


def test_fix_writes_the_comma(tmp_path: Path) -> None:
    slips = [
        ("(Rév.Dubaï, 2014) de la présente", "(Rév.Dubaï: 2014) de la présente"),
        ("(Rév.Genève, 2007)", "(Rév.Genève. 2007)"),
    ]
    target, _ = _corpus(tmp_path, slips)
    found = [d for d in check_paths([target]).diagnostics if "place and the year" in d.message]
    assert len(found) == 2, found
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "2 fixes applied to 1 file" in done.stderr, done.stderr
    assert target.read_text(encoding="utf-8") == SEED_YAML.read_text(encoding="utf-8")
