"""The Count tab: the sheet form on the right, the sheets entered on the left.

Saving goes through an undo command (one service call). A correction or a deletion asks for a
reason, kept in the audit log. With double entry on, each sheet is keyed twice by two operators
(see DoubleEntryPanel); a sheet then counts only once the two keyings agree or a supervisor settles.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.completeness import round1_open
from ...domain.model import CountSheet, VotingSystem
from ...errors import CountdeskError
from ..appearance import set_style_flag
from ..claims import WorkClaim
from ..commands import DeleteSheetCommand, SaveSheetCommand
from ..dialogs.reason_dialog import ask_reason
from ..models.sheets_model import SheetsModel
from ..refresh import refresh_when_shown
from .count_sheet_form import CountSheetForm
from .double_entry_panel import DoubleEntryPanel
from .sheet_totals import SheetTotalsRow


class SheetsView(QWidget):
    """The count: sheets keyed in, listed, corrected and deleted, round 1 and round 2."""

    status_message = Signal(str)

    def __init__(self, open_count, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheetsView")
        self.open_count = open_count
        self.contest_id: str | None = None
        #: Why round 2 cannot be entered although the contest needs it ("" when it can or need not).
        self.round2_problem = ""

        self.round1_button = QRadioButton(self.tr("Round &1: first preferences"))
        self.round1_button.setObjectName("round1")
        self.round1_button.setAccessibleName(self.tr("Enter round 1 sheets"))
        self.round2_button = QRadioButton(self.tr("Round &2: second preferences"))
        self.round2_button.setObjectName("round2")
        self.round2_button.setAccessibleName(self.tr("Enter round 2 sheets"))
        self.round_group = QButtonGroup(self)
        self.round_group.addButton(self.round1_button, 1)
        self.round_group.addButton(self.round2_button, 2)
        self.round1_button.setChecked(True)
        self.round_group.idToggled.connect(self._round_toggled)
        # Alt+2 while round 2 is closed says why, rather than reaching the field being typed in as a
        # "2" (the closed button's own Alt key is off): on only while the button is disabled.
        self.round2_closed_key = QShortcut(QKeySequence(Qt.KeyboardModifier.AltModifier | Qt.Key.Key_2), self)
        self.round2_closed_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.round2_closed_key.activated.connect(lambda: self.status_message.emit(self.round2_button.toolTip()))
        self.round_hint = QLabel("")
        self.round_hint.setObjectName("roundHint")
        self.round_hint.setProperty("role", "hint")
        self.round_hint.setWordWrap(True)

        self.model = SheetsModel(open_count, self)
        self.table = QTableView()
        self.table.setObjectName("sheetsTable")
        self.table.setAccessibleName(self.tr("Count sheets entered"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # After the table has finished with the key press, or it keeps the focus.
        self.table.activated.connect(lambda _index: QTimer.singleShot(0, self.correct_selected))
        self.correct_button = QPushButton(self.tr("Co&rrect sheet…"))
        self.correct_button.setObjectName("correctSheet")
        self.correct_button.setAccessibleName(self.tr("Correct the selected sheet"))
        self.correct_button.clicked.connect(self.correct_selected)
        self.delete_button = QPushButton(self.tr("De&lete sheet…"))
        self.delete_button.setObjectName("deleteSheet")
        self.delete_button.setAccessibleName(self.tr("Delete the selected sheet"))
        self.delete_button.clicked.connect(self.delete_selected)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)

        self.form = CountSheetForm(open_count)
        self.form.submitted.connect(self._submitted)
        self.claim = WorkClaim(open_count, "sheet", self)  # on a count server: the sheet being keyed is ours
        self.form.sheet_in_hand.connect(self._sheet_in_hand)
        self.double_entry = DoubleEntryPanel(open_count, self.form)
        self.double_entry.status_message.connect(self.status_message)

        rounds = QHBoxLayout()
        rounds.addWidget(self.round1_button)
        rounds.addWidget(self.round2_button)
        rounds.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Sheets entere&d"))
        caption.setProperty("role", "heading")
        caption.setBuddy(self.table)
        left_layout.addWidget(caption)
        left_layout.addWidget(self.table, 1)
        self.totals = SheetTotalsRow(self.table, self.model)
        left_layout.addWidget(self.totals)
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.double_entry)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.form)
        splitter.addWidget(left)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(rounds)
        layout.addWidget(self.round_hint)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.form.save_button, self.table)
        refresh_when_shown(self, open_count.changed, self._count_changed)

    # -- contest and round --------------------------------------------------------------------
    def set_contest(self, contest_id: str | None) -> None:
        self.claim.release()
        self.contest_id = contest_id
        self.model.set_contest(contest_id)
        self.double_entry.set_contest(contest_id)
        self._update_rounds(keep_round=False)
        self.form.set_contest(contest_id, self.current_round())
        self._update_buttons()

    def current_round(self) -> int:
        return 2 if self.round2_button.isChecked() and self.round2_button.isEnabled() else 1

    def set_round(self, round_number: int) -> None:
        (self.round2_button if round_number == 2 else self.round1_button).setChecked(True)

    def _round_toggled(self, button_id: int, checked: bool) -> None:
        if checked and self.contest_id is not None and self.form.round != button_id:
            self.form.set_round(button_id)

    def _update_rounds(self, keep_round: bool = True) -> None:
        """Round 2 only for SV without a majority, and only once round 1 is complete (or its
        difference accepted: the rule book's round1_open); its finalists come from the result. The
        round-2 button says why it is closed (tooltip, status tip, accessible description)."""
        hint, round2, why, self.round2_problem = "", False, "", ""
        if self.contest_id is not None:
            contest = self.open_count.contest(self.contest_id)
            if contest.system is VotingSystem.SV:
                try:
                    round2, hint, why = self._round2_hint(contest)
                except CountdeskError as error:  # an area's round-2 instruction lost or altered
                    self.round2_problem = why = self.tr("Round 2 cannot be entered: {0}").format(error.message)
        self.round2_button.setEnabled(round2)
        self.round2_closed_key.setEnabled(not round2 and bool(why))
        for say in (self.round2_button.setToolTip, self.round2_button.setStatusTip,
                    self.round2_button.setAccessibleDescription):
            say(why)
        is_sv = self.contest_id is not None and self._is_sv()
        self.round1_button.setVisible(is_sv)  # FPTP has one round: no choice to show
        self.round2_button.setVisible(is_sv)
        self.round_hint.setText(self.round2_problem or hint)
        set_style_flag(self.round_hint, "role", "fieldError" if self.round2_problem else "hint")
        if not round2 and self.round2_button.isChecked():
            self.round1_button.setChecked(True)

    def _round2_hint(self, contest) -> tuple[bool, str, str]:
        """(round 2 open, the sentence above the form, why the round-2 button is closed or what it
        opens), from the result; raises its CountdeskError."""
        result = self.open_count.result(contest.id)
        if result.finalists:
            names = self.tr(" and ").join(contest.candidate(c).name for c in result.finalists)
            still_open = round1_open(result.gaps)
            if still_open:
                why = self.tr("Round 2 opens once round 1 is complete, or the returning officer has accepted its "
                              "difference: {0}.").format(still_open)
                return False, self.tr("No candidate has more than half of the valid first preferences so far. "
                                      "{0}").format(why), why
            return True, self.tr("No candidate has more than half of the valid first preferences: the second "
                                 "round is between {0}.").format(names), \
                self.tr("Enter the second-round sheets: the second round is between {0}.").format(names)
        if result.elected_on_first:
            said = self.tr("A candidate has more than half of the valid first preferences: no second round.")
            return False, said, said
        return False, "", self.tr("Round 2 opens once round 1 is complete and no candidate has more than half of "
                                  "the valid first preferences.")

    def _is_sv(self) -> bool:
        return self.open_count.contest(self.contest_id).system is VotingSystem.SV

    def _count_changed(self, contest_id: str) -> None:
        if self.contest_id is None or (contest_id and contest_id != self.contest_id):
            return
        try:
            self.open_count.contest(self.contest_id)
        except KeyError:
            self.set_contest(None)
            return
        self._update_rounds()
        self._update_buttons()
        if self.form.editing is not None or not self.form.is_pristine():
            self.form.refresh_checks()  # keep what the operator is typing; other sheets may have changed
            return
        self.form.set_round(self.current_round())

    def unconfirmed_work(self) -> list[str]:
        """The sheet being typed or corrected, when its figures are not saved yet."""
        form = self.form
        if not form.fields or self.contest_id is None:
            return []
        sheet_id = form.sheet_id_edit.text().strip() or self.tr("without a number")
        if form.editing is not None:
            changed = form.sheet(blanks_as_zero=True) != form.editing
            return [self.tr("the correction of sheet {0}").format(form.editing.id)] if changed else []
        return [] if form.is_pristine() else [self.tr("the figures typed on sheet {0}").format(sheet_id)]

    # -- saving -------------------------------------------------------------------------------
    def _sheet_in_hand(self, sheet_id: str) -> None:
        """Claim the sheet the operator works on; another station's claim stops its save, in words."""
        if not sheet_id:
            self.claim.release()
            return
        self.form.set_claim_problem(self.claim.hold(self.contest_id, sheet_id))

    def _submitted(self, sheet: CountSheet, replacing: bool) -> None:
        if self.contest_id is None:
            return
        reason = None
        if replacing:
            reason = ask_reason(self, self.tr("Correct a sheet"),
                                self.tr("Why is sheet {0} being corrected? The reason is kept in the audit log with "
                                        "the old and new figures.").format(sheet.id))
            if reason is None:
                return
        try:
            double_entry = self.open_count.contest_state(self.contest_id).double_entry  # a server may be cut off
        except CountdeskError as error:
            self.form.show_refusal(self.tr("Not saved: {0}").format(error.message))
            return
        if double_entry:
            self.double_entry.submit(sheet, reason)
            return
        try:
            self.open_count.push(SaveSheetCommand(self.open_count, self.contest_id, sheet, reason))
        except CountdeskError as error:
            self.form.show_refusal(self.tr("Not saved: {0}").format(error.message))
            return
        self.claim.recorded()  # the service let it go with the sheet
        self.status_message.emit(self.tr("Sheet {0} saved.").format(sheet.id))
        self.form.reset_after_save()
        QTimer.singleShot(0, lambda: self._select(sheet.id))  # once the table has reloaded

    def _select(self, sheet_id: str) -> None:
        row = self.model.row_of(sheet_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def selected_sheet(self) -> CountSheet | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            current = self.table.currentIndex()
            return self.model.sheet(current.row()) if current.isValid() else None
        return self.model.sheet(rows[0].row())

    def correct_selected(self) -> None:
        sheet = self.selected_sheet()
        if sheet is None or self.open_count.locked(self.contest_id):
            return
        if sheet.round == 2 and self.round2_problem:
            self.status_message.emit(self.round2_problem)
            return
        self.set_round(sheet.round)
        self.form.edit_sheet(sheet)  # the form's heading says it is a correction, in place of the blank sheet
        self.status_message.emit(self.tr("Correcting sheet {0}: change the figures, then Ctrl+Enter.").format(sheet.id))

    def delete_selected(self) -> None:
        sheet = self.selected_sheet()
        if sheet is None or self.open_count.locked(self.contest_id):
            return
        reason = ask_reason(self, self.tr("Delete a sheet"),
                            self.tr("Why is sheet {0} being deleted? Its figures are kept in the audit log.").format(
                                sheet.id), ok_text=self.tr("Delete sheet"))
        if reason is None:
            return
        try:
            self.open_count.push(DeleteSheetCommand(self.open_count, self.contest_id, sheet.id, reason))
        except CountdeskError as error:
            self.status_message.emit(self.tr("Sheet {0} was not deleted: {1}").format(sheet.id, error.message))
            return
        self.status_message.emit(self.tr("Sheet {0} deleted.").format(sheet.id))

    def _update_buttons(self) -> None:
        writable = not self.open_count.locked(self.contest_id)
        for widget in (self.correct_button, self.delete_button):
            widget.setEnabled(writable)
        self.form.setEnabled(writable)
