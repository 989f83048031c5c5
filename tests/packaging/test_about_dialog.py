"""Help > About: the version, the Qt it runs on, and every bundled component's licence, at the keyboard."""

from __future__ import annotations

import platform
import tomllib
from importlib import metadata

import cryptography
import PySide6
import pytest
import reportlab
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from countdesk.gui.dialogs.about_dialog import AboutDialog, app_icon

SCREENSHOTS = "test-artifacts/screenshots"


@pytest.fixture
def dialog(qtbot, styled_app):
    about = AboutDialog()
    qtbot.addWidget(about)
    about.show()
    qtbot.waitExposed(about)
    about.activateWindow()  # offscreen windows are not activated by show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return about


def table_rows(about: AboutDialog) -> dict[str, tuple[str, str]]:
    table = about.table
    return {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}


def select(qtbot, about: AboutDialog, name: str) -> None:
    """Move to the row of `name` with the arrow keys, as a keyboard user would."""
    about.table.setFocus()
    qtbot.keyClick(about.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(about.table.rowCount()):
        if about.table.item(about.table.currentRow(), 0).text() == name:
            return
        qtbot.keyClick(about.table, Qt.Key.Key_Down)
    raise AssertionError(f"no row {name}")


def screenshot(widget: QWidget, repo_root, name: str) -> None:
    for _ in range(3):
        QApplication.processEvents()
    folder = repo_root / SCREENSHOTS
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / f"{name}.png"))


def test_shows_the_project_version_and_what_it_runs_on(dialog, repo_root):
    version = tomllib.loads((repo_root / "pyproject.toml").read_text())["project"]["version"]
    assert f"countdesk {version}" in dialog.title_label.text()
    versions = dialog.versions_label.text()
    assert f"Qt {qVersion()}" in versions
    assert f"PySide6 {PySide6.__version__}" in versions
    assert f"Python {platform.python_version()}" in versions


def test_lists_the_bundled_libraries_and_fonts_with_their_licences(dialog):
    rows = table_rows(dialog)
    assert rows["Qt"] == (qVersion(), "LGPL-3.0-only")
    assert rows["PySide6_Essentials"] == (PySide6.__version__, "LGPL-3.0-only")
    assert rows["reportlab"] == (reportlab.Version, "BSD")
    assert rows["sqlite-utils"] == (metadata.version("sqlite-utils"), "Apache-2.0")
    assert rows["jsonschema"] == (metadata.version("jsonschema"), "MIT")
    assert rows["cryptography"] == (cryptography.__version__, "Apache-2.0 OR BSD-3-Clause")
    assert rows["Python"] == (platform.python_version(), "PSF-2.0")
    font_version, font_licence = rows["Liberation Sans"]
    assert font_licence == "SIL Open Font License 1.1"
    assert font_version.split(".")[0] == "2"  # the Liberation 2.x series shipped in resources/fonts


def test_licence_texts_follow_the_chosen_row(qtbot, dialog, repo_root):
    select(qtbot, dialog, "Qt")
    text = dialog.licence_text.toPlainText()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "Version 3" in text
    select(qtbot, dialog, "Liberation Sans")
    assert "SIL OPEN FONT LICENSE Version 1.1" in dialog.licence_text.toPlainText()
    select(qtbot, dialog, "cryptography")
    text = dialog.licence_text.toPlainText()
    assert "Apache License" in text and "Redistribution and use in source and binary forms" in text
    select(qtbot, dialog, "PySide6_Essentials")
    text = dialog.licence_text.toPlainText()
    assert "countdesk uses it under LGPL-3.0-only" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    screenshot(dialog, repo_root, "about-dialog-pyside-licence")


def test_keyboard_only_tab_order_copy_and_escape(qtbot, dialog, repo_root):
    screenshot(dialog, repo_root, "about-dialog")
    assert QApplication.focusWidget() is dialog.table
    first_text = dialog.licence_text.toPlainText()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.licence_text.toPlainText() != first_text
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.licence_text
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.copy_button
    QApplication.clipboard().clear()
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Space)
    copied = QApplication.clipboard().text()
    assert copied.startswith("countdesk ") and f"Qt {qVersion()}" in copied and "reportlab" in copied
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.close_button
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_every_control_a_screen_reader_meets_has_a_name(dialog):
    focusable = [w for w in dialog.findChildren(QWidget)
                 if w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isEnabled()]
    assert dialog.table in focusable and dialog.licence_text in focusable
    for widget in focusable:
        if widget.parent() is not None and widget.parent().parent() is dialog.table:
            continue  # the table's own scroll bars and viewport
        name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
        assert name.replace("&", "").strip(), f"{type(widget).__name__} {widget.objectName()!r} has no name"


def test_the_app_icon_has_every_desktop_size():
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)} <= sizes
