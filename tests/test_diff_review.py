"""``itures diff`` as a reviewer reads it: every word added or removed shown,
field changes with their values, edits in place as changes, blanks no change,
and a note when the two files are not two versions of one text."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from itures.diff import diff_resolutions, render_json, render_text
from itures.model.resolution import Resolution
from tests.conftest import resolution, run_cli, write
from tests.strategies import documents


def _diff(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> tuple[int, list[str], Any]:
    """(exit status, text lines after the header, JSON) of `itures diff old new`."""
    a = write(tmp_path / "old.yaml", old)
    b = write(tmp_path / "new.yaml", new)
    text = run_cli("diff", str(a), str(b))
    as_json = run_cli("diff", "--format", "json", str(a), str(b))
    assert text.stderr == "" and as_json.stderr == "", (text.stderr, as_json.stderr)
    assert text.returncode == as_json.returncode
    assert text.stdout.splitlines()[:2] == [f"--- {a}", f"+++ {b}"]
    return text.returncode, text.stdout.splitlines()[2:], json.loads(as_json.stdout)


INVITES = {
    "verb": "invites",
    "heading": "invites Member States",
    "actors": ["member-states"],
    "clauses": [
        {"label": "1", "text": "to participate."},
        {
            "label": "2",
            "text": "to contribute:",
            "clauses": [{"label": "2.1", "text": "in cash;"}, {"label": "2.2", "text": "in kind."}],
        },
    ],
}


# -- 1. an added or removed section, clause or annex: with all it holds ------------


def test_an_added_section_shows_its_clauses_nested_ones_and_its_actors(tmp_path: Path) -> None:
    old = resolution()
    new = resolution()
    new["operative"].append(INVITES)
    code, lines, as_json = _diff(tmp_path, old, new)
    assert code == 1
    assert lines == [
        "added section invites (actors: member-states): invites Member States",
        "added clause invites/1: to participate.",
        "added clause invites/2: to contribute:",
        "added clause invites/2/2.1: in cash;",
        "added clause invites/2/2.2: in kind.",
    ]
    section, *clauses = as_json["changes"]
    assert section["unit"] == "section" and section["text"] == "invites Member States"
    assert section["values"] == {"actors": {"old": None, "new": ["member-states"]}}
    assert [(c["change"], c["new"]["at"], c["text"]) for c in clauses] == [
        ("added", "invites/1", "to participate."),
        ("added", "invites/2", "to contribute:"),
        ("added", "invites/2/2.1", "in cash;"),
        ("added", "invites/2/2.2", "in kind."),
    ]
    assert clauses[2]["new"]["pointer"] == "/operative/1/clauses/1/clauses/0"


def test_a_removed_section_shows_its_items(tmp_path: Path) -> None:
    old = resolution()
    old["preamble"].append(
        {
            "verb": "noting",
            "heading": "noting",
            "items": [{"label": "a)", "text": "the report;"}, {"label": "b)", "text": "the plan,"}],
        }
    )
    code, lines, as_json = _diff(tmp_path, old, resolution())
    assert code == 1
    assert lines == [
        "removed section noting: noting",
        "removed item noting/a: the report;",
        "removed item noting/b: the plan,",
    ]
    assert [c["old"]["at"] for c in as_json["changes"]] == ["noting", "noting/a", "noting/b"]


def test_an_added_clause_shows_its_nested_clauses(tmp_path: Path) -> None:
    new = resolution()
    new["operative"][0]["clauses"].append(
        {
            "label": "4",
            "text": "to invite the Directors:",
            "partners": ["bdt-director"],
            "clauses": [{"label": "4.1", "text": "to report;"}],
        }
    )
    code, lines, _ = _diff(tmp_path, resolution(), new)
    assert code == 1
    assert lines == [
        "added clause resolves/4 (partners: bdt-director): to invite the Directors:",
        "added clause resolves/4/4.1: to report;",
    ]


def test_an_added_annex_shows_its_title_and_paragraphs(tmp_path: Path) -> None:
    new = resolution(
        annexes=[
            {
                "heading": "ANNEX",
                "title": "Terms of reference",
                "items": [{"label": "1", "text": "The group meets yearly."}],
            }
        ]
    )
    code, lines, _ = _diff(tmp_path, resolution(), new)
    assert code == 1
    assert lines == [
        "added annex: ANNEX",
        "added title annex: Terms of reference",
        "added paragraph annex/1: The group meets yearly.",
    ]


# -- 2. field changes: old -> new values ------------------------------------------


def test_actors_partners_and_deadlines_changed_show_their_values(tmp_path: Path) -> None:
    old = resolution()
    old["operative"].append(
        {
            "verb": "instructs",
            "heading": "instructs the Secretary-General",
            "actors": ["secretary-general"],
            "clauses": [
                {"label": "1", "text": "to assist the organizations;"},
                {
                    "label": "2",
                    "text": "to report annually to the Council.",
                    "deadlines": [{"every": "year", "report_to": "council"}],
                },
            ],
        }
    )
    new = copy.deepcopy(old)
    section = new["operative"][1]
    section["actors"] = ["secretary-general", "bdt-director"]
    section["clauses"][0]["partners"] = ["tsb-director"]
    section["clauses"][1]["deadlines"] = [{"every": "two-years", "report_to": "council"}]
    code, lines, as_json = _diff(tmp_path, old, new)
    assert code == 1
    # the heading's words did not change: a change of the section, not "heading"
    assert lines == [
        "changed section instructs (actors: secretary-general -> secretary-general, bdt-director)",
        "changed clause instructs/1 (partners: none -> tsb-director)",
        "changed clause instructs/2 (deadlines: every year, report to council -> "
        "every two-years, report to council)",
    ]
    changes = as_json["changes"]
    assert [c["unit"] for c in changes] == ["section", "clause", "clause"]
    # the keys of before ("fields"), and the values beside them
    assert [c["fields"] for c in changes] == [["actors"], ["partners"], ["deadlines"]]
    assert changes[0]["values"] == {
        "actors": {"old": ["secretary-general"], "new": ["secretary-general", "bdt-director"]}
    }
    assert changes[1]["values"] == {"partners": {"old": [], "new": ["tsb-director"]}}
    assert changes[2]["values"] == {
        "deadlines": {
            "old": [{"every": "year", "report_to": "council"}],
            "new": [{"every": "two-years", "report_to": "council"}],
        }
    }


def test_a_heading_reworded_and_its_actors_changed_are_two_changes(tmp_path: Path) -> None:
    old = resolution()
    old["operative"][0].update(heading="resolves", actors=["council"])
    new = copy.deepcopy(old)
    new["operative"][0].update(heading="further resolves", actors=["council", "member-states"])
    _, lines, _ = _diff(tmp_path, old, new)
    assert lines == [
        "changed heading resolves: {+further+} resolves",
        "changed section resolves (actors: council -> council, member-states)",
    ]


def test_a_history_date_changed_is_shown(tmp_path: Path) -> None:
    new = resolution()
    new["history"][1]["date"] = "2014-11-07"
    code, lines, as_json = _diff(tmp_path, resolution(), new)
    assert code == 1
    assert lines == ["changed history history/2 (date: none -> 2014-11-07)"]
    assert as_json["changes"][0]["values"] == {"date": {"old": None, "new": "2014-11-07"}}


# -- 3. an edit in place is a change, whatever the length of the text --------------


def test_a_short_text_edited_in_place_is_changed_not_removed_and_added(tmp_path: Path) -> None:
    old = resolution(
        annexes=[
            {
                "heading": "ANNEX",
                "items": [{"label": "a)", "text": "first."}, {"label": "b)", "text": "second."}],
            }
        ]
    )
    old["operative"][0]["clauses"][0]["text"] = "to assist;"
    new = copy.deepcopy(old)
    new["operative"][0]["clauses"][0]["text"] = "to assist all;"
    new["annexes"][0]["items"][1]["text"] = "second, amended."
    code, lines, as_json = _diff(tmp_path, old, new)
    assert code == 1
    assert lines == [
        "changed clause resolves/1: to assist {+all+};",
        "changed paragraph annex/b: second{+, amended+}.",
    ]
    assert [c["change"] for c in as_json["changes"]] == ["changed", "changed"]


def test_a_nested_clause_under_a_renumbered_parent_is_paired(tmp_path: Path) -> None:
    """4.2 renumbered 4.3 (a 4.1 inserted): its children, labelled 4.2.1 and
    then 4.3.1 (or ii) under both), are the same children; a short one edited
    is changed."""
    old = resolution()
    old["operative"][0]["clauses"].append(
        {
            "label": "4",
            "text": "to study:",
            "clauses": [
                {"label": "4.1", "text": "first nested;"},
                {
                    "label": "4.2",
                    "text": "second nested, with:",
                    "clauses": [
                        {"label": "4.2.1", "text": "deep one;"},
                        {"label": "4.2.2", "text": "deep two;"},
                    ],
                },
            ],
        }
    )
    new = copy.deepcopy(old)
    nested = new["operative"][0]["clauses"][3]["clauses"]
    nested[0]["label"] = "4.2"
    nested.insert(0, {"label": "4.1", "text": "a new nested one;"})
    nested[2]["label"] = "4.3"
    nested[2]["clauses"][0]["label"] = "4.3.1"
    nested[2]["clauses"][1].update(label="4.3.2", text="deep two, amended;")
    code, lines, _ = _diff(tmp_path, old, new)
    assert code == 1
    assert lines == [
        "added clause resolves/4/4.1: a new nested one;",
        "renumbered clause resolves/4/4.1 -> resolves/4/4.2",
        "renumbered clause resolves/4/4.2 -> resolves/4/4.3",
        "renumbered clause resolves/4/4.2/4.2.1 -> resolves/4/4.3/4.3.1",
        "changed clause resolves/4/4.2/4.2.2 -> resolves/4/4.3/4.3.2: deep two{+, amended+};",
    ]


def test_a_history_entry_edited_in_place_is_changed(tmp_path: Path) -> None:
    new = resolution()
    new["history"][0]["place"] = "Guadalajara (Mexico)"
    _, lines, _ = _diff(tmp_path, resolution(), new)
    assert lines == ["changed history history/1: adopted Guadalajara {+(Mexico)+}, 2010"]


# -- 4. blanks between words are no change ----------------------------------------


def test_a_doubled_blank_in_a_text_is_no_change(tmp_path: Path) -> None:
    new = resolution(title=resolution()["title"].replace("the three", "the  three") + " ")
    new["operative"][0]["clauses"][1]["text"] = (
        "to avoid  duplication of work between the Sectors; "
    )
    new["preamble"][0]["heading"] = "considering "
    code, lines, as_json = _diff(tmp_path, resolution(), new)
    assert (code, lines, as_json["changes"]) == (0, ["no changes"], [])
    # a word changed beside a doubled blank: the word diff shows the word
    new["operative"][0]["clauses"][1]["text"] = "to avoid  duplication of work among the Sectors;"
    code, lines, _ = _diff(tmp_path, resolution(), new)
    assert (code, lines) == (
        1,
        [
            "changed clause resolves/2: to avoid duplication of work [-between-] {+among+} the Sectors;"
        ],
    )


# -- 5. two files that are not two versions of one text ---------------------------


def test_two_language_versions_are_compared_with_a_note_first(tmp_path: Path) -> None:
    code, lines, as_json = _diff(tmp_path, resolution(), resolution(language="fr"))
    assert code == 1  # changes (the language): the exit status keeps its meaning
    assert lines == [
        "note: the two files are different language versions (en, fr) of pp/191: compared as "
        "texts; `itures check` compares their structure (language-mismatch)",
        "changed language: [-en-] {+fr+}",
    ]
    assert as_json["mismatch"] == {
        "kind": "language",
        "old": "en",
        "new": "fr",
        "note": lines[0].removeprefix("note: "),
    }


def test_two_resolutions_are_compared_with_a_note_first(tmp_path: Path) -> None:
    code, lines, as_json = _diff(tmp_path, resolution(), resolution(number="210"))
    assert code == 1
    assert lines == [
        "note: the two files are different resolutions (pp/191, pp/210)",
        "changed number: [-191-] {+210+}",
    ]
    assert as_json["mismatch"] == {
        "kind": "resolution",
        "old": "pp/191",
        "new": "pp/210",
        "note": "the two files are different resolutions (pp/191, pp/210)",
    }
    # two versions of one text: no note, no "mismatch"
    code, lines, as_json = _diff(tmp_path, resolution(), resolution(title="Another title"))
    assert code == 1 and not lines[0].startswith("note:") and "mismatch" not in as_json


def test_a_file_the_change_adds_has_no_mismatch_note(tmp_path: Path) -> None:
    changes = diff_resolutions(None, Resolution.model_validate(resolution()))
    assert "note:" not in render_text(changes, "a", "b")
    assert "mismatch" not in json.loads(render_json(changes, "a", "b"))


# -- laws --------------------------------------------------------------------------


def _model(data: dict[str, Any]) -> Resolution:
    try:
        return Resolution.model_validate(data)
    except ValidationError:
        assume(False)
        raise


def _texts(data: dict[str, Any]) -> list[str]:
    """Every clause, item and annex paragraph text of a document, nested ones too."""
    out: list[str] = []

    def walk(nodes: list[dict[str, Any]], key: str) -> None:
        for node in nodes:
            out.append(node["text"])
            walk(node.get(key, []), key)

    for section in data.get("preamble", []):
        walk(section["items"], "items")
    for section in data.get("operative", []):
        walk(section["clauses"], "clauses")
    for annex in data.get("annexes", []):
        walk(annex["items"], "items")
    return out


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents())
def test_a_document_against_itself_has_no_changes_and_no_note(data: dict[str, Any]) -> None:
    res = _model(data)
    changes = diff_resolutions(res, _model(copy.deepcopy(data)))
    assert list(changes) == [] and changes.mismatch is None


@SETTINGS
@given(documents())
def test_every_text_of_a_file_the_change_adds_is_shown(data: dict[str, Any]) -> None:
    res = _model(data)
    shown = render_text(diff_resolutions(None, res), "a", "b")
    gone = render_text(diff_resolutions(res, None), "a", "b")
    for text in _texts(data):
        assert text in shown and text in gone


@SETTINGS
@given(documents(), st.data())
def test_every_text_of_an_added_section_is_shown(data: dict[str, Any], draw: st.DataObject) -> None:
    sections = data.get("operative", [])
    assume(sections and len({s["verb"] for s in sections}) == len(sections))
    k = draw.draw(st.integers(0, len(sections) - 1))
    old = copy.deepcopy(data)
    del old["operative"][k]
    if not old["operative"]:
        del old["operative"]
    new = _model(data)
    shown = render_text(diff_resolutions(_model(old), new), "a", "b")
    assert f"added section {sections[k]['verb']}" in shown
    for text in _texts({"operative": [sections[k]]}):
        assert text in shown
    for actor in sections[k].get("actors", []):
        assert actor in shown


def _double_blanks(node: Any) -> Any:
    """Every string with its blanks doubled (labels, ids and keys aside)."""
    if isinstance(node, dict):
        return {
            k: v
            if k in ("label", "id", "verb", "body", "number", "language", "date")
            else (_double_blanks(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_double_blanks(v) for v in node]
    return node.replace(" ", "  ") if isinstance(node, str) else node


@SETTINGS
@given(documents())
def test_blanks_doubled_in_every_text_are_no_change(data: dict[str, Any]) -> None:
    res = _model(data)
    spaced = _model(_double_blanks(data))
    changes = diff_resolutions(res, spaced)
    assert list(changes) == [], render_text(changes, "a", "b")


@SETTINGS
@given(documents(), documents())
def test_a_change_always_shows_what_changed(a: dict[str, Any], b: dict[str, Any]) -> None:
    """Text and JSON agree: a word diff has a word removed or added, and a
    field change has two different values."""
    changes = diff_resolutions(_model(a), _model(b))
    for change in changes:
        if change.words is not None:
            assert any(op != "=" for op, _ in change.words), change
        for _, old, new in change.values:
            assert old != new, change
        if change.change == "changed":
            assert change.words is not None or change.values, change


@SETTINGS
@given(documents(), st.data())
def test_a_clause_edited_in_place_is_one_change_at_its_place(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    sections = data.get("operative", [])
    assume(sections)
    s = draw.draw(st.integers(0, len(sections) - 1))
    clauses = sections[s]["clauses"]
    keys = [" ".join(c["text"].split()) for c in clauses]
    assume(len(set(keys)) == len(keys))  # (one text twice: which one is edited is moot)
    c = draw.draw(st.integers(0, len(clauses) - 1))
    words = draw.draw(st.sampled_from(["more", "fewer words;", "x"]))
    new = copy.deepcopy(data)
    new["operative"][s]["clauses"][c]["text"] = f"{clauses[c]['text']} {words}"
    assume(" ".join(f"{clauses[c]['text']} {words}".split()) not in keys)
    old_model, new_model = _model(data), _model(new)
    changes = diff_resolutions(old_model, new_model)
    assert [ch.change for ch in changes] == ["changed"], render_text(changes, "a", "b")
    (change,) = changes
    assert change.old is not None and change.new is not None
    assert change.old == change.new
    assert change.old.pointer == f"/operative/{s}/clauses/{c}"
