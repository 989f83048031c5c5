"""Export to USB from the app: the stick is listed, the export runs off the GUI thread with a
progress bar, and "safe to remove" appears only once the bundle was read back and audited."""

from __future__ import annotations

import errno
import os
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gui_helpers import demo_open_count, focused, screenshot, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from countdesk.exchange.bundle import verify_bundle
from countdesk.exchange.signing import load_or_create_key
from countdesk.gui.dialogs import export_dialog as export_dialog_module
from countdesk.gui.dialogs.export_dialog import SAFE_TO_REMOVE, ExportDialog, Volume, looks_removable
from countdesk.gui.models.audit_model import ACTION
from countdesk.gui.widgets.audit_view import AuditView
from countdesk.services.export import EXPORT_ACTION

NOW = datetime(2021, 5, 8, 14, 0, tzinfo=UTC)


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "media" / "KINGSTON"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def open_count(tmp_path, open_counts):
    return demo_open_count(tmp_path, open_counts)


def make_dialog(qtbot, open_count, stick: Path, keys: Path) -> ExportDialog:
    dialog = ExportDialog(open_count, keys=keys, volumes=lambda: [Volume(stick, "KINGSTON", 7_500_000_000)],
                          clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def finish(qtbot, dialog: ExportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)


def test_the_export_says_safe_to_remove_with_the_fingerprint_once_checked_and_audited(qtbot, open_count, stick,
                                                                                       tmp_path):
    dialog = make_dialog(qtbot, open_count, stick, tmp_path / "keys")
    assert dialog.drives.count() == 1 and dialog.target() == stick
    assert "KINGSTON" in dialog.drives.item(0).text() and "7.5 GB free" in dialog.drives.item(0).text()
    dialog.place_edit.setText("Exhibition Centre Liverpool")
    screenshot(dialog, "export-dialog-ready")

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.running and not dialog.export_button.isEnabled() and not dialog.drives.isEnabled()
    finish(qtbot, dialog)

    report = dialog.report
    assert report is not None and report.path.parent == stick
    assert SAFE_TO_REMOVE in dialog.status.text()
    (printed,) = report.paper_fingerprints.values()  # the one contest's, printed on its documents
    assert dialog.fingerprint.text() == printed and len(printed.split()) == 8
    key = load_or_create_key(tmp_path / "keys")  # the installation key was created in the folder given
    assert verify_bundle(report.path, expected_public_key=key.public_key).ok
    # The signing key's fingerprint is shown too: the collating officer types two of its groups.
    assert report.key_fingerprint == key.fingerprint and dialog.key_fingerprint.isVisible()
    assert dialog.key_fingerprint.text().endswith(f":\n{key.fingerprint}")
    rows = open_count.session.audit_rows(action=EXPORT_ACTION)
    assert [row.id for row in rows] == [report.audit_row_id]
    assert rows[0].after["paper_fingerprints"] == report.paper_fingerprints
    assert dialog.cancel_button.text() == "Close" and dialog.export_button.text() == "Export &again"
    screenshot(dialog, "export-dialog-safe-to-remove")


def test_the_audit_log_shows_the_export_at_once_and_no_view_is_redrawn(qtbot, open_count, stick, tmp_path):
    """The export writes one audit row and no figure: the Audit log tab, open behind the dialog,
    gains that row, and the views of the figures are not told the count changed."""
    audit_view = AuditView(open_count)
    qtbot.addWidget(audit_view)
    entries = audit_view.model.rowCount()
    redrawn: list[str] = []
    open_count.changed.connect(redrawn.append)
    dialog = make_dialog(qtbot, open_count, stick, tmp_path / "keys")
    dialog.start_export()
    finish(qtbot, dialog)
    assert dialog.report is not None and SAFE_TO_REMOVE in dialog.status.text()

    assert audit_view.model.rowCount() == entries + 1
    row = audit_view.model.row(entries)
    assert (row.id, row.action, row.key) == (dialog.report.audit_row_id, EXPORT_ACTION, dialog.report.path.name)
    assert audit_view.model.index(entries, ACTION).data() == EXPORT_ACTION
    assert audit_view.action_filter.findData(EXPORT_ACTION) > 0
    assert redrawn == []


def test_a_pulled_stick_is_said_plainly_and_the_next_export_succeeds(qtbot, open_count, stick, tmp_path, monkeypatch):
    dialog = make_dialog(qtbot, open_count, stick, tmp_path / "keys")
    real_open = os.open

    def pulled(path, *args, **kwargs):
        if str(path).startswith(str(stick)):
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", pulled)
    dialog.start_export()
    finish(qtbot, dialog)
    assert dialog.report is None
    assert "removed or stopped responding" in dialog.status.text()
    assert dialog.status.property("role") == "fieldError"
    assert open_count.session.audit_rows(action=EXPORT_ACTION) == []
    assert dialog.export_button.isEnabled()
    screenshot(dialog, "export-dialog-stick-pulled")

    monkeypatch.undo()
    dialog.start_export()
    finish(qtbot, dialog)
    assert dialog.report is not None and SAFE_TO_REMOVE in dialog.status.text()


def test_cancel_stops_the_export_and_leaves_nothing(qtbot, open_count, stick, tmp_path, monkeypatch):
    release = threading.Event()
    real = export_dialog_module.write_export_bundle

    def held(*args, progress, **kwargs):
        def slow_progress(done, total, label):
            progress(done, total, label)
            release.wait(10)  # the first step waits until the test has pressed Cancel

        return real(*args, progress=slow_progress, **kwargs)

    monkeypatch.setattr(export_dialog_module, "write_export_bundle", held)
    dialog = make_dialog(qtbot, open_count, stick, tmp_path / "keys")
    dialog.start_export()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.cancel_button.isEnabled() and "Cancelling" in dialog.status.text()
    release.set()
    finish(qtbot, dialog)
    assert dialog.status.text() == "Export cancelled: nothing was left on the USB stick."
    assert list(stick.iterdir()) == []
    assert open_count.session.audit_rows(action=EXPORT_ACTION) == []
    assert dialog.isVisible()  # Cancel during an export stops it; the dialog stays to say so


def test_without_a_stick_it_says_so_and_a_folder_can_be_chosen(qtbot, open_count, tmp_path):
    dialog = ExportDialog(open_count, keys=tmp_path / "keys", volumes=lambda: [], clock=lambda: NOW)
    qtbot.addWidget(dialog)
    assert dialog.drives.count() == 0 and not dialog.export_button.isEnabled()
    assert "No USB stick found" in dialog.status.text()
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog.choose_folder(folder)
    assert dialog.target() == folder and dialog.export_button.isEnabled()


def test_every_control_is_named_and_reachable_by_keyboard(qtbot, open_count, stick, tmp_path):
    dialog = make_dialog(qtbot, open_count, stick, tmp_path / "keys")
    dialog.activateWindow()  # offscreen windows are not activated by show()
    dialog.drives.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.drives)
    reached = []
    for _ in range(8):
        reached.append(focused())
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    for widget in (dialog.drives, dialog.refresh_button, dialog.folder_button, dialog.place_edit,
                   dialog.export_button, dialog.cancel_button):
        assert widget in reached, widget.objectName()
    for widget in dialog.findChildren(QWidget):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            assert widget.accessibleName() or widget.text(), widget  # buttons are named by their text


