"""The Restore dialog lists, apart and read only, the backups in the folder that cannot be used,
each with why, so the RO looking for the newest backup on a bad night sees it and the reason.

An area count of the small SV contest imports the collating officer's round-2 instruction, then is
backed up three times: before the import, after it (the instruction inside it), and last (its audit
trail is then altered with another program). A fourth, newest backup is cut short, as a stick
pulled out mid-copy would leave it. Two are good; the two newest cannot be used.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from reliability_builders import CONTEST_ID, ELECTION, NIGHT, PASSPHRASE, minutes, r1, small_sv

from countdesk.domain.model import frozen_map
from countdesk.exchange.round2 import Round2Instruction, write_round2_instruction
from countdesk.gui.dialogs.backup_dialog import describe
from countdesk.gui.dialogs.restore_dialog import RestoreDialog
from countdesk.services import CountSession
from countdesk.services.backups import backup_now
from countdesk.services.round2_area import import_round2_instruction


def instruction() -> Round2Instruction:
    """The sum of this area and another: a 160, c 150, b 140: no majority, so a and c go on."""
    return Round2Instruction(ELECTION.id, CONTEST_ID, ("a", "c"), frozen_map({"a": 160, "b": 140, "c": 150}),
                             (ELECTION.area, "Elsewhere"), datetime(2021, 5, 7, 2, 0, tzinfo=UTC),
                             "Combined Authority Returning Officer")


@pytest.fixture
def session(tmp_path):
    s = CountSession.create(tmp_path / "area.countdesk", "Alice", ELECTION)
    s.set_up.add_contest(small_sv())
    s.passphrase.set(PASSPHRASE)
    yield s
    if not s.closed:
        s.close()


@pytest.fixture
def stick(tmp_path):
    return tmp_path / "stick"


@pytest.fixture
def night(session, stick, tmp_path):
    """The four backups, oldest first, and how the reason the altered one cannot be used begins."""
    before_import = backup_now(session, stick, now=NIGHT)
    session.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40))
    import_round2_instruction(session, write_round2_instruction(tmp_path / "round2.json", instruction()))
    carrying = backup_now(session, stick, now=NIGHT + minutes(5))
    altered = backup_now(session, stick, now=NIGHT + minutes(10))
    conn = sqlite3.connect(altered.path)
    with conn:
        conn.execute("DROP TRIGGER audit_append_only_update")
        conn.execute("UPDATE audit SET operator = 'Mallory' WHERE id = 3")
    conn.close()
    cut_short = backup_now(session, stick, now=NIGHT + minutes(15))
    data = cut_short.path.read_bytes()
    cut_short.path.write_bytes(data[: len(data) // 3])
    return [before_import, carrying, altered, cut_short], f"{altered.path.name}: audit row 3"


def rows(tree) -> list:
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def entries(listing) -> list:
    return [listing.item(i) for i in range(listing.count())]


def shown(item) -> tuple[str, str]:
    """The entry as drawn: its first line (when, and that it cannot be used), then the reason."""
    first, reason = item.text().split("\n")
    return first, reason


def open_dialog(qtbot, session, folder) -> RestoreDialog:
    dialog = RestoreDialog.for_open_count(session, backup_dir=folder)
    qtbot.addWidget(dialog)
    return dialog


def test_the_unusable_backups_are_listed_newest_first_with_why_and_cannot_be_chosen(qtbot, session, stick, night):
    (before_import, carrying, altered, cut_short), altered_reason = night
    dialog = open_dialog(qtbot, session, stick)
    good = [item.data(0, Qt.ItemDataRole.UserRole) for item in rows(dialog.backups)]
    assert good == [str(carrying.path), str(before_import.path)]
    assert dialog.chosen_backup() == carrying.path
    assert all(item.flags() & Qt.ItemFlag.ItemIsSelectable for item in rows(dialog.backups))

    assert not dialog.unusable_summary.isHidden() and not dialog.unusable.isHidden()
    assert dialog.unusable_summary.text() == "2 backups in this folder cannot be used (see below)"
    assert dialog.unusable.accessibleDescription() == dialog.unusable_summary.text()
    newest, second = entries(dialog.unusable)
    assert [item.data(Qt.ItemDataRole.UserRole) for item in (newest, second)] == [
        str(cut_short.path), str(altered.path)]
    assert [shown(item)[0] for item in (newest, second)] == [
        f"{describe(cut_short)}: cannot be used", f"{describe(altered)}: cannot be used"]
    assert shown(newest)[1].startswith(cut_short.path.name)
    assert shown(second)[1].startswith(altered_reason)
    spoken = second.data(Qt.ItemDataRole.AccessibleTextRole)
    assert describe(altered) in spoken and altered_reason in spoken
    assert "altered" in second.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    for item in (newest, second):
        assert not item.flags() & Qt.ItemFlag.ItemIsSelectable

    # A click on the altered backup chooses nothing: the restore stays with the good one chosen.
    dialog.show()
    qtbot.waitExposed(dialog)
    rect = dialog.unusable.visualItemRect(second)
    qtbot.mouseClick(dialog.unusable.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.unusable.selectedItems() == [] and dialog.chosen_backup() == carrying.path
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.reason_edit.setText("a sheet was entered against the wrong contest")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with dialog.restored_session as restored:
        assert restored.audit_rows(action="backup.restore")[-1].after["backup"] == carrying.path.name


def test_a_folder_holding_only_an_unusable_backup_offers_nothing_to_restore(qtbot, session, stick, night, tmp_path):
    (_, _, altered, _), altered_reason = night
    bad_only = tmp_path / "bad only"
    bad_only.mkdir()
    shutil.move(altered.path, bad_only / altered.path.name)
    dialog = open_dialog(qtbot, session, stick)
    assert dialog.unusable.count() == 1  # the cut-short one; the altered one has gone
    dialog.show_backups(bad_only)
    assert dialog.backups.topLevelItemCount() == 0 and "No good backup" in dialog.folder_label.text()
    assert dialog.unusable_summary.text() == "1 backup in this folder cannot be used (see below)"
    (only,) = entries(dialog.unusable)
    assert shown(only)[1].startswith(altered_reason)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.unusable.setCurrentItem(only)
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.reason_edit.setText("try the altered one")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "Choose a backup" in dialog.error.text()
    assert not session.closed and session.audit_rows(action="backup.restore") == []


def test_the_unusable_list_can_be_read_at_the_keyboard_and_tab_leaves_it(qtbot, session, stick, night):
    (_, carrying, altered, _), _ = night
    dialog = open_dialog(qtbot, session, stick)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    dialog.unusable.setFocus()
    qtbot.waitUntil(dialog.unusable.hasFocus, timeout=2000)
    qtbot.keyClick(dialog.unusable, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.unusable, Qt.Key.Key_Down)
    current = dialog.unusable.currentItem()
    assert current is not None and current.data(Qt.ItemDataRole.UserRole) == str(altered.path)
    assert dialog.unusable.selectedItems() == [] and dialog.chosen_backup() == carrying.path
    qtbot.keyClick(dialog.unusable, Qt.Key.Key_Tab)
    assert not dialog.unusable.hasFocus() and dialog.isAncestorOf(QApplication.focusWidget())
    dialog.unusable.setFocus()
    qtbot.waitUntil(dialog.unusable.hasFocus, timeout=2000)
    qtbot.keyClick(dialog.unusable, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not dialog.unusable.hasFocus() and dialog.isAncestorOf(QApplication.focusWidget())


def test_a_folder_of_good_backups_shows_no_unusable_section(qtbot, session, stick, tmp_path):
    older = backup_now(session, stick, now=NIGHT)
    session.sheets.confirm(CONTEST_ID, r1("T1", 60, 50, 40))
    newest = backup_now(session, stick, now=NIGHT + minutes(5))
    dialog = open_dialog(qtbot, session, stick)
    assert [item.data(0, Qt.ItemDataRole.UserRole) for item in rows(dialog.backups)] == [
        str(newest.path), str(older.path)]
    assert dialog.unusable.count() == 0
    assert dialog.unusable.isHidden() and dialog.unusable_summary.isHidden()
    assert dialog.unusable_summary.text() == ""


def test_looking_in_a_good_folder_after_a_bad_one_clears_the_unusable_section(qtbot, session, stick, night,
                                                                               tmp_path):
    good_only = tmp_path / "good only"
    backup_now(session, good_only, now=NIGHT + minutes(20))
    dialog = open_dialog(qtbot, session, stick)
    assert dialog.unusable.count() == 2
    dialog.show_backups(good_only)
    assert dialog.backups.topLevelItemCount() == 1
    assert dialog.unusable.count() == 0 and dialog.unusable.isHidden()
    assert dialog.unusable_summary.isHidden()
