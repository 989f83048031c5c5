"""The totals row under the sheets table: each round's sheets added up, column by column, lined up
under the candidates' columns, so the team sees the running totals without the Result tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..appearance import FIGURE_ALIGNMENT, figure_font, format_figure
from ..models.sheets_model import SheetsModel


class SheetTotalsModel(QAbstractTableModel):
    """One row per round entered: "Round 1 total", then the sum of each figure column."""

    def __init__(self, sheets: SheetsModel, parent=None) -> None:
        super().__init__(parent)
        self._sheets = sheets
        self._rows: list[tuple[str, list[int | None]]] = []
        sheets.modelReset.connect(self.reload)
        sheets.rowsInserted.connect(self.reload)
        sheets.rowsRemoved.connect(self.reload)
        sheets.dataChanged.connect(self.reload)
        self.reload()

    def reload(self, *_args: object) -> None:
        self.beginResetModel()
        self._rows = []
        columns = self._sheets.columnCount()
        for round_number in (1, 2):
            sheets = [s for s in self._sheets.sheets() if s.round == round_number]
            if not sheets:
                continue
            sums: list[int | None] = []
            for column in range(2, columns):
                figures = [f for f in (self._sheets.figure(s, column) for s in sheets) if f is not None]
                sums.append(sum(figures) if figures else None)
            self._rows.append((f"Round {round_number} total", sums))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._sheets.columnCount()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        caption, sums = self._rows[index.row()]
        column = index.column()
        text = caption if column == 0 else "" if column == 1 else format_figure(sums[column - 2])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if role == Qt.ItemDataRole.AccessibleTextRole and column >= 2:
                return f"{caption}, {self._sheets.headers()[column]}: {text or 'none'}"
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(FIGURE_ALIGNMENT)
        if role == Qt.ItemDataRole.FontRole:
            return figure_font(bold=True)
        return None

    def total(self, round_number: int, header: str) -> str:
        """The total shown for `header` ("ADAMS", "Rejected", "Papers") in that round's row."""
        column = self._sheets.headers().index(header)
        for caption, sums in self._rows:
            if caption == f"Round {round_number} total":
                return format_figure(sums[column - 2])
        return ""


class SheetTotalsRow(QTableView):
    """The totals under `table`, its columns kept the same widths and scrolled with it."""

    def __init__(self, table: QTableView, sheets: SheetsModel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sheetTotals")
        self.setAccessibleName("Totals of the sheets entered, by round")
        self.totals = SheetTotalsModel(sheets, self)
        self.setModel(self.totals)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        self._table = table
        header = table.horizontalHeader()
        header.sectionResized.connect(lambda column, _old, width: self.setColumnWidth(column, width))
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        self.totals.modelReset.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """Each column as wide as the widest of its heading, its sheets and its total (a total is
        never cut: it is the largest figure in its column)."""
        header = self._table.horizontalHeader()
        rows = self.totals.rowCount()
        for row in range(rows):
            self.setSpan(row, 0, 1, 2)  # the caption under "Sheet" and "Round"
        for column in range(self.totals.columnCount()):
            width = max(header.sectionSizeFromContents(column).width(), self._table.sizeHintForColumn(column),
                        self.sizeHintForColumn(column) if column >= 2 else 0)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
            self.setColumnWidth(column, width)
        self.setFixedHeight(self.verticalHeader().defaultSectionSize() * rows + 2 * self.frameWidth())
        self.setVisible(rows > 0)
