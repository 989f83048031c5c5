from __future__ import annotations

from pathlib import Path

import pytest
from round2_builders import instruction
from session_builders import ELECTION, LIVERPOOL, load_example, small_sv, ticking_clock

from countdesk.exchange.round2 import write_round2_instruction
from countdesk.exchange.signing import generate_key
from countdesk.services import CountSession


@pytest.fixture
def count_path(tmp_path):
    return tmp_path / "night.countdesk"


@pytest.fixture
def session(count_path):
    """A new count file, open for writing by Alice, holding the small SV contest."""
    s = CountSession.create(count_path, "Alice", ELECTION, clock=ticking_clock())
    s.set_up.add_contest(small_sv())
    yield s
    s.close()


# The export tests' count, signing key and USB stick.
@pytest.fixture(scope="module")
def key():
    return generate_key()


@pytest.fixture
def liverpool(tmp_path):
    """The Liverpool 2021 count, open for writing by the returning officer."""
    session = CountSession.create(tmp_path / "liverpool.countdesk", "Returning Officer",
                                  load_example(LIVERPOOL).election)
    session.import_count(load_example(LIVERPOOL))
    yield session
    session.close()


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "USBSTICK"
    folder.mkdir()
    return folder


@pytest.fixture
def issued(stick) -> Path:
    """A round-2 instruction as a collating officer issued it (round2_builders): c and a."""
    return write_round2_instruction(stick / "round2-issued.json", instruction({"a": 98, "b": 90, "c": 100, "d": 50}))


@pytest.fixture
def corrected(stick) -> Path:
    """Another valid instruction for the same contest and area (a corrected sum): b and c."""
    return write_round2_instruction(stick / "round2-corrected.json",
                                    instruction({"a": 88, "b": 101, "c": 100, "d": 50}))
