"""Restoring a backup an older countdesk made: what it needs besides the snapshot.

The snapshot itself is checked as it is (its pages and audit chain, read-only: backup_check.py) and
restored unchanged; the restored copy is brought up to this version's schema by the same migrations
as opening any older count, their audit rows stamped as the upgrade.

One thing lived outside the snapshot: a countdesk before m0006 kept an area count's round-2
instruction in a file beside the count, and its backups carried a copy beside the snapshot
(`<snapshot name>.round2-<contest>.json`). The restore offers that copy to m0006 where m0006 looks
(beside the restored count, under the count's name) when its SHA-256 is the one the backup's trail
recorded for the contest's latest import. A copy missing or altered is not offered: the upgrade
then records the instruction lost, and the area imports it again.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .backup_check import FileCheck
from .instructions import latest_imports, side_files_beside
from .sqlite_file import SqliteDatabase

#: The migration that moves an older count's instruction files into the count.
INSTRUCTION_MIGRATION = "m0006_round2_instruction"


def instruction_copies(backup: Path, check: FileCheck) -> dict[str, bytes]:
    """The instruction copies beside an older backup that its trail vouches for: the part of each
    name after the snapshot's own (`round2-<contest>.json`) -> its bytes. Empty for a backup whose
    schema already holds its instructions. Read-only; `check` is the backup's passed check."""
    if INSTRUCTION_MIGRATION not in check.pending:
        return {}
    conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        recorded = latest_imports(SqliteDatabase(conn))
    finally:
        conn.close()
    beside = side_files_beside(backup)
    copies: dict[str, bytes] = {}
    for row in recorded.values():
        sha = row.after.get("sha256") if isinstance(row.after, dict) else None
        found = beside.get(sha) if isinstance(sha, str) else None
        if found is not None:
            name, text = found
            copies[name[len(backup.name) + 1:]] = text.encode("utf-8")
    return copies


def beside_count(target: Path, suffix: str) -> Path:
    """Where m0006 looks for an instruction file of the count `target`: `<count name>.<suffix>`."""
    return target.with_name(f"{target.name}.{suffix}")
