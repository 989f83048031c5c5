"""A station hears of another's confirmed sheet as it commits (NOTIFY on the server), without
asking and without re-reading the count. How soon is a figure of benchmarks/run.py (the live
update between two stations against a bare LISTEN/NOTIFY round trip), not a timed test."""

from __future__ import annotations

import select

import pytest
from server_builders import CONTEST_ID, sheet

from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.services.live import LiveFeed

#: Only so that a broken server cannot hang the run: the announcement comes at the commit.
LIVENESS_S = 10


def announced(feed: LiveFeed) -> bool:
    """Has the server pushed anything onto the feed's own connection? Waits on its socket alone:
    the station sends nothing and reads nothing to find out."""
    readable, _, _ = select.select([feed.fileno()], [], [], LIVENESS_S)
    return bool(readable)


def test_another_stations_sheet_is_pushed_to_the_station_and_its_own_are_not_announced(
        server_count, station_url, monkeypatch):
    with CountSession.open(station_url("a"), "Ann") as a, CountSession.open(station_url("b"), "Bob") as b:
        feed = LiveFeed(a)
        try:
            a.sheets.confirm(CONTEST_ID, sheet("a", 1))  # its own: announced, and skipped by its feed
            assert announced(feed) and feed.poll(0) == []
            reads = []
            monkeypatch.setattr(a, "load", lambda: reads.append("load"))  # a re-read of the count
            monkeypatch.setattr(a, "contest", lambda *args: reads.append("contest"))
            b.sheets.confirm(CONTEST_ID, sheet("b", 1))
            assert announced(feed)  # pushed at b's commit, before a asked for anything
            changes = feed.poll(0)
            assert [(c.contest_id, c.entity, c.key, c.action, c.operator) for c in changes] == [
                (CONTEST_ID, "count_sheet", "b-00001", "sheet.save", "Bob")]
            assert changes[0].station.startswith("b_")
            assert feed.sheet_now(CONTEST_ID, "b-00001") == sheet("b", 1)  # that one sheet, read again
            b.sheets.delete(CONTEST_ID, "b-00001", reason="wrong table")
            assert announced(feed)
            (gone,) = feed.poll(0)
            assert gone.action == "sheet.delete" and feed.sheet_now(CONTEST_ID, gone.key) is None
            assert feed.poll(timeout=0.05) == [] and reads == []
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
