"""The Result tab's ballot-paper figures: labelled figures in two columns, in a group box.

A figure can be selected with the mouse (to copy it), but its label is made selectable only when
the pointer first comes over the grid: a selectable label carries a text document of its own, and
fourteen of them were a good part of the Result tab's first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSizePolicy, QWidget

from ..models.result_model import tabular_font

if TYPE_CHECKING:
    from PySide6.QtGui import QEnterEvent, QFont


class FigureGrid(QGroupBox):
    """Labelled figures in two columns: the words on the left, the numbers right-aligned.

    Each figure is as tall as its text and centred in its row, so it is drawn the same before and
    after it becomes selectable (a figure beside a two-line label moved a pixel otherwise)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setAccessibleName(title)
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(0, 1)
        self._grid.setHorizontalSpacing(self.fontMetrics().averageCharWidth() * 3)
        self._values: dict[str, QLabel] = {}
        self._selectable = False

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        if [label for label, _ in rows] == list(self._values):  # the same lines: new figures only
            for label_text, value_text in rows:
                value = self._values[label_text]
                if value.text() != value_text:
                    value.setText(value_text)
                    value.setAccessibleName(self.tr("{0}: {1}").format(label_text, value_text))
                    value.setMinimumSize(value.sizeHint())
            return
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._values = {}
        figures_font: QFont | None = None
        line_height = 0
        for row, (label_text, value_text) in enumerate(rows):
            label = QLabel(label_text, self)
            label.setWordWrap(True)
            value = QLabel(value_text, self)
            if figures_font is None:  # every label here has the grid's font: measured once
                figures_font = tabular_font(value.font())
                line_height = label.fontMetrics().height()
            value.setFont(figures_font)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setAccessibleName(self.tr("{0}: {1}").format(label_text, value_text))
            self._let_select(value)
            # Never squeezed: a figure cut at the bottom turns "33,995" into "33.995".
            value.setMinimumSize(value.sizeHint())
            value.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
            label.setMinimumHeight(line_height + 2)
            self._grid.addWidget(label, row, 0)
            self._grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._values[label_text] = value

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 - Qt's name
        """The pointer reaches the figures before it can press on one: now they can be selected."""
        if not self._selectable:
            self._selectable = True
            for value in self._values.values():
                self._let_select(value)
        super().enterEvent(event)

    def _let_select(self, value: QLabel) -> None:
        if self._selectable:
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        else:
            value.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # as selectable text has, from the start

    def value(self, label_text: str) -> str:
        return self._values[label_text].text()

    def labels(self) -> list[str]:
        return list(self._values)
