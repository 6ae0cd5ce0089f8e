"""The one safe way to read a file, for every command.

A corpus repository takes pull requests from many delegations: its files,
symbolic links included (git stores them), are untrusted input to ``check``,
``fmt``, ``diff``, ``log``, ``render`` and ``import``. Every file they read
goes through :func:`read`, which decides:

* **Regular files only.** The file's type is looked at before it is opened
  (a device may act when opened) and again once it is open (opened
  non-blocking, so a FIFO named ``p.yaml`` never blocks, and the check and
  the read are on the same file). A FIFO, a device, a socket or a directory
  is refused: ``p.yaml: not checked: a FIFO, not a regular file``.
* **Within a limit.** At most the limit plus one byte is ever read, whatever
  ``st_size`` says (it is 0 for ``/dev/zero``, and a file may grow while it is
  read): a file above the limit is refused with its size when it is known.
* **Symbolic links stay inside.** A file is read only when its real location
  (links resolved) lies inside its *root*: the git repository holding the
  path as written (the nearest directory above it with a ``.git``), else the
  corpus root (see :func:`root_of`). A link that leads out is refused, not
  followed, and the message does not say where it leads (the target of a
  hostile link may itself be the message, or reveal a private path). Links
  that stay inside (a resolution shared by two folders) are followed.
* **Failures are data.** :class:`FileRefused` (an :class:`OSError`) says why,
  in words for an editor; :meth:`FileRefused.message` gives the line the
  commands print, with the command's verb (``not checked``, ``not
  formatted``).

The module is the lowest layer: it imports nothing of itures.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from typing import Any

try:  # the C implementation alone: hashlib loads OpenSSL, a few milliseconds of start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b

__all__ = [
    "MAX_FILE_BYTES",
    "SUFFIXES",
    "FileRefused",
    "clear_memo",
    "content_hash",
    "discover",
    "distinct",
    "read",
    "resolution_name",
    "root_of",
]

SUFFIXES = (".yaml", ".yml")  # what discovery takes from a directory, in any case

NO_FILES = "{path}: no resolution files here (*.yaml or *.yml, hidden ones aside): nothing to check"
"""The failure of a directory given to check that holds no resolution file
(:func:`discover` with ``require``)."""

# The longest resolutions, annexes included, are a few hundred KB. A file
# above this is not read (a 50 MB file of short items would take seconds and a
# gigabyte to parse); it is reported as not checked.
MAX_FILE_BYTES = 10_000_000


class FileRefused(OSError):
    """A file that is not read, and why.

    ``reason`` is a phrase for an editor (``a FIFO, not a regular file``);
    ``refused`` is true when itures refuses the file (its type, its size, a
    link leading out), false when the system could not read it (then
    ``reason`` is the system's message, e.g. ``Permission denied``).
    """

    def __init__(self, path: str, reason: str, *, refused: bool = True, code: int = 0) -> None:
        super().__init__(code or errno.EPERM, reason, path)
        self.path = path
        self.reason = reason
        self.refused = refused

    def message(self, verb: str = "not checked") -> str:
        """``path: verb: reason`` (``path: cannot read: reason`` for a system error),
        in the language of the messages (a verb given in English is translated)."""
        from itures.i18n import tr

        if self.refused:
            return f"{self.path}: {_verb(verb)}: {self.reason}"
        return f"{self.path}: " + tr("cannot read: {reason}", reason=self.reason)

    def __str__(self) -> str:
        return self.message()


def _verb(verb: str) -> str:
    """What was not done with a refused file, in the language of the messages."""
    from itures.i18n import tr

    known = {
        "not checked": lambda: tr("not checked"),
        "not compared": lambda: tr("not compared"),
        "not formatted": lambda: tr("not formatted"),
        "not fixed": lambda: tr("not fixed"),
        "not read": lambda: tr("not read"),
    }
    said = known.get(verb)
    return said() if said is not None else verb


# -- roots -----------------------------------------------------------------------

# directory (absolute, as written) -> (root as written, root resolved, "repository" or
# "directory"); and directory as written -> resolved. Both only grow during a run;
# :func:`clear_memo` empties them (every check run starts with it).
_ROOTS: dict[str, tuple[str, str, str]] = {}
# directories the user chose to work in besides the working directory (the
# folders of an editor's workspace: see :func:`work_in`)
_CHOSEN: list[str] = []


def work_in(directories: list[str]) -> None:
    """Take ``directories`` as chosen to work in, as the working directory is
    (outside a git repository, a file under one of them is read within it,
    and its configuration looked for up to it: the folders of an editor's
    workspace after the first, which the language server works from)."""
    _CHOSEN[:] = [os.path.abspath(d) for d in directories]
    clear_memo()


_REAL: dict[str, str] = {}
_REPOS: dict[str, str | None] = {}  # directory -> the top of its repository, if any


def clear_memo() -> None:
    """Forget the roots and resolved directories found so far (a new run)."""
    _ROOTS.clear()
    _REAL.clear()
    _REPOS.clear()


def _real(directory: str) -> str:
    """``os.path.realpath`` of an absolute directory, one ``lstat`` per new folder."""
    found = _REAL.get(directory)
    if found is None:
        parent, name = os.path.split(directory)
        if not name or parent == directory:
            found = os.path.realpath(directory)
        else:
            try:
                link = stat.S_ISLNK(os.lstat(directory).st_mode)
            except OSError:
                link = True  # let realpath say what it is
            if link or name in (os.curdir, os.pardir):
                found = os.path.realpath(directory)
            else:
                found = os.path.join(_real(parent), name)
        _REAL[directory] = found
    return found


def _repository(directory: str) -> str | None:
    """The nearest directory at or above ``directory`` holding ``.git``."""
    here = directory
    visited: list[str] = []
    found: str | None = None
    while True:
        if here in _REPOS:
            found = _REPOS[here]
            break
        visited.append(here)
        if os.path.lexists(os.path.join(here, ".git")):
            found = here
            break
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    for seen in visited:  # a corpus has many folders under one top: one walk up
        _REPOS[seen] = found
    return found


def root_of(path: str | os.PathLike[str]) -> tuple[str, str]:
    """The root a file or directory is read within: ``(root, kind)``.

    ``kind`` is ``"repository"`` when the path lies in a git repository
    (``root`` is its top: the nearest directory above the path as written
    holding ``.git``). Outside any repository, the corpus root is the working
    directory when the path lies under it (the user chose to work there),
    else the path itself if it is a directory, else the directory holding it;
    ``kind`` is then ``"directory"``. Configuration discovery stops at the
    same root (:func:`itures.config.find`).
    """
    p = os.path.abspath(os.fspath(path))
    directory = p if os.path.isdir(p) else os.path.dirname(p)
    top, _, kind = _root(directory)
    return top, kind


def _root(directory: str) -> tuple[str, str, str]:
    known = _ROOTS.get(directory)
    if known is not None:
        return known
    repo = _repository(directory)
    if repo is not None:
        found = (repo, _real(repo), "repository")
    else:
        top = directory
        for chosen in (os.getcwd(), *_CHOSEN):
            if directory == chosen or directory.startswith(chosen.rstrip(os.sep) + os.sep):
                top = chosen
                break
        found = (top, _real(top), "directory")
    if len(_ROOTS) > 100_000:  # a long-running process: do not grow without end
        clear_memo()
    _ROOTS[directory] = found
    return found


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _outside(path: str, kind: str, folder: bool) -> FileRefused:
    from itures.i18n import tr

    # (one message per place: "the repository", "the checked directory")
    if folder and kind == "repository":
        reason = tr(
            "its folder is reached through a symbolic link leading outside the repository; "
            "links out of it are not followed"
        )
    elif folder:
        reason = tr(
            "its folder is reached through a symbolic link leading outside the checked "
            "directory; links out of it are not followed"
        )
    elif kind == "repository":
        reason = tr(
            "a symbolic link leading outside the repository; links out of it are not followed "
            "(put the file itself there)"
        )
    else:
        reason = tr(
            "a symbolic link leading outside the checked directory; links out of it are not "
            "followed (put the file itself there)"
        )
    return FileRefused(path, reason)


# -- reading ---------------------------------------------------------------------


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    from itures.i18n import tr

    if stat.S_ISFIFO(mode):
        return tr("a FIFO, not a regular file")
    if stat.S_ISCHR(mode):
        return tr("a character device, not a regular file")
    if stat.S_ISBLK(mode):
        return tr("a block device, not a regular file")
    if stat.S_ISSOCK(mode):
        return tr("a socket, not a regular file")
    if stat.S_ISDIR(mode):
        return tr("a directory, not a regular file")
    return tr("not a regular file")


def read(
    path: str | os.PathLike[str],
    *,
    limit: int = MAX_FILE_BYTES,
    what: str = "a resolution file",
    contained: bool = True,
) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises :class:`FileRefused` (see the module docstring) when the file is
    not a regular file, is larger than ``limit`` (``what`` names the kind of
    file in the message: "more than the 10 MB a resolution file may have"),
    leads outside its root through a symbolic link (unless ``contained`` is
    false: a file the user named outside any corpus, such as ``--config``),
    or cannot be read.
    """
    return read_seen(path, limit=limit, what=what, contained=contained)[0]


def read_seen(
    path: str | os.PathLike[str],
    *,
    limit: int = MAX_FILE_BYTES,
    what: str = "a resolution file",
    contained: bool = True,
) -> tuple[bytes, os.stat_result | None]:
    """:func:`read`, and the ``lstat`` of ``path`` taken before the file was
    opened (None when ``contained`` is false: none is taken). Whatever the
    file held when it was read, its times and size now differ from that
    ``lstat`` if it changed since: the cache records the two together
    (:meth:`itures.cache.Cache.record`)."""
    name = os.fspath(path)
    seen: os.stat_result | None = None
    absolute = os.path.abspath(name)
    directory = os.path.dirname(absolute)
    target = absolute
    if contained:
        _, root_real, kind = _root(directory)
        real_dir = _real(directory)
        if not _inside(real_dir, root_real):
            raise _outside(name, kind, folder=True)
        try:
            st = seen = os.lstat(absolute)
        except OSError as exc:
            raise _system(name, exc) from None
        if stat.S_ISLNK(st.st_mode):
            try:
                target = os.path.realpath(absolute, strict=True)
                st = os.stat(target)
            except OSError as exc:
                raise _system(name, exc) from None
            if not _inside(target, root_real):
                raise _outside(name, kind, folder=False)
    else:
        try:
            st = os.stat(target)
        except OSError as exc:
            raise _system(name, exc) from None
    problem = _not_regular(st.st_mode)
    if problem is not None:  # refused before opening: opening a device may act
        raise FileRefused(name, problem)
    if st.st_size > limit:
        raise _too_big(name, st.st_size, limit, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if contained:
        flags |= getattr(os, "O_NOFOLLOW", 0)  # the resolved path: a link now is a race
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        raise _system(name, exc) from None
    try:
        st = os.fstat(fd)
        problem = _not_regular(st.st_mode)
        if problem is not None:  # replaced between the two looks
            raise FileRefused(name, problem)
        if st.st_size > limit:
            raise _too_big(name, st.st_size, limit, what)
        data = read_open(fd, st.st_size, limit)
        if data is None:
            raise _too_big(name, None, limit, what)
    except FileRefused:
        raise
    except OSError as exc:
        raise _system(name, exc) from None
    finally:
        os.close(fd)
    return data, seen


def read_open(fd: int, size: int, limit: int) -> bytes | None:
    """The bytes of an open regular file of ``size`` bytes (as it was when
    looked at), None when it has more than ``limit``.

    Read with :func:`os.read` in pieces: the size expected and one more byte
    first (the end of the file, or that it grew), then 64 KB at a time; never
    through a buffered file asked for ``limit`` bytes, which makes a buffer
    of that size for every file (10 MB)."""
    chunks: list[bytes] = []
    got = 0
    want = size + 1
    while got <= limit:
        chunk = os.read(fd, min(max(want, 65536), limit + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        want = 65536
    if got > limit:
        return None
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _too_big(path: str, size: int | None, limit: int, what: str) -> FileRefused:
    from itures.i18n import tr

    most = f"{limit / 1e6:.0f}"
    # (one message per kind of file: its noun is not put into a sentence)
    if what == "a resolution file":
        said = tr("more than the {most} MB a resolution file may have", most=most)
    elif what == "a configuration file":
        said = tr("more than the {most} MB a configuration file may have", most=most)
    elif what == "a rendering":
        said = tr("more than the {most} MB a rendering may have", most=most)
    elif what == "a source to import":
        said = tr("more than the {most} MB a source to import may have", most=most)
    else:
        said = f"more than the {most} MB {what} may have"
    return FileRefused(path, f"{_size(size)}, {said}" if size is not None else said)


def _system(path: str, exc: OSError) -> FileRefused:
    if isinstance(exc, FileRefused):
        return exc
    return FileRefused(path, exc.strerror or str(exc), refused=False, code=exc.errno or 0)


def hasher() -> blake2b:
    """An incremental hash for a key made of many parts (BLAKE2b, 20 bytes:
    ``update`` it, then ``digest``); not :func:`content_hash`'s."""
    return blake2b(digest_size=20)


_SHA256: Callable[[bytes], Any] | None = None


def content_hash(data: bytes) -> bytes:
    """The key of a file's content (SHA-256, its first 20 bytes): the cache and
    the index use it. OpenSSL's, which uses the processor's SHA instructions:
    2.6 times as fast as BLAKE2b on a 17 KB file here (13 µs against 30),
    a check of 5,000 files hashes each once, the report again; loaded on the
    first hash, not with this module (4 ms: a commit hook loads it anyway)."""
    sha = _SHA256
    if sha is None:
        sha = _load_sha256()
    return sha(data).digest()[:20]  # type: ignore[no-any-return]


def _load_sha256() -> Callable[[bytes], Any]:
    global _SHA256
    try:
        from _hashlib import openssl_sha256 as sha  # (without the rest of hashlib)
    except ImportError:  # pragma: no cover - an interpreter without OpenSSL
        from hashlib import sha256 as sha
    _SHA256 = sha
    return sha


# -- discovery ------------------------------------------------------------------

Walk = Callable[[str, list[str], list[str]], None]


def discover(
    paths: Iterable[str | os.PathLike[str]],
    *,
    walk: Walk | None = None,
    require: bool = False,
) -> tuple[list[str], list[str]]:
    """Resolution files under ``paths``: (files, failures).

    A directory contributes its ``*.yaml``/``*.yml`` files (the extension in
    any case: :func:`resolution_name`), recursively, in
    sorted order, skipping hidden directories and files and never following
    directory symlinks (so a link loop cannot trap the walk); a file is taken
    as given. ``walk(top, found, failures)`` walks a directory (default: the
    file system; :meth:`itures.cache.Cache.walk` remembers listings).

    With ``require``, a directory that holds no resolution file (and could
    be read) is a failure too (:data:`NO_FILES`): the paths are what the user
    asked to check, and a check of nothing, such as a wrong directory given
    to CI, must not pass as a check without problems. Without it (the corpus
    around checked files, the revisions of ``--since``) an empty directory
    is simply empty.
    """
    files: list[str] = []
    failures: list[str] = []
    paths_given = list(paths)
    for raw in paths_given:
        path = os.fspath(raw)
        if os.path.isdir(path):
            found: list[str] = []
            before = len(failures)
            (walk or walk_tree)(os.path.normpath(path), found, failures)
            if require and not found and len(failures) == before:
                failures.append(_no_files(path))
            files.extend(sorted(found))  # normal paths: a normal top joined with names
        elif os.path.exists(path):
            files.append(os.path.normpath(path))
        elif os.path.islink(path):
            from itures.i18n import tr

            failures.append(
                tr("{path}: broken symbolic link (its target is missing or loops)", path=path)
            )
        else:
            from itures.i18n import tr

            failures.append(tr("{path}: no such file or directory", path=path))
    # (a directory's walk names each file once: files named twice come from
    # two paths given, "resolutions" and "/abs/resolutions/pp/48/en.yaml")
    return distinct(files) if len(paths_given) > 1 else files, failures


def distinct(paths: Iterable[str], besides: Iterable[str] = ()) -> list[str]:
    """``paths`` in order, each file once, none of ``besides``: a file named
    two ways ("resolutions/pp/48/en.yaml" and the same joined to the
    working directory, or with "./" or "sub/..") is one file, kept as first
    named. Paths are compared as absolute normal paths, links not resolved
    (a link is a file of its own, as its directory lists it). When every
    path is normal and all are relative, or all absolute (the walk of a
    corpus: thousands of them), two names are one file only if they are one
    string, and they are compared as written (one look at them all)."""
    given = list(dict.fromkeys(paths))
    others = list(besides)
    sep = os.sep
    everything = "\n" + "\n".join([*others, *given])
    absolute = everything.count("\n" + sep)
    if (absolute == 0 or absolute == len(others) + len(given)) and not (
        "\n." in everything or sep + "." in everything or sep + sep in everything
    ):
        skip = set(others)
        return [p for p in given if p not in skip] if skip else given
    cwd = os.getcwd()
    seen = {os.path.normpath(os.path.join(cwd, p)) for p in others}
    out: list[str] = []
    for path in given:
        key = os.path.normpath(os.path.join(cwd, path))
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def _no_files(path: str) -> str:
    """:data:`NO_FILES` of ``path``, in the language of the messages."""
    from itures.i18n import tr

    return tr(
        "{path}: no resolution files here (*.yaml or *.yml, hidden ones aside): nothing to check",
        path=path,
    )


def unreadable(path: str, error: OSError) -> str:
    """The failure of a directory that cannot be listed (``path: cannot read: why``)."""
    from itures.i18n import tr

    return f"{error.filename or path}: " + tr(
        "cannot read: {reason}", reason=error.strerror or error
    )


def child(top: str, name: str) -> str:
    """``os.path.join(top, name)`` for a normal ``top`` and a plain name, as
    :func:`os.path.normpath` would give it (``x``, not ``./x``)."""
    if top == os.curdir:
        return name
    return top + name if top.endswith(os.sep) else top + os.sep + name


def list_dir(top: str) -> tuple[list[str], list[str], bool, OSError | None]:
    """One directory for :func:`discover`: (subdirectories to walk, resolution
    files, whether the listing depends on the directory alone, the error that
    stopped the listing).

    Hidden entries are skipped; a symlink to a directory is not walked (a
    link loop cannot trap the walk). A listing with a symbolic link (whose
    target may change while the directory does not) or an error "depends on
    more" than the directory.
    """
    dirs: list[str] = []
    files: list[str] = []
    plain = True
    try:
        with os.scandir(top) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()
                    link = entry.is_symlink()
                except OSError:
                    is_dir, link = False, True
                plain = plain and not link
                if is_dir:
                    if not link:
                        dirs.append(name)
                elif resolution_name(name):
                    files.append(name)
    except OSError as exc:  # a directory that cannot be listed
        return dirs, files, False, exc
    return dirs, files, plain, None


def resolution_name(name: str) -> bool:
    """Whether discovery takes a file of this name: ``*.yaml`` or ``*.yml``, the
    extension in any case. A tool that writes ``EN.YAML`` (or a file system
    that keeps names as typed) must not make a resolution pass unchecked:
    such a file is checked like any other, and in a corpus the layout rule
    (``identity-path``) asks for its name as the layout writes it."""
    return name.endswith(SUFFIXES) or name.lower().endswith(SUFFIXES)


def file_stem(path: str) -> str:
    """A resolution file's name without its folder and extension, in small
    letters: its language version ('en' for ``pp/58/EN.yaml``). Two files of
    one folder with the same stem are one version written twice."""
    return path.rpartition("/")[2].rsplit(".", 1)[0].lower()


def walk_tree(top: str, found: list[str], failures: list[str]) -> None:
    """The files of :func:`discover` under the directory ``top`` (as ``os.walk``
    without following links would find them, with fewer system calls: a
    commit hook walks the whole corpus at every commit)."""
    dirs, files, _, error = list_dir(top)
    found.extend(child(top, name) for name in files)
    if error is not None:
        failures.append(unreadable(top, error))
    for sub in dirs:
        walk_tree(child(top, sub), found, failures)
