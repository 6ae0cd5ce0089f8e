"""Laws the rules obey, on generated documents."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itures.config import Config
from itures.corpus import check_paths
from itures.model.resolution import Resolution
from itures.rules import BUILTIN, load_all
from itures.rules.position import locate
from itures.yamlio.read import read_document
from itures.yamlio.write import dump_data

HEAD: dict[str, Any] = {
    "body": "wtdc",
    "number": "1",
    "language": "en",
    "title": "Test",
    "history": [{"event": "adopted", "place": "Geneva", "year": 2000}],
}


# -- rules never crash, and every diagnostic points into the file ------------

FRAGMENTS = [
    "that",
    " ",
    ",",
    ";",
    ",;",
    ".",
    ":",
    '"',
    "»",
    "[^1]",
    "[^x]",
    "[^",
    "[Resolution 1](pp:1@2000)",
    "[resolves 2](wtdc:1#resolves/2)",
    "[annex](wtdc:1#annex/1)",
    "[bad](pp 1)",
    "[bookmark: _Toc1]",
    "[footnoteRef:2]",
    "2014Buenos Aires",
    "a) ",
    "# itures: ignore[punctuation] reason: x",
    "é",
    "\n",
]
texts = (
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12)
    .map("".join)
    .filter(lambda t: t.strip() != "")
)
labels = st.one_of(
    st.none(), st.sampled_from(["a)", "b)", "abis)", "1", "2", "5", "1.1", "i)", "ii)", "x7", "#"])
)
actors = st.lists(st.sampled_from(["bdt-director", "council", "nobody", "tdag"]), max_size=2)
deadlines = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "every": st.just("year"),
            "event": st.sampled_from(["next-pp", "next-party"]),
            "by": st.just(2020),
            "report_to": st.sampled_from(["council", "councill"]),
        },
    ),
    max_size=2,
)


def _entry(children: str, child: Any) -> Any:
    return st.fixed_dictionaries(
        {"text": texts},
        optional={"label": labels.filter(bool), children: st.lists(child, max_size=2)},
    )


items = st.recursive(
    st.fixed_dictionaries({"text": texts}, optional={"label": labels.filter(bool)}),
    lambda child: _entry("items", child),
    max_leaves=6,
)
clauses = st.recursive(
    st.fixed_dictionaries(
        {"text": texts},
        optional={"label": labels.filter(bool), "actors": actors, "deadlines": deadlines},
    ),
    lambda child: _entry("clauses", child),
    max_leaves=6,
)
documents = st.fixed_dictionaries(
    {
        **{k: st.just(v) for k, v in HEAD.items()},
        "language": st.sampled_from(["en", "fr"]),
        "title": texts,
        "history": st.just([{"event": "revised", "place": "Dubai 2014Buenos Aires", "year": 2014}]),
    },
    optional={
        "conference": texts,
        "preamble": st.lists(
            st.fixed_dictionaries(
                {
                    "verb": st.sampled_from(["recalling", "considering"]),
                    "heading": texts,
                    "items": st.lists(items, min_size=1, max_size=3),
                }
            ),
            max_size=2,
        ),
        "operative": st.lists(
            st.fixed_dictionaries(
                {
                    "verb": st.sampled_from(["resolves", "instructs"]),
                    "heading": texts,
                    "actors": actors,
                    "clauses": st.lists(clauses, min_size=1, max_size=3),
                }
            ),
            max_size=2,
        ),
        "footnotes": st.lists(
            st.fixed_dictionaries({"id": st.sampled_from(["1", "2"]), "text": texts}), max_size=2
        ),
        "annexes": st.lists(
            st.fixed_dictionaries(
                {"heading": texts, "items": st.lists(items, min_size=1, max_size=2)},
                optional={"label": labels.filter(bool)},
            ),
            max_size=2,
        ),
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents, min_size=1, max_size=2), st.sampled_from([[], ["*"], ["pp", "wtdc"]]))
def test_rules_never_crash_and_always_point_into_the_file(
    docs: list[Any], scope: list[str]
) -> None:
    Resolution.model_validate(docs[0])  # the generator makes valid documents only
    known = set(load_all()) | set(BUILTIN)
    with tempfile.TemporaryDirectory() as tmp:
        lines = {}
        for n, doc in enumerate(docs):
            text = dump_data(doc)
            path = Path(tmp) / f"{n}.yaml"
            path.write_text(text, encoding="utf-8")
            lines[str(path)] = text.count("\n") + 1
        result = check_paths([tmp], Config(reference_scope=frozenset(scope)))
    assert not result.failures
    for d in result.diagnostics:
        assert d.rule in known and d.rule not in BUILTIN, d
        assert 1 <= d.line <= lines[d.path] and d.column >= 1, d


@given(
    st.lists(
        st.sampled_from(["word", "é", "l'UIT", '"q"', "#", "a:", "x,", "[^1]", "2014"]),
        min_size=1,
        max_size=40,
    ),
    st.data(),
)
def test_an_offset_in_a_text_is_located_on_its_character(
    words: list[str], data: st.DataObject
) -> None:
    """Folded, plain or quoted: the located character is the text's character."""
    text = " ".join(words)
    source = dump_data({**HEAD, "title": text})
    doc = read_document("t.yaml", source.encode())
    assert not isinstance(doc, type(None)) and hasattr(doc, "data")
    assert doc.data["title"] == text  # type: ignore[union-attr]
    candidates = [i for i, c in enumerate(text) if not c.isspace()]
    offset = data.draw(st.sampled_from(candidates))
    line, column = locate(doc, ("title",), offset)  # type: ignore[arg-type]
    at = source.splitlines()[line - 1][column - 1 :]
    # the character itself, or its escape in a double-quoted scalar
    assert at.startswith((text[offset], "\\" + text[offset]))
