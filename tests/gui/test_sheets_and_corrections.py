"""The Count and Verification tabs beyond the happy path: blank against zero, Esc, corrections and
deletions with their reasons in the audit log, undo of a correction, and the second-round limit."""

from __future__ import annotations

from datetime import UTC

import pytest
from gui_helpers import (
    focus_on,
    make_count_file,
    open_count_file,
    press,
    reopen,
    round_one,
    small_sv_contest,
    type_keys,
    when_modal,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from countdesk.gui.open_count import OpenCount
from countdesk.gui.widgets.audit_view import AuditView
from countdesk.gui.widgets.sheets_view import SheetsView
from countdesk.gui.widgets.verification_view import VerificationView

CTRL = Qt.KeyboardModifier.ControlModifier
CONTEST = "mayor.testshire"


@pytest.fixture
def counted(tmp_path, open_counts) -> OpenCount:
    """Two boxes verified (200 papers) and one sheet: ADAMS 40, BROWN 30, CLARK 20, DIXON 8, 2 unmarked."""
    path = make_count_file(tmp_path / "count.countdesk", (small_sv_contest((round_one("T01-R1", 40, 30, 20, 8, 2),)),))
    return open_count_file(path, open_counts)


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    with qtbot.waitExposed(widget):
        widget.show()
    widget.activateWindow()
    return widget


def test_an_untouched_field_is_not_a_typed_zero(qtbot, counted):
    view = shown(qtbot, SheetsView(counted))
    view.set_contest(CONTEST)
    form = view.form
    adams, brown = form.field("votes.adams-a"), form.field("votes.brown-b")
    focus_on(qtbot, adams)
    type_keys(qtbot, "0")
    assert adams.text() == "0" and adams.property("untouched") is False
    assert brown.text() == "" and brown.placeholderText() == "\u2013" and brown.property("untouched") is True
    assert adams.value() == 0 and brown.value() is None
    assert "brown-b" not in form.sheet(blanks_as_zero=False).votes
    assert form.sheet(blanks_as_zero=True).votes["brown-b"] == 0


def test_esc_drops_the_sheet_being_typed(qtbot, counted):
    view = shown(qtbot, SheetsView(counted))
    view.set_contest(CONTEST)
    focus_on(qtbot, view.form.fields[0].edit)
    type_keys(qtbot, "55")
    press(qtbot, Qt.Key.Key_Return)
    type_keys(qtbot, "12")
    press(qtbot, Qt.Key.Key_Escape)
    assert view.form.is_pristine() and view.form.fields[0].edit.hasFocus()
    assert len(counted.contest(CONTEST).count_sheets) == 1


def test_a_correction_asks_why_and_can_be_undone(qtbot, counted):
    view = shown(qtbot, SheetsView(counted))
    view.set_contest(CONTEST)
    focus_on(qtbot, view.table)
    view.table.setCurrentIndex(view.model.index(0, 0))
    press(qtbot, Qt.Key.Key_Return)  # Enter on a sheet opens it for correction
    form = view.form
    qtbot.waitUntil(lambda: form.editing is not None)
    assert form.editing is not None and form.sheet_id_edit.isReadOnly() and form.field("votes.adams-a").text() == "40"
    # The sheet was recorded without its papers: the correction takes them from the paper sheet first.
    assert form.fields[0].key == "papers" and form.fields[0].edit.hasFocus() and form.fields[0].edit.text() == ""
    type_keys(qtbot, "100")
    form.field("votes.adams-a").setFocus()
    form.field("votes.adams-a").selectAll()
    type_keys(qtbot, "41")
    form.field("votes.brown-b").setFocus()
    form.field("votes.brown-b").selectAll()
    type_keys(qtbot, "29")
    when_modal(lambda dialog: (qtbot.keyClicks(dialog.text_edit, "ADAMS and BROWN bundles swapped one paper"),
                               qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)))
    press(qtbot, Qt.Key.Key_Return, CTRL)
    sheet = reopen(counted.path).contests[0].count_sheets[0]
    assert (sheet.votes["adams-a"], sheet.votes["brown-b"]) == (41, 29)
    replaced = counted.session.audit_rows(action="sheet.replace")
    assert replaced[-1].reason == "ADAMS and BROWN bundles swapped one paper"
    assert replaced[-1].before["votes"]["adams-a"] == 40 and replaced[-1].after["votes"]["adams-a"] == 41

    counted.undo_stack.undo()
    sheet = reopen(counted.path).contests[0].count_sheets[0]
    assert (sheet.votes["adams-a"], sheet.votes["brown-b"]) == (40, 30)
    assert counted.session.audit_rows(action="sheet.replace")[-1].reason.startswith("undo:")


