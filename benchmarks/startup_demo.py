"""`countdesk demo` as a user meets it: the app's own window opening a fresh copy of the demo count,
timed to its first paint once the count is shown (not the start page). Run once beforehand, as a
user's second demo would be: the first demo on a machine imports the demo file (benchmarks/run.py
warms it up). Prints that wall-clock time (or, with --rss, the peak resident size in MB) and exits."""

import sys

from first_paint import report_rss, run_to_first_paint

from countdesk.gui.application import create_application
from countdesk.gui.main_window import MainWindow

app = create_application(sys.argv[:1])
window = MainWindow(operator="Benchmark")
window.open_demo()
if window.workspace is None:  # the first demo on this machine: imported off the GUI thread
    while window.workspace is None:
        app.processEvents()
run_to_first_paint(app, window)
window.close_count()
report_rss()
