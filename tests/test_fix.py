"""``itures check --fix``: the safe quick fixes applied to the files, the rest reported."""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from itures.corpus import check_paths
from tests.conftest import SEED_YAML, WINDOWS_SAVE_IDS, WINDOWS_SAVES, fixed_seed, run_cli

# (what the example holds, what a slip makes of it): each a finding with a safe fix
SAFE_SLIPS = [
    ("ressources humaines;", "ressources humaines,;"),  # a doubled mark
    ("aux travaux de l'UIT;", "aux travaux de de l'UIT;"),  # a word written twice
    ("questions d'intérêt\n  mutuel", "questions d’intérêt\n  mutuel"),  # apostrophes
    ("séminaires, d'ateliers", "séminaires, d' ateliers"),  # a blank after an elision
    ("d'urgence et les changements climatiques;", "d'urgence et les changements climatiques ;"),
    ("développement[^1] et", "développement[^ 1] et"),  # a marker with a blank inside
    ("](wtdc:5@2014) sur le", "](wtdc:5@2014 sur le"),  # a citation's ')' lost
    (
        "      - label: b)\n        text: >-\n          [la Résolution\u00a05",
        "      - text: >-\n          b) [la Résolution\u00a05",
    ),  # a label left in the text
]
# slips whose fix is a choice: reported, not fixed
UNSAFE_SLIPS = [
    ("actors: [tdag]", "actors: [tdga]"),  # did you mean 'tdag'?
    ("      - label: '3'\n", "      - label: '7'\n"),  # a renumbering
]


def _corpus(tmp_path: Path, slips: list[tuple[str, str]]) -> tuple[Path, str]:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    target = tmp_path / "resolutions" / "wtdc" / "59" / "fr.yaml"
    target.parent.mkdir(parents=True)
    text = SEED_YAML.read_text(encoding="utf-8")
    for old, new in slips:
        assert old in text, old
        text = text.replace(old, new, 1)
    target.write_text(text, encoding="utf-8")
    return target, text


def test_the_safe_fixes_are_applied_and_the_rest_is_reported(tmp_path: Path) -> None:
    target, _ = _corpus(tmp_path, SAFE_SLIPS + UNSAFE_SLIPS)
    before = Counter(d.rule for d in check_paths([target]).diagnostics)
    assert before["punctuation"] >= 2 and before["word-duplicate"] == 1
    assert before["conversion-artefact"] == 1
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # what is left has errors
    assert "itures check --fix: 8 fixes applied to 1 file" in done.stderr
    fixed = target.read_text(encoding="utf-8")
    # the safe slips undone, byte for byte; the others left to the editor
    expected = SEED_YAML.read_text(encoding="utf-8")
    for old, new in UNSAFE_SLIPS:
        expected = expected.replace(old, new, 1)
    assert fixed == expected
    after = Counter(d.rule for d in check_paths([target]).diagnostics)
    assert after == Counter({"actor-unknown": 1, "numbering-gap": 1})
    assert "actor-unknown" in done.stdout and "numbering-gap" in done.stdout
    # nothing left to fix: a second run changes nothing
    again = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "0 fixes applied to 0 files" in again.stderr
    assert target.read_text(encoding="utf-8") == fixed


def test_a_clean_file_is_not_written(tmp_path: Path) -> None:
    target, _ = _corpus(tmp_path, [])
    written = target.stat().st_mtime_ns
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "0 fixes applied to 0 files" in done.stderr
    assert target.stat().st_mtime_ns == written
    # nothing changed: the report is the check's, made once
    assert done.stdout == run_cli("check", "resolutions", cwd=tmp_path).stdout


def test_fix_is_not_for_a_revision(tmp_path: Path) -> None:
    _corpus(tmp_path, SAFE_SLIPS)
    done = run_cli("check", "--fix", "--since", "HEAD", "resolutions", cwd=tmp_path)
    assert done.returncode == 2 and "not with --since" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("bom", "end"), WINDOWS_SAVES, ids=WINDOWS_SAVE_IDS)
def test_a_file_with_crlf_line_ends_or_a_byte_order_mark_is_fixed_as_it_is_written(
    tmp_path: Path, bom: str, end: str
) -> None:
    """What an editor on Windows saves: the same fixes as for the file with
    LF line ends, the line ends and the byte order mark kept."""
    lf = tmp_path / "lf"
    lf.mkdir()
    target, _ = _corpus(lf, SAFE_SLIPS + UNSAFE_SLIPS)
    run_cli("check", "--fix", "resolutions", cwd=lf)
    fixed_lf = target.read_text(encoding="utf-8")
    target, text = _corpus(tmp_path, SAFE_SLIPS + UNSAFE_SLIPS)
    target.write_bytes((bom + text.replace("\n", end)).encode("utf-8"))
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "itures check --fix: 8 fixes applied to 1 file" in done.stderr, done.stderr
    assert target.read_bytes() == (bom + fixed_lf.replace("\n", end)).encode("utf-8")


