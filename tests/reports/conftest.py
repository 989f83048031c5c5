"""The document tests read PDFs back with poppler's tools (installed by scripts/bootstrap.sh)."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session", autouse=True)
def _poppler_present() -> None:
    missing = [tool for tool in ("pdftotext", "pdffonts", "pdfinfo") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found: install poppler-utils (scripts/bootstrap.sh does)")
