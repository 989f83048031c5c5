"""Every window, tab and dialog opened for real, and in each what a keyboard user can reach at that
moment checked: no Alt key reaches two controls (menus, tabs and the page shown included; each
menu's items among themselves), no label offers an Alt key that goes nowhere, and every input field
has a label pointing at it and an accessible name for a screen reader."""

from __future__ import annotations

from every_window import visit_collation, visit_lot_and_double_entry, visit_main_window
from keyboard_audit import alt_key, audit, clashes, window_alt_keys


def test_the_clashes_the_issue_names_are_caught_by_the_audit(qtbot):
    """The checker itself: Alt+B on a wizard's Back and a Browse button is a clash it reports."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for text in ("< &Back", "&Browse…", "&Next >"):
        layout.addWidget(QPushButton(text))
    window.show()
    assert alt_key("A&ccount:") == "Alt+C"
    assert clashes(window_alt_keys(window)) == {"Alt+B": ["button '< &Back'", "button '&Browse…'"]}


def test_no_alt_key_reaches_two_controls_anywhere(qtbot, tmp_path):
    problems: list[str] = []
    visit_main_window(qtbot, tmp_path, lambda window, where: problems.extend(audit(window, where)))
    assert problems == []


def test_the_lot_and_double_entry_dialogs(qtbot, tmp_path):
    problems: list[str] = []
    visit_lot_and_double_entry(qtbot, tmp_path, lambda window, where: problems.extend(audit(window, where)))
    assert problems == []


def test_the_collation_window(qtbot, tmp_path):
    problems: list[str] = []
    visit_collation(qtbot, tmp_path, lambda window, where: problems.extend(audit(window, where)))
    assert problems == []
