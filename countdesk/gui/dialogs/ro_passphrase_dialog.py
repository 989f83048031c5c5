"""The returning officer's passphrase: set it, change it, or type it for an RO action.

Setting and changing go to the open count's use case, which keeps only an scrypt hash and audits a
wrong current passphrase; the dialog stays open with the refusal shown until it succeeds or is
cancelled. Asking only collects the words: the action that needs them (declare, unlock, restore)
checks them and audits the outcome, so a guess can never be tried here without a record.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...errors import CountdeskError
from ...services.passphrase import MIN_LENGTH
from ..controls.field_errors import FieldError
from ..open_count import OpenCount


class PassphraseMode(Enum):
    SET = "set"          # the first passphrase of a count file
    CHANGE = "change"    # a new one, which needs the current one
    ASK = "ask"          # the words for one RO action


_TITLES = {
    PassphraseMode.SET: QT_TRANSLATE_NOOP("RoPassphraseDialog", "Set the RO passphrase"),
    PassphraseMode.CHANGE: QT_TRANSLATE_NOOP("RoPassphraseDialog", "Change the RO passphrase"),
    PassphraseMode.ASK: QT_TRANSLATE_NOOP("RoPassphraseDialog", "RO passphrase"),
}
_EXPLANATIONS = {
    PassphraseMode.SET: QT_TRANSLATE_NOOP(
        "RoPassphraseDialog", "Declaring, unlocking a declared result and restoring a backup will need this "
        "passphrase. At least {0} characters; only the returning officer should know it. The count file keeps a "
        "one-way hash of it, never the words."),
    PassphraseMode.CHANGE: QT_TRANSLATE_NOOP("RoPassphraseDialog",
                                             "Type the current passphrase, then the new one twice."),
    PassphraseMode.ASK: QT_TRANSLATE_NOOP("RoPassphraseDialog", "This is a returning officer's action. Whether it "
                                          "succeeds or is refused, it is recorded in the audit log."),
}


def _secret(name: str, accessible: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(320)
    return edit


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class RoPassphraseDialog(QDialog):
    """One dialog for the three uses; `open_count` is needed to set or change."""

    def __init__(self, mode: PassphraseMode, parent: QWidget | None = None, *, open_count: OpenCount | None = None,
                 action: str = "", with_reason: bool = False, reason_prompt: str | None = None) -> None:
        super().__init__(parent)
        if mode is not PassphraseMode.ASK and open_count is None:
            raise ValueError("setting or changing the passphrase needs the open count")
        self.mode, self.open_count = mode, open_count
        self.setObjectName("roPassphraseDialog")
        title = self.tr(_TITLES[mode])
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        explanation = self.tr(_EXPLANATIONS[mode]).format(MIN_LENGTH)
        intro = _plain(self.tr("{0}\n\n{1}").format(action, explanation) if action else explanation)
        self.current_edit = _secret("currentPassphrase", self.tr("Current RO passphrase"))
        self.passphrase_edit = _secret("passphrase", self.tr("RO passphrase") if mode is PassphraseMode.ASK
                                       else self.tr("New RO passphrase"))
        self.again_edit = _secret("passphraseAgain", self.tr("New RO passphrase again"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("roReason")
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.error = FieldError(self.passphrase_edit, self.tr("Passphrase"))
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        if mode is PassphraseMode.CHANGE:
            form.addRow(self.tr("&Current passphrase:"), self.current_edit)
        form.addRow(self.tr("&Passphrase:") if mode is PassphraseMode.ASK else self.tr("&New passphrase:"),
                    self.passphrase_edit)
        if mode is not PassphraseMode.ASK:
            form.addRow(self.tr("&Again:"), self.again_edit)
        self._with_reason = with_reason
        if with_reason:
            form.addRow(reason_prompt if reason_prompt is not None else self.tr("Reason:"), self.reason_edit)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Continue") if mode is PassphraseMode.ASK else self.tr("Set passphrase"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        for edit in (self.current_edit, self.passphrase_edit, self.again_edit, self.reason_edit):
            edit.textEdited.connect(lambda _t: self.error.clear_error())
        (self.current_edit if mode is PassphraseMode.CHANGE else self.passphrase_edit).setFocus()

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def accept(self) -> None:
        problem = self._problem()
        if problem:
            self.error.show_error(problem)
            return
        if self.mode is not PassphraseMode.ASK:
            try:
                self.open_count.set_ro_passphrase(
                    self.passphrase(), current=self.current_edit.text() if self.mode is PassphraseMode.CHANGE else None)
            except CountdeskError as error:
                self.error.show_error(error.message)
                self.current_edit.clear()
                self.current_edit.setFocus()
                return
        super().accept()

    def reject(self) -> None:
        for edit in (self.current_edit, self.passphrase_edit, self.again_edit):
            edit.clear()  # no secret left in a hidden widget
        super().reject()

    def _problem(self) -> str:
        text = self.passphrase()
        if self.mode is PassphraseMode.ASK:
            if not text:
                return self.tr("Type the passphrase.")
        else:
            if self.mode is PassphraseMode.CHANGE and not self.current_edit.text():
                return self.tr("Type the current passphrase first.")
            if len(text.strip()) < MIN_LENGTH:
                return self.tr("At least {0} characters.").format(MIN_LENGTH)
            if text != self.again_edit.text():
                return self.tr("The two new passphrases differ: type them again.")
        if self._with_reason and not self.reason():
            return self.tr("A reason is required: it is kept in the audit log.")
        return ""


def set_ro_passphrase(parent: QWidget | None, open_count: OpenCount) -> bool:
    """Set the passphrase, or change it if one is set. True once it is stored."""
    mode = PassphraseMode.CHANGE if open_count.has_ro_passphrase() else PassphraseMode.SET
    return RoPassphraseDialog(mode, parent, open_count=open_count).exec() == QDialog.DialogCode.Accepted


def ask_ro_passphrase(parent: QWidget | None, action: str, *, with_reason: bool = False) -> tuple[str, str] | None:
    """(passphrase, reason) for an RO action, or None if cancelled. The action checks them."""
    dialog = RoPassphraseDialog(PassphraseMode.ASK, parent, action=action, with_reason=with_reason)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase(), dialog.reason()
