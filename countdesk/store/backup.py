"""Backups of a count file: consistent snapshots on a second device, kept in rotation, restorable.

A snapshot is taken with SQLite's online backup API from a read-only connection of its own, in one
step, so it is one committed state of the file even while the writer keeps confirming sheets. It
is written under a hidden temporary name, flushed to the device, checked (PRAGMA integrity_check),
and only then renamed to its final name: a stick pulled mid-backup never holds a file that looks
like a backup. A
restore checks the backup (integrity and audit chain) before anything is touched, keeps the
current file aside rather than deleting it, and records itself in the restored file's audit trail.

This module writes and rotates; the rest lives beside it and is importable from here as before:
names and file helpers (backup_files.py), checks (backup_check.py), restoring (backup_restore.py).
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from ..durable import fsync_directory, fsync_file, remove_quietly
from ..errors import CountdeskError
from .backup_check import FileCheck, check_count_file
from .backup_files import (
    BACKUP_SUFFIX,
    BackupFile,
    BackupKind,
    backup_name,
    companions_of,
    folder_full,
    is_disk_full,
    list_backups,
    os_problem,
    parse_backup_name,
)
from .backup_restore import RestoredCount, append_event, restore_backup

__all__ = [
    "BACKUP_SUFFIX", "DEFAULT_KEEP", "BackupFile", "BackupKind", "FileCheck", "RestoredCount",
    "append_event", "backup_name", "check_count_file", "list_backups", "parse_backup_name",
    "restore_backup", "rotate_backups", "write_backup",
]

#: Timed backups kept per count; backups made at a stage change or by hand are all kept.
DEFAULT_KEEP = 10
#: A temporary file older than this was left by a backup that crashed: rotation removes it.
_STALE_PARTIAL_SECONDS = 600

def write_backup(
    count_path: str | Path, backup_dir: str | Path, *, taken_at: datetime, stage: str, kind: BackupKind,
) -> BackupFile:
    """Snapshot the count file into `backup_dir` (made if missing). Raises CountdeskError, in words
    the user can act on, when the folder is missing, full or read-only; nothing partial is left."""
    count_path, backup_dir = Path(count_path), Path(backup_dir)
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_problem(exc, backup_dir) from exc
    final = _free_name(count_path, backup_dir, taken_at, stage, kind)
    partial = backup_dir / f".{final.name}.partial-{secrets.token_hex(4)}"
    try:
        _snapshot(count_path, partial)
        fsync_file(partial)
        check = check_count_file(partial, audit=False)
        if not check.ok:
            raise CountdeskError(f"the backup did not read back intact from {backup_dir}: {check.problem}",
                                 str(backup_dir))
        os.replace(partial, final)
        fsync_directory(backup_dir)
    except sqlite3.Error as exc:
        remove_quietly(partial)
        if is_disk_full(exc):
            raise folder_full(backup_dir) from exc
        raise CountdeskError(f"could not back up {count_path.name} to {backup_dir}: {exc}", str(backup_dir)) from exc
    except OSError as exc:
        remove_quietly(partial)
        raise os_problem(exc, backup_dir) from exc
    except BaseException:
        remove_quietly(partial)
        raise
    return BackupFile(final, count_path.stem, taken_at.astimezone(UTC).replace(microsecond=0),
                      stage, BackupKind(kind))


def _snapshot(count_path: Path, target: Path) -> None:
    """One step of the backup API (pages=-1): the whole file as of one committed transaction.
    The copy is switched out of WAL mode so that it is one self-contained file."""
    if not count_path.is_file():
        raise CountdeskError("no such count file", str(count_path))
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
    """Remove all but the newest `keep` timed backups (stage and manual ones stay), each with the
    files an older countdesk kept beside it (copies of round-2 instructions), and any temporary file
    a crashed backup left. Returns what was removed."""
    if keep < 1:
        raise ValueError("keep at least one timed backup")
    removed = []
    for backup in [b for b in list_backups(count_path, backup_dir) if b.kind is BackupKind.TIMED][keep:]:
        if remove_quietly(backup.path):  # the snapshot first: from then on it is no longer listed
            removed.append(backup.path)
            removed += [p for p in companions_of(backup.path) if remove_quietly(p)]
    stem = Path(count_path).stem
    try:
        entries = list(Path(backup_dir).iterdir())
    except OSError:
        entries = []
    for path in entries:
        leftover = path.name.startswith(f".{stem}.") and ".partial-" in path.name
        if leftover and _stale(path) and remove_quietly(path):
            removed.append(path)
    return removed


def _stale(path: Path) -> bool:
    try:
        return time.time() - path.stat().st_mtime > _STALE_PARTIAL_SECONDS
    except OSError:
        return False


def _free_name(count_path: Path, backup_dir: Path, taken_at: datetime, stage: str, kind: BackupKind) -> Path:
    for n in range(1, 1000):
        path = backup_dir / backup_name(count_path, taken_at, stage, kind, n)
        if not path.exists():
            return path
    raise CountdeskError(f"too many backups of {count_path.name} in the same second", str(backup_dir))
