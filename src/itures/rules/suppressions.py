"""In-file suppressions: a YAML comment naming the rules and saying why.

```yaml
      # itures: ignore[numbering-gap] reason: the published text numbers this clause 5
      - label: '5'
        text: ...
      - label: c)   # itures: ignore[numbering-gap, punctuation] reason: as published
```

Decisions:

* **Where it applies**: a comment alone on its line applies to the next line
  that is not blank or a comment; a comment after YAML on a line applies to
  that line. A finding matches when it is positioned on that line, or when
  the entry, key or value it is about *starts* on that line: a suppression
  before ``- label: '5'`` covers the whole entry (its label, its text, the
  citations in it). Comments cannot sit inside a folded text, so this is how a
  finding inside a long text is suppressed. Put the comment as close as you
  can: before a section's first line it covers the whole section.
* **The reason is mandatory**, after ``reason:``; a suppression without
  one, naming an unknown rule, ``yaml-syntax``/``schema`` or a finding of the
  CI gate (which cannot be suppressed), rules separated by blanks rather than
  ',', or that cannot be read is itself reported (``suppression-invalid``,
  error) and suppresses nothing. So is a comment meant as one whose marker
  is mistyped ("# iture: ignore[...]", "# itures ignore[...]", "# ITURES:"):
  a file is read for suppressions when it holds "itures:" or "ignore["
  (:func:`may_suppress`). An unreadable one says why where it can ("ingore",
  the rules in parentheses).
* A suppression (of a rule that ran) that matches no finding is reported
  (``suppression-unused``, warning), one finding per unused rule name, so
  stale suppressions do not pile up; when its line has a finding of another
  rule, the help names it (a suppression of the wrong rule); when a finding
  of its rule is on a line just above it, the help says to move it above
  that line (a comment written after what it is about).
* Suppressed findings are not dropped: they are counted in the summary,
  listed by ``itures check --show-suppressed`` (text and JSON, with the
  reason), and available as ``CheckResult.suppressed``.
* Comments are invisible to the fast read path; the raw text is scanned only
  when it contains ``itures:``, and a ``#`` that is part of a text (inside a
  quoted or block scalar) is not a comment.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from itures.diagnostics import Diagnostic
from itures.i18n import tr
from itures.rules import BUILTIN, GATE, Context, Finding, rule
from itures.suggest import closest
from itures.yamlio.read import Document

MARKER = "itures:"
# what a suppression holds however its marker is written ("# iture: ignore[",
# "# itures ignore["): the quick test of a comment that means to be one
_IGNORE = "ignore["


def may_suppress(text: str) -> bool:
    """Whether a file's text may hold a suppression comment, or one whose
    marker is mistyped (which suppresses nothing and is reported): the
    quick test before its comments are read."""
    return MARKER in text or _IGNORE in text


_COMMENT = re.compile(r"(?:^|(?<=\s))#[ ]*itures:", re.MULTILINE)
_SUPPRESSION = re.compile(
    r"""
    ^\#[ ]*itures:[ ]*ignore\[(?P<rules>[^\]]*)\]   # itures: ignore[rule, rule]
    (?:[ ]+reason:[ ]*(?P<reason>.*?))?              # reason: why
    [ ]*$""",
    re.VERBOSE,
)
_FORM = "# itures: ignore[RULE, ...] reason: WHY"
# a comment meant as a suppression, its marker mistyped: "# iture: ignore[",
# "# itures ignore[", "# ITURES: ignore[" (the word before "ignore[", and its
# colon); read where "itures:" is not
_MEANT = re.compile(r"(?:^|(?<=\s))#[ ]*(?P<marker>[^\s#:\[\]]{1,20})(?P<colon>:?)[ ]*ignore\[")
# what an unreadable suppression has after its marker: a word for "ignore",
# and the bracket or parenthesis after it
_AFTER_MARKER = re.compile(r"^\#[ ]*itures:[ ]*(?P<word>\w*)[ ]*(?P<open>.?)")


@dataclass
class Suppression:
    """One suppression comment of a file."""

    line: int  # where the comment is
    column: int
    target: int  # the line it applies to
    rules: tuple[str, ...] = ()
    reason: str = ""
    problem: str | None = None  # why it is invalid
    help: str | None = None  # how to make it valid
    used: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Suppressed:
    """A finding that a suppression silenced, and the suppression's reason."""

    diagnostic: Diagnostic
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.diagnostic.to_dict(), "suppressed": True, "reason": self.reason}

    def __str__(self) -> str:
        return tr(
            "{finding} [suppressed: {reason}]", finding=str(self.diagnostic), reason=self.reason
        )


def _content_spans(root: Node | None) -> list[tuple[int, int, bool]]:
    """(start, end, first line end) of quoted and block scalars: '#' there is text."""
    spans: list[tuple[int, int, bool]] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            if node.style in ("'", '"', ">", "|"):
                block = node.style in (">", "|")
                spans.append((node.start_mark.index, node.end_mark.index, block))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for k, v in node.value:
                stack.extend((k, v))
    return spans


