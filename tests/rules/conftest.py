"""Helpers for the data-driven rule tests (``tests/rules/cases/*.yaml``).

A case file holds a table of cases, each a document (``doc``) or a small
corpus (``files``: relative path -> text), optionally a ``config``
(``[tool.itures]`` TOML), and the exact diagnostics expected, written like
the diagnostics themselves: ``[PATH:]LINE:COLUMN SEVERITY RULE[: FRAGMENT]``
(the path is given for ``files`` cases; FRAGMENT must occur in the message).
``suppressed`` lists the findings expected to be silenced, in the same form.
An empty ``expect`` is a passing document: no diagnostic at all.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from itures.config import Config, load
from itures.corpus import CheckResult, check_paths

CASES = Path(__file__).parent / "cases"


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in case_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((f"{path.stem}: {case['name']}", case))
    return out


def run_case(case: dict[str, Any], tmp: Path) -> CheckResult:
    files = case.get("files") or {"doc.yaml": case["doc"]}
    for rel, text in files.items():
        target = tmp / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = Config()
    if "config" in case:
        (tmp / "pyproject.toml").write_text(case["config"], encoding="utf-8")
        config = load(tmp / "pyproject.toml")
    return check_paths([tmp], config)


def render(result: CheckResult, tmp: Path, with_path: bool) -> tuple[list[str], list[str]]:
    def one(d: Any) -> str:
        where = f"{os.path.relpath(d.path, tmp)}:" if with_path else ""
        return f"{where}{d.line}:{d.column} {d.severity} {d.rule}: {d.message}"

    return [one(d) for d in result.diagnostics], [one(s.diagnostic) for s in result.suppressed]


def matches(actual: list[str], expected: list[str]) -> bool:
    if len(actual) != len(expected):
        return False
    for got, want in zip(actual, expected, strict=True):
        head, _, fragment = want.partition(": ")
        got_head, _, message = got.partition(": ")
        if got_head != head.strip() or fragment not in message:
            return False
    return True
