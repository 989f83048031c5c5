"""The audit trail: append-only, hash-chained, written in the same transaction as the change.

Each row's `hash` is SHA-256 over a canonical serialisation of its fields and the previous row's
hash, so altering or removing any row breaks the chain from that row on. `audit_head` remembers
the last id and hash, so removing the newest rows shows too. This makes tampering evident, not
impossible: someone able to rewrite the whole file can rebuild the chain, which is why the head
hash is worth printing on the declaration and carrying in exported bundles.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .sql import Rows, SqlDatabase

#: Who the rows an upgrade writes to the audit trail are stamped with.
UPGRADE_OPERATOR = "countdesk (schema upgrade)"

GENESIS_HASH = "0" * 64
_ROW_COLUMNS = "id, at, operator, action, entity, contest_id, key, before, after, reason, prev_hash, hash"
_COLUMNS = _ROW_COLUMNS + ", station"


def utc_now() -> str:
    """The audit clock: UTC, ISO 8601, to the microsecond (rows in one second stay ordered)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def canonical_json(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Actor:
    """Who is writing, and the clock their rows are stamped with (injectable for tests)."""

    operator: str
    clock: Callable[[], str] = utc_now
    #: The station writing (on a count server, the role it logged in as); None in a count file.
    station: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    operator: str
    action: str
    entity: str
    contest_id: str | None
    key: str | None
    before_json: str | None
    after_json: str | None
    reason: str | None
    prev_hash: str
    hash: str
    station: str | None = None

    @property
    def before(self) -> Any:
        return None if self.before_json is None else json.loads(self.before_json)

    @property
    def after(self) -> Any:
        return None if self.after_json is None else json.loads(self.after_json)


@dataclass(frozen=True)
class AuditVerdict:
    """`ok`, or the first row that was altered or removed and what is wrong with it."""

    ok: bool
    rows_checked: int
    last_hash: str
    first_bad_id: int | None = None
    problem: str | None = None

    def __bool__(self) -> bool:
        return self.ok


def row_hash(row_id: int, at: str, operator: str, action: str, entity: str, contest_id: str | None,
             key: str | None, before_json: str | None, after_json: str | None, reason: str | None,
             prev_hash: str, station: str | None = None) -> str:
    """A row without a station hashes exactly as before stations existed, so older trails verify."""
    fields = [row_id, at, operator, action, entity, contest_id, key, before_json, after_json, reason, prev_hash]
    payload = canonical_json(fields if station is None else [*fields, station])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append_audit(
    db: SqlDatabase, actor: Actor, action: str, entity: str, *,
    contest_id: str | None = None, key: str | None = None,
    before: Any = None, after: Any = None, reason: str | None = None,
) -> AuditRow:
    """Add one row to the chain. Must run inside the transaction that makes the change."""
    if not db.conn.in_transaction:
        raise RuntimeError("an audit row must be written in the same transaction as its change")
    last_id, prev_hash = audit_head(db)
    row_id = last_id + 1
    at = actor.clock()
    before_json = None if before is None else canonical_json(before)
    after_json = None if after is None else canonical_json(after)
    digest = row_hash(row_id, at, actor.operator, action, entity, contest_id, key,
                      before_json, after_json, reason, prev_hash, actor.station)
    values = (row_id, at, actor.operator, action, entity, contest_id, key, before_json, after_json,
              reason, prev_hash, digest)
    if actor.station is None:  # also what a file of the schema before m0003 takes
        db.execute(f"INSERT INTO audit ({_ROW_COLUMNS}) VALUES ({', '.join('?' * len(values))})", values)
    else:
        db.execute(f"INSERT INTO audit ({_COLUMNS}) VALUES ({', '.join('?' * (len(values) + 1))})",
                   (*values, actor.station))
    db.execute(
        "INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, ?, ?) "
        "ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash",
        (row_id, digest),
    )
    appended = getattr(db, "chain_appended", None)
    if appended is not None:
        appended(row_id, digest)
    return AuditRow(row_id, at, actor.operator, action, entity, contest_id, key, before_json,
                    after_json, reason, prev_hash, digest, actor.station)


def audit_rows(
    db: SqlDatabase, *, contest_id: str | None = None, action: str | None = None,
    entity: str | None = None, key: str | None = None, operator: str | None = None,
    after_id: int = 0, limit: int | None = None,
) -> list[AuditRow]:
    """Rows in order, filtered; `action` ending in "." matches a family ("sheet.")."""
    where: list[str] = ["id > ?"]
    params: list[str | int] = [after_id]
    for column, value in (("contest_id", contest_id), ("entity", entity), ("key", key), ("operator", operator)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if action is not None:
        if action.endswith("."):
            where.append("substr(action, 1, ?) = ?")
            params += [len(action), action]
        else:
            where.append("action = ?")
            params.append(action)
    sql = f"FROM audit WHERE {' AND '.join(where)} ORDER BY id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [AuditRow(*row) for row in _select(db, sql, params).fetchall()]


def audit_head(db: SqlDatabase) -> tuple[int, str]:
    """(last id, last hash): the chain's current end, to print or export as an anchor. In a server's
    write transaction, the end the server sent with the write lock (no round trip of its own: the
    hot path holds the lock for as few as it can)."""
    end = getattr(db, "chain_end", None)
    head = end() if end is not None else None
    if head is None:
        head = db.execute("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1").fetchone()
    return (int(head[0]), str(head[1])) if head and head[0] else (0, GENESIS_HASH)


def verify_audit_chain(db: SqlDatabase) -> AuditVerdict:
    """Walk the chain from the first row: every id in sequence, every hash recomputed and linked."""
    rows = (AuditRow(*row) for row in _select(db, "FROM audit ORDER BY id"))
    return verify_rows(rows, lambda: audit_head(db))


def _select(db: SqlDatabase, rest: str, params: Sequence[Any] = ()) -> Rows:
    """`SELECT <the row's columns> <rest>`. A file of the schema before m0003 (a backup an older
    countdesk made, checked as it is) has no station column: its rows have none."""
    try:
        return db.execute(f"SELECT {_COLUMNS} {rest}", params)
    except sqlite3.OperationalError as exc:
        if "station" not in str(exc):
            raise
        return db.execute(f"SELECT {_ROW_COLUMNS}, NULL {rest}", params)


def verify_rows(rows: Iterable[AuditRow], head: Callable[[], tuple[int, str]]) -> AuditVerdict:
    """The chain check over rows from anywhere (the count file, a bundle's audit log), ending at
    the recorded `head()` (asked once the rows are read)."""
    expected_id, prev_hash, checked = 1, GENESIS_HASH, 0
    for audit in rows:
        if audit.id != expected_id:
            return _bad(checked, prev_hash, expected_id,
                        f"audit row {expected_id} is missing (the next row is {audit.id})")
        if audit.prev_hash != prev_hash:
            return _bad(checked, prev_hash, audit.id,
                        f"audit row {audit.id} does not link to the row before it")
        recomputed = row_hash(audit.id, audit.at, audit.operator, audit.action, audit.entity,
                              audit.contest_id, audit.key, audit.before_json, audit.after_json,
                              audit.reason, audit.prev_hash, audit.station)
        if recomputed != audit.hash:
            return _bad(checked, prev_hash, audit.id, f"audit row {audit.id} was altered")
        prev_hash, expected_id, checked = audit.hash, expected_id + 1, checked + 1
    last_id, last_hash = head()
    if last_id != checked:
        if last_id > checked:
            return _bad(checked, prev_hash, checked + 1,
                        f"audit rows {checked + 1} to {last_id} are missing from the end of the trail")
        return _bad(checked, prev_hash, last_id + 1, "the audit trail's recorded end was altered")
    if last_hash != prev_hash:
        return _bad(checked, prev_hash, last_id, "the audit trail's recorded end does not match its last row")
    return AuditVerdict(True, checked, prev_hash)


#: The triggers that keep the trail append-only, exactly as the first migration creates them.
AUDIT_TRIGGERS = {
    "audit_append_only_update": "CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit\n"
                                "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "audit_append_only_delete": "CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit\n"
                                "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
}


def audit_trigger_problems(db: SqlDatabase) -> list[str]:
    """The append-only triggers dropped or rewritten outside the app, one sentence each."""
    if getattr(db, "dialect", "sqlite") == "postgresql":
        return server_trigger_problems(db)
    found = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"))
    problems = []
    for name, sql in AUDIT_TRIGGERS.items():
        if name not in found:
            problems.append(f"the audit trail's append-only trigger {name} was removed")
        elif " ".join(str(found[name]).split()) != " ".join(sql.split()):
            problems.append(f"the audit trail's append-only trigger {name} was altered")
    return problems


def server_trigger_problems(db: SqlDatabase) -> list[str]:
    """The same question on a count server: are the guard triggers there and switched on? Only the
    count's owner can drop or disable them (stations are not owners), so they are reported, not
    restored: a station refuses to write a count whose trail is unguarded."""
    found = dict(db.execute(
        "SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit'::regclass AND NOT tgisinternal"))
    problems = []
    for name in AUDIT_TRIGGERS:
        if name not in found:
            problems.append(f"the audit trail's append-only trigger {name} was removed")
        elif found[name] == "D":
            problems.append(f"the audit trail's append-only trigger {name} was switched off")
    return problems


def restore_audit_triggers(db: SqlDatabase) -> list[str]:
    """Put back the triggers that audit_trigger_problems names, inside the caller's transaction;
    the names of those restored."""
    if not db.conn.in_transaction:
        raise RuntimeError("the triggers are restored in the transaction that records it")
    restored = []
    for problem in audit_trigger_problems(db):
        name = next(n for n in AUDIT_TRIGGERS if n in problem)
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
        db.execute(AUDIT_TRIGGERS[name])
        restored.append(name)
    return restored


def _bad(checked: int, last_good_hash: str, row_id: int, problem: str) -> AuditVerdict:
    return AuditVerdict(False, checked, last_good_hash, first_bad_id=row_id, problem=problem)
