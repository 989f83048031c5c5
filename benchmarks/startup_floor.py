"""The start-up floor on this stack: the bare PySide6 window of startup_bare.py, plus what any app
that shows a count kept in sqlite-utils must do before its first paint: import sqlite-utils, read
the count file (every row of every table), and name one Qt alignment (PySide6 builds the whole `Qt`
namespace, every enum of it, the first time any real window names a key, role or alignment).
Prints the wall-clock time of its first paint (or, with --rss, the peak resident size in MB)."""

import sys

from first_paint import report_rss, run_to_first_paint
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
from sqlite_utils import Database

app = QApplication(sys.argv[:1])
db = Database(sys.argv[1], execute_plugins=False)
rows = sum(len(list(db[name].rows)) for name in db.table_names())
window = QMainWindow()
view = QTableView()
view.setModel(QStandardItemModel(min(rows, 20), 5))
view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
window.setCentralWidget(view)
window.resize(1280, 820)
run_to_first_paint(app, window)
db.close()
report_rss()
