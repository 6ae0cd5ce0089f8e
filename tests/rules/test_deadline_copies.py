"""A deadline's words are its clause's, copied: a slip in them (two blanks,
a doubled word) was told twice, once in the clause's text and once in the
deadline's, and ``--fix`` mended each apart. Now it is told once, at the
clause, the deadline's words attached as a related place, and the fix mends
both, so the deadline's words still match the clause's."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from tests.conftest import run_cli
from tests.test_fix import _corpus

DEADLINE = "text: chaque année au GCDT"


def test_a_slip_in_the_deadline_s_words_is_told_once_at_the_clause(tmp_path: Path) -> None:
    target, _ = _corpus(
        tmp_path,
        [
            ("chaque année au GCDT de la", "chaque année au  GCDT de la"),
            (DEADLINE, "text: chaque année au  GCDT"),
        ],
    )
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.pointer) for d in found] == [
        ("punctuation", "/operative/1/clauses/2/text")
    ], found
    assert [r.message for r in found[0].related] == ["the same words in deadline 1"]
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1 fix applied to 1 file" in done.stderr, done.stderr
    fixed = target.read_text(encoding="utf-8")
    assert "au  GCDT" not in fixed and fixed.count("chaque année au GCDT") == 2
    assert check_paths([target]).diagnostics == []


def test_control_a_slip_in_the_deadline_s_words_alone_is_told_there(tmp_path: Path) -> None:
    # (the clause written right: the deadline's words no longer match it, and
    # its own slip is its own finding)
    target, _ = _corpus(tmp_path, [(DEADLINE, "text: chaque  année au GCDT")])
    found = check_paths([target]).diagnostics
    assert ("punctuation", "/operative/1/clauses/2/deadlines/0/text") in [
        (d.rule, d.pointer) for d in found
    ], found
    assert all(not d.related for d in found if d.rule == "punctuation")


def test_control_another_slip_told_in_the_clause_keeps_the_deadline_s(tmp_path: Path) -> None:
    # two blanks twice in the clause, the second copied into the deadline:
    # punctuation tells the first of a text ("le  Directeur"), and the
    # deadline's own ("au  GCDT") is no copy of what is told: told there
    target, _ = _corpus(
        tmp_path,
        [
            ("chaque année au GCDT de la", "chaque année au  GCDT de la"),
            (DEADLINE, "text: chaque année au  GCDT"),
            ("d'inviter le Directeur du BDT à rendre", "d'inviter le  Directeur du BDT à rendre"),
        ],
    )
    found = check_paths([target]).diagnostics
    assert [(d.pointer, d.related) for d in found if d.rule == "punctuation"] == [
        ("/operative/1/clauses/2/text", ()),
        ("/operative/1/clauses/2/deadlines/0/text", ()),
    ], found


def test_a_slip_in_the_clause_alone_leaves_the_deadline_s_words_to_its_finding(
    tmp_path: Path,
) -> None:
    # "l''UIT" typed in the clause only: the deadline's words no longer match
    # it, because of that slip; text-escape tells it, and its fix makes them
    # match again. Before, deadline-mismatch also said "one of the two was
    # retyped" (two findings for one slip)
    target, _ = _corpus(tmp_path, [("au GCDT de la mise en", "au G''CDT de la mise en")])
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.pointer) for d in found] == [
        ("text-escape", "/operative/1/clauses/2/text")
    ], found
    [related] = found[0].related
    assert related.message == "the words of deadline 1, which no longer match the clause's"
    assert target.read_text(encoding="utf-8").split("\n")[related.line - 1].strip() == DEADLINE


def test_a_slip_in_the_deadline_s_words_alone_points_at_the_clause_s(tmp_path: Path) -> None:
    # the same slip in the deadline's words only: told there, the clause's
    # words (those it no longer matches) attached
    target, _ = _corpus(tmp_path, [(DEADLINE, "text: chaque année au GCDT,,")])
    found = check_paths([target]).diagnostics
    assert [(d.rule, d.pointer) for d in found] == [
        ("punctuation", "/operative/1/clauses/2/deadlines/0/text")
    ], found
    assert [r.message for r in found[0].related] == [
        "the clause's words, which the deadline's no longer match"
    ]


def test_control_a_retyped_word_no_rule_reads_keeps_the_deadline_s_finding(
    tmp_path: Path,
) -> None:
    # ("du" for "au" is no slip another rule tells: deadline-mismatch's, alone;
    # "anée" is word-spelling's, which the deadline's words are read past)
    target, _ = _corpus(tmp_path, [("chaque année au GCDT de la", "chaque année du GCDT de la")])
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["deadline-mismatch"], found


def test_control_a_slip_elsewhere_in_the_clause_keeps_the_deadline_s_finding(
    tmp_path: Path,
) -> None:
    # the deadline's words retyped, and another slip in the clause outside
    # them: two slips, two findings
    target, _ = _corpus(
        tmp_path,
        [
            (DEADLINE, "text: chaque année du GCDT"),
            ("d'inviter le Directeur du BDT à rendre", "d'inviter le Directeur du BDT à à rendre"),
        ],
    )
    found = check_paths([target]).diagnostics
    assert sorted(d.rule for d in found) == ["deadline-mismatch", "word-duplicate"], found
    assert all(not d.related or d.rule == "deadline-mismatch" for d in found)


def _short_deadline(tmp_path: Path, words: str, clause: str = "annually") -> list[str]:
    from tests.conftest import resolution, write

    data = resolution()
    last = data["operative"][0]["clauses"][2]
    last["text"] = f"to report on the progress made {clause}."
    last["deadlines"] = [{"every": "year", "text": words}]
    target = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    return [d.rule for d in check_paths([target]).diagnostics]


def test_a_capital_typed_in_words_too_short_to_be_found_near_is_one_finding(
    tmp_path: Path,
) -> None:
    """A deadline of one or two words ("annually") whose copy has a capital
    typed inside ("annuallY"): deadline-mismatch said its words were not in
    the clause, beside punctuation's capital. The words are read past it."""
    assert _short_deadline(tmp_path, "annuallY") == ["punctuation"]
    assert _short_deadline(tmp_path, "annually", clause="annuallY") == ["punctuation"]


def test_control_a_short_deadline_retyped_keeps_its_finding(tmp_path: Path) -> None:
    assert _short_deadline(tmp_path, "yearly") == ["deadline-mismatch"]


def test_a_short_deadline_misspelt_is_word_spelling_s_finding(tmp_path: Path) -> None:
    """ "annualy" for the clause's "annually": the deadline's words are read
    past the slip, which word-spelling tells, with the word to write."""
    assert _short_deadline(tmp_path, "annualy") == ["word-spelling"]
