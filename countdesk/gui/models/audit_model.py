"""The audit log as a table: who changed what, when, why, with the figures before and after.

Rows come from the services' hash-chained audit trail, oldest first; new rows are appended as
the count goes on. AuditFilterModel narrows them by contest, operator and action.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ...services.document_events import describe_document_event

if TYPE_CHECKING:
    from ...services import AuditRow
from ..appearance import FIGURE_ALIGNMENT
from .audit_words import describe_change, describe_in_full
from .base import Index

NUMBER, TIME, OPERATOR, ACTION, CONTEST, ITEM, CHANGE, REASON = range(8)
HEADERS = (QT_TRANSLATE_NOOP("AuditModel", "No."), QT_TRANSLATE_NOOP("AuditModel", "Time"),
           QT_TRANSLATE_NOOP("AuditModel", "Operator"), QT_TRANSLATE_NOOP("AuditModel", "Action"),
           QT_TRANSLATE_NOOP("AuditModel", "Contest"), QT_TRANSLATE_NOOP("AuditModel", "Item"),
           QT_TRANSLATE_NOOP("AuditModel", "Change"), QT_TRANSLATE_NOOP("AuditModel", "Reason"))
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def local_time(at: str) -> str:
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    return moment.astimezone().strftime("%d/%m %H:%M:%S")


class AuditModel(QAbstractTableModel):
    def __init__(self, open_count, parent=None) -> None:
        super().__init__(parent)
        self.open_count = open_count
        self._rows: list[AuditRow] = []
        self._headers = tuple(self.tr(header) for header in HEADERS)
        self.reload()
        open_count.audited.connect(self.append_new)  # every change the open count applies is audited

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = list(self.open_count.audit_rows())
        self.endResetModel()

    def append_new(self) -> None:
        """Rows written since the last look (the trail only ever grows)."""
        last = self._rows[-1].id if self._rows else 0
        new = self.open_count.audit_rows(after_id=last)
        if new:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return self._headers[section]
        return None

    def row(self, number: int) -> AuditRow:
        return self._rows[number]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (CHANGE, REASON):
            tip = describe_in_full(row.before, row.after, self._contest(row))
            return self.tr("{0}\n\nReason: {1}").format(tip, row.reason) if row.reason else tip
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NUMBER:
            return int(FIGURE_ALIGNMENT)
        if role == ROW_ROLE:
            return row
        return None

    def _contest(self, row: AuditRow):
        """The row's contest as it is now, for candidates' names (None once removed)."""
        return self.open_count.find_contest(row.contest_id) if row.contest_id else None

    def _display(self, row: AuditRow, column: int) -> Any:
        if column == NUMBER:
            return str(row.id)
        if column == TIME:
            return local_time(row.at)
        if column == OPERATOR:
            return row.operator
        if column == ACTION:
            return row.action
        if column == CONTEST:
            return row.contest_id or ""
        if column == ITEM:
            return f"{row.entity} {row.key}" if row.key else row.entity
        if column == CHANGE:
            return (describe_document_event(row.action, row.after)
                    or describe_change(row.before, row.after, self._contest(row)))
        return row.reason or ""

    def distinct(self, column: int, first: int = 0, last: int | None = None) -> list[str]:
        """The values a column takes, sorted (over rows `first` to `last` only, when given: the
        rows just appended, so the filter choices grow without reading the whole trail again)."""
        rows = self._rows[first:None if last is None else last + 1]
        return sorted({str(self._display(r, column)) for r in rows if self._display(r, column)})


class AuditFilterModel(QSortFilterProxyModel):
    """Rows matching every filter set; an empty filter matches all. An action filter ending in
    "." matches a family ("sheet." for every sheet action)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._contest = ""
        self._operator = ""
        self._action = ""

    def set_filters(self, *, contest: str | None = None, operator: str | None = None,
                    action: str | None = None) -> None:
        self.beginFilterChange()
        if contest is not None:
            self._contest = contest
        if operator is not None:
            self._operator = operator
        if action is not None:
            self._action = action
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if row is None:
            return False
        if self._contest and row.contest_id != self._contest:
            return False
        if self._operator and row.operator != self._operator:
            return False
        if self._action:
            if self._action.endswith("."):
                return row.action.startswith(self._action)
            return row.action == self._action
        return True
