"""A footnote marker written twice: in one text ("développement[^1] et pays
développés[^1]"), where ITU's texts call a note once, it passed silently;
and a marker whose id was mistyped as another footnote's ("[^1]" for
"[^2]") was told only as "footnote '2' is not marked anywhere", which sent
the editor looking for where to mark it. Now the first is a warning at the
second marker, and the second one finding at the marker to retype, with
the marker to write and the other marker and the footnote attached."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from tests.conftest import SEED_YAML

SECOND_NOTE = "  - id: '2'\n    text: >-\n      Y compris les pays les moins avancés.\n"


def _check(
    tmp_path: Path, *slips: tuple[str, str], note: bool = False
) -> list[tuple[str, str, str | None, int]]:
    target = tmp_path / "resolutions" / "wtdc" / "59" / "fr.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = SEED_YAML.read_text(encoding="utf-8")
    for old, new in slips:
        assert old in text, old
        text = text.replace(old, new, 1)
    if note:
        text += SECOND_NOTE
    target.write_text(text, encoding="utf-8")
    return [(d.rule, d.pointer or "", d.help, d.column) for d in check_paths([target]).diagnostics]


def test_a_footnote_marked_twice_in_one_text(tmp_path: Path) -> None:
    found = _check(tmp_path, ('et pays développés"', 'et pays développés[^1]"'))
    assert [(r, p, h) for r, p, h, _ in found] == [
        (
            "footnote-duplicate",
            "/preamble/0/items/0/text",
            "delete this marker [^1], or write the id of the footnote it was meant to call",
        )
    ]


def test_a_marker_whose_id_was_mistyped_as_another_footnote_s(tmp_path: Path) -> None:
    # the second footnote's marker written [^1]: the later marker of the two is
    # the one to retype (footnote 2 comes after footnote 1)
    found = _check(tmp_path, ("ressources humaines;", "ressources humaines[^1];"), note=True)
    assert [(r, p, h) for r, p, h, _ in found] == [
        ("footnote-unused", "/preamble/1/items/3/text", "write '[^2]' for '[^1]'")
    ]
    # the first footnote's marker written [^2]: the earlier of the two
    found = _check(
        tmp_path,
        ("développement[^1] et", "développement[^2] et"),
        ("ressources humaines;", "ressources humaines[^2];"),
        note=True,
    )
    assert [(r, p, h) for r, p, h, _ in found] == [
        ("footnote-unused", "/preamble/0/items/0/text", "write '[^1]' for '[^2]'")
    ]


def test_what_is_left_alone(tmp_path: Path) -> None:
    # a footnote called from two texts, none unmarked: ITU's texts may refer to
    # a note again elsewhere; not told
    assert _check(tmp_path, ("ressources humaines;", "ressources humaines[^1];")) == []
    # a marker twice in a row: markup's ("written twice in a row"), one finding
    found = _check(tmp_path, ("développement[^1] et", "développement[^1][^1] et"))
    assert [r for r, _, _, _ in found] == ["markup"]
    # a footnote marked nowhere, no other marked twice: as before
    found = _check(tmp_path, note=True)
    assert [(r, p) for r, p, _, _ in found] == [("footnote-unused", "/footnotes/1/id")]
