"""punctuation: in French, an elision whose apostrophe was lost before a
word in small letters ("dintérêt", "linformation"), where the file writes
that elision with its apostrophe elsewhere. Before, only a capital after it
was looked for ("lUIT"): a French word may start so ("dans", "lune"), and
the file's own words are the evidence that this one does not."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from itures.rules._walk import texts
from itures.rules.punctuation import punctuation
from tests.rules.build import clauses, context, items
from tests.test_fix import _corpus


def _elisions(*written: str) -> list[tuple[str, str, str | None]]:
    """(the span, the message, the help) of the lost elisions in ``written``, items of a preamble."""
    ctx = context(
        "fr", preamble=[items(list(written))], operative=[clauses(["d'agir."], heading="décide")]
    )
    by_path = {t.path: t.text for t in texts(ctx)}
    out = []
    for f in punctuation(ctx):
        if "elision" in f.message and f.offset is not None and f.length is not None:
            out.append((by_path[f.path][f.offset : f.offset + f.length], f.message, f.help))
    return out


def test_a_lost_apostrophe_is_found_by_the_files_own_elision() -> None:
    found = _elisions(
        "que les questions d'intérêt commun et l'information croissent,",
        "que les sujets dintérêt mutuel et les technologies de linformation croissent,",
    )
    assert found == [
        (
            "dintérêt",
            "'dintérêt': the apostrophe of the elision lost; French writes \"d'intérêt\"",
            'write "d\'intérêt"',
        )
    ]  # (one finding a text: the first)
    # every elided word, the longer ones too; the file's curly apostrophe
    found = _elisions("lorsqu’il agit avec l’Union,", "et lorsquil agit,")
    assert [(s, h) for s, _, h in found] == [("lorsquil", "write 'lorsqu’il'")]
    # the lost elision in the text that also holds the written one
    assert [s for s, _, _ in _elisions("que l'avis et lavis agissent,")] == ["lavis"]


def test_what_french_writes_so_or_the_file_never_elides_is_left_alone() -> None:
    for written in (
        # no evidence: the file never writes "l'extension"
        ("que lextension croît,",),
        # words French writes both ways
        ("que d'eux et deux autres, qu'elles et quelles mesures agissent,",),
        ("que l'une et d'une part, la lune et la dune, dans l'ensemble, agissent,",),
        # inside a word, or after a letter
        ("que d'intérêt et les mots indintérêt et aujourd'hui agissent,",),
        ("que d'intérêt et dintérêts agissent,",),
        # an elision before a consonant is no elision
        ("que d'Busan et dBusan agissent,",),
    ):
        assert _elisions(*written) == [], written


def test_on_the_example(tmp_path: Path) -> None:
    target, _ = _corpus(
        tmp_path,
        [("questions d'intérêt mutuel;", "questions dintérêt mutuel;")],
    )
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.message) for d in found] == [
        (
            "punctuation",
            "'dintérêt': the apostrophe of the elision lost; French writes \"d'intérêt\"",
        )
    ]
