"""The demo is imported once and then copied (services/new_count.py copy_pristine_count): a copy is
the whole count with its trail intact, made under a hidden name, and never replaces a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from countdesk.errors import CountdeskError
from countdesk.exchange.countfile import load_count_file
from countdesk.services import CountSession
from countdesk.services.integrity import verify_count_file
from countdesk.services.new_count import copy_pristine_count, import_into_new_count, pristine_key

LIVERPOOL = Path(__file__).resolve().parents[2] / "resources" / "demo" / "liverpool-mayor-2021.json"


@pytest.fixture()
def pristine(tmp_path) -> Path:
    return import_into_new_count(tmp_path / "pristine.countdesk", "Demo operator", load_count_file(LIVERPOOL),
                                 reason="demo")


def test_a_copy_holds_the_whole_count_and_its_trail_checks(pristine, tmp_path):
    copy = copy_pristine_count(pristine, tmp_path / "demo-1.countdesk")
    assert copy.read_bytes() == pristine.read_bytes()
    assert verify_count_file(copy).ok
    with CountSession.open(copy, "Someone") as session:
        count = session.load()
    assert len(count.contests[0].boxes) == 94 and len(count.contests[0].count_sheets) == 28
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())  # no hidden leftovers


def test_a_copy_never_replaces_a_file(pristine, tmp_path):
    taken = tmp_path / "taken.countdesk"
    taken.write_bytes(b"somebody's count")
    with pytest.raises(CountdeskError, match="already exists"):
        copy_pristine_count(pristine, taken)
    assert taken.read_bytes() == b"somebody's count"


def test_a_count_opened_for_writing_since_is_not_copied(pristine, tmp_path):
    Path(f"{pristine}-wal").write_bytes(b"")  # as a count left open (or killed) would have
    with pytest.raises(CountdeskError, match="journal"):
        copy_pristine_count(pristine, tmp_path / "demo-2.countdesk")
    assert not (tmp_path / "demo-2.countdesk").exists()


def test_the_key_changes_with_the_file():
    source = LIVERPOOL.read_bytes()
    assert pristine_key(source) == pristine_key(source)
    assert pristine_key(source) != pristine_key(source + b" ")
