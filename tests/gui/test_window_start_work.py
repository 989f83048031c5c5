"""What the main window does around opening a count, beyond the tabs: the workspace is built
inside the window, not beside it and moved in (moving a built tree of widgets into a styled window
styles every widget in it again); where the user was (recent counts, the count's tab and contest)
is written to the settings file behind, in one write, and not at all when nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import make_count_file, small_sv_contest
from PySide6.QtCore import QSettings

from countdesk.gui import settings
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


# -- the settings file: where the user was is written behind, in one write, and never for nothing --

class _CountingSettings(QSettings):
    """QSettings that counts the values written to the settings file through it."""
    written: list[str] = []

    def setValue(self, key: str, value) -> None:  # noqa: N802 - Qt's name
        _CountingSettings.written.append(key)
        super().setValue(key, value)


@pytest.fixture
def written(monkeypatch) -> list[str]:
    _CountingSettings.written = []
    monkeypatch.setattr(settings, "QSettings", _CountingSettings)
    return _CountingSettings.written


def _in_file(key: str):
    return QSettings().value(key, None)


def _opened(qtbot, tmp_path, tab: str) -> tuple[MainWindow, Path]:
    path = make_count_file(tmp_path / "one.countdesk", (small_sv_contest(),))
    window = MainWindow(operator="Alice Keyer")
    qtbot.addWidget(window)
    assert window.open_count(path, default_tab=tab)
    return window, path


def test_opening_a_count_writes_where_the_user_was_behind_and_in_one_go(qtbot, tmp_path, written):
    window, path = _opened(qtbot, tmp_path, "result")
    assert written == []  # nothing written while the count is being shown
    assert settings.recent_counts() == [path.resolve()]  # the app reads its own writes at once
    assert settings.last_tab(path) == "result"
    assert _in_file("files/recent") is None
    qtbot.waitUntil(lambda: _in_file("files/recent") is not None, timeout=5 * settings.WRITE_BEHIND_MS)
    assert settings.RECENT_COUNTS.read(QSettings()) == [str(path.resolve())]
    assert settings.last_tab(path) == "result" and settings.last_contest(path) == small_sv_contest().id
    assert sorted(written) == sorted(["files/recent", settings._place_key(path, "tab"),
                                      settings._place_key(path, "contest")])


def test_reopening_a_count_where_it_was_writes_nothing(qtbot, tmp_path, written):
    window, path = _opened(qtbot, tmp_path, "result")
    window.close_count()
    settings.flush()
    assert settings.RECENT_COUNTS.read(QSettings()) == [str(path.resolve())]
    written.clear()
    assert window.open_count(path)
    assert window.workspace.tab_name() == "result"  # the place remembered
    window.close_count()
    settings.flush()
    assert written == []


def test_closing_the_window_writes_where_the_user_was_at_once(qtbot, tmp_path, written):
    window, path = _opened(qtbot, tmp_path, "audit")
    window.close()
    assert _in_file(settings._place_key(path, "tab")) == "audit"
    assert _in_file("window/geometry") is not None
    assert "files/recent" in written


def test_what_is_not_where_the_user_was_is_in_the_file_at_once(written):
    settings.LAST_OPERATOR.write("Erin Night")
    assert _in_file("session/last_operator") == "Erin Night"
    settings.LAST_OPERATOR.write("Erin Night")
    assert written == ["session/last_operator"]  # the same name again: not written twice


# -- the demo: its file is read and hashed once per run ------------------------------------------

def test_the_demo_file_is_hashed_once_and_again_when_it_changes(tmp_path, monkeypatch):
    from countdesk.gui import application
    from countdesk.services import new_count

    demo = tmp_path / "demo.json"
    demo.write_bytes(application.demo_source().read_bytes())
    hashed = []
    pristine_key = new_count.pristine_key

    def spy(source: bytes) -> str:
        hashed.append(len(source))
        return pristine_key(source)

    monkeypatch.setattr(new_count, "pristine_key", spy)
    monkeypatch.setattr(application, "demo_source", lambda: demo)
    first = application.pristine_demo_path(tmp_path)
    assert application.pristine_demo_path(tmp_path) == first
    assert len(hashed) == 1
    demo.write_bytes(demo.read_bytes() + b"\n")  # another demo file (an upgrade): another pristine count
    assert application.pristine_demo_path(tmp_path) != first
    assert len(hashed) == 2
