"""A text that stops on a word before its end mark, a blank left between
("risks and ;", "efficiente et ;"): the words lost are text-cut's finding,
and the blank goes with them. Before, punctuation also said "a blank before
';'" (or, in French, a blank before ';' where the file writes none), whose
fix keeps the slip: "risks and;". The end mark itself stays punctuation's."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from tests.test_fix import _corpus

CLAUSE = "de façon efficiente et efficace;"


def test_the_blank_before_the_mark_goes_with_the_words_lost(tmp_path: Path) -> None:
    target, _ = _corpus(tmp_path, [(CLAUSE, "de façon efficiente et ;")])
    found = check_paths([target]).diagnostics
    assert [d.rule for d in found] == ["text-cut"], found


def test_control_the_end_mark_is_still_judged(tmp_path: Path) -> None:
    # the words lost and the wrong end mark ('.' inside a list): two slips
    target, _ = _corpus(tmp_path, [(CLAUSE, "de façon efficiente et .")])
    found = check_paths([target]).diagnostics
    assert sorted(d.rule for d in found) == ["punctuation", "text-cut"], found
    (mark,) = [d for d in found if d.rule == "punctuation"]
    assert "'.'" in mark.message and "blank" not in mark.message


def test_control_a_blank_elsewhere_in_the_text_is_still_told(tmp_path: Path) -> None:
    target, _ = _corpus(tmp_path, [(CLAUSE, "de façon  efficiente et ;")])
    found = check_paths([target]).diagnostics
    assert sorted(d.rule for d in found) == ["punctuation", "text-cut"], found
    (blank,) = [d for d in found if d.rule == "punctuation"]
    assert "two blanks" in blank.message
