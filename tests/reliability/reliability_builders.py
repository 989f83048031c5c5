"""Counts for the reliability tests: a small SV contest, the 2021 Liverpool mayoral count, and raw
SQL helpers that act as a forger with the sqlite3 shell would."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from itertools import count
from pathlib import Path

from countdesk.domain.model import Box, Candidate, Contest, CountSheet, Election, VotingSystem, frozen_map
from countdesk.exchange.countfile import load_count_file

ROOT = Path(__file__).resolve().parents[2]
_GOLDEN = ROOT / "tests" / "golden" / "liverpool-mayor-2021" / "count.json"
LIVERPOOL = _GOLDEN if _GOLDEN.exists() else ROOT.parent / "shared" / "examples" / "liverpool-mayor-2021.json"

ELECTION = Election("mayor.testshire.2021-05-06", "Election of the Mayor of Testshire", date(2021, 5, 6),
                    "Testshire")
CONTEST_ID = "mayor.testshire"
PASSPHRASE = "correct horse battery staple"
OTHER_PASSPHRASE = "tr0ub4dor and three"
NIGHT = datetime(2021, 5, 7, 0, 30, tzinfo=UTC)


def liverpool():
    return load_count_file(LIVERPOOL)


def small_sv(contest_id: str = CONTEST_ID) -> Contest:
    """Candidates a, b, c; boxes B1 (account 100) and P1 (postal, account 60), unverified."""
    return Contest(
        contest_id, "Mayor of Testshire", VotingSystem.SV, 1,
        (Candidate("a", "Ann ARCHER", "Red"), Candidate("b", "Bo BAKER", "Blue"), Candidate("c", "Cy COOPER")),
        (Box("B1", "Church hall", False, 100), Box("P1", "Postal 1", True, 60)), (), (), electorate=500,
    )


def r1(sheet_id: str, a: int, b: int, c: int, **rejected: int) -> CountSheet:
    return CountSheet(sheet_id, 1, frozen_map({"a": a, "b": b, "c": c}), frozen_map(rejected))


def r2(sheet_id: str, a: int, b: int, non_transferable: int) -> CountSheet:
    return CountSheet(sheet_id, 2, frozen_map({"a": a, "b": b}), non_transferable=non_transferable)


def count_small_sv(session, contest_id: str = CONTEST_ID) -> None:
    """Verify the small contest's boxes (152 papers), count round 1 (a 60, b 50, c 40, 2 unmarked:
    no majority) and c's 40 papers in round 2: a complete count that elects a."""
    session.verification.verify(contest_id, "B1", 92, "eight papers in the postal box by mistake")
    session.verification.verify(contest_id, "P1", 60, None)
    session.sheets.confirm(contest_id, r1("T1", 60, 50, 40, unmarked=2))
    session.sheets.confirm(contest_id, r2("R2", 20, 12, 8))


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def ticking_clock():
    ticks = count()

    def clock() -> str:
        n = next(ticks)
        return f"2021-05-07T{1 + n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}+00:00"

    return clock


def forge(db: Path, *statements: str, params: tuple = ()) -> None:
    """Run SQL straight on the file, as someone with the sqlite3 shell would; the append-only
    triggers on the audit table are dropped first, as a forger would."""
    con = sqlite3.connect(db)
    try:
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'")\
                .fetchall():
            con.execute(f'DROP TRIGGER "{name}"')
        for statement in statements:
            con.execute(statement, params if statement.count("?") == len(params) else ())
        con.commit()
    finally:
        con.close()


def file_bytes(db: Path) -> bytes:
    """The count file and its write-ahead log, everything SQLite has put on disk for it."""
    return b"".join(Path(f"{db}{suffix}").read_bytes() for suffix in ("", "-wal")
                    if Path(f"{db}{suffix}").exists())
