"""Counts for session tests: the shared 2021 examples (read by countdesk.exchange) and a small SV contest."""

from __future__ import annotations

from datetime import date
from itertools import count
from pathlib import Path

from countdesk.domain.model import Box, Candidate, Contest, CountSheet, Election, Lot, VotingSystem, frozen_map
from countdesk.exchange.countfile import load_count_file

_GOLDEN = Path(__file__).resolve().parents[1] / "golden"
_SHARED = Path(__file__).resolve().parents[3] / "shared" / "examples"  # beside the repository


def _example(golden: str, shared: str) -> Path:
    """The copy kept with the golden cases, else the shared original (they are identical)."""
    path = _GOLDEN / golden
    return path if path.exists() else _SHARED / shared


LIVERPOOL = _example("liverpool-mayor-2021/count.json", "liverpool-mayor-2021.json")
LCR_AREAS = tuple(
    _example(f"lcr-mayor-2021/areas/{area}.json", f"lcr-mayor-2021/{area}.json")
    for area in ("halton", "knowsley", "liverpool", "sefton", "st-helens", "wirral")
)

ELECTION = Election("mayor.testshire.2021-05-06", "Election of the Mayor of Testshire", date(2021, 5, 6),
                    "Testshire")
CONTEST_ID = "mayor.testshire"


def load_example(path: Path):
    return load_count_file(path)


def ticking_clock():
    ticks = count()

    def clock() -> str:
        n = next(ticks)
        return f"2021-05-07T{1 + n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}+00:00"

    return clock


def r1(sheet_id: str, a: int, b: int, c: int, **rejected: int) -> CountSheet:
    return CountSheet(sheet_id, 1, frozen_map({"a": a, "b": b, "c": c}), frozen_map(rejected))


def r2(sheet_id: str, a: int, b: int, non_transferable: int) -> CountSheet:
    return CountSheet(sheet_id, 2, frozen_map({"a": a, "b": b}), non_transferable=non_transferable)


def small_sv(*, sheets: tuple[CountSheet, ...] = (), boxes: tuple[Box, ...] | None = None,
             lots: tuple[Lot, ...] = ()) -> Contest:
    """Three candidates a, b, c; boxes B1 (account 100) and P1 (postal, account 60), unverified."""
    return Contest(
        CONTEST_ID, "Mayor of Testshire", VotingSystem.SV, 1,
        (Candidate("a", "Ann ARCHER", "Red"), Candidate("b", "Bo BAKER", "Blue"), Candidate("c", "Cy COOPER")),
        (Box("B1", "Church hall", False, 100), Box("P1", "Postal 1", True, 60)) if boxes is None else boxes,
        sheets, lots, electorate=500,
    )


def audit_size(session) -> int:
    return len(session.audit_rows())
