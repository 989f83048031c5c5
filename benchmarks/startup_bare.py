"""Baseline for start-up: a bare PySide6 window with a table view. Prints the wall-clock time of
its first paint (or, with --rss, the peak resident size in MB) and exits."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class FirstPaint(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            QTimer.singleShot(0, QApplication.quit)
            obj.removeEventFilter(self)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
view = QTableView()
view.setModel(QStandardItemModel(20, 5))
window.setCentralWidget(view)
window.resize(1280, 820)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
if "--rss" in sys.argv:
    import resource

    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
