from __future__ import annotations

import pytest

from countdesk.services import CountSession
from session_builders import ELECTION, small_sv, ticking_clock


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
