"""Identity across files: the corpus never hides a file, and check says where each belongs.

The rules themselves are shown in tests/rules/cases/identity.yaml; here: the
library's :class:`itures.Corpus` and :class:`itures.corpus.Index` with two
files of one identity, the commit-hook run that sees the clash with a file it
was not given, and the cache, which keeps a file's findings by content while
``identity-path`` depends on where the file is.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import itures
from itures.cache import Cache
from itures.cli import main
from itures.config import load
from itures.corpus import Index, check_in_corpus, check_paths
from itures.summary import Summary
from tests.conftest import ROOT

ORIGINAL = ROOT / "resolutions" / "wtdc" / "59" / "fr.yaml"


def _repo(tmp: Path) -> Path:
    """A corpus repository with Resolution 59 and a copy started as 61 that kept '59'."""
    (tmp / ".git").mkdir()
    (tmp / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    for number in ("59", "61"):
        target = tmp / "resolutions" / "wtdc" / number / "fr.yaml"
        target.parent.mkdir(parents=True)
        shutil.copyfile(ORIGINAL, target)
    return tmp


def test_corpus_keeps_both_files_of_one_identity_and_get_names_them(tmp_path: Path) -> None:
    root = _repo(tmp_path) / "resolutions"
    corpus = itures.Corpus(root)
    assert len(corpus) == 2
    assert len(list(corpus)) == 2  # iteration yields both
    paths = [str(root / "wtdc" / n / "fr.yaml") for n in ("59", "61")]
    assert corpus.paths_of("wtdc", "59", "fr") == paths
    assert corpus.paths_of("wtdc", "59") == paths
    for language in ("fr", None):
        with pytest.raises(itures.DuplicateIdentity) as info:
            corpus.get("wtdc", "59", language)
        assert info.value.paths == paths
        assert str(info.value) == (
            f"2 files have the identity wtdc 59 (fr): {paths[0]}, {paths[1]}; "
            "`itures check` reports them (identity-duplicate)"
        )
    assert corpus.get("wtdc", "61", "fr") is None
    # once the copy says its own number, each file is found by its identity
    copy = root / "wtdc" / "61" / "fr.yaml"
    copy.write_text(copy.read_text(encoding="utf-8").replace("number: '59'", "number: '61'"))
    corpus = itures.Corpus(root)
    found = corpus.get("wtdc", "61", "fr")
    assert found is not None and found.number == "61"
    assert corpus.paths_of("wtdc", "59", "fr") == [paths[0]]


def _summary(path: str, number: str = "1", language: str = "en") -> Summary:
    return Summary(path, "pp", number, language, (), (), (), (), (), ())


@given(
    st.lists(
        st.tuples(st.sampled_from("abcde"), st.sampled_from("12"), st.sampled_from(["en", "fr"])),
        max_size=12,
    )
)
def test_the_index_holds_every_path_whatever_the_order(
    entries: list[tuple[str, str, str]],
) -> None:
    """The law: every path added is held once (the last summary of a path wins),
    and each identity answers with its first file by path, in any order of adding."""
    index = Index()
    latest: dict[str, tuple[str, str]] = {}
    for name, number, language in entries:
        index.add_summary(_summary(f"{name}.yaml", number, language))
        latest[f"{name}.yaml"] = (number, language)
    assert sorted(s.path for s in index) == sorted(latest)
    assert len(index) == len(latest)
    for number in "12":
        for language in ("en", "fr"):
            paths = sorted(p for p, ident in latest.items() if ident == (number, language))
            assert [s.path for s in index.same_identity("pp", number, language)] == paths
            found = index.summary("pp", number, language)
            assert (found.path if found else None) == (paths[0] if paths else None)
    assert sorted(len(g) for g in index.duplicates()) == sorted(
        n
        for n in (
            sum(1 for ident in latest.values() if ident == key) for key in set(latest.values())
        )
        if n > 1
    )


def test_the_commit_hook_reports_a_clash_with_a_file_it_was_not_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    new = "resolutions/wtdc/61/fr.yaml"
    code = main(["check", "--format", "json", "--corpus", "resolutions", new])
    report = json.loads(capsys.readouterr().out)
    found = [(d["path"], d["rule"], d["line"], d["column"]) for d in report["diagnostics"]]
    # one defect, one finding: the copy (wtdc/59/fr.yaml, where the layout puts
    # the identity, is the original) is told to take its folder's number
    assert found == [(new, "identity-path", 3, 9)]
    (only,) = report["diagnostics"]
    assert only["message"] == (
        "its path says number 61, its content says 59, the identity of "
        "resolutions/wtdc/59/fr.yaml: a copy whose number was not changed?"
    )
    assert only["help"] == (
        "write number as its path says: number: '61' (moving the file would replace "
        "resolutions/wtdc/59/fr.yaml)"
    )
    assert code == 1
    # the library's entry point for the hook says the same
    result = check_in_corpus([new], ["resolutions"], config=load("pyproject.toml"))
    assert [d.rule for d in result.diagnostics] == ["identity-path"]


def test_identity_path_follows_a_file_moved_with_the_cache_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache keeps a file's findings by content; where the file is still counts."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    right = repo / "resolutions" / "wtdc" / "59" / "fr.yaml"
    right.parent.mkdir(parents=True)
    shutil.copyfile(ORIGINAL, right)
    monkeypatch.chdir(repo)
    config = load("pyproject.toml")
    cache = Cache(tmp_path / "cache")

    def rules() -> list[str]:
        return [d.rule for d in check_paths(["resolutions"], config, cache=cache).diagnostics]

    assert rules() == []
    wrong = repo / "resolutions" / "wtdc" / "60" / "fr.yaml"
    wrong.parent.mkdir()
    right.rename(wrong)
    assert rules() == ["identity-path"]
    wrong.rename(right)
    assert rules() == []


def test_the_example_corpora_have_each_file_in_its_place() -> None:
    for top in (ROOT, ROOT / "tests" / "rules" / "corpus"):
        config = load(top / "pyproject.toml")
        assert config.corpus is not None
        result = check_paths([config.corpus], config, jobs=1)
        assert not [d for d in result.diagnostics if d.rule.startswith("identity-")]


def test_a_finding_names_five_of_many_files_of_one_identity(tmp_path: Path) -> None:
    # a corpus copied without renumbering: each file names a few of the others,
    # not all of them (n files each naming n - 1 others is n * n)
    root = _repo(tmp_path)
    # no file where the layout puts the identity (which is the copy is not
    # known): every file is reported as a duplicate
    (root / "resolutions" / "wtdc" / "59" / "fr.yaml").unlink()
    for number in range(62, 71):
        target = root / "resolutions" / "wtdc" / str(number) / "fr.yaml"
        target.parent.mkdir(parents=True)
        shutil.copyfile(ORIGINAL, target)
    found = [
        d
        for d in check_paths([root / "resolutions"], jobs=1).diagnostics
        if d.rule == "identity-duplicate"
    ]
    assert len(found) == 10
    first = found[0]
    assert first.path.endswith("wtdc/61/fr.yaml")
    assert first.message.startswith(
        "9 other files have the same identity (body wtdc, number 59, language fr): "
    )
    assert first.message.endswith(" and 4 more")
    named = first.message.split(": ", 1)[1].removesuffix(" and 4 more").split(", ")
    assert len(named) == 5 and all(n.endswith("/fr.yaml") for n in named)
    assert [r.path for r in first.related] == named


def _misspelt(tmp_path: Path, config: str = "", formula: str | None = None) -> dict[str, Any]:
    """The findings of wtdc/59/fr.yaml with 'wtcd' for 'wtdc' in a configured corpus."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(f'[tool.itures]\ncorpus = "resolutions"\n{config}')
    target = tmp_path / "resolutions" / "wtdc" / "59" / "fr.yaml"
    target.parent.mkdir(parents=True)
    text = ORIGINAL.read_text(encoding="utf-8").replace("body: wtdc", "body: wtcd", 1)
    if formula is not None:
        text = text.replace(
            "La Conférence mondiale de développement des télécommunications", formula, 1
        )
    target.write_text(text, encoding="utf-8")
    found = check_paths([target], jobs=1).diagnostics
    assert len(found) == len({d.rule for d in found})
    return {d.rule: d for d in found}


