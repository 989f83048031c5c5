"""What the three start-up scripts share: print the wall-clock time of a window's first paint and
quit, and report the peak resident size when asked. Qt only, so the bare baselines stay bare."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FirstPaint(QObject):
    """Prints time.time() and the process's CPU seconds so far at the window's first paint event,
    then ends the event loop (the CPU time holds on a machine busy with other work)."""

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            print(time.time(), time.process_time(), flush=True)
            QTimer.singleShot(0, QApplication.quit)
            obj.removeEventFilter(self)
        return False


def run_to_first_paint(app: QApplication, window: QWidget) -> None:
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


def report_rss() -> None:
    """With --rss on the command line: print the peak resident size in MB."""
    if "--rss" in sys.argv:
        import resource

        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
