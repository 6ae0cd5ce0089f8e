"""conversion-artefact: each operative heading merged into one clause is
found, the second and third too; a verb in a recital that another
preambular section follows is the recital's, not a merged operative part."""

from __future__ import annotations

from typing import Any

from itures import textscan
from itures.model.resolution import Resolution
from itures.rules import Context
from itures.rules.artefacts import conversion_artefact


def _resolution(preamble: list[dict[str, Any]], clauses: list[str]) -> Resolution:
    return Resolution.model_validate(
        {
            "body": "pp",
            "number": "1",
            "language": "en",
            "title": "Test",
            "history": [{"event": "adopted", "place": "Dubai", "year": 2018}],
            "preamble": preamble,
            "operative": [
                {
                    "verb": "resolves",
                    "heading": "resolves",
                    "clauses": [{"label": str(i + 1), "text": t} for i, t in enumerate(clauses)],
                }
            ],
        }
    )


def _messages(res: Resolution) -> list[tuple[tuple[str | int, ...], str]]:
    return [(f.path, f.message) for f in conversion_artefact(Context("r.yaml", res))]


def test_every_heading_in_the_span_of_another_is_one_of_its_own() -> None:
    text = (
        "to consider fellowships, invites Member States and Sector Members to participate "
        "and contribute to the activities of EG-ITR, invites the 2022 plenipotentiary "
        "conference to consider the EG-ITR report and take necessary action, as appropriate. "
        "instructs the Director of the Bureau to implement fully a programme, in order that "
        "Somalia can receive focused assistance."
    )
    found = textscan.headings(text, "en")
    assert [textscan.heading_words(h.found, "en") for h in found] == [
        "invites Member States and Sector Members",
        "invites the 2022 plenipotentiary conference",
        "instructs the Director of the Bureau",
    ]
    assert [text[h.start : h.end].strip() for h in found] == [h.found for h in found]
    messages = [m for _, m in _messages(_resolution([], [text]))]
    assert [m.split(" merged")[0] for m in messages] == [
        "operative heading 'invites Member States and Sector Members'",
        "operative heading 'invites the 2022 plenipotentiary conference'",
        "operative heading 'instructs the Director of the Bureau'",
    ]


def test_a_heading_cited_inside_the_span_is_not_one() -> None:
    text = (
        "to act, instructs the Director to follow the plan and, in particular, "
        "invites Member States to act"
    )
    assert [h.found for h in textscan.headings(text, "en")] == [text[len("to act, ") :]]


_RECITAL = (
    "the United Nations Committee on the Elimination of Discrimination against Women, in "
    "its General Recommendation No. 37, on disaster risk reduction, recommends that States "
    "make sure women have access to technologies,"
)


def test_a_verb_in_a_recital_that_another_section_follows_is_the_recitals() -> None:
    preamble = [
        {
            "verb": "further_recognizing",
            "heading": "recognizing further",
            "items": [{"label": "a)", "text": _RECITAL}],
        },
        {
            "verb": "considering",
            "heading": "considering",
            "items": [{"label": "a)", "text": "the plan of the Union,"}],
        },
    ]
    assert _messages(_resolution(preamble, ["to act."])) == []


def test_in_the_last_section_of_the_preamble_it_is_an_operative_part() -> None:
    preamble = [
        {
            "verb": "considering",
            "heading": "considering",
            "items": [{"label": "a)", "text": "the plan of the Union,"}],
        },
        {
            "verb": "further_recognizing",
            "heading": "recognizing further",
            "items": [{"label": "a)", "text": _RECITAL}],
        },
    ]
    (found,) = _messages(_resolution(preamble, ["to act."]))
    assert found[0][:2] == ("preamble", 1)
    assert found[1].startswith("an operative part inside the text of this item")
