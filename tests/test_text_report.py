"""The text reports: each finding with its source excerpt (the default), concise, statistics.

The expected outputs are written out in full: a caret that moves by one
column, a colour code that changes, a control character that reaches the
terminal, each fails a test here.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itures.corpus import CheckResult
from itures.diagnostics import Diagnostic, Related
from itures.files import content_hash
from itures.report import REPORTERS, ReportOptions
from itures.report import terminal as text_report
from itures.report.terminal import color_wanted, concise, escape, full
from tests.conftest import MINIMAL, ROOT, run_cli

SOURCE = """\
body: wtdc
number: '59'
language: fr
title: Résolution
preamble:
  - verb: recalling
    items:
      - label: a)
      - label: c)
        text: >-
          second line
          third line
"""


def _file(tmp_path: Path, text: str = SOURCE, name: str = "r.yaml") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def _gap(path: str, **extra: object) -> Diagnostic:
    return Diagnostic(
        "numbering-gap",
        "error",
        path,
        9,
        16,
        "item c) follows a); expected b)",
        "/preamble/0/items/1/label",
        9,
        17,
        **extra,  # type: ignore[arg-type]
    )


def test_a_finding_with_its_line_a_caret_under_the_span_and_help(tmp_path: Path) -> None:
    path = _file(tmp_path)
    result = CheckResult([_gap(path, help="relabel c) as b)")], 1)
    assert full(result) == (
        f"{path}:9:16: error[numbering-gap]: item c) follows a); expected b)\n"
        "  |\n"
        "9 |       - label: c)\n"
        "  |                ^^\n"
        "  |\n"
        "help: relabel c) as b)\n"
        "\n"
        "1 file checked: 1 error, 0 warnings\n"
    )
    assert REPORTERS["text"](result) == full(result)
    assert concise(result) == (
        f"{path}:9:16: numbering-gap: item c) follows a); expected b)\n"
        "1 file checked: 1 error, 0 warnings\n"
    )


def test_colour_codes(tmp_path: Path) -> None:
    path = _file(tmp_path)
    result = CheckResult([_gap(path, help="relabel c) as b)")], 1)
    assert full(result, ReportOptions(color=True)) == (
        f"\x1b[1m{path}:9:16:\x1b[0m \x1b[1;31merror[numbering-gap]\x1b[0m"
        "\x1b[1m: item c) follows a); expected b)\x1b[0m\n"
        "  \x1b[1;34m|\x1b[0m\n"
        "\x1b[1;34m9 |\x1b[0m       - label: c)\n"
        "  \x1b[1;34m|\x1b[0m                \x1b[1;31m^^\x1b[0m\n"
        "  \x1b[1;34m|\x1b[0m\n"
        "\x1b[1;36mhelp\x1b[0m: relabel c) as b)\n"
        "\n"
        "1 file checked: 1 error, 0 warnings\n"
    )
    warning = Diagnostic("punctuation", "warning", path, 4, 8, "no mark", end_line=4, end_column=17)
    assert concise(CheckResult([warning], 1), ReportOptions(color=True)) == (
        f"\x1b[1m{path}:4:8:\x1b[0m \x1b[1;33mpunctuation\x1b[0m: no mark\n"
        "1 file checked: 0 errors, 1 warning\n"
    )


def test_a_span_over_several_lines_is_drawn_in_the_margin(tmp_path: Path) -> None:
    path = _file(tmp_path)
    folded = Diagnostic(
        "punctuation", "warning", path, 10, 15, "the last item ends with no mark", None, 12, 20
    )
    assert full(CheckResult([folded], 1)) == (
        f"{path}:10:15: warning[punctuation]: the last item ends with no mark\n"
        "   |\n"
        "10 |           text: >-\n"
        "   |  _______________^\n"
        "11 | |           second line\n"
        "12 | |           third line\n"
        "   | |____________________^\n"
        "   |\n"
        "\n"
        "1 file checked: 0 errors, 1 warning\n"
    )


def test_a_long_span_shows_its_first_and_last_lines(tmp_path: Path) -> None:
    lines = "".join(f"  line {n}\n" for n in range(1, 10))
    path = _file(tmp_path, "text: |\n" + lines)
    block = Diagnostic("markup", "error", path, 2, 3, "a block", None, 10, 8)
    assert full(CheckResult([block], 1)).splitlines()[1:10] == [
        "   |",
        " 2 |     line 1",
        "   |  ___^",
        " 3 | |   line 2",
        "...",
        " 9 | |   line 8",
        "10 | |   line 9",
        "   | |________^",
        "   |",
    ]


def test_related_places_as_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(tmp_path)
    related = (
        Related(path, 8, 16, "the list goes a), c)", 8, 17),
        Related("other.yaml", 7, 3, "the same list in English"),
        Related("third.yaml", 1, 1, "and in Spanish"),
        Related("fourth.yaml", 1, 1, "and in Arabic"),
    )
    monkeypatch.setattr(text_report, "MAX_RELATED", 2)
    result = CheckResult([_gap(path, related=related, help="relabel c) as b)")], 1)
    assert full(result) == (
        f"{path}:9:16: error[numbering-gap]: item c) follows a); expected b)\n"
        "  |\n"
        "9 |       - label: c)\n"
        "  |                ^^\n"
        "  |\n"
        f"{path}:8:16: note: the list goes a), c)\n"
        "  |\n"
        "8 |       - label: a)\n"
        "  |                --\n"
        "  |\n"
        "other.yaml:7:3: note: the same list in English\n"
        "note: and 2 more related places (--format json lists them all)\n"
        "help: relabel c) as b)\n"
        "\n"
        "1 file checked: 1 error, 0 warnings\n"
    )
    # the count of the places not shown, in the language of the messages
    from itures import i18n

    i18n.use("fr")
    try:
        french = full(result)
    finally:
        i18n.use("en")
    assert "note: et 2 autres endroits liés (--format json les liste tous)\n" in french
    # related places are not findings: one finding, counted once
    assert result.summary()["errors"] == 1
    payload = json.loads(REPORTERS["json"](result))
    assert payload["summary"]["errors"] == 1 and len(payload["diagnostics"]) == 1
    assert [r["path"] for r in payload["diagnostics"][0]["related"]] == [
        path,
        "other.yaml",
        "third.yaml",
        "fourth.yaml",
    ]


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    text = 'title: "\x1b[31mred\x07"\r\ntext: "abc\u202edef"\n'
    path = _file(tmp_path, text)
    found = [
        Diagnostic("yaml-syntax", "error", path, 1, 9, "control \x1b[2J character", None, 1, 17),
        Diagnostic("markup", "error", path, 2, 12, "after an override", help="remove \x07 it"),
    ]
    out = full(CheckResult(found, 1))
    assert out == (
        f"{path}:1:9: error[yaml-syntax]: control \u241b[2J character\n"
        "  |\n"
        '1 | title: "\u241b[31mred\u2407"\n'
        "  |         ^^^^^^^^^\n"
        "  |\n"
        "\n"
        f"{path}:2:12: error[markup]: after an override\n"
        "  |\n"
        '2 | text: "abc<U+202E>def"\n'
        "  |                   ^\n"
        "  |\n"
        "help: remove \u2407 it\n"
        "\n"
        "1 file checked: 2 errors, 0 warnings\n"
        "note: the rules did not run on 1 file, whose YAML or schema has an error: its other "
        "findings show once that is corrected\n"
    )
    assert not any(ch in out for ch in "\x1b\x07\r\u202e")
    assert "\x1b" not in concise(CheckResult(found, 1))
    assert escape("ok\ttab\nnext\u00a0\u2028\x85") == "ok\u2409tab\nnext\u00a0<U+2028><U+0085>"


def test_wide_and_combining_characters_and_tabs(tmp_path: Path) -> None:
    text = "title: 漢字のタイトル\ntext: e\u0301t\u00e9\nk:\tv\n"
    path = _file(tmp_path, text)
    found = [
        Diagnostic("markup", "error", path, 1, 8, "wide", None, 1, 9),
        Diagnostic("markup", "error", path, 2, 9, "combining", None, 2, 10),
        Diagnostic("yaml-syntax", "error", path, 3, 4, "after a tab"),
    ]
    assert full(CheckResult(found, 1)) == (
        f"{path}:1:8: error[markup]: wide\n"
        "  |\n"
        "1 | title: 漢字のタイトル\n"
        "  |        ^^^^\n"
        "  |\n"
        "\n"
        f"{path}:2:9: error[markup]: combining\n"
        "  |\n"
        "2 | text: e\u0301t\u00e9\n"
        "  |        ^^\n"
        "  |\n"
        "\n"
        f"{path}:3:4: error[yaml-syntax]: after a tab\n"
        "  |\n"
        "3 | k:    v\n"
        "  |       ^\n"
        "  |\n"
        "\n"
        "1 file checked: 3 errors, 0 warnings\n"
        "note: the rules did not run on 1 file, whose YAML or schema has an error: its other "
        "findings show once that is corrected\n"
    )


def test_a_long_line_is_cut_around_the_span(tmp_path: Path) -> None:
    line = "abcdefghijklmnopqrstuvwxyz" * 4  # 104 characters
    path = _file(tmp_path, line + "\n")
    found = [
        Diagnostic("markup", "error", path, 1, 5, "near the start", None, 1, 6),
        Diagnostic("markup", "error", path, 1, 61, "far in", None, 1, 63),
        Diagnostic("markup", "error", path, 1, 103, "at the end", None, 1, 104),
    ]
    out = full(CheckResult(found, 1), ReportOptions(width=40)).splitlines()
    # 40 columns: 34 for the text after the gutter
    assert out[2:4] == [
        "1 | abcdefghijklmnopqrstuvwxyzabcdefg…",
        "  |     ^^",
    ]
    assert out[8:10] == [
        "1 | …xyzabcdefghijklmnopqrstuvwxyzabc…",
        "  |             ^^^",
    ]
    assert out[14:16] == [
        "1 | …tuvwxyzabcdefghijklmnopqrstuvwxyz",
        "  |                                 ^^",
    ]


def test_no_excerpt_when_the_source_is_not_what_was_checked(tmp_path: Path) -> None:
    path = _file(tmp_path)
    gap = _gap(path, help="relabel c) as b)")
    header = f"{path}:9:16: error[numbering-gap]: item c) follows a); expected b)\n"
    bare = header + "help: relabel c) as b)\n\n1 file checked: 1 error, 0 warnings\n"
    shown = CheckResult([gap], 1)
    shown.digests = {path: content_hash(Path(path).read_bytes())}
    assert full(shown).count("|") == 4
    changed = CheckResult([gap], 1)
    changed.digests = {path: content_hash(b"other content")}
    assert full(changed) == bare
    missing = CheckResult([_gap(str(tmp_path / "gone.yaml"))], 1)
    assert full(missing).splitlines()[1] == ""
    outside = Diagnostic("schema", "error", path, 40, 1, "past the end")
    assert full(CheckResult([outside], 1)).splitlines()[1] == ""
    beyond = Diagnostic("schema", "error", path, 9, 30, "past the line end")
    assert full(CheckResult([beyond], 1)).splitlines()[1] == ""


def test_no_excerpt_of_a_huge_file_nor_of_a_pipe(tmp_path: Path) -> None:
    from itures.pipeline import MAX_FILE_BYTES

    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as fh:
        fh.write(b"a: 1\n")
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written
    d = Diagnostic("schema", "error", str(huge), 1, 1, "huge")
    assert full(CheckResult([d], 1)).splitlines()[1] == ""
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.yaml"
        os.mkfifo(fifo)
        d = Diagnostic("schema", "error", str(fifo), 1, 1, "a pipe")
        assert full(CheckResult([d], 1)).splitlines()[1] == ""  # and it did not block


def test_suppressed_findings_listed_with_their_reason(tmp_path: Path) -> None:
    from itures.config import Config
    from itures.corpus import check_paths

    seed = ROOT / "resolutions/wtdc/59/fr.yaml"
    target = tmp_path / "fr.yaml"
    target.write_bytes(seed.read_bytes())
    result = check_paths([target], Config())
    assert full(result) == "1 file checked: no problems (1 suppressed)\n"
    result.show_suppressed = True
    lines = full(result).splitlines()
    assert lines[0].startswith(f"{target}:176:16: error[numbering-gap]: clause 5 follows 2 ")
    assert lines[0].endswith(" [suppressed: the published text numbers this clause 5]")
    assert lines[1:5] == [
        "    |",
        "176 |       - label: '5'",
        "    |                ^^^",
        "    |",
    ]


def test_statistics(tmp_path: Path) -> None:
    path = _file(tmp_path)
    found = [
        _gap(path),
        Diagnostic("punctuation", "warning", path, 10, 15, "no mark"),
        _gap(path, related=(Related(path, 8, 16, "not counted"),)),
    ]
    result = CheckResult(found, 1, [f"{tmp_path}/x.yaml: cannot read"])
    expected = (
        "2  numbering-gap  error\n"
        "1  punctuation    warning\n"
        f"error: {tmp_path}/x.yaml: cannot read\n"
        "1 file checked: 2 errors, 1 warning, 1 not checked\n"
    )
    options = ReportOptions(statistics=True)
    assert full(result, options) == expected
    assert concise(result, options) == expected
    summary = json.loads(REPORTERS["json"](result, options))["summary"]
    assert summary["statistics"] == [
        {"rule": "numbering-gap", "severity": "error", "count": 2},
        {"rule": "punctuation", "severity": "warning", "count": 1},
    ]
    assert "statistics" not in json.loads(REPORTERS["json"](result))["summary"]


def test_colour_is_wanted_on_a_terminal_unless_no_color() -> None:
    leader, follower = pty.openpty()
    try:
        with open(follower, "w", closefd=False) as tty, open(os.devnull, "w") as pipe:
            assert color_wanted("auto", tty, {}) is True
            assert color_wanted("auto", tty, {"NO_COLOR": "1"}) is False
            assert color_wanted("auto", tty, {"NO_COLOR": ""}) is True
            assert color_wanted("auto", tty, {"TERM": "dumb"}) is False
            assert color_wanted("auto", pipe, {}) is False
            assert color_wanted("auto", pipe, {"FORCE_COLOR": "1"}) is True
            assert color_wanted("auto", pipe, {"FORCE_COLOR": "1", "NO_COLOR": "1"}) is False
            assert color_wanted("always", pipe, {"NO_COLOR": "1"}) is True
            assert color_wanted("never", tty, {"FORCE_COLOR": "1"}) is False
    finally:
        os.close(leader)
        os.close(follower)


def _bad(tmp_path: Path) -> Path:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL + "titel: x\n", encoding="utf-8")
    return bad


def test_the_command_line_colours_as_asked(tmp_path: Path) -> None:
    bad = str(_bad(tmp_path))
    red = "\x1b[1;31merror[schema]"
    plain = {"NO_COLOR": "", "FORCE_COLOR": ""}
    assert "\x1b[" not in run_cli("check", bad, env=plain).stdout
    assert red in run_cli("check", "--color", "always", bad, env={"NO_COLOR": "1"}).stdout
    assert red in run_cli("check", bad, env={**plain, "FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run_cli("check", bad, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in run_cli("check", "--color", "never", bad, env={"FORCE_COLOR": "1"}).stdout
    assert run_cli("check", "--color", "sometimes", bad).returncode == 2


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """The command's standard output, on a pseudo-terminal."""
    leader, follower = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.pop("GITHUB_ACTIONS", None)
    full_env.update({"TERM": "xterm", **env})
    proc = subprocess.Popen(
        [sys.executable, "-m", "itures", *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=full_env,
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    proc.wait()
    os.close(leader)
    return out.decode(errors="replace").replace("\r\n", "\n")


def test_colour_on_a_terminal_and_not_with_no_color(tmp_path: Path) -> None:
    bad = str(_bad(tmp_path))
    args = ["check", "--no-cache", bad]
    coloured = _on_a_terminal(args, {})
    assert "\x1b[1;31merror[schema]\x1b[0m" in coloured
    assert "\x1b[1;34m9 |\x1b[0m titel: x" in coloured
    assert "\x1b[" not in _on_a_terminal(args, {"NO_COLOR": "1"})
    assert "\x1b[" not in _on_a_terminal(args, {"TERM": "dumb"})


def test_the_command_line_statistics_and_concise(tmp_path: Path) -> None:
    bad = str(_bad(tmp_path))
    out = run_cli("check", "--statistics", bad)
    assert out.returncode == 1
    assert out.stdout == "1  schema  error\n1 file checked: 1 error, 0 warnings\n"
    assert run_cli("check", "--statistics", "--format", "concise", bad).stdout == out.stdout
    payload = json.loads(run_cli("check", "--statistics", "--format", "json", bad).stdout)
    assert payload["summary"]["statistics"] == [{"rule": "schema", "severity": "error", "count": 1}]


def test_a_real_finding_of_the_reader_shows_the_line(tmp_path: Path) -> None:
    """End to end: a control character in a file, reported by the reader, escaped."""
    bad = tmp_path / "ctl.yaml"
    bad.write_bytes(MINIMAL.replace("A title", "A \x1b[2Jtitle").encode())
    proc = run_cli("check", str(bad))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"{bad}:4:10: error[yaml-syntax]: ")
    assert lines[1:5] == ["  |", "4 | title: A \u241b[2Jtitle", "  |          ^", "  |"]
    assert "\x1b" not in proc.stdout


def test_the_readme_sample_is_the_output_of_the_example(tmp_path: Path) -> None:
    """README shows `itures check` on the example file without its suppression comment."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("then a summary (here on the example file without its suppression")
    opening = readme.index("```\n", start) + 4
    sample = readme[opening : readme.index("\n```", opening) + 1]
    marker = "# itures: ignore[numbering-gap]"
    seed = (ROOT / "resolutions/wtdc/59/fr.yaml").read_text(encoding="utf-8")
    target = tmp_path / "resolutions/wtdc/59/fr.yaml"
    target.parent.mkdir(parents=True)
    target.write_text("".join(line for line in seed.splitlines(True) if marker not in line))
    proc = run_cli("check", "--no-cache", "resolutions", cwd=tmp_path, env={"NO_COLOR": "1"})
    assert proc.stdout == sample, "update README's sample output to:\n" + proc.stdout


_UNSAFE = ("Cc", "Cf", "Zl", "Zp")  # lone surrogates are escaped by the output stream


@settings(max_examples=150, deadline=None)
@given(
    # a CR is a line break, as LF is (tests/test_line_endings.py)
    st.text(st.characters(exclude_characters="\n\r"), max_size=60),
    st.text(max_size=20),
    st.integers(0, 70),
    st.integers(0, 70),
)
def test_no_control_character_reaches_the_output(
    line: str, message: str, column: int, length: int
) -> None:
    import tempfile
    import unicodedata

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "f.yaml")
        Path(path).write_bytes(f"{line}\nnext\n".encode("utf-8", "surrogatepass"))
        column = min(column, len(line)) + 1
        end = min(column + length, len(line) + 1)
        found = Diagnostic("markup", "error", path, 1, column, message, None, 1, end, message)
        for options in (ReportOptions(), ReportOptions(width=30)):
            out = full(CheckResult([found], 1), options)
            lines = out.split("\n")
            for text in lines:  # the line breaks of the output are the only controls
                assert not [ch for ch in text if unicodedata.category(ch) in _UNSAFE]
            caret = next(n for n, text in enumerate(lines) if text.startswith("1 |"))
            assert lines[caret + 1].startswith("  | ") and lines[caret + 1].endswith("^")


def test_a_file_changed_after_the_check_is_shown_without_excerpt(
    tmp_path: Path, _own_cache: Path
) -> None:
    """The check remembers what it read; the report shows no line of another content."""
    from itures.cache import Cache
    from itures.corpus import check_paths

    bad = _bad(tmp_path)
    for cache in (None, Cache(_own_cache), Cache(_own_cache)):  # the last: a remembered run
        result = check_paths([bad], cache=cache)
        if cache is not None:
            cache.close()
        assert result.digests == {str(bad): content_hash(bad.read_bytes())}
        assert full(result).splitlines()[2] == "9 | titel: x"
    result = check_paths([bad])
    bad.write_text(MINIMAL + "title: x\n", encoding="utf-8")  # same length, other text
    lines = full(result).splitlines()
    assert lines[0].startswith(f"{bad}:9:1: error[schema]: ")
    # no excerpt: the help follows the headline, then the blank line that ends the finding
    assert lines[1].startswith("help: ") and lines[2] == ""
    assert not any(line.lstrip().startswith("9 |") for line in lines)
