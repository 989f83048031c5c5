"""The Verification tab: each box's account against the papers counted, keyed in down the column.

Type the figure on a box's row and press Enter: it is saved and the cursor moves to the next box.
A difference with the account is highlighted and cannot be accepted without a note; changing a
figure already verified asks why. Totals for the contest sit under the table.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Box
from ..appearance import FIGURE_ALIGNMENT, figure_font, format_difference, format_figure, set_style_flag
from ..claims import WorkClaim
from ..controls.figure_edit import FigureEdit
from ..dialogs.reason_dialog import ask_reason
from ..models.verification_model import NOTE, VERIFIED, VerificationModel, _difference
from .table_columns import size_columns_on_reset


class KeyedEntryDelegate(QStyledItemDelegate):
    """Digits-only editor for the verified column; Enter commits and asks the view to move down."""

    enter_committed = Signal()
    refused = Signal(str)
    #: Asked before a verified figure is typed on a row: "" lets it be typed, else why not.
    guard = None

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        if index.column() == VERIFIED:
            problem = self.guard(index) if self.guard is not None else ""
            if problem:  # another station is verifying this box: nothing is typed here meanwhile
                self.refused.emit(problem)
                return None
            editor = FigureEdit(self.tr("Verified papers"), parent)
            editor.refused.connect(self.refused)
            return editor
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        return editor

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == event.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            self.enter_committed.emit()
            return True
        return super().eventFilter(editor, event)


class VerificationView(QWidget):
    status_message = Signal(str)

    def __init__(self, open_count, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verificationView")
        self.open_count = open_count
        self.model = VerificationModel(open_count, self)
        self.model.refused.connect(self._show_refusal)
        self.model.confirmation_needed.connect(self._confirm, Qt.ConnectionType.QueuedConnection)
        self._cursor: tuple[int, int] | None = None

        self.heading = QLabel("")
        self.heading.setProperty("role", "heading")
        hint = QLabel(self.tr("Type the papers counted from each box and press Enter to go to the next box. "
                              "A difference with the ballot paper account needs a note."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("verificationTable")
        self.table.setAccessibleName(self.tr("Ballot boxes: account and verified papers"))
        self.table.setModel(self.model)
        # After setModel, so these run once the view has handled the reset itself.
        self.model.modelAboutToBeReset.connect(self._remember_cursor)
        self.model.modelReset.connect(self._after_reset)
        # A box verified changes its own row (the cursor stays where it is): only the totals follow.
        for changed in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved):
            changed.connect(lambda *_args: self._update_totals())
        self.delegate = KeyedEntryDelegate(self.table)
        self.delegate.enter_committed.connect(self._move_down)
        self.delegate.refused.connect(self._show_refusal)
        self.claim = WorkClaim(open_count, "box", self)  # on a count server: the box being verified is ours
        self.delegate.guard = self._claim_box
        self.delegate.closeEditor.connect(self._editor_closed)
        self.table.setItemDelegate(self.delegate)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        size_columns_on_reset(self.table, stretch=NOTE)
        self.message = QLabel("")
        self.message.setObjectName("verificationMessage")
        self.message.setProperty("role", "fieldError")
        self.message.setAccessibleName(self.tr("Verification message"))
        self.message.setWordWrap(True)

        self.total_labels: dict[str, QLabel] = {}
        totals = QHBoxLayout()
        for key, caption in (("boxes", self.tr("Boxes verified")), ("account", self.tr("Account total")),
                             ("verified", self.tr("Verified total")), ("difference", self.tr("Difference"))):
            name = QLabel(caption)
            name.setProperty("role", "total")
            value = QLabel("")
            value.setObjectName(f"total:{key}")
            value.setAccessibleName(caption)
            value.setFont(figure_font(bold=True, scale=1.15))
            value.setAlignment(FIGURE_ALIGNMENT)
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("−999,999 (999 boxes)" if key == "difference"
                                                                        else "9,999,999 of 9,999"))
            totals.addWidget(name)
            totals.addWidget(value)
            totals.addSpacing(24)
            self.total_labels[key] = value
        totals.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(totals)
        layout.addWidget(self.message)

    def set_contest(self, contest_id: str | None) -> None:
        self.claim.release()
        self.model.set_contest(contest_id)
        contest = self.model.contest()
        self.heading.setText(self.tr("Verification: {0}").format(contest.title) if contest
                             else self.tr("No contest selected"))
        self._show_refusal("")
        if self.model.rowCount():
            self.focus_first_unverified()

    def unconfirmed_work(self) -> list[str]:
        """A verified figure typed in the table and not yet confirmed with Enter."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return []
        index = self.table.currentIndex()
        editor = self.table.indexWidget(index) or self.table.focusWidget()
        if index.isValid() and index.column() == VERIFIED and getattr(editor, "text", lambda: "")():
            return [self.tr("the verified figure typed for box {0}").format(self.model.box(index.row()).id)]
        return []

    def focus_first_unverified(self) -> None:
        """Put the cursor on the first box still to verify (or the last box)."""
        rows = self.model.rowCount()
        row = next((r for r in range(rows) if self.model.box(r).verified is None), rows - 1)
        self.table.setCurrentIndex(self.model.index(row, VERIFIED))

    def _move_down(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            return
        next_row = min(current.row() + 1, self.model.rowCount() - 1)
        self.table.setCurrentIndex(self.model.index(next_row, current.column()))
        self.table.setFocus()

    def _confirm(self, box_id: str, verified: int | None) -> None:
        """Ask for what the figure needs (a reason, a note), then save it."""
        try:
            box = self.model.box_by_id(box_id)
        except KeyError:
            return
        reason = None
        if box.verified is not None:
            reason = ask_reason(
                self, self.tr("Correct a verified figure"),
                self.tr("Box {0} already has {1} papers verified. Why is it being changed to {2}?").format(
                    box.id, format_figure(box.verified), format_figure(verified, blank=self.tr("blank"))))
            if reason is None:
                self._show_refusal(self.tr("Box {0}: not changed.").format(box.id))
                return
        note = box.note
        difference = _difference(box, verified)
        if difference and not note:
            note = self._ask_note(box, verified, difference)
            if note is None:
                self._show_refusal(self.tr("Box {0}: not saved. A difference with the account needs a note.").format(
                    box.id))
                return
        if not difference:
            note = None
        if self.model.verify(box.id, verified, note, reason):
            self.claim.recorded()  # the service let it go with the figure
            self._show_refusal("")
            self.status_message.emit(self.tr("Box {0}: {1} verified.").format(
                box.id, format_figure(verified, blank=self.tr("cleared"))))

    def _claim_box(self, index: QModelIndex) -> str:
        """Claim the box whose verified figure is about to be typed (letting go of the last one)."""
        return self.claim.hold(self.model.contest_id, self.model.box(index.row()).id)

    def _editor_closed(self, _editor, hint) -> None:
        if hint == QStyledItemDelegate.EndEditHint.RevertModelCache:  # Esc: the box is left as it was
            self.claim.release()

    def _ask_note(self, box: Box, verified: int | None, difference: int) -> str | None:
        return ask_reason(
            self, self.tr("A difference needs a note"),
            self.tr("Box {0} ({1}): {2} papers verified, the ballot paper account says {3} (difference "
                    "{4}). Say what was checked and why the figures differ.").format(
                box.id, box.label or self.tr("no station"), format_figure(verified),
                format_figure(box.ballot_paper_account), format_difference(difference)),
            field_name=self.tr("Note"), ok_text=self.tr("Accept with this note"))

    def _show_refusal(self, message: str) -> None:
        self.message.setText(message)

    def _update_totals(self) -> None:
        totals = self.model.totals()
        self.total_labels["boxes"].setText(self.tr("{0} of {1}").format(totals.boxes_verified, totals.boxes))
        self.total_labels["account"].setText(format_figure(totals.account))
        self.total_labels["verified"].setText(format_figure(totals.verified))
        difference = format_difference(totals.difference)
        if totals.boxes_with_difference:
            many = totals.boxes_with_difference > 1
            boxes = self.tr(" ({0} boxes)") if many else self.tr(" ({0} box)")
            difference += boxes.format(totals.boxes_with_difference)
        self.total_labels["difference"].setText(difference)
        set_style_flag(self.total_labels["difference"], "invalid", bool(totals.boxes_with_difference))

    def _remember_cursor(self) -> None:
        current = self.table.currentIndex()
        self._cursor = (current.row(), current.column()) if current.isValid() else None

    def _after_reset(self) -> None:
        """A saved figure reloads the table: keep the cursor where the operator was."""
        self._update_totals()
        if not self.model.rowCount():
            return
        if self._cursor is None:
            self.focus_first_unverified()
            return
        row = min(self._cursor[0], self.model.rowCount() - 1)
        self.table.setCurrentIndex(self.model.index(row, self._cursor[1]))

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
