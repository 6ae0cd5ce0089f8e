"""``bench/slips.py``: one slip at a time, and what the check says of each."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from slips import main, plant, run

from itures.corpus import check_paths

EXAMPLE = Path(__file__).resolve().parents[1] / "resolutions" / "wtdc" / "59" / "fr.yaml"


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE.parents[2], tmp_path / "resolutions")
    return tmp_path / "resolutions" / "wtdc" / "59" / "fr.yaml"


def test_each_edit_is_one_slip_and_the_same_seed_plants_the_same() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for kind in ("text", "structure"):
        first = [plant(rng, text, kind) for rng in [random.Random(5)] for _ in range(20)]
        again = [plant(rng, text, kind) for rng in [random.Random(5)] for _ in range(20)]
        assert first == again and any(first)
    rng = random.Random(9)
    made = 0
    for _ in range(200):
        edit = plant(rng, text, "text")
        if edit is None:
            continue
        made += 1
        old, new = text.split("\n"), edit.text.split("\n")
        assert len(old) == len(new)
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
        assert len(changed) == 1, edit  # a typographic slip is in one line
        assert (edit.before, edit.after) == (old[changed[0]].strip(), new[changed[0]].strip())
    assert made > 100


def test_the_file_is_restored_and_the_new_findings_are_the_slip_s(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    before = target.read_bytes()
    assert check_paths([target.parents[2]]).diagnostics == []  # the example checks clean
    edits = run(target, target.parents[2], 30, 4, "structure")
    assert target.read_bytes() == before
    assert len(edits) == 30
    # a changed label or a deleted entry is never silent in a clean file
    told = [e for e in edits if e.kind in ("label changed", "entry deleted")]
    assert told and all(e.findings for e in told), told
    # the findings are those of the file with the slip, none of the clean file's
    edit = told[0]
    target.write_text(edit.text, encoding="utf-8")
    again = check_paths([target.parents[2]]).diagnostics
    assert sorted(f"{d.rule}: {d.message}" for d in again) == sorted(edit.findings)


def test_the_command_prints_the_three_classes(tmp_path: Path, capsys: object) -> None:
    target = _copy(tmp_path)
    assert main([str(target), "-n", "12", "--seed", "2", "--show", "silent,one,more"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    head = out.split("\n")[0]
    assert head.startswith(f"12 edits of {target} (seed 2, all): ")
    counts = [int(part.split()[0]) for part in head.split(": ", 1)[1].split(" / ")]
    assert sum(counts) == 12
    assert out.count("\n[") == 12  # each edit listed under its class


def test_diff_lists_the_lines_an_edit_changed(tmp_path: Path, capsys: object) -> None:
    """``--diff``: each edit as the unified diff of FILE's lines it changed
    (an entry pasted twice shows the whole entry, its first line alone does
    not tell which), the same edits as without it."""
    target = _copy(tmp_path)
    args = [str(target), "-n", "8", "--seed", "5", "--kind", "structure", "--show", "one,more"]
    assert main(args) == 0
    plain = capsys.readouterr().out  # type: ignore[attr-defined]
    assert main([*args, "--diff"]) == 0
    diffed = capsys.readouterr().out  # type: ignore[attr-defined]
    assert plain.split("\n")[0] == diffed.split("\n")[0]
    blocks = diffed.split("\n\n[")[1:]
    assert blocks and all("\n  @@ -" in block for block in blocks)
    # each hunk's lines are the file's, marked as a diff marks them
    for block in blocks:
        hunk = [line[2:] for line in block.split("\n")[1:] if line.startswith("  ")]
        assert any(line[:1] in "+-" for line in hunk[1:]), block


def test_show_names_a_class_that_does_not_exist(tmp_path: Path) -> None:
    import pytest

    with pytest.raises(SystemExit) as stopped:
        main([str(_copy(tmp_path)), "-n", "1", "--show", "silnet"])
    assert stopped.value.code == 2


def test_a_finding_the_file_had_reworded_by_the_slip_is_not_counted_as_new() -> None:
    """A defect the file had, whose message names what the slip changed, is
    the same defect: listed as reworded (with the message it had), not as a
    second finding of the slip; a finding of another rule, or of the same
    rule far from the one gone, is new."""
    from slips import _new

    base = [
        ("conversion-artefact", "labels 'ii)', 'iii)' inside the text", 518, 28),
        ("numbering-gap", "'4' after '2'", 40, 9),
    ]
    found = [
        ("conversion-artefact", "label 'iii)' inside the text", 521, 15),
        ("punctuation", "a full stop before 'ii'", 518, 26),
        ("numbering-gap", "'4' after '2'", 40, 9),
    ]
    new, reworded = _new(found, base)
    assert new == ["punctuation: a full stop before 'ii'"]
    assert reworded == [
        "conversion-artefact: label 'iii)' inside the text "
        "(was: labels 'ii)', 'iii)' inside the text)"
    ]
    # far from the finding that is gone (the edit moved no line): a new one
    far = [("conversion-artefact", "label 'iii)' inside the text", 600, 15)]
    assert _new(far, base[:1]) == (
        ["conversion-artefact: label 'iii)' inside the text"],
        [],
    )
    # an edit that deleted 6 lines: the one gone may be that much further (9)
    moved = [("conversion-artefact", "label 'iii)' inside the text", 509, 15)]
    assert _new(moved, base[:1], moved=-6)[1]
    assert not _new(moved, base[:1], moved=-1)[1]
    # a rule whose finding is still there says something new
    again = [*found, ("numbering-gap", "'6' after '4'", 41, 9)]
    assert "numbering-gap: '6' after '4'" in _new(again, base)[0]
