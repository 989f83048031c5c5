"""Verification: each box's ballot paper account against the papers counted from it.

The verified figure and the note are typed into the table. A figure that leaves a difference
with the account, or that changes a figure already verified, is not stored straight away: the
model asks (signal `confirmation_needed`) and the view gets the note or the reason first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...domain.model import Box
from ..appearance import format_difference, format_figure
from ..setup_commands import VerifyBoxCommand
from .base import ContestTableModel, Index

BOX, STATION, POSTAL, ACCOUNT, VERIFIED, DIFFERENCE, NOTE = range(7)
DIFFERENCE_NOTED = QColor("#fde7b0")
DIFFERENCE_UNEXPLAINED = QColor("#f8d0cc")
#: Made once: data() is asked for a cell's background on every paint.
_NOTED_BRUSH, _UNEXPLAINED_BRUSH = QBrush(DIFFERENCE_NOTED), QBrush(DIFFERENCE_UNEXPLAINED)


@dataclass(frozen=True)
class VerificationTotals:
    boxes: int
    boxes_verified: int
    account: int
    verified: int
    #: Verified minus account, over the boxes that have both figures.
    difference: int
    boxes_with_difference: int


def parse_figure(value: Any) -> tuple[int | None, str]:
    """(figure, "") or (None, reason refused). An empty entry is (None, "")."""
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, "") if value >= 0 else (None, QCoreApplication.translate("VerificationModel",
                                                                                "A figure cannot be negative"))
    text = str(value).strip().replace(",", "")
    if text == "":
        return None, ""
    if text.startswith("-") or text.startswith("\u2212"):
        return None, QCoreApplication.translate("VerificationModel", "A figure cannot be negative")
    if not (text.isdigit() and text.isascii()):
        return None, QCoreApplication.translate("VerificationModel", "Figures only: type digits 0–9")
    return int(text), ""


class VerificationModel(ContestTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("VerificationModel", "Box"), QT_TRANSLATE_NOOP("VerificationModel", "Polling station"),
               QT_TRANSLATE_NOOP("VerificationModel", "Postal"), QT_TRANSLATE_NOOP("VerificationModel", "Account"),
               QT_TRANSLATE_NOOP("VerificationModel", "Verified"), QT_TRANSLATE_NOOP("VerificationModel", "Difference"),
               QT_TRANSLATE_NOOP("VerificationModel", "Note"))
    FIGURE_COLUMNS = frozenset({ACCOUNT, VERIFIED, DIFFERENCE})

    #: (box id, verified figure or None): a note or a reason is needed before it can be stored.
    confirmation_needed = Signal(str, object)
    ROWS = "boxes"

    def box(self, row: int) -> Box:
        return self._rows[row]

    def box_by_id(self, box_id: str) -> Box:
        for box in self._rows:
            if box.id == box_id:
                return box
        raise KeyError(box_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        box, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(box, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == VERIFIED:
                return "" if box.verified is None else str(box.verified)
            if column == NOTE:
                return box.note or ""
            return self._display(box, column)
        if role == Qt.ItemDataRole.BackgroundRole and column in (DIFFERENCE, NOTE) and box.difference:
            return _NOTED_BRUSH if box.note else _UNEXPLAINED_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and column == DIFFERENCE and box.difference:
            return self.tr("Verified differs from the account by {0}: {1}").format(
                format_difference(box.difference), box.note or self.tr("no note"))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{0}: {1}").format(self.headers()[column], self._display(box, column) or self.tr("blank"))
        return self.figure_role(column, role)

    def _display(self, box: Box, column: int) -> str:
        if column == BOX:
            return box.id
        if column == STATION:
            return box.label
        if column == POSTAL:
            return self.tr("Postal") if box.postal else ""
        if column == ACCOUNT:
            return format_figure(box.ballot_paper_account)
        if column == VERIFIED:
            return format_figure(box.verified)
        if column == DIFFERENCE:
            return format_difference(box.difference)
        return box.note or ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (VERIFIED, NOTE) and not self.open_count.locked(self.contest_id):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        box = self._rows[index.row()]
        if index.column() == VERIFIED:
            verified, problem = parse_figure(value)
            if problem:
                self.refused.emit(self.tr("Box {0}: {1}").format(box.id, problem))
                return False
            if verified == box.verified:
                return False
            if self.needs_confirmation(box, verified):
                self.confirmation_needed.emit(box.id, verified)
                return False
            note = box.note if _difference(box, verified) else None
            return self.verify(box.id, verified, note)
        if index.column() == NOTE:
            note = " ".join(str(value).split()) or None
            if note == box.note:
                return False
            if box.difference and note is None:
                self.refused.emit(self.tr("Box {0}: a note is required while the verified figure differs from the "
                                          "account").format(box.id))
                return False
            return self.verify(box.id, box.verified, note)
        return False

    @staticmethod
    def needs_confirmation(box: Box, verified: int | None) -> bool:
        """A note for a new difference, or a reason for changing a figure already verified."""
        return box.verified is not None or (_difference(box, verified) != 0 and not box.note)

    def verify(self, box_id: str, verified: int | None, note: str | None, reason: str | None = None) -> bool:
        return self.push(VerifyBoxCommand(self.open_count, self.contest_id, box_id, verified, note, reason))

    def totals(self) -> VerificationTotals:
        both = [b for b in self._rows if b.difference is not None]
        return VerificationTotals(
            boxes=len(self._rows),
            boxes_verified=sum(1 for b in self._rows if b.verified is not None),
            account=sum(b.ballot_paper_account or 0 for b in self._rows),
            verified=sum(b.verified or 0 for b in self._rows),
            difference=sum(b.difference for b in both),
            boxes_with_difference=sum(1 for b in both if b.difference),
        )


def _difference(box: Box, verified: int | None) -> int:
    if verified is None or box.ballot_paper_account is None:
        return 0
    return verified - box.ballot_paper_account
