"""What an unknown actor is said to mean (``actor-unknown``'s "did you mean").

A slip of typing (two letters swapped, one left out, added or mistyped) is
looked for before difflib's closest match, whose ties go to the greater
string: 'tsga' was said to mean 'wtsa' (three letters in common with each),
not 'tsag'.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures.model.vocabulary import suggest_actor, vocabulary
from itures.suggest import one_slip as _one_slip


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("tsga", "tsag"),  # two letters swapped (difflib: 'wtsa')
        ("tdga", "tdag"),
        ("councel", "council"),  # one mistyped
        ("cuncil", "council"),  # one left out
        ("bdt-directorr", "bdt-director"),  # one added
        ("secretary-genral", "secretary-general"),
        ("TDAG", "tdag"),  # an id written otherwise
        ("GCDT", "tdag"),  # an abbreviation in another language
        ("Conseil", "council"),  # a name in another language
        ("bdt-directr", "bdt-director"),
        ("zzzzzz", None),
    ],
)
def test_an_unknown_actor_is_said_to_mean_the_likeliest_id(written: str, meant: str | None) -> None:
    assert suggest_actor(written) == meant


_IDS = sorted(vocabulary().actor_ids())


@given(st.sampled_from(_IDS), st.data())
def test_one_slip_of_an_id_is_found_and_two_are_not_one(word: str, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, len(word) - 1))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz-"))
    slips = [
        word[:k] + word[k + 1 :],  # left out
        word[:k] + letter + word[k:],  # added
        word[:k] + letter + word[k + 1 :],  # replaced
    ]
    if k + 1 < len(word):
        slips.append(word[:k] + word[k + 1] + word[k] + word[k + 2 :])  # swapped
    for slipped in slips:
        if slipped != word:
            assert _one_slip(slipped, word) and _one_slip(word, slipped)
    assert not _one_slip(word, word)
    assert not _one_slip(word + "xy", word)  # two added


@pytest.mark.parametrize(
    ("typed", "known", "meant"),
    [
        ("tsga", ["tsag", "wtsa"], "tsag"),  # difflib alone: 'wtsa' (a tie, the greater)
        ("tsga", ["wtsa", "tsag"], "tsag"),
        ("lable", ["label", "text", "clauses"], "label"),
        ("numbring-gap", ["numbering-gap", "numbering-style"], "numbering-gap"),
        ("recaling", ["recalling", "recognizing"], "recalling"),
        ("xyz", ["label", "text"], None),
    ],
)
def test_the_closest_name_is_one_slip_away_before_difflibs(
    typed: str, known: list[str], meant: str | None
) -> None:
    from itures.suggest import closest

    assert closest(typed, known) == meant
