"""Reading the count back as domain objects: one query per table, whatever the count's size.

`load_count` is what the tally, the reports and the exports start from; `contest_states` is the
small summary a session keeps in memory to validate entries without reloading the count.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from ..domain.model import (
    REJECTED_HEADS,
    AcceptedDifference,
    Box,
    Candidate,
    Contest,
    Count,
    Counting,
    CountSheet,
    Declaration,
    Election,
    Lot,
    Nation,
    Office,
    VotingSystem,
    frozen_map,
)
from ..errors import CountdeskError
from .sql import CountStore, SqlDatabase


class Stage(StrEnum):
    """Where a contest's count has reached. Only DECLARED restricts anything: it locks the contest."""

    SETUP = "setup"
    VERIFICATION = "verification"
    COUNT = "count"
    DECLARED = "declared"


@dataclass(frozen=True)
class ContestState:
    """What a session needs to validate an entry for a contest, without loading its figures."""

    id: str
    title: str
    system: VotingSystem
    seats: int
    candidate_ids: tuple[str, ...]
    stage: Stage
    double_entry: bool
    office: Office = Office.COUNCIL
    counting: Counting = Counting.WHOLE

    @property
    def declared(self) -> bool:
        return self.stage is Stage.DECLARED


def load_election(cdb: CountStore) -> Election:
    with cdb.guard():
        row = cdb.db.execute(
            "SELECT id, title, poll_date, area, returning_officer, bilingual, deputy, nation, title_cy FROM election"
        ).fetchone()
    if row is None:
        raise CountdeskError(f"{cdb.path.name} holds no election", str(cdb.path))
    return Election(row[0], row[1], date.fromisoformat(row[2]), row[3], row[4], bool(row[5]),
                    deputy=bool(row[6]), nation=Nation(row[7]), title_cy=row[8])


def load_count(cdb: CountStore) -> Count:
    """The whole count, contests in their order, everything in ballot-paper and entry order."""
    with cdb.snapshot():  # one state of the file, not tables read across a writer's commit
        election = load_election(cdb)
        return Count(election, _load_contests(cdb.db, None))


def load_contest(cdb: CountStore, contest_id: str) -> Contest:
    with cdb.snapshot():
        contests = _load_contests(cdb.db, contest_id)
    if not contests:
        raise CountdeskError(f'no contest "{contest_id}"', f"contests[{contest_id}]")
    return contests[0]


def contest_states(cdb: CountStore) -> dict[str, ContestState]:
    with cdb.guard():
        return _contest_states(cdb.db, None)


def contest_state(cdb: CountStore, contest_id: str) -> ContestState | None:
    with cdb.guard():
        return _contest_states(cdb.db, contest_id).get(contest_id)


def count_contests(cdb: CountStore) -> int:
    with cdb.guard():
        return int(cdb.db.execute("SELECT count(*) FROM contest").fetchone()[0])


def _contest_states(db: SqlDatabase, contest_id: str | None) -> dict[str, ContestState]:
    where, params = _filter(contest_id)
    where_contest = "WHERE id = ?" if contest_id is not None else ""
    # Both asked before either is read: on a server, one round trip (under the write lock, on the hot path).
    candidate_rows = db.execute(f"SELECT contest_id, id FROM candidate {where} ORDER BY contest_id, position", params)
    contest_rows = db.execute(
        f"SELECT id, title, system, seats, stage, double_entry, office, counting FROM contest {where_contest} "
        "ORDER BY position", params,
    )
    candidates: dict[str, list[str]] = defaultdict(list)
    for cid, candidate_id in candidate_rows.fetchall():
        candidates[cid].append(candidate_id)
    return {
        row[0]: ContestState(row[0], row[1], VotingSystem(row[2]), row[3], tuple(candidates[row[0]]),
                             Stage(row[4]), bool(row[5]), Office(row[6]), Counting(row[7]))
        for row in contest_rows.fetchall()
    }


def _filter(contest_id: str | None, column: str = "contest_id") -> tuple[str, list[Any]]:
    if contest_id is None:
        return "", []
    return f"WHERE {column} = ?", [contest_id]


