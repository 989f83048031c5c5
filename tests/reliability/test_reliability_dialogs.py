"""The dialogs the app uses for backups, restores and the RO passphrase, driven as a user would,
checked against what the count file then holds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from reliability_builders import CONTEST_ID, ELECTION, NIGHT, OTHER_PASSPHRASE, PASSPHRASE, minutes, r1, small_sv

from countdesk.gui.dialogs.backup_dialog import AutoBackup, BackupDialog, backup_folder, describe, set_backup_folder
from countdesk.gui.dialogs.restore_dialog import RestoreDialog
from countdesk.gui.dialogs.ro_passphrase_dialog import PassphraseMode, RoPassphraseDialog
from countdesk.gui.open_count import OpenCount
from countdesk.services import CountSession
from countdesk.services.backups import backup_now
from countdesk.store.backup import BackupFile, BackupKind


@pytest.fixture
def session(tmp_path):
    s = CountSession.create(tmp_path / "night.countdesk", "Alice", ELECTION)
    s.set_up.add_contest(small_sv())
    yield s
    s.close()


# The RO passphrase --------------------------------------------------------------------------------

def test_setting_the_passphrase_needs_it_twice_and_long_enough(qtbot, session):
    dialog = RoPassphraseDialog(PassphraseMode.SET, open_count=OpenCount(session))
    qtbot.addWidget(dialog)
    dialog.passphrase_edit.setText("short")
    dialog.again_edit.setText("short")
    dialog.accept()
    assert "At least 8" in dialog.error.text() and not session.passphrase.is_set()
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.again_edit.setText(PASSPHRASE + "!")
    dialog.accept()
    assert "differ" in dialog.error.text() and not session.passphrase.is_set()
    dialog.again_edit.setText(PASSPHRASE)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert session.passphrase.check(PASSPHRASE)


def test_changing_it_with_a_wrong_current_passphrase_is_refused_shown_and_audited(qtbot, session):
    session.passphrase.set(PASSPHRASE)
    dialog = RoPassphraseDialog(PassphraseMode.CHANGE, open_count=OpenCount(session))
    qtbot.addWidget(dialog)
    dialog.current_edit.setText("a wrong guess")
    dialog.passphrase_edit.setText(OTHER_PASSPHRASE)
    dialog.again_edit.setText(OTHER_PASSPHRASE)
    dialog.accept()
    assert "current RO passphrase is wrong" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.current_edit.text() == ""
    assert session.audit_rows(action="ro.passphrase_refused")
    dialog.current_edit.setText(PASSPHRASE)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and session.passphrase.check(OTHER_PASSPHRASE)


def test_asking_collects_the_words_and_a_reason_without_checking_them(qtbot):
    dialog = RoPassphraseDialog(PassphraseMode.ASK, action="Unlock the declared result of Mayor of Testshire",
                                with_reason=True)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "Type the passphrase" in dialog.error.text()
    dialog.passphrase_edit.setText("anything at all")
    dialog.accept()
    assert "reason is required" in dialog.error.text()
    dialog.reason_edit.setText("box 12 was missed")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.passphrase(), dialog.reason()) == ("anything at all", "box 12 was missed")
    with pytest.raises(ValueError):
        RoPassphraseDialog(PassphraseMode.SET)


# Backups ------------------------------------------------------------------------------------------

def test_the_backups_dialog_remembers_the_folder_warns_of_the_same_disk_and_backs_up(qtbot, session, tmp_path,
                                                                                       qt_settings):
    assert backup_folder(session.path, qt_settings) == tmp_path / "night backups"
    dialog = BackupDialog(session, store=qt_settings)
    qtbot.addWidget(dialog)
    stick = tmp_path / "stick"
    dialog.use_folder(stick)
    assert backup_folder(session.path, qt_settings) == stick and dialog.folder_edit.text() == str(stick)
    assert "same disk" in dialog.warning.text()
    assert dialog.backups.topLevelItemCount() == 0
    backup = dialog.back_up_now()
    assert backup.path.parent == stick and str(backup.path) in dialog.status.text()
    assert dialog.backups.topLevelItemCount() == 1
    set_backup_folder(None, qt_settings)
    assert backup_folder(session.path, qt_settings) == tmp_path / "night backups"


def test_auto_backup_reports_a_problem_once_and_recovers(qtbot, session, tmp_path, qt_settings):
    now = [NIGHT]
    auto = AutoBackup(session, store=qt_settings, clock=lambda: now[0], check_every_ms=60_000)
    assert auto.timer.isActive()

    def tick_and_wait():
        task = auto.tick()
        if task is not None:
            qtbot.waitUntil(lambda: auto.writing is None)
        return task

    blocker = tmp_path / "pulled-out"
    blocker.write_text("a file where the stick's folder was")
    set_backup_folder(blocker / "backups", qt_settings)
    with qtbot.waitSignal(auto.failed) as failure:
        tick_and_wait()
    assert failure.args[0].startswith("Backup failed:")
    with qtbot.assertNotEmitted(auto.failed, wait=50):
        now[0] += minutes(1)
        assert tick_and_wait() is not None  # still due: tried again, quietly
    set_backup_folder(tmp_path / "stick", qt_settings)
    with qtbot.waitSignal(auto.backed_up) as made:
        tick_and_wait()
    assert made.args[0].startswith(str(tmp_path / "stick"))
    with qtbot.assertNotEmitted(auto.backed_up, wait=50):
        now[0] += minutes(1)
        assert tick_and_wait() is None  # nothing changed since
    session.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40))  # a stage change: due at once
    with qtbot.waitSignal(auto.backed_up):
        tick_and_wait()
    assert auto.last_backup.kind == "stage"
    session.close()
    assert auto.tick() is None and not auto.timer.isActive()


def test_auto_backup_writes_on_the_worker_pool_one_at_a_time(qtbot, session, tmp_path, qt_settings, monkeypatch):
    """The snapshot, its fsync and read-back run off the GUI thread (a slow stick must not freeze the
    entry form); a check while one is being written starts no second one."""
    import threading

    from countdesk.store import backup as store_backup

    written_on = []
    release = threading.Event()
    original = store_backup.write_backup

    def watched(*args, **kwargs):
        written_on.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(store_backup, "write_backup", watched)
    set_backup_folder(tmp_path / "stick", qt_settings)
    auto = AutoBackup(session, store=qt_settings, clock=lambda: NIGHT, check_every_ms=60_000)
    with qtbot.waitSignal(auto.backed_up, timeout=10_000) as made:
        assert auto.tick() is not None
        assert auto.tick() is None  # the first is still being written
        release.set()
    assert written_on == [False]
    assert Path(made.args[0]).is_file() and auto.last_backup.path == Path(made.args[0])


def test_auto_backup_leaves_a_read_only_count_alone(qtbot, session, qt_settings):
    with CountSession.open(session.path, "Viewer", read_only=True) as viewer:
        assert not AutoBackup(viewer, store=qt_settings).timer.isActive()


# Restore ------------------------------------------------------------------------------------------

def test_restoring_an_open_count_offers_the_newest_good_backup_and_needs_the_passphrase(qtbot, session, tmp_path):
    session.passphrase.set(PASSPHRASE)
    stick = tmp_path / "stick"
    older = backup_now(session, stick, now=NIGHT)
    session.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40))
    newest = backup_now(session, stick, now=NIGHT + minutes(5))
    dialog = RestoreDialog.for_open_count(session, backup_dir=stick)
    qtbot.addWidget(dialog)
    assert dialog.backups.topLevelItemCount() == 2 and dialog.chosen_backup() == newest.path
    dialog.backups.setCurrentItem(dialog.backups.topLevelItem(1))
    assert dialog.chosen_backup() == older.path
    dialog.passphrase_edit.setText("not it")
    dialog.reason_edit.setText("T1 belongs to another contest")
    dialog.accept()
    assert "Not restored: the RO passphrase is wrong" in dialog.error.text() and not dialog.session_was_closed
    assert session.audit_rows(action="backup.restore_refused")
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.session_was_closed
    with dialog.restored_session as restored:
        assert restored.contest(CONTEST_ID).count_sheets == ()
        assert restored.audit_rows(action="backup.restore")[-1].reason == "T1 belongs to another contest"


def test_a_damaged_count_offers_its_backups_and_records_refusals_once_restored(qtbot, session, tmp_path):
    session.passphrase.set(PASSPHRASE)
    stick = tmp_path / "stick"
    backup_now(session, stick, now=NIGHT)
    for n in range(150):
        session.set_up.add_contest(small_sv(f"extra.{n}"))
    path = session.path
    session.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    dialog = RestoreDialog.for_damaged_count(path, "Alice", backup_dir=stick)
    qtbot.addWidget(dialog)
    assert dialog.backups.topLevelItemCount() == 1
    assert "damaged" in dialog.reason_edit.text()
    dialog.passphrase_edit.setText("a guess")
    dialog.accept()
    assert len(dialog.refusals) == 1 and "recorded" in dialog.error.text()
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.accept()
    with dialog.restored_session as restored:
        assert [r.action for r in restored.audit_rows()[-3:]] == [
            "backup.restore_refused", "backup.restore", "session.open"]
        assert [c.id for c in restored.load().contests] == [CONTEST_ID]


def test_without_a_good_backup_nothing_can_be_restored(qtbot, session, tmp_path):
    dialog = RestoreDialog.for_open_count(session, backup_dir=tmp_path / "empty")
    qtbot.addWidget(dialog)
    assert "No good backup" in dialog.folder_label.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and not session.closed


def test_times_are_shown_in_local_time():
    taken = datetime(2021, 5, 7, 1, 5, 9, tzinfo=UTC)
    text = describe(BackupFile(Path("night.x.countdesk-backup"), "night", taken, "count", BackupKind.STAGE))
    assert f"{taken.astimezone():%H:%M:%S}" in text and text.endswith("count (stage change)")
