"""Backups made by another version of countdesk, for the restore tests.

An older one: the count's tables and rows exactly, in a file whose schema was built with the
migrations up to m0005 only (`apply_migrations(stop_before=...)`), as a countdesk before the round-2
instruction lived in the count wrote it; the instruction it imported is recorded in its trail, and
that countdesk kept a copy of it beside the snapshot. A newer one: a file that records a migration
this version does not know."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from countdesk.store.migrations import apply_migrations

BEFORE_INSTRUCTIONS = "m0006_round2_instruction"


def as_older_countdesk_wrote_it(backup: Path, *, stop_before: str = BEFORE_INSTRUCTIONS) -> None:
    """Rewrite `backup` (a snapshot this version made) as a file of the schema before `stop_before`
    holding the same rows: every table the older schema has, filled from the snapshot (a table an
    upgrade removed stays empty; the count should then hold no rows it would have had)."""
    older = backup.with_name(f"{backup.name}.older")
    db = Database(sqlite3.connect(older))
    try:
        apply_migrations(db, stop_before=stop_before)
        conn = db.conn
        conn.execute("PRAGMA foreign_keys = OFF")  # tables filled in any order; the rows were consistent
        conn.execute("ATTACH DATABASE ? AS snapshot", (str(backup),))
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name <> '_sqlite_migrations' AND name IN (SELECT name FROM snapshot.sqlite_master)")]
        with conn:
            for table in tables:
                columns = ", ".join(f'"{c}"' for c in db[table].columns_dict)
                conn.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM snapshot."{table}"')
        conn.execute("DETACH DATABASE snapshot")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        db.close()
    older.replace(backup)


def older_copy_beside(backup: Path, contest_id: str, data: bytes) -> Path:
    """The copy of an area's round-2 instruction an older countdesk kept beside a snapshot."""
    copy = backup.with_name(f"{backup.name}.round2-{contest_id}.json")
    copy.write_bytes(data)
    return copy


def as_newer_countdesk_wrote_it(backup: Path, migration: str = "m0099_from_a_later_release") -> None:
    """Record in `backup` a migration this version does not know, as a later release would."""
    conn = sqlite3.connect(backup)
    try:
        with conn:
            conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                         "VALUES ('countdesk', ?, '2027-05-01T00:00:00')", (migration,))
    finally:
        conn.close()
