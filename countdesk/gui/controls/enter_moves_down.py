"""Enter moves down a form's fields, as the user guide says, instead of pressing a dialog's button.

A line edit, a date, a combo box or a check box ignores Enter, so the key travels up to the
form and then to the dialog, which presses its default button (a wizard's Next): fields below
were skipped. Installed on a form, this filter moves the focus to the form's next field instead;
only Enter on the form's last field goes on to the dialog (Next, Finish, or nothing in a tab).
Fields added to the form later are covered too: the filter sits on the form, not on each field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def next_field(form: QWidget, current: QWidget) -> QWidget | None:
    """The field after `current` in the form's Tab order, or None when `current` is the last."""
    widget = current.nextInFocusChain()
    while widget is not None and widget is not current:
        if not form.isAncestorOf(widget):
            return None  # the chain left the form: current was its last field
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled() and widget.isVisible() \
                and widget.focusProxy() is None:
            return widget
        widget = widget.nextInFocusChain()
    return None


class EnterMovesDown(QObject):
    """Watches a form; Enter (no modifier) on any field but the last moves to the next field."""

    def __init__(self, form: QWidget) -> None:
        super().__init__(form)
        self._form = form
        form.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or event.key() not in _ENTER \
                or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        current = QApplication.focusWidget()
        if current is None or not self._form.isAncestorOf(current):
            return False
        following = next_field(self._form, current)
        if following is None:
            return False  # the last field: the dialog's default button (Next, Finish) takes it
        following.setFocus(Qt.FocusReason.TabFocusReason)
        event.accept()
        return True


def enter_moves_down(form: QWidget) -> EnterMovesDown:
    return EnterMovesDown(form)
