"""``itures fmt`` and a file's line ends: LF and CR LF kept, CR alone refused.

fmt keeps a file's line ends (CR LF when all its lines end so, else LF). A
line ended by CR alone (an old Mac file) it cannot keep: the file is left as
it is and fmt says where, as ``itures check --fix`` does for such a file
(tests/test_fix.py), so that the two never treat one file differently. It
was rewritten with LF on every line: every line changed in git.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itures.fmt import FormatError, format_file, format_text
from itures.yamlio.read import parse_text
from tests.conftest import run_cli
from tests.test_fmt import MESSY

LINES = MESSY.split("\n")[:-1]
WANTED = format_text(MESSY)  # the canonical file, with LF


@pytest.mark.parametrize("check", [False, True], ids=["fmt", "check"])
def test_a_file_with_lines_ended_by_cr_alone_is_left_as_it_is(tmp_path: Path, check: bool) -> None:
    path = tmp_path / "r.yaml"
    written = MESSY.replace("\n", "\r").encode("utf-8")
    path.write_bytes(written)
    proc = run_cli("fmt", *(["--check"] if check else []), "r.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert path.read_bytes() == written
    # at the end of the first line, which is where the first CR alone is
    first = LINES[0]
    assert proc.stderr.splitlines() == [
        f"r.yaml:1:{len(first) + 1}: fmt: this line ends in CR alone (an old Mac file): fmt "
        "keeps a file's line ends, and writes LF or CR LF only; file left as it is",
        "  help: save the file with LF (or CR LF) line ends, then format it",
        "0 of 1 file " + ("would be reformatted" if check else "reformatted") + ", 1 not formatted",
    ]


def test_fmt_and_check_fix_both_leave_a_file_with_a_cr_alone(tmp_path: Path) -> None:
    """One CR alone among LF line ends, in a resolution with a safe fix to make."""
    path = tmp_path / "resolutions" / "r.yaml"
    path.parent.mkdir()
    lines = MESSY.replace('title: "Coordination', 'title: "Coordination  ').split("\n")
    written = ("\n".join(lines[:5]) + "\r" + "\n".join(lines[5:])).encode("utf-8")
    path.write_bytes(written)
    fmt = run_cli("fmt", "resolutions/r.yaml", cwd=tmp_path)
    assert fmt.returncode == 1
    assert fmt.stderr.startswith(f"resolutions/r.yaml:5:{len(lines[4]) + 1}: fmt: this line "), (
        fmt.stderr
    )
    fixed = run_cli("check", "--fix", "--no-cache", "resolutions", cwd=tmp_path)
    assert "some of its lines end in CR alone" in fixed.stderr
    assert path.read_bytes() == written


_END = st.sampled_from(["\n", "\r\n", "\r"])
# every line ended alike (each of the three), or any mix
_ENDS = st.one_of(
    _END.map(lambda end: [end] * len(LINES)),
    st.lists(_END, min_size=len(LINES), max_size=len(LINES)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ends=_ENDS, bom=st.booleans())
def test_fmt_keeps_the_line_ends_of_any_mix_it_accepts(ends: list[str], bom: bool) -> None:
    """For any mix of LF, CR LF and CR alone: with a CR alone, the file is
    left byte for byte; else it gets the canonical layout with CR LF on
    every line when every line ended so, LF on every line otherwise (the
    README's rule), the same data as the LF file, and formatting it again
    changes nothing."""
    text = ("\ufeff" if bom else "") + "".join(
        line + end for line, end in zip(LINES, ends, strict=True)
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.yaml"
        path.write_bytes(text.encode("utf-8"))
        if "\r" in ends:
            with pytest.raises(FormatError, match="ends in CR alone"):
                format_file(path)
            assert path.read_bytes() == text.encode("utf-8")
            return
        format_file(path)
        out = path.read_bytes().decode("utf-8")
        end = "\r\n" if set(ends) == {"\r\n"} else "\n"
        assert out == ("\ufeff" if bom else "") + WANTED.replace("\n", end)
        assert len(re.findall("\r\n|\n", out)) == out.count(end)
        assert (
            parse_text(out.removeprefix("\ufeff").replace("\r\n", "\n"))[0]
            == (parse_text(MESSY)[0])
        )
        again = format_file(path)
        assert not again.changed
