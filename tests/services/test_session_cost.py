"""Confirming a sheet costs the same few statements and one commit however big the count is;
loading the count is one query per table."""

from __future__ import annotations

import pytest
from session_builders import ELECTION

from countdesk.domain.model import Box, Candidate, Contest, Count, CountSheet, VotingSystem, frozen_map
from countdesk.services import CountSession

CANDIDATES = tuple(Candidate(f"c{i:02d}", f"Candidate C{i:02d}") for i in range(12))


def _count(boxes: int, sheets: int) -> Count:
    contest = Contest(
        "big", "Big ward", VotingSystem.FPTP, 1, CANDIDATES,
        tuple(Box(f"B{i:04d}", f"box {i}", False, 500, 500) for i in range(boxes)),
        tuple(CountSheet(f"S{i:04d}", 1, frozen_map({c.id: i % 40 + j for j, c in enumerate(CANDIDATES)}),
                         frozen_map({"unmarked": 1})) for i in range(sheets)),
    )
    return Count(ELECTION, (contest,))


def _traced(session: CountSession, action) -> list[str]:
    conn = session._core.store.db.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        conn.set_trace_callback(None)
    return statements


@pytest.fixture(scope="module")
def sessions(tmp_path_factory):
    opened = {}
    for name, (boxes, sheets) in {"small": (1, 1), "large": (2000, 1000)}.items():
        s = CountSession.create(tmp_path_factory.mktemp(name) / "c.countdesk", "Alice", ELECTION)
        s.import_count(_count(boxes, sheets))
        opened[name] = s
    yield opened
    for s in opened.values():
        s.close()


def _new_sheet(n: int) -> CountSheet:
    return CountSheet(f"N{n}", 1, frozen_map({c.id: n + j for j, c in enumerate(CANDIDATES)}),
                      frozen_map({"unmarked": 2}))


def test_confirming_a_sheet_does_not_grow_with_the_count(sessions):
    small = _traced(sessions["small"], lambda: sessions["small"].sheets.confirm("big", _new_sheet(1)))
    large = _traced(sessions["large"], lambda: sessions["large"].sheets.confirm("big", _new_sheet(1)))
    assert len(large) == len(small) <= 14
    assert [s for s in large if s in ("BEGIN", "COMMIT")] == ["BEGIN", "COMMIT"]  # one durable transaction
    # The rule book checks the sheet against sums the database adds up, never rows loaded one by one.
    assert not any("FROM candidate" in s for s in large)
    assert all("sum(" in s.lower() or "count(" in s.lower() for s in large if "FROM box" in s)


def test_loading_is_one_query_per_table(sessions):
    session = sessions["large"]
    statements = _traced(session, session.load)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 10
    contest = session.load().contest("big")
    assert len(contest.boxes) == 2000 and len(contest.count_sheets) >= 1000
