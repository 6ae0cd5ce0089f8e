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


@given(st.lists(lines, max_size=4).map("\r\n".join), st.data())
def test_the_lines_convert_as_the_functions_do(text: str, data: st.DataObject) -> None:
    """Lines keeps, per line, the code units before each character (or that
    each is one): what it answers is what the functions count from the
    line's start, in and past the line, in every encoding."""
    found = Lines(text)
    n = data.draw(st.integers(0, len(found.lines)))  # (past the last line too)
    line = found.line(n)
    for encoding in ENCODINGS:
        for _ in range(3):
            column = data.draw(st.integers(0, len(line) + 3))
            assert found.units(n, column, encoding) == to_units(line, column, encoding)
            units = data.draw(st.integers(0, 2 * len(line) + 5))
            assert found.column(n, units, encoding) == from_units(line, units, encoding)


def test_positions_on_one_long_line_are_not_each_counted_from_its_start() -> None:
    """Thousands of findings on one long line (a footnote of 12,000 characters
    on one line) were each converted by counting the line's code units from
    its start (`itures check --fix`: 20 s). The time of the same conversions
    at n and 4 n characters (best of three): about 4 now, 16 before."""
    import time

    def best(n: int) -> float:
        found = Lines("x: '" + "é 𝒜 a" * n + "'")
        columns = range(0, 5 * n, 5)
        times = []
        for _ in range(3):
            start = time.perf_counter()
            for encoding in ("utf-8", "utf-16"):
                for c in columns:
                    found.column(0, found.units(0, c, encoding), encoding)
            times.append(time.perf_counter() - start)
            found = Lines(found.text)  # (nothing kept from the last round)
        return min(times)

    best(100)
    assert best(4000) / best(1000) < 10


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
