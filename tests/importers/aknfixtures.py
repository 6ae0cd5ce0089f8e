"""Akoma Ntoso documents written for the import tests, valid against the official XSD.

:func:`statement` wraps a preamble, a main body and attachments in the metadata
AKN 3.0 requires (``FRBRWork``, ``FRBRExpression``, ``FRBRManifestation``), the
way the AKN4UN style names a resolution of the Plenipotentiary Conference.
"""

from __future__ import annotations

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def meta(work: str, language: str = "eng", author: str = "#itu-pp") -> str:
    """The identification block of a document whose work URI is ``work``."""
    expression = f"{work}/{language}@"
    return f"""<meta>
      <identification source="#itures">
        <FRBRWork>
          <FRBRthis value="{work}/!main"/>
          <FRBRuri value="{work}"/>
          <FRBRdate date="2018-11-15" name="adoption"/>
          <FRBRauthor href="{author}"/>
          <FRBRcountry value="un"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="{expression}/!main"/>
          <FRBRuri value="{expression}"/>
          <FRBRdate date="2018-11-15" name="adoption"/>
          <FRBRauthor href="{author}"/>
          <FRBRlanguage language="{language}"/>
        </FRBRExpression>
        <FRBRManifestation>
          <FRBRthis value="{expression}/!main.xml"/>
          <FRBRuri value="{expression}.akn"/>
          <FRBRdate date="2024-01-01" name="conversion"/>
          <FRBRauthor href="#itures"/>
        </FRBRManifestation>
      </identification>
    </meta>"""


def statement(
    number: str,
    doc_number: str,
    title: str,
    preamble: str,
    main: str,
    attachments: str = "",
    *,
    kind: str = "resolution",
    language: str = "eng",
) -> str:
    """A complete AKN file holding one statement."""
    work = f"/akn/un/statement/deliberation/itu-pp/2018-11-15/{kind[:3]}-{number}"
    formula = (
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),"
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{NS}">
  <statement name="{kind}">
    {meta(work, language)}
    <preface>
      <longTitle eId="longTitle_1"><p><docType>{kind.upper()}</docType> <docNumber>{doc_number}</docNumber></p></longTitle>
      <container name="title" eId="container_title"><p>{title}</p></container>
    </preface>
    <preamble>
      <formula name="enactingFormula" eId="formula_1"><p>{formula}</p></formula>
      {preamble}
    </preamble>
    <mainBody>
      {main}
    </mainBody>
    {attachments}
  </statement>
