"""Starting the desktop app: `countdesk`, `countdesk gui FILE` and `countdesk demo`.

Apart from application.py (the QApplication and the count files it makes) because it needs the main
window, and the main window's modules need application.py: this module sits above both.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent

from .application import create_application


def run_app(path: Path | None = None, demo: bool = False) -> int:
    """`countdesk`, `countdesk gui FILE` and `countdesk demo`: show the main window and run."""
    app = create_application()
    from .main_window import MainWindow  # its modules load once the application exists, as before

    window = MainWindow()
    # Opened before the window is shown, so its first paint is the count, not the start page (the
    # demo, the first time, is imported off the GUI thread while the start page shows its progress).
    if demo:
        window.open_demo()
    elif path is not None:
        window.open_count(Path(path))
    window.show()
    code = app.exec()
    # Destroyed now, while Qt is still there: connections to its lambdas keep the window's Python
    # object alive past this function, and Python's last collection destroying it after Qt's own
    # teardown crashed the process on quitting after a count night.
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code
