"""Starting the app: the start page, the demo count, a file already open elsewhere, the operator's
name asked once, and where the count stood when it is opened again."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import OPERATOR, make_count_file, screenshot, small_sv_contest, when_modal
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QMessageBox

from countdesk.gui import settings
from countdesk.gui.application import DEMO_OPERATOR, demo_source
from countdesk.gui.launch import run_app
from countdesk.gui.main_window import MainWindow
from countdesk.services.count_session import CountSession

LIVERPOOL = "mayor.liverpool.2021-05-06"


def show(qtbot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    return window


def test_the_demo_opens_on_the_liverpool_result_without_set_up(qtbot):
    window = show(qtbot, MainWindow())
    screenshot(window, "start-page")
    assert window.start_page.demo_button.accessibleName()
    qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_count is not None, timeout=20_000)
    # No name was asked (it is a demo), the copy lives in the app-data folder, the original is untouched.
    assert window.current_count.operator == DEMO_OPERATOR
    data = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    assert window.current_count.path.parent == data / "demo"
    assert window.workspace.tab_name() == "result"
    result = window.current_count.result(LIVERPOOL)
    assert result.elected == ("anderson-j",) and result.finalists == ("anderson-j", "yip-s")
    assert dict(result.final) == {"anderson-j": 46_493, "yip-s": 32_079}
    assert "Joanne ANDERSON" in window.workspace.result_view.status_label.text()
    screenshot(window, "demo-result")
    qtbot.keyClick(window, Qt.Key.Key_F11)  # View > Results screen: the hall's full-screen display
    assert window.projector is not None and window.projector.isVisible()
    window.projector.close()
    before = demo_source().read_bytes()
    first = window.current_count.path
    window.open_demo()  # a second demo is a fresh copy, not the first one changed
    qtbot.waitUntil(lambda: window.current_count is not None and window.current_count.path != first, timeout=20_000)
    assert demo_source().read_bytes() == before
    window.close()


def test_countdesk_demo_runs_the_app_on_the_demo(qtbot, monkeypatch):
    """`countdesk demo` (cli.main, read without building the parser) runs gui.launch.run_app(demo=True):
    the window opens the demo."""
    shown = {}

    def fake_exec() -> int:
        window = next(w for w in __import__("PySide6.QtWidgets").QtWidgets.QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(lambda: window.current_count is not None, timeout=20_000)
        shown["tab"] = window.workspace.tab_name()
        shown["elected"] = window.current_count.result(LIVERPOOL).elected
        window.close()
        return 0

    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    from countdesk.cli import main

    assert main(["demo"]) == 0
    assert shown == {"tab": "result", "elected": ("anderson-j",)}


def test_a_count_open_elsewhere_is_offered_read_only(qtbot, tmp_path):
    path = make_count_file(tmp_path / "held.countdesk", (small_sv_contest(),))
    elsewhere = CountSession.open(path, "Dana Elsewhere")  # another countdesk holds the write lock
    try:
        window = show(qtbot, MainWindow(operator=OPERATOR))
        messages = []

        def answer(box: QMessageBox) -> None:
            messages.append(box.text() + " " + box.informativeText())
            read_only = next(b for b in box.buttons() if "read-only" in b.text())
            read_only.click()

        when_modal(answer)
        assert window.open_count(path)
        assert "already open" in messages[0] and "Dana Elsewhere" in messages[0]
        assert window.current_count.read_only
        assert "READ-ONLY" in window.windowTitle() and "Dana Elsewhere" in window.windowTitle()
        assert not window.undo_action.isEnabled() and not window.declare_action.isEnabled()
        assert not window.workspace.sheets_view.form.save_button.isEnabled()
        banner = window.workspace.read_only_banner
        assert banner.isVisible() and "READ-ONLY" in banner.text() and "Dana Elsewhere" in banner.text()
        assert not window.workspace.setup_view.candidates.entry_row.isEnabled()
        screenshot(window, "read-only")
        # Cancel instead: nothing opens.
        window.close_count()
        when_modal(lambda box: next(b for b in box.buttons() if "read-only" not in b.text()).click())
        assert not window.open_count(path)
        assert window.current_count is None
        window.close()
    finally:
        elsewhere.close()


def test_the_operator_is_asked_once_per_session(qtbot, tmp_path):
    first = make_count_file(tmp_path / "one.countdesk", (small_sv_contest(),))
    second = make_count_file(tmp_path / "two.countdesk", (small_sv_contest(),))
    window = show(qtbot, MainWindow())
    asked = []

    def answer(dialog) -> None:
        asked.append(dialog.objectName())
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # empty: refused at the field
        assert dialog.isVisible() and "required" in dialog.error_label.text()
        qtbot.keyClicks(dialog.name_edit, "Erin Night")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    when_modal(answer)
    assert window.open_count(first)
    assert window.open_count(second)  # no dialog this time: the session knows who is at the keyboard
    assert asked == ["operatorDialog"]
    assert window.current_count.operator == "Erin Night"
    assert settings.LAST_OPERATOR.read() == "Erin Night"
    assert [p.name for p in settings.recent_counts()] == ["two.countdesk", "one.countdesk"]
    window.close_count()
    assert window.start_page.recent_list.count() == 2
    window.close()
    with CountSession.open(second, "Checker", read_only=True) as session:
        assert session.sessions()[-1].operator == "Erin Night"


def test_run_app_opens_a_file_given_on_the_command_line(qtbot, tmp_path, monkeypatch):
    path = make_count_file(tmp_path / "given.countdesk", (small_sv_contest(),))
    settings.LAST_OPERATOR.write("Fay Default")
    seen = {}

    def fake_exec() -> int:
        from PySide6.QtWidgets import QApplication

        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["path"] = window.current_count.path if window.current_count else None
        window.close()
        return 0

    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    when_modal(lambda dialog: qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return))  # the suggested name
    assert run_app(path) == 0
    assert seen["path"] == path


def test_a_count_that_cannot_be_opened_leaves_the_open_one_open(qtbot, tmp_path):
    first = make_count_file(tmp_path / "first.countdesk", (small_sv_contest(),))
    window = show(qtbot, MainWindow(operator=OPERATOR))
    assert window.open_count(first)
    damaged = tmp_path / "damaged.countdesk"
    damaged.write_bytes(b"not a count file at all" * 10)
    messages = []
    when_modal(lambda box: (messages.append(box.informativeText()), box.accept()))
    assert not window.open_count(damaged)
    assert "damaged" in messages[0] or "not a countdesk" in messages[0]
    assert window.current_count is not None and window.current_count.path == first
    assert window.open_count(first)  # opening the count already open is a no-op, not a lock refusal
    window.close()


def test_a_demo_after_the_first_is_a_copy_made_at_once(qtbot):
    """The first demo imports the demo file off the GUI thread; later ones copy that pristine count
    at once (no progress dialog), each a new file with the published figures."""
    window = show(qtbot, MainWindow())
    window.open_demo()
    qtbot.waitUntil(lambda: window.current_count is not None, timeout=20_000)
    first = window.current_count.path
    window.open_demo()
    assert window.current_count is not None and window.current_count.path != first  # opened before open_demo returned
    assert window.current_count.result(LIVERPOOL).elected == ("anderson-j",)
    window.close()
