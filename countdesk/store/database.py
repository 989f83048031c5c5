"""Opening a count file: one SQLite database per count, with the pragmas that make it safe.

WAL with synchronous=FULL means a confirmed write survives a power cut; foreign keys keep figures
attached to their sheet and candidate; the busy timeout lets a reader wait out a commit. A file that
is not ours, or is damaged, is refused before anything else touches it. sqlite-utils plugins are
never run on a count's connection (sqlite-utils only migrates it, without plugins): code that happens
to be installed beside countdesk must not add functions to an election database.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

from ..errors import CountdeskError
from .migrations import APPLICATION_ID, apply_migrations, check_schema_current
from .sqlite_file import SqliteDatabase

COUNT_FILE_SUFFIX = ".countdesk"
BUSY_TIMEOUT_MS = 5000
_SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100


class CountDatabase:
    """An open count file: its connection (sqlite_file.py), its path, and whether it may be written."""

    #: One writer at a time (the lock file); a server count (store/server.py) is shared.
    shared = False

    def __init__(self, db: SqliteDatabase, path: Path, read_only: bool) -> None:
        self.db = db
        self.path = path
        #: What to open it again with (a server count: its URL).
        self.location: str | Path = path
        self.read_only = read_only
        # A session may be opened on a worker thread and used on the GUI thread: the connection
        # allows that, and this lock keeps one thread's transaction from interleaving with another's.
        self._thread_lock = threading.RLock()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[SqliteDatabase]:
        """One atomic write: all of it is committed (durably) or none of it. Nests as a savepoint."""
        if self.read_only:
            raise CountdeskError(f"{self.path.name} is open read-only: nothing can be changed", str(self.path))
        with self.guard("could not write to"):
            with self.db.atomic():
                yield self.db

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[SqliteDatabase]:
        """Several reads that see one state of the file, even while another process writes: a
        read transaction (WAL keeps its snapshot until it ends). Inside a write, that write's view."""
        with self.guard():
            conn = self.db.conn
            if conn.in_transaction:
                yield self.db
                return
            conn.execute("BEGIN")
            try:
                yield self.db
            finally:
                conn.execute("COMMIT")

    @contextlib.contextmanager
    def guard(self, doing: str = "could not read") -> Iterator[None]:
        """Turn a low-level SQLite failure (disk full, damaged page) into a message the user can act on."""
        with self._thread_lock:
            try:
                yield
            except sqlite3.Error as exc:
                raise CountdeskError(f"{doing} {self.path.name}: {exc}", str(self.path)) from exc

    def pragma(self, name: str) -> object:
        return self.db.execute(f"PRAGMA {name}").fetchone()[0]

    @property
    def in_transaction(self) -> bool:
        return self.db.conn.in_transaction

    def close(self) -> None:
        with self._thread_lock:
            self.db.close()


def damaged(path: Path, detail: str = "") -> CountdeskError:
    detail = " ".join(detail.split())  # SQLite's reports run over several lines: one line here
    if len(detail) > 200:
        detail = detail[:200] + "…"
    suffix = f" ({detail})" if detail else ""
    return CountdeskError(f"{path.name} is not a countdesk count file or is damaged{suffix}", str(path))


def create_database(path: str | Path) -> CountDatabase:
    """A new, empty count file with the current schema. Refuses to overwrite anything."""
    path = Path(path)
    if path.exists() or Path(f"{path}-wal").exists():
        raise CountdeskError(f"{path.name} already exists: choose another name", str(path))
    if not path.parent.is_dir():
        raise CountdeskError(f"folder {path.parent} does not exist", str(path))
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    except sqlite3.Error as exc:
        raise CountdeskError(f"cannot create {path.name}: {exc}", str(path)) from exc
    try:
        cdb = CountDatabase(SqliteDatabase(conn), path, read_only=False)
        with cdb.guard("could not create"):  # a full disk fails here first: one located line
            _set_connection_pragmas(cdb)
            cdb.db.enable_wal()
            apply_migrations(cdb.db)
        return cdb
    except BaseException:
        conn.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise


