"""Backups of a count file: consistent snapshots on a second device, kept in rotation, restorable.

A snapshot is taken with SQLite's online backup API from a read-only connection of its own, in one
step, so it is one committed state of the file even while the writer keeps confirming sheets. It
is written under a hidden temporary name, flushed to the device, checked (PRAGMA integrity_check),
and only then renamed to its final name: a stick pulled mid-backup never holds a file that looks
like a backup. A restore checks the backup (integrity and audit chain) before anything is
touched, keeps the current file aside rather than deleting it, and records itself in the
restored file's audit trail.
"""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any, Sequence

from sqlite_utils import Database

from ..errors import CountdeskError
from .audit import Actor, verify_audit_chain
from .database import open_database
from .lock import acquire_lock
from .migrations import APPLICATION_ID
from .state import put_setting, record_event

BACKUP_SUFFIX = ".countdesk-backup"
#: Timed backups kept per count; backups made at a stage change or by hand are all kept.
DEFAULT_KEEP = 10
_SQLITE_HEADER = b"SQLite format 3\x00"
_STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_LABEL = re.compile(r"[a-z]+(?:\+[a-z]+)*")
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?\.(?P<stage>[a-z]+(?:\+[a-z]+)*)"
    r"\.(?P<kind>timed|stage|manual)" + re.escape(BACKUP_SUFFIX) + "$"
)
#: A temporary file older than this was left by a backup that crashed: rotation removes it.
_STALE_PARTIAL_SECONDS = 600


class BackupKind(StrEnum):
    TIMED = "timed"      # every few minutes while the count changes: the newest DEFAULT_KEEP are kept
    STAGE = "stage"      # a contest moved on (verification, count, declared): always kept
    MANUAL = "manual"    # "Back up now": always kept


@dataclass(frozen=True)
class BackupFile:
    """A backup, as its name describes it: which count, when (UTC), at what stage, and why."""

    path: Path
    count_stem: str
    taken_at: datetime
    stage: str
    kind: BackupKind


@dataclass(frozen=True)
class FileCheck:
    """What checking a count file or a backup found: `ok`, or the first problem in words."""

    ok: bool
    problem: str | None = None
    audit_rows: int = 0
    audit_hash: str = ""

    def __bool__(self) -> bool:
        return self.ok


@dataclass(frozen=True)
class RestoredCount:
    """The count file now in place, and where the file it replaced was kept (main file first)."""

    path: Path
    kept_aside: tuple[Path, ...]
    backup: Path


# Names ------------------------------------------------------------------------------------------

def backup_name(count_path: str | Path, taken_at: datetime, stage: str, kind: BackupKind, n: int = 1) -> str:
    """`night.20210507T021507Z.count.timed.countdesk-backup`: sorts by time, says the stage and why."""
    if not _LABEL.fullmatch(stage):
        raise ValueError(f"a stage label is lower-case words joined by '+': {stage!r}")
    stamp = taken_at.astimezone(timezone.utc).strftime(_STAMP_FORMAT)
    suffix = f"-{n}" if n > 1 else ""
    return f"{Path(count_path).stem}.{stamp}{suffix}.{stage}.{BackupKind(kind)}{BACKUP_SUFFIX}"


def parse_backup_name(path: str | Path) -> BackupFile | None:
    """The backup a file name describes, or None for any other file."""
    path = Path(path)
    match = _NAME.match(path.name)
    if match is None:
        return None
    taken_at = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=timezone.utc)
    return BackupFile(path, match["stem"], taken_at, match["stage"], BackupKind(match["kind"]))


def list_backups(count_path: str | Path, backup_dir: str | Path) -> list[BackupFile]:
    """This count's backups in `backup_dir`, newest first (unchecked: see find_good_backups)."""
    stem = Path(count_path).stem
    try:
        entries = list(Path(backup_dir).iterdir())
    except OSError:
        return []
    found = [b for b in map(parse_backup_name, entries) if b is not None and b.count_stem == stem]
    return sorted(found, key=lambda b: (b.taken_at, _sequence(b.path)), reverse=True)


def _sequence(path: Path) -> int:
    match = _NAME.match(path.name)
    return int(match["n"]) if match and match["n"] else 1


# Checking ---------------------------------------------------------------------------------------

