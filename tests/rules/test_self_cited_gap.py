"""An entry deleted that its own file cites ("[resolves 2 above]"): the
citation no longer resolves (reference-unresolved) and the list has a gap
(numbering-gap: "clause 3 follows 1; expected 2", help "relabel 3 as 2").
One slip, two findings, and the gap's fix would make the citation name
another clause, silently. Now it is the citation's finding alone, whose help
says to correct it or restore the entry before the list is renumbered, the
place of the gap attached."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths

DOC = """\
body: wtdc
number: '99'
language: en
title: A resolution that cites itself
history:
  - {event: adopted, place: Kigali, year: 2022}
conference: The World Telecommunication Development Conference (Kigali, 2022),
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: to act;
      - label: '2'
        text: to report;
      - label: '3'
        text: to review,
  - verb: instructs
    heading: instructs the Director of the Telecommunication Development Bureau
    clauses:
      - text: to carry out [resolves 2 above](wtdc:99#resolves/2).
"""
SECOND = "      - label: '2'\n        text: to report;\n"


def _check(tmp_path: Path, text: str, *more: tuple[str, str]) -> list:
    root = tmp_path / "resolutions"
    target = root / "wtdc" / "99" / "en.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    for where, other in more:
        (root / where).parent.mkdir(parents=True, exist_ok=True)
        (root / where).write_text(other, encoding="utf-8")
    return check_paths([root]).diagnostics


def test_the_file_checks_clean_with_its_entry(tmp_path: Path) -> None:
    assert _check(tmp_path, DOC) == []


def test_the_entry_deleted_is_the_citation_s_finding_the_gap_attached(tmp_path: Path) -> None:
    found = _check(tmp_path, DOC.replace(SECOND, ""))
    assert [d.rule for d in found] == ["reference-unresolved"], found
    (d,) = found
    assert "before that list is renumbered" in (d.help or "")
    (gap,) = d.related
    assert gap.message == "'3', where '2' is missing before it"
    assert gap.line == DOC.replace(SECOND, "").split("\n").index("      - label: '3'") + 1


def test_control_without_the_citation_the_gap_is_numbering_gap_s(tmp_path: Path) -> None:
    text = DOC.replace(SECOND, "").replace("[resolves 2 above](wtdc:99#resolves/2)", "the work")
    found = _check(tmp_path, text)
    assert [d.rule for d in found] == ["numbering-gap"], found


def test_control_another_file_s_citation_leaves_the_gap_to_numbering_gap(tmp_path: Path) -> None:
    # (the other file's citation is its own finding there; the gap, here)
    text = DOC.replace(SECOND, "").replace("[resolves 2 above](wtdc:99#resolves/2)", "the work")
    other = DOC.replace("number: '99'", "number: '98'").replace(
        "[resolves 2 above](wtdc:99#resolves/2)",
        "[resolves 2 of Resolution 99 (Kigali, 2022)](wtdc:99@2022#resolves/2)",
    )
    found = _check(tmp_path, text, ("wtdc/98/en.yaml", other))
    assert sorted((d.rule, Path(d.path).parts[-2]) for d in found) == [
        ("numbering-gap", "99"),
        ("reference-unresolved", "98"),
    ], found


def test_a_suppressed_gap_stays_accepted(tmp_path: Path) -> None:
    # the gap accepted by a suppression (a published numbering): its comment
    # is not told unused because the citation's finding covers the gap
    text = DOC.replace(SECOND, "").replace(
        "      - label: '3'",
        "      # itures: ignore[numbering-gap] reason: numbered so as published\n"
        "      - label: '3'",
    )
    found = _check(tmp_path, text)
    assert [d.rule for d in found] == ["reference-unresolved"], found


def test_two_citations_of_the_entry_deleted_are_one_finding(tmp_path: Path) -> None:
    # "resolves 2 above" twice: one entry lost, one finding, both citations in it
    text = DOC.replace(SECOND, "").replace(
        "to carry out [resolves 2 above](wtdc:99#resolves/2).",
        "to carry out [resolves 2 above](wtdc:99#resolves/2) and to report on\n"
        "          [resolves 2](wtdc:99#resolves/2).",
    )
    found = _check(tmp_path, text)
    assert [d.rule for d in found] == ["reference-unresolved"], found
    assert [r.message for r in found[0].related] == [
        "'3', where '2' is missing before it",
        "another citation of it",
    ]
    # (two parts missing: two findings)
    both = text.replace("[resolves 2](wtdc:99#resolves/2)", "[resolves 4](wtdc:99#resolves/4)")
    assert [d.rule for d in _check(tmp_path / "b", both)] == ["reference-unresolved"] * 2


# (a list the conversion garbled at its end as well, "... 3, 18": the slip's
# place is read around it, not against the whole list)
GARBLED = DOC.replace(
    "        text: to review,\n",
    "        text: to review;\n      - label: '18'\n        text: to close,\n",
)


def test_with_a_break_elsewhere_in_the_list_the_entry_deleted_is_one_finding(
    tmp_path: Path,
) -> None:
    base = sorted(d.rule for d in _check(tmp_path / "a", GARBLED))
    assert base == ["numbering-gap"]  # ('18' after '3': the garbled end)
    found = _check(tmp_path / "b", GARBLED.replace(SECOND, ""))
    assert sorted(d.rule for d in found) == ["numbering-gap", "reference-unresolved"], found
    (cited,) = [d for d in found if d.rule == "reference-unresolved"]
    assert [r.message for r in cited.related] == ["'3', where '2' is missing before it"]


def test_with_a_break_elsewhere_in_the_list_a_mistyped_label_is_numberings_alone(
    tmp_path: Path,
) -> None:
    # (clauses '1, 3, 3, 18' for a citation of clause 2: the label to correct)
    text = GARBLED.replace(SECOND, SECOND.replace("'2'", "'3'"))
    found = _check(tmp_path, text)
    assert sorted((d.rule, d.pointer) for d in found) == [
        ("numbering-duplicate", "/operative/0/clauses/1/label"),
        ("numbering-gap", "/operative/0/clauses/3/label"),
    ], found


def test_control_a_citation_of_a_clause_no_label_mends_is_told(tmp_path: Path) -> None:
    # (clause 7 cited: no label of '1, 2, 3, 18' read as 7 puts it in sequence there)
    text = GARBLED.replace(
        "resolves 2 above](wtdc:99#resolves/2)", "resolves 7 above](wtdc:99#resolves/7)"
    )
    found = _check(tmp_path, text)
    assert sorted(d.rule for d in found) == ["numbering-gap", "reference-unresolved"], found
