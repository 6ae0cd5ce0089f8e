"""The rule catalogue as text: ``itures rules`` and ``docs/rules.md``.

``docs/rules.md`` is generated from the rule docstrings
(``itures rules --markdown > docs/rules.md``) and a test keeps it current.
Docstrings are written in a small subset of reStructuredText: paragraphs,
``literal`` text, and examples introduced by a line ending in ``::`` and
indented below it, which become fenced YAML blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from itures.rules import BUILTIN, GATE, Rule, load_all

_LITERAL = re.compile(r"``(.+?)``")

INTRO = """\
# Rules

`itures check` reads each file (`yaml-syntax`), validates it against the
schema (`schema`), and runs the rules below on every valid resolution, with
the corpus index at hand for the rules that look across files. Each finding is
a diagnostic, shown as `path:line:column: severity[rule]: message` with the
source line, a caret under the span and the fix (`help:`); `--format concise`
prints `path:line:column: rule: message`; `--format json` gives `rule`,
`severity`, `path`, `line`, `column`, `end_line`, `end_column`, `message`,
`help`, `pointer` and `related`.

This file is generated from the rules' docstrings: `itures rules --markdown >
docs/rules.md`. `itures rules` lists the rules, `itures rules NAME` describes
one.

## Severities

An **error** fails the check (exit status 1); a **warning** is shown and
does not. Defaults follow one principle: an error where the data proves a
mistake (a duplicate number, a marker without footnote, a citation of a
clause the cited resolution lacks), a warning where the published text may
legitimately differ from the convention (end-of-item punctuation, label
style, an unmarked footnote, an unused suppression).

## Configuration

`[tool.itures]` in the `pyproject.toml` of the corpus repository (the first
one found from the checked path upwards, up to the top of the git
repository, or outside a repository up to the working directory, never
above it; `--config FILE` names another):

```toml
[tool.itures]
corpus = "resolutions"            # the corpus directory, relative to this file
select = ["ALL"]                  # rules to run (default: all)
ignore = ["numbering-style"]      # rules not to run
reference-scope = ["wtdc", "pp"]  # bodies the corpus holds completely ("*": all it holds)
layout = "{body}/{number}/{language}.yaml"  # where each file lies under corpus (identity-path)
rules-url = "https://example.org/itures/rules.html"  # where this page is published: SARIF's helpUri

