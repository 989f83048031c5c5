"""Undo on a shared count never writes over another station's later change: the undo says which
change it takes back (the audit sequence of its Change), and the service refuses, naming who
changed the sheet since, when anyone else did. The same rule for the app, the CLI and any client."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from server_builders import CONTEST_ID

from countdesk.domain.model import CountSheet, frozen_map
from countdesk.gui.commands import SaveSheetCommand
from countdesk.services import CountSession
from countdesk.store.sheets import ChangedSince


def figures(a: int, b: int, c: int) -> CountSheet:
    return CountSheet("S1", 1, frozen_map({"a": a, "b": b, "c": c}), papers=a + b + c)


def votes(url: str) -> dict[str, int] | None:
    with CountSession.open(url, "Checker", read_only=True) as session:
        sheet = session.sheets.sheet(CONTEST_ID, "S1")
        return None if sheet is None else dict(sheet.votes)


def test_undoing_a_correction_another_station_corrected_again_is_refused(server_count, station_url):
    with CountSession.open(station_url("desk1"), "Ann") as ann, CountSession.open(station_url("desk2"), "Bob") as bob:
        entered = ann.sheets.confirm(CONTEST_ID, figures(5, 7, 9))
        corrected = ann.sheets.confirm(CONTEST_ID, figures(6, 7, 9), reason="6, not 5")
        bob.sheets.confirm(CONTEST_ID, figures(6, 8, 9), reason="8, not 7")

        with pytest.raises(ChangedSince, match=r"sheet S1 was changed since, by Bob at desk2_\d+ at "
                                               r"\d\d:\d\d:\d\d UTC \(audit row \d+\): undoing would write over"):
            ann.sheets.confirm(CONTEST_ID, figures(5, 7, 9), reason="undo", unchanged_since=corrected.audit_id)
        with pytest.raises(ChangedSince, match="by Bob"):  # undoing the entry would remove his sheet
            ann.sheets.delete(CONTEST_ID, "S1", reason="undo", unchanged_since=entered.audit_id)
        assert votes(server_count) == {"a": 6, "b": 8, "c": 9}  # Bob's figures stand

        # Ann's own later steps, undone since, do not stop her: only someone else's change does.
        again = ann.sheets.confirm(CONTEST_ID, figures(6, 8, 10), reason="10, not 9")
        undone = ann.sheets.confirm(CONTEST_ID, figures(6, 8, 9), reason="undo", unchanged_since=again.audit_id)
        with pytest.raises(ChangedSince, match="by Bob"):  # Bob's correction is still between
            ann.sheets.confirm(CONTEST_ID, figures(5, 7, 9), reason="undo", unchanged_since=corrected.audit_id,
                           own=(again.audit_id, undone.audit_id))
        bobs = bob.sheets.confirm(CONTEST_ID, figures(6, 8, 11), reason="11")
        ann.sheets.confirm(CONTEST_ID, figures(6, 8, 9), reason="undo Bob's, as he asked",
                           unchanged_since=bobs.audit_id)
        assert votes(server_count) == {"a": 6, "b": 8, "c": 9}


def test_the_apps_undo_is_refused_and_can_be_tried_again(window, qtbot, server_count, station_url, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text() + " " + box.informativeText()))
    window.open_count(station_url("desk1"), default_tab="count")
    open_count = window.current_count
    open_count.push(SaveSheetCommand(open_count, CONTEST_ID, figures(5, 7, 9)))
    open_count.push(SaveSheetCommand(open_count, CONTEST_ID, figures(6, 7, 9), "6, not 5"))
    open_count.push(SaveSheetCommand(open_count, CONTEST_ID, figures(6, 7, 10), "10, not 9"))
    window.undo()  # Ann's own last correction: nobody else touched S1
    assert votes(server_count) == {"a": 6, "b": 7, "c": 9}

    with CountSession.open(station_url("desk2"), "Bob") as bob:
        bob.sheets.confirm(CONTEST_ID, figures(6, 8, 9), reason="8, not 7")
    stack = open_count.undo_stack
    index = stack.index()
    window.undo()  # her first correction: Bob has corrected S1 since
    assert votes(server_count) == {"a": 6, "b": 8, "c": 9}
    assert any("changed since, by Bob at desk2_" in text for text in shown), shown
    assert stack.index() == index and stack.undoText() == "Correct sheet S1"  # the stack says what the count holds
    window.redo()  # redoing her undone correction would also write over Bob's
    assert votes(server_count) == {"a": 6, "b": 8, "c": 9} and stack.index() == index
    assert len(shown) == 2


def verified(url: str) -> int | None:
    with CountSession.open(url, "Checker", read_only=True) as session:
        return next(box.verified for box in session.load().contest(CONTEST_ID).boxes if box.id == "B1")


def test_undoing_a_box_verified_again_at_another_station_is_refused(window, qtbot, server_count, station_url,
                                                                    monkeypatch):
    """The same rule for verification: the app's undo of a box's figure is refused once another
    station has verified the box again, naming who; the stack stays where the count is."""
    from countdesk.domain.model import Box
    from countdesk.gui.setup_commands import VerifyBoxCommand

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text() + " " + box.informativeText()))
    with CountSession.open(station_url("desk0"), "Supervisor") as supervisor:
        supervisor.set_up.add_box(CONTEST_ID, Box("B1", "Station 1", False, 500))
    window.open_count(station_url("desk1"), default_tab="verification")
    open_count = window.current_count
    open_count.push(VerifyBoxCommand(open_count, CONTEST_ID, "B1", 480, None))
    open_count.push(VerifyBoxCommand(open_count, CONTEST_ID, "B1", 490, None, "recounted"))
    window.undo()  # Ann's own recount: nobody else touched B1
    assert verified(server_count) == 480

    with CountSession.open(station_url("desk2"), "Bob") as bob:
        bob.verification.verify(CONTEST_ID, "B1", 495, None, reason="counted again at table 2")
    stack = open_count.undo_stack
    index = stack.index()
    window.undo()  # her first verification: Bob has verified B1 since
    assert verified(server_count) == 495
    assert any("box B1 was changed since, by Bob at desk2_" in text for text in shown), shown
    assert stack.index() == index
    window.redo()  # redoing her undone recount would also write over Bob's figure
    assert verified(server_count) == 495 and stack.index() == index
    with pytest.raises(ChangedSince, match="box B1 was changed since, by Bob"):
        open_count.session.verification.verify(CONTEST_ID, "B1", 480, None, reason="undo",
                                               unchanged_since=open_count.undo_stack.command(0).steps[0])


def test_undoing_a_lot_another_station_withdrew_meanwhile_withdraws_nothing_else(window, qtbot, server_count,
                                                                                  station_url, monkeypatch):
    """The app's undo of a recorded lot withdraws that lot as the count holds it, never the lot now
    at its old place: once another station has withdrawn it (and recorded another), the undo is
    refused and the other station's lot stands."""
    from countdesk.domain.model import Lot
    from countdesk.gui.commands import RecordLotCommand

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text() + " " + box.informativeText()))
    ours = Lot(("a", "b"), ("a",), "Returning Officer", "2021-05-07T02:00:00+01:00")
    theirs = Lot(("a", "b"), ("b",), "Returning Officer", "2021-05-07T02:10:00+01:00", "redrawn before agents")
    window.open_count(station_url("desk1"), default_tab="result")
    open_count = window.current_count
    open_count.push(RecordLotCommand(open_count, CONTEST_ID, ours))
    with CountSession.open(station_url("desk2"), "Bob") as bob:
        bob.lots.withdraw(CONTEST_ID, ours, reason="drawn again with the agents present")
        bob.lots.record(CONTEST_ID, theirs)
    window.undo()
    with CountSession.open(server_count, "Checker", read_only=True) as checker:
        assert checker.load().contest(CONTEST_ID).lots == (theirs,)
    assert any("no such lot" in text for text in shown), shown
