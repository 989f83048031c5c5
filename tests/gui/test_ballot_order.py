"""Ballot-paper order as given, and the returning officer's correction of it.

Names are kept exactly as typed ("John McDONALD", "Aled ap IORWERTH"); a new candidate goes after
the others (no alphabetical sort, which would put O'NEILL before OKAFOR); the RO corrects the order
at the keyboard in a small dialog, with a reason the audit log keeps, as one undoable step."""

from __future__ import annotations

from gui_helpers import make_count_file, open_count_file, press, screenshot, when_modal
from PySide6.QtCore import Qt

from countdesk.domain.model import Box, Candidate, Contest, VotingSystem
from countdesk.gui.dialogs.ballot_order_dialog import BallotOrderDialog
from countdesk.gui.models.sheets_model import SheetsModel
from countdesk.gui.widgets.candidates_editor import CandidatesEditor

WARD = "local.testshire.docks.2021-05-06"
GIVEN = (Candidate("ap-iorwerth-a", "Aled ap IORWERTH", "Plaid Cymru"),
         Candidate("mcbride-r", "Rory McBRIDE", "Labour Party"),
         Candidate("mcdonald-j", "John McDONALD", "Independent"),
         Candidate("okafor-c", "Chidi OKAFOR", "Green Party"))


def ward_open_count(tmp_path, open_counts):
    contest = Contest(WARD, "Docks ward", VotingSystem.FPTP, 1, GIVEN, (Box("B1", "Station", False, 10),))
    return open_count_file(make_count_file(tmp_path / "ward.countdesk", (contest,)), open_counts)


def editor_for(qtbot, open_count) -> CandidatesEditor:
    editor = CandidatesEditor(open_count)
    qtbot.addWidget(editor)
    editor.set_contest(WARD)
    with qtbot.waitExposed(editor):
        editor.show()
    return editor


def test_names_and_order_stay_as_given_and_a_newcomer_goes_last(qtbot, tmp_path, open_counts):
    open_count = ward_open_count(tmp_path, open_counts)
    editor = editor_for(qtbot, open_count)
    editor.name_edit.setText("Patrick O'NEILL")
    editor.description_edit.setText("Independent")
    editor.add_from_fields()
    contest = open_count.contest(WARD)
    assert [c.name for c in contest.candidates] == [
        "Aled ap IORWERTH", "Rory McBRIDE", "John McDONALD", "Chidi OKAFOR", "Patrick O'NEILL"]
    qtbot.waitUntil(lambda: editor.model.rowCount() == 5)
    shown = [editor.model.index(row, 1).data() for row in range(editor.model.rowCount())]
    assert shown == [c.name for c in contest.candidates]
    sheets = SheetsModel(open_count)
    sheets.set_contest(WARD)
    headers = [sheets.headerData(c, Qt.Orientation.Horizontal) for c in range(sheets.columnCount())]
    assert headers[2:7] == ["IORWERTH", "McBRIDE", "McDONALD", "OKAFOR", "O'NEILL"]
    assert "Mcbride" not in headers and "Mcdonald" not in headers
    # Correcting a name leaves the candidate where the RO put it.
    editor.model.setData(editor.model.index(1, 1), "Rory Sean McBRIDE")
    assert open_count.contest(WARD).candidate_ids[1] == "mcbride-r"


def test_the_ro_corrects_the_order_with_a_reason_and_can_undo_it(qtbot, tmp_path, open_counts):
    open_count = ward_open_count(tmp_path, open_counts)
    editor = editor_for(qtbot, open_count)
    seen = {}

    def correct(dialog: BallotOrderDialog) -> None:
        seen["dialog"] = dialog
        dialog.list.setCurrentRow(3)                       # OKAFOR
        dialog.list.setFocus()
        press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)   # above McDONALD
        qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)      # above McBRIDE
        assert dialog.order()[1] == "okafor-c"
        dialog.accept()                                    # no reason yet: refused, says why
        assert dialog.isVisible() and "reason" in dialog.error_label.text()
        screenshot(dialog, "ballot-order-dialog")
        dialog.reason_edit.setText("Statement of persons nominated lists OKAFOR second")
        dialog.accept()

    when_modal(correct)
    assert editor.correct_order()
    assert open_count.contest(WARD).candidate_ids == ("ap-iorwerth-a", "okafor-c", "mcbride-r", "mcdonald-j")
    row = open_count.session.audit_rows(action="candidate.reorder")[-1]
    assert row.reason == "Statement of persons nominated lists OKAFOR second"
    assert row.before == {"candidates": ["ap-iorwerth-a", "mcbride-r", "mcdonald-j", "okafor-c"]}
    open_count.undo_stack.undo()
    assert open_count.contest(WARD).candidate_ids == tuple(c.id for c in GIVEN)
    assert open_count.session.audit_rows(action="candidate.reorder")[-1].reason.startswith("undo:")


def test_an_unchanged_order_or_a_cancel_changes_nothing(qtbot, tmp_path, open_counts):
    open_count = ward_open_count(tmp_path, open_counts)
    editor = editor_for(qtbot, open_count)

    def unchanged(dialog: BallotOrderDialog) -> None:
        dialog.reason_edit.setText("checking")
        dialog.accept()
        assert dialog.isVisible() and "unchanged" in dialog.error_label.text()
        dialog.reject()

    when_modal(unchanged)
    assert not editor.correct_order()
    assert open_count.session.audit_rows(action="candidate.reorder") == []
