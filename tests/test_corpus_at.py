"""``Corpus.at(rev)``: the corpus as of a git revision, without checking out."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures import Corpus
from itures.gitrepo import GitError
from tests.conftest import commit_all, git, resolution, write

PATH = "resolutions/pp/191/en.yaml"


def test_corpus_at_a_revision(repo: Path) -> None:
    write(repo / PATH, resolution(title="First title"))
    first = commit_all(repo, "first")
    write(repo / PATH, resolution(title="Second title"))
    write(repo / "resolutions/wtdc/59/en.yaml", resolution(body="wtdc", number="59"))
    commit_all(repo, "second")
    (repo / PATH).write_text("body: [broken\n", encoding="utf-8")  # uncommitted

    corpus = Corpus("resolutions")
    old = corpus.at(first)
    assert old.files == [PATH]
    res = old.get("pp", "191", "en")
    assert res is not None and res.title == "First title"
    assert corpus.at("HEAD").get("pp", "191").title == "Second title"  # type: ignore[union-attr]
    assert len(corpus.at("HEAD")) == 2
    assert corpus.at("HEAD~1").check().diagnostics == []
    assert [d.rule for d in corpus.check().diagnostics] == ["yaml-syntax"]
    # nothing was checked out
    assert git(repo, "status", "--porcelain").split() == ["M", PATH]
    assert (repo / PATH).read_text(encoding="utf-8") == "body: [broken\n"


def test_corpus_at_a_directory_deleted_since(repo: Path) -> None:
    write(repo / PATH, resolution())
    first = commit_all(repo, "first")
    git(repo, "rm", "-q", "-r", "resolutions")
    commit_all(repo, "deleted")
    corpus = Corpus.__new__(Corpus)  # the directory no longer exists in the work tree
    corpus.root = Path("resolutions")
    assert corpus.at(first).files == [PATH]


def test_unknown_revision_and_no_repository(repo: Path, tmp_path: Path) -> None:
    write(repo / PATH, resolution())
    commit_all(repo, "first")
    with pytest.raises(GitError, match="nope: unknown revision"):
        Corpus("resolutions").at("nope")
    outside = tmp_path / "outside"
    write(outside / PATH, resolution())
    with pytest.raises(GitError):
        Corpus(outside / "resolutions").at("HEAD")


def test_a_revision_without_the_corpus_directory_checks_nothing_and_fails(repo: Path) -> None:
    """Corpus.at(rev) of a revision before the corpus was added was an empty
    corpus whose check passed (exit code 0): every other check of nothing
    fails with 2."""
    write(repo / "README.md", "A repository.\n")
    before = commit_all(repo, "no corpus yet")
    write(repo / PATH, resolution())
    commit_all(repo, "the corpus")
    old = Corpus("resolutions").at(before)
    assert len(old) == 0
    result = old.check()
    assert result.exit_code == 2
    assert result.failures == [
        f"resolutions: no resolution files at {old.rev[:10]}: nothing to check"
    ]
    assert Corpus("resolutions").at("HEAD").check().exit_code == 0
