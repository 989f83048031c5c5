"""Who is at the keyboard: asked once per session and stamped on every change in the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..appearance import set_style_flag


class OperatorDialog(QDialog):
    """A name, required: every audit row this session writes carries it."""

    def __init__(self, suggested: str = "", parent: QWidget | None = None, *,
                 title: str | None = None, explanation: str | None = None) -> None:
        super().__init__(parent)
        title = title if title is not None else self.tr("Who is entering figures?")
        if explanation is None:
            explanation = self.tr("Your name is recorded against every change you make to this count.")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("operatorDialog")
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(suggested)
        self.name_edit.setObjectName("operatorName")
        self.name_edit.setAccessibleName(self.tr("Operator name"))
        self.name_edit.setPlaceholderText(self.tr("Full name"))
        self.name_edit.selectAll()
        self.error_label = QLabel("")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setAccessibleName(self.tr("Operator name problem"))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow("", self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.name_edit.textEdited.connect(lambda _text: self._show_error(""))

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def accept(self) -> None:
        if not self.name():
            self._show_error(self.tr("A name is required: it is stamped on every change you make."))
            self.name_edit.setFocus()
            return
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        set_style_flag(self.name_edit, "invalid", bool(message))


def ask_operator(parent: QWidget | None, suggested: str = "", **texts: str) -> str | None:
    """The operator's name, or None if the user cancelled."""
    dialog = OperatorDialog(suggested, parent, **texts)
    return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else None
