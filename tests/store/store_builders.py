"""Small hand-made counts for store tests: every kind of field the schema must keep."""

from __future__ import annotations

import sqlite3
from datetime import date
from itertools import count

import psycopg
import pytest

from countdesk.domain.model import Box, Candidate, Contest, CountSheet, Election, Lot, VotingSystem, frozen_map
from countdesk.store.audit import Actor

#: A test of what only a count file has (pragmas, its bytes, sqlite internals): the file backend alone.
file_only = pytest.mark.parametrize("cdb", ["file"], indirect=True)
#: What the schema raises when it refuses a row, on either backend.
REFUSED_BY_SCHEMA = (sqlite3.IntegrityError, psycopg.IntegrityError, psycopg.DataError,
                     psycopg.errors.DatatypeMismatch)

ELECTION = Election("local.testshire.2021-05-06", "Local elections", date(2021, 5, 6), "Testshire",
                    returning_officer="Jo Bloggs", bilingual=True)


def ticking_clock():
    """A deterministic audit clock: one second per call."""
    ticks = count()

    def clock() -> str:
        n = next(ticks)
        return f"2021-05-07T{1 + n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}+00:00"

    return clock


def actor(name: str = "Alice") -> Actor:
    return Actor(name, ticking_clock())


def sv_contest() -> Contest:
    """SV with a second round, a second-preference statement, a postal box and an unverified box."""
    cands = (Candidate("ash-a", "Anna ASH", "Green"), Candidate("birch-b", "Ben BIRCH", ""),
             Candidate("cedar-c", "Cy CEDAR", "Independent"))
    boxes = (Box("B1", "Hall 1", False, 120, 119, "one paper in B2"), Box("P1", "Postal 1", True, 80, 80),
             Box("B2", "Hall 2", False, 50, None, None))
    sheets = (
        CountSheet("T1", 1, frozen_map({"ash-a": 50, "birch-b": 45, "cedar-c": 20}),
                   frozen_map({"unmarked": 3, "void_for_uncertainty": 1})),
        CountSheet("T2", 1, frozen_map({"ash-a": 30, "birch-b": 33, "cedar-c": 15}), frozen_map(), papers=79),
        CountSheet("T1-R2", 2, frozen_map({"ash-a": 12, "birch-b": 10}), non_transferable=13,
                   second_rejected=2),
    )
    return Contest("mayor.testshire", "Mayor of Testshire", VotingSystem.SV, 1, cands, boxes, sheets,
                   electorate=1000)


def fptp_ward() -> Contest:
    """A two-seat ward: papers on every sheet, rejected in part, and a lot between two candidates."""
    cands = tuple(Candidate(c, f"Cand {c.upper()}") for c in ("d", "e", "f"))
    sheets = (CountSheet("W1", 1, frozen_map({"d": 40, "e": 30, "f": 30}),
                         frozen_map({"too_many_votes": 2}), papers=60, rejected_in_part=1),)
    lots = (Lot(("e", "f"), ("f",), "Returning Officer", "2021-05-07T03:00:00+01:00", "agents"),)
    return Contest("ward.north", "North ward", VotingSystem.FPTP, 2, cands, (Box("N1", "", False, 60, 60),),
                   sheets, lots)
