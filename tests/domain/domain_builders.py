"""Terse builders for hand-made contests in domain tests."""

from __future__ import annotations

from datetime import date

from countdesk.domain.model import Box, Candidate, Contest, CountSheet, Election, Lot, VotingSystem, frozen_map

ELECTION = Election("test.2021-05-06", "Test election", date(2021, 5, 6), "Testshire")


def candidates(*ids: str) -> tuple[Candidate, ...]:
    return tuple(Candidate(cid, f"Test {cid.upper()}", f"Party {cid}") for cid in ids)


def r1(sheet_id: str, rejected: dict | None = None, papers: int | None = None, **votes: int) -> CountSheet:
    return CountSheet(sheet_id, 1, frozen_map(votes), frozen_map(rejected or {}), papers=papers)


def r2(sheet_id: str, non_transferable: int = 0, **votes: int) -> CountSheet:
    return CountSheet(sheet_id, 2, frozen_map(votes), non_transferable=non_transferable)


def verified_as_counted(sheets) -> tuple[Box, ...]:
    """One box verified at exactly the round-1 papers: a complete count, as the tests mean it."""
    counted = sum(s.papers_counted for s in sheets if s.round == 1)
    return (Box("B1", "Station 1", ballot_paper_account=counted, verified=counted),)


def sv(first: dict[str, int], second: dict[str, int] | None = None, non_transferable: int = 0,
       lots: tuple[Lot, ...] = (), boxes: tuple[Box, ...] | None = None) -> Contest:
    """`boxes` left out: one box verified at the sheets' papers (verification and round 1 agree)."""
    sheets = [r1("R1", **first)]
    if second is not None:
        sheets.append(r2("R2", non_transferable, **second))
    if boxes is None:
        boxes = verified_as_counted(sheets)
    return Contest("c", "Mayor of Test", VotingSystem.SV, 1, candidates(*first), boxes, tuple(sheets), lots)


def fptp(votes: dict[str, int], seats: int = 1, lots: tuple[Lot, ...] = (), papers: int | None = None) -> Contest:
    sheet = r1("R1", papers=papers, **votes)
    return Contest("w", "Test ward", VotingSystem.FPTP, seats, candidates(*votes), verified_as_counted((sheet,)),
                   (sheet,), lots)


def lot(tied, winners) -> Lot:
    return Lot(tuple(tied), tuple(winners), "Returning Officer", "2021-05-07T02:00:00+01:00", "Agents present")
