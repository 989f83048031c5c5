"""A field for one figure, typed at the keyboard: digits only, refused input explained on the spot.

An untouched field shows a grey "–" and reads as None; a typed 0 reads as 0. Letters, a minus sign
or a paste with anything but digits are refused as they are typed, and `refused` carries the
reason so the form can show it beside the field.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from ..appearance import FIGURE_ALIGNMENT, figure_font, set_style_flag

#: Enough for any count area; a longer figure is a slip of the finger.
MAX_DIGITS = 8
UNTOUCHED = "\u2013"


class FigureValidator(QValidator):
    """Digits only; the reason for a refusal goes to `refused` (a validator alone says nothing)."""

    refused = Signal(str)

    def validate(self, text: str, pos: int):  # type: ignore[override]
        if text == "" or (text.isdigit() and text.isascii() and len(text) <= MAX_DIGITS):
            return QValidator.State.Acceptable, text, pos
        self.refused.emit(refusal_reason(text))
        return QValidator.State.Invalid, text, pos


def refusal_reason(text: str) -> str:
    stripped = text.strip()
    if "-" in stripped or "\u2212" in stripped:
        return QCoreApplication.translate("FigureEdit", "A figure cannot be negative")
    if any(ch in ".,'" for ch in stripped) and stripped.replace(",", "").replace(".", "").isdigit():
        return QCoreApplication.translate("FigureEdit", "Whole papers only: type digits without separators")
    if stripped.isdigit() and len(stripped) > MAX_DIGITS:
        return QCoreApplication.translate("FigureEdit", "Too long: at most {0} digits").format(MAX_DIGITS)
    return QCoreApplication.translate("FigureEdit", "Figures only: type digits 0–9")


class FormLineEdit(QLineEdit):
    """A line in a keyed form: Enter moves on, Ctrl+Enter asks to save, Esc asks to cancel."""

    #: Ctrl+Enter: the whole form should be saved.
    save_requested = Signal()
    #: Esc: the form should be cancelled.
    cancel_requested = Signal()
    #: Plain Enter saves too (the last field of an add-a-row form), instead of moving on.
    enter_saves = False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if control or self.enter_saves:
                self.save_requested.emit()
            else:
                self.focusNextChild()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class FigureEdit(FormLineEdit):
    """One figure. `value()` is None while untouched, else the int typed."""

    refused = Signal(str)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setPlaceholderText(UNTOUCHED)
        self.setAlignment(FIGURE_ALIGNMENT)
        self.setFont(figure_font())
        self.setProperty("figure", True)
        self.setMaxLength(MAX_DIGITS + 4)
        validator = FigureValidator(self)
        validator.refused.connect(self.refused)
        self.setValidator(validator)
        self.textChanged.connect(self._update_state)
        self._update_state(self.text())

    def value(self) -> int | None:
        text = self.text()
        return int(text) if text else None

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else str(value))

    @property
    def untouched(self) -> bool:
        return self.text() == ""

    def _update_state(self, text: str) -> None:
        set_style_flag(self, "untouched", text == "")