def _load_contests(db: SqlDatabase, contest_id: str | None) -> tuple[Contest, ...]:
    where, params = _filter(contest_id)

    candidates: dict[str, list[Candidate]] = defaultdict(list)
    for cid, candidate_id, name, description in db.execute(
        f"SELECT contest_id, id, name, description FROM candidate {where} ORDER BY contest_id, position",
        params,
    ):
        candidates[cid].append(Candidate(candidate_id, name, description))

    boxes: dict[str, list[Box]] = defaultdict(list)
    for cid, box_id, label, postal, account, verified, note in db.execute(
        "SELECT contest_id, id, label, postal, ballot_paper_account, verified, note "
        f"FROM box {where} ORDER BY contest_id, position", params,
    ):
        boxes[cid].append(Box(box_id, label, bool(postal), account, verified, note))

    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    vote_where = "WHERE v.contest_id = ?" if contest_id is not None else ""
    for cid, sheet_id, candidate_id, count in db.execute(
        "SELECT v.contest_id, v.sheet_id, v.candidate_id, v.votes FROM sheet_vote v "
        "JOIN candidate c ON c.contest_id = v.contest_id AND c.id = v.candidate_id "
        f"{vote_where} ORDER BY v.contest_id, v.sheet_id, c.position", params,
    ):
        votes[(cid, sheet_id)][candidate_id] = count
    rejected = _heads(db, "sheet_rejected", where, params, REJECTED_HEADS)

    sheets: dict[str, list[CountSheet]] = defaultdict(list)
    for cid, sheet_id, round_number, papers, in_part, non_transferable, second_rejected in db.execute(
        "SELECT contest_id, id, round, papers, rejected_in_part, non_transferable, second_rejected "
        f"FROM count_sheet {where} ORDER BY contest_id, position", params,
    ):
        key = (cid, sheet_id)
        sheets[cid].append(CountSheet(
            sheet_id, round_number, frozen_map(votes.get(key)), frozen_map(rejected.get(key)),
            papers=papers, rejected_in_part=in_part, non_transferable=non_transferable,
            second_rejected=second_rejected,
        ))

    lots = _load_lots(db, where, params)
    differences: dict[str, list[AcceptedDifference]] = defaultdict(list)
    for cid, *fields in db.execute(
        "SELECT contest_id, stage, counted, expected, reason, accepted_by, accepted_at "
        f"FROM accepted_difference {where} ORDER BY contest_id, number", params,
    ):
        differences[cid].append(AcceptedDifference(*fields))

    contests = []
    for (cid, title, system, seats, electorate, office, counting, title_cy, question, declared_at,
         declared_by) in db.execute(
        "SELECT id, title, system, seats, electorate, office, counting, title_cy, question, declared_at, "
        f"declared_by FROM contest {_filter(contest_id, 'id')[0]} ORDER BY position", params,
    ):
        contests.append(Contest(
            cid, title, VotingSystem(system), seats, tuple(candidates[cid]), tuple(boxes[cid]),
            tuple(sheets[cid]), tuple(lots[cid]), electorate, office=Office(office),
            counting=Counting(counting), title_cy=title_cy, question=question,
            accepted_differences=tuple(differences[cid]),
            declared=Declaration(declared_at, declared_by) if declared_at is not None else None,
        ))
    return tuple(contests)


def _heads(
    db: SqlDatabase, table: str, where: str, params: list[Any], order: tuple[str, ...]
) -> dict[tuple[str, str], dict[str, int]]:
    """Figures by head for every sheet, in statement order (the order the heads are printed)."""
    found: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    rows = db.execute(f"SELECT contest_id, sheet_id, head, papers FROM {table} {where}", params).fetchall()
    for cid, sheet_id, head, papers in sorted(rows, key=lambda r: (r[0], r[1], order.index(r[2]))):
        found[(cid, sheet_id)][head] = papers
    return found


def _load_lots(db: SqlDatabase, where: str, params: list[Any]) -> dict[str, list[Lot]]:
    members: dict[tuple[str, int], dict[str, list[str]]] = defaultdict(lambda: {"tied": [], "winner": []})
    for cid, number, role, candidate_id in db.execute(
        "SELECT contest_id, lot_number, role, candidate_id FROM lot_candidate "
        f"{where} ORDER BY contest_id, lot_number, role, position", params,
    ):
        members[(cid, number)][role].append(candidate_id)
    lots: dict[str, list[Lot]] = defaultdict(list)
    for cid, number, drawn_by, drawn_at, witnesses in db.execute(
        f"SELECT contest_id, number, drawn_by, drawn_at, witnesses FROM lot {where} ORDER BY contest_id, number",
        params,
    ):
        who = members[(cid, number)]
        lots[cid].append(Lot(tuple(who["tied"]), tuple(who["winner"]), drawn_by, drawn_at, witnesses))
    return lots
