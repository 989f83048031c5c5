"""Issue 14's attacks, repeated: each test is one reproduction from the report, failing before its fix."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402
from security_helpers import LIVERPOOL  # noqa: E402

from countdesk.cli import main  # noqa: E402


@pytest.fixture()
def liverpool_db(tmp_path, capsys, monkeypatch):
    """The Liverpool 2021 mayoral count imported into a count file (signing keys kept in tmp_path)."""
    monkeypatch.setenv("COUNTDESK_HOME", str(tmp_path / "home"))
    db = tmp_path / "liverpool.countdesk"
    assert main(["import", str(LIVERPOOL), "--db", str(db), "--operator", "Count Supervisor"]) == 0
    capsys.readouterr()
    return db
