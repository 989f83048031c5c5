"""The figures a new first-round sheet is checked against, kept as running sums per open count.

Confirming a sheet is the hot path of a count night: the rule book (domain/sheet_rules.py) needs
the papers verified and what the other first-round sheets already hold. Adding up every sheet in
SQL on each confirmation grows with the count (about 28 ms at 3,000 sheets against 4 ms at 100),
so each open store keeps, per contest, every first-round sheet's own figures and their sums,
valid at one point of the audit trail: its head (last row id and hash, store/audit.py).

Why follow the trail rather than have each write path report its delta: every change to a sheet
writes an audit row in the same transaction (`count_sheet`, keyed by the sheet), whoever made it:
this session, another station on a count server, an undo, a double-entry acceptance. So on each
check the store reads the head; if it moved, it reads the rows since the cached head and, when the
chain continues from it (the first new row's `prev_hash` is the cached hash, the last one's hash
is the head's), refreshes only the sheets those rows name. No write path can be forgotten, and a
refused or rolled-back write leaves the head, and so the cache, where it was. Anything not known
to leave first-round sheets alone (a contest imported or edited, a candidate removed, a
migration, an unfamiliar entity), a broken link (a restored file, another chain) or a long gap
adds every sum up in SQL, as before, and keeps that. The premise, that no sheet changes without
its audit row, is the one the integrity check holds the count to (services/integrity.py replays
the trail against the tables).

On a count server several stations write: the head, the rows since it and the sheets are read in
one REPEATABLE READ snapshot, and the hash chain orders every write, so the sums are exactly those
of the state the head names. A count file open for writing has one writer, this session, so its
reads agree without a read transaction; one open read-only takes one. Inside a write transaction
the sums are brought to its view but not kept (it may yet be rolled back).

The boxes' figures are read on every check, with the head, in one statement (it grows with the
boxes, not the sheets); the sums only once every box is verified, since nothing is checked against
them before.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..domain.model import frozen_map
from .audit import GENESIS_HASH
from .sql import CountStore, SqlDatabase

#: Audit entities whose writes never touch a count sheet's rows (store/contests.py boxes,
#: store/sheets.py lots, store/state.py keyings, sessions and settings).
_SHEETLESS_ENTITIES = frozenset({"box", "lot", "keying", "session", "setting"})
#: Actions on a contest that change no sheet (its stage, acceptances, a declaration).
_SHEETLESS_ACTIONS = frozenset({
    "contest.stage", "contest.accept_difference", "contest.void_acceptance", "contest.declare", "contest.unlock",
})
#: A first-round sheet's papers: those stated on it, else its votes plus its rejected papers.
_SHEET_PAPERS = (
    "coalesce(s.papers, (SELECT coalesce(sum(v.votes), 0) FROM sheet_vote v"
    " WHERE v.contest_id = s.contest_id AND v.sheet_id = s.id)"
    " + (SELECT coalesce(sum(r.papers), 0) FROM sheet_rejected r"
    " WHERE r.contest_id = s.contest_id AND r.sheet_id = s.id))"
)
#: More new audit rows than this since the cached head: add everything up again instead.
_FOLLOW_AT_MOST = 200


@dataclass(frozen=True)
class RoundOneFigures:
    boxes: int
    unverified: int
    verified: int
    #: Papers on the first-round sheets other than the one being checked.
    papers: int
    #: Each candidate's votes on those sheets.
    votes: Mapping[str, int]

    @property
    def verified_total(self) -> int | None:
        """Papers verified, or None while no box is set up or a box is still open."""
        return self.verified if self.boxes and not self.unverified else None


@dataclass
class _SheetSums:
    """Every first-round sheet's papers and votes in one contest, and their sums, at `head`."""

    head: tuple[int, str]
    sheets: dict[str, tuple[int, dict[str, int]]] = field(default_factory=dict)
    papers: int = 0
    votes: dict[str, int] = field(default_factory=dict)
    #: How many sheets hold a vote row for each candidate (a candidate on none is left out, as in SQL).
    vote_rows: dict[str, int] = field(default_factory=dict)

    def put(self, sheet_id: str, figures: tuple[int, dict[str, int]] | None) -> None:
        """Set one sheet's figures (None: it is gone, or not a first-round sheet)."""
        self._take(sheet_id, -1)
        if figures is not None:
            self.sheets[sheet_id] = figures
            self._take(sheet_id, +1)

    def _take(self, sheet_id: str, sign: int) -> None:
        figures = self.sheets.get(sheet_id)
        if figures is None:
            return
        papers, votes = figures
        self.papers += sign * papers
        for cid, n in votes.items():
            self.votes[cid] = self.votes.get(cid, 0) + sign * n
            self.vote_rows[cid] = self.vote_rows.get(cid, 0) + sign
            if not self.vote_rows[cid]:
                del self.vote_rows[cid], self.votes[cid]
        if sign < 0:
            del self.sheets[sheet_id]

    def without(self, sheet_id: str) -> tuple[int, dict[str, int]]:
        """The sums less one sheet (the one being checked)."""
        own = self.sheets.get(sheet_id)
        if own is None:
            return self.papers, dict(self.votes)
        votes = dict(self.votes)
        for cid, n in own[1].items():
            if self.vote_rows[cid] == 1:
                del votes[cid]
            else:
                votes[cid] -= n
        return self.papers - own[0], votes


