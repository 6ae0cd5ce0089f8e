"""A realistic corpus: the PP-18 Final Acts as imported, copied to ``n`` files.

``build(directory, n)`` imports ``../shared/corpora/pp18-final-acts.akn.xml``
with itures's own importer (64 documents, as a new user's first
``itures import`` writes them), adds the example ``resolutions/wtdc/59/fr.yaml``,
and copies these 65 documents round-robin to ``n`` files laid out as
``resolutions/<body>/<number>/<lang>.yaml``. The first copy of each document
keeps its number; each further copy gets a number of its own (``1065``,
``1066``, ...) written into its ``number:`` line (and into the headings of
its annexes that name it, "ANNEX 1 TO RESOLUTION 1066", and into its
citations of its own parts, "[resolves 2 above](pp:1066#resolves/2)"), so
every file is a distinct resolution. Other citations are left as imported: the
copies cite the originals (``pp:71@2018``), so a much-cited resolution is
cited by a hundred files, as the real ones are. Every file carries the findings of a freshly imported
document (about 20 each: the corpus is full of findings).

The shared data is not part of the project: :func:`shared_corpus` returns
None when ``../shared`` is absent, and the benchmarks skip this corpus then.

    python bench/realistic.py 5000 /tmp/real     # /tmp/real/resolutions/...
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EXAMPLE = REPO / "resolutions" / "wtdc" / "59" / "fr.yaml"
NUMBER = re.compile(rb"^number: .*$", re.MULTILINE)


def shared_corpus() -> Path | None:
    """The PP-18 Akoma Ntoso file of ``../shared``, or None when it is absent."""
    for base in (REPO.parent / "shared", REPO.parent.parent / "shared"):
        path = base / "corpora" / "pp18-final-acts.akn.xml"
        if path.is_file():
            return path
    return None


@dataclass
class Realistic:
    """What :func:`build` wrote."""

    root: str  # the resolutions/ directory
    files: list[str] = field(default_factory=list)
    bytes: int = 0
    templates: int = 0


def _templates(source: Path) -> list[tuple[str, str, str, bytes]]:
    """(body, number, language, bytes) of the imported documents and the example."""
    import contextlib
    import io

    from itures.cli import main

    with tempfile.TemporaryDirectory(prefix="itures-pp18-") as out:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(["import", str(source), "-o", out])
        if code not in (0, 1):
            raise RuntimeError(f"itures import failed with exit code {code}")
        found = []
        for top, _, names in os.walk(out):
            for name in sorted(names):
                if name.endswith(".yaml"):
                    path = Path(top, name)
                    rel = path.relative_to(out).parts
                    body, number, lang = rel[0], rel[1], name[: -len(".yaml")]
                    found.append((body, number, lang, path.read_bytes()))
    found.sort()
    found.append(("wtdc", "59", "fr", EXAMPLE.read_bytes()))
    return found


def build(directory: str | os.PathLike[str], n: int, source: Path | None = None) -> Realistic:
    """Write ``n`` files under ``directory/resolutions`` (see the module docstring)."""
    source = source or shared_corpus()
    if source is None:
        raise FileNotFoundError("../shared/corpora/pp18-final-acts.akn.xml is not there")
    templates = _templates(source)
    root = Path(directory, "resolutions")
    made = Realistic(str(root), templates=len(templates))
    for i in range(n):
        body, number, lang, data = templates[i % len(templates)]
        if i >= len(templates):
            old, number = number, str(1000 + i)
            data = NUMBER.sub(f"number: '{number}'".encode(), data, count=1)
            # (and the annexes' headings that name it: "ANNEX 1 TO RESOLUTION 71",
            # "ANNEX 1 TO DECISION 5" in Decision D5)
            # (and its citations of its own parts, "[resolves 2 above](pp:131#resolves/2)",
            # which name this text, not the original; not those of an earlier revision
            # of it, "(pp:71@2014)", nor "[Resolution 71](pp:71)", whose words name it)
            data = re.sub(
                rb"\(" + re.escape(f"{body}:{old}".encode()) + rb"(?=#)",
                b"(" + f"{body}:{number}".encode(),
                data,
            )
            for kind, named in ((b"RESOLUTION", old), (b"DECISION", old.removeprefix("D"))):
                data = re.sub(
                    rb"^(\s*(?:- )?heading: ANNEX(?: \d+)? TO "
                    + kind
                    + rb" )"
                    + re.escape(named.encode())
                    + rb"\b",
                    rb"\g<1>" + number.encode(),
                    data,
                    flags=re.MULTILINE,
                )
        path = root / body / number / f"{lang}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        made.files.append(str(path))
        made.bytes += len(data)
    return made


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if shared_corpus() is None:
        print("../shared is absent: no realistic corpus", file=sys.stderr)
        return 0
    made = build(args[1], int(args[0]))
    print(f"{len(made.files):,} files, {made.bytes / 1e6:.1f} MB under {made.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
