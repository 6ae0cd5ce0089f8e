"""The cache of checked files: content hash -> what reading and checking it gave.

A check of a corpus that did not change should not parse a single file. The
cache keeps, for each file content, what the per-file stage of the pipeline
(:mod:`itures.pipeline`) produced: the diagnostics of the reader, the schema
and the file rules, and the :class:`~itures.summary.Summary` the corpus rules
work on; and, for each whole run, its result. Decisions:

* **Where.** ``ITURES_CACHE_DIR`` if set; else ``.itures_cache/`` at the top
  of the git repository holding the first checked path (the corpus
  repository; the directory gets a ``.gitignore`` of ``*``, so it never shows
  in ``git status``); else, outside any repository,
  ``$XDG_CACHE_HOME/itures`` (default ``~/.cache/itures``).
* **Keys.** A file's entry is keyed by the hash (SHA-256) of its bytes and the
  *fingerprint* of what could change the result: the itures version and the
  size, times (modification and change) and inode of every file of the
  installed package (rules, schema, vocabulary, translations), the Python version, the installed PyYAML, pydantic and
  pyspellchecker (its dictionaries), and
  the configuration's rule selection and severities. The path is not in the
  key: the same content at another path is the same entry (a moved file
  stays cached). A run's entry is keyed by the fingerprint, the whole
  configuration, the working directory, and the path and content hash of
  every file it read, checked or there for references: a corpus rule is
  right whichever file changed, since any change is a new run key (the per-
  file entries still spare the parsing).
* **Stale entries** cannot be found: a changed file has another hash, a
  changed itures or configuration another fingerprint. Old entries are left
  behind; the file is pruned of the oldest when it grows past
  :data:`MAX_ENTRIES`.
* **Hashing without reading, walking without listing.** To know a file's
  hash without reading it, the cache also records each file's ``stat``
  (device, inode, size, modification and change times in nanoseconds) with
  the hash it had; and each directory's stat with its listing (a directory
  changes its times when an entry is added, removed or renamed). A recorded
  stat is trusted only when the file or directory was last changed more than
  :data:`RACY_SECONDS` before it was recorded: one written in the same clock
  tick as it was recorded is read again (git's "racily clean" rule). Any
  write changes the change time, which no tool can set. A listing with a
  symbolic link is not recorded. The records are one row (a "snapshot"),
  read at once: a warm commit hook stats the corpus and reads nothing else.
  With two CPUs, a second process checks the recorded stats of the files
  under a directory while the walk lists its subdirectories
  (:meth:`Cache._side_check`): the hook's two passes of system calls run at
  once.
* **Concurrent runs.** One SQLite database in WAL mode: readers never block,
  writers wait for each other (a busy timeout), and each run writes its
  entries in one transaction at the end, then its run entry in another (a
  run entry is never there without the entries it was made from). Two runs
  writing the same entry write the same value.
* **Durability.** The database is not synced to the disk (SQLite's
  ``synchronous = OFF``): a run that fills the cache of a large corpus waited
  most of a second for the disk otherwise (the entries and the kept report,
  tens of megabytes, written twice through the write-ahead log). Every value
  can be made again, and is keyed by content: a crash of itures loses
  nothing that was committed; a crash of the system or a power loss may lose
  the last runs' entries (they are made again) or damage the database, which
  is then found malformed, when opened or when read, and made again.
* **Never in the way.** Every failure of the cache (a corrupt or unreadable
  database, a full disk, a lock held too long, a value that does not decode)
  makes it a miss, never an error: the check runs as without a cache. A
  database that is not one is removed and made again. The library does not
  print; the CLI warns once on stderr when the cache could not be used.
* **A cache that cannot be pointed elsewhere.** A pull request can commit a
  ``.itures_cache`` (a symbolic link to another repository, where the
  database and a ``.gitignore`` of ``*`` would be written; or a database of
  forged results, which a check would trust). So the cache is not used, and
  the check runs without it with a warning (:attr:`Cache.problem`), when
  its directory or one of its database files (``-wal``, ``-shm`` included)
  is a symbolic link (a dangling one is never followed: no file is created
  where it points), is not a directory or regular file, or belongs to
  another user. Each database records the device and inode it was made at:
  one found with other numbers was made elsewhere (checked out, copied,
  unpacked); if git tracks it, the cache is not used (removing a tracked
  file would change the working tree), else it is removed and made again.
  The usual run costs one ``lstat`` per file; git runs only in that rare
  case.
* **Values** are :mod:`marshal` data (plain tuples, strings, numbers): fast to
  read, and reading one back cannot run code. A run's entry is a header and
  chunks of marshal data (:func:`itures.pipeline._encode_run`), a kept report
  UTF-8 text (:mod:`itures.report.kept`). Large values are written into
  their rows in parts (SQLite's incremental blob I/O), never joined nor
  copied whole.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import struct
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from stat import S_ISREG
from typing import TYPE_CHECKING, Any

from itures import side
from itures.files import content_hash, hasher
from itures.files import read as read_file

if TYPE_CHECKING:
    import sqlite3

    from itures.config import Config

__all__ = ["Cache", "cache_dir", "content_hash", "decode", "fingerprint"]

# Bump when the layout of the database or of the values changes.
FORMAT = 13
DB_NAME = f"check-v{FORMAT}.sqlite"
# A stat recorded less than this after the file's modification is not trusted.
RACY_SECONDS = 2.0
MAX_ENTRIES = 100_000
MAX_CARD_SETS = 8  # card rows kept (one per per-file fingerprint used lately)
MAX_REPORTS = 4  # outputs of whole runs kept (text, json, ... of the last runs)
MAX_REPORT_BYTES = 250_000_000
BUSY_TIMEOUT_MS = 5000
SETUP_RETRIES = 25  # about 6.5 s of waiting in all, then the cache is off


def decode(value: bytes) -> Any:
    """A stored value (:meth:`Cache.get_raw`) as plain data; None when it does not decode."""
    try:
        return marshal.loads(value)
    except Exception:  # an entry that does not decode is a miss
        return None


def cache_dir(start: str | os.PathLike[str] | None = None) -> str:
    """Where the cache of a check of ``start`` lives (see the module docstring)."""
    explicit = os.environ.get("ITURES_CACHE_DIR")
    if explicit:
        return explicit
    here = os.path.abspath(os.fspath(start) if start is not None else os.getcwd())
    if not os.path.isdir(here):
        here = os.path.dirname(here)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return os.path.join(here, ".itures_cache")
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "itures")


def _stat_token(path: str) -> tuple[str, int] | None:
    """Where a module or package is installed, and when it was written."""
    from importlib.util import find_spec

    try:
        spec = find_spec(path)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    try:
        st = os.stat(spec.origin)
    except OSError:
        return None
    return spec.origin, st.st_mtime_ns


_CODE: bytes | None = None


def _code_fingerprint() -> bytes:
    """The installed itures (every file of the package) and what it reads with."""
    global _CODE
    if _CODE is not None:
        return _CODE
    from itures import __version__

    root = os.path.dirname(os.path.abspath(__file__))
    parts: list[Any] = [FORMAT, __version__, sys.version, sys.hexversion]
    for top, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".py", ".json", ".yaml", ".mo")):
                try:
                    st = os.stat(os.path.join(top, name))
                except OSError:
                    continue
                # (the change time too: an install that sets the modification
                # times back, as reproducible builds do, still changes it)
                parts.append(
                    (
                        os.path.relpath(os.path.join(top, name), root),
                        st.st_size,
                        st.st_mtime_ns,
                        st.st_ctime_ns,
                        st.st_ino,
                    )
                )
    # (and the dictionaries word-spelling reads)
    for module in ("yaml", "_yaml", "pydantic", "pydantic_core", "spellchecker"):
        parts.append((module, _stat_token(module)))
    _CODE = content_hash(repr(parts).encode())
    return _CODE


def fingerprint(config: Config, *, run: bool = False) -> bytes:
    """What a cached result depends on besides the files' content.

    The per-file fingerprint has the configuration's rule selection,
    severities and verb vocabulary, and the current year (the ``history``
    rule reports years after it); ``run=True`` adds the rest (reference
    scope, corpus, layout).
    """
    import datetime

    parts: list[Any] = [
        _code_fingerprint(),
        None if config.select is None else sorted(config.select),
        sorted(config.ignore),
        sorted(config.severity.items()),
        config.lang,
        config.verbs,
        config.vocabulary,  # the corpus's vocabulary file, by its content's digest
        datetime.date.today().year,
    ]
    if run:
        parts += [sorted(config.reference_scope), config.corpus, config.layout]
    return content_hash(repr(parts).encode())


def run_key(
    fp: bytes,
    options: Any,
    files: Iterable[tuple[str, bytes]],
    context: Iterable[tuple[str, bytes]],
) -> bytes:
    """The key of a whole run: fingerprint, options and every input file."""
    h = hasher()
    h.update(fp)
    h.update(repr((os.getcwd(), options)).encode())
    for mark, group in ((b"\x01", files), (b"\x02", context)):
        h.update(mark)
        for path, digest in group:
            h.update(os.fsencode(path) + b"\x00" + digest)
    return h.digest()


def _tracked(path: str) -> bool:
    """Whether git tracks the file at ``path`` (False outside git, or without git)."""
    import subprocess

    directory, name = os.path.split(os.path.abspath(path))
    try:
        done = subprocess.run(
            ["git", "ls-files", "-z", "--", name],
            cwd=directory,
            capture_output=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and bool(done.stdout.strip(b"\0"))


DIGEST_SIZE = 20  # of :func:`itures.files.content_hash`


_DIR_STAMP = struct.Struct("<4q").pack  # device, inode, modification and change times
_FILE_STAMP = struct.Struct("<5q").pack  # device, inode, size, the two times


SIDE_CHECK_MIN = 1000  # recorded files under a walked directory for a side check


def _side(
    known: dict[str, Any], prefix: str, unlike: Callable[[Sequence[str], dict[str, Any]], Any]
) -> tuple[side.Side, list[str]] | None:
    """Start a side process (:mod:`itures.side`) checking the recorded stats of the
    entries of ``known`` under ``prefix`` with ``unlike``, which names those not as
    recorded; None when none can help (no side process here, or fewer than
    :data:`SIDE_CHECK_MIN` entries)."""
    if not side.usable():
        return None
    paths = [key for key in known if key.startswith(prefix)]
    if len(paths) < SIDE_CHECK_MIN:
        return None
    started = side.start(lambda: (len(paths), unlike(paths, known)))
    return (started, paths) if started is not None else None


def _side_answer(started: tuple[side.Side, list[str]]) -> set[str]:
    """The paths a side check found as recorded (none if it did not answer whole)."""
    process, paths = started
    got = side.answer(process)
    if not isinstance(got, tuple) or len(got) != 2:
        return set()
    count, unlike = got
    if count != len(paths) or not isinstance(unlike, list):
        return set()
    return set(paths).difference(unlike)


def _recorded(st: os.stat_result, found: bytes | None) -> tuple[bytes, bytes | None]:
    """The stamp of a file's ``lstat`` ``st`` (empty when a field does not fit)
    and the content hash recorded with that very stamp in ``found`` (None: none,
    or the file is not a regular one)."""
    try:
        stamp = _FILE_STAMP(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    except struct.error:  # a field that does not fit: not recorded
        return b"", None
    if (
        isinstance(found, bytes)
        and len(found) == len(stamp) + DIGEST_SIZE
        and found.startswith(stamp)
        and S_ISREG(st.st_mode)
    ):
        return stamp, found[len(stamp) :]
    return stamp, None


def _damaged(exc: BaseException) -> bool:
    """Whether ``exc`` says the database itself is damaged (malformed, not a
    database), not that it is busy, locked, read-only or on a full disk."""
    import sqlite3

    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)


def _hash_one(
    path: str, key: str, known: dict[str, bytes], before: int
) -> tuple[bytes | OSError, bytes | None]:
    """A file's content hash (or why it cannot be read) and what to record of it
    (its stamp and hash; None: nothing), as :meth:`Cache.hashes` decides."""
    try:
        st = os.lstat(path)  # a symbolic link is never trusted: read it below
    except OSError as exc:
        return exc, None
    stamp, recorded = _recorded(st, known.get(key))
    if recorded is not None:
        return recorded, None
    try:
        # regular files inside the repository, within the size limit: a file
        # that is not read is not hashed either (500 MB are never read whole)
        data = read_file(path)
    except OSError as exc:
        return exc, None
    digest = content_hash(data)
    # a link is hashed, never recorded (its target may change while it does not)
    if S_ISREG(st.st_mode) and stamp and max(st.st_mtime_ns, st.st_ctime_ns) < before:
        return digest, stamp + digest
    return digest, None


def _hash_part(
    paths: Sequence[str], keys: dict[str, str], known: dict[str, bytes], before: int
) -> list[tuple[str, bytes, bytes | None]]:
    """:func:`_hash_one` of each of ``paths`` that can be read (in a side process)."""
    out = []
    for path in paths:
        digest, record = _hash_one(path, keys[path], known, before)
        if isinstance(digest, bytes):
            out.append((path, digest, record))
    return out


def _unlike_recorded(paths: Sequence[str], known: dict[str, bytes]) -> list[str]:
    """Of ``paths`` (with recorded stats in ``known``), those whose ``lstat`` is
    not as recorded, not a regular file, or not readable (:meth:`Cache.hashes`'s
    test of a recorded stat, in a side process)."""
    lstat = os.lstat
    unlike = []
    for path in paths:
        try:
            st = lstat(path)
        except OSError:
            unlike.append(path)
            continue
        if _recorded(st, known.get(path))[1] is None:
            unlike.append(path)
    return unlike


def _insert_parts(
    db: sqlite3.Connection,
    table: str,
    key_column: str,
    key: Any,
    parts: Sequence[bytes],
    **columns: Any,
) -> None:
    """Insert or replace the row ``key`` of ``table`` (its key column, the other
    ``columns`` given, the value) with the value ``b"".join(parts)``, written
    part by part into the row (SQLite's incremental blob I/O): no joined copy
    is made, nor the copy SQLite makes of a value bound to a statement. The
    value is the row's last column: a zeroblob before other columns is made
    whole in memory."""
    size = sum(len(p) for p in parts)
    names = ", ".join([key_column, *columns, "value"])
    marks = ", ".join(["?"] * (len(columns) + 1))
    cursor = db.execute(
        f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({marks}, zeroblob(?))",
        (key, *columns.values(), size),
    )
    rowid = cursor.lastrowid
    if not size or rowid is None:
        return
    with db.blobopen(table, "value", rowid) as blob:
        for part in parts:
            blob.write(part)


class Cache:
    """The cache database of one directory; every method fails soft (a miss).

    ``problem`` holds the first reason the cache could not be used, for a
    warning (the library itself never prints).
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = os.fspath(directory)
        self.problem: str | None = None
        self._db: sqlite3.Connection | None = None
        self._opened = False
        # the stat snapshot: directories (stamp, subdirectories, files) and
        # files (stamp, content hash), by absolute path
        # (a stamp packed as bytes, :data:`_FILE_STAMP`: 100,000 files take some
        # 30 MB less than as tuples of integers)
        self._dirs: dict[str, tuple[bytes, tuple[str, ...], tuple[str, ...]]] = {}
        self._files: dict[str, bytes] = {}  # stamp + content hash
        self._snapshot_loaded = False
        self._snapshot_changes = 0  # entries recorded or forgotten since it was read
        # side checks of recorded file stats running while the walk goes on
        # (the process, the paths it checks)
        self._side: list[tuple[side.Side, list[str]]] = []
        # the corpus index kept between runs, for one fingerprint: content hash ->
        # card (itures.index.Card)
        self._cards: dict[bytes, Any] | None = None
        self._cards_fp: bytes | None = None
        self._cards_changed = False

    @classmethod
    def for_paths(cls, paths: Sequence[str | os.PathLike[str]]) -> Cache:
        """The cache of a check of ``paths`` (located by :func:`cache_dir`)."""
        return cls(cache_dir(paths[0] if paths else None))

    # -- the database -------------------------------------------------------

    def _fail(self, exc: BaseException) -> None:
        if self.problem is None:
            self.problem = f"{self.directory}: {exc}"
        if self._db is not None:
            with contextlib.suppress(Exception):  # already failing; the cache is off
                self._db.close()
            if _damaged(exc):
                # found malformed in use (pages lost to a crash of the system): the
                # next run makes it again, not warn at every run
                self._remove(os.path.join(self.directory, DB_NAME))
        self._db = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._opened:
            return self._db
        self._opened = True
        import sqlite3

        path = os.path.join(self.directory, DB_NAME)
        unsafe = self._unsafe(path)
        if unsafe is not None:
            self.problem = f"{self.directory}: {unsafe}"
            return None
        attempt = 0
        waits = 0
        remade = False
        while attempt < 2:
            attempt += 1
            try:
                self._make_directory()
                db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
                try:
                    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                    (mode,) = db.execute("PRAGMA journal_mode").fetchone()
                    if mode != "wal":  # a new database
                        db.execute("PRAGMA journal_mode = WAL")
                    # not synced: see "Durability" in the module docstring
                    db.execute("PRAGMA synchronous = OFF")
                    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
                    if tables and not remade and not self._made_here(db, path, tables):
                        db.close()
                        if self.problem is not None:  # tracked by git: not used
                            return None
                        self._remove(path)  # made elsewhere: made again, once
                        remade = True
                        attempt -= 1
                        continue
                    if not tables:
                        self._remove_other_formats()
                    if not {"files", "runs", "snapshot", "meta", "reports", "cards"} <= tables:
                        # one transaction: another run sees all the tables or none
                        db.execute("BEGIN IMMEDIATE")
                        for table in (
                            "files (key BLOB PRIMARY KEY, value BLOB NOT NULL, used REAL NOT NULL)",
                            # the value last: written in parts into a zeroblob, which
                            # SQLite would otherwise make whole in memory (twice)
                            "runs (key BLOB PRIMARY KEY, used REAL NOT NULL, value BLOB NOT NULL)",
                            # token: new at each write, so that a copy of the value
                            # decoded earlier is known to be the same (kept, below)
                            "snapshot (name TEXT PRIMARY KEY, token BLOB, value BLOB NOT NULL)",
                            "meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)",
                            "reports (key BLOB PRIMARY KEY, used REAL NOT NULL, value BLOB NOT NULL)",
                            "cards (fp BLOB PRIMARY KEY, used REAL NOT NULL, token BLOB, "
                            "value BLOB NOT NULL)",
                        ):
                            db.execute(f"CREATE TABLE IF NOT EXISTS {table}")
                        db.execute(
                            "INSERT OR IGNORE INTO meta VALUES ('origin', ?)", (self._origin(path),)
                        )
                        db.execute("COMMIT")
                except BaseException:
                    db.close()
                    raise
            except sqlite3.DatabaseError as exc:
                # two runs creating the database at once: switching it to WAL
                # takes an exclusive lock that SQLite does not wait for, so wait
                # here, a little longer each time
                if (
                    isinstance(exc, sqlite3.OperationalError)
                    and "locked" in str(exc)
                    and waits < SETUP_RETRIES
                ):
                    waits += 1
                    attempt -= 1
                    time.sleep(0.02 * waits)
                    continue
                # "file is not a database", a malformed image: made again once;
                # a lock held too long, a read-only disk: the cache is off
                if attempt == 1 and not isinstance(exc, sqlite3.OperationalError):
                    self._remove(path)
                    continue
                self._fail(exc)
                return None
            except (OSError, sqlite3.Error) as exc:
                self._fail(exc)
                return None
            self._db = db
            return db
        return None  # pragma: no cover

    def _unsafe(self, path: str) -> str | None:
        """Why the cache directory or database must not be used, if it must not."""
        import stat

        uid = os.geteuid() if hasattr(os, "geteuid") else None
        for where, want_dir in (
            (self.directory, True),
            (path, False),
            (path + "-wal", False),
            (path + "-shm", False),
        ):
            try:
                st = os.lstat(where)
            except FileNotFoundError:
                continue
            except OSError:
                continue  # reported by the first use
            name = "the cache directory" if want_dir else os.path.basename(where)
            if stat.S_ISLNK(st.st_mode):
                return f"{name} is a symbolic link; the cache is not used (remove the link)"
            if want_dir and not stat.S_ISDIR(st.st_mode):
                continue  # not a directory: reported by the first use
            if not want_dir and not stat.S_ISREG(st.st_mode):
                return f"{name} is not a regular file; the cache is not used (remove it)"
            if uid is not None and st.st_uid != uid:
                return (
                    f"{name} belongs to another user; the cache is not used "
                    "(set ITURES_CACHE_DIR to a directory of your own)"
                )
        return None

    @staticmethod
    def _origin(path: str) -> bytes:
        st = os.stat(path)
        return marshal.dumps((st.st_dev, st.st_ino))

    def _made_here(self, db: sqlite3.Connection, path: str, tables: set[str]) -> bool:
        """Whether the database is the file it was made as (see the module docstring).

        False when it was made elsewhere; then :attr:`problem` is set if git
        tracks it (the cache is not used), else it may be made again.
        """
        row = None
        if "meta" in tables:  # else made by an earlier version of itures
            row = db.execute("SELECT value FROM meta WHERE name = 'origin'").fetchone()
        if row is not None and row[0] == self._origin(path):
            return True
        if _tracked(path):
            from itures.i18n import tr

            self.problem = f"{self.directory}: " + tr(
                "{name} is tracked by git; the cache is not used "
                "(remove it from the repository: git rm --cached {name})",
                name=DB_NAME,
            )
        return False

    def _make_directory(self) -> None:
        os.makedirs(self.directory, exist_ok=True)
        ignore = os.path.join(self.directory, ".gitignore")
        if not os.path.exists(ignore):
            try:
                with open(ignore, "x", encoding="utf-8") as fh:
                    fh.write("# the cache of itures check; see README, Architecture\n*\n")
            except FileExistsError:
                pass

    def _remove_other_formats(self) -> None:
        """Remove the databases of earlier formats (no version reads them again):
        regular files of this user only, as :meth:`_unsafe` allows."""
        import re

        try:
            names = os.listdir(self.directory)
        except OSError:
            return
        for name in names:
            m = re.fullmatch(r"check-v(\d+)\.sqlite(?:-wal|-shm)?", name)
            if m is None or int(m.group(1)) == FORMAT:
                continue
            path = os.path.join(self.directory, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            import stat

            mine = not hasattr(os, "geteuid") or st.st_uid == os.geteuid()
            if stat.S_ISREG(st.st_mode) and mine:
                with contextlib.suppress(OSError):
                    os.remove(path)

    @staticmethod
    def _remove(path: str) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.remove(path + suffix)

    def _query(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        db = self._connect()
        if db is None:
            return []
        try:
            return db.execute(sql, args).fetchall()
        except Exception as exc:  # any database failure is a miss
            self._fail(exc)
            return []

    def close(self) -> None:
        self._side_results()  # side checks not waited for: reaped
        if self._db is not None:
            if _CLOSE_LATER is not None:
                _CLOSE_LATER.append(self._db)
            else:
                with contextlib.suppress(Exception):
                    self._db.close()
        self._db = None

    # -- the stat snapshot: listings and content hashes without reading ----------

    def _snapshot(self) -> None:
        """Load the snapshot (one row: reading it costs less than a row per file)."""
        if self._snapshot_loaded:
            return
        self._snapshot_loaded = True
        kept = _KEPT.get(os.path.abspath(self.directory)) if _KEPT else None
        if kept is not None and kept.stat is not None:
            rows = self._query("SELECT token FROM snapshot WHERE name = 'stat'")
            if rows and rows[0][0] == kept.stat[0]:
                self._dirs, self._files = kept.stat[1], kept.stat[2]
                _used(self.directory)
                return
        rows = self._query("SELECT value FROM snapshot WHERE name = 'stat'")
        if not rows:
            return
        _used(self.directory)  # read from a database this process could use
        try:
            dirs, files = marshal.loads(rows[0][0])
            if isinstance(dirs, dict) and isinstance(files, dict):
                self._dirs, self._files = dirs, files
        except Exception:  # a snapshot that does not decode: none
            return

    def walk(self, top: str, found: list[str], failures: list[str]) -> None:
        """:func:`itures.corpus.discover`'s walk of ``top``, with remembered listings.

        A directory whose stat (device, inode, modification and change times)
        is as recorded, and was not racy when recorded, has the same entries:
        only its stat is read (a listing costs four times as much). Listings
        with symbolic links are never remembered (a link's target may change
        while the directory does not).
        """
        from itures.files import list_dir, unreadable, walk_tree

        self._snapshot()
        here = os.getcwd() + os.sep
        before = time.time_ns() - int(RACY_SECONDS * 1e9)
        dirs = self._dirs
        stat = os.stat
        dir_stamp = _DIR_STAMP
        if top == os.curdir:
            prefix = here
        else:
            prefix = (top if top[:1] == os.sep else here + top).rstrip(os.sep) + os.sep
        # (a second side process checking the directories' stats, this one walking
        # those found as recorded without a system call, was measured slower: 23
        # against 19 ms for 5,000 directories, three processes on two CPUs)
        self._side_check(prefix)

        sep, curdir = os.sep, os.curdir
        # depth first, each directory before its subdirectories, in their order
        # (a loop, not a call per directory: 100,000 of them in a large corpus)
        stack = [(top, top if top[:1] == sep else here + top)]
        while stack:
            top, key = stack.pop()
            try:
                st = stat(top)
            except OSError:
                walk_tree(top, found, failures)
                continue
            try:
                stamp = dir_stamp(st.st_dev, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
            except struct.error:  # a field that does not fit: not recorded
                stamp = b""
            known = dirs.get(key)
            if known is not None and known[0] == stamp:
                _, subdirs, names = known
            else:
                listed, files, plain, error = list_dir(top)
                subdirs, names = tuple(listed), tuple(files)
                if error is not None:
                    failures.append(unreadable(top, error))
                if plain and stamp and max(st.st_mtime_ns, st.st_ctime_ns) < before:
                    dirs[key] = (stamp, subdirs, names)
                    self._snapshot_changes += 1
                elif known is not None:
                    del dirs[key]
                    self._snapshot_changes += 1
            # files.child(top, name) for each name, and the key of each subdirectory
            # (its path as the working directory makes it absolute)
            if top == curdir:
                prefix = ""
                found.extend(names)
            else:
                prefix = top if top.endswith(sep) else top + sep
                found.extend([prefix + name for name in names])
            if subdirs:
                at = prefix if prefix[:1] == sep else here + prefix
                stack.extend([(prefix + sub, at + sub) for sub in reversed(subdirs)])

    def hashes(self, paths: Sequence[str]) -> dict[str, bytes | OSError]:
        """The content hash of each file (or why it cannot be read).

        A file whose stat (device, inode, size, modification and change
        times) is as recorded, and was not racy when recorded, is not read;
        the others are read and hashed, and their stat recorded. When many
        have no recorded stat (a checkout that touched every file, a run with
        another configuration; a first run does not hash before reading: see
        :meth:`record`), a side process (:mod:`itures.side`) reads and hashes half of
        those while this one does the rest; a file it did not answer for is
        done here.
        """
        self._snapshot()
        known = self._files
        verified = self._side_results()
        before = time.time_ns() - int(RACY_SECONDS * 1e9)
        out: dict[str, bytes | OSError] = {}
        here = os.getcwd() + os.sep
        keys = {path: path if path[:1] == os.sep else here + path for path in paths}
        # (the path as the working directory makes it absolute, not normalised:
        # another spelling of a path is a miss, never a wrong hit)
        unknown = [p for p in paths if keys[p] not in known and keys[p] not in verified]
        started: side.Side | None = None
        later: list[str] = []
        part: frozenset[str] = frozenset()
        if len(unknown) >= SIDE_CHECK_MIN and side.usable():
            later = unknown[len(unknown) // 2 :]
            started = side.start(lambda: _hash_part(later, keys, known, before))
            if started is not None:
                part = frozenset(later)
        for path in paths:
            key = keys[path]
            if key in verified:  # its stat as recorded, seen by the side check
                out[path] = known[key][-DIGEST_SIZE:]
            elif path not in part:
                out[path], record = _hash_one(path, key, known, before)
                if record is not None:
                    known[key] = record
                    self._snapshot_changes += 1
        if started is not None:
            got = side.answer(started)
            beside: dict[str, tuple[bytes, bytes | None]] = {}
            if isinstance(got, list):
                beside = {item[0]: (item[1], item[2]) for item in got}
            for path in later:
                found = beside.get(path)
                digest: bytes | OSError
                if found is not None:
                    digest, record = found
                else:  # not answered for: done here
                    digest, record = _hash_one(path, keys[path], known, before)
                out[path] = digest
                if record is not None:
                    known[keys[path]] = record
                    self._snapshot_changes += 1
            out = {path: out[path] for path in paths}  # in the order given
        return out

    @staticmethod
    def racy_before() -> int:
        """The time (ns) a file must have last changed before to be recorded now:
        :data:`RACY_SECONDS` ago (see :meth:`record`)."""
        return time.time_ns() - int(RACY_SECONDS * 1e9)

    def record(self, path: str, seen: Sequence[int], digest: bytes, before: int) -> None:
        """Record the content hash of a file read without :meth:`hashes` (a run
        with nothing to reuse reads every file anyway, and hashes it then),
        with ``seen``, the file's ``lstat`` before it was read (mode, device,
        inode, size, modification and change times: see
        :func:`itures.files.read_seen`), as :meth:`hashes` would have: a
        regular file only, last changed before ``before`` (:meth:`racy_before`,
        taken before the files were read: a file changed since is racy)."""
        mode, dev, ino, size, mtime, ctime = seen
        if not S_ISREG(mode) or max(mtime, ctime) >= before:
            return
        try:
            stamp = _FILE_STAMP(dev, ino, size, mtime, ctime)
        except struct.error:  # a field that does not fit: not recorded
            return
        self._snapshot()
        key = path if path[:1] == os.sep else os.getcwd() + os.sep + path
        self._files[key] = stamp + digest
        self._snapshot_changes += 1

    def _side_check(self, prefix: str) -> None:
        """Check the recorded stats of the files under ``prefix`` (an absolute
        directory, with its separator) in a side process, while this one walks
        the directories: the two passes of system calls of a commit hook at once,
        on two CPUs. :meth:`hashes` then takes a file the side check found as
        recorded without its own ``lstat``; the others (new, changed, not
        checked) as before."""
        started = _side(self._files, prefix, _unlike_recorded)
        if started is not None:
            self._side.append(started)

    def _side_results(self) -> set[str]:
        """The paths the side checks found as recorded (once: a later call checks
        again); none from a side check that did not answer whole."""
        verified: set[str] = set()
        for started in self._side:
            verified.update(_side_answer(started))
        self._side = []
        return verified

    # -- the corpus index kept between runs ------------------------------------------

    def has_cards(self, fp: bytes) -> bool:
        """Whether the cache holds cards made with the per-file fingerprint ``fp``
        (a run with this configuration was stored), without decoding them."""
        if self._cards is not None and self._cards_fp == fp:
            return bool(self._cards)
        return bool(self._query("SELECT 1 FROM cards WHERE fp = ?", (fp,)))

    def cards(self, fp: bytes) -> dict[bytes, Any]:
        """The card (:data:`itures.index.Card`) of each file content seen with the
        per-file fingerprint ``fp``, by content hash.

        One row per fingerprint, read at once (as the stat snapshot): what a
        check of a few files needs to know of the rest of the corpus without
        decoding it. The rows of the :data:`MAX_CARD_SETS` fingerprints used
        last are kept (another configuration, another itures: other cards).
        """
        if self._cards is None or self._cards_fp != fp:
            self._cards, self._cards_fp, self._cards_changed = {}, fp, False
            kept = _KEPT.get(os.path.abspath(self.directory)) if _KEPT else None
            known = kept.cards.get(fp) if kept is not None else None
            if known is not None:
                rows = self._query("SELECT token FROM cards WHERE fp = ?", (fp,))
                if rows and rows[0][0] == known[0]:
                    self._cards = known[1]
                    _used(self.directory, fp)
                    return self._cards
            rows = self._query("SELECT value FROM cards WHERE fp = ?", (fp,))
            if rows:
                _used(self.directory, fp)
                try:
                    found = marshal.loads(rows[0][0])
                except Exception:  # a row that does not decode: none
                    found = None
                if isinstance(found, dict):
                    self._cards = found
        return self._cards

    def add_cards(self, fp: bytes, cards: Iterable[tuple[bytes, Any]]) -> None:
        """Remember cards of fingerprint ``fp`` (written by the next :meth:`put`)."""
        known = self.cards(fp)
        for digest, card in cards:
            if known.get(digest) != card:
                known[digest] = card
                self._cards_changed = True

    # -- reports of whole runs ----------------------------------------------------

    def get_report(self, key: bytes) -> bytes | None:
        """The output (UTF-8) a command wrote for a run and its options (:meth:`put_report`)."""
        rows = self._query("SELECT value FROM reports WHERE key = ?", (key,))
        if not rows or not isinstance(rows[0][0], bytes):
            return None
        return rows[0][0]

    def put_report(self, key: bytes, value: bytes | Sequence[bytes]) -> None:
        """Remember the output of a run (a value of :mod:`itures.report.kept`, or
        its parts in order, written one after the other and never joined): the
        last :data:`MAX_REPORTS` only, each within :data:`MAX_REPORT_BYTES` as
        stored (a report of a corpus full of findings is tens of megabytes: kept
        as it is up to a size, compressed above)."""
        parts = [value] if isinstance(value, bytes) else value
        if sum(len(p) for p in parts) > MAX_REPORT_BYTES:
            return
        db = self._connect()
        if db is None:
            return
        try:
            with self._transaction(db):
                _insert_parts(db, "reports", "key", key, parts, used=time.time())
                db.execute(
                    "DELETE FROM reports WHERE rowid NOT IN "
                    "(SELECT rowid FROM reports ORDER BY used DESC LIMIT ?)",
                    (MAX_REPORTS,),
                )
        except Exception as exc:  # a full disk, a lock held too long: not remembered
            self._fail(exc)

    @staticmethod
    @contextlib.contextmanager
    def _transaction(db: sqlite3.Connection) -> Iterator[None]:
        """One write transaction: committed, or rolled back on any failure."""
        db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    # -- entries ------------------------------------------------------------

    def get_files(self, keys: Sequence[bytes]) -> dict[bytes, Any]:
        """The per-file entries found among ``keys`` (decoded)."""
        out: dict[bytes, Any] = {}
        for key, value in self.get_raw(keys).items():
            try:
                out[key] = marshal.loads(value)
            except Exception:  # an entry that does not decode is a miss
                continue
        return out

    def get_raw(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """The per-file entries found among ``keys``, as stored (:func:`decode` them
        one at a time to hold one decoded entry at a time)."""
        out: dict[bytes, bytes] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 900):  # SQLite's limit of bound parameters
            chunk = unique[start : start + 900]
            marks = ",".join("?" * len(chunk))
            for key, value in self._query(
                f"SELECT key, value FROM files WHERE key IN ({marks})", chunk
            ):
                if isinstance(value, bytes):
                    out[key] = value
        return out

    def get_run(self, key: bytes) -> bytes | None:
        """A run's entry as :meth:`put` stored it (its parts joined), or None."""
        rows = self._query("SELECT value FROM runs WHERE key = ?", (key,))
        if not rows or not isinstance(rows[0][0], bytes):
            return None
        return rows[0][0]

    def put_files(self, files: Sequence[tuple[bytes, bytes]]) -> None:
        """Store per-file entries (marshal bytes) now, in a transaction of their own:
        a long run writes its entries as it goes (they are keyed by content and do
        not depend on the run)."""
        db = self._connect()
        if db is None or not files:
            return
        now = time.time()
        try:
            with self._transaction(db):
                db.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?)",
                    [(key, value, now) for key, value in files],
                )
        except Exception as exc:  # a full disk, a lock held too long: not cached
            self._fail(exc)

    def put(
        self,
        files: Sequence[tuple[bytes, Any]],
        run: tuple[bytes, Sequence[bytes]] | None = None,
    ) -> None:
        """Store per-file entries, a run entry, and the stat snapshot, in one transaction.

        A run entry is given as its key and the parts of its value (bytes, see
        :func:`itures.pipeline.run`): they are written one after the other into
        the row, never joined into one value (the entry of a run with a million
        findings is some 70 MB: neither copied nor held twice)."""
        if not files and run is None and not self._snapshot_changes and not self._cards_changed:
            return
        db = self._connect()
        if db is None:
            return
        now = time.time()
        try:
            # a value given as bytes is stored as it is (encoded already, by a worker)
            rows = [
                (key, value if isinstance(value, bytes) else marshal.dumps(value), now)
                for key, value in files
            ]
        except ValueError as exc:  # pragma: no cover - values are plain data
            self._fail(exc)
            return
        try:
            with self._transaction(db):
                db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", rows)
                if run is not None:
                    _insert_parts(db, "runs", "key", run[0], run[1], used=now)
                written = self._cards_changed and self._cards is not None
                if self._snapshot_worth_writing():
                    written = True
                    self._prune_snapshot()
                    stat = marshal.dumps((self._dirs, self._files))
                    _insert_parts(db, "snapshot", "name", "stat", [stat], token=os.urandom(16))
                    del stat
                if self._cards_changed and self._cards is not None:
                    extra = len(self._cards) - MAX_ENTRIES
                    for key in list(self._cards)[: max(0, extra)]:
                        del self._cards[key]
                    _insert_parts(
                        db,
                        "cards",
                        "fp",
                        self._cards_fp,
                        [marshal.dumps(self._cards)],
                        used=now,
                        token=os.urandom(16),
                    )
                    db.execute(
                        "DELETE FROM cards WHERE rowid NOT IN "
                        "(SELECT rowid FROM cards ORDER BY used DESC LIMIT ?)",
                        (MAX_CARD_SETS,),
                    )
                self._prune(db)
        except Exception as exc:  # a full disk, a lock held too long: not cached
            self._fail(exc)
            return
        if written:  # rows a resident server may keep for the next commands
            _used(self.directory, self._cards_fp if self._cards_changed else None)
        self._snapshot_changes = 0
        self._cards_changed = False

    def _snapshot_worth_writing(self) -> bool:
        """Whether the stat snapshot is written again: not for a few entries in a
        large corpus (fewer than one in 200: a commit hook's file). Rewriting the
        whole row costs more than reading and hashing those few files again next
        time; once as many have gathered, it is written."""
        changed = self._snapshot_changes
        return bool(changed) and changed * 200 >= len(self._files) + len(self._dirs)

    @staticmethod
    def _prune(db: sqlite3.Connection) -> None:
        for table, keep in (("files", MAX_ENTRIES), ("runs", 1000)):
            # rows are never more than the span of their row ids (each end found
            # at once, by a query of its own); counting them reads the whole table
            (low,) = db.execute(f"SELECT min(rowid) FROM {table}").fetchone()
            (high,) = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()
            if low is None or high - low + 1 <= keep * 1.1:
                continue
            (count,) = db.execute(f"SELECT count(*) FROM {table}").fetchone()
            if count > keep * 1.1:
                db.execute(
                    f"DELETE FROM {table} WHERE rowid IN "
                    f"(SELECT rowid FROM {table} ORDER BY used LIMIT ?)",
                    (count - keep,),
                )

    def _prune_snapshot(self) -> None:
        """Forget the stats recorded first when there are too many (a cache shared by
        several corpora): they are read and hashed again when next seen."""
        for table in (self._files, self._dirs):
            extra = len(table) - MAX_ENTRIES
            if extra > 0:
                for key in list(table)[:extra]:
                    del table[key]


# -- closing after the answer (a resident server's command) ---------------------------


_CLOSE_LATER: list[sqlite3.Connection] | None = None


def close_later() -> None:
    """Leave the databases that :meth:`Cache.close` closes open until
    :func:`close_deferred`: a resident server's forked command answers first.
    Closing the last connection to a database copies its write-ahead log into
    it (some 3 ms); what the command wrote is committed before."""
    global _CLOSE_LATER
    _CLOSE_LATER = []


def close_deferred() -> None:
    """Close the databases left open since :func:`close_later`."""
    global _CLOSE_LATER
    waiting, _CLOSE_LATER = _CLOSE_LATER or [], None
    for db in waiting:
        with contextlib.suppress(Exception):
            db.close()


# -- decoded rows kept by a resident server ------------------------------------------
#
# A resident server (:mod:`itures.daemon`) forks a process for each command.
# Decoding the stat snapshot and the cards of a 5,000-file corpus costs a commit
# hook some 20 ms; so the server decodes them once, between commands, and the
# processes it forks start with them (:func:`keep`). Each write of a row gives
# it a new random token, read with it: a kept copy is used only while the
# database holds the row it was decoded from, so a command's result is the
# same as without it. A command changes its own copy (a fork's memory), never
# the server's. Outside a server nothing is kept, and the lookups are misses.


class _Kept:
    __slots__ = ("cards", "stat")

    def __init__(self) -> None:
        # token, directories, files (as Cache._dirs and Cache._files)
        self.stat: tuple[bytes, dict[str, Any], dict[str, bytes]] | None = None
        self.cards: dict[bytes, tuple[bytes, dict[bytes, Any]]] = {}  # fp -> token, cards


_KEPT: dict[str, _Kept] = {}  # by the cache's absolute directory
MAX_KEPT = 4  # cache directories whose rows a server keeps (the ones used last)
_USED: dict[str, set[bytes]] = {}  # directories whose rows this process read: card fps


def _used(directory: str, fp: bytes | None = None) -> None:
    """Note that this process read or wrote rows of the cache in ``directory``
    (the cards of ``fp``), a database it could use, for :func:`used`."""
    fps = _USED.setdefault(os.path.abspath(directory), set())
    if fp is not None:
        fps.add(fp)


def used() -> list[tuple[str, list[bytes]]]:
    """The cache directories this process read the stat snapshot or cards of, with
    the fingerprints of the cards: what a server may :func:`keep` for the next
    commands."""
    return [(where, sorted(fps)) for where, fps in _USED.items()]


def kept() -> list[str]:
    """The cache directories whose decoded rows this process keeps (:func:`keep`)."""
    return [where for where, k in _KEPT.items() if k.stat is not None or k.cards]


def keep(directory: str, fps: Iterable[bytes]) -> bool:
    """Decode the stat snapshot and the cards of ``fps`` of the cache in
    ``directory`` (absolute) and keep them in this process, for the processes it
    forks; rows kept already and unchanged are not read again. A database that
    is not there (it is never created here), not safe (:meth:`Cache._unsafe`) or
    not readable is not kept. Nothing is written but the copy of the database's
    write-ahead log into it (a checkpoint, as closing it does). Whether
    anything was read."""
    import sqlite3

    path = os.path.join(directory, DB_NAME)
    if not os.path.isabs(directory) or Cache(directory)._unsafe(path) is not None:
        return False
    if not os.path.isfile(path):
        _KEPT.pop(directory, None)
        return False
    kept = _KEPT.pop(directory, None) or _Kept()
    _KEPT[directory] = kept  # the one used last, last
    while len(_KEPT) > MAX_KEPT:
        del _KEPT[next(iter(_KEPT))]
    changed = False
    try:
        from urllib.parse import quote

        db = sqlite3.connect(
            f"file:{quote(path)}?mode=rw",  # never created here
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
        )
    except sqlite3.Error:
        return False
    try:
        row = db.execute("SELECT token FROM snapshot WHERE name = 'stat'").fetchone()
        if row is None or row[0] is None:
            kept.stat = None
        elif kept.stat is None or kept.stat[0] != row[0]:
            kept.stat = None  # freed before the new one is decoded
            row = db.execute("SELECT token, value FROM snapshot WHERE name = 'stat'").fetchone()
            if row is not None and row[0] is not None:
                dirs, files = marshal.loads(row[1])
                if isinstance(dirs, dict) and isinstance(files, dict):
                    kept.stat = (row[0], dirs, files)
                    changed = True
        for fp in fps:
            row = db.execute("SELECT token FROM cards WHERE fp = ?", (fp,)).fetchone()
            known = kept.cards.pop(fp, None)
            if row is None or row[0] is None:
                continue
            if known is not None and known[0] == row[0]:
                kept.cards[fp] = known
                continue
            del known
            row = db.execute("SELECT token, value FROM cards WHERE fp = ?", (fp,)).fetchone()
            if row is not None and row[0] is not None:
                cards = marshal.loads(row[1])
                if isinstance(cards, dict):
                    kept.cards[fp] = (row[0], cards)
                    changed = True
        while len(kept.cards) > MAX_CARD_SETS:
            del kept.cards[next(iter(kept.cards))]
    except Exception:  # a database being remade, a value that does not decode: not kept
        _KEPT.pop(directory, None)
        return False
    finally:
        # the write-ahead log copied into the database here, between commands (a
        # command closes its database after it answered: this connection may be
        # open then, and its close is then not the one that copies it)
        with contextlib.suppress(Exception):
            db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        db.close()
    return changed
