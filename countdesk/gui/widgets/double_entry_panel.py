"""Double entry on the Count tab: sheets waiting for a second keying, and disagreements to settle.

The second operator keys blind: the panel never shows the first keying's figures. Each keying is
stamped with the operator at the keyboard, so a second keying asks for the second operator's name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ...errors import CountdeskError
from ..dialogs.double_entry_dialog import DoubleEntryDialog
from ..dialogs.operator_dialog import ask_operator
from ..dialogs.reason_dialog import ask_reason

SHEET_ROLE = Qt.ItemDataRole.UserRole + 1


class DoubleEntryPanel(QWidget):
    status_message = Signal(str)

    def __init__(self, open_count, form, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doubleEntryPanel")
        self.open_count = open_count
        self.form = form
        self.contest_id: str | None = None
        caption = QLabel(self.tr("Double entry: sheets waiting"))
        caption.setProperty("role", "heading")
        self.list = QListWidget()
        self.list.setObjectName("pendingKeyings")
        self.list.setAccessibleName(self.tr("Sheets waiting for a second keying or a supervisor"))
        self.list.setMaximumHeight(140)
        caption.setBuddy(self.list)
        self.second_button = QPushButton(self.tr("&Key second time…"))
        self.second_button.setAccessibleName(self.tr("Second keying of the selected sheet"))
        self.settle_button = QPushButton(self.tr("Se&ttle…"))
        self.settle_button.setAccessibleName(self.tr("Settle the selected disagreement"))
        self.discard_button = QPushButton(self.tr("Discard keying…"))
        self.discard_button.setAccessibleName(self.tr("Discard the selected keying"))
        self.second_button.clicked.connect(self.key_second_time)
        self.settle_button.clicked.connect(self.settle_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.list.itemActivated.connect(lambda _item: self._activate())
        buttons = QHBoxLayout()
        for button in (self.second_button, self.settle_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        for signal in (open_count.keyings_changed, open_count.setup_changed, open_count.declaration_changed):
            signal.connect(self._changed)  # keyings held or settled, double entry turned on or off, locked
        self.setVisible(False)

    def set_contest(self, contest_id: str | None) -> None:
        self.contest_id = contest_id
        self.refresh()

    def _changed(self, contest_id: str) -> None:
        if not contest_id or contest_id == self.contest_id:
            self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        enabled = False
        pending = []
        if self.contest_id is not None:
            try:
                enabled = self.open_count.contest_state(self.contest_id).double_entry
                pending = self.open_count.pending_keyings(self.contest_id) if enabled else []
            except (CountdeskError, KeyError):
                enabled = False
        self.setVisible(enabled)
        for keying in pending:
            if keying.disputed:
                text = self.tr("{0}: {1} and {2} disagree — a supervisor must settle it").format(
                    keying.sheet_id, keying.first_operator, keying.second_operator)
            else:
                text = self.tr("{0}: keyed by {1}, waiting for a second operator").format(keying.sheet_id,
                                                                                        keying.first_operator)
            item = QListWidgetItem(text)
            item.setData(SHEET_ROLE, keying)
            self.list.addItem(item)
        self.form.set_blocked_ids(frozenset(k.sheet_id for k in pending))
        has_items = bool(pending)
        for button in (self.second_button, self.settle_button, self.discard_button):
            button.setEnabled(has_items and not self.open_count.locked(self.contest_id))

    def selected(self):
        item = self.list.currentItem() or (self.list.item(0) if self.list.count() else None)
        return item.data(SHEET_ROLE) if item is not None else None

    def _activate(self) -> None:
        keying = self.selected()
        if keying is None:
            return
        if keying.disputed:
            self.settle_selected()
        else:
            self.key_second_time()

    # -- keying -------------------------------------------------------------------------------
    def submit(self, sheet, reason: str | None) -> None:
        from ...services.double_entry import KeyingStatus

        try:
            outcome = self.open_count.submit_keying(self.contest_id, sheet, reason)
        except CountdeskError as error:
            hint = (self.tr(" (Edit ▸ Change operator, or Key second time)") if "different operator" in error.message
                    else "")
            self.form.show_refusal(self.tr("Not saved: {0}{1}").format(error.message, hint))
            return
        self.form.reset_after_save()
        if outcome.status is KeyingStatus.HELD:
            self.status_message.emit(self.tr("Sheet {0} keyed by {1} and held: a second operator must key it.").format(
                sheet.id, self.open_count.operator))
        elif outcome.status is KeyingStatus.ACCEPTED:
            self.status_message.emit(self.tr("Sheet {0} accepted: both keyings agree.").format(sheet.id))
        else:
            self.status_message.emit(
                self.tr("Sheet {0}: the two keyings differ — a supervisor must settle it.").format(sheet.id))
            self.settle(sheet.id)

    def key_second_time(self) -> None:
        """Hand the keyboard to a second operator and open the form on the waiting sheet, blank."""
        keying = self.selected()
        if keying is None or keying.disputed:
            return
        if self.open_count.operator == keying.first_operator:
            name = ask_operator(self, "", title=self.tr("Second keying"),
                                explanation=self.tr("Sheet {0} was keyed by {1}. The second keying must be by someone "
                                                    "else: who is keying it?").format(keying.sheet_id,
                                                                                      keying.first_operator))
            if name is None:
                return
            try:
                self.open_count.change_operator(name)
            except CountdeskError as error:
                self.status_message.emit(self.tr("The operator was not changed: {0}").format(error.message))
                return
        self.form.reset_after_save()
        self.form.sheet_id_edit.setText(keying.sheet_id)
        self.form.refresh_checks()
        if self.form.fields:
            self.form.fields[0].edit.setFocus()
        self.status_message.emit(self.tr("{0}: key sheet {1} from the paper sheet.").format(self.open_count.operator,
                                                                                             keying.sheet_id))

    def settle_selected(self) -> None:
        keying = self.selected()
        if keying is not None and keying.disputed:
            self.settle(keying.sheet_id)

    def settle(self, sheet_id: str) -> None:
        disagreement = self.open_count.disagreement(self.contest_id, sheet_id)
        if disagreement is None:
            return
        dialog = DoubleEntryDialog(self.open_count.contest(self.contest_id), disagreement, self)
        if dialog.exec() != DoubleEntryDialog.DialogCode.Accepted:
            return
        previous = self.open_count.operator
        try:
            self.open_count.change_operator(dialog.supervisor())
            self.open_count.resolve_double_entry(self.contest_id, dialog.sheet(), dialog.reason())
        except CountdeskError as error:
            self.status_message.emit(self.tr("Sheet {0} was not settled: {1}").format(sheet_id, error.message))
        else:
            self.status_message.emit(self.tr("Sheet {0} settled by {1}.").format(sheet_id, dialog.supervisor()))
        finally:
            if self.open_count.operator != previous:
                self.open_count.change_operator(previous)

    def discard_selected(self) -> None:
        keying = self.selected()
        if keying is None:
            return
        reason = ask_reason(self, self.tr("Discard a keying"),
                            self.tr("Why are the keyings of sheet {0} discarded?").format(keying.sheet_id),
                            ok_text=self.tr("Discard"))
        if reason is None:
            return
        try:
            self.open_count.discard_keying(self.contest_id, keying.sheet_id, reason)
        except CountdeskError as error:
            self.status_message.emit(self.tr("Not discarded: {0}").format(error.message))
