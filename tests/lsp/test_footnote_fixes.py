"""The quick fixes of a footnote's lost marker and of its number left beside
its marker write what the finding's help says: a superscript number as the
marker of that number in ASCII digits ("¹": [^1], not [^¹]), a marker put in
parentheses with them ("(^1)", "(1)" glued to the word), a number glued
before its marker deleted ("développement1[^1]")."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.lsp.session import Session
from tests.lsp.test_actions import _example, _fix, session  # noqa: F401


@pytest.mark.parametrize("written", ["¹", "(^1)", "(1)", "([1])", "(¹)"])
def test_a_lost_marker_is_written_again_as_the_help_says(
    session: Session,  # noqa: F811
    workspace: Path,
    written: str,
) -> None:
    text = _example(workspace).replace("développement[^1]", f"développement{written}", 1)
    fixed, after = _fix(session, text, "footnote-unused", "Write [^1]")
    assert fixed == _example(workspace)
    assert after == []


@pytest.mark.parametrize("number", ["1", "¹"])
def test_a_number_glued_before_its_marker_is_deleted(
    session: Session,  # noqa: F811
    workspace: Path,
    number: str,
) -> None:
    text = _example(workspace).replace("développement[^1]", f"développement{number}[^1]", 1)
    fixed, after = _fix(session, text, "footnote-leftover", f"Delete '{number}'")
    assert fixed == _example(workspace)
    assert after == []
