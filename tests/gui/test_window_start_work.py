"""What the main window does around opening a count, beyond the tabs: the workspace is built
inside the window, not beside it and moved in (moving a built tree of widgets into a styled window
styles every widget in it again, a tenth of the time to the count's first paint)."""

from __future__ import annotations

from gui_helpers import make_count_file, small_sv_contest

from countdesk.gui.main_window import MainWindow
from countdesk.gui.workspace import CountWorkspace


def test_the_landing_tab_is_built_inside_the_window(qtbot, tmp_path, monkeypatch):
    path = make_count_file(tmp_path / "one.countdesk", (small_sv_contest(),))
    window = MainWindow(operator="Alice Keyer")
    qtbot.addWidget(window)
    built_in = []
    select_tab = CountWorkspace.select_tab

    def spy(workspace: CountWorkspace, name: str) -> None:
        built_in.append(workspace.window())
        select_tab(workspace, name)

    monkeypatch.setattr(CountWorkspace, "select_tab", spy)
    assert window.open_count(path)
    assert built_in == [window]
    assert window.stack.currentWidget() is window.workspace
    with qtbot.waitExposed(window):
        window.show()
    assert window.workspace.isVisible() and window.workspace.tabs.currentWidget().isVisible()
