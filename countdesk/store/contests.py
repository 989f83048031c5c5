"""Set-up and verification writes: the election, contests, candidates and boxes, each audited.

Callers (the services) validate first; these functions keep the file consistent and record the
before and after of every change in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from ..domain.model import Box, Candidate, Contest, Election
from ..errors import ValidationError
from .audit import Actor, append_audit
from .records import CONTEST_DETAIL_FIELDS, box_record, candidate_record, contest_record, election_record
from .repository import Stage, load_contest, load_election
from .sheets import check_unchanged_since, insert_lot_rows, insert_sheet_rows
from .sql import CountStore, SqlDatabase


def save_election(cdb: CountStore, actor: Actor, election: Election, *, reason: str | None = None) -> None:
    with cdb.transaction() as db:
        exists = db.execute("SELECT 1 FROM election").fetchone() is not None
        before = election_record(load_election(cdb)) if exists else None
        after = election_record(election)
        if before == after:
            return
        db.execute(
            "INSERT INTO election (singleton, id, title, poll_date, area, returning_officer, bilingual, deputy, "
            "nation, title_cy) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (singleton) DO UPDATE SET "
            "id = excluded.id, title = excluded.title, poll_date = excluded.poll_date, area = excluded.area, "
            "returning_officer = excluded.returning_officer, bilingual = excluded.bilingual, "
            "deputy = excluded.deputy, nation = excluded.nation, title_cy = excluded.title_cy",
            (election.id, election.title, election.poll_date.isoformat(), election.area,
             election.returning_officer, int(election.bilingual), int(election.deputy), str(election.nation),
             election.title_cy),
        )
        append_audit(db, actor, "election.update" if exists else "election.create", "election",
                     key=election.id, before=before, after=after, reason=reason)


def stage_from_data(contest: Contest) -> Stage:
    """The stage a contest's own figures show (as migration m0002 infers it for old files)."""
    if contest.count_sheets:
        return Stage.COUNT
    if any(box.verified is not None for box in contest.boxes):
        return Stage.VERIFICATION
    return Stage.SETUP


def add_contest(
    cdb: CountStore, actor: Actor, contest: Contest, *, reason: str | None = None,
    action: str = "contest.add",
) -> None:
    """A whole contest: candidates, boxes, sheets and lots, as one audited operation."""
    with cdb.transaction() as db:
        if db.execute("SELECT 1 FROM contest WHERE id = ?", (contest.id,)).fetchone():
            raise ValidationError(f'there is already a contest "{contest.id}"', f"contests[{contest.id}]")
        position = db.execute("SELECT coalesce(max(position), 0) + 1 FROM contest").fetchone()[0]
        declared = contest.declared
        db.execute(
            "INSERT INTO contest (id, position, title, system, seats, electorate, stage, office, counting, "
            "title_cy, question, declared_at, declared_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (contest.id, position, contest.title, str(contest.system), contest.seats, contest.electorate,
             str(stage_from_data(contest)), str(contest.office), str(contest.counting), contest.title_cy,
             contest.question, None if declared is None else declared.at, None if declared is None else declared.by),
        )
        db.conn.executemany(
            "INSERT INTO accepted_difference (contest_id, number, stage, counted, expected, reason, accepted_by, "
            "accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(contest.id, i, d.stage, d.counted, d.expected, d.reason, d.accepted_by, d.accepted_at)
             for i, d in enumerate(contest.accepted_differences, 1)],
        )
        db.conn.executemany(
            "INSERT INTO candidate (contest_id, id, position, name, description) VALUES (?, ?, ?, ?, ?)",
            [(contest.id, c.id, i, c.name, c.description) for i, c in enumerate(contest.candidates, 1)],
        )
        db.conn.executemany(
            "INSERT INTO box (contest_id, id, position, label, postal, ballot_paper_account, verified, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [_box_row(contest.id, b, i) for i, b in enumerate(contest.boxes, 1)],
        )
        for i, sheet in enumerate(contest.count_sheets, 1):
            insert_sheet_rows(db, contest.id, sheet, i)
        for i, lot in enumerate(contest.lots, 1):
            insert_lot_rows(db, contest.id, i, lot)
        append_audit(db, actor, action, "contest", contest_id=contest.id, key=contest.id,
                     after=contest_record(contest), reason=reason)
        if declared is not None:
            # A contest whose count file says it was declared comes in locked, as the app leaves a
            # declared contest: no figure can change under a declaration until the RO unlocks it.
            set_contest_field(cdb, actor, contest.id, "stage", str(Stage.DECLARED), action="contest.stage",
                              reason=f"declared ({declared.at}, by {declared.by}) in what was imported: locked "
                                     "until the returning officer unlocks it")


def remove_contest(cdb: CountStore, actor: Actor, contest_id: str, *, reason: str | None) -> Contest:
    with cdb.transaction() as db:
        before = load_contest(cdb, contest_id)
        db.execute("DELETE FROM contest WHERE id = ?", (contest_id,))
        append_audit(db, actor, "contest.remove", "contest", contest_id=contest_id, key=contest_id,
                     before=contest_record(before), reason=reason)
    return before


