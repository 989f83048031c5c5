"""What the table models share: a contest to show, kept up to date row by row as it changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ...domain.model import Contest
from ...errors import CountdeskError
from ..appearance import FIGURE_ALIGNMENT, table_figure_font
from .row_changes import RowChanges, apply_row_changes, named_row_changes

Index = QModelIndex | QPersistentModelIndex


class ContestTableModel(QAbstractTableModel):
    """A table over one contest of the open count, brought up to date whenever that contest changes:
    by the rows that changed (inserted, removed, changed), and by a reset only when its columns or
    what may be edited changed (the `shape`), or the rows that stay were reordered."""

    #: A change the services (or the model's own checks) refused, with the reason to show.
    refused = Signal(str)

    HEADERS: tuple[str, ...] = ()
    FIGURE_COLUMNS: frozenset[int] = frozenset()
    #: The contest's list the rows show: "candidates", "boxes" or "count_sheets".
    ROWS = ""

    def __init__(self, open_count, parent=None) -> None:
        self._rows: tuple = ()
        self._titles: tuple[str, ...] | None = None
        super().__init__(parent)
        self.open_count = open_count
        self.contest_id: str | None = None
        self._shape: object = None
        # Queued: a change made from a cell editor (setData) reaches the table only once the editor
        # has closed, never while the view is still inside its commit.
        queued = Qt.ConnectionType.QueuedConnection
        open_count.setup_changed.connect(self._contest_changed, queued)
        open_count.declaration_changed.connect(self._contest_changed, queued)
        if self.ROWS == "count_sheets":
            open_count.sheets_changed.connect(self._rows_changed, queued)
        elif self.ROWS == "boxes":
            open_count.boxes_changed.connect(self._boxes_changed, queued)

    # -- which contest ------------------------------------------------------------------------
    def set_contest(self, contest_id: str | None) -> None:
        self.contest_id = contest_id
        self._reset()

    def _reset(self) -> None:
        self.beginResetModel()
        self.reload()
        self._shape = self.shape(self.contest())
        self.endResetModel()

    def contest(self) -> Contest | None:
        return self.open_count.find_contest(self.contest_id)

    def reload(self) -> None:
        """Re-read the rows from the open count; called inside a model reset."""
        contest = self.contest()
        self._rows = getattr(contest, self.ROWS) if contest is not None else ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def shape(self, contest: Contest | None) -> object:
        """What the table's columns and flags depend on besides its rows; when it changes the model
        resets. Subclasses whose columns follow the contest add to it."""
        return contest is None or self.open_count.locked(contest.id)

    def _contest_changed(self, contest_id: str) -> None:
        """The contest's set-up changed, or it was declared or reopened: its rows are compared."""
        if self.open_count.closed:
            return
        if not contest_id or contest_id == self.contest_id:
            self.update_rows()

    def _rows_changed(self, contest_id: str, added: tuple, changed: tuple, removed: tuple) -> None:
        """Rows the open count says were added, changed or removed: exactly those are told."""
        if self.open_count.closed or contest_id != self.contest_id:
            return
        self.update_rows(named_row_changes(self._rows, self._current_rows(), added, changed, removed))

    def _boxes_changed(self, contest_id: str, box_ids: tuple) -> None:
        self._rows_changed(contest_id, (), box_ids, ())

    def _current_rows(self) -> tuple:
        contest = self.contest()
        return getattr(contest, self.ROWS) if contest is not None else ()

    def update_rows(self, changes: RowChanges | None = None) -> None:
        """Catch up with the open count: the rows that changed (as named, or found by comparing),
        or a reset when nothing less says it."""
        contest = self.contest()
        if self.shape(contest) != self._shape:
            self._reset()
            return
        if not apply_row_changes(self, self._rows, self._current_rows(), self._store_rows, changes=changes):
            self._reset()

    def _store_rows(self, rows: tuple) -> None:
        self._rows = rows

    # -- shape --------------------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers())

    def headers(self) -> tuple[str, ...]:
        """The column titles in the user's language (HEADERS are marked for translation in each model),
        translated once: the language is chosen at start."""
        if self._titles is None:
            self._titles = tuple(self.tr(header) for header in self.HEADERS)
        return self._titles

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
                return table_figure_font()
        return None

    # -- changing -----------------------------------------------------------------------------
    def push(self, command) -> bool:
        """Push an undo command; a refusal becomes `refused` and False."""
        try:
            self.open_count.push(command)
        except CountdeskError as error:
            self.refused.emit(error.message)
            return False
        return True
