"""Every control on the start page, the set-up, verification, count and audit tabs and the dialogs
can be reached with Tab and has an accessible name for a screen reader."""

from __future__ import annotations

from gui_helpers import OPERATOR, make_count_file, round_one, small_sv_contest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

from countdesk.gui.dialogs.new_count_wizard import NewCountWizard
from countdesk.gui.dialogs.operator_dialog import OperatorDialog
from countdesk.gui.dialogs.passphrase_dialog import PassphraseDialog
from countdesk.gui.dialogs.reason_dialog import ReasonDialog
from countdesk.gui.main_window import MainWindow
from countdesk.gui.widgets.setup_view import AddContestDialog


def keyboard_controls(root: QWidget) -> list[QWidget]:
    """Visible, enabled widgets that take focus with Tab, leaving out the parts Qt builds inside a
    spin box or a combo box (those are named through their owner)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue
        found.append(widget)
    return found


def focus_chain(window: QWidget) -> set[int]:
    seen, widget = set(), window.nextInFocusChain()
    while widget is not window and id(widget) not in seen:
        seen.add(id(widget))
        widget = widget.nextInFocusChain()
    return seen


def unnamed(widgets: list[QWidget]) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', lambda: '')()!r}"
            for w in widgets if not w.accessibleName()]


def check(root: QWidget, window: QWidget | None = None) -> None:
    controls = keyboard_controls(root)
    assert controls, "nothing to check"
    assert unnamed(controls) == []
    chain = focus_chain(window or root.window())
    assert [w.objectName() or type(w).__name__ for w in controls if id(w) not in chain] == []


def test_every_control_is_named_and_reachable(qtbot, tmp_path):
    path = make_count_file(tmp_path / "a.countdesk", (small_sv_contest((round_one("T01-R1", 40, 30, 20, 8, 2),)),))
    window = MainWindow(operator=OPERATOR)
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitExposed(window):
        window.show()
    check(window.start_page, window)
    assert window.open_count(path)
    workspace = window.workspace
    for tab in ("setup", "verification", "count", "audit"):
        workspace.select_tab(tab)
        qtbot.wait(10)
        check(workspace, window)  # the contest chooser, the tab bar and the tab shown
    assert workspace.contest_combo.accessibleName() and workspace.tabs.tabBar().accessibleName()
    window.close()


def test_every_dialog_control_is_named(qtbot):
    wizard = NewCountWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.election_page.form.title_edit.setText("Local elections")
    wizard.election_page.form.area_edit.setText("Testshire")
    wizard.election_page.form.id_edit.setText("local.testshire")
    wizard.election_page.form.ro_edit.setText("Pat Officer")
    wizard.contest_page.form.title_edit.setText("Mayor")
    wizard.contest_page.form.id_edit.setText("mayor")
    for page in (wizard.election_page, wizard.contest_page, wizard.file_page):
        assert wizard.currentPage() is page
        controls = keyboard_controls(page)
        assert controls and unnamed(controls) == []
        wizard.next()
    for dialog in (OperatorDialog("x"), ReasonDialog("t", "q"), PassphraseDialog("t", "e", confirm=True),
                   AddContestDialog(__import__("datetime").date(2021, 5, 6), set())):
        qtbot.addWidget(dialog)
        dialog.show()
        controls = [w for w in keyboard_controls(dialog) if w.parentWidget() is not None
                    and type(w.parentWidget()).__name__ != "QDialogButtonBox"]
        assert unnamed(controls) == []
        dialog.close()
