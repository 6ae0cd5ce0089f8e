"""The corpus in git: files as of any revision, read without checking out.

Everything goes through the ``git`` command (plumbing only: ``rev-parse``,
``ls-tree``, ``cat-file --batch``, ``log``), so the working tree, the index and
the current branch are never touched. Errors are :class:`GitError` with
git's own message; the library never prints.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from itures.files import resolution_name
from itures.i18n import tr

__all__ = [
    "Commit",
    "GitError",
    "Repository",
]


class GitError(Exception):
    """git could not do what was asked (not a repository, unknown revision, ...)."""


class AbsentAtRevision(GitError):
    """The file is not in the revision asked (the change adds or deletes it)."""


def _run(args: Sequence[str], cwd: str, *, data: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=data,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError(tr("git is not installed (no 'git' command on PATH)")) from None
    except NotADirectoryError:
        raise GitError(tr("{path}: not a directory", path=cwd)) from None
    if proc.returncode != 0:
        # (git's own words, in git's language, when it says why)
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else tr("git {command} failed", command=args[0]))
    return proc.stdout


@dataclass(frozen=True)
class Commit:
    """One commit that touched a file: hash, date, author, subject, path then."""

    sha: str
    date: str
    author: str
    subject: str
    path: str  # the file's path (relative to the repository) in this commit
    # the path before this commit, when the commit renamed the file (as git
    # finds renames: ``-M``, content at least half alike)
    renamed_from: str | None = None

    @property
    def short(self) -> str:
        return self.sha[:10]


class Repository:
    """The git repository holding a path (any path inside its working tree)."""

    def __init__(self, path: str | os.PathLike[str] = ".") -> None:
        start = Path(path).resolve()
        cwd = start if start.is_dir() else start.parent
        while not cwd.exists():  # a path deleted since: ask from an existing parent
            cwd = cwd.parent
        try:
            top = _run(["rev-parse", "--show-toplevel"], str(cwd)).decode().strip()
        except GitError as exc:
            if "not a git repository" in str(exc):  # git's words: say which path
                raise GitError(
                    tr("{path}: not inside a git repository", path=os.fspath(path))
                ) from None
            raise
        self.top = Path(top).resolve()

    def git(self, *args: str, data: bytes | None = None) -> bytes:
        return _run(args, str(self.top), data=data)

    def relative(self, path: str | os.PathLike[str]) -> str:
        """A path as git names it: relative to the top, with ``/``; ``""`` is the top."""
        rel = os.path.relpath(Path(path).resolve(), self.top)
        if rel == ".":
            return ""
        if rel.startswith(".."):
            raise GitError(
                tr("{path}: outside the repository {top}", path=os.fspath(path), top=self.top)
            )
        return rel.replace(os.sep, "/")

    def resolve(self, rev: str) -> str:
        """The commit hash a revision names (``HEAD~2``, a branch, a tag, a hash)."""
        if not rev or rev.startswith("-"):
            raise GitError(tr("{rev}: not a revision", rev=repr(rev)))
        try:
            return (
                self.git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
            )
        except GitError:
            raise GitError(tr("{rev}: unknown revision", rev=rev)) from None

    def files(
        self, rev: str, prefix: str = "", refused: dict[str, str] | None = None
    ) -> list[tuple[str, str]]:
        """``(path, blob hash)`` of the files under ``prefix`` at ``rev``, sorted.

        Only regular files within :data:`itures.files.MAX_FILE_BYTES` are
        listed, as in the working tree (:mod:`itures.files`): a symbolic link
        (whose blob is where it points) or a larger file goes into
        ``refused`` (path -> why) instead.
        """
        from itures.files import MAX_FILE_BYTES

        args = ["ls-tree", "-r", "-z", "-l", "--full-tree", rev]
        if prefix:
            args += ["--", prefix]
        out: list[tuple[str, str]] = []
        for record in self.git(*args).split(b"\0"):
            if not record:
                continue
            meta, _, name = record.partition(b"\t")
            mode, kind, sha, size = meta.decode().split()
            path = name.decode("utf-8", "surrogateescape")
            if kind != "blob":
                continue
            if prefix and not (path == prefix or path.startswith(prefix.rstrip("/") + "/")):
                continue
            if mode not in ("100644", "100755"):
                if refused is not None:
                    refused[path] = tr("a symbolic link, not a regular file")
                continue
            if int(size) > MAX_FILE_BYTES:
                if refused is not None:
                    refused[path] = tr(
                        "{size} MB, more than the {most} MB a resolution file may have",
                        size=format(int(size) / 1e6, ".1f"),
                        most=format(MAX_FILE_BYTES / 1e6, ".0f"),
                    )
                continue
            out.append((path, sha))
        out.sort()
        return out

    def changed(self, rev: str, prefix: str = "") -> set[str]:
        """Paths under ``prefix`` whose content in the working tree differs from ``rev``
        (modified, added to the index, or deleted; untracked files are not listed)."""
        args = ["diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", rev, "--"]
        args.append(f":(top){prefix}" if prefix else ":(top)")
        out = self.git(*args)
        return {p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p}

    def renames(self, old: str, new: str | None = None) -> list[tuple[str, str]]:
        """(old path, new path) of each file renamed from commit ``old`` to
        commit ``new`` (to the working tree when None), as git finds renames
        (``-M``: content at least half alike)."""
        args = ["diff", "-M", "--name-status", "-z", "--no-ext-diff", old]
        out = self.git(*args, *([new] if new else []), "--").split(b"\0")
        pairs: list[tuple[str, str]] = []
        i = 0
        while i < len(out) and out[i]:
            status = out[i].decode("ascii", "replace")
            if status.startswith(("R", "C")):
                if status.startswith("R") and i + 2 < len(out):
                    pairs.append(
                        (
                            out[i + 1].decode("utf-8", "surrogateescape"),
                            out[i + 2].decode("utf-8", "surrogateescape"),
                        )
                    )
                i += 3
            else:
                i += 2
        return pairs

    def blobs(self, shas: Sequence[str]) -> list[bytes]:
        """The contents of blobs, in one ``git cat-file --batch``."""
        if not shas:
            return []
        raw = self.git("cat-file", "--batch", data=("\n".join(shas) + "\n").encode())
        out: list[bytes] = []
        pos = 0
        for sha in shas:
            end = raw.index(b"\n", pos)
            header = raw[pos:end].decode().split()
            if len(header) != 3:
                raise GitError(tr("{sha}: missing object", sha=sha))
            size = int(header[2])
            out.append(raw[end + 1 : end + 1 + size])
            pos = end + 1 + size + 1
        return out

    def show(self, rev: str, path: str) -> bytes:
        """The content of a file (path relative to the top) at a revision."""
        refused: dict[str, str] = {}
        found = [sha for p, sha in self.files(rev, path, refused) if p == path]
        if path in refused:
            raise GitError(
                tr("{path}: not read at {rev}: {why}", path=path, rev=rev[:10], why=refused[path])
            )
        if not found:
            raise AbsentAtRevision(tr("{path}: no such file at {rev}", path=path, rev=rev))
        return self.blobs(found)[0]

    def log(self, path: str) -> list[Commit]:
        """Commits that touched a file, newest first, following renames."""
        fmt = "%x00%H%x1f%ad%x1f%an%x1f%s"
        raw = self.git(
            "log", "--follow", "--date=short", f"--format={fmt}", "--name-status", "--", path
        ).decode("utf-8", "replace")
        commits: list[Commit] = []
        for chunk in raw.split("\0"):
            if not chunk.strip():
                continue
            head, _, names = chunk.partition("\n")
            sha, date, author, subject = head.split("\x1f", 3)
            name, before = path, None
            # "M\tpath", "A\tpath", "R095\told\tnew": the first line for the file
            status = next((n.split("\t") for n in names.splitlines() if "\t" in n), None)
            if status is not None:
                name = status[-1]
                if status[0].startswith("R") and len(status) == 3:
                    before = status[1]
            commits.append(Commit(sha, date, author, subject, name, before))
        return commits


def wanted(path: str) -> bool:
    """The files :func:`itures.files.discover` would take (yaml, nothing hidden)."""
    parts = path.split("/")
    return resolution_name(parts[-1]) and not any(p.startswith(".") for p in parts)
