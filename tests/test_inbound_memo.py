"""The inbound check remembered between runs (itures.pipeline.Inbound).

A commit hook on a much-cited resolution judges every file citing it again at
each commit. Its findings there are remembered under a key of everything
they depend on: a change to the cited file that leaves what the inbound
rules read of it as it was judges no citing file, and gives the same
findings; any change they depend on judges them again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from itures.cache import Cache
from itures.config import Config
from itures.corpus import check_in_corpus
from itures.index import Index
from itures.pipeline import analyse
from itures.rules.references import CITED_READS
from itures.rules.runner import Runner
from itures.summary import Summary
from tests.conftest import resolution, write

CITED = "resolutions/pp/191/en.yaml"


def _citing(number: str, target: str, words: str) -> dict[str, Any]:
    data = resolution(number=number)
    data["operative"][0]["clauses"][0]["text"] = f"to apply [{words}]({target});"
    return data


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / CITED, resolution())
    for n in range(60, 66):
        write(
            tmp_path / f"resolutions/pp/{n}/en.yaml",
            _citing(str(n), "pp:191@2014#resolves/3", "resolves 3 of Resolution 191"),
        )
    # one citation broken before any change: reported at each check of 191
    write(
        tmp_path / "resolutions/pp/70/en.yaml",
        _citing("70", "pp:191@2014#resolves/9", "resolves 9 of Resolution 191"),
    )
    return tmp_path


@pytest.fixture
def judged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the inbound rules judge (Runner.corpus_findings with ``only``)."""
    seen: list[str] = []
    real = Runner.corpus_findings

    def counting(self: Runner, summary: Summary, only: Any = None) -> Any:
        if only is not None:
            seen.append(summary.path)
        return real(self, summary, only)

    monkeypatch.setattr(Runner, "corpus_findings", counting)
    return seen


def _hook(root: Path, cache_dir: Path, *, cached: bool = True) -> list[tuple[str, str, int, str]]:
    result = check_in_corpus(
        [CITED], ["resolutions"], cache=Cache(cache_dir) if cached else None, jobs=1
    )
    return sorted((d.rule, d.path, d.line, d.message) for d in result.diagnostics)


def _edit_words(root: Path, words: str) -> None:
    data = resolution()
    data["preamble"][0]["items"][0]["text"] = f"that coordination among the Sectors is {words};"
    write(root / CITED, data)


def test_a_change_to_the_cited_file_that_leaves_what_is_cited_judges_no_citing_file(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory, judged: list[str]
) -> None:
    cache_dir = tmp_path_factory.mktemp("cache")
    check_in_corpus(["resolutions"], ["resolutions"], cache=Cache(cache_dir), jobs=1)
    _edit_words(corpus, "needed")
    first = _hook(corpus, cache_dir)
    assert len(judged) == 7  # the seven citing files, judged once
    assert [(r, p) for r, p, _, _ in first] == [
        ("reference-unresolved", "resolutions/pp/70/en.yaml")
    ]
    judged.clear()
    for words in ("essential", "required now", "needed more than ever"):
        _edit_words(corpus, words)
        assert _hook(corpus, cache_dir) == first
        assert judged == []
        assert _hook(corpus, cache_dir, cached=False) == first
        judged.clear()


def test_what_the_findings_depend_on_judges_the_citing_files_again(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory, judged: list[str]
) -> None:
    cache_dir = tmp_path_factory.mktemp("cache")
    _edit_words(corpus, "needed")
    assert len(_hook(corpus, cache_dir)) == 1
    judged.clear()

    # a citing file changed: its citation now broken too
    write(
        corpus / "resolutions/pp/61/en.yaml",
        _citing("61", "pp:191@2014#resolves/7", "resolves 7 of Resolution 191"),
    )
    found = _hook(corpus, cache_dir)
    assert judged, "the citing files were not judged again"
    assert [p for _, p, _, _ in found] == ["resolutions/pp/61/en.yaml", "resolutions/pp/70/en.yaml"]
    assert found == _hook(corpus, cache_dir, cached=False)

    # the cited file loses its clause 3: the six citations of it break
    judged.clear()
    data = resolution()
    del data["operative"][0]["clauses"][2]
    data["operative"][0]["clauses"][1]["text"] = "to avoid duplication of work between the Sectors."
    write(corpus / CITED, data)
    found = _hook(corpus, cache_dir)
    assert judged
    assert len(found) == 7
    assert found == _hook(corpus, cache_dir, cached=False)

    # its history changes: the citations of the 2014 revision break
    judged.clear()
    data = resolution(history=[{"event": "adopted", "place": "Guadalajara", "year": 2010}])
    data["conference"] = "The Plenipotentiary Conference (Guadalajara, 2010),"
    write(corpus / CITED, data)
    found = _hook(corpus, cache_dir)
    assert judged
    assert {r for r, _, _, _ in found} >= {"reference-revision"}
    assert found == _hook(corpus, cache_dir, cached=False)

    # a new file cites it
    judged.clear()
    write(
        corpus / "resolutions/pp/80/en.yaml",
        _citing("80", "pp:191#resolves/8", "resolves 8 of Resolution 191"),
    )
    found = _hook(corpus, cache_dir)
    assert "resolutions/pp/80/en.yaml" in judged
    assert found == _hook(corpus, cache_dir, cached=False)


