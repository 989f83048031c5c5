"""Claims: a station claims the box it verifies or the sheet it keys; another station is refused
while the claim's heartbeat is fresh; a claim goes when the entry is recorded, when its session
closes, or when its heartbeat lapses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from server_builders import CONTEST, CONTEST_ID, ELECTION, sheet

from countdesk.domain.model import Box, Count
from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.store.claims import ClaimedError

T0 = datetime(2021, 5, 7, 1, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> str:
        return self.now.isoformat(timespec="microseconds")


def test_a_claimed_sheet_is_refused_to_another_station_until_it_is_recorded(server_count, station_url):
    with CountSession.open(station_url("a"), "Ann") as a, CountSession.open(station_url("b"), "Bob") as b:
        a.claims.take(CONTEST_ID, "sheet", "T1")
        with pytest.raises(ClaimedError, match=r"sheet T1 is being worked on by Ann at a_\d+"):
            b.claims.take(CONTEST_ID, "sheet", "T1")
        with pytest.raises(ClaimedError):
            b.sheets.confirm(CONTEST_ID, sheet("x", 1).__class__("T1", 1, sheet("x", 1).votes))
        b.claims.take(CONTEST_ID, "sheet", "T2")  # another sheet is free
        a.sheets.confirm(CONTEST_ID, sheet("x", 1).__class__("T1", 1, sheet("x", 1).votes))
        assert [c.key for c in a.claims.held(CONTEST_ID)] == ["T2"]  # recorded: Ann's claim went with it
        b.claims.take(CONTEST_ID, "sheet", "T1")


def test_a_claim_lives_by_its_heartbeat_and_lapses_without_it(server_count, station_url):
    ann_clock, bob_clock = Clock(), Clock()
    with CountSession.open(station_url("a"), "Ann", clock=ann_clock) as a, \
            CountSession.open(station_url("b"), "Bob", clock=bob_clock) as b:
        a.claims.take(CONTEST_ID, "sheet", "T1")
        ann_clock.now = bob_clock.now = T0 + timedelta(seconds=25)
        assert a.claims.heartbeat() == 1
        bob_clock.now = T0 + timedelta(seconds=50)  # 25 s after Ann's last heartbeat: still hers
        with pytest.raises(ClaimedError):
            b.claims.take(CONTEST_ID, "sheet", "T1")
        bob_clock.now = T0 + timedelta(seconds=56)  # 31 s: her station went quiet; Bob takes it over
        taken = b.claims.take(CONTEST_ID, "sheet", "T1")
        assert taken.operator == "Bob" and taken.claimed_at == bob_clock()


def test_closing_a_station_lets_its_claims_go_and_a_box_claim_guards_verification(server_count, station_url):
    with CountSession.open(server_count, "Supervisor") as owner:
        owner.import_count(Count(ELECTION, (CONTEST.__class__(**{**CONTEST.__dict__,
                                                                  "boxes": (Box("B1", "", False, 100),)}),)),
                           replace=True)
    a = CountSession.open(station_url("a"), "Ann")
    with CountSession.open(station_url("b"), "Bob") as b:
        a.claims.take(CONTEST_ID, "box", "B1")
        with pytest.raises(ClaimedError, match="box B1 is being worked on by Ann"):
            b.verification.verify(CONTEST_ID, "B1", 100, None)
        a.close()
        assert b.claims.held() == []
        b.verification.verify(CONTEST_ID, "B1", 100, None)


def test_double_entry_across_stations_claims_each_keying_and_the_second_is_another_operators(server_count,
                                                                                              station_url):
    with CountSession.open(server_count, "Supervisor") as owner:
        owner.double_entry.set_enabled(CONTEST_ID, True)
    keyed = sheet("x", 1).__class__("T1", 1, sheet("x", 1).votes)
    with CountSession.open(station_url("a"), "Ann") as a, CountSession.open(station_url("b"), "Bob") as b:
        a.claims.take(CONTEST_ID, "sheet", "T1")  # Ann keys T1 first
        with pytest.raises(ClaimedError, match="sheet T1 is being worked on by Ann"):
            b.double_entry.submit(CONTEST_ID, keyed)
        assert a.double_entry.submit(CONTEST_ID, keyed).status == "held"
        assert a.claims.held(CONTEST_ID) == []  # held: her claim went with it, the sheet is free to key again
        b.claims.take(CONTEST_ID, "sheet", "T1")
        assert b.double_entry.submit(CONTEST_ID, keyed).status == "accepted"  # Bob's blind second keying agrees
        assert [s.id for s in b.contest(CONTEST_ID).count_sheets] == ["T1"] and b.claims.held() == []
        second = keyed.__class__("T2", 1, keyed.votes)
        assert a.double_entry.submit(CONTEST_ID, second).status == "held"
        with pytest.raises(CountdeskError, match="different operator"):  # Ann cannot key her own sheet twice
            a.double_entry.submit(CONTEST_ID, second)
