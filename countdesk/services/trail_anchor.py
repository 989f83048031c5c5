"""The trail's length, remembered outside the count file.

A forger who cuts rows off the end of the audit trail and moves its recorded head back leaves a
chain that checks out. What he cannot reach as easily is what left the file earlier: the head
printed in every document's footer, carried in every bundle (`audit-log.json`), and held by every
backup (a backup is a copy of the file, its trail included). On opening, and in every full check,
the newest backup's head must be a prefix of the trail: the trail must have a row with that number
and that hash. A backup taken before the last restore is not compared (the restore rolled the
trail back on purpose, and says so in a `backup.restore` row).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from ..store.audit import audit_rows
from ..store.locations import default_backup_dir
from ..store.sql import CountStore, first_value


def backup_head(path: Path) -> tuple[int, str] | None:
    """(last row, its hash) a backup file holds, read-only; None if it cannot be read."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1").fetchone()
        return (int(row[0]), str(row[1])) if row else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def trail_cut_problem(store: CountStore, count_path: Path, backup_dir: Path | None = None) -> str | None:
    """Why the trail in `store` (an open count) is shorter than, or differs from, what its newest
    backup in `backup_dir` (default: the folder beside the count) remembers; None if it agrees."""
    folder = Path(backup_dir) if backup_dir is not None else default_backup_dir(count_path)
    if not folder.is_dir():
        return None  # no backups to compare with (a new count, the demo): their module need not load
    from ..store.backup_files import list_backups

    restored = audit_rows(store.db, action="backup.restore")
    since = _utc(restored[-1].at) if restored else None
    for backup in list_backups(count_path, folder):
        if since is not None and backup.taken_at <= since:
            return None  # older than the last restore: not comparable
        head = backup_head(backup.path)
        if head is None:
            continue  # an unreadable backup says nothing; the next older one may
        row_id, digest = head
        if row_id == 0:
            return None
        found = audit_rows(store.db, after_id=row_id - 1, limit=1)
        if not found or found[0].id != row_id:
            last = first_value(store.db.execute("SELECT max(id) FROM audit")) or 0
            return (f"the audit trail was cut: the backup {backup.path.name} holds {row_id} rows, the count file "
                    f"only {last} (rows {last + 1} to {row_id} are gone)")
        if found[0].hash != digest:
            return (f"the audit trail was rewritten: row {row_id} differs from the same row in the backup "
                    f"{backup.path.name}")
        return None
    return None


def _utc(stamp: str) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:
        return None
