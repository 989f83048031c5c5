"""Backups, restore and the RO passphrase are reachable from the main window of an open count."""

from pathlib import Path

from countdesk.gui.main_window import MainWindow
from countdesk.gui.application import create_count_from_file

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "liverpool-mayor-2021.json"


def test_reliability_actions_follow_the_open_count(qtbot, tmp_path):
    window = MainWindow(operator="Tester")
    qtbot.addWidget(window)
    assert not window.backups_action.isEnabled() and not window.restore_action.isEnabled()
    path = create_count_from_file(DEMO, tmp_path / "demo.countdesk", "Tester")
    assert window.open_count(path, operator="Tester")
    assert window.backups_action.isEnabled() and window.restore_action.isEnabled()
    assert window.passphrase_action.isEnabled()
    assert window.auto_backup is not None and window.auto_backup.timer.isActive()
    window.close_count()
    assert window.auto_backup is None
