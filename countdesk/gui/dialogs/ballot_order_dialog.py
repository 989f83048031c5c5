"""The returning officer's correction of the ballot-paper order.

countdesk never sorts candidates: the order is the one given (the statement of persons nominated
fixes it, and a sort by letters gets O'NEILL and OKAFOR, or "ap IORWERTH", wrong). When the order
entered is wrong, the RO moves the candidates here and says why; the change is one undoable step
and its reason goes to the audit log.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Contest
from ..appearance import set_style_flag

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BallotOrderDialog(QDialog):
    def __init__(self, contest: Contest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ballotOrderDialog")
        title = self.tr("Correct the ballot-paper order")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._original = contest.candidate_ids

        intro = QLabel(self.tr(
            "Put the candidates in the order of the ballot paper (the statement of persons nominated). "
            "Figures stay with their candidates; the reason is kept in the audit log."))
        intro.setWordWrap(True)
        intro.setObjectName("ballotOrderIntro")
        self.list = QListWidget()
        self.list.setObjectName("ballotOrderList")
        self.list.setAccessibleName(self.tr("Candidates in ballot-paper order"))
        for position, candidate in enumerate(contest.candidates, start=1):
            item = QListWidgetItem(self._label(position, candidate.name, candidate.description))
            item.setData(_ID_ROLE, candidate.id)
            item.setData(Qt.ItemDataRole.UserRole, (candidate.name, candidate.description))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        list_label = QLabel(self.tr("&Candidates:"))
        list_label.setBuddy(self.list)

        self.up_button = QPushButton(self.tr("Move &up"))
        self.up_button.setObjectName("ballotOrderUp")
        self.up_button.setAccessibleName(self.tr("Move the selected candidate up"))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton(self.tr("Move &down"))
        self.down_button.setObjectName("ballotOrderDown")
        self.down_button.setAccessibleName(self.tr("Move the selected candidate down"))
        self.down_button.clicked.connect(lambda: self.move(1))
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.move(step))

        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("ballotOrderReason")
        self.reason_edit.setAccessibleName(self.tr("Reason for the correction"))
        self.reason_edit.setPlaceholderText(self.tr("e.g. the statement of persons nominated lists OKAFOR first"))
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason_edit)
        self.error_label = QLabel("")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Ballot order problem"))
        self.reason_edit.textEdited.connect(lambda _t: self._show_error(""))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("C&orrect the order"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        grid = QGridLayout()
        grid.addWidget(list_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.list, 0, 1, 3, 1)
        grid.addWidget(self.up_button, 0, 2)
        grid.addWidget(self.down_button, 1, 2)
        grid.setRowStretch(2, 1)
        grid.addWidget(reason_label, 3, 0)
        grid.addWidget(self.reason_edit, 3, 1, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(560, 420)

    @staticmethod
    def _label(position: int, name: str, description: str) -> str:
        return f"{position}. {name}" + (f" ({description})" if description else "")

    def move(self, step: int) -> None:
        """Moves the selected candidate one place up (-1) or down (+1), keeping it selected."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self._renumber()
        self.list.setCurrentRow(target)
        self._show_error("")

    def _renumber(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            name, description = item.data(Qt.ItemDataRole.UserRole)
            item.setText(self._label(row + 1, name, description))

    def order(self) -> tuple[str, ...]:
        return tuple(self.list.item(row).data(_ID_ROLE) for row in range(self.list.count()))

    def reason(self) -> str:
        return " ".join(self.reason_edit.text().split())

    def accept(self) -> None:
        if self.order() == self._original:
            self._show_error(self.tr("The order is unchanged: move a candidate, or cancel."))
            self.list.setFocus()
            return
        if not self.reason():
            self._show_error(self.tr("Say why the order is corrected: the reason is kept in the audit log."))
            set_style_flag(self.reason_edit, "invalid", True)
            self.reason_edit.setFocus()
            return
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        if not message:
            set_style_flag(self.reason_edit, "invalid", False)
