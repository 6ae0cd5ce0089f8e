"""text-duplicate: a paragraph pasted into another section (a clause of
'décide' pasted at the end of 'charge', an item of 'considérant' into 'tenant
compte'). Before, only the copy's end mark was told (the last of its new
list ending with ';'), and the copy itself passed silently: text-duplicate
compared the entries of one section only. Now texts of fifteen words or more
are compared across sections: one finding at the copy, the original
attached; what the other rules find in the copy, and the end mark of the
entry it was pasted after, follow from it."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from tests.conftest import SEED_YAML


def _check(tmp_path: Path, text: str) -> list[tuple[str, str, list[str]]]:
    target = tmp_path / "resolutions" / "wtdc" / "59" / "fr.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return [
        (d.rule, d.message, [r.message for r in d.related])
        for d in check_paths([target]).diagnostics
    ]


def _entry(text: str, start: str, end: str) -> str:
    a = text.index(start)
    return text[a : text.index(end, a)]


def test_a_clause_pasted_at_the_end_of_another_section(tmp_path: Path) -> None:
    text = SEED_YAML.read_text(encoding="utf-8")
    clause = _entry(text, "      - label: '3'\n        text: >-\n          de prier", "      # As")
    copy = clause.replace("label: '3'", "label: '6'")
    found = _check(tmp_path, text.replace("footnotes:", copy + "footnotes:", 1))
    assert found == [
        (
            "text-duplicate",
            "clause 6 of 'charge le Directeur…' has the same text as clause 3 of 'décide': a "
            "paragraph pasted twice",
            ["the same text, first"],
        )
    ]


def test_an_item_pasted_into_another_section_the_one_before_no_longer_last(
    tmp_path: Path,
) -> None:
    text = SEED_YAML.read_text(encoding="utf-8")
    item = _entry(
        text, "      - label: c)\n        text: >-\n          que des consultations", "      #"
    )
    last = "entre ces groupes,\noperative:"
    assert last in text
    # (d) of 'tenant compte' keeps its ',': it was the last, and follows from the paste)
    pasted = text.replace(last, "entre ces groupes,\n" + item.replace("c)", "e)") + "operative:")
    found = _check(tmp_path, pasted)
    assert [(rule, message.split(":")[0]) for rule, message, _ in found] == [
        (
            "text-duplicate",
            "item e) of 'tenant compte' has the same text as item c) of 'considérant'",
        )
    ]


def test_control_a_short_text_in_two_sections_is_no_copy(tmp_path: Path) -> None:
    # two sections may ask the same, in a few words, of different actors
    text = SEED_YAML.read_text(encoding="utf-8")
    short = "de tenir informées les commissions d'études de l'UIT-D des évolutions,"
    assert len(short.split()) < 15
    clause = _entry(
        text,
        "      - label: '4'\n        text: >-\n          d'inviter les commissions",
        "  - verb",
    )
    rewritten = text.replace(
        clause,
        clause.split("text: >-")[0]
        + f"text: >-\n          {short}\n        actors: [itu-d-study-groups]\n",
    )
    found = _check(
        tmp_path,
        rewritten.replace(
            "footnotes:",
            "      - label: '6'\n        text: >-\n          "
            + short.replace(",", ".")
            + "\nfootnotes:",
            1,
        ),
    )
    assert [rule for rule, _, _ in found if rule == "text-duplicate"] == []


def test_control_a_section_pasted_whole_is_section_duplicate_s_alone(tmp_path: Path) -> None:
    # (its long items are not also each a paragraph pasted into another section)
    text = SEED_YAML.read_text(encoding="utf-8")
    section = _entry(text, "  - verb: considering", "  - verb: taking_into_account")
    pasted = text.replace(section, section + section, 1)
    found = _check(tmp_path, pasted)
    assert [rule for rule, _, _ in found] == ["section-duplicate"], found


def test_control_an_annex_pasted_whole_is_one_finding(tmp_path: Path) -> None:
    long = "sets out the work of the three Sectors and the resources needed for it in detail"
    annex = (
        "  - label: '1'\n    heading: ANNEX 1 TO RESOLUTION 59 (BUENOS AIRES, 2017)\n"
        "    title: The plan\n    items:\n"
        f"      - label: '1'\n        text: The first part {long}.\n"
        f"      - label: '2'\n        text: The second part {long}.\n"
    )
    text = SEED_YAML.read_text(encoding="utf-8")
    text = text.replace("footnotes:", "annexes:\n" + annex + annex + "footnotes:", 1)
    found = _check(tmp_path, text)
    assert [rule for rule, _, _ in found if rule == "text-duplicate"] == [], found