def _in_text(text: str, index: int, spans: list[tuple[int, int, bool]], starts: list[int]) -> bool:
    """Whether ``index`` is inside a scalar's text (``spans`` sorted, ``starts`` theirs).

    Scalars do not overlap: the only one that can hold ``index`` is the last
    one starting at or before it, found by binary search.
    """
    i = bisect.bisect_right(starts, index) - 1
    if i < 0:
        return False
    start, end, block = spans[i]
    if not start <= index < end:
        return False
    # a comment after a block indicator (`text: >-  # ...`) is a comment
    return not (block and text.find("\n", start, index) < 0)


def _next_content(lines: list[str]) -> list[int]:
    """For each line (0-based), the 1-based number of the first line from it on
    that is neither blank nor a comment (0 if none): computed once, backwards."""
    out = [0] * (len(lines) + 1)
    for n in range(len(lines) - 1, -1, -1):
        stripped = lines[n].strip()
        out[n] = n + 1 if stripped and not stripped.startswith("#") else out[n + 1]
    return out


def _target(next_content: list[int], line: int, alone: bool) -> int:
    if not alone:
        return line
    # the first content line after the comment's (lines[line] is line line + 1)
    return next_content[line] or line


class Suppressions(list[Suppression]):
    """The suppressions of a file, indexed by target line and rule on first use,
    so that matching each of many findings does not scan every suppression."""

    _first: dict[tuple[int, str], tuple[int, Suppression]] | None = None

    def first(self, target: int, rule_name: str) -> tuple[int, Suppression] | None:
        """The first valid suppression of ``rule_name`` on ``target`` (and its rank)."""
        if self._first is None:
            self._first = {}
            for n, sup in enumerate(self):
                if sup.problem is None:
                    for name in sup.rules:
                        self._first.setdefault((sup.target, name), (n, sup))
        return self._first.get((target, rule_name))


def _validate(names: list[str], known: set[str]) -> tuple[str, str] | None:
    """(what is wrong, the fix) with the rules a suppression names, or None."""
    if not names:
        return tr("the suppression names no rule"), tr("write {form}", form=_FORM)
    for name in names:
        if name in BUILTIN:
            return (
                tr("'{rule}' findings cannot be suppressed", rule=name),
                tr(
                    "fix the file: a file that cannot be read, or that does not follow the "
                    "schema, is not checked"
                ),
            )
        if name in GATE:
            return (
                tr("'{rule}' is a finding of the CI gate: it cannot be suppressed", rule=name),
                tr(
                    "the gate judges a change against its base revision: correct the change "
                    "(docs/ci.md)"
                ),
            )
        parts = name.split()
        if len(parts) > 1 and all(part in known for part in parts):
            return (
                tr("the rule names {names} are separated by blanks", names=repr(name)),
                tr("separate them with ',': ignore[{names}]", names=", ".join(parts)),
            )
        if name not in known:
            close = closest(name, sorted(known))
            message = tr("the suppression names unknown rule '{rule}'", rule=name)
            if close:
                return message, tr("did you mean '{rule}'?", rule=close)
            return message, tr("correct the rule's name: `itures rules` lists them")
    return None


def _unreadable(comment: str) -> tuple[str, str]:
    """Why a comment that starts with the marker does not read as a
    suppression, and how to write it: "ignore" mistyped ("ingore"), the
    rules in parentheses, or else the form."""
    form = tr("write {form}", form=_FORM)
    after = _AFTER_MARKER.match(comment)
    word = after.group("word") if after is not None else ""
    if word and word != "ignore" and closest(word, ["ignore"]) is not None:
        return (
            tr("cannot read this suppression: '{word}' where 'ignore' is meant", word=word),
            form,
        )
    if after is not None and word == "ignore" and after.group("open") in ("(", "{", "<"):
        return (
            tr(
                "cannot read this suppression: its rules are in {open}, and are read between "
                "'[' and ']'",
                open=repr(after.group("open")),
            ),
            form,
        )
    return tr("cannot read this suppression"), form


