"""The whole count night at the keyboard, driven only by key presses on the real widgets, from an
empty start page to a declared result exported to a chosen folder, its bundle verified, and the
count reopened where the team left it. Each step checks what a count team was stumbling on:

    the wizard: Enter moves down the fields (the poll date is not skipped) and the returning officer
      is required; Enter goes past Postal (a contest added taking the focus to its first candidate is
      checked in test_nothing_blocked_or_lost.py);
    verification with a difference and its note; a half-typed sheet is not lost at Ctrl+Q;
    a sheet corrected says so on the form; round 2; a tie drawn by lot, dated in local time;
    the Result tab's figures unclipped and its warnings in words; F1 opens the guide at the tab;
    declaration locks the election's details; File > Export > Choose folder… works; the bundle
    verifies; Ctrl+W, then the recent list, reopens on the tab and contest where the team was.

Figures: boxes of 100, 120, 81 (account 80), 150, 90, 60 = 601 verified.
    first preferences  ADAMS 230, BROWN 195, CLARK 110, DIXON 57 (valid 592, rejected 9): no majority;
    CLARK's and DIXON's 167 papers: ADAMS 20, BROWN 55, non-transferable 92;
    final              ADAMS 250, BROWN 250: a tie, decided by lot for BROWN.
"""

from __future__ import annotations

from gui_helpers import KEYED_BOXES, KEYED_VERIFIED, focused, mnemonic, press, reopen, screenshot, type_keys, when_modal
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QLabel

from countdesk.domain.result import Status
from countdesk.exchange.bundle import verify_bundle
from countdesk.gui.appearance import format_moment
from countdesk.gui.dialogs.export_dialog import SAFE_TO_REMOVE
from countdesk.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
MAYOR = "mayor-of-testshire.2021-05-06"
PASSPHRASE = "correct horse battery"
CANDIDATES = (("Ann ADAMS", "Party A"), ("Ben BROWN", "Party B"), ("Cat CLARK", "Party C"),
              ("Dan DIXON", "Party D"))
BOXES, VERIFIED = KEYED_BOXES, KEYED_VERIFIED


def shortcut(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed with nothing focused goes to the active window, as a keyboard's does."""
    qtbot.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), key, modifier)


def enter(qtbot, times: int = 1) -> None:
    for _ in range(times):
        press(qtbot, Qt.Key.Key_Return)


def type_down(qtbot, *figures: str) -> None:
    """Figures typed down a form, Enter after each."""
    for figure in figures:
        type_keys(qtbot, figure)
        enter(qtbot)


def back_to(qtbot, window) -> None:
    """A window manager gives the focus back to the window under a closed dialog; offscreen Qt does
    not, so do what it would."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def wizard(qtbot, path) -> None:
    """The new count wizard, answered at the keyboard; then the operator's name."""
    def answer(dialog) -> None:
        try:
            answer_at_keyboard(dialog)
        except BaseException:
            dialog.reject()  # a failure fails the test, rather than leaving the wizard open
            raise

    def answer_at_keyboard(dialog) -> None:
        form = dialog.election_page.form
        type_keys(qtbot, "Local elections 6 May 2021")
        enter(qtbot)
        assert focused() is form.date_edit, "Enter pressed Next: the poll date was skipped"
        type_keys(qtbot, "06052021")
        enter(qtbot)
        type_keys(qtbot, "Testshire")
        enter(qtbot)
        assert focused().text() == "local.testshire.2021-05-06"
        enter(qtbot, 3)  # id, returning officer left empty, Welsh: Next is refused
        assert dialog.currentPage() is dialog.election_page, "the wizard went on with no returning officer"
        assert focused() is form.ro_edit and form.errors["ro"].isVisible()
        assert not form.errors["title"].isVisible() and not form.errors["area"].isVisible()
        type_keys(qtbot, "Pat Officer")
        assert not form.errors["ro"].isVisible()
        enter(qtbot, 2)
        contest = dialog.contest_page.form
        assert dialog.currentPage() is dialog.contest_page and focused() is contest.title_edit
        type_keys(qtbot, "Mayor of Testshire")
        enter(qtbot, 2)
        assert focused() is contest.office_combo, "Enter pressed Next: the office was skipped"
        press(qtbot, Qt.Key.Key_Down)  # a council ward, then the mayor of a local authority
        # In 2021 a local mayor is elected by SV, the only system offered (so its box is disabled),
        # counted as a whole poll (the counting role too) and fills one seat: Enter skips all three.
        assert contest.office().value == "local_mayor" and contest.system().value == "sv"
        enter(qtbot)
        assert focused() is contest.electorate_edit
        type_keys(qtbot, "1000")
        enter(qtbot, 2)  # the electorate, then double entry (the last field): Next
        assert dialog.currentPage() is dialog.file_page
        mnemonic(qtbot, Qt.Key.Key_L)  # Count fi&le
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_keys(qtbot, str(path))
        when_modal(lambda name: (type_keys(qtbot, "Alice Keyer"), enter(qtbot)), not_this=dialog)
        enter(qtbot)  # Finish

    when_modal(answer)


