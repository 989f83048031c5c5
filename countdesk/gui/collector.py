"""Python's garbage collection on the GUI thread only, from a timer (as Anki does).

CPython collects reference cycles whenever enough objects have been allocated, on whichever thread
happens to allocate: a worker rendering a PDF or writing a backup allocates a lot. A collection
there frees any Qt object left in a cycle (a closed dialog, say) on that thread while the GUI thread
is using Qt: memory corruption, seen as a segfault in whatever ran next. So automatic collection is
switched off for the life of the app, and a timer on the GUI thread collects every few seconds,
between events, where freeing a Qt object is safe.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer
from shiboken6 import isValid

#: How often the GUI thread collects. Short enough that cycles never pile up over a count night
#: (a full collection of the app takes a few milliseconds), long enough not to be noticed.
COLLECT_EVERY_MS = 5_000


class GuiThreadCollector(QObject):
    """Collects garbage from a GUI-thread timer while automatic collection is off."""

    def __init__(self, interval_ms: int = COLLECT_EVERY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.collections = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> int:
        """One full collection, here on the GUI thread; the number of objects freed."""
        if threading.current_thread() is not threading.main_thread():
            return 0
        self.collections += 1
        return gc.collect()


_collector: GuiThreadCollector | None = None


def collect_on_gui_thread_only() -> GuiThreadCollector:
    """Switch automatic collection off and start the GUI thread's timer (once; the QApplication
    must exist, and this must be called from its thread). Called when the app starts, and by the
    worker before the first background task, so no test or tool that runs work forgets it."""
    global _collector
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("garbage collection is handed to the GUI thread from the GUI thread, once Qt runs")
    gc.disable()
    if _collector is None or not isValid(_collector):
        _collector = GuiThreadCollector(parent=app)
    return _collector