def update_contest(
    cdb: CountStore, actor: Actor, contest_id: str, *, reason: str | None = None, **changes: Any,
) -> None:
    """Change any of the contest's own fields (CONTEST_DETAIL_FIELDS); enums are stored by value."""
    unknown = set(changes) - set(CONTEST_DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"not a contest detail: {sorted(unknown)}")
    values = {name: str(value) if isinstance(value, StrEnum) else value for name, value in changes.items()}
    with cdb.transaction() as db:
        before = _contest_details(db, contest_id)
        if values:
            db.execute(
                f"UPDATE contest SET {', '.join(f'{name} = ?' for name in values)} WHERE id = ?",
                (*values.values(), contest_id),
            )
        append_audit(db, actor, "contest.update", "contest", contest_id=contest_id, key=contest_id,
                     before=before, after={**before, **values}, reason=reason)


def set_contest_field(
    cdb: CountStore, actor: Actor, contest_id: str, field: str, value: Any, *, action: str,
    reason: str | None = None, extra: dict[str, Any] | None = None,
) -> None:
    """Change the stage or the double-entry flag; `extra` adds context (who was elected) to `after`."""
    if field not in ("stage", "double_entry"):
        raise ValueError(field)
    with cdb.transaction() as db:
        old = db.execute(f"SELECT {field} FROM contest WHERE id = ?", (contest_id,)).fetchone()[0]
        db.execute(f"UPDATE contest SET {field} = ? WHERE id = ?", (value, contest_id))
        append_audit(db, actor, action, "contest", contest_id=contest_id, key=contest_id,
                     before={field: old}, after={field: value, **(extra or {})}, reason=reason)


def _contest_details(db: SqlDatabase, contest_id: str) -> dict[str, Any]:
    columns = ("id", *CONTEST_DETAIL_FIELDS)
    row = db.execute(f"SELECT {', '.join(columns)} FROM contest WHERE id = ?", (contest_id,)).fetchone()
    if row is None:
        raise ValidationError(f'no contest "{contest_id}"', f"contests[{contest_id}]")
    return dict(zip(columns, row, strict=True))


# Candidates -------------------------------------------------------------------------------------

def add_candidate(cdb: CountStore, actor: Actor, contest_id: str, candidate: Candidate, index: int | None) -> None:
    """Insert at ballot position `index` (0-based), or last."""
    with cdb.transaction() as db:
        order = _candidate_order(db, contest_id)
        if candidate.id in order:
            raise ValidationError(f'there is already a candidate "{candidate.id}"',
                                  f"contests[{contest_id}].candidates[{candidate.id}]")
        order.insert(len(order) if index is None else index, candidate.id)
        db.execute(
            "INSERT INTO candidate (contest_id, id, position, name, description) VALUES (?, ?, ?, ?, ?)",
            (contest_id, candidate.id, 0, candidate.name, candidate.description),
        )
        _write_order(db, contest_id, order)
        append_audit(db, actor, "candidate.add", "candidate", contest_id=contest_id, key=candidate.id,
                     after={**candidate_record(candidate), "position": order.index(candidate.id) + 1})


def update_candidate(cdb: CountStore, actor: Actor, contest_id: str, candidate: Candidate) -> None:
    with cdb.transaction() as db:
        row = db.execute("SELECT name, description FROM candidate WHERE contest_id = ? AND id = ?",
                         (contest_id, candidate.id)).fetchone()
        if row is None:
            raise _no_candidate(contest_id, candidate.id)
        db.execute("UPDATE candidate SET name = ?, description = ? WHERE contest_id = ? AND id = ?",
                   (candidate.name, candidate.description, contest_id, candidate.id))
        append_audit(db, actor, "candidate.update", "candidate", contest_id=contest_id, key=candidate.id,
                     before={"id": candidate.id, "name": row[0], "description": row[1]},
                     after=candidate_record(candidate))


def remove_candidate(
    cdb: CountStore, actor: Actor, contest_id: str, candidate_id: str, *, reason: str | None,
) -> None:
    with cdb.transaction() as db:
        row = db.execute("SELECT name, description, position FROM candidate WHERE contest_id = ? AND id = ?",
                         (contest_id, candidate_id)).fetchone()
        if row is None:
            raise _no_candidate(contest_id, candidate_id)
        db.execute("DELETE FROM candidate WHERE contest_id = ? AND id = ?", (contest_id, candidate_id))
        _write_order(db, contest_id, _candidate_order(db, contest_id))
        append_audit(db, actor, "candidate.remove", "candidate", contest_id=contest_id, key=candidate_id,
                     before={"id": candidate_id, "name": row[0], "description": row[1]}, reason=reason)


