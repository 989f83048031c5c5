"""countdesk start-up as a user meets it: the app's own window opening a count file, timed to its
first paint after the count is shown. Prints that wall-clock time (or, with --rss, the peak resident
size in MB) and exits. The operator is given, as the app would after asking once."""

import sys
from pathlib import Path

from first_paint import report_rss, run_to_first_paint

from countdesk.gui.application import create_application
from countdesk.gui.main_window import MainWindow

app = create_application(sys.argv[:1])
window = MainWindow(operator="Benchmark")
window.open_count(Path(sys.argv[1]), operator="Benchmark")
run_to_first_paint(app, window)
window.close_count()
report_rss()
