"""What misled a count team (issue: the count night at the keyboard): the sheets' totals, a
correction said on the form itself, the election's details locked once a result is declared, the
candidates' description column, the audit log in words."""

from __future__ import annotations

from dataclasses import replace

from gui_helpers import OPERATOR, make_count_file, round_one, screenshot, small_sv_contest
from PySide6.QtCore import Qt

from countdesk.domain.model import Box
from countdesk.gui.main_window import MainWindow
from countdesk.gui.models.audit_model import CHANGE

CONTEST = "mayor.testshire"


def open_window(qtbot, tmp_path, sheets=(), extra_boxes=()) -> MainWindow:
    contest = small_sv_contest(sheets)
    path = make_count_file(tmp_path / "count.countdesk", (replace(contest, boxes=contest.boxes + tuple(extra_boxes)),))
    window = MainWindow(operator=OPERATOR)
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitExposed(window):
        window.show()
    assert window.open_count(path)
    return window


def test_a_totals_row_under_the_sheets_adds_each_round_up(qtbot, tmp_path):
    # A large box still to count: room for a four-figure sheet, to see the totals row widen.
    window = open_window(qtbot, tmp_path, (round_one("T01-R1", 40, 30, 20, 8, 2),
                                            round_one("T02-R1", 45, 25, 15, 13, 2)),
                         extra_boxes=(Box("B3", "Station 3", False, 1000, 1000),))
    window.show_tab("count")
    view = window.workspace.sheets_view
    totals = view.totals.totals
    assert totals.rowCount() == 1
    assert [totals.total(1, h) for h in ("ADAMS", "BROWN", "Rejected", "Papers")] == ["85", "55", "4", "200"]
    window.current_count.save_sheet(CONTEST, round_one("T03-R1", 1000, 0, 0, 0, 0))
    qtbot.waitUntil(lambda: totals.total(1, "ADAMS") == "1,085")
    header = view.table.horizontalHeader()
    column = view.model.headers().index("ADAMS")
    assert header.sectionSize(column) >= view.totals.sizeHintForColumn(column)  # the total is never cut
    assert view.totals.isVisible()
    screenshot(window, "count-totals")


def test_correcting_a_sheet_is_said_on_the_form(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, (round_one("T01-R1", 40, 30, 20, 8, 2),))
    window.show_tab("count")
    view = window.workspace.sheets_view
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.form.editing is not None)
    assert view.form.heading.isVisible() and view.form.heading.text().startswith("Correcting sheet T01-R1")
    screenshot(window, "count-correcting")
    qtbot.keyClick(view.form.fields[0].edit, Qt.Key.Key_Escape)
    assert view.form.editing is None and not view.form.heading.text().startswith("Correcting")


def test_the_elections_details_are_locked_once_a_result_is_declared(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, (round_one("T01-R1", 60, 30, 8, 0, 2),
                                            round_one("T02-R1", 60, 30, 8, 0, 2)))
    setup = window.workspace.setup_view
    assert setup.election_form.isEnabled() and setup.election_lock.isHidden()
    session = window.current_count.session
    session.passphrase.set("correct horse battery")
    session.declaring.declare(CONTEST, "correct horse battery")
    window.current_count.reload(CONTEST)
    window.show_tab("setup")
    assert not setup.election_form.title_edit.isEnabled() and not setup.save_election_button.isEnabled()
    assert "Mayor of Testshire" in setup.election_lock.text() and setup.election_lock.isVisible()
    screenshot(window, "setup-declared")


def test_the_description_column_shares_the_width(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    window.show_tab("setup")
    table = window.workspace.setup_view.candidates.table
    qtbot.wait(10)
    assert table.columnWidth(2) >= table.viewport().width() // 4


def test_the_audit_log_says_changes_in_words(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, (round_one("T01-R1", 40, 30, 20, 8, 2),))
    window.current_count.session.replace_sheet(CONTEST, round_one("T01-R1", 40, 30, 20, 9, 2), reason="typo") \
        if hasattr(window.current_count.session, "replace_sheet") else \
        window.current_count.session.sheets.confirm(CONTEST, round_one("T01-R1", 40, 30, 20, 9, 2), reason="typo")
    window.current_count.reload(CONTEST)
    window.show_tab("audit")
    model = window.workspace.audit_view.model
    source = model.sourceModel() if hasattr(model, "sourceModel") else model
    last = source.rowCount() - 1
    change = source.index(last, CHANGE)
    assert source.data(change) == "Dan DIXON: 8 → 9"
    tip = source.data(change, Qt.ItemDataRole.ToolTipRole)
    assert "Dan DIXON: 9" in tip and "{" not in tip and "Reason: typo" in tip
