"""Plant plausible slips in a corpus, one at a time, and count what the check says of each.

```sh
.venv/bin/python bench/slips.py resolutions/wtdc/59/fr.yaml                 # 150 slips, both kinds
.venv/bin/python bench/slips.py /tmp/pp18/resolutions/pp/71/en.yaml -n 300 --seed 7 --kind text
.venv/bin/python bench/slips.py FILE --show silent,more                    # list the edits of these classes
```

What an editor expects of a check is one finding for one slip, and none
missed. For each of ``-n`` edits (random, but the same for one ``--seed``),
this script writes FILE with one slip, checks it as the commit hook does
(``itures.corpus.check_in_corpus``: FILE against the corpus directory that
holds it, ``--corpus``, or the ``resolutions`` directory above FILE), and
compares the findings with those of FILE as it was (by rule and message, so
that a deletion that moves later lines does not count them again; when no
line moved, by rule and place too, so that a finding that quotes the words
the edit changed is not counted as new). It puts
each edit in one of three classes by the findings that are new:

* **silent**: none. Not always a miss: some edits make a text that is still
  right ("considering" for "Considering" where both are written);
* **one**: one new finding, what the check aims at;
* **more**: two or more, for one slip: the one to read.

A finding the file had may change its message with the slip, where it
names what the slip changed (a list of labels inside a text, an entry
named by its place): the finding of that rule, near the place of one that
is gone, is **reworded**, not new. It is listed under the edit, marked
``~``, with the message it had: an edit is silent when no finding is new
or reworded, and more when two or more are new (a reworded one beside a
new one is still one); the first line says how many edits reworded one.

``--kind`` chooses the edits: ``text`` (a mark lost, doubled or changed, a
blank added or lost, a letter's case, a letter lost, doubled or swapped, a
word doubled or lost, a digit changed), ``structure`` (a label changed, an
entry deleted, pasted twice or swapped with the next, a footnote marker or a
citation's target changed, an actor replaced or dropped), or ``all`` (the
default). FILE is restored after each edit and at the end, even on an
interrupt. The check runs in this process with a cache in a temporary
directory, so that the rest of the corpus is read once.

Prints the three counts, then, for the classes ``--show`` names (``silent``,
``one``, ``more``; default ``more``), each edit: its kind, the line before
and after (with ``--diff``, the lines of FILE it changed, as a unified diff:
what an entry moved, pasted or deleted is, which its first line does not
tell), and its new findings.
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

# a line that holds a key (``text: ...``, ``- label: a)``) or a comment, not text
_KEY = re.compile(r"^\s*(?:- )?[A-Za-z_][A-Za-z0-9_-]*:(?: |$)")
_INLINE = re.compile(r"^(\s*(?:- )?(?:text|heading|title|conference|report_to|note): )(?![>|'\"])")
_WORD = re.compile(r"[^\W\d_]{4,}")
_SMALL_WORD = re.compile(r"\b[^\W\d_]+\b")
_MARK = re.compile(r"[,;:.'’]")
_DIGIT = re.compile(r"\d")
_LABEL = re.compile(r"^(\s*- label: )(\S.*)$")
_MARKER = re.compile(r"\[\^([^\]\s]+)\]")
_TARGET = re.compile(r"\]\(([a-z]+):(\d+)(@(\d{4}))?")
_ACTORS = re.compile(r"^(\s*(?:actors|partners): \[)([^\]]*)\]")

ACTORS = (
    *("secretary-general", "tsb-director", "bdt-director", "br-director", "tdag", "tsag"),
    *("rag", "council", "member-states", "sector-members", "itu-d-study-groups"),
    *("itu-t-study-groups", "bdt", "tsb", "br"),
)


@dataclass
class Edit:
    """One slip: its kind and the lines before and after (the first line that differs)."""

    kind: str
    before: str
    after: str
    text: str = ""  # the file with the slip
    findings: list[str] = field(default_factory=list)
    # findings the file had whose message the slip changed (see _new)
    reworded: list[str] = field(default_factory=list)


def _text_lines(lines: list[str]) -> list[int]:
    """Indices of the lines that hold text: block scalar lines and inline texts."""
    out = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if _INLINE.match(line) or (not _KEY.match(line) and not stripped.startswith("- ")):
            out.append(i)
    return out


def _text_span(line: str) -> int:
    """Where the text of ``line`` starts (after an inline key)."""
    m = _INLINE.match(line)
    return m.end() if m else len(line) - len(line.lstrip())


def _typo(rng: random.Random, line: str) -> tuple[str, str] | None:
    """``line`` with one typographic slip in its text, and the slip's kind."""
    start = _text_span(line)
    text = line[start:]

    def at(pattern: re.Pattern[str]) -> re.Match[str] | None:
        found = list(pattern.finditer(text))
        return rng.choice(found) if found else None

    kind = rng.choice(
        (
            "mark lost",
            "mark doubled",
            "mark changed",
            "blank before mark",
            "blank lost",
            "blank doubled",
            "case of a letter",
            "letter lost",
            "letter doubled",
            "letters swapped",
            "word doubled",
            "word lost",
            "digit changed",
        )
    )
    new = None
    if kind.startswith("mark") or kind == "blank before mark":
        m = at(_MARK)
        if m:
            i = m.start()
            if kind == "mark lost":
                new = text[:i] + text[i + 1 :]
            elif kind == "mark doubled":
                new = text[: i + 1] + text[i:]
            elif kind == "mark changed":
                other = rng.choice([c for c in ",;:." if c != text[i]])
                new = text[:i] + other + text[i + 1 :]
            else:
                new = text[:i] + " " + text[i:]
    elif kind.startswith("blank"):
        blanks = [i for i, c in enumerate(text) if c == " "]
        if blanks:
            i = rng.choice(blanks)
            new = text[:i] + text[i + 1 :] if kind == "blank lost" else text[:i] + " " + text[i:]
    elif kind == "digit changed":
        m = at(_DIGIT)
        if m:
            d = rng.choice([c for c in "0123456789" if c != m.group()])
            new = text[: m.start()] + d + text[m.end() :]
    elif kind.startswith("word"):
        m = at(_SMALL_WORD)
        if m:
            if kind == "word doubled":
                new = text[: m.end()] + " " + m.group() + text[m.end() :]
            else:
                new = (text[: m.start()] + text[m.end() :].lstrip(" ")).rstrip()
    else:
        m = at(_WORD)
        if m:
            w = m.group()
            j = rng.randrange(len(w) - 1) if kind == "letters swapped" else rng.randrange(len(w))
            if kind == "case of a letter":
                c = w[j].lower() if w[j].isupper() else w[j].upper()
                w = w[:j] + c + w[j + 1 :]
            elif kind == "letter lost":
                w = w[:j] + w[j + 1 :]
            elif kind == "letter doubled":
                w = w[: j + 1] + w[j:]
            else:
                w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            new = text[: m.start()] + w + text[m.end() :]
    if new is None or new == text or not new.strip():
        return None
    return line[:start] + new, kind