def reorder_candidates(
    cdb: CountStore, actor: Actor, contest_id: str, order: Sequence[str], *, reason: str | None = None,
) -> None:
    with cdb.transaction() as db:
        before = _candidate_order(db, contest_id)
        _write_order(db, contest_id, list(order))
        append_audit(db, actor, "candidate.reorder", "contest", contest_id=contest_id, key=contest_id,
                     before={"candidates": before}, after={"candidates": list(order)}, reason=reason)


def _no_candidate(contest_id: str, candidate_id: str) -> ValidationError:
    return ValidationError(f'no candidate "{candidate_id}"', f"contests[{contest_id}].candidates[{candidate_id}]")


def _candidate_order(db: SqlDatabase, contest_id: str) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT id FROM candidate WHERE contest_id = ? ORDER BY position", (contest_id,))]


def _write_order(db: SqlDatabase, contest_id: str, order: list[str]) -> None:
    db.conn.executemany("UPDATE candidate SET position = ? WHERE contest_id = ? AND id = ?",
                        [(i, contest_id, cid) for i, cid in enumerate(order, 1)])


# Boxes ------------------------------------------------------------------------------------------

def _box_row(
    contest_id: str, box: Box, position: int
) -> tuple[str, str, int, str, int, int | None, int | None, str | None]:
    return (contest_id, box.id, position, box.label, int(box.postal), box.ballot_paper_account,
            box.verified, box.note)


def get_box(db: SqlDatabase, contest_id: str, box_id: str) -> Box | None:
    row = db.execute(
        "SELECT id, label, postal, ballot_paper_account, verified, note FROM box WHERE contest_id = ? AND id = ?",
        (contest_id, box_id),
    ).fetchone()
    return None if row is None else Box(row[0], row[1], bool(row[2]), row[3], row[4], row[5])


def read_box(cdb: CountStore, contest_id: str, box_id: str) -> Box | None:
    with cdb.guard():
        return get_box(cdb.db, contest_id, box_id)


def add_box(cdb: CountStore, actor: Actor, contest_id: str, box: Box) -> None:
    with cdb.transaction() as db:
        if get_box(db, contest_id, box.id) is not None:
            raise ValidationError(f'there is already a box "{box.id}"', f"contests[{contest_id}].boxes[{box.id}]")
        position = db.execute("SELECT coalesce(max(position), 0) + 1 FROM box WHERE contest_id = ?",
                              (contest_id,)).fetchone()[0]
        db.execute("INSERT INTO box (contest_id, id, position, label, postal, ballot_paper_account, verified, note) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", _box_row(contest_id, box, position))
        append_audit(db, actor, "box.add", "box", contest_id=contest_id, key=box.id, after=box_record(box))


def update_box(
    cdb: CountStore, actor: Actor, contest_id: str, box: Box, *, action: str = "box.update",
    reason: str | None = None, unchanged_since: int | None = None, own: Iterable[int] = (),
) -> Box:
    """`unchanged_since`, `own`: an undo's optimistic check, as for a sheet (sheets.check_unchanged_since)."""
    with cdb.transaction() as db:
        check_unchanged_since(db, contest_id, box.id, unchanged_since, own, entity="box")
        before = get_box(db, contest_id, box.id)
        if before is None:
            raise ValidationError(f'no box "{box.id}"', f"contests[{contest_id}].boxes[{box.id}]")
        db.execute(
            "UPDATE box SET label = ?, postal = ?, ballot_paper_account = ?, verified = ?, note = ? "
            "WHERE contest_id = ? AND id = ?",
            (box.label, int(box.postal), box.ballot_paper_account, box.verified, box.note, contest_id, box.id),
        )
        append_audit(db, actor, action, "box", contest_id=contest_id, key=box.id,
                     before=box_record(before), after=box_record(box), reason=reason)
    return before


def remove_box(cdb: CountStore, actor: Actor, contest_id: str, box_id: str, *, reason: str | None) -> Box:
    with cdb.transaction() as db:
        before = get_box(db, contest_id, box_id)
        if before is None:
            raise ValidationError(f'no box "{box_id}"', f"contests[{contest_id}].boxes[{box_id}]")
        db.execute("DELETE FROM box WHERE contest_id = ? AND id = ?", (contest_id, box_id))
        append_audit(db, actor, "box.remove", "box", contest_id=contest_id, key=box_id,
                     before=box_record(before), reason=reason)
    return before


def contest_has_entries(cdb: CountStore, contest_id: str) -> dict[str, int]:
    """How many sheets, lots and verified boxes a contest has (what a set-up change could orphan)."""
    queries = {
        "count_sheets": "SELECT count(*) FROM count_sheet WHERE contest_id = ?",
        "lots": "SELECT count(*) FROM lot WHERE contest_id = ?",
        "verified_boxes": "SELECT count(*) FROM box WHERE contest_id = ? AND verified IS NOT NULL",
    }
    with cdb.guard():
        return {name: cdb.db.execute(sql, (contest_id,)).fetchone()[0] for name, sql in queries.items()}
