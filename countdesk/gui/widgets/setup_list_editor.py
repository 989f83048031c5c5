"""What the set-up lists (candidates, ballot boxes) share: a table over the contest's items with
Delete to remove, a row for typing a new item under it, a remove button and a message line;
importing from CSV adds every item as one undoable step."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..commands import CompositeCommand
from .table_columns import size_columns_on_reset


class SetupListEditor(QGroupBox):
    status_message = Signal(str)

    def __init__(self, title: str, open_count, model, *, table_name: str, accessible_name: str,
                 remove_text: str, remove_name: str, remove_accessible_name: str, message_name: str,
                 alternating_rows: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.open_count = open_count
        self.model = model
        self.model.refused.connect(self._show_message)
        self.table = QTableView()
        self.table.setObjectName(table_name)
        self.table.setAccessibleName(accessible_name)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(alternating_rows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        size_columns_on_reset(self.table, stretch=1)
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self.remove_selected)

        self.remove_button = QPushButton(remove_text)
        self.remove_button.setObjectName(remove_name)
        self.remove_button.setAccessibleName(remove_accessible_name)
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel("")
        self.message.setProperty("role", "fieldError")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(message_name)

    def _lay_out(self, entry_row: QWidget) -> None:
        """The table, the entry row under it, the remove button, the message line."""
        self.entry_row = entry_row
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.button_row = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(entry_row)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def set_contest(self, contest_id: str | None) -> None:
        self.model.set_contest(contest_id)
        self._show_message("")
        self.setEnabled(contest_id is not None)

    def _add_all(self, items: Sequence, source: str, noun: str, taken: set[str],
                 clash_message: Callable[[list[str]], str], command: Callable[[object], QUndoCommand]) -> bool:
        """Add imported items in the file's order as one undoable step; refuse all if any id is taken."""
        clashes = [item.id for item in items if item.id in taken]
        if clashes:
            self._show_message(self.tr("{0}: {1}").format(source, clash_message(clashes)))
            return False
        parts = [command(item) for item in items]
        text = self.tr("Import {0} {1} from {2}").format(len(parts), noun, source)
        if self.model.push(CompositeCommand(text, parts)):
            self.status_message.emit(self.tr("{0} {1} imported from {2}.").format(len(parts), noun, source))
            return True
        return False

    def remove_selected(self) -> None:  # pragma: no cover - each list says what removing means
        raise NotImplementedError

    def _show_message(self, message: str) -> None:
        self.message.setText(message)