def _entry_end(lines: list[str], i: int) -> int:
    """The index after the entry whose ``- label:`` line is ``i``."""
    indent = len(lines[i]) - len(lines[i].lstrip())
    j = i + 1
    while j < len(lines):
        s = lines[j]
        if s.strip() and not s.lstrip().startswith("#") and len(s) - len(s.lstrip()) <= indent:
            break
        j += 1
    while j > i + 1 and (not lines[j - 1].strip() or lines[j - 1].lstrip().startswith("#")):
        j -= 1  # the comments before the next entry are that entry's
    return j


def _structural(rng: random.Random, lines: list[str]) -> tuple[list[str], str] | None:
    """``lines`` with one structural slip, and its kind."""
    kind = rng.choice(
        (
            "label changed",
            "entry deleted",
            "entry pasted twice",
            "entries swapped",
            "footnote marker changed",
            "citation target changed",
            "actor replaced",
            "actor dropped",
        )
    )
    labels = [i for i, line in enumerate(lines) if _LABEL.match(line)]
    out = list(lines)
    if kind == "label changed" and labels:
        i = rng.choice(labels)
        m = _LABEL.match(lines[i])
        assert m
        old = m.group(2).strip("'\"")
        digits = re.sub(
            r"\d+", lambda d: str(int(d.group()) + rng.choice((-1, 1, 2))), old, count=1
        )
        letters = re.sub(
            r"[a-z]",
            lambda c: chr(ord(c.group()) + rng.choice((-1, 1, 2))) if c.group() > "a" else "b",
            old,
            count=1,
        )
        new = digits if digits != old and rng.random() < 0.6 else letters
        if new == old or new.startswith("-"):
            return None
        out[i] = m.group(1) + (f"'{new}'" if re.fullmatch(r"[\d.]+", new) else new)
    elif kind in ("entry deleted", "entry pasted twice", "entries swapped") and labels:
        i = rng.choice(labels)
        end = _entry_end(lines, i)
        if kind == "entry deleted":
            del out[i:end]
        elif kind == "entry pasted twice":
            out[end:end] = lines[i:end]
        else:
            if end >= len(lines) or not _LABEL.match(lines[end]):
                return None
            end2 = _entry_end(lines, end)
            out[i:end2] = lines[end:end2] + lines[i:end]
    elif kind == "footnote marker changed":
        spots = [(i, m) for i, line in enumerate(lines) for m in _MARKER.finditer(line)]
        if not spots:
            return None
        i, m = rng.choice(spots)
        old = m.group(1)
        new = str(int(old) + rng.choice((-1, 1))) if old.isdigit() else old + "x"
        out[i] = lines[i][: m.start(1)] + new + lines[i][m.end(1) :]
    elif kind == "citation target changed":
        spots = [(i, m) for i, line in enumerate(lines) for m in _TARGET.finditer(line)]
        if not spots:
            return None
        i, m = rng.choice(spots)
        line = lines[i]
        if m.group(4) and rng.random() < 0.5:
            year = str(int(m.group(4)) + rng.choice((-4, -2, 2, 4)))
            out[i] = line[: m.start(4)] + year + line[m.end(4) :]
        else:
            number = str(int(m.group(2)) + rng.choice((-1, 1, 10)))
            out[i] = line[: m.start(2)] + number + line[m.end(2) :]
    elif kind.startswith("actor"):
        spots = [i for i, line in enumerate(lines) if _ACTORS.match(line)]
        if not spots:
            return None
        i = rng.choice(spots)
        m = _ACTORS.match(lines[i])
        assert m
        names = [n.strip() for n in m.group(2).split(",") if n.strip()]
        if not names:
            return None
        j = rng.randrange(len(names))
        if kind == "actor replaced":
            names[j] = rng.choice([a for a in ACTORS if a not in names])
        elif len(names) > 1:
            del names[j]
        else:
            return None
        out[i] = m.group(1) + ", ".join(names) + "]" + lines[i][m.end() :]
    else:
        return None
    return (out, kind) if out != lines else None


