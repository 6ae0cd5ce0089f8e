"""conversion-artefact: an annex with no title whose first paragraph starts with
its title, run into it by the conversion ("Elements for review of the ITU
regional presence The review of ..."): a warning naming the title and where
the paragraph starts."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from itures.rules.artefacts import _title_cut, conversion_artefact
from tests.rules.build import context


def _found(first: str, **annex: Any) -> list[tuple[str, str | None, int | None]]:
    language = annex.pop("language", "en")
    item: dict[str, Any] = {"text": first}
    if annex.pop("labelled", False):
        item["label"] = "1"
    ctx = context(
        language, annexes=[{"heading": "ANNEX TO RESOLUTION 1", **annex, "items": [item]}]
    )
    return [
        (f.message, f.help, f.length) for f in conversion_artefact(ctx) if "no title" in f.message
    ]


def test_a_title_before_a_capital_a_label_or_a_bullet_is_found() -> None:
    for text, title, start in [
        (
            "Elements for review of the ITU regional presence The review of ITU's regional "
            "presence takes into account: the needs.",
            "Elements for review of the ITU regional presence",
            "The review of ITU's...",
        ),
        (
            "Measures for improving ITU's efficiency 1) Identification of duplication.",
            "Measures for improving ITU's efficiency",
            "1) Identification of...",
        ),
        (
            "Action to be taken on the measures - Submit a plan - Upgrade the offices.",
            "Action to be taken on the measures",
            "- Submit a plan - Upgrade...",
        ),
    ]:
        assert _found(text) == [
            (
                f"the annex has no title, and its first paragraph starts with one: {title!r}, "
                "run into the paragraph by the conversion",
                f"move {title!r} to the annex's 'title' and start the paragraph at {start!r}",
                len(title),
            )
        ], text


def test_in_french_too() -> None:
    ((message, _, _),) = _found(
        "Mesures visant à améliorer l'efficacité Le Secrétaire général doit agir.", language="fr"
    )
    assert '"Mesures visant à améliorer l\'efficacité"' in message


def test_no_finding_where_the_words_are_no_title_or_the_annex_has_one() -> None:
    for text in [
        "The review of the ITU regional presence takes into account the needs.",
        "Elements for review of the ITU regional presence, The review",  # (a mark)
        "Cooperation with Member States and the ITU Council is needed.",  # ("the ITU")
        "Elements for review of regional ITU offices are listed.",  # (an acronym)
        "Elements for review of the regional presence",  # (nothing after it)
        "Review The review of it.",  # (one word)
        "as decided by the conference Member States shall act.",  # (no sentence's start)
        "Elements for review of regional Union offices are listed.",  # ("Un" of "Union")
    ]:
        assert _found(text) == [], text
    text = "Elements for review of the ITU regional presence The review of it."
    assert _found(text, title="Elements for review") == []
    assert _found(text, labelled=True) == []


@given(
    st.lists(
        st.sampled_from([*"aZ 1)-–•.,'’é", "The", "of", " the ", "word", " "]), max_size=40
    ).map("".join)
)
def test_the_cut_is_a_place_in_the_text_after_two_words(text: str) -> None:
    cut = _title_cut(text)
    if cut is not None:
        assert 0 < cut < len(text)
        assert len(text[:cut].split()) >= 2


def test_not_in_the_languages_whose_small_words_are_not_known() -> None:
    text = "на исследовательских выполнения Резолюция работы"
    assert _found(text, language="ru") == []