def test_a_file_with_lines_ended_by_cr_alone_is_left_as_it_is(tmp_path: Path) -> None:
    target, text = _corpus(tmp_path, SAFE_SLIPS[:1])
    written = text.replace("\n", "\r").encode("utf-8")
    target.write_bytes(written)
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "some of its lines end in CR alone" in done.stderr
    assert target.read_bytes() == written


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fixes_never_break_a_file_nor_add_findings(tmp_path: Path, seed: int) -> None:
    """On generated files with planted defects, every file after --fix is as
    valid as it was and has no finding it did not have before."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import random

    from generate import _spoil, generate

    from itures.fixes import fix_files

    made = generate(tmp_path, 30, seed=seed, defect_rate=0.6)
    # one slip --fix mends, whatever the seed planted: the run is not vacuous
    clean = next(p for p in made.files if p not in made.defects and not p.endswith("zh.yaml"))
    spoilt = _spoil(Path(clean).read_text(encoding="utf-8"), "doubled-word", random.Random(seed))
    Path(clean).write_text(spoilt, encoding="utf-8")
    before = check_paths([made.root]).diagnostics
    by_file = {p: Counter(d.rule for d in before if d.path == p) for p in made.files}
    done = fix_files(sorted({d.path for d in before}))
    assert all(f.problem is None for f in done)
    after = check_paths([made.root]).diagnostics
    for path in made.files:
        now = Counter(d.rule for d in after if d.path == path)
        assert not (now - by_file[path]), (path, now - by_file[path])
    assert sum(f.fixes for f in done) >= 1


def test_fix_without_the_cache_writes_none(tmp_path: Path) -> None:
    target, _ = _corpus(tmp_path, SAFE_SLIPS)
    env = {"ITURES_CACHE_DIR": str(tmp_path / "cache")}
    done = run_cli("check", "--fix", "--no-cache", "resolutions", cwd=tmp_path, env=env)
    assert "8 fixes applied to 1 file" in done.stderr, done.stderr
    assert target.read_text(encoding="utf-8") == SEED_YAML.read_text(encoding="utf-8")
    assert not (tmp_path / "cache").exists()
    run_cli("check", "--fix", "resolutions", cwd=tmp_path, env=env)
    assert (tmp_path / "cache").exists()  # (where a check with its cache keeps it)


def _citing_copy(tmp_path: Path, text: str) -> tuple[Path, str]:
    """wtdc/60/fr.yaml: a copy of ``text`` numbered 60, which cites a clause 59
    does not have (what a check of 59 reports in it), with the same slips."""
    other = tmp_path / "resolutions" / "wtdc" / "60" / "fr.yaml"
    other.parent.mkdir(parents=True)
    other_text = text.replace("number: '59'", "number: '60'", 1).replace(
        "aux travaux de de l'UIT;",
        "aux travaux de de l'UIT et [le décide 9 de la Résolution 59](wtdc:59@2017#resolves/9);",
        1,
    )
    other.write_text(other_text, encoding="utf-8")
    return other, other_text


def test_with_a_corpus_only_the_files_given_are_fixed(tmp_path: Path) -> None:
    """A commit hook's check (``--corpus DIR FILE``) reports what the file breaks
    in the files that cite it; ``--fix`` changes the file given, not those."""
    target, text = _corpus(tmp_path, SAFE_SLIPS)
    other, other_text = _citing_copy(tmp_path, text)
    given = ["--corpus", "resolutions", "resolutions/wtdc/59/fr.yaml"]
    reported = run_cli("check", "--format", "concise", *given, cwd=tmp_path)
    assert "wtdc/60/fr.yaml" in reported.stdout  # (what 59 breaks in 60: said)
    done = run_cli("check", "--fix", *given, cwd=tmp_path)
    assert "8 fixes applied to 1 file" in done.stderr, done.stderr
    assert target.read_text(encoding="utf-8") == SEED_YAML.read_text(encoding="utf-8")
    assert other.read_text(encoding="utf-8") == other_text


def test_a_file_given_alone_is_the_only_one_fixed(tmp_path: Path) -> None:
    target, text = _corpus(tmp_path, SAFE_SLIPS)
    written = target.read_text(encoding="utf-8")
    other, other_text = _citing_copy(tmp_path, text)
    done = run_cli("check", "--fix", "resolutions/wtdc/59/fr.yaml", cwd=tmp_path)
    assert "8 fixes applied to 1 file" in done.stderr, done.stderr
    assert target.read_text(encoding="utf-8") != written
    assert other.read_text(encoding="utf-8") == other_text
    # the directory given: both
    both = run_cli("check", "--fix", "resolutions/wtdc", cwd=tmp_path)
    assert "fixes applied to 1 file" in both.stderr, both.stderr
    assert other.read_text(encoding="utf-8") != other_text


def _brute(spans: list[tuple[int, int, str]], taken: list[tuple[int, int, str]]) -> bool:
    from itures.fixes import _overlap

    pairs = [(a, b) for i, a in enumerate(spans) for b in spans[i + 1 :]]
    return any(_overlap(a, b) for a, b in pairs) or any(
        _overlap(a, b) for a in spans for b in taken
    )


def _edits() -> Any:
    from hypothesis import strategies as st

    return st.lists(
        st.tuples(st.integers(0, 30), st.integers(0, 4), st.sampled_from(["", "x", "yz"])).map(
            lambda t: (t[0], t[0] + t[1], t[2])
        ),
        max_size=6,
    )


@given(_edits(), _edits())
def test_an_action_is_refused_where_an_edit_already_taken_or_its_own_is(
    kept: list[tuple[int, int, str]], spans: list[tuple[int, int, str]]
) -> None:
    """The edits taken in a round are kept sorted, and an action's compared
    with those beside where each would go, not with all (thousands of fixes
    in one file were quadratic): the same answer as comparing all."""
    import bisect

    from itures.fixes import _applied, _overlaps

    taken: list[tuple[int, int, str]] = []
    for edit in kept:  # (as the rounds take them: none overlapping)
        if not _overlaps([edit], taken):
            bisect.insort(taken, edit)
    assert _overlaps(spans, taken) == _brute(spans, taken)
    text = "".join(chr(ord("a") + k % 26) for k in range(40))
    done = text
    for start, end, new in sorted(taken, reverse=True):  # (one edit at a time)
        done = done[:start] + new + done[end:]
    assert _applied(text, taken) == done


def test_many_fixes_on_one_long_line_take_linear_time(tmp_path: Path) -> None:
    """A footnote of thousands of escapes read as written ('\\\\' in a
    folded text, each a text-escape finding with its fix) on one line: each
    fix's place was converted from the line's start and compared with every
    fix taken before it, and the text copied once per fix (20 s for a
    footnote of 12,000 characters). The time at n and 4 n (best of three):
    about 4 now, more than 14 before."""

    def best(n: int) -> float:
        escapes = "".join(f"mot{i}\\\\ " for i in range(n))
        seconds, text, fixes = fixed_seed(tmp_path, "l'économie est en transition.", escapes)
        assert "\\\\" not in text and fixes >= n
        return seconds

    best(20)
    assert best(1200) / best(300) < 10


def test_the_many_edits_of_one_fix_are_checked_against_each_other_in_linear_time(
    tmp_path: Path,
) -> None:
    """One quick fix writes every accent of a text pasted as a character of
    its own as one letter: thousands of edits, each compared with every
    other before they were taken (12 times the time for 4 times the text)."""

    def best(n: int) -> float:
        pasted = " ".join(f"mot{i}e\u0301t" for i in range(n))
        seconds, text, fixes = fixed_seed(tmp_path, "l'économie est en transition.", pasted)
        assert "\u0301" not in text and fixes >= 1
        return seconds

    best(20)
    assert best(2400) / best(600) < 10


@pytest.mark.parametrize(
    ("language", "clause", "clean", "slip"),
    [
        # a clause inside the list ends with the full-width '；' (a tracked change left '，')
        ("zh", 0, "加强各部门之间的协调；", "加强各部门之间的协调，；"),
        # the Arabic comma and semicolon
        ("ar", 1, "تعزيز التنسيق بين القطاعات؛", "تعزيز التنسيق بين القطاعات،؛"),
        # the last clause ends with '。', a '：' left before it
        ("zh", 2, "每年报告进展情况。", "每年报告进展情况：。"),
    ],
    ids=["zh-comma", "ar", "zh-colon"],
)
def test_a_doubled_mark_beyond_ascii_is_fixed_as_an_ascii_one(
    tmp_path: Path, language: str, clause: int, clean: str, slip: str
) -> None:
    """The keep-one-mark fix was offered for ',;.:' only: a doubled '，；' in
    Chinese or '،؛' in Arabic was reported with the same help and left."""
    from itures.fixes import fix_files
    from tests.conftest import resolution, write

    data = resolution(language=language)
    data["operative"][0]["clauses"][clause]["text"] = slip
    target = write(tmp_path / "resolutions" / "pp" / "191" / f"{language}.yaml", data)
    before = [d for d in check_paths([target]).diagnostics if "doubled" in d.message]
    assert len(before) == 1, before
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.problem is None and fixed.fixes >= 1
    written = target.read_text(encoding="utf-8")
    assert clean in written and slip not in written
    assert not [d for d in check_paths([target]).diagnostics if "doubled" in d.message]


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize(
    ("language", "slip", "clean"),
    [
        # a middle clause ends with ';': neither ':' nor '.' is its mark
        ("en", "to strengthen coordination among the three Sectors:.", "Sectors;"),
        ("zh", "加强各部门之间的协调：。", "协调；"),
    ],
    ids=["en", "zh"],
)
def test_a_doubled_mark_none_of_whose_marks_is_wanted_gets_the_wanted_one(
    tmp_path: Path, lang: str, language: str, slip: str, clean: str
) -> None:
    """':.' ending a middle clause: the help said "keep one mark: ';'", a mark
    that is not there, and the safe fix kept ':' (the first). The help now
    says to write ';' in their place, in each language of the messages, and
    that is the fix applied."""
    import json

    from tests.conftest import resolution, write

    data = resolution(language=language)
    data["operative"][0]["clauses"][0]["text"] = slip
    target = write(tmp_path / "resolutions" / "pp" / "191" / f"{language}.yaml", data)
    found = run_cli("check", "--lang", lang, "--format", "json", str(target), cwd=tmp_path)
    [finding] = [d for d in json.loads(found.stdout)["diagnostics"] if d["rule"] == "punctuation"]
    instead = {"en": "in place of", "fr": "à la place de", "es": "en lugar de"}[lang]
    assert f"{instead} {slip[-2:]!r}" in finding["help"], finding["help"]
    fixed = run_cli("check", "--fix", "--lang", lang, str(target), cwd=tmp_path)
    assert fixed.stderr.startswith("itures check --fix: 1 "), fixed.stderr  # one fix, one file
    written = target.read_text(encoding="utf-8")
    assert clean in written and slip not in written


def test_a_doubled_mark_inside_a_text_is_a_choice_not_a_safe_fix(tmp_path: Path) -> None:
    """',;' inside a sentence: no place calls for one of them, so keeping the
    first is offered to the editor and never applied by --fix."""
    from itures.fixes import fix_files
    from tests.conftest import resolution, write

    data = resolution()
    slip = "to avoid duplication,; of work between the Sectors;"
    data["operative"][0]["clauses"][1]["text"] = slip
    target = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    assert [d.rule for d in check_paths([target]).diagnostics] == ["punctuation"]
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.fixes == 0
    assert slip in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("](wtdc:5(2014)) sur le", "](wtdc:5@2014) sur le"),  # the year in parentheses
        ("](wtdc:5 (Rev. Dubaï, 2014)) sur le", "](wtdc:5@2014) sur le"),  # the formula's
        ("](javascript:alert(1)) sur le", None),  # no target: left to the editor
    ],
    ids=["year", "formula", "not-a-target"],
)
def test_a_parenthesis_inside_a_citation_target_is_fixed_only_as_its_finding_says(
    tmp_path: Path, typed: str, fixed: str | None
) -> None:
    """'](wtdc:5(2014))' was read as a ')' lost after 'wtdc:5', and --fix
    wrote one there: '](wtdc:5)(2014))', the year out of the citation and a
    stray ')' in the text. The year is now written after '@'; a target that
    is none is left as it is."""
    target, text = _corpus(tmp_path, [("](wtdc:5@2014) sur le", typed)])
    [finding] = [d for d in check_paths([target]).diagnostics]
    assert finding.rule == "markup" and "holds a parenthesis" in finding.message
    run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    after = target.read_text(encoding="utf-8")
    if fixed is None:
        assert after == text
    else:
        assert after == SEED_YAML.read_text(encoding="utf-8").replace(
            "](wtdc:5@2014) sur le", fixed, 1
        )
        assert not check_paths([target]).diagnostics


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        # a footnote marker typed inside the words: after the citation
        (
            "[la Résolution\u00a05 (Rév.Dubaï, 2014) de la présente Conférence[^1]](wtdc:5@2014) sur le",
            "[la Résolution\u00a05 (Rév.Dubaï, 2014) de la présente Conférence](wtdc:5@2014)[^1] sur le",
        ),
        # a footnote marker in the middle of the words: after the citation
        (
            "[la Résolution\u00a05 (Rév.Dubaï, 2014)[^1] de la présente Conférence](wtdc:5@2014) sur le",
            "[la Résolution\u00a05 (Rév.Dubaï, 2014) de la présente Conférence](wtdc:5@2014)[^1] sur le",
        ),
        # the revision in brackets inside the words: in parentheses
        (
            "[la Résolution\u00a05 [Rév.Dubaï, 2014] de la présente Conférence](wtdc:5@2014) sur le",
            "[la Résolution\u00a05 (Rév.Dubaï, 2014) de la présente Conférence](wtdc:5@2014) sur le",
        ),
    ],
    ids=["marker", "marker-inside", "brackets"],
)
def test_a_citation_whose_words_hold_brackets_is_written_as_its_finding_says(
    tmp_path: Path, typed: str, fixed: str
) -> None:
    """The words of a citation cut by the brackets inside them: one markup
    finding (not also the words as a citation in plain words), and the fix
    writes the citation its help gives."""
    clean = "[la Résolution\u00a05 (Rév.Dubaï, 2014) de la présente Conférence](wtdc:5@2014) sur le"
    target, _ = _corpus(tmp_path, [(clean, typed)])
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found if d.rule != "footnote-unused"] == ["markup"], found
    run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    after = target.read_text(encoding="utf-8")
    assert fixed in after and typed not in after
    assert not [d for d in check_paths([target]).diagnostics if d.rule == "markup"]


@pytest.mark.parametrize(
    "lost", ["développement1] et", "développement^1] et", "développement[1] et"]
)
def test_a_footnote_marker_that_lost_its_brackets_is_one_finding_and_written_again(
    tmp_path: Path, lost: str
) -> None:
    """'développement1]': the marker lost '[^'. It was a ']' that closes
    nothing and a footnote marked nowhere, with no fix; it is the marker
    read as text, written again by the fix."""
    target, _ = _corpus(tmp_path, [("développement[^1] et", lost)])
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["footnote-unused"], found
    assert "which is read as text" in found[0].message
    run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert target.read_text(encoding="utf-8") == SEED_YAML.read_text(encoding="utf-8")


def test_a_citation_rewritten_by_its_fix_keeps_an_apostrophe(tmp_path: Path) -> None:
    """The words of the citation hold an apostrophe: the fix applies where
    the file writes them as they read (a folded text)."""
    clean = "[la Résolution\u00a05 (Rév.Dubaï, 2014) de la présente Conférence](wtdc:5@2014)"
    typed = "[la Résolution\u00a05 (Rév.Dubaï, 2014)[^1] de l'UIT](wtdc:5@2014)"
    fixed = "[la Résolution\u00a05 (Rév.Dubaï, 2014) de l'UIT](wtdc:5@2014)[^1]"
    target, _ = _corpus(tmp_path, [(clean, typed)])
    run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert fixed in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("language", "clean", "slip"),
    [
        # Chinese writes full-width parentheses: the narrow one of the pair is rewritten
        ("zh", "加强协调（2014年，釜山）；", "加强协调(2014年，釜山）；"),
        ("zh", "加强协调（2014年，釜山）；", "加强协调（2014年，釜山)；"),
        # other languages write narrow ones: the wide one is rewritten
        (
            "en",
            "to strengthen coordination (Busan, 2014);",
            "to strengthen coordination (Busan, 2014）;",
        ),
        (
            "ru",
            "укреплять координацию (Пусан, 2014 г.);",
            "укреплять координацию （Пусан, 2014 г.);",
        ),
        # a number in other digits than 0 to 9
        ("ar", "تعزيز التنسيق (2014)؛", "تعزيز التنسيق (٢٠١٤)؛"),
        ("zh", "加强协调（2014年，釜山）；", "加强协调（２０１４年，釜山）；"),
    ],
    ids=["zh-open", "zh-close", "en", "ru", "ar-digits", "zh-digits"],
)
def test_a_parenthesis_of_the_other_width_than_its_partner_is_one_finding_and_fixed(
    tmp_path: Path, language: str, clean: str, slip: str
) -> None:
    """A pair opened in one width and closed in the other was two findings'
    worth of wrong advice: the '(' "not closed", to delete, and nothing on
    the '）' that closed it."""
    from itures.fixes import fix_files
    from tests.conftest import resolution, write

    data = resolution(language=language)
    data["operative"][0]["clauses"][0]["text"] = slip
    target = write(tmp_path / "resolutions" / "pp" / "191" / f"{language}.yaml", data)
    before = [d for d in check_paths([target]).diagnostics if d.rule == "punctuation"]
    assert len(before) == 1, before
    assert "other width" in before[0].message or "other digits" in before[0].message
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.problem is None and fixed.fixes == 1
    written = target.read_text(encoding="utf-8")
    assert clean in written and slip not in written
    assert not [d for d in check_paths([target]).diagnostics if d.rule == "punctuation"]


@pytest.mark.parametrize(
    ("language", "clean", "slip"),
    [
        # the comma between a conference's place and its year
        (
            "en",
            "to meet again (Busan, 2014);",
            "to meet again (Busan 2014);",
        ),
        (
            "es",
            "reunirse de nuevo (Busan, 2014);",
            "reunirse de nuevo (Busan 2014);",
        ),
        # Russian's "г." after the year, or its dot
        ("ru", "применять Резолюцию 70 (Пусан, 2014 г.);", "применять Резолюцию 70 (Пусан, 2014);"),
        (
            "ru",
            "применять Резолюцию 70 (Пусан, 2014 г.);",
            "применять Резолюцию 70 (Пусан, 2014 г);",
        ),
        # a noun glued to its number; a noun written as another language writes it
        (
            "fr",
            "d'appliquer la Recommandation 5 du Groupe;",
            "d'appliquer la Recommandation5 du Groupe;",
        ),
        ("fr", "d'appliquer la Résolution du Conseil;", "d'appliquer la Resolution du Conseil;"),
        (
            "fr",
            "d'appliquer la Recommandation UIT-T E.164;",
            "d'appliquer la Recommendation UIT-T E.164;",
        ),
        ("es", "aplicar la Resolución del Consejo;", "aplicar la Resolucion del Consejo;"),
        # a Chinese title closed by the mark of the other kind
        ("zh", "落实《国际电联组织法》第53款；", "落实《国际电联组织法〉第53款；"),
    ],
    ids=[
        "en-comma",
        "es-comma",
        "ru-year",
        "ru-dot",
        "fr-glued",
        "fr-accent",
        "fr-english",
        "es-accent",
        "zh-title",
    ],
)
def test_a_convention_of_the_language_is_one_finding_and_fixed_as_it_says(
    tmp_path: Path, language: str, clean: str, slip: str
) -> None:
    """Each slip gave no finding; each is now one, whose fix gives back the
    text as it was."""
    from itures.fixes import fix_files
    from tests.conftest import resolution, write

    data = resolution(language=language)
    data["operative"][0]["clauses"][0]["text"] = slip
    target = write(tmp_path / "resolutions" / "pp" / "191" / f"{language}.yaml", data)
    before = [d for d in check_paths([target]).diagnostics if d.rule == "punctuation"]
    assert len(before) == 1, before
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.problem is None and fixed.fixes == 1
    written = target.read_text(encoding="utf-8")
    assert clean in written and slip not in written
    assert not [d for d in check_paths([target]).diagnostics if d.rule == "punctuation"]


def test_a_comma_is_not_written_into_a_plain_text_of_a_flow_mapping(tmp_path: Path) -> None:
    """In ``{label: '1', text: ...}`` a comma ends a plain text: the fix that
    writes the comma between a place and its year is not offered there (the
    finding is), and the file is left as it is."""
    from itures.fixes import fix_files
    from tests.conftest import resolution, write

    data = resolution(language="en")
    data["operative"][0]["clauses"][0]["text"] = "PLACEHOLDER"
    target = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    text = target.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "PLACEHOLDER" in x)
    indent = line[: len(line) - len(line.lstrip())]
    label = "label: '1'" if "label: '1'" in text else None
    assert label is not None
    flow = text.replace(line, f"{indent}text: to apply Resolution 70 (Rev. Busan 2014);")
    # the clause as a flow mapping, its text plain
    start = flow.rindex("- label: '1'", 0, flow.index("Rev. Busan 2014"))
    end = flow.index("\n", flow.index("Rev. Busan 2014"))
    flow = (
        flow[:start]
        + "- {label: '1', text: to apply Resolution 70 (Rev. Busan 2014);}"
        + flow[end:]
    )
    target.write_text(flow, encoding="utf-8")
    before = [d for d in check_paths([target]).diagnostics if d.rule == "punctuation"]
    assert [d.message for d in before] == [
        "the place and the year of a conference are written without the comma between them: "
        "'Rev. Busan 2014'"
    ]
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.fixes == 0
    assert target.read_text(encoding="utf-8") == flow


def test_a_noun_glued_to_its_number_gets_the_no_break_space_the_file_writes(
    tmp_path: Path,
) -> None:
    """A French file that writes "Résolution\u00a05" lost the no-break space
    once: the help and the fix write a no-break space, not a plain blank."""
    from itures.fixes import fix_files
    from tests.conftest import resolution, write

    data = resolution(language="fr")
    clauses = data["operative"][0]["clauses"]
    clauses[0]["text"] = "d'appliquer la Recommandation\u00a07 du Groupe;"
    clauses.append({"label": "9", "text": "d'appliquer la Recommandation5 du Groupe."})
    target = write(tmp_path / "resolutions" / "pp" / "191" / "fr.yaml", data)
    found = [d for d in check_paths([target]).diagnostics if d.rule == "punctuation"]
    glued = [d for d in found if "no blank between" in d.message]
    assert len(glued) == 1 and "\u00a05" in (glued[0].help or ""), found
    fix_files([str(target)], cache=False)
    written = target.read_text(encoding="utf-8")
    assert "Recommandation\u00a05 du Groupe" in written and "Recommandation5" not in written


@pytest.mark.parametrize(
    ("language", "clean", "slip"),
    [
        # an invisible character or a tatweel inside a word: deleted
        ("ar", "مواصلة تعزيز العلاقات؛", "مواصلة تعـزيز العلاقات؛"),
        ("ar", "مواصلة تعزيز العلاقات؛", "مواصلة تعز\u200fيز العلاقات؛"),
        ("en", "to strengthen cooperation;", "to strengthen coop\u200beration;"),
        # a letter of another script or keyboard inside a word: the word's own
        ("ar", "مواصلة تعزيز العلاقات بين الاتحاد؛", "مواصلة تعزيز العلاقات بین الاتحاد؛"),
        ("ru", "представлять Совету доклад;", "представлять Cовету доклад;"),
    ],
    ids=["tatweel", "rlm", "zwsp", "farsi-yeh", "latin-c"],
)
def test_a_glyph_or_a_letter_inside_a_word_is_fixed_as_its_finding_says(
    tmp_path: Path, language: str, clean: str, slip: str
) -> None:
    """The help said what to do ("delete the tatweel", "retype the word in
    Cyrillic letters: 'Совету'"); --fix now does it, in a text written as
    it is (no escape)."""
    from itures.fixes import fix_files
    from tests.conftest import resolution, write

    data = resolution(language=language)
    data.pop("preamble", None)
    data["operative"][0]["clauses"] = [{"label": "1", "text": "PLACEHOLDER"}]
    target = write(tmp_path / "resolutions" / "pp" / "191" / f"{language}.yaml", data)
    text = target.read_text(encoding="utf-8").replace("PLACEHOLDER", slip)
    target.write_text(text, encoding="utf-8")
    before = {d.rule for d in check_paths([target]).diagnostics}
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.problem is None and fixed.fixes >= 1, before
    written = target.read_text(encoding="utf-8")
    assert clean in written and slip not in written
    after = {d.rule for d in check_paths([target]).diagnostics}
    assert not after & {"conversion-artefact", "lookalike"}, after


@pytest.mark.parametrize(("language", "written"), [("ar", "٢"), ("zh", "２")])
def test_a_label_in_other_digits_is_written_in_0_to_9_by_fix(
    tmp_path: Path, language: str, written: str
) -> None:
    """'٢' or '２' for the clause label '2': the same number, so rewriting it
    is no choice (a renumbering that changes the number stays the editor's)."""
    from itures.fixes import fix_files
    from tests.conftest import resolution, write

    data = resolution(language=language)
    data.pop("preamble", None)
    heading = {"ar": "يقرر", "zh": "做出决议"}[language]
    data["operative"] = [
        {
            "verb": "resolves",
            "heading": heading,
            "clauses": [
                {"label": "1", "text": "一。" if language == "zh" else "أولاً؛"},
                {"label": written, "text": "二。" if language == "zh" else "ثانياً؛"},
                {"label": "3", "text": "三。" if language == "zh" else "ثالثاً."},
            ],
        }
    ]
    target = write(tmp_path / "resolutions" / "pp" / "191" / f"{language}.yaml", data)
    before = [d for d in check_paths([target]).diagnostics if d.rule.startswith("numbering")]
    assert len(before) == 1, before
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.fixes >= 1
    after = check_paths([target]).diagnostics
    assert not [d for d in after if d.rule.startswith("numbering") or d.rule == "schema"]
    assert written not in target.read_text(encoding="utf-8")


def test_a_history_year_in_other_digits_is_written_in_0_to_9_by_fix(tmp_path: Path) -> None:
    """'year: ٢٠١٨' (a string for YAML, a schema error): written 2018, a
    number, as the help says."""
    from itures.fixes import fix_files
    from tests.conftest import resolution, write

    data = resolution(language="ar")
    target = write(tmp_path / "resolutions" / "pp" / "191" / "ar.yaml", data)
    text = target.read_text(encoding="utf-8")
    year = str(data["history"][-1]["year"])
    slipped = text.replace(
        f"year: {year}", "year: " + year.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")), 1
    )
    assert slipped != text
    target.write_text(slipped, encoding="utf-8")
    assert [d.rule for d in check_paths([target]).diagnostics if d.rule == "schema"] == ["schema"]
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.problem is None and fixed.fixes >= 1
    assert f"year: {year}" in target.read_text(encoding="utf-8")
    assert not [d for d in check_paths([target]).diagnostics if d.rule == "schema"]


def test_the_no_break_space_of_another_noun_of_the_file_tells_too(tmp_path: Path) -> None:
    """The file writes "Résolutions\u00a017"; "Décision5" is told the no-break
    space too: the file's way between such a noun and its number."""
    from tests.conftest import resolution, write

    data = resolution(language="fr")
    clauses = data["operative"][0]["clauses"]
    clauses[0]["text"] = "d'appliquer les Résolutions\u00a017 et 26;"
    clauses.append({"label": "9", "text": "d'appliquer la Décision5 du Conseil."})
    target = write(tmp_path / "resolutions" / "pp" / "191" / "fr.yaml", data)
    glued = [d for d in check_paths([target]).diagnostics if "no blank between" in d.message]
    assert len(glued) == 1 and glued[0].help is not None
    assert glued[0].help.startswith("write 'Décision\u00a05'")


@pytest.mark.parametrize(
    ("language", "digits"),
    [
        ("ar", str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
        ("zh", str.maketrans("0123456789", "０１２３４５６７８９")),
    ],
)
def test_a_citation_target_in_other_digits_is_one_finding_and_written_in_0_to_9_by_fix(
    tmp_path: Path, language: str, digits: dict[int, int]
) -> None:
    """'](pp:١٥٠@٢٠١٤)': the markup's error, with the target to write (the
    digits inside it are no second finding), and the same number, so --fix
    writes it; digits of the text outside the target stay their own finding."""
    from itures.fixes import fix_files
    from tests.conftest import resolution, write

    data = resolution(language=language)
    data.pop("preamble", None)
    heading = {"ar": "يقرر", "zh": "做出决议"}[language]
    text = {
        "ar": "تطبيق [القرار 150](pp:150@2014) و١٢.",
        "zh": "适用[第150号决议](pp:150@2014)和１２。",
    }[language]
    data["operative"] = [
        {"verb": "resolves", "heading": heading, "clauses": [{"label": "1", "text": text}]}
    ]
    target = write(tmp_path / "resolutions" / "pp" / "191" / f"{language}.yaml", data)
    right = target.read_text(encoding="utf-8")
    slipped = right.replace("pp:150@2014", "pp:150@2014".translate(digits))
    target.write_text(slipped, encoding="utf-8")
    found = [d for d in check_paths([target]).diagnostics if d.rule in ("markup", "punctuation")]
    assert [(d.rule, d.severity) for d in found] == [
        ("markup", "error"),
        ("punctuation", "warning"),
    ], found
    assert "'pp:150@2014'" in (found[0].help or "")
    assert "12" in (found[1].help or "")  # (the number of the text, not the target's)
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.problem is None and fixed.fixes >= 1
    assert "](pp:150@2014)" in target.read_text(encoding="utf-8")
    assert not [d for d in check_paths([target]).diagnostics if d.rule == "markup"]


def test_accents_written_as_characters_of_their_own_are_composed_by_fix(tmp_path: Path) -> None:
    """A paragraph pasted from a Mac or a PDF ('e' and U+0301 for 'é'): one
    finding for the text, and --fix writes each such letter of it as one
    character, the words otherwise as they were."""
    from itures.fixes import fix_files

    target, right = _corpus(tmp_path, [])
    before = check_paths([target]).diagnostics
    line = next(ln for ln in right.splitlines() if "text:" in ln and "é" in ln)
    words = [w for w in line.split() if any(c in "éèà" for c in w)]
    assert words, words
    slipped = right
    slipped = slipped.replace(line, unicodedata.normalize("NFD", line), 1)
    assert slipped != right
    target.write_text(slipped, encoding="utf-8")
    after = check_paths([target]).diagnostics
    found = [d for d in after if d.rule == "lookalike"]
    assert len(found) == 1 and "as two characters" in found[0].message, found
    assert len(after) == len(before) + 1
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.problem is None and fixed.fixes >= 1
    assert target.read_text(encoding="utf-8") == right


@pytest.mark.parametrize(
    ("right", "typed", "kind"),
    [
        # the numbers of several resolutions separated by ';', by 'et'
        ("](wtsa:17,26,44,45@2012)", "](wtsa:17;26;44;45@2012)", "separates its numbers"),
        ("](wtsa:17,26,44,45@2012)", "](wtsa:17,26 et 44,45@2012)", "separates its numbers"),
        # the year in two digits: this century's, or the last one's when it is to come
        ("](wtsa:57@2012)", "](wtsa:57@12)", "in two digits"),
    ],
)
def test_a_citation_target_one_slip_from_the_grammar_is_told_the_target_and_fixed(
    tmp_path: Path, right: str, typed: str, kind: str
) -> None:
    """Not the grammar's generic recipe: the target to write, which the
    editor's quick fix and --fix write."""
    target, _ = _corpus(tmp_path, [(right, typed)])
    found = [d for d in check_paths([target]).diagnostics if d.rule == "markup"]
    assert len(found) == 1 and kind in found[0].message, found
    assert f"write the target '{right[2:-1]}'" in (found[0].help or "")
    run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert target.read_text(encoding="utf-8") == SEED_YAML.read_text(encoding="utf-8")


def test_a_two_digit_year_to_come_is_read_in_the_last_century() -> None:
    from itures.model import markup as mk

    assert "'pp:150@1998'" in mk._parse_target("pp:150@98").help  # type: ignore[union-attr]
    assert "'pp:150@2014'" in mk._parse_target("pp:150@14").help  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize(
    ("right", "typed", "fixed"),
    [
        # one slip of typing: the heading settles it
        ("  - verb: recalling\n", "  - verb: recallng\n", "  - verb: recalling\n"),
        # quoted: written in its quotes
        (
            "  - verb: taking_into_account\n",
            "  - verb: 'taking_into_acount'\n",
            "  - verb: 'taking_into_account'\n",
        ),
        # another word: offered, not applied (it may be a verb to add)
        ("  - verb: recalling\n", "  - verb: remembering\n", None),
    ],
    ids=["slip", "quoted", "other-word"],
)
def test_a_section_verb_is_told_the_verb_its_heading_reads_as_and_fixed_when_one_slip_away(
    tmp_path: Path, lang: str, right: str, typed: str, fixed: str | None
) -> None:
    """verb-unknown where the heading reads as one verb: the help says to
    write it; --fix writes it only when the key is one slip of typing from it
    (another word may be a verb to add to the vocabulary), in any language of
    the messages."""
    target, _ = _corpus(tmp_path, [(right, typed)])
    config = tmp_path / "pyproject.toml"
    config.write_text(config.read_text() + f'lang = "{lang}"\n')
    [found] = check_paths([target]).diagnostics
    assert found.rule == "verb-unknown"
    key = right.split()[-1]
    written = {"en": "write", "fr": "écrivez", "es": "escriba"}[lang]
    assert (found.help or "").startswith(f"{written} '{key}', "), found.help
    run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    expected = SEED_YAML.read_text(encoding="utf-8").replace(right, fixed or typed, 1)
    assert target.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(
    ("slip", "right"),
    [
        ("to avoid\tduplication of work between the Sectors;", None),  # a tab
        ("to avoid\x0bduplication of work between the Sectors;", None),  # a manual line break
        (
            'to avoid duplication HYPERLINK "http://www.itu.int/x" of work between the Sectors;',
            "to avoid duplication of work between the Sectors;",
        ),
    ],
    ids=["tab", "line-break", "field-code"],
)
def test_a_separator_or_a_field_code_word_left_is_one_finding_and_fixed(
    tmp_path: Path, slip: str, right: str | None
) -> None:
    """A tab or a control between two words is the blank it stood for; a
    field's code left before what it showed is deleted with its blank."""
    from itures.fixes import fix_files
    from tests.conftest import resolution, write

    data = resolution()
    data["operative"][0]["clauses"][1]["text"] = slip
    target = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["conversion-artefact"], found
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.fixes == 1
    assert check_paths([target]).diagnostics == []
    import yaml

    text = yaml.safe_load(target.read_text(encoding="utf-8"))["operative"][0]["clauses"][1]["text"]
    assert text == (right or "to avoid duplication of work between the Sectors;")


def test_words_read_wrong_sector_names_and_titles_are_written_by_fix_lost_letters_are_not(
    tmp_path: Path,
) -> None:
    """UTF-8 read as Latin-1 reads one way, a Sector's name, a group's
    abbreviation and the Secretary-General's title have one form in each
    language: --fix writes
    them. Letters lost as '?' are guessed from
    the file's other words: offered by the language server, not applied."""
    from itures.fixes import fix_files

    target, _ = _corpus(
        tmp_path,
        [
            ("opérationnelles communes", "opÃ©rationnelles communes"),
            ("commissions d'études de l'UIT-D à", "commissions d'études de l'ITU-D à"),
            ("chaque année au GCDT de la mise", "chaque année au TDAG de la mise"),
            ("de prier le Secrétaire général", "de prier le Secr?taire général"),
            (
                "en collaboration avec le Secrétaire général,",
                "en collaboration avec le Secrétaire Général,",
            ),
        ],
    )
    [fixed] = fix_files([str(target)], cache=False)
    assert fixed.problem is None and fixed.fixes == 4
    written = target.read_text(encoding="utf-8")
    assert "opérationnelles communes" in written and "l'UIT-D à" in written
    assert "chaque année au GCDT de la mise" in written  # (an abbreviation of another language)
    assert "Secrétaire Général" not in written
    assert "Secr?taire" in written
    left = [d.rule for d in check_paths([target]).diagnostics]
    assert left.count("conversion-artefact") == 1 and "text-language" not in left


def test_a_footnote_that_starts_small_is_given_its_capital(tmp_path: Path) -> None:
    """As README says: the first word of a footnote written with its capital."""
    target, _ = _corpus(
        tmp_path, [("      Par pays en développement", "      par pays en développement")]
    )
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["text-capital"], found
    run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert target.read_text(encoding="utf-8") == SEED_YAML.read_text(encoding="utf-8")


def test_the_union_written_small_in_english_is_given_its_capital(tmp_path: Path) -> None:
    """As README says: 'the union' becomes 'the Union', as 'member states'
    becomes 'Member States'."""
    (tmp_path / ".git").mkdir()
    target = tmp_path / "resolutions" / "pp" / "1" / "en.yaml"
    target.parent.mkdir(parents=True)
    right = (
        "body: pp\nnumber: '1'\nlanguage: en\ntitle: Test\n"
        "history: [{event: adopted, place: Dubai, year: 2018}]\n"
        "operative:\n  - verb: resolves\n    heading: resolves\n    clauses:\n"
        "      - label: '1'\n        text: to help the Member States of the Union.\n"
    )
    target.write_text(right.replace("Member States of the Union", "member states of the union"))
    run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert target.read_text(encoding="utf-8") == right