def test_a_new_language_version_of_the_cited_resolution_judges_them_again(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory, judged: list[str]
) -> None:
    """reference-revision reads the other versions' histories: a version added beside
    the checked file is part of what the findings depend on."""
    cache_dir = tmp_path_factory.mktemp("cache")
    write(
        corpus / "resolutions/pp/62/en.yaml",
        _citing("62", "pp:191@2006#resolves/3", "resolves 3 of Resolution 191"),
    )
    found = _hook(corpus, cache_dir)
    assert ("reference-revision", "resolutions/pp/62/en.yaml") in [(r, p) for r, p, _, _ in found]
    judged.clear()
    french = resolution(language="fr")
    french["history"].insert(1, {"event": "revised", "place": "Antalya", "year": 2006})
    write(corpus / "resolutions/pp/191/fr.yaml", french)
    again = _hook(corpus, cache_dir)
    assert judged
    assert again == _hook(corpus, cache_dir, cached=False)
    assert ("reference-revision", "resolutions/pp/62/en.yaml") not in [
        (r, p) for r, p, _, _ in again
    ]


# -- what the inbound rules read of a cited resolution ----------------------------------


class _Recording(Summary):
    """A summary that notes which of its fields are read."""

    __slots__ = ()
    read: set[str] = set()  # noqa: RUF012 (one record for the test)

    def __getattribute__(self, name: str) -> Any:
        if name in Summary.__slots__:
            _Recording.read.add(name)
        return super().__getattribute__(name)


def _summaries(paths: list[Path]) -> Iterator[Summary]:
    runner = Runner(Config())
    for path in paths:
        o = analyse(str(path), path.read_bytes(), runner)
        if o.summary is not None:
            yield o.summary


def _defects(root: Path) -> list[Path]:
    """Cited resolutions and citations of them of every kind the inbound rules judge."""
    abrogated = resolution(number="210")
    abrogated["history"].append({"event": "abrogated", "place": "Bucharest", "year": 2022})
    written = [
        write(root / "pp/191/en.yaml", resolution()),
        write(root / "pp/191/fr.yaml", resolution(language="fr")),
        write(root / "pp/210/en.yaml", abrogated),
    ]
    late = resolution(number="50")
    late["history"].append({"event": "revised", "place": "Bucharest", "year": 2022})
    late["conference"] = "The Plenipotentiary Conference (Bucharest, 2022),"
    cites = [
        ("pp:191@2014#resolves/9", "resolves 9 of Resolution 191"),
        ("pp:191@2013#resolves/2", "resolves 2 of Resolution 191 (Rev. Busan, 2013)"),
        ("pp:191@2006#resolves/3", "resolves 3 of Resolution 191 (Rev. Antalya, 2006)"),
        ("pp:191#resolve/3", "resolve 3 of Resolution 191"),
        ("pp:191#instructs/1", "instructs 1 of Resolution 191"),
        ("pp:191#annex/2", "Annex 2 to Resolution 191"),
        ("pp:191#considering/c", "considering c) of Resolution 191"),
        ("pp:210@2018", "Resolution 210 (Dubai, 2018)"),
        ("pp:191@2010", "Resolution 191 (Rev. Guadalajara, 2010)"),
    ]
    for n, (target, words) in enumerate(cites):
        data = late if n % 2 else resolution(number=str(100 + n))
        data = {**data, "number": str(100 + n)}
        data["operative"] = [dict(data["operative"][0])]
        data["operative"][0]["clauses"] = [
            {"label": "1", "text": f"to apply [{words}]({target});"},
            {"label": "2", "text": "to report on the progress made every year."},
        ]
        written.append(write(root / f"pp/{100 + n}/en.yaml", data))
    return written


def test_the_inbound_rules_read_of_a_cited_resolution_only_what_the_key_holds(
    tmp_path: Path,
) -> None:
    paths = _defects(tmp_path / "resolutions")
    shared = Path(__file__).resolve().parents[1] / "resolutions"
    paths.extend(sorted(shared.rglob("*.yaml")))
    summaries = list(_summaries(paths))
    cited = {("pp", "191"), ("pp", "210")}
    index = Index()
    citing = []
    for s in summaries:
        if s.key in cited:
            index.add_summary(_Recording(*s.to_data()))
        else:
            index.add_summary(s)
            citing.append(s)
    runner = Runner(Config(), index)
    _Recording.read.clear()
    found = [f for s in citing for f in runner.corpus_findings(s, only=frozenset(cited))]
    # the citations of the kinds above were judged, and some found wanting
    assert {r.name for r, _ in found} >= {
        "reference-unresolved",
        "reference-revision",
        "reference-abrogated",
    }, found
    assert _Recording.read, "no cited resolution was read"
    assert _Recording.read <= set(CITED_READS), _Recording.read - set(CITED_READS)
    assert os.path.isdir(shared)
