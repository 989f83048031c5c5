"""Moving a count between a file and a server, exactly: every table, row for row, the audit trail
with its ids and hashes included, so the copy's chain verifies to the same head and a count can go
to the server at the start of the night and come home as a file after it.

The copy is made from one snapshot of the source into a new, empty count of the same schema, in
one transaction (all of it or nothing), then read back from both sides and compared table by
table, and the copy's chain verified, before it is called done.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..errors import CountdeskError
from .audit import audit_head, verify_audit_chain
from .locations import Store
from .sql import CountStore, first_value

#: The order rows are copied in (parents before children); tables a later version adds go last.
COPY_ORDER = (
    "election", "contest", "candidate", "box", "count_sheet", "sheet_vote", "sheet_rejected",
    "lot", "lot_candidate", "accepted_difference", "round2_instruction", "keying", "setting", "operator_session",
    "audit", "audit_head",
)
#: Each backend's own bookkeeping: which migrations ran (both have run the same ones).
_BOOKKEEPING = {"_sqlite_migrations", "countdesk_migrations"}


@dataclass(frozen=True)
class CopyReport:
    tables: int
    rows: int
    audit_rows: int
    audit_head_hash: str


def count_tables(store: CountStore) -> list[str]:
    if store.shared:
        sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    names = {r[0] for r in store.db.execute(sql)} - _BOOKKEEPING
    return [t for t in COPY_ORDER if t in names] + sorted(names - set(COPY_ORDER))


def _columns(store: CountStore, table: str) -> list[str]:
    if store.shared:
        return [r[0] for r in store.db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? ORDER BY ordinal_position", (table,))]
    return [r[1] for r in store.db.execute(f"PRAGMA table_info({table})")]


def _rows(store: CountStore, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in store.db.execute(f"SELECT {', '.join(columns)} FROM {table}")]


def copy_count(source: Store, target: Store) -> CopyReport:
    """Copy everything in `source` into `target`, a new count of the same schema with no rows."""
    with source.snapshot():
        verdict = verify_audit_chain(source.db)
        if not verdict.ok:
            raise CountdeskError(f"{source.path.name}'s audit trail does not verify ({verdict.problem}): "
                                 "it is not copied", str(source.path))
        tables = count_tables(source)
        if set(tables) != set(count_tables(target)):
            raise CountdeskError(
                f"{source.path.name} and {target.path.name} do not have the same tables: both must be "
                "counts of this version of countdesk")
        columns = {t: _columns(source, t) for t in tables}
        for table in tables:
            if set(columns[table]) != set(_columns(target, table)):
                raise CountdeskError(f"the {table} table differs between {source.path.name} and {target.path.name}")
        data = {t: _rows(source, t, columns[t]) for t in tables}
    with target.transaction() as db:
        for table in tables:
            if first_value(db.execute(f"SELECT count(*) FROM {table}")):
                raise CountdeskError(f"{target.path.name} already holds a count: copy into a new one", str(target.path))
        for table in tables:
            if data[table]:
                marks = ", ".join("?" * len(columns[table]))
                db.conn.executemany(f"INSERT INTO {table} ({', '.join(columns[table])}) VALUES ({marks})",
                                    data[table])
    return check_copy(data, columns, target)


def check_copy(data: dict[str, list[tuple[Any, ...]]], columns: dict[str, list[str]], target: Store) -> CopyReport:
    """Read the copy back and compare it with what was read from the source, table by table."""
    with target.snapshot():
        for table, rows in data.items():
            if Counter(_rows(target, table, columns[table])) != Counter(rows):
                raise CountdeskError(f"the copy's {table} table does not match the original", str(target.path))
        verdict = verify_audit_chain(target.db)
        head = audit_head(target.db)
    if not verdict.ok:
        raise CountdeskError(f"the copy's audit trail does not verify: {verdict.problem}", str(target.path))
    return CopyReport(len(data), sum(len(r) for r in data.values()), verdict.rows_checked, head[1])
