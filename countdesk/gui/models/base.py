"""What the table models share: a contest to show, a reset when the document says it changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ...domain.model import Contest
from ...errors import CountdeskError
from ..appearance import FIGURE_ALIGNMENT, figure_font

Index = QModelIndex | QPersistentModelIndex


class ContestTableModel(QAbstractTableModel):
    """A table over one contest of the open count, refreshed whenever that contest changes."""

    #: A change the services (or the model's own checks) refused, with the reason to show.
    refused = Signal(str)

    HEADERS: tuple[str, ...] = ()
    FIGURE_COLUMNS: frozenset[int] = frozenset()
    #: The contest's list the rows show: "candidates", "boxes" or "count_sheets".
    ROWS = ""

    def __init__(self, document, parent=None) -> None:
        self._rows: tuple = ()
        super().__init__(parent)
        self.document = document
        self.contest_id: str | None = None
        # Queued: a change made from a cell editor (setData) reloads the table only once the editor
        # has closed, never while the view is still inside its commit.
        document.changed.connect(self._document_changed, Qt.ConnectionType.QueuedConnection)

    # -- which contest ------------------------------------------------------------------------
    def set_contest(self, contest_id: str | None) -> None:
        self.beginResetModel()
        self.contest_id = contest_id
        self.reload()
        self.endResetModel()

    def contest(self) -> Contest | None:
        return self.document.find_contest(self.contest_id)

    def reload(self) -> None:
        """Re-read the rows from the document; called inside a model reset."""
        contest = self.contest()
        self._rows = getattr(contest, self.ROWS) if contest is not None else ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def _document_changed(self, contest_id: str) -> None:
        if self.document.closed:
            return
        if not contest_id or contest_id == self.contest_id:
            if self._rows_unchanged():
                return  # e.g. a confirmed sheet, seen by the boxes' tables: nothing they show moved
            self.beginResetModel()
            self.reload()
            self.endResetModel()

    def _rows_unchanged(self) -> bool:
        """True when the rows this table shows are the ones it has. A reset makes the view re-measure
        every row, which on a count night's thousandth sheet costs far more than the entry itself;
        a model that reads more than its rows (its own reload) always resets."""
        if type(self).reload is not ContestTableModel.reload:
            return False
        contest = self.contest()
        rows = getattr(contest, self.ROWS) if contest is not None else ()
        return rows is self._rows or rows == self._rows

    # -- shape --------------------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers())

    def headers(self) -> tuple[str, ...]:
        return self.HEADERS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers()):
                return self.headers()[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in self.figure_columns():
                return int(FIGURE_ALIGNMENT)
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def figure_columns(self) -> frozenset[int]:
        return self.FIGURE_COLUMNS

    def figure_role(self, column: int, role: int) -> Any:
        """Alignment and font for figure columns (call from data())."""
        if column in self.figure_columns():
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(FIGURE_ALIGNMENT)
            if role == Qt.ItemDataRole.FontRole:
                return figure_font()
        return None

    # -- changing -----------------------------------------------------------------------------
    def push(self, command) -> bool:
        """Push an undo command; a refusal becomes `refused` and False."""
        try:
            self.document.push(command)
        except CountdeskError as error:
            self.refused.emit(error.message)
            return False
        return True
