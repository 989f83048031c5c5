"""A three-seat first-past-the-post ward at the keyboard: contest added in Set-up, five candidates,
two boxes, two sheets with the papers on each (a paper carries up to three votes).

    sheet 1: 500 papers, 6 rejected, votes WARD 300, AKRAM 280, PATEL 250, JONES 200, LEE 150
    sheet 2: 400 papers, 1 rejected, votes WARD 210, AKRAM 230, PATEL 180, JONES 190, LEE 100
    totals:  AKRAM 510, WARD 510, PATEL 430, JONES 390, LEE 250 -> AKRAM, PATEL and WARD elected
             (the third seat is 430 against 390: no tie, no lot).
"""

from __future__ import annotations

from datetime import date

from gui_helpers import focus_on, focused, press, reopen, screenshot, type_keys, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from countdesk.domain.model import Election, VotingSystem
from countdesk.domain.result import Status
from countdesk.gui.main_window import MainWindow
from countdesk.services.count_session import CountSession

CTRL = Qt.KeyboardModifier.ControlModifier
WARD = "anfield-ward.2024-05-02"


def test_a_three_seat_ward_from_set_up_to_result(qtbot, tmp_path):
    path = tmp_path / "wards.countdesk"
    CountSession.create(path, "Setup Clerk", Election("local.testshire.2024-05-02", "Local elections 2 May 2024",
                                                      date(2024, 5, 2), "Testshire")).close()
    window = MainWindow(operator="Carol Counter")
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    assert window.open_count(path)
    assert window.workspace.tab_name() == "setup"

    # The contest, through the Add contest dialog: a council ward (the form's first office), counted by
    # FPTP, the only system the law allows it (so the system box is disabled and Tab skips it), three seats.
    setup = window.workspace.setup_view

    def add_contest(dialog) -> None:
        type_keys(qtbot, "Anfield ward")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused().text() == WARD
        press(qtbot, Qt.Key.Key_Tab)
        assert focused().currentData() == "council"
        assert dialog.form.system() is VotingSystem.FPTP and not dialog.form.system_combo.isEnabled()
        press(qtbot, Qt.Key.Key_Tab)
        focused().selectAll()
        type_keys(qtbot, "3")
        press(qtbot, Qt.Key.Key_Tab)
        type_keys(qtbot, "4000")
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Return)

    focus_on(qtbot, setup.add_contest_button)
    when_modal(add_contest)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.workspace.current_contest() == WARD)
    contest = window.current_count.contest(WARD)
    assert (contest.system, contest.seats, contest.electorate) == (VotingSystem.FPTP, 3, 4000)

    focus_on(qtbot, setup.candidates.name_edit)
    # Typed in ballot-paper order: countdesk keeps the order given, it never sorts.
    for name in ("Ali AKRAM", "Huw JONES", "Mei LEE", "Priya PATEL", "Sam WARD"):
        type_keys(qtbot, name)
        press(qtbot, Qt.Key.Key_Return)
        type_keys(qtbot, "Independent")
        press(qtbot, Qt.Key.Key_Return)
    focus_on(qtbot, setup.boxes.id_edit)
    for box_id, account in (("A1", "500"), ("A2", "400")):
        for text in (box_id, f"Station {box_id}"):
            type_keys(qtbot, text)
            press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Tab)
        type_keys(qtbot, account)
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: setup.boxes.model.rowCount() == 2)

    # Verification: both boxes reconcile.
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    table = window.workspace.verification_view.table
    focus_on(qtbot, table)
    for figure in ("500", "400"):
        type_keys(qtbot, figure)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)
    qtbot.waitUntil(lambda: window.workspace.verification_view.model.totals().boxes_verified == 2)

    # The count: a ward electing three asks for the papers on each sheet.
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    form = window.workspace.sheets_view.form
    qtbot.waitUntil(lambda: form.fields[0].edit.hasFocus())
    assert form.fields[0].key == "papers"  # the table's papers first, as on the paper sheet
    assert [f.label for f in form.fields[1:6]] == ["Ali AKRAM", "Huw JONES", "Mei LEE", "Priya PATEL", "Sam WARD"]
    assert form.fields[7].label == "(b) Voting for more than 3 candidates"
    assert form.fields[-1].key == "rejected_in_part"
    assert not window.workspace.sheets_view.round2_button.isVisible()
    for figure in ("500", "280", "200", "150", "250", "300", "", "2", "", "4", ""):
        type_keys(qtbot, figure)
        press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return, CTRL)  # three rejected heads left blank: confirm them as 0
    assert "3 field(s) left blank" in form.message.text()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(reopen(path).contests[0].count_sheets) == 1)

    # Sheet 2, with LEE keyed as 450: more votes than the sheet's 399 valid papers, refused at LEE.
    qtbot.waitUntil(lambda: form.fields[0].edit.hasFocus())
    for figure in ("400", "230", "190", "450", "180", "210", "1", "0", "0", "0", "0"):
        type_keys(qtbot, figure)
        press(qtbot, Qt.Key.Key_Return)
    lee = form.fields[3]
    assert lee.error.isVisible() and "399 valid papers" in lee.error.text()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert len(reopen(path).contests[0].count_sheets) == 1
    screenshot(window, "fptp-refused")
    focus_on(qtbot, lee.edit)
    lee.edit.selectAll()
    type_keys(qtbot, "100")
    assert not lee.error.isVisible()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(reopen(path).contests[0].count_sheets) == 2)

    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    result = window.current_count.result(WARD)
    assert result.status is Status.ELECTED
    assert set(result.elected) == {"akram-a", "patel-p", "ward-s"}
    assert dict(result.first) == {"akram-a": 510, "jones-h": 390, "lee-m": 250, "patel-p": 430, "ward-s": 510}
    assert result.ballot_papers_counted == 900 and result.valid_votes == 893
    screenshot(window, "fptp-result")
    window.close()

    contest = reopen(path).contest(WARD)
    assert [s.papers for s in contest.count_sheets] == [500, 400]
    assert contest.count_sheets[0].rejected_total == 6 and contest.count_sheets[1].rejected_total == 1
