"""``itures log``: the git commits that touched a resolution, with its history.

A resolution file declares its own history (adoption, revisions,
abrogation); git records who changed the file and when. The log puts both
side by side: for every commit (newest first, following renames) the
history entries it added or removed, so that a reader sees which commit
recorded which revision.

Each commit is compared with the last version before it that could be read:
a commit that left the file invalid (broken YAML, not a resolution) is shown
as such, and the commit that mends it is credited only with what it changed,
not with the whole history again. A deletion is compared alike: the file's
entries are not "removed" by it, nor "added" by the commit that brings it
back. A commit that renamed the file shows the path it had before, and one
that changed the resolution's identity (body, kind, number, language: a
renumbering) shows what it was before.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from itures.corpus import read_data
from itures.files import file_stem
from itures.gitrepo import AbsentAtRevision, Commit, GitError, Repository
from itures.i18n import tr

__all__ = ["FileLog", "LogEntry", "file_log", "render_json", "render_text"]


# the keys that say which resolution a file is, in the order they are shown
IDENTITY_KEYS = ("body", "kind", "number", "language")


@dataclass(frozen=True)
class LogEntry:
    """One commit, and the declared history as of that commit."""

    commit: Commit
    history: tuple[str, ...] | None  # None: not a valid resolution in that commit
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    deleted: bool = False  # the commit deleted the file (history is None then)
    # the path before the commit, when the commit renamed the file
    renamed_from: str | None = None
    # (key, before, after) of each identity key the commit changed, compared
    # with the last version before it that could be read
    identity_changes: tuple[tuple[str, str, str], ...] = ()


@dataclass
class FileLog:
    path: str
    heading: str | None
    history: list[str]
    entries: list[LogEntry] = field(default_factory=list)
    # the file is not in the working tree: its heading and history are those
    # of the last commit that had it
    deleted: bool = False


@dataclass(frozen=True)
class _Version:
    """What the log reads in one version of the file (a valid resolution)."""

    heading: str
    history: tuple[str, ...]
    identity: tuple[str, ...]  # the values of IDENTITY_KEYS


def _version(data: bytes, name: str) -> _Version | None:
    res = read_data(name, data)
    if res.resolution is None:
        return None
    r = res.resolution
    return _Version(
        r.heading,
        tuple(f"{h.event} {h.place}, {h.year}" for h in r.history),
        tuple(str(getattr(r, key)) for key in IDENTITY_KEYS),
    )


def file_log(path: str | os.PathLike[str]) -> FileLog:
    """The log of one resolution file. Raises :class:`GitError` outside git
    or when no commit touches the file, :class:`IsADirectoryError` for a
    directory (a log is of one file: one language version)."""
    name = os.fspath(path)
    if os.path.isdir(name):
        raise IsADirectoryError(
            tr(
                "{path}: a directory; name one resolution file in it (one language version)",
                path=name,
            )
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
        raise GitError(tr("{path}: no commit touches this file", path=name))
    heading: str | None = None
    declared: tuple[str, ...] | None = None
    if os.path.lexists(name):
        from itures.files import read

        try:  # the working tree's file, when it can be read (see itures.files)
            data: bytes | None = read(name)
        except OSError:
            data = None
        if data is not None:
            now = _version(data, name)
            if now is not None:
                heading, declared = now.heading, now.history
    versions: list[_Version | None] = []  # None: deleted, or not read as a resolution
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
        version = _version(data, commit.path)
        if heading is None and declared is None and version is not None:
            heading, declared = version.heading, version.history
        versions.append(version)
    # the last version before each commit that could be read (the commits are
    # newest first): a broken or deleted version in between is passed over
    last: list[_Version | None] = [None] * len(commits)
    for i in range(len(commits) - 2, -1, -1):
        last[i] = versions[i + 1] if versions[i + 1] is not None else last[i + 1]
    entries: list[LogEntry] = []
    for i, commit in enumerate(commits):
        now, before = versions[i], last[i]
        added: tuple[str, ...] = ()
        removed: tuple[str, ...] = ()
        changes: tuple[tuple[str, str, str], ...] = ()
        if now is not None:  # (an invalid or deleted version declares nothing)
            had = before.history if before is not None else ()
            added = tuple(e for e in now.history if e not in had)
            removed = tuple(e for e in had if e not in now.history)
            if before is not None:
                changes = tuple(
                    (key, old, new)
                    for key, old, new in zip(
                        IDENTITY_KEYS, before.identity, now.identity, strict=True
                    )
                    if old != new
                )
        entries.append(
            LogEntry(
                commit,
                now.history if now is not None else None,
                added,
                removed,
                deleted=i in gone,
                renamed_from=commit.renamed_from,
                identity_changes=changes,
            )
        )
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
                "renamed_from": e.renamed_from,
                "identity_changes": [
                    {"key": key, "from": old, "to": new} for key, old, new in e.identity_changes
                ],
            }
            for e in log.entries
        ],
    }


def render_json(log: FileLog) -> str:
    return json.dumps(to_dict(log), ensure_ascii=False, indent=2) + "\n"


def render_text(log: FileLog) -> str:
    """The log for a reader, in the language of the messages (the history
    entries, the commits' subjects and the identity keys as written)."""
    if log.deleted:
        head = tr("{heading} (deleted)", heading=log.heading or tr("(never a valid resolution)"))
    else:
        head = log.heading or tr("(not a valid resolution now)")
    lines = [f"{log.path}: {head}", tr("declared history:")]
    lines.extend(f"  {h}" for h in log.history or [tr("(none)")])
    lines.append(tr("commits:"))
    for e in log.entries:
        c = e.commit
        line = f"  {c.short} {c.date} {c.author}: {c.subject}"
        notes = [tr("renamed from {path}", path=e.renamed_from)] if e.renamed_from else []
        notes += [f"{key} {old} -> {new}" for key, old, new in e.identity_changes]
        notes += [f"+{a}" for a in e.added] + [f"-{r}" for r in e.removed]
        if e.deleted:
            notes.append(tr("deleted"))
        elif e.history is None:
            notes.append(tr("not a valid resolution"))
        if notes:
            line += f"  [{'; '.join(notes)}]"
        lines.append(line)
    return "\n".join(lines) + "\n"