_caches: weakref.WeakKeyDictionary[CountStore, dict[str, _SheetSums]] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def round_one_figures(cdb: CountStore, contest_id: str, except_sheet: str) -> RoundOneFigures:
    """The boxes' figures, then, only when there is a verified total to check against (every box
    verified), the other first-round sheets' sums, less sheet `except_sheet`: nothing reads them
    while a box is open (SheetSetting.verified is None), so none are kept or brought forward then."""
    if cdb.in_transaction:  # a write's own view (a server's check under its write lock): it may yet
        with cdb.guard():   # be rolled back, so the sums are brought to it but not kept
            boxes, head = _boxes_and_head(cdb.db, contest_id)
            if not _all_verified(boxes):
                return RoundOneFigures(*boxes, 0, frozen_map({}))
            papers, votes = _current_sums(cdb, cdb.db, contest_id, head, keep=False).without(except_sheet)
            return RoundOneFigures(*boxes, papers, frozen_map(votes))
    # A count file open for writing has one writer, this session (its lock), whose threads take
    # turns (the guard): its reads agree without a read transaction. Elsewhere one is needed.
    reading = cdb.snapshot() if cdb.shared or cdb.read_only else cdb.guard()
    with reading:
        boxes, head = _boxes_and_head(cdb.db, contest_id)
        if not _all_verified(boxes):
            return RoundOneFigures(*boxes, 0, frozen_map({}))
        papers, votes = _current_sums(cdb, cdb.db, contest_id, head).without(except_sheet)
    return RoundOneFigures(*boxes, papers, frozen_map(votes))


def _all_verified(boxes: tuple[int, int, int]) -> bool:
    """At least one box, and none still open: the papers verified are known."""
    return boxes[0] > 0 and boxes[1] == 0


def cached_sums(cdb: CountStore, contest_id: str) -> tuple[tuple[int, str], int, dict[str, int]] | None:
    """The head, papers and votes cached for `contest_id` (None if none): for tests and diagnosis."""
    with _caches_lock:
        sums = _caches.get(cdb, {}).get(contest_id)
        return None if sums is None else (sums.head, sums.papers, dict(sums.votes))


def _boxes_and_head(db: SqlDatabase, contest_id: str) -> tuple[tuple[int, int, int], tuple[int, str]]:
    """(boxes, boxes still open, papers verified) and the trail's head, in one statement."""
    boxes, verified_boxes, verified, last_id, last_hash = db.execute(
        "SELECT count(*), count(verified), coalesce(sum(verified), 0), "
        "(SELECT last_id FROM audit_head WHERE singleton = 1), (SELECT last_hash FROM audit_head WHERE singleton = 1) "
        "FROM box WHERE contest_id = ?", (contest_id,),
    ).fetchone()
    head = (0, GENESIS_HASH) if last_id is None else (int(last_id), str(last_hash))
    return (int(boxes), int(boxes) - int(verified_boxes), int(verified)), head


def _current_sums(cdb: CountStore, db: SqlDatabase, contest_id: str, head: tuple[int, str], *,
                  keep: bool = True) -> _SheetSums:
    """The contest's sums at the trail's `head`: the cached ones, brought forward along the trail,
    or added up again; kept for the next check unless `keep` is false."""
    with _caches_lock:
        per_contest = _caches.setdefault(cdb, {})
        cached = per_contest.get(contest_id)
    if cached is not None and cached.head != head:
        cached = _followed(db, contest_id, cached, head)
    if cached is None:
        cached = _SheetSums(head)
        for sheet_id, figures in _sheet_figures(db, contest_id, None).items():
            cached.put(sheet_id, figures)
    if keep:
        with _caches_lock:
            per_contest[contest_id] = cached
    return cached


