from __future__ import annotations

from pathlib import Path

import pytest

from countdesk.services import CountSession
from countdesk.exchange.signing import generate_key
from session_builders import ELECTION, LIVERPOOL, load_example, small_sv, ticking_clock


@pytest.fixture
def count_path(tmp_path):
    return tmp_path / "night.countdesk"


@pytest.fixture
def session(count_path):
    """A new count file, open for writing by Alice, holding the small SV contest."""
    s = CountSession.create(count_path, "Alice", ELECTION, clock=ticking_clock())
    s.add_contest(small_sv())
    yield s
    s.close()


# The export tests' count, signing key and USB stick.
@pytest.fixture(scope="module")
def key():
    return generate_key()


@pytest.fixture
def liverpool(tmp_path):
    """The Liverpool 2021 count, open for writing by the returning officer."""
    session = CountSession.create(tmp_path / "liverpool.countdesk", "Returning Officer", load_example(LIVERPOOL).election)
    session.import_count(load_example(LIVERPOOL))
    yield session
    session.close()


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "USBSTICK"
    folder.mkdir()
    return folder
