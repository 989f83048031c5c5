"""A whole supplementary-vote count at the keyboard, from the New count wizard to the winner.

Four candidates and six boxes are set up in the wizard and the Set-up tab, the boxes verified
(one differs from its account and needs a note), two first-round sheets keyed in, and because
no one has more than half of the valid first preferences, a second round is keyed too. The
figures are made up so that the second round changes the lead:

    first preferences  ADAMS 230, BROWN 195, CLARK 110, DIXON 57  (valid 592, rejected 9)
    230 is not more than half of 592, so ADAMS and BROWN go to a second round;
    CLARK's and DIXON's 167 papers: ADAMS 30, BROWN 80, non-transferable 57
    final              ADAMS 260, BROWN 275: BROWN is elected.

Verified: boxes of 100, 120, 81 (account 80), 150, 90, 60 = 601 = 592 valid + 9 rejected.
"""

from __future__ import annotations

from pathlib import Path

from gui_helpers import (
    KEYED_BOXES,
    KEYED_VERIFIED,
    focus_on,
    focused,
    mnemonic,
    press,
    reopen,
    screenshot,
    type_keys,
    when_modal,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from countdesk.domain.model import Office, VotingSystem
from countdesk.domain.result import Status
from countdesk.gui.main_window import MainWindow
from countdesk.services.count_session import CountSession

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CANDIDATES_AS_TYPED = (("Dan DIXON", "Party D"), ("Ben BROWN", "Party B"), ("Ann ADAMS", "Party A"),
                       ("Cat CLARK", "Party C"))
BOXES, VERIFIED = KEYED_BOXES, KEYED_VERIFIED


def not_editing(view) -> bool:
    return view.state() == QAbstractItemView.State.NoState


def fill_wizard(qtbot, wizard, path: Path) -> None:
    """Everything typed; Enter moves on inside a page, Alt+N goes to the next page."""
    type_keys(qtbot, "Local elections 6 May 2021")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "06052021")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Testshire")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().text() == "local.testshire.2021-05-06"  # suggested from the area and date
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Pat Officer")
    mnemonic(qtbot, Qt.Key.Key_N)
    type_keys(qtbot, "Mayor of Testshire")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().text() == "mayor-of-testshire.2021-05-06"
    press(qtbot, Qt.Key.Key_Tab)
    assert Office(focused().currentData()) is Office.COUNCIL  # the office: a council ward unless chosen
    press(qtbot, Qt.Key.Key_Down)
    assert Office(focused().currentData()) is Office.LOCAL_MAYOR
    # The only system the law allows a mayor polled in 2021 is SV: the system box shows it, disabled.
    assert wizard.contest_page.form.system() is VotingSystem.SV
    assert not wizard.contest_page.form.system_combo.isEnabled()
    # Counting role (a local mayor's count is the whole poll), system and seats (SV fills one) are
    # disabled, so Tab skips them to the electorate.
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "1000")
    mnemonic(qtbot, Qt.Key.Key_N)
    focused().selectAll()
    type_keys(qtbot, str(path))
    press(qtbot, Qt.Key.Key_Return)  # the default button on the last page: Finish


