"""The collating officer's name (and whether a deputy signs): the collated declaration is made in
it, never in the name of the first area's returning officer."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ..appearance import set_style_flag


class CollatingOfficerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, name: str = "", deputy: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("collatingOfficerDialog")
        title = self.tr("Collating officer")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        hint = QLabel(self.tr("The Police Area or Combined Authority Returning Officer declares the collated "
                              "result: the declaration is printed in this name."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        form.addRow(hint)
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("collatingOfficerName")
        self.name_edit.setAccessibleName(self.tr("Collating officer's name"))
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.deputy_check = QCheckBox(self.tr("Signed by a &deputy"))
        self.deputy_check.setObjectName("collatingOfficerDeputy")
        self.deputy_check.setAccessibleName(self.tr("The documents are signed by a deputy"))
        self.deputy_check.setChecked(deputy)
        form.addRow("", self.deputy_check)
        self.error_label = QLabel("")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setAccessibleName(self.tr("Problem with the name"))
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.name_edit.textEdited.connect(lambda _t: self._problem(""))
        self.name_edit.setFocus()

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def deputy(self) -> bool:
        return self.deputy_check.isChecked()

    def accept(self) -> None:
        if not self.name():
            self._problem(self.tr("Give the collating officer's name: the declaration is made in it."))
            self.name_edit.setFocus()
            return
        super().accept()

    def _problem(self, message: str) -> None:
        self.error_label.setText(message)
        set_style_flag(self.name_edit, "invalid", bool(message))
