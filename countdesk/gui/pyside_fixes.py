"""Work-arounds for defects in the Qt binding, applied once when the GUI package is imported.

PySide6 6.12 on CPython 3.11: every time a Python override returns None where Qt expects a
QVariant (QAbstractItemModel.data / headerData for a role the model does not answer, which is
most calls), the binding drops one reference to None that it never took. A large table over a
count night drives None's reference count to zero and the process aborts ("none_dealloc").
CPython 3.12 made None immortal (PEP 683) by giving it a huge reference count; we do the same on
older interpreters, so the stray decrements can never reach zero. An over-count of None is
harmless, so this stays correct once the binding is fixed.
"""

from __future__ import annotations

import ctypes
import sys

#: Far more stray decrements than a process could make in its life (about 10^12).
_HEADROOM = 1 << 40


def make_none_immortal() -> None:
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM


make_none_immortal()
