"""``itures fmt``: canonical layout, lossless, idempotent, atomic."""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from itures.fmt import FormatError, format_file, format_text
from itures.model.resolution import Resolution
from itures.yamlio.read import YamlSyntaxError, parse_text
from itures.yamlio.write import dump_data
from tests.conftest import ROOT, WINDOWS_SAVE_IDS, WINDOWS_SAVES, resolution, run_cli, write

SEED = ROOT / "resolutions" / "wtdc" / "59" / "fr.yaml"

MESSY = """\
--- # document start
# yaml-language-server: $schema=../../../schema/resolution.schema.json
title: "Coordination among the Sectors"   # as published
number: "59"
body:   wtdc
language: en
history:
# the adoption is not known
- {year: 0x7DE, place: Dubai,  # a flow mapping
   event: revised}
- year: 2017
  # spelled as in the published text
  place: Buenos Aires
  event: revised
operative:
  - clauses:
      - text: >
          to carry out studies, periodically, to identify the standards that hinder the
          work, with a # that is text, not a comment
        label: '1'
      - label: "5"   # itures: ignore[numbering-gap] reason: as published
        text: 'it''s: short;'
        actors: [bdt-director,   # inside a flow list
                 tsb-director]
    verb: resolves
    heading: resolves
# end of file
"""

CANONICAL = """\
# document start
# yaml-language-server: $schema=../../../schema/resolution.schema.json
body: wtdc
number: '59'
language: en
title: Coordination among the Sectors  # as published
history:
  # the adoption is not known
  - event: revised  # a flow mapping
    place: Dubai
    year: 2014
  - event: revised
    # spelled as in the published text
    place: Buenos Aires
    year: 2017
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: >
          to carry out studies, periodically, to identify the standards that hinder the work,
          with a # that is text, not a comment
      - label: '5'  # itures: ignore[numbering-gap] reason: as published
        text: 'it''s: short;'
        actors: [bdt-director, tsb-director]  # inside a flow list
# end of file
"""


def test_committed_corpus_file_is_canonical() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert format_text(text) == text


def test_messy_file_gets_the_canonical_layout() -> None:
    assert format_text(MESSY) == CANONICAL
    assert format_text(CANONICAL) == CANONICAL
    assert parse_text(CANONICAL)[0] == parse_text(MESSY)[0]


def test_long_texts_are_folded_and_short_ones_plain() -> None:
    data = resolution()
    data["title"] = " ".join(["word"] * 40)
    out = dump_data(data)
    assert "title: >-\n  word word" in out
    assert max(len(line) for line in out.splitlines()) <= 88 + len("word")
    assert "  - label: a)\n" in out  # plain where YAML reads it back as the string
    assert "label: '1'" in out  # quoted where it would read as a number
    assert parse_text(out)[0] == data


def test_dump_resolution_is_canonical() -> None:
    from itures.yamlio.write import dump_resolution

    res = Resolution.model_validate(resolution())
    text = dump_resolution(res, schema="../../../schema/resolution.schema.json")
    assert format_text(text) == text
    assert Resolution.model_validate(parse_text(text)[0]) == res


def test_suppression_comments_stay_on_their_line() -> None:
    text = (
        "body: pp\nnumber: '1'\n"
        "operative:\n  - clauses:\n"
        "      - text: first;\n"
        "        label: '1'  # itures: ignore[numbering-gap] reason: as published\n"
        "    # itures: ignore[numbering-style] reason: as published\n"
        "    verb: resolves\n"
    )
    out = format_text(text).splitlines()
    assert "      - label: '1'  # itures: ignore[numbering-gap] reason: as published" in out
    # verb comes first in the section: its comment goes before the section's "- " line
    i = out.index("  # itures: ignore[numbering-style] reason: as published")
    assert out[i + 1] == "  - verb: resolves"


