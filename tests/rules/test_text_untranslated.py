"""text-untranslated: a text of one language version that is word for word
another's. The index keeps a fingerprint of each text (``Summary.prints``),
aligned with paths the summary's own label trees give back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from itures.config import Config
from itures.corpus import check_paths
from itures.model.resolution import Resolution
from itures.pipeline import _file_steps
from itures.rules._walk import _all_texts
from itures.summary import printed_paths, prints_of, summarise
from tests.conftest import run_cli

_ENTRIES = ("preamble", "operative", "annexes", "footnotes")
REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "resolutions" / "wtdc" / "59" / "fr.yaml"
PP18 = REPO.parent / "shared" / "corpora" / "pp18-final-acts.akn.xml"

NESTED = """\
body: pp
number: '5'
language: en
title: A resolution with every kind of text
history: [{event: adopted, place: Dubai, year: 2018}]
preamble:
  - verb: considering
    heading: considering
    items:
      - label: a)
        text: that the first item says something;
      - label: b)
        text: 'that the second has a list:'
        items:
          - {label: i), text: the first of its items of four words;}
          - {label: ii), text: 'short;'}
      - text: an unlabelled item with words enough,
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: 'to act on what the first clause says:'
        clauses:
          - {label: '1.1', text: the first sub-clause of the first clause;}
      - label: '2'
        text: to report on it[^1].
        deadlines: [{every: year, report_to: council, text: annually}]
annexes:
  - heading: ANNEX
    title: The plan of the work
    items:
      - text: A first paragraph of the annex, with its words.
        items:
          - {label: a), text: a point of the first paragraph of the annex}
footnotes:
  - id: '1'
    text: A footnote with words enough to be told.
"""


def loads_resolution(text: str) -> Resolution:
    read_document, validate, *_ = _file_steps()
    res, problems = validate(read_document("doc.yaml", text.encode()))
    assert res is not None, problems
    return res


def _entry_texts(res: Resolution) -> list[tuple[str | int, ...]]:
    """The paths of the title and of the texts of the entries (items,
    clauses, footnotes, annex paragraphs; not deadline words), in the order
    of the file's texts."""
    return [
        t.path
        for t in _all_texts(res)
        if t.path == ("title",)
        or (t.path[-1] == "text" and t.path[0] in _ENTRIES and "deadlines" not in t.path)
    ]


def _texts_of_entries(text: str) -> tuple[list[tuple[str | int, ...]], list[int]]:
    res = loads_resolution(text)
    texts = _all_texts(res)
    summary = summarise("doc.yaml", res, texts)
    return printed_paths(summary), prints_of(summary)


@pytest.mark.parametrize("source", ["nested", "example"])
def test_the_paths_of_the_prints_are_those_of_the_texts_of_the_entries(source: str) -> None:
    text = NESTED if source == "nested" else EXAMPLE.read_text(encoding="utf-8")
    res = loads_resolution(text)
    expected = _entry_texts(res)
    paths, prints = _texts_of_entries(text)
    assert paths == expected  # in the order of the file's texts, which the prints follow
    assert len(prints) == len(paths)


def test_a_text_too_short_to_tell_has_no_print() -> None:
    paths, prints = _texts_of_entries(NESTED)
    by_path = dict(zip(paths, prints, strict=True))
    assert by_path[("preamble", 0, "items", 1, "items", 1, "text")] == 0  # 'short;'
    assert by_path[("preamble", 0, "items", 1, "items", 0, "text")] != 0
    assert by_path[("footnotes", 0, "text")] != 0
    assert len(set(prints) - {0}) == len([p for p in prints if p])  # all texts differ


def _french(text: str, paste: str | None) -> str:
    """NESTED as its French version: each text and the title its own
    (marked 'FR'), but ``paste``, kept as the English writes it, and the
    one word 'short;', which both versions write alike."""
    out = []
    for line in text.replace("language: en", "language: fr").splitlines():
        if (paste is None or paste not in line) and "short;" not in line:
            for key in ("text: '", "text: ", "title: "):
                if key in line:
                    line = line.replace(key, key + "FR ", 1)
                    break
        out.append(line)
    return "\n".join(out) + "\n"


