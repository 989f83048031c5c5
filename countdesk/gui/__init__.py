"""The desktop app (PySide6): the only package that imports Qt."""

from . import pyside_fixes as _pyside_fixes  # noqa: E402,F401 - before any model is used
