"""An operative heading a conversion ran into a text, with its one clause
after it unnumbered: the finding quotes and spans the heading's words (its
verb and actors), not the clause's ("instructs the Director of the
Radiocommunication Bureau", not "... to ensure that ITU-R continues ...")."""

from __future__ import annotations

import pytest

from itures import textscan
from itures.model.resolution import Resolution
from itures.rules import Context
from itures.rules.artefacts import conversion_artefact


@pytest.mark.parametrize(
    ("found", "language", "words"),
    [
        (
            "instructs the Director of the Radiocommunication Bureau to ensure that ITU-R goes on",
            "en",
            "instructs the Director of the Radiocommunication Bureau",
        ),
        (
            "resolves to instruct the Secretary-General",
            "en",
            "resolves to instruct the Secretary-General",
        ),
        ("further resolves to strengthen the project execution function", "en", "further resolves"),
        (
            "urges Member States Parties to the Tampere Convention to take all practical steps",
            "en",
            "urges Member States Parties to the Tampere Convention",
        ),
        (
            "expresses its warmest thanks to the Governments of Switzerland and Tunisia",
            "en",
            "expresses its warmest thanks to the Governments of Switzerland and Tunisia",
        ),
        (
            "instructs the Secretary-General, in cooperation with the Directors of the Bureaux, "
            "to give due consideration",
            "en",
            "instructs the Secretary-General, in cooperation with the Directors of the Bureaux",
        ),
        (
            "charge le Directeur du Bureau de développement des télécommunications de mener des "
            "travaux",
            "fr",
            "charge le Directeur du Bureau de développement des télécommunications",
        ),
        ("invite les États Membres à participer aux travaux", "fr", "invite les États Membres"),
        (
            "encarga al Director de la Oficina de Desarrollo de las Telecomunicaciones que siga",
            "es",
            "encarga al Director de la Oficina de Desarrollo de las Telecomunicaciones",
        ),
        ("invita a los Estados Miembros a participar", "es", "invita a los Estados Miembros"),
        ("поручает Генеральному секретарю", "ru", "поручает Генеральному секретарю"),
        ("not a heading to act", "en", "not a heading to act"),
    ],
)
def test_the_words_of_a_heading(found: str, language: str, words: str) -> None:
    assert textscan.heading_words(found, language) == words


def test_the_finding_spans_the_heading_words_only() -> None:
    clause = (
        "to act on the plan, instructs the Director of the Radiocommunication Bureau to ensure "
        "that the work goes on;"
    )
    res = Resolution.model_validate(
        {
            "body": "pp",
            "number": "1",
            "language": "en",
            "title": "Test",
            "history": [{"event": "adopted", "place": "Dubai", "year": 2018}],
            "operative": [
                {
                    "verb": "resolves",
                    "heading": "resolves",
                    "clauses": [{"label": "1", "text": clause}],
                }
            ],
        }
    )
    (found,) = [f for f in conversion_artefact(Context("r.yaml", res)) if "heading" in f.message]
    heading = "instructs the Director of the Radiocommunication Bureau"
    assert found.message.startswith(f"operative heading '{heading}' merged")
    assert found.offset is not None and found.length is not None
    assert clause[found.offset : found.offset + found.length] == heading
