"""Numbering as the smallest explanation: one edit, one finding, and its fix."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures import load
from itures.config import Config
from itures.corpus import check_paths
from itures.model.resolution import Resolution
from itures.rules import Context
from itures.rules import labels as lb
from itures.rules.numbering import Analysis, Defect, analyse, apply_fix
from tests.conftest import SEED_YAML, SHARED, resolution

Ordinal = lb.Ordinal
HEAD: dict[str, Any] = {
    "body": "wtdc",
    "number": "1",
    "language": "en",
    "title": "Test",
    "history": [{"event": "adopted", "place": "Geneva", "year": 2000}],
}
STYLES = ("letter", "number", "roman", "decimal")
LIKE = lb.Label("a)", "letter", (1,))


def _label(style: str, o: Ordinal) -> str:
    (n,), ins = o
    if style == "decimal":
        return lb.render("number", (2, n), ins)
    kind: lb.Kind = "roman" if style == "roman" else "letter" if style == "letter" else "number"
    return lb.render(kind, (n,), ins, like=None if kind == "number" else LIKE)


def _document(style: str, labels: list[str]) -> dict[str, Any]:
    """A resolution holding the list: preamble items (letters), operative
    clauses (numbers), a roman list nested in clause 1, or a decimal list
    nested in clause 2."""
    entries = [{"label": label, "text": "that;"} for label in labels]
    doc: dict[str, Any] = {**HEAD}
    if style == "letter":
        doc["preamble"] = [{"verb": "considering", "heading": "considering", "items": entries}]
        return doc
    if style == "number":
        clauses = entries
    elif style == "roman":
        clauses = [{"label": "1", "text": "to:", "clauses": entries}]
    else:
        clauses = [
            {"label": "1", "text": "to;"},
            {"label": "2", "text": "to:", "clauses": entries},
        ]
    doc["operative"] = [{"verb": "resolves", "heading": "resolves", "clauses": clauses}]
    return doc


def _analyse(doc: dict[str, Any]) -> Analysis:
    return analyse(Context("x.yaml", Resolution.model_validate(doc)))


@st.composite
def in_sequence(draw: st.DrawFn, style: str, min_size: int = 1) -> list[Ordinal]:
    """Ordinals built by successor steps only: the next one, or an insertion."""
    out: list[Ordinal] = [((1,), 0)]
    limit = 20 if style == "letter" else 30
    size = draw(st.integers(min_size, 8))
    while len(out) < size:
        (n,), ins = out[-1]
        if draw(st.integers(0, 3)) == 0 and ins < 2:
            out.append(((n,), ins + 1))
        elif n < limit:
            out.append(((n + 1,), 0))
        else:
            break
    return out


def _valid(seq: list[Ordinal]) -> bool:
    """The law a list in sequence obeys, written independently of the walk."""
    if not seq or seq[0] != ((1,), 0):
        return not seq
    for prev, cur in itertools.pairwise(seq):
        (n,), ins = prev
        if cur not in (((n + 1,), 0), ((n,), ins + 1)):
            return False
    return True


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, list[Ordinal], str]:
    """A list in sequence with one random edit applied."""
    style = draw(st.sampled_from(STYLES))
    seq = draw(in_sequence(style, min_size=2))
    edit = draw(st.sampled_from(["relabel", "insert", "delete", "swap", "restart"]))
    n = len(seq)
    if edit == "relabel":
        k = draw(st.integers(0, n - 1))
        top = 26 if style == "letter" else 40
        new = draw(
            st.tuples(st.tuples(st.integers(1, top)), st.integers(0, 2)).filter(
                lambda o: o != seq[k]
            )
        )
        seq = [*seq[:k], new, *seq[k + 1 :]]
    elif edit == "insert":  # an entry added with its neighbour's label
        k = draw(st.integers(0, n))
        copy = seq[max(0, k - 1)] if draw(st.booleans()) or k == n else seq[k]
        seq = [*seq[:k], copy, *seq[k:]]
    elif edit == "delete":
        k = draw(st.integers(0, n - 1))
        seq = [*seq[:k], *seq[k + 1 :]]
    elif edit == "swap":
        k = draw(st.integers(0, n - 2))
        m = draw(st.integers(k + 1, n - 1))
        seq = list(seq)
        seq[k], seq[m] = seq[m], seq[k]
    else:  # the list starts again: a missing heading, or a list that goes on
        k = draw(st.integers(1, n - 1))
        seq = [*seq[:k], *seq[: n - k]]
    return style, seq, edit


def _only(found: Analysis) -> Defect:
    assert len(found.defects) == 1, [d.finding.message for d in found.defects]
    return found.defects[0]


@given(st.sampled_from(STYLES), st.data())
def test_a_list_in_sequence_has_no_finding(style: str, data: st.DataObject) -> None:
    seq = data.draw(in_sequence(style))
    found = _analyse(_document(style, [_label(style, o) for o in seq]))
    assert found.defects == []


@given(edited())
def test_one_edit_gives_one_finding_whose_fix_makes_the_list_right(
    case: tuple[str, list[Ordinal], str],
) -> None:
    style, seq, edit = case
    doc = _document(style, [_label(style, o) for o in seq])
    found = _analyse(doc)
    if _valid(seq):  # the edit left a list in sequence (the last entry deleted, …)
        assert found.defects == []
        return
    defect = _only(found)
    assert defect.fix is not None, defect.finding.message
    assert defect.finding.help
    fixed = apply_fix(doc, defect.fix)
    assert _analyse(fixed).defects == [], (defect.finding.message, defect.fix)
    # one label changed is fixed by changing one label, two swapped by two
    if edit == "relabel":
        assert len(defect.fix.relabel) == 1, defect.fix
    if edit == "swap" and defect.fix.relabel:
        assert len(defect.fix.relabel) <= 2, defect.fix


def _example(*, as_published: bool = False) -> dict[str, Any]:
    """The example file's data; its clause 5 of *charge…* (kept as published,
    its finding suppressed in the file) relabelled 3 unless ``as_published``."""
    data = load(SEED_YAML).model_dump(mode="json", exclude_none=True, by_alias=True)
    if not as_published:
        data["operative"][1]["clauses"][2]["label"] = "3"
    return data


def _labels(data: dict[str, Any], part: str, s: int) -> list[dict[str, Any]]:
    section = data[part][s]
    entries: list[dict[str, Any]] = section["items" if part == "preamble" else "clauses"]
    return entries


def _set(data: dict[str, Any], part: str, s: int, labels: list[str]) -> None:
    for entry, label in zip(_labels(data, part, s), labels, strict=True):
        entry["label"] = label


MEASURED = {
    "rappelant: c) relabelled d)": (
        "preamble",
        0,
        ["a)", "b)", "d)", "d)", "e)"],
        ("numbering-duplicate", 2, "appears twice", "c)"),
    ),
    "décide: 1, 3, 2, 4": (
        "operative",
        0,
        ["1", "3", "2", "4"],
        ("numbering-gap", 1, "in the wrong order", "2"),
    ),
    "décide: 2 relabelled 1": (
        "operative",
        0,
        ["1", "1", "3", "4"],
        ("numbering-duplicate", 1, "appears twice", "2"),
    ),
}


@pytest.mark.parametrize("name", list(MEASURED))
def test_the_measured_examples_give_one_finding_on_the_wrong_label(name: str) -> None:
    part, s, labels, (rule, index, words, new) = MEASURED[name]
    data = _example()
    _set(data, part, s, labels)
    defect = _only(_analyse(data))
    key = "items" if part == "preamble" else "clauses"
    assert defect.rule == rule
    assert defect.finding.path == (part, s, key, index, "label")
    assert words in defect.finding.message
    assert defect.fix is not None
    assert (((part, s, key, index)), new) in defect.fix.relabel
    assert _analyse(apply_fix(data, defect.fix)).defects == []


def test_a_label_left_in_the_text_is_no_numbering_finding() -> None:
    """The conversion-artefact rule reports it; the list is read with it."""
    data = _example()
    item = _labels(data, "preamble", 1)[1]
    item["text"] = "b) " + item.pop("text")
    del item["label"]
    assert _analyse(data).defects == []


def test_a_number_left_in_the_text_is_one_finding(tmp_path: Path) -> None:
    """The number left before the text's first word is the conversion-artefact
    rule's: numbering reads it as the clause's label and says nothing more;
    one it does not report (before a capital) is numbering's."""
    from itures.yamlio.write import dump_data

    data = _example()
    clause = _labels(data, "operative", 0)[0]
    clause["text"] = "1 " + clause.pop("text")
    del clause["label"]
    assert _analyse(data).defects == []
    path = tmp_path / "fr.yaml"
    path.write_text(dump_data(data), encoding="utf-8")
    result = check_paths([path], Config())
    here = [d for d in result.diagnostics if d.pointer == "/operative/0/clauses/0/text"]
    assert [d.rule for d in here] == ["conversion-artefact"]
    assert "'1'" in here[0].message
    # the number the list expects there before a capital: conversion-artefact's too
    clause["text"] = "1 D" + clause["text"][3:]
    assert _analyse(data).defects == []
    path.write_text(dump_data(data), encoding="utf-8")
    result = check_paths([path], Config())
    here = [d for d in result.diagnostics if d.pointer == "/operative/0/clauses/0/text"]
    assert [d.rule for d in here] == ["conversion-artefact"]


