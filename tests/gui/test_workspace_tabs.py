"""Opening a count builds only the tab the user lands on; every other tab is built, showing the
current contest, the first time it is shown or asked for."""

from __future__ import annotations

from dataclasses import replace

from gui_helpers import focus_on, make_count_file, small_sv_contest
from PySide6.QtCore import Qt

from countdesk.gui.main_window import MainWindow

WARD = "ward.north"


def _window(qtbot, tmp_path) -> MainWindow:
    mayor = small_sv_contest()
    ward = replace(mayor, id=WARD, title="North ward")
    path = make_count_file(tmp_path / "two.countdesk", (mayor, ward))
    window = MainWindow(operator="Alice Keyer")
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    assert window.open_count(path)
    return window


def test_only_the_landing_tab_is_built_when_a_count_opens(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    workspace = window.workspace
    assert workspace.tab_name() == "count"  # verified boxes, no sheets yet
    assert workspace.built_tabs() == ("count",)
    page = workspace.tabs.currentWidget()
    assert page.isVisible() and workspace.sheets_view.isVisible()
    assert workspace.sheets_view.parent() is page


def test_a_tab_shown_later_is_built_for_the_contest_chosen_meanwhile(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    workspace = window.workspace
    focus_on(qtbot, workspace.contest_combo)
    qtbot.keyClick(workspace.contest_combo, Qt.Key.Key_Down)
    assert workspace.current_contest() == WARD
    assert workspace.sheets_view.contest_id == WARD  # built views follow the chooser
    assert "result" not in workspace.built_tabs()

    qtbot.keyClick(workspace.tabs.tabBar(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Result
    qtbot.waitUntil(lambda: workspace.tab_name() == "result")
    assert workspace.built_tabs() == ("count", "result")
    assert workspace.result_view.isVisible()
    assert workspace.result_view.contest_id == WARD


def test_asking_for_a_view_builds_it_without_showing_it(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    workspace = window.workspace
    audit = workspace.audit_view
    assert workspace.built_tabs() == ("count", "audit")
    assert workspace.tab_name() == "count"
    assert not audit.isVisible()
    window.show_tab("audit")
    qtbot.waitUntil(audit.isVisible)
    assert workspace.view("audit") is audit  # built once


def test_a_tab_is_made_in_its_page_and_its_parts_in_their_places(qtbot, tmp_path):
    """Nothing of the Result tab is moved once made: re-parenting a built subtree into its page,
    a splitter or a scroll area re-polished every widget in it (the tab cost more to open)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    class Moves(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.names: list[str] = []

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.ParentChange and isinstance(watched, QWidget):
                self.names.append(watched.objectName())
            return False

    window = _window(qtbot, tmp_path)
    workspace = window.workspace
    moves = Moves()
    QApplication.instance().installEventFilter(moves)
    try:
        view = workspace.view("result")
    finally:
        QApplication.instance().removeEventFilter(moves)
    ours = {w.objectName() for w in (view, *view.findChildren(QWidget))
            if w.objectName() and not w.objectName().startswith("qt_")}
    assert {"resultView", "resultTable", "resultChart", "figuresScroll", "checksPanel"} <= ours
    assert view.parent() is workspace.tabs.widget(3)
    assert not ours & set(moves.names), sorted(ours & set(moves.names))
