"""The corpus index kept between runs: cards, the lazy index, and what a hook decodes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures import pipeline
from itures.cache import Cache
from itures.corpus import check_in_corpus, check_paths
from itures.index import Index, LazyIndex, card_of
from itures.summary import Summary
from tests.conftest import resolution, write

BODIES = ("pp", "wtdc", "wtsa")
NUMBERS = ("1", "2", "3")
LANGS = ("en", "fr")


def _summary(path: str, body: str, number: str, language: str, cites: list[str]) -> Summary:
    return Summary(
        path,
        body,
        number,
        language,
        (("adopted", "Busan", 2014),),
        (),
        (("resolves", "resolves", (("1", ()),)),),
        (),
        (),
        tuple((("operative", 0, "clauses", 0, "text"), 0, "words", t) for t in cites),
    )


targets = st.sampled_from(
    ["pp:1", "wtdc:2@2014", "wtsa:3#resolves/1", "pp:1,2", "not a target", "xx:9"]
)
files = st.lists(
    st.tuples(
        st.sampled_from(BODIES),
        st.sampled_from(NUMBERS),
        st.sampled_from(LANGS),
        st.lists(targets, max_size=3),
    ),
    min_size=1,
    max_size=12,
)


@given(files)
def test_the_lazy_index_answers_as_the_whole_index(found: list[Any]) -> None:
    summaries = [
        _summary(f"r/{i:02}.yaml", body, number, lang, cites)
        for i, (body, number, lang, cites) in enumerate(found)
    ]
    whole = Index()
    for s in summaries:
        whole.add_summary(s)
    loaded: list[str] = []
    by_path = {s.path: s for s in summaries}

    def load(path: str) -> Summary:
        loaded.append(path)
        return by_path[path]

    lazy = LazyIndex({s.path: card_of(s) for s in summaries}, load)
    assert len(lazy) == len(whole)
    assert lazy.bodies() == whole.bodies()
    for body in (*BODIES, "rr"):
        for number in NUMBERS:
            assert ((body, number) in lazy) == ((body, number) in whole)
            same = lazy.versions(body, number)
            assert {k: v.path for k, v in same.items()} == {
                k: v.path for k, v in whole.versions(body, number).items()
            }
            for lang in LANGS:
                assert [s.path for s in lazy.same_identity(body, number, lang)] == [
                    s.path for s in whole.same_identity(body, number, lang)
                ]
                assert getattr(lazy.version(body, number, lang), "path", None) == getattr(
                    whole.version(body, number, lang), "path", None
                )
    assert len(loaded) == len(set(loaded)), "a summary is loaded once"
    assert sorted(s.path for s in lazy) == sorted(s.path for s in whole)
    assert sorted(map(len, lazy.duplicates())) == sorted(map(len, whole.duplicates()))
    from itures.rules.references import cites_any

    for target in [("pp", "1"), ("pp", "2"), ("wtdc", "2"), ("wtsa", "3")]:
        expected = sorted(s.path for s in summaries if cites_any(s, frozenset([target]), {}))
        assert lazy.citing([target]) == expected


def test_a_lookup_loads_one_identity(tmp_path: Path) -> None:
    summaries = [
        _summary(f"r/{b}{n}{lang}.yaml", b, n, lang, [])
        for b in BODIES
        for n in NUMBERS
        for lang in LANGS
    ]
    loaded: list[str] = []
    by_path = {s.path: s for s in summaries}
    lazy = LazyIndex(
        {s.path: card_of(s) for s in summaries}, lambda p: loaded.append(p) or by_path[p]
    )
    lazy.versions("wtdc", "2")
    assert sorted(loaded) == ["r/wtdc2en.yaml", "r/wtdc2fr.yaml"]
    assert lazy.bodies() == frozenset(BODIES)  # from the cards: nothing more loaded
    assert len(loaded) == 2


def _corpus(root: Path, n: int) -> None:
    write(root / "resolutions/pp/191/en.yaml", resolution())
    write(root / "resolutions/pp/191/fr.yaml", resolution(language="fr"))
    for i in range(n):
        data = resolution(body="wtdc", number=str(100 + i))
        if i % 10 == 0:  # one in ten cites pp 191
            data["operative"][0]["clauses"][2]["text"] = "to apply [it](pp:191#resolves/3)."
        write(root / f"resolutions/wtdc/{100 + i}/en.yaml", data)


def test_the_commit_hook_decodes_what_the_changed_file_touches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A one-file check in a corpus checked before decodes the summaries of the
    resolutions the file touches (its language versions, what it cites, what cites
    it), not the corpus; and reports what a check without the cache reports."""
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path, 60)
    cache = Cache(tmp_path / "cache")
    check_paths(["resolutions"], cache=cache)
    cache.close()
    changed = "resolutions/pp/191/en.yaml"
    data = resolution()
    del data["operative"][0]["clauses"][2]  # the clause six files cite
    write(tmp_path / changed, data)

    decoded: list[str] = []
    real_decode = pipeline.Outcome.decode.__func__  # type: ignore[attr-defined]

    def decode(cls: Any, data: Any, path: str, digest: bytes | None = None, **kw: Any) -> Any:
        decoded.append(os.path.normpath(path))
        return real_decode(cls, data, path, digest, **kw)

    real_summary = Summary.from_data.__func__  # type: ignore[attr-defined]

    def from_data(cls: Any, data: Any, path: str | None = None) -> Any:
        decoded.append(os.path.normpath(path or data[0]))
        return real_summary(cls, data, path)

    monkeypatch.setattr(pipeline.Outcome, "decode", classmethod(decode))
    monkeypatch.setattr(Summary, "from_data", classmethod(from_data))
    warm = check_in_corpus([changed], ["resolutions"], cache=Cache(tmp_path / "cache"))
    citing = {os.path.normpath(f"resolutions/wtdc/{100 + i}/en.yaml") for i in range(0, 60, 10)}
    # the French version (language-mismatch), and the six files citing pp 191
    # (decoded whole: the inbound check may report on them)
    assert set(decoded) <= {os.path.normpath("resolutions/pp/191/fr.yaml"), *citing}
    assert citing <= set(decoded)
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    cold = check_in_corpus([changed], ["resolutions"])
    assert [d.to_dict() for d in warm.diagnostics] == [d.to_dict() for d in cold.diagnostics]
    assert {d.path for d in warm.diagnostics if d.rule == "reference-unresolved"} == citing


def test_a_summary_read_without_sharing_is_the_summary() -> None:
    """The files citing a checked one are read without interning or sharing
    (quicker, and dropped once judged): the same summary all the same."""
    import marshal

    from itures import load
    from itures.summary import summarise
    from tests.conftest import SEED_YAML

    original = summarise(str(SEED_YAML), load(SEED_YAML))
    data = marshal.loads(marshal.dumps(original.to_data()))
    shared = Summary.from_data(data, "elsewhere.yaml")
    plain = Summary.from_data(data, "elsewhere.yaml", share=False)
    assert plain == shared == original.at("elsewhere.yaml")
    assert plain.to_data() == shared.to_data()
    assert plain.path == "elsewhere.yaml" and plain.cites and plain.operative
    assert Summary.from_data(data, share=False).path == original.path