def test_a_lettered_list_holding_c_d_i_l_m_is_read_as_letters() -> None:
    labels = [f"{c})" for c in "abcdefghijklm"]
    data = _example()
    data["preamble"][0]["items"] = [{"label": x, "text": "that;"} for x in labels]
    assert _analyse(data).defects == []


def test_a_roman_list_nested_at_its_parents_level_is_one_finding() -> None:
    """PP-18 Resolution 102: a) ends with ':', then i), v) at its level, then b)."""
    data = _example()
    items = _labels(data, "preamble", 0)
    items[0]["text"] = "that the purposes of the Union are:"
    items[1:1] = [{"label": "i)", "text": "to promote;"}, {"label": "v)", "text": "to extend;"}]
    defect = _only(_analyse(data))
    assert defect.rule == "numbering-style"
    assert "nested" in defect.finding.message
    assert defect.fix is not None and len(defect.fix.nest) == 2
    fixed = apply_fix(data, defect.fix)
    assert [i["label"] for i in fixed["preamble"][0]["items"][0]["items"]] == ["i)", "v)"]


def test_a_label_of_another_script_gives_no_numbering_cascade() -> None:
    data = _example()
    _labels(data, "preamble", 0)[2]["label"] = "\u0441)"  # Cyrillic es, looks like c
    assert _analyse(data).defects == []


