from __future__ import annotations

import pytest

from countdesk.store.database import create_database


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "night.countdesk"


@pytest.fixture
def cdb(db_path):
    database = create_database(db_path)
    yield database
    database.close()