def test_the_whole_night_at_the_keyboard(qtbot, tmp_path):
    path = tmp_path / "testshire.countdesk"
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitExposed(window):
        window.show()
    back_to(qtbot, window)

    # 1. The start page: Alt+N, the wizard.
    wizard(qtbot, path)
    mnemonic(qtbot, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: window.current_count is not None, timeout=10_000)
    back_to(qtbot, window)
    assert window.workspace.tab_name() == "setup" and window.operator == "Alice Keyer"
    setup = window.workspace.setup_view

    # 2. Candidates (Alt+M), then six boxes (Alt+X): Enter all the way, past the Postal box.
    mnemonic(qtbot, Qt.Key.Key_M)
    for name, description in CANDIDATES:
        type_down(qtbot, name, description)
    qtbot.waitUntil(lambda: setup.candidates.model.rowCount() == 4)
    mnemonic(qtbot, Qt.Key.Key_X)
    for box_id, station, postal, account in BOXES:
        type_down(qtbot, box_id, station)
        assert focused() is setup.boxes.postal_check
        if postal:
            press(qtbot, Qt.Key.Key_Space)
        enter(qtbot)
        assert focused() is setup.boxes.account_edit, "Enter stopped on the Postal box"
        type_down(qtbot, account)
        assert focused() is setup.boxes.id_edit
    qtbot.waitUntil(lambda: setup.boxes.model.rowCount() == 6)

    # 3. Verification: down the column; B3 differs from its account and needs a note.
    press(qtbot, Qt.Key.Key_2, CTRL)
    verification = window.workspace.verification_view
    qtbot.waitUntil(verification.table.hasFocus)
    for figure in VERIFIED:
        if figure == "81":
            when_modal(lambda note: (type_keys(qtbot, "Recounted twice: 81 papers"), enter(qtbot)))
        type_keys(qtbot, figure)
        enter(qtbot)
        qtbot.waitUntil(lambda: verification.table.state() == QAbstractItemView.State.NoState)
        back_to(qtbot, window)
    qtbot.waitUntil(lambda: verification.model.totals().boxes_verified == 6)
    assert verification.total_labels["verified"].text() == "601"

    # 4. The count, round 1. The second sheet is half typed when Ctrl+Q is pressed: nothing is lost.
    press(qtbot, Qt.Key.Key_3, CTRL)
    sheets = window.workspace.sheets_view
    form = sheets.form
    qtbot.waitUntil(lambda: form.fields[0].edit.hasFocus())
    type_down(qtbot, "300", "120", "100", "50", "27", "0", "0", "0", "3")  # the sheet's papers first
    type_keys(qtbot, "0")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: sheets.model.rowCount() == 1)
    type_down(qtbot, "301", "101", "95")  # 101: a slip for 110, caught on this sheet below
    type_keys(qtbot, "6")
    asked = []
    when_modal(lambda box: (asked.append(box.text()), enter(qtbot)))  # Enter: go back to the figures
    press(qtbot, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: bool(asked))
    back_to(qtbot, window)
    assert window.isVisible() and "sheet T02-R1" in asked[0], "Ctrl+Q quit with a half-typed sheet"
    assert focused() is form.fields[3].edit and form.fields[3].edit.text() == "6"
    type_keys(qtbot, "0")
    enter(qtbot)
    type_down(qtbot, "30", "1", "2", "0", "3")
    type_keys(qtbot, "0")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    # The slip does not add up to the sheet's 301 papers: refused on this sheet, at its papers.
    assert "cannot be saved" in form.message.text() and "286 votes + 6 rejected = 292" in form.fields[0].error.text()
    assert sheets.model.rowCount() == 1
    form.fields[1].edit.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "110")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: sheets.model.rowCount() == 2)

    # A correction: Alt+D to the sheets, End to T02-R1, Alt+R to correct it; the form says so.
    mnemonic(qtbot, Qt.Key.Key_D)
    assert focused() is sheets.table
    press(qtbot, Qt.Key.Key_End)
    mnemonic(qtbot, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: form.editing is not None)
    assert form.heading.isVisible() and form.heading.text().startswith("Correcting sheet T02-R1")
    assert focused() is form.fields[0].edit
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "301")  # the papers re-read from the paper sheet
    when_modal(lambda reason: (type_keys(qtbot, "Papers re-read from the sheet"), enter(qtbot)))
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: form.editing is None)
    back_to(qtbot, window)
    assert sheets.totals.totals.total(1, "ADAMS") == "230" and sheets.totals.totals.total(1, "Papers") == "601"

    # F1 on the Count tab opens the guide inside the app, at the count.
    press(qtbot, Qt.Key.Key_F1)
    guide = window.help_window
    qtbot.waitUntil(lambda: guide is not None and guide.isVisible())
    assert guide.section_at_top().startswith("4. The count")
    guide.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is guide)
    press(qtbot, Qt.Key.Key_Escape)
    back_to(qtbot, window)

    # 5. Round 2 (Alt+2), between ADAMS and BROWN; Alt+N to the sheet number, Enter to the figures.
    qtbot.waitUntil(sheets.round2_button.isEnabled)
    mnemonic(qtbot, Qt.Key.Key_2)
    mnemonic(qtbot, Qt.Key.Key_N)
    assert form.round == 2 and focused().text() == "T01-R2"
    enter(qtbot)
    for figures in (("10", "30"), ("10", "25")):
        type_down(qtbot, *figures)
        type_keys(qtbot, "45" if figures[1] == "30" else "47")
        press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: form.fields[0].edit.hasFocus() and not form.fields[0].edit.text())
    qtbot.waitUntil(lambda: sheets.model.rowCount() == 4)

    # 6. A tie: the lot is drawn by hand and recorded at the keyboard (Alt+L).
    press(qtbot, Qt.Key.Key_4, CTRL)
    result_view = window.workspace.result_view
    assert window.current_count.result(MAYOR).status is Status.NEEDS_LOTS
    qtbot.waitUntil(result_view.lot_button.isVisible)

    def record_lot(dialog) -> None:
        assert dialog.drawn_by_edit.text() == "Pat Officer"  # the returning officer the wizard asked for
        press(qtbot, Qt.Key.Key_Down)  # from ADAMS to BROWN
        press(qtbot, Qt.Key.Key_Space)
        assert dialog.selected_winners() == ("brown-b",)
        mnemonic(qtbot, Qt.Key.Key_W)
        type_keys(qtbot, "Agents for Adams and Brown")

        def confirm(box) -> None:
            for _ in range(4):
                if focused().text() == "Record the lot":
                    break
                press(qtbot, Qt.Key.Key_Tab)
            press(qtbot, Qt.Key.Key_Space)

        when_modal(confirm, not_this=dialog)
        mnemonic(qtbot, Qt.Key.Key_R)

    when_modal(record_lot)
    mnemonic(qtbot, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: window.current_count.result(MAYOR).status is Status.ELECTED, timeout=10_000)
    back_to(qtbot, window)
    result = window.current_count.result(MAYOR)
    assert result.elected == ("brown-b",) and dict(result.final) == {"adams-a": 250, "brown-b": 250}
    lot = reopen(path).contests[0].lots[0]
    assert format_moment(lot.drawn_at) in result_view.lots_label.text() and lot.drawn_at not in \
        result_view.lots_label.text()
    for row in range(result_view.checks.warning_count()):
        assert "[" not in result_view.checks.tree.topLevelItem(row).text(2)  # "box B3 (Library)", not boxes[2]
    for label in result_view.papers.findChildren(QLabel) + result_view.rejected.findChildren(QLabel):
        if label.alignment() & Qt.AlignmentFlag.AlignRight:
            assert label.height() >= label.fontMetrics().height(), f"{label.text()} is cut"
    screenshot(window, "night-result-after-lot")

    # 7. Declaration: Alt+C opens the Count menu, L declares; the passphrase is set, then given.
    def set_passphrase(dialog) -> None:
        type_keys(qtbot, PASSPHRASE)
        press(qtbot, Qt.Key.Key_Tab)
        type_keys(qtbot, PASSPHRASE)
        when_modal(lambda declare: (type_keys(qtbot, PASSPHRASE), enter(qtbot)), not_this=dialog)
        enter(qtbot)

    when_modal(set_passphrase)
    shortcut(qtbot, Qt.Key.Key_C, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_L)
    qtbot.waitUntil(lambda: window.current_count.contest_state(MAYOR).declared, timeout=10_000)
    back_to(qtbot, window)
    shortcut(qtbot, Qt.Key.Key_1, CTRL)
    assert not setup.election_form.title_edit.isEnabled(), "the election's details looked editable"

    # 8. Export to a chosen folder (Ctrl+Shift+E, Alt+F types the folder), then verify the bundle.
    folder = tmp_path / "chosen folder"
    folder.mkdir()
    exported = []

    def export(dialog) -> None:
        try:
            export_at_keyboard(dialog)
        except BaseException:
            dialog.reject()  # a failure fails the test, rather than leaving the dialog open
            raise

    def export_at_keyboard(dialog) -> None:
        def choose(files) -> None:
            assert isinstance(files, QFileDialog)
            press(qtbot, Qt.Key.Key_A, CTRL)
            type_keys(qtbot, str(folder))
            enter(qtbot)

        when_modal(choose, not_this=dialog)
        mnemonic(qtbot, Qt.Key.Key_F)
        qtbot.waitUntil(lambda: dialog.target() == folder, timeout=5000)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        mnemonic(qtbot, Qt.Key.Key_E)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
        assert SAFE_TO_REMOVE in dialog.status.text()
        exported.append(dialog.report)
        press(qtbot, Qt.Key.Key_Escape)

    when_modal(export)
    shortcut(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(exported), timeout=40_000)
    back_to(qtbot, window)
    assert exported[0].path.parent == folder and verify_bundle(exported[0].path).ok

    # 9. Closed (Ctrl+W) and reopened from the recent list (Alt+R, Enter): where the team was.
    shortcut(qtbot, Qt.Key.Key_4, CTRL)
    shortcut(qtbot, Qt.Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: window.current_count is None)
    mnemonic(qtbot, Qt.Key.Key_R)
    assert focused() is window.start_page.recent_list
    enter(qtbot)
    qtbot.waitUntil(lambda: window.current_count is not None, timeout=10_000)
    assert window.workspace.tab_name() == "result" and window.workspace.current_contest() == MAYOR
    assert window.workspace.stage_label.text().startswith("DECLARED")
    window.close()
    # As run_app does on quitting: the window is destroyed while Qt is still there, not by Python's
    # final collection after it.
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
