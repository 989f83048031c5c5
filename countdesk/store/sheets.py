"""Count sheets and lots: each save, replacement or removal is one transaction with its audit row.

These are the hot path of a count night, so they use prepared statements and touch only the
sheet's own rows: confirming a sheet costs a handful of indexed statements and one commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.model import CountSheet, Lot, frozen_map
from ..errors import ValidationError
from .audit import Actor, AuditRow, append_audit, audit_rows
from .records import lot_record, sheet_record
from .sql import CountStore, SqlDatabase


def get_sheet(db: SqlDatabase, contest_id: str, sheet_id: str) -> CountSheet | None:
    row = db.execute(
        "SELECT round, papers, rejected_in_part, non_transferable, second_rejected FROM count_sheet "
        "WHERE contest_id = ? AND id = ?", (contest_id, sheet_id),
    ).fetchone()
    if row is None:
        return None
    key = (contest_id, sheet_id)
    votes = db.execute(
        "SELECT v.candidate_id, v.votes FROM sheet_vote v JOIN candidate c "
        "ON c.contest_id = v.contest_id AND c.id = v.candidate_id "
        "WHERE v.contest_id = ? AND v.sheet_id = ? ORDER BY c.position", key,
    ).fetchall()
    rejected = db.execute(
        "SELECT head, papers FROM sheet_rejected WHERE contest_id = ? AND sheet_id = ?", key
    ).fetchall()
    return CountSheet(
        sheet_id, row[0], frozen_map(dict(votes)), frozen_map(dict(rejected)), papers=row[1],
        rejected_in_part=row[2], non_transferable=row[3], second_rejected=row[4],
    )


def sheet_exists(cdb: CountStore, contest_id: str, sheet_id: str) -> bool:
    with cdb.guard():
        return cdb.db.execute(
            "SELECT 1 FROM count_sheet WHERE contest_id = ? AND id = ?", (contest_id, sheet_id)
        ).fetchone() is not None


def read_sheet(cdb: CountStore, contest_id: str, sheet_id: str) -> CountSheet | None:
    with cdb.guard():
        return get_sheet(cdb.db, contest_id, sheet_id)


class ChangedSince(ValidationError):
    """The sheet (or box) was changed after the change an undo (or redo) means to take back: writing
    the old figures would silently replace someone else's later ones. `row` is that later change."""

    def __init__(self, contest_id: str, sheet_id: str, row: AuditRow, entity: str = "count_sheet") -> None:
        who = row.operator + (f" at {row.station}" if row.station else "")
        what, where = ("box", "boxes") if entity == "box" else ("sheet", "count_sheets")
        super().__init__(
            f"{what} {sheet_id} was changed since, by {who} at {row.at[11:19]} UTC (audit row {row.id}): undoing "
            f"would write over their figures; look at the {what} again and correct it if it needs it",
            f"contests[{contest_id}].{where}[{sheet_id}]")
        self.row = row


def check_unchanged_since(db: SqlDatabase, contest_id: str, sheet_id: str, audit_id: int | None,
                          own: Iterable[int] = (), entity: str = "count_sheet") -> None:
    """Refuse when the sheet has an audit row after `audit_id` (None: no check) that is not one of
    the caller's `own` later writes (an undo stack's later steps on the sheet, undone since). Each
    of `own` is the last audit row of one write, whose rows are consecutive (written under the
    write lock): the sheet's row of that write is the last one on the sheet at or before it.
    Called inside the writing transaction, under a server's write lock: nothing slips in between."""
    if audit_id is None:
        return
    later = audit_rows(db, contest_id=contest_id, entity=entity, key=sheet_id, after_id=audit_id)
    ids = [row.id for row in later]
    mine = {max(i for i in ids if i <= end) for end in own if any(i <= end for i in ids)}
    foreign = [row for row in later if row.id not in mine]
    if foreign:
        raise ChangedSince(contest_id, sheet_id, foreign[-1], entity)


def save_sheet(
    cdb: CountStore, actor: Actor, contest_id: str, sheet: CountSheet, *,
    reason: str | None = None, action: str = "sheet.save", replacing: bool | None = None,
    unchanged_since: int | None = None, own: Iterable[int] = (),
) -> CountSheet | None:
    """Insert the sheet, or replace the one with its id (keeping its place). Returns the one replaced.

    `replacing` is what the caller saw before it asked (None: either is fine). When another station
    recorded the sheet in between, the write is refused rather than silently replacing theirs.
    `unchanged_since`: an undo's optimistic check (check_unchanged_since)."""
    with cdb.transaction() as db:
        check_unchanged_since(db, contest_id, sheet.id, unchanged_since, own)
        if replacing is False:  # the common case, a new sheet: one look, not the four of get_sheet
            exists = db.execute("SELECT 1 FROM count_sheet WHERE contest_id = ? AND id = ?",
                                (contest_id, sheet.id)).fetchone() is not None
            before = get_sheet(db, contest_id, sheet.id) if exists else None
        else:
            before = get_sheet(db, contest_id, sheet.id)
        if replacing is not None and replacing != (before is not None):
            raise ValidationError(
                f"sheet {sheet.id} was just {'recorded' if before is not None else 'removed'} at another "
                "station: look at it again before saving", f"contests[{contest_id}].count_sheets[{sheet.id}]")
        if before is None:
            insert_sheet_rows(db, contest_id, sheet, None)
        else:
            _delete_figures(db, contest_id, sheet.id)
            db.execute(
                "UPDATE count_sheet SET round = ?, papers = ?, rejected_in_part = ?, non_transferable = ?, "
                "second_rejected = ? WHERE contest_id = ? AND id = ?",
                (sheet.round, sheet.papers, sheet.rejected_in_part, sheet.non_transferable, sheet.second_rejected,
                 contest_id, sheet.id),
            )
            insert_figures(db, contest_id, sheet)
        append_audit(
            db, actor, action, "count_sheet", contest_id=contest_id, key=sheet.id,
            before=None if before is None else sheet_record(before), after=sheet_record(sheet), reason=reason,
        )
    return before


