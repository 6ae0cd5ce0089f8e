"""GitError's own words in the editor's language (git's words stay git's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from itures import i18n
from itures.gitrepo import AbsentAtRevision, GitError, Repository
from tests.conftest import commit_all


@pytest.fixture
def french() -> Iterator[None]:
    i18n.use("fr")
    yield
    i18n.use("en")


def test_git_errors_in_french(repo: Path, tmp_path: Path, french: None) -> None:
    (repo / "a.txt").write_text("a\n", encoding="utf-8")
    head = commit_all(repo, "first")
    git = Repository(repo)
    with pytest.raises(GitError, match=r"^nope : révision inconnue$"):
        git.resolve("nope")
    with pytest.raises(GitError, match=r"^'-x' : n'est pas une révision$"):
        git.resolve("-x")
    with pytest.raises(AbsentAtRevision, match=rf"^b\.txt : aucun fichier de ce nom à {head}$"):
        git.show(head, "b.txt")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    with pytest.raises(GitError, match=": hors du dépôt "):
        git.relative(outside)
    with pytest.raises(GitError, match=r"^.*elsewhere : n'est pas dans un dépôt git$"):
        Repository(outside)


def test_git_errors_in_english_by_default(repo: Path) -> None:
    with pytest.raises(GitError, match=r"^nope: unknown revision$"):
        Repository(repo).resolve("nope")
