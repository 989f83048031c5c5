"""Claims: which station's session is verifying a box or keying a sheet right now.

A claim is held while its session's heartbeat is fresh (HEARTBEAT_LAPSE); a lapsed claim (a station
switched off, its network cut) is taken over by the next station that asks. Taking or renewing a
claim happens under the store's write lock (on a server), so two stations never both hold one.
Times are the audit clock's (UTC ISO 8601), compared as instants.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..errors import CountdeskError
from .audit import Actor
from .sql import CountStore, SqlDatabase, first_value

HEARTBEAT_LAPSE = timedelta(seconds=30)
KINDS = ("box", "sheet")


@dataclass(frozen=True)
class Claim:
    contest_id: str
    kind: str
    key: str
    station: str
    operator: str
    session_id: int
    claimed_at: str
    heartbeat_at: str

    def live(self, now: str) -> bool:
        return datetime.fromisoformat(now) - datetime.fromisoformat(self.heartbeat_at) < HEARTBEAT_LAPSE

    def describe(self) -> str:
        return f"{self.operator} at {self.station} since {self.claimed_at[11:19]} UTC"


class ClaimedError(CountdeskError):
    """Another station's live session holds the claim; `claim` says whose it is."""

    def __init__(self, claim: Claim) -> None:
        what = "box" if claim.kind == "box" else "sheet"
        super().__init__(f"{what} {claim.key} is being worked on by {claim.describe()}: choose another, or "
                         "wait until they finish", f"contests[{claim.contest_id}]")
        self.claim = claim


_COLUMNS = "contest_id, kind, key, station, operator, session_id, claimed_at, heartbeat_at"


def _get(db: SqlDatabase, contest_id: str, kind: str, key: str) -> Claim | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM claim WHERE contest_id = ? AND kind = ? AND key = ?",
                     (contest_id, kind, key)).fetchone()
    return None if row is None else Claim(*row)


def take_claim(store: CountStore, actor: Actor, session_id: int, contest_id: str, kind: str, key: str) -> Claim:
    """Claim (or renew our claim on) one box or sheet; ClaimedError if another live session has it."""
    if kind not in KINDS:
        raise ValueError(kind)
    now = actor.clock()
    with store.transaction() as db:
        held = _get(db, contest_id, kind, key)
        if held is not None and held.session_id != session_id and held.live(now):
            raise ClaimedError(held)
        claimed_at = held.claimed_at if held is not None and held.session_id == session_id else now
        claim = Claim(contest_id, kind, key, actor.station or "this computer", actor.operator, session_id,
                      claimed_at, now)
        db.execute("DELETE FROM claim WHERE contest_id = ? AND kind = ? AND key = ?", (contest_id, kind, key))
        db.execute(f"INSERT INTO claim ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (claim.contest_id, claim.kind, claim.key, claim.station, claim.operator, claim.session_id,
                    claim.claimed_at, claim.heartbeat_at))
    return claim


def check_unclaimed(store: CountStore, session_id: int, contest_id: str, kind: str, key: str, now: str) -> None:
    """Refuse a write to what another live session has claimed."""
    with store.guard():
        held = _get(store.db, contest_id, kind, key)
    if held is not None and held.session_id != session_id and held.live(now):
        raise ClaimedError(held)


def heartbeat(store: CountStore, actor: Actor, session_id: int) -> int:
    """Keep this session's claims alive; how many it holds."""
    with store.transaction() as db:
        db.execute("UPDATE claim SET heartbeat_at = ? WHERE session_id = ?", (actor.clock(), session_id))
        return int(first_value(db.execute("SELECT count(*) FROM claim WHERE session_id = ?", (session_id,))))


def release(store: CountStore, session_id: int, contest_id: str | None = None, kind: str | None = None,
            key: str | None = None) -> None:
    """Let go of one claim, or (without contest, kind and key) every claim of the session."""
    with store.transaction() as db:
        if contest_id is None:
            db.execute("DELETE FROM claim WHERE session_id = ?", (session_id,))
        else:
            db.execute("DELETE FROM claim WHERE session_id = ? AND contest_id = ? AND kind = ? AND key = ?",
                       (session_id, contest_id, kind, key))


def claims(store: CountStore, contest_id: str | None = None) -> list[Claim]:
    sql = f"SELECT {_COLUMNS} FROM claim"
    params: tuple[str, ...] = ()
    if contest_id is not None:
        sql, params = sql + " WHERE contest_id = ?", (contest_id,)
    with store.guard():
        return [Claim(*row) for row in store.db.execute(sql + " ORDER BY contest_id, kind, key", params)]
