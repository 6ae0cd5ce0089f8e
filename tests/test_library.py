"""The library API: following citations (Corpus.resolve, Corpus.cited_by),
a clause's effective actors, len(Corpus), docstrings on every public name."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import itures
from itures.fragments import find
from itures.lookup import model_outline
from itures.rules import load_all
from itures.summary import summarise
from tests.conftest import resolution, write

CITED = "pp/191/en.yaml"


def _cited() -> dict[str, Any]:
    data = resolution()
    data["operative"].append(
        {
            "verb": "instructs",
            "heading": "instructs the Director of BDT, in collaboration with the Director of TSB",
            "actors": ["bdt-director"],
            "partners": ["tsb-director"],
            "clauses": [
                {
                    "label": "1",
                    "text": "to assist Member States;",
                    "clauses": [
                        {"label": "1.1", "text": "in training;", "actors": ["council"]},
                        {"label": "1.2", "text": "in planning;"},
                    ],
                },
                {"label": "2", "text": "to report.", "partners": ["tdag"]},
            ],
        }
    )
    data["annexes"] = [
        {"label": "1", "heading": "ANNEX 1", "items": [{"label": "1", "text": "A paragraph."}]},
        {"label": "2", "heading": "ANNEX 2"},
    ]
    return data


def _citing(number: str, *targets: str) -> dict[str, Any]:
    data = resolution(number=number)
    clauses = data["operative"][0]["clauses"]
    for i, target in enumerate(targets):
        clauses[i]["text"] = f"to apply [the text]({target});"
    return data


@pytest.fixture
def corpus(tmp_path: Path) -> itures.Corpus:
    write(tmp_path / CITED, _cited())
    write(tmp_path / "pp/60/en.yaml", _citing("60", "pp:191@2014#resolves/3", "pp:191"))
    write(tmp_path / "pp/61/en.yaml", _citing("61", "pp:191#instructs/1/1.1", "pp:60#resolves/9"))
    return itures.Corpus(tmp_path)


def test_resolve_returns_the_cited_part(corpus: itures.Corpus) -> None:
    whole = corpus.resolve("pp:191")
    assert isinstance(whole.target, itures.Resolution) and whole.target.number == "191"
    assert whole.path is not None and whole.path.endswith(CITED)

    clause = corpus.resolve("pp:191@2014#resolves/3")
    assert isinstance(clause.target, itures.Clause)
    assert clause.target.text.startswith("to report on the progress")
    assert (clause.year, clause.fragment, clause.reason) == (2014, ("resolves", "3"), None)

    nested = corpus.resolve("[words](pp:191#instructs/1/1.1)")
    assert isinstance(nested.target, itures.Clause) and nested.target.label == "1.1"
    assert nested.found

    section = corpus.resolve("pp:191#considering")
    assert isinstance(section.target, itures.PreambleSection)
    item = corpus.resolve("pp:191#considering/b")
    assert isinstance(item.target, itures.Item) and item.target.label == "b)"

    annex = corpus.resolve("pp:191#annex/2")
    assert isinstance(annex.target, itures.Annex) and annex.target.heading == "ANNEX 2"
    paragraph = corpus.resolve("pp:191#annex/1/1")
    assert isinstance(paragraph.target, itures.Item) and paragraph.target.text == "A paragraph."


def test_resolve_says_why_not_as_data(corpus: itures.Corpus) -> None:
    missing = corpus.resolve("pp:191#resolves/7")
    assert missing.target is None and not missing.found
    assert missing.resolution is not None  # the resolution is there, its clause is not
    assert missing.reason == "pp:191 has no clause '7' in 'resolves' (its clauses: 1, 2, 3)"

    absent = corpus.resolve("wtsa:57")
    assert (absent.target, absent.resolution, absent.reason) == (
        None,
        None,
        "wtsa:57 is not in the corpus",
    )
    malformed = corpus.resolve("pp:191#resolves/3@2014")
    assert malformed.target is None and "puts the revision after the clause" in str(
        malformed.reason
    )

    several = corpus.resolve_each("pp:191,60,999")
    assert [r.found for r in several] == [True, True, False]
    first = corpus.resolve("pp:191,60")
    assert first.found and "also cites pp:60" in str(first.reason)


def test_resolve_takes_a_parsed_citation(corpus: itures.Corpus) -> None:
    citing = corpus.get("pp", "61")
    assert citing is not None
    (_, cite), *_ = citing.citations()
    assert corpus.resolve(cite).target == corpus.resolve("pp:191#instructs/1/1.1").target


def test_resolve_names_the_files_of_a_shared_identity(
    corpus: itures.Corpus, tmp_path: Path
) -> None:
    write(tmp_path / "pp/191/copy.yaml", _cited())
    again = itures.Corpus(tmp_path)
    found = again.resolve("pp:191#resolves/1")
    assert found.target is None
    assert "2 files have the identity pp:191 (en)" in str(found.reason)
    assert len(again) == 4 == len(list(again))  # both files count: len counts files


def test_len_counts_valid_files(corpus: itures.Corpus, tmp_path: Path) -> None:
    assert len(corpus) == 3
    (tmp_path / "pp/62").mkdir()
    (tmp_path / "pp/62/en.yaml").write_text("body: [", encoding="utf-8")
    again = itures.Corpus(tmp_path)
    assert len(again) == 3 and len(again.files) == 4


def test_cited_by_lists_inbound_citations(corpus: itures.Corpus) -> None:
    every = corpus.cited_by("pp", "191")
    assert [(i.path.rsplit("/", 3)[-3:], i.target) for i in every] == [
        (["pp", "60", "en.yaml"], "pp:191@2014#resolves/3"),
        (["pp", "60", "en.yaml"], "pp:191"),
        (["pp", "61", "en.yaml"], "pp:191#instructs/1/1.1"),
    ]
    first = every[0]
    assert (first.body, first.number, first.language) == ("pp", "60", "en")
    assert first.pointer == ("operative", 0, "clauses", 0, "text")
    assert first.words == "the text" and first.offset == len("to apply ")

    of_clause = corpus.cited_by("pp", "191", "resolves/3")
    assert [i.target for i in of_clause] == ["pp:191@2014#resolves/3"]
    assert corpus.cited_by("pp:191#resolves/3") == of_clause
    # a citation of a part of clause 1 cites clause 1
    assert [i.target for i in corpus.cited_by("pp", "191", ("instructs", "1"))] == [
        "pp:191#instructs/1/1.1"
    ]
    assert corpus.cited_by("pp", "191", "resolves/1") == []
    assert [i.number for i in corpus.cited_by("pp", "60")] == ["61"]


def test_effective_actors_are_inherited_from_the_section() -> None:
    res = itures.Resolution.model_validate(_cited())
    instructs = res.operative[1]
    one, two = instructs.clauses
    assert res.actors_of(one) == (("bdt-director",), ("tsb-director",))
    assert res.actors_of(one.clauses[0]) == itures.Actors(("council",), ("tsb-director",))
    assert res.actors_of(one.clauses[1]).actors == ("bdt-director",)
    assert res.actors_of(two) == (("bdt-director",), ("tdag",))
    assert res.actors_of(res.operative[0].clauses[0]) == ((), ())
    # an equal clause (a copy) is found too; a clause of another resolution is not
    assert res.actors_of(one.model_copy()) == res.actors_of(one)
    with pytest.raises(LookupError):
        res.actors_of(itures.Clause(label="9", text="elsewhere."))


SEGMENTS = st.lists(
    st.sampled_from(
        ["resolves", "instructs", "considering", "annex", "1", "2", "3", "1.1", "a", "b", "7"]
    ),
    max_size=4,
)


@given(SEGMENTS)
def test_the_rule_and_the_library_agree_on_every_fragment(fragment: list[str]) -> None:
    """One walk (itures.fragments): reference-unresolved's reason is resolve's."""
    load_all()  # the rules register in their catalogue order before one is imported here
    from itures.rules.references import resolve_fragment

    res = itures.Resolution.model_validate(_cited())
    why = resolve_fragment(summarise("x.yaml", res), tuple(fragment))
    found, reason = find(model_outline(res), tuple(fragment))
    assert reason == why
    assert (found is not None) == (why is None and bool(fragment))


def _undocumented(obj: object, name: str) -> list[str]:
    missing = [] if inspect.getdoc(obj) else [name]
    if not inspect.isclass(obj):
        return missing
    for attr, value in vars(obj).items():
        if attr.startswith("_") and attr not in ("__len__", "__iter__", "__contains__"):
            continue
        if isinstance(value, property | staticmethod | classmethod) or inspect.isfunction(value):
            target = value.fget if isinstance(value, property) else value
            if not (getattr(target, "__doc__", None) or "").strip():
                missing.append(f"{name}.{attr}")
    return missing


def test_every_public_name_has_a_docstring() -> None:
    missing: list[str] = []
    for name in itures.__all__:
        if name == "__version__":
            continue
        missing.extend(_undocumented(getattr(itures, name), name))
    assert missing == []


def test_resolve_says_a_revision_the_resolution_never_had(corpus: itures.Corpus) -> None:
    never = corpus.resolve("pp:191@1999#resolves/3")
    assert never.target is None and not never.found and never.resolution is not None
    assert never.reason == "pp:191 has no revision of 1999 (its history: 2010, 2014)"


def test_an_identity_is_read_as_a_caller_writes_it(corpus: itures.Corpus) -> None:
    """A number given as an int, a body in capitals, a fragment copied with
    its '#': the same resolution; a language none of the six is an error, not
    a resolution the corpus lacks."""
    found = corpus.get("pp", "191", "en")
    assert found is not None
    assert corpus.get("PP", 191, "en") == found  # type: ignore[arg-type]
    assert corpus.paths_of("PP", 191) == corpus.paths_of("pp", "191")  # type: ignore[arg-type]
    assert corpus.cited_by("pp", "191", "#resolves/3") == corpus.cited_by("pp", "191", "resolves/3")
    assert corpus.cited_by("pp", "191", "#resolves/3")
    with pytest.raises(ValueError, match="'english' is not a language of the corpus"):
        corpus.get("pp", "191", "english")
    with pytest.raises(TypeError, match="a resolution number is a str"):
        corpus.get("pp", 19.1, "en")  # type: ignore[arg-type]


def test_get_of_a_file_that_is_not_valid_says_why(corpus: itures.Corpus, tmp_path: Path) -> None:
    """A corpus never hides a file: get() of an identity whose file is broken
    raises LoadError with its diagnostics, not None as for one it lacks."""
    bad = resolution(number="210")
    bad["number"] = 210  # (unquoted: not a string)
    write(tmp_path / "pp/210/en.yaml", bad)
    fresh = itures.Corpus(tmp_path)
    with pytest.raises(itures.LoadError) as raised:
        fresh.get("pp", "210", "en")
    assert raised.value.path.endswith("pp/210/en.yaml") and raised.value.diagnostics
    with pytest.raises(itures.LoadError):
        fresh.get("pp", "210")
    assert fresh.get("pp", "211", "en") is None


def test_resolve_of_a_year_before_a_partly_known_history_is_found(tmp_path: Path) -> None:
    """The check does not report a citation of a year before the first entry
    of a history that does not start with the adoption (the revision is not
    known to be missing); resolve() said it did not resolve, "has no
    revision of 2006"."""
    cited = resolution(
        history=[{"event": "revised", "place": "Busan", "year": 2014}],
    )
    write(tmp_path / CITED, cited)
    write(tmp_path / "pp/60/en.yaml", _citing("60", "pp:191@2006#resolves/3"))
    corpus = itures.Corpus(tmp_path)
    assert corpus.check().exit_code == 0
    found = corpus.resolve("pp:191@2006#resolves/3")
    assert found.found and found.reason is None and found.target.label == "3"  # type: ignore[union-attr]
    # a history that starts with the adoption: a year before it is one it never had
    adopted = resolution(
        history=[{"event": "adopted", "place": "Busan", "year": 2014}],
    )
    write(tmp_path / CITED, adopted)
    never = itures.Corpus(tmp_path).resolve("pp:191@2006#resolves/3")
    assert not never.found and never.reason == "pp:191 has no revision of 2006 (its history: 2014)"
