"""One writer per count: while a process writes a count, a second process is refused by name and
time (the app and the command line alike) or reads it, and a reader checking the count's integrity
sees one consistent state however fast the writer commits."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import kill_sheets
import pytest
from reliability_builders import LIVERPOOL

from countdesk.services import CountLockedError, CountSession
from countdesk.services.integrity import verify_count, verify_count_file

WRITER = Path(__file__).with_name("sheet_writer.py")


@pytest.fixture
def writing(tmp_path):
    """A count being written, sheet after sheet, by another process (operator "Writer")."""
    db = tmp_path / "busy.countdesk"
    with CountSession.create(db, "Setup", kill_sheets.ELECTION) as setup:
        setup.set_up.add_contest(kill_sheets.CONTEST)
    proc = subprocess.Popen([sys.executable, str(WRITER), str(db)], stdout=subprocess.PIPE, cwd=WRITER.parent)
    assert proc.stdout.readline().strip() == b"READY"
    yield db, proc
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def test_a_second_writer_is_told_who_has_the_count_and_since_when(writing):
    db, proc = writing
    with pytest.raises(CountLockedError) as refused:
        CountSession.open(db, "Alice")
    holder = refused.value.holder
    assert (holder.operator, holder.pid) == ("Writer", proc.pid)
    since = datetime.fromisoformat(holder.since)
    assert abs((datetime.now(UTC) - since).total_seconds()) < 60
    message = str(refused.value)
    assert "already open for writing by Writer" in message and f"process {proc.pid}" in message
    assert f"since {holder.since}" in message and "open it read-only" in message


def test_the_command_line_is_refused_too_in_one_line(writing):
    db, proc = writing
    code = subprocess.run([sys.executable, "-m", "countdesk", "import", str(LIVERPOOL), "--db", str(db), "--replace",
                           "--operator", "Bob"], capture_output=True, text=True, timeout=120)
    assert code.returncode == 2 and code.stderr.count("\n") == 1
    assert "already open for writing by Writer" in code.stderr and "Traceback" not in code.stderr


def test_a_reader_alongside_the_writer_always_sees_a_consistent_count(writing):
    db, _ = writing
    seen = []
    with CountSession.open(db, "Observer", read_only=True) as reader:
        assert reader.lock_holder.operator == "Writer"
        for _ in range(15):
            # One snapshot: the trail and the tables from the same instant, so every sheet the writer
            # had committed matches its audit row, whose figures are the writer's (checked below).
            found = verify_count(reader)
            assert found.ok, found.differences[:3]
            seen.append(found.audit.rows_checked)
        for row in reader.audit_rows(action="sheet.save"):
            assert row.after == kill_sheets.audit_record(kill_sheets.sheet_number(row.key))
    assert seen[-1] > seen[0], "the writer was not writing while the reader checked"


def test_the_integrity_check_of_a_count_being_written_never_cries_wolf(writing):
    """By file, as the command line would call it: each check is one snapshot of its own."""
    db, _ = writing
    for _ in range(15):
        found = verify_count_file(db)
        assert found.ok, found.summary()