@pytest.mark.parametrize("root, system, removable", [
    ("/media/alice/KINGSTON", "/", True), ("/run/media/bob/STICK", "/", True), ("/Volumes/UNTITLED", "/", True),
    ("/", "/", False), ("/home", "/", False), ("E:/", "C:/", True), ("C:/", "C:/", False),
])
def test_what_counts_as_a_usb_stick(root, system, removable):
    assert looks_removable(root, system) is removable


def test_the_main_window_offers_the_export_and_the_round2_instruction(qtbot, tmp_path):
    from gui_helpers import OPERATOR, make_count_file, small_sv_contest
    from PySide6.QtGui import QAction

    from countdesk.gui.main_window import MainWindow

    path = make_count_file(tmp_path / "testshire.countdesk", (small_sv_contest(),))
    window = MainWindow(operator=OPERATOR)
    qtbot.addWidget(window)
    export, round2 = window.findChild(QAction, "exportBundle"), window.findChild(QAction, "importRound2")
    assert window.findChild(QAction, "collation").isEnabled()  # collating needs no count open
    assert not export.isEnabled() and not round2.isEnabled()
    assert window.open_count(path)
    assert export.isEnabled() and round2.isEnabled()
    assert export.shortcut().toString() == "Ctrl+Shift+E"
    seen = []
    when_modal(lambda dialog: (seen.append(type(dialog).__name__), dialog.reject()))
    export.trigger()
    when_modal(lambda dialog: (seen.append(type(dialog).__name__), dialog.reject()))
    round2.trigger()
    assert seen == ["ExportDialog", "Round2InstructionDialog"]
    window.close_count()
