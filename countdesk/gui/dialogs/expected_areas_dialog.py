"""The collating officer lists the counting areas (one per line) and names the collation.

The list is what tells the app when every area has reported: the round-2 instruction goes out
only then, and the overall result is final only then.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ..appearance import set_style_flag


class ExpectedAreasDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, areas: Sequence[str] = (), name: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expectedAreasDialog")
        title = self.tr("New collation") if name is not None else self.tr("Expected areas")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        self.name_edit: QLineEdit | None = None
        if name is not None:
            self.name_edit = QLineEdit(name)
            self.name_edit.setObjectName("collationName")
            self.name_edit.setAccessibleName(self.tr("Name of the collation: the area it covers"))
            self.name_edit.setPlaceholderText(self.tr("e.g. Liverpool City Region"))
            form.addRow(self.tr("&Name:"), self.name_edit)
        hint = QLabel(self.tr("One counting area per line, spelt as each area's count names itself (for example "
                              "Halton, Knowsley, Liverpool…)."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        form.addRow(hint)
        self.areas_edit = QPlainTextEdit("\n".join(areas))
        self.areas_edit.setObjectName("expectedAreas")
        self.areas_edit.setAccessibleName(self.tr("Expected counting areas, one per line"))
        self.areas_edit.setTabChangesFocus(True)
        form.addRow(self.tr("Expected &areas:"), self.areas_edit)
        self.error_label = QLabel("")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setAccessibleName(self.tr("Problem with the list"))
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        (self.name_edit or self.areas_edit).setFocus()

    def areas(self) -> list[str]:
        return [line.strip() for line in self.areas_edit.toPlainText().splitlines() if line.strip()]

    def name(self) -> str:
        return self.name_edit.text().strip() if self.name_edit is not None else ""

    def accept(self) -> None:
        if self.name_edit is not None and not self.name():
            self._problem(self.name_edit, self.tr("Give the collation a name."))
            return
        if not self.areas():
            self._problem(self.areas_edit, self.tr("List at least one counting area."))
            return
        super().accept()

    def _problem(self, widget: QWidget, message: str) -> None:
        self.error_label.setText(message)
        set_style_flag(widget, "invalid", True)
        widget.setFocus()
