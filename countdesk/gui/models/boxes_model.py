"""The ballot boxes of a contest as set up: number, polling station, postal or not, account.

Verified figures are typed on the Verification tab (VerificationModel); here the station, the
postal flag and the account can be corrected, each change an undoable, audited command.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from ...domain.model import Box
from ..appearance import format_figure
from ..controls.field_errors import name_problem
from ..setup_commands import UpdateBoxCommand
from .base import ContestTableModel, Index
from .verification_model import parse_figure

BOX, STATION, POSTAL, ACCOUNT = range(4)


class BoxesModel(ContestTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("BoxesModel", "Box"), QT_TRANSLATE_NOOP("BoxesModel", "Polling station"),
               QT_TRANSLATE_NOOP("BoxesModel", "Postal"), QT_TRANSLATE_NOOP("BoxesModel", "Ballot paper account"))
    FIGURE_COLUMNS = frozenset({ACCOUNT})
    ROWS = "boxes"

    def box(self, row: int) -> Box:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        box, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (box.id, box.label, "", format_figure(box.ballot_paper_account))[column]
        if role == Qt.ItemDataRole.EditRole:
            return (box.id, box.label, box.postal,
                    "" if box.ballot_paper_account is None else str(box.ballot_paper_account))[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == POSTAL:
            return Qt.CheckState.Checked if box.postal else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole:
            postal = self.tr("postal") if box.postal else self.tr("not postal")
            shown = postal if column == POSTAL else self.data(index)
            return self.tr("{0}: {1}").format(self.headers()[column], shown or self.tr("blank"))
        return self.figure_role(column, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.open_count.locked(self.contest_id) or index.column() == BOX:
            return flags
        if index.column() == POSTAL:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        box, column = self._rows[index.row()], index.column()
        if column == POSTAL and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            return self._update(replace(box, postal=checked))
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == STATION:
            label = " ".join(str(value).split())
            problem = name_problem(label, self.tr("The polling station")) if label else ""
            if problem:
                self.refused.emit(self.tr("Box {0}: {1}").format(box.id, problem))
                return False
            return self._update(replace(box, label=label))
        if column == ACCOUNT:
            figure, problem = parse_figure(value)
            if problem:
                self.refused.emit(self.tr("Box {0}: {1}").format(box.id, problem))
                return False
            return self._update(replace(box, ballot_paper_account=figure))
        return False

    def _update(self, after: Box, reason: str | None = None) -> bool:
        before = self._rows[[b.id for b in self._rows].index(after.id)]
        if after == before:
            return False
        return self.push(UpdateBoxCommand(self.open_count, self.contest_id, after, reason))