def test_the_stray_5_names_the_list_it_continues() -> None:
    defect = _only(_analyse(_example(as_published=True)))
    assert defect.finding.path == ("operative", 1, "clauses", 2, "label")
    assert "continues the list of 'décide', which ends at 4" in defect.finding.message
    assert defect.fix is not None and defect.fix.relabel[0][1] == "3"


def test_labels_run_into_the_text_before_are_conversion_artefacts_not_a_gap(
    tmp_path: Path,
) -> None:
    """PP-18 Resolution 135: 'i) … ; ii) … ; iii) … ; iv) …' in one text, then v).

    One defect: conversion-artefact reports the labels inside the text of i),
    with the fix (split the text); the numbering does not report v) again."""
    data = _example()
    clause = _labels(data, "operative", 0)[0]
    clause["clauses"] = [
        {"label": "i)", "text": "continue; ii) cooperate; iii) continue; iv) take into account;"},
        {"label": "v)", "text": "promote."},
    ]
    assert _analyse(data).defects == []
    from itures.yamlio.write import dump_data

    path = tmp_path / "fr.yaml"
    path.write_text(dump_data(data), encoding="utf-8")
    # (the punctuation of the example's other clauses aside)
    found = [d for d in check_paths([path], Config()).diagnostics if d.rule != "punctuation"]
    assert [d.rule for d in found] == ["conversion-artefact"]
    assert "'ii)', 'iii)', 'iv)' inside the text" in found[0].message
    assert found[0].pointer == "/operative/0/clauses/0/clauses/0/text"


def test_labels_run_into_the_text_before_that_no_scan_reports_are_a_gap_that_says_so() -> None:
    """The labels after commas ("continue, ii) cooperate"): not labels to the
    scans of conversion-artefact, found by the numbering, which says so."""
    data = _example()
    clause = _labels(data, "operative", 0)[0]
    clause["clauses"] = [
        {"label": "i)", "text": "continue, ii) cooperate, iii) continue, iv) take into account;"},
        {"label": "v)", "text": "promote."},
    ]
    defect = _only(_analyse(data))
    assert defect.rule == "numbering-gap"
    assert "ii) to iv) are written inside the text of i)" in defect.finding.message
    assert defect.finding.help == "split the text of i) at ii) to iv) into clauses of their own"


