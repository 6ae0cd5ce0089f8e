"""punctuation: in English, a noun ITU's texts write with its capital before
its number written small ("article 7 of the Constitution", "annex 2", "goal
5"): the English texts of the Final Acts write each with its capital, 136
times, none small. Before, it passed silently."""

from __future__ import annotations

from itures.rules.punctuation import punctuation
from tests.rules.build import clauses, context, items

CAPITALS = "ITU's texts write the name with capitals"


def _helps(*written: str, language: str = "en") -> list[str | None]:
    headings = {"fr": ("considérant", "décide")}
    preamble, operative = headings.get(language, (None, None))
    ctx = context(
        language,
        preamble=[items(list(written), heading=preamble)],
        operative=[clauses(["to act."], heading=operative)],
    )
    return [f.help for f in punctuation(ctx) if CAPITALS in f.message]


def test_a_noun_written_small_before_its_number() -> None:
    assert _helps(
        "that article 7 of the Constitution and Article 8, annex 2 and goal 5 apply,"
    ) == ["write 'Article 7' for 'article 7', 'Annex 2' for 'annex 2', 'Goal 5' for 'goal 5'"]
    assert _helps("that objective 3 and question 12 matter,") == [
        "write 'Objective 3' for 'objective 3', 'Question 12' for 'question 12'"
    ]


def test_what_is_left_alone() -> None:
    assert (
        _helps(
            # written small in ITU's texts too, or no noun of a number
            "that output 2.2, recommendation 12, the decision 5 days later and General "
            "Assembly resolution 70/1 apply;",
            # a year after the noun, the noun within a word
            "that the article 2019 report and the subquestion 4 apply,",
        )
        == []
    )
    # French writes them small: "l'article 7 de la Constitution"
    assert _helps("que l'article 7 de la Constitution s'applique,", language="fr") == []
