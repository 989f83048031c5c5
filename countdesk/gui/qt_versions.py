"""The Qt and PySide6 versions this installation runs on, for `countdesk --version` (which imports
this module only when asked, so no other command loads Qt)."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion


def qt_versions() -> tuple[str, str]:
    """(Qt's version, PySide6's version)."""
    return qVersion(), PySide6.__version__
