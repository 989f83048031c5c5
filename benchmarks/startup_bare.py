"""Baseline for start-up: a bare PySide6 window with a table view. Prints the wall-clock time of
its first paint (or, with --rss, the peak resident size in MB) and exits."""

import sys

from first_paint import report_rss, run_to_first_paint
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv[:1])
window = QMainWindow()
view = QTableView()
view.setModel(QStandardItemModel(20, 5))
window.setCentralWidget(view)
window.resize(1280, 820)
run_to_first_paint(app, window)
report_rss()