def test_a_gap_that_labels_run_into_the_text_before_fill_in_part_is_reported() -> None:
    """PP-18 Decision 11: 10 to 13 inside the text of 9, then 18 (14 to 17 nowhere)."""
    data = _example()
    clauses = _labels(data, "operative", 0)
    clauses[:] = [{"label": str(n), "text": f"to do thing {n};"} for n in range(1, 10)]
    clauses[-1]["text"] = "to do; 10 to act; 11 to report; 12 to review; 13 to study;"
    clauses.append({"label": "18", "text": "to end."})
    defect = _only(_analyse(data))
    assert defect.rule == "numbering-gap"
    assert defect.finding.path == ("operative", 0, "clauses", 9, "label")
    assert defect.finding.message == (
        "clause 18 follows 13 (inside the text of 9, with the labels before it) in "
        "'décide': 14 to 17 are missing"
    )
    assert defect.finding.help == ("restore 14 to 17 from the published text, or relabel 18 as 14")
    # one missing
    clauses[-1]["label"] = "15"
    (defect,) = _analyse(data).defects
    assert defect.finding.message.endswith(": 14 is missing")
    # none missing: the conversion-artefact finding in the text of 9 alone
    clauses[-1]["label"] = "14"
    assert _analyse(data).defects == []
    # a hole among the labels inside (12 nowhere): the whole gap is said here
    clauses[-2]["text"] = "to do; 10 to act; 11 to report; 13 to study;"
    (defect,) = _analyse(data).defects
    assert defect.rule == "numbering-gap"
    assert defect.finding.path == ("operative", 0, "clauses", 9, "label")
    assert defect.finding.message == (
        "clause 14 follows 9 in 'décide': 10, 11 and 13 are written inside the text of 9, "
        "run together as a conversion leaves them; 12 is missing"
    )
    assert defect.finding.help == (
        "split the text of 9 at 10, 11 and 13 into clauses of their own, "
        "and restore 12 from the published text"
    )


def test_labels_run_into_the_text_before_and_labels_nowhere_are_both_said() -> None:
    """Labels after commas (no scan takes them for labels) then a gap on:
    'ii) and iii)' inside the text of i), 'iv) to vi)' nowhere, then vii)."""
    data = _example()
    clause = _labels(data, "operative", 0)[0]
    clause["clauses"] = [
        {"label": "i)", "text": "continue, ii) cooperate, iii) take into account;"},
        {"label": "vii)", "text": "promote."},
    ]
    defect = _only(_analyse(data))
    assert defect.rule == "numbering-gap"
    assert defect.finding.message.endswith(
        ": ii) and iii) are written inside the text of i), run together as a conversion "
        "leaves them; iv) to vi) are missing"
    )
    assert defect.finding.help == (
        "split the text of i) at ii) and iii) into clauses of their own, "
        "and restore iv) to vi) from the published text"
    )
    # a hole inside and one after: each said as the labels it holds
    clause["clauses"][0]["text"] = "continue, ii) cooperate, iv) take into account;"
    clause["clauses"][1]["label"] = "vi)"
    defect = _only(_analyse(data))
    assert defect.finding.message.endswith(
        ": ii) and iv) are written inside the text of i), run together as a conversion "
        "leaves them; iii) and v) are missing"
    )


def test_a_heading_run_into_a_one_entry_section_is_one_finding_on_the_list_after() -> None:
    """PP-18: 'to consider …, invites Member States' unlabelled, then 1, 2."""
    data = _example()
    clauses = _labels(data, "operative", 1)
    # no heading the conversion-artefact rule recognises (one it does is its finding)
    clauses.insert(0, {"text": "to consider the reports of the Member States"})
    _set(data, "operative", 1, [None, "1", "2", "3"])  # type: ignore[list-item]
    del clauses[0]["label"]
    defect = _only(_analyse(data))
    assert defect.rule == "numbering-style"
    assert defect.finding.path == ("operative", 1, "clauses", 1, "label")
    assert "is a section heading missing before 1" in defect.finding.message
    assert defect.fix is not None and defect.fix.split == ("operative", 1, "clauses", 1)
    # a heading the conversion-artefact rule recognises ('invites Member States'): its finding
    clauses[0]["text"] = "to consider the reports, invites Member States"
    assert _analyse(data).defects == []


def test_the_fix_writes_labels_as_the_list_does() -> None:
    """'3 bis' in a list that spaces its insertions."""
    doc = _document("number", ["1", "1 bis", "2", "2", "3"])
    defect = _only(_analyse(doc))
    assert defect.fix is not None
    assert defect.fix.relabel == ((("operative", 0, "clauses", 3), "2 bis"),)


