"""The Qt side of `countdesk --self-test` (cli/selftest.py runs the steps and imports this module
only when the self-test starts, so no other command loads Qt).

An offscreen application whose settings and recent files stay in the self-test's temporary folder,
a guard that closes any modal dialog (nobody is at the screen to answer it), and a PDF read back
through Qt's own PDF module, as the app's preview reads it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, qInstallMessageHandler, qVersion
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from .appearance import load_fonts
from .application import create_application


def start_offscreen_app(settings_folder: Path, on_qt_message: Callable[[str], None],
                        on_dialog: Callable[[str], None], poll_ms: int) -> tuple[QApplication, str | None, str]:
    """The app, offscreen unless a platform is set, with its settings in `settings_folder`.

    Qt's own messages go to `on_qt_message`; a modal dialog that appears is described to
    `on_dialog` and closed, checked every `poll_ms`. Returns the app, the bundled font family
    loaded (None when the fonts could not be loaded) and a line naming Qt and its platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt's own warnings (the offscreen platform has several) are kept for a failure report.
    qInstallMessageHandler(lambda _kind, _context, message: on_qt_message(message))
    # Settings and recent files go to the temporary folder, never into the user's own.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_folder))
    app = create_application([sys.argv[0] if sys.argv else "countdesk", "--self-test"])
    guard = QTimer(app)
    guard.setInterval(poll_ms)
    guard.timeout.connect(lambda: _close_modal_dialog(on_dialog))
    guard.start()
    family = load_fonts()
    return app, family or None, f"Qt {qVersion()} on the {QApplication.platformName()} platform"


def _close_modal_dialog(on_dialog: Callable[[str], None]) -> None:
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        return
    text = dialog.text() if isinstance(dialog, QMessageBox) else ""
    on_dialog(" ".join(part for part in (dialog.windowTitle(), text) if part))
    if isinstance(dialog, QDialog):
        dialog.reject()
    else:
        dialog.close()


def pdf_pages_text(path: Path) -> list[str] | None:
    """The text of each page of the PDF at `path` as Qt reads it, or None when Qt cannot read it
    (or it has no page)."""
    pdf = QPdfDocument()
    try:
        if pdf.load(str(path)) != QPdfDocument.Error.None_ or pdf.pageCount() < 1:
            return None
        return [pdf.getAllText(page).text() for page in range(pdf.pageCount())]
    finally:
        pdf.close()