def check_count_file(path: str | Path, *, audit: bool = True) -> FileCheck:
    """Is this an intact countdesk file? Header, application id, PRAGMA integrity_check (every
    page), then (with `audit`) the audit chain. Opens read-only and changes nothing."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        return FileCheck(False, f"cannot read {path.name}: {exc.strerror or exc}")
    if len(header) < 100 or not header.startswith(_SQLITE_HEADER):
        return FileCheck(False, f"{path.name} is not a SQLite database (or is cut short)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return FileCheck(False, f"{path.name} cannot be opened: {exc}")
    try:
        conn.execute("BEGIN")  # one snapshot, should a writer still be at work on it
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return FileCheck(False, f"{path.name} is a SQLite database, but not a countdesk count file")
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            return FileCheck(False, f"{path.name} is damaged: {problems[0] if problems else 'no answer'}")
        if not audit:
            return FileCheck(True)
        db = Database(conn, execute_plugins=False)
        verdict = verify_audit_chain(db)
        if not verdict.ok:
            return FileCheck(False, f"{path.name}: audit row {verdict.first_bad_id}: {verdict.problem}",
                             verdict.rows_checked, verdict.last_hash)
        return FileCheck(True, None, verdict.rows_checked, verdict.last_hash)
    except sqlite3.Error as exc:
        return FileCheck(False, f"{path.name} is damaged: {exc}")
    finally:
        conn.close()


# Writing ----------------------------------------------------------------------------------------

def write_backup(
    count_path: str | Path, backup_dir: str | Path, *, taken_at: datetime, stage: str, kind: BackupKind,
) -> BackupFile:
    """Snapshot the count file into `backup_dir` (made if missing). Raises CountdeskError, in words
    the user can act on, when the folder is missing, full or read-only; nothing partial is left."""
    count_path, backup_dir = Path(count_path), Path(backup_dir)
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_problem(exc, backup_dir) from exc
    final = _free_name(count_path, backup_dir, taken_at, stage, kind)
    partial = backup_dir / f".{final.name}.partial-{secrets.token_hex(4)}"
    try:
        _snapshot(count_path, partial)
        _fsync_file(partial)
        check = check_count_file(partial, audit=False)
        if not check.ok:
            raise CountdeskError(f"the backup did not read back intact from {backup_dir}: {check.problem}",
                                 str(backup_dir))
        os.replace(partial, final)
        _fsync_directory(backup_dir)
    except sqlite3.Error as exc:
        _remove_quietly(partial)
        if _is_disk_full(exc):
            raise _full(backup_dir) from exc
        raise CountdeskError(f"could not back up {count_path.name} to {backup_dir}: {exc}", str(backup_dir)) from exc
    except OSError as exc:
        _remove_quietly(partial)
        raise _os_problem(exc, backup_dir) from exc
    except BaseException:
        _remove_quietly(partial)
        raise
    return BackupFile(final, count_path.stem, taken_at.astimezone(timezone.utc).replace(microsecond=0),
                      stage, BackupKind(kind))


def _snapshot(count_path: Path, target: Path) -> None:
    """One step of the backup API (pages=-1): the whole file as of one committed transaction.
    The copy is switched out of WAL mode so that it is one self-contained file."""
    if not count_path.is_file():
        raise CountdeskError(f"{count_path.name}: no such count file", str(count_path))
    source = sqlite3.connect(f"{count_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
    finally:
        source.close()


def rotate_backups(count_path: str | Path, backup_dir: str | Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Remove all but the newest `keep` timed backups (stage and manual ones stay), and any
    temporary file a crashed backup left. Returns what was removed."""
    if keep < 1:
        raise ValueError("keep at least one timed backup")
    removed = []
    for backup in [b for b in list_backups(count_path, backup_dir) if b.kind is BackupKind.TIMED][keep:]:
        if _remove_quietly(backup.path):
            removed.append(backup.path)
    prefix = f".{Path(count_path).stem}."
    try:
        leftovers = [p for p in Path(backup_dir).iterdir() if p.name.startswith(prefix) and ".partial-" in p.name]
    except OSError:
        leftovers = []
    for partial in leftovers:
        try:
            stale = time.time() - partial.stat().st_mtime > _STALE_PARTIAL_SECONDS
        except OSError:
            continue
        if stale and _remove_quietly(partial):
            removed.append(partial)
    return removed


# Restoring --------------------------------------------------------------------------------------

def restore_backup(
    backup_path: str | Path, target_path: str | Path, *, actor: Actor | None = None, reason: str | None = None,
    events: Sequence[tuple[str, dict[str, Any]]] = (), carry_settings: Sequence[str] = (),
) -> RestoredCount:
    """Put a checked copy of the backup in place of `target_path`, keeping the current file (and its
    -wal/-shm) aside under a `.replaced-<time>` name. Takes the write lock for the duration, so no
    one is writing the target. With `actor`, the restored file's audit trail gets the `events`
    (action, after) given, then a `backup.restore` row naming the backup and the file kept aside;
    the settings named in `carry_settings` (the RO passphrase's hash) are copied over from the file
    replaced, so a passphrase changed since the backup stays changed."""
    backup_path, target_path = Path(backup_path), Path(target_path)
    check = check_count_file(backup_path)
    if not check.ok:
        raise CountdeskError(f"this backup cannot be restored: {check.problem}", str(backup_path))
    with acquire_lock(target_path, actor.operator if actor else ""):
        replaced = check_count_file(target_path) if target_path.exists() else None
        carried = _read_settings(target_path, carry_settings) if replaced and replaced.ok else {}
        incoming = target_path.with_name(f".{target_path.name}.restoring-{secrets.token_hex(4)}")
        try:
            shutil.copyfile(backup_path, incoming)
            _fsync_file(incoming)
            copied = check_count_file(incoming)
            if not copied.ok or copied.audit_hash != check.audit_hash:
                raise CountdeskError(f"the backup did not copy intact: {copied.problem or 'it differs'}",
                                     str(backup_path))
            kept = _set_aside(target_path)
            try:
                os.replace(incoming, target_path)
            except OSError:
                _put_back(kept, target_path)
                raise
            _fsync_directory(target_path.parent)
        except OSError as exc:
            _remove_quietly(incoming)
            raise _os_problem(exc, target_path.parent) from exc
        except BaseException:
            _remove_quietly(incoming)
            raise
        if actor is not None:
            _record_restore(target_path, actor, reason, events, backup_path, check, kept, replaced, carried)
    return RestoredCount(target_path, kept, backup_path)