def _first_difference(a: list[str], b: list[str]) -> tuple[str, str]:
    for x, y in zip(a, b, strict=False):
        if x != y:
            return x.strip(), y.strip()
    longer = a if len(a) > len(b) else b
    rest = longer[min(len(a), len(b))] if len(longer) > min(len(a), len(b)) else ""
    return (rest.strip(), "") if longer is a else ("", rest.strip())


def plant(rng: random.Random, text: str, kind: str) -> Edit | None:
    """One slip in ``text`` (a file's lines), or None when the edit drawn does not apply."""
    lines = text.split("\n")
    if kind == "all":
        kind = rng.choice(("text", "structure"))
    if kind == "text":
        spots = _text_lines(lines)
        if not spots:
            return None
        i = rng.choice(spots)
        made = _typo(rng, lines[i])
        if made is None:
            return None
        new_lines = list(lines)
        new_lines[i], what = made
    else:
        made2 = _structural(rng, lines)
        if made2 is None:
            return None
        new_lines, what = made2
    before, after = _first_difference(lines, new_lines)
    return Edit(what, before, after, "\n".join(new_lines))


def _findings(check: Callable[[], object]) -> list[tuple[str, str, int, int]]:
    result = check()
    return [(d.rule, d.message, d.line, d.column) for d in result.diagnostics]  # type: ignore[attr-defined]


