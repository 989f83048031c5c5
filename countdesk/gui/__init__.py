"""The desktop app (PySide6): the only package that imports Qt."""

import gc

# The app collects garbage from a timer on the GUI thread only (collector.py), so automatic
# collection goes off when the GUI loads, not later when the QApplication is made: loading the GUI
# and opening a count allocate a few hundred thousand objects (modules, Qt's types, the count), and
# CPython's own collections among them, some seventy, were a tenth of the time to the first paint.
# create_application starts the timer that collects from then on.
gc.disable()

from . import pyside_fixes as _pyside_fixes  # noqa: E402,F401 - before any model is used
