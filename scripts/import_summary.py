#!/usr/bin/env python3
"""Import a file (by default the PP-18 Final Acts) and print a summary table.

    python scripts/import_summary.py [FILE]

FILE defaults to ../shared/corpora/pp18-final-acts.akn.xml relative to the
repository root. Nothing is written. One row per document: its identity and
kind, then the counts of the imported model: sections (preamble +
operative), items (recitals, nested included), clauses (nested included),
annexes, citations (annexes and footnotes included), distinct actors named
(addressed or partners, headings and clauses), deadlines, the conversion
artefacts noted, and the citations left as text because their body cannot
be told (``citation-unresolved-body``). A last row sums them up.
"""

from __future__ import annotations

import sys
from pathlib import Path

from itures.importers import ImportFailure, import_file
from itures.model.resolution import Clause, Item, Resolution

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpora" / "pp18-final-acts.akn.xml"
COLUMNS = (
    "document",
    "kind",
    "sections",
    "items",
    "clauses",
    "annexes",
    "citations",
    "actors",
    "deadlines",
    "artefacts",
    "unresolved",
)


def _items(items: list[Item]) -> int:
    return sum(1 + _items(i.items) for i in items)


def _clauses(clauses: list[Clause]) -> list[Clause]:
    return [x for c in clauses for x in c.walk()]


def row(res: Resolution, artefacts: int, unresolved: int) -> tuple[str | int, ...]:
    clauses = [c for s in res.operative for c in _clauses(s.clauses)]
    actors = {a for s in res.operative for a in (*s.actors, *s.partners)}
    actors |= {a for c in clauses for a in (*c.actors, *c.partners)}
    return (
        f"{res.body}:{res.number}",
        res.kind,
        len(res.preamble) + len(res.operative),
        sum(_items(s.items) for s in res.preamble),
        len(clauses),
        len(res.annexes),
        sum(1 for _ in res.citations()),
        len(actors),
        sum(len(c.deadlines) for c in clauses),
        artefacts,
        unresolved,
    )


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 2
    try:
        result = import_file(str(path))
    except ImportFailure as exc:
        print(f"cannot import: {exc}", file=sys.stderr)
        return 1
    rows = [
        row(
            i.resolution,
            sum(n.rule == "conversion-artefact" for n in i.notes),
            sum(n.rule == "citation-unresolved-body" for n in i.notes),
        )
        for i in result.imported
    ]
    totals: tuple[str | int, ...] = (
        f"total ({len(rows)})",
        "",
        *(sum(int(r[k]) for r in rows) for k in range(2, len(COLUMNS))),
    )
    widths = [max(len(str(x)) for x in col) for col in zip(COLUMNS, *rows, totals, strict=True)]

    def line(values: tuple[str | int, ...]) -> str:
        return "  ".join(
            str(v).ljust(w) if i < 2 else str(v).rjust(w)
            for i, (v, w) in enumerate(zip(values, widths, strict=True))
        )

    print(line(COLUMNS))
    print(line(tuple("-" * w for w in widths)))
    for r in rows:
        print(line(r))
    print(line(tuple("-" * w for w in widths)))
    print(line(totals))
    for failure in result.failures:
        print(f"not imported: {failure}", file=sys.stderr)
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
