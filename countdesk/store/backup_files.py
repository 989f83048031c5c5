"""The files a backup is made of: names that say what each one is, durable writes.

A backup is one snapshot, `<count>.<UTC time>[-n].<stages>.<why>.countdesk-backup`: everything of
the count is inside it. Its name is what lists, sorts and rotates it. An older countdesk wrote
copies of an area's round-2 instructions beside a snapshot (`<snapshot name>.<suffix>`): rotation
removes them with their snapshot.
"""

from __future__ import annotations

import errno
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from ..errors import CountdeskError

BACKUP_SUFFIX = ".countdesk-backup"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_LABEL = re.compile(r"[a-z]+(?:\+[a-z]+)*")
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?\.(?P<stage>[a-z]+(?:\+[a-z]+)*)"
    r"\.(?P<kind>timed|stage|manual)" + re.escape(BACKUP_SUFFIX) + "$"
)


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


# Names ------------------------------------------------------------------------------------------

def backup_name(count_path: str | Path, taken_at: datetime, stage: str, kind: BackupKind, n: int = 1) -> str:
    """`night.20210507T021507Z.count.timed.countdesk-backup`: sorts by time, says the stage and why."""
    if not _LABEL.fullmatch(stage):
        raise ValueError(f"a stage label is lower-case words joined by '+': {stage!r}")
    stamp = taken_at.astimezone(UTC).strftime(STAMP_FORMAT)
    suffix = f"-{n}" if n > 1 else ""
    return f"{Path(count_path).stem}.{stamp}{suffix}.{stage}.{BackupKind(kind)}{BACKUP_SUFFIX}"


def parse_backup_name(path: str | Path) -> BackupFile | None:
    """The backup a file name describes, or None for any other file."""
    path = Path(path)
    match = _NAME.match(path.name)
    if match is None:
        return None
    taken_at = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
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


# What an older countdesk kept beside a snapshot --------------------------------------------------

def companions_of(snapshot: Path) -> list[Path]:
    """The files named `<snapshot name>.<suffix>` beside one backup, sorted by name."""
    prefix = f"{snapshot.name}."
    try:
        return sorted(p for p in snapshot.parent.iterdir() if p.name.startswith(prefix))
    except OSError:
        return []


# Problems in words ------------------------------------------------------------------------------

def is_disk_full(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "full" in str(exc).lower()


def folder_full(folder: Path) -> CountdeskError:
    return CountdeskError(f"the backup folder {folder} is full: free some space or choose another", str(folder))


def os_problem(exc: OSError, folder: Path) -> CountdeskError:
    if exc.errno == errno.ENOSPC:
        return folder_full(folder)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return CountdeskError(f"cannot write to {folder}: it is read-only or not yours", str(folder))
    if exc.errno == errno.ENOENT:
        return CountdeskError(f"{folder} is not there any more (was a USB stick removed?)", str(folder))
    return CountdeskError(f"cannot write to {folder}: {exc.strerror or exc}", str(folder))
