"""A citation whose words name a part of this resolution and whose target
names another ("[resolves 2](wtdc:98#resolves/2)" in Resolution 99, the
'99' retyped, Resolution 98 without a clause 2): reference-text says the two disagree, with the target to
write; reference-unresolved also said the other resolution has no clause 2.
One slip: reference-text's finding alone, in every way the check runs (no
cache, the cache, a file with suppression comments)."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import run_cli

DOC = """\
body: wtdc
number: '{number}'
language: en
title: A resolution
history:
  - {{event: adopted, place: Kigali, year: 2022}}
conference: The World Telecommunication Development Conference (Kigali, 2022),
operative:
  - verb: resolves
    heading: resolves
    clauses:
{resolves}
  - verb: instructs
    heading: instructs the Director of the Telecommunication Development Bureau
    clauses:
      {comment}- text: to carry out {citation}.
"""


def _corpus(tmp_path: Path, citation: str, comment: str = "") -> Path:
    root = tmp_path / "resolutions"
    two = "      - label: '1'\n        text: to act;\n      - label: '2'\n        text: to report,"
    one = "      - label: '1'\n        text: to act,"  # (Resolution 98 has no clause 2)
    for number, cites, clauses in (("99", citation, two), ("98", "the work", one)):
        f = root / "wtdc" / number / "en.yaml"
        f.parent.mkdir(parents=True)
        text = DOC.format(number=number, citation=cites, comment=comment, resolves=clauses)
        f.write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    (tmp_path / ".git").mkdir()
    return root


SLIP = "[resolves 2](wtdc:98#resolves/2)"  # (this resolution's words, another's target)


@pytest.mark.parametrize(
    "comment",
    ["", "# itures: ignore[numbering-gap] reason: a suppression comment in the file\n      "],
)
def test_the_words_and_target_disagreeing_is_one_finding(tmp_path: Path, comment: str) -> None:
    root = _corpus(tmp_path, SLIP, comment)
    found = [d for d in check_paths([root]).diagnostics if d.rule != "suppression-unused"]
    assert [d.rule for d in found] == ["reference-text"], found
    env = {"ITURES_CACHE_DIR": str(tmp_path / "cache"), "ITURES_DAEMON": "off"}
    for args in (
        ["resolutions"],
        ["resolutions"],
        ["--corpus", "resolutions", "resolutions/wtdc/99/en.yaml"],
    ):
        done = run_cli("check", "--format", "concise", *args, cwd=tmp_path, env=env)
        rules = [line.split(": ")[1] for line in done.stdout.splitlines() if ".yaml:" in line]
        assert [r for r in rules if r != "suppression-unused"] == ["reference-text"], done.stdout


def test_control_a_missing_part_of_another_resolution_is_unresolved(tmp_path: Path) -> None:
    # (the words name Resolution 98: they agree with the target, which lacks the part)
    root = _corpus(
        tmp_path, "[resolves 2 of Resolution 98 (Kigali, 2022)](wtdc:98@2022#resolves/2)"
    )
    found = check_paths([root]).diagnostics
    assert [d.rule for d in found] == ["reference-unresolved"], found
