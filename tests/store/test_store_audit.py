"""The audit chain: append-only, linked by hashes, and any alteration or removal is found."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from itertools import pairwise

import psycopg
import pytest
from store_builders import actor

from countdesk.store.audit import (
    GENESIS_HASH,
    append_audit,
    audit_head,
    audit_rows,
    canonical_json,
    row_hash,
    verify_audit_chain,
)
from countdesk.store.state import record_event


def _fill(cdb, n: int = 5) -> None:
    who = actor("Alice")
    for i in range(1, n + 1):
        record_event(cdb, who, "box.verify", "box", contest_id="c", key=f"B{i}",
                     before={"verified": None}, after={"verified": 100 + i}, reason=f"row {i}")


def _tamper(cdb, sql: str, params=()) -> None:
    """What someone with a SQLite tool (or the server's owner role) could do: switch the guard
    triggers off and edit the table."""
    if cdb.shared:
        cdb.db.execute("ALTER TABLE audit DISABLE TRIGGER USER")
    else:
        cdb.db.executescript("DROP TRIGGER IF EXISTS audit_append_only_update; "
                             "DROP TRIGGER IF EXISTS audit_append_only_delete;")
    cdb.db.execute(sql, params)


def test_rows_are_chained_by_sha256_over_their_fields(cdb):
    _fill(cdb, 3)
    rows = audit_rows(cdb.db)
    assert [r.id for r in rows] == [1, 2, 3]
    assert rows[0].prev_hash == GENESIS_HASH
    for earlier, later in pairwise(rows):
        assert later.prev_hash == earlier.hash
    # Recompute the hash independently from the documented serialisation.
    r = rows[1]
    payload = json.dumps([r.id, r.at, r.operator, r.action, r.entity, r.contest_id, r.key, r.before_json,
                          r.after_json, r.reason, r.prev_hash], sort_keys=True, separators=(",", ":"),
                         ensure_ascii=False)
    assert r.hash == hashlib.sha256(payload.encode()).hexdigest()
    assert r.before == {"verified": None} and r.after == {"verified": 102}
    assert r.after_json == canonical_json({"verified": 102})
    assert audit_head(cdb.db) == (3, rows[2].hash)
    verdict = verify_audit_chain(cdb.db)
    assert verdict.ok and verdict.rows_checked == 3 and verdict.last_hash == rows[2].hash


def test_an_audit_row_outside_a_transaction_is_refused(cdb):
    with pytest.raises(RuntimeError, match="same transaction"):
        append_audit(cdb.db, actor(), "sheet.save", "count_sheet")


def test_the_table_refuses_updates_and_deletes(cdb):
    _fill(cdb, 2)
    with pytest.raises((sqlite3.DatabaseError, psycopg.Error), match="append-only"):
        cdb.db.execute("UPDATE audit SET reason = 'nothing to see' WHERE id = 1")
    with pytest.raises((sqlite3.DatabaseError, psycopg.Error), match="append-only"):
        cdb.db.execute("DELETE FROM audit WHERE id = 2")
    assert verify_audit_chain(cdb.db).ok


def test_an_altered_row_is_found(cdb):
    _fill(cdb, 5)
    _tamper(cdb, "UPDATE audit SET after = ? WHERE id = 3", ('{"verified":999}',))
    verdict = verify_audit_chain(cdb.db)
    assert not verdict.ok
    assert verdict.first_bad_id == 3 and "altered" in verdict.problem
    assert verdict.rows_checked == 2


def test_an_altered_row_with_a_recomputed_hash_breaks_the_next_link(cdb):
    _fill(cdb, 5)
    row = audit_rows(cdb.db)[2]
    forged = row_hash(row.id, row.at, row.operator, row.action, row.entity, row.contest_id, row.key,
                      row.before_json, '{"verified":999}', row.reason, row.prev_hash)
    _tamper(cdb, "UPDATE audit SET after = ?, hash = ? WHERE id = 3", ('{"verified":999}', forged))
    verdict = verify_audit_chain(cdb.db)
    assert not verdict.ok and verdict.first_bad_id == 4


def test_a_removed_row_is_found(cdb):
    _fill(cdb, 5)
    _tamper(cdb, "DELETE FROM audit WHERE id = 2")
    verdict = verify_audit_chain(cdb.db)
    assert not verdict.ok and verdict.first_bad_id == 2 and "missing" in verdict.problem


def test_removing_the_newest_rows_is_found(cdb):
    _fill(cdb, 5)
    _tamper(cdb, "DELETE FROM audit WHERE id >= 4")
    verdict = verify_audit_chain(cdb.db)
    assert not verdict.ok and verdict.first_bad_id == 4 and "missing" in verdict.problem


def test_rows_appended_after_a_removal_do_not_hide_it(cdb):
    _fill(cdb, 3)
    _tamper(cdb, "DELETE FROM audit WHERE id = 3")
    _fill(cdb, 1)  # the chain continues from the recorded head, id 4
    verdict = verify_audit_chain(cdb.db)
    assert not verdict.ok and verdict.first_bad_id == 3


def test_filters_select_rows(cdb):
    _fill(cdb, 3)
    record_event(cdb, actor("Bob"), "sheet.save", "count_sheet", contest_id="d", key="T1")
    assert [r.key for r in audit_rows(cdb.db, contest_id="c")] == ["B1", "B2", "B3"]
    assert [r.operator for r in audit_rows(cdb.db, action="sheet.")] == ["Bob"]
    assert [r.id for r in audit_rows(cdb.db, after_id=2, limit=1)] == [3]
