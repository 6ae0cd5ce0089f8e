"""One slip, one finding, where two rules read the same words: a word of a
name written twice before its abbreviation (word-duplicate's, not also
punctuation's "whose capitals spell …"), with the name's small words read
as the abbreviation reads them ("Conference on Trade and Development
(UNCTAD)"); "Rev." written twice in a citation's words (reference-text's,
not also word-duplicate's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import write

DOCUMENT = """\
body: pp
number: '9'
language: en
title: Trade
history: [{{event: adopted, place: Busan, year: 2014}}]
preamble:
  - verb: considering
    heading: considering
    items:
      - label: a)
        text: {text}
      - label: b)
        text: that the offices of ITU report to the Council,
operative:
  - verb: instructs
    heading: instructs the ITU Council
    actors: [council]
    clauses:
      - label: '1'
        text: to report to the Parties.
"""

CLEAN = {
    "unctad": "that the United Nations Conference on Trade and Development (UNCTAD) acts;",
    "itso": (
        "that the International Telecommunications Satellite Organization (ITSO) and the "
        "offices act;"
    ),
    "citation": (
        "that [Resolution 1 (Rev. Busan, 2014) of the Plenipotentiary Conference](pp:1@2014) "
        "applies;"
    ),
}


def _told(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    target = write(tmp_path / "resolutions" / "pp" / "9" / "en.yaml", DOCUMENT.format(text=text))
    return [(d.rule, d.message) for d in check_paths([target]).diagnostics]


@pytest.mark.parametrize("key", sorted(CLEAN))
def test_control_the_texts_as_written_are_clean(tmp_path: Path, key: str) -> None:
    assert _told(tmp_path, CLEAN[key]) == []


@pytest.mark.parametrize(
    ("key", "old", "new", "word"),
    [
        ("unctad", "on Trade and", "on Trade Trade and", "'Trade'"),
        ("unctad", "Development (", "Development Development (", "'Development'"),
        ("unctad", "Trade and Dev", "Trade and and Dev", "'and'"),
        ("itso", "Satellite Organization", "Satellite Satellite Organization", "'Satellite'"),
    ],
)
def test_a_word_of_a_name_written_twice_is_word_duplicate_s_alone(
    tmp_path: Path, key: str, old: str, new: str, word: str
) -> None:
    told = _told(tmp_path, CLEAN[key].replace(old, new))
    assert [rule for rule, _ in told] == ["word-duplicate"], told
    assert word in told[0][1]


def test_control_a_word_of_the_name_lost_is_still_told(tmp_path: Path) -> None:
    told = _told(tmp_path, CLEAN["unctad"].replace("Trade and ", "Trade "))
    assert [rule for rule, _ in told] == ["punctuation"], told
    assert "'UNCTD'" in told[0][1]


@pytest.mark.parametrize("written", ["Rev Rev.", "Rev. Rev.", "Rev. Rev", "rev. Rev."])
def test_rev_written_twice_in_a_citation_s_words_is_reference_text_s_alone(
    tmp_path: Path, written: str
) -> None:
    told = _told(tmp_path, CLEAN["citation"].replace("Rev.", written))
    assert [rule for rule, _ in told] == ["reference-text"], told
    assert "written twice" in told[0][1]


def test_control_rev_written_twice_outside_a_citation(tmp_path: Path) -> None:
    text = "that the text of the Rev Rev. Busan version applies;"
    told = _told(tmp_path, text)
    assert [rule for rule, _ in told] == ["word-duplicate"], told


def _resolution(number: str, history: list[dict[str, object]], text: str) -> dict[str, object]:
    return {
        "body": "pp",
        "number": number,
        "language": "en",
        "title": f"On the subject of text {number}",
        "history": history,
        "operative": [
            {
                "verb": "resolves",
                "heading": "resolves",
                "clauses": [{"label": "1", "text": text}],
            }
        ],
    }


def _citing(tmp_path: Path, words: str, target: str) -> list[tuple[str, str]]:
    root = tmp_path / "resolutions" / "pp"
    revised = [
        {"event": "adopted", "place": "Antalya", "year": 2006},
        {"event": "revised", "place": "Dubai", "year": 2018},
    ]
    write(root / "200" / "en.yaml", _resolution("200", revised, "to act."))
    adopted = [{"event": "adopted", "place": "Dubai", "year": 2018}]
    write(root / "210" / "en.yaml", _resolution("210", adopted, "to act."))
    citing = write(
        root / "1" / "en.yaml",
        _resolution(
            "1",
            [{"event": "adopted", "place": "Dubai", "year": 2018}],
            f"to apply [{words} of this conference]({target}).",
        ),
    )
    found = check_paths([tmp_path / "resolutions"]).diagnostics
    return [(d.rule, d.message) for d in found if Path(d.path) == citing]


def test_control_a_citation_of_a_revised_text_as_written(tmp_path: Path) -> None:
    assert _citing(tmp_path, "Resolution 200 (Rev. Dubai, 2018)", "pp:200@2018") == []


def test_a_citation_s_target_number_changed_is_reference_text_s_alone(tmp_path: Path) -> None:
    """The target's number changed to a resolution adopted that year: the
    words name the revised text ('Rev.'), which the new target's history
    does not have, but that follows from the number: one finding."""
    told = _citing(tmp_path, "Resolution 200 (Rev. Dubai, 2018)", "pp:210@2018")
    assert [rule for rule, _ in told] == ["reference-text"], told
    assert "the words say number 200, the target 210" in told[0][1]


def test_control_a_revision_called_so_of_a_text_adopted_then_is_still_told(
    tmp_path: Path,
) -> None:
    told = _citing(tmp_path, "Resolution 210 (Rev. Dubai, 2018)", "pp:210@2018")
    assert [rule for rule, _ in told] == ["reference-revision"], told
    assert "adopted there" in told[0][1]


def test_a_target_number_changed_to_a_revised_text_is_reference_text_s_alone(
    tmp_path: Path,
) -> None:
    """The other way round: words citing the text adopted then (no 'Rev.'),
    the target changed to a resolution revised that year."""
    assert _citing(tmp_path, "Resolution 210 (Dubai, 2018)", "pp:210@2018") == []
    told = _citing(tmp_path, "Resolution 210 (Dubai, 2018)", "pp:200@2018")
    assert [rule for rule, _ in told] == ["reference-text"], told


def test_a_capital_typed_inside_a_membership_name_is_told_once(tmp_path: Path) -> None:
    """'Member StAtes': punctuation's capital inside a word, not also its
    name written with small letters (whose advice is the same word)."""
    # (the file writes 'States' elsewhere: the capital inside the word is told
    # by itself, the other name written small by its own finding)
    told = _told(tmp_path, "that the Member StAtes, the director of BDT and States act;")
    assert sorted(m.split(":")[0] for _, m in told) == ["'StAtes'", "'director'"], told
    # (it does not: the name's finding says both)
    told = _told(tmp_path, "that the Member StAtes and the director of BDT act;")
    assert [m.split(":")[0] for _, m in told] == ["'Member StAtes', 'director'"], told
    # (control: the name written small is still told)
    told = _told(tmp_path, "that the member states and the Council act;")
    assert [rule for rule, _ in told] == ["punctuation"], told
    assert "with capitals, 'Member States'" in told[0][1], told


def test_a_capital_typed_inside_a_citation_s_noun_is_told_once(tmp_path: Path) -> None:
    """'[ResolutioN 1 …]': reference-text's noun mistyped (its words are not
    read as a citation), not also punctuation's capital inside a word."""
    cited = CLEAN["citation"].replace("[Resolution 1", "[ResolutioN 1")
    told = _told(tmp_path, cited.replace("applies;", "applies, the Resolution of the Union;"))
    assert [rule for rule, _ in told] == ["reference-text"], told
    assert "the noun of the citation mistyped" in told[0][1], told
    # (control: a capital typed inside another word of the citation)
    told = _told(
        tmp_path, CLEAN["citation"].replace("of the Plenipotentiary", "of thE Plenipotentiary")
    )
    assert "punctuation" in [rule for rule, _ in told], told
