"""The count the kill test writes: one FPTP contest, and sheet n's figures as a fixed function of n.

Shared by the writer process and the test, so the test knows every figure a sheet must hold
without trusting anything the writer (or the database) reports.
"""

from __future__ import annotations

from datetime import date

from countdesk.domain.model import Candidate, Contest, CountSheet, Election, VotingSystem, frozen_map

CONTEST_ID = "ward.kill"
ELECTION = Election("local.killtest.2021-05-06", "Borough council election", date(2021, 5, 6), "Killtest")
CONTEST = Contest(
    CONTEST_ID, "Kill Ward", VotingSystem.FPTP, 1,
    (Candidate("a", "Ann ARCHER"), Candidate("b", "Bo BAKER"), Candidate("c", "Cy COOPER")), (), (), (),
)


def sheet_id(n: int) -> str:
    return f"S{n:06d}"


def sheet_number(sid: str) -> int:
    return int(sid[1:])


def votes(n: int) -> dict[str, int]:
    return {"a": n % 97 + 1, "b": n * 7 % 89, "c": n * 13 % 83}


def rejected(n: int) -> dict[str, int]:
    return {"unmarked": n % 5} if n % 5 else {}


def sheet(n: int) -> CountSheet:
    return CountSheet(sheet_id(n), 1, frozen_map(votes(n)), frozen_map(rejected(n)))


def audit_record(n: int) -> dict:
    """What the audit row's `after` must say for sheet n (the count-file shape, count-file.md)."""
    record = {"id": sheet_id(n), "round": 1, "votes": votes(n)}
    if rejected(n):
        record["rejected"] = rejected(n)
    return record