def _versions(tmp_path: Path, paste: str | None) -> Path:
    root = tmp_path / "resolutions" / "pp" / "5"
    root.mkdir(parents=True)
    (root / "en.yaml").write_text(NESTED, encoding="utf-8")
    (root / "fr.yaml").write_text(_french(NESTED, paste), encoding="utf-8")
    return tmp_path / "resolutions"


def _untranslated(root: Path) -> list[tuple[str, str | None]]:
    return [
        (d.path.rsplit("/", 1)[-1], d.pointer)
        for d in check_paths([root], Config()).diagnostics
        if d.rule == "text-untranslated"
    ]


@pytest.mark.parametrize(
    ("paste", "pointer"),
    [
        ("the first sub-clause of the first clause;", "/operative/0/clauses/0/clauses/0/text"),
        ("A footnote with words enough to be told.", "/footnotes/0/text"),
        ("a point of the first paragraph of the annex", "/annexes/0/items/0/items/0/text"),
        ("title: A resolution with every kind", "/title"),
    ],
)
def test_a_paste_is_found_where_it_is(paste: str, pointer: str, tmp_path: Path) -> None:
    assert _untranslated(_versions(tmp_path, paste)) == [("fr.yaml", pointer)]


def test_a_paste_is_found_through_the_cache_and_in_a_one_file_check(tmp_path: Path) -> None:
    root = _versions(tmp_path, "the first sub-clause of the first clause;")
    for _ in range(2):  # filling the cache, then from it
        assert _untranslated(root) == [("fr.yaml", "/operative/0/clauses/0/clauses/0/text")]
    # the commit hook's check of the French file alone, the corpus indexed
    done = run_cli(
        "check", "--format", "concise", "--corpus", str(root), str(root / "pp/5/fr.yaml")
    )
    assert "text-untranslated" in done.stdout and "en (" in done.stdout, done.stderr


def test_versions_with_their_own_texts_have_no_finding(tmp_path: Path) -> None:
    assert _untranslated(_versions(tmp_path, None)) == []
    # 'short;' is the same in both, too short to tell
    assert "text: 'short;'" in _french(NESTED, None)


@pytest.mark.skipif(not PP18.exists(), reason="../shared is absent")
def test_the_paths_of_the_prints_of_the_final_acts(tmp_path: Path) -> None:
    out = tmp_path / "pp18"
    done = run_cli("import", "-o", str(out), str(PP18))
    assert done.returncode in (0, 1), done.stderr
    files = sorted(out.rglob("*.yaml"))[:20]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        res = loads_resolution(text)
        expected = _entry_texts(res)
        paths, prints = _texts_of_entries(text)
        assert paths == expected, path
        assert len(prints) in (0, len(paths)), path
    shutil.rmtree(out)


def _history_file(
    root: Path, number: str, language: str, places: list[tuple[str, int]], formula: str | None
) -> Path:
    lines = [f"body: pp\nnumber: '{number}'\nlanguage: {language}\ntitle: Test\nhistory:\n"]
    for i, (place, year) in enumerate(places):
        event = "adopted" if i == 0 else "revised"
        lines.append(f"  - {{event: {event}, place: {place}, year: {year}}}\n")
    if formula is not None:
        lines.append(f"conference: {formula}\n")
    path = root / "resolutions" / "pp" / number / f"{language}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_a_place_pasted_in_latin_letters_is_told_the_place_in_the_files_letters(
    tmp_path: Path,
) -> None:
    """'Busan' pasted into a Russian history: the help gives 'Пусан', as the
    file's own formula writes it; 'Guadalajara', which the formula does not
    name, as the corpus's other Russian texts write PP's 2010 conference."""
    en = [("Guadalajara", 2010), ("Busan", 2014)]
    _history_file(tmp_path, "58", "en", en, None)
    ru = _history_file(
        tmp_path,
        "58",
        "ru",
        en,
        "Полномочная конференция Международного союза электросвязи (Пусан, 2014 г.),",
    )
    _history_file(tmp_path, "71", "ru", [("Гвадалахара", 2010)], None)
    found = {
        d.message.split("'")[1]: d.help
        for d in check_paths([tmp_path / "resolutions"]).diagnostics
        if d.rule == "text-untranslated" and d.path == str(ru)
    }
    assert found == {
        "Busan": "write the place in Cyrillic letters: 'Пусан', as this file's conference "
        "formula writes it",
        "Guadalajara": "write the place in Cyrillic letters: 'Гвадалахара', as the other ru "
        "texts of the corpus write it",
    }
