"""The grid of a count sheet: where each figure sits on screen and the words beside it.

Split from the count-sheet form so that each has one job: this module lays the sheet out (the
sheet number on top, a row a figure, the running total below) and the form checks and saves what
is typed into it. A row is the ballot-paper number, the name and description exactly as typed,
the figure box and the reason it was refused. The sheet number and the total strip are built once
and kept through every rebuild, so they stay the same widgets whatever the contest or round.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from ..appearance import FIGURE_ALIGNMENT, figure_font
from ..controls.field_errors import FieldError
from ..controls.figure_edit import FigureEdit, FormLineEdit
from ..controls.sheet_fields import FieldSpec


@dataclass
class SheetField:
    """One figure on the sheet: its key in the CountSheet, its words, its box and its refusal."""

    key: str            # "votes.<id>", "rejected.<head>", "papers", "non_transferable", ...
    label: str
    edit: FigureEdit
    error: FieldError
    required: bool = True


class CountSheetGrid(QWidget):
    """The sheet number, the rows of figures and the total, laid out in four columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Parentless until laid out: with no contest they are not on screen at all.
        self.sheet_id_edit = FormLineEdit()
        self.sheet_id_edit.setObjectName("sheetId")
        self.sheet_id_edit.setAccessibleName(self.tr("Sheet number"))
        self.sheet_id_edit.setFont(figure_font(scale=1.15))
        self.sheet_id_error = FieldError(self.sheet_id_edit, self.tr("Sheet number"))

        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(3, 1)
        self.grid.setHorizontalSpacing(14)
        self.total_label = QLabel("")
        self.total_label.setObjectName("sheetTotal")
        self.total_label.setAccessibleName(self.tr("Total on this sheet"))
        self.total_label.setFont(figure_font(bold=True, scale=1.2))
        self.total_label.setAlignment(FIGURE_ALIGNMENT)
        self.limit_label = QLabel("")
        self.limit_label.setObjectName("sheetLimit")
        self.limit_label.setProperty("role", "hint")
        self.limit_label.setWordWrap(True)

        self.id_label = QLabel(self.tr("Sheet &number:"))
        self.id_label.setBuddy(self.sheet_id_edit)
        self.total_caption = QLabel(self.tr("Total on this sheet"))
        self.total_caption.setProperty("role", "total")
        self.total_label.setMinimumWidth(self.total_label.fontMetrics().horizontalAdvance("9,999,999,999"))
        self._persistent = {self.id_label, self.sheet_id_edit, self.sheet_id_error, self.total_caption,
                            self.total_label, self.limit_label}

    def clear_rows(self) -> None:
        """Take every row out; the rows' own widgets are deleted, the lasting ones hidden until the
        next sheet is laid out (out of the grid they would stay painted where they last were)."""
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is None:
                continue
            widget.hide()
            if widget not in self._persistent:
                widget.deleteLater()

    def lay_out(self, specs: tuple[FieldSpec, ...]) -> list[SheetField]:
        """The sheet number, a row for each of `specs` (under its section heading) and the total.
        Returns the new fields in order; the caller connects them to its checks."""
        self.clear_rows()
        fields: list[SheetField] = []
        self.grid.addWidget(self.id_label, 0, 1)
        self.grid.addWidget(self.sheet_id_edit, 0, 2)
        self.grid.addWidget(self.sheet_id_error, 0, 3)
        row = 1
        for spec in specs:
            if spec.section:
                row = self._add_section(row, spec.section)
            fields.append(self._add_field(row, spec))
            row += 1
        self.grid.addWidget(self.total_caption, row, 1)
        self.grid.addWidget(self.total_label, row, 2)
        self.grid.addWidget(self.limit_label, row + 1, 1, 1, 3)
        for widget in self._persistent:
            widget.show()
        return fields

    def _add_section(self, row: int, title: str) -> int:
        label = QLabel(title)
        label.setProperty("role", "heading")
        label.setContentsMargins(0, 8, 0, 0)
        self.grid.addWidget(label, row, 1, 1, 3)
        return row + 1

    def _add_field(self, row: int, spec: FieldSpec) -> SheetField:
        edit = FigureEdit(spec.accessible)
        edit.setObjectName(f"field:{spec.key}")
        edit.setFont(figure_font(scale=1.15))
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("99,999,999") + 24)
        edit.setMaximumWidth(edit.minimumWidth() + 40)
        error = FieldError(edit, spec.accessible)
        error.setMinimumWidth(edit.fontMetrics().horizontalAdvance("M") * 16)
        edit.refused.connect(error.show_error)
        number_label = QLabel(spec.number)
        number_label.setAlignment(FIGURE_ALIGNMENT)
        self.grid.addWidget(number_label, row, 0)
        self.grid.addWidget(self._name_cell(spec, edit), row, 1)
        self.grid.addWidget(edit, row, 2)
        self.grid.addWidget(error, row, 3)
        return SheetField(spec.key, spec.label, edit, error, spec.required)

    @staticmethod
    def _name_cell(spec: FieldSpec, edit: FigureEdit) -> QWidget:
        """A candidate's name and description exactly as typed: plain text, never markup, and an
        "&" in a name is shown, not taken as a keyboard shortcut."""
        name_label = QLabel(spec.label.replace("&", "&&"))
        name_label.setTextFormat(Qt.TextFormat.PlainText)
        name_label.setBuddy(edit)
        if not spec.description:
            return name_label
        description = QLabel(spec.description)
        description.setTextFormat(Qt.TextFormat.PlainText)
        description.setStyleSheet("color: #55606e")
        cell = QWidget()
        line = QHBoxLayout(cell)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(name_label)
        line.addWidget(description)
        line.addStretch(1)
        return cell