def test_fmt_command_rewrites_and_check_only_reports(tmp_path: Path) -> None:
    path = write(tmp_path / "r.yaml", MESSY)
    proc = run_cli("fmt", "--check", str(path))
    assert proc.returncode == 1
    assert path.read_text(encoding="utf-8") == MESSY  # --check writes nothing
    assert proc.stdout.startswith(f"--- {path} (as is)\n+++ {path} (formatted)\n")
    assert "+body: wtdc\n" in proc.stdout

    proc = run_cli("fmt", str(path))
    assert proc.returncode == 1  # a file was changed
    assert path.read_text(encoding="utf-8") == CANONICAL
    proc = run_cli("fmt", str(path))
    assert (proc.returncode, proc.stdout) == (0, "")
    assert run_cli("fmt", "--check", str(tmp_path)).returncode == 0


def test_fmt_leaves_a_file_not_named_as_a_resolution_alone(tmp_path: Path) -> None:
    """A file given by name that is not a .yaml or .yml file (a JSON file
    given by mistake, which YAML reads too) is not rewritten; the others
    given with it are. It is said as every file that is not a resolution is
    (``path:1:1: fmt: ...``), and counted among the files not formatted: exit 1."""
    given = tmp_path / "data.json"
    given.write_text('{"body": "wtdc", "number": "1"}\n', encoding="utf-8")
    path = write(tmp_path / "r.YML", MESSY)
    proc = run_cli("fmt", str(given), str(path))
    assert proc.returncode == 1
    assert given.read_text(encoding="utf-8") == '{"body": "wtdc", "number": "1"}\n'
    assert (
        f"{given}:1:1: fmt: not a resolution file (its name does not end in .yaml or .yml): "
        "file left as it is"
    ) in proc.stderr.splitlines()
    assert proc.stderr.splitlines()[-1] == "1 of 2 files reformatted, 1 not formatted"
    assert path.read_text(encoding="utf-8") == CANONICAL


