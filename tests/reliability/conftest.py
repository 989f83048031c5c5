"""Reliability tests: offscreen Qt with settings in a temporary place, and a terminal summary of the
figures the soak tests measured (kills, lost sheets), shown without -s."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402

_REPORT: list[str] = []


@pytest.fixture
def reliability_report():
    """Call with a line to have it printed in the terminal summary."""
    return _REPORT.append


def pytest_terminal_summary(terminalreporter) -> None:
    if _REPORT:
        terminalreporter.section("reliability figures")
        for line in _REPORT:
            terminalreporter.write_line(line)


@pytest.fixture
def qt_settings(qapp, tmp_path):
    """A QSettings of the test's own (an INI file in tmp_path): the app's real settings are untouched."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