</akomaNtoso>
"""


CONSIDERING = """<recitals eId="recs_1">
      <intro><p><i>considering</i></p></intro>
      <recital eId="rec_a"><num>a)</num><p>that resolves 3 of Resolution 191 (Rev. Dubai, 2018) of this conference applies;</p></recital>
      <recital eId="rec_b"><num>b)</num><p>that paragraph 1 i) of instructs the Director of the Telecommunication Standardization Bureau of Resolution 64 (Rev. Hammamet, 2016) of WTSA is relevant,</p></recital>
    </recitals>"""

# an annex as AKN means it: attachments/attachment holding a doc, and a reference
# to an annex kept elsewhere
ATTACHED = statement(
    "9",
    "9 (REV. DUBAI, 2018)",
    "A resolution with attachments",
    CONSIDERING,
    """<hcontainer name="resolves" eId="hcont_1">
        <heading>resolves</heading>
        <paragraph eId="para_1"><num>1</num><content><p>to approve the terms of reference in Annex 1 to this resolution;</p></content></paragraph>
        <paragraph eId="para_2"><num>2</num><intro><p>to invite:</p></intro>
          <point eId="para_2__point_a"><num>a)</num><content><p>Member States to contribute.</p></content></point>
        </paragraph>
      </hcontainer>""",
    f"""<attachments>
      <attachment eId="att_1">
        <doc name="annex">
          {meta("/akn/un/doc/annex/itu-pp/2018-11-15/res-9-annex-1")}
          <preface>
            <longTitle eId="att_1__longTitle"><p><docNumber>ANNEX 1 TO RESOLUTION 9 (REV. DUBAI, 2018)</docNumber></p></longTitle>
            <container name="title" eId="att_1__title"><p>Terms of reference</p></container>
          </preface>
          <mainBody>
            <paragraph eId="att_1__para_1"><num>1</num><intro><p>The group consists of:</p></intro>
              <point eId="att_1__para_1__point_a"><num>a)</num><content><p>representatives of Member States;</p></content></point>
              <point eId="att_1__para_1__point_b"><num>b)</num><content><p>the Directors of the three Bureaux.</p></content></point>
            </paragraph>
            <hcontainer name="meetings" eId="att_1__hcont_1">
              <heading>Meetings</heading>
              <paragraph eId="att_1__para_2"><num>2</num><content><p>The group meets twice a year, as set out in resolves 2 of Resolution 9 (Rev. Dubai, 2018).</p></content></paragraph>
            </hcontainer>
            <p eId="att_1__p_1">Membership is open to all.</p>
            <table eId="att_1__table_1"><tr><th><p>Year</p></th><th><p>Meetings</p></th></tr><tr><td><p>2019</p></td><td><p>2</p></td></tr></table>
          </mainBody>
        </doc>
      </attachment>
      <attachment eId="att_2">
        <documentRef href="/akn/un/doc/annex/itu-pp/2018-11-15/res-9-annex-2" showAs="Annex 2"/>
      </attachment>
    </attachments>""",
)

# what a PDF conversion does: annex headings run into the last clause, the annex's
# paragraphs carried on as clauses of the last section
MERGED = statement(
    "10",
    "10 (REV. DUBAI, 2018)",
    "A resolution whose annexes were merged into its last clause",
    CONSIDERING,
    """<hcontainer name="resolves" eId="hcont_1">
        <heading>resolves</heading>
        <paragraph eId="para_1"><num>1</num><content><p>to approve the procedure in the annex to this resolution;</p></content></paragraph>
      </hcontainer>
      <hcontainer name="instructs" eId="hcont_2">
        <heading>instructs the Secretary-General</heading>
        <paragraph eId="para_2"><num>1</num><content><p>to report annually to the Council. ANNEX 1 TO RESOLUTION 10 (REV. DUBAI, 2018) Procedure for the review</p></content></paragraph>
        <paragraph eId="para_3"><num>1</num><intro><p>The review takes into account:</p></intro>
          <point eId="para_3__point_a"><num>a)</num><content><p>the functions of the regional offices;</p></content></point>
          <point eId="para_3__point_b"><num>b)</num><content><p>the needs of developing countries.</p></content></point>
        </paragraph>
        <paragraph eId="para_4"><num>2</num><content><p>The review is made every four years. ANNEX 2 TO RESOLUTION 10 (REV. DUBAI, 2018) Glossary Activities are actions that transform resources into outputs.</p></content></paragraph>
        <paragraph eId="para_5"><num>1</num><content><p>Outputs are results.</p></content></paragraph>
      </hcontainer>""",
)

# an annex heading merged into a section that other sections follow: not separated
NOT_LAST = statement(
    "11",
    "11 (REV. DUBAI, 2018)",
    "A resolution whose annex heading sits in the middle",
    CONSIDERING,
    """<hcontainer name="resolves" eId="hcont_1">
        <heading>resolves</heading>
        <paragraph eId="para_1"><num>1</num><content><p>to act. ANNEX TO RESOLUTION 11 (REV. DUBAI, 2018) Terms</p></content></paragraph>
      </hcontainer>
      <hcontainer name="instructs" eId="hcont_2">
        <heading>instructs the Secretary-General</heading>
        <paragraph eId="para_2"><num>1</num><content><p>to report.</p></content></paragraph>
      </hcontainer>""",
)

FIXTURES = {"attached": ATTACHED, "merged": MERGED, "not-last": NOT_LAST}
