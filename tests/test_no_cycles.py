"""Checking files leaves nothing for the garbage collector: what a file's
check makes is freed when the file is done, not kept in reference cycles
until a collection (the CLI collects rarely, a language server or a
resident server runs for hours). A law: the cyclic garbage of a check does
not grow with the number of files checked."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable
from pathlib import Path

from itures.corpus import check_paths
from tests.conftest import ROOT

EXAMPLE = ROOT / "resolutions" / "wtdc" / "59" / "fr.yaml"


def _corpus(root: Path, files: int) -> Path:
    for n in range(files):
        target = root / "wtdc" / str(100 + n) / "fr.yaml"
        target.parent.mkdir(parents=True)
        shutil.copyfile(EXAMPLE, target)
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace("number: '59'", f"number: '{100 + n}'"), encoding="utf-8")
    return root


def _cyclic_garbage(run: Callable[[], object]) -> list[str]:
    """The types of the objects ``run`` leaves in cycles (collected, then freed)."""
    gc.collect()
    gc.disable()
    try:
        run()
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        found = [type(o).__qualname__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    return found


def _garbage_of_a_check(root: Path) -> list[str]:
    def run() -> None:
        result = check_paths([root])
        assert result.files > 0 and not result.failures

    return _cyclic_garbage(run)


def test_the_cyclic_garbage_of_a_check_does_not_grow_with_its_files(tmp_path: Path) -> None:
    _garbage_of_a_check(_corpus(tmp_path / "warm", 2))  # first use: imports, compiled patterns
    one = _garbage_of_a_check(_corpus(tmp_path / "one", 1))
    many = _garbage_of_a_check(_corpus(tmp_path / "many", 12))
    assert len(many) <= len(one) + 12, sorted(set(many) - set(one))
    assert "Entry" not in many and "LabelledList" not in many


def test_the_outline_and_the_entry_under_the_cursor_leave_no_cycles() -> None:
    from itures.lsp.editing import symbols
    from itures.lsp.navigation import entry_at
    from itures.lsp.session import parse

    text = EXAMPLE.read_text(encoding="utf-8")
    loaded = parse(str(EXAMPLE), text)
    assert loaded.document is not None and loaded.document.root is not None
    offset = text.index("label: '5'")

    def both() -> None:
        assert symbols(loaded, lambda a, b: (a, b))
        assert entry_at(loaded, offset) is not None

    def twenty() -> None:
        for _ in range(20):
            both()

    both()  # first use
    assert _cyclic_garbage(twenty) == []