@pytest.mark.parametrize(("bom", "end"), WINDOWS_SAVES, ids=WINDOWS_SAVE_IDS)
def test_fmt_keeps_the_line_ends_and_the_byte_order_mark(
    tmp_path: Path, bom: str, end: str
) -> None:
    """What an editor on Windows saves is formatted as the LF file, its line
    ends and byte order mark kept: a commit hook that rewrote them would fail
    at every commit; a canonical file is left as it is."""
    write(tmp_path / "r.yaml", MESSY)
    lf = run_cli("fmt", "--check", "r.yaml", cwd=tmp_path).stdout
    path = tmp_path / "r.yaml"
    path.write_bytes((bom + MESSY.replace("\n", end)).encode("utf-8"))
    proc = run_cli("fmt", "--check", "r.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    # the lines that change, as with LF: not every line for its end
    assert proc.stdout.replace("\r", "").replace("\ufeff", "") == lf
    proc = run_cli("fmt", str(path))
    assert proc.returncode == 1
    assert path.read_bytes() == (bom + CANONICAL.replace("\n", end)).encode("utf-8")
    proc = run_cli("fmt", "--check", str(path))
    assert (proc.returncode, proc.stdout) == (0, "")


def test_fmt_reports_files_it_cannot_read(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.yaml", "body: [wtdc\n")
    proc = run_cli("fmt", str(path))
    assert proc.returncode == 1
    assert re.search(rf"^{re.escape(str(path))}:1:7: yaml-syntax: ", proc.stderr, re.M)
    assert path.read_text(encoding="utf-8") == "body: [wtdc\n"
    assert run_cli("fmt", str(tmp_path / "missing.yaml")).returncode == 2


def test_a_failed_write_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "r.yaml", MESSY)
    os.chmod(path, 0o640)

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        format_file(path)
    assert path.read_text(encoding="utf-8") == MESSY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.yaml"]  # no temporary left
    monkeypatch.undo()
    format_file(path)
    assert path.read_text(encoding="utf-8") == CANONICAL
    assert os.stat(path).st_mode & 0o777 == 0o640  # permissions kept


def test_format_error_is_a_diagnostic() -> None:
    with pytest.raises(FormatError) as err:
        format_text("a: 1\na: 2\n", "x.yaml")
    assert str(err.value.diagnostic) == (
        "x.yaml:2:1: yaml-syntax: duplicate key 'a' (already on line 1)"
    )


# -- property: lossless and idempotent on generated documents -----------------

_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="§\t")
_texts = st.one_of(
    st.text(_chars, min_size=1, max_size=40),
    st.lists(
        st.sampled_from(
            [
                "la",
                "Résolution",
                "[^1]",
                "[la Résolution 123](pp:123@2010)",
                "#",
                "a:",
                "no",
                "'",
                '"',
                "- x",
                "2017",
                "1.1",
                "a)",
                "%",
                "@",
                "*",
                "&",
                "!",
                "|",
                ">",
                ",",
            ]
        ),
        min_size=1,
        max_size=40,
    ).map(" ".join),
)
_labels = st.one_of(st.sampled_from(["a)", "abis)", "1", "2", "1.1", "i)", "5", "no"]), _texts)


def _items(depth: int) -> st.SearchStrategy[list[dict[str, Any]]]:
    leaf = st.fixed_dictionaries({"text": _texts}, optional={"label": _labels})
    if depth == 0:
        return st.lists(leaf, min_size=1, max_size=3)
    return st.lists(
        st.fixed_dictionaries(
            {"text": _texts}, optional={"label": _labels, "items": _items(depth - 1)}
        ),
        min_size=1,
        max_size=3,
    )


_documents = st.fixed_dictionaries(
    {
        "body": st.sampled_from(["pp", "wtdc", "wtsa", "ra"]),
        "number": st.sampled_from(["59", "6-2", "70/1", "1"]),
        "language": st.sampled_from(["en", "fr", "ar"]),
        "title": _texts,
        "history": st.lists(
            st.fixed_dictionaries(
                {
                    "event": st.sampled_from(["adopted", "revised"]),
                    "place": _texts,
                    "year": st.integers(1865, 2999),
                }
            ),
            min_size=1,
            max_size=3,
        ),
    },
    optional={
        "conference": _texts,
        "preamble": st.lists(
            st.fixed_dictionaries(
                {
                    "verb": st.sampled_from(["recalling", "considering"]),
                    "heading": _texts,
                    "items": _items(2),
                }
            ),
            min_size=1,
            max_size=2,
        ),
        "operative": st.lists(
            st.fixed_dictionaries(
                {
                    "verb": st.sampled_from(["resolves", "instructs"]),
                    "heading": _texts,
                    "clauses": st.lists(
                        st.fixed_dictionaries(
                            {"text": _texts},
                            optional={
                                "label": _labels,
                                "actors": st.lists(
                                    st.sampled_from(["bdt-director", "council"]), max_size=2
                                ),
                            },
                        ),
                        min_size=1,
                        max_size=3,
                    ),
                }
            ),
            min_size=1,
            max_size=2,
        ),
    },
)


@st.composite
def _commented(draw: st.DrawFn) -> tuple[Any, str, list[str]]:
    """A generated resolution in a random layout, with comments in random places."""
    data = draw(_documents)
    text = yaml.dump(
        data,
        allow_unicode=True,
        sort_keys=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, None])),
        width=draw(st.integers(20, 200)),
        indent=draw(st.integers(2, 4)),
        explicit_start=draw(st.booleans()),
    )
    lines = text.split("\n")[:-1]
    comments: list[str] = []
    for n in draw(st.lists(st.integers(0, 2 * len(lines)), max_size=8)):
        mark = f"#§{len(comments)} itures: ignore[x] reason: {draw(st.sampled_from(['a', 'b: c']))}"
        i = min(n // 2, len(lines) - 1)
        if n % 2:
            if "#§" in lines[i]:
                continue  # a comment already ends this line
            lines[i] += "  " + mark
        else:
            indent = len(lines[i]) - len(lines[i].lstrip(" "))
            lines.insert(i, " " * indent + mark)
        comments.append(mark)
    return data, "\n".join(lines) + "\n", comments


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_commented())
def test_fmt_is_lossless_and_idempotent(case: tuple[Any, str, list[str]]) -> None:
    data, text, comments = case
    try:
        parsed, _ = parse_text(text)
    except YamlSyntaxError:
        parsed = None
    assume(parsed == data)  # the comments went where YAML has comments
    out = format_text(text)
    again, _ = parse_text(out)
    assert again == data
    assert Resolution.model_validate(again) == Resolution.model_validate(data)
    found = Counter(m for m in re.findall(r"#§\d+[^\n]*", out))
    assert found == Counter(comments)
    assert format_text(out) == out


