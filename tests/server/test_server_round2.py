"""An area of a collated SV poll keyed on a count server: a station imports the collating officer's
round-2 instruction, every station counts round 2 for the finalists it names, and the instruction
goes with the count when it is copied home as a file (it lives in the count: store/instructions.py).

North's own first preferences (a 50, b 40, c 10, d 5) would make a and b the finalists; the sum of
the three areas (a 98, b 90, c 100, d 50) names c and a. Round 2 in North (the papers of b and d,
45): a 20, c 15, non-transferable 10, so a 70 and c 25.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from countdesk.domain.model import Box, Candidate, Contest, Count, CountSheet, Election, VotingSystem, frozen_map
from countdesk.errors import CountdeskError
from countdesk.exchange.round2 import Round2Instruction, write_round2_instruction
from countdesk.services import CountSession
from countdesk.services.copying import copy_count_between
from countdesk.services.integrity import verify_count, verify_count_file
from countdesk.services.round2_area import IMPORT_ACTION, import_round2_instruction

CONTEST_ID = "mayor.testshire-ca"
ELECTION = Election("mayor.testshire-ca.2021-05-06", "Election of the Mayor of the Testshire Combined Authority",
                    date(2021, 5, 6), "North", "Area Returning Officer")
CANDIDATES = (Candidate("a", "Ann ARCHER", "Red"), Candidate("b", "Bo BAKER", "Blue"),
              Candidate("c", "Cy COOPER", "Green"), Candidate("d", "Di DAWSON", "Gold"))
NORTH = Contest(CONTEST_ID, "Mayor of Testshire", VotingSystem.SV, 1, CANDIDATES, (Box("N01", "North station",
                False, 105, 105),), (CountSheet("N1-R1", 1, frozen_map({"a": 50, "b": 40, "c": 10, "d": 5})),),
                electorate=1000)
ROUND_TWO = CountSheet("N1-R2", 2, frozen_map({"a": 20, "c": 15}), non_transferable=10)


def instruction(first: dict[str, int]) -> Round2Instruction:
    ranked = sorted(first, key=first.__getitem__, reverse=True)
    return Round2Instruction(ELECTION.id, CONTEST_ID, tuple(ranked[:2]), frozen_map(first),
                             ("North", "South", "West"), datetime(2021, 5, 7, 16, 5, tzinfo=UTC),
                             "Combined Authority Returning Officer")


@pytest.fixture
def area_on_server(pg_url, station_url):
    """North's count on the server, set up by the owner; the URL a station logs in with."""
    with CountSession.create(pg_url, "Count Supervisor", ELECTION) as session:
        session.import_count(Count(ELECTION, (NORTH,)))
    return station_url("north")


def test_a_station_imports_the_instruction_and_every_station_counts_round_two_for_it(area_on_server, tmp_path):
    issued = write_round2_instruction(tmp_path / "round2-issued.json", instruction({"a": 98, "b": 90, "c": 100,
                                                                                    "d": 50}))
    with CountSession.open(area_on_server, "Area Clerk") as first, \
            CountSession.open(area_on_server, "Second Clerk") as second:
        assert set(second.tally(CONTEST_ID).finalists) == {"a", "b"}  # its own, until instructed
        change = import_round2_instruction(first, issued)
        assert change.instruction and change.audit_id == first.audit_rows(action=IMPORT_ACTION)[-1].id
        first.sheets.confirm(CONTEST_ID, ROUND_TWO)
        for session in (first, second):
            result = session.tally(CONTEST_ID)
            assert set(result.finalists) == {"c", "a"} and result.elected == ("a",)
            assert dict(result.final) == {"a": 70, "c": 25} and result.non_transferable == 10
        row = second.audit_rows(action=IMPORT_ACTION)[-1]
        assert row.operator == "Area Clerk" and row.station is not None and row.after["file"] == issued.name
        assert verify_count(second).ok
        import_round2_instruction(second, issued)  # the same instruction again changes nothing
        assert len(first.audit_rows(action=IMPORT_ACTION)) == 1


def test_the_instruction_comes_home_with_the_count_and_goes_back(area_on_server, pg_url, tmp_path):
    issued = write_round2_instruction(tmp_path / "round2-issued.json", instruction({"a": 98, "b": 90, "c": 100,
                                                                                    "d": 50}))
    with CountSession.open(area_on_server, "Area Clerk") as session:
        import_round2_instruction(session, issued)
        session.sheets.confirm(CONTEST_ID, ROUND_TWO)
        on_server = session.tally(CONTEST_ID)
    home = tmp_path / "north.countdesk"
    copy_count_between(pg_url, home)
    assert verify_count_file(home).ok
    with CountSession.open(home, "Area Clerk", read_only=True) as session:
        assert session.tally(CONTEST_ID) == on_server
        assert session.instructions.stored(CONTEST_ID).content.encode("utf-8") == issued.read_bytes()
    assert not list(tmp_path.glob("north.countdesk.round2-*"))  # nothing beside the file


def test_an_area_declares_on_the_server_on_the_instructed_finalists_and_then_takes_no_instruction(
        area_on_server, tmp_path):
    issued = write_round2_instruction(tmp_path / "round2-issued.json", instruction({"a": 98, "b": 90, "c": 100,
                                                                                    "d": 50}))
    with CountSession.open(area_on_server, "Area Clerk") as session:
        import_round2_instruction(session, issued)
        session.sheets.confirm(CONTEST_ID, ROUND_TWO)
        session.passphrase.set("correct horse battery staple")
        assert session.declaring.declare(CONTEST_ID, "correct horse battery staple").declaration
        assert session.tally(CONTEST_ID).elected == ("a",)
        with pytest.raises(CountdeskError, match="is declared"):
            import_round2_instruction(session, issued)
        assert set(session.tally(CONTEST_ID).finalists) == {"c", "a"}


def test_a_round_two_sheet_another_station_entered_meanwhile_is_checked_under_the_write_lock(area_on_server,
                                                                                              tmp_path):
    """The import checks the sheets when the file is read; a sheet another station commits before
    the instruction is written is checked again inside the writing transaction."""
    issued = write_round2_instruction(tmp_path / "round2-issued.json", instruction({"a": 98, "b": 90, "c": 100,
                                                                                    "d": 50}))
    corrected = write_round2_instruction(tmp_path / "round2-corrected.json",
                                         instruction({"a": 88, "b": 101, "c": 100, "d": 50}))  # b and c
    with CountSession.open(area_on_server, "Area Clerk") as first, \
            CountSession.open(area_on_server, "Second Clerk") as second:
        import_round2_instruction(first, issued)
        second.sheets.confirm(CONTEST_ID, ROUND_TWO)  # for a and c, as instructed
        rows = len(first.audit_rows())
        with pytest.raises(CountdeskError, match="round-2 sheet .N1-R2. has figures for a, c"):
            first.instructions.save(CONTEST_ID, corrected.read_text(encoding="utf-8"), ("b", "c"),
                                          corrected.name, audit_after={}, reason="corrected sum")
        assert len(first.audit_rows()) == rows
        assert first.instructions.stored(CONTEST_ID).finalists == ("c", "a")
