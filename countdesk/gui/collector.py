"""Python's garbage collection on the GUI thread only, from a timer (as Anki does).

CPython collects reference cycles whenever enough objects have been allocated, on whichever thread
happens to allocate: a worker rendering a PDF or writing a backup allocates a lot. A collection
there frees any Qt object left in a cycle (a closed dialog, say) on that thread while the GUI thread
is using Qt: memory corruption, seen as a segfault in whatever ran next. So automatic collection is
switched off for the life of the app, and a timer on the GUI thread collects every few seconds,
between events, where freeing a Qt object is safe: the young objects each time (cheap), the whole
heap once a minute (a pause of tens of milliseconds on a big count).
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer
from shiboken6 import isValid

#: How often the GUI thread collects the young generations (objects made since the last few
#: collections: a fraction of a millisecond, as often as CPython's own thresholds would).
COLLECT_EVERY_MS = 2_000
#: Every how many of those ticks the whole heap is collected too. A full collection of an open
#: count of thousands of sheets takes tens of milliseconds here, a hitch the operator would feel
#: every few seconds while typing; once a minute it goes unnoticed and cycles never pile up.
FULL_EVERY_TICKS = 30


class GuiThreadCollector(QObject):
    """Collects garbage from a GUI-thread timer while automatic collection is off."""

    def __init__(self, interval_ms: int = COLLECT_EVERY_MS, full_every: int = FULL_EVERY_TICKS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.collections = 0
        self.full_every = full_every
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> int:
        """One collection, here on the GUI thread: the young generations each time, everything on
        every `full_every`-th. Returns the number of objects freed."""
        if threading.current_thread() is not threading.main_thread():
            return 0
        self.collections += 1
        return gc.collect() if self.collections % self.full_every == 0 else gc.collect(1)


_collector: GuiThreadCollector | None = None


def gui_thread_collects() -> bool:
    """True once the GUI thread's timer has taken garbage collection over (this process)."""
    return _collector is not None and isValid(_collector)


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
