"""countdesk start-up as a user meets it: the app's own window opening a count file, timed to its
first paint after the count is shown. Prints that wall-clock time (or, with --rss, the peak resident
size in MB) and exits. The operator is given, as the app would after asking once."""

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from countdesk.gui.application import create_application
from countdesk.gui.main_window import MainWindow


class FirstPaint(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            QTimer.singleShot(0, QApplication.quit)
            obj.removeEventFilter(self)
        return False


app = create_application(sys.argv[:1])
window = MainWindow(operator="Benchmark")
window.open_count(Path(sys.argv[1]), operator="Benchmark")
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
window.close_count()
if "--rss" in sys.argv:
    import resource

    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