def test_fmt_keeps_a_schema_comment_and_the_seed_through_a_copy(tmp_path: Path) -> None:
    copy = tmp_path / "fr.yaml"
    shutil.copy(SEED, copy)
    assert format_file(copy).changed is False


def test_fmt_writes_the_schema_line_that_resolves_from_where_the_file_is(tmp_path: Path) -> None:
    """In a corpus repository with schema/ at its top, fmt adds the editors' first
    line, corrects one that names another path, keeps a URL; elsewhere it adds none."""
    import subprocess

    from itures.fmt import format_file
    from itures.yamlio.write import dump_data
    from tests.conftest import resolution

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "resolution.schema.json").write_text("{}", encoding="utf-8")
    body = dump_data(resolution())
    path = tmp_path / "resolutions" / "pp" / "191" / "en.yaml"
    path.parent.mkdir(parents=True)
    line = "# yaml-language-server: $schema=../../../schema/resolution.schema.json\n"
    path.write_text(body, encoding="utf-8")
    assert format_file(path).changed
    assert path.read_text(encoding="utf-8") == line + body
    assert not format_file(path).changed  # idempotent
    path.write_text("# yaml-language-server: $schema=../schema.json\n" + body, encoding="utf-8")
    format_file(path)
    assert path.read_text(encoding="utf-8") == line + body
    url = "# yaml-language-server: $schema=https://example.org/resolution.schema.json\n"
    path.write_text(url + body, encoding="utf-8")
    assert not format_file(path).changed
    # a file outside any corpus repository with a schema folder: no line added
    other = tmp_path.parent / f"{tmp_path.name}-alone.yaml"
    other.write_text(body, encoding="utf-8")
    assert not format_file(other).changed


@pytest.mark.parametrize("key", ["text", "title", "heading"])
def test_a_text_cut_at_a_blank_and_hash_is_left_as_it_is_with_the_reason(key: str) -> None:
    """'Question #3' in an unquoted text: YAML reads '#3 ...' as a comment.
    The layout would move it away from the text (a long text is folded, the
    comment then after '>-', where text-comment no longer sees it): fmt
    refuses, at the '#', and says to quote the text; a comment one blank
    after a plain value that is no prose is written back after one blank."""
    text = (
        "body: pp\nnumber: '1'\ntitle: Studies\n"
        "operative:\n  - verb: resolves\n    heading: resolves\n    clauses:\n"
        "      - label: '1'\n        text: to study the matters of Question 3 and report\n"
    ).replace(f"{key}: ", f"{key}: x #3 and ", 1)
    with pytest.raises(FormatError) as e:
        format_text(text)
    d = e.value.diagnostic
    row = next(i for i, line in enumerate(text.splitlines()) if "#3" in line)
    assert (d.line, d.column) == (row + 1, text.splitlines()[row].index("#") + 1)
    assert f"the text of '{key}' is followed by ' #'" in d.message
    kept = format_text("body: pp\nlanguage: en #3 here\n").splitlines()
    assert "language: en #3 here" in kept


def test_a_file_that_is_not_a_resolution_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("todo:\n  - check the French title\n", encoding="utf-8")
    with pytest.raises(FormatError, match="not a resolution"):
        format_file(path)
    assert path.read_text(encoding="utf-8") == "todo:\n  - check the French title\n"


@pytest.mark.parametrize("text", ["+_", "-_", "0x_", "0b_", "0o_", "+__", "1" * 1001])
def test_a_string_that_looks_like_a_number_without_digits_is_written_quoted(text: str) -> None:
    """'+_' and '0x_' match a number's pattern with no digit in it (and a
    run of 1,001 digits is one the reader refuses): the writer asked the
    reader what they read as, which raised. They are written quoted and
    read back as the strings they are."""
    data = {"body": "pp", "number": "1", "language": "en", "title": text}
    written = dump_data(data)
    assert parse_text(written)[0]["title"] == text
