"""Snapshots of ``itures check``'s text output, for every rule, in English, French and Spanish.

For each name of the catalogue (the stages ``yaml-syntax`` and ``schema``,
every registered rule, the checks of the gate) one failing example is checked
with the default text format, ``--color never`` and ``--lang en|fr|es``, in a
temporary directory that is the working directory (so paths read
``doc.yaml:12:7``), and the output is compared with
``tests/snapshots/<rule>.<lang>.txt``. The example is the first case of
``tests/rules/cases/*.yaml`` whose expectations name the rule, else the case
of ``tests/snapshots/examples.yaml`` (the stages and the gate).

The snapshots are the specification of what an editor reads: the header
``path:line:column: severity[rule]: message``, the source lines with carets
under the span, and the ``help:`` line. ``ITURES_UPDATE_SNAPSHOTS=1`` rewrites
them (see ``tests/snapshots/README.md``); review the diff before committing.
"""

from __future__ import annotations

import datetime
import difflib
import gc
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from itures import i18n, rules
from itures.cli import main
from itures.gate import GATE_RULES
from tests.conftest import commit_all, git
from tests.rules.conftest import load_cases

SNAPSHOTS = Path(__file__).parent / "snapshots"
EXAMPLES = SNAPSHOTS / "examples.yaml"
UPDATE = os.environ.get("ITURES_UPDATE_SNAPSHOTS", "") not in ("", "0")
LANGS = ("en", "fr", "es")


@dataclass(frozen=True)
class Example:
    source: str  # where the case comes from: "numbering.yaml: a clause moved"
    case: dict[str, Any]


def catalogue() -> list[str]:
    """Every name a finding can carry: stages, rules, gate checks."""
    return [*rules.names(), *GATE_RULES]


def _rule_of(expectation: str) -> str:
    """The rule of an expectation line ``[PATH:]LINE:COLUMN SEVERITY RULE[: FRAGMENT]``."""
    return expectation.partition(": ")[0].split()[-1]


def examples() -> dict[str, Example]:
    """The failing example of each rule: the first case whose expectations name it alone,
    else the first that names it (so that a snapshot shows its rule, not its neighbours)."""
    alone: dict[str, Example] = {}
    found: dict[str, Example] = {}
    for name, case in load_cases():
        stem, _, title = name.partition(": ")
        example = Example(f"tests/rules/cases/{stem}.yaml: {title}", case)
        named = {_rule_of(line) for line in case.get("expect") or []}
        for rule in named:
            found.setdefault(rule, example)
        if len(named) == 1:
            alone.setdefault(named.pop(), example)
    found.update(alone)
    extra = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))["cases"]
    for case in extra:
        found.setdefault(
            case["rule"], Example(f"tests/snapshots/examples.yaml: {case['name']}", case)
        )
    return found


EXAMPLE_OF = examples()
PAIRS = [(rule, lang) for rule in catalogue() for lang in LANGS]


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@pytest.fixture
def _process_state() -> Iterator[None]:
    """What ``itures check`` sets for its process: the language, the collector's thresholds."""
    thresholds = gc.get_threshold()
    lang = i18n.current()
    yield
    gc.set_threshold(*thresholds)
    i18n.use(lang)


