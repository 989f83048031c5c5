"""The returning officer's decisions that close a count: a difference accepted, a result declared.

Each is one transaction with its audit row, so the replay (services/integrity.py) rebuilds exactly
what the tables hold: `contest.accept_difference` adds the acceptance as recorded;
`contest.void_acceptance` removes one that a later change voided (the row keeps what it was);
`contest.declare` and `contest.unlock` set or clear the stage with when and by whom.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..domain.model import AcceptedDifference, Declaration
from .audit import Actor, append_audit
from .records import accepted_difference_record
from .sql import CountStore


def add_accepted_difference(
    cdb: CountStore, actor: Actor, contest_id: str, difference: AcceptedDifference,
) -> None:
    with cdb.transaction() as db:
        number = db.execute(
            "SELECT coalesce(max(number), 0) + 1 FROM accepted_difference WHERE contest_id = ?", (contest_id,)
        ).fetchone()[0]
        db.execute(
            "INSERT INTO accepted_difference (contest_id, number, stage, counted, expected, reason, accepted_by, "
            "accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (contest_id, number, difference.stage, difference.counted, difference.expected, difference.reason,
             difference.accepted_by, difference.accepted_at),
        )
        append_audit(db, actor, "contest.accept_difference", "contest", contest_id=contest_id, key=str(number),
                     after=accepted_difference_record(difference), reason=difference.reason)


def contests_with_acceptances(cdb: CountStore) -> list[str]:
    """The contests that hold an accepted difference (usually none: one query, on every write)."""
    with cdb.guard():
        return [row[0] for row in cdb.db.execute("SELECT DISTINCT contest_id FROM accepted_difference")]


def void_accepted_differences(
    cdb: CountStore, actor: Actor, contest_id: str, void: Sequence[tuple[AcceptedDifference, str]],
) -> None:
    """Remove each acceptance in `void` (with the sentence saying why it is void), one audit row
    each, `before` holding the acceptance as it was: void for good, whatever the figures do next."""
    why = dict(void)
    with cdb.transaction() as db:
        rows = db.execute(
            "SELECT number, stage, counted, expected, reason, accepted_by, accepted_at FROM accepted_difference "
            "WHERE contest_id = ? ORDER BY number", (contest_id,),
        ).fetchall()
        for number, *fields in rows:
            difference = AcceptedDifference(*fields)
            if difference not in why:
                continue
            db.execute("DELETE FROM accepted_difference WHERE contest_id = ? AND number = ?", (contest_id, number))
            append_audit(db, actor, "contest.void_acceptance", "contest", contest_id=contest_id, key=str(number),
                         before=accepted_difference_record(difference), reason=why[difference])


def set_declared(
    cdb: CountStore, actor: Actor, contest_id: str, declaration: Declaration | None, *, stage: str,
    reason: str | None = None, extra: dict[str, Any] | None = None,
) -> None:
    """Declare (`declaration` given: stage "declared", with when and by whom) or unlock (None)."""
    at = None if declaration is None else declaration.at
    by = None if declaration is None else declaration.by
    with cdb.transaction() as db:
        old = db.execute("SELECT stage, declared_at, declared_by FROM contest WHERE id = ?", (contest_id,)).fetchone()
        db.execute("UPDATE contest SET stage = ?, declared_at = ?, declared_by = ? WHERE id = ?",
                   (stage, at, by, contest_id))
        before = {"stage": old[0], "declared": None if old[1] is None else {"at": old[1], "by": old[2]}}
        after = {"stage": stage, "declared": None if declaration is None else {"at": at, "by": by}, **(extra or {})}
        append_audit(db, actor, "contest.declare" if declaration is not None else "contest.unlock", "contest",
                     contest_id=contest_id, key=contest_id, before=before, after=after, reason=reason)
