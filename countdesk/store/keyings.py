"""Keyings awaiting a second operator (double entry).

A pending keying is held as its count-file record (JSON of integers): it is not part of the count
until a second operator's keying agrees with it or a supervisor settles the difference.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..domain.model import CountSheet
from .audit import Actor, append_audit, canonical_json
from .records import sheet_from_record, sheet_record
from .sql import CountStore


@dataclass(frozen=True)
class Keying:
    contest_id: str
    sheet_id: str
    attempt: int
    operator: str
    keyed_at: str
    sheet: CountSheet
    reason: str | None


def keyings(cdb: CountStore, contest_id: str | None = None, sheet_id: str | None = None) -> list[Keying]:
    where, params = [], []
    if contest_id is not None:
        where.append("contest_id = ?")
        params.append(contest_id)
    if sheet_id is not None:
        where.append("sheet_id = ?")
        params.append(sheet_id)
    sql = "SELECT contest_id, sheet_id, attempt, operator, keyed_at, sheet, reason FROM keying"
    if where:
        sql += " WHERE " + " AND ".join(where)
    with cdb.guard():
        rows = cdb.db.execute(sql + " ORDER BY contest_id, keyed_at, sheet_id, attempt", params).fetchall()
    return [Keying(r[0], r[1], r[2], r[3], r[4], sheet_from_record(json.loads(r[5])), r[6]) for r in rows]


def hold_keying(
    cdb: CountStore, actor: Actor, contest_id: str, sheet: CountSheet, attempt: int, *,
    reason: str | None, action: str, audit_after: Any,
) -> None:
    with cdb.transaction() as db:
        db.execute(
            "INSERT INTO keying (contest_id, sheet_id, attempt, operator, keyed_at, sheet, reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (contest_id, sheet.id, attempt, actor.operator, actor.clock(), canonical_json(sheet_record(sheet)), reason),
        )
        append_audit(db, actor, action, "keying", contest_id=contest_id, key=sheet.id, after=audit_after, reason=reason)


def discard_keyings(cdb: CountStore, actor: Actor, contest_id: str, sheet_id: str, *, reason: str,
                    before: Any) -> None:
    with cdb.transaction() as db:
        db.execute("DELETE FROM keying WHERE contest_id = ? AND sheet_id = ?", (contest_id, sheet_id))
        append_audit(db, actor, "keying.discard", "keying", contest_id=contest_id, key=sheet_id,
                     before=before, reason=reason)


def clear_keyings_rows(cdb: CountStore, contest_id: str, sheet_id: str) -> None:
    """Remove a sheet's keyings inside a caller's transaction (the accepting sheet.save audits it)."""
    if not cdb.in_transaction:
        raise RuntimeError("clear_keyings_rows must run inside the transaction that accepts the sheet")
    cdb.db.execute("DELETE FROM keying WHERE contest_id = ? AND sheet_id = ?", (contest_id, sheet_id))
