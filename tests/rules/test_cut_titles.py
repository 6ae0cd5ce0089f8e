"""conversion-artefact: a title cut short inside a word, told by the file's
own words; not a title that ends on a word the texts write."""

from __future__ import annotations

from itures.model.resolution import Resolution
from itures.rules import Context
from itures.rules.artefacts import conversion_artefact


def _title_findings(title: str, text: str, language: str = "en") -> list[tuple[str, int]]:
    res = Resolution.model_validate(
        {
            "body": "pp",
            "number": "1",
            "language": language,
            "title": title,
            "history": [{"event": "adopted", "place": "Dubai", "year": 2018}],
            "preamble": [
                {
                    "verb": "considering",
                    "heading": "considering" if language == "en" else "considérant",
                    "items": [{"label": "a)", "text": text}],
                }
            ],
        }
    )
    return [
        (f.message, f.offset)
        for f in conversion_artefact(Context("r.yaml", res))
        if f.path == ("title",)
    ]


def test_a_title_cut_inside_a_word() -> None:
    title = "ITU's role on issues pertaining to the Internet and th"
    assert _title_findings(title, "the management of Internet resources,") == [
        (
            "the title ends with 'th', a word the file's texts write nowhere else (they write "
            "'the'): cut short by the conversion",
            len(title) - 2,
        )
    ]
    assert len(_title_findings("Support for their telecommunication sect", "the sector,")) == 1


def test_a_title_that_ends_on_a_word() -> None:
    for title, text in [
        ("Documents and publications of the Union", "the Union,"),
        ("Access to telecommunication networks", "the networks,"),
        # the texts write the word inflected only: still a word
        ("Access to a telecommunication network", "the networks and networking,"),
        ("Measures for the landlocked", "the landlocked developing countries,"),
        ("Measures for development", "nothing of that word,"),
    ]:
        assert _title_findings(title, text) == [], title


def test_french_and_a_word_beyond_ascii() -> None:
    assert len(_title_findings("Rôle de l'UIT dans la prot", "la protection,", "fr")) == 1
    assert _title_findings("Rôle de l'UIT pour les pays en dévelo", "le développement,", "fr") == []