def _new(
    found: list[tuple[str, str, int, int]],
    base: list[tuple[str, str, int, int]],
    moved: int = 0,
) -> tuple[list[str], list[str]]:
    """The findings of ``found`` that ``base`` does not hold: by rule and
    message, and, when the edit moved no line (``moved``: the lines it
    added, or took away if negative), by rule and place too (a finding that
    quotes the words the edit changed is still that finding).

    Returned in two lists: the new ones, and the **reworded** ones: a
    finding of a rule whose finding of ``base`` near it (``moved`` lines,
    what the edit added or deleted, and six more: a text of a few lines) is gone. That is a
    defect the file had, whose message names what the slip changed ("labels
    'ii)', 'iii)' inside the text" becoming "label 'iii)' ..."): listed
    with the message it had, not counted as a finding of the slip."""
    left = Counter((rule, message) for rule, message, _, _ in base)
    places = {(rule, line, column) for rule, _, line, column in base} if not moved else set()
    fresh = []
    for rule, message, line, column in found:
        if left[(rule, message)] > 0:
            left[(rule, message)] -= 1
        elif (rule, line, column) not in places:
            fresh.append((rule, message, line))
    # the findings of ``base`` that ``found`` no longer holds
    gone = []
    for rule, message, line, _ in base:
        if left[(rule, message)] > 0:
            left[(rule, message)] -= 1
            gone.append((rule, message, line))
    new, reworded = [], []
    reach = abs(moved) + 6
    for rule, message, line in fresh:
        near = [g for g in gone if g[0] == rule and abs(g[2] - line) <= reach]
        if near:
            was = min(near, key=lambda g: abs(g[2] - line))
            gone.remove(was)
            reworded.append(f"{rule}: {message} (was: {was[1]})")
        else:
            new.append(f"{rule}: {message}")
    return new, reworded


def run(path: Path, corpus: Path, n: int, seed: int, kind: str) -> list[Edit]:
    """Plant ``n`` slips in ``path`` one at a time; each edit with its new findings."""
    from itures.cache import Cache
    from itures.corpus import check_in_corpus

    original = path.read_bytes()
    text = original.decode("utf-8")
    rng = random.Random(seed)
    edits: list[Edit] = []
    with tempfile.TemporaryDirectory() as tmp:
        cache = Cache(tmp)

        def check() -> object:
            return check_in_corpus([path], [corpus], cache=cache)

        base = _findings(check)
        try:
            tries = 0
            while len(edits) < n and tries < n * 20:
                tries += 1
                edit = plant(rng, text, kind)
                if edit is None:
                    continue
                path.write_bytes(edit.text.encode("utf-8"))
                moved = edit.text.count("\n") - text.count("\n")
                edit.findings, edit.reworded = _new(_findings(check), base, moved)
                edits.append(edit)
        finally:
            path.write_bytes(original)
    return edits


def _corpus_of(path: Path) -> Path:
    for parent in path.resolve().parents:
        if parent.name == "resolutions":
            return parent
    return path.resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("-n", type=int, default=150, help="edits (150)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kind", choices=("text", "structure", "all"), default="all")
    parser.add_argument(
        "--corpus", type=Path, help="the corpus directory (the resolutions above FILE)"
    )
    parser.add_argument("--show", default="more", help="classes to list: silent,one,more (more)")
    parser.add_argument(
        "--diff", action="store_true", help="list each edit as the diff of the lines it changed"
    )
    args = parser.parse_args(argv)
    if not args.file.is_file():
        parser.error(f"{args.file}: no such file")
    shown = [s.strip() for s in args.show.split(",") if s.strip()]
    unknown = [s for s in shown if s not in ("silent", "one", "more")]
    if unknown:
        parser.error(f"--show: no class {', '.join(unknown)} (silent, one, more)")
    original = args.file.read_text(encoding="utf-8").splitlines(keepends=True)
    os.environ.setdefault("ITURES_DAEMON", "off")
    edits = run(args.file, args.corpus or _corpus_of(args.file), args.n, args.seed, args.kind)
    classes: dict[str, list[Edit]] = {"silent": [], "one": [], "more": []}
    for e in edits:
        told = len(e.findings) + len(e.reworded)
        classes["silent" if not told else "one" if len(e.findings) <= 1 else "more"].append(e)
    print(
        f"{len(edits)} edits of {args.file} (seed {args.seed}, {args.kind}): "
        + " / ".join(f"{len(v)} {k}" for k, v in classes.items())
        + f" ({sum(1 for e in edits if e.reworded)} with a finding of the file reworded)"
    )
    for name in shown:
        for e in classes[name]:
            if args.diff:
                changed = difflib.unified_diff(
                    original, e.text.splitlines(keepends=True), n=1, lineterm="\n"
                )
                lines = [line.rstrip("\n") for line in changed][2:]  # (no file names)
                print(f"\n[{name}] {e.kind}\n" + "\n".join(f"  {line}" for line in lines))
            else:
                print(f"\n[{name}] {e.kind}\n  - {e.before}\n  + {e.after}")
            for f in e.findings:
                print(f"    {f}")
            for f in e.reworded:
                print(f"    ~ {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