def _record_restore(
    target: Path, actor: Actor, reason: str | None, events: Sequence[tuple[str, dict[str, Any]]],
    backup: Path, check: FileCheck, kept: tuple[Path, ...], replaced: FileCheck | None, carried: dict[str, Any],
) -> None:
    cdb = open_database(target)
    try:
        for action, after in events:
            record_event(cdb, actor, action, "count", after=after)
        for key, value in carried.items():
            put_setting(cdb, actor, key, value, action="setting.carry_over",
                        audit_after={"from": kept[0].name if kept else None})
        replaced_state: dict[str, Any] = {"file": kept[0].name if kept else None}
        if replaced is not None:
            replaced_state.update(ok=replaced.ok, problem=replaced.problem, audit_rows=replaced.audit_rows,
                                  audit_hash=replaced.audit_hash)
        record_event(cdb, actor, "backup.restore", "count", reason=reason, after={
            "backup": backup.name, "backup_audit_rows": check.audit_rows, "backup_audit_hash": check.audit_hash,
            "replaced": replaced_state,
        })
    finally:
        cdb.close()


def _read_settings(path: Path, keys: Sequence[str]) -> dict[str, Any]:
    """Settings as stored (JSON decoded), read-only; absent keys are left out."""
    if not keys:
        return {}
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        found = {}
        for key in keys:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
            if row is not None:
                found[key] = json.loads(row[0])
        return found
    finally:
        conn.close()


def _set_aside(target: Path) -> tuple[Path, ...]:
    """Rename the file and its WAL companions together, so the kept copy opens as it was."""
    if not target.exists():
        return ()
    stamp = datetime.now(timezone.utc).strftime(_STAMP_FORMAT)
    aside = target.with_name(f"{target.name}.replaced-{stamp}")
    n = 2
    while any(Path(f"{aside}{s}").exists() for s in ("", "-wal", "-shm")):
        aside = target.with_name(f"{target.name}.replaced-{stamp}-{n}")
        n += 1
    kept: list[Path] = []
    try:
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{target}{suffix}")
            if source.exists():
                os.replace(source, f"{aside}{suffix}")
                kept.append(Path(f"{aside}{suffix}"))
    except OSError:
        _put_back(tuple(kept), target)  # all three stay together, where they were
        raise
    return tuple(kept)


def _put_back(kept: tuple[Path, ...], target: Path) -> None:
    """Undo _set_aside when the restored copy could not be put in place."""
    for path in kept:
        suffix = path.name[len(kept[0].name):]
        try:
            os.replace(path, f"{target}{suffix}")
        except OSError:
            pass


def append_event(count_path: str | Path, actor: Actor, action: str, *, after: dict[str, Any] | None = None,
                 reason: str | None = None) -> None:
    """An audit row with no data change, written through a connection of its own: used to record a
    refused restore in the count file that an open session holds (the session's lock covers it)."""
    cdb = open_database(count_path)
    try:
        record_event(cdb, actor, action, "count", after=after, reason=reason)
    finally:
        cdb.close()


# Files ------------------------------------------------------------------------------------------

def _free_name(count_path: Path, backup_dir: Path, taken_at: datetime, stage: str, kind: BackupKind) -> Path:
    for n in range(1, 1000):
        path = backup_dir / backup_name(count_path, taken_at, stage, kind, n)
        if not path.exists():
            return path
    raise CountdeskError(f"too many backups of {count_path.name} in the same second", str(backup_dir))


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(folder: Path) -> None:
    """POSIX: make the rename itself durable. Windows cannot open a folder for fsync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except OSError:
        return False


def _is_disk_full(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "full" in str(exc).lower()


def _full(folder: Path) -> CountdeskError:
    return CountdeskError(f"the backup folder {folder} is full: free some space or choose another", str(folder))


def _os_problem(exc: OSError, folder: Path) -> CountdeskError:
    if exc.errno == errno.ENOSPC:
        return _full(folder)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return CountdeskError(f"cannot write to {folder}: it is read-only or not yours", str(folder))
    if exc.errno == errno.ENOENT:
        return CountdeskError(f"{folder} is not there any more (was a USB stick removed?)", str(folder))
    return CountdeskError(f"cannot write to {folder}: {exc.strerror or exc}", str(folder))
