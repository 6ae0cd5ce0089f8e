"""The engine is in layers that only look down, and no modules import each other in a circle.

Every import counts, at the top of a module or inside a function (a function-
level import only delays a circle, it does not remove it); imports under
``if TYPE_CHECKING:`` do not run and do not count. The layers are written
down in README, "Architecture"; :data:`LAYERS` is that list.
"""

from __future__ import annotations

import ast
import functools
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

# Bottom to top: a module may import its own layer and the layers below.
# A module is in the layer of the longest prefix listed here; modules not
# listed (the commands: cli, gate, fmt, diff, render, report, importers)
# stand above them all.
LAYERS: list[tuple[str, ...]] = [
    # files, records and words: imports nothing of itures above it
    (
        "itures.files",
        "itures.diagnostics",
        "itures.i18n",
        "itures.result",
        "itures.paths",
        "itures.side",
        "itures.suggest",
    ),
    # one document: reading, the models, validation, the text scans and grammars
    (
        "itures.model",
        "itures.yamlio",
        "itures.validate",
        "itures.textscan",
        "itures.importers.lang",
        "itures.importers.extract",
        "itures.conferences",
    ),
    # the rules (file rules on a model, corpus rules on an index interface), the
    # summary the index keeps, following citations
    ("itures.rules", "itures.summary", "itures.fragments", "itures.lookup"),
    # the configuration (rule names are checked against the registry)
    ("itures.config",),
    # the corpus index
    ("itures.index",),
    # the engine: storage of outcomes, running the rules, the pipeline
    ("itures.cache", "itures.rules.runner", "itures.pipeline"),
    # a source of files at a git revision
    ("itures.gitrepo",),
    # the library's facade
    ("itures.corpus",),
]
# Modules that stand with the commands although their names are in a layer
# above: the rule reference generator (docs/rules.md) documents the gate's checks.
COMMANDS = ("itures.rules.docs",)


def modules(src: Path) -> dict[str, Path]:
    """Every module of the packages under ``src``: dotted name -> file."""
    out = {}
    for path in sorted(src.rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking(test: ast.expr) -> bool:
    return "TYPE_CHECKING" in ast.unparse(test)


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of ``known`` that module ``name`` imports (anywhere but under
    ``if TYPE_CHECKING:``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)]
                    module = ".".join([*base, *([child.module] if child.module else [])])
                else:
                    module = child.module or ""
                for alias in child.names:
                    sub = f"{module}.{alias.name}"
                    found.add(sub if sub in known else module)
            visit(child)

    visit(tree)
    return {m for m in found if m in known and m != name}


@functools.lru_cache(maxsize=8)
def graph(src: Path) -> dict[str, set[str]]:
    known = modules(src)
    return {name: imports(name, path, known) for name, path in known.items()}


def circles(g: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for v in sorted(g):
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return found


def layer(name: str) -> int | None:
    """The layer of a module (None: the commands, above every layer)."""
    if name in COMMANDS:
        return None
    best: tuple[int, int] | None = None
    for n, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            matches = name == prefix or name.startswith(prefix + ".")
            if matches and (best is None or len(prefix) > best[0]):
                best = (len(prefix), n)
    return best[1] if best is not None else None


def upward(g: dict[str, set[str]]) -> list[str]:
    """Imports from a layer into a layer above it (the root package aside: every
    module loads it, and it loads the facade only on demand)."""
    top = len(LAYERS)
    out = []
    for name, targets in sorted(g.items()):
        here = layer(name)
        if here is None:
            continue
        for target in sorted(targets):
            if target == "itures":
                continue
            there = layer(target)
            if (top if there is None else there) > here:
                out.append(f"{name} (layer {here}) imports {target} (layer {there})")
    return out


def test_no_import_circles() -> None:
    g = graph(SRC)
    assert len(g) > 50
    assert circles(g) == []


def test_layers_only_look_down() -> None:
    assert upward(graph(SRC)) == []


def test_every_layer_names_modules_that_exist() -> None:
    known = modules(SRC)
    for prefixes in LAYERS:
        for prefix in prefixes:
            assert any(m == prefix or m.startswith(prefix + ".") for m in known), prefix


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_circle_through_a_function_level_import_is_found(tmp_path: Path) -> None:
    src = _package(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from pkg import b\n",
            "pkg/b.py": "def f():\n    from pkg.c import g\n    return g\n",
            "pkg/c.py": "from . import a\n\ndef g():\n    return a\n",
            "pkg/d.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n",
        },
    )
    assert circles(graph(src)) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_an_import_under_type_checking_is_not_a_circle(tmp_path: Path) -> None:
    src = _package(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from pkg import b\n",
            "pkg/b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n",
        },
    )
    assert circles(graph(src)) == []


@pytest.mark.parametrize(
    ("low", "high"),
    [("itures.cache", "itures.corpus"), ("itures.rules.references", "itures.pipeline")],
)
def test_an_upward_import_is_reported(low: str, high: str) -> None:
    g = {low: {high}, high: set()}
    assert upward(g) and high in upward(g)[0]
