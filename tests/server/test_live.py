"""A station sees another's confirmed sheet within a second, without re-reading the count."""

from __future__ import annotations

import time

import pytest
from server_builders import CONTEST_ID, sheet

from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.services.live import LiveFeed


def test_another_stations_sheet_is_announced_within_a_second_and_its_own_are_not(server_count, station_url):
    with CountSession.open(station_url("a"), "Ann") as a, CountSession.open(station_url("b"), "Bob") as b:
        feed = LiveFeed(a)
        try:
            a.save_sheet(CONTEST_ID, sheet("a", 1))  # its own: not announced back to it
            b.save_sheet(CONTEST_ID, sheet("b", 1))
            started = time.monotonic()  # from the moment b's operator was told it is confirmed
            changes = feed.poll(timeout=1.0)
            assert time.monotonic() - started < 1.0
            assert [(c.contest_id, c.entity, c.key, c.action, c.operator) for c in changes] == [
                (CONTEST_ID, "count_sheet", "b-00001", "sheet.save", "Bob")]
            assert changes[0].station.startswith("b_")
            assert feed.sheet_now(CONTEST_ID, "b-00001") == sheet("b", 1)
            b.delete_sheet(CONTEST_ID, "b-00001", reason="wrong table")
            (gone,) = feed.poll(timeout=1.0)
            assert gone.action == "sheet.delete" and feed.sheet_now(CONTEST_ID, gone.key) is None
            assert feed.poll(timeout=0.05) == []
        finally:
            feed.close()


def test_a_rolled_back_write_announces_nothing(server_count, station_url):
    from countdesk.store.audit import Actor
    from countdesk.store.server import open_server_count
    from countdesk.store.state import record_event

    with CountSession.open(station_url("a"), "Ann") as a:
        feed = LiveFeed(a)
        other = open_server_count(station_url("b"))
        try:
            with pytest.raises(RuntimeError):
                with other.transaction():
                    record_event(other, Actor("Bob"), "box.verify", "box", contest_id=CONTEST_ID, key="B1")
                    raise RuntimeError("the station's power went in the middle")
            assert feed.poll(timeout=0.3) == []
        finally:
            other.close()
            feed.close()


def test_a_count_file_has_no_other_stations(tmp_path):
    from server_builders import ELECTION

    with CountSession.create(tmp_path / "one.countdesk", "Ann", ELECTION) as session:
        with pytest.raises(CountdeskError, match="only a count on a server"):
            LiveFeed(session)
