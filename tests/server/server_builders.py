"""The count the server tests key: one FPTP contest, and sheet n's figures a fixed function of n,
so a test knows every figure without trusting what a station or the server reports."""

from __future__ import annotations

from datetime import date

from countdesk.domain.model import Candidate, Contest, CountSheet, Election, VotingSystem, frozen_map

CONTEST_ID = "ward.server"
ELECTION = Election("local.servertest.2021-05-06", "Borough council election", date(2021, 5, 6), "Servertown")
CONTEST = Contest(
    CONTEST_ID, "Server Ward", VotingSystem.FPTP, 1,
    (Candidate("a", "Ann ARCHER"), Candidate("b", "Bo BAKER"), Candidate("c", "Cy COOPER")), (), (), (),
)


def sheet_id(station: str, n: int) -> str:
    return f"{station}-{n:05d}"


def votes(n: int) -> dict[str, int]:
    return {"a": n % 97 + 1, "b": n * 7 % 89, "c": n * 13 % 83}


def sheet(station: str, n: int) -> CountSheet:
    rejected = {"unmarked": n % 5} if n % 5 else {}
    return CountSheet(sheet_id(station, n), 1, frozen_map(votes(n)), frozen_map(rejected))
