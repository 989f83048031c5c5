"""The count sheets entered for a contest: one row per sheet, one column per candidate.

Round-2 sheets show only the finalists' figures and the non-transferable papers; the other
candidates' cells are left empty, not 0, because those papers were never counted for them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ...domain.model import Candidate, CountSheet, VotingSystem
from ..appearance import format_figure
from .base import ContestTableModel, Index
from .result_model import short_names

SHEET_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SheetsModel(ContestTableModel):
    ROWS = "count_sheets"

    def __init__(self, open_count, parent=None) -> None:
        self._candidates: tuple[Candidate, ...] = ()
        self._sv = False
        self._headers: tuple[str, ...] = ()
        self._figure_columns: frozenset[int] = frozenset()
        super().__init__(open_count, parent)

    def reload(self) -> None:
        """Columns follow the contest's candidates: worked out here once, not on every cell painted."""
        super().reload()
        contest = self.contest()
        self._candidates = contest.candidates if contest else ()
        self._sv = bool(contest) and contest.system is VotingSystem.SV
        second_round = (self.tr("Non-transferable"),) if self._sv else ()
        # Surnames as printed on the ballot ("McBRIDE", never "Mcbride"); full names where two share one.
        labels = short_names(contest) if contest else {}
        self._headers = (self.tr("Sheet"), self.tr("Round"), *(labels[c.id] for c in self._candidates),
                         self.tr("Rejected"), *second_round, self.tr("Papers"))
        self._figure_columns = frozenset(range(1, len(self._headers)))

    def shape(self, contest) -> object:
        """The columns follow the candidates and the voting system: a change there resets."""
        return super().shape(contest), contest and (contest.candidates, contest.system)

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def figure_columns(self) -> frozenset[int]:
        return self._figure_columns

    def sheet(self, row: int) -> CountSheet:
        return self._rows[row]

    def row_of(self, sheet_id: str) -> int:
        for row, sheet in enumerate(self._rows):
            if sheet.id == sheet_id:
                return row
        return -1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            offset = section - 2
            if 0 <= offset < len(self._candidates):
                return self._candidates[offset].name
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        sheet, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(sheet, column)
        if role == SHEET_ID_ROLE:
            return sheet.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{0}: {1}").format(self.headers()[column], self._display(sheet, column) or self.tr("none"))
        return self.figure_role(column, role)

    def _display(self, sheet: CountSheet, column: int) -> str:
        if column == 0:
            return sheet.id
        if column == 1:
            return str(sheet.round)
        return format_figure(self.figure(sheet, column))

    def figure(self, sheet: CountSheet, column: int) -> int | None:
        """The figure a sheet shows in a figure column (None where it has none: a candidate not in
        the second round, the rejected papers of a round-2 sheet)."""
        n = len(self._candidates)
        if 2 <= column < 2 + n:
            return sheet.votes.get(self._candidates[column - 2].id)
        if column == 2 + n:
            return sheet.rejected_total if sheet.round == 1 else None
        if column == 3 + n and self._sv:
            return sheet.non_transferable if sheet.round == 2 else None
        if sheet.round == 2:
            return sum(sheet.votes.values()) + (sheet.non_transferable or 0)
        return sheet.papers_counted

    def sheets(self) -> tuple[CountSheet, ...]:
        return tuple(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
