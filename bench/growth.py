"""Benchmark: how the time of each command grows with the size of its input.

Builds inputs of growing size, up to the 10 MB limit on a file, for each of
the paths that were once quadratic, times one run of each, and prints the
time per megabyte and its ratio to the smallest size. Linear work keeps the
time per megabyte about constant (ratios near 1.0); quadratic work doubles it
at every doubling of the size (ratios 2, 4, 8, 16...).

Cases (``--case``, all by default):

* ``unknown-keys``: a resolution followed by N keys the schema does not know,
  every one a ``schema`` finding to position; ``validate`` on the read file.
* ``check``: a resolution of N operative clauses, through ``itures check
  --no-cache --jobs 1 FILE`` in this process (reading, the schema, every rule,
  the text report).
* ``check-hard``: a resolution whose every clause is a section of its own,
  numbered out of sequence under a suppression comment, citing another
  resolution and a clause of its own, with a footnote: the findings and
  lookups of the rules (numbering, suppressions, references), thousands of
  times, through the same command.
* ``render``: the ``check-hard`` resolution through ``itures render --to
  html`` and ``--to akn``: its ids and eIds (thousands of sections of one
  verb, each wanting the same id) and its footnote markers.
* ``fmt-check``: the same resolution with every clause's text on one quoted
  line (the canonical layout folds it: every clause changes, between
  unchanged lines), through ``itures fmt --check FILE``: the canonical form
  and its unified diff.
* ``diff``: two versions of the resolution where every clause's text
  changed by a word and one clause in fifty moved, through ``itures diff``.
* ``diff-repeated``: two versions where most clauses have the same text, the
  worst case for matching units by content.
* ``long-text-en``, ``long-text-ru``, ``long-text-ar``, ``long-text-zh``: a
  resolution in that language whose one clause is a single text of the
  size, through ``itures check --no-cache --jobs 1 FILE``: every scan of a
  text, in each script (a text in Arabic, Russian or Chinese is one run of
  characters beyond ASCII to the quick tests, which once read it again from
  each of its characters).
* ``import-citations``: a Word text export whose paragraph ``abis)`` is one
  long list of citations (parts of this resolution and of others), through
  the Word text importer (the export is built here, shaped like the seed
  example: heading, formula, a preamble and operative clauses).

Each input is built in memory (the files in a temporary directory, removed at
the end) from a fixed seed: the same command gives the same inputs.

    python bench/growth.py                          # every case, 0.625 MB to 10 MB
    python bench/growth.py --case diff --max-mb 2.5 # one case, smaller sizes
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from itures.yamlio.write import dump_data  # noqa: E402

MB = 1_000_000

WORDS = str.split(
    "the of and to in for developing countries telecommunication development sector "
    "standardization radiocommunication study groups cooperation coordination activities "
    "member states union bureau director secretary-general council conference assistance "
    "information communication technologies emergency climate change accessibility "
    "persons with disabilities broadband infrastructure regional offices capacity building "
    "implementation relevant resolutions recommendations particular attention mechanisms "
    "mutual interest programmes resources financial human continue report annually"
)


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)) + ";"


def resolution(clauses: int, *, seed: int = 1, repeated: bool = False) -> dict[str, Any]:
    """Plain data of a resolution with ``clauses`` operative clauses.

    With ``repeated``, nine clauses in ten have one of three texts.
    """
    rng = random.Random(seed)
    texts = [_text(rng, 14) for _ in range(3)]
    body = []
    for n in range(clauses):
        text = rng.choice(texts) if repeated and n % 10 else _text(rng, rng.randint(10, 30))
        body.append({"label": str(n + 1), "text": f"to {text}"})
    return {
        "body": "pp",
        "number": "191",
        "language": "en",
        "title": "Strengthening coordination among the three Sectors of the Union",
        "history": [{"event": "adopted", "place": "Busan", "year": 2014}],
        "conference": "The Plenipotentiary Conference of the International "
        "Telecommunication Union (Busan, 2014),",
        "preamble": [{"verb": "recalling", "heading": "recalling", "items": [{"text": "x;"}]}],
        "operative": [{"verb": "resolves", "heading": "resolves", "clauses": body}],
    }


def clauses_for(size: int, *, repeated: bool = False) -> int:
    """How many clauses make a canonical file of about ``size`` bytes."""
    probe = 400
    one = len(dump_data(resolution(probe, repeated=repeated)).encode()) / probe
    return max(1, int(size / one))


def changed(data: dict[str, Any], *, seed: int = 2) -> dict[str, Any]:
    """Every clause's text with one word replaced, and one clause in fifty moved
    to the end of the list (renumbering those after it)."""
    rng = random.Random(seed)
    clauses = [dict(c) for c in data["operative"][0]["clauses"]]
    for c in clauses:
        words = c["text"].split()
        words[rng.randrange(1, len(words))] = rng.choice(WORDS)
        c["text"] = " ".join(words)
    moved = [c for i, c in enumerate(clauses) if i % 50 == 25]
    kept = [c for i, c in enumerate(clauses) if i % 50 != 25]
    out = kept + moved
    for n, c in enumerate(out):
        c["label"] = str(n + 1)
    new = dict(data)
    new["operative"] = [dict(data["operative"][0], clauses=out)]
    return new


def _cli(*args: str) -> tuple[int, int]:
    """Run the command line in this process; (exit status, characters printed)."""
    from itures.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, len(out.getvalue()) + len(err.getvalue())


# -- the cases: each builds its input of about `size` bytes in `tmp` and
# returns (units, a function that runs the command and says what it found)


def case_unknown_keys(size: int, tmp: Path) -> tuple[str, Callable[[], str]]:
    from itures.validate import validate
    from itures.yamlio.read import read_document

    base = dump_data(resolution(3))
    line = "unknown{:07d}: x\n"
    n = max(1, (size - len(base)) // len(line.format(0)))
    data = (base + "".join(line.format(i) for i in range(n))).encode()
    (tmp / "big.yaml").write_bytes(data)  # for its size only

    def run() -> str:
        doc = read_document("big.yaml", data)
        assert not isinstance(doc, type(None))
        _, found = validate(doc)  # type: ignore[arg-type]
        return f"{len(found):,} findings"

    return f"{n:,} keys", run


def hard(clauses: int) -> str:
    """A resolution whose every clause is a section of its own, numbered out of
    sequence, suppressed, citing another resolution and a clause of its own,
    with a footnote: every finding and lookup the rules do, many times."""
    data = resolution(clauses)
    sections = []
    for i, clause in enumerate(data["operative"][0]["clauses"]):
        n = i + 1
        text = clause["text"][:-1] + (
            # (as adopted at Busan: the file itself, Resolution 191, is cited too)
            f" under [Resolution {n % 200 + 1} (Busan, 2014)](pp:{n % 200 + 1}@2014)"
            f" and [resolves {2 * n}](pp:191#resolves/{2 * n})[^{n}];"
        )
        sections.append(
            {
                "verb": "resolves",
                "heading": "resolves",
                "clauses": [{"label": str(2 * n), "text": text}],
            }
        )
    data["operative"] = sections
    data["footnotes"] = [{"id": str(i + 1), "text": f"Note {i + 1}."} for i in range(clauses)]
    marker = "  # itures: ignore[numbering-gap] reason: as published\n"
    return dump_data(data).replace("\n      - label:", "\n" + marker + "      - label:")


def _check_case(size: int, tmp: Path, *, rough: bool) -> tuple[str, Callable[[], str]]:
    path = tmp / "resolutions" / "pp" / "191" / "en.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    if rough:
        one = len(hard(400).encode()) / 400
        n = max(1, int(size / one))
        text = hard(n)
        while len(text.encode()) > size:  # labels grow longer with n: stay under the limit
            n = int(n * 0.99)
            text = hard(n)
        path.write_text(text, encoding="utf-8")
    else:
        n = clauses_for(size)
        path.write_text(dump_data(resolution(n)), encoding="utf-8")

    def run() -> str:
        status, printed = _cli("check", "--no-cache", "--jobs", "1", str(path))
        return f"exit {status}, {printed:,} chars"

    return f"{n:,} clauses", run


def case_render(size: int, tmp: Path) -> tuple[str, Callable[[], str]]:
    units, _ = _check_case(size, tmp, rough=True)
    path = tmp / "resolutions" / "pp" / "191" / "en.yaml"

    def run() -> str:
        printed = 0
        for fmt in ("html", "akn"):
            out = tmp / f"out.{'xml' if fmt == 'akn' else fmt}"
            status, _ = _cli("render", "--to", fmt, "-o", str(out), str(path))
            if status:
                return f"{fmt}: exit {status}"
            printed += out.stat().st_size
        return f"{printed:,} bytes written"

    return units, run


def case_check(size: int, tmp: Path) -> tuple[str, Callable[[], str]]:
    return _check_case(size, tmp, rough=False)


def case_check_hard(size: int, tmp: Path) -> tuple[str, Callable[[], str]]:
    return _check_case(size, tmp, rough=True)


def case_fmt_check(size: int, tmp: Path) -> tuple[str, Callable[[], str]]:
    n = clauses_for(size)
    path = tmp / "fmt.yaml"
    # the canonical layout, except that every clause's text is one quoted
    # line instead of a folded block: every third line changes, between
    # unchanged label lines (the case that made difflib quadratic); an
    # end-of-line comment on one label in ten
    lines: list[str] = []
    folded: list[str] = []
    indent = ""  # of the "text: >-" line whose folded lines are being joined
    for line in [*dump_data(resolution(n)).splitlines(), ""]:
        if indent and line.startswith(indent + " "):
            folded.append(line.strip())
            continue
        if indent:
            lines.append(f'{indent}text: "{" ".join(folded)}"')
            indent, folded = "", []
        if line.strip() == "text: >-":
            indent = line[: line.index("text")]
            continue
        if line.strip().startswith("- label: ") and len(lines) % 10 == 0:
            line += "  # as published"
        if line:
            lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def run() -> str:
        status, printed = _cli("fmt", "--check", str(path))
        return f"exit {status}, {printed:,} chars of diff"

    return f"{n:,} clauses", run


def _diff_case(size: int, tmp: Path, *, repeated: bool) -> tuple[str, Callable[[], str]]:
    n = clauses_for(size, repeated=repeated)
    old = resolution(n, repeated=repeated)
    (tmp / "old.yaml").write_text(dump_data(old), encoding="utf-8")
    (tmp / "new.yaml").write_text(dump_data(changed(old)), encoding="utf-8")

    def run() -> str:
        status, printed = _cli("diff", str(tmp / "old.yaml"), str(tmp / "new.yaml"))
        return f"exit {status}, {printed:,} chars"

    return f"{n:,} clauses", run


def case_diff(size: int, tmp: Path) -> tuple[str, Callable[[], str]]:
    return _diff_case(size, tmp, repeated=False)


def case_diff_repeated(size: int, tmp: Path) -> tuple[str, Callable[[], str]]:
    return _diff_case(size, tmp, repeated=True)


CITATIONS = (
    "le point 3 du décide de la Résolution 58 (Rév. Busan, 2014) de la Conférence "
    "de plénipotentiaires et le point 2 du décide ci-dessus, la Résolution 71, "
    "le point 1 du décide de la présente résolution, "
)


def case_import_citations(size: int, tmp: Path) -> tuple[str, Callable[[], str]]:
    from itures.importers import wordtext

    seed = (
        "RÉSOLUTION 59 (RÉV. BUENOS AIRES, 2017)\n"
        "Renforcer la coordination entre les trois Secteurs\n"
        "La Conférence mondiale de développement des télécommunications "
        "(Buenos Aires, 2017),\n"
        "rappelant\n"
        "a)\tla Résolution 123 (Rév. Guadalajara, 2010) de la Conférence de plénipotentiaires;\n"
        "b)\tla Résolution 5 (Rév. Dubaï, 2014) de la présente Conférence,\n"
        "décide\n"
        "1\tde continuer à renforcer la coordination;\n"
        "2\td'inviter le Directeur du BDT à faire rapport chaque année.\n"
    )
    lines = seed.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("b)\t"))
    n = max(1, (size - len(seed.encode())) // len(CITATIONS.encode()))
    lines.insert(at, "abis)\t" + CITATIONS * n + "fin;")
    text = "\n".join(lines)
    (tmp / "long.txt").write_text(text, encoding="utf-8")  # for its size only

    def run() -> str:
        imported = wordtext.parse_text(text, source="long.txt")
        marked = sum(
            item.text.count("](")
            for section in imported.resolution.preamble
            for item in section.items
        )
        return f"{marked:,} citations marked, {len(imported.notes):,} notes"

    return f"{n * 4:,} citations", run


# words of the languages in other scripts, with their marks (a text of one
# script reads as one run of characters beyond ASCII in the joined form of
# the quick tests: see itures.textscan)
SCRIPT_WORDS = {
    "en": WORDS,
    "ru": str.split(
        "развитие электросвязи членов союза сектора исследовательских комиссий "
        "сотрудничества в области информационно-коммуникационных технологий и для "
        "стран решений конференции,"
    ),
    "ar": str.split(
        "تنمية الاتصالات الدول الأعضاء في الاتحاد قطاع لجان الدراسات التعاون في مجال "
        "تكنولوجيا المعلومات والاتصالات و البلدان النامية قرارات المؤتمر،"
    ),
    "zh": list(
        "电信发展部门成员国国际电联研究组合作信息通信技术发展中国家全权代表大会决议，的和在"
    ),
}


def _long_text_case(language: str) -> Callable[[int, Path], tuple[str, Callable[[], str]]]:
    """A resolution in ``language`` whose one clause is a text of about
    ``size`` bytes (every scan of a text is linear in its length, whatever
    the script), through ``itures check --no-cache --jobs 1 FILE``."""

    def case(size: int, tmp: Path) -> tuple[str, Callable[[], str]]:
        rng = random.Random(3)
        words = SCRIPT_WORDS[language]
        sep = "" if language == "zh" else " "
        parts: list[str] = []
        total = 0
        while total < size:
            word = rng.choice(words)
            parts.append(word)
            total += len((word + sep).encode())
        data = resolution(1)
        data["language"] = language
        text = ""
        while not text or len(text.encode()) > size:  # the folded lines' indents: under the limit
            data["operative"][0]["clauses"][0]["text"] = sep.join(parts) + "."
            text = dump_data(data)
            if len(text.encode()) > size:
                del parts[int(len(parts) * 0.95) :]
        path = tmp / "resolutions" / "pp" / "191" / f"{language}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

        def run() -> str:
            status, printed = _cli("check", "--no-cache", "--jobs", "1", str(path))
            return f"exit {status}, {printed:,} chars"

        return f"{len(parts):,} words", run

    return case


CASES: dict[str, Callable[[int, Path], tuple[str, Callable[[], str]]]] = {
    "unknown-keys": case_unknown_keys,
    "check": case_check,
    "check-hard": case_check_hard,
    "render": case_render,
    "fmt-check": case_fmt_check,
    "diff": case_diff,
    "diff-repeated": case_diff_repeated,
    "import-citations": case_import_citations,
    "long-text-en": _long_text_case("en"),
    "long-text-ru": _long_text_case("ru"),
    "long-text-ar": _long_text_case("ar"),
    "long-text-zh": _long_text_case("zh"),
}


def sizes(largest: float, count: int) -> list[int]:
    """``count`` sizes halving down from ``largest`` MB, smallest first."""
    return [int(largest * MB / 2**k) for k in reversed(range(count))]


def measure(name: str, size: int) -> tuple[str, str, float, int]:
    """(units, outcome, seconds, bytes) of one run of a case on a fresh input."""
    with tempfile.TemporaryDirectory(prefix="itures-growth-") as tmp:
        units, run = CASES[name](size, Path(tmp))
        # the largest file: the input's size (diff reads two of about that size)
        files = [f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file()]
        actual = max(files, default=size)
        start = time.perf_counter()
        outcome = run()
        return units, outcome, time.perf_counter() - start, actual


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="(repeatable)")
    parser.add_argument("--max-mb", type=float, default=10.0, help="largest input (default 10)")
    parser.add_argument("--steps", type=int, default=5, help="sizes, halving (default 5)")
    args = parser.parse_args(argv)
    os.environ.setdefault("ITURES_LANG", "en")
    for name in args.case or list(CASES):
        print(f"\n{name}")
        print("| input | size MB | seconds | s per MB | vs smallest | outcome |")
        print("|---|---:|---:|---:|---:|---|")
        first: float | None = None
        measure(name, sizes(args.max_mb, args.steps)[0] // 4)  # imports, untimed
        for size in sizes(args.max_mb, args.steps):
            units, outcome, seconds, actual = measure(name, size)
            per_mb = seconds / (actual / MB)
            first = first or per_mb
            print(
                f"| {units} | {actual / MB:.2f} | {seconds:.2f} | {per_mb:.2f} "
                f"| {per_mb / first:.2f}x | {outcome} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
