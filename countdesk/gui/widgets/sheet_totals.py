"""The totals row under the sheets table: each round's sheets added up, column by column, lined up
under the candidates' columns, so the team sees the running totals without the Result tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..appearance import FIGURE_ALIGNMENT, format_figure, table_figure_font
from ..models.sheets_model import SheetsModel


class SheetTotalsModel(QAbstractTableModel):
    """One row per round entered: "Round 1 total", then the sum of each figure column.

    The sums run: each sheet inserted, changed or removed adds or takes away its own figures
    (kept by sheet id), so a confirmation costs the same at the three-thousandth sheet as at the
    first; only a reset of the sheets (another contest, new columns) adds everything up again."""

    ROUNDS = (1, 2)

    def __init__(self, sheets: SheetsModel, parent=None) -> None:
        super().__init__(parent)
        self._sheets = sheets
        self._rows: list[tuple[str, list[int | None]]] = []
        #: Each sheet's round and figure columns as added to the sums, by sheet id.
        self._added: dict[str, tuple[int, tuple[int | None, ...]]] = {}
        #: Per round: the sum of each figure column, and how many sheets have a figure there.
        self._sums: dict[int, list[int]] = {}
        self._figures: dict[int, list[int]] = {}
        self._sheet_counts: dict[int, int] = {}
        sheets.modelReset.connect(self.reload)
        sheets.rowsInserted.connect(lambda _parent, first, last: self._add_rows(first, last))
        sheets.rowsAboutToBeRemoved.connect(lambda _parent, first, last: self._take_rows(first, last))
        sheets.rowsRemoved.connect(lambda *_args: self._publish())
        sheets.dataChanged.connect(lambda top, bottom, *_roles: self._rows_changed(top.row(), bottom.row()))
        self.reload()

    def reload(self, *_args: object) -> None:
        self.beginResetModel()
        width = max(self._sheets.columnCount() - 2, 0)
        self._added.clear()
        self._sums = {r: [0] * width for r in self.ROUNDS}
        self._figures = {r: [0] * width for r in self.ROUNDS}
        self._sheet_counts = dict.fromkeys(self.ROUNDS, 0)
        for row in range(self._sheets.rowCount()):
            self._add(self._sheets.sheet(row))
        self._rows = self._summed_rows()
        self.endResetModel()

    def _figures_of(self, sheet) -> tuple[int | None, ...]:
        return tuple(self._sheets.figure(sheet, column) for column in range(2, self._sheets.columnCount()))

    def _add(self, sheet) -> None:
        figures = self._figures_of(sheet)
        self._count(sheet.round, figures, +1)
        self._added[sheet.id] = (sheet.round, figures)

    def _take(self, sheet_id: str) -> None:
        added = self._added.pop(sheet_id, None)
        if added is not None:
            self._count(*added, -1)

    def _count(self, round_number: int, figures: tuple[int | None, ...], sign: int) -> None:
        if round_number not in self._sums:
            return
        sums, present = self._sums[round_number], self._figures[round_number]
        for i, figure in enumerate(figures):
            if figure is not None:
                sums[i] += sign * figure
                present[i] += sign
        self._sheet_counts[round_number] += sign

    def _add_rows(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self._add(self._sheets.sheet(row))
        self._publish()

    def _take_rows(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self._take(self._sheets.sheet(row).id)

    def _rows_changed(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            sheet = self._sheets.sheet(row)
            self._take(sheet.id)
            self._add(sheet)
        self._publish()

    def _summed_rows(self) -> list[tuple[str, list[int | None]]]:
        return [(self.tr("Round {0} total").format(r),
                 [total if n else None for total, n in zip(self._sums[r], self._figures[r], strict=False)])
                for r in self.ROUNDS if self._sheet_counts.get(r)]

    def _publish(self) -> None:
        """Show the running sums: in place when the same rounds have sheets, else as a reset."""
        rows = self._summed_rows()
        if [caption for caption, _ in rows] != [caption for caption, _ in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        self._rows = rows
        if rows:
            self.dataChanged.emit(self.index(0, 2), self.index(len(rows) - 1, self.columnCount() - 1))

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
                return self.tr("{0}, {1}: {2}").format(caption, self._sheets.headers()[column], text or self.tr("none"))
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(FIGURE_ALIGNMENT)
        if role == Qt.ItemDataRole.FontRole:
            return table_figure_font(bold=True)
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
        self.setAccessibleName(self.tr("Totals of the sheets entered, by round"))
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
        #: Per figure column, the length of the longest total measured since the columns were fitted.
        self._measured: dict[int, int] = {}
        header = table.horizontalHeader()
        header.sectionResized.connect(lambda column, _old, width: self.setColumnWidth(column, width))
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        self.totals.modelReset.connect(self._fit)
        self.totals.dataChanged.connect(self._widen)
        self._fit()

    def _fit(self) -> None:
        """Each column as wide as the widest of its heading, its sheets and its total (a total is
        never cut: it is the largest figure in its column)."""
        header = self._table.horizontalHeader()
        rows = self.totals.rowCount()
        self._measured = {column: self._longest(column) for column in range(2, self.totals.columnCount())}
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

    def _widen(self, *_args: object) -> None:
        """A total that grew a digit widens its column (the sheets' figures are never wider than
        their total); measured on the totals alone, not on every sheet, and only when a total's
        text grew longer (the figures have tabular digits: the same length is the same width)."""
        header = self._table.horizontalHeader()
        for column in range(2, self.totals.columnCount()):
            longest = self._longest(column)
            if longest <= self._measured.get(column, 0):
                continue
            self._measured[column] = longest
            width = self.sizeHintForColumn(column)
            if width > header.sectionSize(column):
                header.resizeSection(column, width)
                self.setColumnWidth(column, width)

    def _longest(self, column: int) -> int:
        """The length of the longest total shown in a figure column."""
        totals = self.totals
        return max((len(totals.data(totals.index(row, column)) or "") for row in range(totals.rowCount())), default=0)
