"""Hypothesis strategies for resolution documents (plain data)."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import strategies as st

# any text a YAML file can carry (no lone surrogates), biased to the awkward
TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40),
    st.lists(
        st.sampled_from(
            [*list("ab :#-'\"[]()^@,;.\n\t\r\xa0‑\u2028\ufeff\x85é"), "  ", "- ", ": "]
        ),
        min_size=1,
        max_size=30,
    ).map("".join),
    st.sampled_from(
        [
            "no",
            "on",
            "010",
            "2017",
            "2017-01-02",
            "null",
            "~",
            "true",
            "- a",
            "a: b",
            "#x",
            " lead",
            "trail ",
            "x" * 200,
            "[la Résolution 5](wtdc:5@2014)",
            "un[^1]",
            ("mot " * 40).strip(),
            "ligne\nsuivante",
            "&a",
            "*b",
            "!tag",
            "%YAML",
            "...",
            "---",
        ]
    ),
)
LABEL = st.one_of(st.sampled_from(["a)", "abis)", "1", "1.1", "i)", "5", "0", "2017"]), TEXT)
IDENT = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
YEAR = st.integers(min_value=1865, max_value=2999)
VERB = st.from_regex(r"[a-z]{1,8}(_[a-z]{1,8}){0,2}", fullmatch=True)


def _optional(
    d: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]
) -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(st.just(d), strategy.map(lambda v: {**d, key: v}))


@st.composite
def items(draw: st.DrawFn, depth: int = 0) -> dict[str, Any]:
    item: dict[str, Any] = {"text": draw(TEXT)}
    if draw(st.booleans()):
        item["label"] = draw(LABEL)
    if depth < 2 and draw(st.integers(0, 4)) == 0:
        item["items"] = draw(st.lists(items(depth + 1), min_size=1, max_size=3))
    return item


@st.composite
def deadlines(draw: st.DrawFn) -> dict[str, Any]:
    d: dict[str, Any] = {}
    which = draw(st.sampled_from(["every", "event", "by", "none"]))
    if which == "every":
        d["every"] = draw(st.sampled_from(["year", "two-years", "session"]))
    elif which == "event":
        d["event"] = draw(IDENT)
    elif which == "by":
        d["by"] = draw(YEAR)
    if draw(st.booleans()):
        d["report_to"] = draw(IDENT)
    if draw(st.booleans()):
        d["text"] = draw(TEXT)
    return d


@st.composite
def clauses(draw: st.DrawFn, depth: int = 0) -> dict[str, Any]:
    clause: dict[str, Any] = {"text": draw(TEXT)}
    if draw(st.booleans()):
        clause["label"] = draw(LABEL)
    for key in ("actors", "partners"):
        if draw(st.integers(0, 3)) == 0:
            clause[key] = draw(st.lists(IDENT, min_size=1, max_size=3))
    if draw(st.integers(0, 3)) == 0:
        clause["deadlines"] = draw(st.lists(deadlines(), min_size=1, max_size=2))
    if depth < 2 and draw(st.integers(0, 4)) == 0:
        clause["clauses"] = draw(st.lists(clauses(depth + 1), min_size=1, max_size=3))
    return clause


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "body": draw(st.sampled_from(["pp", "wtdc", "wtsa", "ra", "unga"])),
        "number": draw(st.from_regex(r"[0-9]{1,3}(-[0-9])?", fullmatch=True)),
        "language": draw(st.sampled_from(["ar", "zh", "en", "fr", "ru", "es"])),
        "title": draw(TEXT),
        "history": draw(st.lists(history_entries(), min_size=1, max_size=3)),
    }
    if draw(st.booleans()):
        doc["conference"] = draw(TEXT)
    if draw(st.booleans()):
        doc["preamble"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "verb": VERB,
                        "heading": TEXT,
                        "items": st.lists(items(), min_size=1, max_size=3),
                    }
                ),
                min_size=1,
                max_size=2,
            )
        )
    if draw(st.booleans()):
        sections = []
        for _ in range(draw(st.integers(1, 2))):
            sec: dict[str, Any] = {
                "verb": draw(VERB),
                "heading": draw(TEXT),
                "clauses": draw(st.lists(clauses(), min_size=1, max_size=3)),
            }
            if draw(st.booleans()):
                sec["actors"] = draw(st.lists(IDENT, min_size=1, max_size=2))
            sections.append(sec)
        doc["operative"] = sections
    if draw(st.booleans()):
        doc["footnotes"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {"id": st.from_regex(r"[0-9a-z]{1,2}", fullmatch=True), "text": TEXT}
                ),
                min_size=1,
                max_size=2,
            )
        )
    if draw(st.booleans()):
        annexes = []
        for position in range(1, draw(st.integers(1, 2)) + 1):
            # an annex may be a heading (and title) alone, without paragraphs
            annex: dict[str, Any] = {
                "heading": draw(TEXT),
                "items": draw(st.lists(items(), min_size=0, max_size=2)),
            }
            if draw(st.booleans()):
                annex["label"] = str(position)
            if draw(st.booleans()):
                annex["title"] = draw(TEXT)
            annexes.append(annex)
        doc["annexes"] = annexes
    return doc


@st.composite
def history_entries(draw: st.DrawFn) -> dict[str, Any]:
    """One history entry, with a full date in its year or without one."""
    year = draw(YEAR)
    entry: dict[str, Any] = {
        "event": draw(st.sampled_from(["adopted", "revised", "abrogated"])),
        "place": draw(TEXT),
        "year": year,
    }
    if draw(st.booleans()):
        day = draw(st.dates(datetime.date(year, 1, 1), datetime.date(year, 12, 31)))
        entry["date"] = day.isoformat()
    return entry


ODD_VALUES = st.sampled_from(
    [
        None,
        0,
        1,
        -1,
        2017,
        2017.0,
        2017.5,
        1e300,
        True,
        False,
        "",
        "x",
        "PP",
        "a)",
        "2017",
        "pp\n",
        [],
        ["x"],
        [1],
        {},
        {"x": 1},
        {"text": "t"},
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A generated document with one node replaced, deleted or added."""
    doc = draw(documents())
    # collect every (container, key) in the tree
    places: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                places.append((node, k))
                walk(v)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                places.append((node, i))
                walk(v)

    walk(doc)
    container, key = draw(st.sampled_from(places))
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        container[key] = draw(ODD_VALUES)
    elif action == "delete":
        del container[key]
    elif isinstance(container, dict):
        container[draw(st.sampled_from(["extra", "label", "items", "clauses", "verb", "id"]))] = (
            draw(ODD_VALUES)
        )
    else:
        container.append(draw(ODD_VALUES))
    return doc
