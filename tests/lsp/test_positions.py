"""Positions: code points (itures) and the client's code units (LSP)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from itures.lsp.positions import Lines, from_units, to_units
from tests.lsp.conftest import open_doc, run, server

ENCODINGS = ("utf-8", "utf-16", "utf-32")
# ASCII, accented Latin, CJK, and characters beyond the Basic Multilingual Plane
chars = st.sampled_from(["a", " ", "é", "’", "中", "𝒜", "😀"])
lines = st.lists(chars, max_size=20).map("".join)


@given(lines, st.data())
def test_units_round_trip(line: str, data: st.DataObject) -> None:
    column = data.draw(st.integers(0, len(line)))
    for encoding in ENCODINGS:
        units = to_units(line, column, encoding)
        codec, size = {
            "utf-8": ("utf-8", 1),
            "utf-16": ("utf-16-le", 2),
            "utf-32": ("utf-32-le", 4),
        }[encoding]
        assert units == len(line[:column].encode(codec)) // size
        assert from_units(line, units, encoding) == column


def test_units_beyond_the_basic_plane() -> None:
    assert to_units("𝒜b", 1, "utf-16") == 2
    assert to_units("𝒜b", 1, "utf-32") == 1
    assert to_units("éb", 1, "utf-8") == 2
    assert from_units("𝒜b", 2, "utf-16") == 1
    assert from_units("ab", 9, "utf-16") == 2


@given(st.lists(lines, max_size=5).map("\n".join), st.data())
def test_offsets_and_positions_agree(text: str, data: st.DataObject) -> None:
    found = Lines(text)
    offset = data.draw(st.integers(0, len(text)))
    line, column = found.position(offset)
    assert found.offset(line, column) == offset


def _doubled_after_astral(root: Path) -> tuple[str, int, int]:
    """The example with a doubled mark after a character beyond the BMP: the
    text, the mark's line and its column in code points (0-based)."""
    text = (root / "resolutions/wtdc/59/fr.yaml").read_text(encoding="utf-8")
    text = text.replace("ressources humaines;", "ressources humaines 𝒜,;")
    for n, line in enumerate(text.split("\n")):
        if "𝒜,;" in line:
            return text, n, line.index(",;")
    raise AssertionError("no doubled mark")


def _doubled(found: list[types.Diagnostic]) -> types.Range:
    return next(d.range for d in found if d.code == "punctuation" and "',;'" in d.message)


def test_utf16_by_default_utf32_when_offered(workspace: Path) -> None:
    text, line, column = _doubled_after_astral(workspace)
    path = workspace / "resolutions/wtdc/59/fr.yaml"
    utf32 = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf32, types.PositionEncodingKind.Utf16]
        )
    )

    async def go() -> tuple[types.Range, types.Range]:
        async with server(workspace) as client:
            by_default = _doubled(await open_doc(client, path, text))
        async with server(workspace, utf32) as client:
            offered = _doubled(await open_doc(client, path, text))
        return by_default, offered

    by_default, offered = run(go())
    # 𝒜 is one code point, two UTF-16 code units
    assert by_default.start == types.Position(line, column + 1)
    assert by_default.end == types.Position(line, column + 3)
    assert offered.start == types.Position(line, column)
    assert offered.end == types.Position(line, column + 2)


def test_the_cli_does_not_import_pygls() -> None:
    code = "import sys, itures.cli; itures.cli.build_parser(); print('pygls' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
