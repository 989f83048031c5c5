"""What a keyboard user can reach at one moment, read from the real widgets: the Alt keys in use
(menu titles, buttons, labels' buddies, group boxes, tabs) and the input fields with their labels.

Two controls reachable at the same time with one Alt key: one press only moves the focus, or goes
somewhere else (a count was once typed into the wrong tab that way).
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)


def alt_key(text: str) -> str:
    """"Alt+C" for "&Count", "" when the text has no mnemonic."""
    return QKeySequence.mnemonic(text).toString()


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.window() is window


def window_alt_keys(window: QWidget) -> dict[str, list[str]]:
    """Every Alt key reachable in `window` as it is now shown, with what it reaches."""
    keys: dict[str, list[str]] = defaultdict(list)
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible() and alt_key(action.text()):
                keys[alt_key(action.text())].append(f"menu {action.text()!r}")
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        if isinstance(widget, QAbstractButton) and alt_key(widget.text()):
            keys[alt_key(widget.text())].append(f"button {widget.text()!r}")
        elif isinstance(widget, QLabel) and widget.buddy() is not None and alt_key(widget.text()):
            keys[alt_key(widget.text())].append(f"label {widget.text()!r}")
        elif isinstance(widget, QGroupBox) and alt_key(widget.title()):
            keys[alt_key(widget.title())].append(f"group {widget.title()!r}")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index) and alt_key(widget.tabText(index)):
                    keys[alt_key(widget.tabText(index))].append(f"tab {widget.tabText(index)!r}")
    return keys


def clashes(keys: dict[str, list[str]]) -> dict[str, list[str]]:
    return {key: places for key, places in keys.items() if len(places) > 1}


def menu_clashes(menu: QMenu, path: str = "") -> dict[str, list[str]]:
    """Within each menu (and its submenus), the items' Alt keys are unique."""
    found: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = defaultdict(list)
    here = f"{path} > {menu.title()}" if path else menu.title()
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if alt_key(action.text()):
            keys[alt_key(action.text())].append(f"{here} > {action.text()!r}")
        if action.menu() is not None:
            found.update(menu_clashes(action.menu(), here))
    found.update({f"{here} {key}": places for key, places in clashes(keys).items()})
    return found


def mnemonic_labels_without_buddy(window: QWidget) -> list[str]:
    """A label promising an Alt key that goes nowhere."""
    return [widget.text() for widget in window.findChildren(QLabel)
            if _shown(widget, window) and widget.buddy() is None and alt_key(widget.text())
            and widget.textFormat() != widget.textFormat().RichText]


INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit)


def input_fields(window: QWidget) -> list[QWidget]:
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not _shown(widget, window):
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit Qt builds inside a spin box or combo box
        if isinstance(widget, (QTextEdit, QPlainTextEdit)) and widget.isReadOnly():
            continue  # text to read, not a field
        found.append(widget)
    return found


def unlabelled_fields(window: QWidget) -> list[str]:
    """Input fields without a label pointing at them (buddy), or without an accessible name."""
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy() is not None}
    problems = []
    for field in input_fields(window):
        what = f"{type(field).__name__} {field.objectName()!r} {field.accessibleName()!r}"
        if id(field) not in buddies:
            problems.append(f"no label: {what}")
        if not field.accessibleName():
            problems.append(f"no accessible name: {what}")
    return problems


def audit(window: QWidget, where: str) -> list[str]:
    """Every keyboard problem of `window` as now shown, each prefixed with `where`."""
    problems = [f"{where}: {key} reaches {', '.join(places)}"
                for key, places in clashes(window_alt_keys(window)).items()]
    problems += [f"{where}: label {text!r} has an Alt key and no field"
                 for text in mnemonic_labels_without_buddy(window)]
    problems += [f"{where}: {problem}" for problem in unlabelled_fields(window)]
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.menu() is not None:
                problems += [f"{where}: menu {key} reaches {', '.join(places)}"
                             for key, places in menu_clashes(action.menu()).items()]
    return problems