def scan(doc: Document, known: set[str]) -> Suppressions:
    """The suppression comments of a document (none unless its text has the marker, or
    "ignore[": a comment meant as one, its marker mistyped, reported as such)."""
    text = doc.text
    out = Suppressions()
    if not may_suppress(text):
        return out
    lines = text.split("\n")
    spans: list[tuple[int, int, bool]] | None = None
    starts: list[int] = []
    next_content: list[int] | None = None

    def placed(at: int) -> Suppression | None:
        """A suppression for the comment at ``at`` (where it is, the line it
        applies to); None where ``at`` is inside a text, not a comment."""
        nonlocal spans, starts, next_content
        if spans is None:
            spans = sorted(_content_spans(doc.root))
            starts = [start for start, _, _ in spans]
        if _in_text(text, at, spans, starts):
            return None
        line, column = doc.line_column(at)
        alone = not lines[line - 1][: column - 1].strip()
        if next_content is None:
            next_content = _next_content(lines)
        return Suppression(line, column, _target(next_content, line, alone))

    if _IGNORE in text:
        for m in _MEANT.finditer(text):
            if m.group("marker") == "itures" and m.group("colon"):
                continue  # (a suppression: read below)
            sup = placed(m.start())
            if sup is None:
                continue
            sup.problem = tr(
                "this comment reads as a suppression, but starts with '{written}': only "
                "'itures:' is read, so it suppresses nothing",
                written=m.group("marker") + m.group("colon"),
            )
            sup.help = tr("write {form}", form=_FORM)
            out.append(sup)
        if MARKER not in text:
            return out
    for m in _COMMENT.finditer(text):
        sup = placed(m.start())
        if sup is None:
            continue
        comment = lines[sup.line - 1][sup.column - 1 :].rstrip()
        parsed = _SUPPRESSION.match(comment)
        if parsed is None:
            sup.problem, sup.help = _unreadable(comment)
        else:
            names = [n.strip() for n in parsed.group("rules").split(",") if n.strip()]
            sup.rules = tuple(names)
            sup.reason = (parsed.group("reason") or "").strip()
            invalid = _validate(names, known)
            if invalid is not None:
                sup.problem, sup.help = invalid
            elif not sup.reason:
                sup.problem = tr(
                    "a suppression needs a reason (why the published text is kept as it is)"
                )
                sup.help = tr("write {form}", form=_FORM)
        out.append(sup)
    return out


def node_lines(doc: Document, parts: tuple[str | int, ...]) -> set[int]:
    """The lines where the nodes (keys and values) along ``parts`` start."""
    from itures.rules.position import nodes_along

    return {n.start_mark.line + 1 for n in nodes_along(doc, parts, anchors=True)}


def match(sups: list[Suppression], rule_name: str, lines: set[int]) -> Suppression | None:
    """The first valid suppression of ``rule_name`` whose target is one of ``lines``."""
    if isinstance(sups, Suppressions):
        found = [hit for line in lines if (hit := sups.first(line, rule_name)) is not None]
        if not found:
            return None
        _, first = min(found, key=lambda hit: hit[0])
        first.used.add(rule_name)
        return first
    for sup in sups:
        if sup.problem is None and rule_name in sup.rules and sup.target in lines:
            sup.used.add(rule_name)
            return sup
    return None


def unused(sups: list[Suppression], enabled: set[str]) -> Iterator[tuple[Suppression, str]]:
    for sup in sups:
        if sup.problem is None:
            for name in sup.rules:
                if name in enabled and name not in sup.used:
                    yield sup, name


@rule(
    "suppression-invalid", "error", "a suppression comment without reason, or that cannot be read"
)
def suppression_invalid(ctx: Context) -> Iterator[Finding]:
    """A suppression comment that cannot be used: no ``reason:``, an unknown
    rule name, a stage (``yaml-syntax``, ``schema``) that cannot be
    suppressed, or a comment that does not read as a suppression. It
    suppresses nothing. (Reported by the runner, which sees the comments.)

    Failing::

        # itures: ignore[numbering-gap]
        - label: '5'

    Passing::

        # itures: ignore[numbering-gap] reason: the published text numbers this clause 5
        - label: '5'
    """
    return iter(())


@rule("suppression-unused", "warning", "a suppression that matches no finding")
def suppression_unused(ctx: Context) -> Iterator[Finding]:
    """A suppression naming a rule that found nothing where it applies: the
    defect was fixed, or the comment is in the wrong place. (Reported by the
    runner.) Not a suppression of a numbering rule at an entry of a list
    whose numbering a finding reports at another entry: the published '5'
    after '2', suppressed, follows no gap once the '2' is mistyped '4',
    which the numbering finding says; deleting the suppression would be
    wrong. Nor one in a list with an entry pasted twice (``text-duplicate``
    says to delete the copy; the published '5' pasted again is no longer
    after a gap, and what the numbering rules say of its label, now
    written twice, follows from the copy too). A comment on its own line
    left at the end of its list, before a line of an outer block
    ("footnotes:") or the end of the file, is told so: what it was about
    was deleted or moved (the published '5' deleted, its comment kept). A
    suppression of a finding that another finding covers (one defect, one
    finding: a clause moved in a language version, the numbering it
    displaced) is not unused, nor one of a numbering rule at a label that
    ``language-mismatch`` says differs from another version's (the
    published '5' relabelled '3' in one: which is right is that finding's).

    Failing (clause 3 follows 2: nothing to suppress)::

        # itures: ignore[numbering-gap] reason: as published
        - label: '3'

    Passing::

        - label: '3'
    """
    return iter(())
