"""Recording a lot drawn by hand: the dialog refuses an incomplete record, asks a second time,
then the open count stores the Lot and the result follows it. The app never draws."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from result_fixtures import fptp_two_places_tie_count, make_open_count, screenshot, sv_final_tie_count

from countdesk.domain.model import Lot
from countdesk.domain.result import Status
from countdesk.gui.dialogs.lot_dialog import CONFIRMATION, LotDialog, parse_drawn_at
from countdesk.gui.widgets.result_view import ResultView

TESTSHIRE = "mayor.testshire.2021-05-06"
WARD = "local.testshire.north.2022-05-05"
DRAWN_AT = "2021-05-07T03:10:00+01:00"


@pytest.fixture
def tie_open_count():
    return make_open_count(sv_final_tie_count())


def open_dialog(qtbot, open_count, contest_id: str = TESTSHIRE, confirm: bool | None = True) -> LotDialog:
    """The dialog, shown modelessly; `confirm` answers the second confirmation (None: ask for real)."""
    tie = open_count.result(contest_id).pending_tie
    assert tie is not None
    dialog = LotDialog(open_count, contest_id, tie)
    qtbot.addWidget(dialog)
    if confirm is not None:
        dialog.confirmations = []
        dialog.confirm = lambda lot: dialog.confirmations.append(lot) or confirm
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def fill(qtbot, dialog: LotDialog, winners=("b",), witnesses="Agents for Ashe and Bevan", drawn_at=DRAWN_AT,
         drawn_by: str | None = None):
    if drawn_by is not None:
        dialog.drawn_by_edit.setText(drawn_by)
    for candidate_id in winners:
        dialog.winner_buttons[candidate_id].setChecked(True)
    dialog.witnesses_edit.setPlainText(witnesses)
    dialog.drawn_at_edit.setText(drawn_at)


def press_record(qtbot, dialog: LotDialog) -> None:
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)


def test_the_tie_shows_the_record_lot_button(qtbot, tie_open_count):
    view = ResultView(tie_open_count)
    qtbot.addWidget(view)
    view.set_contest(TESTSHIRE)
    view.resize(1400, 900)
    with qtbot.waitExposed(view):
        view.show()
    screenshot(view, "result-needs-lot")
    result = tie_open_count.result(TESTSHIRE)
    assert result.status is Status.NEEDS_LOTS and set(result.pending_tie.candidates) == {"a", "b"}
    assert view.lot_button.isVisible() and view.lot_button.isEnabled()
    assert view.lot_button.text().replace("&", "") == "Record lot…"
    assert "Ann ASHE and Bryn BEVAN are tied on 40 votes" in view.status_label.text()
    tie_open_count.session.declared.add(TESTSHIRE)  # a declared contest is locked
    tie_open_count.reload(TESTSHIRE)
    assert view.lot_button.isVisible() and not view.lot_button.isEnabled()


def test_the_dialog_shows_the_tie_and_defaults_to_the_returning_officer_and_now(qtbot, tie_open_count):
    dialog = open_dialog(qtbot, tie_open_count)
    screenshot(dialog, "lot-dialog")
    assert set(dialog.winner_buttons) == {"a", "b"}
    assert "Ann ASHE and Bryn BEVAN are tied on 40 votes" in dialog.findChild(QWidget, "lotTie").text()
    assert "never draws" in dialog.findChild(QWidget, "lotIntro").text()
    assert dialog.drawn_by_edit.text() == "A. Officer"  # the election's returning officer
    moment = parse_drawn_at(dialog.drawn_at_edit.text())
    assert moment is not None and moment.utcoffset() is not None
    assert abs((datetime.now().astimezone() - moment).total_seconds()) < 120


def test_refuses_without_witnesses(qtbot, tie_open_count):
    dialog = open_dialog(qtbot, tie_open_count)
    fill(qtbot, dialog, witnesses="   ")
    press_record(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "witnesses" in dialog.error_label.text()
    assert dialog.confirmations == []
    assert tie_open_count.contest(TESTSHIRE).lots == ()


def test_refuses_without_who_drew(qtbot, tie_open_count):
    dialog = open_dialog(qtbot, tie_open_count)
    fill(qtbot, dialog, drawn_by="")
    press_record(qtbot, dialog)
    assert dialog.error_label.text() == "Say who drew the lot."
    assert dialog.drawn_by_edit.hasFocus() or not dialog.isActiveWindow()
    assert tie_open_count.contest(TESTSHIRE).lots == ()


def test_refuses_without_a_winner(qtbot, tie_open_count):
    dialog = open_dialog(qtbot, tie_open_count)
    fill(qtbot, dialog, winners=())
    press_record(qtbot, dialog)
    assert "Select exactly one candidate" in dialog.error_label.text()
    assert tie_open_count.contest(TESTSHIRE).lots == ()


@pytest.mark.parametrize("drawn_at", ["", "last night", "2021-05-07T03:10:00", "2021-05-07"])
def test_refuses_a_time_without_date_time_and_offset(qtbot, tie_open_count, drawn_at):
    dialog = open_dialog(qtbot, tie_open_count)
    fill(qtbot, dialog, drawn_at=drawn_at)
    press_record(qtbot, dialog)
    assert "ISO 8601" in dialog.error_label.text()
    assert tie_open_count.contest(TESTSHIRE).lots == ()


@pytest.mark.parametrize("winners", [("b",), ("b", "c", "d")])
def test_two_places_need_exactly_two_winners(qtbot, winners):
    open_count = make_open_count(fptp_two_places_tie_count())
    dialog = open_dialog(qtbot, open_count, WARD)
    assert dialog.tie.places == 2 and set(dialog.winner_buttons) == {"b", "c", "d"}
    fill(qtbot, dialog, winners=winners)
    press_record(qtbot, dialog)
    assert f"Select exactly 2 candidates who won the lot ({len(winners)} selected)" in dialog.error_label.text()
    assert open_count.contest(WARD).lots == ()


def test_records_the_lot_and_the_result_follows_it(qtbot, tie_open_count):
    view = ResultView(tie_open_count)
    qtbot.addWidget(view)
    view.set_contest(TESTSHIRE)
    dialog = open_dialog(qtbot, tie_open_count)
    fill(qtbot, dialog, winners=("b",))
    press_record(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    expected = Lot(("a", "b"), ("b",), "A. Officer", DRAWN_AT, "Agents for Ashe and Bevan")
    assert dialog.confirmations == [expected]
    assert tie_open_count.session.load().contest(TESTSHIRE).lots == (expected,)
    result = tie_open_count.result(TESTSHIRE)
    assert result.status is Status.ELECTED and result.elected == ("b",)
    assert result.lots_applied == (expected,)
    # The view followed open_count.changed: Bevan elected by lot, no lot button any more.
    assert not view.lot_button.isVisibleTo(view)
    assert "Bryn BEVAN" in view.status_label.text() and "lot" in view.status_label.text()
    assert "the lot fell on Bryn BEVAN" in view.lots_label.text()
    assert tie_open_count.undo_stack.count() == 1


def test_two_winners_are_recorded_for_two_places(qtbot):
    open_count = make_open_count(fptp_two_places_tie_count())
    dialog = open_dialog(qtbot, open_count, WARD)
    assert dialog.drawn_by_edit.text() == ""  # this election names no returning officer
    fill(qtbot, dialog, winners=("b", "d"), witnesses="Candidates B, C and D", drawn_by="Deputy RO")
    press_record(qtbot, dialog)
    result = open_count.result(WARD)
    assert result.status is Status.ELECTED and set(result.elected) == {"a", "b", "d"}


def test_going_back_at_the_confirmation_records_nothing(qtbot, tie_open_count):
    dialog = open_dialog(qtbot, tie_open_count, confirm=False)
    fill(qtbot, dialog)
    press_record(qtbot, dialog)
    assert len(dialog.confirmations) == 1
    assert dialog.isVisible() and tie_open_count.contest(TESTSHIRE).lots == ()


def _answer_confirmation(button_text: str, seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _answer_confirmation(button_text, seen))
        return
    seen.append(box.text())
    for button in box.buttons():
        if button.text() == button_text:
            button.click()
            return


def test_the_real_confirmation_names_the_winner_and_the_audit(qtbot, tie_open_count):
    dialog = open_dialog(qtbot, tie_open_count, confirm=None)
    fill(qtbot, dialog, winners=("a",))
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_confirmation("Go back", seen))
    press_record(qtbot, dialog)
    assert tie_open_count.contest(TESTSHIRE).lots == ()
    QTimer.singleShot(0, lambda: _answer_confirmation("Record the lot", seen))
    press_record(qtbot, dialog)
    assert all(CONFIRMATION in text and "Ann ASHE" in text for text in seen) and len(seen) == 2
    assert tie_open_count.result(TESTSHIRE).elected == ("a",)


def test_undo_withdraws_the_lot(qtbot, tie_open_count):
    dialog = open_dialog(qtbot, tie_open_count)
    fill(qtbot, dialog)
    press_record(qtbot, dialog)
    tie_open_count.undo_stack.undo()
    assert tie_open_count.contest(TESTSHIRE).lots == ()
    assert tie_open_count.result(TESTSHIRE).status is Status.NEEDS_LOTS


def test_a_refusal_from_the_store_is_shown_and_keeps_the_dialog_open(qtbot, tie_open_count):
    tie_open_count.session.declared.add(TESTSHIRE)
    dialog = open_dialog(qtbot, tie_open_count)
    fill(qtbot, dialog)
    press_record(qtbot, dialog)
    assert dialog.isVisible() and "not recorded" in dialog.error_label.text()
    assert "declared" in dialog.error_label.text()


def test_every_dialog_control_is_named_and_reachable(qtbot, tie_open_count):
    dialog = open_dialog(qtbot, tie_open_count)
    focusable = [w for w in dialog.findChildren(QWidget)
                 if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    for control in (dialog.drawn_by_edit, dialog.witnesses_edit, dialog.drawn_at_edit, dialog.record_button,
                    dialog.winner_buttons["a"]):
        assert control in focusable
    assert all(w.accessibleName() for w in focusable), [w for w in focusable if not w.accessibleName()]
    assert all(b.accessibleName() for b in dialog.winner_buttons.values())
    # One radio button of the group takes Tab; the arrow keys move between the candidates.
    dialog.activateWindow()
    dialog.winner_buttons["a"].setFocus()
    qtbot.keyClick(dialog.winner_buttons["a"], Qt.Key.Key_Down)
    assert dialog.winner_buttons["b"].hasFocus()
    qtbot.keyClick(dialog.winner_buttons["b"], Qt.Key.Key_Space)
    assert dialog.selected_winners() == ("b",)
    # Tab leaves the witnesses box instead of typing a tab into it.
    assert dialog.witnesses_edit.tabChangesFocus()


def test_a_problem_goes_as_soon_as_it_is_put_right(qtbot, tie_open_count):
    dialog = open_dialog(qtbot, tie_open_count)
    dialog.drawn_by_edit.clear()
    press_record(qtbot, dialog)
    assert "Select exactly one candidate" in dialog.error_label.text()
    dialog.winner_buttons["b"].setChecked(True)
    assert "Select exactly" not in dialog.error_label.text() and "Say who drew" in dialog.error_label.text()
    fill(qtbot, dialog, drawn_by="A. Officer")
    assert dialog.error_label.isHidden()  # nothing stale beside a form now complete


def test_the_lot_recorded_is_dated_in_local_time_on_the_result(qtbot, tie_open_count):
    from countdesk.gui.appearance import format_moment

    dialog = open_dialog(qtbot, tie_open_count)
    fill(qtbot, dialog, drawn_by="A. Officer")
    press_record(qtbot, dialog)
    view = ResultView(tie_open_count)
    qtbot.addWidget(view)
    view.set_contest(TESTSHIRE)
    text = view.lots_label.text()
    assert DRAWN_AT not in text and format_moment(DRAWN_AT) in text
    assert format_moment("2021-05-07T03:10:00+01:00").endswith("May 2021 at " + datetime.fromisoformat(
        DRAWN_AT).astimezone().strftime("%H:%M"))
