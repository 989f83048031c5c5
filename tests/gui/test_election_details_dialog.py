"""Count ▸ Election details…: the nation, the deputy and the Welsh titles, typed at the keyboard,
saved (audited, undoable) through the election service, and refused as the Set-up form is: while a
declared result is printed with them, and when the nation makes a contest's system unlawful."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from gui_helpers import DEMO, ELECTION, OPERATOR, focused, make_count_file, mnemonic, press, reopen, small_sv_contest
from keyboard_audit import audit
from PySide6.QtCore import Qt

from countdesk.domain import regimes
from countdesk.domain.model import Nation, Office, VotingSystem
from countdesk.gui.dialogs.election_details_dialog import ElectionDetailsDialog
from countdesk.gui.open_count import OpenCount
from countdesk.services.count_session import CountSession

CONTEST = "mayor.testshire"


def _dialog(qtbot, open_count: OpenCount, contest_id: str | None = CONTEST) -> ElectionDetailsDialog:
    dialog = ElectionDetailsDialog(open_count, contest_id)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    return dialog


def _open_count(tmp_path, opened: list) -> tuple[OpenCount, object]:
    path = make_count_file(tmp_path / "details.countdesk", (small_sv_contest(),))
    open_count = OpenCount(CountSession.open(path, OPERATOR))
    opened.append(open_count)
    return open_count, path


def _close(opened: list) -> None:
    for open_count in opened:
        open_count.session.close()


def test_nation_deputy_and_welsh_titles_are_typed_saved_audited_and_undone(qtbot, tmp_path):
    opened: list = []
    open_count, path = _open_count(tmp_path, opened)
    try:
        dialog = _dialog(qtbot, open_count)
        assert audit(dialog, "election details") == []
        assert focused() is dialog.nation_combo
        press(qtbot, Qt.Key.Key_Down)  # England -> Wales
        mnemonic(qtbot, "d")  # Documents signed by a deputy
        mnemonic(qtbot, "e")
        assert focused() is dialog.title_cy_edit
        qtbot.keyClicks(focused(), "Etholiadau lleol 6 Mai 2021")
        mnemonic(qtbot, "c")
        assert focused() is dialog.contest_title_cy_edit
        qtbot.keyClicks(focused(), "Maer Swydd Testshire")
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_label.text()

        stored = reopen(path)
        assert (stored.election.nation, stored.election.deputy, stored.election.title_cy) == (
            Nation.WALES, True, "Etholiadau lleol 6 Mai 2021")
        assert stored.election.title == ELECTION.title  # the rest of the election is untouched
        assert stored.contests[0].title_cy == "Maer Swydd Testshire"
        row = open_count.session.audit_rows(action="election.update")[-1]
        assert (json.loads(row.before_json)["nation"], json.loads(row.after_json)["nation"]) == ("england", "wales")
        assert json.loads(row.after_json)["deputy"] in (True, 1)
        assert open_count.session.audit_rows(action="contest.update")

        open_count.undo_stack.undo()  # one step undoes both
        stored = reopen(path)
        assert (stored.election.nation, stored.election.deputy, stored.election.title_cy) == (
            Nation.ENGLAND, False, None)
        assert stored.contests[0].title_cy is None
        assert open_count.session.audit_rows(action="election.update")[-1].reason.startswith("undo:")
    finally:
        _close(opened)


def test_the_set_up_form_keeps_what_the_dialog_saved(qtbot, tmp_path):
    """Saving the Set-up tab's election form (which has no nation field) must not reset the nation."""
    from countdesk.gui.controls.election_form import ElectionForm

    form = ElectionForm(id_editable=False)
    qtbot.addWidget(form)
    welsh = replace(ELECTION, nation=Nation.WALES, deputy=True, title_cy="Etholiadau")
    form.set_election(welsh)
    form.title_edit.setText("Local elections, 6 May 2021")
    assert form.election() == replace(welsh, title="Local elections, 6 May 2021")


def test_a_nation_that_makes_a_contest_unlawful_is_refused_with_the_regime_sentence(qtbot, tmp_path, monkeypatch):
    """A later Welsh row (one new row, as a commencement would be) counting local mayors by FPTP:
    moving the election to Wales would leave the SV mayoral contest unlawful, so it is refused."""
    welsh_fptp = regimes.SystemRow(Office.LOCAL_MAYOR, date(2021, 1, 1), VotingSystem.FPTP,
                                   regimes.MAYOR_FPTP_HEADS, "Hypothetical (Wales) Order 2021", Nation.WALES)
    original = regimes.system_row
    monkeypatch.setattr(regimes, "system_row", lambda office, nation, poll_date, rows=regimes.SYSTEM_ROWS + (
        welsh_fptp,): original(office, nation, poll_date, rows))
    opened: list = []
    open_count, path = _open_count(tmp_path, opened)
    try:
        dialog = _dialog(qtbot, open_count)
        press(qtbot, Qt.Key.Key_Down)  # Wales
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
        message = dialog.error_label.text()
        assert "first past the post" in message and "Hypothetical (Wales) Order 2021" in message
        assert reopen(path).election.nation is Nation.ENGLAND
        assert open_count.session.audit_rows(action="election.update") == []
        assert open_count.undo_stack.count() == 0
        dialog.reject()
    finally:
        _close(opened)


def test_a_declared_result_locks_the_election_details(qtbot, tmp_path):
    from countdesk.domain.model import CountSheet, frozen_map
    from countdesk.errors import CountdeskError
    from countdesk.gui.application import create_count_from_file
    from countdesk.gui.commands import SaveSheetCommand
    from countdesk.gui.setup_commands import UpdateElectionCommand

    path = create_count_from_file(DEMO, tmp_path / "demo.countdesk", OPERATOR)
    open_count = OpenCount(CountSession.open(path, OPERATOR))
    try:
        contest = open_count.count().contests[0]
        extra = CountSheet("LATE", 1, frozen_map({cid: 0 for cid in contest.candidate_ids}))
        open_count.push(SaveSheetCommand(open_count, contest.id, extra))
        open_count.session.passphrase.set("a long RO passphrase")
        open_count.session.declaring.declare(contest.id, "a long RO passphrase")
        open_count.reload(contest.id)
        dialog = _dialog(qtbot, open_count, contest.id)
        assert dialog.lock_label.isVisible() and "declared result" in dialog.lock_label.text()
        assert not dialog.nation_combo.isEnabled() and not dialog.deputy_check.isEnabled()
        assert not dialog.title_cy_edit.isEnabled() and not dialog.contest_title_cy_edit.isEnabled()
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.reject()
        # The service refuses it too, whatever asks.
        welsh = replace(open_count.count().election, nation=Nation.WALES)
        try:
            open_count.push(UpdateElectionCommand(open_count, welsh))
        except CountdeskError as error:
            assert "declared" in error.message
        else:
            raise AssertionError("a declared result's election details changed")
        assert reopen(path).election.nation is Nation.ENGLAND
    finally:
        open_count.session.close()
