"""Packaging tests: offscreen Qt, settings in a temporary place, the repository's paths."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="countdesk-packaging-tests-"))

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def sandbox() -> Path:
    return _SANDBOX


@pytest.fixture(scope="session")
def styled_app(qapp):
    """The QApplication with countdesk's font and style sheet, as the app shows itself."""
    from countdesk.gui.appearance import apply_appearance

    apply_appearance(qapp)
    return qapp