[tool.itures.severity]            # re-grade rules
punctuation = "error"
```

`itures check --select RULES` replaces `select`, `--ignore RULES` adds to
`ignore`. An unknown key or rule name is an error (exit status 2), so a typo
never silently changes nothing. `yaml-syntax` and `schema` are stages: they
always run and cannot be ignored, re-graded or suppressed.

When checked files lie under the configured `corpus`, the rest of the corpus
is indexed too (read and validated, not checked), so a pre-commit hook that
passes only the changed files resolves references and compares language
versions against the whole corpus.

## YAML and schema errors

A file that is not YAML, or not a resolution, is told in the editor's words,
at the line to change (often not where the YAML parser stopped), with a
`help` that gives the fix: a `: ` inside an unquoted text (French spacing,
`études : communes`) asks to quote the text and shows the line quoted; an
indentation that matches no level above names the column and the line to
align with; a quote not closed on its line is shown where it opens; a list
entry without `- `, a text starting with `[`, `@` or a quote, a duplicate key
(with the line of the first) each have their own message. Schema messages say
what a field holds and how it is written, with an example, never a regular
expression (`'TDAG' is not an actor id: ids are written in lower case with
hyphens, e.g. 'tdag'`); actor suggestions read every language's names and
abbreviations of the vocabulary (`GCDT` -> `tdag`), unknown keys written in
French or Spanish get the format's key, and a misspelt key is one finding, the
missing key it explains attached as a related place. A letter of another
script that looks like a Latin one is named (`U+0441 CYRILLIC SMALL LETTER
ES, which looks like Latin c`): by `schema` in keys, ids, actors, verbs and
bodies, by `lookalike` in labels.

## References and the corpus scope

A citation of a resolution the corpus holds is always checked: its clause or
annex must exist (`reference-unresolved`) and its year must be in the cited
resolution's history (`reference-revision`). A citation of a resolution the
corpus does not hold is reported only when its body is in `reference-scope`,
the bodies for which the corpus is declared complete. The default scope is
empty, so a file checked on its own, or a corpus that holds part of ITU's
resolutions (the example corpus cites PP, ITU-R and WTSA resolutions it does
not have), is not drowned in errors. A partly known history (starting with a
revision) says nothing about the years before its first entry, which are not
reported.

The words of a citation are read with the import grammar of the file's
language (English, French, Spanish) and compared with its target
(`reference-text`) on what they state: the numbers, the year when both give
one, the body they name (else the one their revision's conference implies:
"(Rev. Buenos Aires, 2017)" is WTDC's), the clause when both name one.

## Verbs, headings and history

Section verbs and their headings in the six languages are the vocabulary
`src/itures/schema/verbs.yaml` (its schema: `itures schema --verbs`), which
the importers read too; `[tool.itures.verbs]` adds verbs or headings:

```toml
[tool.itures.verbs.preamble]
welcoming_warmly = { en = ["welcoming warmly"], fr = ["accueillant chaleureusement"] }
```

A heading matches a verb when, case, spacing, apostrophes and a final `:` or
`,` folded and the words of *further* set aside, it starts with one of the
verb's headings in whole words (the longest that fits decides: "décide de
charger le Secrétaire général" is `resolves_to_instruct`); the rest may name
actors. A heading with a word of *further* needs a `further_` verb. In
Arabic, Chinese and Russian, whose lists are not yet checked against
published texts, only a heading that is another verb's is reported.

`history` checks the order of the entries, years after the current one, and
each place against the conference calendar (`src/itures/conferences.py`, the
one the importers use) where the calendar knows a conference of that body in
that year; bodies it does not cover (the Council, UN bodies) and years
without a known conference of the body are not reported.

## Suppressions

A finding that must stay, because the published text has it, is suppressed
with a YAML comment naming the rule and giving a reason:

```yaml
      # itures: ignore[numbering-gap] reason: the published text numbers this clause 5
      - label: '5'
```

A comment alone on its line applies to the next line that is not blank or a
comment; after YAML on a line, to that line. It covers the findings positioned
on that line and those about an entry, key or value that starts on it (the
whole list entry, with its text: comments cannot sit inside a folded text).
The reason is mandatory. A suppression without reason, naming an unknown
rule or a stage, or unreadable, is reported (`suppression-invalid`) and
suppresses nothing; one that matches no finding is reported
(`suppression-unused`). Suppressed findings are counted in the summary
(`1 suppressed`), listed with `--show-suppressed` (in JSON as a
`"suppressed"` list, each record with `"suppressed": true` and its
`"reason"`), and kept in `CheckResult.suppressed`.

The example corpus keeps the stray clause "5" of WTDC Resolution 59 as
published, with such a suppression: `itures check resolutions/` passes and
reports one suppressed finding. Clause 2 before it ends with ',' as the last
clause of a section does; `punctuation` does not report the end mark of an
entry followed by a label out of sequence, since the numbering finding covers
the same defect and its message mentions the ','.
"""


def _markdown_doc(doc: str) -> str:
    out: list[str] = []
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.rstrip().endswith("::"):
            intro = line.rstrip()[:-1]
            out.append(_LITERAL.sub(r"`\1`", intro))
            out.append("")
            i += 1
            while i < len(lines) and not lines[i].strip():
                i += 1
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
                block.append(lines[i][4:])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            out.append("```yaml")
            out.extend(block)
            out.append("```")
            out.append("")
            continue
        out.append(_LITERAL.sub(r"`\1`", line))
        i += 1
    return "\n".join(out).strip() + "\n"


def _rows() -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = [
        (name, sev, summary) for name, (sev, summary) in BUILTIN.items()
    ]
    rows.extend((r.name, r.severity, r.summary) for r in load_all().values())
    return rows


def markdown(names: Iterable[str] = ()) -> str:
    """The text of ``docs/rules.md``; with ``names``, the sections of those
    rules (stages, gate findings) alone, in the order given (raises
    :class:`UnknownRule` for a name none has)."""
    names = list(names)
    registry = load_all()
    if names:
        return (
            "\n".join(line for name in names for line in _section(name, registry)).rstrip() + "\n"
        )
    parts = [INTRO, "## Catalogue\n", "| rule | default | what it catches |", "|---|---|---|"]
    parts.extend(f"| [`{n}`](#{n}) | {s} | {summary} |" for n, s, summary in _rows())
    parts.append("")
    for name in [*BUILTIN, *registry]:
        parts.extend(_section(name, registry))
    parts.append(GATE_INTRO)
    for name in GATE:
        parts.extend(_section(name, registry))
    return "\n".join(parts).rstrip() + "\n"


def _section(name: str, registry: dict[str, Rule]) -> list[str]:
    """The lines of the section of ``docs/rules.md`` on ``name``: a stage, a
    rule or a gate finding (raises :class:`UnknownRule` for none of them)."""
    if name in BUILTIN:
        severity, summary = BUILTIN[name]
        return [
            f"### {name}\n",
            f"Default severity: {severity}. A stage before the rules: {summary}.\n",
        ]
    if name in registry:
        r = registry[name]
        return [
            f"### {name}\n",
            f"Default severity: {r.severity}. Module `itures.rules.{r.family}`.\n",
            _markdown_doc(r.doc),
        ]
    if name in GATE:
        from itures.gate import GATE_RULES  # the models: only for this page

        severity, summary = GATE_RULES[name]
        return [f"### {name}\n", f"Severity: {severity}. Produced by the gate: {summary}.\n"]
    from itures.suggest import closest

    raise UnknownRule(name, closest(name, [*BUILTIN, *registry, *GATE]))


GATE_INTRO = """\
## Produced by the gate

`itures check --since REV` (see [ci.md](ci.md)) compares the corpus with
itself at `REV` and adds findings only a comparison can make. They are not
rules of the registry: the configuration cannot select, ignore or re-grade
them (so a change cannot switch off the check of itself), and they cannot be
suppressed.
"""


def listing(names: Iterable[str] = ()) -> str:
    """``itures rules``: one line per rule, or the documentation of the named rules."""
    names = list(names)
    registry = load_all()
    if not names:
        rows = _rows()
        width = max(len(n) for n, _, _ in rows)
        return "".join(f"{n:<{width}}  {s:<7}  {summary}\n" for n, s, summary in rows)
    out = []
    for name in names:
        if name in BUILTIN:
            sev, summary = BUILTIN[name]
            out.append(f"{name} ({sev}): {summary}\n")
            continue
        if name in GATE:  # in the output of `check --since`: said what it is
            from itures.gate import GATE_RULES  # the models: only for this answer

            sev, summary = GATE_RULES[name]
            import textwrap

            about = textwrap.fill(
                "Produced by the CI gate (itures check --since REV), which compares the "
                "corpus with itself at REV: not a rule of the registry, so it cannot be "
                "selected, ignored, re-graded or suppressed. See docs/rules.md and docs/ci.md.",
                72,
            )
            out.append(f"{name} ({sev}): {summary}\n\n{about}\n")
            continue
        if name not in registry:
            from itures.suggest import closest

            close = closest(name, [*BUILTIN, *registry, *GATE])
            raise UnknownRule(name, close)
        r: Rule = registry[name]
        out.append(f"{r.name} ({r.severity}): {r.summary}\n\n{r.doc}\n")
    return "\n".join(out)


class UnknownRule(KeyError):
    """A name given to :func:`listing` that no rule, stage or gate finding has;
    ``meant`` is the closest name, if one is close."""

    def __init__(self, name: str, meant: str | None) -> None:
        super().__init__(name)
        self.name = name
        self.meant = meant

    def __str__(self) -> str:
        hint = f"; did you mean '{self.meant}'?" if self.meant else ""
        return f"unknown rule '{self.name}'{hint}"