def test_a_supplementary_vote_count_from_set_up_to_winner(qtbot, tmp_path):
    path = tmp_path / "testshire.countdesk"
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()

    # 1. New count: the wizard, then the operator's name (asked once for the session).
    def answer_wizard(wizard) -> None:
        when_modal(lambda dialog: (qtbot.keyClicks(dialog.name_edit, "Alice Keyer"),
                                   qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)), not_this=wizard)
        fill_wizard(qtbot, wizard, path)

    when_modal(answer_wizard)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: window.current_count is not None)
    assert window.operator == "Alice Keyer"
    assert window.workspace.tab_name() == "setup"
    assert "Local elections 6 May 2021" in window.windowTitle()

    # 2. Set-up: four candidates typed in any order land in ballot-paper order (surname);
    #    an empty name is refused at the field.
    setup = window.workspace.setup_view
    candidates = setup.candidates
    focus_on(qtbot, candidates.name_edit)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    assert candidates.name_error.isVisible()
    assert "cannot be empty" in candidates.name_error.text()
    assert candidates.model.rowCount() == 0
    for name, description in CANDIDATES_AS_TYPED:
        type_keys(qtbot, name)
        press(qtbot, Qt.Key.Key_Return)
        type_keys(qtbot, description)
        press(qtbot, Qt.Key.Key_Return)
        assert focused() is candidates.name_edit
    assert not candidates.name_error.isVisible()
    qtbot.waitUntil(lambda: candidates.model.rowCount() == 4)
    shown = [candidates.model.index(row, 1).data() for row in range(candidates.model.rowCount())]
    assert shown == [name for name, _ in CANDIDATES_AS_TYPED]  # as typed: countdesk never sorts

    # The RO puts them in ballot-paper order at the keyboard, with a reason.
    def correct_order(dialog) -> None:
        for _ in range(3):
            press(qtbot, Qt.Key.Key_Down, CTRL)        # DIXON to the bottom
        press(qtbot, Qt.Key.Key_Up)
        press(qtbot, Qt.Key.Key_Up)                    # ADAMS
        press(qtbot, Qt.Key.Key_Up, CTRL)              # ADAMS to the top
        mnemonic(qtbot, "r")
        type_keys(qtbot, "Order of the statement of persons nominated")
        press(qtbot, Qt.Key.Key_Return)

    when_modal(correct_order)
    mnemonic(qtbot, "g")
    qtbot.waitUntil(lambda: candidates.model.index(0, 1).data() == "Ann ADAMS")
    shown = [candidates.model.index(row, 1).data() for row in range(candidates.model.rowCount())]
    assert shown == ["Ann ADAMS", "Ben BROWN", "Cat CLARK", "Dan DIXON"]
    focus_on(qtbot, candidates.name_edit)

    boxes = setup.boxes
    focus_on(qtbot, boxes.id_edit)
    for box_id, station, postal, account in BOXES:
        type_keys(qtbot, box_id)
        press(qtbot, Qt.Key.Key_Return)
        type_keys(qtbot, station)
        press(qtbot, Qt.Key.Key_Return)
        if postal:
            press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Tab)
        type_keys(qtbot, account)
        press(qtbot, Qt.Key.Key_Return)
        assert focused() is boxes.id_edit
    qtbot.waitUntil(lambda: boxes.model.rowCount() == 6)
    assert [boxes.model.box(row).postal for row in range(6)] == [False] * 5 + [True]
    screenshot(window, "sv-setup")

    # 3. Verification: figures typed down the column; B3 differs from its account and needs a note.
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.workspace.tab_name() == "verification"
    verification = window.workspace.verification_view
    focus_on(qtbot, verification.table)
    for figure in VERIFIED:
        if figure == "81":
            when_modal(lambda dialog: (qtbot.keyClicks(dialog.text_edit, "Recounted twice: 81 papers"),
                                       qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)))
        type_keys(qtbot, figure)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: verification.table.hasFocus() and not_editing(verification.table))
    qtbot.waitUntil(lambda: verification.model.totals().boxes_verified == 6)
    totals = verification.model.totals()
    assert (totals.account, totals.verified, totals.difference, totals.boxes_with_difference) == (600, 601, 1, 1)
    assert verification.total_labels["verified"].text() == "601"
    screenshot(window, "sv-verification")

    # 4. Count, round 1: every figure typed; blank fields are confirmed once as 0.
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    sheets = window.workspace.sheets_view
    form = sheets.form
    qtbot.waitUntil(lambda: form.fields[0].edit.hasFocus())
    assert form.sheet_id_edit.text() == "T01-R1"
    assert form.fields[0].key == "papers"  # the table's papers first: the figure the sheet adds up to
    assert [f.label for f in form.fields[1:5]] == ["Ann ADAMS", "Ben BROWN", "Cat CLARK", "Dan DIXON"]
    for figure in ("300", "120", "100", "50", "27", "", "", ""):
        type_keys(qtbot, figure)
        press(qtbot, Qt.Key.Key_Return)
    type_keys(qtbot, "3")
    assert form.total_label.text() == "300"
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert form.message.isVisible() and "4 field(s) left blank" in form.message.text()
    assert form.field("rejected.want_of_official_mark").property("blank") is True
    assert reopen(path).contests[0].count_sheets == ()  # nothing saved until confirmed
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: sheets.model.rowCount() == 1)
    saved = reopen(path).contests[0].count_sheets[0]
    assert dict(saved.votes) == {"adams-a": 120, "brown-b": 100, "clark-c": 50, "dixon-d": 27}
    assert saved.rejected_total == 3 and saved.rejected["want_of_official_mark"] == 0

    # Bad input is refused at the field, with the reason beside it.
    assert form.sheet_id_edit.text() == "T02-R1" and form.fields[0].edit.hasFocus()
    type_keys(qtbot, "1x")
    first = form.fields[0]
    assert first.edit.text() == "1" and "Figures only" in first.error.text() and first.error.isVisible()
    type_keys(qtbot, "-")
    assert first.edit.text() == "1" and "cannot be negative" in first.error.text()
    type_keys(qtbot, "000")  # 1,000 papers: more than the 301 verified papers still to count
    assert "Too many" in first.error.text() and "only 301 of the 601 verified papers" in first.error.text()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert "cannot be saved" in form.message.text()
    first.edit.selectAll()
    for figure in ("301", "110", "95", "60", "30", "1", "2", "0", "3", "0"):
        type_keys(qtbot, figure)
        press(qtbot, Qt.Key.Key_Return)
    assert not first.error.isVisible() and form.total_label.text() == "301"
    assert focused() is form.save_button  # Enter on the last figure moves to Save
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: sheets.model.rowCount() == 2)
    screenshot(window, "sv-count-round1")

    # 5. No majority (230 of 592 valid): the second round, between ADAMS and BROWN.
    result = window.current_count.result("mayor-of-testshire.2021-05-06")
    assert result.valid_votes == 592 and result.finalists == ("adams-a", "brown-b")
    qtbot.waitUntil(lambda: sheets.round2_button.isEnabled())
    assert "Ann ADAMS and Ben BROWN" in sheets.round_hint.text()
    mnemonic(qtbot, Qt.Key.Key_2)
    assert form.round == 2 and form.sheet_id_edit.text() == "T01-R2"
    assert [f.label for f in form.fields[:3]] == ["Ann ADAMS", "Ben BROWN", "Non-transferable"]
    form.focus_first_figure()
    for sheet in (("20", "50", "30"), ("10", "30", "27")):
        for figure in sheet:
            type_keys(qtbot, figure)
            press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.wait(20)
    qtbot.waitUntil(lambda: sheets.model.rowCount() == 4)
    screenshot(window, "sv-count-round2")

    # 6. The result: BROWN overtakes ADAMS on transfers (195 + 80 = 275 against 230 + 30 = 260).
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    result = window.current_count.result("mayor-of-testshire.2021-05-06")
    assert result.status is Status.ELECTED and result.elected == ("brown-b",)
    assert dict(result.final) == {"adams-a": 260, "brown-b": 275} and result.non_transferable == 57
    view = window.workspace.result_view
    assert "Ben BROWN" in view.status_label.text() and view.banner.text() == "PROVISIONAL"
    screenshot(window, "sv-result")

    # 7. Undo and redo at the keyboard: the last sheet goes, and comes back.
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert [s.id for s in reopen(path).contests[0].count_sheets] == ["T01-R1", "T02-R1", "T01-R2"]
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert [s.id for s in reopen(path).contests[0].count_sheets] == ["T01-R1", "T02-R1", "T01-R2", "T02-R2"]

    # 8. Closed and reopened: everything confirmed is in the file, stamped with the operator.
    window.close()
    count = reopen(path)
    contest = count.contests[0]
    assert count.election.returning_officer == "Pat Officer"
    assert [c.name for c in contest.candidates] == ["Ann ADAMS", "Ben BROWN", "Cat CLARK", "Dan DIXON"]
    assert contest.electorate == 1000
    b3 = next(b for b in contest.boxes if b.id == "B3")
    assert (b3.ballot_paper_account, b3.verified, b3.note) == (80, 81, "Recounted twice: 81 papers")
    with CountSession.open(path, "Checker", read_only=True) as session:
        rows = session.audit_rows(action="sheet.")
        assert {r.operator for r in rows} == {"Alice Keyer"}
        assert [r.action for r in rows][-2:] == ["sheet.delete", "sheet.save"]  # the undo, then the redo
        assert session.verify_audit().ok

    # 9. The next session opens where the count stood: the Result tab of this contest.
    again = MainWindow(operator="Bob Second")
    qtbot.addWidget(again)
    assert again.open_count(path)
    assert again.workspace.tab_name() == "result"
    assert again.workspace.current_contest() == "mayor-of-testshire.2021-05-06"
    again.close()
