"""The result widgets over the real stack: a .countdesk file, CountSession, OpenCount.

Checks what the in-memory session cannot: the lot really lands in the file with its audit row,
undo appends a compensating row, and a declaration made by the services turns the banner.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from result_fixtures import LIVERPOOL, liverpool_count, screenshot, sv_final_tie_count

from countdesk.domain.model import Lot
from countdesk.domain.result import Status
from countdesk.gui.dialogs.lot_dialog import LotDialog
from countdesk.gui.open_count import OpenCount
from countdesk.gui.projector import ProjectorScreen
from countdesk.gui.widgets.result_view import ResultView
from countdesk.services.count_session import CountSession

TESTSHIRE = "mayor.testshire.2021-05-06"
PASSPHRASE = "returning officer 2021"


@pytest.fixture
def open_saved_count(tmp_path):
    sessions = []

    def make(count) -> OpenCount:
        path = tmp_path / f"count-{len(sessions)}.countdesk"
        session = CountSession.create(path, "Test Operator", count.election)
        session.import_count(count, reason="test set-up")
        sessions.append(session)
        return OpenCount(session)

    yield make
    for session in sessions:
        session.close()


def test_liverpool_from_a_count_file_then_declared(qtbot, open_saved_count):
    open_count = open_saved_count(liverpool_count())
    view = ResultView(open_count)
    qtbot.addWidget(view)
    view.set_contest(LIVERPOOL)
    view.resize(1400, 900)
    with qtbot.waitExposed(view):
        view.show()
    model = view.model
    keys = model.column_keys()
    anderson = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert anderson[keys.index("name")] == "Joanne ANDERSON"
    assert anderson[keys.index("first")] == "38,958" and anderson[keys.index("total")] == "46,493"
    assert view.banner.text() == "PROVISIONAL"
    projector = ProjectorScreen(open_count, LIVERPOOL)
    qtbot.addWidget(projector)

    open_count.session.passphrase.set(PASSPHRASE)
    open_count.session.declaring.declare(LIVERPOOL, PASSPHRASE)
    open_count.reload(LIVERPOOL)
    assert view.banner.text() == "DECLARED"
    assert projector.stage_text() == "DECLARED"
    screenshot(view, "result-liverpool-declared")


def test_a_lot_recorded_in_the_dialog_is_stored_audited_and_undoable(qtbot, open_saved_count):
    open_count = open_saved_count(sv_final_tie_count())
    session = open_count.session
    view = ResultView(open_count)
    qtbot.addWidget(view)
    view.set_contest(TESTSHIRE)
    assert view.result().status is Status.NEEDS_LOTS and view.lot_button.isEnabled()

    dialog = LotDialog(open_count, TESTSHIRE, view.result().pending_tie, view)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda lot: True
    dialog.winner_buttons["a"].setChecked(True)
    dialog.witnesses_edit.setPlainText("Agents for Ashe and Bevan;\n the deputy returning officer")
    dialog.drawn_at_edit.setText("2021-05-07T03:10:00+01:00")
    with qtbot.waitExposed(dialog):
        dialog.show()
    screenshot(dialog, "lot-dialog-filled")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)

    expected = Lot(("a", "b"), ("a",), "A. Officer", "2021-05-07T03:10:00+01:00",
                   "Agents for Ashe and Bevan; the deputy returning officer")
    assert session.load().contest(TESTSHIRE).lots == (expected,)
    recorded = session.audit_rows(contest_id=TESTSHIRE, action="lot.record")
    assert len(recorded) == 1 and recorded[0].operator == "Test Operator"
    assert open_count.result(TESTSHIRE).elected == ("a",)
    assert "Ann ASHE" in view.status_label.text() and not view.lot_button.isVisibleTo(view)

    open_count.undo_stack.undo()
    assert session.load().contest(TESTSHIRE).lots == ()
    assert len(session.audit_rows(contest_id=TESTSHIRE, action="lot.delete")) == 1
    assert len(session.audit_rows(contest_id=TESTSHIRE, action="lot.record")) == 1  # history kept
    assert view.lot_button.isVisibleTo(view)
