"""A required piece of text: the reason for a correction or deletion, or the note on a difference.

The audit log keeps it next to the change, so the dialog will not accept an empty answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..appearance import set_style_flag


class ReasonDialog(QDialog):
    def __init__(self, title: str, question: str, parent: QWidget | None = None, *,
                 initial: str = "", field_name: str | None = None, ok_text: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        field_name = field_name if field_name is not None else self.tr("Reason")
        self._field_name = field_name
        prompt = QLabel(question)
        prompt.setWordWrap(True)
        self.text_edit = QLineEdit(initial)
        self.text_edit.setObjectName("reasonText")
        self.text_edit.setAccessibleName(field_name)
        self.text_edit.setMinimumWidth(360)
        prompt.setBuddy(self.text_edit)
        self.error_label = QLabel("")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setAccessibleName(self.tr("{0} problem").format(field_name))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text if ok_text is not None else self.tr("OK"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.text_edit.textEdited.connect(lambda _t: self._show_error(""))

    def text(self) -> str:
        return self.text_edit.text().strip()

    def accept(self) -> None:
        if not self.text():
            self._show_error(self.tr("{0} required: it is kept in the audit log.").format(self._field_name))
            self.text_edit.setFocus()
            return
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        set_style_flag(self.text_edit, "invalid", bool(message))


def ask_reason(parent: QWidget | None, title: str, question: str, **options: str) -> str | None:
    """The text typed, or None if the user cancelled."""
    dialog = ReasonDialog(title, question, parent, **options)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
