"""The returning officer's passphrase: set once per count file, asked to declare or unlock."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..controls.field_errors import FieldError

MIN_LENGTH = 8


def _secret(name: str, accessible: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PassphraseDialog(QDialog):
    """Asks for the passphrase (`confirm=False`), or for a new one typed twice (`confirm=True`)."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None = None, *, confirm: bool = False,
                 with_reason: bool = False, ok_text: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._confirm = confirm
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.passphrase_edit = _secret("passphrase", self.tr("RO passphrase"))
        self.again_edit = _secret("passphraseAgain", self.tr("RO passphrase again"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("unlockReason")
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.error = FieldError(self.passphrase_edit, self.tr("Passphrase"))
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase_edit)
        if confirm:
            form.addRow(self.tr("&Again:"), self.again_edit)
        if with_reason:
            form.addRow(self.tr("&Reason:"), self.reason_edit)
        form.addRow("", self.error)
        self.again_edit.setVisible(confirm)
        self.reason_edit.setVisible(with_reason)
        self._with_reason = with_reason
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text if ok_text is not None else self.tr("OK"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def accept(self) -> None:
        text = self.passphrase()
        if self._confirm and len(text.strip()) < MIN_LENGTH:
            self.error.show_error(self.tr("At least {0} characters").format(MIN_LENGTH))
        elif self._confirm and text != self.again_edit.text():
            self.error.show_error(self.tr("The two passphrases differ: type them again"))
        elif not text:
            self.error.show_error(self.tr("Type the passphrase"))
        elif self._with_reason and not self.reason():
            self.error.show_error(self.tr("Say why the declared result is reopened"))
        else:
            super().accept()