def test_a_deletion_asks_why_and_esc_keeps_the_sheet(qtbot, counted):
    view = shown(qtbot, SheetsView(counted))
    view.set_contest(CONTEST)
    focus_on(qtbot, view.table)
    view.table.selectRow(0)
    when_modal(lambda dialog: qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Escape))
    press(qtbot, Qt.Key.Key_Delete)
    assert len(reopen(counted.path).contests[0].count_sheets) == 1
    qtbot.waitUntil(view.table.hasFocus)

    def give_reason(dialog) -> None:
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)  # empty: refused in the dialog
        assert dialog.isVisible() and "required" in dialog.error_label.text()
        qtbot.keyClicks(dialog.text_edit, "Keyed against the wrong contest")
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)

    when_modal(give_reason)
    press(qtbot, Qt.Key.Key_Delete)
    assert reopen(counted.path).contests[0].count_sheets == ()
    deleted = counted.session.audit_rows(action="sheet.delete")[-1]
    assert deleted.reason == "Keyed against the wrong contest" and deleted.before["votes"]["adams-a"] == 40


def test_the_second_round_cannot_hold_more_than_the_eliminated_papers(qtbot, tmp_path, open_counts):
    # ADAMS 90 of 196 valid is not a majority: CLARK's and DIXON's 56 papers go to round 2.
    sheets = (round_one("T01-R1", 45, 35, 20, 0, 0), round_one("T02-R1", 45, 35, 16, 2, 2))
    path = make_count_file(tmp_path / "r2.countdesk", (small_sv_contest(sheets),))
    open_count = open_count_file(path, open_counts)
    view = shown(qtbot, SheetsView(open_count))
    view.set_contest(CONTEST)
    assert view.round2_button.isEnabled()
    view.set_round(2)
    form = view.form
    assert [f.label for f in form.fields[:2]] == ["Ann ADAMS", "Ben BROWN"]
    assert "38 papers of the eliminated candidates" in form.limit_label.text() or "38" not in form.limit_label.text()
    focus_on(qtbot, form.fields[0].edit)
    for figure in ("20", "20", "20"):
        type_keys(qtbot, figure)
        press(qtbot, Qt.Key.Key_Return)
    non_transferable = form.field("non_transferable")
    error = next(f.error for f in form.fields if f.edit is non_transferable)
    assert "Too many" in error.text() and "38 papers of the eliminated candidates" in error.text()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert reopen(path).contests[0].sheets(2) == ()


def test_verification_needs_a_note_for_a_difference_and_a_reason_to_change(qtbot, tmp_path, open_counts):
    path = make_count_file(tmp_path / "v.countdesk", (small_sv_contest(verified=False),))
    open_count = open_count_file(path, open_counts)
    view = shown(qtbot, VerificationView(open_count))
    view.set_contest(CONTEST)
    focus_on(qtbot, view.table)
    idle = lambda: view.table.state() == QAbstractItemView.State.NoState and view.table.hasFocus()  # noqa: E731

    when_modal(lambda dialog: qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Escape))  # no note: not accepted
    type_keys(qtbot, "98")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "needs a note" in view.message.text())
    assert reopen(path).contests[0].boxes[0].verified is None

    qtbot.waitUntil(idle)
    view.table.setCurrentIndex(view.model.index(0, 4))
    type_keys(qtbot, "100")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reopen(path).contests[0].boxes[0].verified == 100)

    qtbot.waitUntil(idle)
    view.table.setCurrentIndex(view.model.index(0, 4))
    def answer(text: str):
        return lambda dialog: (qtbot.keyClicks(dialog.text_edit, text),
                               qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return))

    # A figure already verified needs a reason; the difference it now makes needs a note too.
    def reason_then_note(dialog) -> None:
        assert "Why is it being changed" in dialog.findChild(type(view.message)).text()
        when_modal(answer("One paper found under the table, counted twice"))
        answer("Recount after a paper was found: 101")(dialog)

    when_modal(reason_then_note)
    type_keys(qtbot, "101")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reopen(path).contests[0].boxes[0].verified == 101)
    box = reopen(path).contests[0].boxes[0]
    assert box.note == "One paper found under the table, counted twice"
    row = open_count.session.audit_rows(action="box.verify")[-1]
    assert row.reason == "Recount after a paper was found: 101"
    assert (row.before["verified"], row.after["verified"]) == (100, 101)


def test_the_audit_log_filters_by_contest_operator_and_action(qtbot, counted):
    view = shown(qtbot, AuditView(counted))
    total = view.proxy.rowCount()
    assert total == view.model.rowCount() >= 3
    view.set_filters(action="session.")
    assert 0 < view.proxy.rowCount() < total
    assert all(view.proxy.index(r, 3).data().startswith("session.") for r in range(view.proxy.rowCount()))
    view.set_filters(contest=CONTEST)
    assert all(view.proxy.index(r, 4).data() == CONTEST for r in range(view.proxy.rowCount()))
    assert view.operator_filter.findData("Alice Keyer") > 0  # the operators found in the log are offered
    view.proxy.set_filters(contest="", operator="Nobody", action="")
    assert view.proxy.rowCount() == 0
    view.set_filters(operator="Alice Keyer")
    assert view.proxy.rowCount() == total
    view.check_chain()
    assert "intact" in view.verdict.text()


