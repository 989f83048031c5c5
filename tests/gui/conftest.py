"""GUI test set-up: offscreen Qt, settings and user folders in a temporary place, count files.

Every test that opens a count gets a real CountSession on a real file in tmp_path, so what the
widgets do is checked against what the store holds.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="countdesk-gui-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "data")
os.environ["XDG_DOCUMENTS_DIR"] = str(_SANDBOX / "documents")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from countdesk.gui import settings  # noqa: E402
from countdesk.gui.appearance import apply_appearance  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _app_identity(qapp):
    """Named as the real app (QSettings keys, app-data folder), with the real look."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(_SANDBOX / "settings"))
    qapp.setOrganizationName(settings.ORGANISATION)
    qapp.setApplicationName(settings.APPLICATION)
    apply_appearance(qapp)
    yield


@pytest.fixture(autouse=True)
def _fresh_settings():
    settings.forget_unwritten()
    QSettings().clear()
    yield
    settings.forget_unwritten()
    QSettings().clear()


@pytest.fixture
def open_counts():
    """Counts opened by a test, closed after it (releasing each file's lock)."""
    opened = []
    yield opened
    for open_count in opened:
        if not open_count.session.closed:
            open_count.close()
