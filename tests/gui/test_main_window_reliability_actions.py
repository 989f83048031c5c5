"""Backups, restore and the RO passphrase are reachable from the main window of an open count."""

from pathlib import Path

from countdesk.gui.application import create_count_from_file
from countdesk.gui.main_window import MainWindow

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "liverpool-mayor-2021.json"


def test_reliability_actions_follow_the_open_count(qtbot, tmp_path):
    window = MainWindow(operator="Tester")
    qtbot.addWidget(window)
    assert not window.backups_action.isEnabled() and not window.restore_action.isEnabled()
    path = create_count_from_file(DEMO, tmp_path / "demo.countdesk", "Tester")
    assert window.open_count(path, operator="Tester")
    assert window.backups_action.isEnabled() and window.restore_action.isEnabled()
    assert window.passphrase_action.isEnabled()
    qtbot.waitUntil(lambda: window.auto_backup is not None, timeout=5000)  # started just after the count shows
    assert window.auto_backup.timer.isActive()
    window.close_count()
    assert window.auto_backup is None


def test_a_count_closed_before_its_backups_start_starts_none(qtbot, tmp_path):
    window = MainWindow(operator="Tester")
    qtbot.addWidget(window)
    path = create_count_from_file(DEMO, tmp_path / "demo.countdesk", "Tester")
    assert window.open_count(path, operator="Tester")
    assert window.close_count()
    qtbot.wait(1500)  # past the moment the backups would have started
    assert window.auto_backup is None


def test_undo_into_a_declared_result_is_refused_and_the_stack_stays_put(qtbot, tmp_path, monkeypatch):
    from countdesk.domain.model import CountSheet, frozen_map
    from countdesk.gui import count_files
    from countdesk.gui.commands import SaveSheetCommand
    from countdesk.services.count_session import CountSession

    window = MainWindow(operator="Tester")
    qtbot.addWidget(window)
    path = create_count_from_file(DEMO, tmp_path / "demo.countdesk", "Tester")
    assert window.open_count(path, operator="Tester")
    open_count = window.current_count
    contest = open_count.count().contests[0]
    # An empty late sheet: the count stays complete (every verified paper on a sheet), so it declares.
    extra = CountSheet("LATE", 1, frozen_map({cid: 0 for cid in contest.candidate_ids}))
    open_count.push(SaveSheetCommand(open_count, contest.id, extra))
    open_count.session.passphrase.set("a long RO passphrase")
    open_count.session.declaring.declare(contest.id, "a long RO passphrase")
    open_count.reload(contest.id)
    refusals = []
    monkeypatch.setattr(count_files, "show_error", lambda parent, title, message: refusals.append(message))
    window.undo()
    assert refusals and "declared" in refusals[0]
    assert open_count.undo_stack.index() == 1 and open_count.undo_stack.canUndo()
    window.close_count()
    with CountSession.open(path, "Checker", read_only=True) as session:
        assert "LATE" in [s.id for s in session.load().contests[0].count_sheets]