def delete_sheet(cdb: CountStore, actor: Actor, contest_id: str, sheet_id: str, *, reason: str,
                 unchanged_since: int | None = None, own: Iterable[int] = ()) -> CountSheet:
    with cdb.transaction() as db:
        check_unchanged_since(db, contest_id, sheet_id, unchanged_since, own)
        before = get_sheet(db, contest_id, sheet_id)
        if before is None:
            raise ValidationError(f'no count sheet "{sheet_id}"', f"contests[{contest_id}].count_sheets[{sheet_id}]")
        db.execute("DELETE FROM count_sheet WHERE contest_id = ? AND id = ?", (contest_id, sheet_id))
        append_audit(db, actor, "sheet.delete", "count_sheet", contest_id=contest_id, key=sheet_id,
                     before=sheet_record(before), reason=reason)
    return before


def insert_sheet_rows(db: SqlDatabase, contest_id: str, sheet: CountSheet, position: int | None) -> None:
    """A new sheet and its figures, no audit: for callers that audit the whole operation. Without a
    position it goes last (found in the same statement: one round trip fewer to a server)."""
    values = (contest_id, sheet.id, sheet.round, sheet.papers, sheet.rejected_in_part, sheet.non_transferable,
              sheet.second_rejected)
    columns = "contest_id, id, round, papers, rejected_in_part, non_transferable, second_rejected, position"
    if position is None:
        db.execute(f"INSERT INTO count_sheet ({columns}) SELECT ?, ?, ?, ?, ?, ?, ?, coalesce(max(position), 0) + 1 "
                   "FROM count_sheet WHERE contest_id = ?", (*values, contest_id))
    else:
        db.execute(f"INSERT INTO count_sheet ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (*values, position))
    insert_figures(db, contest_id, sheet)


def insert_figures(db: SqlDatabase, contest_id: str, sheet: CountSheet) -> None:
    """One multi-row INSERT per table: fewer round trips than executemany on the hot path."""
    for table, column, figures in (
        ("sheet_vote", "candidate_id", sheet.votes),
        ("sheet_rejected", "head", sheet.rejected),
    ):
        if not figures:
            continue
        value_column = "votes" if table == "sheet_vote" else "papers"
        params = [v for name, n in figures.items() for v in (contest_id, sheet.id, name, n)]
        db.conn.execute(
            f"INSERT INTO {table} (contest_id, sheet_id, {column}, {value_column}) VALUES "
            + ", ".join(["(?, ?, ?, ?)"] * len(figures)),
            params,
        )


def _delete_figures(db: SqlDatabase, contest_id: str, sheet_id: str) -> None:
    for table in ("sheet_vote", "sheet_rejected"):
        db.execute(f"DELETE FROM {table} WHERE contest_id = ? AND sheet_id = ?", (contest_id, sheet_id))


def add_lot(cdb: CountStore, actor: Actor, contest_id: str, lot: Lot, *, reason: str | None = None) -> int:
    """Record a lot the returning officer drew. Returns its number within the contest."""
    with cdb.transaction() as db:
        number = int(db.execute(
            "SELECT coalesce(max(number), 0) + 1 FROM lot WHERE contest_id = ?", (contest_id,)
        ).fetchone()[0])
        insert_lot_rows(db, contest_id, number, lot)
        append_audit(db, actor, "lot.record", "lot", contest_id=contest_id, key=str(number),
                     after=lot_record(lot), reason=reason)
    return number


def insert_lot_rows(db: SqlDatabase, contest_id: str, number: int, lot: Lot) -> None:
    db.execute(
        "INSERT INTO lot (contest_id, number, drawn_by, drawn_at, witnesses) VALUES (?, ?, ?, ?, ?)",
        (contest_id, number, lot.drawn_by, lot.drawn_at, lot.witnesses),
    )
    db.conn.executemany(
        "INSERT INTO lot_candidate (contest_id, lot_number, role, position, candidate_id) VALUES (?, ?, ?, ?, ?)",
        [(contest_id, number, "tied", i, cid) for i, cid in enumerate(lot.tied)]
        + [(contest_id, number, "winner", i, cid) for i, cid in enumerate(lot.winners)],
    )


def lot_numbers(cdb: CountStore, contest_id: str) -> list[int]:
    """The lots' numbers in the order `load_contest` lists them."""
    with cdb.guard():
        return [r[0] for r in cdb.db.execute(
            "SELECT number FROM lot WHERE contest_id = ? ORDER BY number", (contest_id,)
        )]


def delete_lot(cdb: CountStore, actor: Actor, contest_id: str, number: int, lot: Lot, *, reason: str) -> None:
    with cdb.transaction() as db:
        db.execute("DELETE FROM lot WHERE contest_id = ? AND number = ?", (contest_id, number))
        append_audit(db, actor, "lot.delete", "lot", contest_id=contest_id, key=str(number),
                     before=lot_record(lot), reason=reason)
