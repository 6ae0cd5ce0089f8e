"""What a conversion merged after the resolution's words (the text that
follows the document in the printed Final Acts) is one finding,
conversion-artefact's: no other rule reports what it holds, and what comes
before it, or outside the preamble and the operative part, is still checked."""

from __future__ import annotations

from pathlib import Path

from itures.config import Config
from itures.corpus import check_paths
from itures.diagnostics import Diagnostic

HEAD = """\
body: pp
number: '1'
language: en
title: Test
history: [{event: adopted, place: Dubai, year: 2018}]
"""


def _check(tmp_path: Path, text: str) -> list[Diagnostic]:
    path = tmp_path / "doc.yaml"
    path.write_text(HEAD + text, encoding="utf-8")
    return check_paths([path], Config()).diagnostics


def test_an_entry_all_merged_says_delete_it_and_what_follows(tmp_path: Path) -> None:
    found = _check(
        tmp_path,
        """\
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to act.
      - label: '7'
        text: >-
          PART IV - LIST OF RESOLUTIONS ABROGATED BY THE PLENIPOTENTIARY CONFERENCE
          (DUBAI, 2018) RESOLUTION 36 (REV. GUADALAJARA, 2010) Telecommunications
""",
    )
    assert [d.rule for d in found] == ["conversion-artefact"]
    assert found[0].help is not None
    assert found[0].help.startswith("delete this clause and the entries after it")


def test_a_label_before_text_merged_later_in_its_entry_is_still_checked(tmp_path: Path) -> None:
    # clause 3 follows 1 (a real gap); its text is the resolution's until the
    # part heading: its label is the resolution's, and its gap is reported
    found = _check(
        tmp_path,
        """\
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to act;
      - label: '3'
        text: >-
          to report. 489 PART VI - SIGNATORIES The undersigned plenipotentiaries have
          signed the the Final Acts
      - label: '3'
        text: For the Republic of Ruritania
""",
    )
    rules = sorted(d.rule for d in found)
    assert rules == ["conversion-artefact", "numbering-gap"], [d.message for d in found]


def test_an_annex_after_merged_text_is_still_checked(tmp_path: Path) -> None:
    found = _check(
        tmp_path,
        """\
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: >-
          to act. 489 PART VI - SIGNATORIES The undersigned plenipotentiaries have
          signed the the Final Acts
annexes:
  - heading: ANNEX TO RESOLUTION 1
    items:
      - text: the the plan.
""",
    )
    by_rule = sorted((d.rule, d.line) for d in found)
    # the doubled word of the merged text is not reported; the annex's is
    assert by_rule == [("conversion-artefact", 12), ("word-duplicate", 17)], by_rule


def test_an_entry_that_is_a_page_header_says_delete_the_entry(tmp_path: Path) -> None:
    clauses = """\
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to act;
      - text: {page}
      - label: '2'
        text: to act again.
"""
    for page in ("'- 4 -'", "Res. 1 (Rev. Dubai, 2018) 4", "481 D - 12"):
        found = _check(tmp_path, clauses.format(page=page))
        assert [(d.rule, d.help) for d in found] == [
            ("conversion-artefact", "delete this clause: the page header or footer is all its text")
        ], page
    # in a text with words of its own, the header alone is to go
    found = _check(tmp_path, clauses.format(page="to act - 4 - again;"))
    assert [(d.rule, d.help) for d in found if d.rule == "conversion-artefact"] == [
        ("conversion-artefact", "delete '- 4 -'")
    ]


# The declarations of the printed Final Acts, each under its head, as the
# conversion made them clauses once their part's heading was deleted
_DECLARATIONS = """\
operative:
  - verb: instructs
    heading: instructs the Secretary-General
    clauses:
      - label: '1'
        text: to act;
      - label: '2'
        text: to report.
      - label: '1'
        text: >-
          {head} At the Conference the Delegation makes the following statement:
      - label: '1'
        text: The Government reserves its rights.
      - label: '2'
        text: >-
          Original: Spanish For the Republic of Ruritania: The delegation enters the
          following reservation:
      - label: '1'
        text: It will take any measures it may deem necessary.
"""


def test_declarations_left_once_their_part_heading_is_deleted_are_one_finding(
    tmp_path: Path,
) -> None:
    # the part's heading ("PART VII - DECLARATIONS") was deleted with the text
    # before it; what is left starts with a declaration's head, in the
    # languages of the Final Acts: one finding, on the first, not one per
    # label and end mark of what the declarations hold
    for head, language in (
        ("Original: English For Georgia:", "en"),
        ("Original : anglais Pour la Géorgie :", "fr"),
        ("Original: inglés Por el Reino de España:", "es"),
        ("Original: French For Iceland, the Principality of Liechtenstein and Norway:", "en"),
    ):
        text = _DECLARATIONS.format(head=head)
        found = _check(tmp_path, text.replace("language: en", f"language: {language}"))
        assert [d.rule for d in found] == ["conversion-artefact"], (head, found)
        assert found[0].line == 16 and head.startswith(found[0].message.split("from ")[1][1:8])
        assert found[0].help is not None
        assert found[0].help.startswith("delete this clause and the entries after it")
        # the second declaration's head is part of it, not a place of its own
        assert not [r for r in found[0].related if "follows the document" in r.message]


def test_a_declaration_head_is_not_found_in_words_that_only_look_like_it(
    tmp_path: Path,
) -> None:
    # "Original" without a language and a "For ...:" after it is a word of the text
    for words in (
        "Original: the text of the Convention prevails",
        "Original languages For the record: the six languages",
        "the original: English for all documents",
    ):
        found = _check(
            tmp_path,
            f"""\
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: '{words};'
      - label: '2'
        text: to report.
""",
        )
        assert found == [], (words, [d.message for d in found])


def test_a_page_number_left_at_the_end_of_a_text_is_found(tmp_path: Path) -> None:
    # the page number printed before the text that followed the document,
    # left when that text was deleted: it is not the clause's
    template = """\
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to act;
      - label: '2'
        text: '{text}'
"""
    for text, page in (
        ("to keep Member States informed in this regard. 489", "489"),
        ("to report to the Council; 12", "12"),
        ("to report (in writing). 7", "7"),
    ):
        found = _check(tmp_path, template.format(text=text))
        # (the last clause ending with ';' is punctuation's, the page number
        # looked through: it ends with ';', not with no mark)
        assert sorted((d.rule, d.help) for d in found) == [
            ("conversion-artefact", f"delete '{page}'"),
            *([("punctuation", "end the clause with '.'")] if ";" in text else []),
        ], text
        page_found = next(d for d in found if d.rule == "conversion-artefact")
        assert page_found.column == 16 + text.index(page)
    # a number that is the text's: after an abbreviation or a year, or in a
    # text without an end mark before it
    for text in (
        "to act in accordance with No. 12",
        "to apply Resolution 1 (Rev. 3",
        "to review Art. 5",
        "to report in 2018. 2",
        "to report to the Council within 12",
    ):
        found = _check(tmp_path, template.format(text=text))
        assert not [d for d in found if d.rule == "conversion-artefact"], text