def test_a_lone_nested_label_cut_from_the_text_before_is_said_so() -> None:
    """PP-18 Resolution 212: 'recalling c) iv) above' cut at c) by the conversion."""
    data = _example()
    clause = _labels(data, "operative", 0)[1]
    clause["text"] = "that the project will be financed by the loan indicated in recalling"
    clause["clauses"] = [{"label": "c)", "text": "iv) above;"}]
    defect = _only(_analyse(data))
    assert defect.rule == "numbering-gap"
    assert "is c) part of that text" in defect.finding.message
    assert defect.finding.help == "join 'c) iv) above;' to the end of the text of clause 2"


@pytest.mark.parametrize("end", ["recalling", "recalling,", "in accordance with recalling;"])
def test_the_end_of_a_text_cut_by_a_conversion_is_the_numbering_finding_alone(
    tmp_path: Path, end: str
) -> None:
    """PP-18 Resolutions 177 and 212: the text of clause 2 ends where the
    conversion cut it ("..., recalling" with no mark, or a ','), its end the
    sub-list "c) iv) above;": one finding (join them), not a second on the
    end mark of clause 2; clause 3, whose end is wrong, still has one."""
    from itures.yamlio.write import dump_data

    data = _example()
    clauses = _labels(data, "operative", 0)
    clauses[1]["text"] = "that the project will be financed as indicated in " + end
    clauses[1]["clauses"] = [{"label": "c)", "text": "iv) above;"}]
    clauses[2]["text"] = clauses[2]["text"].rstrip(";,.") + ":"
    path = tmp_path / "fr.yaml"
    path.write_text(dump_data(data), encoding="utf-8")
    found = check_paths([path], Config()).diagnostics
    mine = [(d.rule, d.pointer) for d in found if d.pointer.startswith("/operative/0/")]
    assert ("numbering-gap", "/operative/0/clauses/1/clauses/0/label") in mine
    assert ("punctuation", "/operative/0/clauses/1/text") not in mine
    assert ("punctuation", "/operative/0/clauses/2/text") in mine


def test_a_letter_of_another_script_that_looks_like_none_of_the_list_is_one_finding() -> None:
    """б) among Latin letters: the lookalike rule leaves it to the numbering."""
    data = _example()
    _labels(data, "preamble", 0)[2]["label"] = "\u0431)"  # Cyrillic be
    defect = _only(_analyse(data))
    assert defect.rule == "numbering-style"
    assert "other letters" in defect.finding.message
    assert defect.fix is not None and defect.fix.relabel[0][1] == "c)"


