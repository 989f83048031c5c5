"""A count on the test cluster, and station roles to reach it as."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import psycopg
import pytest
from server_builders import CONTEST, ELECTION

from countdesk.services import CountSession
from countdesk.store.server import open_server_count
from countdesk.store.server_roles import grant_station

# The GUI tests' keyboard helpers (focus_on, type_keys, press) serve the stations' windows too.
sys.path.insert(0, str(Path(__file__).parents[1] / "gui"))

_role_numbers = itertools.count(1)


@pytest.fixture
def station_url(pg_cluster, pg_url):
    """make(name) -> the URL a station logs in with: a role of its own with a station's rights."""
    made: dict[str, str] = {}

    def make(name: str = "station") -> str:
        if name not in made:
            role = f"{name}_{next(_role_numbers)}"
            with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
                conn.execute(f"CREATE ROLE {role} LOGIN")
            owner = open_server_count(pg_url)
            try:
                grant_station(owner, role)
            finally:
                owner.close()
            dbname = pg_url.split("/")[3].split("?")[0]
            made[name] = pg_cluster.url(dbname, user=role)
        return made[name]

    return make


@pytest.fixture
def app_settings(tmp_path):
    """The app's settings (recent files, backup folder) in this test's own folder, never the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def window(qtbot, app_settings):
    """A main window for Ann, its count closed at the end."""
    from countdesk.gui.main_window import MainWindow

    w = MainWindow(operator="Ann")
    qtbot.addWidget(w)
    yield w
    w.close_count()


@pytest.fixture
def server_count(pg_url):
    """The URL of a server count holding one empty FPTP contest (set up by the owner)."""
    with CountSession.create(pg_url, "Count Supervisor", ELECTION) as session:
        from countdesk.domain.model import Count

        session.import_count(Count(ELECTION, (CONTEST,)), replace=True)
    return pg_url