def run(
    example: Example,
    lang: str,
    tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> str:
    """The snapshot text: the command, what it printed, its exit status."""
    case = example.case
    if "base" in case:
        git(tmp, "init", "-q", "-b", "main")
        git(tmp, "config", "user.name", "Editor")
        git(tmp, "config", "user.email", "editor@example.org")
        git(tmp, "config", "commit.gpgsign", "false")
        _write(tmp, case["base"])
        commit_all(tmp, "base")
    _write(tmp, case["files"] if "files" in case else {"doc.yaml": case["doc"]})
    for rel in case.get("deleted", []):  # (files of the base the change removes)
        (tmp / rel).unlink()
    if "config" in case:
        (tmp / "pyproject.toml").write_text(case["config"], encoding="utf-8")
    monkeypatch.chdir(tmp)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # the text format, as on a desk
    args = ["check", "--color", "never", "--no-cache", "--lang", lang]
    if "base" in case:
        args += ["--since", "HEAD"]
    args.append("doc.yaml" if "doc" in case else ".")
    capsys.readouterr()
    code = main(args)
    out, err = capsys.readouterr()
    # the one thing of the output that changes with the clock: the year of the
    # check (history: "2071 is after the current year (2026)")
    out = out.replace(f"({datetime.date.today().year})", "(CURRENT-YEAR)")
    text = f"# {example.source}\n$ itures {' '.join(args)}\n{out}"
    if err:
        text += "".join(f"stderr: {line}\n" for line in err.splitlines())
    return text + f"exit status {code}\n"


HEADER = re.compile(r"^(?P<path>\S+):\d+:\d+: (?P<severity>error|warning)\[(?P<rule>[a-z-]+)\]: ")


def _structure_problems(text: str, rule: str) -> list[str]:
    """What every snapshot must show for its rule: a header, an excerpt with a caret under
    the first finding, and a ``help:`` line for each finding."""
    lines = text.splitlines()
    heads = [i for i, line in enumerate(lines) if (m := HEADER.match(line)) and m["rule"] == rule]
    if not heads:
        return [f"no finding 'path:line:column: severity[{rule}]: message'"]
    problems = []
    first = heads[0]
    excerpt = lines[first + 1 : first + 4]
    if not any(re.match(r"^ *\d+ \| ", line) for line in excerpt):
        problems.append("no numbered source line under the first finding")
    if not any(
        re.match(r"^ *\| *[_|]?\s*\^+", line) for line in excerpt[1:] + lines[first + 4 : first + 8]
    ):
        problems.append("no caret under the first finding")
    findings = sum(1 for line in lines if HEADER.match(line))
    helps = sum(1 for line in lines if line.startswith("help: "))
    if helps != findings:
        problems.append(f"{findings} findings but {helps} help lines: give each finding its fix")
    return problems


@pytest.mark.usefixtures("_process_state")
@pytest.mark.parametrize(("rule", "lang"), PAIRS, ids=[f"{r}.{lang}" for r, lang in PAIRS])
def test_snapshot(
    rule: str,
    lang: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    example = EXAMPLE_OF.get(rule)
    assert example is not None, (
        f"{rule} has no failing example: add a case to tests/rules/cases/ (or, for a stage or "
        "the gate, to tests/snapshots/examples.yaml)"
    )
    work = tmp_path / "work"
    work.mkdir()
    actual = run(example, lang, work, monkeypatch, capsys)
    problems = _structure_problems(actual, rule)
    assert not problems, f"{rule}.{lang}: " + "; ".join(problems) + "\n" + actual
    path = SNAPSHOTS / f"{rule}.{lang}.txt"
    expected = path.read_text(encoding="utf-8") if path.exists() else None
    if UPDATE:
        if actual != expected:
            path.write_text(actual, encoding="utf-8")
        return
    if expected is None:
        pytest.fail(
            f"no snapshot tests/snapshots/{path.name} for {rule} in {lang}: write it with "
            "ITURES_UPDATE_SNAPSHOTS=1 (tests/snapshots/README.md), then review it\n" + actual,
            pytrace=False,
        )
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            f"tests/snapshots/{path.name} (committed)",
            f"{path.name} (as checked now)",
        )
        pytest.fail(
            f"the output for {rule} in {lang} changed; if the change is right, accept it with "
            "ITURES_UPDATE_SNAPSHOTS=1 (tests/snapshots/README.md)\n" + "".join(diff),
            pytrace=False,
        )


def test_no_snapshot_without_a_rule() -> None:
    """A snapshot of a rule that no longer exists (renamed, removed) is stale."""
    wanted = {f"{rule}.{lang}.txt" for rule, lang in PAIRS}
    stale = sorted(p.name for p in SNAPSHOTS.glob("*.txt") if p.name not in wanted)
    if UPDATE:
        for name in stale:
            (SNAPSHOTS / name).unlink()
        return
    assert not stale, f"snapshots of no rule of the catalogue (remove them): {stale}"


def test_every_rule_of_the_catalogue_has_its_snapshots() -> None:
    """A new rule fails here until it has a failing example and a snapshot in each language."""
    missing = [
        f"{rule}.{lang}.txt"
        for rule in catalogue()
        for lang in LANGS
        if not (SNAPSHOTS / f"{rule}.{lang}.txt").exists()
    ]
    if UPDATE:
        return  # test_snapshot writes them
    assert not missing, f"rules of the catalogue without a snapshot: {missing}"
    assert set(catalogue()) <= set(EXAMPLE_OF)