@pytest.fixture(scope="module")
def pp18(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = SHARED / "corpora" / "pp18-final-acts.akn.xml"
    if not source.is_file():
        pytest.skip(f"{source} is absent")
    out = tmp_path_factory.mktemp("pp18")
    subprocess.run(
        [sys.executable, "-m", "itures", "import", str(source), "-o", str(out)],
        check=False,
        capture_output=True,
    )
    return out


def test_pp18_resolutions_101_and_102_read_their_lettered_lists_as_letters(pp18: Path) -> None:
    """Measured example 5: one finding for the list nested in a), none on c), d), l), m)."""
    config = Config(select=frozenset({"numbering-duplicate", "numbering-gap", "numbering-style"}))
    for number, section in (("101", "'recognizing'"), ("102", "'considering'")):
        found = check_paths([pp18 / "pp" / number / "en.yaml"], config).diagnostics
        in_list = [d.message for d in found if f" of {section} " in d.message]
        assert len(in_list) == 1, in_list
        assert "like the list nested in a)" in in_list[0]
        assert not [d for d in found if "roman numeral in a list" in d.message]


def test_a_label_is_rewritten_in_the_form_of_its_list() -> None:
    """How ``numbering-style`` tells a label written unlike its list, and the
    label it advises: the number or letters kept, the marks and the case of
    the others; no advice when the two do not have the same parts."""
    from itures.rules.numbering import _form, _rewritten

    assert [_form(x) for x in ("1", "12", "1.2", "2bis", "2.", "a)", "iv)", "B)", "(c)")] == [
        "0", "0", "0", "0", "0.", "a)", "a)", "A)", "(a)",
    ]  # fmt: skip
    assert _rewritten("2.", "0") == "2"
    assert _rewritten("B)", "a)") == "b)"
    assert _rewritten("(c)", "a)") == "c)"
    assert _rewritten("c)", "A.") == "C."
    assert _rewritten("2bis.", "0") == "2bis"
    assert _rewritten("2a", "0") is None  # a number and a letter, where the list has one run


def _deeper(style: str, o: Ordinal) -> str:
    """The label of ``o`` written a level too deep: '1.3' for 3 in a
    top-level list, '2.1.3' for 2.3 in the list nested in clause 2."""
    (n,), ins = o
    prefix = (1,) if style == "number" else (2, 1)
    return lb.render("number", (*prefix, n), ins)


def _said_missing(message: str) -> set[str]:
    """The labels a message says are missing ('2.1.1 and 2.1.2 are missing')."""
    if "missing" not in message:
        return set()
    said = message.split(": ")[-1].split(" is missing")[0].split(" are missing")[0]
    return {w.strip(",") for w in said.replace(" and ", " ").split()}


@given(st.sampled_from(["number", "decimal"]), st.data())
def test_a_list_written_a_level_too_deep_is_one_finding_whose_fix_makes_it_right(
    style: str, data: st.DataObject
) -> None:
    """1.1, 1.2, 1.3 for 1, 2, 3: one defect, one finding relabelling the run,
    not '1.1 starts' and then '1.2 follows 1.1: 1.1 is missing'."""
    seq = data.draw(in_sequence(style, min_size=2))
    doc = _document(style, [_deeper(style, o) for o in seq])
    defect = _only(_analyse(doc))
    assert defect.fix is not None, defect.finding.message
    assert len(defect.fix.relabel) == len(seq), defect.fix
    assert _analyse(apply_fix(doc, defect.fix)).defects == [], defect.fix


@given(st.sampled_from(["number", "decimal"]), st.data())
def test_no_finding_of_a_list_at_another_depth_calls_a_label_it_has_missing(
    style: str, data: st.DataObject
) -> None:
    """A run a level too deep with one more slip (a label skipped, or one
    changed): each finding speaks of the labels as written; none says that a
    label the list holds is missing."""
    seq = data.draw(in_sequence(style, min_size=3))
    k = data.draw(st.integers(1, len(seq) - 1))
    seq = [*seq[:k], *(((m + 1,), ins) for (m,), ins in seq[k:])]  # a label skipped at k
    labels = [_deeper(style, o) for o in seq]
    found = _analyse(_document(style, labels))
    assert found.defects
    for d in found.defects:
        assert not _said_missing(d.finding.message) & set(labels), d.finding.message


def test_a_list_a_level_too_deep_with_a_gap_names_the_gap_as_written() -> None:
    doc = _document("number", ["1.1", "1.3", "1.4"])
    messages = [d.finding.message for d in _analyse(doc).defects]
    assert messages == [
        "clause 1.1 starts 'resolves'; expected 1",
        "clause 1.3 follows 1.1 in 'resolves': 1.2 is missing",
    ]


@pytest.mark.parametrize(
    ("label", "form", "written"),
    [("1 bis", "0", "1bis"), ("a ter)", "a)", "ater)"), ("2.", "0", "2"), ("B)", "a)", "b)")],
)
def test_a_label_is_rewritten_in_its_lists_form_its_insertion_with_its_number(
    label: str, form: str, written: str
) -> None:
    from itures.rules.numbering import _rewritten

    assert _rewritten(label, form) == written


def _gap_messages(sections: list[tuple[str, list[str]]]) -> list[str]:
    doc = resolution(
        operative=[
            {
                "verb": verb,
                "heading": verb,
                "clauses": [{"label": x, "text": f"to do {x};"} for x in labels],
            }
            for verb, labels in sections
        ]
    )
    found = _analyse(doc)
    return [d.finding.message for d in found.defects if d.rule == "numbering-gap"]


def test_a_gap_continuing_an_earlier_list_asks_whether_the_clause_was_moved() -> None:
    """A clause numbered as the next of an earlier section's list (a word
    processor's numbering carried on) is asked about; one numbered as the
    next of a later section's list is a gap alone: a clause deleted before it
    is as likely, and no numbering carries on backwards."""
    earlier = _gap_messages([("resolves", ["1", "2"]), ("instructs", ["1", "3"])])
    assert earlier == [
        "clause 3 follows 1 in 'instructs'; expected 2 (3 continues the list of 'resolves', "
        "which ends at 2: was it moved from there?)"
    ]
    later = _gap_messages([("resolves", ["1", "3"]), ("instructs", ["1", "2"])])
    assert later == ["clause 3 follows 1 in 'resolves'; expected 2"]