def _followed(db: SqlDatabase, contest_id: str, sums: _SheetSums, head: tuple[int, str]) -> _SheetSums | None:
    """`sums` brought to `head` by refreshing the sheets the audit rows since it name; None when the
    chain does not continue from the cached head or a row may have changed sheets in other ways."""
    last_id, last_hash = sums.head
    if not last_id < head[0] <= last_id + _FOLLOW_AT_MOST:
        return None
    rows = db.execute(
        "SELECT id, action, entity, contest_id, key, prev_hash, hash FROM audit WHERE id > ? AND id <= ? ORDER BY id",
        (last_id, head[0]),
    ).fetchall()
    ids = [r[0] for r in rows]
    if ids != list(range(last_id + 1, head[0] + 1)) or rows[0][5] != last_hash or rows[-1][6] != head[1]:
        return None
    if any(later[5] != earlier[6] for earlier, later in zip(rows, rows[1:], strict=False)):
        return None
    touched: set[str] = set()
    for _id, action, entity, row_contest, key, _prev, _hash in rows:
        if entity == "count_sheet":
            if row_contest == contest_id:
                if key is None:
                    return None
                touched.add(key)
            elif row_contest is None:
                return None
        elif entity not in _SHEETLESS_ENTITIES and not (entity == "contest" and action in _SHEETLESS_ACTIONS):
            return None
    moved = _SheetSums(head, dict(sums.sheets), sums.papers, dict(sums.votes), dict(sums.vote_rows))
    fresh = _sheet_figures(db, contest_id, sorted(touched)) if touched else {}
    for sheet_id in touched:
        moved.put(sheet_id, fresh.get(sheet_id))
    return moved


def _sheet_figures(db: SqlDatabase, contest_id: str,
                   sheet_ids: Iterable[str] | None) -> dict[str, tuple[int, dict[str, int]]]:
    """Each first-round sheet's papers (stated, else votes plus rejected) and votes, in one
    statement: all of the contest's (`sheet_ids` None) or those named."""
    ids = [] if sheet_ids is None else list(sheet_ids)
    only = "" if sheet_ids is None else f" AND s.id IN ({', '.join('?' * len(ids))})"
    rows = db.execute(
        f"SELECT s.id, NULL, {_SHEET_PAPERS} FROM count_sheet s WHERE s.contest_id = ? AND s.round = 1{only} "
        "UNION ALL SELECT v.sheet_id, v.candidate_id, v.votes FROM sheet_vote v JOIN count_sheet s "
        "ON s.contest_id = v.contest_id AND s.id = v.sheet_id "
        f"WHERE s.contest_id = ? AND s.round = 1{only}",
        (contest_id, *ids, contest_id, *ids),
    ).fetchall()
    figures: dict[str, tuple[int, dict[str, int]]] = {str(r[0]): (int(r[2]), {}) for r in rows if r[1] is None}
    for sheet_id, cid, n in rows:
        if cid is not None:
            figures[str(sheet_id)][1][str(cid)] = int(n)
    return figures


def _added_up(db: SqlDatabase, contest_id: str, except_sheet: str) -> tuple[int, dict[str, int]]:
    """The other first-round sheets' papers and votes, added up in SQL (the reference the cache must equal)."""
    papers = db.execute(
        f"SELECT coalesce(sum({_SHEET_PAPERS}), 0)"
        " FROM count_sheet s WHERE s.contest_id = ? AND s.round = 1 AND s.id <> ?",
        # Positional, as all the store's SQL: the server backend translates `?`, not `:name`.
        (contest_id, except_sheet),
    ).fetchone()[0]
    votes = db.execute(
        "SELECT v.candidate_id, sum(v.votes) FROM sheet_vote v JOIN count_sheet s "
        "ON s.contest_id = v.contest_id AND s.id = v.sheet_id "
        "WHERE s.contest_id = ? AND s.round = 1 AND s.id <> ? GROUP BY v.candidate_id",
        (contest_id, except_sheet),
    ).fetchall()
    return int(papers), {str(cid): int(n) for cid, n in votes}


def added_up(cdb: CountStore, contest_id: str, except_sheet: str) -> tuple[int, dict[str, int]]:
    """The SQL sums without the cache (what `round_one_figures` must always agree with)."""
    with cdb.snapshot() as db:
        return _added_up(db, contest_id, except_sheet)