def open_database(path: str | Path, *, read_only: bool = False, as_written: bool = False) -> CountDatabase:
    """An existing count file, checked, its schema brought up to date (when writable). Read-only, it
    must already be this version's schema; `as_written` (read-only only) skips that for reading what
    every schema holds (a backup an older countdesk made: its settings and audit trail)."""
    if as_written and not read_only:
        raise ValueError("a count file is opened as it was written only to read it")
    path = Path(path)
    require_regular_file(path)
    _check_header(path)
    if not read_only and not (os.access(path, os.W_OK) and os.access(path.absolute().parent, os.W_OK)):
        raise _not_writable(path)
    try:
        if read_only:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), check_same_thread=False)
    except sqlite3.Error as exc:
        raise damaged(path, str(exc)) from exc
    try:
        cdb = CountDatabase(SqliteDatabase(conn), path, read_only=read_only)
        _set_connection_pragmas(cdb)
        _check_ours(cdb)
        _check_integrity(cdb)
        if not read_only:
            cdb.db.enable_wal()
        with cdb.guard("could not upgrade"):
            if read_only:
                if not as_written:
                    check_schema_current(cdb.db, path.name)
            else:
                apply_migrations(cdb.db)
        return cdb
    except sqlite3.Error as exc:
        conn.close()
        if not read_only and _cannot_write(exc):
            raise _not_writable(path) from exc
        raise damaged(path, str(exc)) from exc
    except BaseException:
        conn.close()
        raise


def _not_writable(path: Path) -> CountdeskError:
    return CountdeskError(
        f"{path.name} cannot be written here (read-only media, or no permission to write it or its folder): "
        "open it read-only, or copy it to a folder you can write to", str(path))


def _cannot_write(exc: sqlite3.Error) -> bool:
    """SQLite's words for a file or folder it may read but not write (SQLITE_READONLY, CANTOPEN)."""
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


def require_regular_file(path: Path) -> None:
    """A count is a plain file: a FIFO would hang the reader, a folder or device is no count."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise CountdeskError("no such count file", str(path)) from None
    except OSError as exc:
        raise CountdeskError(f"cannot read {path.name}: {exc.strerror}", str(path)) from exc
    if not stat.S_ISREG(mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a folder" if stat.S_ISDIR(mode)
                else "a device or socket")
        raise CountdeskError(f"{path.name} is {kind}, not a count file", str(path))


def _check_header(path: Path) -> None:
    """Cheap, before SQLite sees the file: it must at least start like a SQLite database."""
    try:
        with open(path, "rb", opener=_no_block_open) as f:
            header = f.read(_HEADER_SIZE)
    except OSError as exc:
        raise CountdeskError(f"cannot read {path.name}: {exc.strerror}", str(path)) from exc
    if len(header) < _HEADER_SIZE or not header.startswith(_SQLITE_HEADER):
        raise damaged(path)


def _no_block_open(name: str, flags: int) -> int:
    """Opening never waits: a FIFO swapped in after the type check cannot hang the app."""
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))


def _set_connection_pragmas(cdb: CountDatabase) -> None:
    """Per-connection settings: they are not stored in the file, so they are set on every open."""
    db = cdb.db
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")


def _check_ours(cdb: CountDatabase) -> None:
    """countdesk's application id, read through SQLite (a writer's WAL may hold the newest header),
    before anything is changed: another program's database is left exactly as it was."""
    if cdb.pragma("application_id") != APPLICATION_ID:
        raise damaged(cdb.path, "a SQLite database, but not one made by countdesk")


def _check_integrity(cdb: CountDatabase) -> None:
    """PRAGMA quick_check: milliseconds for a count-sized file, and it catches a truncated copy."""
    problems = [row[0] for row in cdb.db.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        raise damaged(cdb.path, problems[0] if problems else "integrity check gave no answer")
