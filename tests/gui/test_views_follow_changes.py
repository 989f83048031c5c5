"""Each view follows the Change a use case returned, row by row, in the running app: a sheet keyed,
corrected and deleted on the Count tab, undone and redone with Ctrl+Z and Ctrl+Shift+Z, a box
verified on the Verification tab, all at the keyboard with every tab built. No model is ever reset
for one sheet or one box; each is told of exactly the row that changed; the tabs not on screen
catch up when shown; and afterwards every table equals a fresh read of the file (issue 15)."""

from __future__ import annotations

import pytest
from gui_helpers import (
    OPERATOR,
    Signals,
    focus_on,
    key_sheet,
    make_count_file,
    press,
    reopen,
    round_one,
    small_sv_contest,
    type_keys,
    when_modal,
)
from PySide6.QtCore import Qt

from countdesk.domain.tally import tally_contest
from countdesk.gui.main_window import MainWindow
from countdesk.gui.refresh import is_stale

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CONTEST = "mayor.testshire"
TABS = ("setup", "verification", "result", "audit", "count")


def open_window(qtbot, path) -> MainWindow:
    window = MainWindow(operator=OPERATOR)
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitExposed(window):
        window.show()
    assert window.open_count(path, operator=OPERATOR, default_tab="count")
    for name in TABS:  # every tab built and shown once, as on a count night
        window.show_tab(name)
        qtbot.wait(1)
    return window


def settled(qtbot) -> None:
    qtbot.wait(5)  # the tables follow the open count through queued connections


def give_reason(qtbot, text: str):
    def answer(dialog) -> None:
        qtbot.keyClicks(dialog.text_edit, text)
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    return answer


@pytest.fixture
def window(qtbot, tmp_path):
    # Two boxes verified (200 papers); T01 holds 100 of them and T02 40, so a 50-paper sheet fits.
    path = make_count_file(tmp_path / "count.countdesk", (small_sv_contest(
        (round_one("T01", 40, 30, 20, 10), round_one("T02", 10, 10, 10, 10))),))
    window = open_window(qtbot, path)
    yield window
    window.close_count()


