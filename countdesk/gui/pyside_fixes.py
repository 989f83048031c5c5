"""Work-arounds for defects in the Qt binding, applied once when the GUI package is imported.

PySide6 6.12 on CPython 3.11 drops references it never took to the interpreter's singletons:
- None, every time a Python override returns None where Qt expects a QVariant
  (QAbstractItemModel.data / headerData for a role the model does not answer, most calls);
- True or False, on every `signal.emit()` made from Python (emit hands back its bool result
  without counting the reference). False starts with about a thousand references, so a thousand
  emits (a few hundred background tasks, or an evening of entries) abort the process
  ("bool_dealloc"), or corrupt memory on another thread first.
CPython 3.12 made these objects immortal (PEP 683) by giving them a huge reference count; we do
the same on older interpreters, so the stray decrements can never reach zero. An over-count of
an immortal singleton is harmless, so this stays correct once the binding is fixed.
"""

from __future__ import annotations

import ctypes
import sys

#: Far more stray decrements than a process could make in its life (about 10^12).
_HEADROOM = 1 << 40


def make_singletons_immortal() -> None:
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _HEADROOM:
            refcount.value += _HEADROOM


make_singletons_immortal()


def read_sources_once_for_features() -> bool:
    """PySide6 asks of every module imported after it whether its source mentions "PySide6" (to
    switch `from __feature__` options per module), through `inspect.getsource`: tokenising and
    caching the lines of some two hundred modules, a tenth of the app's start-up. The same question
    asked of the file's bytes gives the same answer at a fraction of the cost; anything that is not
    a plain source file still goes to PySide's own check. False if this binding has no such check
    (then there is nothing to speed up; tests/gui/test_pyside_fixes.py notices)."""
    import PySide6  # noqa: F401 - loads shiboken's support modules, the feature check among them

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return False
    if getattr(original, "reads_bytes", False):
        return True

    def mod_uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    mod_uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]
    return True


read_sources_once_for_features()
