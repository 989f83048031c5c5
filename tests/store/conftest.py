from __future__ import annotations

import pytest

from countdesk.store.database import create_database


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "night.countdesk"


@pytest.fixture(params=["file", "server"])
def cdb(request, db_path):
    """The store, once as a count file and once as a count server: the same tests for both."""
    if request.param == "file":
        database = create_database(db_path)
    else:
        from countdesk.store.server import create_server_count

        database = create_server_count(request.getfixturevalue("pg_url"))
    yield database
    database.close()
