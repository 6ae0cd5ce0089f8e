"""punctuation: in English, a word ITU's texts write with -ize written with
-ise ("organisation", "recognising", "prioritises"): British spelling,
where ITU's English texts write Oxford -ize (every such word of the PP-18
Final Acts but one quoted name). Before, it passed silently."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from itures.rules._walk import texts
from itures.rules.punctuation import punctuation
from tests.conftest import run_cli
from tests.rules.build import clauses, context, items

IZE = "ITU's English texts write -ize"


def _found(*written: str, language: str = "en") -> list[tuple[str, str | None]]:
    """(the span, the help) of the -ise spellings told in ``written``."""
    ctx = context(
        language,
        preamble=[items(list(written))],
        operative=[clauses(["to act."])],
    )
    by_path = {t.path: t.text for t in texts(ctx)}
    return [
        (by_path[f.path][f.offset : f.offset + (f.length or 0)], f.help)
        for f in punctuation(ctx)
        if IZE in f.message and f.offset is not None
    ]


def test_the_ise_spellings_of_itu_s_ize_words() -> None:
    assert _found(
        "that the organisation of the Sector Members, recognising the work,",
        "that Member States prioritise standardisation;",
    ) == [
        (
            "organisation of the Sector Members, recognising",
            "write 'organization' for 'organisation', 'recognizing' for 'recognising'",
        ),
        (
            "prioritise standardisation",
            "write 'prioritize' for 'prioritise', 'standardization' for 'standardisation'",
        ),
    ]
    # each ending of the verb and the noun
    assert [h for _, h in _found("that organisations utilised and harmonising,")] == [
        "write 'organizations' for 'organisations', 'utilized' for 'utilised', "
        "'harmonizing' for 'harmonising'"
    ]


def test_a_longer_stem_is_read_whole() -> None:
    assert [h for _, h in _found("that the internationalisation of domain names works,")] == [
        "write 'internationalization' for 'internationalisation'"
    ]


def test_what_every_english_spelling_writes_with_ise_is_left_alone() -> None:
    assert (
        _found(
            "that the texts revised, advise, comprise and exercise otherwise;",
            "that the expertise of enterprises on the premises, rising and arising;",
            "that the emphasis, the emphases and the crisis of the basis in Paris;",
            "that this is analysed and that the noise is wise,",
        )
        == []
    )
    # and the Oxford spelling itself
    assert _found("that the organization recognizes the standardization,") == []
    # ITU's own name, with its capital, is ITU's name misspelt
    assert [
        h for _, h in _found("that the ITU Telecommunication Standardisation Sector acts,")
    ] == ["write 'Standardization' for 'Standardisation'"]
    # a name that writes -ise as its own, with its capital
    assert (
        _found(
            "that the Organisation for Economic Co-operation and Development and the "
            "Organisation of Islamic Cooperation act,"
        )
        == []
    )


def test_only_in_english() -> None:
    assert _found("que l'organisation et la standardisation agissent,", language="fr") == []


def test_the_fix_writes_ize(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    target = tmp_path / "resolutions" / "pp" / "1" / "en.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(
        "body: pp\nnumber: '1'\nlanguage: en\ntitle: Test\n"
        "history: [{event: adopted, place: Dubai, year: 2018}]\n"
        "preamble:\n  - verb: recognizing\n    heading: recognizing\n    items:\n"
        "      - label: a)\n        text: that the organisation works,\n"
        "operative:\n  - verb: resolves\n    heading: resolves\n    clauses:\n"
        "      - label: '1'\n        text: to act.\n",
        encoding="utf-8",
    )
    assert [d.rule for d in check_paths([target]).diagnostics] == ["punctuation"]
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "that the organization works," in target.read_text(encoding="utf-8")