def test_a_sheet_keyed_corrected_deleted_undone_and_redone_moves_only_its_row(qtbot, window):
    workspace, open_count = window.workspace, window.current_count
    view = workspace.sheets_view
    sheets = Signals(view.model)
    boxes = Signals(workspace.verification_view.model)
    set_up_boxes = Signals(workspace.setup_view.boxes.model)
    audit = Signals(workspace.view("audit").model)
    result_view = workspace.result_view
    result = Signals(result_view.model)
    audit_rows = workspace.view("audit").model.rowCount()
    seen = (sheets, boxes, set_up_boxes, audit, result)

    # A new sheet keyed at the keyboard: one row inserted, last.
    key_sheet(qtbot, view.form, ("50", "20", "15", "10", "5", "0", "0", "0", "0", "0"))
    settled(qtbot)
    assert sheets.seen == [("rowsInserted", 2, 2)]
    assert view.model.sheet(2).votes["adams-a"] == 20
    assert boxes.seen == set_up_boxes.seen == []  # a sheet leaves the boxes' tables alone
    assert audit.seen == [("rowsInserted", audit_rows, audit_rows)]  # its audit row appended
    assert result.seen == [] and is_stale(result_view)  # the Result tab is not on screen: not redrawn yet

    # T01 corrected: Enter on its row opens it, a figure changed, Ctrl+Enter, the reason given.
    for signals in seen:
        signals.clear()
    focus_on(qtbot, view.table)
    view.table.setCurrentIndex(view.model.index(0, 0))
    press(qtbot, Qt.Key.Key_Return)
    form = view.form
    qtbot.waitUntil(lambda: form.editing is not None)
    type_keys(qtbot, "100")  # the papers, as on the paper sheet
    for key, figure in (("votes.adams-a", "41"), ("votes.brown-b", "29")):
        form.field(key).setFocus()
        form.field(key).selectAll()
        type_keys(qtbot, figure)
    when_modal(give_reason(qtbot, "bundles swapped one paper"))
    press(qtbot, Qt.Key.Key_Return, CTRL)
    settled(qtbot)
    assert sheets.seen == [("dataChanged", 0, 0)]
    assert view.model.sheet(0).votes["adams-a"] == 41

    # T02 deleted with the Delete key and a reason: its row removed.
    sheets.clear()
    focus_on(qtbot, view.table)
    view.table.selectRow(1)
    when_modal(give_reason(qtbot, "keyed against the wrong contest"))
    press(qtbot, Qt.Key.Key_Delete)
    settled(qtbot)
    assert sheets.seen == [("rowsRemoved", 1, 1)]
    assert [view.model.sheet(r).id for r in range(view.model.rowCount())] == ["T01", reopen(open_count.path)
                                                                              .contests[0].count_sheets[1].id]

    # Ctrl+Z twice: the deleted sheet comes back (last, as the store keeps it), then the correction is
    # undone; Ctrl+Shift+Z redoes the correction. Each moves its one row.
    sheets.clear()
    focus_on(qtbot, view.table)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    settled(qtbot)
    assert sheets.seen == [("rowsInserted", 2, 2)] and view.model.sheet(2).id == "T02"
    sheets.clear()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    settled(qtbot)
    assert sheets.seen == [("dataChanged", 0, 0)] and view.model.sheet(0).votes["adams-a"] == 40
    sheets.clear()
    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    settled(qtbot)
    assert sheets.seen == [("dataChanged", 0, 0)] and view.model.sheet(0).votes["adams-a"] == 41

    for signals in seen:
        assert "modelReset" not in signals.names()
    assert boxes.seen == set_up_boxes.seen == []
    assert set(audit.names()) == {"rowsInserted"}

    # What is on screen is what is stored, and the Result tab catches up in place when shown.
    stored = reopen(open_count.path).contest(CONTEST)
    assert [view.model.sheet(r) for r in range(view.model.rowCount())] == list(stored.count_sheets)
    workspace.select_tab("result")
    qtbot.waitUntil(lambda: not is_stale(result_view))
    assert "modelReset" not in result.names() and "dataChanged" in result.names()
    fresh = tally_contest(open_count.count().election, stored)
    assert result_view.result().first == fresh.first
    assert workspace.view("audit").model.rowCount() == len(open_count.audit_rows())


def test_a_box_verified_at_the_keyboard_moves_its_row_in_both_boxes_tables(qtbot, tmp_path):
    path = make_count_file(tmp_path / "count.countdesk", (small_sv_contest(verified=False),))
    window = open_window(qtbot, path)
    workspace = window.workspace
    verification = workspace.verification_view
    boxes, set_up_boxes = Signals(verification.model), Signals(workspace.setup_view.boxes.model)
    sheets = Signals(workspace.sheets_view.model)
    workspace.select_tab("verification")
    focus_on(qtbot, verification.table)
    verification.table.setCurrentIndex(verification.model.index(1, 4))  # B2's verified figure
    type_keys(qtbot, "100")
    press(qtbot, Qt.Key.Key_Return)
    settled(qtbot)
    assert boxes.seen == [("dataChanged", 1, 1)] and verification.model.box(1).verified == 100
    assert set_up_boxes.seen == [("dataChanged", 1, 1)]  # the Set-up tab's boxes table, built, follows
    assert sheets.seen == []
    boxes.clear()
    set_up_boxes.clear()
    focus_on(qtbot, verification.table)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    settled(qtbot)
    assert boxes.seen == [("dataChanged", 1, 1)] and verification.model.box(1).verified is None
    assert set_up_boxes.seen == [("dataChanged", 1, 1)]
    assert reopen(path).contest(CONTEST).boxes[1].verified is None
    window.close_count()
