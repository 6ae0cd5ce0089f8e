"""``itures log``: the git commits that touched a resolution, with its history.

A resolution file declares its own history (adoption, revisions,
abrogation); git records who changed the file and when. The log puts both
side by side: for every commit (newest first, following renames) the
history entries it added or removed, so that a reader sees which commit
recorded which revision.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from itures.corpus import read_data
from itures.files import file_stem
from itures.gitrepo import AbsentAtRevision, Commit, GitError, Repository

__all__ = ["FileLog", "LogEntry", "file_log", "render_json", "render_text"]


@dataclass(frozen=True)
class LogEntry:
    """One commit, and the declared history as of that commit."""

    commit: Commit
    history: tuple[str, ...] | None  # None: not a valid resolution in that commit
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    deleted: bool = False  # the commit deleted the file (history is None then)


@dataclass
class FileLog:
    path: str
    heading: str | None
    history: list[str]
    entries: list[LogEntry] = field(default_factory=list)
    # the file is not in the working tree: its heading and history are those
    # of the last commit that had it
    deleted: bool = False


def _history(data: bytes, name: str) -> tuple[str | None, tuple[str, ...] | None]:
    res = read_data(name, data)
    if res.resolution is None:
        return None, None
    r = res.resolution
    return r.heading, tuple(f"{h.event} {h.place}, {h.year}" for h in r.history)


def file_log(path: str | os.PathLike[str]) -> FileLog:
    """The log of one resolution file. Raises :class:`GitError` outside git
    or when no commit touches the file, :class:`IsADirectoryError` for a
    directory (a log is of one file: one language version)."""
    name = os.fspath(path)
    if os.path.isdir(name):
        raise IsADirectoryError(
            f"{name}: a directory; name one resolution file in it (one language version)"
        )
    repo = Repository(name)
    rel = repo.relative(name)
    commits = repo.log(rel)
    # a rename git follows from another language version (en.yaml deleted,
    # fr.yaml added alike) is not this file's history: it stops there
    stem = file_stem(rel)
    cut = next((i for i, c in enumerate(commits) if file_stem(c.path) != stem), None)
    if cut is not None:
        commits = commits[:cut]
    if not commits:
        raise GitError(f"{name}: no commit touches this file")
    heading: str | None = None
    declared: tuple[str, ...] | None = None
    if os.path.lexists(name):
        from itures.files import read

        try:  # the working tree's file, when it can be read (see itures.files)
            data: bytes | None = read(name)
        except OSError:
            data = None
        if data is not None:
            heading, declared = _history(data, name)
    versions: list[tuple[str, ...] | None] = []
    gone: set[int] = set()
    for i, commit in enumerate(commits):
        try:
            data = repo.show(commit.sha, commit.path)
        except AbsentAtRevision:  # the commit deleted the file
            versions.append(None)
            gone.add(i)
            continue
        except GitError:  # not read (see Repository.show): as an invalid file
            versions.append(None)
            continue
        h, hist = _history(data, commit.path)
        if heading is None and declared is None and h is not None:
            heading, declared = h, hist
        versions.append(hist)
    entries: list[LogEntry] = []
    for i, commit in enumerate(commits):
        now = versions[i]
        before = versions[i + 1] if i + 1 < len(versions) else ()
        added = tuple(e for e in (now or ()) if e not in (before or ()))
        # (a deletion removes the whole file, not entries of its history)
        removed = () if i in gone else tuple(e for e in (before or ()) if e not in (now or ()))
        entries.append(LogEntry(commit, now, added, removed, deleted=i in gone))
    deleted = not os.path.lexists(name)
    return FileLog(name, heading, list(declared or ()), entries, deleted=deleted)


def to_dict(log: FileLog) -> dict[str, Any]:
    return {
        "path": log.path,
        "heading": log.heading,
        "deleted": log.deleted,
        "history": log.history,
        "commits": [
            {
                "commit": e.commit.sha,
                "date": e.commit.date,
                "author": e.commit.author,
                "subject": e.commit.subject,
                "path": e.commit.path,
                "history": list(e.history) if e.history is not None else None,
                "added": list(e.added),
                "removed": list(e.removed),
                "deleted": e.deleted,
            }
            for e in log.entries
        ],
    }


def render_json(log: FileLog) -> str:
    return json.dumps(to_dict(log), ensure_ascii=False, indent=2) + "\n"


def render_text(log: FileLog) -> str:
    if log.deleted:
        head = f"{log.heading or '(never a valid resolution)'} (deleted)"
    else:
        head = log.heading or "(not a valid resolution now)"
    lines = [f"{log.path}: {head}", "declared history:"]
    lines.extend(f"  {h}" for h in log.history or ["(none)"])
    lines.append("commits:")
    for e in log.entries:
        c = e.commit
        line = f"  {c.short} {c.date} {c.author}: {c.subject}"
        notes = [f"+{a}" for a in e.added] + [f"-{r}" for r in e.removed]
        if e.deleted:
            notes.append("deleted")
        elif e.history is None:
            notes.append("not a valid resolution")
        if notes:
            line += f"  [{'; '.join(notes)}]"
        lines.append(line)
    return "\n".join(lines) + "\n"
