"""``itures fmt`` and a long text that holds a line break: folded, as any long text.

The canonical layout folds a long text (``>-``) at the first blank past
column 88. A text holding a line break (a literal block ``|-``, a ``\\n`` in
double quotes, a folded block ``>`` that keeps its last break) was written as
one double-quoted line of any length (112 columns for two lines of a
clause). It is folded too, its break written as the empty line that YAML
reads as one; ``check`` still reports the break (``text-break``).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itures.fmt import format_text
from itures.yamlio.read import parse_text
from itures.yamlio.write import WIDTH, dump_data
from tests.conftest import resolution, run_cli

LITERAL = """\
      - label: '3'
        text: |-
          that the arrangements referred to in resolves 2 above shall be made within the existing
          budget,
"""


def test_a_literal_block_becomes_a_folded_one_within_the_width(tmp_path: Path) -> None:
    path = tmp_path / "resolutions" / "pp" / "191" / "en.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(
        dump_data(resolution()) + "  - verb: instructs\n    heading: instructs\n"
        "    clauses:\n" + LITERAL,
        encoding="utf-8",
    )
    before = parse_text(path.read_text(encoding="utf-8"))[0]
    proc = run_cli("fmt", "resolutions/pp/191/en.yaml", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    out = path.read_text(encoding="utf-8")
    assert (
        "        text: >-\n"
        "          that the arrangements referred to in resolves 2 above shall be made within the "
        "existing\n"
        "\n"
        "          budget,\n"
    ) in out
    assert max(len(line) for line in out.splitlines()) <= WIDTH + 1 + len("existing")
    assert '"' not in out
    assert parse_text(out)[0] == before  # the break is kept: it is the data
    assert run_cli("fmt", "--check", "resolutions/pp/191/en.yaml", cwd=tmp_path).returncode == 0
    check = run_cli("check", "--no-cache", "resolutions/pp/191/en.yaml", cwd=tmp_path)
    assert "text-break" in check.stdout


def test_a_short_text_with_a_break_stays_on_its_line() -> None:
    text = 'body: pp\ntitle: "one\\ntwo"\n'
    assert format_text(text) == text


_WORD = st.text(alphabet="abcdefghij,;#:-'\"", min_size=1, max_size=12)
_LINE = st.lists(_WORD, min_size=0, max_size=14).map(" ".join)
_BROKEN = st.lists(_LINE, min_size=2, max_size=5).map("\n".join)  # (or breaks only)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_BROKEN, last=st.sampled_from(["", "\n", "\n\n", " "]), comment=st.booleans())
def test_texts_with_breaks_are_kept_and_fmt_is_idempotent(
    text: str, last: str, comment: bool
) -> None:
    """Any text with line breaks, in a clause: the data and the comments are
    kept (format_text verifies both, and refuses rather than lose them: it
    never refuses here), formatting again changes nothing, and a line of
    the text is longer than the width only by the word that crosses it."""
    data = resolution()
    data["operative"][0]["clauses"][0]["text"] = text + last
    source = dump_data(data)
    if comment:
        source = source.replace("- label: '1'", "- label: '1'  # as published", 1)
    out = format_text(source)
    assert parse_text(out)[0] == data
    assert Counter(line.count("# as published") for line in out.splitlines())[1] == comment
    assert format_text(out) == out
    if last == " ":
        return  # (a blank at the end of a line: no fold gives it back; quoted)
    longest = max(len(word) for word in source.split())  # (words of all the texts)
    assert all(len(line) <= WIDTH + 1 + longest for line in out.splitlines()), out
