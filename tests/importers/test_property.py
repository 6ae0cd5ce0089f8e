"""Laws: arbitrary input never crashes an importer; markup keeps the words."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itures.importers import ImportFailure, akn, wordtext
from itures.importers.extract import addressed, deadlines, mark_citations
from itures.model import markup

# pieces that look like parts of a resolution, to reach deep into the parser
PIECES = st.sampled_from(
    [
        "RESOLUTION 59 (REV. DUBAI, 2014BUENOS AIRES, 2017)",
        "RÉSOLUTION 5 (RÉV.DUBAÏ, 2014)",
        "RESOLUCIÓN 7 (DUBÁI, 2018)",
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
        "La Conférence mondiale de développement des télécommunications (Dubaï,\u00a02014Buenos Aires, 2017),",
        "considering",
        "rappelant",
        "resolves",
        "charge le Directeur du BDT",
        "décide",
        "a)\t",
        "abis)\t",
        "i)\t",
        "1\t",
        "1.1\t",
        "5\t",
        "\t",
        "\n",
        " ",
        ";",
        ",;",
        ";,",
        ".",
        "[footnoteRef:1]1",
        "[1: 1\tnote]",
        "[2: ",
        "]",
        "[bookmark: _Toc1]",
        "[^1]",
        "[x](pp:1)",
        "Resolution 71 (Rev. Dubai, 2018) of this conference",
        "UNGA Resolution 70/1",
        "to invite the Director of BDT, in cooperation with the Secretary-General, to report annually to the Council",
        "d'inviter le GCDT à rendre compte chaque année au GCDT",
        "by 2020",
        "______________",
    ]
)
DOCUMENTS = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), DOCUMENTS), st.sampled_from([None, "en", "fr", "es"]))
def test_text_import_never_crashes(text: str, language: str | None) -> None:
    try:
        imported = wordtext.parse_text(text, source="t.txt", language=language)
    except ImportFailure as exc:
        assert str(exc)
    else:
        assert imported.resolution.title


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300), DOCUMENTS.map(lambda t: f"<akomaNtoso>{t}</akomaNtoso>".encode())
    )
)
def test_akn_import_never_crashes(data: bytes) -> None:
    try:
        akn.parse_bytes(data, source="x.xml")
    except ImportFailure as exc:
        assert str(exc)


WORDS = (
    st.lists(st.one_of(PIECES, st.text(max_size=15)), max_size=12)
    .map("".join)
    .filter(lambda t: "[" not in t and "]" not in t)
)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.sampled_from(["en", "fr", "es"]))
def test_citation_markup_keeps_the_words(text: str, language: str) -> None:
    marked, _ = mark_citations(text, language, "pp")
    _, problems = markup.parse(marked)
    assert problems == []
    assert markup.plain(marked) == text
    addressed(text, language)
    deadlines(text, language)
