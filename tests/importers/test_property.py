"""Laws: arbitrary input never crashes an importer; markup keeps the words."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itures.importers import ImportFailure, akn, wordtext
from itures.importers.extract import addressed, deadlines, mark_citations
from itures.model import markup
from tests.importers.aknfixtures import CONSIDERING, statement

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
        "ANNEX 1 TO RESOLUTION 7 (REV. DUBAI, 2018)",
        "ANNEX TO RESOLUTION 10 (REV. DUBAI, 2018) ",
        "ANNEXE (de la Résolution 59 (Rév. Buenos Aires, 2017))",
        "ANEXO",
        "(to Resolution 7)",
        "Annex 2 to ",
        "the annex to ",
        "resolves 3 of ",
        "paragraph 1 i) of instructs the Secretary-General of ",
        "le point 1 du décide de ",
        "l'Annexe 2 de ",
        "el Anexo de ",
        "this resolution",
        "la présente Résolution",
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
    marked, _ = mark_citations(text, language, "pp", "71")
    _, problems = markup.parse(marked)
    assert problems == []
    assert markup.plain(marked) == text
    addressed(text, language)
    deadlines(text, language)


@settings(max_examples=150, deadline=None)
@given(st.lists(DOCUMENTS, min_size=3, max_size=3))
def test_akn_clauses_and_attachments_never_crash_and_keep_their_words(texts: list[str]) -> None:
    """Arbitrary text in the last clause, after it and in an attachment."""
    from xml.sax.saxutils import escape

    safe = [escape("".join(c for c in t if c.isprintable() or c in "\t\n")) for t in texts]
    xml = statement(
        "10",
        "10 (REV. DUBAI, 2018)",
        "Title",
        CONSIDERING,
        f"""<hcontainer name="resolves" eId="h"><heading>resolves</heading>
        <paragraph eId="p1"><num>1</num><content><p>{safe[0]}</p></content></paragraph>
        <paragraph eId="p2"><num>2</num><intro><p>{safe[1]}</p></intro>
          <point eId="p2a"><num>a)</num><content><p>x {safe[0]}</p></content></point>
        </paragraph></hcontainer>""",
        f"""<attachments><attachment eId="a"><doc name="annex">
        <meta><identification source="#x"><FRBRWork><FRBRthis value="/a"/></FRBRWork></identification></meta>
        <preface><longTitle><p><docNumber>{safe[2]}</docNumber></p></longTitle></preface>
        <mainBody><p>{safe[1]}</p></mainBody></doc></attachment></attachments>""",
    )
    try:
        [imported], _ = akn.parse_bytes(xml.encode(), source="x.xml")
    except ImportFailure as exc:
        assert str(exc)
        return
    res = imported.resolution
    ours = " ".join(markup.plain(t) for _, t in res.texts())
    ours += " ".join(a.heading for a in res.annexes)
    for word in " ".join(texts[:2]).split():
        if word.isprintable() and "[" not in word and "]" not in word:
            # an annex heading glued to the words before it starts an annex
            assert word in ours or all(p in ours for p in re.split(r"(?=ANNEX)", word) if p)
