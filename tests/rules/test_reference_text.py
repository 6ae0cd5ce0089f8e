"""reference-text: words written as ITU writes them agree with their target;
changing the target's body, number or year alone is always reported."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from itures.conferences import MEETINGS
from itures.model.resolution import Resolution
from itures.rules import Context
from itures.rules.references import reference_text

WORD = {"en": "Resolution", "fr": "la Résolution", "es": "la Resolución"}
WORDS = {"en": "Resolutions", "fr": "les Résolutions", "es": "las Resoluciones"}
AND = {"en": "and", "fr": "et", "es": "y"}
REV = {"en": "Rev.", "fr": "Rév.", "es": "Rev."}
COLUMN = {"en": 0, "fr": 1, "es": 2}  # the calendar's spellings: often one for all three
BODY_NAME = {
    "en": {"pp": "of the Plenipotentiary Conference", "wtdc": "of WTDC", "wtsa": "of WTSA"},
    "fr": {
        "pp": "de la Conférence de plénipotentiaires",
        "wtdc": "de la CMDT",
        "wtsa": "de l'AMNT",
    },
    "es": {
        "pp": "de la Conferencia de Plenipotenciarios",
        "wtdc": "de la CMDT",
        "wtsa": "de la AMNT",
    },
}


@st.composite
def citations(draw: st.DrawFn) -> tuple[str, str, str, tuple[str, ...], int]:
    lang = draw(st.sampled_from(sorted(WORD)))
    body = draw(st.sampled_from(["pp", "wtdc", "wtsa"]))
    year = draw(st.sampled_from(sorted(y for y in MEETINGS[body] if y >= 1994)))
    places = MEETINGS[body][year]
    place = places[min(COLUMN[lang], len(places) - 1)]
    numbers = draw(st.lists(st.integers(1, 200).map(str), min_size=1, max_size=4, unique=True))
    if len(numbers) == 1:
        head = f"{WORD[lang]} {numbers[0]}"
    else:
        head = f"{WORDS[lang]} {', '.join(numbers[:-1])} {AND[lang]} {numbers[-1]}"
    named = draw(st.booleans())
    words = f"{head} ({REV[lang]} {place}, {year})" + (f" {BODY_NAME[lang][body]}" if named else "")
    return lang, words, body, tuple(numbers), year


_LAST = max(year for meetings in MEETINGS.values() for year in meetings)


def _findings(lang: str, text: str) -> list[str]:
    res = Resolution.model_validate(
        {
            "body": "ra",
            "number": "1",
            "language": lang,
            "title": "T",
            # (after every meeting cited: a text cites the revisions before it)
            "history": [{"event": "revised", "place": "Geneva", "year": _LAST + 1}],
            "preamble": [
                {"verb": "recalling", "heading": "x", "items": [{"text": text}]},
            ],
        }
    )
    return [f.message for f in reference_text(Context("x.yaml", res))]


@settings(deadline=None)  # the first call compiles the import grammar
@given(citations())
def test_words_as_written_agree_with_their_target(
    cite: tuple[str, str, str, tuple[str, ...], int],
) -> None:
    lang, words, body, numbers, year = cite
    assert _findings(lang, f"[{words}]({body}:{','.join(numbers)}@{year}),") == []


@settings(deadline=None)
@given(citations(), st.sampled_from(["body", "number", "year"]))
def test_a_target_changed_in_one_part_is_reported(
    cite: tuple[str, str, str, tuple[str, ...], int], part: str
) -> None:
    lang, words, body, numbers, year = cite
    if part == "body":
        body = "ra"  # no conference of ITU-R met where WTDC, WTSA or PP met that year
    elif part == "number":
        numbers = (*numbers[:-1], str(int(numbers[-1]) + 1000))
    else:
        year += 1
    found = _findings(lang, f"[{words}]({body}:{','.join(numbers)}@{year}),")
    assert len(found) == 1 and "disagree" in found[0], (words, found)


@given(st.integers(1990, 2030), st.integers(1990, 2030), st.sampled_from(["en", "fr", "es", "ar"]))
def test_a_revision_after_the_citing_text_is_reported_once(own: int, cited: int, lang: str) -> None:
    """A target's year after the year of the text's last revision: one
    finding, in any language (words that give no year)."""
    res = Resolution.model_validate(
        {
            "body": "ra",
            "number": "1",
            "language": lang,
            "title": "T",
            "history": [
                {"event": "adopted", "place": "Geneva", "year": own - 1},
                {"event": "revised", "place": "Geneva", "year": own},
                {"event": "abrogated", "place": "Geneva", "year": own + 5},
            ],
            "preamble": [
                {"verb": "recalling", "heading": "x", "items": [{"text": f"[x](pp:1@{cited}),"}]},
            ],
        }
    )
    found = [f.message for f in reference_text(Context("x.yaml", res))]
    if cited > own:
        assert len(found) == 1
        assert f"pp:1@{cited} cites the revision of {cited}, later than this text" in found[0]
        assert f"(Geneva, {own}," in found[0]
    else:
        assert found == []


@st.composite
def misdated_citations(draw: st.DrawFn) -> tuple[str, str]:
    """Words that name the body of their target at the place and year of
    another body's conference, at which this body did not meet."""
    from itures.conferences import misdated

    lang = draw(st.sampled_from(sorted(WORD)))
    body = draw(st.sampled_from(["pp", "wtdc", "wtsa"]))
    other = draw(st.sampled_from([b for b in ("pp", "wtdc", "wtsa") if b != body]))
    choices = [
        (place, year)
        for year, places in sorted(MEETINGS[other].items())
        if year >= 1994
        for place in places[:1]
        if misdated(body, place, year) is not None
    ]
    place, year = draw(st.sampled_from(choices))
    words = f"{WORD[lang]} 7 ({REV[lang]} {place}, {year}) {BODY_NAME[lang][body]}"
    return lang, f"[{words}]({body}:7@{year}),"


@settings(deadline=None)
@given(misdated_citations())
def test_words_naming_the_body_at_another_bodys_conference_are_one_finding(
    case: tuple[str, str],
) -> None:
    lang, text = case
    found = _findings(lang, text)
    assert len(found) == 1 and "no conference made" in found[0], (text, found)


@settings(deadline=None)
@given(citations(), st.sampled_from(["resolves/1", "annex/2", "considering/a"]))
def test_a_part_in_the_target_of_words_naming_the_whole_is_reported(
    cite: tuple[str, str, str, tuple[str, ...], int], part: str
) -> None:
    """Words that name a resolution as a whole, a target that names a part of
    it (its '#PART' added, or the words' part lost): before, silent here,
    and told in another language version as a citation that differs."""
    lang, words, body, numbers, year = cite
    assume(len(numbers) == 1)  # (a part of several resolutions is no target: markup's)
    found = _findings(lang, f"[{words}]({body}:{numbers[0]}@{year}#{part}),")
    assert len(found) == 1 and f"the target {part}" in found[0], (words, found)


def test_words_that_name_the_part_of_their_target_agree() -> None:
    for words, target in (
        ("resolves 1 of Resolution 57 (Rev. Dubai, 2012) of WTSA", "wtsa:57@2012#resolves/1"),
        ("Annex 2 to Resolution 71 (Rev. Dubai, 2018)", "pp:71@2018#annex/2"),
        ("paragraph 3 of Resolution 71 (Rev. Dubai, 2018)", "pp:71@2018#annex/3"),
    ):
        assert [f for f in _findings("en", f"[{words}]({target}),") if "no part" in f] == []
