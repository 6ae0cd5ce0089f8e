"""Aligning two sequences (lines, words, texts of units) in near-linear time.

:class:`difflib.SequenceMatcher` finds a good alignment, but its time grows
with the product of the two lengths on long inputs with many changes or many
repeated elements: a unified diff of a 40,000-line file took seconds, a word
diff of a long text longer still. Inputs are untrusted (a pull request can
hold a 10 MB file), so every alignment here is bounded:

* sequences whose lengths multiply to at most :data:`EXACT` are aligned by
  ``SequenceMatcher`` itself: small inputs, the usual case, give exactly what
  they always gave;
* longer ones are cut at **anchors**, as patience diff does (git's
  ``--patience``): after the common start and end are taken off, the elements
  that occur once in each side are matched, the longest chain of them in the
  same order is kept (a longest increasing subsequence, n log n), and each
  stretch between two anchors is aligned the same way, down to stretches
  small enough for ``SequenceMatcher``;
* a stretch that is still too large and has no element unique on both sides
  (thousands of repeated lines), or work beyond a budget proportional to the
  input, is left unaligned: its elements count as replaced. The alignment is
  then **approximate** (:attr:`Alignment.approximate`): still a correct diff
  (what it calls equal is equal, and applying it gives the new side), but
  perhaps not the shortest one.

Everything returns difflib's shapes (matching blocks ``(i, j, size)`` ending
with ``(len(a), len(b), 0)``, opcodes, grouped opcodes), so callers use them
as they used ``SequenceMatcher``.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass

__all__ = ["EXACT", "Alignment", "align", "unified_diff"]

# Sequences whose lengths multiply to at most this are aligned by difflib:
# a 700 x 700 stretch of lines or words, well under a second at worst.
EXACT = 500_000
# Total elements counted while finding anchors, per element of the input: the
# anchored search stops (and leaves the rest unaligned) beyond this.
_BUDGET = 40

Block = tuple[int, int, int]
Opcode = tuple[str, int, int, int, int]


@dataclass(frozen=True)
class Alignment:
    """Matching blocks of two sequences, and whether they may not be the best."""

    blocks: list[Block]
    approximate: bool

    def opcodes(self) -> list[Opcode]:
        """difflib's opcodes: how to turn ``a`` into ``b``."""
        out: list[Opcode] = []
        i = j = 0
        for ai, bj, size in self.blocks:
            tag = ""
            if i < ai and j < bj:
                tag = "replace"
            elif i < ai:
                tag = "delete"
            elif j < bj:
                tag = "insert"
            if tag:
                out.append((tag, i, ai, j, bj))
            i, j = ai + size, bj + size
            if size:
                out.append(("equal", ai, i, bj, j))
        return out

    def ratio(self) -> float:
        """difflib's similarity: twice the matched elements over the elements of both."""
        *_, (total_a, total_b, _) = self.blocks
        total = total_a + total_b
        matched = sum(size for _, _, size in self.blocks)
        return 2.0 * matched / total if total else 1.0

    def grouped_opcodes(self, n: int = 3) -> Iterator[list[Opcode]]:
        """difflib's grouped opcodes: hunks with ``n`` elements of context."""
        codes = self.opcodes()
        if not codes:
            codes = [("equal", 0, 1, 0, 1)]
        if codes[0][0] == "equal":
            tag, i1, i2, j1, j2 = codes[0]
            codes[0] = tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2
        if codes[-1][0] == "equal":
            tag, i1, i2, j1, j2 = codes[-1]
            codes[-1] = tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)
        group: list[Opcode] = []
        for tag, i1, i2, j1, j2 in codes:
            if tag == "equal" and i2 - i1 > 2 * n:
                group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
                yield group
                group = []
                i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
            group.append((tag, i1, i2, j1, j2))
        if group and not (len(group) == 1 and group[0][0] == "equal"):
            yield group


def _exact(a: Sequence[Hashable], b: Sequence[Hashable], autojunk: bool) -> list[Block]:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=autojunk)
    return [tuple(m) for m in matcher.get_matching_blocks()[:-1]]  # type: ignore[misc]


def _anchors(
    a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Elements unique on both sides, in the longest chain in the same order."""
    count_a = Counter(a[alo:ahi])
    count_b = Counter(b[blo:bhi])
    where_b = {b[j]: j for j in range(blo, bhi) if count_b[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(alo, ahi) if count_a[a[i]] == 1 and a[i] in where_b]
    if not pairs:
        return []
    # longest increasing subsequence of the b positions (patience sorting)
    tails: list[int] = []  # b position ending the best chain of each length
    tail_at: list[int] = []  # index in pairs of that end
    back: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        n = bisect.bisect_left(tails, j)
        if n == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[n] = j
            tail_at[n] = k
        back[k] = tail_at[n - 1] if n else -1
    chain: list[tuple[int, int]] = []
    k = tail_at[-1]
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    chain.reverse()
    return chain


def align(
    a: Sequence[Hashable], b: Sequence[Hashable], *, autojunk: bool = True, exact: int = EXACT
) -> Alignment:
    """Align ``a`` and ``b`` (see the module docstring); ``autojunk`` as difflib's.

    ``exact`` is the product of lengths up to which difflib aligns a stretch.
    """
    if len(a) * len(b) <= exact:
        return Alignment([*_exact(a, b, autojunk), (len(a), len(b), 0)], False)
    blocks: list[Block] = []
    approximate = False
    budget = _BUDGET * (len(a) + len(b)) + exact
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        start = alo
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            alo += 1
            blo += 1
        if alo > start:
            blocks.append((start, blo - (alo - start), alo - start))
        end = ahi
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi -= 1
            bhi -= 1
        if ahi < end:
            blocks.append((ahi, bhi, end - ahi))
        if alo == ahi or blo == bhi:
            continue
        if (ahi - alo) * (bhi - blo) <= exact:
            blocks.extend(
                (i + alo, j + blo, size) for i, j, size in _exact(a[alo:ahi], b[blo:bhi], autojunk)
            )
            continue
        budget -= (ahi - alo) + (bhi - blo)
        chain = _anchors(a, b, alo, ahi, blo, bhi) if budget > 0 else []
        if not chain:
            approximate = True  # left unaligned: replaced
            continue
        blocks.extend((i, j, 1) for i, j in chain)
        edges = [(alo - 1, blo - 1), *chain, (ahi, bhi)]
        for (i0, j0), (i1, j1) in itertools.pairwise(edges):
            if i1 > i0 + 1 or j1 > j0 + 1:
                stack.append((i0 + 1, i1, j0 + 1, j1))
    blocks.sort()
    merged: list[Block] = []
    for i, j, size in blocks:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + size)
        else:
            merged.append((i, j, size))
    merged.append((len(a), len(b), 0))
    return Alignment(merged, approximate)


def _range(start: int, stop: int) -> str:
    """A unified diff's line range, as difflib writes it."""
    beginning = start + 1
    length = stop - start
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1
    return f"{beginning},{length}"


def unified_diff(
    a: Sequence[str], b: Sequence[str], fromfile: str, tofile: str, n: int = 3
) -> Iterator[str]:
    """:func:`difflib.unified_diff` of lines (with their ends), aligned by :func:`align`."""
    started = False
    for group in align(a, b).grouped_opcodes(n):
        if not started:
            started = True
            yield f"--- {fromfile}\n"
            yield f"+++ {tofile}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for line in a[i1:i2]:
                    yield " " + line
                continue
            if tag in ("replace", "delete"):
                for line in a[i1:i2]:
                    yield "-" + line
            if tag in ("replace", "insert"):
                for line in b[j1:j2]:
                    yield "+" + line
