"""The app's open count follows another station's confirmed sheets as the server announces them
(its socket notifier wakes it: no timer polls the server), without re-reading the count, and the
hall screen follows. How soon is a figure of benchmarks/run.py, not a timed test."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from server_builders import CONTEST_ID, sheet, votes

from countdesk.gui.live_updates import LiveUpdates
from countdesk.gui.open_count import OpenCount
from countdesk.gui.projector import ProjectorScreen
from countdesk.services import CountSession


def test_another_stations_sheet_reaches_the_open_count_and_the_hall_screen(qtbot, server_count, station_url,
                                                                            monkeypatch):
    here = CountSession.open(station_url("here"), "Ann")
    open_count = OpenCount(here)
    live = LiveUpdates(open_count)
    projector = ProjectorScreen(open_count, CONTEST_ID)
    qtbot.addWidget(projector)
    assert open_count.result(CONTEST_ID).first["a"] == 0
    loads = []
    monkeypatch.setattr(here, "load", lambda: loads.append(1))  # a full re-read would fail the test
    repaints = []
    open_count.changed.connect(repaints.append)
    woken = []  # each time the server's announcement made the live connection's socket readable
    live._notifier.activated.connect(lambda *_: woken.append(live.applied))
    try:
        with CountSession.open(station_url("there"), "Bob") as there:
            there.sheets.confirm(CONTEST_ID, sheet("there", 1))
            # A generous bound, only so that a broken server cannot hang the run.
            qtbot.waitUntil(lambda: open_count.result(CONTEST_ID).first["a"] == votes(1)["a"], timeout=10_000)
            assert woken and woken[-1] == live.applied  # every change applied when the notifier woke it
            there.sheets.confirm(CONTEST_ID, sheet("there", 2))
            there.sheets.delete(CONTEST_ID, "there-00001", reason="keyed on the wrong table")
            qtbot.waitUntil(lambda: [s.id for s in open_count.contest(CONTEST_ID).count_sheets] == ["there-00002"],
                            timeout=10_000)
        assert open_count.result(CONTEST_ID).first["a"] == votes(2)["a"]
        assert loads == [] and repaints and set(repaints) == {CONTEST_ID}
        assert not [t for t in live.findChildren(QTimer) if t.isActive()]  # nothing polls
        assert projector.open_count is open_count  # the hall screen repaints from the same open count
        # Its own confirmations are applied once, by its own command, not again by the feed.
        applied = live.applied
        open_count.save_sheet(CONTEST_ID, sheet("here", 1))
        qtbot.wait(200)
        assert live.applied == applied and open_count.result(CONTEST_ID).first["a"] == votes(2)["a"] + votes(1)["a"]
    finally:
        live.stop()
        projector.close()
        here.close()


def test_another_stations_sheets_reach_the_sheets_table_row_by_row(qtbot, server_count, station_url):
    """Entered, corrected and removed at another station: the table is told of exactly that row
    (the announcement applied as the Change that station's use case made), never reset."""
    from dataclasses import replace

    from countdesk.domain.model import frozen_map
    from countdesk.gui.models.sheets_model import SheetsModel

    here = CountSession.open(station_url("here"), "Ann")
    open_count = OpenCount(here)
    live = LiveUpdates(open_count)
    model = SheetsModel(open_count)
    model.set_contest(CONTEST_ID)
    told: list[tuple] = []
    model.modelReset.connect(lambda: told.append(("reset",)))
    model.rowsInserted.connect(lambda _parent, first, last: told.append(("inserted", first, last)))
    model.rowsRemoved.connect(lambda _parent, first, last: told.append(("removed", first, last)))
    model.dataChanged.connect(lambda top, bottom, _roles=(): told.append(("changed", top.row(), bottom.row())))
    try:
        with CountSession.open(station_url("there"), "Bob") as there:
            there.sheets.confirm(CONTEST_ID, sheet("there", 1))
            qtbot.waitUntil(lambda: told == [("inserted", 0, 0)], timeout=2000)
            there.sheets.confirm(CONTEST_ID, sheet("there", 2))
            qtbot.waitUntil(lambda: told[1:] == [("inserted", 1, 1)], timeout=2000)
            corrected = replace(sheet("there", 1), votes=frozen_map({**votes(1), "a": votes(1)["a"] + 1}))
            there.sheets.confirm(CONTEST_ID, corrected, reason="miskeyed")
            qtbot.waitUntil(lambda: told[2:] == [("changed", 0, 0)], timeout=2000)
            there.sheets.delete(CONTEST_ID, "there-00002", reason="keyed on the wrong table")
            qtbot.waitUntil(lambda: told[3:] == [("removed", 1, 1)], timeout=2000)
        assert model.sheets() == tuple(here.contest(CONTEST_ID).count_sheets)
        assert model.sheet(0).votes["a"] == votes(1)["a"] + 1
    finally:
        live.stop()
        here.close()
