"""Counts and results for the bundle and result-format tests: the shared 2021 examples and a
hand-made three-seat FPTP ward whose figures are worked out below, independently of the code."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

from countdesk.domain.collation import merge_areas
from countdesk.domain.model import Box, Candidate, Contest, Count, CountSheet, Election, VotingSystem, frozen_map
from countdesk.domain.result import ContestResult
from countdesk.domain.tally import tally_contest
from countdesk.exchange.countfile import load_count_file

#: The shared examples and schemas sit beside the repository (CI lays them there too).
SHARED = Path(__file__).resolve().parents[3] / "shared"
EXAMPLES = SHARED / "examples"
LIVERPOOL_FILE = EXAMPLES / "liverpool-mayor-2021.json"
LCR_FILES = sorted((EXAMPLES / "lcr-mayor-2021").glob("*.json"))
NIST_SCHEMA = SHARED / "schemas" / "nist-1500-100" / "NIST_V2_election_results_reporting.json"

BST = timezone(timedelta(hours=1))
DECLARED_AT = datetime(2021, 5, 8, 16, 30, tzinfo=BST)


@cache
def liverpool() -> Count:
    return load_count_file(LIVERPOOL_FILE)


def liverpool_result() -> tuple[Election, Contest, ContestResult]:
    count = liverpool()
    contest = count.contests[0]
    return count.election, contest, tally_contest(count.election, contest)


@cache
def lcr_areas() -> tuple[Count, ...]:
    return tuple(load_count_file(path) for path in LCR_FILES)


def lcr_area(name: str) -> tuple[Election, Contest, ContestResult]:
    area = next(c for c in lcr_areas() if c.election.area == name)
    contest = area.contests[0]
    return area.election, contest, tally_contest(area.election, contest)


def lcr_collated() -> tuple[Election, Contest, ContestResult]:
    merged = merge_areas(lcr_areas())
    contest = merged.contests[0]
    return merged.election, contest, tally_contest(merged.election, contest)


# A three-seat ward (each elector has three votes). Worked by hand:
#   votes  A 800+700=1500  B 760+660=1420  C 700+600=1300  D 650+649=1299  E 330+310=640  F 110+100=210
#   the three highest, A, B and C, are elected (D misses the last seat by one vote);
#   papers 1100+1050 = 2150 counted; rejected 7 (sheet T1) + 6 (sheet T2) = 13; valid papers 2137;
#   rejected by head: official mark 1, too many 4+3=7, identifiable 1, unmarked 2, uncertain 2;
#   verified 1100+1050 = 2150; electorate 8600, so turnout 2150 / 8600 = 25.00 %.
WARD_ELECTION = Election(
    "local.testborough.2021-05-06", "Testborough Borough Council elections", date(2021, 5, 6),
    "Testborough", returning_officer="Returning Officer, Testborough Borough Council",
)
AWKWARD_NAME = 'Sam "Sammy" O\'NEIL & <Sons>'
AWKWARD_PARTY = 'Smith & Jones <Residents> "Group"'


def ward_contest() -> Contest:
    candidates = (
        Candidate("a", "Alice ASHWORTH", "Labour Party"),
        Candidate("b", "Bilal BHATTI", "Conservative Party"),
        Candidate("c", "Cerys CADWALADR", "Green Party"),
        Candidate("d", AWKWARD_NAME, AWKWARD_PARTY),
        Candidate("e", "Eve EVANS", "Independent"),
        Candidate("f", "Farid FAROOQ", ""),
    )
    sheets = (
        CountSheet("T1", 1, frozen_map({"a": 800, "b": 760, "c": 700, "d": 650, "e": 330, "f": 110}),
                   frozen_map({"too_many_votes": 4, "unmarked": 2, "identifiable": 1}), papers=1100,
                   rejected_in_part=3),
        CountSheet("T2", 1, frozen_map({"a": 700, "b": 660, "c": 600, "d": 649, "e": 310, "f": 100}),
                   frozen_map({"want_of_official_mark": 1, "too_many_votes": 3, "void_for_uncertainty": 2}),
                   papers=1050),
    )
    boxes = (Box("B1", "North — station 1", ballot_paper_account=1100, verified=1100),
             Box("B2", "North — postal", postal=True, ballot_paper_account=1051, verified=1050, note="1 short"))
    return Contest("local.testborough.north.2021-05-06", "North ward", VotingSystem.FPTP, 3, candidates,
                   boxes, sheets, electorate=8600)


def ward_result() -> tuple[Election, Contest, ContestResult]:
    contest = ward_contest()
    return WARD_ELECTION, contest, tally_contest(WARD_ELECTION, contest)