def test_a_recorded_lot_can_be_undone_and_redone(tmp_path, open_counts):
    from datetime import datetime

    from gui_helpers import ROOT

    from countdesk.domain.model import Count, Lot
    from countdesk.domain.result import Status
    from countdesk.exchange.countfile import load_count_file
    from countdesk.services.count_session import CountSession

    count = load_count_file(ROOT / "tests" / "golden" / "fptp-three-seats-last-seat-lot" / "count.json")
    contest = count.contests[0]
    count = Count(count.election, (type(contest)(**{**contest.__dict__, "lots": ()}),))
    path = tmp_path / "lot.countdesk"
    with CountSession.create(path, "Alice Keyer", count.election) as session:
        session.import_count(count)
    open_count = open_count_file(path, open_counts)
    tie = open_count.result(contest.id).pending_tie
    assert open_count.result(contest.id).status is Status.NEEDS_LOTS and tie is not None
    lot = Lot(tie.candidates, tie.candidates[:tie.places], "Pat Officer",
              datetime(2024, 5, 3, 2, 14, tzinfo=UTC).isoformat(), "Agents of both candidates")
    open_count.record_lot(contest.id, lot)
    assert open_count.result(contest.id).status is Status.ELECTED
    open_count.undo_stack.undo()
    assert reopen(path).contests[0].lots == () and open_count.result(contest.id).status is Status.NEEDS_LOTS
    open_count.undo_stack.redo()
    assert reopen(path).contests[0].lots[0].winners == lot.winners


def test_an_area_count_keys_round_two_for_the_finalists_it_was_told(qtbot, tmp_path, open_counts):
    """At a collated poll the collating officer names the finalists from all areas' figures; this
    area's own first preferences (ADAMS and BROWN ahead) must not decide them."""
    from datetime import datetime

    from gui_helpers import ELECTION

    from countdesk.exchange.round2 import Round2Instruction, write_round2_instruction
    from countdesk.services.round2_area import import_round2_instruction

    sheets = (round_one("T01-R1", 45, 35, 20, 0, 0), round_one("T02-R1", 45, 35, 16, 2, 2))
    path = make_count_file(tmp_path / "area.countdesk", (small_sv_contest(sheets),))
    open_count = open_count_file(path, open_counts)
    assert open_count.result(CONTEST).finalists == ("adams-a", "brown-b")
    instruction = Round2Instruction(
        ELECTION.id, CONTEST, ("adams-a", "clark-c"),
        {"adams-a": 5_000, "clark-c": 4_000, "brown-b": 3_000, "dixon-d": 1_000}, (ELECTION.area, "Elsewhere"),
        datetime(2021, 5, 7, 18, 0, tzinfo=UTC), "Combined Authority Returning Officer")
    source = write_round2_instruction(tmp_path / "instruction.json", instruction)
    import_round2_instruction(open_count.session, source)
    open_count.reload(CONTEST)
    assert open_count.result(CONTEST).finalists == ("adams-a", "clark-c")
    view = shown(qtbot, SheetsView(open_count))
    view.set_contest(CONTEST)
    view.set_round(2)
    assert [f.label for f in view.form.fields[:2]] == ["Ann ADAMS", "Cat CLARK"]


def test_names_with_markup_or_an_ampersand_show_exactly_as_typed(qtbot, tmp_path, open_counts):
    from dataclasses import replace

    from PySide6.QtWidgets import QLabel

    from countdesk.domain.model import Candidate
    from countdesk.gui.widgets.count_sheet_form import CountSheetForm

    contest = small_sv_contest()
    odd = (Candidate(contest.candidates[0].id, "Ann <b>ADAMS</b>", "Smith & Sons <i>Party</i>"),
           *contest.candidates[1:])
    path = make_count_file(tmp_path / "odd.countdesk", (replace(contest, candidates=odd),))
    form = shown(qtbot, CountSheetForm(open_count_file(path, open_counts)))
    form.set_contest(CONTEST)
    labels = {label.text(): label for label in form.findChildren(QLabel)}
    assert "Ann <b>ADAMS</b>" in labels and "Smith & Sons <i>Party</i>" in labels
    for text in ("Ann <b>ADAMS</b>", "Smith & Sons <i>Party</i>"):
        assert labels[text].textFormat() == Qt.TextFormat.PlainText


def test_with_no_contest_the_form_shows_no_leftover_sheet_number_or_total(qtbot, counted):
    view = shown(qtbot, SheetsView(counted))
    view.set_contest(CONTEST)
    form = view.form
    assert form.sheet_id_edit.isVisible() and form.total_label.isVisible()
    view.set_contest(None)
    assert form.fields == [] or not any(field.edit.isVisible() for field in form.fields)
    assert not form.sheet_id_edit.isVisible() and not form.total_label.isVisible()
    view.set_contest(CONTEST)
    assert form.sheet_id_edit.isVisible() and form.total_label.isVisible()
    qtbot.waitUntil(form.fields[0].edit.isVisible)  # new rows show on the next pass of the event loop