def test_a_misspelt_body_is_one_finding_corrected_in_place_not_moved(tmp_path: Path) -> None:
    # 'wtcd' for 'wtdc' in wtdc/59/fr.yaml: the formula names WTDC, the path says
    # wtdc: one defect, one finding (the history rule's, which names the formula),
    # that asks to correct the body (not to move the file to wtcd/)
    found = _misspelt(tmp_path)
    assert sorted(found) == ["history"]  # not identity-path, not reference-text
    assert found["history"].help == "write 'body: wtdc'"
    assert found["history"].pointer == "/body"


def test_a_misspelt_body_is_said_by_the_path_check_when_the_history_rule_is_off(
    tmp_path: Path,
) -> None:
    found = _misspelt(tmp_path, 'ignore = ["history"]\n')
    assert sorted(found) == ["identity-path"]
    assert found["identity-path"].help == ("write 'body: wtdc' ('wtcd' is not a body itures knows)")
    assert found["identity-path"].pointer == "/body"


def test_a_misspelt_body_the_formula_does_not_name_is_said_by_the_path_check(
    tmp_path: Path,
) -> None:
    # the formula names another conference: the history rule says the formula is
    # another body's; the path alone says the body is misspelt
    found = _misspelt(tmp_path, formula="La Conférence de plénipotentiaires")
    assert found["identity-path"].help == ("write 'body: wtdc' ('wtcd' is not a body itures knows)")
    assert "history" not in found or found["history"].pointer != "/body"


def test_a_number_mistyped_among_the_versions_beside_it_is_corrected_not_moved(
    tmp_path: Path,
) -> None:
    """'number: 85' in pp/58/fr.yaml beside pp/58's English and Spanish
    versions: the content is the slip. Moving the file, the advice before,
    took the French version out of its resolution and left the check silent.
    A file alone in its folder keeps both ways out."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    for language in ("en", "es", "fr"):
        text = ORIGINAL.read_text(encoding="utf-8").replace("language: fr", f"language: {language}")
        if language == "fr":
            text = text.replace("number: '59'", "number: '95'")
        target = tmp_path / "resolutions" / "wtdc" / "59" / f"{language}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    alone = tmp_path / "resolutions" / "wtdc" / "60" / "fr.yaml"
    alone.parent.mkdir(parents=True)
    alone.write_text(ORIGINAL.read_text(encoding="utf-8").replace("number: '59'", "number: '61'"))
    found = {
        d.path.split("resolutions/")[-1]: d.help
        for d in check_paths([tmp_path / "resolutions"], jobs=1).diagnostics
        if d.rule == "identity-path"
    }
    assert found["wtdc/59/fr.yaml"] == (
        "write number as its path and the 2 other language versions beside it say: number: '59'"
    )
    assert found["wtdc/60/fr.yaml"].startswith("move the file to ")
