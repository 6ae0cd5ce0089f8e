"""conversion-artefact: the points of a bulleted list split into entries, each
keeping its bullet at the start of its text, are one finding for the list
(the others attached), not one a point."""

from __future__ import annotations

from itures.rules.artefacts import conversion_artefact
from tests.rules.build import context, items


def _found(points: list[str]) -> list[tuple[str, str | None, int]]:
    section = items(["that the Director, among other actions:", "the plan,"], verb="noting")
    section["items"][0]["items"] = [{"text": p} for p in points]
    found = conversion_artefact(context(preamble=[section]))
    return [(f.message, f.help, len(f.related)) for f in found if "bullet" in f.message]


def test_points_that_keep_their_bullets_are_one_finding() -> None:
    found = _found(["- to review the benchmarking;", "- to continue the work;", "- to report,"])
    assert found == [
        (
            "the 3 points of this list start with a bullet ('-'), kept from the bulleted list "
            "they were split from",
            "delete the bullet at the start of each point's text",
            2,
        )
    ]


def test_one_point_with_its_bullet_is_told_as_before() -> None:
    ((message, help_, _),) = _found(["- to review the benchmarking;", "to continue the work,"])
    assert message.startswith("a bullet '-' inside the text of this item")
    assert help_ is not None and help_.startswith("delete the bullet at the start of the text")


def test_a_point_with_a_list_run_into_it_keeps_its_own_finding() -> None:
    found = _found(["- to review: - the plan; - the budget;", "- to continue the work,"])
    assert [m.split(":")[0] for m, _, _ in found] == [
        "a bulleted list of 3 points run into the text of this item by the conversion",
        "a bullet '-' inside the text of this item",
    ]
