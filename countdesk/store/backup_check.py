"""Checking a count file or a backup without changing it: is it intact, and what does its trail say?

Both open the file read-only with plain SQLite (no schema check, no migration), so a backup made
by an older countdesk is judged on its pages and its audit chain, and nothing is written to it: the
check says which migrations it lacks (`pending`), which the restored copy gets when it is opened.
A file written by a newer countdesk is refused: this version cannot know what its tables mean.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .audit import verify_audit_chain
from .migrations import APPLICATION_ID, newer_schema, pending_migrations
from .sqlite_file import SqliteDatabase

_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileCheck:
    """What checking a count file or a backup found: `ok`, or the first problem in words."""

    ok: bool
    problem: str | None = None
    audit_rows: int = 0
    audit_hash: str = ""
    #: The migrations an older countdesk's file lacks, in order (none for this version's schema).
    pending: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.ok


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
        db = SqliteDatabase(conn)
        newer = newer_schema(db)
        if newer is not None:
            return FileCheck(False, f"{path.name} was written by a newer version of countdesk (schema {newer}): "
                                    "this version cannot use it; use that version")
        pending = tuple(pending_migrations(db))
        if not audit:
            return FileCheck(True, pending=pending)
        verdict = verify_audit_chain(db)
        if not verdict.ok:
            return FileCheck(False, f"{path.name}: audit row {verdict.first_bad_id}: {verdict.problem}",
                             verdict.rows_checked, verdict.last_hash, pending)
        return FileCheck(True, None, verdict.rows_checked, verdict.last_hash, pending)
    except sqlite3.Error as exc:
        return FileCheck(False, f"{path.name} is damaged: {exc}")
    finally:
        conn.close()
