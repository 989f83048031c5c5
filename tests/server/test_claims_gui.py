"""Two stations' apps on one server count: the count-sheet form claims the sheet it keys and the
verification table the box it verifies; the other station is told who has it and cannot save it
until it is let go (cancelled, recorded, the count closed, the heartbeat lapsed). On a count file
nothing is claimed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from gui_helpers import focus_on, press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from server_builders import CONTEST, CONTEST_ID, ELECTION

from countdesk.domain.model import Box, Count
from countdesk.gui.main_window import MainWindow
from countdesk.gui.widgets import sheets_view
from countdesk.services import CountSession

FIGURES = {"papers": "21", "votes.a": "5", "votes.b": "7", "votes.c": "9"}


@pytest.fixture
def stations(qtbot, app_settings, server_count, station_url):
    """open(name, operator) -> a main window connected as its own station; all closed at the end."""
    windows = []

    def open_station(name: str, operator: str, tab: str = "count") -> MainWindow:
        window = MainWindow(operator=operator)  # closed below, once nothing typed is left to ask about
        window.open_count(station_url(name), default_tab=tab)
        window.show()
        windows.append(window)
        return window

    yield open_station
    for window in windows:
        if window.workspace is not None:
            window.workspace.sheets_view.form.start_new_sheet()  # nothing typed left to ask about
        window.close_count()
        window.close()
        window.deleteLater()


def type_figures(qtbot, form, figures=FIGURES) -> None:
    for key, figure in figures.items():
        focus_on(qtbot, form.field(key))
        type_keys(qtbot, figure)


def save(qtbot, form) -> None:
    """Ctrl+Enter in the form, and again to save the untouched rejected heads as 0."""
    if not form.isAncestorOf(QApplication.focusWidget()):
        focus_on(qtbot, form.field("votes.c"))
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    if "left blank" in form.message.text():
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def recorded(url: str) -> dict[str, dict[str, int]]:
    with CountSession.open(url, "Checker", read_only=True) as session:
        return {s.id: dict(s.votes) for s in session.contest(CONTEST_ID).count_sheets}


def test_a_sheet_keyed_at_one_station_is_refused_at_another_until_it_is_let_go(stations, qtbot, server_count,
                                                                             monkeypatch):
    ann, bob = stations("desk1", "Ann"), stations("desk2", "Bob")
    ann_form, bob_form = ann.workspace.sheets_view.form, bob.workspace.sheets_view.form
    assert ann_form.sheet_id_edit.text() == bob_form.sheet_id_edit.text() == "T01-R1"

    type_figures(qtbot, ann_form)  # Ann's first figure claims T01-R1 for her station
    type_figures(qtbot, bob_form)
    assert bob_form.sheet_id_error.text() == "Keyed elsewhere"
    refusal = bob_form.message.text()
    assert refusal.startswith("Sheet T01-R1 is being keyed by Ann at desk1_") and "take another sheet" in refusal
    save(qtbot, bob_form)
    assert recorded(server_count) == {}
    assert bob_form.field("votes.a").text() == "5"  # Bob's figures are kept, for when it is his

    focus_on(qtbot, ann_form.field("votes.a"))
    press(qtbot, Qt.Key.Key_Escape)  # Ann cancels: T01-R1 is let go
    save(qtbot, bob_form)  # Bob's save asks again, and now gets it
    assert recorded(server_count) == {"T01-R1": {"a": 5, "b": 7, "c": 9}}
    assert bob.current_count.session.claims.held() == []  # recorded: the claim went with the sheet

    # Bob corrects T01-R1: his claim holds it; Ann, typing the same sheet's correction, is told.
    for station in (bob, ann):
        view = station.workspace.sheets_view
        qtbot.waitUntil(lambda view=view: view.model.rowCount() == 1, timeout=2000)  # Ann's by the live feed
    bob.workspace.sheets_view.table.selectRow(0)
    bob.workspace.sheets_view.correct_selected()
    assert bob_form.editing is not None and bob_form.sheet_id_error.text() == ""
    ann.workspace.sheets_view.table.selectRow(0)
    ann.workspace.sheets_view.correct_selected()
    assert ann_form.message.text().startswith("Sheet T01-R1 is being keyed by Bob at desk2_")
    focus_on(qtbot, ann_form.field("votes.a"))
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ann_form.message.text().startswith("Sheet T01-R1 is being keyed by Bob")  # and not saved

    bob.close_count()  # closing the count lets every claim of the station go
    for key, figure in (("votes.a", "6"), ("votes.b", "6")):  # 6 and 6, not 5 and 7: the papers still add up
        focus_on(qtbot, ann_form.field(key))
        ann_form.field(key).selectAll()
        type_keys(qtbot, figure)
    monkeypatch.setattr(sheets_view, "ask_reason", lambda *_a, **_k: "6 misread as 5")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # asked again at the save: free now
    assert ann_form.sheet_id_error.text() == ""
    assert recorded(server_count) == {"T01-R1": {"a": 6, "b": 6, "c": 9}}


def test_a_claim_lapses_when_its_station_stops_renewing_it(stations, qtbot, server_count, monkeypatch):
    ann, bob = stations("desk1", "Ann"), stations("desk2", "Bob")
    ann_form, bob_form = ann.workspace.sheets_view.form, bob.workspace.sheets_view.form
    type_figures(qtbot, ann_form)
    type_figures(qtbot, bob_form)
    assert "being keyed by Ann" in bob_form.message.text()

    # Ann's station is cut off and renews nothing: 31 s later, by Bob's clock, her claim has lapsed.
    later = datetime.now(UTC) + timedelta(seconds=31)
    session = bob.current_count.session
    core = session._core  # the open count's operator and clock, as every use case reads them
    monkeypatch.setattr(core, "actor", replace(core.actor, clock=lambda: later.isoformat(timespec="microseconds")))
    save(qtbot, bob_form)
    assert recorded(server_count) == {"T01-R1": {"a": 5, "b": 7, "c": 9}}


def test_the_heartbeat_renews_the_claims_off_the_gui_thread(stations, qtbot, server_count):
    import threading

    ann = stations("desk1", "Ann")
    type_figures(qtbot, ann.workspace.sheets_view.form)
    session = ann.current_count.session
    before = session.claims.held()[0].heartbeat_at
    threads = []
    original = session.claims.heartbeat
    session.claims.heartbeat = lambda: threads.append(threading.current_thread()) or original()
    ann.server_status._beat()
    qtbot.waitUntil(lambda: session.claims.held()[0].heartbeat_at > before, timeout=3000)
    assert threads and threads[0] is not threading.main_thread()


def test_a_box_verified_at_one_station_cannot_be_typed_at_another(stations, qtbot, server_count, station_url):
    with CountSession.open(server_count, "Supervisor") as owner:
        contest = CONTEST.__class__(**{**CONTEST.__dict__, "boxes": (Box("B1", "", False, 100),
                                                                     Box("B2", "", False, 80))})
        owner.import_count(Count(ELECTION, (contest,)), replace=True)
    bob = stations("desk2", "Bob", "verification")
    bob_table = bob.workspace.verification_view.table
    with CountSession.open(station_url("desk1"), "Ann") as ann:  # Ann's station is verifying B1
        ann.claims.take(CONTEST_ID, "box", "B1")
        focus_on(qtbot, bob_table)
        type_keys(qtbot, "100")  # Bob is on B1 too: nothing is typed, he is told who has it
        message = bob.workspace.verification_view.message.text()
        assert message.startswith("Box B1 is being verified by Ann at desk1_") and "choose another box" in message
        assert bob_table.state() != bob_table.State.EditingState
        ann.verification.verify(CONTEST_ID, "B1", 100, None)  # recorded: her claim goes with it

    press(qtbot, Qt.Key.Key_Down)  # B2 is free
    type_keys(qtbot, "80")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bob.current_count.find_contest(CONTEST_ID).boxes[1].verified == 80, timeout=2000)
    with CountSession.open(server_count, "Checker", read_only=True) as session:
        assert {b.id: b.verified for b in session.contest(CONTEST_ID).boxes} == {"B1": 100, "B2": 80}
        assert session.claims.held() == []


def test_nothing_is_claimed_on_a_count_file(qtbot, tmp_path):
    path = tmp_path / "one.countdesk"
    with CountSession.create(path, "Supervisor", ELECTION) as session:
        session.import_count(Count(ELECTION, (CONTEST,)))
    window = MainWindow(operator="Ann")
    qtbot.addWidget(window)
    window.open_count(path, default_tab="count")
    window.show()
    try:
        form = window.workspace.sheets_view.form
        type_figures(qtbot, form)
        assert not window.workspace.sheets_view.claim.active and window.workspace.sheets_view.claim.held is None
        save(qtbot, form)
        assert [s.id for s in window.current_count.contest(CONTEST_ID).count_sheets] == ["T01-R1"]
    finally:
        window.close_count()
